// Package render turns a catalog.Site into the files of the site: every
// page in every language from the theme's layouts, the media of projects
// and practices, the theme's static files, catalog.json, sitemap.xml and
// robots.txt. Pages are
// rendered in parallel and handed to a publish.Sink as they are done.
package render

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/catalog"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/facet"
	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/markdown"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/search"
)

// PageSize is the number of projects or practices on a page of a listing.
const PageSize = 30

// Options say what to render and where to.
type Options struct {
	Site     *catalog.Site
	Theme    *Theme
	Markdown *markdown.Renderer
	Source   fs.FS // the site folder, for media and static/
	Sink     publish.Sink
	Workers  int // 0 means one per CPU
	// Cache carries fingerprints and views from the previous build of the
	// site, so that pages whose inputs did not change are kept (when the
	// sink is a publish.Keeper) instead of rendered. Nil means no previous
	// build.
	Cache *Cache
	// Once says this is the site's only build (a Builder's builds are
	// not): the Markdown bodies of a project or practice are let go when
	// its pages are written, and the search words when the search file
	// is, so that a national catalogue does not hold them all to the end.
	// The Site's bodies are then gone.
	Once bool
	// Inputs is a digest of every input file besides the project and
	// practice folders: configuration, theme, vocabularies, static files.
	// Every page depends on it.
	Inputs uint64
}

// Stats counts what Render wrote.
type Stats struct {
	Pages    int // HTML pages
	Files    int // every file, pages included
	Rendered int // pages rendered; the others were kept from the previous build
}

// langCtx is what the pages of one language share.
type langCtx struct {
	lang string
	loc  *locale.Locale
	// langNames holds the names of the site's languages in this one
	// ("ruotsi"), which every project and practice view shows.
	langNames map[string]string
	strings   map[string]Message
	urls      urls
	siteTitle string
	// orders holds every order of the listing (sortKeys) as positions in
	// site.Projects; order is the default one, newest start first, and
	// rank gives each project's place in it.
	orders    map[string][]int
	order     []int
	rank      []int
	titleKeys [][]byte       // per project: its title's collation key
	cards     []*ProjectView // per project: its card
	// valueLists holds per facet, per value, the projects that have it in
	// the listing's order.
	valueLists   map[string][][]int // by facet key
	ordersDigest uint64             // what the orders are made from
	segments     map[string]string
	facets       []*langFacet
	facetByKey   map[string]*langFacet
	index        *digest.Hash // what the JSON index of the listing is made from
	indexPath    string
	// library is the practices in the library's order: by title in the
	// language's alphabetical order.
	library []*model.Practice
	// The library's facets: their URL segments, as the language names
	// them, the practices of each value in the library's order (by facet
	// key), the orders (positions in site.Practices, by sort key), and
	// the JSON index.
	libSegments  map[string]string
	libFacets    []*langFacet
	libByKey     map[string]*langFacet
	libLists     map[string][][]int
	libOrders    map[string][]int
	libIndex     *digest.Hash
	libIndexPath string
}

type mediaFile struct {
	size          int64
	width, height int
}

type renderer struct {
	Options
	// autonyms holds each site language's name in itself ("suomi"), for
	// the language switch of every page.
	autonyms   map[string]string
	site       *catalog.Site
	theme      *Theme
	lang       map[string]*langCtx
	facets     *facet.Set
	library    *facet.Set   // the facets of the library of good practices
	searchFile *digest.Hash // what the search file is made from
	searchPath string
	media      map[string]map[string]*mediaFile // media dir → file name → info
	diags      *diag.List
	parts      publish.PartWriter // the sink, when it prepares parts
	pages      atomic.Int64
	files      atomic.Int64
	kept       atomic.Int64 // pages kept from the previous build
	bufs       sync.Pool    // *bytes.Buffer of pages the sink is done with

	cache  *Cache
	global uint64 // the fingerprint of what every page depends on
	// cardDigests holds, per project, what its card and page are made
	// from; practiceDigests the same per practice id.
	cardDigests     []uint64
	pageDigests     []uint64 // per project: what its pages are made from
	practiceDigests map[string]uint64
	// practicesDigest is what the library's pages and indexes are made
	// from: every practice with the funders and places of its projects.
	// Other facts of a project do not change them.
	practicesDigest uint64
	words           []string // per project: its search words, unless searchIndex has them
	// searchIndex has the search words of a one-off build (Once), which
	// go to it as they are found (indexWords).
	searchIndex   *search.IndexBuilder
	libWords      []string // per practice: its search words
	libSearch     *digest.Hash
	libSearchPath string
	totals        totals
	facetsDigest  uint64 // what the facets are made from
	facts         uint64 // the key of every fact (factsKey)
}

