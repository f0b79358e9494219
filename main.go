// Command briefgen builds news-briefing websites from source articles: it
// reads the articles in content/, extracts who said what, who is who and what
// happened when, and publishes a static site.
//
// Each subcommand lives in its own cmd_*.go file and registers itself on
// rootCmd from an init function.
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"
)

var rootCmd = &cobra.Command{
	Use:           "briefgen",
	Short:         "Build news-briefing websites from source articles",
	SilenceUsage:  true,
	SilenceErrors: true,
}

// exitError carries an exit status through cobra without printing twice.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func main() { os.Exit(run()) }

// run executes the CLI and returns the process exit status. It is separate
// from main so testscript can run the CLI in-process.
func run() int {
	if err := rootCmd.Execute(); err != nil {
		fmt.Fprintln(os.Stderr, "briefgen:", err)
		var ee *exitError
		if errors.As(err, &ee) {
			return ee.code
		}
		return 1
	}
	return 0
}
