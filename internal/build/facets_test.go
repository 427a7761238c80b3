package build_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io/fs"
	"os"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/search"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	"golang.org/x/net/html"
)

// facetSite returns the test site of testdata/facets.txtar with 35 more
// projects of the theme culture, so that its facet pages run over two
// pages.
func facetSite(t *testing.T) string {
	var b strings.Builder
	b.WriteString(readTestdata(t, "facets.txtar"))
	for i := 1; i <= 35; i++ {
		region := ""
		if i%2 == 1 {
			region = "region: savo\n"
		}
		fmt.Fprintf(&b, "-- content/projects/ilta-%02d/index.fi.md --\n---\ntitle: Kulttuuri-ilta %d\nsummary: Ilta numero %d.\norganisation: Kulttuuriseura ry\nfunder: lag-savo\n%speriod: {start: 2019-%02d, end: 2019-12}\nthemes: [culture]\n---\nKyllä vain, tervetuloa.\n",
			i, i, i, region, i%12+1)
	}
	return b.String()
}

// listingDirs are the listing folders of the default theme's languages.
var listingDirs = map[string]string{"fi": "fi/hankkeet/", "et": "et/projektid/", "sv": "sv/projekt/"}

// htmlDoc is a parsed page of a built site.
type htmlDoc struct {
	name string
	root *html.Node
}

func parsePage(t *testing.T, res *sitetest.Result, name string) htmlDoc {
	t.Helper()
	n, err := html.Parse(strings.NewReader(res.File(t, name)))
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return htmlDoc{name, n}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, class string) bool {
	return slices.Contains(strings.Fields(attr(n, "class")), class)
}

// all returns the elements under n for which ok is true, in document order.
func all(n *html.Node, ok func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && ok(c) {
			out = append(out, c)
		}
		out = append(out, all(c, ok)...)
	}
	return out
}

func byID(n *html.Node, id string) *html.Node {
	if els := all(n, func(e *html.Node) bool { return attr(e, "id") == id }); len(els) > 0 {
		return els[0]
	}
	return nil
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.TrimSpace(b.String())
}

// resolve returns the output file a relative link on a page leads to.
func resolve(page, href string) string {
	p := path.Join(path.Dir(page), href)
	if strings.HasSuffix(href, "/") {
		p += "/index.html"
	}
	return p
}

var countRE = regexp.MustCompile(`^\(([\d\x{a0} ]+)\)$`)

