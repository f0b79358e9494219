package tmplexec

import (
	"errors"
	"html/template"
	"strings"
	"sync"
	"testing"
	"text/template/parse"
	"unsafe"
)

// The escapers are proven against html/template itself: each context
// below is a small template that makes html/template insert a chain of
// escapers into its action. The test reads the chain from the escaped
// parse tree, renders a value with html/template, and renders it again
// with escaperNamed's functions chained the same way.

// escCase is one html/template context.
type escCase struct {
	name  string
	text  string   // template text: pre + one action + post
	chain []string // the commands html/template's escaped action holds
	// outPre and outPost surround the action's output in the result;
	// empty means the text before and after the action.
	outPre, outPost string
}

var escCases = []escCase{
	{name: "text", text: `<p>{{.V}}</p>`, chain: []string{"_html_template_htmlescaper"}},
	{name: "attr", text: `<p title="{{.V}}">`, chain: []string{"_html_template_attrescaper"}},
	{name: "attr single", text: `<p title='x {{.V}} y'>`, chain: []string{"_html_template_attrescaper"}},
	{name: "title", text: `<title>{{.V}}</title>`, chain: []string{"_html_template_rcdataescaper"}},
	{name: "textarea", text: `<textarea>{{.V}}</textarea>`, chain: []string{"_html_template_rcdataescaper"}},
	{name: "unquoted", text: `<p title={{.V}}>`, chain: []string{"_html_template_nospaceescaper"}},
	{name: "href", text: `<a href="{{.V}}">`,
		chain: []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{name: "href start", text: `<a href="{{.V}}/x">`,
		chain: []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{name: "href path", text: `<a href="/x/{{.V}}">`,
		chain: []string{"_html_template_urlnormalizer", "_html_template_attrescaper"}},
	{name: "href query", text: `<a href="/x?q={{.V}}">`,
		chain: []string{"_html_template_urlescaper", "_html_template_attrescaper"}},
	{name: "href unquoted", text: `<a href={{.V}}>`,
		chain: []string{"_html_template_urlfilter", "_html_template_urlnormalizer", "_html_template_nospaceescaper"}},
	{name: "src query unquoted", text: `<img src=/i?{{.V}}>`,
		chain: []string{"_html_template_urlescaper", "_html_template_nospaceescaper"}},
	{name: "comment", text: `<p><!-- {{.V}} --></p>`, chain: []string{"_html_template_commentescaper"},
		outPre: "<p>", outPost: "</p>"},
	{name: "attr name", text: `<p {{.V}}="x">`, chain: []string{"_html_template_htmlnamefilter"}},
	{name: "attr name alone", text: `<input {{.V}}>`, chain: []string{"_html_template_htmlnamefilter"}},
}

// multiCases call an escaper on two values, which html/template itself
// only does through _eval_args_; writing the call in the template (the
// names are declared with dummy functions for parsing, and html/template
// replaces them with its own when it escapes) reaches the others too.
var multiCases = []escCase{
	{name: "eval args", text: `<p>{{_eval_args_ .V .W}}</p>`,
		chain: []string{"_eval_args_", "_html_template_htmlescaper"}},
	{name: "html multi", text: `<p>{{_html_template_htmlescaper .V .W}}</p>`,
		chain: []string{"_html_template_htmlescaper"}},
	{name: "attr multi", text: `<p title="{{_html_template_attrescaper .V .W}}">`,
		chain: []string{"_html_template_attrescaper"}},
	{name: "nospace multi", text: `<p>{{_html_template_nospaceescaper .V .W}}</p>`,
		chain: []string{"_html_template_nospaceescaper", "_html_template_htmlescaper"}},
	{name: "urlfilter multi", text: `<p>{{_html_template_urlfilter .V .W}}</p>`,
		chain: []string{"_html_template_urlfilter", "_html_template_htmlescaper"}},
	{name: "urlescaper multi", text: `<p>{{_html_template_urlescaper .V .W}}</p>`,
		chain: []string{"_html_template_urlescaper", "_html_template_htmlescaper"}},
	{name: "namefilter multi", text: `<p>{{_html_template_htmlnamefilter .V .W}}</p>`,
		chain: []string{"_html_template_htmlnamefilter", "_html_template_htmlescaper"}},
}

type escData struct{ V, W any }

// escTemplate is one parsed case and the chain read from its escaped tree.
type escTemplate struct {
	c     escCase
	t     *template.Template
	first *parse.CommandNode // the first command: a field or a call
	names []string           // escapers after the first command
}

var dummyFuncs = func() template.FuncMap {
	m := template.FuncMap{}
	for name := range escaperTable {
		m[name] = func(args ...any) string { return "dummy" }
	}
	return m
}()

// parseCase parses c, escapes it by executing it once and checks that
// html/template put the expected escapers into its action.
func parseCase(tb testing.TB, c escCase) *escTemplate {
	tb.Helper()
	t, err := template.New("t").Funcs(dummyFuncs).Parse(c.text)
	if err != nil {
		tb.Fatalf("%s: %v", c.name, err)
	}
	if err := t.Execute(&strings.Builder{}, escData{V: "x", W: "y"}); err != nil {
		tb.Fatalf("%s: %v", c.name, err)
	}
	var action *parse.ActionNode
	for _, n := range t.Tree.Root.Nodes {
		if a, ok := n.(*parse.ActionNode); ok {
			action = a
		}
	}
	if action == nil {
		tb.Fatalf("%s: no action in %s", c.name, t.Tree.Root)
	}
	et := &escTemplate{c: c, t: t, first: action.Pipe.Cmds[0]}
	var got []string
	for i, cmd := range action.Pipe.Cmds {
		id, ok := cmd.Args[0].(*parse.IdentifierNode)
		if !ok {
			if i != 0 {
				tb.Fatalf("%s: command %d is %s", c.name, i, cmd)
			}
			continue
		}
		got = append(got, id.Ident)
		if i > 0 {
			et.names = append(et.names, id.Ident)
		}
	}
	if strings.Join(got, "|") != strings.Join(c.chain, "|") {
		tb.Fatalf("%s: html/template's pipeline is %s, want %v", c.name, action.Pipe, c.chain)
	}
	return et
}

var (
	parsedOnce   sync.Once
	parsedCases  []*escTemplate
	parsedMultis []*escTemplate
)

func parsedEscCases(tb testing.TB) ([]*escTemplate, []*escTemplate) {
	parsedOnce.Do(func() {
		for _, c := range escCases {
			parsedCases = append(parsedCases, parseCase(tb, c))
		}
		for _, c := range multiCases {
			parsedMultis = append(parsedMultis, parseCase(tb, c))
		}
	})
	if parsedCases == nil {
		tb.Fatal("cases did not parse")
	}
	return parsedCases, parsedMultis
}

// want renders d with html/template and returns the action's output.
func (et *escTemplate) want(tb testing.TB, d escData) string {
	tb.Helper()
	var b strings.Builder
	if err := et.t.Execute(&b, d); err != nil {
		tb.Fatalf("%s: %v", et.c.name, err)
	}
	pre, post := et.c.outPre, et.c.outPost
	if pre == "" && post == "" {
		i := strings.Index(et.c.text, "{{")
		j := strings.Index(et.c.text, "}}")
		pre, post = et.c.text[:i], et.c.text[j+2:]
	}
	out := b.String()
	if !strings.HasPrefix(out, pre) || !strings.HasSuffix(out, post) || len(out) < len(pre)+len(post) {
		tb.Fatalf("%s: output %q is not %q...%q", et.c.name, out, pre, post)
	}
	return out[len(pre) : len(out)-len(post)]
}

// got renders d with escaperNamed's functions chained like the action's
// pipeline. Each escaper after the first gets a string, as in
// html/template; its any and str forms must agree.
func (et *escTemplate) got(tb testing.TB, d escData) string {
	tb.Helper()
	var s string
	rest := et.names
	switch n := et.first.Args[0].(type) {
	case *parse.FieldNode:
		s, rest = et.call(tb, rest[0], d.V), rest[1:]
	case *parse.IdentifierNode:
		args := []any{d.V, d.W}[:len(et.first.Args)-1]
		s = et.call(tb, n.Ident, args...)
	default:
		tb.Fatalf("%s: first command %s", et.c.name, et.first)
	}
	for _, name := range rest {
		s = et.call(tb, name, s)
	}
	return s
}

// call calls the escaper name on args with its any form, and when args is
// one string with its str form too, and checks both agree.
func (et *escTemplate) call(tb testing.TB, name string, args ...any) string {
	tb.Helper()
	e, ok := escaperNamed(name)
	if !ok {
		tb.Fatalf("%s: escaperNamed(%q) is false", et.c.name, name)
	}
	cp := append([]any(nil), args...)
	out := e.any(cp...)
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			if str := e.str(s); str != out {
				tb.Errorf("%s: %s(%q): str form %q, any form %q", et.c.name, name, s, str, out)
			}
		}
	}
	return out
}

