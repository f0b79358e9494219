//go:build !linux

package publish

import "errors"

func syncTree(dir string) error { return errors.ErrUnsupported }

const haveSyncTree = false
