// Package search builds the site-wide search index: a compact JSON document
// of every article, actor and quotation of a site, which the search page
// (templates/search.html, static/js/search.js) loads and indexes in the
// browser with the vendored MiniSearch library, so search works on any
// static host, offline, with no server and no CDN.
//
// Actors and quotations come from each briefing's aggregate (package
// briefing: the actor registry and the deduplicated quotations, with the
// editor's overrides applied, so nothing the editor hid is searchable);
// without one (articles directly in content/, or no aggregate given) a
// briefing's article actors are merged by ID and its quotations by text.
//
// The index stays small for large sites: it carries no article bodies, only
// each article's title, outlet, date, briefing and a short excerpt;
// quotations are capped in length and in number per article, and the same
// quotation carried by several articles of a briefing appears once. Every
// string is cut at a rune boundary and the JSON is written by encoding/json,
// which escapes <, > and & (so the index is safe even if inlined in a
// <script>) and replaces invalid UTF-8. The output is deterministic for the
// same site.
//
// The JSON format (version 1), keys kept short because a 10,000-article
// site has hundreds of thousands of entries:
//
//	{"v": 1,
//	 "briefings": [{"s": slug, "t": title}],
//	 "articles": [{"t": title, "o": outlet, "d": "2006-01-02", "b": briefing, "u": "/nk/a/", "x": excerpt}],
//	 "actors": [{"n": name, "a": [aliases], "k": kind, "r": [roles], "b": briefing, "u": link, "c": articles}],
//	 "quotes": [{"q": text, "s": speaker, "a": article, "h": "s-3", "c": sources}]}
//
// "b" indexes briefings (-1: the article is directly in content/); "a"
// indexes articles; "u" is a site path ("/nk/actors/x/", "/nk/a/#s-4") to
// be joined to the site's base path; "h" is the id of the quotation's sentence on its
// article's page. Empty strings and lists, and counts of 1, are left out.
package search

import (
	"cmp"
	"encoding/json"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/briefing"
	"briefgen/generator/doc"
	"briefgen/generator/extract"
	"briefgen/generator/source"
)

// Version is the version of the index format, written as "v".
const Version = 1

// Index is the search index of a site.
type Index struct {
	Version   int        `json:"v"`
	Briefings []Briefing `json:"briefings"`
	Articles  []Article  `json:"articles"`
	Actors    []Actor    `json:"actors"`
	Quotes    []Quote    `json:"quotes"`

	enc *encoding // set by UseCache
}

// Briefing is a briefing as the index names it.
type Briefing struct {
	Slug  string `json:"s"`
	Title string `json:"t"`
}

// Article is an article document.
type Article struct {
	Title    string `json:"t"`
	Outlet   string `json:"o,omitempty"`
	Date     string `json:"d,omitempty"` // 2006-01-02, or "" when unknown
	Briefing int    `json:"b"`           // index into Briefings, -1 for none
	URL      string `json:"u"`           // site path of its page
	Excerpt  string `json:"x,omitempty"`
}

// Actor is an actor document: one per actor ID and briefing, merged over
// the briefing's articles.
type Actor struct {
	Name     string   `json:"n"`
	Aliases  []string `json:"a,omitempty"`
	Kind     string   `json:"k"`
	Roles    []string `json:"r,omitempty"`
	Briefing int      `json:"b"`
	URL      string   `json:"u"`           // site path of the page (and anchor) it links to
	Articles int      `json:"c,omitempty"` // articles of the briefing it appears in, when more than one
}

// Quote is a quotation document.
type Quote struct {
	Text    string `json:"q"`
	Speaker string `json:"s,omitempty"` // the speaker's name, or "" when nobody is named
	Article int    `json:"a"`           // index into Articles: the newest article carrying it
	Anchor  string `json:"h"`           // id of its sentence on that article's page
	Sources int    `json:"c,omitempty"` // articles carrying it, when more than one
}

