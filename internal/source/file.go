package source

import (
	"path"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// ParseFile parses a whole data file — YAML (.yaml, .yml), TOML (.toml) or
// JSON (.json), chosen by its extension — into a Node. It returns nil when
// the file cannot be read; the reasons are added to diags.
func ParseFile(name string, src []byte, diags *diag.List) *Node {
	src = trimBOM(src)
	li := newLineIndex(src)
	switch path.Ext(name) {
	case ".toml":
		return parseTOML(name, src, 0, li, diags)
	case ".json":
		return parseJSON(name, src, 0, li, diags)
	}
	n := parseYAML(name, src, 1, diags)
	if n != nil && n.Kind == Null {
		n.Kind = Map
	}
	return n
}

// DataExts lists the extensions of data files, in the order vitrin looks
// for them.
func DataExts() []string { return []string{".yaml", ".yml", ".toml", ".json"} }
