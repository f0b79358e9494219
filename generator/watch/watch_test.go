package watch

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
)

// wait bounds every wait for an event; it is generous on purpose (no
// timing is asserted, only that the change is reported at all).
const wait = 10 * time.Second

type site struct {
	t    *testing.T
	root string
	w    *Watcher
	seen []string // every path of every batch received so far
	n    int      // batches received
}

func newSite(t *testing.T, opt Options) *site {
	t.Helper()
	root := t.TempDir()
	for _, d := range []string{"content/b", "templates", "static"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	s := &site{t: t, root: root}
	s.write("content/b/a.md", "first")
	opt.Root = root
	w, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	s.w = w
	return s
}

func (s *site) path(rel string) string { return filepath.Join(s.root, filepath.FromSlash(rel)) }

func (s *site) write(rel, data string) {
	s.t.Helper()
	if err := os.MkdirAll(filepath.Dir(s.path(rel)), 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(s.path(rel), []byte(data), 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// expect receives batches until every path in want has been reported.
func (s *site) expect(want ...string) {
	s.t.Helper()
	deadline := time.After(wait)
	for {
		missing := false
		for _, p := range want {
			if !slices.Contains(s.seen, p) {
				missing = true
			}
		}
		if !missing {
			return
		}
		select {
		case b, ok := <-s.w.C:
			if !ok {
				s.t.Fatal("channel closed")
			}
			if !slices.IsSorted(b) || len(slices.Compact(slices.Clone(b))) != len(b) {
				s.t.Errorf("batch not sorted and deduplicated: %q", b)
			}
			s.seen = append(s.seen, b...)
			s.n++
		case <-deadline:
			s.t.Fatalf("not reported within %v: %q (seen %q)", wait, want, s.seen)
		}
	}
}

// reset forgets what was seen (after the watcher has gone quiet).
func (s *site) reset() { s.seen, s.n = nil, 0 }

func (s *site) notSeen(paths ...string) {
	s.t.Helper()
	for _, p := range paths {
		if slices.Contains(s.seen, p) {
			s.t.Errorf("%s was reported; seen %q", p, s.seen)
		}
	}
}

func modes(t *testing.T, f func(t *testing.T, opt Options)) {
	t.Run("notify", func(t *testing.T) { f(t, Options{}) })
	t.Run("poll", func(t *testing.T) { f(t, Options{Poll: 20 * time.Millisecond}) })
}

func TestCreateWriteDelete(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		s.write("content/b/new.md", "x")
		s.expect("content/b/new.md")
		s.reset()
		s.write("content/b/a.md", "second version")
		s.expect("content/b/a.md")
		s.reset()
		if err := os.Remove(s.path("content/b/new.md")); err != nil {
			t.Fatal(err)
		}
		s.expect("content/b/new.md")
	})
}

func TestRename(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		if err := os.Rename(s.path("content/b/a.md"), s.path("content/b/c.md")); err != nil {
			t.Fatal(err)
		}
		s.expect("content/b/a.md", "content/b/c.md")
	})
}

func TestAtomicSave(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		// The usual editor dance: write a temporary file, rename it over.
		for _, tmp := range []string{"content/b/.a.md.swp", "content/b/a.md.tmp", "content/b/.goutputstream-X1Y2", "content/b/4913"} {
			s.write(tmp, "new text "+tmp)
			if err := os.Rename(s.path(tmp), s.path("content/b/a.md")); err != nil {
				t.Fatal(err)
			}
		}
		// vim without backupcopy: the original moves to a~ and comes back.
		if err := os.Rename(s.path("content/b/a.md"), s.path("content/b/a.md~")); err != nil {
			t.Fatal(err)
		}
		s.write("content/b/a.md", "vim's save")
		os.Remove(s.path("content/b/a.md~"))
		s.expect("content/b/a.md")
		for _, p := range s.seen {
			if p != "content/b/a.md" {
				t.Errorf("reported %s; only content/b/a.md changed", p)
			}
		}
	})
}

