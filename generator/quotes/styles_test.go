package quotes

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

// styleGold is the part of a testdata/styles/<doc>.gold.json file (the
// evaluation's GOLD.md format, plus a gender per person) these tests use.
type styleGold struct {
	Style     string `json:"style"`
	Published string `json:"published"`
	Quotes    []struct {
		Text    string `json:"text"`
		Speaker string `json:"speaker"`
		Partial bool   `json:"partial"`
		Start   int    `json:"start"`
		End     int    `json:"end"`
	} `json:"quotes"`
	Actors []struct {
		Name    string   `json:"name"`
		Kind    string   `json:"kind"`
		Gender  string   `json:"gender"`
		Aliases []string `json:"aliases"`
		Roles   []string `json:"role_keywords"`
	} `json:"actors"`
}

// styleDoc reads a Markdown test article with YAML front matter: offsets
// stay those of the file; the body's paragraphs are the document's.
func styleDoc(t *testing.T, md string, published string) *doc.Doc {
	t.Helper()
	b, err := os.ReadFile(md)
	if err != nil {
		t.Fatal(err)
	}
	body := 0
	if bytes.HasPrefix(b, []byte("---\n")) {
		k := bytes.Index(b[4:], []byte("\n---\n"))
		if k < 0 {
			t.Fatalf("%s: unterminated front matter", md)
		}
		body = 4 + k + 5
	}
	d := &doc.Doc{Text: b, Paragraphs: doc.SplitParagraphs(b, body, len(b))}
	if published != "" {
		p, err := time.Parse("2006-01-02", published)
		if err != nil {
			t.Fatal(err)
		}
		d.Published = p
	}
	return d
}

func slug(name string) string {
	var sb strings.Builder
	dash := false
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			sb.WriteRune(r)
			dash = false
		} else if !dash && sb.Len() > 0 {
			sb.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(sb.String(), "-")
}

// TestStyles runs attribution over the articles in testdata/styles, written
// in styles other than the wire-service one the dev set uses (broadsheet,
// local, business, sports, court, science, transcript, op-ed, press
// release, Q&A), with the gold actors as the actor list, and compares every
// quotation, speaker and partial flag.
func TestStyles(t *testing.T) {
	files, err := filepath.Glob("testdata/styles/*.gold.json")
	if err != nil || len(files) < 8 {
		t.Fatalf("want at least 8 style articles, got %d (%v)", len(files), err)
	}
	for _, gf := range files {
		name := strings.TrimSuffix(filepath.Base(gf), ".gold.json")
		t.Run(name, func(t *testing.T) {
			var g styleGold
			b, err := os.ReadFile(gf)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &g); err != nil {
				t.Fatal(err)
			}
			d := styleDoc(t, strings.TrimSuffix(gf, ".gold.json")+".md", g.Published)
			var fs []fixtureActor
			for _, a := range g.Actors {
				fs = append(fs, fixtureActor{ID: slug(a.Name), Kind: a.Kind, Gender: a.Gender,
					Forms: append([]string{a.Name}, a.Aliases...), Roles: a.Roles})
			}
			ss := sentences.Split(d)
			as := buildActors(string(d.Text), fs)
			got := Find(d, ss, as)
			checkQuotes(t, d, ss, as, got)
			used := make([]bool, len(got))
			for _, w := range g.Quotes {
				k := -1
				for i, q := range got {
					if !used[i] && q.Span.Start == w.Start && q.Span.End == w.End {
						k = i
						break
					}
				}
				if k < 0 {
					t.Errorf("%s: quote %q not found", g.Style, w.Text)
					continue
				}
				used[k] = true
				if want := slug(w.Speaker); got[k].Speaker != want {
					t.Errorf("quote %q: speaker %q, want %q (cue %q)", w.Text, got[k].Speaker, want, d.Slice(got[k].Cue))
				}
				if got[k].Partial != w.Partial {
					t.Errorf("quote %q: partial %v, want %v", w.Text, got[k].Partial, w.Partial)
				}
			}
			for i, q := range got {
				if !used[i] {
					t.Errorf("unexpected quote %q (speaker %q)", d.Slice(q.Span), q.Speaker)
				}
			}
		})
	}
}
