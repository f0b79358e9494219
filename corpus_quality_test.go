package main

// Quality and site tests over testdata/briefing-corpus: twelve hand-written
// articles of one briefing (a fictional river dispute) in varied outlet
// styles, annotated by hand in testdata/briefing-corpus/gold.json in the
// format of the shared evaluation set (GOLD.md). The scoring below is a port
// of the shared scorer's rules (score.py and names.py): quotations match at
// 80% character overlap, attribution compares names by their words, dates
// match by any overlap and then by exact value, people match one to one by
// name words. The floors asserted are deliberately below today's figures:
// they catch a regression, not a missed target; the real numbers are logged.

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/spf13/afero"

	"briefgen/generator/build"
	"briefgen/generator/extract"
)

const corpusDir = "testdata/briefing-corpus"

type goldQuote struct {
	Text        string `json:"text"`
	Speaker     string `json:"speaker"`
	SpeakerKind string `json:"speaker_kind"`
	Partial     bool   `json:"partial"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

type goldDate struct {
	Expression string `json:"expression"`
	Value      string `json:"value"`
	Type       string `json:"type"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
}

type goldActor struct {
	Name         string   `json:"name"`
	Kind         string   `json:"kind"`
	Aliases      []string `json:"aliases"`
	RoleKeywords []string `json:"role_keywords"`
}

type goldArticle struct {
	Doc       string      `json:"doc"`
	File      string      `json:"file"` // relative to corpusDir
	Published string      `json:"published"`
	Quotes    []goldQuote `json:"quotes"`
	Dates     []goldDate  `json:"dates"`
	Actors    []goldActor `json:"actors"`
}

