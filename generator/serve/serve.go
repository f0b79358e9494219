// Package serve previews a site over HTTP while it is being edited.
//
// A Server serves the built site from its output directory: pretty URLs
// (a directory serves its index.html), the site's 404.html for anything
// missing, no directory listings and nothing outside the output directory.
// Into every HTML page it serves (and only there: the built files are never
// changed) it injects a small script that listens for Server-Sent Events
// from /__briefgen/events. After each successful rebuild the server sends
// the list of pages whose output changed, and a page in that list reloads
// itself; other pages stay as they are. When a rebuild fails, the last good
// site stays in place and every open page shows an overlay with the
// error's file, line and message; the next good build removes the overlay
// by reloading the page.
//
// The server reads the output directory on each request rather than
// holding the site in memory: a site of 10,000 articles is hundreds of
// megabytes of HTML, and the build already writes it to disk atomically.
package serve

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/spf13/afero"
)

// Prefix is the URL path prefix of the server's own endpoints.
const Prefix = "/__briefgen/"

// Options configure a Server.
type Options struct {
	Fs      afero.Fs // file system of the output directory; nil means the OS's
	Dir     string   // output directory served
	Builder Builder  // rebuilds the site; nil for a server that only serves
	// Log receives one line per rebuild (its time and what changed) and
	// each distinct build error once; nil for none.
	Log io.Writer
}

// Server serves a built site and reloads open pages after rebuilds.
type Server struct {
	opt  Options
	hub  *hub
	mu   sync.Mutex // serializes Rebuild
	last string     // text of the last error printed, to print each once
	warn map[string]bool
}

// New returns a Server for opt.
func New(opt Options) *Server {
	if opt.Fs == nil {
		opt.Fs = afero.NewOsFs()
	}
	var id [4]byte
	rand.Read(id[:])
	return &Server{opt: opt, hub: newHub(hex.EncodeToString(id[:])), warn: map[string]bool{}}
}

// Problem is one build error as shown in the overlay.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

// Problems splits a build error into file, line and message, one per line
// of its text ("file:line: message", "file:line:col: message",
// "template: file:line: message", or a bare message).
func Problems(err error) []Problem {
	var out []Problem
	for _, line := range strings.Split(strings.TrimSpace(err.Error()), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		out = append(out, problem(line))
	}
	if len(out) == 0 {
		out = append(out, Problem{Message: "build failed"})
	}
	return out
}

var (
	fileLine = regexp.MustCompile(`^([^\s:][^:]*):(\d+)(?::\d+)?: ?(.*)$`)
	fileOnly = regexp.MustCompile(`^([^\s:][^:]*[/.][^:\s]*): (.*)$`)
)

func problem(line string) Problem {
	s := strings.TrimPrefix(line, "template: ")
	if m := fileLine.FindStringSubmatch(s); m != nil {
		n, _ := strconv.Atoi(m[2])
		return Problem{File: m[1], Line: n, Message: m[3]}
	}
	if m := fileOnly.FindStringSubmatch(s); m != nil {
		// "templates/article.html: template: article.html:3: msg"
		if in := fileLine.FindStringSubmatch(strings.TrimPrefix(m[2], "template: ")); in != nil && path.Base(in[1]) == path.Base(m[1]) {
			n, _ := strconv.Atoi(in[2])
			return Problem{File: m[1], Line: n, Message: in[3]}
		}
		return Problem{File: m[1], Message: m[2]}
	}
	return Problem{Message: line}
}

