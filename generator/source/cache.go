package source

import (
	"maps"
	"slices"
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
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{files: map[string]*file{}} }

// Forget drops the cached files at the given slash paths relative to the
// site root (a path of a folder drops everything under it).
func (c *Cache) Forget(rels ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
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
	if c == nil {
		return Load(fsys, root, opt)
	}
	c.mu.Lock()
	c.seen = make(map[string]bool, len(c.files))
	c.mu.Unlock()
	site, err := load(fsys, root, opt, c)
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

// copyArticle copies what assembling changes (fields, warnings, tags and
// params) and shares the rest (the parsed text is never changed).
func copyArticle(a *Article) *Article {
	if a == nil {
		return nil
	}
	cp := *a
	cp.Tags = slices.Clone(a.Tags)
	cp.Warnings = slices.Clone(a.Warnings)
	cp.Params = maps.Clone(a.Params)
	return &cp
}
