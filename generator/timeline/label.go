package timeline

import (
	"strconv"
	"strings"
	"time"
)

var monthAbbr = [...]string{"Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."}

var seasons = map[string]string{"SP": "Spring", "SU": "Summer", "FA": "Fall", "WI": "Winter"}

var seasonStart = map[string]string{"SP": "03-20", "SU": "06-21", "FA": "09-22", "WI": "12-21"}

var partsOfDay = map[string]string{"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}

// Label writes a TIMEX3 date value the way a news reader reads it, at the
// value's precision: "2024", "the 1990s", "May 2024", "Nov. 20, 2024",
// "week of Nov. 11, 2024", "Q3 2024", "Summer 2024", "Nov. 18, 2024, night",
// "Nov. 19, 2024, 3:00 p.m.". A value it does not know is returned as it is.
func Label(v string) string {
	date, tod, _ := strings.Cut(v, "T")
	parts := strings.Split(date, "-")
	year := parts[0]
	if !digits(year) {
		return v
	}
	switch {
	case len(parts) == 1 && len(year) == 4:
		return year
	case len(parts) == 1 && len(year) == 3:
		return "the " + year + "0s"
	case len(parts) == 1 && len(year) == 2:
		return "the " + strconv.Itoa(mustAtoi(year)+1) + "th century"
	case len(parts) != 2 && len(parts) != 3 || len(year) != 4:
		return v
	}
	p := parts[1]
	switch {
	case len(p) == 3 && p[0] == 'W' && digits(p[1:]):
		y, w := mustAtoi(year), mustAtoi(p[1:])
		if w < 1 || w > 53 {
			return v
		}
		return "week of " + dayLabel(isoWeekMonday(y, w))
	case len(p) == 2 && p[0] == 'Q' && p[1] >= '1' && p[1] <= '4':
		return p + " " + year
	case len(p) == 2 && p[0] == 'H' && (p[1] == '1' || p[1] == '2'):
		return map[byte]string{'1': "first half of ", '2': "second half of "}[p[1]] + year
	case seasons[p] != "":
		return seasons[p] + " " + year
	}
	m := mustAtoi(p)
	if !digits(p) || m < 1 || m > 12 {
		return v
	}
	if len(parts) == 2 {
		return strings.TrimSuffix(monthAbbr[m-1], ".") + monthSuffix(m) + " " + year
	}
	d := mustAtoi(parts[2])
	t := time.Date(mustAtoi(year), time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if !digits(parts[2]) || t.Day() != d {
		return v
	}
	s := dayLabel(t)
	if tod == "" {
		return s
	}
	if part, ok := partsOfDay[tod]; ok {
		return s + ", " + part
	}
	if hh, mm, ok := strings.Cut(tod, ":"); ok && digits(hh) && len(mm) >= 2 && digits(mm[:2]) {
		h := mustAtoi(hh)
		if h > 23 {
			return v
		}
		ampm := "a.m."
		if h >= 12 {
			ampm = "p.m."
		}
		h12 := h % 12
		if h12 == 0 {
			h12 = 12
		}
		return s + ", " + strconv.Itoa(h12) + ":" + mm[:2] + " " + ampm
	}
	return s
}

// monthSuffix restores the full month name in month-year labels ("Nov."
// becomes "November"): AP abbreviates months only beside a day.
func monthSuffix(m int) string {
	full := time.Month(m).String()
	abbr := strings.TrimSuffix(monthAbbr[m-1], ".")
	return full[len(abbr):]
}

func dayLabel(t time.Time) string {
	return monthAbbr[t.Month()-1] + " " + strconv.Itoa(t.Day()) + ", " + strconv.Itoa(t.Year())
}

func isoWeekMonday(year, week int) time.Time {
	jan4 := time.Date(year, 1, 4, 0, 0, 0, 0, time.UTC)
	wd := int(jan4.Weekday()+6) % 7 // Monday = 0
	return jan4.AddDate(0, 0, -wd+7*(week-1))
}

// SortKey maps a TIMEX3 value to a key that sorts in time order across
// precisions: the first day it covers ("2024-W46" -> "2024-11-11"), with
// coarser values before finer ones starting the same day.
func SortKey(v string) string {
	date, tod, _ := strings.Cut(v, "T")
	parts := strings.Split(date, "-")
	y := parts[0]
	if !digits(y) {
		return "~" + v // unknown values sort last
	}
	switch len(y) {
	case 2:
		y += "00"
	case 3:
		y += "0"
	}
	if len(parts) == 1 {
		return y + "-00-00"
	}
	p := parts[1]
	switch {
	case len(p) == 3 && p[0] == 'W' && digits(p[1:]):
		return isoWeekMonday(mustAtoi(y), mustAtoi(p[1:])).Format("2006-01-02") + "!"
	case len(p) == 2 && p[0] == 'Q' && p[1] >= '1' && p[1] <= '4':
		return y + "-" + pad2(int(p[1]-'1')*3+1) + "-00"
	case len(p) == 2 && p[0] == 'H' && (p[1] == '1' || p[1] == '2'):
		return y + "-" + pad2(int(p[1]-'1')*6+1) + "-00"
	case seasonStart[p] != "":
		return y + "-" + seasonStart[p] + "!"
	}
	if len(parts) == 2 {
		return y + "-" + p + "-00"
	}
	return y + "-" + p + "-" + parts[2] + "T" + tod
}

func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

func digits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func mustAtoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
