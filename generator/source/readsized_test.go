package source

import (
	"strings"
	"testing"
)

func TestReadSized(t *testing.T) {
	cases := []struct {
		text        string
		size, limit int64
		want        string
	}{
		{"hello", 5, 100, "hello"},
		{"hello", 3, 100, "hello"},             // grew since listed
		{"hi", 5, 100, "hi"},                   // shrank
		{"", 0, 100, ""},                       // empty
		{"hello world", 0, 100, "hello world"}, // size unknown
		{"hello world", 4, 6, "hello "},        // read no more than limit
		{"hello world", 50, 6, "hello "},       // a listed size over the limit is not trusted
		{"hello", -1, 100, "hello"},
	}
	for _, c := range cases {
		got, err := readSized(strings.NewReader(c.text), c.size, c.limit)
		if err != nil || string(got) != c.want {
			t.Errorf("readSized(%q, %d, %d) = %q, %v; want %q", c.text, c.size, c.limit, got, err, c.want)
		}
		if c.size == int64(len(c.text)) && cap(got) != len(got) {
			t.Errorf("readSized(%q): cap %d for %d bytes", c.text, cap(got), len(got))
		}
	}
}
