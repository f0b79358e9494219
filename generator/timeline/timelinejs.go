package timeline

import (
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
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
	return doc.appendJSON(make([]byte, 0, 512+1024*len(doc.Events))), nil
}

// appendJSON appends the document as json.MarshalIndent(doc, "", " ")
// writes it, byte for byte, without reflection and the second indenting
// pass (TestAppendJSON and FuzzAppendJSON compare the two).
func (doc *TimelineJS) appendJSON(b []byte) []byte {
	b = append(b, '{')
	if doc.Title != nil {
		b = append(b, "\n \"title\": "...)
		b = doc.Title.appendJSON(b, 1)
		b = append(b, ',')
	}
	b = append(b, "\n \"events\": "...)
	if doc.Events == nil {
		b = append(b, "null"...)
	} else if len(doc.Events) == 0 {
		b = append(b, "[]"...)
	} else {
		b = append(b, '[')
		for i := range doc.Events {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, "\n  "...)
			b = doc.Events[i].appendJSON(b, 2)
		}
		b = append(b, "\n ]"...)
	}
	return append(b, "\n}"...)
}

// jsonObject writes the members of one JSON object at an indentation
// depth, as json.MarshalIndent with indent " " does.
type jsonObject struct {
	b     []byte
	depth int
	n     int // members written
}

func (o *jsonObject) key(k string) {
	if o.n > 0 {
		o.b = append(o.b, ',')
	}
	o.n++
	o.b = append(o.b, '\n')
	for range o.depth + 1 {
		o.b = append(o.b, ' ')
	}
	o.b = append(o.b, '"')
	o.b = append(o.b, k...)
	o.b = append(o.b, "\": "...)
}

func (o *jsonObject) str(k, v string) {
	o.key(k)
	o.b = appendJSONString(o.b, v)
}

func (o *jsonObject) int(k string, v int) {
	o.key(k)
	o.b = strconv.AppendInt(o.b, int64(v), 10)
}

func (o *jsonObject) end() []byte {
	if o.n == 0 {
		return append(o.b, '}')
	}
	o.b = append(o.b, '\n')
	for range o.depth {
		o.b = append(o.b, ' ')
	}
	return append(o.b, '}')
}

func (s *tjsSlide) appendJSON(b []byte, depth int) []byte {
	o := jsonObject{b: append(b, '{'), depth: depth}
	if s.StartDate != nil {
		o.key("start_date")
		o.b = s.StartDate.appendJSON(o.b, depth+1)
	}
	if s.EndDate != nil {
		o.key("end_date")
		o.b = s.EndDate.appendJSON(o.b, depth+1)
	}
	o.key("text")
	t := jsonObject{b: append(o.b, '{'), depth: depth + 1}
	if s.Text.Headline != "" {
		t.str("headline", s.Text.Headline)
	}
	if s.Text.Text != "" {
		t.str("text", s.Text.Text)
	}
	o.b = t.end()
	if s.Group != "" {
		o.str("group", s.Group)
	}
	if s.DisplayDate != "" {
		o.str("display_date", s.DisplayDate)
	}
	if s.UniqueID != "" {
		o.str("unique_id", s.UniqueID)
	}
	return o.end()
}

func (d *tjsDate) appendJSON(b []byte, depth int) []byte {
	o := jsonObject{b: append(b, '{'), depth: depth}
	o.int("year", d.Year)
	for _, f := range [...]struct {
		k string
		v int
	}{{"month", d.Month}, {"day", d.Day}, {"hour", d.Hour}, {"minute", d.Minute}} {
		if f.v != 0 {
			o.int(f.k, f.v)
		}
	}
	if d.Format != "" {
		o.str("format", d.Format)
	}
	return o.end()
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping: <, > and & as \u003c..., control characters, U+2028
// and U+2029 escaped, invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
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
