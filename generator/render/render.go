// Package render turns a loaded site into its pages: HTML through
// html/template from a theme (the embedded default overlaid file by file by
// the site's own templates/), article bodies through goldmark, and the
// machine-readable files: Atom feeds, sitemap.xml and robots.txt.
//
// Rendering is pure: it reads templates from an fs.FS and returns the files
// of the site as bytes (see Renderer.Site); writing them is the publish
// package's job. The output is deterministic: the same site renders to the
// same bytes on every run.
package render

import (
	"bytes"
	"fmt"
	"html/template"
	"io/fs"
	"math/bits"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"

	"briefgen/generator/source"
	"briefgen/generator/timeline"
	"briefgen/generator/tmplexec"
)

// Options configure a Renderer.
type Options struct {
	// Templates holds the page templates: <kind>.html at the root (home,
	// briefing, article, 404, and any later kind) and partials/*.html shared
	// by all of them. Use Overlay to put a site's templates over a theme's.
	Templates fs.FS
	// BaseURL overrides the site config's baseURL when not empty.
	BaseURL string
	// Latest is how many articles the home page and the feeds list; 0 means 20
	// on the home page and 50 in feeds.
	Latest int
	// Markdown is the goldmark converter for article bodies and briefing
	// summaries; nil means NewMarkdown().
	Markdown goldmark.Markdown
	// Workers bounds parallel rendering; 0 means GOMAXPROCS.
	Workers int
	// Timeline, when set, returns a briefing's timeline: the briefing page
	// shows its key developments, and each briefing gets a timeline page
	// (templates/timeline.html, when the theme has one) and a timeline.json
	// in TimelineJS's format.
	Timeline func(b *source.Briefing) *timeline.Timeline
	// Brief, when set, returns a briefing's Markdown brief; the briefing
	// page shows it (see BriefingPage.Brief) and the generator that set it
	// publishes it as brief.md.
	Brief func(b *source.Briefing) []byte
	// Progress, when set, is called after each article page is rendered
	// with the number done and the total. It is called from several
	// goroutines.
	Progress func(done, total int)
	// Parsed, when not nil, is the template set of an earlier Renderer
	// (Renderer.Parsed) parsed from the same Templates: New takes it over
	// instead of parsing Templates again, and with it what html/template
	// did at each template's first execution (its escaping analysis). For
	// Renderers made one after another of the same theme (a preview
	// server's rebuilds); the earlier Renderer must no longer render, as
	// its templates now call the new Renderer's functions.
	Parsed *Parsed
	// RecyclePages makes Execute take page bytes from pools that Recycle
	// refills, for a caller that hands every Owned page back once it is
	// written (a build): a page's bytes then have up to twice its size in
	// capacity. Without it pages are allocated at their exact size.
	RecyclePages bool
}

// Parsed is a Renderer's template set (see Options.Parsed).
type Parsed struct {
	tmpl     map[string]*template.Template // by page kind
	partials *template.Template
}

// bind makes the templates call funcs: the functions of the Renderer
// that takes them over.
func (p *Parsed) bind(funcs template.FuncMap) {
	for _, t := range p.tmpl {
		t.Funcs(funcs)
	}
	if p.partials != nil {
		p.partials.Funcs(funcs)
	}
}

// Renderer renders the pages of one site.
type Renderer struct {
	site    *source.Site
	urls    URLs
	md      goldmark.Markdown
	tmpl    map[string]*template.Template // by page kind
	opt     Options
	info    *SiteInfo
	updated time.Time
	frags   fragments
	exec    map[string]*tmplexec.Set // executes tmpl, by page kind
}