// Render writes the whole site to o.Sink. Problems with content (a missing
// image in a body, a project id that collides with a page) are added to
// diags; the error is for failures to render or write.
func Render(ctx context.Context, o Options, diags *diag.List) (Stats, error) {
	r := &renderer{Options: o, site: o.Site, theme: o.Theme, lang: map[string]*langCtx{},
		media: map[string]map[string]*mediaFile{}, diags: diags, cache: o.Cache}
	if r.Workers <= 0 {
		r.Workers = runtime.GOMAXPROCS(0)
	}
	r.parts, _ = o.Sink.(publish.PartWriter)
	if r.cache == nil {
		r.cache = NewCache()
	}
	r.cache.begin()
	done := false
	defer func() {
		// What a failed build rendered is not what the sink will keep.
		if done && diags.Len() == 0 {
			r.cache.commit()
		} else {
			r.cache.abort()
		}
	}()
	r.autonyms = map[string]string{}
	for _, lang := range r.site.Config.Languages {
		r.autonyms[lang] = locale.Autonym(lang)
		loc, err := locale.New(lang)
		if err != nil {
			return Stats{}, err
		}
		strs := r.theme.strings[lang]
		lc := &langCtx{lang: lang, loc: loc, strings: strs,
			urls: urls{lang: lang, projects: strs["url_projects"].Other, practices: strs["url_practices"].Other, page: strs["url_page"].Other, a11y: strs["url_accessibility"].Other}}
		lc.siteTitle = cmp.Or(r.site.Config.Title[lang], strs["site_title"].Other)
		segs := []string{lc.urls.projects, lc.urls.practices, lc.urls.page, lc.urls.a11y}
		distinct := []string{lc.urls.projects, lc.urls.practices, lc.urls.a11y} // the folders under <lang>/
		if slices.ContainsFunc(segs, func(s string) bool { return model.CheckSlug(s) != nil }) || len(slices.Compact(slices.Sorted(slices.Values(distinct)))) != len(distinct) {
			return Stats{}, fmt.Errorf("theme %s: url_projects, url_practices, url_accessibility and url_page in i18n/%s.yaml must be URL segments such as hankkeet, the first three different", r.theme.Dir, lang)
		}
		if err := r.facetSegments(lc); err != nil {
			return Stats{}, err
		}
		if err := r.librarySegments(lc); err != nil {
			return Stats{}, err
		}
		lc.langNames = map[string]string{}
		for _, other := range r.site.Config.Languages {
			lc.langNames[other] = loc.LanguageName(other)
		}
		r.lang[lang] = lc
	}
	r.checkReserved()
	if err := r.loadMedia(); err != nil {
		return Stats{}, err
	}
	r.facts = r.factsKey()
	r.sortProjects()
	if err := r.setupFacets(); err != nil {
		return Stats{}, err
	}
	if err := r.setupLibrary(); err != nil {
		return Stats{}, err
	}
	r.makeDigests()
	r.global = r.globalDigest()
	r.cache.views(r.global)
	r.makeCards()
	r.makeWords()
	r.makeLibraryFiles()
	r.makeTotals()

	state := &buildState{facts: r.facts, global: r.global, pages: make(map[string]uint64, len(r.site.Projects)+len(r.site.Practices))}
	for i, p := range r.site.Projects {
		state.pages["p/"+p.ID] = r.pageDigests[i]
	}
	for _, pr := range r.site.Practices {
		state.pages["k/"+pr.ID] = r.practiceDigests[pr.ID]
	}
	state.named = []string{r.searchPath, r.libSearchPath}
	for _, lang := range r.site.Config.Languages {
		state.named = append(state.named, r.lang[lang].indexPath, r.lang[lang].libIndexPath)
	}
	tasks, quick := r.quickTasks(state)
	if !quick {
		tasks = r.tasks()
	}
	if err := r.run(ctx, tasks); err != nil {
		return Stats{}, err
	}
	done = true
	kept := int(r.kept.Load())
	state.stats = Stats{Pages: int(r.pages.Load()) + kept, Files: int(r.files.Load()) + kept, Rendered: int(r.pages.Load())}
	if quick {
		// The pages carried over are the last build's.
		last := r.cache.last.stats
		state.stats = Stats{Pages: last.Pages, Files: last.Files, Rendered: int(r.pages.Load())}
	}
	r.cache.next = state
	return state.stats, nil
}

