// Package publish writes a generated site atomically.
//
// A build writes every file into a staging directory beside the destination
// (<dest>.tmp-<random>, in the same parent so that a rename is a move within
// one file system). When the build is complete, Commit swaps it in. On
// Linux, on the real file system, that is one atomic exchange of the two
// directories (renameat2 RENAME_EXCHANGE), after which the staging path
// holds the previous site and is removed; elsewhere, or where the file
// system cannot exchange, it is:
//
//	rename <dest>            -> <dest>.old-<random>
//	rename <dest>.tmp-<rand> -> <dest>
//	remove <dest>.old-<random>
//
// A failed build calls Abort, which removes the staging directory and leaves
// the destination untouched. A build killed half-way leaves a staging or an
// old directory behind; when the destination is missing but an old
// directory exists (the build died between the two renames) Begin restores
// the old directory, and it removes the other leftovers while the new site
// is built (Commit and Abort wait for that).
//
// All access goes through an afero.Fs. Before the swap the new site is
// flushed to disk: with one syncfs(2) when the staging directory is on the
// operating system's file system under Linux, else file by file.
//
// On the operating system's file system under Linux the staging directory
// is written with plain system calls relative to its descriptor, and a
// file the previous site holds with the same bytes is hard-linked from it
// instead of written again (it keeps its inode and modification time), so
// a rebuild that changes few pages allocates and frees few files; the
// previous site is removed by several goroutines at once.
package publish

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/spf13/afero"
)

const (
	stagingInfix = ".tmp-"
	oldInfix     = ".old-"
)

// Options tune a Staging.
type Options struct {
	// NoSync skips fsync of written files and directories (faster, for
	// tests and throwaway output).
	NoSync bool
}

// Staging is a directory being filled with a new site.
type Staging struct {
	fs   afero.Fs
	dest string // cleaned destination path
	dir  string // the staging directory
	opt  Options

	mu   sync.Mutex
	dirs map[string]bool // directories already created under dir
	done bool

	// syncAtCommit: files are not synced one by one; Commit flushes the
	// whole staging tree at once (OS file system on Linux).
	syncAtCommit bool

	// tree writes with plain system calls (OS file system on Linux); nil
	// means through fs.
	tree *osTree

	// cleanup receives the result of removing what an interrupted build
	// left; nil when there was nothing.
	cleanup chan error
}

// Begin recovers from an interrupted earlier build (see Recover) and creates
// a fresh, empty staging directory beside dest. What the interrupted build
// left is removed while the new one is built: Commit and Abort wait for
// that, and Commit fails, leaving dest as it is, when it failed.
func Begin(afs afero.Fs, dest string, opt Options) (*Staging, error) {
	dest = filepath.Clean(dest)
	if dest == "." || dest == string(filepath.Separator) || dest == "" {
		return nil, fmt.Errorf("publish: refusing to publish into %q", dest)
	}
	leftovers, err := restore(afs, dest)
	if err != nil {
		return nil, err
	}
	// Commit replaces the destination wholesale: that is only right for a
	// folder (an earlier site), never for a file someone named by mistake.
	if fi, err := afs.Stat(dest); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("publish: destination %s is a file, not a folder; remove it or choose another destination", dest)
	}
	parent := filepath.Dir(dest)
	if err := afs.MkdirAll(parent, 0o755); err != nil {
		return nil, fmt.Errorf("publish: %w", err)
	}
	dir := dest + stagingInfix + randomSuffix()
	if err := afs.Mkdir(dir, 0o755); err != nil {
		return nil, fmt.Errorf("publish: creating staging directory: %w", err)
	}
	s := &Staging{fs: afs, dest: dest, dir: dir, opt: opt, dirs: map[string]bool{".": true}}
	s.syncAtCommit = !opt.NoSync && haveSyncTree && isOsFs(afs)
	if haveOsTree && isOsFs(afs) {
		t, err := openOsTree(dir, dest)
		if err != nil {
			s.removeAll(dir)
			return nil, fmt.Errorf("publish: opening staging directory: %w", err)
		}
		s.tree = t
	}
	if len(leftovers) > 0 {
		// A killed build of a large site leaves tens of thousands of
		// files: remove them alongside the build, not before it.
		s.cleanup = make(chan error, 1)
		go func() { s.cleanup <- removeLeftovers(afs, leftovers) }()
	}
	return s, nil
}

// waitCleanup waits for the removal of an interrupted build's leftovers
// and returns its error.
func (s *Staging) waitCleanup() error {
	if s.cleanup == nil {
		return nil
	}
	err := <-s.cleanup
	s.cleanup = nil
	return err
}

// Dir returns the staging directory's path.
func (s *Staging) Dir() string { return s.dir }

// Dest returns the destination's path.
func (s *Staging) Dest() string { return s.dest }

