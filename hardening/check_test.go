package hardening

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/yuin/goldmark"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// report collects the problems found in a site's output.
type report struct {
	problems []string
	// texts counts text nodes (HTML text, XML character data, JSON
	// strings) that carry a hostile marker as plain text: proof that the
	// hostile input reached the output and was neutralized, not dropped.
	texts map[string]int
	files map[string]int // files checked, by kind
}

func newReport() *report {
	return &report{texts: map[string]int{}, files: map[string]int{}}
}

func (r *report) addf(file, format string, args ...any) {
	if len(r.problems) < 200 {
		r.problems = append(r.problems, file+": "+fmt.Sprintf(format, args...))
	}
}

// markers are the strings whose presence as text shows that a hostile
// payload was carried through as text.
var markers = []string{"<script", "onerror=", "</script>", "javascript:"}

func (r *report) sawText(s string) {
	low := strings.ToLower(s)
	for _, m := range markers {
		if strings.Contains(low, m) {
			r.texts[m]++
		}
	}
}

// checkSite checks every file under dir for executable injection. A file
// of a kind the checker does not know is itself a problem, so that a new
// page family cannot land unchecked.
func checkSite(dir string) (*report, error) {
	r := newReport()
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			return nil
		}
		if !d.Type().IsRegular() {
			r.addf(rel, "not a regular file (%v)", d.Type())
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		r.checkFile(rel, data)
		return nil
	})
	return r, err
}

func (r *report) checkFile(rel string, data []byte) {
	switch ext := strings.ToLower(path.Ext(rel)); {
	case ext == ".html":
		r.files["html"]++
		r.checkHTML(rel, data, false)
	case ext == ".xml":
		r.files["xml"]++
		r.checkXML(rel, data)
	case ext == ".json":
		r.files["json"]++
		r.checkJSON(rel, data)
	case ext == ".md":
		if strings.HasPrefix(rel, "vendor/") {
			r.files["theme"]++
			return
		}
		r.files["md"]++
		r.checkMarkdown(rel, data)
	case ext == ".txt" && (rel == "robots.txt" || strings.HasPrefix(rel, "vendor/")):
		r.files["txt"]++
		if bytes.Contains(bytes.ToLower(data), []byte("<script")) {
			r.addf(rel, "contains <script")
		}
	case ext == ".css", ext == ".js", ext == ".map":
		// Theme files: only static/ puts them in the output, and the
		// hostile corpus has no static/ of its own.
		r.files["theme"]++
		if !strings.HasPrefix(rel, "css/") && !strings.HasPrefix(rel, "js/") && !strings.HasPrefix(rel, "vendor/") {
			r.addf(rel, "script or style outside css/, js/, vendor/")
		}
	default:
		r.addf(rel, "file of unknown kind: teach check_test.go how to check it")
	}
}

// dangerousURL reports a URL with a scheme that runs code or smuggles a
// document: javascript:, vbscript:, data:. Browsers ignore ASCII tabs and
// newlines inside a URL and leading spaces and control characters, so
// those are dropped first.
func dangerousURL(u string) bool {
	var b strings.Builder
	for _, c := range u {
		if c <= ' ' {
			continue
		}
		b.WriteRune(c)
	}
	s := strings.ToLower(b.String())
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:") || strings.HasPrefix(s, "data:")
}

// urlAttrs are attributes whose value a browser loads or navigates to.
var urlAttrs = map[string]bool{
	"href": true, "src": true, "action": true, "formaction": true, "poster": true,
	"background": true, "cite": true, "data": true, "codebase": true, "longdesc": true,
	"xlink:href": true, "ping": true, "manifest": true, "icon": true, "lowsrc": true, "dynsrc": true,
}

// forbidden are elements that run or embed active content, or change how
// every link resolves; the theme uses none of them.
var forbidden = map[atom.Atom]bool{
	atom.Iframe: true, atom.Frame: true, atom.Frameset: true, atom.Object: true, atom.Embed: true,
	atom.Applet: true, atom.Base: true, atom.Svg: true, atom.Math: true,
}