func checkEscape(tb testing.TB, et *escTemplate, d escData) {
	tb.Helper()
	want := et.want(tb, d)
	if got := et.got(tb, d); got != want {
		tb.Errorf("%s: %s with %#v, %#v:\n got  %q\n want %q", et.c.name, et.c.text, d.V, d.W, got, want)
	}
}

type stringer struct{ s string }

func (s stringer) String() string { return "S<" + s.s + ">" }

type ptrStringer struct{ s string }

func (s *ptrStringer) String() string { return "P<" + s.s + ">" }

type point struct {
	X, Y int
	Name string
}

type named string

// escStrings are the texts every escaper is tried on.
var escStrings = []string{
	"",
	"plain text with nothing special",
	"Jean-Luc Picard, 42",
	`<b class="x">Tom & Jerry's</b> +1 = 2 > 1`,
	"\x00nul\x00",
	"tab\tnl\nvt\vff\fcr\r sp`eq=",
	"bad utf8 \xff\xfe \xc3 \xe2\x82 end\x80",
	"\ufdd0\ufdef\ufdcf\ufdf0\ufff0\ufffd\ufffe\uffff\U00010000",
	"line\u2028sep\u2029para",
	"ü é 中文 🙂",
	"&amp; &lt;b&gt; &#34; &unknown;",
	"javascript:alert(1)",
	"JavaScript:alert(1)",
	" javascript:x",
	"data:text/html;base64,PHA+",
	"vbscript:msgbox",
	"HTTP://example.com/A B?c=d&e=f#g",
	"https://example.com/path/to/page.html",
	"httpſ://long-s.example/", // folds to https
	"mailto:a@b.example",
	"MailTo:a@b.example",
	"ftp://example.com/",
	"/relative/path:with:colons",
	"a/b:c",
	":leading",
	"#ZgotmplZ",
	"ZgotmplZ",
	"/x?q=%41%4a%4G%zz%%2%",
	"%41",
	"%4",
	"a%",
	"path with spaces/ä/ü?x=y z",
	"!#$&'()*+,/:;=?@[]-._~ \"<>\\^`{|}",
	"checked",
	"CHECKED",
	"href",
	"onclick",
	"data-src",
	"xmlns",
	"title2",
	"\u212a", // Kelvin sign, lower-cases to 'k'
	"ſrc",    // long s
	strings.Repeat("long & <text> ", 300),
	strings.Repeat("\"'", 5000),
}

