// Package overrides reads an editor's corrections to what extraction found:
// the `overrides:` mapping of a briefing's _index.md front matter and the
// site-wide actor file data/actors.yaml. Every entry keeps the file and
// line it was written on, so an override that refers to nothing can be
// reported where the editor wrote it. The schema is in docs/overrides.md.
package overrides

import (
	"fmt"
	"sort"
	"strings"
	"sync/atomic"

	"go.yaml.in/yaml/v3"

	"briefgen/generator/config"
)

// Pos is where an override was written.
type Pos struct {
	File string
	Line int // 1-based; 0 when unknown
}

func (p Pos) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return p.File
}

// used counts how often an override applied; safe for concurrent use.
type used struct{ n atomic.Int64 }

// MarkUsed records that the override applied.
func (u *used) MarkUsed() { u.n.Add(1) }

// Used reports whether the override ever applied.
func (u *used) Used() bool { return u.n.Load() > 0 }

// Actor corrects one actor of the registry.
type Actor struct {
	Pos
	Match string // a name, alias or registry id of the actor (required)
	Name  string // canonical name to show (changes the id unless ID is set)
	ID    string // registry id to use
	Role  string // role to show instead of the extracted ones
	Photo string // URL or site path of a photo
	Hide  bool   // leave the actor out of every page
	Merge []*Ref // other actors that are the same one: folded into it
	Split []*Ref // names wrongly merged into it: a separate actor each
	used
}

// Ref is a name inside an actor override, with its line.
type Ref struct {
	Pos
	Name string
	used
}

// Quote hides a quotation or gives it another speaker.
type Quote struct {
	Pos
	Text    string // the quotation, or its first words (required)
	Hide    bool
	Speaker string // name, alias or id of the real speaker
	used
}

// Event corrects, hides or adds a timeline event.
type Event struct {
	Pos
	Date    string // TIMEX3 date of the event to correct, or of the new event (required)
	Match   string // words of the event's summary or sentence; "" adds an event
	Hide    bool
	NewDate string // corrected date
	Summary string // corrected or new summary
	Venue   string // corrected or new venue
	Source  string // new event: the article's slug, optionally "#s-N"
	used
}

// Set is every override of one file.
type Set struct {
	Actors []*Actor
	Quotes []*Quote
	Events []*Event
}

// Empty reports whether s has no overrides.
func (s *Set) Empty() bool {
	return s == nil || len(s.Actors)+len(s.Quotes)+len(s.Events) == 0
}

// Unused lists the overrides that applied to nothing, as "file:line: msg",
// sorted.
func (s *Set) Unused() []string {
	if s == nil {
		return nil
	}
	var out []string
	for _, a := range s.Actors {
		if !a.Used() {
			out = append(out, fmt.Sprintf("%s: override: no actor matches %q", a.Pos, a.Match))
		}
		for _, r := range a.Merge {
			if !r.Used() {
				out = append(out, fmt.Sprintf("%s: override: merge: no actor matches %q", r.Pos, r.Name))
			}
		}
		for _, r := range a.Split {
			if !r.Used() {
				out = append(out, fmt.Sprintf("%s: override: split: no name %q in actor %q", r.Pos, r.Name, a.Match))
			}
		}
	}
	for _, q := range s.Quotes {
		if !q.Used() {
			out = append(out, fmt.Sprintf("%s: override: no quotation matches %q", q.Pos, q.Text))
		}
	}
	for _, e := range s.Events {
		if !e.Used() {
			if e.Match == "" {
				out = append(out, fmt.Sprintf("%s: override: no article %q for the new event", e.Pos, e.Source))
			} else {
				out = append(out, fmt.Sprintf("%s: override: no event on %s matches %q", e.Pos, e.Date, e.Match))
			}
		}
	}
	sort.Strings(out)
	return out
}

// ParseFrontMatter reads the `overrides:` key of a YAML front matter
// block. data is the block without its --- lines; firstLine is the file
// line of its first byte. A front matter without the key gives an empty
// Set. Errors are *config.Error with the line of the problem.
func ParseFrontMatter(file string, data []byte, firstLine int) (*Set, error) {
	root, err := parseRoot(file, data, firstLine)
	if err != nil || root == nil {
		return &Set{}, err
	}
	p := &parser{file: file, off: firstLine - 1}
	s := &Set{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value == "overrides" {
			p.overrides(root.Content[i+1], s)
		}
	}
	return s, p.err()
}

// ParseActorsFile reads the site-wide actor file (data/actors.yaml): a
// mapping with an `actors:` list, each entry as under `overrides: actors:`.
func ParseActorsFile(file string, data []byte) (*Set, error) {
	root, err := parseRoot(file, data, 1)
	if err != nil || root == nil {
		return &Set{}, err
	}
	p := &parser{file: file}
	s := &Set{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		k, v := root.Content[i], root.Content[i+1]
		switch k.Value {
		case "actors":
			p.actors(v, s)
		default:
			p.errorf(k, "unknown key %q (want actors)", k.Value)
		}
	}
	return s, p.err()
}

