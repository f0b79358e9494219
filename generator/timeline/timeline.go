// Package timeline builds a briefing's timeline from the events extracted
// from its articles: one entry per thing that happened, with every article
// sentence that reports it, in date order, grouped by venue and by day, and
// with discrepancies between sources flagged rather than hidden. It also
// writes the timeline in Knight Lab TimelineJS's JSON format.
package timeline

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
)

// Article identifies the article a piece of evidence comes from.
type Article struct {
	Title     string
	URL       string // the article page's URL, as links on the site use it
	Outlet    string
	Published time.Time
}

// Input is what one article contributes to a timeline.
type Input struct {
	Article   Article
	Doc       *doc.Doc
	Sentences []doc.Sentence
	Actors    []actors.Actor
	Events    []events.Event
}

// Actor is an actor taking part in an entry.
type Actor struct {
	ID, Name string
	Kind     actors.Kind
}

// Evidence is one sentence that reports an entry.
type Evidence struct {
	Article  Article
	Sentence int    // index of the sentence in its article (anchor "s-<n>")
	Text     string // the sentence
	Date     string // the date this source gives (TIMEX3)
	Caption  bool   // the sentence is a photo caption
}

// Anchor is the fragment of the evidence sentence on its article page.
func (e Evidence) Anchor() string {
	if e.Sentence >= 0 && e.Sentence < len(sentenceIDs) {
		return sentenceIDs[e.Sentence]
	}
	return doc.SentenceID(e.Sentence)
}

// sentenceIDs are doc.SentenceID of the first sentences, made once.
var sentenceIDs = func() []string {
	ids := make([]string, 512)
	for i := range ids {
		ids[i] = doc.SentenceID(i)
	}
	return ids
}()

// Entry is one thing that happened, as one or more sources report it.
type Entry struct {
	Date, End string // TIMEX3 values; End only for ranges
	Summary   string
	Venue     string // as written by the first source; "" when none
	VenueKey  string
	Actors    []Actor
	Evidence  []Evidence
	Flags     []string // discrepancies an editor should look at

	sortKey string   // SortKey(Date), while building
	words   []string // summaryWords(Summary), while merging
}

// Label is the entry's date as a reader reads it, at its precision.
func (e *Entry) Label() string {
	if e.End != "" && e.End != e.Date {
		return Label(e.Date) + " – " + Label(e.End)
	}
	return Label(e.Date)
}

// Day is a run of entries on the same date value.
type Day struct {
	Date    string
	Entries []*Entry
}

// Label is the day's date as a reader reads it.
func (d Day) Label() string { return Label(d.Date) }

// Group is a venue with its entries by day, or, for entries with no venue,
// one day of them.
type Group struct {
	Venue    string // "" for entries with no venue
	VenueKey string
	Days     []Day
}

// Span is the group's first and last date values.
func (g Group) Span() (first, last string) {
	first = g.Days[0].Date
	last = g.Days[len(g.Days)-1].Date
	return
}

// Label says when the group's events happened, at their precision.
func (g Group) Label() string {
	first, last := g.Span()
	if first == last {
		return Label(first)
	}
	return Label(first) + " – " + Label(last)
}

// Timeline is a briefing's timeline.
type Timeline struct {
	Entries []*Entry // in date order
	Groups  []Group  // venues and venue-less days, in order of first date
}

// Flagged lists the entries that carry a flag.
func (t *Timeline) Flagged() []*Entry {
	var out []*Entry
	for _, e := range t.Entries {
		if len(e.Flags) > 0 {
			out = append(out, e)
		}
	}
	return out
}

