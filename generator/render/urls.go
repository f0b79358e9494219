package render

import (
	"fmt"
	"net/url"
	"strings"
)

// URLs turns site paths ("/nk/article/") into links. Internal links are
// root-relative and carry the base URL's path, so a site works both at a
// domain root and under a sub-path; feeds and the sitemap use absolute URLs
// when the base URL has a scheme and host.
type URLs struct {
	// Base is the base URL as configured, normalized to end in "/".
	Base string
	// Path is the base URL's path, beginning and ending in "/" ("/" or "/news/").
	Path string
	// Origin is "scheme://host[:port]", or "" when the base URL is a bare path.
	Origin string
}

// ParseBaseURL interprets a base URL: "https://example.org/news/",
// "/news/", "news" or "" (the domain root).
func ParseBaseURL(base string) (URLs, error) {
	base = strings.TrimSpace(base)
	if base == "" {
		base = "/"
	}
	u, err := url.Parse(base)
	if err != nil {
		return URLs{}, fmt.Errorf("base URL %q: %v", base, err)
	}
	if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
		return URLs{}, fmt.Errorf("base URL %q: must not have a query, fragment or user", base)
	}
	var origin string
	switch {
	case u.Scheme != "" && u.Host != "":
		if u.Scheme != "http" && u.Scheme != "https" {
			return URLs{}, fmt.Errorf("base URL %q: scheme must be http or https", base)
		}
		origin = u.Scheme + "://" + u.Host
	case u.Scheme != "" || u.Host != "":
		return URLs{}, fmt.Errorf("base URL %q: needs both a scheme and a host, or neither", base)
	}
	p := u.EscapedPath()
	if !strings.HasPrefix(p, "/") {
		p = "/" + p
	}
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return URLs{Base: origin + p, Path: p, Origin: origin}, nil
}

// Rel returns the link for a site path: the base path joined with p.
// p may start with "/" or not; a full URL ("https://...", "mailto:") or a
// fragment ("#top") is returned unchanged.
func (u URLs) Rel(p string) string {
	if isExternal(p) || strings.HasPrefix(p, "#") {
		return p
	}
	return u.Path + strings.TrimPrefix(p, "/")
}

// Abs returns the absolute URL of a site path when the base URL has an
// origin, else the same as Rel.
func (u URLs) Abs(p string) string {
	if isExternal(p) {
		return p
	}
	return u.Origin + u.Rel(p)
}

func isExternal(p string) bool {
	if i := strings.IndexByte(p, ':'); i > 0 {
		if j := strings.IndexAny(p, "/?#"); j < 0 || i < j {
			return true
		}
	}
	return strings.HasPrefix(p, "//")
}
