// Escapers that behave byte for byte like html/template's, called directly.

package tmplexec

import (
	"fmt"
	"html/template"
	"reflect"
	"strings"
	"unicode/utf8"
)

// escaper is one of html/template's escaping functions, by the name
// html/template gives it in escaped templates.
type escaper struct {
	// any escapes like html/template's function: args are the
	// pipeline's values (usually one), of any type.
	any func(args ...any) string
	// str is the same for a single argument of type string exactly
	// (not a named string type): no boxing. Returns s itself when
	// nothing needs escaping (no allocation).
	str func(s string) string
	// keepsHTML says the escaper returns a template.HTML value as it
	// is (html/template's HTML text escaper).
	keepsHTML bool
}

// escaperNamed returns the escaper html/template calls name, and
// false for a name it does not reproduce.
func escaperNamed(name string) (escaper, bool) {
	e, ok := escaperTable[name]
	return e, ok
}

var escaperTable = map[string]escaper{
	"_html_template_htmlescaper":    {htmlEscaper, htmlTable.escape, true},
	"_html_template_attrescaper":    {attrEscaper, htmlTable.escape, false},
	"_html_template_rcdataescaper":  {rcdataEscaper, htmlTable.escape, false},
	"_html_template_nospaceescaper": {nospaceEscaper, nospaceEscapeString, false},
	"_html_template_urlfilter":      {urlFilter, urlFilterString, false},
	"_html_template_urlnormalizer":  {urlNormalizer, urlNormalizeString, false},
	"_html_template_urlescaper":     {urlEscaper, urlEscapeString, false},
	"_html_template_commentescaper": {commentEscaper, commentEscapeString, false},
	"_html_template_htmlnamefilter": {htmlNameFilter, htmlNameFilterString, false},
	"_eval_args_":                   {evalArgs, evalArgsString, false},
}

// escFailsafe replaces a value html/template judges unsafe in its position.
const escFailsafe = "ZgotmplZ"

// valueType is the kind of content a value declares by its type.
type valueType uint8

const (
	ctPlain valueType = iota
	ctCSS
	ctHTML
	ctHTMLAttr
	ctJS
	ctJSStr
	ctURL
	ctSrcset
)

var (
	escStringerType = reflect.TypeFor[fmt.Stringer]()
	escErrorType    = reflect.TypeFor[error]()
)

// escDeref follows pointers from a down to a non-pointer or a nil pointer.
func escDeref(a any) any {
	if a == nil || reflect.TypeOf(a).Kind() != reflect.Pointer {
		return a
	}
	v := reflect.ValueOf(a)
	for v.Kind() == reflect.Pointer && !v.IsNil() {
		v = v.Elem()
	}
	return v.Interface()
}

// escDerefToStringer is escDeref that stops at a value implementing
// fmt.Stringer or error, so that fmt uses its method.
func escDerefToStringer(a any) any {
	if a == nil {
		return nil
	}
	v := reflect.ValueOf(a)
	for {
		t := v.Type()
		if t.Implements(escStringerType) || t.Implements(escErrorType) || v.Kind() != reflect.Pointer || v.IsNil() {
			return v.Interface()
		}
		v = v.Elem()
	}
}

// escStringify turns a pipeline's values into text and the content type
// that a single value of one of html/template's content types declares.
func escStringify(args []any) (string, valueType) {
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			return s, ctPlain
		}
		switch s := escDeref(args[0]).(type) {
		case string:
			return s, ctPlain
		case template.CSS:
			return string(s), ctCSS
		case template.HTML:
			return string(s), ctHTML
		case template.HTMLAttr:
			return string(s), ctHTMLAttr
		case template.JS:
			return string(s), ctJS
		case template.JSStr:
			return string(s), ctJSStr
		case template.URL:
			return string(s), ctURL
		case template.Srcset:
			return string(s), ctSrcset
		}
	}
	vals := make([]any, 0, len(args))
	for _, a := range args {
		if a == nil {
			// An untyped nil prints nothing, not "<nil>".
			continue
		}
		vals = append(vals, escDerefToStringer(a))
	}
	return fmt.Sprint(vals...), ctPlain
}

func htmlEscaper(args ...any) string {
	s, t := escStringify(args)
	if t == ctHTML {
		return s
	}
	return htmlTable.escape(s)
}

func attrEscaper(args ...any) string {
	s, t := escStringify(args)
	if t == ctHTML {
		return htmlNormTable.escape(stripTags(s))
	}
	return htmlTable.escape(s)
}

