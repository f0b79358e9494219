package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/pprof"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/spf13/afero"
)

// snapshot reads every file under dir: slash path -> content.
func snapshot(t *testing.T, afs afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(afs, dir, func(p string, fi fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() {
			return nil
		}
		b, err := afero.ReadFile(afs, p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changedFiles lists the paths whose content differs between a and b.
func changedFiles(a, b map[string]string) []string {
	var out []string
	for p, s := range b {
		if o, ok := a[p]; !ok || o != s {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// sessionSite writes a small site of three briefings and a loose article
// under root, with articles drawn from testdata/paragraphs.txt.
func sessionSite(t *testing.T, afs afero.Fs, root string) func(name, body string) {
	t.Helper()
	raw, err := os.ReadFile("testdata/paragraphs.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		afs.MkdirAll(filepath.Dir(p), 0o755)
		if err := afero.WriteFile(afs, p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		// Each edit gets a later time, as an editor's save would.
		later := time.Now().Add(time.Duration(len(body)) * time.Millisecond)
		afs.Chtimes(p, later, later)
	}
	write("site.yaml", "title: Session\nbaseURL: https://example.org/\n")
	for b := 0; b < 3; b++ {
		write(fmt.Sprintf("content/b%d/_index.md", b), fmt.Sprintf("---\ntitle: Briefing %d\n---\nAbout briefing %d.\n", b, b))
		for i := 0; i < 4; i++ {
			n := b*4 + i
			body := strings.Join([]string{paras[n%len(paras)], paras[(n+3)%len(paras)], paras[(n+5)%len(paras)]}, "\n\n")
			write(fmt.Sprintf("content/b%d/a%d.md", b, i), fmt.Sprintf("---\ntitle: Article %d\ndate: 2025-0%d-1%d\nsource: Outlet\n---\n\n%s\n", n, b+1, i, body))
		}
	}
	write("content/loose.md", "---\ntitle: Loose\ndate: 2025-05-01\n---\n\n"+paras[0]+"\n")
	return write
}

// sessionStep is one change to a site and what a Session must do of it.
type sessionStep struct {
	name    string
	do      func(e *sessionEnv) // changes the sources
	changed []string            // what the watcher reports; nil: everything
	units   int                 // units the Session renders (-1: the whole site)
	fails   bool                // the build must fail and leave the output as it was
	home    string              // "kept": the home page must be kept; "rendered": rendered; "": either
}

// sessionEnv is a site under edit.
type sessionEnv struct {
	t     *testing.T
	afs   afero.Fs
	src   string
	write func(name, body string)
}

func (e *sessionEnv) read(name string) string {
	e.t.Helper()
	b, err := afero.ReadFile(e.afs, filepath.Join(e.src, filepath.FromSlash(name)))
	if err != nil {
		e.t.Fatal(err)
	}
	return string(b)
}

func (e *sessionEnv) remove(name string) {
	e.t.Helper()
	if err := e.afs.RemoveAll(filepath.Join(e.src, filepath.FromSlash(name))); err != nil {
		e.t.Fatal(err)
	}
}

func (e *sessionEnv) rename(from, to string) {
	e.t.Helper()
	if err := e.afs.Rename(filepath.Join(e.src, filepath.FromSlash(from)), filepath.Join(e.src, filepath.FromSlash(to))); err != nil {
		e.t.Fatal(err)
	}
}

// edit replaces old by new in a source file.
func (e *sessionEnv) edit(name, old, new string) {
	e.t.Helper()
	b := e.read(name)
	if !strings.Contains(b, old) {
		e.t.Fatalf("%s has no %q", name, old)
	}
	e.write(name, strings.Replace(b, old, new, 1))
}

// sessionSteps are the edits TestSessionIncremental makes in order, each
// checked against a full build of the same sources.
var sessionSteps = []sessionStep{
	{name: "first build", units: -1},
	{name: "nothing changed", changed: []string{"content/b1/a1.md"}, units: 1},
	{name: "article body changed", changed: []string{"content/b1/a1.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b1/a1.md", "---\ntitle: Article 5\ndate: 2025-02-11\nsource: Outlet\n---\n\n\"We will not sign,\" the minister, Ana Ruiz, said on Monday.\n\nThe talks resume in Geneva.\n")
	}},
	{name: "paragraph appended", changed: []string{"content/b0/a3.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b0/a3.md", e.read("content/b0/a3.md")+"\nOne more plain sentence at the end.\n")
	}},
	{name: "excerpt changed", changed: []string{"content/b1/a2.md"}, units: 1, do: func(e *sessionEnv) {
		front, body, _ := strings.Cut(e.read("content/b1/a2.md"), "---\n\n")
		e.write("content/b1/a2.md", front+"---\n\nA new first paragraph, plain.\n\n"+body)
	}},
	{name: "article added", changed: []string{"content/b2/new.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b2/new.md", "---\ntitle: New one\ndate: 2025-03-20\n---\n\nThe council met again on Friday, said Ana Ruiz. \"We are not done,\" she said.\n")
	}},
	{name: "newest article of the site added", changed: []string{"content/b0/newest.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b0/newest.md", "---\ntitle: Newest\ndate: 2026-01-01\n---\n\n\"It is over,\" the council's chair, Marta Ellison, said on Sunday.\n")
	}},
	{name: "article deleted", changed: []string{"content/b0/a2.md"}, units: 1, do: func(e *sessionEnv) {
		e.remove("content/b0/a2.md")
	}},
	{name: "article file renamed", changed: []string{"content/b1/a3.md", "content/b1/renamed.md"}, units: 1, do: func(e *sessionEnv) {
		e.rename("content/b1/a3.md", "content/b1/renamed.md")
	}},
	{name: "article moved to another briefing", changed: []string{"content/b1/renamed.md", "content/b2/moved.md"}, units: 2, do: func(e *sessionEnv) {
		e.rename("content/b1/renamed.md", "content/b2/moved.md")
	}},
	{name: "slug changed", changed: []string{"content/b2/a1.md"}, units: 1, do: func(e *sessionEnv) {
		e.edit("content/b2/a1.md", "title: Article 9\n", "title: Article 9\nslug: ninth\n")
	}},
	{name: "re-dated to the top of the site", changed: []string{"content/b1/a0.md"}, units: 1, do: func(e *sessionEnv) {
		e.edit("content/b1/a0.md", "date: 2025-02-10", "date: 2026-02-01")
	}},
	{name: "retitled", changed: []string{"content/b0/a0.md"}, units: 1, do: func(e *sessionEnv) {
		e.edit("content/b0/a0.md", "title: Article 0", "title: Article zero, retitled")
	}},
	{name: "_index.md body changed", changed: []string{"content/b2/_index.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b2/_index.md", "---\ntitle: Briefing 2\n---\nAbout briefing 2, with more words.\n")
	}},
	{name: "_index.md title changed", changed: []string{"content/b2/_index.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b2/_index.md", "---\ntitle: Briefing Two\n---\nAbout briefing 2.\n")
	}},
	{name: "briefing override added", changed: []string{"content/b1/_index.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b1/_index.md", "---\ntitle: Briefing 1\noverrides:\n  actors:\n    - match: Ana Ruiz\n      role: Foreign Minister\n---\nAbout briefing 1.\n")
	}},
	{name: "site override added", changed: []string{"data/actors.yaml"}, units: -1, do: func(e *sessionEnv) {
		e.write("data/actors.yaml", "actors:\n  - match: Marta Ellison\n    role: Council chair\n")
	}},
	{name: "home _index.md added", changed: []string{"content/_index.md"}, units: 0, do: func(e *sessionEnv) {
		e.write("content/_index.md", "---\ntitle: Home\n---\nWelcome to the briefings.\n")
	}},
	{name: "loose article changed", changed: []string{"content/loose.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/loose.md", "---\ntitle: Loose\ndate: 2025-05-01\n---\n\nA different loose text.\n")
	}},
	{name: "loose article added", changed: []string{"content/loose2.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/loose2.md", "---\ntitle: Loose two\ndate: 2025-05-02\n---\n\nAnother loose text.\n")
	}},
	{name: "briefing added", changed: []string{"content/b3/_index.md", "content/b3/x.md"}, units: -1, do: func(e *sessionEnv) {
		e.write("content/b3/_index.md", "---\ntitle: Briefing 3\n---\nAbout briefing 3.\n")
		e.write("content/b3/x.md", "---\ntitle: In three\ndate: 2025-04-04\n---\n\nThe fourth briefing starts here.\n")
	}},
	{name: "briefing deleted", changed: []string{"content/b3"}, units: -1, do: func(e *sessionEnv) {
		e.remove("content/b3")
	}},
	{name: "template changed", changed: []string{"templates/article.html"}, units: -1, do: func(e *sessionEnv) {
		tpl, err := fs.ReadFile(theme, "templates/article.html")
		if err != nil {
			e.t.Fatal(err)
		}
		e.write("templates/article.html", strings.Replace(string(tpl), "</article>", "<p>edited template</p></article>", 1))
	}},
	{name: "everything", units: -1},
	{name: "a slug taking a generated name", changed: []string{"content/b0/a1.md"}, fails: true, do: func(e *sessionEnv) {
		e.edit("content/b0/a1.md", "title: Article 1\n", "title: Article 1\nslug: feed.xml\n")
	}},
	{name: "slug fixed", changed: []string{"content/b0/a1.md"}, units: 1, do: func(e *sessionEnv) {
		e.edit("content/b0/a1.md", "slug: feed.xml\n", "slug: first\n")
	}},
	{name: "an article's slug taking its briefing's timeline", changed: []string{"content/b0/a1.md"}, fails: true, do: func(e *sessionEnv) {
		e.edit("content/b0/a1.md", "slug: first\n", "slug: timeline\n")
	}},
	{name: "slug fixed again", changed: []string{"content/b0/a1.md"}, units: 1, do: func(e *sessionEnv) {
		e.edit("content/b0/a1.md", "slug: timeline\n", "slug: first\n")
	}},
	{name: "static file added", changed: []string{"static/clash"}, units: -1, do: func(e *sessionEnv) {
		e.write("static/clash", "a static file\n")
	}},
	{name: "a loose article's slug taking a static file's name", changed: []string{"content/loose2.md"}, fails: true, do: func(e *sessionEnv) {
		e.edit("content/loose2.md", "title: Loose two\n", "title: Loose two\nslug: clash\n")
	}},
	{name: "loose slug fixed", changed: []string{"content/loose2.md"}, units: 1, do: func(e *sessionEnv) {
		e.edit("content/loose2.md", "slug: clash\n", "slug: loose-two\n")
	}},
	// A failed build leaves the output as it was; the next good one does
	// what it was told as well as what it is told.
	{name: "broken front matter in a batch", changed: []string{"content/b1/a0.md", "content/b0/a1.md"}, fails: true, do: func(e *sessionEnv) {
		front, body, _ := strings.Cut(e.read("content/b1/a0.md"), "---\n\n")
		e.write("content/b1/a0.md", front+"---\n\nAnother new lead paragraph.\n\n"+body)
		e.write(".keep-b0-a1", e.read("content/b0/a1.md"))
		e.write("content/b0/a1.md", "---\ntitle: [broken\n---\nText.\n")
	}},
	{name: "fixed after a failed batch", changed: []string{"content/b0/a1.md"}, units: 2, do: func(e *sessionEnv) {
		e.write("content/b0/a1.md", e.read(".keep-b0-a1"))
	}},
	{name: "broken front matter", changed: []string{"content/b0/a0.md"}, fails: true, do: func(e *sessionEnv) {
		e.write("content/b0/a0.md", "---\ntitle: [broken\n---\nText.\n")
	}},
	{name: "fixed, retitled and re-dated", changed: []string{"content/b0/a0.md"}, units: 1, do: func(e *sessionEnv) {
		e.write("content/b0/a0.md", "---\ntitle: Fixed\ndate: 2025-01-10\n---\n\nFixed text, said the editor.\n")
	}},
	{name: "a briefing's _index.md deleted", changed: []string{"content/b0/_index.md"}, units: -1, do: func(e *sessionEnv) {
		e.remove("content/b0/_index.md")
	}},
}

