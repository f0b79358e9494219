package quotes

import (
	"sort"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
)

// turn is one speaker-labelled paragraph of a transcript or an interview
// (its words are not a quotation, but "I" in it is the labelled speaker):
// "SMITH: We will rebuild." or "A: We will rebuild."
type turn struct {
	label doc.Span // the label without the colon
	body  doc.Span // the words spoken
	para  int
	q, a  bool // a "Q:" or "A:" label
}

// maxLabel is the longest speaker label read, in bytes.
const maxLabel = 40

// findTurns returns the labelled turns of d when d reads like a transcript
// or a Q&A: at least three body paragraphs open with a label of one to four
// upper-case words and a colon, with at least two different labels. A lone
// "WASHINGTON:" or "UPDATE:" is not a transcript.
func findTurns(d *doc.Doc) []turn {
	var ts []turn
	for pi, p := range d.Paragraphs {
		if p.Kind != doc.Body {
			continue
		}
		if t, ok := labelAt(d.Text, p.Span); ok {
			t.para = pi
			ts = append(ts, t)
		}
	}
	if len(ts) < 3 {
		return nil
	}
	first := d.Text[ts[0].label.Start:ts[0].label.End]
	for _, t := range ts[1:] {
		if string(d.Text[t.label.Start:t.label.End]) != string(first) {
			return ts
		}
	}
	return nil
}

// labelAt reads a speaker label at the start of paragraph p.
func labelAt(t []byte, p doc.Span) (turn, bool) {
	s, e := p.Start, p.End
	if e > len(t) {
		e = len(t)
	}
	words, letters := 0, 0
	i := s
	for ; i < e && i-s <= maxLabel; i++ {
		c := t[i]
		switch {
		case c >= 'A' && c <= 'Z':
			if i == s || t[i-1] == ' ' {
				words++
			}
			letters++
		case c == ' ':
			if i == s || t[i-1] == ' ' {
				return turn{}, false
			}
		case c == '.' || c == '\'' || c == '-':
		case c == ':':
			if words == 0 || words > 4 || t[i-1] == ' ' || i+1 >= e || t[i+1] != ' ' {
				return turn{}, false
			}
			bs := i + 1
			for bs < e && isSpace(t[bs]) {
				bs++
			}
			be := e
			for be > bs && isSpace(t[be-1]) {
				be--
			}
			if bs >= be {
				return turn{}, false
			}
			tr := turn{label: doc.Span{Start: s, End: i}, body: doc.Span{Start: bs, End: be}}
			if i-s == 1 {
				tr.q, tr.a = t[s] == 'Q', t[s] == 'A'
				if !tr.q && !tr.a {
					return turn{}, false
				}
			} else if letters < 2 {
				return turn{}, false
			}
			return tr, true
		default:
			return turn{}, false
		}
	}
	return turn{}, false
}

// turnSpeaker returns the actor a label names: a person mentioned inside
// the label, else the person whose name ends with the label's last word.
func (a *attributor) turnSpeaker(tr turn) int {
	if tr.q {
		return -1
	}
	if tr.a {
		return a.interviewee()
	}
	i := sort.Search(len(a.ments), func(i int) bool { return a.ments[i].Start >= tr.label.Start })
	for ; i < len(a.ments) && a.ments[i].Start < tr.label.End; i++ {
		if a.as[a.ments[i].actor].Kind == actors.Person {
			return a.ments[i].actor
		}
	}
	// The last word of the label against the last word of each name.
	ls := tr.label.End
	for ls > tr.label.Start && a.t[ls-1] != ' ' {
		ls--
	}
	last := a.t[ls:tr.label.End]
	for k, ac := range a.as {
		if ac.Kind != actors.Person {
			continue
		}
		for _, n := range append([]string{ac.Name}, ac.Aliases...) {
			ws := len(n)
			for ws > 0 && n[ws-1] != ' ' {
				ws--
			}
			if len(n)-ws == len(last) && equalFoldASCII(n[ws:], last) {
				return k
			}
		}
	}
	return -1
}

// interviewee returns the person a Q&A is with: the first person named
// outside the questions.
func (a *attributor) interviewee() int {
	for _, m := range a.ments {
		if a.as[m.actor].Kind != actors.Person || a.quoteAt(m.Start) >= 0 {
			continue
		}
		inQ := false
		for _, tr := range a.turns {
			if tr.q && tr.body.Start <= m.Start && m.Start < tr.body.End {
				inQ = true
				break
			}
		}
		if !inQ {
			return m.actor
		}
	}
	return -1
}

// turnAt returns the index of the turn whose words contain p, or -1.
func (a *attributor) turnAt(p int) int {
	i := sort.Search(len(a.turns), func(i int) bool { return a.turns[i].body.End > p })
	if i < len(a.turns) && a.turns[i].body.Start <= p {
		return i
	}
	return -1
}

func equalFoldASCII(s string, b []byte) bool {
	if len(s) != len(b) {
		return false
	}
	for i := 0; i < len(s); i++ {
		x, y := s[i], b[i]
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		if 'A' <= y && y <= 'Z' {
			y += 'a' - 'A'
		}
		if x != y {
			return false
		}
	}
	return true
}
