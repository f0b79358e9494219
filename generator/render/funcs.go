package render

import (
	"html/template"
	"sort"
	"strings"
	"time"

	"briefgen/generator/source"
)

// funcs are the functions templates may call:
//
//	relURL "/nk/a/"     link with the base path ("/news/nk/a/")
//	absURL "/nk/a/"     absolute URL when the base URL has a host
//	date t              "November 22, 2024" ("" for the zero time)
//	shortDate t         "Nov 22, 2024"
//	isoDate t           "2024-11-22" (for <time datetime>)
//	excerpt a n         plain text of the article's first paragraph, at most n bytes
//	briefingTitle b     title of a briefing, or its slug
//	join list sep       strings.Join
//	plural n one many   "1 article" / "3 articles"
//	list a b ...        a list of its arguments, to range over in templates
//	latest list n       the first n articles of a list
//	fragment name v     the partial template name executed with v, the
//	                    HTML kept while the renderer's fragments are (see
//	                    Renderer.ClearFragments): for a partial that many
//	                    pages repeat with the same pointer value (a
//	                    quotation, an event, an article's list item). The
//	                    partial gets a view of v with links and dates
//	                    ready-made: a *QuoteItem for a *briefing.Quote, an
//	                    *EventItem for a *timeline.Entry, an *ArticleItem
//	                    for a *source.Article (each embeds v, so v's own
//	                    fields and methods work in it as before)
//	fragmentBy name key v  the same, cached by key (a string or pointer
//	                    that alone decides the partial's output) instead of v
//	fragments name sep list  for each item of list, sep and fragment name
//	                    item: {{range list}}SEP{{fragment name .}}{{end}}
//	                    in one call
func (r *Renderer) funcs() template.FuncMap {
	return template.FuncMap{
		"relURL":        r.urls.Rel,
		"absURL":        r.urls.Abs,
		"date":          formatDate("January 2, 2006"),
		"shortDate":     formatDate("Jan 2, 2006"),
		"isoDate":       formatDate("2006-01-02"),
		"excerpt":       Excerpt,
		"briefingTitle": briefingTitle,
		"join":          strings.Join,
		"list":          func(xs ...any) []any { return xs },
		"plural":        plural,
		"fragment":      r.fragment,
		"fragmentBy":    r.fragmentBy,
		"fragments":     r.fragments,
		"latest":        func(as []*source.Article, n int) []*source.Article { return first(as, n) },
		"briefingOf": func(a *source.Article) *source.Briefing {
			if a == nil || a.Briefing == "" {
				return nil
			}
			return r.briefing(a.Briefing)
		},
	}
}

func formatDate(layout string) func(time.Time) string {
	return func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(layout)
	}
}

func sortStrings(s []string) { sort.Strings(s) }

// plural is "1 article" or "3 articles".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}