func TestIgnoredFilesAndChmod(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		ignored := []string{"content/b/a.md~", "content/b/.a.md.swp", "content/b/.a.md.swx", "content/b/4913",
			"content/b/.#a.md", "content/b/#a.md#", "content/b/.DS_Store", "content/b/x.tmp",
			"content/b/.goutputstream-ABCD", "static/.hidden/x.css", "site.yaml.tmp", "public/index.html", "notes.md"}
		for _, p := range ignored {
			s.write(p, "x")
		}
		if opt.Poll == 0 { // polling compares modes, so chmod is a change there
			if err := os.Chmod(s.path("content/b/a.md"), 0o600); err != nil {
				t.Fatal(err)
			}
			ignored = append(ignored, "content/b/a.md")
		}
		// Events arrive in order: once the sentinel is seen, everything
		// before it has been dealt with.
		s.write("content/b/zz.md", "sentinel")
		s.expect("content/b/zz.md")
		s.notSeen(ignored...)
	})
}

func TestNewDirectoryWithFiles(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		// A directory moved in whole: its files exist before any watch.
		other := filepath.Join(t.TempDir(), "nd")
		os.MkdirAll(filepath.Join(other, "deep"), 0o755)
		os.WriteFile(filepath.Join(other, "one.md"), []byte("1"), 0o644)
		os.WriteFile(filepath.Join(other, "deep", "two.md"), []byte("2"), 0o644)
		if err := os.Rename(other, s.path("content/nd")); err != nil {
			t.Fatal(err)
		}
		s.expect("content/nd/one.md", "content/nd/deep/two.md")
		// A directory created and filled at once.
		s.write("content/quick/x/three.md", "3")
		s.expect("content/quick/x/three.md")
		// Later changes in the new directories are seen too.
		s.write("content/nd/deep/two.md", "two again")
		s.write("content/quick/x/four.md", "4")
		s.expect("content/nd/deep/two.md", "content/quick/x/four.md")
	})
}

func TestRemovedDirectoryDropped(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		if err := os.RemoveAll(s.path("content/b")); err != nil {
			t.Fatal(err)
		}
		if opt.Poll == 0 {
			s.expect("content/b")
			s.w.mu.Lock()
			_, still := s.w.dirs[s.path("content/b")]
			s.w.mu.Unlock()
			if still {
				t.Error("removed directory still watched")
			}
		} else {
			s.expect("content/b/a.md")
		}
		s.reset()
		s.write("content/b/again.md", "back")
		s.expect("content/b/again.md")
	})
}

func TestConfigAndLateDirectories(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		os.RemoveAll(s.path("static"))
		s.write("site.yaml", "title: T\n")
		s.expect("site.yaml")
		// static/ appearing after the watcher started
		s.write("static/css/site.css", "body{}")
		s.expect("static/css/site.css")
		s.write("static/css/site.css", "body{color:red}")
		s.reset()
		s.expect("static/css/site.css")
	})
}

// TestEditorOverridesWatched: the site-wide overrides in data/ (created
// after the watcher started, as an editor would) trigger a rebuild.
func TestEditorOverridesWatched(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		s := newSite(t, opt)
		s.write("data/actors.yaml", "actors: []\n")
		s.expect("data/actors.yaml")
	})
}

func TestExclude(t *testing.T) {
	modes(t, func(t *testing.T, opt Options) {
		root := t.TempDir()
		os.MkdirAll(filepath.Join(root, "static", "out"), 0o755)
		opt.Root = root
		opt.Exclude = []string{filepath.Join(root, "static", "out")}
		w, err := New(opt)
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		s := &site{t: t, root: root, w: w}
		s.write("static/out/index.html", "built")
		s.write("static/ok.css", "x")
		s.expect("static/ok.css")
		s.notSeen("static/out/index.html", "static/out")
	})
}

