package render

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"

	"briefgen/generator/tmplexec"
)

// fragments caches the HTML of partial templates by name and value, for
// the fragment template function: a briefing's quotation appears on its
// quotation index and on its speaker's page, an event on the page of
// every actor in it, an article in the list of every actor it names.
// Rendering each once per briefing instead of once per page saves most of
// the template work of actor pages.
//
// Only pointer and string keys are cached. A cached key holds its pointer, so the
// value stays alive (and its address cannot be reused by another value)
// while its HTML is cached.
type fragments struct {
	set  *template.Template // the partials alone
	exec *tmplexec.Set      // executes set
	// cur and old map a fragKey to its template.HTML: sync.Maps, because
	// pages read them far more than they add to them, from every worker
	// at once. ClearFragments makes cur the old generation and drops the
	// old one, and a hit in old moves to cur, so a briefing whose pages
	// are in progress while another briefing clears the cache keeps what
	// it uses (a build renders several briefings at a time).
	cur, old atomic.Pointer[sync.Map]
}

// load returns the cached HTML for k.
func (f *fragments) load(k fragKey) (template.HTML, bool) {
	cur := f.cur.Load()
	if cur != nil {
		if h, ok := cur.Load(k); ok {
			return h.(template.HTML), true
		}
	}
	if old := f.old.Load(); old != nil {
		if h, ok := old.Load(k); ok {
			if cur != nil {
				cur.Store(k, h)
			}
			return h.(template.HTML), true
		}
	}
	return "", false
}

// store caches h for k.
func (f *fragments) store(k fragKey, h template.HTML) {
	cur := f.cur.Load()
	if cur == nil {
		f.cur.CompareAndSwap(nil, new(sync.Map))
		cur = f.cur.Load()
	}
	cur.Store(k, h)
}

// clear starts a new generation.
func (f *fragments) clear() {
	f.old.Store(f.cur.Swap(new(sync.Map)))
}

type fragKey struct {
	name string
	ptr  any
}

// fragment executes the partial name with v, from the cache when v is a
// pointer rendered before. A partial runs in HTML text context, the
// context of a list item in a page, so its HTML is the same as
// {{template name v}} would write there.
func (r *Renderer) fragment(name string, v any) (template.HTML, error) {
	return r.fragmentBy(name, v, v)
}

// fragmentBy executes the partial name with v, from the cache when it ran
// before with the same key, a pointer or a string the partial's output
// depends on alone (the page kind, for a site header that marks the
// current section). The partial gets r.view(v): a *briefing.Quote, a
// *timeline.Entry or a *source.Article comes as a *QuoteItem, *EventItem
// or *ArticleItem (see views.go), anything else as is.
func (r *Renderer) fragmentBy(name string, key, v any) (template.HTML, error) {
	f := &r.frags
	cacheable := false
	if key != nil {
		switch reflect.TypeOf(key).Kind() {
		case reflect.Pointer, reflect.String:
			cacheable = true
		}
	}
	k := fragKey{name, key}
	if cacheable {
		if h, ok := f.load(k); ok {
			return h, nil
		}
	}
	if f.set == nil || f.set.Lookup(name) == nil {
		return "", fmt.Errorf("fragment: no template %q", name)
	}
	buf := getBuffer()
	defer putBuffer(buf)
	if err := f.exec.Execute(buf, name, r.view(v)); err != nil {
		return "", err
	}
	h := template.HTML(buf.String())
	if cacheable {
		f.store(k, h)
	}
	return h, nil
}

// ClearFragments empties the cache of the fragment template function,
// except for what is used again before the next call. A build that
// renders briefing by briefing calls it when a briefing's pages are
// written, so the cache holds about as many briefings' worth as are
// rendered at a time.
func (r *Renderer) ClearFragments() {
	r.frags.clear()
}

// fragments writes, for each item of list (a slice or array), sep and the
// partial name executed with the item as fragment does: the same HTML as
// {{range list}}SEP{{fragment name .}}{{end}} in one call, where a page
// lists many cached items (an actor's quotations, events and articles).
func (r *Renderer) fragments(name, sep string, list any) (template.HTML, error) {
	v := reflect.ValueOf(list)
	switch v.Kind() {
	case reflect.Slice, reflect.Array:
	case reflect.Invalid:
		return "", nil
	default:
		return "", fmt.Errorf("fragments: %T is not a list", list)
	}
	n := v.Len()
	if n == 1 {
		h, err := r.fragment(name, v.Index(0).Interface())
		if err != nil {
			return "", err
		}
		return template.HTML(sep) + h, nil
	}
	// The pieces first, then one string of the right size.
	hs := make([]template.HTML, n)
	size := n * len(sep)
	for i := range hs {
		h, err := r.fragment(name, v.Index(i).Interface())
		if err != nil {
			return "", err
		}
		hs[i] = h
		size += len(h)
	}
	var b strings.Builder
	b.Grow(size)
	for _, h := range hs {
		b.WriteString(sep)
		b.WriteString(string(h))
	}
	return template.HTML(b.String()), nil
}
