package hardening

import (
	"fmt"
	"math/rand"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var (
	people = []string{"John Smith", "Maria Lopez", "Chen Wei", "Amara Okafor", "Lars Nilsson", "Fatima Haddad", "Kenji Sato", "Ana Costa"}
	roles  = []string{"the foreign minister", "a spokeswoman for the ministry", "the trade envoy", "an analyst at the Institute for Policy Studies", "the mayor"}
	places = []string{"Geneva", "Nairobi", "Jakarta", "Lima", "Oslo", "Seoul", "Vienna", "Accra"}
)

// genSite writes n articles in 20 briefings under src: ordinary wire copy
// with quotations, speakers, places and dates, so extraction and every page
// family have work. version changes every tenth article and which articles
// exist, so two versions differ in many output files.
func genSite(t testing.TB, src string, n, version int) {
	t.Helper()
	if err := os.RemoveAll(filepath.Join(src, "content")); err != nil {
		t.Fatal(err)
	}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := 0; i < n+5*version; i++ {
		if version > 0 && i%97 == 3 {
			continue // deleted in this version
		}
		p, q := people[i%len(people)], people[(i/3+1)%len(people)]
		r, pl := roles[i%len(roles)], places[(i/7)%len(places)]
		d := base.AddDate(0, 0, i%700)
		var b strings.Builder
		fmt.Fprintf(&b, "---\ntitle: Talks in %s, report %d\ndate: %s\nsource: Wire %d\nurl: https://example.org/wire/%d\n---\n", pl, i, d.Format("2006-01-02"), i%5, i)
		fmt.Fprintf(&b, "%s, %s, said on %s that the talks in %s would resume. \"We are ready to sign the agreement,\" %s said.\n\n", p, r, d.Format("Monday, January 2, 2006"), pl, p)
		fmt.Fprintf(&b, "\"There is no deal yet,\" %s told reporters in %s on %s. The next round is planned for %s.\n\n", q, pl, d.AddDate(0, 0, 1).Format("Jan. 2"), d.AddDate(0, 1, 0).Format("January 2006"))
		fmt.Fprintf(&b, "FILE - %s speaks in %s, %s. (Photo/Wire)\n\n", p, pl, d.AddDate(0, 0, -30).Format("Jan. 2, 2006"))
		if version > 0 && i%10 == 0 {
			fmt.Fprintf(&b, "Update %d: %s said the talks ended on %s.\n", version, q, d.AddDate(0, 0, 2).Format("January 2, 2006"))
		}
		name := filepath.Join(src, "content", fmt.Sprintf("b%02d", i%20), fmt.Sprintf("report-%05d.md", i))
		if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(name, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// kills is how many builds TestKilledBuilds kills (HARDENING_KILLS).
func kills() int {
	if n, err := strconv.Atoi(os.Getenv("HARDENING_KILLS")); err == nil && n > 0 {
		return n
	}
	return 12
}

// leftovers lists what a build left beside the destination.
func leftovers(t *testing.T, dest string) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Dir(dest))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range entries {
		if e.Name() != filepath.Base(dest) {
			out = append(out, e.Name())
		}
	}
	return out
}

// A build killed with SIGKILL at a random moment leaves public/ as the
// complete old site; the next build succeeds, publishes the complete new
// site and removes what the killed build left. Trees are compared file by
// file (SHA-256) against reference builds of both versions.
func TestKilledBuilds(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2,000-article site many times")
	}
	const n = 2000
	work := t.TempDir()
	src := filepath.Join(work, "site")
	refDir := filepath.Join(work, "ref")
	dest := filepath.Join(work, "out", "public")
	os.MkdirAll(filepath.Dir(dest), 0o755)

	build := func(dest string) measured {
		m := runMeasured(t, 10*time.Minute, "build", "--source", src, "--destination", dest, "--quiet")
		if m.code != 0 {
			t.Fatalf("build failed: %s", m.stderr)
		}
		return m
	}
	genSite(t, src, n, 1)
	mNew := build(filepath.Join(refDir, "new"))
	newTree := tree(t, filepath.Join(refDir, "new"))
	genSite(t, src, n, 0)
	mOld := build(filepath.Join(refDir, "old"))
	oldTree := tree(t, filepath.Join(refDir, "old"))
	if diffTrees(oldTree, newTree) == "" {
		t.Fatal("the two versions build the same site")
	}
	t.Logf("reference builds: old %d files (%v), new %d files (%v)", len(oldTree), mOld, len(newTree), mNew)

	build(dest) // publish the old version
	genSite(t, src, n, 1)
	r := rand.New(rand.NewSource(time.Now().UnixNano()))
	total := mNew.wall
	var states []string
	for k := 0; k < kills(); k++ {
		// Half the kills anywhere in the build, half near its end, where
		// the files are written and swapped in.
		delay := time.Duration(r.Int63n(int64(total)))
		if k%2 == 1 {
			delay = total*85/100 + time.Duration(r.Int63n(int64(total)*40/100))
		}
		cmd := exec.Command(binary(t), "build", "--source", src, "--destination", dest, "--quiet")
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		state := ""
		select {
		case <-time.After(delay):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			state = "killed"
		case err := <-done:
			if err != nil {
				t.Fatalf("build failed before the kill: %v", err)
			}
			state = "finished"
		}
		got := tree(t, dest)
		switch {
		case diffTrees(oldTree, got) == "":
			state += ": old site"
		case diffTrees(newTree, got) == "":
			state += ": new site"
			// Start the next round from the old site again.
			genSite(t, src, n, 0)
			build(dest)
			genSite(t, src, n, 1)
		default:
			t.Errorf("after %v (%s) public/ is neither site:\nvs old:\n%svs new:\n%s", delay, state, diffTrees(oldTree, got), diffTrees(newTree, got))
		}
		states = append(states, fmt.Sprintf("%.1fs %s (%d left beside)", delay.Seconds(), state, len(leftovers(t, dest))))
	}
	t.Logf("kills: %s", strings.Join(states, "; "))
	// The next build succeeds, publishes the new site and cleans up.
	build(dest)
	if d := diffTrees(newTree, tree(t, dest)); d != "" {
		t.Errorf("after the recovering build public/ is not the new site:\n%s", d)
	}
	if l := leftovers(t, dest); len(l) > 0 {
		t.Errorf("leftovers beside public/: %v", l)
	}
}