// New parses the templates and prepares to render site.
func New(site *source.Site, opt Options) (*Renderer, error) {
	base := site.Config.BaseURL
	if opt.BaseURL != "" {
		base = opt.BaseURL
	}
	urls, err := ParseBaseURL(base)
	if err != nil {
		return nil, err
	}
	if opt.Markdown == nil {
		opt.Markdown = NewMarkdown()
	}
	if opt.Workers <= 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	r := &Renderer{site: site, urls: urls, md: opt.Markdown, opt: opt}
	r.info = r.siteInfo()
	funcs := r.funcs()
	if p := opt.Parsed; p != nil {
		p.bind(funcs)
		r.tmpl, r.frags.set = p.tmpl, p.partials
	} else if r.tmpl, r.frags.set, err = parseTemplates(opt.Templates, funcs); err != nil {
		return nil, err
	}
	// html/template parses and escapes the templates; tmplexec executes
	// them, with html/template's output and a fraction of its work.
	r.exec = make(map[string]*tmplexec.Set, len(r.tmpl))
	for k, t := range r.tmpl {
		r.exec[k] = tmplexec.New(t, funcs)
	}
	if r.frags.set != nil {
		r.frags.exec = tmplexec.New(r.frags.set, funcs)
	}
	for _, k := range []string{"home", "briefing", "article", "404"} {
		if r.tmpl[k] == nil {
			return nil, fmt.Errorf("templates: no %s.html", k)
		}
	}
	return r, nil
}

// Parsed returns the renderer's template set, for a Renderer made later
// of the same templates (Options.Parsed).
func (r *Renderer) Parsed() *Parsed {
	return &Parsed{tmpl: r.tmpl, partials: r.frags.set}
}

// URLs returns the link maker the renderer uses.
func (r *Renderer) URLs() URLs { return r.urls }

// Kinds lists the page kinds the templates define (sorted).
func (r *Renderer) Kinds() []string {
	ks := make([]string, 0, len(r.tmpl))
	for k := range r.tmpl {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// parseTemplates builds one template set per page kind: every
// partials/*.html plus the kind's own file, so overriding one page's
// template changes only that page kind.
func parseTemplates(fsys fs.FS, funcs template.FuncMap) (map[string]*template.Template, *template.Template, error) {
	if fsys == nil {
		return nil, nil, fmt.Errorf("templates: no template file system")
	}
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, nil, fmt.Errorf("templates: %w", err)
	}
	base := template.New("").Funcs(funcs)
	for _, p := range partials {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, nil, fmt.Errorf("templates: %w", err)
		}
		if _, err := base.New(p).Parse(string(b)); err != nil {
			return nil, nil, fmt.Errorf("templates/%s: %w", p, err)
		}
	}
	pages, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, nil, fmt.Errorf("templates: %w", err)
	}
	partialSet, err := base.Clone()
	if err != nil {
		return nil, nil, err
	}
	out := map[string]*template.Template{}
	for _, p := range pages {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, nil, fmt.Errorf("templates: %w", err)
		}
		t, err := base.Clone()
		if err != nil {
			return nil, nil, err
		}
		kind := strings.TrimSuffix(p, ".html")
		if t, err = t.New(p).Parse(string(b)); err != nil {
			return nil, nil, fmt.Errorf("templates/%s: %w", p, err)
		}
		out[kind] = t
	}
	return out, partialSet, nil
}

// Execute renders the template of a page kind with data. Later page kinds
// (timeline, actor, quotes) add a template file and call Execute.
func (r *Renderer) Execute(kind string, data any) ([]byte, error) {
	t := r.tmpl[kind]
	if t == nil {
		return nil, fmt.Errorf("templates: no %s.html", kind)
	}
	// The page is written into a pooled buffer, which has grown to the
	// size of the largest pages, and copied out at its exact size: one
	// allocation per page, and no growing copies.
	buf := getBuffer()
	defer putBuffer(buf)
	if err := r.exec[kind].Execute(buf, t.Name(), data); err != nil {
		return nil, fmt.Errorf("rendering %s page: %w", kind, err)
	}
	if !r.opt.RecyclePages {
		return bytes.Clone(buf.Bytes()), nil
	}
	page := pageBytes(buf.Len())
	copy(page, buf.Bytes())
	return page, nil
}

// Page bytes come in size classes of powers of two, from 4 KiB to 256
// KiB, each with a pool of pages handed back by Recycle: a build writes
// tens of thousands of pages and drops each once written, and reusing
// their memory spares the garbage collector most of the site's size
// (10,000 articles: 560 of the 3,000 MB a build allocates).
const (
	minPageClass = 12 // 4 KiB
	maxPageClass = 18 // 256 KiB
)

