package render

import (
	"briefgen/generator/briefing"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// The fragment function hands a partial a view of its value rather than
// the value itself, for the kinds of values the default theme's partials
// show many of: a view embeds the value (so its fields and methods work
// as before) and adds the links, dates and counts ready-made, which a
// template would otherwise compute through a function call each.
//
// A view also repeats at its top the fields the default theme reads: a
// template reaches a field promoted from an embedded struct through
// reflect's FieldByNameFunc, several times slower than a field of its
// own, with allocations.

// QuoteItem is what fragment hands a partial for a *briefing.Quote.
type QuoteItem struct {
	*briefing.Quote
	ID              string // .Quote.ID
	Role            string // .Quote.Role
	Partial, Editor bool   // .Quote.Partial, .Quote.Editor
	DisplayText     string // .Display
	SpeakerID       string // .Speaker.ID, or "" when nobody is named
	ISODate         string // isoDate .Date
	HasMeta         bool   // or .Role .Editor .Partial
	Links           []QuoteLink
}

// QuoteLink is one source of a quotation: Href is relURL .URL; Label the
// outlet or "Source"; ISODate and ShortDate the article's date ("" when
// it has none); Title the article's title.
type QuoteLink struct {
	briefing.Source
	Href, Label, ISODate, ShortDate, Title string
}

// EventItem is what fragment hands a partial for a *timeline.Entry.
type EventItem struct {
	*timeline.Entry
	Summary, Venue string   // .Entry.Summary, .Entry.Venue
	Flags          []string // .Entry.Flags
	When           string   // .Label
	Flag           string   // the first flag, or ""
	Links          []SourceLink
}

// ArticleItem is what fragment hands a partial for a *source.Article.
type ArticleItem struct {
	*source.Article
	Title, Source string // .Article.Title, .Article.Source
	Href          string // relURL .RelPermalink
	ISODate       string // isoDate .Date, "" for the zero time
	ShortDate     string // shortDate .Date
}

var (
	isoDate   = formatDate("2006-01-02")
	shortDate = formatDate("Jan 2, 2006")
	longDate  = formatDate("January 2, 2006")
)

// view is the value fragment hands a partial for v.
func (r *Renderer) view(v any) any {
	rel := r.urls.Rel
	switch v := v.(type) {
	case *briefing.Quote:
		if v == nil {
			return v
		}
		q := &QuoteItem{Quote: v, ID: v.ID, Role: v.Role, Partial: v.Partial, Editor: v.Editor, DisplayText: v.Display(), HasMeta: v.Role != "" || v.Editor || v.Partial}
		if v.Speaker != nil {
			q.SpeakerID = v.Speaker.ID
		}
		if len(v.Sources) > 0 {
			q.ISODate = isoDate(v.Date())
		}
		q.Links = make([]QuoteLink, len(v.Sources))
		for i, s := range v.Sources {
			l := QuoteLink{Source: s, Href: rel(s.URL()), Label: "Source", Title: s.Article.Title}
			if s.Article.Source != "" {
				l.Label = s.Article.Source
			}
			l.ISODate, l.ShortDate = isoDate(s.Article.Date), shortDate(s.Article.Date)
			q.Links[i] = l
		}
		return q
	case *timeline.Entry:
		if v == nil {
			return v
		}
		e := &EventItem{Entry: v, Summary: v.Summary, Venue: v.Venue, Flags: v.Flags, When: v.Label()}
		if len(v.Flags) > 0 {
			e.Flag = v.Flags[0]
		}
		e.Links = make([]SourceLink, len(v.Evidence))
		for i, ev := range v.Evidence {
			e.Links[i] = SourceLink{Href: rel(ev.Article.URL) + "#" + ev.Anchor(), Label: "source"}
			if ev.Article.Outlet != "" {
				e.Links[i].Label = ev.Article.Outlet
			}
		}
		return e
	case *source.Article:
		if v == nil {
			return v
		}
		return &ArticleItem{Article: v, Title: v.Title, Source: v.Source, Href: rel(v.RelPermalink()), ISODate: isoDate(v.Date), ShortDate: shortDate(v.Date)}
	}
	return v
}
