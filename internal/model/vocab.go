package model

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Term is one entry of a controlled vocabulary.
type Term struct {
	Key   string
	Label Text
	Pos   diag.Pos
	// Attrs holds the vocabulary's extra keys, such as a programme's fund
	// or a municipality's region.
	Attrs map[string]string
}

// Attr returns an extra key of the term, or "".
func (t *Term) Attr(name string) string {
	if t == nil {
		return ""
	}
	return t.Attrs[name]
}

// Vocabulary is a controlled list of terms.
type Vocabulary struct {
	Name  string // the file's base name without extension, such as "themes"
	File  string // the file it was read from; empty when the site has none
	Terms []*Term
	byKey map[string]*Term
}

// Term returns the term with the key, or nil.
func (v *Vocabulary) Term(key string) *Term {
	if v == nil {
		return nil
	}
	return v.byKey[key]
}

// The vocabulary names, as file base names in content/vocabularies.
const (
	VocabThemes         = "themes"
	VocabTargetGroups   = "target-groups"
	VocabFunds          = "funds"
	VocabProgrammes     = "programmes"
	VocabFunders        = "funders"
	VocabMeasures       = "measures"
	VocabRegions        = "regions"
	VocabMunicipalities = "municipalities"
)

// vocabAttrs lists, per vocabulary, its extra keys and, for those that refer
// to another vocabulary, that vocabulary.
func vocabAttrs(name string) map[string]string {
	switch name {
	case VocabFunds:
		return map[string]string{"eu": ""}
	case VocabProgrammes:
		return map[string]string{"fund": VocabFunds}
	case VocabFunders:
		return map[string]string{"country": "", "kind": "", "url": ""}
	case VocabMeasures:
		return map[string]string{"programme": VocabProgrammes, "funder": VocabFunders}
	case VocabRegions:
		return map[string]string{"country": ""}
	case VocabMunicipalities:
		return map[string]string{"region": VocabRegions}
	}
	return map[string]string{}
}

// VocabNames lists every vocabulary, in the order they are loaded: a
// vocabulary comes after those its terms refer to.
func VocabNames() []string {
	return []string{VocabThemes, VocabTargetGroups, VocabFunds, VocabProgrammes, VocabFunders,
		VocabMeasures, VocabRegions, VocabMunicipalities}
}

// Vocabularies is every controlled vocabulary of a site, by name.
type Vocabularies map[string]*Vocabulary

// Get returns the vocabulary with the name; it is never nil.
func (vs Vocabularies) Get(name string) *Vocabulary {
	if v := vs[name]; v != nil {
		return v
	}
	return &Vocabulary{Name: name}
}

// LoadVocabulary reads one vocabulary file. langs are the site's languages:
// every label must exist in each. Terms that refer to other vocabularies are
// checked against vs, which holds the vocabularies loaded before.
func LoadVocabulary(file string, src []byte, langs []string, vs Vocabularies, diags *diag.List) *Vocabulary {
	name := strings.TrimSuffix(path.Base(file), path.Ext(file))
	v := &Vocabulary{Name: name, File: file, byKey: map[string]*Term{}}
	root := source.ParseFile(file, src, diags)
	if root == nil {
		return v
	}
	if root.Kind == source.Map && len(root.Entries) == 0 {
		return v
	}
	if root.Kind != source.List {
		diags.Addf(root.Pos, "", "write a list of terms, each starting with \"- key:\"", "%s must be a list of terms, not %s", path.Base(file), root.Describe())
		return v
	}
	attrs := vocabAttrs(name)
	allowed := []string{"key", "label"}
	for a := range attrs {
		allowed = append(allowed, a)
	}
	slices.Sort(allowed[2:])
	for i, item := range root.Items {
		field := fmt.Sprintf("[%d]", i)
		d := &decoder{file: file, diags: diags}
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, allowed)
		t := &Term{Pos: item.Pos, Attrs: map[string]string{}}
		if item.Get("key") == nil {
			d.errorf(item, field+".key", "add key: with a key such as youth or village-halls", "is missing")
			continue
		}
		t.Key = d.slug(item.Get("key"), field+".key", true)
		if t.Key == "" {
			continue
		}
		field = t.Key
		if prev := v.byKey[t.Key]; prev != nil {
			diags.Addf(item.Get("key").Pos, field, "give each term its own key", "is used twice in %s (first on line %d)", path.Base(file), prev.Pos.Line)
			continue
		}
		t.Label = d.label(item.Get("label"), field+".label", item.Pos, langs)
		for _, e := range item.Entries {
			ref, ok := attrs[e.Key]
			if !ok {
				continue
			}
			val := d.scalar(e.Value, field+"."+e.Key)
			if ref != "" && val != "" {
				if vs.Get(ref).Term(val) == nil {
					diags.Add(unknownTerm(e.Value.Pos, field+"."+e.Key, val, vs.Get(ref)))
				}
			}
			t.Attrs[e.Key] = val
		}
		v.Terms = append(v.Terms, t)
		v.byKey[t.Key] = t
	}
	return v
}

// label reads a vocabulary label: one text, or one per language.
func (d *decoder) label(n *source.Node, field string, at diag.Pos, langs []string) Text {
	if n == nil {
		d.diags.Addf(at, field, "add label: {fi: …, et: …, sv: …}", "is missing")
		return nil
	}
	if n.Kind == source.Scalar {
		s := d.scalar(n, field)
		t := make(Text, len(langs))
		for i, l := range langs {
			t[i] = LangString{Lang: l, S: s}
		}
		return t
	}
	if !d.isMap(n, field) {
		return nil
	}
	d.checkKeys(n, field, langs)
	var t Text
	for _, l := range langs {
		v := n.Get(l)
		if v == nil {
			d.diags.Addf(n.Pos, field, fmt.Sprintf("add %s: and the label in that language", l), "has no label in %s", langName(l))
			continue
		}
		if s := d.scalar(v, field+"."+l); s != "" {
			t = append(t, LangString{Lang: l, S: s})
		}
	}
	return t
}

// langName names a language code in English, for messages to editors.
func langName(code string) string {
	switch code {
	case "fi":
		return "Finnish (fi)"
	case "et":
		return "Estonian (et)"
	case "sv":
		return "Swedish (sv)"
	}
	return code
}

// unknownTerm reports a key that is not in its vocabulary, with the nearest
// term.
func unknownTerm(pos diag.Pos, field, key string, v *Vocabulary) diag.Diagnostic {
	file := "content/vocabularies/" + v.Name + ".yaml"
	if v.File != "" {
		file = v.File
	}
	var candidates []string
	labels := map[string]string{}
	for _, t := range v.Terms {
		candidates = append(candidates, t.Key)
		for _, ls := range t.Label {
			candidates = append(candidates, ls.S)
			labels[ls.S] = t.Key
		}
	}
	hint := "add it to " + file
	if best := nearest(key, candidates); best != "" {
		if k, ok := labels[best]; ok && k != best {
			hint = fmt.Sprintf("did you mean %s (%s)? Or add %s to %s", k, best, key, file)
		} else {
			hint = fmt.Sprintf("did you mean %s? Or add %s to %s", best, key, file)
		}
	}
	return diag.Diagnostic{Pos: pos, Field: field, Msg: fmt.Sprintf("%q is not in the %s vocabulary", key, v.Name), Hint: hint}
}
