package build

import (
	"briefgen/generator/render"
	"briefgen/generator/source"
)

// A generator writes a site-wide page beyond the ones render writes (the
// actor and quotation indexes, the search index ...) through emit, which
// checks each path and queues the file for the staged output. It is called
// once per build, after every briefing and article page is written, with
// what the briefings left for the site-wide pages (sd.briefings is empty
// when extraction was skipped), at the same time as the other generators:
// it only reads sd and site. Pages of one briefing are written by
// builder.unit while its facts are at hand.
type generator func(r *render.Renderer, site *source.Site, sd *siteData, emit func(render.File) error) error

// generators run after the briefings, all at once (a Session runs them in
// order). Each page family registers its generator from an init function
// in its own file.
var generators []generator
