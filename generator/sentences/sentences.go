// Package sentences splits the paragraphs of a doc.Doc into sentences.
//
// The splitter is a single forward byte scan per paragraph, tuned for news
// text: it knows titles and month abbreviations ("Gen.", "Sen.", "Nov."),
// initials ("John F. Kennedy"), initialisms ("U.S.", "U.N.", "a.m."),
// decimals ("3.5"), ellipses, and sentences that end inside a quotation
// ("... situation," she said. / ...office." The next). A sentence never
// crosses a paragraph boundary.
package sentences

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
)

// Split returns every sentence of every paragraph of d, in text order. Spans
// are trimmed of surrounding white space and are never empty.
func Split(d *doc.Doc) []doc.Sentence {
	// About one sentence per full stop, one more per paragraph: one
	// allocation. A run of dots is no run of sentences, so the guess is held
	// to one sentence per 32 bytes.
	guess := min(bytes.Count(d.Text, []byte{'.'}), len(d.Text)/32)
	out := make([]doc.Sentence, 0, len(d.Paragraphs)+guess+1)
	for i, p := range d.Paragraphs {
		out = appendPara(out, d.Text, p.Span, i)
	}
	return out
}

// SplitText returns the sentence spans of text[start:end], with offsets into
// text. It is Split for a single block of text.
func SplitText(text []byte, start, end int) []doc.Span {
	var out []doc.Span
	for _, s := range appendPara(nil, text, doc.Span{Start: start, End: end}, 0) {
		out = append(out, s.Span)
	}
	return out
}

func appendPara(out []doc.Sentence, text []byte, p doc.Span, para int) []doc.Sentence {
	start, end := p.Start, p.End
	if start < 0 {
		start = 0
	}
	if end > len(text) {
		end = len(text)
	}
	if start >= end {
		return out
	}
	emit := func(s, e int) {
		for s < e && isSpaceByte(text[s]) {
			s++
		}
		for e > s && isSpaceByte(text[e-1]) {
			e--
		}
		if s < e {
			out = append(out, doc.Sentence{Span: doc.Span{Start: s, End: e}, Para: para})
		}
	}
	sentStart := start
	sk := skipper{pos: [4]int{-1, -1, -1, -1}}
	for i := start; i < end; {
		c := text[i]
		if !termLead[c] {
			i = sk.next(text, i+1, end) // most bytes end nothing
			continue
		}
		var termEnd int // end of the terminator run, 0 if none here
		ellipsis := false
		switch {
		case c == '.' || c == '?' || c == '!':
			termEnd = i + 1
			if c == '.' && i+2 < end && text[i+1] == '.' && text[i+2] == '.' {
				ellipsis = true
			}
		case c == 0xE2 && i+2 < end && text[i+1] == 0x80 && text[i+2] == 0xA6: // …
			termEnd = i + 3
			ellipsis = true
		default:
			i++
			continue
		}
		// Absorb a run of terminators (?!, ..., ?”).
		j := termEnd
		for j < end {
			if text[j] == '.' || text[j] == '?' || text[j] == '!' {
				j++
				continue
			}
			if j+2 < end && text[j] == 0xE2 && text[j+1] == 0x80 && text[j+2] == 0xA6 {
				j += 3
				continue
			}
			break
		}
		// Absorb closing quotes and brackets.
		for j < end {
			if n := closerLen(text, j, end); n > 0 {
				j += n
				continue
			}
			break
		}
		if j >= end {
			break // paragraph end closes the sentence anyway
		}
		if !isSpaceByte(text[j]) {
			// "3.5", "U.S.-China", "a.m.,": not a boundary.
			i = j
			continue
		}
		k := j
		for k < end && isSpaceByte(text[k]) {
			k++
		}
		if k >= end {
			break
		}
		if boundary(text, start, i, c, ellipsis, k, end) {
			emit(sentStart, j)
			sentStart = k
		}
		i = j
	}
	emit(sentStart, end)
	return out
}

