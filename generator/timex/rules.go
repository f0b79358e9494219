package timex

import (
	"strconv"
	"time"
)

// at tries every rule at token i and returns the expression starting there.
func (s *scanner) at(i int) (match, bool) {
	t := s.ts[i]
	switch t.kind {
	case kNum:
		return s.atNum(i)
	case kPunct:
		if t.punct == '\'' && s.isNum(i+1) && s.ts[i+1].nd == 2 && s.adj(i) && s.adj(i+1) && s.cls(i+2) == cWord && s.word(i+2) == wS {
			// '90s
			if s.word(i-1) == wThe {
				return match{}, false // taken by "the"
			}
			return s.decade(i, i+3, 1900+s.ts[i+1].val)
		}
		return match{}, false
	}
	switch t.c {
	case cMonth:
		return s.atMonth(i, i)
	case cWeekday:
		return s.atWeekday(i, i, 0)
	case cWeekdays:
		if t.cap {
			return match{i: i, j: i + 1, val: "XXXX-WXX-" + strconv.Itoa(t.val), typ: Set}, true
		}
	case cSeason:
		p := s.word(i - 1)
		if y, j, ok := s.yearAfter(i + 1); ok && (t.cap || s.word(i+1) == wOf || p == wIn || p == wDuring || p == wBy || p == wSince || p == wUntil || p == wEarly || p == wLate || p == wThe) {
			return match{i: i, j: j, val: four(y) + "-" + seasonCode(t.val), typ: Date, gran: gYear}, true
		}
	case cOrd:
		return s.atOrdinal(i, i)
	case cUnits:
		if s.word(i+1) == wAgo && t.val <= uCentury {
			return ref(i, i+2, "PAST_REF"), true // "years ago"
		}
		// "months of careful work", "years of war": a vague duration
		if s.word(i+1) == wOf && t.val != uQuarter && t.val != uWeekend && !s.isNum(i-1) && s.cls(i-1) != cNum &&
			s.word(i-1) != wThe && s.word(i-1) != wThese && s.word(i-1) != wThat && s.cls(i-1) != cOrd {
			return match{i: i, j: i + 1, val: durValue("X", t.val), typ: Duration}, true
		}
	case cUnit:
		if t.val == uSecond {
			if m, ok := s.atOrdinal(i, i); ok {
				return m, true
			}
		}
	case cWord:
		return s.atWord(i)
	}
	if m, ok := s.duration(i); ok {
		return m, true
	}
	return match{}, false
}

func seasonCode(v int) string {
	switch v {
	case sSpring:
		return "SP"
	case sSummer:
		return "SU"
	case sFall:
		return "FA"
	}
	return "WI"
}

func partCode(v int) string {
	switch v {
	case pMorning:
		return "MO"
	case pAfternoon:
		return "AF"
	case pEvening:
		return "EV"
	}
	return "NI"
}

// yearAfter reads an optional "of" / "," and a four-digit year at j.
func (s *scanner) yearAfter(j int) (int, int, bool) {
	if s.word(j) == wOf || s.isPunct(j, ',') {
		j++
	}
	if s.isNum(j) && s.ts[j].nd == 4 && !s.isPunct(j+1, '%') && !(s.isPunct(j+1, ',') && s.adj(j) && s.isNum(j+2) && s.adj(j+1)) && !(s.isPunct(j+1, '.') && s.adj(j) && s.isNum(j+2)) {
		return s.ts[j].val, j + 1, validYear(s.ts[j].val)
	}
	return 0, j, false
}

// ---- numbers

