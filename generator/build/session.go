package build

import (
	"fmt"
	"hash/maphash"
	"io/fs"
	"math"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"text/template/parse"
	"time"

	"github.com/spf13/afero"
	"github.com/yuin/goldmark"

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
//   - when only files inside briefings' folders (articles, _index.md) or
//     directly in content/ changed, only the units they belong to (a
//     briefing, or the articles directly in content/) are aggregated and
//     rendered again, with the site-wide files (home, 404, feeds, sitemap,
//     the actor and quotation indexes, the search index); every other
//     unit's files and its part of the site-wide data are kept from the
//     build before. That holds for an article edited, added, deleted,
//     renamed, moved to another briefing, re-dated or retitled, and for a
//     briefing's _index.md (its overrides too);
//   - the rule that makes this sound: a unit's pages show only their own
//     unit. Their data (render's briefing, timeline, article, actor and
//     quotes pages) holds the unit's briefing, its articles and its
//     aggregate; briefingOf finds an article's own briefing; .Site is the
//     same for every page. Only .Site.Briefings (every briefing, article
//     and article text) and .Site.Updated (the newest article's date) lead
//     out of the unit, so when a unit page's template, or a template it
//     runs, reaches .Site other than through a config field (unitsSeeSite
//     reads the parse trees), every change to a briefing or an article
//     renders the whole site (keep .Site.Briefings to the home page and
//     the site-wide pages for fast previews);
//   - the site-wide files are rendered again only when what they are made
//     of changed: the sitemap and the search index's articles when a
//     redone unit's metadata changed (metaOf), the actor and quotation
//     indexes when its compact aggregate or metadata did, the search index
//     and page when its part, an excerpt or metadata did; always when
//     their templates may show articles' text through .Site
//     (indexesSeeText). (The compact aggregates count articles by path:
//     an index template that digs an article's text out of them would go
//     stale on a body edit that changes no fact.) Search parts point to
//     articles by their position in the index; the kept ones are re-based
//     by path when articles moved. The search index is encoded piece by
//     piece through a search.JSONCache, its articles made through a
//     search.DocCache;
//   - content/_index.md shows on the home page alone: it renders only the
//     site-wide files;
//   - anything else (templates/, static/, the site config, data/, a
//     briefing added or removed, its slug or its _index.md appearing or
//     going, the first or last article directly in content/) renders the
//     whole site, still with the cached facts;
//   - the templates are parsed again only when something outside content/
//     changed (or after a failed build): otherwise the last good build's
//     template set is taken over (render.Options.Parsed), with what
//     html/template's escaping did at each template's first execution.
//
// The first build, and every whole-site render, is staged and swapped in
// like Build's. An incremental build renders everything it will write in
// memory first, checks that no new file takes another's place (as Build's
// claims do) when a redone unit writes a file it did not before, then
// writes only the files whose bytes changed, each to a temporary name
// renamed over the old one, and removes the files no longer produced; a
// failed build writes nothing.
//
// A Session sets the process's soft memory limit after each good build
// (limitMemory: the live heap plus sessionHeadroom), unless GOMEMLIMIT is
// set.
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

	built    bool
	shape    uint64 // shapeOf the last good build's site
	seesSite bool   // unitsSeeSite of the last whole-site render's templates
	// indexesSeeText: the site-wide generators' templates may show
	// articles' text through .Site, so they are never skipped.
	indexesSeeText bool
	// homeSeesOthers: the home page's templates may show articles other
	// than those its data holds (render.Renderer.HomeArticles), so it is
	// never kept.
	homeSeesOthers bool
	homeKept       bool                  // the last build kept the home page (tests)
	homeDocs       map[string]*doc.Doc   // the Docs of the last good build's render.Renderer.HomeArticles, by path
	paths          []string              // the last good build's articles' paths, in the site's order
	units          map[string]*unitState // by unitKey
	site           map[string]uint64     // render.SitePages' files -> hash
	gens           []map[string]uint64   // each generator's files -> hash, by index in generators
	base           *search.Index         // the last good build's search.Base, without actors and quotes
	docs           *search.DocCache      // the search index's article documents, since the last whole-site render
	json           search.JSONCache      // the search index's encoded pieces
	statics        map[string]uint64     // static files -> hash
	siteOv         []string              // unused site-wide overrides of the last whole build
	out            map[string]uint64     // every output file of the last good build -> hash
	pages          int                   // the .html files in out
	md             goldmark.Markdown     // the Markdown converter of every build

	pending    []string // changed paths of failed builds since the last good one
	pendingAll bool     // a failed build was to build everything

	// parsed is the template set of the last good build: a build that
	// changes nothing outside content/ renders with it, neither parsing
	// the templates again nor redoing html/template's escaping. Any other
	// change, and any failed build, makes the next one parse them anew.
	parsed *render.Parsed

	rendered int // units rendered by the last build (tests)

	memLimit  bool  // the Session sets the process's soft memory limit
	memLimitN int64 // the limit it set last, 0 for none yet
}

