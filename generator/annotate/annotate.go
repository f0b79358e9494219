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
	"cmp"
	"html"
	"io"
	"slices"
	"strings"
	"sync"

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

	// open is the opening tag outside links and without ID, as
	// appendOpen writes it, when Facts has built it ("" otherwise).
	open string
}

// Sort orders marks so that outer marks come before the marks they contain:
// by start, then longest first. Extension and Plain expect sorted marks.
func Sort(marks []Mark) {
	// The order is stable: marks with the same span keep their order. A
	// Mark is large, so rather than moving marks about in a stable sort,
	// sort small keys (start, end, index: a total order, so any sort is
	// stable) and move each mark once (sortPacked) or put the marks in
	// place from a sorted copy.
	if slices.IsSortedFunc(marks, compareMarks) {
		return
	}
	if sortPacked(marks) {
		return
	}
	type key struct{ start, end, i int }
	keys := make([]key, len(marks))
	for i, m := range marks {
		keys[i] = key{m.Span.Start, m.Span.End, i}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.start != b.start {
			return cmp.Compare(a.start, b.start)
		}
		if a.end != b.end {
			return cmp.Compare(b.end, a.end)
		}
		return cmp.Compare(a.i, b.i)
	})
	// Rare (see sortPacked): a second array is simplest.
	sorted := make([]Mark, len(marks))
	for i, k := range keys {
		sorted[i] = marks[k.i]
	}
	copy(marks, sorted)
}

// sortPacked is Sort for the usual marks, fewer than 65,535 with offsets
// below 2^24: each mark's key (start, end descending, index) packs into a
// uint64, and ordering integers is quicker than calling a comparison.
// It reports false, having changed nothing, for other marks.
func sortPacked(marks []Mark) bool {
	keys, ok := packKeys(nil, len(marks), func(i int) doc.Span { return marks[i].Span })
	if !ok {
		return false
	}
	slices.Sort(keys)
	// As in Sort: position j takes the mark keys[j]&packedIndex names.
	const placed = packedIndex
	for j := range keys {
		if i := int(keys[j] & packedIndex); i == placed || i == j {
			continue
		}
		held := marks[j]
		for cur := j; ; {
			src := int(keys[cur] & packedIndex)
			keys[cur] |= placed
			if src == j {
				marks[cur] = held
				break
			}
			marks[cur] = marks[src]
			cur = src
		}
	}
	return true
}

// packedIndex masks the index in a packed key.
const packedIndex = 1<<16 - 1

// packKeys appends to keys the packed sort keys of n spans (start, end
// descending, index i, for span(i)) and reports whether they fit: n below
// 65,535 (all ones in the index is left free) and offsets below 2^24.
func packKeys(keys []uint64, n int, span func(i int) doc.Span) ([]uint64, bool) {
	const maxOff = 1<<24 - 1
	if n >= packedIndex {
		return keys, false
	}
	keys = slices.Grow(keys, n)
	for i := range n {
		s := span(i)
		if s.Start < 0 || s.End < 0 || s.Start > maxOff || s.End > maxOff {
			return keys[:0], false
		}
		keys = append(keys, uint64(s.Start)<<40|uint64(maxOff-s.End)<<16|uint64(i))
	}
	return keys, true
}

func compareMarks(a, b Mark) int {
	if a.Span.Start != b.Span.Start {
		return cmp.Compare(a.Span.Start, b.Span.Start)
	}
	return cmp.Compare(b.Span.End, a.Span.End)
}

// piece is a run of text [start, end) covered by the same set of marks.
type piece struct {
	start, end int
	marks      []int // indices into the mark list, outermost first
}

