package hardening

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/spf13/afero"

	"briefgen/generator/build"
)

// repoRoot is the module root: its templates/ and static/ are the default
// theme the binary embeds.
var repoRoot = func() string {
	wd, err := os.Getwd()
	if err != nil {
		panic(err)
	}
	return filepath.Dir(wd)
}()

// theme returns the default theme as the binary embeds it.
func theme() fs.FS { return os.DirFS(repoRoot) }

// writeTree writes files (slash paths relative to dir) to disk.
func writeTree(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// buildOS builds the site at src into dest on the real file system with the
// default theme.
func buildOS(src, dest string) (*build.Result, string, error) {
	var log bytes.Buffer
	res, err := build.Build(afero.NewOsFs(), build.Options{
		Source: src, Destination: dest, Theme: theme(), Log: &log, NoSync: true,
	})
	return res, log.String(), err
}

// tree returns every regular file under dir (slash paths) with the SHA-256
// of its content.
func tree(t testing.TB, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		if !d.Type().IsRegular() {
			out[filepath.ToSlash(rel)] = "not a regular file: " + d.Type().String()
			return nil
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		h := sha256.Sum256(b)
		out[filepath.ToSlash(rel)] = hex.EncodeToString(h[:])
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// diffTrees describes how two trees differ, "" when they are the same.
func diffTrees(want, got map[string]string) string {
	var b strings.Builder
	var names []string
	for n := range want {
		names = append(names, n)
	}
	for n := range got {
		if _, ok := want[n]; !ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	shown := 0
	for _, n := range names {
		w, wok := want[n]
		g, gok := got[n]
		var msg string
		switch {
		case !gok:
			msg = "missing " + n
		case !wok:
			msg = "extra " + n
		case w != g:
			msg = "changed " + n
		default:
			continue
		}
		if shown < 10 {
			b.WriteString(msg + "\n")
		}
		shown++
	}
	if shown > 10 {
		b.WriteString("...\n")
	}
	return b.String()
}

var (
	binOnce sync.Once
	binPath string
	binErr  error
)

// binary builds the briefgen command once per test run and returns its
// path.
func binary(t testing.TB) string {
	t.Helper()
	binOnce.Do(func() {
		dir, err := os.MkdirTemp("", "hardening-bin-")
		if err != nil {
			binErr = err
			return
		}
		binPath = filepath.Join(dir, "briefgen")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Dir = repoRoot
		if out, err := cmd.CombinedOutput(); err != nil {
			binErr = err
			binPath = string(out)
		}
	})
	if binErr != nil {
		t.Fatalf("building briefgen: %v\n%s", binErr, binPath)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" && binErr == nil {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

// runBinary runs the briefgen binary and returns its stdout, stderr and
// exit status.
func runBinary(t testing.TB, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	cmd := exec.Command(binary(t), args...)
	var o, e bytes.Buffer
	cmd.Stdout, cmd.Stderr = &o, &e
	err := cmd.Run()
	if ee, ok := err.(*exec.ExitError); ok {
		return o.String(), e.String(), ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	return o.String(), e.String(), 0
}
