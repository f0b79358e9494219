// Package build runs a whole site build: load the sources, render every
// page, copy the static files, and publish the result atomically, so a
// failed build leaves the previous output untouched.
package build

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"path"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/annotate"
	"briefgen/generator/briefing"
	"briefgen/generator/publish"
	"briefgen/generator/render"
	"briefgen/generator/search"
	"briefgen/generator/source"
)

// Options configure a build.
type Options struct {
	Source      string // site root; "" means "."
	Destination string // output directory; "" means <Source>/public
	BaseURL     string // overrides the config's baseURL when not empty
	Drafts      bool   // include draft articles
	Quiet       bool   // write nothing to Log
	Verbose     bool   // also log skipped files and timings
	// Theme is the default theme: a file system with templates/ and
	// static/ at its root (the binary's embedded theme). The site's own
	// templates/ and static/ override it file by file. Nil means the site
	// must bring every template itself.
	Theme fs.FS
	// Progress receives a progress line now and then when the build runs
	// longer than a second; nil for none. The caller decides whether it is
	// a terminal.
	Progress io.Writer
	// Log receives warnings (and, with Verbose, details); nil for none.
	Log io.Writer
	// NoExtract skips extraction: pages show no facts and briefings get no
	// timeline (for measuring the rest of the build).
	NoExtract bool
	// NoSync skips fsync of the output (tests, benchmarks).
	NoSync bool
}

// Result reports what a build did.
type Result struct {
	Pages    int // HTML pages written
	Articles int
	Files    int // every file written, static files included
	Warnings []string
	Duration time.Duration
	// Changed lists the output files (slash paths relative to the
	// destination) added, changed or removed since the previous build of
	// a Session, sorted; Build leaves it nil.
	Changed []string
}

// resolve fills in the default source (".") and destination
// (<source>/public) and refuses a destination the build may not replace.
func (o *Options) resolve() error {
	if o.Source == "" {
		o.Source = "."
	}
	if o.Destination == "" {
		o.Destination = filepath.Join(o.Source, "public")
	}
	return checkDestination(o.Source, o.Destination)
}

// Build builds the site at opts.Source into opts.Destination on fsys.
func Build(fsys afero.Fs, opts Options) (*Result, error) {
	start := time.Now()
	if err := opts.resolve(); err != nil {
		return nil, err
	}
	logf := func(format string, args ...any) {
		if opts.Log != nil && !opts.Quiet {
			fmt.Fprintf(opts.Log, format+"\n", args...)
		}
	}
	verbosef := func(format string, args ...any) {
		if opts.Verbose {
			logf(format, args...)
		}
	}
	prog := &progress{w: opts.Progress, start: start}

	site, err := source.Load(fsys, opts.Source, source.Options{Drafts: opts.Drafts})
	if err != nil {
		return nil, err
	}
	defer limitMemory(site)()
	res := &Result{Articles: len(site.Articles), Warnings: site.Warnings}
	for _, s := range site.Skipped {
		verbosef("skipped %s", s)
	}
	verbosef("loaded %d articles in %d briefings (%v)", len(site.Articles), len(site.Briefings), time.Since(start).Round(time.Millisecond))

	templates, static, err := themeLayers(fsys, opts.Source, opts.Theme)
	if err != nil {
		return nil, err
	}
	var ov *editorOverrides
	if !opts.NoExtract {
		if ov, err = loadOverrides(fsys, site); err != nil {
			return nil, err
		}
	}
	r, err := render.New(site, render.Options{
		Templates: templates,
		BaseURL:   opts.BaseURL,
		Markdown:  render.NewMarkdown(annotate.Extension),
		// write hands every page back once written.
		RecyclePages: true,
	})
	if err != nil {
		return nil, err
	}
	if r.URLs().Origin == "" {
		// Common while drafting a site; a note rather than a warning.
		verbosef("note: baseURL %s has no scheme and host; feeds and the sitemap use root-relative links (set baseURL in site.yaml or --base-url)", r.URLs().Base)
	}
	statics, swarns, err := staticFiles(static, filepath.Join(opts.Source, "static"))
	if err != nil {
		return nil, err
	}
	n, pages, err := write(fsys, opts, site, statics, func(emit func(render.File) error) error {
		return writeUnits(r, site, ov, emit, prog)
	}, prog)
	if err != nil {
		return nil, err
	}
	verbosef("extracted, aggregated and rendered %d articles (%v)", len(site.Articles), time.Since(start).Round(time.Millisecond))
	res.Warnings = append(res.Warnings, ov.unused()...)
	res.Warnings = append(res.Warnings, swarns...)
	res.Files, res.Pages = n, pages
	res.Duration = time.Since(start)
	prog.done()
	for _, w := range res.Warnings {
		logf("warning: %s", w)
	}
	verbosef("wrote %d files to %s in %v", res.Files, opts.Destination, res.Duration.Round(time.Millisecond))
	return res, nil
}

