package build

import (
	"strings"
	"testing"

	"briefgen/generator/source"
)

func TestClaims(t *testing.T) {
	site := &source.Site{
		Briefings: []*source.Briefing{{Slug: "b"}},
		Articles:  []*source.Article{{Path: "content/b/feed.md", Briefing: "b", Slug: "feed.xml"}, {Path: "content/b/q.md", Briefing: "b", Slug: "quotes"}},
	}
	cases := []struct {
		paths []string
		want  string // substring of the error of the last take; "" for none
	}{
		{[]string{"index.html", "b/index.html", "b/a/index.html", "css/site.css"}, ""},
		{[]string{"b/feed.xml/index.html", "b/feed.xml"}, "/src/content/b/feed.md: its URL /b/feed.xml/"},
		{[]string{"b/feed.xml", "b/feed.xml/index.html"}, "/src/content/b/feed.md: its URL /b/feed.xml/"},
		{[]string{"b/quotes/index.html", "b/quotes/index.html"}, "/src/content/b/q.md: its URL /b/quotes/"},
		{[]string{"x/y.json", "x/y.json"}, "two files write x/y.json"},
		{[]string{"x/y", "x/y/z.css"}, "x/y is written both as a file and as the folder of x/y/z.css"},
		{[]string{"x/y/z.css", "x"}, "x is written both as a file and as a folder"},
	}
	for _, c := range cases {
		cl := newClaims(Options{Source: "/src"}, site)
		var err error
		for _, p := range c.paths {
			if err = cl.take(p); err != nil {
				break
			}
		}
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%q: unexpected error %v", c.paths, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%q: error %v, want %q", c.paths, err, c.want)
		}
	}
}
