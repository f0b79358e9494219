package briefing

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/gazetteer"
	"briefgen/generator/source"
)

// Source is one sentence of one article: where a role, a quotation or a
// mention was stated.
type Source struct {
	Article  *source.Article
	Sentence int // index of the sentence in its article; the anchor is doc.SentenceID(Sentence)
}

// Anchor is the fragment of the sentence on its article page ("s-3").
func (s Source) Anchor() string { return sentenceID(s.Sentence) }

// URL is the site path of the sentence: "/<briefing>/<article>/#s-3".
func (s Source) URL() string { return s.Article.RelPermalink() + "#" + s.Anchor() }

// Date is the publication date of the source's article.
func (s Source) Date() time.Time { return s.Article.Date }

// DatedRole is a role of a registry actor as one article states it.
type DatedRole struct {
	Text   string
	Source Source
	Editor bool // set by an editor override, not extracted
}

// Date is when the role was stated: its article's publication date.
func (r DatedRole) Date() time.Time {
	if r.Source.Article == nil {
		return time.Time{}
	}
	return r.Source.Article.Date
}

// Actor is one person, organization or place across the articles of a
// briefing: every article's actor that refers to it, merged.
type Actor struct {
	ID       string // stable: the slug of Name, unique in the briefing
	Name     string // canonical name
	Kind     string // "person", "organization", "place", "other"
	Aliases  []string
	Roles    []DatedRole // oldest first
	Photo    string      // from an editor override, or ""
	Hidden   bool        // an editor hid it
	role     *string     // Role, once computed
	path     string      // ActorPath, once computed
	seenIn   int         // while aggregating: 1 + the index of the last article that listed it
	pinnedID string

	Mentions int // references across all articles
	Articles []*source.Article
	First    Source    // the first mention, in the oldest article
	Quotes   []*Quote  // quotations it speaks, oldest first
	Events   []int     // indexes into the briefing's Timeline.Entries
	Related  []Related // actors mentioned in the same sentences, most first

	members []member
}

// Related is an actor that appears with another, and how often.
type Related struct {
	Actor *Actor
	Count int // sentences that mention both
}

// Role is the latest role stated at or before t (the newest when none is
// that old), or "".
func (a *Actor) RoleAt(t time.Time) string {
	role := ""
	for _, r := range a.Roles {
		if r.Editor {
			return r.Text
		}
	}
	for _, r := range a.Roles {
		if !t.IsZero() && r.Date().After(t) {
			if role == "" {
				role = r.Text
			}
			break
		}
		role = r.Text
	}
	return role
}

// Role is the actor's current role: the editor's, or the newest stated.
func (a *Actor) Role() string {
	if a.role == nil {
		a.setRole(nil)
	}
	return *a.role
}

// setRole computes Role; memo is as for roleHistory.
func (a *Actor) setRole(memo map[string][]string) {
	r := ""
	h := a.roleHistory(memo)
	if c := Current(h); c >= 0 {
		r = h[c].Text
	}
	a.role = &r
}

// member is one article's actor that belongs to a registry actor.
type member struct {
	art   *source.Article
	index int // into the article's facts.Actors
}

// articleActor is one article's actor during merging.
type articleActor struct {
	art      *source.Article
	artNo    int
	index    int
	a        *actors.Actor
	kind     actors.Kind
	tokens   []string // name slug tokens, initials dropped
	key      string   // key(tokens)
	parent   int      // union-find
	pinned   string   // override: forced cluster key
	canon    string   // the gazetteer's name of a place or organization, or ""
	resolved bool     // a one-word name given to a full-named person
}

// registry merges the actors of a briefing's articles.
type registry struct {
	items []articleActor
	names *nameCache
}

// nameCache remembers what aggregation derives from a name (its slug and
// tokens), so that a name met in many articles is analyzed once.
type nameCache struct {
	m map[string]*nameInfo
}

