package briefing

import (
	"slices"
	"testing"
	"time"

	"briefgen/generator/actors"
)

func person(name string, roles ...string) tActor {
	return tActor{name: name, kind: actors.Person, roles: roles}
}

// ref names an article's actor: the article slug and the actor's name there.
type ref struct{ art, name string }

func TestRegistryMerging(t *testing.T) {
	tests := []struct {
		name  string
		arts  []tArticle
		same  [][]ref // each group is one registry actor
		apart [][2]ref
		canon map[ref]string // registry name of the actor
	}{
		{
			name: "a bare family name goes to the person in the same article",
			arts: []tArticle{
				{slug: "a", date: "2024-11-20", lines: []string{"Kim Jong Un met envoys.", "Patricia Kim, a fellow, commented."},
					actors: []tActor{person("Kim Jong Un"), person("Patricia Kim")}},
				{slug: "b", date: "2024-11-21", lines: []string{"Patricia Kim spoke again.", "Kim said more."},
					actors: []tActor{person("Patricia Kim"), person("Kim")}},
				{slug: "c", date: "2024-11-22", lines: []string{"Kim Jong Un sent troops.", "Kim inspected them."},
					actors: []tActor{person("Kim Jong Un"), person("Kim")}},
				{slug: "d", date: "2024-11-23", lines: []string{"Kim was quoted."},
					actors: []tActor{person("Kim")}},
			},
			same: [][]ref{
				{{"a", "Kim Jong Un"}, {"c", "Kim Jong Un"}, {"c", "Kim"}},
				{{"a", "Patricia Kim"}, {"b", "Patricia Kim"}, {"b", "Kim"}},
			},
			apart: [][2]ref{
				{{"a", "Kim Jong Un"}, {"a", "Patricia Kim"}},
				{{"d", "Kim"}, {"a", "Kim Jong Un"}},
				{{"d", "Kim"}, {"a", "Patricia Kim"}},
			},
		},
		{
			name: "spelling variants of a full name are one person",
			arts: []tArticle{
				{slug: "a", date: "2024-11-20", lines: []string{"Luiz Inacio Lula da Silva hosted Xi.", "Volodymyr Zelenskyy warned."},
					actors: []tActor{person("Luiz Inacio Lula da Silva"), person("Volodymyr Zelenskyy")}},
				{slug: "b", date: "2024-11-21", lines: []string{"Luis Inacio Lula da Silva spoke.", "Volodymyr Zelensky replied."},
					actors: []tActor{person("Luis Inacio Lula da Silva"), person("Volodymyr Zelensky")}},
				{slug: "c", date: "2024-11-22", lines: []string{"Lula da Silva left.", "Ms. Zelenska is someone else."},
					actors: []tActor{person("Lula da Silva"), person("Olena Zelenska")}},
			},
			same: [][]ref{
				{{"a", "Luiz Inacio Lula da Silva"}, {"b", "Luis Inacio Lula da Silva"}, {"c", "Lula da Silva"}},
				{{"a", "Volodymyr Zelenskyy"}, {"b", "Volodymyr Zelensky"}},
			},
			apart: [][2]ref{{{"a", "Volodymyr Zelenskyy"}, {"c", "Olena Zelenska"}}},
		},
		{
			name: "surname-only and middle initials; two Smiths stay two",
			arts: []tArticle{
				{slug: "a", date: "2024-11-20", lines: []string{"Donald J. Trump won.", "John Smith and Jane Smith voted."},
					actors: []tActor{person("Donald J. Trump"), person("John Smith"), person("Jane Smith")}},
				{slug: "b", date: "2024-11-21", lines: []string{"Trump spoke.", "Donald Trump again.", "Smith disagreed."},
					actors: []tActor{person("Trump"), person("Donald Trump"), person("Smith")}},
			},
			same: [][]ref{{{"a", "Donald J. Trump"}, {"b", "Trump"}, {"b", "Donald Trump"}}},
			apart: [][2]ref{
				{{"a", "John Smith"}, {"a", "Jane Smith"}},
				{{"b", "Smith"}, {"a", "John Smith"}},
				{{"b", "Smith"}, {"a", "Jane Smith"}},
			},
		},
		{
			name: "places and organizations merge by their gazetteer names",
			arts: []tArticle{
				{slug: "a", date: "2024-11-20", lines: []string{"The U.S. and the U.N. met."},
					actors: []tActor{{name: "U.S.", kind: actors.Place}, {name: "U.N.", kind: actors.Organization}}},
				{slug: "b", date: "2024-11-21", lines: []string{"The United States and the United Nations met."},
					actors: []tActor{{name: "United States", kind: actors.Place}, {name: "United Nations", kind: actors.Organization}}},
			},
			same: [][]ref{
				{{"a", "U.S."}, {"b", "United States"}},
				{{"a", "U.N."}, {"b", "United Nations"}},
			},
			apart: [][2]ref{{{"a", "U.S."}, {"a", "U.N."}}},
			canon: map[ref]string{{"a", "U.S."}: "United States"},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b, facts := fixture(t, "t", tc.arts...)
			x := Aggregate(b, facts, Options{})
			for _, group := range tc.same {
				want := idOf(t, x, group[0].art, group[0].name)
				for _, r := range group[1:] {
					if got := idOf(t, x, r.art, r.name); got != want {
						t.Errorf("%v is %s, want it merged with %v (%s)", r, got, group[0], want)
					}
				}
			}
			for _, p := range tc.apart {
				if a, b := idOf(t, x, p[0].art, p[0].name), idOf(t, x, p[1].art, p[1].name); a == b {
					t.Errorf("%v and %v merged as %s", p[0], p[1], a)
				}
			}
			for r, want := range tc.canon {
				if got := x.Actor(idOf(t, x, r.art, r.name)).Name; got != want {
					t.Errorf("%v: name %q, want %q", r, got, want)
				}
			}
			seen := map[string]bool{}
			for _, a := range x.Actors {
				if seen[a.ID] {
					t.Errorf("id %s given twice", a.ID)
				}
				seen[a.ID] = true
				if a.ID != actors.Slug(a.Name) && !seenSuffix(a.ID, actors.Slug(a.Name)) {
					t.Errorf("id %s is not the slug of %q", a.ID, a.Name)
				}
			}
		})
	}
}

