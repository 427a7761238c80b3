package render

import (
	"bytes"
	"cmp"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"slices"
	"sync"
	"sync/atomic"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/facet"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/search"
	"golang.org/x/text/collate"
)

// The orders of a listing, the default first. The listing script sorts by
// the orders the build precomputes per language, so that the browser needs
// no collation rules.
func sortKeys() []string { return []string{"newest", "oldest", "end", "budget", "title"} }

// langFacet is a facet as one language names it.
type langFacet struct {
	f       *facet.Facet
	name    string   // Teema
	segment string   // the URL segment of its pages: teema
	labels  []string // per value, in the order of f.Values
	slugs   []string // per value: the URL segment of its pages
	display []int    // the values in the order this language shows them
}

// facetSegments reads the URL segments of the facet pages of a language
// from its UI strings and checks them.
func (r *renderer) facetSegments(lc *langCtx) error {
	lc.segments = map[string]string{}
	seen := map[string]string{lc.urls.page: "url_page"}
	for _, key := range facet.Keys() {
		name := "url_facet_" + key
		seg := lc.strings[name].Other
		if _, ok := lc.strings[name]; !ok {
			return fmt.Errorf("theme %s: i18n/%s.yaml has no %s, the address of the facet's pages (such as teema)", r.theme.Dir, lc.lang, name)
		}
		if model.CheckSlug(seg) != nil {
			return fmt.Errorf("theme %s: %s in i18n/%s.yaml must be a URL segment such as teema", r.theme.Dir, name, lc.lang)
		}
		if other, ok := seen[seg]; ok {
			return fmt.Errorf("theme %s: %s and %s in i18n/%s.yaml are both %q; the addresses of pages must differ", r.theme.Dir, other, name, lc.lang, seg)
		}
		seen[seg] = name
		lc.segments[key] = seg
	}
	return nil
}

// facetStrings are the UI strings facets need besides each facet's name and
// URL segment.
func facetStrings() []string {
	return []string{"facet_budget_under", "facet_budget_between", "facet_budget_over", "facet_practice_yes",
		"facet_page_title", "status_planned", "status_ongoing", "status_completed"}
}

// setupFacets computes the facets of the site and names them in every
// language.
func (r *renderer) setupFacets() error {
	// The facets change only when a project's facts do: an edit of a
	// body keeps them.
	r.facetsDigest = r.derived("facets", "", r.facetDigest)
	set := r.cache.facets.get(r.facetsDigest, func() *facet.Set {
		return facet.Build(r.site.Projects, facet.Options{
			Vocab: r.site.Vocab, Now: r.site.Now, Languages: r.site.Config.Languages, HasPractice: (*model.Project).HasPractice,
		})
	})
	r.facets = &facet.Set{Projects: r.site.Projects, Facets: set.Facets}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		need := facetStrings()
		for _, key := range facet.Keys() {
			need = append(need, "facet_"+key)
		}
		for _, k := range need {
			if _, ok := lc.strings[k]; !ok {
				return fmt.Errorf("theme %s: i18n/%s.yaml has no %s", r.theme.Dir, lang, k)
			}
		}
		// Labels, addresses and orders of the values change with the
		// facets and the theme's strings.
		lf := r.cache.langFacets.get(digest.New("lang facets").Num(r.facetsDigest).Str(lang).Sum(), func() []*langFacet { return r.langFacets(lc, r.facets, lc.segments) })
		lc.facets = lf
		lc.facetByKey = make(map[string]*langFacet, len(lf))
		for _, f := range lf {
			lc.facetByKey[f.f.Key] = f
		}
	}
	return nil
}

