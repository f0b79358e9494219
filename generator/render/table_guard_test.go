package render

import (
	"strings"
	"testing"
)

func TestTableGuard(t *testing.T) {
	md := NewMarkdown()
	table := func(cols, rows int) string {
		return strings.Repeat("|a", cols) + "|\n" + strings.Repeat("|-", cols) + "|\n" + strings.Repeat("|b\n", rows)
	}
	cases := []struct {
		name      string
		src       string
		wantTable bool
	}{
		{"ordinary table", table(5, 20), true},
		{"wide but short", table(20000, 2), true},
		{"near the limit", table(90, 900), true},
		{"cell bomb", table(20000, 2000), false},
		{"long but narrow over the limit", table(2, 60000), false},
		{"text between tables", "Intro.\n\n" + table(3, 3) + "\nMore.\n", true},
	}
	for _, c := range cases {
		out, err := Markdown(md, []byte(c.src))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(string(out), "<table>"); got != c.wantTable {
			t.Errorf("%s: table rendered = %v, want %v", c.name, got, c.wantTable)
		}
		if !c.wantTable && !strings.Contains(string(out), "|a|a|") {
			t.Errorf("%s: the text of a refused table is lost", c.name)
		}
	}
}
