package build

import (
	"encoding/json"
	"net/url"
	"os"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/afero"
	"golang.org/x/net/html"
)

// factsSite is a briefing of two articles from different outlets that
// report the same meeting, one of them dating it differently in a caption.
var factsSite = map[string]string{
	"site.yaml":              "title: Port Watch\nbaseURL: https://example.org/news/\n",
	"content/port/_index.md": "---\ntitle: The port deal\nsummary: Two governments agree on a port.\n---\n",
	"content/port/wire.md": `---
title: Ministers agree port deal
date: 2025-03-14
source: Example Wire
---

Portuguese Prime Minister Ana Ribeiro met Moroccan Foreign Minister Karim Benali in Lisbon on Thursday to sign the port agreement.

"We have found a way to move forward together," Ribeiro told reporters.

FILE - Ana Ribeiro shakes hands with Karim Benali in Lisbon on March 12, 2025.

The project was first proposed in 2019.
`,
	"content/port/daily.txt":  "Port deal signed after late talks\n\nAna Ribeiro and Karim Benali signed the port agreement in Lisbon on Thursday, officials said.\n\n\"It is a good day,\" said Benali, a former trade negotiator.\n",
	"content/port/daily.yaml": "date: 2025-03-14\nsource: Daily Courier\n",
}

func TestBuildShowsFacts(t *testing.T) {
	afs := afero.NewMemMapFs()
	writeSite(t, afs, "/site", factsSite)
	if _, err := Build(afs, Options{Source: "/site", Theme: theme, NoSync: true}); err != nil {
		t.Fatal(err)
	}
	out := readAll(t, afs, "/site/public")
	wire := out["port/wire/index.html"]
	for _, want := range []string{
		`<span class="s" id="s-1">`,                      // sentence anchors
		`<mark class="quote" data-speaker="ana-ribeiro"`, // the quotation and its speaker
		`id="actor-ana-ribeiro"`,                         // the actor list
		`Portuguese Prime Minister`,                      // a role
		`<time class="date" data-value="2025-03-13" datetime="2025-03-13">Thursday</time>`,
	} {
		if !strings.Contains(wire, want) {
			t.Errorf("wire article page lacks %s", want)
		}
	}
	daily := out["port/daily/index.html"]
	if !strings.Contains(daily, `data-speaker="karim-benali"`) {
		t.Error("plain-text article page does not mark the quotation with its speaker")
	}
	tl := out["port/timeline/index.html"]
	if !strings.Contains(tl, `href="/news/port/wire/#s-1"`) || !strings.Contains(tl, `href="/news/port/daily/#s-1"`) {
		t.Error("timeline does not link the same meeting to both source sentences")
	}
	if !strings.Contains(tl, "Dated March 12, 2025 by a photo caption") {
		t.Error("timeline does not flag the caption's different date")
	}
	if !strings.Contains(out["port/index.html"], "Key developments") {
		t.Error("briefing page lacks its key developments")
	}
	var tjs struct {
		Events []struct {
			StartDate struct{ Year, Month, Day int } `json:"start_date"`
			Text      struct{ Text string }
		}
	}
	if err := json.Unmarshal([]byte(out["port/timeline.json"]), &tjs); err != nil {
		t.Fatalf("timeline.json: %v", err)
	}
	if len(tjs.Events) < 3 || tjs.Events[0].StartDate.Year != 2019 {
		t.Errorf("timeline.json events = %+v", tjs.Events)
	}
}

// TestInternalLinks builds sites and follows every internal link and
// fragment of every page: each must reach a file of the site, and each
// #fragment an element with that id.
func TestInternalLinks(t *testing.T) {
	example, err := os.ReadFile("../../content/north-korea-troops-russia/troop-deployment-jeopardizes-chinas-balancing-act.md")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{"content/nk/seed.md": string(example)}
	for k, v := range factsSite {
		files[k] = v
	}
	for k, v := range site {
		files[k] = v
	}
	for _, base := range []string{"https://example.org/news/", "/"} {
		afs := afero.NewMemMapFs()
		files["site.yaml"] = "title: Links\nbaseURL: " + base + "\n"
		writeSite(t, afs, "/site", files)
		if _, err := Build(afs, Options{Source: "/site", Theme: theme, NoSync: true}); err != nil {
			t.Fatal(err)
		}
		out := readAll(t, afs, "/site/public")
		checkLinks(t, out, base)
		// The briefing pages are among the pages checked, and the links
		// of each brief.md resolve like the pages' links.
		for _, p := range []string{"port/quotes/index.html", "port/actors/ana-ribeiro/index.html", "nk/actors/patricia-kim/index.html", "actors/index.html", "quotes/index.html"} {
			if _, ok := out[p]; !ok {
				t.Errorf("no %s", p)
			}
		}
		checkBriefLinks(t, out, base)
	}
}