// CleanRel checks that rel is a relative slash path that stays inside the
// destination and returns it cleaned. It rejects absolute paths, ".."
// segments, empty names and NUL bytes.
func CleanRel(rel string) (string, error) {
	if rel == "" || strings.IndexByte(rel, 0) >= 0 || strings.Contains(rel, "\\") {
		return "", fmt.Errorf("publish: invalid output path %q", rel)
	}
	if strings.HasPrefix(rel, "/") {
		rel = strings.TrimLeft(rel, "/")
	}
	for _, seg := range strings.Split(rel, "/") {
		if seg == ".." {
			return "", fmt.Errorf("publish: output path %q escapes the destination", rel)
		}
	}
	c := filepath.ToSlash(filepath.Clean(filepath.FromSlash(rel)))
	if c == "." || c == "" || !fs.ValidPath(c) {
		return "", fmt.Errorf("publish: invalid output path %q", rel)
	}
	return c, nil
}

// WriteFile writes data to rel (a slash path relative to the site root),
// creating parent directories. It is safe for concurrent use.
func (s *Staging) WriteFile(rel string, data []byte) error {
	c, err := CleanRel(rel)
	if err != nil {
		return err
	}
	if s.tree != nil {
		if err := s.tree.mkdirs(path2dir(c)); err != nil {
			return fmt.Errorf("publish: %w", err)
		}
		if err := s.tree.writeFile(c, data); err != nil {
			return fmt.Errorf("publish: writing %s: %w", c, err)
		}
		return nil
	}
	if err := s.mkdirs(path2dir(c)); err != nil {
		return err
	}
	name := filepath.Join(s.dir, filepath.FromSlash(c))
	f, err := s.fs.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("publish: writing %s: %w", c, err)
	}
	if !s.opt.NoSync && !s.syncAtCommit {
		if err := f.Sync(); err != nil && !unsupported(err) {
			f.Close()
			return fmt.Errorf("publish: syncing %s: %w", c, err)
		}
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("publish: closing %s: %w", c, err)
	}
	return nil
}

func path2dir(c string) string {
	if i := strings.LastIndexByte(c, '/'); i >= 0 {
		return c[:i]
	}
	return "."
}

