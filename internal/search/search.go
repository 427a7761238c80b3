// Package search holds the free-text side of the project listings: the
// words of each project that a visitor's query is matched against, and the
// matching rule itself. The listing script in the theme applies the same
// rule in the browser; Match here is its reference.
//
// Text is folded for case and diacritics (locale.Fold), so "kyla" matches
// "Kylä" and "oun" matches "Õun". A query term matches any word that
// contains it: "kyla" finds "kylä", "Kylätalo", "kylätoiminta" and also
// the compound "sivukylä", which matters in Finnish, Estonian and Swedish,
// where compounds are the rule. Every term of a query must match.
package search

import (
	"bufio"
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

// Words returns the distinct folded words of texts, in the order they first
// appear, separated by single spaces.
func Words(texts ...string) string {
	var c Collector
	return c.Words(texts...)
}

// A Collector makes the words of texts as Words does, keeping its memory
// from one call to the next: a worker that collects the words of
// thousands of projects uses one. It is not for concurrent use.
type Collector struct {
	seen map[string]struct{}
	// text holds the folded texts of one call, each followed by a space.
	text []byte
	buf  []byte
}

// Words is Words.
func (c *Collector) Words(texts ...string) string {
	c.text = c.text[:0]
	if c.text == nil {
		size := 0
		for _, s := range texts {
			size += len(s) + 1
		}
		c.text = make([]byte, 0, size+size/8)
	}
	for _, s := range texts {
		c.add(s)
	}
	return c.words()
}

// add appends the fold of s and a space to c.text.
func (c *Collector) add(s string) { c.text = append(locale.AppendFold(c.text, s), ' ') }

// addTexts adds every language version of each of ts.
func (c *Collector) addTexts(ts ...model.Text) {
	for _, t := range ts {
		for _, ls := range t {
			c.add(ls.S)
		}
	}
}

// addBody appends to c.text the folded text of a Markdown body, each link
// destination replaced by "]" (it is not text a visitor reads), and a
// space. Folding the pieces between the links one by one gives the fold
// of the whole: "]" neither changes nor joins with what is beside it.
func (c *Collector) addBody(body []byte) {
	at := 0
	for _, m := range linkTarget.FindAllIndex(body, -1) {
		c.text = append(locale.AppendFoldBytes(c.text, body[at:m[0]]), ']')
		at = m[1]
	}
	c.text = append(locale.AppendFoldBytes(c.text, body[at:]), ' ')
}

// words returns the distinct words of c.text in the order they first
// appear, separated by single spaces.
func (c *Collector) words() string {
	// The words are pieces of one copy of the folded text, which the
	// map's keys share. A project has about one distinct word in ten
	// bytes; a map sized for fewer grows, and rehashes, on the way.
	folded := string(c.text)
	if c.seen == nil {
		c.seen = make(map[string]struct{}, len(folded)/8)
	}
	b := c.buf[:0]
	eachWord(folded, func(w string) {
		if _, ok := c.seen[w]; ok {
			return
		}
		c.seen[w] = struct{}{}
		if len(b) > 0 {
			b = append(b, ' ')
		}
		b = append(b, w...)
	})
	clear(c.seen) // and with it the text its keys hold
	c.buf = b
	return string(b)
}

// eachWord calls f with each run of letters and digits of s.
func eachWord(s string, f func(w string)) {
	start := -1
	for i, r := range s {
		word := r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9' || 'A' <= r && r <= 'Z') ||
			r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
		switch {
		case word && start < 0:
			start = i
		case !word && start >= 0:
			f(s[start:i])
			start = -1
		}
	}
	if start >= 0 {
		f(s[start:])
	}
}

// Terms splits text into folded words: runs of letters and digits.
func Terms(text string) []string {
	return strings.FieldsFunc(locale.Fold(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Match reports whether every term occurs inside some word of words, a
// string made by Words. No terms match everything.
func Match(words string, terms []string) bool {
	for _, t := range terms {
		if !strings.Contains(words, t) {
			return false
		}
	}
	return true
}

// linkTarget matches the destination of a Markdown link or image, which is
// not text a visitor reads.
var linkTarget = regexp.MustCompile(`\]\([^)\s]*(?:\s+"[^"]*")?\)`)

// ProjectWords returns the words a search looks through for a project: the
// title, summary and body of every language version, the organisation,
// the partners, and the names of its region and municipalities in every
// language. bodies are the Markdown bodies of p.Versions, in their order.
func ProjectWords(p *model.Project, vocab model.Vocabularies, bodies [][]byte) string {
	var c Collector
	return c.ProjectWords(p, vocab, bodies)
}

// ProjectWords is ProjectWords.
func (c *Collector) ProjectWords(p *model.Project, vocab model.Vocabularies, bodies [][]byte) string {
	c.text = c.text[:0]
	c.addTexts(p.Title, p.Summary)
	c.add(p.Organisation)
	for _, s := range p.Partners {
		c.add(s)
	}
	for _, s := range Places(p, vocab) {
		c.add(s)
	}
	for _, b := range bodies {
		c.addBody(b)
	}
	return c.words()
}

// PracticeWords returns the words a search of the library looks through
// for a good practice: its title, summary, problem, steps, needs, results,
// lessons and how to transfer it in every language, and its bodies (those
// of p.Versions, in their order).
func PracticeWords(p *model.Practice, bodies [][]byte) string {
	var c Collector
	c.addTexts(p.Title, p.Summary, p.Problem)
	c.addTexts(p.Steps...)
	for _, n := range p.Needs {
		c.addTexts(n.Text)
	}
	for _, ps := range []model.Passage{p.Results, p.Lessons, p.Conditions, p.Pitfalls} {
		c.addTexts(ps.Points...)
	}
	for _, b := range bodies {
		c.addBody(b)
	}
	return c.words()
}

// Index is the search file of a listing, compact for the wire: every
// distinct word once, and per project the numbers of its words. The
// listing script loads it on the first search.
type Index struct {
	// Dict holds the words, the most frequent first, separated by spaces.
	Dict string `json:"d"`
	// Lists holds per project, separated by ";", the numbers of its words
	// in Dict, ascending, each written as its difference from the one
	// before in base 36, separated by ",".
	Lists string `json:"p"`
}

// NewIndex makes the index of the words of each project (as Words returns
// them).
func NewIndex(words []string) Index {
	b := NewIndexBuilder(len(words))
	total := 0
	for _, ws := range words {
		total += strings.Count(ws, " ") + 1
	}
	b.ids = make([]int32, 0, total)
	for _, ws := range words {
		b.Add(ws)
	}
	return b.Index()
}

// An IndexBuilder makes an Index from the words of one project after
// another, so that a national catalogue's words (hundreds of megabytes)
// need not all be held until the index is made: it keeps a number per
// word of each project, and each distinct word once.
type IndexBuilder struct {
	projects int // how many projects Add is given
	// first numbers the words in the order they are first met, and freq
	// counts them; Index changes the numbers to those of the dictionary,
	// most frequent first.
	first map[string]int32
	dict  []string
	freq  []int32
	// ids are the projects' word numbers, one after another, and ends
	// says where each project's end.
	ids  []int32
	ends []int
}

// NewIndexBuilder returns a builder of the index of that many projects.
func NewIndexBuilder(projects int) *IndexBuilder {
	return &IndexBuilder{projects: projects, first: map[string]int32{}, ends: make([]int, 0, projects)}
}

// sample is how many projects' words Add takes before it sizes ids for
// all of them: a national catalogue's are tens of millions, and a slice
// grown by appending would for a while be there twice.
const sample = 64

// Add adds the words of the next project, as Words returns them. The
// builder keeps none of words' bytes: the caller's string can go.
func (b *IndexBuilder) Add(words string) {
	eachField(words, func(w string) {
		n, ok := b.first[w]
		if !ok {
			w = strings.Clone(w)
			n = int32(len(b.dict))
			b.first[w] = n
			b.dict, b.freq = append(b.dict, w), append(b.freq, 0)
		}
		b.freq[n]++
		b.ids = append(b.ids, n)
	})
	b.ends = append(b.ends, len(b.ids))
	if len(b.ends) == sample && b.projects > sample {
		b.ids = slices.Grow(b.ids, len(b.ids)/sample*(b.projects-sample)*21/20)
	}
}

// Index returns the index of the words added. The builder is done.
func (b *IndexBuilder) Index() Index {
	dict := b.renumber()
	var lists strings.Builder
	lists.Grow(len(b.ids) * 3)
	b.writeLists(&lists)
	*b = IndexBuilder{}
	return Index{Dict: strings.Join(dict, " "), Lists: lists.String()}
}

// WriteJSON writes the index of the words added to w, as encoding/json
// writes the Index: for a national catalogue a hundred megabytes, which
// need not be held. The builder is done.
func (b *IndexBuilder) WriteJSON(w io.Writer) error {
	bw, ok := w.(*bufio.Writer)
	if !ok {
		bw = bufio.NewWriter(w)
	}
	dict := strings.Join(b.renumber(), " ")
	if needsEscape(dict) {
		q, _ := json.Marshal(dict) // a string: it cannot fail
		bw.WriteString(`{"d":`)
		bw.Write(q)
		bw.WriteString(`,"p":"`)
	} else {
		bw.WriteString(`{"d":"`)
		bw.WriteString(dict)
		bw.WriteString(`","p":"`)
	}
	b.writeLists(bw) // numbers, "," and ";": nothing to escape
	*b = IndexBuilder{}
	bw.WriteString(`"}`)
	return bw.Flush()
}

// renumber changes the word numbers to those of the dictionary, most
// frequent first, and returns the dictionary.
func (b *IndexBuilder) renumber() []string {
	b.first = nil
	dict, freq := b.dict, b.freq
	order := make([]int32, len(dict))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(a, b int32) int { return cmp.Or(int(freq[b]-freq[a]), strings.Compare(dict[a], dict[b])) })
	num := make([]int32, len(dict))
	sorted := make([]string, len(dict))
	for i, n := range order {
		num[n], sorted[i] = int32(i), dict[n]
	}
	for i, n := range b.ids {
		b.ids[i] = num[n]
	}
	return sorted
}

// writeLists writes each project's word numbers, ascending, as Index.Lists
// holds them.
func (b *IndexBuilder) writeLists(w interface {
	io.Writer
	io.ByteWriter
}) {
	start := 0
	var num []byte
	for p, end := range b.ends {
		if p > 0 {
			w.WriteByte(';')
		}
		list := b.ids[start:end]
		start = end
		slices.Sort(list)
		prev := int32(0)
		for i, id := range slices.Compact(list) {
			if i > 0 {
				w.WriteByte(',')
			}
			num = strconv.AppendInt(num[:0], int64(id-prev), 36)
			w.Write(num)
			prev = id
		}
	}
}

// AppendJSON appends the index as encoding/json writes it. A national
// catalogue's index is a hundred megabytes; written here it is copied
// once, where json.Marshal grows a buffer by doubling and copies it.
func (ix Index) AppendJSON(dst []byte) []byte {
	if needsEscape(ix.Dict) || needsEscape(ix.Lists) {
		b, _ := json.Marshal(ix) // two strings: it cannot fail
		return append(dst, b...)
	}
	dst = slices.Grow(dst, len(ix.Dict)+len(ix.Lists)+len(`{"d":"","p":""}`))
	dst = append(dst, `{"d":"`...)
	dst = append(dst, ix.Dict...)
	dst = append(dst, `","p":"`...)
	dst = append(dst, ix.Lists...)
	return append(dst, `"}`...)
}

// needsEscape reports whether encoding/json writes s other than as it
// is: with a quote, a backslash, a control character, HTML's <, > and &,
// the line and paragraph separators or bytes that are not UTF-8. The
// words are letters and digits, so this is a check, not a path taken.
func needsEscape(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' {
				return true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || r == '\u2028' || r == '\u2029' {
			return true
		}
		i += size
	}
	return false
}

// eachField calls f with each of the words of ws, a string made by Words:
// words separated by single spaces.
func eachField(ws string, f func(w string)) {
	for ws != "" {
		w, rest, _ := strings.Cut(ws, " ")
		if w != "" {
			f(w)
		}
		ws = rest
	}
}

// Words returns the words of each project, separated by spaces in the
// order of their numbers: what Match takes.
func (ix Index) Words() ([]string, error) {
	dict := strings.Fields(ix.Dict)
	var out []string
	for _, list := range strings.Split(ix.Lists, ";") {
		var ws []string
		id := 0
		for _, d := range strings.Split(list, ",") {
			if d == "" {
				continue
			}
			n, err := strconv.ParseInt(d, 36, 0)
			if err != nil {
				return nil, fmt.Errorf("search index: %q is not a base-36 number", d)
			}
			id += int(n)
			if id >= len(dict) {
				return nil, fmt.Errorf("search index: word %d of %d", id, len(dict))
			}
			ws = append(ws, dict[id])
		}
		out = append(out, strings.Join(ws, " "))
	}
	return out, nil
}

// Places returns the names of a project's region and municipalities in
// every language: the only words of ProjectWords that come from the
// vocabularies.
func Places(p *model.Project, vocab model.Vocabularies) []string {
	var out []string
	places := append([]string{p.Region}, p.Municipalities...)
	for i, key := range places {
		v := vocab.Get(model.VocabMunicipalities)
		if i == 0 {
			v = vocab.Get(model.VocabRegions)
		}
		if t := v.Term(key); t != nil {
			for _, ls := range t.Label {
				out = append(out, ls.S)
			}
		}
	}
	return out
}
