package source

import (
	"errors"
	"io/fs"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/spf13/afero"

	"briefgen/generator/config"
)

// lastLoad is a good load's result as LoadChanged may update it.
type lastLoad struct {
	root   string
	opt    Options // with defaults
	site   *Site
	byPath map[string]*Article // every finished article by Path, drafts left out of the site included
	taken  map[string]string   // lower-case URL -> the file that took it
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
	c.last = &lastLoad{root: l.root, opt: l.opt, site: site, byPath: byPath, taken: l.taken}
	c.mu.Unlock()
}

// sameOptions reports whether two Options (with defaults) load alike.
func sameOptions(a, b Options) bool {
	return a.Drafts == b.Drafts && a.MaxFileSize == b.MaxFileSize && slices.Equal(a.Reserved, b.Reserved)
}

// change is one article file changed since the last load.
type change struct {
	rel    string
	txt    bool     // a .txt
	side   string   // the sidecar beside a .txt, if any
	f      *file    // what is there now; nil when it is gone
	old, a *Article // before and now; nil when absent
}

// update makes the site of the last good load again when the changed
// paths are article files (.md, .markdown, .txt; not _index.md) edited,
// added to a folder that is a briefing already, or removed (a .txt
// only when no sidecar is beside it, which it would make an article's
// or a stray's; a .txt edited keeps its sidecar): it
// reads only those, and the site is the last one with their articles
// taken out and put in their places (by date), their briefings, URLs,
// warnings and skipped drafts updated. Everything else the result
// shares with the last site, unchanged articles and briefings included.
// It reports false when the change is of another kind (a folder, an
// _index.md, a sidecar, a briefing coming or going, a URL
// taken twice, a file that does not load): then the site is loaded as
// a whole, and the caller drops c.last, which update may have changed.
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
	var chs []*change
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
		if slices.ContainsFunc(chs, func(ch *change) bool { return ch.rel == rel }) {
			continue
		}
		name := path.Base(rel)
		ext := strings.ToLower(path.Ext(name))
		txt := ext == ".txt"
		if skipName(name) || name == "_index.md" || (ext != ".md" && ext != ".markdown" && !txt) {
			return nil, false
		}
		i, found := slices.BinarySearchFunc(sc.files, rel, func(f file, rel string) int { return walkOrder(f.rel, rel) })
		old := last.byPath[rel]
		if found != (old != nil) || (found && sc.files[i].kind != kindArticle) || (old != nil && (old.Format == Text) != txt) {
			return nil, false // a file the last load skipped, or not an article
		}
		if !found && i < len(sc.files) && strings.HasPrefix(sc.files[i].rel, rel+"/") {
			return nil, false // a folder
		}
		ch := &change{rel: rel, txt: txt, old: old}
		info, err := lstat(fsys, filepath.Join(root, filepath.FromSlash(rel)))
		switch {
		case errors.Is(err, fs.ErrNotExist):
			if old == nil {
				continue // came and went
			}
		case err != nil || !info.Mode().IsRegular():
			return nil, false
		default:
			ch.f = &file{rel: rel, name: l.display(rel), kind: kindArticle, size: info.Size(), mod: info.ModTime()}
		}
		if txt {
			side := sidecarsOf(sc.files, rel)
			switch {
			case len(side) > 0 && (ch.old == nil || ch.f == nil):
				return nil, false // the sidecar becomes an article's, or a stray
			case len(side) > 1:
				return nil, false
			case len(side) == 1:
				ch.side = side[0]
			}
		}
		chs = append(chs, ch)
	}
	cfg, err := config.Load(fsys, root)
	if err != nil {
		return nil, false
	}
	site := *last.site
	site.Config = cfg
	// folder finds the briefing of a folder "content/<name>" in the
	// last site; nil when it has none (the folder is new, or holds only
	// drafts left out).
	folder := func(rel string) *Briefing {
		parts := strings.SplitN(rel, "/", 3)
		dir := parts[0] + "/" + parts[1]
		for _, b := range site.Briefings {
			if b.dir == dir {
				return b
			}
		}
		return nil
	}
	for _, ch := range chs {
		if ch.f == nil {
			continue
		}
		l.read(ch.f)
		a := ch.f.article
		if ch.f.err != nil || ch.f.binary || a == nil || (a.Format == Text) != ch.txt {
			return nil, false
		}
		var side *file
		if ch.side != "" {
			c.mu.Lock()
			e := c.files[ch.side]
			c.mu.Unlock()
			if e == nil || e.err != nil || (!e.binary && e.fm == nil) {
				return nil, false
			}
			if !e.binary { // a binary file is skipped: it describes nothing
				side = e
			}
		}
		switch {
		case ch.old != nil:
			a.Briefing = ch.old.Briefing // same folder, same _index.md
		case strings.Count(ch.rel, "/") >= 2:
			b := folder(ch.rel)
			if b == nil {
				return nil, false // a briefing comes
			}
			a.Briefing = b.Slug
		}
		var b *Briefing // for a .txt's date
		if strings.Count(ch.rel, "/") >= 2 {
			b = folder(ch.rel)
		}
		if l.finish(a, ch.rel, side, b) != nil {
			return nil, false
		}
		ch.a = a
	}

	in := func(a *Article) bool { return a != nil && !(a.Draft && !opt.Drafts) }
	excluded := func(a *Article) bool { return a != nil && a.Draft && !opt.Drafts }
	// URLs: those of the articles leaving are free, then those of the
	// articles coming must not be taken.
	taken := last.taken
	for _, ch := range chs {
		if in(ch.old) {
			if key := strings.ToLower(ch.old.RelPermalink()); taken[key] == ch.rel {
				delete(taken, key)
			}
		}
	}
	reserved := map[string]bool{}
	for _, r := range opt.Reserved {
		reserved[strings.ToLower(r)] = true
	}
	for _, ch := range chs {
		if !in(ch.a) {
			continue
		}
		key := strings.ToLower(ch.a.RelPermalink())
		first := strings.Trim(key, "/")
		if i := strings.IndexByte(first, '/'); i >= 0 {
			first = first[:i]
		}
		if _, ok := taken[key]; ok || (reserved[first] && strings.Count(key, "/") == 2) {
			return nil, false // the whole load says which
		}
		taken[key] = ch.rel
	}

	warnings, skipped := site.Warnings, site.Skipped
	var wcopied, scopied bool
	arts := site.Articles
	var acopied bool
	var blist []*Briefing
	copied := map[string]*Briefing{}
	briefing := func(slug string) *Briefing {
		if b := copied[slug]; b != nil {
			return b
		}
		if blist == nil {
			blist = slices.Clone(site.Briefings)
		}
		j, ok := slices.BinarySearchFunc(blist, slug, func(b *Briefing, slug string) int { return strings.Compare(b.Slug, slug) })
		if !ok {
			return nil
		}
		cp := *blist[j]
		cp.Articles = slices.Clone(cp.Articles)
		blist[j] = &cp
		copied[slug] = &cp
		return &cp
	}
	for _, ch := range chs {
		var oldW, newW []string
		if ch.old != nil {
			oldW = ch.old.Warnings
		}
		if ch.a != nil {
			newW = ch.a.Warnings
		}
		if !slices.Equal(oldW, newW) {
			if !wcopied {
				warnings, wcopied = slices.Clone(warnings), true
			}
			var ok bool
			if warnings, ok = swap(warnings, oldW, newW); !ok {
				return nil, false
			}
		}
		if excluded(ch.old) != excluded(ch.a) {
			if !scopied {
				skipped, scopied = slices.Clone(skipped), true
			}
			var oldS, newS []string
			if excluded(ch.old) {
				oldS = []string{ch.rel + " (draft)"}
			}
			if excluded(ch.a) {
				newS = []string{ch.rel + " (draft)"}
			}
			var ok bool
			if skipped, ok = swap(skipped, oldS, newS); !ok {
				return nil, false
			}
		}
		var out, put *Article
		if in(ch.old) {
			out = ch.old
		}
		if in(ch.a) {
			put = ch.a
		}
		if out == nil && put == nil {
			continue
		}
		if !acopied {
			arts, acopied = slices.Clone(arts), true
		}
		var ok bool
		if arts, ok = move(arts, out, put); !ok {
			return nil, false
		}
		slug := ""
		if out != nil {
			slug = out.Briefing
		} else {
			slug = put.Briefing
		}
		if strings.Count(ch.rel, "/") < 2 {
			continue // directly in content/: in no briefing
		}
		b := briefing(slug)
		if b == nil {
			return nil, false
		}
		if b.Articles, ok = move(b.Articles, out, put); !ok {
			return nil, false
		}
	}
	for _, b := range copied {
		if len(b.Articles) == 0 && b.Path == "" {
			return nil, false // a briefing goes
		}
	}
	if len(warnings) == 0 {
		warnings = nil // as a whole load has it
	}
	if len(skipped) == 0 {
		skipped = nil
	}
	site.Warnings, site.Skipped = slices.Clip(warnings), slices.Clip(skipped)
	if len(arts) == 0 {
		arts = nil
	}
	site.Articles = slices.Clip(arts)
	if blist != nil {
		site.Briefings = slices.Clip(blist)
	}

	c.mu.Lock()
	for _, ch := range chs {
		i, found := slices.BinarySearchFunc(sc.files, ch.rel, func(f file, rel string) int { return walkOrder(f.rel, rel) })
		switch {
		case ch.f == nil:
			if found {
				sc.files = slices.Delete(sc.files, i, i+1)
			}
			delete(last.byPath, ch.rel)
		case found:
			sc.files[i].size, sc.files[i].mod = ch.f.size, ch.f.mod
			last.byPath[ch.rel] = ch.a
		default:
			sc.files = slices.Insert(sc.files, i, file{rel: ch.rel, name: ch.f.name, kind: kindArticle, size: ch.f.size, mod: ch.f.mod})
			last.byPath[ch.rel] = ch.a
		}
	}
	c.last = &lastLoad{root: root, opt: opt, site: &site, byPath: last.byPath, taken: taken}
	c.quick++
	c.mu.Unlock()
	return &site, true
}

