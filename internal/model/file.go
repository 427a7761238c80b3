package model

import (
	"fmt"
	"maps"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Folder is what every content folder — a project, a practice — has: its
// id, where it is and the file of each language it is written in.
type Folder struct {
	ID       string // the folder name
	Dir      string // the folder, such as content/projects/osku
	Original string // the language of the original file
	// Versions holds the file of each language the folder is written in,
	// the original first, then the translations in site language order.
	Versions []Version
	// Digest is a fingerprint of the folder's files: its language files
	// and the names, sizes and times of the others. Equal digests mean
	// equal content. FactsDigest is the same without the Markdown bodies:
	// what cards and listings show.
	Digest, FactsDigest uint64
}

// Version is the file of one language of a folder.
type Version struct {
	Lang     string
	Path     string // the file
	Body     []byte // the Markdown body; nil when the build let it go
	BodyLine int    // the file line on which Body starts
	// BodyAt is where the body starts in the file and FileSum the
	// digest of the file's bytes: a build that lets the bodies go reads
	// one again from there, checking that the file is the one it read.
	BodyAt  int
	FileSum uint64
}

// Languages returns the languages the folder is written in, the original
// first.
func (f *Folder) Languages() []string {
	out := make([]string, len(f.Versions))
	for i, v := range f.Versions {
		out[i] = v.Lang
	}
	return out
}

// HasLang reports whether the folder is written in lang.
func (f *Folder) HasLang(lang string) bool {
	for _, v := range f.Versions {
		if v.Lang == lang {
			return true
		}
	}
	return false
}

// File is one language file of a folder, decoded: T is Project or
// Practice.
type File[T any] struct {
	Doc           *source.Document
	Lang          string
	TranslationOf string
	// Item holds the file's own values; facts are only meaningful in an
	// original.
	Item  T
	facts map[string]fact
	lists map[string]listInfo
}

type listInfo struct {
	pos diag.Pos
	n   int
}

// version returns the file as a Version of its folder.
func (f *File[T]) version() Version {
	return Version{Lang: f.Lang, Path: f.Doc.Path, Body: f.Doc.Body, BodyLine: f.Doc.BodyLine}
}

var fileNameRE = regexp.MustCompile(`^index\.([a-z]{2})\.md$`)

// FileLang returns the language of a content file name such as
// index.fi.md, or "" when the name is not one.
func FileLang(name string) string {
	if m := fileNameRE.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return ""
}

// kindOf says what a folder holds, for messages: "project", "practice".
type kindOf string

// startFile reads what every language file has — front matter, its keys
// and translation_of — and returns the file and a decoder for the rest of
// its keys. It returns nil when the file has no front matter to read.
// files lists the other files of the folder; langs are the site's
// languages; keys are the keys the file may have.
func startFile[T any](doc *source.Document, lang string, langs []string, files map[string]bool, keys []string, kind kindOf, diags *diag.List) (*File[T], *decoder) {
	f := &File[T]{Doc: doc, Lang: lang, facts: map[string]fact{}, lists: map[string]listInfo{}}
	if doc.Front == nil {
		if doc.Format == "" {
			diags.Addf(diag.Pos{File: doc.Path, Line: 1, Col: 1}, "", "start the file with a line ---, the keys, and another line ---",
				"the file has no front matter")
		}
		return nil, nil
	}
	d := &decoder{file: doc.Path, diags: diags, kind: kind, lang: lang, files: files, facts: f.facts, lists: f.lists}
	m := doc.Front
	d.checkKeys(m, "", keys)
	if n := m.Get("translation_of"); n != nil {
		f.TranslationOf = d.scalar(n, "translation_of")
		switch {
		case f.TranslationOf == lang:
			d.errorf(n, "translation_of", "remove translation_of from the original", "a file cannot be a translation of itself")
			d.unusable = true
		case !slices.Contains(langs, f.TranslationOf):
			d.errorf(n, "translation_of", "write one of "+strings.Join(langs, ", "), "%q is not a language of the site", f.TranslationOf)
			d.unusable = true
		case !files["index."+f.TranslationOf+".md"]:
			d.errorf(n, "translation_of", fmt.Sprintf("add index.%s.md with the %s's facts, or correct translation_of", f.TranslationOf, kind),
				"the original index.%s.md is not in the folder", f.TranslationOf)
		}
	}
	d.original = f.TranslationOf == ""
	return f, d
}

// joinFolder starts the Folder of an original and its translations and
// reports, for each translation, the facts that differ from the
// original's and the translated lists whose length differs.
func joinFolder[T any](id, dir string, original *File[T], translations []*File[T], diags *diag.List) Folder {
	fo := Folder{ID: id, Dir: dir, Original: original.Lang, Versions: []Version{original.version()}}
	origName := path.Base(original.Doc.Path)
	for _, tr := range translations {
		for _, k := range slices.Sorted(maps.Keys(tr.facts)) {
			tf := tr.facts[k]
			of, ok := original.facts[k]
			switch {
			case !ok && tf.value == "":
			case !ok:
				diags.Addf(tf.pos, k, "remove it here: facts are written once, in the original ("+origName+")",
					"the original does not state this fact")
			case of.value != tf.value:
				diags.Addf(tf.pos, k, fmt.Sprintf("remove it here: facts are written once, in the original (%s:%d)", origName, of.pos.Line),
					"%q differs from the original's %q", tf.value, of.value)
			}
		}
		for _, name := range slices.Sorted(maps.Keys(tr.lists)) {
			li, oli := tr.lists[name], original.lists[name]
			switch {
			case oli.n == 0 && li.n > 0:
				diags.Addf(li.pos, name, "write it in the original first: a translation translates what the original says",
					"the original (%s) has no %s", origName, name)
			case oli.n != li.n:
				diags.Addf(li.pos, name, "translate every item of the original's list, in the same order",
					"lists %s; the original (%s) lists %d", items(li.n), origName, oli.n)
			}
		}
		fo.Versions = append(fo.Versions, tr.version())
	}
	return fo
}

// translatable is an item of a list that a translation matches item by
// item: it takes the texts of the same item in the translation.
type translatable[E any] interface {
	withTextOf(tr E) E
}

// mergeItems returns the original's items with the texts of the
// translation's items of the same position added.
func mergeItems[E translatable[E]](orig, tr []E) []E {
	out := slices.Clone(orig)
	for i := range min(len(out), len(tr)) {
		out[i] = out[i].withTextOf(tr[i])
	}
	return out
}

// merged adds a translation's texts to the original's, in a Text of
// the size it needs: a national catalogue holds a million of them.
func merged(orig, tr Text) Text {
	if len(tr) == 0 {
		return orig
	}
	out := make(Text, len(orig), len(orig)+len(tr))
	copy(out, orig)
	for _, ls := range tr {
		if i := slices.IndexFunc(out, func(o LangString) bool { return o.Lang == ls.Lang }); i >= 0 {
			out[i].S = ls.S
		} else {
			out = append(out, ls)
		}
	}
	return out
}

func (t Text) withTextOf(tr Text) Text { return merged(t, tr) }

func textIn(lang, s string) Text {
	if s == "" {
		return nil
	}
	return Text{{Lang: lang, S: s}}
}

// items writes a count of list items: "1 item", "3 items".
func items(n int) string {
	if n == 1 {
		return "1 item"
	}
	return strconv.Itoa(n) + " items"
}
