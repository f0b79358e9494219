package events

import (
	"bytes"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
	"briefgen/generator/gazetteer"
)

// groupings are the bodies whose meetings news calls by the body's name
// alone ("at the G20", "at APEC").
var groupings = map[string]bool{
	"G20": true, "G7": true, "G8": true, "APEC": true, "BRICS": true, "ASEAN": true, "SCO": true,
	"NATO": true, "CHOGM": true, "Quad": true, "GCC": true, "CELAC": true, "Mercosur": true, "OPEC": true,
}

// canonical spellings of grouping names
var canonical = map[string]string{
	"G-20": "G20", "Group of 20": "G20", "Group of Twenty": "G20", "G-7": "G7", "Group of Seven": "G7",
	"Group of 7": "G7", "G-8": "G8", "Group of Eight": "G8",
}

// eventWords make a name a meeting ("the Munich Security Conference").
var eventWords = map[string]bool{
	"summit": true, "meeting": true, "meetings": true, "conference": true, "forum": true, "talks": true,
	"summits": true, "session": true, "assembly": true, "congress": true, "convention": true, "games": true,
	"olympics": true, "festival": true,
}

// summitNames collects the names an article writes before "summit" ("the
// APEC summit"), so that a bare "at APEC" is recognized as that summit.
func summitNames(d *doc.Doc) map[string]bool {
	m := map[string]bool{}
	t := d.Text
	for _, p := range d.Paragraphs {
		s := clamp(p.Span, len(t))
		seg := t[s.Start:s.End]
		off := 0
		for {
			k := indexFold(seg[off:], "summit")
			if k < 0 {
				break
			}
			k += off
			off = k + 6
			e := k
			for e > 0 && seg[e-1] == ' ' {
				e--
			}
			b := e
			for b > 0 && (isWordByte(seg[b-1]) || seg[b-1] == '-') {
				b--
			}
			if w := string(seg[b:e]); w != "" && startsUpper(w) {
				m[canon(w)] = true
			}
		}
	}
	return m
}

