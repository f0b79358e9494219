// Package timex finds temporal expressions in an article and normalizes them
// to TimeML TIMEX3 values, resolved against the article's publication date
// the way a news reader resolves them ("on Tuesday" is the Tuesday of the
// week the article was written; "in May" is the most recent May unless the
// sentence speaks of the future).
//
// The scanner is hand-written: each sentence is cut into word, number and
// punctuation tokens once, words are classified through a small lexicon, and
// a set of rules tries, at each token, to match the longest expression
// starting there. There are no regular expressions and no backtracking over
// the text, so the cost is linear in the size of the article.
package timex

import (
	"sync"
	"time"

	"briefgen/generator/doc"
)

// Type is the TIMEX3 type of an expression.
type Type uint8

const (
	Date     Type = iota // a calendar date or period: 2024-11-19, 2024-W46, PAST_REF
	Time                 // a time of day: 2024-11-19T15:00, 2024-11-19TNI
	Duration             // a length of time: P3Y
	Set                  // a recurrence: P1Y ("every year"), XXXX-WXX-2 ("Tuesdays")
)

func (t Type) String() string {
	switch t {
	case Time:
		return "TIME"
	case Duration:
		return "DURATION"
	case Set:
		return "SET"
	}
	return "DATE"
}

// Timex is one temporal expression.
type Timex struct {
	Span     doc.Span
	Value    string // TIMEX3 value: 2024, 2024-11, 2024-11-19, 2024-W46, 2024-Q3, 2024-SU, 2024-11-19T15:00, PAST_REF, P3Y, XXXX-11-19 ...
	Type     Type
	Sentence int    // index into the sentences passed to Find
	End      string // for the start of a range ("from 2003 to 2006"): the value of its end, else ""
	// Mod is the TIMEX3 mod of the expression: START ("early May"), MID
	// ("mid-October"), END ("late February"), or "".
	Mod string
	// RangeEnd is true for the second expression of a range; the range's
	// start carries its value in End.
	RangeEnd bool
}

// scanBuffers are the scanner's working slices, kept between calls of Find
// (one article's tokens are garbage the moment it is done).
type scanBuffers struct {
	ts           []tok
	tense, after []int8
	found        []match
	out          []Timex
}

var buffers = sync.Pool{New: func() any { return &scanBuffers{ts: make([]tok, 0, 128)} }}

// Find returns the temporal expressions of the given sentences of d, in text
// order, resolved against d.Published. When d.Published is zero, values that
// depend on it keep X for what is unknown (XXXX-11-20, XXXX-WXX-2) or fall
// back to PAST_REF, PRESENT_REF and FUTURE_REF.
func Find(d *doc.Doc, sents []doc.Sentence) []Timex {
	if d == nil {
		return nil
	}
	b := buffers.Get().(*scanBuffers)
	defer buffers.Put(b)
	s := scanner{text: d.Text, pub: d.Published, hasPub: !d.Published.IsZero(),
		ts: b.ts[:0], tense: b.tense[:0], after: b.after[:0], found: b.found[:0]}
	defer func() { b.ts, b.tense, b.after, b.found = s.ts[:0], s.tense[:0], s.after[:0], s.found[:0] }()
	if s.hasPub {
		y, m, dd := d.Published.Date()
		s.pub = time.Date(y, m, dd, 0, 0, 0, 0, time.UTC)
	}
	out := b.out[:0] // collected in a kept buffer, returned in one exact allocation
	for i, st := range sents {
		start, end := st.Start, st.End
		if start < 0 {
			start = 0
		}
		if end > len(d.Text) {
			end = len(d.Text)
		}
		if start >= end || !mayHold(d.Text, start, end) {
			continue
		}
		out = s.sentence(out, i, start, end)
	}
	res := make([]Timex, len(out))
	copy(res, out)
	clear(out) // keep no strings of this article alive
	b.out = out[:0]
	return res
}
