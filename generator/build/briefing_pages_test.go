package build

import (
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// BenchmarkBuildSite builds the site in $BRIEFGEN_BENCH_SITE (for example
// one made by shared/bench/gencorpus.py) into a temporary directory; it is
// skipped when the variable is not set. Profile it with -cpuprofile.
func BenchmarkBuildSite(b *testing.B) {
	src := os.Getenv("BRIEFGEN_BENCH_SITE")
	if src == "" {
		b.Skip("set BRIEFGEN_BENCH_SITE to a site directory")
	}
	for i := 0; i < b.N; i++ {
		dst := b.TempDir()
		if _, err := Build(afero.NewOsFs(), Options{Source: src, Destination: dst, Theme: theme, Quiet: true, NoSync: true}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestBriefingPages(t *testing.T) {
	files := map[string]string{}
	for k, v := range factsSite {
		files[k] = v
	}
	files["content/port/_index.md"] = `---
title: The port deal
summary: Two governments agree on a port.
overrides:
  actors:
    - match: Karim Benali
      role: Foreign Minister of Morocco
    - match: Nobody At All
      hide: true
  quotes:
    - text: It is a good day
      hide: true
---
`
	files["data/actors.yaml"] = "actors:\n  - match: Ana Ribeiro\n    photo: /img/ribeiro.jpg\n  - match: Someone Else\n    role: x\n"
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", files)
	res, err := Build(afs, Options{Source: "/site", Theme: theme, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	warn := strings.Join(res.Warnings, "\n")
	for _, want := range []string{
		`/site/content/port/_index.md:8: override: no actor matches "Nobody At All"`,
		`/site/data/actors.yaml:4: override: no actor matches "Someone Else"`,
	} {
		if !strings.Contains(warn, want) {
			t.Errorf("warnings lack %q:\n%s", want, warn)
		}
	}
	out := readAll(t, afs, "/site/public")
	brief := out["port/brief.md"]
	for _, want := range []string{"# The port deal", "## Key developments", "(<https://example.org/news/port/wire/#s-1>)", "## Sources"} {
		if !strings.Contains(brief, want) {
			t.Errorf("brief.md lacks %q:\n%s", want, brief)
		}
	}
	page := out["port/index.html"]
	if !strings.Contains(page, `class="prose brief"`) || !strings.Contains(page, `href="/news/port/brief.md"`) {
		t.Error("briefing page does not show the brief")
	}
	benali := out["port/actors/karim-benali/index.html"]
	if !strings.Contains(benali, "Foreign Minister of Morocco") {
		t.Error("actor page lacks the editor's role")
	}
	if !strings.Contains(out["port/actors/ana-ribeiro/index.html"], `src="/news/img/ribeiro.jpg"`) {
		t.Error("actor page lacks the site-wide photo")
	}
	quotes := out["port/quotes/index.html"]
	if strings.Contains(quotes, "It is a good day") || !strings.Contains(quotes, "We have found a way to move forward together") {
		t.Error("quote index does not hide the hidden quotation or lacks the other")
	}
	if !strings.Contains(out["port/wire/index.html"], `href="/news/port/actors/ana-ribeiro/"`) {
		t.Error("article page does not link mentions to the registry actor page")
	}
	for _, p := range []string{"actors/index.html", "quotes/index.html"} {
		if !strings.Contains(out[p], `href="/news/port/`) {
			t.Errorf("%s does not link into the briefing", p)
		}
	}
}

func TestOverrideErrorsStopTheBuild(t *testing.T) {
	files := map[string]string{}
	for k, v := range factsSite {
		files[k] = v
	}
	files["content/port/_index.md"] = "---\ntitle: x\noverrides:\n  actors:\n    - role: y\n---\n"
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", files)
	_, err := Build(afs, Options{Source: "/site", Theme: theme, NoSync: true})
	if err == nil || !strings.Contains(err.Error(), "/site/content/port/_index.md:5: overrides: actors: an entry needs match") {
		t.Errorf("error %v", err)
	}
}
