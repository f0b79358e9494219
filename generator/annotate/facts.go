package annotate

import (
	"briefgen/generator/doc"
	"briefgen/generator/extract"
)

// ActorID is the id of an actor's entry in an article page's actor list.
func ActorID(id string) string { return "actor-" + id }

// Facts returns the sorted marks that show an article's extracted facts:
// every sentence as a span with its anchor id, every quotation as a mark
// naming its speaker, every actor mention as a link to the actor's entry
// (actorHref gives its URL; nil links to the entry on the same page), and
// every date as a time element.
//
// The marks carry their opening tags ready-made (built once for all the
// mentions of an actor), so they must not be changed, only read.
func Facts(f *extract.Facts, actorHref func(id string) string) []Mark {
	if actorHref == nil {
		actorHref = func(id string) string { return "#" + ActorID(id) }
	}
	names := make(map[string]string, len(f.Actors))
	n := len(f.Sentences) + len(f.Quotes) + len(f.Timexes)
	for _, a := range f.Actors {
		n += len(a.Mentions)
	}
	marks := make([]Mark, 0, n)
	for i, s := range f.Sentences {
		marks = append(marks, Mark{Span: s.Span, Tag: "span", Class: "s", ID: doc.SentenceID(i)})
	}
	for _, a := range f.Actors {
		names[a.ID] = a.Name
		if len(a.Mentions) == 0 {
			continue
		}
		// Every mention of an actor has the same class and attributes:
		// one string and one Attrs slice serve them all (marks are only
		// read).
		class := "actor actor-" + a.Kind.String()
		attrs := []Attr{{"href", actorHref(a.ID)}, {"data-actor", a.ID}}
		for _, m := range a.Mentions {
			marks = append(marks, Mark{Span: m, Tag: "a", Class: class, Attrs: attrs})
		}
	}
	for _, q := range f.Quotes {
		m := Mark{Span: q.Span, Tag: "mark", Class: "quote"}
		if name := names[q.Speaker]; name != "" {
			m.Attrs = []Attr{{"data-speaker", q.Speaker}, {"title", name}}
		} else {
			m.Class = "quote quote-unattributed"
		}
		marks = append(marks, m)
	}
	for _, t := range f.Timexes {
		m := Mark{Span: t.Span, Tag: "time", Class: "date", Attrs: []Attr{{"data-value", t.Value}}}
		if len(t.Value) == 10 && t.Value[4] == '-' && t.Value[7] == '-' {
			m.Attrs = append(m.Attrs, Attr{"datetime", t.Value})
		}
		marks = append(marks, m)
	}
	prebuild(marks)
	Sort(marks)
	return marks
}

// prebuild gives marks their opening tags (see Mark.open), built once per
// distinct element: a mark with the same element, class and Attrs slice
// as the mark before it (every sentence; the mentions of an actor, which
// Facts lists together) shares that mark's tag. The tags are cut from
// one string.
func prebuild(marks []Mark) {
	ends := make([]int, len(marks)) // end of mark i's tag; -1: the previous mark's
	n := 0
	for i := range marks {
		if i > 0 && sameElement(&marks[i-1], &marks[i]) {
			ends[i] = -1
		} else {
			n++
		}
	}
	b := make([]byte, 0, 64*n)
	for i := range marks {
		if ends[i] == 0 {
			b = appendOpen(b, &marks[i], false, false)
			ends[i] = len(b)
		}
	}
	s := string(b)
	start, end := 0, 0
	for i := range marks {
		if ends[i] >= 0 {
			start, end = end, ends[i]
		}
		marks[i].open = s[start:end]
	}
}

// sameElement reports whether marks a and b open the same element: the
// same tag and class and the same Attrs slice.
func sameElement(a, b *Mark) bool {
	return a.Tag == b.Tag && a.Class == b.Class && len(a.Attrs) == len(b.Attrs) &&
		(len(a.Attrs) == 0 || &a.Attrs[0] == &b.Attrs[0])
}