func checkLinks(t *testing.T, out map[string]string, base string) {
	t.Helper()
	u, _ := url.Parse(base)
	basePath := u.Path
	ids := map[string]map[string]bool{}
	links := map[string][]string{}
	for p, body := range out {
		if !strings.HasSuffix(p, ".html") {
			continue
		}
		doc, err := html.Parse(strings.NewReader(body))
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		ids[p] = map[string]bool{}
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.ElementNode {
				for _, a := range n.Attr {
					switch a.Key {
					case "id":
						if ids[p][a.Val] {
							t.Errorf("%s: duplicate id %q", p, a.Val)
						}
						ids[p][a.Val] = true
					case "href", "src":
						links[p] = append(links[p], a.Val)
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
	}
	checked := 0
	for page, hrefs := range links {
		for _, href := range hrefs {
			ref, err := url.Parse(href)
			if err != nil {
				t.Errorf("%s: bad link %q", page, href)
				continue
			}
			if ref.Scheme != "" || ref.Host != "" {
				if u.Host == "" || ref.Host != u.Host {
					continue // external
				}
			}
			target := page
			if ref.Path != "" {
				if !strings.HasPrefix(ref.Path, basePath) {
					t.Errorf("%s: link %q is outside the base path %s", page, href, basePath)
					continue
				}
				target = strings.TrimPrefix(ref.Path, basePath)
				if target == "" || strings.HasSuffix(target, "/") {
					target = path.Join(target, "index.html")
				}
				if _, ok := out[target]; !ok {
					t.Errorf("%s: broken link %q (no %s)", page, href, target)
					continue
				}
			}
			if ref.Fragment != "" && strings.HasSuffix(target, ".html") && !ids[target][ref.Fragment] {
				t.Errorf("%s: link %q names a missing anchor in %s", page, href, target)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("checked only %d links", checked)
	}
}

// checkBriefLinks follows the links of every brief.md (Markdown links
// with <destination>): each must reach a page of the site, and each
// #fragment an element with that id.
func checkBriefLinks(t *testing.T, out map[string]string, base string) {
	t.Helper()
	u, _ := url.Parse(base)
	re := regexp.MustCompile(`\]\(<([^>]*)>\)`)
	ids := map[string]map[string]bool{}
	idsOf := func(p string) map[string]bool {
		if m, ok := ids[p]; ok {
			return m
		}
		m := map[string]bool{}
		doc, err := html.Parse(strings.NewReader(out[p]))
		if err == nil {
			var walk func(n *html.Node)
			walk = func(n *html.Node) {
				for _, a := range n.Attr {
					if a.Key == "id" {
						m[a.Val] = true
					}
				}
				for c := n.FirstChild; c != nil; c = c.NextSibling {
					walk(c)
				}
			}
			walk(doc)
		}
		ids[p] = m
		return m
	}
	n := 0
	for p, body := range out {
		if !strings.HasSuffix(p, "brief.md") {
			continue
		}
		for _, m := range re.FindAllStringSubmatch(body, -1) {
			ref, err := url.Parse(m[1])
			if err != nil || ref.Host != u.Host || !strings.HasPrefix(ref.Path, u.Path) {
				t.Errorf("%s: link %q is not a link into the site", p, m[1])
				continue
			}
			target := strings.TrimPrefix(ref.Path, u.Path)
			if target == "" || strings.HasSuffix(target, "/") {
				target = path.Join(target, "index.html")
			}
			if _, ok := out[target]; !ok {
				t.Errorf("%s: broken link %q", p, m[1])
				continue
			}
			if ref.Fragment != "" && !idsOf(target)[ref.Fragment] {
				t.Errorf("%s: link %q names a missing anchor", p, m[1])
			}
			n++
		}
	}
	if n < 20 {
		t.Errorf("checked only %d brief links", n)
	}
}