func parseCount(t *testing.T, s string) int {
	t.Helper()
	m := countRE.FindStringSubmatch(s)
	if m == nil {
		t.Fatalf("count %q is not (n)", s)
	}
	n, err := strconv.Atoi(strings.NewReplacer("\u00a0", "", " ", "").Replace(m[1]))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

// facetLink is a value in the listing's list of facet pages.
type facetLink struct {
	facet, key, label, href string
	count                   int
}

// facetLinks reads the list of facet pages on the first page of a listing,
// with the key of each value from the filter form next to it.
func facetLinks(t *testing.T, doc htmlDoc) []facetLink {
	t.Helper()
	browse := byID(doc.root, "browse")
	form := byID(doc.root, "filters")
	if browse == nil || form == nil {
		t.Fatalf("%s has no list of facet pages or no filter form", doc.name)
	}
	var out []facetLink
	for _, d := range all(browse, func(e *html.Node) bool { return e.Data == "details" }) {
		key := attr(d, "data-facet")
		boxes := all(form, func(e *html.Node) bool { return e.Data == "input" && attr(e, "name") == key })
		items := all(d, func(e *html.Node) bool { return e.Data == "li" })
		if len(boxes) != len(items) {
			t.Fatalf("%s: facet %s has %d links but %d checkboxes", doc.name, key, len(items), len(boxes))
		}
		for i, li := range items {
			a := all(li, func(e *html.Node) bool { return e.Data == "a" })[0]
			count := all(li, func(e *html.Node) bool { return hasClass(e, "count") })[0]
			fl := facetLink{facet: key, key: attr(boxes[i], "value"), label: textOf(a), href: attr(a, "href"), count: parseCount(t, textOf(count))}
			label := boxes[i].Parent
			if got := parseCount(t, textOf(all(label, func(e *html.Node) bool { return hasClass(e, "count") })[0])); got != fl.count {
				t.Errorf("%s: %s=%s: the checkbox says %d projects, the link %d", doc.name, key, fl.key, got, fl.count)
			}
			if !strings.Contains(textOf(label), fl.label) {
				t.Errorf("%s: %s=%s: the checkbox is labelled %q, the link %q", doc.name, key, fl.key, textOf(label), fl.label)
			}
			out = append(out, fl)
		}
	}
	return out
}

// cardIDs returns the ids of the projects a listing lists, following its
// pagination from the page name, and the number of pages.
func cardIDs(t *testing.T, res *sitetest.Result, name string) ([]string, int) {
	t.Helper()
	var ids []string
	pages := 0
	for name != "" {
		pages++
		doc := parsePage(t, res, name)
		list := byID(doc.root, "results")
		for _, a := range all(list, func(e *html.Node) bool { return e.Data == "a" && hasClass(e.Parent, "card-title") }) {
			ids = append(ids, path.Base(attr(a, "href")))
		}
		name = ""
		if next := all(doc.root, func(e *html.Node) bool { return e.Data == "a" && attr(e, "rel") == "next" }); len(next) > 0 {
			name = resolve(doc.name, attr(next[0], "href"))
		}
		if pages > 1000 {
			t.Fatal("the pagination does not end")
		}
	}
	return ids, pages
}

// matchIDs returns the ids of the projects a choice of values gives in a
// listing's index, in id order.
func matchIDs(t *testing.T, l *sitetest.Listing, sel map[string][]string) []string {
	var out []string
	for _, p := range l.Match(t, sel, "") {
		out = append(out, l.ID[p])
	}
	return out
}

// checkFacetPages checks, in every language, that each facet value's count
// on the listing is the number of projects its static page lists, that the
// page lists the projects the index gives the value, and that two values
// give the intersection (across facets) or the union (within one) of their
// pages.
func checkFacetPages(t *testing.T, res *sitetest.Result) {
	for lang, dir := range listingDirs {
		t.Run(lang, func(t *testing.T) {
			listing := parsePage(t, res, dir+"index.html")
			ix := res.Listing(t, listing.name)
			links := facetLinks(t, listing)
			if len(links) == 0 {
				t.Fatal("the listing links no facet pages")
			}
			pages := map[facetLink][]string{}
			for _, l := range links {
				ids, n := cardIDs(t, res, resolve(listing.name, l.href))
				if len(ids) != l.count {
					t.Errorf("%s %q: the listing says %d projects; its page %s lists %d", l.facet, l.label, l.count, l.href, len(ids))
				}
				if want := (l.count + 29) / 30; n != max(want, 1) {
					t.Errorf("%s %q: %d pages for %d projects; want %d", l.facet, l.label, n, l.count, want)
				}
				slices.Sort(ids)
				want := matchIDs(t, ix, map[string][]string{l.facet: {l.key}})
				if !slices.Equal(ids, want) {
					t.Errorf("%s=%s: the page lists %v; the index gives %v", l.facet, l.key, ids, want)
				}
				pages[l] = ids
			}
			pairs := 0
			for i, a := range links {
				for _, b := range links[i+1:] {
					sel := map[string][]string{a.facet: {a.key}}
					sel[b.facet] = append(sel[b.facet], b.key)
					want := matchIDs(t, ix, sel)
					var got []string
					if a.facet == b.facet {
						// One facet: either value.
						got = slices.Compact(slices.Sorted(slices.Values(append(slices.Clone(pages[a]), pages[b]...))))
					} else {
						// Two facets: both.
						for _, id := range pages[a] {
							if slices.Contains(pages[b], id) {
								got = append(got, id)
							}
						}
					}
					if !slices.Equal(got, want) {
						t.Errorf("%s=%s and %s=%s: the pages give %v; filtering the index gives %v", a.facet, a.key, b.facet, b.key, got, want)
					}
					pairs++
				}
			}
			t.Logf("%d facet values, %d pairs", len(links), pairs)
		})
	}
}

// TestFacetPages is the first acceptance line on a site made to
// exercise every facet, and on the example site.
func TestFacetPages(t *testing.T) {
	t.Run("test site", func(t *testing.T) {
		checkFacetPages(t, sitetest.Build(t, facetSite(t), sitetest.Options{Minify: true}).MustSucceed(t))
	})
	t.Run("example site", func(t *testing.T) {
		checkFacetPages(t, sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t))
	})
}

