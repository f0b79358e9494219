package timeline

import (
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
// <, > and & are escaped in JSON strings too (as encoding/json does), so
// the document is safe inside a script element.
//
// The document is written directly, byte for byte as
// json.MarshalIndent(doc, "", " ") writes the TimelineJS value (the test
// suite compares the two), without building that value or its HTML
// strings: HTML escaping and JSON escaping are done in one pass.
func (t *Timeline) JSON(title, summary string, articleURL func(string) string) ([]byte, error) {
	b := make([]byte, 0, 256+768*len(t.Entries))
	b = append(b, '{')
	if title != "" {
		b = append(b, "\n \"title\": {"...)
		o := jsonObject{b: b, depth: 1}
		o.key("text")
		o.b = append(o.b, '{')
		txt := jsonObject{b: o.b, depth: 2}
		txt.html("headline", title)
		if summary != "" {
			txt.html("text", summary)
		}
		o.b = txt.end()
		b = append(o.end(), ',')
	}
	b = append(b, "\n \"events\": ["...)
	n := 0
	for i, e := range t.Entries {
		key := e.sortKey
		if key == "" {
			key = SortKey(e.Date)
		}
		start, ok := tjsDateOfKey(e.Date, key)
		if !ok {
			continue
		}
		if n > 0 {
			b = append(b, ',')
		}
		n++
		b = append(b, "\n  {"...)
		o := jsonObject{b: b, depth: 2}
		o.key("start_date")
		o.b = start.appendJSON(o.b, 3)
		if e.End != "" {
			if end, ok := tjsDateOfKey(e.End, SortKey(e.End)); ok {
				o.key("end_date")
				o.b = end.appendJSON(o.b, 3)
			}
		}
		o.key("text")
		o.b = append(o.b, '{')
		txt := jsonObject{b: o.b, depth: 3}
		if e.Summary != "" {
			txt.html("headline", e.Summary)
		}
		txt.key("text")
		txt.b = append(txt.b, '"')
		for _, f := range e.Flags {
			txt.b = append(txt.b, `\u003cp class=\"flag\"\u003e⚠ `...)
			txt.b = appendHTMLInJSON(txt.b, f)
			txt.b = append(txt.b, `\u003c/p\u003e`...)
		}
		txt.b = append(txt.b, `\u003cul\u003e`...)
		for _, ev := range e.Evidence {
			txt.b = append(txt.b, `\u003cli\u003e\u003cq\u003e`...)
			txt.b = appendHTMLInJSON(txt.b, ev.Text)
			txt.b = append(txt.b, `\u003c/q\u003e — \u003ca href=\"`...)
			// Pieces escaped one after the other escape as their
			// concatenation: each boundary has an ASCII byte beside it,
			// so no UTF-8 sequence spans two pieces.
			txt.b = appendHTMLInJSON(txt.b, articleURL(ev.Article.URL))
			txt.b = append(txt.b, '#')
			txt.b = appendHTMLInJSON(txt.b, ev.Anchor())
			txt.b = append(txt.b, `\"\u003e`...)
			if ev.Article.Outlet != "" {
				txt.b = appendHTMLInJSON(txt.b, ev.Article.Outlet)
				txt.b = append(txt.b, ": "...)
			}
			txt.b = appendHTMLInJSON(txt.b, ev.Article.Title)
			txt.b = append(txt.b, `\u003c/a\u003e\u003c/li\u003e`...)
		}
		txt.b = append(txt.b, `\u003c/ul\u003e"`...)
		o.b = txt.end()
		if e.Venue != "" {
			o.html("group", e.Venue)
		}
		if l := e.Label(); l != "" {
			o.str("display_date", l)
		}
		o.key("unique_id")
		o.b = append(o.b, `"event-`...)
		o.b = strconv.AppendInt(o.b, int64(i+1), 10)
		o.b = append(o.b, '"')
		b = o.end()
	}
	if n > 0 {
		b = append(b, "\n ]"...)
	} else {
		b = append(b, ']')
	}
	return append(b, "\n}"...), nil
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

// html writes html.EscapeString(v) as a JSON string.
func (o *jsonObject) html(k, v string) {
	o.key(k)
	o.b = append(o.b, '"')
	o.b = appendHTMLInJSON(o.b, v)
	o.b = append(o.b, '"')
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

// appendHTMLInJSON appends html.EscapeString(s) as the inside of a JSON
// string (see appendJSONString): the five characters HTML escapes become
// their entities, whose & JSON escapes in turn.
func appendHTMLInJSON(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); i++ {
		var esc string
		switch s[i] {
		case '<':
			esc = `\u0026lt;`
		case '>':
			esc = `\u0026gt;`
		case '&':
			esc = `\u0026amp;`
		case '\'':
			esc = `\u0026#39;`
		case '"':
			esc = `\u0026#34;`
		default:
			continue
		}
		b = appendJSONChars(b, s[start:i])
		b = append(b, esc...)
		start = i + 1
	}
	return appendJSONChars(b, s[start:])
}

// appendJSONString appends s as a JSON string the way encoding/json does
// with HTML escaping: <, > and & as \u003c..., control characters, U+2028
// and U+2029 escaped, invalid UTF-8 as \ufffd.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	b = appendJSONChars(b, s)
	return append(b, '"')
}

// appendJSONChars appends the inside of appendJSONString's string.
func appendJSONChars(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
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
	return append(b, s[start:]...)
}

// tjsDateOfKey converts a TIMEX3 value to a TimelineJS date at the same
// precision, given its SortKey ("YYYY-MM-DD..." with 00 for unknown
// month/day); false for values TimelineJS cannot place.
func tjsDateOfKey(v, key string) (tjsDate, bool) {
	if v == "" || len(key) < 10 || key[0] == '~' {
		return tjsDate{}, false
	}
	d := tjsDate{Year: mustAtoi(key[:4]), Month: mustAtoi(key[5:7]), Day: mustAtoi(key[8:10])}
	if d.Year == 0 && key[:4] != "0000" {
		return tjsDate{}, false
	}
	if _, tod, ok := strings.Cut(v, "T"); ok {
		if hh, mm, ok := strings.Cut(tod, ":"); ok && digits(hh) && len(mm) >= 2 && digits(mm[:2]) {
			d.Hour, d.Minute = mustAtoi(hh), mustAtoi(mm[:2])
		}
	}
	return d, true
}
