package events

import (
	"strings"
	"testing"
	"unicode/utf8"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/timex"
)

func FuzzFind(f *testing.F) {
	f.Add("At a joint press conference in Brasilia on Thursday, Xi called for peace.")
	f.Add("FILE - Leaders meet on the sidelines of the G20 summit in Rio de Janeiro, Nov. 18, 2024.")
	f.Add("“Yes,” said Ann Lee, who served from 2003 to 2006. Monday's vote at APEC, at the , in , on the sidelines of")
	f.Add("\x00\xff “ ” ’s 's , , ; — Tuesday's at the G-20 Summit in")
	f.Fuzz(func(t *testing.T, text string) {
		d, sents := testDoc(text)
		ts := timex.Find(d, sents)
		// actors on every capitalized word, some with spans at the edges
		var as []actors.Actor
		for i, w := range strings.Fields(text) {
			if i > 20 {
				break
			}
			k := strings.Index(text, w)
			as = append(as, actors.Actor{ID: "a" + string(rune('a'+i)), Kind: actors.Kind(i % 4), Mentions: []doc.Span{{Start: k, End: k + len(w)}}})
		}
		for _, e := range Find(d, sents, ts, as) {
			if e.Sentence.Start < 0 || e.Sentence.End > len(text) || e.Sentence.Start > e.Sentence.End {
				t.Fatalf("sentence span %v outside text of %d bytes", e.Sentence, len(text))
			}
			if e.Timex < 0 || e.Timex >= len(ts) || ts[e.Timex].Value != e.Date {
				t.Fatalf("timex index %d does not give date %q", e.Timex, e.Date)
			}
			if utf8.ValidString(text) && !utf8.ValidString(e.Summary) {
				t.Fatalf("summary %q is not valid UTF-8", e.Summary)
			}
			if strings.HasSuffix(e.Summary, ",") {
				t.Fatalf("dangling comma in %q", e.Summary)
			}
			_ = VenueKey(e.Venue)
		}
	})
}

func BenchmarkFind(b *testing.B) {
	one := "At a joint press conference with the prime minister in Lisbon on Thursday, the chancellor announced a new trade pact. " +
		"The foreign minister met her Japanese counterpart on the sidelines of the G7 summit in Apulia on Monday. " +
		"Several of the country's leading trading partners are urging the president to do more to pressure its neighbor, analysts told reporters in the capital. " +
		"Several of the country's leading trading partners are urging the president to do more to pressure its neighbor, analysts told reporters in the capital.\n\n"
	text := strings.Repeat(one, 500)
	d, sents := testDoc(text)
	ts := timex.Find(d, sents)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(d, sents, ts, nil)
	}
}
