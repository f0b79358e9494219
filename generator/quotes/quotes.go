// Package quotes finds the direct quotations of an article and attributes
// each one to the actor who says it.
//
// Quotations are found by a byte scan of every paragraph: curly and straight
// double marks, single marks at the top level (headlines, British style),
// nested single quotes inside double ones, quotations that run over several
// paragraphs, and unbalanced marks (a stray mark never reaches past its
// paragraph).
//
// Attribution reads the sentence around a quotation the way an editor does:
// a speech cue right after it ("…,” said X / “…,” X told VOA), a cue before
// it (X said: “…” / X warned that … “…”), "according to X", pronouns ("she
// said") resolved to the person the text is talking about, descriptions ("the
// ministry said") matched against actors' roles and names, a run of
// quotations continuing the previous speaker, and, for a fragment inside the
// writer's own sentence, the subject of that sentence. An unnamed
// spokesperson speaks for the organization named with them ("a spokeswoman
// for Acme said"), a document for whoever issued it ("the ruling said"),
// and in a transcript or Q&A ("SMITH: …", "A: …") a quotation cued by "I"
// belongs to the labelled speaker or the interviewee; the labelled turns
// themselves carry no quotation marks and are not quotations.
package quotes

import (
	"cmp"
	"slices"
	"sort"
	"sync"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/sentences"
)

// Quote is one contiguous quotation.
type Quote struct {
	Span     doc.Span // the quoted words without the enclosing marks
	Speaker  string   // actor ID, or "" when nobody is named
	Partial  bool     // a fragment inside the writer's own sentence
	Sentence int      // index into the sentences passed in
	Cue      doc.Span // the attribution ("he said", "said Weitz"); zero if none
}

// Find returns the quotations of d in text order with their speakers. sents
// are d's sentences (sentences.Split); when nil they are computed, and
// Quote.Sentence indexes sentences.Split(d). as are d's actors
// (actors.Find); a Speaker is always "" or the ID of one of them.
func Find(d *doc.Doc, sents []doc.Sentence, as []actors.Actor) []Quote {
	if sents == nil {
		sents = sentences.Split(d)
	}
	raws := scan(d)
	if len(raws) == 0 {
		return nil
	}
	sc := scratchPool.Get().(*scratch)
	a := newAttributor(d, sents, as, raws, sc)
	a.turns = findTurns(d)
	out := a.run()
	sc.keep(a)
	scratchPool.Put(sc)
	return out
}

