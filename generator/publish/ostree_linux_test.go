package publish

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"

	"github.com/spf13/afero"
)

// TestOsTreeWrites writes through the system-call path from many
// goroutines at once into shared and nested folders: every file arrives
// whole, every folder is made once.
func TestOsTreeWrites(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(afero.NewOsFs(), dest, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.tree == nil {
		t.Fatal("the OS file system does not take the system-call path")
	}
	big := []byte(strings.Repeat("0123456789abcdef", 1<<16)) // 1 MiB
	want := map[string]string{}
	for i := range 300 {
		p := fmt.Sprintf("b%d/a%d/index.html", i%7, i)
		want[p] = fmt.Sprintf("page %d", i)
		if i%50 == 0 {
			want[fmt.Sprintf("b%d/a%d/x/y/z.bin", i%7, i)] = string(big)
		}
	}
	want["index.html"] = "home"
	want["empty.txt"] = ""
	var wg sync.WaitGroup
	errs := make(chan error, len(want))
	for p, body := range want {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.WriteFile(p, []byte(body)); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	n := 0
	filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		rel := filepath.ToSlash(strings.TrimPrefix(p, dest+string(filepath.Separator)))
		b, err := os.ReadFile(p)
		if err != nil || string(b) != want[rel] {
			t.Errorf("%s: %d bytes, want %d (%v)", rel, len(b), len(want[rel]), err)
		}
		if fi, _ := d.Info(); fi != nil && fi.Mode().Perm()&0o600 != 0o600 {
			t.Errorf("%s: mode %v", rel, fi.Mode())
		}
		return nil
	})
	if n != len(want) {
		t.Errorf("%d files published, want %d", n, len(want))
	}
}

