package timex

import (
	"strconv"
	"time"
)

func unitCode(u int) (string, bool) {
	switch u {
	case uDay:
		return "D", false
	case uWeek:
		return "W", false
	case uMonth:
		return "M", false
	case uYear:
		return "Y", false
	case uDecade:
		return "DE", false
	case uCentury:
		return "CE", false
	case uQuarter:
		return "Q", false
	case uWeekend:
		return "WE", false
	case uHour:
		return "H", true
	case uMinute:
		return "M", true
	case uSecond:
		return "S", true
	}
	return "", false
}

func durValue(n string, u int) string {
	c, t := unitCode(u)
	if t {
		return "PT" + n + c
	}
	return "P" + n + c
}

// countAt reads a count at i: "3", "1.5", "1,000", "two", "twenty-five",
// "two and a half", "a", "a few", "several", "a couple of". n is "X" when
// the count is vague; one is true for "a"/"an".
func (s *scanner) countAt(i int) (n string, j int, one, ok bool) {
	j = i
	switch {
	case s.isNum(i):
		t := s.ts[i]
		if t.val < 0 || s.isPunct(i-1, ',') && s.adj(i-1) || s.isPunct(i-1, '.') && s.adj(i-1) || s.isNum(i-1) && s.adj(i-1) || s.isPunct(i-1, '$') {
			return "", i, false, false
		}
		v := t.val
		j = i + 1
		for s.isPunct(j, ',') && s.adj(j-1) && s.isNum(j+1) && s.ts[j+1].nd == 3 && s.adj(j) {
			v = v*1000 + s.ts[j+1].val
			j += 2
			if v > 1e8 {
				return "", i, false, false
			}
		}
		n = strconv.Itoa(v)
		if s.isPunct(j, '.') && s.adj(j-1) && s.isNum(j+1) && s.adj(j) && s.ts[j+1].val >= 0 {
			frac := string(s.text[s.ts[j+1].s:s.ts[j+1].e])
			if len(frac) > 3 {
				return "", i, false, false
			}
			n += "." + frac
			j += 2
		}
	case s.cls(i) == cNum:
		v := s.ts[i].val
		j = i + 1
		if v >= 20 && v < 100 {
			k := j
			if s.isPunct(k, '-') && s.adj(k-1) {
				k++
			}
			if s.cls(k) == cNum && s.ts[k].val >= 1 && s.ts[k].val <= 9 {
				v += s.ts[k].val
				j = k + 1
			}
		}
		n = strconv.Itoa(v)
	default:
		switch s.word(i) {
		case wA:
			j = i + 1
			switch s.word(j) {
			case wFew:
				return "X", j + 1, false, true
			case wCouple:
				j++
				if s.word(j) == wOf {
					j++
				}
				return "X", j, false, true
			}
			return "1", j, true, true
		case wSeveral, wFew, wMany, wSome:
			return "X", i + 1, false, true
		}
		return "", i, false, false
	}
	// "two and a half"
	if s.word(j) == wAnd && s.word(j+1) == wA && s.lowerIs(j+2, "half") && !stringsHasDot(n) {
		n += ".5"
		j += 3
	}
	return n, j, false, true
}

func stringsHasDot(n string) bool {
	for i := 0; i < len(n); i++ {
		if n[i] == '.' {
			return true
		}
	}
	return false
}

// duration reads "three years", "27-year", "a week", "several months",
// "two days ago" at i.
func (s *scanner) duration(i int) (match, bool) {
	n, j, one, ok := s.countAt(i)
	if !ok {
		return match{}, false
	}
	hy := false
	if s.isPunct(j, '-') && s.adj(j-1) && s.adj(j) {
		j++
		hy = true
	}
	c := s.cls(j)
	if c != cUnit && c != cUnits {
		return match{}, false
	}
	u := s.ts[j].val
	if one && (c == cUnits || u == uSecond) || u == uWeekend && !hy {
		return match{}, false
	}
	j++
	if s.word(j) == wAgo {
		return s.ago(i, j+1, n, u), true
	}
	if s.word(j) == wFrom && s.word(j+1) == wNow {
		return s.fromNow(i, j+2, n, u), true
	}
	if w := s.word(j); (w == wEarlier || w == wLater) && !hy && u <= uYear && !s.lowerIs(j+1, "than") {
		// "two days later", "a year earlier": from the date just named
		if k, err := strconv.Atoi(n); err == nil && k <= 1000 {
			if w == wEarlier {
				k = -k
			}
			return s.anchored(i, j+1, u, k), true
		}
	}
	// "once a year" is read whole by atWord
	if one && (s.word(i-1) == wOnce || s.word(i-1) == wTwice) {
		return match{}, false
	}
	// "three times a week", "$42,000 a year", "20 minutes a day", "500
	// barrels a day": a rate, every year
	if one && c == cUnit && s.word(i) == wA && s.rateBefore(i) {
		return match{i: i, j: j, val: durValue("1", u), typ: Set}, true
	}
	if u == uQuarter && n != "X" {
		// "three quarters" of something is rarely time
		if c == cUnits && s.word(j) == wOf {
			return match{}, false
		}
	}
	return match{i: i, j: j, val: durValue(n, u), typ: Duration}, true
}

