// Package synth generates realistic synthetic vitrin sites for tests and
// benchmarks: vocabularies of a realistic size (250 municipalities in 18
// regions, 60 LAGs, 30 measures, 14 themes), projects written in Finnish,
// Estonian or Swedish with facts once and translations that carry text
// only, budgets in euros and kronor, periods over thirteen years, bodies
// of a few hundred words drawn from thousands of words per language (real
// ones among them, such as the forms of "kylä"), and good practices that
// name some of the projects.
//
// The same Options give the same files, byte for byte:
//
//	fsys := synth.Site(synth.Options{Projects: 10000})   // an fstest.MapFS
//	err := synth.WriteDir(dir, synth.Options{Projects: 10000})
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing/fstest"
	"unicode"
	"unicode/utf8"
)

// Options say what to generate.
type Options struct {
	Projects int
	// Seed varies the content; the same seed and options give the same
	// site.
	Seed uint64
	// Full writes every project in all three languages, with indicators,
	// contacts and links, bodies with a list and a link, and a good
	// practice for every 50 projects: the work of a national catalogue.
	// Without it a project has a translation in each other language with
	// a chance of two in five, and there are no practices.
	Full bool
}

// Site returns the generated site.
func Site(o Options) fstest.MapFS {
	r := rand.New(rand.NewPCG(4+o.Seed, uint64(o.Projects)))
	g := &generator{r: r, fs: fstest.MapFS{}, words: map[string][]string{}, terms: map[string]int{}, full: o.Full}
	for _, lang := range langCodes {
		g.words[lang] = g.pool(lang, 3000)
	}
	g.vocab("themes", "theme", 14, nil)
	g.vocab("target-groups", "group", 8, nil)
	g.file("content/vocabularies/funds.yaml", "- key: eafrd\n  eu: true\n  label: {fi: Maaseuturahasto, et: Maaelufond, sv: Landsbygdsfonden}\n- key: esf\n  eu: true\n  label: {fi: Sosiaalirahasto, et: Sotsiaalfond, sv: Socialfonden}\n")
	g.vocab("programmes", "programme", 4, func(i int) string { return "  fund: " + []string{"eafrd", "esf"}[i%2] + "\n" })
	g.vocab("funders", "lag", 60, func(i int) string { return "  kind: lag\n  country: " + []string{"FI", "EE", "SE"}[i%3] + "\n" })
	g.vocab("measures", "measure", 30, func(i int) string { return fmt.Sprintf("  programme: programme-%02d\n", i%4+1) })
	g.vocab("regions", "region", 18, nil)
	g.vocab("municipalities", "municipality", 250, func(i int) string { return fmt.Sprintf("  region: region-%02d\n", i%18+1) })
	for i := 1; i <= o.Projects; i++ {
		g.project(i)
	}
	if o.Full {
		for i := 1; i*50 <= o.Projects; i++ {
			g.practice(i)
		}
	}
	return g.fs
}

