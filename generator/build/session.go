package build

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/annotate"
	"briefgen/generator/briefing"
	"briefgen/generator/doc"
	"briefgen/generator/extract"
	"briefgen/generator/publish"
	"briefgen/generator/render"
	"briefgen/generator/search"
	"briefgen/generator/source"
)

// A Session builds the same site again and again (a preview server's
// rebuilds), doing only the work a change calls for:
//
//   - sources are re-read only when they changed (source.LoadCached), and
//     articles re-extracted only when their text changed (a cache of facts
//     keyed by path and a hash of the text);
//   - when only articles or a briefing's _index.md inside briefings changed
//     and no article's or briefing's metadata (path, slug, title, date,
//     tags, params...) did, only those briefings are aggregated and
//     rendered again, with the site-wide pages (home, feeds, sitemap,
//     indexes, search index); every other briefing's files and its part of
//     the site-wide data are kept from the build before;
//   - anything else (templates/, static/, the site config, data/,
//     content/_index.md, an article added, removed, renamed or re-dated)
//     renders the whole site, still with the cached facts.
//
// The first build, and every whole-site render, is staged and swapped in
// like Build's. An incremental build renders everything it will write in
// memory first, then writes only the files whose bytes changed, each to a
// temporary name renamed over the old one, and removes the files no longer
// produced; a failed build writes nothing.
type Session struct {
	fs   afero.Fs
	opts Options
	seed maphash.Seed
	src  *source.Cache

	mu             sync.Mutex
	facts          map[string]cachedFacts // by article path
	excerptOf      map[string]string      // the last excerpt made of each article, by path
	excerptChanged bool                   // an article's excerpt changed in this build
	excerpts       map[*doc.Doc]string    // search excerpts; a Doc is reused only while its file is unchanged

	built   bool
	shape   uint64                // shapeOf the last good build's site
	units   map[string]*unitState // by unitKey
	site    map[string]uint64     // render.SitePages' files -> hash
	gens    []map[string]uint64   // each generator's files -> hash, by index in generators
	base    *search.Index         // the last good build's search.Base, without actors and quotes
	statics map[string]uint64     // static files -> hash
	siteOv  []string              // unused site-wide overrides of the last whole build
	out     map[string]uint64     // every output file of the last good build -> hash

	pending    []string // changed paths of failed builds since the last good one
	pendingAll bool     // a failed build was to build everything

	rendered int // units rendered by the last build (tests)
}

type cachedFacts struct {
	sum   uint64
	facts *extract.Facts
}

// unitState is what a Session keeps of a unit between builds.
type unitState struct {
	res    unitResult
	sum    uint64 // hashOf res.compact
	psum   uint64 // hashOf res.part
	files  map[string]uint64
	unused []string // its briefing's unused overrides
}

// looseKey is the unitKey of the articles directly in content/.
const looseKey = "\x00loose"

func unitKey(u unit) string {
	if u.b == nil {
		return looseKey
	}
	return u.b.Slug
}

// NewSession returns a Session for the site opts describe on fsys.
func NewSession(fsys afero.Fs, opts Options) (*Session, error) {
	if opts.Source == "" {
		opts.Source = "."
	}
	if opts.Destination == "" {
		opts.Destination = filepath.Join(opts.Source, "public")
	}
	if err := checkDestination(opts.Source, opts.Destination); err != nil {
		return nil, err
	}
	return &Session{fs: fsys, opts: opts, seed: maphash.MakeSeed(), src: source.NewCache(), facts: map[string]cachedFacts{}, excerpts: map[*doc.Doc]string{}, excerptOf: map[string]string{}}, nil
}

// Build brings the output up to date with the sources. changed lists the
// source files (slash paths relative to Source) changed since the last
// call; nil, or a path ".", means anything may have changed. Result.Changed
// lists the output files added, changed or removed since the last
// successful Build (every file, the first time).
func (s *Session) Build(changed []string) (*Result, error) {
	// What a failed build was told changed is still to be done.
	if s.pendingAll {
		changed = nil
	} else if s.pending != nil && changed != nil {
		changed = append(slices.Clone(s.pending), changed...)
	}
	res, err := s.build(changed)
	if err != nil {
		s.pendingAll = s.pendingAll || changed == nil
		s.pending = changed
		return nil, err
	}
	s.pending, s.pendingAll = nil, false
	// Excerpts made by a failed build are cached but not yet published:
	// only a good build clears the mark.
	s.excerptChanged = false
	return res, nil
}

