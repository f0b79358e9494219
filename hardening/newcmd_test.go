package hardening

import (
	"os"
	"path/filepath"
	"testing"
)

// briefgen new article refuses names that would write outside content/.
func TestNewArticleStaysInContent(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary")
	}
	work := t.TempDir()
	site := filepath.Join(work, "site")
	writeTree(t, site, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\nBody.\n"})
	before := tree(t, work)
	for _, name := range []string{"../x", "../../x", "b/../../x", "content/../x", "/tmp/x", `C:\x`, `..\x`, "b/c/d", "..", ".", "b/.hidden", "b/_index", "b/x.html", "b/!!!"} {
		out, errOut, code := runBinary(t, "new", "article", "--source", site, name)
		if code != 2 {
			t.Errorf("new article %q: exit %d (stdout %q, stderr %q), want 2", name, code, out, errOut)
		}
	}
	if d := diffTrees(before, tree(t, work)); d != "" {
		t.Errorf("files appeared:\n%s", d)
	}
	// A plain name works, inside content/.
	if _, errOut, code := runBinary(t, "new", "article", "--source", site, "b/ok"); code != 0 {
		t.Fatalf("new article b/ok: %s", errOut)
	}
	if _, err := os.Stat(filepath.Join(site, "content", "b", "ok.md")); err != nil {
		t.Error(err)
	}
}
