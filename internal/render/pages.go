package render

import (
	"cmp"
	"html/template"

	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/markdown"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

// siteTasks renders the pages every site has: the root page, and per
// language the home page, the 404 page and the pages of the listing.
func (r *renderer) siteTasks() []func() error {
	tasks := []func() error{r.writeRoot}
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		tasks = append(tasks,
			func() error { return r.writeHome(lc) },
			func() error { return r.writeNotFound(lc) },
		)
		pages := max(1, (len(lc.order)+PageSize-1)/PageSize)
		for n := 1; n <= pages; n++ {
			tasks = append(tasks, func() error { return r.writeListingPage(lc, n, pages) })
		}
	}
	return tasks
}

// projectTasks renders the project pages, one task per project.
func (r *renderer) projectTasks() []func() error {
	tasks := make([]func() error, 0, len(r.site.Projects))
	for _, p := range r.site.Projects {
		tasks = append(tasks, func() error { return r.writeProject(p) })
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
			Lang: lang, Name: locale.Autonym(lang), URL: lc.urls.home(),
			SiteTitle: lc.siteTitle, Description: r.description(lc),
		})
	}
	p.Root = rv
	p.Description = r.description(def)
	if err := r.execute(p); err != nil {
		return err
	}
	// The root 404 page, in the default language, for servers that show
	// one 404 page for the whole site.
	nf := r.notFoundPage(def)
	nf.Path = "404.html"
	return r.execute(nf)
}

func (r *renderer) description(lc *langCtx) string {
	return cmp.Or(r.site.Config.Description[lc.lang], lc.strings["site_description"].Other)
}

func (r *renderer) writeHome(lc *langCtx) error {
	pathIn := func(lang string) string { return r.lang[lang].urls.home() }
	p := r.page(lc, "home", lc.urls.home(), pathIn)
	p.Title = lc.siteTitle
	p.Description = r.description(lc)
	p.Alternates = r.alternates(pathIn, r.site.Config.Languages)
	hv := &HomeView{Total: len(lc.order)}
	for _, proj := range lc.order[:min(6, len(lc.order))] {
		hv.Latest = append(hv.Latest, r.projectView(proj, lc))
	}
	counts := map[model.Status]int{}
	sums := map[string]model.Money{}
	themes := map[string]int{}
	for _, proj := range r.site.Projects {
		counts[proj.Period.Status(r.site.Now)]++
		if proj.Budget != nil {
			sums[proj.Budget.Currency] += proj.Budget.Total
		}
		for _, t := range proj.Themes {
			themes[t]++
		}
	}
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
			hv.Themes = append(hv.Themes, ThemeCount{TermView: *lc.term(r.site.Vocab.Get(model.VocabThemes), t.Key), Count: themes[t.Key]})
		}
	}
	p.Home = hv
	return r.execute(p)
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

func (r *renderer) writeNotFound(lc *langCtx) error { return r.execute(r.notFoundPage(lc)) }

func (r *renderer) writeListingPage(lc *langCtx, n, pages int) error {
	pathIn := func(lang string) string { return r.lang[lang].urls.projectsPage(n) }
	p := r.page(lc, "projects", lc.urls.projectsPage(n), pathIn)
	p.Title = lc.strings["projects_title"].Other
	p.Description = r.description(lc)
	p.Alternates = r.alternates(pathIn, r.site.Config.Languages)
	p.Crumbs = []Crumb{{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()}}
	lv := &ListingView{Total: len(lc.order), PageNum: n, Pages: pages}
	for _, proj := range lc.order[min((n-1)*PageSize, len(lc.order)):min(n*PageSize, len(lc.order))] {
		lv.Items = append(lv.Items, r.projectView(proj, lc))
	}
	if n > 1 {
		lv.PrevURL = lc.urls.projectsPage(n - 1)
	}
	if n < pages {
		lv.NextURL = lc.urls.projectsPage(n + 1)
	}
	if pages > 1 {
		for i := 1; i <= pages; i++ {
			lv.PageURLs = append(lv.PageURLs, PageLink{Num: i, URL: lc.urls.projectsPage(i), Current: i == n})
		}
	}
	p.Listing = lv
	return r.execute(p)
}

// writeProject renders a project's page in every language. Each body is
// rendered once, and a fallback page reuses the original's.
func (r *renderer) writeProject(proj *model.Project) error {
	files := map[string]bool{}
	for _, f := range r.site.Files[proj.ID] {
		files[f] = true
	}
	bodies := map[string]template.HTML{}
	for _, v := range proj.Versions {
		// Every project page sits at <lang>/<projects>/<id>/.
		html := r.Markdown.Render(markdown.Doc{
			Path: v.Path, Body: v.Body, Line: v.BodyLine, Files: files,
			FilePrefix: "../../../" + mediaDir(proj.ID),
		}, r.diags)
		bodies[v.Lang] = template.HTML(html) // #nosec: goldmark output; raw HTML is dropped unless the site allows it
	}
	pathIn := func(lang string) string { return r.lang[lang].urls.project(proj.ID) }
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		p := r.page(lc, "project", lc.urls.project(proj.ID), pathIn)
		pv := r.projectView(proj, lc)
		pv.Body = bodies[pv.TextLang]
		p.Project = pv
		p.Title = pv.Title.S
		p.Description = pv.Summary.S
		for i := range p.Switcher {
			p.Switcher[i].Translated = proj.HasLang(p.Switcher[i].Lang)
		}
		if pv.Fallback {
			p.Canonical = r.site.Config.Absolute(pathIn(proj.Original))
		} else {
			p.Alternates = r.alternates(pathIn, proj.Languages())
		}
		p.Crumbs = []Crumb{
			{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()},
			{Name: lc.strings["projects_title"].Other, URL: lc.urls.projectsList()},
		}
		if err := r.execute(p); err != nil {
			return err
		}
	}
	return nil
}