func (s *scanner) atNum(i int) (match, bool) {
	t := s.ts[i]
	// ISO 2024-11-20
	if t.nd == 4 && s.isPunct(i+1, '-') && s.adj(i) && s.isNum(i+2) && s.ts[i+2].nd == 2 && s.adj(i+1) &&
		s.isPunct(i+3, '-') && s.adj(i+2) && s.isNum(i+4) && s.ts[i+4].nd == 2 && s.adj(i+3) {
		if d, ok := mkDay(t.val, s.ts[i+2].val, s.ts[i+4].val); ok {
			return dayMatch(i, i+5, d), true
		}
		return match{}, false
	}
	// US 11/20/2024 or 7/8/07
	if t.nd <= 2 && s.isPunct(i+1, '/') && s.adj(i) && s.isNum(i+2) && s.ts[i+2].nd <= 2 && s.adj(i+1) &&
		s.isPunct(i+3, '/') && s.adj(i+2) && s.isNum(i+4) && s.adj(i+3) && (s.ts[i+4].nd == 2 || s.ts[i+4].nd == 4) {
		y := s.ts[i+4].val
		if s.ts[i+4].nd == 2 {
			if y <= 50 {
				y += 2000
			} else {
				y += 1900
			}
		}
		if d, ok := mkDay(y, t.val, s.ts[i+2].val); ok {
			return dayMatch(i, i+5, d), true
		}
		return match{}, false
	}
	// times: 3 p.m., 3:30 pm, 18:00 UTC
	if t.nd <= 2 {
		if m, ok := s.clock(i); ok {
			return m, true
		}
	}
	// "March 20 and 21": a day after a month-day date
	if t.nd <= 2 && t.val >= 1 && t.val <= 31 && len(s.found) > 0 && !s.isPunct(i+1, ':') && s.cls(i+1) != cMonth {
		if p := s.found[len(s.found)-1]; p.gran == gDay && p.typ == Date && p.j == i-1 && (s.word(i-1) == wAnd || s.word(i-1) == wTo || s.lowerIs(i-1, "or")) && s.cls(p.i) == cMonth {
			if d, ok := mkDay(p.day.Year(), int(p.day.Month()), t.val); ok && d.After(p.day) {
				return dayMatch(i, i+1, d), true
			}
		}
	}
	// "20 and 21 March": a day before a day-month date
	if t.nd <= 2 && t.val >= 1 && t.val <= 31 && (s.word(i+1) == wAnd || s.word(i+1) == wTo || s.lowerIs(i+1, "or")) &&
		s.isNum(i+2) && s.ts[i+2].nd <= 2 && s.cls(i+3) == cMonth && s.ts[i+3].cap && s.ts[i+2].val > t.val {
		if m2, ok := s.atNum(i + 2); ok && m2.gran == gDay {
			if d, ok := mkDay(m2.day.Year(), int(m2.day.Month()), t.val); ok {
				return dayMatch(i, i+1, d), true
			}
		}
	}
	// 20 November 2024, 11 December, 3rd of May
	if t.nd <= 2 && t.val >= 1 && t.val <= 31 {
		j := i + 1
		if s.word(j) == wTh && s.adj(i) {
			j++
			if s.word(j) == wOf {
				j++
			}
		}
		if s.cls(j) == cMonth && s.ts[j].cap {
			mon := s.ts[j].val
			k := j + 1
			if s.ts[j].e-s.ts[j].s <= 4 && mon != 5 && !s.lowerIs(j, "june") && !s.lowerIs(j, "july") {
				k = s.skipDot(k) // "20 Nov. 2024", not the full stop of "on 11 June."
			}
			if y, k2, ok := s.yearAfter(k); ok {
				if d, ok := mkDay(y, mon, t.val); ok {
					return dayMatch(i, k2, d), true
				}
				return match{i: i, j: k2}, true // impossible date: skip it whole
			}
			if s.ts[j].e-s.ts[j].s <= 3 && k == j+1 && s.ts[j].val != 5 {
				return match{}, false // "20 Nov" without its period is too unsure
			}
			return s.monthDay(i, k, mon, t.val)
		}
	}
	if t.nd == 4 {
		if m, ok := s.year(i); ok {
			return m, true
		}
	}
	return s.duration(i)
}

// clock reads a time of day at i: "3 p.m.", "3:30 pm", "18:00 UTC".
func (s *scanner) clock(i int) (match, bool) {
	h, mm, j := s.ts[i].val, 0, i+1
	colon := false
	if s.isPunct(j, ':') && s.adj(i) && s.isNum(j+1) && s.ts[j+1].nd == 2 && s.adj(j) {
		mm, j, colon = s.ts[j+1].val, j+2, true
	}
	if h > 24 || mm > 59 {
		return match{}, false
	}
	pm, k, ok := s.ampm(j)
	if ok {
		if h < 1 || h > 12 {
			return match{}, false
		}
		if pm && h != 12 {
			h += 12
		} else if !pm && h == 12 {
			h = 0
		}
		j = k
	} else if !colon {
		return match{}, false
	}
	zone := false
	if s.word(j) == wUTC {
		zone, j = true, j+1
	}
	if !ok && !zone && s.word(i-1) != wAt && !s.lowerIs(j, "local") && !s.lowerIs(j, "hours") {
		return match{}, false
	}
	if h == 24 {
		h = 0
	}
	return match{i: i, j: j, typ: Time, hh: h, mm: mm, zone: zone, fill: true}, true
}

