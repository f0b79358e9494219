package hardening

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// An article whose slug is a name the generator writes (a briefing's
// actors/, quotes/, timeline/, feed.xml, timeline.json, brief.md; the
// site's search/, css/, ...) must not silently replace a generated page or
// be replaced by one: when its page would land on a generated file (or a
// generated file sits where its folder goes) the build is refused with a
// message naming the article.
func TestArticleSlugsThatTakeGeneratedNames(t *testing.T) {
	real := "---\ntitle: Real\ndate: 2025-01-02\n---\n\"We will go,\" said John Smith, the minister, on Monday, Jan. 6, 2025.\n"
	baseSrc := t.TempDir()
	writeTree(t, baseSrc, map[string]string{"content/b/real.md": real, "content/b/other.md": real})
	baseDest := filepath.Join(t.TempDir(), "public")
	if _, log, err := buildOS(baseSrc, baseDest); err != nil {
		t.Fatalf("baseline: %v\n%s", err, log)
	}
	base := tree(t, baseDest)
	for _, name := range []string{"actors", "quotes", "timeline", "feed.xml", "timeline.json", "brief.md", "index.html", "search", "css", "js", "vendor", "sitemap.xml", "404.html"} {
		for _, where := range []string{"b", ""} {
			file, page := "content/b/other.md", "b/"+name+"/index.html"
			if where == "" {
				file, page = "content/other.md", name+"/index.html"
			}
			// The generated files this article's page would clash with.
			var clash []string
			for p := range base {
				if p == page || p == strings.TrimSuffix(page, "/index.html") {
					clash = append(clash, p)
				}
			}
			t.Run(where+"/"+name, func(t *testing.T) {
				src := t.TempDir()
				writeTree(t, src, map[string]string{
					"content/b/real.md": real,
					file:                "---\ntitle: Clash\ndate: 2025-01-03\nslug: " + yq(name) + "\n---\n\"We stay,\" said Mary Jones, the mayor.\n",
				})
				dest := filepath.Join(t.TempDir(), "public")
				_, log, err := buildOS(src, dest)
				if err != nil {
					if !strings.Contains(err.Error(), file) {
						t.Errorf("refused, but the error does not name %s: %v", file, err)
					}
					t.Logf("refused: %v", err)
					return
				}
				if len(clash) == 0 {
					// No generated file in the way: the article must be
					// there and every generated page too.
					b, err := os.ReadFile(filepath.Join(dest, filepath.FromSlash(page)))
					if err != nil || !strings.Contains(string(b), "Clash") {
						t.Errorf("article page %s missing or not the article's: %v", page, err)
					}
					return
				}
				t.Errorf("build succeeded although the article's page %s takes the generated %v; log %q", page, clash, log)
			})
		}
	}
}

// A briefing folder named like a site-wide generated page clashes the
// same way and is refused, naming the folder.
func TestBriefingFoldersThatTakeGeneratedNames(t *testing.T) {
	for _, name := range []string{"search", "actors", "quotes"} {
		t.Run(name, func(t *testing.T) {
			_, _, log, err := memBuild(t, map[string]string{
				"content/" + name + "/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\n\"We go,\" said John Smith, the minister.\n",
			})
			if err == nil {
				t.Fatalf("briefing folder %q accepted; log %q", name, log)
			}
			if !strings.Contains(err.Error(), "/site/content/"+name) {
				t.Errorf("error does not name the folder: %v", err)
			}
		})
	}
}