type nameInfo struct {
	slug   string
	tokens []string // nameTokens
	key    string   // key(tokens)
	done   bool     // tokens and key computed
}

func newNameCache() *nameCache { return &nameCache{m: map[string]*nameInfo{}} }

// grow makes room for n more names.
func (c *nameCache) grow(n int) {
	if len(c.m) == 0 {
		c.m = make(map[string]*nameInfo, n)
	}
}

func (c *nameCache) get(name string) *nameInfo {
	n := c.m[name]
	if n == nil {
		n = &nameInfo{slug: actors.Slug(name)}
		c.m[name] = n
	}
	return n
}

// slug is actors.Slug(name).
func (c *nameCache) slug(name string) string { return c.get(name).slug }

// tokens is nameTokens(name) and its key; the slice is shared, read only.
func (c *nameCache) tokens(name string) ([]string, string) {
	n := c.get(name)
	if !n.done {
		n.tokens = slugTokens(name, n.slug)
		n.key = key(n.tokens)
		n.done = true
	}
	return n.tokens, n.key
}

func (g *registry) find(i int) int {
	for g.items[i].parent != i {
		g.items[i].parent = g.items[g.items[i].parent].parent
		i = g.items[i].parent
	}
	return i
}

func (g *registry) union(i, j int) {
	ri, rj := g.find(i), g.find(j)
	if ri == rj {
		return
	}
	if ri > rj {
		ri, rj = rj, ri
	}
	g.items[rj].parent = ri
}

// nameTokens returns the lower-case ASCII words of a name, initials and
// honorifics dropped ("Donald J. Trump" -> donald trump).
func nameTokens(name string) []string { return slugTokens(name, actors.Slug(name)) }

// slugTokens is nameTokens given the name's slug s.
func slugTokens(name, s string) []string {
	if s == "actor" && !strings.Contains(strings.ToLower(name), "actor") {
		return nil
	}
	parts := strings.Split(s, "-")
	out := make([]string, 0, len(parts))
	for _, p := range parts {
		if len(p) <= 1 || honorific[p] {
			continue
		}
		out = append(out, p)
	}
	if len(out) == 0 {
		// Initials only ("U.S.", "U.N."): one word of them.
		out = append(out, strings.Join(parts, ""))
	}
	return out
}

var honorific = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "jr": true, "sr": true}

func key(tokens []string) string { return strings.Join(tokens, " ") }

// buildRegistry merges the actors of arts (oldest first) into registry
// actors. facts gives each article's facts.
func buildRegistry(arts []*source.Article, facts FactsOf, ov *actorRules, names *nameCache) ([]*Actor, map[*source.Article][]*Actor) {
	g := &registry{names: names}
	n := 0
	for _, art := range arts {
		if f := facts(art); f != nil {
			n += len(f.Actors)
		}
	}
	g.items = make([]articleActor, 0, n)
	names.grow(n / 2)
	canon := map[string]string{} // non-person name -> the gazetteer's name, or ""
	for n, art := range arts {
		f := facts(art)
		if f == nil {
			continue
		}
		for i := range f.Actors {
			a := &f.Actors[i]
			it := articleActor{
				art: art, artNo: n, index: i, a: a, kind: a.Kind,
				parent: len(g.items),
			}
			it.tokens, it.key = names.tokens(a.Name)
			if a.Kind != actors.Person {
				c, ok := canon[a.Name]
				if !ok {
					if e, ok := gazetteer.Lookup(strings.TrimPrefix(a.Name, "the ")); ok {
						c = e.Name
					}
					canon[a.Name] = c
				}
				if c != "" {
					it.canon = c
					it.tokens, it.key = names.tokens(c)
				}
			}
			g.items = append(g.items, it)
		}
	}
	if ov != nil {
		ov.pin(g)
	}
	g.mergeExact()
	g.mergeVariants()
	g.mergeShort()
	if ov != nil {
		ov.merge(g)
	}
	return g.clusters(facts)
}

