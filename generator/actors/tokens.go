package actors

import (
	"bytes"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/ascii"
	"briefgen/generator/gazetteer"
)

// token is a word or a punctuation mark of a sentence.
type token struct {
	s, e    int                 // byte span in Doc.Text; a word's span excludes a possessive ’s
	punct   rune                // the mark, for punctuation; 0 for a word
	cap     bool                // a word whose first letter is upper case
	poss    bool                // a word followed by a possessive ’s or '
	inQuote bool                // inside quotation marks
	title   bool                // a capitalized title or role word ("President", "Gen.")
	orgHead bool                // a capitalized organization head word ("Institute")
	cal     bool                // a month or weekday name
	hon     bool                // an honorific ("Mr.")
	flags   gazetteer.WordFlags // all the table says (FacilityWord, GroupWord, EastAsianWord, ...)
	given   byte                // gender of a common given name ('f', 'm', 'u'), 0 if not one
	role    int8                // gazetteer.Role of the lower-cased word, roleUnknown until asked
	starts  int8                // words of the longest gazetteer phrase starting here
}

func (t token) word() bool { return t.punct == 0 }

// classify sets the gazetteer flags of a capitalized word.
func classify(t *token, w []byte) {
	if !t.cap {
		return
	}
	wi := gazetteer.CapWord(w)
	t.title = wi.Flags&gazetteer.TitleWord != 0
	t.orgHead = wi.Flags&gazetteer.OrgHeadWord != 0
	t.cal = wi.Flags&gazetteer.CalendarWord != 0
	t.hon = wi.Flags&gazetteer.HonorificWord != 0
	t.flags = wi.Flags
	t.given = wi.Given
	t.starts = int8(min(wi.Starts, 127))
}

// abbrevs end with a period that belongs to the word. All are capitalized
// and at most four letters long (tokenize looks only such words up).
var abbrevs = setOf(abbrevWords)

const abbrevWords = `Mr Mrs Ms Dr Gen Sen Rep Gov Lt Col Adm Capt Sgt Maj Prof Rev St Jr Sr Inc Corp Co Ltd
Brig Cmdr Pres Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Mme Gens`

func isWordRune(r rune) bool {
	if generalPunct(r) {
		return false
	}
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

// generalPunct reports whether r is one of the dashes, quotation marks,
// daggers, bullets and ellipses of U+2010-U+2027, common in articles and
// neither letters, digits, marks nor spaces (a shortcut past the unicode
// tables).
func generalPunct(r rune) bool { return r >= 0x2010 && r <= 0x2027 }

func isApos(r rune) bool { return r == '\'' || r == '’' }

func decode(b []byte, i, end int) (rune, int) {
	c := b[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(b[i:end])
}

// asciiClass classes bytes below 0x80: 1 space, 2 word, 0 punctuation.
var asciiClass = func() (t [128]uint8) {
	for c := 0; c < 128; c++ {
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			t[c] = 1
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9':
			t[c] = 2
		}
	}
	return
}()

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [256]bool) {
	for c := range 128 {
		t[c] = asciiClass[c] == 2
	}
	return
}()

// wordAt reports whether a word character starts at text[i].
func wordAt(text []byte, i, end int) bool {
	if i >= end {
		return false
	}
	if c := text[i]; c < utf8.RuneSelf {
		return asciiClass[c] == 2
	}
	r, _ := utf8.DecodeRune(text[i:end])
	return isWordRune(r)
}

// tokenize appends the tokens of text[start:end] to ts. q is the quotation
// state carried across sentences of a paragraph.
func tokenize(ts []token, text []byte, start, end int, q *bool) []token {
	text = text[:end] // so that j < len(text) needs no bounds checks
	i := start
	for i < len(text) {
		c := text[i]
		var r rune
		n := 1
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case 1:
				i++
				continue
			case 0:
				if c == '"' {
					*q = !*q
				}
				ts = append(ts, token{s: i, e: i + 1, punct: rune(c), inQuote: *q})
				i++
				continue
			}
			r = rune(c)
		} else {
			r, n = utf8.DecodeRune(text[i:end])
			if !generalPunct(r) && (r == utf8.RuneError && n <= 1 || unicode.IsSpace(r) || r == 0xA0) {
				i += n
				continue
			}
			if !isWordRune(r) {
				switch r {
				case '“':
					*q = true
				case '”':
					*q = false
				}
				ts = append(ts, token{s: i, e: i + n, punct: r, inQuote: *q})
				i += n
				continue
			}
		}
		t := token{s: i, cap: r >= 'A' && r <= 'Z' || r >= utf8.RuneSelf && unicode.IsUpper(r), inQuote: *q}
		j := i + n
		dots, hyphen := false, false
	scan:
		for j < len(text) {
			c := text[j]
			if asciiWord[c] {
				j = ascii.AlnumRun(text, j+1, len(text))
				continue
			}
			if c < utf8.RuneSelf {
				switch {
				case asciiClass[c] == 2:
					j++
					continue
				case c == '-' || c == '.' || c == '&':
					if wordAt(text, j+1, end) {
						dots = dots || c == '.'
						hyphen = hyphen || c == '-'
						j++
						continue
					}
					break scan
				case c == '\'':
					n = 1
				default:
					break scan
				}
			} else {
				r, n = utf8.DecodeRune(text[j:end])
				if isWordRune(r) {
					j += n
					continue
				}
				if r != '’' {
					break
				}
			}
			// an apostrophe: inside a word ("O'Leary") or a possessive ’s
			if !wordAt(text, j+n, end) {
				break
			}
			if (text[j+n] == 's' || text[j+n] == 'S') && !wordAt(text, j+n+1, end) {
				t.poss = true
				break
			}
			j += n
		}
		t.e = j
		if hyphen && !t.cap && text[i] >= 'a' && text[i] <= 'z' {
			// "al-Assad", "bin-Salman" are capitalized names
			w := text[i:j]
			if k := bytes.IndexByte(w, '-'); k > 0 && k+1 < len(w) && particles.HasBytes(w[:k]) {
				r, _ := utf8.DecodeRune(w[k+1:])
				t.cap = unicode.IsUpper(r)
			}
		}
		if t.poss {
			_, n := decode(text, j, end)
			j += n + 1 // the ’s
		} else if j < end && text[j] == '.' {
			w := text[i:j]
			if dots || len(w) == 1 && t.cap || len(w) <= 4 && t.cap && abbrevs.HasBytes(w) {
				j++
				t.e = j
			}
		} else if j < end && text[j-1] == 's' {
			// plural possessive: "DeSantis' support"
			if r, n := decode(text, j, end); r == '\'' && !wordAt(text, j+n, end) || r == '’' && j+n < end && text[j+n] == ' ' && !*q {
				t.poss = true
				j += n
			}
		}
		if t.cap {
			classify(&t, text[t.s:t.e])
		}
		ts = append(ts, t)
		i = j
		for i < len(text) && text[i] == ' ' {
			i++
		}
	}
	return ts
}

func runeAt(b []byte, i, end int) rune {
	r, _ := decode(b, i, end)
	return r
}
