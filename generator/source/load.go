package source

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"github.com/spf13/afero"

	"briefgen/generator/config"
)

// Load reads the site at root on fsys: root/site.yaml or site.toml, and
// every briefing and article under root/content. Articles are parsed in
// parallel; the result does not depend on scheduling.
//
// All problems that stop a build are returned together, sorted by file
// and line, joined with errors.Join; each is an *Error.
func Load(fsys afero.Fs, root string, opt Options) (*Site, error) {
	return load(fsys, root, opt, nil, nil)
}

// withDefaults fills opt's zero fields with their defaults.
func (opt Options) withDefaults() Options {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	if opt.Reserved == nil {
		opt.Reserved = DefaultReserved
	}
	return opt
}

func load(fsys afero.Fs, root string, opt Options, cache *Cache, changed []string) (*Site, error) {
	opt = opt.withDefaults()
	cfg, err := config.Load(fsys, root)
	if err != nil {
		return nil, err
	}
	l := &loader{fs: fsys, root: root, opt: opt, cache: cache}
	site := &Site{Root: root, Config: cfg}
	if !l.rescan(changed) {
		l.scan()
		l.cache.keepScan(l)
	}
	l.readAll()
	l.assemble(site)
	if len(l.errs) > 0 {
		sort.SliceStable(l.errs, func(i, j int) bool {
			if l.errs[i].File != l.errs[j].File {
				return l.errs[i].File < l.errs[j].File
			}
			return l.errs[i].Line < l.errs[j].Line
		})
		errs := make([]error, len(l.errs))
		for i, e := range l.errs {
			errs[i] = e
		}
		if len(errs) == 1 {
			return nil, errs[0]
		}
		return nil, errors.Join(errs...)
	}
	sort.Strings(l.warnings)
	sort.Strings(l.skipped)
	// Clipped: a caller's append never writes into a slice a later
	// load shares.
	site.Warnings = slices.Clip(l.warnings)
	site.Skipped = slices.Clip(l.skipped)
	cache.keepLast(l, site)
	return site, nil
}

// fileKind says what a file under content/ is.
type fileKind uint8

const (
	kindArticle fileKind = iota
	kindIndex            // _index.md
	kindSidecar          // .yaml/.yml/.toml beside a .txt
	kindUnknown          // other extension: warn unless binary
)

type file struct {
	rel  string // slash path relative to root
	name string // path as the user would open it (root joined)
	kind fileKind
	size int64
	mod  time.Time

	data    []byte
	binary  bool
	nulText bool // binary only for NUL bytes: an article otherwise
	article *Article
	fm      *config.Map // sidecar mapping
	err     *Error
}

type loader struct {
	fs       afero.Fs
	root     string
	opt      Options
	cache    *Cache // nil: read every file
	files    []*file
	errs     []*Error
	warnings []string
	skipped  []string
	// assembled are the articles assemble finished, drafts left out of
	// the site included.
	assembled []*Article
	taken     map[string]string // lower-case URL -> the file that took it
}

func (l *loader) display(rel string) string {
	if l.root == "" || l.root == "." {
		return rel
	}
	return filepath.ToSlash(filepath.Join(l.root, filepath.FromSlash(rel)))
}

func (l *loader) warn(rel, format string, args ...any) {
	l.warnings = append(l.warnings, l.display(rel)+": "+fmt.Sprintf(format, args...))
}

func (l *loader) fail(rel string, line int, format string, args ...any) {
	l.errs = append(l.errs, &Error{File: l.display(rel), Line: line, Msg: fmt.Sprintf(format, args...)})
}

// scan walks content/ and classifies its files.
func (l *loader) scan() {
	content := filepath.Join(l.root, "content")
	info, err := lstat(l.fs, content)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			l.warnings = append(l.warnings, l.display("content")+": no content folder; the site has no articles")
		} else {
			l.fail("content", 0, "%v", err)
		}
		return
	}
	if info.Mode()&os.ModeSymlink != 0 {
		l.fail("content", 0, "is a symbolic link; linked folders are not followed (make content/ a real folder)")
		return
	}
	if !info.IsDir() {
		l.fail("content", 0, "not a folder")
		return
	}
	err = afero.Walk(l.fs, content, func(p string, info os.FileInfo, err error) error {
		rel := l.rel(p)
		if err != nil {
			l.fail(rel, 0, "%v", cleanErr(err))
			if info != nil && info.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if p == content {
			return nil
		}
		name := info.Name()
		if info.IsDir() {
			if strings.HasPrefix(name, ".") {
				l.skipped = append(l.skipped, rel+"/")
				return filepath.SkipDir
			}
			return nil
		}
		if skipName(name) {
			l.skipped = append(l.skipped, rel)
			return nil
		}
		if info.Mode()&os.ModeSymlink != 0 {
			target, tinfo, why := resolveLink(l.fs, l.root, p)
			if why != "" {
				l.warn(rel, "symbolic link %s; skipped", why)
				return nil
			}
			_ = target
			info = tinfo
		}
		if !info.Mode().IsRegular() {
			l.skipped = append(l.skipped, rel)
			return nil
		}
		f := &file{rel: rel, name: l.display(rel), size: info.Size(), mod: info.ModTime()}
		ext := strings.ToLower(path.Ext(name))
		depth := strings.Count(rel, "/") // content/a.md = 1, content/b/a.md = 2
		switch {
		case name == "_index.md":
			if depth > 2 {
				l.warn(rel, "_index.md is only read directly in content/ or in a briefing folder; skipped")
				return nil
			}
			f.kind = kindIndex
		case ext == ".md" || ext == ".markdown" || ext == ".txt":
			f.kind = kindArticle
		case ext == ".yaml" || ext == ".yml" || ext == ".toml":
			f.kind = kindSidecar
		default:
			f.kind = kindUnknown
		}
		l.files = append(l.files, f)
		return nil
	})
	if err != nil {
		l.fail("content", 0, "%v", cleanErr(err))
	}
}