// langFacets are the facets of a set as a language shows them, with the
// URL segments of their pages.
func (r *renderer) langFacets(lc *langCtx, set *facet.Set, segments map[string]string) []*langFacet {
	col := lc.loc.NewCollator()
	var out []*langFacet
	for _, f := range set.Facets {
		lf := &langFacet{f: f, name: lc.strings["facet_"+f.Key].Other, segment: segments[f.Key]}
		keys := make([]string, len(f.Values))
		for i, v := range f.Values {
			lf.labels = append(lf.labels, r.valueLabel(lc, f, v))
			keys[i] = v.Key
			lf.display = append(lf.display, i)
		}
		lf.slugs = facet.Slugs(lf.labels, keys)
		// Places and organisations are found by name; other values
		// keep the order of their vocabulary or their nature.
		if f.Key == facet.Region || f.Key == facet.Municipality || f.Key == facet.Funder || f.Key == facet.LAG || f.Key == facet.Country {
			slices.SortStableFunc(lf.display, func(a, b int) int { return col.CompareString(lf.labels[a], lf.labels[b]) })
		}
		out = append(out, lf)
	}
	return out
}

// valueLabel names a facet value in a language.
func (r *renderer) valueLabel(lc *langCtx, f *facet.Facet, v *facet.Value) string {
	switch f.Kind {
	case facet.KindTerm:
		s, _ := v.Term.Label.In(lc.lang)
		return s
	case facet.KindStatus:
		return lc.strings["status_"+v.Key].Other
	case facet.KindBudget:
		rg := v.Range
		switch {
		case rg.Min == 0:
			return format(lc.strings["facet_budget_under"].Other, "max", lc.loc.Money(int64(rg.Max), rg.Currency))
		case rg.Max == 0:
			return format(lc.strings["facet_budget_over"].Other, "min", lc.loc.Money(int64(rg.Min), rg.Currency))
		}
		return format(lc.strings["facet_budget_between"].Other,
			"min", lc.loc.Integer(int64(rg.Min)/100), "max", lc.loc.Money(int64(rg.Max), rg.Currency))
	case facet.KindLanguage:
		return capitalise(lc.loc.LanguageName(v.Key))
	case facet.KindPractice:
		return lc.strings["facet_practice_yes"].Other
	case facet.KindCountry:
		return lc.loc.CountryName(v.Key)
	case facet.KindNeed:
		return lc.strings["need_kind_"+v.Key].Other
	}
	return v.Key
}

