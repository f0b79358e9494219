package hardening

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Payloads that try to run script wherever text lands: element content,
// attribute values (quoted both ways), URLs, JSON inside <script>, XML.
const (
	pScript   = `<script>alert("XSS-script")</script>`
	pImg      = `<img src=x onerror=alert('XSS-img')>`
	pAttrDQ   = `" onmouseover="alert('XSS-dq')" x="`
	pAttrSQ   = `' onfocus='alert(1)' autofocus x='`
	pEndJSON  = `</script><script>alert("XSS-json")</script><!--`
	pSVG      = `<svg/onload=alert('XSS-svg')>`
	pCDATA    = `]]><script>alert(1)</script><![CDATA[`
	pEntity   = `&lt;script&gt;alert(1)&lt;/script&gt; &#x3C;img src=x onerror=alert(1)&#x3E;`
	pTemplate = `{{.Site}} {{template "head" .}} ${alert(1)} {{constructor.constructor('alert(1)')()}}`
)

var allPayloads = strings.Join([]string{pScript, pImg, pAttrDQ, pAttrSQ, pEndJSON, pSVG, pCDATA, pEntity, pTemplate}, " ")

// yq quotes s as a YAML double-quoted scalar.
func yq(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`, "\x00", `\0`)
	return `"` + r.Replace(s) + `"`
}

// hostileBody is Markdown that attacks through every construct goldmark
// knows: raw HTML blocks and inline HTML, links and images with script
// schemes (plain, mixed case, entity-encoded, autolinks, references),
// quotations whose text carries </script>, and captions.
func hostileBody(tag string) string {
	return `Officials in Geneva said on Monday, March 3, 2025, that the talks would resume. ` + pScript + ` ` + pImg + `

<script>alert("XSS-block-` + tag + `")</script>

<div onclick="alert('XSS-div')">raw block</div>

<iframe src="javascript:alert('XSS-iframe')"></iframe>

"` + pEndJSON + ` We will not accept this," said John Smith, the foreign minister of Ruritania, on Tuesday.

"Attribute ` + pAttrDQ + ` and ` + pAttrSQ + `," Maria Lopez, a spokeswoman for the ministry, told reporters.

Links: [plain](javascript:alert('XSS-link')), [mixed](JaVaScRiPt:alert(1)), [entity](java&#115;cript:alert(1)),
[tab](java	script:alert(1)), [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==),
[vb](vbscript:msgbox(1)), [quote](https://example.org/"onmouseover="alert(1)), <javascript:alert('XSS-autolink')>,
<data:text/html,<script>alert(1)</script>>, [ref][r1], ![img](javascript:alert('XSS-image')),
![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+), ![t](x" onerror="alert(1) "title").

[r1]: javascript:alert('XSS-ref')

# Heading ` + pScript + ` {onclick="alert(1)"}

| a ` + pImg + ` | b |
|---|---|
| ` + pSVG + ` | ` + pCDATA + ` |

Footnote[^1].

[^1]: ` + pScript + `

FILE - ` + pImg + ` Smith speaks in Geneva, Switzerland, on Jan. 5, 2024. (AP Photo/` + pScript + `)

The summit will be held in Vienna on April 10, 2025, ` + pEntity + ` ` + pTemplate + `.
`
}

// hostileSite is a site whose every editor-controlled text is an attack.
// Folder and file names carry markup too (they become titles and slugs).
func hostileSite() map[string]string {
	fm := func(title string, extra string) string {
		return "---\ntitle: " + yq(title) + "\ndate: 2025-03-04\nsource: " + yq("Wire "+pImg) +
			"\nauthor: " + yq(pAttrDQ+pScript) + "\ntags: [" + yq(pScript) + ", " + yq(pAttrSQ) + ", " + yq(pEndJSON) + "]\n" +
			"url: " + yq(`https://example.org/a"><script>alert('XSS-url')</script>?q='onerror='`) + "\n" + extra + "---\n"
	}
	b := `talks <script>alert(1)" onerror="x'><img src=x onerror=alert(2)>`
	files := map[string]string{
		"site.yaml":                   "title: " + yq("Site "+pScript+pAttrDQ) + "\n",
		"content/_index.md":           "---\ntitle: " + yq("Home "+pImg) + "\n---\n" + hostileBody("home"),
		"content/" + b + "/_index.md": "---\ntitle: " + yq("Briefing "+pScript+pAttrDQ) + "\nsummary: " + yq(pEndJSON+pImg) + "\n---\n" + hostileBody("index"),
		"content/" + b + "/a.md":      fm("Title "+pScript+pAttrDQ, "") + hostileBody("a"),
		"content/" + b + `/"><img src=x onerror=alert(1)>.md`: fm(pEndJSON+pSVG, "") + hostileBody("b"),
		"content/" + b + "/c.md":                              fm(pAttrSQ+pCDATA, "slug: "+yq("c-slug")+"\n") + hostileBody("c"),
		"content/" + b + "/plain.txt":                         "Text title " + pScript + pAttrDQ + "\n\n" + strings.ReplaceAll(hostileBody("txt"), "\n\n", "\n\n"),
		"content/" + b + "/plain.yaml":                        "date: 2025-03-05\nsource: " + yq(pImg) + "\nauthor: " + yq(pEndJSON) + "\n",
		"content/root " + pAttrSQ + ".md":                     fm("Root "+pSVG, "") + hostileBody("root"),
		"content/other/_index.md":                             "+++\ntitle = '''Other " + pScript + "'''\n+++\n" + hostileBody("toml"),
		"content/other/d.md":                                  "+++\ntitle = '''" + pEndJSON + pAttrDQ + "'''\ndate = 2025-03-06\ntags = ['''" + pImg + "''']\n+++\n" + hostileBody("d"),
	}
	return files
}

func TestHostileSiteHasNoExecutableInjection(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, hostileSite())
	dest := filepath.Join(t.TempDir(), "public")
	res, log, err := buildOS(src, dest)
	if err != nil {
		t.Fatalf("build of the hostile site failed: %v\n%s", err, log)
	}
	t.Logf("built %d files, %d pages; warnings:\n%s", res.Files, res.Pages, log)
	rep, err := checkSite(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.problems {
		t.Error(p)
	}
	t.Logf("checked files by kind: %v; hostile markers seen as text: %v", rep.files, rep.texts)
	// The payloads must arrive as visible text, not vanish: otherwise the
	// test proves nothing.
	for _, m := range []string{"<script", "onerror="} {
		if rep.texts[m] == 0 {
			t.Errorf("no text in the output carries %q: hostile input did not reach the pages", m)
		}
	}
	if rep.files["html"] < 5 || rep.files["xml"] < 2 {
		t.Errorf("too few files checked: %v", rep.files)
	}
	// Every file written stays inside the destination: nothing beside it
	// but what was there.
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("destination's parent holds %v, want only public", names)
	}
}