// Limits on what the index carries; the zero value of a field means its
// default.
type Limits struct {
	Title       int // bytes of an article title (default 200)
	Excerpt     int // bytes of an article excerpt (default 200)
	Quote       int // bytes of a quotation (default 240)
	Name        int // bytes of a name or alias (default 80)
	Role        int // bytes of a role (default 120)
	Aliases     int // aliases per actor (default 4)
	Roles       int // roles per actor (default 4)
	QuotesPer   int // quotations per article (default 30)
	MinQuoteLen int // shorter quotations (partial ones, "no") are left out (default 12 bytes)
}

func (l Limits) withDefaults() Limits {
	def := func(v *int, d int) {
		if *v <= 0 {
			*v = d
		}
	}
	def(&l.Title, 200)
	def(&l.Excerpt, 200)
	def(&l.Quote, 240)
	def(&l.Name, 80)
	def(&l.Role, 120)
	def(&l.Aliases, 4)
	def(&l.Roles, 4)
	def(&l.QuotesPer, 30)
	def(&l.MinQuoteLen, 12)
	return l
}

// FactsOf returns the facts extracted from an article, or nil.
type FactsOf func(a *source.Article) *extract.Facts

// ActorRef is an actor as the index meets it: a registry actor of an
// aggregated briefing (Actor set), or an actor of one article, the newest
// of its briefing that names it (Actor nil).
type ActorRef struct {
	Briefing *source.Briefing // nil for articles directly in content/
	Actor    *briefing.Actor  // the registry actor, or nil
	Article  *source.Article  // where it is first mentioned (registry) or the article it is from
	ID       string           // the registry ID, or the actor's ID in Article
	Name     string
	Kind     string // "person", "organization", "place", "other"
	Sentence int    // index of the sentence of its first mention in Article
	// HasPage reports whether the registry actor has a page of its own
	// (briefing.Briefing.HasPage: the briefing says something about it).
	HasPage bool
}

// ActorURL returns the site path an actor document links to.
type ActorURL func(a ActorRef) string

// Options configure Build.
type Options struct {
	// Facts gives each article's extracted facts; nil (or nil for an
	// article) leaves its actors and quotations out.
	Facts FactsOf
	// Excerpt returns the plain-text excerpt of an article (the caller's
	// renderer knows how to strip Markdown); nil uses the first body
	// paragraph with its whitespace collapsed. It is cut to Limits.Excerpt.
	Excerpt func(a *source.Article) string
	// Aggregate returns the merged facts of a briefing (its actor registry
	// and deduplicated quotations, with the editor's overrides applied),
	// or nil. A briefing it returns non-nil for takes its actors and
	// quotations from there, leaving out what the editor hid; others
	// (and articles directly in content/) merge their articles' actors by
	// ID and their quotations by text.
	Aggregate func(b *source.Briefing) *briefing.Briefing
	// ActorURL links an actor document; nil means DefaultActorURL.
	ActorURL ActorURL
	Limits   Limits
}

// DefaultActorURL links a registry actor to its actor page
// (briefing.ActorPath) when it has one, and an article's actor to its
// entry in the actor list of the article page (id "actor-<id>"), which
// lists people, organizations and places; other actors link to the
// sentence of their first mention.
func DefaultActorURL(a ActorRef) string {
	if a.Actor != nil && a.Briefing != nil && a.HasPage {
		return briefing.ActorPath(a.Briefing, a.ID)
	}
	if a.Actor == nil {
		switch a.Kind {
		case "person", "organization", "place":
			return a.Article.RelPermalink() + "#actor-" + a.ID
		}
	}
	return SentenceURL(a)
}

// SentenceURL links an actor to the sentence of its first mention.
func SentenceURL(a ActorRef) string {
	return a.Article.RelPermalink() + "#" + doc.SentenceID(a.Sentence)
}

