package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/afero"
)

// A published site can also be updated in place, file by file, when only a
// few files change (a preview server's rebuild): each file is written to a
// hidden temporary name in its folder and renamed over the old one, so a
// reader sees the old file or the new one, never a part. The site as a
// whole is not swapped atomically; the caller writes only once everything
// it will write is ready.

// WriteInPlace replaces dest/rel with data (creating folders as needed)
// by writing a temporary file beside it and renaming it over.
func WriteInPlace(afs afero.Fs, dest, rel string, data []byte, opt Options) error {
	c, err := CleanRel(rel)
	if err != nil {
		return err
	}
	name := filepath.Join(dest, filepath.FromSlash(c))
	dir := filepath.Dir(name)
	if err := afs.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	tmp := filepath.Join(dir, "."+filepath.Base(name)+".tmp-"+randomSuffix())
	f, err := afs.OpenFile(tmp, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	_, err = f.Write(data)
	if err == nil && !opt.NoSync {
		if serr := f.Sync(); serr != nil && !unsupported(serr) {
			err = serr
		}
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = afs.Rename(tmp, name)
	}
	if err != nil {
		afs.Remove(tmp)
		return fmt.Errorf("publish: writing %s: %w", c, err)
	}
	return nil
}

// RemoveInPlace removes dest/rel, then each of its folders below dest
// that is left empty. A file already gone is not an error.
func RemoveInPlace(afs afero.Fs, dest, rel string) error {
	c, err := CleanRel(rel)
	if err != nil {
		return err
	}
	name := filepath.Join(dest, filepath.FromSlash(c))
	if err := afs.Remove(name); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("publish: %w", err)
	}
	root := filepath.Clean(dest)
	for d := filepath.Dir(name); d != root && len(d) > len(root); d = filepath.Dir(d) {
		entries, err := afero.ReadDir(afs, d)
		if err != nil || len(entries) > 0 {
			break
		}
		if err := afs.Remove(d); err != nil {
			break
		}
	}
	return nil
}