// capitalise writes the first letter of s in upper case: suomi → Suomi.
func capitalise(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// valuePath returns the site path of page n (from 1) of a facet value in a
// language.
func (lc *langCtx) valuePath(key string, value, n int) string {
	lf := lc.facetByKey[key]
	return lc.urls.listPage(lc.urls.projectsList()+lf.segment+"/"+lf.slugs[value]+"/", n)
}

// termURL returns the site path of the page of a vocabulary term's facet
// value, or "" when there is none.
func (lc *langCtx) termURL(key, term string) string {
	lf := lc.facetByKey[key]
	if lf == nil {
		return ""
	}
	vi, ok := lf.f.Value(term)
	if !ok {
		return ""
	}
	return lc.valuePath(key, vi, 1)
}

// linkTerms gives terms the address of their facet value's page.
func (lc *langCtx) linkTerms(key string, terms []TermView) []TermView {
	for i := range terms {
		terms[i].URL = lc.termURL(key, terms[i].Key)
	}
	return terms
}

func (lc *langCtx) linkTerm(key string, t *TermView) *TermView {
	if t != nil {
		t.URL = lc.termURL(key, t.Key)
	}
	return t
}

// sortProjects computes every order of each language's listing, as
// positions in r.site.Projects (ties fall back to the title in the
// language's alphabetical order, then the id), and the order of the
// library of good practices.
func (r *renderer) sortProjects() {
	var wg sync.WaitGroup
	for _, lc := range r.lang {
		wg.Add(1)
		go func() {
			defer wg.Done()
			col := lc.loc.NewCollator()
			var buf collate.Buffer
			// The orders change only when a title, a period, a budget or
			// the set of projects does: an edit of a body keeps them.
			lc.ordersDigest = r.derived("orders", lc.lang, func() uint64 { return r.sortDigest(lc.lang) })
			o := r.cache.orders.get(lc.ordersDigest, func() *orders { return r.makeOrders(lc, col) })
			lc.orders, lc.order, lc.rank, lc.titleKeys = o.orders, o.orders[sortKeys()[0]], o.rank, o.titleKeys

			// The library of good practices is in alphabetical order.
			pkeys := make(map[*model.Practice][]byte, len(r.site.Practices))
			for _, p := range r.site.Practices {
				t, _ := p.Title.In(lc.lang)
				pkeys[p] = slices.Clone(col.KeyFromString(&buf, t))
				buf.Reset()
			}
			lc.library = slices.Clone(r.site.Practices)
			slices.SortStableFunc(lc.library, func(a, b *model.Practice) int {
				return cmp.Or(bytes.Compare(pkeys[a], pkeys[b]), cmp.Compare(a.ID, b.ID))
			})
		}()
	}
	wg.Wait()
}

// orders are the orders of a language's listing.
type orders struct {
	orders    map[string][]int // by sort key: positions in site.Projects
	rank      []int            // per project: its place in the default order
	titleKeys [][]byte         // per project: its title's collation key
}

// facetDigest is what the facets are made from: the facts of every
// project that a facet follows, the vocabularies and the build date.
func (r *renderer) facetDigest() uint64 {
	h := digest.New("facets").Num(r.Inputs).Str(r.site.Now.Format(time.RFC3339Nano)).Int(len(r.site.Projects))
	strs := func(ss []string) {
		h.Int(len(ss))
		for _, s := range ss {
			h.Str(s)
		}
	}
	for _, p := range r.site.Projects {
		h.Str(p.Original).Str(p.Funder).Str(p.Programme).Str(p.Fund).Str(p.Measure).Str(p.Region)
		strs(p.Themes)
		strs(p.TargetGroups)
		strs(p.Municipalities)
		strs(p.Practices)
		period(h, p.Period)
		if b := p.Budget; b != nil {
			h.Str(b.Currency).Num(uint64(b.Total))
		} else {
			h.Str("")
		}
	}
	return h.Sum()
}

// period adds a period to a digest.
func period(h *digest.Hash, p model.Period) {
	for _, d := range []model.Date{p.Start, p.End} {
		h.Int(d.Year).Int(d.Month).Int(d.Day)
	}
}

// sortDigest is what the orders of a language are made from.
func (r *renderer) sortDigest(lang string) uint64 {
	h := digest.New("orders").Str(lang).Int(len(r.site.Projects))
	for _, p := range r.site.Projects {
		t, _ := p.Title.In(lang)
		h.Str(p.ID).Str(t)
		period(h, p.Period)
		if b := p.Budget; b != nil {
			h.Str(b.Currency).Num(uint64(b.Total))
		} else {
			h.Str("")
		}
	}
	return h.Sum()
}

// makeOrders sorts the projects every way the listing offers: newest or
// oldest start, end, budget, title. Ties fall back to the title in the
// language's alphabetical order, then the id.
func (r *renderer) makeOrders(lc *langCtx, col *collate.Collator) *orders {
	projects := r.site.Projects
	var buf collate.Buffer
	keys := make([][]byte, len(projects))
	for i, p := range projects {
		t, _ := p.Title.In(lc.lang)
		keys[i] = r.cache.keys.get(titleKey{lc.lang, t}, func() []byte {
			defer buf.Reset()
			return slices.Clone(col.KeyFromString(&buf, t))
		})
	}
	// The alphabetical order first; the others break ties by the place
	// in it, a number, which is quicker to compare than the keys.
	byTitle := make([]int, len(projects))
	for i := range byTitle {
		byTitle[i] = i
	}
	slices.SortFunc(byTitle, func(a, b int) int {
		return cmp.Or(bytes.Compare(keys[a], keys[b]), cmp.Compare(projects[a].ID, projects[b].ID))
	})
	titleRank := ranks(byTitle)
	type sortKey struct {
		start, end int64
		hasEnd     bool
		currency   int // in the order of currencies; projects without a budget last
		total      model.Money
	}
	sk := make([]sortKey, len(projects))
	for i, p := range projects {
		k := sortKey{start: p.Period.Start.First().Unix(), currency: len(model.Currencies())}
		if e := p.Period.End; !e.IsZero() {
			k.end, k.hasEnd = e.Last().Unix(), true
		}
		if b := p.Budget; b != nil && b.Total > 0 {
			k.currency, k.total = slices.Index(model.Currencies(), b.Currency), b.Total
		}
		sk[i] = k
	}
	tie := func(a, b int) int { return cmp.Compare(titleRank[a], titleRank[b]) }
	cmps := map[string]func(a, b int) int{
		"newest": func(a, b int) int { return cmp.Or(-cmp.Compare(sk[a].start, sk[b].start), tie(a, b)) },
		"oldest": func(a, b int) int { return cmp.Or(cmp.Compare(sk[a].start, sk[b].start), tie(a, b)) },
		// Ending first; projects without an end last.
		"end": func(a, b int) int {
			if sk[a].hasEnd != sk[b].hasEnd {
				if sk[a].hasEnd {
					return -1
				}
				return 1
			}
			return cmp.Or(cmp.Compare(sk[a].end, sk[b].end), tie(a, b))
		},
		// Budgets in the order of currencies, the largest first.
		"budget": func(a, b int) int {
			return cmp.Or(cmp.Compare(sk[a].currency, sk[b].currency), cmp.Compare(sk[b].total, sk[a].total), tie(a, b))
		},
	}
	o := &orders{orders: map[string][]int{"title": byTitle}, titleKeys: keys}
	for _, name := range sortKeys() {
		if name == "title" {
			continue
		}
		order := make([]int, len(projects))
		for i := range order {
			order[i] = i
		}
		slices.SortFunc(order, cmps[name])
		o.orders[name] = order
	}
	o.rank = ranks(o.orders[sortKeys()[0]])
	return o
}

// ranks returns the place of each project in an order.
func ranks(order []int) []int {
	out := make([]int, len(order))
	for rank, p := range order {
		out[p] = rank
	}
	return out
}

// makeCards builds the card view of every project in every language once;
// the listing, the facet pages and the JSON index share them.
func (r *renderer) makeCards() {
	// A card shows facts alone: when no fact changed, every card is the
	// last build's.
	setKey := digest.New("cards").Num(r.facts).Num(r.global).Sum()
	sets, reused := r.cache.cardSets.lookup(setKey)
	if reused {
		r.cache.cards.carry()
	} else {
		sets = map[string][]*ProjectView{}
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, lc := range r.lang {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if reused {
				lc.cards = sets[lc.lang]
			} else {
				// The cache holds cards of this site only (Render drops
				// it when anything global changes), so a card's digest
				// is key enough.
				keys := make([]cardKey, len(r.site.Projects))
				for i, d := range r.cardDigests {
					keys[i] = cardKey{lc.lang, d}
				}
				view := r.projectView
				if r.slimCards() {
					view = r.cardView
				}
				lc.cards = r.cache.cards.batch(keys, func(i int) *ProjectView { return view(r.site.Projects[i], lc) })
				mu.Lock()
				sets[lc.lang] = lc.cards
				mu.Unlock()
			}
			// The projects of each facet value, in the listing's order:
			// they change with the orders or the facets.
			lc.valueLists = r.cache.lists.get(digest.New("lists").Num(lc.ordersDigest).Num(r.facetsDigest).Sum(), func() map[string][][]int {
				lists := make(map[string][][]int, len(lc.facets))
				for _, lf := range lc.facets {
					lists[lf.f.Key] = make([][]int, len(lf.f.Values))
				}
				for _, pos := range lc.order {
					for _, lf := range lc.facets {
						l := lists[lf.f.Key]
						for _, vi := range lf.f.Of(pos) {
							l[vi] = append(l[vi], pos)
						}
					}
				}
				return lists
			})
		}()
	}
	wg.Wait()
	if !reused {
		r.cache.cardSets.get(setKey, func() map[string][]*ProjectView { return sets })
	}
}

// facetViews returns the facets of a listing with their values in the
// language's order.
func (lc *langCtx) facetViews() []FacetView { return facetViewsOf(lc.facets, lc.valuePath) }

// facetViewsOf returns facets with their values in the language's order;
// valuePath gives the site path of a value's pages.
func facetViewsOf(facets []*langFacet, valuePath func(key string, value, n int) string) []FacetView {
	var out []FacetView
	for _, lf := range facets {
		fv := FacetView{Key: lf.f.Key, Name: lf.name}
		for _, vi := range lf.display {
			v := lf.f.Values[vi]
			fv.Values = append(fv.Values, FacetValueView{
				Key: v.Key, Label: lf.labels[vi], URL: valuePath(lf.f.Key, vi, 1), Count: len(v.Projects),
			})
		}
		out = append(out, fv)
	}
	return out
}

// facetTasks renders the pages of every facet value in every language, one
// task per value and language.
func (r *renderer) facetTasks() []func() error {
	var tasks []func() error
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		for _, lf := range lc.facets {
			for vi := range lf.f.Values {
				tasks = append(tasks, func() error { return r.writeFacetValue(lc, lf, vi) })
			}
		}
	}
	return tasks
}

