package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/afero"
	"github.com/yuin/goldmark/parser"

	"briefgen/generator/annotate"
	"briefgen/generator/briefing"
	"briefgen/generator/extract"
	"briefgen/generator/overrides"
	"briefgen/generator/render"
	"briefgen/generator/search"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// The build streams by briefing: a unit (a briefing and its articles, or
// the articles directly in content/) is extracted, aggregated and rendered
// in one go, and only what the site-wide pages need is kept (each
// briefing's compact registry and its part of the search index), so the
// facts of a large site are never all in memory at once. Up to GOMAXPROCS
// units are in progress at a time, and each spreads its articles and
// actor pages over GOMAXPROCS goroutines.

// unit is a briefing and its articles (bi its index in site.Briefings), or
// the articles directly in content/ (b nil, bi -1).
type unit struct {
	b    *source.Briefing
	bi   int
	arts []*source.Article
}

// units splits a site into its units, briefings first in the site's order.
func units(site *source.Site) []unit {
	us := make([]unit, 0, len(site.Briefings)+1)
	for i, b := range site.Briefings {
		us = append(us, unit{b: b, bi: i, arts: b.Articles})
	}
	if loose := search.Loose(site); len(loose) > 0 {
		us = append(us, unit{bi: -1, arts: loose})
	}
	return us
}

// siteData is what the units leave for the site-wide pages.
type siteData struct {
	briefings []*briefing.Briefing // compact aggregates (briefing.Briefing.Compact), by slug; nil without extraction
	search    *search.Index        // the search index, every part added
}

// unitResult is what one unit leaves for siteData.
type unitResult struct {
	compact *briefing.Briefing
	part    search.Part
}

// editorOverrides are the editor's actor overrides: the site's
// (data/actors.yaml) and each briefing's own (its _index.md), by index in
// site.Briefings.
type editorOverrides struct {
	site *overrides.Set
	own  []*overrides.Set
}

