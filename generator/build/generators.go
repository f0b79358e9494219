package build

import (
	"briefgen/generator/render"
	"briefgen/generator/source"
)

// A generator writes pages beyond the ones render.Render writes (actor
// pages, quote indexes, search index ...) through emit, which checks each
// path and queues the file for the staged output. It is called once per
// build, after every article has been extracted; facts is nil when
// extraction was skipped.
type generator func(r *render.Renderer, site *source.Site, facts *siteFacts, emit func(render.File) error) error

// generators run in order after render.Render. Each page family registers
// its generator from an init function in its own file, so families can be
// added without touching the pipeline.
var generators []generator
