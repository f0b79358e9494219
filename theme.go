package main

import (
	"embed"
	"io/fs"
)

//go:embed templates static
var themeFiles embed.FS

// Theme is the default theme compiled into the binary: templates/ and
// static/ at its root. A site's own templates/ and static/ files override
// it file by file.
var Theme fs.FS = themeFiles
