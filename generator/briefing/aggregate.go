package briefing

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
	"briefgen/generator/overrides"
	"briefgen/generator/source"
	"briefgen/generator/timeline"
)

// Briefing is everything a briefing's articles say, merged: the actor
// registry, the quotations, and the timeline, with editor overrides
// applied.
type Briefing struct {
	Briefing *source.Briefing
	Articles []*source.Article // oldest first
	Actors   []*Actor          // by ID; hidden ones included (check Hidden)
	Quotes   []*Quote          // by date, then speaker
	Timeline *timeline.Timeline

	facts FactsOf
	byID  map[string]*Actor
	regOf map[*source.Article][]*Actor          // by index into the article's facts.Actors
	byArt map[*source.Article]map[string]*Actor // article actor id -> registry actor
}

// Options configure Aggregate.
type Options struct {
	// Overrides are the briefing's own (from _index.md) and the site's
	// (data/actors.yaml); site-wide entries apply first, so the briefing's
	// win. Either may be nil.
	Site, Own *overrides.Set
}

// Aggregate merges the facts of a briefing's articles. It is
// deterministic: the same articles and overrides give the same result.
func Aggregate(b *source.Briefing, facts FactsOf, opt Options) *Briefing {
	x := &Briefing{Briefing: b, facts: facts}
	for _, a := range sortedArticles(b.Articles) {
		if a.Doc != nil && facts(a) != nil {
			x.Articles = append(x.Articles, a)
		}
	}
	rules := newActorRules(opt.Site, opt.Own)
	names := newNameCache()
	x.Actors, x.regOf = buildRegistry(x.Articles, facts, rules, names)
	rules.apply(x.Actors)
	assignFinalIDs(x.Actors, names)
	x.index(facts)
	related(x.Actors, x.Articles, facts, x.regOf)
	x.quotes(facts, rules)
	x.timeline(facts, rules)
	roleWords := map[string][]string{}
	for _, a := range x.Actors {
		if a.role == nil {
			a.setRole(roleWords) // computed once here, so pages may read it concurrently
		}
		a.path = ActorPath(b, a.ID)
		a.members, a.seenIn = nil, 0
	}
	x.regOf = nil // only needed while merging
	return x
}

// index builds the lookups, with actors sorted by ID.
func (x *Briefing) index(facts FactsOf) {
	slices.SortFunc(x.Actors, func(a, b *Actor) int { return cmp.Compare(a.ID, b.ID) })
	x.byID = make(map[string]*Actor, len(x.Actors))
	for _, a := range x.Actors {
		x.byID[a.ID] = a
	}
	x.byArt = make(map[*source.Article]map[string]*Actor, len(x.Articles))
	for _, art := range x.Articles {
		list := x.regOf[art]
		if len(list) == 0 {
			continue
		}
		f := facts(art)
		ids := make(map[string]*Actor, len(f.Actors))
		for i, a := range list {
			ids[f.Actors[i].ID] = a
		}
		x.byArt[art] = ids
	}
}

// Actor returns the registry actor with id, or nil.
func (x *Briefing) Actor(id string) *Actor { return x.byID[id] }

// ActorOf returns the registry actor an article's actor belongs to, or nil.
func (x *Briefing) ActorOf(a *source.Article, articleActorID string) *Actor {
	if x == nil {
		return nil
	}
	return x.byArt[a][articleActorID]
}

// Visible lists the actors not hidden by an editor, most mentioned first.
func (x *Briefing) Visible() []*Actor {
	out := make([]*Actor, 0, len(x.Actors))
	for _, a := range x.Actors {
		if !a.Hidden {
			out = append(out, a)
		}
	}
	slices.SortStableFunc(out, func(a, b *Actor) int {
		if c := cmp.Compare(b.Mentions+3*len(b.Quotes), a.Mentions+3*len(a.Quotes)); c != 0 {
			return c
		}
		return strings.Compare(a.ID, b.ID)
	})
	return out
}