func TestFacetValues(t *testing.T) {
	res := sitetest.Build(t, facetSite(t), sitetest.Options{}).MustSucceed(t)
	links := facetLinks(t, parsePage(t, res, "fi/hankkeet/index.html"))
	got := map[string][]string{}
	for _, l := range links {
		got[l.facet] = append(got[l.facet], fmt.Sprintf("%s %s (%d)", l.href, l.label, l.count))
	}
	want := map[string][]string{
		"theme": {
			"../../fi/hankkeet/teema/nuoret/ Nuoret (3)",
			"../../fi/hankkeet/teema/kulttuuri/ Kulttuuri (38)",
			"../../fi/hankkeet/teema/kylat/ Kylät (4)", // unused has no projects and no page
		},
		"status": {
			"../../fi/hankkeet/tila/tulossa/ Tulossa (1)",
			"../../fi/hankkeet/tila/kaynnissa/ Käynnissä (3)",
			"../../fi/hankkeet/tila/paattynyt/ Päättynyt (38)",
		},
		// Places in alphabetical order; Võru sorts with v in Finnish.
		"region": {
			"../../fi/hankkeet/maakunta/ita-uusimaa/ Itä-Uusimaa (1)",
			"../../fi/hankkeet/maakunta/pohjois-savo/ Pohjois-Savo (22)",
			"../../fi/hankkeet/maakunta/vorun-maakunta/ Võrun maakunta (2)",
		},
		"year": {
			"../../fi/hankkeet/vuosi/2026/ 2026 (1)",
			// paikka, open-ended from 2025, touches its start year although
			// the build date is in 2024.
			"../../fi/hankkeet/vuosi/2025/ 2025 (2)",
			"../../fi/hankkeet/vuosi/2024/ 2024 (3)",
			"../../fi/hankkeet/vuosi/2023/ 2023 (2)",
			"../../fi/hankkeet/vuosi/2022/ 2022 (2)",
			"../../fi/hankkeet/vuosi/2021/ 2021 (2)",
			"../../fi/hankkeet/vuosi/2020/ 2020 (1)",
			"../../fi/hankkeet/vuosi/2019/ 2019 (35)",
		},
		"budget": {
			"../../fi/hankkeet/budjetti/alle-10-000/ alle 10\u00a0000\u00a0€ (2)",
			"../../fi/hankkeet/budjetti/10-000-50-000/ 10\u00a0000–50\u00a0000\u00a0€ (1)",
			"../../fi/hankkeet/budjetti/50-000-200-000/ 50\u00a0000–200\u00a0000\u00a0€ (1)",
			"../../fi/hankkeet/budjetti/vahintaan-1-000-000/ vähintään 1\u00a0000\u00a0000\u00a0€ (1)",
			"../../fi/hankkeet/budjetti/100-000-500-000-sek/ 100\u00a0000–500\u00a0000\u00a0SEK (1)",
		},
		"language": {
			"../../fi/hankkeet/kieli/suomi/ Suomi (39)",
			"../../fi/hankkeet/kieli/viro/ Viro (2)",
			"../../fi/hankkeet/kieli/ruotsi/ Ruotsi (1)",
		},
	}
	for key, w := range want {
		if !slices.Equal(got[key], w) {
			t.Errorf("facet %s:\n got %q\nwant %q", key, got[key], w)
		}
	}
	if _, ok := got["practice"]; ok {
		t.Error("the listing offers the good-practice facet although no project has a practice")
	}
	for _, key := range []string{"municipality", "funder", "target_group", "programme", "fund", "measure"} {
		if len(got[key]) == 0 {
			t.Errorf("the listing has no facet %s", key)
		}
	}
}

