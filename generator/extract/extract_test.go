package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefgen/generator/doc"
)

// corpus reads the repository's real and hand-written articles as docs:
// paragraphs after the front matter, as the loader would give them.
func corpus(tb testing.TB) []*doc.Doc {
	tb.Helper()
	var docs []*doc.Doc
	for _, pat := range []string{"../../content/*/*.md", "../../testdata/extract/*", "../../testdata/briefing-corpus/content/*/*.md"} {
		files, _ := filepath.Glob(pat)
		for _, f := range files {
			if strings.HasSuffix(f, "_index.md") || strings.HasSuffix(f, ".yaml") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				tb.Fatal(err)
			}
			start := 0
			if strings.HasPrefix(string(b), "---\n") {
				if i := strings.Index(string(b[4:]), "\n---\n"); i >= 0 {
					start = 4 + i + 5
				}
			}
			docs = append(docs, &doc.Doc{
				Text:       b,
				Paragraphs: doc.SplitParagraphs(b, start, len(b)),
				Published:  time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC),
			})
		}
	}
	if len(docs) < 2 {
		tb.Fatalf("found %d articles", len(docs))
	}
	return docs
}

func TestRunIsConsistent(t *testing.T) {
	for _, d := range corpus(t) {
		f := Run(d)
		c := f.Contract("x", "t", d)
		if len(c.Actors) != len(f.Actors) || len(c.Quotes) != len(f.Quotes) || len(c.Dates) != len(f.Timexes) || len(c.Events) != len(f.Events) {
			t.Errorf("contract lost entries: %d/%d actors, %d/%d quotes", len(c.Actors), len(f.Actors), len(c.Quotes), len(f.Quotes))
		}
		if len(f.Sentences) == 0 || len(f.Actors) == 0 {
			t.Errorf("nothing extracted from a real article (%d sentences, %d actors)", len(f.Sentences), len(f.Actors))
		}
	}
}

// BenchmarkRun measures the whole extraction (sentences, actors, quotes,
// speakers, dates, events) over real articles; MB/s is per core.
func BenchmarkRun(b *testing.B) {
	docs := corpus(b)
	var n int64
	for _, d := range docs {
		n += int64(len(d.Text))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, d := range docs {
			Run(d)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(docs)), "ns/article")
}