// exactKey is a name key of one kind group (kindKey, or 'g' for a name
// the gazetteer gave).
type exactKey struct {
	kind byte
	key  string
}

// kindKey groups kinds that may merge: people with people, organizations
// with organizations, places with places; "other" joins whatever shares
// its full name.
func kindKey(k actors.Kind) byte {
	switch k {
	case actors.Person:
		return 'p'
	case actors.Organization:
		return 'o'
	case actors.Place:
		return 'l'
	}
	return 'x'
}

// mergeExact joins actors with the same name (or, for organizations, a
// shared multi-word alias or acronym).
func (g *registry) mergeExact() {
	byKey := map[exactKey]int{}
	byName := map[string]int{} // full name, any kind but other
	for i := range g.items {
		it := &g.items[i]
		if it.pinned != "" || len(it.tokens) == 0 || it.kind == actors.Person && len(it.tokens) == 1 {
			continue // one-word names of people are resolved by mergeShort
		}
		k := exactKey{kindKey(it.kind), it.key}
		if it.canon != "" {
			k.kind = 'g'
		}
		if j, ok := byKey[k]; ok {
			g.union(i, j)
		} else {
			byKey[k] = i
		}
		if it.kind != actors.Other {
			if _, ok := byName[it.key]; !ok {
				byName[it.key] = i
			}
		}
		for _, al := range it.a.Aliases {
			if it.kind == actors.Person {
				continue // neither multi-word nor an organization's acronym
			}
			tk, tkey := g.names.tokens(al)
			multi := len(tk) >= 2
			if multi || it.kind == actors.Organization && acronym(al) {
				ak := exactKey{kindKey(it.kind), tkey}
				if j, ok := byKey[ak]; ok {
					g.union(i, j)
				} else {
					byKey[ak] = i
				}
			}
		}
	}
	for i := range g.items {
		it := &g.items[i]
		if it.pinned == "" && it.kind == actors.Other && len(it.tokens) >= 1 {
			if j, ok := byName[it.key]; ok {
				g.union(i, j)
			}
		}
	}
}

func acronym(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
			n++
		case c == '.' || c == '-':
		default:
			return false
		}
	}
	return n >= 2 && n <= 8
}

// mergeVariants joins people whose full names differ by one spelling
// ("Luis"/"Luiz", "Zelensky"/"Zelenskyy") or by a missing middle part
// ("Donald Trump"/"Donald John Trump", "Lula da Silva"/"Luiz Inacio Lula
// da Silva"), when the match is unique among the briefing's names.
func (g *registry) mergeVariants() {
	type entry struct {
		i      int
		tokens []string
	}
	var people []entry
	seen := map[string]bool{}
	for i := range g.items {
		it := &g.items[i]
		if it.pinned != "" || it.kind != actors.Person || len(it.tokens) < 2 {
			continue
		}
		if seen[it.key] {
			continue
		}
		seen[it.key] = true
		people = append(people, entry{i, it.tokens})
	}
	// Candidates share the first or the last word.
	type edge struct {
		last bool
		word string
	}
	byEdge := map[edge][]int{}
	for n, p := range people {
		f, l := edge{false, p.tokens[0]}, edge{true, p.tokens[len(p.tokens)-1]}
		byEdge[f] = append(byEdge[f], n)
		byEdge[l] = append(byEdge[l], n)
	}
	for n, p := range people {
		var match []int
		check := func(list []int) {
			for _, m := range list {
				if m == n || slices.Contains(match, m) {
					continue
				}
				q := people[m]
				if spellingVariant(p.tokens, q.tokens) || (len(p.tokens) < len(q.tokens) && shortForm(p.tokens, q.tokens)) {
					match = append(match, m)
				}
			}
		}
		check(byEdge[edge{false, p.tokens[0]}])
		check(byEdge[edge{true, p.tokens[len(p.tokens)-1]}])
		if len(match) == 1 {
			g.union(p.i, people[match[0]].i)
		} else if len(match) > 1 {
			// Several longer names share this one's words: join only
			// those that are spelling variants of each other, i.e. one
			// person, else it stays apart.
			same := true
			for _, m := range match[1:] {
				if g.find(people[m].i) != g.find(people[match[0]].i) &&
					!spellingVariant(people[m].tokens, people[match[0]].tokens) {
					same = false
				}
			}
			if same {
				for _, m := range match {
					g.union(p.i, people[m].i)
				}
			}
		}
	}
}

