//go:build !linux

package publish

// exchange is only available on Linux; elsewhere Commit renames twice.
func exchange(a, b string) error { return errUnsupported }
