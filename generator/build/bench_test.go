package build

import (
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// benchSite writes a synthetic site of n articles in n/20+1 briefings into a
// MemMapFs: each article draws 12 paragraphs from testdata/paragraphs.txt
// (text written for these tests), with its own title and date.
func benchSite(tb testing.TB, n int) (afero.Fs, int64) {
	raw, err := os.ReadFile("testdata/paragraphs.txt")
	if err != nil {
		tb.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	afs := afero.NewMemMapFs()
	var total int64
	base := time.Date(2025, 11, 1, 0, 0, 0, 0, time.UTC)
	write := func(name, body string) {
		if err := afero.WriteFile(afs, "/site/"+name, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
		total += int64(len(body))
	}
	write("site.yaml", "title: Bench\nbaseURL: https://example.org/\n")
	briefings := n/20 + 1
	for b := 0; b < briefings; b++ {
		write(fmt.Sprintf("content/briefing-%03d/_index.md", b), fmt.Sprintf("---\ntitle: Briefing %d\nsummary: Synthetic briefing number %d.\n---\nA briefing of synthetic articles.\n", b, b))
	}
	for i := 0; i < n; i++ {
		var body strings.Builder
		for k := 0; k < 12; k++ {
			body.WriteString(paras[(i*7+k*5)%len(paras)])
			body.WriteString("\n\n")
		}
		date := base.AddDate(0, 0, -(i*37)%700)
		write(fmt.Sprintf("content/briefing-%03d/article-%05d.md", i%briefings, i),
			fmt.Sprintf("---\ntitle: \"Synthetic article %d about the talks\"\ndate: %s\nsource: Outlet %d\n---\n\n%s", i, date.Format("2006-01-02"), i%7, body.String()))
	}
	return afs, total
}

// BenchmarkBuild builds a 400-article site on a MemMapFs, end to end (load,
// render, publish without fsync). Reports ns/article; bytes are source bytes.
func BenchmarkBuild(b *testing.B) {
	const n = 400
	afs, size := benchSite(b, n)
	b.SetBytes(size)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		res, err := Build(afs, Options{Source: "/site", Destination: "/out", Theme: theme, NoSync: true})
		if err != nil {
			b.Fatal(err)
		}
		if res.Articles != n {
			b.Fatalf("%d articles", res.Articles)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/article")
}