// writeFacetValue writes the pages of the projects that have a facet value,
// in the listing's order.
func (r *renderer) writeFacetValue(lc *langCtx, lf *langFacet, vi int) error {
	list := lc.valueLists[lf.f.Key][vi]
	pages := max(1, (len(list)+PageSize-1)/PageSize)
	title := format(lc.strings["facet_page_title"].Other, "facet", lf.name, "value", lf.labels[vi])
	for n := 1; n <= pages; n++ {
		if r.reuse(r.listFingerprint("facet", lc, list, n, pages).Str(lf.f.Key).Int(vi).Sum(), outputFile(lc.valuePath(lf.f.Key, vi, n))) {
			continue
		}
		p, lv := r.listPage(lc, "facet", list, n, pages, func(lang string, n int) string {
			return r.lang[lang].valuePath(lf.f.Key, vi, n)
		})
		p.Title = title
		lv.AllURL = lc.urls.projectsList()
		p.Crumbs = append(p.Crumbs, Crumb{Name: lc.strings["projects_title"].Other, URL: lc.urls.projectsList()})
		if err := r.execute(p); err != nil {
			return err
		}
	}
	return nil
}

// listIndex is the JSON index of a language's listing: what the listing
// script needs to filter, count, sort and render cards, and no more.
// Arrays run over the projects in the order of r.site.Projects; facet
// values are small integers. The words a search looks through are in a
// file of their own (search.Index), loaded when a visitor first searches.
type listIndex struct {
	ID      []string          `json:"id"` // project ids: a card links to id + "/"
	Title   []string          `json:"t"`
	Summary []string          `json:"s"`
	Lang    []string          `json:"l"` // the language of title and summary when not the page's, else ""
	Org     []string          `json:"o"`
	Period  []string          `json:"p"`
	Budget  []string          `json:"b"`
	Notes   map[string]string `json:"n"` // the note on a card shown in its original language, by that language
	Facets  []indexFacet      `json:"f"`
	Sorts   map[string][]int  `json:"r"` // per order, the projects in that order
}

