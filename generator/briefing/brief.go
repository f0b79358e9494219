package briefing

import (
	"bytes"
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
	"briefgen/generator/gazetteer"
	"briefgen/generator/timeline"
)

// BriefLimits bound the sections of the brief.
const (
	briefGroups   = 10 // timeline groups in key developments
	briefPerGroup = 2  // entries per group
	briefActors   = 12
	briefQuotes   = 6
)

// Brief writes the briefing as one Markdown document: title and summary,
// key developments (the timeline condensed by venue), the actors with
// their roles, notable quotations, and the sources. Every statement links
// to the sentence it comes from; link turns a site path into the URL to
// write (the renderer's URLs.Abs). Text taken from articles is escaped, so
// the document carries no live Markdown or HTML from them. The output
// depends only on the inputs.
func (x *Briefing) Brief(link func(string) string) []byte {
	var w bytes.Buffer
	w.Grow(8 << 10)
	b := x.Briefing
	title := b.Title
	if title == "" {
		title = b.Slug
	}
	w.WriteString("# " + EscapeMarkdown(title) + "\n\n")
	x.briefSummary(&w, link)
	x.briefDevelopments(&w, link)
	x.briefActors(&w, link)
	x.briefQuotes(&w, link)
	x.briefSources(&w, link)
	return w.Bytes()
}

func (x *Briefing) briefSummary(w *bytes.Buffer, link func(string) string) {
	if s := strings.TrimSpace(x.Briefing.Summary); s != "" {
		w.WriteString(EscapeMarkdown(s) + "\n\n")
		return
	}
	// The lead sentences of the newest article.
	for i := len(x.Articles) - 1; i >= 0; i-- {
		a := x.Articles[i]
		lead := leadSentences(a.Doc, x.facts(a).Sentences, a.Body, 2)
		if len(lead) == 0 {
			continue
		}
		for k, n := range lead {
			if k > 0 {
				w.WriteByte(' ')
			}
			src := Source{a, n.index}
			w.WriteString(EscapeMarkdown(n.text) + " " + mdLink("↗", link(src.URL())))
		}
		w.WriteString("\n\n")
		return
	}
}

type leadSentence struct {
	index int
	text  string
}

// leadSentences returns the first n sentences of the first body paragraph
// (not the title, not a caption).
func leadSentences(d *doc.Doc, sents []doc.Sentence, body doc.Span, n int) []leadSentence {
	var out []leadSentence
	para := -1
	for i, s := range sents {
		if s.Start < body.Start || s.Para < 0 || s.Para >= len(d.Paragraphs) {
			continue
		}
		p := d.Paragraphs[s.Para]
		if p.Kind != doc.Body || (d.Title.Len() > 0 && p.Span.Overlaps(d.Title)) {
			continue
		}
		if para >= 0 && s.Para != para {
			break
		}
		para = s.Para
		out = append(out, leadSentence{i, collapseSpan(d, s.Span)})
		if len(out) == n {
			break
		}
	}
	return out
}

func (x *Briefing) briefDevelopments(w *bytes.Buffer, link func(string) string) {
	tl := x.Timeline
	if tl == nil || len(tl.Groups) == 0 {
		return
	}
	type scored struct {
		score int
		order int // index in tl.Groups
	}
	score := make(map[*timeline.Entry]int, len(tl.Entries)) // entryScore, once per entry
	for _, e := range tl.Entries {
		score[e] = x.entryScore(e)
	}
	var gs []scored
	for i, g := range tl.Groups {
		s := 0
		for _, d := range g.Days {
			for _, e := range d.Entries {
				if !captionOnly(e) {
					s += max(score[e], 0)
				}
			}
		}
		if s == 0 {
			continue
		}
		if g.Venue != "" {
			s += 5
		}
		gs = append(gs, scored{s, i})
	}
	slices.SortStableFunc(gs, func(a, b scored) int {
		if c := cmp.Compare(b.score, a.score); c != 0 {
			return c
		}
		return cmp.Compare(a.order, b.order)
	})
	if len(gs) > briefGroups {
		gs = gs[:briefGroups]
	}
	slices.SortFunc(gs, func(a, b scored) int { return cmp.Compare(a.order, b.order) })
	w.WriteString("## Key developments\n\n")
	for _, s := range gs {
		g := tl.Groups[s.order]
		var entries []*timeline.Entry
		for _, d := range g.Days {
			for _, e := range d.Entries {
				if !captionOnly(e) || len(e.Flags) > 0 {
					entries = append(entries, e)
				}
			}
		}
		if len(entries) == 0 {
			continue
		}
		if len(entries) > briefPerGroup {
			pick := slices.Clone(entries)
			slices.SortStableFunc(pick, func(a, b *timeline.Entry) int { return cmp.Compare(score[b], score[a]) })
			pick = pick[:briefPerGroup]
			entries = slices.DeleteFunc(entries, func(e *timeline.Entry) bool { return !slices.Contains(pick, e) })
		}
		head := g.Label()
		if g.Venue != "" {
			head = g.Venue + ", " + head
		}
		w.WriteString("- **" + EscapeMarkdown(head) + ":**")
		for i, e := range entries {
			if i > 0 {
				w.WriteString(";")
			}
			w.WriteString(" " + EscapeMarkdown(strings.TrimRight(plainInline(e.Summary), ". ")))
			if g.Venue != "" && len(g.Days) > 1 {
				w.WriteString(" (" + EscapeMarkdown(e.Label()) + ")")
			}
			w.WriteString(" " + evidenceLinks(e.Evidence, link))
			if len(e.Flags) > 0 {
				w.WriteString(" ⚠ sources differ on the date")
			}
		}
		w.WriteString("\n")
	}
	w.WriteString("\n")
}

