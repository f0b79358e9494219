package timex

import (
	"os"
	"strings"
	"testing"
	"time"

	"briefgen/generator/doc"
)

func FuzzFind(f *testing.F) {
	f.Add("Xi met Lula on Thursday, Nov. 21, 2024, in Brasilia.", int64(0))
	f.Add("from 2003 to 2006, between May and July, the 1990s, mid-October, Monday night at 3 p.m.", int64(-700000))
	f.Add("last week two days ago next year the past decade every year 27-year 11/20/2024 2024-02-30", int64(2900000))
	f.Add("Feb. 29 on Tuesday 9999 1,000 troops '90s the 19th century Q3 2024 H1", int64(-719000))
	f.Add("\x00\xff\xfe May\u2019s Nov.\u201320 \u2014 tomorrow", int64(5))
	f.Fuzz(func(t *testing.T, text string, days int64) {
		if days > 3000000 || days < -720000 {
			days %= 720000
		}
		var p time.Time
		if days != 0 {
			p = day(2000, 1, 1).AddDate(0, 0, int(days))
			if p.Year() < 1 || p.Year() > 9999 {
				p = time.Time{}
			}
		}
		d, sents := testDoc(text, p)
		// also one sentence over the whole text, and one out of range
		sents = append(sents, doc.Sentence{Span: doc.Span{Start: 0, End: len(text)}}, doc.Sentence{Span: doc.Span{Start: -5, End: len(text) + 5}})
		for _, x := range Find(d, sents) {
			s := sents[x.Sentence].Span
			if s.Start < 0 {
				s.Start = 0
			}
			if x.Span.Start < s.Start || x.Span.End > s.End || x.Span.Start >= x.Span.End || x.Span.End > len(text) {
				t.Fatalf("span %v outside sentence %v (len %d)", x.Span, s, len(text))
			}
			if !ValidValue(x.Value) {
				t.Fatalf("invalid value %q for %q", x.Value, d.Slice(x.Span))
			}
			if x.End != "" && !ValidValue(x.End) {
				t.Fatalf("invalid end %q", x.End)
			}
		}
	})
}

func benchText(b *testing.B) []byte {
	var sb strings.Builder
	for _, f := range []string{"testdata/past.txt", "testdata/future.txt"} {
		raw, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		_, body, _ := strings.Cut(string(raw), "\n")
		sb.WriteString(body)
		sb.WriteString("\n\n")
	}
	// plus ordinary news prose without dates, which dominates real articles
	sb.WriteString(strings.Repeat("Several of the country's leading trading partners are urging the president to do more to pressure its neighbor, analysts told reporters in the capital. ", 20))
	sb.WriteString("\n\n")
	one := sb.String()
	return []byte(strings.Repeat(one, 200))
}

func BenchmarkFind(b *testing.B) {
	text := benchText(b)
	d, sents := testDoc(string(text), pub)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(d, sents)
	}
}
