package tmplexec

import (
	"bytes"
	"errors"
	"fmt"
	"html/template"
	"regexp"
	"strings"
	"testing"
	"time"
)

type inner struct {
	Name string
	N    int
	Tags []string
	M    map[string]int
	P    *inner
	Any  any
	HTML template.HTML
	URL  template.URL
	when time.Time
}

func (i inner) Upper() string                  { return strings.ToUpper(i.Name) }
func (i *inner) Ptr(s string) string           { return i.Name + "/" + s }
func (i inner) Args(a int, b string) string    { return fmt.Sprint(i.Name, a, b) }
func (i inner) Fails() (string, error)         { return "", errors.New("method failed") }
func (i inner) Stringer() fmt.Stringer         { return xstringer(i.Name) }
func (i inner) Time() time.Time                { return time.Date(2024, 11, 20, 0, 0, 0, 0, time.UTC) }
func (i inner) Count(xs ...string) int         { return len(xs) }
func (i inner) Pair(a, b any) string           { return fmt.Sprint(a, "|", b) }
func (i inner) Kind() kind                     { return kind(i.Name) }
func (i inner) Lookup(m map[string]int) string { return fmt.Sprint(m[i.Name]) }

type kind string

type xstringer string

func (s xstringer) String() string { return "<" + string(s) + ">" }

type outer struct {
	inner
	Items  []inner
	Ptrs   []*inner
	Map    map[string]*inner
	IntMap map[int]string
	Nil    *inner
	Iface  fmt.Stringer
	Empty  any
	Bool   bool
	F      float64
	U      uint
	I8     int8
	Array  [2]string
	Kinds  []kind
	Val    any
	FMap   map[float64]string
}

func testData() *outer {
	a := inner{Name: "Ada & <Bob>", N: 3, Tags: []string{"x", "y\"", "<z>"}, M: map[string]int{"b": 2, "a": 1},
		HTML: "<b>bold</b>", URL: "javascript:alert(1)"}
	b := &inner{Name: "Bo's", N: 0, P: &a, Any: 42}
	return &outer{
		inner:  inner{Name: "root", N: 7, Any: "any string", P: b, Tags: []string{"t"}},
		Items:  []inner{a, *b, {Name: "third", Any: template.HTML("<i>ok</i>")}},
		Ptrs:   []*inner{&a, b, nil},
		Map:    map[string]*inner{"one": &a, "two": b},
		IntMap: map[int]string{3: "three", 1: "one", 2: "two"},
		Iface:  xstringer("iface"),
		F:      2.5, U: 4, I8: -2,
		Array: [2]string{"p", "q"},
		Kinds: []kind{"person", "place"},
		Val:   &a,
		FMap:  map[float64]string{2.5: "b", 1.5: "a"},
	}
}

var testFuncs = template.FuncMap{
	"up":    strings.ToUpper,
	"cat":   func(xs ...any) string { return fmt.Sprint(xs...) },
	"add":   func(a, b int) int { return a + b },
	"mul":   func(a int, b float64) float64 { return float64(a) * b },
	"first": func(xs []string) string { return xs[0] },
	"fail":  func() (string, error) { return "", errors.New("func failed") },
	"boom":  func() string { panic("boom") },
	"frag": func(name string, v any) (template.HTML, error) {
		return template.HTML("<frag " + name + fmt.Sprint(v) + ">"), nil
	},
	"fragBy": func(name string, k, v any) (template.HTML, error) {
		return template.HTML(fmt.Sprint("<", name, k, v, ">")), nil
	},
	"frags": func(name, sep string, v any) (template.HTML, error) {
		if name == "bad" {
			return "", errors.New("no fragment bad")
		}
		return template.HTML(fmt.Sprint(name, sep, v)), nil
	},
	"date": func(t time.Time) string { return t.Format("2006-01-02") },
	"list": func(xs ...any) []any { return xs },
	"kind": func(k kind) string { return "kind:" + string(k) },
}

// execCase runs src through html/template and twice through a Set (the
// first time the Set leaves it to html/template), and compares outputs
// and errors.
func execCase(t *testing.T, src string, data any) (fast bool) {
	t.Helper()
	s := compareSet(t, src, data, 3)
	if s == nil {
		t.Fatalf("parse %q failed", src)
	}
	return s.Stats().Fast > 0
}

