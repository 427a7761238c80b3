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
	"regexp"
	"strings"
	"unicode"

	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

// Words returns the distinct folded words of texts, in the order they first
// appear, separated by single spaces.
func Words(texts ...string) string {
	seen := map[string]bool{}
	var b strings.Builder
	for _, t := range texts {
		for _, w := range Terms(t) {
			if seen[w] {
				continue
			}
			seen[w] = true
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(w)
		}
	}
	return b.String()
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
// language.
func ProjectWords(p *model.Project, vocab model.Vocabularies) string {
	var texts []string
	for _, t := range []model.Text{p.Title, p.Summary} {
		for _, ls := range t {
			texts = append(texts, ls.S)
		}
	}
	texts = append(texts, p.Organisation)
	texts = append(texts, p.Partners...)
	places := append([]string{p.Region}, p.Municipalities...)
	for i, key := range places {
		v := vocab.Get(model.VocabMunicipalities)
		if i == 0 {
			v = vocab.Get(model.VocabRegions)
		}
		if t := v.Term(key); t != nil {
			for _, ls := range t.Label {
				texts = append(texts, ls.S)
			}
		}
	}
	for _, v := range p.Versions {
		texts = append(texts, linkTarget.ReplaceAllString(string(v.Body), "]"))
	}
	return Words(texts...)
}
