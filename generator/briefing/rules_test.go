package briefing

import (
	"strings"
	"testing"

	"briefgen/generator/overrides"
)

func TestOverridesApply(t *testing.T) {
	arts := []tArticle{
		{slug: "wire", date: "2025-03-14", outlet: "Wire", lines: []string{
			"Ana Ribeiro met Karim Benali in Lisbon on Thursday to sign the port agreement.",
			"It is a good day for both countries, an aide said.",
			"Off the record remarks were made, Benali said.",
			"Demonstrators gathered outside.",
			"Parliament will vote later.",
		}, actors: []tActor{person("Ana Ribeiro"), person("Karim Benali"), person("Demonstrators")},
			quotes: []tQuote{{"It is a good day for both countries", "", false}, {"Off the record remarks were made", "Karim Benali", false}},
			events: []tEvent{{date: "2025-03-13", summary: "Ana Ribeiro met Karim Benali in Lisbon to sign the port agreement", actors: []string{"Ana Ribeiro", "Karim Benali"}}}},
		{slug: "daily", date: "2025-03-15", outlet: "Daily", lines: []string{
			"K. Benali, the trade negotiator, and Karim Benali Jr., his son, spoke.",
		}, actors: []tActor{person("K. Benali"), person("Karim Benali Jr.")}},
	}
	const src = `---
overrides:
  actors:
    - match: Ana Ribeiro
      name: Ana Maria Ribeiro
      role: Prime Minister of Portugal
      photo: /img/ribeiro.jpg
    - match: Karim Benali
      id: benali
      merge: [K. Benali]
      split: [Karim Benali Jr.]
    - match: Demonstrators
      hide: true
    - match: Nobody Here
      role: ghost
  quotes:
    - text: It is a good day
      speaker: Karim Benali
    - text: off the record
      hide: true
  events:
    - date: 2025-03-13
      match: port agreement
      new_date: 2025-03-12
      venue: Lisbon
    - date: 2025-03-20
      summary: Parliament ratifies the deal
      source: wire#s-5
---
`
	own, err := overrides.ParseIndex("content/port/_index.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	b, facts := fixture(t, "port", arts...)
	x := Aggregate(b, facts, Options{Own: own})

	ana := x.Actor("ana-maria-ribeiro")
	if ana == nil || ana.Name != "Ana Maria Ribeiro" || ana.Role() != "Prime Minister of Portugal" || ana.Photo != "/img/ribeiro.jpg" {
		t.Fatalf("renamed actor: %+v", ana)
	}
	if !strings.Contains(strings.Join(ana.Aliases, "|"), "Ana Ribeiro") {
		t.Errorf("old name not kept as an alias: %v", ana.Aliases)
	}
	ben := x.Actor("benali")
	if ben == nil || idOf(t, x, "daily", "K. Benali") != "benali" {
		t.Fatalf("merge: benali = %+v, K. Benali is %s", ben, idOf(t, x, "daily", "K. Benali"))
	}
	if id := idOf(t, x, "daily", "Karim Benali Jr."); id == "benali" {
		t.Error("split name is still merged")
	}
	if d := x.Actor("demonstrators"); d == nil || !d.Hidden || x.HasPage(d) {
		t.Errorf("hidden actor: %+v", d)
	}
	for _, a := range x.Visible() {
		if a.ID == "demonstrators" {
			t.Error("hidden actor is listed")
		}
	}
	var good, off *Quote
	for _, q := range x.Quotes {
		switch {
		case strings.HasPrefix(q.Text, "It is a good day"):
			good = q
		case strings.HasPrefix(q.Text, "Off the record"):
			off = q
		}
	}
	if good == nil || good.Speaker != ben || !good.Editor {
		t.Errorf("reattributed quote: %+v", good)
	}
	if off == nil || !off.Hidden || len(x.VisibleQuotes()) != 1 {
		t.Errorf("hidden quote: %+v; visible %d", off, len(x.VisibleQuotes()))
	}
	var dates []string
	for _, e := range x.Timeline.Entries {
		dates = append(dates, e.Date+" "+e.Venue+" "+e.Summary)
	}
	got := strings.Join(dates, "\n")
	if !strings.Contains(got, "2025-03-12 Lisbon Ana Ribeiro met") || !strings.Contains(got, "2025-03-20  Parliament ratifies the deal") || strings.Contains(got, "2025-03-13") {
		t.Errorf("timeline after overrides:\n%s", got)
	}
	un := own.Unused()
	if len(un) != 1 || un[0] != `content/port/_index.md:14: override: no actor matches "Nobody Here"` {
		t.Errorf("unused overrides: %q", un)
	}
	md := string(x.Brief(link))
	if strings.Contains(md, "Demonstrators") || strings.Contains(md, "Off the record") {
		t.Errorf("hidden things in the brief:\n%s", md)
	}
}

func TestSiteOverridesYieldToBriefing(t *testing.T) {
	site, err := overrides.ParseActorsFile("data/actors.yaml", []byte("actors:\n  - match: Ana Ribeiro\n    role: Minister\n"))
	if err != nil {
		t.Fatal(err)
	}
	own, err := overrides.ParseIndex("i.md", []byte("---\noverrides:\n  actors:\n    - match: Ana Ribeiro\n      role: Prime Minister\n---\n"))
	if err != nil {
		t.Fatal(err)
	}
	b, facts := fixture(t, "p", tArticle{slug: "a", date: "2025-01-01", lines: []string{"Ana Ribeiro spoke."}, actors: []tActor{person("Ana Ribeiro")}})
	x := Aggregate(b, facts, Options{Site: site, Own: own})
	if r := x.Actor("ana-ribeiro").Role(); r != "Prime Minister" {
		t.Errorf("role %q, want the briefing's", r)
	}
}
