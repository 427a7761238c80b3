// Package render turns a catalog.Site into the files of the site: every
// page in every language from the theme's layouts, the project media, the
// theme's static files, catalog.json, sitemap.xml and robots.txt. Pages are
// rendered in parallel and handed to a publish.Sink as they are done.
package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"html/template"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/vitrin-ssg/vitrin/internal/catalog"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/markdown"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"golang.org/x/text/collate"
)

// PageSize is the number of projects on a page of a listing.
const PageSize = 30

// Options say what to render and where to.
type Options struct {
	Site     *catalog.Site
	Theme    *Theme
	Markdown *markdown.Renderer
	Source   fs.FS // the site folder, for project media and static/
	Sink     publish.Sink
	Workers  int // 0 means one per CPU
}

// Stats counts what Render wrote.
type Stats struct {
	Pages int // HTML pages
	Files int // every file, pages included
}

// langCtx is what the pages of one language share.
type langCtx struct {
	lang      string
	loc       *locale.Locale
	strings   map[string]Message
	urls      urls
	siteTitle string
	// order is the projects in the listing's order: newest start first,
	// then by title in the language's alphabetical order.
	order []*model.Project
}

type mediaFile struct {
	size          int64
	width, height int
}

type renderer struct {
	Options
	site  *catalog.Site
	theme *Theme
	lang  map[string]*langCtx
	media map[string]map[string]*mediaFile // project id → file name → info
	diags *diag.List
	pages atomic.Int64
	files atomic.Int64
}

// Render writes the whole site to o.Sink. Problems with content (a missing
// image in a body, a project id that collides with a page) are added to
// diags; the error is for failures to render or write.
func Render(ctx context.Context, o Options, diags *diag.List) (Stats, error) {
	r := &renderer{Options: o, site: o.Site, theme: o.Theme, lang: map[string]*langCtx{},
		media: map[string]map[string]*mediaFile{}, diags: diags}
	if r.Workers <= 0 {
		r.Workers = runtime.GOMAXPROCS(0)
	}
	for _, lang := range r.site.Config.Languages {
		loc, err := locale.New(lang)
		if err != nil {
			return Stats{}, err
		}
		strs := r.theme.strings[lang]
		lc := &langCtx{lang: lang, loc: loc, strings: strs,
			urls: urls{lang: lang, projects: strs["url_projects"].Other, page: strs["url_page"].Other}}
		lc.siteTitle = cmp.Or(r.site.Config.Title[lang], strs["site_title"].Other)
		if lc.urls.projects == "" || lc.urls.page == "" || model.CheckSlug(lc.urls.projects) != nil || model.CheckSlug(lc.urls.page) != nil {
			return Stats{}, fmt.Errorf("theme %s: url_projects and url_page in i18n/%s.yaml must be URL segments such as hankkeet", r.theme.Dir, lang)
		}
		r.lang[lang] = lc
	}
	r.checkReserved()
	if err := r.loadMedia(); err != nil {
		return Stats{}, err
	}
	r.sortProjects()

	// Everything but the project pages is a handful of files; the project
	// pages are rendered by a pool of workers, one task per project.
	tasks := []func() error{r.writeStatic, r.writeRoot, r.writeCatalog, r.writeSitemap, r.writeRobots}
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
	for _, p := range r.site.Projects {
		tasks = append(tasks, func() error { return r.writeProject(p) })
	}
	if err := r.run(ctx, tasks); err != nil {
		return Stats{}, err
	}
	return Stats{Pages: int(r.pages.Load()), Files: int(r.files.Load())}, nil
}

// run runs tasks on the worker pool and returns the first error.
func (r *renderer) run(ctx context.Context, tasks []func() error) error {
	next := make(chan func() error)
	var wg sync.WaitGroup
	var first error
	var once sync.Once
	failed := make(chan struct{})
	for range r.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for t := range next {
				if err := t(); err != nil {
					once.Do(func() { first = err; close(failed) })
				}
			}
		}()
	}
loop:
	for _, t := range tasks {
		select {
		case next <- t:
		case <-failed:
			break loop
		case <-ctx.Done():
			break loop
		}
	}
	close(next)
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// checkReserved reports project ids that a listing page uses.
func (r *renderer) checkReserved() {
	for _, p := range r.site.Projects {
		for _, lang := range r.site.Config.Languages {
			if slices.Contains(r.lang[lang].urls.reserved(), p.ID) {
				r.diags.Addf(diag.Pos{File: p.Dir}, "", "rename the folder",
					"the project id %q is the address of a listing page in %s", p.ID, lang)
			}
		}
	}
}

