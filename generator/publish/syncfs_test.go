package publish

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/spf13/afero"
)

// TestCommitFlushesOnce checks the path real builds take: on the OS file
// system files are not synced one by one and Commit flushes the tree, and
// the swapped-in site holds every file.
func TestCommitFlushesOnce(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	s, err := Begin(afero.NewOsFs(), dest, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if want := runtime.GOOS == "linux"; s.syncAtCommit != want {
		t.Fatalf("syncAtCommit = %v on %s", s.syncAtCommit, runtime.GOOS)
	}
	files := map[string]string{"index.html": "home", "a/b/index.html": "deep", "css/site.css": "body{}"}
	for p, body := range files {
		if err := s.WriteFile(p, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.Commit(); err != nil {
		t.Fatal(err)
	}
	for p, body := range files {
		b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(p)))
		if err != nil || string(b) != body {
			t.Errorf("%s = %q, %v", p, b, err)
		}
	}
	if s2, err := Begin(afero.NewMemMapFs(), "/x/public", Options{}); err != nil || s2.syncAtCommit {
		t.Errorf("in-memory staging: syncAtCommit = %v, err %v", s2 != nil && s2.syncAtCommit, err)
	}
}