// rel turns a path on the fs into a slash path relative to the root.
func (l *loader) rel(p string) string {
	r, err := filepath.Rel(filepath.Clean(l.root), filepath.Clean(p))
	if err != nil {
		r = p
	}
	return filepath.ToSlash(r)
}

// skipName reports hidden and editor temporary files.
func skipName(name string) bool {
	switch {
	case strings.HasPrefix(name, "."), // .DS_Store, .#lock, .file.swp
		strings.HasSuffix(name, "~"),
		strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		name == "4913", // vim's write test file
		name == "Thumbs.db", name == "desktop.ini":
		return true
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".swp", ".swx", ".swo", ".tmp", ".bak", ".orig":
		return true
	}
	return false
}

// readAll reads and parses the files in parallel, each result stored at
// the file's index.
func (l *loader) readAll() {
	n := runtime.GOMAXPROCS(0)
	if n > len(l.files) {
		n = len(l.files)
	}
	next := make(chan *file)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for f := range next {
				l.read(f)
			}
		}()
	}
	for _, f := range l.files {
		next <- f
	}
	close(next)
	wg.Wait()
}

// readSized reads r to its end, at most limit bytes, into one slice of
// size bytes, the file's size when it was listed: the text stays in
// memory for the whole build, and io.ReadAll's growing would leave up to
// twice as much allocated (10,000 articles: 33 MB more live heap, and a
// collection more often). A file that grew since is read to its end.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 || size > limit {
		size = 0
	}
	buf := make([]byte, size)
	n, err := io.ReadFull(r, buf)
	switch err {
	case nil:
	case io.EOF, io.ErrUnexpectedEOF: // shorter than listed
		return buf[:n], nil
	default:
		return nil, err
	}
	rest, err := io.ReadAll(io.LimitReader(r, limit-size))
	if err != nil {
		return nil, err
	}
	if len(rest) == 0 {
		return buf, nil
	}
	return append(buf, rest...), nil
}

// sniffLen is how much of a file is checked for NUL bytes.
const sniffLen = 8 << 10

// read reads one file and parses it as its kind says.
func (l *loader) read(f *file) {
	if f.size > l.opt.MaxFileSize && f.kind != kindUnknown {
		f.err = &Error{File: f.name, Msg: fmt.Sprintf("file is %d bytes, over the limit of %d bytes", f.size, l.opt.MaxFileSize)}
		return
	}
	if l.cache.reuse(f) {
		return
	}
	defer l.cache.store(f)
	fh, err := l.fs.Open(filepath.Join(l.root, filepath.FromSlash(f.rel)))
	if err != nil {
		f.err = &Error{File: f.name, Msg: cleanErr(err).Error()}
		return
	}
	defer fh.Close()
	if f.kind == kindUnknown {
		head := make([]byte, sniffLen)
		n, _ := io.ReadFull(fh, head)
		f.binary = bytes.IndexByte(head[:n], 0) >= 0
		return
	}
	data, err := readSized(fh, f.size, l.opt.MaxFileSize+1)
	if err != nil {
		f.err = &Error{File: f.name, Msg: cleanErr(err).Error()}
		return
	}
	if int64(len(data)) > l.opt.MaxFileSize {
		f.err = &Error{File: f.name, Msg: fmt.Sprintf("file is over the limit of %d bytes", l.opt.MaxFileSize)}
		return
	}
	if bytes.IndexByte(data[:min(len(data), sniffLen)], 0) >= 0 {
		f.binary = true
		f.nulText = utf8.Valid(data)
		return
	}
	f.data = data
	switch f.kind {
	case kindArticle, kindIndex:
		a, err := parseArticle(f.name, f.rel, data)
		if err != nil {
			f.err = asError(f.name, err)
			return
		}
		f.article = a
	case kindSidecar:
		if err := checkUTF8(f.name, data); err != nil {
			f.err = asError(f.name, err)
			return
		}
		format := config.YAML
		if strings.HasSuffix(strings.ToLower(f.rel), ".toml") {
			format = config.TOML
		}
		start := bomLen(data)
		m, err := config.Decode(f.name, format, data[start:], 1)
		if err != nil {
			f.err = asError(f.name, err)
			return
		}
		f.fm = m
	}
}