// Build builds the index of site: its articles in the site's order (newest
// first); the actors of each briefing, briefing by briefing, sorted by name
// and link; the quotations briefing by briefing, by date (aggregated) or in
// article and text order. It is Base followed by a Part per briefing (and
// one for the articles directly in content/), added in that order.
func Build(site *source.Site, opt Options) *Index {
	idx, aIndex := Base(site, opt)
	if opt.Facts == nil && opt.Aggregate == nil {
		return idx
	}
	for bi, b := range site.Briefings {
		if opt.Aggregate != nil {
			if x := opt.Aggregate(b); x != nil {
				idx.Add(AggregatePart(x, bi, aIndex, opt))
				continue
			}
		}
		if opt.Facts != nil {
			idx.Add(FactsPart(b, bi, b.Articles, aIndex, opt.Facts, opt))
		}
	}
	if loose := Loose(site); len(loose) > 0 && opt.Facts != nil {
		idx.Add(FactsPart(nil, -1, loose, aIndex, opt.Facts, opt))
	}
	return idx
}

// Loose returns the articles of site that belong to no briefing (directly
// in content/), in the site's order.
func Loose(site *source.Site) []*source.Article {
	in := make(map[string]bool, len(site.Briefings))
	for _, b := range site.Briefings {
		in[b.Slug] = true
	}
	var loose []*source.Article
	for _, a := range site.Articles {
		if a.Briefing == "" || !in[a.Briefing] {
			loose = append(loose, a)
		}
	}
	return loose
}

// Base returns the index of site's briefings and articles, without actors
// or quotations, and each article's position in Articles (for the parts).
func Base(site *source.Site, opt Options) (*Index, map[*source.Article]int) {
	return BaseCached(site, opt, nil)
}

// A DocCache keeps the article documents a base was made of, by the
// article's Doc: an article read from the same bytes (so with the same
// excerpt), with the same title, outlet, slug, briefing and date (which a
// sidecar file or its briefing may change without touching its bytes), in
// the briefing at the same index, makes the same document. It is valid
// only for one Options (make a new one when they change).
type DocCache struct {
	docs map[*doc.Doc]cachedDoc
}

type cachedDoc struct {
	title, source, slug, briefing string
	date                          time.Time
	doc                           Article
}

func (c cachedDoc) of(a *source.Article, bi int) bool {
	return c.doc.Briefing == bi && c.title == a.Title && c.source == a.Source && c.slug == a.Slug && c.briefing == a.Briefing && c.date.Equal(a.Date)
}

// BaseCached is Base, taking the documents of the articles whose Doc c
// holds from c (articles without a Doc are made again), and keeping in c
// the documents of this site's articles only. A nil c is Base.
func BaseCached(site *source.Site, opt Options, c *DocCache) (*Index, map[*source.Article]int) {
	lim := opt.Limits.withDefaults()
	excerpt := opt.Excerpt
	if excerpt == nil {
		excerpt = leadParagraph
	}
	idx := &Index{
		Version:   Version,
		Briefings: make([]Briefing, 0, len(site.Briefings)),
		Articles:  make([]Article, 0, len(site.Articles)),
		Actors:    []Actor{},
		Quotes:    []Quote{},
	}
	bIndex := make(map[string]int, len(site.Briefings))
	for i, b := range site.Briefings {
		bIndex[b.Slug] = i
		t := b.Title
		if t == "" {
			t = b.Slug
		}
		idx.Briefings = append(idx.Briefings, Briefing{Slug: b.Slug, Title: clip(t, lim.Title)})
	}
	var next map[*doc.Doc]cachedDoc
	if c != nil {
		next = make(map[*doc.Doc]cachedDoc, len(site.Articles))
	}
	aIndex := make(map[*source.Article]int, len(site.Articles))
	for _, a := range site.Articles {
		aIndex[a] = len(idx.Articles)
		bi, ok := bIndex[a.Briefing]
		if !ok || a.Briefing == "" {
			bi = -1
		}
		if c != nil && a.Doc != nil {
			if d, ok := c.docs[a.Doc]; ok && d.of(a, bi) {
				next[a.Doc] = d
				idx.Articles = append(idx.Articles, d.doc)
				continue
			}
		}
		d := Article{
			Title:    clip(a.Title, lim.Title),
			Outlet:   clip(a.Source, lim.Name),
			Briefing: bi,
			URL:      a.RelPermalink(),
		}
		if d.Title == "" {
			d.Title = a.Slug
		}
		if !a.Date.IsZero() {
			d.Date = a.Date.Format("2006-01-02")
		}
		if a.Doc != nil {
			d.Excerpt = clip(excerpt(a), lim.Excerpt)
			if c != nil {
				next[a.Doc] = cachedDoc{title: a.Title, source: a.Source, slug: a.Slug, briefing: a.Briefing, date: a.Date, doc: d}
			}
		}
		idx.Articles = append(idx.Articles, d)
	}
	if c != nil {
		c.docs = next
	}
	return idx, aIndex
}