func rcdataEscaper(args ...any) string {
	s, t := escStringify(args)
	if t == ctHTML {
		return htmlNormTable.escape(s)
	}
	return htmlTable.escape(s)
}

func nospaceEscaper(args ...any) string {
	s, t := escStringify(args)
	if s == "" {
		return escFailsafe
	}
	if t == ctHTML {
		return nospaceNormTable.escape(stripTags(s))
	}
	return nospaceTable.escape(s)
}

func nospaceEscapeString(s string) string {
	if s == "" {
		return escFailsafe
	}
	return nospaceTable.escape(s)
}

func commentEscaper(args ...any) string { return "" }

func commentEscapeString(s string) string { return "" }

func evalArgs(args ...any) string {
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			return s
		}
	}
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = escDerefToStringer(a)
	}
	return fmt.Sprint(vals...)
}

func evalArgsString(s string) string { return s }

// replTable says what replaces each ASCII byte (empty: kept), and
// whether the noncharacters U+FDD0..U+FDEF and U+FFF0..U+FFFF (which
// include U+FFFD, so every invalid UTF-8 byte) become hex references.
type replTable struct {
	ascii [utf8.RuneSelf]string
	// class is byteKeep for bytes kept as they are, byteRepl for ASCII
	// bytes with a replacement, byteRune for bytes that start a rune
	// to decode and check (non-ASCII bytes when hex references are on).
	class [256]uint8
}

const (
	byteKeep = iota
	byteRepl
	byteRune
)

func newReplTable(hexBad bool, pairs ...string) *replTable {
	t := new(replTable)
	for i := 0; i < len(pairs); i += 2 {
		t.ascii[pairs[i][0]] = pairs[i+1]
		t.class[pairs[i][0]] = byteRepl
	}
	if hexBad {
		for c := utf8.RuneSelf; c < 256; c++ {
			t.class[c] = byteRune
		}
	}
	return t
}

var (
	// htmlTable is for text and quoted attribute values.
	htmlTable = newReplTable(false,
		"\x00", "\uFFFD", `"`, "&#34;", "&", "&amp;", "'", "&#39;",
		"+", "&#43;", "<", "&lt;", ">", "&gt;")
	// htmlNormTable is htmlTable keeping '&', for text that is
	// already HTML.
	htmlNormTable = newReplTable(false,
		"\x00", "\uFFFD", `"`, "&#34;", "'", "&#39;",
		"+", "&#43;", "<", "&lt;", ">", "&gt;")
	// nospaceTable is for unquoted attribute values.
	nospaceTable = newReplTable(true,
		"\x00", "&#xfffd;", "\t", "&#9;", "\n", "&#10;", "\v", "&#11;",
		"\f", "&#12;", "\r", "&#13;", " ", "&#32;", `"`, "&#34;",
		"&", "&amp;", "'", "&#39;", "+", "&#43;", "<", "&lt;",
		"=", "&#61;", ">", "&gt;", "`", "&#96;")
	// nospaceNormTable is nospaceTable keeping '&'.
	nospaceNormTable = newReplTable(true,
		"\x00", "&#xfffd;", "\t", "&#9;", "\n", "&#10;", "\v", "&#11;",
		"\f", "&#12;", "\r", "&#13;", " ", "&#32;", `"`, "&#34;",
		"'", "&#39;", "+", "&#43;", "<", "&lt;",
		"=", "&#61;", ">", "&gt;", "`", "&#96;")
)

// isBadRune reports whether r is written as a hex reference when the
// table's hexBad is set.
func isBadRune(r rune) bool {
	return 0xfdd0 <= r && r <= 0xfdef || 0xfff0 <= r && r <= 0xffff
}

// badRuneRefLen is the length of "&#xhhhh;", the reference for a bad rune.
const badRuneRefLen = 8

