package actors

import (
	"bytes"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
	"briefgen/generator/gazetteer"
	"golang.org/x/text/unicode/norm"
)

// cand is one capitalized name found in a sentence, before coreference.
type cand struct {
	s, e     int // byte span of the name
	kind     Kind
	key      string   // organizations and places: canonical name
	name     string   // people: the name as written
	tok0     int      // people: index of the first word in finder.arena
	toks     []string // people: the name's words
	evidence bool     // a title, cue or appositive shows a person
	strong   bool     // a title, honorific or description shows it (not only a cue)
	roles    []Role
	gender   byte
	inQuote  bool
	pos      int    // order in the text
	pend     int    // end of its paragraph
	given    byte   // gender of its given name, if known
	hon      bool   // an honorific stands before it
	acro     bool   // an unknown all-capitals word, an organization if its letters or its use say so
	orgCue   bool   // people: its context reads like a company's ("Los Angeles based X", "the X plan")
	weak     bool   // organizations: only context says so; a person's name wins
	label    bool   // people: an all-capitals label without a given name, a name only in a transcript
	used     bool   // taken as a mention already
	desc     string // a definite description ("the former president"): its role head
	sent     int    // index of its sentence
}

// finder holds the state of one Find call.
type finder struct {
	d         *doc.Doc
	t         []byte
	str       string // t as a string: names and roles are slices of it, not copies
	ts        []token
	cands     []cand
	buf       []byte
	skip      int        // token index up to which the sentence is already read ("(EU)")
	arena     []string   // the words of person candidates
	build     []building // actors being put together; never grows past its capacity
	assign    []assignment
	pend      int  // end of the current paragraph
	sent      int  // index of the current sentence
	headline  bool // the current sentence is a heading in headline case
	paraStart bool // the current sentence opens its paragraph
	labels    []labelOf
	nlabels   int                     // transcript speaker labels opening paragraphs
	byKey     map[entityKey]*building // resolve's index of organizations and places, cleared after each call
	alone     map[string]int          // resolve's count of family names used alone, cleared after each call
	words     []string                // resolve's words of people's names
}

// labelOf is the person an all-capitals label ("VARGA") was given to.
type labelOf struct {
	label string
	b     *building
}

var finderPool = sync.Pool{New: func() any { return new(finder) }}

// Find returns the actors of d, ordered by first mention. sents are the
// sentences of d (sentences.Split); when nil, each paragraph is read as one
// sentence.
func Find(d *doc.Doc, sents []doc.Sentence) []Actor {
	if d == nil {
		return nil
	}
	if len(sents) == 0 {
		for i, p := range d.Paragraphs {
			sents = append(sents, doc.Sentence{Span: p.Span, Para: i})
		}
	}
	f := finderPool.Get().(*finder)
	*f = finder{d: d, t: d.Text, str: string(d.Text), ts: f.ts[:0], cands: f.cands[:0], buf: f.buf[:0], arena: f.arena[:0], build: f.build[:0], assign: f.assign[:0], labels: f.labels[:0], byKey: f.byKey, alone: f.alone, words: f.words[:0]}
	defer func() {
		// drop references to this article's strings
		clear(f.cands)
		clear(f.arena)
		clear(f.build) // entries past len were cleared by the call that used them
		clear(f.labels)
		if len(f.byKey) > 256 {
			f.byKey = nil // do not keep a huge article's table
		}
		clear(f.byKey)
		if len(f.alone) > 256 {
			f.alone = nil
		}
		clear(f.alone)
		clear(f.words[:cap(f.words)]) // resolve leaves len 0
		f.d, f.t, f.str = nil, nil, ""
		finderPool.Put(f)
	}()
	inQuote, para := false, -1
	for _, s := range sents {
		start, end := s.Start, s.End
		if start < 0 {
			start = 0
		}
		if end > len(d.Text) {
			end = len(d.Text)
		}
		if start >= end {
			continue
		}
		f.paraStart = s.Para != para
		if s.Para != para {
			para, inQuote = s.Para, false
			f.pend = end
			if s.Para >= 0 && s.Para < len(d.Paragraphs) && d.Paragraphs[s.Para].End <= len(d.Text) && d.Paragraphs[s.Para].End > end {
				f.pend = d.Paragraphs[s.Para].End
			}
		}
		if end > f.pend {
			f.pend = end
		}
		f.ts = tokenize(f.ts[:0], d.Text, start, end, &inQuote)
		f.headline = s.Para >= 0 && s.Para < len(d.Paragraphs) && d.Paragraphs[s.Para].Kind == doc.Heading &&
			d.Text[start] != '(' && headlineCase(f.ts, d.Text)
		f.sentence()
		f.sent++
	}
	return f.resolve()
}

// lower returns text[s:e] in lower case: the text itself when it has no
// capitals (the common case; capacity cut at e), else a copy in f.buf, valid
// until the next call. Callers only read it.
func (f *finder) lower(s, e int) []byte {
	w := f.t[s:e:e]
	for k, c := range w {
		if c >= 'A' && c <= 'Z' {
			f.buf = append(f.buf[:0], w[:k]...)
			for _, c := range w[k:] {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				f.buf = append(f.buf, c)
			}
			return f.buf
		}
	}
	return w
}

func (f *finder) text(i int) []byte { return f.t[f.ts[i].s:f.ts[i].e] }

func (f *finder) is(i int, words ...string) bool {
	if uint(i) >= uint(len(f.ts)) {
		return false
	}
	t := &f.ts[i]
	if t.punct != 0 {
		return false
	}
	n := t.e - t.s
	for _, x := range words {
		if len(x) == n && equalFold(f.t[t.s:t.e], x) {
			return true
		}
	}
	return false
}

// Word lists of f.is, kept in variables so that a call does not build them.
var (
	creditWords      = []string{"Photo", "Photos", "Pictures", "Images", "Photography", "Pool", "Handout"}
	relationWords    = []string{"relation", "related", "relative", "kin"}
	predicateWords   = []string{"as", "is", "was", "be", "been", "became", "named", "appointed", "elected", "remains"}
	orgJoinWords     = []string{"for", "of", "and", "on"}
	timePrepWords    = []string{"in", "on", "by", "since", "until", "of", "last", "next", "early", "late", "mid", "this", "from", "through", "till", "before", "after", "during", "to", "between", "and", "or"}
	saidWords        = []string{"said", "says", "told", "added"}
	promoteVerbs     = []string{"promoted", "promotes", "promote", "appointed", "appoints", "appoint", "named", "names", "name", "elevated", "elevates", "nominated", "nominates", "nominate", "made", "makes", "make"}
	bylineWords      = []string{"reporting", "editing", "writing", "photos", "photo", "photographs", "compiled", "produced", "edited", "written", "reported"}
	copulaStartWords = []string{"is", "was", "will", "has", "had", "sworn", "served", "serves", "worked", "works"}
	asideCopulaWords = []string{"is", "was", "served", "serves", "worked", "works", "will", "has", "had"}
	auxWords         = []string{"is", "was", "will", "has", "had"}
	namedVerbs       = []string{"named", "appointed", "elected", "installed", "confirmed"}
	servedVerbs      = []string{"served", "serves", "worked", "works"}
	whoVerbWords     = []string{"is", "was", "has", "had", "been", "served", "serves", "works", "worked", "also", "now", "then", "previously", "formerly", "became", "as"}
	nameJoinWords    = []string{"of", "for", "on", "and"}
	timeDetWords     = []string{"last", "next", "this", "the"}
	timeNouns        = []string{"week", "month", "year", "weekend", "morning", "afternoon", "evening", "night", "day", "today", "yesterday", "spring", "summer", "autumn", "fall", "winter", "season", "decade", "century"}
	afterNameWords   = []string{"a", "an", "the", "his", "her", "their", "its", "as", "in", "on", "at", "for", "to", "with", "from", "two", "three", "four", "five", "six", "several", "many"}
	roleJoinWords    = []string{"to", "of", "for", "at", "in"}
)

// equalFold reports whether w and x are the same word, ignoring the case of
// ASCII letters (x is lower case or matches exactly).
func equalFold(w []byte, x string) bool {
	if len(w) != len(x) {
		return false
	}
	for k := 0; k < len(w); k++ {
		a, b := w[k], x[k]
		if a == b {
			continue
		}
		if a >= 'A' && a <= 'Z' {
			a += 'a' - 'A'
		}
		if b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		if a != b {
			return false
		}
	}
	return true
}

func (f *finder) punct(i int, marks string) bool {
	return i >= 0 && i < len(f.ts) && f.ts[i].punct != 0 && strings.ContainsRune(marks, f.ts[i].punct)
}

var particles = setOf(`da de van von der den del bin ibn al la le du di dos das ter y bint el`)

// startStop are capitalized words that begin sentences without being names.
var startStop = setOf(`The A An In At On But And For If As When While After Before Since Despite With Without
Among During Under Over This That These Those It Its He She They We I You His Her Their Our My Your Some Many
Most Several Both All Each Every Any Other Another One Two Three Four Five No Not Yet So Also Still Then Now
However Though Although Because Meanwhile Even Only Just Such What Who Why How Where Which There Here
According Asked Last Next From To By Of Regarding Following Beyond Like Unlike Amid Against Whether Once
Instead Indeed Thus Further Furthermore Moreover Meanwhile Nevertheless Later Earlier Today Tonight
Tomorrow Yesterday Please Let Do Does Did Is Are Was Were Will Would Can Could Should May Might Must
Through Toward Towards Between Across Around Near Inside Outside Until Upon Within Via Per Including
More Less Much Few Fewer Editor Photo Video Watch Read Related Sign FILE`)

// suffixes end names: "Charles III", "Martin Luther King Jr."
var suffixes = setOf(`Jr. Sr. Jr Sr II III IV V`)

// neverName are capitalized words that are never part of a person's name.
var neverName = setOf(`He She They We I You It His Her Their Our My Your Its Him Them Us Me This That These
Those There Here What Who Whom Whose Which Why How Where When The A An And Or But If Not No Yes Mr Mrs Ms`)

// cueVerbs after a name show a person speaking or acting as one.
var cueVerbs = setOf(`said says say told tells added adds noted notes warned warns stressed stresses urged
urges argued argues insisted insists acknowledged acknowledges explained explains asked asks suggested
suggests wrote writes continued stated states declared declares announced claimed claims believes
believed thinks thought described predicted cautioned emphasized emphasised observed recalled replied
responded commented concluded countered admitted agreed confirmed denied estimated complained posted
tweeted pointed recalled contended maintained reiterated remarked testified vowed pledged promised
hopes hoped wants wanted met visited spoke speaks called calls criticized criticised praised`)

// setOf returns the set of the words of s, looked up by their bytes without
// allocating (gazetteer.Set).
func setOf(s string) *gazetteer.Set {
	return gazetteer.NewSet(strings.Fields(s)...)
}

// capWord reports whether token i can be part of a capitalized name.
func (f *finder) capWord(i int) bool {
	return i >= 0 && i < len(f.ts) && f.ts[i].cap && f.ts[i].punct == 0
}

// sentence finds the candidates of the sentence in f.ts.
func (f *finder) sentence() {
	ts := f.ts
	first := 0
	for first < len(ts) && !ts[first].word() {
		first++
	}
	f.skip = 0
	if f.paraStart {
		f.skip = f.speakerLabel(first)
	}
	for i := 0; i < len(ts); {
		if i < f.skip {
			i = f.skip
			continue
		}
		if ts[i].punct != 0 {
			switch {
			case ts[i].punct == '(':
				if e := f.credit(i); e > i {
					i = e
					continue
				}
			case ts[i].punct == '“' || ts[i].punct == '‘' || ts[i].punct == '"' && ts[i].inQuote:
				// “Rivers Without Borders”: the title of a work names nobody
				if e := f.workTitle(i); e > i {
					i = e
					continue
				}
			}
		}
		if w := f.text(i); len(w) == 3 && w[0]|0x20 == 't' && w[1] == 'h' && w[2] == 'e' {
			if e := f.description(i); e > i {
				i = e
				continue
			}
		}
		if !f.capWord(i) {
			i++
			continue
		}
		// the run of capitalized words starting at i
		j := i + 1
		hasHead := f.ts[i].orgHead
		for j < len(ts) && (!ts[j-1].poss || f.pluralPossInName(j-1) || int(ts[i].starts) > j-i && f.knownThrough(i, j)) {
			if f.capWord(j) {
				hasHead = hasHead || f.ts[j].orgHead
				j++
				continue
			}
			if j+1 < len(ts) && ts[j].word() && !ts[j].cap {
				w := f.str[ts[j].s:ts[j].e]
				// "da Silva", "von der Leyen", "bin Salman"
				if particles.Has(w) && !f.isTitle(j-1) {
					k := j + 1
					for k < len(ts) && k < j+3 && ts[k].word() && !ts[k].cap && particles.HasBytes(f.text(k)) {
						k++
					}
					if f.capWord(k) {
						j = k + 1
						continue
					}
				}
				if hasHead && (w == "of" || w == "for" || w == "on" || w == "and" && !f.ts[j-1].orgHead || w == "de") ||
					w == "of" && (f.isTitle(j-1) || int(ts[i].starts) > j-i && f.knownThrough(i, j+1)) || w == "and" && f.andOrgHead(i, j) {
					k := j + 1
					// "the Bank of England and the University of X" are two
					if f.is(k, "the") && f.capWord(k+1) && w != "and" {
						k++
					}
					if f.capWord(k) && (hasHead || !f.isTitleWord(k)) && !f.ts[k].cal {
						j = k + 1
						continue
					}
				}
			}
			break
		}
		// "Americans for Peace Now", "Scientists for Global Responsibility"
		if e := f.groupFor(i, j); e > j {
			f.org(i, e)
			i = e
			continue
		}
		// "Americans for Peace Now, a left-wing organization,"
		if e := f.namedByAppositive(i, j); e > j {
			f.org(i, e)
			i = e
			continue
		}
		n := len(f.cands)
		f.run(i, j, first)
		// "Dravia's delegation", "Kelmora’s foreign ministry": a country's body
		if e := f.countryBody(n, j); e > j {
			i = e
			continue
		}
		i = j
	}
}

