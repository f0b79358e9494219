package sentences

import (
	"strings"
	"testing"

	"briefgen/generator/doc"
)

func docOf(text string) *doc.Doc {
	return &doc.Doc{Text: []byte(text), Paragraphs: doc.SplitParagraphs([]byte(text), 0, len(text))}
}

func texts(d *doc.Doc, ss []doc.Sentence) []string {
	var out []string
	for _, s := range ss {
		out = append(out, d.Slice(s.Span))
	}
	return out
}

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"one", "Just one sentence.", []string{"Just one sentence."}},
		{"no final stop", "A heading without a stop", []string{"A heading without a stop"}},
		{"two", "First one. Second one.", []string{"First one.", "Second one."}},
		{"question and exclamation", "Is it? Yes! Fine.", []string{"Is it?", "Yes!", "Fine."}},
		{"US initialism mid", "The U.S. and the U.N. met on Monday.", []string{"The U.S. and the U.N. met on Monday."}},
		{"US before name", "U.S. President Joe Biden spoke.", []string{"U.S. President Joe Biden spoke."}},
		{"US at end", "He flew to the U.S. The trip was long.", []string{"He flew to the U.S.", "The trip was long."}},
		{"US then title", "They met in the U.S. President Biden said so.", []string{"They met in the U.S. President Biden said so."}},
		{"months", "It happened on Nov. 20, 2024. Then Dec. 3 came.", []string{"It happened on Nov. 20, 2024.", "Then Dec. 3 came."}},
		{"titles", "Gen. Smith met Sen. Jones and Dr. Lee. Mr. Kim and Mrs. Park left.", []string{"Gen. Smith met Sen. Jones and Dr. Lee.", "Mr. Kim and Mrs. Park left."}},
		{"saint", "They prayed at St. Peter's Basilica.", []string{"They prayed at St. Peter's Basilica."}},
		{"initials", "John F. Kennedy and George W. Bush were presidents.", []string{"John F. Kennedy and George W. Bush were presidents."}},
		{"decimal", "Growth was 3.5 percent. Prices rose 0.2%.", []string{"Growth was 3.5 percent.", "Prices rose 0.2%."}},
		{"hyphenated initialism", "U.S.-China ties are tense. Talks failed.", []string{"U.S.-China ties are tense.", "Talks failed."}},
		{"quote then attribution", "“Beijing is in a tricky situation,” she said. It is.", []string{"“Beijing is in a tricky situation,” she said.", "It is."}},
		{"quote ends sentence", "He left the office.\" The next day he returned.", []string{"He left the office.\"", "The next day he returned."}},
		{"curly quote ends sentence", "He left the office.” The next day he returned.", []string{"He left the office.”", "The next day he returned."}},
		{"question in quote then said", "“Is it?” he asked. “Really?” Yes.", []string{"“Is it?” he asked.", "“Really?”", "Yes."}},
		{"ellipsis lower", "Wait... what happened?", []string{"Wait... what happened?"}},
		{"ellipsis upper", "He paused... Then he spoke.", []string{"He paused...", "Then he spoke."}},
		{"unicode ellipsis mid", "“But … the electorate is not consistent.”", []string{"“But … the electorate is not consistent.”"}},
		{"stop before opening quote", "He said so. “Next time,” he added.", []string{"He said so.", "“Next time,” he added."}},
		{"parenthesis", "It rose (by 5%.) Then it fell.", []string{"It rose (by 5%.)", "Then it fell."}},
		{"time", "It starts at 5 p.m. Monday. It ended at 9 a.m. The doors closed.", []string{"It starts at 5 p.m. Monday.", "It ended at 9 a.m.", "The doors closed."}},
		{"time then capitalized word", "The sale ends at 8 p.m. Tickets cost $5.", []string{"The sale ends at 8 p.m.", "Tickets cost $5."}},
		{"time then weekday", "Polls close at 8 p.m. Tuesday and results follow.", []string{"Polls close at 8 p.m. Tuesday and results follow."}},
		{"time then month", "Voting ends at 8 a.m. Nov. 5 in most states.", []string{"Voting ends at 8 a.m. Nov. 5 in most states."}},
		{"time then zone", "Trading halted at 2 p.m. EST and resumed at 3 P.M. Eastern time.", []string{"Trading halted at 2 p.m. EST and resumed at 3 P.M. Eastern time."}},
		{"time then place time", "The strike began at 6 a.m. Moscow time on Friday.", []string{"The strike began at 6 a.m. Moscow time on Friday."}},
		{"time then name", "He arrived at 9 a.m. Officials greeted him.", []string{"He arrived at 9 a.m.", "Officials greeted him."}},
		{"company", "He joined Acme Inc. The firm grew. Acme Inc. said no.", []string{"He joined Acme Inc.", "The firm grew.", "Acme Inc. said no."}},
		{"number sentence start", "Turnout fell in 2020. 52% of voters stayed home.", []string{"Turnout fell in 2020.", "52% of voters stayed home."}},
		{"lowercase after stop", "The iPhone maker said e.g. apples. and more", []string{"The iPhone maker said e.g. apples. and more"}},
		{"ill lowercase", "He fell ill. Doctors came.", []string{"He fell ill.", "Doctors came."}},
		{"state abbreviation", "He lives in Boise, Ida. and in Austin, Tex. He likes both.", []string{"He lives in Boise, Ida. and in Austin, Tex. He likes both."}},
		{"no number", "It was item No. 5 on the list.", []string{"It was item No. 5 on the list."}},
		{"dash after stop", "It ended. — Reporters", []string{"It ended. — Reporters"}},
		{"newline inside paragraph", "A line\nthat wraps. And a\nsecond.", []string{"A line\nthat wraps.", "And a\nsecond."}},
		{"paragraphs", "One. Two.\n\nThree.", []string{"One.", "Two.", "Three."}},
		{"bracketed quote start", "He left. [The president] returned.", []string{"He left.", "[The president] returned."}},
		{"non-ascii capital", "Es ist gut. Über alles.", []string{"Es ist gut.", "Über alles."}},
		{"question then lowercase attribution", "“Why now?” asked the senator.", []string{"“Why now?” asked the senator."}},
		{"multiple stops", "Really?! Yes.", []string{"Really?!", "Yes."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := docOf(tt.text)
			got := texts(d, Split(d))
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestSplitParaIndex(t *testing.T) {
	d := docOf("A b. C d.\n\nE f.")
	ss := Split(d)
	want := []int{0, 0, 1}
	if len(ss) != len(want) {
		t.Fatalf("got %d sentences", len(ss))
	}
	for i, s := range ss {
		if s.Para != want[i] {
			t.Errorf("sentence %d para = %d, want %d", i, s.Para, want[i])
		}
	}
}

func TestSplitText(t *testing.T) {
	text := "xx One. Two. yy"
	got := SplitText([]byte(text), 3, 12)
	if len(got) != 2 || text[got[0].Start:got[0].End] != "One." || text[got[1].Start:got[1].End] != "Two." {
		t.Errorf("SplitText = %v", got)
	}
}

func checkSentences(t *testing.T, d *doc.Doc, ss []doc.Sentence) {
	t.Helper()
	prev := 0
	for i, s := range ss {
		if s.Para < 0 || s.Para >= len(d.Paragraphs) {
			t.Fatalf("sentence %d: bad para %d", i, s.Para)
		}
		p := d.Paragraphs[s.Para]
		if s.Start < prev || s.End <= s.Start || !p.Contains(s.Span) {
			t.Fatalf("sentence %d: span %v outside paragraph %v or before %d", i, s.Span, p.Span, prev)
		}
		if isSpaceByte(d.Text[s.Start]) || isSpaceByte(d.Text[s.End-1]) {
			t.Fatalf("sentence %d not trimmed: %q", i, d.Text[s.Start:s.End])
		}
		prev = s.End
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("The U.S. and the U.N. met. “Is it?” he asked.\n\nNext para... Then.")
	f.Add("\x00.\xff. \"\"\"  . . .\n\n…… ?! “”’")
	f.Add(strings.Repeat("“a. ", 100))
	f.Add("Gen. U.S. a.m. 3.5 No. F. Kennedy.) “Yes.” ")
	f.Fuzz(func(t *testing.T, text string) {
		d := docOf(text)
		checkSentences(t, d, Split(d))
		// Arbitrary paragraph spans, even out of range, must not panic.
		d.Paragraphs = append(d.Paragraphs, doc.Paragraph{Span: doc.Span{Start: -3, End: len(text) + 5}})
		_ = Split(d)
	})
}

func BenchmarkSplit(b *testing.B) {
	para := "Several of Beijing’s leading trading partners are urging Chinese President Xi Jinping to do more, the U.S. said on Nov. 20. " +
		"“Beijing currently finds itself in a tricky situation,” said Patricia Kim, a fellow at Brookings. " +
		"Growth was 3.5 percent... Then John F. Kennedy spoke at 5 p.m. Monday! Is it? Yes.\n\n"
	text := strings.Repeat(para, 200)
	d := docOf(text)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Split(d)
	}
}

// TestSkipper checks the IndexByte skipper against a byte-by-byte scan.
func TestSkipper(t *testing.T) {
	for _, s := range []string{"", "a", "abc. def? ghi! jkl… mno", "...", "no stop here", "“quoted”.", "x\xe2y.z?", "..?!\xe2\xe2"} {
		text := []byte(s)
		sk := skipper{pos: [4]int{-1, -1, -1, -1}}
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && !termLead[text[want]] {
				want++
			}
			if got := sk.next(text, i, len(text)); got != want {
				t.Errorf("%q: next(%d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
