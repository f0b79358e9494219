package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"
	"go.yaml.in/yaml/v3"

	"briefgen/generator/source"
)

func init() {
	newCmd := &cobra.Command{
		Use:   "new",
		Short: "Start a site or an article",
	}
	newCmd.AddCommand(&cobra.Command{
		Use:   "site DIR",
		Short: "Write a site skeleton that builds as it is",
		Long: `New site writes a working skeleton into DIR: site.yaml, one briefing
(content/example-briefing/ with an _index.md) and one example article.
DIR must not exist or be empty.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			files, err := newSite(afero.NewOsFs(), args[0], time.Now())
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			for _, f := range files {
				fmt.Fprintf(out, "wrote %s\n", f)
			}
			fmt.Fprintf(out, "build it with: briefgen build --source %s\n", args[0])
			return nil
		},
	})
	var src string
	articleCmd := &cobra.Command{
		Use:   "article BRIEFING/NAME",
		Short: "Add a draft article to a briefing",
		Long: `New article writes content/BRIEFING/NAME.md under the site at --source,
with front matter filled in: the title made from NAME, today's date and
draft: true. Remove the draft line (or build with --drafts) to publish it.
It refuses to overwrite a file or to write outside content/.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := newArticle(afero.NewOsFs(), src, args[0], time.Now())
			if err != nil {
				return err
			}
			fmt.Fprintf(cmd.OutOrStdout(), "wrote %s\n", p)
			return nil
		},
	}
	articleCmd.Flags().StringVarP(&src, "source", "s", ".", "site root")
	newCmd.AddCommand(articleCmd)
	rootCmd.AddCommand(newCmd)
}

// exactArgs is cobra.ExactArgs with a usage error's exit status.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError(cmd, "want %d argument, got %d", n, len(args))
		}
		return nil
	}
}

// newSite writes the skeleton into dir, which must not exist or be empty,
// and returns the files written.
func newSite(fsys afero.Fs, dir string, now time.Time) ([]string, error) {
	if dir == "" {
		return nil, errors.New("new site: no folder given")
	}
	if info, err := fsys.Stat(dir); err == nil {
		if !info.IsDir() {
			return nil, fmt.Errorf("%s: exists and is not a folder", dir)
		}
		f, err := fsys.Open(dir)
		if err != nil {
			return nil, err
		}
		names, err := f.Readdirnames(1)
		f.Close()
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		if len(names) > 0 {
			return nil, fmt.Errorf("%s: folder is not empty; new site only writes into a new or empty folder", dir)
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	day := now.Format("2006-01-02")
	files := []struct{ name, text string }{
		{"site.yaml", skeletonConfig},
		{".gitignore", "/public/\n"},
		{"content/example-briefing/_index.md", skeletonIndex},
		{"content/example-briefing/first-article.md", strings.ReplaceAll(skeletonArticle, "DATE", day)},
	}
	var written []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.name))
		if err := writeNew(fsys, p, []byte(f.text)); err != nil {
			return written, err
		}
		written = append(written, p)
	}
	return written, nil
}

// newArticle writes a draft article at content/<name>.md under root and
// returns its path.
func newArticle(fsys afero.Fs, root, name string, now time.Time) (string, error) {
	rel, err := articlePath(name)
	if err != nil {
		return "", err
	}
	if info, err := fsys.Stat(filepath.Join(root, "content")); err != nil || !info.IsDir() {
		return "", fmt.Errorf("%s: no content folder; run new article in a site (or give --source)", filepath.Join(root, "content"))
	}
	stem := strings.TrimSuffix(path.Base(rel), ".md")
	title, err := yaml.Marshal(source.Humanize(stem))
	if err != nil {
		return "", err
	}
	text := "---\ntitle: " + strings.TrimSpace(string(title)) + "\ndate: " + now.Format("2006-01-02") +
		"\nsource: \"\"\nurl: \"\"\nauthor: \"\"\ntags: []\ndraft: true\n---\n\n" +
		"Write the article here: paragraphs separated by blank lines. A paragraph\nstarting with \"FILE - \" is a photo caption.\n"
	p := filepath.Join(root, "content", filepath.FromSlash(rel))
	if err := writeNew(fsys, p, []byte(text)); err != nil {
		return "", err
	}
	return p, nil
}

// articlePath checks BRIEFING/NAME (or NAME) and returns the article's
// slash path under content/, with ".md" added when missing.
func articlePath(name string) (string, error) {
	bad := func(why string) error {
		return &exitError{2, fmt.Errorf("new article %q: %s; want BRIEFING/NAME, e.g. north-korea/troops-arrive", name, why)}
	}
	if name == "" || strings.ContainsAny(name, "\\\x00") || strings.Contains(name, ":") {
		return "", bad("not a plain path")
	}
	if path.IsAbs(name) || filepath.IsAbs(name) {
		return "", bad("an absolute path would leave content/")
	}
	name = strings.TrimPrefix(name, "content/")
	parts := strings.Split(name, "/")
	if len(parts) > 2 {
		return "", bad("too many folders")
	}
	for _, p := range parts {
		switch {
		case p == "" || p == "." || p == "..":
			return "", bad("the path would leave content/")
		case strings.HasPrefix(p, "."):
			return "", bad("hidden names are skipped by build")
		}
	}
	last := parts[len(parts)-1]
	switch ext := path.Ext(last); ext {
	case ".md":
	case "":
		last += ".md"
	default:
		return "", bad("new articles are Markdown (.md)")
	}
	if last == "_index.md" {
		return "", bad("_index.md describes a briefing, it is not an article")
	}
	if source.Slugify(strings.TrimSuffix(last, ".md")) == "" {
		return "", bad("the name has no letters or digits for its URL")
	}
	parts[len(parts)-1] = last
	return strings.Join(parts, "/"), nil
}

// writeNew creates p (and its folders) and fails if p exists.
func writeNew(fsys afero.Fs, p string, data []byte) error {
	if err := fsys.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := fsys.OpenFile(p, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, os.ErrExist) {
			return fmt.Errorf("%s: already exists; not overwritten", p)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

const skeletonConfig = `# Site settings; every key is optional.
title: My briefings
language: en
# baseURL: https://example.org/briefings/   # where the site is served (or use --base-url)
`

const skeletonIndex = `---
title: Example briefing
summary: A briefing follows one story through many articles.
---
Each folder under content/ is a briefing. This _index.md gives its title,
its summary and an introduction, like this paragraph. Put the briefing's
articles beside it, as .md files with front matter or as .txt files whose
first line is the title.
`

const skeletonArticle = `---
title: Harbor town opens new ferry terminal
date: DATE
source: Example Gazette
tags: [transport]
---

FILE - A ferry waits at the old pier in the harbor town, March 3, 2023.

The harbor town opened its new ferry terminal on Monday, ending three years of
construction on the waterfront.

"This terminal connects the islands to the mainland all year round," Mayor Ana
Costa said at the opening ceremony.

The old pier will close at the end of the month, the port authority said.
`