// TestSearchKyla is the second acceptance line: ?q=kyla on the
// Finnish listing finds every project whose text has "kylä" in any form,
// as the listing script matches (search.Match is its reference).
func TestSearchKyla(t *testing.T) {
	t.Run("test site", func(t *testing.T) {
		res := sitetest.Build(t, facetSite(t), sitetest.Options{Minify: true}).MustSucceed(t)
		got := searchIDs(t, res, "kyla")
		// Title; organisation; partner, inside a compound; place name;
		// the Finnish translation; the Swedish translation's body; inside
		// a company name. Not kyllä, not the Estonian küla.
		want := []string{"isokyla", "kulaelu", "kumppani", "kylatalo", "paikka", "runeberg", "yhdistys"}
		if !slices.Equal(got, want) {
			t.Errorf("?q=kyla finds %v; want %v", got, want)
		}
		for q, want := range map[string][]string{
			"KYLÄ":          want,
			"kylatalon":     {"kylatalo"},
			"kylä teatteri": {"runeberg"},
			"kula":          {"kulaelu"},
			"östra":         {"runeberg"}, // the region follows from the municipality
			"lovisa":        {"runeberg"},
			"kylla": slices.Sorted(func(yield func(string) bool) {
				for i := 1; i <= 35; i++ {
					if !yield(fmt.Sprintf("ilta-%02d", i)) {
						return
					}
				}
				yield("yhdistys")
			}),
		} {
			if got := searchIDs(t, res, q); !slices.Equal(got, want) {
				t.Errorf("?q=%s finds %v; want %v", q, got, want)
			}
		}
	})
	t.Run("example site", func(t *testing.T) {
		site := os.DirFS("../..")
		res := sitetest.BuildFS(t, site, sitetest.Options{Minify: true}).MustSucceed(t)
		// Every project with kylä anywhere in its files, folded.
		var want []string
		dirs, _ := fs.ReadDir(site, "content/projects")
		for _, d := range dirs {
			files, _ := fs.Glob(site, "content/projects/"+d.Name()+"/*.md")
			for _, f := range files {
				b, _ := fs.ReadFile(site, f)
				if strings.Contains(locale.Fold(string(b)), "kyla") {
					want = append(want, d.Name())
					break
				}
			}
		}
		if len(want) == 0 {
			t.Fatal("no project of the example site has kylä: the test checks nothing")
		}
		if got := searchIDs(t, res, "kyla"); !slices.Equal(got, want) {
			t.Errorf("?q=kyla finds %v; want %v", got, want)
		}
	})
}

// searchIDs returns the projects the Finnish listing's search finds for q,
// sorted by id.
func searchIDs(t *testing.T, res *sitetest.Result, q string) []string {
	t.Helper()
	ix := res.Listing(t, "fi/hankkeet/index.html")
	if len(ix.Words) != len(ix.ID) {
		t.Fatalf("the search file has %d projects; the index %d", len(ix.Words), len(ix.ID))
	}
	var out []string
	for i, w := range ix.Words {
		if search.Match(w, search.Terms(q)) {
			out = append(out, ix.ID[i])
		}
	}
	return out
}

