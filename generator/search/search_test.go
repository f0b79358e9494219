package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/spf13/afero"

	"briefgen/generator/actors"
	"briefgen/generator/briefing"
	"briefgen/generator/doc"
	"briefgen/generator/extract"
	"briefgen/generator/overrides"
	"briefgen/generator/quotes"
	"briefgen/generator/source"
)

// loadSite loads a test site and extracts the facts of its articles.
func loadSite(t testing.TB, root string) (*source.Site, FactsOf) {
	t.Helper()
	site, err := source.Load(afero.NewReadOnlyFs(afero.NewOsFs()), root, source.Options{})
	if err != nil {
		t.Fatal(err)
	}
	facts := map[*source.Article]*extract.Facts{}
	for _, a := range site.Articles {
		facts[a] = extract.Run(a.Doc)
	}
	return site, func(a *source.Article) *extract.Facts { return facts[a] }
}

func TestBuildSite(t *testing.T) {
	site, of := loadSite(t, "testdata/site")
	idx := Build(site, Options{Facts: of})

	if idx.Version != 1 {
		t.Errorf("version %d", idx.Version)
	}
	if want := []Briefing{{Slug: "harbor", Title: "Harbor strike"}}; fmt.Sprint(idx.Briefings) != fmt.Sprint(want) {
		t.Errorf("briefings %+v, want %+v", idx.Briefings, want)
	}

	// Articles: the site's order (newest first), the fields of each.
	wantArts := []Article{
		{Title: "Talks resume as ships queue outside Carvel", Outlet: "Northern Wire", Date: "2025-03-06", Briefing: 0, URL: "/harbor/talks/",
			Excerpt: "Negotiators for the dockers and the port met again on Wednesday as more than forty ships waited outside the harbor."},
		{Title: "Dock workers walk out at Carvel", Outlet: "Coastal Herald", Date: "2025-03-04", Briefing: 0, URL: "/harbor/walkout/",
			Excerpt: "Dock workers at the port of Carvel walked out on Monday after talks over pay broke down, leaving cranes idle and ships waiting offshore."},
		{Title: "A note from the editors", Outlet: "Search Test Desk", Date: "2025-01-02", Briefing: -1, URL: "/standalone/",
			Excerpt: "This site collects reporting on port and shipping disputes."},
	}
	if len(idx.Articles) != len(wantArts) {
		t.Fatalf("%d articles, want %d: %+v", len(idx.Articles), len(wantArts), idx.Articles)
	}
	for i, w := range wantArts {
		if idx.Articles[i] != w {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, idx.Articles[i], w)
		}
	}

	// Actors: one per briefing and ID, sorted by name, linked to their
	// entry on the newest article naming them.
	byName := map[string]Actor{}
	var names []string
	for _, a := range idx.Actors {
		byName[a.Name] = a
		names = append(names, a.Name)
	}
	for i := 1; i < len(names); i++ {
		if names[i-1] >= names[i] {
			t.Errorf("actors not sorted by name: %q before %q", names[i-1], names[i])
		}
	}
	for _, w := range []struct {
		name, kind, url, role string
	}{
		{"Marta Lindqvist", "person", "/harbor/walkout/#actor-marta-lindqvist", "the leader of the Carvel Dockers Union"},
		{"Ana Ruiz", "person", "/harbor/talks/#actor-ana-ruiz", "a mediator appointed by the Labor Ministry"},
		{"Paul Okafor", "person", "/harbor/walkout/#actor-paul-okafor", "director"},
		{"Port Authority of Carvel", "organization", "/harbor/walkout/#actor-port-authority-of-carvel", ""},
	} {
		a, ok := byName[w.name]
		if !ok {
			t.Errorf("no actor %q in %q", w.name, names)
			continue
		}
		if a.Kind != w.kind || a.URL != w.url || a.Briefing != 0 {
			t.Errorf("actor %q: kind %q url %q briefing %d; want %q %q 0", w.name, a.Kind, a.URL, a.Briefing, w.kind, w.url)
		}
		if w.role != "" && (len(a.Roles) == 0 || a.Roles[0] != w.role) {
			t.Errorf("actor %q: roles %q, want %q first", w.name, a.Roles, w.role)
		}
	}

	// Quotations: the one both articles carry appears once, with the
	// speaker the older article names, linked to the newest article.
	var shared *Quote
	for i, q := range idx.Quotes {
		if strings.HasPrefix(q.Text, "We have waited three years") {
			if shared != nil {
				t.Errorf("shared quotation listed twice: %+v and %+v", *shared, q)
			}
			shared = &idx.Quotes[i]
		}
		if strings.HasSuffix(q.Text, ",") {
			t.Errorf("quotation keeps its trailing comma: %q", q.Text)
		}
		if q.Article < 0 || q.Article >= len(idx.Articles) || !strings.HasPrefix(q.Anchor, "s-") {
			t.Errorf("quotation %q: bad article %d or anchor %q", q.Text, q.Article, q.Anchor)
		}
	}
	if shared == nil {
		t.Fatalf("shared quotation missing: %+v", idx.Quotes)
	}
	if want := (Quote{Text: "We have waited three years for a fair offer and we will not wait any longer", Speaker: "Marta Lindqvist", Article: 0, Anchor: "s-3", Sources: 2}); *shared != want {
		t.Errorf("shared quotation\n got %+v\nwant %+v", *shared, want)
	}
	if q := findQuote(idx, "The port will stay open"); q == nil || q.Speaker != "Paul Okafor" || q.Article != 1 || q.Sources != 0 {
		t.Errorf("Okafor's quotation: %+v", q)
	}
}

