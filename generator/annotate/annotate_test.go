package annotate

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"briefgen/generator/doc"
)

// span returns the span of the first occurrence of sub in s.
func span(t testing.TB, s, sub string) doc.Span {
	t.Helper()
	i := strings.Index(s, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, s)
	}
	return doc.Span{Start: i, End: i + len(sub)}
}

func TestPlain(t *testing.T) {
	text := `Intro. She said "a <b> & c" twice.`
	sent := span(t, text, `She said "a <b> & c" twice.`)
	tests := []struct {
		name  string
		marks []Mark
		want  string
	}{
		{"no marks", nil, `She said &#34;a &lt;b&gt; &amp; c&#34; twice.`},
		{"sentence and quote nested", []Mark{
			{Span: sent, Tag: "span", Class: "s", ID: "s-2"},
			{Span: span(t, text, "a <b> & c"), Tag: "mark", Class: "quote", Attrs: []Attr{{"data-speaker", `x"y`}}},
		}, `<span class="s" id="s-2">She said &#34;</span><span class="s"><mark class="quote" data-speaker="x&#34;y">a &lt;b&gt; &amp; c</mark></span><span class="s">&#34; twice.</span>`},
		{"overlapping marks split cleanly", []Mark{
			{Span: span(t, text, "She said"), Tag: "em"},
			{Span: span(t, text, "said \"a"), Tag: "strong"},
		}, `<em>She </em><em><strong>said</strong></em><strong> &#34;a</strong> &lt;b&gt; &amp; c&#34; twice.`},
		{"unsafe tag and handler refused", []Mark{
			{Span: span(t, text, "twice"), Tag: "script", Attrs: []Attr{{"onclick", "alert(1)"}, {"data-ok", "1"}}},
		}, `She said &#34;a &lt;b&gt; &amp; c&#34; <span data-ok="1">twice</span>.`},
		{"script URL refused", []Mark{
			{Span: span(t, text, "twice"), Tag: "a", Attrs: []Attr{{"href", " JavaScript:alert(1)"}}},
		}, `She said &#34;a &lt;b&gt; &amp; c&#34; <a href="#">twice</a>.`},
		{"mark outside span ignored", []Mark{{Span: span(t, text, "Intro"), Tag: "mark"}}, `She said &#34;a &lt;b&gt; &amp; c&#34; twice.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			Sort(tt.marks)
			var b bytes.Buffer
			NewPlain([]byte(text), tt.marks).Write(&b, sent)
			if got := b.String(); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
		})
	}
}

// appendEscapedText escapes as html.EscapeString does, invalid UTF-8
// and NUL bytes included.
func TestAppendEscapedText(t *testing.T) {
	for _, s := range []string{"", "plain", `<a href="x">'&'</a>`, "&&<<>>\"\"''", "\xff\x00<\xfe>", "tail&", "é&é"} {
		if got, want := string(appendEscapedText([]byte("pre"), []byte(s))), "pre"+html.EscapeString(s); got != want {
			t.Errorf("appendEscapedText(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestPlainIDOnce(t *testing.T) {
	text := "one two\n\nthree"
	marks := []Mark{{Span: doc.Span{Start: 0, End: len(text)}, Tag: "span", ID: "x"}}
	p := NewPlain([]byte(text), marks)
	var b bytes.Buffer
	p.Write(&b, doc.Span{Start: 0, End: 7})
	p.Write(&b, doc.Span{Start: 9, End: 14})
	if got, want := b.String(), `<span id="x">one two</span><span>three</span>`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestGoldmark(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer, Extension))
	front := "---\ntitle: x\n---\n"
	body := "Xi said \"more *voices* of peace\" in [Brasilia](https://example.org/).\nSecond line <script>alert(1)</script>.\n\n`code \"x\"` Done."
	file := front + body
	base := len(front)
	marks := []Mark{
		{Span: span(t, file, "more *voices* of peace"), Tag: "mark", Class: "quote"},
		{Span: span(t, file, "Xi"), Tag: "a", Class: "actor", Attrs: []Attr{{"href", "/a/xi/"}}},
		{Span: span(t, file, "Brasilia"), Tag: "a", Class: "actor", Attrs: []Attr{{"href", "/a/brasilia/"}}},
		{Span: span(t, file, "code"), Tag: "mark"},
	}
	Sort(marks)
	var b bytes.Buffer
	if err := md.Convert([]byte(body), &b, parser.WithContext(NewContext(base, marks))); err != nil {
		t.Fatal(err)
	}
	got := b.String()
	for _, want := range []string{
		`<a class="actor" href="/a/xi/">Xi</a> said &ldquo;<mark class="quote">more </mark><em><mark class="quote">voices</mark></em><mark class="quote"> of peace</mark>&rdquo;`,
		`<a href="https://example.org/"><span class="actor">Brasilia</span></a>`,
		"<code>code &quot;x&quot;</code>",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %s\n%s", want, got)
		}
	}
	if strings.Contains(got, "<script") {
		t.Errorf("raw HTML passed through:\n%s", got)
	}
	// Without a context the extension changes nothing.
	var plain, ref bytes.Buffer
	md.Convert([]byte(body), &plain)
	goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer)).Convert([]byte(body), &ref)
	if plain.String() != ref.String() {
		t.Errorf("without marks the output changed:\n%s\n%s", plain.String(), ref.String())
	}
}