// determinerAt reports whether token i opens a noun phrase: "the", "a",
// "its", "her" ...
func (s *scanner) determinerAt(i int) bool {
	if w := s.word(i); w == wThe || w == wA || w == wThis || w == wThat || w == wThese {
		return true
	}
	for _, d := range [...]string{"its", "his", "her", "their", "our", "my", "your", "those", "new"} {
		if s.lowerIs(i, d) {
			return true
		}
	}
	return false
}

// rateBefore reports whether the token before i is a quantity that "a
// year" or "a day" after it turns into a rate: a number, a percentage,
// "times", a unit ("20 minutes a day") or a counted noun ("500 barrels").
func (s *scanner) rateBefore(i int) bool {
	p := i - 1
	switch {
	case p < 0:
		return false
	case s.isNum(p), s.isPunct(p, '%'), s.lowerIs(p, "times"), s.cls(p) == cUnits:
		return true
	case s.ts[p].kind == kWord && (s.ts[p].c == cNone || s.word(p) == wNumberish) && !s.ts[p].cap && s.isNum(p-1):
		b := s.text[s.ts[p].s:s.ts[p].e]
		return len(b) > 2 && b[len(b)-1] == 's'
	}
	return false
}

func (s *scanner) ago(i, j int, n string, u int) match {
	k, err := strconv.Atoi(n)
	if err != nil || !s.hasPub || k > 5000 {
		return ref(i, j, "PAST_REF")
	}
	return s.shift(i, j, u, -k)
}

func (s *scanner) fromNow(i, j int, n string, u int) match {
	k, err := strconv.Atoi(n)
	if err != nil || !s.hasPub || k > 5000 {
		return ref(i, j, "FUTURE_REF")
	}
	return s.shift(i, j, u, k)
}

// shift returns the date k units from base (the publication date).
func (s *scanner) shift(i, j, u, k int) match {
	return s.shiftFrom(i, j, s.pub, u, k)
}

func (s *scanner) shiftFrom(i, j int, base time.Time, u, k int) match {
	y, mo, _ := base.Date()
	switch u {
	case uDay:
		return dayMatch(i, j, base.AddDate(0, 0, k))
	case uWeek:
		return match{i: i, j: j, val: fmtWeek(base.AddDate(0, 0, 7*k)), typ: Date}
	case uWeekend:
		return match{i: i, j: j, val: fmtWeek(base.AddDate(0, 0, 7*k)) + "-WE", typ: Date}
	case uMonth:
		t := time.Date(y, mo+time.Month(k), 1, 0, 0, 0, 0, time.UTC)
		if !validYear(t.Year()) {
			return outOfRange(i, j, k)
		}
		return match{i: i, j: j, val: fmtMonth(t.Year(), int(t.Month())), typ: Date, gran: gMonth}
	case uYear:
		if !validYear(y + k) {
			return outOfRange(i, j, k)
		}
		return match{i: i, j: j, val: four(y + k), typ: Date, gran: gYear}
	case uQuarter:
		q := (y*4 + (int(mo)-1)/3) + k
		if !validYear(q / 4) {
			return outOfRange(i, j, k)
		}
		return match{i: i, j: j, val: four(q/4) + "-Q" + strconv.Itoa(q%4+1), typ: Date, gran: gYear}
	case uDecade:
		d := y/10 + k
		if d < 0 || d > 999 {
			return outOfRange(i, j, k)
		}
		v := strconv.Itoa(d)
		for len(v) < 3 {
			v = "0" + v
		}
		return match{i: i, j: j, val: v, typ: Date}
	case uCentury:
		c := y/100 + k
		if c < 0 || c > 99 {
			return outOfRange(i, j, k)
		}
		return match{i: i, j: j, val: two(c), typ: Date}
	case uHour, uMinute, uSecond:
		return dayMatch(i, j, base)
	}
	return outOfRange(i, j, k)
}

