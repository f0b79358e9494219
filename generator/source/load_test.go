package source

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/spf13/afero"
)

// site writes files (path -> content) into a fresh MemMapFs under root.
func site(t testing.TB, root string, files map[string]string) afero.Fs {
	t.Helper()
	fs := afero.NewMemMapFs()
	for p, c := range files {
		if err := afero.WriteFile(fs, filepath.Join(root, p), []byte(c), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return fs
}

func paths(as []*Article) []string {
	var out []string
	for _, a := range as {
		out = append(out, a.Path)
	}
	return out
}

func TestLoad(t *testing.T) {
	fs := site(t, "/site", map[string]string{
		"site.yaml":                "title: Test site\nbaseURL: https://example.org/news\nlanguage: en-GB\nfooter: hello\n",
		"content/nk/_index.md":     "---\ntitle: North Korea\nsummary: Troops and talks.\ndate: 2024-11-01\nweight: 2\n---\nIntro *text*.\n",
		"content/nk/new.md":        "---\ntitle: New\ndate: 2024-11-22\n---\nBody.\n",
		"content/nk/old.md":        "---\ntitle: Old\ndate: 2024-01-01\n---\nBody.\n",
		"content/nk/same-day-b.md": "---\ntitle: B\ndate: 2024-06-01\n---\nBody.\n",
		"content/nk/same-day-a.md": "---\ntitle: A\ndate: 2024-06-01\n---\nBody.\n",
		"content/nk/wire.txt":      "Wire story title\n\nFILE - A caption.\n\nText.\n",
		"content/nk/wire.yaml":     "date: 2024-07-04\nsource: Wire\n",
		"content/nk/nodate.txt":    "Undated wire\n\nText.\n",
		"content/nk/sub/deep.md":   "---\ntitle: Deep\ndate: 2023-01-01\n---\n",
		"content/nk/draft.md":      "---\ntitle: Draft\ndraft: true\ndate: 2025-01-01\n---\n",
		"content/other/plain.txt":  "Plain with no date anywhere\n\nText.\n",
		"content/root-article.md":  "+++\ntitle = \"Root\"\ndate = 2022-02-02\n+++\n",
		"content/_index.md":        "---\ntitle: Home\n---\nWelcome.\n",
		"content/.DS_Store":        "\x00\x00\x00\x01Bud1",
		"content/nk/.hidden.md":    "---\ntitle: [broken\n---\n",
		"content/.git/config.md":   "---\ntitle: [broken\n---\n",
		"content/nk/new.md~":       "backup",
		"content/nk/.new.md.swp":   "swap",
		"content/nk/new.md.swp":    "swap",
		"content/nk/4913":          "",
		"content/nk/#new.md#":      "autosave",
		"content/nk/new.tmp":       "tmp",
		"content/nk/photo.jpg":     "\xff\xd8\xff\xe0\x00\x10JFIF\x00",
		"content/nk/binary.md":     "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
		"content/nk/nul.md":        "---\ntitle: Pasted\n---\nText with a stray \x00 byte.\n",
		"content/nk/notes.html":    "<p>notes</p>",
		"content/nk/orphan.yaml":   "date: 2024-01-01\n",
		"templates/ignored.md":     "---\ntitle: [broken\n---\n",
	})
	s, err := Load(fs, "/site", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if s.Config.Title != "Test site" || s.Config.BaseURL != "https://example.org/news/" || s.Config.Language != "en-GB" || s.Config.Params["footer"] != "hello" {
		t.Errorf("config = %+v", s.Config)
	}
	wantAll := []string{"content/nk/new.md", "content/nk/wire.txt", "content/nk/same-day-a.md", "content/nk/same-day-b.md",
		"content/nk/old.md", "content/nk/nodate.txt", "content/nk/sub/deep.md", "content/root-article.md", "content/other/plain.txt"}
	// nodate.txt takes the briefing's date (2024-11-01), so it sorts second.
	wantAll = []string{"content/nk/new.md", "content/nk/nodate.txt", "content/nk/wire.txt", "content/nk/same-day-a.md", "content/nk/same-day-b.md",
		"content/nk/old.md", "content/nk/sub/deep.md", "content/root-article.md", "content/other/plain.txt"}
	if got := paths(s.Articles); !reflect.DeepEqual(got, wantAll) {
		t.Errorf("articles =\n%q\nwant\n%q", got, wantAll)
	}
	if len(s.Briefings) != 2 || s.Briefings[0].Slug != "nk" || s.Briefings[1].Slug != "other" {
		t.Fatalf("briefings = %+v", s.Briefings)
	}
	nk := s.Briefings[0]
	if nk.Title != "North Korea" || nk.Summary != "Troops and talks." || nk.Path != "content/nk/_index.md" ||
		string(nk.Body) != "Intro *text*.\n" || nk.Date != date("2024-11-01") || nk.Params["weight"] != 2 {
		t.Errorf("briefing nk = %+v", nk)
	}
	if nk.RelPermalink() != "/nk/" {
		t.Errorf("briefing permalink %q", nk.RelPermalink())
	}
	if got := paths(nk.Articles); !reflect.DeepEqual(got, wantAll[:7]) {
		t.Errorf("nk articles = %q", got)
	}
	if o := s.Briefings[1]; o.Title != "Other" || o.Path != "" || len(o.Articles) != 1 {
		t.Errorf("briefing other = %+v", o)
	}
	if s.Home == nil || s.Home.Title != "Home" || string(s.Home.Body) != "Welcome.\n" {
		t.Errorf("home = %+v", s.Home)
	}
	byPath := map[string]*Article{}
	for _, a := range s.Articles {
		byPath[a.Path] = a
	}
	wire := byPath["content/nk/wire.txt"]
	if wire.Date != date("2024-07-04") || wire.Doc.Published != wire.Date || wire.Source != "Wire" || wire.Title != "Wire story title" ||
		wire.Doc.Slice(wire.Doc.Title) != "Wire story title" || wire.RelPermalink() != "/nk/wire/" || wire.Briefing != "nk" {
		t.Errorf("wire = %+v", wire)
	}
	if len(wire.Doc.Paragraphs) != 2 || wire.Doc.Paragraphs[0].Kind != 1 {
		t.Errorf("wire paragraphs = %+v", wire.Doc.Paragraphs)
	}
	if a := byPath["content/nk/nodate.txt"]; a.Date != date("2024-11-01") {
		t.Errorf("nodate.txt date = %v, want the briefing's", a.Date)
	}
	if a := byPath["content/nk/sub/deep.md"]; a.Briefing != "nk" || a.RelPermalink() != "/nk/deep/" {
		t.Errorf("deep = %q %q", a.Briefing, a.RelPermalink())
	}
	if a := byPath["content/root-article.md"]; a.Briefing != "" || a.RelPermalink() != "/root-article/" {
		t.Errorf("root article = %q %q", a.Briefing, a.RelPermalink())
	}
	wantWarn := []string{
		"/site/content/nk/notes.html: not an article (.md or .txt); skipped",
		"/site/content/nk/nul.md: contains NUL bytes, so it is read as a binary file; skipped",
		"/site/content/nk/orphan.yaml: not an article, and no orphan.txt beside it to describe; skipped",
		"/site/content/other/plain.txt: no publication date; give one in plain.yaml beside it (date: YYYY-MM-DD) or in the briefing's _index.md",
	}
	if !reflect.DeepEqual(s.Warnings, wantWarn) {
		t.Errorf("warnings =\n%q\nwant\n%q", s.Warnings, wantWarn)
	}
	for _, skip := range []string{"content/.DS_Store", "content/.git/", "content/nk/.hidden.md", "content/nk/new.md~", "content/nk/new.md.swp",
		"content/nk/4913", "content/nk/#new.md#", "content/nk/new.tmp", "content/nk/photo.jpg", "content/nk/binary.md", "content/nk/nul.md", "content/nk/draft.md (draft)"} {
		found := false
		for _, s := range s.Skipped {
			found = found || s == skip
		}
		if !found {
			t.Errorf("%s not in Skipped %q", skip, s.Skipped)
		}
	}

	// With drafts.
	s, err = Load(fs, "/site", Options{Drafts: true})
	if err != nil {
		t.Fatal(err)
	}
	if s.Articles[0].Path != "content/nk/draft.md" || !s.Articles[0].Draft {
		t.Errorf("with drafts, first article = %q", s.Articles[0].Path)
	}
}

func TestLoadEmpty(t *testing.T) {
	s, err := Load(afero.NewMemMapFs(), ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Articles) != 0 || len(s.Warnings) != 1 || s.Config.Title != "briefgen" {
		t.Errorf("empty site = %+v", s)
	}
}

func TestLoadErrors(t *testing.T) {
	ok := "---\ntitle: ok\ndate: 2024-01-01\n---\n"
	tests := []struct {
		name  string
		files map[string]string
		opt   Options
		want  []string // each error line, in order
	}{
		{"duplicate url", map[string]string{"content/b/x.md": ok, "content/b/x.txt": "T\n", "content/b/y.md": "---\nslug: x\n---\n"},
			Options{}, []string{
				"content/b/x.txt: article URL /b/x/ is also the URL of content/b/x.md; rename one or set a different slug",
				"content/b/y.md: article URL /b/x/ is also the URL of content/b/x.md; rename one or set a different slug",
			}},
		{"duplicate url by case", map[string]string{"content/b/X.md": "---\nslug: X\n---\n", "content/b/x.md": ok},
			Options{}, []string{"content/b/x.md: article URL /b/x/ is also the URL of content/b/X.md; rename one or set a different slug"}},
		{"root article takes a briefing's url", map[string]string{"content/b/x.md": ok, "content/b.md": ok},
			Options{}, []string{"content/b.md: article URL /b/ is also the URL of content/b/; rename one or set a different slug"}},
		{"two folders, one slug", map[string]string{"content/North Korea/x.md": ok, "content/north-korea/y.md": ok},
			Options{}, []string{"content/north-korea/: briefing URL /north-korea/ is also the URL of content/North Korea/; rename one or set a different slug"}},
		{"reserved name", map[string]string{"content/sitemap.xml.md": "---\nslug: sitemap.xml\n---\n"},
			Options{}, []string{`content/sitemap.xml.md: article URL /sitemap.xml/ takes the name "sitemap.xml", which the site generator uses; rename it or set slug`}},
		{"custom reserved name", map[string]string{"content/assets/a.md": ok},
			Options{Reserved: []string{"assets"}}, []string{`content/assets/: briefing URL /assets/ takes the name "assets", which the site generator uses; rename it or set slug`}},
		{"over size", map[string]string{"content/b/big.md": ok + strings.Repeat("x", 100)},
			Options{MaxFileSize: 64}, []string{"content/b/big.md: file is 135 bytes, over the limit of 64 bytes"}},
		{"several errors sorted", map[string]string{
			"content/z.md":        "---\ndate: nope\n---\n",
			"content/a/b.md":      "---\ntitle: [\n---\n",
			"content/a/c.txt":     "ok\n\xfe\n",
			"content/m/_index.md": "---\ndate: 2024-99-99\n---\n",
		}, Options{}, []string{
			"content/a/b.md:2: YAML: did not find expected node content",
			"content/a/c.txt:2: invalid UTF-8 (byte 0xFE at column 1); save the file as UTF-8",
			`content/m/_index.md:2: date: "2024-99-99" is not a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM or RFC 3339 like 2024-11-22T15:04:05Z)`,
			`content/z.md:2: date: "nope" is not a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM or RFC 3339 like 2024-11-22T15:04:05Z)`,
		}},
		{"bad sidecar", map[string]string{"content/b/w.txt": "T\n", "content/b/w.toml": "date = \"x\"\n"},
			Options{}, []string{`content/b/w.toml:1: date: "x" is not a date (want YYYY-MM-DD, YYYY-MM-DD HH:MM or RFC 3339 like 2024-11-22T15:04:05Z)`}},
		{"two sidecars", map[string]string{"content/b/w.txt": "T\n", "content/b/w.toml": "", "content/b/w.yaml": ""},
			Options{}, []string{"content/b/w.yaml: content/b/w.toml also describes w.txt; keep one"}},
		{"bad site config", map[string]string{"site.yaml": "title: [x\n", "content/a.md": ok},
			Options{}, []string{"site.yaml:1: YAML: did not find expected ',' or ']'"}},
		{"escaping slug in _index", map[string]string{"content/b/_index.md": "---\nslug: ../up\n---\n"},
			Options{}, []string{`content/b/_index.md:2: slug: slug "../up" contains a path separator; it would escape its folder`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := site(t, ".", tt.files)
			s, err := Load(fs, ".", tt.opt)
			if err == nil {
				t.Fatalf("no error; articles %q", paths(s.Articles))
			}
			if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("error =\n%q\nwant\n%q", got, tt.want)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("%T is not an *Error", err)
			}
		})
	}
}

func TestLoadDraftsDoNotCollide(t *testing.T) {
	fs := site(t, ".", map[string]string{
		"content/b/x.md":       "---\ntitle: x\n---\n",
		"content/b/x-draft.md": "---\nslug: x\ndraft: true\n---\n",
	})
	if _, err := Load(fs, ".", Options{}); err != nil {
		t.Errorf("without drafts: %v", err)
	}
	if _, err := Load(fs, ".", Options{Drafts: true}); err == nil {
		t.Error("with drafts: no duplicate URL error")
	}
}

// TestLoadDeterministic loads a site of many articles sharing dates
// repeatedly and checks the order never changes.
func TestLoadDeterministic(t *testing.T) {
	files := map[string]string{}
	for i := range 300 {
		files[fmt.Sprintf("content/b%d/a%03d.md", i%7, i)] = fmt.Sprintf("---\ntitle: A %d\ndate: 2024-01-%02d\n---\nText %d.\n", i, 1+i%5, i)
	}
	fs := site(t, ".", files)
	first, err := Load(fs, ".", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Articles) != 300 || len(first.Briefings) != 7 {
		t.Fatalf("got %d articles, %d briefings", len(first.Articles), len(first.Briefings))
	}
	for range 5 {
		s, err := Load(fs, ".", Options{})
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(paths(s.Articles), paths(first.Articles)) {
			t.Fatal("article order differs between runs")
		}
	}
	for i := 1; i < len(first.Articles); i++ {
		a, b := first.Articles[i-1], first.Articles[i]
		if a.Date.Before(b.Date) || (a.Date.Equal(b.Date) && a.Path > b.Path) {
			t.Fatalf("%s before %s: not newest first, ties by path", a.Path, b.Path)
		}
	}
}

func TestLoadSymlinks(t *testing.T) {
	outside := t.TempDir()
	root := t.TempDir()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Skipf("symlinks not available: %v", err)
		}
	}
	os.MkdirAll(filepath.Join(root, "content", "b"), 0o755)
	os.MkdirAll(filepath.Join(root, "shared"), 0o755)
	os.WriteFile(filepath.Join(outside, "secret.md"), []byte("---\ntitle: Secret\n---\n"), 0o644)
	os.WriteFile(filepath.Join(root, "shared", "inside.md"), []byte("---\ntitle: Inside\ndate: 2024-01-01\n---\n"), 0o644)
	must(os.Symlink(filepath.Join(outside, "secret.md"), filepath.Join(root, "content", "b", "secret.md")))
	must(os.Symlink("../../shared/inside.md", filepath.Join(root, "content", "b", "inside.md")))
	must(os.Symlink(outside, filepath.Join(root, "content", "linkout")))
	must(os.Symlink("../shared", filepath.Join(root, "content", "linkdir")))
	must(os.Symlink(filepath.Join(root, "content", "b", "secret.md"), filepath.Join(root, "content", "b", "chain.md")))
	s, err := Load(afero.NewOsFs(), root, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := paths(s.Articles); !reflect.DeepEqual(got, []string{"content/b/inside.md"}) {
		t.Errorf("articles = %q, want only the link that stays inside", got)
	}
	warn := strings.Join(s.Warnings, "\n")
	for _, w := range []string{"b/secret.md: symbolic link leads outside the site", "b/chain.md: symbolic link leads outside the site", "linkout: symbolic link leads outside the site", "linkdir: symbolic link does not lead to a regular file"} {
		if !strings.Contains(warn, w) {
			t.Errorf("warnings %q lack %q", warn, w)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	files := map[string]string{}
	body := strings.Repeat("A paragraph of body text, long enough to be typical of a news article.\n\n", 12)
	size := 0
	for i := range 500 {
		c := fmt.Sprintf("---\ntitle: Article %d\ndate: 2024-01-%02d\n---\n%s", i, 1+i%28, body)
		files[fmt.Sprintf("content/b%d/a%03d.md", i%10, i)] = c
		size += len(c)
	}
	fs := site(b, ".", files)
	b.SetBytes(int64(size))
	b.ResetTimer()
	for range b.N {
		if _, err := Load(fs, ".", Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func TestReadArticle(t *testing.T) {
	fs := site(t, ".", map[string]string{
		"in/wire.txt":  "Wire title\n\nBody.\n",
		"in/wire.toml": "date = 2024-11-22\nsource = \"Wire\"\ntitle = \"Renamed\"\n",
		"in/bare.txt":  "Bare title\n\nBody.\n",
		"in/bad.txt":   "T\n",
		"in/bad.yaml":  "date: [\n",
		"in/a.md":      "---\ntitle: A\ndate: 2024-01-02\n---\nBody.\n",
		"in/big.md":    strings.Repeat("x", 100),
	})
	a, err := ReadArticle(fs, "in/wire.txt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Date != date("2024-11-22") || a.Doc.Published != a.Date || a.Source != "Wire" || a.Title != "Renamed" || a.Doc.Slice(a.Doc.Title) != "Wire title" {
		t.Errorf("wire = %+v, title span %q", a, a.Doc.Slice(a.Doc.Title))
	}
	if a, err := ReadArticle(fs, "in/bare.txt", Options{}); err != nil || !a.Date.IsZero() || a.Title != "Bare title" {
		t.Errorf("bare = %+v, %v", a, err)
	}
	if a, err := ReadArticle(fs, "in/a.md", Options{}); err != nil || a.Date != date("2024-01-02") {
		t.Errorf("a.md = %+v, %v", a, err)
	}
	for name, want := range map[string]string{
		"in/bad.txt":     "in/bad.yaml:1: YAML:",
		"in/big.md":      "in/big.md: file is over the limit of 50 bytes",
		"in/missing.txt": "in/missing.txt: file does not exist",
	} {
		_, err := ReadArticle(fs, name, Options{MaxFileSize: 50})
		if err == nil || !strings.HasPrefix(err.Error(), want) {
			t.Errorf("ReadArticle(%s) = %v, want %q", name, err, want)
		}
	}
}
