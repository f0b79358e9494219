package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"golang.org/x/sys/unix"
)

// osTree writes a staging directory on the operating system's file system
// with plain system calls relative to the directory's descriptor: one
// openat, one write and one close per file, one mkdirat per folder. An
// os.File costs several fcntl calls and a failing epoll registration more
// per file, which for a 40,000-file site is a second of system time.
type osTree struct {
	dir string // path of the staging directory, for messages
	fd  int    // the staging directory, open for the *at calls and syncfs

	mu   sync.Mutex
	dirs map[string]*dirOnce // folders below dir, created once each
}

// dirOnce creates one folder exactly once, however many writers need it;
// writers in other folders are not held up meanwhile.
type dirOnce struct {
	once sync.Once
	err  error
}

const haveOsTree = true

// openOsTree opens the freshly created staging directory dir.
func openOsTree(dir string) (*osTree, error) {
	fd, err := unix.Open(dir, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
	if err != nil {
		return nil, &fs.PathError{Op: "open", Path: dir, Err: err}
	}
	return &osTree{dir: dir, fd: fd, dirs: map[string]*dirOnce{}}, nil
}

// mkdirs creates the folder rel (a clean slash path, "." for the root) and
// its parents below the staging directory.
func (t *osTree) mkdirs(rel string) error {
	if rel == "." {
		return nil
	}
	t.mu.Lock()
	d := t.dirs[rel]
	if d == nil {
		d = &dirOnce{}
		t.dirs[rel] = d
	}
	t.mu.Unlock()
	d.once.Do(func() {
		if d.err = t.mkdirs(path2dir(rel)); d.err != nil {
			return
		}
		err := ignoringEINTR(func() error { return unix.Mkdirat(t.fd, rel, 0o755) })
		if err == unix.EEXIST {
			// Only a folder will do (not a file, not a link to one).
			var st unix.Stat_t
			if serr := unix.Fstatat(t.fd, rel, &st, unix.AT_SYMLINK_NOFOLLOW); serr == nil && st.Mode&unix.S_IFMT == unix.S_IFDIR {
				err = nil
			}
		}
		if err != nil {
			d.err = &fs.PathError{Op: "mkdir", Path: filepath.Join(t.dir, filepath.FromSlash(rel)), Err: err}
		}
	})
	return d.err
}

// writeFile writes data to rel (a clean slash path) in its folder, which
// must exist. A symbolic link at rel is not followed.
func (t *osTree) writeFile(rel string, data []byte) error {
	name := func() string { return filepath.Join(t.dir, filepath.FromSlash(rel)) }
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = unix.Openat(t.fd, rel, unix.O_WRONLY|unix.O_CREAT|unix.O_TRUNC|unix.O_CLOEXEC|unix.O_NOFOLLOW, 0o644)
		return err
	})
	if err != nil {
		return &fs.PathError{Op: "open", Path: name(), Err: err}
	}
	for len(data) > 0 {
		var n int
		err = ignoringEINTR(func() (err error) {
			n, err = unix.Write(fd, data)
			return err
		})
		if err != nil {
			break
		}
		if n == 0 {
			err = unix.EIO
			break
		}
		data = data[n:]
	}
	if cerr := unix.Close(fd); err == nil {
		err = cerr
	}
	if err != nil {
		return &fs.PathError{Op: "write", Path: name(), Err: err}
	}
	return nil
}

// sync flushes the file system that holds the staging directory.
func (t *osTree) sync() error { return unix.Syncfs(t.fd) }

// close releases the staging directory's descriptor.
func (t *osTree) close() {
	if t.fd >= 0 {
		unix.Close(t.fd)
		t.fd = -1
	}
}

func ignoringEINTR(f func() error) error {
	for {
		if err := f(); err != unix.EINTR {
			return err
		}
	}
}

// removeTree removes the file or folder at name and everything below it,
// like os.RemoveAll, but with several goroutines over the subtrees and
// without probing: each entry's type comes from the folder listing, so a
// file takes one unlinkat and a folder an open, its listing, a close and
// one unlinkat. Links are removed, never followed. Whatever the fast walk
// could not remove (an entry that changed under it, an odd file system)
// os.RemoveAll finishes.
func removeTree(name string) error {
	name = filepath.Clean(name)
	parent, base := filepath.Dir(name), filepath.Base(name)
	pfd, err := unix.Open(parent, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_CLOEXEC, 0)
	if err == nil {
		r := &remover{sem: make(chan struct{}, removers)}
		var st unix.Stat_t
		switch err := unix.Fstatat(pfd, base, &st, unix.AT_SYMLINK_NOFOLLOW); {
		case err != nil:
		case st.Mode&unix.S_IFMT == unix.S_IFDIR:
			r.dir(pfd, base)
		default:
			unix.Unlinkat(pfd, base, 0)
		}
		unix.Close(pfd)
	}
	return os.RemoveAll(name)
}

// removers is how many goroutines removeTree adds. Removing is mostly
// waiting for the disk (a file system mounted with discard trims the
// blocks of every file as it is unlinked), so more of them than cores
// keep the device busy: 40,000 folders went from 28 s with rm -rf to 5 s.
const removers = 16

// remover empties and removes folders; sem bounds how many extra
// goroutines work at once. Errors are not collected: os.RemoveAll runs
// after it and reports what is left.
type remover struct {
	sem chan struct{}
}

// dir removes the folder name in the folder pfd, with its contents.
func (r *remover) dir(pfd int, name string) {
	var fd int
	err := ignoringEINTR(func() (err error) {
		fd, err = unix.Openat(pfd, name, unix.O_RDONLY|unix.O_DIRECTORY|unix.O_NOFOLLOW|unix.O_CLOEXEC, 0)
		return err
	})
	if err != nil {
		return
	}
	var wg sync.WaitGroup
	buf := make([]byte, 8<<10)
	for {
		n, err := unix.Getdents(fd, buf)
		if err == unix.EINTR {
			continue
		}
		if err != nil || n <= 0 {
			break
		}
		for b := buf[:n]; len(b) >= 19; {
			reclen := int(b[16]) | int(b[17])<<8
			if reclen < 19 || reclen > len(b) {
				break
			}
			typ, nm := b[18], direntName(b[19:reclen])
			b = b[reclen:]
			if nm == "." || nm == ".." {
				continue
			}
			if typ == unix.DT_UNKNOWN {
				var st unix.Stat_t
				if unix.Fstatat(fd, nm, &st, unix.AT_SYMLINK_NOFOLLOW) != nil {
					continue
				}
				if st.Mode&unix.S_IFMT == unix.S_IFDIR {
					typ = unix.DT_DIR
				}
			}
			if typ != unix.DT_DIR {
				unix.Unlinkat(fd, nm, 0)
				continue
			}
			select {
			case r.sem <- struct{}{}:
				wg.Add(1)
				go func() {
					defer wg.Done()
					r.dir(fd, nm)
					<-r.sem
				}()
			default:
				r.dir(fd, nm)
			}
		}
		if n < len(buf)/2 {
			// A short listing is most likely the whole folder: try to
			// remove it now rather than read once more to hear the end;
			// when something is left, read on.
			wg.Wait()
			if unix.Unlinkat(pfd, name, unix.AT_REMOVEDIR) == nil {
				unix.Close(fd)
				return
			}
		}
	}
	wg.Wait()
	unix.Close(fd)
	unix.Unlinkat(pfd, name, unix.AT_REMOVEDIR)
}

// direntName returns the NUL-terminated name at the start of b.
func direntName(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}
