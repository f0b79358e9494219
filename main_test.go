package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

// TestMain lets the test scripts run the real briefgen command: testscript
// re-executes this test binary as "briefgen".
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){"briefgen": main})
}

// TestScripts runs testdata/script/*.txtar: small sites built by the CLI.
// Each script also has the example site (content/ and site.yaml of this
// repository) in $WORK/example.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{
		Dir: "testdata/script",
		Setup: func(env *testscript.Env) error {
			return copyExample(filepath.Join(env.WorkDir, "example"))
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"bytes":   cmdBytes,
			"bigfile": cmdBigfile,
		},
	})
}

// copyExample copies the example site into dir.
func copyExample(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	data, err := os.ReadFile("site.yaml")
	if err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(dir, "site.yaml"), data, 0o644); err != nil {
		return err
	}
	return filepath.WalkDir("content", func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		target := filepath.Join(dir, p)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, b, 0o644)
	})
}

// cmdBytes writes a file from a Go string literal, for bytes a txtar
// file should not hold (BOM, CR, NUL, invalid UTF-8):
//
//	bytes FILE "GO STRING"
func cmdBytes(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bytes FILE \"go string\"")
	}
	s, err := strconv.Unquote(`"` + args[1] + `"`)
	if err != nil {
		ts.Fatalf("bytes: %v", err)
	}
	p := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, []byte(s), 0o644))
}

// cmdBigfile writes an article of at least SIZE bytes:
//
//	bigfile FILE SIZE
func cmdBigfile(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: bigfile FILE SIZE")
	}
	n, err := strconv.Atoi(args[1])
	if err != nil {
		ts.Fatalf("bigfile: %v", err)
	}
	var b bytes.Buffer
	b.WriteString("---\ntitle: Big\ndate: 2024-01-01\n---\n")
	line := strings.Repeat("word ", 15) + "\n\n"
	for b.Len() < n {
		b.WriteString(line)
	}
	p := ts.MkAbs(args[0])
	ts.Check(os.MkdirAll(filepath.Dir(p), 0o755))
	ts.Check(os.WriteFile(p, b.Bytes(), 0o644))
	fmt.Fprintf(ts.Stdout(), "wrote %d bytes\n", b.Len())
}
