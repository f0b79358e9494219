package briefing

import (
	"bytes"
	"math/rand"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/source"
)

func link(p string) string { return "https://example.org/news" + p }

func briefFixture(t testing.TB, hostile string) (*source.Briefing, FactsOf) {
	q := "We will keep the port open for every ship " + hostile + " that needs it,"
	return fixture(t, "port",
		tArticle{slug: "wire", date: "2025-03-14", outlet: "Wire " + hostile, lines: []string{
			"Prime Minister Ana Ribeiro met Karim Benali in Lisbon on Thursday " + hostile + ".",
			q + " Ribeiro said.",
		}, actors: []tActor{person("Ana Ribeiro", "Prime Minister"), person("Karim Benali")},
			quotes: []tQuote{{q, "Ana Ribeiro", false}},
			events: []tEvent{{date: "2025-03-13", summary: "Ana Ribeiro met Karim Benali in Lisbon " + hostile, venue: "Lisbon", actors: []string{"Ana Ribeiro", "Karim Benali"}}}},
		tArticle{slug: "daily", date: "2025-03-15", outlet: "Daily", lines: []string{
			"Ana Ribeiro and Karim Benali signed the deal.",
			q + " said Ribeiro.",
		}, actors: []tActor{person("Ana Ribeiro"), person("Karim Benali")},
			quotes: []tQuote{{q, "Ana Ribeiro", false}}},
	)
}

func TestBriefContents(t *testing.T) {
	b, facts := briefFixture(t, "")
	x := Aggregate(b, facts, Options{})
	md := string(x.Brief(link))
	for _, want := range []string{
		"# Test briefing port\n",
		"## Key developments\n",
		"Ana Ribeiro met Karim Benali in Lisbon",
		"(<https://example.org/news/port/wire/#s-1>)",
		"## Who is who\n",
		"[**Ana Ribeiro**](<https://example.org/news/port/actors/ana-ribeiro/>), Prime Minister",
		"## Notable quotations\n",
		"“We will keep the port open for every ship that needs it” — [Ana Ribeiro]",
		"[Wire, Mar. 14](<https://example.org/news/port/wire/#s-2>); [Daily, Mar. 15](<https://example.org/news/port/daily/#s-2>)",
		"## Sources\n",
		"- [Article daily](<https://example.org/news/port/daily/>) — Daily, March 15, 2025\n- [Article wire]",
	} {
		if !strings.Contains(md, want) {
			t.Errorf("brief lacks %q\n%s", want, md)
		}
	}
	// Without a summary in _index.md, the lead of the newest article.
	if !strings.Contains(md, "Ana Ribeiro and Karim Benali signed the deal. [↗](<https://example.org/news/port/daily/#s-1>)") {
		t.Errorf("brief does not open with the newest article's lead:\n%s", md)
	}
}

func TestBriefDeterministic(t *testing.T) {
	b, facts := briefFixture(t, "")
	want := Aggregate(b, facts, Options{}).Brief(link)
	r := rand.New(rand.NewSource(1))
	for i := 0; i < 10; i++ {
		r.Shuffle(len(b.Articles), func(i, j int) { b.Articles[i], b.Articles[j] = b.Articles[j], b.Articles[i] })
		if got := Aggregate(b, facts, Options{}).Brief(link); !bytes.Equal(got, want) {
			t.Fatalf("brief differs with the articles in another order:\n%s\n---\n%s", got, want)
		}
	}
}

var hostile = []string{
	"<script>alert(1)</script>",
	"[click](javascript:alert(1))",
	"![x](javascript:alert(1))",
	"*bold* _it_ `code` # not a heading",
	"<img src=x onerror=alert(1)>",
	"\n\n# Heading\n- item\n> quote\n1. one",
	"&lt;script&gt; &#60;script&#62;",
	"\\<script>",
	"<https://evil.example/>",
}

func TestBriefEscapesArticleText(t *testing.T) {
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer))
	for _, h := range hostile {
		b, facts := briefFixture(t, h)
		b.Title = "Title " + h
		x := Aggregate(b, facts, Options{})
		out := x.Brief(link)
		checkBrief(t, h, out, md)
	}
}

func checkBrief(t testing.TB, input string, out []byte, md goldmark.Markdown) {
	t.Helper()
	if bytes.Contains(out, []byte("<script")) || bytes.Contains(out, []byte("<img")) {
		t.Errorf("%q: brief.md carries raw HTML:\n%s", input, out)
	}
	var html bytes.Buffer
	if err := md.Convert(out, &html); err != nil {
		t.Fatal(err)
	}
	h := strings.ToLower(html.String())
	for _, bad := range []string{"<script", "<img", "javascript:", "onerror="} {
		if bad == "onerror=" && !strings.Contains(h, "<img") {
			continue // as text it is harmless
		}
		if bad == "javascript:" && !strings.Contains(h, `href="javascript:`) && !strings.Contains(h, `src="javascript:`) {
			continue
		}
		if strings.Contains(h, bad) {
			t.Errorf("%q: rendered brief contains %s:\n%s", input, bad, h)
		}
	}
	// Article text never becomes a heading, list or blockquote of its own.
	if n := strings.Count(h, "<h1"); n > 1 {
		t.Errorf("%q: %d <h1> in the brief", input, n)
	}
	if strings.Contains(h, "<blockquote") || strings.Contains(h, "<em>") || strings.Contains(h, "<code>") {
		t.Errorf("%q: article text became markup:\n%s", input, h)
	}
}

