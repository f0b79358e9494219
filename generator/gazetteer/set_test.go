package gazetteer

import (
	"strings"
	"testing"
)

func TestSet(t *testing.T) {
	words := strings.Fields(`the a an of president Institute Mr. Ms. São Łódź x-y 2020 said`)
	s := NewSet(append(words, "")...)
	if s.Len() != len(words) {
		t.Errorf("Len = %d, want %d", s.Len(), len(words))
	}
	for _, w := range words {
		if !s.Has(w) || !s.HasBytes([]byte(w)) {
			t.Errorf("%q missing", w)
		}
	}
	for _, w := range []string{"", "The", "presiden", "presidents", "Mr", "Sao", "x", "said ", "of\x00"} {
		if s.Has(w) || s.HasBytes([]byte(w)) {
			t.Errorf("%q found, is not in the set", w)
		}
	}
}

// TestTableMatchesMap checks the table against the map it is built from,
// over the gazetteer's own words and words that are not in it.
func TestTableMatchesMap(t *testing.T) {
	m := map[string]byte{}
	for _, line := range strings.Split(givenNamesData, "\n") {
		if len(line) > 2 {
			m[line[:len(line)-2]] = line[len(line)-1]
		}
	}
	tab := newTable(m)
	for w, g := range m {
		for _, x := range []string{w, strings.ToLower(w), w + "s", w[:len(w)-1]} {
			want, wok := m[x]
			got, ok := get(tab, []byte(x))
			if got != want || ok != wok {
				t.Fatalf("get(%q) = %c %v, want %c %v (%c)", x, got, ok, want, wok, g)
			}
		}
	}
}
