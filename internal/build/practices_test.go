package build_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// The folders of the projects and the library in each language of the
// default theme.
var (
	projectDirs  = map[string]string{"fi": "fi/hankkeet/", "et": "et/projektid/", "sv": "sv/projekt/"}
	practiceDirs = map[string]string{"fi": "fi/hyvat-kaytannot/", "et": "et/head-tavad/", "sv": "sv/goda-exempel/"}
)

// linksOf returns the site paths an output page links to.
func linksOf(t *testing.T, res *sitetest.Result, page string, base string) []string {
	t.Helper()
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	links, err := sitetest.PageLinks(page, []byte(res.File(t, page)), u)
	if err != nil {
		t.Fatal(err)
	}
	return links
}

// TestPracticeCrossLinks checks that a practice page links to the pages of
// the projects it came from, with their period, place and budget written
// in the page's language, and that those project pages link back, in
// every language.
func TestPracticeCrossLinks(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "practices.txtar"), sitetest.Options{}).MustSucceed(t)
	const base = "https://example.org/hankkeet/"
	cameFrom := map[string][]string{
		"nuorten-raati": {"kylatalo"},
		"laulupeo-kava": {"laulupidu", "kylatalo"},
	}
	for _, lang := range []string{"fi", "et", "sv"} {
		for practice, projects := range cameFrom {
			page := practiceDirs[lang] + practice + "/index.html"
			links := linksOf(t, res, page, base)
			for _, proj := range projects {
				want := projectDirs[lang] + proj + "/index.html"
				if !slices.Contains(links, want) {
					t.Errorf("%s does not link to its project %s", page, want)
				}
				back := linksOf(t, res, want, base)
				if !slices.Contains(back, page) {
					t.Errorf("%s does not link back to the practice %s", want, page)
				}
			}
		}
	}

	for _, tt := range []struct {
		page string
		want []string
	}{
		{"fi/hyvat-kaytannot/nuorten-raati/index.html", []string{"15.1.2024 – kesäkuu 2025", "Kyläkunta", "24\u00a0000\u00a0€",
			"Hankkeet, joista käytäntö on peräisin", "<strong>500\u00a0€</strong> – Raadin oma budjetti"}},
		{"et/head-tavad/nuorten-raati/index.html", []string{"15.01.2024 – juuni 2025", "Kyläkunta", "24\u00a0000\u00a0€",
			"Projektid, millest tava pärineb"}},
		{"sv/goda-exempel/nuorten-raati/index.html", []string{"2024-01-15 – juni 2025", "Kyläkunta", "24\u00a0000\u00a0€",
			"Projekt som exemplet kommer från", "<strong>500\u00a0€</strong> – Panelens egen budget"}},
		{"sv/goda-exempel/laulupeo-kava/index.html", []string{"maj 2023 – augusti 2023", "Võru län"}},
		{"fi/hankkeet/kylatalo/index.html", []string{"Hankkeesta syntyneet hyvät käytännöt", ">Nuorten raati</a>", `lang="et">Laulupeo kava koos noortega</a>`}},
		{"sv/projekt/kylatalo/index.html", []string{"Goda exempel från projektet", ">Ungdomspanelen</a>"}},
	} {
		page := res.File(t, tt.page)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", tt.page, w)
			}
		}
	}
	if strings.Contains(res.File(t, "fi/hankkeet/index.html"), "Hankkeesta syntyneet") {
		t.Error("the project listing shows the practices section of project pages")
	}
}

