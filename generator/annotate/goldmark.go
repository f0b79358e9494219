package annotate

import (
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Extension is a goldmark extension that applies marks to a Markdown
// document. The marks of a document travel in its parser context: convert
// with parser.WithContext(NewContext(base, marks)). A document converted
// without such a context renders unchanged.
var Extension goldmark.Extender = markExtension{}

type markExtension struct{}

func (markExtension) Extend(m goldmark.Markdown) {
	m.Parser().AddOptions(parser.WithASTTransformers(util.Prioritized(transformer{}, 10000)))
	m.Renderer().AddOptions(renderer.WithNodeRenderers(util.Prioritized(nodeRenderer{}, 10000)))
}

var contextKey = parser.NewContextKey()

type state struct {
	base int // file offset of the Markdown source's first byte
	wr   *writer
}

// NewContext returns a parser context carrying marks for a Markdown source
// that starts at file offset base (the article body's start). marks must be
// sorted (see Sort).
func NewContext(base int, marks []Mark) parser.Context {
	pc := parser.NewContext()
	pc.Set(contextKey, &state{base: base, wr: newWriter(marks)})
	return pc
}

// kindMarked is the kind of a marked node: a run of text wrapped in marks.
var kindMarked = ast.NewNodeKind("AnnotateMarked")

type marked struct {
	ast.BaseInline
	st     *state
	marks  []int
	inLink bool
}

func (n *marked) Kind() ast.NodeKind { return kindMarked }

func (n *marked) Dump(source []byte, level int) { ast.DumpHelper(n, source, level, nil, nil) }

type transformer struct{}

// Transform replaces every text node that a mark touches by marked nodes,
// one per piece of text covered by the same marks.
func (transformer) Transform(node *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(contextKey).(*state)
	if st == nil || len(st.wr.marks) == 0 {
		return
	}
	var texts []*ast.Text
	ast.Walk(node, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n.Kind() {
		case ast.KindCodeSpan, ast.KindCodeBlock, ast.KindFencedCodeBlock, ast.KindHTMLBlock, ast.KindRawHTML, ast.KindAutoLink:
			return ast.WalkSkipChildren, nil
		}
		if t, ok := n.(*ast.Text); ok && !t.IsRaw() {
			texts = append(texts, t)
		}
		return ast.WalkContinue, nil
	})
	for _, t := range texts {
		seg := t.Segment
		pieces := st.wr.split(seg.Start+st.base, seg.Stop+st.base)
		if len(pieces) == 1 && len(pieces[0].marks) == 0 {
			continue
		}
		parent := t.Parent()
		inLink := false
		for p := parent; p != nil; p = p.Parent() {
			if p.Kind() == ast.KindLink {
				inLink = true
				break
			}
		}
		// The new nodes of a text are allocated together, a slice of
		// each kind, rather than one by one.
		nm := 0
		for _, pc := range pieces {
			if len(pc.marks) > 0 {
				nm++
			}
		}
		children, ms := make([]ast.Text, len(pieces)), make([]marked, nm)
		for k, pc := range pieces {
			child := &children[k]
			child.Segment = text.NewSegment(pc.start-st.base, pc.end-st.base)
			if k == len(pieces)-1 {
				child.SetSoftLineBreak(t.SoftLineBreak())
				child.SetHardLineBreak(t.HardLineBreak())
			}
			var n ast.Node = child
			if len(pc.marks) > 0 {
				m := &ms[0]
				ms = ms[1:]
				m.st, m.marks, m.inLink = st, pc.marks, inLink
				m.AppendChild(m, child)
				n = m
			}
			parent.InsertBefore(parent, t, n)
		}
		parent.RemoveChild(parent, t)
	}
}

type nodeRenderer struct{}

func (nodeRenderer) RegisterFuncs(reg renderer.NodeRendererFuncRegisterer) {
	reg.Register(kindMarked, func(w util.BufWriter, source []byte, n ast.Node, entering bool) (ast.WalkStatus, error) {
		m := n.(*marked)
		if entering {
			for _, i := range m.marks {
				m.st.wr.open(w, i, m.inLink)
			}
		} else {
			for k := len(m.marks) - 1; k >= 0; k-- {
				m.st.wr.close(w, m.marks[k], m.inLink)
			}
		}
		return ast.WalkContinue, nil
	})
}
