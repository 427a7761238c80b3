package locale

import (
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// stripMarks lowercases s and removes diacritics: "Kylätoiminta" becomes
// "kylatoiminta", "Õun" becomes "oun".
func stripMarks(s string) string {
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