// scratch keeps the attributor's per-mention and per-sentence slices
// between calls of Find; only their backing arrays are reused.
type scratch struct {
	ments, byEnd []mention
	cues         [][]cue
	topics       []int
	done         []bool
	spokes       []subjKind
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// keep takes a's slices back for the next call, emptied.
func (sc *scratch) keep(a *attributor) {
	clear(a.cues) // drop the cue slices of this article
	sc.ments, sc.byEnd, sc.cues = a.ments[:0], a.byEnd[:0], a.cues[:0]
	sc.topics, sc.done, sc.spokes = a.topics[:0], a.done[:0], a.spokes[:0]
}

// zeroed returns s resized to n zero elements, reusing its array if it
// is large enough.
func zeroed[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// mention is one reference to an actor.
type mention struct {
	doc.Span
	actor int
}

type attributor struct {
	d      *doc.Doc
	t      []byte
	sents  []doc.Sentence
	as     []actors.Actor
	raws   []rawQuote
	ments  []mention // sorted by Start
	byEnd  []mention // sorted by End
	cues   [][]cue   // per sentence
	topics []int     // per sentence: the actor the sentence is about, -1 if none
	done   []bool    // per sentence: cues and topic computed

	descTexts []string   // per actor: lower-case roles (people) or names (organizations)
	subj      subjKind   // set by subjectBefore for the cue being resolved
	turns     []turn     // speaker-labelled paragraphs of a transcript or Q&A
	spokes    []subjKind // per sentence: how the topic was found (an unnamed spokesperson or person)
}

func newAttributor(d *doc.Doc, sents []doc.Sentence, as []actors.Actor, raws []rawQuote, sc *scratch) *attributor {
	a := &attributor{d: d, t: d.Text, sents: sents, as: as, raws: raws}
	n := 0
	for _, ac := range as {
		n += len(ac.Mentions)
	}
	a.ments = sc.ments[:0]
	if cap(a.ments) < n {
		a.ments = make([]mention, 0, n)
	}
	for i, ac := range as {
		for _, m := range ac.Mentions {
			if m.Start < 0 || m.End > len(a.t) || m.Start >= m.End {
				continue
			}
			a.ments = append(a.ments, mention{m, i})
		}
	}
	slices.SortFunc(a.ments, func(x, y mention) int {
		if x.Start != y.Start {
			return cmp.Compare(x.Start, y.Start)
		}
		return cmp.Compare(y.End, x.End)
	})
	a.byEnd = append(sc.byEnd[:0], a.ments...)
	slices.SortStableFunc(a.byEnd, func(x, y mention) int { return cmp.Compare(x.End, y.End) })
	a.cues = zeroed(sc.cues, len(sents))
	a.topics = zeroed(sc.topics, len(sents))
	a.done = zeroed(sc.done, len(sents))
	a.spokes = zeroed(sc.spokes, len(sents))
	return a
}

// sentenceAt returns the index of the sentence containing offset p, or of
// the last sentence starting before p; 0 when there is none.
func (a *attributor) sentenceAt(p int) int {
	i := sort.Search(len(a.sents), func(i int) bool { return a.sents[i].Start > p }) - 1
	if i < 0 {
		return 0
	}
	return i
}

// inQuote reports whether offset p lies inside a quotation (marks included).
func (a *attributor) quoteAt(p int) int {
	i := sort.Search(len(a.raws), func(i int) bool { return a.raws[i].outer.End > p })
	if i < len(a.raws) && a.raws[i].outer.Start <= p {
		return i
	}
	return -1
}

func (a *attributor) run() []Quote {
	out := make([]Quote, 0, len(a.raws))
	speakers := make([]int, len(a.raws))
	explicit := make([]bool, len(a.raws))
	firstPerson := make([]bool, len(a.raws))
	partial := make([]bool, len(a.raws))
	cues := make([]doc.Span, len(a.raws))
	for qi := range a.raws {
		speakers[qi] = -1
		c, ok := a.cueFor(qi)
		if ok && c.speaker < 0 && c.verb.End <= a.raws[qi].outer.Start {
			// "When I asked her …, she gave me an answer: “…”": the
			// subject before the colon beats an unresolved earlier cue
			if s, ok2 := a.colonSubject(qi); ok2 {
				c.speaker = s
			}
		}
		if ok {
			explicit[qi] = true
			speakers[qi] = c.speaker
			cues[qi] = c.span
			firstPerson[qi] = c.subj == subjFirstPerson
		}
		partial[qi] = a.isPartial(qi)
	}
	// Quotations without a cue of their own.
	for qi, r := range a.raws {
		if explicit[qi] {
			continue
		}
		switch {
		case r.cont && qi > 0:
			speakers[qi] = speakers[qi-1]
		case !partial[qi]:
			speakers[qi] = a.runSpeaker(qi, speakers, explicit)
		case qi+1 < len(a.raws) && explicit[qi+1] && len(a.sents) > 0 &&
			a.sentenceAt(a.raws[qi+1].inner.Start) <= a.sentenceAt(r.outer.End-1):
			// “…,” including X, “…,” said Y: the cue of the next part.
			speakers[qi] = speakers[qi+1]
		default:
			si := a.sentenceAt(r.inner.Start)
			if len(a.sents) > 0 && a.d.Paragraphs[r.para].Kind != doc.Caption {
				if s, ok := a.sentSubject(si, r.outer.Start); ok && s >= 0 && a.canSpeak(s, false) {
					speakers[qi] = s
				}
			}
		}
	}
	// A quotation running over several paragraphs has one speaker: the
	// first cue found in any of its parts.
	for qi := 0; qi < len(a.raws); {
		end := qi + 1
		for end < len(a.raws) && a.raws[end].cont {
			end++
		}
		if end-qi > 1 {
			sp := -1
			for j := qi; j < end && sp < 0; j++ {
				if explicit[j] {
					sp = speakers[j]
				}
			}
			if sp >= 0 {
				for j := qi; j < end; j++ {
					if !explicit[j] {
						speakers[j] = sp
					}
				}
			}
		}
		qi = end
	}
	// Headline quotations repeat words said later in the article.
	for qi, r := range a.raws {
		if speakers[qi] >= 0 || explicit[qi] || a.d.Paragraphs[r.para].Kind != doc.Heading {
			continue
		}
		speakers[qi] = a.echoSpeaker(qi, speakers)
	}
	// In a transcript or Q&A, "I" and "we" are the speaker of the turn. The
	// turns themselves are not quotations: the contract counts spans inside
	// quotation marks.
	for qi, r := range a.raws {
		if speakers[qi] < 0 && firstPerson[qi] && len(a.turns) > 0 {
			if ti := a.turnAt(r.outer.Start); ti >= 0 {
				speakers[qi] = a.turnSpeaker(a.turns[ti])
			}
		}
	}
	for qi, r := range a.raws {
		q := Quote{Span: r.inner, Partial: partial[qi], Cue: cues[qi]}
		if len(a.sents) > 0 {
			q.Sentence = a.sentenceAt(r.inner.Start)
		}
		if s := speakers[qi]; s >= 0 && s < len(a.as) {
			q.Speaker = a.as[s].ID
		}
		out = append(out, q)
	}
	return out
}

// canSpeak reports whether actor i may be a speaker. Places speak only
// through an explicit cue ("China said").
func (a *attributor) canSpeak(i int, cued bool) bool {
	if i < 0 || i >= len(a.as) {
		return false
	}
	switch a.as[i].Kind {
	case actors.Person, actors.Organization:
		return true
	case actors.Place:
		return cued
	}
	return false
}

// runSpeaker finds the speaker of a whole-utterance quotation with no cue of
// its own: the previous quotation of the paragraph, else the next one with a
// cue, else a cue ending the previous paragraph with a colon, else the
// quotation that ends the previous paragraph.
func (a *attributor) runSpeaker(qi int, speakers []int, explicit []bool) int {
	r := a.raws[qi]
	// "Smith was blunt: “…”": the subject of the words before the colon.
	if s, ok := a.colonSubject(qi); ok {
		return s
	}
	if qi > 0 && a.raws[qi-1].para == r.para && speakers[qi-1] >= 0 {
		return speakers[qi-1]
	}
	for j := qi + 1; j < len(a.raws) && a.raws[j].para == r.para; j++ {
		if explicit[j] {
			return speakers[j]
		}
	}
	if len(a.sents) > 0 {
		// "Halvorsen was more cautious. “…”": the person the previous
		// sentence of the paragraph is about.
		si := a.sentenceAt(r.outer.Start)
		if si > 0 && a.sents[si].Start >= r.outer.Start && a.sents[si-1].Para == r.para {
			a.analyse(si - 1)
			if t := a.topics[si-1]; t >= 0 && a.as[t].Kind == actors.Person {
				return t
			}
		}
	}
	if r.para == 0 || a.d.Paragraphs[r.para].Kind != doc.Body {
		return -1
	}
	prev := a.d.Paragraphs[r.para-1]
	// "X said:" closing the previous paragraph.
	if pe := prev.End; pe > prev.Start && pe <= len(a.t) && a.t[pe-1] == ':' && len(a.sents) > 0 {
		si := a.sentenceAt(pe - 1)
		a.analyse(si)
		for k := len(a.cues[si]) - 1; k >= 0; k-- {
			if c := a.cues[si][k]; c.speaker >= 0 {
				return c.speaker
			}
		}
	}
	for j := qi - 1; j >= 0; j-- {
		if a.raws[j].para < r.para-1 {
			break
		}
		if a.raws[j].para == r.para-1 && speakers[j] >= 0 {
			return speakers[j]
		}
	}
	return -1
}

// colonSubject returns the subject of the words before a colon that opens
// quotation qi ("Smith was blunt: “…”").
func (a *attributor) colonSubject(qi int) (int, bool) {
	if len(a.sents) == 0 {
		return -1, false
	}
	r := a.raws[qi]
	si := a.sentenceAt(r.outer.Start)
	if p := a.skipSpaceBack(r.outer.Start, a.sents[si].Start); p > a.sents[si].Start && a.t[p-1] == ':' {
		if s, ok := a.sentSubject(si, p); ok && s >= 0 && a.canSpeak(s, false) {
			return s, true
		}
	}
	return -1, false
}

// echoSpeaker finds a later quotation whose words contain those of quotation
// qi and returns its speaker.
func (a *attributor) echoSpeaker(qi int, speakers []int) int {
	needle := foldText(a.t[a.raws[qi].inner.Start:a.raws[qi].inner.End])
	if len(needle) < 4 {
		return -1
	}
	for j := range a.raws {
		if j == qi || speakers[j] < 0 {
			continue
		}
		hay := foldText(a.t[a.raws[j].inner.Start:a.raws[j].inner.End])
		if containsFold(hay, needle) {
			return speakers[j]
		}
	}
	return -1
}
