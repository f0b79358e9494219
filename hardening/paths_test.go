package hardening

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// memFiles lists every file on fsys.
func memFiles(t *testing.T, fsys afero.Fs) []string {
	t.Helper()
	var out []string
	err := afero.Walk(fsys, "/", func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if !info.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// Slugs, briefing folder names and file names that try to leave the
// destination are refused, with the file named; nothing is written outside
// the destination and the old site stays.
func TestEscapingSlugsAreRefused(t *testing.T) {
	art := func(slug string) map[string]string {
		return map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\nslug: " + yq(slug) + "\n---\nBody.\n"}
	}
	idx := func(slug string) map[string]string {
		return map[string]string{
			"content/b/_index.md": "---\ntitle: B\nslug: " + yq(slug) + "\n---\n",
			"content/b/a.md":      "---\ntitle: A\ndate: 2025-01-02\n---\nBody.\n",
		}
	}
	var cases []struct {
		name  string
		files map[string]string
	}
	for _, s := range []string{"..", "../../etc", "../public", "a/../../x", "/etc/passwd", "/tmp/x", `C:\Windows\x`, "C:x", `..\..\x`, "a\x00b", ".hidden", "...", "%2e%2e", "a/b", " ", ""} {
		cases = append(cases,
			struct {
				name  string
				files map[string]string
			}{"article slug " + s, art(s)},
			struct {
				name  string
				files map[string]string
			}{"briefing slug " + s, idx(s)})
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys, res, log, err := memBuild(t, c.files)
			if err == nil {
				// "%2e%2e" is an ordinary slug; anything else must fail.
				if !strings.Contains(c.name, "%2e%2e") {
					t.Fatalf("build succeeded (%d files); want a refusal. log: %s", res.Files, log)
				}
			} else if !strings.Contains(err.Error(), "/site/content/b/") || !strings.Contains(err.Error(), "slug") {
				t.Errorf("error does not name the file and the slug: %v", err)
			}
			for _, f := range memFiles(t, fsys) {
				if !strings.HasPrefix(f, "/site/") {
					t.Errorf("file outside the site: %q", f)
				}
				if err != nil && strings.HasPrefix(f, "/site/public") && f != "/site/public/old.html" {
					t.Errorf("refused build left %q", f)
				}
			}
		})
	}
}

// File and folder names that look like paths become ordinary slugs, and
// every output file stays inside the destination. MemMapFs allows names a
// real file system does not (NUL, backslashes, drive letters).
func TestHostileFileNamesStayInside(t *testing.T) {
	names := []string{
		`content/..\..\evil/a.md`,
		`content/C:\Windows/a.md`,
		`content/b/..\..\..\evil.md`,
		`content/b/C:evil.md`,
		"content/b/nul\x00byte.md",
		"content/nul\x00dir/a.md",
		`content/b/%2e%2e%2fevil.md`,
		`content/b/…\u202e.md`,
		`content/b/dir.with.dots..md`,
	}
	files := map[string]string{}
	for i, n := range names {
		files[n] = "---\ntitle: T" + string(rune('a'+i)) + "\ndate: 2025-01-02\n---\nBody.\n"
	}
	fsys, res, log, err := memBuild(t, files)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	t.Logf("built %d files; log: %s", res.Files, log)
	// The two names starting with "..\\" are hidden files (a leading
	// dot) and skipped; every other name is an article.
	if res.Articles != len(names)-2 {
		t.Errorf("built %d articles, want %d", res.Articles, len(names)-2)
	}
	for _, f := range memFiles(t, fsys) {
		if !strings.HasPrefix(f, "/site/content/") && !strings.HasPrefix(f, "/site/public/") {
			t.Errorf("file outside the site's content and destination: %q", f)
		}
		if strings.HasPrefix(f, "/site/public/") {
			rel := strings.TrimPrefix(f, "/site/public/")
			if strings.ContainsAny(rel, "\\\x00") || strings.Contains(rel, "..") || strings.Contains(rel, ":") {
				t.Errorf("output path %q carries a separator, NUL, '..' or a drive letter", rel)
			}
		}
	}
}

// Destinations that would replace the site or a file system root are
// refused before anything is written.
func TestDangerousDestinationsAreRefused(t *testing.T) {
	site := t.TempDir()
	writeTree(t, site, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\nBody.\n"})
	before := tree(t, site)
	for _, dest := range []string{site, filepath.Dir(site), "/", filepath.Join(site, "content"), filepath.Join(site, "content", "x"), filepath.Join(site, "static"), filepath.Join(site, "templates", "t"), filepath.Join(site, "content", "..")} {
		_, log, err := buildOS(site, dest)
		if err == nil {
			t.Errorf("destination %s accepted; log %s", dest, log)
			continue
		}
		t.Logf("%s: %v", dest, err)
	}
	if d := diffTrees(before, tree(t, site)); d != "" {
		t.Errorf("the site changed:\n%s", d)
	}
}
