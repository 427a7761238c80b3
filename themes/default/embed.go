// Package defaulttheme holds vitrin's built-in theme, so that a site with
// only a content folder builds. A site overrides it with its own
// themes/default/ folder.
package defaulttheme

import (
	"embed"
	"io/fs"
)

//go:embed layouts i18n static
var files embed.FS

// FS returns the theme's files: layouts/, i18n/ and static/.
func FS() fs.FS { return files }