// Rebuild runs the Builder with the changed source paths and tells open
// pages: those whose output changed reload; on failure every page shows
// the error. It returns the build's result or error.
func (s *Server) Rebuild(changed []string) (*Result, error) {
	if s.opt.Builder == nil {
		return nil, errors.New("serve: no builder")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	res, err := s.opt.Builder.Build(changed)
	if err != nil {
		ps := Problems(err)
		s.hub.fail(ps)
		if msg := err.Error(); msg != s.last {
			s.last = msg
			for _, p := range ps {
				s.logf("error: %s", p)
			}
		}
		return nil, err
	}
	fixed := s.last != ""
	s.last = ""
	pages, all := pagesOf(res.Changed)
	s.hub.built(pages, all)
	for _, w := range res.Warnings {
		if !s.warn[w] {
			s.warn[w] = true
			s.logf("warning: %s", w)
		}
	}
	if changed != nil {
		what := fmt.Sprintf("%d pages changed", len(pages))
		if len(pages) == 1 {
			what = "1 page changed"
		}
		if all {
			what += ", styles or scripts changed (every page reloads)"
		}
		if fixed {
			what += "; error fixed"
		}
		s.logf("rebuilt in %v: %s", res.Duration.Round(time.Millisecond), what)
	}
	return res, nil
}

func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

func (s *Server) logf(format string, args ...any) {
	if s.opt.Log != nil {
		fmt.Fprintf(s.opt.Log, format+"\n", args...)
	}
}

// Run rebuilds on every batch of changed paths until ctx is done or
// batches is closed. Batches that arrive while a build runs are merged
// into the next build.
func (s *Server) Run(ctx context.Context, batches <-chan []string) {
	for {
		var batch []string
		select {
		case <-ctx.Done():
			return
		case b, ok := <-batches:
			if !ok {
				return
			}
			batch = b
		}
	more:
		for {
			select {
			case b, ok := <-batches:
				if !ok {
					break more
				}
				batch = append(batch, b...)
			default:
				break more
			}
		}
		s.Rebuild(dedupe(batch))
	}
}

func dedupe(ps []string) []string {
	sort.Strings(ps)
	out := ps[:0]
	for i, p := range ps {
		if i == 0 || p != ps[i-1] {
			out = append(out, p)
		}
	}
	return out
}

// Close ends every open event stream, so that http.Server.Shutdown does
// not wait for them. Register it with http.Server.RegisterOnShutdown.
func (s *Server) Close() { s.hub.close() }

// pagesOf turns changed output files into the URL paths of the pages that
// changed ("a/b/index.html" -> "/a/b/"), and reports whether a file that
// pages include (a stylesheet, a script, a font, an image) changed, which
// reloads every page. Data files (feeds, the sitemap, search indexes,
// Markdown or JSON exports) reload nothing: a page showing them changed
// too when their content matters.
func pagesOf(changed []string) (pages []string, all bool) {
	for _, p := range changed {
		switch ext := strings.ToLower(path.Ext(p)); ext {
		case ".html", ".htm":
			if p == "index.html" {
				pages = append(pages, "/")
			} else if strings.HasSuffix(p, "/index.html") {
				pages = append(pages, "/"+strings.TrimSuffix(p, "index.html"))
			} else {
				pages = append(pages, "/"+p)
			}
		case ".css", ".js", ".mjs", ".woff", ".woff2", ".ttf", ".otf",
			".svg", ".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".ico":
			all = true
		}
	}
	return pages, all
}

// ---- HTTP ----

// ServeHTTP serves the site and the live-reload endpoints.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !safePath(p) || !safePath(r.URL.RawPath) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	if strings.HasPrefix(p, Prefix) {
		switch p {
		case Prefix + "events":
			s.hub.serve(w, r)
		case Prefix + "reload.js":
			w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
			w.Header().Set("Cache-Control", "no-store")
			io.WriteString(w, clientJS)
		default:
			http.NotFound(w, r)
		}
		return
	}
	s.serveFile(w, r, p)
}

// safePath rejects paths that could leave the site: ".." segments (also
// when they were percent-encoded, since p is decoded), backslashes, NUL.
func safePath(p string) bool {
	if strings.ContainsAny(p, "\\\x00") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == ".." {
			return false
		}
	}
	if q := strings.ToLower(p); strings.Contains(q, "%2e%2e") || strings.Contains(q, "%5c") || strings.Contains(q, "%00") {
		return false
	}
	return true
}

