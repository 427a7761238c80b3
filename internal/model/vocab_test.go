package model

import (
	"reflect"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

func TestLoadVocabulary(t *testing.T) {
	vs := testVocabs(t)
	tests := []struct {
		name      string
		got, want any
	}{
		{"themes", termKeys(vs.Get(VocabThemes)), []string{"youth", "village-halls", "culture", "smart-villages"}},
		{"a label per language", vs.Get(VocabThemes).Term("youth").Label, Text{{"fi", "Nuoret"}, {"et", "Noored"}, {"sv", "Unga"}}},
		{"one label for every language", vs.Get(VocabMunicipalities).Term("leppavirta").Label, Text{{"fi", "Leppävirta"}, {"et", "Leppävirta"}, {"sv", "Leppävirta"}}},
		{"a reference to another vocabulary", vs.Get(VocabMunicipalities).Term("leppavirta").Attr("region"), "pohjois-savo"},
		{"attributes", vs.Get(VocabFunders).Term("mansikka").Attrs, map[string]string{"country": "FI", "kind": "lag"}},
		{"eu as written", vs.Get(VocabFunds).Term("eafrd").Attr("eu"), "true"},
		{"name and file", []string{vs.Get(VocabThemes).Name, vs.Get(VocabThemes).File}, []string{"themes", "content/vocabularies/themes.yaml"}},
		{"position of a term", vs.Get(VocabThemes).Term("culture").Pos, diag.Pos{File: "content/vocabularies/themes.yaml", Line: 6, Col: 3}},
		{"unknown term", vs.Get(VocabThemes).Term("sports") == nil, true},
		{"missing vocabulary", []any{vs.Get("colours").Name, vs.Get("colours").Term("red") == nil}, []any{"colours", true}},
		{"attribute of no term", (*Term)(nil).Attr("region"), ""},
		{"term of no vocabulary", (*Vocabulary)(nil).Term("youth") == nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !reflect.DeepEqual(tt.got, tt.want) {
				t.Errorf("%s = %#v; want %#v", tt.name, tt.got, tt.want)
			}
		})
	}
}

func termKeys(v *Vocabulary) []string {
	var keys []string
	for _, t := range v.Terms {
		keys = append(keys, t.Key)
	}
	return keys
}

func TestLoadVocabularyFormats(t *testing.T) {
	tests := []struct {
		file, src string
		keys      []string
	}{
		{"themes.yaml", "- key: youth\n  label: Nuoret\n", []string{"youth"}},
		{"themes.yml", "- key: youth\n  label: Nuoret\n", []string{"youth"}},
		{"themes.json", `[{"key": "youth", "label": {"fi": "Nuoret", "et": "Noored", "sv": "Unga"}}]`, []string{"youth"}},
		{"themes.yaml", "\ufeff- key: youth\n  label: Nuoret\n", []string{"youth"}}, // with a byte order mark
		{"themes.json", "\ufeff[{\"key\": \"youth\", \"label\": \"Nuoret\"}]", []string{"youth"}},
		{"themes.yaml", "", nil},
		{"themes.yaml", "# no terms yet\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.file+" "+tt.src, func(t *testing.T) {
			var l diag.List
			v := LoadVocabulary("content/vocabularies/"+tt.file, []byte(tt.src), siteLangs, Vocabularies{}, &l)
			if got := termKeys(v); !reflect.DeepEqual(got, tt.keys) || l.Len() > 0 || v.Name != "themes" {
				t.Errorf("LoadVocabulary(%s, %q) = %s %v, diagnostics %s; want themes %v and none", tt.file, tt.src, v.Name, got, lines(errorStrings(&l)), tt.keys)
			}
		})
	}
}

