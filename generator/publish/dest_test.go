package publish

import (
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// A file at the destination is refused, not replaced by the site.
func TestBeginRefusesAFileAsDestination(t *testing.T) {
	fsys := afero.NewMemMapFs()
	afero.WriteFile(fsys, "/out/public", []byte("notes"), 0o644)
	_, err := Begin(fsys, "/out/public", Options{NoSync: true})
	if err == nil || !strings.Contains(err.Error(), "/out/public is a file") {
		t.Fatalf("Begin = %v, want a refusal naming the file", err)
	}
	if b, _ := afero.ReadFile(fsys, "/out/public"); string(b) != "notes" {
		t.Errorf("the file changed: %q", b)
	}
	if entries, _ := afero.ReadDir(fsys, "/out"); len(entries) != 1 {
		t.Errorf("staging left beside the file: %d entries", len(entries))
	}
}

// On the real file system the swap replaces an old site by the new one and
// leaves nothing beside it (one atomic exchange on Linux).
func TestCommitOnDisk(t *testing.T) {
	parent := t.TempDir()
	dest := parent + "/public"
	fsys := afero.NewOsFs()
	fsys.MkdirAll(dest, 0o755)
	afero.WriteFile(fsys, dest+"/old.html", []byte("old"), 0o644)
	for round := 0; round < 2; round++ {
		s, err := Begin(fsys, dest, Options{NoSync: round == 0})
		if err != nil {
			t.Fatal(err)
		}
		if err := s.WriteFile("a/index.html", []byte("new")); err != nil {
			t.Fatal(err)
		}
		if err := s.Commit(); err != nil {
			t.Fatal(err)
		}
		if b, _ := afero.ReadFile(fsys, dest+"/a/index.html"); string(b) != "new" {
			t.Errorf("round %d: new page = %q", round, b)
		}
		if ok, _ := afero.Exists(fsys, dest+"/old.html"); ok {
			t.Errorf("round %d: old page still there", round)
		}
		if entries, _ := afero.ReadDir(fsys, parent); len(entries) != 1 {
			t.Errorf("round %d: %d entries beside the site, want only public", round, len(entries))
		}
	}
	if err := exchange(parent+"/nothing-a", parent+"/nothing-b"); err == nil {
		t.Error("exchange of missing paths succeeded")
	}
}

func TestExchange(t *testing.T) {
	dir := t.TempDir()
	fsys := afero.NewOsFs()
	fsys.MkdirAll(dir+"/a", 0o755)
	fsys.MkdirAll(dir+"/b", 0o755)
	afero.WriteFile(fsys, dir+"/a/f", []byte("a"), 0o644)
	afero.WriteFile(fsys, dir+"/b/f", []byte("b"), 0o644)
	err := exchange(dir+"/a", dir+"/b")
	if err == errUnsupported {
		t.Skip("no atomic exchange here; Commit renames twice")
	}
	if err != nil {
		t.Fatal(err)
	}
	if a, _ := afero.ReadFile(fsys, dir+"/a/f"); string(a) != "b" {
		t.Errorf("a/f = %q after exchange, want b", a)
	}
}