// htmlSnippets are template.HTML values that exercise stripTags.
var htmlSnippets = []string{
	"<b>bold</b> text",
	"a<b",
	"a <b>b",
	"x < y > z",
	"I <3 ponies",
	"<p title=\"1>2\">one</p>two",
	"<p title='a\"b'>c</p>",
	"<p title=v>w</p>",
	"<p title=v",
	"<p title=\"unclosed",
	"<p checked>c",
	"<p =x>y",
	"<p a\"b>c",
	"<!-- comment -->after",
	"<!-- unclosed comment",
	"before<!---->after",
	"<script>var a = '<b>';</script>after",
	"<SCRIPT>x</script >y",
	"<style>p{}</style>z",
	"<textarea>a<b>c</textarea>d",
	"<textarea>a<b</textarea>d",
	"<title>T&amp;T</TITLE/>x",
	"<title>never closed",
	"<meta charset=utf-8>after",
	"<meta content=\"x\">after",
	"</p>end tag",
	"</",
	"<",
	"a<",
	"<1>",
	"<a-b:c>d</a-b:c>",
	"<a--b>c",
	"&iexcl;Hi!",
	"<b>+\"'</b>\x00",
	"<p\ttitle\n=\r'x'\f>y",
	"<img src=x onerror=alert(1)>",
	"<b>\ufdd0 \xff</b>",
	"<scriptx>a</scriptx>b",
	"<script>a</scriptx></script>b",
}

