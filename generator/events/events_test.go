package events

import (
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/timex"
)

var pub = time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC) // a Friday

// testDoc splits text into paragraphs (blank lines) and sentences (". "
// before a capital letter, not after a few abbreviations).
func testDoc(text string) (*doc.Doc, []doc.Sentence) {
	d := &doc.Doc{Text: []byte(text), Published: pub}
	d.Paragraphs = doc.SplitParagraphs(d.Text, 0, len(d.Text))
	var sents []doc.Sentence
	for pi, p := range d.Paragraphs {
		start := p.Start
		for i := p.Start; i+2 < p.End; i++ {
			if (d.Text[i] == '.' || d.Text[i] == '?') && d.Text[i+1] == ' ' && 'A' <= d.Text[i+2] && d.Text[i+2] <= 'Z' {
				w := i
				for w > start && d.Text[w-1] != ' ' {
					w--
				}
				switch string(d.Text[w:i]) {
				case "Oct", "Nov", "Dec", "Jan", "Feb", "Sept", "U.S", "Mr", "Dr":
					continue
				}
				sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: i + 1}, Para: pi})
				start = i + 2
			}
		}
		if start < p.End {
			sents = append(sents, doc.Sentence{Span: doc.Span{Start: start, End: p.End}, Para: pi})
		}
	}
	return d, sents
}

// actorsFor makes actors whose mentions are every occurrence of their
// names in the text.
func actorsFor(text string, specs ...spec) []actors.Actor {
	var as []actors.Actor
	for _, s := range specs {
		a := actors.Actor{ID: s.id, Name: s.name, Kind: s.kind}
		for off := 0; ; {
			k := strings.Index(text[off:], s.name)
			if k < 0 {
				break
			}
			a.Mentions = append(a.Mentions, doc.Span{Start: off + k, End: off + k + len(s.name)})
			off += k + len(s.name)
		}
		as = append(as, a)
	}
	return as
}

type spec struct {
	id, name string
	kind     actors.Kind
}

type ev struct {
	date, end, summary, venue string
	caption                   bool
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []ev
	}{
		{"press conference in a city", "At a joint news conference with the prime minister in Lisbon on Thursday, the chancellor announced a new trade pact.",
			[]ev{{"2024-11-21", "", "At a joint news conference with the prime minister in Lisbon, the chancellor announced a new trade pact.", "Lisbon", false}}},
		{"sidelines of a summit", "The foreign minister met her Japanese counterpart on the sidelines of the G7 summit in Apulia on Monday.",
			[]ev{{"2024-11-18", "", "The foreign minister met her Japanese counterpart on the sidelines of the G7 summit in Apulia.", "G7 summit", false}}},
		{"at a grouping", "The president warned on Tuesday at the G-20 that tariffs would hurt growth.",
			[]ev{{"2024-11-19", "", "The president warned at the G-20 that tariffs would hurt growth.", "G20 summit", false}}},
		{"at an acronym", "The envoy raised the issue last week at ASEAN.",
			[]ev{{"2024-W46", "", "The envoy raised the issue at ASEAN.", "ASEAN summit", false}}},
		{"named forum", "The talks at the Nordic Energy Forum ended on Wednesday.",
			[]ev{{"2024-11-20", "", "The talks at the Nordic Energy Forum ended.", "Nordic Energy Forum", false}}},
		{"caption", "FILE - Farmers protest outside parliament in Madrid, Spain, Oct. 3, 2024.",
			[]ev{{"2024-10-03", "", "Farmers protest outside parliament in Madrid, Spain.", "Madrid", true}}},
		{"caption credit", "FILE - Leaders pose for a photo in Lima, Peru, Nov. 16, 2024. (AP Photo/Jane Doe)",
			[]ev{{"2024-11-16", "", "Leaders pose for a photo in Lima, Peru.", "Lima", true}}},
		{"date opens the sentence", "In October, the regulator fined three banks for failing to report trades.",
			[]ev{{"2024-10", "", "The regulator fined three banks for failing to report trades.", "", false}}},
		{"range", "She chaired the council from 2003 to 2006.",
			[]ev{{"2003", "2006", "She chaired the council.", "", false}}},
		{"two happenings", "The company opened its first plant in 2015 and will close it in March.",
			[]ev{{"2015", "", "The company opened its first plant and will close it in March.", "", false},
				{"2025-03", "", "The company opened its first plant in 2015 and will close it.", "", false}}},
		{"nested dates", "Voters are divided ahead of the 2024 election in November.",
			[]ev{{"2024-11", "", "Voters are divided ahead of the 2024 election.", "", false}}},
		{"no event without a date", "Markets are currently calm. The program ran for three years. Reports come out every month.", nil},
		{"possessive date", "Crowds gathered for Monday's rally in the capital.",
			[]ev{{"2024-11-18", "", "Crowds gathered for the rally in the capital.", "", false}}},
		{"quotation first", "“We will not back down,” said Tom Reyes, who led the union from 2010 to 2014.",
			[]ev{{"2010", "2014", "Tom Reyes led the union.", "", false}}},
		{"appositive dropped when long", "Maria Costa, a senior economist at the central bank, told reporters on Tuesday that the slowdown in lending would continue well into next spring and could deepen further.",
			[]ev{{"2024-11-19", "", "Maria Costa told reporters that the slowdown in lending would continue well into next spring and could deepen further.", "", false},
				{"2025-SP", "", "Maria Costa told reporters on Tuesday that the slowdown in lending would continue well into next spring and could deepen further.", "", false}}},
		{"date as an object stays", "Markets had priced in a cut for March.",
			[]ev{{"2024-03", "", "Markets had priced in a cut for March.", "", false}}},
		{"dateline", "WASHINGTON — The central bank held rates steady on Wednesday.",
			[]ev{{"2024-11-20", "", "The central bank held rates steady.", "", false}}},
		{"bare decade is an object", "He spent the 1970s in exile.",
			[]ev{{"197", "", "He spent the 1970s in exile.", "", false}}},
		{"period ended", "The company reported results for the three months ended Sept. 30.",
			[]ev{{"2024-09-30", "", "The company reported results for the three months ended Sept. 30.", "", false}}},
		{"schedule times are not events", "The museum is open daily from 9 a.m. to 5 p.m.", nil},
		{"long sentence cut at a clause", "The ministers agreed on Friday to extend the grain corridor for another six months; officials said the details, including insurance for ships and the inspection regime in the ports, would follow.",
			[]ev{{"2024-11-22", "", "The ministers agreed to extend the grain corridor for another six months.", "", false}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, sents := testDoc(tt.text)
			ts := timex.Find(d, sents)
			got := Find(d, sents, ts, nil)
			var gs []ev
			for _, e := range got {
				gs = append(gs, ev{e.Date, e.End, e.Summary, e.Venue, e.Caption})
				if !e.Sentence.Contains(ts[e.Timex].Span) {
					t.Errorf("event %q: timex %d not in its sentence", e.Summary, e.Timex)
				}
			}
			if !reflect.DeepEqual(gs, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", gs, tt.want)
			}
		})
	}
}

