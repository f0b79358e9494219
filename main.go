// Command briefgen is a static site generator for news-briefing websites.
// Editors put source articles into content/<briefing>/; briefgen finds who
// said what, who is who and what happened when, and publishes a site.
//
// The binary embeds the default theme (templates/ and static/), so it builds
// a site from any folder; a site's own templates/ and static/ files override
// the embedded ones file by file.
package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// theme is the default theme: templates/ and static/ as in this repository.
//
//go:embed templates static
var theme embed.FS

// rootCmd is the briefgen command; each cmd_*.go file adds its subcommand
// in an init function.
var rootCmd = &cobra.Command{
	Use:   "briefgen",
	Short: "Build news-briefing websites from source articles",
	Long: `briefgen turns the articles in content/ into a static news-briefing site:
who said what (quotes and speakers), who is who (actors and their roles),
and what happened when (dates and a timeline), published as HTML pages,
Atom feeds and a sitemap.`,
	SilenceUsage:  true,
	SilenceErrors: true,
}

func init() {
	rootCmd.SetFlagErrorFunc(func(cmd *cobra.Command, err error) error {
		return &exitError{2, fmt.Errorf("%w (see %s --help)", err, cmd.CommandPath())}
	})
}

// exitError carries the exit status an error should end the program with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

// usageError marks a misuse of the command line (exit status 2).
func usageError(cmd *cobra.Command, format string, args ...any) error {
	return &exitError{2, fmt.Errorf(format+" (see %s --help)", append(args, cmd.CommandPath())...)}
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the command line and returns the exit status. Errors are
// printed once, each line as "briefgen: file:line: msg".
func run(args []string, stdout, stderr io.Writer) int {
	rootCmd.SetArgs(args)
	rootCmd.SetOut(stdout)
	rootCmd.SetErr(stderr)
	err := rootCmd.Execute()
	if err == nil {
		return 0
	}
	code := 1
	var ee *exitError
	if errors.As(err, &ee) {
		code = ee.code
	} else if strings.HasPrefix(err.Error(), "unknown command") || strings.Contains(err.Error(), "arg(s)") {
		code = 2
	}
	for _, line := range strings.Split(strings.TrimRight(err.Error(), "\n"), "\n") {
		fmt.Fprintf(stderr, "briefgen: %s\n", line)
	}
	return code
}
