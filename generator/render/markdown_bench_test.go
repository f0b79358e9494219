package render

import (
	"testing"

	"github.com/yuin/goldmark/parser"

	"briefgen/generator/annotate"
)

// BenchmarkBody renders the bodies of the bench briefing's articles with
// their marks (goldmark and the annotate extension), the part of an
// article page that BenchmarkArticle spends most in. The marks are made
// for each page, as the build makes them (with links to the actors'
// entries on the page). Bytes are the articles' Markdown.
func BenchmarkBody(b *testing.B) {
	bb := newBenchBriefing(b)
	setBodyBytes(b, bb)
	for b.Loop() {
		for _, a := range bb.site.Articles {
			marks := annotate.Facts(bb.facts[a], nil)
			facts := &Facts{Markdown: func(base int) parser.Context { return annotate.NewContext(base, marks) }}
			if _, err := bb.r.body(a, facts); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkMarks makes the marks of the bench briefing's articles
// (annotate.Facts), as the build does for every article page; bytes are
// the articles' Markdown.
func BenchmarkMarks(b *testing.B) {
	bb := newBenchBriefing(b)
	setBodyBytes(b, bb)
	for b.Loop() {
		for _, a := range bb.site.Articles {
			annotate.Facts(bb.facts[a], nil)
		}
	}
}

// setBodyBytes reports the bench briefing's articles' Markdown as the
// bytes of an op, and allocations.
func setBodyBytes(b *testing.B, bb *benchBriefing) {
	var n int64
	for _, a := range bb.site.Articles {
		n += int64(a.Body.Len())
	}
	b.SetBytes(n)
	b.ReportAllocs()
}