// Part is what one briefing, or the articles directly in content/, adds
// to an index: its actor and quotation documents. Parts of different
// briefings may be made concurrently (each needs only its own facts) and
// added in the site's briefing order.
type Part struct {
	Actors []Actor
	Quotes []Quote
}

// Add appends a part's actors and quotations.
func (idx *Index) Add(p Part) {
	idx.Actors = append(idx.Actors, p.Actors...)
	idx.Quotes = append(idx.Quotes, p.Quotes...)
	if idx.enc != nil {
		idx.enc.parts = append(idx.enc.parts, p)
	}
}

func (opt Options) actorURL() ActorURL {
	if opt.ActorURL == nil {
		return DefaultActorURL
	}
	return opt.ActorURL
}

// AggregatePart is the part of the aggregated briefing x, the bi-th of the
// site: its visible actors and quotations. articles is Base's map.
func AggregatePart(x *briefing.Briefing, bi int, articles map[*source.Article]int, opt Options) Part {
	var p Index
	p.addAggregate(x, bi, articles, opt.actorURL(), opt.Limits.withDefaults())
	return Part{Actors: p.Actors, Quotes: p.Quotes}
}

// FactsPart is the part of a briefing's articles merged from their facts
// (actors by ID, quotations by text): b is the bi-th briefing of the site,
// or nil and -1 for the articles directly in content/. articles is Base's
// map.
func FactsPart(b *source.Briefing, bi int, arts []*source.Article, articles map[*source.Article]int, facts FactsOf, opt Options) Part {
	var p Index
	p.addBriefing(b, bi, arts, articles, facts, opt.actorURL(), opt.Limits.withDefaults())
	return Part{Actors: p.Actors, Quotes: p.Quotes}
}

// addAggregate adds the visible actors and quotations of an aggregated
// briefing: actors by name, quotations in the briefing's order (by date),
// each linked to the sentence of its first source.
func (idx *Index) addAggregate(x *briefing.Briefing, bi int, aIndex map[*source.Article]int, actorURL ActorURL, lim Limits) {
	start := len(idx.Actors)
	for _, a := range x.Actors {
		if a.Hidden || strings.TrimSpace(a.Name) == "" {
			continue
		}
		ref := ActorRef{Briefing: x.Briefing, Actor: a, Article: a.First.Article, ID: a.ID, Name: a.Name, Kind: a.Kind, Sentence: a.First.Sentence, HasPage: x.HasPage(a)}
		if ref.Article == nil && len(a.Articles) > 0 {
			ref.Article = a.Articles[0]
		}
		if ref.Article == nil {
			continue
		}
		d := Actor{Name: clip(a.Name, lim.Name), Kind: a.Kind, Briefing: bi, URL: actorURL(ref)}
		if n := len(a.Articles); n > 1 {
			d.Articles = n
		}
		seen := map[string]bool{strings.ToLower(d.Name): true}
		for _, al := range a.Aliases {
			al = clip(al, lim.Name)
			if k := strings.ToLower(al); al != "" && !seen[k] && len(d.Aliases) < lim.Aliases {
				seen[k] = true
				d.Aliases = append(d.Aliases, al)
			}
		}
		seen = map[string]bool{}
		if r := a.Role(); r != "" { // the editor's or the newest role first
			seen[strings.ToLower(clip(r, lim.Role))] = true
			d.Roles = append(d.Roles, clip(r, lim.Role))
		}
		for i := len(a.Roles) - 1; i >= 0 && len(d.Roles) < lim.Roles; i-- {
			t := clip(a.Roles[i].Text, lim.Role)
			if k := strings.ToLower(t); t != "" && !seen[k] {
				seen[k] = true
				d.Roles = append(d.Roles, t)
			}
		}
		idx.Actors = append(idx.Actors, d)
	}
	slices.SortStableFunc(idx.Actors[start:], func(x, y Actor) int {
		if c := cmp.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return cmp.Compare(x.URL, y.URL)
	})
	perArticle := map[int]int{}
	for _, q := range x.Quotes {
		if q.Hidden || len(q.Sources) == 0 || q.Sources[0].Article == nil || (q.Speaker != nil && q.Speaker.Hidden) {
			continue // hidden by the editor (the aggregate leaves hidden speakers unnamed; this is a second guard)
		}
		src := q.Sources[0]
		ai, ok := aIndex[src.Article]
		if !ok || perArticle[ai] >= lim.QuotesPer {
			continue
		}
		text := strings.TrimRight(clip(q.Display(), lim.Quote), ",;: ")
		if len(text) < lim.MinQuoteLen {
			continue
		}
		perArticle[ai]++
		d := Quote{Text: text, Article: ai, Anchor: src.Anchor()}
		if q.Speaker != nil {
			d.Speaker = clip(q.Speaker.Name, lim.Name)
		}
		if n := len(q.Sources); n > 1 {
			d.Sources = n
		}
		idx.Quotes = append(idx.Quotes, d)
	}
}