// TestSessionIncremental makes every kind of edit to a site and checks,
// after each, that the Session's output is byte for byte a full build's
// of the same sources, that Changed lists exactly the files that changed,
// and that only the units the edit touched were rendered.
func TestSessionIncremental(t *testing.T) {
	for _, name := range []string{"mem", "os"} {
		t.Run(name, func(t *testing.T) {
			runSessionSteps(t, name, nil, sessionSteps)
		})
	}
}

// runSessionSteps runs steps on a sessionSite (on a MemMapFs, or the disk
// for fsName "os"), after setup.
func runSessionSteps(t *testing.T, fsName string, setup func(e *sessionEnv), steps []sessionStep) {
	var afs afero.Fs = afero.NewMemMapFs()
	root := "/w"
	if fsName == "os" {
		afs, root = afero.NewOsFs(), t.TempDir()
	}
	src, out, fresh := root+"/site", root+"/out", root+"/fresh"
	e := &sessionEnv{t: t, afs: afs, src: src, write: sessionSite(t, afs, src)}
	if setup != nil {
		setup(e)
	}
	s, err := NewSession(afs, Options{Source: src, Destination: out, Theme: theme, NoSync: true, Quiet: true})
	if err != nil {
		t.Fatal(err)
	}
	var last map[string]string
	for _, st := range steps {
		if st.do != nil {
			st.do(e)
		}
		res, err := s.Build(st.changed)
		if st.fails {
			if err == nil {
				t.Fatalf("%s: built", st.name)
			}
			t.Logf("%s: %v", st.name, err)
			if d := changedFiles(last, snapshot(t, afs, out)); len(d) > 0 {
				t.Errorf("%s: failed build changed the output: %v", st.name, d)
			}
			if _, ferr := Build(afs, Options{Source: src, Destination: fresh, Theme: theme, NoSync: true, Quiet: true}); ferr == nil {
				t.Errorf("%s: a full build succeeds where the Session failed with %v", st.name, err)
			}
			continue
		}
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got := snapshot(t, afs, out)
		if _, err := Build(afs, Options{Source: src, Destination: fresh, Theme: theme, NoSync: true, Quiet: true}); err != nil {
			t.Fatalf("%s: full build: %v", st.name, err)
		}
		want := snapshot(t, afs, fresh)
		if d := changedFiles(want, got); len(d) > 0 {
			t.Errorf("%s: incremental output differs from a full build in %d files: %v", st.name, len(d), d[:min(len(d), 8)])
		}
		if dirs, wdirs := dirsOf(t, afs, out), dirsOf(t, afs, fresh); !reflect.DeepEqual(dirs, wdirs) {
			t.Errorf("%s: folders differ from a full build's: %v", st.name, changedFiles(wdirs, dirs))
		}
		if wantChanged := changedFiles(last, got); !reflect.DeepEqual(res.Changed, wantChanged) {
			t.Errorf("%s: Changed = %v\nwant %v", st.name, res.Changed, wantChanged)
		}
		if res.Files != len(got) {
			t.Errorf("%s: Files = %d, output has %d", st.name, res.Files, len(got))
		}
		pages := 0
		for p := range got {
			if strings.HasSuffix(p, ".html") {
				pages++
			}
		}
		if res.Pages != pages {
			t.Errorf("%s: Pages = %d, output has %d", st.name, res.Pages, pages)
		}
		units := st.units
		if units < 0 {
			units = len(s.units)
		}
		if s.rendered != units {
			t.Errorf("%s: %d units rendered, want %d", st.name, s.rendered, units)
		}
		if len(got) == 0 {
			t.Fatalf("%s: no output", st.name)
		}
		if st.home != "" && s.homeKept != (st.home == "kept") {
			t.Errorf("%s: home page kept = %v, want %s", st.name, s.homeKept, st.home)
		}
		if st.name == "template changed" && !strings.Contains(got["b0/a0/index.html"], "edited template") {
			t.Error("the changed template did not reach the article pages")
		}
		last = got
	}
}