func (s *Server) serveFile(w http.ResponseWriter, r *http.Request, p string) {
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	clean := path.Clean(p)
	name := filepath.Join(s.opt.Dir, filepath.FromSlash(clean))
	fi, err := s.stat(name)
	if err != nil {
		s.notFound(w, r)
		return
	}
	if fi.IsDir() {
		if !strings.HasSuffix(p, "/") {
			u := *r.URL
			u.Path = clean + "/"
			u.RawPath = ""
			http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
			return
		}
		name = filepath.Join(name, "index.html")
		if fi, err = s.stat(name); err != nil || fi.IsDir() {
			s.notFound(w, r) // no directory listings
			return
		}
	} else if clean != p && clean+"/" != p {
		// "/a//b" or "/a/./b": one canonical address per file.
		u := *r.URL
		u.Path, u.RawPath = clean, ""
		http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
		return
	}
	s.send(w, r, name, fi, http.StatusOK)
}

// stat retries briefly while the output directory itself is missing after
// a good build: the build swaps the new site in with two renames, and a
// request can fall between them.
func (s *Server) stat(name string) (fs.FileInfo, error) {
	for i := 0; ; i++ {
		fi, err := s.opt.Fs.Stat(name)
		if err == nil || i == 50 || !errors.Is(err, fs.ErrNotExist) || !s.hub.builtOnce() {
			return fi, err
		}
		if _, err := s.opt.Fs.Stat(s.opt.Dir); err == nil {
			return nil, fs.ErrNotExist
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	name := filepath.Join(s.opt.Dir, "404.html")
	if fi, err := s.stat(name); err == nil && !fi.IsDir() {
		s.send(w, r, name, fi, http.StatusNotFound)
		return
	}
	// No site yet (the first build failed): a bare page that still
	// carries the script, so the error overlay shows and the fix reloads.
	s.writeHTML(w, r, []byte("<!DOCTYPE html>\n<title>Not found</title>\n<p>Not found.</p>\n"), http.StatusNotFound)
}

func (s *Server) send(w http.ResponseWriter, r *http.Request, name string, fi fs.FileInfo, status int) {
	f, err := s.opt.Fs.Open(name)
	if err != nil {
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	defer f.Close()
	ext := strings.ToLower(filepath.Ext(name))
	if ext == ".html" || ext == ".htm" {
		b, err := io.ReadAll(f)
		if err != nil {
			http.Error(w, "read error", http.StatusInternalServerError)
			return
		}
		s.writeHTML(w, r, b, status)
		return
	}
	w.Header().Set("Cache-Control", "no-cache")
	if status != http.StatusOK {
		w.WriteHeader(status)
		io.Copy(w, f)
		return
	}
	http.ServeContent(w, r, name, fi.ModTime(), f)
}

// writeHTML sends a page with the live-reload script injected before
// </body> (or at the end when there is none).
func (s *Server) writeHTML(w http.ResponseWriter, r *http.Request, page []byte, status int) {
	script := []byte(`<script src="` + Prefix + `reload.js" data-gen="` + s.hub.generation() + `"></script>`)
	out := Inject(page, script)
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Length", strconv.Itoa(len(out)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(out)
	}
}

// Inject returns page with snippet inserted before the last </body>
// (matched without regard to case), or appended when there is none.
func Inject(page, snippet []byte) []byte {
	i := lastIndexFold(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(snippet))
	out = append(out, page[:i]...)
	out = append(out, snippet...)
	return append(out, page[i:]...)
}

func lastIndexFold(s, sep []byte) int {
	for i := len(s) - len(sep); i >= 0; i-- {
		if s[i] == '<' && strings.EqualFold(string(s[i:i+len(sep)]), string(sep)) {
			return i
		}
	}
	return -1
}

// ---- Server-Sent Events ----

type message struct {
	event string
	data  []byte
}

// hub keeps the open event streams and the site's state: the generation
// (instance id and count of good builds) and the current error, if any.
type hub struct {
	id string

	mu      sync.Mutex
	gen     int
	errs    []Problem
	clients map[chan message]bool
	closed  bool
	history []change // the last builds' changes, oldest first
}

// change is what one good build changed, kept so that a page that
// reconnects (a tab coming back to the foreground, a dropped connection)
// learns whether it missed a change to itself.
type change struct {
	gen   int
	all   bool            // every page reloads (or too many pages to keep)
	pages map[string]bool // URL paths of changed pages
}

const (
	historyLen   = 64   // builds remembered
	historyPages = 2000 // a build changing more pages is remembered as "all"
)

func newHub(id string) *hub {
	return &hub{id: id, clients: make(map[chan message]bool)}
}

func (h *hub) generation() string {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.genLocked()
}

func (h *hub) builtOnce() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.gen > 0
}

func (h *hub) genLocked() string { return h.id + "-" + strconv.Itoa(h.gen) }

type reloadMsg struct {
	Gen   string   `json:"gen"`
	Pages []string `json:"pages"`
	All   bool     `json:"all"`
}

type errorMsg struct {
	Gen      string    `json:"gen"`
	Problems []Problem `json:"problems"`
}

type helloMsg struct {
	Gen      string    `json:"gen"`
	Problems []Problem `json:"problems"`
	Reload   bool      `json:"reload"` // the page changed since the generation it has
}

// staleLocked reports whether the page at path, built at generation gen
// (as the page's script reports it), changed in a later build.
func (h *hub) staleLocked(gen, path string) bool {
	if gen == "" {
		return false // not a page of ours (a test client, curl)
	}
	id, n, ok := strings.Cut(gen, "-")
	had, err := strconv.Atoi(n)
	if !ok || err != nil || id != h.id || had > h.gen {
		return true // another server's page, or garbage
	}
	if had == h.gen {
		return false
	}
	if len(h.history) == 0 || h.history[0].gen > had+1 {
		return true // older than what is remembered
	}
	for _, c := range h.history {
		if c.gen > had && (c.all || c.pages[path]) {
			return true
		}
	}
	return false
}

func (h *hub) built(pages []string, all bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.gen++
	h.errs = nil
	c := change{gen: h.gen, all: all || len(pages) > historyPages}
	if !c.all {
		c.pages = make(map[string]bool, len(pages))
		for _, p := range pages {
			c.pages[p] = true
		}
	}
	if len(h.history) == historyLen {
		h.history = append(h.history[:0], h.history[1:]...)
	}
	h.history = append(h.history, c)
	if pages == nil {
		pages = []string{}
	}
	b, _ := json.Marshal(reloadMsg{h.genLocked(), pages, all})
	h.broadcast(message{"reload", b})
}

func (h *hub) fail(ps []Problem) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.errs = ps
	b, _ := json.Marshal(errorMsg{h.genLocked(), ps})
	h.broadcast(message{"failed", b})
}