// addBriefing adds the merged actors and the quotations of one briefing's
// articles (newest first).
func (idx *Index) addBriefing(b *source.Briefing, bi int, arts []*source.Article, aIndex map[*source.Article]int, factsOf FactsOf, actorURL ActorURL, lim Limits) {
	type merged struct {
		doc     Actor
		aliases map[string]bool
		roles   map[string]bool
	}
	actors := map[string]*merged{}
	// The same words quoted by several articles are one document: keyed by
	// their lower-cased text, or text and speaker when two articles name
	// different speakers. lastIn is the last article counted as a source.
	quotes := map[string]int{}
	lastIn := map[int]int{}
	qstart := len(idx.Quotes)
	for _, a := range arts {
		if a.Doc == nil {
			continue
		}
		f := factsOf(a)
		if f == nil {
			continue
		}
		for i := range f.Actors {
			fa := &f.Actors[i]
			if fa.ID == "" || strings.TrimSpace(fa.Name) == "" {
				continue
			}
			m := actors[fa.ID]
			if m == nil {
				ref := ActorRef{Briefing: b, Article: a, ID: fa.ID, Name: fa.Name, Kind: fa.Kind.String()}
				if len(fa.Mentions) > 0 {
					ref.Sentence = doc.SentenceAt(f.Sentences, fa.Mentions[0].Start)
				}
				m = &merged{
					doc:     Actor{Name: clip(fa.Name, lim.Name), Kind: ref.Kind, Briefing: bi, URL: actorURL(ref)},
					aliases: map[string]bool{}, roles: map[string]bool{},
				}
				m.aliases[strings.ToLower(m.doc.Name)] = true
				actors[fa.ID] = m
			}
			m.doc.Articles++
			for _, al := range fa.Aliases {
				al = clip(al, lim.Name)
				if k := strings.ToLower(al); al != "" && !m.aliases[k] && len(m.doc.Aliases) < lim.Aliases {
					m.aliases[k] = true
					m.doc.Aliases = append(m.doc.Aliases, al)
				}
			}
			for _, r := range fa.Roles {
				t := clip(r.Text, lim.Role)
				if k := strings.ToLower(t); t != "" && !m.roles[k] && len(m.doc.Roles) < lim.Roles {
					m.roles[k] = true
					m.doc.Roles = append(m.doc.Roles, t)
				}
			}
		}
		names := make(map[string]string, len(f.Actors))
		for i := range f.Actors {
			names[f.Actors[i].ID] = f.Actors[i].Name
		}
		n := 0
		for _, q := range f.Quotes {
			if n >= lim.QuotesPer {
				break
			}
			text := strings.TrimRight(clip(a.Doc.Slice(q.Span), lim.Quote), ",;: ")
			if len(text) < lim.MinQuoteLen {
				continue
			}
			speaker := clip(names[q.Speaker], lim.Name)
			ai := aIndex[a]
			key := strings.ToLower(text)
			i, ok := quotes[key]
			if ok && speaker != "" && idx.Quotes[i].Speaker != "" && idx.Quotes[i].Speaker != speaker {
				key += "\x00" + speaker
				i, ok = quotes[key]
			}
			if ok {
				if idx.Quotes[i].Speaker == "" {
					idx.Quotes[i].Speaker = speaker
				}
				if lastIn[i] != ai {
					lastIn[i] = ai
					idx.Quotes[i].Sources++
				}
				continue
			}
			lastIn[len(idx.Quotes)] = ai
			n++
			sent := q.Sentence
			if sent < 0 || sent >= len(f.Sentences) {
				sent = doc.SentenceAt(f.Sentences, q.Span.Start)
			}
			quotes[key] = len(idx.Quotes)
			idx.Quotes = append(idx.Quotes, Quote{Text: text, Speaker: speaker, Article: ai, Anchor: doc.SentenceID(sent), Sources: 1})
		}
	}
	start := len(idx.Actors)
	for _, m := range actors {
		if m.doc.Articles == 1 {
			m.doc.Articles = 0 // omitted: the usual case
		}
		idx.Actors = append(idx.Actors, m.doc)
	}
	slices.SortFunc(idx.Actors[start:], func(x, y Actor) int {
		if c := cmp.Compare(x.Name, y.Name); c != 0 {
			return c
		}
		return cmp.Compare(x.URL, y.URL)
	})
	for i := qstart; i < len(idx.Quotes); i++ {
		if idx.Quotes[i].Sources == 1 {
			idx.Quotes[i].Sources = 0 // omitted: the usual case
		}
	}
}

