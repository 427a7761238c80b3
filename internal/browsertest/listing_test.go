package browsertest_test

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// view is what the listing shows: read from the page by viewJS.
type view struct {
	Search   string   `json:"search"` // location.search
	Count    string   `json:"count"`  // the live region's text
	IDs      []string `json:"ids"`    // the cards, in order
	Checked  []string `json:"checked"`
	Q        string   `json:"q"`
	Sort     string   `json:"sort"`
	Counts   []string `json:"counts"` // "facet=value (n) zero?" per checkbox
	Pages    []string `json:"pages"`  // the pagination's labels
	FormOpen bool     `json:"formOpen"`
	Busy     bool     `json:"busy"`
	Empty    bool     `json:"empty"` // the no-results note shows
}

const viewJS = `(() => {
  const form = document.getElementById('filters');
  const list = document.getElementById('results');
  return {
    search: location.search,
    count: document.getElementById('result-count').textContent,
    ids: [...list.querySelectorAll('.card-title a')].map(a => a.getAttribute('href').split('/').slice(-2)[0]),
    checked: [...form.querySelectorAll('input:checked')].map(i => i.name + '=' + i.value),
    q: form.elements.q.value,
    sort: form.elements.sort.value,
    counts: [...form.querySelectorAll('input[type=checkbox]')].map(i => i.name + '=' + i.value + ' ' +
      i.parentNode.querySelector('.count').textContent + (i.parentNode.classList.contains('is-zero') ? ' zero' : '')),
    pages: [...document.querySelectorAll('#pager a')].map(a => a.textContent),
    formOpen: !form.hidden && document.getElementById('browse').hidden,
    busy: list.hasAttribute('aria-busy'),
    empty: !document.getElementById('no-results').hidden,
  };
})()`

func readView(p *browsertest.Page) view { return browsertest.Eval[view](p, viewJS) }

// state is a state of the listing: facet choices, a query, an order and a
// page.
type state struct {
	sel  map[string][]string
	q    string
	sort string
	page int
	// deflt is the listing's default order: newest, or title in the
	// library of good practices.
	deflt string
}

// order returns the order the state shows.
func (s state) order() string {
	if s.sort != "" {
		return s.sort
	}
	return s.defaultOrder()
}

func (s state) defaultOrder() string {
	if s.deflt != "" {
		return s.deflt
	}
	return "newest"
}

// query is the URL query the listing writes for a state.
func (s state) query(l *sitetest.Listing) string {
	v := url.Values{}
	var parts []string
	for _, f := range l.Facets {
		for _, val := range s.sel[f.Key] {
			parts = append(parts, url.QueryEscape(f.Key)+"="+url.QueryEscape(val))
		}
	}
	if s.q != "" {
		v.Set("q", s.q)
		parts = append(parts, v.Encode())
	}
	if s.sort != "" && s.sort != s.defaultOrder() {
		parts = append(parts, "sort="+s.sort)
	}
	if s.page > 1 {
		parts = append(parts, "page="+strconv.Itoa(s.page))
	}
	if len(parts) == 0 {
		return ""
	}
	return "?" + strings.Join(parts, "&")
}

// want computes with the Go reference (sitetest.Listing) what the listing
// must show in a state.
func (s state) want(t *testing.T, l *sitetest.Listing, countOne, countOther string) view {
	sort := s.order()
	ids := l.IDs(l.Match(t, s.sel, s.q), sort)
	page := max(s.page, 1)
	v := view{Search: s.query(l), Q: s.q, Sort: sort, FormOpen: true, Empty: len(ids) == 0}
	v.Count = strings.Replace(countOther, "{n}", groupDigits(len(ids)), 1)
	if len(ids) == 1 {
		v.Count = strings.Replace(countOne, "{n}", "1", 1)
	}
	v.IDs = ids[min((page-1)*30, len(ids)):min(page*30, len(ids))]
	for _, f := range l.Facets {
		for _, val := range f.Values {
			if slices.Contains(s.sel[f.Key], val[0]) {
				v.Checked = append(v.Checked, f.Key+"="+val[0])
			}
			// The count of a value: what the facet gives with it alone and
			// the other facets as chosen.
			other := map[string][]string{}
			for k, vs := range s.sel {
				other[k] = vs
			}
			other[f.Key] = []string{val[0]}
			n := len(l.Match(t, other, s.q))
			c := f.Key + "=" + val[0] + " (" + groupDigits(n) + ")"
			if n == 0 {
				c += " zero"
			}
			v.Counts = append(v.Counts, c)
		}
	}
	return v
}

