package serve

import (
	"bufio"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/build"
)

const page = "<!DOCTYPE html>\n<html><head><title>%s</title></head><body><p>%s</p></body></html>\n"

func html(title string) string {
	return strings.ReplaceAll(strings.ReplaceAll(page, "%s", title), "\n\n", "\n")
}

// outputFs is a built site in /srv/site, with a secret beside it that must
// never be served.
func outputFs(t *testing.T, with404 bool) afero.Fs {
	t.Helper()
	fsys := afero.NewMemMapFs()
	files := map[string]string{
		"/srv/secret.txt":               "SECRET",
		"/srv/site/index.html":          html("home"),
		"/srv/site/a/b/index.html":      html("page b"),
		"/srv/site/css/site.css":        "body{color:red}",
		"/srv/site/feed.xml":            "<feed/>",
		"/srv/site/empty/readme.txt":    "no index here",
		"/srv/site/upper/index.html":    "<HTML><BODY>upper</BODY></HTML>",
		"/srv/site/bare/index.html":     "<p>no body tag</p>",
		"/srv/site/space in/index.html": html("spaced"),
	}
	if with404 {
		files["/srv/site/404.html"] = html("not found page")
	}
	for p, c := range files {
		if err := afero.WriteFile(fsys, p, []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fsys
}

func get(t *testing.T, h http.Handler, method, target string) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest(method, target, nil)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

const marker = `<script src="/__briefgen/reload.js" data-gen="`

func TestServeFiles(t *testing.T) {
	s := New(Options{Fs: outputFs(t, true), Dir: "/srv/site"})
	for _, c := range []struct {
		target   string
		status   int
		contains string // in the body
		script   bool   // live-reload script injected
		location string // redirect target
	}{
		{"/", 200, "<title>home</title>", true, ""},
		{"/index.html", 200, "<title>home</title>", true, ""},
		{"/a/b/", 200, "page b", true, ""},
		{"/a/b", 301, "", false, "/a/b/"},
		{"/a/b?x=1", 301, "", false, "/a/b/?x=1"},
		{"/a/b/index.html", 200, "page b", true, ""},
		{"/a//b/", 200, "page b", true, ""},
		{"/a/./b/index.html", 301, "", false, "/a/b/index.html"},
		{"/space%20in/", 200, "spaced", true, ""},
		{"/upper/", 200, "upper", true, ""},
		{"/bare/", 200, "no body tag", true, ""},
		{"/css/site.css", 200, "body{color:red}", false, ""},
		{"/feed.xml", 200, "<feed/>", false, ""},
		{"/missing", 404, "not found page", true, ""},
		{"/a/missing/", 404, "not found page", true, ""},
		{"/empty/", 404, "not found page", true, ""}, // no directory listing
		{"/empty", 301, "", false, "/empty/"},
		{"/empty/readme.txt", 200, "no index here", false, ""},
		{"/__briefgen/reload.js", 200, "EventSource", false, ""},
		{"/__briefgen/other", 404, "", false, ""},
	} {
		w := get(t, s, "GET", c.target)
		body := w.Body.String()
		if w.Code != c.status {
			t.Errorf("GET %s: status %d, want %d", c.target, w.Code, c.status)
			continue
		}
		if !strings.Contains(body, c.contains) {
			t.Errorf("GET %s: body %q lacks %q", c.target, body, c.contains)
		}
		if got := strings.Contains(body, marker); got != c.script {
			t.Errorf("GET %s: script injected = %v, want %v", c.target, got, c.script)
		}
		if c.script {
			if i, j := strings.Index(body, marker), strings.LastIndex(strings.ToLower(body), "</body>"); j >= 0 && i > j {
				t.Errorf("GET %s: script after </body>: %q", c.target, body)
			}
			if ct := w.Header().Get("Content-Type"); ct != "text/html; charset=utf-8" {
				t.Errorf("GET %s: Content-Type %q", c.target, ct)
			}
		}
		if c.location != "" && w.Header().Get("Location") != c.location {
			t.Errorf("GET %s: Location %q, want %q", c.target, w.Header().Get("Location"), c.location)
		}
	}
	if ct := get(t, s, "GET", "/css/site.css").Header().Get("Content-Type"); !strings.HasPrefix(ct, "text/css") {
		t.Errorf("css Content-Type %q", ct)
	}
}

func TestNothingOutsideTheSite(t *testing.T) {
	s := New(Options{Fs: outputFs(t, true), Dir: "/srv/site"})
	for _, target := range []string{
		"/../secret.txt",
		"/a/../../secret.txt",
		"/%2e%2e/secret.txt",
		"/%2E%2E/secret.txt",
		"/a/..%2f..%2fsecret.txt",
		"/a/%2e%2e%2f%2e%2e%2fsecret.txt",
		"/..%5csecret.txt",
		"/a\\..\\..\\secret.txt",
		"/%00/secret.txt",
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.URL.Path, r.URL.RawPath = target, ""
		if strings.Contains(target, "%") {
			r.RequestURI = target
			var err error
			if r.URL, err = r.URL.Parse(target); err != nil {
				t.Fatalf("%s: %v", target, err)
			}
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if strings.Contains(w.Body.String(), "SECRET") {
			t.Errorf("GET %s served the file outside the site", target)
		}
		if w.Code == 200 {
			t.Errorf("GET %s: status 200", target)
		}
	}
}

func TestMethodsAndHead(t *testing.T) {
	s := New(Options{Fs: outputFs(t, true), Dir: "/srv/site"})
	if w := get(t, s, "POST", "/"); w.Code != http.StatusMethodNotAllowed {
		t.Errorf("POST: %d", w.Code)
	}
	w := get(t, s, "HEAD", "/a/b/")
	if w.Code != 200 || w.Body.Len() != 0 || w.Header().Get("Content-Length") == "" {
		t.Errorf("HEAD: %d, %d bytes, Content-Length %q", w.Code, w.Body.Len(), w.Header().Get("Content-Length"))
	}
}

// With no site at all (the first build failed) a miss still gets a page
// that carries the script, so the overlay can show.
func TestNoSiteYet(t *testing.T) {
	s := New(Options{Fs: afero.NewMemMapFs(), Dir: "/nowhere"})
	done := make(chan *httptest.ResponseRecorder)
	go func() { done <- get(t, s, "GET", "/") }()
	select {
	case w := <-done:
		if w.Code != 404 || !strings.Contains(w.Body.String(), marker) {
			t.Errorf("status %d body %q", w.Code, w.Body.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("request hung")
	}
	s2 := New(Options{Fs: outputFs(t, false), Dir: "/srv/site"})
	if w := get(t, s2, "GET", "/missing/"); w.Code != 404 || !strings.Contains(w.Body.String(), marker) {
		t.Errorf("no 404.html: status %d body %q", w.Code, w.Body.String())
	}
}

func TestInject(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"<body>x</body></html>", "<body>xS</body></html>"},
		{"<BODY>x</BODY>", "<BODY>xS</BODY>"},
		{"<body>a</body> b </body>", "<body>a</body> b S</body>"},
		{"no body", "no bodyS"},
		{"", "S"},
		{"</bod", "</bodS"},
	} {
		if got := string(Inject([]byte(c.in), []byte("S"))); got != c.want {
			t.Errorf("Inject(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestProblems(t *testing.T) {
	for _, c := range []struct {
		err  string
		want []Problem
	}{
		{"content/b/a.md:3: YAML: bad", []Problem{{"content/b/a.md", 3, "YAML: bad"}}},
		{"content/b/a.md:3:7: unexpected", []Problem{{"content/b/a.md", 3, "unexpected"}}},
		{"template: article.html:12: function \"nope\" not defined", []Problem{{"article.html", 12, `function "nope" not defined`}}},
		{"content/b/a.md: invalid UTF-8\ncontent/b/c.md:1: date: not a date",
			[]Problem{{"content/b/a.md", 0, "invalid UTF-8"}, {"content/b/c.md", 1, "date: not a date"}}},
		{"publish: disk full", []Problem{{"", 0, "publish: disk full"}}},
		{`templates/article.html: template: article.html:3: unexpected "}" in operand`, []Problem{{"templates/article.html", 3, `unexpected "}" in operand`}}},
		{"templates/article.html: template: other.html:3: x", []Problem{{"templates/article.html", 0, "template: other.html:3: x"}}},
		{"", []Problem{{"", 0, "build failed"}}},
	} {
		got := Problems(errors.New(c.err))
		if !slices.Equal(got, c.want) {
			t.Errorf("Problems(%q) = %+v, want %+v", c.err, got, c.want)
		}
	}
}

func TestPagesOf(t *testing.T) {
	pages, all := pagesOf([]string{"index.html", "b/a/index.html", "b/index.html", "404.html", "feed.xml", "b/feed.xml", "sitemap.xml", "robots.txt", "search/index.json", "b/b.md", "b/timeline.json", "x.js.map"})
	if want := []string{"/", "/b/a/", "/b/", "/404.html"}; !slices.Equal(pages, want) || all {
		t.Errorf("pages %q all %v, want %q false", pages, all, want)
	}
	for _, p := range []string{"css/site.css", "js/quotes.js", "img/logo.PNG", "fonts/x.woff2"} {
		if _, all := pagesOf([]string{p}); !all {
			t.Errorf("a change of %s must reload every page", p)
		}
	}
}

// fakeBuilder returns scripted results.
type fakeBuilder struct {
	results []*Result
	errs    []error
	calls   [][]string
}

func (f *fakeBuilder) Build(changed []string) (*Result, error) {
	i := len(f.calls)
	f.calls = append(f.calls, changed)
	return f.results[i], f.errs[i]
}

type sse struct {
	t  *testing.T
	sc *bufio.Scanner
	rc io.Closer
}

func openEvents(t *testing.T, base string) *sse {
	t.Helper()
	resp, err := http.Get(base + "/__briefgen/events")
	if err != nil {
		t.Fatal(err)
	}
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	return &sse{t, bufio.NewScanner(resp.Body), resp.Body}
}

// next returns the next event's name and data.
func (s *sse) next() (string, string) {
	s.t.Helper()
	type ev struct{ name, data string }
	ch := make(chan ev, 1)
	go func() {
		var e ev
		for s.sc.Scan() {
			line := s.sc.Text()
			switch {
			case line == "" && e.name != "":
				ch <- e
				return
			case strings.HasPrefix(line, "event: "):
				e.name = line[7:]
			case strings.HasPrefix(line, "data: "):
				e.data = line[6:]
			}
		}
		ch <- ev{"EOF", ""}
	}()
	select {
	case e := <-ch:
		return e.name, e.data
	case <-time.After(10 * time.Second):
		s.t.Fatal("no event")
		return "", ""
	}
}

func TestLiveReloadEvents(t *testing.T) {
	fb := &fakeBuilder{
		results: []*Result{{Changed: []string{"index.html", "b/a/index.html", "b/feed.xml"}}, nil, {Changed: nil}, {Changed: []string{"css/site.css"}}},
		errs:    []error{nil, errors.New("content/b/a.md:2: YAML: did not find expected node content"), nil, nil},
	}
	var log strings.Builder
	s := New(Options{Fs: outputFs(t, true), Dir: "/srv/site", Builder: fb, Log: &log})
	ts := httptest.NewServer(s)
	defer ts.Close()
	ev := openEvents(t, ts.URL)
	defer ev.rc.Close()
	if name, data := ev.next(); name != "hello" || !strings.Contains(data, `"gen":"`) {
		t.Fatalf("first event %s %s", name, data)
	}
	s.Rebuild([]string{"content/b/a.md"})
	if name, data := ev.next(); name != "reload" || !strings.Contains(data, `"pages":["/","/b/a/"]`) || !strings.Contains(data, `"all":false`) {
		t.Errorf("after a good build: %s %s", name, data)
	}
	s.Rebuild([]string{"content/b/a.md"})
	name, data := ev.next()
	if name != "failed" || !strings.Contains(data, `"file":"content/b/a.md","line":2,"message":"YAML: did not find expected node content"`) {
		t.Errorf("after a failed build: %s %s", name, data)
	}
	// A page opened now sees the error at once.
	ev2 := openEvents(t, ts.URL)
	defer ev2.rc.Close()
	if name, data := ev2.next(); name != "hello" || !strings.Contains(data, "YAML") {
		t.Errorf("hello during an error: %s %s", name, data)
	}
	s.Rebuild([]string{"content/b/a.md"})
	for _, e := range []*sse{ev, ev2} {
		if name, data := e.next(); name != "reload" || !strings.Contains(data, `"pages":[]`) {
			t.Errorf("after the fix: %s %s", name, data)
		}
	}
	s.Rebuild([]string{"static/css/site.css"})
	if name, data := ev.next(); name != "reload" || !strings.Contains(data, `"all":true`) {
		t.Errorf("after a stylesheet change: %s %s", name, data)
	}
	// The terminal got the error once, as one line.
	if n := strings.Count(log.String(), "YAML"); n != 1 {
		t.Errorf("error printed %d times:\n%s", n, log.String())
	}
	if !strings.Contains(log.String(), "error: content/b/a.md:2: YAML") {
		t.Errorf("log:\n%s", log.String())
	}
	// Close ends the streams (so http.Server.Shutdown does not hang).
	s.Close()
	if name, _ := ev.next(); name != "EOF" {
		t.Errorf("stream still open after Close: %s", name)
	}
}

func TestRunMergesBatches(t *testing.T) {
	fb := &fakeBuilder{results: []*Result{{}, {}}, errs: []error{nil, nil}}
	s := New(Options{Fs: outputFs(t, true), Dir: "/srv/site", Builder: BuilderFunc(fb.Build)})
	in := make(chan []string, 3)
	in <- []string{"content/b/x.md"}
	in <- []string{"content/b/a.md", "content/b/x.md"}
	close(in)
	s.Run(t.Context(), in)
	if len(fb.calls) != 1 || !slices.Equal(fb.calls[0], []string{"content/b/a.md", "content/b/x.md"}) {
		t.Errorf("builds %q, want one of [content/b/a.md content/b/x.md]", fb.calls)
	}
}

// SiteBuilder runs the real build and reports which output files changed.
func TestSiteBuilder(t *testing.T) {
	fsys := afero.NewOsFs()
	root := t.TempDir()
	src := filepath.Join(root, "site")
	write := func(rel, s string) {
		p := filepath.Join(src, filepath.FromSlash(rel))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("site.yaml", "title: Test site\n")
	write("content/b/_index.md", "---\ntitle: Briefing B\n---\nAbout B.\n")
	write("content/b/one.md", "---\ntitle: One\ndate: 2024-01-02\n---\nFirst article text.\n")
	write("content/b/two.md", "---\ntitle: Two\ndate: 2024-01-01\n---\nSecond article text.\n")
	write("content/c/three.md", "---\ntitle: Three\ndate: 2023-05-01\n---\nThird, elsewhere.\n")
	b, err := NewSiteBuilder(fsys, build.Options{Source: src, Destination: filepath.Join(root, "out", "site"),
		Theme: os.DirFS("../.."), BaseURL: "http://127.0.0.1:1/", Quiet: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := b.Build(nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"index.html", "b/one/index.html", "b/two/index.html", "c/three/index.html"} {
		if !slices.Contains(res.Changed, p) {
			t.Errorf("first build: %s not in Changed %q", p, res.Changed)
		}
	}
	// The tap must have agreed with the files on disk: a second build of
	// the same sources changes nothing.
	if res, err = b.Build([]string{"content/b/one.md"}); err != nil {
		t.Fatal(err)
	} else if len(res.Changed) != 0 {
		t.Errorf("unchanged rebuild: Changed %q", res.Changed)
	}
	write("content/b/one.md", "---\ntitle: One\ndate: 2024-01-02\n---\nFirst article, edited.\n")
	if res, err = b.Build([]string{"content/b/one.md"}); err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Changed, "b/one/index.html") {
		t.Errorf("edited article's page not in Changed %q", res.Changed)
	}
	for _, p := range []string{"b/two/index.html", "c/three/index.html", "c/index.html"} {
		if slices.Contains(res.Changed, p) {
			t.Errorf("%s reported changed; only one.md's text changed: %q", p, res.Changed)
		}
	}
	// A failed build leaves the output and the hashes of the last good one.
	write("content/b/two.md", "---\ntitle: [\n---\nbroken\n")
	if _, err = b.Build([]string{"content/b/two.md"}); err == nil {
		t.Fatal("broken front matter built")
	}
	if _, err := os.Stat(filepath.Join(root, "out", "site", "b", "two", "index.html")); err != nil {
		t.Errorf("last good output gone: %v", err)
	}
	write("content/b/two.md", "---\ntitle: Two\ndate: 2024-01-01\n---\nSecond article text.\n")
	if res, err = b.Build([]string{"content/b/two.md"}); err != nil {
		t.Fatal(err)
	} else if len(res.Changed) != 0 {
		t.Errorf("fixed back to the last good sources: Changed %q", res.Changed)
	}
	// Removing an article removes its page.
	os.Remove(filepath.Join(src, "content", "c", "three.md"))
	if res, err = b.Build([]string{"content/c/three.md"}); err != nil {
		t.Fatal(err)
	} else if !slices.Contains(res.Changed, "c/three/index.html") {
		t.Errorf("removed page not in Changed %q", res.Changed)
	}
}

func TestStale(t *testing.T) {
	h := newHub("x")
	h.built([]string{"/", "/a/"}, false) // x-1
	h.built([]string{"/b/"}, false)      // x-2
	h.built(nil, false)                  // x-3
	for _, c := range []struct {
		gen, path string
		want      bool
	}{
		{"x-1", "/a/", false}, // changed in build 1, which the page has
		{"x-1", "/b/", true},
		{"x-2", "/b/", false},
		{"x-0", "/a/", true},
		{"x-3", "/a/", false},
		{"x-4", "/a/", true}, // from the future: another server
		{"y-1", "/c/", true}, // another server's page
		{"garbage", "/c/", true},
		{"", "/a/", false}, // not a page
	} {
		if got := h.staleLocked(c.gen, c.path); got != c.want {
			t.Errorf("stale(%q, %q) = %v, want %v", c.gen, c.path, got, c.want)
		}
	}
	h.built(nil, true) // x-4: a stylesheet
	if !h.staleLocked("x-3", "/c/") {
		t.Error("a change for every page missed")
	}
	for range historyLen {
		h.built([]string{"/other/"}, false)
	}
	if !h.staleLocked("x-3", "/c/") {
		t.Error("a page older than the history must reload")
	}
	if h.staleLocked(h.genLocked(), "/c/") || len(h.history) != historyLen {
		t.Errorf("history %d entries", len(h.history))
	}
}

// A page that reconnects learns whether it missed a change to itself.
func TestHelloReload(t *testing.T) {
	fb := &fakeBuilder{results: []*Result{{Changed: []string{"a/index.html"}}}, errs: []error{nil}}
	s := New(Options{Fs: outputFs(t, true), Dir: "/srv/site", Builder: fb})
	ts := httptest.NewServer(s)
	defer ts.Close()
	old := s.hub.generation()
	s.Rebuild([]string{"content/a.md"})
	for path, want := range map[string]string{"/a/": `"reload":true`, "/b/": `"reload":false`} {
		resp, err := http.Get(ts.URL + "/__briefgen/events?gen=" + old + "&path=" + path)
		if err != nil {
			t.Fatal(err)
		}
		ev := &sse{t, bufio.NewScanner(resp.Body), resp.Body}
		if name, data := ev.next(); name != "hello" || !strings.Contains(data, want) {
			t.Errorf("%s: %s %s, want %s", path, name, data, want)
		}
		resp.Body.Close()
	}
}

// After Close, a build cannot write: the output folder can be removed
// without a late build recreating it.
func TestSiteBuilderClose(t *testing.T) {
	root := t.TempDir()
	src := filepath.Join(root, "site")
	os.MkdirAll(filepath.Join(src, "content", "b"), 0o755)
	os.WriteFile(filepath.Join(src, "content", "b", "one.md"), []byte("---\ntitle: One\ndate: 2024-01-02\n---\nText.\n"), 0o644)
	dest := filepath.Join(root, "out", "site")
	b, err := NewSiteBuilder(afero.NewOsFs(), build.Options{Source: src, Destination: dest, Theme: os.DirFS("../.."), Quiet: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	b.Close()
	if _, err := b.Build(nil); err == nil {
		t.Fatal("build after Close succeeded")
	}
	if ents, _ := os.ReadDir(filepath.Join(root, "out")); len(ents) != 0 {
		t.Errorf("build after Close left %v", ents)
	}
}

// A SiteBuilder returns free memory to the system once no build has
// started for IdleTrim after a good one; a build starting, or Close,
// stops the pending trim.
func TestSiteBuilderIdleTrim(t *testing.T) {
	var trims atomic.Int32
	oldTrim, oldIdle := trimMemory, IdleTrim
	trimMemory, IdleTrim = func() { trims.Add(1) }, time.Hour
	defer func() { trimMemory, IdleTrim = oldTrim, oldIdle }()
	root := t.TempDir()
	src := filepath.Join(root, "site")
	os.MkdirAll(filepath.Join(src, "content", "b"), 0o755)
	os.WriteFile(filepath.Join(src, "content", "b", "one.md"), []byte("---\ntitle: One\ndate: 2024-01-02\n---\nText.\n"), 0o644)
	b, err := NewSiteBuilder(afero.NewOsFs(), build.Options{Source: src, Destination: filepath.Join(root, "out"), Theme: os.DirFS("../.."), Quiet: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	pending := func() *time.Timer {
		b.mu.Lock()
		defer b.mu.Unlock()
		return b.trim
	}
	if _, err := b.Build(nil); err != nil {
		t.Fatal(err)
	}
	first := pending()
	if first == nil {
		t.Fatal("no trim pending after a good build")
	}
	IdleTrim = time.Millisecond
	if _, err := b.Build([]string{"content/b/one.md"}); err != nil {
		t.Fatal(err)
	}
	if first.Stop() {
		t.Error("the next build did not stop the pending trim")
	}
	deadline := time.Now().Add(10 * time.Second)
	for trims.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if n := trims.Load(); n != 1 {
		t.Fatalf("%d trims after a build and a pause, want 1", n)
	}
	IdleTrim = time.Hour
	if _, err := b.Build([]string{"content/b/one.md"}); err != nil {
		t.Fatal(err)
	}
	last := pending()
	b.Close()
	if pending() != nil || last == nil || last.Stop() {
		t.Error("Close did not stop the pending trim")
	}
	b.Build([]string{"content/b/one.md"})
	if pending() != nil {
		t.Error("a build after Close armed a trim")
	}
}
