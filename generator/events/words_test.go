package events

import (
	"slices"
	"strings"
	"testing"

	"briefgen/generator/ascii"
)

// TestWordsUpTo checks the word count against a count of the blank-separated
// fields, capped at the limit, including limits below one.
func TestWordsUpTo(t *testing.T) {
	texts := []string{"", " ", "a", " a ", "one two  three", "\tx\ny\rz ", "“Quoted,” he said.", "a b c d e f g h",
		"seven b eight by ninebyte", "12345678 12345678\t12345678\n", "\xa0\x8a\x89\x8d \x00\x20\x21 ab\xff", strings.Repeat("ab ", 40), strings.Repeat(" a", 33)}
	// every blank and non-blank pattern of up to 10 bytes, across the
	// eight-byte chunks
	for m := 0; m < 1<<10; m++ {
		b := []byte(" abcdefghij")
		for k := range 10 {
			if m>>k&1 == 1 {
				b[k+1] = "\n\t\r "[k%4]
			}
		}
		texts = append(texts, string(b), string(b[1:]))
	}
	for _, s := range texts {
		n := len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }))
		for _, limit := range []int{-1, 0, 1, 2, 3, 5, 7, 9, 100} {
			want := min(n, max(limit, 1))
			if got := wordsUpTo(s, limit); got != want {
				t.Errorf("wordsUpTo(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

// wordOffset returns the byte offset of word n (counted from 1) of s, or
// len(s) when s has fewer words.
func wordOffset(s string, n int) int {
	in := false
	for i := 0; i < len(s); i++ {
		sp := blank[s[i]]
		if !sp && !in {
			n--
			if n == 0 {
				return i
			}
		}
		in = !sp
	}
	return len(s)
}

// wordStarts appends the byte offsets where the words of s start.
func wordStarts(out []int, s string) []int {
	in := false
	for i := 0; i < len(s); i++ {
		sp := blank[s[i]]
		if !sp && !in {
			out = append(out, i)
		}
		in = !sp
	}
	return out
}

// TestFirstWordStarts checks the branch-free word starts against the plain
// scans they replace in shorten: the start of word maxWords+1 and the
// starts of the words before it.
func TestFirstWordStarts(t *testing.T) {
	texts := []string{"", "  ", "one", " one two ", "a  b\tc\nd", strings.Repeat("word ", 40), strings.Repeat("x ", maxWords) + "y"}
	for _, s := range texts {
		for _, n := range []int{1, 2, 5, maxWords + 1} {
			buf := make([]int, n)
			k := firstWordStarts(buf, s)
			want := wordStarts(nil, s[:wordOffset(s, n)])
			if k == n {
				want = append(want, wordOffset(s, n))
			}
			if k != len(want) || !slices.Equal(buf[:k], want) {
				t.Errorf("firstWordStarts(%q) with %d = %v, want %v", s, n, buf[:k], want)
			}
		}
	}
}

// TestAppendLower checks the fold against strings.ToLower, for ASCII and
// other words (the Kelvin sign folds to an ASCII k), and that looking a
// word up through it allocates nothing.
func TestAppendLower(t *testing.T) {
	for _, w := range []string{"", "of", "On", "THROUGHOUT", "liKe", "İn", "Straße", "a-B_c9", strings.Repeat("X", 40)} {
		if got := string(ascii.AppendLower(nil, w)); got != strings.ToLower(w) {
			t.Errorf("ascii.AppendLower(%q) = %q, want %q", w, got, strings.ToLower(w))
		}
		if got := string(ascii.AppendLower(nil, []byte(w))); got != strings.ToLower(w) {
			t.Errorf("ascii.AppendLower([]byte(%q)) = %q, want %q", w, got, strings.ToLower(w))
		}
	}
	b := []byte("Last")
	if n := testing.AllocsPerRun(100, func() {
		if !adverbial(b) {
			t.Error("adverbial(Last) = false")
		}
		if !dangling[string(ascii.AppendLower(make([]byte, 0, 16), "And"))] {
			t.Error("And is not dangling")
		}
	}); n != 0 {
		t.Errorf("a folded lookup allocates %v times", n)
	}
}
