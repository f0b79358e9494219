package source

import (
	"bytes"
	"fmt"
	"net/url"
	"path"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/config"
	"briefgen/generator/doc"
)

// ParseArticle parses one article file's bytes. The format follows the
// path's extension: ".md" and ".markdown" are Markdown with optional YAML
// (---) or TOML (+++) front matter; ".txt" is plain text whose first
// non-empty line is the title. Any other extension is read as Markdown when
// the data opens with front matter, else as text.
//
// The returned Article's Doc.Text is data itself (front matter and any
// UTF-8 byte order mark included); all spans are offsets into it. Briefing
// is left empty: Load fills it in from the article's folder. ParseArticle
// applies no size limit; Load does.
//
// Errors are *Error with File set to path and the line of the problem.
func ParseArticle(path string, data []byte) (*Article, error) {
	a, err := parseArticle(path, path, data)
	if err != nil {
		return nil, err
	}
	finishTitle(a, path)
	return a, nil
}

// finishTitle gives an article without a title one made from its file
// name, with a warning.
func finishTitle(a *Article, file string) {
	if a.Title == "" {
		a.Title = humanize(strings.TrimSuffix(path.Base(a.Path), path.Ext(a.Path)))
		a.Warnings = append(a.Warnings, file+": no title; using the file name")
	}
}

// parseArticle parses data read from rel (slash path), reporting errors
// against file.
func parseArticle(file, rel string, data []byte) (*Article, error) {
	if err := checkUTF8(file, data); err != nil {
		return nil, err
	}
	a := &Article{Path: rel, Format: formatOf(rel, data)}
	start := bomLen(data)
	var fm *config.Map
	var fmFormat config.Format
	if a.Format == Markdown {
		var err error
		var body int
		var bodyLine int
		fm, fmFormat, body, bodyLine, err = splitFrontMatter(file, data, start)
		if err != nil {
			return nil, err
		}
		a.Body = doc.Span{Start: body, End: len(data)}
		a.BodyLine = bodyLine
	} else {
		a.Body = doc.Span{Start: start, End: len(data)}
		a.BodyLine = 1
	}
	d := &doc.Doc{Text: data}
	a.Doc = d

	// The title: the front matter's, or the text's first line.
	if fm == nil {
		title, next, nextLine, ok := firstLine(data, a.Body.Start)
		if ok && a.Format == Markdown {
			// A Markdown file without front matter takes its title from
			// a leading "# heading".
			t := data[title.Start:title.End]
			if bytes.HasPrefix(t, []byte("# ")) {
				title.Start += 2
				for title.Start < title.End && (data[title.Start] == ' ' || data[title.Start] == '\t') {
					title.Start++
				}
			} else {
				ok = false
			}
		}
		if ok {
			d.Title = title
			a.Title = string(data[title.Start:title.End])
			a.BodyLine += nextLine
			a.Body.Start = next
		}
	}
	a.Slug = slugify(strings.TrimSuffix(path.Base(rel), path.Ext(rel)))
	if fm != nil {
		if err := applyFields(a, fm, file, data, fmFormat, true); err != nil {
			return nil, err
		}
	}
	if a.Slug == "" {
		return nil, &Error{File: file, Msg: "cannot make a URL slug from the file name; set slug in the front matter"}
	}
	d.Paragraphs = doc.SplitParagraphs(data, a.Body.Start, a.Body.End)
	d.Published = a.Date
	return a, nil
}

// formatOf picks the format from the extension, sniffing unknown ones.
func formatOf(rel string, data []byte) Format {
	switch strings.ToLower(path.Ext(rel)) {
	case ".md", ".markdown":
		return Markdown
	case ".txt":
		return Text
	}
	line := firstLineBytes(data[bomLen(data):])
	if string(line) == "---" || string(line) == "+++" {
		return Markdown
	}
	return Text
}

func bomLen(data []byte) int {
	if bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		return 3
	}
	return 0
}

// firstLineBytes returns the first line of data without its line ending and
// trailing blanks.
func firstLineBytes(data []byte) []byte {
	if i := bytes.IndexByte(data, '\n'); i >= 0 {
		data = data[:i]
	}
	return bytes.TrimRight(data, " \t\r")
}

