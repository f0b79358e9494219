package actors

import (
	"unicode"
	"unicode/utf8"
)

// token is a word or a punctuation mark of a sentence.
type token struct {
	s, e    int  // byte span in Doc.Text; a word's span excludes a possessive ’s
	punct   rune // the mark, for punctuation; 0 for a word
	cap     bool // a word whose first letter is upper case
	poss    bool // a word followed by a possessive ’s or '
	inQuote bool // inside quotation marks
}

func (t token) word() bool { return t.punct == 0 }

// abbrevs end with a period that belongs to the word.
var abbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "Gen": true, "Sen": true, "Rep": true, "Gov": true,
	"Lt": true, "Col": true, "Adm": true, "Capt": true, "Sgt": true, "Maj": true, "Prof": true, "Rev": true,
	"St": true, "Jr": true, "Sr": true, "Inc": true, "Corp": true, "Co": true, "Ltd": true, "Brig": true,
	"Cmdr": true, "Pres": true, "Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true, "Mme": true, "Gens": true,
}

func isWordRune(r rune) bool {
	return r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') ||
		r >= utf8.RuneSelf && r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r))
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

func decode(b []byte, i, end int) (rune, int) {
	c := b[i]
	if c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(b[i:end])
}

// tokenize appends the tokens of text[start:end] to ts. q is the quotation
// state carried across sentences of a paragraph.
func tokenize(ts []token, text []byte, start, end int, q *bool) []token {
	i := start
	for i < end {
		r, n := decode(text, i, end)
		if r == utf8.RuneError && n <= 1 || unicode.IsSpace(r) || r == 0xA0 {
			i += n
			continue
		}
		if !isWordRune(r) {
			switch r {
			case '“':
				*q = true
			case '”':
				*q = false
			case '"':
				*q = !*q
			}
			ts = append(ts, token{s: i, e: i + n, punct: r, inQuote: *q})
			i += n
			continue
		}
		t := token{s: i, cap: unicode.IsUpper(r), inQuote: *q}
		j := i + n
		dots := false
		for j < end {
			r, n := decode(text, j, end)
			if isWordRune(r) {
				j += n
				continue
			}
			if j+n < end {
				r2, n2 := decode(text, j+n, end)
				if (r == '-' || r == '.' || r == '&') && isWordRune(r2) {
					dots = dots || r == '.'
					j += n
					continue
				}
				if isApos(r) && isWordRune(r2) {
					// possessive ’s: the word ends before the apostrophe
					if (r2 == 's' || r2 == 'S') && (j+n+n2 >= end || !isWordRune(runeAt(text, j+n+n2, end))) {
						t.poss = true
						break
					}
					j += n
					continue
				}
			}
			break
		}
		t.e = j
		if t.poss {
			// skip the ’s
			_, n := decode(text, j, end)
			j += n + 1
		} else if j < end && text[j] == '.' {
			w := text[i:j]
			if dots || len(w) == 1 && t.cap || abbrevs[string(w)] {
				j++
				t.e = j
			}
		} else if j < end && j > i && (text[j-1] == 's') {
			// plural possessive: "DeSantis' support"
			if r, n := decode(text, j, end); isApos(r) && (j+n >= end || !isWordRune(runeAt(text, j+n, end))) && r != '’' || r == '’' && j+n < end && text[j+n] == ' ' && !*q {
				t.poss = true
				j += n
			}
		}
		ts = append(ts, t)
		i = j
	}
	return ts
}

func runeAt(b []byte, i, end int) rune {
	r, _ := decode(b, i, end)
	return r
}
