package hardening

import (
	"path/filepath"
	"strings"
	"testing"
)

// Editor overrides carry text and addresses onto actor pages, the quote
// index, the timeline and the brief. Each hostile value is either refused
// with the file and line, or built into a site that passes checkSite.
func TestHostileOverrides(t *testing.T) {
	article := "---\ntitle: Talks\ndate: 2025-03-04\n---\n" +
		"\"We will sign,\" said John Smith, the foreign minister, on Monday, March 3, 2025, in Geneva.\n\n" +
		"Maria Lopez, a spokeswoman, said the deal was signed in Geneva on March 4, 2025.\n"
	entry := func(field, value string) string {
		switch field {
		case "quote speaker":
			return "  quotes:\n    - text: We will sign\n      speaker: " + yq(value) + "\n"
		case "event summary":
			return "  events:\n    - date: 2025-03-20\n      summary: " + yq(value) + "\n      venue: " + yq(value) + "\n      source: a\n"
		case "event correction":
			return "  events:\n    - date: 2025-03-03\n      match: sign\n      summary: " + yq(value) + "\n      venue: " + yq(value) + "\n"
		}
		return "  actors:\n    - match: John Smith\n      " + field + ": " + yq(value) + "\n"
	}
	values := []string{
		pScript, pImg, pAttrDQ, pAttrSQ, pEndJSON, pSVG,
		"javascript:alert('XSS-photo')", " JaVaScRiPt:alert(1)", "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
		"data:text/html,<script>alert(1)</script>", "vbscript:msgbox(1)", "//evil.example/x.png",
		"../../../../etc/passwd", "/img/../../../etc/passwd", `C:\Windows\x.png`, "a\x00b",
	}
	fields := []string{"name", "role", "photo", "id", "quote speaker", "event summary", "event correction"}
	built, refused := 0, 0
	for _, field := range fields {
		for _, v := range values {
			t.Run(field+"/"+v, func(t *testing.T) {
				src := t.TempDir()
				writeTree(t, src, map[string]string{
					"content/b/_index.md": "---\ntitle: B\noverrides:\n" + entry(field, v) + "---\n",
					"content/b/a.md":      article,
				})
				dest := filepath.Join(t.TempDir(), "public")
				_, log, err := buildOS(src, dest)
				if err != nil {
					if !strings.Contains(err.Error(), "content/b/_index.md:") {
						t.Errorf("refused without the file and line: %v", err)
					}
					refused++
					return
				}
				built++
				rep, err := checkSite(dest)
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range rep.problems {
					t.Error(p)
				}
				_ = log
			})
		}
	}
	t.Logf("%d hostile overrides built safely, %d refused with file and line", built, refused)
}

// The same through data/actors.yaml, the site-wide actor file.
func TestHostileActorsFile(t *testing.T) {
	src := t.TempDir()
	var b strings.Builder
	b.WriteString("actors:\n")
	b.WriteString("  - match: John Smith\n    name: " + yq("John "+pScript) + "\n    role: " + yq(pImg+pAttrDQ) + "\n")
	b.WriteString("  - match: Maria Lopez\n    role: " + yq(pEndJSON) + "\n    photo: " + yq("https://example.org/p.jpg\" onerror=\"alert(1)") + "\n")
	writeTree(t, src, map[string]string{
		"data/actors.yaml": b.String(),
		"content/b/a.md":   "---\ntitle: Talks\ndate: 2025-03-04\n---\n\"We will sign,\" said John Smith, the minister.\n\nMaria Lopez, a spokeswoman, agreed.\n",
	})
	dest := filepath.Join(t.TempDir(), "public")
	_, log, err := buildOS(src, dest)
	if err != nil {
		if !strings.Contains(err.Error(), "data/actors.yaml:") {
			t.Errorf("refused without the file and line: %v", err)
		}
		return
	}
	rep, err := checkSite(dest)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range rep.problems {
		t.Error(p)
	}
	if rep.texts["<script"] == 0 {
		t.Errorf("the hostile name never reached the pages as text (log %q)", log)
	}
}
