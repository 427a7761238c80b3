package model

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/source"
	"unicode"
)

// decoder reads typed values out of front matter nodes and reports what it
// cannot read.
type decoder struct {
	file  string
	diags *diag.List
	kind  kindOf // what the file describes, for messages
	// lang is the language of the file; original is false in a
	// translation.
	lang     string
	original bool
	// unusable is set when the file cannot take part in its folder (its
	// translation_of is wrong); it is still decoded, so that every
	// problem in it is reported, but then left out.
	unusable bool
	files    map[string]bool // the other files of the folder
	// facts records, for each fact the file states, where it is and a
	// canonical form of its value, so that a translation's facts can be
	// compared with the original's.
	facts map[string]fact
	// lists records the length of each list a translation matches item
	// by item.
	lists map[string]listInfo
	// errLines are the lines of the diagnostics this decoder reported.
	errLines []int
}

type fact struct {
	pos   diag.Pos
	value string
}

func (d *decoder) recordFact(field string, n *source.Node, value string) {
	if d.facts != nil && n != nil {
		d.facts[field] = fact{pos: n.Pos, value: value}
	}
}

func (d *decoder) errorf(n *source.Node, field, hint, format string, args ...any) {
	d.add(diag.Diagnostic{Pos: n.Pos, Field: field, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

func (d *decoder) add(dg diag.Diagnostic) {
	d.errLines = append(d.errLines, dg.Pos.Line)
	d.diags.Add(dg)
}

func (d *decoder) isMap(n *source.Node, field string) bool {
	if n.Kind != source.Map {
		d.errorf(n, field, "write it as keys indented under "+lastPart(field)+":", "is %s; it must be a group of keys", n.Describe())
		return false
	}
	return true
}

func lastPart(field string) string {
	if i := strings.LastIndexByte(field, '.'); i >= 0 {
		return field[i+1:]
	}
	return field
}

func join(field, key string) string {
	if field == "" {
		return key
	}
	return field + "." + key
}

// checkKeys reports every key of a map that is not allowed, with the nearest
// allowed key.
func (d *decoder) checkKeys(n *source.Node, field string, allowed []string) {
	for _, e := range n.Entries {
		if slices.Contains(allowed, e.Key) {
			continue
		}
		hint := "the keys allowed here are " + strings.Join(allowed, ", ")
		if best := suggestKey(e.Key, allowed); best != "" {
			hint = "did you mean " + best + "?"
		}
		d.add(diag.Diagnostic{Pos: e.KeyPos, Field: join(field, e.Key), Msg: "unknown key", Hint: hint})
	}
}

// keyAliases maps words editors may write in Finnish, Estonian or Swedish
// to the key they mean; used for suggestions only.
func keyAliases() map[string]string {
	return map[string]string{
		"otsikko": "title", "nimi": "title", "pealkiri": "title", "nimetus": "title", "titel": "title", "namn": "title",
		"tiivistelmä": "summary", "yhteenveto": "summary", "kokkuvõte": "summary", "sammanfattning": "summary",
		"hakija": "organisation", "toteuttaja": "organisation", "taotleja": "organisation", "sökande": "organisation", "organization": "organisation",
		"kumppanit": "partners", "partnerid": "partners", "partner": "partners",
		"rahoittaja": "funder", "rahastaja": "funder", "finansiär": "funder", "lag": "funder",
		"ohjelma": "programme", "programm": "programme", "program": "programme",
		"rahasto": "fund", "fond": "fund",
		"toimenpide": "measure", "meede": "measure", "åtgärd": "measure",
		"hankenumero": "project_number", "projektinumber": "project_number", "projektnummer": "project_number",
		"aika": "period", "toteutusaika": "period", "periood": "period", "period": "period", "dates": "period",
		"budjetti": "budget", "eelarve": "budget", "kustannukset": "budget", "maksumus": "budget",
		"alue": "region", "maakunta": "region", "maakond": "region", "region": "region", "landskap": "region",
		"kunnat": "municipalities", "omavalitsused": "municipalities", "vallad": "municipalities", "kommuner": "municipalities",
		"teemat": "themes", "teemad": "themes", "teman": "themes", "theme": "themes", "tags": "themes",
		"kohderyhmät": "target_groups", "sihtrühmad": "target_groups", "målgrupper": "target_groups",
		"tulokset": "indicators", "tulemused": "indicators", "resultat": "indicators", "results": "indicators",
		"yhteystiedot": "contacts", "kontaktid": "contacts", "kontakter": "contacts", "contact": "contacts",
		"linkit": "links", "lingid": "links", "länkar": "links", "link": "links",
		"liitteet": "attachments", "lisad": "attachments", "bilagor": "attachments",
		"kuva": "image", "pilt": "image", "bild": "image",
		"alku": "start", "algus": "start", "start": "start", "loppu": "end", "lõpp": "end", "slut": "end",
		"yhteensä": "total", "kokku": "total", "totalt": "total", "summa": "total",
		"valuutta": "currency", "valuuta": "currency", "valuta": "currency",
		"rahoitus": "funding", "rahastus": "funding", "finansiering": "funding", "sources": "funding",
		"määrä": "amount", "belopp": "amount",
		"prosentti": "percent", "protsent": "percent", "procent": "percent", "percentage": "percent",
	}
}

// suggestKey returns the allowed key nearest to key, or "".
func suggestKey(key string, allowed []string) string {
	if k, ok := keyAliases()[strings.ToLower(key)]; ok && slices.Contains(allowed, k) {
		return k
	}
	return nearest(key, allowed)
}

// nearest returns the candidate closest to s in edit distance after folding
// case and diacritics, or "" when none is close enough to be a likely typo.
func nearest(s string, candidates []string) string {
	fs := fold(s)
	best, bestDist := "", 1<<30
	for _, c := range candidates {
		fc := fold(c)
		d := editDistance(fs, fc)
		if strings.HasPrefix(fc, fs) && len(fs) >= 3 || strings.HasPrefix(fs, fc) && len(fc) >= 3 {
			d = min(d, 1)
		}
		if d < bestDist || d == bestDist && c < best {
			best, bestDist = c, d
		}
	}
	limit := max(2, len([]rune(fs))/3)
	if bestDist > limit {
		return ""
	}
	return best
}

// fold compares names loosely: without case, diacritics or separators.
func fold(s string) string {
	return strings.NewReplacer("-", "", "_", "", " ", "").Replace(locale.Fold(s))
}

func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// scalar reads a text value. Numbers and booleans are read as written.
func (d *decoder) scalar(n *source.Node, field string) string {
	if n == nil || n.Kind == source.Null {
		return ""
	}
	if n.Kind != source.Scalar {
		d.errorf(n, field, cmp.Or(colonHint(n), "write one value"), "is %s; it must be text", n.Describe())
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// colonHint explains a text that YAML read as a key because it has ": "
// in it, such as the step "- Valmistelu: kutsutaan mukaan …": a map of one
// key whose value is text. It returns "" for anything else.
func colonHint(n *source.Node) string {
	if n.Kind != source.Map || len(n.Entries) != 1 || n.Entries[0].Value.Kind != source.Scalar {
		return ""
	}
	return fmt.Sprintf("the \": \" after %q makes YAML read the text as a key; put the whole text in \"double quotes\"", n.Entries[0].Key)
}

// text reads a required or optional text value. A value of the wrong
// type is reported once, as such, and not again as missing.
func (d *decoder) text(m *source.Node, key, field string, required bool) string {
	n := m.Get(key)
	s := d.scalar(n, field)
	if s == "" && required && (n == nil || n.Kind == source.Null || n.Kind == source.Scalar) {
		at := m
		if n != nil {
			at = n
		}
		d.errorf(at, field, "add "+key+": and its text", "is missing")
	}
	return s
}

var slugRE = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*$`)

// slug reads a key: lowercase letters, digits and hyphens.
func (d *decoder) slug(n *source.Node, field string, required bool) string {
	s := d.scalar(n, field)
	if s == "" {
		if required && n != nil {
			d.errorf(n, field, "write a key such as youth or village-halls", "is empty")
		}
		return ""
	}
	if !slugRE.MatchString(s) {
		d.errorf(n, field, fmt.Sprintf("write it as %s", locale.Slug(s)), "%q is not a valid key: use lowercase letters a–z, digits and hyphens", s)
		return ""
	}
	return s
}

// boolean reads true or false.
func (d *decoder) boolean(n *source.Node, field string) (value, ok bool) {
	if n == nil || n.Kind == source.Null {
		return false, false
	}
	if n.Kind == source.Scalar && n.Type == source.Bool {
		b, err := strconv.ParseBool(n.Value)
		if err == nil {
			return b, true
		}
		switch strings.ToLower(n.Value) {
		case "true", "yes", "on":
			return true, true
		case "false", "no", "off":
			return false, true
		}
	}
	d.errorf(n, field, "write true or false", "is %s; it must be true or false", describeValue(n))
	return false, false
}

// describeValue quotes a scalar, or describes a structure.
func describeValue(n *source.Node) string {
	if n.Kind == source.Scalar {
		return strconv.Quote(n.Value)
	}
	return n.Describe()
}

// number reads a decimal number and its count of decimals.
func (d *decoder) number(n *source.Node, field string) (float64, int, bool) {
	if n == nil || n.Kind == source.Null {
		return 0, 0, false
	}
	if n.Kind == source.Scalar && (n.Type == source.Int || n.Type == source.Float || n.Type == source.String) {
		s := strings.TrimSpace(n.Value)
		if n.Type == source.String {
			s = strings.ReplaceAll(strings.Map(func(r rune) rune {
				if unicode.IsSpace(r) {
					return -1
				}
				return r
			}, s), ",", ".")
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(f) && !math.IsInf(f, 0) {
			decimals := 0
			if _, frac, ok := strings.Cut(s, "."); ok {
				decimals = len(frac)
			}
			return f, decimals, true
		}
	}
	d.errorf(n, field, "write a number such as 200 or 12.5", "is %s; it must be a number", describeValue(n))
	return 0, 0, false
}

// list returns the items of a list node. A single value is read as a list
// of one, so that "themes: youth" works like "themes: [youth]".
func (d *decoder) list(n *source.Node, field string) []*source.Node {
	switch {
	case n == nil || n.Kind == source.Null:
		return nil
	case n.Kind == source.List:
		return n.Items
	case n.Kind == source.Scalar:
		return []*source.Node{n}
	}
	d.errorf(n, field, "write a list, one item per line starting with \"- \"", "is %s; it must be a list", n.Describe())
	return nil
}

// date reads a date of year, month or day precision.
func (d *decoder) date(n *source.Node, field string) Date {
	if n == nil || n.Kind == source.Null {
		return Date{}
	}
	if n.Kind != source.Scalar {
		d.errorf(n, field, "write a date such as 2019-09-01", "is %s; it must be a date", n.Describe())
		return Date{}
	}
	v, err := ParseDate(n.Value)
	if err != nil {
		e := err.(*DateError)
		d.errorf(n, field, e.Hint, "%s", e.Msg)
		return Date{}
	}
	return v
}

// term reads a vocabulary key and checks that the vocabulary has it.
func (d *decoder) term(n *source.Node, field string, v *Vocabulary) string {
	s := d.scalar(n, field)
	if s == "" {
		return ""
	}
	if v.Term(s) == nil {
		d.add(unknownTerm(n.Pos, field, s, v))
		return ""
	}
	return s
}

// terms reads a list of vocabulary keys; a key listed twice is an error.
func (d *decoder) terms(n *source.Node, field string, v *Vocabulary) []string {
	var out []string
	for _, item := range d.list(n, field) {
		if k := d.term(item, field, v); k != "" {
			if slices.Contains(out, k) {
				d.errorf(item, field, "remove the second one", "%s is listed twice", k)
				continue
			}
			out = append(out, k)
		}
	}
	return out
}

// CheckSlug reports whether s is a valid key or project id: lowercase
// letters a–z, digits and single hyphens.
func CheckSlug(s string) error {
	if !slugRE.MatchString(s) {
		return fmt.Errorf("%q is not a valid key", s)
	}
	return nil
}

// SuggestSlug returns a valid key made from s.
func SuggestSlug(s string) string { return locale.Slug(s) }

// termFact reads a vocabulary key and records it as a fact.
func (d *decoder) termFact(m *source.Node, key string, v *Vocabulary) string {
	n := m.Get(key)
	s := d.term(n, key, v)
	d.recordFact(key, n, s)
	return s
}

// termsFact reads a list of vocabulary keys and records it as a fact, in
// any order.
func (d *decoder) termsFact(m *source.Node, key string, v *Vocabulary) []string {
	n := m.Get(key)
	keys := d.terms(n, key, v)
	d.recordFact(key, n, strings.Join(slices.Sorted(slices.Values(keys)), ","))
	return keys
}
