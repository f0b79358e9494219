package build

import (
	"strings"

	"briefgen/generator/render"
	"briefgen/generator/search"
	"briefgen/generator/source"
)

// The search generator writes the site-wide search index
// (render.SearchIndexPath) and, when the theme has templates/search.html,
// the search page that loads it (render.SearchPath).
func init() { generators = append(generators, searchGenerator) }

// searchExcerpt is the length of an article's excerpt in the index.
const searchExcerpt = 200

// searchOptions are the options the search index is built with.
func searchOptions(r *render.Renderer) search.Options {
	return search.Options{
		Excerpt:  func(a *source.Article) string { return render.Excerpt(a, searchExcerpt) },
		ActorURL: searchActorURL(r),
	}
}

// searchGenerator writes the index whose parts the units made.
func searchGenerator(r *render.Renderer, site *source.Site, sd *siteData, emit func(render.File) error) error {
	idx := sd.search
	b, err := idx.JSON()
	if err != nil {
		return err
	}
	if err := emit(render.File{Path: strings.TrimPrefix(render.SearchIndexPath, "/"), Data: b}); err != nil {
		return err
	}
	if !r.HasKind("search") {
		return nil
	}
	page, err := r.Search(len(idx.Articles), len(idx.Actors), len(idx.Quotes))
	if err != nil {
		return err
	}
	return emit(render.File{Path: strings.Trim(render.SearchPath, "/") + "/index.html", Data: page})
}

// searchActorURL is where a search result for an actor links to: a
// registry actor to its actor page (/<briefing>/actors/<id>/, which
// briefingPages writes for the actors a briefing says something about when
// the theme has templates/actor.html), else to the sentence of its first
// mention; an actor of an article that was not aggregated (directly in
// content/) to its entry on that article's page. Change it here to link
// actors elsewhere.
func searchActorURL(r *render.Renderer) search.ActorURL {
	pages := r.HasKind("actor")
	return func(a search.ActorRef) string {
		if a.Actor != nil && !pages {
			return search.SentenceURL(a)
		}
		return search.DefaultActorURL(a)
	}
}
