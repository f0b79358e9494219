package timex

import "briefgen/generator/ascii"

// Word classes of the lexicon. A word token carries its class and a value
// (month number, ISO weekday, unit, number, ...).
type class uint8

const (
	cNone     class = iota
	cMonth          // val 1..12
	cWeekday        // val 1..7 (ISO, Monday = 1)
	cWeekdays       // plural weekday ("Mondays"), val 1..7
	cUnit           // val = unit
	cUnits          // plural unit
	cNum            // number word, val
	cOrd            // ordinal word, val
	cSeason         // val = season
	cPart           // part of day, val = part
	cParts          // plural part of day ("mornings"), val = part
	cWord           // a function word; val = word id
)

// Units.
const (
	uDay = iota + 1
	uWeek
	uMonth
	uYear
	uDecade
	uCentury
	uQuarter
	uWeekend
	uHour
	uMinute
	uSecond
	uHalf
)

// Seasons and parts of the day.
const (
	sSpring = iota + 1
	sSummer
	sFall
	sWinter
)

const (
	pMorning = iota + 1
	pAfternoon
	pEvening
	pNight
)

// Function words (cWord values).
const (
	wNone = iota
	wToday
	wTomorrow
	wYesterday
	wTonight
	wNow
	wCurrently
	wRecently
	wNowadays
	wPresent
	wPast
	wFuture
	wMoment
	wPoint
	wTime
	wRight
	wThis
	wThat
	wThese
	wLast
	wNext
	wPrevious
	wComing
	wFollowing
	wSame
	wEarlier
	wLater
	wEarly
	wLate
	wMid
	wAgo
	wThe
	wA
	wIn
	wOn
	wAt
	wFrom
	wTo
	wBetween
	wAnd
	wThrough
	wUntil
	wSince
	wBy
	wDuring
	wOf
	wFor
	wOver
	wEvery
	wEach
	wPer
	wOnce
	wTwice
	wTimes
	wAnnual
	wDaily
	wWeekly
	wMonthly
	wQuarterly
	wBeginning
	wEnd
	wMiddle
	wNoon
	wMidnight
	wAM
	wPM
	wUTC
	wRecent
	wSeveral
	wFew
	wMany
	wSome
	wCouple
	wBefore
	wAfter
	wThroughout
	wNear
	wDays
	wTh // ordinal suffixes st nd rd th
	wS  // the "s" of "1990s"
	wQ  // "Q" of "Q3"
	wH  // "H" of "H1"
	wCentury
	wHalf
	wNumberBefore // words before which a 4-digit number is not a year
	wNumberish    // words after which a 4-digit number is not a year ("No.", "flight", "route")
	wWill
	wPastMark
	wFutMark
	wBe
	wInto
)

type lex struct {
	c   class
	val int16
}

var lexicon = map[string]lex{}

// maybe[first letter][second letter] has bit n set when some lexicon word
// of length n starts with those letters (second index 26: a one-letter
// word or a non-letter second byte); it spares most words the map lookup.
var maybe [26][27]uint32

func add(c class, val int, words ...string) {
	for _, w := range words {
		lexicon[w] = lex{c, int16(val)}
		if len(w) <= 16 && 'a' <= w[0] && w[0] <= 'z' {
			maybe[w[0]-'a'][second(w)] |= 1 << len(w)
		}
	}
}

// trigger is maybe for the words that can anchor an expression on their
// own (months, weekdays, units, "today", "now" ...), as opposed to words
// that only join one ("the", "in", "last"): a sentence with no digit and
// no trigger holds no temporal expression.
var trigger [26][27]uint32

