// Package briefing aggregates what extraction found in the articles of a
// site: a view of each article's facts for its page (actors with roles,
// quotations with speakers, each tied to its sentence) and, per briefing
// (Aggregate), the actor registry (the same person across articles is one
// actor with dated roles), the quotation index (the same quotation carried
// by two articles is one entry with both sources), the merged timeline,
// editor overrides applied, and the Markdown brief (Brief).
//
// It sits between extraction and rendering: it reads source articles and
// extract.Facts and produces plain data for the templates.
package briefing

import (
	"slices"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/extract"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// ArticleActor is an actor as an article page lists it.
type ArticleActor struct {
	ID       string
	Name     string
	Kind     string // "person", "organization", "place", "other"
	Aliases  []string
	Roles    []ArticleRole
	Mentions int    // how often the article refers to it
	Quotes   int    // how many quotations it speaks
	Anchor   string // id of the sentence of its first mention
	// Page is the site path of the actor's page in the briefing's
	// registry ("/<briefing>/actors/<id>/"), or "" when it has none.
	Page string
}

// ArticleRole is a title or description, with the sentence it was stated in.
type ArticleRole struct {
	Text   string
	Anchor string
}

// ArticleQuote is a quotation as an article page lists it.
type ArticleQuote struct {
	Text      string
	SpeakerID string // "" when nobody is named
	Speaker   string // the speaker's name, or ""
	Partial   bool
	Anchor    string // id of the sentence it starts in
}

// ArticleFacts is the view of one article's facts for its page.
type ArticleFacts struct {
	Actors []ArticleActor // people, then organizations, places and others; each by first mention
	Quotes []ArticleQuote // in text order
	Events int            // timeline events found in the article
}

// People, Organizations and Places filter Actors by kind for templates.
func (f *ArticleFacts) People() []ArticleActor        { return f.ofKind("person") }
func (f *ArticleFacts) Organizations() []ArticleActor { return f.ofKind("organization") }
func (f *ArticleFacts) Places() []ArticleActor        { return f.ofKind("place") }

func (f *ArticleFacts) ofKind(k string) []ArticleActor {
	var out []ArticleActor
	for _, a := range f.Actors {
		if a.Kind == k {
			out = append(out, a)
		}
	}
	return out
}

// Article builds the view of an article's facts.
func Article(d *doc.Doc, f *extract.Facts) *ArticleFacts {
	v := &ArticleFacts{Events: len(f.Events)}
	anchor := func(pos int) string { return sentenceID(doc.SentenceAt(f.Sentences, pos)) }
	// The speakers of the article's quotations (by article actor id):
	// how many each speaks, and their names.
	type speaker struct {
		quotes int
		name   string
	}
	var speakers map[string]*speaker
	if len(f.Quotes) > 0 {
		speakers = map[string]*speaker{}
		for _, q := range f.Quotes {
			sp := speakers[q.Speaker]
			if sp == nil {
				sp = &speaker{}
				speakers[q.Speaker] = sp
			}
			sp.quotes++
		}
		for _, a := range f.Actors {
			if sp := speakers[a.ID]; sp != nil {
				sp.name = a.Name
			}
		}
	}
	// People, then organizations, places and others, each in the order
	// of the article's actors: built kind by kind rather than sorted.
	v.Actors = make([]ArticleActor, 0, len(f.Actors))
	for rank := range 4 {
		for i := range f.Actors {
			a := &f.Actors[i]
			if kindRankOf(a.Kind) != rank {
				continue
			}
			kind := a.Kind.String()
			va := ArticleActor{
				ID: a.ID, Name: a.Name, Kind: kind, Aliases: a.Aliases,
				Mentions: len(a.Mentions),
			}
			if sp := speakers[a.ID]; sp != nil {
				va.Quotes = sp.quotes
			}
			if len(a.Mentions) > 0 {
				va.Anchor = anchor(a.Mentions[0].Start)
			}
			for _, r := range a.Roles {
				if !slices.ContainsFunc(va.Roles, func(x ArticleRole) bool { return x.Text == r.Text }) {
					va.Roles = append(va.Roles, ArticleRole{Text: r.Text, Anchor: anchor(r.Span.Start)})
				}
			}
			v.Actors = append(v.Actors, va)
		}
	}
	if len(f.Quotes) > 0 {
		v.Quotes = make([]ArticleQuote, 0, len(f.Quotes))
	}
	for _, q := range f.Quotes {
		v.Quotes = append(v.Quotes, ArticleQuote{
			Text: d.Slice(q.Span), SpeakerID: q.Speaker, Speaker: speakers[q.Speaker].name,
			Partial: q.Partial, Anchor: anchor(q.Span.Start),
		})
	}
	return v
}

// sentenceIDs are doc.SentenceID of the first sentences, made once.
var sentenceIDs = func() []string {
	ids := make([]string, 512)
	for i := range ids {
		ids[i] = doc.SentenceID(i)
	}
	return ids
}()

// sentenceID is doc.SentenceID(n) without an allocation for most n.
func sentenceID(n int) string {
	if n >= 0 && n < len(sentenceIDs) {
		return sentenceIDs[n]
	}
	return doc.SentenceID(n)
}

// kindRankOf is kindRank(k.String()).
func kindRankOf(k actors.Kind) int {
	switch k {
	case actors.Person:
		return 0
	case actors.Organization:
		return 1
	case actors.Place:
		return 2
	}
	return 3
}

func kindRank(k string) int {
	switch k {
	case actors.Person.String():
		return 0
	case actors.Organization.String():
		return 1
	case actors.Place.String():
		return 2
	}
	return 3
}

// ArticleView is Article with each actor linked to its registry page.
func (x *Briefing) ArticleView(a *source.Article, f *extract.Facts) *ArticleFacts {
	v := Article(a.Doc, f)
	ids := x.byArt[a]
	for i := range v.Actors {
		if ra := ids[v.Actors[i].ID]; ra != nil && x.HasPage(ra) {
			v.Actors[i].Page = x.actorPath(ra)
		}
	}
	return v
}

// actorPath is ActorPath(x.Briefing, a.ID), made once per actor by
// Aggregate.
func (x *Briefing) actorPath(a *Actor) string {
	if a.path != "" {
		return a.path
	}
	return ActorPath(x.Briefing, a.ID)
}

// ActorPath is the site path of a registry actor's page.
func ActorPath(b *source.Briefing, id string) string { return b.RelPermalink() + "actors/" + id + "/" }

// QuotesPath is the site path of a briefing's quotation index.
func QuotesPath(b *source.Briefing) string { return b.RelPermalink() + "quotes/" }

// BriefPath is the site path of a briefing's Markdown brief.
func BriefPath(b *source.Briefing) string { return b.RelPermalink() + "brief.md" }

// FactsOf returns the facts extracted from an article, or nil.
type FactsOf func(a *source.Article) *extract.Facts

// Timeline merges the events of a briefing's articles into its timeline.
func Timeline(b *source.Briefing, facts FactsOf) *timeline.Timeline {
	in := make([]timeline.Input, 0, len(b.Articles))
	for _, a := range b.Articles {
		f := facts(a)
		if f == nil || a.Doc == nil {
			continue
		}
		in = append(in, timeline.Input{
			Article: timeline.Article{
				Title: a.Title, URL: a.RelPermalink(), Outlet: a.Source, Published: a.Date,
			},
			Doc: a.Doc, Sentences: f.Sentences, Actors: f.Actors, Events: f.Events,
		})
	}
	return timeline.Build(in)
}
