package serve

import (
	"errors"
	"hash/maphash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
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
// depends on those files; SiteBuilder rebuilds everything.
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

// SiteBuilder is a Builder that runs a full build.Build each time and finds
// the changed output files by hashing what the build writes (through a
// file system wrapper, so nothing is read back) and comparing with the
// previous build's hashes.
type SiteBuilder struct {
	fs     afero.Fs
	opts   build.Options
	seed   maphash.Seed
	prev   map[string]uint64 // output path -> content hash of the last good build
	closed atomic.Bool
}

// errClosed fails the writes of a build still running after Close.
var errClosed = errors.New("serve: shutting down")

// Close makes a build in progress fail at its next write (and later builds
// at their first), so that the output directory can be removed without a
// build recreating parts of it.
func (b *SiteBuilder) Close() error {
	b.closed.Store(true)
	return nil
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
	return &SiteBuilder{fs: fsys, opts: opts, seed: maphash.MakeSeed()}, nil
}

// Destination returns the output directory.
func (b *SiteBuilder) Destination() string { return b.opts.Destination }

// Build runs build.Build and compares the output with the previous one.
func (b *SiteBuilder) Build(changed []string) (*Result, error) {
	start := time.Now()
	t := &tapFs{Fs: b.fs, parent: filepath.Dir(b.opts.Destination), seed: b.seed, sums: make(map[string]uint64), closed: &b.closed}
	res, err := build.Build(t, b.opts)
	if err != nil {
		return nil, err
	}
	// Every output file should have been seen on its way out; anything
	// the build placed there some other way is read and hashed here.
	cur := t.sums
	dest := b.opts.Destination
	err = afero.Walk(b.fs, dest, func(p string, fi fs.FileInfo, err error) error {
		if err != nil {
			return err
		}
		if fi.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dest, p)
		rel = filepath.ToSlash(rel)
		if _, ok := cur[rel]; ok {
			return nil
		}
		f, err := b.fs.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		var h maphash.Hash
		h.SetSeed(b.seed)
		if _, err := io.Copy(&h, f); err != nil {
			return err
		}
		cur[rel] = h.Sum64()
		return nil
	})
	if err != nil {
		return nil, err
	}
	// Paths the tap saw that are not in the output (none, normally).
	for p := range cur {
		if _, err := b.fs.Stat(filepath.Join(dest, filepath.FromSlash(p))); err != nil {
			delete(cur, p)
		}
	}
	out := &Result{Changed: diff(b.prev, cur), Pages: res.Pages, Warnings: res.Warnings}
	b.prev = cur
	out.Duration = time.Since(start)
	return out, nil
}

// diff returns the sorted paths whose hash differs between a and b, or
// that are in only one of them.
func diff(a, b map[string]uint64) []string {
	var out []string
	for p, h := range b {
		if o, ok := a[p]; !ok || o != h {
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

// tapFs hashes every file written below parent (the destination's parent
// directory, where the build stages its output beside the destination).
// The output path recorded is the path below the staging directory: the
// first path element under parent is dropped.
type tapFs struct {
	afero.Fs
	parent string
	seed   maphash.Seed
	closed *atomic.Bool // set: every change to the file system fails

	mu   sync.Mutex
	sums map[string]uint64
}

func (t *tapFs) Mkdir(name string, perm os.FileMode) error {
	if t.closed.Load() {
		return errClosed
	}
	return t.Fs.Mkdir(name, perm)
}

func (t *tapFs) MkdirAll(name string, perm os.FileMode) error {
	if t.closed.Load() {
		return errClosed
	}
	return t.Fs.MkdirAll(name, perm)
}

func (t *tapFs) Rename(oldname, newname string) error {
	if t.closed.Load() {
		return errClosed
	}
	return t.Fs.Rename(oldname, newname)
}

func (t *tapFs) rel(name string) (string, bool) {
	abs, err := filepath.Abs(name)
	if err != nil {
		return "", false
	}
	r, err := filepath.Rel(t.parent, abs)
	if err != nil || r == "." || strings.HasPrefix(r, "..") {
		return "", false
	}
	_, rest, ok := strings.Cut(filepath.ToSlash(r), "/")
	return rest, ok && rest != ""
}

func (t *tapFs) Create(name string) (afero.File, error) {
	return t.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (t *tapFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	if flag&(os.O_WRONLY|os.O_RDWR|os.O_CREATE) != 0 && t.closed.Load() {
		return nil, errClosed
	}
	f, err := t.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&(os.O_WRONLY|os.O_RDWR) == 0 || flag&os.O_TRUNC == 0 {
		return f, err
	}
	rel, ok := t.rel(name)
	if !ok {
		return f, err
	}
	tf := &tapFile{File: f, t: t, rel: rel}
	tf.h.SetSeed(t.seed)
	return tf, nil
}

// tapFile hashes what is written to it, sequentially, and records the sum
// on Close. A file written any other way (WriteAt, Seek) is not recorded
// and is hashed from disk after the build instead.
type tapFile struct {
	afero.File
	t      *tapFs
	rel    string
	h      maphash.Hash
	broken bool
}

func (f *tapFile) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	f.h.Write(p[:n])
	return n, err
}

func (f *tapFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

func (f *tapFile) WriteAt(p []byte, off int64) (int, error) {
	f.broken = true
	return f.File.WriteAt(p, off)
}

func (f *tapFile) Seek(off int64, whence int) (int64, error) {
	f.broken = true
	return f.File.Seek(off, whence)
}

func (f *tapFile) Truncate(size int64) error {
	f.broken = true
	return f.File.Truncate(size)
}

func (f *tapFile) Close() error {
	err := f.File.Close()
	f.t.mu.Lock()
	if f.broken || err != nil {
		delete(f.t.sums, f.rel)
	} else {
		f.t.sums[f.rel] = f.h.Sum64()
	}
	f.t.mu.Unlock()
	return err
}