// skipper finds the next byte that may start a terminator with
// bytes.IndexByte, remembering for each such byte where it occurs next, so
// that every byte of a paragraph is searched at most once per kind.
type skipper struct {
	pos [4]int // next offset of '.', '?', '!', 0xE2 at or after the last query; -1 unknown
}

var termBytes = [4]byte{'.', '?', '!', 0xE2}

// next returns the offset of the first terminator byte in text[i:end], or
// end. Queries must come with increasing i.
func (sk *skipper) next(text []byte, i, end int) int {
	m := end
	for k, b := range termBytes {
		if sk.pos[k] < i {
			if x := bytes.IndexByte(text[i:end], b); x >= 0 {
				sk.pos[k] = i + x
			} else {
				sk.pos[k] = end
			}
		}
		m = min(m, sk.pos[k])
	}
	return m
}

// termLead marks the bytes a terminator starts with: . ? ! and the first
// byte of "…".
var termLead = [256]bool{'.': true, '?': true, '!': true, 0xE2: true}

// boundary decides whether the terminator at text[i] (c), whose sentence
// would continue with the character at text[k], ends a sentence.
func boundary(text []byte, pstart, i int, c byte, ellipsis bool, k, end int) bool {
	next := k
	// Skip opening quotes and brackets to find the first letter.
	for next < end {
		if n := openerLen(text, next, end); n > 0 {
			next += n
			continue
		}
		break
	}
	if next >= end {
		return true
	}
	r, _ := utf8.DecodeRune(text[next:end])
	switch {
	case unicode.IsLower(r):
		return false
	case unicode.IsUpper(r), unicode.IsDigit(r), next > k:
	default:
		// Punctuation such as "—" or "-" after a stop: not a new sentence.
		return false
	}
	if c != '.' || ellipsis {
		return true
	}
	// A full stop: look at the word before it.
	ws := i
	for ws > pstart {
		b := text[ws-1]
		if b == '.' || b == '-' || b == '\'' || isAlnumByte(b) {
			ws--
			continue
		}
		// The UTF-8 right single quotation mark inside a word (d’Ivoire).
		if ws-3 >= pstart && b == 0x99 && text[ws-2] == 0x80 && text[ws-3] == 0xE2 && ws-3 > pstart && isAlnumByte(text[ws-4]) {
			ws -= 3
			continue
		}
		if b >= 0x80 { // other letters of non-ASCII words
			ws--
			continue
		}
		break
	}
	word := text[ws:i]
	if len(word) == 0 {
		return true
	}
	// Decimal or numbered item ("No. 5" handled below); a bare number before
	// a stop ends a sentence ("... in 2023. Then").
	if kind, ok := abbrevKind(word); ok {
		switch kind {
		case abbrTitle:
			return false
		case abbrEnding:
			return startsSentence(text, next, end)
		}
	}
	// Single capital initial: "John F. Kennedy", "George W. Bush".
	if len(word) == 1 && word[0] >= 'A' && word[0] <= 'Z' {
		return startsSentence(text, next, end)
	}
	// A clock time ends a sentence unless the next word carries it on:
	// "until 8 p.m. Tickets cost" splits, "at 8 p.m. Tuesday" does not.
	if isClockSuffix(word) {
		return !continuesTime(text, next, end)
	}
	// Initialisms with inner dots: U.S., U.N., D.C., Ph.D.
	if hasInnerDot(word) {
		return startsSentence(text, next, end)
	}
	return true
}

// isClockSuffix reports whether w is "a.m" or "p.m" (either case), the
// letters before the final stop of a clock time.
func isClockSuffix(w []byte) bool {
	return len(w) == 3 && w[1] == '.' && (w[0]|0x20 == 'a' || w[0]|0x20 == 'p') && w[2]|0x20 == 'm'
}

