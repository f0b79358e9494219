package events

import (
	"strings"
	"testing"
)

// TestWordsUpTo checks the word count against a count of the blank-separated
// fields, capped at the limit, including limits below one.
func TestWordsUpTo(t *testing.T) {
	texts := []string{"", " ", "a", " a ", "one two  three", "\tx\ny\rz ", "“Quoted,” he said.", "a b c d e f g h"}
	for _, s := range texts {
		n := len(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\r' }))
		for _, limit := range []int{-1, 0, 1, 2, 3, 5, 100} {
			want := min(n, max(limit, 1))
			if got := wordsUpTo(s, limit); got != want {
				t.Errorf("wordsUpTo(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}
