package annotate

import (
	"bytes"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"briefgen/generator/doc"
	"briefgen/generator/extract"
)

// The opening tags Facts builds ahead are the tags the writer builds for
// a mark: an article renders the same with them and without them, in
// Markdown and as plain text; and the mentions of an actor share one.
func TestFactsPrebuiltTags(t *testing.T) {
	text, err := os.ReadFile("testdata/article.md")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Text: text, Paragraphs: doc.SplitParagraphs(text, 0, len(text))}
	f := extract.Run(d)
	if len(f.Actors) < 3 || len(f.Quotes) < 2 || len(f.Timexes) < 2 {
		t.Fatalf("test article too poor: %d actors, %d quotes, %d dates", len(f.Actors), len(f.Quotes), len(f.Timexes))
	}
	marks := Facts(f, func(id string) string { return "/actors/" + id + "/?a=1&b=2" })
	bare := make([]Mark, len(marks))
	for i, m := range marks {
		if m.open == "" {
			t.Fatalf("mark %d (%+v) has no tag built", i, m)
		}
		if want := string(appendOpen(nil, &m, false, false)); m.open != want {
			t.Errorf("mark %d: built %s, want %s", i, m.open, want)
		}
		m.open = ""
		bare[i] = m
	}
	for _, a := range f.Actors {
		var tags []string
		for _, m := range marks {
			if len(m.Attrs) > 0 && m.Attrs[len(m.Attrs)-1] == (Attr{"data-actor", a.ID}) {
				tags = append(tags, m.open)
			}
		}
		if len(tags) != len(a.Mentions) {
			t.Errorf("actor %s: %d marks, %d mentions", a.ID, len(tags), len(a.Mentions))
		}
	}

	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer, Extension))
	render := func(marks []Mark) (string, string) {
		var m, p bytes.Buffer
		if err := md.Convert(text, &m, parser.WithContext(NewContext(0, marks))); err != nil {
			t.Fatal(err)
		}
		pl := NewPlain(text, marks)
		for _, para := range d.Paragraphs {
			pl.Write(&p, para.Span)
		}
		return m.String(), p.String()
	}
	gotMD, gotPlain := render(marks)
	wantMD, wantPlain := render(bare)
	if gotMD != wantMD {
		t.Errorf("Markdown with built tags:\n%s\nwithout:\n%s", gotMD, wantMD)
	}
	if gotPlain != wantPlain {
		t.Errorf("plain text with built tags:\n%s\nwithout:\n%s", gotPlain, wantPlain)
	}
	for _, want := range []string{`href="/actors/`, `&amp;b=2"`, `<time class="date"`, `<mark class="quote"`, `id="s-1"`, `visit &amp; the protests`} {
		if !bytes.Contains([]byte(gotMD), []byte(want)) {
			t.Errorf("Markdown output lacks %s:\n%s", want, gotMD)
		}
	}
}

// Documents converted at the same time, whose writers take and hand back
// split's memory through a pool, come out as one converted alone.
func TestGoldmarkConcurrent(t *testing.T) {
	text, err := os.ReadFile("testdata/article.md")
	if err != nil {
		t.Fatal(err)
	}
	d := &doc.Doc{Text: text, Paragraphs: doc.SplitParagraphs(text, 0, len(text))}
	marks := Facts(extract.Run(d), nil)
	md := goldmark.New(goldmark.WithExtensions(extension.GFM, extension.Typographer, Extension))
	convert := func() string {
		var b bytes.Buffer
		if err := md.Convert(text, &b, parser.WithContext(NewContext(0, marks))); err != nil {
			t.Error(err)
		}
		return b.String()
	}
	want := convert()
	if !strings.Contains(want, `id="s-1"`) {
		t.Fatalf("no marks in %s", want)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 20 {
				if got := convert(); got != want {
					t.Errorf("concurrent conversion differs:\n%s\nwant\n%s", got, want)
					return
				}
			}
		})
	}
	wg.Wait()
}