// joiners are the function words that never make an expression alone.
var joiners = map[int]bool{wThe: true, wA: true, wIn: true, wOn: true, wAt: true, wFrom: true, wTo: true,
	wBetween: true, wAnd: true, wThrough: true, wUntil: true, wSince: true, wBy: true, wDuring: true, wOf: true,
	wFor: true, wOver: true, wEvery: true, wEach: true, wPer: true, wSeveral: true, wFew: true, wMany: true,
	wSome: true, wCouple: true, wBefore: true, wAfter: true, wThroughout: true, wNear: true, wWill: true,
	wPastMark: true, wFutMark: true, wBe: true, wInto: true, wThis: true, wThat: true, wThese: true,
	wNumberBefore: true, wNumberish: true, wS: true, wTh: true, wTimes: true, wSame: true, wEarly: true,
	wLate: true, wMid: true, wLast: true, wNext: true, wPrevious: true, wComing: true, wFollowing: true}

// isTrigger reports whether a lexicon entry can anchor an expression.
func isTrigger(l lex) bool {
	switch l.c {
	case cNone, cNum, cOrd:
		return false
	case cWord:
		return !joiners[int(l.val)]
	}
	return true
}

// buildTrigger fills trigger from the lexicon (called once it is complete).
func buildTrigger() {
	for w, l := range lexicon {
		if isTrigger(l) && len(w) <= 16 && 'a' <= w[0] && w[0] <= 'z' {
			trigger[w[0]-'a'][second(w)] |= 1 << len(w)
		}
	}
}

// mayHold reports whether text[start:end] may hold a temporal expression:
// it has a digit or a trigger word. It is a cheap scan that spares most
// sentences the tokenizer.
func mayHold(text []byte, start, end int) bool {
	for i := start; i < end; {
		c := text[i]
		switch byteKind[c] {
		case bDigit:
			return true
		case bLetter:
			j := ascii.LetterRun(text, i+1, end)
			if n := j - i; n <= 16 {
				sec := 26
				if n > 1 {
					sec = int(text[i+1] | 0x20 - 'a')
				}
				if trigger[c|0x20-'a'][sec]&(1<<n) != 0 && isTrigger(lookup(text[i:j])) {
					return true
				}
			}
			i = j
		default:
			i++
		}
	}
	return false
}

// Byte kinds for mayHold.
const (
	bOther = iota
	bDigit
	bLetter // an ASCII letter
)

var byteKind [256]uint8

func init() {
	for c := '0'; c <= '9'; c++ {
		byteKind[c] = bDigit
	}
	for c := 'a'; c <= 'z'; c++ {
		byteKind[c] = bLetter
		byteKind[c-'a'+'A'] = bLetter
	}
}

// second returns the filter index of a lower-case word's second letter.
func second[T string | []byte](w T) int {
	if len(w) > 1 && 'a' <= w[1]|0x20 && w[1]|0x20 <= 'z' {
		return int(w[1] | 0x20 - 'a')
	}
	return 26
}