// allCaps reports whether a word has letters and all of them are capitals.
func allCaps(w []byte) bool {
	letters := 0
	for _, r := range string(w) {
		switch {
		case unicode.IsUpper(r):
			letters++
		case unicode.IsLower(r):
			return false
		}
	}
	return letters >= 2
}

// titleCased returns an all-capitals name in title case ("NINA KOVAL" ->
// "Nina Koval", "O'BRIEN-SMITH" -> "O'Brien-Smith").
func titleCased(s []byte) string {
	var b strings.Builder
	b.Grow(len(s))
	up := true
	for _, r := range string(s) {
		if unicode.IsLetter(r) {
			if up {
				r = unicode.ToUpper(r)
			} else {
				r = unicode.ToLower(r)
			}
			up = false
		} else {
			up = true
		}
		b.WriteRune(r)
	}
	return b.String()
}

// speakerLabel reads a transcript speaker label that opens a paragraph at
// token i: "ANCHOR (NINA KOVAL):" names Nina Koval, with the label as her
// role; "DANIEL OKAFOR:" names Daniel Okafor. A one-word label ("OKAFOR:")
// is left to the acronym pass, which maps it to the person of that name. It
// returns the token after the colon, or 0.
func (f *finder) speakerLabel(i int) int {
	ts := f.ts
	k := i
	for k < len(ts) && k < i+4 && ts[k].word() && allCaps(f.text(k)) {
		k++
	}
	if k == i {
		return 0
	}
	ns, ne := i, k // the name
	var role *Role
	if f.punct(k, "(") {
		m := k + 1
		for m < len(ts) && m < k+6 && ts[m].word() && allCaps(f.text(m)) {
			m++
		}
		if m-k-1 < 2 || !f.punct(m, ")") || !f.punct(m+1, ":") {
			return 0
		}
		f.nlabels++
		s, e := ts[i].s, ts[k-1].e
		role = &Role{Text: f.str[s:e], Span: doc.Span{Start: s, End: e}}
		ns, ne, k = k+1, m, m+1
	} else if !f.punct(k, ":") {
		return 0
	} else if f.nlabels++; k-i < 2 {
		return 0
	}
	// "UN ENVOY:", "NORTH KOREA:" are no names
	if _, ok := f.lookup(ns, ne); ok {
		return 0
	}
	for m := ns; m < ne; m++ {
		if lw := f.lower(ts[m].s, ts[m].e); f.roleOf(m) != gazetteer.NotRole || stopWords.HasBytes(lw) {
			return 0
		}
	}
	c := cand{s: ts[ns].s, e: ts[ne-1].e, kind: Person, evidence: true, strong: true}
	c.name = titleCased(f.t[c.s:c.e])
	c.tok0 = len(f.arena)
	for _, w := range strings.Fields(c.name) {
		f.arena = append(f.arena, w)
	}
	c.toks = f.arena[c.tok0:len(f.arena):len(f.arena)]
	if g, ok := gazetteer.GivenName(c.toks[0]); ok {
		c.given = g
	} else if role == nil {
		// "BREAKING NEWS:" names nobody: such a label counts only in a
		// transcript, where other labels open paragraphs too
		c.label = true
	}
	if role != nil {
		c.roles = append(c.roles, *role)
	}
	c.pend = f.pend
	f.add(c)
	return k + 1
}

// credit reads a photo credit at the parenthesis i: "(Atlas/Mirela Stan)",
// "(Reuters Photo/Jan Ek)", "(Mirela Stan/Atlas)": an agency and a
// photographer's name. It returns the token after the closing parenthesis,
// or i.
func (f *finder) credit(i int) int {
	ts := f.ts
	a0 := i + 1
	a1 := a0
	for a1 < len(ts) && a1 < a0+5 && f.capWord(a1) {
		a1++
	}
	if a1 == a0 || !f.punct(a1, "/") {
		return i
	}
	b0 := a1 + 1
	b1 := b0
	for b1 < len(ts) && b1 < b0+5 && f.capWord(b1) {
		b1++
	}
	if b1 == b0 || !f.punct(b1, ")") {
		return i
	}
	agency := func(s, e int) {
		for e > s+1 && f.is(e-1, creditWords...) {
			e--
		}
		if m, en := f.longest(s, e); m == e {
			f.entity(s, e, en)
		} else {
			f.org(s, e)
		}
	}
	photographer := func(s, e int) {
		f.person(s, e, true)
	}
	switch {
	case b1-b0 >= 2 && f.nameLike(b0, b1):
		agency(a0, a1)
		photographer(b0, b1)
	case a1-a0 >= 2 && f.nameLike(a0, a1) && b1-b0 <= 2:
		photographer(a0, a1)
		agency(b0, b1)
	default:
		return i
	}
	return b1 + 1
}

// workTitle returns the token after a quotation in headline case that names
// a work ("“Rivers Without Borders”"): three or more words, capitalized but
// for short function words. It returns i when the quotation is no title.
func (f *finder) workTitle(i int) int {
	ts := f.ts
	open := ts[i].punct
	words, caps := 0, 0
	for k := i + 1; k < len(ts) && k < i+16; k++ {
		t := ts[k]
		if !t.word() {
			switch {
			case t.punct == '”' && open == '“' || t.punct == '’' && open == '‘' || t.punct == '"' && open == '"':
				if words >= 3 && caps >= 2 && caps+1 >= words {
					return k + 1
				}
				return i
			case t.punct == ':' || t.punct == '-' || t.punct == ',' || t.punct == '?' || t.punct == '!':
				continue
			}
			return i
		}
		words++
		if t.cap {
			caps++
		} else if !stopWords.HasBytes(f.lower(t.s, t.e)) || k == i+1 {
			return i
		}
	}
	return i
}

// descHeads are offices a definite description can refer back with ("the
// president", "the Florida governor").
var descHeads = setOf(`president president-elect premier chancellor leader governor senator mayor king queen
pope minister secretary secretary-general ambassador envoy spokesperson spokesman spokeswoman chairman
chairwoman ceo founder co-founder candidate nominee general commander`)

// description records "the former president" at token i (the word "the")
// and returns the token after it, or i when there is none.
func (f *finder) description(i int) int {
	ts := f.ts
	// "the river", "the talks": the common case, one lookup, before the rest
	if h := i + 1; h < len(ts) && (!ts[h].word() || !ts[h].cap && f.roleOf(h) == gazetteer.NotRole) {
		return i
	}
	// "no relation to the minister", "not related to the president": someone else
	if f.is(i-1, "to", "of") && f.is(i-2, relationWords...) {
		return i
	}
	// "who served as the special envoy", ", the army chief,": a predicate or
	// an appositive, not a reference back
	if f.punct(i-1, ",") && f.capWord(i-2) || f.is(i-1, predicateWords...) {
		return i
	}
	for h := i + 1; h < len(ts) && h <= i+4; h++ {
		if !ts[h].word() {
			return i
		}
		if !ts[h].cap && f.roleOf(h) == gazetteer.NotRole {
			return i // "the river", "the talks": the common case, one lookup
		}
		lw := f.lower(ts[h].s, ts[h].e)
		if !ts[h].cap && descHeads.HasBytes(lw) {
			// not "the president, Donald Trump," nor "the president of ..."
			if f.capWord(h+1) || f.punct(h+1, ",") && f.capWord(h+2) || f.is(h+1, "of") {
				return i
			}
			f.add(cand{s: ts[i+1].s, e: ts[h].e, kind: Other, desc: f.str[ts[h].s:ts[h].e], inQuote: ts[i].inQuote})
			return h + 1
		}
		if ts[h].poss || !(ts[h].cap || f.roleOf(h) == gazetteer.Modifier) {
			return i
		}
	}
	return i
}

// orgNouns in an appositive show that the name before it is an
// organization's.
var orgNouns = setOf(`organization organisation group company firm agency nonprofit non-profit charity coalition
association institute union movement network party newspaper broadcaster airline manufacturer maker carrier
retailer bank fund outlet foundation lobby tank think-tank consultancy publisher startup conglomerate`)

// knownThrough reports whether the gazetteer knows the phrase that starts at
// token i and runs through the capitalized words from j on ("Democratic
// People’s Republic of Korea"), so a possessive or "of" at j-1 stays inside.
func (f *finder) knownThrough(i, j int) bool {
	if f.is(i, "the") && i+1 < j {
		i++
	}
	for e := j; e < len(f.ts) && e < i+10 && f.ts[e].word() && (f.ts[e].cap || f.is(e, "of", "the", "and")); e++ {
		if !f.ts[e].cap {
			continue
		}
		if _, ok := f.lookup(i, e+1); ok {
			return true
		}
	}
	return false
}

// andOrgHead reports whether the capitalized words after the "and" at j
// end an organization's name that began at i ("European Aeronautic Defence
// and Space Company"): they hold a head word, and the words before are no
// person's name (no given name or title first).
func (f *finder) andOrgHead(i, j int) bool {
	if f.isTitle(i) {
		return false
	}
	if f.ts[i].given != 0 {
		return false
	}
	for k := j + 1; k < len(f.ts) && k < j+5 && f.capWord(k); k++ {
		if f.ts[k].orgHead {
			return true
		}
		if f.ts[k].poss {
			break
		}
	}
	return false
}

// govNouns after a country's possessive name a body that speaks for it.
var govNouns = setOf(`delegation government ministry embassy consulate military army navy parliament cabinet
presidency mission negotiators`)

// countryBody records "Dravia's delegation" when the run just read (its
// candidates from n on) ends with a country in the possessive and a
// lower-case government noun follows at j, optionally after a portfolio word
// ("foreign ministry"). It returns the token after it, or j.
func (f *finder) countryBody(n, j int) int {
	ts := f.ts
	if j >= len(ts) || j == 0 || !ts[j-1].poss || len(f.cands) != n+1 {
		return j
	}
	c := &f.cands[n]
	if c.e != ts[j-1].e {
		return j
	}
	switch c.kind {
	case Place:
		if e, ok := gazetteer.Lookup(c.key); !ok || e.Class != gazetteer.Country {
			return j
		}
	case Person:
		// an unknown country: only its delegation or government
		if len(c.toks) != 1 || c.strong || !f.is(j, "delegation", "government") {
			return j
		}
		f.cands = f.cands[:n]
	default:
		return j
	}
	k := j
	if ts[k].word() && !ts[k].cap && f.roleOf(k) == gazetteer.Modifier {
		k++
	}
	if k >= len(ts) || !ts[k].word() || ts[k].cap || !govNouns.HasBytes(f.lower(ts[k].s, ts[k].e)) {
		return j
	}
	f.add(cand{s: c.s, e: ts[k].e, kind: Organization, key: f.str[c.s:ts[k].e], inQuote: c.inQuote})
	return k + 1
}

// groupFor returns the end of an advocacy group's name: a plural noun for a
// group of people, "for" or "against", and capitalized words ("Americans for
// Peace Now", "Doctors for Human Rights"), or j.
func (f *finder) groupFor(i, j int) int {
	ts := f.ts
	if j != i+1 || !f.is(j, "for", "against") || !f.capWord(j+1) || ts[i].poss {
		return j
	}
	w := f.text(i)
	if len(w) < 4 || w[len(w)-1] != 's' {
		return j
	}
	group := gazetteer.IsGroupNoun(w)
	if !group {
		if e, ok := gazetteer.Lookup(string(w)); ok && e.Class == gazetteer.Demonym {
			group = true
		}
	}
	if !group {
		lw := f.lower(ts[i].s, ts[i].e)
		group = gazetteer.Role(lw[:len(lw)-1]) == gazetteer.Head
	}
	if !group {
		return j
	}
	e := j + 1
	for e < len(ts) && f.capWord(e) && !ts[e].cal {
		e++
		if ts[e-1].poss {
			break
		}
	}
	return e
}

