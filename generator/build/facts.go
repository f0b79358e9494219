package build

import (
	"runtime"
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

// siteFacts holds what extraction found in every article of a site. A nil
// *siteFacts (extraction skipped) gives pages without facts.
type siteFacts struct {
	byArticle map[*source.Article]*extract.Facts
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
		marks := annotate.Facts(f, nil)
		return &render.Facts{
			Markdown: func(base int) parser.Context { return annotate.NewContext(base, marks) },
			Plain:    annotate.NewPlain(a.Doc.Text, marks).Write,
			Data:     briefing.Article(a.Doc, f),
		}
	}
}

// timeline returns the hook that gives each briefing its timeline.
func (sf *siteFacts) timeline() func(*source.Briefing) *timeline.Timeline {
	if sf == nil {
		return nil
	}
	return func(b *source.Briefing) *timeline.Timeline { return briefing.Timeline(b, sf.of) }
}
