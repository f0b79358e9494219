package annotate

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Extension is a goldmark extension that applies marks to a Markdown
// document. The marks of a document travel in its parser context: convert
// with parser.WithContext(NewContext(base, marks)). A document converted
// without such a context renders unchanged.
//
// The marks are written while the document renders: the extension renders
// text nodes (before goldmark's HTML renderer, which it asks to write each
// piece of text), cutting a text where a mark starts or ends and opening
// and closing the marks around each piece. The document's tree is left as
// parsed.
var Extension goldmark.Extender = markExtension{}

type markExtension struct{}

func (markExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 10000)))
	// Before the HTML renderer (priority 1000), so that its text renderer
	// is the one used; it gets the same options.
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(&nodeRenderer{html: html.NewRenderer()}, 999)))
}

var contextKey = parser.NewContextKey()

type state struct {
	base int // file offset of the Markdown source's first byte
	wr   *writer
	tmp  ast.Text // a piece of text being written, reused
}

// NewContext returns a parser context carrying marks for a Markdown source
// that starts at file offset base (the article body's start). marks must be
// sorted (see Sort).
func NewContext(base int, marks []Mark) parser.Context {
	pc := parser.NewContext()
	pc.Set(contextKey, &state{base: base, wr: newWriter(marks)})
	return pc
}

// stateAttr is the name of the document attribute that carries the marks'
// state from the parser to the renderer (a document's attributes are not
// written).
const stateAttr = "\x00annotate"

type transformer struct{}

// Transform hands the document the marks of its parser context.
func (transformer) Transform(node *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(contextKey).(*state)
	if st == nil || len(st.wr.marks) == 0 {
		return
	}
	node.SetAttributeString(stateAttr, st)
}

// nodeRenderer renders text nodes with their marks, through html (the
// HTML renderer's own text renderer) for the text itself.
type nodeRenderer struct {
	html      renderer.NodeRenderer
	text, doc renderer.NodeRendererFunc
}

// SetOption hands the renderer's options to html, as goldmark hands them
// to its HTML renderer.
func (r *nodeRenderer) SetOption(name renderer.OptionName, value any) {
	if so, ok := r.html.(renderer.SetOptioner); ok {
		so.SetOption(name, value)
	}
}

func (r *nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	r.html.RegisterFuncs(keep{r})
	reg.Register(ast.KindText, r.renderText)
	reg.Register(ast.KindDocument, r.renderDocument)
}

// keep keeps the text and document renderers of what registers with it.
type keep struct{ r *nodeRenderer }

func (k keep) Register(kind ast.NodeKind, f renderer.NodeRendererFunc) {
	switch kind {
	case ast.KindText:
		k.r.text = f
	case ast.KindDocument:
		k.r.doc = f
	}
}

// renderDocument renders the document as the HTML renderer does and, once
// it has been written, hands its writer's scratch memory back.
func (r *nodeRenderer) renderDocument(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	if !entering {
		if v, ok := n.AttributeString(stateAttr); ok {
			if st, _ := v.(*state); st != nil {
				st.wr.release()
			}
		}
	}
	if r.doc == nil {
		return ast.WalkContinue, nil
	}
	return r.doc(w, source, n, entering)
}

// skipKinds are the nodes whose text is never marked: code, raw HTML and
// autolinks.
func skipKind(k ast.NodeKind) bool {
	switch k {
	case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindAutoLink:
		return true
	}
	return false
}

// renderText writes a text node, each piece of it covered by the same
// marks inside those marks' elements.
func (r *nodeRenderer) renderText(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
	t := n.(*ast.Text)
	if !entering || t.IsRaw() {
		return r.text(w, source, n, entering)
	}
	var st *state
	inLink := false
	for p := n.Parent(); p != nil; p = p.Parent() {
		switch k := p.Kind(); {
		case k == ast.KindLink:
			inLink = true
		case k == ast.KindDocument:
			if v, ok := p.AttributeString(stateAttr); ok {
				st, _ = v.(*state)
			}
		case skipKind(k):
			return r.text(w, source, n, entering)
		}
	}
	if st == nil {
		return r.text(w, source, n, entering)
	}
	seg := t.Segment
	pieces := st.wr.split(seg.Start+st.base, seg.Stop+st.base)
	if len(pieces) == 1 && len(pieces[0].marks) == 0 {
		return r.text(w, source, n, entering)
	}
	sw := stringWriter(w)
	for k, pc := range pieces {
		// st.tmp is only ever a lone text with a segment and line
		// breaks (set on the last piece): setting those three is as
		// good as a new ast.Text.
		piece := &st.tmp
		piece.Segment = text.NewSegment(pc.start-st.base, pc.end-st.base)
		last := k == len(pieces)-1
		piece.SetSoftLineBreak(last && t.SoftLineBreak())
		piece.SetHardLineBreak(last && t.HardLineBreak())
		for _, i := range pc.marks {
			st.wr.open(sw, i, inLink)
		}
		if _, err := r.text(w, source, piece, true); err != nil {
			return ast.WalkStop, err
		}
		for k := len(pc.marks) - 1; k >= 0; k-- {
			st.wr.close(sw, pc.marks[k], inLink)
		}
	}
	return ast.WalkContinue, nil
}
