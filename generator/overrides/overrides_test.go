package overrides

import (
	"strings"
	"testing"
)

const index = `---
title: The port deal
summary: Two governments agree.
overrides:
  actors:
    - match: Ana Ribeiro
      name: Ana Maria Ribeiro
      role: Prime Minister of Portugal
      photo: /img/ribeiro.jpg
    - match: Karim Benali
      merge: [K. Benali, "Benali"]
      split:
        - Karim Benali Jr.
    - match: Demonstrators
      hide: true
  quotes:
    - text: It is a good day
      speaker: Karim Benali
    - text: off the record
      hide: true
  events:
    - date: 2025-03-13
      match: signed the port agreement
      new_date: 2025-03-12
      venue: Lisbon
    - date: 2025-03-20
      summary: Parliament ratifies the deal
      source: wire#s-3
---
Body.
`

func TestParseIndex(t *testing.T) {
	s, err := ParseIndex("content/port/_index.md", []byte(index))
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Actors) != 3 || len(s.Quotes) != 2 || len(s.Events) != 2 {
		t.Fatalf("got %d actors, %d quotes, %d events", len(s.Actors), len(s.Quotes), len(s.Events))
	}
	a := s.Actors[0]
	if a.Match != "Ana Ribeiro" || a.Name != "Ana Maria Ribeiro" || a.Role != "Prime Minister of Portugal" || a.Photo != "/img/ribeiro.jpg" || a.Line != 6 {
		t.Errorf("actor 0 = %+v", a)
	}
	b := s.Actors[1]
	if len(b.Merge) != 2 || b.Merge[1].Name != "Benali" || b.Merge[0].Line != 11 || len(b.Split) != 1 || b.Split[0].Line != 13 {
		t.Errorf("actor 1 merge %+v split %+v", b.Merge, b.Split)
	}
	if !s.Actors[2].Hide {
		t.Error("actor 2 not hidden")
	}
	if q := s.Quotes[0]; q.Speaker != "Karim Benali" || q.Line != 17 {
		t.Errorf("quote 0 = %+v", q)
	}
	if e := s.Events[0]; e.Date != "2025-03-13" || e.NewDate != "2025-03-12" || e.Venue != "Lisbon" || e.Line != 22 {
		t.Errorf("event 0 = %+v", e)
	}
	if e := s.Events[1]; e.Match != "" || e.Source != "wire#s-3" {
		t.Errorf("event 1 = %+v", e)
	}
	// Nothing applied yet: every override is reported with its line.
	un := s.Unused()
	for _, want := range []string{
		`content/port/_index.md:6: override: no actor matches "Ana Ribeiro"`,
		`content/port/_index.md:11: override: merge: no actor matches "K. Benali"`,
		`content/port/_index.md:13: override: split: no name "Karim Benali Jr." in actor "Karim Benali"`,
		`content/port/_index.md:22: override: no event on 2025-03-13 matches "signed the port agreement"`,
		`content/port/_index.md:26: override: no article "wire#s-3" for the new event`,
	} {
		if !contains(un, want) {
			t.Errorf("Unused() lacks %q:\n%s", want, strings.Join(un, "\n"))
		}
	}
	s.Actors[0].MarkUsed()
	if contains(s.Unused(), `content/port/_index.md:6: override: no actor matches "Ana Ribeiro"`) {
		t.Error("a used override is reported")
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"not a mapping", "---\noverrides: [1, 2]\n---\n", "f.md:2: overrides: want a mapping"},
		{"unknown section", "---\noverrides:\n  people: []\n---\n", `f.md:3: overrides: unknown key "people"`},
		{"unknown field", "---\noverrides:\n  actors:\n    - match: X\n      nickname: Y\n---\n", `f.md:5: overrides: actors: unknown key "nickname"`},
		{"actor without match", "---\noverrides:\n  actors:\n    - role: Minister\n---\n", "f.md:4: overrides: actors: an entry needs match"},
		{"bad id", "---\noverrides:\n  actors:\n    - match: X\n      id: Not A Slug\n---\n", `f.md:4: overrides: actors: id "Not A Slug"`},
		{"bad hide", "---\noverrides:\n  actors:\n    - match: X\n      hide: maybe\n---\n", "f.md:5: overrides: actors: hide: want true or false"},
		{"quote without action", "---\noverrides:\n  quotes:\n    - text: hello\n---\n", "f.md:4: overrides: quotes: say hide: true or give a speaker"},
		{"bad date", "---\noverrides:\n  events:\n    - date: last Tuesday\n      match: x\n---\n", `f.md:4: overrides: events: date "last Tuesday"`},
		{"new event without source", "---\noverrides:\n  events:\n    - date: 2024-01-02\n      summary: x\n---\n", "f.md:4: overrides: events: a new event needs summary and source"},
		{"list of text", "---\noverrides:\n  actors:\n    - match: X\n      merge: {a: b}\n---\n", "f.md:5: overrides: actors: merge: want a name or a list of names"},
		{"yaml syntax", "---\noverrides:\n  actors: [\n---\n", "f.md:"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseIndex("f.md", []byte(tc.src))
			if err == nil || !strings.HasPrefix(err.Error(), tc.want) {
				t.Errorf("error %v, want one starting %q", err, tc.want)
			}
		})
	}
}

func TestParseActorsFile(t *testing.T) {
	s, err := ParseActorsFile("data/actors.yaml", []byte("actors:\n  - match: Olaf Scholtz\n    name: Olaf Scholz\n"))
	if err != nil || len(s.Actors) != 1 || s.Actors[0].Name != "Olaf Scholz" || s.Actors[0].Line != 2 {
		t.Fatalf("%+v %v", s, err)
	}
	if _, err := ParseActorsFile("data/actors.yaml", []byte("quotes: []\n")); err == nil || !strings.HasPrefix(err.Error(), "data/actors.yaml:1:") {
		t.Errorf("error %v", err)
	}
}

func TestTOMLFrontMatter(t *testing.T) {
	src := "+++\ntitle = \"x\"\n\n[[overrides.actors]]\nmatch = \"A B\"\nhide = true\n+++\n"
	s, err := ParseIndex("f.md", []byte(src))
	if err != nil || len(s.Actors) != 1 || !s.Actors[0].Hide {
		t.Fatalf("%+v %v", s, err)
	}
	if s.Actors[0].Line != 4 {
		t.Errorf("line %d, want 4 (the overrides table)", s.Actors[0].Line)
	}
}

func FuzzParseIndex(f *testing.F) {
	f.Add([]byte(index))
	f.Add([]byte("---\noverrides:\n  actors:\n    - match: [\n---\n"))
	f.Add([]byte("+++\n[overrides]\nactors = 3\n+++\n"))
	f.Add([]byte("---\noverrides: &a\n  actors: *a\n---\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseIndex("f.md", data)
		if s == nil {
			t.Fatal("nil set")
		}
		if err == nil {
			_ = s.Unused()
		}
		s2, _ := ParseActorsFile("a.yaml", data)
		if s2 == nil {
			t.Fatal("nil set")
		}
	})
}
