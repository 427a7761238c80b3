package source

import "github.com/vitrin-ssg/vitrin/internal/diag"

// Kind says what a Node holds.
type Kind uint8

// The kinds of node.
const (
	Null Kind = iota
	Scalar
	Map
	List
)

// Type says how the front matter format typed a scalar.
type Type uint8

// The types of scalar. Date is a date or timestamp the format recognised
// (YAML 2019-09-01, TOML local dates); its Value is the text as written.
const (
	String Type = iota
	Int
	Float
	Bool
	Date
)

// Node is a front matter value with the position where it is written, the
// same for YAML, TOML and JSON.
type Node struct {
	Kind    Kind
	Type    Type   // for scalars
	Value   string // for scalars: the string value, or the number, boolean or date as written
	Pos     diag.Pos
	Entries []Entry // for maps, in file order
	Items   []*Node // for lists
}

// Entry is one key of a map.
type Entry struct {
	Key    string
	KeyPos diag.Pos
	Value  *Node
}

// Get returns the value of key in a map node, or nil.
func (n *Node) Get(key string) *Node {
	if n == nil {
		return nil
	}
	for i := range n.Entries {
		if n.Entries[i].Key == key {
			return n.Entries[i].Value
		}
	}
	return nil
}

// Describe names what n is, for error messages: "a list", "a number", "text".
func (n *Node) Describe() string {
	if n == nil {
		return "nothing"
	}
	switch n.Kind {
	case Null:
		return "empty"
	case Map:
		return "a group of keys"
	case List:
		return "a list"
	}
	switch n.Type {
	case Int, Float:
		return "a number"
	case Bool:
		return "true or false"
	case Date:
		return "a date"
	}
	return "text"
}
