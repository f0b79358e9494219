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
	text, err := os.ReadFile("testdata/article.md")
	if err != nil {
		b.Fatal(err)
	}
	d := &doc.Doc{Text: text, Paragraphs: doc.SplitParagraphs(text, 0, len(text))}
	f := extract.Run(d)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Facts(f, nil)
	}
}
