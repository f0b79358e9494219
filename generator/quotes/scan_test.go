package quotes

import (
	"strings"
	"testing"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

func TestScan(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"none", "No quotations here, only North Korea’s apostrophes and the ’90s.", nil},
		{"curly", "He said “yes” and “no.”", []string{"yes", "no."}},
		{"straight", `He said "yes" and "no."`, []string{"yes", "no."}},
		{"nested single", "“They said ‘never’ to us,” she said.", []string{"They said ‘never’ to us,"}},
		{"nested straight single", `"They said 'never' to us," she said.`, []string{"They said 'never' to us,"}},
		{"stray closer after quote", "China does not “want to antagonize Russia” over North Korea,” he said.", []string{"want to antagonize Russia"}},
		{"unclosed runs to paragraph end", "They announced a plan “in recognition of the change.\n\nNext paragraph “quoted” here.", []string{"in recognition of the change.", "quoted"}},
		{"continued paragraph", "“First part.\n\n“Second part,” he said.", []string{"First part.", "Second part,"}},
		{"split by attribution", "“One,” he said, “two.”", []string{"One,", "two."}},
		{"headline single", "'Writing on the wall'\n\nBody.", []string{"Writing on the wall"}},
		{"british single", "‘We will not go,’ she said. ‘It’s the voters’ money.’", []string{"We will not go,", "It’s the voters’ money."}},
		{"single with nested double", "‘They told us “wait” again,’ he said.", []string{"They told us “wait” again,"}},
		{"possessive plural is not a quote", "The States’ policy and DeSantis' 30% share.", nil},
		{"leading apostrophes", "Rock 'n' roll from the '90s and 'em.", nil},
		{"empty quotes skipped", "He said “” and \"  \" twice.", nil},
		{"inches are not quotes", `A 5" screen and a 7" one.`, nil},
		{"right mark used as opener", "He said ”hello” twice.", []string{"hello"}},
		{"stray opener then quote", "He said “foo. She said “bar” today.", []string{"bar"}},
		{"guillemets", "Il a dit «non» hier.", []string{"non"}},
		{"empty single marks", "‹›", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := textDoc(tt.text)
			var got []string
			for _, r := range scan(d) {
				got = append(got, d.Slice(r.inner))
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("scan(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestContinuationFlag(t *testing.T) {
	d := textDoc("“First part.\n\n“Second part,” he said.\n\nPlain “third” part.")
	rs := scan(d)
	if len(rs) != 3 || rs[0].cont || !rs[1].cont || rs[2].cont || rs[0].closed || !rs[1].closed {
		t.Fatalf("continuation flags wrong: %+v", rs)
	}
}

func TestNoActors(t *testing.T) {
	d := textDoc("“Hello,” he said.")
	qs := Find(d, nil, nil)
	if len(qs) != 1 || qs[0].Speaker != "" || d.Slice(qs[0].Span) != "Hello," {
		t.Fatalf("Find without actors = %+v", qs)
	}
}

// TestPathological runs inputs with thousands of marks, cues and mentions:
// results must keep every invariant (and finish; there is no timing check).
func TestPathological(t *testing.T) {
	for i, c := range []struct{ text, name string }{
		{strings.Repeat("“", 10000) + "word" + strings.Repeat("”", 3) + "\x00\xff\"'", "Kim"},
		{strings.Repeat("”", 10000) + " he said “x”", "Kim"},
		{strings.Repeat("\"a ", 5000) + "\n\n" + strings.Repeat("' ’ ‘", 2000), "a"},
		{strings.Repeat("“Yes,” he said. ", 3000), "he"},
		{strings.Repeat("Kim said “yes” and Kim, a fellow, said “no” ", 2000), "Kim"},
		{strings.Repeat("a, ", 10000) + "said “x”", "a"},
		{strings.Repeat("a adding “x” ", 5000), "a"},
		{strings.Repeat("the envoy said “x” ", 3000), "a"},
		{strings.Repeat("who said “x” ", 3000), "a"},
		{strings.Repeat("a ", 10000) + "“x”", "a"},
		{strings.Repeat("“a\n\n", 3000), "a"},
	} {
		d := textDoc(c.text)
		ss := sentences.Split(d)
		as := buildActors(c.text, []fixtureActor{{ID: "x", Kind: "person", Forms: []string{c.name}, Roles: []string{"envoy"}}})
		qs := Find(d, ss, as)
		checkQuotes(t, d, ss, as, qs)
		if i == 0 && len(qs) != 1 {
			t.Errorf("10,000 openers and 3 closers: got %d quotes, want 1", len(qs))
		}
	}
}

func FuzzFind(f *testing.F) {
	f.Add("“Beijing is in a tricky situation,” said Patricia Kim, a fellow.\n\nShe said “yes” and ‘no’.", "Patricia Kim")
	f.Add(strings.Repeat("“", 300)+strings.Repeat("”", 3)+"\x00\xff\"'", "Kim")
	f.Add(strings.Repeat("\"a ", 100)+"\n\n"+strings.Repeat("' ’ ‘", 100), "a")
	f.Add("China does not “want to antagonize Russia” over North Korea,” he said.\n\n“Open\n\n“still open", "Russia")
	f.Add("\xe2\x80\x9c\xe2\x80", "\xe2")
	f.Fuzz(func(t *testing.T, text, name string) {
		d := textDoc(text)
		ss := sentences.Split(d)
		var as []actors.Actor
		if name != "" {
			as = buildActors(text, []fixtureActor{{ID: "x", Kind: "person", Forms: []string{name}, Roles: []string{name}}, {ID: "o", Kind: "organization", Forms: []string{"Ministry"}}})
		}
		qs := Find(d, ss, as)
		checkQuotes(t, d, ss, as, qs)
		// Mentions pointing anywhere must not break Find either.
		as = append(as, actors.Actor{ID: "bad", Mentions: []doc.Span{{Start: -4, End: 2}, {Start: len(text) - 1, End: len(text) + 9}, {Start: 5, End: 3}}})
		checkQuotes(t, d, ss, as, Find(d, ss, as))
		checkQuotes(t, d, nil, as, Find(d, nil, as))
	})
}

func BenchmarkFind(b *testing.B) {
	text, err := readBenchArticle()
	if err != nil {
		b.Fatal(err)
	}
	d := textDoc(text)
	ss := sentences.Split(d)
	as := buildActors(text, benchActors)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(d, ss, as)
	}
}

// TestSkipper checks the IndexByte skipper against a byte-by-byte scan.
func TestSkipper(t *testing.T) {
	for _, s := range []string{"", "a", `he said "yes" and 'no'`, "“curly” ‘single’ «guillemets»", "don’t", "x\xe2y\xc2z\"", `""''`} {
		text := []byte(s)
		sk := skipper{pos: [4]int{-1, -1, -1, -1}}
		for i := 0; i <= len(text); i++ {
			want := i
			for want < len(text) && !markByte[text[want]] {
				want++
			}
			if got := sk.next(text, i, len(text)); got != want {
				t.Errorf("%q: next(%d) = %d, want %d", s, i, got, want)
			}
		}
	}
}
