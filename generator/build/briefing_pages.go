package build

import (
	"fmt"
	"strings"

	"briefgen/generator/briefing"
	"briefgen/generator/render"
	"briefgen/generator/source"
)

// ActorsFile is the site-wide actor override file, relative to the site
// root (see docs/overrides.md).
const ActorsFile = "data/actors.yaml"

func init() { generators = append(generators, siteIndexes) }

// checkIndexSlugs refuses a briefing whose URL is a site-wide index's.
func checkIndexSlugs(site *source.Site) error {
	for _, b := range site.Briefings {
		if b.Slug == "actors" || b.Slug == "quotes" {
			return fmt.Errorf("%s: the briefing's URL /%s/ is taken by the site-wide %s index; give it another slug", b.Path, b.Slug, b.Slug)
		}
	}
	return nil
}

// briefingPages writes an aggregated briefing's quotation index and the
// pages of its registry actors (in parallel), when the theme has their
// templates.
func briefingPages(r *render.Renderer, x *briefing.Briefing, emit func(render.File) error) error {
	b := x.Briefing
	if r.HasKind("quotes") {
		page, err := r.Quotes(x)
		if err != nil {
			return fmt.Errorf("%s: %w", b.Slug, err)
		}
		if err := emit(render.File{Path: pagePath(briefing.QuotesPath(b)), Data: page}); err != nil {
			return err
		}
	}
	if !r.HasKind("actor") {
		return nil
	}
	var list []*briefing.Actor
	for _, a := range x.Actors {
		if x.HasPage(a) {
			list = append(list, a)
		}
	}
	return parallel(len(list), func(i int) error {
		a := list[i]
		page, err := r.Actor(x, a)
		if err != nil {
			return fmt.Errorf("%s: actor %s: %w", b.Slug, a.ID, err)
		}
		return emit(render.File{Path: pagePath(briefing.ActorPath(b, a.ID)), Data: page, Owned: true})
	})
}

// siteIndexes writes the site-wide actor and quotation indexes.
func siteIndexes(r *render.Renderer, site *source.Site, sd *siteData, emit func(render.File) error) error {
	all := briefing.Site(sd.briefings)
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

// pagePath turns a site path ("/nk/actors/x/") into its file.
func pagePath(rel string) string {
	p := strings.Trim(rel, "/")
	if p == "" {
		return "index.html"
	}
	return p + "/index.html"
}