func loadCorpusGold(t *testing.T) []goldArticle {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(corpusDir, "gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g struct{ Articles []goldArticle }
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	if len(g.Articles) < 10 {
		t.Fatalf("gold has %d articles; the corpus is meant to have ten or more", len(g.Articles))
	}
	return g.Articles
}

// TestCorpusGoldConsistent checks the annotation against the articles: every
// gold span's bytes are its text, in the article body, and every article of
// the briefing folder is annotated.
func TestCorpusGoldConsistent(t *testing.T) {
	gold := loadCorpusGold(t)
	seen := map[string]bool{}
	for _, g := range gold {
		seen[g.File] = true
		data, err := os.ReadFile(filepath.Join(corpusDir, g.File))
		if err != nil {
			t.Fatal(err)
		}
		start := bodyStart(data)
		for _, q := range g.Quotes {
			if q.Start < start || q.End > len(data) || q.Start > q.End || string(data[q.Start:q.End]) != q.Text {
				t.Errorf("%s: quote %q: offsets %d-%d do not give its text", g.File, q.Text, q.Start, q.End)
			}
			if q.Speaker == "" && q.SpeakerKind == "" {
				t.Errorf("%s: quote %q has no speaker_kind", g.File, q.Text)
			}
		}
		for _, d := range g.Dates {
			if d.Start < start || d.End > len(data) || d.Start > d.End || string(data[d.Start:d.End]) != d.Expression {
				t.Errorf("%s: date %q: offsets %d-%d do not give its text", g.File, d.Expression, d.Start, d.End)
			}
			if d.Type != "DATE" && d.Type != "TIME" {
				t.Errorf("%s: date %q: type %q; the gold annotates DATE and TIME only", g.File, d.Expression, d.Type)
			}
		}
		if _, err := time.Parse("2006-01-02", g.Published); err != nil {
			t.Errorf("%s: published %q", g.File, g.Published)
		}
	}
	files, _ := filepath.Glob(filepath.Join(corpusDir, "content", "*", "*"))
	for _, f := range files {
		rel, _ := filepath.Rel(corpusDir, f)
		rel = filepath.ToSlash(rel)
		if filepath.Base(f) == "_index.md" || strings.HasSuffix(f, ".yaml") {
			continue
		}
		if !seen[rel] {
			t.Errorf("%s has no gold annotation", rel)
		}
	}
}

// corpusCounts are the scorer's tallies.
type corpusCounts struct {
	qGold, qPred, qFound, qPredOK, partialOK int
	attrN, attrOK, noneN, noneOK             int
	dGold, dPred, dFound, dPredOK, dValueOK  int
	pGold, pPred, pMatch, roleN, roleOK      int
}

func prf(tpPred, nPred, tpGold, nGold int) (p, r, f float64) {
	if nPred > 0 {
		p = float64(tpPred) / float64(nPred)
	}
	if nGold > 0 {
		r = float64(tpGold) / float64(nGold)
	}
	if p+r > 0 {
		f = 2 * p * r / (p + r)
	}
	return
}

func ratio(ok, n int) float64 {
	if n == 0 {
		return 0
	}
	return float64(ok) / float64(n)
}

func TestCorpusExtractionQuality(t *testing.T) {
	gold := loadCorpusGold(t)
	// Extract as the shared scorer does: files grouped by publication date,
	// the date given for files whose own metadata has none (the .txt file).
	byDate := map[string][]int{}
	for i, g := range gold {
		byDate[g.Published] = append(byDate[g.Published], i)
	}
	arts := make([]extract.Article, len(gold))
	for date, idx := range byDate {
		pub, _ := time.Parse("2006-01-02", date)
		var files []string
		for _, i := range idx {
			files = append(files, filepath.Join(corpusDir, gold[i].File))
		}
		out, err := extractFiles(afero.NewOsFs(), files, pub)
		if err != nil {
			t.Fatal(err)
		}
		for k, i := range idx {
			arts[i] = out.Articles[k]
		}
	}

	var c corpusCounts
	for i, g := range gold {
		data, err := os.ReadFile(filepath.Join(corpusDir, g.File))
		if err != nil {
			t.Fatal(err)
		}
		var notes []string
		scoreCorpusDoc(data, g, arts[i], &c, func(kind, msg string) { notes = append(notes, kind+": "+msg) })
		if len(notes) > 0 {
			t.Logf("%s\n    %s", g.Doc, strings.Join(notes, "\n    "))
		}
	}

	_, _, quoteF1 := prf(c.qPredOK, c.qPred, c.qFound, c.qGold)
	_, _, dateF1 := prf(c.dPredOK, c.dPred, c.dFound, c.dGold)
	_, _, personF1 := prf(c.pMatch, c.pPred, c.pMatch, c.pGold)
	rows := []struct {
		name     string
		v, floor float64
		ok, n    int
	}{
		{"quote F1 (>=80% overlap)", quoteF1, 0.85, c.qFound, c.qGold},
		{"attribution accuracy", ratio(c.attrOK, c.attrN), 0.60, c.attrOK, c.attrN},
		{"partial flag accuracy", ratio(c.partialOK, c.qFound), 0.80, c.partialOK, c.qFound},
		{"nobody-says quotes without speaker", ratio(c.noneOK, c.noneN), 0.60, c.noneOK, c.noneN},
		{"date F1 DATE/TIME (overlap)", dateF1, 0.80, c.dFound, c.dGold},
		{"date value accuracy", ratio(c.dValueOK, c.dFound), 0.80, c.dValueOK, c.dFound},
		{"person F1", personF1, 0.80, c.pMatch, c.pGold},
		{"role accuracy", ratio(c.roleOK, c.roleN), 0.55, c.roleOK, c.roleN},
	}
	var table strings.Builder
	fmt.Fprintf(&table, "briefing corpus, %d articles (quotes %d gold / %d predicted, dates %d / %d, persons %d / %d)\n",
		len(gold), c.qGold, c.qPred, c.dGold, c.dPred, c.pGold, c.pPred)
	fmt.Fprintf(&table, "  %-36s %6s %6s  %s\n", "metric", "value", "floor", "count")
	for _, r := range rows {
		fmt.Fprintf(&table, "  %-36s %6.3f %6.2f  (%d/%d)\n", r.name, r.v, r.floor, r.ok, r.n)
	}
	t.Log(table.String())
	for _, r := range rows {
		if r.v < r.floor {
			t.Errorf("%s = %.3f, below the floor %.2f", r.name, r.v, r.floor)
		}
	}
}

// scoreCorpusDoc adds one article's counts, following score.py's score_doc.
func scoreCorpusDoc(md []byte, g goldArticle, a extract.Article, c *corpusCounts, log func(kind, msg string)) {
	start := bodyStart(md)
	actors := map[string]extract.Actor{}
	for _, x := range a.Actors {
		actors[x.ID] = x
	}
	forms := func(x extract.Actor) []string { return append([]string{x.Name}, x.Aliases...) }
	valid := func(s, e int) bool { return s >= start && s <= e && e <= len(md) }
	ov := func(s1, e1, s2, e2 int) int { return chars(md, max(s1, s2), min(e1, e2)) }

	// Quotes.
	var preds []extract.Quote
	for _, q := range a.Quotes {
		if valid(q.Start, q.End) {
			preds = append(preds, q)
		}
	}
	c.qGold += len(g.Quotes)
	c.qPred += len(preds)
	for _, gq := range g.Quotes {
		need := max(1, 0.8*float64(chars(md, gq.Start, gq.End)))
		best, bestOv := -1, 0
		for j, q := range preds {
			if o := ov(q.Start, q.End, gq.Start, gq.End); float64(o) >= need && o > bestOv {
				best, bestOv = j, o
			}
		}
		if best < 0 {
			log("quote missed", fmt.Sprintf("%.80q", gq.Text))
			continue
		}
		q := preds[best]
		c.qFound++
		if q.Partial == gq.Partial {
			c.partialOK++
		} else {
			log("partial flag", fmt.Sprintf("%.50q: gold %v", gq.Text, gq.Partial))
		}
		switch {
		case gq.Speaker != "" && gq.SpeakerKind != "none" && gq.SpeakerKind != "unresolved":
			c.attrN++
			sp, ok := actors[q.Speaker]
			if ok && matchScore([]string{gq.Speaker}, forms(sp)) > 0 {
				c.attrOK++
			} else {
				got := q.Speaker
				if ok {
					got = sp.Name
				}
				log("wrong speaker", fmt.Sprintf("%.50q: gold %q, got %q", gq.Text, gq.Speaker, got))
			}
		case gq.SpeakerKind == "none":
			c.noneN++
			if q.Speaker == "" {
				c.noneOK++
			} else {
				log("speaker for a quote nobody says", fmt.Sprintf("%.50q: got %q", gq.Text, actors[q.Speaker].Name))
			}
		}
	}
	for _, q := range preds {
		if slices.ContainsFunc(g.Quotes, func(gq goldQuote) bool { return ov(q.Start, q.End, gq.Start, gq.End) > 0 }) {
			c.qPredOK++
		} else {
			log("quote false positive", fmt.Sprintf("%.80q", q.Text))
		}
	}

	// Dates: DATE and TIME expressions only.
	var dpreds []extract.Date
	for _, d := range a.Dates {
		if valid(d.Start, d.End) && (d.Type == "DATE" || d.Type == "TIME") {
			dpreds = append(dpreds, d)
		}
	}
	var dgold []goldDate
	for _, d := range g.Dates {
		if d.Type == "DATE" || d.Type == "TIME" {
			dgold = append(dgold, d)
		}
	}
	c.dGold += len(dgold)
	c.dPred += len(dpreds)
	for _, d := range dpreds {
		if slices.ContainsFunc(dgold, func(gd goldDate) bool { return ov(d.Start, d.End, gd.Start, gd.End) > 0 }) {
			c.dPredOK++
		} else {
			log("date false positive", fmt.Sprintf("%q %s", d.Expression, d.Value))
		}
	}
	for _, gd := range dgold {
		best, bestOv := -1, 0
		for j, d := range dpreds {
			if o := ov(d.Start, d.End, gd.Start, gd.End); o > bestOv {
				best, bestOv = j, o
			}
		}
		if best < 0 {
			log("date missed", fmt.Sprintf("%q %s", gd.Expression, gd.Value))
			continue
		}
		c.dFound++
		if d := dpreds[best]; d.Value == gd.Value {
			c.dValueOK++
		} else {
			log("date value", fmt.Sprintf("%q: gold %s, got %s for %q", gd.Expression, gd.Value, d.Value, d.Expression))
		}
	}

	// People, matched one to one by name words, best pairs first.
	var gl []goldActor
	for _, x := range g.Actors {
		if x.Kind == "person" {
			gl = append(gl, x)
		}
	}
	var pl []extract.Actor
	for _, x := range a.Actors {
		if x.Kind == "person" && x.Name != "" {
			pl = append(pl, x)
		}
	}
	type pair struct{ score, i, j int }
	var pairs []pair
	for i, x := range gl {
		for j, y := range pl {
			if s := matchScore(append([]string{x.Name}, x.Aliases...), forms(y)); s > 0 {
				pairs = append(pairs, pair{s, i, j})
			}
		}
	}
	sort.Slice(pairs, func(a, b int) bool {
		if pairs[a].score != pairs[b].score {
			return pairs[a].score > pairs[b].score
		}
		if pairs[a].i != pairs[b].i {
			return pairs[a].i < pairs[b].i
		}
		return pairs[a].j < pairs[b].j
	})
	usedG, usedP := map[int]int{}, map[int]bool{}
	for _, p := range pairs {
		if _, ok := usedG[p.i]; !ok && !usedP[p.j] {
			usedG[p.i] = p.j
			usedP[p.j] = true
		}
	}
	c.pGold += len(gl)
	c.pPred += len(pl)
	c.pMatch += len(usedG)
	for i, x := range gl {
		j, ok := usedG[i]
		if !ok {
			log("person missed", x.Name)
			continue
		}
		if len(x.RoleKeywords) == 0 {
			continue
		}
		c.roleN++
		found := false
		for _, r := range pl[j].Roles {
			for _, k := range x.RoleKeywords {
				if strings.Contains(strings.ToLower(r), strings.ToLower(k)) {
					found = true
				}
			}
		}
		if found {
			c.roleOK++
		} else {
			log("role", fmt.Sprintf("%s: keywords %q, got %q", x.Name, x.RoleKeywords, pl[j].Roles))
		}
	}
	for j, y := range pl {
		if !usedP[j] {
			log("person false positive", y.Name)
		}
	}
}

// bodyStart is the offset after YAML front matter, 0 when there is none.
func bodyStart(md []byte) int {
	s := string(md)
	nl := func(i int) int { // length of a line break at i, 0 if none
		if strings.HasPrefix(s[i:], "\r\n") {
			return 2
		}
		if strings.HasPrefix(s[i:], "\n") {
			return 1
		}
		return 0
	}
	if !strings.HasPrefix(s, "---") || nl(3) == 0 {
		return 0
	}
	for i := 3 + nl(3); i < len(s); {
		j := strings.IndexByte(s[i:], '\n')
		line := s[i:]
		if j >= 0 {
			line = s[i : i+j]
		}
		if strings.TrimRight(strings.TrimSuffix(line, "\r"), " \t") == "---" && j >= 0 {
			return i + j + 1
		}
		if j < 0 {
			break
		}
		i += j + 1
	}
	return 0
}

// chars counts the UTF-8 characters of md[s:e] (0 when empty or reversed).
func chars(md []byte, s, e int) int {
	s = max(s, 0)
	if e <= s {
		return 0
	}
	return utf8.RuneCount(md[s:min(e, len(md))])
}

// Name matching, after the shared scorer's names.py.
var (
	nameTitles = wordSet(`president vice sen senator rep representative congressman congresswoman gov governor lt mayor
mr mrs ms miss dr prof professor secretary speaker leader majority minority whip chairman chairwoman chair
director judge justice gen general col adm admiral sgt capt captain former candidate nominee presidential
spokesman spokeswoman spokesperson attorney prime minister sheriff pope rev reverend sir ambassador
commissioner chief executive ceo cfo coo founder co-founder manager adviser advisor aide coordinator
analyst strategist pollster anchor correspondent editor reporter columnist
officer official agent deputy assistant associate senior lawyer state republican republicans democrat
democrats democratic gop conservative liberal independent libertarian`)
	nameStop = wordSet(`the a an this that these those some many most other others another one two both all several few
each every any his her their its our my your he she they we i it in on at but and or so yet also according
after before when while if as meanwhile still then now however though although because since with without
for from by to of not no yes there here what who which why how where more just even only asked americans
voters`)
	nameSuffixes = wordSet("jr sr ii iii iv")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isWordRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// nameTokens is names.py's tokens: lower-case name words without titles,
// possessives and punctuation.
func nameTokens(name string) []string {
	rs := []rune(strings.ToLower(name))
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\'' || r == '’' {
			if i+1 < len(rs) && rs[i+1] == 's' && (i+2 == len(rs) || !isWordRune(rs[i+2])) {
				i++
			}
			b.WriteByte(' ')
			continue
		}
		b.WriteRune(r)
	}
	var out []string
	for _, w := range strings.Fields(b.String()) {
		w = strings.Trim(w, `.,;:()"“”`)
		if w != "" && !nameTitles[w] && !nameStop[w] {
			out = append(out, w)
		}
	}
	return out
}

func nameSurname(toks []string) string {
	var rest []string
	for _, t := range toks {
		if !nameSuffixes[t] {
			rest = append(rest, t)
		}
	}
	if len(rest) > 0 {
		return rest[len(rest)-1]
	}
	if len(toks) > 0 {
		return toks[len(toks)-1]
	}
	return ""
}

func subset(a, b map[string]bool) bool {
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

func tokenSet(toks []string) map[string]bool {
	m := map[string]bool{}
	for _, t := range toks {
		m[t] = true
	}
	return m
}

// nameConflict: two full names that share no subset relation name different people.
func nameConflict(a, b string) bool {
	sa, sb := tokenSet(nameTokens(a)), tokenSet(nameTokens(b))
	return len(sa) > 1 && len(sb) > 1 && !subset(sa, sb) && !subset(sb, sa)
}

// matchScore is names.py's match_score: 3 same words in order, 2 same words,
// 1 a predicted form contains the gold surname, 0 different.
func matchScore(goldForms, predForms []string) int {
	g, p := nameTokens(goldForms[0]), nameTokens(predForms[0])
	if len(g) == 0 || len(p) == 0 || nameConflict(goldForms[0], predForms[0]) {
		return 0
	}
	if slices.Equal(g, p) {
		return 3
	}
	sg, sp := tokenSet(g), tokenSet(p)
	if subset(sg, sp) && subset(sp, sg) {
		return 2
	}
	sur := nameSurname(g)
	for _, f := range predForms {
		if slices.Contains(nameTokens(f), sur) {
			return 1
		}
	}
	return 0
}

func TestMatchScore(t *testing.T) {
	for _, tt := range []struct {
		gold, pred []string
		want       int
	}{
		{[]string{"Ilse Varga"}, []string{"Ilse Varga"}, 3},
		{[]string{"Ilse Varga"}, []string{"Varga Ilse"}, 2},
		{[]string{"Ilse Varga"}, []string{"Ms Varga"}, 1},
		{[]string{"Ilse Varga"}, []string{"László Varga"}, 0}, // two people who share a surname
		{[]string{"Ilse Varga"}, []string{"Deputy Prime Minister Ilse Varga"}, 3},
		{[]string{"Dravia's Foreign Ministry"}, []string{"Foreign Ministry"}, 1},
		{[]string{"Kelmora’s Agriculture Ministry"}, []string{"Agriculture Ministry"}, 1},
		{[]string{"Goran Petek"}, []string{"Ivo Petek", "Petek"}, 0},
		{[]string{"Goran Petek"}, []string{"Petek"}, 1},
		{[]string{"Helena Marsh"}, []string{"Emil Raska"}, 0},
	} {
		if got := matchScore(tt.gold, tt.pred); got != tt.want {
			t.Errorf("matchScore(%q, %q) = %d, want %d", tt.gold, tt.pred, got, tt.want)
		}
	}
}

// TestCorpusSiteBuild builds the corpus as a site with the default theme
// and checks the pages a briefing reader opens: every article page, the
// timeline with events from many articles and the planted discrepancy (the
// Geneva ministerial meeting is dated March 12 by the live blog and March 11
// by a photo caption in another article), and timeline.json.
func TestCorpusSiteBuild(t *testing.T) {
	gold := loadCorpusGold(t)
	afs := afero.NewOsFs()
	dest := t.TempDir()
	res, err := build.Build(afs, build.Options{Source: corpusDir, Destination: dest, Theme: os.DirFS("."), NoSync: true, Quiet: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Articles != len(gold) {
		t.Errorf("built %d articles, want %d", res.Articles, len(gold))
	}
	read := func(rel string) string {
		t.Helper()
		b, err := afero.ReadFile(afs, filepath.Join(dest, rel))
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	const briefing = "saren-river-dispute"
	for _, g := range gold {
		slug := strings.TrimSuffix(filepath.Base(g.File), filepath.Ext(g.File))
		page := read(filepath.Join(briefing, slug, "index.html"))
		if page != "" && !strings.Contains(page, "<html") {
			t.Errorf("%s/%s/index.html is not an HTML page", briefing, slug)
		}
	}

	timeline := read(filepath.Join(briefing, "timeline", "index.html"))
	var sources []string
	for _, g := range gold {
		slug := strings.TrimSuffix(filepath.Base(g.File), filepath.Ext(g.File))
		if strings.Contains(timeline, "/"+briefing+"/"+slug+"/#") {
			sources = append(sources, slug)
		}
	}
	if len(sources) < 5 {
		t.Errorf("timeline links events to %d articles (%v); want at least 5", len(sources), sources)
	}
	if !strings.Contains(timeline, "Dated March 11, 2025 by a photo caption") ||
		!strings.Contains(timeline, "Dated March 12, 2025 by a sentence") {
		t.Error("timeline does not flag the Geneva meeting dated March 12 by the live blog and March 11 by a photo caption")
	}

	// The same quotation carried by two articles (the wire story and the
	// brief) is one entry of the quote index with both sources.
	quotes := read(filepath.Join(briefing, "quotes", "index.html"))
	const carried = "read treaties, but people do"
	if n := strings.Count(quotes, carried); n != 1 {
		t.Errorf("quote index shows %q %d times; want once with both sources", carried, n)
	} else {
		entry := quotes[strings.Index(quotes, carried):]
		if i := strings.Index(entry, "<blockquote"); i >= 0 {
			entry = entry[:i]
		}
		for _, src := range []string{"interim-deal-signed", "parliament-debate-brief"} {
			if !strings.Contains(entry, "/"+briefing+"/"+src+"/#") {
				t.Errorf("quote index entry for %q does not link its source %s", carried, src)
			}
		}
	}

	// Two people who share a surname (the minister Ilse Varga and the
	// analyst László Varga, also spelled Laszlo) stay two actors.
	pages, _ := filepath.Glob(filepath.Join(dest, briefing, "actors", "*-varga", "index.html"))
	var vargas []string // actors with a given name and the surname Varga
	for _, p := range pages {
		vargas = append(vargas, filepath.Base(filepath.Dir(p)))
	}
	if !slices.Contains(vargas, "ilse-varga") || len(vargas) != 2 {
		t.Errorf("actor pages for the two Vargas: %v; want ilse-varga and one for László Varga", vargas)
	}

	var tj struct {
		Events []struct {
			StartDate struct {
				Year int `json:"year"`
			} `json:"start_date"`
			Text struct {
				Headline string `json:"headline"`
			} `json:"text"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(read(filepath.Join(briefing, "timeline.json"))), &tj); err != nil {
		t.Fatalf("timeline.json: %v", err)
	}
	if len(tj.Events) < 10 {
		t.Errorf("timeline.json has %d events; want at least 10", len(tj.Events))
	}
	for i, e := range tj.Events {
		if e.StartDate.Year == 0 || e.Text.Headline == "" {
			t.Errorf("timeline.json event %d lacks a start year or a headline: %+v", i, e)
		}
	}
}
