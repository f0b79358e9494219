package events

import (
	"strings"
	"testing"
)

// cutOutRef is the general cut loop of summarize for one cut without
// replacement, on strings.
func cutOutRef(s string, a, b int) string {
	before, after := strings.TrimRight(s[:a], " \t\n"), strings.TrimLeft(s[b:], " \t\n")
	switch {
	case strings.TrimLeft(before, " “\"") == "" || strings.HasSuffix(before, "—") || strings.HasSuffix(before, ":"):
		after = strings.TrimLeft(strings.TrimPrefix(after, ","), " ")
	case strings.HasSuffix(before, ",") && (after == "" || strings.HasPrefix(after, ",") || strings.HasPrefix(after, ".") || strings.HasPrefix(after, ";")):
		before = strings.TrimSuffix(before, ",")
	}
	if after == "" || strings.ContainsAny(after[:1], ",.;:!?)”’\"") {
		return before + after
	}
	return before + " " + after
}

func TestCutOut(t *testing.T) {
	for _, s := range []string{
		"The summit opened on Monday in Lima.",
		"“on Monday, the leaders met.",
		"“on Monday, we met,” he said.",
		"Talks — on Monday — ended.",
		"Note: on Monday , talks.",
		"They met, on Monday, and talked.",
		"They met, on Monday.",
		"They met on Monday”.",
		"They met on Monday ’s talks",
		"X on Monday\xe2\x80",
		"on Monday",
	} {
		k := strings.Index(s, "on Monday")
		if got, want := cutOut([]byte(s), k, k+len("on Monday")), cutOutRef(s, k, k+len("on Monday")); got != want {
			t.Errorf("cutOut(%q) = %q, want %q", s, got, want)
		}
	}
}
