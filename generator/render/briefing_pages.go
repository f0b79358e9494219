package render

import (
	"bytes"
	"html/template"

	"briefgen/generator/briefing"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
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
//
// Besides the actor and its briefing, it holds what the default theme
// shows ready-made, computed once in Go rather than through a function
// call per item in the template (the template functions and the Actor's
// methods still give the same).
type ActorPage struct {
	Page
	Briefing *source.Briefing
	Data     *briefing.Briefing
	Actor    *briefing.Actor

	BriefingTitle string // briefingTitle .Briefing
	KindLabel     string // "Person", "Organization", "Place" or "Actor"
	Role          string // .Actor.Role
	// Counts is "3 mentions in 2 articles · 1 quotation · 4 events"
	// (quotations and events only when there are some).
	Counts  string
	Roles   []ActorRole       // .Actor.RoleHistory, dated
	Events  []*timeline.Entry // .Data.EventsOf .Actor
	Related []RelatedActor    // .Actor.Related without the hidden actors
	Recent  []*source.Article // .Actor.RecentArticles 12
	// More is how many articles name the actor beyond Recent.
	More int
	// Href is relURL of the page's own path; BriefingHref, of its
	// briefing's; TimelineHref, of the briefing's timeline page.
	Href, BriefingHref, TimelineHref string
}

// ActorRole is one position of an actor (a briefing.RoleSpan) with its
// dates and sources ready to show.
type ActorRole struct {
	briefing.RoleSpan
	Text   string // .RoleSpan.Text (see views.go on repeated fields)
	Editor bool   // .RoleSpan.Editor
	// When is "November 22, 2024" when every source is of one day, else
	// "Nov 2, 2024 – Nov 22, 2024"; "" for an editor's role.
	When  string
	Links []SourceLink
}

// SourceLink is a link to the sentence a fact comes from: Href is the
// link (relURL applied), Label the outlet or "source".
type SourceLink struct {
	Href, Label string
}

// RelatedActor is an actor often mentioned with another: Href is the
// link to its page ("" when it has none), Sentences "3 sentences".
type RelatedActor struct {
	briefing.Related
	Actor     *briefing.Actor // .Related.Actor (see views.go on repeated fields)
	Href      string
	Sentences string
}

// QuotesPage is the data of templates/quotes.html: a briefing's
// quotations by speaker.
type QuotesPage struct {
	Page
	Briefing *source.Briefing
	Data     *briefing.Briefing

	// Ready-made for the default theme: briefingTitle .Briefing; "12
	// quotations · 3 speakers"; whether .Data has visible quotations;
	// .Data.Speakers with their links; .Data.Unattributed; relURL of
	// the briefing's path.
	BriefingTitle string
	Counts        string
	HasQuotes     bool
	Speakers      []QuoteSpeaker
	Unattributed  []*briefing.Quote
	BriefingHref  string
}

// QuoteSpeaker is a speaker of a briefing's quotation index: Href links
// to its page (relURL applied), Role is its current role, Count the
// number of its quotations.
type QuoteSpeaker struct {
	Actor          *briefing.Actor
	ID, Name, Role string
	Href           string
	Count          int
	Quotes         []*briefing.Quote
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
	p := &ActorPage{Page: r.page("actor", a.Name, briefing.ActorPath(b, a.ID)), Briefing: b, Data: x, Actor: a}
	brel := b.RelPermalink()
	p.Feed = brel + "feed.xml"
	p.BriefingTitle = briefingTitle(b)
	p.Role = a.Role()
	p.Description = a.Name
	if p.Role != "" {
		p.Description += ", " + p.Role
	}
	p.Description += ", in " + p.BriefingTitle + ": roles, quotations and events, each with its source."
	switch a.Kind {
	case "person":
		p.KindLabel = "Person"
	case "organization":
		p.KindLabel = "Organization"
	case "place":
		p.KindLabel = "Place"
	default:
		p.KindLabel = "Actor"
	}
	p.Counts = plural(a.Mentions, "mention", "mentions") + " in " + plural(len(a.Articles), "article", "articles")
	if len(a.Quotes) > 0 {
		p.Counts += " · " + plural(len(a.Quotes), "quotation", "quotations")
	}
	if len(a.Events) > 0 {
		p.Counts += " · " + plural(len(a.Events), "event", "events")
	}
	rel := r.urls.Rel
	for _, h := range a.RoleHistory() {
		ar := ActorRole{RoleSpan: h, Text: h.Text, Editor: h.Editor}
		if !h.Editor && len(h.Sources) > 0 {
			first, last := h.First(), h.Last()
			if isoDate(first) == isoDate(last) {
				ar.When = longDate(first)
			} else {
				ar.When = shortDate(first) + " – " + shortDate(last)
			}
			ar.Links = make([]SourceLink, len(h.Sources))
			for i, s := range h.Sources {
				ar.Links[i] = SourceLink{Href: rel(s.URL()), Label: "source"}
				if s.Article.Source != "" {
					ar.Links[i].Label = s.Article.Source
				}
			}
		}
		p.Roles = append(p.Roles, ar)
	}
	p.Events = x.EventsOf(a)
	for _, ra := range a.Related {
		if ra.Actor.Hidden {
			continue
		}
		v := RelatedActor{Related: ra, Actor: ra.Actor, Sentences: plural(ra.Count, "sentence", "sentences")}
		if x.HasPage(ra.Actor) {
			v.Href = rel(x.ActorURL(ra.Actor))
		}
		p.Related = append(p.Related, v)
	}
	p.Recent = a.RecentArticles(12)
	p.More = len(a.Articles) - len(p.Recent)
	p.Href = rel(p.RelPermalink)
	p.BriefingHref = rel(brel)
	p.TimelineHref = rel(x.TimelineURL())
	return r.Execute("actor", p)
}

// Quotes renders a briefing's quotation index.
func (r *Renderer) Quotes(x *briefing.Briefing) ([]byte, error) {
	b := x.Briefing
	p := &QuotesPage{Page: r.page("quotes", "Quotations: "+briefingTitle(b), briefing.QuotesPath(b)), Briefing: b, Data: x}
	p.Feed = b.RelPermalink() + "feed.xml"
	p.BriefingTitle, p.BriefingHref = briefingTitle(b), r.urls.Rel(b.RelPermalink())
	speakers, visible := x.Speakers(), x.VisibleQuotes()
	p.Counts = plural(len(visible), "quotation", "quotations") + " · " + plural(len(speakers), "speaker", "speakers")
	p.HasQuotes = len(visible) > 0
	p.Unattributed = x.Unattributed()
	p.Speakers = make([]QuoteSpeaker, len(speakers))
	for i, a := range speakers {
		p.Speakers[i] = QuoteSpeaker{Actor: a, ID: a.ID, Name: a.Name, Role: a.Role(), Href: r.urls.Rel(x.ActorURL(a)), Count: len(a.Quotes), Quotes: a.Quotes}
	}
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
