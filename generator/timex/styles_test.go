package timex

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

// TestStyles finds the dates of the test articles written in other styles
// than the dev set's (generator/quotes/testdata/styles: wire, broadsheet,
// local news, business, sports, court, science, transcript, op-ed, press
// release, Q&A) with the real sentence splitter, and compares every
// expression (overlapping span, TIMEX3 value and type) with the gold.
func TestStyles(t *testing.T) {
	files, err := filepath.Glob("../quotes/testdata/styles/*.gold.json")
	if err != nil || len(files) < 8 {
		t.Fatalf("want at least 8 style articles, got %d (%v)", len(files), err)
	}
	for _, gf := range files {
		name := strings.TrimSuffix(filepath.Base(gf), ".gold.json")
		t.Run(name, func(t *testing.T) {
			var g struct {
				Published string `json:"published"`
				Dates     []struct {
					Expression  string `json:"expression"`
					Value, Type string
					Start, End  int
				} `json:"dates"`
			}
			b, err := os.ReadFile(gf)
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(b, &g); err != nil {
				t.Fatal(err)
			}
			text, err := os.ReadFile(strings.TrimSuffix(gf, ".gold.json") + ".md")
			if err != nil {
				t.Fatal(err)
			}
			body := 0
			if bytes.HasPrefix(text, []byte("---\n")) {
				body = 4 + bytes.Index(text[4:], []byte("\n---\n")) + 5
			}
			pub, err := time.Parse("2006-01-02", g.Published)
			if err != nil {
				t.Fatal(err)
			}
			d := &doc.Doc{Text: text, Paragraphs: doc.SplitParagraphs(text, body, len(text)), Published: pub}
			got := Find(d, sentences.Split(d))
			used := make([]bool, len(got))
			for _, w := range g.Dates {
				k := -1
				for i, x := range got {
					if !used[i] && x.Span.Start < w.End && w.Start < x.Span.End {
						k = i
						break
					}
				}
				if k < 0 {
					t.Errorf("%q (%s) not found", w.Expression, w.Value)
					continue
				}
				used[k] = true
				x := got[k]
				if x.Value != w.Value || x.Type.String() != w.Type {
					t.Errorf("%q: got %q = %s %s, want %s %s", w.Expression, d.Slice(x.Span), x.Value, x.Type, w.Value, w.Type)
				}
			}
			for i, x := range got {
				if !used[i] {
					t.Errorf("unexpected %q = %s %s", d.Slice(x.Span), x.Value, x.Type)
				}
			}
		})
	}
}
