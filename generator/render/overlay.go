package render

import (
	"errors"
	"io"
	"io/fs"
	"sort"
)

// Overlay returns a file system that serves each file from the first layer
// that has it, so a site's own templates/ and static/ override the theme's
// file by file. Directory listings are the union of every layer's entries
// (sorted by name; an entry of an earlier layer hides a same-named entry of a
// later one). Nil layers are skipped.
func Overlay(layers ...fs.FS) fs.FS {
	o := overlay{}
	for _, l := range layers {
		if l != nil {
			o = append(o, l)
		}
	}
	return o
}

type overlay []fs.FS

func (o overlay) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	var firstErr error
	for _, l := range o {
		f, err := l.Open(name)
		if err == nil {
			if fi, err := f.Stat(); err == nil && fi.IsDir() && len(o) > 1 {
				es, err := o.ReadDir(name)
				if err != nil {
					f.Close()
					return nil, err
				}
				return &dirFile{File: f, entries: es}, nil
			}
			return f, nil
		}
		if !notExist(err) && firstErr == nil {
			firstErr = err
		}
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrNotExist}
}

func (o overlay) ReadFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrInvalid}
	}
	for _, l := range o {
		b, err := fs.ReadFile(l, name)
		if err == nil {
			return b, nil
		}
		if !notExist(err) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "readfile", Path: name, Err: fs.ErrNotExist}
}

func (o overlay) Stat(name string) (fs.FileInfo, error) {
	for _, l := range o {
		fi, err := fs.Stat(l, name)
		if err == nil {
			return fi, nil
		}
		if !notExist(err) {
			return nil, err
		}
	}
	return nil, &fs.PathError{Op: "stat", Path: name, Err: fs.ErrNotExist}
}

func (o overlay) ReadDir(name string) ([]fs.DirEntry, error) {
	seen := map[string]bool{}
	var out []fs.DirEntry
	found := false
	for _, l := range o {
		es, err := fs.ReadDir(l, name)
		if err != nil {
			if notExist(err) {
				continue
			}
			return nil, err
		}
		found = true
		for _, e := range es {
			if !seen[e.Name()] {
				seen[e.Name()] = true
				out = append(out, e)
			}
		}
	}
	if !found {
		return nil, &fs.PathError{Op: "readdir", Path: name, Err: fs.ErrNotExist}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name() < out[j].Name() })
	return out, nil
}

// notExist reports whether err means the layer lacks the file. A file where a
// directory is expected (ENOTDIR) counts as missing too.
func notExist(err error) bool {
	if errors.Is(err, fs.ErrNotExist) {
		return true
	}
	var pe *fs.PathError
	return errors.As(err, &pe) && pe.Err != nil && pe.Err.Error() == "not a directory"
}

// dirFile is a directory of the overlay: the first layer's directory with
// the merged listing.
type dirFile struct {
	fs.File
	entries []fs.DirEntry
	off     int
}

func (d *dirFile) ReadDir(n int) ([]fs.DirEntry, error) {
	rest := d.entries[d.off:]
	if n <= 0 {
		d.off = len(d.entries)
		return rest, nil
	}
	if len(rest) == 0 {
		return nil, io.EOF
	}
	if n > len(rest) {
		n = len(rest)
	}
	d.off += n
	return rest[:n], nil
}