// entryScore says how well an entry states a development on its own:
// reported by several sources, with named participants, a summary of some
// length that is not mostly a quotation.
func (x *Briefing) entryScore(e *timeline.Entry) int {
	s := 2*len(e.Evidence) + x.eventActorCount(e)
	if !hasFields(e.Summary, 6) {
		s -= 4
	}
	// strings.ContainsAny(e.Summary, "\"“”"), without decoding every rune.
	if strings.IndexByte(e.Summary, '"') >= 0 || strings.Contains(e.Summary, "“") || strings.Contains(e.Summary, "”") {
		s -= 3
	}
	if captionOnly(e) {
		s -= 6
	}
	return s
}

// hasFields reports whether len(strings.Fields(s)) >= n.
func hasFields(s string, n int) bool {
	count, space := 0, true
	for _, r := range s {
		sp := r < utf8.RuneSelf && asciiSpace(byte(r)) || r >= utf8.RuneSelf && unicode.IsSpace(r)
		if !sp && space {
			if count++; count >= n {
				return true
			}
		}
		space = sp
	}
	return count >= n
}

func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r'
}

// plainInline drops the inline Markdown an article's own text may carry
// (emphasis marks, code ticks, link targets), so the brief shows the words.
func plainInline(s string) string {
	if !strings.ContainsAny(s, "*`[_") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '*', '`':
			continue
		case '_':
			if (i == 0 || s[i-1] == ' ') || (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '.' || s[i+1] == ',') {
				continue
			}
		case ']':
			if i+1 < len(s) && s[i+1] == '(' {
				if j := strings.IndexByte(s[i:], ')'); j > 0 {
					i += j
				}
			}
			continue
		case '[':
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

// captionOnly reports whether only photo captions report an entry.
func captionOnly(e *timeline.Entry) bool {
	for _, ev := range e.Evidence {
		if !ev.Caption {
			return false
		}
	}
	return true
}

// evidenceLinks writes "([Outlet](url), [Outlet 2](url))" for up to three
// sources of an entry.
func evidenceLinks(ev []timeline.Evidence, link func(string) string) string {
	var parts []string
	for i, e := range ev {
		if i == 3 {
			parts = append(parts, "+"+strconv.Itoa(len(ev)-3))
			break
		}
		name := strings.TrimSpace(e.Article.Outlet)
		if name == "" {
			name = "source"
		}
		parts = append(parts, mdLink(EscapeMarkdown(name), link(e.Article.URL+"#"+e.Anchor())))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

func sourceLink(s Source, link func(string) string) string {
	name := strings.TrimSpace(s.Article.Source)
	if name == "" {
		name = "source"
	}
	if d := s.Article.Date; !d.IsZero() {
		name += ", " + d.Format("Jan. 2")
	}
	return mdLink(EscapeMarkdown(name), link(s.URL()))
}

func (x *Briefing) briefActors(w *bytes.Buffer, link func(string) string) {
	var list []*Actor
	for _, a := range x.Visible() {
		if a.Kind == "place" || a.Kind == "other" || !x.HasPage(a) {
			continue
		}
		list = append(list, a)
		if len(list) == briefActors {
			break
		}
	}
	if len(list) == 0 {
		return
	}
	w.WriteString("## Who is who\n\n")
	for _, a := range list {
		w.WriteString("- " + mdLink("**"+EscapeMarkdown(a.Name)+"**", link(ActorPath(x.Briefing, a.ID))))
		for i, r := range roleChanges(a) {
			if i == 0 {
				w.WriteString(", ")
			} else {
				w.WriteString("; earlier ")
			}
			w.WriteString(EscapeMarkdown(r.Text))
			if r.Source.Article != nil {
				w.WriteString(" (" + sourceLink(r.Source, link) + ")")
			}
		}
		if n := len(a.Quotes); n > 0 {
			w.WriteString(" · " + strconv.Itoa(n) + plural(n, " quotation", " quotations"))
		}
		w.WriteString("\n")
	}
	w.WriteString("\n")
}

// roleChanges returns the actor's current role and, when it held another
// position before, the earlier one stated most often (an editor's role
// alone when there is one). Each comes with a source.
func roleChanges(a *Actor) []DatedRole {
	h := a.RoleHistory()
	c := Current(h)
	if c < 0 {
		return nil
	}
	if h[c].Editor {
		return []DatedRole{{Text: h[c].Text, Editor: true}}
	}
	out := []DatedRole{{Text: h[c].Text, Source: h[c].Sources[len(h[c].Sources)-1]}}
	best := -1
	for i, r := range h {
		if i != c && (best < 0 || len(r.Sources) > len(h[best].Sources)) {
			best = i
		}
	}
	if best >= 0 {
		r := h[best]
		out = append(out, DatedRole{Text: r.Text, Source: r.Sources[0]})
	}
	return out
}

// sameRole reports whether two role texts name the same position: equal
// but for case, a leading article and a leading country or demonym
// ("Kelmora's President", "Kelmoran President"), or one ending with the
// other's words ("Foreign Minister", "Kelmoran Foreign Minister").
// "President-elect" and "President" differ, as do "Deputy Prime Minister"
// and "Prime Minister".
func sameRole(a, b string) bool { return sameRoleWords(roleWords(a), roleWords(b)) }

// sameRoleWords is sameRole on the roleWords of the two texts.
func sameRoleWords(wa, wb []string) bool {
	if len(wa) > len(wb) {
		wa, wb = wb, wa
	}
	if len(wa) == 0 {
		return len(wb) == 0
	}
	if !slices.Equal(wa, wb[len(wb)-len(wa):]) {
		return false
	}
	if len(wa) < len(wb) {
		// "Prime Minister" inside "Deputy Prime Minister": the extra
		// word must not be a title of its own.
		extra := wb[len(wb)-len(wa)-1]
		return gazetteer.Role(extra) == gazetteer.NotRole
	}
	return true
}

// roleWords returns the lower-case words of a role without a leading
// article or a leading capitalized qualifier that is not a title word
// (a country, demonym or possessive).
func roleWords(r string) []string {
	ws := strings.Fields(r)
	for len(ws) > 1 {
		w := ws[0]
		switch {
		case strings.EqualFold(w, "the") || strings.EqualFold(w, "a") || strings.EqualFold(w, "an"):
		case w[0] >= 'A' && w[0] <= 'Z' && gazetteer.Role(strings.ToLower(w)) == gazetteer.NotRole:
		default:
			out := make([]string, len(ws))
			for i, x := range ws {
				out[i] = strings.ToLower(x)
			}
			return out
		}
		ws = ws[1:]
	}
	out := make([]string, len(ws))
	for i, x := range ws {
		out[i] = strings.ToLower(x)
	}
	return out
}
func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// Notable picks the quotations the brief shows: attributed, full
// sentences, those carried by most sources first, one per speaker before a
// second, at most n, in date order.
func (x *Briefing) Notable(n int) []*Quote {
	var cand []*Quote
	for _, q := range x.Quotes {
		if q.Hidden || q.Speaker == nil || q.Speaker.Hidden || q.Partial || q.words < 6 {
			continue
		}
		cand = append(cand, q)
	}
	slices.SortStableFunc(cand, func(a, b *Quote) int {
		return cmp.Or(cmp.Compare(len(b.Sources), len(a.Sources)), cmp.Compare(b.words, a.words))
	})
	var out []*Quote
	per := map[*Actor]int{}
	for round := 1; round <= 2 && len(out) < n; round++ {
		for _, q := range cand {
			if len(out) == n {
				break
			}
			if per[q.Speaker] == round-1 && !slices.Contains(out, q) {
				per[q.Speaker]++
				out = append(out, q)
			}
		}
	}
	slices.SortFunc(out, func(a, b *Quote) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortStableFunc(out, func(a, b *Quote) int { return a.Date().Compare(b.Date()) })
	return out
}

func (x *Briefing) briefQuotes(w *bytes.Buffer, link func(string) string) {
	qs := x.Notable(briefQuotes)
	if len(qs) == 0 {
		return
	}
	w.WriteString("## Notable quotations\n\n")
	for _, q := range qs {
		w.WriteString("- “" + EscapeMarkdown(clip(plainInline(q.Display()), 400)) + "” — " + mdLink(EscapeMarkdown(q.Speaker.Name), link(ActorPath(x.Briefing, q.Speaker.ID))))
		if q.Role != "" {
			w.WriteString(", " + EscapeMarkdown(q.Role))
		}
		var parts []string
		for i, s := range q.Sources {
			if i == 3 {
				break
			}
			parts = append(parts, sourceLink(s, link))
		}
		w.WriteString(" (" + strings.Join(parts, "; ") + ")\n")
	}
	w.WriteString("\n" + mdLink("All quotations", link(QuotesPath(x.Briefing))) + "\n\n")
}

func (x *Briefing) briefSources(w *bytes.Buffer, link func(string) string) {
	if len(x.Articles) == 0 {
		return
	}
	w.WriteString("## Sources\n\n")
	for i := len(x.Articles) - 1; i >= 0; i-- {
		a := x.Articles[i]
		w.WriteString("- " + mdLink(EscapeMarkdown(a.Title), link(a.RelPermalink())))
		var meta []string
		if a.Source != "" {
			meta = append(meta, EscapeMarkdown(a.Source))
		}
		if !a.Date.IsZero() {
			meta = append(meta, a.Date.Format("January 2, 2006"))
		}
		if len(meta) > 0 {
			w.WriteString(" — " + strings.Join(meta, ", "))
		}
		w.WriteString("\n")
	}
}

func mdLink(text, url string) string {
	return "[" + text + "](<" + escapeURL(url) + ">)"
}

// escapeURL keeps a link destination inside its <...>: no angle brackets,
// newlines or backslashes.
func escapeURL(u string) string { return urlEscaper.Replace(u) }

var urlEscaper = strings.NewReplacer("<", "%3C", ">", "%3E", "\n", "", "\r", "", "\\", "%5C", " ", "%20")

// collapse is strings.Join(strings.Fields(s), " "): s with leading and
// trailing white space dropped and each run of it made one space.
func collapse(s string) string { return collapseText([]byte(s)) }

// collapseSpan is collapse(d.Slice(sp)) without the copies between.
func collapseSpan(d *doc.Doc, sp doc.Span) string {
	sp.Start, sp.End = max(sp.Start, 0), min(sp.End, len(d.Text))
	if sp.Start >= sp.End {
		return ""
	}
	return collapseText(d.Text[sp.Start:sp.End])
}

// collapseText is collapse on bytes. White space is what strings.Fields
// sees: ASCII spaces, and runes unicode.IsSpace reports (invalid UTF-8 is
// not space).
func collapseText(s []byte) string {
	if collapsed(s) {
		return string(s)
	}
	out := make([]byte, 0, len(s))
	word := -1 // start of the word being read, or -1 between words
	for i := 0; i < len(s); {
		sp, n := spaceAt(s, i)
		switch {
		case sp && word >= 0:
			if len(out) > 0 {
				out = append(out, ' ')
			}
			out = append(out, s[word:i]...)
			word = -1
		case !sp && word < 0:
			word = i
		}
		i += n
	}
	if word >= 0 {
		if len(out) > 0 {
			out = append(out, ' ')
		}
		out = append(out, s[word:]...)
	}
	return string(out)
}

// collapsed reports whether collapseText would return s as it is: no
// white space but single ' ' between words.
func collapsed(s []byte) bool {
	prevSpace := true // so a leading space is not collapsed
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == ' ' {
				if prevSpace || i+1 == len(s) {
					return false
				}
				prevSpace = true
			} else if asciiSpace(c) {
				return false
			} else {
				prevSpace = false
			}
			i++
			continue
		}
		sp, n := spaceAt(s, i)
		if sp {
			return false
		}
		prevSpace = false
		i += n
	}
	return true
}

// spaceAt reports whether the rune at s[i] is white space, and its length.
func spaceAt(s []byte, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return asciiSpace(c), 1
	}
	r, n := utf8.DecodeRune(s[i:])
	return unicode.IsSpace(r), n
}

// clip shortens s to at most n bytes at a word boundary, with an ellipsis.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n], ' ')
	if cut < n/2 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return s[:cut] + "…"
}

// EscapeMarkdown makes text safe to place inline in a Markdown document:
// it renders as the same text, never as markup. Markdown punctuation is
// backslash-escaped, angle brackets become entities (so the file holds no
// raw HTML), line breaks and other control characters become spaces, and
// a leading list, heading or quote marker is escaped.
func EscapeMarkdown(s string) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	space := false
	for _, r := range s {
		if r == utf8.RuneError || r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' {
			r = ' '
		}
		if r == ' ' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch r {
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '!', '|', '~', '&', '{', '}', '$', '^':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '-', '+', '=', '.':
			// Only markup at the start of a line (lists, setext headings,
			// ordered list "1.").
			if b.Len() == 0 || r == '.' && allDigits(b.String()) {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		default:
			if r < utf8.RuneSelf {
				b.WriteByte(byte(r))
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
