package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stripMarks lowercases s and removes diacritics: "Kylätoiminta" becomes
// "kylatoiminta", "Õun" becomes "oun".
func stripMarks(s string) string {
	if out, ok := foldLatin(s); ok {
		return out
	}
	return stripMarksUnicode(s)
}

// foldLatin is stripMarks for text in the Latin letters of Finnish,
// Estonian, Swedish and their neighbours (below U+0250), which is what
// search indexes fold by the megabyte: lower-case ASCII comes back as it
// is, and a letter with a diacritic is decomposed alone. Its precomposed
// letters decompose to a base letter and nonspacing marks, so the result
// is stripMarksUnicode's. ok is false for text with other runes.
func foldLatin(s string) (string, bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && (s[i] < 'A' || s[i] > 'Z') {
		i++
	}
	if i == len(s) {
		return s, true
	}
	b := make([]byte, i, len(s)+8)
	copy(b, s[:i])
	var one [utf8.UTFMax]byte
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r >= 0x250 || r == utf8.RuneError {
			return "", false
		}
		i += n
		r = unicode.ToLower(r)
		if r == 'ß' {
			b = append(b, "ss"...)
			continue
		}
		dec := norm.NFD.Properties(utf8.AppendRune(one[:0], r)).Decomposition()
		if dec == nil {
			b = utf8.AppendRune(b, r)
			continue
		}
		for len(dec) > 0 {
			d, n := utf8.DecodeRune(dec)
			dec = dec[n:]
			if !unicode.Is(unicode.Mn, d) {
				b = utf8.AppendRune(b, d)
			}
		}
	}
	return string(b), true
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

// Fold lowercases s and removes diacritics, so that "kyla" matches "Kylä"
// and "oun" matches "Õun". Searches and suggestions compare folded text.
func Fold(s string) string { return stripMarks(s) }

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
