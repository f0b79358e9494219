package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
)

// gfmMarkdown is NewMarkdown with goldmark's own extension.GFM, whose
// linkify parser quickLinkify stands in front of.
func gfmMarkdown() goldmark.Markdown {
	return goldmark.New(
		goldmark.WithExtensions(extension.GFM, extension.Footnote, extension.Typographer, safeHTML{}),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)
}

// linkifyCases are texts with and without the links linkify finds, at
// the line head and after each of its trigger bytes.
var linkifyCases = []struct{ in, want string }{
	{"See https://example.org/a/b?c=1.", `<a href="https://example.org/a/b?c=1">https://example.org/a/b?c=1</a>.`},
	{"http://example.org at the line head", `<a href="http://example.org">http://example.org</a> at`},
	{"files on ftp://files.example.net/x too", `<a href="ftp://files.example.net/x">`},
	{"visit www.example.com/news today", `<a href="http://www.example.com/news">www.example.com/news</a>`},
	{"(www.example.com) in brackets", `(<a href="http://www.example.com">www.example.com</a>)`},
	{"mail press@example.org, or not", `<a href="mailto:press@example.org">press@example.org</a>,`},
	{"*desk@news.example.com*", `<em><a href="mailto:desk@news.example.com">desk@news.example.com</a></em>`},
	{"_https://example.org/_ and ~www.example.org~", `<em><a href="https://example.org/">https://example.org/</a></em>`},
	{"a very-long-local-part-of-an-address-that-goes-on-and-on-and-on-x@example.org", `@example.org`},
	{"no link here: hello world, http without colon, wwwx, a@b", "no link here: hello world, http without colon, wwwx, a@b"},
	{"@handle and user@ and @example.org", "@handle and user@ and @example.org"},
	{"[text www.example.org](https://x.example/) in a link", `<a href="https://x.example/">text www.example.org</a>`},
	{"`https://example.org` in code", "<code>https://example.org</code>"},
	{"trailing https://example.org/path).", `<a href="https://example.org/path">https://example.org/path</a>).`},
	{"", ""},
}

// TestQuickLinkify checks that NewMarkdown links what goldmark's GFM
// links, and renders every case as goldmark's GFM does.
func TestQuickLinkify(t *testing.T) {
	md, ref := NewMarkdown(), gfmMarkdown()
	for _, c := range linkifyCases {
		got, err := Markdown(md, []byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		want, err := Markdown(ref, []byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if got != want {
			t.Errorf("%q:\ngot  %s\nGFM  %s", c.in, got, want)
		}
		if !strings.Contains(string(got), c.want) {
			t.Errorf("%q: output lacks %s:\n%s", c.in, c.want, got)
		}
	}
}

// FuzzQuickLinkify renders any text as goldmark's GFM does.
func FuzzQuickLinkify(f *testing.F) {
	for _, c := range linkifyCases {
		f.Add(c.in)
	}
	f.Add("x\n(http://a.b/c_(d))\n* www.a.b\n~ftp://q.r~ _x@y.z_\n\t@\x00www.")
	md, ref := NewMarkdown(), gfmMarkdown()
	f.Fuzz(func(t *testing.T, in string) {
		var got, want bytes.Buffer
		errGot := md.Convert(Defuse([]byte(in)), &got)
		errWant := ref.Convert(Defuse([]byte(in)), &want)
		if (errGot != nil) != (errWant != nil) || got.String() != want.String() {
			t.Fatalf("%q:\ngot  %s (%v)\nGFM  %s (%v)", in, got.String(), errGot, want.String(), errWant)
		}
	})
}