// namedByAppositive returns the end of a capitalized name joined by "for",
// "of" or "and" that an appositive calls an organization ("Americans for
// Peace Now, a left-wing, pro-Israel organization,"), or j.
func (f *finder) namedByAppositive(i, j int) int {
	ts := f.ts
	e := j
	for e+1 < len(ts) && f.is(e, orgJoinWords...) && f.capWord(e+1) && !ts[e-1].poss {
		e += 2
		for e < len(ts) && f.capWord(e) && !ts[e-1].poss {
			e++
		}
	}
	if e == j || !f.punct(e, ",") {
		return j
	}
	for k := e + 1; k < len(ts) && k <= e+9; k++ {
		if ts[k].word() && orgNouns.HasBytes(f.lower(ts[k].s, ts[k].e)) {
			return e
		}
	}
	return j
}

func (f *finder) isTitle(i int) bool { return f.ts[i].title }

// isTitleWord reports whether token i, in any case, is a title or role
// word. It leaves f.buf alone, so it can be called while a word lowered by
// f.lower is in use.
func (f *finder) isTitleWord(i int) bool {
	return f.ts[i].title || f.roleOf(i) == gazetteer.Head
}

// roleOf returns gazetteer.Role of token i in lower case, looked up once. It
// leaves f.buf alone.
func (f *finder) roleOf(i int) gazetteer.RoleWord {
	t := &f.ts[i]
	if t.role == 0 {
		t.role = 1
		w := f.t[t.s:t.e]
		var buf [32]byte
		if t.word() && len(w) <= len(buf) {
			low := buf[:len(w)]
			for k, c := range w {
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				low[k] = c
			}
			t.role = int8(gazetteer.Role(low)) + 1
		}
	}
	return gazetteer.RoleWord(t.role - 1)
}

// lookup returns the gazetteer entry of tokens [i,j).
func (f *finder) lookup(i, j int) (gazetteer.Entry, bool) {
	s, e := f.ts[i].s, f.ts[j-1].e
	seg := f.t[s:e]
	if j-i > 1 || bytes.IndexByte(seg, ' ') >= 0 {
		// normalize spacing between words
		f.buf = f.buf[:0]
		for k := i; k < j; k++ {
			if k > i {
				f.buf = append(f.buf, ' ')
			}
			f.buf = append(f.buf, f.text(k)...)
			if f.ts[k].poss && k < j-1 {
				// "Workers' Party", "People’s Republic"
				f.buf = append(f.buf, '\'')
				if _, n := decode(f.t, f.ts[k].e, len(f.t)); f.possS(f.ts[k].e + n) {
					f.buf = append(f.buf, 's')
				}
			}
		}
		return gazetteer.Lookup(string(f.buf))
	}
	return gazetteer.Lookup(string(seg))
}

// run classifies the capitalized run [i,j).
func (f *finder) run(i, j, first int) {
	ts := f.ts
	// sentence-initial function words, "The"
	for i < j && (i == first || i == first+1 && !ts[first].word()) && startStop.HasBytes(f.text(i)) {
		i++
	}
	for i < j && (f.is(i, "the") || f.ts[i].cal && !f.calendarName(i, j) || bytes.HasSuffix(f.text(i), []byte("-based"))) {
		i++
	}
	for j > i && f.ts[j-1].cal {
		j--
	}
	// "Mr. Lee Hsien Loong": the honorific stays outside the name
	for i < j-1 && ts[i].hon {
		i++
	}
	if i >= j {
		return
	}
	// "Air France", "Air India": an airline named for its country
	if j-i >= 2 && f.is(i, "Air") && ts[i].cap {
		if m, e := f.longest(i+1, j); m > i+1 && e.Class.IsPlace() {
			f.org(i, m)
			if m < j {
				f.run(m, j, -1)
			}
			return
		}
	}
	// "Hurricane Lena", "Tropical Storm Ana": a storm, not a person
	if j-i >= 2 && stormWords.HasBytes(f.text(i)) {
		f.add(cand{s: ts[i].s, e: ts[j-1].e, kind: Other, key: f.str[ts[i].s:ts[j-1].e], inQuote: ts[i].inQuote})
		return
	}
	if j-i <= int(ts[i].starts) {
		if e, ok := f.lookup(i, j); ok {
			// "Aydin said": a province that speaks is a person of that name
			// (it becomes one only if the article names such a person)
			if e.Class == gazetteer.Region && j-i == 1 && f.cueAfter(j) {
				f.person(i, j, false)
				if c := &f.cands[len(f.cands)-1]; !c.strong {
					c.evidence = false
				}
				return
			}
			f.entity(i, j, e)
			return
		}
	}
	// a title followed by a name: "German Chancellor Olaf Scholtz"
	h := -1
	for k := j - 2; k >= i; k-- {
		if f.isTitle(k) && !f.isTitle(k+1) {
			h = k
			break
		}
	}
	if h >= 0 {
		c := h + 1
		if f.is(c, "of") {
			// "Secretary of State Antony Blinken"
			c++
			if f.is(c, "the") {
				c++
			}
			for c < j && (deptWords.HasBytes(f.text(c)) || func() bool { _, ok := f.lookup(c, c+1); return ok }()) {
				c++
			}
		}
		core := c < j && f.nameLike(c, j)
		for k := c; core && k < j; k++ {
			core = !f.isTitle(k)
		}
		if core {
			f.prefixEntities(i, h)
			f.person(c, j, true)
			return
		}
	}
	// "World Wide Developers Conference", "Beijing Olympic Games": an
	// event's name, not an organization's nor a person's
	if j-i >= 2 && eventHeads.HasBytes(f.text(j-1)) {
		// "Paris Air Show": the place it is held in is still named
		if m, e := f.longest(i, j-1); m > i && e.Class.IsPlace() {
			f.entity(i, m, e)
		}
		return
	}
	// an organization by its head word; "Air" heads one only at the end
	// ("Adam Air", "Jeju Air")
	for k := j - 1; k >= i; k-- {
		if f.ts[k].orgHead || k == j-1 && k > i && f.ts[k].cap && f.is(k, "Air") && !f.ts[k-1].title && !camelCase(f.text(k-1)) {
			s := i
			// "CEO of the Jewish Democratic Council": the title is no part of it
			for s < k && (f.isTitleWord(s) || f.is(s, "of", "the")) {
				s++
			}
			// "Chief Operating Officer of AirTran Airways": nor is a title
			// that ends in "of"
			for p := k - 1; p > s; p-- {
				if f.is(p, "of") && f.isTitleWord(p-1) {
					s = p + 1
					if s < k && f.is(s, "the") {
						s++
					}
					break
				}
			}
			// "Vorland PLC and Castemo AG": two organizations, each with
			// its head word
			for a := s + 2; a < k; a++ {
				if f.is(a, "and") && f.ts[a-1].orgHead && f.capWord(a+1) {
					f.org(s, a)
					f.run(a+1, j, -1)
					return
				}
			}
			// "Apple Computer CEO": nor a title right after the head word
			// (not "Royal Courts of Justice")
			e := j
			for e-1 > k && f.isTitleWord(e-1) && !f.ts[e-1].orgHead {
				e--
			}
			if e == k+1 && e < j {
				if m, en := f.longest(s, e); m == e {
					f.entity(s, e, en)
				} else {
					f.org(s, e)
				}
				return
			}
			if s == j-1 && !(s > 0 && ts[s-1].poss) {
				break // a head word alone ("Party voters") names nothing
			}
			// "Apple Inc. Steve Jobs": a name after the organization
			if k < j-2 && f.nameLike(k+1, j) {
				if ts[k+1].given != 0 {
					f.org(s, k+1)
					f.person(k+1, j, false)
					return
				}
			}
			// "China’s Foreign Ministry"
			if s > 0 && ts[s-1].poss && gazetteer.IsGovHead(string(f.text(s))) {
				if e, ok := f.lookup(s-1, s); ok && (e.Class == gazetteer.Country) {
					s--
				}
			}
			f.org(s, j)
			return
		}
	}
	// gazetteer entities inside the run, longest first, and the rest as a name
	for k := i; k < j; {
		m, e := f.longest(k, j)
		// "Van der Berg": a word followed by a name particle starts a name
		if m == k+1 && m < j && !ts[m].cap && particles.HasBytes(f.text(m)) {
			m = k
		}
		if m > k {
			f.entity(k, m, e)
			k = m
			continue
		}
		// unknown stretch
		u := k + 1
		for u < j {
			if m, _ := f.longest(u, j); m > u {
				break
			}
			u++
		}
		// "Michael Bloomberg", "Nikola Tesla": a given name before a
		// one-word company of the tables is a person's name
		if u-k == 1 && u < j && ts[k].given != 0 && !ts[k].title && f.nameLike(k, u+1) {
			if m, e := f.longest(u, j); m == u+1 && e.Class == gazetteer.Org && !isUpperWord(f.text(u)) {
				f.person(k, m, false)
				k = m
				continue
			}
		}
		switch {
		case u-k == 1 && webName(f.text(k)):
			f.org(k, u) // "Detik.com": a news site or online company
		case u-k == 1 && f.singleCompany(k):
			f.weakOrg(k, u)
		case u-k == 2 && f.model(k+1) && f.ts[k].given == 0:
			f.weakOrg(k, k+1) // "the Quellon Q400"
		case f.nameLike(k, u):
			f.person(k, u, false)
		case u-k == 1:
			f.acronym(k)
		}
		k = u
	}
}

// eventHeads end the names of events: conferences, games, festivals.
var eventHeads = setOf(`Conference Conferences Convention Summit Expo Exposition Festival Games Olympics Championship
Championships Tournament Cup Awards Show Fair Keynote Marathon`)

// stormWords name storms before their given names.
var stormWords = setOf(`Hurricane Typhoon Cyclone Storm Tropical Superstorm Supertyphoon Windstorm`)

var deptWords = setOf(`State Defense Defence Treasury Commerce Energy Health Agriculture Education Labor Labour
Transportation Interior Justice Foreign Affairs Homeland Security Finance Trade Industry Economy Human Services
Veterans Housing Urban Development Home War Navy Army Air Force Staff Information Culture Tourism Environment`)

// pluralRole reports whether a capitalized word is the plural of a role noun
// ("Members", "Officials"), which names a group, not a person.
func pluralRole(w []byte) bool {
	if len(w) < 4 || len(w) > 32 || w[len(w)-1] != 's' {
		return false
	}
	var buf [32]byte
	low := buf[:len(w)-1]
	for k, c := range w[:len(w)-1] {
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		low[k] = c
	}
	return gazetteer.Role(low) == gazetteer.Head
}

// calendarName reports whether the month word i of the run [i,j) is a given
// name ("Jan Novak", "April Ryan"): a given name too, followed by a
// capitalized word that is no month or weekday, and not after a word that
// introduces a date ("in April Biden said").
func (f *finder) calendarName(i, j int) bool {
	if i+1 >= j || f.ts[i+1].cal || !f.ts[i+1].cap {
		return false
	}
	if f.ts[i].given == 0 {
		return false
	}
	return i == 0 || !f.is(i-1, timePrepWords...)
}

// longest returns the end of the longest gazetteer phrase starting at k.
func (f *finder) longest(k, j int) (int, gazetteer.Entry) {
	max := k + int(f.ts[k].starts)
	if max > j {
		max = j
	}
	for m := max; m > k; m-- {
		if e, ok := f.lookup(k, m); ok {
			return m, e
		}
	}
	return k, gazetteer.Entry{}
}

// prefixEntities records the places and organizations named in a title
// ("U.S." in "U.S. President").
func (f *finder) prefixEntities(i, j int) {
	for k := i; k < j; {
		if m, e := f.longest(k, j); m > k {
			f.entity(k, m, e)
			k = m
			continue
		}
		// "Ryanair CEO Michael O'Leary": an unknown name before a title is
		// the organization the person holds it in
		u := k
		for u < j && f.roleOf(u) == gazetteer.NotRole && !f.ts[u].title && !f.ts[u].cal && !noOrgPrefix.HasBytes(f.text(u)) &&
			!bytes.HasSuffix(f.text(u), []byte("ing")) && f.ts[u].flags&gazetteer.FacilityWord == 0 {
			if m, _ := f.longest(u, j); m > u {
				break
			}
			u++
		}
		if u > k && u == j && u-k <= 3 && f.ts[k].given == 0 && !demonymLike(f.text(k)) {
			f.weakOrg(k, u)
		}
		k = max(u, k+1)
	}
}

// demonymLike reports whether a capitalized word has the ending of a
// nationality adjective the tables do not know ("Kelmoran", "Dravian",
// "Bhutanese"), which names no organization.
func demonymLike(w []byte) bool {
	for _, suf := range []string{"an", "ese", "ish", "i"} {
		if len(w) > len(suf)+3 && bytes.HasSuffix(w, []byte(suf)) {
			return true
		}
	}
	return false
}

