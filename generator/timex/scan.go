package timex

import (
	"slices"
	"strconv"
	"time"

	"briefgen/generator/doc"
)

// Granularity of a resolved date (for anchoring and ranges).
const (
	gNone = iota
	gYear
	gMonth
	gDay
)

type scanner struct {
	text   []byte
	pub    time.Time // publication day at midnight UTC
	hasPub bool
	ts     []tok
	tense  []int8 // per token: the nearest tense marker before it (+1 future, -1 past)
	after  []int8 // per token: the nearest tense marker at or after it

	anchor     time.Time // the last day-precision date, for "the next day"
	anchorSent int
	hasAnchor  bool
	cur        int     // current sentence index
	found      []match // expressions found so far in the current sentence
	monthYear  [13]int // the year each month name last resolved to in the article
}

// match is one expression found in a sentence.
type match struct {
	i, j     int // token range [i, j)
	val      string
	typ      Type
	mod      string
	day      time.Time // the day, when the value has day precision
	gran     int
	hh       int // for times whose day comes from context: hour, minute, zone
	mm       int
	zone     bool
	part     string // part of day ("NI") whose day comes from context
	fill     bool   // the day is to be filled from the sentence
	guess    bool   // the year was inferred (no year written)
	rangeEnd bool
	end      string
}

func (s *scanner) sentence(out []Timex, idx, start, end int) []Timex {
	s.ts = tokenize(s.ts[:0], s.text, start, end)
	s.tense = s.tense[:0]
	s.cur = idx
	ms := s.found[:0]
	for i := 0; i < len(s.ts); {
		if t := &s.ts[i]; t.kind == kWord && (t.c == cNone || t.c == cWord && uint(t.val) < uint(len(startsWord)) && !startsWord[t.val]) || t.kind == kPunct && t.punct != '\'' {
			i++ // cannot start an expression
			continue
		}
		s.found = ms
		m, ok := s.at(i)
		if !ok || m.j <= i {
			i++
			continue
		}
		ms = append(ms, m)
		if m.gran == gDay && m.typ == Date {
			s.anchor, s.hasAnchor, s.anchorSent = m.day, true, idx
		}
		i = m.j
	}
	s.found = ms
	if len(ms) == 0 {
		return out
	}
	ms = s.joinRelYear(ms)
	ms = s.joinClockDay(ms)
	s.fillTimes(ms)
	s.linkRanges(ms)
	for _, m := range ms {
		if m.val == "" || !ValidValue(m.val) {
			continue // e.g. a date pushed past year 9999
		}
		out = append(out, Timex{
			Span:     doc.Span{Start: s.ts[m.i].s, End: s.ts[m.j-1].e},
			Value:    m.val,
			Type:     m.typ,
			Sentence: idx,
			End:      m.end,
			Mod:      m.mod,
			RangeEnd: m.rangeEnd,
		})
	}
	return out
}

// joinRelYear reads a day or month followed by a relative year as one
// date: "14 March next year", "in May last year".
func (s *scanner) joinRelYear(ms []match) []match {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) && m.typ == Date && (m.gran == gDay || m.gran == gMonth) && m.mod == "" && m.end == "" {
			o := ms[k+1]
			w := s.word(o.i)
			if o.i == m.j && o.j == o.i+2 && (w == wNext || w == wLast || w == wThis) && s.cls(o.i+1) == cUnit && s.ts[o.i+1].val == uYear && len(o.val) == 4 {
				if y, err := strconv.Atoi(o.val); err == nil {
					switch m.gran {
					case gDay:
						if d, ok := mkDay(y, int(m.day.Month()), m.day.Day()); ok {
							m = dayMatch(m.i, o.j, d)
							k++
						}
					case gMonth:
						if len(m.val) == 7 {
							m.val, m.j = four(y)+m.val[4:], o.j
							if mon, err := strconv.Atoi(m.val[5:]); err == nil && mon >= 1 && mon <= 12 {
								s.monthYear[mon] = y // "May last year" … "in May" is the same May
							}
							k++
						}
					}
				}
			}
		}
		out = append(out, m)
	}
	return out
}

