package browsertest_test

import (
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// cardsJS reads the markup of the list's cards, without the white space
// between elements, which the minified page leaves out and the index's
// cards keep.
const cardsJS = `[...document.querySelectorAll('#results > li')].map(li => li.outerHTML.replace(/>\s+</g, '><'))`

// TestLibraryFilters filters, searches and sorts the library of good
// practices of the example site in Chromium with the listing's script, and
// checks every step against the Go reference, as TestListingFilters does
// for the projects: the count in the live region, the cards, the count of
// every value and the address.
func TestLibraryFilters(t *testing.T) {
	b := browsertest.Start(t)
	res := sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t)
	root := browsertest.Serve(t, res.Files, "/vitrin/")
	const page = "fi/hyvat-kaytannot/index.html"
	l := res.Listing(t, page)
	m := countAttrs.FindStringSubmatch(res.File(t, page))
	one, other := m[1], m[2]

	p := b.Open(t, root+"fi/hyvat-kaytannot/", browsertest.Desktop)
	first := readView(p)
	if !first.FormOpen {
		t.Fatal("the script did not show the library's filter form")
	}
	if want := strings.Replace(other, "{n}", groupDigits(len(l.ID)), 1); first.Count != want || len(first.IDs) != len(l.ID) {
		t.Fatalf("the first view: %q with %d cards; want %q with %d", first.Count, len(first.IDs), want, len(l.ID))
	}
	if json := browsertest.Eval[[]string](p, `performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.json'))`); len(json) > 0 {
		t.Errorf("the library fetched %v before the visitor did anything", json)
	}
	for _, v := range p.Axe() {
		t.Errorf("the library with its filters: %s", v)
	}
	server := browsertest.Eval[[]string](p, cardsJS)

	s := state{deflt: "title", sel: map[string][]string{"need": {"money"}}}
	t.Run("one value", func(t *testing.T) {
		p.Click(`details[data-facet=need] summary`)
		p.Click(`input[name=need][value=money]`)
		if got := check(t, p, l, s, one, other); len(got.IDs) == 0 || len(got.IDs) == len(l.ID) {
			t.Errorf("money is needed by %d of %d practices: the test checks little", len(got.IDs), len(l.ID))
		}
	})
	t.Run("two facets give the intersection", func(t *testing.T) {
		s.sel["country"] = []string{"EE"}
		p.Click(`input[name=country][value=EE]`)
		check(t, p, l, s, one, other)
		for _, v := range p.Axe() {
			t.Errorf("the filtered library: %s", v)
		}
	})
	t.Run("search", func(t *testing.T) {
		p.Click(".filters .clear-filters")
		s = state{deflt: "title", q: "raati"}
		check(t, p, l, state{deflt: "title"}, one, other)
		p.Type("#q", "raati")
		if got := check(t, p, l, s, one, other); len(got.IDs) == 0 || len(got.IDs) == len(l.ID) {
			t.Errorf("the search finds %d of %d practices: the test checks little", len(got.IDs), len(l.ID))
		}
	})
	t.Run("sort by the latest use", func(t *testing.T) {
		s = state{deflt: "title", sort: "recent"}
		p.Click(".filters .clear-filters")
		check(t, p, l, state{deflt: "title"}, one, other)
		browsertest.Eval[bool](p, `(() => { const s = document.getElementById('sort'); s.value = 'recent'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
		got := check(t, p, l, s, one, other)
		if slices.Equal(got.IDs, first.IDs) {
			t.Error("the latest use gives the alphabetical order: the test checks little")
		}
	})
	t.Run("reload", func(t *testing.T) {
		check(t, b.Open(t, p.Location(), browsertest.Phone), l, s, one, other)
	})
	t.Run("the script's cards are the server's", func(t *testing.T) {
		// Back to the default order, which has no filter to clear.
		browsertest.Eval[bool](p, `(() => { const s = document.getElementById('sort'); s.value = 'title'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
		check(t, p, l, state{deflt: "title"}, one, other)
		cards := browsertest.Eval[[]string](p, cardsJS)
		if !slices.Equal(cards, server) {
			t.Errorf("the script's cards\n%s\nthe server's\n%s", strings.Join(cards, "\n"), strings.Join(server, "\n"))
		}
	})
	// A link from a LAG's site to a filtered library, in Estonian and
	// Swedish too.
	for lang, dir := range map[string]string{"et": "et/head-tavad/", "sv": "sv/goda-exempel/"} {
		t.Run("shared address "+lang, func(t *testing.T) {
			l := res.Listing(t, dir+"index.html")
			m := countAttrs.FindStringSubmatch(res.File(t, dir+"index.html"))
			s := state{deflt: "title", sel: map[string][]string{"theme": {"participation"}, "country": {"FI"}}, q: "kyla"}
			check(t, b.Open(t, root+dir+s.query(l), browsertest.Phone), l, s, m[1], m[2])
		})
	}
}
