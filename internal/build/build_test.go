package build_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	"github.com/vitrin-ssg/vitrin/internal/synth"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

func readTestdata(t *testing.T, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func outputFS(files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for name, b := range files {
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

var assetHash = regexp.MustCompile(`(assets/[a-z.-]+)\.[0-9a-f]{8}\.(css|js|json)\b`)

var htmlLang = regexp.MustCompile(`<html lang="([a-z]+)"`)

// TestExampleSite builds the repository's own example site, as a newcomer's
// first command does, and checks what the foundation promises of it.
func TestExampleSite(t *testing.T) {
	site := os.DirFS("../..")
	res := sitetest.BuildFS(t, site, sitetest.Options{Minify: true}).MustSucceed(t)

	projects, err := fs.ReadDir(site, "content/projects")
	if err != nil {
		t.Fatal(err)
	}
	if len(projects) < 5 {
		t.Fatalf("the example site has %d projects; want at least 5", len(projects))
	}
	dirs := map[string]string{"fi": "fi/hankkeet/", "et": "et/projektid/", "sv": "sv/projekt/"}
	for _, p := range projects {
		for lang, dir := range dirs {
			name := dir + p.Name() + "/index.html"
			page := res.File(t, name)
			m := htmlLang.FindStringSubmatch(page)
			if m == nil || m[1] != lang {
				t.Errorf("%s: <html lang> = %v; want %q", name, m, lang)
			}
		}
	}
	base, _ := url.Parse("https://example.org/vitrin/")
	rep, err := sitetest.CheckLinks(outputFS(res.Files), base)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Broken) > 0 {
		t.Errorf("%d broken links:\n%s", len(rep.Broken), strings.Join(rep.Broken, "\n"))
	}
	if rep.Links < 100 {
		t.Errorf("followed only %d links; the link check is not looking", rep.Links)
	}
	t.Logf("link check: %d files, %d internal links followed, %d broken", rep.Files, rep.Links, len(rep.Broken))
}

// TestDeterministic builds the example site twice and expects the same
// bytes.
func TestDeterministic(t *testing.T) {
	site := os.DirFS("../..")
	a := sitetest.BuildFS(t, site, sitetest.Options{Minify: true}).MustSucceed(t)
	b := sitetest.BuildFS(t, site, sitetest.Options{Minify: true}).MustSucceed(t)
	if !slices.Equal(slices.Sorted(maps.Keys(a.Files)), slices.Sorted(maps.Keys(b.Files))) {
		t.Fatal("two builds wrote different sets of files")
	}
	for name, data := range a.Files {
		if !bytes.Equal(data, b.Files[name]) {
			t.Errorf("%s differs between two builds of the same input", name)
		}
	}
}

// TestMinifiedPartsEqualWholeMinify checks that a production build, which
// minifies each card once and puts it into every listing page that shows
// it, writes what minifying each page of an unminified build as a whole
// would.
func TestMinifiedPartsEqualWholeMinify(t *testing.T) {
	for _, tc := range []struct {
		name string
		site fs.FS
	}{
		{"example site", os.DirFS("../..")},
		{"generated catalogue", synth.Site(synth.Options{Projects: 120, Full: true})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parts := sitetest.BuildFS(t, tc.site, sitetest.Options{Minify: true}).MustSucceed(t)
			whole := sitetest.BuildFS(t, tc.site, sitetest.Options{}).MustSucceed(t)
			mem := publish.NewMemory()
			m := publish.NewMinifier(mem)
			for name, data := range whole.Files {
				if err := m.Write(name, data); err != nil {
					t.Fatal(err)
				}
			}
			// The names of the JSON indexes carry a fingerprint of how
			// they were made, minified or not.
			want := unfingerprint(mem.Files())
			cards := 0
			for name, data := range unfingerprint(parts.Files) {
				if !bytes.Equal(data, want[name]) {
					t.Errorf("%s: minified in parts differs from minified whole", name)
				}
				cards += bytes.Count(data, []byte(`<article class="card`))
			}
			if len(parts.Files) != len(want) {
				t.Errorf("%d files minified in parts, %d minified whole", len(parts.Files), len(want))
			}
			if cards == 0 {
				t.Error("no page has a card: the test shows nothing")
			}
		})
	}
}

// TestBuiltinLayoutsEqualTemplates builds whole sites twice: with the
// default theme, whose project pages, facet pages and cards are written in
// Go, and with the same theme as the site's own copy whose base.html ends
// in a template comment, which renders every page through the templates.
// Every file must be the same.
func TestBuiltinLayoutsEqualTemplates(t *testing.T) {
	for _, tc := range []struct {
		name string
		site fs.FS
	}{
		{"example site", os.DirFS("../..")},
		{"generated catalogue", synth.Site(synth.Options{Projects: 120, Full: true})},
		{"translations and fallbacks", sitetest.FS(readTestdata(t, "small.txtar"))},
		{"facets", sitetest.FS(readTestdata(t, "facets.txtar"))},
		{"practices", sitetest.FS(readTestdata(t, "practices.txtar"))},
		// Values the minifier writes otherwise than escaped: such a
		// page is rendered again for the minifier.
		{"values the minifier rewrites", sitetest.FS(mustReplace(t, readTestdata(t, "small.txtar"),
			"title: Kylätalon nuortenilta", `title: 'Kylätalon "nuorten" ilta & disko'`,
			"summary: Nuoret suunnittelevat kylätalolle oman illan.", `summary: "Nuoret  suunnittelevat <oman> illan + 'disko'."`,
			"label: {fi: Kulttuuri,", "label: {fi: Kulttuuri & taide,",
		))},
	} {
		for _, minify := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/minify=%v", tc.name, minify), func(t *testing.T) {
				// The JSON indexes' names carry a fingerprint of the theme.
				// Minified, the Go layouts write most pages minified already
				// and the templates' pages go through the minifier.
				opts := sitetest.Options{Minify: minify}
				builtin := unfingerprint(sitetest.BuildFS(t, tc.site, opts).MustSucceed(t).Files)
				templates := unfingerprint(sitetest.BuildFS(t, withTemplateTheme(t, tc.site), opts).MustSucceed(t).Files)
				kinds := map[string]int{}
				for name, want := range templates {
					got, ok := builtin[name]
					switch {
					case !ok:
						t.Errorf("%s: only through the templates", name)
					case !bytes.Equal(got, want):
						t.Errorf("%s differs from the templates' page:\n%s", name, firstDifference(got, want))
					}
					if m := regexp.MustCompile(`<body class="kind-(projects|project|facet)"`).FindSubmatch(want); m != nil {
						kinds[string(m[1])]++
					}
				}
				if len(builtin) != len(templates) {
					t.Errorf("%d files from the Go layouts, %d through the templates", len(builtin), len(templates))
				}
				if kinds["project"] == 0 || kinds["projects"] == 0 {
					t.Errorf("no project page or no page of the listing to compare: %v", kinds)
				}
			})
		}
	}
}

