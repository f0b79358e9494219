package render

import (
	"html/template"
	"strings"
	"testing"
	"testing/fstest"

	"briefgen/generator/source"
)

// TestFragments checks that fragments writes what a range over fragment
// writes, that a partial run through fragment gets an article's view
// (its own fields, the ready-made ones, and the article's methods), and
// that fragments refuses what is not a list.
func TestFragments(t *testing.T) {
	site := loadSite(t, exampleSite)
	over := fstest.MapFS{"partials/item.html": {Data: []byte(
		`{{define "item"}}<li><a href="{{.Href}}">{{.Title}}</a> {{.ISODate}} {{.RelPermalink}}{{with .Source}} ({{.}}){{end}}</li>{{end}}`)}}
	r, err := New(site, Options{Templates: Overlay(over, theme())})
	if err != nil {
		t.Fatal(err)
	}
	var want strings.Builder
	for _, a := range site.Articles {
		h, err := r.fragment("item", a)
		if err != nil {
			t.Fatal(err)
		}
		want.WriteString("\n  " + string(h))
	}
	got, err := r.fragments("item", "\n  ", site.Articles)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want.String() {
		t.Errorf("fragments = %q, want %q", got, want.String())
	}
	a := site.Articles[0]
	for _, part := range []string{`<a href="` + r.urls.Rel(a.RelPermalink()) + `">`, template.HTMLEscapeString(a.Title), a.Date.Format("2006-01-02"), a.RelPermalink()} {
		if !strings.Contains(string(got), part) {
			t.Errorf("fragments output lacks %q:\n%s", part, got)
		}
	}
	if h, err := r.fragments("item", "x", []*source.Article(nil)); err != nil || h != "" {
		t.Errorf("fragments of an empty list = %q, %v", h, err)
	}
	if _, err := r.fragments("item", "x", 3); err == nil {
		t.Error("fragments accepted a number as its list")
	}
	if _, err := r.fragments("no-such-partial", "x", site.Articles); err == nil {
		t.Error("fragments accepted a partial that does not exist")
	}
}

// TestClearFragments checks the cache's generations: an entry outlives
// one ClearFragments, and another when it is used in between, but not
// two in a row.
func TestClearFragments(t *testing.T) {
	site := loadSite(t, exampleSite)
	over := fstest.MapFS{"partials/t.html": {Data: []byte(`{{define "t"}}{{.Title}}{{end}}`)}}
	r, err := New(site, Options{Templates: Overlay(over, theme())})
	if err != nil {
		t.Fatal(err)
	}
	a := site.Articles[0]
	orig := a.Title
	defer func() { a.Title = orig }()
	get := func() string {
		h, err := r.fragment("t", a)
		if err != nil {
			t.Fatal(err)
		}
		return string(h)
	}
	if got := get(); got != template.HTMLEscapeString(orig) {
		t.Fatalf("fragment = %q", got)
	}
	a.Title = "changed"
	r.ClearFragments()
	if got := get(); got != template.HTMLEscapeString(orig) {
		t.Errorf("after one clear, used: %q, want the cached %q", got, orig)
	}
	r.ClearFragments()
	if got := get(); got != template.HTMLEscapeString(orig) {
		t.Errorf("used since the last clear: %q, want the cached %q", got, orig)
	}
	r.ClearFragments()
	r.ClearFragments()
	if got := get(); got != "changed" {
		t.Errorf("after two clears without use: %q, want it rendered again", got)
	}
}
