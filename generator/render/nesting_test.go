package render

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"
)

func TestFlattenNesting(t *testing.T) {
	deep := func(marker string, n int) string { return strings.Repeat(marker, n) + "x" }
	rep := strings.Repeat
	cases := []struct {
		in, want string
	}{
		{"plain text\n* a list\n  * nested\n", "plain text\n* a list\n  * nested\n"},
		{deep("* ", MaxLineNesting) + "\n", deep("* ", MaxLineNesting) + "\n"},
		{deep("* ", MaxLineNesting+3) + "\n", rep("* ", MaxLineNesting) + `\** * x` + "\n"},
		{"a\n" + deep("- ", 40), "a\n" + rep("- ", MaxLineNesting) + `\-` + rep("- ", 40-MaxLineNesting-1) + "x"},
		{deep("1. ", 40), rep("1. ", MaxLineNesting) + `1\.` + rep("1. ", 40-MaxLineNesting-1) + "x"},
		// ">" counts toward the depth but is left alone.
		{deep("> * ", 20), rep("> * ", 16) + `> \*` + rep("> * ", 3) + "x"},
		{deep("*", 100), deep("*", 100)},   // emphasis, not markers
		{deep("---", 50), deep("---", 50)}, // no spaces: not markers
	}
	for _, c := range cases {
		in := []byte(c.in)
		got := FlattenNesting(in)
		if string(got) != c.want {
			t.Errorf("FlattenNesting(%.60q…)\n got %q\nwant %q", c.in, got, c.want)
		}
		if len(got) != len(in) {
			t.Errorf("length changed: %d -> %d", len(in), len(got))
		}
		if string(in) != c.in {
			t.Errorf("input modified")
		}
	}
}

func TestDeepListLineRendersShallow(t *testing.T) {
	out, err := Markdown(NewMarkdown(), []byte(strings.Repeat("* ", 20000)+"x\n"))
	if err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count([]byte(out), []byte("<ul>")); n > MaxLineNesting {
		t.Errorf("%d nested lists, want at most %d", n, MaxLineNesting)
	}
}

func TestDefuseLinks(t *testing.T) {
	rep := strings.Repeat
	open := rep("[a](b", 100)
	cases := []struct{ name, in, want string }{
		{"closed links stay", rep("[a](b) ", 100), rep("[a](b) ", 100)},
		{"closed pointy links stay", rep("[a](<b>) ", 100), rep("[a](<b>) ", 100)},
		{"few unclosed stay", rep("[a](b", MaxLineLinks), rep("[a](b", MaxLineLinks)},
		{"many unclosed", open, rep("[a](b", MaxLineLinks) + rep(`[a\(b`, 100-MaxLineLinks)},
		{"many unclosed pointy", rep("[a](<b", 100), rep("[a](<b", MaxLineLinks) + rep(`[a\(<b`, 100-MaxLineLinks)},
		{"counted per line", rep("[a](b", 60) + "\n" + rep("[a](b", 60), rep("[a](b", 60) + "\n" + rep("[a](b", 60)},
	}
	for _, c := range cases {
		in := []byte(c.in)
		got := Defuse(in)
		if string(got) != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
		if string(in) != c.in {
			t.Errorf("%s: input modified", c.name)
		}
	}
}

// stripMarkdownNaive is stripMarkdown before it remembered where the next
// ")" and "]" are.
func stripMarkdownNaive(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '*', '_', '`':
			continue
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
			continue
		case ']':
			if i+1 < len(s) && s[i+1] == '(' {
				if j := strings.IndexByte(s[i:], ')'); j > 0 {
					i += j
					continue
				}
			}
			continue
		case '[':
			if i+1 < len(s) && s[i+1] == '^' {
				if j := strings.IndexByte(s[i:], ']'); j > 0 {
					i += j
				}
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func TestStripMarkdownMatchesNaive(t *testing.T) {
	r := rand.New(rand.NewSource(2))
	const alphabet = "[]()^*_`\\ab "
	for n := 0; n < 3000; n++ {
		b := make([]byte, r.Intn(40))
		for i := range b {
			b[i] = alphabet[r.Intn(len(alphabet))]
		}
		if got, want := stripMarkdown(string(b)), stripMarkdownNaive(string(b)); got != want {
			t.Fatalf("stripMarkdown(%q) = %q, want %q", b, got, want)
		}
	}
}