// checkHTML parses data as a page (or, in fragment mode, as HTML from a
// feed's content) and checks every element.
func (r *report) checkHTML(rel string, data []byte, fragment bool) {
	var nodes []*html.Node
	if fragment {
		ctx := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
		ns, err := html.ParseFragment(bytes.NewReader(data), ctx)
		if err != nil {
			r.addf(rel, "HTML fragment does not parse: %v", err)
			return
		}
		nodes = ns
	} else {
		n, err := html.Parse(bytes.NewReader(data))
		if err != nil {
			r.addf(rel, "HTML does not parse: %v", err)
			return
		}
		nodes = []*html.Node{n}
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			r.sawText(n.Data)
		case html.ElementNode:
			r.checkElement(rel, n, fragment)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
}

func (r *report) checkElement(rel string, n *html.Node, fragment bool) {
	where := func() string {
		var b strings.Builder
		html.Render(&b, &html.Node{Type: html.ElementNode, Data: n.Data, Attr: n.Attr})
		s := b.String()
		if len(s) > 160 {
			s = s[:160] + "..."
		}
		return s
	}
	name := strings.ToLower(n.Data)
	if forbidden[n.DataAtom] || (n.DataAtom == 0 && (name == "svg" || name == "math")) {
		r.addf(rel, "forbidden element %s", where())
	}
	if n.Namespace != "" {
		r.addf(rel, "foreign (%s) element %s", n.Namespace, where())
	}
	for _, a := range n.Attr {
		k := strings.ToLower(a.Key)
		if a.Namespace != "" {
			k = a.Namespace + ":" + k
		}
		if strings.HasPrefix(k, "on") {
			r.addf(rel, "event handler attribute %s in %s", a.Key, where())
		}
		if urlAttrs[k] && dangerousURL(a.Val) {
			r.addf(rel, "%s with a dangerous scheme in %s", a.Key, where())
		}
		if k == "srcset" || k == "imagesrcset" {
			for _, c := range strings.Split(a.Val, ",") {
				if dangerousURL(c) {
					r.addf(rel, "%s with a dangerous scheme in %s", a.Key, where())
				}
			}
		}
		if k == "style" {
			low := strings.ToLower(a.Val)
			if strings.Contains(low, "javascript:") || strings.Contains(low, "expression(") || strings.Contains(low, "url(") {
				r.addf(rel, "style attribute that loads or runs something in %s", where())
			}
		}
		if k == "http-equiv" && strings.EqualFold(strings.TrimSpace(a.Val), "refresh") {
			r.addf(rel, "meta refresh in %s", where())
		}
		if k == "content" || k == "title" || k == "alt" || k == "aria-label" || strings.HasPrefix(k, "data-") {
			r.sawText(a.Val)
		}
	}
	switch n.DataAtom {
	case atom.Script:
		if fragment {
			r.addf(rel, "script element in feed content: %s", where())
			return
		}
		src, hasSrc := attr(n, "src")
		typ, _ := attr(n, "type")
		typ = strings.ToLower(strings.TrimSpace(typ))
		switch {
		case hasSrc:
			if !themeScript(src) {
				r.addf(rel, "script from %q, not the theme's /js/ or /vendor/", src)
			}
			if n.FirstChild != nil {
				r.addf(rel, "script with src and inline content")
			}
		case typ == "application/json" || typ == "application/ld+json":
			// Inline data: must be one valid JSON value; a payload that
			// ended the element early would leave a fragment.
			var b strings.Builder
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				b.WriteString(c.Data)
			}
			if !json.Valid([]byte(b.String())) {
				r.addf(rel, "inline %s script is not valid JSON (broken out of?)", typ)
			}
		default:
			r.addf(rel, "inline script %s", where())
		}
	case atom.Style:
		if fragment {
			r.addf(rel, "style element in feed content")
		}
	case atom.Link:
		if rel2, _ := attr(n, "rel"); strings.Contains(strings.ToLower(rel2), "import") {
			r.addf(rel, "HTML import %s", where())
		}
	}
}

// themeScript reports a script path under the theme's /js/ or /vendor/
// (possibly below a base path, relative or absolute).
func themeScript(src string) bool {
	if dangerousURL(src) || strings.Contains(src, "//") && !strings.HasPrefix(src, "http") {
		return false
	}
	p := src
	if i := strings.Index(p, "://"); i >= 0 {
		rest := p[i+3:]
		j := strings.IndexByte(rest, '/')
		if j < 0 {
			return false
		}
		p = rest[j:]
	}
	p = strings.TrimLeft(p, "./")
	for _, seg := range strings.Split(p, "/") {
		if seg == "js" || seg == "vendor" {
			return !strings.Contains(p, "..") && (strings.HasSuffix(p, ".js"))
		}
	}
	return false
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) && a.Namespace == "" {
			return a.Val, true
		}
	}
	return "", false
}