// escape returns s with its bytes and runes replaced by the table, and
// s itself when nothing is replaced. It scans s once to size the
// result, then builds it in one allocation.
func (t *replTable) escape(s string) string {
	first, grow := -1, 0
	for i := 0; i < len(s); {
		switch t.class[s[i]] {
		case byteKeep:
			i++
			continue
		case byteRepl:
			if first < 0 {
				first = i
			}
			grow += len(t.ascii[s[i]]) - 1
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isBadRune(r) {
			if first < 0 {
				first = i
			}
			grow += badRuneRefLen - w
		}
		i += w
	}
	if first < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + grow)
	b.WriteString(s[:first])
	written := first
	for i := first; i < len(s); {
		switch t.class[s[i]] {
		case byteKeep:
			i++
			continue
		case byteRepl:
			b.WriteString(s[written:i])
			b.WriteString(t.ascii[s[i]])
			i++
			written = i
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if isBadRune(r) {
			b.WriteString(s[written:i])
			const hex = "0123456789abcdef"
			b.WriteString("&#x")
			b.WriteByte(hex[r>>12&0xf])
			b.WriteByte(hex[r>>8&0xf])
			b.WriteByte(hex[r>>4&0xf])
			b.WriteByte(hex[r&0xf])
			b.WriteByte(';')
			written = i + w
		}
		i += w
	}
	b.WriteString(s[written:])
	return b.String()
}

func urlFilter(args ...any) string {
	s, t := escStringify(args)
	if t == ctURL {
		return s
	}
	return urlFilterString(s)
}

// urlFilterString defangs a URL whose scheme is not http, https or
// mailto (compared with Unicode case folding, as html/template does).
func urlFilterString(s string) string {
	if !isSafeURL(s) {
		return "#" + escFailsafe
	}
	return s
}

func isSafeURL(s string) bool {
	i := strings.IndexByte(s, ':')
	if i < 0 {
		return true
	}
	scheme := s[:i]
	if strings.IndexByte(scheme, '/') >= 0 {
		return true
	}
	return strings.EqualFold(scheme, "http") || strings.EqualFold(scheme, "https") ||
		strings.EqualFold(scheme, "mailto")
}

func urlNormalizer(args ...any) string {
	s, _ := escStringify(args)
	return processURL(s, true)
}

func urlEscaper(args ...any) string {
	s, t := escStringify(args)
	return processURL(s, t == ctURL)
}

func urlNormalizeString(s string) string { return processURL(s, true) }

func urlEscapeString(s string) string { return processURL(s, false) }

// urlKeepEscape and urlKeepNorm are the bytes processURL keeps when
// escaping (unreserved: letters, digits, "-._~") and when normalising
// (also the reserved "!#$&*+,/:;=?@[]"); '%' is kept when normalising
// only if a valid %XX escape starts there.
var urlKeepEscape, urlKeepNorm = func() (esc, norm [256]bool) {
	for c := '0'; c <= '9'; c++ {
		esc[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		esc[c] = true
		esc[c-'a'+'A'] = true
	}
	for _, c := range []byte("-._~") {
		esc[c] = true
	}
	norm = esc
	for _, c := range []byte("!#$&*+,/:;=?@[]") {
		norm[c] = true
	}
	return esc, norm
}()

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// validEscapeAt reports whether a %XX escape with two more bytes after
// it starts at s[i].
func validEscapeAt(s string, i int) bool {
	return i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2])
}

// processURL percent-encodes (lower-case hex) the bytes of s that are not
// unreserved; when norm is set it keeps reserved characters and valid
// %XX escapes. It returns s itself when nothing changes.
func processURL(s string, norm bool) string {
	keep := &urlKeepEscape
	if norm {
		keep = &urlKeepNorm
	}
	first, n := -1, 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if keep[c] || c == '%' && norm && validEscapeAt(s, i) {
			continue
		}
		if first < 0 {
			first = i
		}
		n++
	}
	if first < 0 {
		return s
	}
	const hex = "0123456789abcdef"
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	b.WriteString(s[:first])
	written := first
	for i := first; i < len(s); i++ {
		c := s[i]
		if keep[c] || c == '%' && norm && validEscapeAt(s, i) {
			continue
		}
		b.WriteString(s[written:i])
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xf])
		written = i + 1
	}
	b.WriteString(s[written:])
	return b.String()
}

func htmlNameFilter(args ...any) string {
	s, t := escStringify(args)
	if t == ctHTMLAttr {
		return s
	}
	return htmlNameFilterString(s)
}

// htmlNameFilterString accepts an attribute name of ASCII letters and
// digits (after Unicode lower-casing) whose value html/template would
// treat as plain text, and fails safe for anything else.
func htmlNameFilterString(s string) string {
	if s == "" {
		return escFailsafe
	}
	s = strings.ToLower(s)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z') {
			return escFailsafe
		}
	}
	if unsafe, known := knownAttrs[s]; known {
		if unsafe {
			return escFailsafe
		}
		return s
	}
	// Unknown names that look like event handlers or URLs.
	if strings.HasPrefix(s, "on") ||
		strings.Contains(s, "src") || strings.Contains(s, "uri") || strings.Contains(s, "url") {
		return escFailsafe
	}
	return s
}

