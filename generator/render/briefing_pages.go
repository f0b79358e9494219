package render

import (
	"bytes"
	"html/template"

	"briefgen/generator/briefing"
	"briefgen/generator/source"
)

// addBrief renders a briefing's Markdown brief into its page, without the
// brief's own title line (the page has its heading).
func (r *Renderer) addBrief(p *BriefingPage, md []byte) error {
	if len(md) == 0 {
		return nil
	}
	if bytes.HasPrefix(md, []byte("# ")) {
		if i := bytes.IndexByte(md, '\n'); i >= 0 {
			md = md[i+1:]
		}
	}
	h, err := Markdown(r.md, md)
	if err != nil {
		return err
	}
	p.Brief = h
	p.BriefURL = briefing.BriefPath(p.Briefing)
	return nil
}

// ActorPage is the data of templates/actor.html: one actor of a
// briefing's registry.
type ActorPage struct {
	Page
	Briefing *source.Briefing
	Data     *briefing.Briefing
	Actor    *briefing.Actor
}

// QuotesPage is the data of templates/quotes.html: a briefing's
// quotations by speaker.
type QuotesPage struct {
	Page
	Briefing *source.Briefing
	Data     *briefing.Briefing
}

// ActorsIndexPage is the data of templates/actors.html: every actor of
// every briefing.
type ActorsIndexPage struct {
	Page
	Actors []briefing.SiteActor
}

// QuotesIndexPage is the data of templates/quotes-index.html: every
// speaker of every briefing, with their quotations.
type QuotesIndexPage struct {
	Page
	Speakers []briefing.SiteActor
	Count    int // quotations in all
}

// Actor renders a registry actor's page.
func (r *Renderer) Actor(x *briefing.Briefing, a *briefing.Actor) ([]byte, error) {
	b := x.Briefing
	p := ActorPage{Page: r.page("actor", a.Name, briefing.ActorPath(b, a.ID)), Briefing: b, Data: x, Actor: a}
	p.Feed = b.RelPermalink() + "feed.xml"
	p.Description = a.Name
	if role := a.Role(); role != "" {
		p.Description += ", " + role
	}
	p.Description += ", in " + briefingTitle(b) + ": roles, quotations and events, each with its source."
	return r.Execute("actor", p)
}

// Quotes renders a briefing's quotation index.
func (r *Renderer) Quotes(x *briefing.Briefing) ([]byte, error) {
	b := x.Briefing
	p := QuotesPage{Page: r.page("quotes", "Quotations: "+briefingTitle(b), briefing.QuotesPath(b)), Briefing: b, Data: x}
	p.Feed = b.RelPermalink() + "feed.xml"
	p.Description = "Who said what in " + briefingTitle(b) + ", by speaker and date, with the sentence each quotation comes from."
	return r.Execute("quotes", p)
}

// ActorsIndex renders the site-wide actor index (/actors/).
func (r *Renderer) ActorsIndex(list []briefing.SiteActor) ([]byte, error) {
	p := ActorsIndexPage{Page: r.page("actors", "People and organizations", "/actors/"), Actors: list}
	p.Description = "Every person and organization the briefings talk about."
	return r.Execute("actors", p)
}

// QuotesIndex renders the site-wide quotation index (/quotes/).
func (r *Renderer) QuotesIndex(list []briefing.SiteActor) ([]byte, error) {
	p := QuotesIndexPage{Page: r.page("quotes-index", "Who said what", "/quotes/"), Speakers: list}
	for _, s := range list {
		p.Count += s.Quotes
	}
	p.Description = "Every speaker quoted in the briefings, with links to their quotations."
	return r.Execute("quotes-index", p)
}

// BriefHTML renders brief Markdown the way the briefing page shows it.
func (r *Renderer) BriefHTML(md []byte) (template.HTML, error) {
	p := BriefingPage{}
	p.Briefing = &source.Briefing{}
	if err := r.addBrief(&p, md); err != nil {
		return "", err
	}
	return p.Brief, nil
}