// loadOverrides reads and parses every override file. A malformed file
// stops the build.
func loadOverrides(fsys afero.Fs, site *source.Site) (*editorOverrides, error) {
	display := func(rel string) string {
		if site.Root == "" || site.Root == "." {
			return rel
		}
		return filepath.ToSlash(filepath.Join(site.Root, filepath.FromSlash(rel)))
	}
	ov := &editorOverrides{own: make([]*overrides.Set, len(site.Briefings))}
	var err error
	if data, rerr := afero.ReadFile(fsys, filepath.Join(site.Root, filepath.FromSlash(ActorsFile))); rerr == nil {
		if ov.site, err = overrides.ParseActorsFile(display(ActorsFile), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(rerr, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", display(ActorsFile), rerr)
	}
	var errs []error
	for i, b := range site.Briefings {
		if b.Path == "" {
			continue
		}
		data, rerr := afero.ReadFile(fsys, filepath.Join(site.Root, filepath.FromSlash(b.Path)))
		if rerr != nil {
			return nil, fmt.Errorf("%s: %w", display(b.Path), rerr)
		}
		if ov.own[i], err = overrides.ParseIndex(display(b.Path), data); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return ov, nil
}

// unused lists the overrides that referred to nothing, once every
// briefing is aggregated.
func (ov *editorOverrides) unused() []string {
	if ov == nil {
		return nil
	}
	var out []string
	for _, s := range ov.own {
		out = append(out, s.Unused()...)
	}
	return append(out, ov.site.Unused()...)
}

// builder renders units; it is shared by the goroutines of a build.
type builder struct {
	site      *source.Site
	r         *render.Renderer
	ov        *editorOverrides // nil when extraction is skipped
	articles  map[*source.Article]int
	searchOpt search.Options
	emit      func(render.File) error
	prog      *progress
	// extract returns an article's facts; nil means extract.Run on its
	// Doc (a Session answers from its cache).
	extract   func(*source.Article) *extract.Facts
	extracted atomic.Int64
	rendered  atomic.Int64
}

// unit extracts, aggregates and renders one unit, passing its files to
// emit, and returns what the site-wide pages need of it; its facts are
// garbage once it returns.
func (bd *builder) unit(u unit, emit func(render.File) error) (unitResult, error) {
	var res unitResult
	var factsOf func(*source.Article) *extract.Facts
	if bd.ov != nil {
		out := make([]*extract.Facts, len(u.arts))
		parallel(len(u.arts), func(i int) error {
			switch d := u.arts[i].Doc; {
			case d == nil:
			case bd.extract != nil:
				out[i] = bd.extract(u.arts[i])
			default:
				out[i] = extract.Run(d)
			}
			bd.prog.report("extracted %d/%d articles", bd.extracted.Add(1), len(bd.site.Articles))
			return nil
		})
		byArt := make(map[*source.Article]*extract.Facts, len(u.arts))
		for i, a := range u.arts {
			byArt[a] = out[i]
		}
		factsOf = func(a *source.Article) *extract.Facts { return byArt[a] }
	}
	var x *briefing.Briefing
	if u.b != nil {
		if factsOf != nil {
			x = briefing.Aggregate(u.b, factsOf, briefing.Options{Site: bd.ov.site, Own: bd.ov.own[u.bi]})
		}
		var (
			tl    *timeline.Timeline
			brief []byte
		)
		if x != nil {
			tl, brief = x.Timeline, x.Brief(bd.r.URLs().Abs)
		}
		if err := bd.r.BriefingPages(u.b, tl, brief, emit); err != nil {
			return res, err
		}
		if x != nil {
			if err := emit(render.File{Path: strings.TrimPrefix(briefing.BriefPath(u.b), "/"), Data: brief}); err != nil {
				return res, err
			}
		}
	}
	err := parallel(len(u.arts), func(i int) error {
		a := u.arts[i]
		var f *render.Facts
		if factsOf != nil {
			f = articleFacts(x, bd.r.URLs(), a, factsOf(a))
		}
		page, err := bd.r.Article(a, f)
		if err != nil {
			return fmt.Errorf("%s: %w", a.Path, err)
		}
		if err := emit(render.File{Path: pagePath(a.RelPermalink()), Data: page, Owned: true}); err != nil {
			return err
		}
		bd.prog.report("rendered %d/%d articles", bd.rendered.Add(1), len(bd.site.Articles))
		return nil
	})
	if err != nil {
		return res, err
	}
	switch {
	case x != nil:
		err := briefingPages(bd.r, x, emit)
		bd.r.ClearFragments()
		if err != nil {
			return res, err
		}
		res.part = search.AggregatePart(x, u.bi, bd.articles, bd.searchOpt)
		res.compact = x.Compact()
	case factsOf != nil:
		res.part = search.FactsPart(u.b, u.bi, u.arts, bd.articles, factsOf, bd.searchOpt)
	}
	return res, nil
}

// articleFacts gives an article page its facts: the marks in its body and
// the view its template lists. x is the aggregate of its briefing, or nil.
func articleFacts(x *briefing.Briefing, urls render.URLs, a *source.Article, f *extract.Facts) *render.Facts {
	if f == nil {
		return nil
	}
	var href func(string) string
	var view *briefing.ArticleFacts
	if x != nil {
		view = x.ArticleView(a, f)
		href = func(id string) string {
			if ra := x.ActorOf(a, id); ra != nil && x.HasPage(ra) {
				return urls.Rel(x.ActorURL(ra))
			}
			return "#" + annotate.ActorID(id)
		}
	} else {
		view = briefing.Article(a.Doc, f)
	}
	marks := annotate.Facts(f, href)
	return &render.Facts{
		Markdown: func(base int) parser.Context { return annotate.NewContext(base, marks) },
		Plain:    annotate.NewPlain(a.Doc.Text, marks).Write,
		Data:     view,
	}
}

// parallel calls f(i) for every i below n on up to GOMAXPROCS goroutines.
// After a failure no further call starts; it returns the error of the
// lowest i that failed.
func parallel(n int, f func(i int) error) error {
	w := min(runtime.GOMAXPROCS(0), n)
	if w <= 1 {
		for i := 0; i < n; i++ {
			if err := f(i); err != nil {
				return err
			}
		}
		return nil
	}
	var (
		wg     sync.WaitGroup
		next   atomic.Int64
		failed atomic.Bool
		mu     sync.Mutex
		first  error
		errAt  = n
	)
	for range w {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !failed.Load() {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				if err := f(i); err != nil {
					mu.Lock()
					if i < errAt {
						errAt, first = i, err
					}
					mu.Unlock()
					failed.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	return first
}
