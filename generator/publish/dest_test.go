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
