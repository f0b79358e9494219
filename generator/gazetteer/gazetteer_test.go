package gazetteer

import "testing"

func TestLookup(t *testing.T) {
	tests := []struct {
		phrase string
		class  Class
		name   string
	}{
		{"China", Country, "China"},
		{"U.S.", Country, "United States"},
		{"United States of America", Country, "United States"},
		{"South Korea", Country, "South Korea"},
		{"DPRK", Country, "North Korea"},
		{"Chinese", Demonym, "China"},
		{"South Korean", Demonym, "South Korea"},
		{"American", Demonym, "United States"},
		{"Seoul", City, "Seoul"},
		{"Brasilia", City, "Brasília"},
		{"Washington", City, "Washington"},
		{"Rio de Janeiro", City, "Rio de Janeiro"},
		{"Xinjiang", Region, "Xinjiang"},
		{"Florida", Region, "Florida"},
		{"Korean Peninsula", Region, "Korean Peninsula"},
		{"U.N.", Org, "United Nations"},
		{"EU", Org, "European Union"},
		{"G-20", Org, "Group of 20"},
		{"NATO", Org, "North Atlantic Treaty Organization"},
		{"Shanghai Cooperation Organization", Org, "Shanghai Cooperation Organization"},
		{"White House", Org, "White House"},
		{"Joint Chiefs of Staff", Org, "Joint Chiefs of Staff"},
	}
	for _, tt := range tests {
		e, ok := Lookup(tt.phrase)
		if !ok || e.Class != tt.class || e.Name != tt.name {
			t.Errorf("Lookup(%q) = %+v, %v; want %v %q", tt.phrase, e, ok, tt.class, tt.name)
		}
	}
	for _, no := range []string{"us", "IN", "IT", "Kim", "President", "the", ""} {
		if e, ok := Lookup(no); ok {
			t.Errorf("Lookup(%q) = %+v, want nothing", no, e)
		}
	}
	if MaxWords() < 3 {
		t.Errorf("MaxWords = %d", MaxWords())
	}
}

func TestWords(t *testing.T) {
	for _, w := range []string{"president", "chancellor", "spokesperson", "fellow", "gen.", "co-founder", "secretary-general"} {
		if Role(w) != Head {
			t.Errorf("Role(%q) = %v, want Head", w, Role(w))
		}
	}
	for _, w := range []string{"former", "senior", "foreign"} {
		if Role(w) != Modifier {
			t.Errorf("Role(%q) = %v, want Modifier", w, Role(w))
		}
	}
	if Role("said") != NotRole {
		t.Error("said is a role word")
	}
	for _, w := range []string{"Institute", "University", "Ministry", "Inc."} {
		if !IsOrgHead(w) {
			t.Errorf("IsOrgHead(%q) = false", w)
		}
	}
	if IsOrgHead("Kim") {
		t.Error("Kim is an org head")
	}
	for w, want := range map[string]WordFlags{
		"President": TitleWord, "Secretary-General": TitleWord, "CEO": TitleWord, "Gen.": TitleWord,
		"Institute": OrgHeadWord, "Tuesday": CalendarWord, "Nov.": CalendarWord, "Mr.": HonorificWord,
		"Kim": EastAsianWord, "Airport": FacilityWord, "Republicans": GroupWord, "Zzyzx": 0,
	} {
		if got := CapWord(w).Flags; got&want != want || want == 0 && got != 0 {
			t.Errorf("CapWord(%q).Flags = %b, want %b", w, got, want)
		}
	}
	if CapWord("South").Starts < 2 || CapWord("Zzyzx").Starts != 0 {
		t.Errorf("Starts: South %d, Zzyzx %d", CapWord("South").Starts, CapWord("Zzyzx").Starts)
	}
	if g, ok := GivenName("Patricia"); !ok || g != 'f' {
		t.Errorf("GivenName(Patricia) = %c %v", g, ok)
	}
	if CapWord("Patricia").Given != 'f' || CapWord("Zzyzx").Given != 0 {
		t.Errorf("CapWord Given: Patricia %c", CapWord("Patricia").Given)
	}
	if _, ok := GivenName("Der"); ok {
		t.Error("particle Der listed as a given name")
	}
	if !IsEastAsianSurname("Kim") || IsEastAsianSurname("Patricia") {
		t.Error("IsEastAsianSurname")
	}
	if g, ok := Honorific("ms."); !ok || g != 'f' {
		t.Error("Honorific(ms.)")
	}
}

// BenchmarkBuild measures building the tables, which the first lookup pays.
func BenchmarkBuild(b *testing.B) {
	once.Do(build)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		build()
	}
}

func TestCompanies(t *testing.T) {
	for _, c := range []struct{ phrase, name string }{
		{"Boeing", "Boeing"}, {"Lockheed", "Lockheed Martin"}, {"AT&T", "AT&T"},
		{"Apple Inc.", "Apple"}, {"Spiegel", "Der Spiegel"}, {"Beatles", "The Beatles"},
	} {
		e, ok := Lookup(c.phrase)
		if !ok || e.Class != Org || e.Name != c.name {
			t.Errorf("Lookup(%q) = %+v, %v; want organization %q", c.phrase, e, ok, c.name)
		}
	}
	// every short form of the companies table names that company: none is
	// shadowed by a place or an earlier organization of another name
	for _, row := range companies {
		for _, k := range row {
			if e, ok := Lookup(k); !ok || e.Class != Org {
				t.Errorf("Lookup(%q) = %+v, %v; want an organization", k, e, ok)
			}
		}
	}
}
