package render

import (
	"bytes"
	"html/template"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"

	"briefgen/generator/doc"
)

// NewMarkdown returns the goldmark converter briefgen renders articles with:
// GitHub Flavored Markdown (tables, strikethrough, autolinks, task lists),
// footnotes, typographic quotes and dashes, and automatic heading IDs.
// Raw HTML is never passed through: it is shown as escaped text. Top-level
// paragraphs that doc.Classify recognizes as photo captions render as
// <figure class="caption"><figcaption>, and headings are shifted down one
// level (# becomes <h2>) because the page title is the only <h1>.
//
// extra extensions are added after these; pass annotate.Extension so that
// Facts.Markdown contexts can mark extracted facts in the body.
func NewMarkdown(extra ...goldmark.Extender) goldmark.Markdown {
	exts := append([]goldmark.Extender{
		gfm{},
		extension.Footnote,
		extension.Typographer,
		safeHTML{},
	}, extra...)
	return goldmark.New(
		goldmark.WithExtensions(exts...),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// gfm is extension.GFM (linkify, tables, strikethrough, task lists, added
// in that order) with its linkify parser behind a quick test.
type gfm struct{}

func (gfm) Extend(m goldmark.Markdown) {
	// The priority extension.Linkify gives its parser.
	m.Parser().AddOptions(parser.WithInlineParsers(util.Prioritized(quickLinkify{extension.NewLinkifyParser()}, 999)))
	extension.Table.Extend(m)
	extension.Strikethrough.Extend(m)
	extension.TaskList.Extend(m)
}

// quickLinkify is goldmark's linkify parser, asked only where it could find
// a link. It runs at every space of a text (and at "*", "_", "~", "("),
// and what follows is rarely a URL or an address: the parser links only
// a URL starting "http:", "https:", "ftp:" or "www." and an e-mail address
// whose "@" follows at most 64 bytes of ASCII letters, digits and
// punctuation. Elsewhere it returns nil without consuming anything, as
// quickLinkify does without asking it.
type quickLinkify struct{ parser.InlineParser }

func (q quickLinkify) Parse(parent ast.Node, block text.Reader, pc parser.Context) ast.Node {
	line, _ := block.PeekLine()
	if len(line) > 0 {
		// The trigger byte the parser skips.
		switch line[0] {
		case ' ', '*', '_', '~', '(':
			line = line[1:]
		}
	}
	if len(line) >= 4 {
		switch string(line[:4]) {
		case "http", "ftp:", "www.":
			return q.InlineParser.Parse(parent, block, pc)
		}
	}
	for i := 0; i < len(line) && i <= 64; i++ {
		if c := line[i]; c == '@' {
			return q.InlineParser.Parse(parent, block, pc)
		} else if c <= ' ' || c >= 0x80 { // in no address
			break
		}
	}
	return nil
}

// CloseBlock passes on to the parser's CloseBlock.
func (q quickLinkify) CloseBlock(parent ast.Node, block text.Reader, pc parser.Context) {
	if c, ok := q.InlineParser.(parser.CloseBlocker); ok {
		c.CloseBlock(parent, block, pc)
	}
}

// Markdown renders src with md and returns the HTML. src is Markdown
// without front matter.
func Markdown(md goldmark.Markdown, src []byte) (template.HTML, error) {
	var buf bytes.Buffer
	if err := md.Convert(Defuse(src), &buf); err != nil {
		return "", err
	}
	return template.HTML(buf.String()), nil
}

// safeHTML is the goldmark extension that escapes raw HTML instead of
// omitting it, turns caption paragraphs into figures and shifts headings.
type safeHTML struct{}

func (safeHTML) Extend(m goldmark.Markdown) {
	// Before the GFM table transformer (priority 200).
	m.Parser().AddOptions(parser.WithParagraphTransformers(util.Prioritized(tableGuard{}, 199)))
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(articleTransformer{}, 500)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(safeRenderer{}, 100)))
}

// MaxLineNesting bounds the lists one line can open. goldmark 1.8 rescans
// the rest of the line for a thematic break at every level it opens, so
// "* * * * … x" takes time quadratic in the line's length (an 8 MB line
// would take hours; yuin/goldmark#592).
const MaxLineNesting = 32

