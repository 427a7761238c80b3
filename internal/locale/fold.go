package locale

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stripMarks lowercases s and removes diacritics: "Kylätoiminta" becomes
// "kylatoiminta", "Õun" becomes "oun".
func stripMarks(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	return string(appendFold(make([]byte, 0, len(s)+8), s))
}

// stripMarksUnicode is stripMarks for any text.
func stripMarksUnicode(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	lower := strings.ToLower(s)
	out, _, err := transform.String(t, lower)
	if err != nil {
		return lower
	}
	return strings.ReplaceAll(out, "ß", "ss")
}

// foldRanges are the blocks whose runes quickFold folds one by one: the
// Latin letters of Finnish, Estonian, Swedish and their neighbours, and
// the punctuation, currency signs and arrows editors type among them
// (dashes, quotation marks, €). None of these runes is a combining mark
// or composes with its neighbour, so folding a text of them rune by rune
// gives what stripMarksUnicode gives for the whole text;
// TestQuickFoldAgreesWithUnicode checks every rune and every pair.
var foldRanges = [...]struct{ lo, hi rune }{
	{0x80, 0x250},    // Latin-1 Supplement, Latin Extended-A and -B
	{0x2000, 0x2070}, // General Punctuation
	{0x20A0, 0x20D0}, // Currency Symbols
	{0x2190, 0x2200}, // Arrows
}

// foldTable holds, for the runes of foldRanges one block after another,
// what stripMarksUnicode makes of each alone.
type foldTable []string

// quickFold is made once, on the first fold of a text that is not plain
// lower-case ASCII, and only read after.
var quickFold = sync.OnceValue(func() foldTable {
	var t foldTable
	for _, r := range foldRanges {
		for c := r.lo; c < r.hi; c++ {
			t = append(t, stripMarksUnicode(string(c)))
		}
	}
	return t
})

// of returns the fold of r, and false when r is in none of foldRanges.
func (t foldTable) of(r rune) (string, bool) {
	base := 0
	for _, fr := range foldRanges {
		if r < fr.lo {
			return "", false
		}
		if r < fr.hi {
			return t[base+int(r-fr.lo)], true
		}
		base += int(fr.hi - fr.lo)
	}
	return "", false
}

// appendFold appends the fold of s to dst. ASCII is lowered in place and
// the runes of foldRanges are looked up; a text with any other rune is
// folded whole by stripMarksUnicode. Search indexes fold by the megabyte,
// so the common case allocates nothing.
func appendFold[S ~string | ~[]byte](dst []byte, s S) []byte {
	start := len(dst)
	var t foldTable
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			dst = append(dst, c)
			i++
			continue
		}
		if t == nil {
			t = quickFold()
		}
		var one [utf8.UTFMax]byte
		n := copy(one[:], s[i:min(i+utf8.UTFMax, len(s))])
		r, size := utf8.DecodeRune(one[:n])
		f, ok := t.of(r)
		if !ok {
			return append(dst[:start], stripMarksUnicode(string(s))...)
		}
		dst = append(dst, f...)
		i += size
	}
	return dst
}

// Fold lowercases s and removes diacritics, so that "kyla" matches "Kylä"
// and "oun" matches "Õun". Searches and suggestions compare folded text.
func Fold(s string) string { return stripMarks(s) }

// AppendFold appends Fold(s) to dst.
func AppendFold(dst []byte, s string) []byte { return appendFold(dst, s) }

// AppendFoldBytes appends the fold of the text b to dst, as AppendFold
// does for a string.
func AppendFoldBytes(dst, b []byte) []byte { return appendFold(dst, b) }

// Slug turns a name into a URL segment or key: lowercase ASCII letters,
// digits and single hyphens. "Nuoret ja lapset" becomes "nuoret-ja-lapset",
// "Võru maakond" becomes "voru-maakond".
func Slug(s string) string {
	var b strings.Builder
	dash := false
	for _, r := range stripMarks(s) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			b.WriteRune(r)
			dash = false
		case !dash && b.Len() > 0:
			b.WriteByte('-')
			dash = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}
