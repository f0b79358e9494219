package build

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/yuin/goldmark/parser"

	"briefgen/generator/annotate"
	"briefgen/generator/briefing"
	"briefgen/generator/extract"
	"briefgen/generator/render"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// siteFacts holds what extraction found in every article of a site and,
// after aggregate, each briefing's merged facts. A nil *siteFacts
// (extraction skipped) gives pages without facts.
type siteFacts struct {
	byArticle map[*source.Article]*extract.Facts
	briefings map[*source.Briefing]*briefing.Briefing
	ordered   []*briefing.Briefing // by briefing slug
	urls      render.URLs
}

// extractAll runs extraction over every article, in parallel.
func extractAll(arts []*source.Article, prog *progress) *siteFacts {
	out := make([]*extract.Facts, len(arts))
	var (
		wg   sync.WaitGroup
		next atomic.Int64
	)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(arts) {
					return
				}
				if arts[i].Doc != nil {
					out[i] = extract.Run(arts[i].Doc)
				}
				prog.report("extracted %d/%d articles", i+1, len(arts))
			}
		}()
	}
	wg.Wait()
	sf := &siteFacts{byArticle: make(map[*source.Article]*extract.Facts, len(arts))}
	for i, a := range arts {
		sf.byArticle[a] = out[i]
	}
	return sf
}

func (sf *siteFacts) of(a *source.Article) *extract.Facts { return sf.byArticle[a] }

// page returns the hook that gives each article page its facts: the marks
// in its body and the view its template lists.
func (sf *siteFacts) page() render.FactsFunc {
	if sf == nil {
		return nil
	}
	return func(a *source.Article) *render.Facts {
		f := sf.of(a)
		if f == nil {
			return nil
		}
		x := sf.briefingOf(a)
		var href func(string) string
		view := briefing.Article(a.Doc, f)
		if x != nil {
			view = x.ArticleView(a, f)
			href = func(id string) string {
				if ra := x.ActorOf(a, id); ra != nil && x.HasPage(ra) {
					return sf.urls.Rel(briefing.ActorPath(x.Briefing, ra.ID))
				}
				return "#" + annotate.ActorID(id)
			}
		}
		marks := annotate.Facts(f, href)
		return &render.Facts{
			Markdown: func(base int) parser.Context { return annotate.NewContext(base, marks) },
			Plain:    annotate.NewPlain(a.Doc.Text, marks).Write,
			Data:     view,
		}
	}
}

// timeline returns the hook that gives each briefing its timeline.
func (sf *siteFacts) timeline() func(*source.Briefing) *timeline.Timeline {
	if sf == nil {
		return nil
	}
	return func(b *source.Briefing) *timeline.Timeline {
		if x := sf.briefings[b]; x != nil {
			return x.Timeline
		}
		return briefing.Timeline(b, sf.of)
	}
}

// brief returns the hook that gives each briefing page its brief.
func (sf *siteFacts) brief() func(*source.Briefing) []byte {
	if sf == nil {
		return nil
	}
	return func(b *source.Briefing) []byte {
		if x := sf.briefings[b]; x != nil {
			return x.Brief(sf.urls.Abs)
		}
		return nil
	}
}

// briefingOf returns the aggregate of an article's briefing, or nil.
func (sf *siteFacts) briefingOf(a *source.Article) *briefing.Briefing {
	if a.Briefing == "" {
		return nil
	}
	i, ok := slices.BinarySearchFunc(sf.ordered, a.Briefing, func(x *briefing.Briefing, slug string) int {
		return strings.Compare(x.Briefing.Slug, slug)
	})
	if !ok {
		return nil
	}
	return sf.ordered[i]
}
