package annotate

import (
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
		p.wr.buf = appendEscapedText(p.wr.buf[:0], p.text[pc.start:pc.end])
		sw.Write(p.wr.buf)
		for k := len(pc.marks) - 1; k >= 0; k-- {
			p.wr.close(sw, pc.marks[k], false)
		}
	}
}

// appendEscapedText appends t escaped as html.EscapeString escapes it.
func appendEscapedText(b, t []byte) []byte {
	for len(t) > 0 {
		i := 0
		for i < len(t) && !htmlSpecial[t[i]] {
			i++
		}
		b = append(b, t[:i]...)
		if i == len(t) {
			break
		}
		switch t[i] {
		case '<':
			b = append(b, "&lt;"...)
		case '>':
			b = append(b, "&gt;"...)
		case '&':
			b = append(b, "&amp;"...)
		case '\'':
			b = append(b, "&#39;"...)
		case '"':
			b = append(b, "&#34;"...)
		}
		t = t[i+1:]
	}
	return b
}
