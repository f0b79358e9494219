package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/actors"
	"briefgen/generator/ascii"
	"briefgen/generator/doc"
)

// cue is a speech cue outside quotation marks: a verb of saying with the
// speaker it names.
type cue struct {
	verb    doc.Span
	span    doc.Span // subject and verb together ("he said", "said Weitz")
	speaker int      // actor index, -1 when the cue names nobody we know
	subj    subjKind // how the subject was found, when it says more than the speaker
}

// subjKind records subjects that are not plain names.
type subjKind uint8

const (
	subjPlain       subjKind = iota
	subjSpokes               // an unnamed spokesperson of the speaker organization
	subjFirstPerson          // "I" or "we"
	subjUnnamed              // an unnamed person: "a witness", "a senior official"
)

// ---------------------------------------------------------------- text helpers

func (a *attributor) runeBefore(p, lo int) (rune, int) {
	if p <= lo {
		return 0, 0
	}
	if c := a.t[p-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRune(a.t[lo:p])
}

func (a *attributor) runeAt(p, hi int) (rune, int) {
	if p >= hi {
		return 0, 0
	}
	if c := a.t[p]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRune(a.t[p:hi])
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = [256]bool{}

func init() {
	for c := 0; c < utf8.RuneSelf; c++ {
		asciiWord[c] = isWordR(rune(c))
	}
}

func isWordR(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

func isConnector(r rune) bool { return r == '-' || r == '\'' || r == '’' || r == '.' }

// skipSpaceBack returns p moved back over white space, not below lo.
func (a *attributor) skipSpaceBack(p, lo int) int {
	for p > lo && isSpace(a.t[p-1]) {
		p--
	}
	return p
}

func (a *attributor) skipSpace(p, hi int) int {
	for p < hi && isSpace(a.t[p]) {
		p++
	}
	return p
}

// wordBefore returns the word ending at p (after skipping white space back),
// not starting below lo. ws == we when the text before is not a word.
func (a *attributor) wordBefore(p, lo int) (int, int) {
	e := a.skipSpaceBack(p, lo)
	s := e
	for s > lo {
		r, n := a.runeBefore(s, lo)
		if isWordR(r) {
			s -= n
			continue
		}
		if isConnector(r) && s < e && s-n > lo {
			if r2, _ := a.runeBefore(s-n, lo); isWordR(r2) {
				s -= n
				continue
			}
		}
		break
	}
	return s, e
}

// wordAfter returns the word starting at p (after skipping white space), not
// reaching past hi.
func (a *attributor) wordAfter(p, hi int) (int, int) {
	s := a.skipSpace(p, hi)
	e := s
	for e < hi {
		c := a.t[e]
		if asciiWord[c] {
			e = ascii.AlnumRun(a.t, e+1, hi) // the common case: ASCII letters and digits
			continue
		}
		if c < utf8.RuneSelf && c != '-' && c != '\'' && c != '.' {
			break // white space or punctuation, no connector: the word ends
		}
		r, n := a.runeAt(e, hi)
		if isWordR(r) {
			e += n
			continue
		}
		if isConnector(r) && e > s && e+n < hi {
			if r2, _ := a.runeAt(e+n, hi); isWordR(r2) {
				e += n
				continue
			}
		}
		break
	}
	return s, e
}

// lower returns the lower-cased ASCII form of t[s:e] in a scratch buffer;
// nil when the word is too long or not ASCII.
func (a *attributor) lower(s, e int) []byte {
	if e-s > 20 || e <= s {
		return nil
	}
	var buf [20]byte
	b := buf[:e-s]
	for i := s; i < e; i++ {
		c := a.t[i]
		if c >= 0x80 {
			return nil
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b[i-s] = c
	}
	return b
}

func (a *attributor) in(m map[string]struct{}, s, e int) bool {
	b := a.lower(s, e)
	if b == nil {
		return false
	}
	_, ok := m[string(b)]
	return ok
}

// is reports whether t[s:e] is the word w (lower-case ASCII), ignoring
// case: string(a.lower(s, e)) == w, compared in place, a word of another
// length at once.
func (a *attributor) is(s, e int, w string) bool {
	if e-s != len(w) || e-s > 20 || e <= s {
		return false
	}
	for i := range len(w) {
		c := a.t[s+i]
		if c >= 0x80 {
			return false
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}

func (a *attributor) capitalized(s, e int) bool {
	r, _ := a.runeAt(s, e)
	return unicode.IsUpper(r)
}

// ---------------------------------------------------------------- mentions

// mentionEndingAt returns the mention ending in [e, p] (p after e only by
// punctuation such as the final dot of "U.S.") that starts at or after lo.
func (a *attributor) mentionEndingAt(e, p, lo int) (mention, bool) {
	i := sort.Search(len(a.byEnd), func(i int) bool { return a.byEnd[i].End >= e })
	best, ok := mention{}, false
	for ; i < len(a.byEnd) && a.byEnd[i].End <= p+1; i++ {
		m := a.byEnd[i]
		if m.Start >= lo && m.Start < e {
			if !ok || m.Start < best.Start {
				best, ok = m, true
			}
		}
	}
	return best, ok
}

// mentionStartingIn returns the longest mention starting in [s, e).
func (a *attributor) mentionStartingIn(s, e int) (mention, bool) {
	i := sort.Search(len(a.ments), func(i int) bool { return a.ments[i].Start >= s })
	if i < len(a.ments) && a.ments[i].Start < e {
		return a.ments[i], true
	}
	return mention{}, false
}

// mentionAfter finds a mention starting within a few words after p (titles
// and lower-case lead words like "the former" may come first), before any
// punctuation.
func (a *attributor) mentionAfter(p, hi int) (mention, bool) {
	for n := 0; n < 6; n++ {
		ws, we := a.wordAfter(p, hi)
		if ws >= hi {
			return mention{}, false
		}
		if m, ok := a.mentionStartingIn(p, ws+1); ok && m.Start >= p {
			if a.as[m.actor].Kind != actors.Person {
				// "Kremlin spokesperson Dmitry Peskov": prefer the person.
				if pm, ok := a.personAfter(m.End, hi); ok {
					return pm, true
				}
			}
			return m, true
		}
		if we == ws {
			return mention{}, false // punctuation
		}
		if !a.capitalized(ws, we) && !a.in(nameLead, ws, we) && !a.roleWord(ws, we) {
			return mention{}, false
		}
		p = we
		// Allow the final dot of an abbreviated title ("Gen.", "U.S.").
		if p < hi && a.t[p] == '.' {
			p++
		}
	}
	return mention{}, false
}

// mentionAfterLoose finds the first person or organization mention within
// six words after p, before any punctuation: "quoted river authority chief
// Paul Denning".
func (a *attributor) mentionAfterLoose(p, hi int) (mention, bool) {
	for n := 0; n < 7; n++ {
		ws, we := a.wordAfter(p, hi)
		if we <= ws {
			return mention{}, false
		}
		if m, ok := a.mentionStartingIn(ws, we); ok && a.as[m.actor].Kind != actors.Place {
			if a.as[m.actor].Kind != actors.Person {
				if pm, ok := a.personAfter(m.End, hi); ok {
					return pm, true
				}
			}
			return m, true
		}
		p = we
	}
	return mention{}, false
}

// possessiveAt reports whether a possessive ’s or 's starts at e.
func (a *attributor) possessiveAt(e, hi int) bool {
	return e+1 < hi && a.t[e] == '\'' && a.t[e+1] == 's' ||
		e+3 < hi && a.t[e] == 0xE2 && a.t[e+1] == 0x80 && a.t[e+2] == 0x99 && a.t[e+3] == 's'
}

// personAfterComma finds a person mention within six words after p; one
// comma may come first ("campaign manager, Kay Lo").
func (a *attributor) personAfterComma(p, hi int) (mention, bool) {
	commas := 0
	for n := 0; n < 6 && p < hi; n++ {
		q := a.skipSpace(p, hi)
		if q < hi && a.t[q] == ',' {
			commas++
			if commas > 1 {
				return mention{}, false
			}
			q++
		}
		ws, we := a.wordAfter(q, hi)
		if we <= ws {
			return mention{}, false
		}
		if m, ok := a.mentionStartingIn(ws, we); ok && a.as[m.actor].Kind == actors.Person && m.Start >= p {
			return m, true
		}
		p = we
	}
	return mention{}, false
}

// personAfter finds a person mention within three title or job words after p.
func (a *attributor) personAfter(p, hi int) (mention, bool) {
	for n := 0; n < 4; n++ {
		ws, we := a.wordAfter(p, hi)
		if we <= ws {
			return mention{}, false
		}
		if m, ok := a.mentionStartingIn(ws, we); ok {
			return m, a.as[m.actor].Kind == actors.Person
		}
		if a.in(prepositions, ws, we) || a.in(cueWordSet, ws, we) {
			return mention{}, false
		}
		p = we
	}
	return mention{}, false
}

// titledPersonAfter finds "<name> manager <person>": a person mention
// after mention m separated only by job or title words.
func (a *attributor) titledPersonAfter(m mention, hi int) (mention, bool) {
	p := m.End
	if a.possessiveAt(p, hi) {
		p += 2
		if a.t[m.End] != '\'' {
			p += 2
		}
	}
	for n := 0; n < 4; n++ {
		ws, we := a.wordAfter(p, hi)
		if we <= ws {
			return mention{}, false
		}
		if pm, ok := a.mentionStartingIn(ws, we); ok {
			return pm, n > 0 && pm.actor != m.actor && a.as[pm.actor].Kind == actors.Person
		}
		if !a.roleWord(ws, we) && !a.in(nameLead, ws, we) {
			return mention{}, false
		}
		p = we
	}
	return mention{}, false
}

// roleWord reports whether t[s:e] is a lower-case job word that may stand
// before a name ("spokesperson Dmitry Peskov").
func (a *attributor) roleWord(s, e int) bool {
	b := a.lower(s, e)
	if b == nil {
		return false
	}
	_, ok := jobWords[string(b)]
	return ok
}

// ---------------------------------------------------------------- sentence analysis

// analyse computes the cues and the topic of sentence si (once).
func (a *attributor) analyse(si int) {
	if si < 0 || si >= len(a.sents) || a.done[si] {
		return
	}
	a.done[si] = true
	a.topics[si] = -1
	s := a.sents[si].Span
	if s.Start < 0 || s.End > len(a.t) || s.Start >= s.End {
		return
	}
	var cs []cue
	nq := sort.Search(len(a.raws), func(i int) bool { return a.raws[i].outer.End > s.Start })
	for p := s.Start; p < s.End; {
		for nq < len(a.raws) && a.raws[nq].outer.End <= p {
			nq++
		}
		if nq < len(a.raws) && a.raws[nq].outer.Start <= p {
			p = a.raws[nq].outer.End
			continue
		}
		if c := a.t[p]; c < utf8.RuneSelf && !asciiWord[c] {
			p++ // white space or punctuation
			continue
		}
		r, n := a.runeAt(p, s.End)
		if !isWordR(r) {
			p += n
			continue
		}
		ws, we := a.wordAfter(p, s.End)
		if we <= ws {
			we = ws + n
		}
		p = we
		// Cue words are lower-case ASCII of 3 to 13 letters ("Said" may
		// open a sentence).
		if l := we - ws; l < 3 || l > 13 || a.t[ws] >= 'A' && a.t[ws] <= 'Z' && ws != s.Start || a.t[ws] >= 0x80 {
			continue
		}
		// maybeCue's filter read on the bytes, before lower-casing them: a
		// byte or-ed with 0x20 is a lower-case letter only if it is a letter
		if c0, c1 := a.t[ws]|0x20, a.t[ws+1]|0x20; !cueFilterOff && 'a' <= c0 && c0 <= 'z' && 'a' <= c1 && c1 <= 'z' && cueFilter[c0-'a'][c1-'a']&(1<<(we-ws)) == 0 {
			continue
		}
		b := a.lower(ws, we)
		if b == nil {
			continue
		}
		if !maybeCue(b) {
			continue
		}
		kind := cueWords[string(b)]
		if kind == cueNone {
			continue
		}
		if c, ok := a.resolveCue(si, ws, we, kind, cs); ok {
			cs = append(cs, c)
		}
	}
	a.cues[si] = cs
	for _, c := range cs {
		if c.speaker >= 0 && a.canSpeak(c.speaker, false) {
			a.topics[si] = c.speaker
			a.spokes[si] = c.subj
			return
		}
		if c.speaker < 0 && c.subj == subjUnnamed {
			a.spokes[si] = subjUnnamed
			return
		}
	}
	if t, ok := a.sentSubject(si, s.End); ok && t >= 0 && a.canSpeak(t, false) {
		a.topics[si] = t
	}
}

// clauseStart returns the start of the clause a word at p belongs to: the
// sentence start or the end of the last quotation before p in the sentence.
func (a *attributor) clauseStart(si, p int) int {
	lo := a.sents[si].Start
	qi := sort.Search(len(a.raws), func(i int) bool { return a.raws[i].outer.End > p }) - 1
	if qi >= 0 && a.raws[qi].outer.End > lo && a.raws[qi].outer.End <= p {
		lo = a.raws[qi].outer.End
	}
	return lo
}

// resolveCue decides whether the cue word t[ws:we] is a speech cue and who
// it names. prev are the cues found earlier in the sentence.
func (a *attributor) resolveCue(si, ws, we int, kind cueKind, prev []cue) (cue, bool) {
	s := a.sents[si].Span
	c := cue{verb: doc.Span{Start: ws, End: we}, span: doc.Span{Start: ws, End: we}, speaker: -1}
	// Only lower-case words are verbs, except "Said X" opening a sentence.
	if a.capitalized(ws, we) && ws != s.Start {
		return c, false
	}
	lo := a.clauseStart(si, ws)
	pws, pwe := a.wordBefore(ws, lo)
	if pwe > pws && a.in(nounDeterminers, pws, pwe) {
		return c, false // "mounting calls", "his remarks"
	}
	passive := pwe > pws && (a.is(pws, pwe, "was") || a.is(pws, pwe, "were") || a.is(pws, pwe, "been") || a.is(pws, pwe, "be") ||
		a.is(pws, pwe, "being") || a.is(pws, pwe, "is") || a.is(pws, pwe, "are"))
	switch kind {
	case cuePut:
		ns, ne := a.wordAfter(we, s.End)
		if !a.is(ns, ne, "it") {
			return c, false
		}
		c.verb.End, c.span.End = ne, ne
	case cuePointed:
		ns, ne := a.wordAfter(we, s.End)
		if !a.is(ns, ne, "out") {
			return c, false
		}
		c.verb.End, c.span.End = ne, ne
	case cueAccording:
		ns, ne := a.wordAfter(we, s.End)
		if !a.is(ns, ne, "to") {
			return c, false
		}
		if m, ok := a.mentionAfter(ne, s.End); ok {
			c.speaker = m.actor
			c.span.End = m.End
		} else if h, ok := a.descAfter(ne, s.End); ok {
			c.speaker = h
		} else if ds, de := a.wordAfter(ne, s.End); a.is(ds, de, "the") || a.in(pronounPossessive, ds, de) {
			if hs, he := a.wordAfter(de, s.End); a.in(documentHeads, hs, he) {
				c.speaker = a.documentAuthor(si, hs)
			}
		}
		return c, true
	case cueQuoted:
		if passive { // "X was quoted as saying"
			break
		}
		if m, ok := a.mentionAfterLoose(we, s.End); ok {
			c.speaker = m.actor
			c.span.End = m.End
		}
		return c, true
	case cueParticiple:
		if len(prev) > 0 {
			c.speaker = prev[len(prev)-1].speaker
			return c, true
		}
		if m, ok := a.nearestMentionBefore(ws, s.Start, true); ok {
			c.speaker = m.actor
			return c, true
		}
		if sp, ok := a.sentSubject(si, ws); ok {
			c.speaker = sp
		}
		return c, true
	}
	if passive && kind != cueQuoted {
		return c, false // "Xi was told by ..."
	}
	// Inverted order: "…,” said X" / ", said X, a fellow at …".
	pb := a.skipSpaceBack(ws, lo)
	inverted := pb <= lo
	afterQuote := lo > s.Start && a.skipCommaBack(ws, lo) <= lo
	if !inverted {
		r, _ := a.runeBefore(pb, lo)
		inverted = r == ',' || r == '”' || r == '"' || r == '’' || r == '\'' || r == '»' || r == '—'
	}
	// "told VOA", "urged Xi": the name after is the addressee, unless the
	// verb follows the quotation directly ("“Why?” asked Smith").
	if inverted && a.in(objectCues, ws, we) && !afterQuote {
		inverted = false
	}
	if inverted {
		if m, ok := a.mentionAfter(we, s.End); ok && a.nameEnds(m.End, s.End) {
			c.speaker = m.actor
			c.span.End = m.End
			return c, true
		} else if ok && a.possessiveAt(m.End, s.End) {
			// "said Mr. Jones’s campaign manager, Kay Lo"
			skip := 2
			if a.t[m.End] != '\'' {
				skip = 4
			}
			if pm, ok := a.personAfterComma(m.End+skip, s.End); ok && a.nameEnds(pm.End, s.End) {
				c.speaker = pm.actor
				c.span.End = pm.End
				return c, true
			}
		}
		if h, ok := a.descAfter(we, s.End); ok {
			c.speaker = h
			return c, true
		}
		ns, ne := a.wordAfter(we, s.End)
		if ne > ns && afterQuote && (a.in(pronounMale, ns, ne) || a.in(pronounFemale, ns, ne)) {
			// "“…,” said she"; in "Varga, 51, said she accepted" the
			// pronoun opens the reported clause
			c.speaker = a.resolvePronoun(ns, ne, si, prev)
			c.span.End = ne
			return c, true
		}
	}
	if a.capitalized(ws, we) {
		// "Asked whether …, she smiled:": an opening participle, not
		// "Said Smith"
		return c, false
	}
	a.subj = subjPlain
	sp, start := a.subjectBefore(si, ws, lo, prev)
	if sp < 0 && start < 0 && afterQuote {
		// "Ostrova, who campaigned on the slogan “…,” said that": the
		// quotation sits inside the subject's relative clause
		if qi := a.quoteAt(lo - 1); qi >= 0 && a.raws[qi].outer.Start > s.Start {
			if t, ok := a.sentSubject(si, a.raws[qi].outer.Start); ok && t >= 0 && a.canSpeak(t, false) {
				sp = t
			}
		}
	}
	c.speaker, c.subj = sp, a.subj
	if start >= 0 && start < ws {
		c.span.Start = start
	}
	return c, true
}

// skipCommaBack moves p back over white space and commas, not below lo.
func (a *attributor) skipCommaBack(p, lo int) int {
	for p > lo && (isSpace(a.t[p-1]) || a.t[p-1] == ',') {
		p--
	}
	return p
}

// nameEnds reports whether a name ending at e closes its noun phrase, as in
// "said Weitz." or "said Patricia Kim, a fellow", not "said Kim's ability".
func (a *attributor) nameEnds(e, hi int) bool {
	e = a.skipSpace(e, hi)
	if e >= hi {
		return true
	}
	r, _ := a.runeAt(e, hi)
	switch r {
	case ',', '.', ';', ':', '—', '–', '(', '[', '!', '?', '”', '"':
		return true
	case '\'', '’':
		return false
	}
	ws, we := a.wordAfter(e, hi)
	if we <= ws {
		return false
	}
	switch string(a.lower(ws, we)) {
	case "in", "on", "at", "during", "to", "after", "before", "from", "via", "by", "when", "while",
		"as", "who", "whose", "adding", "according", "recently", "earlier", "last", "this", "told",
		"of", "with", "and", "but", "later", "yesterday", "today", "tonight":
		return true
	}
	return false
}

// subjectBefore finds the subject of a verb at vs in the clause starting at
// lo: a name, a pronoun, a relative pronoun's antecedent, a described actor,
// or a name before an appositive. It returns the actor (-1 if none) and the
// start of the subject (-1 if none).
func (a *attributor) subjectBefore(si, vs, lo int, prev []cue) (int, int) {
	p := vs
	for n := 0; n < 8; n++ {
		ws, we := a.wordBefore(p, lo)
		if we <= ws {
			q := a.skipSpaceBack(p, lo)
			if r, _ := a.runeBefore(q, lo); r == ',' {
				return a.appositiveSubject(si, q-1, lo)
			}
			return -1, -1
		}
		if m, ok := a.mentionEndingAt(we, a.skipSpaceBack(p, lo), lo); ok {
			return a.subjectMention(m, lo), m.Start
		}
		switch {
		case a.in(skipBeforeVerb, ws, we) || isNumber(a.t[ws:we]):
			// "Kim also said", "Jones, 45, said"
			p = ws
			continue
		case a.in(pronounMale, ws, we) || a.in(pronounFemale, ws, we) || a.is(ws, we, "it"):
			return a.resolvePronoun(ws, we, si, prev), ws
		case a.is(ws, we, "we") || a.is(ws, we, "i"):
			a.subj = subjFirstPerson
			return -1, ws
		case a.is(ws, we, "they") || a.is(ws, we, "you"):
			return -1, ws
		case a.is(ws, we, "who") || a.is(ws, we, "that") || a.is(ws, we, "which"):
			if m, ok := a.nearestMentionBefore(ws, a.sents[si].Start, a.is(ws, we, "who")); ok {
				return m.actor, -1
			}
			return -1, -1
		case a.is(ws, we, "and") || a.is(ws, we, "but") || a.is(ws, we, "or"):
			// A second verb of the same subject: "Scala described … but said".
			if len(prev) > 0 {
				return prev[len(prev)-1].speaker, -1
			}
			sp, _ := a.sentSubject(si, ws)
			return sp, -1
		case a.is(ws, we, "to"):
			sp, _ := a.sentSubject(si, ws)
			return sp, -1
		}
		// "the ruling said", "its statement said": the document speaks
		// for whoever issued it.
		if a.in(documentHeads, ws, we) && !a.indefinite(ws, lo) {
			return a.documentAuthor(si, ws), ws
		}
		// "A Department for Transport spokesperson said", "an Acme
		// spokesman said": an unnamed spokesperson speaks for the
		// organization named in front of the job word.
		if a.in(spokesHeads, ws, we) {
			if o, ok := a.orgBeforeHead(ws, lo); ok {
				if a.indefinite(ws, lo) {
					a.subj = subjSpokes
					return o, ws
				}
				if h, ok := a.descLookupOwned(ws, we, vs, a.ownerBefore(ws, lo)); ok && a.as[h].Kind == actors.Person {
					return h, ws
				}
				a.subj = subjSpokes
				return o, ws
			}
		}
		// A description ("the ministry", "Japan’s envoy"); an indefinite one
		// ("a senior official said") names nobody.
		if a.indefinite(ws, lo) {
			if !isPluralHead(string(a.lower(ws, we))) {
				a.subj = subjUnnamed
			}
			return -1, ws
		}
		if ps := a.prepBefore(ws, lo); ps >= 0 {
			// "analysts at the institute said": the head is before "at".
			p = ps
			if hs, he := a.wordBefore(p, lo); he > hs && isPluralHead(string(a.lower(hs, he))) {
				return -1, hs
			}
			continue
		}
		if h, ok := a.descLookupOwned(ws, we, vs, a.ownerBefore(ws, lo)); ok {
			return h, ws
		}
		return -1, ws
	}
	return -1, -1
}

// subjectMention checks a subject name: "Putin and Xi" is plural (nobody),
// "Liu Pengyu in Washington" and "a spokesperson for the ministry" name the
// person before the preposition.
func (a *attributor) subjectMention(m mention, lo int) int {
	ws, we := a.wordBefore(m.Start, lo)
	if we > ws && (a.is(ws, we, "the") || a.is(ws, we, "a")) {
		ws, we = a.wordBefore(ws, lo)
	}
	if we <= ws {
		if r, _ := a.runeBefore(a.skipSpaceBack(m.Start, lo), lo); r == '&' {
			return -1
		}
		return m.actor
	}
	if a.is(ws, we, "and") || a.is(ws, we, "or") {
		if _, ok := a.mentionEndingAt(a.skipSpaceBack(ws, lo), a.skipSpaceBack(ws, lo), lo); ok {
			return -1
		}
		return m.actor
	}
	if a.in(prepositions, ws, we) && a.as[m.actor].Kind != actors.Person {
		if pm, ok := a.mentionEndingAt(a.skipSpaceBack(ws, lo), a.skipSpaceBack(ws, lo), lo); ok && a.as[pm.actor].Kind == actors.Person {
			return pm.actor
		}
		hs, he := a.wordBefore(ws, lo)
		if he > hs {
			if h, ok := a.descLookup(hs, he, m.Start); ok {
				return h
			}
			if a.in(spokesHeads, hs, he) && a.as[m.actor].Kind == actors.Organization {
				a.subj = subjSpokes
			}
		}
	}
	return m.actor
}

// orgBeforeHead returns the organization named just before the job word
// starting at hs ("Acme" in "an Acme spokesman", "the ministry’s
// spokesperson").
func (a *attributor) orgBeforeHead(hs, lo int) (int, bool) {
	e := a.skipSpaceBack(hs, lo)
	if e > lo+2 && a.t[e-1] == 's' && (a.t[e-2] == '\'') {
		e -= 2
	} else if e > lo+4 && a.t[e-1] == 's' && a.t[e-2] == 0x99 && a.t[e-3] == 0x80 && a.t[e-4] == 0xE2 {
		e -= 4
	}
	m, ok := a.mentionEndingAt(e, e, lo)
	if !ok || a.as[m.actor].Kind != actors.Organization {
		return -1, false
	}
	return m.actor, true
}

// documentAuthor returns the actor who issued the document a subject at p
// refers to ("the ruling", "the statement"): the topic of the clause before
// p, else of the nearest earlier sentence in the same or previous paragraph.
func (a *attributor) documentAuthor(si, p int) int {
	for k := si - 1; k >= 0 && k >= si-2; k-- {
		if a.sents[k].Para < a.sents[si].Para-1 {
			break
		}
		a.analyse(k)
		if t := a.topics[k]; t >= 0 && a.as[t].Kind != actors.Place {
			return t
		}
	}
	return -1
}

// appositiveSubject handles "X, a fellow at Y, said": it walks back over the
// commas of the clause before the comma at c and returns the nearest person
// (else organization) named just before a comma that opens an appositive.
func (a *attributor) appositiveSubject(si, c, lo int) (int, int) {
	person, org := -1, -1
	ps, os := -1, -1
	for i := c - 1; i >= lo; i-- {
		if qi := a.quoteAt(i); qi >= 0 {
			i = a.raws[qi].outer.Start
			continue
		}
		if a.t[i] != ',' {
			continue
		}
		e := a.skipSpaceBack(i, lo)
		m, ok := a.mentionEndingAt(e, e, lo)
		if !ok {
			continue
		}
		// The segment after the comma must read like an appositive.
		ws, we := a.wordAfter(i+1, c)
		if we > ws && (a.in(pronounMale, ws, we) || a.in(pronounFemale, ws, we) || a.is(ws, we, "they") || a.is(ws, we, "and")) {
			continue
		}
		switch a.as[m.actor].Kind {
		case actors.Person:
			if person < 0 {
				person, ps = m.actor, m.Start
			}
		case actors.Organization:
			if pm := a.subjectMention(m, lo); pm >= 0 && a.as[pm].Kind == actors.Person {
				// "László Varga of the Danube Institute, who …,"
				if person < 0 {
					person, ps = pm, m.Start
				}
			} else if org < 0 {
				org, os = m.actor, m.Start
			}
		}
		if person >= 0 {
			break
		}
	}
	if person >= 0 {
		return a.subjectMention(mention{doc.Span{Start: ps, End: ps}, person}, lo), ps
	}
	// "Britain's transport secretary, Helen Carver, has accused": the name
	// is itself the appositive of a description.
	if e := a.skipSpaceBack(c, lo); e > lo {
		if m, ok := a.mentionEndingAt(e, e, lo); ok && a.as[m.actor].Kind == actors.Person {
			return m.actor, m.Start
		}
	}
	return org, os
}

// nearestMentionBefore returns the nearest person or organization mention
// ending before p and not before lo, outside quotations; people are
// preferred when people is set.
func (a *attributor) nearestMentionBefore(p, lo int, people bool) (mention, bool) {
	i := sort.Search(len(a.byEnd), func(i int) bool { return a.byEnd[i].End > p }) - 1
	var org mention
	haveOrg := false
	for ; i >= 0 && a.byEnd[i].End > lo; i-- {
		m := a.byEnd[i]
		if m.Start < lo || a.quoteAt(m.Start) >= 0 {
			continue
		}
		switch a.as[m.actor].Kind {
		case actors.Person:
			return m, true
		case actors.Organization:
			if !people {
				return m, true
			}
			if !haveOrg {
				org, haveOrg = m, true
			}
		}
	}
	return org, haveOrg
}

// sentSubject returns the subject of sentence si's main clause, looking no
// further than limit: a name, a pronoun or a described actor at the start
// of the clause, after an introductory phrase ("At a press conference, Xi
// called …"). The bool is false when the sentence has no usable subject.
func (a *attributor) sentSubject(si, limit int) (int, bool) {
	if si < 0 || si >= len(a.sents) {
		return -1, false
	}
	s := a.sents[si].Span
	hi := limit
	if hi > s.End {
		hi = s.End
	}
	p := a.leadIn(s.Start, hi)
	// Skip a leading quotation (its subject is after it, via a cue).
	if qi := a.quoteAt(p); qi >= 0 {
		return -1, false
	}
	ws, we := a.wordAfter(p, hi)
	if we <= ws {
		return -1, false
	}
	if a.in(leadWords, ws, we) {
		p = we
		for p < hi && (a.t[p] == ',' || isSpace(a.t[p])) {
			p++
		}
		ws, we = a.wordAfter(p, hi)
	}
	if a.in(introWords, ws, we) {
		// The subject follows the first comma that a pronoun or a name
		// follows ("When I asked her, years ago, why …, she gave"); with no
		// comma, the first subject pronoun ("In her first remarks as deputy
		// prime minister she repeated").
		found, first := false, -1
		for i, n := we, 0; i < hi && n < 4; i++ {
			if qi := a.quoteAt(i); qi >= 0 {
				i = a.raws[qi].outer.End - 1
				continue
			}
			if a.t[i] != ',' {
				continue
			}
			n++
			if first < 0 {
				first = i
			}
			cs, ce := a.wordAfter(i+1, hi)
			if ce <= cs {
				continue
			}
			if _, ok := a.mentionStartingIn(cs, ce); ok || a.in(subjectPronouns, cs, ce) || a.capitalized(cs, ce) {
				ws, we, found = cs, ce, true
				break
			}
		}
		if !found {
			for p, n := we, 0; p < hi && n < 14; n++ {
				cs, ce := a.wordAfter(p, hi)
				if ce <= cs {
					break
				}
				if a.in(subjectPronouns, cs, ce) {
					ws, we, found = cs, ce, true
					break
				}
				p = ce
			}
		}
		if !found && first >= 0 {
			// "At a press conference, the ministry said": a description
			ws, we = a.wordAfter(first+1, hi)
			found = true
		}
		if !found {
			return -1, false
		}
	}
	if we <= ws {
		return -1, false
	}
	if a.in(pronounMale, ws, we) || a.in(pronounFemale, ws, we) || a.is(ws, we, "it") {
		return a.resolvePronoun(ws, we, si, nil), true
	}
	// A name, possibly after titles: "South Korean President Yoon Suk Yeol".
	q := ws
	for n := 0; n < 6 && q < hi; n++ {
		qs, qe := a.wordAfter(q, hi)
		if qe <= qs {
			break
		}
		if m, ok := a.mentionStartingIn(qs, qe); ok {
			if pm, ok := a.titledPersonAfter(m, hi); ok {
				return pm.actor, true // "Rovers manager Tomasz Wilk was blunt"
			}
			return a.subjectNoun(m, hi), true
		}
		if !a.capitalized(qs, qe) && !a.in(nameLead, qs, qe) {
			break
		}
		q = qe
		if q < hi && a.t[q] == '.' {
			q++
		}
	}
	// "Dravia’s water minister, Ilse Varga, struck": a person named in
	// apposition to a short description.
	q = ws
	for n := 0; n < 6 && q < hi; n++ {
		qs, qe := a.wordAfter(q, hi)
		if qe <= qs {
			if c := a.skipSpace(q, hi); c < hi && a.t[c] == ',' && n > 0 {
				ns, ne := a.wordAfter(c+1, hi)
				if m, ok := a.mentionStartingIn(ns, ne); ok && a.as[m.actor].Kind == actors.Person {
					if e := a.skipSpace(m.End, hi); e < hi && a.t[e] == ',' {
						return m.actor, true
					}
				}
			}
			break
		}
		q = qe
	}
	// A description: "The ministry said", "The signs read".
	if a.is(ws, we, "the") || a.is(ws, we, "a") || a.is(ws, we, "an") {
		q = we
		for n := 0; n < 3; n++ {
			hs, he := a.wordAfter(q, hi)
			if he <= hs {
				break
			}
			if h, ok := a.descLookup(hs, he, hs); ok {
				return h, true
			}
			q = he
		}
	}
	return -1, true
}

// leadIn skips what may stand before a sentence's first word: Markdown
// emphasis, and a time stamp or dateline closed by a dash ("**10:42 a.m.**
// —", "TARVIK —", "LONDON (Reuters) -").
func (a *attributor) leadIn(p, hi int) int {
	for p < hi && (a.t[p] == '*' || a.t[p] == '_' || a.t[p] == '#' || a.t[p] == '>' || isSpace(a.t[p])) {
		p++
	}
	for i := p; i < hi && i < p+48; i++ {
		c := a.t[i]
		dash := 0
		switch {
		case c == '-' && i+1 < hi && a.t[i+1] == '-':
			dash = 2
		case c == '-' && i > p && a.t[i-1] == ' ' && i+1 < hi && a.t[i+1] == ' ':
			dash = 1
		case c == 0xE2 && i+2 < hi && a.t[i+1] == 0x80 && (a.t[i+2] == 0x94 || a.t[i+2] == 0x93):
			dash = 3
		}
		if dash > 0 {
			// Only upper-case words, digits, "a.m."/"p.m." and brackets before it.
			for k := p; k < i; {
				ws, we := a.wordAfter(k, i)
				if ws >= i {
					break
				}
				if we <= ws {
					k = ws + 1
					continue
				}
				if r, _ := a.runeAt(ws, we); unicode.IsLower(r) && !a.is(ws, we, "a.m") && !a.is(ws, we, "p.m") {
					return p
				}
				k = we
			}
			q := i + dash
			for q < hi && (isSpace(a.t[q]) || a.t[q] == '*' || a.t[q] == '_') {
				q++
			}
			return q
		}
		if c == '.' && i+1 < hi && a.t[i+1] == ' ' && !(i >= p+3 && (a.is(i-3, i, "a.m") || a.is(i-3, i, "p.m"))) {
			return p // a full stop before any dash: no lead-in
		}
	}
	return p
}

// subjectNoun resolves a subject that starts with mention m: "China’s
// Foreign Ministry" is the ministry, "Japan’s envoy" an unnamed person,
// "China and Russia" two actors (nobody).
func (a *attributor) subjectNoun(m mention, hi int) int {
	e := m.End
	if e+1 < hi && a.t[e] == '\'' && a.t[e+1] == 's' {
		e += 2
	} else if e+3 < hi && a.t[e] == 0xE2 && a.t[e+1] == 0x80 && a.t[e+2] == 0x99 && a.t[e+3] == 's' {
		e += 4
	} else {
		ws, we := a.wordAfter(e, hi)
		if a.is(ws, we, "and") || a.is(ws, we, "&") {
			return -1
		}
		return m.actor
	}
	// Possessive: the subject is what follows.
	ws, we := a.wordAfter(e, hi)
	if m2, ok := a.mentionStartingIn(ws, we); ok {
		return m2.actor
	}
	// "Belic’s son, Marko Belic, has": the person named in apposition.
	p := e
	for n := 0; n < 4; n++ {
		ws, we := a.wordAfter(p, hi)
		if we <= ws {
			break
		}
		p = we
	}
	if q := a.skipSpace(p, hi); q < hi && a.t[q] == ',' {
		if ns, ne := a.wordAfter(q+1, hi); ne > ns {
			if m2, ok := a.mentionStartingIn(ns, ne); ok && a.as[m2.actor].Kind == actors.Person && a.nameEnds(m2.End, hi) {
				return m2.actor
			}
		}
	}
	return -1
}

// ---------------------------------------------------------------- descriptions

// descAfter looks for a description right after p ("said the spokesperson")
// and returns the actor it matches.
func (a *attributor) descAfter(p, hi int) (int, bool) {
	ws, we := a.wordAfter(p, hi)
	if !(a.is(ws, we, "the") || a.is(ws, we, "a") || a.is(ws, we, "an")) {
		return -1, false
	}
	q := we
	for n := 0; n < 4; n++ {
		hs, he := a.wordAfter(q, hi)
		if he <= hs {
			return -1, false
		}
		if h, ok := a.descLookup(hs, he, hs); ok && a.nameEnds(he, hi) {
			return h, true
		}
		q = he
	}
	return -1, false
}

// prepBefore returns the start of a preposition heading the noun phrase
// whose head starts at hs ("at the institute"), or -1.
func (a *attributor) prepBefore(hs, lo int) int {
	p := hs
	for n := 0; n < 3; n++ {
		ws, we := a.wordBefore(p, lo)
		if we <= ws {
			return -1
		}
		if a.in(prepositions, ws, we) {
			return ws
		}
		if a.capitalized(ws, we) || a.possessiveOwner(ws, we) != "" {
			return -1
		}
		p = ws
	}
	return -1
}

// indefinite reports whether the noun phrase whose head starts at hs opens
// with "a" or "an" (within three words).
func (a *attributor) indefinite(hs, lo int) bool {
	p := hs
	for n := 0; n < 3; n++ {
		ws, we := a.wordBefore(p, lo)
		if we <= ws {
			return false
		}
		if a.is(ws, we, "a") || a.is(ws, we, "an") {
			return true
		}
		if a.in(nounDeterminers, ws, we) || a.in(prepositions, ws, we) || a.in(skipBeforeVerb, ws, we) || a.possessiveOwner(ws, we) != "" {
			return false
		}
		p = ws
	}
	return false
}

// ownerBefore returns the possessive owner of a noun phrase whose head
// starts at hs ("Japan" in "Japan’s deputy envoy"), or "".
func (a *attributor) ownerBefore(hs, lo int) string {
	p := hs
	for n := 0; n < 3; n++ {
		ws, we := a.wordBefore(p, lo)
		if we <= ws {
			return ""
		}
		if o := a.possessiveOwner(ws, we); o != "" {
			return o
		}
		if a.in(nounDeterminers, ws, we) || a.in(prepositions, ws, we) || a.in(skipBeforeVerb, ws, we) {
			return ""
		}
		p = ws
	}
	return ""
}

// possessiveOwner returns "Japan" for the word "Japan’s" or "Japan's", else "".
func (a *attributor) possessiveOwner(s, e int) string {
	w := a.t[s:e]
	switch {
	case len(w) > 4 && string(w[len(w)-4:]) == "’s":
		return string(w[:len(w)-4])
	case len(w) > 2 && string(w[len(w)-2:]) == "'s":
		return string(w[:len(w)-2])
	}
	return ""
}

// descLookupOwned is descLookup for a description that may have an owner
// ("Japan’s envoy"): a matching actor must then name the owner in a role,
// or be introduced by name just after the description ("Japan’s envoy
// condemned … . “…,” Ambassador Kimihiro Ishikane said.").
func (a *attributor) descLookupOwned(ws, we, pos int, owner string) (int, bool) {
	if owner == "" {
		if h, ok := a.descLookup(ws, we, pos); ok {
			return h, ok
		}
	}
	return a.descForward(ws, we, pos, owner)
}

// descForward returns the person matching the description head t[ws:we]
// (and owner, when given, in a role) who is first named after pos, in the
// same or the next paragraph.
func (a *attributor) descForward(ws, we, pos int, owner string) (int, bool) {
	b := a.lower(ws, we)
	if b == nil || len(b) < 3 {
		return -1, false
	}
	head := string(b)
	if _, ok := genericHeads[head]; ok || isPluralHead(head) || !a.roleWord(ws, we) {
		return -1, false
	}
	words := roleSynonyms[head]
	if words == nil {
		words = []string{head}
	}
	para := a.paraAt(pos)
	back, backPos := -1, -1 // named before, with the owner in a role
	fwd, fwdPos := -1, -1   // first named just after
	for i, ac := range a.as {
		if ac.Kind != actors.Person || len(ac.Mentions) == 0 {
			continue
		}
		match, ownerOK := false, owner == ""
		for _, r := range ac.Roles {
			match = match || containsWord(r.Text, words)
			ownerOK = ownerOK || containsWord(r.Text, []string{owner})
		}
		if !match {
			continue
		}
		first := ac.Mentions[0].Start
		if first < pos {
			if ownerOK {
				last := first
				for _, m := range ac.Mentions {
					if m.Start < pos {
						last = m.Start
					}
				}
				if last > backPos {
					back, backPos = i, last
				}
			}
			continue
		}
		if a.paraAt(first) <= para+1 && (fwd < 0 || first < fwdPos) {
			fwd, fwdPos = i, first
		}
	}
	if back >= 0 {
		return back, true
	}
	return fwd, fwd >= 0
}

// paraAt returns the index of the paragraph containing p (or the last one
// starting before p).
func (a *attributor) paraAt(p int) int {
	ps := a.d.Paragraphs
	i := sort.Search(len(ps), func(i int) bool { return ps[i].Start > p }) - 1
	if i < 0 {
		return 0
	}
	return i
}

// descLookup matches the description head word t[ws:we] ("ministry",
// "spokesperson") against the roles of people and the names of
// organizations, and returns the matching actor mentioned most recently
// before pos. ok is false when the word names nobody.
func (a *attributor) descLookup(ws, we, pos int) (int, bool) {
	b := a.lower(ws, we)
	if b == nil || len(b) < 3 {
		return -1, false
	}
	head := string(b)
	if _, ok := genericHeads[head]; ok || isPluralHead(head) {
		return -1, false
	}
	if _, ok := prepositions[head]; ok {
		return -1, false
	}
	words := roleSynonyms[head]
	if words == nil {
		words = []string{head}
	}
	a.buildDescTexts()
	best, bestPos := -1, -1
	for i, ac := range a.as {
		if !containsWord(a.descTexts[i], words) {
			continue
		}
		last := -1
		for _, m := range ac.Mentions {
			if m.Start < pos {
				last = m.Start
			}
		}
		if last > bestPos {
			best, bestPos = i, last
		}
	}
	if best < 0 {
		if _, ok := orgHeads[head]; ok {
			return a.lastOrg(pos)
		}
	}
	return best, best >= 0
}

// lastOrg returns the organization named last before pos outside
// quotations, skipping addressees ("told VOA").
func (a *attributor) lastOrg(pos int) (int, bool) {
	i := sort.Search(len(a.byEnd), func(i int) bool { return a.byEnd[i].End > pos }) - 1
	minPara := a.paraAt(pos) - 1
	for n := 0; i >= 0 && n < 200; i, n = i-1, n+1 {
		m := a.byEnd[i]
		if a.paraAt(m.Start) < minPara {
			break // only the same or the previous paragraph
		}
		if a.as[m.actor].Kind != actors.Organization || a.quoteAt(m.Start) >= 0 {
			continue
		}
		ws, we := a.wordBefore(m.Start, 0)
		if we > ws && (a.is(ws, we, "told") || a.is(ws, we, "to")) {
			continue
		}
		return m.actor, true
	}
	return -1, false
}

// buildDescTexts collects, once, the lower-case text descriptions are
// matched against: the roles of people, the names of organizations.
func (a *attributor) buildDescTexts() {
	if a.descTexts != nil {
		return
	}
	a.descTexts = make([]string, len(a.as))
	var sb strings.Builder
	for i, ac := range a.as {
		sb.Reset()
		switch ac.Kind {
		case actors.Person:
			for _, r := range ac.Roles {
				sb.WriteString(headPart(r.Text))
				sb.WriteString(" | ")
			}
		case actors.Organization:
			sb.WriteString(headPart(ac.Name))
			for _, al := range ac.Aliases {
				sb.WriteString(" | ")
				sb.WriteString(headPart(al))
			}
		}
		a.descTexts[i] = strings.ToLower(sb.String())
	}
}

// headPart returns the head noun of a role or name: the last word before
// its first preposition or relative word. A description matches what
// someone is ("a fellow at Brookings", "Danube Institute for Water
// Security"), not another word of it ("the water" is neither the institute
// nor "Dravia’s water minister").
func headPart(s string) string {
	for i := 0; i < len(s); i++ {
		if i > 0 && s[i-1] != ' ' {
			continue
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		var lb [16]byte // the word lower-cased without allocating
		switch string(ascii.AppendLower(lb[:0], s[i:j])) {
		case "of", "for", "at", "in", "on", "to", "with", "from", "where", "who", "which", "that", "and":
			if i > 0 {
				return lastWord(s[:i])
			}
		}
	}
	return lastWord(s)
}

// lastWord returns the last word of s: the head noun of "Dravia’s water
// minister" is "minister" ("the water" names nobody).
func lastWord(s string) string {
	s = strings.TrimRight(s, " ,.")
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

// containsWord reports whether s contains one of the lower-case words as a
// whole word, ignoring case.
func containsWord(s string, words []string) bool {
	for _, w := range words {
		if w == "" {
			continue
		}
		for i := 0; i+len(w) <= len(s); i++ {
			if s[i]|0x20 != w[0]|0x20 || !strings.EqualFold(s[i:i+len(w)], w) {
				continue
			}
			before := i == 0 || !isWordByte(s[i-1])
			after := i+len(w) == len(s) || !isWordByte(s[i+len(w)])
			if before && after {
				return true
			}
		}
	}
	return false
}

// ---------------------------------------------------------------- pronouns

// resolvePronoun resolves the pronoun t[ws:we] in sentence si: an earlier
// cue of the same sentence, else the topic of the nearest earlier sentence
// (within three paragraphs), else the nearest compatible mention.
func (a *attributor) resolvePronoun(ws, we, si int, prev []cue) int {
	male, female := a.in(pronounMale, ws, we), a.in(pronounFemale, ws, we)
	org := a.is(ws, we, "it")
	ok := func(i int) bool {
		if i < 0 || i >= len(a.as) {
			return false
		}
		ac := &a.as[i]
		switch {
		case org:
			return ac.Kind == actors.Organization
		case ac.Kind != actors.Person:
			return false
		case male:
			return ac.Gender != actors.Female
		case female:
			return ac.Gender != actors.Male
		}
		return false
	}
	person := male || female
	for k := len(prev) - 1; k >= 0; k-- {
		if ok(prev[k].speaker) || person && prev[k].subj == subjSpokes && prev[k].speaker >= 0 {
			return prev[k].speaker
		}
	}
	// "When I met President Ostrova … she said": a compatible person named
	// earlier in the same sentence.
	if lo := a.sents[si].Start; person && a.clauseStart(si, ws) == lo {
		// (not after a quotation: in "With Trump ahead, she will need “…,”
		// he said" the speaker was named before)
		i := sort.Search(len(a.byEnd), func(i int) bool { return a.byEnd[i].End > ws }) - 1
		for ; i >= 0 && a.byEnd[i].End > lo; i-- {
			m := a.byEnd[i]
			if m.Start >= lo && a.quoteAt(m.Start) < 0 && a.as[m.actor].Kind == actors.Person {
				if ok(m.actor) {
					return m.actor
				}
				break // the nearest person has the other gender: look further back
			}
		}
	}
	para := a.sents[si].Para
	for k := si - 1; k >= 0 && k >= si-10; k-- {
		if a.sents[k].Para < para-3 {
			break
		}
		a.analyse(k)
		if ok(a.topics[k]) {
			return a.topics[k]
		}
		if person && a.spokes[k] == subjSpokes && a.topics[k] >= 0 {
			// "A spokeswoman for Acme said …. “…,” she said."
			return a.topics[k]
		}
		if person && a.spokes[k] == subjUnnamed && k == si-1 && a.sents[k].Para == para {
			// "A witness said …. “…,” she said.": someone unnamed
			return -1
		}
		if person && a.topics[k] < 0 {
			// "I have known Ilse Varga since …. When I asked her …, she":
			// a sentence without a subject of its own that names one
			// compatible person
			if m := a.onlyCompatible(k, ok); m >= 0 {
				return m
			}
		}
		if person && k == si-1 && a.sents[k].Para == para && a.onlyPerson(k, a.topics[k]) {
			// "Nwosu, 22, scored twice. “…,” he said.": the one person the
			// sentence before names, whatever gender the name suggests.
			return a.topics[k]
		}
	}
	lo := 0
	if si-10 > 0 {
		lo = a.sents[si-10].Start
	}
	i := sort.Search(len(a.byEnd), func(i int) bool { return a.byEnd[i].End > ws }) - 1
	for ; i >= 0 && a.byEnd[i].End > lo; i-- {
		m := a.byEnd[i]
		if a.quoteAt(m.Start) < 0 && ok(m.actor) {
			return m.actor
		}
	}
	return -1
}

// onlyCompatible returns the one person named (outside quotations) in
// sentence k who passes ok, or -1 when there is none or more than one.
func (a *attributor) onlyCompatible(k int, ok func(int) bool) int {
	s := a.sents[k].Span
	found := -1
	i := sort.Search(len(a.ments), func(i int) bool { return a.ments[i].Start >= s.Start })
	for ; i < len(a.ments) && a.ments[i].Start < s.End; i++ {
		m := a.ments[i]
		if a.as[m.actor].Kind != actors.Person || a.quoteAt(m.Start) >= 0 || !ok(m.actor) {
			continue
		}
		if found >= 0 && found != m.actor {
			return -1
		}
		found = m.actor
	}
	return found
}

// onlyPerson reports whether person t is the only person named (outside
// quotations) in sentence k.
func (a *attributor) onlyPerson(k, t int) bool {
	if t < 0 || t >= len(a.as) || a.as[t].Kind != actors.Person {
		return false
	}
	s := a.sents[k].Span
	i := sort.Search(len(a.ments), func(i int) bool { return a.ments[i].Start >= s.Start })
	for ; i < len(a.ments) && a.ments[i].Start < s.End; i++ {
		m := a.ments[i]
		if m.actor != t && a.as[m.actor].Kind == actors.Person && a.quoteAt(m.Start) < 0 {
			return false
		}
	}
	return true
}

// ---------------------------------------------------------------- per quotation

// cueFor returns the cue that attributes quotation qi: the one right after
// it when the quotation closes like dialogue ("…,” she said), else the
// nearest before it in its sentence, else any after it in the sentence.
func (a *attributor) cueFor(qi int) (cue, bool) {
	if len(a.sents) == 0 {
		return cue{}, false
	}
	r := a.raws[qi]
	ss := a.sentenceAt(r.inner.Start)
	se := a.sentenceAt(r.outer.End - 1)
	if se < ss {
		se = ss
	}
	a.analyse(ss)
	a.analyse(se)
	if a.d.Paragraphs[r.para].Kind == doc.Heading {
		return cue{}, false
	}
	limit := a.sents[se].End
	if qi+1 < len(a.raws) && a.raws[qi+1].outer.Start < limit {
		limit = a.raws[qi+1].outer.Start
	}
	var near, before, far *cue
	for k := range a.cues[se] {
		c := &a.cues[se][k]
		if c.verb.Start >= r.outer.End {
			if far == nil {
				far = c
			}
			if near == nil && c.verb.Start < limit {
				near = c
			}
		}
	}
	for k := range a.cues[ss] {
		c := &a.cues[ss][k]
		if c.verb.End <= r.outer.Start {
			before = c
		}
	}
	order := [3]*cue{before, near, far}
	if a.dialogueClose(r) {
		order = [3]*cue{near, before, far}
	}
	for _, c := range order {
		if c != nil {
			return *c, true
		}
	}
	return cue{}, false
}

// dialogueClose reports whether quotation r ends the way a quotation
// followed by its attribution does: with punctuation inside the marks or a
// comma or dash after them.
func (a *attributor) dialogueClose(r rawQuote) bool {
	if !r.closed {
		return false
	}
	if rr, _ := a.runeBefore(r.inner.End, r.inner.Start); rr == ',' || rr == '?' || rr == '!' || rr == '.' || rr == '—' || rr == '…' {
		return true
	}
	hi := len(a.t)
	p := a.skipSpace(r.outer.End, hi)
	rr, _ := a.runeAt(p, hi)
	return rr == ',' || rr == '—'
}

// isPartial reports whether quotation qi is a fragment inside the writer's
// own sentence rather than a whole utterance.
func (a *attributor) isPartial(qi int) bool {
	if len(a.sents) == 0 {
		return false
	}
	r := a.raws[qi]
	ss := a.sentenceAt(r.inner.Start)
	se := a.sentenceAt(r.outer.End - 1)
	if se < ss {
		se = ss
	}
	return !(a.startsUtterance(qi, ss) && a.endsUtterance(qi, se))
}

func (a *attributor) startsUtterance(qi, ss int) bool {
	r := a.raws[qi]
	if r.cont {
		return true
	}
	lo := a.sents[ss].Start
	if lo > r.outer.Start {
		lo = a.d.Paragraphs[r.para].Start
	}
	p := r.outer.Start
	for p > lo {
		rr, n := a.runeBefore(p, lo)
		if unicode.IsSpace(rr) || rr == '(' || rr == '[' || rr == '—' || rr == '–' || rr == '-' {
			p -= n
			continue
		}
		break
	}
	if p <= lo {
		return true
	}
	rr, _ := a.runeBefore(p, lo)
	switch rr {
	case ':':
		return true
	case ',':
		// "However, “since …,” Ivanov said": only a sentence adverb before.
		if ws, we := a.wordBefore(p-1, lo); we > ws && a.skipSpaceBack(ws, lo) <= lo && a.in(leadWords, ws, we) {
			return true
		}
		first, _ := a.runeAt(r.inner.Start, r.inner.End)
		if !unicode.IsUpper(first) {
			return false
		}
		a.analyse(ss)
		for _, c := range a.cues[ss] {
			if c.verb.End < p {
				return true
			}
		}
	}
	return false
}

func (a *attributor) endsUtterance(qi, se int) bool {
	r := a.raws[qi]
	if !r.closed {
		return true
	}
	hi := a.sents[se].End
	if hi < r.outer.End {
		hi = a.d.Paragraphs[r.para].End
	}
	p := r.outer.End
	for p < hi {
		rr, n := a.runeAt(p, hi)
		if unicode.IsSpace(rr) || rr == '.' || rr == '!' || rr == '?' || rr == ')' || rr == ']' || rr == ';' {
			p += n
			continue
		}
		break
	}
	if p >= hi {
		return true
	}
	// A cue right after: "…,” said X" / "…,” X told VOA".
	q := r.outer.End
	for q < hi && (isSpace(a.t[q]) || a.t[q] == ',') {
		q++
	}
	a.analyse(se)
	for _, c := range a.cues[se] {
		if c.verb.Start >= r.outer.End {
			start := c.span.Start
			if c.verb.Start < start {
				start = c.verb.Start
			}
			return start <= q || a.onlyTitleWords(q, start) || a.fewWords(q, c.verb.Start, 6)
		}
	}
	return false
}

// fewWords reports whether t[p:e] holds at most n words and no punctuation
// other than dots, hyphens and apostrophes: a short subject such as
// "analysts at the institute".
func (a *attributor) fewWords(p, e, n int) bool {
	words := 0
	for p < e {
		ws, we := a.wordAfter(p, e)
		if ws >= e {
			return true
		}
		if we <= ws {
			return false
		}
		words++
		if words > n {
			return false
		}
		p = we
		for p < e && a.t[p] == '.' {
			p++
		}
	}
	return true
}

// onlyTitleWords reports whether t[p:e] holds only capitalized words, lead
// words and job words, as in “…,” U.S. Ambassador Linda Thomas-Greenfield said.
func (a *attributor) onlyTitleWords(p, e int) bool {
	for n := 0; p < e && n < 8; n++ {
		ws, we := a.wordAfter(p, e)
		if ws >= e {
			return true
		}
		if we <= ws || !(a.capitalized(ws, we) || a.in(nameLead, ws, we) || a.roleWord(ws, we)) {
			return false
		}
		p = we
		for p < e && (a.t[p] == '.' || isSpace(a.t[p])) {
			p++
		}
	}
	return p >= e
}

func isNumber(b []byte) bool {
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

// foldText lower-cases ASCII letters and maps typographic quotes to ASCII,
// for comparing quotation texts.
func foldText(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c == 0xE2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0x98 || b[i+2] == 0x99) {
			out = append(out, '\'')
			i += 2
			continue
		}
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		out = append(out, c)
	}
	return out
}

func containsFold(hay, needle []byte) bool {
	return strings.Contains(string(hay), string(needle))
}