func groupDigits(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "\u00a0" + s[i:]
	}
	return s
}

// check waits until the listing has drawn a state and compares it with
// the reference.
func check(t *testing.T, p *browsertest.Page, l *sitetest.Listing, s state, one, other string) view {
	t.Helper()
	want := s.want(t, l, one, other)
	p.Wait(fmt.Sprintf(`location.search === %q && !document.getElementById('results').hasAttribute('aria-busy') && document.getElementById('result-count').textContent === %q`, want.Search, want.Count))
	// Counts are written when a facet is open: open them all, and let
	// their toggle events run.
	browsertest.Eval[bool](p, `(async () => {
	  document.querySelectorAll('#filters details').forEach(d => d.open = true);
	  for (let i = 0; i < 3; i++) await new Promise(r => setTimeout(r, 0));
	  return true;
	})()`)
	got := readView(p)
	if got.Search != want.Search {
		t.Errorf("the address has %q; want %q", got.Search, want.Search)
	}
	if got.Count != want.Count {
		t.Errorf("the count says %q; want %q", got.Count, want.Count)
	}
	if !slices.Equal(got.IDs, want.IDs) {
		t.Errorf("the cards are\n%v\nwant\n%v", got.IDs, want.IDs)
	}
	// The form lists places and funders alphabetically, the index by key:
	// compare the values as sets.
	slices.Sort(got.Checked)
	slices.Sort(want.Checked)
	slices.Sort(got.Counts)
	slices.Sort(want.Counts)
	if !slices.Equal(got.Checked, want.Checked) || got.Q != want.Q || got.Sort != want.Sort {
		t.Errorf("the form shows %v, q=%q, sort=%s; want %v, q=%q, sort=%s", got.Checked, got.Q, got.Sort, want.Checked, want.Q, want.Sort)
	}
	if !slices.Equal(got.Counts, want.Counts) {
		for i := range min(len(got.Counts), len(want.Counts)) {
			if got.Counts[i] != want.Counts[i] {
				t.Errorf("a value's count: %s; want %s", got.Counts[i], want.Counts[i])
			}
		}
		if len(got.Counts) != len(want.Counts) {
			t.Errorf("%d values in the form; want %d", len(got.Counts), len(want.Counts))
		}
	}
	if !got.FormOpen || got.Empty != want.Empty {
		t.Errorf("the filters show: %v, the no-results note: %v; want true, %v", got.FormOpen, got.Empty, want.Empty)
	}
	return got
}

var countAttrs = regexp.MustCompile(`data-count-one="([^"]*)" data-count-other="([^"]*)"`)

