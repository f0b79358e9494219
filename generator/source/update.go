package source

import (
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"briefgen/generator/config"
)

// lastLoad is a load's result as LoadChanged may update it.
type lastLoad struct {
	root   string
	opt    Options // with defaults
	site   *Site
	byPath map[string]*Article // every finished article by Path, drafts left out of the site included
}

// keepLast records the good load l just made of site.
func (c *Cache) keepLast(l *loader, site *Site) {
	if c == nil {
		return
	}
	byPath := make(map[string]*Article, len(l.assembled))
	for _, a := range l.assembled {
		byPath[a.Path] = a
	}
	c.mu.Lock()
	c.last = &lastLoad{root: l.root, opt: l.opt, site: site, byPath: byPath}
	c.mu.Unlock()
}

// sameOptions reports whether two Options (with defaults) load alike.
func sameOptions(a, b Options) bool {
	return a.Drafts == b.Drafts && a.MaxFileSize == b.MaxFileSize && slices.Equal(a.Reserved, b.Reserved)
}

// update makes the site of the last good load again when the changed
// paths are Markdown articles it holds that are still there and keep
// their slug and draft state: it reads only those, and the site is the
// last one with them put in their places (by date), their briefings
// and the warnings updated. Everything else the result shares with the
// last site, unchanged articles and briefings included. It reports
// false, changing nothing a whole load depends on, when the change is
// of another kind (a file added, removed or renamed, a folder, an
// _index.md, a .txt or a sidecar, a new slug, an error): then the site
// is loaded as a whole.
func (c *Cache) update(fsys afero.Fs, root string, opt Options, changed []string) (*Site, bool) {
	if changed == nil {
		return nil, false
	}
	c.mu.Lock()
	last, sc := c.last, c.scan
	c.mu.Unlock()
	if last == nil || sc == nil || last.root != root || !sameOptions(last.opt, opt) {
		return nil, false
	}
	l := &loader{fs: fsys, root: root, opt: opt, cache: c}
	type edit struct {
		i   int // of the file in sc.files
		f   *file
		old *Article
	}
	var edits []edit
	for _, rel := range changed {
		rest, ok := strings.CutPrefix(rel, "content/")
		if !ok {
			if rel == "content" {
				return nil, false
			}
			continue // not below content/: a whole load would not read it either
		}
		for _, seg := range strings.Split(rest, "/") {
			if seg == "" || seg == "." || seg == ".." || strings.HasPrefix(seg, ".") {
				return nil, false
			}
		}
		name := path.Base(rel)
		ext := strings.ToLower(path.Ext(name))
		if skipName(name) || name == "_index.md" || (ext != ".md" && ext != ".markdown") {
			return nil, false
		}
		old := last.byPath[rel]
		if old == nil || old.Format != Markdown {
			return nil, false
		}
		i, found := slices.BinarySearchFunc(sc.files, rel, func(f file, rel string) int { return walkOrder(f.rel, rel) })
		if !found || sc.files[i].kind != kindArticle {
			return nil, false
		}
		if slices.ContainsFunc(edits, func(e edit) bool { return e.i == i }) {
			continue
		}
		info, err := lstat(fsys, filepath.Join(root, filepath.FromSlash(rel)))
		if err != nil || !info.Mode().IsRegular() {
			return nil, false
		}
		edits = append(edits, edit{i: i, f: &file{rel: rel, name: l.display(rel), kind: kindArticle, size: info.Size(), mod: info.ModTime()}, old: old})
	}
	cfg, err := config.Load(fsys, root)
	if err != nil {
		return nil, false
	}
	for _, e := range edits {
		l.read(e.f)
		a := e.f.article
		if e.f.err != nil || e.f.binary || a == nil || a.Format != Markdown {
			return nil, false
		}
		a.Briefing = e.old.Briefing // same folder, same _index.md
		if l.finish(a, e.f.rel, nil, nil) != nil || a.Slug != e.old.Slug || a.Draft != e.old.Draft {
			return nil, false
		}
	}

	site := *last.site
	site.Config = cfg
	warnings := site.Warnings
	var arts, briefs []*Article
	var blist []*Briefing
	copied := map[string]*Briefing{}
	for _, e := range edits {
		a, old := e.f.article, e.old
		if !slices.Equal(a.Warnings, old.Warnings) {
			warnings = slices.Clone(warnings)
			for _, w := range old.Warnings {
				i, ok := slices.BinarySearch(warnings, w)
				if !ok {
					return nil, false
				}
				warnings = slices.Delete(warnings, i, i+1)
			}
			for _, w := range a.Warnings {
				i, _ := slices.BinarySearch(warnings, w)
				warnings = slices.Insert(warnings, i, w)
			}
		}
		if a.Draft && !opt.Drafts {
			continue // not in the site
		}
		if arts == nil {
			arts = slices.Clone(site.Articles)
		}
		if !place(arts, old, a) {
			return nil, false
		}
		if a.Briefing == "" {
			continue // directly in content/: in no briefing
		}
		b := copied[a.Briefing]
		if b == nil {
			if blist == nil {
				blist = slices.Clone(site.Briefings)
			}
			j, ok := slices.BinarySearchFunc(blist, a.Briefing, func(b *Briefing, slug string) int { return strings.Compare(b.Slug, slug) })
			if !ok {
				return nil, false
			}
			cp := *blist[j]
			cp.Articles = slices.Clone(cp.Articles)
			blist[j], b = &cp, &cp
			copied[a.Briefing] = b
		}
		briefs = b.Articles
		if !place(briefs, old, a) {
			return nil, false
		}
	}
	if len(warnings) == 0 {
		warnings = nil // as a whole load has it
	}
	site.Warnings = slices.Clip(warnings)
	if arts != nil {
		site.Articles = slices.Clip(arts)
	}
	if blist != nil {
		site.Briefings = slices.Clip(blist)
	}
	c.mu.Lock()
	for _, e := range edits {
		last.byPath[e.f.rel] = e.f.article
		sc.files[e.i].size, sc.files[e.i].mod = e.f.size, e.f.mod
	}
	c.last = &lastLoad{root: root, opt: opt, site: &site, byPath: last.byPath}
	c.quick++
	c.mu.Unlock()
	return &site, true
}

// place puts a in the place of old in as, which is sorted as
// sortArticles sorts: where old was when their dates are equal, else
// where a's date puts it. It reports false when old is not in as.
func place(as []*Article, old, a *Article) bool {
	i := slices.Index(as, old)
	if i < 0 {
		return false
	}
	if a.Date.Equal(old.Date) {
		as[i] = a
		return true
	}
	rest := slices.Delete(slices.Clip(as), i, i+1) // as[:len-1], in place
	j := sort.Search(len(rest), func(k int) bool { return before(a, rest[k]) })
	copy(as[j+1:], as[j:len(as)-1])
	as[j] = a
	return true
}

// before reports whether x comes before y in sortArticles's order:
// newer first, undated last, ties by Path.
func before(x, y *Article) bool {
	if !x.Date.Equal(y.Date) {
		return x.Date.After(y.Date)
	}
	return x.Path < y.Path
}
