package timex

// ValidValue reports whether v is a well-formed TIMEX3 value of the forms
// this package produces: PRESENT_REF, PAST_REF, FUTURE_REF; dates 2024,
// 199 (decade), 20 (century), 2024-11, 2024-11-19, 2024-W46, 2024-W46-2,
// 2024-W46-WE, 2024-Q3, 2024-H1, 2024-SU, with X for unknown digits; a time
// of day after a full date (T15:00, T15:00:30, TNI, optional Z); durations
// P3Y, P2.5Y, PXDE, PT30M. Dates whose digits are all known must exist.
func ValidValue(v string) bool {
	switch v {
	case "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return true
	}
	if len(v) > 1 && v[0] == 'P' {
		return validDuration(v[1:])
	}
	return validDate(v)
}

func validDuration(v string) bool {
	inTime, n := false, 0
	for len(v) > 0 {
		if v[0] == 'T' {
			if inTime {
				return false
			}
			inTime = true
			v = v[1:]
			continue
		}
		k := 0
		if v[0] == 'X' {
			k = 1
		} else {
			for k < len(v) && isDigit(v[k]) {
				k++
			}
			if k == 0 {
				return false
			}
			if k < len(v) && v[k] == '.' {
				k++
				f := k
				for k < len(v) && isDigit(v[k]) {
					k++
				}
				if k == f {
					return false
				}
			}
		}
		v = v[k:]
		units := []string{"DE", "CE", "WE", "Y", "M", "W", "D", "Q", "H"}
		if inTime {
			units = []string{"H", "M", "S"}
		}
		ok := false
		for _, u := range units {
			if len(v) >= len(u) && v[:len(u)] == u {
				v, ok = v[len(u):], true
				break
			}
		}
		if !ok {
			return false
		}
		n++
	}
	return n > 0
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isDigitX(c byte) bool { return isDigit(c) || c == 'X' }

// num parses a field of digits; -1 when it has an X.
func num(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

func allDigitX(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitX(s[i]) {
			return false
		}
	}
	return len(s) > 0
}

func validDate(v string) bool {
	// year, decade or century
	k := 0
	for k < len(v) && isDigitX(v[k]) {
		k++
	}
	if k < 2 || k > 4 {
		return false
	}
	if k < 4 {
		return k == len(v)
	}
	year := num(v[:4])
	if year == 0 {
		return false
	}
	rest := v[4:]
	if rest == "" {
		return true
	}
	if rest[0] != '-' {
		return false
	}
	rest = rest[1:]
	full := false // a day is known: a time may follow
	switch {
	case len(rest) >= 2 && (rest[:2] == "SP" || rest[:2] == "SU" || rest[:2] == "FA" || rest[:2] == "WI"):
		return len(rest) == 2
	case len(rest) >= 2 && (rest[0] == 'Q' || rest[0] == 'H'):
		if len(rest) != 2 {
			return false
		}
		q := num(rest[1:])
		return rest[0] == 'Q' && q >= 1 && q <= 4 || rest[0] == 'H' && q >= 1 && q <= 2
	case len(rest) >= 3 && rest[0] == 'W':
		if !allDigitX(rest[1:3]) {
			return false
		}
		if w := num(rest[1:3]); w == 0 || w > 53 {
			return false
		}
		rest = rest[3:]
		if rest == "" {
			return true
		}
		switch {
		case len(rest) >= 3 && rest[:3] == "-WE":
			return len(rest) == 3
		case len(rest) >= 2 && rest[0] == '-' && rest[1] >= '1' && rest[1] <= '7':
			rest = rest[2:]
			full = true
		default:
			return false
		}
	default:
		if len(rest) < 2 || !allDigitX(rest[:2]) {
			return false
		}
		month := num(rest[:2])
		if month == 0 || month > 12 {
			return false
		}
		rest = rest[2:]
		if rest == "" {
			return true
		}
		if len(rest) < 3 || rest[0] != '-' || !allDigitX(rest[1:3]) {
			return false
		}
		day := num(rest[1:3])
		if day == 0 || day > 31 {
			return false
		}
		if day > 0 && month > 0 && year > 0 && day > daysIn(year, month) || day > 29 && month == 2 {
			return false
		}
		rest = rest[3:]
		full = true
	}
	if rest == "" {
		return true
	}
	if !full || rest[0] != 'T' {
		return false
	}
	rest = rest[1:]
	switch {
	case len(rest) >= 2 && (rest[:2] == "MO" || rest[:2] == "AF" || rest[:2] == "EV" || rest[:2] == "NI" || rest[:2] == "DT"):
		rest = rest[2:]
	case len(rest) >= 5 && allDigitX(rest[:2]) && rest[2] == ':' && allDigitX(rest[3:5]):
		if h := num(rest[:2]); h > 24 {
			return false
		}
		if m := num(rest[3:5]); m > 59 {
			return false
		}
		rest = rest[5:]
		if len(rest) >= 3 && rest[0] == ':' && allDigitX(rest[1:3]) {
			if s := num(rest[1:3]); s > 60 {
				return false
			}
			rest = rest[3:]
		}
	default:
		return false
	}
	return rest == "" || rest == "Z"
}
