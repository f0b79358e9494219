package briefing

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalizeQuote(t *testing.T) {
	tests := []struct{ in, want string }{
		{"“We will not back down,”", "we will not back down"},
		{`"We  will NOT back   down."`, "we will not back down"},
		{"don’t stop", "dont stop"},
		{"don't stop", "dont stop"},
		{"\u00a0Déjà vu!\n", "déjà vu"},
		{"“”", ""},
	}
	for _, tc := range tests {
		if got := NormalizeQuote(tc.in); got != tc.want {
			t.Errorf("NormalizeQuote(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestQuoteDedup(t *testing.T) {
	const (
		q1a = "We will not accept any deal that leaves the port closed to our ships,"
		q1b = "we will not accept any deal that leaves the port  closed to our ships."
		q2a = "The talks were long and difficult but in the end both sides found a way forward together"
		q2b = "The talks were long and difficult, but in the end both sides found a path forward together"
		q3  = "The talks failed and nobody found any way forward at all this time"
	)
	b, facts := fixture(t, "t",
		tArticle{slug: "wire", date: "2025-03-14", outlet: "Wire", lines: []string{
			"Minister Ana Ribeiro said: " + q1a + " she said.",
			q2a + ", said Karim Benali, the chief negotiator.",
		}, actors: []tActor{person("Ana Ribeiro", "Minister"), person("Karim Benali", "negotiator")},
			quotes: []tQuote{{q1a, "Ana Ribeiro", false}, {q2a, "Karim Benali", false}}},
		tArticle{slug: "daily", date: "2025-03-15", outlet: "Daily", lines: []string{
			"Prime Minister Ana Ribeiro said " + q1b,
			q2b + ", Benali said.",
			q3 + ", an observer said.",
		}, actors: []tActor{person("Ana Ribeiro", "Prime Minister"), person("Benali")},
			quotes: []tQuote{{q1b, "Ana Ribeiro", false}, {q2b, "Benali", false}, {q3, "", false}}},
	)
	x := Aggregate(b, facts, Options{})
	if len(x.Quotes) != 3 {
		for _, q := range x.Quotes {
			t.Logf("%s %q %d sources", q.ID, q.Text, len(q.Sources))
		}
		t.Fatalf("%d quotes, want 3 (two carried by both articles, one unattributed)", len(x.Quotes))
	}
	for i, want := range []struct {
		speaker string
		sources []string
		role    string
	}{
		{"ana-ribeiro", []string{"wire#s-1", "daily#s-1"}, "Minister"},
		{"karim-benali", []string{"wire#s-2", "daily#s-2"}, "negotiator"},
		{"", []string{"daily#s-3"}, ""},
	} {
		q := x.Quotes[i]
		sp := ""
		if q.Speaker != nil {
			sp = q.Speaker.ID
		}
		if sp != want.speaker || q.Role != want.role {
			t.Errorf("quote %d: speaker %q role %q, want %q %q", i, sp, q.Role, want.speaker, want.role)
		}
		var got []string
		for _, s := range q.Sources {
			got = append(got, s.Article.Slug+"#"+s.Anchor())
		}
		if len(got) != len(want.sources) || got[0] != want.sources[0] || got[len(got)-1] != want.sources[len(want.sources)-1] {
			t.Errorf("quote %d sources %v, want %v", i, got, want.sources)
		}
	}
	if n := len(x.Actor("ana-ribeiro").Quotes); n != 1 {
		t.Errorf("Ana Ribeiro has %d quotes, want 1", n)
	}
	if u := x.Unattributed(); len(u) != 1 {
		t.Errorf("%d unattributed, want 1", len(u))
	}
}

func TestNearDuplicate(t *testing.T) {
	words := func(s string) []string { return strings.Fields(NormalizeQuote(s)) }
	tests := []struct {
		a, b string
		want bool
	}{
		{"one two three four five six seven eight nine ten", "one two three four five six seven eight nine ten", true},
		{"one two three four five six seven eight nine ten", "one two three four five six seven eight nine eleven", true},
		{"one two three four five six seven eight nine ten", "one two three four five six seven eight", false},
		{"one two three four five six seven eight nine ten", "one two three four five six seven eight eleven twelve", false},
		{"short one", "short one", false}, // too short for fuzzy matching; exact matching handles it
	}
	for _, tc := range tests {
		if got := nearDuplicate(words(tc.a), words(tc.b)); got != tc.want {
			t.Errorf("nearDuplicate(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// normalizeQuoteRunes is NormalizeQuote as first written, rune by rune
// through the unicode tables; the ASCII fast path must agree with it.
func normalizeQuoteRunes(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == utf8.RuneError:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’':
		default:
			space = true
		}
	}
	return b.String()
}

func FuzzNormalizeQuote(f *testing.F) {
	for _, s := range []string{"Don't STOP, 42 times!", "“Ça va”, he said — ÉTÉ", "a\xffb \x00 ~`|{}[]@^_", "İstanbul ǅ ß"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, want := NormalizeQuote(s), normalizeQuoteRunes(s)
		if got != want {
			t.Errorf("NormalizeQuote(%q) = %q, want %q", s, got, want)
		}
		// quotes normalizes the raw text for the collapsed text.
		if c := NormalizeQuote(collapse(s)); c != got {
			t.Errorf("NormalizeQuote(collapse(%q)) = %q, NormalizeQuote = %q", s, c, got)
		}
		// quotes splits it on single spaces.
		if got != "" && !slices.Equal(strings.Split(got, " "), strings.Fields(got)) {
			t.Errorf("NormalizeQuote(%q) = %q: not single-spaced words", s, got)
		}
	})
}