// knownAttrs says for attribute names of letters and digits whether
// html/template treats their values as anything but plain text (URLs,
// script, style, HTML or otherwise unsafe content). Names that the
// on*, *src*, *uri* and *url* rules catch are left out, except for the
// plain attribute that html/template exempts from them.
var knownAttrs = func() map[string]bool {
	m := map[string]bool{"srclang": false}
	for _, n := range strings.Fields(`action archive async background cite
		challenge charset classid codebase content crossorigin data defer
		enctype form formaction formenctype formmethod formnovalidate href
		icon keytype language longdesc manifest method novalidate pattern
		poster profile rel sandbox style type usemap value xmlns`) {
		m[n] = true
	}
	return m
}()

// Tokenizer states of stripTags: the subset of html/template's contexts
// that stripTags can reach outside attribute values.
type stripState uint8

const (
	stText        stripState = iota
	stTag                    // after a tag name or an attribute
	stAttrName               // in an attribute name at the end of input
	stAfterName              // after an attribute name
	stBeforeValue            // after '='
	stComment                // in <!-- ... -->
	stRCDATA                 // in <title> or <textarea>
	stRaw                    // in <script> or <style>
	stValue                  // in an attribute value (stripDelim is set)
	stError                  // html/template gave up on the markup
)

// Elements whose content is special.
type stripElem uint8

const (
	elNone stripElem = iota
	elScript
	elStyle
	elTextarea
	elTitle
	elMeta
)

type stripDelim uint8

const (
	dlNone stripDelim = iota
	dlDouble
	dlSingle
	dlSpace // unquoted: ends at white space or '>'
)

type stripCtx struct {
	state      stripState
	el         stripElem
	stripDelim stripDelim
}

// stripTags returns the text of an HTML snippet without its tags and
// comments, the way html/template does before escaping HTML content
// into an attribute value (including its quirks: text inside <script>
// and <style> is dropped, and input that has no tag comes back as is).
func stripTags(html string) string {
	var b strings.Builder
	s := html
	c, i, allText := stripCtx{}, 0, true
	for i != len(s) {
		if c.stripDelim == dlNone {
			d, n := stripStep(c, s[i:])
			i1 := i + n
			if c.state == stText || c.state == stRCDATA {
				j := i1
				if d.state != c.state {
					if k := strings.LastIndexByte(s[i:j], '<'); k >= 0 {
						j = i + k
					}
				}
				b.WriteString(s[i:j])
			} else {
				allText = false
			}
			c, i = d, i1
			continue
		}
		var k int
		switch c.stripDelim {
		case dlDouble:
			k = strings.IndexByte(s[i:], '"')
		case dlSingle:
			k = strings.IndexByte(s[i:], '\'')
		default:
			k = strings.IndexAny(s[i:], " \t\n\f\r>")
		}
		if k < 0 {
			break
		}
		i1 := i + k
		if c.stripDelim != dlSpace {
			i1++ // the closing quote
		}
		c, i = stripCtx{state: stTag, el: c.el}, i1
	}
	if allText {
		return html
	}
	if c.state == stText || c.state == stRCDATA {
		b.WriteString(s[i:])
	}
	return b.String()
}

// stripStep is one transition of stripTags outside attribute values:
// the context after the start of s and how many bytes it consumed.
func stripStep(c stripCtx, s string) (stripCtx, int) {
	if c.el != elNone && (c.state == stRCDATA || c.state == stRaw) {
		if i := indexEndTag(s, c.el); i >= 0 {
			return stripCtx{}, i
		}
		return c, len(s)
	}
	switch c.state {
	case stText:
		return stepText(c, s)
	case stTag:
		return stepTag(c, s)
	case stAttrName:
		i, ok := attrNameEnd(s, 0)
		if !ok {
			return stripCtx{state: stError}, len(s)
		}
		if i != len(s) {
			c.state = stAfterName
		}
		return c, i
	case stAfterName:
		i := skipSpace(s, 0)
		if i == len(s) {
			return c, len(s)
		}
		if s[i] != '=' {
			c.state = stTag
			return c, i
		}
		c.state = stBeforeValue
		return c, i + 1
	case stBeforeValue:
		i := skipSpace(s, 0)
		if i == len(s) {
			return c, len(s)
		}
		c.stripDelim = dlSpace
		switch s[i] {
		case '\'':
			c.stripDelim, i = dlSingle, i+1
		case '"':
			c.stripDelim, i = dlDouble, i+1
		}
		c.state = stValue
		return c, i
	case stComment:
		if i := strings.Index(s, "-->"); i >= 0 {
			return stripCtx{}, i + 3
		}
		return c, len(s)
	}
	return c, len(s) // stError, and stRCDATA/stRaw without stripElem
}