// spellingVariant: same number of words, all equal but one, which differs
// by one edit and is at least four letters long.
func spellingVariant(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	diff := -1
	for i := range a {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return true
	}
	x, y := a[diff], b[diff]
	return min(len(x), len(y)) >= 4 && editDistance1(x, y)
}

// editDistance1 reports whether x and y differ by exactly one insertion,
// deletion or substitution.
func editDistance1(x, y string) bool {
	if len(x) > len(y) {
		x, y = y, x
	}
	if len(y)-len(x) > 1 {
		return false
	}
	i := 0
	for i < len(x) && x[i] == y[i] {
		i++
	}
	if len(x) == len(y) {
		return i < len(x) && x[i+1:] == y[i+1:]
	}
	return x[i:] == y[i+1:]
}

// shortForm: the shorter name (two words or more) keeps the longer one's
// first and last words with middle words dropped, or is its tail of at
// least two words ("Lula da Silva").
func shortForm(short, long []string) bool {
	if len(short) < 2 {
		return false
	}
	if short[0] == long[0] && short[len(short)-1] == long[len(long)-1] {
		// subsequence check
		j := 0
		for _, w := range long {
			if j < len(short) && short[j] == w {
				j++
			}
		}
		return j == len(short)
	}
	tail := long[len(long)-len(short):]
	return slices.Equal(tail, short) && len(short) >= 3
}

// mergeShort gives one-word person names ("Kim", "Xi") to the full-named
// person they refer to: the one with that family or given name in the
// same article, else the only one in the briefing. An ambiguous name stays
// apart.
func (g *registry) mergeShort() {
	byWord := map[string][]int{} // word -> full-named people (cluster roots at time of build)
	for i := range g.items {
		it := &g.items[i]
		if it.pinned != "" || it.kind != actors.Person || len(it.tokens) < 2 {
			continue // an editor's split name attracts nobody
		}
		for _, w := range []string{it.tokens[0], it.tokens[len(it.tokens)-1]} {
			byWord[w] = append(byWord[w], i)
		}
	}
	for i := range g.items {
		it := &g.items[i]
		if it.pinned != "" || it.kind != actors.Person || len(it.tokens) != 1 {
			continue
		}
		cands := byWord[it.tokens[0]]
		if len(cands) == 0 {
			continue
		}
		pick := func(filter func(j int) bool) int {
			root := -1
			for _, j := range cands {
				if !filter(j) {
					continue
				}
				r := g.find(j)
				if root >= 0 && r != root {
					return -2
				}
				root = r
			}
			return root
		}
		r := pick(func(j int) bool { return g.items[j].art == it.art })
		if r == -1 {
			r = pick(func(j int) bool { return true })
		}
		if r >= 0 {
			g.union(i, r)
			it.resolved = true
		}
	}
	// The one-word names left over are one actor per word (unless two
	// people share the word: then each stays apart, unresolved).
	left := map[string]int{}
	for i := range g.items {
		it := &g.items[i]
		if it.pinned != "" || it.kind != actors.Person || len(it.tokens) != 1 || it.resolved {
			continue
		}
		if len(byWord[it.tokens[0]]) > 0 && g.ambiguous(byWord[it.tokens[0]]) {
			continue
		}
		if j, ok := left[it.tokens[0]]; ok {
			g.union(i, j)
		} else {
			left[it.tokens[0]] = i
		}
	}
}

