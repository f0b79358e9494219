package tmplexec

import (
	"bytes"
	"html/template"
	"reflect"
	"sync"
	"sync/atomic"
)

// A Set executes the templates of one html/template set. It is safe for
// use by several goroutines at once, as the template is.
type Set struct {
	html  *template.Template
	funcs map[string]reflect.Value // the set's functions, by name

	progs sync.Map // template name -> *entry

	fast, first, fallback atomic.Int64
}

// entry is a compiled template, or nil prog for one left to html/template.
type entry struct {
	prog *program
	// runs and fallbacks count the program's executions and those it
	// left to html/template.
	runs, fallbacks atomic.Int64
}

// giveUp reports whether a program falls back so often (a theme that
// compares values the Set cannot, say) that running it first only adds
// to html/template's work.
func (e *entry) giveUp() bool {
	f := e.fallbacks.Add(1)
	return f >= 8 && 2*f > e.runs.Load()
}

// New returns a Set that executes the templates of t. funcs must be the
// functions t was given (template.Template.Funcs), as t's templates call
// them; a Set does not see functions added to t later.
func New(t *template.Template, funcs template.FuncMap) *Set {
	s := &Set{html: t, funcs: make(map[string]reflect.Value, len(funcs))}
	for name, f := range funcs {
		s.funcs[name] = reflect.ValueOf(f)
	}
	return s
}

// Execute appends to buf the template of the set named name executed with
// data, exactly as t.ExecuteTemplate(buf, name, data) would. On an error
// buf holds what was written before it, as with html/template.
func (s *Set) Execute(buf *bytes.Buffer, name string, data any) error {
	if v, ok := s.progs.Load(name); ok {
		e := v.(*entry)
		if p := e.prog; p != nil {
			start := buf.Len()
			e.runs.Add(1)
			if p.run(buf, data) {
				s.fast.Add(1)
				return nil
			}
			// Something the program cannot do as text/template does:
			// html/template does the whole page again, and says what
			// went wrong if anything did.
			buf.Truncate(start)
			if e.giveUp() {
				s.progs.Store(name, &entry{})
			}
		}
		s.fallback.Add(1)
		return s.html.ExecuteTemplate(buf, name, data)
	}
	s.first.Add(1)
	err := s.html.ExecuteTemplate(buf, name, data)
	if err == nil {
		// html/template has escaped the template and every template it
		// calls: their trees are final.
		s.progs.LoadOrStore(name, &entry{prog: s.compile(name)})
	}
	return err
}

// Stats counts a Set's executions.
type Stats struct {
	Fast     int64 // run by the Set itself
	First    int64 // a template's first, by html/template
	Fallback int64 // left to html/template: a template or a page the Set cannot run
}

// Stats reports how the Set's executions ran so far.
func (s *Set) Stats() Stats {
	return Stats{Fast: s.fast.Load(), First: s.first.Load(), Fallback: s.fallback.Load()}
}
