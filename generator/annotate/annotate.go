// Package annotate marks extracted facts inside an article's rendered body.
// It anchors each sentence and wraps quotations, actor mentions and dates in
// elements, in HTML that goldmark renders from Markdown (through Extension)
// or that Plain renders from a plain-text paragraph. Every byte of the
// article stays HTML-escaped: marks only add elements around it.
//
// Marks are given as spans of byte offsets into the article file, the same
// offsets extraction reports, so a fact found in the text is the fact shown.
package annotate

import (
	"html"
	"io"
	"sort"
	"strings"

	"briefgen/generator/doc"
)

// Attr is one attribute of a mark's element. Values are escaped when written.
type Attr struct{ Name, Value string }

// Mark wraps the text of Span in an element.
//
// Where a mark's text is split by other markup (emphasis, a link, another
// mark), the element is repeated around each piece; ID is written on the
// first piece only, so it stays unique and targets the start of the span.
type Mark struct {
	Span  doc.Span
	Tag   string // "span", "mark", "time", "a" ...; "a" becomes "span" inside a link
	Class string
	ID    string
	Attrs []Attr
}

// Sort orders marks so that outer marks come before the marks they contain:
// by start, then longest first. Extension and Plain expect sorted marks.
func Sort(marks []Mark) {
	sort.SliceStable(marks, func(i, j int) bool {
		if marks[i].Span.Start != marks[j].Span.Start {
			return marks[i].Span.Start < marks[j].Span.Start
		}
		return marks[i].Span.End > marks[j].Span.End
	})
}

// piece is a run of text [start, end) covered by the same set of marks.
type piece struct {
	start, end int
	marks      []int // indices into the mark list, outermost first
}

// split cuts [start, end) at every mark boundary inside it and lists the
// marks that cover each piece. wr.marks must be sorted (see Sort).
func (wr *writer) split(start, end int) []piece {
	marks := wr.marks
	// Marks that can overlap [start, end) have Start < end and End > start.
	// Marks are sorted by Start, so the first bound is a binary search; the
	// running maximum of End (wr.maxEnd, non-decreasing) gives the first
	// mark that can reach past start. Scanning only between the two keeps a
	// document of many text nodes and many marks linear, not quadratic.
	n := sort.Search(len(marks), func(i int) bool { return marks[i].Span.Start >= end })
	lo := sort.Search(n, func(i int) bool { return wr.maxEnd[i] > start })
	cuts := []int{start, end}
	var active []int
	for i := lo; i < n; i++ {
		m := marks[i].Span
		if m.End <= start || m.Start >= m.End {
			continue
		}
		active = append(active, i)
		if m.Start > start {
			cuts = append(cuts, m.Start)
		}
		if m.End < end {
			cuts = append(cuts, m.End)
		}
	}
	if len(active) == 0 {
		return []piece{{start, end, nil}}
	}
	sort.Ints(cuts)
	var out []piece
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		p := piece{start: a, end: b}
		for _, i := range active {
			if marks[i].Span.Start <= a && b <= marks[i].Span.End {
				p.marks = append(p.marks, i)
			}
		}
		out = append(out, p)
	}
	return out
}

// writer writes mark elements, remembering which IDs have been written.
type writer struct {
	marks  []Mark
	opened []bool // the mark's first piece has been written (its ID used)
	maxEnd []int  // maxEnd[i] is the largest Span.End of marks[0..i]
}

func newWriter(marks []Mark) *writer {
	wr := &writer{marks: marks, opened: make([]bool, len(marks)), maxEnd: make([]int, len(marks))}
	m := 0
	for i := range marks {
		m = max(m, marks[i].Span.End)
		wr.maxEnd[i] = m
	}
	return wr
}

func (wr *writer) open(w io.Writer, i int, inLink bool) {
	m := &wr.marks[i]
	var b strings.Builder
	b.WriteByte('<')
	b.WriteString(tagOf(m, inLink))
	if m.Class != "" {
		b.WriteString(` class="`)
		b.WriteString(html.EscapeString(m.Class))
		b.WriteByte('"')
	}
	if m.ID != "" && !wr.opened[i] {
		b.WriteString(` id="`)
		b.WriteString(html.EscapeString(m.ID))
		b.WriteByte('"')
	}
	wr.opened[i] = true
	for _, a := range m.Attrs {
		if !safeAttrName(a.Name) || (a.Name == "href" && tagOf(m, inLink) != "a") {
			continue
		}
		b.WriteByte(' ')
		b.WriteString(a.Name)
		b.WriteString(`="`)
		v := a.Value
		if (a.Name == "href" || a.Name == "src") && !safeURL(v) {
			v = "#"
		}
		b.WriteString(html.EscapeString(v))
		b.WriteByte('"')
	}
	b.WriteByte('>')
	io.WriteString(w, b.String())
}

func (wr *writer) close(w io.Writer, i int, inLink bool) {
	io.WriteString(w, "</"+tagOf(&wr.marks[i], inLink)+">")
}

func tagOf(m *Mark, inLink bool) string {
	if !safeTag(m.Tag) || (inLink && m.Tag == "a") {
		return "span"
	}
	return m.Tag
}

// safeTag allows the inline elements a mark may use; anything else is
// written as a span, so a mark can never open a script or style element.
func safeTag(t string) bool {
	switch t {
	case "span", "mark", "time", "a", "q", "cite", "abbr", "strong", "em":
		return true
	}
	return false
}

// safeAttrName allows plain attribute names and refuses event handlers.
func safeAttrName(n string) bool {
	if n == "" || strings.HasPrefix(strings.ToLower(n), "on") {
		return false
	}
	for _, c := range n {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// safeURL refuses URLs with a scheme that runs code (javascript:, vbscript:,
// data:); relative and http(s) URLs pass.
func safeURL(u string) bool {
	u = strings.ToLower(strings.TrimLeft(u, " \t\r\n\x00"))
	for _, bad := range []string{"javascript:", "vbscript:", "data:"} {
		if strings.HasPrefix(u, bad) {
			return false
		}
	}
	return true
}