// dirsOf lists the folders under dir (as a set, for changedFiles).
func dirsOf(t *testing.T, afs afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	afero.Walk(afs, dir, func(p string, fi fs.FileInfo, err error) error {
		if err == nil && fi.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out[filepath.ToSlash(rel)] = ""
		}
		return nil
	})
	return out
}

// TestSessionSiteTemplates: when a unit page's template shows other
// briefings' articles (an override listing .Site.Briefings), a change to
// one briefing's article reaches every briefing's pages: the whole site
// is rendered, and the output is still a full build's. The home page's
// _index.md still renders only the site-wide files.
func TestSessionSiteTemplates(t *testing.T) {
	setup := func(e *sessionEnv) {
		tpl, err := fs.ReadFile(theme, "templates/article.html")
		if err != nil {
			t.Fatal(err)
		}
		e.write("templates/article.html", strings.Replace(string(tpl), "</article>", `<ul>{{range .Site.Briefings}}{{range .Articles}}<li>{{.Title}}: {{excerpt . 60}}</li>{{end}}{{end}}</ul></article>`, 1))
	}
	steps := []sessionStep{
		{name: "first build", units: -1},
		{name: "article body changed", changed: []string{"content/b1/a1.md"}, units: -1, do: func(e *sessionEnv) {
			front, body, _ := strings.Cut(e.read("content/b1/a1.md"), "---\n\n")
			e.write("content/b1/a1.md", front+"---\n\nA new lead that other briefings' pages show.\n\n"+body)
		}},
		{name: "home _index.md added", changed: []string{"content/_index.md"}, units: 0, do: func(e *sessionEnv) {
			e.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
		}},
		{name: "article added", changed: []string{"content/b2/new.md"}, units: -1, do: func(e *sessionEnv) {
			e.write("content/b2/new.md", "---\ntitle: New one\ndate: 2025-03-20\n---\n\nThe council met again on Friday.\n")
		}},
		{name: "retitled", changed: []string{"content/b0/a0.md"}, units: -1, do: func(e *sessionEnv) {
			e.edit("content/b0/a0.md", "title: Article 0", "title: Article zero")
		}},
	}
	runSessionSteps(t, "mem", setup, steps)
}