// FromValue reads overrides from an already decoded value (TOML front
// matter, where lines are not known): positions carry the file only.
func FromValue(file string, v any) (*Set, error) {
	b, err := yaml.Marshal(map[string]any{"overrides": v})
	if err != nil {
		return &Set{}, &config.Error{File: file, Msg: "overrides: " + err.Error()}
	}
	s, err := ParseFrontMatter(file, b, 1)
	clear := func(p *Pos) { p.Line = 0 }
	for _, a := range s.Actors {
		clear(&a.Pos)
		for i := range a.Merge {
			clear(&a.Merge[i].Pos)
		}
		for i := range a.Split {
			clear(&a.Split[i].Pos)
		}
	}
	for _, q := range s.Quotes {
		clear(&q.Pos)
	}
	for _, e := range s.Events {
		clear(&e.Pos)
	}
	if ce, ok := err.(*config.Error); ok {
		ce.Line = 0
	}
	return s, err
}

func parseRoot(file string, data []byte, firstLine int) (*yaml.Node, error) {
	var n yaml.Node
	if err := yaml.Unmarshal(data, &n); err != nil {
		return nil, &config.Error{File: file, Line: firstLine, Msg: "YAML: " + strings.TrimPrefix(err.Error(), "yaml: ")}
	}
	if n.Kind == 0 || len(n.Content) == 0 {
		return nil, nil
	}
	root := n.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return nil, nil
	}
	if root.Kind != yaml.MappingNode {
		return nil, &config.Error{File: file, Line: firstLine - 1 + root.Line, Msg: "want a mapping of keys to values"}
	}
	return root, nil
}

type parser struct {
	file string
	off  int
	errs []*config.Error
}

func (p *parser) pos(n *yaml.Node) Pos { return Pos{p.file, p.off + n.Line} }

func (p *parser) errorf(n *yaml.Node, format string, args ...any) {
	if len(p.errs) < 20 {
		p.errs = append(p.errs, &config.Error{File: p.file, Line: p.off + n.Line, Msg: "overrides: " + fmt.Sprintf(format, args...)})
	}
}

func (p *parser) err() error {
	if len(p.errs) == 0 {
		return nil
	}
	return p.errs[0]
}

// Errors returns every problem, not only the first (for tests and logs).
func (p *parser) Errors() []*config.Error { return p.errs }

func (p *parser) overrides(n *yaml.Node, s *Set) {
	if n.Kind != yaml.MappingNode {
		p.errorf(n, "want a mapping with actors, quotes or events")
		return
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		switch k.Value {
		case "actors":
			p.actors(v, s)
		case "quotes":
			p.quotes(v, s)
		case "events":
			p.events(v, s)
		default:
			p.errorf(k, "unknown key %q (want actors, quotes or events)", k.Value)
		}
	}
}

// entries calls f for each mapping of a sequence.
func (p *parser) entries(n *yaml.Node, what string, f func(e *yaml.Node, field func(string) (*yaml.Node, bool, string))) {
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a list of entries (- key: value)", what)
		return
	}
	for _, e := range n.Content {
		if e.Kind != yaml.MappingNode {
			p.errorf(e, "%s: want an entry of key: value pairs", what)
			continue
		}
		fields := map[string]*yaml.Node{}
		for i := 0; i+1 < len(e.Content); i += 2 {
			fields[e.Content[i].Value] = e.Content[i+1]
		}
		seen := map[string]bool{}
		f(e, func(name string) (*yaml.Node, bool, string) {
			seen[name] = true
			v, ok := fields[name]
			return v, ok, what + ": " + name
		})
		for i := 0; i+1 < len(e.Content); i += 2 {
			if k := e.Content[i]; !seen[k.Value] {
				p.errorf(k, "%s: unknown key %q", what, k.Value)
			}
		}
	}
}

func (p *parser) str(n *yaml.Node, ok bool, name string) string {
	if !ok {
		return ""
	}
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		p.errorf(n, "%s: want text", name)
		return ""
	}
	return strings.TrimSpace(n.Value)
}

func (p *parser) boolean(n *yaml.Node, ok bool, name string) bool {
	if !ok {
		return false
	}
	var b bool
	if n.Kind != yaml.ScalarNode || n.Decode(&b) != nil {
		p.errorf(n, "%s: want true or false", name)
	}
	return b
}

func (p *parser) refs(n *yaml.Node, ok bool, name string) []*Ref {
	if !ok {
		return nil
	}
	if n.Kind == yaml.ScalarNode {
		if v := strings.TrimSpace(n.Value); v != "" {
			return []*Ref{{Pos: p.pos(n), Name: v}}
		}
	}
	if n.Kind != yaml.SequenceNode {
		p.errorf(n, "%s: want a name or a list of names", name)
		return nil
	}
	var out []*Ref
	for _, c := range n.Content {
		if v := p.str(c, true, name); v != "" {
			out = append(out, &Ref{Pos: p.pos(c), Name: v})
		}
	}
	return out
}