func findQuote(idx *Index, prefix string) *Quote {
	for i := range idx.Quotes {
		if strings.HasPrefix(idx.Quotes[i].Text, prefix) {
			return &idx.Quotes[i]
		}
	}
	return nil
}

// TestNoFacts: without extraction the index still lists the articles, and
// actors and quotes are empty lists, not null.
func TestNoFacts(t *testing.T) {
	site, _ := loadSite(t, "testdata/site")
	b, err := Build(site, Options{}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]string{"actors": "[]", "quotes": "[]", "v": "1"} {
		if string(raw[k]) != want {
			t.Errorf("%s = %s, want %s", k, raw[k], want)
		}
	}
	var idx Index
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	if len(idx.Articles) != 3 {
		t.Errorf("%d articles, want 3", len(idx.Articles))
	}
}

// TestDeterministic: the same site gives the same bytes, whatever the
// order maps are walked in.
func TestDeterministic(t *testing.T) {
	site, of := loadSite(t, "testdata/site")
	first, err := Build(site, Options{Facts: of}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		b, err := Build(site, Options{Facts: of}).JSON()
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(b, first) {
			t.Fatalf("run %d differs:\n%s\n%s", i, first, b)
		}
	}
	site2, of2 := loadSite(t, "testdata/site")
	if b, _ := Build(site2, Options{Facts: of2}).JSON(); !bytes.Equal(b, first) {
		t.Fatal("a second load gives a different index")
	}
}

// synthetic builds a one-article site from text and hand-made facts.
func synthetic(title, text string, f *extract.Facts) (*source.Site, FactsOf) {
	d := &doc.Doc{Text: []byte(text)}
	d.Paragraphs = []doc.Paragraph{{Span: doc.Span{Start: 0, End: len(text)}, Kind: doc.Body}}
	a := &source.Article{
		Path: "content/b/x.md", Briefing: "b", Slug: "x", Title: title, Source: "Outlet <b>",
		Date: time.Date(2025, 5, 1, 0, 0, 0, 0, time.UTC), Body: doc.Span{End: len(text)}, Doc: d,
	}
	br := &source.Briefing{Slug: "b", Title: "B", Articles: []*source.Article{a}}
	site := &source.Site{Briefings: []*source.Briefing{br}, Articles: []*source.Article{a}}
	if f == nil {
		return site, nil
	}
	if f.Sentences == nil {
		f.Sentences = []doc.Sentence{{Span: doc.Span{Start: 0, End: len(text)}}}
	}
	return site, func(*source.Article) *extract.Facts { return f }
}

