// Package extract runs the whole extraction for one article — sentences,
// actors, quotations with their speakers, temporal expressions and timeline
// events — and turns the result into the JSON contract of `briefgen
// extract` (version 1, see shared/contract/extract.md).
package extract

import (
	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
	"briefgen/generator/quotes"
	"briefgen/generator/sentences"
	"briefgen/generator/timex"
)

// Facts is everything extraction found in one article. Every fact carries
// spans into the article's Doc.Text.
type Facts struct {
	Sentences []doc.Sentence
	Actors    []actors.Actor
	Quotes    []quotes.Quote
	Timexes   []timex.Timex
	Events    []events.Event
}

// Run extracts the facts of d. It never panics on any input and is safe to
// call from several goroutines on different documents.
func Run(d *doc.Doc) *Facts {
	f := &Facts{}
	f.Sentences = sentences.Split(d)
	f.Actors = actors.Find(d, f.Sentences)
	f.Quotes = quotes.Find(d, f.Sentences, f.Actors)
	f.Timexes = timex.Find(d, f.Sentences)
	f.Events = events.Find(d, f.Sentences, f.Timexes, f.Actors)
	return f
}
