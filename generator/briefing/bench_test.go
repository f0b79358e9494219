package briefing

import (
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/extract"
	"briefgen/generator/source"
)

// Names, places and sentence patterns of the benchmark briefing: all made
// up for these tests, so that extraction finds people with titles,
// surnames used alone, organizations, places, quotations and dated
// events at venues, as in a real briefing.
var (
	benchGiven  = []string{"Marta", "Daniel", "Irena", "Tomas", "Amina", "Hugo", "Lena", "Kofi", "Sara", "Rafael", "Noor", "Yuki"}
	benchFamily = []string{"Ellison", "Okafor", "Volkova", "Brandt", "Diallo", "Ferreira", "Marsh", "Mensah", "Lindqvist", "Ortega", "de Vries"}
	benchTitles = []string{"Foreign Minister", "President", "Prime Minister", "Defense Minister", "Ambassador", "Trade Minister"}
	benchPlaces = []string{"Geneva", "Vienna", "Nairobi", "Lisbon", "Oslo", "Brussels", "Jakarta", "Lima", "Accra", "Hanoi"}
	benchOrgs   = []string{"the United Nations", "the European Union", "the World Bank", "NATO", "the African Union", "the Red Cross"}
	benchDays   = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}
	benchSayA   = []string{
		"We will not accept an agreement that leaves our farmers without water",
		"The talks were frank and constructive",
		"Nobody wants these rules",
		"Our delegation came here in good faith",
		"The border question cannot be settled by one side alone",
		"We expect a first draft of the text before the end of the month",
		"There is no agreement until everything is agreed",
		"The figures published this week show how far apart we remain",
	}
	benchSayB = []string{
		"and we said so plainly",
		"but much work remains to be done",
		"whatever the newspapers write",
		"and the ministers know it",
		"so we will keep talking",
		"even if it takes another year",
	}
)

