package briefing

import (
	"reflect"
	"testing"
)

// siteView is what the site-wide indexes read of a SiteActor.
type siteView struct {
	ID, Name, Kind, Role string
	Mentions, Quotes     int
	Entries              []siteEntryView
}

type siteEntryView struct {
	Briefing, URL, QuotesURL, Name string
	Quotes, Articles               int
	HasPage                        bool
}

func viewSite(all []SiteActor, xs map[string]*Briefing) []siteView {
	var out []siteView
	for _, s := range all {
		v := siteView{ID: s.ID, Name: s.Name, Kind: s.Kind, Role: s.Role, Mentions: s.Mentions, Quotes: s.Quotes}
		for _, e := range s.In {
			v.Entries = append(v.Entries, siteEntryView{
				Briefing: e.Briefing.Slug, URL: e.URL(), QuotesURL: e.QuotesURL(), Name: e.Actor.Name,
				Quotes: len(e.Actor.Quotes), Articles: len(e.Actor.Articles), HasPage: xs[e.Briefing.Slug].HasPage(e.Actor),
			})
		}
		out = append(out, v)
	}
	return out
}

// TestCompactKeepsSiteIndexes checks that the site-wide actor and speaker
// indexes made from compact briefings are the ones made from the full
// aggregates, and that a compact briefing answers its other methods
// without failing.
func TestCompactKeepsSiteIndexes(t *testing.T) {
	b1, f1 := briefFixture(t, "")
	b2, f2 := fixture(t, "talks",
		tArticle{slug: "one", date: "2025-04-01", outlet: "Wire", lines: []string{"Prime Minister Ana Ribeiro met Lena Fischer in Porto.", "Minister Lena Fischer spoke."},
			actors: []tActor{person("Ana Ribeiro", "Prime Minister"), person("Lena Fischer", "Minister")}},
		tArticle{slug: "two", date: "2025-04-02", outlet: "Daily", lines: []string{"Lena Fischer left Porto."},
			actors: []tActor{person("Lena Fischer")}},
	)
	full := []*Briefing{Aggregate(b1, f1, Options{}), Aggregate(b2, f2, Options{})}
	var compact []*Briefing
	fullBy, compactBy := map[string]*Briefing{}, map[string]*Briefing{}
	for _, x := range full {
		c := x.Compact()
		compact = append(compact, c)
		fullBy[x.Briefing.Slug], compactBy[c.Briefing.Slug] = x, c
		if c.Updated() != x.Updated() {
			t.Errorf("%s: Updated %v, want %v", x.Briefing.Slug, c.Updated(), x.Updated())
		}
		for _, a := range c.Actors {
			if !c.HasPage(a) {
				t.Errorf("%s: compact actor %s has no page", x.Briefing.Slug, a.ID)
			}
			if got := c.EventsOf(a); len(got) != 0 {
				t.Errorf("%s: compact EventsOf(%s) = %d entries, want none", x.Briefing.Slug, a.ID, len(got))
			}
			for _, q := range a.Quotes {
				if q.Speaker != a {
					t.Errorf("%s: quotation %s of %s names another speaker", x.Briefing.Slug, q.ID, a.ID)
				}
			}
		}
	}
	want := viewSite(Site(full), fullBy)
	got := viewSite(Site(compact), compactBy)
	shared := false
	for _, v := range want {
		shared = shared || len(v.Entries) > 1
	}
	if !shared || len(SiteSpeakers(Site(full))) == 0 {
		t.Fatalf("the fixture should give an actor of both briefings and a speaker: %+v", want)
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Site of compact briefings:\n%+v\nwant\n%+v", got, want)
	}
	if g, w := viewSite(SiteSpeakers(Site(compact)), compactBy), viewSite(SiteSpeakers(Site(full)), fullBy); !reflect.DeepEqual(g, w) {
		t.Errorf("SiteSpeakers of compact briefings:\n%+v\nwant\n%+v", g, w)
	}
}
