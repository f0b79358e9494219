// Package tmplexec executes html/template templates with the output
// html/template gives them, at a fraction of its cost.
//
// html/template escapes a template once, at its first execution, by
// rewriting its parse tree: every action that prints gets a chain of
// escaping functions. text/template then executes that tree, and pays for
// every printed value with reflective calls: a method and field lookup by
// name, and a reflect.Value.Call of each escaper with its arguments packed
// into fresh slices. On a page that prints a few hundred values that is
// most of the page's cost.
//
// A Set executes the same escaped trees itself. It leaves parsing and the
// escaping analysis to html/template: the first execution of each template
// runs through html/template, and the Set compiles the tree html/template
// escaped. Later executions resolve fields and methods through caches kept
// per node and type, call the escapers (see escape.go, exact copies of
// html/template's, checked by differential tests) and the common function
// signatures directly, and fall back to reflection only where text/template
// itself has no faster way.
//
// Whatever a Set cannot do exactly as text/template does (a construct or
// function it does not know, a value it cannot print, any error at all) it
// leaves to html/template: the page is executed again from the start by
// html/template, whose output or error is returned. A Set's output is
// therefore always html/template's own.
//
// A Set assumes the template's default options (Option("missingkey=...")
// is not consulted: with missingkey=error, use html/template directly).
package tmplexec
