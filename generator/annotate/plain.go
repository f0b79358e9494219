package annotate

import (
	"html"
	"io"

	"briefgen/generator/doc"
)

// Plain renders the paragraphs of a plain-text article, which has no
// Markdown: the text HTML-escaped, with the marks that fall inside it.
type Plain struct {
	text []byte
	wr   *writer
}

// NewPlain returns a Plain for text (the whole file) and its marks, which
// must be sorted (see Sort). One Plain serves all paragraphs of an article,
// so each mark's ID is written once.
func NewPlain(text []byte, marks []Mark) *Plain {
	return &Plain{text: text, wr: newWriter(marks)}
}

// Write writes text[span] with its marks; marks reaching outside span are
// cut at its edges.
func (p *Plain) Write(w io.Writer, span doc.Span) {
	span.Start = max(span.Start, 0)
	span.End = min(span.End, len(p.text))
	if span.Start >= span.End {
		return
	}
	sw := toStringWriter(w)
	for _, pc := range p.wr.split(span.Start, span.End) {
		for _, i := range pc.marks {
			p.wr.open(sw, i, false)
		}
		sw.WriteString(html.EscapeString(string(p.text[pc.start:pc.end])))
		for k := len(pc.marks) - 1; k >= 0; k-- {
			p.wr.close(sw, pc.marks[k], false)
		}
	}
}
