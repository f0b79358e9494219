package hardening

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/build"
	"briefgen/generator/serve"
	"briefgen/generator/watch"
)

// TestServeSoak drives the preview server as an editor on a bad day would:
// 1,000 rapid edits to articles, articles deleted and recreated while
// rebuilds read them, the article template broken and fixed, the briefing
// folder renamed away and back. Throughout, every request must be answered
// (200, or the site's 404 while a page is away), never a 5xx or a hang;
// at the end the last edit must be served, and goroutines and heap must
// come back to where they started (no leak).
func TestServeSoak(t *testing.T) {
	edits := 1000
	if testing.Short() {
		edits = 200
	}
	src := t.TempDir()
	dest := filepath.Join(t.TempDir(), "site")
	write := func(rel, body string) {
		t.Helper()
		p := filepath.Join(src, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	article := func(i, version int) string {
		return fmt.Sprintf("---\ntitle: Article %d\ndate: 2025-03-%02d\n---\n\nMinister Ana Ribeiro said on Monday that talks would resume. Version %d-%d.\n\n\"We are close,\" she told reporters.\n", i, i%28+1, i, version)
	}
	write("site.yaml", "title: Soak\n")
	write("content/b/_index.md", "---\ntitle: Soak briefing\n---\n")
	const articles = 20
	for i := 0; i < articles; i++ {
		write(fmt.Sprintf("content/b/a%02d.md", i), article(i, 0))
	}
	theme := os.DirFS("..")
	goodTemplate, err := os.ReadFile("../templates/article.html")
	if err != nil {
		t.Fatal(err)
	}

	b, err := serve.NewSiteBuilder(afero.NewOsFs(), build.Options{Source: src, Destination: dest, Theme: theme, Quiet: true, NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	var builds, failures atomic.Int64
	counting := serve.BuilderFunc(func(changed []string) (*serve.Result, error) {
		builds.Add(1)
		r, err := b.Build(changed)
		if err != nil {
			failures.Add(1)
		}
		return r, err
	})
	srv := serve.New(serve.Options{Dir: b.Destination(), Builder: counting, Log: io.Discard})
	if _, err := srv.Rebuild(nil); err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(srv)
	client := hs.Client()
	get := func(path string) (int, string) {
		t.Helper()
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		req, _ := http.NewRequestWithContext(ctx, "GET", hs.URL+path, nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatalf("GET %s: %v", path, err)
		}
		defer resp.Body.Close()
		body, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(body)
	}

	runtime.GC()
	var m0 runtime.MemStats
	runtime.ReadMemStats(&m0)
	g0 := runtime.NumGoroutine()

	w, err := watch.New(watch.Options{Root: src, Exclude: []string{dest}, Logf: func(string, ...any) {}})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	ran := make(chan struct{})
	go func() { srv.Run(ctx, w.C); close(ran) }()

	start := time.Now()
	requests, missing := 0, 0
	for e := 1; e <= edits; e++ {
		i := e % articles
		switch {
		case e%200 == 0: // the briefing folder renamed away and back
			if err := os.Rename(filepath.Join(src, "content/b"), filepath.Join(src, "content/c")); err != nil {
				t.Fatal(err)
			}
			time.Sleep(150 * time.Millisecond)
			if err := os.Rename(filepath.Join(src, "content/c"), filepath.Join(src, "content/b")); err != nil {
				t.Fatal(err)
			}
		case e%100 == 0: // the article template broken, then fixed
			write("templates/article.html", "{{ .Broken ")
			time.Sleep(150 * time.Millisecond)
			write("templates/article.html", string(goodTemplate))
		case e%25 == 0: // deleted while a rebuild may be reading it, then back
			os.Remove(filepath.Join(src, fmt.Sprintf("content/b/a%02d.md", i)))
			write(fmt.Sprintf("content/b/a%02d.md", i), article(i, e))
		default:
			write(fmt.Sprintf("content/b/a%02d.md", i), article(i, e))
		}
		if e%10 == 0 {
			// Bursts of ten edits with a pause long enough for the
			// watcher's quiet period, so rebuilds run between bursts.
			time.Sleep(40 * time.Millisecond)
		}
		if e%10 == 0 {
			code, _ := get(fmt.Sprintf("/b/a%02d/", i))
			requests++
			switch code {
			case 200:
			case 404:
				missing++
			default:
				t.Fatalf("edit %d: GET /b/a%02d/ = %d", e, i, code)
			}
		}
	}
	// A last edit must be served once the dust settles.
	write("content/b/a07.md", article(7, edits+1))
	want := fmt.Sprintf("Version 7-%d.", edits+1)
	deadline := time.Now().Add(60 * time.Second)
	for {
		code, body := get("/b/a07/")
		if code == 200 && strings.Contains(body, want) {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the last edit (%q) was not served within 60 s of the burst (status %d)", want, code)
		}
		time.Sleep(50 * time.Millisecond)
	}
	elapsed := time.Since(start)

	cancel()
	w.Close()
	<-ran
	srv.Close()
	hs.Close()
	b.Close()
	// Let finished goroutines exit before counting.
	var g1 int
	for k := 0; k < 50; k++ {
		runtime.GC()
		if g1 = runtime.NumGoroutine(); g1 <= g0 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	var m1 runtime.MemStats
	runtime.ReadMemStats(&m1)
	t.Logf("%d rebuilds (%d failed, on a broken template)", builds.Load(), failures.Load())
	if builds.Load() < 10 || failures.Load() == 0 {
		t.Errorf("the edits caused %d rebuilds and %d failures: the soak did not exercise rebuilding", builds.Load(), failures.Load())
	}
	t.Logf("%d edits in %v; %d requests during the edits (%d answered 404 while a page was away); goroutines %d -> %d; live heap %.1f -> %.1f MiB",
		edits, elapsed.Round(time.Millisecond), requests, missing, g0, g1,
		float64(m0.HeapAlloc)/(1<<20), float64(m1.HeapAlloc)/(1<<20))
	if g1 > g0 {
		buf := make([]byte, 1<<16)
		n := runtime.Stack(buf, true)
		t.Errorf("goroutines leaked: %d before, %d after\n%s", g0, g1, buf[:n])
	}
	if grown := int64(m1.HeapAlloc) - int64(m0.HeapAlloc); grown > 64<<20 {
		t.Errorf("live heap grew by %d MiB over %d edits", grown>>20, edits)
	}
}