// ambiguous reports whether items belong to more than one actor.
func (g *registry) ambiguous(items []int) bool {
	r := g.find(items[0])
	for _, j := range items[1:] {
		if g.find(j) != r {
			return true
		}
	}
	return false
}

// clusters turns the union-find sets into registry actors with stable IDs.
func (g *registry) clusters(facts FactsOf) ([]*Actor, map[*source.Article][]*Actor) {
	// The sets, in order of their first item, each with its items in
	// order: a counting sort by root.
	setNo := make([]int32, len(g.items)) // root item -> set number + 1
	var roots []int
	count := []int{}
	for i := range g.items {
		r := g.find(i)
		if setNo[r] == 0 {
			roots = append(roots, r)
			count = append(count, 0)
			setNo[r] = int32(len(roots))
		}
		count[setNo[r]-1]++
	}
	start := make([]int, len(roots)+1)
	for k, n := range count {
		start[k+1] = start[k] + n
	}
	order := make([]int, len(g.items))
	fill := slices.Clone(start[:len(roots)])
	for i := range g.items {
		k := setNo[g.find(i)] - 1
		order[fill[k]] = i
		fill[k]++
	}

	out := make([]*Actor, 0, len(roots))
	// Each article's actors are consecutive items: each article's
	// registry actors are a window of one slab.
	regOf := map[*source.Article][]*Actor{}
	regSlab := make([]*Actor, len(g.items))
	for lo := 0; lo < len(g.items); {
		hi := lo + 1
		for hi < len(g.items) && g.items[hi].art == g.items[lo].art {
			hi++
		}
		regOf[g.items[lo].art] = regSlab[lo:hi:hi]
		lo = hi
	}
	members := make([]member, len(g.items)) // each actor's members are a window of it
	var names, canon nameCounts
	for k, r := range roots {
		a := &Actor{}
		names.reset()
		canon.reset()
		var kinds [4]int // by actors.Kind
		var pinnedName string
		set := order[start[k]:start[k+1]]
		a.members = members[start[k]:start[k+1]:start[k+1]]
		for n, i := range set {
			it := &g.items[i]
			m := member{it.art, it.index}
			a.members[n] = m
			regSlab[i] = a
			names.add(it.a.Name, len(it.a.Mentions)+1)
			for _, al := range it.a.Aliases {
				names.add(al, 0)
			}
			if it.kind < actors.Kind(len(kinds)) {
				kinds[it.kind] += len(it.a.Mentions) + 1
			}
			a.Mentions += len(it.a.Mentions)
			if len(a.Articles) == 0 || a.Articles[len(a.Articles)-1] != it.art {
				a.Articles = append(a.Articles, it.art)
			}
			if it.canon != "" {
				canon.add(it.canon, len(it.a.Mentions)+1)
			}
			if it.pinned != "" && pinnedName == "" {
				pinnedName = it.pinned
			}
		}
		a.Name = g.canonicalName(names.list, g.items[r].kind)
		if len(canon.list) > 0 {
			a.Name = g.canonicalName(canon.list, actors.Organization)
			names.add(a.Name, 0)
		}
		bestKind, bestN := actors.Other, -1
		for _, k := range []actors.Kind{actors.Person, actors.Organization, actors.Place, actors.Other} {
			if kinds[k] > bestN {
				bestKind, bestN = k, kinds[k]
			}
		}
		a.Kind = bestKind.String()
		if len(names.list) > 1 {
			a.Aliases = make([]string, 0, len(names.list)-1)
		}
		for _, c := range names.list {
			if c.name != a.Name {
				a.Aliases = append(a.Aliases, c.name)
			}
		}
		slices.Sort(a.Aliases)
		out = append(out, a)
	}
	// Roles, first mention, in article order.
	type roleKey struct{ text, path string }
	seen := map[roleKey]bool{}
	lower := map[string]string{} // strings.ToLower of each role text, once
	for _, a := range out {
		clear(seen)
		for _, m := range a.members {
			f := facts(m.art)
			x := &f.Actors[m.index]
			if a.First.Article == nil && len(x.Mentions) > 0 {
				a.First = Source{m.art, doc.SentenceAt(f.Sentences, x.Mentions[0].Start)}
			}
			for _, r := range x.Roles {
				l, ok := lower[r.Text]
				if !ok {
					l = strings.ToLower(r.Text)
					lower[r.Text] = l
				}
				k := roleKey{l, m.art.Path}
				if seen[k] {
					continue
				}
				seen[k] = true
				a.Roles = append(a.Roles, DatedRole{Text: r.Text, Source: Source{m.art, doc.SentenceAt(f.Sentences, r.Span.Start)}})
			}
		}
		if a.First.Article == nil && len(a.members) > 0 {
			a.First = Source{Article: a.members[0].art}
		}
	}
	assignRegistryIDs(out, g.names)
	return out, regOf
}