// splitFrontMatter finds front matter opening at data[start:], decodes it,
// and returns where the body starts (offset and 1-based line). Without
// front matter it returns a nil map and the body at start, line 1.
func splitFrontMatter(file string, data []byte, start int) (*config.Map, config.Format, int, int, error) {
	open := string(firstLineBytes(data[start:]))
	var format config.Format
	switch open {
	case "---":
		format = config.YAML
	case "+++":
		format = config.TOML
	default:
		return nil, 0, start, 1, nil
	}
	// Scan lines after the opening one for the closing delimiter.
	i := start + bytes.IndexByte(data[start:], '\n')
	if i < start {
		return nil, 0, 0, 0, &Error{File: file, Line: 1, Msg: "front matter opened with " + open + " is not closed"}
	}
	i++
	fmStart := i
	line := 2
	for i <= len(data) {
		j := bytes.IndexByte(data[i:], '\n')
		end, next := len(data), len(data)
		if j >= 0 {
			end, next = i+j, i+j+1
		}
		l := string(bytes.TrimRight(data[i:end], " \t\r"))
		if l == open || (format == config.YAML && l == "...") {
			m, err := config.Decode(file, format, data[fmStart:i], 2)
			if err != nil {
				return nil, 0, 0, 0, err
			}
			return m, format, next, line + 1, nil
		}
		if j < 0 {
			break
		}
		i = next
		line++
	}
	return nil, 0, 0, 0, &Error{File: file, Line: 1, Msg: "front matter opened with " + open + " is not closed (no closing " + open + " line)"}
}

// firstLine finds the first non-empty line at or after off: its trimmed
// span, the offset of the line after it, and how many lines that is past
// off's line.
func firstLine(data []byte, off int) (title doc.Span, next, lines int, ok bool) {
	for i := off; i < len(data); {
		j := bytes.IndexByte(data[i:], '\n')
		end, nxt := len(data), len(data)
		if j >= 0 {
			end, nxt = i+j, i+j+1
		}
		s, e := i, end
		for s < e && isBlank(data[s]) {
			s++
		}
		for e > s && isBlank(data[e-1]) {
			e--
		}
		lines++
		if s < e {
			return doc.Span{Start: s, End: e}, nxt, lines, true
		}
		i = nxt
	}
	return doc.Span{}, off, 0, false
}

func isBlank(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v' }

// checkUTF8 reports the line of the first invalid UTF-8 sequence.
func checkUTF8(file string, data []byte) error {
	if utf8.Valid(data) {
		return nil
	}
	i := 0
	for i < len(data) {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		i += n
	}
	line := 1 + bytes.Count(data[:i], []byte("\n"))
	col := i - (bytes.LastIndexByte(data[:i], '\n') + 1) + 1
	return &Error{File: file, Line: line, Msg: fmt.Sprintf("invalid UTF-8 (byte 0x%02X at column %d); save the file as UTF-8", data[i], col)}
}

// applyFields sets the article's fields from front matter or a sidecar.
// inText says the mapping is part of data, so the title's span can be
// found.
func applyFields(a *Article, m *config.Map, file string, data []byte, format config.Format, inText bool) error {
	for _, key := range m.Keys {
		v := m.Values[key]
		line := m.Lines[key]
		bad := func(format string, args ...any) error {
			return &Error{File: file, Line: line, Msg: key + ": " + fmt.Sprintf(format, args...)}
		}
		switch strings.ToLower(key) {
		case "title":
			s, ok := scalarString(v)
			if !ok {
				return bad("want text, got %s", config.Describe(v))
			}
			a.Title = strings.TrimSpace(s)
			if inText {
				a.Doc.Title = valueSpan(data, line, s, format)
			} else {
				a.Doc.Title = doc.Span{}
			}
		case "date":
			t, err := config.ParseDate(v)
			if err != nil {
				return bad("%v", err)
			}
			a.Date = t
		case "source", "author":
			s, ok := scalarString(v)
			if !ok {
				return bad("want text, got %s", config.Describe(v))
			}
			if strings.ToLower(key) == "source" {
				a.Source = strings.TrimSpace(s)
			} else {
				a.Author = strings.TrimSpace(s)
			}
		case "url":
			s, ok := v.(string)
			if !ok {
				return bad("want an address, got %s", config.Describe(v))
			}
			s = strings.TrimSpace(s)
			if s != "" {
				u, err := url.Parse(s)
				if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
					return bad("%q is not an http or https address", s)
				}
			}
			a.URL = s
		case "tags":
			tags, ok := stringList(v)
			if !ok {
				return bad("want a list of words, got %s", config.Describe(v))
			}
			a.Tags = tags
		case "draft":
			b, ok := v.(bool)
			if !ok {
				return bad("want true or false, got %s", config.Describe(v))
			}
			a.Draft = b
		case "slug":
			s, ok := scalarString(v)
			if !ok {
				return bad("want text, got %s", config.Describe(v))
			}
			if err := CheckSlug(s); err != nil {
				return bad("%v", err)
			}
			a.Slug = s
			a.slugSet = true
		default:
			if a.Params == nil {
				a.Params = map[string]any{}
			}
			a.Params[key] = v
		}
	}
	return nil
}