// limitMemory sets a soft memory limit for the build, unless one is set
// already (GOMEMLIMIT): the loaded articles (kept for the whole build)
// twice over plus 160 MiB for what is in flight, so the garbage collector
// works harder as the heap nears it instead of letting it grow to twice
// the live data (10,000 articles: peak RSS 300 -> 230 MiB at no
// measurable CPU cost). It is soft: a larger live heap only makes the
// collector run more often. The returned function restores the previous
// limit.
func limitMemory(site *source.Site) func() {
	prev := debug.SetMemoryLimit(-1)
	if prev != math.MaxInt64 {
		return func() {}
	}
	var size int64
	for _, a := range site.Articles {
		if a.Doc != nil {
			size += int64(len(a.Doc.Text))
		}
	}
	debug.SetMemoryLimit(160<<20 + 2*size)
	return func() { debug.SetMemoryLimit(prev) }
}

// checkDestination refuses an output directory that is the site itself, or
// contains it, or lies inside its content/, templates/ or static/: the swap
// replaces the destination wholesale.
func checkDestination(src, dest string) error {
	s, err := filepath.Abs(src)
	if err != nil {
		return err
	}
	d, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	if within(s, d) {
		return fmt.Errorf("destination %s would replace the site at %s", dest, src)
	}
	for _, sub := range []string{"content", "templates", "static"} {
		if within(d, filepath.Join(s, sub)) {
			return fmt.Errorf("destination %s lies inside the site's %s/", dest, sub)
		}
	}
	if filepath.Dir(d) == d {
		return fmt.Errorf("destination %s is a file system root", dest)
	}
	return nil
}

// within reports whether p is dir or inside it.
func within(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

// themeLayers returns the template and static file systems: the site's own
// directories over the theme's.
func themeLayers(fsys afero.Fs, root string, theme fs.FS) (templates, static fs.FS, err error) {
	var themeT, themeS fs.FS
	if theme != nil {
		if themeT, err = fs.Sub(theme, "templates"); err != nil {
			return nil, nil, err
		}
		if themeS, err = fs.Sub(theme, "static"); err != nil {
			return nil, nil, err
		}
	}
	siteDir := func(name string) fs.FS {
		dir := filepath.Join(root, name)
		if fi, err := fsys.Stat(dir); err != nil || !fi.IsDir() {
			return nil
		}
		return afero.NewIOFS(afero.NewBasePathFs(fsys, dir))
	}
	// static/ is copied into the site as it is: a linked folder could
	// publish anything on the machine, so, as with content/, it must be a
	// real folder. (A linked templates/ is fine: templates only shape pages.)
	if ls, ok := fsys.(afero.Lstater); ok {
		dir := filepath.Join(root, "static")
		if fi, _, err := ls.LstatIfPossible(dir); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			return nil, nil, fmt.Errorf("%s: is a symbolic link; linked folders are not followed (make static/ a real folder)", filepath.ToSlash(dir))
		}
	}
	return render.Overlay(siteDir("templates"), themeT), render.Overlay(siteDir("static"), themeS), nil
}