// mustReplace returns s with each old string replaced by its new one,
// and fails when one is not in s.
func mustReplace(t *testing.T, s string, oldNew ...string) string {
	t.Helper()
	for i := 0; i+1 < len(oldNew); i += 2 {
		if !strings.Contains(s, oldNew[i]) {
			t.Fatalf("%q is not in the site", oldNew[i])
		}
		s = strings.ReplaceAll(s, oldNew[i], oldNew[i+1])
	}
	return s
}

// withTemplateTheme returns the site with the default theme as its own
// copy, base.html ending in a template comment: the same pages, rendered
// through the templates.
func withTemplateTheme(t *testing.T, site fs.FS) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, src := range []struct {
		fsys   fs.FS
		prefix string
	}{{defaulttheme.FS(), "themes/default/"}, {site, ""}} {
		err := fs.WalkDir(src.fsys, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasPrefix(p, "themes/") || strings.HasPrefix(p, ".") {
				return err
			}
			b, err := fs.ReadFile(src.fsys, p)
			m[src.prefix+p] = &fstest.MapFile{Data: b, Mode: 0o644}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	base := m["themes/default/layouts/base.html"]
	base.Data = append(slices.Clip(base.Data), "{{/* through the templates */}}\n"...)
	return m
}

// unfingerprint takes the fingerprint out of the names of the JSON indexes,
// in the files' names and in the pages that link them.
func unfingerprint(files map[string][]byte) map[string][]byte {
	fingerprint := regexp.MustCompile(`\.[0-9a-f]{8}\.json`)
	out := make(map[string][]byte, len(files))
	for name, data := range files {
		out[fingerprint.ReplaceAllString(name, ".json")] = fingerprint.ReplaceAll(data, []byte(".json"))
	}
	return out
}

// firstDifference shows where two pages part.
func firstDifference(got, want []byte) string {
	i := 0
	for i < len(got) && i < len(want) && got[i] == want[i] {
		i++
	}
	from := max(0, i-80)
	return "got:  …" + string(got[from:min(len(got), i+80)]) + "\nwant: …" + string(want[from:min(len(want), i+80)])
}

func TestTranslationsAndFallbacks(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "small.txtar"), sitetest.Options{}).MustSucceed(t)

	t.Run("translation links both ways", func(t *testing.T) {
		for _, name := range []string{"fi/hankkeet/kylatalo/index.html", "sv/projekt/kylatalo/index.html"} {
			page := res.File(t, name)
			for _, want := range []string{
				`<link rel="alternate" hreflang="fi" href="https://example.org/hankkeet/fi/hankkeet/kylatalo/">`,
				`<link rel="alternate" hreflang="sv" href="https://example.org/hankkeet/sv/projekt/kylatalo/">`,
			} {
				if !strings.Contains(page, want) {
					t.Errorf("%s lacks %s", name, want)
				}
			}
			if strings.Contains(page, `hreflang="et"`) {
				t.Errorf("%s claims an Estonian translation that does not exist", name)
			}
		}
		sv := res.File(t, "sv/projekt/kylatalo/index.html")
		for _, want := range []string{"<h1>Ungdomskväll i byahuset</h1>", "Leaderstöd", "Ungdomskvällar", "Projektledare", "Bakgrund"} {
			if !strings.Contains(sv, want) {
				t.Errorf("the Swedish page lacks its translated text %q", want)
			}
		}
	})

	t.Run("fallback page", func(t *testing.T) {
		page := res.File(t, "et/projektid/kylatalo/index.html")
		for _, want := range []string{
			`<html lang="et">`,
			`<link rel="canonical" href="https://example.org/hankkeet/fi/hankkeet/kylatalo/">`,
			`<h1 lang="fi">Kylätalon nuortenilta</h1>`,
			`<p class="lead" lang="fi">`,
			`Seda projekti ei ole veel eesti keeles kirjeldatud`,
			`<div class="prose" id="description" lang="fi">`,
			`hreflang="sv">svenska</a>`,
			`Noored`, // vocabulary terms are in the page's language
		} {
			if !strings.Contains(page, want) {
				t.Errorf("the fallback page lacks %s", want)
			}
		}
		if strings.Contains(page, `rel="alternate"`) {
			t.Error("the fallback page has hreflang alternates; it must not pretend a translation exists")
		}
	})

	t.Run("every project in every language", func(t *testing.T) {
		for _, name := range []string{"fi/hankkeet/laulupidu/index.html", "et/projektid/laulupidu/index.html", "sv/projekt/laulupidu/index.html"} {
			res.File(t, name)
		}
		listing := res.File(t, "sv/projekt/index.html")
		if !strings.Contains(listing, `lang="et">Küla laulupidu</a>`) {
			t.Error("the Swedish listing does not show the Estonian project marked with its language")
		}
	})

	t.Run("sitemap leaves out fallbacks", func(t *testing.T) {
		sm := res.File(t, "sitemap.xml")
		if !strings.Contains(sm, "<loc>https://example.org/hankkeet/sv/projekt/kylatalo/</loc>") {
			t.Error("the sitemap lacks a translated page")
		}
		if strings.Contains(sm, "<loc>https://example.org/hankkeet/et/projektid/kylatalo/</loc>") {
			t.Error("the sitemap lists a fallback page")
		}
	})

	t.Run("a body has no second h1", func(t *testing.T) {
		page := res.File(t, "fi/hankkeet/kylatalo/index.html")
		if !strings.Contains(page, `<h2 id="taustaa">Taustaa</h2>`) || !strings.Contains(page, `<h2 id="tavoite">Tavoite</h2>`) {
			t.Error("a body's # and ## headings are not h2")
		}
		if strings.Count(page, "<h1") != 1 {
			t.Error("the project page has more than one h1")
		}
	})
}