func (s *Session) build(changed []string) (*Result, error) {
	start := time.Now()
	opts := s.opts
	full := !s.built || changed == nil
	for _, c := range changed {
		if c == "." || c == "" || !strings.HasPrefix(c, "content/") {
			full = true
		}
	}
	site, err := source.LoadChanged(s.fs, opts.Source, source.Options{Drafts: opts.Drafts}, s.src, changed)
	if err != nil {
		return nil, err
	}
	templates, static, err := themeLayers(s.fs, opts.Source, opts.Theme)
	if err != nil {
		return nil, err
	}
	var ov *editorOverrides
	if !opts.NoExtract {
		if ov, err = loadOverrides(s.fs, site); err != nil {
			return nil, err
		}
	}
	r, err := render.New(site, render.Options{Templates: templates, BaseURL: opts.BaseURL, Markdown: render.NewMarkdown(annotate.Extension)})
	if err != nil {
		return nil, err
	}
	if err := checkIndexSlugs(site); err != nil {
		return nil, err
	}
	shape := s.shapeOf(site)
	us := units(site)
	var redo map[string]bool
	if !full && shape == s.shape {
		redo = s.affected(site, changed)
		for _, u := range us {
			if s.units[unitKey(u)] == nil {
				redo = nil
			}
		}
	}
	res := &Result{Articles: len(site.Articles), Warnings: site.Warnings}
	s.rendered = len(redo)
	if redo == nil {
		s.rendered = len(us)
		res.Changed, err = s.buildAll(site, r, ov, us, static)
	} else {
		res.Changed, err = s.buildSome(site, r, ov, us, redo)
	}
	if err != nil {
		return nil, err
	}
	s.built, s.shape = true, shape
	s.prune(site)
	s.pruneExcerpts(site)
	for _, u := range us {
		res.Warnings = append(res.Warnings, s.units[unitKey(u)].unused...)
	}
	res.Warnings = append(res.Warnings, s.siteOv...)
	for p := range s.out {
		if strings.HasSuffix(p, ".html") {
			res.Pages++
		}
	}
	res.Files = len(s.out)
	res.Duration = time.Since(start)
	return res, nil
}

// affected returns the keys of the units the changed paths belong to, or
// nil when one of them belongs to none (the whole site is rendered).
func (s *Session) affected(site *source.Site, changed []string) map[string]bool {
	folders := map[string]string{} // "content/<folder>" -> briefing slug
	for _, a := range site.Articles {
		if a.Briefing != "" {
			folders[folderOf(a.Path)] = a.Briefing
		}
	}
	for _, b := range site.Briefings {
		if b.Path != "" {
			folders[path.Dir(b.Path)] = b.Slug
		}
	}
	redo := map[string]bool{}
	for _, c := range changed {
		switch parts := strings.Split(c, "/"); {
		case len(parts) >= 3:
			slug, ok := folders[folderOf(c)]
			if !ok {
				return nil
			}
			redo[slug] = true
		case len(parts) == 2 && c == "content/_index.md":
			return nil
		case len(parts) == 2:
			if slug, ok := folders[c]; ok {
				redo[slug] = true // a briefing's folder
				continue
			}
			switch strings.ToLower(path.Ext(c)) {
			case ".md", ".txt", ".yaml", ".yml", ".toml":
				redo[looseKey] = true
			default:
				return nil
			}
		default:
			return nil
		}
	}
	return redo
}

// folderOf returns "content/<folder>" of a path below a briefing.
func folderOf(p string) string {
	i := strings.IndexByte(p, '/')
	if i < 0 {
		return p
	}
	j := strings.IndexByte(p[i+1:], '/')
	if j < 0 {
		return p
	}
	return p[:i+1+j]
}

