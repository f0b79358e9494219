package source

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

// Cache keeps the parsed files of a site between loads, so that loading
// it again reads and parses only the files that changed. A file is reused
// when its size and modification time are what they were; Forget drops
// files known to have changed (a watcher's report), whatever their times
// say. A Cache is safe for use by one LoadCached at a time.
type Cache struct {
	mu    sync.Mutex
	files map[string]*file // by rel; the parse result, never handed out itself
	seen  map[string]bool  // rels met by the current load
	scan  *scanned         // the last walk of content/, nil before the first
	walks int              // walks of content/ made (tests)
	// last is the last load's result when it had no errors, for
	// LoadChanged to update in place of a whole load; nil otherwise.
	last  *lastLoad
	quick int // loads made by updating last (tests)
}

// scanned is what a walk of content/ found.
type scanned struct {
	files    []file // metadata only (rel, name, kind, size, mod), in walk order
	skipped  []string
	warnings []string
	errs     []*Error
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]*file{}} }

// Forget drops the cached files at the given slash paths relative to the
// site root (a path of a folder drops everything under it).
func (c *Cache) Forget(rels ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	// What changed is not known to the next load: it loads as a whole.
	c.last = nil
	c.forget(rels)
}

// forget is Forget with c.mu held, keeping c.last.
func (c *Cache) forget(rels []string) {
	if c.scan != nil {
		// The files cached are files of the last walk, which lists a
		// folder's files together: no need to look through them all.
		fs := c.scan.files
		for _, r := range rels {
			if r == "." || r == "" {
				clear(c.files)
				return
			}
			delete(c.files, r)
			i, _ := slices.BinarySearchFunc(fs, r, func(f file, rel string) int { return walkOrder(f.rel, rel) })
			for ; i < len(fs) && (fs[i].rel == r || strings.HasPrefix(fs[i].rel, r+"/")); i++ {
				delete(c.files, fs[i].rel)
			}
		}
		return
	}
	for _, r := range rels {
		delete(c.files, r)
		prefix := r + "/"
		if r == "." || r == "" {
			prefix = ""
		}
		for k := range c.files {
			if len(k) > len(prefix) && k[:len(prefix)] == prefix {
				delete(c.files, k)
			}
		}
	}
}

// Len returns the number of files cached.
func (c *Cache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.files)
}

// LoadCached is Load, reusing the files c holds from earlier loads and
// keeping what it reads in c. Files that no longer exist leave c. The
// result equals Load's.
func LoadCached(fsys afero.Fs, root string, opt Options, c *Cache) (*Site, error) {
	return LoadChanged(fsys, root, opt, c, nil)
}

// LoadChanged is LoadCached when only the files at the given slash paths
// relative to root may have changed since the last load with c (a
// watcher's report; nil means anything may have). When each is a plain
// file (or gone), content/ is not walked again: the last walk is updated
// with those files. c must always be used with the same root.
//
// When the last load was good and the changed files are articles edited,
// added to an existing briefing or removed, only those are read: the
// result is the last site with them put in their places, and it shares
// with the last one the articles, briefings and Docs that did not change
// (a changed article, its Doc and its briefing are new values). Nothing a
// load returns is changed afterwards, by this load or a later one;
// callers must not change it either.
func LoadChanged(fsys afero.Fs, root string, opt Options, c *Cache, changed []string) (*Site, error) {
	if c == nil {
		return Load(fsys, root, opt)
	}
	if slices.Contains(changed, ".") || slices.Contains(changed, "") {
		changed = nil
	}
	opt = opt.withDefaults()
	c.mu.Lock()
	if changed == nil {
		c.scan = nil
		c.last = nil
	} else {
		c.forget(changed)
	}
	c.mu.Unlock()
	if site, ok := c.update(fsys, root, opt, changed); ok {
		return site, nil
	}
	c.mu.Lock()
	c.last = nil
	c.seen = make(map[string]bool, len(c.files))
	c.mu.Unlock()
	site, err := load(fsys, root, opt, c, changed)
	c.mu.Lock()
	for k := range c.files {
		if !c.seen[k] {
			delete(c.files, k)
		}
	}
	c.seen = nil
	c.mu.Unlock()
	return site, err
}

// reuse fills f from the cache when its entry matches f's size and time.
func (c *Cache) reuse(f *file) bool {
	if c == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen != nil {
		c.seen[f.rel] = true
	}
	old := c.files[f.rel]
	if old == nil || old.size != f.size || !old.mod.Equal(f.mod) || old.kind != f.kind || f.mod.IsZero() {
		return false
	}
	f.data, f.binary, f.nulText, f.err, f.fm = old.data, old.binary, old.nulText, old.err, old.fm
	f.article = copyArticle(old.article)
	return true
}