// ampm reads "a.m.", "p.m.", "am", "pm" at j.
func (s *scanner) ampm(j int) (pm bool, end int, ok bool) {
	switch w := s.word(j); w {
	case wAM, wPM:
		return w == wPM, s.skipDot(j + 1), true
	}
	if s.cls(j) == cNone || s.cls(j) == cWord && s.word(j) == wA {
		a, p := s.lowerIs(j, "a"), s.lowerIs(j, "p")
		if (a || p) && s.isPunct(j+1, '.') && s.adj(j) && s.lowerIs(j+2, "m") && s.adj(j+1) {
			return p, s.skipDot(j + 3), true
		}
	}
	return false, j, false
}

// strongYearContext reports whether the word before token i introduces a year.
func (s *scanner) strongYearContext(i int) bool {
	switch s.word(i - 1) {
	case wIn, wSince, wUntil, wBy, wOf, wFrom, wBetween, wThrough, wDuring, wBefore, wAfter,
		wEarly, wLate, wMid, wThroughout:
		return true
	case wTo, wAnd:
		return s.isNum(i-2) && s.ts[i-2].nd == 4
	}
	if s.cls(i-1) == cMonth || s.cls(i-1) == cSeason {
		return true
	}
	return s.isPunct(i-1, '-') && s.isNum(i-2) && s.ts[i-2].nd == 4
}

func (s *scanner) year(i int) (match, bool) {
	t := s.ts[i]
	y := t.val
	// digit groups and decimals: 2,024 or 2024.5 or 12,2024
	if s.isPunct(i+1, ',') && s.adj(i) && s.isNum(i+2) && s.adj(i+1) ||
		s.isPunct(i+1, '.') && s.adj(i) && s.isNum(i+2) && s.adj(i+1) ||
		s.isPunct(i-1, ',') && s.adj(i-1) && s.isNum(i-2) && s.adj(i-2) ||
		s.isPunct(i-1, '.') && s.adj(i-1) && s.isNum(i-2) ||
		s.isPunct(i-1, '$') || s.isPunct(i-1, '#') || s.isPunct(i+1, '%') ||
		s.isNum(i-1) && s.adj(i-1) || s.isPunct(i-1, ':') && s.adj(i-1) {
		return match{}, false
	}
	// decade: 1990s
	if s.word(i+1) == wS && s.adj(i) {
		if y%10 == 0 {
			return s.decade(i, i+2, y)
		}
		return match{}, false
	}
	if s.word(i+1) == wNumberish {
		return match{}, false
	}
	strong := s.strongYearContext(i)
	if !strong {
		if y < 1800 || y > 2100 {
			return match{}, false
		}
		if s.word(i-1) == wNumberBefore {
			return match{}, false
		}
		if c := s.cls(i + 1); c == cUnit || c == cUnits {
			return match{}, false
		}
		if s.lowerIs(i+1, "to") && s.isNum(i+2) && s.ts[i+2].nd != 4 {
			return match{}, false
		}
	}
	if !validYear(y) || y < 1000 {
		return match{}, false
	}
	if s.lowerIs(i-1, "fiscal") || s.lowerIs(i-1, "financial") {
		// "fiscal 2024": the year the company's accounts name
		return match{i: i - 1, j: i + 1, val: four(y), typ: Date, gran: gYear}, true
	}
	return match{i: i, j: i + 1, val: four(y), typ: Date, gran: gYear}, true
}

func (s *scanner) decade(i, j, y int) (match, bool) {
	if y%10 != 0 || !validYear(y) {
		return match{}, false
	}
	v := strconv.Itoa(y / 10)
	for len(v) < 3 {
		v = "0" + v
	}
	return match{i: i, j: j, val: v, typ: Date}, true
}

// ---- months