var pagePools [maxPageClass - minPageClass + 1]sync.Pool // of *[]byte

// pageClass is the class of a page of n bytes, or -1 for one too large to
// pool.
func pageClass(n int) int {
	c := max(bits.Len(uint(n-1)), minPageClass)
	if n == 0 || c > maxPageClass {
		return -1
	}
	return c - minPageClass
}

// pageBytes returns n bytes for a page, recycled when it can be.
func pageBytes(n int) []byte {
	c := pageClass(n)
	if c < 0 {
		return make([]byte, n)
	}
	if p, ok := pagePools[c].Get().(*[]byte); ok {
		return (*p)[:n]
	}
	return make([]byte, n, 1<<(c+minPageClass))
}

// Recycle hands back the bytes of an Owned File once nothing uses them
// any more, for a later page. Bytes that are not a page class's size (not
// made by Execute) are left to the garbage collector.
func Recycle(b []byte) {
	c := pageClass(cap(b))
	if c < 0 || cap(b) != 1<<(c+minPageClass) {
		return
	}
	b = b[:0]
	pagePools[c].Put(&b)
}

// buffers are the page and fragment buffers Execute and fragment reuse.
var buffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return buffers.Get().(*bytes.Buffer) }

// putBuffer returns a buffer to the pool, unless a huge page left it too
// large to keep.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 4<<20 {
		return
	}
	b.Reset()
	buffers.Put(b)
}

// File is one output file: a slash path relative to the site root and its
// bytes.
type File struct {
	Path string
	Data []byte
	// Owned says nothing but the File holds Data, a page Execute made:
	// whoever writes it last may hand Data to Recycle. A consumer that
	// keeps Data must clear Owned.
	Owned bool
}

// DuplicateError is Render's error when two files have the same path (an
// article whose slug is a name a generated page uses).
type DuplicateError struct {
	Path string
}

func (e *DuplicateError) Error() string { return "two pages write " + e.Path }

// FactsFunc returns what extraction found in an article, or nil.
type FactsFunc func(a *source.Article) *Facts

// Site renders every page and machine-readable file of the site and returns
// them sorted by path. It holds the whole site in memory; Render streams.
func (r *Renderer) Site(facts FactsFunc) ([]File, error) {
	var (
		mu    sync.Mutex
		files []File
	)
	err := r.Render(facts, func(f File) error {
		mu.Lock()
		files = append(files, f)
		mu.Unlock()
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	return files, nil
}

// Render renders every page and machine-readable file of the site and hands
// each to emit as soon as it is ready, so a large site never sits in memory
// whole. Articles render in parallel (bounded by Options.Workers) and emit
// is called from several goroutines; the files' contents do not depend on
// scheduling, only the order of the calls does. Render stops at the first
// error (from rendering or from emit) and returns it. Two files with the
// same path are an error.
func (r *Renderer) Render(facts FactsFunc, emit func(File) error) error {
	var (
		mu   sync.Mutex
		seen = make(map[string]bool, len(r.site.Articles)+2*len(r.site.Briefings)+8)
	)
	send := func(f File) error {
		mu.Lock()
		dup := seen[f.Path]
		seen[f.Path] = true
		mu.Unlock()
		if dup {
			return &DuplicateError{Path: f.Path}
		}
		return emit(f)
	}
	if err := r.SitePages(send); err != nil {
		return err
	}
	for _, br := range r.site.Briefings {
		var tl *timeline.Timeline
		if r.opt.Timeline != nil {
			tl = r.opt.Timeline(br)
		}
		var brief []byte
		if r.opt.Brief != nil {
			brief = r.opt.Brief(br)
		}
		if err := r.BriefingPages(br, tl, brief, send); err != nil {
			return err
		}
	}

	arts := r.site.Articles
	var (
		wg       sync.WaitGroup
		done     atomic.Int64
		failed   atomic.Bool
		errMu    sync.Mutex
		firstErr error
		errAt    = len(arts)
	)
	fail := func(i int, err error) {
		errMu.Lock()
		if i < errAt { // report the first failing article, whatever the schedule
			errAt, firstErr = i, err
		}
		errMu.Unlock()
		failed.Store(true)
	}
	next := make(chan int)
	for w := 0; w < r.opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if failed.Load() {
					continue
				}
				a := arts[i]
				var f *Facts
				if facts != nil {
					f = facts(a)
				}
				b, err := r.Article(a, f)
				if err != nil {
					fail(i, fmt.Errorf("%s: %w", a.Path, err))
					continue
				}
				if err := send(File{Path: pagePath(a.RelPermalink()), Data: b}); err != nil {
					fail(i, err)
					continue
				}
				if r.opt.Progress != nil {
					r.opt.Progress(int(done.Add(1)), len(arts))
				}
			}
		}()
	}
	for i := range arts {
		if failed.Load() {
			break
		}
		next <- i
	}
	close(next)
	wg.Wait()
	return firstErr
}

