package publish

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// filesystems returns an in-memory and a real file system with a parent
// directory to publish into.
func filesystems(t *testing.T) map[string]struct {
	fs     afero.Fs
	parent string
} {
	return map[string]struct {
		fs     afero.Fs
		parent string
	}{
		"mem": {afero.NewMemMapFs(), "/site"},
		"os":  {afero.NewOsFs(), t.TempDir()},
	}
}

func read(t *testing.T, afs afero.Fs, name string) string {
	t.Helper()
	b, err := afero.ReadFile(afs, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return string(b)
}

func siblings(t *testing.T, afs afero.Fs, parent string) []string {
	t.Helper()
	es, err := afero.ReadDir(afs, parent)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	sort.Strings(names)
	return names
}

func publish(t *testing.T, afs afero.Fs, dest string, files map[string]string) {
	t.Helper()
	s, err := Begin(afs, dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for name, body := range files {
		if err := s.WriteFile(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
}

func TestSwap(t *testing.T) {
	for name, tc := range filesystems(t) {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(tc.parent, "public")
			publish(t, tc.fs, dest, map[string]string{"index.html": "one", "a/b/index.html": "ab", "gone.txt": "x"})
			if got := read(t, tc.fs, filepath.Join(dest, "a", "b", "index.html")); got != "ab" {
				t.Fatalf("first build: got %q", got)
			}
			publish(t, tc.fs, dest, map[string]string{"index.html": "two"})
			if got := read(t, tc.fs, filepath.Join(dest, "index.html")); got != "two" {
				t.Fatalf("second build: got %q", got)
			}
			if ok, _ := afero.Exists(tc.fs, filepath.Join(dest, "gone.txt")); ok {
				t.Fatal("file of the previous build survived the swap")
			}
			if got := siblings(t, tc.fs, tc.parent); len(got) != 1 || got[0] != "public" {
				t.Fatalf("leftovers beside dest: %v", got)
			}
		})
	}
}

func TestAbortLeavesOld(t *testing.T) {
	for name, tc := range filesystems(t) {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(tc.parent, "public")
			publish(t, tc.fs, dest, map[string]string{"index.html": "old"})
			s, err := Begin(tc.fs, dest, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if err := s.WriteFile("index.html", []byte("new")); err != nil {
				t.Fatal(err)
			}
			if err := s.Abort(); err != nil {
				t.Fatal(err)
			}
			if got := read(t, tc.fs, filepath.Join(dest, "index.html")); got != "old" {
				t.Fatalf("after abort: got %q", got)
			}
			if got := siblings(t, tc.fs, tc.parent); len(got) != 1 {
				t.Fatalf("staging not removed: %v", got)
			}
		})
	}
}

func TestRecover(t *testing.T) {
	tests := []struct {
		name      string
		dest      bool   // dest exists
		staging   bool   // a leftover staging dir
		old       bool   // a leftover old dir
		wantIndex string // content of dest/index.html after Begin; "" = no dest
	}{
		{"killed while rendering", true, true, false, "current"},
		{"killed between renames", false, true, true, "previous"},
		{"killed before removing old", true, false, true, "current"},
		{"nothing left over", true, false, false, "current"},
		{"first build killed", false, true, false, ""},
	}
	for fsName, fsc := range filesystems(t) {
		for _, tt := range tests {
			t.Run(fsName+"/"+tt.name, func(t *testing.T) {
				parent := filepath.Join(fsc.parent, strings.ReplaceAll(tt.name, " ", "-"))
				afs := fsc.fs
				dest := filepath.Join(parent, "public")
				mk := func(dir, body string) {
					if err := afs.MkdirAll(dir, 0o755); err != nil {
						t.Fatal(err)
					}
					if err := afero.WriteFile(afs, filepath.Join(dir, "index.html"), []byte(body), 0o644); err != nil {
						t.Fatal(err)
					}
				}
				if err := afs.MkdirAll(parent, 0o755); err != nil {
					t.Fatal(err)
				}
				if tt.dest {
					mk(dest, "current")
				}
				if tt.staging {
					mk(dest+".tmp-abc123", "half-built")
				}
				if tt.old {
					mk(dest+".old-def456", "previous")
				}
				// Another directory whose name merely starts like dest must survive.
				mk(filepath.Join(parent, "publicity"), "keep")

				s, err := Begin(afs, dest, Options{NoSync: true})
				if err != nil {
					t.Fatal(err)
				}
				if tt.wantIndex != "" {
					if got := read(t, afs, filepath.Join(dest, "index.html")); got != tt.wantIndex {
						t.Fatalf("dest holds %q, want %q", got, tt.wantIndex)
					}
				} else if ok, _ := afero.Exists(afs, dest); ok {
					t.Fatal("dest exists after Begin")
				}
				// The leftovers are gone once the build ends.
				if err := s.Abort(); err != nil {
					t.Fatal(err)
				}
				want := []string{"public", "publicity"}
				if tt.wantIndex == "" {
					want = want[1:]
				}
				if got := siblings(t, afs, parent); strings.Join(got, ",") != strings.Join(want, ",") {
					t.Fatalf("after the build: %v, want %v", got, want)
				}
			})
		}
	}
}

func TestCleanRel(t *testing.T) {
	tests := []struct {
		in, want string
		bad      bool
	}{
		{"index.html", "index.html", false},
		{"/a/b/index.html", "a/b/index.html", false},
		{"a/./b.html", "a/b.html", false},
		{"../x", "", true},
		{"a/../../x", "", true},
		{"a/../b", "", true},
		{"", "", true},
		{"/", "", true},
		{"a\x00b", "", true},
		{`a\..\b`, "", true},
	}
	for _, tt := range tests {
		got, err := CleanRel(tt.in)
		if (err != nil) != tt.bad || got != tt.want {
			t.Errorf("CleanRel(%q) = %q, %v; want %q, bad=%v", tt.in, got, err, tt.want, tt.bad)
		}
	}
}

func TestWriteFileRejectsEscape(t *testing.T) {
	afs := afero.NewMemMapFs()
	s, err := Begin(afs, "/out/public", Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := s.WriteFile("../../etc/passwd", []byte("x")); err == nil {
		t.Fatal("escaping path accepted")
	}
	if ok, _ := afero.Exists(afs, "/etc/passwd"); ok {
		t.Fatal("file written outside the destination")
	}
}

func TestBeginRefusesRoot(t *testing.T) {
	for _, d := range []string{"", ".", "/"} {
		if _, err := Begin(afero.NewMemMapFs(), d, Options{}); err == nil {
			t.Errorf("Begin(%q) accepted", d)
		}
	}
}

// renameFailFs fails renames into a chosen target, to simulate a swap that
// cannot complete.
type renameFailFs struct {
	afero.Fs
	target string
}

func (f renameFailFs) Rename(oldname, newname string) error {
	if newname == f.target && strings.Contains(oldname, stagingInfix) {
		return errors.New("injected rename failure")
	}
	return f.Fs.Rename(oldname, newname)
}

func TestCommitFailureRestoresOld(t *testing.T) {
	mem := afero.NewMemMapFs()
	publish(t, mem, "/site/public", map[string]string{"index.html": "old"})
	afs := renameFailFs{mem, "/site/public"}
	s, err := Begin(afs, "/site/public", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err == nil {
		t.Fatal("commit succeeded despite the injected failure")
	}
	if got := read(t, mem, "/site/public/index.html"); got != "old" {
		t.Fatalf("dest holds %q after failed commit", got)
	}
	if got := siblings(t, mem, "/site"); len(got) != 1 {
		t.Fatalf("leftovers: %v", got)
	}
}

// removeFailFs fails to remove what an interrupted build left.
type removeFailFs struct{ afero.Fs }

func (f removeFailFs) RemoveAll(name string) error {
	if strings.Contains(name, oldInfix) {
		return errors.New("injected removal failure")
	}
	return f.Fs.RemoveAll(name)
}

// When the leftovers of an interrupted build cannot be removed, the build
// fails at Commit and the destination stays as it was.
func TestCommitFailsWhenLeftoversStay(t *testing.T) {
	mem := afero.NewMemMapFs()
	publish(t, mem, "/site/public", map[string]string{"index.html": "old"})
	mem.MkdirAll("/site/public.old-abc", 0o755)
	s, err := Begin(removeFailFs{mem}, "/site/public", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.WriteFile("index.html", []byte("new")); err != nil {
		t.Fatal(err)
	}
	if err := s.Commit(); err == nil || !strings.Contains(err.Error(), "leftover public.old-abc") {
		t.Fatalf("Commit: %v", err)
	}
	if got := read(t, mem, "/site/public/index.html"); got != "old" {
		t.Fatalf("dest holds %q after the failed build", got)
	}
	if got := siblings(t, mem, "/site"); strings.Join(got, ",") != "public,public.old-abc" {
		t.Fatalf("beside the site: %v", got)
	}
}