func init() {
	months := [][]string{
		{"january", "jan"}, {"february", "feb"}, {"march", "mar"}, {"april", "apr"},
		{"may"}, {"june", "jun"}, {"july", "jul"}, {"august", "aug"},
		{"september", "sept", "sep"}, {"october", "oct"}, {"november", "nov"}, {"december", "dec"},
	}
	for i, ws := range months {
		add(cMonth, i+1, ws...)
	}
	days := []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	for i, w := range days {
		add(cWeekday, i+1, w)
		add(cWeekdays, i+1, w+"s")
	}
	add(cUnit, uDay, "day")
	add(cUnits, uDay, "days")
	add(cUnit, uWeek, "week")
	add(cUnits, uWeek, "weeks")
	add(cUnit, uMonth, "month")
	add(cUnits, uMonth, "months")
	add(cUnit, uYear, "year")
	add(cUnits, uYear, "years")
	add(cUnit, uDecade, "decade")
	add(cUnits, uDecade, "decades")
	add(cUnit, uCentury, "century")
	add(cUnits, uCentury, "centuries")
	add(cUnit, uQuarter, "quarter")
	add(cUnits, uQuarter, "quarters")
	add(cUnit, uWeekend, "weekend")
	add(cUnits, uWeekend, "weekends")
	add(cUnit, uHour, "hour")
	add(cUnits, uHour, "hours")
	add(cUnit, uMinute, "minute")
	add(cUnits, uMinute, "minutes")
	add(cUnit, uSecond, "second")
	add(cUnits, uSecond, "seconds")
	nums := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
		"eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"}
	for i, w := range nums {
		add(cNum, i, w)
	}
	for i, w := range []string{"thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"} {
		add(cNum, 30+10*i, w)
	}
	add(cNum, 100, "hundred")
	ords := []string{"first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
		"eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
		"nineteenth", "twentieth", "twenty-first"}
	for i, w := range ords {
		if i == 1 {
			continue // "second" is a unit too; handled in ordinal()
		}
		add(cOrd, i+1, w)
	}
	add(cSeason, sSpring, "spring")
	add(cSeason, sSummer, "summer")
	add(cSeason, sFall, "fall", "autumn")
	add(cSeason, sWinter, "winter")
	add(cPart, pMorning, "morning")
	add(cPart, pAfternoon, "afternoon")
	add(cPart, pEvening, "evening")
	add(cPart, pNight, "night")
	add(cParts, pMorning, "mornings")
	add(cParts, pAfternoon, "afternoons")
	add(cParts, pEvening, "evenings")
	add(cParts, pNight, "nights")
	w := func(id int, words ...string) { add(cWord, id, words...) }
	w(wToday, "today")
	w(wTomorrow, "tomorrow")
	w(wYesterday, "yesterday")
	w(wTonight, "tonight")
	w(wNow, "now")
	w(wCurrently, "currently", "presently")
	w(wRecently, "recently", "lately")
	w(wNowadays, "nowadays")
	w(wPresent, "present")
	w(wPast, "past")
	w(wFuture, "future")
	w(wMoment, "moment")
	w(wPoint, "point")
	w(wTime, "time")
	w(wRight, "right")
	w(wThis, "this")
	w(wThat, "that")
	w(wThese, "these")
	w(wLast, "last")
	w(wNext, "next")
	w(wPrevious, "previous", "preceding", "prior")
	w(wComing, "coming", "upcoming")
	w(wFollowing, "following")
	w(wSame, "same")
	w(wEarlier, "earlier")
	w(wLater, "later")
	w(wEarly, "early")
	w(wLate, "late")
	w(wMid, "mid")
	w(wAgo, "ago")
	w(wThe, "the")
	w(wA, "a", "an")
	w(wIn, "in")
	w(wOn, "on")
	w(wAt, "at")
	w(wFrom, "from")
	w(wInto, "into")
	w(wTo, "to")
	w(wBetween, "between")
	w(wAnd, "and")
	w(wThrough, "through", "thru")
	w(wUntil, "until", "till", "til")
	w(wSince, "since")
	w(wBy, "by")
	w(wDuring, "during")
	w(wOf, "of")
	w(wFor, "for")
	w(wOver, "over")
	w(wEvery, "every")
	w(wEach, "each")
	w(wPer, "per")
	w(wOnce, "once")
	w(wTwice, "twice")
	w(wTimes, "times")
	w(wAnnual, "annual", "annually", "yearly")
	w(wDaily, "daily", "nightly")
	w(wWeekly, "weekly")
	w(wMonthly, "monthly")
	w(wQuarterly, "quarterly")
	w(wBeginning, "beginning", "start")
	w(wEnd, "end")
	w(wMiddle, "middle")
	w(wNoon, "noon", "midday")
	w(wMidnight, "midnight")
	w(wAM, "am")
	w(wPM, "pm")
	w(wUTC, "utc", "gmt")
	w(wRecent, "recent")
	w(wSeveral, "several")
	w(wFew, "few")
	w(wMany, "many")
	w(wSome, "some")
	w(wCouple, "couple")
	w(wBefore, "before")
	w(wAfter, "after")
	w(wThroughout, "throughout")
	w(wNear, "near")
	w(wTh, "st", "nd", "rd", "th")
	w(wS, "s")
	w(wQ, "q")
	w(wH, "h")
	w(wNumberBefore, "no", "number", "flight", "route", "resolution", "article", "section", "room", "highway",
		"model", "version", "page", "pages", "chapter", "code", "unit", "batch", "item", "line", "gate", "bus",
		"serial", "id", "pin", "nos", "nr", "tel", "phone", "ext")
	w(wNumberish, "mile", "miles", "km", "kg", "feet", "meters", "metres", "tons", "tonnes",
		"dollars", "euros", "yuan", "won", "pounds", "rupees", "yen", "rubles", "people", "troops", "soldiers",
		"workers", "members", "students", "jobs", "units", "cars", "ships", "planes", "aircraft", "homes",
		"houses", "points", "votes", "seats", "containers", "barrels", "votes", "cases", "deaths", "refugees",
		"men", "women", "children", "residents", "employees", "copies", "times", "percent", "kilometers")
	w(wWill, "will", "shall", "ll")
	for _, p := range []string{"said", "was", "were", "had", "did", "told", "met", "took", "made", "gave",
		"went", "came", "saw", "began", "held", "won", "lost", "left", "sent", "led", "spoke", "wrote",
		"found", "brought", "became", "fell", "rose", "struck", "hit", "paid", "sold", "bought", "put",
		"ran", "set", "got", "chose", "drew", "flew", "grew", "knew", "thought", "felt", "kept", "meant",
		"heard", "shot", "stood", "understood", "broke", "spent", "taught", "caught", "fought", "sought",
		"won", "built", "launched", "signed", "ended", "died", "visited"} {
		w(wPastMark, p)
	}
	for _, f := range []string{"upcoming", "scheduled", "planned", "plans", "plan", "planning", "expected",
		"expects", "slated", "intends", "intend", "aims", "could", "would", "might", "going", "due", "tomorrow", "forthcoming", "later"} {
		if _, ok := lexicon[f]; !ok {
			w(wFutMark, f)
		}
	}
	for _, b := range []string{"is", "are", "be", "been", "being", "am", "has", "have", "to",
		"should", "must", "can"} {
		if _, ok := lexicon[b]; !ok {
			w(wBe, b)
		}
	}
	buildTrigger()
	buildTable()
}