// quickTasks returns, when no fact changed since the last good build (the
// same facts key and global digest, so the same pages with the same
// listings, facets and cards) and the sink can carry the last build's
// files over, the tasks that remain: the pages of the projects and
// practices whose text changed, and the files made from every text (the
// search index and what links it). The sink then holds everything else
// as it was. Otherwise it returns false and the whole site is rendered,
// each page checking its own fingerprint.
func (r *renderer) quickTasks(state *buildState) ([]func() error, bool) {
	last := r.cache.last
	carrier, ok := r.Sink.(publish.Carrier)
	if !ok || last == nil || last.facts != state.facts || last.global != state.global || len(last.pages) != len(state.pages) {
		return nil, false
	}
	carrier.Carry()
	for _, name := range last.named {
		if !slices.Contains(state.named, name) {
			carrier.Drop(name)
		}
	}
	tasks := []func() error{r.writeStatic, r.writeCatalog, r.writeSitemap, r.writeRobots}
	tasks = append(tasks, r.indexTasks()...)
	tasks = append(tasks, r.libraryIndexTasks()...)
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		pages := pageCount(len(lc.order))
		tasks = append(tasks, func() error { return r.writeListingPage(lc, 1, pages) })
		// The library's first page links its search file, named after
		// the practices' texts.
		libPages := pageCount(len(lc.library))
		tasks = append(tasks, func() error { return r.writeLibraryPage(lc, 1, libPages) })
	}
	for pos, p := range r.site.Projects {
		if last.pages["p/"+p.ID] != state.pages["p/"+p.ID] {
			tasks = append(tasks, func() error { return r.writeProject(p, pos) })
		}
	}
	for _, pr := range r.site.Practices {
		if last.pages["k/"+pr.ID] != state.pages["k/"+pr.ID] {
			tasks = append(tasks, func() error { return r.writePractice(pr) })
		}
	}
	return tasks, true
}

// globalDigest is what every page is made from: the input files other
// than the folders, the build date and the site's address, and the
// facets' values and their addresses, which any page may link.
func (r *renderer) globalDigest() uint64 {
	h := digest.New("site").Num(r.Inputs).Str(r.site.Now.Format(time.RFC3339Nano)).Str(r.site.Config.BaseURL.String())
	for _, lang := range r.site.Config.Languages {
		h.Str(lang)
		for _, lf := range r.lang[lang].facets {
			h.Str(lf.f.Key).Int(len(lf.slugs))
			for i, slug := range lf.slugs {
				h.Str(lf.f.Values[i].Key).Str(slug).Str(lf.labels[i])
			}
		}
	}
	return h.Sum()
}

// tasks lists every piece of work of a build. Each family of pages adds
// its own; the pool runs them in any order.
func (r *renderer) tasks() []func() error {
	tasks := []func() error{r.writeStatic, r.writeRobots, sequence(r.dataTasks())}
	tasks = append(tasks, r.siteTasks()...)
	tasks = append(tasks, r.projectTasks()...)
	tasks = append(tasks, r.facetTasks()...)
	tasks = append(tasks, r.practiceTasks()...)
	tasks = append(tasks, r.libraryFacetTasks()...)
	return tasks
}