// atMonth reads an expression whose month name is at token k; i is where
// the expression starts (before a weekday or modifier).
func (s *scanner) atMonth(i, k int) (match, bool) {
	t := s.ts[k]
	if !t.cap {
		return match{}, false
	}
	mon := t.val
	abbrev := t.e-t.s <= 4 && !s.lowerIs(k, "june") && !s.lowerIs(k, "july") && mon != 5
	j := k + 1
	if abbrev {
		j = s.skipDot(j)
	}
	// Month day[, year]
	if s.isNum(j) && s.ts[j].nd <= 2 && s.ts[j].val >= 1 && s.ts[j].val <= 31 && !(s.isPunct(j+1, ':') || s.isPunct(j+1, '/')) {
		day := s.ts[j].val
		e := j + 1
		if s.word(e) == wTh && s.adj(j) {
			e++
		}
		if s.isPunct(e, ',') && s.isNum(e+1) && s.ts[e+1].nd == 4 || s.isNum(e) && s.ts[e].nd == 4 {
			y, e2, ok := s.yearAfter(e)
			if ok {
				if d, ok := mkDay(y, mon, day); ok {
					m := dayMatch(i, e2, d)
					s.dayRangeEnd(&m, e, y, mon)
					return m, true
				}
				return match{i: i, j: e2}, true // impossible date: skip it whole
			}
		}
		m, ok := s.monthDay(i, e, mon, day)
		if ok && m.gran == gDay {
			y, _, _ := m.day.Date()
			s.dayRangeEnd(&m, e, y, mon)
		}
		return m, ok
	}
	// Month year
	if y, e, ok := s.yearAfter(j); ok {
		s.monthYear[mon] = y
		return match{i: i, j: e, val: fmtMonth(y, mon), typ: Date, gran: gMonth}, true
	}
	if abbrev && j == k+1 && t.e-t.s <= 3 && s.lowerIs(k, "mar") {
		return match{}, false
	}
	// bare month: needs context when it could be a word or a name
	prev := s.word(i - 1)
	ctx := false
	switch prev {
	case wIn, wSince, wUntil, wBy, wOf, wFrom, wBetween, wThrough, wDuring, wBefore, wAfter,
		wEarly, wLate, wMid, wLast, wNext, wThis, wThroughout, wOn, wFor, wOver:
		ctx = true
	case wAnd, wTo:
		// "between May and July", "from May to July"
		ctx = (s.cls(i-2) == cMonth || s.isNum(i-2)) &&
			!(k+1 < len(s.ts) && s.ts[k+1].kind == kWord && s.ts[k+1].cap && s.ts[k+1].c == cNone)
	}
	if i != k {
		ctx = true
	}
	if !ctx && mon == 5 {
		return match{}, false // the modal verb, or a name
	}
	if !ctx && prev != wA && prev != wThe {
		if abbrev {
			return match{}, false
		}
		// "April Smith": a name
		if k+1 < len(s.ts) && s.ts[k+1].kind == kWord && s.ts[k+1].cap && s.ts[k+1].c == cNone {
			return match{}, false
		}
		if s.isPunct(k-1, '\'') || k > 0 && s.ts[k-1].kind == kWord && s.ts[k-1].cap && s.ts[k-1].c == cNone {
			return match{}, false
		}
	}
	return s.monthOnly(i, j, mon, s.word(i-1))
}

// dayRangeEnd handles "Nov. 20-21" when the day at token e-1 is followed by
// a dash and a later day of the same month: the range end is recorded in
// End and the expression extended over it.
func (s *scanner) dayRangeEnd(m *match, e, y, mon int) {
	if m.j != e || !s.isPunct(e, '-') || !s.adj(e-1) || !s.isNum(e+1) || !s.adj(e) || s.ts[e+1].nd > 2 {
		return
	}
	d2 := s.ts[e+1].val
	if d2 <= m.day.Day() {
		return
	}
	if t, ok := mkDay(y, mon, d2); ok {
		m.end = fmtDay(t)
		m.j = e + 2
	}
}

