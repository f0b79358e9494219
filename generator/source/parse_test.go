package source

import (
	"errors"
	"strings"
	"testing"
	"time"

	"briefgen/generator/doc"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseArticle(t *testing.T) {
	tests := []struct {
		name, path, text string
		title            string // Article.Title
		titleSpan        string // text of Doc.Title ("" = zero span)
		date             time.Time
		slug             string
		format           Format
		bodyLine         int
		bodyStart        string   // the body starts with this
		paras            []string // paragraph texts
		kinds            []doc.Kind
		check            func(t *testing.T, a *Article)
	}{
		{
			name: "yaml", path: "content/nk/first-one.md",
			text:  "---\ntitle: Troops cross the border\ndate: 2024-11-22\nsource: Example Wire\nauthor: A. Writer\nurl: https://example.org/a\ntags: [war, diplomacy]\n---\n\nFILE - A photo of a border post, June 1, 2024.\n\nThe first paragraph.\nStill the first.\n\n## A heading\n\nLast one.\n",
			title: "Troops cross the border", titleSpan: "Troops cross the border",
			date: date("2024-11-22"), slug: "first-one", format: Markdown, bodyLine: 9, bodyStart: "\nFILE",
			paras: []string{"FILE - A photo of a border post, June 1, 2024.", "The first paragraph.\nStill the first.", "## A heading", "Last one."},
			kinds: []doc.Kind{doc.Caption, doc.Body, doc.Heading, doc.Body},
			check: func(t *testing.T, a *Article) {
				if a.Source != "Example Wire" || a.Author != "A. Writer" || a.URL != "https://example.org/a" {
					t.Errorf("source/author/url = %q %q %q", a.Source, a.Author, a.URL)
				}
				if strings.Join(a.Tags, ",") != "war,diplomacy" {
					t.Errorf("tags = %q", a.Tags)
				}
			},
		},
		{
			name: "toml", path: "b.md",
			text:  "+++\ntitle = \"Talks resume\"\ndate = 2024-03-01\ndraft = true\nslug = \"talks\"\nweight = 3\n+++\nBody here.\n",
			title: "Talks resume", titleSpan: "Talks resume", date: date("2024-03-01"), slug: "talks",
			format: Markdown, bodyLine: 8, bodyStart: "Body here.",
			paras: []string{"Body here."}, kinds: []doc.Kind{doc.Body},
			check: func(t *testing.T, a *Article) {
				if !a.Draft {
					t.Error("draft not set")
				}
				if a.Params["weight"] != int64(3) {
					t.Errorf("params = %v", a.Params)
				}
			},
		},
		{
			name: "quoted title with escapes has no span", path: "c.md",
			text:  "---\ntitle: \"He said \\\"no\\\"\"\ndate: 2024-01-02T15:04:05Z\n---\nText.\n",
			title: `He said "no"`, titleSpan: "", date: time.Date(2024, 1, 2, 15, 4, 5, 0, time.UTC), slug: "c",
			format: Markdown, bodyLine: 5, bodyStart: "Text.", paras: []string{"Text."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "quoted title without escapes has a span", path: "c.md",
			text:  "---\ntitle: 'Rain: a report'\ndate: 2024-01-02 15:04\n---\nText.\n",
			title: "Rain: a report", titleSpan: "Rain: a report", date: time.Date(2024, 1, 2, 15, 4, 0, 0, time.UTC), slug: "c",
			format: Markdown, bodyLine: 5, bodyStart: "Text.", paras: []string{"Text."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "txt", path: "content/nk/Some File.txt",
			text:  "\n  A title line  \n\nFirst paragraph.\n\nFILE - caption here.\n",
			title: "A title line", titleSpan: "A title line", slug: "some-file", format: Text, bodyLine: 3,
			bodyStart: "\nFirst", paras: []string{"First paragraph.", "FILE - caption here."},
			kinds: []doc.Kind{doc.Body, doc.Caption},
		},
		{
			name: "bom and crlf yaml", path: "d.md",
			text:  "\uFEFF---\r\ntitle: Windows file\r\ndate: 2024-05-06\r\n---\r\n\r\nOne.\r\n\r\nTwo.\r\n",
			title: "Windows file", titleSpan: "Windows file", date: date("2024-05-06"), slug: "d",
			format: Markdown, bodyLine: 5, bodyStart: "\r\nOne.", paras: []string{"One.", "Two."}, kinds: []doc.Kind{doc.Body, doc.Body},
		},
		{
			name: "bom and crlf txt", path: "e.txt",
			text:  "\uFEFFTitle here\r\n\r\nBody text.\r\n",
			title: "Title here", titleSpan: "Title here", slug: "e", format: Text, bodyLine: 2,
			bodyStart: "\r\nBody", paras: []string{"Body text."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "markdown without front matter takes the heading", path: "f.md",
			text:  "# A heading title\n\nBody.\n",
			title: "A heading title", titleSpan: "A heading title", slug: "f", format: Markdown, bodyLine: 2,
			bodyStart: "\nBody.", paras: []string{"Body."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "markdown without title falls back to the file name", path: "g-h_i.md",
			text:  "Just a body.\n",
			title: "G h i", slug: "g-h_i", format: Markdown, bodyLine: 1,
			bodyStart: "Just", paras: []string{"Just a body."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "empty front matter", path: "h.md",
			text:  "---\n---\nBody.\n",
			title: "H", slug: "h", format: Markdown, bodyLine: 3, bodyStart: "Body.",
			paras: []string{"Body."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "unknown extension with front matter is markdown", path: "x.text",
			text:  "+++\ntitle = \"T\"\n+++\nB.\n",
			title: "T", titleSpan: "T", slug: "x", format: Markdown, bodyLine: 4, bodyStart: "B.",
			paras: []string{"B."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "unknown extension without front matter is text", path: "y",
			text:  "Title\nBody.\n",
			title: "Title", titleSpan: "Title", slug: "y", format: Text, bodyLine: 2, bodyStart: "Body.",
			paras: []string{"Body."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "yaml end marker", path: "z.md",
			text:  "---\ntitle: Dots\n...\nBody.\n",
			title: "Dots", titleSpan: "Dots", slug: "z", format: Markdown, bodyLine: 4, bodyStart: "Body.",
			paras: []string{"Body."}, kinds: []doc.Kind{doc.Body},
		},
		{
			name: "tags as one string, unicode slug", path: "Ñandú.md",
			text:  "---\ntitle: X\ntags: economy\n---\n",
			title: "X", titleSpan: "X", slug: "ñandú", format: Markdown, bodyLine: 5, bodyStart: "",
			check: func(t *testing.T, a *Article) {
				if len(a.Tags) != 1 || a.Tags[0] != "economy" {
					t.Errorf("tags = %q", a.Tags)
				}
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle(tt.path, []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			if string(a.Doc.Text) != tt.text {
				t.Error("Doc.Text is not the file as read")
			}
			if a.Title != tt.title {
				t.Errorf("Title = %q, want %q", a.Title, tt.title)
			}
			if got := a.Doc.Slice(a.Doc.Title); got != tt.titleSpan {
				t.Errorf("Doc.Title span = %v %q, want %q", a.Doc.Title, got, tt.titleSpan)
			}
			if tt.titleSpan == "" && a.Doc.Title != (doc.Span{}) {
				t.Errorf("Doc.Title = %v, want zero", a.Doc.Title)
			}
			if !a.Date.Equal(tt.date) || !a.Doc.Published.Equal(tt.date) {
				t.Errorf("Date = %v, Published = %v, want %v", a.Date, a.Doc.Published, tt.date)
			}
			if a.Slug != tt.slug {
				t.Errorf("Slug = %q, want %q", a.Slug, tt.slug)
			}
			if a.Format != tt.format {
				t.Errorf("Format = %v, want %v", a.Format, tt.format)
			}
			if a.BodyLine != tt.bodyLine {
				t.Errorf("BodyLine = %d, want %d", a.BodyLine, tt.bodyLine)
			}
			if a.Body.End != len(tt.text) || !strings.HasPrefix(string(a.BodyText()), tt.bodyStart) {
				t.Errorf("Body = %v %q, want it to start with %q", a.Body, a.BodyText(), tt.bodyStart)
			}
			if want := 1 + strings.Count(tt.text[:a.Body.Start], "\n"); want != a.BodyLine {
				t.Errorf("BodyLine %d does not match Body.Start's line %d", a.BodyLine, want)
			}
			if len(a.Doc.Paragraphs) != len(tt.paras) {
				t.Fatalf("got %d paragraphs, want %d", len(a.Doc.Paragraphs), len(tt.paras))
			}
			for i, p := range a.Doc.Paragraphs {
				if got := a.Doc.Slice(p.Span); got != tt.paras[i] || p.Kind != tt.kinds[i] {
					t.Errorf("paragraph %d = %v %q, want %v %q", i, p.Kind, got, tt.kinds[i], tt.paras[i])
				}
			}
			if tt.check != nil {
				tt.check(t, a)
			}
		})
	}
}

func TestParseArticleErrors(t *testing.T) {
	tests := []struct {
		name, path, text string
		line             int
		msg              string // the message contains this
	}{
		{"bad yaml", "a.md", "---\ntitle: ok\ntags: [a, b\n---\n", 3, "YAML"},
		{"bad yaml flow", "a.md", "---\ntitle: ok\nlist: {a: 1,\n  b: 2\nx: y\n---\n", 3, "YAML"},
		{"bad yaml indentation", "a.md", "---\ntitle: ok\n  date: x\n---\n", 3, "YAML"},
		{"yaml not a mapping", "a.md", "---\n- a\n- b\n---\n", 2, "mapping"},
		{"yaml duplicate key", "a.md", "---\ntitle: a\ntitle: b\n---\n", 3, "title"},
		{"bad toml", "a.md", "+++\ntitle = \"a\"\ndate = \n+++\n", 3, "TOML"},
		{"front matter not closed", "a.md", "---\ntitle: a\nBody.\n", 1, "not closed"},
		{"front matter alone not closed", "a.md", "---", 1, "not closed"},
		{"bad date", "a.md", "---\ntitle: a\ndate: next Tuesday\n---\n", 3, "not a date"},
		{"impossible date", "a.md", "---\ndate: 2024-02-30\n---\n", 2, "not a date"},
		{"date as number", "a.md", "---\ndate: 20241122\n---\n", 2, "not a date"},
		{"toml bad date", "a.md", "+++\ndate = \"soon\"\n+++\n", 2, "not a date"},
		{"invalid utf-8", "a.md", "---\ntitle: a\n---\nok\nbad \xff here\n", 5, "invalid UTF-8"},
		{"invalid utf-8 in txt title", "a.txt", "Ti\xc3tle\n", 1, "invalid UTF-8"},
		{"slug escapes", "a.md", "---\nslug: ../../etc\n---\n", 2, "escape"},
		{"slug dotdot", "a.md", "---\nslug: ..\n---\n", 2, ".."},
		{"slug with slash", "a.md", "---\nslug: a/b\n---\n", 2, "path separator"},
		{"slug with backslash", "a.md", "---\nslug: 'a\\b'\n---\n", 2, "path separator"},
		{"slug drive letter", "a.md", "---\nslug: 'C:windows'\n---\n", 2, "drive letter"},
		{"slug with NUL", "a.md", "---\nslug: \"a\\0b\"\n---\n", 2, "NUL"},
		{"slug hidden", "a.md", "---\nslug: .git\n---\n", 2, "hidden"},
		{"slug not url-safe", "a.md", "---\nslug: a b?\n---\n", 2, "URL-safe"},
		{"slug empty", "a.md", "---\nslug: ''\n---\n", 2, "empty"},
		{"draft not bool", "a.md", "---\ndraft: maybe\n---\n", 2, "true or false"},
		{"title a list", "a.md", "---\ntitle: [a]\n---\n", 2, "want text"},
		{"url not http", "a.md", "---\nurl: javascript:alert(1)\n---\n", 2, "http"},
		{"tags a mapping", "a.md", "---\ntags: {a: 1}\n---\n", 2, "list"},
		{"name without slug", "content/x/!!!.md", "---\ntitle: t\n---\n", 0, "slug"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ParseArticle(tt.path, []byte(tt.text))
			if err == nil {
				t.Fatalf("no error; article %+v", a)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v is not *Error", err, err)
			}
			if e.File != tt.path || e.Line != tt.line || !strings.Contains(e.Msg, tt.msg) {
				t.Errorf("error = %q (file %q line %d), want file %q line %d containing %q", err, e.File, e.Line, tt.path, tt.line, tt.msg)
			}
			if !strings.HasPrefix(err.Error(), tt.path+":") {
				t.Errorf("Error() = %q does not start with the file", err)
			}
		})
	}
}

func TestCheckSlug(t *testing.T) {
	for _, s := range []string{"a", "north-korea", "v1.2", "a_b~c", "ñandú", "2024"} {
		if err := CheckSlug(s); err != nil {
			t.Errorf("CheckSlug(%q) = %v", s, err)
		}
	}
	for _, s := range []string{"", ".", "..", "../x", "a/b", "a\\b", "c:", "a\x00", ".x", "a b", "a%2f", "a?b", "a#b", "x\xff"} {
		if err := CheckSlug(s); err == nil {
			t.Errorf("CheckSlug(%q) = nil, want an error", s)
		}
	}
}

func TestSlugify(t *testing.T) {
	for in, want := range map[string]string{
		"Hello World":      "hello-world",
		"  --a--b--  ":     "a-b",
		"snake_case":       "snake_case",
		"_lead":            "lead",
		"Über Größe":       "über-größe",
		"v1.2":             "v1-2",
		"!!!":              "",
		"North Korea (NK)": "north-korea-nk",
	} {
		if got := slugify(in); got != want {
			t.Errorf("slugify(%q) = %q, want %q", in, got, want)
		}
		if got := slugify(in); got != "" {
			if err := CheckSlug(got); err != nil {
				t.Errorf("slugify(%q) = %q is not a valid slug: %v", in, got, err)
			}
		}
	}
}

func FuzzParseArticle(f *testing.F) {
	f.Add("a.md", "---\ntitle: T\ndate: 2024-11-22\n---\n\nBody.\n\nFILE - c.\n")
	f.Add("a.md", "+++\ntitle = \"T\"\n+++\nB\n")
	f.Add("a.txt", "\uFEFFTitle\r\n\r\nBody\r\n")
	f.Add("a.md", "---\ntitle: \"x\n---\n")
	f.Add("a.md", "# Head\n\n\x00\xff")
	f.Add("a.txt", "")
	f.Add("a", "---")
	f.Fuzz(func(t *testing.T, name, text string) {
		a, err := ParseArticle(name, []byte(text))
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.File != name {
				t.Fatalf("error %v is not an *Error naming %q", err, name)
			}
			return
		}
		if string(a.Doc.Text) != text {
			t.Fatal("Doc.Text is not the input")
		}
		n := len(text)
		if a.Body.Start < 0 || a.Body.Start > a.Body.End || a.Body.End > n {
			t.Fatalf("Body %v outside text of %d bytes", a.Body, n)
		}
		if a.Doc.Title != (doc.Span{}) {
			if a.Doc.Title.Start < 0 || a.Doc.Title.End > n || a.Doc.Title.Start >= a.Doc.Title.End {
				t.Fatalf("Title span %v bad", a.Doc.Title)
			}
		}
		prev := a.Body.Start
		for _, p := range a.Doc.Paragraphs {
			if !a.Body.Contains(p.Span) || p.Start < prev || p.Start >= p.End {
				t.Fatalf("paragraph %v outside body %v or out of order", p.Span, a.Body)
			}
			prev = p.End
		}
		if err := CheckSlug(a.Slug); err != nil {
			t.Fatalf("slug %q: %v", a.Slug, err)
		}
	})
}