// JSON returns the index as compact JSON.
func (idx *Index) JSON() ([]byte, error) {
	if e := idx.enc; e != nil && e.fits(idx) {
		return e.json(idx)
	}
	return json.Marshal(idx)
}

// A JSONCache keeps the encoded pieces of the last index JSON made through
// it, so that the next one, mostly the same (a preview server's rebuild),
// is encoded only where it differs: each article document by its value,
// and each part's actors and quotations by the part's slices (a part made
// again, or changed, has new ones; parts must not be changed in place).
// The bytes are json.Marshal's.
type JSONCache struct {
	articles map[Article][]byte
	parts    map[partKey][]byte
}

// partKey names a part's actors or quotations by their array.
type partKey struct {
	actor *Actor
	quote *Quote
	n     int
}

// encoding is an index's use of a JSONCache: the parts added since.
type encoding struct {
	c     *JSONCache
	parts []Part
}

// UseCache makes JSON encode through c, with the parts added from now on
// (call it before the first Add, on an index without actors or
// quotations). One JSONCache serves one index at a time.
func (idx *Index) UseCache(c *JSONCache) {
	idx.enc = &encoding{c: c}
}

// fits reports whether the index's actors and quotations are the parts'.
func (e *encoding) fits(idx *Index) bool {
	if idx.Briefings == nil || idx.Articles == nil || idx.Actors == nil || idx.Quotes == nil {
		return false // json.Marshal writes null
	}
	na, nq := 0, 0
	for _, p := range e.parts {
		na, nq = na+len(p.Actors), nq+len(p.Quotes)
	}
	return na == len(idx.Actors) && nq == len(idx.Quotes)
}

