package extract

import (
	"testing"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
	"briefgen/generator/quotes"
	"briefgen/generator/sentences"
	"briefgen/generator/timex"
)

// BenchmarkStage measures each stage of Run alone over the corpus of
// BenchmarkRun, its inputs computed once beforehand, so that the shares of
// the stages can be told apart (MB/s is of the whole corpus per stage).
func BenchmarkStage(b *testing.B) {
	docs := corpus(b)
	var n int64
	facts := make([]*Facts, len(docs))
	for i, d := range docs {
		n += int64(len(d.Text))
		facts[i] = Run(d)
	}
	stages := []struct {
		name string
		run  func(d *doc.Doc, f *Facts)
	}{
		{"sentences", func(d *doc.Doc, f *Facts) { sentences.Split(d) }},
		{"actors", func(d *doc.Doc, f *Facts) { actors.Find(d, f.Sentences) }},
		{"quotes", func(d *doc.Doc, f *Facts) { quotes.Find(d, f.Sentences, f.Actors) }},
		{"timex", func(d *doc.Doc, f *Facts) { timex.Find(d, f.Sentences) }},
		{"events", func(d *doc.Doc, f *Facts) { events.Find(d, f.Sentences, f.Timexes, f.Actors) }},
	}
	for _, st := range stages {
		b.Run(st.name, func(b *testing.B) {
			b.SetBytes(n)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				for k, d := range docs {
					st.run(d, facts[k])
				}
			}
		})
	}
}