// WriteDir writes the generated site into dir.
func WriteDir(dir string, o Options) error {
	for name, f := range Site(o) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

var langCodes = []string{"fi", "et", "sv"}

// realWords are words of each language that every catalogue uses, so that
// searches for them find something.
var realWords = map[string][]string{
	"fi": {"kylä", "kylän", "kylät", "kylätalo", "kylätoiminta", "sivukylä", "kyläyhdistys", "nuoret", "yhdistys", "hanke", "kyllä", "talkoot", "lähiruoka", "digituki"},
	"et": {"küla", "külad", "noored", "selts", "projekt", "kogukond", "õpituba", "ühistu", "küladesse", "talgud"},
	"sv": {"by", "byar", "byhuset", "unga", "förening", "projekt", "närmat", "bygdegård", "talko", "Kyläkoski"},
}

type generator struct {
	r     *rand.Rand
	fs    fstest.MapFS
	words map[string][]string
	terms map[string]int // vocabulary → its number of terms
	full  bool
}

func (g *generator) file(name, s string) {
	g.fs[name] = &fstest.MapFile{Data: []byte(s), Mode: 0o644}
}

// pool makes n words that look like the language's.
func (g *generator) pool(lang string, n int) []string {
	syll := map[string][]string{
		"fi": strings.Fields("ka ko ku ki ke la lo lu li le ma mo mu mi me na no nu ni ne pa po pu pi pe ra ro ru ri re sa so su si se ta to tu ti te va vo vi ve ja jo ju hä kä lä mä nä pä rä sä tä vä kö lö pö tö ky ly my ny py sy ty vy ai oi ei uu aa ää nen sen lan tin"),
		"et": strings.Fields("ka ko ku ki ke la lo lu li le ma mo mu mi me na no nu ni ne pa po pu pi pe ra ro ru ri re sa so su si se ta to tu ti te va vo vi ve ja jõ mõ põ sõ tõ kä lä mä pä sä tä vä kö lö pö sö tö kü lü mü pü sü tü ša šo gu ga de da"),
		"sv": strings.Fields("ba be bo by da de do fa fe fo ga ge go ha he ho ka ke ko la le lo ma me mo na ne no pa pe po ra re ro sa se so ta te to va ve vi bå få gå hå må på så vå ät än är bö fö hö sk st sp ng ck"),
	}[lang]
	out := append([]string{}, realWords[lang]...)
	for len(out) < n {
		var b strings.Builder
		for range 2 + g.r.IntN(3) {
			b.WriteString(syll[g.r.IntN(len(syll))])
		}
		out = append(out, b.String())
	}
	return out
}

func (g *generator) word(lang string) string {
	w := g.words[lang]
	// Zipf-like: the first words are the most common.
	return w[int(float64(len(w))*g.r.Float64()*g.r.Float64())]
}

func title(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

func (g *generator) phrase(lang string, min, max int) string {
	ws := make([]string, min+g.r.IntN(max-min+1))
	for i := range ws {
		ws[i] = g.word(lang)
	}
	return title(strings.Join(ws, " "))
}

func (g *generator) label() string {
	return fmt.Sprintf("{fi: %s, et: %s, sv: %s}", g.phrase("fi", 1, 3), g.phrase("et", 1, 3), g.phrase("sv", 1, 3))
}

// vocab writes a vocabulary of n terms keyed prefix-01 …; extra adds lines
// to term i.
func (g *generator) vocab(name, prefix string, n int, extra func(i int) string) {
	g.terms[name] = n
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "- key: %s-%02d\n  label: %s\n", prefix, i+1, g.label())
		if extra != nil {
			b.WriteString(extra(i))
		}
	}
	g.file("content/vocabularies/"+name+".yaml", b.String())
}

func (g *generator) keys(prefix, vocab string, min, max int) []string {
	n := min + g.r.IntN(max-min+1)
	seen := map[int]bool{}
	var out []string
	for len(out) < n {
		i := g.r.IntN(g.terms[vocab]) + 1
		if !seen[i] {
			seen[i] = true
			out = append(out, fmt.Sprintf("%s-%02d", prefix, i))
		}
	}
	return out
}

func (g *generator) body(lang string) string {
	var b strings.Builder
	for range 3 {
		fmt.Fprintf(&b, "## %s\n\n", g.phrase(lang, 1, 3))
		for range 2 {
			for range 3 {
				b.WriteString(g.phrase(lang, 7, 14) + ". ")
			}
			b.WriteString("\n\n")
		}
	}
	if g.full {
		for range 3 {
			fmt.Fprintf(&b, "- %s\n", g.phrase(lang, 3, 8))
		}
		fmt.Fprintf(&b, "\n%s [%s](https://example.org/%s).\n", g.phrase(lang, 5, 10), g.word(lang), g.word(lang))
	}
	return b.String()
}