// TestHostileText: markup, script end tags and control characters in
// article text come out of the JSON as the same text, with no raw < > &.
func TestHostileText(t *testing.T) {
	hostile := `</script><script>alert("x")</script> & <img src=x onerror=alert(1)>` + "\u2028\x00\x1b[31m"
	text := "He said \"" + hostile + "\" loudly."
	q0 := strings.Index(text, hostile)
	f := &extract.Facts{
		Actors: []actors.Actor{{ID: "evil", Name: "<b>Evil</b> & Co", Kind: actors.Person,
			Roles: []actors.Role{{Text: "</script>"}}, Mentions: []doc.Span{{Start: 0, End: 2}}}},
		Quotes: []quotes.Quote{{Span: doc.Span{Start: q0, End: q0 + len(hostile)}, Speaker: "evil"}},
	}
	site, of := synthetic(hostile, text, f)
	b, err := Build(site, Options{Facts: of}).JSON()
	if err != nil {
		t.Fatal(err)
	}
	for _, bad := range []string{"<", ">", "&", "\u2028", "\x00", "\x1b"} {
		if bytes.Contains(b, []byte(bad)) {
			t.Errorf("index contains raw %q: %s", bad, b)
		}
	}
	var idx Index
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	clean := `</script><script>alert("x")</script> & <img src=x onerror=alert(1)>`
	if got := idx.Articles[0].Title; !strings.HasPrefix(got, clean) {
		t.Errorf("title %q does not round-trip", got)
	}
	if len(idx.Quotes) != 1 || !strings.HasPrefix(idx.Quotes[0].Text, clean) || idx.Quotes[0].Speaker != "<b>Evil</b> & Co" {
		t.Errorf("quotes %+v", idx.Quotes)
	}
	if len(idx.Actors) != 1 || idx.Actors[0].Roles[0] != "</script>" || idx.Actors[0].URL != "/b/x/#actor-evil" {
		t.Errorf("actors %+v", idx.Actors)
	}
	if idx.Articles[0].Outlet != "Outlet <b>" {
		t.Errorf("outlet %q", idx.Articles[0].Outlet)
	}
}

// TestCaps: long strings are cut, lists are capped, tiny quotations are
// left out.
func TestCaps(t *testing.T) {
	var text strings.Builder
	var qs []quotes.Quote
	for i := 0; i < 50; i++ {
		start := text.Len()
		fmt.Fprintf(&text, "Quotation number %02d is here. ", i)
		qs = append(qs, quotes.Quote{Span: doc.Span{Start: start, End: text.Len() - 1}})
	}
	short := text.Len()
	text.WriteString("No. ")
	qs = append(qs, quotes.Quote{Span: doc.Span{Start: short, End: short + 3}})
	long := text.Len()
	text.WriteString(strings.Repeat("word ", 200))
	qs = append([]quotes.Quote{{Span: doc.Span{Start: long, End: text.Len()}}}, qs...)
	var aliases []string
	var roles []actors.Role
	for i := 0; i < 10; i++ {
		aliases = append(aliases, fmt.Sprintf("Alias %d", i))
		roles = append(roles, actors.Role{Text: fmt.Sprintf("role %d", i)}, actors.Role{Text: fmt.Sprintf("Role %d", i)})
	}
	f := &extract.Facts{
		Actors: []actors.Actor{{ID: "a", Name: "A " + strings.Repeat("é", 100), Kind: actors.Other, Aliases: aliases, Roles: roles}},
		Quotes: qs,
	}
	site, of := synthetic(strings.Repeat("Title ", 100), text.String(), f)
	lim := Limits{Quote: 100, QuotesPer: 10, Aliases: 3, Roles: 2, Name: 40, Title: 50, Excerpt: 60}
	idx := Build(site, Options{Facts: of, Limits: lim})

	if len(idx.Quotes) != 10 {
		t.Errorf("%d quotations, want the cap of 10", len(idx.Quotes))
	}
	if q := idx.Quotes[0].Text; len(q) > 100 || !strings.HasSuffix(q, "…") || !strings.HasPrefix(q, "word word") {
		t.Errorf("long quotation not cut to 100 bytes with an ellipsis: %d %q", len(q), q)
	}
	for _, q := range idx.Quotes {
		if q.Text == "No." {
			t.Error("a 3-byte quotation was kept")
		}
	}
	a := idx.Actors[0]
	if len(a.Aliases) != 3 || len(a.Roles) != 2 || a.Roles[1] != "role 1" {
		t.Errorf("aliases %q roles %q; want 3 aliases, roles deduplicated ignoring case and capped at 2", a.Aliases, a.Roles)
	}
	if len(a.Name) > 40 || !utf8.ValidString(a.Name) {
		t.Errorf("name %q (%d bytes) not cut to 40 at a rune boundary", a.Name, len(a.Name))
	}
	if a.URL != "/b/x/#s-1" {
		t.Errorf("an actor of kind other links to %q, want its sentence", a.URL)
	}
	if art := idx.Articles[0]; len(art.Title) > 50 || len(art.Excerpt) > 60 || art.Excerpt == "" {
		t.Errorf("title %q or excerpt %q not capped", art.Title, art.Excerpt)
	}
}

