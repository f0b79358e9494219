package serve

import (
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/spf13/afero"

	"briefgen/generator/build"
)

// Builder rebuilds the site into the directory the Server serves.
//
// changed lists the source paths (slash paths relative to the site root)
// reported by the watcher since the last build; nil means "build
// everything" (the first build). A Builder may use it to rebuild only what
// depends on those files, as SiteBuilder does.
//
// On success the Result says which output files differ from the previous
// successful build; that list decides which open pages reload. On failure
// the previous output must be left in place, untouched.
type Builder interface {
	Build(changed []string) (*Result, error)
}

// BuilderFunc adapts a function to the Builder interface.
type BuilderFunc func(changed []string) (*Result, error)

// Build calls f(changed).
func (f BuilderFunc) Build(changed []string) (*Result, error) { return f(changed) }

// Result reports a successful rebuild.
type Result struct {
	// Changed lists the output files (slash paths relative to the output
	// directory) that were added, changed or removed, sorted.
	Changed  []string
	Pages    int // HTML pages in the output
	Warnings []string
	Duration time.Duration
}

// SiteBuilder is a Builder that keeps a build.Session: the first build
// renders the whole site, later ones only what the changed sources affect
// (see build.Session), and the Session reports which output files changed.
//
// Once no build has started for IdleTrim after a successful one, it
// returns the memory the builds left free to the system
// (debug.FreeOSMemory): between bursts of edits the server holds little
// more than its caches (a 10,000-article site: ~300 MB instead of ~500).
type SiteBuilder struct {
	opts   build.Options
	sess   *build.Session
	closed atomic.Bool

	mu   sync.Mutex
	trim *time.Timer // pending idle trim, or nil
}

// IdleTrim is how long a SiteBuilder waits after a build before it
// returns free memory to the system; an editor's next save usually comes
// later than that, and one that comes sooner only runs beside the
// collection.
var IdleTrim = 2 * time.Second

// errClosed fails the writes of a build still running after Close.
var errClosed = errors.New("serve: shutting down")

// Close makes a build in progress fail at its next write (and later builds
// at their first), so that the output directory can be removed without a
// build recreating parts of it.
func (b *SiteBuilder) Close() error {
	b.closed.Store(true)
	b.stopTrim()
	return nil
}

func (b *SiteBuilder) stopTrim() {
	b.mu.Lock()
	if b.trim != nil {
		b.trim.Stop()
		b.trim = nil
	}
	b.mu.Unlock()
}

// NewSiteBuilder returns a SiteBuilder for opts, built on fsys.
// opts.Destination must be set: serve never builds into the site's public/
// unless asked to.
func NewSiteBuilder(fsys afero.Fs, opts build.Options) (*SiteBuilder, error) {
	if opts.Destination == "" {
		return nil, errors.New("serve: no destination directory")
	}
	d, err := filepath.Abs(opts.Destination)
	if err != nil {
		return nil, err
	}
	opts.Destination = d
	b := &SiteBuilder{opts: opts}
	if b.sess, err = build.NewSession(&guardFs{Fs: fsys, closed: &b.closed}, opts); err != nil {
		return nil, err
	}
	return b, nil
}

// Destination returns the output directory.
func (b *SiteBuilder) Destination() string { return b.opts.Destination }

// Build rebuilds what the changed sources affect.
func (b *SiteBuilder) Build(changed []string) (*Result, error) {
	b.stopTrim()
	res, err := b.sess.Build(changed)
	if err != nil {
		return nil, err
	}
	if IdleTrim > 0 && !b.closed.Load() {
		b.mu.Lock()
		b.trim = time.AfterFunc(IdleTrim, trimMemory)
		b.mu.Unlock()
	}
	return &Result{Changed: res.Changed, Pages: res.Pages, Warnings: res.Warnings, Duration: res.Duration}, nil
}

// guardFs fails every change to the file system once closed is set.
type guardFs struct {
	afero.Fs
	closed *atomic.Bool
}

func (g *guardFs) check() error {
	if g.closed.Load() {
		return errClosed
	}
	return nil
}

func (g *guardFs) Mkdir(name string, perm os.FileMode) error {
	if err := g.check(); err != nil {
		return err
	}
	return g.Fs.Mkdir(name, perm)
}

func (g *guardFs) MkdirAll(name string, perm os.FileMode) error {
	if err := g.check(); err != nil {
		return err
	}
	return g.Fs.MkdirAll(name, perm)
}

func (g *guardFs) Rename(oldname, newname string) error {
	if err := g.check(); err != nil {
		return err
	}
	return g.Fs.Rename(oldname, newname)
}

func (g *guardFs) Remove(name string) error {
	if err := g.check(); err != nil {
		return err
	}
	return g.Fs.Remove(name)
}

func (g *guardFs) RemoveAll(name string) error {
	if err := g.check(); err != nil {
		return err
	}
	return g.Fs.RemoveAll(name)
}

func (g *guardFs) Create(name string) (afero.File, error) {
	return g.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (g *guardFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE) != 0 {
		if err := g.check(); err != nil {
			return nil, err
		}
	}
	return g.Fs.OpenFile(name, flag, perm)
}

// trimMemory returns free memory to the system (a variable for tests).
var trimMemory = debug.FreeOSMemory