// A link or a file where the build needs a folder is an error, a link
// where it writes a file is replaced: nothing outside the staging
// directory is touched.
func TestOsTreeDoesNotFollowLinks(t *testing.T) {
	parent := t.TempDir()
	outside := filepath.Join(parent, "outside")
	os.MkdirAll(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "index.html"), []byte("keep"), 0o644)
	dest := filepath.Join(parent, "public")
	s, err := Begin(afero.NewOsFs(), dest, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	if err := os.Symlink(outside, filepath.Join(s.Dir(), "dirlink")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(outside, "index.html"), filepath.Join(s.Dir(), "filelink")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(s.Dir(), "file"), nil, 0o644)
	// A link where a file goes is replaced, not written through.
	if err := s.WriteFile("filelink", []byte("new")); err != nil {
		t.Error(err)
	}
	if fi, err := os.Lstat(filepath.Join(s.Dir(), "filelink")); err != nil || !fi.Mode().IsRegular() {
		t.Errorf("filelink: %v, %v", fi, err)
	}
	for _, p := range []string{"dirlink/index.html", "file/index.html"} {
		if err := s.WriteFile(p, []byte("new")); err == nil {
			t.Errorf("WriteFile(%s) followed a link or wrote below a file", p)
		} else if !strings.Contains(err.Error(), filepath.Join(s.Dir(), strings.Split(p, "/")[0])) {
			t.Errorf("WriteFile(%s): %v does not name the path", p, err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(outside, "index.html")); string(b) != "keep" {
		t.Errorf("file behind the link = %q", b)
	}
}

// removeTree removes folders of every size (listings longer than one
// read), files, links and empty folders, and leaves what links point to.
func TestRemoveTree(t *testing.T) {
	parent := t.TempDir()
	keep := filepath.Join(parent, "keep")
	os.MkdirAll(keep, 0o755)
	os.WriteFile(filepath.Join(keep, "f"), []byte("x"), 0o644)
	root := filepath.Join(parent, "tree")
	for i := range 40 {
		d := filepath.Join(root, fmt.Sprintf("d%02d", i))
		os.MkdirAll(filepath.Join(d, "empty"), 0o755)
		for j := range 5 {
			os.MkdirAll(filepath.Join(d, fmt.Sprintf("page-%d", j)), 0o755)
			os.WriteFile(filepath.Join(d, fmt.Sprintf("page-%d", j), "index.html"), []byte("p"), 0o644)
		}
	}
	// A folder whose listing takes several reads of the buffer.
	wide := filepath.Join(root, "wide")
	os.MkdirAll(wide, 0o755)
	for i := range 1500 {
		os.WriteFile(filepath.Join(wide, fmt.Sprintf("a-rather-long-file-name-%04d.html", i)), nil, 0o644)
	}
	os.Symlink(keep, filepath.Join(root, "d00", "link"))
	os.Symlink(filepath.Join(keep, "f"), filepath.Join(wide, "flink"))
	if err := removeTree(root); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Lstat(root); !os.IsNotExist(err) {
		t.Errorf("tree still there: %v", err)
	}
	if b, err := os.ReadFile(filepath.Join(keep, "f")); err != nil || string(b) != "x" {
		t.Errorf("link target: %q, %v", b, err)
	}
	// A single file, and nothing at all.
	f := filepath.Join(parent, "file")
	os.WriteFile(f, nil, 0o644)
	if err := removeTree(f); err != nil {
		t.Error(err)
	}
	if _, err := os.Lstat(f); !os.IsNotExist(err) {
		t.Errorf("file still there: %v", err)
	}
	if err := removeTree(filepath.Join(parent, "missing")); err != nil {
		t.Errorf("missing: %v", err)
	}
}

// BenchmarkOsTreeWrite measures the write path of a site: a folder and one
// small page in it per file, as pretty URLs make them.
func BenchmarkOsTreeWrite(b *testing.B) {
	page := []byte(strings.Repeat("<p>text</p>\n", 400))
	b.SetBytes(int64(len(page)))
	dest := filepath.Join(b.TempDir(), "public")
	s, err := Begin(afero.NewOsFs(), dest, Options{NoSync: true})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Abort()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := s.WriteFile(fmt.Sprintf("b%d/a%d/index.html", i%100, i), page); err != nil {
			b.Fatal(err)
		}
	}
}

func inode(t *testing.T, name string) uint64 {
	t.Helper()
	var st syscall.Stat_t
	if err := syscall.Lstat(name, &st); err != nil {
		t.Fatal(err)
	}
	return st.Ino
}

// A page the previous site holds with the same bytes moves to the new site
// as it is (a hard link, then the old name is removed); a changed page is
// written anew; the previous site stays as it was until the swap and after
// an abort.
func TestOsTreeLinksUnchangedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	fsys := afero.NewOsFs()
	publish(t, fsys, dest, map[string]string{"a/index.html": "same", "b/index.html": "old", "c.css": "", "big.js": strings.Repeat("x", 300<<10)})
	before := map[string]uint64{}
	for _, p := range []string{"a/index.html", "b/index.html", "c.css", "big.js"} {
		before[p] = inode(t, filepath.Join(dest, p))
	}
	for _, commit := range []bool{false, true} {
		s, err := Begin(fsys, dest, Options{})
		if err != nil {
			t.Fatal(err)
		}
		for p, body := range map[string]string{"a/index.html": "same", "b/index.html": "new", "c.css": "", "big.js": strings.Repeat("x", 300<<10-1) + "y"} {
			if err := s.WriteFile(p, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		if got := inode(t, filepath.Join(s.Dir(), "a/index.html")); got != before["a/index.html"] {
			t.Error("unchanged page was written again, not linked")
		}
		for _, p := range []string{"b/index.html", "big.js"} {
			if inode(t, filepath.Join(s.Dir(), p)) == before[p] {
				t.Errorf("changed %s was linked", p)
			}
		}
		if !commit {
			// Writing a linked page again must not write into the old site.
			if err := s.WriteFile("a/index.html", []byte("twice")); err != nil {
				t.Fatal(err)
			}
			if got := read(t, fsys, filepath.Join(dest, "a/index.html")); got != "same" {
				t.Fatalf("old site's page = %q after a second write", got)
			}
			if got := read(t, fsys, filepath.Join(s.Dir(), "a/index.html")); got != "twice" {
				t.Fatalf("second write: page = %q", got)
			}
			s.Abort()
			for p, body := range map[string]string{"a/index.html": "same", "b/index.html": "old"} {
				if got := read(t, fsys, filepath.Join(dest, p)); got != body {
					t.Errorf("after abort %s = %q", p, got)
				}
			}
			continue
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
	}
	for p, body := range map[string]string{"a/index.html": "same", "b/index.html": "new", "c.css": ""} {
		if got := read(t, fsys, filepath.Join(dest, p)); got != body {
			t.Errorf("%s = %q, want %q", p, got, body)
		}
		var st syscall.Stat_t
		syscall.Lstat(filepath.Join(dest, p), &st)
		if st.Nlink != 1 {
			t.Errorf("%s has %d links after the swap", p, st.Nlink)
		}
	}
	if got := inode(t, filepath.Join(dest, "a/index.html")); got != before["a/index.html"] {
		t.Error("unchanged page did not move to the new site")
	}
}

// Only a plain file of ours with one link and the usual mode is taken from
// the previous site; anything else is written anew, and a named pipe does
// not block the build.
func TestOsTreeLinksOnlyPlainFiles(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	fsys := afero.NewOsFs()
	publish(t, fsys, dest, map[string]string{"mode": "x", "twice": "x", "target": "x"})
	os.Chmod(filepath.Join(dest, "mode"), 0o600)
	os.Link(filepath.Join(dest, "twice"), filepath.Join(parent, "elsewhere"))
	os.Symlink("target", filepath.Join(dest, "link"))
	if err := syscall.Mkfifo(filepath.Join(dest, "fifo"), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := Begin(fsys, dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"mode", "twice", "link", "fifo"} {
		if err := s.WriteFile(p, []byte("x")); err != nil {
			t.Fatal(err)
		}
		if inode(t, filepath.Join(s.Dir(), p)) == inode(t, filepath.Join(dest, p)) {
			t.Errorf("%s was linked", p)
		}
		if fi, err := os.Lstat(filepath.Join(s.Dir(), p)); err != nil || !fi.Mode().IsRegular() {
			t.Errorf("%s: %v %v", p, fi, err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	if got := read(t, fsys, filepath.Join(parent, "elsewhere")); got != "x" {
		t.Errorf("the other link = %q", got)
	}
}

// Where the kernel refuses to link by descriptor, the file is linked by
// name, and still only when it is the file compared.
func TestOsTreeLinksByName(t *testing.T) {
	prev := noEmptyPathLink.Load()
	noEmptyPathLink.Store(true)
	defer noEmptyPathLink.Store(prev)
	dest := filepath.Join(t.TempDir(), "public")
	fsys := afero.NewOsFs()
	publish(t, fsys, dest, map[string]string{"a/index.html": "same"})
	was := inode(t, filepath.Join(dest, "a/index.html"))
	publish(t, fsys, dest, map[string]string{"a/index.html": "same", "b": "new"})
	if inode(t, filepath.Join(dest, "a/index.html")) != was {
		t.Error("unchanged page was not linked by name")
	}
	if got := read(t, fsys, filepath.Join(dest, "a/index.html")); got != "same" {
		t.Errorf("page = %q", got)
	}
}

// Once the file system refuses a hard link for good, files are written
// without comparing; a refusal for one file only changes nothing.
func TestOsTreeStopsLinkingWhenRefused(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	fsys := afero.NewOsFs()
	publish(t, fsys, dest, map[string]string{"a": "same", "b": "same"})
	s, err := Begin(fsys, dest, Options{NoSync: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Abort()
	s.tree.refused(syscall.EEXIST)
	if err := s.WriteFile("a", []byte("same")); err != nil {
		t.Fatal(err)
	}
	if inode(t, filepath.Join(s.Dir(), "a")) != inode(t, filepath.Join(dest, "a")) {
		t.Error("not linked after a refusal for one file")
	}
	s.tree.refused(syscall.EXDEV)
	if err := s.WriteFile("b", []byte("same")); err != nil {
		t.Fatal(err)
	}
	if inode(t, filepath.Join(s.Dir(), "b")) == inode(t, filepath.Join(dest, "b")) {
		t.Error("linked after the file system refused links")
	}
}
