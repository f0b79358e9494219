package e2e

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// step bounds every wait of the test.
const step = 20 * time.Second

// findChromium returns Chromium's path, skipping the test (or failing it
// under CI) when there is none.
func findChromium(t testing.TB) string {
	t.Helper()
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("Chromium is not installed (apt-get install chromium); CI requires the browser tests")
	}
	t.Skip("Chromium is not installed (apt-get install chromium): skipping the browser test")
	return ""
}

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// binary builds briefgen once per test run, or returns $BRIEFGEN_BIN when
// set (a binary built elsewhere, e.g. for the benchmark).
func binary(t testing.TB) string {
	t.Helper()
	if p := os.Getenv("BRIEFGEN_BIN"); p != "" {
		return p
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "briefgen-e2e-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "briefgen")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = ".."
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

func writeFile(t testing.TB, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	// Write beside and rename over, as editors do.
	tmp := p + ".tmp"
	if err := os.WriteFile(tmp, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(tmp, p); err != nil {
		t.Fatal(err)
	}
}

func article(title, body string) string {
	return "---\ntitle: " + title + "\ndate: 2024-11-22\nsource: Test Wire\n---\n\n" + body + "\n"
}

// server is a running `briefgen serve`.
type server struct {
	cmd    *exec.Cmd
	url    string
	stderr *syncBuffer
	exited chan error // receives Wait's result once
	done   chan struct{}
}

type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startServe(t testing.TB, site string, args ...string) *server {
	t.Helper()
	return startServeWait(t, site, step, args...)
}

// startServeWait starts serve and waits up to wait for its first build.
func startServeWait(t testing.TB, site string, wait time.Duration, args ...string) *server {
	t.Helper()
	cmd := exec.Command(binary(t), append([]string{"serve", "--source", site, "--port", "0"}, args...)...)
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	s := &server{cmd: cmd, stderr: &syncBuffer{}, exited: make(chan error, 1), done: make(chan struct{})}
	cmd.Stderr = s.stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.exited <- cmd.Wait(); close(s.done) }()
	t.Cleanup(func() {
		// Ctrl-C first, so that serve removes its temporary output.
		cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-s.done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
		}
	})
	urls := make(chan string, 1)
	go func() {
		re := regexp.MustCompile(`http://[^ ]+/`)
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			if u := re.FindString(sc.Text()); u != "" {
				urls <- u
				break
			}
		}
		io.Copy(io.Discard, stdout)
	}()
	select {
	case s.url = <-urls:
	case err := <-s.exited:
		t.Fatalf("serve exited (%v) before printing its URL:\n%s", err, s.stderr)
	case <-time.After(wait):
		t.Fatalf("serve printed no URL within %v:\n%s", wait, s.stderr)
	}
	return s
}

// waitJS evaluates a boolean expression in the page until it is true.
// Errors (the page reloading under it) are retried.
func waitJS(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	deadline := time.Now().Add(step)
	var last error
	for time.Now().Before(deadline) {
		ectx, cancel := context.WithTimeout(ctx, 2*time.Second)
		ok, err := chromedp.Run(ectx, chromedp.Evaluate[bool](expr))
		cancel()
		if err == nil && ok {
			return
		}
		last = err
		time.Sleep(50 * time.Millisecond)
	}
	bctx, cancel := context.WithTimeout(ctx, 2*time.Second)
	body, _ := chromedp.Run(bctx, chromedp.Evaluate[string](`document.body.innerText`))
	cancel()
	t.Fatalf("%s: not within %v (last error %v); page text:\n%.3000s", what, step, last, body)
}

func browser(t testing.TB) (context.Context, context.CancelFunc) {
	t.Helper()
	path := findChromium(t)
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WSURLReadTimeout(step),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(actx)
	// Start the browser now. No timeout on this first call (it would end
	// the browser with it); WSURLReadTimeout bounds the start.
	if err := chromedp.Do(ctx); err != nil {
		cancelCtx()
		cancelAlloc()
		t.Fatalf("starting Chromium: %v", err)
	}
	return ctx, func() { cancelCtx(); cancelAlloc() }
}

func navigate(t *testing.T, ctx context.Context, url string) {
	t.Helper()
	nctx, cancel := context.WithTimeout(ctx, step)
	defer cancel()
	if err := chromedp.Do(nctx, chromedp.Navigate(url)); err != nil {
		t.Fatalf("open %s: %v", url, err)
	}
}

