package build

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/spf13/afero"

	"briefgen/generator/briefing"
	"briefgen/generator/overrides"
	"briefgen/generator/render"
	"briefgen/generator/source"
)

// ActorsFile is the site-wide actor override file, relative to the site
// root (see docs/overrides.md).
const ActorsFile = "data/actors.yaml"

func init() { generators = append(generators, briefingPages) }

// aggregate merges each briefing's facts (in parallel), with the editor
// overrides of data/actors.yaml and of each _index.md applied. A malformed
// override file stops the build; an override that refers to nothing is a
// warning naming its file and line.
func (sf *siteFacts) aggregate(fsys afero.Fs, site *source.Site, urls render.URLs) (warnings []string, err error) {
	if sf == nil {
		return nil, nil
	}
	sf.urls = urls
	display := func(rel string) string {
		if site.Root == "" || site.Root == "." {
			return rel
		}
		return filepath.ToSlash(filepath.Join(site.Root, filepath.FromSlash(rel)))
	}
	var siteSet *overrides.Set
	if data, rerr := afero.ReadFile(fsys, filepath.Join(site.Root, filepath.FromSlash(ActorsFile))); rerr == nil {
		if siteSet, err = overrides.ParseActorsFile(display(ActorsFile), data); err != nil {
			return nil, err
		}
	} else if !errors.Is(rerr, fs.ErrNotExist) {
		return nil, fmt.Errorf("%s: %w", display(ActorsFile), rerr)
	}
	own := make([]*overrides.Set, len(site.Briefings))
	var errs []error
	for i, b := range site.Briefings {
		if b.Path == "" {
			continue
		}
		data, rerr := afero.ReadFile(fsys, filepath.Join(site.Root, filepath.FromSlash(b.Path)))
		if rerr != nil {
			return nil, fmt.Errorf("%s: %w", display(b.Path), rerr)
		}
		if own[i], err = overrides.ParseIndex(display(b.Path), data); err != nil {
			errs = append(errs, err)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	sf.briefings = make(map[*source.Briefing]*briefing.Briefing, len(site.Briefings))
	sf.ordered = make([]*briefing.Briefing, len(site.Briefings))
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
				if i >= len(site.Briefings) {
					return
				}
				sf.ordered[i] = briefing.Aggregate(site.Briefings[i], sf.of, briefing.Options{Site: siteSet, Own: own[i]})
			}
		}()
	}
	wg.Wait()
	for _, x := range sf.ordered {
		sf.briefings[x.Briefing] = x
	}
	slices.SortFunc(sf.ordered, func(a, b *briefing.Briefing) int { return strings.Compare(a.Briefing.Slug, b.Briefing.Slug) })
	for _, s := range own {
		warnings = append(warnings, s.Unused()...)
	}
	warnings = append(warnings, siteSet.Unused()...)
	return warnings, nil
}

// briefingPages writes each briefing's brief.md, actor pages and quotation
// index, and the site-wide actor and quotation indexes.
func briefingPages(r *render.Renderer, site *source.Site, sf *siteFacts, emit func(render.File) error) error {
	for _, b := range site.Briefings {
		if b.Slug == "actors" || b.Slug == "quotes" {
			return fmt.Errorf("%s: the briefing's URL /%s/ is taken by the site-wide %s index; give it another slug", b.Path, b.Slug, b.Slug)
		}
	}
	var xs []*briefing.Briefing
	if sf != nil {
		xs = sf.ordered
	}
	for _, x := range xs {
		b := x.Briefing
		if err := emit(render.File{Path: strings.TrimPrefix(briefing.BriefPath(b), "/"), Data: x.Brief(r.URLs().Abs)}); err != nil {
			return err
		}
		if r.HasKind("quotes") {
			page, err := r.Quotes(x)
			if err != nil {
				return fmt.Errorf("%s: %w", b.Slug, err)
			}
			if err := emit(render.File{Path: pagePath(briefing.QuotesPath(b)), Data: page}); err != nil {
				return err
			}
		}
	}
	if r.HasKind("actor") {
		if err := actorPages(r, xs, emit); err != nil {
			return err
		}
	}
	all := briefing.Site(xs)
	if r.HasKind("actors") {
		page, err := r.ActorsIndex(all)
		if err != nil {
			return err
		}
		if err := emit(render.File{Path: "actors/index.html", Data: page}); err != nil {
			return err
		}
	}
	if r.HasKind("quotes-index") {
		page, err := r.QuotesIndex(briefing.SiteSpeakers(all))
		if err != nil {
			return err
		}
		if err := emit(render.File{Path: "quotes/index.html", Data: page}); err != nil {
			return err
		}
	}
	return nil
}

// actorPages renders the registry actors' pages in parallel.
func actorPages(r *render.Renderer, xs []*briefing.Briefing, emit func(render.File) error) error {
	type job struct {
		x *briefing.Briefing
		a *briefing.Actor
	}
	jobs := make(chan job, 64)
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		failed   atomic.Bool
	)
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range jobs {
				if failed.Load() {
					continue
				}
				page, err := r.Actor(j.x, j.a)
				if err == nil {
					err = emit(render.File{Path: pagePath(briefing.ActorPath(j.x.Briefing, j.a.ID)), Data: page})
				} else {
					err = fmt.Errorf("%s: actor %s: %w", j.x.Briefing.Slug, j.a.ID, err)
				}
				if err != nil {
					mu.Lock()
					if firstErr == nil {
						firstErr = err
					}
					mu.Unlock()
					failed.Store(true)
				}
			}
		}()
	}
	for _, x := range xs {
		for _, a := range x.Actors {
			if x.HasPage(a) && !failed.Load() {
				jobs <- job{x, a}
			}
		}
	}
	close(jobs)
	wg.Wait()
	return firstErr
}

// pagePath turns a site path ("/nk/actors/x/") into its file.
func pagePath(rel string) string {
	p := strings.Trim(rel, "/")
	if p == "" {
		return "index.html"
	}
	return p + "/index.html"
}