// store keeps f's parse result: a copy, since assembling the site changes
// articles.
func (c *Cache) store(f *file) {
	if c == nil || f.mod.IsZero() {
		return
	}
	keep := *f
	keep.article = copyArticle(f.article)
	c.mu.Lock()
	c.files[f.rel] = &keep
	c.mu.Unlock()
}

// copyArticle copies what assembling changes, the fields, and shares
// the rest: the parsed text is never changed, warnings are clipped so
// that one appended is the copy's own, and a sidecar's tags and params
// go to clones (loader.finish).
func copyArticle(a *Article) *Article {
	if a == nil {
		return nil
	}
	cp := *a
	cp.Warnings = slices.Clip(a.Warnings)
	return &cp
}

// keepScan records the walk l just made.
func (c *Cache) keepScan(l *loader) {
	if c == nil {
		return
	}
	sc := &scanned{files: make([]file, len(l.files)), skipped: slices.Clone(l.skipped), warnings: slices.Clone(l.warnings), errs: slices.Clone(l.errs)}
	for i, f := range l.files {
		sc.files[i] = file{rel: f.rel, name: f.name, kind: f.kind, size: f.size, mod: f.mod}
	}
	c.mu.Lock()
	c.scan = sc
	c.walks++
	c.mu.Unlock()
}

// rescan fills l's files from the cache's last walk updated with the
// changed paths, and reports whether it could: a changed path that is a
// folder, a link, a hidden or skipped name, or anything but a plain
// article, index or sidecar file calls for a new walk.
func (l *loader) rescan(changed []string) bool {
	c := l.cache
	if c == nil || changed == nil {
		return false
	}
	c.mu.Lock()
	sc := c.scan
	c.mu.Unlock()
	if sc == nil || len(sc.errs) > 0 {
		return false
	}
	files := slices.Clone(sc.files)
	for _, rel := range changed {
		rest, ok := strings.CutPrefix(rel, "content/")
		if !ok {
			if rel == "content" {
				return false
			}
			continue // not below content/: the walk does not see it
		}
		for _, seg := range strings.Split(rest, "/") {
			if seg == "" || seg == "." || seg == ".." || strings.HasPrefix(seg, ".") {
				return false
			}
		}
		if skipName(path.Base(rel)) {
			return false
		}
		i, found := slices.BinarySearchFunc(files, rel, func(f file, rel string) int { return walkOrder(f.rel, rel) })
		info, err := lstat(l.fs, filepath.Join(l.root, filepath.FromSlash(rel)))
		if errors.Is(err, fs.ErrNotExist) {
			if found {
				files = slices.Delete(files, i, i+1)
			}
			// A folder gone takes its files along: walk again.
			if i < len(files) && strings.HasPrefix(files[i].rel, rel+"/") {
				return false
			}
			continue
		}
		if err != nil || !info.Mode().IsRegular() {
			return false
		}
		kind, ok := classify(rel)
		if !ok {
			return false
		}
		f := file{rel: rel, name: l.display(rel), kind: kind, size: info.Size(), mod: info.ModTime()}
		if found {
			files[i] = f
		} else {
			files = slices.Insert(files, i, f)
		}
	}
	l.files = make([]*file, len(files))
	block := slices.Clone(files) // read fills them in: not the walk's
	for i := range block {
		l.files[i] = &block[i]
	}
	l.skipped = append(l.skipped, sc.skipped...)
	l.warnings = append(l.warnings, sc.warnings...)
	sc2 := &scanned{files: files, skipped: sc.skipped, warnings: sc.warnings}
	c.mu.Lock()
	c.scan = sc2
	c.mu.Unlock()
	return true
}

// walkOrder compares slash paths in the order a walk visits them: folder
// by folder, names sorted.
func walkOrder(a, b string) int {
	for {
		ai, bi := strings.IndexByte(a, '/'), strings.IndexByte(b, '/')
		as, bs := a, b
		if ai >= 0 {
			as = a[:ai]
		}
		if bi >= 0 {
			bs = b[:bi]
		}
		if d := strings.Compare(as, bs); d != 0 {
			return d
		}
		switch {
		case ai < 0 && bi < 0:
			return 0
		case ai < 0:
			return -1
		case bi < 0:
			return 1
		}
		a, b = a[ai+1:], b[bi+1:]
	}
}

// classify says what kind of file the regular file at rel (below
// content/) is, as the walk does; false for an _index.md the walk skips.
func classify(rel string) (fileKind, bool) {
	name := path.Base(rel)
	ext := strings.ToLower(path.Ext(name))
	switch {
	case name == "_index.md":
		return kindIndex, strings.Count(rel, "/") <= 2
	case ext == ".md" || ext == ".markdown" || ext == ".txt":
		return kindArticle, true
	case ext == ".yaml" || ext == ".yml" || ext == ".toml":
		return kindSidecar, true
	}
	return kindUnknown, true
}