func seenSuffix(id, base string) bool {
	return len(id) > len(base)+1 && id[:len(base)+1] == base+"-"
}

func TestRolesAreDated(t *testing.T) {
	b, facts := fixture(t, "t",
		tArticle{slug: "late", date: "2025-01-25", lines: []string{"President Donald Trump signed orders."},
			actors: []tActor{person("Donald Trump", "President")}},
		tArticle{slug: "early", date: "2024-11-10", lines: []string{"President-elect Donald Trump named a cabinet."},
			actors: []tActor{person("Donald Trump", "President-elect")}},
	)
	x := Aggregate(b, facts, Options{})
	a := x.Actor("donald-trump")
	if a == nil {
		t.Fatal("no donald-trump")
	}
	if len(a.Roles) != 2 || a.Roles[0].Text != "President-elect" || a.Roles[1].Text != "President" {
		t.Fatalf("roles %+v, want President-elect then President", a.Roles)
	}
	if a.Roles[0].Source.Article.Slug != "early" || a.Roles[0].Source.Anchor() != "s-1" {
		t.Errorf("first role source %s#%s", a.Roles[0].Source.Article.Slug, a.Roles[0].Source.Anchor())
	}
	for _, c := range []struct {
		date string
		want string
	}{{"2024-12-01", "President-elect"}, {"2025-02-01", "President"}, {"2024-01-01", "President-elect"}} {
		d, _ := time.Parse("2006-01-02", c.date)
		if got := a.RoleAt(d); got != c.want {
			t.Errorf("RoleAt(%s) = %q, want %q", c.date, got, c.want)
		}
	}
	if a.Role() != "President" {
		t.Errorf("Role() = %q", a.Role())
	}
}

func TestTimelineUsesRegistryIDs(t *testing.T) {
	b, facts := fixture(t, "t",
		tArticle{slug: "a", date: "2024-11-21", outlet: "Wire", lines: []string{"Xi Jinping met Luiz Inacio Lula da Silva in Brasilia on Wednesday."},
			actors: []tActor{person("Xi Jinping"), person("Luiz Inacio Lula da Silva")},
			events: []tEvent{{date: "2024-11-20", summary: "Xi Jinping met Lula in Brasilia", venue: "Brasilia", actors: []string{"Xi Jinping", "Luiz Inacio Lula da Silva"}}}},
		tArticle{slug: "b", date: "2024-11-21", outlet: "Daily", lines: []string{"Xi met Luis Inacio Lula da Silva in Brasilia on Wednesday."},
			actors: []tActor{person("Xi"), person("Luis Inacio Lula da Silva")},
			events: []tEvent{{date: "2024-11-20", summary: "Xi met Lula in Brasilia", venue: "Brasilia", actors: []string{"Xi", "Luis Inacio Lula da Silva"}}}},
	)
	x := Aggregate(b, facts, Options{})
	if n := len(x.Timeline.Entries); n != 1 {
		t.Fatalf("%d timeline entries, want the two reports merged into 1", n)
	}
	e := x.Timeline.Entries[0]
	if len(e.Evidence) != 2 || len(e.Actors) != 2 {
		t.Errorf("entry has %d sources and %d actors, want 2 and 2", len(e.Evidence), len(e.Actors))
	}
	xi := x.Actor("xi-jinping")
	if xi == nil || len(x.EventsOf(xi)) != 1 {
		t.Errorf("Xi Jinping's events: %+v", xi)
	}
}

// TestNameCache checks that the cache gives what nameTokens, key and
// actors.Slug give, on a second lookup too.
func TestNameCache(t *testing.T) {
	c := newNameCache()
	for range 2 {
		for _, n := range []string{"Donald J. Trump", "U.S.", "Mr. Kim", "Luiz Inácio Lula da Silva", "actor", "The Actors Guild", "", "O'Leary"} {
			tk, k := c.tokens(n)
			if want := nameTokens(n); !slices.Equal(tk, want) || k != key(want) {
				t.Errorf("tokens(%q) = %q, %q; want %q, %q", n, tk, k, want, key(want))
			}
			if got, want := c.slug(n), actors.Slug(n); got != want {
				t.Errorf("slug(%q) = %q, want %q", n, got, want)
			}
		}
	}
}

// TestNameCounts checks the counter against a map, below and above the
// length where it starts to index its list.
func TestNameCounts(t *testing.T) {
	var c nameCounts
	for _, n := range []int{3, 16, 17, 40} {
		c.reset()
		want := map[string]int{}
		for i := range 3 * n {
			name := "name-" + string(rune('a'+i%n%26)) + string(rune('a'+i%n/26))
			add := i % 4 // 0: an alias only
			c.add(name, add)
			want[name] += add
		}
		if len(c.list) != len(want) {
			t.Fatalf("n=%d: %d names, want %d", n, len(c.list), len(want))
		}
		for _, x := range c.list {
			if want[x.name] != x.n {
				t.Errorf("n=%d: %s counted %d, want %d", n, x.name, x.n, want[x.name])
			}
		}
	}
}