func TestLocalFormats(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "small.txtar"), sitetest.Options{}).MustSucceed(t)
	tests := []struct {
		file string
		want []string
	}{
		{"fi/hankkeet/kylatalo/index.html", []string{"24\u00a0000\u00a0€", "18\u00a0000\u00a0€", "75\u00a0%", "15.1.2024 – kesäkuu 2025", "Käynnissä"}},
		{"et/projektid/kylatalo/index.html", []string{"24\u00a0000\u00a0€", "75%", "15.01.2024 – juuni 2025", "Käimas"}},
		{"sv/projekt/kylatalo/index.html", []string{"24\u00a0000\u00a0€", "75\u00a0%", "2024-01-15 – juni 2025", "Pågående"}},
		{"fi/hankkeet/laulupidu/index.html", []string{"toukokuu 2023 – elokuu 2023", "Päättynyt"}},
	}
	for _, tt := range tests {
		page := res.File(t, tt.file)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", tt.file, w)
			}
		}
	}
}

func TestCatalogJSON(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "small.txtar"), sitetest.Options{}).MustSucceed(t)
	var cat struct {
		Format    string   `json:"format"`
		Languages []string `json:"languages"`
		Projects  []struct {
			ID               string            `json:"id"`
			OriginalLanguage string            `json:"original_language"`
			Languages        []string          `json:"languages"`
			URLs             map[string]string `json:"urls"`
			Title            map[string]string `json:"title"`
			Period           struct{ Start, End string }
			Status           string
			Budget           *struct {
				Total       json.Number
				Currency    string
				SupportRate json.Number `json:"support_rate"`
				Funding     []struct {
					Kind   string
					Amount json.Number
				}
			}
			Themes []string
			Region string
			Fund   string
		} `json:"projects"`
		Vocabularies map[string][]struct {
			Key   string
			Label map[string]string
		}
	}
	if err := json.Unmarshal([]byte(res.File(t, "catalog.json")), &cat); err != nil {
		t.Fatal(err)
	}
	if cat.Format != "vitrin-catalog/1" || len(cat.Projects) != 2 {
		t.Fatalf("catalog.json: format %q with %d projects", cat.Format, len(cat.Projects))
	}
	p := cat.Projects[0]
	if p.ID != "kylatalo" || p.OriginalLanguage != "fi" || !slices.Equal(p.Languages, []string{"fi", "sv"}) {
		t.Errorf("project = %s, original %s, languages %v", p.ID, p.OriginalLanguage, p.Languages)
	}
	if p.URLs["et"] != "https://example.org/hankkeet/et/projektid/kylatalo/" {
		t.Errorf("urls[et] = %q", p.URLs["et"])
	}
	if p.Period.Start != "2024-01-15" || p.Period.End != "2025-06" || p.Status != "ongoing" {
		t.Errorf("period = %+v, status %s", p.Period, p.Status)
	}
	if p.Budget == nil || p.Budget.Total != "24000" || p.Budget.Currency != "EUR" || p.Budget.SupportRate != "0.75" || p.Budget.Funding[1].Amount != "6000" {
		t.Errorf("budget = %+v", p.Budget)
	}
	if p.Region != "savo" || p.Fund != "eafrd" {
		t.Errorf("derived facts: region %q, fund %q; want savo, eafrd", p.Region, p.Fund)
	}
	if cat.Vocabularies["themes"][0].Label["sv"] != "Unga" {
		t.Errorf("vocabularies in catalog.json = %+v", cat.Vocabularies["themes"])
	}
}

