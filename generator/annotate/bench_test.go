package annotate

import (
	"os"
	"testing"

	"briefgen/generator/doc"
	"briefgen/generator/extract"
)

// BenchmarkFacts makes the marks of the test article, as the build does
// for every article page; bytes are the article's.
func BenchmarkFacts(b *testing.B) {
	d, f := testArticle(b)
	b.SetBytes(int64(len(d.Text)))
	b.ReportAllocs()
	for b.Loop() {
		Facts(f, nil)
	}
}

// testArticle reads testdata/article.md and extracts its facts.
func testArticle(tb testing.TB) (*doc.Doc, *extract.Facts) {
	tb.Helper()
	text, err := os.ReadFile("testdata/article.md")
	if err != nil {
		tb.Fatal(err)
	}
	d := &doc.Doc{Text: text, Paragraphs: doc.SplitParagraphs(text, 0, len(text))}
	return d, extract.Run(d)
}
