package events

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
	"briefgen/generator/timex"
)

// maxWords is the length a summary is cut to when its first clause is long.
const maxWords = 25

// datePhrase is the span to remove from the sentence for timex t: the
// expression, the end of its range, and the preposition before it.
func datePhrase(text []byte, sp doc.Span, t timex.Timex, ts []timex.Timex, lo, hi int) doc.Span {
	c := t.Span
	if t.End != "" {
		for k := lo; k < hi; k++ {
			if ts[k].RangeEnd && ts[k].Span.Start >= c.End && ts[k].Span.Start-c.End < 16 {
				c.End = ts[k].Span.End
				break
			}
		}
	}
	// the word before
	i := c.Start
	for i > sp.Start && text[i-1] == ' ' {
		i--
	}
	j := i
	for j > sp.Start && isWordByte(text[j-1]) {
		j--
	}
	switch strings.ToLower(string(text[j:i])) {
	case "on", "in", "at", "by", "during", "since", "from", "until", "between", "through", "throughout":
		c.Start = j
		if strings.ToLower(string(text[j:i])) == "of" {
			break
		}
	case "of":
		// "as of February"
		k := j
		for k > sp.Start && text[k-1] == ' ' {
			k--
		}
		if k >= sp.Start+2 && strings.EqualFold(string(text[k-2:k]), "as") && (k-2 == sp.Start || !isWordByte(text[k-3])) {
			c.Start = k - 2
		}
	}
	return c
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80
}

var captionPrefixes = []string{"FILE - ", "FILE – ", "FILE — ", "FILE PHOTO - ", "FILE PHOTO: ", "FILE PHOTO ", "FILE: ", "Photo: ", "Caption: "}

// summarize returns the sentence sp without the cut spans, tidied and
// shortened to a statement of at most about maxWords words.
func summarize(text []byte, sp doc.Span, cuts []doc.Span) string {
	s := string(text[sp.Start:sp.End])
	// remove cuts from the last to the first
	for k := len(cuts) - 1; k >= 0; k-- {
		c := cuts[k]
		if c.Start < sp.Start || c.End > sp.End || c.Start >= c.End {
			continue
		}
		a, b := c.Start-sp.Start, c.End-sp.Start
		before, after := strings.TrimRight(s[:a], " \t\n"), strings.TrimLeft(s[b:], " \t\n")
		switch {
		case strings.TrimLeft(before, " “\"") == "" || strings.HasSuffix(before, "—") || strings.HasSuffix(before, ":"):
			after = strings.TrimLeft(strings.TrimPrefix(after, ","), " ")
		case strings.HasSuffix(before, ",") && (after == "" || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ".") || strings.HasPrefix(after, ";")):
			before = strings.TrimSuffix(before, ",")
		}
		if after == "" || strings.ContainsAny(after[:1], ",.;:!?)”’\"") {
			s = before + after
		} else {
			s = before + " " + after
		}
	}
	for _, p := range captionPrefixes {
		if strings.HasPrefix(s, p) {
			s = s[len(p):]
			break
		}
	}
	s = tidy(s)
	return shorten(s)
}

// tidy collapses white space and stray spaces before punctuation, and starts
// the statement with a capital letter.
func tidy(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	for _, p := range [][2]string{{" ,", ","}, {" .", "."}, {" ;", ";"}, {",,", ","}, {", .", "."}, {",.", "."}, {"( )", ""}, {"()", ""}} {
		s = strings.ReplaceAll(s, p[0], p[1])
	}
	s = strings.TrimLeft(s, " ,;:")
	if s == "" {
		return s
	}
	// upper-case the first letter (after an opening quotation mark)
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsLetter(r) {
			if unicode.IsLower(r) {
				s = s[:i] + string(unicode.ToUpper(r)) + s[i+n:]
			}
			break
		}
		if r != '“' && r != '"' && r != '‘' && r != '\'' {
			break
		}
		i += n
	}
	return s
}

// clause boundaries, strongest first
var strongBreaks = []string{"; ", " — ", " – ", " -- ", ", which ", ", who ", ", where ", ", while ", ", but ", ", as ", ", saying ", ", according to ", ", and "}
var weakBreaks = []string{" that ", ", "}

// shorten cuts s to its first clause when it is longer than maxWords words,
// and ends it cleanly: no dangling comma, a final period, balanced quotes.
func shorten(s string) string {
	if words(s) > maxWords {
		cut := -1
		for _, set := range [][]string{strongBreaks, weakBreaks} {
			for _, b := range set {
				from := 0
				for {
					k := strings.Index(s[from:], b)
					if k < 0 {
						break
					}
					k += from
					if n := words(s[:k]); n >= 6 && n <= maxWords && (cut < 0 || k < cut) {
						cut = k
						break
					}
					from = k + len(b)
					if words(s[:k]) > maxWords {
						break
					}
				}
			}
			if cut >= 0 {
				break
			}
		}
		if cut >= 0 {
			s = s[:cut]
		} else {
			f := strings.Fields(s)
			s = strings.Join(f[:maxWords], " ") + " …"
		}
	}
	s = strings.TrimRight(s, " ,;:—–-")
	if s == "" {
		return s
	}
	if o, c := strings.Count(s, "“"), strings.Count(s, "”"); o > c {
		s += "”"
	} else if strings.Count(s, "\"")%2 == 1 {
		s += "\""
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?…", last) {
		return s
	}
	if (last == '”' || last == '"') && len(s) > 1 {
		prev, _ := utf8.DecodeLastRuneInString(strings.TrimRight(s[:len(s)-utf8.RuneLen(last)], ""))
		if strings.ContainsRune(".!?…,", prev) {
			return s
		}
	}
	return s + "."
}

func words(s string) int { return len(strings.Fields(s)) }