// TestSessionIndexTemplates: a site-wide index page whose template shows
// articles' text through .Site (here the search page) is rendered again
// on every build, even when the search index did not change.
func TestSessionIndexTemplates(t *testing.T) {
	setup := func(e *sessionEnv) {
		e.write("templates/search.html", `<html><body>{{range .Site.Briefings}}{{range .Articles}}<p>{{.Title}}: {{excerpt . 300}}</p>{{end}}{{end}}</body></html>`)
	}
	steps := []sessionStep{
		{name: "first build", units: -1},
		{name: "long lead", changed: []string{"content/b1/a1.md"}, units: 1, do: func(e *sessionEnv) {
			e.write("content/b1/a1.md", "---\ntitle: Article 5\ndate: 2025-02-11\nsource: Outlet\n---\n\n"+longLead("one")+"\n\nThe talks resume in Geneva.\n")
		}},
		// The search index's excerpt (200 bytes) stays; the page's 300
		// bytes change.
		{name: "lead changed after 200 bytes", changed: []string{"content/b1/a1.md"}, units: 1, do: func(e *sessionEnv) {
			e.write("content/b1/a1.md", "---\ntitle: Article 5\ndate: 2025-02-11\nsource: Outlet\n---\n\n"+longLead("two")+"\n\nThe talks resume in Geneva.\n")
		}},
	}
	runSessionSteps(t, "mem", setup, steps)
}