// aggregateAll merges every briefing of site, with the overrides an
// _index.md text gives (keyed by briefing slug).
func aggregateAll(t testing.TB, site *source.Site, of FactsOf, own map[string]string) func(*source.Briefing) *briefing.Briefing {
	t.Helper()
	out := map[*source.Briefing]*briefing.Briefing{}
	for _, b := range site.Briefings {
		var opt briefing.Options
		if text, ok := own[b.Slug]; ok {
			set, err := overrides.ParseIndex(b.Path, []byte(text))
			if err != nil {
				t.Fatal(err)
			}
			opt.Own = set
		}
		out[b] = briefing.Aggregate(b, briefing.FactsOf(of), opt)
	}
	return func(b *source.Briefing) *briefing.Briefing { return out[b] }
}

// TestBuildAggregate: an aggregated briefing gives the registry's actors,
// linked to their actor pages, and its deduplicated quotations.
func TestBuildAggregate(t *testing.T) {
	site, of := loadSite(t, "testdata/site")
	idx := Build(site, Options{Facts: of, Aggregate: aggregateAll(t, site, of, nil)})
	var marta *Actor
	sentence := regexp.MustCompile(`^/harbor/(talks|walkout)/#s-[0-9]+$`)
	for i, a := range idx.Actors {
		page := strings.HasPrefix(a.URL, "/harbor/actors/") && strings.HasSuffix(a.URL, "/")
		if a.Briefing != 0 || !page && !sentence.MatchString(a.URL) {
			t.Errorf("actor %+v links neither to its actor page nor to a sentence", a)
		}
		if a.Name == "Marta Lindqvist" {
			marta = &idx.Actors[i]
		}
	}
	if marta == nil || marta.URL != "/harbor/actors/marta-lindqvist/" || len(marta.Roles) == 0 {
		t.Errorf("Marta Lindqvist: %+v", marta)
	}
	q := findQuote(idx, "We have waited three years")
	if q == nil || q.Sources != 2 || q.Speaker != "Marta Lindqvist" || q.Article != 1 || !strings.HasPrefix(q.Anchor, "s-") {
		t.Errorf("shared quotation: %+v (want 2 sources, Marta Lindqvist, the older article 1)", q)
	}
	n := 0
	for _, q := range idx.Quotes {
		if strings.HasPrefix(q.Text, "We have waited three years") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("shared quotation listed %d times", n)
	}
}