// noOrgPrefix are capitalized words before a title that name no
// organization ("Crown Prince", "Grand Ayatollah").
var noOrgPrefix = setOf(`Crown Grand Great Holy Royal Saint St. Lord Lady Sir Dame Mr. Mrs. Ms. Dr. The A An
His Her Their Its Our New Then Now Acting Honorary District Circuit Appeals County City Town Regional
Magistrate Superior Municipal Provincial High Lower Upper Catholic Protestant Orthodox Anglican Evangelical
Christian Buddhist Hindu Sunni Shiite Nobel`)

// weakOrg records [i,j) as an organization its context suggests; resolve
// drops it when a person of the article bears that name.
func (f *finder) weakOrg(i, j int) {
	f.add(cand{s: f.ts[i].s, e: f.ts[j-1].e, kind: Organization, key: f.str[f.ts[i].s:f.ts[j-1].e], inQuote: f.ts[i].inQuote, weak: true})
}

// makerNouns before a single unknown name show a company: "aircraft
// manufacturer Boeing", "the airline Ryanair".
var makerNouns = setOf(`company firm group conglomerate manufacturer maker automaker carmaker chipmaker drugmaker
planemaker airframer airline carrier retailer insurer lender bank broadcaster operator supplier startup
giant rival subsidiary outlet publisher newspaper network agency`)

// productNouns after a single unknown name show a company: "Boeing shares"
// (not products: "Dreamliner aircraft" is a product's name).
var productNouns = setOf(`shares stock stocks executives employees shareholders subsidiary`)

// singleCompany reports whether the unknown capitalized word k reads as a
// company's name from the words around it.
func (f *finder) singleCompany(k int) bool {
	ts := f.ts
	if ts[k].given != 0 || !ts[k].word() || k > 0 && ts[k-1].word() && f.t[ts[k-1].s] >= '0' && f.t[ts[k-1].s] <= '9' {
		return false // "2 GHz models"
	}
	if k > 0 && ts[k-1].word() && !ts[k-1].cap && makerNouns.HasBytes(f.lower(ts[k-1].s, ts[k-1].e)) {
		return true
	}
	n := k + 1
	if n >= len(ts) || !ts[n].word() {
		return f.corporateFrame(k, k+1)
	}
	if ts[n].cap {
		return f.model(n)
	}
	// "Labour leader Keir Starmer": the party or firm a person belongs to
	if f.roleOf(n) == gazetteer.Head && f.capWord(n+1) && !ts[k].poss && (k == 0 || !f.is(k-1, "the", "a", "an")) &&
		f.roleOf(k) == gazetteer.NotRole && !demonymLike(f.text(k)) && !noOrgPrefix.HasBytes(f.text(k)) {
		return true
	}
	// "Microsoft and Alphabet shares"
	if f.is(n, "and") && f.capWord(n+1) && n+2 < len(ts) && ts[n+2].word() && !ts[n+2].cap {
		n += 2
	}
	return productNouns.HasBytes(f.lower(ts[n].s, ts[n].e)) || f.corporateFrame(k, k+1)
}

// corporateFrame reports whether the name [i,j) stands in a frame only a
// company's name fills: "shares of X", "a stake in X", "X's shares", "X's
// chief executive", "X, the Dutch chipmaker," and "the airline, X,".
func (f *finder) corporateFrame(i, j int) bool {
	ts := f.ts
	if i >= 2 && f.is(i-1, "of", "in") && f.is(i-2, "shares", "stock", "stake") {
		return true
	}
	if ts[j-1].poss && j < len(ts) && ts[j].word() && !ts[j].cap {
		w := f.lower(ts[j].s, ts[j].e)
		if possCompanyNouns.HasBytes(w) {
			return true
		}
		// "X's chief executive", not "X's chief of staff"
		if j+1 < len(ts) && string(w) == "chief" && f.is(j+1, "executive", "financial", "operating", "technology", "technical") {
			return true
		}
	}
	// "X, the Dutch chipmaker," / "X, a German carmaker,"
	if f.punct(j, ",") && f.is(j+1, "the", "a", "an") {
		for k := j + 2; k < len(ts) && k < j+6 && ts[k].word(); k++ {
			if !ts[k].cap && makerNouns.HasBytes(f.lower(ts[k].s, ts[k].e)) {
				return k+1 >= len(ts) || !ts[k+1].word() || f.is(k+1, "that", "which", "based", "whose")
			}
		}
	}
	// "Irish low-cost airline, X, announced": an appositive between commas
	if i >= 2 && f.punct(i-1, ",") && f.punct(j, ",") && ts[i-2].word() && !ts[i-2].cap &&
		makerNouns.HasBytes(f.lower(ts[i-2].s, ts[i-2].e)) {
		return true
	}
	return false
}

// possCompanyNouns after "X's" show a company: "Apple's shares".
var possCompanyNouns = setOf(`shares stock stocks shareholders stockholders profit profits revenue revenues earnings
sales subsidiary subsidiaries headquarters`)

// model reports whether token n is a model designation: a capital and
// digits ("A380", "F-35", "Q400").
func (f *finder) model(n int) bool {
	w := f.text(n)
	if len(w) < 2 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, c := range w[1:] {
		if c >= '0' && c <= '9' {
			return true
		}
	}
	return false
}

// nameLike reports whether tokens [i,j) can be a person's name.
func (f *finder) nameLike(i, j int) bool {
	if j-i > 6 {
		return false
	}
	words := 0
	for k := i; k < j; k++ {
		w := f.text(k)
		if !f.ts[k].cap {
			if particles.HasBytes(w) || f.capWord(k) {
				continue
			}
			return false
		}
		if f.ts[k].cal && !(k == i && f.calendarName(k, j)) || f.ts[k].orgHead || j == i+1 && pluralRole(w) || f.ts[k].flags&(gazetteer.FacilityWord|gazetteer.GroupWord) != 0 || neverName.HasBytes(w) {
			return false
		}
		// digits, all capitals ("NATO", "ICBMs") are not names
		upper, digit := 0, false
		for _, c := range w {
			if c >= '0' && c <= '9' {
				digit = true
			}
			if c >= 'A' && c <= 'Z' {
				upper++
			}
		}
		if digit || upper > 1 && upper*2 > len(w) && !(len(w) == 2 && w[1] == '.') && !(k > i && suffixes.HasBytes(w)) {
			return false
		}
		// "D-Calif.", "R-Texas": party and state, not a name
		if len(w) > 2 && w[1] == '-' && w[0] >= 'A' && w[0] <= 'Z' {
			return false
		}
		// a title inside ("Chief Operating Officer") only in a name that
		// starts with a given name ("Martin Luther King")
		if f.isTitle(k) {
			if f.ts[i].given == 0 || k == i {
				return false
			}
		}
		words++
	}
	return words > 0
}

// entity records a gazetteer match.
func (f *finder) entity(i, j int, e gazetteer.Entry) {
	var k Kind
	switch {
	case e.Class == gazetteer.Org:
		k = Organization
	case e.Class.IsPlace():
		k = Place
	default:
		return // demonyms are not actors
	}
	f.add(cand{s: f.ts[i].s, e: f.ts[j-1].e, kind: k, key: e.Name, inQuote: f.ts[i].inQuote})
	f.acronymAfter(j)
}

func (f *finder) org(i, j int) {
	f.add(cand{s: f.ts[i].s, e: f.ts[j-1].e, kind: Organization, key: f.orgKey(i, j), inQuote: f.ts[i].inQuote})
	f.acronymAfter(j)
}

// orgKey is the name [i,j) of an organization without the corporate
// suffixes it ends in, so that "NPD Group" and "NPD", "Aer Lingus Group
// PLC" and "Aer Lingus" are one organization.
func (f *finder) orgKey(i, j int) string {
	e := j
	for e-1 > i && corporateSuffixes.HasBytes(f.text(e-1)) {
		e--
	}
	if e > i && f.is(e-1, "and", "&", "of", "the") {
		e = j // "Smith & Co.", "Bank of ..." keep their words
	}
	if e < j {
		if _, en := f.longest(i, e); en.Class == gazetteer.Org {
			return en.Name
		}
	}
	return f.str[f.ts[i].s:f.ts[e-1].e]
}

// corporateSuffixes end a company's name without being part of what news
// text calls it.
var corporateSuffixes = setOf(`Inc. Inc Corp. Corp Ltd. Ltd LLC Co. PLC Plc plc N.V. AG S.A. GmbH Limited Incorporated LLP
Group Holdings`)

// acronymAfter records "(USAF)" after an organization as its alias.
func (f *finder) acronymAfter(j int) {
	if !f.punct(j, "(") || !f.punct(j+2, ")") || j+1 >= len(f.ts) || !f.ts[j+1].word() {
		return
	}
	w := f.text(j + 1)
	if len(w) < 2 || len(w) > 8 || !isUpperWord(w) {
		return
	}
	last := &f.cands[len(f.cands)-1]
	f.add(cand{s: f.ts[j+1].s, e: f.ts[j+1].e, kind: last.kind, key: last.key, inQuote: f.ts[j+1].inQuote})
	f.skip = j + 3
}

// camelCase reports whether a word has a capital after a small letter, as
// product names do ("MacBook Air", "PlayStation").
func camelCase(w []byte) bool {
	for k := 1; k < len(w); k++ {
		if w[k] >= 'A' && w[k] <= 'Z' && w[k-1] >= 'a' && w[k-1] <= 'z' {
			return true
		}
	}
	return false
}

// webName reports whether a capitalized word is a web domain ("Detik.com").
func webName(w []byte) bool {
	if len(w) < 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	for _, tld := range []string{".com", ".net", ".org"} {
		if len(w) > len(tld)+1 && string(w[len(w)-len(tld):]) == tld {
			return true
		}
	}
	return false
}

// countLetters counts the ASCII letters of w.
func countLetters(w []byte) int {
	n := 0
	for _, c := range w {
		if c|0x20 >= 'a' && c|0x20 <= 'z' {
			n++
		}
	}
	return n
}

func isUpperWord(w []byte) bool {
	for _, c := range w {
		if c >= 'a' && c <= 'z' && c != 's' {
			return false
		}
	}
	return w[0] >= 'A' && w[0] <= 'Z'
}

// acronym records an unknown all-capitals word as an organization when it
// acts like one ("KCNA said").
func (f *finder) acronym(i int) {
	w := f.text(i)
	if len(w) < 2 || len(w) > 12 || !isUpperWord(w) || w[len(w)-1] == 's' {
		return
	}
	// "A380", "F-35": one letter and digits designate a model, not a body
	if letters := countLetters(w); letters <= 1 {
		return
	}
	// "ANCHOR:" in a transcript is a role, not a name
	if lw := f.lower(f.ts[i].s, f.ts[i].e); f.roleOf(i) != gazetteer.NotRole || stopWords.HasBytes(lw) {
		return
	}
	// a dateline: "TAIPEI, TAIWAN —" opening a paragraph
	if f.paraStart && (i == 0 || f.punct(i-1, ",")) && f.punct(i+1, ",—–-(") {
		tc := []byte(string(w))
		for k := 1; k < len(tc); k++ {
			if tc[k] >= 'A' && tc[k] <= 'Z' && tc[k-1] != ' ' && tc[k-1] != '-' {
				tc[k] += 'a' - 'A'
			}
		}
		if e, ok := gazetteer.Lookup(string(tc)); ok && e.Class.IsPlace() {
			f.add(cand{s: f.ts[i].s, e: f.ts[i].e, kind: Place, key: e.Name})
		}
		return
	}
	f.add(cand{s: f.ts[i].s, e: f.ts[i].e, kind: Organization, key: f.str[f.ts[i].s:f.ts[i].e], inQuote: f.ts[i].inQuote,
		acro: true, evidence: f.cueAfter(i + 1)})
}

// headlineCase reports whether most words of a heading are capitalized
// ("Kim Watches As Missiles Fly").
func headlineCase(ts []token, text []byte) bool {
	words, caps := 0, 0
	for _, t := range ts {
		if !t.word() || text[t.s] >= '0' && text[t.s] <= '9' {
			continue
		}
		words++
		if t.cap {
			caps++
		}
	}
	return words >= 3 && caps*10 >= words*8
}

// acronymOf returns the capitals that begin the capitalized words of name
// ("Jewish Democratic Council of America" -> "JDCA").
func acronymOf(name string) string {
	var b [16]byte
	n := 0
	for _, w := range strings.Fields(name) {
		if w[0] >= 'A' && w[0] <= 'Z' && n < len(b) {
			b[n] = w[0]
			n++
		}
	}
	return string(b[:n])
}

