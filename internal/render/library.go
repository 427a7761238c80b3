package render

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/facet"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/search"
)

// The library of good practices has the listing's machinery: facets with
// a page per value under the library's folder (hyvat-kaytannot/teema/…),
// and on its first page a filter form with a search that the listing
// script runs on a JSON index of the practices and a search file of
// their words. Its orders are by title and by the latest start of the
// practice's projects.

// librarySortKeys are the orders of the library, the default first.
func librarySortKeys() []string { return []string{"title", "recent"} }

// librarySegments reads the URL segments of the library's facet pages from
// a language's UI strings and checks them: the facets of the library
// share a folder with the practices and the library's pagination.
func (r *renderer) librarySegments(lc *langCtx) error {
	lc.libSegments = map[string]string{}
	seen := map[string]string{lc.urls.page: "url_page"}
	for _, key := range facet.PracticeKeys() {
		name := "url_facet_" + key
		m, ok := lc.strings[name]
		if !ok {
			return fmt.Errorf("theme %s: i18n/%s.yaml has no %s, the address of the library's facet pages (such as teema)", r.theme.Dir, lc.lang, name)
		}
		if model.CheckSlug(m.Other) != nil {
			return fmt.Errorf("theme %s: %s in i18n/%s.yaml must be a URL segment such as teema", r.theme.Dir, name, lc.lang)
		}
		if other, ok := seen[m.Other]; ok {
			return fmt.Errorf("theme %s: %s and %s in i18n/%s.yaml are both %q; the addresses of the library's pages must differ", r.theme.Dir, other, name, lc.lang, m.Other)
		}
		seen[m.Other] = name
		lc.libSegments[key] = m.Other
	}
	return nil
}

// setupLibrary computes the facets and orders of the library in every
// language. It needs the library's alphabetical order (sortProjects).
func (r *renderer) setupLibrary() error {
	r.library = facet.BuildPractices(r.site.Practices, facet.PracticeOptions{Vocab: r.site.Vocab, Project: r.site.Project})
	pos := make(map[*model.Practice]int, len(r.site.Practices))
	latest := make([]int64, len(r.site.Practices)) // the latest start of a practice's projects
	for i, pr := range r.site.Practices {
		pos[pr] = i
		latest[i] = r.latestStart(pr)
	}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		for _, key := range facet.PracticeKeys() {
			if _, ok := lc.strings["facet_"+key]; !ok {
				return fmt.Errorf("theme %s: i18n/%s.yaml has no facet_%s", r.theme.Dir, lang, key)
			}
		}
		lc.libFacets = r.langFacets(lc, r.library, lc.libSegments)
		lc.libByKey = make(map[string]*langFacet, len(lc.libFacets))
		byTitle := make([]int, len(lc.library))
		for i, pr := range lc.library {
			byTitle[i] = pos[pr]
		}
		// The practices whose projects started last first; those without
		// projects last. Ties keep the alphabetical order.
		recent := slices.Clone(byTitle)
		slices.SortStableFunc(recent, func(a, b int) int { return cmp.Compare(latest[b], latest[a]) })
		lc.libOrders = map[string][]int{"title": byTitle, "recent": recent}
		lc.libLists = make(map[string][][]int, len(lc.libFacets))
		for _, lf := range lc.libFacets {
			lc.libByKey[lf.f.Key] = lf
			lists := make([][]int, len(lf.f.Values))
			for _, p := range byTitle {
				for _, vi := range lf.f.Of(p) {
					lists[vi] = append(lists[vi], p)
				}
			}
			lc.libLists[lf.f.Key] = lists
		}
	}
	return nil
}

// latestStart returns the latest start of a practice's projects as a Unix
// time, or the smallest int64 when it names none that exists.
func (r *renderer) latestStart(pr *model.Practice) int64 {
	out := int64(-1 << 63)
	for _, id := range pr.Projects {
		if p := r.site.Project(id); p != nil && !p.Period.Start.IsZero() {
			out = max(out, p.Period.Start.First().Unix())
		}
	}
	return out
}

// libValuePath returns the site path of page n (from 1) of a library facet
// value in a language.
func (lc *langCtx) libValuePath(key string, value, n int) string {
	lf := lc.libByKey[key]
	return lc.urls.listPage(lc.urls.practicesList()+lf.segment+"/"+lf.slugs[value]+"/", n)
}

// libFacetViews returns the facets of the library with their values in the
// language's order.
func (lc *langCtx) libFacetViews() []FacetView { return facetViewsOf(lc.libFacets, lc.libValuePath) }

// libraryFacetTasks renders the pages of every library facet value in
// every language, one task per value and language.
func (r *renderer) libraryFacetTasks() []func() error {
	var tasks []func() error
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		for _, lf := range lc.libFacets {
			for vi := range lf.f.Values {
				tasks = append(tasks, func() error { return r.writeLibraryValue(lc, lf, vi) })
			}
		}
	}
	return tasks
}