// indexFacet is a facet in the JSON index.
type indexFacet struct {
	Key    string      `json:"k"`
	Values [][2]string `json:"v"` // per value: key and label
	Of     []any       `json:"p"` // per project: a value index, or a list of them
}

// indexFormat is the version of the shape of the listing's JSON files.
// Their names are made from it and from what they are made of; change it
// when their shape changes.
const indexFormat = 2

// listFingerprint starts the fingerprint of page n of a list of projects:
// the projects on it and the pagination.
func (r *renderer) listFingerprint(kind string, lc *langCtx, list []int, n, pages int) *digest.Hash {
	h := r.fingerprint(kind).Str(lc.lang).Int(n).Int(pages).Int(len(list))
	for _, pos := range pageOf(list, n) {
		h.Num(r.cardDigests[pos])
	}
	return h
}

// allProjects hashes what every project's card is made from.
func (r *renderer) allProjects(h *digest.Hash) *digest.Hash {
	for _, d := range r.cardDigests {
		h.Num(d)
	}
	return h
}

// makeWords finds the search words of every project, and names the
// listing's JSON files after what they are made from, so that pages can
// link them before they are made: the development server makes them
// only when a browser asks.
func (r *renderer) makeWords() {
	r.words = make([]string, len(r.site.Projects))
	// A project's words are its text and the names of its places: an
	// edit of another vocabulary than the places' keeps them.
	places := digest.New("places")
	for _, name := range []string{model.VocabRegions, model.VocabMunicipalities} {
		for _, t := range r.site.Vocab.Get(name).Terms {
			places.Str(t.Key).Int(len(t.Label))
			for _, ls := range t.Label {
				places.Str(ls.Lang).Str(ls.S)
			}
			places.Str(t.Attrs["region"])
		}
	}
	placesSum := places.Sum()
	words := func(c *search.Collector, i int) string {
		p := r.site.Projects[i]
		bodies, _ := r.bodies(&p.Folder) // a body that cannot be read is reported
		return c.ProjectWords(p, r.site.Vocab, bodies)
	}
	if r.Once {
		r.indexWords(words)
	} else {
		r.words = make([]string, len(r.site.Projects))
		collecting(r.Workers, len(r.site.Projects), func(c *search.Collector, i int) {
			key := digest.New("words").Num(r.pageDigests[i]).Num(placesSum).Sum()
			r.words[i] = r.cache.words.get(key, func() string { return words(c, i) })
		})
	}
	r.searchFile = r.fingerprint("search").Int(indexFormat)
	for _, d := range r.pageDigests {
		r.searchFile.Num(d) // the bodies too
	}
	r.searchPath = "assets/search." + r.searchFile.Hex(8) + ".json"
	for _, lc := range r.lang {
		lc.index = r.allProjects(r.fingerprint("index").Int(indexFormat).Str(lc.lang))
		lc.indexPath = "assets/projects." + lc.lang + "." + lc.index.Hex(8) + ".json"
	}
}

