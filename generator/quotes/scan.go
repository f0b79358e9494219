package quotes

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
)

// markByte marks the first bytes of quotation marks.
var markByte = [256]bool{'"': true, '\'': true, 0xE2: true, 0xC2: true}

// skipper finds the next byte that may start a quotation mark with
// bytes.IndexByte, remembering for each such byte where it occurs next, so
// that every byte of a paragraph is searched at most once per kind.
type skipper struct {
	pos [4]int // next offset of '"', '\'', 0xE2, 0xC2 at or after the last query; -1 unknown
}

var markBytes = [4]byte{'"', '\'', 0xE2, 0xC2}

// next returns the offset of the first byte of markByte in t[i:end], or
// end. Queries must come with increasing i.
func (sk *skipper) next(t []byte, i, end int) int {
	m := end
	for k, b := range markBytes {
		if sk.pos[k] < i {
			if x := bytes.IndexByte(t[i:end], b); x >= 0 {
				sk.pos[k] = i + x
			} else {
				sk.pos[k] = end
			}
		}
		m = min(m, sk.pos[k])
	}
	return m
}

// rawQuote is a quotation found by the mark scanner, before attribution.
type rawQuote struct {
	outer  doc.Span // the quotation with its marks (to the paragraph end when unclosed)
	inner  doc.Span // the quoted words, trimmed
	para   int
	cont   bool // re-opens a quotation left open at the end of the previous paragraph
	closed bool
	single bool // delimited by single marks
}

// Mark kinds.
const (
	mNone = iota
	mDoubleOpen
	mDoubleClose
	mDoubleStraight
	mSingleOpen
	mSingleClose
	mSingleStraight
)

// markAt classifies the quotation mark at text[i], returning its kind and
// byte length.
func markAt(t []byte, i, end int) (int, int) {
	switch t[i] {
	case '"':
		return mDoubleStraight, 1
	case '\'':
		return mSingleStraight, 1
	case 0xE2:
		if i+2 < end && t[i+1] == 0x80 {
			switch t[i+2] {
			case 0x9C, 0x9E: // “ „
				return mDoubleOpen, 3
			case 0x9D: // ”
				return mDoubleClose, 3
			case 0x98: // ‘
				return mSingleOpen, 3
			case 0x99: // ’
				return mSingleClose, 3
			case 0xB9: // ‹
				return mSingleOpen, 3
			case 0xBA: // ›
				return mSingleClose, 3
			}
		}
	case 0xC2:
		if i+1 < end {
			switch t[i+1] {
			case 0xAB: // «
				return mDoubleOpen, 2
			case 0xBB: // »
				return mDoubleClose, 2
			}
		}
	}
	return mNone, 0
}

// leftOpen reports whether the text before position i (paragraph starting
// at ps) is a place where a quotation may open: the paragraph start, white
// space, an opening bracket, a dash, a slash or another opening mark.
func leftOpen(t []byte, ps, i int) bool {
	if i <= ps {
		return true
	}
	r, _ := utf8.DecodeLastRune(t[ps:i])
	switch r {
	case '(', '[', '{', '-', '/', '—', '–', '“', '‘', '"', '\'', '«', '„', ':':
		return true
	}
	return unicode.IsSpace(r)
}