// Build merges the events of the inputs into a timeline. Events that only
// have an unknown or reference date (PRESENT_REF, XXXX-...) are left out:
// they cannot be placed. The result is the same for the same inputs in any
// order.
func Build(in []Input) *Timeline {
	// Entries, their first evidence and their actors come from slabs:
	// a few allocations for the whole timeline rather than three per
	// event. An entry's slices are capped, so merging more into one
	// copies rather than overwriting the next entry's.
	nev, nact := 0, 0
	for _, a := range in {
		nev += len(a.Events)
		for _, ev := range a.Events {
			nact += len(ev.Actors)
		}
	}
	entries := make([]*Entry, 0, nev)
	entrySlab := make([]Entry, nev)
	evidenceSlab := make([]Evidence, nev)
	actorSlab := make([]Actor, 0, nact)
	venueKeys := map[string]string{}
	sortKeys := map[string]string{}
	names := map[string]*actors.Actor{}
	for _, a := range in {
		clear(names)
		if len(a.Events) > 0 {
			for i := range a.Actors {
				names[a.Actors[i].ID] = &a.Actors[i]
			}
		}
		var (
			lastSpan doc.Span
			lastText string
			lastSent = -1
		)
		for _, ev := range a.Events {
			if !placeable(ev.Date) {
				continue
			}
			vk, ok := venueKeys[ev.Venue]
			if !ok {
				vk = events.VenueKey(ev.Venue)
				venueKeys[ev.Venue] = vk
			}
			sk, ok := sortKeys[ev.Date]
			if !ok {
				sk = SortKey(ev.Date)
				sortKeys[ev.Date] = sk
			}
			e := &entrySlab[len(entries)]
			*e = Entry{
				Date: ev.Date, End: ev.End, Summary: ev.Summary,
				Venue: ev.Venue, VenueKey: vk, sortKey: sk,
			}
			from := len(actorSlab)
			for _, id := range ev.Actors {
				if x := names[id]; x != nil {
					actorSlab = append(actorSlab, Actor{ID: x.ID, Name: x.Name, Kind: x.Kind})
				}
			}
			if len(actorSlab) > from {
				e.Actors = actorSlab[from:len(actorSlab):len(actorSlab)]
			}
			// Several events of one sentence share its text and index.
			if lastSent < 0 || ev.Sentence != lastSpan {
				lastSpan, lastText = ev.Sentence, a.Doc.Slice(ev.Sentence)
				lastSent = doc.SentenceAt(a.Sentences, ev.Sentence.Start)
			}
			k := len(entries)
			evidenceSlab[k] = Evidence{
				Article:  a.Article,
				Sentence: lastSent,
				Text:     lastText,
				Date:     ev.Date,
				Caption:  ev.Caption,
			}
			e.Evidence = evidenceSlab[k : k+1 : k+1]
			entries = append(entries, e)
		}
	}
	slices.SortFunc(entries, compareEntries)
	entries = merge(entries)
	flagDiscrepancies(entries)
	groups := group(entries)
	for _, e := range entries {
		e.sortKey, e.words = "", nil
	}
	return &Timeline{Entries: entries, Groups: groups}
}

// compareEntries orders entries by date (SortKey, then value), end, venue,
// first source and summary. Each key is compared only when the ones
// before it tie (cmp.Or would compare them all).
func compareEntries(a, b *Entry) int {
	if c := strings.Compare(a.sortKey, b.sortKey); c != 0 {
		return c
	}
	if c := strings.Compare(a.Date, b.Date); c != 0 {
		return c
	}
	if c := strings.Compare(a.End, b.End); c != 0 {
		return c
	}
	if c := strings.Compare(a.VenueKey, b.VenueKey); c != 0 {
		return c
	}
	if c := strings.Compare(a.Evidence[0].Article.URL, b.Evidence[0].Article.URL); c != 0 {
		return c
	}
	if c := cmp.Compare(a.Evidence[0].Sentence, b.Evidence[0].Sentence); c != 0 {
		return c
	}
	return strings.Compare(a.Summary, b.Summary)
}

// placeable reports whether a TIMEX3 value names a point on the calendar.
func placeable(v string) bool {
	y, _, _ := strings.Cut(v, "-")
	return len(y) >= 2 && len(y) <= 4 && digits(y)
}

