// Package watch reports changes to a site's sources: the content/,
// templates/ and static/ trees and the site config file.
//
// A Watcher watches those directories recursively with file system events
// (fsnotify), or by polling when asked to or when events are unavailable
// (inotify limits, some network mounts). Either way it sends the same
// thing: batches of changed paths, relative to the site root and
// slash-separated, sorted and without duplicates. A burst of changes (an
// editor's atomic save, a `git checkout` of hundreds of files) arrives as
// one batch: a batch is sent once no change has been seen for a short quiet
// period, or after a longer maximum wait while changes keep coming.
//
// Editors' temporary and backup files (foo~, .foo.swp, 4913, .#foo, #foo#,
// *.tmp, .goutputstream-*, hidden files such as .DS_Store) and chmod-only
// events are ignored. A path in a batch may name a directory that was
// removed or renamed away; the path "." means that anything may have
// changed (the kernel's event queue overflowed) and the site should be
// rebuilt in full.
package watch

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/spf13/afero"

	"briefgen/generator/config"
)

// Defaults for Options. An editor's atomic save is a few events within
// about a millisecond, and a `git checkout` of 500 files sends its events
// with gaps of well under a millisecond (measured here: one batch in every
// run even with a 2 ms quiet period, on a loaded 2-core machine), so 10 ms
// of quiet keeps a wide margin while adding little to the time from a save
// to the reload; a checkout that takes longer than MaxWait is sent in more
// than one batch, and changes arriving while a build runs wait for the
// next one.
const (
	DefaultQuiet   = 10 * time.Millisecond
	DefaultMaxWait = time.Second
	// DefaultPoll is the polling interval used when file system events
	// cannot be used and Options.Poll is zero.
	DefaultPoll = 500 * time.Millisecond
)

// DefaultDirs are the directories of a site that are watched recursively:
// the articles, the theme overrides and data/ (the editor's site-wide
// overrides, data/actors.yaml).
var DefaultDirs = []string{"content", "templates", "static", "data"}

// All is the path sent when anything may have changed.
const All = "."

// Options configure a Watcher.
type Options struct {
	// Root is the site's root directory.
	Root string
	// Dirs are the directories under Root watched recursively (slash
	// paths relative to Root); nil means DefaultDirs. They need not exist
	// yet: one that appears later is watched from then on.
	Dirs []string
	// Files are single files directly under Root that are watched; nil
	// means the site config files (config.Files).
	Files []string
	// Exclude lists directories (OS paths) never watched nor reported,
	// such as the build's output directory.
	Exclude []string
	// Poll, when positive, polls every Poll instead of using file system
	// events.
	Poll time.Duration
	// Quiet is how long no change must be seen before a batch is sent;
	// MaxWait bounds how long a batch is held while changes keep coming.
	Quiet, MaxWait time.Duration
	// Fs is the file system polled; nil means the operating system's.
	// File system events always come from the operating system.
	Fs afero.Fs
	// Logf, when set, receives messages about the watcher (falling back
	// to polling, directories that cannot be watched).
	Logf func(format string, args ...any)
}

// Watcher sends batches of changed paths on C until Close.
type Watcher struct {
	// C receives batches: sorted, deduplicated slash paths relative to
	// Root. It is closed by Close.
	C <-chan []string

	opt     Options
	root    string // absolute, cleaned
	in      chan string
	done    chan struct{}
	wg      sync.WaitGroup
	notify  *fsnotify.Watcher
	polling time.Duration

	mu   sync.Mutex
	dirs map[string]bool // directories watched with fsnotify (OS paths)
	once sync.Once
}

// newNotify creates the fsnotify watcher; tests replace it to exercise the
// fallback to polling.
var newNotify = fsnotify.NewWatcher

// New starts watching. It fails only when the root cannot be read.
func New(opt Options) (*Watcher, error) {
	if opt.Root == "" {
		opt.Root = "."
	}
	root, err := filepath.Abs(opt.Root)
	if err != nil {
		return nil, err
	}
	if opt.Fs == nil {
		opt.Fs = afero.NewOsFs()
	}
	if fi, err := opt.Fs.Stat(root); err != nil {
		return nil, fmt.Errorf("watch: %w", err)
	} else if !fi.IsDir() {
		return nil, fmt.Errorf("watch: %s is not a directory", opt.Root)
	}
	if opt.Dirs == nil {
		opt.Dirs = DefaultDirs
	}
	if opt.Files == nil {
		opt.Files = config.Files
	}
	if opt.Quiet <= 0 {
		opt.Quiet = DefaultQuiet
	}
	if opt.MaxWait < opt.Quiet {
		opt.MaxWait = DefaultMaxWait
		if opt.MaxWait < opt.Quiet {
			opt.MaxWait = opt.Quiet
		}
	}
	excl := make([]string, 0, len(opt.Exclude))
	for _, e := range opt.Exclude {
		if a, err := filepath.Abs(e); err == nil {
			excl = append(excl, a)
		}
	}
	opt.Exclude = excl
	out := make(chan []string)
	w := &Watcher{
		C:    out,
		opt:  opt,
		root: root,
		in:   make(chan string, 1024),
		done: make(chan struct{}),
		dirs: make(map[string]bool),
	}
	if opt.Poll > 0 {
		w.startPolling(opt.Poll)
	} else if err := w.startNotify(); err != nil {
		w.logf("cannot watch for file system events (%v); polling every %v instead (see --poll)", err, DefaultPoll)
		w.startPolling(DefaultPoll)
	}
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		coalesce(w.in, out, opt.Quiet, opt.MaxWait, w.done)
	}()
	return w, nil
}

