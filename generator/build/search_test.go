package build

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"briefgen/generator/search"
)

var searchSite = map[string]string{
	"site.yaml":              "title: Port Watch\nbaseURL: https://example.org/news/\n",
	"content/port/_index.md": "---\ntitle: Port dispute\noverrides:\n  actors:\n    - match: Port Authority\n      hide: true\n  quotes:\n    - text: Both sides want\n      hide: true\n---\nDockers and the port authority disagree.\n",
	"content/port/strike.md": "---\ntitle: Dockers strike <at> dawn\ndate: 2025-03-04\nsource: Coastal Herald\n---\nDock workers walked out on Monday.\n\n\"We will not go back without a fair offer,\" said Marta Lindqvist, the leader of the dockers' union.\n\nThe Port Authority said the strike was unlawful.\n",
	"content/port/talks.md":  "---\ntitle: Talks resume\ndate: 2025-03-06\nsource: Northern Wire\n---\nNegotiators met again on Wednesday.\n\n\"Both sides want the cranes moving again,\" said Ana Ruiz, a mediator.\n",
	"content/about.md":       "---\ntitle: About this site\ndate: 2025-01-01\n---\nReporting on ports.\n",
}

func TestBuildSearch(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", searchSite)
	res, err := Build(afs, Options{Source: "/site", Theme: theme})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range res.Warnings {
		t.Errorf("warning: %s", w) // an override that matched nothing would hide nothing
	}
	out := readAll(t, afs, "/site/public")

	page, ok := out["search/index.html"]
	if !ok {
		t.Fatal("no search/index.html")
	}
	for _, want := range []string{
		`data-index="/news/search/index.json"`,
		`data-base="/news/"`,
		`src="/news/vendor/minisearch/minisearch.umd.js"`,
		`src="/news/js/search.js"`,
		`<noscript>`,
		`name="q"`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("search page lacks %s", want)
		}
	}
	for _, p := range []string{"js/search.js", "vendor/minisearch/minisearch.umd.js", "vendor/minisearch/LICENSE.txt", "vendor/minisearch/README.md"} {
		if _, ok := out[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if !strings.Contains(out["index.html"], `href="/news/search/"`) {
		t.Error("the header does not link to the search page")
	}

	raw, ok := out["search/index.json"]
	if !ok {
		t.Fatal("no search/index.json")
	}
	if strings.ContainsAny(raw, "<>") {
		t.Error("index has raw < or >")
	}
	var idx search.Index
	if err := json.Unmarshal([]byte(raw), &idx); err != nil {
		t.Fatalf("index does not parse: %v", err)
	}
	if len(idx.Articles) != 3 || idx.Articles[0].Title != "Talks resume" || idx.Articles[1].Title != "Dockers strike <at> dawn" {
		t.Errorf("articles %+v", idx.Articles)
	}
	// The editor hid an actor and a quotation; actors link to their pages.
	if len(idx.Actors) == 0 || len(idx.Quotes) != 1 || !strings.HasPrefix(idx.Quotes[0].Text, "We will not go back") {
		t.Errorf("%d actors, quotations %+v; want some, and only the visible quotation", len(idx.Actors), idx.Quotes)
	}
	for _, a := range idx.Actors {
		if a.Name == "Port Authority" {
			t.Error("the hidden actor is in the index")
		}
		if !strings.HasPrefix(a.URL, "/port/actors/") {
			t.Errorf("actor %q links to %s, not its actor page", a.Name, a.URL)
		}
	}

	// Every link of the index reaches a page, and its anchor is on it.
	check := func(what, link string) {
		path, frag, _ := strings.Cut(link, "#")
		html, ok := out[strings.TrimPrefix(path, "/")+"index.html"]
		if !ok {
			t.Errorf("%s links to %s: no such page", what, link)
			return
		}
		if frag != "" && !strings.Contains(html, `id="`+frag+`"`) {
			t.Errorf("%s links to %s: no id %q on the page", what, link, frag)
		}
	}
	for _, a := range idx.Articles {
		check("article "+a.Title, a.URL)
	}
	for _, a := range idx.Actors {
		check("actor "+a.Name, a.URL)
	}
	for _, q := range idx.Quotes {
		check("quotation "+q.Text, idx.Articles[q.Article].URL+"#"+q.Anchor)
	}
}

// TestBuildSearchNoExtract: without extraction the index lists articles
// only.
func TestBuildSearchNoExtract(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", searchSite)
	if _, err := Build(afs, Options{Source: "/site", Theme: theme, NoExtract: true}); err != nil {
		t.Fatal(err)
	}
	b, err := afero.ReadFile(afs, "/site/public/search/index.json")
	if err != nil {
		t.Fatal(err)
	}
	var idx search.Index
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	if len(idx.Articles) != 3 || len(idx.Actors) != 0 || len(idx.Quotes) != 0 {
		t.Errorf("%d articles, %d actors, %d quotations; want 3, 0, 0", len(idx.Articles), len(idx.Actors), len(idx.Quotes))
	}
}
