package main

import (
	"bytes"
	"net"
	"strconv"
	"strings"
	"testing"
)

func TestServePortInUse(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	var stdout, stderr bytes.Buffer
	code := run([]string{"serve", "--source", t.TempDir(), "--port", port}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit status %d, want 1", code)
	}
	want := "briefgen: port " + port + " on 127.0.0.1 is already in use"
	if !strings.HasPrefix(stderr.String(), want) || strings.Count(stderr.String(), "\n") != 1 {
		t.Errorf("stderr %q, want one line starting %q", stderr.String(), want)
	}
}

func TestServeBadFlags(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--port", "70000"},
		{"serve", "--poll", "-1s"},
		{"serve", "--poll", "0", "extra-argument"},
	} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code != 2 {
			t.Errorf("%q: exit status %d, want 2 (stderr %q)", args, code, stderr.String())
		}
	}
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--port", "0", "--poll", "0", "--source", "/does/not/exist"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "/does/not/exist") {
		t.Errorf("missing source: exit %d, stderr %q", code, stderr.String())
	}
}