func (s *Staging) mkdirs(rel string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.dirs[rel] {
		return nil
	}
	// Most folders are one page's, new, in a folder made already: one
	// mkdir instead of MkdirAll's stat of the folder, stat of its parent
	// and mkdir. Anything unexpected takes the MkdirAll path below.
	if parent := path2dir(rel); rel != "." && (parent == "." || s.dirs[parent]) {
		if err := s.fs.Mkdir(filepath.Join(s.dir, filepath.FromSlash(rel)), 0o755); err == nil {
			s.dirs[rel] = true
			return nil
		}
	}
	if err := s.fs.MkdirAll(filepath.Join(s.dir, filepath.FromSlash(rel)), 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	for d := rel; d != "." && !s.dirs[d]; d = path2dir(d) {
		s.dirs[d] = true
	}
	return nil
}

// Commit syncs the staging directories and swaps the staging directory in
// place of the destination. After Commit the Staging must not be used.
func (s *Staging) Commit() error {
	if s.done {
		return errors.New("publish: staging already finished")
	}
	s.done = true
	if err := s.waitCleanup(); err != nil {
		if s.tree != nil {
			s.tree.close()
		}
		s.removeAll(s.dir)
		return err
	}
	var serr error
	if s.tree != nil {
		if s.syncAtCommit {
			serr = s.tree.sync()
		}
		s.tree.close()
	} else if s.syncAtCommit {
		serr = syncTree(s.dir)
	}
	switch {
	case s.syncAtCommit:
		if err := serr; err != nil {
			s.removeAll(s.dir)
			return fmt.Errorf("publish: flushing the new site to disk: %w", err)
		}
	case !s.opt.NoSync:
		s.syncDirs()
	}
	if _, ok := s.fs.(*afero.OsFs); ok {
		if _, err := s.fs.Stat(s.dest); err == nil {
			// One atomic step: afterwards the staging path holds the
			// previous site, removed below (or by Recover if killed).
			err := exchange(s.dir, s.dest)
			if err == nil {
				syncDir(s.fs, filepath.Dir(s.dest), s.opt)
				if err := s.removeAll(s.dir); err != nil {
					return fmt.Errorf("publish: removing the previous site: %w", err)
				}
				return nil
			}
			if !errors.Is(err, errUnsupported) {
				s.removeAll(s.dir)
				return fmt.Errorf("publish: swapping the new site into place: %w", err)
			}
		}
	}
	old := ""
	if _, err := s.fs.Stat(s.dest); err == nil {
		old = s.dest + oldInfix + randomSuffix()
		if err := s.fs.Rename(s.dest, old); err != nil {
			s.removeAll(s.dir)
			return fmt.Errorf("publish: moving the previous site aside: %w", err)
		}
	} else if !errors.Is(err, fs.ErrNotExist) {
		s.removeAll(s.dir)
		return fmt.Errorf("publish: %w", err)
	}
	if err := s.fs.Rename(s.dir, s.dest); err != nil {
		if old != "" {
			// Put the previous site back; the build failed.
			_ = s.fs.Rename(old, s.dest)
		}
		s.removeAll(s.dir)
		return fmt.Errorf("publish: moving the new site into place: %w", err)
	}
	syncDir(s.fs, filepath.Dir(s.dest), s.opt)
	if old != "" {
		if err := s.removeAll(old); err != nil {
			return fmt.Errorf("publish: removing the previous site: %w", err)
		}
	}
	return nil
}

// Abort removes the staging directory, leaving the destination untouched.
// It is a no-op after Commit or a previous Abort.
func (s *Staging) Abort() error {
	if s.done {
		return nil
	}
	s.done = true
	if s.tree != nil {
		s.tree.close()
	}
	err := s.removeAll(s.dir)
	if cerr := s.waitCleanup(); err == nil {
		err = cerr
	}
	return err
}

// removeAll removes a staging or previous site: on the OS file system
// with several goroutines and no probing (removeTree), else through fs.
func (s *Staging) removeAll(name string) error {
	return removeAll(s.fs, name)
}

func removeAll(afs afero.Fs, name string) error {
	if isOsFs(afs) {
		return removeTree(name)
	}
	return afs.RemoveAll(name)
}

func (s *Staging) syncDirs() {
	s.mu.Lock()
	dirs := make([]string, 0, len(s.dirs))
	for d := range s.dirs {
		dirs = append(dirs, d)
	}
	s.mu.Unlock()
	for _, d := range dirs {
		syncDir(s.fs, filepath.Join(s.dir, filepath.FromSlash(d)), s.opt)
	}
}

// isOsFs reports whether afs is the operating system's file system, where
// paths given to it are real paths.
func isOsFs(afs afero.Fs) bool {
	switch afs.(type) {
	case *afero.OsFs, afero.OsFs:
		return true
	}
	return false
}

// syncDir fsyncs a directory when the file system allows it; errors are
// ignored because many file systems (and afero's in-memory one) do not
// support syncing directories.
func syncDir(afs afero.Fs, dir string, opt Options) {
	if opt.NoSync {
		return
	}
	f, err := afs.Open(dir)
	if err != nil {
		return
	}
	_ = f.Sync()
	f.Close()
}

// Recover repairs what an interrupted build left beside dest: when dest is
// missing but a <dest>.old-* directory exists, the newest such directory is
// renamed back to dest; then every leftover <dest>.tmp-* and <dest>.old-*
// directory is removed.
//
// Recover assumes no other build of the same destination is running.
func Recover(afs afero.Fs, dest string) error {
	leftovers, err := restore(afs, dest)
	if err != nil {
		return err
	}
	return removeLeftovers(afs, leftovers)
}

// restore is Recover's first half: it puts the previous site back when an
// interrupted build left dest missing, and returns the leftover folders
// (full paths) to remove.
func restore(afs afero.Fs, dest string) ([]string, error) {
	dest = filepath.Clean(dest)
	parent, base := filepath.Dir(dest), filepath.Base(dest)
	entries, err := afero.ReadDir(afs, parent)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("publish: %w", err)
	}
	var staging, olds []os.FileInfo
	for _, e := range entries {
		name := e.Name()
		switch {
		case strings.HasPrefix(name, base+stagingInfix):
			staging = append(staging, e)
		case strings.HasPrefix(name, base+oldInfix):
			olds = append(olds, e)
		}
	}
	if _, err := afs.Stat(dest); errors.Is(err, fs.ErrNotExist) && len(olds) > 0 {
		// Killed between the two renames: the previous site is the newest
		// old directory.
		sort.SliceStable(olds, func(i, j int) bool {
			if !olds[i].ModTime().Equal(olds[j].ModTime()) {
				return olds[i].ModTime().After(olds[j].ModTime())
			}
			return olds[i].Name() < olds[j].Name()
		})
		if err := afs.Rename(filepath.Join(parent, olds[0].Name()), dest); err != nil {
			return nil, fmt.Errorf("publish: restoring the previous site: %w", err)
		}
		olds = olds[1:]
	}
	var leftovers []string
	for _, e := range append(staging, olds...) {
		leftovers = append(leftovers, filepath.Join(parent, e.Name()))
	}
	return leftovers, nil
}

// removeLeftovers removes the folders restore found.
func removeLeftovers(afs afero.Fs, leftovers []string) error {
	for _, p := range leftovers {
		if err := removeAll(afs, p); err != nil {
			return fmt.Errorf("publish: removing leftover %s: %w", filepath.Base(p), err)
		}
	}
	return nil
}

// errUnsupported is exchange's error where an atomic swap is not possible.
var errUnsupported = errors.New("atomic exchange not supported")

func randomSuffix() string {
	var b [6]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

func unsupported(err error) bool {
	return errors.Is(err, errors.ErrUnsupported) || errors.Is(err, os.ErrInvalid)
}
