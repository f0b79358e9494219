package timeline

import (
	"encoding/json"
	"html"
	"strconv"
	"strings"
)

// TimelineJS is the document Knight Lab's TimelineJS reads
// (https://timeline.knightlab.com/docs/json-format.html).
type TimelineJS struct {
	Title  *tjsSlide  `json:"title,omitempty"`
	Events []tjsSlide `json:"events"`
}

type tjsSlide struct {
	StartDate   *tjsDate `json:"start_date,omitempty"`
	EndDate     *tjsDate `json:"end_date,omitempty"`
	Text        tjsText  `json:"text"`
	Group       string   `json:"group,omitempty"`
	DisplayDate string   `json:"display_date,omitempty"`
	UniqueID    string   `json:"unique_id,omitempty"`
}

type tjsDate struct {
	Year   int    `json:"year"`
	Month  int    `json:"month,omitempty"`
	Day    int    `json:"day,omitempty"`
	Hour   int    `json:"hour,omitempty"`
	Minute int    `json:"minute,omitempty"`
	Format string `json:"format,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline,omitempty"`
	Text     string `json:"text,omitempty"`
}

// JSON returns the timeline as TimelineJS JSON. title and summary head the
// timeline; articleURL turns an article's site URL into the absolute or
// relative URL the embedded timeline should link to. TimelineJS renders the
// text fields as HTML, so every piece of article text is escaped here, and
// encoding/json escapes <, > and & so the document is safe inside a script
// element too.
func (t *Timeline) JSON(title, summary string, articleURL func(string) string) ([]byte, error) {
	doc := TimelineJS{Events: []tjsSlide{}}
	if title != "" {
		doc.Title = &tjsSlide{Text: tjsText{Headline: html.EscapeString(title), Text: html.EscapeString(summary)}}
	}
	for i, e := range t.Entries {
		start := tjsDateOf(e.Date)
		if start == nil {
			continue
		}
		s := tjsSlide{
			StartDate:   start,
			EndDate:     tjsDateOf(e.End),
			Group:       html.EscapeString(e.Venue),
			DisplayDate: e.Label(),
			UniqueID:    "event-" + strconv.Itoa(i+1),
		}
		s.Text.Headline = html.EscapeString(e.Summary)
		var b strings.Builder
		for _, f := range e.Flags {
			b.WriteString(`<p class="flag">⚠ `)
			b.WriteString(html.EscapeString(f))
			b.WriteString("</p>")
		}
		b.WriteString("<ul>")
		for _, ev := range e.Evidence {
			b.WriteString(`<li><q>`)
			b.WriteString(html.EscapeString(ev.Text))
			b.WriteString(`</q> — <a href="`)
			b.WriteString(html.EscapeString(articleURL(ev.Article.URL) + "#" + ev.Anchor()))
			b.WriteString(`">`)
			name := ev.Article.Title
			if ev.Article.Outlet != "" {
				name = ev.Article.Outlet + ": " + name
			}
			b.WriteString(html.EscapeString(name))
			b.WriteString("</a></li>")
		}
		b.WriteString("</ul>")
		s.Text.Text = b.String()
		doc.Events = append(doc.Events, s)
	}
	return json.MarshalIndent(doc, "", " ")
}

// tjsDateOf converts a TIMEX3 value to a TimelineJS date at the same
// precision; nil for values TimelineJS cannot place.
func tjsDateOf(v string) *tjsDate {
	if v == "" {
		return nil
	}
	key := SortKey(v) // "YYYY-MM-DD..." with 00 for unknown month/day
	if len(key) < 10 || key[0] == '~' {
		return nil
	}
	d := &tjsDate{Year: mustAtoi(key[:4]), Month: mustAtoi(key[5:7]), Day: mustAtoi(key[8:10])}
	if d.Year == 0 && key[:4] != "0000" {
		return nil
	}
	if _, tod, ok := strings.Cut(v, "T"); ok {
		if hh, mm, ok := strings.Cut(tod, ":"); ok && digits(hh) && len(mm) >= 2 && digits(mm[:2]) {
			d.Hour, d.Minute = mustAtoi(hh), mustAtoi(mm[:2])
		}
	}
	return d
}
