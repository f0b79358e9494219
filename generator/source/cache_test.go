package source

import (
	"reflect"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// summary is what a test compares of a loaded site.
func summary(s *Site) []string {
	var out []string
	for _, a := range s.Articles {
		out = append(out, a.Path+"|"+a.Briefing+"|"+a.Slug+"|"+a.Title+"|"+a.Date.Format("2006-01-02")+"|"+string(a.BodyText()))
		out = append(out, a.Warnings...)
	}
	for _, b := range s.Briefings {
		out = append(out, b.Slug+"|"+b.Title+"|"+string(b.Body))
	}
	return append(out, s.Warnings...)
}

func TestLoadCached(t *testing.T) {
	afs := afero.NewMemMapFs()
	write := func(name, body string) {
		if err := afero.WriteFile(afs, "/s/"+name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("content/nk/_index.md", "---\ntitle: North\ndate: 2025-01-02\n---\nAbout.\n")
	write("content/nk/a.md", "---\ntitle: A\n---\nNo date here.\n")
	write("content/nk/b.txt", "Bee\n\nText body.\n")
	write("content/nk/b.yaml", "source: Outlet\n")
	write("content/c.md", "---\ntitle: C\ndate: 2025-03-01\n---\nLoose.\n")
	c := NewCache()
	check := func(step string, changed ...string) {
		t.Helper()
		want, err := Load(afs, "/s", Options{})
		if err != nil {
			t.Fatal(err)
		}
		got, err := LoadChanged(afs, "/s", Options{}, c, changed)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(summary(got), summary(want)) {
			t.Errorf("%s: cached load\n%q\nwant\n%q", step, summary(got), summary(want))
		}
	}
	check("first", nil...)
	if c.Len() != 5 {
		t.Errorf("cache holds %d files, want 5", c.Len())
	}
	check("again (all reused)", []string{}...)
	later := time.Now().Add(time.Minute)
	write("content/nk/a.md", "---\ntitle: A2\ndate: 2025-02-02\n---\nNow dated.\n")
	afs.Chtimes("/s/content/nk/a.md", later, later)
	check("changed", "content/nk/a.md")
	// Same size and time: only Forget makes the change seen.
	write("content/c.md", "---\ntitle: D\ndate: 2025-03-01\n---\nLoose.\n")
	afs.Chtimes("/s/content/c.md", later, later)
	c.Forget("content/c.md")
	check("forgotten", "content/c.md")
	afs.Remove("/s/content/nk/b.txt")
	afs.Remove("/s/content/nk/b.yaml")
	check("deleted", "content/nk/b.txt", "content/nk/b.yaml")
	if c.Len() != 3 {
		t.Errorf("cache holds %d files after deletes, want 3", c.Len())
	}
	write("content/nk/a-b.md", "---\ntitle: AB\ndate: 2025-02-03\n---\nAdded.\n")
	write("content/nl.md", "---\ntitle: NK\ndate: 2025-02-04\n---\nLoose, added.\n")
	check("added", "content/nk/a-b.md", "content/nl.md", "site.yaml")
	if c.walks != 1 {
		t.Errorf("%d walks of content/, want 1 (the first load)", c.walks)
	}
	write("content/new/x.md", "---\ntitle: X\ndate: 2025-02-05\n---\nIn a new folder.\n")
	check("new folder", "content/new")
	afs.RemoveAll("/s/content/new")
	check("folder removed", "content/new")
	write("content/nk/.hidden.md", "x")
	check("hidden file", "content/nk/.hidden.md")
	if got := walkOrder("content/a/b.md", "content/a-c.md"); got >= 0 {
		t.Errorf("walkOrder puts a folder's files after a sibling that sorts after it: %d", got)
	}
	check("everything", ".")
	if c.walks != 5 {
		t.Errorf("%d walks after \".\", want 5 (new folder, folder removed, hidden file, everything)", c.walks)
	}
	c.Forget("content")
	if c.Len() != 0 {
		t.Errorf("Forget(content) left %d files", c.Len())
	}
	write("content/nk/bad.md", "---\ntitle: [\n---\nx\n")
	for i := 0; i < 2; i++ {
		if _, err := LoadCached(afs, "/s", Options{}, c); err == nil {
			t.Fatal("broken front matter loaded")
		}
	}
}
