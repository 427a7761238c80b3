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
//
// Generate and GenerateHugo hand the files to a function one by one as
// they are made, so that a site of 100 000 projects is never in memory:
// GenerateHugo writes the same catalogue as a Hugo site, for comparing the
// two (see BENCHMARKS.md).
package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
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
	// contacts, links, funding sources and whether the funder is a LAG,
	// translations that translate those too, bodies with a list and a
	// link, and a good practice for every 50 projects: the work of a
	// national catalogue. Without it a project has a translation in each
	// other language with a chance of two in five, and there are no
	// practices.
	Full bool
}

// Emit receives a generated file: its slash-separated path in the site
// and its bytes, which it may keep.
type Emit func(name string, data []byte) error

// Site returns the generated site.
func Site(o Options) fstest.MapFS {
	fsys := fstest.MapFS{}
	// Collecting into a map cannot fail.
	_ = Generate(o, func(name string, data []byte) error {
		fsys[name] = &fstest.MapFile{Data: data, Mode: 0o644}
		return nil
	})
	return fsys
}

// WriteDir writes the generated site into dir, each file as soon as it is
// generated.
func WriteDir(dir string, o Options) error { return Generate(o, DirEmit(dir)) }

// Generate generates the site and hands its files to emit in a fixed
// order; it stops at the first error emit returns.
func Generate(o Options, emit Emit) error { return generate(o, &vitrinFormat{emit: emit}) }

// DirEmit returns an Emit that writes each file under dir, making the
// folders it needs.
func DirEmit(dir string) Emit {
	made := map[string]bool{}
	return func(name string, data []byte) error {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if d := filepath.Dir(p); !made[d] {
			if err := os.MkdirAll(d, 0o755); err != nil {
				return err
			}
			made[d] = true
		}
		return os.WriteFile(p, data, 0o644)
	}
}

// format writes what the generator made in the layout of one tool.
type format interface {
	vocab(v *vocab) error
	project(p *project) error
	practice(p *practice) error
	finish() error
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
	seed  uint64
	words map[string][]string
	terms map[string]int // vocabulary → its number of terms
	full  bool
	n     int // projects
}

// vocab is a vocabulary: its terms, and the file vitrin reads it from.
type vocab struct {
	name  string
	text  string // content/vocabularies/<name>.yaml
	terms []term
}

type term struct {
	key   string
	label map[string]string // by language
}

// project is one generated project: its facts once, its texts by
// language.
type project struct {
	id, orig       string
	langs          []string // the languages it is written in, the original first
	text           map[string]*projectText
	organisation   string
	partners       []string
	funder         string
	programme      string
	measure        string
	fund, region   string // what vitrin derives from the programme and municipalities
	start, end     [2]int // year and month; end[0] is 0 without an end
	budget         *budget
	municipalities []string
	themes         []string
	groups         []string
	number         string
	leader         *bool
	indicators     []indicator
	contacts       []contact
	links          []string // addresses
	practices      []string // the practices that name the project
}

// projectText is what a project says in one language.
type projectText struct {
	title, summary, body string
	funding              []string // names of the funding sources
	indicators           [][2]string
	roles                []string // of the contacts
	links                []string // labels
}

type budget struct {
	total    int
	currency string
	funding  []funding
}

type funding struct {
	kind   string
	amount int
}

type indicator struct{ value int }

type contact struct{ name, email string }

// practice is one generated good practice, in Finnish with Estonian and
// Swedish translations of its title, summary and body.
type practice struct {
	id                    string
	text                  map[string]*projectText
	problem, results      string
	steps, lessons        []string
	conditions, pitfalls  string
	peopleText, moneyText string
	money                 int
	themes                []string
	projects              [2]string
}

