package doc

import "testing"

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		want  []string
		kinds []Kind
	}{
		{"empty", "", nil, nil},
		{"blank lines only", "\n \r\n\t\n", nil, nil},
		{"two paragraphs", "One line here.\n\nTwo lines\nof text.\n", []string{"One line here.", "Two lines\nof text."}, []Kind{Body, Body}},
		{"crlf", "First one.\r\n\r\nSecond one.\r\n", []string{"First one.", "Second one."}, []Kind{Body, Body}},
		{"caption", "FILE - A man walks past a newspaper in Seoul on Oct. 21, 2024.\n\nBody text.", []string{"FILE - A man walks past a newspaper in Seoul on Oct. 21, 2024.", "Body text."}, []Kind{Caption, Body}},
		{"heading", "Balancing act\n\nChina has been reluctant.", []string{"Balancing act", "China has been reluctant."}, []Kind{Heading, Body}},
		{"lowercase short line is body", "washington — it said so\n", []string{"washington — it said so"}, []Kind{Body}},
		{"no final newline", "  padded  ", []string{"padded"}, []Kind{Body}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SplitParagraphs([]byte(tt.text), 0, len(tt.text))
			if len(got) != len(tt.want) {
				t.Fatalf("got %d paragraphs %v, want %d", len(got), got, len(tt.want))
			}
			d := &Doc{Text: []byte(tt.text)}
			for i, p := range got {
				if s := d.Slice(p.Span); s != tt.want[i] {
					t.Errorf("paragraph %d = %q, want %q", i, s, tt.want[i])
				}
				if p.Kind != tt.kinds[i] {
					t.Errorf("paragraph %d kind = %v, want %v", i, p.Kind, tt.kinds[i])
				}
			}
		})
	}
}

func TestSliceClamps(t *testing.T) {
	d := &Doc{Text: []byte("abc")}
	for _, s := range []Span{{-5, 2}, {1, 99}, {3, 1}, {10, 20}} {
		_ = d.Slice(s) // must not panic
	}
	if got := d.Slice(Span{-1, 99}); got != "abc" {
		t.Errorf("Slice clamp = %q", got)
	}
}

func FuzzSplitParagraphs(f *testing.F) {
	f.Add("a\n\nb", 0, 4)
	f.Add("FILE - x\r\n\r\ny", 0, 13)
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		if start < 0 || start > len(text) {
			start = 0
		}
		ps := SplitParagraphs([]byte(text), start, end)
		prev := start
		for _, p := range ps {
			if p.Start < prev || p.End <= p.Start || p.End > len(text) {
				t.Fatalf("bad span %v after %d in %q", p.Span, prev, text)
			}
			prev = p.End
		}
	})
}
