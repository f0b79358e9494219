package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"syscall"
	"time"

	"github.com/spf13/afero"
	"github.com/spf13/cobra"

	"briefgen/generator/build"
	"briefgen/generator/serve"
	"briefgen/generator/watch"
)

func init() {
	var (
		opts build.Options
		bind string
		port int
		poll time.Duration
	)
	cmd := &cobra.Command{
		Use:   "serve [--source DIR] [--destination DIR] [--bind 127.0.0.1] [--port 1313] [--poll DURATION] [--drafts]",
		Short: "Preview the site, rebuilding it as you edit",
		Long: `Serve builds the site, serves it over HTTP and watches content/,
templates/, static/ and the site config. On every change it rebuilds, and
open pages whose output changed reload by themselves. When a rebuild fails,
the last good site stays up and every open page shows the error (file,
line, message) until it is fixed.

The site is built into a temporary folder (in memory, /dev/shm, when
there is room), removed on exit, unless --destination is given: serve
never touches public/ unless asked to.
--port 0 picks a free port. --poll 500ms polls for changes instead of
using file system events (network mounts, some containers); serve also
polls when events are unavailable, and says so.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if port < 0 || port > 65535 {
				return usageError(cmd, "--port %d: want 0 to 65535", port)
			}
			if poll < 0 {
				return usageError(cmd, "--poll %v: want a positive duration", poll)
			}
			return runServe(cmd, opts, bind, port, poll)
		},
	}
	f := cmd.Flags()
	f.StringVarP(&opts.Source, "source", "s", ".", "site root: holds site.yaml, content/, templates/, static/")
	f.StringVarP(&opts.Destination, "destination", "d", "", "output folder (default a temporary folder, removed on exit)")
	f.StringVar(&bind, "bind", "127.0.0.1", "interface address to listen on")
	f.IntVarP(&port, "port", "p", 1313, "port to listen on (0: any free port)")
	f.DurationVar(&poll, "poll", 0, "poll for changes at this interval instead of using file system events")
	f.BoolVarP(&opts.Drafts, "drafts", "D", false, "include articles marked draft: true")
	rootCmd.AddCommand(cmd)
}

func runServe(cmd *cobra.Command, opts build.Options, bind string, port int, poll time.Duration) error {
	stdout, stderr := cmd.OutOrStdout(), cmd.ErrOrStderr()
	if fi, err := os.Stat(opts.Source); err != nil {
		return err
	} else if !fi.IsDir() {
		return fmt.Errorf("%s is not a folder", opts.Source)
	}
	// Listen first: a port in use is reported before a long build.
	addr := net.JoinHostPort(bind, strconv.Itoa(port))
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		if errors.Is(err, syscall.EADDRINUSE) {
			return fmt.Errorf("port %d on %s is already in use (another briefgen serve?); stop it or choose another port with --port", port, bind)
		}
		return fmt.Errorf("cannot listen on %s: %v", addr, err)
	}
	defer ln.Close()
	host := bind
	if ip := net.ParseIP(bind); ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	url := "http://" + net.JoinHostPort(host, strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)) + "/"

	if opts.Destination == "" {
		// In memory when there is room for the site twice over (the new
		// build is staged beside the old one): the output is roughly 30
		// times the size of the sources.
		need := 2*30*dirSize(filepath.Join(opts.Source, "content")) + 256<<20
		tmp, err := os.MkdirTemp(memoryTempRoot(need), "briefgen-serve-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		opts.Destination = filepath.Join(tmp, "site")
	}
	opts.BaseURL = url
	opts.Theme = theme
	opts.Quiet = true // serve prints warnings itself, once each
	opts.NoSync = true
	b, err := serve.NewSiteBuilder(afero.NewOsFs(), opts)
	if err != nil {
		return err
	}
	srv := serve.New(serve.Options{Dir: b.Destination(), Builder: b, Log: stderr})

	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()

	w, err := watch.New(watch.Options{
		Root:    opts.Source,
		Exclude: []string{b.Destination()},
		Poll:    poll,
		Logf: func(format string, args ...any) {
			fmt.Fprintf(stderr, "watch: "+format+"\n", args...)
		},
	})
	if err != nil {
		return err
	}
	defer w.Close()

	// The first build may take a while on a big site; Ctrl-C must not
	// wait for it.
	first := make(chan struct{})
	go func() {
		defer close(first)
		if res, err := srv.Rebuild(nil); err == nil {
			fmt.Fprintf(stderr, "built %s in %v\n", plural(res.Pages, "page"), res.Duration.Round(time.Millisecond))
		}
	}()
	select {
	case <-first:
	case <-ctx.Done():
		fmt.Fprintln(stderr, "interrupted during the first build")
		b.Close()
		select {
		case <-first:
		case <-time.After(2 * time.Second):
		}
		return nil
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	hs.RegisterOnShutdown(srv.Close)
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	how := "file system events"
	if d := w.Polling(); d > 0 {
		how = "polling every " + d.String()
	}
	fmt.Fprintf(stdout, "Serving %s at %s (watching with %s; Ctrl-C to stop)\n", opts.Source, url, how)

	ran := make(chan struct{})
	go func() { srv.Run(ctx, w.C); close(ran) }()
	var failed error
	select {
	case <-ctx.Done():
	case err := <-served:
		failed = fmt.Errorf("server: %v", err)
	}
	stop() // a second Ctrl-C kills the process the usual way
	fmt.Fprintln(stderr, "shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		hs.Close()
	}
	w.Close()
	// A rebuild in progress fails at its next write from now on; give it
	// a moment to clean up its staging folder before the output goes.
	b.Close()
	select {
	case <-ran:
	case <-time.After(2 * time.Second):
	}
	return failed
}

// dirSize adds up the sizes of the files under dir.
func dirSize(dir string) int64 {
	var n int64
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Type().IsRegular() {
			if fi, err := d.Info(); err == nil {
				n += fi.Size()
			}
		}
		return nil
	})
	return n
}
