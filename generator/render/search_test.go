package render

import "testing"

func TestSearchPageSummary(t *testing.T) {
	for _, c := range []struct {
		articles, actors, quotes int
		want                     string
	}{
		{0, 0, 0, "0 articles, 0 actors and 0 quotations"},
		{1, 1, 1, "1 article, 1 actor and 1 quotation"},
		{999, 1000, 12345, "999 articles, 1,000 actors and 12,345 quotations"},
		{1234567, 100000, 2, "1,234,567 articles, 100,000 actors and 2 quotations"},
	} {
		p := SearchPage{Articles: c.articles, Actors: c.actors, Quotes: c.quotes}
		if got := p.Summary(); got != c.want {
			t.Errorf("Summary(%d, %d, %d) = %q, want %q", c.articles, c.actors, c.quotes, got, c.want)
		}
	}
}
