package build

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/spf13/afero"
)

// snapshot reads every file under dir: slash path -> content.
func snapshot(t *testing.T, afs afero.Fs, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := afero.Walk(afs, dir, func(p string, fi fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() {
			return nil
		}
		b, err := afero.ReadFile(afs, p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = string(b)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// changedFiles lists the paths whose content differs between a and b.
func changedFiles(a, b map[string]string) []string {
	var out []string
	for p, s := range b {
		if o, ok := a[p]; !ok || o != s {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// sessionSite writes a small site of three briefings and a loose article
// under root, with articles drawn from testdata/paragraphs.txt.
func sessionSite(t *testing.T, afs afero.Fs, root string) func(name, body string) {
	t.Helper()
	raw, err := os.ReadFile("testdata/paragraphs.txt")
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(strings.TrimSpace(string(raw)), "\n\n")
	write := func(name, body string) {
		t.Helper()
		p := filepath.Join(root, filepath.FromSlash(name))
		afs.MkdirAll(filepath.Dir(p), 0o755)
		if err := afero.WriteFile(afs, p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		// Each edit gets a later time, as an editor's save would.
		later := time.Now().Add(time.Duration(len(body)) * time.Millisecond)
		afs.Chtimes(p, later, later)
	}
	write("site.yaml", "title: Session\nbaseURL: https://example.org/\n")
	for b := 0; b < 3; b++ {
		write(fmt.Sprintf("content/b%d/_index.md", b), fmt.Sprintf("---\ntitle: Briefing %d\n---\nAbout briefing %d.\n", b, b))
		for i := 0; i < 4; i++ {
			n := b*4 + i
			body := strings.Join([]string{paras[n%len(paras)], paras[(n+3)%len(paras)], paras[(n+5)%len(paras)]}, "\n\n")
			write(fmt.Sprintf("content/b%d/a%d.md", b, i), fmt.Sprintf("---\ntitle: Article %d\ndate: 2025-0%d-1%d\nsource: Outlet\n---\n\n%s\n", n, b+1, i, body))
		}
	}
	write("content/loose.md", "---\ntitle: Loose\ndate: 2025-05-01\n---\n\n"+paras[0]+"\n")
	return write
}

func TestSessionIncremental(t *testing.T) {
	for _, name := range []string{"mem", "os"} {
		t.Run(name, func(t *testing.T) {
			var afs afero.Fs = afero.NewMemMapFs()
			root := "/w"
			if name == "os" {
				afs, root = afero.NewOsFs(), t.TempDir()
			}
			src, out, fresh := root+"/site", root+"/out", root+"/fresh"
			write := sessionSite(t, afs, src)
			s, err := NewSession(afs, Options{Source: src, Destination: out, Theme: theme, NoSync: true, Quiet: true})
			if err != nil {
				t.Fatal(err)
			}
			var last map[string]string
			step := func(what string, changed []string, units int) {
				t.Helper()
				res, err := s.Build(changed)
				if err != nil {
					t.Fatalf("%s: %v", what, err)
				}
				got := snapshot(t, afs, out)
				if _, err := Build(afs, Options{Source: src, Destination: fresh, Theme: theme, NoSync: true, Quiet: true}); err != nil {
					t.Fatalf("%s: full build: %v", what, err)
				}
				want := snapshot(t, afs, fresh)
				if d := changedFiles(want, got); len(d) > 0 {
					t.Errorf("%s: incremental output differs from a full build in %d files: %v", what, len(d), d[:min(len(d), 8)])
				}
				if wantChanged := changedFiles(last, got); !reflect.DeepEqual(res.Changed, wantChanged) {
					t.Errorf("%s: Changed = %v\nwant %v", what, res.Changed, wantChanged)
				}
				if res.Files != len(got) {
					t.Errorf("%s: Files = %d, output has %d", what, res.Files, len(got))
				}
				if s.rendered != units {
					t.Errorf("%s: %d units rendered, want %d", what, s.rendered, units)
				}
				last = got
			}
			step("first build", nil, 4)
			if len(last) == 0 {
				t.Fatal("no output")
			}
			step("nothing changed", []string{"content/b1/a1.md"}, 1)
			write("content/b1/a1.md", "---\ntitle: Article 5\ndate: 2025-02-11\nsource: Outlet\n---\n\n\"We will not sign,\" the minister, Ana Ruiz, said on Monday.\n\nThe talks resume in Geneva.\n")
			step("article body changed", []string{"content/b1/a1.md"}, 1)
			b, err := afero.ReadFile(afs, filepath.Join(src, "content/b0/a3.md"))
			if err != nil {
				t.Fatal(err)
			}
			write("content/b0/a3.md", string(b)+"\nOne more plain sentence at the end.\n")
			step("paragraph appended", []string{"content/b0/a3.md"}, 1)
			b, err = afero.ReadFile(afs, filepath.Join(src, "content/b1/a2.md"))
			if err != nil {
				t.Fatal(err)
			}
			front, body, _ := strings.Cut(string(b), "---\n\n")
			write("content/b1/a2.md", front+"---\n\nA new first paragraph, plain.\n\n"+body)
			step("excerpt changed", []string{"content/b1/a2.md"}, 1)
			write("content/b2/new.md", "---\ntitle: New one\ndate: 2025-03-20\n---\n\nThe council met again on Friday.\n")
			step("article added", []string{"content/b2/new.md"}, 4)
			if err := afs.Remove(filepath.Join(src, "content/b0/a2.md")); err != nil {
				t.Fatal(err)
			}
			step("article deleted", []string{"content/b0/a2.md"}, 4)
			write("content/b2/_index.md", "---\ntitle: Briefing 2\n---\nAbout briefing 2, with more words.\n")
			step("_index.md body changed", []string{"content/b2/_index.md"}, 1)
			write("content/b2/_index.md", "---\ntitle: Briefing Two\n---\nAbout briefing 2.\n")
			step("_index.md title changed", []string{"content/b2/_index.md"}, 4)
			write("content/loose.md", "---\ntitle: Loose\ndate: 2025-05-01\n---\n\nA different loose text.\n")
			step("loose article changed", []string{"content/loose.md"}, 1)
			tpl, err := fs.ReadFile(theme, "templates/article.html")
			if err != nil {
				t.Fatal(err)
			}
			write("templates/article.html", strings.Replace(string(tpl), "</article>", "<p>edited template</p></article>", 1))
			step("template changed", []string{"templates/article.html"}, 4)
			if !strings.Contains(last["b0/a0/index.html"], "edited template") {
				t.Error("the changed template did not reach the article pages")
			}
			step("everything", nil, 4)

			// A failed build leaves the output as it was; the next good
			// one does what it was told as well as what it is told.
			keep, err := afero.ReadFile(afs, filepath.Join(src, "content/b0/a1.md"))
			if err != nil {
				t.Fatal(err)
			}
			b, err = afero.ReadFile(afs, filepath.Join(src, "content/b1/a0.md"))
			if err != nil {
				t.Fatal(err)
			}
			front, body, _ = strings.Cut(string(b), "---\n\n")
			write("content/b1/a0.md", front+"---\n\nAnother new lead paragraph.\n\n"+body)
			write("content/b0/a1.md", "---\ntitle: [broken\n---\nText.\n")
			before0 := snapshot(t, afs, out)
			if _, err := s.Build([]string{"content/b1/a0.md", "content/b0/a1.md"}); err == nil {
				t.Fatal("broken front matter built")
			}
			if d := changedFiles(before0, snapshot(t, afs, out)); len(d) > 0 {
				t.Errorf("failed build changed the output: %v", d)
			}
			write("content/b0/a1.md", string(keep))
			step("fixed after a failed batch", []string{"content/b0/a1.md"}, 2)
			before := snapshot(t, afs, out)
			write("content/b0/a0.md", "---\ntitle: [broken\n---\nText.\n")
			if _, err := s.Build([]string{"content/b0/a0.md"}); err == nil {
				t.Fatal("broken front matter built")
			}
			if d := changedFiles(before, snapshot(t, afs, out)); len(d) > 0 {
				t.Errorf("failed build changed the output: %v", d)
			}
			write("content/b0/a0.md", "---\ntitle: Fixed\ndate: 2025-01-10\n---\n\nFixed text, said the editor.\n")
			step("fixed", []string{"content/b0/a0.md"}, 4)
		})
	}
}

func TestSessionDestination(t *testing.T) {
	if _, err := NewSession(afero.NewMemMapFs(), Options{Source: "/s", Destination: "/s"}); err == nil {
		t.Error("a destination that is the site was accepted")
	}
}