// FlattenNesting returns src, or a copy of it in which the list marker
// that would open a line's (MaxLineNesting+1)th nested container is
// escaped ("* " becomes "\*", "7. " becomes "7\."), so the rest of the
// line is text. Every byte keeps its offset, so marks made on the original
// text still line up.
func FlattenNesting(src []byte) []byte {
	out, copied := src, false
	for i := 0; i < len(src); {
		j := bytes.IndexByte(src[i:], '\n')
		if j < 0 {
			j = len(src)
		} else {
			j += i
		}
		depth := 0
		for k := i; k < j; {
			for k < j && (src[k] == ' ' || src[k] == '\t') {
				k++
			}
			if k >= j {
				break
			}
			m := 0 // marker length
			switch c := src[k]; {
			case c == '>':
				depth++
				k++
				continue
			case c == '*' || c == '-' || c == '+':
				m = 1
			case c >= '0' && c <= '9':
				d := k
				for d < j && d-k < 9 && src[d] >= '0' && src[d] <= '9' {
					d++
				}
				if d < j && (src[d] == '.' || src[d] == ')') {
					m = d - k + 1
				}
			}
			// A list marker is followed by a space or tab.
			if m == 0 || k+m >= j || (src[k+m] != ' ' && src[k+m] != '\t') {
				break
			}
			depth++
			if depth > MaxLineNesting {
				if !copied {
					out, copied = bytes.Clone(src), true
				}
				// "x " becomes "\x": same length, and no longer a marker.
				copy(out[k+m-1:k+m+1], []byte{'\\', src[k+m-1]})
				break
			}
			k += m
		}
		i = j + 1
	}
	return out
}

// MaxLineLinks bounds the inline links one line may try whose destination
// never closes. goldmark scans each such destination to the end of its run
// of text (to the end of the line for "<…"), so "[a](b" repeated takes
// time quadratic in the line's length (20,000 times: 1.4 s; 8 MB: hours).
const MaxLineLinks = 64

// Defuse returns src with the inputs that make goldmark slower than linear
// made harmless, byte for byte in place (see FlattenNesting and
// MaxLineLinks): past MaxLineLinks unclosed link destinations on a line,
// the "]" before each further one is escaped away ("](" becomes "\(").
// It returns src itself when there is nothing to do.
func Defuse(src []byte) []byte {
	out := FlattenNesting(src)
	copied := len(out) > 0 && len(src) > 0 && &out[0] != &src[0]
	for i := 0; i < len(out); {
		j := bytes.IndexByte(out[i:], '\n')
		if j < 0 {
			j = len(out)
		} else {
			j += i
		}
		line := out[i:j]
		if bytes.Count(line, []byte("](")) > MaxLineLinks {
			lastGT := bytes.LastIndexByte(line, '>')
			unclosed := 0
			// closeAt is where the current run's search for ")" stopped:
			// positions before it need no second scan.
			closeAt, closed := -1, false
			for k := 0; k+1 < len(line); k++ {
				if line[k] != ']' || line[k+1] != '(' {
					continue
				}
				open := true
				if k+2 < len(line) && line[k+2] == '<' {
					open = lastGT < k+3
				} else {
					if k+2 > closeAt {
						closeAt, closed = k+2, false
						for closeAt < len(line) && line[closeAt] > ' ' {
							if line[closeAt] == ')' {
								closed = true
								break
							}
							closeAt++
						}
					}
					open = !closed
				}
				if !open {
					continue
				}
				unclosed++
				if unclosed > MaxLineLinks {
					if !copied {
						out, copied = bytes.Clone(out), true
						line = out[i:j]
					}
					line[k] = '\\'
				}
			}
		}
		i = j + 1
	}
	return out
}

// MaxTableCells bounds a Markdown table. goldmark pads every row to the
// header's column count, so a few kilobytes of pipes could otherwise make
// millions of cells (a 120 KB table of 20,000 columns took 10 GB and two
// minutes). A paragraph that could become a larger table stays a paragraph
// of text.
const MaxTableCells = 100_000

// tableGuard is a paragraph transformer that runs before the table one: a
// paragraph whose lines times the most cells on one line exceeds
// MaxTableCells is replaced by a fresh paragraph with the same lines, which
// the table transformer then never sees.
type tableGuard struct{}

func (tableGuard) Transform(p *ast.Paragraph, reader text.Reader, pc parser.Context) {
	lines := p.Lines()
	if lines.Len() < 2 {
		return
	}
	src := reader.Source()
	cols := 0
	for i := 0; i < lines.Len(); i++ {
		seg := lines.At(i)
		cols = max(cols, bytes.Count(seg.Value(src), []byte("|"))+1)
	}
	if cols*lines.Len() <= MaxTableCells {
		return
	}
	q := ast.NewParagraph()
	q.SetLines(lines)
	p.Parent().ReplaceChild(p.Parent(), p, q)
}