// canonicalName picks the name a registry actor is known by: among the
// names of its article actors, the most used of those with the most
// words (for people: full names beat surnames), ties broken by order.
func (g *registry) canonicalName(names []nameCount, kind actors.Kind) string {
	best, bestScore, bestWords := "", -1, -1
	for _, c := range names {
		n, score := c.name, c.n
		if score == 0 {
			continue // an alias only
		}
		w := 0
		if kind == actors.Person {
			tk, _ := g.names.tokens(n)
			w = min(len(tk), 3)
		}
		if w > bestWords || w == bestWords && (score > bestScore || score == bestScore && n < best) {
			best, bestScore, bestWords = n, score, w
		}
	}
	if best == "" {
		for _, c := range names {
			if best == "" || c.name < best {
				best = c.name
			}
		}
	}
	return best
}

// nameCounts counts the uses of a registry actor's names: a short list
// searched in order, with a map once it grows long.
type nameCounts struct {
	list []nameCount    // distinct names, in order of first use
	idx  map[string]int // index into list; nil while list is short
}

type nameCount struct {
	name string
	n    int // 0: an alias only
}

func (c *nameCounts) reset() { c.list, c.idx = c.list[:0], nil }

// add adds n to name's count, 0 for a name not counted yet.
func (c *nameCounts) add(name string, n int) {
	i := -1
	if c.idx != nil {
		if j, ok := c.idx[name]; ok {
			i = j
		}
	} else {
		for j := range c.list {
			if c.list[j].name == name {
				i = j
				break
			}
		}
	}
	if i >= 0 {
		c.list[i].n += n
		return
	}
	c.list = append(c.list, nameCount{name, n})
	switch {
	case c.idx != nil:
		c.idx[name] = len(c.list) - 1
	case len(c.list) > 16:
		c.idx = make(map[string]int, 2*len(c.list))
		for j, x := range c.list {
			c.idx[x.name] = j
		}
	}
}

// assignRegistryIDs gives each actor the slug of its name; actors whose
// slugs collide get -2, -3 ... in order of name, then first article.
func assignRegistryIDs(as []*Actor, names *nameCache) {
	type keyed struct {
		slug string
		a    *Actor
	}
	ks := make([]keyed, len(as))
	for i, a := range as {
		ks[i] = keyed{names.slug(a.Name), a}
	}
	slices.SortFunc(ks, func(x, y keyed) int {
		// Each key only when the ones before tie (cmp.Or would compute
		// them all).
		if c := strings.Compare(x.slug, y.slug); c != 0 {
			return c
		}
		a, b := x.a, y.a
		if c := strings.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		if c := cmp.Compare(kindRank(a.Kind), kindRank(b.Kind)); c != 0 {
			return c
		}
		return compareSource(a.First, b.First)
	})
	used := make(map[string]bool, len(as))
	for i, k := range ks {
		a := k.a
		as[i] = a
		id := k.slug
		for n := 2; used[id]; n++ {
			id = k.slug + "-" + strconv.Itoa(n)
		}
		used[id] = true
		a.ID = id
	}
}

