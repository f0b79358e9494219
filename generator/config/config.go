// Package config reads a site's settings from site.yaml or site.toml at the
// site root, and decodes the YAML and TOML that front matter and sidecar
// files are written in, reporting errors with the file and line they are on.
package config

import (
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"sort"
	"strings"

	"github.com/spf13/afero"
)

// Config is a site's settings. Every field has a default.
type Config struct {
	Title    string // site title; default "briefgen"
	BaseURL  string // absolute URL or root-relative path, ending in "/"; default "/"
	Language string // BCP 47 language tag; default "en"
	// Params holds every other top-level key of the config file, as decoded.
	Params map[string]any
}

// Default returns the settings of a site with no config file.
func Default() Config {
	return Config{Title: "briefgen", BaseURL: "/", Language: "en", Params: map[string]any{}}
}

// Files are the config file names Load looks for, in order.
var Files = []string{"site.yaml", "site.toml"}

// Load reads root/site.yaml or root/site.toml from fsys. A site with neither
// gets Default(); a site with both is an error. Errors are *Error.
func Load(fsys afero.Fs, root string) (Config, error) {
	var found []string
	for _, name := range Files {
		p := join(root, name)
		info, err := fsys.Stat(p)
		if err == nil && info.Mode().IsRegular() {
			found = append(found, p)
		} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return Config{}, &Error{File: p, Msg: err.Error()}
		}
	}
	switch len(found) {
	case 0:
		return Default(), nil
	case 2:
		return Config{}, &Error{File: found[1], Msg: "both " + Files[0] + " and " + Files[1] + " exist; keep one"}
	}
	p := found[0]
	data, err := afero.ReadFile(fsys, p)
	if err != nil {
		return Config{}, &Error{File: p, Msg: err.Error()}
	}
	return Parse(p, data)
}

// Parse decodes a config file's bytes; the format follows the name's
// extension (.toml, else YAML).
func Parse(name string, data []byte) (Config, error) {
	format := YAML
	if strings.HasSuffix(name, ".toml") {
		format = TOML
	}
	data = trimBOM(data)
	m, err := Decode(name, format, data, 1)
	if err != nil {
		return Config{}, err
	}
	c := Default()
	keys := make([]string, 0, len(m.Values))
	for k := range m.Values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := m.Values[k]
		line := m.Lines[k]
		str := func() (string, error) {
			s, ok := v.(string)
			if !ok {
				return "", &Error{File: name, Line: line, Msg: fmt.Sprintf("%s: want a string, got %v", k, describe(v))}
			}
			return s, nil
		}
		switch strings.ToLower(k) {
		case "title":
			if c.Title, err = str(); err != nil {
				return Config{}, err
			}
		case "baseurl", "base_url", "base-url":
			s, err := str()
			if err != nil {
				return Config{}, err
			}
			if c.BaseURL, err = NormalizeBaseURL(s); err != nil {
				return Config{}, &Error{File: name, Line: line, Msg: k + ": " + err.Error()}
			}
		case "language", "languagecode":
			s, err := str()
			if err != nil {
				return Config{}, err
			}
			if !validLanguage(s) {
				return Config{}, &Error{File: name, Line: line, Msg: fmt.Sprintf("%s: %q is not a language tag (like en or pt-BR)", k, s)}
			}
			c.Language = s
		default:
			c.Params[k] = v
		}
	}
	return c, nil
}

// NormalizeBaseURL checks a base URL and makes it end in "/". It accepts an
// absolute http(s) URL ("https://example.org/news/") or a root-relative path
// ("/news/"); the empty string means "/".
func NormalizeBaseURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "/", nil
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%q is not a URL", s)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("%q: a base URL has no query or fragment", s)
	}
	switch {
	case u.Scheme == "http" || u.Scheme == "https":
		if u.Host == "" {
			return "", fmt.Errorf("%q has no host", s)
		}
	case u.Scheme != "":
		return "", fmt.Errorf("%q: scheme must be http or https", s)
	case u.Host != "" || !strings.HasPrefix(u.Path, "/"):
		return "", fmt.Errorf("%q: want an absolute URL (https://host/path/) or a path starting with /", s)
	}
	if strings.Contains(u.Path, "/../") || strings.HasSuffix(u.Path, "/..") {
		return "", fmt.Errorf("%q: path must not contain ..", s)
	}
	if !strings.HasSuffix(s, "/") {
		s += "/"
	}
	return s, nil
}

func validLanguage(s string) bool {
	if s == "" || len(s) > 35 {
		return false
	}
	for _, part := range strings.Split(s, "-") {
		if part == "" || len(part) > 8 {
			return false
		}
		for _, c := range []byte(part) {
			if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9') {
				return false
			}
		}
	}
	return true
}

func join(root, name string) string {
	if root == "" || root == "." {
		return name
	}
	return path.Join(strings.ReplaceAll(root, "\\", "/"), name)
}

func trimBOM(b []byte) []byte {
	if len(b) >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF {
		return b[3:]
	}
	return b
}