// longLead is a plain paragraph of about 280 bytes whose last word is w.
func longLead(w string) string {
	return strings.Repeat("the plain words of a long lead paragraph go on ", 5) + "and end with " + w + "."
}

// TestIndexesSeeText: which index templates may show articles' text.
func TestIndexesSeeText(t *testing.T) {
	sub, err := fs.Sub(theme, "templates")
	if err != nil {
		t.Fatal(err)
	}
	if indexesSeeText(sub) {
		t.Error("the default theme's index pages are said to show articles' text")
	}
	for _, tc := range []struct {
		name string
		file string
		text string
		want bool
	}{
		{"briefing titles", "quotes-index.html", `{{range .Site.Briefings}}{{.Title}}{{end}}`, false},
		{"count", "search.html", `{{len .Site.Briefings}} {{.Site.Updated}}`, false},
		{"articles", "search.html", `{{range .Site.Briefings}}{{range .Articles}}{{excerpt . 9}}{{end}}{{end}}`, true},
		{"through a variable", "actors.html", `{{$s := .Site}}{{range $s.Briefings}}{{len .Articles}}{{end}}`, true},
		{"articles but no .Site", "actors.html", `{{range .Actors}}{{.Articles}}{{end}}`, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m := fstest.MapFS{tc.file: &fstest.MapFile{Data: []byte(tc.text)}}
			if got := indexesSeeText(m); got != tc.want {
				t.Errorf("indexesSeeText = %v, want %v", got, tc.want)
			}
		})
	}
}

// TestUnitsSeeSite: which templates may show other units on a unit page.
func TestUnitsSeeSite(t *testing.T) {
	basic := map[string]string{
		"home.html":          `{{range .Site.Briefings}}{{.Title}}{{end}}`, // not a unit page
		"404.html":           `{{.Site.Briefings}}`,
		"briefing.html":      `{{template "head" .}}{{.Briefing.Title}}`,
		"article.html":       `{{template "head" .}}{{.Article.Title}}{{with briefingOf .Article}}{{.Title}}{{end}}`,
		"partials/head.html": `{{define "head"}}<title>{{.Site.Title}} {{$.Site.Language}} {{.Site.Params.x}}</title>{{end}}{{define "unused"}}{{.Site.Briefings}}{{end}}`,
	}
	for _, tc := range []struct {
		name string
		over map[string]string
		want bool
	}{
		{"default theme", nil, false},
		{"basic", map[string]string{}, false},
		{"field of .Site", map[string]string{"article.html": `{{range .Site.Briefings}}{{.Title}}{{end}}`}, true},
		{"updated", map[string]string{"briefing.html": `{{.Site.Updated}}`}, true},
		{".Site whole", map[string]string{"article.html": `{{with .Site}}{{.Title}}{{end}}`}, true},
		{".Site to a variable", map[string]string{"article.html": `{{$s := .Site}}{{$s.Title}}`}, true},
		{"$ root", map[string]string{"article.html": `{{range .Article.Tags}}{{$.Site.Briefings}}{{end}}`}, true},
		{"chain", map[string]string{"article.html": `{{(.Site).Briefings}}`}, true},
		{"in a partial it runs", map[string]string{"partials/head.html": `{{define "head"}}{{range .Site.Briefings}}{{end}}{{end}}`}, true},
		{"in a fragment it runs", map[string]string{"article.html": `{{fragment "list" .}}`, "partials/list.html": `{{define "list"}}{{.Site.Updated}}{{end}}`}, true},
		{"in a list of fragments it runs", map[string]string{"article.html": `{{fragments "list" ", " .Article.Tags}}`, "partials/list.html": `{{define "list"}}{{.Site.Updated}}{{end}}`}, true},
		{"fragment by a name made up", map[string]string{"article.html": `{{fragment .Kind .}}`}, true},
		{"a partial no unit page runs", map[string]string{"partials/list.html": `{{define "list"}}{{.Site.Updated}}{{end}}`}, false},
		{"timeline page", map[string]string{"timeline.html": `{{len .Site.Briefings}}`}, true},
		{"actor page", map[string]string{"actor.html": `{{.Site}}`}, true},
		{"quotes page fine", map[string]string{"quotes.html": `{{.Site.Description}}`}, false},
		{"does not parse", map[string]string{"article.html": `{{if}}`}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var fsys fs.FS
			if tc.over == nil {
				sub, err := fs.Sub(theme, "templates")
				if err != nil {
					t.Fatal(err)
				}
				fsys = sub
			} else {
				m := fstest.MapFS{}
				for k, v := range basic {
					m[k] = &fstest.MapFile{Data: []byte(v)}
				}
				for k, v := range tc.over {
					m[k] = &fstest.MapFile{Data: []byte(v)}
				}
				fsys = m
			}
			if got := unitsSeeSite(fsys); got != tc.want {
				t.Errorf("unitsSeeSite = %v, want %v", got, tc.want)
			}
		})
	}
}