// TestPracticeTranslationsAndFallbacks checks the practice pages in the
// original, in a translation and as fallbacks.
func TestPracticeTranslationsAndFallbacks(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "practices.txtar"), sitetest.Options{}).MustSucceed(t)

	t.Run("translation", func(t *testing.T) {
		page := res.File(t, "sv/goda-exempel/nuorten-raati/index.html")
		for _, want := range []string{
			`<html lang="sv">`,
			`<h1>Ungdomspanelen</h1>`,
			`<link rel="alternate" hreflang="fi" href="https://example.org/hankkeet/fi/hyvat-kaytannot/nuorten-raati/">`,
			`<link rel="alternate" hreflang="sv" href="https://example.org/hankkeet/sv/goda-exempel/nuorten-raati/">`,
			`<link rel="canonical" href="https://example.org/hankkeet/sv/goda-exempel/nuorten-raati/">`,
			`<li>Ge panelen en egen budget.</li>`,
			`En vuxen stödperson`,
			`<p>De unga engagerar sig när de själva bestämmer.</p>`,
			// What the translation leaves out is shown in the original,
			// marked with its language.
			`<li><span lang="fi">Kaksitoista nuorten iltaa vuodessa.</span></li>`,
			`<span lang="fi">Kylällä on tila, jonka nuoret saavat käyttöönsä.</span>`,
			`Mötesmall för panelen`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("the translated practice page lacks %s", want)
			}
		}
		if strings.Contains(page, `hreflang="et" href`) {
			t.Error("the translated page claims an Estonian translation that does not exist")
		}
		if strings.Count(page, "<h1") != 1 {
			t.Error("the practice page has more than one h1")
		}
		// The body sits in the "how it works" section: its ## is an h3.
		if fi := res.File(t, "fi/hyvat-kaytannot/nuorten-raati/index.html"); !strings.Contains(fi, `<h3 id="ensimmainen-kokous">Ensimmäinen kokous</h3>`) {
			t.Error("the body's ## heading is not an h3 inside its section")
		}
	})

	t.Run("fallback", func(t *testing.T) {
		page := res.File(t, "et/head-tavad/nuorten-raati/index.html")
		for _, want := range []string{
			`<html lang="et">`,
			`<link rel="canonical" href="https://example.org/hankkeet/fi/hyvat-kaytannot/nuorten-raati/">`,
			`<h1 lang="fi">Nuorten raati</h1>`,
			`<p class="lead" lang="fi">`,
			`Seda head tava ei ole veel eesti keeles kirjeldatud`,
			`<div class="prose" lang="fi">`,
			`<p lang="fi">Nuorilla ei ole omaa paikkaa kylällä.</p>`,
			`<p lang="fi">Aikuiset päättävät illoista nuorten puolesta.</p>`,
			`hreflang="sv">svenska</a>`,
			`Noored`,   // vocabulary terms are in the page's language
			`Inimesed`, // and so are the kinds of needs
			`Mida on vaja`,
		} {
			if !strings.Contains(page, want) {
				t.Errorf("the fallback practice page lacks %s", want)
			}
		}
		if strings.Contains(page, `rel="alternate"`) {
			t.Error("the fallback page has hreflang alternates; it must not pretend a translation exists")
		}
		if strings.Contains(page, `lang="et" hreflang="et"`) {
			t.Error("the language switcher claims an Estonian translation that does not exist")
		}
		fi := res.File(t, "fi/hyvat-kaytannot/laulupeo-kava/index.html")
		for _, want := range []string{`<h1 lang="et">Laulupeo kava koos noortega</h1>`, `Tätä käytäntöä ei ole vielä kuvattu suomeksi`,
			`<link rel="canonical" href="https://example.org/hankkeet/et/head-tavad/laulupeo-kava/">`} {
			if !strings.Contains(fi, want) {
				t.Errorf("the Finnish fallback of the Estonian practice lacks %s", want)
			}
		}
	})

	t.Run("library and home", func(t *testing.T) {
		lib := res.File(t, "fi/hyvat-kaytannot/index.html")
		for _, want := range []string{"<h1>Hyvät käytännöt</h1>", "2 hyvää käytäntöä", "aakkosjärjestyksessä", "Alkuperäinen kieli: viro"} {
			if !strings.Contains(lib, want) {
				t.Errorf("the library lacks %q", want)
			}
		}
		// Alphabetical in the page's language: Laulupeo … before Nuorten …
		if i, j := strings.Index(lib, "Laulupeo kava"), strings.Index(lib, "Nuorten raati"); i < 0 || j < 0 || i > j {
			t.Error("the library is not in alphabetical order")
		}
		home := res.File(t, "sv/index.html")
		for _, want := range []string{"Goda exempel", "Ungdomspanelen", "Se alla 2 goda exempel"} {
			if !strings.Contains(home, want) {
				t.Errorf("the home page lacks %q", want)
			}
		}
		// The featured practice comes first.
		if i, j := strings.Index(home, "Ungdomspanelen"), strings.Index(home, "Laulupeo kava"); i < 0 || j < 0 || i > j {
			t.Error("the featured practice is not first on the home page")
		}
		nav := `<a href="../sv/goda-exempel/">Goda exempel</a>`
		if !strings.Contains(res.File(t, "sv/projekt/index.html"), strings.ReplaceAll(nav, "../sv/", "../../sv/")) {
			t.Error("the main navigation does not lead to the library")
		}
	})
}

