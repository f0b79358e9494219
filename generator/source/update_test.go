package source

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/doc"
)

// TestLoadChangedEqualsLoad makes each kind of change to a site and
// checks that LoadChanged with the changed paths returns what a fresh
// Load does (the whole Site, deeply, or the same error), and whether it
// updated the last site or loaded it as a whole.
func TestLoadChangedEqualsLoad(t *testing.T) {
	type step struct {
		name    string
		do      func(fs afero.Fs)
		changed []string // nil: everything
		quick   bool     // the last site is updated, not loaded again
		// quickDrafts, when set, is quick with Options.Drafts.
		quickDrafts *bool
		fails       bool
	}
	var clock time.Time
	yes, no := true, false
	write := func(name, body string) func(afero.Fs) {
		return func(fs afero.Fs) {
			if err := afero.WriteFile(fs, "/s/"+name, []byte(body), 0o644); err != nil {
				t.Fatal(err)
			}
			clock = clock.Add(time.Second)
			fs.Chtimes("/s/"+name, clock, clock)
		}
	}
	remove := func(name string) func(afero.Fs) {
		return func(fs afero.Fs) { fs.RemoveAll("/s/" + name) }
	}
	both := func(fns ...func(afero.Fs)) func(afero.Fs) {
		return func(fs afero.Fs) {
			for _, f := range fns {
				f(fs)
			}
		}
	}
	md := func(front, body string) string { return "---\n" + front + "\n---\n" + body }
	steps := []step{
		{name: "first", do: func(afero.Fs) {}, changed: nil},
		{name: "nothing", do: func(afero.Fs) {}, changed: []string{}, quick: true},
		{name: "body edit", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-05", "Body, edited.\n")), changed: []string{"content/nk/a.md"}, quick: true},
		{name: "title edit", do: write("content/nk/a.md", md("title: A new\ndate: 2025-01-05\ntags: [x]", "Body, edited.\n")), changed: []string{"content/nk/a.md"}, quick: true},
		{name: "date moves it", do: write("content/nk/b.md", md("title: B\ndate: 2024-12-01", "Older now.\n")), changed: []string{"content/nk/b.md"}, quick: true},
		{name: "date moves it first", do: write("content/nk/b.md", md("title: B\ndate: 2026-01-01", "Newest now.\n")), changed: []string{"content/nk/b.md"}, quick: true},
		{name: "date removed (warning)", do: write("content/nk/b.md", md("title: B", "Undated.\n")), changed: []string{"content/nk/b.md"}, quick: true},
		{name: "title removed (warning)", do: write("content/nk/b.md", md("date: 2025-01-05", "Untitled.\n")), changed: []string{"content/nk/b.md"}, quick: true},
		{name: "warnings gone", do: write("content/nk/b.md", md("title: B\ndate: 2025-01-05", "Fine.\n")), changed: []string{"content/nk/b.md"}, quick: true},
		{name: "two in one briefing, same time as the config", do: both(
			write("content/nk/a.md", md("title: A\ndate: 2025-01-06", "Body.\n")),
			write("content/nk/b.md", md("title: B\ndate: 2025-01-06", "Same day.\n")),
			write("site.yaml", "title: Renamed site\n")),
			changed: []string{"content/nk/b.md", "content/nk/a.md", "site.yaml", "content/nk/a.md"}, quick: true},
		{name: "root article", do: write("content/c.md", md("title: C\ndate: 2025-03-02", "Loose, edited.\n")), changed: []string{"content/c.md"}, quick: true},
		{name: "made a draft", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-06\ndraft: true", "Body.\n")), changed: []string{"content/nk/a.md"}, quick: true},
		{name: "draft edited", do: write("content/nk/a.md", md("title: A\ndraft: true", "Body of a draft.\n")), changed: []string{"content/nk/a.md"}, quick: true},
		{name: "draft published", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-07", "Body.\n")), changed: []string{"content/nk/a.md"}, quick: true},
		{name: "slug set", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-07\nslug: aa", "Body.\n")), changed: []string{"content/nk/a.md"}, quick: true},
		{name: "slug taken", do: write("content/nk/b.md", md("title: B\ndate: 2025-01-07\nslug: AA", "Body.\n")), changed: []string{"content/nk/b.md"}, fails: true},
		{name: "slug freed", do: write("content/nk/b.md", md("title: B\ndate: 2025-01-07", "Body.\n")), changed: []string{"content/nk/b.md"}},
		{name: "added", do: write("content/nk/d.md", md("title: D\ndate: 2025-02-01", "New.\n")), changed: []string{"content/nk/d.md"}, quick: true},
		{name: "deleted", do: remove("content/nk/d.md"), changed: []string{"content/nk/d.md"}, quick: true},
		{name: "renamed", do: both(remove("content/nk/b.md"), write("content/nk/e.md", md("title: B\ndate: 2025-01-07", "Body.\n"))), changed: []string{"content/nk/b.md", "content/nk/e.md"}, quick: true},
		{name: "added at the root", do: write("content/r.md", md("title: R\ndate: 2025-02-01", "New.\n")), changed: []string{"content/r.md"}, quick: true},
		{name: "added at a reserved URL", do: write("content/css.md", md("title: CSS\ndate: 2025-02-01", "New.\n")), changed: []string{"content/css.md"}, fails: true},
		{name: "reserved URL gone", do: remove("content/css.md"), changed: []string{"content/css.md"}},
		{name: "added at a briefing's URL", do: write("content/NK.md", md("title: NK\ndate: 2025-02-01", "New.\n")), changed: []string{"content/NK.md"}, fails: true},
		{name: "briefing's URL freed", do: remove("content/NK.md"), changed: []string{"content/NK.md"}},
		{name: "added twice at one URL", do: both(write("content/other/y.md", md("title: Y\ndate: 2025-02-01\nslug: same", "New.\n")), write("content/other/y2.md", md("title: Y2\ndate: 2025-02-01\nslug: Same", "New.\n"))), changed: []string{"content/other/y.md", "content/other/y2.md"}, fails: true},
		{name: "one of them renamed", do: both(remove("content/other/y2.md"), write("content/other/y3.md", md("title: Y3\ndate: 2025-02-01\nslug: y3", "New.\n"))), changed: []string{"content/other/y2.md", "content/other/y3.md"}},
		{name: "slugs swapped", do: both(write("content/other/y.md", md("title: Y\ndate: 2025-02-01\nslug: y3", "Swapped.\n")), write("content/other/y3.md", md("title: Y3\ndate: 2025-02-01\nslug: same", "Swapped.\n"))), changed: []string{"content/other/y.md", "content/other/y3.md"}, quick: true},
		{name: "renamed, slug kept", do: both(remove("content/other/y.md"), write("content/other/y4.md", md("title: Y\ndate: 2025-02-01\nslug: y3", "Swapped.\n"))), changed: []string{"content/other/y4.md", "content/other/y.md"}, quick: true},
		{name: "added a draft", do: write("content/other/d.md", md("title: D\ndraft: true", "Draft.\n")), changed: []string{"content/other/d.md"}, quick: true},
		{name: "draft removed", do: remove("content/other/d.md"), changed: []string{"content/other/d.md"}, quick: true},
		{name: "added to a folder of its own", do: write("content/solo/s.md", md("title: S\ndate: 2025-02-01", "Alone.\n")), changed: []string{"content/solo/s.md"}},
		{name: "added beside it", do: write("content/solo/t.md", md("title: T\ndate: 2025-02-02", "Two.\n")), changed: []string{"content/solo/t.md"}, quick: true},
		{name: "removed beside it", do: remove("content/solo/t.md"), changed: []string{"content/solo/t.md"}, quick: true},
		{name: "its only article made a draft", do: write("content/solo/s.md", md("title: S\ndate: 2025-02-01\ndraft: true", "Alone.\n")), changed: []string{"content/solo/s.md"}, quickDrafts: &yes},
		{name: "removed, folder empty", do: remove("content/solo/s.md"), changed: []string{"content/solo/s.md"}, quick: true, quickDrafts: &no},
		{name: "came and went", do: func(afero.Fs) {}, changed: []string{"content/other/never.md"}, quick: true},
		{name: "in a subfolder", do: write("content/other/sub/deep.md", md("title: Deep\ndate: 2025-02-03", "Nested.\n")), changed: []string{"content/other/sub/deep.md"}, quick: true},
		{name: "new folder", do: both(write("content/new/x.md", md("title: X\ndate: 2025-02-05", "In a new folder.\n")), write("content/new/_index.md", md("title: New", "About.\n"))), changed: []string{"content/new"}},
		{name: "edit in the new folder", do: write("content/new/x.md", md("title: X2\ndate: 2025-02-04", "Edited.\n")), changed: []string{"content/new/x.md"}, quick: true},
		{name: "_index.md edit", do: write("content/nk/_index.md", md("title: North\ndate: 2025-01-03\nsummary: S", "About, edited.\n")), changed: []string{"content/nk/_index.md"}},
		{name: "txt edit, with its sidecar", do: write("content/nk/w.txt", "Wire title\n\nText body, edited.\n"), changed: []string{"content/nk/w.txt"}, quick: true},
		{name: "sidecar edit", do: write("content/nk/w.yaml", "source: Other\ntitle: Wire renamed\ndate: 2025-01-09\n"), changed: []string{"content/nk/w.yaml"}},
		{name: "txt edit, sidecar's title and date", do: write("content/nk/w.txt", "Wire title, edited\n\nText body.\n"), changed: []string{"content/nk/w.txt"}, quick: true},
		{name: "sidecar draft", do: write("content/nk/w.yaml", "draft: true\n"), changed: []string{"content/nk/w.yaml"}},
		{name: "txt edit, a draft by its sidecar", do: write("content/nk/w.txt", "Wire title\n\nDraft body.\n"), changed: []string{"content/nk/w.txt"}, quick: true},
		{name: "sidecar removed (date from _index.md)", do: remove("content/nk/w.yaml"), changed: []string{"content/nk/w.yaml"}},
		{name: "txt edit", do: write("content/nk/w.txt", "Wire title\n\nText body, edited again.\n"), changed: []string{"content/nk/w.txt"}, quick: true},
		{name: "txt added", do: write("content/other/v.txt", "Wire two\n\nUndated.\n"), changed: []string{"content/other/v.txt"}, quick: true},
		{name: "txt removed", do: remove("content/other/v.txt"), changed: []string{"content/other/v.txt"}, quick: true},
		{name: "stray sidecar", do: write("content/other/v.toml", "source = 'Outlet'\n"), changed: []string{"content/other/v.toml"}},
		{name: "txt added to a stray sidecar", do: write("content/other/v.txt", "Wire two\n\nDated by TOML.\n"), changed: []string{"content/other/v.txt"}},
		{name: "txt edited beside a TOML sidecar", do: write("content/other/v.txt", "Wire two\n\nEdited.\n"), changed: []string{"content/other/v.txt"}, quick: true},
		{name: "txt removed, sidecar stray again", do: remove("content/other/v.txt"), changed: []string{"content/other/v.txt"}},
		{name: "txt at the root", do: write("content/t.txt", "Root wire\n\nLoose text.\n"), changed: []string{"content/t.txt"}, quick: true},
		{name: "txt at the root edited", do: write("content/t.txt", "Root wire\n\nLoose text, edited.\n"), changed: []string{"content/t.txt"}, quick: true},
		{name: "invalid front matter", do: write("content/nk/a.md", md("title: [", "Broken.\n")), changed: []string{"content/nk/a.md"}, fails: true},
		{name: "still invalid, other edit", do: write("content/nk/e.md", md("title: E\ndate: 2025-01-07", "Body.\n")), changed: []string{"content/nk/e.md"}, fails: true},
		{name: "fixed", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-07", "Fixed.\n")), changed: []string{"content/nk/a.md"}},
		{name: "invalid date", do: write("content/nk/a.md", md("title: A\ndate: someday", "Fixed.\n")), changed: []string{"content/nk/a.md"}, fails: true},
		{name: "fixed again", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-08", "Fixed.\n")), changed: []string{"content/nk/a.md"}},
		{name: "NUL bytes", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-08", "Nul\x00.\n")), changed: []string{"content/nk/a.md"}},
		{name: "NUL bytes gone", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-08", "Clean.\n")), changed: []string{"content/nk/a.md"}},
		{name: "invalid UTF-8", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-08", "Bad \xff.\n")), changed: []string{"content/nk/a.md"}, fails: true},
		{name: "valid again", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-08", "Good.\n")), changed: []string{"content/nk/a.md"}},
		{name: "editor temp file", do: write("content/nk/.a.md.swp", "x"), changed: []string{"content/nk/.a.md.swp"}},
		{name: "folder removed", do: remove("content/new"), changed: []string{"content/new"}},
		{name: "everything", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-09", "All.\n")), changed: []string{"."}},
		{name: "after everything", do: write("content/nk/a.md", md("title: A\ndate: 2025-01-10", "Quick again.\n")), changed: []string{"content/nk/a.md"}, quick: true},
	}
	for _, drafts := range []bool{false, true} {
		t.Run(fmt.Sprintf("drafts=%v", drafts), func(t *testing.T) {
			clock = time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
			fs := afero.NewMemMapFs()
			for _, f := range []func(afero.Fs){
				write("site.yaml", "title: Site\n"),
				write("content/_index.md", md("title: Home", "Welcome.\n")),
				write("content/nk/_index.md", md("title: North\ndate: 2025-01-02", "About.\n")),
				write("content/nk/a.md", md("title: A\ndate: 2025-01-05", "Body.\n")),
				write("content/nk/b.md", md("title: B\ndate: 2025-01-04", "Body.\n")),
				write("content/nk/w.txt", "Wire title\n\nText body.\n"),
				write("content/nk/w.yaml", "source: Outlet\n"),
				write("content/other/z.md", md("title: Z\ndate: 2025-01-05", "Body.\n")),
				write("content/c.md", md("title: C\ndate: 2025-03-01", "Loose.\n")),
			} {
				f(fs)
			}
			opt := Options{Drafts: drafts}
			c := NewCache()
			var prev *Site
			for _, s := range steps {
				s.do(fs)
				// What the last site's articles and Docs were: a load
				// must not change what it handed out before.
				var before []Article
				var beforeDocs []doc.Doc
				if prev != nil {
					for _, a := range prev.Articles {
						before = append(before, *a)
						beforeDocs = append(beforeDocs, *a.Doc)
					}
				}
				quick := c.quick
				got, err := LoadChanged(fs, "/s", opt, c, s.changed)
				want, werr := Load(fs, "/s", opt)
				if fmt.Sprint(err) != fmt.Sprint(werr) {
					t.Fatalf("%s: error %v, want %v", s.name, err, werr)
				}
				if (err != nil) != s.fails {
					t.Fatalf("%s: error %v, want one: %v", s.name, err, s.fails)
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s: LoadChanged\n%q\nwant (Load)\n%q", s.name, summary(got), summary(want))
				}
				wantQuick := s.quick
				if drafts && s.quickDrafts != nil {
					wantQuick = *s.quickDrafts
				}
				if did := c.quick > quick; did != wantQuick {
					t.Errorf("%s: updated the last site: %v, want %v", s.name, did, wantQuick)
				}
				for i := range before {
					if a := prev.Articles[i]; !reflect.DeepEqual(*a, before[i]) || !reflect.DeepEqual(*a.Doc, beforeDocs[i]) {
						t.Errorf("%s: the last site's %s changed", s.name, a.Path)
					}
				}
				if got != nil && prev != nil && c.quick > quick {
					checkShared(t, s.name, prev, got, s.changed)
				}
				if got != nil {
					prev = got
				}
			}
		})
	}
}

// checkShared checks that an updated site shares the unchanged articles
// with the last and holds new values (and Docs) for the changed ones.
func checkShared(t *testing.T, step string, prev, got *Site, changed []string) {
	t.Helper()
	old := map[string]*Article{}
	for _, a := range prev.Articles {
		old[a.Path] = a
	}
	isChanged := map[string]bool{}
	for _, p := range changed {
		isChanged[p] = true
	}
	for _, a := range got.Articles {
		o := old[a.Path]
		switch {
		case o == nil:
		case isChanged[a.Path] && (o == a || o.Doc == a.Doc):
			t.Errorf("%s: %s changed but is the same value as before", step, a.Path)
		case !isChanged[a.Path] && o != a:
			t.Errorf("%s: %s unchanged but a new value", step, a.Path)
		}
	}
	for i, b := range got.Briefings {
		touched := false
		for _, a := range b.Articles {
			touched = touched || isChanged[a.Path]
		}
		if touched && i < len(prev.Briefings) && prev.Briefings[i] == b {
			t.Errorf("%s: briefing %s changed but is the same value", step, b.Slug)
		}
	}
}

// TestLoadChangedRandomEdits makes a few hundred random changes (edits,
// dates, slugs that may collide, drafts, files added and removed,
// .txt files and sidecars, _index.md files) to a small site, each
// followed by LoadChanged with the paths changed, which must equal a
// fresh Load every time.
func TestLoadChangedRandomEdits(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var fs afero.Fs
	clock := time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC)
	write := func(rel, body string) {
		if err := afero.WriteFile(fs, "/s/"+rel, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		clock = clock.Add(time.Second)
		fs.Chtimes("/s/"+rel, clock, clock)
	}
	folders := []string{"content/a", "content/b", "content/c", "content"}
	names := []string{"one", "two", "three", "four", "five"}
	wires := []string{"w1", "w2", "w3"} // .txt, sidecars
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	article := func() string {
		var front []string
		if rng.IntN(6) > 0 {
			front = append(front, "title: T"+strconv.Itoa(rng.IntN(9)))
		}
		if rng.IntN(5) > 0 {
			front = append(front, fmt.Sprintf("date: 2025-01-%02d", 1+rng.IntN(4)))
		}
		if rng.IntN(10) == 0 {
			front = append(front, "slug: "+pick([]string{"x", "X", "y", "css", "a", "w1"}))
		}
		if rng.IntN(6) == 0 {
			front = append(front, "draft: true")
		}
		if rng.IntN(40) == 0 {
			front = append(front, "title: [")
		}
		return "---\n" + strings.Join(front, "\n") + "\n---\nBody " + strconv.Itoa(rng.IntN(100)) + ".\n"
	}
	exists := func(rel string) bool {
		_, err := fs.Stat("/s/" + rel)
		return err == nil
	}
	for _, opt := range []Options{{}, {Drafts: true}} {
		fs = afero.NewMemMapFs()
		for _, d := range folders[:2] {
			write(d+"/_index.md", "---\ntitle: "+d+"\n---\n")
		}
		for _, d := range folders {
			for _, n := range names[:2] {
				write(d+"/"+n+".md", "---\ntitle: "+n+"\ndate: 2025-01-01\n---\nBody.\n")
			}
		}
		c := NewCache()
		if _, err := LoadChanged(fs, "/s", opt, c, nil); err != nil {
			t.Fatal(err)
		}
		quick := 0
		for step := range 400 {
			d, n := pick(folders), pick(names)
			var changed []string
			var what string
			switch k := rng.IntN(20); {
			case k < 10: // write an article
				rel := d + "/" + n + ".md"
				what = "write " + rel
				write(rel, article())
				changed = append(changed, rel)
			case k < 12: // remove one
				rel := d + "/" + n + ".md"
				what = "remove " + rel
				fs.Remove("/s/" + rel)
				changed = append(changed, rel)
			case k < 13: // rename one
				from, to := d+"/"+n+".md", pick(folders)+"/"+pick(names)+".md"
				if !exists(from) || exists(to) {
					continue
				}
				what = "rename " + from + " " + to
				fs.Rename("/s/"+from, "/s/"+to)
				changed = append(changed, from, to)
			case k < 15: // a .txt
				rel := d + "/" + pick(wires) + ".txt"
				if rng.IntN(3) == 0 {
					what = "remove " + rel
					fs.Remove("/s/" + rel)
				} else {
					what = "write " + rel
					write(rel, "Wire "+strconv.Itoa(rng.IntN(9))+"\n\nText.\n")
				}
				changed = append(changed, rel)
			case k < 17: // a sidecar
				rel := d + "/" + pick(wires) + pick([]string{".yaml", ".toml"})
				if rng.IntN(3) == 0 {
					what = "remove " + rel
					fs.Remove("/s/" + rel)
				} else if strings.HasSuffix(rel, ".toml") {
					what = "write " + rel
					write(rel, fmt.Sprintf("date = 2025-02-%02d\n", 1+rng.IntN(3)))
				} else {
					what = "write " + rel
					write(rel, fmt.Sprintf("source: S%d\n", rng.IntN(3)))
				}
				changed = append(changed, rel)
			case k < 19: // an _index.md
				rel := d + "/_index.md"
				if rng.IntN(3) == 0 {
					what = "remove " + rel
					fs.Remove("/s/" + rel)
				} else {
					what = "write " + rel
					write(rel, fmt.Sprintf("---\ntitle: I\ndate: 2025-01-%02d\n---\n", 1+rng.IntN(4)))
				}
				changed = append(changed, rel)
			default: // nothing, or the site config
				what = "config"
				write("site.yaml", "title: S"+strconv.Itoa(rng.IntN(3))+"\n")
				changed = append(changed, "site.yaml")
			}
			before := c.quick
			got, err := LoadChanged(fs, "/s", opt, c, changed)
			want, werr := Load(fs, "/s", opt)
			if fmt.Sprint(err) != fmt.Sprint(werr) {
				t.Fatalf("%v step %d (%s): error %v, want %v", opt, step, what, err, werr)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%v step %d (%s): LoadChanged\n%q\nwant (Load)\n%q", opt, step, what, summary(got), summary(want))
			}
			quick += c.quick - before
		}
		if quick < 100 {
			t.Errorf("%v: only %d of 400 loads updated the last site", opt, quick)
		}
		t.Logf("%v: %d of 400 loads updated the last site", opt, quick)
	}
}