// TestListingFilters clicks filters, types a search, sorts, pages, reloads
// and goes back on the Finnish listing of a generated catalogue, and checks
// every step against the Go reference: the count in the live region, the
// cards, the count of every value, the address.
func TestListingFilters(t *testing.T) {
	b := browsertest.Start(t)
	res := sitetest.BuildFS(t, catalogue(150), sitetest.Options{Minify: true}).MustSucceed(t)
	root := browsertest.Serve(t, res.Files, "/vitrin/")
	l := res.Listing(t, "fi/hankkeet/index.html")
	m := countAttrs.FindStringSubmatch(res.File(t, "fi/hankkeet/index.html"))
	one, other := m[1], m[2]

	p := b.Open(t, root+"fi/hankkeet/", browsertest.Desktop)
	first := readView(p)
	if !first.FormOpen {
		t.Fatal("the script did not show the filter form")
	}
	if first.Count != "150 hanketta" || len(first.IDs) != 30 {
		t.Fatalf("the first view: %q with %d cards", first.Count, len(first.IDs))
	}
	// The first view is the server's: the script fetches no data for it.
	if json := browsertest.Eval[[]string](p, `performance.getEntriesByType('resource').map(e => e.name).filter(n => n.endsWith('.json'))`); len(json) > 0 {
		t.Errorf("the listing fetched %v before the visitor did anything", json)
	}
	for _, v := range p.Axe() {
		t.Errorf("the listing with its filters: %s", v)
	}
	// The script's cards have the server's markup: the same page drawn by
	// the script (after a filter is set and cleared) equals the server's.
	server := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#results > li')].map(li => li.outerHTML)`)

	theme := l.Facets[0].Values[0][0]
	status := "completed"
	s := state{sel: map[string][]string{"theme": {theme}}}
	t.Run("one value", func(t *testing.T) {
		p.Click(`details[data-facet=theme] summary`)
		p.Click(`input[name=theme][value="` + theme + `"]`)
		check(t, p, l, s, one, other)
	})
	t.Run("two facets give the intersection", func(t *testing.T) {
		s.sel = map[string][]string{"theme": {theme}, "status": {status}}
		// check opened every facet.
		p.Click(`input[name=status][value=completed]`)
		got := check(t, p, l, s, one, other)
		var zero int
		for _, c := range got.Counts {
			if strings.HasSuffix(c, " zero") {
				zero++
			}
		}
		if zero == 0 {
			t.Error("no value has the count 0: the test does not see how empty values show")
		}
		// Open facets, ticked boxes and values with nothing left.
		for _, v := range p.Axe() {
			t.Errorf("the filtered listing: %s", v)
		}
	})
	t.Run("values of one facet give the union", func(t *testing.T) {
		second := l.Facets[0].Values[1][0]
		s.sel = map[string][]string{"theme": {theme, second}, "status": {status}}
		p.Click(`input[name=theme][value="` + second + `"]`)
		check(t, p, l, s, one, other)
	})
	t.Run("search", func(t *testing.T) {
		s.q = "kyla"
		p.Type("#q", "kyla")
		got := check(t, p, l, s, one, other)
		if len(got.IDs) == 0 {
			t.Error("the search finds nothing: the test checks little")
		}
	})
	t.Run("sort by title", func(t *testing.T) {
		s.sort = "title"
		browsertest.Eval[bool](p, `(() => { const s = document.getElementById('sort'); s.value = 'title'; s.dispatchEvent(new Event('change', {bubbles: true})); return true })()`)
		check(t, p, l, s, one, other)
	})
	t.Run("reload", func(t *testing.T) {
		addr := p.Location()
		again := b.Open(t, addr, browsertest.Phone)
		check(t, again, l, s, one, other)
	})
	t.Run("back", func(t *testing.T) {
		s.sort = ""
		browsertest.Eval[bool](p, `history.back(), true`)
		check(t, p, l, s, one, other)
	})
	t.Run("pages", func(t *testing.T) {
		s = state{sel: map[string][]string{"status": {status}}}
		p.Click(".filters .clear-filters")
		check(t, p, l, state{}, one, other)
		p.Click(`input[name=status][value=completed]`)
		check(t, p, l, s, one, other)
		p.Click(`#pager a[rel=next]`)
		s.page = 2
		got := check(t, p, l, s, one, other)
		if !slices.Contains(got.Pages, "1") || !slices.Contains(got.Pages, "3") {
			t.Errorf("the pagination shows %v", got.Pages)
		}
		if focused := browsertest.Eval[string](p, `document.activeElement.id`); focused != "results" {
			t.Errorf("after a page change the focus is on #%s; want the results", focused)
		}
	})
	t.Run("the script's cards are the server's", func(t *testing.T) {
		p.Click(".filters .clear-filters")
		check(t, p, l, state{}, one, other)
		cards := browsertest.Eval[[]string](p, `[...document.querySelectorAll('#results > li')].map(li => li.outerHTML)`)
		if len(cards) != len(server) {
			t.Fatalf("%d cards; the server drew %d", len(cards), len(server))
		}
		fallbacks := 0
		for i := range cards {
			if cards[i] != server[i] {
				t.Errorf("card %d differs:\nscript: %s\nserver: %s", i, cards[i], server[i])
			}
			if strings.Contains(cards[i], "card-fallback") {
				fallbacks++
			}
		}
		if fallbacks == 0 {
			t.Error("no card shows a project in its original language: the comparison misses that case")
		}
	})
}