func TestPracticeSitemap(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "practices.txtar"), sitetest.Options{}).MustSucceed(t)
	sm := res.File(t, "sitemap.xml")
	for _, want := range []string{
		"<loc>https://example.org/hankkeet/fi/hyvat-kaytannot/</loc>",
		"<loc>https://example.org/hankkeet/et/head-tavad/</loc>",
		"<loc>https://example.org/hankkeet/sv/goda-exempel/</loc>",
		"<loc>https://example.org/hankkeet/fi/hyvat-kaytannot/nuorten-raati/</loc>",
		"<loc>https://example.org/hankkeet/sv/goda-exempel/nuorten-raati/</loc>",
		`<xhtml:link rel="alternate" hreflang="sv" href="https://example.org/hankkeet/sv/goda-exempel/nuorten-raati/"></xhtml:link>`,
		"<loc>https://example.org/hankkeet/et/head-tavad/laulupeo-kava/</loc>",
	} {
		if !strings.Contains(sm, want) {
			t.Errorf("the sitemap lacks %s", want)
		}
	}
	for _, fallback := range []string{"et/head-tavad/nuorten-raati/", "fi/hyvat-kaytannot/laulupeo-kava/", "sv/goda-exempel/laulupeo-kava/"} {
		if strings.Contains(sm, "<loc>https://example.org/hankkeet/"+fallback+"</loc>") {
			t.Errorf("the sitemap lists the fallback page %s", fallback)
		}
		if strings.Contains(sm, `href="https://example.org/hankkeet/`+fallback+`"`) {
			t.Errorf("the sitemap names the fallback page %s as an alternate", fallback)
		}
	}
}