// Speakers lists the visible actors who speak a visible quotation, by name.
func (x *Briefing) Speakers() []*Actor {
	var out []*Actor
	for _, a := range x.Actors {
		if !a.Hidden && len(a.Quotes) > 0 {
			out = append(out, a)
		}
	}
	sortByName(out, func(a *Actor) (string, string, string) { return a.Name, a.Kind, a.ID })
	return out
}

// sortByName sorts list by sortName, then ID, with each sort name made
// once rather than at every comparison.
func sortByName[T any](list []T, key func(T) (name, kind, id string)) {
	type keyed struct {
		name, id string
		v        T
	}
	ks := make([]keyed, len(list))
	for i, v := range list {
		name, kind, id := key(v)
		ks[i] = keyed{sortName(&Actor{Name: name, Kind: kind}), id, v}
	}
	slices.SortFunc(ks, func(a, b keyed) int {
		if c := strings.Compare(a.name, b.name); c != 0 {
			return c
		}
		return strings.Compare(a.id, b.id)
	})
	for i, k := range ks {
		list[i] = k.v
	}
}

// Unattributed lists the visible quotations nobody is named for.
func (x *Briefing) Unattributed() []*Quote {
	var out []*Quote
	for _, q := range x.Quotes {
		if q.Speaker == nil && !q.Hidden {
			out = append(out, q)
		}
	}
	return out
}

// VisibleQuotes lists the quotations not hidden, by date.
func (x *Briefing) VisibleQuotes() []*Quote {
	out := make([]*Quote, 0, len(x.Quotes))
	for _, q := range x.Quotes {
		if !q.Hidden {
			out = append(out, q)
		}
	}
	return out
}

// sortName sorts people by family name (the last word), others by name.
func sortName(a *Actor) string {
	n := strings.ToLower(a.Name)
	if a.Kind == actors.Person.String() {
		if i := strings.LastIndexByte(n, ' '); i >= 0 {
			return n[i+1:] + " " + n[:i]
		}
	}
	return n
}

// EventActors lists the registry actors of a timeline entry.
func (x *Briefing) EventActors(e *timeline.Entry) []*Actor {
	var out []*Actor
	for _, a := range e.Actors {
		if ra := x.byID[a.ID]; ra != nil && !ra.Hidden {
			out = append(out, ra)
		}
	}
	return out
}

// eventActorCount is len(x.EventActors(e)).
func (x *Briefing) eventActorCount(e *timeline.Entry) int {
	n := 0
	for _, a := range e.Actors {
		if ra := x.byID[a.ID]; ra != nil && !ra.Hidden {
			n++
		}
	}
	return n
}