func TestSessionDestination(t *testing.T) {
	if _, err := NewSession(afero.NewMemMapFs(), Options{Source: "/s", Destination: "/s"}); err == nil {
		t.Error("a destination that is the site was accepted")
	}
}

// BenchmarkSessionEdits measures a Session's rebuilds of a real site after
// an article's body is edited, an article is added to a briefing and one
// is deleted (ns/op is one rebuild), and logs the first build's time and
// the live heap. It edits the site, so give it a copy:
//
//	cp -r /dev/shm/site-10k /dev/shm/copy
//	BRIEFGEN_BENCH_SITE=/dev/shm/copy BRIEFGEN_BENCH_OUT=/dev/shm/copy-out \
//	  go test ./generator/build -run '^$' -bench SessionEdits -benchtime 20x
//
// BRIEFGEN_BENCH_CPU=file writes a CPU profile of the rebuilds alone,
// BRIEFGEN_BENCH_ALLOCS=file allocation profiles before and after them.
func BenchmarkSessionEdits(b *testing.B) {
	site := os.Getenv("BRIEFGEN_BENCH_SITE")
	if site == "" {
		b.Skip("set BRIEFGEN_BENCH_SITE to a copy of a site to edit")
	}
	out := os.Getenv("BRIEFGEN_BENCH_OUT")
	if out == "" {
		out = b.TempDir()
	}
	arts, err := filepath.Glob(filepath.Join(site, "content", "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	arts = slices.DeleteFunc(arts, func(p string) bool {
		return filepath.Base(p) == "_index.md" || strings.HasPrefix(filepath.Base(p), "bench-")
	})
	if len(arts) == 0 {
		b.Fatal("no articles in content/*/")
	}
	rel := func(p string) string {
		r, err := filepath.Rel(site, p)
		if err != nil {
			b.Fatal(err)
		}
		return filepath.ToSlash(r)
	}
	s, err := NewSession(afero.NewOsFs(), Options{Source: site, Destination: out, Theme: theme, NoSync: true, Quiet: true})
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	if _, err := s.Build(nil); err != nil {
		b.Fatal(err)
	}
	b.Logf("first build: %v, %s", time.Since(start).Round(time.Millisecond), heapNote())
	if p := os.Getenv("BRIEFGEN_BENCH_HEAP"); p != "" {
		// What the Session keeps between builds.
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.WriteHeapProfile(f); err != nil {
			b.Fatal(err)
		}
		f.Close()
	}
	if p := os.Getenv("BRIEFGEN_BENCH_ALLOCS"); p != "" {
		// What the rebuilds allocate: go tool pprof -sample_index
		// alloc_space -base p.0 p.1
		writeHeap := func(name string) {
			f, err := os.Create(name)
			if err != nil {
				b.Fatal(err)
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				b.Fatal(err)
			}
		}
		writeHeap(p + ".0")
		defer writeHeap(p + ".1")
	}
	if p := os.Getenv("BRIEFGEN_BENCH_CPU"); p != "" {
		// A CPU profile of the rebuilds alone, without the first build.
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			b.Fatal(err)
		}
		defer func() {
			pprof.StopCPUProfile()
			f.Close()
		}()
	}
	edit := 0
	// The CPU time of the process per rebuild (the collector's included),
	// a steadier figure than ns/op on a shared machine.
	var (
		cpuStart time.Time
		cpuUsed0 time.Duration
	)
	report := func(b *testing.B) {
		if cpuUsed0 == 0 {
			return // no /proc
		}
		b.ReportMetric(float64((cpuTime()-cpuUsed0).Microseconds())/1000/float64(b.N), "cpu-ms/op")
		cpuStart = time.Time{}
	}
	build := func(b *testing.B, changed ...string) {
		if b.N > 0 && cpuStart.IsZero() {
			cpuStart = time.Now()
			cpuUsed0 = cpuTime()
		}
		res, err := s.Build(changed)
		if err != nil {
			b.Fatal(err)
		}
		if s.rendered != 1 {
			b.Fatalf("%v: %d units rendered", changed, s.rendered)
		}
		if len(res.Changed) == 0 {
			b.Fatalf("%v: nothing changed", changed)
		}
	}
	b.Run("body", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			edit++
			p := arts[(edit*7919)%len(arts)]
			data, err := os.ReadFile(p)
			if err != nil {
				b.Fatal(err)
			}
			data = append(data, fmt.Sprintf("\nEdited paragraph number %d, added by the benchmark.\n", edit)...)
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			build(b, rel(p))
		}
		report(b)
	})
	var added []string
	b.Run("add", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			edit++
			from := arts[(edit*7919)%len(arts)]
			data, err := os.ReadFile(from)
			if err != nil {
				b.Fatal(err)
			}
			p := filepath.Join(filepath.Dir(from), fmt.Sprintf("bench-%d.md", edit))
			if err := os.WriteFile(p, data, 0o644); err != nil {
				b.Fatal(err)
			}
			added = append(added, p)
			build(b, rel(p))
		}
		report(b)
	})
	b.Run("delete", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if len(added) == 0 {
				b.Skip("nothing left to delete")
			}
			p := added[len(added)-1]
			added = added[:len(added)-1]
			if err := os.Remove(p); err != nil {
				b.Fatal(err)
			}
			build(b, rel(p))
		}
		report(b)
	})
	b.Logf("after %d edits: %s", edit, heapNote())
}

