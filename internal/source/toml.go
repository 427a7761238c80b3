package source

import (
	"errors"
	"strings"

	"github.com/pelletier/go-toml/v2/unstable"
	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// parseTOML turns TOML front matter into a Node. offset0 is the byte offset
// of text within the file and li indexes the whole file.
func parseTOML(file string, text []byte, offset0 int, li *lineIndex, diags *diag.List) *Node {
	c := tomlConverter{file: file, offset0: offset0, li: li, diags: diags}
	c.p.Reset(text)
	root := &Node{Kind: Map, Pos: c.at(0)}
	current := root
	for c.p.NextExpression() {
		e := c.p.Expression()
		switch e.Kind {
		case unstable.KeyValue:
			c.setKeyValue(current, e)
		case unstable.Table:
			current = c.descendPath(root, e.Key(), false)
		case unstable.ArrayTable:
			current = c.descendPath(root, e.Key(), true)
		}
		if current == nil {
			return nil
		}
	}
	if err := c.p.Error(); err != nil {
		pos := c.at(uint32(len(text)))
		var perr *unstable.ParserError
		if errors.As(err, &perr) && perr.Highlight != nil {
			pos = c.at(c.p.Range(perr.Highlight).Offset)
		}
		diags.Add(diag.Diagnostic{Pos: pos, Msg: "front matter is not valid TOML: " + err.Error(),
			Hint: `write one key = value per line; put text in "quotes"`})
		return nil
	}
	return root
}

type tomlConverter struct {
	p       unstable.Parser
	file    string
	offset0 int
	li      *lineIndex
	diags   *diag.List
}

func (c *tomlConverter) at(offset uint32) diag.Pos {
	line, col := c.li.pos(c.offset0 + int(offset))
	return diag.Pos{File: c.file, Line: line, Col: col}
}

// descendPath walks from root along a table header's dotted key, creating
// maps as needed; for an array table it appends a new map to the list at the
// end of the path.
func (c *tomlConverter) descendPath(root *Node, key unstable.Iterator, arrayTable bool) *Node {
	m := root
	for key.Next() {
		k := key.Node()
		name, pos := string(k.Data), c.at(k.Raw.Offset)
		v := m.Get(name)
		if arrayTable && key.IsLast() {
			if v == nil {
				v = &Node{Kind: List, Pos: pos}
				m.Entries = append(m.Entries, Entry{Key: name, KeyPos: pos, Value: v})
			}
			if v.Kind != List {
				c.diags.Addf(pos, name, "use a different key or remove one of them", "is already set to %s", v.Describe())
				return nil
			}
			item := &Node{Kind: Map, Pos: pos}
			v.Items = append(v.Items, item)
			return item
		}
		if v == nil {
			v = &Node{Kind: Map, Pos: pos}
			m.Entries = append(m.Entries, Entry{Key: name, KeyPos: pos, Value: v})
		}
		if v.Kind == List && len(v.Items) > 0 {
			v = v.Items[len(v.Items)-1] // [a.b] after [[a]] extends the last a
		}
		if v.Kind != Map {
			c.diags.Addf(pos, name, "use a different key or remove one of them", "is already set to %s", v.Describe())
			return nil
		}
		m = v
	}
	return m
}

func (c *tomlConverter) setKeyValue(table *Node, kv *unstable.Node) {
	key := kv.Key()
	var parts []*unstable.Node
	for key.Next() {
		parts = append(parts, key.Node())
	}
	m := table
	for i, k := range parts {
		name, pos := string(k.Data), c.at(k.Raw.Offset)
		if i == len(parts)-1 {
			if m.Get(name) != nil {
				c.diags.Addf(pos, name, "keep one of them", "is written twice")
				return
			}
			m.Entries = append(m.Entries, Entry{Key: name, KeyPos: pos, Value: c.value(kv.Value(), pos, 0)})
			return
		}
		v := m.Get(name)
		if v == nil {
			v = &Node{Kind: Map, Pos: pos}
			m.Entries = append(m.Entries, Entry{Key: name, KeyPos: pos, Value: v})
		}
		if v.Kind != Map {
			c.diags.Addf(pos, name, "use a different key or remove one of them", "is already set to %s", v.Describe())
			return
		}
		m = v
	}
}

func (c *tomlConverter) value(v *unstable.Node, keyPos diag.Pos, depth int) *Node {
	pos := keyPos
	if v.Raw.Length > 0 {
		pos = c.at(v.Raw.Offset)
	}
	if depth > maxDepth {
		c.diags.Addf(pos, "", "simplify the front matter", "values are nested too deeply")
		return &Node{Kind: Null, Pos: pos}
	}
	switch v.Kind {
	case unstable.Array:
		out := &Node{Kind: List, Pos: pos}
		it := v.Children()
		for it.Next() {
			out.Items = append(out.Items, c.value(it.Node(), pos, depth+1))
		}
		return out
	case unstable.InlineTable:
		out := &Node{Kind: Map, Pos: pos}
		it := v.Children()
		for it.Next() {
			c.setKeyValue(out, it.Node())
		}
		return out
	case unstable.String:
		return &Node{Kind: Scalar, Type: String, Value: string(v.Data), Pos: pos}
	case unstable.Bool:
		return &Node{Kind: Scalar, Type: Bool, Value: string(v.Data), Pos: pos}
	case unstable.Integer:
		return &Node{Kind: Scalar, Type: Int, Value: strings.ReplaceAll(string(v.Data), "_", ""), Pos: pos}
	case unstable.Float:
		return &Node{Kind: Scalar, Type: Float, Value: strings.ReplaceAll(string(v.Data), "_", ""), Pos: pos}
	case unstable.LocalDate, unstable.LocalDateTime, unstable.DateTime, unstable.LocalTime:
		return &Node{Kind: Scalar, Type: Date, Value: string(v.Data), Pos: pos}
	}
	return &Node{Kind: Null, Pos: pos}
}