func stepText(c stripCtx, s string) (stripCtx, int) {
	k := 0
	for {
		i := strings.IndexByte(s[k:], '<')
		if i < 0 {
			return c, len(s)
		}
		i += k
		if i+1 == len(s) {
			return c, len(s)
		}
		if strings.HasPrefix(s[i:], "<!--") {
			return stripCtx{state: stComment}, i + 4
		}
		i++
		end := false
		if s[i] == '/' {
			if i+1 == len(s) {
				return c, len(s)
			}
			end, i = true, i+1
		}
		j, el := tagName(s, i)
		if j != i {
			if end {
				el = elNone
			}
			return stripCtx{state: stTag, el: el}, j
		}
		k = j
	}
}

func stepTag(c stripCtx, s string) (stripCtx, int) {
	i := skipSpace(s, 0)
	if i == len(s) {
		return c, len(s)
	}
	if s[i] == '>' {
		switch c.el {
		case elScript, elStyle:
			return stripCtx{state: stRaw, el: c.el}, i + 1
		case elTextarea, elTitle:
			return stripCtx{state: stRCDATA, el: c.el}, i + 1
		}
		return stripCtx{}, i + 1
	}
	j, ok := attrNameEnd(s, i)
	if !ok || j == i {
		return stripCtx{state: stError}, len(s)
	}
	c.state = stAfterName
	if j == len(s) {
		c.state = stAttrName
	}
	return c, j
}

// attrNameEnd returns where the attribute name starting at s[i] ends,
// and false if it holds a quote or '<'.
func attrNameEnd(s string, i int) (int, bool) {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case ' ', '\t', '\n', '\f', '\r', '=', '>':
			return j, true
		case '\'', '"', '<':
			return -1, false
		}
	}
	return len(s), true
}

func skipSpace(s string, i int) int {
	for j := i; j < len(s); j++ {
		switch s[j] {
		case ' ', '\t', '\n', '\f', '\r':
		default:
			return j
		}
	}
	return len(s)
}

func isASCIIAlpha(c byte) bool { return 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' }

func isASCIIAlnum(c byte) bool { return isASCIIAlpha(c) || '0' <= c && c <= '9' }

// tagName returns where the tag name starting at s[i] ends (i if there is
// none) and the special stripElem it names.
func tagName(s string, i int) (int, stripElem) {
	if i == len(s) || !isASCIIAlpha(s[i]) {
		return i, elNone
	}
	j := i + 1
	for j < len(s) {
		x := s[j]
		if isASCIIAlnum(x) {
			j++
			continue
		}
		// "x-y" and "x:y", not "x-", or "x--y".
		if (x == ':' || x == '-') && j+1 < len(s) && isASCIIAlnum(s[j+1]) {
			j += 2
			continue
		}
		break
	}
	name := s[i:j]
	for el, n := range elementNames {
		if n != "" && strings.EqualFold(name, n) {
			return j, stripElem(el)
		}
	}
	return j, elNone
}

var elementNames = [...]string{
	elScript:   "script",
	elStyle:    "style",
	elTextarea: "textarea",
	elTitle:    "title",
	elMeta:     "meta",
}

// indexEndTag returns where the end tag of el ("</name" followed by '>',
// a space or '/', name in any case) starts in s, or -1.
func indexEndTag(s string, el stripElem) int {
	name := elementNames[el]
	for off := 0; ; {
		i := strings.Index(s[off:], "</")
		if i < 0 {
			return -1
		}
		p := off + i + 2
		if len(s)-p >= len(name) && strings.EqualFold(s[p:p+len(name)], name) {
			q := p + len(name)
			if q < len(s) && strings.IndexByte("> \t\n\f/", s[q]) >= 0 {
				return off + i
			}
		}
		off = p
	}
}
