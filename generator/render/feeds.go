package render

import (
	"bytes"
	"encoding/xml"
	"sort"
	"time"

	"briefgen/generator/source"
)

// Atom feed structure (RFC 4287).
type atomFeed struct {
	XMLName   xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Lang      string      `xml:"xml:lang,attr,omitempty"`
	Title     string      `xml:"title"`
	Subtitle  string      `xml:"subtitle,omitempty"`
	ID        string      `xml:"id"`
	Links     []atomLink  `xml:"link"`
	Updated   string      `xml:"updated"`
	Author    atomPerson  `xml:"author"`
	Generator string      `xml:"generator"`
	Entries   []atomEntry `xml:"entry"`
}

type atomLink struct {
	Href string `xml:"href,attr"`
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
}

type atomPerson struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title      string         `xml:"title"`
	ID         string         `xml:"id"`
	Link       atomLink       `xml:"link"`
	Published  string         `xml:"published,omitempty"`
	Updated    string         `xml:"updated"`
	Author     *atomPerson    `xml:"author,omitempty"`
	Categories []atomCategory `xml:"category"`
	Summary    string         `xml:"summary,omitempty"`
}

type atomCategory struct {
	Term string `xml:"term,attr"`
}

// FeedPath returns the site path of a briefing's feed, or of the site's
// feed when b is nil: "/feed.xml", "/<briefing>/feed.xml".
func FeedPath(b *source.Briefing) string {
	if b == nil {
		return "/feed.xml"
	}
	return b.RelPermalink() + "feed.xml"
}

// Feed renders the Atom feed of a briefing, or of the whole site when b is
// nil: the newest articles (Options.Latest, default 50), newest first. The
// feed's updated time is the newest article's date, never the build time.
func (r *Renderer) Feed(b *source.Briefing) []byte {
	n := r.opt.Latest
	if n <= 0 {
		n = 50
	}
	arts, title, home := r.site.Articles, r.info.Title, "/"
	if b != nil {
		arts, title, home = b.Articles, briefingTitle(b)+" — "+r.info.Title, b.RelPermalink()
	}
	updated := time.Time{}
	for _, a := range arts {
		if a.Date.After(updated) {
			updated = a.Date
		}
	}
	if b != nil && b.Date.After(updated) {
		updated = b.Date
	}
	f := atomFeed{
		Lang:  r.info.Language,
		Title: title,
		ID:    r.urls.Abs(home),
		Links: []atomLink{
			{Href: r.urls.Abs(FeedPath(b)), Rel: "self", Type: "application/atom+xml"},
			{Href: r.urls.Abs(home), Rel: "alternate", Type: "text/html"},
		},
		Updated:   atomTime(updated),
		Author:    atomPerson{Name: r.info.Title},
		Generator: "briefgen",
	}
	if b != nil {
		f.Subtitle = b.Summary
	} else {
		f.Subtitle = r.info.Description
	}
	for _, a := range first(arts, n) {
		e := atomEntry{
			Title:   a.Title,
			ID:      r.urls.Abs(a.RelPermalink()),
			Link:    atomLink{Href: r.urls.Abs(a.RelPermalink()), Rel: "alternate", Type: "text/html"},
			Updated: atomTime(updated),
			Summary: Excerpt(a, 300),
		}
		if !a.Date.IsZero() {
			e.Published = atomTime(a.Date)
			e.Updated = e.Published
		}
		switch {
		case a.Author != "":
			e.Author = &atomPerson{Name: a.Author}
		case a.Source != "":
			e.Author = &atomPerson{Name: a.Source}
		}
		for _, t := range a.Tags {
			e.Categories = append(e.Categories, atomCategory{Term: t})
		}
		f.Entries = append(f.Entries, e)
	}
	return marshalXML(f)
}

func atomTime(t time.Time) string {
	if t.IsZero() {
		t = time.Unix(0, 0)
	}
	return t.UTC().Format(time.RFC3339)
}

type urlset struct {
	XMLName xml.Name     `xml:"http://www.sitemaps.org/schemas/sitemap/0.9 urlset"`
	URLs    []sitemapURL `xml:"url"`
}

type sitemapURL struct {
	Loc     string `xml:"loc"`
	LastMod string `xml:"lastmod,omitempty"`
}

// Sitemap renders sitemap.xml: the home page, every briefing and every
// article, sorted by URL, with the content's date as lastmod.
func (r *Renderer) Sitemap() []byte {
	var us []sitemapURL
	add := func(p string, t time.Time) {
		u := sitemapURL{Loc: r.urls.Abs(p)}
		if !t.IsZero() {
			u.LastMod = t.Format("2006-01-02")
		}
		us = append(us, u)
	}
	add("/", r.info.Updated)
	for _, b := range r.site.Briefings {
		add(b.RelPermalink(), briefingCard(b).Updated)
	}
	for _, a := range r.site.Articles {
		add(a.RelPermalink(), a.Date)
	}
	sort.Slice(us, func(i, j int) bool { return us[i].Loc < us[j].Loc })
	return marshalXML(urlset{URLs: us})
}

// Robots renders robots.txt, allowing everything and naming the sitemap.
func (r *Renderer) Robots() []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + r.urls.Abs("/sitemap.xml") + "\n")
}

func marshalXML(v any) []byte {
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	enc := xml.NewEncoder(&buf)
	enc.Indent("", "  ")
	if err := enc.Encode(v); err != nil {
		// The structures above always encode; a failure is a programming error.
		panic(err)
	}
	buf.WriteByte('\n')
	return buf.Bytes()
}
