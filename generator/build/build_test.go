package build

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// theme is the repository's default theme (templates/ and static/).
var theme = os.DirFS("../..")

var site = map[string]string{
	"site.yaml":                      "title: Harbor News\nbaseURL: https://example.org/news/\n",
	"content/harbor/_index.md":       "---\ntitle: Harbor strike\n---\nThe port is closed.\n",
	"content/harbor/walkout.md":      "---\ntitle: Dock workers walk out\ndate: 2025-03-04\nsource: Coastal Herald\n---\nWorkers stopped work on Monday.\n\nFILE - Cranes stand idle, March 3, 2025.\n",
	"content/harbor/talks.txt":       "Talks resume\n\nNegotiators met again on Wednesday.\n",
	"content/harbor/talks.yaml":      "date: 2025-03-06\n",
	"content/standalone.md":          "---\ntitle: A note\ndate: 2025-01-02\n---\nOne paragraph.\n",
	"static/images/logo.svg":         "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
	"static/.hidden":                 "skip me",
	"templates/partials/footer.html": `{{define "footer"}}<footer>site footer</footer>{{end}}`,
}

func writeSite(t testing.TB, afs afero.Fs, root string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		if err := afs.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := afero.WriteFile(afs, filepath.Join(root, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func readAll(t testing.TB, afs afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(afs, dir, func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !fi.IsDir() {
			b, err := afero.ReadFile(afs, p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = string(b)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestBuildEndToEnd(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", site)
	var log bytes.Buffer
	res, err := Build(afs, Options{Source: "/site", Theme: theme, Log: &log})
	if err != nil {
		t.Fatal(err)
	}
	out := readAll(t, afs, "/site/public")
	html := 0
	for p := range out {
		if strings.HasSuffix(p, ".html") {
			html++
		}
	}
	// 7 core pages (one a timeline), and what page families add.
	if res.Articles != 3 || res.Pages < 7 || res.Pages != html {
		t.Errorf("result %+v; want 3 articles, at least 7 pages, as many as the %d .html files written", res, html)
	}
	for _, p := range []string{
		"index.html", "404.html", "harbor/index.html", "harbor/walkout/index.html", "harbor/talks/index.html",
		"standalone/index.html", "feed.xml", "harbor/feed.xml", "sitemap.xml", "robots.txt",
		"css/site.css", "images/logo.svg",
	} {
		if _, ok := out[p]; !ok {
			t.Errorf("missing %s", p)
		}
	}
	if _, ok := out[".hidden"]; ok {
		t.Error("hidden static file copied")
	}
	if !strings.Contains(out["harbor/walkout/index.html"], `href="/news/css/site.css"`) {
		t.Error("article page does not link the stylesheet under the base path")
	}
	if !strings.Contains(out["index.html"], "<footer>site footer</footer>") {
		t.Error("the site's own footer partial did not override the theme's")
	}
	if !strings.Contains(out["feed.xml"], "https://example.org/news/harbor/walkout/") {
		t.Error("feed lacks absolute article URLs")
	}
	// Nothing left beside the output.
	entries, _ := afero.ReadDir(afs, "/site")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "public.") {
			t.Errorf("leftover %s", e.Name())
		}
	}
}

func TestBuildOverrides(t *testing.T) {
	afs := afero.NewMemMapFs()
	files := map[string]string{"static/css/site.css": "body{color:red}"}
	for k, v := range site {
		files[k] = v
	}
	writeSite(t, afs, "/s", files)
	if _, err := Build(afs, Options{Source: "/s", Destination: "/out", BaseURL: "https://other.example/", Theme: theme}); err != nil {
		t.Fatal(err)
	}
	out := readAll(t, afs, "/out")
	if out["css/site.css"] != "body{color:red}" {
		t.Error("site static file did not override the theme's")
	}
	if !strings.Contains(out["robots.txt"], "Sitemap: https://other.example/sitemap.xml") {
		t.Errorf("--base-url did not override the config: %s", out["robots.txt"])
	}
}

func TestFailedBuildLeavesOutput(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", site)
	if _, err := Build(afs, Options{Source: "/site", Theme: theme}); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, afs, "/site/public")
	bad := []struct {
		name  string
		files map[string]string
	}{
		{"bad front matter", map[string]string{"content/harbor/bad.md": "---\ntitle: [unclosed\n---\nx\n"}},
		{"bad template", map[string]string{"templates/article.html": "{{ .Nope"}},
		{"template error at run time", map[string]string{"templates/home.html": "{{ .NoSuchField }}"}},
		{"static overwrites a page", map[string]string{"static/harbor/index.html": "x"}},
	}
	for _, tt := range bad {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewCopyOnWriteFs(afs, afero.NewMemMapFs())
			// Copy-on-write keeps the base intact between cases; the build sees both.
			writeSite(t, fs, "/site", tt.files)
			if _, err := Build(fs, Options{Source: "/site", Theme: theme}); err == nil {
				t.Fatal("build succeeded")
			}
			after := readAll(t, fs, "/site/public")
			if len(after) != len(before) {
				t.Fatalf("output changed: %d files, before %d", len(after), len(before))
			}
			for p, b := range before {
				if after[p] != b {
					t.Fatalf("%s changed", p)
				}
			}
			entries, _ := afero.ReadDir(fs, "/site")
			for _, e := range entries {
				if strings.HasPrefix(e.Name(), "public.") {
					t.Errorf("leftover %s", e.Name())
				}
			}
		})
	}
}

func TestDestinationChecks(t *testing.T) {
	tests := []struct {
		src, dest string
		ok        bool
	}{
		{"/site", "/site/public", true},
		{"/site", "/elsewhere/out", true},
		{"/site", "/site", false},
		{"/site", "/", false},
		{"/site/sub", "/site", false},
		{"/site", "/site/content/out", false},
		{"/site", "/site/static", false},
		{"/site", "/site/templates/x", false},
		{"/site", "/site/contentx", true},
	}
	for _, tt := range tests {
		err := checkDestination(tt.src, tt.dest)
		if (err == nil) != tt.ok {
			t.Errorf("checkDestination(%q, %q) = %v, want ok=%v", tt.src, tt.dest, err, tt.ok)
		}
	}
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", site)
	if _, err := Build(afs, Options{Source: "/site", Destination: "/site", Theme: theme}); err == nil {
		t.Fatal("building into the site's own folder was allowed")
	}
	if ok, _ := afero.Exists(afs, "/site/content/harbor/walkout.md"); !ok {
		t.Fatal("the site's content was touched")
	}
}

func TestDeterministicBuild(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", site)
	for i := 0; i < 40; i++ {
		n := string(rune('a'+i%26)) + string(rune('a'+i/26))
		writeSite(t, afs, "/site", map[string]string{"content/bulk/" + n + ".md": "---\ntitle: Item " + n + "\ndate: 2025-02-01\n---\nText " + n + ".\n"})
	}
	if _, err := Build(afs, Options{Source: "/site", Destination: "/a", Theme: theme}); err != nil {
		t.Fatal(err)
	}
	if _, err := Build(afs, Options{Source: "/site", Destination: "/b", Theme: theme}); err != nil {
		t.Fatal(err)
	}
	a, b := readAll(t, afs, "/a"), readAll(t, afs, "/b")
	if len(a) != len(b) || len(a) < 50 {
		t.Fatalf("%d vs %d files", len(a), len(b))
	}
	for p := range a {
		if a[p] != b[p] {
			t.Errorf("%s differs between two builds", p)
		}
	}
}

func TestNoTheme(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", map[string]string{"content/a.md": "---\ntitle: A\n---\nx\n"})
	_, err := Build(afs, Options{Source: "/site"})
	if err == nil || !strings.Contains(err.Error(), "home.html") {
		t.Fatalf("build without any templates: %v", err)
	}
	if ok, _ := afero.Exists(afs, "/site/public"); ok {
		t.Fatal("output written by a failed build")
	}
}