// outOfRange is the value of a relative date that falls outside years
// 1-9999.
func outOfRange(i, j, k int) match {
	switch {
	case k < 0:
		return ref(i, j, "PAST_REF")
	case k > 0:
		return ref(i, j, "FUTURE_REF")
	}
	return ref(i, j, "PRESENT_REF")
}

// relUnit reads "this week", "last year", "next month", "last Tuesday",
// "this summer", "last night", "this morning" at i.
func (s *scanner) relUnit(i int) (match, bool) {
	w := s.word(i)
	rel := 0
	switch w {
	case wThis:
		rel = 0
	case wLast, wPrevious:
		rel = -1
	case wNext, wComing:
		rel = 1
	case wPast:
		rel = -1
	default:
		return match{}, false
	}
	j := i + 1
	if w == wThis {
		switch s.word(j) {
		case wPast:
			rel, j = -1, j+1
		case wComing:
			rel, j = 1, j+1
		}
	}
	if s.isNum(j) || s.word(j) == wFew || s.word(j) == wSeveral || s.word(j) == wCouple {
		// "the past 24 hours", "the last few years"
		if m, ok := s.duration(j); ok && m.typ == Duration {
			m.i = i
			return m, true
		}
		return match{}, false
	}
	switch s.cls(j) {
	case cUnit:
		u := s.ts[j].val
		if (w == wPast || w == wComing || w == wPrevious || s.word(i-1) == wThe) && !(u == uQuarter && rel < 0) {
			if u == uDay || u == uWeekend {
				return match{}, false
			}
			return match{i: i, j: j + 1, val: durValue("1", u), typ: Duration}, true
		}
		if u == uDay || u == uHour || u == uMinute || u == uSecond {
			return match{}, false
		}
		if !s.hasPub {
			return ref(i, j+1, [...]string{"PAST_REF", "PRESENT_REF", "FUTURE_REF"}[rel+1]), true
		}
		if u == uWeekend && rel == -1 {
			pw := int(s.pub.Weekday())
			back := (pw + 1) % 7 // days since the last Saturday
			if back == 0 {
				back = 7
			}
			return match{i: i, j: j + 1, val: fmtWeek(s.pub.AddDate(0, 0, -back)) + "-WE", typ: Date}, true
		}
		return s.shift(i, j+1, u, rel), true
	case cUnits, cNum:
		// "the last two years", "the next few months"
		if m, ok := s.duration(j); ok && m.typ == Duration {
			m.i = i
			return m, true
		}
		if w == wPast || s.word(i-1) == wThe {
			if s.cls(j) == cUnits {
				return match{i: i, j: j + 1, val: durValue("X", s.ts[j].val), typ: Duration}, true
			}
		}
	case cWeekday:
		if w == wPast || w == wComing && s.word(i-1) == wThe {
			return match{}, false
		}
		r := rel
		if rel == 0 {
			r = 2
		}
		return s.atWeekday(i, j, r)
	case cMonth:
		if !s.ts[j].cap || w == wPast || w == wComing {
			return match{}, false
		}
		pw := wThis
		if rel < 0 {
			pw = wLast
		} else if rel > 0 {
			pw = wNext
		}
		return s.monthOnly(i, j+1, s.ts[j].val, pw)
	case cSeason:
		if w == wPast || w == wComing && s.word(i-1) == wThe {
			return match{}, false
		}
		return s.season(i, j+1, s.ts[j].val, rel, true)
	case cPart:
		p := s.ts[j].val
		if w != wThis && !(w == wLast && p == pNight) {
			return match{}, false
		}
		if !s.hasPub {
			return ref(i, j+1, "PRESENT_REF"), true
		}
		d := s.pub
		if w == wLast {
			d = d.AddDate(0, 0, -1)
		}
		return match{i: i, j: j + 1, val: fmtDay(d) + "T" + partCode(p), typ: Time, day: d}, true
	case cWord:
		if w == wThis && (s.word(j) == wPoint || s.word(j) == wTime || s.lowerIs(j, "stage")) {
			switch s.word(i - 1) {
			case wAt, wBy, wFor, wUntil:
				return ref(i, j+1, "PRESENT_REF"), true
			}
		}
	}
	return match{}, false
}