// timeline builds the merged timeline on registry identities, so the same
// person reported by two articles counts as one participant, and applies
// event overrides.
func (x *Briefing) timeline(facts FactsOf, rules *actorRules) {
	in := make([]timeline.Input, 0, len(x.Articles))
	total := 0
	for _, a := range x.Articles {
		total += len(facts(a).Actors)
	}
	actorSlab := make([]actors.Actor, 0, total) // every article's actors, one after the other
	for n, a := range x.Articles {
		f := facts(a)
		ids := x.byArt[a]
		reg := x.regOf[a] // ids by index: article actor ids are unique in their article
		from := len(actorSlab)
		for i := range f.Actors {
			var ra *Actor
			if i < len(reg) {
				ra = reg[i]
			}
			if ra == nil || ra.Hidden || ra.seenIn == n+1 {
				continue
			}
			ra.seenIn = n + 1 // once per article
			k := actors.Other
			switch ra.Kind {
			case "person":
				k = actors.Person
			case "organization":
				k = actors.Organization
			case "place":
				k = actors.Place
			}
			actorSlab = append(actorSlab, actors.Actor{ID: ra.ID, Name: ra.Name, Kind: k})
		}
		as := actorSlab[from:len(actorSlab):len(actorSlab)]
		evs := make([]events.Event, 0, len(f.Events))
		n := 0
		for _, ev := range f.Events {
			n += len(ev.Actors)
		}
		slab := make([]string, 0, n) // the article's events' mapped actors, one after the other
		for _, ev := range f.Events {
			from := len(slab)
			for _, id := range ev.Actors {
				if ra := ids[id]; ra != nil && !ra.Hidden && !slices.Contains(slab[from:], ra.ID) {
					slab = append(slab, ra.ID)
				}
			}
			ev.Actors = slab[from:len(slab):len(slab)]
			if len(rules.events) == 0 || rules.event(&ev, a.Doc.Slice(ev.Sentence)) {
				evs = append(evs, ev)
			}
		}
		evs = append(evs, rules.added(a, f.Sentences)...)
		in = append(in, timeline.Input{
			Article: timeline.Article{Title: a.Title, URL: a.RelPermalink(), Outlet: a.Source, Published: a.Date},
			Doc:     a.Doc, Sentences: f.Sentences, Actors: as, Events: evs,
		})
	}
	x.Timeline = timeline.Build(in)
	for i, e := range x.Timeline.Entries {
		for _, ta := range e.Actors {
			if ra := x.byID[ta.ID]; ra != nil && !slices.Contains(ra.Events, i) {
				ra.Events = append(ra.Events, i)
			}
		}
	}
}

// EventsOf returns the timeline entries an actor takes part in.
func (x *Briefing) EventsOf(a *Actor) []*timeline.Entry {
	if x.Timeline == nil {
		return nil
	}
	out := make([]*timeline.Entry, 0, len(a.Events))
	for _, i := range a.Events {
		out = append(out, x.Timeline.Entries[i])
	}
	return out
}

// Updated is the newest article's date.
func (x *Briefing) Updated() time.Time {
	if n := len(x.Articles); n > 0 {
		return x.Articles[n-1].Date
	}
	return x.Briefing.Date
}

// sentenceSpan returns the span of sentence n (0-based), if it exists.
func sentenceSpan(sents []doc.Sentence, n int) (doc.Span, bool) {
	if n < 0 || n >= len(sents) {
		return doc.Span{}, false
	}
	return sents[n].Span, true
}

// Compact returns what Site needs of x, so that a large site's builds can
// let go of each briefing's registry once its pages are written: the
// actors that have a page (see HasPage), each with its role, counts,
// articles, roles and quotations, but without aliases, first mention and
// related actors; no timeline (EventsOf gives nothing) and no lookups
// (Actor and ActorOf find nothing).
func (x *Briefing) Compact() *Briefing {
	c := &Briefing{Briefing: x.Briefing, Articles: x.Articles}
	for _, a := range x.Actors {
		if !x.HasPage(a) {
			continue
		}
		// Strings are copied: extracted ones are often substrings of a
		// whole article's text, which they would otherwise keep alive.
		ca := *a
		ca.ID, ca.Name, ca.Kind, ca.Photo = strings.Clone(a.ID), strings.Clone(a.Name), strings.Clone(a.Kind), strings.Clone(a.Photo)
		role := strings.Clone(a.Role())
		ca.role = &role
		ca.Aliases, ca.Related, ca.First, ca.members = nil, nil, Source{}, nil
		ca.Roles = make([]DatedRole, len(a.Roles))
		for i, r := range a.Roles {
			r.Text = strings.Clone(r.Text)
			ca.Roles[i] = r
		}
		ca.Quotes = make([]*Quote, len(a.Quotes))
		for i, q := range a.Quotes {
			cq := *q
			cq.Speaker, cq.norm, cq.tokens = &ca, "", nil
			cq.ID, cq.Text, cq.Role = strings.Clone(q.ID), strings.Clone(q.Text), strings.Clone(q.Role)
			ca.Quotes[i] = &cq
		}
		c.Actors = append(c.Actors, &ca)
	}
	return c
}