// TestContentErrors breaks a site in many ways at once and expects every
// problem, each with its position, in one run.
func TestContentErrors(t *testing.T) {
	site := readTestdata(t, "small.txtar") + `
-- content/projects/rikki/index.fi.md --
---
title: Rikki
summary: Monta virhettä.
organisation: Yhdistys
funder: lagg
period:
  start: 2023-02-30
themes: [youth, nuoret]
budget:
  total: "336.452"
teemat: [youth]
---
Body.
-- content/projects/auki/index.fi.md --
---
title: Auki
summary: Etumateriaali jää auki.
-- content/projects/kylatalo/index.et.md --
---
translation_of: fi
title: Külamaja noorteõhtu
summary: Noored kavandavad külamajja oma õhtu.
period:
  start: 2024-02-01
---
`
	res := sitetest.Build(t, site, sitetest.Options{})
	if res.Err == nil {
		t.Fatal("a broken site built without errors")
	}
	want := [][]string{
		{"content/projects/rikki/index.fi.md:5:9: funder:", `"lagg" is not in the funders vocabulary`, "did you mean lag?"},
		{"content/projects/rikki/index.fi.md:7:10: period.start:", "not a date in the calendar", "February 2023 has 28 days"},
		{"content/projects/rikki/index.fi.md:8:17: themes:", `"nuoret" is not in the themes vocabulary`, "did you mean youth (Nuoret)?"},
		{"content/projects/rikki/index.fi.md:10:10: budget.total:", "ambiguous", "write 336452"},
		{"content/projects/rikki/index.fi.md:11:1: teemat: unknown key", "did you mean themes?"},
		{"content/projects/auki/index.fi.md:1:1:", "never closed"},
		{"content/projects/kylatalo/index.et.md:6:10: period.start:", "differs from the original", "index.fi.md:10"},
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

func TestMarkdownBodies(t *testing.T) {
	base := readTestdata(t, "small.txtar")
	t.Run("images and files of the folder", func(t *testing.T) {
		site := base + `
-- content/projects/kuvat/index.fi.md --
---
title: Kuvat
summary: Kuvia.
organisation: Yhdistys
period: {start: 2024}
themes: [culture]
---
![Kylätalo talvella](talo.png)

[Suunnitelma](suunnitelma.pdf)

![](puuttuu.png)

<script>alert(1)</script>
-- content/projects/kuvat/talo.png --
not really a png
-- content/projects/kuvat/suunnitelma.pdf --
%PDF
`
		res := sitetest.Build(t, site, sitetest.Options{})
		if !res.HasError("content/projects/kuvat/index.fi.md:12:1:", "has no alternative text") {
			t.Errorf("no error for an image without alt text:\n%s", strings.Join(res.Errors(), "\n"))
		}
		if !res.HasError("content/projects/kuvat/index.fi.md:12:1:", `"puuttuu.png" is not in the folder`) {
			t.Errorf("no error for a missing image:\n%s", strings.Join(res.Errors(), "\n"))
		}
		page := string(res.Files["fi/hankkeet/kuvat/index.html"])
		for _, want := range []string{`src="../../../media/projects/kuvat/talo.png" alt="Kylätalo talvella"`, `href="../../../media/projects/kuvat/suunnitelma.pdf"`} {
			if !strings.Contains(page, want) {
				t.Errorf("the page lacks %s", want)
			}
		}
		if strings.Contains(page, "<script>alert") {
			t.Error("raw HTML in Markdown reached the page")
		}
		if _, ok := res.Files["media/projects/kuvat/talo.png"]; !ok {
			t.Error("the image was not published")
		}
	})
	t.Run("raw HTML when the site allows it", func(t *testing.T) {
		site := strings.Replace(base, "-- vitrin.yaml --\n", "-- vitrin.yaml --\nmarkdown: {unsafe_html: true}\n", 1) + `
-- content/projects/html/index.fi.md --
---
title: HTML
summary: Raakaa HTML:ää.
organisation: Yhdistys
period: {start: 2024}
themes: [culture]
---
<p class="oma">Oma kappale</p>
`
		res := sitetest.Build(t, site, sitetest.Options{}).MustSucceed(t)
		if !strings.Contains(res.File(t, "fi/hankkeet/html/index.html"), `<p class="oma">Oma kappale</p>`) {
			t.Error("raw HTML was dropped although the site allows it")
		}
	})
}

// TestMissingUIString gives the site its own copy of the default theme with
// one string missing in Estonian: the build fails and names the key.
func TestMissingUIString(t *testing.T) {
	site := sitetest.FS(readTestdata(t, "small.txtar"))
	err := fs.WalkDir(defaulttheme.FS(), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(defaulttheme.FS(), p)
		if p == "i18n/et.yaml" {
			b = regexp.MustCompile(`(?m)^funding_caption:.*\n`).ReplaceAll(b, nil)
		}
		site["themes/default/"+p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The key is reported once, in the file that lacks it, and the report
	// is the same on every run (it once depended on map order).
	var first []string
	for run := range 8 {
		res := sitetest.BuildFS(t, site, sitetest.Options{})
		if !res.HasError("themes/default/i18n/et.yaml: funding_caption:", "missing") {
			t.Fatalf("no error for the missing string:\n%s", strings.Join(res.Errors(), "\n"))
		}
		if got := res.Errors(); run == 0 {
			first = got
			if len(got) != 1 {
				t.Errorf("got %d errors, want 1:\n%s", len(got), strings.Join(got, "\n"))
			}
		} else if !slices.Equal(got, first) {
			t.Fatalf("run %d reported\n%s\nrun 0 reported\n%s", run, strings.Join(got, "\n"), strings.Join(first, "\n"))
		}
	}
}

// TestGolden compares project, listing and practice pages with golden
// files; run with -update to accept a deliberate change.
func TestGolden(t *testing.T) {
	sites := map[string]*sitetest.Result{}
	for _, name := range []string{"small.txtar", "practices.txtar"} {
		sites[name] = sitetest.Build(t, readTestdata(t, name), sitetest.Options{}).MustSucceed(t)
	}
	for _, tt := range []struct{ site, file, golden string }{
		{"small.txtar", "fi/hankkeet/kylatalo/index.html", "project.fi.html"},
		{"small.txtar", "et/projektid/kylatalo/index.html", "project-fallback.et.html"},
		{"small.txtar", "sv/projekt/index.html", "listing.sv.html"},
		{"practices.txtar", "fi/hyvat-kaytannot/nuorten-raati/index.html", "practice.fi.html"},
	} {
		// The hash in an asset's name changes with every edit of the CSS,
		// the script or the content of the listing's index; the golden
		// files compare the pages, not those files.
		got := assetHash.ReplaceAllString(sites[tt.site].File(t, tt.file), "$1.HASH.$2")
		path := filepath.Join("testdata", "golden", tt.golden)
		if *update {
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if got != string(want) {
			t.Errorf("%s differs from %s (go test -update accepts the change):\n%s", tt.file, path, firstDiff(string(want), got))
		}
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(wl), len(gl)) {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + w + "\n  got:  " + g
		}
	}
	return ""
}

// withConfig returns the small test site with another vitrin.yaml.
func withConfig(t *testing.T, yaml string) fstest.MapFS {
	site := sitetest.FS(readTestdata(t, "small.txtar"))
	site["vitrin.yaml"] = &fstest.MapFile{Data: []byte(yaml)}
	return site
}

// TestAccessibilityStatement builds the statement page from the
// accessibility section: the conformance status in each language's
// standard wording, the gaps, the contact, the enforcement body and the
// date in each language's format, linked from every page's footer.
func TestAccessibilityStatement(t *testing.T) {
	res := sitetest.BuildFS(t, withConfig(t, `base_url: https://example.org/hankkeet/
accessibility:
  status: partially
  gaps:
    fi: [Osa liitteistä on skannattuja PDF-tiedostoja.]
    sv: En del bilagor är skannade PDF-filer.
  contact:
    email: saavutettavuus@example.fi
    url: https://example.fi/palaute?aihe=saavutettavuus
  prepared: 2026-11-01
  reviewed: 2026-11-20
`), sitetest.Options{}).MustSucceed(t)
	tests := []struct {
		file string
		want []string
	}{
		{"fi/saavutettavuus/index.html", []string{
			`<html lang="fi">`, "<h1>Saavutettavuus\u00adseloste</h1>", "<title>Saavutettavuusseloste – ",
			"täyttää saavutettavuusvaatimukset (WCAG 2.1 -ohjeiston taso AA) osittain",
			"<li>Osa liitteistä on skannattuja PDF-tiedostoja.</li>",
			`<a href="mailto:saavutettavuus@example.fi">`, `<a href="https://example.fi/palaute?aihe=saavutettavuus">Palautelomake</a>`,
			`<a href="https://www.saavutettavuusvaatimukset.fi/">Liikenne- ja viestintävirasto Traficom`,
			"Seloste on laadittu 1.11.2026.", "Se on tarkistettu viimeksi 20.11.2026.",
		}},
		{"et/ligipaasetavus/index.html", []string{
			"<h1>Ligipääsetavuse teave</h1>", "vastab ligipääsetavuse nõuetele (WCAG 2.1 tase AA) osaliselt",
			"Soome Transpordi- ja Sideamet Traficom", "Teave on koostatud 01.11.2026.",
		}},
		{"sv/tillganglighet/index.html", []string{
			"<h1>Tillgänglighets\u00adredogörelse</h1>", "Webbplatsen är delvis förenlig med tillgänglighetskraven",
			"<li>En del bilagor är skannade PDF-filer.</li>", "Transport- och kommunikationsverket Traficom",
			"Redogörelsen upprättades 2026-11-01.",
		}},
		{"fi/hankkeet/kylatalo/index.html", []string{`<a href="../../../fi/saavutettavuus/">Saavutettavuusseloste</a>`}},
		{"index.html", []string{`<a href="fi/saavutettavuus/">Saavutettavuusseloste</a>`}},
		{"sitemap.xml", []string{"<loc>https://example.org/hankkeet/sv/tillganglighet/</loc>"}},
	}
	for _, tt := range tests {
		page := res.File(t, tt.file)
		for _, w := range tt.want {
			if !strings.Contains(page, w) {
				t.Errorf("%s lacks %q", tt.file, w)
			}
		}
	}
	if et := res.File(t, "et/ligipaasetavus/index.html"); strings.Contains(et, "Teadaolevad puudused") {
		t.Error("the Estonian statement has a heading for gaps but the site lists none in Estonian")
	}
}

// TestAccessibilityDefaults: a site without an accessibility section still
// has the statement, which says the site has not been assessed and names
// the enforcement body of the country of its default language, or of the
// country the section gives.
func TestAccessibilityDefaults(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "small.txtar"), sitetest.Options{}).MustSucceed(t)
	fi := res.File(t, "fi/saavutettavuus/index.html")
	for _, w := range []string{"Sivuston saavutettavuutta ei ole vielä arvioitu.", "Liikenne- ja viestintävirasto Traficom"} {
		if !strings.Contains(fi, w) {
			t.Errorf("the default statement lacks %q", w)
		}
	}
	if strings.Contains(fi, "Seloste on laadittu") || strings.Contains(fi, "mailto:") {
		t.Error("the default statement claims a date or a contact that nobody gave")
	}

	res = sitetest.BuildFS(t, withConfig(t, `default_language: sv
accessibility:
  status: fully
  contact: {url: https://example.se/kontakt}
  prepared: 2026-01-31
`), sitetest.Options{}).MustSucceed(t)
	for file, want := range map[string]string{
		"sv/tillganglighet/index.html": `<a href="https://www.digg.se/">Myndigheten för digital förvaltning (Digg)</a>`,
		"fi/saavutettavuus/index.html": "Ruotsin digitaalihallinnon virasto (Digg)",
	} {
		if page := res.File(t, file); !strings.Contains(page, want) {
			t.Errorf("%s lacks %q", file, want)
		}
	}

	res = sitetest.BuildFS(t, withConfig(t, `accessibility:
  status: not
  contact: {email: a@example.ee}
  prepared: 2026-01-31
  country: ee
  enforcement:
    name: {et: Näidisamet}
    url: https://example.ee/
`), sitetest.Options{}).MustSucceed(t)
	if page := res.File(t, "sv/tillganglighet/index.html"); !strings.Contains(page, `<a href="https://example.ee/">Näidisamet</a>`) {
		t.Error("an enforcement body named only in Estonian is not shown by that name on the Swedish page")
	}
}

// TestAccessibilityErrors: every mistake in the section is reported in one
// run, each with its position and how to fix it.
func TestAccessibilityErrors(t *testing.T) {
	res := sitetest.BuildFS(t, withConfig(t, `accessibility:
  status: mostly
  gaps: {de: x}
  contact:
    email: not an address
    phone: 123
  prepared: 1.11.2026
  reviewed: 2026-13-01
  country: no
  extra: 1
`), sitetest.Options{})
	for _, want := range [][]string{
		{"vitrin.yaml:2:11: accessibility.status:", `"mostly" is not a conformance status`, "fully, partially or not"},
		{"vitrin.yaml:3:10: accessibility.gaps.de:", "not one of the site's languages"},
		{"vitrin.yaml:5:12: accessibility.contact.email:", "not an e-mail address"},
		{"vitrin.yaml:6:5: accessibility.contact.phone:", "unknown key"},
		{"vitrin.yaml:7:13: accessibility.prepared:", `"1.11.2026" is not a date`, "2026-11-01"},
		{"vitrin.yaml:8:13: accessibility.reviewed:", "is not a date"},
		{"vitrin.yaml:9:12: accessibility.country:", `"no"`},
		{"vitrin.yaml:10:3: accessibility.extra:", "unknown key"},
	} {
		if !res.HasError(want...) {
			t.Errorf("no error %q among:\n%s", want, strings.Join(res.Errors(), "\n"))
		}
	}
	res = sitetest.BuildFS(t, withConfig(t, "accessibility:\n  status: fully\n"), sitetest.Options{})
	for _, want := range []string{"accessibility.contact:", "accessibility.prepared:"} {
		if !res.HasError("vitrin.yaml:2:3: "+want, "a statement must") {
			t.Errorf("no error for the missing %s among:\n%s", want, strings.Join(res.Errors(), "\n"))
		}
	}
}
