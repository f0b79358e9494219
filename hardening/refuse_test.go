package hardening

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/afero"

	"briefgen/generator/build"
)

// memBuild builds files (slash paths under /site) on a MemMapFs; a previous
// site is put in /site/public first, so that a refused build can be checked
// to leave it alone.
func memBuild(t *testing.T, files map[string]string) (afero.Fs, *build.Result, string, error) {
	t.Helper()
	fsys := afero.NewMemMapFs()
	for name, data := range files {
		if err := afero.WriteFile(fsys, "/site/"+name, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := afero.WriteFile(fsys, "/site/public/old.html", []byte("old site"), 0o644); err != nil {
		t.Fatal(err)
	}
	var log bytes.Buffer
	res, err := build.Build(fsys, build.Options{Source: "/site", Theme: theme(), Log: &log, NoSync: true})
	return fsys, res, log.String(), err
}

// Inputs that cannot be made safe by escaping are refused with a message
// naming the file, and the old site stays.
func TestHostileValuesAreRefused(t *testing.T) {
	art := func(fm string) map[string]string {
		return map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n" + fm + "\n---\nBody.\n"}
	}
	cases := []struct {
		name  string
		files map[string]string
		want  []string // substrings of the error
	}{
		{"javascript url", art(`url: "javascript:alert(1)"`), []string{"content/b/a.md:4", "not an http or https address"}},
		{"javascript url mixed case and spaces", art(`url: "  JaVaScRiPt:alert(1)"`), []string{"content/b/a.md:4", "not an http or https address"}},
		{"data url", art(`url: "data:text/html;base64,PHNjcmlwdD4="`), []string{"content/b/a.md:4", "not an http or https address"}},
		{"vbscript url", art(`url: "vbscript:msgbox(1)"`), []string{"content/b/a.md:4", "not an http or https address"}},
		{"scheme-relative url", art(`url: "//evil.example/x"`), []string{"content/b/a.md:4", "not an http or https address"}},
		{"url with control character", art(`url: "https://example.org/\u0000x"`), []string{"content/b/a.md"}},
		{"url as a list", art("url: [\"https://a.example\"]"), []string{"content/b/a.md:4", "want an address"}},
		{"language breaking an attribute", map[string]string{"site.yaml": "language: 'en\" onload=\"alert(1)'\n"}, []string{"site.yaml", "language"}},
		{"javascript baseURL", map[string]string{"site.yaml": "baseURL: 'javascript:alert(1)//'\n"}, []string{"site.yaml", "baseURL"}},
		{"data baseURL", map[string]string{"site.yaml": "baseURL: 'data:text/html,x'\n"}, []string{"site.yaml", "baseURL"}},
		{"slug with markup", art(`slug: "<script>"`), []string{"content/b/a.md:4", "slug"}},
		{"slug with quote", art(`slug: "a\" onerror=\"x"`), []string{"content/b/a.md:4", "slug"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			fsys, _, log, err := memBuild(t, c.files)
			if err == nil {
				t.Fatalf("build succeeded; want it refused (log: %s)", log)
			}
			for _, w := range c.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not mention %q", err, w)
				}
			}
			if b, err := afero.ReadFile(fsys, "/site/public/old.html"); err != nil || string(b) != "old site" {
				t.Errorf("old site changed: %q, %v", b, err)
			}
		})
	}
}

// The same through the real binary: a clear one-line message per problem,
// exit status 1, nothing on stdout.
func TestBinaryRefusesHostileURL(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	src := t.TempDir()
	writeTree(t, src, map[string]string{
		"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\nurl: \"javascript:alert(1)\"\n---\nBody.\n",
	})
	out, errOut, code := runBinary(t, "build", "--source", src, "--quiet")
	if code != 1 || out != "" {
		t.Errorf("exit %d, stdout %q; want 1 and nothing", code, out)
	}
	want := "briefgen: " + filepath.Join(src, "content/b/a.md") + ":4: "
	if !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
		t.Errorf("stderr %q; want one line starting %q", errOut, want)
	}
	if _, err := os.Stat(filepath.Join(src, "public")); !os.IsNotExist(err) {
		t.Errorf("public/ was created by a refused build: %v", err)
	}
}

// An article with a stray NUL byte is skipped as binary, with a warning
// that names it (it used to vanish without a word).
func TestNULArticleIsNotLostSilently(t *testing.T) {
	_, res, log, err := memBuild(t, map[string]string{
		"content/b/ok.md":  "---\ntitle: OK\ndate: 2025-01-02\n---\nBody.\n",
		"content/b/nul.md": "---\ntitle: Pasted\ndate: 2025-01-02\n---\nA stray \x00 byte.\n",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != 1 {
		t.Errorf("%d articles, want 1", res.Articles)
	}
	if !strings.Contains(log, "/site/content/b/nul.md: contains NUL bytes") {
		t.Errorf("no warning naming nul.md in %q", log)
	}
}

// A base URL with markup in its path either is refused or ends up
// percent-encoded in every link: the output passes the injection checks.
func TestHostileBaseURL(t *testing.T) {
	for _, base := range []string{
		`https://example.org/a"><script>alert(1)</script>/`,
		`https://example.org/' onmouseover='alert(1)/`,
		`https://example.org/news/?q="><img src=x onerror=alert(1)>`,
		`https://example.org/news/#"><svg onload=alert(1)>`,
		`javascript:alert(1)//example.org/`,
		`//evil.example/`,
	} {
		t.Run(base, func(t *testing.T) {
			src := t.TempDir()
			writeTree(t, src, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\n\"We go,\" said John Smith, the minister, on Monday, Jan. 6, 2025.\n"})
			dest := filepath.Join(t.TempDir(), "public")
			var log bytes.Buffer
			_, err := build.Build(afero.NewOsFs(), build.Options{Source: src, Destination: dest, BaseURL: base, Theme: theme(), Log: &log, NoSync: true})
			if err != nil {
				t.Logf("refused: %v", err)
				return
			}
			rep, err := checkSite(dest)
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range rep.problems {
				t.Error(p)
			}
		})
	}
}
