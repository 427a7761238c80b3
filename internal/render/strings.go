package render

import (
	"errors"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }

// Message is a UI string. Plural strings have a One form; {n} and other
// {name} placeholders are filled in when the string is used.
type Message struct {
	One, Other string
}

// Strings holds the UI strings of every language: language → key → message.
type Strings map[string]map[string]Message

// has reports whether any language has the key. A key that only some
// languages lack is reported by loadStrings, once per language.
func (s Strings) has(key string) bool {
	for _, m := range s {
		if _, ok := m[key]; ok {
			return true
		}
	}
	return false
}

// loadStrings reads i18n/<lang>.yaml for every language and reports keys
// missing from some of them.
func loadStrings(fsys fs.FS, dir string, langs []string, diags *diag.List) Strings {
	all := Strings{}
	where := map[string]map[string]diag.Pos{} // lang → key → position
	for _, lang := range langs {
		name := "i18n/" + lang + ".yaml"
		file := path.Join(dir, name)
		root := readData(fsys, dir, name, diags)
		m := map[string]Message{}
		where[lang] = map[string]diag.Pos{}
		all[lang] = m
		if root == nil {
			if _, err := fs.Stat(fsys, name); err != nil {
				diags.Addf(diag.Pos{File: file}, "", "add the file with every UI string in "+lang, "the theme has no UI strings for %s", lang)
			}
			continue
		}
		if root.Kind != source.Map {
			diags.Addf(root.Pos, "", "write key: text lines", "the UI strings must be a set of keys")
			continue
		}
		for _, e := range root.Entries {
			where[lang][e.Key] = e.KeyPos
			v := e.Value
			switch v.Kind {
			case source.Scalar:
				m[e.Key] = Message{Other: v.Value}
			case source.Map:
				one, other := v.Get("one"), v.Get("other")
				if other == nil || other.Kind != source.Scalar || one != nil && one.Kind != source.Scalar || len(v.Entries) > 2 || len(v.Entries) == 2 && one == nil {
					diags.Addf(v.Pos, e.Key, "write {one: …, other: …}", "a plural string has the forms one and other")
					continue
				}
				msg := Message{Other: other.Value}
				if one != nil {
					msg.One = one.Value
				}
				m[e.Key] = msg
			default:
				diags.Addf(v.Pos, e.Key, "write the text, or {one: …, other: …}", "must be text")
			}
		}
	}
	// Every key must exist in every language.
	keys := map[string]bool{}
	for _, lang := range langs {
		for k := range where[lang] {
			keys[k] = true
		}
	}
	sorted := make([]string, 0, len(keys))
	for k := range keys {
		sorted = append(sorted, k)
	}
	slices.Sort(sorted)
	for _, k := range sorted {
		for _, lang := range langs {
			if _, ok := where[lang][k]; ok {
				continue
			}
			var have []string
			for _, other := range langs {
				if _, ok := where[other][k]; ok {
					have = append(have, other+".yaml")
				}
			}
			diags.Addf(diag.Pos{File: path.Join(dir, "i18n", lang+".yaml")}, k,
				"add "+k+": and its "+lang+" text", "the UI string is missing (it is in %s)", strings.Join(have, ", "))
		}
	}
	return all
}

// format fills {name} placeholders from pairs of name and value; a
// placeholder without a value stays as written. It is called for every
// page and card, so it fills them in one pass instead of building a
// strings.Replacer each time.
func format(s string, args ...any) string {
	if len(args) < 2 || !strings.Contains(s, "{") {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 32)
	for {
		i := strings.IndexByte(s, '{')
		if i < 0 {
			break
		}
		b.WriteString(s[:i])
		s = s[i:]
		j := strings.IndexByte(s, '}')
		if j < 0 {
			break
		}
		v, ok := formatArg(s[1:j], args)
		if !ok {
			b.WriteByte('{')
			s = s[1:]
			continue
		}
		b.WriteString(v)
		s = s[j+1:]
	}
	b.WriteString(s)
	return b.String()
}

// formatArg returns the value paired with name in args, the first if
// there are several.
func formatArg(name string, args []any) (string, bool) {
	for i := 0; i+1 < len(args); i += 2 {
		if k, ok := args[i].(string); ok && k == name || !ok && fmt.Sprint(args[i]) == name {
			if v, ok := args[i+1].(string); ok {
				return v, true
			}
			return fmt.Sprint(args[i+1]), true
		}
	}
	return "", false
}