// dataTasks write the files made from the whole catalogue: the search
// and listing indexes, catalog.json and the sitemap. The search file
// comes first: the words it is made from are held until it is made.
func (r *renderer) dataTasks() []func() error {
	tasks := r.indexTasks()
	tasks = append(tasks, r.writeCatalog, r.writeSitemap)
	return append(tasks, r.libraryIndexTasks()...)
}

// sequence returns one task that runs tasks one after another. Each data
// file holds a copy of the whole catalogue while it is made, in structs,
// in JSON and minified: made one at a time on one worker, while the other
// workers render pages, they need the memory of the largest, not of all
// of them together.
func sequence(tasks []func() error) func() error {
	return func() error {
		for _, t := range tasks {
			if err := t(); err != nil {
				return err
			}
		}
		return nil
	}
}

// run runs tasks on the worker pool and returns the first error. Workers
// take the next task by an atomic counter: most tasks of a rebuild find
// their page unchanged and return at once, so a hand-off through a
// channel would cost more than the task.
func (r *renderer) run(ctx context.Context, tasks []func() error) error {
	var next atomic.Int64
	var wg sync.WaitGroup
	var first error
	var once sync.Once
	var stop atomic.Bool
	for range r.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				i := int(next.Add(1)) - 1
				if i >= len(tasks) {
					return
				}
				if i%256 == 0 && ctx.Err() != nil {
					stop.Store(true)
					return
				}
				if err := tasks[i](); err != nil {
					once.Do(func() { first = err })
					stop.Store(true)
				}
			}
		}()
	}
	wg.Wait()
	if first != nil {
		return first
	}
	return ctx.Err()
}

// checkReserved reports project and practice ids that other pages use:
// the pagination of the listing and the library, and the facets' pages
// under the projects folder.
func (r *renderer) checkReserved() {
	facetOf := map[string]map[string]string{} // language → segment → facet key
	libOf := map[string]map[string]string{}   // the same in the library
	for _, lang := range r.site.Config.Languages {
		facetOf[lang], libOf[lang] = map[string]string{}, map[string]string{}
		for _, key := range facet.Keys() {
			facetOf[lang][r.lang[lang].segments[key]] = key
		}
		for _, key := range facet.PracticeKeys() {
			libOf[lang][r.lang[lang].libSegments[key]] = key
		}
	}
	check := func(f *model.Folder, kind string) {
		for _, lang := range r.site.Config.Languages {
			lc := r.lang[lang]
			if f.ID == lc.urls.page {
				second := lc.urls.projectsPage(2)
				if kind == "practice" {
					second = lc.urls.practicesPage(2)
				}
				r.diags.Addf(diag.Pos{File: f.Dir}, "", "rename the folder",
					"the %s id %q is the address of a listing's pages in %s (%s)", kind, f.ID, lang, second)
			}
			if kind != "project" {
				if key, ok := libOf[lang][f.ID]; ok {
					r.diags.Addf(diag.Pos{File: f.Dir}, "", "rename the folder",
						"the practice id %q is the address of the library's pages of the facet %q in %s (%s%s/)",
						f.ID, lc.strings["facet_"+key].Other, lang, lc.urls.practicesList(), f.ID)
				}
				continue
			}
			if key, ok := facetOf[lang][f.ID]; ok {
				r.diags.Addf(diag.Pos{File: f.Dir}, "", "rename the folder",
					"the project id %q is the address of the pages of the facet %q in %s (%s%s/)",
					f.ID, lc.strings["facet_"+key].Other, lang, lc.urls.projectsList(), f.ID)
			}
		}
	}
	for _, p := range r.site.Projects {
		check(&p.Folder, "project")
	}
	for _, p := range r.site.Practices {
		check(&p.Folder, "practice")
	}
}

