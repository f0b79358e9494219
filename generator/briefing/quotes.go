package briefing

import (
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefgen/generator/doc"
)

// Quote is one quotation of a briefing, with every article that carries
// it.
type Quote struct {
	ID      string // "q-<n>", unique in the briefing, in date order
	Text    string // as the first source writes it
	Speaker *Actor // nil when nobody is named
	Role    string // the speaker's role when the quotation was published
	Partial bool   // a fragment inside a writer's sentence
	Sources []Source
	Hidden  bool // an editor hid it
	Editor  bool // an editor changed its speaker

	words  int      // words in the quotation
	norm   string   // during aggregation: NormalizeQuote(Text)
	tokens []string // during aggregation: its words
}

// Display is the quotation as shown on its own: without the comma that
// led into its attribution ("…relations," he said).
func (q *Quote) Display() string {
	return strings.TrimRight(q.Text, " ,;:")
}

// Date is the publication date of the first article that carries it.
func (q *Quote) Date() time.Time { return q.Sources[0].Article.Date }

// NormalizeQuote is the form quotations are compared in: lower case, words
// only (quotation marks, punctuation and spacing dropped).
func NormalizeQuote(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // ASCII: the same cases, without the tables
			switch {
			case c >= 'a' && c <= 'z' || c >= '0' && c <= '9':
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				j := i + 1
				for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= '0' && s[j] <= '9') {
					j++
				}
				b.WriteString(s[i:j])
				i = j
				continue
			case c >= 'A' && c <= 'Z':
				if space && b.Len() > 0 {
					b.WriteByte(' ')
				}
				space = false
				b.WriteByte(c + 'a' - 'A')
			case c == '\'':
			default:
				space = true
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == utf8.RuneError:
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '’':
			// "don't" and "don’t" are one word
		default:
			space = true
		}
	}
	return b.String()
}

// nearDuplicate reports whether two normalized quotations share at least
// 90% of their words (counted on the longer one).
func nearDuplicate(a, b []string) bool {
	if len(a) < 4 || len(b) < 4 {
		return false
	}
	if len(a) < len(b) {
		a, b = b, a
	}
	if len(b)*10 < len(a)*9 {
		return false
	}
	count := make(map[string]int, len(a))
	for _, w := range a {
		count[w]++
	}
	shared := 0
	for _, w := range b {
		if count[w] > 0 {
			count[w]--
			shared++
		}
	}
	return shared*10 >= len(a)*9
}

// quotes collects the quotations of every article, oldest article first,
// merging the same quotation carried by several articles.
func (x *Briefing) quotes(facts FactsOf, rules *actorRules) {
	exact := map[string]*Quote{}
	byWord := map[string][]*Quote{} // rarest-looking (longest) word -> quotes
	for _, art := range x.Articles {
		f := facts(art)
		for _, fq := range f.Quotes {
			// The normal form of the raw text is that of its collapsed
			// text (collapsing only changes white space, which
			// NormalizeQuote reads as a word break): the collapsed text
			// is made only for a new quotation.
			norm := NormalizeQuote(art.Doc.Slice(fq.Span))
			if norm == "" {
				continue
			}
			src := Source{art, doc.SentenceAt(f.Sentences, fq.Span.Start)}
			speaker := x.byArt[art][fq.Speaker]
			if fq.Speaker == "" || speaker != nil && speaker.Hidden {
				speaker = nil
			}
			q := exact[norm]
			var tokens []string
			if q == nil {
				tokens = strings.Split(norm, " ") // strings.Fields: norm has single spaces between words only
				for _, c := range byWord[longest(tokens)] {
					if nearDuplicate(c.tokens, tokens) && (c.Speaker == nil || speaker == nil || c.Speaker == speaker) {
						q = c
						break
					}
				}
			}
			if q != nil {
				if !slices.ContainsFunc(q.Sources, func(s Source) bool { return s.Article == art && s.Sentence == src.Sentence }) {
					q.Sources = append(q.Sources, src)
				}
				if q.Speaker == nil && speaker != nil {
					q.Speaker = speaker
				}
				q.Partial = q.Partial && fq.Partial
				continue
			}
			text := collapseSpan(art.Doc, fq.Span)
			q = &Quote{Text: text, Speaker: speaker, Partial: fq.Partial, Sources: []Source{src}, norm: norm, tokens: tokens, words: len(tokens)}
			exact[norm] = q
			w := longest(tokens)
			byWord[w] = append(byWord[w], q)
			x.Quotes = append(x.Quotes, q)
		}
	}
	for _, q := range x.Quotes {
		rules.quote(q, x)
		q.norm, q.tokens = "", nil // only needed to merge
	}
	slices.SortStableFunc(x.Quotes, func(a, b *Quote) int {
		if c := a.Date().Compare(b.Date()); c != 0 {
			return c
		}
		return compareSource(a.Sources[0], b.Sources[0])
	})
	for i, q := range x.Quotes {
		q.ID = "q-" + strconv.Itoa(i+1)
		if q.Speaker != nil {
			q.Role = q.Speaker.RoleAt(q.Date())
			if !q.Hidden {
				q.Speaker.Quotes = append(q.Speaker.Quotes, q)
			}
		}
	}
}

// longest returns the longest word (the first of equal length), the key
// near-duplicates are looked up by: a changed word rarely is the longest.
func longest(tokens []string) string {
	best := ""
	for _, t := range tokens {
		if len(t) > len(best) {
			best = t
		}
	}
	return best
}
