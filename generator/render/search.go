package render

// SearchPath is the site path of the search page; its index lies beside it
// (SearchIndexPath).
const (
	SearchPath      = "/search/"
	SearchIndexPath = "/search/index.json"
)

// SearchPage is the data of templates/search.html: the page is a form and
// a script that loads the JSON index at IndexURL (a site path; pass it
// through relURL) and searches it in the browser.
type SearchPage struct {
	Page
	IndexURL string
	// Articles, Actors and Quotes count the documents of the index, for the
	// page to say what it searches.
	Articles, Actors, Quotes int
}

// HasKind reports whether the templates define a page kind.
func (r *Renderer) HasKind(kind string) bool { return r.tmpl[kind] != nil }

// Search renders the search page (templates/search.html) with the counts
// of the index it searches.
func (r *Renderer) Search(articles, actors, quotes int) ([]byte, error) {
	p := SearchPage{
		Page:     r.page("search", "Search", SearchPath),
		IndexURL: SearchIndexPath,
		Articles: articles, Actors: actors, Quotes: quotes,
	}
	p.Feed = "/feed.xml"
	p.Description = "Search the articles, actors and quotations of every briefing."
	return r.Execute("search", p)
}

// Summary says what the index holds, with thousands separated:
// "10,000 articles, 1 actor and 19,951 quotations".
func (p SearchPage) Summary() string {
	count := func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		s := itoa(n)
		for i := len(s) - 3; i > 0; i -= 3 {
			s = s[:i] + "," + s[i:]
		}
		return s + " " + many
	}
	return count(p.Articles, "article", "articles") + ", " + count(p.Actors, "actor", "actors") + " and " + count(p.Quotes, "quotation", "quotations")
}
