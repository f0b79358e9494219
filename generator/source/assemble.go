package source

import (
	"maps"
	"path"
	"slices"
	"sort"
	"strings"

	"briefgen/generator/doc"
)

// assemble turns the parsed files into briefings and articles, checks
// URLs, and sorts.
func (l *loader) assemble(site *Site) {
	// Sidecars by the path they belong to, without extension.
	sidecars := map[string]*file{}
	txt := map[string]bool{}
	for _, f := range l.files {
		if f.kind == kindArticle && strings.EqualFold(path.Ext(f.rel), ".txt") {
			txt[strings.TrimSuffix(f.rel, path.Ext(f.rel))] = true
		}
	}
	for _, f := range l.files {
		if f.err != nil {
			l.errs = append(l.errs, f.err)
			continue
		}
		if f.binary {
			l.skipped = append(l.skipped, f.rel)
			if f.nulText {
				// Text with a stray NUL (pasted from elsewhere) would
				// otherwise vanish without a word.
				l.warn(f.rel, "contains NUL bytes, so it is read as a binary file; skipped")
			}
			continue
		}
		switch f.kind {
		case kindUnknown:
			l.warn(f.rel, "not an article (.md or .txt); skipped")
		case kindSidecar:
			stem := strings.TrimSuffix(f.rel, path.Ext(f.rel))
			if !txt[stem] {
				l.warn(f.rel, "not an article, and no %s.txt beside it to describe; skipped", path.Base(stem))
				continue
			}
			if prev := sidecars[stem]; prev != nil {
				l.fail(f.rel, 0, "%s also describes %s.txt; keep one", prev.name, path.Base(stem))
				continue
			}
			sidecars[stem] = f
		}
	}

	// Briefings: one per folder directly under content/.
	briefings := map[string]*Briefing{}
	briefingOf := func(rel string) *Briefing {
		// rel is "content/<folder>/...": at least two slashes.
		i := strings.IndexByte(rel, '/')
		j := strings.IndexByte(rel[i+1:], '/')
		if i < 0 || j < 0 {
			return nil
		}
		folder, name := rel[:i+1+j], rel[i+1:i+1+j]
		if b := briefings[folder]; b != nil {
			return b
		}
		b := &Briefing{Slug: slugify(name), Title: humanize(name), dir: folder}
		briefings[folder] = b
		return b
	}
	for _, f := range l.files {
		if f.kind != kindIndex || f.article == nil {
			continue
		}
		a := f.article
		b := &Briefing{Slug: "", Path: f.rel, Title: a.Title, Body: a.BodyText()}
		if strings.Count(f.rel, "/") == 2 {
			b = briefingOf(f.rel)
			b.Path = f.rel
			b.Body = a.BodyText()
			if a.Title != "" {
				b.Title = a.Title
			}
			if a.slugSet {
				b.Slug = a.Slug
			}
		} else {
			site.Home = b
		}
		b.Date = a.Date
		// Fields an article keeps apart are settings of a briefing.
		b.Params = map[string]any{}
		for k, v := range a.Params {
			switch strings.ToLower(k) {
			case "summary", "description":
				if s, ok := v.(string); ok && b.Summary == "" {
					b.Summary = strings.TrimSpace(s)
					continue
				}
			}
			b.Params[k] = v
		}
		for k, v := range map[string]any{"source": a.Source, "author": a.Author, "url": a.URL} {
			if v != "" {
				b.Params[k] = v
			}
		}
		if len(a.Tags) > 0 {
			b.Params["tags"] = a.Tags
		}
	}

	var articles []*Article
	for _, f := range l.files {
		if f.kind != kindArticle || f.article == nil {
			continue
		}
		a := f.article
		var b *Briefing
		if b = briefingOf(f.rel); b != nil {
			a.Briefing = b.Slug
		}
		var sc *file
		if a.Format == Text {
			sc = sidecars[strings.TrimSuffix(f.rel, path.Ext(f.rel))]
		}
		if err := l.finish(a, f.rel, sc, b); err != nil {
			l.errs = append(l.errs, err)
			continue
		}
		l.assembled = append(l.assembled, a)
		for _, w := range a.Warnings {
			l.warnings = append(l.warnings, w)
		}
		if a.Draft && !l.opt.Drafts {
			l.skipped = append(l.skipped, f.rel+" (draft)")
			continue
		}
		articles = append(articles, a)
	}

	// Briefings that have an _index.md or at least one article.
	used := map[string]bool{}
	for _, a := range articles {
		used[a.Briefing] = true
	}
	var list []*Briefing
	for _, b := range briefings {
		if b.Path != "" || used[b.Slug] {
			list = append(list, b)
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Slug != list[j].Slug {
			return list[i].Slug < list[j].Slug
		}
		if list[i].Path != list[j].Path {
			return list[i].Path < list[j].Path
		}
		// Two folders without _index.md: the folder decides, so the error
		// for a slug collision names the same pair in the same order.
		return list[i].dir < list[j].dir
	})

	// URLs: each must be taken once, case-insensitively (output may land
	// on a case-insensitive file system), and not collide with files the
	// generator writes at the root.
	taken := map[string]string{} // lower-case URL -> file that took it
	l.taken = taken
	reserved := map[string]bool{}
	for _, r := range l.opt.Reserved {
		reserved[strings.ToLower(r)] = true
	}
	claim := func(url, rel, what string) bool {
		key := strings.ToLower(url)
		first := strings.Trim(key, "/")
		if i := strings.IndexByte(first, '/'); i >= 0 {
			first = first[:i]
		}
		if reserved[first] && strings.Count(key, "/") == 2 {
			l.fail(rel, 0, "%s URL %s takes the name %q, which the site generator uses; rename it or set slug", what, url, first)
			return false
		}
		if prev, ok := taken[key]; ok {
			l.fail(rel, 0, "%s URL %s is also the URL of %s; rename one or set a different slug", what, url, l.display(prev))
			return false
		}
		taken[key] = rel
		return true
	}
	for _, b := range list {
		rel := b.Path
		if rel == "" {
			rel = b.dir + "/"
		}
		if b.Slug == "" {
			l.fail(rel, 0, "cannot make a URL slug from the folder name; rename the folder")
			continue
		}
		claim(b.RelPermalink(), rel, "briefing")
	}
	sortArticles(articles)
	// Claim in path order so the error names the same pair every run.
	byPath := slices.Clone(articles)
	slices.SortFunc(byPath, func(x, y *Article) int { return strings.Compare(x.Path, y.Path) })
	for _, a := range byPath {
		claim(a.RelPermalink(), a.Path, "article")
	}

	bySlug := map[string]*Briefing{}
	for _, b := range list {
		bySlug[b.Slug] = b
	}
	for _, a := range articles {
		if b := bySlug[a.Briefing]; b != nil {
			b.Articles = append(b.Articles, a)
		}
	}
	site.Briefings = list
	site.Articles = articles
}

