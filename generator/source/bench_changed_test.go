package source

import (
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// benchSite returns a MemMapFs holding the site at $BRIEFGEN_BENCH_SITE
// (copied into memory, so edits leave it alone) or, without it, a
// generated site of 10,000 articles in 200 briefings, and the slash path
// of one article in it.
func benchSite(b *testing.B) (afero.Fs, string) {
	b.Helper()
	mem := afero.NewMemMapFs()
	if dir := os.Getenv("BRIEFGEN_BENCH_SITE"); dir != "" {
		var first string
		err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(dir, p)
			rel = filepath.ToSlash(rel)
			if first == "" && strings.Count(rel, "/") == 2 && strings.HasSuffix(rel, ".md") && !strings.HasSuffix(rel, "_index.md") {
				first = rel
			}
			return afero.WriteFile(mem, "/"+rel, data, 0o644)
		})
		if err != nil || first == "" {
			b.Fatalf("BRIEFGEN_BENCH_SITE: %v (article %q)", err, first)
		}
		return mem, first
	}
	para := strings.Repeat("A paragraph of body text, long enough to be typical of a news article. ", 8) + "\n\n"
	body := strings.Repeat(para, 10)
	for i := range 10000 {
		c := fmt.Sprintf("---\ntitle: Article %d\ndate: 2024-%02d-%02d\ntags: [a, b]\n---\n%s", i, 1+i%12, 1+i%28, body)
		if err := afero.WriteFile(mem, fmt.Sprintf("/content/briefing-%03d/article-%05d.md", i%200, i), []byte(c), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	for j := range 200 {
		c := fmt.Sprintf("---\ntitle: Briefing %d\n---\nAbout it.\n", j)
		if err := afero.WriteFile(mem, fmt.Sprintf("/content/briefing-%03d/_index.md", j), []byte(c), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	return mem, "content/briefing-007/article-00007.md"
}

// BenchmarkLoadChanged is the per-save reload of a preview server: one
// article's body edited, then LoadChanged with its path; and, in
// "index", a briefing's _index.md edited (a whole load, without a walk).
func BenchmarkLoadChanged(b *testing.B) {
	mem, rel := benchSite(b)
	c := NewCache()
	if _, err := LoadChanged(mem, "/", Options{}, c, nil); err != nil {
		b.Fatal(err)
	}
	t0 := time.Now()
	edit := func(b *testing.B, rel string) {
		orig, err := afero.ReadFile(mem, "/"+rel)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := range b.N {
			data := append(append([]byte(nil), orig...), fmt.Sprintf("\nEdit %d.\n", i)...)
			b.StopTimer()
			if err := afero.WriteFile(mem, "/"+rel, data, 0o644); err != nil {
				b.Fatal(err)
			}
			t0 = t0.Add(time.Second)
			mem.Chtimes("/"+rel, t0, t0)
			b.StartTimer()
			if _, err := LoadChanged(mem, "/", Options{}, c, []string{rel}); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.Run("article", func(b *testing.B) { edit(b, rel) })
	b.Run("index", func(b *testing.B) {
		idx := path.Dir(rel) + "/_index.md"
		if _, err := mem.Stat("/" + idx); err != nil {
			b.Skip("no _index.md beside", rel)
		}
		edit(b, idx)
	})
}