// continuesTime reports whether the word at text[k] continues a clock time
// ("p.m. Tuesday", "a.m. Nov. 3", "p.m. EST", "p.m. Eastern", "p.m.
// Moscow time") rather than opening a new sentence.
func continuesTime(text []byte, k, end int) bool {
	e := k
	for e < end && isAlnumByte(text[e]) {
		e++
	}
	if e == k || e-k > 12 {
		return false
	}
	var buf [12]byte
	w := buf[:e-k]
	copy(w, text[k:e])
	if _, ok := timeContinuers[string(w)]; ok {
		return true
	}
	if kind, ok := abbrevKind(w); ok && kind == abbrTitle && e < end && text[e] == '.' && isMonthOrDay(w) {
		return true
	}
	// Time zone abbreviations: EST, PDT, GMT, UTC, CET, JST.
	if len(w) >= 2 && len(w) <= 4 {
		upper := true
		for _, c := range w {
			upper = upper && c >= 'A' && c <= 'Z'
		}
		if upper && (w[len(w)-1] == 'T' || string(w) == "UTC") {
			return true
		}
	}
	// "<Place> time": "8 p.m. Moscow time".
	ns := e
	for ns < end && text[ns] == ' ' {
		ns++
	}
	return ns > e && ns+4 <= end && string(text[ns:ns+4]) == "time" && (ns+4 == end || !isAlnumByte(text[ns+4]))
}

func isMonthOrDay(w []byte) bool {
	var buf [12]byte
	l := buf[:len(w)]
	for i, c := range w {
		l[i] = c | 0x20
	}
	_, ok := monthDayAbbrevs[string(l)]
	return ok
}

var monthDayAbbrevs = map[string]struct{}{}

func init() {
	for _, w := range []string{"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
		"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"} {
		monthDayAbbrevs[w] = struct{}{}
	}
}

// timeContinuers are capitalized words that follow a clock time inside the
// same sentence.
var timeContinuers = map[string]struct{}{}

func init() {
	for _, w := range []string{
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "May", "June", "July", "August", "September",
		"October", "November", "December", "Eastern", "Central", "Pacific", "Mountain", "Atlantic",
		"Greenwich", "Universal", "Coordinated", "Local",
	} {
		timeContinuers[w] = struct{}{}
	}
}

func hasInnerDot(w []byte) bool {
	for i := 1; i < len(w)-1; i++ {
		if w[i] == '.' {
			return true
		}
	}
	return false
}

// startsSentence reports whether the word at text[k] is one that usually
// opens a sentence (a pronoun, article, conjunction ...), used after an
// ambiguous abbreviation like "U.S." or "Inc.": "in the U.S. The next" splits,
// "U.S. President Joe Biden" does not.
func startsSentence(text []byte, k, end int) bool {
	e := k
	for e < end && isAlnumByte(text[e]) {
		e++
	}
	if e == k {
		// An opening quote or bracket already skipped, or a non-ASCII word:
		// a quotation after an abbreviation usually starts a sentence.
		return k < end && text[k] >= 0x80 && !unicode.IsLetter(runeAt(text, k, end))
	}
	if e-k > 12 {
		return false
	}
	var buf [12]byte
	w := buf[:e-k]
	copy(w, text[k:e])
	_, ok := starters[string(w)]
	return ok
}

func runeAt(text []byte, k, end int) rune {
	r, _ := utf8.DecodeRune(text[k:end])
	return r
}

// closerLen returns the byte length of a closing quote or bracket at text[j].
func closerLen(text []byte, j, end int) int {
	switch text[j] {
	case '"', '\'', ')', ']', '}':
		return 1
	case 0xE2:
		if j+2 < end && text[j+1] == 0x80 {
			switch text[j+2] {
			case 0x9D, 0x99, 0xBA: // ” ’ ›
				return 3
			}
		}
	case 0xC2:
		if j+1 < end && text[j+1] == 0xBB { // »
			return 2
		}
	}
	return 0
}

// openerLen returns the byte length of an opening quote or bracket at text[j].
func openerLen(text []byte, j, end int) int {
	switch text[j] {
	case '"', '\'', '(', '[', '{':
		return 1
	case 0xE2:
		if j+2 < end && text[j+1] == 0x80 {
			switch text[j+2] {
			case 0x9C, 0x98, 0xB9: // “ ‘ ‹
				return 3
			}
		}
	case 0xC2:
		if j+1 < end && text[j+1] == 0xAB { // «
			return 2
		}
	}
	return 0
}

func isSpaceByte(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'
}

func isAlnumByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}
