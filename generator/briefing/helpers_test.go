package briefing

import (
	"strings"
	"testing"
	"time"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
	"briefgen/generator/extract"
	"briefgen/generator/quotes"
	"briefgen/generator/source"
)

// A test article is written as lines, one sentence each. Its facts are
// given by hand, so these tests check aggregation, not extraction.
type tActor struct {
	name    string
	kind    actors.Kind
	aliases []string
	roles   []string
}

type tQuote struct {
	text, speaker string // speaker: the name of one of the article's actors
	partial       bool
}

type tEvent struct {
	date, summary, venue string
	actors               []string // names
	sentence             int
}

type tArticle struct {
	slug, date, outlet string
	lines              []string
	actors             []tActor
	quotes             []tQuote
	events             []tEvent
}

// fixture builds a briefing from test articles and returns it with the
// facts lookup.
func fixture(t testing.TB, slug string, arts ...tArticle) (*source.Briefing, FactsOf) {
	t.Helper()
	b := &source.Briefing{Slug: slug, Title: "Test briefing " + slug}
	facts := map[*source.Article]*extract.Facts{}
	for _, ta := range arts {
		a, f := makeArticle(t, slug, ta)
		b.Articles = append(b.Articles, a)
		facts[a] = f
	}
	return b, func(a *source.Article) *extract.Facts { return facts[a] }
}

func makeArticle(t testing.TB, briefing string, ta tArticle) (*source.Article, *extract.Facts) {
	t.Helper()
	title := "Article " + ta.slug
	text := title + "\n\n" + strings.Join(ta.lines, "\n")
	d := &doc.Doc{Text: []byte(text), Title: doc.Span{Start: 0, End: len(title)}}
	f := &extract.Facts{}
	pos := len(title) + 2
	d.Paragraphs = append(d.Paragraphs, doc.Paragraph{Span: doc.Span{Start: 0, End: len(title)}, Kind: doc.Heading})
	for _, l := range ta.lines {
		sp := doc.Span{Start: pos, End: pos + len(l)}
		d.Paragraphs = append(d.Paragraphs, doc.Paragraph{Span: sp, Kind: doc.Body})
		f.Sentences = append(f.Sentences, doc.Sentence{Span: sp, Para: len(d.Paragraphs) - 1})
		pos += len(l) + 1
	}
	ids := map[string]string{}
	for _, x := range ta.actors {
		a := actors.Actor{ID: actors.Slug(x.name), Name: x.name, Kind: x.kind, Aliases: x.aliases}
		for _, n := range append([]string{x.name}, x.aliases...) {
			for off := 0; ; {
				i := strings.Index(text[off:], n)
				if i < 0 {
					break
				}
				a.Mentions = append(a.Mentions, doc.Span{Start: off + i, End: off + i + len(n)})
				off += i + len(n)
			}
		}
		for _, r := range x.roles {
			i := strings.Index(text, r)
			if i < 0 {
				t.Fatalf("%s: role %q not in the text", ta.slug, r)
			}
			a.Roles = append(a.Roles, actors.Role{Text: r, Span: doc.Span{Start: i, End: i + len(r)}})
		}
		ids[x.name] = a.ID
		f.Actors = append(f.Actors, a)
	}
	for _, q := range ta.quotes {
		i := strings.Index(text, q.text)
		if i < 0 {
			t.Fatalf("%s: quote %q not in the text", ta.slug, q.text)
		}
		f.Quotes = append(f.Quotes, quotes.Quote{Span: doc.Span{Start: i, End: i + len(q.text)}, Speaker: ids[q.speaker], Partial: q.partial})
	}
	for _, e := range ta.events {
		ev := events.Event{Date: e.date, Summary: e.summary, Venue: e.venue, Sentence: f.Sentences[e.sentence].Span}
		for _, n := range e.actors {
			ev.Actors = append(ev.Actors, ids[n])
		}
		f.Events = append(f.Events, ev)
	}
	date, err := time.Parse("2006-01-02", ta.date)
	if err != nil {
		t.Fatal(err)
	}
	d.Published = date
	a := &source.Article{
		Path: "content/" + briefing + "/" + ta.slug + ".txt", Briefing: briefing, Slug: ta.slug,
		Title: title, Source: ta.outlet, Date: date, Format: source.Text,
		Body: doc.Span{Start: len(title) + 2, End: len(text)}, Doc: d,
	}
	return a, f
}

// idOf returns the registry id of the actor an article's actor named name
// belongs to.
func idOf(t testing.TB, x *Briefing, slug, name string) string {
	t.Helper()
	for _, a := range x.Articles {
		if a.Slug == slug {
			if ra := x.ActorOf(a, actors.Slug(name)); ra != nil {
				return ra.ID
			}
		}
	}
	t.Fatalf("no actor %q in article %s", name, slug)
	return ""
}
