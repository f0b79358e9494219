package config

import (
	"errors"
	"strings"
	"testing"
)

// FuzzDecode feeds YAML and TOML (site.yaml, sidecars, front matter) to
// Decode and Parse: no panic, errors are *Error with the file's name and a
// line inside the file, and every key's line is inside the file too.
func FuzzDecode(f *testing.F) {
	laughs := "a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
	for _, s := range []string{
		"title: Site\nbaseURL: https://example.org/news/\nlanguage: en-GB\n",
		"title = 'Site'\nbaseURL = 'https://example.org/'\n[params]\nfooter = 'x'\n",
		"date: 2024-11-22\nsource: Wire\ntags: [a, b]\n",
		"title: [broken\n",
		"a: 1\na: 2\n",
		"- a\n- b\n",
		laughs,
		"x: " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n",
		"x = " + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "\n",
		"\ufefftitle: BOM\r\nlanguage: 'en\" onload=\"x'\r\n",
		"title: \"\\0\\x00\"\n",
		"date = 1979-05-27T07:32:00Z\n",
		"? [a, b]\n: c\n",
		"!!binary x: y\n",
		"&a x: *a\n",
	} {
		f.Add(s, uint8(0), 1)
		f.Add(s, uint8(1), 3)
	}
	f.Fuzz(func(t *testing.T, data string, format uint8, first int) {
		first = 1 + (first&0xff)%50
		fm := YAML
		if format%2 == 1 {
			fm = TOML
		}
		// YAML also breaks lines at a lone CR: count those too.
		lines := strings.Count(data, "\n") + strings.Count(data, "\r") + first + 1
		m, err := Decode("f.yaml", fm, []byte(data), first)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %T %v, want *Error", err, err)
			}
			if e.File != "f.yaml" || e.Line < 0 || e.Line > lines {
				t.Fatalf("error %+v outside the file (%d lines)", e, lines)
			}
		} else {
			for k, l := range m.Lines {
				if l < first || l > lines {
					t.Fatalf("key %q on line %d, outside %d..%d", k, l, first, lines)
				}
			}
			if len(m.Keys) != len(m.Values) {
				t.Fatalf("%d keys for %d values", len(m.Keys), len(m.Values))
			}
		}
		if format%2 == 0 {
			if _, err := Parse("site.yaml", []byte(data)); err != nil {
				var e *Error
				if !errors.As(err, &e) && !strings.Contains(err.Error(), "site.yaml") {
					t.Fatalf("Parse error does not name the file: %v", err)
				}
			}
		}
	})
}