// checkXML reads a feed or sitemap with encoding/xml: it must be well
// formed, hostile text must stay character data (no element of an HTML
// name appears), link addresses must not run code, and escaped HTML content
// (Atom type="html", which feed readers render) is checked as HTML.
func (r *report) checkXML(rel string, data []byte) {
	dec := xml.NewDecoder(bytes.NewReader(data))
	dec.Strict = true
	var stack []xml.StartElement
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			r.addf(rel, "XML does not parse: %v", err)
			return
		}
		switch t := tok.(type) {
		case xml.StartElement:
			stack = append(stack, t)
			switch strings.ToLower(t.Name.Local) {
			case "script", "img", "iframe", "svg", "object", "embed", "style", "a", "div", "p":
				r.addf(rel, "HTML element <%s> in XML (markup leaked from text)", t.Name.Local)
			}
			if t.Name.Space == "http://www.w3.org/1999/xhtml" {
				r.addf(rel, "XHTML element <%s> in a feed", t.Name.Local)
			}
			for _, a := range t.Attr {
				if strings.HasPrefix(strings.ToLower(a.Name.Local), "on") {
					r.addf(rel, "attribute %s in XML", a.Name.Local)
				}
				if (a.Name.Local == "href" || a.Name.Local == "src" || a.Name.Local == "uri") && dangerousURL(a.Value) {
					r.addf(rel, "%s with a dangerous scheme: %q", a.Name.Local, a.Value)
				}
			}
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			s := string(t)
			r.sawText(s)
			if len(stack) == 0 {
				continue
			}
			top := stack[len(stack)-1]
			local := strings.ToLower(top.Name.Local)
			if local == "loc" || local == "id" || local == "uri" {
				if dangerousURL(s) {
					r.addf(rel, "<%s> with a dangerous scheme: %q", top.Name.Local, s)
				}
			}
			for _, a := range top.Attr {
				if a.Name.Local == "type" && (a.Value == "html" || a.Value == "xhtml" || a.Value == "text/html") {
					r.checkHTML(rel+" <"+top.Name.Local+" type=html>", []byte(s), true)
				}
			}
		case xml.Directive:
			if bytes.Contains(bytes.ToUpper(t), []byte("ENTITY")) {
				r.addf(rel, "XML entity declaration")
			}
		}
	}
}

// checkJSON checks a JSON file: valid, no raw "</script" or "<!--" (so it
// can be inlined into a page safely), and every string counted.
func (r *report) checkJSON(rel string, data []byte) {
	if !json.Valid(data) {
		r.addf(rel, "not valid JSON")
		return
	}
	low := bytes.ToLower(data)
	if bytes.Contains(low, []byte("</script")) {
		r.addf(rel, "raw </script in JSON bytes")
	}
	if bytes.Contains(low, []byte("<!--")) {
		r.addf(rel, "raw <!-- in JSON bytes")
	}
	var v any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&v); err != nil {
		r.addf(rel, "JSON: %v", err)
		return
	}
	// TimelineJS renders these fields of timeline.json as HTML.
	timeline := path.Base(rel) == "timeline.json"
	htmlKeys := map[string]bool{"headline": true, "text": true, "group": true, "caption": true, "credit": true, "display_date": true}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			r.sawText(v)
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				r.sawText(k)
				s, isStr := x.(string)
				if isStr && urlKeys[k] && dangerousURL(s) {
					r.addf(rel, "JSON %q with a dangerous scheme: %q", k, s)
				}
				if isStr && timeline && htmlKeys[k] {
					r.checkHTML(rel+" ."+k, []byte(s), true)
				}
				walk(x)
			}
		}
	}
	walk(v)
}

// urlKeys are JSON keys whose string value is an address (the search
// index's "u" included).
var urlKeys = map[string]bool{"url": true, "href": true, "link": true, "src": true, "photo": true, "u": true, "image": true, "thumbnail": true}

// checkMarkdown checks a Markdown file (the briefing's brief.md): no raw
// <script or <img outside escapes, and rendered the way a careless reader
// would render it (raw HTML allowed) it must still pass the HTML checks.
func (r *report) checkMarkdown(rel string, data []byte) {
	low := bytes.ToLower(data)
	for _, tag := range []string{"<script", "<img", "<iframe", "<svg"} {
		for i := 0; ; {
			j := bytes.Index(low[i:], []byte(tag))
			if j < 0 {
				break
			}
			at := i + j
			if at == 0 || low[at-1] != '\\' {
				r.addf(rel, "raw %s at byte %d", tag, at)
			}
			i = at + len(tag)
		}
	}
	md := goldmark.New(goldmark.WithRendererOptions(gmhtml.WithUnsafe()))
	var out bytes.Buffer
	if err := md.Convert(data, &out); err != nil {
		r.addf(rel, "Markdown does not render: %v", err)
		return
	}
	r.checkHTML(rel+" (as HTML with raw HTML allowed)", out.Bytes(), true)
}
