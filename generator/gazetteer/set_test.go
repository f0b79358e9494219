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

// BenchmarkCapWord looks up the words of a few news sentences, capitalized
// and not, as the actor tokenizer does for every capitalized word.
func BenchmarkCapWord(b *testing.B) {
	text := "President Maria Lopez told reporters in Geneva on Tuesday that the Ministry of Foreign Affairs " +
		"and the United Nations Development Programme would meet again in March, according to a spokesperson " +
		"for the European Commission. Senator John Smith of Ohio said the International Monetary Fund " +
		"had agreed to extend the loan, which the Central Bank of Kenya requested last year."
	var words [][]byte
	n := 0
	for _, w := range strings.Fields(text) {
		w = strings.Trim(w, ".,")
		words = append(words, []byte(w))
		n += len(w)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	hits := 0
	for i := 0; i < b.N; i++ {
		for _, w := range words {
			if CapWord(w).Flags != 0 {
				hits++
			}
		}
	}
	if hits == 0 {
		b.Fatal("no word of the sentences is in the tables")
	}
}