// season resolves a season: rel -1 last, +1 next, 0 this (or by tense when
// explicit is false).
func (s *scanner) season(i, j, sv int, rel int, explicit bool) (match, bool) {
	code := seasonCode(sv)
	if !s.hasPub {
		return match{i: i, j: j, val: "XXXX-" + code, typ: Date}, true
	}
	y, mo, _ := s.pub.Date()
	m := int(mo)
	var cur int
	switch {
	case m >= 3 && m <= 5:
		cur = y*4 + 0
	case m >= 6 && m <= 8:
		cur = y*4 + 1
	case m >= 9 && m <= 11:
		cur = y*4 + 2
	case m == 12:
		cur = y*4 + 3
	default:
		cur = (y-1)*4 + 3
	}
	c := sv - 1
	if !explicit {
		switch s.tenseAt(i, j) {
		case 1:
			rel = 2
		case -1:
			rel = -2
		}
	}
	var k int
	switch rel {
	case 0:
		k = y*4 + c
	case -1, -2:
		k = cur - ((cur-c)%4+4)%4
		if rel == -1 && k == cur {
			k -= 4
		}
		if rel == -1 && k > cur {
			k -= 4
		}
	default:
		k = cur + ((c-cur)%4+4)%4
		if rel == 1 && k == cur {
			k += 4
		}
	}
	if !validYear(k / 4) {
		return match{}, false
	}
	return match{i: i, j: j, val: four(k/4) + "-" + code, typ: Date, gran: gYear}, true
}

// inner reads the time expression after "the end of", "early", "later": a
// month, year, decade, season or relative unit.
func (s *scanner) inner(i, j int) (match, bool) {
	switch {
	case s.isNum(j) && s.ts[j].nd == 4:
		if s.word(j+1) == wS && s.adj(j) {
			return s.decade(i, j+2, s.ts[j].val)
		}
		y := s.ts[j].val
		if !validYear(y) || y < 1000 {
			return match{}, false
		}
		return match{i: i, j: j + 1, val: four(y), typ: Date, gran: gYear}, true
	case s.cls(j) == cMonth:
		return s.atMonth(i, j)
	case s.cls(j) == cWeekday:
		return s.atWeekday(i, j, 0) // "late Thursday"
	case s.cls(j) == cSeason:
		if y, e, ok := s.yearAfter(j + 1); ok {
			return match{i: i, j: e, val: four(y) + "-" + seasonCode(s.ts[j].val), typ: Date, gran: gYear}, true
		}
		return s.season(i, j+1, s.ts[j].val, 0, false)
	}
	switch s.word(j) {
	case wThis, wLast, wNext:
		m, ok := s.relUnit(j)
		if ok && m.typ == Date {
			m.i = i
			return m, true
		}
	case wThe:
		if s.cls(j+1) == cUnit {
			switch u := s.ts[j+1].val; u {
			case uYear, uMonth, uWeek, uDecade, uCentury:
				if !s.hasPub {
					return ref(i, j+2, "PRESENT_REF"), true
				}
				return s.shift(i, j+2, u, 0), true
			}
		}
		if s.isNum(j+1) && s.ts[j+1].nd == 4 && s.word(j+2) == wS && s.adj(j+1) {
			return s.decade(i, j+3, s.ts[j+1].val)
		}
	case wToday:
		return s.pubDay(i, j+1, 0), true
	}
	return match{}, false
}