func (p *parser) actors(n *yaml.Node, s *Set) {
	p.entries(n, "actors", func(e *yaml.Node, field func(string) (*yaml.Node, bool, string)) {
		a := &Actor{Pos: p.pos(e)}
		a.Match = p.str(field("match"))
		a.Name = p.str(field("name"))
		a.ID = p.str(field("id"))
		a.Role = p.str(field("role"))
		a.Photo = p.str(field("photo"))
		a.Hide = p.boolean(field("hide"))
		a.Merge = p.refs(field("merge"))
		a.Split = p.refs(field("split"))
		if a.Match == "" {
			a.Match = a.Name
		}
		if a.Match == "" {
			p.errorf(e, "actors: an entry needs match (a name, alias or id)")
			return
		}
		if a.ID != "" && !slugLike(a.ID) {
			p.errorf(e, "actors: id %q: use lower-case letters, digits and hyphens", a.ID)
			return
		}
		s.Actors = append(s.Actors, a)
	})
}

func (p *parser) quotes(n *yaml.Node, s *Set) {
	p.entries(n, "quotes", func(e *yaml.Node, field func(string) (*yaml.Node, bool, string)) {
		q := &Quote{Pos: p.pos(e)}
		q.Text = p.str(field("text"))
		q.Hide = p.boolean(field("hide"))
		q.Speaker = p.str(field("speaker"))
		if q.Text == "" {
			p.errorf(e, "quotes: an entry needs text (the quotation or its first words)")
			return
		}
		if !q.Hide && q.Speaker == "" {
			p.errorf(e, "quotes: say hide: true or give a speaker")
			return
		}
		s.Quotes = append(s.Quotes, q)
	})
}

func (p *parser) events(n *yaml.Node, s *Set) {
	p.entries(n, "events", func(e *yaml.Node, field func(string) (*yaml.Node, bool, string)) {
		ev := &Event{Pos: p.pos(e)}
		ev.Date = p.str(field("date"))
		ev.Match = p.str(field("match"))
		ev.Hide = p.boolean(field("hide"))
		ev.NewDate = p.str(field("new_date"))
		ev.Summary = p.str(field("summary"))
		ev.Venue = p.str(field("venue"))
		ev.Source = p.str(field("source"))
		switch {
		case !dateLike(ev.Date):
			p.errorf(e, "events: date %q: want a date like 2024-11-20, 2024-11 or 2024", ev.Date)
		case ev.NewDate != "" && !dateLike(ev.NewDate):
			p.errorf(e, "events: new_date %q: want a date like 2024-11-20", ev.NewDate)
		case ev.Match == "" && (ev.Summary == "" || ev.Source == ""):
			p.errorf(e, "events: a new event needs summary and source (the article's slug); to correct one, give match")
		default:
			s.Events = append(s.Events, ev)
		}
	})
}

func slugLike(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// dateLike accepts YYYY, YYYY-MM and YYYY-MM-DD.
func dateLike(s string) bool {
	if len(s) != 4 && len(s) != 7 && len(s) != 10 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if i == 4 || i == 7 {
			if c != '-' {
				return false
			}
		} else if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// ParseIndex reads the overrides of a briefing's _index.md, given the
// whole file: YAML front matter between --- lines (with line numbers), or
// TOML between +++ lines (file only). A file without front matter gives an
// empty Set.
func ParseIndex(file string, data []byte) (*Set, error) {
	data = []byte(strings.ReplaceAll(strings.TrimPrefix(string(data), "\ufeff"), "\r\n", "\n"))
	lines := strings.SplitAfter(string(data), "\n")
	if len(lines) == 0 {
		return &Set{}, nil
	}
	open := strings.TrimRight(lines[0], " \t\n")
	if open != "---" && open != "+++" {
		return &Set{}, nil
	}
	var body strings.Builder
	for _, l := range lines[1:] {
		if strings.TrimRight(l, " \t\n") == open {
			break
		}
		body.WriteString(l)
	}
	if open == "---" {
		return ParseFrontMatter(file, []byte(body.String()), 2)
	}
	m, err := config.Decode(file, config.TOML, []byte(body.String()), 2)
	if err != nil {
		return &Set{}, err
	}
	v, ok := m.Values["overrides"]
	if !ok {
		return &Set{}, nil
	}
	s, err := FromValue(file, v)
	line := m.Lines["overrides"]
	setLine := func(p *Pos) { p.Line = line }
	for _, a := range s.Actors {
		setLine(&a.Pos)
		for _, r := range a.Merge {
			setLine(&r.Pos)
		}
		for _, r := range a.Split {
			setLine(&r.Pos)
		}
	}
	for _, q := range s.Quotes {
		setLine(&q.Pos)
	}
	for _, e := range s.Events {
		setLine(&e.Pos)
	}
	if ce, ok := err.(*config.Error); ok {
		ce.Line = line
	}
	return s, err
}
