package e2e

import (
	"bufio"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// BenchmarkSaveToReload measures, on a running `briefgen serve`, the time
// from an article being saved (written beside and renamed over, as editors
// do) to the server sending the reload event for the rebuilt site, and the
// server's resident memory as edits accumulate.
//
// It edits the site it is given, so give it a copy:
//
//	python3 gencorpus.py --out /tmp/site -n 10000 --briefings 200 --from ...
//	BRIEFGEN_BENCH_SITE=/tmp/site go test ./e2e -run '^$' -bench SaveToReload -benchtime 50x -timeout 2h
//
// It reports the median and 95th percentile latency and the RSS after the
// last edit and after 4 s without edits, and prints each edit's latency
// and RSS as it goes. To reuse a
// serve already running on the site (a big site's first build is slow, and
// the benchmark runs once with N=1 before the real run):
//
//	BRIEFGEN_BENCH_URL=http://127.0.0.1:PORT/ BRIEFGEN_BENCH_PID=PID ...
func BenchmarkSaveToReload(b *testing.B) {
	site := os.Getenv("BRIEFGEN_BENCH_SITE")
	if site == "" {
		b.Skip("set BRIEFGEN_BENCH_SITE to a copy of a site to edit")
	}
	arts, err := filepath.Glob(filepath.Join(site, "content", "*", "*.md"))
	if err != nil {
		b.Fatal(err)
	}
	arts = slices.DeleteFunc(arts, func(p string) bool { return filepath.Base(p) == "_index.md" })
	if len(arts) == 0 {
		b.Fatal("no articles in content/*/")
	}
	// BRIEFGEN_BENCH_URL (and BRIEFGEN_BENCH_PID for its memory) use a
	// serve already running on the site, so that a big site is built once.
	url, pid := os.Getenv("BRIEFGEN_BENCH_URL"), 0
	if url == "" {
		start := time.Now()
		srv := startServeWait(b, site, time.Hour)
		url, pid = srv.url, srv.cmd.Process.Pid
		b.Logf("first build and start: %v, RSS %s", time.Since(start).Round(time.Millisecond), rss(pid))
	} else {
		pid, _ = strconv.Atoi(os.Getenv("BRIEFGEN_BENCH_PID"))
		url = strings.TrimSuffix(url, "/") + "/"
	}

	resp, err := http.Get(url + "__briefgen/events")
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	events := make(chan string, 16)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		sc.Buffer(make([]byte, 1<<20), 1<<24)
		name := ""
		for sc.Scan() {
			line := sc.Text()
			if n, ok := strings.CutPrefix(line, "event: "); ok {
				name = n
			} else if d, ok := strings.CutPrefix(line, "data: "); ok {
				events <- name + " " + d
			}
		}
		close(events)
	}()
	if e := <-events; !strings.HasPrefix(e, "hello ") {
		b.Fatalf("first event %q", e)
	}

	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		p := arts[(i*7919)%len(arts)]
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		data = append(data, fmt.Sprintf("\nEdited paragraph number %d, added by the benchmark.\n", i)...)
		tmp := filepath.Join(filepath.Dir(p), "."+filepath.Base(p)+".swp")
		if err := os.WriteFile(tmp, data, 0o644); err != nil {
			b.Fatal(err)
		}
		if err := os.Rename(tmp, p); err != nil {
			b.Fatal(err)
		}
		saved := time.Now()
		select {
		case e, ok := <-events:
			if !ok {
				b.Fatal("event stream ended")
			}
			if !strings.HasPrefix(e, "reload ") || strings.Contains(e, `"pages":[]`) {
				b.Fatalf("edit %d of %s: got %.300s", i, p, e)
			}
		case <-time.After(10 * time.Minute):
			b.Fatalf("no reload within 10 minutes of editing %s", p)
		}
		lat = append(lat, time.Since(saved))
		// Progress as it happens (b.Logf shows only at the end).
		fmt.Fprintf(os.Stderr, "edit %d: %v, RSS %s\n", i+1, lat[len(lat)-1].Round(time.Millisecond), rss(pid))
	}
	b.StopTimer()
	slices.Sort(lat)
	q := func(f float64) time.Duration { return lat[min(len(lat)-1, int(f*float64(len(lat))))] }
	b.ReportMetric(float64(q(0.5).Microseconds())/1000, "ms-median")
	b.ReportMetric(float64(q(0.95).Microseconds())/1000, "ms-p95")
	if kb := rssKB(pid); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "MB-RSS")
	}
	after := rss(pid)
	// Once edits pause, serve returns free memory to the system
	// (serve.IdleTrim).
	time.Sleep(4 * time.Second)
	if kb := rssKB(pid); kb > 0 {
		b.ReportMetric(float64(kb)/1024, "MB-RSS-idle")
	}
	b.Logf("%d edits: median %v, p95 %v, min %v, max %v; RSS %s, %s after 4 s idle",
		len(lat), q(0.5).Round(time.Millisecond), q(0.95).Round(time.Millisecond), lat[0].Round(time.Millisecond), lat[len(lat)-1].Round(time.Millisecond), after, rss(pid))
}

func rssKB(pid int) int {
	if pid <= 0 {
		return -1
	}
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return n
		}
	}
	return -1
}

func rss(pid int) string {
	if kb := rssKB(pid); kb >= 0 {
		return fmt.Sprintf("%.0f MB", float64(kb)/1024)
	}
	return "unknown"
}