// joinClockDay reads a clock time followed by its day as one TIME
// expression: "7:30 p.m. Tuesday", "10 a.m. on Thursday", "9 p.m., Nov. 3".
func (s *scanner) joinClockDay(ms []match) []match {
	out := ms[:0]
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		if k+1 < len(ms) && m.typ == Time && m.fill && m.part == "" {
			o := ms[k+1]
			gap := o.i == m.j || o.i == m.j+1 && (s.word(m.j) == wOn || s.isPunct(m.j, ','))
			if gap && o.typ == Date && o.gran == gDay && o.end == "" {
				m.j, m.day, m.fill = o.j, o.day, false
				m.val = fmtDay(o.day) + "T" + two(m.hh) + ":" + two(m.mm)
				if m.zone {
					m.val += "Z"
				}
				k++
			}
		}
		out = append(out, m)
	}
	return out
}

// fillTimes gives times without their own day the day of the sentence's
// day-precision date, or the publication date.
func (s *scanner) fillTimes(ms []match) {
	for k := range ms {
		m := &ms[k]
		if !m.fill {
			continue
		}
		day, ok := time.Time{}, false
		best := 1 << 30
		lo, hi := max(0, k-8), min(len(ms), k+9) // the nearest few are enough
		for _, o := range ms[lo:hi] {
			if o.gran == gDay && !o.fill {
				dist := o.i - m.j
				if dist < 0 {
					dist = m.i - o.j
				}
				// a date before the time gives it its day ("Tuesday in
				// Everett at 18:00 UTC"), one after only when close ("at 3
				// p.m. on the day of Tuesday"): a time heading a live-blog
				// entry keeps the publication day whatever dates follow
				if dist < best && (o.j <= m.i || dist <= 4) {
					best, day, ok = dist, o.day, true
				}
			}
		}
		prefix := "XXXX-XX-XX"
		if ok {
			prefix = fmtDay(day)
		} else if s.hasPub {
			prefix = fmtDay(s.pub)
		}
		if m.part != "" {
			m.val = prefix + "T" + m.part
		} else {
			m.val = prefix + "T" + two(m.hh) + ":" + two(m.mm)
			if m.zone {
				m.val += "Z"
			}
		}
	}
}

// linkRanges marks "from X to Y", "between X and Y" and "X-Y".
func (s *scanner) linkRanges(ms []match) {
	for k := 0; k+1 < len(ms); k++ {
		a, b := &ms[k], &ms[k+1]
		if a.typ != Date || b.typ != Date || a.gran == gNone || b.gran == gNone || b.i != a.j+1 {
			continue
		}
		w := s.word(a.j)
		before := s.word(a.i - 1)
		ok := false
		switch {
		case s.isPunct(a.j, '-'):
			ok = a.gran == b.gran
		case w == wTo || w == wThrough || w == wUntil:
			ok = before == wFrom || a.gran == b.gran && before != wTo
		case w == wAnd:
			ok = before == wBetween
		}
		if ok && a.guess && !b.guess && a.gran == gDay && b.gran == gDay {
			// "from Nov. 18 to Nov. 19, 2024": the start takes the end's year
			if d, good := mkDay(b.day.Year(), int(a.day.Month()), a.day.Day()); good && !d.After(b.day) {
				*a = dayMatch(a.i, a.j, d)
			}
		}
		if ok && b.val >= a.val {
			a.end = b.val
			b.rangeEnd = true
			k++
		}
	}
}

// ---- token helpers

func (s *scanner) word(i int) int {
	if i < 0 || i >= len(s.ts) || s.ts[i].kind != kWord || s.ts[i].c != cWord {
		return -1
	}
	return s.ts[i].val
}

func (s *scanner) cls(i int) class {
	if i < 0 || i >= len(s.ts) || s.ts[i].kind != kWord {
		return cNone
	}
	return s.ts[i].c
}

func (s *scanner) isPunct(i int, c byte) bool {
	return i >= 0 && i < len(s.ts) && s.ts[i].kind == kPunct && s.ts[i].punct == c
}

func (s *scanner) isNum(i int) bool { return i >= 0 && i < len(s.ts) && s.ts[i].kind == kNum }

// adj reports whether tokens i and i+1 touch.
func (s *scanner) adj(i int) bool {
	return i >= 0 && i+1 < len(s.ts) && s.ts[i].e == s.ts[i+1].s
}