// startsWord marks the words (of class cWord) atWord can read an expression
// from: those of its cases and of the default case of countAt, through
// duration. At any other word, at finds nothing, and the scanner passes it
// over without the call (TestStartsWord reads the cases from this file).
var startsWord = func() (t [wInto + 1]bool) {
	for _, w := range [...]int{
		// atWord
		wToday, wYesterday, wTomorrow, wTonight, wNow, wRight, wCurrently, wNowadays, wRecently,
		wThese, wRecent, wPresent, wThe, wThis, wLast, wNext, wComing, wPast, wPrevious,
		wEarlier, wLater, wEarly, wLate, wMid, wEvery, wEach, wAnnual, wDaily, wWeekly,
		wMonthly, wQuarterly, wOnce, wTwice, wNoon, wMidnight, wQ, wH, wFor, wOver,
		// countAt
		wA, wSeveral, wFew, wMany, wSome,
	} {
		t[w] = true
	}
	return
}()

func (s *scanner) atWord(i int) (match, bool) {
	w := s.word(i)
	switch w {
	case wToday:
		return s.pubDay(i, i+1, 0), true
	case wYesterday, wTomorrow, wTonight:
		delta := 0
		if w == wYesterday {
			delta = -1
		} else if w == wTomorrow {
			delta = 1
		}
		part := ""
		j := i + 1
		if w == wTonight {
			part = "NI"
		} else if s.cls(j) == cPart {
			part = partCode(s.ts[j].val)
			j++
		}
		m := s.pubDay(i, j, delta)
		if part != "" && s.hasPub {
			m.val += "T" + part
			m.typ = Time
			m.gran = gNone
		}
		return m, true
	case wNow:
		if s.ts[i].cap && i > 0 && s.ts[i-1].kind == kWord && s.ts[i-1].cap && s.ts[i-1].c == cNone {
			return match{}, false // a name: "Peace Now"
		}
		if s.isPunct(i+1, '-') && s.adj(i) {
			return match{}, false // "the now-cancelled deal"
		}
		return ref(i, i+1, "PRESENT_REF"), true
	case wRight:
		if s.word(i+1) == wNow {
			return ref(i, i+2, "PRESENT_REF"), true
		}
	case wCurrently, wNowadays:
		return ref(i, i+1, "PRESENT_REF"), true
	case wRecently:
		return ref(i, i+1, "PAST_REF"), true
	case wThese:
		if s.cls(i+1) == cUnits && s.ts[i+1].val == uDay {
			return ref(i, i+2, "PRESENT_REF"), true
		}
	case wRecent:
		// "in recent weeks": an unspecified stretch up to now
		if s.cls(i+1) == cUnits && s.ts[i+1].val <= uDecade {
			return match{i: i, j: i + 2, val: durValue("X", s.ts[i+1].val), typ: Duration}, true
		}
	case wPresent:
		if s.determinerAt(i + 1) {
			return match{}, false // "due to present the deal": a verb
		}
		switch s.word(i - 1) {
		case wAt, wTo, wUntil:
			return ref(i, i+1, "PRESENT_REF"), true
		}
		if s.cls(i+1) == cUnit && s.ts[i+1].val == uDay || s.isPunct(i+1, '-') && s.cls(i+2) == cUnit && s.ts[i+2].val == uDay {
			return ref(i, i+1, "PRESENT_REF"), true
		}
	case wThe:
		return s.atThe(i)
	case wThis, wLast, wNext, wComing, wPast, wPrevious:
		if w == wPast || w == wComing || w == wPrevious {
			if s.word(i-1) != wThe && s.word(i-1) != wThis && !(s.cls(i+1) == cUnits || s.cls(i+1) == cNum || s.cls(i+1) == cUnit) {
				return match{}, false
			}
		}
		return s.relUnit(i)
	case wEarlier, wLater:
		switch s.word(i + 1) {
		case wThis, wLast, wNext, wToday:
			if m, ok := s.inner(i, i+1); ok {
				return m, true
			}
		case wIn:
			if s.word(i+2) == wThe && s.cls(i+3) == cUnit {
				if m, ok := s.inner(i+2, i+2); ok {
					return m, true
				}
			}
		}
	case wEarly, wLate, wMid:
		j := i + 1
		if s.isPunct(j, '-') && s.adj(i) {
			j++
		}
		if m, ok := s.inner(i, j); ok && m.typ == Date {
			m.mod = [...]string{wEarly: "START", wLate: "END", wMid: "MID"}[w]
			return m, true
		}
	case wEvery, wEach:
		j := i + 1
		n := "1"
		if s.lowerIs(j, "other") {
			n, j = "2", j+1
		} else if c, k, one, ok := s.countAt(j); ok && !one && c != "X" {
			n, j = c, k
		}
		switch s.cls(j) {
		case cUnit, cUnits:
			return match{i: i, j: j + 1, val: durValue(n, s.ts[j].val), typ: Set}, true
		case cWeekday:
			return match{i: i, j: j + 1, val: "XXXX-WXX-" + strconv.Itoa(s.ts[j].val), typ: Set}, true
		case cMonth:
			if s.ts[j].cap {
				return match{i: i, j: j + 1, val: "XXXX-" + two(s.ts[j].val), typ: Set}, true
			}
		case cSeason:
			return match{i: i, j: j + 1, val: "XXXX-" + seasonCode(s.ts[j].val), typ: Set}, true
		case cPart:
			return match{i: i, j: j + 1, val: "XXXX-XX-XXT" + partCode(s.ts[j].val), typ: Set}, true
		}
	case wAnnual, wDaily, wWeekly, wMonthly, wQuarterly:
		u := map[int]int{wAnnual: uYear, wDaily: uDay, wWeekly: uWeek, wMonthly: uMonth, wQuarterly: uQuarter}[w]
		v := durValue("1", u)
		if u == uQuarter {
			v = "P3M"
		}
		return match{i: i, j: i + 1, val: v, typ: Set}, true
	case wOnce, wTwice:
		if (s.word(i+1) == wA || s.word(i+1) == wPer || s.word(i+1) == wEvery) && s.cls(i+2) == cUnit {
			return match{i: i, j: i + 3, val: durValue("1", s.ts[i+2].val), typ: Set}, true
		}
	case wNoon, wMidnight:
		h := 12
		if w == wMidnight {
			h = 0
		}
		return match{i: i, j: i + 1, typ: Time, hh: h, fill: true}, true
	case wQ, wH:
		if s.isNum(i+1) && s.adj(i) && s.ts[i].cap {
			n := s.ts[i+1].val
			if w == wQ && n >= 1 && n <= 4 {
				return s.period(i, i+2, "Q", n, 4)
			}
			if w == wH && n >= 1 && n <= 2 {
				return s.period(i, i+2, "H", n, 2)
			}
		}
	case wFor, wOver:
		// "for years", "for decades"
		if s.cls(i+1) == cUnits && s.ts[i+1].val >= uDay && s.ts[i+1].val <= uCentury && s.ts[i+1].val != uQuarter {
			return match{i: i + 1, j: i + 2, val: durValue("X", s.ts[i+1].val), typ: Duration}, true
		}
	}
	if m, ok := s.duration(i); ok {
		return m, true
	}
	return match{}, false
}