func (f *finder) add(c cand) {
	c.pos = len(f.cands)
	c.sent = f.sent
	if f.headline {
		// "Leader Kim Watches Launch": a heading in headline case names
		// nobody new; its words can only refer to people named elsewhere
		c.evidence, c.strong, c.roles = false, false, nil
	}
	f.cands = append(f.cands, c)
}

// cueAfter reports whether a speech or action verb follows at i.
func (f *finder) cueAfter(i int) bool {
	if i < len(f.ts) && f.ts[i].word() && cueVerbs.HasBytes(f.text(i)) {
		return true
	}
	return false
}

// person records a person candidate made of tokens [i,j); titled says a title
// stands right before it.
func (f *finder) person(i, j int, titled bool) {
	ts := f.ts
	c := cand{s: ts[i].s, e: ts[j-1].e, kind: Person, inQuote: ts[i].inQuote}
	c.name = f.str[c.s:c.e]
	c.tok0 = len(f.arena)
	for k := i; k < j; k++ {
		f.arena = append(f.arena, c.name[ts[k].s-c.s:ts[k].e-c.s])
	}
	c.toks = f.arena[c.tok0:len(f.arena):len(f.arena)] // fixed again once the arena stops growing
	// honorifics: "Mr. Kim", "Dr. Smith"
	hi := i
	if i > 0 && ts[i-1].word() {
		if g, ok := gazetteer.Honorific(f.lower(ts[i-1].s, ts[i-1].e)); ok {
			c.evidence, c.strong, c.gender, c.hon = true, true, g, true
			hi = i - 1
		}
	}
	if r, g, ok := f.roleBefore(i); ok {
		c.roles = append(c.roles, r)
		c.evidence, c.strong = true, true
		if c.gender == 0 {
			c.gender = g
		}
		// "would judge Dravia": a lower-case word alone does not make a
		// single capitalized word a person's name
		if j-i == 1 && !ts[i-1].cap && !c.hon {
			c.strong = false
		}
	} else if titled {
		c.evidence, c.strong = true, true
	}
	if r, g, ok := f.appositiveAfter(j); ok {
		c.roles = append(c.roles, r)
		c.evidence, c.strong = true, true
		if c.gender == 0 {
			c.gender = g
		}
	}
	// "László Varga of the Danube Institute", "Goran Petek of the farmers' union"
	if r, ok := f.ofOrganization(j); ok {
		c.roles = append(c.roles, r)
		c.evidence, c.strong = true, true
	}
	// "Ruth Abernathy is a senior fellow at ...", "Ines Kovač served as ..."
	if k := f.copula(j); k > j {
		if r, g, ok := f.description2(k, false); ok {
			c.roles = append(c.roles, r)
			c.evidence = true // not strong: "Apple is the producer of ..."
			if c.gender == 0 {
				c.gender = g
			}
		}
	}
	// "promoted Ilse Varga, the water minister, to deputy prime minister"
	if r, ok := f.promotedTo(i, j); ok {
		c.roles = append(c.roles, r)
		c.evidence, c.strong = true, true
	}
	if r, ok := f.appositiveBefore(hi, j); ok {
		c.roles = append(c.roles, r)
		c.evidence, c.strong = true, true
	}
	if !c.evidence && (f.cueAfter(j) || f.is(i-1, saidWords...) || f.is(i-2, "according") && f.is(i-1, "to")) {
		c.evidence = true
	}
	if !c.evidence && f.punct(j, ",") && f.is(j+1, "who") {
		c.evidence = true
	}
	// bylines: "Reporting by Petra Lindqvist in Geneva and Sami Haddad"
	if !c.evidence && f.byline(i) {
		c.evidence = true
	}
	if f.is(j, "administration", "campaign") {
		c.evidence, c.strong = true, true
	}
	// "Xi Jinping", "Kim Jong Un": a family name and romanized syllables
	if len(c.toks) >= 2 && len(c.toks) <= 3 && ts[i].flags&gazetteer.EastAsianWord != 0 && asianGiven(c.toks[1:]) {
		c.evidence = true
	}
	// a common given name followed by a family name (not by a number:
	// "Adam Air Flight 574")
	if len(c.toks) >= 2 && len(c.toks) <= 4 && !(j < len(ts) && ts[j].word() && f.t[ts[j].s] >= '0' && f.t[ts[j].s] <= '9') {
		if g := ts[i].given; g != 0 {
			c.evidence = true
			c.given = g
		}
	}
	// an initial inside: "George W. Bush"
	for k := i + 1; k < j-1; k++ {
		if w := f.text(k); len(w) == 2 && w[1] == '.' {
			c.evidence = true
		}
	}
	c.pend = f.pend
	c.orgCue = !c.strong && f.companyContext(i, j)
	f.add(c)
}

// companyNouns after a name, or after a name joined to it by "and", show a
// company: "Airbus parent company", "the X plan", "X shares".
var companyNouns = setOf(`company companies firm firms group conglomerate corporation subsidiary unit division
shares stock stocks plan plans bid contract contracts executives employees plant plants factory factories
consortium venture partnership rival rivals competitor competitors`)

// companyContext reports whether the capitalized name [i,j) stands where a
// company's name does: after "based" ("Los Angeles based X"), after "shares
// of", before "shares" or a company noun, or joined by "and" to another name
// that a company noun follows ("X and Airbus parent company ...", "the X and
// EADS North America plan").
func (f *finder) companyContext(i, j int) bool {
	ts := f.ts
	if i > 0 && ts[i-1].word() && (f.is(i-1, "based") || bytes.HasSuffix(f.text(i-1), []byte("-based"))) {
		return true
	}
	if f.corporateFrame(i, j) {
		return true
	}
	if j < len(ts) && ts[j].word() && !ts[j].cap && companyNouns.HasBytes(f.lower(ts[j].s, ts[j].e)) {
		return true
	}
	// "Goldman Sachs economist Jan Hatzius": the firm a person works for
	if ts[i].given == 0 && j+1 < len(ts) && ts[j].word() && !ts[j].cap && f.roleOf(j) == gazetteer.Head && f.capWord(j+1) && !ts[j-1].poss {
		return true
	}
	if !f.is(j, "and") || !f.capWord(j+1) {
		return false
	}
	k := j + 1
	for k < len(ts) && k < j+6 && f.capWord(k) {
		if ts[k].orgHead {
			return true
		}
		k++
	}
	for n := k; n < len(ts) && n < k+2 && ts[n].word() && !ts[n].cap; n++ {
		if companyNouns.HasBytes(f.lower(ts[n].s, ts[n].e)) {
			return true
		}
	}
	return false
}

// promotedTo returns the post a person is given by a verb before the name:
// "promoted X to deputy prime minister", "named X, a veteran banker, as
// chief executive".
func (f *finder) promotedTo(i, j int) (Role, bool) {
	if !f.is(i-1, promoteVerbs...) {
		return Role{}, false
	}
	k := j
	if f.punct(k, ",") {
		for m := k + 1; m < len(f.ts) && m < k+25; m++ {
			if f.punct(m, ",") {
				k = m + 1
				break
			}
			if !f.ts[m].word() && !f.punct(m, "-'’") {
				return Role{}, false
			}
		}
	}
	if !f.is(k, "to", "as") {
		return Role{}, false
	}
	if r, _, ok := f.description2(k+1, false); ok {
		return r, true
	}
	// "to harbour commissioner": nouns before the head
	ts := f.ts
	for m := k + 1; m < len(ts) && m <= k+4 && ts[m].word(); m++ {
		if stopWords.HasBytes(f.lower(ts[m].s, ts[m].e)) {
			break
		}
		if f.roleOf(m) == gazetteer.Head {
			e := m + 1
			if f.is(e, "of", "for") && f.capWord(e+1) {
				e += 2
				for e < len(ts) && f.capWord(e) && !ts[e-1].poss {
					e++
				}
			}
			s, end := ts[k+1].s, ts[e-1].e
			return Role{Text: f.str[s:end], Span: doc.Span{Start: s, End: end}}, true
		}
	}
	return Role{}, false
}

// byline reports whether token i stands in a credit line: after "Reporting
// by", "Editing by", "Writing by", "Photos by" in the same sentence.
func (f *finder) byline(i int) bool {
	for k := i - 1; k > 0 && k >= i-12; k-- {
		if t := f.ts[k]; t.e-t.s == 2 && f.t[t.s]|0x20 == 'b' && f.is(k, "by") && f.is(k-1, bylineWords...) {
			return true
		}
	}
	return false
}

// ofOrganization returns "of the Danube Institute for Water Security" after a
// name: "of", an optional "the", and an organization's name (a capitalized
// phrase with a head word) or a lower-case phrase ending in an organization
// noun ("the farmers' union").
func (f *finder) ofOrganization(j int) (Role, bool) {
	ts := f.ts
	if !f.is(j, "of") {
		return Role{}, false
	}
	k := j + 1
	if f.is(k, "the") {
		k++
	}
	org := false
	e := k
	for e < len(ts) && e < k+10 && ts[e].word() {
		w := f.lower(ts[e].s, ts[e].e)
		if ts[e].orgHead || !ts[e].cap && orgNouns.HasBytes(w) {
			org = true
		} else if !ts[e].cap && (stopWords.HasBytes(w) && string(w) != "for" && string(w) != "of" && string(w) != "and" || cueVerbs.HasBytes(w)) {
			break
		}
		e++
	}
	for org && e > k && !ts[e-1].orgHead && !orgNouns.HasBytes(f.lower(ts[e-1].s, ts[e-1].e)) && !ts[e-1].cap {
		e--
	}
	if !org || e == k {
		return Role{}, false
	}
	s, end := ts[j].s, ts[e-1].e
	return Role{Text: f.str[s:end], Span: doc.Span{Start: s, End: end}}, true
}

// copula returns the token after "is a", "was the", "served as", "is now a"
// following a name, or j when there is none.
func (f *finder) copula(j int) int {
	// the common case: none of the words below, nor a mark opening an aside
	if !f.punct(j, "—–,(") && !f.is(j, copulaStartWords...) {
		return j
	}
	k := j
	// "László Varga — no relation to the minister — is a senior fellow",
	// "Ana Belic, 51, was ..."
	if f.punct(k, "—–,(") {
		for m := k + 1; m < len(f.ts) && m < k+15; m++ {
			if f.punct(m, "—–,)") {
				if f.punct(m, ")") && f.punct(m+1, ",") {
					m++
				}
				if f.is(m+1, asideCopulaWords...) {
					k = m + 1
				}
				break
			}
			if f.punct(m, ".;:!?\"“”") {
				break
			}
		}
	}
	// "was sworn in as Kelmora's president", "will be named chief executive"
	m := k
	if f.is(m, auxWords...) {
		m++
		if f.is(m, "be", "been") {
			m++
		}
	}
	if f.is(m, "sworn") && f.is(m+1, "in") && f.is(m+2, "as") {
		return m + 3
	}
	if f.is(m, namedVerbs...) && m > k {
		if f.is(m+1, "as") {
			return m + 2
		}
		return m + 1
	}
	switch {
	case f.is(k, "is", "was"):
		k++
		if f.is(k, "now", "also", "currently") {
			k++
		}
		if !f.is(k, "a", "an", "the") {
			return j
		}
		return k
	case f.is(k, servedVerbs...) && f.is(k+1, "as"):
		return k + 2
	}
	return j
}

// stopWords end a title or role phrase when walking left from a name.
var stopWords = setOf(`the a an his her its their our my your this that these those by with at in on from
into as said says told to for of and or but while when after before since than also who which where
according among between including like during under over about against amid via per is was are were be
been has had have will would can could should may might not no then there here it he she they we i you
him them us what whose whom if because although though so yet`)

