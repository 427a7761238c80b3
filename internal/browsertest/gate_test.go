package browsertest_test

import (
	"fmt"
	"maps"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// pageType is a kind of page the gate checks, in every language at every
// width.
type pageType struct {
	name   string
	paths  map[string]string // language → the page's site path in the example site
	status int               // the HTTP status it is served with; 0 means 200
	mark   string            // a CSS selector that proves the page is of this kind
}

// pageTypes lists every kind of page of the example site. A feature that
// adds a kind of page adds one line here.
func pageTypes() []pageType {
	return []pageType{
		{name: "root", paths: map[string]string{"fi": ""}, mark: "body.kind-root"},
		{name: "home", paths: langs("fi/", "et/", "sv/"), mark: "body.kind-home"},
		{name: "listing", paths: langs("fi/hankkeet/", "et/projektid/", "sv/projekt/"), mark: "body.kind-projects"},
		{name: "facet", paths: langs("fi/hankkeet/teema/osallisuus/", "et/projektid/teema/kaasamine-ja-osalus/", "sv/projekt/tema/delaktighet/"), mark: "body.kind-facet"},
		{name: "project", paths: langs("fi/hankkeet/osku/", "et/projektid/osku/", "sv/projekt/osku/"), mark: "body.kind-project:not(:has(#fallback-note))"},
		{name: "fallback", paths: langs("fi/hankkeet/loov-voru/", "et/projektid/ajatuspaja/", "sv/projekt/vunki-mano/"), mark: "body.kind-project #fallback-note"},
		{name: "404", paths: langs("fi/ei-ole/", "et/pole-olemas/", "sv/finns-inte/"), status: 404, mark: "body.kind-notfound"},
		{name: "accessibility", paths: langs("fi/saavutettavuus/", "et/ligipaasetavus/", "sv/tillganglighet/"), mark: "body.kind-accessibility"},
		{name: "library", paths: langs("fi/hyvat-kaytannot/", "et/head-tavad/", "sv/goda-exempel/"), mark: "body.kind-practices #filters"},
		{name: "library-facet", paths: langs("fi/hyvat-kaytannot/leader-ryhma/kehittamisyhdistys-mansikka-ry/", "et/head-tavad/riik/eesti/", "sv/goda-exempel/behov/pengar/"), mark: "body.kind-practices:not(:has(#filters)) .more"},
		{name: "practice", paths: langs("fi/hyvat-kaytannot/kumppanuuspoyta/", "et/head-tavad/kumppanuuspoyta/", "sv/goda-exempel/kumppanuuspoyta/"), mark: "body.kind-practice:not(:has(#fallback-note))"},
		{name: "practice-fallback", paths: langs("fi/hyvat-kaytannot/koosloome-koolitusprogramm/", "et/head-tavad/asukasraati/", "sv/goda-exempel/loometalgud/"), mark: "body.kind-practice #fallback-note"},
	}
}

func langs(fi, et, sv string) map[string]string {
	return map[string]string{"fi": fi, "et": et, "sv": sv}
}

// widths are the viewport widths every page is checked at.
func widths() []int { return []int{browsertest.Phone, browsertest.Desktop} }

// gateReport is what the gate found on a site.
type gateReport struct {
	pages    int      // pages checked (a page in one language)
	views    int      // pages × widths
	axe      []string // "page at width: violation"
	axeRules []string // the ids of the rules broken, sorted, with repeats
	nu       []browsertest.NuError
	files    int // HTML files the Nu checker read
	links    int // internal links followed
	broken   []string
	keyboard []string // keyboard problems
	pageErrs []string // a page that is not what its type says
}

func (r *gateReport) problems() int {
	return len(r.axe) + len(r.nu) + len(r.broken) + len(r.keyboard) + len(r.pageErrs)
}

// summary is the line the test run prints.
func (r *gateReport) summary() string {
	return fmt.Sprintf("quality gate: %d pages × %d widths = %d page views checked; axe violations %d; Nu errors %d (in %d HTML files); broken links %d (of %d internal links); keyboard problems %d",
		r.pages, len(widths()), r.views, len(r.axe), len(r.nu), r.files, len(r.broken), r.links, len(r.keyboard)+len(r.pageErrs))
}

// gate checks a built site served under base's path: the links and the
// HTML of every file, and in the browser every page of types at every
// width with axe-core, the keyboard and a screenshot. It reports what it
// finds instead of failing, so that a test can also expect failures.
func gate(t *testing.T, b *browsertest.Browser, files map[string][]byte, base *url.URL, types []pageType) *gateReport {
	t.Helper()
	r := &gateReport{}
	lr, err := sitetest.CheckLinks(mapFS(files), base)
	if err != nil {
		t.Fatal(err)
	}
	r.links, r.broken = lr.Links, lr.Broken
	for name := range files {
		if strings.HasSuffix(name, ".html") {
			r.files++
		}
	}
	r.nu = browsertest.Nu(t, files)

	root := browsertest.Serve(t, files, base.Path)
	for _, pt := range types {
		for _, lang := range slices.Sorted(maps.Keys(pt.paths)) {
			r.pages++
			for _, w := range widths() {
				name := fmt.Sprintf("%s-%s-%d", pt.name, lang, w)
				t.Run(name, func(t *testing.T) {
					r.views++
					checkPage(t, b, r, root+pt.paths[lang], name, lang, w, pt)
				})
			}
		}
	}
	slices.Sort(r.axeRules)
	return r
}

// checkPage opens one page at one width and runs axe-core, the keyboard
// walk and a screenshot on it.
func checkPage(t *testing.T, b *browsertest.Browser, r *gateReport, addr, name, lang string, width int, pt pageType) {
	where := name + " (" + addr + ")"
	p := b.Open(t, addr, width)
	want := pt.status
	if want == 0 {
		want = 200
	}
	if p.Status != want {
		r.pageErrs = append(r.pageErrs, fmt.Sprintf("%s: HTTP status %d; want %d", where, p.Status, want))
	}
	if !browsertest.Eval[bool](p, "document.querySelector("+jsQuote(pt.mark)+") !== null") {
		r.pageErrs = append(r.pageErrs, fmt.Sprintf("%s: the page has nothing that matches %s; is it a %s page?", where, pt.mark, pt.name))
	}
	if got := browsertest.Eval[string](p, "document.documentElement.lang"); got != lang {
		r.pageErrs = append(r.pageErrs, fmt.Sprintf("%s: <html lang=%q>; want %q", where, got, lang))
	}
	for _, v := range p.Axe() {
		r.axe = append(r.axe, where+": "+v.String())
		r.axeRules = append(r.axeRules, v.ID)
	}
	p.Screenshot(name)
	r.keyboard = append(r.keyboard, checkKeyboard(p, where, lang)...)
}

// checkKeyboard walks the page with Tab: every link, button and form
// control is reached in document order and shows that it has the focus;
// the skip link comes first and moves the focus to <main>; the language
// switcher's links are reached and Enter follows them.
func checkKeyboard(p *browsertest.Page, where, lang string) []string {
	var out []string
	fail := func(format string, args ...any) { out = append(out, where+": "+fmt.Sprintf(format, args...)) }
	stops := p.TabStops()
	if len(stops) == 0 {
		fail("the page has nothing the keyboard can reach")
		return out
	}
	if s := stops[0]; !strings.Contains(s.Class, "skip-link") || s.Href != "#main" {
		fail("the first Tab stop is %s; want the skip link to #main", s)
	}
	for i, want := range stops {
		f := p.Tab()
		if f.Index != i {
			fail("Tab %d reached %s; want %s (document order)", i+1, f.Element, want)
			break
		}
		if !f.Indicator {
			fail("%s shows no focus: its outline and box-shadow are the same as unfocused", f)
		}
		if c := f.Contrast(); c != 0 && c < 3 {
			fail("the focus outline of %s has a contrast of %.2f:1 against %s; want at least 3:1", f, c, f.Background)
		}
		if !f.InView {
			fail("%s has the focus but is outside the viewport", f.Element)
		}
	}

	p.Reload()
	p.TabStops()
	if f := p.Tab(); strings.Contains(f.Class, "skip-link") {
		p.Enter()
		if got := p.Focused(); got.ID != "main" {
			fail("Enter on the skip link moved the focus to %s; want <main id=\"main\">", got.Element)
		}
	}

	var target *browsertest.Element
	for _, s := range stops {
		if s.InLanguages && s.Lang != lang {
			target = &s
			break
		}
	}
	if target == nil {
		return out
	}
	p.Reload()
	p.TabStops()
	var f browsertest.Focus
	for range target.Index + 1 {
		f = p.Tab()
	}
	if f.Index != target.Index {
		fail("Tab did not reach the language switcher's link %s", target)
		return out
	}
	if status := p.Follow(); status != 200 {
		fail("Enter on %s led to HTTP status %d", target, status)
	}
	if got := p.Location(); got != target.URL {
		fail("Enter on %s led to %s; want %s", target, got, target.URL)
	}
	if got := browsertest.Eval[string](p, "document.documentElement.lang"); got != target.Lang {
		fail("the language switcher's link %s led to a page in %q", target, got)
	}
	return out
}

func jsQuote(s string) string { return fmt.Sprintf("%q", s) }

func mapFS(files map[string][]byte) fstest.MapFS {
	m := fstest.MapFS{}
	for name, b := range files {
		m[name] = &fstest.MapFile{Data: b}
	}
	return m
}

// exampleBase is the base URL in the example site's vitrin.yaml.
func exampleBase(t *testing.T) *url.URL {
	var diags diag.List
	cfg := config.Load(os.DirFS("../.."), &diags)
	if err := diags.Err(); err != nil {
		t.Fatal(err)
	}
	return cfg.BaseURL
}

// TestGate is the quality gate on the example site: every kind of page in
// every language at a phone's and a desktop's width has no axe-core
// violation of WCAG 2.1 A and AA and works with the keyboard, every HTML
// file passes the Nu HTML checker, and no internal link is broken, also
// when the site lives under another sub-path.
func TestGate(t *testing.T) {
	b := browsertest.Start(t)
	browsertest.RequireNu(t)
	site := os.DirFS("../..")
	base := exampleBase(t)
	res := sitetest.BuildFS(t, site, sitetest.Options{Minify: true}).MustSucceed(t)
	r := gate(t, b, res.Files, base, pageTypes())

	// The same site published under another sub-path.
	other, _ := url.Parse("https://example.org/hankkeet/")
	sub := sitetest.BuildFS(t, site, sitetest.Options{Minify: true, BaseURL: other}).MustSucceed(t)
	lr, err := sitetest.CheckLinks(mapFS(sub.Files), other)
	if err != nil {
		t.Fatal(err)
	}
	r.links += lr.Links
	for _, l := range lr.Broken {
		r.broken = append(r.broken, "under "+other.Path+": "+l)
	}

	for _, list := range [][]string{r.pageErrs, r.axe, r.broken, r.keyboard} {
		for _, p := range list {
			t.Error(p)
		}
	}
	for _, e := range r.nu {
		t.Error(e)
	}
	if r.links < 500 {
		t.Errorf("the link check followed only %d links; it is not looking", r.links)
	}
	t.Log(r.summary())
	fmt.Println(r.summary())
	// go test ./... shows a passing package's output only with -v, so the
	// counts also go to a file that CI prints after the run.
	if dir := os.Getenv("VITRIN_ARTIFACTS"); dir != "" {
		if err := os.WriteFile(filepath.Join(dir, "quality-gate.txt"), []byte(r.summary()+"\n"), 0o644); err != nil {
			t.Error(err)
		}
	}
}
