package hardening

import (
	"strings"
	"testing"
)

// The checker must catch each of these; otherwise a passing security test
// means nothing.
func TestCheckerCatchesInjection(t *testing.T) {
	page := func(body string) string {
		return "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>"
	}
	bad := []struct{ name, file, data string }{
		{"inline script", "a/index.html", page(`<p>x</p><script>alert(1)</script>`)},
		{"foreign script src", "a/index.html", page(`<script src="https://evil.example/x.js"></script>`)},
		{"script src outside js", "a/index.html", page(`<script src="/uploads/x.js"></script>`)},
		{"script src climbing out", "a/index.html", page(`<script src="/js/../uploads/x.js"></script>`)},
		{"onerror", "a/index.html", page(`<img src=x onerror=alert(1)>`)},
		{"broken attribute", "a/index.html", page(`<a title="" onmouseover="alert(1)" x="">t</a>`)},
		{"javascript href", "a/index.html", page(`<a href="javascript:alert(1)">x</a>`)},
		{"javascript href with tab and case", "a/index.html", page("<a href=\" JaVa\tScRiPt:alert(1)\">x</a>")},
		{"entity-encoded javascript", "a/index.html", page(`<a href="java&#115;cript:alert(1)">x</a>`)},
		{"data href", "a/index.html", page(`<a href="data:text/html,&lt;script&gt;">x</a>`)},
		{"data img src", "a/index.html", page(`<img src="data:image/svg+xml,x">`)},
		{"vbscript", "a/index.html", page(`<a href="vbscript:x">x</a>`)},
		{"iframe", "a/index.html", page(`<iframe src="/x"></iframe>`)},
		{"svg onload", "a/index.html", page(`<svg onload=alert(1)>`)},
		{"base", "a/index.html", page(`<base href="https://evil.example/">`)},
		{"meta refresh", "a/index.html", page(`<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`)},
		{"style url", "a/index.html", page(`<p style="background:url(javascript:alert(1))">x</p>`)},
		{"broken json script", "a/index.html", page(`<script type="application/json">{"a":"</script><script>alert(1)</script>"}</script>`)},
		{"feed html content", "feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"><entry><content type="html">&lt;script&gt;alert(1)&lt;/script&gt;</content></entry></feed>`},
		{"feed markup leaked", "feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"><title>a<script>alert(1)</script></title></feed>`},
		{"feed javascript link", "feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"><link href="javascript:alert(1)"/></feed>`},
		{"sitemap javascript loc", "sitemap.xml", `<urlset><url><loc>javascript:alert(1)</loc></url></urlset>`},
		{"xml not well formed", "sitemap.xml", `<urlset><url><loc>a</url></urlset>`},
		{"xml entity", "feed.xml", `<!DOCTYPE x [<!ENTITY a "b">]><feed></feed>`},
		{"json raw end script", "search/index.json", `{"t":"</script><script>alert(1)</script>"}`},
		{"json raw comment", "search/index.json", `{"t":"<!--"}`},
		{"json invalid", "b/timeline.json", `{"t":`},
		{"json javascript url", "search/index.json", `{"u":"javascript:alert(1)"}`},
		{"timeline html", "b/timeline.json", `{"events":[{"text":{"headline":"\u003cimg src=x onerror=alert(1)\u003e"}}]}`},
		{"brief raw script", "b/brief.md", "# t\n\n<script>alert(1)</script>\n"},
		{"brief raw img", "b/brief.md", "x <img src=x onerror=alert(1)> y\n"},
		{"brief javascript link", "b/brief.md", "[x](javascript:alert(1))\n"},
		{"unknown kind", "b/data.bin", "x"},
		{"script outside theme dirs", "b/evil.js", "alert(1)"},
	}
	for _, c := range bad {
		r := newReport()
		r.checkFile(c.file, []byte(c.data))
		if len(r.problems) == 0 {
			t.Errorf("%s: checker found nothing in %s: %s", c.name, c.file, c.data)
		}
	}
	good := []struct{ name, file, data string }{
		{"escaped text", "a/index.html", page(`<p>&lt;script&gt;alert(1)&lt;/script&gt; &#34; onerror=&#34;x</p><a href="/a/" title="&lt;img onerror=x&gt;">a</a>`)},
		{"theme scripts", "search/index.html", page(`<script src="/vendor/minisearch/minisearch.umd.js" defer></script><script src="/news/js/search.js" defer></script>`)},
		{"json data script", "a/index.html", page(`<script type="application/json">{"a":"\u003c/script\u003e"}</script>`)},
		{"feed escaped text", "feed.xml", `<feed xmlns="http://www.w3.org/2005/Atom"><title>&lt;script&gt;</title><content type="html">&lt;p&gt;&amp;lt;script&amp;gt;&lt;/p&gt;</content></feed>`},
		{"json escaped", "search/index.json", `{"t":"\u003c/script\u003e"}`},
		{"brief escaped", "b/brief.md", "# &lt;script&gt; \\<img src=x>\n"},
	}
	for _, c := range good {
		r := newReport()
		r.checkFile(c.file, []byte(c.data))
		if len(r.problems) > 0 {
			t.Errorf("%s: false alarm: %s", c.name, strings.Join(r.problems, "; "))
		}
	}
}