func TestPracticeCatalogJSON(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "practices.txtar"), sitetest.Options{}).MustSucceed(t)
	var cat struct {
		Projects []struct {
			ID          string   `json:"id"`
			Practices   []string `json:"practices"`
			HasPractice bool     `json:"has_practice"`
		} `json:"projects"`
		Practices []struct {
			ID               string              `json:"id"`
			OriginalLanguage string              `json:"original_language"`
			Languages        []string            `json:"languages"`
			URLs             map[string]string   `json:"urls"`
			Title            map[string]string   `json:"title"`
			Steps            []map[string]string `json:"steps"`
			Needs            []struct {
				Kind     string            `json:"kind"`
				Text     map[string]string `json:"text"`
				Amount   *json.Number      `json:"amount"`
				Currency *string           `json:"currency"`
			} `json:"needs"`
			Results  []map[string]string `json:"results"`
			Transfer struct {
				Conditions []map[string]string `json:"conditions"`
				Pitfalls   []map[string]string `json:"pitfalls"`
			} `json:"transfer"`
			Projects    []string `json:"projects"`
			Funder      *string  `json:"funder"`
			Countries   []string `json:"countries"`
			Featured    bool     `json:"featured"`
			Attachments []struct {
				URL string `json:"url"`
			} `json:"attachments"`
		} `json:"practices"`
	}
	if err := json.Unmarshal([]byte(res.File(t, "catalog.json")), &cat); err != nil {
		t.Fatal(err)
	}
	projects := map[string][]string{}
	for _, p := range cat.Projects {
		projects[p.ID] = p.Practices
		if p.HasPractice != (len(p.Practices) > 0) {
			t.Errorf("project %s: has_practice = %v with practices %v", p.ID, p.HasPractice, p.Practices)
		}
	}
	if want := []string{"laulupeo-kava", "nuorten-raati"}; !slices.Equal(projects["kylatalo"], want) {
		t.Errorf("kylatalo: practices = %v; want %v", projects["kylatalo"], want)
	}
	if want := []string{"laulupeo-kava"}; !slices.Equal(projects["laulupidu"], want) {
		t.Errorf("laulupidu: practices = %v; want %v", projects["laulupidu"], want)
	}
	if len(cat.Practices) != 2 || cat.Practices[0].ID != "laulupeo-kava" || cat.Practices[1].ID != "nuorten-raati" {
		t.Fatalf("catalog.json practices = %+v; want laulupeo-kava and nuorten-raati", cat.Practices)
	}
	lp, nr := cat.Practices[0], cat.Practices[1]
	if !slices.Equal(lp.Projects, []string{"laulupidu", "kylatalo"}) || !slices.Equal(lp.Countries, []string{"EE", "FI"}) {
		t.Errorf("laulupeo-kava: projects %v, countries %v; want [laulupidu kylatalo], [EE FI]", lp.Projects, lp.Countries)
	}
	if nr.OriginalLanguage != "fi" || !slices.Equal(nr.Languages, []string{"fi", "sv"}) || !nr.Featured {
		t.Errorf("nuorten-raati: original %s, languages %v, featured %v", nr.OriginalLanguage, nr.Languages, nr.Featured)
	}
	if nr.URLs["et"] != "https://example.org/hankkeet/et/head-tavad/nuorten-raati/" {
		t.Errorf("nuorten-raati: urls[et] = %q", nr.URLs["et"])
	}
	if nr.Funder == nil || *nr.Funder != "lag" || !slices.Equal(nr.Countries, []string{"FI"}) {
		t.Errorf("nuorten-raati: funder %v, countries %v; want lag (from its project), [FI]", nr.Funder, nr.Countries)
	}
	if len(nr.Steps) != 2 || nr.Steps[1]["sv"] != "Ge panelen en egen budget." || nr.Steps[1]["fi"] != "Anna raadille oma budjetti." {
		t.Errorf("nuorten-raati: steps = %v", nr.Steps)
	}
	if len(nr.Needs) != 2 || nr.Needs[0].Amount != nil || nr.Needs[1].Kind != "money" || nr.Needs[1].Amount == nil ||
		*nr.Needs[1].Amount != "500" || nr.Needs[1].Currency == nil || *nr.Needs[1].Currency != "EUR" {
		t.Errorf("nuorten-raati: needs = %+v", nr.Needs)
	}
	if len(nr.Results) != 1 || len(nr.Transfer.Pitfalls) != 1 || nr.Transfer.Pitfalls[0]["fi"] == "" {
		t.Errorf("nuorten-raati: results %v, transfer %+v", nr.Results, nr.Transfer)
	}
	if len(nr.Attachments) != 1 || nr.Attachments[0].URL != "https://example.org/hankkeet/media/practices/nuorten-raati/raatipohja.pdf" {
		t.Errorf("nuorten-raati: attachments = %+v", nr.Attachments)
	}
	if _, ok := res.Files["media/practices/nuorten-raati/raatipohja.pdf"]; !ok {
		t.Error("the practice's attachment was not published")
	}
}