func TestServeLiveReload(t *testing.T) {
	ctx, stop := browser(t)
	defer stop()

	site := t.TempDir()
	writeFile(t, site, "site.yaml", "title: E2E news\n")
	writeFile(t, site, "content/brief/_index.md", "---\ntitle: The briefing\n---\nWhat this briefing is about.\n")
	writeFile(t, site, "content/brief/alpha.md", article("Alpha report", "Zebras gather near the river at dawn."))
	writeFile(t, site, "content/other/beta.md", article("Beta report", "Beta body stays the same."))
	srv := startServe(t, site)

	// Page one: the article that will change.
	navigate(t, ctx, srv.url+"brief/alpha/")
	has := func(s string) string { return fmt.Sprintf("document.body.innerText.includes(%q)", s) }
	waitJS(t, ctx, "article shown", has("Zebras gather near the river"))

	// Page two, in another tab: a page of another briefing, which must not
	// reload. A mark on its window object survives only if it does not.
	other, cancelOther := chromedp.NewContext(ctx)
	defer cancelOther()
	if err := chromedp.Do(other); err != nil { // opens the tab; no timeout (see browser)
		t.Fatal(err)
	}
	navigate(t, other, srv.url+"other/beta/")
	waitJS(t, other, "second page shown", has("Beta body stays the same"))
	if _, err := chromedp.Run(other, chromedp.Evaluate[bool](`window.__notReloaded = true`)); err != nil {
		t.Fatal(err)
	}

	// Edit the article: the page updates by itself.
	writeFile(t, site, "content/brief/alpha.md", article("Alpha report", "Giraffes replaced the zebras overnight."))
	waitJS(t, ctx, "page reloaded with the edit", has("Giraffes replaced the zebras"))

	// Break the front matter: the overlay names the file; the last good
	// page stays underneath.
	writeFile(t, site, "content/brief/alpha.md", "---\ntitle: [unclosed\ndate: 2024-11-22\n---\nBroken.\n")
	waitJS(t, ctx, "error overlay", `(function(){var o=document.getElementById("briefgen-error");
		return !!o && /content\/brief\/alpha\.md:\d+/.test(o.innerText)})()`)
	waitJS(t, ctx, "last good page under the overlay", has("Giraffes replaced the zebras"))
	waitJS(t, other, "overlay on the other page too", `!!document.getElementById("briefgen-error")`)

	// Fix it: the overlay goes and the new content shows.
	writeFile(t, site, "content/brief/alpha.md", article("Alpha report", "Okapis arrived after the fix."))
	waitJS(t, ctx, "overlay gone, fixed content shown",
		`!document.getElementById("briefgen-error") && `+has("Okapis arrived after the fix"))
	waitJS(t, other, "overlay gone on the other page", `!document.getElementById("briefgen-error")`)

	// A page whose output never changed was not reloaded before the error
	// (the error and its fix reload it, by design). Check with a fresh
	// mark: one more edit of alpha must leave it alone.
	if _, err := chromedp.Run(other, chromedp.Evaluate[bool](`window.__notReloaded = true`)); err != nil {
		t.Fatal(err)
	}
	writeFile(t, site, "content/brief/alpha.md", article("Alpha report", "Tapirs, the final edit."))
	waitJS(t, ctx, "final edit shown", has("Tapirs, the final edit"))
	const genOf = `document.querySelector("script[data-gen]").getAttribute("data-gen")`
	gen, err := chromedp.Run(ctx, chromedp.Evaluate[string](genOf))
	if err != nil {
		t.Fatal(err)
	}
	// Once the other page has taken in the same build, it must still be
	// the same page.
	waitJS(t, other, "other page told of the build", genOf+` === `+strconv.Quote(gen))
	if kept, err := chromedp.Run(other, chromedp.Evaluate[bool](`window.__notReloaded === true`)); err != nil || !kept {
		t.Errorf("a page whose output did not change was reloaded (%v)", err)
	}

	// A broken template (the site's own override, in a templates/ folder
	// that did not exist when serve started) shows in the overlay with its
	// file and line; removing it brings the theme's template back.
	writeFile(t, site, "templates/article.html", "<!DOCTYPE html>\n<title>x</title>\n{{ .Nope }\n")
	waitJS(t, ctx, "template error overlay", `(function(){var o=document.getElementById("briefgen-error");
		return !!o && o.innerText.includes("templates/article.html:3")})()`)
	if err := os.Remove(filepath.Join(site, "templates", "article.html")); err != nil {
		t.Fatal(err)
	}
	waitJS(t, ctx, "template overlay gone", `!document.getElementById("briefgen-error") && `+has("Tapirs, the final edit"))

	// The terminal shows the error once, as one line.
	if n := strings.Count(srv.stderr.String(), "unclosed"); n > 1 {
		t.Errorf("error printed %d times:\n%s", n, srv.stderr)
	}
	if !regexp.MustCompile(`error: .*content/brief/alpha\.md:\d+: `).MatchString(srv.stderr.String()) {
		t.Errorf("terminal lacks the error:\n%s", srv.stderr)
	}

	// Ctrl-C ends it cleanly.
	srv.cmd.Process.Signal(syscall.SIGINT)
	select {
	case err := <-srv.exited:
		if err != nil {
			t.Errorf("serve exited with %v after SIGINT:\n%s", err, srv.stderr)
		}
	case <-time.After(step):
		t.Errorf("serve still running %v after SIGINT", step)
	}
}

// With --poll (file systems without events) the page still follows edits.
func TestServePolling(t *testing.T) {
	ctx, stop := browser(t)
	defer stop()
	site := t.TempDir()
	writeFile(t, site, "content/brief/alpha.md", article("Alpha report", "Polled text, first version."))
	srv := startServe(t, site, "--poll", "100ms")
	navigate(t, ctx, srv.url+"brief/alpha/")
	has := func(s string) string { return fmt.Sprintf("document.body.innerText.includes(%q)", s) }
	waitJS(t, ctx, "article shown", has("Polled text, first version."))
	writeFile(t, site, "content/brief/alpha.md", article("Alpha report", "Polled text, second version, longer."))
	waitJS(t, ctx, "page reloaded after a polled change", has("Polled text, second version"))
	// A new article in a new briefing appears on the home page.
	navigate(t, ctx, srv.url)
	writeFile(t, site, "content/fresh/gamma.md", article("Gamma arrives", "New."))
	waitJS(t, ctx, "home page lists the new article", has("Gamma arrives"))
}