// writeLibraryValue writes the pages of the practices that have a library
// facet value, in the library's order. They show the practices' facts
// alone, as the library does.
func (r *renderer) writeLibraryValue(lc *langCtx, lf *langFacet, vi int) error {
	list := lc.libLists[lf.f.Key][vi]
	pages := pageCount(len(list))
	for n := 1; n <= pages; n++ {
		pathIn := func(lang string) string { return r.lang[lang].libValuePath(lf.f.Key, vi, n) }
		if r.reuse(r.fingerprint("library-facet").Num(r.practicesDigest).Str(pathIn(lc.lang)).Sum(), outputFile(pathIn(lc.lang))) {
			continue
		}
		p := r.page(lc, "practices", pathIn(lc.lang), pathIn)
		p.Title = format(lc.strings["facet_page_title"].Other, "facet", lf.name, "value", lf.labels[vi])
		p.Description = lc.strings["practices_lead"].Other
		p.Alternates = r.alternates(pathIn, r.site.Config.Languages)
		p.Crumbs = []Crumb{{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()},
			{Name: lc.strings["practices_title"].Other, URL: lc.urls.practicesList()}}
		lv := &LibraryView{Total: len(list), AllURL: lc.urls.practicesList(),
			Pager: pager(n, pages, func(i int) string { return lc.libValuePath(lf.f.Key, vi, i) })}
		for _, i := range pageOf(list, n) {
			lv.Items = append(lv.Items, r.practiceView(r.site.Practices[i], lc))
		}
		p.Library = lv
		if err := r.execute(p); err != nil {
			return err
		}
	}
	return nil
}

// libraryFilters gives the first page of the library what the listing
// script needs to filter, search and sort it in place.
func (r *renderer) libraryFilters(lc *langCtx, total int, pg Pager) *ListingView {
	lv := &ListingView{Total: total, Pager: pg, Facets: lc.libFacetViews(),
		IndexURL: lc.libIndexPath, SearchURL: r.libSearchPath,
		FiltersHeading: lc.strings["library_filters_heading"].Other, BrowseHeading: lc.strings["library_browse_heading"].Other,
		SearchLabel: lc.strings["library_search_label"].Other, Hint: lc.strings["library_search_hint"].Other}
	for _, key := range librarySortKeys() {
		lv.Sorts = append(lv.Sorts, SortView{Key: key, Label: lc.strings["sort_"+key].Other})
	}
	count := lc.strings["practices_count"]
	lv.CountOne, lv.CountOther = cmp.Or(count.One, count.Other), count.Other
	lv.PageOf = lc.strings["page_of"].Other
	lv.NumberSep = strings.Trim(lc.loc.Integer(1000), "01")
	return lv
}

// libraryIndex is the JSON index of a language's library, in the shape of
// the listing's (listIndex) where the script reads the same: ids, facets
// and orders over the practices in the order of r.site.Practices. A
// practice's card comes ready made, in HTML rendered for the library's
// first page.
type libraryIndex struct {
	ID     []string         `json:"id"`
	Cards  []string         `json:"h"`
	Facets []indexFacet     `json:"f"`
	Sorts  map[string][]int `json:"r"`
}

// makeLibraryFiles finds the search words of every practice and names the
// library's JSON files after what they are made from.
func (r *renderer) makeLibraryFiles() {
	r.libWords = make([]string, len(r.site.Practices))
	r.libSearch = r.fingerprint("library-search").Int(indexFormat)
	for i, pr := range r.site.Practices {
		// A practice's words come from its own files alone; cached, an
		// edit of a project does not fold every practice's text again
		// (two hundred practices took 60 ms of each edit in vitrin serve).
		r.libWords[i] = r.cache.words.get(digest.New("practice-words").Num(pr.Digest).Sum(), func() string {
			bodies, _ := r.bodies(&pr.Folder) // a body that cannot be read is reported
			return search.PracticeWords(pr, bodies)
		})
		r.libSearch.Str(pr.ID).Num(pr.Digest) // the words are the practice's own
	}
	r.libSearchPath = "assets/practice-search." + r.libSearch.Hex(8) + ".json"
	for _, lc := range r.lang {
		lc.libIndex = r.fingerprint("library-index").Int(indexFormat).Str(lc.lang).Num(r.practicesDigest)
		lc.libIndexPath = "assets/practices." + lc.lang + "." + lc.libIndex.Hex(8) + ".json"
	}
}

// libraryIndexTasks write the JSON index of the library in every language
// and its search file.
func (r *renderer) libraryIndexTasks() []func() error {
	tasks := []func() error{func() error {
		return r.writeJSON(r.libSearch.Sum(), r.libSearchPath, func(bool) ([]byte, error) { return search.NewIndex(r.libWords).AppendJSON(nil), nil })
	}}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		tasks = append(tasks, func() error {
			return r.writeJSON(lc.libIndex.Sum(), lc.libIndexPath, func(bool) ([]byte, error) {
				ix, err := r.libraryIndex(lc)
				if err != nil {
					return nil, err
				}
				return json.Marshal(ix)
			})
		})
	}
	return tasks
}

func (r *renderer) libraryIndex(lc *langCtx) (libraryIndex, error) {
	n := len(r.site.Practices)
	ix := libraryIndex{ID: make([]string, n), Cards: make([]string, n), Sorts: lc.libOrders}
	// The cards are written for the library's first page, where the
	// script shows them.
	first := lc.urls.practicesList()
	p := r.page(lc, "practices", first, func(lang string) string { return r.lang[lang].urls.practicesList() })
	t := r.theme.pages["practices"]
	var buf bytes.Buffer
	for i, pr := range r.site.Practices {
		buf.Reset()
		ix.ID[i] = pr.ID
		if err := t.ExecuteTemplate(&buf, "practice-card", map[string]any{"Practice": r.practiceView(pr, lc), "Page": p, "Level": 2}); err != nil {
			return ix, fmt.Errorf("theme %s: the practice card: %w", r.theme.Dir, err)
		}
		ix.Cards[i] = buf.String()
	}
	ix.Facets = indexFacets(lc.libFacets, n)
	return ix, nil
}
