package timex

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefgen/generator/doc"
)

// pub is a Friday.
var pub = day(2024, 11, 22)

type want struct {
	expr, value string
	typ         Type
}

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		pub  time.Time
		text string
		want []want
	}{
		{"full date", pub, "The leaders met on Nov. 20, 2024, in the capital.", []want{{"Nov. 20, 2024", "2024-11-20", Date}}},
		{"month day", pub, "The summit opened November 20 with a speech.", []want{{"November 20", "2024-11-20", Date}}},
		{"day month year", pub, "It was signed on 20 November 2024 by both sides.", []want{{"20 November 2024", "2024-11-20", Date}}},
		{"iso", pub, "The filing is dated 2024-11-20 in the register.", []want{{"2024-11-20", "2024-11-20", Date}}},
		{"us numeric", pub, "The form was signed 11/20/2024 at the embassy.", []want{{"11/20/2024", "2024-11-20", Date}}},
		{"sept abbreviation", pub, "Talks resumed Sept. 3 after a pause.", []want{{"Sept. 3", "2024-09-03", Date}}},
		{"month day future", pub, "Elections will be held on Jan. 15 across the country.", []want{{"Jan. 15", "2025-01-15", Date}}},
		{"month day nearest", pub, "The envoy arrives Dec. 2 for talks.", []want{{"Dec. 2", "2024-12-02", Date}}},
		{"mid month", pub, "Prices rose in mid-October after the storm.", []want{{"mid-October", "2024-10", Date}}},
		{"late month", pub, "The crisis began in late February.", []want{{"late February", "2024-02", Date}}},
		{"month only past", pub, "The ministry said in May that it would act.", []want{{"May", "2024-05", Date}}},
		{"month only future", pub, "The ministers will meet again in May.", []want{{"May", "2025-05", Date}}},
		{"month only later in year", pub, "The deal was struck in December.", []want{{"December", "2023-12", Date}}},
		{"month year", pub, "Exports fell in March 2023, the bank said.", []want{{"March 2023", "2023-03", Date}}},
		{"year", pub, "The treaty was signed in 2023.", []want{{"2023", "2023", Date}}},
		{"old year", pub, "The abbey was founded in 1066 by monks.", []want{{"1066", "1066", Date}}},
		{"thousands are not years", pub, "The army sent 2,000 troops and the port moved 1,000 containers.", nil},
		{"counted nouns are not years", pub, "About 1500 soldiers and 2000 people left.", nil},
		{"decade", pub, "Growth peaked in the 1990s.", []want{{"the 1990s", "199", Date}}},
		{"short decade", pub, "Music from the '80s is back.", []want{{"the '80s", "198", Date}}},
		{"century", pub, "The fort dates from the 19th century.", []want{{"the 19th century", "18", Date}}},
		{"weekday past", pub, "She spoke on Tuesday at the forum.", []want{{"Tuesday", "2024-11-19", Date}}},
		{"weekday future", pub, "The council will meet on Tuesday.", []want{{"Tuesday", "2024-11-26", Date}}},
		{"weekday is publication day", pub, "The court ruled Friday.", []want{{"Friday", "2024-11-22", Date}}},
		{"last weekday", pub, "He resigned last Friday.", []want{{"last Friday", "2024-11-15", Date}}},
		{"next weekday", pub, "They vote next Friday.", []want{{"next Friday", "2024-11-29", Date}}},
		{"weekday with date", pub, "It happened Tuesday, Nov. 19, 2024.", []want{{"Tuesday, Nov. 19, 2024", "2024-11-19", Date}}},
		{"today", pub, "The report came out today.", []want{{"today", "2024-11-22", Date}}},
		{"yesterday", pub, "He arrived yesterday.", []want{{"yesterday", "2024-11-21", Date}}},
		{"tomorrow", pub, "They leave tomorrow.", []want{{"tomorrow", "2024-11-23", Date}}},
		{"last week", pub, "Officials met last week.", []want{{"last week", "2024-W46", Date}}},
		{"next week", pub, "Officials meet next week.", []want{{"next week", "2024-W48", Date}}},
		{"the past week", pub, "Sales rose over the past week.", []want{{"the past week", "P1W", Duration}}},
		{"this month", pub, "Exports fell this month.", []want{{"this month", "2024-11", Date}}},
		{"earlier this month", pub, "The agency said earlier this month that it agreed.", []want{{"earlier this month", "2024-11", Date}}},
		{"next year", pub, "The plant will open next year.", []want{{"next year", "2025", Date}}},
		{"last year", pub, "Profits fell last year.", []want{{"last year", "2023", Date}}},
		{"last month", pub, "Profits fell last month.", []want{{"last month", "2024-10", Date}}},
		{"days ago", pub, "The ship left two days ago.", []want{{"two days ago", "2024-11-20", Date}}},
		{"years ago", pub, "The mine closed three years ago.", []want{{"three years ago", "2021", Date}}},
		{"weekday night", pub, "The rebels attacked on Monday night.", []want{{"Monday night", "2024-11-18TNI", Time}}},
		{"this morning", pub, "The minister spoke this morning.", []want{{"this morning", "2024-11-22TMO", Time}}},
		{"clock", pub, "The polls close at 3 p.m. sharp.", []want{{"3 p.m.", "2024-11-22T15:00", Time}}},
		{"clock with weekday", pub, "The rocket lifted off at 18:00 UTC on Tuesday.", []want{{"18:00 UTC on Tuesday", "2024-11-19T18:00Z", Time}}},
		{"clock then weekday", pub, "The board met at 7:30 p.m. Tuesday and voted.", []want{{"7:30 p.m. Tuesday", "2024-11-19T19:30", Time}}},
		{"weekday then clock", pub, "The board met Tuesday at 7:30 p.m. and voted.", []want{{"Tuesday", "2024-11-19", Date}, {"7:30 p.m.", "2024-11-19T19:30", Time}}},
		{"clock then date", pub, "Polls close at 8 p.m. Nov. 5 in the state.", []want{{"8 p.m. Nov. 5", "2024-11-05T20:00", Time}}},
		{"plural part of day", pub, "She reads there on Saturday afternoons.", []want{{"Saturday afternoons", "XXXX-WXX-6TAF", Set}}},
		{"rate after money", pub, "The hours cost $42,000 a year.", []want{{"a year", "P1Y", Set}}},
		{"rate after unit", pub, "They walk 20 minutes a day, three times a week.", []want{{"20 minutes", "PT20M", Duration}, {"a day", "P1D", Set}, {"a week", "P1W", Set}}},
		{"a year is a duration", pub, "The repairs took a year.", []want{{"a year", "P1Y", Duration}}},
		{"day month full stop", pub, "The review will end on 11 June. Then it starts again.", []want{{"11 June", "2025-06-11", Date}}},
		{"postponed until", pub, "Ministers have postponed the decision until the spring.", []want{{"the spring", "2025-SP", Date}}},
		{"stayed until", pub, "He stayed in the city until the spring.", []want{{"the spring", "2024-SP", Date}}},
		{"two days one month", pub, "The leaders meet on 20 and 21 March in Geneva.", []want{{"20", "2025-03-20", Date}, {"21 March", "2025-03-21", Date}}},
		{"month two days", pub, "The leaders will meet on March 20 and 21 in Geneva.", []want{{"March 20", "2025-03-20", Date}, {"21", "2025-03-21", Date}}},
		{"present tense clause", pub, "She won a runoff on Feb. 16 and takes office on Dec. 15.", []want{{"Feb. 16", "2024-02-16", Date}, {"Dec. 15", "2024-12-15", Date}}},
		{"no tense nearest month", pub, "If the gates are shut through January, farms fail.", []want{{"January", "2025-01", Date}}},
		{"agreed to", pub, "They agreed to resume talks in February.", []want{{"February", "2025-02", Date}}},
		{"present as verb", pub, "She is due to present the plan today.", []want{{"today", "2024-11-22", Date}}},
		{"time keeps its own day", pub, "At 11:20 a.m. the envoy tabled a plan for releases between April 1 and May 31.", []want{{"11:20 a.m.", "2024-11-22T11:20", Time}, {"April 1", "2025-04-01", Date}, {"May 31", "2025-05-31", Date}}},
		{"linking verb participle", pub, "If the gates stay closed through January, farms fail.", []want{{"January", "2025-01", Date}}},
		{"quotation walls off tense", pub, "She said: “The water must arrive in January.”", []want{{"January", "2025-01", Date}}},
		{"agreed is past", pub, "The plan was first agreed in April by six countries.", []want{{"April", "2024-04", Date}}},
		{"adjective participle", pub, "The firm plans to launch a paid tier in Q1.", []want{{"Q1", "2025-Q1", Date}}},
		{"vague units of", pub, "It took months of work and the months of June and July.", []want{{"months", "PXM", Duration}, {"June", "2024-06", Date}, {"July", "2024-07", Date}}},
		{"day month next year", pub, "Work starts on 14 March next year.", []want{{"14 March next year", "2025-03-14", Date}}},
		{"month last year", pub, "It opened in May last year.", []want{{"May last year", "2023-05", Date}}},
		{"fiscal year", pub, "For fiscal 2024, revenue rose.", []want{{"fiscal 2024", "2024", Date}}},
		{"currently", pub, "Markets are currently calm.", []want{{"currently", "PRESENT_REF", Date}}},
		{"now", pub, "Putin is now indebted to Kim.", []want{{"now", "PRESENT_REF", Date}}},
		{"recent weeks", pub, "Prices rose in recent weeks.", []want{{"recent weeks", "PXW", Duration}}},
		{"now compound", pub, "The now-cancelled deal was signed.", nil},
		{"weekday in a name", pub, "The Sunday Times reported the deal.", nil},
		{"may in a name", pub, "The May Fourth Movement shaped China.", nil},
		{"months as names", pub, "Mark May and June Carter sang.", nil},
		{"late century", pub, "The station was built in the late 19th century.", []want{{"the late 19th century", "18", Date}}},
		{"vague ago", pub, "The mine closed years ago.", []want{{"years ago", "PAST_REF", Date}}},
		{"over the weekend", pub, "Protesters marched over the weekend.", []want{{"the weekend", "2024-W46-WE", Date}}},
		{"coming weekend", pub, "Protesters will march over the weekend.", []want{{"the weekend", "2024-W47-WE", Date}}},
		{"fall of a city", pub, "Since the fall of Kabul, aid has dried up.", nil},
		{"one month per article", day(2024, 2, 1), "The bank could cut rates in March. Markets had priced in a cut for March.",
			[]want{{"March", "2024-03", Date}, {"March", "2024-03", Date}}},
		{"range start takes the end's year", day(2024, 11, 13), "The summit was held from Nov. 18 to Nov. 19, 2024.",
			[]want{{"Nov. 18", "2024-11-18", Date}, {"Nov. 19, 2024", "2024-11-19", Date}}},
		{"late weekday", pub, "The storm will make landfall late Sunday.", []want{{"late Sunday", "2024-11-24", Date}}},
		{"past hours", pub, "Rain fell over the past 24 hours.", []want{{"the past 24 hours", "PT24H", Duration}}},
		{"last few years", pub, "Costs rose in the last few years.", []want{{"the last few years", "PXY", Duration}}},
		{"days later", pub, "The talks began on Nov. 12. Two days later, the envoys left.", []want{{"Nov. 12", "2024-11-12", Date}, {"Two days later", "2024-11-14", Date}}},
		{"a year earlier", pub, "Sales rose 5% from a year earlier.", []want{{"a year earlier", "2023", Date}}},
		{"season year", pub, "The plant opens in fall 2025, while prices fall 2% and sales fall 2,000 units.", []want{{"fall 2025", "2025-FA", Date}}},
		{"recently", pub, "Tensions have risen recently.", []want{{"recently", "PAST_REF", Date}}},
		{"in the past", pub, "Such talks failed in the past.", []want{{"the past", "PAST_REF", Date}}},
		{"in the future", pub, "Such talks could happen in the future.", []want{{"the future", "FUTURE_REF", Date}}},
		{"at the moment", pub, "At the moment, nobody knows.", []want{{"the moment", "PRESENT_REF", Date}}},
		{"duration", pub, "The program ran for three years.", []want{{"three years", "P3Y", Duration}}},
		{"duration weeks", pub, "The review takes two weeks.", []want{{"two weeks", "P2W", Duration}}},
		{"duration adjective", pub, "It ended a 27-year run.", []want{{"27-year", "P27Y", Duration}}},
		{"duration half", pub, "It took two and a half years.", []want{{"two and a half years", "P2.5Y", Duration}}},
		{"vague duration", pub, "The dispute has lasted for decades.", []want{{"decades", "PXDE", Duration}}},
		{"set every", pub, "The report is published every year.", []want{{"every year", "P1Y", Set}}},
		{"set weekly", pub, "The journal appears weekly.", []want{{"weekly", "P1W", Set}}},
		{"set weekdays", pub, "The market opens on Sundays.", []want{{"Sundays", "XXXX-WXX-7", Set}}},
		{"season of year", pub, "Harvests were poor in the summer of 2023.", []want{{"the summer of 2023", "2023-SU", Date}}},
		{"season this", pub, "Talks resume this spring.", []want{{"this spring", "2024-SP", Date}}},
		{"season last", pub, "Floods hit last summer.", []want{{"last summer", "2024-SU", Date}}},
		{"quarter past", pub, "Revenue rose in the third quarter.", []want{{"the third quarter", "2024-Q3", Date}}},
		{"quarter future", pub, "Revenue will rise in the first quarter.", []want{{"the first quarter", "2025-Q1", Date}}},
		{"quarter of year", pub, "Revenue fell in the second quarter of 2022.", []want{{"the second quarter of 2022", "2022-Q2", Date}}},
		{"range years", pub, "He served from 2003 to 2006.", []want{{"2003", "2003", Date}, {"2006", "2006", Date}}},
		{"range months", pub, "Rains fell between May and July.", []want{{"May", "2024-05", Date}, {"July", "2024-07", Date}}},
		{"day range", pub, "The forum met Nov. 20-21 in Lima.", []want{{"Nov. 20-21", "2024-11-20", Date}}},
		{"next day anchored", pub, "The talks began on Nov. 12. The next day, the envoys left.", []want{{"Nov. 12", "2024-11-12", Date}, {"The next day", "2024-11-13", Date}}},
		{"year names month", pub, "Voters are divided ahead of the 2024 election in November.", []want{{"2024", "2024", Date}, {"November", "2024-11", Date}}},
		{"beginning of the year", pub, "Prices rose at the beginning of the year.", []want{{"the beginning of the year", "2024", Date}}},
		{"during the year", pub, "They hope to meet several times during the year.", []want{{"the year", "2024", Date}}},
		{"modal may", pub, "This may embolden Pyongyang. May I ask?", nil},
		{"surname may", pub, "Theresa May spoke.", nil},
		{"name april", pub, "April Jones spoke to reporters.", nil},
		{"impossible date", pub, "The vote was on Feb. 30, 2023.", nil},
		{"leap day", pub, "The anniversary was Feb. 29.", []want{{"Feb. 29", "2024-02-29", Date}}},
		{"flight numbers", pub, "Flight 2024 landed safely.", nil},
		{"money", pub, "It cost $2024 to fix.", nil},
		{"no publication weekday", time.Time{}, "She spoke on Tuesday.", []want{{"Tuesday", "XXXX-WXX-2", Date}}},
		{"no publication month", time.Time{}, "They met in May.", []want{{"May", "XXXX-05", Date}}},
		{"no publication month day", time.Time{}, "They met Nov. 20.", []want{{"Nov. 20", "XXXX-11-20", Date}}},
		{"no publication today", time.Time{}, "They met today.", []want{{"today", "PRESENT_REF", Date}}},
		{"no publication last week", time.Time{}, "They met last week.", []want{{"last week", "PAST_REF", Date}}},
		{"no publication absolute", time.Time{}, "They met on Nov. 20, 2024.", []want{{"Nov. 20, 2024", "2024-11-20", Date}}},
		{"far past publication", day(1, 1, 3), "The fair opened last year.", []want{{"last year", "PAST_REF", Date}}},
		{"far future publication", day(9999, 12, 30), "The fair opens next year.", []want{{"next year", "FUTURE_REF", Date}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, sents := testDoc(tt.text, tt.pub)
			got := Find(d, sents)
			var gs []want
			for _, x := range got {
				gs = append(gs, want{d.Slice(x.Span), x.Value, x.Type})
			}
			if len(gs) != len(tt.want) {
				t.Fatalf("got %v, want %v", gs, tt.want)
			}
			for i := range gs {
				if gs[i] != tt.want[i] {
					t.Errorf("expression %d: got %v, want %v", i, gs[i], tt.want[i])
				}
			}
		})
	}
}

