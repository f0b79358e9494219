package render

import (
	"bytes"
	"io"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/spf13/afero"
	"github.com/yuin/goldmark/parser"

	"briefgen/generator/doc"
	"briefgen/generator/source"
)

// theme is the repository's default theme templates.
func theme() fs.FS { return os.DirFS("../../templates") }

// loadSite writes files into a MemMapFs site at /site and loads it.
func loadSite(t testing.TB, files map[string]string) *source.Site {
	t.Helper()
	afs := afero.NewMemMapFs()
	for name, body := range files {
		if err := afero.WriteFile(afs, "/site/"+name, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	site, err := source.Load(afs, "/site", source.Options{})
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return site
}

func renderSite(t testing.TB, site *source.Site, opt Options) map[string]string {
	t.Helper()
	if opt.Templates == nil {
		opt.Templates = theme()
	}
	r, err := New(site, opt)
	if err != nil {
		t.Fatal(err)
	}
	files, err := r.Site(nil)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range files {
		out[f.Path] = string(f.Data)
	}
	return out
}

// exampleSite is a small site in two briefings plus a root article, in
// both formats, written for these tests.
var exampleSite = map[string]string{
	"site.yaml":                "title: Test Briefings\nbaseURL: https://example.org/\n",
	"content/harbor/_index.md": "---\ntitle: Harbor strike\nsummary: Dock workers walk out.\n---\nThe port has been **closed** since Monday.\n",
	"content/harbor/walkout.md": `---
title: Dock workers walk out over pay
date: 2025-03-04
source: Coastal Herald
author: A. Writer
url: https://news.example.com/walkout
tags: [labor, ports]
---
Workers at the harbor stopped work on Monday, the union said.

FILE - Cranes stand idle at the container terminal on March 3, 2025.

"We will stay out until the offer improves," the union's secretary said.
`,
	"content/harbor/talks.txt": `Talks resume at the harbor

FILE - Negotiators arrive at the city hall, March 5, 2025.

Negotiators for both sides met again on Wednesday.

Next steps

A vote is planned for Friday.
`,
	"content/harbor/talks.yaml": "date: 2025-03-06\n",
	"content/standalone.md":     "---\ntitle: A note without a briefing\ndate: 2025-01-02\n---\nJust one paragraph.\n",
}

func TestSitePages(t *testing.T) {
	out := renderSite(t, loadSite(t, exampleSite), Options{})
	want := []string{
		"404.html", "feed.xml", "harbor/feed.xml", "harbor/index.html",
		"harbor/talks/index.html", "harbor/walkout/index.html", "index.html",
		"robots.txt", "sitemap.xml", "standalone/index.html",
	}
	var got []string
	for p := range out {
		got = append(got, p)
	}
	if strings.Join(sorted(got), " ") != strings.Join(want, " ") {
		t.Fatalf("files:\n got %v\nwant %v", sorted(got), want)
	}
	checks := []struct {
		file string
		want []string
	}{
		{"index.html", []string{`<a href="/harbor/">Harbor strike</a>`, `href="/harbor/walkout/"`, `href="/standalone/"`, `<link rel="stylesheet" href="/css/site.css">`}},
		{"harbor/index.html", []string{"<strong>closed</strong>", "Dock workers walk out over pay", "from Coastal Herald", `href="/harbor/feed.xml"`}},
		{"harbor/walkout/index.html", []string{
			`<h1 id="article-title">Dock workers walk out over pay</h1>`,
			`<dd class="author">A. Writer</dd>`, `<dd class="outlet">Coastal Herald</dd>`,
			`<time datetime="2025-03-04">March 4, 2025</time>`,
			`<a href="https://news.example.com/walkout" rel="noopener noreferrer external">`,
			`<figure class="caption"><figcaption>FILE - Cranes stand idle`,
			"&ldquo;We will stay out", "<li>labor</li>",
		}},
		{"harbor/talks/index.html", []string{
			`<figure class="caption"><figcaption>FILE - Negotiators arrive`,
			`<h2 id="next-steps">Next steps</h2>`, "<p>A vote is planned for Friday.</p>",
		}},
		{"robots.txt", []string{"Sitemap: https://example.org/sitemap.xml"}},
		{"sitemap.xml", []string{"<loc>https://example.org/harbor/talks/</loc>", "<lastmod>2025-03-06</lastmod>"}},
		{"feed.xml", []string{`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">`, "<updated>2025-03-06T00:00:00Z</updated>", "<id>https://example.org/harbor/walkout/</id>"}},
		{"404.html", []string{`<a href="/">Go to the home page</a>`, `href="/css/site.css"`}},
	}
	for _, c := range checks {
		for _, w := range c.want {
			if !strings.Contains(out[c.file], w) {
				t.Errorf("%s lacks %q", c.file, w)
			}
		}
	}
	// The .txt title is the page title, not repeated as a paragraph.
	if strings.Contains(out["harbor/talks/index.html"], "<p>Talks resume at the harbor</p>") {
		t.Error("txt title rendered again as a body paragraph")
	}
	// Captions never end up inside running-text paragraphs.
	for _, p := range []string{"harbor/talks/index.html", "harbor/walkout/index.html"} {
		if strings.Contains(out[p], "<p>FILE - ") {
			t.Errorf("%s: caption rendered as a body paragraph", p)
		}
	}
}

func sorted(s []string) []string {
	c := append([]string(nil), s...)
	for i := range c {
		for j := i + 1; j < len(c); j++ {
			if c[j] < c[i] {
				c[i], c[j] = c[j], c[i]
			}
		}
	}
	return c
}

var scriptTag = regexp.MustCompile(`(?i)<\s*script`)

func TestHostileInputIsEscaped(t *testing.T) {
	const evil = `<script>alert(1)</script>`
	tests := []struct {
		name   string
		files  map[string]string
		page   string
		mutate func(*source.Site)
	}{
		{"md title and body", map[string]string{
			"content/b/x.md": "---\ntitle: \"" + evil + "\"\ndate: 2025-01-01\nsource: \"" + evil + "\"\nauthor: \"" + evil + "\"\ntags: [\"" + evil + "\"]\n---\nBody " + evil + " text.\n\n" + evil + "\n\n<img src=x onerror=alert(1)>\n",
		}, "b/x/index.html", nil},
		{"txt title and body", map[string]string{
			"content/b/x.txt":  evil + " in a title\n\nBody " + evil + " text.\n\nFILE - " + evil + " caption.\n",
			"content/b/x.yaml": "date: 2025-01-01\n",
		}, "b/x/index.html", nil},
		{"briefing summary", map[string]string{
			"content/b/_index.md": "---\ntitle: \"" + evil + "\"\nsummary: \"" + evil + "\"\n---\n" + evil + "\n",
			"content/b/x.md":      "---\ntitle: t\ndate: 2025-01-01\n---\nok\n",
		}, "b/index.html", nil},
		{"javascript links", map[string]string{
			"content/b/x.md": "---\ntitle: t\ndate: 2025-01-01\n---\n[click](javascript:alert(1)) <javascript:alert(2)>\n",
		}, "b/x/index.html", func(s *source.Site) { s.Articles[0].URL = "javascript:alert(3)" }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			site := loadSite(t, tt.files)
			if tt.mutate != nil {
				tt.mutate(site)
			}
			out := renderSite(t, site, Options{})
			for name, body := range out {
				if scriptTag.MatchString(body) {
					t.Errorf("%s contains a script tag", name)
				}
				if regexp.MustCompile(`(?i)<img[^>]*onerror`).MatchString(body) {
					t.Errorf("%s contains an event handler", name)
				}
				if regexp.MustCompile(`(?i)href="javascript:`).MatchString(body) {
					t.Errorf("%s contains a javascript: link", name)
				}
			}
			if !strings.Contains(out[tt.page], "&lt;script&gt;") && tt.name != "javascript links" {
				t.Errorf("%s does not show the markup as text", tt.page)
			}
		})
	}
}

func TestMarkdown(t *testing.T) {
	md := NewMarkdown()
	tests := []struct {
		name, in string
		want     []string
		not      []string
	}{
		{"table", "| a | b |\n|---|---|\n| 1 | 2 |\n", []string{"<table>", "<td>1</td>"}, nil},
		{"strikethrough", "~~gone~~", []string{"<del>gone</del>"}, nil},
		{"linkify", "see https://example.org/x now", []string{`<a href="https://example.org/x">`}, nil},
		{"task list", "- [x] done\n- [ ] todo\n", []string{`checked="" disabled="" type="checkbox"`}, nil},
		{"footnote", "Claim.[^1]\n\n[^1]: Source.\n", []string{`class="footnotes"`, `href="#fn:1"`}, nil},
		{"typographer", `He said "no" -- twice... it's done`, []string{"&ldquo;no&rdquo;", "&ndash;", "&hellip;", "it&rsquo;s"}, nil},
		{"heading shifted with id", "# Top\n\n## Sub section\n", []string{`<h2 id="top">Top</h2>`, `<h3 id="sub-section">`}, []string{"<h1"}},
		{"inline raw html escaped", "a <b>bold</b> move", []string{"&lt;b&gt;bold&lt;/b&gt;"}, []string{"<b>", "raw HTML omitted"}},
		{"html block escaped", "<div>\n<script>x()</script>\n</div>\n", []string{"&lt;script&gt;"}, []string{"<div>", "<script"}},
		{"caption paragraph", "Text.\n\nFILE - A photo of a *harbor*, March 3, 2025.\n\nMore.", []string{`<figure class="caption"><figcaption>FILE - A photo of a <em>harbor</em>`}, []string{"<p>FILE"}},
		{"standalone short line is a heading", "Text one.\n\nBalancing act\n\nText two.", []string{`<h2 id="balancing-act">Balancing act</h2>`}, nil},
		{"short line with markup stays", "Text one.\n\nSee *this* now\n\nText two.", []string{"<p>See <em>this</em> now</p>"}, nil},
		{"caption in list stays", "- FILE - not a caption\n", []string{"<li>FILE - not a caption</li>"}, []string{"figure"}},
		{"dangerous link", "[x](javascript:alert(1))", []string{`<a href="">x</a>`}, []string{"javascript:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h, err := Markdown(md, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.want {
				if !strings.Contains(string(h), w) {
					t.Errorf("output lacks %q:\n%s", w, h)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(string(h), n) {
					t.Errorf("output has %q:\n%s", n, h)
				}
			}
		})
	}
}

func TestBaseURL(t *testing.T) {
	hrefs := regexp.MustCompile(`(?:href|src)="([^"]*)"`)
	tests := []struct {
		base, prefix, abs string
	}{
		{"", "/", "/"},
		{"/", "/", "/"},
		{"https://example.org", "/", "https://example.org/"},
		{"https://example.org/news/", "/news/", "https://example.org/news/"},
		{"https://example.org/a/b", "/a/b/", "https://example.org/a/b/"},
		{"/sub/", "/sub/", "/sub/"},
	}
	site := loadSite(t, exampleSite)
	for _, tt := range tests {
		t.Run(tt.base, func(t *testing.T) {
			base := tt.base
			if base == "" {
				base = "/" // an empty override falls back to the config; force the root
			}
			out := renderSite(t, site, Options{BaseURL: base})
			for name, body := range out {
				if !strings.HasSuffix(name, ".html") {
					continue
				}
				for _, m := range hrefs.FindAllStringSubmatch(body, -1) {
					u := m[1]
					if strings.HasPrefix(u, "#") || strings.HasPrefix(u, "https://news.example.com") {
						continue
					}
					if strings.HasPrefix(u, "https://example.org") || strings.HasPrefix(u, "http") {
						if !strings.HasPrefix(u, tt.abs) {
							t.Errorf("%s: absolute link %q outside %q", name, u, tt.abs)
						}
						continue
					}
					if !strings.HasPrefix(u, tt.prefix) {
						t.Errorf("%s: link %q lacks base path %q", name, u, tt.prefix)
					}
				}
			}
			if !strings.Contains(out["sitemap.xml"], "<loc>"+tt.abs+"harbor/</loc>") {
				t.Errorf("sitemap lacks %sharbor/:\n%s", tt.abs, out["sitemap.xml"])
			}
			if !strings.Contains(out["robots.txt"], "Sitemap: "+tt.abs+"sitemap.xml") {
				t.Errorf("robots.txt: %s", out["robots.txt"])
			}
		})
	}
}

func TestParseBaseURL(t *testing.T) {
	tests := []struct {
		in         string
		base, path string
		bad        bool
	}{
		{"", "/", "/", false},
		{"https://example.org", "https://example.org/", "/", false},
		{"https://example.org/news", "https://example.org/news/", "/news/", false},
		{"http://localhost:1313/x/", "http://localhost:1313/x/", "/x/", false},
		{"news", "/news/", "/news/", false},
		{"ftp://example.org/", "", "", true},
		{"https://example.org/?q=1", "", "", true},
		{"//example.org/", "", "", true},
	}
	for _, tt := range tests {
		u, err := ParseBaseURL(tt.in)
		if (err != nil) != tt.bad || (!tt.bad && (u.Base != tt.base || u.Path != tt.path)) {
			t.Errorf("ParseBaseURL(%q) = %+v, %v; want base %q path %q bad=%v", tt.in, u, err, tt.base, tt.path, tt.bad)
		}
	}
	u, _ := ParseBaseURL("https://example.org/news/")
	for in, want := range map[string]string{"/a/": "/news/a/", "a/": "/news/a/", "https://x.org/": "https://x.org/", "#top": "#top", "mailto:a@b": "mailto:a@b"} {
		if got := u.Rel(in); got != want {
			t.Errorf("Rel(%q) = %q, want %q", in, got, want)
		}
	}
	if got := u.Abs("/a/"); got != "https://example.org/news/a/" {
		t.Errorf("Abs = %q", got)
	}
}

func TestDeterministic(t *testing.T) {
	files := map[string]string{"site.yaml": "title: T\nbaseURL: https://example.org/\n"}
	for k, v := range exampleSite {
		files[k] = v
	}
	// Many articles with equal dates, so ties matter.
	for i := 0; i < 60; i++ {
		files["content/bulk/a"+itoa(i)+".md"] = "---\ntitle: Article " + itoa(i) + "\ndate: 2025-02-0" + itoa(1+i%3) + "\n---\nParagraph " + itoa(i) + ".\n"
	}
	var prev map[string]string
	for run, workers := range []int{1, 8, 3} {
		out := renderSite(t, loadSite(t, files), Options{Workers: workers})
		if prev != nil {
			if len(out) != len(prev) {
				t.Fatalf("run %d: %d files, before %d", run, len(out), len(prev))
			}
			for p, b := range out {
				if prev[p] != b {
					t.Fatalf("run %d: %s differs", run, p)
				}
			}
		}
		prev = out
	}
}

func TestTemplateOverride(t *testing.T) {
	site := loadSite(t, exampleSite)
	base := renderSite(t, site, Options{})
	over := fstest.MapFS{"article.html": {Data: []byte(`{{define "x"}}{{end}}CUSTOM {{.Article.Title}}`)}}
	out := renderSite(t, site, Options{Templates: Overlay(over, theme())})
	if got := out["harbor/walkout/index.html"]; got != "CUSTOM Dock workers walk out over pay" {
		t.Errorf("overridden article page = %q", got)
	}
	for _, p := range []string{"index.html", "harbor/index.html", "404.html"} {
		if out[p] != base[p] {
			t.Errorf("%s changed although only article.html was overridden", p)
		}
	}
	// A partial override reaches every page kind.
	over = fstest.MapFS{"partials/footer.html": {Data: []byte(`{{define "footer"}}<footer>MINE</footer>{{end}}`)}}
	out = renderSite(t, site, Options{Templates: Overlay(over, theme())})
	for _, p := range []string{"index.html", "harbor/index.html", "harbor/walkout/index.html", "404.html"} {
		if !strings.Contains(out[p], "<footer>MINE</footer>") {
			t.Errorf("%s lacks the overriding footer", p)
		}
	}
}

func TestMissingTemplate(t *testing.T) {
	site := loadSite(t, exampleSite)
	if _, err := New(site, Options{Templates: fstest.MapFS{"home.html": {Data: []byte("x")}}}); err == nil {
		t.Fatal("New accepted templates without article.html")
	}
	if _, err := New(site, Options{Templates: fstest.MapFS{"home.html": {Data: []byte("{{")}}}); err == nil {
		t.Fatal("New accepted a template that does not parse")
	}
}

func TestOverlay(t *testing.T) {
	top := fstest.MapFS{"a.txt": {Data: []byte("top")}, "dir/x": {Data: []byte("x")}}
	bottom := fstest.MapFS{"a.txt": {Data: []byte("bottom")}, "b.txt": {Data: []byte("b")}, "dir/y": {Data: []byte("y")}}
	o := Overlay(nil, top, bottom)
	for name, want := range map[string]string{"a.txt": "top", "b.txt": "b", "dir/x": "x", "dir/y": "y"} {
		got, err := fs.ReadFile(o, name)
		if err != nil || string(got) != want {
			t.Errorf("%s = %q, %v; want %q", name, got, err, want)
		}
	}
	if _, err := fs.ReadFile(o, "nope"); err == nil {
		t.Error("missing file found")
	}
	var walked []string
	fs.WalkDir(o, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			walked = append(walked, p)
		}
		return err
	})
	if got := strings.Join(walked, ","); got != "a.txt,b.txt,dir/x,dir/y" {
		t.Errorf("walk = %s", got)
	}
	if err := fstest.TestFS(o, "a.txt", "b.txt", "dir/x", "dir/y"); err != nil {
		t.Error(err)
	}
}

