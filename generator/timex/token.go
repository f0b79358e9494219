package timex

import (
	"unicode"
	"unicode/utf8"

	"briefgen/generator/ascii"
)

// Token kinds.
const (
	kWord = iota + 1
	kNum
	kPunct
)

// tok is one token of a sentence. s and e are offsets into the document.
type tok struct {
	s, e  int
	kind  uint8
	cap   bool  // a word starting with an upper-case letter
	c     class // lexicon class of a word
	val   int   // lexicon value of a word, value of a number (-1 if too long)
	nd    int   // digits in a number
	punct byte  // punctuation: '-' for every dash, '\'' for apostrophes, else the byte
}

// tokenize appends the tokens of text[start:end] to ts. Offsets refer to
// text. Spaces are not tokens; adjacency is tokens[i].e == tokens[i+1].s.
func tokenize(ts []tok, text []byte, start, end int) []tok {
	i := start
	for i < end {
		c := text[i]
		switch tokByte[c] {
		case tbSpace:
			i++
		case tbDigit:
			j, v, nd := i, 0, 0
			for j < end && '0' <= text[j] && text[j] <= '9' {
				if nd < 9 {
					v = v*10 + int(text[j]-'0')
				}
				nd++
				j++
			}
			if nd > 9 {
				v = -1
			}
			ts = append(ts, tok{s: i, e: j, kind: kNum, val: v, nd: nd})
			i = j
		case tbLetter:
			j := ascii.LetterRun(text, i+1, end) // the ASCII letters; the loop goes on past other letters
			for j < end {
				b := text[j]
				if b < utf8.RuneSelf {
					if tokByte[b] != tbLetter {
						break
					}
					j++
					continue
				}
				r, n := utf8.DecodeRune(text[j:end])
				if r == utf8.RuneError || !unicode.IsLetter(r) {
					break
				}
				j += n
			}
			t := tok{s: i, e: j, kind: kWord, cap: 'A' <= c && c <= 'Z'}
			// lookup's own filter, here where it is inlined: most words
			// are no lexicon word and cost no call
			if n := j - i; n <= 16 && maybe[c|0x20-'a'][second(text[i:j])]&(1<<n) != 0 {
				l := lookup(text[i:j])
				t.c, t.val = l.c, int(l.val)
			}
			ts = append(ts, t)
			i = j
		case tbPunct:
			ts = append(ts, tok{s: i, e: i + 1, kind: kPunct, punct: c})
			i++
		default:
			r, n := utf8.DecodeRune(text[i:end])
			if r != utf8.RuneError && unicode.IsLetter(r) {
				j := i + n
				for j < end {
					r2, n2 := utf8.DecodeRune(text[j:end])
					if r2 == utf8.RuneError || !(unicode.IsLetter(r2) || r2 < utf8.RuneSelf && ascii.IsLetter(byte(r2))) {
						break
					}
					j += n2
				}
				ts = append(ts, tok{s: i, e: j, kind: kWord, cap: unicode.IsUpper(r)})
				i = j
				continue
			}
			if r == unicode.ReplacementChar || unicode.IsSpace(r) {
				i += n
				continue
			}
			p := byte('?')
			switch r {
			case '–', '—', '‐', '‑', '−':
				p = '-'
			case '’', '‘', 'ʼ':
				p = '\''
			case '“', '”':
				p = '"'
			}
			ts = append(ts, tok{s: i, e: i + n, kind: kPunct, punct: p})
			i += n
		}
	}
	return ts
}

// Byte classes for tokenize.
const (
	tbHigh   = iota // the first byte of a multi-byte rune (or an invalid byte)
	tbSpace         // ASCII white space
	tbDigit         // 0-9
	tbLetter        // an ASCII letter
	tbPunct         // any other ASCII byte
)

var tokByte [256]uint8

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		switch b := byte(c); {
		case b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v':
			tokByte[c] = tbSpace
		case '0' <= b && b <= '9':
			tokByte[c] = tbDigit
		case ascii.IsLetter(b):
			tokByte[c] = tbLetter
		default:
			tokByte[c] = tbPunct
		}
	}
}
