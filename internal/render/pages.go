package render

import (
	"cmp"
	"html/template"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/catalog"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/facet"
	"github.com/vitrin-ssg/vitrin/internal/markdown"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

// siteTasks renders the pages every site has: the root page, and per
// language the home page, the 404 page, the accessibility statement and
// the pages of the listing.
func (r *renderer) siteTasks() []func() error {
	tasks := []func() error{r.writeRoot}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		tasks = append(tasks,
			func() error { return r.writeHome(lc) },
			func() error { return r.writeNotFound(lc) },
			func() error { return r.writeAccessibility(lc) },
		)
		pages := pageCount(len(lc.order))
		for n := 1; n <= pages; n++ {
			tasks = append(tasks, func() error { return r.writeListingPage(lc, n, pages) })
		}
	}
	return tasks
}

// projectTasks renders the project pages, one task per project.
func (r *renderer) projectTasks() []func() error {
	tasks := make([]func() error, 0, len(r.site.Projects))
	for pos, p := range r.site.Projects {
		tasks = append(tasks, func() error { return r.writeProject(p, pos) })
	}
	return tasks
}

func (r *renderer) writeRoot() error {
	def := r.lang[r.site.Config.DefaultLanguage]
	p := r.page(def, "root", "", func(lang string) string { return r.lang[lang].urls.home() })
	p.Canonical = r.site.Config.Absolute("")
	p.Alternates = r.alternates(func(lang string) string { return r.lang[lang].urls.home() }, r.site.Config.Languages)
	p.Switcher = nil
	rv := &RootView{}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		rv.Languages = append(rv.Languages, RootLanguage{
			Lang: lang, Name: r.autonym(lang), URL: lc.urls.home(),
			SiteTitle: lc.siteTitle, Description: r.description(lc),
		})
	}
	p.Root = rv
	p.Description = r.description(def)
	if err := r.executeFromFacts(p); err != nil {
		return err
	}
	// The root 404 page, in the default language, for servers that show
	// one 404 page for the whole site.
	nf := r.notFoundPage(def)
	nf.Path = "404.html"
	return r.executeFromFacts(nf)
}

func (r *renderer) description(lc *langCtx) string {
	return cmp.Or(r.site.Config.Description[lc.lang], lc.strings["site_description"].Other)
}

func (r *renderer) writeHome(lc *langCtx) error {
	// The home page shows the totals (which the facets are made from),
	// the newest projects and the practices.
	fp := r.fingerprint("home").Str(lc.lang).Num(r.facetsDigest).Int(len(lc.order))
	for _, pos := range lc.order[:min(6, len(lc.order))] {
		fp.Num(r.cardDigests[pos])
	}
	for _, pr := range r.site.Practices {
		fp.Str(pr.ID).Num(r.practiceDigests[pr.ID])
	}
	if r.reuse(fp.Sum(), outputFile(lc.urls.home())) {
		return nil
	}
	pathIn := func(lang string) string { return r.lang[lang].urls.home() }
	p := r.page(lc, "home", lc.urls.home(), pathIn)
	p.Title = lc.siteTitle
	p.Description = r.description(lc)
	p.Alternates = r.alternates(pathIn, r.site.Config.Languages)
	hv := &HomeView{Total: len(lc.order), PracticesTotal: len(r.site.Practices)}
	for _, pos := range lc.order[:min(6, len(lc.order))] {
		hv.Latest = append(hv.Latest, lc.cards[pos])
	}
	for _, pr := range r.homePractices(lc) {
		hv.Practices = append(hv.Practices, r.practiceView(pr, lc))
	}
	counts, sums, themes := r.totals.status, r.totals.budgets, r.totals.themes
	for _, st := range model.Statuses() {
		hv.ByStatus = append(hv.ByStatus, StatusCount{Status: string(st), Label: lc.strings["status_"+string(st)].Other, Count: counts[st]})
	}
	for _, cur := range model.Currencies() {
		if sums[cur] > 0 {
			hv.Budgets = append(hv.Budgets, lc.loc.Money(int64(sums[cur]), cur))
		}
	}
	for _, t := range r.site.Vocab.Get(model.VocabThemes).Terms {
		if themes[t.Key] > 0 {
			tv := lc.linkTerm(facet.Theme, lc.term(r.site.Vocab.Get(model.VocabThemes), t.Key))
			hv.Themes = append(hv.Themes, ThemeCount{TermView: *tv, Count: themes[t.Key]})
		}
	}
	p.Home = hv
	return r.execute(p)
}

// totals are the figures of the whole catalogue the home pages show.
type totals struct {
	status  map[model.Status]int
	budgets map[string]model.Money // by currency
	themes  map[string]int
}