// shapeOf hashes what one briefing's pages may show of the others: every
// article's and briefing's metadata, in the site's order. Bodies are left
// out; they show only on their own briefing's pages and the site-wide
// pages, which every build renders.
func (s *Session) shapeOf(site *source.Site) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	str := func(ss ...string) {
		for _, x := range ss {
			h.WriteString(x)
			h.WriteByte(0)
		}
	}
	for _, a := range site.Articles {
		str("a", a.Path, a.Briefing, a.Slug, a.Title, a.Source, a.URL, a.Author, a.Date.Format(time.RFC3339Nano))
		str(strconv.Itoa(len(a.Tags)))
		str(a.Tags...)
		if a.Draft {
			str("draft")
		}
		if len(a.Params) > 0 {
			fmt.Fprintf(&h, "%v", a.Params)
		}
		h.WriteByte(byte(a.Format))
	}
	for _, b := range site.Briefings {
		str("b", b.Slug, b.Title, b.Summary, b.Date.Format(time.RFC3339Nano), b.Path)
		fmt.Fprintf(&h, "%v", b.Params)
	}
	if site.Home != nil {
		str("h", site.Home.Title, string(site.Home.Body))
		fmt.Fprintf(&h, "%v", site.Home.Params)
	}
	return h.Sum64()
}

// extract returns an article's facts from the cache, extracting them when
// its text is new.
func (s *Session) extract(a *source.Article) *extract.Facts {
	sum := maphash.Bytes(s.seed, a.Doc.Text)
	s.mu.Lock()
	c, ok := s.facts[a.Path]
	s.mu.Unlock()
	if ok && c.sum == sum {
		return c.facts
	}
	f := extract.Run(a.Doc)
	s.mu.Lock()
	s.facts[a.Path] = cachedFacts{sum: sum, facts: f}
	s.mu.Unlock()
	return f
}

// prune drops the cached facts of articles no longer in the site.
func (s *Session) prune(site *source.Site) {
	if len(s.facts) <= len(site.Articles) {
		return
	}
	keep := make(map[string]bool, len(site.Articles))
	for _, a := range site.Articles {
		keep[a.Path] = true
	}
	s.mu.Lock()
	for p := range s.facts {
		if !keep[p] {
			delete(s.facts, p)
		}
	}
	s.mu.Unlock()
}

// searchOptions are searchOptions(r) with excerpts from the cache.
func (s *Session) searchOptions(r *render.Renderer) search.Options {
	opt := searchOptions(r)
	excerpt := opt.Excerpt
	opt.Excerpt = func(a *source.Article) string {
		if a.Doc == nil {
			return excerpt(a)
		}
		s.mu.Lock()
		e, ok := s.excerpts[a.Doc]
		s.mu.Unlock()
		if !ok {
			e = excerpt(a)
			s.mu.Lock()
			s.excerpts[a.Doc] = e
			if old, ok := s.excerptOf[a.Path]; !ok || old != e {
				s.excerptChanged = true
			}
			s.excerptOf[a.Path] = e
			s.mu.Unlock()
		}
		return e
	}
	return opt
}

// pruneExcerpts drops the excerpts of Docs no longer in the site.
func (s *Session) pruneExcerpts(site *source.Site) {
	if len(s.excerpts) <= len(site.Articles) {
		return
	}
	keep := make(map[*doc.Doc]string, len(site.Articles))
	for _, a := range site.Articles {
		if e, ok := s.excerpts[a.Doc]; ok {
			keep[a.Doc] = e
		}
	}
	s.excerpts = keep
}

func (s *Session) hash(b []byte) uint64 { return maphash.Bytes(s.seed, b) }

// recorder collects the paths and hashes of the files passed to emit.
type recorder struct {
	s     *Session
	mu    sync.Mutex
	files map[string]uint64
	data  map[string][]byte // kept too when not nil
}

func (rc *recorder) emit(next func(render.File) error) func(render.File) error {
	return func(f render.File) error {
		if err := checkPath(f.Path); err != nil {
			return err
		}
		h := rc.s.hash(f.Data)
		rc.mu.Lock()
		_, dup := rc.files[f.Path]
		rc.files[f.Path] = h
		if rc.data != nil {
			rc.data[f.Path] = f.Data
		}
		rc.mu.Unlock()
		if dup && next == nil {
			return fmt.Errorf("two files write %s", f.Path)
		}
		if next != nil {
			return next(f)
		}
		return nil
	}
}