func TestRangesAndMods(t *testing.T) {
	d, sents := testDoc("He served from 2003 to 2006. Rains fell between May and July. Prices rose in mid-October. The forum met Nov. 20-21.", pub)
	got := Find(d, sents)
	if len(got) != 6 {
		t.Fatalf("got %d expressions: %+v", len(got), got)
	}
	checks := []struct {
		i        int
		end, mod string
		rangeEnd bool
	}{
		{0, "2006", "", false}, {1, "", "", true},
		{2, "2024-07", "", false}, {3, "", "", true},
		{4, "", "MID", false},
		{5, "2024-11-21", "", false},
	}
	for _, c := range checks {
		g := got[c.i]
		if g.End != c.end || g.Mod != c.mod || g.RangeEnd != c.rangeEnd {
			t.Errorf("%q: End %q Mod %q RangeEnd %v, want %q %q %v", d.Slice(g.Span), g.End, g.Mod, g.RangeEnd, c.end, c.mod, c.rangeEnd)
		}
	}
	for i, g := range got {
		if g.Sentence < 0 || g.Sentence >= len(sents) || !sents[g.Sentence].Contains(g.Span) {
			t.Errorf("expression %d: sentence %d does not contain its span", i, g.Sentence)
		}
	}
}

// TestArticles runs the scanner over the articles in testdata: each X.txt
// has a first line "published: YYYY-MM-DD" and X.want lists every expression
// as "text<TAB>value<TAB>TYPE", in order.
func TestArticles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			raw, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			first, body, _ := strings.Cut(string(raw), "\n")
			p, err := time.Parse("2006-01-02", strings.TrimSpace(strings.TrimPrefix(first, "published:")))
			if err != nil {
				t.Fatal(err)
			}
			d, sents := testDoc(body, p)
			got := Find(d, sents)
			wf, err := os.Open(strings.TrimSuffix(f, ".txt") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			defer wf.Close()
			var wants []string
			sc := bufio.NewScanner(wf)
			for sc.Scan() {
				if l := strings.TrimSpace(sc.Text()); l != "" && !strings.HasPrefix(l, "#") {
					wants = append(wants, l)
				}
			}
			var gots []string
			for _, x := range got {
				gots = append(gots, d.Slice(x.Span)+"\t"+x.Value+"\t"+x.Type.String())
			}
			if strings.Join(gots, "\n") != strings.Join(wants, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(gots, "\n"), strings.Join(wants, "\n"))
			}
		})
	}
}