// Polling returns the polling interval, or zero when file system events
// are used.
func (w *Watcher) Polling() time.Duration { return w.polling }

// Close stops watching and closes C.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		if w.notify != nil {
			err = w.notify.Close()
		}
		w.wg.Wait()
	})
	return err
}

func (w *Watcher) logf(format string, args ...any) {
	if w.opt.Logf != nil {
		w.opt.Logf(format, args...)
	}
}

// emit queues a changed path (relative slash path).
func (w *Watcher) emit(rel string) {
	select {
	case w.in <- rel:
	case <-w.done:
	}
}

// Ignored reports whether a path (slash path relative to the site root)
// is an editor's temporary or backup file, or hidden, and so never
// reported.
func Ignored(rel string) bool {
	for _, seg := range strings.Split(rel, "/") {
		if seg == "" || seg == "." {
			continue
		}
		if ignoredName(seg) {
			return true
		}
	}
	return false
}

func ignoredName(name string) bool {
	switch {
	case name == "4913", // vim's probe file
		strings.HasPrefix(name, "."), // hidden: .DS_Store, .#foo (emacs), .foo.swp, .goutputstream-*
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"), strings.HasSuffix(name, ".swo"),
		strings.HasSuffix(name, ".tmp"),
		strings.HasSuffix(name, "___jb_tmp___"), strings.HasSuffix(name, "___jb_old___"): // JetBrains
		return true
	}
	return false
}

// rel returns the slash path of p relative to the root and whether it is
// one the watcher reports: inside a watched directory or a watched file,
// not excluded, not ignored.
func (w *Watcher) rel(p string) (string, bool) {
	r, err := filepath.Rel(w.root, p)
	if err != nil || r == "." || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) {
		return "", false
	}
	r = filepath.ToSlash(r)
	if !w.watched(r) || w.excluded(p) || Ignored(r) {
		return "", false
	}
	return r, true
}

// watched reports whether a relative path is a watched file, a watched
// directory or inside one.
func (w *Watcher) watched(r string) bool {
	for _, f := range w.opt.Files {
		if r == f {
			return true
		}
	}
	for _, d := range w.opt.Dirs {
		if r == d || strings.HasPrefix(r, d+"/") {
			return true
		}
	}
	return false
}

func (w *Watcher) excluded(p string) bool {
	for _, e := range w.opt.Exclude {
		if p == e || strings.HasPrefix(p, e+string(filepath.Separator)) {
			return true
		}
	}
	return false
}

// ---- file system events ----

func (w *Watcher) startNotify() error {
	n, err := newNotify()
	if err != nil {
		return err
	}
	w.notify = n
	// The root itself, not recursively: it reports the config file and a
	// watched directory that appears later.
	if err := n.Add(w.root); err != nil {
		n.Close()
		w.notify = nil
		return err
	}
	w.dirs[w.root] = true
	for _, d := range w.opt.Dirs {
		dir := filepath.Join(w.root, filepath.FromSlash(d))
		if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
			continue
		}
		if _, err := w.addTree(dir); err != nil && limitErr(err) {
			n.Close()
			w.notify = nil
			w.dirs = make(map[string]bool)
			return err
		}
	}
	w.wg.Add(1)
	go w.notifyLoop()
	return nil
}

// limitErr reports whether err means the kernel's limits on watches or
// open files were reached.
func limitErr(err error) bool {
	return errors.Is(err, syscall.ENOSPC) || errors.Is(err, syscall.EMFILE) || errors.Is(err, syscall.ENFILE)
}

// addTree watches dir and every directory under it, and returns the files
// found there (relative slash paths), so that files created before the
// watch was in place are reported too.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	var first error
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil // vanished or unreadable: nothing to watch
		}
		r, ok := w.rel(p)
		if !ok {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, r)
			return nil
		}
		w.mu.Lock()
		have := w.dirs[p]
		w.mu.Unlock()
		if have {
			return nil
		}
		if err := w.notify.Add(p); err != nil {
			if first == nil {
				first = err
			}
			if limitErr(err) {
				return filepath.SkipAll
			}
			w.logf("cannot watch %s: %v", r, err)
			return nil
		}
		w.mu.Lock()
		w.dirs[p] = true
		w.mu.Unlock()
		return nil
	})
	return files, first
}

