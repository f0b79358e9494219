package source

import (
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/spf13/afero"
)

// countingFs counts the bytes read from files whose name contains "big".
type countingFs struct {
	afero.Fs
	read *atomic.Int64
}

func (c countingFs) Open(name string) (afero.File, error) {
	f, err := c.Fs.Open(name)
	if err != nil || !strings.Contains(name, "big") {
		return f, err
	}
	return countingFile{f, c.read}, nil
}

func (c countingFs) OpenFile(name string, flag int, perm os.FileMode) (afero.File, error) {
	return c.Open(name)
}

type countingFile struct {
	afero.File
	read *atomic.Int64
}

func (f countingFile) Read(p []byte) (int, error) {
	n, err := f.File.Read(p)
	f.read.Add(int64(n))
	return n, err
}

func (f countingFile) ReadAt(p []byte, off int64) (int, error) {
	n, err := f.File.ReadAt(p, off)
	f.read.Add(int64(n))
	return n, err
}

// TestOversizedFileIsNotRead: a file over the size limit is refused from its
// size alone, without reading it (a 50 MB article must not cost 50 MB).
func TestOversizedFileIsNotRead(t *testing.T) {
	mem := afero.NewMemMapFs()
	afero.WriteFile(mem, "/site/content/b/ok.md", []byte("---\ntitle: OK\ndate: 2025-01-02\n---\nFine.\n"), 0o644)
	afero.WriteFile(mem, "/site/content/b/big.md", []byte("---\ntitle: Big\n---\n"+strings.Repeat("word ", 200_000)), 0o644)
	var read atomic.Int64
	_, err := Load(countingFs{mem, &read}, "/site", Options{MaxFileSize: 1 << 16})
	if err == nil || !strings.Contains(err.Error(), "over the limit") {
		t.Fatalf("Load error = %v, want the size limit", err)
	}
	if n := read.Load(); n != 0 {
		t.Errorf("read %d bytes of the oversized file before refusing it", n)
	}
	// Control: under a limit it fits, the same file is read, and counted.
	if _, err := Load(countingFs{mem, &read}, "/site", Options{MaxFileSize: 1 << 22}); err != nil {
		t.Fatal(err)
	}
	if read.Load() < 1_000_000 {
		t.Errorf("the counter saw %d bytes of a 1 MB file that was read", read.Load())
	}
}