// valueSpan finds the bytes of value on file line `line` after the key's
// separator, when the value is written there verbatim.
func valueSpan(data []byte, line int, value string, format config.Format) doc.Span {
	if strings.TrimSpace(value) == "" || line < 1 {
		return doc.Span{}
	}
	s := 0
	for l := 1; l < line; l++ {
		j := bytes.IndexByte(data[s:], '\n')
		if j < 0 {
			return doc.Span{}
		}
		s += j + 1
	}
	e := len(data)
	if j := bytes.IndexByte(data[s:], '\n'); j >= 0 {
		e = s + j
	}
	sep := byte(':')
	if format == config.TOML {
		sep = '='
	}
	k := bytes.IndexByte(data[s:e], sep)
	if k < 0 {
		return doc.Span{}
	}
	s += k + 1
	value = strings.TrimSpace(value)
	i := bytes.Index(data[s:e], []byte(value))
	if i < 0 {
		return doc.Span{}
	}
	return doc.Span{Start: s + i, End: s + i + len(value)}
}

// scalarString accepts a string, or a number or date written unquoted.
func scalarString(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case int, int64, uint64, float64:
		return fmt.Sprint(v), true
	case time.Time:
		return v.Format(time.RFC3339), true
	}
	return "", false
}

// stringList accepts a list of scalars or a single string; it trims,
// drops empty entries and duplicates, keeping the order.
func stringList(v any) ([]string, bool) {
	var raw []string
	switch v := v.(type) {
	case nil:
		return nil, true
	case string:
		raw = []string{v}
	case []any:
		for _, x := range v {
			s, ok := scalarString(x)
			if !ok {
				return nil, false
			}
			raw = append(raw, s)
		}
	case []string:
		raw = v
	default:
		return nil, false
	}
	var out []string
	seen := map[string]bool{}
	for _, s := range raw {
		s = strings.TrimSpace(s)
		if s == "" || seen[s] {
			continue
		}
		seen[s] = true
		out = append(out, s)
	}
	return out, true
}

// CheckSlug reports why s cannot be used as a URL segment: it must be
// non-empty, must not start with "." or contain "..", path separators,
// NUL or a drive letter, and may hold only letters, digits and "-", "_",
// ".", "~".
func CheckSlug(s string) error {
	switch {
	case s == "":
		return fmt.Errorf("slug is empty")
	case strings.ContainsAny(s, "/\\"):
		return fmt.Errorf("slug %q contains a path separator; it would escape its folder", s)
	case strings.Contains(s, ".."):
		return fmt.Errorf("slug %q contains \"..\"; it would escape the destination", s)
	case strings.IndexByte(s, 0) >= 0:
		return fmt.Errorf("slug %q contains a NUL byte", s)
	case len(s) >= 2 && s[1] == ':' && (s[0]|0x20) >= 'a' && (s[0]|0x20) <= 'z':
		return fmt.Errorf("slug %q starts with a drive letter", s)
	case s[0] == '.':
		return fmt.Errorf("slug %q starts with \".\" (a hidden folder)", s)
	case !utf8.ValidString(s):
		return fmt.Errorf("slug %q is not valid UTF-8", s)
	}
	for _, r := range s {
		if !slugRune(r) {
			return fmt.Errorf("slug %q: %q is not URL-safe (use letters, digits, \"-\", \"_\", \".\", \"~\")", s, r)
		}
	}
	return nil
}

func slugRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '_' || r == '.' || r == '~'
}

// slugify makes a URL slug from a file or folder name: lower case, letters
// and digits kept, runs of anything else turned into one "-".
func slugify(name string) string {
	var b strings.Builder
	dash := false
	for _, r := range name {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(unicode.ToLower(r))
		case r == '_' && b.Len() > 0 && !dash:
			b.WriteByte('_')
		default:
			dash = true
		}
	}
	return strings.Trim(b.String(), "_")
}

// humanize turns a file name into a title: "troops-to-russia" becomes
// "Troops to russia".
func humanize(name string) string {
	s := strings.Join(strings.FieldsFunc(name, func(r rune) bool { return r == '-' || r == '_' || unicode.IsSpace(r) }), " ")
	if s == "" {
		return name
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Slugify makes a URL slug from a file or folder name the way Load does:
// lower case, letters and digits kept, runs of anything else turned into
// one "-". It returns "" when nothing usable is left.
func Slugify(name string) string { return slugify(name) }

// Humanize makes a title from a file name the way Load does for an
// article without one: "troops-to-russia" becomes "Troops to russia".
func Humanize(name string) string { return humanize(name) }
