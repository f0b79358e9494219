package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"briefgen/generator/build"
	"briefgen/generator/config"
)

func init() {
	var opts build.Options
	var cpuProfile, memProfile string
	cmd := &cobra.Command{
		Use:   "build [--source DIR] [--destination DIR] [--base-url URL] [--drafts] [--quiet] [--verbose]",
		Short: "Build the site into public/",
		Long: `Build reads the site at --source (site.yaml, content/, and optional
templates/ and static/ that override the built-in theme) and writes the
site to --destination. The new site is written beside the old one and
swapped in only when complete: a build that fails leaves the previous
output untouched.

Problems in the sources are reported as "file:line: message", all of them
at once, and the build exits with status 1. Warnings (an article without a
date, a file that is not an article) do not stop the build.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if opts.Quiet && opts.Verbose {
				return usageError(cmd, "--quiet and --verbose exclude each other")
			}
			if opts.BaseURL != "" {
				u, err := config.NormalizeBaseURL(opts.BaseURL)
				if err != nil {
					return usageError(cmd, "--base-url: %v", err)
				}
				opts.BaseURL = u
			}
			stderr := cmd.ErrOrStderr()
			opts.Theme = theme
			opts.Log = stderr
			if !opts.Quiet && isTerminal(stderr) {
				opts.Progress = stderr
			}
			if cpuProfile != "" {
				stop, err := startCPUProfile(cpuProfile)
				if err != nil {
					return err
				}
				defer stop()
			}
			res, err := build.Build(afero.NewOsFs(), opts)
			if err != nil {
				return err
			}
			if memProfile != "" {
				if err := writeMemProfile(memProfile); err != nil {
					return err
				}
			}
			if !opts.Quiet {
				dest := opts.Destination
				if dest == "" {
					dest = filepath.Join(opts.Source, "public")
				}
				fmt.Fprintf(cmd.OutOrStdout(), "built %s, %s and %s into %s in %v\n",
					plural(res.Articles, "article"), plural(res.Pages, "page"), plural(res.Files, "file"),
					dest, res.Duration.Round(time.Millisecond))
			}
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Source, "source", "s", ".", "site root: holds site.yaml, content/, templates/, static/")
	f.StringVarP(&opts.Destination, "destination", "d", "", "output folder (default <source>/public)")
	f.StringVar(&opts.BaseURL, "base-url", "", "URL the site is served at, e.g. https://example.org/news/ (overrides site.yaml baseURL)")
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	f.BoolVarP(&opts.Quiet, "quiet", "q", false, "print nothing but errors")
	f.BoolVarP(&opts.Verbose, "verbose", "v", false, "also print skipped files and timings")
	f.StringVar(&cpuProfile, "profile-cpu", "", "write a Go CPU profile of the build to `FILE` (for go tool pprof)")
	f.MarkHidden("profile-cpu")
	f.StringVar(&memProfile, "profile-mem", "", "write a Go allocation profile of the build to `FILE` (for go tool pprof)")
	f.MarkHidden("profile-mem")
	rootCmd.AddCommand(cmd)
}

// startCPUProfile starts a CPU profile written to name; stop ends it.
func startCPUProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, fmt.Errorf("--profile-cpu: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("--profile-cpu: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// writeMemProfile writes the allocations sampled since the program
// started (and the heap in use at the last collection) to name.
func writeMemProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return fmt.Errorf("--profile-mem: %w", err)
	}
	if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
		f.Close()
		return fmt.Errorf("--profile-mem: %w", err)
	}
	return f.Close()
}

// isTerminal reports whether w is a terminal (a character device), where
// progress lines make sense.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

func plural(n int, word string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", word)
	}
	return fmt.Sprintf("%d %ss", n, word)
}
