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

func searchGenerator(r *render.Renderer, site *source.Site, facts *siteFacts, emit func(render.File) error) error {
	opt := search.Options{
		Excerpt:  func(a *source.Article) string { return render.Excerpt(a, searchExcerpt) },
		ActorURL: searchActorURL,
	}
	if facts != nil {
		opt.Facts = facts.of
	}
	idx := search.Build(site, opt)
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

// searchActorURL is where a search result for an actor links to: for now
// the actor's entry on the newest article of the briefing that names it.
// This is the seam for actor pages: once /<briefing>/actors/<id>/ exist,
// return that path here, e.g. a.Briefing.RelPermalink()+"actors/"+id+"/"
// (mapping the article's actor a.ID to the registry's ID if they differ;
// a.Briefing is nil for articles directly in content/).
func searchActorURL(a search.ActorRef) string {
	return search.ArticleActorURL(a)
}