// SiteActor is an actor across the briefings of a site: registry actors
// of different briefings with the same id are taken to be one.
type SiteActor struct {
	ID, Name, Kind string
	Role           string // the newest briefing's current role
	Mentions       int
	Quotes         int
	In             []SiteEntry // per briefing, by briefing slug
}

// SiteEntry is a site actor's registry actor in one briefing.
type SiteEntry struct {
	Briefing *source.Briefing
	Actor    *Actor
}

// URL is the site path of the actor's page in that briefing.
func (e SiteEntry) URL() string { return ActorPath(e.Briefing, e.Actor.ID) }

// QuotesURL is the site path of the actor's quotations in that briefing.
func (e SiteEntry) QuotesURL() string { return QuotesPath(e.Briefing) + "#speaker-" + e.Actor.ID }

// Site merges the visible actors of every briefing by id, sorted by name
// (people by family name).
func Site(xs []*Briefing) []SiteActor {
	byID := map[string]*SiteActor{}
	var newest = map[string]time.Time{}
	for _, x := range xs {
		for _, a := range x.Actors {
			if !x.HasPage(a) {
				continue
			}
			s := byID[a.ID]
			if s == nil {
				s = &SiteActor{ID: a.ID, Name: a.Name, Kind: a.Kind}
				byID[a.ID] = s
			}
			s.Mentions += a.Mentions
			s.Quotes += len(a.Quotes)
			s.In = append(s.In, SiteEntry{x.Briefing, a})
			if r := a.Role(); r != "" && !x.Updated().Before(newest[a.ID]) {
				s.Role, newest[a.ID] = r, x.Updated()
			}
		}
	}
	out := make([]SiteActor, 0, len(byID))
	for _, s := range byID {
		slices.SortFunc(s.In, func(a, b SiteEntry) int { return cmp.Compare(a.Briefing.Slug, b.Briefing.Slug) })
		out = append(out, *s)
	}
	sortByName(out, func(a SiteActor) (string, string, string) { return a.Name, a.Kind, a.ID })
	return out
}

// SiteSpeakers is Site restricted to actors with quotations.
func SiteSpeakers(all []SiteActor) []SiteActor {
	var out []SiteActor
	for _, s := range all {
		if s.Quotes > 0 {
			out = append(out, s)
		}
	}
	return out
}

// ActorURL is the site path of a registry actor's page.
func (x *Briefing) ActorURL(a *Actor) string { return x.actorPath(a) }

// QuotesURL is the site path of the briefing's quotation index.
func (x *Briefing) QuotesURL() string { return QuotesPath(x.Briefing) }

// TimelineURL is the site path of the briefing's timeline page.
func (x *Briefing) TimelineURL() string { return x.Briefing.RelPermalink() + "timeline/" }

// HasPage reports whether an actor gets a page of its own: it is not
// hidden, and the briefing says something about it: a role, a quotation,
// an editor's photo, or (people and organizations) more than one article
// or a timeline event, (places) three articles or more. Mentions of the
// others link to their entry on the article page.
func (x *Briefing) HasPage(a *Actor) bool {
	if a.Hidden {
		return false
	}
	if len(a.Roles) > 0 || len(a.Quotes) > 0 || a.Photo != "" {
		return true
	}
	if a.Kind == "place" {
		return len(a.Articles) >= 3 // places come up everywhere; a page when they matter
	}
	return len(a.Articles) >= 2 || len(a.Events) > 0
}

// RecentArticles returns the newest n articles that mention the actor,
// newest first.
func (a *Actor) RecentArticles(n int) []*source.Article {
	out := make([]*source.Article, 0, min(n, len(a.Articles)))
	for i := len(a.Articles) - 1; i >= 0 && len(out) < n; i-- {
		out = append(out, a.Articles[i])
	}
	return out
}