// split cuts [start, end) at every mark boundary inside it and lists the
// marks that cover each piece. wr.marks must be sorted (see Sort). The
// pieces and their mark lists are valid until the next call.
//
// Text is asked for in document order, so split sweeps: marks enter a
// candidate list once the text reaches their start and leave it once the
// text has passed their end. Each call looks only at the marks around it
// (a few: a sentence, a quotation, a name), so marking a long article is
// linear even when one mark spans all of it. Asking for earlier text
// restarts the sweep.
func (wr *writer) split(start, end int) []piece {
	marks := wr.marks
	if wr.splitScratch == nil {
		wr.splitScratch = splitPool.Get().(*splitScratch)
	}
	if start < wr.swept {
		wr.next, wr.cands = 0, wr.cands[:0]
	}
	wr.swept = start
	for wr.next < len(marks) && marks[wr.next].Span.Start < end {
		wr.cands = append(wr.cands, wr.next)
		wr.next++
	}
	// Drop the candidates the text has passed. cands is in mark order, so
	// those that start at or after end (left from a longer earlier
	// request) form a tail that is kept as it is.
	k, j := 0, 0
	for ; j < len(wr.cands) && marks[wr.cands[j]].Span.Start < end; j++ {
		if i := wr.cands[j]; marks[i].Span.End > start {
			wr.cands[k] = i
			k++
		}
	}
	if k < j {
		k += copy(wr.cands[k:], wr.cands[j:])
		wr.cands = wr.cands[:k]
	}
	cuts := append(wr.cuts[:0], start, end)
	active := wr.active[:0]
	for _, i := range wr.cands {
		m := marks[i].Span
		if m.Start >= end {
			break
		}
		if m.Start >= m.End {
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
	// The scratch slices go back to wr (grown, perhaps) for the next call.
	wr.cuts, wr.active = cuts[:0], active[:0]
	out := wr.pieces[:0]
	wr.arena = wr.arena[:0]
	if len(active) == 0 {
		wr.pieces = append(out, piece{start, end, nil})
		return wr.pieces
	}
	sortInts(cuts)
	// Sweep the pieces left to right with the marks open at each: every
	// mark boundary is a cut, so a mark open at a piece's start covers the
	// whole piece. active is in mark order, so open stays outermost first.
	open := wr.openBuf[:0]
	next := 0
	for k := 0; k+1 < len(cuts); k++ {
		a, b := cuts[k], cuts[k+1]
		if a == b {
			continue
		}
		for next < len(active) && marks[active[next]].Span.Start <= a {
			open = append(open, active[next])
			next++
		}
		j := 0
		for _, i := range open {
			if marks[i].Span.End > a {
				open[j] = i
				j++
			}
		}
		open = open[:j]
		p := piece{start: a, end: b}
		if len(open) > 0 {
			// The pieces' mark lists are carved from one slice, reused
			// from call to call.
			if cap(wr.arena)-len(wr.arena) < len(open) {
				wr.arena = make([]int, 0, max(256, 2*cap(wr.arena), 2*len(open)))
			}
			n := len(wr.arena)
			wr.arena = append(wr.arena, open...)
			p.marks = wr.arena[n:len(wr.arena):len(wr.arena)]
		}
		out = append(out, p)
	}
	wr.pieces, wr.openBuf = out, open[:0]
	return out
}

// sortInts sorts a few ints (a text's cuts: two, and two per mark
// around it) by insertion, many with slices.Sort.
func sortInts(a []int) {
	if len(a) > 12 {
		slices.Sort(a)
		return
	}
	for i := 1; i < len(a); i++ {
		for j := i; j > 0 && a[j] < a[j-1]; j-- {
			a[j], a[j-1] = a[j-1], a[j]
		}
	}
}

// writer writes mark elements, remembering which IDs have been written.
type writer struct {
	marks  []Mark
	opened []bool // the mark's first piece has been written (its ID used)
	// split's sweep: marks[:next] start before the text asked for last;
	// cands are those of them that may reach into it; swept is its start.
	next  int
	cands []int
	swept int
	buf   []byte // a tag being written, reused
	*splitScratch
}

// splitScratch is split's memory, reused from call to call and, through
// splitPool, from document to document: the pieces split returns are
// valid until the next call; arena holds their mark lists.
type splitScratch struct {
	cuts, active, openBuf []int
	pieces                []piece
	arena                 []int
}

var splitPool = sync.Pool{New: func() any { return new(splitScratch) }}

// release hands split's memory back once the writer's document has been
// written; a later split takes other memory.
func (wr *writer) release() {
	sc := wr.splitScratch
	if sc == nil {
		return
	}
	wr.splitScratch = nil
	if cap(sc.arena) > 1<<16 || cap(sc.pieces) > 1<<12 || cap(sc.cuts) > 1<<12 {
		return // from a pathological document: let it go
	}
	splitPool.Put(sc)
}

func newWriter(marks []Mark) *writer {
	return &writer{marks: marks, opened: make([]bool, len(marks))}
}

// stringWriter is what the writer writes tags to: goldmark's
// util.BufWriter, bytes.Buffer and bufio.Writer are all one.
type stringWriter interface {
	io.Writer
	io.StringWriter
}

// toStringWriter returns w as a stringWriter.
func toStringWriter(w io.Writer) stringWriter {
	if sw, ok := w.(stringWriter); ok {
		return sw
	}
	return plainWriter{w}
}

type plainWriter struct{ io.Writer }

func (p plainWriter) WriteString(s string) (int, error) { return io.WriteString(p.Writer, s) }

func (wr *writer) open(w stringWriter, i int, inLink bool) {
	m := &wr.marks[i]
	withID := m.ID != "" && !wr.opened[i]
	wr.opened[i] = true
	if m.open != "" && !withID && !inLink {
		w.WriteString(m.open)
		return
	}
	wr.buf = appendOpen(wr.buf[:0], m, withID, inLink)
	w.Write(wr.buf)
}

// appendOpen appends mark m's opening tag, with its ID when withID.
func appendOpen(b []byte, m *Mark, withID, inLink bool) []byte {
	tag := tagOf(m, inLink)
	b = append(b, '<')
	b = append(b, tag...)
	if m.Class != "" {
		b = append(b, ` class="`...)
		b = appendEscaped(b, m.Class)
		b = append(b, '"')
	}
	if withID {
		b = append(b, ` id="`...)
		b = appendEscaped(b, m.ID)
		b = append(b, '"')
	}
	for _, a := range m.Attrs {
		if !safeAttrName(a.Name) || (a.Name == "href" && tag != "a") {
			continue
		}
		b = append(b, ' ')
		b = append(b, a.Name...)
		b = append(b, `="`...)
		v := a.Value
		if (a.Name == "href" || a.Name == "src") && !safeURL(v) {
			v = "#"
		}
		b = appendEscaped(b, v)
		b = append(b, '"')
	}
	return append(b, '>')
}

func (wr *writer) close(w stringWriter, i int, inLink bool) {
	w.WriteString(closeTag(tagOf(&wr.marks[i], inLink)))
}

// closeTag returns the closing tag of an element safeTag allows.
func closeTag(tag string) string {
	switch tag {
	case "span":
		return "</span>"
	case "mark":
		return "</mark>"
	case "time":
		return "</time>"
	case "a":
		return "</a>"
	case "q":
		return "</q>"
	case "cite":
		return "</cite>"
	case "abbr":
		return "</abbr>"
	case "strong":
		return "</strong>"
	case "em":
		return "</em>"
	}
	return "</" + tag + ">"
}

// appendEscaped appends s escaped as html.EscapeString does.
func appendEscaped(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if htmlSpecial[s[i]] {
			return append(b, html.EscapeString(s)...)
		}
	}
	return append(b, s...)
}

// htmlSpecial marks the bytes html.EscapeString replaces.
var htmlSpecial = [256]bool{'<': true, '>': true, '&': true, '\'': true, '"': true}

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
	if n == "" || len(n) >= 2 && n[0]|0x20 == 'o' && n[1]|0x20 == 'n' { // "on…", any case
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
	// Most URLs start with a byte that can begin none of the schemes
	// refused ("/", "#", "h"): no need to trim and compare.
	if u != "" && u[0] > ' ' && u[0] < 0x80 {
		if c := u[0] | 0x20; c != 'j' && c != 'v' && c != 'd' {
			return true
		}
	}
	u = strings.TrimLeft(u, " \t\r\n\x00")
	for i := 0; i < len(u) && i < 16; i++ {
		if u[i] >= 0x80 { // EqualFold below is ToLower's match for ASCII only
			u = strings.ToLower(u)
			break
		}
	}
	for _, bad := range []string{"javascript:", "vbscript:", "data:"} {
		if len(u) >= len(bad) && strings.EqualFold(u[:len(bad)], bad) {
			return false
		}
	}
	return true
}