// KindCaption is the goldmark node kind of a photo caption.
var KindCaption = ast.NewNodeKind("Caption")

// CaptionNode is a photo caption block; its children are the caption's
// inline content.
type CaptionNode struct{ ast.BaseBlock }

// Kind implements ast.Node.
func (n *CaptionNode) Kind() ast.NodeKind { return KindCaption }

// Dump implements ast.Node.
func (n *CaptionNode) Dump(src []byte, level int) { ast.DumpHelper(n, src, level, nil, nil) }

type articleTransformer struct{}

func (articleTransformer) Transform(d *ast.Document, reader text.Reader, pc parser.Context) {
	src := reader.Source()
	var captions, headings []*ast.Paragraph
	_ = ast.Walk(d, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			if n.Level < 6 {
				n.Level++
			}
			return ast.WalkSkipChildren, nil
		case *ast.Paragraph:
			if n.Parent() == d {
				switch classify(n, src) {
				case doc.Caption:
					captions = append(captions, n)
				case doc.Heading:
					if plainText(n) {
						headings = append(headings, n)
					}
				}
			}
			return ast.WalkSkipChildren, nil
		}
		return ast.WalkContinue, nil
	})
	for _, p := range captions {
		c := &CaptionNode{}
		c.SetLines(p.Lines())
		for ch := p.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			c.AppendChild(c, ch)
			ch = next
		}
		d.ReplaceChild(d, p, c)
	}
	// A short line standing alone, as plain text copied from a web page
	// carries its subheads ("Balancing act"), is a heading in doc's model;
	// show it as one.
	for _, p := range headings {
		h := ast.NewHeading(2)
		h.SetLines(p.Lines())
		lines := p.Lines()
		first, last := lines.At(0), lines.At(lines.Len()-1)
		id := pc.IDs().Generate(src[first.Start:last.Stop], ast.KindHeading)
		h.SetAttributeString("id", id)
		for ch := p.FirstChild(); ch != nil; {
			next := ch.NextSibling()
			h.AppendChild(h, ch)
			ch = next
		}
		d.ReplaceChild(d, p, h)
	}
}

// plainText reports whether a paragraph holds only text (no emphasis,
// links or code), so promoting it to a heading loses nothing.
func plainText(p *ast.Paragraph) bool {
	for c := p.FirstChild(); c != nil; c = c.NextSibling() {
		if c.Kind() != ast.KindText && c.Kind() != ast.KindString {
			return false
		}
	}
	return true
}

// classify applies doc.Classify to a paragraph's source text.
func classify(p *ast.Paragraph, src []byte) doc.Kind {
	lines := p.Lines()
	if lines.Len() == 0 {
		return doc.Body
	}
	first := lines.At(0)
	last := lines.At(lines.Len() - 1)
	if first.Start < 0 || last.Stop > len(src) || first.Start >= last.Stop {
		return doc.Body
	}
	return doc.Classify(src[first.Start:last.Stop])
}

type safeRenderer struct{}

func (safeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(ast.KindRawHTML, renderRawHTML)
	reg.Register(ast.KindHTMLBlock, renderHTMLBlock)
	reg.Register(KindCaption, renderCaption)
}

// renderRawHTML shows inline HTML as the text it is.
func renderRawHTML(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkSkipChildren, nil
	}
	segs := n.(*ast.RawHTML).Segments
	for i := 0; i < segs.Len(); i++ {
		seg := segs.At(i)
		_, _ = w.Write(util.EscapeHTML(seg.Value(src)))
	}
	return ast.WalkSkipChildren, nil
}

// renderHTMLBlock shows a block of HTML as an escaped paragraph of text.
func renderHTMLBlock(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		return ast.WalkContinue, nil
	}
	b := n.(*ast.HTMLBlock)
	_, _ = w.WriteString(`<p class="raw-html">`)
	lines := b.Lines()
	for i := 0; i < lines.Len(); i++ {
		line := lines.At(i)
		_, _ = w.Write(util.EscapeHTML(line.Value(src)))
	}
	if b.HasClosure() {
		_, _ = w.Write(util.EscapeHTML(b.ClosureLine.Value(src)))
	}
	_, _ = w.WriteString("</p>\n")
	return ast.WalkSkipChildren, nil
}

func renderCaption(w util.BufWriter, src []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if entering {
		_, _ = w.WriteString(`<figure class="caption"><figcaption>`)
	} else {
		_, _ = w.WriteString("</figcaption></figure>\n")
	}
	return ast.WalkContinue, nil
}