// TestListingIndex checks the shape of the JSON index the listing script
// reads: one entry per project in every array, value indices in range,
// every order a permutation, the default order the one the static listing
// shows, and titles in each language's alphabetical order.
func TestListingIndex(t *testing.T) {
	res := sitetest.Build(t, facetSite(t)+`
-- content/projects/aakkoset/index.fi.md --
---
title: Öljynpuristamo
summary: Ö sorts after Z in Finnish and Swedish.
organisation: Öljy ry
period: {start: 2018}
themes: [villages]
---
-- content/projects/aakkoset/index.et.md --
---
translation_of: fi
title: Šokolaadivabrik
summary: In Estonian, Š sorts after S and before Z.
---
-- content/projects/zeta/index.fi.md --
---
title: Zeta-kylä
summary: Z.
organisation: Z ry
period: {start: 2018}
themes: [villages]
---
-- content/projects/sigma/index.fi.md --
---
title: Sigma
summary: S.
organisation: S ry
period: {start: 2018}
themes: [villages]
---
`, sitetest.Options{Minify: true}).MustSucceed(t)
	// Each language's first title, then titles that must follow in this
	// order, the last of them last. Finnish and Swedish put Ö after Z;
	// Estonian puts Š after S and Z, Ž, T … after Š.
	firstTitle := map[string]string{"fi": "Kulttuuri-ilta 1", "et": "Byteater i Lovisa", "sv": "Byns unga sommar"}
	chains := map[string][]string{
		"fi": {"Sigma", "Zeta-kylä", "Öljynpuristamo"},
		"et": {"Sigma", "Šokolaadivabrik", "Zeta-kylä", "Talkoot kuntoon"},
		"sv": {"Sigma", "Zeta-kylä", "Öljynpuristamo"},
	}
	for lang, dir := range listingDirs {
		t.Run(lang, func(t *testing.T) {
			ix := res.Listing(t, dir+"index.html")
			n := len(ix.ID)
			for name, l := range map[string]int{"t": len(ix.Title), "s": len(ix.Summary), "l": len(ix.Lang), "o": len(ix.Org), "p": len(ix.Period), "b": len(ix.Budget)} {
				if l != n {
					t.Errorf("index field %s has %d entries for %d projects", name, l, n)
				}
			}
			for f, fc := range ix.Facets {
				if len(fc.Of) != n {
					t.Errorf("facet %s has %d entries for %d projects", fc.Key, len(fc.Of), n)
				}
				for i := range n {
					for _, v := range ix.Of(t, f, i) {
						if v < 0 || v >= len(fc.Values) {
							t.Errorf("facet %s, project %s: value %d out of range", fc.Key, ix.ID[i], v)
						}
					}
				}
			}
			for _, key := range []string{"newest", "oldest", "end", "budget", "title"} {
				order := ix.Sorts[key]
				if !slices.Equal(slices.Sorted(slices.Values(order)), slices.Collect(func(yield func(int) bool) {
					for i := range n {
						if !yield(i) {
							return
						}
					}
				})) {
					t.Errorf("order %s is not a permutation of the projects", key)
				}
			}
			static, _ := cardIDs(t, res, dir+"index.html")
			var newest []string
			for _, i := range ix.Sorts["newest"] {
				newest = append(newest, ix.ID[i])
			}
			if !slices.Equal(static, newest) {
				t.Errorf("the index's newest order differs from the static listing's")
			}
			var titles []string
			for _, i := range ix.Sorts["title"] {
				titles = append(titles, ix.Title[i])
			}
			if titles[0] != firstTitle[lang] {
				t.Errorf("the first title in alphabetical order is %q; want %q", titles[0], firstTitle[lang])
			}
			chain := chains[lang]
			at := -1
			for _, c := range chain {
				i := slices.Index(titles, c)
				if i <= at {
					t.Errorf("in alphabetical order %q comes at %d, not after %q: %q", c, i, chain, titles)
				}
				at = i
			}
			if at != len(titles)-1 {
				t.Errorf("the last title in alphabetical order is %q; want %q", titles[len(titles)-1], chain[len(chain)-1])
			}
			i := slices.Index(ix.ID, "kulaelu")
			if fb := map[string]string{"fi": "et", "et": "", "sv": ""}[lang]; ix.Lang[i] != fb {
				t.Errorf("kulaelu's text language = %q; want %q", ix.Lang[i], fb)
			}
			if lang == "fi" && ix.Notes["et"] != "Alkuperäinen kieli: viro" {
				t.Errorf("the note of Estonian projects = %q", ix.Notes["et"])
			}
		})
	}
}