func TestFacts(t *testing.T) {
	site := loadSite(t, exampleSite)
	tmpl := Overlay(fstest.MapFS{"article.html": {Data: []byte(`{{with .Facts}}[{{.Data}}]{{end}}{{.Body}}`)}}, theme())
	r, err := New(site, Options{Templates: tmpl})
	if err != nil {
		t.Fatal(err)
	}
	var md, txt *source.Article
	for _, a := range site.Articles {
		switch a.Slug {
		case "walkout":
			md = a
		case "talks":
			txt = a
		}
	}
	// Plain-text articles: the Plain hook writes each paragraph.
	var spans []doc.Span
	out, err := r.Article(txt, &Facts{
		Plain: func(w io.Writer, s doc.Span) {
			spans = append(spans, s)
			io.WriteString(w, "<mark>"+strings.ToUpper(txt.Doc.Slice(s)[:4])+"</mark>")
		},
		Data: "actors here",
	})
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(out, []byte("[actors here]")) || !bytes.Contains(out, []byte("<p><mark>NEGO</mark></p>")) {
		t.Errorf("txt with facts:\n%s", out)
	}
	if len(spans) != 4 { // caption, body, heading, body; not the title
		t.Errorf("Plain called for %d paragraphs, want 4", len(spans))
	}
	// Markdown articles: the hook gets the body's file offset.
	gotBase := -1
	_, err = r.Article(md, &Facts{Markdown: func(base int) parser.Context { gotBase = base; return parser.NewContext() }})
	if err != nil {
		t.Fatal(err)
	}
	if gotBase != md.Body.Start {
		t.Errorf("Markdown hook got base %d, want %d", gotBase, md.Body.Start)
	}
	// Without facts, no Facts section.
	out, _ = r.Article(md, nil)
	if bytes.HasPrefix(out, []byte("[")) {
		t.Errorf("facts shown without facts: %s", out[:40])
	}
}