// finish completes the article a parsed from the file at rel: its
// sidecar sc (a .txt's, or nil), the date of its briefing b (nil for
// an article directly in content/) when it has none, its title, and
// the warnings about what it lacks.
func (l *loader) finish(a *Article, rel string, sc *file, b *Briefing) *Error {
	if sc != nil {
		// The cache's copy shares these: the sidecar's fields go to
		// the article's own. A Doc handed out never changes, so that
		// caches keyed by it hold.
		a.Tags, a.Params = slices.Clone(a.Tags), maps.Clone(a.Params)
		d := *a.Doc
		a.Doc = &d
		if err := applyFields(a, sc.fm, sc.name, nil, 0, false); err != nil {
			return asError(sc.name, err)
		}
		// The first line stays the title in the text even when the
		// sidecar renames the article.
		a.Doc.Title = firstTitle(a)
	}
	if a.Date.IsZero() {
		if a.Format == Text && b != nil && !b.Date.IsZero() {
			a.Date = b.Date
		} else if a.Format == Text {
			stem := path.Base(strings.TrimSuffix(rel, path.Ext(rel)))
			a.Warnings = append(a.Warnings, l.display(rel)+": no publication date; give one in "+stem+".yaml beside it (date: YYYY-MM-DD) or in the briefing's _index.md")
		} else {
			a.Warnings = append(a.Warnings, l.display(rel)+": no publication date; add date: YYYY-MM-DD to the front matter")
		}
	}
	if a.Title == "" {
		finishTitle(a, l.display(rel))
	}
	if a.Doc.Published != a.Date {
		d := *a.Doc
		d.Published = a.Date
		a.Doc = &d
	}
	return nil
}

// firstTitle is the span of a .txt article's first line.
func firstTitle(a *Article) (s doc.Span) {
	t, _, _, ok := firstLine(a.Doc.Text, bomLen(a.Doc.Text))
	if ok {
		return t
	}
	return s
}

// sortArticles orders newest first, undated last, ties by Path (each
// article's own: the order is total).
func sortArticles(as []*Article) {
	slices.SortFunc(as, func(x, y *Article) int {
		if c := y.Date.Compare(x.Date); c != 0 {
			return c
		}
		return strings.Compare(x.Path, y.Path)
	})
}
