package hardening

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/spf13/afero"

	"briefgen/generator/build"
)

// fullFs is an afero.Fs whose disk fills up: once budget bytes have been
// written, every write fails with ENOSPC. failRename makes the n-th Rename
// (1-based) fail, as on a file system that refuses it.
type fullFs struct {
	afero.Fs
	budget     atomic.Int64
	renames    atomic.Int64
	failRename int64
}

func (f *fullFs) Create(name string) (afero.File, error) {
	return f.OpenFile(name, os.O_RDWR|os.O_CREATE|os.O_TRUNC, 0o666)
}

func (f *fullFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	file, err := f.Fs.OpenFile(name, flag, perm)
	if err != nil || flag&(os.O_WRONLY|os.O_RDWR) == 0 {
		return file, err
	}
	return &fullFile{File: file, fs: f}, nil
}

func (f *fullFs) Rename(from, to string) error {
	if f.renames.Add(1) == f.failRename {
		return &os.LinkError{Op: "rename", Old: from, New: to, Err: syscall.EXDEV}
	}
	return f.Fs.Rename(from, to)
}

type fullFile struct {
	afero.File
	fs *fullFs
}

func (f *fullFile) Write(p []byte) (int, error) {
	if f.fs.budget.Add(-int64(len(p))) < 0 {
		return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
	}
	return f.File.Write(p)
}

func (f *fullFile) WriteString(s string) (int, error) { return f.Write([]byte(s)) }

// memSite puts a small generated site and an old published site on a
// MemMapFs and returns the old site's files.
func memSite(t *testing.T, fsys afero.Fs) map[string]string {
	t.Helper()
	disk := t.TempDir()
	genSite(t, disk, 60, 0)
	err := filepath.Walk(disk, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(disk, p)
		return afero.WriteFile(fsys, filepath.Join("/site", rel), b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	old := map[string]string{"index.html": "old home", "b00/report-00000/index.html": "old page"}
	for name, data := range old {
		afero.WriteFile(fsys, "/site/public/"+name, []byte(data), 0o644)
	}
	return old
}

// checkOld checks that /site/public holds exactly the old site and that
// nothing was left beside it.
func checkOld(t *testing.T, fsys afero.Fs, old map[string]string) {
	t.Helper()
	n := 0
	afero.Walk(fsys, "/site/public", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		n++
		rel := strings.TrimPrefix(p, "/site/public/")
		b, _ := afero.ReadFile(fsys, p)
		if old[rel] != string(b) {
			t.Errorf("public/%s = %.40q, want the old site's %q", rel, b, old[rel])
		}
		return nil
	})
	if n != len(old) {
		t.Errorf("public/ has %d files, want the old site's %d", n, len(old))
	}
	entries, _ := afero.ReadDir(fsys, "/site")
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), "public.") {
			t.Errorf("left beside public/: %s", e.Name())
		}
	}
}

// A disk that fills up at any point of the write: the build fails with a
// message that says the disk is full, public/ is the old site, and the
// staging directory is gone.
func TestDiskFull(t *testing.T) {
	// How much a full build writes, to place the failures.
	probe := &fullFs{Fs: afero.NewMemMapFs()}
	probe.budget.Store(1 << 40)
	memSite(t, probe)
	probe.budget.Store(1 << 40)
	if _, err := build.Build(probe, build.Options{Source: "/site", Theme: theme(), NoSync: true}); err != nil {
		t.Fatal(err)
	}
	total := 1<<40 - probe.budget.Load()
	t.Logf("a full build writes %d bytes", total)
	for _, budget := range []int64{0, 1, 4 << 10, total / 10, total / 2, total * 9 / 10, total - 1} {
		fsys := &fullFs{Fs: afero.NewMemMapFs()}
		fsys.budget.Store(1 << 40)
		old := memSite(t, fsys)
		fsys.budget.Store(budget)
		var log bytes.Buffer
		_, err := build.Build(fsys, build.Options{Source: "/site", Theme: theme(), NoSync: true, Log: &log})
		if err == nil {
			t.Errorf("budget %d of %d: build succeeded on a full disk", budget, total)
			continue
		}
		if !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
			t.Errorf("budget %d: error %q does not say the disk is full", budget, err)
		}
		checkOld(t, fsys, old)
	}
}

// The swap itself failing (the rename of the new site into place) puts the
// old site back.
func TestSwapFailureRestoresOldSite(t *testing.T) {
	for _, n := range []int64{1, 2} {
		fsys := &fullFs{Fs: afero.NewMemMapFs(), failRename: n}
		fsys.budget.Store(1 << 40)
		old := memSite(t, fsys)
		_, err := build.Build(fsys, build.Options{Source: "/site", Theme: theme(), NoSync: true})
		if err == nil {
			t.Errorf("rename %d failing: build succeeded", n)
			continue
		}
		t.Logf("rename %d failing: %v", n, err)
		checkOld(t, fsys, old)
	}
}

// An unwritable destination: a clear error naming it, the old site intact.
// As root permissions do not bite, so the faults used there are a
// destination whose parent is a file and a destination that is a file.
func TestUnwritableDestination(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\nBody.\n"})
	t.Run("parent is a file", func(t *testing.T) {
		parent := filepath.Join(t.TempDir(), "file")
		os.WriteFile(parent, []byte("x"), 0o644)
		_, _, err := buildOS(src, filepath.Join(parent, "public"))
		if err == nil || !strings.Contains(err.Error(), parent) {
			t.Errorf("error %v does not name %s", err, parent)
		}
	})
	t.Run("destination is a file", func(t *testing.T) {
		dest := filepath.Join(t.TempDir(), "public")
		os.WriteFile(dest, []byte("not a site"), 0o644)
		_, _, err := buildOS(src, dest)
		if err == nil || !strings.Contains(err.Error(), dest) {
			t.Errorf("error %v does not name %s", err, dest)
		}
		if b, _ := os.ReadFile(dest); string(b) != "not a site" {
			t.Errorf("the file at the destination was replaced: %q", b)
		}
	})
	t.Run("read-only parent", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root: permissions do not bite (the two faults above stand in)")
		}
		parent := t.TempDir()
		dest := filepath.Join(parent, "public")
		writeTree(t, dest, map[string]string{"index.html": "old"})
		os.Chmod(parent, 0o555)
		defer os.Chmod(parent, 0o755)
		_, _, err := buildOS(src, dest)
		if err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("error %v does not say permission denied", err)
		}
		if b, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(b) != "old" {
			t.Errorf("old site changed: %q", b)
		}
	})
}