// collecting calls f for 0 … n-1 on that many workers, each with a
// search.Collector of its own, and returns when all are done.
func collecting(workers, n int, f func(c *search.Collector, i int)) {
	var wg sync.WaitGroup
	var next atomic.Int64
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var c search.Collector
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(&c, i)
			}
		}()
	}
	wg.Wait()
}

// indexWords gives the search words of every project to an index
// builder, in the projects' order, for a build that keeps no words for
// the next: the workers find the words of a chunk of projects at a time,
// and one goroutine adds the chunks in order as they are done, so that
// only the words of the chunks between are held at once, not those of
// the whole catalogue until the search file is made.
func (r *renderer) indexWords(words func(c *search.Collector, i int) string) {
	const chunk = 256
	n := len(r.site.Projects)
	r.searchIndex = search.NewIndexBuilder(n)
	chunkWords := make([][]string, (n+chunk-1)/chunk)
	done := make([]chan struct{}, len(chunkWords))
	for k := range done {
		done[k] = make(chan struct{})
	}
	added := make(chan struct{})
	go func() {
		defer close(added)
		for k := range chunkWords {
			<-done[k]
			for _, ws := range chunkWords[k] {
				r.searchIndex.Add(ws)
			}
			chunkWords[k] = nil
		}
	}()
	collecting(r.Workers, len(chunkWords), func(c *search.Collector, k int) {
		ws := make([]string, 0, chunk)
		for i := k * chunk; i < min(n, (k+1)*chunk); i++ {
			ws = append(ws, words(c, i))
		}
		chunkWords[k] = ws
		close(done[k])
	})
	<-added
}

