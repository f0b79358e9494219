package hardening

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// manyFiles is how many tiny articles TestManyTinyFiles builds: 20,000 by
// default (CI), HARDENING_FILES to measure more (100,000 by hand).
func manyFiles() int {
	if n, err := strconv.Atoi(os.Getenv("HARDENING_FILES")); err == nil && n > 0 {
		return n
	}
	return 20000
}

// Many tiny files in a few briefings build, in bounded time and memory.
func TestManyTinyFiles(t *testing.T) {
	if testing.Short() {
		t.Skip("writes and builds 20,000 files")
	}
	n := manyFiles()
	src := t.TempDir()
	for i := 0; i < n; i++ {
		name := filepath.Join(src, "content", fmt.Sprintf("b%02d", i%20), fmt.Sprintf("a%06d.md", i))
		if i < 20 {
			os.MkdirAll(filepath.Dir(name), 0o755)
		}
		body := fmt.Sprintf("---\ntitle: Item %d\ndate: 2025-01-%02d\n---\nItem %d.\n", i, 1+i%28, i)
		if err := os.WriteFile(name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	m := runMeasured(t, 10*time.Minute, "build", "--source", src, "--quiet")
	t.Logf("%d tiny files: %v", n, m)
	if m.code != 0 {
		t.Fatalf("build failed: %s", m.stderr)
	}
	if _, err := os.Stat(filepath.Join(src, "public", "b07", fmt.Sprintf("a%06d", 7), "index.html")); err != nil {
		t.Error(err)
	}
}

// A folder 200 levels deep: its article belongs to the top folder's
// briefing and builds; no output path is deeper than the URL needs.
func TestDeepFolders(t *testing.T) {
	src := t.TempDir()
	parts := []string{src, "content", "deep"}
	for i := 0; i < 200; i++ {
		parts = append(parts, fmt.Sprintf("d%d", i))
	}
	dir := filepath.Join(parts...)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "bottom.md"), []byte(fmt.Sprintf(article, "Bottom")+"Deep.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	dest := filepath.Join(t.TempDir(), "public")
	res, log, err := buildOS(src, dest)
	if err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	if res.Articles != 1 {
		t.Errorf("%d articles, want 1", res.Articles)
	}
	if _, err := os.Stat(filepath.Join(dest, "deep", "bottom", "index.html")); err != nil {
		t.Error(err)
	}
	for p := range tree(t, dest) {
		if strings.Count(p, "/") > 4 {
			t.Errorf("deep output path %s", p)
		}
	}
}

// Inputs that blow up parsers: YAML aliases that expand exponentially
// (billion laughs) in every place YAML is read, YAML and TOML nested
// 100,000 deep, and CommonMark's pathological inputs. Each is refused with
// a message naming the file, or built, within bounded time and memory (the
// deadline is a hang detector; the figures go to docs/hardening.md).
func TestParserBombs(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary")
	}
	laughs := "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, c := range "bcdefghi" {
		p := string("abcdefghi"[i])
		laughs += fmt.Sprintf("%c: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	// The same aliases inside actor entries, where the parser walks nodes.
	actorLaughs := "  - match: A\n    merge: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
	for i, c := range "bcdefghi" {
		p := string("abcdefghi"[i])
		actorLaughs += fmt.Sprintf("  - match: %c\n    merge: &%c [*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s,*%s]\n", c, c, p, p, p, p, p, p, p, p, p)
	}
	deepYAML := "title: Deep\nx: " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	deepTOML := "title = 'Deep'\nx = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n"
	deepTOMLTable := "title = 'Deep'\nx = " + strings.Repeat("{a=", 100000) + "1" + strings.Repeat("}", 100000) + "\n"
	fm := func(yaml string) string { return "---\ntitle: Bomb\ndate: 2025-01-02\n" + yaml + "---\nBody.\n" }
	body := func(md string) string { return fmt.Sprintf(article, "Pathological") + md + "\n" }
	cases := []struct {
		name  string
		files map[string]string
	}{
		{"laughs in front matter", map[string]string{"content/b/bomb.md": fm(laughs)}},
		{"laughs in _index.md", map[string]string{"content/b/_index.md": fm(laughs)}},
		{"laughs in overrides", map[string]string{"content/b/_index.md": "---\ntitle: B\n" + laughs + "overrides:\n  actors:\n    - match: *i\n      role: *i\n---\n"}},
		{"laughs in site.yaml", map[string]string{"site.yaml": "title: S\n" + laughs}},
		{"laughs in a sidecar", map[string]string{"content/b/wire.txt": "Wire\n\nBody.\n", "content/b/wire.yaml": "date: 2025-01-02\n" + laughs}},
		{"laughs in data/actors.yaml", map[string]string{"data/actors.yaml": "actors:\n" + actorLaughs}},
		{"YAML nested 100,000 deep", map[string]string{"content/b/bomb.md": "---\n" + deepYAML + "---\nBody.\n"}},
		{"TOML arrays nested 100,000 deep", map[string]string{"content/b/bomb.md": "+++\n" + deepTOML + "+++\nBody.\n"}},
		{"TOML tables nested 100,000 deep", map[string]string{"content/b/bomb.md": "+++\n" + deepTOMLTable + "+++\nBody.\n"}},
		{"10,000 quotation marks", map[string]string{"content/b/bomb.md": body(strings.Repeat(`"`, 10000) + "\n\n" + strings.Repeat(`“`, 10000) + "\n\n" + strings.Repeat(`He said "`, 10000))}},
		{"nested block quotes", map[string]string{"content/b/bomb.md": body(strings.Repeat(">", 50000) + " x")}},
		// goldmark 1.8 is quadratic on these (yuin/goldmark#592);
		// render.Defuse keeps them linear.
		{"nested lists", map[string]string{"content/b/bomb.md": body(strings.Repeat("* ", 200000) + "x")}},
		{"unclosed plain links", map[string]string{"content/b/bomb.md": body(strings.Repeat("[a](b", 100000))}},
		{"nested brackets", map[string]string{"content/b/bomb.md": body(strings.Repeat("[", 50000) + "a" + strings.Repeat("](b)", 50000))}},
		{"unclosed links", map[string]string{"content/b/bomb.md": body(strings.Repeat("[a](<b", 100000))}},
		{"emphasis openers", map[string]string{"content/b/bomb.md": body(strings.Repeat("*a **a ", 50000))}},
		{"emphasis closers", map[string]string{"content/b/bomb.md": body(strings.Repeat("a* ", 50000))}},
		{"backticks", map[string]string{"content/b/bomb.md": body(strings.Repeat("`a``", 50000))}},
		{"many link references", map[string]string{"content/b/bomb.md": body(strings.Repeat("[x]: /u\n", 50000) + strings.Repeat("[x] ", 50000))}},
		{"table with many columns", map[string]string{"content/b/bomb.md": body(strings.Repeat("|a", 20000) + "|\n" + strings.Repeat("|-", 20000) + "|\n" + strings.Repeat("|b", 20000) + "|\n" + strings.Repeat("|c\n", 2000))}},
		{"footnote chains", map[string]string{"content/b/bomb.md": body(func() string {
			var b strings.Builder
			for i := 0; i < 20000; i++ {
				fmt.Fprintf(&b, "[^%d]: see [^%d]\n", i, i+1)
			}
			return b.String()
		}())}},
		{"dates everywhere", map[string]string{"content/b/bomb.md": body(strings.Repeat("On Monday, Jan. 6, 2025, and on 2025-01-07 and next week ", 20000))}},
		{"capitalized names everywhere", map[string]string{"content/b/bomb.md": body(strings.Repeat("John Smith Maria Lopez Geneva United Nations Said ", 20000))}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			src := t.TempDir()
			writeTree(t, src, map[string]string{"content/b/ok.md": fmt.Sprintf(article, "OK") + "Fine.\n"})
			writeTree(t, src, c.files)
			m := runMeasured(t, 5*time.Minute, "build", "--source", src, "--quiet")
			first, _, _ := strings.Cut(m.stderr, "\n")
			if len(first) > 200 {
				first = first[:200] + "..."
			}
			t.Logf("%s: %v; %s", c.name, m, first)
			switch m.code {
			case 0:
				if _, err := os.Stat(filepath.Join(src, "public", "b", "ok", "index.html")); err != nil {
					t.Error(err)
				}
			case 1:
				if !strings.HasPrefix(m.stderr, "briefgen: "+src) {
					t.Errorf("refused without naming a file: %q", first)
				}
				if strings.Contains(m.stderr, "goroutine ") || strings.Contains(m.stderr, "panic") {
					t.Errorf("crashed: %s", first)
				}
			default:
				t.Errorf("exit %d (crash?): %s", m.code, first)
			}
			if m.maxRSS > 2<<30 {
				t.Errorf("peak RSS %d MB", m.maxRSS>>20)
			}
		})
	}
}