func TestActors(t *testing.T) {
	text := "Mayor Ana Lima met the Red Cross in Nairobi on Friday. Nairobi was calm."
	d, sents := testDoc(text)
	as := actorsFor(text, spec{"nairobi", "Nairobi", actors.Place}, spec{"red-cross", "Red Cross", actors.Organization},
		spec{"ana-lima", "Ana Lima", actors.Person}, spec{"absent", "Nobody Here", actors.Person})
	got := Find(d, sents, timex.Find(d, sents), as)
	if len(got) != 1 {
		t.Fatalf("got %d events", len(got))
	}
	if want := []string{"ana-lima", "red-cross", "nairobi"}; !reflect.DeepEqual(got[0].Actors, want) {
		t.Errorf("actors %v, want %v", got[0].Actors, want)
	}
	if got[0].Venue != "Nairobi" {
		t.Errorf("venue %q", got[0].Venue)
	}
}

func TestArticle(t *testing.T) {
	raw, err := os.ReadFile("testdata/summit.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, sents := testDoc(string(raw))
	got := Find(d, sents, timex.Find(d, sents), nil)
	want, err := os.ReadFile("testdata/summit.want")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, e := range got {
		lines = append(lines, strings.Join([]string{e.Date, e.End, e.Venue, map[bool]string{true: "caption", false: "body"}[e.Caption], e.Summary}, " | "))
	}
	if g, w := strings.Join(lines, "\n"), strings.TrimSpace(string(want)); g != w {
		t.Errorf("got\n%s\nwant\n%s", g, w)
	}
}

func TestVenueKey(t *testing.T) {
	same := [][]string{
		{"G20 summit", "the G-20 Summit", "G20", "Group of 20 summit"},
		{"APEC summit", "APEC", "the APEC Summit", "Asia-Pacific Economic Cooperation summit"},
		{"Brasilia", "Brasília", "BRASILIA"},
		{"U.N. General Assembly", "UN General Assembly"},
	}
	for _, g := range same {
		for _, v := range g[1:] {
			if VenueKey(v) != VenueKey(g[0]) {
				t.Errorf("VenueKey(%q) = %q, VenueKey(%q) = %q: want equal", v, VenueKey(v), g[0], VenueKey(g[0]))
			}
		}
	}
	if VenueKey("G20 summit") == VenueKey("APEC summit") || VenueKey("G20 summit") == VenueKey("G7 summit") {
		t.Error("different summits share a key")
	}
	if VenueKey("") != "" || VenueKey("Summit") != "summit" {
		t.Errorf("VenueKey empty/generic: %q %q", VenueKey(""), VenueKey("Summit"))
	}
	if k := VenueKey("Nordic Energy Forum"); k != "nordic-energy" {
		t.Errorf("VenueKey(Nordic Energy Forum) = %q", k)
	}
}

// A run-on "sentence" with thousands of dates must not cost quadratic time
// (the test would time out) and keeps every span inside the text.
func TestRunOnSentence(t *testing.T) {
	text := "They met at the G20 summit in Lima on " + strings.Repeat("Monday and in Nairobi on Tuesday and on Nov. 3, 2021, and ", 20000) + "then left."
	d := &doc.Doc{Text: []byte(text), Published: pub}
	d.Paragraphs = doc.SplitParagraphs(d.Text, 0, len(d.Text))
	sents := []doc.Sentence{{Span: d.Paragraphs[0].Span}}
	ts := timex.Find(d, sents)
	got := Find(d, sents, ts, nil)
	if len(got) != 3 {
		t.Fatalf("got %d events, want 3 (one per distinct date)", len(got))
	}
	for _, e := range got {
		if e.Sentence != sents[0].Span || words(e.Summary) > maxWords+8 {
			t.Errorf("event %+v", e)
		}
	}
}