// TestListingSharedURL opens a filtered address directly, as a link from a
// LAG's site does, in Estonian and Swedish too.
func TestListingSharedURL(t *testing.T) {
	b := browsertest.Start(t)
	res := sitetest.BuildFS(t, catalogue(150), sitetest.Options{Minify: true}).MustSucceed(t)
	root := browsertest.Serve(t, res.Files, "/")
	for lang, dir := range map[string]string{"et": "et/projektid/", "sv": "sv/projekt/"} {
		t.Run(lang, func(t *testing.T) {
			l := res.Listing(t, dir+"index.html")
			m := countAttrs.FindStringSubmatch(res.File(t, dir+"index.html"))
			s := state{sel: map[string][]string{"year": {"2020", "2021"}, "language": {"fi"}}, sort: "budget"}
			p := b.Open(t, root+dir+s.query(l), browsertest.Phone)
			check(t, p, l, s, m[1], m[2])
			// Unknown values and parameters are dropped, not obeyed.
			p = b.Open(t, root+dir+"?theme=no-such-theme&utm_source=lag&status=ongoing", browsertest.Phone)
			check(t, p, l, state{sel: map[string][]string{"status": {"ongoing"}}}, m[1], m[2])
		})
	}
}

// TestListingWithoutScripts follows the static facet pages with JavaScript
// off: the listing links every value, and each value's page lists as many
// projects as the link says.
func TestListingWithoutScripts(t *testing.T) {
	b := browsertest.Start(t)
	res := sitetest.BuildFS(t, catalogue(150), sitetest.Options{Minify: true}).MustSucceed(t)
	root := browsertest.Serve(t, res.Files, "/vitrin/")
	p := b.OpenWithoutScripts(t, root+"fi/hankkeet/", browsertest.Desktop)
	if form := p.OuterHTML("#filters"); !strings.Contains(form[:200], " hidden") {
		t.Error("without JavaScript the filter form shows, although it cannot work")
	}
	if browse := p.OuterHTML("#browse"); strings.Contains(browse[:100], "hidden") {
		t.Error("without JavaScript the links to the facet pages are hidden")
	}
	linkRE := regexp.MustCompile(`<li><a href="([^"]+)">([^<]+)</a> <span class="?count"?>\(([\d\x{a0}]+)\)</span></li>`)
	followed := 0
	for _, facet := range []string{"theme", "status", "year", "municipality", "budget", "language"} {
		p.Navigate(root + "fi/hankkeet/")
		links := linkRE.FindAllStringSubmatch(p.OuterHTML(`#browse details[data-facet=`+facet+`]`), -1)
		if len(links) == 0 {
			t.Errorf("no links to the pages of the facet %s", facet)
			continue
		}
		// The first and the last value of the facet.
		for _, link := range [][]string{links[0], links[len(links)-1]} {
			want, _ := strconv.Atoi(strings.ReplaceAll(link[3], "\u00a0", ""))
			p.Navigate(root + "fi/hankkeet/")
			p.Click(`#browse details[data-facet=` + facet + `] summary`)
			p.ClickAndWait(`#browse details[data-facet=` + facet + `] a[href="` + link[1] + `"]`)
			got := 0
			for pages := 1; ; pages++ {
				main := p.OuterHTML("main")
				got += strings.Count(main, `<article class="card`)
				if !strings.Contains(main, `rel="next"`) {
					break
				}
				p.ClickAndWait(`a[rel=next]`)
				if pages > 50 {
					t.Fatal("the pagination does not end")
				}
			}
			if got != want {
				t.Errorf("%s %q: the listing says %d projects; its page lists %d", facet, link[2], want, got)
			}
			if facet == "theme" {
				// axe-core needs JavaScript: check the page in a tab of its own.
				for _, v := range b.Open(t, p.URL, browsertest.Phone).Axe() {
					t.Errorf("%s: %s", p.URL, v)
				}
			}
			followed++
		}
	}
	t.Logf("followed %d facet pages without JavaScript", followed)
}