// TestBuildAggregateHidden: what the editor hides is not searchable.
func TestBuildAggregateHidden(t *testing.T) {
	site, of := loadSite(t, "testdata/site")
	own := map[string]string{"harbor": "---\ntitle: Harbor strike\noverrides:\n  actors:\n    - match: Paul Okafor\n      hide: true\n  quotes:\n    - text: Both sides want the cranes\n      hide: true\n---\nBody.\n"}
	idx := Build(site, Options{Facts: of, Aggregate: aggregateAll(t, site, of, own)})
	for _, a := range idx.Actors {
		if a.Name == "Paul Okafor" {
			t.Error("hidden actor Paul Okafor is in the index")
		}
	}
	if q := findQuote(idx, "Both sides want"); q != nil {
		t.Errorf("hidden quotation in the index: %+v", q)
	}
	if q := findQuote(idx, "The port will stay open"); q != nil && q.Speaker != "" {
		t.Errorf("quotation of the hidden actor names him: %+v", q)
	}
	if findQuote(idx, "We have waited three years") == nil {
		t.Error("a visible quotation is missing")
	}
}

// TestActorURL: the seam for actor pages decides where actors link.
func TestActorURL(t *testing.T) {
	site, of := loadSite(t, "testdata/site")
	var refs []ActorRef
	idx := Build(site, Options{Facts: of, ActorURL: func(a ActorRef) string {
		refs = append(refs, a)
		return a.Briefing.RelPermalink() + "actors/" + a.ID + "/"
	}})
	if len(refs) != len(idx.Actors) {
		t.Errorf("ActorURL called %d times for %d actors", len(refs), len(idx.Actors))
	}
	for _, a := range idx.Actors {
		if !strings.HasPrefix(a.URL, "/harbor/actors/") {
			t.Errorf("actor %q links to %q", a.Name, a.URL)
		}
	}
	for _, r := range refs {
		if r.Article == nil || r.Briefing == nil || r.ID == "" || r.Name == "" {
			t.Errorf("incomplete ref %+v", r)
		}
	}
}

func TestClip(t *testing.T) {
	for _, c := range []struct {
		in   string
		max  int
		want string
	}{
		{"plain text", 20, "plain text"},
		{"  spaced \t out\n\nlines  ", 40, "spaced out lines"},
		{"no\u00a0break\u2028sep", 40, "no break sep"},
		{"ctrl\x00\x07chars", 40, "ctrlchars"},
		{"alpha beta gamma delta", 15, "alpha beta…"},
		{"abcdefghijklmnopqrstuvwxyz", 10, "abcdefg…"},
		{"ééééé", 7, "éé…"},
		{"bad \xff utf8", 40, "bad \ufffd utf8"},
		{"anything", 2, ""},
		{"", 10, ""},
	} {
		if got := clip(c.in, c.max); got != c.want {
			t.Errorf("clip(%q, %d) = %q, want %q", c.in, c.max, got, c.want)
		}
	}
}

func FuzzClip(f *testing.F) {
	for _, s := range []string{"", "a b", "  x  ", "ééé", "\xff\xfe", "a\u2028b", strings.Repeat("word ", 50)} {
		f.Add(s, 10)
	}
	f.Fuzz(func(t *testing.T, s string, max int) {
		max = max%300 + 1
		if max < 0 {
			max = -max + 1
		}
		got := clip(s, max)
		if len(got) > max {
			t.Errorf("clip(%q, %d) = %q: %d bytes", s, max, got, len(got))
		}
		if !utf8.ValidString(got) {
			t.Errorf("clip(%q, %d) = %q: invalid UTF-8", s, max, got)
		}
		if strings.Contains(got, "  ") || strings.HasPrefix(got, " ") {
			t.Errorf("clip(%q, %d) = %q: white space not collapsed", s, max, got)
		}
	})
}