func (e *encoding) json(idx *Index) ([]byte, error) {
	c := e.c
	articles := make(map[Article][]byte, len(idx.Articles))
	parts := make(map[partKey][]byte, 2*len(e.parts))
	piece := func(k partKey, encode func() ([]byte, error)) ([]byte, error) {
		if b, ok := c.parts[k]; ok {
			parts[k] = b
			return b, nil
		}
		b, err := encode()
		if err != nil {
			return nil, err
		}
		parts[k] = b
		return b, nil
	}
	brief, err := json.Marshal(idx.Briefings)
	if err != nil {
		return nil, err
	}
	var size int
	for _, b := range c.articles {
		size += len(b) + 1
	}
	for _, b := range c.parts {
		size += len(b) + 1
	}
	out := make([]byte, 0, size+len(brief)+64)
	out = append(out, `{"v":`...)
	out = strconv.AppendInt(out, int64(idx.Version), 10)
	out = append(out, `,"briefings":`...)
	out = append(out, brief...)
	out = append(out, `,"articles":[`...)
	for i, a := range idx.Articles {
		b, ok := c.articles[a]
		if !ok {
			if b, err = json.Marshal(a); err != nil {
				return nil, err
			}
		}
		articles[a] = b
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, b...)
	}
	list := func(key func(p Part) partKey, encode func(p Part) ([]byte, error)) error {
		first := true
		for _, p := range e.parts {
			k := key(p)
			if k.n == 0 {
				continue
			}
			b, err := piece(k, func() ([]byte, error) { return encode(p) })
			if err != nil {
				return err
			}
			if !first {
				out = append(out, ',')
			}
			first = false
			out = append(out, b...)
		}
		return nil
	}
	// A list's elements, comma-separated, without the brackets.
	inner := func(b []byte, err error) ([]byte, error) {
		if err != nil {
			return nil, err
		}
		return b[1 : len(b)-1], nil
	}
	out = append(out, `],"actors":[`...)
	err = list(func(p Part) partKey {
		if len(p.Actors) == 0 {
			return partKey{}
		}
		return partKey{actor: &p.Actors[0], n: len(p.Actors)}
	}, func(p Part) ([]byte, error) { return inner(json.Marshal(p.Actors)) })
	if err != nil {
		return nil, err
	}
	out = append(out, `],"quotes":[`...)
	err = list(func(p Part) partKey {
		if len(p.Quotes) == 0 {
			return partKey{}
		}
		return partKey{quote: &p.Quotes[0], n: len(p.Quotes)}
	}, func(p Part) ([]byte, error) { return inner(json.Marshal(p.Quotes)) })
	if err != nil {
		return nil, err
	}
	out = append(out, "]}"...)
	c.articles, c.parts = articles, parts
	return out, nil
}

// leadParagraph is the default excerpt: the first body paragraph that is
// not the title.
func leadParagraph(a *source.Article) string {
	d := a.Doc
	for _, p := range d.Paragraphs {
		if p.Start < a.Body.Start || (d.Title.Len() > 0 && p.Span.Overlaps(d.Title)) {
			continue
		}
		if t := d.Slice(p.Span); strings.TrimSpace(t) != "" {
			return t
		}
	}
	return ""
}

// clip collapses the white space of s (and drops control characters) and
// cuts it to at most max bytes at a word boundary when one is near, else at
// a rune boundary, adding an ellipsis when cut. Invalid UTF-8 is kept for
// encoding/json to replace.
func clip(s string, max int) string {
	if !needsClean(s) && len(s) <= max {
		// A copy: names and quotations are often substrings of a whole
		// article's text, which the index would otherwise keep alive.
		return strings.Clone(s)
	}
	var b strings.Builder
	b.Grow(min(len(s), max+8))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = b.Len() > 0
			continue
		}
		if unicode.IsControl(r) {
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
		if b.Len() > max {
			break
		}
	}
	t := b.String()
	if len(t) <= max {
		return t
	}
	const ellipsis = "…"
	cut := max - len(ellipsis)
	if cut <= 0 {
		return ""
	}
	for cut > 0 && !utf8.RuneStart(t[cut]) {
		cut--
	}
	if sp := strings.LastIndexByte(t[:cut], ' '); sp > cut*2/3 {
		cut = sp
	}
	return strings.TrimRight(t[:cut], " ,;:-") + ellipsis
}

// needsClean reports whether s may need cleaning: white space other than
// single spaces between words, control characters, or non-ASCII runes
// (no-break spaces, line separators, invalid UTF-8).
func needsClean(s string) bool {
	if s == "" {
		return false
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return true
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || (c == ' ' && s[i-1] == ' ') {
			return true
		}
	}
	return false
}
