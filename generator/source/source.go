// Package source loads a site's sources through an afero.Fs: the site
// config, the briefings (folders under content/ with an optional _index.md)
// and their articles (.md files with YAML or TOML front matter, or .txt
// files whose first line is the title).
//
// Load checks everything that would make a bad site — front matter that
// does not parse, dates that are not dates, invalid UTF-8, oversized files,
// slugs that escape the output folder, two articles at one URL — and
// reports each as an *Error naming the file and line. It skips hidden
// files, editor temporary files and binary files.
package source

import (
	"time"

	"briefgen/generator/config"
	"briefgen/generator/doc"
)

// Format is the source format of an article.
type Format uint8

const (
	Markdown Format = iota // .md: front matter, then a Markdown body
	Text                   // .txt: first non-empty line is the title, then plain paragraphs
)

func (f Format) String() string {
	if f == Text {
		return "text"
	}
	return "markdown"
}

// Error is a problem in a source file: Error() is "file:line: msg", or
// "file: msg" when there is no line. It is the same type as config.Error.
type Error = config.Error

// DefaultMaxFileSize is the size limit of a source file when
// Options.MaxFileSize is zero.
const DefaultMaxFileSize = 8 << 20

// Article is one source article.
type Article struct {
	Path     string // slash path relative to the site root, e.g. "content/nk/a.md"
	Briefing string // slug of its briefing folder; "" for articles directly in content/
	Slug     string // from front matter `slug` or the file name; URL-safe
	Title    string
	Source   string // the outlet
	URL      string // the original address
	Author   string
	Date     time.Time // publication date; zero if unknown
	Tags     []string
	Draft    bool
	Format   Format
	Body     doc.Span // where the body (after front matter, or after a .txt title) lies in Doc.Text
	BodyLine int      // 1-based line number of Body.Start in the file
	Doc      *doc.Doc // Text = whole file as read; Paragraphs of the body; Published = Date

	// Params holds the front matter's other keys, as decoded.
	Params map[string]any
	// Warnings are problems that do not stop a build ("no title").
	Warnings []string

	slugSet bool // Slug came from front matter
}

// RelPermalink returns the article's URL path relative to the site's base:
// "/<briefing>/<slug>/" or "/<slug>/".
func (a *Article) RelPermalink() string {
	if a.Briefing == "" {
		return "/" + a.Slug + "/"
	}
	return "/" + a.Briefing + "/" + a.Slug + "/"
}

// BodyText returns the body's bytes (a slice of Doc.Text).
func (a *Article) BodyText() []byte {
	return a.Doc.Text[a.Body.Start:a.Body.End]
}

// Briefing is a folder of articles under content/.
type Briefing struct {
	Slug, Title, Summary string
	Date                 time.Time
	Path                 string         // "content/<folder>/_index.md", or "" when absent
	Body                 []byte         // Markdown body of _index.md
	Params               map[string]any // the rest of _index.md's front matter
	Articles             []*Article     // newest first, ties by Path

	dir string // slash path of its folder, "content/<folder>"
}

// RelPermalink returns "/<slug>/".
func (b *Briefing) RelPermalink() string { return "/" + b.Slug + "/" }

// Site is everything Load read.
type Site struct {
	Root      string
	Config    config.Config
	Briefings []*Briefing // sorted by Slug
	Articles  []*Article  // all, newest first, ties by Path (root articles included)
	// Home is content/_index.md (Slug ""), or nil when absent.
	Home *Briefing
	// Warnings are problems that do not stop a build, one per line,
	// each starting with the file's path.
	Warnings []string
	// Skipped lists files passed over on purpose (hidden, editor
	// temporary, binary), for --verbose.
	Skipped []string
}

// Options control Load.
type Options struct {
	Drafts      bool  // include articles with draft: true
	MaxFileSize int64 // bytes; 0 means DefaultMaxFileSize
	// Reserved are names the site's generator writes at the output's root
	// ("sitemap.xml", "css"); an article or briefing whose URL would take
	// one is an error. Nil means DefaultReserved.
	Reserved []string
}

// DefaultReserved are root names Load refuses as slugs when
// Options.Reserved is nil.
// They are the files and folders the build writes at the root: pages, feeds,
// the site-wide actor, quotation and search pages, and the default theme's
// static folders.
var DefaultReserved = []string{"404.html", "index.html", "feed.xml", "sitemap.xml", "robots.txt", "css", "js", "vendor", "actors", "quotes", "search"}