// roleBefore returns the title or role right before token i: "German
// Chancellor", "his Russian counterpart", "Chinese Embassy spokesperson".
func (f *finder) roleBefore(i int) (Role, byte, bool) {
	ts := f.ts
	k := i - 1
	if k < 0 || !ts[k].word() || ts[k].poss {
		return Role{}, 0, false
	}
	lw := f.lower(ts[k].s, ts[k].e)
	head := f.roleOf(k) == gazetteer.Head || roleSuffix(lw)
	ofAt := -1 // the "of" of "chief executive officer of Apple Inc."
	if !head {
		// "Secretary of State", "chief executive officer of Apple Inc."
		m := k
		for m > k-5 && m >= 0 && ts[m].word() && ts[m].cap && !f.isTitle(m) {
			m--
		}
		if m < k && f.is(m, "of") && m > 0 && f.isTitleWord(m-1) {
			head, ofAt = true, m
		}
	}
	if !head {
		return Role{}, 0, false
	}
	if stopWords.HasBytes(lw) {
		return Role{}, 0, false
	}
	g := gazetteer.GenderedRole(lw)
	start := k
	for m := k - 1; m >= 0 && m >= k-8; m-- {
		t := ts[m]
		if !t.word() {
			break
		}
		w := f.lower(t.s, t.e)
		if stopWords.HasBytes(w) {
			// "Secretary of State", "CEO and co-founder"
			if m > 0 && (string(w) == "of" && (ts[k].cap && ts[m-1].cap || m == ofAt) || string(w) == "and") && ts[m-1].word() && (f.isTitleWord(m-1) || ts[m-1].cap) && ts[m+1].word() && (ts[m+1].cap || f.isTitleWord(m+1)) {
				if string(w) == "and" && !(f.isTitleWord(m-1) && f.isTitleWord(m+1)) {
					break
				}
				continue
			}
			break
		}
		if t.cap {
			if m == 0 && startStop.HasBytes(f.text(m)) || f.ts[m].cal {
				break
			}
			start = m
			continue
		}
		if r := f.roleOf(m); r != gazetteer.NotRole || bytes.IndexByte(w, '-') > 0 {
			start = m
			continue
		}
		// a noun before the head: "union leader", "water minister" (not a
		// verb: "warned leader Kim")
		if m == start-1 && m >= k-2 && !ts[k].cap && !cueVerbs.HasBytes(w) && !titleVerbs.HasBytes(w) && !bytes.HasSuffix(w, []byte("ed")) &&
			!bytes.HasSuffix(w, []byte("ing")) && !bytes.HasSuffix(w, []byte("ly")) && len(w) > 2 {
			start = m
			continue
		}
		break
	}
	for start < k && (f.is(start, "of") || f.is(start, "and")) {
		start++
	}
	s, e := ts[start].s, ts[k].e
	return Role{Text: f.str[s:e], Span: doc.Span{Start: s, End: e}}, g, true
}

// titleVerbs take a person as object, so they can stand right before a
// title ("will meet prime minister X"); they are never part of the title.
var titleVerbs = setOf(`meet meets meeting met see sees saw seen visit visits thank thanks join joins replace
replaces succeed succeeds name names appoint appoints elect elects become becomes became make makes made
call calls tell tells ask asks urge urges invite invites welcome welcomes accompany accompanies host hosts
criticize criticizes criticise criticises blame blames attack attacks support supports back backs oppose
opposes defeat defeats beat beats fire fires sack sacks dismiss dismisses promote promotes remove removes
elevate elevates nominate nominates hire hires phone phones brief briefs warn warns lobby lobbies judge
judges sue sues interview interviews challenge challenges`)

// roleSuffix accepts role nouns the table lacks by their endings
// ("analysist", "technologist").
func roleSuffix(w []byte) bool {
	if len(w) < 6 || stopWords.HasBytes(w) {
		return false
	}
	return bytes.HasSuffix(w, []byte("ist")) || bytes.HasSuffix(w, []byte("ician"))
}

// appositiveAfter returns the description after a name: ", a fellow at ...,"
// or ", who served as the special envoy for ...".
func (f *finder) appositiveAfter(j int) (Role, byte, bool) {
	ts := f.ts
	if !f.punct(j, ",") {
		return Role{}, 0, false
	}
	k := j + 1
	lead := false
	if f.is(k, "sworn") && f.is(k+1, "in") && f.is(k+2, "as") {
		k += 3
	} else if f.is(k, "newly") && f.is(k+1, "appointed", "elected", "named") {
		k += 2
	}
	if f.is(k, "who") {
		k++
		for f.is(k, whoVerbWords...) {
			k++
		}
		// ", who heads the Saren Valley Farmers' Union"
		lead = k < len(ts) && ts[k].word() && leadVerbs.HasBytes(f.lower(ts[k].s, ts[k].e))
		if k == j+2 && !lead {
			return Role{}, 0, false
		}
		if lead {
			r, ok := f.ledOrganization(k + 1)
			return r, 0, ok
		}
	}
	return f.description2(k, false)
}

// ledOrganization returns the organization a person leads, named after a
// lead verb ("who heads the Saren Valley Farmers' Union through ..."): a
// capitalized name with an organization head word, or a lower-case phrase
// ending in an organization noun ("the farmers' union"). What they lead
// otherwise ("led the technical negotiations") is no role.
func (f *finder) ledOrganization(k int) (Role, bool) {
	ts := f.ts
	if f.is(k, "the") {
		k++
	}
	e := k
	org := false
	if f.capWord(k) {
		for e < len(ts) {
			if f.capWord(e) {
				org = org || ts[e].orgHead
				if ts[e].poss && !f.pluralPossInName(e) {
					e++
					break
				}
				e++
				continue
			}
			if f.is(e, nameJoinWords...) && f.capWord(e+1) && !ts[e-1].poss {
				e++
				continue
			}
			break
		}
	} else {
		for n := k; n < len(ts) && n < k+4 && ts[n].word() && !ts[n].cap; n++ {
			if orgNouns.HasBytes(f.lower(ts[n].s, ts[n].e)) {
				org, e = true, n+1
				break
			}
		}
	}
	if !org || e == k {
		return Role{}, false
	}
	s, end := ts[k].s, ts[e-1].e
	return Role{Text: f.str[s:end], Span: doc.Span{Start: s, End: end}}, true
}

// commonPlural reports whether a capitalized plural is a common noun's
// ("Farmers", "Teachers", "Employees", "Nurses"), which can stand inside an
// organization's name, not a proper name's ("Beatles").
func commonPlural(w []byte) bool {
	if len(w) < 4 || w[len(w)-1] != 's' {
		return false
	}
	for _, suf := range []string{"ers", "ors", "ees", "ists", "ians", "ents", "ants"} {
		if bytes.HasSuffix(w, []byte(suf)) {
			return true
		}
	}
	return pluralRole(w) || gazetteer.IsGroupNoun(w)
}

// irregularPlural reports whether a capitalized word is a plural that takes
// ’s ("Fishermen", "Women", "People", "Children").
func irregularPlural(w []byte) bool {
	return bytes.HasSuffix(w, []byte("men")) || string(w) == "People" || string(w) == "Children"
}

// possS reports whether the s of a possessive ’s stands at p.
func (f *finder) possS(p int) bool {
	return p < len(f.t) && (f.t[p] == 's' || f.t[p] == 'S') && !wordAt(f.t, p+1, len(f.t))
}

// pluralPossInName reports whether the possessive word i stays inside a
// name: a plural possessive followed by capitalized words that include an
// organization head ("Saren Valley Farmers' Union", "Workers' Party").
func (f *finder) pluralPossInName(i int) bool {
	ts := f.ts
	if !ts[i].poss || ts[i].e >= len(f.t) {
		return false
	}
	r, n := decode(f.t, ts[i].e, len(f.t))
	w := f.text(i)
	if !isApos(r) || f.possS(ts[i].e+n) && !irregularPlural(w) || !f.possS(ts[i].e+n) && !commonPlural(w) {
		return false // "Kelmora’s", "the Beatles' Apple Corps"
	}
	for k := i + 1; k < len(ts) && k < i+5 && f.capWord(k); k++ {
		if ts[k].orgHead {
			return true
		}
		if ts[k].poss {
			break
		}
	}
	return false
}

// leadVerbs describe a person by what they lead: "who heads the union".
var leadVerbs = setOf(`heads headed leads led runs ran directs directed chairs chaired founded co-founded
cofounded represents represented manages managed oversees oversaw coordinates coordinated owns owned
advises advised edits edited hosts hosted teaches taught commands commanded`)

// description2 returns the description that starts at token k and runs to
// the next punctuation, when a role word comes early in it (or lead says the
// verb at k makes it one).
func (f *finder) description2(k int, lead bool) (Role, byte, bool) {
	ts := f.ts
	// ", Tim Cook will ...": a name, not a description
	if n := k; f.capWord(n) && !f.isTitle(n) {
		for n < len(ts) && f.capWord(n) {
			n++
		}
		if _, known := f.lookup(k, n); n-k >= 2 && !ts[n-1].poss && !known && f.nameLike(k, n) {
			return Role{}, 0, false
		}
	}
	if !lead && k < len(ts) && ts[k].word() && !ts[k].cap {
		w := f.lower(ts[k].s, ts[k].e)
		switch string(w) {
		case "a", "an", "the", "his", "her", "their", "its", "now", "one", "also", "formerly", "previously",
			"currently", "once", "then", "until", "most", "recently", "later", "still", "newly", "himself", "herself":
		default:
			// ", intends to make her deputy ..." is a clause, not a description
			if f.roleOf(k) == gazetteer.NotRole && !roleSuffix(w) && bytes.IndexByte(w, '-') < 0 {
				return Role{}, 0, false
			}
		}
	}
	end := k
	headAt := -1
	if lead {
		headAt = k
	}
	cut := -1 // where the noun phrase ends: "who won ...", "and spent ..."
	var g byte
	for end < len(ts) && end < k+60 {
		t := ts[end]
		if !t.word() {
			if t.punct == '-' || t.punct == '\'' || t.punct == '’' {
				end++
				continue
			}
			// "the author of “Rivers Without Borders”"
			if headAt >= 0 && (t.punct == '“' || t.punct == '‘' || t.punct == '"') && f.is(end-1, "of") {
				if e := f.workTitle(end); e > end {
					end = e
					continue
				}
			}
			break
		}
		if headAt < 0 && end-k < 8 {
			lw := f.lower(t.s, t.e)
			if f.roleOf(end) == gazetteer.Head || roleSuffix(lw) {
				headAt = end
				g = gazetteer.GenderedRole(lw)
			} else if cueVerbs.HasBytes(lw) || string(lw) == "and" && end == k {
				return Role{}, 0, false
			}
		} else if headAt >= 0 && !t.cap && (f.t[t.e-1] == 'd' || f.t[t.e-1] == 's') && cueVerbs.HasBytes(f.lower(t.s, t.e)) {
			break // "president and CEO of Boeing Commercial Airplanes said"
		}
		if headAt >= 0 && end > headAt && cut < 0 && f.endsDescription(end) {
			cut = end
		}
		end++
	}
	if headAt < 0 || end == k || end == k+60 {
		return Role{}, 0, false
	}
	// "Xi and Putin, China’s ambassador to Russia, Zhang Hanhui, told":
	// the description belongs to the name after it
	if f.punct(end, ",") && end+1 < len(ts) && ts[end+1].cap {
		n := end + 1
		for n < len(ts) && f.capWord(n) {
			n++
		}
		if n-end-1 >= 2 && f.nameLike(end+1, n) && (n >= len(ts) || f.punct(n, ",.;")) {
			return Role{}, 0, false
		}
	}
	if cut > 0 {
		end = cut
	}
	// no dangling "of", "to", "the", "and" at the end
	for end > headAt+1 && ts[end-1].word() && !ts[end-1].cap && stopWords.HasBytes(f.lower(ts[end-1].s, ts[end-1].e)) {
		end--
	}
	s, e := ts[k].s, ts[end-1].e
	if e-s > 300 {
		return Role{}, 0, false
	}
	return Role{Text: f.str[s:e], Span: doc.Span{Start: s, End: e}}, g, true
}

// endsDescription reports whether the noun phrase of a description ends
// before token i: a relative clause ("the water minister who oversaw ..."),
// a second verb phrase ("a senior fellow ... and spent four years ..."), a
// time ("president on Friday", "yesterday").
func (f *finder) endsDescription(i int) bool {
	ts := f.ts
	t := ts[i]
	if !t.word() {
		return false
	}
	if t.cal {
		return true
	}
	if t.cap {
		return false
	}
	w := f.lower(t.s, t.e)
	switch string(w) {
	case "who", "which", "whose", "whom", "where", "today", "yesterday", "tomorrow", "tonight", "since", "until", "but":
		return true
	case "on", "in", "at", "from", "by", "last", "next", "this", "earlier", "later":
		n := i + 1
		if f.is(n, timeDetWords...) {
			n++
		}
		// "leader in 2020" (but "ambassador from 2012 to 2017" dates the post)
		return n < len(ts) && ts[n].word() && (ts[n].cal || string(w) != "from" && f.t[ts[n].s] >= '0' && f.t[ts[n].s] <= '9' || f.is(n, timeNouns...))
	case "and":
		// "and spent four years on ...", "and has written": a second verb
		// phrase; "and missile defense", "and the author of" go on
		n := i + 1
		if n >= len(ts) || !ts[n].word() || ts[n].cap {
			return false
		}
		nw := f.lower(ts[n].s, ts[n].e)
		if clauseVerbs.HasBytes(nw) {
			return true
		}
		// "and served as", "and founded the": a past tense with an object
		return bytes.HasSuffix(nw, []byte("ed")) && f.is(n+1, afterNameWords...)
	}
	return false
}

// clauseVerbs start a second verb phrase after "and" in a description.
var clauseVerbs = setOf(`is was are were has had have will would can could may might must should spent spends
spend led leads won wins lost loses became becomes left leaves took takes gave gives went goes wrote writes
ran runs made makes holds held says said told tells sees saw knows knew thinks thought does did gets got
keeps kept brings brought begins began sits sat`)