// A burst of changes (a checkout touching 500 files) arrives as one batch.
func TestBurstIsOneBatch(t *testing.T) {
	// A long quiet period so that a slow machine still writes the burst
	// within it; the test asserts the batching, not a speed.
	s := newSite(t, Options{Quiet: 2 * time.Second, MaxWait: time.Minute})
	var want []string
	for i := range 500 {
		p := fmt.Sprintf("content/b%d/art%03d.md", i%7, i)
		s.write(p, strings.Repeat("x", i))
		want = append(want, p)
	}
	s.expect(want...)
	if s.n != 1 {
		t.Errorf("500 changes came in %d batches, want 1", s.n)
	}
}

func TestCoalesce(t *testing.T) {
	in := make(chan string)
	out := make(chan []string)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); coalesce(in, out, time.Second, time.Hour, done) }()
	for i := range 1000 {
		in <- fmt.Sprintf("p%d", i%10)
	}
	b := <-out
	want := []string{"p0", "p1", "p2", "p3", "p4", "p5", "p6", "p7", "p8", "p9"}
	if !slices.Equal(b, want) {
		t.Errorf("batch %q, want %q", b, want)
	}
	// While nobody reads, paths keep collecting into one batch.
	in <- "z"
	in <- "a/../y"
	in <- "z"
	if b := <-out; !slices.Equal(b, []string{"y", "z"}) {
		t.Errorf("batch %q, want [y z]", b)
	}
	close(done)
	wg.Wait()
	if _, ok := <-out; ok {
		t.Error("out not closed")
	}
}

// A stream that never goes quiet is still delivered after MaxWait.
func TestMaxWait(t *testing.T) {
	in := make(chan string)
	out := make(chan []string)
	done := make(chan struct{})
	defer close(done)
	go coalesce(in, out, time.Hour, 50*time.Millisecond, done)
	stop := make(chan struct{})
	go func() {
		for i := 0; ; i++ {
			select {
			case in <- fmt.Sprint(i):
			case <-stop:
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	defer close(stop)
	select {
	case b := <-out:
		if len(b) == 0 {
			t.Error("empty batch")
		}
	case <-time.After(wait):
		t.Fatal("no batch while changes kept coming")
	}
}

func TestFallbackToPolling(t *testing.T) {
	old := newNotify
	newNotify = func() (*fsnotify.Watcher, error) { return nil, errors.New("too many open files") }
	defer func() { newNotify = old }()
	var mu sync.Mutex
	var logs []string
	s := newSite(t, Options{Logf: func(f string, a ...any) {
		mu.Lock()
		logs = append(logs, fmt.Sprintf(f, a...))
		mu.Unlock()
	}})
	if s.w.Polling() == 0 {
		t.Fatal("not polling after fsnotify failed")
	}
	mu.Lock()
	if len(logs) != 1 || !strings.Contains(logs[0], "polling") {
		t.Errorf("logs %q, want one message about polling", logs)
	}
	mu.Unlock()
	s.write("content/b/p.md", "x")
	s.expect("content/b/p.md")
}

func TestIgnored(t *testing.T) {
	for _, c := range []struct {
		p    string
		want bool
	}{
		{"content/b/a.md", false},
		{"content/b/a.txt", false},
		{"site.yaml", false},
		{"content/b/a.md~", true},
		{"content/b/.a.md.swp", true},
		{"content/b/a.md.swx", true},
		{"content/b/4913", true},
		{"content/b/49130", false},
		{"content/b/.#a.md", true},
		{"content/b/#a.md#", true},
		{"content/b/#a.md", false},
		{"content/b/.DS_Store", true},
		{"content/b/a.tmp", true},
		{"content/b/.goutputstream-XYZ", true},
		{"content/.git/HEAD", true},
		{"static/a.md___jb_tmp___", true},
		{"content/b~/a.md", true},
	} {
		if got := Ignored(c.p); got != c.want {
			t.Errorf("Ignored(%q) = %v, want %v", c.p, got, c.want)
		}
	}
}

func TestCloseClosesChannel(t *testing.T) {
	s := newSite(t, Options{})
	if err := s.w.Close(); err != nil {
		t.Fatal(err)
	}
	select {
	case _, ok := <-s.w.C:
		if ok {
			t.Error("batch after Close")
		}
	case <-time.After(wait):
		t.Fatal("C not closed")
	}
	s.w.Close() // twice is fine
}
