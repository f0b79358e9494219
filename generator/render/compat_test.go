package render

import (
	"os"
	"testing"

	"briefgen/generator/annotate"
	"briefgen/generator/briefing"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
	"briefgen/generator/tmplexec"
)

// TestThemeV1Compatible renders a briefing's pages with the default theme
// and with testdata/theme-v1, the theme as it was before pages and
// partials were given ready-made fields and views (it computes them with
// template functions and methods, as a site's own templates may). Both
// must render every page to the same bytes: the data fields and functions
// a theme used still work, with the same results.
func TestThemeV1Compatible(t *testing.T) {
	bb := newBenchBriefing(t)
	v1 := newThemeV1(t, bb)
	pages := func(r *Renderer) map[string]string {
		out := map[string]string{}
		add := func(name string, b []byte, err error) {
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			out[name] = string(b)
		}
		b, err := r.Home()
		add("home", b, err)
		b, err = r.NotFound()
		add("404", b, err)
		br := bb.site.Briefings[0]
		err = r.BriefingPages(br, bb.x.Timeline, bb.x.Brief(r.URLs().Abs), func(f File) error { out[f.Path] = string(f.Data); return nil })
		add("briefing pages", nil, err)
		b, err = r.Quotes(bb.x)
		add("quotes", b, err)
		for _, a := range bb.pages {
			b, err = r.Actor(bb.x, a)
			add("actor "+a.ID, b, err)
		}
		for _, a := range bb.site.Articles {
			b, err = r.Article(a, bb.articleFacts(a))
			add("article "+a.Path, b, err)
		}
		all := briefing.Site([]*briefing.Briefing{bb.x.Compact()})
		b, err = r.ActorsIndex(all)
		add("actors", b, err)
		b, err = r.QuotesIndex(briefing.SiteSpeakers(all))
		add("quotes-index", b, err)
		return out
	}
	got, want := pages(bb.r), pages(v1)
	if len(got) != len(want) || len(got) < 20 {
		t.Fatalf("%d pages with the default theme, %d with theme-v1", len(got), len(want))
	}
	for name, w := range want {
		if got[name] != w {
			t.Errorf("%s differs from theme-v1's:\n%s\nwant:\n%s", name, got[name], w)
		}
	}
}

// newThemeV1 renders bb's site with testdata/theme-v1.
func newThemeV1(t *testing.T, bb *benchBriefing) *Renderer {
	t.Helper()
	v1, err := New(bb.site, Options{Templates: os.DirFS("testdata/theme-v1"), Markdown: NewMarkdown(annotate.Extension),
		Timeline: func(*source.Briefing) *timeline.Timeline { return bb.x.Timeline }})
	if err != nil {
		t.Fatal(err)
	}
	return v1
}

// TestTemplatesRunFast checks that tmplexec, not html/template, executes
// the pages and partials of the default theme and of theme-v1 (which
// calls methods and functions where the default theme has fields): after
// each template's first execution, none is left to html/template.
func TestTemplatesRunFast(t *testing.T) {
	bb := newBenchBriefing(t)
	v1 := newThemeV1(t, bb)
	for _, r := range []*Renderer{bb.r, v1} {
		br := bb.site.Briefings[0]
		for range 2 {
			if _, err := r.Home(); err != nil {
				t.Fatal(err)
			}
			if err := r.BriefingPages(br, bb.x.Timeline, bb.x.Brief(r.URLs().Abs), func(File) error { return nil }); err != nil {
				t.Fatal(err)
			}
			for _, a := range bb.pages {
				if _, err := r.Actor(bb.x, a); err != nil {
					t.Fatal(err)
				}
			}
			for _, a := range bb.site.Articles {
				if _, err := r.Article(a, bb.articleFacts(a)); err != nil {
					t.Fatal(err)
				}
			}
			r.ClearFragments()
		}
		sets := map[string]*tmplexec.Set{"partials": r.frags.exec}
		for k, s := range r.exec {
			sets[k] = s
		}
		for k, s := range sets {
			st := s.Stats()
			if st.Fallback != 0 {
				t.Errorf("%s: %d executions left to html/template (%+v)", k, st.Fallback, st)
			}
			if st.First > 0 && st.Fast == 0 {
				t.Errorf("%s: no execution ran fast (%+v)", k, st)
			}
		}
	}
}