// rightClose reports whether the text at position j (paragraph ending at pe)
// is a place where a quotation may close: the paragraph end, white space or
// punctuation that follows words.
func rightClose(t []byte, j, pe int) bool {
	if j >= pe {
		return true
	}
	r, _ := utf8.DecodeRune(t[j:pe])
	switch r {
	case ',', '.', ';', ':', '!', '?', ')', ']', '}', '—', '–', '-', '”', '’', '"', '\'', '»', '…', '/':
		return true
	}
	return unicode.IsSpace(r)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// scan finds the quotations of every paragraph of d.
func scan(d *doc.Doc) []rawQuote {
	t := d.Text
	var out []rawQuote
	pendingCont := false // a double quotation was open at the previous paragraph end
	for pi, p := range d.Paragraphs {
		ps, pe := p.Start, p.End
		if ps < 0 {
			ps = 0
		}
		if pe > len(t) {
			pe = len(t)
		}
		if ps >= pe {
			pendingCont = false
			continue
		}
		first := len(out)
		open := -1 // byte offset of the open double mark
		openLen := 0
		singles := false
		sk := skipper{pos: [4]int{-1, -1, -1, -1}}
		for i := ps; i < pe; {
			if !markByte[t[i]] {
				i = sk.next(t, i+1, pe) // most bytes are no mark
				continue
			}
			k, n := markAt(t, i, pe)
			if n == 0 || k == mSingleOpen || k == mSingleClose || k == mSingleStraight {
				if n == 0 {
					n = 1
				}
				// Only a mark that may open a quotation makes the paragraph
				// worth a scan for single-quoted ones: an apostrophe inside a
				// word ("Korea’s", "don't") or after one cannot.
				singles = singles || k != mNone && (i == ps || t[i-1] < 0x80 && !isWordByte(t[i-1]) && t[i-1] != '.' && t[i-1] != ',' || t[i-1] >= 0x80 && leftOpen(t, ps, i))
				i += n
				continue
			}
			lo, rc := leftOpen(t, ps, i), rightClose(t, i+n, pe)
			openerCtx := lo && !rc
			closerCtx := rc && !lo
			switch k {
			case mDoubleOpen:
				if open >= 0 && closerCtx {
					out = appendQuote(out, t, open, openLen, i, n, pi, false, false)
					open = -1
				} else {
					open, openLen = i, n // a new opener; an earlier unclosed one was stray
				}
			case mDoubleClose:
				if open >= 0 {
					out = appendQuote(out, t, open, openLen, i, n, pi, false, false)
					open = -1
				} else if openerCtx {
					open, openLen = i, n // a right mark used as an opener
				}
			case mDoubleStraight:
				switch {
				case open < 0 && (openerCtx || lo && rc):
					open, openLen = i, n
				case open >= 0 && (closerCtx || lo && rc):
					out = appendQuote(out, t, open, openLen, i, n, pi, false, false)
					open = -1
				case open >= 0 && openerCtx:
					open, openLen = i, n
				}
			}
			i += n
		}
		if open >= 0 {
			out = appendQuote(out, t, open, openLen, pe, 0, pi, true, false)
		}
		if pendingCont && len(out) > first && out[first].outer.Start == ps {
			out[first].cont = true
		}
		pendingCont = open >= 0
		if singles {
			out = scanSingles(out, first, t, ps, pe, pi)
		}
	}
	return out
}

// appendQuote adds the quotation between an opening mark at o (length ol)
// and a closing mark at c (length cl; 0 when the paragraph end closes it),
// unless it holds nothing but white space.
func appendQuote(out []rawQuote, t []byte, o, ol, c, cl, para int, unclosed, single bool) []rawQuote {
	s, e := o+ol, c
	for s < e && isSpace(t[s]) {
		s++
	}
	for e > s && isSpace(t[e-1]) {
		e--
	}
	if s >= e {
		return out
	}
	return append(out, rawQuote{
		outer:  doc.Span{Start: o, End: c + cl},
		inner:  doc.Span{Start: s, End: e},
		para:   para,
		closed: !unclosed,
		single: single,
	})
}

// scanSingles finds top-level single-quoted quotations (headlines, British
// style) in the parts of the paragraph outside the double quotations
// out[first:], and inserts them in order.
func scanSingles(out []rawQuote, first int, t []byte, ps, pe, para int) []rawQuote {
	doubles := out[first:]
	var singles []rawQuote
	open, openLen := -1, 0
	di := 0
	for i := ps; i < pe; {
		for di < len(doubles) && doubles[di].outer.End <= i {
			di++
		}
		if di < len(doubles) && doubles[di].outer.Start <= i {
			// Inside a double quotation single marks are nested quotes.
			i = doubles[di].outer.End
			continue
		}
		c := t[i]
		if c != '\'' && c != 0xE2 {
			i++
			continue
		}
		k, n := markAt(t, i, pe)
		if k != mSingleOpen && k != mSingleClose && k != mSingleStraight {
			if n == 0 {
				n = 1
			}
			i += n
			continue
		}
		lo, rc := leftOpen(t, ps, i), rightClose(t, i+n, pe)
		if !lo && !rc {
			i += n // an apostrophe inside a word: Korea’s, don't
			continue
		}
		switch {
		case open < 0 && lo && !rc && k != mSingleClose && !leadingApostrophe(t, i+n, pe):
			open, openLen = i, n
		case open >= 0 && rc && !lo && k != mSingleOpen:
			if i > ps && t[i-1] == 's' && laterSingleCloser(t, i+n, pe) {
				break // "the States’ policy": a plural possessive, not the end
			}
			singles = appendQuote(singles, t, open, openLen, i, n, para, false, true)
			open = -1
		case open >= 0 && lo && !rc && k == mSingleOpen:
			open, openLen = i, n
		}
		i += n
	}
	if open >= 0 && open == ps {
		// A paragraph that opens with a single mark and never closes it is a
		// quotation running to the paragraph end.
		singles = appendQuote(singles, t, open, openLen, pe, 0, para, true, true)
	}
	if len(singles) == 0 {
		return out
	}
	// Drop double quotations nested inside a single one, then merge in order.
	merged := make([]rawQuote, 0, len(doubles)+len(singles))
	si := 0
	for _, dq := range doubles {
		for si < len(singles) && singles[si].outer.Start < dq.outer.Start {
			merged = append(merged, singles[si])
			si++
		}
		if len(merged) > 0 && merged[len(merged)-1].single && merged[len(merged)-1].outer.Contains(dq.outer) {
			continue
		}
		merged = append(merged, dq)
	}
	merged = append(merged, singles[si:]...)
	return append(out[:first], merged...)
}

// leadingApostrophe reports whether the single mark before position j is an
// apostrophe that starts a word: ’90s, 'em, 'n', 'til, 'tis, 'cause.
func leadingApostrophe(t []byte, j, pe int) bool {
	if j+1 < pe && t[j] >= '0' && t[j] <= '9' && t[j+1] >= '0' && t[j+1] <= '9' {
		return j+2 >= pe || t[j+2] == 's' || !isWordByte(t[j+2])
	}
	for _, w := range [...]string{"em", "n", "til", "tis", "twas", "cause", "bout", "round"} {
		if j+len(w) <= pe && string(t[j:j+len(w)]) == w && (j+len(w) == pe || !isWordByte(t[j+len(w)])) {
			return true
		}
	}
	return false
}

// laterSingleCloser reports whether another closing single mark follows
// in the paragraph after j, so a plural possessive "States’ " need not be
// read as the end of the quotation.
func laterSingleCloser(t []byte, j, pe int) bool {
	if j < pe && !isSpace(t[j]) {
		return false // "’," or "’." is a real end
	}
	for i := j; i < pe; i++ {
		k, n := mNone, 0
		if t[i] == '\'' || t[i] == 0xE2 {
			k, n = markAt(t, i, pe)
		}
		if (k == mSingleClose || k == mSingleStraight) && !leftOpen(t, j, i) && rightClose(t, i+n, pe) {
			return true
		}
	}
	return false
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

func isSpace(c byte) bool { return spaceByte[c] }

var spaceByte = [256]bool{' ': true, '\t': true, '\n': true, '\r': true, '\f': true, '\v': true}
