package main

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/spf13/afero"
)

// extractTestFiles are the articles the contract tests run on: the example
// site's articles and hand-written ones in several house styles.
func extractTestFiles(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"testdata/extract/*", "content/*/*.md", "content/*/*.txt"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range m {
			if filepath.Base(f) != "_index.md" {
				files = append(files, f)
			}
		}
	}
	if len(files) < 2 {
		t.Fatalf("found only %d test articles", len(files))
	}
	return files
}

// TestExtractMatchesSchema checks the output of extract against the
// contract's JSON schema (a verbatim copy lives in generator/extract/testdata).
func TestExtractMatchesSchema(t *testing.T) {
	files := extractTestFiles(t)
	out, err := extractFiles(afero.NewOsFs(), files, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := writeJSON(&buf, out); err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("generator/extract/testdata/extract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err != nil {
		t.Fatalf("output does not match the contract schema: %v", err)
	}
}

// TestSchemaCopyIsExact guards the copy of the contract schema against drift
// when the shared contract is available beside the repository.
func TestSchemaCopyIsExact(t *testing.T) {
	shared, err := os.ReadFile("../shared/contract/extract.schema.json")
	if err != nil {
		t.Skip("shared contract not beside the repository:", err)
	}
	local, err := os.ReadFile("generator/extract/testdata/extract.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, local) {
		t.Fatal("generator/extract/testdata/extract.schema.json differs from ../shared/contract/extract.schema.json")
	}
}

// TestExtractSpans checks that every span in the output points at exactly
// the text it claims, as byte offsets into the file as read.
func TestExtractSpans(t *testing.T) {
	files := extractTestFiles(t)
	out, err := extractFiles(afero.NewOsFs(), files, time.Date(2025, 3, 14, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range out.Articles {
		data, err := os.ReadFile(a.File)
		if err != nil {
			t.Fatal(err)
		}
		slice := func(s, e int) string {
			if s < 0 || e > len(data) || s > e {
				t.Errorf("%s: span [%d,%d) outside the file (%d bytes)", a.File, s, e, len(data))
				return ""
			}
			return string(data[s:e])
		}
		ids := map[string]bool{}
		for _, x := range a.Actors {
			if ids[x.ID] {
				t.Errorf("%s: duplicate actor id %q", a.File, x.ID)
			}
			ids[x.ID] = true
			names := append([]string{x.Name}, x.Aliases...)
			for _, m := range x.Mentions {
				if got := slice(m.Start, m.End); !slices.Contains(names, got) {
					t.Errorf("%s: mention %q of %s is neither its name nor an alias %q", a.File, got, x.ID, names)
				}
			}
		}
		for _, q := range a.Quotes {
			if got := slice(q.Start, q.End); got != q.Text {
				t.Errorf("%s: quote span holds %q, text is %q", a.File, got, q.Text)
			}
			if q.Speaker != "" && !ids[q.Speaker] {
				t.Errorf("%s: quote %q has unknown speaker %q", a.File, q.Text, q.Speaker)
			}
		}
		for _, d := range a.Dates {
			if got := slice(d.Start, d.End); got != d.Expression {
				t.Errorf("%s: date span holds %q, expression is %q", a.File, got, d.Expression)
			}
		}
		for _, e := range a.Events {
			slice(e.Sentence.Start, e.Sentence.End)
			for _, id := range e.Actors {
				if !ids[id] {
					t.Errorf("%s: event %q names unknown actor %q", a.File, e.Summary, id)
				}
			}
		}
	}
}

// TestExtractFindsFacts checks a few facts of the hand-written wire story
// that any working extraction must find.
func TestExtractFindsFacts(t *testing.T) {
	out, err := extractFiles(afero.NewOsFs(), []string{"testdata/extract/harbor-talks.md"}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	a := out.Articles[0]
	if a.Published != "2025-03-14" || a.Title != "Ministers pledge port deal as talks in Lisbon run late" {
		t.Errorf("title/published = %q/%q", a.Title, a.Published)
	}
	speakerOf := map[string]string{}
	for _, q := range a.Quotes {
		speakerOf[q.Text] = q.Speaker
	}
	nameOf := map[string]string{}
	for _, x := range a.Actors {
		nameOf[x.ID] = x.Name
	}
	for quote, want := range map[string]string{
		"We have found a way to move forward together,": "Ana Ribeiro",
		"Nobody expected this so soon.":                 "Ana Ribeiro",
		"It is a good day for both countries,":          "Tomás Ferreira",
		"But the details will matter,":                  "Tomás Ferreira",
		"vanity project":                                "",
	} {
		id, ok := speakerOf[quote]
		if !ok {
			t.Errorf("quote %q not found; quotes: %v", quote, speakerOf)
			continue
		}
		if nameOf[id] != want {
			t.Errorf("speaker of %q = %q (%s), want %q", quote, nameOf[id], id, want)
		}
	}
	dates := map[string]string{}
	for _, d := range a.Dates {
		dates[d.Expression] = d.Value
	}
	for _, want := range []struct{ expr, value string }{{"Thursday", "2025-03-13"}, {"Jan. 9, 2025", "2025-01-09"}, {"2019", "2019"}} {
		found := false
		for expr, v := range dates {
			if bytes.Contains([]byte(expr), []byte(want.expr)) && v == want.value {
				found = true
			}
		}
		if !found {
			t.Errorf("date %q = %q not found in %v", want.expr, want.value, dates)
		}
	}
	if len(a.Events) == 0 {
		t.Error("no timeline events")
	}
}

// TestExtractBadFile checks that an unreadable or unparsable file fails the
// run with an error naming it.
func TestExtractBadFile(t *testing.T) {
	fs := afero.NewMemMapFs()
	afero.WriteFile(fs, "bad.md", []byte("---\ntitle: [unclosed\n---\nBody.\n"), 0o644)
	for _, f := range []string{"bad.md", "missing.md"} {
		_, err := extractFiles(fs, []string{f}, time.Time{})
		if err == nil || !bytes.Contains([]byte(err.Error()), []byte(f)) {
			t.Errorf("extract %s: error %v does not name the file", f, err)
		}
	}
}