// TestPracticeErrors breaks practices in several ways at once and expects
// every problem, each with its position, in one run.
func TestPracticeErrors(t *testing.T) {
	site := readTestdata(t, "practices.txtar") + `
-- content/practices/rikki/index.fi.md --
---
title: Rikki
summary: Monta virhettä.
problem: Jotain.
steps: [Yksi.]
needs:
  - kind: peple
    text: Joku
  - kind: time
    amount: 100
themes: [youth]
projects: [kylatal, laulupidu]
---
-- content/practices/ilman/index.fi.md --
---
title: Ilman vaiheita
summary: |
  Vaiheet puuttuvat.
  Ja tiivistelmä on kahdella rivillä.
themes: [youth]
---
-- content/practices/laulupeo-kava/index.fi.md --
---
translation_of: et
title: Laulujuhlan ohjelma nuorten kanssa
summary: Nuoret ja ikäihmiset kokoavat laulujuhlan ohjelman yhdessä.
steps: [Kutsu nuoret., Kutsu ikäihmiset.]
projects: [laulupidu]
---
`
	res := sitetest.Build(t, site, sitetest.Options{})
	if res.Err == nil {
		t.Fatal("a broken site built without errors")
	}
	want := [][]string{
		{"content/practices/rikki/index.fi.md:7:11: needs[0].kind:", `"peple" is not a kind of need`, "did you mean people?"},
		{"content/practices/rikki/index.fi.md:10:13: needs[1].amount:", "a need of kind time has no amount"},
		{"content/practices/rikki/index.fi.md:12:12: projects:", `"kylatal" is not a project of the site`, "did you mean kylatalo?"},
		{"content/practices/ilman/index.fi.md:2:1: problem:", "is missing"},
		{"content/practices/ilman/index.fi.md:2:1: steps:", "is missing: a practice says how it works"},
		{"content/practices/ilman/index.fi.md:3:10: summary:", "has 2 lines; it must be one line"},
		{"content/practices/laulupeo-kava/index.fi.md:5:8: steps:", "lists 2 items; the original (index.et.md) lists 1"},
		{"content/practices/laulupeo-kava/index.fi.md:6:11: projects:", `"laulupidu" differs from the original's "laulupidu,kylatalo"`, "index.et.md:7"},
	}
	for _, parts := range want {
		if !res.HasError(parts...) {
			t.Errorf("no error with %q; got:\n%s", parts, strings.Join(res.Errors(), "\n"))
		}
	}
	if len(res.Errors()) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(res.Errors()), len(want), strings.Join(res.Errors(), "\n"))
	}
}

// TestPracticeTextWithColon writes steps and results the way an editor
// does, with ": " in the middle of a sentence, which YAML reads as a key:
// the error says so and how to write it, instead of only that a group of
// keys is not text.
func TestPracticeTextWithColon(t *testing.T) {
	site := readTestdata(t, "practices.txtar") + `
-- content/practices/kaksoispiste/index.fi.md --
---
title: Kaksoispiste
summary: Tekstissä on kaksoispiste.
problem: Jotain.
steps:
  - "Valmistelu: kutsutaan mukaan kyläläiset."
  - Talkoot: kyläläiset tekevät työn yhdessä.
results:
  - Raati tuottaa: suosituksia kunnalle.
lessons:
  Kutsu kannattaa viedä kotiin: silloin tullaan.
themes: [youth]
projects: [kylatalo]
---
`
	res := sitetest.Build(t, site, sitetest.Options{})
	want := [][]string{
		{"content/practices/kaksoispiste/index.fi.md:7:5: steps[1]: is a group of keys; it must be text",
			`the ": " after "Talkoot" makes YAML read the text as a key; put the whole text in "double quotes"`},
		{"content/practices/kaksoispiste/index.fi.md:9:5: results[0]: is a group of keys; it must be text",
			`the ": " after "Raati tuottaa" makes YAML read the text as a key; put the whole text in "double quotes"`},
		{"content/practices/kaksoispiste/index.fi.md:11:3: lessons: is a group of keys; it must be text or a list",
			`the ": " after "Kutsu kannattaa viedä kotiin" makes YAML read the text as a key; put the whole text in "double quotes"`},
	}
	for _, parts := range want {
		if !res.HasError(parts...) {
			t.Errorf("no error with %q; got:\n%s", parts, strings.Join(res.Errors(), "\n"))
		}
	}
	if len(res.Errors()) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(res.Errors()), len(want), strings.Join(res.Errors(), "\n"))
	}
}