func FuzzGoldmark(f *testing.F) {
	f.Add("Xi said \"more *voices* of peace\" in [B](u).", 3, 9, 12, 30)
	f.Add("<script>x</script> **a** `b` c", 0, 5, 2, 20)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer, Extension))
	f.Fuzz(func(t *testing.T, body string, a, b, c, d int) {
		n := len(body) + 1
		norm := func(x int) int { return ((x % n) + n) % n }
		marks := []Mark{
			{Span: doc.Span{Start: norm(a), End: norm(b)}, Tag: "mark", ID: "m1"},
			{Span: doc.Span{Start: norm(c), End: norm(d)}, Tag: "a", Attrs: []Attr{{"href", body}}},
		}
		Sort(marks)
		var out bytes.Buffer
		if err := md.Convert([]byte(body), &out, parser.WithContext(NewContext(0, marks))); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(out.String()), "<script") {
			t.Fatalf("script element in output for %q: %s", body, out.String())
		}
		if strings.Count(out.String(), `id="m1"`) > 1 {
			t.Fatalf("id written twice: %s", out.String())
		}
		var p bytes.Buffer
		NewPlain([]byte(body), marks).Write(&p, doc.Span{Start: 0, End: len(body)})
		if strings.Contains(p.String(), "<script") {
			t.Fatalf("script element in plain output: %s", p.String())
		}
		var q bytes.Buffer
		NewPlain([]byte(body), nil).Write(&q, doc.Span{Start: 0, End: len(body)})
		if want := html.EscapeString(body); q.String() != want {
			t.Fatalf("plain text %q without marks: %q, want %q", body, q.String(), want)
		}
	})
}

// TestSafeURL checks the scheme filter of mark links, in any case and
// with leading space, against the lower-casing it stands for.
func TestSafeURL(t *testing.T) {
	for _, c := range []struct {
		u    string
		want bool
	}{
		{"/a/b/#s-1", true}, {"https://example.org/", true}, {"#actor-x", true},
		{"javascript:alert(1)", false}, {"JavaScript:x", false}, {" \tvbscript:x", false},
		{"DATA:text/html,x", false}, {"data", true}, {"javascrİpt:x", false}, {"JAVASCRİPT:x", false},
		{"ⓙavascript:x", true}, {"dAtA:x", false},
	} {
		want := c.want
		lower := strings.ToLower(strings.TrimLeft(c.u, " \t\r\n\x00"))
		naive := !(strings.HasPrefix(lower, "javascript:") || strings.HasPrefix(lower, "vbscript:") || strings.HasPrefix(lower, "data:"))
		if naive != want {
			t.Fatalf("test case %q: want %v disagrees with lower-casing (%v)", c.u, want, naive)
		}
		if got := safeURL(c.u); got != want {
			t.Errorf("safeURL(%q) = %v, want %v", c.u, got, want)
		}
	}
	for _, n := range []string{"onclick", "ONload", "On", "data-x", "href", "title"} {
		want := !strings.HasPrefix(strings.ToLower(n), "on") && strings.ToLower(n) == n
		if got := safeAttrName(n); got != want {
			t.Errorf("safeAttrName(%q) = %v, want %v", n, got, want)
		}
	}
}
