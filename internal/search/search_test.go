package search_test

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/search"
	"github.com/vitrin-ssg/vitrin/internal/synth"
)

func TestWords(t *testing.T) {
	tests := []struct {
		in   []string
		want string
	}{
		{[]string{"Kylätalon nuortenilta"}, "kylatalon nuortenilta"},
		{[]string{"KYLÄ kylä Kylä"}, "kyla"},
		{[]string{"Võru maakond", "Õun; Straße"}, "voru maakond oun strasse"},
		{[]string{"OSKU – Osallisuus kuuluu kaikille!", "osku"}, "osku osallisuus kuuluu kaikille"},
		{[]string{"2024–2025", "12,5 %"}, "2024 2025 12 5"},
		{nil, ""},
	}
	for _, tt := range tests {
		if got := search.Words(tt.in...); got != tt.want {
			t.Errorf("Words(%q) = %q; want %q", tt.in, got, tt.want)
		}
	}
}

// TestMatch is the rule the listing script follows: folded, inside words,
// every term.
// TestWordsAgreesWithTerms: Words splits and folds as Terms does, which is
// what a visitor's search is split by, so every word a search can meet is
// in the file.
func TestWordsAgreesWithTerms(t *testing.T) {
	for _, texts := range [][]string{
		{"Kylätalon nuortenilta 2024–2025: 24 000 € (EAKR)", "Nuoret ja KYLÄ-yhdistys"},
		{"Ελληνικά και Русский; x\u0308y", "Mõttekoda, Õun_ja_öö"},
		{"", "   ", "a"},
		{"e-post: info@kyla.fi, https://kyla.fi/raati?x=1"},
	} {
		var want []string
		for _, t := range texts {
			for _, w := range search.Terms(t) {
				if !slices.Contains(want, w) {
					want = append(want, w)
				}
			}
		}
		if got := search.Words(texts...); got != strings.Join(want, " ") {
			t.Errorf("Words(%q) = %q; Terms give %q", texts, got, strings.Join(want, " "))
		}
	}
}

func TestMatch(t *testing.T) {
	words := search.Words("Kylätoiminta ja Kylätalo", "Pohjoinen sivukylä", "Võrumaa külad", "Byaföreningen i Östra Nyland")
	tests := []struct {
		q    string
		want bool
	}{
		{"kyla", true},
		{"KYLÄ", true},
		{"kylätoim", true},
		{"sivukyla", true},
		{"kulad", true},
		{"Külad", true},
		{"voru", true},
		{"ostra", true},
		{"östra nyland", true},
		{"kyla byaforen", true},
		{"kylla", false},        // kyllä is not kylä
		{"kyla tampere", false}, // every term must match
		{"", true},
	}
	for _, tt := range tests {
		if got := search.Match(words, search.Terms(tt.q)); got != tt.want {
			t.Errorf("Match(%q) = %v; want %v", tt.q, got, tt.want)
		}
	}
}

func TestProjectWords(t *testing.T) {
	src := []byte("- key: savo\n  label: {fi: Pohjois-Savo, et: Põhja-Savo, sv: Norra Savolax}\n")
	langs := []string{"fi", "et", "sv"}
	vs := model.Vocabularies{}
	vs[model.VocabRegions] = model.LoadVocabulary("regions.yaml", src, langs, vs, &diag.List{})
	vs[model.VocabMunicipalities] = model.LoadVocabulary("municipalities.yaml", []byte("- key: kylakunta\n  label: Kyläkunta\n  region: savo\n"), langs, vs, &diag.List{})
	p := &model.Project{
		Title:          model.Text{{Lang: "fi", S: "Nuortenilta"}, {Lang: "sv", S: "Ungdomskväll"}},
		Summary:        model.Text{{Lang: "fi", S: "Nuoret suunnittelevat."}},
		Organisation:   "Kannatusyhdistys ry",
		Partners:       []string{"Nuorisotoimi"},
		Region:         "savo",
		Municipalities: []string{"kylakunta"},
	}
	bodies := [][]byte{
		[]byte("## Taustaa\n\nKatso [suunnitelma](https://example.fi/suunnitelma.pdf \"PDF\")."),
		[]byte("Byahuset i **Kyläkunta**."),
	}
	words := search.ProjectWords(p, vs, bodies)
	for _, want := range []string{"nuortenilta", "ungdomskvall", "suunnittelevat", "kannatusyhdistys", "nuorisotoimi",
		"pohjois", "pohja", "savolax", "kylakunta", "taustaa", "suunnitelma", "byahuset"} {
		if !strings.Contains(" "+words+" ", " "+want+" ") {
			t.Errorf("ProjectWords lacks %q: %s", want, words)
		}
	}
	for _, not := range []string{"https", "example", "pdf"} {
		if strings.Contains(" "+words+" ", " "+not+" ") {
			t.Errorf("ProjectWords has %q from a link's address: %s", not, words)
		}
	}
}

