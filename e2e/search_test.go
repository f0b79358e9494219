package e2e

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// hostile is article text that must show as text on the search page.
const hostile = `<img src=x onerror="window.__pwned=1"> & </script><script>window.__pwned=2</script>`

// TestSearchPage builds a site under a base path, serves the output as
// static files, and drives the search page: results by kind with links
// under the base path, ?q= in the address, arrow keys, hostile text shown
// as text, and the message without JavaScript.
func TestSearchPage(t *testing.T) {
	ctx, stop := browser(t)
	defer stop()

	site := t.TempDir()
	writeFile(t, site, "site.yaml", "title: Search E2E\n")
	writeFile(t, site, "content/port/_index.md", "---\ntitle: Port dispute\n---\nDockers and the port.\n")
	writeFile(t, site, "content/port/strike.md", "---\ntitle: Dockers strike at dawn\ndate: 2025-03-04\nsource: Coastal Herald\n---\n\n"+
		"Dock workers walked out on Monday.\n\n"+
		"\"We will not go back without a fair offer,\" said Marta Lindqvist, the leader of the dockers' union.\n")
	writeFile(t, site, "content/port/talks.md", "---\ntitle: Talks resume\ndate: 2025-03-06\nsource: Northern Wire\n---\n\n"+
		"Negotiators met again on Wednesday.\n\n"+
		"\"Nobody should post "+strings.ReplaceAll(hostile, `"`, `'`)+" in a harbor,\" said Ana Ruiz, a mediator.\n")
	writeFile(t, site, "content/ferry/_index.md", "---\ntitle: Ferry sale\n---\nThe ferry line is for sale.\n")
	writeFile(t, site, "content/ferry/sale.md", "---\ntitle: Ferry line up for sale\ndate: 2025-04-01\nsource: Coastal Herald\n---\n\n"+
		"The ferry line is for sale.\n\n"+
		"\"The buyers must keep every crossing,\" said Marta Lindqvist, the leader of the dockers' union.\n")
	out := t.TempDir()
	cmd := exec.Command(binary(t), "build", "--source", site, "--destination", out, "--base-url", "/news/", "--quiet")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, b)
	}
	mux := http.NewServeMux()
	mux.Handle("/news/", http.StripPrefix("/news/", http.FileServer(http.Dir(out))))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	do := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		rctx, cancel := context.WithTimeout(ctx, step)
		defer cancel()
		if err := chromedp.Do(rctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(expr string) string {
		t.Helper()
		rctx, cancel := context.WithTimeout(ctx, step)
		defer cancel()
		s, err := chromedp.Run(rctx, chromedp.Evaluate[string](expr))
		if err != nil {
			t.Fatalf("evaluate %s: %v", expr, err)
		}
		return s
	}
	typeQuery := func(q string) {
		t.Helper()
		eval(`document.getElementById("search-q").value = ""`)
		do("type "+q, chromedp.SendKeys(chromedp.ID("search-q"), q))
	}

	// A linked query: results grouped by kind, links under /news/.
	navigate(t, ctx, srv.URL+"/news/search/?q=lindqvist")
	waitJS(t, ctx, "index loaded", `document.getElementById("search").dataset.ready === "true"`)
	waitJS(t, ctx, "actor result", `!!document.querySelector(".search-group--actors a[href='/news/port/actors/marta-lindqvist/']")`)
	// One result for the actor of both briefings, linking to each.
	if got := eval(`(function(){var g=document.querySelectorAll(".search-group--actors .search-result");
		return g.length + " " + (g.length && g[0].querySelector(".search-result__meta").textContent) + " " +
			[...document.querySelectorAll(".search-group--actors .search-result__in a")].map(a => a.getAttribute("href")).sort().join(" ")})()`); got != "1 Person · in 2 briefings /news/ferry/actors/marta-lindqvist/ /news/port/actors/marta-lindqvist/" {
		t.Errorf("actor of two briefings: %q", got)
	}
	waitJS(t, ctx, "quotation result", `[...document.querySelectorAll(".search-group--quotes a")].some(a => a.textContent.includes("We will not go back") && /^\/news\/port\/strike\/#s-\d+$/.test(a.getAttribute("href")))`)
	if got := eval(`document.getElementById("search-q").value`); got != "lindqvist" {
		t.Errorf("input shows %q, want the query from ?q=", got)
	}

	// Typing updates the results and the address.
	typeQuery("harbor")
	waitJS(t, ctx, "address follows the query", `new URLSearchParams(location.search).get("q") === "harbor"`)
	waitJS(t, ctx, "hostile quotation found", `[...document.querySelectorAll(".search-group--quotes .search-result__quote")].some(q => q.textContent.includes("onerror"))`)

	// Hostile text is text: no element made from it, no script run.
	if n := eval(`String(document.querySelectorAll("#search-results img, #search-results script").length)`); n != "0" {
		t.Errorf("%s elements made from article text", n)
	}
	if p := eval(`String(window.__pwned)`); p != "undefined" {
		t.Errorf("article text ran as script: window.__pwned = %s", p)
	}
	if !strings.Contains(eval(`document.getElementById("search-results").textContent`), "<img src=x onerror=") {
		t.Error("hostile text not shown literally")
	}

	// Arrow keys: from the input to the first result and on.
	typeQuery("port")
	waitJS(t, ctx, "two results or more", `document.querySelectorAll("#search-results a.search-result__link").length >= 2`)
	do("arrow down", chromedp.Focus(chromedp.ID("search-q")), chromedp.KeyEvent(kb.ArrowDown))
	first := eval(`document.activeElement === document.querySelector("#search-results a.search-result__link") ? "first" : document.activeElement.outerHTML`)
	if first != "first" {
		t.Errorf("ArrowDown did not focus the first result: %s", first)
	}
	do("arrow down again", chromedp.KeyEvent(kb.ArrowDown))
	if second := eval(`String([...document.querySelectorAll("#search-results a.search-result__link")].indexOf(document.activeElement))`); second != "1" {
		t.Errorf("second ArrowDown focused result %s, want 1", second)
	}

	// Nothing found says so.
	typeQuery("zzqxv")
	waitJS(t, ctx, "nothing found", `document.getElementById("search-status").textContent.includes("Nothing found")`)

	// Following an actor result reaches its page.
	navigate(t, ctx, srv.URL+"/news/search/?q=ana")
	waitJS(t, ctx, "Ana Ruiz found", `!!document.querySelector(".search-group--actors a.search-result__link")`)
	do("follow the actor link", chromedp.Click(chromedp.CSS(".search-group--actors a.search-result__link")))
	waitJS(t, ctx, "actor page", `location.pathname === "/news/port/actors/ana-ruiz/" && document.querySelector("h1") !== null`)

	// Without JavaScript: the message, no form.
	nojs, cancel := chromedp.NewContext(ctx)
	defer cancel()
	if err := chromedp.Do(nojs); err != nil { // opens the tab; no timeout (see browser)
		t.Fatal(err)
	}
	disable := chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	})
	if err := chromedp.Do(nojs, disable); err != nil {
		t.Fatal(err)
	}
	navigate(t, nojs, srv.URL+"/news/search/")
	rctx, rcancel := context.WithTimeout(nojs, step)
	defer rcancel()
	ok, err := chromedp.Run(rctx, chromedp.Evaluate[bool](`document.body.innerText.includes("Search needs JavaScript") && document.querySelector("form.search__form").hidden`))
	if err != nil || !ok {
		body, _ := chromedp.Run(rctx, chromedp.Evaluate[string](`document.body.innerText`))
		t.Errorf("without JavaScript: want the noscript message and no form (%v):\n%s", err, body)
	}
}