type cachedFacts struct {
	sum   uint64
	facts *extract.Facts
}

// unitState is what a Session keeps of a unit between builds.
type unitState struct {
	res    unitResult
	sum    uint64 // hashOf res.compact
	psum   uint64 // hashOf res.part; 0 after its part was re-based
	msum   uint64 // metaOf the unit
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
	if err := opts.resolve(); err != nil {
		return nil, err
	}
	s := &Session{fs: fsys, opts: opts, seed: maphash.MakeSeed(), src: source.NewCache(), facts: map[string]cachedFacts{}, excerpts: map[*doc.Doc]string{}, excerptOf: map[string]string{}, md: render.NewMarkdown(annotate.Extension)}
	s.memLimit = os.Getenv("GOMEMLIMIT") == "" && debug.SetMemoryLimit(-1) == math.MaxInt64
	return s, nil
}

// sessionHeadroom is what a Session's memory limit allows above the live
// heap of its caches: what a build has in flight, and room for a few
// rebuilds' garbage between collections. Each collection marks the whole
// live heap (~230 MB on a 10,000-article site, ~150 ms of CPU); with 160
// MiB (Build's limitMemory's figure) a one-article rebuild cost ~20-30 ms
// more CPU than with 256 MiB, for ~100 MB less resident memory while
// edits come back to back. The preview server returns the rest to the
// system once edits pause (serve.SiteBuilder).
const sessionHeadroom = 256 << 20

// limitMemory sets the process's soft memory limit to the live heap after
// a good build (the Session's caches: facts, sources, the units' data)
// plus sessionHeadroom, unless GOMEMLIMIT is set or someone else set a
// limit. A preview server keeps a 10,000-article site's caches (~230 MB)
// for hours; without a limit the heap grows to twice that and more
// between collections (a whole-site render's garbage on top). The limit
// is soft: a larger live heap only makes the collector run more often,
// and the next build's limit follows it.
func (s *Session) limitMemory() {
	if !s.memLimit {
		return
	}
	cur := debug.SetMemoryLimit(-1)
	if (s.memLimitN == 0 && cur != math.MaxInt64) || (s.memLimitN != 0 && cur != s.memLimitN) {
		s.memLimit = false // set by someone else meanwhile: theirs
		return
	}
	sample := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(sample)
	if sample[0].Value.Kind() != metrics.KindUint64 {
		return
	}
	s.memLimitN = int64(sample[0].Value.Uint64()) + sessionHeadroom
	debug.SetMemoryLimit(s.memLimitN)
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
		s.parsed = nil
		s.pendingAll = s.pendingAll || changed == nil
		s.pending = changed
		return nil, err
	}
	s.pending, s.pendingAll = nil, false
	s.limitMemory()
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
	var parsed *render.Parsed
	if !full {
		parsed = s.parsed
	}
	s.parsed = nil // taken over by r, or stale
	r, err := render.New(site, render.Options{Templates: templates, BaseURL: opts.BaseURL, Markdown: s.md, Parsed: parsed})
	if err != nil {
		return nil, err
	}
	if err := checkIndexSlugs(site); err != nil {
		return nil, err
	}
	if full {
		s.seesSite = unitsSeeSite(templates)
		s.indexesSeeText = indexesSeeText(templates)
		s.homeSeesOthers = homeSeesOthers(templates)
	}
	us := units(site)
	shape := s.shapeOf(site, us)
	var redo map[string]bool
	if !full && shape == s.shape {
		redo = s.affected(site, changed)
		for _, u := range us {
			if s.units[unitKey(u)] == nil {
				redo = nil
			}
		}
		if s.seesSite && len(redo) > 0 {
			// Every unit's pages may show what changed.
			redo = nil
		}
	}
	res := &Result{Articles: len(site.Articles), Warnings: site.Warnings}
	s.rendered = len(redo)
	if redo == nil {
		s.rendered = len(us)
		res.Changed, err = s.buildAll(site, r, ov, us, static)
	} else {
		res.Changed, err = s.buildSome(site, r, ov, us, redo, slices.Contains(changed, "content/_index.md"))
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
	res.Pages = s.pages
	res.Files = len(s.out)
	// The templates call r's functions until the next build takes them
	// over: r stays alive, but not its cache of fragments.
	r.ClearFragments()
	r.ClearFragments()
	s.parsed = r.Parsed()
	s.homeDocs = map[string]*doc.Doc{}
	for _, a := range r.HomeArticles() {
		s.homeDocs[a.Path] = a.Doc
	}
	res.Duration = time.Since(start)
	return res, nil
}

