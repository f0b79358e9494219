package main

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/source"
)

func TestArticlePath(t *testing.T) {
	good := map[string]string{
		"nk/troops-arrive":         "nk/troops-arrive.md",
		"nk/troops-arrive.md":      "nk/troops-arrive.md",
		"content/nk/troops-arrive": "nk/troops-arrive.md",
		"about":                    "about.md",
		"Über/Straße":              "Über/Straße.md",
	}
	for in, want := range good {
		if got, err := articlePath(in); err != nil || got != want {
			t.Errorf("articlePath(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	bad := map[string]string{
		"":                   "not a plain path",
		"../x":               "leave content/",
		"nk/../../x":         "too many folders",
		"nk/..":              "leave content/",
		"./x":                "leave content/",
		"/etc/passwd":        "absolute",
		"nk//x":              "too many folders",
		"a/b/c":              "too many folders",
		"nk\\x":              "not a plain path",
		"C:x":                "not a plain path",
		"nk/.hidden":         "hidden",
		"nk/x.txt":           "Markdown",
		"nk/_index":          "describes a briefing",
		"nk/!!!":             "no letters or digits",
		"nk/x\x00":           "not a plain path",
		"content/../content": "leave content/",
	}
	for in, why := range bad {
		got, err := articlePath(in)
		if err == nil || !strings.Contains(err.Error(), why) {
			t.Errorf("articlePath(%q) = %q, %v; want an error saying %q", in, got, err, why)
		}
	}
}

// TestNewSiteLoads writes a skeleton on a MemMapFs and checks that it
// loads with no warning, its article dated today.
func TestNewSiteLoads(t *testing.T) {
	fs := afero.NewMemMapFs()
	now := time.Date(2025, 3, 4, 10, 0, 0, 0, time.UTC)
	files, err := newSite(fs, "site", now)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 4 {
		t.Errorf("wrote %q", files)
	}
	s, err := source.Load(fs, "site", source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Warnings) != 0 || len(s.Articles) != 1 || len(s.Briefings) != 1 {
		t.Fatalf("warnings %q, %d articles, %d briefings", s.Warnings, len(s.Articles), len(s.Briefings))
	}
	a := s.Articles[0]
	if !a.Date.Equal(time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)) || a.Briefing != "example-briefing" || len(a.Doc.Paragraphs) != 4 || a.Doc.Paragraphs[0].Kind != 1 {
		t.Errorf("article %q dated %v in %q, %d paragraphs", a.Title, a.Date, a.Briefing, len(a.Doc.Paragraphs))
	}
	if s.Config.Title != "My briefings" {
		t.Errorf("config title %q", s.Config.Title)
	}
	// Not again into the same folder.
	if _, err := newSite(fs, "site", now); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("second new site: %v", err)
	}
}

func TestNewArticle(t *testing.T) {
	fs := afero.NewMemMapFs()
	now := time.Date(2025, 3, 4, 23, 59, 0, 0, time.UTC)
	if _, err := newSite(fs, "s", now); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"example-briefing/talks-begin", "new-one/yes or no", "2024-review"} {
		p, err := newArticle(fs, "s", name, now)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		data, _ := afero.ReadFile(fs, p)
		a, err := source.ParseArticle(p, data)
		if err != nil {
			t.Fatalf("%s: written article does not parse: %v\n%s", name, err, data)
		}
		if !a.Draft || a.Date.Format("2006-01-02") != "2025-03-04" || a.Title == "" {
			t.Errorf("%s: draft %v date %v title %q", name, a.Draft, a.Date, a.Title)
		}
	}
	if _, err := newArticle(fs, "s", "example-briefing/talks-begin", now); err == nil || !strings.Contains(err.Error(), "already exists") {
		t.Errorf("overwrite: %v", err)
	}
	s, err := source.Load(fs, "s", source.Options{Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Articles) != 4 {
		t.Errorf("got %d articles with drafts, want 4", len(s.Articles))
	}
	titles := map[string]bool{}
	for _, a := range s.Articles {
		titles[a.Title] = true
	}
	for _, want := range []string{"Talks begin", "Yes or no", "2024 review"} {
		if !titles[want] {
			t.Errorf("no article titled %q in %v", want, titles)
		}
	}
}