// appositiveBefore returns a description that precedes a name set off by
// commas: "Iowa’s Republican governor, Kim Reynolds,".
func (f *finder) appositiveBefore(i, j int) (Role, bool) {
	ts := f.ts
	if !f.punct(i-1, ",") {
		return Role{}, false
	}
	c := i - 1 // the comma
	left := c
	for left > 0 && left > c-10 && ts[left-1].word() {
		left--
	}
	// the rightmost role head, followed only by a place or organization
	h := -1
	for m := c - 1; m >= left; m-- {
		lw := f.lower(ts[m].s, ts[m].e)
		if f.roleOf(m) == gazetteer.Head {
			h = m
			break
		}
		if !(ts[m].cap || string(lw) == "to" || string(lw) == "of" || string(lw) == "for" || string(lw) == "the") {
			return Role{}, false
		}
	}
	if h < 0 || h < c-1 && !f.is(h+1, roleJoinWords...) {
		return Role{}, false
	}
	start := h
	for m := h - 1; m >= left && m >= h-6; m-- {
		w := f.lower(ts[m].s, ts[m].e)
		if stopWords.HasBytes(w) || cueVerbs.HasBytes(w) || titleVerbs.HasBytes(w) {
			break
		}
		if ts[m].cap || f.roleOf(m) != gazetteer.NotRole {
			start = m
			continue
		}
		// a noun right before the head: "Dravia’s water minister"
		if m == start-1 && m >= h-2 && !ts[h].cap && len(w) > 2 && !bytes.HasSuffix(w, []byte("ed")) &&
			!bytes.HasSuffix(w, []byte("ing")) && !bytes.HasSuffix(w, []byte("ly")) {
			start = m
			continue
		}
		break
	}
	s, e := ts[start].s, ts[c-1].e
	return Role{Text: f.str[s:e], Span: doc.Span{Start: s, End: e}}, true
}

// building is an actor being put together.
type building struct {
	Actor
	male, female int // gender votes
	count        int // mentions
	first        int // start of the first mention
	toks         []string
	mask         uint64 // nameMask(toks)
	last         int    // position of the last mention; -1 before the first
	lastSent     int    // sentence of the last mention
}

type entityKey struct {
	kind Kind
	name string
}

// keyIndex finds organizations and places by their key. Its map is kept
// by the finder between calls, cleared, so it is made once.
type keyIndex struct {
	m map[entityKey]*building
}

func (x *keyIndex) get(k entityKey) *building { return x.m[k] }

func (x *keyIndex) put(k entityKey, b *building) { x.m[k] = b }

// wordIndex finds people by the words of their names once there are many;
// with few, scanning them all is cheaper.
type wordIndex struct {
	m     map[string][]*building
	buf   []*building
	added []*building
}

func (x *wordIndex) add(b *building) {
	x.added = append(x.added, b)
	if x.m == nil && len(x.added) <= 64 {
		return
	}
	if x.m == nil {
		x.m = make(map[string][]*building)
		for _, p := range x.added[:len(x.added)-1] {
			x.put(p)
		}
	}
	x.put(b)
}

func (x *wordIndex) put(b *building) {
	for i, t := range b.toks {
		if !slices.Contains(b.toks[:i], t) {
			x.m[t] = append(x.m[t], b)
		}
	}
}

// near returns the people that may match words: all of them, or with an
// index those sharing the first or last word (a variant spelling keeps most
// words; a part of a name contains one of them), in registration order.
func (x *wordIndex) near(all []*building, toks []string) []*building {
	if x.m == nil || len(toks) == 0 {
		return all
	}
	x.buf = append(x.buf[:0], x.m[toks[0]]...)
	for _, p := range x.m[toks[len(toks)-1]] {
		if !slices.Contains(x.buf, p) {
			x.buf = append(x.buf, p)
		}
	}
	return x.buf
}

// assignment gives a mention to an actor being built.
type assignment struct {
	b    *building
	span doc.Span
}

// newBuilding returns a fresh actor from f.build, whose capacity (one per
// candidate) is reserved before resolving, so pointers stay valid.
func (f *finder) newBuilding(a Actor) *building {
	f.build = append(f.build, building{Actor: a, last: -1})
	b := &f.build[len(f.build)-1]
	if a.Kind == Person {
		// the usual gender of the given name counts as three pronouns
		if k := strings.IndexByte(a.Name, ' '); k > 0 {
			switch g, _ := gazetteer.GivenName(a.Name[:k]); g {
			case 'm':
				b.male += 3
			case 'f':
				b.female += 3
			}
		}
	}
	return b
}

// resolve groups candidates into actors.
func (f *finder) resolve() []Actor {
	for i := range f.cands {
		if c := &f.cands[i]; c.kind == Person {
			c.toks = f.arena[c.tok0 : c.tok0+len(c.toks)]
			if c.label && f.nlabels < 2 {
				c.evidence, c.strong = false, false
			}
		}
	}
	if cap(f.build) < len(f.cands) {
		f.build = make([]building, 0, len(f.cands))
	}
	var out []*building
	addMention := func(a *building, c *cand) {
		f.assign = append(f.assign, assignment{a, doc.Span{Start: c.s, End: c.e}})
		a.count++
		text := f.str[c.s:c.e]
		if text != a.Name && !contains(a.Aliases, text) {
			if len(text) > len(a.Name) && a.Kind != Person {
				a.Aliases = append(a.Aliases, a.Name)
				a.Name = text
			} else {
				a.Aliases = append(a.Aliases, text)
			}
		}
		for _, r := range c.roles {
			if !hasRole(a.Roles, r.Text) {
				a.Roles = append(a.Roles, r)
			}
		}
		w := 1
		if c.hon {
			w = 5
		}
		switch c.gender {
		case 'm':
			a.male += w
		case 'f':
			a.female += w
		}
	}
	// organizations and places
	if f.byKey == nil {
		f.byKey = make(map[entityKey]*building, 32)
	}
	byKey := keyIndex{f.byKey}
	var orgs []*building
	// the words of people's full names: a weak organization of that name is
	// a person ("Biden Chief of Staff ...")
	personWords := f.words[:0]
	defer func() { f.words = personWords[:0] }()
	for i := range f.cands {
		if c := &f.cands[i]; c.kind == Person && (c.evidence && len(c.toks) >= 2 || c.strong) {
			for _, t := range c.toks {
				if !contains(personWords, t) && len(personWords) < 256 {
					personWords = append(personWords, t)
				}
			}
		}
	}
	for i := range f.cands {
		c := &f.cands[i]
		if c.kind == Person || c.acro || c.desc != "" {
			continue
		}
		if c.weak && (contains(personWords, c.key) || len(personWords) == 256) {
			continue
		}
		k := entityKey{c.kind, c.key}
		a := byKey.get(k)
		if a == nil {
			a = f.newBuilding(Actor{Name: f.str[c.s:c.e], Kind: c.kind})
			out = append(out, a)
			byKey.put(k, a)
			if c.kind == Organization {
				orgs = append(orgs, a)
			}
		}
		addMention(a, c)
	}
	// the person pass below takes the all-capitals words that spell a
	// person's name ("OKAFOR:" in a transcript); the rest are organizations'
	acronyms := func() {
		for i := range f.cands {
			c := &f.cands[i]
			if !c.acro || c.used {
				continue
			}
			var a *building
			for _, o := range orgs {
				if len(o.Name) > len(c.key)+2 && acronymOf(o.Name) == c.key {
					a = o
					break
				}
			}
			if a == nil {
				k := entityKey{Organization, c.key}
				if a = byKey.get(k); a == nil {
					n := 0
					for k := range f.cands {
						if f.cands[k].acro && f.cands[k].key == c.key {
							n++
						}
					}
					if !c.evidence && n < 2 {
						continue
					}
					a = f.newBuilding(Actor{Name: c.key, Kind: Organization})
					out = append(out, a)
					byKey.put(k, a)
				}
			}
			addMention(a, c)
		}
	}
	// a name that no title, honorific or description makes a person's, read
	// where a company's name stands, is an organization ("Los Angeles based
	// Northrop Grumman")
	var companies []string
	for i := range f.cands {
		if c := &f.cands[i]; c.kind == Person && c.orgCue && len(c.toks) >= 2 && len(companies) < 256 && !contains(companies, c.name) {
			companies = append(companies, c.name)
		}
	}
	if len(companies) > 0 {
		for i := range f.cands {
			if c := &f.cands[i]; c.kind == Person && c.strong {
				companies = slices.DeleteFunc(companies, func(n string) bool { return n == c.name })
			}
		}
	}
	for i := range f.cands {
		c := &f.cands[i]
		if len(companies) > 0 && c.kind == Person && contains(companies, c.name) {
			c.kind, c.key = Organization, c.name
			k := entityKey{Organization, c.key}
			a := byKey.get(k)
			if a == nil {
				a = f.newBuilding(Actor{Name: c.name, Kind: Organization})
				out = append(out, a)
				byKey.put(k, a)
				orgs = append(orgs, a)
			}
			addMention(a, c)
		}
	}
	// a full name without evidence of its own is a person's when its family
	// name stands alone elsewhere at least twice ("Trump won", "Trump's")
	var alone map[string]int
	for i := range f.cands {
		c := &f.cands[i]
		if c.kind != Person || len(c.toks) < 2 || c.evidence {
			continue
		}
		if alone == nil {
			if f.alone == nil {
				f.alone = make(map[string]int)
			}
			alone = f.alone
			for k := range f.cands {
				if o := &f.cands[k]; o.kind == Person && len(o.toks) == 1 {
					alone[o.toks[0]]++
				}
			}
		}
		if alone[surname(c.toks)] >= 2 {
			c.evidence = true
		}
	}
	// people with evidence and a full name register first
	var people []*building
	var byWord wordIndex
	for i := range f.cands {
		c := &f.cands[i]
		if c.kind != Person || len(c.toks) < 2 || !c.evidence {
			continue
		}
		known := false
		cm := nameMask(c.toks)
		for _, p := range byWord.near(people, c.toks) {
			if !mayShare(p.mask, cm) {
				continue
			}
			// the same name, another spelling, or a part of a longer one
			// ("Von der Leyen" after "Ursula von der Leyen")
			if equalToks(p.toks, c.toks) || variant(p.toks, c.toks) || sub(p.toks, c.toks) {
				known = true
				break
			}
		}
		if !known {
			b := f.newBuilding(Actor{Name: c.name, Kind: Person})
			b.toks, b.mask = c.toks, nameMask(c.toks)
			people = append(people, b)
			byWord.add(b)
		}
	}
	// then every person candidate in text order
	var lastOutside *building
	var cs []*building
	for i := range f.cands {
		c := &f.cands[i]
		if c.desc != "" {
			if len(people) <= 200 {
				f.describe(c, people)
			}
			continue
		}
		if c.acro {
			f.acronymPerson(c, people, &byWord, lastOutside, addMention)
			continue
		}
		if c.kind != Person {
			continue
		}
		cs = cs[:0]
		if len(c.toks) == 1 && particles.Has(c.toks[0]) {
			continue
		}
		cm := nameMask(c.toks)
		for _, p := range byWord.near(people, c.toks) {
			if !mayShare(p.mask, cm) {
				continue
			}
			if equalToks(p.toks, c.toks) || len(c.toks) >= 2 && variant(p.toks, c.toks) {
				cs = append(cs[:0], p)
				break
			}
			if sub(p.toks, c.toks) {
				cs = append(cs, p)
			}
		}
		// "Mr. Varga" is not the minister Ilse Varga
		if c.hon && c.gender != 0 {
			cs = slices.DeleteFunc(cs, func(p *building) bool {
				return c.gender == 'm' && p.female >= 3 || c.gender == 'f' && p.male >= 3
			})
		}
		var match *building
		switch {
		case len(cs) == 1:
			match = cs[0]
		case len(cs) > 1:
			match = pick(cs, c, lastOutside)
		}
		if match == nil {
			// "Boeing said" after "aircraft manufacturer Boeing"
			if len(c.toks) == 1 && !c.strong {
				if o := byKey.get(entityKey{Organization, c.name}); o != nil {
					addMention(o, c)
					continue
				}
			}
			if !c.evidence || len(c.toks) == 1 && !c.strong {
				continue
			}
			match = f.newBuilding(Actor{Name: c.name, Kind: Person})
			match.toks, match.mask = c.toks, cm
			people = append(people, match)
			byWord.add(match)
		}
		if match.last < 0 {
			out = append(out, match)
		}
		if c.gender == 0 && match.male+match.female < 3 {
			c.gender = f.pronounAfter(c, i)
		}
		match.last, match.lastSent = c.pos, c.sent
		addMention(match, c)
		if !c.inQuote {
			lastOutside = match
		}
	}
	acronyms()
	// lay the mentions out in one array
	spans := make([]doc.Span, len(f.assign))
	k := 0
	for _, a := range out {
		a.Mentions = spans[k : k : k+a.count]
		k += a.count
	}
	for _, m := range f.assign {
		m.b.Mentions = append(m.b.Mentions, m.span)
	}
	for _, a := range out {
		a.first = firstMention(a)
	}
	slices.SortStableFunc(out, func(x, y *building) int { return x.first - y.first })
	res := make([]Actor, 0, len(out))
	for _, a := range out {
		if a.Kind == Person {
			switch {
			case a.male > a.female:
				a.Gender = Male
			case a.female > a.male:
				a.Gender = Female
			}
		}
		slices.SortFunc(a.Mentions, func(x, y doc.Span) int { return x.Start - y.Start })
		res = append(res, a.Actor)
	}
	assignIDs(res)
	return res
}