func compareSource(a, b Source) int {
	if a.Article == nil || b.Article == nil {
		return cmp.Compare(boolInt(a.Article == nil), boolInt(b.Article == nil))
	}
	if c := a.Article.Date.Compare(b.Article.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.Article.Path, b.Article.Path); c != 0 {
		return c
	}
	return cmp.Compare(a.Sentence, b.Sentence)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// relatedMatrixMax is the most actors related counts pairs of in an n×n
// matrix (4 MiB at most).
var relatedMatrixMax = 1024

// related counts, for every actor, the actors mentioned in the same
// sentences. as are the registry actors regOf leads to.
func related(as []*Actor, arts []*source.Article, facts FactsOf, regOf map[*source.Article][]*Actor) {
	as = slices.Clip(as) // actors not in as (there should be none) are appended to a copy
	idx := make(map[*Actor]uint64, len(as))
	for i, a := range as {
		idx[a] = uint64(i)
	}
	for _, art := range arts {
		for _, ra := range regOf[art] {
			if _, ok := idx[ra]; !ok && ra != nil {
				idx[ra] = uint64(len(as))
				as = append(as, ra)
			}
		}
	}
	// Every (sentence, actor) mention as sentence<<32|actor: sorted, one
	// sentence's actors are consecutive. Pairs are counted in a matrix
	// when the briefing's actors are few enough, else as packed x<<32|y
	// integers, sorted and counted in runs.
	n := len(as)
	var matrix []int32
	var pairs []uint64
	if n <= relatedMatrixMax {
		matrix = make([]int32, n*n)
	}
	var ms []uint64
	for _, art := range arts {
		f := facts(art)
		if f == nil {
			continue
		}
		ms = ms[:0]
		list := regOf[art]
		for i := range f.Actors {
			if i >= len(list) || list[i] == nil {
				continue
			}
			k := idx[list[i]]
			for _, m := range f.Actors[i].Mentions {
				ms = append(ms, uint64(doc.SentenceAt(f.Sentences, m.Start))<<32|k)
			}
		}
		slices.Sort(ms)
		ms = slices.Compact(ms) // each actor once per sentence
		for lo := 0; lo < len(ms); {
			hi := lo + 1
			for hi < len(ms) && ms[hi]>>32 == ms[lo]>>32 {
				hi++
			}
			for _, x := range ms[lo:hi] {
				for _, y := range ms[lo:hi] {
					if x != y {
						pairs = append(pairs, (x&0xffffffff)<<32|y&0xffffffff)
					}
				}
			}
			lo = hi
		}
		if matrix != nil {
			for _, p := range pairs {
				matrix[int(p>>32)*n+int(p&0xffffffff)]++
			}
			pairs = pairs[:0]
		}
	}
	// Each actor keeps the 8 it appears with most (ties by ID): a list
	// kept in that order as counts arrive, rather than every count sorted.
	const keep = 8
	byRank := func(a, b Related) int {
		if c := cmp.Compare(b.Count, a.Count); c != 0 {
			return c
		}
		return strings.Compare(a.Actor.ID, b.Actor.ID)
	}
	add := func(x, y *Actor, count int) {
		r := Related{y, count}
		if len(x.Related) == keep && byRank(r, x.Related[keep-1]) >= 0 {
			return
		}
		if x.Related == nil {
			x.Related = make([]Related, 0, keep)
		}
		i := len(x.Related)
		for i > 0 && byRank(r, x.Related[i-1]) < 0 {
			i--
		}
		if len(x.Related) < keep {
			x.Related = append(x.Related, Related{})
		}
		copy(x.Related[i+1:], x.Related[i:])
		x.Related[i] = r
	}
	if matrix != nil {
		for xi := range n {
			for yi, c := range matrix[xi*n : (xi+1)*n] {
				if c > 0 {
					add(as[xi], as[yi], int(c))
				}
			}
		}
	} else {
		slices.Sort(pairs)
		for lo := 0; lo < len(pairs); {
			hi := lo + 1
			for hi < len(pairs) && pairs[hi] == pairs[lo] {
				hi++
			}
			add(as[pairs[lo]>>32], as[pairs[lo]&0xffffffff], hi-lo)
			lo = hi
		}
	}
}

// sortedArticles returns a briefing's articles oldest first (ties by path).
func sortedArticles(arts []*source.Article) []*source.Article {
	out := slices.Clone(arts)
	slices.SortStableFunc(out, func(a, b *source.Article) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Path, b.Path))
	})
	return out
}

