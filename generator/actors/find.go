package actors

import (
	"strings"

	"briefgen/generator/doc"
)

// Find returns the actors of d, ordered by first mention. sents are the
// sentences of d (sentences.Split); when nil, each paragraph is read as one
// sentence.
func Find(d *doc.Doc, sents []doc.Sentence) []Actor {
	if len(sents) == 0 {
		for i, p := range d.Paragraphs {
			sents = append(sents, doc.Sentence{Span: p.Span, Para: i})
		}
	}
	var out []Actor
	byName := map[string]int{}
	for _, s := range sents {
		if s.Start < 0 || s.End > len(d.Text) || s.Start >= s.End {
			continue
		}
		words := strings.Fields(string(d.Text[s.Start:s.End]))
		_ = words
	}
	_ = byName
	return out
}