// FuzzBuild runs an article of any text through extraction and the index:
// no panic, valid JSON, every reference inside its list.
func FuzzBuild(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: T\n---\n\"Hello there,\" said Jane Doe, the mayor.\n",
		"Title\n\n\"\"\"\" \" said \"\n\n“unbalanced",
		"---\ntitle: \"<script>\"\n---\n</script> \"quoted </script> words here\" said <b>Bob</b>.",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := source.ParseArticle("content/b/x.md", []byte(s))
		if err != nil {
			return
		}
		a.Briefing, a.Slug = "b", "x"
		site := &source.Site{Briefings: []*source.Briefing{{Slug: "b", Articles: []*source.Article{a}}}, Articles: []*source.Article{a}}
		fx := extract.Run(a.Doc)
		b, err := Build(site, Options{Facts: func(*source.Article) *extract.Facts { return fx }}).JSON()
		if err != nil {
			t.Fatal(err)
		}
		var idx Index
		if err := json.Unmarshal(b, &idx); err != nil {
			t.Fatalf("index does not parse: %v\n%s", err, b)
		}
		for _, q := range idx.Quotes {
			if q.Article != 0 || !strings.HasPrefix(q.Anchor, "s-") {
				t.Errorf("quotation %+v", q)
			}
		}
		for _, x := range idx.Actors {
			if x.Briefing != 0 || !strings.HasPrefix(x.URL, "/b/x/#") {
				t.Errorf("actor %+v", x)
			}
		}
	})
}

// BenchmarkBuild measures the index of the test site's articles repeated
// to 300 articles in 30 briefings, extraction excluded.
func BenchmarkBuild(b *testing.B) {
	site, of := loadSite(b, "testdata/site")
	big := &source.Site{}
	var bytesIn int64
	for i := 0; i < 30; i++ {
		br := &source.Briefing{Slug: fmt.Sprintf("b%02d", i), Title: fmt.Sprintf("Briefing %d", i)}
		for j := 0; j < 10; j++ {
			orig := site.Articles[j%len(site.Articles)]
			a := *orig
			a.Briefing, a.Slug = br.Slug, fmt.Sprintf("a%02d", j)
			br.Articles = append(br.Articles, &a)
			big.Articles = append(big.Articles, &a)
			bytesIn += int64(len(a.Doc.Text))
		}
		big.Briefings = append(big.Briefings, br)
	}
	facts := map[*source.Article]*extract.Facts{}
	for _, a := range big.Articles {
		facts[a] = of(site.Articles[0])
		for _, o := range site.Articles {
			if o.Doc == a.Doc {
				facts[a] = of(o)
			}
		}
	}
	opt := Options{Facts: func(a *source.Article) *extract.Facts { return facts[a] }}
	b.SetBytes(bytesIn)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := Build(big, opt).JSON(); err != nil {
			b.Fatal(err)
		}
	}
}