// sidecarsOf returns the sidecar files (.yaml, .yml, .toml) beside the
// .txt at rel in files, sorted in walk order: those of its stem.
func sidecarsOf(files []file, rel string) []string {
	dir, stem := path.Dir(rel)+"/", strings.TrimSuffix(rel, path.Ext(rel))
	i, _ := slices.BinarySearchFunc(files, dir, func(f file, dir string) int { return walkOrder(f.rel, dir) })
	var out []string
	for ; i < len(files) && strings.HasPrefix(files[i].rel, dir); i++ {
		f := files[i]
		if f.kind == kindSidecar && strings.TrimSuffix(f.rel, path.Ext(f.rel)) == stem {
			out = append(out, f.rel)
		}
	}
	return out
}

// swap takes out of the sorted list ss one of each of out, and puts in
// each of in, in order. It reports false when one of out is missing.
func swap(ss, out, in []string) ([]string, bool) {
	for _, s := range out {
		i, ok := slices.BinarySearch(ss, s)
		if !ok {
			return ss, false
		}
		ss = slices.Delete(ss, i, i+1)
	}
	for _, s := range in {
		i, _ := slices.BinarySearch(ss, s)
		ss = slices.Insert(ss, i, s)
	}
	return ss, true
}

// move takes out of as, sorted as sortArticles sorts, the article out
// and puts in the article put, either nil: in out's place when their
// dates are equal, else where put's date puts it. It reports false when
// out is not in as.
func move(as []*Article, out, put *Article) ([]*Article, bool) {
	if out != nil {
		i := slices.Index(as, out)
		if i < 0 {
			return as, false
		}
		if put != nil && put.Date.Equal(out.Date) && put.Path == out.Path {
			as[i] = put
			return as, true
		}
		as = slices.Delete(as, i, i+1)
	}
	if put != nil {
		j := sort.Search(len(as), func(k int) bool { return before(put, as[k]) })
		as = slices.Insert(as, j, put)
	}
	return as, true
}

// before reports whether x comes before y in sortArticles's order:
// newer first, undated last, ties by Path.
func before(x, y *Article) bool {
	if !x.Date.Equal(y.Date) {
		return x.Date.After(y.Date)
	}
	return x.Path < y.Path
}