// sortProjects orders each language's listing.
func (r *renderer) sortProjects() {
	var wg sync.WaitGroup
	for _, lc := range r.lang {
		wg.Add(1)
		go func() {
			defer wg.Done()
			col := lc.loc.NewCollator()
			var buf collate.Buffer
			keys := make(map[*model.Project][]byte, len(r.site.Projects))
			for _, p := range r.site.Projects {
				t, _ := p.Title.In(lc.lang)
				keys[p] = slices.Clone(col.KeyFromString(&buf, t))
				buf.Reset()
			}
			order := slices.Clone(r.site.Projects)
			slices.SortStableFunc(order, func(a, b *model.Project) int {
				return cmp.Or(
					-a.Period.Start.First().Compare(b.Period.Start.First()),
					bytes.Compare(keys[a], keys[b]),
					cmp.Compare(a.ID, b.ID),
				)
			})
			lc.order = order
		}()
	}
	wg.Wait()
}

// page returns a Page of a language with its language switcher.
func (r *renderer) page(lc *langCtx, kind, sitePath string, pathIn func(lang string) string) *Page {
	p := &Page{r: r, lc: lc, Kind: kind, Lang: lc.lang, Path: sitePath, Canonical: r.site.Config.Absolute(sitePath)}
	for _, lang := range r.site.Config.Languages {
		p.Switcher = append(p.Switcher, SwitchLink{Lang: lang, Name: locale.Autonym(lang), URL: pathIn(lang), Current: lang == lc.lang, Translated: true})
	}
	return p
}

// alternates returns hreflang links to a page in every language plus
// x-default, the default language.
func (r *renderer) alternates(pathIn func(lang string) string, langs []string) []Alternate {
	var out []Alternate
	for _, lang := range langs {
		out = append(out, Alternate{Lang: lang, URL: r.site.Config.Absolute(pathIn(lang))})
	}
	def := r.site.Config.DefaultLanguage
	if !slices.Contains(langs, def) {
		def = langs[0]
	}
	return append(out, Alternate{Lang: "x-default", URL: r.site.Config.Absolute(pathIn(def))})
}

// execute renders a page with its kind's layout and writes it.
func (r *renderer) execute(p *Page) error {
	t := r.theme.pages[p.Kind]
	if t == nil {
		return fmt.Errorf("the theme has no layout for %s pages", p.Kind)
	}
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if err := t.ExecuteTemplate(&buf, "base", p); err != nil {
		return fmt.Errorf("theme %s: rendering %s: %w", r.theme.Dir, outputFile(p.Path), err)
	}
	r.pages.Add(1)
	return r.write(outputFile(p.Path), buf.Bytes())
}

func (r *renderer) write(name string, data []byte) error {
	r.files.Add(1)
	if err := r.Sink.Write(name, data); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
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

// writeStatic copies the theme's static files and the site's static/
// folder.
func (r *renderer) writeStatic() error {
	for _, name := range r.theme.static {
		b, err := fs.ReadFile(r.theme.fsys, "static/"+name)
		if err != nil {
			return err
		}
		if err := r.write(r.theme.assets[name], b); err != nil {
			return err
		}
	}
	names, err := listFiles(r.Source, "static")
	if err != nil {
		return err
	}
	for _, name := range names {
		b, err := fs.ReadFile(r.Source, "static/"+name)
		if err != nil {
			return err
		}
		if err := r.write(name, b); err != nil {
			return err
		}
	}
	for _, proj := range r.site.Projects {
		for _, name := range r.site.Files[proj.ID] {
			b, err := fs.ReadFile(r.Source, path.Join(proj.Dir, name))
			if err != nil {
				return err
			}
			if err := r.write(mediaDir(proj.ID)+name, b); err != nil {
				return err
			}
		}
	}
	return nil
}

func (r *renderer) writeRobots() error {
	body := "User-agent: *\nAllow: /\n\nSitemap: " + r.site.Config.Absolute("sitemap.xml") + "\n"
	return r.write("robots.txt", []byte(body))
}