// lexSlot is one slot of lexTable: a lower-case word of at most 16 bytes,
// zero-padded, and its entry. n == 0 marks an empty slot.
type lexSlot struct {
	key [16]byte
	n   uint8
	l   lex
}

// lexTable holds the lexicon's words of 1 to 16 bytes in an open-addressing
// hash table (FNV-1a, linear probing) at most half full, so that lookup
// hashes while it folds the case and compares two words as two arrays.
var (
	lexTable []lexSlot
	lexMask  uint32
)

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

func buildTable() {
	size := 64
	for size < 2*len(lexicon) {
		size *= 2
	}
	lexTable, lexMask = make([]lexSlot, size), uint32(size-1)
	for w, l := range lexicon {
		if len(w) == 0 || len(w) > 16 {
			continue
		}
		h := uint32(fnvOffset)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
		i := h & lexMask
		for lexTable[i].n != 0 {
			i = (i + 1) & lexMask
		}
		lexTable[i].n = uint8(len(w))
		copy(lexTable[i].key[:], w)
		lexTable[i].l = l
	}
}

// lookup returns the lexicon entry of a word, case-insensitively, without
// allocating.
func lookup(b []byte) lex {
	if len(b) > 16 || len(b) == 0 {
		return lex{}
	}
	c0 := b[0] | 0x20
	if c0 < 'a' || c0 > 'z' || maybe[c0-'a'][second(b)]&(1<<len(b)) == 0 {
		return lex{}
	}
	var buf [16]byte
	h := uint32(fnvOffset)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
		h = (h ^ uint32(c)) * fnvPrime
	}
	for i := h & lexMask; ; i = (i + 1) & lexMask {
		sl := &lexTable[i]
		if sl.n == 0 {
			return lex{}
		}
		if int(sl.n) == len(b) && sl.key == buf {
			return sl.l
		}
	}
}
