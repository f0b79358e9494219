// Package events turns dated sentences into timeline events: what happened
// (or will), when, where (the venue: a summit, a meeting or a city) and who
// was involved.
//
// Every sentence that ties a happening to a DATE or TIME expression gives an
// event per distinct date. The summary is the sentence with the date phrase
// (and the preposition that introduces it) removed, cut to its first clause.
// The venue comes from "on the sidelines of the X summit", "at the X
// summit/meeting/conference", "at <a summit grouping>" (G20, APEC, ...) or
// "in <city>", and is normalized so that one event reads the same whether an
// article says "the G20", "G20" or "the G20 summit in Rio de Janeiro".
package events

import (
	"slices"
	"strings"
	"sync"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/timex"
)

// Event is one dated happening of an article.
type Event struct {
	Date, End string   // TIMEX3 values (End only for ranges)
	Summary   string   // short statement of what happened, date phrase removed
	Sentence  doc.Span // the source sentence
	Venue     string   // normalized venue ("G20 summit", "APEC summit", "Brasilia") or ""
	Actors    []string // actor IDs involved: people and organizations first, then places
	Caption   bool     // the evidence is a photo caption
	Timex     int      // index into the timexes passed in
}

// Find returns the events of d in text order. ts are the temporal
// expressions of sents (timex.Find), as the actors found in d.
func Find(d *doc.Doc, sents []doc.Sentence, ts []timex.Timex, as []actors.Actor) []Event {
	if d == nil {
		return nil
	}
	groups := summitNames(d)
	sc := scratchPool.Get().(*findScratch)
	out, scratch := sc.events[:0], sc.words[:0]
	defer func() {
		clear(out) // keep no strings of this article alive
		sc.events, sc.words = out[:0], scratch[:0]
		scratchPool.Put(sc)
	}()
	for lo := 0; lo < len(ts); {
		hi := lo + 1
		for hi < len(ts) && ts[hi].Sentence == ts[lo].Sentence {
			hi++
		}
		si := ts[lo].Sentence
		if si >= 0 && si < len(sents) {
			out, scratch = sentenceEvents(out, scratch, d, sents[si], ts, lo, hi, as, groups)
		}
		lo = hi
	}
	if len(out) == 0 {
		return nil
	}
	return append([]Event(nil), out...) // one exact allocation
}

// findScratch holds the buffers Find reuses between calls: the events
// found, returned as an exact copy, and the words of a sentence.
type findScratch struct {
	events []Event
	words  []word
}

var scratchPool = sync.Pool{New: func() any { return &findScratch{words: make([]word, 0, 64)} }}

// dated reports whether a timex can place an event on a timeline.
func dated(t timex.Timex) bool {
	if t.Type != timex.Date && t.Type != timex.Time || t.RangeEnd {
		return false
	}
	switch t.Value {
	case "", "PRESENT_REF", "PAST_REF", "FUTURE_REF":
		return false
	}
	return true
}

// sentenceEvents appends the events of sentence s, whose timexes are
// ts[lo:hi]; scratch is a word buffer reused from sentence to sentence.
func sentenceEvents(out []Event, scratch []word, d *doc.Doc, s doc.Sentence, ts []timex.Timex, lo, hi int, as []actors.Actor, groups map[string]bool) ([]Event, []word) {
	sp := clamp(s.Span, len(d.Text))
	if sp.Start >= sp.End {
		return out, scratch
	}
	// A sentence with a recurrence ("open daily from 9 a.m. to 5 p.m.")
	// states a schedule: its times of day are not happenings.
	set := false
	for k := lo; k < hi; k++ {
		set = set || ts[k].Type == timex.Set
	}
	var keep []int
	for k := lo; k < hi; k++ {
		t := ts[k]
		if !dated(t) || !sp.Contains(t.Span) || set && t.Type == timex.Time {
			continue
		}
		keep = append(keep, k)
	}
	// One event per distinct happening: drop repeats of a value and the less
	// specific of two nested values ("the 2024 election in November"); a
	// time of day on a day already named adds nothing.
	var sel []int
	for x, k := range keep {
		if seenBefore(ts, keep[:x], ts[k].Value) {
			continue
		}
		drop := false
		for _, o := range keep[max(0, x-8):min(len(keep), x+9)] { // nesting is local
			if o == k {
				continue
			}
			a, b := ts[k].Value, ts[o].Value
			switch {
			case a == b && o < k:
				drop = true
			case len(a) < len(b) && strings.HasPrefix(b, a) && !(ts[o].Type == timex.Time && len(a) == 10):
				drop = true
			case len(b) < len(a) && strings.HasPrefix(a, b) && ts[k].Type == timex.Time && len(b) == 10:
				drop = true
			}
		}
		if !drop {
			sel = append(sel, k)
		}
	}
	if len(sel) == 0 {
		return out, scratch
	}
	caption := s.Para >= 0 && s.Para < len(d.Paragraphs) && d.Paragraphs[s.Para].Kind == doc.Caption
	ids := actorsIn(sp, as)
	ws := splitWords(scratch[:0], d.Text[sp.Start:sp.End])
	for _, k := range sel {
		t := ts[k]
		venue := findVenue(ws, t.Span.Start-sp.Start, groups)
		var cuts []cut
		if c := datePhrase(d.Text, sp, t, ts, lo, hi); c.End > c.Start {
			cuts = append(cuts, c)
		}
		src := window(d.Text, sp, t.Span)
		out = append(out, Event{
			Date:     t.Value,
			End:      t.End,
			Summary:  summarize(d.Text, src, t.Span, cuts),
			Sentence: sp,
			Venue:    venue,
			Actors:   ids,
			Caption:  caption,
			Timex:    k,
		})
	}
	return out, ws
}

