package quotes

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

// fixtureActor describes an actor of a test article; its mentions are every
// occurrence of its forms in the text.
type fixtureActor struct {
	ID     string   `json:"id"`
	Kind   string   `json:"kind"`
	Gender string   `json:"gender"`
	Forms  []string `json:"forms"`
	Roles  []string `json:"roles"`
}

type wantQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Partial bool   `json:"partial"`
}

// textDoc makes a Doc of a plain-text article: the first paragraph is the
// title line, kept as a heading paragraph like any other.
func textDoc(text string) *doc.Doc {
	return &doc.Doc{Text: []byte(text), Paragraphs: doc.SplitParagraphs([]byte(text), 0, len(text))}
}

// buildActors turns fixtures into actors.Actor values with mentions found by
// exact search, longest forms first, without overlaps.
func buildActors(text string, fs []fixtureActor) []actors.Actor {
	type form struct {
		s     string
		actor int
	}
	var forms []form
	for i, f := range fs {
		for _, s := range f.Forms {
			forms = append(forms, form{s, i})
		}
	}
	sort.SliceStable(forms, func(i, j int) bool { return len(forms[i].s) > len(forms[j].s) })
	taken := make([]bool, len(text))
	out := make([]actors.Actor, len(fs))
	for i, f := range fs {
		out[i] = actors.Actor{ID: f.ID, Name: f.Forms[0], Aliases: f.Forms[1:]}
		switch f.Kind {
		case "organization":
			out[i].Kind = actors.Organization
		case "place":
			out[i].Kind = actors.Place
		case "other":
			out[i].Kind = actors.Other
		}
		switch f.Gender {
		case "male":
			out[i].Gender = actors.Male
		case "female":
			out[i].Gender = actors.Female
		}
		for _, r := range f.Roles {
			if k := strings.Index(text, r); k >= 0 {
				out[i].Roles = append(out[i].Roles, actors.Role{Text: r, Span: doc.Span{Start: k, End: k + len(r)}})
			}
		}
	}
	for _, f := range forms {
		for off := 0; ; {
			k := strings.Index(text[off:], f.s)
			if k < 0 {
				break
			}
			s, e := off+k, off+k+len(f.s)
			off = e
			free := true
			for j := s; j < e; j++ {
				free = free && !taken[j]
			}
			if !free || e < len(text) && isWordByte(text[e]) && text[e] < 0x80 || s > 0 && isWordByte(text[s-1]) && text[s-1] < 0x80 {
				continue
			}
			for j := s; j < e; j++ {
				taken[j] = true
			}
			out[f.actor].Mentions = append(out[f.actor].Mentions, doc.Span{Start: s, End: e})
		}
	}
	for i := range out {
		sort.Slice(out[i].Mentions, func(a, b int) bool { return out[i].Mentions[a].Start < out[i].Mentions[b].Start })
	}
	return out
}

func TestArticles(t *testing.T) {
	files, err := filepath.Glob("testdata/*.json")
	if err != nil || len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, jf := range files {
		name := strings.TrimSuffix(filepath.Base(jf), ".json")
		t.Run(name, func(t *testing.T) {
			var spec struct {
				Actors []fixtureActor `json:"actors"`
				Quotes []wantQuote    `json:"quotes"`
			}
			b, err := os.ReadFile(jf)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &spec); err != nil {
				t.Fatal(err)
			}
			text, err := os.ReadFile(strings.TrimSuffix(jf, ".json") + ".txt")
			if err != nil {
				t.Fatal(err)
			}
			d := textDoc(string(text))
			ss := sentences.Split(d)
			as := buildActors(string(text), spec.Actors)
			got := Find(d, ss, as)
			checkQuotes(t, d, ss, as, got)
			if len(got) != len(spec.Quotes) {
				for _, q := range got {
					t.Logf("got %q speaker=%q", d.Slice(q.Span), q.Speaker)
				}
				t.Fatalf("got %d quotes, want %d", len(got), len(spec.Quotes))
			}
			for i, w := range spec.Quotes {
				q := got[i]
				if s := d.Slice(q.Span); s != w.Text {
					t.Errorf("quote %d = %q, want %q", i, s, w.Text)
					continue
				}
				if q.Speaker != w.Speaker {
					t.Errorf("quote %q: speaker %q, want %q (cue %q)", w.Text, q.Speaker, w.Speaker, d.Slice(q.Cue))
				}
				if q.Partial != w.Partial {
					t.Errorf("quote %q: partial %v, want %v", w.Text, q.Partial, w.Partial)
				}
			}
		})
	}
}

// checkQuotes verifies the invariants every result must keep.
func checkQuotes(t *testing.T, d *doc.Doc, ss []doc.Sentence, as []actors.Actor, qs []Quote) {
	t.Helper()
	ids := map[string]bool{"": true}
	for _, a := range as {
		ids[a.ID] = true
	}
	prev := -1
	for i, q := range qs {
		if q.Span.Start < 0 || q.Span.End > len(d.Text) || q.Span.Start >= q.Span.End {
			t.Fatalf("quote %d: bad span %v (len %d)", i, q.Span, len(d.Text))
		}
		if q.Span.Start <= prev {
			t.Fatalf("quote %d: span %v not after previous end %d", i, q.Span, prev)
		}
		prev = q.Span.Start
		inPara := false
		for _, p := range d.Paragraphs {
			inPara = inPara || p.Contains(q.Span)
		}
		if !inPara {
			t.Fatalf("quote %d: span %v crosses a paragraph boundary", i, q.Span)
		}
		if len(ss) > 0 && (q.Sentence < 0 || q.Sentence >= len(ss)) {
			t.Fatalf("quote %d: sentence index %d of %d", i, q.Sentence, len(ss))
		}
		if !ids[q.Speaker] {
			t.Fatalf("quote %d: speaker %q is not an actor", i, q.Speaker)
		}
		if q.Cue != (doc.Span{}) && (q.Cue.Start < 0 || q.Cue.End > len(d.Text) || q.Cue.Start >= q.Cue.End) {
			t.Fatalf("quote %d: bad cue %v", i, q.Cue)
		}
	}
}