func (s *scanner) lowerIs(i int, w string) bool {
	if i < 0 || i >= len(s.ts) {
		return false
	}
	b := s.text[s.ts[i].s:s.ts[i].e]
	if len(b) != len(w) {
		return false
	}
	for k := range b {
		c := b[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[k] {
			return false
		}
	}
	return true
}

// skipDot skips an abbreviation's period right after token i-1.
func (s *scanner) skipDot(j int) int {
	if s.isPunct(j, '.') && s.adj(j-1) {
		return j + 1
	}
	return j
}

// ---- tense

// tenseAt returns +1 when the nearest tense marker around tokens [i, j) points
// to the future, -1 when it points to the past, 0 when there is none.
func (s *scanner) tenseAt(i, j int) int {
	if len(s.tense) != len(s.ts) {
		// tense[k] is the nearest marker before token k, else the nearest
		// from k on: one pass each way keeps this linear however many
		// expressions the sentence holds.
		s.tense = slices.Grow(s.tense[:0], len(s.ts))[:len(s.ts)]
		s.after = slices.Grow(s.after[:0], len(s.ts))[:len(s.ts)]
		// A quotation mark is a wall: the tense of "she said" does not
		// reach the dates inside “… to arrive in April.”
		var last int8
		for k := range s.ts {
			if s.isPunct(k, '"') {
				last = 0
			}
			s.tense[k] = last
			m := s.marker(k)
			s.after[k] = m // each token's own marker, read by the backward pass
			if m != 0 {
				last = m
			}
		}
		last = 0
		for k := len(s.ts) - 1; k >= 0; k-- {
			if s.isPunct(k, '"') {
				last = 0
			}
			if m := s.after[k]; m != 0 {
				last = m
			}
			s.after[k] = last
		}
	}
	// The verb that governs a date usually comes before it ("told VOA on
	// Wednesday", "will meet on Tuesday"); look there first.
	if i >= 0 && i < len(s.tense) && s.tense[i] != 0 {
		if s.tense[i] == present {
			return 0
		}
		return int(s.tense[i])
	}
	if j >= 0 && j < len(s.after) && s.after[j] != present {
		return int(s.after[j])
	}
	return 0
}

// pastEed reports whether a word in -eed is a past form ("agreed",
// "decreed", "guaranteed", "freed"), not "need", "speed" or "proceed".
func pastEed(b []byte) bool {
	n := len(b)
	if n < 5 {
		return false
	}
	switch string(b[n-4:]) {
	case "reed", "teed":
		return n < 7 || string(b[n-7:]) != "proceed" // agreed, decreed, guaranteed, freed
	}
	return false
}

// present is the marker of a clause in the present tense ("and takes
// office on March 15"): it hides the tense of an earlier clause.
const present int8 = 2

func (s *scanner) marker(k int) int8 {
	t := s.ts[k]
	if t.kind != kWord {
		return 0
	}
	// "to" after a verb of intent points ahead: "agreed to meet in May",
	// "committed to resuming talks by September".
	if t.c == cWord && t.val == wTo && k > 0 && s.intentVerb(k-1) {
		return 1
	}
	if t.c == cNone && k > 0 && s.text[t.e-1] == 's' {
		switch {
		case s.word(k-1) == wAnd, s.lowerIs(k-1, "but"), s.lowerIs(k-1, "who"), s.lowerIs(k-1, "which"):
			if s.presentVerb(k) {
				return present
			}
		}
	}
	if t.c == cWord {
		switch t.val {
		case wWill, wFutMark, wComing, wNext:
			return 1
		case wPastMark:
			if s.lowerIs(k, "set") {
				if s.word(k+1) == wTo {
					return 1
				}
				return 0
			}
			return s.participle(k)
		case wTomorrow:
			return 1
		case wYesterday, wAgo:
			return -1
		case wUntil:
			// "postponed the vote until the autumn": the new date is ahead
			for b := k - 1; b >= 0 && b >= k-10; b-- {
				if s.deferVerb(b) {
					return 1
				}
			}
		}
		return 0
	}
	if t.c == cMonth && t.val == 5 && !t.cap {
		return 1 // the modal "may"
	}
	if t.c != cNone {
		return 0
	}
	b := s.text[t.s:t.e]
	n := len(b)
	if n > 4 && b[n-2] == 'e' && b[n-1] == 'd' && (b[n-3] != 'e' || pastEed(b)) && !s.lowerIs(k, "hundred") {
		return s.participle(k)
	}
	return 0
}

// intentVerb reports whether token k is a verb of intent or agreement
// whose "to" looks ahead: agree, plan, promise, pledge, vow, commit, aim,
// intend, hope, want, decide, expect, prepare, threaten.
func (s *scanner) intentVerb(k int) bool {
	t := s.ts[k]
	if t.kind != kWord || t.e-t.s < 3 {
		return false
	}
	b := s.text[t.s:t.e]
	for _, stem := range [...]string{"agree", "plan", "promis", "pledg", "vow", "commit", "aim", "intend",
		"hope", "want", "decide", "expect", "prepar", "threaten", "schedul", "set"} {
		if len(b) >= len(stem) && len(b) <= len(stem)+4 && string(b[:len(stem)]) == stem {
			return true
		}
	}
	return false
}

// presentVerb reports whether the lower-case word at k looks like a verb
// in the third person present ("takes", "says", "plans"): a word ending in
// -s after a conjunction or relative pronoun (checked by the caller).
func (s *scanner) presentVerb(k int) bool {
	t := s.ts[k]
	b := s.text[t.s:t.e]
	if t.cap || len(b) < 4 || b[len(b)-1] != 's' || b[len(b)-2] == 's' || b[len(b)-2] == 'u' {
		return false
	}
	return !s.lowerIs(k, "was") && !s.lowerIs(k, "has") && !s.lowerIs(k, "its") && !s.lowerIs(k, "this")
}

// deferVerb reports whether token k is a verb that moves an event later:
// postpone, delay, defer, adjourn, reschedule, extend, suspend.
func (s *scanner) deferVerb(k int) bool {
	t := s.ts[k]
	if t.kind != kWord || t.e-t.s < 3 {
		return false
	}
	b := s.text[t.s:t.e]
	for _, stem := range [...]string{"postpon", "delay", "defer", "adjourn", "reschedul", "extend", "suspend", "push", "put"} {
		if len(b) >= len(stem) && string(b[:len(stem)]) == stem {
			if stem == "push" || stem == "put" {
				// "pushed back", "put off"
				return k+1 < len(s.ts) && (s.lowerIs(k+1, "back") || s.lowerIs(k+1, "off"))
			}
			return true
		}
	}
	return false
}

// participle gives the tense of a past form at k: past, unless it is a
// participle after "to be" (future: "to be held") or after another
// auxiliary (no tense of its own: "is expected").
func (s *scanner) participle(k int) int8 {
	// "a paid tier", "the revised plan": an adjective after a determiner
	if k > 0 && s.determinerAt(k-1) && !s.lowerIs(k-1, "that") {
		return 0
	}
	if p := s.word(k - 1); p == wBe || p == wWill {
		if s.lowerIs(k-1, "be") && s.word(k-2) == wTo {
			return 1
		}
		return 0
	}
	// "stay closed", "remain shut", "got married": an adjective after a
	// linking verb, no tense of its own
	for _, l := range [...]string{"stay", "stays", "remain", "remains", "keep", "keeps", "get", "gets", "become", "becomes", "seem", "seems"} {
		if s.lowerIs(k-1, l) {
			return 0
		}
	}
	return -1
}

// ---- value formatting

func two(n int) string {
	if n < 10 && n >= 0 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func four(y int) string {
	s := strconv.Itoa(y)
	for len(s) < 4 {
		s = "0" + s
	}
	return s
}

func fmtDay(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return four(y) + "-" + two(int(m)) + "-" + two(d)
	}
	// the common case in one allocation: month and day are always 1-12 and 1-31
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

func fmtMonth(y, m int) string { return four(y) + "-" + two(m) }

func fmtWeek(t time.Time) string {
	y, w := t.ISOWeek()
	return four(y) + "-W" + two(w)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

func validYear(y int) bool { return y >= 1 && y <= 9999 }

func mkDay(y, m, d int) (time.Time, bool) {
	if !validYear(y) || m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return time.Time{}, false
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), true
}

func dayMatch(i, j int, t time.Time) match {
	return match{i: i, j: j, val: fmtDay(t), typ: Date, day: t, gran: gDay}
}

func (s *scanner) pubDay(i, j, delta int) match {
	if !s.hasPub {
		switch {
		case delta < 0:
			return match{i: i, j: j, val: "PAST_REF", typ: Date}
		case delta > 0:
			return match{i: i, j: j, val: "FUTURE_REF", typ: Date}
		}
		return match{i: i, j: j, val: "PRESENT_REF", typ: Date}
	}
	return dayMatch(i, j, s.pub.AddDate(0, 0, delta))
}

func ref(i, j int, v string) match { return match{i: i, j: j, val: v, typ: Date} }