// SitePages hands emit the files that belong to the site as a whole
// rather than to a briefing or an article: the home page, the 404 page,
// the site's feed, the sitemap and robots.txt. With BriefingPages and
// Article it makes up Render, for callers that schedule the work
// themselves.
func (r *Renderer) SitePages(emit func(File) error) error {
	page := func(p string, b []byte, err error) error {
		if err != nil {
			return err
		}
		return emit(File{Path: p, Data: b})
	}
	b, err := r.Home()
	if err := page("index.html", b, err); err != nil {
		return err
	}
	b, err = r.NotFound()
	if err := page("404.html", b, err); err != nil {
		return err
	}
	for _, f := range []File{{Path: "feed.xml", Data: r.Feed(nil)}, {Path: "sitemap.xml", Data: r.Sitemap()}, {Path: "robots.txt", Data: r.Robots()}} {
		if err := emit(f); err != nil {
			return err
		}
	}
	return nil
}

// BriefingPages hands emit a briefing's page (with tl's key developments
// and the brief's Markdown, either may be nil), its timeline page (when
// the theme has templates/timeline.html) and TimelineJS document when tl
// is not nil, and its feed. Options.Timeline and Options.Brief are not
// consulted.
func (r *Renderer) BriefingPages(br *source.Briefing, tl *timeline.Timeline, brief []byte, emit func(File) error) error {
	page := func(p string, b []byte, err error) error {
		if err != nil {
			return err
		}
		return emit(File{Path: p, Data: b})
	}
	b, err := r.briefingPage(br, tl, brief)
	if err := page(pagePath(br.RelPermalink()), b, err); err != nil {
		return err
	}
	if tl != nil {
		if r.tmpl["timeline"] != nil {
			b, err := r.Timeline(br, tl)
			if err := page(pagePath(TimelinePath(br)), b, err); err != nil {
				return err
			}
		}
		b, err := r.TimelineJSON(br, tl)
		if err := page(strings.TrimPrefix(TimelineJSONPath(br), "/"), b, err); err != nil {
			return err
		}
	}
	return emit(File{Path: strings.TrimPrefix(FeedPath(br), "/"), Data: r.Feed(br)})
}

// pagePath turns a permalink ("/nk/a/") into the file that serves it
// ("nk/a/index.html").
func pagePath(rel string) string {
	p := strings.Trim(rel, "/")
	if p == "" {
		return "index.html"
	}
	return p + "/index.html"
}

// HomeArticles lists the articles the home page's data holds itself (as
// Home makes it: HomePage.Latest and each card's Latest; some may come
// twice). Its template reaches other articles only through a field named
// Articles (a briefing's) or through .Site.
func (r *Renderer) HomeArticles() []*source.Article {
	latest := r.opt.Latest
	if latest <= 0 {
		latest = 20
	}
	out := slices.Clone(first(r.site.Articles, latest))
	for _, b := range r.site.Briefings {
		out = append(out, briefingCard(b).Latest...)
	}
	return out
}
