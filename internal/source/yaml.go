package source

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"gopkg.in/yaml.v3"
)

var yamlErrLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// yamlParserErrors are the messages of yaml.v3's parser, as opposed to its
// scanner. yaml.v3 writes "line N" for both, but N counts from 1 for scanner
// errors and from 0 for parser errors.
var yamlParserErrors = map[string]bool{
	"did not find expected <stream-start>":   true,
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// parseYAML turns YAML front matter into a Node. line0 is the file line on
// which the front matter text starts.
func parseYAML(file string, text []byte, line0 int, diags *diag.List) *Node {
	var doc yaml.Node
	if err := yaml.Unmarshal(text, &doc); err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := yamlErrLine.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
			if yamlParserErrors[msg] {
				line++ // yaml.v3 counts the lines of parser errors from 0
			}
		}
		// An error found at the end of the text belongs to its last line.
		line = min(line, bytes.Count(bytes.TrimRight(text, " \t\r\n"), []byte("\n"))+1)
		diags.Add(diag.Diagnostic{
			Pos:  diag.Pos{File: file, Line: line0 + line - 1, Col: firstCol(text, line)},
			Msg:  "front matter is not valid YAML: " + msg,
			Hint: "check the indentation, and put text that contains a colon or starts with a special character in quotes",
		})
		return nil
	}
	if len(doc.Content) == 0 {
		return &Node{Kind: Map, Pos: diag.Pos{File: file, Line: line0, Col: 1}}
	}
	c := yamlConverter{file: file, line0: line0, diags: diags, nodes: new(int)}
	return c.convert(doc.Content[0], 0)
}

// firstCol returns the column of the first non-blank character of a line.
func firstCol(text []byte, line int) int {
	li := newLineIndex(text)
	if line < 1 || line > len(li.start) {
		return 1
	}
	i := li.start[line-1]
	col := 1
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
		col++
	}
	return col
}

type yamlConverter struct {
	file  string
	line0 int
	diags *diag.List
	nodes *int // values converted so far
}

func (c yamlConverter) pos(n *yaml.Node) diag.Pos {
	return diag.Pos{File: c.file, Line: c.line0 + n.Line - 1, Col: n.Column}
}

// maxDepth bounds the nesting of front matter values, so that a hostile or
// broken file (or a YAML alias loop) cannot exhaust the stack.
const maxDepth = 64

// maxNodes bounds the number of values of a YAML file, so that aliases of
// lists of aliases (a "billion laughs" file), which are expanded, cannot
// exhaust memory.
const maxNodes = 1 << 20

func (c yamlConverter) convert(n *yaml.Node, depth int) *Node {
	if *c.nodes++; *c.nodes > maxNodes {
		if *c.nodes == maxNodes+1 {
			c.diags.Addf(c.pos(n), "", "write the values out instead of repeating aliases (*name)", "the file has too many values")
		}
		return &Node{Kind: Null, Pos: c.pos(n)}
	}
	if depth > maxDepth {
		c.diags.Addf(c.pos(n), "", "simplify the front matter", "values are nested too deeply")
		return &Node{Kind: Null, Pos: c.pos(n)}
	}
	switch n.Kind {
	case yaml.AliasNode:
		out := c.convert(n.Alias, depth+1)
		cp := *out
		cp.Pos = c.pos(n)
		return &cp
	case yaml.MappingNode:
		out := &Node{Kind: Map, Pos: c.pos(n)}
		seen := map[string]diag.Pos{}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			kp := c.pos(k)
			if first, dup := seen[k.Value]; dup {
				c.diags.Addf(kp, k.Value, "keep one of them", "is written twice (first on line %d)", first.Line)
				continue
			}
			seen[k.Value] = kp
			out.Entries = append(out.Entries, Entry{Key: k.Value, KeyPos: kp, Value: c.convert(v, depth+1)})
		}
		return out
	case yaml.SequenceNode:
		out := &Node{Kind: List, Pos: c.pos(n)}
		for _, item := range n.Content {
			out.Items = append(out.Items, c.convert(item, depth+1))
		}
		return out
	case yaml.DocumentNode:
		if len(n.Content) > 0 {
			return c.convert(n.Content[0], depth+1)
		}
	}
	out := &Node{Kind: Scalar, Value: n.Value, Pos: c.pos(n)}
	switch n.ShortTag() {
	case "!!null":
		out.Kind = Null
	case "!!int":
		out.Type = Int
	case "!!float":
		out.Type = Float
	case "!!bool":
		out.Type = Bool
	case "!!timestamp":
		out.Type = Date
	}
	return out
}
