package render

import (
	"bytes"
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