func generate(o Options, f format) error {
	r := rand.New(rand.NewPCG(4+o.Seed, uint64(o.Projects)))
	g := &generator{r: r, seed: o.Seed, words: map[string][]string{}, terms: map[string]int{}, full: o.Full, n: o.Projects}
	for _, lang := range langCodes {
		g.words[lang] = g.pool(lang, 3000)
	}
	vocabs := []*vocab{
		g.vocab("themes", "theme", 14, nil),
		g.vocab("target-groups", "group", 8, nil),
		{name: "funds", text: "- key: eafrd\n  eu: true\n  label: {fi: Maaseuturahasto, et: Maaelufond, sv: Landsbygdsfonden}\n- key: esf\n  eu: true\n  label: {fi: Sosiaalirahasto, et: Sotsiaalfond, sv: Socialfonden}\n",
			terms: []term{{"eafrd", map[string]string{"fi": "Maaseuturahasto", "et": "Maaelufond", "sv": "Landsbygdsfonden"}},
				{"esf", map[string]string{"fi": "Sosiaalirahasto", "et": "Sotsiaalfond", "sv": "Socialfonden"}}}},
		g.vocab("programmes", "programme", 4, func(i int) string { return "  fund: " + programmeFund(i+1) + "\n" }),
		g.vocab("funders", "lag", 60, func(i int) string { return "  kind: lag\n  country: " + []string{"FI", "EE", "SE"}[i%3] + "\n" }),
		g.vocab("measures", "measure", 30, func(i int) string { return fmt.Sprintf("  programme: programme-%02d\n", i%4+1) }),
		g.vocab("regions", "region", 18, nil),
		g.vocab("municipalities", "municipality", 250, func(i int) string { return fmt.Sprintf("  region: region-%02d\n", i%18+1) }),
	}
	for _, v := range vocabs {
		if err := f.vocab(v); err != nil {
			return err
		}
	}
	for i := 1; i <= o.Projects; i++ {
		if err := f.project(g.project(i)); err != nil {
			return err
		}
	}
	if o.Full {
		for i := 1; i*50 <= o.Projects; i++ {
			if err := f.practice(g.practice(i)); err != nil {
				return err
			}
		}
	}
	return f.finish()
}

// programmeFund is the fund of programme-0k.
func programmeFund(k int) string { return []string{"eafrd", "esf"}[(k-1)%2] }

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