// heapNote says how large the live heap is (after a collection) and the
// process's resident memory.
func heapNote() string {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	rss := "?"
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
				rss = strings.TrimSpace(v)
			}
		}
	}
	return fmt.Sprintf("live heap %d MB, RSS %s", ms.HeapAlloc>>20, rss)
}

// cpuTime is the user and system CPU time of the process so far, from
// /proc/self/stat (in clock ticks, taken as 100 a second, Linux's usual
// rate); 0 where there is none.
func cpuTime() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	// Fields after the command name, which is in parentheses: state is
	// the first, utime the 12th, stime the 13th.
	i := strings.LastIndexByte(string(b), ')')
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b[i+1:]))
	if len(f) < 13 {
		return 0
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return time.Duration(u+st) * 10 * time.Millisecond
}

// TestSessionTemplateError: a Session keeps its templates between builds
// that change only content/, and a template error still surfaces as a
// full Build's does: at the build after the template changed and at every
// build until it is fixed, with the same message.
func TestSessionTemplateError(t *testing.T) {
	afs := afero.NewMemMapFs()
	src, out, fresh := "/w/site", "/w/out", "/w/fresh"
	e := &sessionEnv{t: t, afs: afs, src: src, write: sessionSite(t, afs, src)}
	s, err := NewSession(afs, Options{Source: src, Destination: out, Theme: theme, NoSync: true, Quiet: true})
	if err != nil {
		t.Fatal(err)
	}
	tpl, err := fs.ReadFile(theme, "templates/article.html")
	if err != nil {
		t.Fatal(err)
	}
	fullErr := func() string {
		_, err := Build(afs, Options{Source: src, Destination: fresh, Theme: theme, NoSync: true, Quiet: true})
		if err == nil {
			return ""
		}
		return err.Error()
	}
	steps := []struct {
		name    string
		do      func()
		changed []string
		fails   bool
	}{
		{name: "first build"},
		{name: "body edited", changed: []string{"content/b1/a1.md"}, do: func() {
			e.write("content/b1/a1.md", e.read("content/b1/a1.md")+"\nOne more line.\n")
		}},
		// Parses, but html/template refuses it at its first execution.
		{name: "template broken", changed: []string{"templates/article.html"}, fails: true, do: func() {
			e.write("templates/article.html", strings.Replace(string(tpl), "</article>", `<a title="{{.Title}}></article>`, 1))
		}},
		{name: "body edited, template still broken", changed: []string{"content/b1/a1.md"}, fails: true, do: func() {
			e.write("content/b1/a1.md", e.read("content/b1/a1.md")+"\nAnother line.\n")
		}},
		{name: "template fixed", changed: []string{"templates/article.html"}, do: func() {
			e.write("templates/article.html", strings.Replace(string(tpl), "</article>", "<p>fixed template</p></article>", 1))
		}},
		{name: "body edited again", changed: []string{"content/b0/a1.md"}, do: func() {
			e.write("content/b0/a1.md", e.read("content/b0/a1.md")+"\nA third line.\n")
		}},
		{name: "template broken again", changed: []string{"templates/article.html"}, fails: true, do: func() {
			e.write("templates/article.html", strings.Replace(string(tpl), "</article>", `{{if .Title}}</article>`, 1))
		}},
	}
	for _, st := range steps {
		if st.do != nil {
			st.do()
		}
		_, err := s.Build(st.changed)
		want := fullErr()
		if st.fails {
			if err == nil || want == "" {
				t.Fatalf("%s: session error %v, full build error %q", st.name, err, want)
			}
			if err.Error() != want {
				t.Errorf("%s: error %q, a full build's %q", st.name, err, want)
			}
			if s.parsed != nil {
				t.Errorf("%s: templates kept after a failed build", st.name)
			}
			continue
		}
		if err != nil || want != "" {
			t.Fatalf("%s: session error %v, full build error %q", st.name, err, want)
		}
		if s.parsed == nil {
			t.Errorf("%s: templates not kept", st.name)
		}
		if d := changedFiles(snapshot(t, afs, fresh), snapshot(t, afs, out)); len(d) > 0 {
			t.Errorf("%s: output differs from a full build in %v", st.name, d)
		}
	}
}