// TestFacetLinksAndPagefind: the facts of a project page link to the pages
// of their facet values, and the page carries Pagefind's attributes.
func TestFacetLinksAndPagefind(t *testing.T) {
	res := sitetest.Build(t, facetSite(t), sitetest.Options{}).MustSucceed(t)
	doc := parsePage(t, res, "sv/projekt/kylatalo/index.html")
	facts := byID(doc.root, "facts")
	var links []string
	for _, a := range all(facts, func(e *html.Node) bool { return e.Data == "a" }) {
		links = append(links, attr(a, "href")+" "+textOf(a))
		ids, _ := cardIDs(t, res, resolve(doc.name, attr(a, "href")))
		if !slices.Contains(ids, "kylatalo") {
			t.Errorf("the page of %s does not list the project that links it", attr(a, "href"))
		}
	}
	want := []string{
		"../../../sv/projekt/finansiar/savon-leader-ry/ Savon Leader ry",
		"../../../sv/projekt/program/cap-planen/ CAP-planen",
		"../../../sv/projekt/fond/landsbygdsfonden/ Landsbygdsfonden",
		"../../../sv/projekt/atgard/atgard-1/ Åtgärd 1",
		"../../../sv/projekt/region/norra-savolax/ Norra Savolax",
		"../../../sv/projekt/kommun/tahkola/ Tahkola",
		"../../../sv/projekt/tema/unga/ Unga",
		"../../../sv/projekt/tema/byar/ Byar",
		"../../../sv/projekt/malgrupp/unga/ Unga",
	}
	if !slices.Equal(links, want) {
		t.Errorf("the facts link\n%q\nwant\n%q", links, want)
	}
	page := res.File(t, doc.name)
	for _, w := range []string{
		`<article class="project" data-pagefind-body>`,
		`<span data-pagefind-meta="organisation:Tahkolan nuorisoseura ry"></span>`,
		`<span data-pagefind-filter="theme:Unga"></span>`,
		`<span data-pagefind-filter="status:Pågående"></span>`,
		`<span data-pagefind-filter="year:2023"></span><span data-pagefind-filter="year:2024"></span>`,
		"<span data-pagefind-filter=\"budget:10\u00a0000–50\u00a0000\u00a0€\"></span>",
		`<span data-pagefind-filter="language:Finska"></span>`,
		`<span data-pagefind-sort="start:2023-09-01"></span>`,
		`<span data-pagefind-sort="budget:24000"></span>`,
	} {
		if !strings.Contains(page, w) {
			t.Errorf("the project page lacks %s", w)
		}
	}
	if strings.Contains(res.File(t, "sv/projekt/index.html"), "data-pagefind-body") {
		t.Error("the listing is marked for Pagefind's index; only project pages should be")
	}
}

// TestReservedSegments: a project whose id is the address of facet pages
// is an error that names the facet and the address.
func TestReservedSegments(t *testing.T) {
	site := readTestdata(t, "small.txtar") + `
-- content/projects/teema/index.fi.md --
---
title: Teema
summary: Osoite on jo käytössä.
organisation: Yhdistys
period: {start: 2024}
themes: [culture]
---
-- content/projects/sida/index.fi.md --
---
title: Sida
summary: Sivutuksen osoite ruotsiksi.
organisation: Yhdistys
period: {start: 2024}
themes: [culture]
---
`
	res := sitetest.Build(t, site, sitetest.Options{})
	for _, parts := range [][]string{
		{"content/projects/teema:", `the project id "teema" is the address of the pages of the facet "Teema" in fi (fi/hankkeet/teema/)`, "rename the folder"},
		{"content/projects/teema:", `the project id "teema" is the address of the pages of the facet "Teema" in et (et/projektid/teema/)`},
		{"content/projects/sida:", `the project id "sida" is the address of a listing's pages in sv (sv/projekt/sida/2/)`},
	} {
		if !res.HasError(parts...) {
			t.Errorf("no error with %q; got:\n%s", parts, strings.Join(res.Errors(), "\n"))
		}
	}
}

// TestSitemapFacetPages: the first page of every facet value is in the
// sitemap, with its translations.
func TestSitemapFacetPages(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "small.txtar"), sitetest.Options{}).MustSucceed(t)
	sm := res.File(t, "sitemap.xml")
	for _, w := range []string{
		"<loc>https://example.org/hankkeet/fi/hankkeet/teema/nuoret/</loc>",
		`<xhtml:link rel="alternate" hreflang="sv" href="https://example.org/hankkeet/sv/projekt/tema/unga/"></xhtml:link>`,
	} {
		if !strings.Contains(sm, w) {
			t.Errorf("sitemap.xml lacks %s", w)
		}
	}
}

// TestListingScriptSize: the listing script, minified as a production build
// writes it, stays within 8 KB gzip.
func TestListingScriptSize(t *testing.T) {
	res := sitetest.Build(t, readTestdata(t, "small.txtar"), sitetest.Options{Minify: true}).MustSucceed(t)
	found := false
	for name, b := range res.Files {
		if !strings.HasPrefix(name, "assets/listing.") || !strings.HasSuffix(name, ".js") {
			continue
		}
		found = true
		var buf bytes.Buffer
		w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
		w.Write(b)
		w.Close()
		t.Logf("%s: %d bytes minified, %d gzip", name, len(b), buf.Len())
		if buf.Len() > 8<<10 {
			t.Errorf("the listing script is %d bytes gzip; the limit is 8 KB", buf.Len())
		}
	}
	if !found {
		t.Fatal("the site has no listing script")
	}
}