func (s *scanner) atThe(i int) (match, bool) {
	j := i + 1
	prev := s.word(i - 1)
	switch {
	case s.isNum(j) && s.ts[j].nd == 4 && s.word(j+1) == wS && s.adj(j):
		return s.decade(i, j+2, s.ts[j].val)
	case s.isPunct(j, '\'') && s.isNum(j+1) && s.ts[j+1].nd == 2 && s.word(j+2) == wS && s.adj(j) && s.adj(j+1):
		return s.decade(i, j+3, 1900+s.ts[j+1].val)
	}
	if _, _, ok := s.ordinalAt(j); ok {
		return s.atOrdinal(i, j)
	}
	switch s.cls(j) {
	case cSeason:
		if y, e, ok := s.yearAfter(j + 1); ok && s.word(j+1) == wOf {
			return match{i: i, j: e, val: four(y) + "-" + seasonCode(s.ts[j].val), typ: Date, gran: gYear}, true
		}
		if s.word(j+1) == wOf {
			return match{}, false // "the fall of Kabul"
		}
		switch prev {
		case wIn, wDuring, wOver, wThroughout, wBy, wUntil, wSince:
			return s.season(i, j+1, s.ts[j].val, 0, false)
		}
		return match{}, false
	case cUnit:
		switch u := s.ts[j].val; {
		case u == uDay && (s.word(j+1) == wBefore || s.word(j+1) == wAfter):
			d := 1
			if s.word(j+1) == wBefore {
				d = -1
			}
			return s.anchored(i, j+2, uDay, d), true
		case u == uWeekend && (prev == wOver || prev == wDuring || prev == wOn || prev == wAt || prev == wThroughout):
			// "over the weekend": the last one, or the coming one in the future
			if !s.hasPub {
				return ref(i, j+1, "PRESENT_REF"), true
			}
			pw := int(s.pub.Weekday())                // Sunday = 0
			d := s.pub.AddDate(0, 0, -((pw + 1) % 7)) // the last Saturday
			if pw == 0 || pw == 6 {
				d = s.pub
			}
			if s.tenseAt(i, j+1) > 0 {
				d = s.pub.AddDate(0, 0, (6-pw+7)%7)
			}
			return match{i: i, j: j + 1, val: fmtWeek(d) + "-WE", typ: Date}, true
		case (prev == wDuring || prev == wThroughout) && (u == uYear || u == uMonth || u == uWeek):
			if !s.hasPub {
				return ref(i, j+1, "PRESENT_REF"), true
			}
			return s.shift(i, j+1, u, 0), true
		}
		return match{}, false
	}
	switch w := s.word(j); w {
	case wEarly, wLate, wMid:
		k := j + 1
		if s.isPunct(k, '-') && s.adj(j) {
			k++
		}
		mod := [...]string{wEarly: "START", wLate: "END", wMid: "MID"}[w]
		if s.isNum(k) && s.ts[k].nd == 4 && s.word(k+1) == wS && s.adj(k) {
			m, ok := s.decade(i, k+2, s.ts[k].val)
			m.mod = mod
			return m, ok
		}
		if _, _, ok := s.ordinalAt(k); ok {
			m, ok := s.atOrdinal(i, k)
			m.mod = mod
			return m, ok
		}
	case wPast, wFuture, wPresent:
		if c := s.cls(j + 1); c == cUnit || c == cUnits || c == cNum || s.isNum(j+1) || s.word(j+1) == wFew || s.word(j+1) == wSeveral || s.word(j+1) == wCouple {
			if w == wPast {
				m, ok := s.relUnit(j)
				m.i = i
				return m, ok
			}
			if w == wPresent && c == cUnit && s.ts[j+1].val == uDay {
				return ref(i, j+2, "PRESENT_REF"), true
			}
			return match{}, false
		}
		switch prev {
		case wIn, wFor, wOf, wTo, wUntil, wFrom, wInto, wAt:
			return ref(i, j+1, [...]string{wPast: "PAST_REF", wFuture: "FUTURE_REF", wPresent: "PRESENT_REF"}[w]), true
		}
	case wNear:
		if s.word(j+1) == wFuture {
			return ref(i, j+2, "FUTURE_REF"), true
		}
	case wMoment:
		if prev == wAt || prev == wFor {
			return ref(i, j+1, "PRESENT_REF"), true
		}
	case wNext, wFollowing, wPrevious, wSame, wLast, wComing:
		if s.cls(j+1) == cUnit {
			u := s.ts[j+1].val
			switch {
			case u == uDay:
				d := 0
				switch w {
				case wNext, wFollowing:
					d = 1
				case wPrevious:
					d = -1
				case wSame:
					d = 0
				default:
					return match{}, false
				}
				return s.anchored(i, j+2, uDay, d), true
			case w == wFollowing || w == wPrevious && u != uWeekend:
				d := 1
				if w == wPrevious {
					d = -1
				}
				if u == uWeek || u == uMonth || u == uYear {
					return s.anchored(i, j+2, u, d), true
				}
			}
		}
		if w == wFollowing || w == wSame {
			return match{}, false
		}
		m, ok := s.relUnit(j)
		if ok {
			m.i = i
		}
		return m, ok
	case wBeginning, wEnd, wMiddle:
		if s.word(j+1) == wOf {
			if m, ok := s.inner(i, j+2); ok && m.typ == Date {
				m.mod = map[int]string{wBeginning: "START", wEnd: "END", wMiddle: "MID"}[w]
				return m, true
			}
		}
	}
	return match{}, false
}

// anchored resolves "the next day", "the following year" against the last
// day-precision date of this or the previous sentence, else the publication
// date.
func (s *scanner) anchored(i, j, u, d int) match {
	base := s.pub
	if s.hasAnchor && s.anchorSent >= s.cur-1 {
		base = s.anchor
	} else if !s.hasPub {
		return outOfRange(i, j, d)
	}
	return s.shiftFrom(i, j, base, u, d)
}
