// Package e2e holds end-to-end tests that run the real briefgen binary:
// `briefgen serve` driven by a headless Chromium (through chromedp), to
// check that pages reload by themselves after an edit and show build errors
// in an overlay. The tests skip when Chromium is not installed, except when
// the environment variable CI is set, where its absence is a failure.
package e2e