// merge joins entries that report the same happening: same date and end,
// same venue, and either the same sentence of the same article (one event
// per actor or clause) or, across articles, overlapping actors and similar
// summaries. entries must be sorted. When several earlier entries qualify,
// the latest one takes the new evidence.
//
// Candidates are found through indexes (by sentence, and by participant)
// rather than by comparing each entry with every earlier one, so an article
// with thousands of events on one day at one venue stays linear; a
// participant's list is searched back at most maxActorCandidates entries.
func merge(entries []*Entry) []*Entry {
	const maxActorCandidates = 64
	// Entries that may merge share date, end and venue. Sorted entries
	// with the same three are consecutive, so the indexes hold one such
	// run at a time and are cleared when the next begins.
	type slot struct {
		url string
		n   int
	}
	var (
		out      []*Entry
		pos      = map[*Entry]int{}
		bySent   = map[slot]*Entry{}
		byActor  = map[string][]*Entry{}
		indexNew = func(o *Entry, evidence []Evidence, as []Actor) {
			for _, ev := range evidence {
				bySent[slot{ev.Article.URL, ev.Sentence}] = o
			}
			for _, a := range as {
				if a.Kind != actors.Place {
					byActor[a.ID] = append(byActor[a.ID], o)
				}
			}
		}
		prev    *Entry
		wordsOf = map[string][]string{} // words of each summary: sources often repeat one
	)
	for _, e := range entries {
		if prev == nil || e.Date != prev.Date || e.End != prev.End || e.VenueKey != prev.VenueKey {
			clear(bySent)
			clear(byActor)
		}
		prev = e
		var best *Entry
		for _, ev := range e.Evidence {
			if o := bySent[slot{ev.Article.URL, ev.Sentence}]; o != nil && (best == nil || pos[o] > pos[best]) {
				best = o
			}
		}
		for _, a := range e.Actors {
			list := byActor[a.ID]
			for k, seen := len(list)-1, 0; k >= 0 && seen < maxActorCandidates; k, seen = k-1, seen+1 {
				o := list[k]
				if best != nil && pos[o] <= pos[best] {
					break // lists are in order of creation: nothing later remains
				}
				if similarWords(o.summaryWords(wordsOf), e.summaryWords(wordsOf)) {
					best = o
					break
				}
			}
		}
		if best == nil {
			pos[e] = len(out)
			out = append(out, e)
			indexNew(e, e.Evidence, e.Actors)
			continue
		}
		var fresh []Evidence
		for _, ev := range e.Evidence {
			if bySent[slot{ev.Article.URL, ev.Sentence}] != best {
				fresh = append(fresh, ev)
			}
		}
		before := len(best.Actors)
		best.Evidence = append(best.Evidence, fresh...)
		best.Actors = appendActors(best.Actors, e.Actors...)
		indexNew(best, fresh, best.Actors[before:])
	}
	return out
}

func appendActors(list []Actor, more ...Actor) []Actor {
	for _, m := range more {
		if !slices.ContainsFunc(list, func(a Actor) bool { return a.ID == m.ID }) {
			list = append(list, m)
		}
	}
	return list
}

func sharedActors(a, b *Entry) int {
	n := 0
	for _, x := range a.Actors {
		if x.Kind == actors.Place {
			continue
		}
		for _, y := range b.Actors {
			if x.ID == y.ID {
				n++
			}
		}
	}
	return n
}

// similarWords reports whether two summaries share at least a third of
// their content words (Jaccard similarity over lower-cased words of 3+
// letters), given their words (see words).
func similarWords(wa, wb []string) bool {
	if len(wa) == 0 || len(wb) == 0 {
		return false
	}
	inter := 0
	for i, j := 0, 0; i < len(wa) && j < len(wb); {
		switch c := strings.Compare(wa[i], wb[j]); {
		case c < 0:
			i++
		case c > 0:
			j++
		default:
			inter++
			i++
			j++
		}
	}
	union := len(wa) + len(wb) - inter
	return inter*3 >= union
}

// summaryWords returns words(e.Summary), computed once per summary text
// (cache holds them by text).
func (e *Entry) summaryWords(cache map[string][]string) []string {
	if e.words == nil {
		w, ok := cache[e.Summary]
		if !ok {
			w = words(e.Summary)
			if w == nil {
				w = []string{}
			}
			cache[e.Summary] = w
		}
		e.words = w
	}
	return e.words
}

// words returns the distinct lower-cased words of 3+ letters of s, sorted.
func words(s string) []string {
	var out []string
	if lower, ok := asciiLower(s); ok {
		// ASCII: letters and digits are the word bytes.
		start := -1
		for i := 0; i <= len(lower); i++ {
			if i < len(lower) && (lower[i] >= 'a' && lower[i] <= 'z' || lower[i] >= '0' && lower[i] <= '9') {
				if start < 0 {
					start = i
				}
				continue
			}
			if start >= 0 && i-start >= 3 {
				out = append(out, lower[start:i])
			}
			start = -1
		}
	} else {
		for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r > 127)
		}) {
			if len(f) >= 3 {
				out = append(out, f)
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// asciiLower returns strings.ToLower(s) when s is ASCII, and false when it
// is not.
func asciiLower(s string) (string, bool) {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return "", false
		}
		upper = upper || c >= 'A' && c <= 'Z'
	}
	if !upper {
		return s, true
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 'A' && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b), true
}