func TestValidValue(t *testing.T) {
	good := []string{"2024", "199", "20", "2024-11", "2024-11-19", "2024-02-29", "2024-W46", "2024-W46-2", "2024-W04-WE",
		"2024-Q3", "2024-H1", "2024-SU", "XXXX-11-20", "XXXX-WXX-2", "XXXX-05", "2024-11-19T15:00", "2024-11-19TNI",
		"2009-12-15T18:00Z", "XXXX-XX-XXT15:00", "PRESENT_REF", "PAST_REF", "FUTURE_REF", "P3Y", "P2.5Y", "PXDE",
		"PT30M", "P1DT2H", "P1WE", "0001", "9999-12-31"}
	bad := []string{"", "2023-02-29", "2024-02-30", "2024-13", "2024-00", "2024-11-31", "2024-W54", "2024-Q5", "2024-H3",
		"2024-XY", "2024T15:00", "2024-11-19T25:00", "2024-11-19T15:60", "P", "PY", "P3", "P3.Y", "NOW", "0000",
		"12345", "2024-11-19TXX", "2024-11-19T15:00ZZ", "XXXX-02-30"}
	for _, v := range good {
		if !ValidValue(v) {
			t.Errorf("ValidValue(%q) = false, want true", v)
		}
	}
	for _, v := range bad {
		if ValidValue(v) {
			t.Errorf("ValidValue(%q) = true, want false", v)
		}
	}
}