func TestExcerpt(t *testing.T) {
	tests := []struct{ body, want string }{
		{"Plain *first* paragraph with a [link](https://x.org).\n\nSecond.", "Plain first paragraph with a link."},
		{"# Heading\n\n2024 was a year.", "2024 was a year."},
		{"A claim.[^1] More.\n\n[^1]: note", "A claim. More."},
		{"1. a list\n\nText after.", "Text after."},
		{"FILE - A caption.\n\nThe lead.", "The lead."},
		{"word " + strings.Repeat("long ", 60), "word long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long long…"},
	}
	for _, tt := range tests {
		a, err := source.ParseArticle("content/b/x.md", []byte("---\ntitle: t\n---\n"+tt.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := Excerpt(a, 160); got != tt.want {
			t.Errorf("Excerpt(%q) = %q, want %q", tt.body, got, tt.want)
		}
	}
}

// FuzzMarkdown feeds arbitrary Markdown through the article converter: it
// must not panic, and no input may produce a script element, an event
// handler attribute or a javascript: link.
func FuzzMarkdown(f *testing.F) {
	for _, s := range []string{
		"plain", "<script>alert(1)</script>", "<SCRIPT SRC=x>", "a <img src=x onerror=alert(1)> b",
		"[x](javascript:alert(1))", "<javascript:alert(1)>", "FILE - caption *em*", "| a |\n|---|\n| <script> |",
		"[^1]\n\n[^1]: <script>", "```\n<script>\n```", "\"quoted\" -- 'single'", "\x00\xff\xfe",
		"<div>\n<script>\n</div>", "<!-- <script> -->", "<![CDATA[<script>]]>", "[a]: javascript:x\n\n[b][a]",
		"![x](javascript:alert(1))", "<a href='javascript:x'>a</a>",
	} {
		f.Add(s)
	}
	md := NewMarkdown()
	// Inside a tag only: "src=javascript:" in a paragraph's text is text.
	bad := regexp.MustCompile(`(?i)<\s*script|<[a-z][^>]*\son[a-z]+\s*=|<[a-z][^>]*\s(href|src)\s*=\s*["']?\s*javascript:`)
	f.Fuzz(func(t *testing.T, in string) {
		h, err := Markdown(md, []byte(in))
		if err != nil {
			return
		}
		if m := bad.FindString(string(h)); m != "" {
			t.Fatalf("unsafe output %q for input %q:\n%s", m, in, h)
		}
	})
}

// TestCountWords checks the ASCII fast path against unicode.IsSpace.
func TestCountWords(t *testing.T) {
	for _, c := range []struct {
		in   string
		want int
	}{
		{"", 0}, {"one", 1}, {"  two words ", 2}, {"tab\tnew\nline\r\nfeed\fv\vx", 6},
		{"non\u00a0breaking", 2}, {"em\u2003space", 2}, {"naïve café", 2}, {"\xff\xfe bad", 2},
	} {
		if got := countWords([]byte(c.in)); got != c.want {
			t.Errorf("countWords(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

// TestParsed: a Renderer made with an earlier one's templates
// (Options.Parsed) renders what one that parses them renders, with its
// own functions (here another base URL), without reading Templates again.
func TestParsed(t *testing.T) {
	site := loadSite(t, exampleSite)
	first := renderSite(t, site, Options{})
	r1, err := New(site, Options{Templates: theme()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := r1.Site(nil); err != nil { // every template executed (escaped) once
		t.Fatal(err)
	}
	opt := Options{BaseURL: "https://other.example/news/"}
	want := renderSite(t, site, opt)
	opt.Templates = fstest.MapFS{} // nothing to parse: New must not
	opt.Parsed = r1.Parsed()
	got := renderSite(t, site, opt)
	if len(got) != len(want) {
		t.Fatalf("%d files, want %d", len(got), len(want))
	}
	for p, w := range want {
		if got[p] != w {
			t.Errorf("%s differs from a fresh Renderer's", p)
		}
	}
	if got["index.html"] == first["index.html"] || !strings.Contains(got["index.html"], "/news/") {
		t.Error("the reused templates still call the first Renderer's functions")
	}
	// A missing page kind is still an error.
	p := r1.Parsed()
	delete(p.tmpl, "404")
	if _, err := New(site, Options{Templates: theme(), Parsed: p}); err == nil || !strings.Contains(err.Error(), "no 404.html") {
		t.Errorf("Parsed without 404.html: err = %v", err)
	}
}

// TestHomeArticles: the articles the home page's data holds, the site's
// newest (Options.Latest) and each briefing's three newest.
func TestHomeArticles(t *testing.T) {
	site := loadSite(t, exampleSite)
	r, err := New(site, Options{Templates: theme(), Latest: 1})
	if err != nil {
		t.Fatal(err)
	}
	want := []*source.Article{site.Articles[0]}
	for _, b := range site.Briefings {
		want = append(want, b.Articles[:min(3, len(b.Articles))]...)
	}
	if got := r.HomeArticles(); !slices.Equal(got, want) {
		t.Errorf("HomeArticles = %d articles, want %d", len(got), len(want))
	}
}