// indexTasks write the JSON index of every language and the search file.
func (r *renderer) indexTasks() []func() error {
	tasks := []func() error{func() error {
		whole := func(bool) ([]byte, error) {
			var ix search.Index
			if r.searchIndex != nil { // a one-off build: the words are in it
				ix, r.searchIndex = r.searchIndex.Index(), nil
			} else {
				ix = search.NewIndex(r.words)
			}
			return ix.AppendJSON(nil), nil
		}
		stream := func(w io.Writer) error {
			ib := r.searchIndex
			if ib == nil {
				ib = search.NewIndexBuilder(len(r.words))
				for _, ws := range r.words {
					ib.Add(ws)
				}
			}
			r.searchIndex = nil
			return ib.WriteJSON(w)
		}
		return r.writeJSONStream(r.searchFile.Sum(), r.searchPath, whole, stream)
	}}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		tasks = append(tasks, func() error {
			return r.writeJSONStream(lc.index.Sum(), lc.indexPath,
				func(bool) ([]byte, error) { return json.Marshal(r.listIndex(lc)) },
				func(w io.Writer) error { return r.writeListIndex(w, lc) })
		})
	}
	return tasks
}

func (r *renderer) listIndex(lc *langCtx) listIndex {
	ix := r.listIndexBase(lc)
	ix.Facets = indexFacets(lc.facets, len(r.site.Projects))
	return ix
}

// listIndexBase is listIndex without the facets.
func (r *renderer) listIndexBase(lc *langCtx) listIndex {
	n := len(r.site.Projects)
	ix := listIndex{
		ID: make([]string, n), Title: make([]string, n), Summary: make([]string, n), Lang: make([]string, n),
		Org: make([]string, n), Period: make([]string, n), Budget: make([]string, n),
		Notes: map[string]string{}, Sorts: lc.orders,
	}
	for i, c := range lc.cards {
		ix.ID[i], ix.Title[i], ix.Summary[i], ix.Org[i], ix.Period[i] = c.ID, c.Title.S, c.Summary.S, c.Organisation, c.Period
		if c.Fallback {
			ix.Lang[i] = c.TextLang
			ix.Notes[c.TextLang] = format(lc.strings["original_language"].Other, "language", c.OriginalLanguage)
		}
		if c.Budget != nil {
			ix.Budget[i] = c.Budget.Total
		}
	}
	return ix
}

// writeListIndex writes the JSON index of a language to w as json.Marshal
// writes listIndex, but one field and one facet at a time: for a national
// catalogue each is megabytes, and the whole tens of them.
func (r *renderer) writeListIndex(w io.Writer, lc *langCtx) error {
	ix := r.listIndexBase(lc)
	var buf []byte
	put := func(head string, v any) error {
		buf = append(buf[:0], head...)
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		_, err = w.Write(append(buf, b...))
		return err
	}
	for _, f := range []struct {
		head string
		v    any
	}{{`{"id":`, ix.ID}, {`,"t":`, ix.Title}, {`,"s":`, ix.Summary}, {`,"l":`, ix.Lang}, {`,"o":`, ix.Org}, {`,"p":`, ix.Period}, {`,"b":`, ix.Budget}, {`,"n":`, ix.Notes}} {
		if err := put(f.head, f.v); err != nil {
			return err
		}
	}
	if len(lc.facets) == 0 {
		if err := put(`,"f":`, []indexFacet(nil)); err != nil {
			return err
		}
	}
	for i, lf := range lc.facets {
		head := ","
		if i == 0 {
			head = `,"f":[`
		}
		if err := put(head, indexFacetOf(lf, len(r.site.Projects))); err != nil {
			return err
		}
	}
	if len(lc.facets) > 0 {
		if _, err := io.WriteString(w, "]"); err != nil {
			return err
		}
	}
	if err := put(`,"r":`, ix.Sorts); err != nil {
		return err
	}
	_, err := io.WriteString(w, "}")
	return err
}

