package config

import (
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

func TestLoad(t *testing.T) {
	tests := []struct {
		name    string
		files   map[string]string
		want    Config
		wantErr string
	}{
		{"defaults", nil, Config{Title: "briefgen", BaseURL: "/", Language: "en"}, ""},
		{"yaml", map[string]string{"site/site.yaml": "title: My news\nbaseURL: https://example.org/sub\nlanguage: pt-BR\nparams:\n  color: red\n"},
			Config{Title: "My news", BaseURL: "https://example.org/sub/", Language: "pt-BR"}, ""},
		{"toml", map[string]string{"site/site.toml": "title = \"T\"\nbaseurl = \"/news/\"\n"},
			Config{Title: "T", BaseURL: "/news/", Language: "en"}, ""},
		{"bom crlf", map[string]string{"site/site.yaml": "\uFEFFtitle: T\r\nlanguage: fr\r\n"},
			Config{Title: "T", BaseURL: "/", Language: "fr"}, ""},
		{"both", map[string]string{"site/site.yaml": "", "site/site.toml": ""}, Config{}, "site/site.toml: both site.yaml and site.toml exist; keep one"},
		{"bad yaml", map[string]string{"site/site.yaml": "title: T\nbaseURL: [\n"}, Config{}, "site/site.yaml:2: YAML:"},
		{"bad toml", map[string]string{"site/site.toml": "title = \"T\"\n\nlanguage = en\n"}, Config{}, "site/site.toml:3: TOML:"},
		{"title not text", map[string]string{"site/site.yaml": "title: [a]\n"}, Config{}, "site/site.yaml:1: title: want a string"},
		{"bad base url", map[string]string{"site/site.yaml": "\nbaseURL: ftp://x/\n"}, Config{}, "site/site.yaml:2: baseURL:"},
		{"relative base url", map[string]string{"site/site.yaml": "baseURL: news/\n"}, Config{}, "site/site.yaml:1: baseURL:"},
		{"bad language", map[string]string{"site/site.yaml": "language: english please\n"}, Config{}, "site/site.yaml:1: language:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := afero.NewMemMapFs()
			for p, c := range tt.files {
				afero.WriteFile(fs, p, []byte(c), 0o644)
			}
			c, err := Load(fs, "site")
			if tt.wantErr != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
					t.Fatalf("error = %v, want prefix %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if c.Title != tt.want.Title || c.BaseURL != tt.want.BaseURL || c.Language != tt.want.Language {
				t.Errorf("got %+v, want %+v", c, tt.want)
			}
			if c.Params == nil {
				t.Error("Params is nil")
			}
		})
	}
}

func TestParams(t *testing.T) {
	c, err := Parse("site.yaml", []byte("title: T\nfooter: Made here\nparams:\n  color: red\n"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Params["footer"] != "Made here" {
		t.Errorf("footer = %v", c.Params["footer"])
	}
	if m, ok := c.Params["params"].(map[string]any); !ok || m["color"] != "red" {
		t.Errorf("params = %#v", c.Params["params"])
	}
}

func TestNormalizeBaseURL(t *testing.T) {
	for in, want := range map[string]string{
		"":                        "/",
		"/":                       "/",
		"/news":                   "/news/",
		"https://example.org":     "https://example.org/",
		"http://localhost:1313/x": "http://localhost:1313/x/",
	} {
		if got, err := NormalizeBaseURL(in); err != nil || got != want {
			t.Errorf("NormalizeBaseURL(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"news", "ftp://x/", "https:///x", "/a/../b", "/x?y=1", "//host/x", "javascript:alert(1)"} {
		if got, err := NormalizeBaseURL(in); err == nil {
			t.Errorf("NormalizeBaseURL(%q) = %q, want an error", in, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	utc := func(y, mo, d, h, mi, s int) time.Time { return time.Date(y, time.Month(mo), d, h, mi, s, 0, time.UTC) }
	for in, want := range map[string]time.Time{
		"2024-11-22":                utc(2024, 11, 22, 0, 0, 0),
		" 2024-11-22 ":              utc(2024, 11, 22, 0, 0, 0),
		"2024-11-22 15:04":          utc(2024, 11, 22, 15, 4, 0),
		"2024-11-22T15:04:05Z":      utc(2024, 11, 22, 15, 4, 5),
		"2024-11-22T15:04:05+09:00": utc(2024, 11, 22, 6, 4, 5),
		"2024-11-22T15:04":          utc(2024, 11, 22, 15, 4, 0),
	} {
		got, err := ParseDate(in)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []any{"Nov 22", "2024-02-30", "22/11/2024", "", 20241122, true, nil, []any{}} {
		if got, err := ParseDate(in); err == nil {
			t.Errorf("ParseDate(%#v) = %v, want an error", in, got)
		}
	}
	// TOML dates decode to go-toml types.
	m, err := Decode("x.toml", TOML, []byte("a = 2024-11-22\nb = 2024-11-22T10:30:00\nc = 2024-11-22T10:30:00Z\n"), 1)
	if err != nil {
		t.Fatal(err)
	}
	for k, want := range map[string]time.Time{"a": utc(2024, 11, 22, 0, 0, 0), "b": utc(2024, 11, 22, 10, 30, 0), "c": utc(2024, 11, 22, 10, 30, 0)} {
		if got, err := ParseDate(m.Values[k]); err != nil || !got.Equal(want) {
			t.Errorf("TOML %s: %v, %v; want %v", k, got, err, want)
		}
	}
}

func TestDecodeLines(t *testing.T) {
	for _, tt := range []struct {
		format Format
		text   string
		first  int
		lines  map[string]int
	}{
		{YAML, "a: 1\n\nb:\n  - x\nc: y\n", 2, map[string]int{"a": 2, "b": 4, "c": 6}},
		{TOML, "a = 1\n# c\n'b' = 2\n\"c\" = 3\n[t]\nd = 1\n", 5, map[string]int{"a": 5, "b": 7, "c": 8, "t": 9}},
	} {
		m, err := Decode("f", tt.format, []byte(tt.text), tt.first)
		if err != nil {
			t.Fatal(err)
		}
		for k, want := range tt.lines {
			if m.Lines[k] != want {
				t.Errorf("%v %q: line %d, want %d", tt.format, k, m.Lines[k], want)
			}
		}
	}
}
