// Package source reads content files: it splits front matter from the
// Markdown body, parses YAML, TOML or JSON front matter into one tree of
// Nodes that remember where each key and value is written, and keeps the
// body's first line number so that positions in the body stay true.
package source

import (
	"bytes"
	"errors"

	"github.com/adrg/frontmatter"
	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// Format names a front matter syntax.
type Format string

// The front matter formats.
const (
	YAML Format = "yaml"
	TOML Format = "toml"
	JSON Format = "json"
)

// Document is a content file split into front matter and body.
type Document struct {
	Path     string // slash-separated path relative to the site root
	Src      []byte // the whole file
	Format   Format // "" when the file has no front matter
	Front    *Node  // the front matter, a Map; nil when missing or broken
	FrontPos diag.Pos
	Body     []byte
	BodyLine int // the file line on which Body starts
}

// delimiter is one way of opening front matter.
type delimiter struct {
	start, end string
	format     Format
	withDelims bool // the delimiters belong to the data (JSON braces)
}

var delimiters = []delimiter{
	{"---", "---", YAML, false},
	{"---yaml", "---", YAML, false},
	{"+++", "+++", TOML, false},
	{"---toml", "---", TOML, false},
	{";;;", ";;;", JSON, false},
	{"---json", "---", JSON, false},
	{"{", "}", JSON, true},
}

// errCaptured stops adrg/frontmatter after it has found the front matter:
// vitrin parses it itself to keep positions.
var errCaptured = errors.New("captured")

// Parse splits src into front matter and body and parses the front matter.
// Problems are added to diags; the returned Document is never nil.
func Parse(path string, src []byte, diags *diag.List) *Document {
	src = trimBOM(src)
	doc := &Document{Path: path, Src: src, Body: src, BodyLine: 1}
	li := newLineIndex(src)

	// Find the opening line the way adrg/frontmatter does: the first
	// non-blank line.
	open, openEnd := -1, 0
	var d delimiter
	for off := 0; off < len(src); {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src)
		} else {
			end += off + 1
		}
		line := bytes.TrimSpace(src[off:end])
		if len(line) > 0 {
			for _, cand := range delimiters {
				if string(line) == cand.start {
					open, openEnd, d = off, end, cand
				}
			}
			break
		}
		off = end
	}
	if open < 0 {
		return doc
	}
	openLine, _ := li.pos(open)
	doc.FrontPos = diag.Pos{File: path, Line: openLine, Col: 1}
	doc.Format = d.format

	var raw []byte
	formats := make([]*frontmatter.Format, len(delimiters))
	for i, cand := range delimiters {
		f := frontmatter.NewFormat(cand.start, cand.end, func(data []byte, _ any) error {
			raw = bytes.Clone(data)
			return errCaptured
		})
		f.UnmarshalDelims = cand.withDelims
		f.RequiresNewLine = cand.withDelims
		formats[i] = f
	}
	_, err := frontmatter.Parse(bytes.NewReader(src), nil, formats...)
	if !errors.Is(err, errCaptured) {
		hint := "add a line with " + d.end + " after the last key"
		if d.withDelims {
			hint = "end the JSON object with } on a line of its own, followed by an empty line"
		}
		diags.Add(diag.Diagnostic{Pos: doc.FrontPos, Msg: "front matter opened with " + d.start + " is never closed", Hint: hint})
		doc.Body = nil
		return doc
	}

	textStart := openEnd
	if d.withDelims {
		textStart = open
	}
	text := src[textStart : textStart+len(raw)]
	bodyStart := textStart + len(raw)
	if !d.withDelims {
		// skip the closing delimiter line
		if i := bytes.IndexByte(src[bodyStart:], '\n'); i >= 0 {
			bodyStart += i + 1
		} else {
			bodyStart = len(src)
		}
	}
	doc.Body = src[bodyStart:]
	doc.BodyLine, _ = li.pos(bodyStart)

	textLine, _ := li.pos(textStart)
	switch d.format {
	case YAML:
		doc.Front = parseYAML(path, text, textLine, diags)
	case TOML:
		doc.Front = parseTOML(path, text, textStart, li, diags)
	case JSON:
		doc.Front = parseJSON(path, text, textStart, li, diags)
	}
	if doc.Front != nil && doc.Front.Kind == Null {
		doc.Front = &Node{Kind: Map, Pos: doc.Front.Pos}
	}
	if doc.Front != nil && doc.Front.Kind != Map {
		diags.Addf(doc.Front.Pos, "", "write front matter as key: value lines", "front matter must be a set of keys, not %s", doc.Front.Describe())
		doc.Front = nil
	}
	return doc
}

// trimBOM removes a UTF-8 byte order mark, which some Windows editors write
// at the start of a file: it is not part of the text.
func trimBOM(src []byte) []byte { return bytes.TrimPrefix(src, []byte("\ufeff")) }