// compareSet executes src with data by html/template, then runs times
// through a Set, and fails t unless every run has html/template's output
// and error. It returns the Set, or nil when src does not parse.
func compareSet(t *testing.T, src string, data any, runs int) *Set {
	t.Helper()
	parse := func() *template.Template {
		tm, err := template.New("page").Funcs(testFuncs).Parse(src)
		if err != nil {
			return nil
		}
		return tm
	}
	ref := parse()
	if ref == nil {
		return nil
	}
	var want bytes.Buffer
	wantErr := ref.Execute(&want, data)
	s := New(parse(), testFuncs)
	for i := range runs {
		var got bytes.Buffer
		err := s.Execute(&got, "page", data)
		if (err != nil) != (wantErr != nil) || (err != nil && err.Error() != wantErr.Error()) {
			t.Fatalf("%q run %d: error %v, html/template's %v", src, i, err, wantErr)
		}
		if wantErr == nil && got.String() != want.String() {
			t.Fatalf("%q run %d:\n got %q\nwant %q", src, i, got.String(), want.String())
		}
	}
	return s
}

func TestExecuteMatchesHTMLTemplate(t *testing.T) {
	cases := []struct {
		src  string
		fast bool // the Set runs it itself after the first time
	}{
		// text, fields, escaping contexts
		{`plain text only`, true},
		{`<p>{{.Name}}</p><p>{{.N}}</p><p>{{.F}} {{.U}} {{.I8}} {{.Bool}}</p>`, true},
		{`<p title="{{.Items}}">{{(index .Items 0).Name}}</p>`, true},
		{`<a href="{{.Name}}" title="{{.Name}}">{{.Name}}</a><a href="/q?x={{.Name}}&y={{.N}}">q</a>`, true},
		{`<a href="{{(index .Items 0).URL}}">{{(index .Items 0).HTML}}</a><p title="{{(index .Items 0).HTML}}">`, true},
		{`<title>{{.Name}} &amp; {{(index .Items 0).Name}}</title>`, true},
		{`<p class={{.Name}}>{{.Any}} {{.Empty}} {{.Iface}} {{.P.Any}}</p>`, true},
		{`<p>{{.P.P.Name}} {{.Nil}} {{.P.P.Tags}} {{.Array}} {{.Kinds}}</p>`, true},
		{`<p>{{.Map.one.Name}} {{.Map.missing}} {{.Map.missing.Name}} {{.M.none}}</p>`, true},
		{`{{/* a comment */}}<p>{{- .Name -}}  </p> {{- /* another */ -}} x`, true},
		{`<script>var x = {{.Name}};</script>`, false}, // JS escapers: html/template's
		{`<p style="color: {{.Name}}">`, false},        // CSS escapers: html/template's
		// methods
		{`{{.Upper}} {{.Ptr "s"}} {{.Args 1 "two"}} {{(index .Ptrs 1).Ptr "p"}} {{.Stringer}} {{.Time.Year}}`, true},
		{`{{range .Items}}{{.Upper}} {{.Args .N .Name}} {{.Count}} {{.Count "a" "b"}} {{.Pair 1 2.5}}|{{end}}`, true},
		{`{{.Time.IsZero}} {{.when.IsZero}}`, false}, // unexported field: html/template's error
		{`{{.Fails}}`, false},
		{`{{.Name.Nope}}`, false},
		{`{{.Nil.Name}}`, false},
		{`{{.Upper 1}}`, false},
		{`{{.Kind}} {{kind .Kind}} {{range .Kinds}}{{kind .}} {{end}}`, true},
		{`{{.Lookup .M}} {{.Lookup nil}}`, true},
		// if / with / else
		{`{{if .Name}}yes{{else}}no{{end}} {{if .Nil}}yes{{else if .N}}n{{else}}no{{end}} {{if .Empty}}e{{end}}`, true},
		{`{{with .P}}{{.Name}}{{with .P}}[{{.Name}}]{{end}}{{end}} {{with .Nil}}x{{else}}nil{{end}}`, true},
		{`{{with .Nil}}a{{else with .P}}{{.Name}}{{else}}c{{end}}`, true},
		{`{{if and .Name .N}}a{{end}} {{if or .Nil .Empty 0 ""}}x{{else}}none{{end}} {{and 1 0 2}} {{or 0 "" .Name}}`, true},
		{`{{if not .Nil}}not nil{{end}} {{not .Tags}} {{not 0}} {{.N | not}}`, true},
		{`{{if .Bool}}b{{end}}{{if .F}}f{{end}}{{if .U}}u{{end}}{{if .M}}m{{end}}{{if .IntMap}}i{{end}}`, true},
		// range
		{`{{range .Tags}}<li>{{.}}</li>{{else}}none{{end}}{{range .Empty}}x{{else}}nil{{end}}`, true},
		{`{{range .Nil}}x{{else}}nil{{end}}`, false}, // can't iterate over a nil pointer
		{`{{range $i, $t := .Tags}}{{if $i}}, {{end}}{{$i}}={{$t}}{{end}} {{range $t := .Tags}}{{$t}}{{end}}`, true},
		{`{{range $k, $v := .M}}{{$k}}:{{$v}};{{end}} {{range $k, $v := .IntMap}}{{$k}}:{{$v}};{{end}}`, true},
		{`{{range .Map}}{{.Name}};{{end}} {{range $k, $_ := .Map}}{{$k}}{{end}}`, true},
		{`{{range 3}}{{.}}{{end}} {{range $i := 2}}{{$i}}{{end}} {{range 0}}x{{else}}zero{{end}}`, true},
		{`{{range .Tags}}{{if eq . "y\""}}{{break}}{{end}}{{.}}{{end}}|{{range .Tags}}{{if eq . "x"}}{{continue}}{{end}}{{.}}{{end}}`, true},
		{`{{range .Items}}{{range .Tags}}{{if eq . "x"}}{{break}}{{end}}{{.}}{{end}}/{{end}}`, true},
		{`{{range .Array}}{{.}}{{end}} {{range .Ptrs}}{{if .}}{{.Name}}{{end}};{{end}}`, true},
		{`{{range .Name}}x{{end}}`, false},
		{`{{range .FMap}}{{.}}{{end}}`, false}, // keys a Set does not sort
		// variables
		{`{{$x := .Name}}{{$y := .P}}{{$x}} {{$y.Name}} {{$.N}} {{with .P}}{{$.Name}}{{$x}}{{end}}`, true},
		{`{{$x := 1}}{{if .Name}}{{$x = 2}}{{$z := 3}}{{$z}}{{end}}{{$x}}`, true},
		{`{{$n := 0}}{{range .Tags}}{{$n = .}}{{end}}{{$n}}`, true},
		{`{{$x := .P}}{{$x.P.Name}} {{($x.P).Name}} {{(index .Items 1).Name}} {{$x.Ptr "v"}}`, true},
		// functions and builtins
		{`{{up .Name}} {{.Name | up}} {{cat 1 "a" .N .Nil}} {{add 1 2}} {{add .N 3}} {{mul 2 1.5}} {{3 | add 4}}`, true},
		{`{{frag "f" .N}} {{fragBy "g" .Name .P}} {{frags "h" ", " .Tags}} {{.N | frag "p"}}`, true},
		{`{{frags "bad" "" .Tags}}`, false},
		{`{{first .Tags}} {{date .Time}} {{len .Tags}} {{len .M}} {{len .Name}} {{index .Tags 0}} {{index .M "b"}} {{index .IntMap 2}}`, true},
		{`{{index .Items 1 | printf "%v"}} {{index .Tags 5}}`, false},
		{`{{index (index .Items 0).Tags 2}} {{index .Array 1}} {{index .M "zz"}}`, true},
		{`{{range list 1 "two" .N}}{{.}};{{end}}`, true},
		{`{{eq .N 7}} {{eq .Name "root" "x"}} {{ne .N 3}} {{lt .N 8}} {{le .N 7}} {{gt .F 2.0}} {{ge .U 4}} {{eq .U 4}} {{lt .I8 .U}}`, true},
		{`{{eq (index .Kinds 0) "person"}} {{if eq .Kind "root"}}k{{end}}`, true},
		{`{{eq .P .P}} {{eq .P .Nil}} {{eq .Nil nil}} {{eq .Empty nil}} {{eq .Map.none "x"}} {{eq .Val (index .Ptrs 0)}} {{ne .P .Nil}}`, true},
		{`{{eq .P .Tags}}`, false},
		{`{{eq .Items .Items}}`, false},
		{`{{eq .inner .inner}}`, false},
		{`{{eq .Time .Time}} {{eq .Stringer .Iface}} {{eq .Iface .Iface}}`, true},
		{`{{eq .N "x"}}`, false},
		{`{{print .Name 1 2}} {{printf "%d-%s" .N .Name}} {{println .N}} {{html .Name}} {{.Name | urlquery}} {{js .Name}}`, true},
		{`{{fail}}`, false},
		{`{{boom}}`, false},
		{`{{add 1}}`, false},
		{`{{slice .Tags 1}}`, false},
		{`{{call .Name}}`, false},
		{`{{nil}}`, false},
		{`{{up nil}}`, false},
		// templates
		{`{{define "item"}}<li title="{{.Name}}">{{.Name}}</li>{{end}}{{range .Items}}{{template "item" .}}{{end}}`, true},
		{`{{define "t"}}{{$}}|{{.}}{{end}}{{template "t" .N}} {{template "t"}}`, true},
		{`{{define "rec"}}{{if .}}{{.Name}}>{{template "rec" .P}}{{end}}{{end}}{{template "rec" .}}`, true},
		{`{{define "attr"}}{{.}}{{end}}<p title="{{template "attr" .Name}}">`, false}, // derived template
		{`{{block "b" .Name}}[{{.}}]{{end}}`, true},
	}
	for _, c := range cases {
		got := execCase(t, c.src, testData())
		if got != c.fast {
			t.Errorf("%q: ran fast %v, want %v", c.src, got, c.fast)
		}
	}
}

