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
		actorHref = func(id string) string { return "#" + ActorID(id) }
	}
	sc := scratchPool.Get().(*scratch)
	defer sc.put()

	// The elements marks open: one per actor (all its mentions share
	// it), quotation and date, in that order; every sentence opens a
	// span of class "s". mentions lists the actors' mentions in their
	// order, each with its actor's element.
	els, mentions := sc.els[:0], sc.mentions[:0]
	nattrs := 2 * (len(f.Actors) + len(f.Quotes) + len(f.Timexes))
	// The elements' attributes are cut from one slice.
	slab := make([]Attr, 0, nattrs)
	cut := func(a ...Attr) []Attr {
		k := len(slab)
		slab = append(slab, a...)
		return slab[k:len(slab):len(slab)]
	}
	names := make(map[string]string, len(f.Actors))
	for _, a := range f.Actors {
		names[a.ID] = a.Name
		if len(a.Mentions) == 0 {
			continue
		}
		for _, m := range a.Mentions {
			mentions = append(mentions, mention{m, len(els)})
		}
		els = append(els, element{tag: "a", class: actorClass(a.Kind.String()), attrs: cut(Attr{"href", actorHref(a.ID)}, Attr{"data-actor", a.ID})})
	}
	firstQuote := len(els)
	for _, q := range f.Quotes {
		if name := names[q.Speaker]; name != "" {
			els = append(els, element{tag: "mark", class: "quote", attrs: cut(Attr{"data-speaker", q.Speaker}, Attr{"title", name})})
		} else {
			els = append(els, element{tag: "mark", class: "quote quote-unattributed"})
		}
	}
	firstDate := len(els)
	for _, t := range f.Timexes {
		if len(t.Value) == 10 && t.Value[4] == '-' && t.Value[7] == '-' {
			els = append(els, element{tag: "time", class: "date", attrs: cut(Attr{"data-value", t.Value}, Attr{"datetime", t.Value})})
		} else {
			els = append(els, element{tag: "time", class: "date", attrs: cut(Attr{"data-value", t.Value})})
		}
	}
	// Their opening tags, cut from one string.
	b := sc.b[:0]
	for i := range els {
		e := &els[i]
		b = appendOpen(b, &Mark{Tag: e.tag, Class: e.class, Attrs: e.attrs}, false, false)
		e.end = len(b)
	}
	tags := string(b)
	for i, start := 0, 0; i < len(els); i++ {
		els[i].open, start = tags[start:els[i].end], els[i].end
	}
	sc.els, sc.mentions = els, mentions
	if cap(b) <= 1<<20 { // not a pathological article's
		sc.b = b
	}

	// Item i: sentences, then mentions, quotations and dates.
	nsent, nment, nquote := len(f.Sentences), len(mentions), len(f.Quotes)
	span := func(i int) doc.Span {
		switch {
		case i < nsent:
			return f.Sentences[i].Span
		case i < nsent+nment:
			return mentions[i-nsent].span
		case i < nsent+nment+nquote:
			return f.Quotes[i-nsent-nment].Span
		}
		return f.Timexes[i-nsent-nment-nquote].Span
	}
	mark := func(i int) Mark {
		if i < nsent {
			return Mark{Span: f.Sentences[i].Span, Tag: "span", Class: "s", ID: sentenceID(i), open: sentenceOpen}
		}
		var e *element
		sp := span(i)
		switch {
		case i < nsent+nment:
			e = &els[mentions[i-nsent].el]
		case i < nsent+nment+nquote:
			e = &els[firstQuote+i-nsent-nment]
		default:
			e = &els[firstDate+i-nsent-nment-nquote]
		}
		return Mark{Span: sp, Tag: e.tag, Class: e.class, Attrs: e.attrs, open: e.open}
	}
	n := nsent + nment + nquote + len(f.Timexes)
	marks := make([]Mark, n)
	// Make each mark in its place in Sort's order when the keys pack
	// (see sortPacked), rather than moving marks about.
	keys, ok := packKeys(sc.keys[:0], n, span)
	sc.keys = keys
	if ok {
		slices.Sort(keys)
		for j, k := range keys {
			marks[j] = mark(int(k & packedIndex))
		}
		return marks
	}
	for i := range marks {
		marks[i] = mark(i)
	}
	Sort(marks)
	return marks
}

// element is what the marks of an actor's mentions, a quotation or a
// date open: the tag, class and attributes and the opening tag they make
// (its end in the tags being built, then the tag).
type element struct {
	tag, class string
	attrs      []Attr
	open       string
	end        int
}

// mention is an actor's mention and its element.
type mention struct {
	span doc.Span
	el   int
}

// sentenceOpen is a sentence mark's opening tag without its ID.
var sentenceOpen = string(appendOpen(nil, &Mark{Tag: "span", Class: "s"}, false, false))

// scratch is Facts's memory, reused from article to article.
type scratch struct {
	els      []element
	mentions []mention
	keys     []uint64
	b        []byte
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// put hands sc back, without the strings and attributes of the article.
func (sc *scratch) put() {
	clear(sc.els)
	sc.els = sc.els[:0]
	scratchPool.Put(sc)
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
