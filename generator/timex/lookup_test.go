package timex

import (
	"strings"
	"testing"
)

// TestLookupTable checks that the hash table answers as the lexicon map for
// every word in any case, and finds nothing for words not in it.
func TestLookupTable(t *testing.T) {
	n := 0
	for w, want := range lexicon {
		if len(w) == 0 || len(w) > 16 || w[0] < 'a' || w[0] > 'z' {
			continue
		}
		n++
		for _, v := range []string{w, strings.ToUpper(w), strings.ToUpper(w[:1]) + w[1:]} {
			if got := lookup([]byte(v)); got != want {
				t.Errorf("lookup(%q) = %v, want %v", v, got, want)
			}
		}
		if got := lookup([]byte(w + "x")); got != lexicon[w+"x"] {
			t.Errorf("lookup(%q) = %v, want %v", w+"x", got, lexicon[w+"x"])
		}
	}
	if n < 100 {
		t.Fatalf("only %d lexicon words checked", n)
	}
	for _, w := range []string{"", "zzz", "sentence", "monday’s", "januaryjanuaryjan"} {
		if got := lookup([]byte(w)); got != (lex{}) {
			t.Errorf("lookup(%q) = %v, want nothing", w, got)
		}
	}
}
