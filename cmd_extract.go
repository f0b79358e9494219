package main

import (
	"encoding/json"
	"fmt"
	"io"
	"runtime"
	"sync"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"briefgen/generator/extract"
	"briefgen/generator/source"
)

func init() {
	var published string
	cmd := &cobra.Command{
		Use:   "extract [--published YYYY-MM-DD] FILE...",
		Short: "Print the facts extracted from articles as JSON (the extract contract)",
		Long: `Extract reads each FILE (Markdown with YAML or TOML front matter, or a
.txt file whose first non-empty line is the title) and prints one JSON
document with the actors, quotations, dates and timeline events found in
each, as specified by the extract contract, version 1.

--published gives the publication date to every FILE whose front matter has
none; relative dates ("on Tuesday", "last week") resolve against it.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var pub time.Time
			if published != "" {
				t, err := time.Parse("2006-01-02", published)
				if err != nil {
					return &exitError{2, fmt.Errorf("--published %q: want a date as YYYY-MM-DD", published)}
				}
				pub = t
			}
			out, err := extractFiles(afero.NewOsFs(), args, pub)
			if err != nil {
				return &exitError{1, err}
			}
			return writeJSON(cmd.OutOrStdout(), out)
		},
	}
	cmd.Flags().StringVar(&published, "published", "", "publication date (YYYY-MM-DD) for files that give none")
	rootCmd.AddCommand(cmd)
}

// extractFiles parses and extracts every file, in parallel, and returns the
// articles in the order the files were given. The first file that cannot be
// read or parsed fails the whole run with an error naming it.
func extractFiles(fs afero.Fs, files []string, published time.Time) (*extract.Output, error) {
	arts := make([]extract.Article, len(files))
	errs := make([]error, len(files))
	work := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < min(runtime.GOMAXPROCS(0), len(files)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				arts[i], errs[i] = extractFile(fs, files[i], published)
			}
		}()
	}
	for i := range files {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return &extract.Output{Version: extract.Version, Articles: arts}, nil
}

func extractFile(fs afero.Fs, path string, published time.Time) (extract.Article, error) {
	data, err := afero.ReadFile(fs, path)
	if err != nil {
		return extract.Article{}, err
	}
	a, err := source.ParseArticle(path, data)
	if err != nil {
		return extract.Article{}, err
	}
	d := a.Doc
	if d.Published.IsZero() {
		d.Published = published
	}
	return extract.Run(d).Contract(path, a.Title, d), nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