// oldArticles adds 22 articles to briefing b0, older than every other,
// so that the oldest are on no list of the home page.
func oldArticles(e *sessionEnv) {
	for i := 0; i < 22; i++ {
		e.write(fmt.Sprintf("content/b0/old%02d.md", i), fmt.Sprintf("---\ntitle: Old %d\ndate: 2023-01-%02d\n---\n\nOld lead paragraph %d, said Ana Ruiz.\n\nMore text.\n", i, i+1, i))
	}
}

// TestSessionHome: the home page is rendered again only when it may
// have changed: not after an edit to an article it does not list, when
// its template shows no other articles.
func TestSessionHome(t *testing.T) {
	steps := []sessionStep{
		{name: "first build", units: -1},
		{name: "an old article's lead changed", changed: []string{"content/b0/old00.md"}, units: 1, home: "kept", do: func(e *sessionEnv) {
			e.edit("content/b0/old00.md", "Old lead paragraph 0", "A new lead paragraph")
		}},
		{name: "a listed article's lead changed", changed: []string{"content/b0/a0.md"}, units: 1, home: "rendered", do: func(e *sessionEnv) {
			front, body, _ := strings.Cut(e.read("content/b0/a0.md"), "---\n\n")
			e.write("content/b0/a0.md", front+"---\n\nA new first paragraph for the home page.\n\n"+body)
		}},
		{name: "an old article's date changed", changed: []string{"content/b0/old01.md"}, units: 1, home: "rendered", do: func(e *sessionEnv) {
			e.edit("content/b0/old01.md", "date: 2023-01-02", "date: 2023-01-03")
		}},
		{name: "home _index.md added", changed: []string{"content/_index.md"}, units: 0, home: "rendered", do: func(e *sessionEnv) {
			e.write("content/_index.md", "---\ntitle: Home\n---\nWelcome.\n")
		}},
		{name: "another old article's body changed", changed: []string{"content/b0/old02.md"}, units: 1, home: "kept", do: func(e *sessionEnv) {
			e.write("content/b0/old02.md", e.read("content/b0/old02.md")+"\nOne more line.\n")
		}},
	}
	runSessionSteps(t, "mem", oldArticles, steps)
}

// TestSessionHomeTemplates: a home page whose template shows every
// briefing's articles is rendered again after any article's edit.
func TestSessionHomeTemplates(t *testing.T) {
	setup := func(e *sessionEnv) {
		oldArticles(e)
		e.write("templates/home.html", `<html><body>{{range .Briefings}}{{range .Briefing.Articles}}<p>{{.Title}}: {{excerpt . 60}}</p>{{end}}{{end}}</body></html>`)
	}
	steps := []sessionStep{
		{name: "first build", units: -1},
		{name: "an old article's lead changed", changed: []string{"content/b0/old00.md"}, units: 1, home: "rendered", do: func(e *sessionEnv) {
			e.edit("content/b0/old00.md", "Old lead paragraph 0", "A new lead paragraph")
		}},
	}
	runSessionSteps(t, "mem", setup, steps)
}