// describe gives the role of a definite description ("the former
// president") to the person it refers back to: the most recent one holding
// that very title, else the most recent one whose titles share its head
// word, else the person just mentioned when the article has given them no
// title yet.
func (f *finder) describe(c *cand, people []*building) {
	text := f.str[c.s:c.e]
	// its capitalized modifiers ("Chinese" in "the Chinese leader") must be
	// among the person's titles too
	var mods []string
	for _, w := range strings.Fields(text) {
		if w[0] >= 'A' && w[0] <= 'Z' {
			mods = append(mods, w)
		}
	}
	var best *building
	bestScore := -1
	for _, p := range people {
		if p.last < 0 {
			continue
		}
		score := -1
		for _, r := range p.Roles {
			if strings.EqualFold(r.Text, text) {
				score = max(score, 3<<20)
				continue
			}
			ok := true
			for _, m := range mods {
				ok = ok && containsFold(r.Text, m)
			}
			switch {
			case !ok:
			case containsFold(r.Text, c.desc):
				score = max(score, 2<<20)
			case c.desc == "leader" && len(mods) > 0:
				score = max(score, 1<<20) // "the Chinese leader" for "Chinese President"
			}
		}
		if score < 0 && len(p.Roles) == 0 && c.sent-p.lastSent <= 2 {
			score = 0
		}
		if score < 0 {
			continue
		}
		if score += p.last; score > bestScore {
			best, bestScore = p, score
		}
	}
	if best == nil || bestScore < 1<<20 && !mostRecent(best, people) {
		return
	}
	if !hasRole(best.Roles, text) {
		best.Roles = append(best.Roles, Role{Text: text, Span: doc.Span{Start: c.s, End: c.e}})
	}
}

// mostRecent reports whether p is the person mentioned last.
func mostRecent(p *building, people []*building) bool {
	for _, q := range people {
		if q.last > p.last {
			return false
		}
	}
	return true
}

// containsFold reports whether s contains the lower-case word w, ignoring
// case.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

// acronymPerson takes an all-capitals word that spells the name of a
// person of the article ("OKAFOR", "VARGA") as a mention of that person.
func (f *finder) acronymPerson(c *cand, people []*building, byWord *wordIndex, speaker *building, add func(*building, *cand)) {
	w := f.t[c.s:c.e]
	tc := make([]byte, len(w))
	for i, b := range w {
		if i > 0 && b >= 'A' && b <= 'Z' {
			b += 'a' - 'A'
		}
		tc[i] = b
	}
	toks := []string{string(tc)}
	var cs []*building
	for _, p := range byWord.near(people, toks) {
		if p.last >= 0 && (sub(p.toks, toks) || equalToks(p.toks, toks)) {
			cs = append(cs, p)
		}
	}
	if len(cs) == 0 {
		return
	}
	saved := c.toks
	c.toks = toks
	p := cs[0]
	if len(cs) > 1 {
		p = pick(cs, c, speaker)
		// a transcript label names the same speaker every time
		for _, q := range f.labels {
			if q.label == string(w) && slices.Contains(cs, q.b) {
				p = q.b
				break
			}
		}
	}
	if len(f.labels) < 64 {
		f.labels = append(f.labels, labelOf{string(w), p})
	}
	c.toks = saved
	c.used = true
	add(p, c)
}

func firstMention(b *building) int {
	m := b.Mentions[0].Start
	for _, s := range b.Mentions[1:] {
		m = min(m, s.Start)
	}
	return m
}

// pick chooses among several people whose names contain the words of c:
// people whose family name it is come first; not one named in full in the
// same sentence ("Helen Park said Park ..." is about another Park); inside a
// quotation, not the probable speaker; then the most recently mentioned.
func pick(cs []*building, c *cand, speaker *building) *building {
	var best *building
	bestScore := -1 << 30
	for _, p := range cs {
		toks, last, lastSent := p.toks, p.last, p.lastSent
		score := 0
		if last >= 0 && lastSent == c.sent {
			score -= 1 << 21
		}
		if surname(toks) == c.toks[len(c.toks)-1] {
			score += 1 << 20
		}
		if c.inQuote && p == speaker {
			score -= 1 << 21
		}
		score += last
		if score > bestScore {
			best, bestScore = p, score
		}
	}
	return best
}

// surname returns the family name of a name: the first word of an East Asian
// name written family name first ("Kim Jong Un"), else the last word that is
// not a suffix.
func surname(toks []string) string {
	if len(toks) >= 2 && len(toks) <= 3 && gazetteer.IsEastAsianSurname(toks[0]) && asianGiven(toks[1:]) {
		return toks[0]
	}
	for k := len(toks) - 1; k >= 0; k-- {
		switch strings.TrimSuffix(toks[k], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			continue
		}
		return toks[k]
	}
	return ""
}

// asianGiven reports whether words look like romanized Chinese or Korean
// given-name syllables ("Jong Un", "Jinping", "Ching-te").
func asianGiven(toks []string) bool {
	var buf [32]byte
	for _, t := range toks {
		if len(t) > len(buf) {
			return false
		}
		low := buf[:len(t)]
		for k := 0; k < len(t); k++ {
			c := t[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[k] = c
		}
		for len(low) > 0 {
			syl := low
			if k := bytes.IndexByte(low, '-'); k >= 0 {
				syl, low = low[:k], low[k+1:]
			} else {
				low = nil
			}
			if !syllables(string(syl)) {
				return false
			}
		}
	}
	return true
}

var initials = []string{"zh", "ch", "sh", "hs", "ts", "tz", "kk", "tt", "pp", "ss", "jj", "b", "c", "d", "f", "g", "h",
	"j", "k", "l", "m", "n", "p", "q", "r", "s", "t", "w", "x", "y", "z", ""}

// syllables reports whether s splits into syllables of the form
// initial + vowels + optional n/ng/m/l/k/p/t.
func syllables(s string) bool {
	if s == "" {
		return true
	}
	for _, in := range initials {
		if !strings.HasPrefix(s, in) {
			continue
		}
		rest := s[len(in):]
		v := 0
		for v < len(rest) && strings.IndexByte("aeiouy", rest[v]) >= 0 {
			v++
		}
		if v == 0 || v > 3 {
			continue
		}
		rest = rest[v:]
		for _, fin := range []string{"ng", "n", "m", "l", "k", "p", "t", ""} {
			if strings.HasPrefix(rest, fin) && syllables(rest[len(fin):]) {
				return true
			}
		}
	}
	return false
}

// wildMask marks a name with a word that does not begin with an ASCII byte,
// which may equal a word of any first letter once folded ("Ölaf").
const wildMask = 1 << 63

// nameMask has a bit for the first letter (ASCII, either case) of each word
// of a name. equalToks, sub and variant can hold only when every such
// letter of the shorter name is one of the longer's (mayShare).
func nameMask(toks []string) uint64 {
	var m uint64
	for _, t := range toks {
		if t == "" || t[0] >= utf8.RuneSelf {
			m |= wildMask
			continue
		}
		m |= 1 << ((t[0] | 0x20) % 63)
	}
	return m
}

// mayShare reports whether the words of the name with mask b may all be
// words of the name with mask a (tokEq compares first letters this way).
func mayShare(a, b uint64) bool {
	return a&wildMask != 0 || b&^wildMask&^a == 0
}

func equalToks(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !tokEq(a[i], b[i]) {
			return false
		}
	}
	return true
}

// tokEq reports whether two name words are the same word, whatever their
// case ("Von"/"von") or diacritics ("Erdoğan"/"Erdogan").
func tokEq(a, b string) bool {
	if a == b {
		return true
	}
	if len(a) == len(b) && strings.EqualFold(a, b) {
		return true
	}
	if a == "" || b == "" || a[0] < utf8.RuneSelf && b[0] < utf8.RuneSelf && a[0]|0x20 != b[0]|0x20 {
		return false
	}
	fa, fb := foldASCII(a), foldASCII(b)
	return (fa != a || fb != b) && strings.EqualFold(fa, fb)
}

// sub reports whether b is a contiguous run of the words of a (not counting
// particles alone).
func sub(a, b []string) bool {
	if len(b) == 0 || len(b) >= len(a) {
		return false
	}
	for i := 0; i+len(b) <= len(a); i++ {
		if equalToks(a[i:i+len(b)], b) {
			return true
		}
	}
	return false
}

// variant reports whether two full names are spellings of the same name:
// the same number of words, most of them equal, the others one or two edits
// apart ("Luis"/"Luiz").
func variant(a, b []string) bool {
	if len(a) != len(b) || len(a) < 2 {
		return false
	}
	same := 0
	for i := range a {
		if a[i] == b[i] {
			same++
		} else if a[i][0] != b[i][0] || len(a[i])-len(b[i]) > 4 || len(b[i])-len(a[i]) > 4 {
			return false
		}
	}
	if same*2 < len(a) || same == len(a) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && editDistance(foldASCII(a[i]), foldASCII(b[i])) > 2 {
			return false
		}
	}
	return true
}

// foldExtra spells letters that do not decompose into a base letter and a mark.
var foldExtra = map[rune]string{'ı': "i", 'ł': "l", 'Ł': "L", 'ø': "o", 'Ø': "O", 'đ': "d", 'Đ': "D",
	'ß': "ss", 'æ': "ae", 'Æ': "Ae", 'œ': "oe", 'Œ': "Oe", 'þ': "th", 'Þ': "Th", 'ð': "d", 'Ð': "D"}

// foldASCII spells s without diacritics ("László" -> "Laszlo").
func foldASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return foldFrom(s, i)
		}
	}
	return s
}

// latinFold is foldSlow of each letter of U+00C0-U+017F (Latin-1 and Latin
// Extended-A), the letters with diacritics most names have.
var latinFold = func() (t [0x180 - 0xC0]string) {
	for r := rune(0xC0); r < 0x180; r++ {
		t[r-0xC0] = foldSlow(string(r))
	}
	return
}()

// foldFrom is foldASCII of s whose first non-ASCII byte is at i. Letters
// of latinFold are spelled from the table: their decompositions start with
// a base letter, so the string decomposes letter by letter.
func foldFrom(s string, i int) string {
	var b strings.Builder
	b.Grow(len(s))
	b.WriteString(s[:i])
	for _, r := range s[i:] {
		switch {
		case r < utf8.RuneSelf:
			b.WriteByte(byte(r))
		case r >= 0xC0 && r < 0x180:
			b.WriteString(latinFold[r-0xC0])
		default:
			return foldSlow(s)
		}
	}
	return b.String()
}

// foldSlow is foldASCII by canonical decomposition: marks are dropped.
func foldSlow(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
		case foldExtra[r] != "":
			b.WriteString(foldExtra[r])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func editDistance(a, b string) int {
	if len(a) > 32 || len(b) > 32 {
		return 99
	}
	var prev, cur [33]int
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func hasRole(rs []Role, text string) bool {
	for _, r := range rs {
		if strings.EqualFold(r.Text, text) {
			return true
		}
	}
	return false
}

// asciiLetter marks the ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'A'; c <= 'Z'; c++ {
		t[c], t[c+'a'-'A'] = true, true
	}
	return
}()

// pronounAfter returns the gender of the first personal pronoun after the
// person candidate i in its paragraph, before any other person candidate,
// when the candidate stands outside quotation marks.
func (f *finder) pronounAfter(c *cand, i int) byte {
	if c.inQuote {
		return 0
	}
	end := c.pend
	if end > c.e+400 {
		end = c.e + 400
	}
	for k := i + 1; k < len(f.cands) && f.cands[k].s < end; k++ {
		if f.cands[k].kind == Person {
			end = f.cands[k].s
			break
		}
	}
	if end > len(f.t) {
		end = len(f.t)
	}
	t := f.t[:end]
	for p := c.e; p < len(t); {
		b := t[p]
		if !asciiLetter[b] {
			p++
			continue
		}
		q := p + 1
		for q < len(t) && asciiLetter[t[q]] {
			q++
		}
		if b|0x20 != 'h' && b|0x20 != 's' {
			p = q
			continue
		}
		switch f.str[p:q] {
		case "he", "his", "himself", "He", "His":
			return 'm'
		case "she", "hers", "herself", "She", "Her":
			return 'f'
		}
		p = q
	}
	return 0
}