// flagDiscrepancies flags pairs of entries that look like the same meeting
// dated differently: the same venue, at least two participants in common
// (not counting places), both dated to the day, and at most three days
// apart. Both are kept; each names the other's date and source.
//
// entries are in date order, so the search for a partner stops at the
// first entry that sorts after the third day: every day-dated entry after
// it is later still.
func flagDiscrepancies(entries []*Entry) {
	for i, a := range entries {
		if a.VenueKey == "" || len(a.Date) != len("2006-01-02") {
			continue
		}
		da, ok := dayNumber(a.Date)
		if !ok {
			continue // days() of an invalid date is never within three days
		}
		limit := civilDate(da+3) + "T" // SortKey of the last day-dated entry that may pair
		for _, b := range entries[i+1:] {
			if b.sortKey > limit {
				break
			}
			if b.VenueKey != a.VenueKey || len(b.Date) != len(a.Date) || b.Date == a.Date {
				continue
			}
			if days(a.Date, b.Date) > 3 || sharedActors(a, b) < 2 {
				continue
			}
			a.Flags = append(a.Flags, "Dated "+Label(b.Date)+" by "+describe(b.Evidence[0]))
			b.Flags = append(b.Flags, "Dated "+Label(a.Date)+" by "+describe(a.Evidence[0]))
		}
	}
}

func describe(e Evidence) string {
	what := "a sentence"
	if e.Caption {
		what = "a photo caption"
	}
	if e.Article.Title != "" {
		return what + " in “" + e.Article.Title + "”"
	}
	return what + " in another article"
}

// days is the number of days between two YYYY-MM-DD dates, or 1<<30 when
// either is not a valid date.
func days(a, b string) int {
	da, ok1 := dayNumber(a)
	db, ok2 := dayNumber(b)
	if !ok1 || !ok2 {
		return 1 << 30
	}
	return min(abs(db-da), maxDays)
}

// maxDays is the most days a time.Duration spans: days used to measure
// with one, and it saturates there.
const maxDays = int(time.Duration(1<<63-1) / (24 * time.Hour))

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// dayNumber is the day count since 1970-01-01 of a date written exactly
// "YYYY-MM-DD" (as time.Parse with layout "2006-01-02" accepts it).
func dayNumber(s string) (int, bool) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' || !digits(s[:4]) || !digits(s[5:7]) || !digits(s[8:]) {
		return 0, false
	}
	y := int(s[0]-'0')*1000 + int(s[1]-'0')*100 + int(s[2]-'0')*10 + int(s[3]-'0')
	m := int(s[5]-'0')*10 + int(s[6]-'0')
	d := int(s[8]-'0')*10 + int(s[9]-'0')
	if m < 1 || m > 12 || d < 1 || d > daysIn(m, y) {
		return 0, false
	}
	return int(time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Unix() / 86400), true
}

func daysIn(m, y int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// civilDate writes day number n (see dayNumber) as YYYY-MM-DD.
func civilDate(n int) string {
	return time.Unix(int64(n)*86400, 0).UTC().Format("2006-01-02")
}

// group puts entries with a venue into one group per venue and occasion,
// and entries without one into one group per date, then orders groups by
// first date. A venue names an occasion only for a run of days: an entry
// more than a week after its venue group's last day starts a new group (a
// city that appears in captions months apart is not one summit).
func group(entries []*Entry) []Group {
	const maxGap = 7 // days
	var groups []Group
	open := map[string]int{} // venue key -> index of its latest group
	for _, e := range entries {
		key := "venue:" + e.VenueKey
		if e.VenueKey == "" {
			key = "date:" + e.Date
		}
		gi, ok := open[key]
		if ok && e.VenueKey != "" {
			g := groups[gi]
			if days(firstDay(g.Days[len(g.Days)-1].Entries[0].sortKey), firstDay(e.sortKey)) > maxGap {
				ok = false
			}
		}
		if !ok {
			gi = len(groups)
			open[key] = gi
			groups = append(groups, Group{Venue: e.Venue, VenueKey: e.VenueKey})
		}
		g := &groups[gi]
		if n := len(g.Days); n > 0 && g.Days[n-1].Date == e.Date {
			g.Days[n-1].Entries = append(g.Days[n-1].Entries, e)
		} else {
			g.Days = append(g.Days, Day{Date: e.Date, Entries: []*Entry{e}})
		}
	}
	slices.SortStableFunc(groups, func(a, b Group) int {
		return cmp.Compare(a.Days[0].Entries[0].sortKey, b.Days[0].Entries[0].sortKey)
	})
	return groups
}

// firstDay is the first calendar day a value covers, as YYYY-MM-DD ("" when
// it is coarser than a day or unknown), given the value's SortKey.
func firstDay(k string) string {
	if len(k) < 10 || k[8:10] == "00" {
		return ""
	}
	return k[:10]
}