func TestEscapeMarkdown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain text", "plain text"},
		{"a*b_c", `a\*b\_c`},
		{"[x](y)", `\[x\]\(y\)`},
		{"<b>", "&lt;b&gt;"},
		{"# h", `\# h`},
		{"- item", `\- item`},
		{"1. one", `1\. one`},
		{"line\nbreak\r\n", "line break"},
		{"U.S.-China", "U.S.-China"},
		{"a & b", `a \& b`},
	}
	for _, tc := range tests {
		if got := EscapeMarkdown(tc.in); got != tc.want {
			t.Errorf("EscapeMarkdown(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func FuzzBrief(f *testing.F) {
	for _, h := range hostile {
		f.Add(h)
	}
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer))
	f.Fuzz(func(t *testing.T, s string) {
		b, facts := briefFixture(t, s)
		b.Title = s
		b.Summary = s
		out := Aggregate(b, facts, Options{}).Brief(link)
		if bytes.Contains(bytes.ToLower(out), []byte("<script")) {
			t.Fatalf("raw <script in brief.md for %q", s)
		}
		var html bytes.Buffer
		if err := md.Convert(out, &html); err != nil {
			t.Fatal(err)
		}
		if strings.Contains(strings.ToLower(html.String()), "<script") {
			t.Fatalf("<script in rendered brief for %q", s)
		}
	})
}

func TestSameRole(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"Kelmora's President", "Kelmoran President", true},
		{"Foreign Minister", "Kelmoran Foreign Minister", true},
		{"the water minister", "Water Minister", true},
		{"President-elect", "President", false},
		{"Deputy Prime Minister", "Prime Minister", false},
		{"UN envoy", "UN special envoy", false},
		{"Prime Minister", "Dravian Prime Minister", true},
	}
	for _, tc := range tests {
		if got := sameRole(tc.a, tc.b); got != tc.want {
			t.Errorf("sameRole(%q, %q) = %v", tc.a, tc.b, got)
		}
	}
}

// TestCollapse checks collapse against its definition,
// strings.Join(strings.Fields(s), " "), on white space of every kind and
// invalid UTF-8.
func TestCollapse(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", " a b c ", "x\u00a0y", "x\u2003 y", "x\u0085y",
		"\xff \xfe", "a \xe2\x80", "é è", "line one\nline two\r\n", "\v\f", "ab  cd\u3000ef",
	} {
		want := strings.Join(strings.Fields(s), " ")
		if got := collapse(s); got != want {
			t.Errorf("collapse(%q) = %q, want %q", s, got, want)
		}
		if got := collapseText([]byte(s)); got != want {
			t.Errorf("collapseText([]byte(%q)) = %q, want %q", s, got, want)
		}
		d := &doc.Doc{Text: []byte("<" + s + ">")}
		if got := collapseSpan(d, doc.Span{Start: 1, End: len(s) + 1}); got != want {
			t.Errorf("collapseSpan(%q) = %q, want %q", s, got, want)
		}
	}
	d := &doc.Doc{Text: []byte("a b")}
	for _, sp := range []doc.Span{{Start: -3, End: 9}, {Start: 2, End: 1}, {Start: 5, End: 9}} {
		if got, want := collapseSpan(d, sp), collapse(d.Slice(sp)); got != want {
			t.Errorf("collapseSpan(%v) = %q, want %q", sp, got, want)
		}
	}
}

func FuzzCollapse(f *testing.F) {
	f.Add("a  b\t\nc\u00a0\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := collapseText([]byte(s)), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("collapseText(%q) = %q, want %q", s, got, want)
		}
	})
}

func TestHasFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", "a b c d e f", "a b c d e", " a\tb\nc\u00a0d\u2003e\u0085f ", "\xff \xfe x y z w", "one two three four five six seven"} {
		for n := 0; n <= 8; n++ {
			if got, want := hasFields(s, n), len(strings.Fields(s)) >= n; got != want {
				t.Errorf("hasFields(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

func TestKindRankOf(t *testing.T) {
	for k := actors.Kind(0); k < 8; k++ {
		if kindRankOf(k) != kindRank(k.String()) {
			t.Errorf("kindRankOf(%d) = %d, kindRank(%q) = %d", k, kindRankOf(k), k.String(), kindRank(k.String()))
		}
	}
}
