package annotate

import (
	"slices"
	"sync"

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
		actorHref = func(id string) string { return "#actor-" + id } // "#" + ActorID(id)
	}
	names := make(map[string]string, len(f.Actors))
	n := len(f.Sentences) + len(f.Quotes) + len(f.Timexes)
	nattrs := 2 * (len(f.Quotes) + len(f.Timexes))
	for _, a := range f.Actors {
		n += len(a.Mentions)
		nattrs += 2
	}
	marks := make([]Mark, 0, n)
	// The marks' attributes are cut from one slice.
	slab := make([]Attr, 0, nattrs)
	cut := func(a ...Attr) []Attr {
		k := len(slab)
		slab = append(slab, a...)
		return slab[k:len(slab):len(slab)]
	}
	for i, s := range f.Sentences {
		marks = append(marks, Mark{Span: s.Span, Tag: "span", Class: "s", ID: sentenceID(i)})
	}
	for _, a := range f.Actors {
		names[a.ID] = a.Name
		if len(a.Mentions) == 0 {
			continue
		}
		// Every mention of an actor has the same class and attributes:
		// one string and one Attrs slice serve them all (marks are only
		// read).
		class := actorClass(a.Kind.String())
		attrs := cut(Attr{"href", actorHref(a.ID)}, Attr{"data-actor", a.ID})
		for _, m := range a.Mentions {
			marks = append(marks, Mark{Span: m, Tag: "a", Class: class, Attrs: attrs})
		}
	}
	for _, q := range f.Quotes {
		m := Mark{Span: q.Span, Tag: "mark", Class: "quote"}
		if name := names[q.Speaker]; name != "" {
			m.Attrs = cut(Attr{"data-speaker", q.Speaker}, Attr{"title", name})
		} else {
			m.Class = "quote quote-unattributed"
		}
		marks = append(marks, m)
	}
	for _, t := range f.Timexes {
		m := Mark{Span: t.Span, Tag: "time", Class: "date"}
		if len(t.Value) == 10 && t.Value[4] == '-' && t.Value[7] == '-' {
			m.Attrs = cut(Attr{"data-value", t.Value}, Attr{"datetime", t.Value})
		} else {
			m.Attrs = cut(Attr{"data-value", t.Value})
		}
		marks = append(marks, m)
	}
	prebuild(marks)
	Sort(marks)
	return marks
}

// actorClass is the class of the mentions of an actor of the kind named.
func actorClass(kind string) string {
	switch kind { // the usual kinds, without building their class again
	case "person":
		return "actor actor-person"
	case "organization":
		return "actor actor-organization"
	case "place":
		return "actor actor-place"
	case "other":
		return "actor actor-other"
	}
	return "actor actor-" + kind
}

// sentenceIDs are the IDs of an article's first sentences, made once.
var sentenceIDs = sync.OnceValue(func() []string {
	ids := make([]string, 512)
	for i := range ids {
		ids[i] = doc.SentenceID(i)
	}
	return ids
})

// sentenceID is doc.SentenceID.
func sentenceID(i int) string {
	if ids := sentenceIDs(); i < len(ids) {
		return ids[i]
	}
	return doc.SentenceID(i)
}

// prebuild gives marks their opening tags (see Mark.open), built once per
// distinct element: a mark with the same element, class and Attrs slice
// as the mark before it (every sentence; the mentions of an actor, which
// Facts lists together) shares that mark's tag. The tags are cut from
// one string.
func prebuild(marks []Mark) {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	// ends[i] is the end of mark i's tag in b; -1: the previous mark's.
	ends := slices.Grow(sc.ends[:0], len(marks))[:len(marks)]
	b := sc.b[:0]
	for i := range marks {
		if i > 0 && sameElement(&marks[i-1], &marks[i]) {
			ends[i] = -1
			continue
		}
		b = appendOpen(b, &marks[i], false, false)
		ends[i] = len(b)
	}
	s := string(b)
	if cap(b) <= 1<<20 { // not a pathological article's
		sc.b, sc.ends = b, ends
	}
	start, end := 0, 0
	for i := range marks {
		if ends[i] >= 0 {
			start, end = end, ends[i]
		}
		marks[i].open = s[start:end]
	}
}

// scratch is prebuild's memory, reused from article to article.
type scratch struct {
	b    []byte
	ends []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// sameElement reports whether marks a and b open the same element: the
// same tag and class and the same Attrs slice.
func sameElement(a, b *Mark) bool {
	return a.Tag == b.Tag && a.Class == b.Class && len(a.Attrs) == len(b.Attrs) &&
		(len(a.Attrs) == 0 || &a.Attrs[0] == &b.Attrs[0])
}
