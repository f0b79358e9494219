package extract

import (
	"briefgen/generator/actors"
	"briefgen/generator/doc"
)

// Version is the version of the extract contract this package speaks.
const Version = 1

// Output is the whole JSON document `briefgen extract` prints.
type Output struct {
	Version  int       `json:"version"`
	Articles []Article `json:"articles"`
}

// Article is one article's entry in Output, field for field the contract's.
type Article struct {
	File      string  `json:"file"`
	Title     string  `json:"title"`
	Published string  `json:"published"`
	Actors    []Actor `json:"actors"`
	Quotes    []Quote `json:"quotes"`
	Dates     []Date  `json:"dates"`
	Events    []Event `json:"events"`
}

// Span is a half-open range of byte offsets into the file as read.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

type Actor struct {
	ID       string   `json:"id"`
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Roles    []string `json:"roles"`
	Aliases  []string `json:"aliases"`
	Mentions []Span   `json:"mentions"`
}

type Quote struct {
	Text    string `json:"text"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"`
	Partial bool   `json:"partial"`
}

type Date struct {
	Expression string `json:"expression"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Value      string `json:"value"`
	Type       string `json:"type"`
}

type Event struct {
	Date     string   `json:"date"`
	End      string   `json:"end,omitempty"`
	Summary  string   `json:"summary"`
	Sentence Span     `json:"sentence"`
	Venue    string   `json:"venue"`
	Actors   []string `json:"actors"`
}

// Contract converts the facts of d into the contract's article entry. file
// is the path as given on the command line. Lists are never null.
func (f *Facts) Contract(file, title string, d *doc.Doc) Article {
	a := Article{
		File:   file,
		Title:  title,
		Actors: make([]Actor, 0, len(f.Actors)),
		Quotes: make([]Quote, 0, len(f.Quotes)),
		Dates:  make([]Date, 0, len(f.Timexes)),
		Events: make([]Event, 0, len(f.Events)),
	}
	if !d.Published.IsZero() {
		a.Published = d.Published.Format("2006-01-02")
	}
	for _, x := range f.Actors {
		ca := Actor{
			ID:       x.ID,
			Name:     x.Name,
			Kind:     x.Kind.String(),
			Roles:    uniqueRoles(x),
			Aliases:  append([]string{}, x.Aliases...),
			Mentions: make([]Span, 0, len(x.Mentions)),
		}
		for _, m := range x.Mentions {
			ca.Mentions = append(ca.Mentions, Span{m.Start, m.End})
		}
		a.Actors = append(a.Actors, ca)
	}
	for _, q := range f.Quotes {
		a.Quotes = append(a.Quotes, Quote{
			Text: d.Slice(q.Span), Start: q.Span.Start, End: q.Span.End,
			Speaker: q.Speaker, Partial: q.Partial,
		})
	}
	for _, t := range f.Timexes {
		a.Dates = append(a.Dates, Date{
			Expression: d.Slice(t.Span), Start: t.Span.Start, End: t.Span.End,
			Value: t.Value, Type: t.Type.String(),
		})
	}
	for _, e := range f.Events {
		a.Events = append(a.Events, Event{
			Date: e.Date, End: e.End, Summary: e.Summary,
			Sentence: Span{e.Sentence.Start, e.Sentence.End},
			Venue:    e.Venue, Actors: append([]string{}, e.Actors...),
		})
	}
	return a
}

// uniqueRoles lists an actor's role texts once each, in order of first use.
func uniqueRoles(x actors.Actor) []string {
	out := make([]string, 0, len(x.Roles))
	seen := make(map[string]bool, len(x.Roles))
	for _, r := range x.Roles {
		if !seen[r.Text] {
			seen[r.Text] = true
			out = append(out, r.Text)
		}
	}
	return out
}