func TestLoadVocabularyErrors(t *testing.T) {
	const th = "content/vocabularies/themes.yaml:"
	const mu = "content/vocabularies/municipalities.yaml:"
	tests := []struct {
		name, file, src string
		keys            []string // the terms loaded despite the errors
		want            []string
	}{
		{"missing language label", "themes.yaml", "- key: youth\n  label: {fi: Nuoret, et: Noored}\n", []string{"youth"},
			[]string{th + "2:10: youth.label: has no label in Swedish (sv) — add sv: and the label in that language"}},
		{"one language label", "themes.yaml", "- key: youth\n  label: {sv: Unga}\n", []string{"youth"},
			[]string{
				th + "2:10: youth.label: has no label in Estonian (et) — add et: and the label in that language",
				th + "2:10: youth.label: has no label in Finnish (fi) — add fi: and the label in that language",
			}},
		{"missing label", "themes.yaml", "- key: youth\n", []string{"youth"},
			[]string{th + "1:3: youth.label: is missing — add label: {fi: …, et: …, sv: …}"}},
		{"label in a language the site does not have", "themes.yaml", "- key: youth\n  label: {fi: Nuoret, et: Noored, sv: Unga, de: Jugend}\n", []string{"youth"},
			[]string{th + "2:45: youth.label.de: unknown key — …"}},
		{"label as a list", "themes.yaml", "- key: youth\n  label: [Nuoret, Unga]\n", []string{"youth"},
			[]string{th + "2:10: youth.label: is a list; it must be a group of keys — write it as keys indented under label:"}},
		{"key used twice", "themes.yaml", "- key: youth\n  label: Nuoret\n- key: culture\n  label: Kulttuuri\n- key: youth\n  label: Nuoriso\n", []string{"youth", "culture"},
			[]string{th + "5:8: youth: is used twice in themes.yaml (first on line 1) — give each term its own key"}},
		{"key with capitals", "themes.yaml", "- key: Nuoret\n  label: Nuoret\n", nil,
			[]string{th + `1:8: [0].key: "Nuoret" is not a valid key: use lowercase letters a–z, digits and hyphens — write it as nuoret`}},
		{"key with a space and an umlaut", "themes.yaml", "- key: kylä talot\n  label: Kylätalot\n", nil,
			[]string{th + `1:8: [0].key: "kylä talot" is not a valid key: use lowercase letters a–z, digits and hyphens — write it as kyla-talot`}},
		{"empty key", "themes.yaml", "- key: \"\"\n  label: Nuoret\n", nil,
			[]string{th + "1:8: [0].key: is empty — write a key such as youth or village-halls"}},
		{"missing key", "themes.yaml", "- label: Nuoret\n- key: culture\n  label: Kulttuuri\n", []string{"culture"},
			[]string{th + "1:3: [0].key: is missing — add key: with a key such as youth or village-halls"}},
		{"unknown attribute", "themes.yaml", "- key: youth\n  label: Nuoret\n  colour: red\n", []string{"youth"},
			[]string{th + "3:3: [0].colour: unknown key — the keys allowed here are key, label"}},
		{"attribute with a typo", "municipalities.yaml", "- key: leppavirta\n  label: Leppävirta\n  regoin: pohjois-savo\n", []string{"leppavirta"},
			[]string{mu + "3:3: [0].regoin: unknown key — did you mean region?"}},
		{"region that is not in the regions", "municipalities.yaml", "- key: leppavirta\n  label: Leppävirta\n  region: pohjoissavo\n", []string{"leppavirta"},
			[]string{mu + `3:11: leppavirta.region: "pohjoissavo" is not in the regions vocabulary — did you mean pohjois-savo (Pohjois-Savo)? Or add pohjoissavo to content/vocabularies/regions.yaml`}},
		{"region written as its label", "municipalities.yaml", "- key: voru\n  label: Võru\n  region: Võru maakond\n", []string{"voru"},
			[]string{mu + `3:11: voru.region: "Võru maakond" is not in the regions vocabulary — did you mean vorumaa (Võru maakond)? Or add Võru maakond to content/vocabularies/regions.yaml`}},
		{"a term that is text", "themes.yaml", "- youth\n- key: culture\n  label: Kulttuuri\n", []string{"culture"},
			[]string{th + "1:3: [0]: is text; it must be a group of keys …"}},
		{"not a list", "themes.yaml", "youth: Nuoret\nculture: Kulttuuri\n", nil,
			[]string{th + `1:1: themes.yaml must be a list of terms, not a group of keys — write a list of terms, each starting with "- key:"`}},
		{"text", "themes.yaml", "youth\n", nil,
			[]string{th + `1:1: themes.yaml must be a list of terms, not text — write a list of terms, each starting with "- key:"`}},
		{"a JSON object", "themes.json", `{"youth": "Nuoret"}`, nil,
			[]string{"content/vocabularies/themes.json:1:1: themes.json must be a list of terms, not a group of keys …"}},
		{"not YAML", "themes.yaml", "- key: youth\n  label: [Nuoret\n", nil,
			[]string{th + "2:3: front matter is not valid YAML: did not find expected ',' or ']' …"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			v := LoadVocabulary("content/vocabularies/"+tt.file, []byte(tt.src), siteLangs, testVocabs(t), &l)
			got := errorStrings(&l)
			if !sameDiagnostics(got, tt.want) {
				t.Errorf("LoadVocabulary(%s, %q) diagnostics = %s\nwant %s", tt.file, tt.src, lines(got), lines(tt.want))
			}
			if keys := termKeys(v); !reflect.DeepEqual(keys, tt.keys) {
				t.Errorf("LoadVocabulary(%s, %q) terms = %v; want %v", tt.file, tt.src, keys, tt.keys)
			}
		})
	}
}

// TestLoadVocabularyUnknownReference checks the hint when the vocabulary
// referred to has no terms, as when regions.yaml is missing.
func TestLoadVocabularyUnknownReference(t *testing.T) {
	var l diag.List
	LoadVocabulary("content/vocabularies/municipalities.yaml", []byte("- key: leppavirta\n  label: Leppävirta\n  region: pohjois-savo\n"), siteLangs, Vocabularies{}, &l)
	got := errorStrings(&l)
	want := []string{`content/vocabularies/municipalities.yaml:3:11: leppavirta.region: "pohjois-savo" is not in the regions vocabulary — add it to content/vocabularies/regions.yaml`}
	if !sameDiagnostics(got, want) {
		t.Errorf("LoadVocabulary(municipalities without regions) diagnostics = %s; want %s", lines(got), lines(want))
	}
}
