package events

import (
	"bytes"
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/ascii"
	"briefgen/generator/doc"
	"briefgen/generator/timex"
)

// maxWords is the length a summary is cut to when its first clause is long.
const maxWords = 25

// datePhrase is the span to remove from the sentence for timex t: the
// expression, the end of its range, and the preposition before it.
// A possessive date ("Monday's caucus") becomes "the" ("the caucus").
func datePhrase(text []byte, sp doc.Span, t timex.Timex, ts []timex.Timex, lo, hi int) cut {
	c := t.Span
	for _, p := range []string{"'s", "’s"} {
		if c.End+len(p) <= sp.End && string(text[c.End:c.End+len(p)]) == p {
			c.End += len(p)
			return cut{c, "the"}
		}
	}
	if t.End != "" {
		for k := lo; k < hi; k++ {
			if ts[k].RangeEnd && ts[k].Span.Start >= c.End && ts[k].Span.Start-c.End < 16 {
				c.End = ts[k].Span.End
				break
			}
		}
	}
	// "on March 20 and 21", "on Thursday and Friday": coordinated dates go
	// together, so neither summary keeps a dangling "and".
	for k := lo; k < hi; k++ {
		o := ts[k].Span
		if o.Start >= c.End && coordinated(text, c.End, o.Start) {
			c.End = o.End
		}
	}
	for k := hi - 1; k >= lo; k-- {
		o := ts[k].Span
		if o.End <= c.Start && coordinated(text, o.End, c.Start) {
			c.Start = o.Start
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
	var lb [16]byte // the word before, lower-cased without allocating
	before := ascii.AppendLower(lb[:0], text[j:i])
	switch string(before) {
	case "for", "as", "of", "than", "to", "into", "after", "before", "with", "like", "about", "around",
		"the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "s", "till", "ended", "ending", "dated":
		// the date is an object ("a cut for March", "as soon as May", "the
		// 2024 election"): removing it would break the sentence
		if !(strings.EqualFold(string(text[j:i]), "of") && j >= sp.Start+3 && strings.EqualFold(string(text[j-3:j-1]), "as")) {
			return cut{}
		}
	}
	switch string(before) {
	case "on", "in", "at", "by", "during", "since", "from", "until", "between", "through", "throughout":
		c.Start = j
		return cut{c, ""}
	case "of":
		// "as of February"
		k := j
		for k > sp.Start && text[k-1] == ' ' {
			k--
		}
		if k >= sp.Start+2 && strings.EqualFold(string(text[k-2:k]), "as") && (k-2 == sp.Start || !isWordByte(text[k-3])) {
			c.Start = k - 2
			return cut{c, ""}
		}
	}
	// Without a preposition, only adverbial dates go: "warned Tuesday",
	// "said Nov. 20", "last week", "Earlier this month". A bare year, month
	// or decade is usually an object ("spent the 1970s in exile").
	if len(t.Value) >= len("2006-01-02") || strings.Contains(t.Value, "-W") || adverbial(text[t.Span.Start:t.Span.End]) {
		return cut{c, ""}
	}
	return cut{}
}

// coordinated reports whether text[a:b] is " and ", " or " or ", ".
func coordinated(text []byte, a, b int) bool {
	switch string(text[a:b]) {
	case " and ", " or ", ", ", " & ":
		return true
	}
	return false
}

// adverbial reports whether a date phrase begins with a word that makes it
// an adverb of time on its own.
func adverbial(b []byte) bool {
	k := 0
	for k < len(b) && isWordByte(b[k]) {
		k++
	}
	var lb [16]byte
	switch string(ascii.AppendLower(lb[:0], b[:k])) {
	case "last", "next", "this", "earlier", "later", "early", "late", "mid", "today", "yesterday", "tomorrow", "tonight":
		return true
	}
	return false
}

// cut is a span to remove from a sentence, and what to put in its place.
type cut struct {
	doc.Span
	repl string
}

func isWordByte(b byte) bool {
	return 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || '0' <= b && b <= '9' || b >= 0x80
}

var captionPrefixes = []string{"FILE - ", "FILE – ", "FILE — ", "FILE PHOTO - ", "FILE PHOTO: ", "FILE PHOTO ", "FILE: ", "Photo: ", "Caption: "}

// clauseOf narrows a sentence that opens with a quotation to the clause
// of the date: in "“...,” said Joseph DeTrani, who served as envoy from 2003
// to 2006." the happening is the envoy's service, not the quotation. A
// clause opened by ", who" gets the name before it as its subject.
func clauseOf(text []byte, sp, date doc.Span) (doc.Span, string) {
	s := text[sp.Start:sp.End]
	t := bytes.TrimLeft(s, " ")
	if !bytes.HasPrefix(t, []byte("“")) && !bytes.HasPrefix(t, []byte("\"")) {
		return sp, ""
	}
	best, subj := -1, ""
	for _, b := range [...]string{"; ", " — ", " – ", ", which ", ", who ", ", where ", ", while "} {
		from := 0
		for {
			k := bytes.Index(s[from:], []byte(b))
			if k < 0 {
				break
			}
			k += from
			from = k + len(b)
			if sp.Start+k+len(b) > date.Start || k <= best {
				continue
			}
			best, subj = k+len(b), ""
			if b == ", who " {
				best = k + 2
				subj = nameBefore(string(s[:k]))
				if subj != "" {
					best = k + len(b)
				}
			}
		}
	}
	if best < 0 {
		return sp, ""
	}
	return doc.Span{Start: sp.Start + best, End: sp.End}, subj
}

// nameBefore returns the capitalized words at the end of s ("said Joseph
// DeTrani" -> "Joseph DeTrani").
func nameBefore(s string) string {
	f := strings.Fields(s)
	k := len(f)
	for k > 0 && startsUpper(f[k-1]) && !strings.ContainsAny(f[k-1], "“”\",") {
		k--
	}
	if k == len(f) {
		return ""
	}
	return strings.Join(f[k:], " ")
}

// summarize returns the sentence sp without the cut spans, tidied and
// shortened to a statement of at most about maxWords words.
func summarize(text []byte, sp, date doc.Span, cuts []cut) string {
	subj := ""
	sp, subj = clauseOf(text, sp, date)
	var s string
	if c := cuts; subj == "" && len(c) == 1 && c[0].repl == "" && c[0].Start >= sp.Start && c[0].End <= sp.End && c[0].Start < c[0].End {
		// the common case, one date phrase out: one string built
		s = cutOut(text[sp.Start:sp.End], c[0].Start-sp.Start, c[0].End-sp.Start)
		cuts = nil
	} else {
		s = string(text[sp.Start:sp.End])
	}
	if subj != "" {
		s = subj + " " + s
		// cuts are relative to the sentence: shift them past the subject
		shift := len(subj) + 1
		for k := range cuts {
			cuts[k].Start, cuts[k].End = cuts[k].Start+shift, cuts[k].End+shift
		}
		sp = doc.Span{Start: sp.Start, End: sp.End + shift}
	}
	// remove cuts from the last to the first
	for k := len(cuts) - 1; k >= 0; k-- {
		c := cuts[k]
		if c.Start < sp.Start || c.End > sp.End || c.Start >= c.End {
			continue
		}
		a, b := c.Start-sp.Start, c.End-sp.Start
		before, after := strings.TrimRight(s[:a], " \t\n"), strings.TrimLeft(s[b:], " \t\n")
		if c.repl != "" {
			f := strings.Fields(before)
			if n := len(f); n > 0 {
				switch strings.ToLower(f[n-1]) {
				case "the", "a", "an", "this", "that":
					s = before + " " + after
					continue
				}
			}
			s = before + " " + c.repl + " " + after
			continue
		}
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
	s = stripDateline(s)
	s = stripCredit(s)
	s = tidy(s)
	return shorten(s)
}

// cutOut returns b without b[a:e], joined as the loop of summarize joins
// the text around a cut without replacement, in one allocation.
func cutOut(b []byte, a, e int) string {
	before, after := bytes.TrimRight(b[:a], " \t\n"), bytes.TrimLeft(b[e:], " \t\n")
	switch {
	case len(bytes.TrimLeft(before, " “\"")) == 0 || bytes.HasSuffix(before, []byte("—")) || bytes.HasSuffix(before, []byte(":")):
		after = bytes.TrimLeft(bytes.TrimPrefix(after, []byte(",")), " ")
	case bytes.HasSuffix(before, []byte(",")) && (len(after) == 0 || after[0] == ',' || after[0] == '.' || after[0] == ';'):
		before = before[:len(before)-1]
	}
	// A one-byte string holds one of ",.;:!?)”’\"" only if it is ASCII.
	if len(after) == 0 || after[0] < utf8.RuneSelf && strings.IndexByte(",.;:!?)\"", after[0]) >= 0 {
		var sb strings.Builder
		sb.Grow(len(before) + len(after))
		sb.Write(before)
		sb.Write(after)
		return sb.String()
	}
	return string(before) + " " + string(after)
}

var tidyPairs = [][2]string{{" ,", ","}, {" .", "."}, {" ;", ";"}, {",,", ","}, {", .", "."}, {",.", "."}, {"( )", ""}, {"()", ""}}

// stripDateline removes a wire dateline: "WASHINGTON — ", "SEOUL, South
// Korea (AP) — ", "BEIJING - ".
func stripDateline(s string) string {
	head := s[:min(len(s), 64)] // a dateline is short
	for _, dash := range [...]string{" — ", " – ", " - ", " -- "} {
		k := strings.Index(head, dash)
		if k <= 0 || k > 60 {
			continue
		}
		head := s[:k]
		upper := 0
		for _, r := range head {
			if unicode.IsLower(r) && !strings.Contains(head, "(") {
				// "SEOUL, South Korea" has lower-case letters: allow them
				// after a comma only
				if !strings.Contains(head, ",") {
					return s
				}
			}
			if unicode.IsUpper(r) {
				upper++
			}
		}
		f := strings.Fields(strings.Split(head, ",")[0])
		if upper >= 3 && len(f) > 0 && strings.ToUpper(f[0]) == f[0] {
			return s[k+len(dash):]
		}
	}
	return s
}

// stripCredit removes a photo credit at the end of a caption: "(AP
// Photo/Eraldo Peres)", "(Reuters)".
func stripCredit(s string) string {
	t := strings.TrimRight(s, " .")
	if !strings.HasSuffix(t, ")") {
		return s
	}
	k := strings.LastIndexByte(t, '(')
	if k < 0 {
		return s
	}
	in := t[k+1 : len(t)-1]
	if strings.Contains(in, "Photo") || strings.Contains(in, "photo") || in == "AP" || in == "Reuters" || in == "AFP" || strings.HasPrefix(in, "Credit") {
		return strings.TrimRight(t[:k], " .") + "."
	}
	return s
}

// tidy collapses white space and stray spaces before punctuation, and starts
// the statement with a capital letter.
func tidy(s string) string {
	if untidy(s) {
		if strings.Contains(s, "  ") || strings.ContainsAny(s, "\n\t\r") {
			s = strings.Join(strings.Fields(s), " ")
		}
		for _, p := range tidyPairs {
			if strings.Contains(s, p[0]) {
				s = strings.ReplaceAll(s, p[0], p[1])
			}
		}
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

// untidy reports whether s holds anything tidy collapses: a run of
// blanks, a newline, tab or carriage return, or one of tidyPairs. One pass
// over the bytes instead of a search per pattern.
func untidy(s string) bool {
	for i := 0; i < len(s); i++ {
		if !tidyLead[s[i]] {
			continue
		}
		switch s[i] {
		case '\n', '\t', '\r':
			return true
		case ' ':
			if i+1 < len(s) {
				switch s[i+1] {
				case ' ', ',', '.', ';':
					return true
				}
			}
		case ',':
			if i+1 < len(s) && (s[i+1] == ',' || s[i+1] == '.' || s[i+1] == ' ' && i+2 < len(s) && s[i+2] == '.') {
				return true
			}
		case '(':
			if i+1 < len(s) && (s[i+1] == ')' || s[i+1] == ' ' && i+2 < len(s) && s[i+2] == ')') {
				return true
			}
		}
	}
	return false
}

// tidyLead marks the bytes untidy looks at.
var tidyLead = [256]bool{'\n': true, '\t': true, '\r': true, ' ': true, ',': true, '(': true}

// clause boundaries, strongest first
var strongBreaks = []string{"; ", " — ", " – ", " -- ", ", which ", ", who ", ", where ", ", while ", ", but ", ", as ", ", saying ", ", according to ", ", and "}
var weakBreaks = []string{", "}

// firstBreak returns the offset of the first of the breaks in s, starting
// at most at lim, with 6 to maxWords words before it (starts are the word
// starts of s[:lim]), or -1. With weak, a break that ends an introductory
// phrase does not count. One pass over s: of a break that does not count,
// the next occurrence is looked for after its end, as a search from there
// would.
func firstBreak(s string, lim int, starts []int, breaks []string, weak bool) int {
	var from [16]int // per break: where its next occurrence may start
	if len(breaks) > len(from) {
		panic("events: too many clause breaks")
	}
	n := 0 // words before k
	// A break starts with ", " or "; ", or with a blank before a dash
	// (" — ", " – ", " -- "). The loop stops at the rarer bytes only: the
	// comma or semicolon, or the dash, whose break starts a byte earlier.
	stop := min(lim+2, len(s)) // i <= lim+1 && i < len(s)
	for i := 0; i < stop; i++ {
		if i = nextBreakLead(s, i, stop); i >= stop {
			break
		}
		c := s[i]
		k := i
		if c == ',' || c == ';' {
			if i > lim || i+1 >= len(s) || s[i+1] != ' ' {
				continue
			}
		} else {
			if i == 0 || s[i-1] != ' ' {
				continue
			}
			k, c = i-1, ' '
		}
		for n < len(starts) && starts[n] < k {
			n++
		}
		if n > maxWords {
			return -1
		}
		for x, b := range breaks {
			if k < from[x] || b[0] != c || !strings.HasPrefix(s[k:], b) {
				continue
			}
			if n >= 6 && !(weak && intro(s[:k])) {
				return k
			}
			from[x] = k + len(b)
		}
	}
	return -1
}

// nextBreakLead returns the offset of the first byte of s[i:stop] that
// breakLead marks, or stop; eight bytes at a time.
func nextBreakLead(s string, i, stop int) int {
	for ; i+8 <= stop; i += 8 {
		x := load64(s, i)
		if m := zeroBytes(x^','*swarOnes) | zeroBytes(x^';'*swarOnes) | zeroBytes(x^0xE2*swarOnes) | zeroBytes(x^'-'*swarOnes); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for i < stop && !breakLead[s[i]] {
		i++
	}
	return i
}

// breakLead marks the bytes firstBreak stops at: the comma and semicolon
// of a break, and the first byte of a dash after its blank ("—" and "–"
// begin with 0xE2).
var breakLead = [256]bool{',': true, ';': true, 0xE2: true, '-': true}

// dangling words cannot end a statement.
var dangling = map[string]bool{"and": true, "or": true, "but": true, "that": true, "to": true, "of": true, "in": true,
	"on": true, "at": true, "with": true, "for": true, "the": true, "a": true, "an": true, "which": true, "who": true,
	"by": true, "from": true, "as": true, "while": true, "when": true, "where": true}

// introWords begin an introductory phrase ("At a press conference in
// Brasilia, Xi said ..."), whose comma is not the end of the first clause.
var introWords = map[string]bool{"at": true, "in": true, "on": true, "during": true, "after": true, "before": true,
	"while": true, "despite": true, "as": true, "with": true, "for": true, "from": true, "since": true,
	"following": true, "amid": true, "under": true, "over": true, "ahead": true, "until": true, "by": true,
	"through": true, "within": true, "without": true, "among": true, "against": true, "speaking": true, "when": true}

// intro reports whether s (the text before a comma) is an introductory phrase.
func intro(s string) bool {
	if strings.IndexByte(s, ',') >= 0 {
		return false
	}
	f := firstField(strings.TrimLeft(s, "“\""))
	return f != "" && introWords[strings.ToLower(f)]
}

// firstField returns the first of strings.Fields(s) without splitting the
// rest.
func firstField(s string) string {
	i := 0
	for i < len(s) {
		r, n := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		if !unicode.IsSpace(r) {
			break
		}
		i += n
	}
	j := i
	for j < len(s) {
		r, n := rune(s[j]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(s[j:])
		}
		if unicode.IsSpace(r) {
			break
		}
		j += n
	}
	return s[i:j]
}

// dropAppositives removes ", a fellow at X," and ", spokesperson for Y,"
// after a name when the sentence goes on with its verb ("Liu Pengyu,
// spokesperson for the Chinese Embassy, told VOA" -> "Liu Pengyu told VOA").
func dropAppositives(s string) string {
	from := 0
	for {
		k := strings.Index(s[from:], ", ")
		if k < 0 {
			return s
		}
		k += from
		from = k + 2
		// the word before must be capitalized (a name)
		b := k
		for b > 0 && s[b-1] != ' ' {
			b--
		}
		if b == k || !startsUpper(s[b:k]) {
			continue
		}
		e := strings.Index(s[k+2:], ", ")
		if e < 0 {
			return s
		}
		e += k + 2
		seg := s[k+2 : e]
		if wordsUpTo(seg, 13) > 12 || strings.ContainsAny(seg, "“”\";") {
			continue
		}
		r, _ := utf8.DecodeRuneInString(seg)
		if !unicode.IsLower(r) {
			continue
		}
		rest := s[e+2:]
		r2, _ := utf8.DecodeRuneInString(rest)
		if !unicode.IsLower(r2) || strings.HasPrefix(rest, "and ") || strings.HasPrefix(rest, "or ") {
			continue
		}
		s = s[:k] + " " + rest
		from = k
	}
}

// shorten cuts s to its first clause when it is longer than maxWords words,
// and ends it cleanly: no dangling comma, a final period, balanced quotes.
func shorten(s string) string {
	var lb [16]byte // a word lower-cased for a map lookup without allocating
	long := wordsUpTo(s, maxWords+1) > maxWords
	if long {
		s = dropAppositives(s)
		long = wordsUpTo(s, maxWords+1) > maxWords
	}
	if long {
		// a break after word maxWords is no use: search only before it.
		// Word counts before a break come from the word starts, found
		// once with the start of word maxWords+1, the limit.
		var buf [maxWords + 1]int
		lim := len(s)
		k := firstWordStarts(buf[:], s)
		if k > maxWords {
			lim = buf[maxWords]
		}
		starts := buf[:min(k, maxWords)]
		cut := firstBreak(s, lim, starts, strongBreaks, false)
		if cut < 0 {
			cut = firstBreak(s, lim, starts, weakBreaks, true)
		}
		switch {
		case cut >= 0:
			s = s[:cut]
		case wordsUpTo(s, maxWords+8) <= maxWords+7:
			// a little long, but whole
		default:
			f := strings.Fields(s)[:maxWords]
			for len(f) > 1 && dangling[string(ascii.AppendLower(lb[:0], strings.TrimRight(f[len(f)-1], ",;:")))] {
				f = f[:len(f)-1]
			}
			s = strings.TrimRight(strings.Join(f, " "), ",;:") + " …"
		}
	}
	for {
		s = strings.TrimRight(s, " ,;:—–-")
		k := strings.LastIndexByte(s, ' ')
		if k < 0 || !dangling[string(ascii.AppendLower(lb[:0], s[k+1:]))] {
			break
		}
		s = s[:k]
	}
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

// firstWordStarts writes the byte offsets where the first len(buf) words
// of s start to buf and returns how many it wrote (fewer when s has fewer
// words). As wordsUpTo, it counts without branching on word edges: the
// offset is written at every byte and kept only where a word starts.
func firstWordStarts(buf []int, s string) int {
	if len(buf) == 0 {
		return 0
	}
	n, after := 0, uint8(1)
	for i := 0; i < len(s); i++ {
		nb := nonBlank[s[i]]
		buf[n] = i
		n += int(nb & after)
		if n == len(buf) {
			return n
		}
		after = nb ^ 1
	}
	return n
}

// words counts the blank-separated words of s.
func words(s string) int {
	return wordsUpTo(s, len(s))
}

// wordsUpTo counts the blank-separated words of s, but stops at limit.
func wordsUpTo(s string, limit int) int {
	// Eight bytes at a time: a word starts at a non-blank byte after a
	// blank one (or at the start of s); the starts of a word of eight bytes
	// are counted at once, without a branch on word edges.
	limit = max(limit, 1)
	n, i := 0, 0
	after := uint64(1) // the byte before was blank
	for ; i+8 <= len(s); i += 8 {
		x := load64(s, i)
		var b uint64
		if (x-0x20*swarOnes)&^x&swarHigh == 0 {
			b = zeroBytes(x ^ ' '*swarOnes) // no byte below 0x20: the blanks are spaces
		} else {
			b = blankBytes(x)
		}
		n += bits.OnesCount64(^b & (b<<8 | after<<7) & swarHigh)
		if n >= limit {
			return limit
		}
		after = b >> 63
	}
	a := uint8(after)
	for ; i < len(s); i++ {
		nb := nonBlank[s[i]]
		n += int(nb & a)
		if n >= limit {
			return n
		}
		a = nb ^ 1
	}
	return n
}

const (
	swarOnes = 0x0101010101010101
	swarHigh = 0x8080808080808080
)

// load64 returns the eight bytes of s at i as a little-endian number.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// blankBytes returns x with the high bit set of each of its bytes that is
// blank (space, newline, tab, return), and no other bit.
func blankBytes(x uint64) uint64 {
	return zeroBytes(x^' '*swarOnes) | zeroBytes(x^'\n'*swarOnes) | zeroBytes(x^'\t'*swarOnes) | zeroBytes(x^'\r'*swarOnes)
}

// zeroBytes returns the high bit of each byte of v that is zero. Exact:
// the sum of a byte's low seven bits and 0x7f carries into no other byte.
func zeroBytes(v uint64) uint64 {
	return ^((v&^swarHigh + 0x7f*swarOnes) | v) & swarHigh
}

// nonBlank is 1 for the bytes blank does not mark, 0 for those it does.
var nonBlank = func() (t [256]uint8) {
	for c := range t {
		if !blank[c] {
			t[c] = 1
		}
	}
	return
}()

// blank marks the bytes that separate words: space, newline, tab, return.
var blank = [256]bool{' ': true, '\n': true, '\t': true, '\r': true}
