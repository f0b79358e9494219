package annotate

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/extract"
	"briefgen/generator/quotes"
	"briefgen/generator/timex"
)

// The opening tags Facts builds ahead are the tags the writer builds for
// a mark: an article renders the same with them and without them, in
// Markdown and as plain text; and the mentions of an actor share one.
func TestFactsPrebuiltTags(t *testing.T) {
	d, f := testArticle(t)
	text := d.Text
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

// naiveFacts is Facts made plainly: the marks in the order they are
// listed, stably sorted.
func naiveFacts(f *extract.Facts, actorHref func(id string) string) []Mark {
	names := map[string]string{}
	var marks []Mark
	for i, s := range f.Sentences {
		marks = append(marks, Mark{Span: s.Span, Tag: "span", Class: "s", ID: doc.SentenceID(i)})
	}
	for _, a := range f.Actors {
		names[a.ID] = a.Name
		for _, m := range a.Mentions {
			marks = append(marks, Mark{Span: m, Tag: "a", Class: "actor actor-" + a.Kind.String(), Attrs: []Attr{{"href", actorHref(a.ID)}, {"data-actor", a.ID}}})
		}
	}
	for _, q := range f.Quotes {
		m := Mark{Span: q.Span, Tag: "mark", Class: "quote"}
		if name := names[q.Speaker]; name != "" {
			m.Attrs = []Attr{{"data-speaker", q.Speaker}, {"title", name}}
		} else {
			m.Class = "quote quote-unattributed"
		}
		marks = append(marks, m)
	}
	for _, t := range f.Timexes {
		m := Mark{Span: t.Span, Tag: "time", Class: "date", Attrs: []Attr{{"data-value", t.Value}}}
		if len(t.Value) == 10 && t.Value[4] == '-' && t.Value[7] == '-' {
			m.Attrs = append(m.Attrs, Attr{"datetime", t.Value})
		}
		marks = append(marks, m)
	}
	slices.SortStableFunc(marks, compareMarks)
	return marks
}

// Facts gives the marks naiveFacts gives, with their tags built, on
// random facts with nested, equal and empty spans, near and past the
// offsets where Facts stops packing sort keys.
func TestFactsMatchesNaive(t *testing.T) {
	rng := rand.New(rand.NewSource(5))
	href := func(id string) string { return "/a/" + id + "/?x=1&y=" + id }
	for round := range 300 {
		base := 0
		switch round % 3 {
		case 1:
			base = 1<<24 - 40 // some spans past 2^24-1
		case 2:
			base = 1 << 30
		}
		sp := func() doc.Span {
			s := base + rng.Intn(60)
			return doc.Span{Start: s, End: s + rng.Intn(12)}
		}
		f := &extract.Facts{}
		for range rng.Intn(10) {
			f.Sentences = append(f.Sentences, doc.Sentence{Span: sp()})
		}
		for a := range rng.Intn(5) {
			act := actors.Actor{ID: fmt.Sprintf("a%d", a), Name: fmt.Sprintf("Name \"%d\"", a), Kind: actors.Kind(rng.Intn(5))}
			for range rng.Intn(4) {
				act.Mentions = append(act.Mentions, sp())
			}
			f.Actors = append(f.Actors, act)
		}
		for range rng.Intn(4) {
			f.Quotes = append(f.Quotes, quotes.Quote{Span: sp(), Speaker: fmt.Sprintf("a%d", rng.Intn(7))})
		}
		for range rng.Intn(4) {
			v := []string{"2024-11-19", "2024", "PAST_REF", "2024-W46"}[rng.Intn(4)]
			f.Timexes = append(f.Timexes, timex.Timex{Span: sp(), Value: v})
		}
		got, want := Facts(f, href), naiveFacts(f, href)
		if len(got) != len(want) {
			t.Fatalf("round %d: %d marks, want %d", round, len(got), len(want))
		}
		for i := range got {
			g, w := got[i], want[i]
			if g.Span != w.Span || g.Tag != w.Tag || g.Class != w.Class || g.ID != w.ID || !slices.Equal(g.Attrs, w.Attrs) {
				t.Fatalf("round %d: mark %d is %+v, want %+v", round, i, g, w)
			}
			if open := string(appendOpen(nil, &w, false, false)); g.open != open {
				t.Fatalf("round %d: mark %d opens %s, want %s", round, i, g.open, open)
			}
		}
	}
}