// dropTree forgets dir and every watched directory under it.
func (w *Watcher) dropTree(dir string) {
	w.mu.Lock()
	var gone []string
	for d := range w.dirs {
		if d == dir || strings.HasPrefix(d, dir+string(filepath.Separator)) {
			gone = append(gone, d)
			delete(w.dirs, d)
		}
	}
	w.mu.Unlock()
	for _, d := range gone {
		_ = w.notify.Remove(d) // already gone when the directory was deleted
	}
}

func (w *Watcher) notifyLoop() {
	defer w.wg.Done()
	limitLogged := false
	for {
		select {
		case <-w.done:
			return
		case err, ok := <-w.notify.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.emit(All)
				continue
			}
			w.logf("%v", err)
		case ev, ok := <-w.notify.Events:
			if !ok {
				return
			}
			if ev.Op == fsnotify.Chmod || ev.Op == 0 {
				continue
			}
			r, ok := w.rel(ev.Name)
			if !ok {
				continue
			}
			if ev.Op.Has(fsnotify.Remove) || ev.Op.Has(fsnotify.Rename) {
				w.dropTree(ev.Name)
				w.emit(r)
				continue
			}
			if ev.Op.Has(fsnotify.Create) {
				if fi, err := os.Stat(ev.Name); err == nil && fi.IsDir() {
					files, err := w.addTree(ev.Name)
					if err != nil && limitErr(err) && !limitLogged {
						limitLogged = true
						w.logf("cannot watch %s: %v; changes in new directories may be missed (raise fs.inotify.max_user_watches or use --poll)", r, err)
					}
					if len(files) == 0 {
						w.emit(r)
					}
					for _, f := range files {
						w.emit(f)
					}
					continue
				}
			}
			w.emit(r)
		}
	}
}

// ---- polling ----

type stamp struct {
	size  int64
	mtime time.Time
	mode  fs.FileMode
}

func (w *Watcher) startPolling(every time.Duration) {
	w.polling = every
	prev := w.scan()
	w.wg.Add(1)
	go func() {
		defer w.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-w.done:
				return
			case <-t.C:
			}
			cur := w.scan()
			var changed []string
			for p, s := range cur {
				if o, ok := prev[p]; !ok || o != s {
					changed = append(changed, p)
				}
			}
			for p := range prev {
				if _, ok := cur[p]; !ok {
					changed = append(changed, p)
				}
			}
			sort.Strings(changed)
			for _, p := range changed {
				w.emit(p)
			}
			prev = cur
		}
	}()
}

// scan stats every watched file.
func (w *Watcher) scan() map[string]stamp {
	m := make(map[string]stamp)
	fsys := w.opt.Fs
	for _, f := range w.opt.Files {
		p := filepath.Join(w.root, filepath.FromSlash(f))
		if fi, err := fsys.Stat(p); err == nil && !fi.IsDir() {
			m[f] = stamp{fi.Size(), fi.ModTime(), fi.Mode()}
		}
	}
	for _, d := range w.opt.Dirs {
		dir := filepath.Join(w.root, filepath.FromSlash(d))
		afero.Walk(fsys, dir, func(p string, fi fs.FileInfo, err error) error {
			if err != nil {
				return nil
			}
			r, ok := w.rel(p)
			if !ok {
				if fi.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !fi.IsDir() {
				m[r] = stamp{fi.Size(), fi.ModTime(), fi.Mode()}
			}
			return nil
		})
	}
	return m
}

// ---- batching ----

// coalesce collects paths from in and sends them on out as sorted,
// deduplicated batches once no path has arrived for quiet, or maxWait
// after the first path of the batch. It never blocks the sender for long:
// while out is not being read, paths keep collecting in the pending batch.
// It closes out when done is closed.
func coalesce(in <-chan string, out chan<- []string, quiet, maxWait time.Duration, done <-chan struct{}) {
	defer close(out)
	pending := make(map[string]bool)
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	var (
		outc  chan<- []string // out when a batch is ready, else nil
		batch []string
	)
	for {
		select {
		case <-done:
			timer.Stop()
			return
		case p := <-in:
			if len(pending) == 0 {
				first = time.Now()
			}
			pending[path.Clean(p)] = true
			outc, batch = nil, nil
			wait := quiet
			if rem := maxWait - time.Since(first); rem < wait {
				wait = max(rem, 0)
			}
			timer.Reset(wait)
		case <-timer.C:
			if len(pending) == 0 {
				continue
			}
			batch = make([]string, 0, len(pending))
			for p := range pending {
				batch = append(batch, p)
			}
			sort.Strings(batch)
			outc = out
		case outc <- batch:
			pending = make(map[string]bool)
			outc, batch = nil, nil
		}
	}
}
