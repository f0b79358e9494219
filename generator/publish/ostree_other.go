//go:build !linux

package publish

import (
	"errors"
	"os"
)

// osTree is Linux only; elsewhere the staging directory is written through
// the afero.Fs.
type osTree struct{}

const haveOsTree = false

func openOsTree(dir, dest string) (*osTree, error)        { return nil, errors.ErrUnsupported }
func (t *osTree) mkdirs(rel string) error                 { return errors.ErrUnsupported }
func (t *osTree) writeFile(rel string, data []byte) error { return errors.ErrUnsupported }
func (t *osTree) sync() error                             { return errors.ErrUnsupported }
func (t *osTree) close()                                  {}

func removeTree(name string) error { return os.RemoveAll(name) }