func TestPracticeWords(t *testing.T) {
	fi := func(s string) model.Text { return model.Text{{Lang: "fi", S: s}} }
	p := &model.Practice{
		Title:      model.Text{{Lang: "fi", S: "Ajatuspaja"}, {Lang: "et", S: "Mõttekoda"}},
		Summary:    fi("Kyläläiset ideoivat yhdessä."),
		Problem:    fi("Hiljaiset äänet jäävät kuulematta."),
		Steps:      []model.Text{fi("Kutsu"), fi("Fasilitointi")},
		Needs:      []model.Need{{Kind: model.NeedTools, Text: fi("Fläppitaulu")}},
		Results:    model.Passage{Points: []model.Text{fi("Kolmekymmentä ideaa")}},
		Lessons:    model.Passage{Points: []model.Text{fi("Kahvi auttaa")}, List: true},
		Conditions: model.Passage{Points: []model.Text{fi("Kylätalo")}},
		Pitfalls:   model.Passage{Points: []model.Text{fi("Kiire")}},
	}
	words := search.PracticeWords(p, [][]byte{[]byte("Lue [opas](https://example.fi/opas.pdf) työpajasta.")})
	for _, want := range []string{"ajatuspaja", "mottekoda", "kylalaiset", "hiljaiset", "kutsu", "fasilitointi",
		"flappitaulu", "kolmekymmenta", "kahvi", "kylatalo", "kiire", "opas", "tyopajasta"} {
		if !strings.Contains(" "+words+" ", " "+want+" ") {
			t.Errorf("PracticeWords lacks %q: %s", want, words)
		}
	}
	if strings.Contains(" "+words+" ", " example ") {
		t.Errorf("PracticeWords has a link's address: %s", words)
	}
}

// TestIndex: the compact search file gives back every project's words, so
// the script matches what Match matches.
func TestIndex(t *testing.T) {
	words := []string{
		search.Words("Kylätalon nuortenilta", "Nuoret suunnittelevat kylätalolle illan"),
		"",
		search.Words("Küla noorte suvi", "nuoret"),
		search.Words("Byteater i Lovisa"),
	}
	ix := search.NewIndex(words)
	if !strings.HasPrefix(ix.Dict, "nuoret ") {
		t.Errorf("the dictionary starts %q; want the most frequent word, nuoret, first", ix.Dict[:10])
	}
	got, err := ix.Words()
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(words) {
		t.Fatalf("Words() has %d projects; want %d", len(got), len(words))
	}
	for i := range words {
		g, w := strings.Fields(got[i]), strings.Fields(words[i])
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			t.Errorf("project %d: Words() = %q; want %q", i, g, w)
		}
	}
	if _, err := (search.Index{Dict: "a b", Lists: "0,5"}).Words(); err == nil {
		t.Error("an index that names a word past the dictionary decodes without error")
	}
}

// BenchmarkWords takes the words of a generated project's three files,
// front matter and body: what a build does once per project, with a
// Collector of its own ("once") and with a worker's Collector that has
// taken the words of projects before ("worker").
func BenchmarkWords(b *testing.B) {
	site := synth.Site(synth.Options{Projects: 1, Full: true})
	var texts []string
	for name, f := range site {
		if strings.HasPrefix(name, "content/projects/") && strings.HasSuffix(name, ".md") {
			texts = append(texts, string(f.Data))
		}
	}
	if len(texts) != 3 {
		b.Fatalf("%d project files, want 3", len(texts))
	}
	slices.Sort(texts)
	b.Run("once", func(b *testing.B) {
		for b.Loop() {
			search.Words(texts...)
		}
	})
	b.Run("worker", func(b *testing.B) {
		var c search.Collector
		for b.Loop() {
			c.Words(texts...)
		}
	})
}

// TestCollectorForgetsEarlierTexts: a Collector used for one project after
// another gives each the words Words gives it, none of the ones before.
func TestCollectorForgetsEarlierTexts(t *testing.T) {
	var c search.Collector
	for _, texts := range [][]string{
		{"Kylätalon nuortenilta", "Nuoret suunnittelevat kylätalolle illan"},
		{"Küla noorte suvi", "nuoret küla"},
		{""},
		{"Byteater i Lovisa", "Kylätalon byteater"},
	} {
		if got, want := c.Words(texts...), search.Words(texts...); got != want {
			t.Errorf("Collector.Words(%q) = %q; want %q", texts, got, want)
		}
	}
}

// TestIndexAppendJSON: the search file is written as encoding/json writes
// it, also when a word is one that JSON escapes.
func TestIndexAppendJSON(t *testing.T) {
	for _, ix := range []search.Index{
		search.NewIndex([]string{search.Words("Kylätalon nuortenilta"), "", search.Words("Küla noorte suvi")}),
		{},
		{Dict: `a"b c\d`, Lists: "0,1"},
		{Dict: "x<y>&z", Lists: "0"},
		{Dict: "line\u2028sep para\u2029sep", Lists: "0"},
		{Dict: "tab\there", Lists: "0"},
		{Dict: "bad\xffutf8", Lists: "0"},
	} {
		want, err := json.Marshal(ix)
		if err != nil {
			t.Fatal(err)
		}
		if got := ix.AppendJSON([]byte("x")); string(got) != "x"+string(want) {
			t.Errorf("AppendJSON(%q) = %s; want x%s", ix.Dict, got, want)
		}
	}
}

// TestIndexBuilderWriteJSON: the search file written as it is made is the
// one encoding/json writes of the Index, with words that JSON escapes too.
func TestIndexBuilderWriteJSON(t *testing.T) {
	for _, tt := range []struct {
		name  string
		words []string
	}{
		{"projects", []string{search.Words("Kylätalon nuortenilta", "Nuoret suunnittelevat"), "", search.Words("Küla noorte suvi nuoret")}},
		{"none", nil},
		{"escaped", []string{`a"b c\d`, "x<y>&z c", "line\u2028sep"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			want, err := json.Marshal(search.NewIndex(tt.words))
			if err != nil {
				t.Fatal(err)
			}
			b := search.NewIndexBuilder(len(tt.words))
			for _, ws := range tt.words {
				b.Add(ws)
			}
			var got bytes.Buffer
			if err := b.WriteJSON(&got); err != nil {
				t.Fatal(err)
			}
			if got.String() != string(want) {
				t.Errorf("WriteJSON wrote %s; want %s", got.String(), want)
			}
		})
	}
}
