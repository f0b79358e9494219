package actors

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

// load reads a test article: YAML front matter, then paragraphs.
func load(t testing.TB, path string) *doc.Doc {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parse(b)
}

func parse(b []byte) *doc.Doc {
	start := 0
	if bytes.HasPrefix(b, []byte("---\n")) {
		if k := bytes.Index(b[4:], []byte("\n---\n")); k >= 0 {
			start = 4 + k + 5
		}
	}
	return &doc.Doc{Text: b, Paragraphs: doc.SplitParagraphs(b, start, len(b))}
}

type want struct {
	Name     string   `json:"name"`
	Kind     string   `json:"kind"`
	Aliases  []string `json:"aliases"`
	Role     string   `json:"role"`
	Gender   string   `json:"gender"`
	Mentions int      `json:"mentions"`
	Absent   string   `json:"absent"`
	NoRole   string   `json:"norole"` // no role of the actor contains this
}

func TestArticles(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.md")
	if len(files) == 0 {
		t.Fatal("no test articles")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			d := load(t, file)
			var wants []want
			data, err := os.ReadFile(strings.TrimSuffix(file, ".md") + ".want.json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.Unmarshal(data, &wants); err != nil {
				t.Fatal(err)
			}
			got := Find(d, sentences.Split(d))
			checkInvariants(t, d, got)
			byName := map[string]*Actor{}
			for i := range got {
				byName[got[i].Name] = &got[i]
			}
			for _, w := range wants {
				if w.Absent != "" {
					if a := byName[w.Absent]; a != nil {
						t.Errorf("unexpected actor %q (%v)", w.Absent, a.Kind)
					}
					continue
				}
				a := byName[w.Name]
				if a == nil {
					t.Errorf("missing %s %q; got %s", w.Kind, w.Name, names(got))
					continue
				}
				if a.Kind.String() != w.Kind {
					t.Errorf("%q kind = %v, want %s", w.Name, a.Kind, w.Kind)
				}
				for _, al := range w.Aliases {
					if !contains(a.Aliases, al) {
						t.Errorf("%q aliases = %q, want %q among them", w.Name, a.Aliases, al)
					}
				}
				if w.Role != "" && !anyRole(a.Roles, w.Role) {
					t.Errorf("%q roles = %v, want one containing %q", w.Name, a.Roles, w.Role)
				}
				if w.NoRole != "" && anyRole(a.Roles, w.NoRole) {
					t.Errorf("%q roles = %v, want none containing %q", w.Name, a.Roles, w.NoRole)
				}
				if w.Gender != "" && a.Gender.String() != w.Gender {
					t.Errorf("%q gender = %v, want %s", w.Name, a.Gender, w.Gender)
				}
				if w.Mentions > 0 && len(a.Mentions) != w.Mentions {
					var ms []string
					for _, m := range a.Mentions {
						ms = append(ms, d.Slice(m))
					}
					t.Errorf("%q has %d mentions %q, want %d", w.Name, len(a.Mentions), ms, w.Mentions)
				}
			}
		})
	}
}

func names(as []Actor) string {
	var s []string
	for _, a := range as {
		s = append(s, a.Kind.String()+":"+a.Name)
	}
	return strings.Join(s, ", ")
}

func anyRole(rs []Role, sub string) bool {
	for _, r := range rs {
		if strings.Contains(r.Text, sub) {
			return true
		}
	}
	return false
}

var idRE = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// checkInvariants verifies what every result must satisfy: IDs well formed
// and unique, mentions inside the text, in order, each the name or an alias,
// role spans giving their text.
func checkInvariants(t testing.TB, d *doc.Doc, as []Actor) {
	t.Helper()
	ids := map[string]bool{}
	prevFirst := -1
	for _, a := range as {
		if !idRE.MatchString(a.ID) || ids[a.ID] {
			t.Fatalf("bad or duplicate id %q", a.ID)
		}
		ids[a.ID] = true
		if len(a.Mentions) == 0 {
			t.Fatalf("%q has no mentions", a.Name)
		}
		if a.Mentions[0].Start < prevFirst {
			t.Fatalf("actors not in order of first mention at %q", a.Name)
		}
		prevFirst = a.Mentions[0].Start
		last := -1
		for _, m := range a.Mentions {
			if m.Start < 0 || m.End > len(d.Text) || m.Start >= m.End || m.Start < last {
				t.Fatalf("%q: bad mention span %v", a.Name, m)
			}
			last = m.Start
			text := string(d.Text[m.Start:m.End])
			if text != a.Name && !contains(a.Aliases, text) {
				t.Fatalf("%q: mention %q is neither name nor alias %q", a.Name, text, a.Aliases)
			}
		}
		for _, r := range a.Roles {
			if r.Span.Start < 0 || r.Span.End > len(d.Text) || r.Span.Start > r.Span.End || string(d.Text[r.Span.Start:r.Span.End]) != r.Text {
				t.Fatalf("%q: role %q does not match its span %v", a.Name, r.Text, r.Span)
			}
		}
	}
}