// TestLibraryPages gives the library more practices than fit on one page
// and expects the pages, their links and the sitemap entries.
func TestLibraryPages(t *testing.T) {
	var b strings.Builder
	b.WriteString(readTestdata(t, "practices.txtar"))
	for i := range 29 {
		fmt.Fprintf(&b, "-- content/practices/p%02d/index.fi.md --\n---\ntitle: Käytäntö %02d\nsummary: Lyhyesti.\nproblem: Ongelma.\nsteps: [Tee näin.]\nthemes: [youth]\n---\n", i, i)
	}
	res := sitetest.Build(t, b.String(), sitetest.Options{}).MustSucceed(t)
	first := res.File(t, "fi/hyvat-kaytannot/index.html")
	second := res.File(t, "fi/hyvat-kaytannot/sivu/2/index.html")
	for _, want := range []string{"31 hyvää käytäntöä", "sivu 1/2", `href="../../fi/hyvat-kaytannot/sivu/2/" rel="next"`} {
		if !strings.Contains(first, want) {
			t.Errorf("the library's first page lacks %s", want)
		}
	}
	if n := strings.Count(first, `<article class="card`); n != 30 {
		t.Errorf("the library's first page has %d cards; want 30", n)
	}
	if n := strings.Count(second, `<article class="card`); n != 1 {
		t.Errorf("the library's second page has %d cards; want 1", n)
	}
	if !strings.Contains(second, `href="../../../../fi/hyvat-kaytannot/" rel="prev"`) {
		t.Error("the library's second page does not link back to the first")
	}
	res.File(t, "sv/goda-exempel/sida/2/index.html")
	if !strings.Contains(res.File(t, "sitemap.xml"), "<loc>https://example.org/hankkeet/et/head-tavad/lehekulg/2/</loc>") {
		t.Error("the sitemap lacks the library's second page")
	}
}

// TestExamplePracticeCrossLinks checks, on the repository's own example
// site, that every practice page links to each of the projects it came
// from and that each of those project pages links back, in every
// language; and that every language has both practices written in it and
// practices shown as fallbacks.
func TestExamplePracticeCrossLinks(t *testing.T) {
	res := sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t)
	const base = "https://example.org/vitrin/"
	var cat struct {
		Practices []struct {
			ID        string   `json:"id"`
			Languages []string `json:"languages"`
			Projects  []string `json:"projects"`
		} `json:"practices"`
	}
	if err := json.Unmarshal([]byte(res.File(t, "catalog.json")), &cat); err != nil {
		t.Fatal(err)
	}
	if len(cat.Practices) < 5 {
		t.Fatalf("the example site has %d practices; want at least 5", len(cat.Practices))
	}
	forward, back := 0, 0
	for _, lang := range []string{"fi", "et", "sv"} {
		written, fallback := 0, 0
		for _, pr := range cat.Practices {
			if slices.Contains(pr.Languages, lang) {
				written++
			} else {
				fallback++
			}
			if len(pr.Projects) == 0 {
				t.Errorf("the example practice %s names no project", pr.ID)
			}
			page := practiceDirs[lang] + pr.ID + "/index.html"
			links := linksOf(t, res, page, base)
			for _, proj := range pr.Projects {
				projPage := projectDirs[lang] + proj + "/index.html"
				if slices.Contains(links, projPage) {
					forward++
				} else {
					t.Errorf("%s does not link to its project %s", page, projPage)
				}
				if slices.Contains(linksOf(t, res, projPage, base), page) {
					back++
				} else {
					t.Errorf("%s does not link back to the practice %s", projPage, page)
				}
			}
		}
		if written == 0 || fallback == 0 {
			t.Errorf("%s: %d practices written in the language and %d fallbacks; want both", lang, written, fallback)
		}
	}
	t.Logf("%d practices × 3 languages: %d practice→project links and %d project→practice links found", len(cat.Practices), forward, back)
}