// TestBaseCached: a base made with a DocCache is Base's, whatever changed
// between two sites: an article's title or date without its bytes (a
// sidecar), its briefing's position, an article added or removed.
func TestBaseCached(t *testing.T) {
	site, _ := loadSite(t, "testdata/site")
	if len(site.Articles) < 2 || len(site.Briefings) == 0 {
		t.Fatal("test site too small")
	}
	clone := func(s *source.Site) *source.Site {
		cp := *s
		cp.Articles = make([]*source.Article, len(s.Articles))
		for i, a := range s.Articles {
			ac := *a
			cp.Articles[i] = &ac
		}
		return &cp
	}
	for _, tc := range []struct {
		name   string
		change func(s *source.Site) *source.Site
	}{
		{"same", func(s *source.Site) *source.Site { return clone(s) }},
		{"retitled", func(s *source.Site) *source.Site {
			s = clone(s)
			s.Articles[0].Title = "Another title"
			return s
		}},
		{"re-dated", func(s *source.Site) *source.Site {
			s = clone(s)
			s.Articles[1].Date = s.Articles[1].Date.AddDate(0, 0, 3)
			return s
		}},
		{"outlet and slug", func(s *source.Site) *source.Site {
			s = clone(s)
			s.Articles[0].Source, s.Articles[0].Slug = "Other outlet", "other-slug"
			return s
		}},
		{"removed", func(s *source.Site) *source.Site {
			s = clone(s)
			s.Articles = s.Articles[1:]
			return s
		}},
		{"briefing moved", func(s *source.Site) *source.Site {
			s = clone(s)
			s.Briefings = append([]*source.Briefing{{Slug: "aaa-first"}}, s.Briefings...)
			return s
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var c DocCache
			first, _ := BaseCached(site, Options{}, &c)
			want, _ := Base(site, Options{})
			if !reflect.DeepEqual(first, want) {
				t.Fatal("BaseCached on an empty cache differs from Base")
			}
			next := tc.change(site)
			got, pos := BaseCached(next, Options{}, &c)
			want, wantPos := Base(next, Options{})
			if !reflect.DeepEqual(got, want) {
				t.Errorf("BaseCached differs from Base:\n%+v\nwant\n%+v", got.Articles, want.Articles)
			}
			if !reflect.DeepEqual(pos, wantPos) {
				t.Error("positions differ from Base's")
			}
			if len(c.docs) != len(next.Articles) {
				t.Errorf("cache holds %d documents, the site has %d articles", len(c.docs), len(next.Articles))
			}
		})
	}
}

// TestJSONCache: an index encoded through a JSONCache is json.Marshal's,
// build after build, whatever changed: a part made again, a part gone, an
// article's document, nothing.
func TestJSONCache(t *testing.T) {
	site, of := loadSite(t, "testdata/site")
	var parts []Part
	base, pos := Base(site, Options{})
	for bi, b := range site.Briefings {
		parts = append(parts, FactsPart(b, bi, b.Articles, pos, of, Options{}))
	}
	if loose := Loose(site); len(loose) > 0 {
		parts = append(parts, FactsPart(nil, -1, loose, pos, of, Options{}))
	}
	if len(parts) < 2 || len(parts[0].Quotes) == 0 || len(parts[0].Actors) == 0 {
		t.Fatal("test site too small")
	}
	var c JSONCache
	check := func(name string, arts []Article, parts []Part) {
		t.Helper()
		idx := *base
		idx.Articles = arts
		idx.Actors, idx.Quotes = []Actor{}, []Quote{}
		idx.UseCache(&c)
		for _, p := range parts {
			idx.Add(p)
		}
		got, err := idx.JSON()
		if err != nil {
			t.Fatal(err)
		}
		idx.enc = nil
		want, err := json.Marshal(&idx)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s: cached JSON differs from json.Marshal's:\n%.300s\nwant\n%.300s", name, got, want)
		}
	}
	check("first", base.Articles, parts)
	check("same again", base.Articles, parts)
	redone := slices.Clone(parts)
	redone[0].Quotes = slices.Clone(parts[0].Quotes)
	redone[0].Quotes[0].Text = "A quotation <changed> & escaped"
	check("a part made again", base.Articles, redone)
	arts := slices.Clone(base.Articles)
	arts[0].Title = "Retitled"
	arts = arts[1:]
	check("articles changed", arts, redone)
	check("a part gone", arts, redone[1:])
	check("no parts", arts, nil)
	if len(c.parts) != 0 || len(c.articles) != len(arts) {
		t.Errorf("cache keeps %d parts and %d articles, want 0 and %d", len(c.parts), len(c.articles), len(arts))
	}
	// Actors or quotations not from the parts: json.Marshal's all the same.
	idx := *base
	idx.Actors, idx.Quotes = []Actor{}, []Quote{}
	idx.UseCache(&c)
	idx.Add(parts[0])
	idx.Actors = append(idx.Actors, Actor{Name: "Extra"})
	got, _ := idx.JSON()
	idx.enc = nil
	if want, _ := json.Marshal(&idx); !bytes.Equal(got, want) {
		t.Error("an index changed after Add is not json.Marshal's")
	}
}