// seenBefore reports whether one of the timexes ks has value v. A sentence
// holds few dates, and a run-on one is bounded by maxSeen.
func seenBefore(ts []timex.Timex, ks []int, v string) bool {
	if len(ks) > maxSeen {
		ks = ks[len(ks)-maxSeen:]
	}
	for _, k := range ks {
		if ts[k].Value == v {
			return true
		}
	}
	return false
}

// maxSeen bounds the look-back for repeated values in one sentence.
const maxSeen = 32

// maxSource bounds the part of a sentence a summary is made from, so that a
// huge run-on "sentence" with many dates costs linear time.
const maxSource = 1200

// window returns sp, or for a very long sentence the part of it from its
// start (or, when the date lies further on, from shortly before the date)
// of at most maxSource bytes, cut at a space.
func window(text []byte, sp, date doc.Span) doc.Span {
	if sp.Len() <= maxSource {
		return sp
	}
	w := doc.Span{Start: sp.Start, End: sp.Start + maxSource}
	if date.End > w.End {
		w.Start = max(sp.Start, date.Start-maxSource/2)
		w.End = min(sp.End, w.Start+maxSource)
	}
	for w.Start > sp.Start && w.Start < w.End && text[w.Start-1] != ' ' {
		w.Start++
	}
	for w.End < sp.End && w.End > w.Start && text[w.End] != ' ' {
		w.End--
	}
	return w
}

func clamp(s doc.Span, n int) doc.Span {
	if s.Start < 0 {
		s.Start = 0
	}
	if s.End > n {
		s.End = n
	}
	if s.End < s.Start {
		s.End = s.Start
	}
	return s
}

// actorsIn returns the IDs of actors mentioned in sp: people and
// organizations first, then places and others, each in order of mention.
func actorsIn(sp doc.Span, as []actors.Actor) []string {
	type hit struct {
		rank, pos int
		id        string
	}
	var buf [16]hit // a sentence names few actors: no allocation for the hits
	hs := buf[:0]
	for i := range as {
		a := &as[i] // not a copy of each actor
		if a.ID == "" {
			continue
		}
		// the mentions are in text order (actors.Actor): those before sp
		// are passed over by a binary search, and the scan ends past sp
		ms := a.Mentions
		if len(ms) > 8 {
			lo, hi := 0, len(ms)
			for lo < hi {
				if h := int(uint(lo+hi) >> 1); ms[h].Start < sp.Start {
					lo = h + 1
				} else {
					hi = h
				}
			}
			ms = ms[lo:]
		}
		for _, m := range ms {
			if m.Start > sp.End {
				break
			}
			if sp.Contains(m) {
				r := 1
				if a.Kind == actors.Person || a.Kind == actors.Organization {
					r = 0
				}
				hs = append(hs, hit{r, m.Start, a.ID})
				break
			}
		}
	}
	if len(hs) == 0 {
		return nil
	}
	less := func(a, b hit) bool { return a.rank < b.rank || a.rank == b.rank && a.pos < b.pos }
	if len(hs) <= 16 {
		// a stable insertion sort: a sentence names few actors
		for i := 1; i < len(hs); i++ {
			for j := i; j > 0 && less(hs[j], hs[j-1]); j-- {
				hs[j], hs[j-1] = hs[j-1], hs[j]
			}
		}
	} else {
		slices.SortStableFunc(hs, func(a, b hit) int {
			if a.rank != b.rank {
				return a.rank - b.rank
			}
			return a.pos - b.pos
		})
	}
	ids := make([]string, len(hs))
	for i, h := range hs {
		ids[i] = h.id
	}
	return ids
}