// staticFiles reads every file of the static layers (hidden files skipped).
// Symbolic links are not followed (they could publish files from anywhere
// on the machine): each gets a warning naming it under dir.
func staticFiles(static fs.FS, dir string) ([]render.File, []string, error) {
	var out []render.File
	var warns []string
	err := fs.WalkDir(static, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == "." && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if strings.HasPrefix(d.Name(), ".") && p != "." {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type()&fs.ModeSymlink != 0 {
			warns = append(warns, filepath.ToSlash(filepath.Join(dir, filepath.FromSlash(p)))+": symbolic link; not copied (links in static/ are not followed)")
			return nil
		}
		if d.IsDir() || !d.Type().IsRegular() {
			return nil
		}
		b, err := fs.ReadFile(static, p)
		if err != nil {
			return fmt.Errorf("static/%s: %w", p, err)
		}
		out = append(out, render.File{Path: p, Data: b})
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return out, warns, nil
}

// writeUnits writes the pages render.SitePages makes and every briefing's
// and article's pages, a few units at a time, then the site-wide pages the
// generators make of what the units left, all generators at once. An error
// of the site pages is reported before a unit's, a unit's before a later
// one's, whichever came first.
func writeUnits(r *render.Renderer, site *source.Site, ov *editorOverrides, emit func(render.File) error, prog *progress) error {
	bd := &builder{site: site, r: r, ov: ov, searchOpt: searchOptions(r), emit: emit, prog: prog}
	idx, articles := search.Base(site, bd.searchOpt)
	bd.articles = articles
	us := units(site)
	results := make([]unitResult, len(us))
	err := parallel(1+len(us), func(i int) error {
		if i == 0 {
			return r.SitePages(emit)
		}
		var err error
		results[i-1], err = bd.unit(us[i-1], emit)
		return err
	})
	if err != nil {
		return err
	}
	sd := &siteData{search: idx}
	for _, res := range results {
		if ov != nil {
			idx.Add(res.part)
		}
		if res.compact != nil {
			sd.briefings = append(sd.briefings, res.compact)
		}
	}
	slices.SortFunc(sd.briefings, func(a, b *briefing.Briefing) int { return strings.Compare(a.Briefing.Slug, b.Briefing.Slug) })
	return parallel(len(generators), func(i int) error {
		return generators[i](r, site, sd, emit)
	})
}

// write renders the site straight into a staging directory and publishes
// it atomically: gen renders every page and passes each file to emit. Rendered files go to a pool of writers through a small
// queue, so memory stays bounded and slow file creation (fsync) overlaps
// rendering; file contents do not depend on the order they are written in.
// A static file may not replace a generated one.
func write(fsys afero.Fs, opts Options, site *source.Site, statics []render.File, gen func(emit func(render.File) error) error, prog *progress) (files, pages int, err error) {
	if err := checkIndexSlugs(site); err != nil {
		return 0, 0, err
	}
	staticPaths := make(map[string]bool, len(statics))
	for _, f := range statics {
		staticPaths[f.Path] = true
	}
	stg, err := publish.Begin(fsys, opts.Destination, publish.Options{NoSync: opts.NoSync})
	if err != nil {
		return 0, 0, err
	}
	const writers = 8
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
	)
	setErr := func(err error) {
		mu.Lock()
		if firstErr == nil {
			firstErr = err
		}
		mu.Unlock()
	}
	getErr := func() error {
		mu.Lock()
		defer mu.Unlock()
		return firstErr
	}
	queue := make(chan render.File, 64)
	for w := 0; w < writers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range queue {
				if getErr() != nil {
					continue
				}
				if err := stg.WriteFile(f.Path, f.Data); err != nil {
					setErr(err)
					continue
				}
				if f.Owned {
					render.Recycle(f.Data)
				}
				mu.Lock()
				files++
				n := files
				mu.Unlock()
				prog.report("wrote %d files", n)
			}
		}()
	}
	claim := newClaims(opts, site)
	emit := func(f render.File) error {
		if err := getErr(); err != nil {
			return err
		}
		if err := checkPath(f.Path); err != nil {
			return err
		}
		if err := claim.take(f.Path); err != nil {
			return err
		}
		if staticPaths[f.Path] {
			return fmt.Errorf("static/%s would overwrite a generated page", f.Path)
		}
		if strings.HasSuffix(f.Path, ".html") {
			mu.Lock()
			pages++
			mu.Unlock()
		}
		queue <- f
		return nil
	}
	rerr := gen(emit)
	if rerr == nil {
		for _, f := range statics {
			if rerr = checkPath(f.Path); rerr != nil {
				break
			}
			if rerr = claim.take(f.Path); rerr != nil {
				break
			}
			queue <- f
		}
	}
	close(queue)
	wg.Wait()
	if rerr == nil {
		rerr = getErr()
	}
	if rerr != nil {
		stg.Abort()
		return 0, 0, rerr
	}
	if err := stg.Commit(); err != nil {
		return 0, 0, err
	}
	return files, pages, nil
}