// affected returns the keys of the units the changed paths belong to, or
// nil when one of them belongs to none (the whole site is rendered).
func (s *Session) affected(site *source.Site, changed []string) map[string]bool {
	// A briefing is a folder: its _index.md and its articles lie in it.
	folders := make(map[string]string, len(site.Briefings)) // "content/<folder>" -> briefing slug
	for _, b := range site.Briefings {
		if b.Path != "" {
			folders[path.Dir(b.Path)] = b.Slug
		} else if len(b.Articles) > 0 {
			folders[folderOf(b.Articles[0].Path)] = b.Slug
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
			continue // the home page's alone (and in shapeOf when units see the site)
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

// shapeOf hashes what must stay the same for a build to render only the
// units whose files changed: the units themselves (each briefing's slug
// and _index.md, and whether there are articles directly in content/: a
// unit of us without a briefing).
func (s *Session) shapeOf(site *source.Site, us []unit) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	for _, b := range site.Briefings {
		for _, x := range []string{"u", b.Slug, b.Path} {
			h.WriteString(x)
			h.WriteByte(0)
		}
	}
	if len(us) > 0 && us[len(us)-1].b == nil {
		h.WriteString("loose")
	}
	return h.Sum64()
}

// metaOf hashes a unit's metadata: its briefing's (_index.md, whole) and
// each of its articles' (path, slug, title, date, tags, params...), in
// order; not the articles' text. Equal for a redone unit, the site-wide
// files made of metadata alone (the sitemap, the search index's
// articles, the positions of articles in it) need not change.
func (s *Session) metaOf(u unit) uint64 {
	var h maphash.Hash
	h.SetSeed(s.seed)
	if u.b != nil {
		writeBriefingMeta(&h, u.b)
		h.Write(u.b.Body)
	}
	for _, a := range u.arts {
		writeArticleMeta(&h, a)
	}
	return h.Sum64()
}

func writeArticleMeta(h *maphash.Hash, a *source.Article) {
	str := func(ss ...string) {
		for _, x := range ss {
			h.WriteString(x)
			h.WriteByte(0)
		}
	}
	str("a", a.Path, a.Briefing, a.Slug, a.Title, a.Source, a.URL, a.Author, a.Date.Format(time.RFC3339Nano))
	str(strconv.Itoa(len(a.Tags)))
	str(a.Tags...)
	if a.Draft {
		str("draft")
	}
	if len(a.Params) > 0 {
		fmt.Fprintf(h, "%v", a.Params)
	}
	h.WriteByte(byte(a.Format))
}

func writeBriefingMeta(h *maphash.Hash, b *source.Briefing) {
	for _, x := range []string{"b", b.Slug, b.Title, b.Summary, b.Date.Format(time.RFC3339Nano), b.Path} {
		h.WriteString(x)
		h.WriteByte(0)
	}
	fmt.Fprintf(h, "%v", b.Params)
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
	// Each edit leaves one stale entry: prune once there are a few.
	if len(s.excerpts) <= len(site.Articles)+len(site.Articles)/16+8 {
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
			f.Owned = false // kept here: not to be recycled
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
		s.docs = &search.DocCache{}
		idx, articles := search.BaseCached(site, bd.searchOpt, s.docs)
		bd.articles = articles
		base = *idx
		err := parallel(len(us), func(i int) error {
			rec := &recorder{s: s, files: map[string]uint64{}}
			ur, err := bd.unit(us[i], rec.emit(emit))
			if err != nil {
				return err
			}
			states[i] = &unitState{res: ur, sum: s.hashOf(ur.compact), psum: s.hashOf(ur.part), msum: s.metaOf(us[i]), files: rec.files, unused: unusedOwn(ov, us[i])}
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
	s.paths = articlePaths(site)
	prev := s.out
	s.out = s.union()
	s.pages = 0
	for p := range s.out {
		if isPage(p) {
			s.pages++
		}
	}
	return diff(prev, s.out), nil
}

// isPage reports whether an output file is a page (Result.Pages).
func isPage(p string) bool { return strings.HasSuffix(p, ".html") }

// articlePaths lists the paths of site's articles, in its order.
func articlePaths(site *source.Site) []string {
	out := make([]string, len(site.Articles))
	for i, a := range site.Articles {
		out[i] = a.Path
	}
	return out
}

// buildSome renders the units redo names and the site-wide pages in
// memory, then writes what changed in place. A site-wide file is rendered
// again only when what it is made of changed: the sitemap and the search
// index's articles when a redone unit's metadata did (metaOf), the actor
// and quotation indexes when a redone unit's compact aggregate or
// metadata did, the search index when a part, an excerpt or metadata did.
// It returns the files changed.
//
// The home page is kept too when it cannot have changed: no metadata
// changed, content/_index.md did not (homeChanged), its templates show
// no articles but those its data holds (homeSeesOthers), and none of
// those changed its text (each has the Doc it had in the last good
// build: the source cache reuses a Doc only while its file is unchanged).
func (s *Session) buildSome(site *source.Site, r *render.Renderer, ov *editorOverrides, us []unit, redo map[string]bool, homeChanged bool) ([]string, error) {
	bd := &builder{site: site, r: r, ov: ov, searchOpt: s.searchOptions(r), extract: s.extract}
	var todo []int
	states := make([]*unitState, len(us))
	msums := make([]uint64, len(us))
	sameMeta := true
	for i, u := range us {
		if redo[unitKey(u)] {
			todo = append(todo, i)
			msums[i] = s.metaOf(u)
			sameMeta = sameMeta && msums[i] == s.units[unitKey(u)].msum
		} else {
			states[i] = s.units[unitKey(u)]
		}
	}
	// The base of the search index (briefings and articles) is made of
	// the metadata and the excerpts: when neither changed, the last one
	// is kept.
	for _, i := range todo {
		for _, a := range us[i].arts {
			if a.Doc != nil {
				bd.searchOpt.Excerpt(a)
			}
		}
	}
	var idx *search.Index
	if s.base != nil && !s.excerptChanged && sameMeta {
		cp := *s.base
		cp.Actors, cp.Quotes = []search.Actor{}, []search.Quote{}
		idx = &cp
		bd.articles = make(map[*source.Article]int, len(site.Articles))
		for i, a := range site.Articles {
			bd.articles[a] = i
		}
	} else {
		idx, bd.articles = search.BaseCached(site, bd.searchOpt, s.docs)
	}
	base := *idx
	var paths []string
	if !sameMeta {
		// Articles may have moved in the index: the kept units' quotations
		// point to their articles again.
		paths = articlePaths(site)
		s.rebase(states, paths)
	}
	data := map[string][]byte{}
	var dmu sync.Mutex
	err := parallel(len(todo), func(k int) error {
		i := todo[k]
		rec := &recorder{s: s, files: map[string]uint64{}, data: map[string][]byte{}}
		ur, err := bd.unit(us[i], rec.emit(nil))
		if err != nil {
			return err
		}
		states[i] = &unitState{res: ur, sum: s.hashOf(ur.compact), psum: s.hashOf(ur.part), msum: msums[i], files: rec.files, unused: unusedOwn(ov, us[i])}
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
	// index of the parts and the excerpts; both of the metadata.
	sameCompacts, sameParts := true, true
	var grew []unit
	for _, i := range todo {
		old := s.units[unitKey(us[i])]
		sameCompacts = sameCompacts && states[i].sum == old.sum
		sameParts = sameParts && states[i].psum == old.psum && old.psum != 0
		for p := range states[i].files {
			if _, ok := old.files[p]; !ok {
				grew = append(grew, us[i])
				break
			}
		}
	}
	skip := make([]bool, len(generators))
	for g, gen := range generators {
		switch reflect.ValueOf(gen).Pointer() {
		case reflect.ValueOf(siteIndexes).Pointer():
			skip[g] = sameCompacts && sameMeta && !s.indexesSeeText
		case reflect.ValueOf(searchGenerator).Pointer():
			skip[g] = sameParts && !s.excerptChanged && sameMeta && !s.indexesSeeText
		}
	}
	siteRec := &recorder{s: s, files: map[string]uint64{}, data: map[string][]byte{}}
	keepHome := sameMeta && !homeChanged && !s.homeSeesOthers && s.homeDocs != nil
	if keepHome {
		for _, a := range r.HomeArticles() {
			if a.Doc == nil || s.homeDocs[a.Path] != a.Doc {
				keepHome = false
				break
			}
		}
	}
	s.homeKept = false
	if err := s.sitePages(r, siteRec, sameMeta, keepHome); err != nil {
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
	if len(grew) > 0 {
		// A redone unit writes a file it did not write before (an article
		// added or renamed): it must not take another file's place.
		if err := s.checkClaims(grew, next, gone); err != nil {
			return nil, err
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
		if _, ok := s.out[p]; ok && isPage(p) {
			s.pages--
		}
		delete(s.out, p)
	}
	for p, h := range next {
		if _, ok := s.out[p]; !ok && isPage(p) {
			s.pages++
		}
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
	if paths != nil {
		s.paths = paths
	}
	sort.Strings(changed)
	return changed, nil
}

// rebase points the quotations of the kept units' search parts (states
// not nil) to their articles' positions in paths, from those in the last
// good build's s.paths. The states are replaced, not changed: a failed
// build keeps the old ones.
func (s *Session) rebase(states []*unitState, paths []string) {
	if slices.Equal(paths, s.paths) {
		return
	}
	pos := make(map[string]int, len(paths))
	for i, p := range paths {
		pos[p] = i
	}
	for i, st := range states {
		if st == nil || len(st.res.part.Quotes) == 0 {
			continue
		}
		cp := *st
		cp.res.part.Quotes = slices.Clone(st.res.part.Quotes)
		for k := range cp.res.part.Quotes {
			q := &cp.res.part.Quotes[k]
			if q.Article >= 0 && q.Article < len(s.paths) {
				if n, ok := pos[s.paths[q.Article]]; ok {
					q.Article = n
				}
			}
		}
		cp.psum = 0 // its hash was of the old positions
		states[i] = &cp
	}
}

// sitePages renders what render.SitePages does into rec, leaving out the
// sitemap when no metadata changed (sameMeta) and the home page when
// keepHome: each keeps its last hash.
func (s *Session) sitePages(r *render.Renderer, rec *recorder, sameMeta, keepHome bool) error {
	emit := rec.emit(nil)
	if h, ok := s.site["index.html"]; ok && keepHome {
		rec.files["index.html"] = h
		s.homeKept = true
	} else {
		b, err := r.Home()
		if err != nil {
			return err
		}
		if err := emit(render.File{Path: "index.html", Data: b}); err != nil {
			return err
		}
	}
	b, err := r.NotFound()
	if err != nil {
		return err
	}
	if err := emit(render.File{Path: "404.html", Data: b}); err != nil {
		return err
	}
	if err := emit(render.File{Path: "feed.xml", Data: r.Feed(nil)}); err != nil {
		return err
	}
	if h, ok := s.site["sitemap.xml"]; ok && sameMeta {
		rec.files["sitemap.xml"] = h
	} else if err := emit(render.File{Path: "sitemap.xml", Data: r.Sitemap()}); err != nil {
		return err
	}
	return emit(render.File{Path: "robots.txt", Data: r.Robots()})
}

// checkClaims checks the output the build leaves (the last one's, without
// gone, with next) as Build's claims do: no file where another needs a
// folder, no file twice. Only the files that may clash with the new files
// of the units in grew are checked: a briefing's files all lie in its
// folder, which the last good build had already (its page is in it), so
// they can clash only with files in the same folder; the articles directly
// in content/ can clash with anything.
func (s *Session) checkClaims(grew []unit, next map[string]uint64, gone map[string]bool) error {
	var prefixes []string
	c := &claims{files: map[string]bool{}, dirs: map[string]bool{}, owners: map[string]string{}}
	show := func(rel string) string {
		return filepath.ToSlash(filepath.Join(s.opts.Source, filepath.FromSlash(rel)))
	}
	for _, u := range grew {
		if u.b == nil {
			prefixes = []string{""}
		} else {
			prefixes = append(prefixes, u.b.Slug+"/")
			owner := show("content/"+u.b.Slug) + "/"
			if u.b.Path != "" {
				owner = show(u.b.Path)
			}
			c.owners[strings.TrimPrefix(u.b.RelPermalink(), "/")+"index.html"] = owner
		}
		for _, a := range u.arts {
			c.owners[strings.TrimPrefix(a.RelPermalink(), "/")+"index.html"] = show(a.Path)
		}
	}
	in := func(p string) bool {
		for _, pre := range prefixes {
			if strings.HasPrefix(p, pre) {
				return true
			}
		}
		return false
	}
	var all []string
	for p := range s.out {
		if _, ok := next[p]; !ok && !gone[p] && in(p) {
			all = append(all, p)
		}
	}
	for p := range next {
		if in(p) {
			all = append(all, p)
		}
	}
	sort.Strings(all)
	for _, p := range all {
		if err := c.take(p); err != nil {
			return err
		}
	}
	return nil
}

// siteWide runs the generators of the site-wide pages over the units'
// results, in the site's order, except those skip marks; each generator's
// files go to its own recorder (kept in memory when next is nil, else
// passed on to next).
func (s *Session) siteWide(r *render.Renderer, site *source.Site, ov *editorOverrides, idx *search.Index, states []*unitState, skip []bool, next func(render.File) error) ([]*recorder, error) {
	sd := &siteData{search: idx}
	// The parts make only the search index: when it is kept, they are
	// not added (30,000 actors on a 10,000-article site).
	parts := ov != nil
	for g, gen := range generators {
		if skip != nil && skip[g] && reflect.ValueOf(gen).Pointer() == reflect.ValueOf(searchGenerator).Pointer() {
			parts = false
		}
	}
	if parts {
		idx.UseCache(&s.json)
		// One allocation each instead of append's repeated growth.
		var na, nq int
		for _, st := range states {
			na, nq = na+len(st.res.part.Actors), nq+len(st.res.part.Quotes)
		}
		idx.Actors, idx.Quotes = slices.Grow(idx.Actors, na), slices.Grow(idx.Quotes, nq)
	}
	for _, st := range states {
		if parts {
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

// unitKinds are the page kinds a unit renders: its briefing's pages and
// its articles'.
var unitKinds = []string{"briefing", "timeline", "article", "actor", "quotes"}

// configSiteFields are the fields of render.SiteInfo made of the site
// config alone (a config change renders the whole site anyway); its
// other fields (Briefings, Updated) are made of every briefing and
// article.
var configSiteFields = map[string]bool{"Title": true, "Language": true, "Description": true, "BaseURL": true, "Params": true}

// unitsSeeSite reports whether a unit's pages may show what other units
// hold: whether a template of a unit page kind (unitKinds), or a template
// it runs ({{template}}, fragment, fragmentBy, fragments), reaches .Site other than
// through a field of configSiteFields (.Site.Title is fine; .Site.Briefings,
// .Site.Updated, or .Site handed on whole are not). Nothing else a unit
// page's data holds leads outside its unit: the briefing, its articles
// (newest first; Newer, Older), its aggregate, and briefingOf, which finds
// an article's own briefing. It reads the templates as render.New does
// (partials/*.html and <kind>.html) and answers true when in doubt (a
// template that does not parse).
func unitsSeeSite(templates fs.FS) bool {
	site, _ := kindsSeeSite(templates, unitKinds)
	return site
}

// indexKinds are the page kinds of the site-wide generators a Session may
// skip (the actor and quotation indexes, the search page).
var indexKinds = []string{"actors", "quotes-index", "search"}

// indexesSeeText reports whether the site-wide indexes' pages (indexKinds)
// may show articles' text through .Site: whether their templates reach
// .Site beyond the config and name a field Articles anywhere. From
// .Site.Briefings a template reaches the briefings' metadata (which
// metaOf covers) and, only through their Articles, the articles and their
// text; .Site.Updated is a date.
func indexesSeeText(templates fs.FS) bool {
	site, articles := kindsSeeSite(templates, indexKinds)
	return site && articles
}

// homeSeesOthers reports whether the home page's templates may show
// articles other than those its data holds (render.Renderer.HomeArticles):
// whether they reach .Site beyond the config or name a field Articles
// (from a briefing card's .Briefing, or briefingOf), the only ways from
// the home page's data to other articles.
func homeSeesOthers(templates fs.FS) bool {
	site, articles := kindsSeeSite(templates, []string{"home"})
	return site || articles
}

// kindsSeeSite reports whether the templates of the page kinds, or a
// template they run, reach .Site beyond configSiteFields, and whether
// they name a field Articles.
func kindsSeeSite(templates fs.FS, kinds []string) (site, articles bool) {
	if templates == nil {
		return true, true
	}
	partials, err := fs.Glob(templates, "partials/*.html")
	if err != nil {
		return true, true
	}
	byName := map[string][]*parse.Tree{}
	parseFile := func(p string) bool {
		b, err := fs.ReadFile(templates, p)
		if err != nil {
			return false
		}
		t := parse.New(p)
		t.Mode = parse.SkipFuncCheck
		set := map[string]*parse.Tree{}
		if _, err := t.Parse(string(b), "", "", set); err != nil {
			return false
		}
		set[p] = t
		for name, tr := range set {
			byName[name] = append(byName[name], tr)
		}
		return true
	}
	for _, p := range partials {
		if !parseFile(p) {
			return true, true
		}
	}
	for _, kind := range kinds {
		p := kind + ".html"
		if _, err := fs.Stat(templates, p); err != nil {
			continue // render.New requires the four basic kinds; others are optional
		}
		if !parseFile(p) {
			return true, true
		}
	}
	w := &siteWalk{byName: byName, seen: map[*parse.Tree]bool{}}
	for _, kind := range kinds {
		w.follow(kind + ".html")
	}
	return w.site, w.articles
}

// fragmentFuncs are the template functions that run the template named
// by their first argument (render's fragment, fragmentBy and fragments).
var fragmentFuncs = map[string]bool{"fragment": true, "fragmentBy": true, "fragments": true}

// siteWalk walks parse trees looking for a use of .Site beyond the
// config's fields.
type siteWalk struct {
	byName   map[string][]*parse.Tree
	seen     map[*parse.Tree]bool
	site     bool
	articles bool // a field named Articles
}

// follow walks every template defined under name (each file's and each
// {{define}}'s, whichever wins).
func (w *siteWalk) follow(name string) {
	for _, t := range w.byName[name] {
		if !w.seen[t] {
			w.seen[t] = true
			w.node(t.Root)
		}
	}
}

func (w *siteWalk) idents(ids []string) {
	for i, id := range ids {
		if id == "Articles" {
			w.articles = true
		}
		if id == "Site" && (i+1 == len(ids) || !configSiteFields[ids[i+1]]) {
			w.site = true
		}
	}
}

func (w *siteWalk) node(n parse.Node) {
	if n == nil || (w.site && w.articles) {
		return
	}
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			w.node(c)
		}
	case *parse.ActionNode:
		w.node(n.Pipe)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, v := range n.Decl {
			w.node(v)
		}
		for _, c := range n.Cmds {
			w.node(c)
		}
	case *parse.CommandNode:
		if len(n.Args) > 0 {
			if id, ok := n.Args[0].(*parse.IdentifierNode); ok && fragmentFuncs[id.Ident] {
				if len(n.Args) > 1 {
					if s, ok := n.Args[1].(*parse.StringNode); ok {
						w.follow(s.Text)
					} else {
						for name := range w.byName {
							w.follow(name) // any template may run
						}
					}
				}
			}
		}
		for _, a := range n.Args {
			w.node(a)
		}
	case *parse.FieldNode:
		w.idents(n.Ident)
	case *parse.VariableNode:
		w.idents(n.Ident)
	case *parse.ChainNode:
		w.node(n.Node)
		w.idents(n.Field)
	case *parse.IfNode:
		w.branch(&n.BranchNode)
	case *parse.RangeNode:
		w.branch(&n.BranchNode)
	case *parse.WithNode:
		w.branch(&n.BranchNode)
	case *parse.TemplateNode:
		w.node(n.Pipe)
		w.follow(n.Name)
	}
}

func (w *siteWalk) branch(b *parse.BranchNode) {
	w.node(b.Pipe)
	w.node(b.List)
	w.node(b.ElseList)
}