func (r *renderer) makeTotals() {
	r.totals = r.cache.totals.get(r.facetsDigest, r.countTotals)
}

func (r *renderer) countTotals() totals {
	t := totals{status: map[model.Status]int{}, budgets: map[string]model.Money{}, themes: map[string]int{}}
	for _, proj := range r.site.Projects {
		t.status[proj.Period.Status(r.site.Now)]++
		if proj.Budget != nil {
			t.budgets[proj.Budget.Currency] += proj.Budget.Total
		}
		for _, th := range proj.Themes {
			t.themes[th]++
		}
	}
	return t
}

func (r *renderer) notFoundPage(lc *langCtx) *Page {
	pathIn := func(lang string) string { return r.lang[lang].urls.notFound() }
	p := r.page(lc, "notfound", lc.urls.notFound(), pathIn)
	p.Title = lc.strings["notfound_title"].Other
	p.Canonical = ""
	p.NoIndex = true
	p.absolute = true
	return p
}

func (r *renderer) writeNotFound(lc *langCtx) error { return r.executeFromFacts(r.notFoundPage(lc)) }

// listPage returns page n of a listing of projects (positions in
// site.Projects, in order) with its pagination. pathIn gives the address of
// page n of the listing in a language.
func (r *renderer) listPage(lc *langCtx, kind string, list []int, n, pages int, pathIn func(lang string, n int) string) (*Page, *ListingView) {
	here := func(lang string) string { return pathIn(lang, n) }
	p := r.page(lc, kind, here(lc.lang), here)
	p.Description = r.description(lc)
	p.Alternates = r.alternates(here, r.site.Config.Languages)
	p.Crumbs = []Crumb{{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()}}
	lv := &ListingView{Total: len(list), Pager: pager(n, pages, func(i int) string { return pathIn(lc.lang, i) })}
	for _, pos := range pageOf(list, n) {
		lv.Items = append(lv.Items, lc.cards[pos])
	}
	p.Listing = lv
	return p, lv
}

func (r *renderer) writeListingPage(lc *langCtx, n, pages int) error {
	// The first page also counts every facet value and links the
	// listing's JSON files.
	fp := r.listFingerprint("listing", lc, lc.order, n, pages)
	if n == 1 {
		fp.Num(r.facetsDigest).Str(lc.indexPath).Str(r.searchPath)
	}
	if r.reuse(fp.Sum(), outputFile(lc.urls.projectsPage(n))) {
		return nil
	}
	p, lv := r.listPage(lc, "projects", lc.order, n, pages, func(lang string, n int) string { return r.lang[lang].urls.projectsPage(n) })
	p.Title = lc.strings["projects_title"].Other
	if n == 1 {
		// The first page is where visitors filter: it links every facet
		// value's page, and the listing script filters it in place.
		lv.Facets = lc.facetViews()
		for _, key := range sortKeys() {
			lv.Sorts = append(lv.Sorts, SortView{Key: key, Label: lc.strings["sort_"+key].Other})
		}
		lv.IndexURL, lv.SearchURL = lc.indexPath, r.searchPath
		lv.FiltersHeading, lv.BrowseHeading = lc.strings["filters_heading"].Other, lc.strings["browse_heading"].Other
		lv.SearchLabel, lv.Hint = lc.strings["search_label"].Other, lc.strings["search_hint"].Other
		lv.Card = r.cardPattern(lc)
		count := lc.strings["projects_count"]
		lv.CountOne, lv.CountOther = cmp.Or(count.One, count.Other), count.Other
		lv.PageOf = lc.strings["page_of"].Other
		lv.NumberSep = strings.Trim(lc.loc.Integer(1000), "01")
		return r.executeLazy(p)
	}
	return r.execute(p)
}

// pageOf returns the items of page n (from 1) of a listing.
func pageOf[T any](items []T, n int) []T {
	return items[min((n-1)*PageSize, len(items)):min(n*PageSize, len(items))]
}

// pageCount returns how many pages a listing of n items has: at least one.
func pageCount(n int) int { return max(1, (n+PageSize-1)/PageSize) }

