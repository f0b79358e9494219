package publish

import (
	"testing"

	"github.com/spf13/afero"
)

func TestWriteAndRemoveInPlace(t *testing.T) {
	for _, afs := range []afero.Fs{afero.NewMemMapFs(), afero.NewBasePathFs(afero.NewOsFs(), t.TempDir())} {
		afs.MkdirAll("/out", 0o755)
		if err := afero.WriteFile(afs, "/out/keep.html", []byte("k"), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := WriteInPlace(afs, "/out", "a/b/index.html", []byte("one"), Options{NoSync: true}); err != nil {
			t.Fatal(err)
		}
		if err := WriteInPlace(afs, "/out", "a/b/index.html", []byte("two"), Options{}); err != nil {
			t.Fatal(err)
		}
		if b, err := afero.ReadFile(afs, "/out/a/b/index.html"); err != nil || string(b) != "two" {
			t.Fatalf("read %q, %v", b, err)
		}
		entries, _ := afero.ReadDir(afs, "/out/a/b")
		if len(entries) != 1 {
			t.Fatalf("%d entries in a/b, want 1 (no temporary left)", len(entries))
		}
		for _, bad := range []string{"../x", "", "/"} {
			if err := WriteInPlace(afs, "/out", bad, nil, Options{}); err == nil {
				t.Errorf("WriteInPlace(%q) did not fail", bad)
			}
		}
		if err := RemoveInPlace(afs, "/out", "a/b/index.html"); err != nil {
			t.Fatal(err)
		}
		if ok, _ := afero.DirExists(afs, "/out/a"); ok {
			t.Error("empty folders a/b and a were left")
		}
		if ok, _ := afero.Exists(afs, "/out/keep.html"); !ok {
			t.Error("keep.html removed")
		}
		if ok, _ := afero.DirExists(afs, "/out"); !ok {
			t.Error("destination removed")
		}
		if err := RemoveInPlace(afs, "/out", "gone.html"); err != nil {
			t.Errorf("removing a missing file: %v", err)
		}
	}
}