// benchBriefing writes one briefing of n articles into a MemMapFs and
// loads it. Each article has about 24 paragraphs drawn from the patterns
// above with a fixed seed, so the briefing is the same every run.
func benchBriefing(tb testing.TB, n int) *source.Briefing {
	tb.Helper()
	afs := afero.NewMemMapFs()
	write := func(name, body string) {
		if err := afero.WriteFile(afs, "/site/"+name, []byte(body), 0o644); err != nil {
			tb.Fatal(err)
		}
	}
	write("site.yaml", "title: Bench\nbaseURL: https://example.org/\n")
	write("content/talks/_index.md", "---\ntitle: The border talks\n---\n")
	r := rand.New(rand.NewPCG(1, 2))
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	var people []string // 40 of the names, some sharing a given or a family name
	for k := 0; len(people) < 40; k++ {
		people = append(people, benchGiven[(k*5)%len(benchGiven)]+" "+benchFamily[(k*7+k/len(benchGiven))%len(benchFamily)])
	}
	surname := func(p string) string { return p[strings.LastIndexByte(p, ' ')+1:] }
	base := time.Date(2025, 3, 3, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n; i++ {
		pub := base.AddDate(0, 0, i*2)
		var b strings.Builder
		cast := make([]string, 6) // the people this article is about
		for k := range cast {
			cast[k] = people[r.IntN(len(people))]
		}
		for k := 0; k < 24; k++ {
			p, q := pick(cast), pick(cast)
			day := pub.AddDate(0, 0, -r.IntN(5))
			date := day.Format("Jan. 2")
			say := pick(benchSayA) + " " + pick(benchSayB)
			switch k % 12 {
			case 0:
				fmt.Fprintf(&b, "%s %s met %s in %s on %s, according to a statement from %s.", pick(benchTitles), p, q, pick(benchPlaces), date, pick(benchOrgs))
			case 1, 7:
				fmt.Fprintf(&b, "\"%s,\" %s told reporters in %s.", say, surname(p), pick(benchPlaces))
			case 2:
				fmt.Fprintf(&b, "%s, the %s, said the ministers had spoken by telephone on %s.", p, strings.ToLower(pick(benchTitles)), benchDays[r.IntN(len(benchDays))])
			case 3, 9:
				fmt.Fprintf(&b, "\"%s,\" said %s, who leads the delegation of %s.", say, p, pick(benchOrgs))
			case 4:
				fmt.Fprintf(&b, "Officials of %s and %s signed a protocol in %s on %s, %d.", pick(benchOrgs), pick(benchOrgs), pick(benchPlaces), date, day.Year())
			case 5, 11:
				fmt.Fprintf(&b, "%s and %s disagree over the order of the agenda, diplomats in %s said.", surname(p), surname(q), pick(benchPlaces))
			case 6:
				fmt.Fprintf(&b, "Analysts said %s remained far apart from %s on the central question of the checkpoints.", p, q)
			case 8:
				fmt.Fprintf(&b, "%s %s arrived in %s for the talks with %s.", pick(benchTitles), p, pick(benchPlaces), q)
			default:
				fmt.Fprintf(&b, "Trade between the two countries grew to roughly $%d billion last year, according to %s.", 2+r.IntN(8), pick(benchOrgs))
			}
			b.WriteString("\n\n")
		}
		write(fmt.Sprintf("content/talks/article-%03d.md", i), fmt.Sprintf(
			"---\ntitle: \"Talks, day %d\"\ndate: %s\nsource: Outlet %d\n---\n\n%s", i, pub.Format("2006-01-02"), i%5, b.String()))
	}
	site, err := source.Load(afs, "/site", source.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	if len(site.Briefings) != 1 || len(site.Briefings[0].Articles) != n {
		tb.Fatalf("loaded %d briefings", len(site.Briefings))
	}
	return site.Briefings[0]
}

// benchInput returns the briefing to aggregate and its facts: the first
// briefing of the site in $BRIEFGEN_BENCH_SITE when set (for example
// /dev/shm/site-1k), else a synthetic one of 50 articles.
func benchInput(b *testing.B) (*source.Briefing, FactsOf) {
	var br *source.Briefing
	if dir := os.Getenv("BRIEFGEN_BENCH_SITE"); dir != "" {
		site, err := source.Load(afero.NewOsFs(), dir, source.Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(site.Briefings) == 0 {
			b.Fatalf("%s: no briefing", dir)
		}
		br = site.Briefings[0]
	} else {
		br = benchBriefing(b, 50)
	}
	facts := make(map[*source.Article]*extract.Facts, len(br.Articles))
	for _, a := range br.Articles {
		facts[a] = extract.Run(a.Doc)
	}
	return br, func(a *source.Article) *extract.Facts { return facts[a] }
}

// BenchmarkAggregate aggregates a 50-article briefing (extraction done
// beforehand): registry, quotations, timeline.
func BenchmarkAggregate(b *testing.B) {
	br, facts := benchInput(b)
	var x *Briefing
	b.ReportAllocs()
	for b.Loop() {
		x = Aggregate(br, facts, Options{})
	}
	b.ReportMetric(float64(len(x.Actors)), "actors")
	b.ReportMetric(float64(len(x.Quotes)), "quotes")
	b.ReportMetric(float64(len(x.Timeline.Entries)), "events")
}

// BenchmarkArticleView builds every article page's view of its facts.
func BenchmarkArticleView(b *testing.B) {
	br, facts := benchInput(b)
	x := Aggregate(br, facts, Options{})
	b.ReportAllocs()
	for b.Loop() {
		for _, a := range x.Articles {
			x.ArticleView(a, facts(a))
		}
	}
}

// BenchmarkBrief writes the Markdown brief of an aggregated briefing.
func BenchmarkBrief(b *testing.B) {
	br, facts := benchInput(b)
	x := Aggregate(br, facts, Options{})
	link := func(s string) string { return "https://example.org" + s }
	b.ReportAllocs()
	for b.Loop() {
		x.Brief(link)
	}
}

// TestBenchBriefing checks that the benchmark briefing exercises what it
// is meant to: merged actors, merged quotations and a timeline.
func TestBenchBriefing(t *testing.T) {
	if testing.Short() {
		t.Skip("extraction of 20 articles")
	}
	br := benchBriefing(t, 20)
	facts := make(map[*source.Article]*extract.Facts, len(br.Articles))
	for _, a := range br.Articles {
		facts[a] = extract.Run(a.Doc)
	}
	x := Aggregate(br, func(a *source.Article) *extract.Facts { return facts[a] }, Options{})
	multi, withRoles, shared := 0, 0, 0
	for _, a := range x.Actors {
		if len(a.Articles) > 1 {
			multi++
		}
		if len(a.Roles) > 0 {
			withRoles++
		}
	}
	for _, q := range x.Quotes {
		if len(q.Sources) > 1 {
			shared++
		}
	}
	if multi < 10 || withRoles < 5 || shared < 3 || len(x.Timeline.Entries) < 20 {
		t.Errorf("benchmark briefing too thin: %d actors in several articles, %d with roles, %d shared quotations, %d events",
			multi, withRoles, shared, len(x.Timeline.Entries))
	}
}

// BenchmarkTimelineJSON writes the TimelineJS document of an aggregated
// briefing's timeline.
func BenchmarkTimelineJSON(b *testing.B) {
	br, facts := benchInput(b)
	x := Aggregate(br, facts, Options{})
	link := func(s string) string { return "https://example.org" + s }
	b.ReportAllocs()
	for b.Loop() {
		if _, err := x.Timeline.JSON(br.Title, br.Summary, link); err != nil {
			b.Fatal(err)
		}
	}
}

// TestRelatedPaths checks that related counts the same with its matrix
// and with its sorted pairs.
func TestRelatedPaths(t *testing.T) {
	if testing.Short() {
		t.Skip("extraction of 20 articles")
	}
	br := benchBriefing(t, 20)
	facts := make(map[*source.Article]*extract.Facts, len(br.Articles))
	for _, a := range br.Articles {
		facts[a] = extract.Run(a.Doc)
	}
	factsOf := func(a *source.Article) *extract.Facts { return facts[a] }
	want := Aggregate(br, factsOf, Options{})
	defer func(n int) { relatedMatrixMax = n }(relatedMatrixMax)
	relatedMatrixMax = 0
	got := Aggregate(br, factsOf, Options{})
	n := 0
	for i, a := range want.Actors {
		g := got.Actors[i]
		if len(a.Related) != len(g.Related) {
			t.Fatalf("%s: %d related, with pairs %d", a.ID, len(a.Related), len(g.Related))
		}
		for k, r := range a.Related {
			if r.Actor.ID != g.Related[k].Actor.ID || r.Count != g.Related[k].Count {
				t.Errorf("%s: related %d = %s×%d, with pairs %s×%d", a.ID, k, r.Actor.ID, r.Count, g.Related[k].Actor.ID, g.Related[k].Count)
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("only %d related actors: the test briefing is too thin", n)
	}
}