// writeProject renders a project's page in every language, from its whole
// view with the body and the Pagefind values added. pos is the project's place
// in site.Projects.
func (r *renderer) writeProject(proj *model.Project, pos int) error {
	return r.writeFolder(folderPage{
		folder: &proj.Folder, kind: "project", files: r.site.Files[proj.ID], media: mediaDir(proj.ID), digest: r.pageDigests[pos],
		pathIn:    func(lang string) string { return r.lang[lang].urls.project(proj.ID) },
		listTitle: "projects_title", listURL: urls.projectsList,
		fill: func(p *Page, lc *langCtx, body template.HTML) (title, summary Txt) {
			pv := new(ProjectView)
			// A copy: the card's view and its details may be shared.
			*pv = *r.fullView(lc, pos)
			details := *pv.ProjectDetails
			pv.ProjectDetails = &details
			pv.Body = body
			pv.PagefindFilters, pv.PagefindSorts, pv.PagefindMeta = r.pagefindTags(lc, pos)
			if r.theme.builtin[p.Kind] == nil { // the Go layout writes them itself
				pv.PagefindHTML = pagefindHTML(pv.PagefindFilters, pv.PagefindSorts, pv.PagefindMeta)
			}
			p.Project = pv
			return pv.Title, pv.Summary
		},
	})
}

// bodies returns the Markdown bodies of a folder's versions, in their
// order, read again from the files when the catalogue let them go (see
// catalog.Cache.LetBodiesGo). A file that cannot be read, or changed
// since the catalogue read it, is reported, and bodies returns false.
func (r *renderer) bodies(f *model.Folder) ([][]byte, bool) {
	out := make([][]byte, len(f.Versions))
	ok := true
	for i, v := range f.Versions {
		b, err := catalog.Body(r.Source, v)
		if err != nil {
			r.diags.Addf(diag.Pos{File: v.Path}, "", "build the site again once the file is saved", "%v", err)
			ok = false
		}
		out[i] = b
	}
	return out, ok
}

// folderPage says how to render the page of a project or practice.
type folderPage struct {
	folder *model.Folder
	digest uint64   // what the pages are made from besides the site
	kind   string   // the page kind
	files  []string // the other files of the folder
	media  string   // where they are published
	// headingShift moves the body's headings down, for a body shown
	// inside a section of the page.
	headingShift int
	pathIn       func(lang string) string
	// listTitle is the UI string naming the listing the page belongs to,
	// and listURL gives its address: the last step of the breadcrumbs.
	listTitle string
	listURL   func(urls) string
	// fill gives the page its view and returns its title and summary;
	// body is the Markdown body in the language of the text shown.
	fill func(p *Page, lc *langCtx, body template.HTML) (title, summary Txt)
}

// writeFolder renders the page of a project or practice in every language
// of the site. Each body is rendered once. Where the folder is not written
// in a language, the page is a fallback: it shows the original's text,
// its canonical link points at the original and it claims no hreflang
// alternates.
func (r *renderer) writeFolder(fp folderPage) error {
	f := fp.folder
	names := make([]string, 0, len(r.site.Config.Languages))
	for _, lang := range r.site.Config.Languages {
		names = append(names, outputFile(fp.pathIn(lang)))
	}
	if r.reuse(r.fingerprint(fp.kind).Str(f.ID).Num(fp.digest).Sum(), names...) {
		return nil
	}
	files := map[string]bool{}
	for _, name := range fp.files {
		files[name] = true
	}
	sources, ok := r.bodies(f)
	if !ok {
		return nil // reported; the build fails
	}
	bodies := map[string]template.HTML{}
	for i, v := range f.Versions {
		// Every such page sits at <lang>/<segment>/<id>/.
		html := r.Markdown.Render(markdown.Doc{
			Path: v.Path, Body: sources[i], Line: v.BodyLine, Files: files,
			FilePrefix: "../../../" + fp.media, FileURL: r.site.Config.Absolute(fp.media), HeadingShift: fp.headingShift,
		}, r.diags)
		bodies[v.Lang] = template.HTML(html) // #nosec: goldmark output; raw HTML is dropped unless the site allows it
	}
	if r.Once {
		for i := range f.Versions {
			f.Versions[i].Body = nil // rendered: nothing else reads it
		}
	}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		p := r.page(lc, fp.kind, fp.pathIn(lang), fp.pathIn)
		textLang := lang
		if !f.HasLang(lang) {
			textLang = f.Original
		}
		title, summary := fp.fill(p, lc, bodies[textLang])
		p.Title, p.Description = title.S, summary.S
		p.Crumbs = []Crumb{
			{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()},
			{Name: lc.strings[fp.listTitle].Other, URL: fp.listURL(lc.urls)},
		}
		for i := range p.Switcher {
			p.Switcher[i].Translated = f.HasLang(p.Switcher[i].Lang)
		}
		if f.HasLang(lang) {
			p.Alternates = r.alternates(fp.pathIn, f.Languages())
		} else {
			p.Canonical = r.site.Config.Absolute(fp.pathIn(f.Original))
		}
		if err := r.execute(p); err != nil {
			return err
		}
	}
	return nil
}
