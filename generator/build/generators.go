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
// when extraction was skipped). Pages of one briefing are written by
// builder.unit while its facts are at hand.
type generator func(r *render.Renderer, site *source.Site, sd *siteData, emit func(render.File) error) error

// generators run in order after the briefings. Each page family registers
// its generator from an init function in its own file.
var generators []generator