// claims records every output path, so that two files at one path, or a
// file where another needs a folder (an article with slug "feed.xml" inside
// its briefing), stop the build with a message naming the article or
// briefing whose URL takes the generated name, instead of one file silently
// replacing the other.
type claims struct {
	mu     sync.Mutex
	files  map[string]bool
	dirs   map[string]bool
	owners map[string]string // output path of an article or briefing page -> its source file
}

func newClaims(opts Options, site *source.Site) *claims {
	c := &claims{files: map[string]bool{}, dirs: map[string]bool{}, owners: map[string]string{}}
	show := func(rel string) string {
		return filepath.ToSlash(filepath.Join(opts.Source, filepath.FromSlash(rel)))
	}
	for _, b := range site.Briefings {
		owner := show("content/"+b.Slug) + "/"
		if b.Path != "" {
			owner = show(b.Path)
		}
		c.owners[strings.TrimPrefix(b.RelPermalink(), "/")+"index.html"] = owner
	}
	for _, a := range site.Articles {
		c.owners[strings.TrimPrefix(a.RelPermalink(), "/")+"index.html"] = show(a.Path)
	}
	return c
}

// take claims p; it fails when p was written already, is a folder of
// another file, or lies below a file.
func (c *claims) take(p string) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.files[p] {
		return c.conflict(p, p)
	}
	if c.dirs[p] {
		return c.conflict(p, "")
	}
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if c.files[d] {
			return c.conflict(d, p)
		}
	}
	c.files[p] = true
	for d := path.Dir(p); d != "." && !c.dirs[d]; d = path.Dir(d) {
		c.dirs[d] = true
	}
	return nil
}

// conflict explains a clash between the output paths a and b (equal, or a
// is a folder of b, or b is "" for a folder of some file), naming the
// source whose page is involved.
func (c *claims) conflict(a, b string) error {
	// The most specific first: an article whose folder is where a file
	// goes, then the page written twice.
	for _, p := range []string{a + "/index.html", b, a} {
		if owner, ok := c.owners[p]; ok {
			url := "/" + strings.TrimSuffix(p, "index.html")
			return fmt.Errorf("%s: its URL %s takes a name the site generator uses (%s); set a different slug", owner, url, a)
		}
	}
	switch b {
	case a:
		return fmt.Errorf("two files write %s", a)
	case "":
		return fmt.Errorf("%s is written both as a file and as a folder", a)
	}
	return fmt.Errorf("%s is written both as a file and as the folder of %s", a, b)
}

// checkPath makes sure an output path is a clean relative path that stays
// inside the destination (defense in depth: source already checks slugs).
func checkPath(p string) error {
	c, err := publish.CleanRel(p)
	if err != nil {
		return err
	}
	if c != p || path.Clean(p) != p {
		return fmt.Errorf("output path %q is not clean", p)
	}
	return nil
}

// progress writes a line now and then, only once the build has run for a
// second.
type progress struct {
	w     io.Writer
	start time.Time
	mu    sync.Mutex
	last  time.Time
	shown bool
}

func (p *progress) report(format string, args ...any) {
	if p == nil || p.w == nil {
		return
	}
	now := time.Now()
	if now.Sub(p.start) < time.Second {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if now.Sub(p.last) < 200*time.Millisecond {
		return
	}
	p.last = now
	p.shown = true
	fmt.Fprintf(p.w, "\r\x1b[K"+format, args...)
}

func (p *progress) done() {
	if p == nil || p.w == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