func escValues() []any {
	s := "pointed <to> & \"quoted\""
	ps := &s
	var nilStr *string
	html := template.HTML("<i>it's</i>")
	vals := []any{
		nil, 42, -1.5, 3e100, true, false, uint8(7),
		ps, &ps, nilStr,
		stringer{"a&b"}, &stringer{"<p>"}, &ptrStringer{"x'y"}, (*ptrStringer)(nil),
		errors.New("failed: <bad> & worse"),
		point{1, 2, "p<q"}, &point{3, 4, "r+s"},
		[]string{"a", "<b>"}, map[string]int{"k&": 1},
		named("named <string>"),
		&html,
		template.CSS("color: <red>"), template.JS("alert('x')"), template.JSStr("a\\'b"),
		template.Srcset("/a.png 1x, /b<.png 2x"),
	}
	for _, t := range escStrings {
		vals = append(vals, t, template.HTML(t), template.HTMLAttr(t), template.URL(t))
	}
	for _, t := range htmlSnippets {
		vals = append(vals, t, template.HTML(t))
	}
	return vals
}

func TestEscaperMatchesHTMLTemplate(t *testing.T) {
	cases, multis := parsedEscCases(t)
	vals := escValues()
	for _, et := range cases {
		t.Run(et.c.name, func(t *testing.T) {
			for _, v := range vals {
				checkEscape(t, et, escData{V: v})
			}
		})
	}
	pairs := []escData{
		{V: "a", W: "b"}, {V: 1, W: 2}, {V: "a", W: 2}, {V: nil, W: "x"},
		{V: nil, W: nil}, {V: template.HTML("<b>"), W: "<i>"},
		{V: stringer{"s"}, W: errors.New("e")}, {V: "javascript:", W: "x"},
		{V: "On", W: "Click"}, {V: "", W: ""},
	}
	for _, et := range multis {
		t.Run(et.c.name, func(t *testing.T) {
			for _, d := range pairs {
				checkEscape(t, et, d)
			}
		})
	}
}

// TestEscaperAttrNames checks htmlnamefilter on attribute names
// html/template classifies in different ways.
func TestEscaperAttrNames(t *testing.T) {
	cases, _ := parsedEscCases(t)
	names := strings.Fields(`accept accept-charset action alt archive async
		autocomplete autofocus autoplay background border checked cite
		challenge charset class classid codebase cols colspan content
		contenteditable contextmenu controls coords crossorigin data datetime
		default defer dir dirname disabled draggable dropzone enctype for form
		formaction formenctype formmethod formnovalidate formtarget headers
		height hidden high href hreflang http-equiv icon id ismap keytype kind
		label lang language list longdesc loop low manifest max maxlength media
		mediagroup method min multiple name novalidate open optimum pattern
		placeholder poster profile radiogroup readonly rel required reversed
		rows rowspan sandbox spellcheck scope scoped seamless selected shape
		size sizes span src srcdoc srclang srcset start step style tabindex
		target title type usemap value width wrap xmlns onload onx mysrc myuri
		myurl urlx x1 ALT Href ОН`)
	for _, et := range cases {
		if et.c.chain[0] != "_html_template_htmlnamefilter" {
			continue
		}
		for _, n := range names {
			checkEscape(t, et, escData{V: n})
		}
	}
}

