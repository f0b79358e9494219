package render

import (
	"bufio"
	"bytes"
	"html"
	"html/template"
	"io"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/yuin/goldmark/parser"

	"briefgen/generator/briefing"
	"briefgen/generator/doc"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// SiteInfo is the site-wide data every page carries as .Site.
type SiteInfo struct {
	Title       string
	Language    string
	Description string         // config param "description", or ""
	BaseURL     string         // normalized base URL
	Params      map[string]any // the config's other settings
	Briefings   []*source.Briefing
	// Updated is the newest publication date of any article (zero if none);
	// feeds use it instead of the build time so output is reproducible.
	Updated time.Time
}

// Page is what every page kind has in common. Templates reach it through
// the embedding page struct (.Title, .RelPermalink, .Site ...).
type Page struct {
	Kind         string // "home", "briefing", "article", "404", ...
	Title        string // the page's own title (the site title on the home page)
	Description  string // plain text for <meta name="description">
	RelPermalink string // site path, "/nk/a/"; pass through relURL or absURL in templates
	Feed         string // site path of the Atom feed to advertise, or ""
	Site         *SiteInfo
}

// HomePage is the data of templates/home.html.
type HomePage struct {
	Page
	Intro     template.HTML // body of content/_index.md, if any
	Briefings []BriefingCard
	Latest    []*source.Article // newest articles of the whole site
}

// BriefingCard summarizes a briefing in a list.
type BriefingCard struct {
	Briefing *source.Briefing
	Count    int
	Updated  time.Time         // newest article date, or the briefing's date
	Latest   []*source.Article // its three newest articles
}

// BriefingPage is the data of templates/briefing.html.
type BriefingPage struct {
	Page
	Briefing *source.Briefing
	Summary  template.HTML // the rendered Markdown body of _index.md
	Articles []*source.Article
	Sources  []string // distinct outlets, sorted
	Updated  time.Time
	// Timeline is the briefing's timeline, nil when extraction did not
	// run; TimelineURL is the site path of its page ("" when none).
	Timeline    *timeline.Timeline
	TimelineURL string
	// Brief is the briefing's Markdown brief rendered to HTML (without its
	// title), "" when there is none; BriefURL is the site path of brief.md.
	Brief    template.HTML
	BriefURL string
}

// TimelinePage is the data of templates/timeline.html.
type TimelinePage struct {
	Page
	Briefing *source.Briefing
	Timeline *timeline.Timeline
	JSONURL  string // site path of the briefing's timeline.json
	// Groups are .Timeline.Groups with labels, links and names
	// ready-made, for the default theme (which would otherwise call a
	// function for each).
	Groups []TimelineGroup
}

// TimelineGroup is a timeline.Group of the timeline page: Label is its
// .Label.
type TimelineGroup struct {
	Venue, Label string
	Days         []TimelineDay
}

// TimelineDay is a timeline.Day of the timeline page: Label is its .Label.
type TimelineDay struct {
	Label   string
	Entries []TimelineEntry
}

// TimelineEntry is a timeline entry of the timeline page.
type TimelineEntry struct {
	Entry    *timeline.Entry
	Summary  string
	Flags    []string
	Actors   []TimelineActor
	Evidence []TimelineEvidence
}

// TimelineActor is an actor taking part in an entry; Kind is "person",
// "organization", "place" or "other".
type TimelineActor struct {
	Name, Kind string
}

// TimelineEvidence is a source sentence of an entry: Href links to it on
// its article page (relURL applied, with its anchor); Outlet and Title are
// its article's.
type TimelineEvidence struct {
	Evidence            timeline.Evidence
	Href, Outlet, Title string
	Text                string
	Caption             bool
}

// timelineGroups makes the Groups of a timeline page.
func (r *Renderer) timelineGroups(tl *timeline.Timeline) []TimelineGroup {
	out := make([]TimelineGroup, len(tl.Groups))
	for i, g := range tl.Groups {
		tg := TimelineGroup{Venue: g.Venue, Days: make([]TimelineDay, len(g.Days))}
		if len(g.Days) > 0 {
			tg.Label = g.Label()
		}
		for j, d := range g.Days {
			td := TimelineDay{Label: d.Label(), Entries: make([]TimelineEntry, len(d.Entries))}
			for k, e := range d.Entries {
				te := TimelineEntry{Entry: e, Summary: e.Summary, Flags: e.Flags}
				if len(e.Actors) > 0 {
					te.Actors = make([]TimelineActor, len(e.Actors))
					for n, a := range e.Actors {
						te.Actors[n] = TimelineActor{Name: a.Name, Kind: a.Kind.String()}
					}
				}
				te.Evidence = make([]TimelineEvidence, len(e.Evidence))
				for n, ev := range e.Evidence {
					te.Evidence[n] = TimelineEvidence{
						Evidence: ev, Href: r.urls.Rel(ev.Article.URL) + "#" + ev.Anchor(),
						Outlet: ev.Article.Outlet, Title: ev.Article.Title, Text: ev.Text, Caption: ev.Caption,
					}
				}
				td.Entries[k] = te
			}
			tg.Days[j] = td
		}
		out[i] = tg
	}
	return out
}

// ArticlePage is the data of templates/article.html. Extraction adds to it
// through Facts; new fields may be added.
type ArticlePage struct {
	Page
	Article  *source.Article
	Briefing *source.Briefing // nil for an article directly in content/
	Body     template.HTML    // the article's body, captions as <figure class="caption">
	Captions []string         // plain text of the photo captions, in order
	Words    int              // words in the body
	Minutes  int              // reading time at 230 words a minute, at least 1
	Newer    *source.Article  // the next newer article of the same briefing, or nil
	Older    *source.Article  // the next older one, or nil
	Facts    *Facts           // nil when nothing was extracted

	// Ready-made for the default theme, which would otherwise compute
	// them through a function call each: links (relURL applied) to the
	// briefing, the newer and the older article; the briefing's title;
	// the publication date as "2024-11-22" and "November 22, 2024" (""
	// when the article has none).
	BriefingHref, NewerHref, OlderHref string
	BriefingTitle                      string
	ISODate, LongDate                  string
	// FactGroups are the actors of .Facts.Data, when it is a
	// *briefing.ArticleFacts, by kind (people, organizations, places),
	// empty kinds left out.
	FactGroups []FactGroup
}

// FactGroup is one kind of actor on an article page.
type FactGroup struct {
	Title  string // "People", "Organizations", "Places"
	Actors []FactActor
}

// FactActor is an actor as an article page lists it, with its profile
// link (relURL of .Page, "" when none), its aliases joined with ", " and
// its quotation count ("2 quotations", "" when none) ready-made.
type FactActor struct {
	*briefing.ArticleActor
	ID, Name, Anchor                     string                 // as in ArticleActor (see views.go on repeated fields)
	Roles                                []briefing.ArticleRole // as in ArticleActor
	ProfileHref, AliasesText, QuotesText string
}

// Facts is what extraction contributes to an article page. Both hooks are
// optional; with the annotate package they are
//
//	marks := ...; annotate.Sort(marks)
//	&Facts{
//		Markdown: func(base int) parser.Context { return annotate.NewContext(base, marks) },
//		Plain:    annotate.NewPlain(a.Doc.Text, marks).Write,
//		Data:     view,
//	}
//
// with the Renderer's Markdown built by NewMarkdown(annotate.Extension).
type Facts struct {
	// Markdown returns the goldmark parser context for converting a
	// Markdown body whose first byte is at file offset base (it carries
	// the marks: sentence anchors id="s-<n>", quotations, mentions).
	Markdown func(base int) parser.Context
	// Plain writes the paragraph text[span] of a plain-text article, with
	// its marks, HTML-escaped; nil writes it escaped and unmarked.
	Plain func(w io.Writer, span doc.Span)
	// Data is handed to the template as .Facts.Data (actors with roles,
	// quotes with speakers ...).
	Data any
}

// NotFoundPage is the data of templates/404.html.
type NotFoundPage struct {
	Page
	Briefings []*source.Briefing
}

func (r *Renderer) siteInfo() *SiteInfo {
	c := r.site.Config
	si := &SiteInfo{
		Title:     c.Title,
		Language:  c.Language,
		BaseURL:   r.urls.Base,
		Params:    c.Params,
		Briefings: r.site.Briefings,
	}
	if si.Title == "" {
		si.Title = "briefgen"
	}
	if si.Language == "" {
		si.Language = "en"
	}
	if d, ok := c.Params["description"].(string); ok {
		si.Description = d
	}
	for _, a := range r.site.Articles {
		if a.Date.After(si.Updated) {
			si.Updated = a.Date
		}
	}
	r.updated = si.Updated
	return si
}

func (r *Renderer) page(kind, title, rel string) Page {
	return Page{Kind: kind, Title: title, RelPermalink: rel, Site: r.info, Description: r.info.Description}
}

// Home renders the home page.
func (r *Renderer) Home() ([]byte, error) {
	latest := r.opt.Latest
	if latest <= 0 {
		latest = 20
	}
	p := HomePage{Page: r.page("home", r.info.Title, "/")}
	p.Feed = "/feed.xml"
	if h := r.site.Home; h != nil {
		if len(bytes.TrimSpace(h.Body)) > 0 {
			body, err := Markdown(r.md, h.Body)
			if err != nil {
				return nil, err
			}
			p.Intro = body
		}
		if h.Summary != "" {
			p.Description = h.Summary
		}
	}
	for _, b := range r.site.Briefings {
		p.Briefings = append(p.Briefings, briefingCard(b))
	}
	p.Latest = first(r.site.Articles, latest)
	return r.Execute("home", p)
}

func briefingCard(b *source.Briefing) BriefingCard {
	c := BriefingCard{Briefing: b, Count: len(b.Articles), Updated: b.Date, Latest: first(b.Articles, 3)}
	if len(b.Articles) > 0 && b.Articles[0].Date.After(c.Updated) {
		c.Updated = b.Articles[0].Date
	}
	return c
}

func first(as []*source.Article, n int) []*source.Article {
	if len(as) > n {
		return as[:n]
	}
	return as
}

// Briefing renders a briefing's page.
func (r *Renderer) Briefing(b *source.Briefing) ([]byte, error) {
	var tl *timeline.Timeline
	if r.opt.Timeline != nil {
		tl = r.opt.Timeline(b)
	}
	var brief []byte
	if r.opt.Brief != nil {
		brief = r.opt.Brief(b)
	}
	return r.briefingPage(b, tl, brief)
}

func (r *Renderer) briefingPage(b *source.Briefing, tl *timeline.Timeline, brief []byte) ([]byte, error) {
	p := BriefingPage{Page: r.page("briefing", briefingTitle(b), b.RelPermalink()), Briefing: b, Articles: b.Articles, Timeline: tl}
	if tl != nil && r.tmpl["timeline"] != nil {
		p.TimelineURL = TimelinePath(b)
	}
	p.Feed = b.RelPermalink() + "feed.xml"
	if b.Summary != "" {
		p.Description = b.Summary
	}
	if len(bytes.TrimSpace(b.Body)) > 0 {
		s, err := Markdown(r.md, b.Body)
		if err != nil {
			return nil, err
		}
		p.Summary = s
	}
	seen := map[string]bool{}
	for _, a := range b.Articles {
		if a.Source != "" && !seen[a.Source] {
			seen[a.Source] = true
			p.Sources = append(p.Sources, a.Source)
		}
	}
	sortStrings(p.Sources)
	p.Updated = briefingCard(b).Updated
	if err := r.addBrief(&p, brief); err != nil {
		return nil, err
	}
	return r.Execute("briefing", p)
}

// TimelinePath is the site path of a briefing's timeline page.
func TimelinePath(b *source.Briefing) string { return b.RelPermalink() + "timeline/" }

// TimelineJSONPath is the site path of a briefing's TimelineJS document.
func TimelineJSONPath(b *source.Briefing) string { return b.RelPermalink() + "timeline.json" }

// Timeline renders a briefing's timeline page.
func (r *Renderer) Timeline(b *source.Briefing, tl *timeline.Timeline) ([]byte, error) {
	p := TimelinePage{
		Page:     r.page("timeline", "Timeline: "+briefingTitle(b), TimelinePath(b)),
		Briefing: b, Timeline: tl, JSONURL: TimelineJSONPath(b),
		Groups: r.timelineGroups(tl),
	}
	p.Feed = b.RelPermalink() + "feed.xml"
	p.Description = "What happened when, by venue and by day, with the sentence each event comes from."
	return r.Execute("timeline", p)
}

// TimelineJSON renders a briefing's timeline in TimelineJS's JSON format,
// linking to article pages by absolute URL when the base URL has an origin.
func (r *Renderer) TimelineJSON(b *source.Briefing, tl *timeline.Timeline) ([]byte, error) {
	return tl.JSON(briefingTitle(b), b.Summary, r.urls.Abs)
}

func briefingTitle(b *source.Briefing) string {
	if b.Title != "" {
		return b.Title
	}
	return b.Slug
}

// Article renders an article's page; facts may be nil.
func (r *Renderer) Article(a *source.Article, facts *Facts) ([]byte, error) {
	p, err := r.ArticleData(a, facts)
	if err != nil {
		return nil, err
	}
	return r.Execute("article", p)
}

// ArticleData prepares an article page's data without executing the
// template (for callers that add to it).
func (r *Renderer) ArticleData(a *source.Article, facts *Facts) (*ArticlePage, error) {
	p := &ArticlePage{Page: r.page("article", a.Title, a.RelPermalink()), Article: a, Facts: facts}
	if a.Briefing != "" {
		p.Briefing = r.briefing(a.Briefing)
		if p.Briefing != nil {
			p.Feed = p.Briefing.RelPermalink() + "feed.xml"
			for i, x := range p.Briefing.Articles {
				if x == a {
					if i > 0 {
						p.Newer = p.Briefing.Articles[i-1]
					}
					if i+1 < len(p.Briefing.Articles) {
						p.Older = p.Briefing.Articles[i+1]
					}
					break
				}
			}
		}
	}
	if p.Feed == "" {
		p.Feed = "/feed.xml"
	}
	rel := r.urls.Rel
	if p.Briefing != nil {
		p.BriefingHref, p.BriefingTitle = rel(p.Briefing.RelPermalink()), briefingTitle(p.Briefing)
	}
	if p.Newer != nil {
		p.NewerHref = rel(p.Newer.RelPermalink())
	}
	if p.Older != nil {
		p.OlderHref = rel(p.Older.RelPermalink())
	}
	p.ISODate, p.LongDate = isoDate(a.Date), longDate(a.Date)
	if facts != nil {
		if v, ok := facts.Data.(*briefing.ArticleFacts); ok && v != nil {
			p.FactGroups = r.factGroups(v)
		}
	}
	if ex := Excerpt(a, 160); ex != "" {
		p.Description = ex
	}
	body, err := r.body(a, facts)
	if err != nil {
		return nil, err
	}
	p.Body = body
	if a.Doc != nil {
		for _, para := range a.Doc.Paragraphs {
			switch para.Kind {
			case doc.Caption:
				p.Captions = append(p.Captions, a.Doc.Slice(para.Span))
			case doc.Body:
				p.Words += countWords(a.Doc.Text[clamp(para.Start, a.Doc.Text):clamp(para.End, a.Doc.Text)])
			}
		}
	}
	p.Minutes = (p.Words + 229) / 230
	if p.Minutes < 1 {
		p.Minutes = 1
	}
	return p, nil
}

func (r *Renderer) briefing(slug string) *source.Briefing {
	bs := r.site.Briefings
	lo, hi := 0, len(bs)
	for lo < hi {
		m := (lo + hi) / 2
		if bs[m].Slug < slug {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(bs) && bs[lo].Slug == slug {
		return bs[lo]
	}
	for _, b := range bs { // not sorted after all
		if b.Slug == slug {
			return b
		}
	}
	return nil
}

// body renders an article's body: Markdown through goldmark, plain text
// paragraph by paragraph.
// bufWriters are the buffered writers body hands goldmark.
var bufWriters = sync.Pool{New: func() any { return bufio.NewWriterSize(nil, 4096) }}

func (r *Renderer) body(a *source.Article, facts *Facts) (template.HTML, error) {
	d := a.Doc
	if d == nil {
		return "", nil
	}
	start, end := clamp(a.Body.Start, d.Text), clamp(a.Body.End, d.Text)
	if start > end {
		start = end
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if a.Format == source.Markdown {
		var opts []parser.ParseOption
		if facts != nil && facts.Markdown != nil {
			if pc := facts.Markdown(start); pc != nil {
				opts = append(opts, parser.WithContext(pc))
			}
		}
		// goldmark writes through a buffered writer; a pooled one
		// spares a new 4 KB one for every article.
		bw := bufWriters.Get().(*bufio.Writer)
		bw.Reset(buf)
		err := r.md.Convert(Defuse(d.Text[start:end]), bw, opts...)
		if err == nil {
			err = bw.Flush()
		}
		bw.Reset(nil)
		bufWriters.Put(bw)
		if err != nil {
			return "", err
		}
		return template.HTML(buf.String()), nil
	}
	ids := map[string]int{}
	write := func(w io.Writer, s doc.Span) { io.WriteString(w, html.EscapeString(string(d.Text[s.Start:s.End]))) }
	if facts != nil && facts.Plain != nil {
		write = facts.Plain
	}
	for _, para := range d.Paragraphs {
		if para.Start < start || para.End > end || para.Start >= para.End {
			continue
		}
		if d.Title.Len() > 0 && para.Span.Overlaps(d.Title) {
			continue
		}
		switch para.Kind {
		case doc.Caption:
			buf.WriteString(`<figure class="caption"><figcaption>`)
			write(buf, para.Span)
			buf.WriteString("</figcaption></figure>\n")
		case doc.Heading:
			id := headingID(d.Text[para.Start:para.End], ids)
			buf.WriteString(`<h2 id="` + id + `">`)
			write(buf, para.Span)
			buf.WriteString("</h2>\n")
		default:
			buf.WriteString("<p>")
			write(buf, para.Span)
			buf.WriteString("</p>\n")
		}
	}
	return template.HTML(buf.String()), nil
}

func clamp(i int, b []byte) int {
	if i < 0 {
		return 0
	}
	if i > len(b) {
		return len(b)
	}
	return i
}

// headingID makes an ID from a heading's text the way goldmark's automatic
// IDs do (lower case, letters and digits, hyphens), unique within the page.
func headingID(text []byte, seen map[string]int) string {
	var b strings.Builder
	dash := false
	for _, r := range string(text) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		default:
			dash = true
		}
	}
	id := b.String()
	if id == "" {
		id = "heading"
	}
	n := seen[id]
	seen[id] = n + 1
	if n > 0 {
		id += "-" + itoa(n)
	}
	return template.HTMLEscapeString(id)
}

func itoa(n int) string {
	var b [20]byte
	i := len(b)
	for {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
		if n == 0 {
			break
		}
	}
	return string(b[i:])
}

func countWords(b []byte) int {
	n, in := 0, false
	for len(b) > 0 {
		if c := b[0]; c < utf8.RuneSelf { // ASCII: no decoding
			b = b[1:]
			if asciiSpace[c] {
				in = false
			} else if !in {
				in = true
				n++
			}
			continue
		}
		r, size := utf8.DecodeRune(b)
		b = b[size:]
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			n++
		}
	}
	return n
}

// asciiSpace marks the ASCII bytes unicode.IsSpace reports as space.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// Excerpt returns the plain text of an article's first body paragraph,
// cut at a word boundary to at most max bytes (with an ellipsis when cut).
// Markdown markup is stripped roughly: emphasis and code marks, link
// targets, heading marks.
func Excerpt(a *source.Article, max int) string {
	if a.Doc == nil {
		return ""
	}
	for _, p := range a.Doc.Paragraphs {
		if p.Kind != doc.Body || (a.Doc.Title.Len() > 0 && p.Span.Overlaps(a.Doc.Title)) {
			continue
		}
		t := a.Doc.Slice(p.Span)
		if a.Format == source.Markdown {
			if strings.IndexAny(t[:1], "#|>-*+<`!") == 0 || orderedItem(t) {
				continue // a heading, table, quote, list, HTML, code or image
			}
			t = stripMarkdown(t)
		}
		t = strings.Join(strings.Fields(t), " ")
		if t == "" {
			continue
		}
		return truncate(t, max)
	}
	return ""
}

func truncate(t string, max int) string {
	if len(t) <= max {
		return t
	}
	cut := strings.LastIndexByte(t[:max], ' ')
	if cut < max/2 {
		cut = max
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
	}
	return strings.TrimRight(t[:cut], " ,;:.-–—") + "…"
}

// stripMarkdown removes the inline markup a paragraph most often carries:
// [text](url) becomes text; *, _, ` and backslash escapes go.
func stripMarkdown(s string) string {
	var b strings.Builder
	// The next ")" and "]" at or after i, found once and reused, so that
	// many unclosed "](" or "[^" stay linear; -1: none left; -2: not
	// looked for yet.
	nextParen, nextBracket := -2, -2
	next := func(cache *int, i int, c byte) int {
		if *cache != -1 && *cache < i {
			if j := strings.IndexByte(s[i:], c); j >= 0 {
				*cache = i + j
			} else {
				*cache = -1
			}
		}
		return *cache
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '*', '_', '`':
			continue
		case '\\':
			if i+1 < len(s) {
				i++
				b.WriteByte(s[i])
			}
			continue
		case ']':
			if i+1 < len(s) && s[i+1] == '(' {
				if j := next(&nextParen, i, ')'); j > i {
					i = j
					continue
				}
			}
			continue
		case '[':
			if i+1 < len(s) && s[i+1] == '^' { // footnote reference [^1]
				if j := next(&nextBracket, i, ']'); j > i {
					i = j
				}
			}
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// NotFound renders 404.html. Its links are root-relative with the base
// path, so it works wherever the server shows it.
func (r *Renderer) NotFound() ([]byte, error) {
	p := NotFoundPage{Page: r.page("404", "Page not found", "/404.html"), Briefings: r.site.Briefings}
	return r.Execute("404", p)
}

// orderedItem reports whether t starts like an ordered list item ("1. ").
func orderedItem(t string) bool {
	i := 0
	for i < len(t) && i < 9 && t[i] >= '0' && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// factGroups lists an article's actors by kind for the default theme.
func (r *Renderer) factGroups(v *briefing.ArticleFacts) []FactGroup {
	var out []FactGroup
	for _, g := range [...]struct{ title, kind string }{{"People", "person"}, {"Organizations", "organization"}, {"Places", "place"}} {
		var list []FactActor
		for i := range v.Actors {
			a := &v.Actors[i]
			if a.Kind != g.kind {
				continue
			}
			fa := FactActor{ArticleActor: a, ID: a.ID, Name: a.Name, Anchor: a.Anchor, Roles: a.Roles, AliasesText: strings.Join(a.Aliases, ", ")}
			if a.Page != "" {
				fa.ProfileHref = r.urls.Rel(a.Page)
			}
			if a.Quotes != 0 {
				fa.QuotesText = plural(a.Quotes, "quotation", "quotations")
			}
			list = append(list, fa)
		}
		if len(list) > 0 {
			out = append(out, FactGroup{Title: g.title, Actors: list})
		}
	}
	return out
}