// buildAll renders the whole site into a staging folder and swaps it in.
// It returns the files changed since the build before.
func (s *Session) buildAll(site *source.Site, r *render.Renderer, ov *editorOverrides, us []unit, static fs.FS) ([]string, error) {
	statics, swarns, err := staticFiles(static, filepath.Join(s.opts.Source, "static"))
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	clear(s.excerpts) // the metadata they were made with may have changed
	s.mu.Unlock()
	bd := &builder{site: site, r: r, ov: ov, searchOpt: s.searchOptions(r), extract: s.extract}
	states := make([]*unitState, len(us))
	siteRec := &recorder{s: s, files: map[string]uint64{}}
	var gens []*recorder
	var base search.Index
	_, _, err = write(s.fs, s.opts, site, statics, func(emit func(render.File) error) error {
		if err := r.SitePages(siteRec.emit(emit)); err != nil {
			return err
		}
		idx, articles := search.Base(site, bd.searchOpt)
		bd.articles = articles
		base = *idx
		err := parallel(len(us), func(i int) error {
			rec := &recorder{s: s, files: map[string]uint64{}}
			ur, err := bd.unit(us[i], rec.emit(emit))
			if err != nil {
				return err
			}
			states[i] = &unitState{res: ur, sum: s.hashOf(ur.compact), psum: s.hashOf(ur.part), files: rec.files, unused: unusedOwn(ov, us[i])}
			return nil
		})
		if err != nil {
			return err
		}
		gens, err = s.siteWide(r, site, ov, idx, states, nil, emit)
		return err
	}, nil)
	if err != nil {
		return nil, err
	}
	s.units = make(map[string]*unitState, len(us))
	for i, u := range us {
		s.units[unitKey(u)] = states[i]
	}
	s.site = siteRec.files
	s.gens = make([]map[string]uint64, len(gens))
	for i, g := range gens {
		s.gens[i] = g.files
	}
	s.statics = make(map[string]uint64, len(statics))
	for _, f := range statics {
		s.statics[f.Path] = s.hash(f.Data)
	}
	s.siteOv = append(ov.siteUnused(), swarns...)
	base.Actors, base.Quotes = nil, nil
	s.base = &base
	prev := s.out
	s.out = s.union()
	return diff(prev, s.out), nil
}