func (s *scanner) monthOnly(i, j, mon, prev int) (match, bool) {
	if !s.hasPub {
		return match{i: i, j: j, val: "XXXX-" + two(mon), typ: Date, gran: gMonth}, true
	}
	py, pm, _ := s.pub.Date()
	y := py
	switch prev {
	case wLast:
		if mon >= int(pm) {
			y--
		}
	case wNext:
		if mon <= int(pm) {
			y++
		}
	case wThis:
	default:
		if y, ok := s.sentenceYear(i); ok {
			s.monthYear[mon] = y
			return match{i: i, j: j, val: fmtMonth(y, mon), typ: Date, gran: gMonth}, true
		}
		// one sense per article: "a cut in March" ... "priced in a cut for
		// March" are the same March
		if y := s.monthYear[mon]; y != 0 {
			return match{i: i, j: j, val: fmtMonth(y, mon), typ: Date, gran: gMonth}, true
		}
		switch s.tenseAt(i, j) {
		case 1:
			if mon < int(pm) {
				y++
			}
		case -1:
			if mon > int(pm) {
				y--
			}
		default:
			// No tense to go by ("if the gates stay closed through
			// April"): the nearer of the two, the past one when equal.
			switch d := mon - int(pm); {
			case d > 0 && d >= 6:
				y--
			case d < 0 && 12+d < -d:
				y++
			}
		}
	}
	if !validYear(y) {
		return match{}, false
	}
	s.monthYear[mon] = y
	return match{i: i, j: j, val: fmtMonth(y, mon), typ: Date, gran: gMonth}, true
}

// sentenceYear returns the year named earlier in the sentence ("the 2024
// election in November"), if there is one.
// The year must be close (a few words) with no clause break in between.
func (s *scanner) sentenceYear(i int) (int, bool) {
	if len(s.found) == 0 {
		return 0, false
	}
	m := s.found[len(s.found)-1]
	if m.gran != gYear || len(m.val) != 4 || m.mod != "" || i-m.j > 6 {
		return 0, false
	}
	for k := m.j; k < i; k++ {
		if s.ts[k].kind == kPunct || s.word(k) == wAnd || s.word(k) == wThat {
			return 0, false
		}
	}
	y, err := strconv.Atoi(m.val)
	return y, err == nil
}

// monthDay resolves a month and day without a year.
func (s *scanner) monthDay(i, j, mon, day int) (match, bool) {
	if day > daysIn(2024, mon) {
		return match{}, false
	}
	if !s.hasPub {
		return match{i: i, j: j, val: "XXXX-" + two(mon) + "-" + two(day), typ: Date}, true
	}
	if y, ok := s.sentenceYear(i); ok {
		if d, ok := mkDay(y, mon, day); ok {
			return dayMatch(i, j, d), true
		}
	}
	py := s.pub.Year()
	var prev, next time.Time
	okp, okn := false, false
	for y := py + 1; y >= py-1; y-- {
		d, ok := mkDay(y, mon, day)
		if !ok {
			continue
		}
		if !d.After(s.pub) && !okp {
			prev, okp = d, true
		}
		if !d.Before(s.pub) {
			next, okn = d, true
		}
	}
	var d time.Time
	switch {
	case !okp && !okn:
		return match{}, false
	case !okp:
		d = next
	case !okn:
		d = prev
	default:
		switch s.tenseAt(i, j) {
		case 1:
			d = next
		case -1:
			d = prev
		default:
			d = prev
			if next.Sub(s.pub) < s.pub.Sub(prev) {
				d = next
			}
		}
	}
	m := dayMatch(i, j, d)
	m.guess = true
	return m, true
}

// ---- weekdays

