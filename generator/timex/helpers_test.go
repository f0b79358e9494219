package timex

import (
	"time"

	"briefgen/generator/doc"
)

// testDoc builds a document from body text: paragraphs split on blank
// lines, sentences on ". " followed by an upper-case letter (enough for the
// test texts; the real splitter lives in generator/sentences).
func testDoc(text string, pub time.Time) (*doc.Doc, []doc.Sentence) {
	d := &doc.Doc{Text: []byte(text), Published: pub}
	d.Paragraphs = doc.SplitParagraphs(d.Text, 0, len(d.Text))
	var sents []doc.Sentence
	for pi, p := range d.Paragraphs {
		start := p.Start
		for i := p.Start; i+2 < p.End; i++ {
			c := d.Text[i]
			if (c == '.' || c == '?' || c == '!') && d.Text[i+1] == ' ' && 'A' <= d.Text[i+2] && d.Text[i+2] <= 'Z' && !abbrevBefore(d.Text, start, i) {
				sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: i + 1}, Para: pi})
				start = i + 2
			}
		}
		if start < p.End {
			sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: p.End}, Para: pi})
		}
	}
	return d, sents
}

func abbrevBefore(text []byte, start, i int) bool {
	w := i
	for w > start && text[w-1] != ' ' {
		w--
	}
	switch string(text[w:i]) {
	case "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec", "Mr", "Dr", "U.S", "a.m", "p.m":
		return true
	}
	return false
}

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