// indexFacets returns facets of n items as the JSON indexes hold them.
func indexFacets(facets []*langFacet, n int) []indexFacet {
	var out []indexFacet
	for _, lf := range facets {
		out = append(out, indexFacetOf(lf, n))
	}
	return out
}

// indexFacetOf returns a facet of n items as the JSON indexes hold it.
func indexFacetOf(lf *langFacet, n int) indexFacet {
	f := indexFacet{Key: lf.f.Key, Of: make([]any, n)}
	for vi, v := range lf.f.Values {
		f.Values = append(f.Values, [2]string{v.Key, lf.labels[vi]})
	}
	for i := range n {
		if of := lf.f.Of(i); len(of) == 1 {
			f.Of[i] = of[0]
		} else {
			f.Of[i] = append([]int{}, of...)
		}
	}
	return f
}

// cardPattern is a card with every part present, from which the listing
// script makes its cards: they have the markup of the cards the server
// renders, because they come from the same layout.
func (r *renderer) cardPattern(lc *langCtx) *ProjectView {
	txt := Txt{S: "-", Lang: lc.lang, Foreign: true}
	return &ProjectView{
		FolderView: FolderView{URL: lc.urls.projectsList(), Fallback: true, TextLang: lc.lang, OriginalLanguage: "-"},
		Title:      txt, Summary: txt, Status: "planned", StatusLabel: "-", Period: "-", Organisation: "-",
		Budget: &BudgetView{Total: "-"}, Region: &TermView{Label: "-"}, Themes: []TermView{{Label: "-"}},
		// A theme's own card may ask for any fact: it finds none.
		ProjectDetails: &ProjectDetails{},
	}
}

// pagefindTags are the data-pagefind-filter, -sort and -meta values of a
// project page, so that a site that adds Pagefind gets the listing's facets
// and orders, and what a result shows.
func (r *renderer) pagefindTags(lc *langCtx, pos int) (filters, sorts, meta []PagefindTag) {
	for _, lf := range lc.facets {
		for _, vi := range lf.f.Of(pos) {
			filters = append(filters, PagefindTag{Key: lf.f.Key, Value: lf.labels[vi]})
		}
	}
	p := r.site.Projects[pos]
	sorts = append(sorts, PagefindTag{Key: "start", Value: p.Period.Start.First().Format(time.DateOnly)})
	if !p.Period.End.IsZero() {
		sorts = append(sorts, PagefindTag{Key: "end", Value: p.Period.End.Last().Format(time.DateOnly)})
	}
	if p.Budget != nil && p.Budget.Total > 0 {
		sorts = append(sorts, PagefindTag{Key: "budget", Value: p.Budget.Total.String()})
	}
	// The place in the language's alphabetical order, which Pagefind sorts
	// numerically.
	// The title's collation key, which sorts as text in the language's
	// alphabetical order; its first bytes are enough to tell titles apart.
	key := lc.titleKeys[pos]
	sorts = append(sorts, PagefindTag{Key: "title", Value: hex.EncodeToString(key[:min(len(key), 24)])})
	c := lc.cards[pos]
	meta = append(meta, PagefindTag{Key: "status", Value: c.StatusLabel}, PagefindTag{Key: "organisation", Value: c.Organisation})
	if c.Period != "" {
		meta = append(meta, PagefindTag{Key: "period", Value: c.Period})
	}
	return filters, sorts, meta
}

// pagefindHTML writes Pagefind's values as html/template writes
// <span data-pagefind-filter="{{.Key}}:{{.Value}}"></span> for each,
// escaped the same way, so that the page's bytes do not depend on which
// of the two made them.
func pagefindHTML(filters, sorts, meta []PagefindTag) template.HTML {
	var b bytes.Buffer
	w := htmlWriter{b: &b}
	w.pagefind(filters, sorts, meta)
	return template.HTML(b.String()) // #nosec: every value escaped
}