// atWeekday reads a weekday at k; i is where the expression starts; rel is
// -1 for "last Monday", +1 for "next Monday", 2 for "this Monday".
func (s *scanner) atWeekday(i, k, rel int) (match, bool) {
	t := s.ts[k]
	if !t.cap {
		return match{}, false
	}
	j := k + 1
	// "Tuesday, Nov. 19, 2024": the date decides
	if s.isPunct(j, ',') && s.cls(j+1) == cMonth {
		if m, ok := s.atMonth(j+1, j+1); ok && m.gran == gDay {
			m.i = i
			return m, true
		}
	}
	if s.cls(j) == cMonth {
		if m, ok := s.atMonth(j, j); ok && m.gran == gDay {
			m.i = i
			return m, true
		}
	}
	// "the Sunday Times", "Monday Night Football": names
	if n := j; n < len(s.ts) && s.ts[n].kind == kWord && s.ts[n].cap && (s.ts[n].c == cNone || s.ts[n].c == cWord) {
		return match{}, false
	}
	wd := t.val
	if s.cls(j) == cParts {
		// "Saturday afternoons": every Saturday afternoon
		return match{i: i, j: j + 1, val: "XXXX-WXX-" + strconv.Itoa(wd) + "T" + partCode(s.ts[j].val), typ: Set}, true
	}
	part := ""
	if s.cls(j) == cPart {
		part = partCode(s.ts[j].val)
		j++
	}
	if !s.hasPub {
		v := "XXXX-WXX-" + strconv.Itoa(wd)
		if part != "" {
			return match{i: i, j: j, val: v + "T" + part, typ: Time}, true
		}
		return match{i: i, j: j, val: v, typ: Date}, true
	}
	pw := int(s.pub.Weekday())
	if pw == 0 {
		pw = 7
	}
	var delta int
	switch rel {
	case -1:
		delta = -((pw-wd+6)%7 + 1)
	case 1:
		delta = (wd-pw+6)%7 + 1
	case 2:
		delta = wd - pw
	default:
		if s.tenseAt(i, j) > 0 {
			delta = (wd - pw + 7) % 7
		} else {
			delta = -((pw - wd + 7) % 7)
		}
	}
	d := s.pub.AddDate(0, 0, delta)
	if part != "" {
		return match{i: i, j: j, val: fmtDay(d) + "T" + part, typ: Time, day: d}, true
	}
	return dayMatch(i, j, d), true
}

// ---- ordinals: "first quarter", "20th century"

func (s *scanner) ordinalAt(i int) (int, int, bool) {
	if s.cls(i) == cOrd {
		return s.ts[i].val, i + 1, true
	}
	if s.cls(i) == cUnit && s.ts[i].val == uSecond {
		return 2, i + 1, true
	}
	if s.isNum(i) && s.ts[i].nd <= 2 && s.word(i+1) == wTh && s.adj(i) {
		return s.ts[i].val, i + 2, true
	}
	return 0, i, false
}

func (s *scanner) atOrdinal(i, k int) (match, bool) {
	n, j, ok := s.ordinalAt(k)
	if !ok {
		return match{}, false
	}
	if s.isPunct(j, '-') && s.adj(j-1) {
		j++
	}
	if s.cls(j) != cUnit {
		if s.lowerIs(j, "half") && n <= 2 {
			return s.period(i, j+1, "H", n, 2)
		}
		return match{}, false
	}
	switch s.ts[j].val {
	case uQuarter:
		if n < 1 || n > 4 {
			return match{}, false
		}
		return s.period(i, j+1, "Q", n, 4)
	case uCentury:
		if n < 1 || n > 100 || i == k && s.word(i-1) != wThe {
			return match{}, false
		}
		return match{i: i, j: j + 1, val: two(n - 1), typ: Date}, true
	}
	return match{}, false
}

// period resolves "the third quarter [of 2024]" and "the first half".
func (s *scanner) period(i, j int, code string, n, per int) (match, bool) {
	if s.word(j) == wOf {
		if y, e, ok := s.yearAfter(j); ok {
			return match{i: i, j: e, val: four(y) + "-" + code + strconv.Itoa(n), typ: Date, gran: gYear}, true
		}
		if m, ok := s.relUnit(j + 1); ok && m.gran == gYear && len(m.val) == 4 {
			return match{i: i, j: m.j, val: m.val + "-" + code + strconv.Itoa(n), typ: Date, gran: gYear}, true
		}
	}
	if y, e, ok := s.yearAfter(j); ok && e == j+1 {
		return match{i: i, j: e, val: four(y) + "-" + code + strconv.Itoa(n), typ: Date, gran: gYear}, true
	}
	if !s.hasPub {
		return match{i: i, j: j, val: "XXXX-" + code + strconv.Itoa(n), typ: Date}, true
	}
	y := s.pub.Year()
	cur := (int(s.pub.Month())-1)*per/12 + 1
	tense := s.tenseAt(i, j)
	if n > cur && tense < 0 {
		y--
	}
	if n < cur && tense > 0 {
		y++
	}
	return match{i: i, j: j, val: four(y) + "-" + code + strconv.Itoa(n), typ: Date, gran: gYear}, true
}