// indexFold is the index of the first occurrence of the lower-case ASCII
// word w in b with its first letter in either case ("summit", "Summit"),
// or -1. The rest of the word is found by the vectorized bytes.Index.
func indexFold(b []byte, w string) int {
	if len(w) < 2 {
		for i, c := range b {
			if len(w) == 0 || c|0x20 == w[0] {
				return i
			}
		}
		return -1
	}
	for off := 0; off < len(b); {
		k := bytes.Index(b[off:], []byte(w[1:]))
		if k < 0 {
			return -1
		}
		k += off
		if k > 0 && b[k-1]|0x20 == w[0] {
			return k - 1
		}
		off = k + 1
	}
	return -1
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

func canon(w string) string {
	if c, ok := canonical[w]; ok {
		return c
	}
	return w
}

// word is one blank-separated word of a sentence, with its core (without
// surrounding punctuation) and whether punctuation ends a phrase after it.
type word struct {
	off   int // byte offset of the word in the sentence
	core  string
	stop  bool // ends with , ; : . or a closing bracket or quote
	start bool // starts with an opening bracket or quote
	kind  byte // which of the venue cue words the core is, case-folded (kindAt, ...), or 0
}

// the venue cue words findVenue looks for
const (
	kindSidelines = 1 + iota
	kindOf
	kindAt
	kindDuring
	kindIn
)

// cueKind tells which venue cue word w is, case-folded, or 0.
func cueKind(w string) byte {
	switch len(w) {
	case 2:
		switch {
		case eqFold(w, "in"):
			return kindIn
		case eqFold(w, "at"):
			return kindAt
		case eqFold(w, "of"):
			return kindOf
		}
	case 6:
		if eqFold(w, "during") {
			return kindDuring
		}
	case 9:
		if eqFold(w, "sidelines") {
			return kindSidelines
		}
	}
	if len(w) > 2 && !isASCII(w) {
		// a non-ASCII fold ("ſ" for "s", "K" for "k") makes a longer word
		switch {
		case strings.EqualFold(w, "in"):
			return kindIn
		case strings.EqualFold(w, "at"):
			return kindAt
		case strings.EqualFold(w, "of"):
			return kindOf
		case strings.EqualFold(w, "during"):
			return kindDuring
		case strings.EqualFold(w, "sidelines"):
			return kindSidelines
		}
	}
	return 0
}

// splitWords appends the words of b to ws[:0].
func splitWords(ws []word, b []byte) []word {
	s := string(b) // one copy; words are substrings of it
	ws = ws[:0]
	for i := 0; i < len(s); {
		if blank[s[i]] {
			i++
			continue
		}
		j, high := i, byte(0)
		for j < len(s) && !blank[s[j]] {
			high |= s[j]
			j++
		}
		f := s[i:j]
		off := i
		i = j
		core := f
		if c := f[0]; c == '(' || c == '[' || c == '"' || c == '\'' || c == 0xE2 {
			core = trimOpeners(f)
		}
		w := word{off: off, start: len(core) != len(f)}
		trimmed := core
		if len(core) > 0 {
			switch core[len(core)-1] {
			case ',', ';', ':', '.', ')', ']', '"', '\'', '!', '?', 0x9D, 0x99: // ” and ’ end in 0x9D, 0x99
				trimmed = trimClosers(core)
			}
		}
		if len(trimmed) != len(core) {
			// keep the period of an abbreviation like "U.N." or "D.C."
			if strings.HasSuffix(core, ".") && strings.Count(trimmed, ".") > 0 && len(core)-len(trimmed) == 1 {
				trimmed = core
			} else {
				w.stop = true
			}
		}
		if n := len(trimmed); n > 1 && trimmed[n-1] == 's' {
			trimmed = strings.TrimSuffix(strings.TrimSuffix(trimmed, "’s"), "'s")
		}
		w.core = trimmed
		if n := len(trimmed); n == 2 || n == 6 || n == 9 || n > 2 && high >= utf8.RuneSelf {
			w.kind = cueKind(trimmed)
		}
		ws = append(ws, w)
	}
	return ws
}

// trimOpeners removes opening brackets and quotation marks from the start
// of f: ( [ " ' “ ‘.
func trimOpeners(f string) string {
	for len(f) > 0 {
		switch {
		case f[0] == '(' || f[0] == '[' || f[0] == '"' || f[0] == '\'':
			f = f[1:]
		case strings.HasPrefix(f, "“") || strings.HasPrefix(f, "‘"):
			f = f[3:]
		default:
			return f
		}
	}
	return f
}

// trimClosers removes closing punctuation from the end of f: , ; : . ) ]
// " ' ! ? ” ’.
func trimClosers(f string) string {
	for len(f) > 0 {
		switch c := f[len(f)-1]; {
		case c == ',' || c == ';' || c == ':' || c == '.' || c == ')' || c == ']' || c == '"' || c == '\'' || c == '!' || c == '?':
			f = f[:len(f)-1]
		case strings.HasSuffix(f, "”") || strings.HasSuffix(f, "’"):
			f = f[:len(f)-3]
		default:
			return f
		}
	}
	return f
}

// namePhrase reads a capitalized name at ws[k:], after an optional article:
// the name, whether it ends in an event word, and where it stops.
func namePhrase(ws []word, k int) (name string, event bool, end int) {
	if k < len(ws) {
		switch strings.ToLower(ws[k].core) {
		case "the", "a", "an", "this", "last", "next":
			k++
		}
	}
	var parts []string
	j := k
	for j < len(ws) && len(parts) < 8 {
		c := ws[j].core
		if c == "" {
			break
		}
		switch {
		case startsUpper(c):
			parts = append(parts, c)
		case len(parts) > 0 && (c == "of" || c == "de" || c == "da" || c == "do" || c == "for" || c == "on") && j+1 < len(ws) && startsUpper(ws[j+1].core) && !ws[j].stop:
			parts = append(parts, c)
		case len(parts) > 0 && eventWords[strings.ToLower(c)]:
			parts = append(parts, c)
			j++
			return strings.Join(parts, " "), true, j
		default:
			goto done
		}
		j++
		if ws[j-1].stop {
			break
		}
	}
done:
	if len(parts) == 0 {
		return "", false, k
	}
	if eventWords[strings.ToLower(parts[len(parts)-1])] && len(parts) > 1 {
		event = true
	}
	return strings.Join(parts, " "), event, j
}

// findVenue returns the normalized venue of a sentence, or "": a named
// meeting or summit if the sentence has one, else a city ("in Brasilia");
// of several, the one nearest to the date at byte offset at.
func findVenue(ws []word, at int, groups map[string]bool) string {
	named, city := "", ""
	nd, cd := -1, -1
	near := func(k int, best *int) bool {
		d := ws[k].off - at
		if d < 0 {
			d = -d
		}
		if *best < 0 || d < *best {
			*best = d
			return true
		}
		return false
	}
	// only the words around the date: a venue is named near its happening,
	// and a run-on sentence with many dates stays linear
	c := sort.Search(len(ws), func(k int) bool { return ws[k].off >= at })
	for k := max(0, c-60); k < min(len(ws), c+60); k++ {
		switch kind := ws[k].kind; {
		case kind == 0:
		case kind == kindSidelines && k+1 < len(ws) && ws[k+1].kind == kindOf && !ws[k].stop:
			if name, ev, _ := namePhrase(ws, k+2); name != "" && near(k, &nd) {
				named = normalize(name, ev, groups)
			}
		case (kind == kindAt || kind == kindDuring) && !ws[k].stop:
			if name, ev, _ := namePhrase(ws, k+1); name != "" {
				head := name
				if ev {
					head = name[:strings.LastIndexByte(name, ' ')]
				}
				if (ev || groupings[canon(head)] || groups[canon(head)]) && near(k, &nd) {
					named = normalize(name, ev, groups)
				}
			}
		case kind == kindIn && !ws[k].stop:
			if c := cityAt(ws, k+1); c != "" && near(k, &cd) {
				city = c
			}
		}
	}
	if named != "" {
		return named
	}
	return city
}

// eqFold is strings.EqualFold(w, lit) for a lower-case ASCII word lit,
// without decoding runes when w is ASCII. A word of another length can only
// match through a non-ASCII fold ("ſ" for "s", "K" for "k").
func eqFold(w, lit string) bool {
	if len(w) != len(lit) {
		return len(w) > len(lit) && !isASCII(w) && strings.EqualFold(w, lit)
	}
	for i := 0; i < len(w); i++ {
		if w[i]|0x20 != lit[i] {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// cityAt returns the city named at ws[k:] ("Rio de Janeiro"), or "".
func cityAt(ws []word, k int) string {
	var parts []string
	for j := k; j < len(ws) && len(parts) < 4; j++ {
		c := ws[j].core
		if c == "" || !(startsUpper(c) || len(parts) > 0 && (c == "de" || c == "da" || c == "do")) {
			break
		}
		parts = append(parts, c)
		if ws[j].stop {
			break
		}
	}
	for n := len(parts); n > 0; n-- {
		if strings.Contains("de da do", parts[n-1]) {
			continue
		}
		if e, ok := gazetteer.Lookup(strings.Join(parts[:n], " ")); ok && e.Class == gazetteer.City {
			if e.Name != "" {
				return e.Name
			}
			return strings.Join(parts[:n], " ")
		}
	}
	return ""
}

// normalize turns a venue name as written into its normalized form: "G20",
// "the G20 Summit" -> "G20 summit"; "APEC" -> "APEC summit"; proper names
// of meetings ("Munich Security Conference") are kept.
func normalize(name string, event bool, groups map[string]bool) string {
	name = strings.TrimPrefix(name, "the ")
	head, ev := name, ""
	if event {
		k := strings.LastIndexByte(name, ' ')
		head, ev = name[:k], name[k+1:]
	}
	head = canon(head)
	group := groupings[head] || groups[head] || isAcronym(head)
	switch {
	case !event && (groupings[head] || groups[head]):
		return head + " summit"
	case event && group:
		return head + " " + strings.ToLower(ev)
	case event:
		return head + " " + ev
	}
	return head
}

func isAcronym(s string) bool {
	if s == "" || len(s) > 8 {
		return false
	}
	up := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r):
			up++
		case unicode.IsDigit(r) || r == '-' || r == '.':
		default:
			return false
		}
	}
	return up > 0
}

// stopKey are words a venue key leaves out, so that "G20", "the G20 summit"
// and "G-20 Summit" share one key.
var stopKey = map[string]bool{"the": true, "summit": true, "summits": true, "meeting": true, "meetings": true,
	"conference": true, "talks": true, "forum": true, "leaders": true, "annual": true}

// VenueKey returns the key under which venues are merged across articles:
// lower case, accents folded, punctuation and the generic words (summit,
// meeting, ...) removed, words joined by "-". "G20 summit", "the G-20
// Summit" and "G20" share a key; "Brasília" and "Brasilia" too.
//
// A known organization is keyed by its canonical name, so "APEC summit" and
// "Asia-Pacific Economic Cooperation summit" share a key.
func VenueKey(venue string) string {
	venue = strings.TrimPrefix(strings.TrimSpace(venue), "the ")
	head, tail := venue, ""
	for {
		k := strings.LastIndexByte(head, ' ')
		if k < 0 || !stopKey[strings.ToLower(head[k+1:])] {
			break
		}
		head, tail = head[:k], head[k:]+tail
	}
	if e, ok := gazetteer.Lookup(head); ok && e.Class == gazetteer.Org && e.Name != "" {
		venue = e.Name + tail
	}
	for from, to := range canonical {
		if strings.Contains(venue, from) {
			venue = strings.ReplaceAll(venue, from, to)
		}
	}
	var b strings.Builder
	for _, r := range venue {
		switch {
		case r == '.' || r == '-' || r == '\'' || r == '’':
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(fold(unicode.ToLower(r)))
		default:
			b.WriteByte(' ')
		}
	}
	all := strings.Fields(b.String())
	var kept []string
	for _, w := range all {
		if !stopKey[w] {
			kept = append(kept, w)
		}
	}
	if len(kept) == 0 {
		kept = all
	}
	return strings.Join(kept, "-")
}

// fold maps accented Latin letters to their base letter.
func fold(r rune) rune {
	if r < 0xC0 {
		return r
	}
	switch {
	case strings.ContainsRune("àáâãäåā", r):
		return 'a'
	case strings.ContainsRune("èéêëē", r):
		return 'e'
	case strings.ContainsRune("ìíîïī", r):
		return 'i'
	case strings.ContainsRune("òóôõöøō", r):
		return 'o'
	case strings.ContainsRune("ùúûüū", r):
		return 'u'
	case r == 'ç':
		return 'c'
	case r == 'ñ':
		return 'n'
	case r == 'ý' || r == 'ÿ':
		return 'y'
	}
	return r
}
