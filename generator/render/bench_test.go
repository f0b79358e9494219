package render

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"github.com/yuin/goldmark/parser"

	"briefgen/generator/annotate"
	"briefgen/generator/briefing"
	"briefgen/generator/extract"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// benchArticles is how many articles the bench briefing has.
const benchArticles = 12

// benchBriefing is what the benchmarks render: an aggregated briefing,
// its extraction facts and a Renderer with the default theme.

type benchBriefing struct {
	r     *Renderer
	site  *source.Site
	x     *briefing.Briefing
	facts map[*source.Article]*extract.Facts
	pages []*briefing.Actor // actors with a page
}

// newBenchBriefing makes a briefing of benchArticles articles from the
// repository's example article: each copy starts at another paragraph
// (so the articles differ) and has its own date, so the same people,
// places and quotations recur across articles as in a real briefing.
// With BRIEFGEN_BENCH_SITE set to a site's directory, it takes that
// site's first briefing instead (to measure on a generated corpus).
func newBenchBriefing(tb testing.TB) *benchBriefing {
	tb.Helper()
	if dir := os.Getenv("BRIEFGEN_BENCH_SITE"); dir != "" {
		site, err := source.Load(afero.NewOsFs(), dir, source.Options{})
		if err != nil {
			tb.Fatal(err)
		}
		return newBench(tb, site)
	}
	const dir = "../../content/north-korea-troops-russia/"
	art, err := os.ReadFile(dir + "troop-deployment-jeopardizes-chinas-balancing-act.md")
	if err != nil {
		tb.Fatal(err)
	}
	idx, err := os.ReadFile(dir + "_index.md")
	if err != nil {
		tb.Fatal(err)
	}
	parts := strings.SplitN(string(art), "\n---\n", 2)
	if len(parts) != 2 {
		tb.Fatal("example article: no front matter")
	}
	paras := strings.Split(strings.TrimSpace(parts[1]), "\n\n")
	files := map[string]string{"site.yaml": "title: Bench\n", "content/nk/_index.md": string(idx)}
	for i := range benchArticles {
		rot := append(append([]string{}, paras[i%len(paras):]...), paras[:i%len(paras)]...)
		files[fmt.Sprintf("content/nk/a%02d.md", i)] = fmt.Sprintf("---\ntitle: \"Article %d on the deployment\"\ndate: 2024-%02d-%02d\nsource: Outlet %d\n---\n\n%s\n",
			i, 1+i%12, 1+(3*i)%28, i%4, strings.Join(rot, "\n\n"))
	}
	return newBench(tb, loadSite(tb, files))
}

func newBench(tb testing.TB, site *source.Site) *benchBriefing {
	b := &benchBriefing{site: site, facts: map[*source.Article]*extract.Facts{}}
	site.Articles = site.Briefings[0].Articles
	for _, a := range site.Articles {
		b.facts[a] = extract.Run(a.Doc)
	}
	b.x = briefing.Aggregate(site.Briefings[0], func(a *source.Article) *extract.Facts { return b.facts[a] }, briefing.Options{})
	for _, a := range b.x.Actors {
		if b.x.HasPage(a) {
			b.pages = append(b.pages, a)
		}
	}
	var err error
	b.r, err = New(site, Options{Templates: theme(), Markdown: NewMarkdown(annotate.Extension), Timeline: func(*source.Briefing) *timeline.Timeline { return b.x.Timeline }})
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// articleFacts is what the build hands an article page (see
// build.articleFacts).
func (b *benchBriefing) articleFacts(a *source.Article) *Facts {
	f := b.facts[a]
	x := b.x
	href := func(id string) string {
		if ra := x.ActorOf(a, id); ra != nil && x.HasPage(ra) {
			return b.r.URLs().Rel(briefing.ActorPath(x.Briefing, ra.ID))
		}
		return "#" + annotate.ActorID(id)
	}
	marks := annotate.Facts(f, href)
	return &Facts{
		Markdown: func(base int) parser.Context { return annotate.NewContext(base, marks) },
		Plain:    annotate.NewPlain(a.Doc.Text, marks).Write,
		Data:     x.ArticleView(a, f),
	}
}

// BenchmarkArticle renders every article page of the bench briefing;
// bytes are the pages' bytes.
func BenchmarkArticle(b *testing.B) {
	bb := newBenchBriefing(b)
	facts := make([]*Facts, len(bb.site.Articles))
	for i, a := range bb.site.Articles {
		facts[i] = bb.articleFacts(a)
	}
	var n int64
	for i, a := range bb.site.Articles {
		p, err := bb.r.Article(a, facts[i])
		if err != nil {
			b.Fatal(err)
		}
		n += int64(len(p))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for i, a := range bb.site.Articles {
			if _, err := bb.r.Article(a, facts[i]); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bb.site.Articles)), "ns/page")
}

// BenchmarkActor renders every actor page of the bench briefing, the
// fragment cache cleared each round as the build clears it after each
// briefing.
func BenchmarkActor(b *testing.B) {
	bb := newBenchBriefing(b)
	if len(bb.pages) < 10 {
		b.Fatalf("only %d actor pages", len(bb.pages))
	}
	var n int64
	for _, a := range bb.pages {
		p, err := bb.r.Actor(bb.x, a)
		if err != nil {
			b.Fatal(err)
		}
		n += int64(len(p))
	}
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		bb.r.ClearFragments()
		for _, a := range bb.pages {
			if _, err := bb.r.Actor(bb.x, a); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(bb.pages)), "ns/page")
}

// BenchmarkBriefingPages renders the briefing's page, timeline page and
// quotation index.
func BenchmarkBriefingPages(b *testing.B) {
	bb := newBenchBriefing(b)
	br := bb.site.Briefings[0]
	brief := bb.x.Brief(bb.r.URLs().Abs)
	b.ReportAllocs()
	for b.Loop() {
		bb.r.ClearFragments()
		if err := bb.r.BriefingPages(br, bb.x.Timeline, brief, func(File) error { return nil }); err != nil {
			b.Fatal(err)
		}
		if _, err := bb.r.Quotes(bb.x); err != nil {
			b.Fatal(err)
		}
	}
}
