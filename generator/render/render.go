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
	"path"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/yuin/goldmark"

	"briefgen/generator/source"
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
	// Progress, when set, is called after each article page is rendered
	// with the number done and the total. It is called from several
	// goroutines.
	Progress func(done, total int)
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
	if r.tmpl, err = parseTemplates(opt.Templates, r.funcs()); err != nil {
		return nil, err
	}
	for _, k := range []string{"home", "briefing", "article", "404"} {
		if r.tmpl[k] == nil {
			return nil, fmt.Errorf("templates: no %s.html", k)
		}
	}
	return r, nil
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
func parseTemplates(fsys fs.FS, funcs template.FuncMap) (map[string]*template.Template, error) {
	if fsys == nil {
		return nil, fmt.Errorf("templates: no template file system")
	}
	partials, err := fs.Glob(fsys, "partials/*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	base := template.New("").Funcs(funcs)
	for _, p := range partials {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		if _, err := base.New(p).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("templates/%s: %w", p, err)
		}
	}
	pages, err := fs.Glob(fsys, "*.html")
	if err != nil {
		return nil, fmt.Errorf("templates: %w", err)
	}
	out := map[string]*template.Template{}
	for _, p := range pages {
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return nil, fmt.Errorf("templates: %w", err)
		}
		t, err := base.Clone()
		if err != nil {
			return nil, err
		}
		kind := strings.TrimSuffix(p, ".html")
		if t, err = t.New(p).Parse(string(b)); err != nil {
			return nil, fmt.Errorf("templates/%s: %w", p, err)
		}
		out[kind] = t
	}
	return out, nil
}

// Execute renders the template of a page kind with data. Later page kinds
// (timeline, actor, quotes) add a template file and call Execute.
func (r *Renderer) Execute(kind string, data any) ([]byte, error) {
	t := r.tmpl[kind]
	if t == nil {
		return nil, fmt.Errorf("templates: no %s.html", kind)
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, kind+".html", data); err != nil {
		return nil, fmt.Errorf("rendering %s page: %w", kind, err)
	}
	return buf.Bytes(), nil
}

// File is one output file: a slash path relative to the site root and its
// bytes.
type File struct {
	Path string
	Data []byte
}

// FactsFunc returns what extraction found in an article, or nil.
type FactsFunc func(a *source.Article) *Facts

// Site renders every page and machine-readable file of the site and returns
// them sorted by path. Articles render in parallel (bounded by
// Options.Workers); the result does not depend on scheduling.
func (r *Renderer) Site(facts FactsFunc) ([]File, error) {
	var files []File
	add := func(p string, b []byte, err error) error {
		if err != nil {
			return err
		}
		files = append(files, File{p, b})
		return nil
	}
	b, err := r.Home()
	if err := add("index.html", b, err); err != nil {
		return nil, err
	}
	b, err = r.NotFound()
	if err := add("404.html", b, err); err != nil {
		return nil, err
	}
	for _, br := range r.site.Briefings {
		b, err := r.Briefing(br)
		if err := add(pagePath(br.RelPermalink()), b, err); err != nil {
			return nil, err
		}
		files = append(files, File{path.Join(strings.Trim(br.RelPermalink(), "/"), "feed.xml"), r.Feed(br)})
	}
	files = append(files,
		File{"feed.xml", r.Feed(nil)},
		File{"sitemap.xml", r.Sitemap()},
		File{"robots.txt", r.Robots()},
	)

	arts := r.site.Articles
	out := make([]File, len(arts))
	errs := make([]error, len(arts))
	var wg sync.WaitGroup
	var done atomic.Int64
	next := make(chan int)
	for w := 0; w < r.opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				a := arts[i]
				var f *Facts
				if facts != nil {
					f = facts(a)
				}
				b, err := r.Article(a, f)
				if err != nil {
					errs[i] = fmt.Errorf("%s: %w", a.Path, err)
					continue
				}
				out[i] = File{pagePath(a.RelPermalink()), b}
				if r.opt.Progress != nil {
					r.opt.Progress(int(done.Add(1)), len(arts))
				}
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	files = append(files, out...)
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
	for i := 1; i < len(files); i++ {
		if files[i].Path == files[i-1].Path {
			return nil, fmt.Errorf("two pages write %s", files[i].Path)
		}
	}
	return files, nil
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