// broadcast sends m to every stream; a stream too slow to take it is
// closed (the browser reconnects and catches up from the hello message).
func (h *hub) broadcast(m message) {
	for c := range h.clients {
		select {
		case c <- m:
		default:
			delete(h.clients, c)
			close(c)
		}
	}
}

func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for c := range h.clients {
		delete(h.clients, c)
		close(c)
	}
}

// clients returns how many streams are open.
func (h *hub) count() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	return len(h.clients)
}

func (h *hub) serve(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming unsupported", http.StatusInternalServerError)
		return
	}
	c := make(chan message, 16)
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		http.Error(w, "shutting down", http.StatusServiceUnavailable)
		return
	}
	h.clients[c] = true
	q := r.URL.Query()
	hello, _ := json.Marshal(helloMsg{h.genLocked(), h.errs, h.staleLocked(q.Get("gen"), q.Get("path"))})
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		if h.clients[c] {
			delete(h.clients, c)
			close(c)
		}
		h.mu.Unlock()
	}()

	hd := w.Header()
	hd.Set("Content-Type", "text/event-stream")
	hd.Set("Cache-Control", "no-store")
	hd.Set("X-Accel-Buffering", "no")
	w.WriteHeader(http.StatusOK)
	fmt.Fprintf(w, "retry: 500\nevent: hello\ndata: %s\n\n", hello)
	fl.Flush()
	ping := time.NewTicker(15 * time.Second)
	defer ping.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-ping.C:
			io.WriteString(w, ": ping\n\n")
			fl.Flush()
		case m, ok := <-c:
			if !ok {
				return
			}
			fmt.Fprintf(w, "event: %s\ndata: %s\n\n", m.event, m.data)
			fl.Flush()
		}
	}
}
