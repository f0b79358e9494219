package quotes

import (
	"testing"

	"briefgen/generator/sentences"
)

// people used by TestPatterns; every text below is the writer's own.
var patternActors = []fixtureActor{
	{ID: "ana-smith", Kind: "person", Gender: "female", Forms: []string{"Ana Smith", "Mrs. Smith", "Smith"}, Roles: []string{"senior analyst"}},
	{ID: "ben-jones", Kind: "person", Gender: "male", Forms: []string{"Ben Jones", "Mr. Jones", "Jones"}, Roles: []string{"Sen."}},
	{ID: "kay-lo", Kind: "person", Forms: []string{"Kay Lo"}, Roles: []string{"campaign manager"}},
	{ID: "acme", Kind: "organization", Forms: []string{"Acme Corp.", "Acme"}},
	{ID: "ohio", Kind: "place", Forms: []string{"Ohio"}},
}

func TestTurns(t *testing.T) {
	text := "Ana Smith spoke to us on Monday.\n\nQ: Why now?\n\nA: As I tell everyone, “it is time.”\n\nQ: And then?\n\nA: We wait.\n\nUPDATE: none."
	d := textDoc(text)
	ss := sentences.Split(d)
	as := buildActors(text, patternActors)
	qs := Find(d, ss, as)
	checkQuotes(t, d, ss, as, qs)
	want := []struct{ text, speaker string }{
		{"it is time.", "ana-smith"},
	}
	if len(qs) != len(want) {
		for _, q := range qs {
			t.Logf("%q %q", d.Slice(q.Span), q.Speaker)
		}
		t.Fatalf("got %d quotes, want %d", len(qs), len(want))
	}
	for i, w := range want {
		if got := d.Slice(qs[i].Span); got != w.text || qs[i].Speaker != w.speaker {
			t.Errorf("quote %d = %q by %q, want %q by %q", i, got, qs[i].Speaker, w.text, w.speaker)
		}
	}
	// Two labelled paragraphs, or one label used throughout, are no transcript.
	for _, text := range []string{
		"LONDON: Prices rose.\n\nUPDATE: They fell.\n\nNothing else.",
		"NOTE: one.\n\nNOTE: two.\n\nNOTE: three.",
	} {
		if ts := findTurns(textDoc(text)); ts != nil {
			t.Errorf("%q: found %d turns", text, len(ts))
		}
	}
}

