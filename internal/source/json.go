package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// parseJSON turns a JSON value into a Node: an object for front matter
// (Parse checks that), a list for a vocabulary. offset0 is the byte offset of
// text within the file and li indexes the whole file.
func parseJSON(file string, text []byte, offset0 int, li *lineIndex, diags *diag.List) *Node {
	c := jsonConverter{file: file, text: text, offset0: offset0, li: li}
	c.dec = json.NewDecoder(bytes.NewReader(text))
	c.dec.UseNumber()
	n, err := c.value(0)
	if err == nil {
		if _, extra := c.dec.Token(); extra != io.EOF {
			err = errors.New("there is more after the closing }")
		}
	}
	if err != nil {
		// The decoder stops at the token or value it cannot read. (The
		// Offset of a json.SyntaxError is not a position in text: it counts
		// from the start of the value being read.)
		off := int(c.dec.InputOffset())
		msg := strings.TrimPrefix(err.Error(), "json: ")
		diags.Add(diag.Diagnostic{Pos: c.at(max(off, 0)), Msg: "front matter is not valid JSON: " + msg,
			Hint: `write keys and text in "double quotes" and separate entries with commas`})
		return nil
	}
	return n
}

type jsonConverter struct {
	dec     *json.Decoder
	file    string
	text    []byte
	offset0 int
	li      *lineIndex
}

func (c *jsonConverter) at(offset int) diag.Pos {
	line, col := c.li.pos(c.offset0 + offset)
	return diag.Pos{File: c.file, Line: line, Col: col}
}

// start returns the position of the next token.
func (c *jsonConverter) start() diag.Pos {
	off := int(c.dec.InputOffset())
	for off < len(c.text) && strings.IndexByte(" \t\r\n,:", c.text[off]) >= 0 {
		off++
	}
	return c.at(off)
}

func (c *jsonConverter) value(depth int) (*Node, error) {
	pos := c.start()
	tok, err := c.dec.Token()
	if err != nil {
		return nil, err
	}
	if depth > maxDepth {
		return nil, errors.New("values are nested too deeply")
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &Node{Kind: Map, Pos: pos}
			seen := map[string]bool{}
			for c.dec.More() {
				kpos := c.start()
				ktok, err := c.dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := ktok.(string)
				v, err := c.value(depth + 1)
				if err != nil {
					return nil, err
				}
				if seen[key] {
					return nil, errors.New("key " + key + " is written twice")
				}
				seen[key] = true
				n.Entries = append(n.Entries, Entry{Key: key, KeyPos: kpos, Value: v})
			}
			_, err := c.dec.Token()
			return n, err
		case '[':
			n := &Node{Kind: List, Pos: pos}
			for c.dec.More() {
				v, err := c.value(depth + 1)
				if err != nil {
					return nil, err
				}
				n.Items = append(n.Items, v)
			}
			_, err := c.dec.Token()
			return n, err
		}
	case string:
		return &Node{Kind: Scalar, Type: String, Value: t, Pos: pos}, nil
	case json.Number:
		typ := Int
		if strings.ContainsAny(string(t), ".eE") {
			typ = Float
		}
		return &Node{Kind: Scalar, Type: typ, Value: string(t), Pos: pos}, nil
	case bool:
		v := "false"
		if t {
			v = "true"
		}
		return &Node{Kind: Scalar, Type: Bool, Value: v, Pos: pos}, nil
	case nil:
		return &Node{Kind: Null, Pos: pos}, nil
	}
	return nil, errors.New("unexpected token")
}
