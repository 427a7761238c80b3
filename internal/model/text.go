package model

// LangString is a text in one language.
type LangString struct {
	Lang string
	S    string
}

// Text is a free text in the languages it was written in. The first entry is
// the original.
type Text []LangString

// In returns the text in lang, or the original text, and the language of
// what it returns.
func (t Text) In(lang string) (string, string) {
	for _, ls := range t {
		if ls.Lang == lang {
			return ls.S, ls.Lang
		}
	}
	if len(t) == 0 {
		return "", lang
	}
	return t[0].S, t[0].Lang
}

// Get returns the text in lang alone, or "".
func (t Text) Get(lang string) string {
	for _, ls := range t {
		if ls.Lang == lang {
			return ls.S
		}
	}
	return ""
}