// TestLibraryFacets checks the library's facets in every language: a page
// per value that lists the practices with it, the first page's filter form
// and links with counts, the JSON index and search file the listing script
// reads, and the sitemap.
func TestLibraryFacets(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "practices.txtar"), sitetest.Options{}).MustSucceed(t)
	// nuorten-raati: youth, young people, the LAG of kylatalo, Finland,
	// people and money. laulupeo-kava: culture and youth, the LAG of
	// kylatalo, Estonia and Finland (its two projects), no needs.
	for _, tt := range []struct {
		page      string
		title     string
		practices []string
	}{
		{"fi/hyvat-kaytannot/teema/nuoret/", "Teema: Nuoret", []string{"laulupeo-kava", "nuorten-raati"}},
		{"fi/hyvat-kaytannot/teema/kulttuuri/", "Teema: Kulttuuri", []string{"laulupeo-kava"}},
		{"fi/hyvat-kaytannot/kohderyhma/nuoret/", "Kohderyhmä: Nuoret", []string{"nuorten-raati"}},
		{"fi/hyvat-kaytannot/leader-ryhma/kylien-leader-ry/", "Leader-ryhmä: Kylien Leader ry", []string{"laulupeo-kava", "nuorten-raati"}},
		{"fi/hyvat-kaytannot/maa/viro/", "Maa: Viro", []string{"laulupeo-kava"}},
		{"fi/hyvat-kaytannot/maa/suomi/", "Maa: Suomi", []string{"laulupeo-kava", "nuorten-raati"}},
		{"fi/hyvat-kaytannot/tarvitaan/raha/", "Mitä tarvitaan: Raha", []string{"nuorten-raati"}},
		{"et/head-tavad/riik/eesti/", "Riik: Eesti", []string{"laulupeo-kava"}},
		{"et/head-tavad/vajadus/inimesed/", "Mida on vaja: Inimesed", []string{"nuorten-raati"}},
		{"et/head-tavad/tegevusgrupp/kylien-leader-ry/", "Kohalik tegevusgrupp: Kylien Leader ry", []string{"laulupeo-kava", "nuorten-raati"}},
		{"sv/goda-exempel/land/estland/", "Land: Estland", []string{"laulupeo-kava"}},
		{"sv/goda-exempel/behov/pengar/", "Vad som behövs: Pengar", []string{"nuorten-raati"}},
		{"sv/goda-exempel/malgrupp/unga/", "Målgrupp: Unga", []string{"nuorten-raati"}},
	} {
		html := res.File(t, tt.page+"index.html")
		if !strings.Contains(html, "<h1>"+tt.title+"</h1>") {
			t.Errorf("%s is not titled %q", tt.page, tt.title)
		}
		if n := strings.Count(html, `<article class="card`); n != len(tt.practices) {
			t.Errorf("%s has %d cards; want %d", tt.page, n, len(tt.practices))
		}
		links := linksOf(t, res, tt.page+"index.html", "https://example.org/hankkeet/")
		lang := tt.page[:2]
		for _, id := range tt.practices {
			if !slices.Contains(links, practiceDirs[lang]+id+"/index.html") {
				t.Errorf("%s does not link the practice %s", tt.page, id)
			}
		}
		if !slices.Contains(links, practiceDirs[lang]+"index.html") {
			t.Errorf("%s does not link back to the whole library", tt.page)
		}
		if !strings.Contains(res.File(t, "sitemap.xml"), "<loc>https://example.org/hankkeet/"+tt.page+"</loc>") {
			t.Errorf("the sitemap lacks %s", tt.page)
		}
	}

	first := res.File(t, "fi/hyvat-kaytannot/index.html")
	for _, want := range []string{
		`<form class="filters" id="filters"`,
		`<input type="checkbox" name="need" value="money"> Raha <span class="count">(1)</span>`,
		`<input type="checkbox" name="country" value="FI"> Suomi <span class="count">(2)</span>`,
		`<a href="../../fi/hyvat-kaytannot/leader-ryhma/kylien-leader-ry/">Kylien Leader ry</a> <span class="count">(2)</span>`,
		`<option value="title">Nimen mukaan</option>`,
		`<option value="recent">Viimeksi käytetyt ensin</option>`,
		`<h2 id="filters-heading">Rajaa käytäntöjä</h2>`,
		`<label for="q">Hae käytännöistä</label>`,
		`<h2 id="browse-heading">Selaa käytäntöjä</h2>`,
		"Haku kattaa käytäntöjen nimet",
		"Yksikään hyvä käytäntö ei vastaa valintojasi.",
	} {
		if !strings.Contains(first, want) {
			t.Errorf("the library's first page lacks %s", want)
		}
	}
	// What the listing script reads.
	var form struct{ index, search string }
	for _, attr := range []struct {
		name string
		to   *string
	}{{"data-index", &form.index}, {"data-search", &form.search}} {
		_, rest, ok := strings.Cut(first, attr.name+`="`)
		if !ok {
			t.Fatalf("the library's form has no %s", attr.name)
		}
		*attr.to = strings.TrimPrefix(rest[:strings.IndexByte(rest, '"')], "../../")
	}
	var ix struct {
		ID     []string         `json:"id"`
		Cards  []string         `json:"h"`
		Sorts  map[string][]int `json:"r"`
		Facets []struct {
			Key    string      `json:"k"`
			Values [][2]string `json:"v"`
		} `json:"f"`
	}
	if err := json.Unmarshal([]byte(res.File(t, form.index)), &ix); err != nil {
		t.Fatalf("%s: %v", form.index, err)
	}
	var keys []string
	for _, f := range ix.Facets {
		keys = append(keys, f.Key)
	}
	if want := []string{"theme", "target_group", "lag", "country", "need"}; !slices.Equal(keys, want) {
		t.Errorf("the library index has the facets %v; want %v", keys, want)
	}
	if len(ix.ID) != 2 || len(ix.Cards) != 2 {
		t.Fatalf("the library index has %d ids and %d cards; want 2 of each", len(ix.ID), len(ix.Cards))
	}
	for i, id := range ix.ID {
		if !strings.Contains(ix.Cards[i], `href="../../fi/hyvat-kaytannot/`+id+`/"`) {
			t.Errorf("the card of %s in the index does not link its page from the library: %s", id, ix.Cards[i])
		}
	}
	// By title: Laulupeo kava … before Nuorten raati; by the latest
	// project: kylatalo (2024) is in both, so the title decides.
	if got := ix.ID[ix.Sorts["title"][0]] + " " + ix.ID[ix.Sorts["title"][1]]; got != "laulupeo-kava nuorten-raati" {
		t.Errorf("the library's title order is %s", got)
	}
	if s := res.File(t, form.search); !strings.Contains(s, "raadin") || !strings.Contains(s, "laulupidu") {
		t.Errorf("the library's search file lacks the practices' words: %.300s", s)
	}
}

// TestLibraryReservedID: a practice whose id is the address of the
// library's facet pages in some language is an error that says which.
func TestLibraryReservedID(t *testing.T) {
	site := readTestdata(t, "practices.txtar") + `
-- content/practices/riik/index.fi.md --
---
title: Riik
summary: Tunnus on sama kuin maasivujen osoite virossa.
problem: Ongelma.
steps: [Tee näin.]
themes: [youth]
---
`
	res := sitetest.Build(t, site, sitetest.Options{})
	if !res.HasError("content/practices/riik", `the practice id "riik" is the address of the library's pages of the facet "Riik" in et (et/head-tavad/riik/)`, "rename the folder") {
		t.Errorf("no error for the practice id riik; got:\n%s", strings.Join(res.Errors(), "\n"))
	}
}
