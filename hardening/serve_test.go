package hardening

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"briefgen/generator/serve"
)

// rawGet sends a request line exactly as given (no client-side cleaning of
// the path) and returns the status code and body.
func rawGet(t *testing.T, addr, target string) (int, string) {
	t.Helper()
	c, err := net.DialTimeout("tcp", addr, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, addr)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("GET %s: %v", target, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

// The preview server serves nothing outside the built site, however the
// path is spelled, and lists no folders.
func TestServeStaysInsideTheSite(t *testing.T) {
	src := t.TempDir()
	writeTree(t, src, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\n\"We go,\" said John Smith, the minister.\n"})
	work := t.TempDir()
	dest := filepath.Join(work, "public")
	if _, log, err := buildOS(src, dest); err != nil {
		t.Fatalf("%v\n%s", err, log)
	}
	// Secrets beside the site: a file in its parent, a sibling folder whose
	// name starts like the site's, and a file named like a site path.
	writeTree(t, work, map[string]string{
		"secret.txt":            secret,
		"public-secret/x.txt":   secret,
		"public.tmp-1/x.txt":    secret,
		"public/b/nolist/x.txt": "listed?", // a folder without index.html
	})
	srv := httptest.NewServer(serve.New(serve.Options{Dir: dest}))
	defer srv.Close()
	addr := strings.TrimPrefix(srv.URL, "http://")

	if code, body := rawGet(t, addr, "/b/a/"); code != 200 || !strings.Contains(body, "John Smith") {
		t.Fatalf("the article page: %d %.80q", code, body)
	}
	attacks := []string{
		"/../secret.txt", "/../../../../etc/passwd", "/b/../../secret.txt",
		"/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/%2e%2e%2fsecret.txt", "/..%2fsecret.txt", "/.%2e/secret.txt",
		"/%252e%252e/secret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/b\\..\\..\\secret.txt", "/%5c..%5csecret.txt",
		"/../public-secret/x.txt", "/..%2fpublic-secret%2fx.txt", "/../public.tmp-1/x.txt",
		"/secret.txt%00.html", "/%00", "//etc/passwd", "/./../secret.txt", "/..;/secret.txt",
		"http://evil.example/../secret.txt", "/b/nolist/../../../secret.txt",
		"/" + strings.Repeat("../", 50) + "etc/passwd",
	}
	codes := map[int][]string{}
	defer func() { t.Logf("status codes: %v", codes) }()
	for _, target := range attacks {
		code, body := rawGet(t, addr, target)
		codes[code] = append(codes[code], target)
		if strings.Contains(body, secret) || strings.Contains(body, "root:x:0:0") {
			t.Errorf("GET %s: %d served a file outside the site", target, code)
		}
		if code == 200 && !strings.Contains(body, "<html") {
			t.Errorf("GET %s: 200 with %.60q", target, body)
		}
	}
	// No folder listings: a folder without index.html is "not found".
	listings := map[string]string{"/b/nolist/": ">x.txt<", "/vendor/": ">minisearch/<", "/vendor/minisearch/": ">LICENSE.txt<", "/css/": ">site.css<"}
	for target, entry := range listings {
		code, body := rawGet(t, addr, target)
		if code != http.StatusNotFound || strings.Contains(body, entry) {
			t.Errorf("GET %s: %d, listing entry %q in the body: %v", target, code, entry, strings.Contains(body, entry))
		}
	}
	// Only GET and HEAD.
	req, _ := http.NewRequest("PUT", srv.URL+"/b/a/index.html", strings.NewReader("x"))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		if resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("PUT: %d", resp.StatusCode)
		}
		resp.Body.Close()
	}
}

// briefgen serve binds to 127.0.0.1 unless told otherwise.
func TestServeBindsToLoopback(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the binary")
	}
	src := t.TempDir()
	writeTree(t, src, map[string]string{"content/b/a.md": "---\ntitle: A\ndate: 2025-01-02\n---\nBody.\n"})
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary(t), "serve", "--source", src, "--port", "0")
	stderr, _ := cmd.StderrPipe()
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		cmd.Process.Signal(syscall.SIGINT)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			cmd.Process.Kill()
		}
	}()
	urls := make(chan string, 1)
	re := regexp.MustCompile(`http://[^\s/]+/`)
	scan := func(r io.Reader) {
		sc := bufio.NewScanner(r)
		for sc.Scan() {
			if u := re.FindString(sc.Text()); u != "" {
				select {
				case urls <- u:
				default:
				}
			}
		}
	}
	go scan(stderr)
	go scan(stdout)
	var u string
	select {
	case u = <-urls:
	case <-time.After(90 * time.Second):
		t.Fatal("serve printed no address")
	}
	host, port, _ := net.SplitHostPort(strings.TrimSuffix(strings.TrimPrefix(u, "http://"), "/"))
	if host != "127.0.0.1" && host != "localhost" {
		t.Errorf("serve listens at %s, want 127.0.0.1", u)
	}
	// Not reachable on the machine's other addresses.
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		ipn, ok := a.(*net.IPNet)
		if !ok || ipn.IP.IsLoopback() || ipn.IP.To4() == nil {
			continue
		}
		c, err := net.DialTimeout("tcp", net.JoinHostPort(ipn.IP.String(), port), 2*time.Second)
		if err == nil {
			c.Close()
			t.Errorf("serve answers on %s:%s, not only on loopback", ipn.IP, port)
		}
	}
}