func asError(name string, err error) *Error {
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{File: name, Msg: err.Error()}
}

// cleanErr drops the Op and Path of a *fs.PathError: messages already
// name the file.
func cleanErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func lstat(fsys afero.Fs, p string) (os.FileInfo, error) {
	if ls, ok := fsys.(afero.Lstater); ok {
		info, _, err := ls.LstatIfPossible(p)
		return info, err
	}
	return fsys.Stat(p)
}

// resolveLink follows the symbolic link at p, through chains of links, and
// returns the regular file it names when that file lies inside root. why
// says why it was not followed.
func resolveLink(fsys afero.Fs, root, p string) (string, os.FileInfo, string) {
	lr, ok := fsys.(afero.LinkReader)
	if !ok {
		return "", nil, "cannot be read on this file system"
	}
	absRoot, err := filepath.Abs(root)
	if err != nil {
		return "", nil, "cannot be resolved"
	}
	cur, err := filepath.Abs(p)
	if err != nil {
		return "", nil, "cannot be resolved"
	}
	for hops := 0; hops < 40; hops++ {
		t, err := lr.ReadlinkIfPossible(cur)
		if err != nil {
			return "", nil, "cannot be read"
		}
		if !filepath.IsAbs(t) {
			t = filepath.Join(filepath.Dir(cur), t)
		}
		t = filepath.Clean(t)
		r, err := filepath.Rel(absRoot, t)
		if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
			return "", nil, "leads outside the site"
		}
		// Every folder on the way must be a real folder, not a link.
		parts := strings.Split(r, string(filepath.Separator))
		dir := absRoot
		for _, part := range parts[:len(parts)-1] {
			dir = filepath.Join(dir, part)
			info, err := lstat(fsys, dir)
			if err != nil {
				return "", nil, "is broken"
			}
			if info.Mode()&os.ModeSymlink != 0 {
				return "", nil, "goes through a linked folder"
			}
		}
		info, err := lstat(fsys, t)
		if err != nil {
			return "", nil, "is broken"
		}
		switch {
		case info.Mode()&os.ModeSymlink != 0:
			cur = t
			continue
		case info.Mode().IsRegular():
			return t, info, ""
		default:
			return "", nil, "does not lead to a regular file (linked folders are not followed)"
		}
	}
	return "", nil, "has too many levels of links"
}

// ReadArticle reads and parses one article file outside a site walk, as
// `briefgen extract` needs: it applies Options.MaxFileSize and, for a .txt
// file, its sidecar (<name>.yaml, .yml or .toml beside it) when there is
// one. Unlike Load it does not skip binary files; NUL bytes are text here.
func ReadArticle(fsys afero.Fs, name string, opt Options) (*Article, error) {
	if opt.MaxFileSize <= 0 {
		opt.MaxFileSize = DefaultMaxFileSize
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, &Error{File: name, Msg: cleanErr(err).Error()}
	}
	data, err := io.ReadAll(io.LimitReader(f, opt.MaxFileSize+1))
	f.Close()
	if err != nil {
		return nil, &Error{File: name, Msg: cleanErr(err).Error()}
	}
	if int64(len(data)) > opt.MaxFileSize {
		return nil, &Error{File: name, Msg: fmt.Sprintf("file is over the limit of %d bytes", opt.MaxFileSize)}
	}
	rel := filepath.ToSlash(name)
	a, err := parseArticle(name, rel, data)
	if err != nil {
		return nil, err
	}
	if a.Format == Text {
		stem := strings.TrimSuffix(name, filepath.Ext(name))
		for _, ext := range []string{".yaml", ".yml", ".toml"} {
			sc, err := afero.ReadFile(fsys, stem+ext)
			if err != nil {
				continue
			}
			if err := checkUTF8(stem+ext, sc); err != nil {
				return nil, err
			}
			format := config.YAML
			if ext == ".toml" {
				format = config.TOML
			}
			m, err := config.Decode(stem+ext, format, sc[bomLen(sc):], 1)
			if err != nil {
				return nil, err
			}
			if err := applyFields(a, m, stem+ext, nil, format, false); err != nil {
				return nil, err
			}
			a.Doc.Title = firstTitle(a)
			break
		}
	}
	finishTitle(a, name)
	a.Doc.Published = a.Date
	return a, nil
}