// vocab makes a vocabulary of n terms keyed prefix-01 …; extra adds lines
// to term i in vitrin's file.
func (g *generator) vocab(name, prefix string, n int, extra func(i int) string) *vocab {
	g.terms[name] = n
	v := &vocab{name: name}
	var b strings.Builder
	for i := range n {
		t := term{key: fmt.Sprintf("%s-%02d", prefix, i+1), label: map[string]string{}}
		for _, lang := range langCodes {
			t.label[lang] = g.phrase(lang, 1, 3)
		}
		fmt.Fprintf(&b, "- key: %s\n  label: {fi: %s, et: %s, sv: %s}\n", t.key, t.label["fi"], t.label["et"], t.label["sv"])
		if extra != nil {
			b.WriteString(extra(i))
		}
		v.terms = append(v.terms, t)
	}
	v.text = b.String()
	return v
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

// project makes the i-th project. The order of the draws is the order of
// the lines vitrin's files have, so that a site without Full is what it
// always was.
func (g *generator) project(i int) *project {
	r := g.r
	p := &project{id: fmt.Sprintf("p%05d", i), orig: "fi", text: map[string]*projectText{}}
	switch x := r.Float64(); {
	case x > 0.85:
		p.orig = "sv"
	case x > 0.6:
		p.orig = "et"
	}
	orig := p.orig
	t := &projectText{title: g.phrase(orig, 2, 5), summary: g.phrase(orig, 10, 20) + "."}
	p.text[orig], p.langs = t, []string{orig}
	p.organisation = g.phrase(orig, 1, 3) + " ry"
	if r.IntN(3) == 0 {
		p.partners = []string{g.phrase(orig, 1, 3)}
	}
	p.funder = fmt.Sprintf("lag-%02d", r.IntN(60)+1)
	prog := r.IntN(4) + 1
	p.programme, p.fund = fmt.Sprintf("programme-%02d", prog), programmeFund(prog)
	if r.IntN(2) == 0 {
		p.measure = fmt.Sprintf("measure-%02d", (r.IntN(8)*4)%28+prog)
	}
	y, m := 2014+r.IntN(13), 1+r.IntN(12)
	p.start = [2]int{y, m}
	if r.IntN(10) > 0 {
		months := y*12 + m - 1 + 6 + r.IntN(43)
		p.end = [2]int{months / 12, months%12 + 1}
	}
	if r.IntN(7) > 0 {
		total := int(2000 * math.Pow(1000, r.Float64()))
		cur := "EUR"
		if orig == "sv" && r.IntN(2) == 0 {
			cur, total = "SEK", total*11
		}
		p.budget = &budget{total: total, currency: cur}
	}
	// One to three municipalities of one region (municipality k is in
	// region (k-1) mod 18 + 1).
	region, muns := r.IntN(18), map[int]bool{}
	for range 1 + r.IntN(3) {
		muns[region+1+18*r.IntN((250-region+17)/18)] = true
	}
	for k := range muns {
		p.municipalities = append(p.municipalities, fmt.Sprintf("municipality-%02d", k))
	}
	slices.Sort(p.municipalities)
	p.region = fmt.Sprintf("region-%02d", region+1)
	p.themes = g.keys("theme", "themes", 1, 3)
	p.groups = g.keys("group", "target-groups", 0, 3)
	if g.full {
		p.number = fmt.Sprintf("%d-%05d", y, i)
		t.indicators = [][2]string{{g.phrase(orig, 2, 4), ""}}
		p.indicators = []indicator{{1 + r.IntN(200)}}
		t.indicators[0][1] = g.word(orig)
		name := title(g.word(orig))
		p.contacts = []contact{{name: name + " " + title(g.word(orig)), email: fmt.Sprintf("p%05d@example.org", i)}}
		t.roles = []string{g.phrase(orig, 1, 2)}
		p.links = []string{"https://example.org/" + p.id}
		t.links = []string{g.phrase(orig, 1, 3)}
		leader := r.IntN(5) > 0
		p.leader = &leader
		if b := p.budget; b != nil {
			b.funding = g.funding(b.total)
			for range b.funding {
				t.funding = append(t.funding, g.phrase(orig, 1, 3))
			}
		}
		p.practices = g.practicesOf(i)
	}
	t.body = g.body(orig)
	for _, lang := range langCodes {
		if lang == orig || !g.full && r.IntN(5) >= 2 {
			continue
		}
		tr := &projectText{title: g.phrase(lang, 2, 5), summary: g.phrase(lang, 10, 20) + "."}
		if g.full {
			for range t.funding {
				tr.funding = append(tr.funding, g.phrase(lang, 1, 3))
			}
			tr.indicators = [][2]string{{g.phrase(lang, 2, 4), g.word(lang)}}
			tr.roles = []string{g.phrase(lang, 1, 2)}
			tr.links = []string{g.phrase(lang, 1, 3)}
		}
		tr.body = g.body(lang)
		p.text[lang], p.langs = tr, append(p.langs, lang)
	}
	return p
}

// funding splits a total into a grant (or EU and national shares), at
// times a municipal share, and the applicant's own money.
func (g *generator) funding(total int) []funding {
	r := g.r
	support := int(float64(total) * (0.4 + 0.4*r.Float64()))
	var out []funding
	if r.IntN(3) == 0 {
		eu := support * 6 / 10
		out = append(out, funding{"eu", eu}, funding{"national", support - eu})
	} else {
		out = append(out, funding{"grant", support})
	}
	rest := total - support
	if r.IntN(2) == 0 {
		mun := rest / 2
		out = append(out, funding{"municipal", mun})
		rest -= mun
	}
	return append(out, funding{"own", rest})
}

// practiceProjects are the two projects the i-th practice names: the
// first of its fifty and one of the other 49. They come from a generator
// of their own, so that each project knows its practices when it is made.
func (g *generator) practiceProjects(i int) [2]int {
	r := rand.New(rand.NewPCG(g.seed, uint64(i)))
	return [2]int{i*50 - 49, i*50 - 48 + r.IntN(48)}
}

// practicesOf returns the practices that name the i-th project.
func (g *generator) practicesOf(i int) []string {
	k := (i + 49) / 50
	if k*50 > g.n {
		return nil // no practice for the last, incomplete fifty
	}
	if ps := g.practiceProjects(k); ps[0] == i || ps[1] == i {
		return []string{fmt.Sprintf("k%04d", k)}
	}
	return nil
}

// practice makes the i-th good practice, in Finnish with Estonian and
// Swedish translations, naming two of the projects.
func (g *generator) practice(i int) *practice {
	r := g.r
	p := &practice{id: fmt.Sprintf("k%04d", i), text: map[string]*projectText{}}
	t := &projectText{title: g.phrase("fi", 2, 4), summary: g.phrase("fi", 8, 16) + "."}
	p.text["fi"] = t
	p.problem = g.phrase("fi", 12, 24) + "."
	for range 3 + r.IntN(4) {
		p.steps = append(p.steps, g.phrase("fi", 5, 10)+".")
	}
	p.peopleText = g.phrase("fi", 3, 6)
	p.money = 100 * (1 + r.IntN(50))
	p.moneyText = g.phrase("fi", 2, 5)
	p.results = g.phrase("fi", 10, 20) + "."
	p.lessons = []string{g.phrase("fi", 8, 14) + "."}
	p.conditions = g.phrase("fi", 6, 10) + "."
	p.pitfalls = g.phrase("fi", 6, 10) + "."
	p.themes = g.keys("theme", "themes", 1, 3)
	ps := g.practiceProjects(i)
	p.projects = [2]string{fmt.Sprintf("p%05d", ps[0]), fmt.Sprintf("p%05d", ps[1])}
	t.body = g.body("fi")
	for _, lang := range langCodes[1:] {
		p.text[lang] = &projectText{title: g.phrase(lang, 2, 4), summary: g.phrase(lang, 8, 16) + "."}
		p.text[lang].body = g.body(lang)
	}
	return p
}
