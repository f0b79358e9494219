package hardening

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// secret is the text of files outside the site that links point to; it
// must never reach the output.
const secret = "SECRET-OUTSIDE-THE-SITE"

// linkedSite makes a site in a temp dir with symbolic links in content/ and
// static/ pointing outside it (to another temp dir), and one pointing
// inside, and returns the site's and the outside folder's paths.
func linkedSite(t *testing.T) (site, outside string) {
	t.Helper()
	site, outside = t.TempDir(), t.TempDir()
	writeTree(t, outside, map[string]string{
		"secret.md":     "---\ntitle: " + secret + "\ndate: 2025-01-02\n---\n" + secret + "\n",
		"secret.txt":    secret + "\n",
		"dir/inner.md":  "---\ntitle: " + secret + " inner\ndate: 2025-01-02\n---\n" + secret + "\n",
		"dir/inner.css": secret,
	})
	writeTree(t, site, map[string]string{
		"content/b/real.md":    "---\ntitle: Real\ndate: 2025-01-02\n---\nBody.\n",
		"content/other/ok.md":  "---\ntitle: Linked inside\ndate: 2025-01-03\n---\nInside.\n",
		"static/css/extra.css": "body{}",
	})
	links := map[string]string{
		"content/b/abs.md":        filepath.Join(outside, "secret.md"),
		"content/b/rel.md":        filepath.Join("..", "..", "..", filepath.Base(outside), "secret.md"),
		"content/b/chain.md":      "abs.md", // a link to a link that leaves
		"content/b/dirlink":       filepath.Join(outside, "dir"),
		"content/outdir":          filepath.Join(outside, "dir"),
		"content/b/inside.md":     filepath.Join("..", "other", "ok.md"),
		"content/b/loop.md":       "loop.md",
		"content/b/broken.md":     filepath.Join(outside, "nothing.md"),
		"static/leak.txt":         filepath.Join(outside, "secret.txt"),
		"static/css/leak.css":     filepath.Join(outside, "dir", "inner.css"),
		"static/leakdir":          filepath.Join(outside, "dir"),
		"static/css/inside.css":   "extra.css",
		"content/b/../../etc.md":  "/etc/passwd", // lands at the site root, outside content/
		"content/b/etc-passwd.md": "/etc/passwd",
	}
	for name, target := range links {
		p := filepath.Join(site, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.Symlink(target, p); err != nil {
			t.Fatal(err)
		}
	}
	return site, outside
}

// Symbolic links in content/ and static/ that lead outside the site are not
// followed, and the build says so for each; the secret behind them never
// reaches the output.
func TestSymlinksOutsideTheSiteAreNotFollowed(t *testing.T) {
	site, _ := linkedSite(t)
	dest := filepath.Join(t.TempDir(), "public")
	res, log, err := buildOS(site, dest)
	if err != nil {
		t.Fatalf("build failed: %v\n%s", err, log)
	}
	t.Logf("%d articles; log:\n%s", res.Articles, log)
	for name, got := range tree(t, dest) {
		if strings.HasPrefix(got, "not a regular file") {
			t.Errorf("output %s is %s", name, got)
		}
		b, _ := os.ReadFile(filepath.Join(dest, filepath.FromSlash(name)))
		if strings.Contains(string(b), secret) || strings.Contains(string(b), "root:x:0:0") {
			t.Errorf("output %s carries text from outside the site", name)
		}
		if strings.Contains(name, "leak") {
			t.Errorf("linked static file %s was copied", name)
		}
	}
	for _, name := range []string{"content/b/abs.md", "content/b/rel.md", "content/b/chain.md", "content/b/dirlink", "content/outdir",
		"content/b/loop.md", "content/b/broken.md", "content/b/etc-passwd.md", "static/leak.txt", "static/css/leak.css", "static/leakdir"} {
		if !strings.Contains(log, name) {
			t.Errorf("no warning names the link %s", name)
		}
	}
	// A link that stays inside the site is an ordinary file.
	if _, err := os.Stat(filepath.Join(dest, "b", "inside", "index.html")); err != nil {
		t.Errorf("link inside content/ not built: %v", err)
	}
	if res.Articles != 3 {
		t.Errorf("%d articles, want 3 (real, ok, inside)", res.Articles)
	}
}

// content/ or static/ itself being a link to a folder outside the site is
// refused with a message naming it. (A linked templates/ is followed on
// purpose: a shared theme is often linked in, and templates only shape
// pages; they publish no files.)
func TestLinkedSourceFoldersAreNotFollowed(t *testing.T) {
	for _, folder := range []string{"content", "static"} {
		t.Run(folder, func(t *testing.T) {
			site, outside := t.TempDir(), t.TempDir()
			writeTree(t, outside, map[string]string{
				"b/secret.md":  "---\ntitle: " + secret + "\ndate: 2025-01-02\n---\n" + secret + "\n",
				"secret.css":   secret,
				"article.html": "{{define \"main\"}}" + secret + "{{end}}",
			})
			if folder != "content" {
				writeTree(t, site, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\nBody.\n"})
			}
			if err := os.Symlink(outside, filepath.Join(site, folder)); err != nil {
				t.Fatal(err)
			}
			dest := filepath.Join(t.TempDir(), "public")
			_, log, err := buildOS(site, dest)
			if err == nil {
				t.Fatalf("linked %s/ accepted; log %q", folder, log)
			}
			if !strings.Contains(err.Error(), folder+": is a symbolic link") {
				t.Errorf("error does not name %s/: %v", folder, err)
			}
			if _, err := os.Stat(dest); !os.IsNotExist(err) {
				t.Errorf("refused build wrote %s: %v", dest, err)
			}
		})
	}
}