func TestPatterns(t *testing.T) {
	tests := []struct {
		text, quote, speaker string
	}{
		{"However, “since nothing changed, we left,” Ana Smith said.", "since nothing changed, we left,", "ana-smith"},
		{"“Why now?” asked Ana Smith.", "Why now?", "ana-smith"},
		{"“We will win,” says Ben Jones.", "We will win,", "ben-jones"},
		{"“We will win” Ben Jones said.", "We will win", "ben-jones"},
		{"Ana Smith, who met Ben Jones last week, said “the talks went well.”", "the talks went well.", "ana-smith"},
		{"Ana Smith told Ben Jones that “the talks went well.”", "the talks went well.", "ana-smith"},
		{"“The talks went well,” Ana Smith told Ben Jones.", "The talks went well,", "ana-smith"},
		{"“The talks went well,” Jones, 61, said on Friday.", "The talks went well,", "ben-jones"},
		{"Speaking at a rally in Ohio, Ben Jones said “we are not done.”", "we are not done.", "ben-jones"},
		{"Ana Smith met Ben Jones. “We disagree on most things,” he said.", "We disagree on most things,", "ben-jones"},
		{"Ana Smith met Ben Jones. “We disagree on most things,” she said.", "We disagree on most things,", "ana-smith"},
		{"Ben Jones spoke first. Then Ana Smith, the senior analyst, spoke. “It is late,” the analyst said.", "It is late,", "ana-smith"},
		{"Acme Corp. posted a loss. “Demand was weak,” the company said in a statement.", "Demand was weak,", "acme"},
		{"“Demand was weak,” according to Acme.", "Demand was weak,", "acme"},
		{"According to Ben Jones, “demand was weak.”", "demand was weak.", "ben-jones"},
		{"“We are ready,” said Mr. Jones’s campaign manager, Kay Lo.", "We are ready,", "kay-lo"},
		{"Ana Smith and Ben Jones said the plan was “unworkable.”", "unworkable.", ""},
		{"Critics called the plan “unworkable.”", "unworkable.", ""},
		{"The sign on the door read “Closed for good.”", "Closed for good.", ""},
		{"Mrs. Smith said she was “surprised” by the vote.", "surprised", "ana-smith"},
		{"Ben Jones was asked about the vote. “No comment,” he said.", "No comment,", "ben-jones"},
		{"“It was a mistake,” Smith said, before adding: “We will fix it.”", "We will fix it.", "ana-smith"},
		{"“Fine,” Ben Jones said. Ana Smith was blunt: “This is a disaster.”", "This is a disaster.", "ana-smith"},
		{"Acme Corp. shut the plant.\n\nAna Smith quit.\n\nBen Jones left.\n\n“It hurts,” the company said.", "It hurts,", ""},
		{"The senior analyst, Ana Smith, has accused Acme of “cutting corners.”", "cutting corners.", "ana-smith"},
		{"Acme Corp. shut the plant. It called the decision “painful but necessary.”", "painful but necessary.", "acme"},
		{"An Acme spokesman said: “We disagree.”", "We disagree.", "acme"},
		{"A spokeswoman for Acme said the plant would close. “It is over,” she said.", "It is over,", "acme"},
		{"Ana Smith left early. A witness said the car was fast. “It flew,” she said.", "It flew,", ""},
		{"Ben Jones ruled for Acme. “The claim fails,” the ruling said.", "The claim fails,", "ben-jones"},
		{"Acme Corp. issued a statement. According to the statement, staff remain “fully committed.”", "fully committed.", "acme"},
		{"As Ana Smith put it, “Nothing is free.”", "Nothing is free.", "ana-smith"},
		{"“We won,” said senior analyst Ana Smith.", "We won,", "ana-smith"},
		{"Acme manager Kay Lo was blunt: “We lost.”", "We lost.", "kay-lo"},
		{"Kay Lo scored twice. “I got lucky,” he said.", "I got lucky,", "kay-lo"},
		{"Ben Jones spoke first. When I met Ana Smith last week, she said to me, “I am tired.”", "I am tired.", "ana-smith"},
		{"Ana Smith, who campaigned on the slogan “Jobs now,” said that the vote was “a victory.”", "a victory.", "ana-smith"},
		{"Ben Jones of Acme Corp., who ran the plant, put it simply: “It is over.”", "It is over.", "ben-jones"},
		{"Ben Jones spoke first. Ana Smith, 51, said she accepted the post “with pride.”", "with pride.", "ana-smith"},
		{"Ben Jones spoke first. Acme’s senior analyst, Ana Smith, struck a calm tone. Speaking to reporters, she said: “We are fine.”", "We are fine.", "ana-smith"},
		{"Ana Smith arrived. In her first remarks as senior analyst she repeated the offer, and said data would be posted “by Friday.”", "by Friday.", "ana-smith"},
		{"Ben Jones left. When I asked Ana Smith, years ago, why, she gave me an answer: “Because.”", "Because.", "ana-smith"},
		{"The data would be posted “by Friday,” Acme said.", "by Friday,", "acme"},
		{"Acme Corp. lost the case. The court ordered Acme to “pay in full.”", "pay in full.", ""},
		{"Ben Jones ordered Acme to “stop at once.”", "stop at once.", "ben-jones"},
		{"Acme Corp. lost. As the company itself put it, staff must “start again.”", "start again.", "acme"},
		{"Ben Jones spoke first. A rival says Acme “cheats.” I have known Ana Smith for years. When I asked her, long ago, why, she gave me an answer: “Because.”", "Because.", "ana-smith"},
	}
	as0 := patternActors
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			d := textDoc(tt.text)
			ss := sentences.Split(d)
			as := buildActors(tt.text, as0)
			qs := Find(d, ss, as)
			checkQuotes(t, d, ss, as, qs)
			for _, q := range qs {
				if d.Slice(q.Span) == tt.quote {
					if q.Speaker != tt.speaker {
						t.Errorf("speaker %q, want %q (cue %q)", q.Speaker, tt.speaker, d.Slice(q.Cue))
					}
					return
				}
			}
			t.Errorf("quote %q not found in %d quotes", tt.quote, len(qs))
		})
	}
}

// TestMaybeCue checks that the cue filter lets every cue word through.
func TestMaybeCue(t *testing.T) {
	for w := range cueWords {
		if !maybeCue([]byte(w)) {
			t.Errorf("maybeCue(%q) = false for a cue word", w)
		}
	}
	if maybeCue([]byte("table")) && maybeCue([]byte("xylophone")) && maybeCue([]byte("government")) {
		t.Errorf("the filter lets every word through")
	}
}
