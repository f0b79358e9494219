package briefing

import (
	"slices"
	"strconv"
	"strings"

	"briefgen/generator/actors"
	"briefgen/generator/doc"
	"briefgen/generator/events"
	"briefgen/generator/overrides"
	"briefgen/generator/source"
)

// actorRules applies editor overrides during aggregation. A nil
// *actorRules applies nothing.
type actorRules struct {
	actors []*overrides.Actor // site-wide first, then the briefing's
	quotes []*overrides.Quote
	events []*overrides.Event
}

func newActorRules(sets ...*overrides.Set) *actorRules {
	r := &actorRules{}
	for _, s := range sets {
		if s == nil {
			continue
		}
		r.actors = append(r.actors, s.Actors...)
		r.quotes = append(r.quotes, s.Quotes...)
		r.events = append(r.events, s.Events...)
	}
	return r
}

// matches reports whether an article actor is named s (by name, alias or
// id, compared as slugs).
func (it *articleActor) matches(slug string) bool {
	if actors.Slug(it.a.Name) == slug || it.a.ID == slug {
		return true
	}
	for _, al := range it.a.Aliases {
		if actors.Slug(al) == slug {
			return true
		}
	}
	return false
}

// pin keeps the article actors named in a split apart from automatic
// merging: each split name becomes an actor of its own.
func (r *actorRules) pin(g *registry) {
	for _, o := range r.actors {
		for _, ref := range o.Split {
			s := actors.Slug(ref.Name)
			for i := range g.items {
				it := &g.items[i]
				if actors.Slug(it.a.Name) == s {
					it.pinned = "split:" + s
					ref.MarkUsed()
				}
			}
		}
	}
}

// merge joins what the editor says is one actor, and the split names
// with each other.
func (r *actorRules) merge(g *registry) {
	pins := map[string]int{}
	for i := range g.items {
		if p := g.items[i].pinned; p != "" {
			if j, ok := pins[p]; ok {
				g.union(i, j)
			} else {
				pins[p] = i
			}
		}
	}
	find := func(name string) int {
		s := actors.Slug(name)
		for i := range g.items {
			if g.items[i].matches(s) {
				return i
			}
		}
		return -1
	}
	for _, o := range r.actors {
		if len(o.Merge) == 0 {
			continue
		}
		i := find(o.Match)
		if i < 0 {
			continue
		}
		for _, ref := range o.Merge {
			if j := find(ref.Name); j >= 0 {
				g.union(i, j)
				ref.MarkUsed()
			}
		}
	}
}

// apply sets canonical names, ids, roles, photos and hiding on the
// registry actors the overrides name.
func (r *actorRules) apply(as []*Actor) {
	for _, o := range r.actors {
		s := actors.Slug(o.Match)
		for _, a := range as {
			if !a.named(s) {
				continue
			}
			o.MarkUsed()
			if o.Name != "" {
				if !slices.Contains(a.Aliases, a.Name) {
					a.Aliases = append(a.Aliases, a.Name)
				}
				a.Aliases = slices.DeleteFunc(a.Aliases, func(x string) bool { return x == o.Name })
				slices.Sort(a.Aliases)
				a.Name = o.Name
			}
			if o.ID != "" {
				a.pinnedID = o.ID
			}
			if o.Role != "" {
				a.Roles = append([]DatedRole{{Text: o.Role, Editor: true}}, a.Roles...)
			}
			if o.Photo != "" {
				a.Photo = o.Photo
			}
			if o.Hide {
				a.Hidden = true
			}
		}
	}
}

// named reports whether a registry actor goes by slug s (its name, an
// alias, or its id).
func (a *Actor) named(s string) bool {
	if s == a.ID || actors.Slug(a.Name) == s {
		return true
	}
	for _, al := range a.Aliases {
		if actors.Slug(al) == s {
			return true
		}
	}
	return false
}

// assignFinalIDs gives actors their ids after overrides renamed some: the
// editor's id, else the slug of the (new) name, unique.
func assignFinalIDs(as []*Actor, names *nameCache) {
	assignRegistryIDs(as, names)
	used := map[string]bool{}
	for _, a := range as {
		if a.pinnedID != "" {
			used[a.pinnedID] = true
		}
	}
	for _, a := range as {
		if a.pinnedID != "" {
			a.ID = a.pinnedID
			continue
		}
		base := a.ID
		for n := 2; used[a.ID]; n++ {
			a.ID = base + "-" + strconv.Itoa(n)
		}
		used[a.ID] = true
	}
}

// quote applies quotation overrides: hiding and a new speaker.
func (r *actorRules) quote(q *Quote, x *Briefing) {
	for _, o := range r.quotes {
		n := NormalizeQuote(o.Text)
		if n == "" || !strings.HasPrefix(q.norm, n) && !strings.Contains(q.norm, n) {
			continue
		}
		o.MarkUsed()
		if o.Hide {
			q.Hidden = true
		}
		if o.Speaker != "" {
			s := actors.Slug(o.Speaker)
			var sp *Actor
			for _, a := range x.Actors {
				if a.named(s) {
					sp = a
					break
				}
			}
			if sp == nil {
				sp = x.addActor(o.Speaker)
				sp.First = q.Sources[0]
				sp.Articles = []*source.Article{q.Sources[0].Article}
			}
			q.Speaker, q.Editor = sp, true
		}
	}
}

// addActor adds a person an editor names who extraction did not find.
func (x *Briefing) addActor(name string) *Actor {
	id := actors.Slug(name)
	base := id
	for n := 2; x.byID[id] != nil; n++ {
		id = base + "-" + strconv.Itoa(n)
	}
	a := &Actor{ID: id, Name: name, Kind: actors.Person.String()}
	x.Actors = append(x.Actors, a)
	x.byID[id] = a
	return a
}

// event applies event overrides to one extracted event; false drops it.
func (r *actorRules) event(ev *events.Event, sentence string) bool {
	for _, o := range r.events {
		if o.Match == "" || ev.Date != o.Date && !strings.HasPrefix(ev.Date, o.Date+"T") {
			continue
		}
		m := NormalizeQuote(o.Match)
		if !strings.Contains(NormalizeQuote(ev.Summary), m) && !strings.Contains(NormalizeQuote(sentence), m) {
			continue
		}
		o.MarkUsed()
		if o.Hide {
			return false
		}
		if o.NewDate != "" {
			ev.Date, ev.End = o.NewDate, ""
		}
		if o.Summary != "" {
			ev.Summary = o.Summary
		}
		if o.Venue != "" {
			ev.Venue = o.Venue
		}
	}
	return true
}

// added returns the events an editor adds with this article as source.
func (r *actorRules) added(a *source.Article, sents []doc.Sentence) []events.Event {
	var out []events.Event
	for _, o := range r.events {
		if o.Match != "" {
			continue
		}
		slug, frag, _ := strings.Cut(o.Source, "#")
		if slug != a.Slug && slug != a.Briefing+"/"+a.Slug {
			continue
		}
		n := 0
		if s, ok := strings.CutPrefix(frag, "s-"); ok {
			if v, err := strconv.Atoi(s); err == nil && v >= 1 {
				n = v - 1
			}
		}
		span, ok := sentenceSpan(sents, n)
		if !ok {
			continue
		}
		o.MarkUsed()
		out = append(out, events.Event{Date: o.Date, Summary: o.Summary, Venue: o.Venue, Sentence: span})
	}
	return out
}