func (g *generator) project(i int) {
	r := g.r
	id := fmt.Sprintf("p%05d", i)
	orig := "fi"
	switch x := r.Float64(); {
	case x > 0.85:
		orig = "sv"
	case x > 0.6:
		orig = "et"
	}
	var b strings.Builder
	q := strconv.Quote
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\n", q(g.phrase(orig, 2, 5)), q(g.phrase(orig, 10, 20)+"."))
	fmt.Fprintf(&b, "organisation: %s\n", q(g.phrase(orig, 1, 3)+" ry"))
	if r.IntN(3) == 0 {
		fmt.Fprintf(&b, "partners: [%s]\n", q(g.phrase(orig, 1, 3)))
	}
	fmt.Fprintf(&b, "funder: lag-%02d\n", r.IntN(60)+1)
	prog := r.IntN(4) + 1
	fmt.Fprintf(&b, "programme: programme-%02d\n", prog)
	if r.IntN(2) == 0 {
		fmt.Fprintf(&b, "measure: measure-%02d\n", (r.IntN(8)*4)%28+prog)
	}
	y, m := 2014+r.IntN(13), 1+r.IntN(12)
	fmt.Fprintf(&b, "period:\n  start: %04d-%02d\n", y, m)
	if r.IntN(10) > 0 {
		months := y*12 + m - 1 + 6 + r.IntN(43)
		fmt.Fprintf(&b, "  end: %04d-%02d\n", months/12, months%12+1)
	}
	if r.IntN(7) > 0 {
		total := int(2000 * math.Pow(1000, r.Float64()))
		cur := "EUR"
		if orig == "sv" && r.IntN(2) == 0 {
			cur, total = "SEK", total*11
		}
		fmt.Fprintf(&b, "budget:\n  total: %d\n  currency: %s\n", total, cur)
	}
	// One to three municipalities of one region (municipality k is in
	// region (k-1) mod 18 + 1).
	region, muns := r.IntN(18), map[int]bool{}
	for range 1 + r.IntN(3) {
		muns[region+1+18*r.IntN((250-region+17)/18)] = true
	}
	var ms []string
	for k := range muns {
		ms = append(ms, fmt.Sprintf("municipality-%02d", k))
	}
	slices.Sort(ms)
	fmt.Fprintf(&b, "municipalities: [%s]\n", strings.Join(ms, ", "))
	fmt.Fprintf(&b, "themes: [%s]\n", strings.Join(g.keys("theme", "themes", 1, 3), ", "))
	fmt.Fprintf(&b, "target_groups: [%s]\n", strings.Join(g.keys("group", "target-groups", 0, 3), ", "))
	if g.full {
		fmt.Fprintf(&b, "project_number: \"%d-%05d\"\n", y, i)
		fmt.Fprintf(&b, "indicators:\n  - label: %s\n    value: %d\n    unit: %s\n", q(g.phrase(orig, 2, 4)), 1+r.IntN(200), q(g.word(orig)))
		fmt.Fprintf(&b, "contacts:\n  - name: %s\n    role: %s\n    email: p%05d@example.org\n", q(title(g.word(orig))+" "+title(g.word(orig))), q(g.phrase(orig, 1, 2)), i)
		fmt.Fprintf(&b, "links:\n  - url: https://example.org/%s\n    label: %s\n", id, q(g.phrase(orig, 1, 3)))
	}
	b.WriteString("---\n\n" + g.body(orig))
	g.file("content/projects/"+id+"/index."+orig+".md", b.String())
	for _, lang := range langCodes {
		if lang == orig || !g.full && r.IntN(5) >= 2 {
			continue
		}
		t := fmt.Sprintf("---\ntranslation_of: %s\ntitle: %s\nsummary: %s\n---\n\n%s", orig,
			q(g.phrase(lang, 2, 5)), q(g.phrase(lang, 10, 20)+"."), g.body(lang))
		g.file("content/projects/"+id+"/index."+lang+".md", t)
	}
}

// practice writes the i-th good practice, in Finnish with Estonian and
// Swedish translations, naming two of the projects.
func (g *generator) practice(i int) {
	r := g.r
	q := strconv.Quote
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\nproblem: %s\n", q(g.phrase("fi", 2, 4)), q(g.phrase("fi", 8, 16)+"."), q(g.phrase("fi", 12, 24)+"."))
	b.WriteString("steps:\n")
	for range 3 + r.IntN(4) {
		fmt.Fprintf(&b, "  - %s\n", q(g.phrase("fi", 5, 10)+"."))
	}
	fmt.Fprintf(&b, "needs:\n  - kind: people\n    text: %s\n  - kind: money\n    amount: %d\n    text: %s\n", q(g.phrase("fi", 3, 6)), 100*(1+r.IntN(50)), q(g.phrase("fi", 2, 5)))
	fmt.Fprintf(&b, "results: %s\nlessons:\n  - %s\n", q(g.phrase("fi", 10, 20)+"."), q(g.phrase("fi", 8, 14)+"."))
	fmt.Fprintf(&b, "transfer:\n  conditions: [%s]\n  pitfalls: [%s]\n", q(g.phrase("fi", 6, 10)+"."), q(g.phrase("fi", 6, 10)+"."))
	fmt.Fprintf(&b, "themes: [%s]\n", strings.Join(g.keys("theme", "themes", 1, 3), ", "))
	fmt.Fprintf(&b, "projects: [p%05d, p%05d]\n---\n\n%s", i*50-49, i*50-48+r.IntN(48), g.body("fi"))
	id := fmt.Sprintf("k%04d", i)
	g.file("content/practices/"+id+"/index.fi.md", b.String())
	for _, lang := range langCodes[1:] {
		g.file("content/practices/"+id+"/index."+lang+".md", fmt.Sprintf("---\ntranslation_of: fi\ntitle: %s\nsummary: %s\n---\n\n%s",
			q(g.phrase(lang, 2, 4)), q(g.phrase(lang, 8, 16)+"."), g.body(lang)))
	}
}