var bigNumber = regexp.MustCompile(`[0-9]{4}|[0-9]e[0-9]|0x|0b|0o`)

// FuzzExecute runs templates made from the input through html/template
// and through a Set, and requires the same output and the same error.
func FuzzExecute(f *testing.F) {
	for _, s := range []string{
		`<p>{{.Name}}</p>{{range $i, $t := .Tags}}{{$i}}{{$t}}{{end}}`,
		`{{with .P}}{{.Name}}{{else}}x{{end}}{{if and .N .Name}}{{.Upper}}{{end}}`,
		`{{define "x"}}<a href="{{.URL}}">{{.HTML}}</a>{{end}}{{range .Items}}{{template "x" .}}{{end}}`,
		`{{$x := .P}}{{$x.Ptr "a"}}{{index .M "a"}}{{len .Tags}}{{eq .N 7}}{{frag "a" .}}`,
		`<title>{{.Name}}</title><p title={{.Any}}>{{printf "%v" .Map}}</p>`,
		`{{range .IntMap}}{{.}}{{break}}{{end}}{{range 3}}{{if eq . 1}}{{continue}}{{end}}{{.}}{{end}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 400 || bigNumber.MatchString(src) {
			return // keep each run short: no huge ranges
		}
		// One value for both runs: pointers print as addresses.
		compareSet(t, src, testData(), 2)
	})
}

// TestGiveUp checks that a template the Set keeps leaving to html/template
// is no longer run by the Set first.
func TestGiveUp(t *testing.T) {
	tm := template.Must(template.New("page").Parse(`{{range .FMap}}{{.}}{{end}}`))
	s := New(tm, nil)
	for range 30 {
		var b bytes.Buffer
		if err := s.Execute(&b, "page", testData()); err != nil || b.String() != "ab" {
			t.Fatalf("got %q, %v", b.String(), err)
		}
	}
	v, _ := s.progs.Load("page")
	if e := v.(*entry); e.prog != nil {
		t.Errorf("the Set still runs the template first after %d fallbacks", s.Stats().Fallback)
	}
	if st := s.Stats(); st.Fallback != 29 || st.Fast != 0 {
		t.Errorf("stats %+v, want 29 fallbacks", st)
	}
}