// RoleSpan is one position of an actor as the articles state it over
// time: the same role in several spellings is one span.
type RoleSpan struct {
	Text    string   // as the newest source states it
	Sources []Source // oldest first
	Editor  bool
}

// First and Last are the publication dates of the oldest and newest source.
func (r RoleSpan) First() time.Time { return r.Sources[0].Date() }
func (r RoleSpan) Last() time.Time  { return r.Sources[len(r.Sources)-1].Date() }

// RoleHistory groups the actor's dated roles into positions, in the order
// each was first stated; an editor's role comes first. A position is
// named by its most frequent wording (the fuller one on a tie).
func (a *Actor) RoleHistory() []RoleSpan { return a.roleHistory(nil) }

// roleHistory is RoleHistory; memo, when not nil, keeps the roleWords of
// each role text across calls.
func (a *Actor) roleHistory(memo map[string][]string) []RoleSpan {
	wordsOf := func(t string) []string {
		if memo == nil {
			return roleWords(t)
		}
		w, ok := memo[t]
		if !ok {
			w = roleWords(t)
			memo[t] = w
		}
		return w
	}
	type textCount struct {
		text string
		n    int
	}
	var out []RoleSpan
	var texts [][]textCount // each position's wordings, counted
	var words [][]string    // roleWords of each position's first text
	for _, r := range a.Roles {
		if r.Editor {
			out = append(out, RoleSpan{Text: r.Text, Editor: true})
			texts = append(texts, nil)
			words = append(words, nil)
			continue
		}
		k := -1
		var w []string
		if len(out) > 0 {
			w = wordsOf(r.Text)
		}
		for i := range out {
			if !out[i].Editor && sameRoleWords(words[i], w) {
				k = i
				break
			}
		}
		if k < 0 {
			if w == nil {
				w = wordsOf(r.Text)
			}
			out = append(out, RoleSpan{Text: r.Text})
			texts = append(texts, nil)
			words = append(words, w)
			k = len(out) - 1
		}
		if j := slices.IndexFunc(texts[k], func(c textCount) bool { return c.text == r.Text }); j >= 0 {
			texts[k][j].n++
		} else {
			texts[k] = append(texts[k], textCount{r.Text, 1})
		}
		if n := len(out[k].Sources); n == 0 || out[k].Sources[n-1].Article != r.Source.Article {
			out[k].Sources = append(out[k].Sources, r.Source)
		}
	}
	for i, m := range texts {
		if out[i].Editor {
			continue
		}
		// The most frequent wording, the longer on a tie, then the first
		// in byte order: a total order, so the result does not depend on
		// the order of m.
		best, bestN := out[i].Text, 0
		for _, c := range m {
			t, n := c.text, c.n
			if n > bestN || n == bestN && (len(t) > len(best) || len(t) == len(best) && t < best) {
				best, bestN = t, n
			}
		}
		out[i].Text = best
	}
	return out
}

// Current is the position stated most recently (an editor's role first),
// or -1 when there is none.
func Current(h []RoleSpan) int {
	cur := -1
	for i, r := range h {
		if r.Editor {
			return i
		}
		if cur < 0 || r.Last().After(h[cur].Last()) || r.Last().Equal(h[cur].Last()) && len(r.Sources) > len(h[cur].Sources) {
			cur = i
		}
	}
	return cur
}
