package markdown

import (
	"fmt"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/yuin/goldmark/ast"
)

// ids makes heading ids from heading text: lowercase ASCII letters, digits
// and hyphens, with diacritics removed (ä → a, õ → o), unique in the
// document and never one of the layout's reserved ids.
type ids struct {
	used map[string]bool
}

func newIDs(reserved []string) *ids {
	s := &ids{used: map[string]bool{}}
	for _, r := range reserved {
		s.used[r] = true
	}
	return s
}

func (s *ids) Generate(value []byte, kind ast.NodeKind) []byte {
	base := locale.Slug(string(value))
	if base == "" || base[0] >= '0' && base[0] <= '9' {
		base = "h-" + base
	}
	base = strings.TrimSuffix(base, "-")
	id := base
	for i := 2; s.used[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	s.used[id] = true
	return []byte(id)
}

func (s *ids) Put(value []byte) { s.used[string(value)] = true }
