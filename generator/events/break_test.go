package events

import (
	"math/rand"
	"strings"
	"testing"
)

// breakRef is the clause-break search firstBreak replaces: one
// strings.Index loop per break, the earliest that counts.
func breakRef(s string) int {
	cut := -1
	lim := wordOffset(s, maxWords+1)
	var buf [maxWords + 2]int
	starts := wordStarts(buf[:0], s[:lim])
	wordsBefore := func(k int) int {
		n := 0
		for n < len(starts) && starts[n] < k {
			n++
		}
		return n
	}
	for _, set := range [][]string{strongBreaks, weakBreaks} {
		for _, b := range set {
			from := 0
			for {
				k := strings.Index(s[from:min(len(s), lim+len(b))], b)
				if k < 0 {
					break
				}
				k += from
				if n := wordsBefore(k); n >= 6 && n <= maxWords && (cut < 0 || k < cut) && !(b == ", " && intro(s[:k])) {
					cut = k
					break
				}
				from = k + len(b)
				if wordsBefore(k) > maxWords {
					break
				}
			}
		}
		if cut >= 0 {
			break
		}
	}
	return cut
}

func breakNew(s string) int {
	lim := wordOffset(s, maxWords+1)
	var buf [maxWords + 2]int
	starts := wordStarts(buf[:0], s[:lim])
	cut := firstBreak(s, lim, starts, strongBreaks, false)
	if cut < 0 {
		cut = firstBreak(s, lim, starts, weakBreaks, true)
	}
	return cut
}

// TestFirstBreak compares firstBreak with the per-break search on written
// and random sentences, overlapping dashes included.
func TestFirstBreak(t *testing.T) {
	cases := []string{
		"The ministers of the region met for the first time in years, and agreed on a plan that would open the border to trade by the end of next year.",
		"At a press conference in the capital, the minister said the talks, which began last week, had gone well and would resume after the holidays in the new year.",
		"One two three four five six seven — — eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two.",
		"One two three four five six seven -- -- eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty twenty-one twenty-two.",
		"a b c d e f g; h i j k l m n o p q r s t u v w x y z aa bb cc dd",
		"a b, c d e f g h i j k l m n o p q r s t u v w x y z aa bb cc dd, ee",
	}
	plain := []string{"the", "in", "At", "minister", "said", "according", "to", "saying", "While", "x", "Korea"}
	marks := []string{",", ";", "—", "–", "--", ", which", ", and", ", as", ", according to", "y,", "z;", "well-known", "x—y", "’s", "“quoted”", ",x", "; ;"}
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 3000; i++ {
		var b strings.Builder
		for j, n := 0, 10+r.Intn(40); j < n; j++ {
			if j > 0 {
				b.WriteByte(' ')
			}
			if r.Intn(12) == 0 {
				b.WriteString(marks[r.Intn(len(marks))])
			} else {
				b.WriteString(plain[r.Intn(len(plain))])
			}
		}
		cases = append(cases, b.String())
	}
	found := 0
	for _, s := range cases {
		got, want := breakNew(s), breakRef(s)
		if got != want {
			t.Errorf("%q: break at %d, want %d", s, got, want)
		}
		if want >= 0 {
			found++
		}
	}
	if found < 100 || found > len(cases)-100 {
		t.Errorf("%d of %d cases have a break: the cases do not exercise both outcomes", found, len(cases))
	}
}