func TestSharedSurnameNeverMerges(t *testing.T) {
	text := "North Korean leader Kim Jong Un fired a missile. Patricia Kim, a fellow at a think tank, said the launch was expected.\n\n" +
		"\u201cThe launch shows that Kim is not afraid,\u201d she said.\n"
	d := parse([]byte(text))
	as := Find(d, sentences.Split(d))
	checkInvariants(t, d, as)
	var kju, pk *Actor
	for i := range as {
		switch as[i].Name {
		case "Kim Jong Un":
			kju = &as[i]
		case "Patricia Kim":
			pk = &as[i]
		}
	}
	if kju == nil || pk == nil {
		t.Fatalf("want both Kims, got %s", names(as))
	}
	if len(kju.Mentions) != 2 || len(pk.Mentions) != 1 {
		t.Errorf("Kim Jong Un mentions %d (want 2), Patricia Kim %d (want 1)", len(kju.Mentions), len(pk.Mentions))
	}
	if pk.Gender != Female {
		t.Errorf("Patricia Kim gender %v", pk.Gender)
	}
}

func TestPossessiveNotInName(t *testing.T) {
	text := "Russian President Vladimir Putin\u2019s war goes on. Putin's aides and Hamas' leaders met.\n"
	d := parse([]byte(text))
	as := Find(d, sentences.Split(d))
	checkInvariants(t, d, as)
	for _, a := range as {
		if strings.ContainsAny(a.Name, "'\u2019") {
			t.Errorf("name with a possessive: %q", a.Name)
		}
		if a.Name == "Vladimir Putin" && len(a.Mentions) != 2 {
			t.Errorf("Putin mentions = %d, want 2", len(a.Mentions))
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{
		"Luiz Inácio Lula da Silva": "luiz-inacio-lula-da-silva",
		"Michael O'Leary":           "michael-oleary",
		"U.N.":                      "u-n",
		"China’s Foreign Ministry":  "chinas-foreign-ministry",
		"北京":                        "actor",
		"Lai Ching-te":              "lai-ching-te",
	} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
	as := []Actor{{Name: "Kim"}, {Name: "KIM"}, {Name: "kim"}}
	assignIDs(as)
	if as[0].ID != "kim" || as[1].ID != "kim-2" || as[2].ID != "kim-3" {
		t.Errorf("ids %q %q %q", as[0].ID, as[1].ID, as[2].ID)
	}
}

func TestEmptyAndNil(t *testing.T) {
	if got := Find(&doc.Doc{}, nil); len(got) != 0 {
		t.Errorf("empty doc: %v", got)
	}
	if got := Find(nil, nil); got != nil {
		t.Errorf("nil doc: %v", got)
	}
}

// TestHugeInput feeds one enormous paragraph full of distinct names,
// descriptions, acronyms and quotation marks; it must finish (the finder has
// no quadratic paths left) and keep every invariant.
func TestHugeInput(t *testing.T) {
	var b strings.Builder
	syl := []string{"ka", "lo", "mi", "ren", "tas", "vo", "quin", "dar", "sel", "bo"}
	for i := 0; i < 4000; i++ {
		first := strings.ToUpper(syl[i%10][:1]) + syl[i%10][1:] + syl[(i/10)%10]
		last := strings.ToUpper(syl[(i/100)%10][:1]) + syl[(i/100)%10][1:] + syl[(i/7)%10] + syl[i%3]
		fmt.Fprintf(&b, "President %s %s, a fellow at the %s Institute, said \u201cthe president met %s\u201d and the chancellor ABC%d agreed ", first, last, last, last, i%50)
	}
	b.WriteString(strings.Repeat("\u201c", 10000))
	d := parse([]byte(b.String()))
	as := Find(d, nil) // one sentence: the whole paragraph
	checkInvariants(t, d, as)
	if len(as) < 1000 {
		t.Errorf("found %d actors in 4000 named people", len(as))
	}
}

func TestCoordinatedTitles(t *testing.T) {
	text := "Talks resumed in Oslo, where Tanzanian Trade Minister Amina Juma and Peruvian Foreign Minister Rosa Quispe met on Monday.\n\n" +
		"The International Court of Justice ruled later.\n"
	d := parse([]byte(text))
	as := Find(d, sentences.Split(d))
	checkInvariants(t, d, as)
	want := map[string]string{"Amina Juma": "Tanzanian Trade Minister", "Rosa Quispe": "Peruvian Foreign Minister"}
	found := 0
	for _, a := range as {
		if r, ok := want[a.Name]; ok {
			found++
			if len(a.Roles) != 1 || a.Roles[0].Text != r {
				t.Errorf("%s roles = %v, want just %q", a.Name, a.Roles, r)
			}
		}
		if a.Name == "International Court" {
			t.Errorf("organization name cut before its title word: %q", a.Name)
		}
	}
	if found != 2 {
		t.Errorf("found %d of 2 ministers in %s", found, names(as))
	}
}