// page returns a Page of a language with its language switcher.
func (r *renderer) page(lc *langCtx, kind, sitePath string, pathIn func(lang string) string) *Page {
	p := &Page{r: r, lc: lc, Kind: kind, Lang: lc.lang, Path: sitePath, Canonical: r.site.Config.Absolute(sitePath)}
	for _, lang := range r.site.Config.Languages {
		p.Switcher = append(p.Switcher, SwitchLink{Lang: lang, Name: r.autonym(lang), URL: pathIn(lang), Current: lang == lc.lang, Translated: true})
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

// execute renders a page with its kind's layout and writes it. When the
// sink is done with the bytes once it returns (a production build's
// minifier, a folder), the page's buffer serves the next page: a build
// renders gigabytes, and growing fresh buffers cost a tenth of its time.
func (r *renderer) execute(p *Page) error {
	buf, _ := r.bufs.Get().(*bytes.Buffer)
	if buf == nil {
		buf = bytes.NewBuffer(make([]byte, 0, 32<<10))
	}
	buf.Reset()
	var parts []string
	if r.parts != nil {
		p.parts = &parts
	}
	minified, err := r.renderInto(buf, p)
	if err != nil {
		return err
	}
	r.pages.Add(1)
	err = r.writeParts(outputFile(p.Path), buf.Bytes(), parts, minified)
	if b, ok := r.Sink.(publish.Borrower); ok && b.Borrows() {
		r.bufs.Put(buf)
	}
	return err
}

// executeFromFacts renders a page that is made from the site's facts
// alone, not from any body (the root, 404, accessibility and library
// pages), unless the sink kept it from a build with the same facts.
func (r *renderer) executeFromFacts(p *Page) error {
	if r.reuse(r.fingerprint(p.Kind).Num(r.facts).Str(p.Path).Sum(), outputFile(p.Path)) {
		return nil
	}
	return r.execute(p)
}

// executeLazy hands a page to the sink to be rendered when it is first
// read, when the sink allows: the development server renders the large
// pages that change with any edit (the first page of the listing) only
// when a browser asks for them.
func (r *renderer) executeLazy(p *Page) error {
	if r.parts != nil {
		return r.execute(p) // a sink that takes parts renders at once
	}
	if r.theme.pages[p.Kind] == nil {
		return fmt.Errorf("the theme has no layout for %s pages", p.Kind)
	}
	r.pages.Add(1)
	r.files.Add(1)
	name := outputFile(p.Path)
	if err := publish.WriteLazy(r.Sink, name, func() ([]byte, error) { return r.renderPage(p) }); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

// renderPage renders a page into bytes of its own.
func (r *renderer) renderPage(p *Page) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(16 << 10)
	if _, err := r.renderInto(&buf, p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// renderInto renders a page into buf.
//
// When the sink minifies and the page's kind is written in Go, the page
// is written minified already (htmlWriter.min), and minified is true; a
// page with a value the minifier would have written otherwise is
// rendered again as the template would, for the minifier.
func (r *renderer) renderInto(buf *bytes.Buffer, p *Page) (minified bool, err error) {
	if page := r.theme.builtin[p.Kind]; page != nil {
		w := htmlWriter{b: buf}
		start, nparts := buf.Len(), 0
		if r.parts != nil && p.parts != nil {
			w.min, nparts = r.parts, len(*p.parts)
		}
		page(&w, p)
		if w.min != nil && w.changed && w.err == nil {
			buf.Truncate(start)
			*p.parts = (*p.parts)[:nparts]
			w = htmlWriter{b: buf}
			page(&w, p)
		}
		minified, err = w.min != nil, w.err
	} else if t := r.theme.pages[p.Kind]; t == nil {
		return false, fmt.Errorf("the theme has no layout for %s pages", p.Kind)
	} else {
		err = t.ExecuteTemplate(buf, "base", p)
	}
	if err != nil {
		return false, fmt.Errorf("theme %s: rendering %s: %w", r.theme.Dir, outputFile(p.Path), err)
	}
	return minified, nil
}

// writeLazy writes a file that is made from inputs with the fingerprint
// fp: kept from the previous build when they are the same, and made when
// it is first read when the sink allows.
func (r *renderer) writeLazy(fp uint64, name string, make func() ([]byte, error)) error {
	return r.writeFile(fp, name, func() error { return publish.WriteLazy(r.Sink, name, make) })
}

// writeJSON writes a JSON file as writeLazy does. When the sink minifies,
// make is asked for compact JSON, which goes to the file as it is:
// encoding/json's compact output is what the minifier would make of it,
// and the data files are the largest of a site.
func (r *renderer) writeJSON(fp uint64, name string, make func(compact bool) ([]byte, error)) error {
	if r.parts == nil {
		return r.writeLazy(fp, name, func() ([]byte, error) { return make(false) })
	}
	return r.writeFile(fp, name, func() error {
		data, err := make(true)
		if err != nil {
			return err
		}
		return r.parts.WriteMinified(name, data, nil)
	})
}

// writeJSONStream writes a JSON file as writeJSON does, but when the sink
// minifies, stream writes the compact JSON straight to it: the largest
// data files are never held whole.
func (r *renderer) writeJSONStream(fp uint64, name string, make func(compact bool) ([]byte, error), stream func(w io.Writer) error) error {
	if r.parts == nil {
		return r.writeJSON(fp, name, make)
	}
	return r.writeFile(fp, name, func() error { return publish.Stream(r.parts, name, stream) })
}

// writeFile counts a file made from inputs with the fingerprint fp and,
// unless the sink keeps the previous build's, writes it with write.
func (r *renderer) writeFile(fp uint64, name string, write func() error) error {
	r.files.Add(1)
	if r.reuse(fp, name) {
		r.kept.Add(-1) // a file, not a page
		return nil
	}
	if err := write(); err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
	}
	return nil
}

func (r *renderer) write(name string, data []byte) error { return r.writeParts(name, data, nil, false) }

// writeParts writes a file whose parts (when there are any) the sink
// prepared and puts in (see Page.Card); minified data is as the sink
// would make it (see renderInto).
func (r *renderer) writeParts(name string, data []byte, parts []string, minified bool) error {
	r.files.Add(1)
	var err error
	switch {
	case minified:
		err = r.parts.WriteMinified(name, data, parts)
	case len(parts) > 0:
		err = r.parts.WriteParts(name, data, parts)
	default:
		err = r.Sink.Write(name, data)
	}
	if err != nil {
		return fmt.Errorf("writing %s: %w", name, err)
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
	for _, mf := range r.mediaFolders() {
		for _, name := range mf.names {
			b, err := fs.ReadFile(r.Source, path.Join(mf.dir, name))
			if err != nil {
				return err
			}
			if err := r.write(mf.out+name, b); err != nil {
				return err
			}
		}
	}
	return nil
}

// mediaFolder is a content folder whose other files are published.
type mediaFolder struct {
	dir   string   // the folder, such as content/projects/osku
	names []string // its files other than the language files
	out   string   // where they are published, such as media/projects/osku/
}

// mediaFolders lists the folders of every project and practice.
func (r *renderer) mediaFolders() []mediaFolder {
	out := make([]mediaFolder, 0, len(r.site.Projects)+len(r.site.Practices))
	for _, p := range r.site.Projects {
		out = append(out, mediaFolder{p.Dir, r.site.Files[p.ID], mediaDir(p.ID)})
	}
	for _, p := range r.site.Practices {
		out = append(out, mediaFolder{p.Dir, r.site.PracticeFiles[p.ID], practiceMediaDir(p.ID)})
	}
	return out
}

func (r *renderer) writeRobots() error {
	body := "User-agent: *\nAllow: /\n\nSitemap: " + r.site.Config.Absolute("sitemap.xml") + "\n"
	return r.write("robots.txt", []byte(body))
}

// autonym returns a language's name in itself.
func (r *renderer) autonym(lang string) string {
	if n, ok := r.autonyms[lang]; ok {
		return n
	}
	return locale.Autonym(lang)
}

// languageName returns a language's name in lc's language.
func (lc *langCtx) languageName(code string) string {
	if n, ok := lc.langNames[code]; ok {
		return n
	}
	return lc.loc.LanguageName(code)
}
