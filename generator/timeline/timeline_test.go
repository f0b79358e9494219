package timeline

import (
	"encoding/json"
	"html"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
)

func TestLabel(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2024", "2024"},
		{"199", "the 1990s"},
		{"2024-05", "May 2024"},
		{"2024-11", "November 2024"},
		{"2024-09", "September 2024"},
		{"2024-11-20", "Nov. 20, 2024"},
		{"2024-03-05", "March 5, 2024"},
		{"2024-W46", "week of Nov. 11, 2024"},
		{"2021-W01", "week of Jan. 4, 2021"},
		{"2024-Q3", "Q3 2024"},
		{"2024-SU", "Summer 2024"},
		{"2024-H2", "second half of 2024"},
		{"2024-11-18TNI", "Nov. 18, 2024, night"},
		{"2024-11-19T15:00", "Nov. 19, 2024, 3:00 p.m."},
		{"2024-11-19T00:30", "Nov. 19, 2024, 12:30 a.m."},
		{"2024-02-30", "2024-02-30"}, // impossible date: shown as given
		{"2024-13", "2024-13"},
		{"PRESENT_REF", "PRESENT_REF"},
		{"XXXX-11-20", "XXXX-11-20"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Label(tt.in); got != tt.want {
			t.Errorf("Label(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSortKeyOrder(t *testing.T) {
	ordered := []string{"199", "2003", "2024", "2024-Q2", "2024-05", "2024-05-02", "2024-SU", "2024-11", "2024-W46", "2024-11-12", "2024-11-19", "2024-11-19T15:00", "2024-11-20", "PAST_REF"}
	for i := 1; i < len(ordered); i++ {
		if a, b := SortKey(ordered[i-1]), SortKey(ordered[i]); a >= b {
			t.Errorf("SortKey(%q)=%q should sort before SortKey(%q)=%q", ordered[i-1], a, ordered[i], b)
		}
	}
}

// article builds an Input whose sentences are the given strings, one
// paragraph each, and whose events point at those sentences.
func article(title, url string, sents []string, as []actors.Actor, evs []events.Event) Input {
	var text strings.Builder
	in := Input{Article: Article{Title: title, URL: url, Outlet: "Wire", Published: time.Date(2024, 11, 22, 0, 0, 0, 0, time.UTC)}, Actors: as}
	for i, s := range sents {
		start := text.Len()
		text.WriteString(s)
		text.WriteString("\n\n")
		in.Sentences = append(in.Sentences, doc.Sentence{Span: doc.Span{Start: start, End: start + len(s)}, Para: i})
	}
	in.Doc = &doc.Doc{Text: []byte(text.String())}
	for _, e := range evs {
		e.Sentence = in.Sentences[e.Timex].Span // Timex doubles as the sentence number in these tests
		in.Events = append(in.Events, e)
	}
	return in
}

var (
	xi   = actors.Actor{ID: "xi-jinping", Name: "Xi Jinping", Kind: actors.Person}
	lula = actors.Actor{ID: "lula", Name: "Luiz Inacio Lula da Silva", Kind: actors.Person}
	olaf = actors.Actor{ID: "olaf-scholz", Name: "Olaf Scholz", Kind: actors.Person}
	bra  = actors.Actor{ID: "brasilia", Name: "Brasilia", Kind: actors.Place}
)

func TestBuild(t *testing.T) {
	a := article("Summit week", "/b/summit-week/", []string{
		"Xi met Lula in Brasilia on Thursday.",
		"FILE - Xi shakes hands with Lula in Brasilia on Nov. 20, 2024.",
		"Scholz warned Xi on Tuesday at the G20.",
		"The two first agreed on a plan in May.",
		"Xi is now in Brasilia.",
	}, []actors.Actor{xi, lula, olaf, bra}, []events.Event{
		{Date: "2024-11-21", Summary: "Xi met Lula in Brasilia", Venue: "Brasilia", Actors: []string{"xi-jinping", "lula", "brasilia"}, Timex: 0},
		{Date: "2024-11-20", Summary: "Xi shakes hands with Lula in Brasilia", Venue: "Brasilia", Actors: []string{"xi-jinping", "lula"}, Caption: true, Timex: 1},
		{Date: "2024-11-19", Summary: "Scholz warned Xi at the G20", Venue: "G20 summit", Actors: []string{"olaf-scholz", "xi-jinping"}, Timex: 2},
		{Date: "2024-05", Summary: "The two first agreed on a plan", Timex: 3},
		{Date: "PRESENT_REF", Summary: "Xi is in Brasilia", Timex: 4},
	})
	b := article("Scholz presses Xi", "/b/scholz/", []string{
		"German Chancellor Olaf Scholz warned Xi at the G20 on Tuesday about troops.",
	}, []actors.Actor{xi, olaf}, []events.Event{
		{Date: "2024-11-19", Summary: "German Chancellor Olaf Scholz warned Xi at the G20 about troops", Venue: "the G20", Actors: []string{"olaf-scholz", "xi-jinping"}, Timex: 0},
	})
	// The result must not depend on the order of the inputs.
	for _, in := range [][]Input{{a, b}, {b, a}} {
		tl := Build(in)
		var got []string
		for _, e := range tl.Entries {
			got = append(got, e.Date+"|"+e.VenueKey+"|"+strings.Join(e.Flags, ";")+"|"+itoaN(len(e.Evidence)))
		}
		want := []string{
			"2024-05|||1",
			"2024-11-19|" + events.VenueKey("G20 summit") + "||2",
			"2024-11-20|" + events.VenueKey("Brasilia") + "|Dated Nov. 21, 2024 by a sentence in “Summit week”|1",
			"2024-11-21|" + events.VenueKey("Brasilia") + "|Dated Nov. 20, 2024 by a photo caption in “Summit week”|1",
		}
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("entries:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		if len(tl.Groups) != 3 || tl.Groups[0].Venue != "" || tl.Groups[1].VenueKey != events.VenueKey("G20 summit") || tl.Groups[2].Label() != "Nov. 20, 2024 – Nov. 21, 2024" {
			t.Errorf("groups = %+v", tl.Groups)
		}
		if ev := tl.Entries[2].Evidence[0]; !ev.Caption || ev.Anchor() != "s-2" || !strings.HasPrefix(ev.Text, "FILE - Xi shakes") {
			t.Errorf("caption evidence = %+v", ev)
		}
		if len(tl.Flagged()) != 2 {
			t.Errorf("flagged = %d, want 2", len(tl.Flagged()))
		}
	}
}

func TestGroupSplitsVenueOverMonths(t *testing.T) {
	in := article("Captions", "/b/c/", []string{"FILE - A rally in Seoul, June 2, 2024.", "FILE - A man in Seoul, Oct. 21, 2024.", "FILE - A march in Seoul, Oct. 24, 2024."},
		nil, []events.Event{
			{Date: "2024-06-02", Summary: "A rally", Venue: "Seoul", Caption: true, Timex: 0},
			{Date: "2024-10-21", Summary: "A man", Venue: "Seoul", Caption: true, Timex: 1},
			{Date: "2024-10-24", Summary: "A march", Venue: "Seoul", Caption: true, Timex: 2},
		})
	tl := Build([]Input{in})
	if len(tl.Groups) != 2 || len(tl.Groups[0].Days) != 1 || len(tl.Groups[1].Days) != 2 {
		t.Fatalf("groups = %+v", tl.Groups)
	}
}

func itoaN(n int) string { return string(rune('0' + n)) }

func TestTimelineJS(t *testing.T) {
	in := article("<b>Bad</b> title", "/b/x/", []string{`He said </script><script>alert(1)</script> on May 5.`},
		[]actors.Actor{xi}, []events.Event{{Date: "2024-05-05", Summary: `</script><img src=x onerror=alert(1)>`, Venue: "Summit <i>", Actors: []string{"xi-jinping"}, Timex: 0}})
	in2 := article("Decade", "/b/y/", []string{"In the 1990s it began."}, nil, []events.Event{{Date: "199", Summary: "it began", Timex: 0}})
	tl := Build([]Input{in, in2})
	out, err := tl.JSON("A <b>briefing</b>", "sum", func(u string) string { return "https://example.org/news" + u })
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(out), "<") || strings.Contains(string(out), ">") {
		t.Errorf("raw angle brackets in JSON: %s", out)
	}
	var doc TimelineJS
	if err := json.Unmarshal(out, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Events) != 2 || doc.Events[0].StartDate.Year != 1990 || doc.Events[0].StartDate.Month != 0 {
		t.Fatalf("events = %+v", doc.Events)
	}
	e := doc.Events[1]
	if e.StartDate.Year != 2024 || e.StartDate.Month != 5 || e.StartDate.Day != 5 || e.DisplayDate != "May 5, 2024" {
		t.Errorf("start = %+v %q", e.StartDate, e.DisplayDate)
	}
	if strings.Contains(e.Text.Headline, "<img") || strings.Contains(e.Text.Text, "<script") {
		t.Errorf("unescaped HTML in slide: %+v", e.Text)
	}
	if !strings.Contains(e.Text.Text, `href="https://example.org/news/b/x/#s-1"`) {
		t.Errorf("slide lacks link to the source sentence: %s", e.Text.Text)
	}
	if doc.Title == nil || doc.Title.Text.Headline != "A &lt;b&gt;briefing&lt;/b&gt;" {
		t.Errorf("title = %+v", doc.Title)
	}
}

// TestMergeManyOnOneDay: thousands of events on one day at one venue merge
// by sentence and by participant exactly as a few do (the indexes must not
// change which entries join).
func TestMergeManyOnOneDay(t *testing.T) {
	const n = 3000
	var sents []string
	var evs []events.Event
	for i := 0; i < n; i++ {
		sents = append(sents, "Delegates in Geneva met on Monday.")
		e := events.Event{Date: "2025-03-03", Venue: "Geneva", Timex: i}
		switch i % 3 {
		case 0: // distinct happenings with no participant: never merged
			e.Summary = "Delegate " + strings.Repeat("x", i%7+1) + " spoke"
		case 1: // one participant, the same happening: all merge into one
			e.Summary = "Xi met Lula in Geneva"
			e.Actors = []string{"xi-jinping", "lula"}
		case 2: // a second event of the same sentence as case 1: merges with it
			e.Summary = "Xi met Lula in Geneva"
			e.Actors = []string{"lula"}
			e.Timex = i - 1
		}
		evs = append(evs, e)
	}
	tl := Build([]Input{article("Many", "/b/many/", sents, []actors.Actor{xi, lula}, evs)})
	if got, want := len(tl.Entries), n/3+1; got != want {
		t.Fatalf("%d entries, want %d", got, want)
	}
	var merged *Entry
	for _, e := range tl.Entries {
		if len(e.Evidence) > 1 {
			merged = e
		}
	}
	if merged == nil || len(merged.Evidence) != n/3 || len(merged.Actors) != 2 {
		t.Fatalf("merged entry = %+v", merged)
	}
}

// tjsDateOf is tjsDateOfKey as the reference used it: nil for no date.
func tjsDateOf(v string) *tjsDate {
	if v == "" {
		return nil
	}
	d, ok := tjsDateOfKey(v, SortKey(v))
	if !ok {
		return nil
	}
	return &d
}

// referenceJSON is how JSON wrote the document before it wrote it by hand:
// the TimelineJS value, html.EscapeString on every piece of text, and
// json.MarshalIndent. JSON must give the same bytes.
func referenceJSON(t *Timeline, title, summary string, articleURL func(string) string) ([]byte, error) {
	doc := TimelineJS{Events: []tjsSlide{}}
	if title != "" {
		doc.Title = &tjsSlide{Text: tjsText{Headline: html.EscapeString(title), Text: html.EscapeString(summary)}}
	}
	for i, e := range t.Entries {
		start := tjsDateOf(e.Date)
		if start == nil {
			continue
		}
		s := tjsSlide{
			StartDate:   start,
			EndDate:     tjsDateOf(e.End),
			Group:       html.EscapeString(e.Venue),
			DisplayDate: e.Label(),
			UniqueID:    "event-" + strconv.Itoa(i+1),
		}
		s.Text.Headline = html.EscapeString(e.Summary)
		var b strings.Builder
		for _, f := range e.Flags {
			b.WriteString(`<p class="flag">⚠ `)
			b.WriteString(html.EscapeString(f))
			b.WriteString("</p>")
		}
		b.WriteString("<ul>")
		for _, ev := range e.Evidence {
			b.WriteString(`<li><q>`)
			b.WriteString(html.EscapeString(ev.Text))
			b.WriteString(`</q> — <a href="`)
			b.WriteString(html.EscapeString(articleURL(ev.Article.URL) + "#" + ev.Anchor()))
			b.WriteString(`">`)
			name := ev.Article.Title
			if ev.Article.Outlet != "" {
				name = ev.Article.Outlet + ": " + name
			}
			b.WriteString(html.EscapeString(name))
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul>")
		s.Text.Text = b.String()
		doc.Events = append(doc.Events, s)
	}
	return json.MarshalIndent(doc, "", " ")
}

// jsonTimeline is a timeline whose entries carry text in fields: every
// date form, flags, several sources, and the characters HTML and JSON
// escape.
func jsonTimeline(date, end, summary, venue, text, title, outlet, flag string) *Timeline {
	art := Article{Title: title, URL: "/b/" + outlet + "/", Outlet: outlet}
	return &Timeline{Entries: []*Entry{
		{Date: "PRESENT_REF", Summary: "cannot be placed", Evidence: []Evidence{{Article: art}}},
		{Date: date, End: end, Summary: summary, Venue: venue, Flags: []string{flag},
			Evidence: []Evidence{{Article: art, Sentence: 2, Text: text}, {Article: Article{Title: title}, Text: summary}}},
		{Date: "2024-11-19T15:30", End: "2024-11-21", Summary: "", Venue: venue, Evidence: []Evidence{{Article: art, Text: text}}},
		{Date: "2024-W46", Summary: summary, Evidence: []Evidence{}},
	}}
}

func TestJSONMatchesReference(t *testing.T) {
	link := func(u string) string { return "https://example.org/news" + u }
	cases := []*Timeline{
		{},
		jsonTimeline("2024-11-20", "", "Talks & <b>more</b>", "Geneva", `He said "no" & 'yes' <script>`, "A \u2028 title", "Wire", "Dated Nov. 21 by “x”"),
		jsonTimeline("199", "2024-Q3", "\x00\x1f\x7f bad \xff\xfe utf-8 \u2029", "", "line\nbreak\ttab \\ back", "", "", ""),
		jsonTimeline("2024-SU", "XXXX-11", "é ☃ \xe2\x80", "Summit <i>", "\xe2\x80<", "\x80title", "O'Neil", "<p>"),
	}
	tl := Build([]Input{article("Summit", "/b/s/", []string{"Xi met Lula in Brasilia on Thursday."},
		[]actors.Actor{xi, lula, bra}, []events.Event{{Date: "2024-11-21", Summary: "Xi met Lula", Venue: "Brasilia", Actors: []string{"xi-jinping", "lula"}}})})
	cases = append(cases, tl)
	for i, tl := range cases {
		for _, head := range [][2]string{{"", ""}, {"A <b>briefing</b>", ""}, {"T", "sum & more"}} {
			want, err := referenceJSON(tl, head[0], head[1], link)
			if err != nil {
				t.Fatal(err)
			}
			got, err := tl.JSON(head[0], head[1], link)
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != string(want) {
				t.Errorf("timeline %d, title %q:\n got %s\nwant %s", i, head[0], got, want)
			}
		}
	}
}

// FuzzJSON checks JSON against referenceJSON on arbitrary text and dates.
func FuzzJSON(f *testing.F) {
	f.Add("2024-11-20", "", "Talks & <b>more</b>", "Geneva", "He said \"no\"", "Title", "Wire", "flag", "sum")
	f.Add("199", "2024-Q3", "\x00\u2028\xff", "", "\xe2\x80<", "", "", "", "")
	f.Fuzz(func(t *testing.T, date, end, summary, venue, text, title, outlet, flag, sum string) {
		tl := jsonTimeline(date, end, summary, venue, text, title, outlet, flag)
		link := func(u string) string { return "https://example.org" + u + sum }
		want, err := referenceJSON(tl, title, sum, link)
		if err != nil {
			t.Fatal(err)
		}
		got, err := tl.JSON(title, sum, link)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("\n got %s\nwant %s", got, want)
		}
	})
}

// TestDays checks the day arithmetic against the time package, invalid
// dates included.
func TestDays(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"2024-11-20", "2024-11-23", 3},
		{"2024-11-23", "2024-11-20", 3},
		{"2024-02-28", "2024-03-01", 2},
		{"2023-02-28", "2023-03-01", 1},
		{"1900-02-28", "1900-03-01", 1},
		{"2000-02-28", "2000-03-01", 2},
		{"2024-12-31", "2025-01-01", 1},
		{"2024-02-30", "2024-03-01", 1 << 30},
		{"2024-13-01", "2024-12-01", 1 << 30},
		{"2024-00-10", "2024-01-10", 1 << 30},
		{"24-11-20", "2024-11-20", 1 << 30},
		{"2024-1-020", "2024-11-20", 1 << 30},
		{"+024-11-20", "2024-11-20", 1 << 30},
		{"", "2024-11-20", 1 << 30},
		{"0001-01-01", "9999-12-31", maxDays},
	}
	for _, tt := range tests {
		if got := days(tt.a, tt.b); got != tt.want {
			t.Errorf("days(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
	for _, s := range []string{"2024-02-29", "2023-02-29", "2024-04-31", "2024-04-30", "0000-01-01", "9999-12-31"} {
		n, ok := dayNumber(s)
		tm, err := time.Parse("2006-01-02", s)
		if ok != (err == nil) || ok && int64(n) != tm.Unix()/86400 {
			t.Errorf("dayNumber(%q) = %d, %v; time.Parse: %v, %v", s, n, ok, tm, err)
		}
		if ok && civilDate(n) != s {
			t.Errorf("civilDate(dayNumber(%q)) = %q", s, civilDate(n))
		}
	}
}

// wordsReference is words as first written: the lower-cased string split
// on everything but ASCII letters, digits and non-ASCII runes.
func wordsReference(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
	}) {
		if len(f) >= 3 {
			out = append(out, f)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func FuzzWords(f *testing.F) {
	for _, s := range []string{"Xi met Lula in Brasilia, the G20 host", "ab abc ABC abc-def 2024", "Ça va, İstanbul", "a\xffbcd", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := words(s), wordsReference(s); !slices.Equal(got, want) {
			t.Errorf("words(%q) = %q, want %q", s, got, want)
		}
	})
}