// buildSome renders the units redo names and the site-wide pages in
// memory, then writes what changed in place. The site-wide actor and
// quotation indexes are rendered again only when a redone briefing's
// compact aggregate changed. It returns the files changed.
func (s *Session) buildSome(site *source.Site, r *render.Renderer, ov *editorOverrides, us []unit, redo map[string]bool) ([]string, error) {
	bd := &builder{site: site, r: r, ov: ov, searchOpt: s.searchOptions(r), extract: s.extract}
	var todo []int
	states := make([]*unitState, len(us))
	for i, u := range us {
		if redo[unitKey(u)] {
			todo = append(todo, i)
		} else {
			states[i] = s.units[unitKey(u)]
		}
	}
	// The base of the search index (briefings and articles) is made of
	// the metadata, unchanged here, and the excerpts: when no excerpt
	// changed either, the last one is kept.
	for _, i := range todo {
		for _, a := range us[i].arts {
			if a.Doc != nil {
				bd.searchOpt.Excerpt(a)
			}
		}
	}
	var idx *search.Index
	if s.base != nil && !s.excerptChanged {
		cp := *s.base
		cp.Actors, cp.Quotes = []search.Actor{}, []search.Quote{}
		idx = &cp
		bd.articles = make(map[*source.Article]int, len(site.Articles))
		for i, a := range site.Articles {
			bd.articles[a] = i
		}
	} else {
		idx, bd.articles = search.Base(site, bd.searchOpt)
	}
	base := *idx
	data := map[string][]byte{}
	var dmu sync.Mutex
	err := parallel(len(todo), func(k int) error {
		i := todo[k]
		rec := &recorder{s: s, files: map[string]uint64{}, data: map[string][]byte{}}
		ur, err := bd.unit(us[i], rec.emit(nil))
		if err != nil {
			return err
		}
		states[i] = &unitState{res: ur, sum: s.hashOf(ur.compact), psum: s.hashOf(ur.part), files: rec.files, unused: unusedOwn(ov, us[i])}
		dmu.Lock()
		for p, b := range rec.data {
			data[p] = b
		}
		dmu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	// A generator runs again only when what it is made of changed: the
	// actor and quotation indexes of the compact aggregates, the search
	// index of the parts and the excerpts.
	sameCompacts, sameParts := true, true
	for _, i := range todo {
		old := s.units[unitKey(us[i])]
		sameCompacts = sameCompacts && states[i].sum == old.sum
		sameParts = sameParts && states[i].psum == old.psum
	}
	skip := make([]bool, len(generators))
	for g, gen := range generators {
		switch reflect.ValueOf(gen).Pointer() {
		case reflect.ValueOf(siteIndexes).Pointer():
			skip[g] = sameCompacts
		case reflect.ValueOf(searchGenerator).Pointer():
			skip[g] = sameParts && !s.excerptChanged
		}
	}
	siteRec := &recorder{s: s, files: map[string]uint64{}, data: map[string][]byte{}}
	if err := r.SitePages(siteRec.emit(nil)); err != nil {
		return nil, err
	}
	gens, err := s.siteWide(r, site, ov, idx, states, skip, nil)
	if err != nil {
		return nil, err
	}
	for _, rec := range append([]*recorder{siteRec}, gens...) {
		for p, b := range rec.data {
			if _, dup := data[p]; dup {
				return nil, fmt.Errorf("two files write %s", p)
			}
			data[p] = b
		}
	}

	// Everything is rendered: now the output may change. The files the
	// redone parts wrote before and no longer write go.
	next := make(map[string]uint64, len(data))
	for _, i := range todo {
		for p, h := range states[i].files {
			next[p] = h
		}
	}
	olds := []map[string]uint64{s.site}
	for _, rec := range append([]*recorder{siteRec}, gens...) {
		for p, h := range rec.files {
			next[p] = h
		}
	}
	for g := range gens {
		if !skip[g] {
			olds = append(olds, s.gens[g])
		}
	}
	gone := map[string]bool{}
	for _, i := range todo {
		olds = append(olds, s.units[unitKey(us[i])].files)
	}
	for _, m := range olds {
		for p := range m {
			if _, ok := next[p]; !ok {
				gone[p] = true
			}
		}
	}
	var changed []string
	for p, h := range next {
		if o, ok := s.out[p]; !ok || o != h {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	var werr error
	for _, p := range changed {
		if werr = publish.WriteInPlace(s.fs, s.opts.Destination, p, data[p], publish.Options{NoSync: s.opts.NoSync}); werr != nil {
			break
		}
	}
	for p := range gone {
		if werr != nil {
			break
		}
		werr = publish.RemoveInPlace(s.fs, s.opts.Destination, p)
		changed = append(changed, p)
	}
	if werr != nil {
		// The output is part old, part new: the next build renders and
		// swaps in the whole site, and every page reloads.
		s.built, s.out = false, nil
		return nil, werr
	}
	for p := range gone {
		delete(s.out, p)
	}
	for p, h := range next {
		s.out[p] = h
	}
	for i, u := range us {
		s.units[unitKey(u)] = states[i]
	}
	s.site = siteRec.files
	for g, rec := range gens {
		if !skip[g] {
			s.gens[g] = rec.files
		}
	}
	base.Actors, base.Quotes = nil, nil
	s.base = &base
	sort.Strings(changed)
	return changed, nil
}

// siteWide runs the generators of the site-wide pages over the units'
// results, in the site's order, except those skip marks; each generator's
// files go to its own recorder (kept in memory when next is nil, else
// passed on to next).
func (s *Session) siteWide(r *render.Renderer, site *source.Site, ov *editorOverrides, idx *search.Index, states []*unitState, skip []bool, next func(render.File) error) ([]*recorder, error) {
	sd := &siteData{search: idx}
	if ov != nil {
		// One allocation each instead of append's repeated growth.
		var na, nq int
		for _, st := range states {
			na, nq = na+len(st.res.part.Actors), nq+len(st.res.part.Quotes)
		}
		idx.Actors, idx.Quotes = slices.Grow(idx.Actors, na), slices.Grow(idx.Quotes, nq)
	}
	for _, st := range states {
		if ov != nil {
			idx.Add(st.res.part)
		}
		if st.res.compact != nil {
			sd.briefings = append(sd.briefings, st.res.compact)
		}
	}
	slices.SortFunc(sd.briefings, func(a, b *briefing.Briefing) int { return strings.Compare(a.Briefing.Slug, b.Briefing.Slug) })
	recs := make([]*recorder, len(generators))
	for g, gen := range generators {
		recs[g] = &recorder{s: s, files: map[string]uint64{}}
		if next == nil {
			recs[g].data = map[string][]byte{}
		}
		if skip != nil && skip[g] {
			continue
		}
		if err := gen(r, site, sd, recs[g].emit(next)); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// union is every output file: the units', the site-wide ones and the
// static files.
func (s *Session) union() map[string]uint64 {
	n := len(s.site) + len(s.statics)
	for _, st := range s.units {
		n += len(st.files)
	}
	out := make(map[string]uint64, n)
	for _, st := range s.units {
		for p, h := range st.files {
			out[p] = h
		}
	}
	for p, h := range s.site {
		out[p] = h
	}
	for _, m := range s.gens {
		for p, h := range m {
			out[p] = h
		}
	}
	for p, h := range s.statics {
		out[p] = h
	}
	return out
}

// unusedOwn lists the unused overrides of a unit's briefing, once it is
// aggregated.
func unusedOwn(ov *editorOverrides, u unit) []string {
	if ov == nil || u.b == nil || u.bi < 0 {
		return nil
	}
	return ov.own[u.bi].Unused()
}

// siteUnused lists the unused site-wide overrides, once every briefing is
// aggregated.
func (ov *editorOverrides) siteUnused() []string {
	if ov == nil {
		return nil
	}
	return ov.site.Unused()
}

// diff returns the sorted paths whose hash differs between a and b, or
// that are in only one of them.
func diff(a, b map[string]uint64) []string {
	var out []string
	for p, h := range b {
		if o, ok := a[p]; !ok || o != h {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// hashOf hashes everything in a compact aggregate or a search part that
// the site-wide pages may show: every field, followed through pointers, slices and
// maps; a source article or briefing counts by its path (their metadata
// is in shapeOf). Equal hashes: the pages need not be rendered again.
func (s *Session) hashOf(x any) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	hashValue(&h, reflect.ValueOf(x), map[uintptr]bool{})
	return h.Sum64()
}

var (
	articleType  = reflect.TypeFor[*source.Article]()
	briefingType = reflect.TypeFor[*source.Briefing]()
)

func hashValue(h *maphash.Hash, v reflect.Value, seen map[uintptr]bool) {
	var buf [8]byte
	num := func(u uint64) {
		for i := range buf {
			buf[i] = byte(u >> (8 * i))
		}
		h.Write(buf[:])
	}
	switch v.Kind() {
	case reflect.Bool:
		if v.Bool() {
			num(1)
		} else {
			num(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		num(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		num(v.Uint())
	case reflect.Float32, reflect.Float64:
		num(uint64(int64(v.Float() * 1e9)))
	case reflect.String:
		num(uint64(v.Len()))
		h.WriteString(v.String())
	case reflect.Slice, reflect.Array:
		num(uint64(v.Len()))
		for i := 0; i < v.Len(); i++ {
			hashValue(h, v.Index(i), seen)
		}
	case reflect.Map:
		// In any order: the sum of each entry's own hash.
		var sum uint64
		it := v.MapRange()
		for it.Next() {
			var e maphash.Hash
			e.SetSeed(h.Seed())
			hashValue(&e, it.Key(), seen)
			hashValue(&e, it.Value(), seen)
			sum += e.Sum64()
		}
		num(uint64(v.Len()))
		num(sum)
	case reflect.Pointer:
		if v.IsNil() {
			num(0)
			return
		}
		if v.Type() == articleType || v.Type() == briefingType {
			h.WriteString(v.Elem().FieldByName("Path").String())
			return
		}
		if seen[v.Pointer()] {
			num(1)
			return
		}
		seen[v.Pointer()] = true
		num(2)
		hashValue(h, v.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			hashValue(h, v.Field(i), seen)
		}
	case reflect.Interface:
		if v.IsNil() {
			num(0)
			return
		}
		h.WriteString(v.Elem().Type().String())
		hashValue(h, v.Elem(), seen)
	}
}