// TestEscaperLiterals pins behaviour worth knowing, in plain words.
func TestEscaperLiterals(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"_html_template_htmlescaper", "a+b<c>&'\"\x00", "a&#43;b&lt;c&gt;&amp;&#39;&#34;\uFFFD"},
		{"_html_template_htmlescaper", "\xff\ufdd0", "\xff\ufdd0"},
		{"_html_template_nospaceescaper", "", "ZgotmplZ"},
		{"_html_template_nospaceescaper", "a b=\x00`", "a&#32;b&#61;&#xfffd;&#96;"},
		{"_html_template_nospaceescaper", "\xff\ufdd0\ufffd", "&#xfffd;&#xfdd0;&#xfffd;"},
		{"_html_template_urlfilter", "JAVASCRIPT:x", "#ZgotmplZ"},
		{"_html_template_urlfilter", "/a:b", "/a:b"},
		{"_html_template_urlfilter", "httpſ://x", "httpſ://x"}, // long s folds to s
		{"_html_template_urlnormalizer", "%41%4", "%41%254"},
		{"_html_template_htmlnamefilter", "\u212a", "k"}, // Kelvin sign lower-cases to k
		{"_html_template_htmlnamefilter", "srclang", "srclang"},
		{"_html_template_htmlnamefilter", "mysrc", "ZgotmplZ"},
		{"_html_template_urlnormalizer", "/a b/%41%4G?x=ü", "/a%20b/%41%254G?x=%c3%bc"},
		{"_html_template_urlescaper", "a b&c/%41", "a%20b%26c%2f%2541"},
		{"_html_template_commentescaper", "anything", ""},
		{"_html_template_htmlnamefilter", "Title", "title"},
		{"_html_template_htmlnamefilter", "href", "ZgotmplZ"},
		{"_eval_args_", "<as is>", "<as is>"},
	}
	for _, tt := range tests {
		e, ok := escaperNamed(tt.name)
		if !ok {
			t.Fatalf("escaperNamed(%q) is false", tt.name)
		}
		if got := e.str(tt.in); got != tt.want {
			t.Errorf("%s.str(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
	// Attribute escapers strip the tags of HTML, with html/template's quirks.
	for in, want := range map[string]string{
		`<b title="x">Tom &amp; "J"</b>`: "Tom &amp; &#34;J&#34;",
		"a<b":                            "a&lt;b", // no complete tag: kept
		"<script>x</script>y":            "y",
		"<textarea>a<b>c</textarea>d":    "ad", // text after the last '<' is lost
		"<p a\"b>c":                      "",   // a quote in a name: the rest is lost
		"<!-- c -->x<p title='>'>y</p>z": "xyz",
	} {
		if got := attrEscaper(template.HTML(in)); got != want {
			t.Errorf("attrEscaper(HTML(%q)) = %q, want %q", in, got, want)
		}
	}
	if got := htmlEscaper(nil); got != "" {
		t.Errorf("htmlEscaper(nil) = %q, want empty", got)
	}
	if got := evalArgs(nil); got != "<nil>" {
		t.Errorf("evalArgs(nil) = %q, want <nil>", got)
	}
}

func TestEscaperNamedUnknown(t *testing.T) {
	for _, name := range []string{"", "html", "urlquery", "_html_template_jsvalescaper",
		"_html_template_cssescaper", "_html_template_srcsetescaper"} {
		if _, ok := escaperNamed(name); ok {
			t.Errorf("escaperNamed(%q) is true", name)
		}
	}
}

// TestEscaperStrNoCopy checks that the str forms return their input
// itself, without allocating, when there is nothing to escape.
func TestEscaperStrNoCopy(t *testing.T) {
	clean := map[string]string{
		"_html_template_htmlescaper":    "Jean-Luc Picard, ü 中文 \xff",
		"_html_template_attrescaper":    "Jean-Luc Picard",
		"_html_template_rcdataescaper":  "Jean-Luc Picard",
		"_html_template_nospaceescaper": "Jean-Luc_Picard,ü",
		"_html_template_urlfilter":      "https://example.com/a b",
		"_html_template_urlnormalizer":  "https://example.com/a/b?c=d&e=%41#f",
		"_html_template_urlescaper":     "abc-def_1.2~3",
		"_html_template_htmlnamefilter": "title",
		"_eval_args_":                   "anything <at> all",
	}
	for name, s := range clean {
		e, _ := escaperNamed(name)
		s = strings.Clone(s)
		if got := e.str(s); unsafe.StringData(got) != unsafe.StringData(s) || got != s {
			t.Errorf("%s.str(%q) = %q, not the input itself", name, s, got)
		}
		if n := testing.AllocsPerRun(100, func() { e.str(s) }); n != 0 {
			t.Errorf("%s.str(%q): %v allocations, want 0", name, s, n)
		}
	}
	// Escaping allocates the result once.
	for name, s := range map[string]string{
		"_html_template_htmlescaper":    `Tom & Jerry's "cartoon" <b>`,
		"_html_template_nospaceescaper": "a b \ufdd0 \xff",
		"_html_template_urlescaper":     "a b/c?d",
		"_html_template_urlnormalizer":  "/a b/ü",
	} {
		e, _ := escaperNamed(name)
		if n := testing.AllocsPerRun(100, func() { e.str(s) }); n != 1 {
			t.Errorf("%s.str(%q): %v allocations, want 1", name, s, n)
		}
	}
}

func FuzzEscapers(f *testing.F) {
	for _, s := range escStrings[:len(escStrings)-2] {
		f.Add(s)
	}
	for _, s := range htmlSnippets {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		cases, multis := parsedEscCases(t)
		for _, et := range cases {
			checkEscape(t, et, escData{V: s})
			checkEscape(t, et, escData{V: template.HTML(s)})
			checkEscape(t, et, escData{V: template.URL(s)})
		}
		for _, et := range multis {
			checkEscape(t, et, escData{V: s, W: template.HTML(s)})
		}
	})
}

func BenchmarkEscapers(b *testing.B) {
	inputs := []struct{ name, s string }{
		{"name", "Jean-Luc Picard of the United Federation"},
		{"sentence", "The minister said the plan would \"cut costs by a third\" within two years, " +
			"but critics from the Audit & Review Office warned that the figures were not yet checked " +
			"and that a vote was at least three months away."},
		{"urlpath", "/briefings/2026-energy-policy/articles/minister-announces-plan.html"},
	}
	for _, name := range []string{"_html_template_htmlescaper", "_html_template_attrescaper",
		"_html_template_nospaceescaper", "_html_template_urlfilter", "_html_template_urlnormalizer",
		"_html_template_urlescaper"} {
		e, _ := escaperNamed(name)
		short := strings.TrimPrefix(name, "_html_template_")
		for _, in := range inputs {
			b.Run(short+"/str/"+in.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in.s)))
				for b.Loop() {
					e.str(in.s)
				}
			})
			b.Run(short+"/any/"+in.name, func(b *testing.B) {
				b.ReportAllocs()
				b.SetBytes(int64(len(in.s)))
				var v any = in.s
				for b.Loop() {
					e.any(v)
				}
			})
		}
	}
}