func TestTypeString(t *testing.T) {
	for ty, s := range map[Type]string{Date: "DATE", Time: "TIME", Duration: "DURATION", Set: "SET"} {
		if ty.String() != s {
			t.Errorf("%d.String() = %q, want %q", ty, ty.String(), s)
		}
	}
}

// A run-on "sentence" with many expressions must stay linear (the test
// would time out otherwise).
func TestRunOnSentence(t *testing.T) {
	text := "It began " + strings.Repeat("on Monday at noon, will end on Friday at 3 p.m. and ", 30000) + "ends."
	d, _ := testDoc(text, pub)
	got := Find(d, []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}})
	if len(got) != 120000 {
		t.Fatalf("got %d expressions, want 120000", len(got))
	}
	if got[0].Value != "2024-11-18" || got[1].Value != "2024-11-18T12:00" || got[2].Value != "2024-11-22" || got[3].Value != "2024-11-22T15:00" {
		t.Errorf("values %q %q %q %q", got[0].Value, got[1].Value, got[2].Value, got[3].Value)
	}
}

// TestFmtDayMatchesPadding checks the one-allocation day format against the
// padded pieces it replaces, for years at and past the four-digit edges.
func TestFmtDayMatchesPadding(t *testing.T) {
	for _, y := range []int{-12, 0, 1, 9, 10, 99, 100, 999, 1000, 1969, 2024, 9999, 10000, 123456} {
		for _, md := range [][2]int{{1, 1}, {2, 29}, {9, 9}, {10, 10}, {12, 31}} {
			d := time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC)
			yy, mm, dd := d.Date()
			want := four(yy) + "-" + two(int(mm)) + "-" + two(dd)
			if got := fmtDay(d); got != want {
				t.Errorf("fmtDay(%v) = %q, want %q", d, got, want)
			}
		}
	}
}
