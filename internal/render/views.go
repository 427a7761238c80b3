package render

import (
	"bytes"
	"cmp"
	"fmt"
	"html/template"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/vitrin-ssg/vitrin/internal/facet"
	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/publish"
)

// Page is what a layout receives. Its methods give UI strings, links
// relative to the page and the site's navigation.
type Page struct {
	r  *renderer
	lc *langCtx

	Kind        string // root, home, projects, project, facet, practices, practice, notfound, accessibility
	Lang        string
	Path        string // the page's site path, such as "fi/hankkeet/osku/"
	Title       string // the page's heading
	Description string
	Canonical   string       // absolute URL
	Alternates  []Alternate  // hreflang links to real translations
	Switcher    []SwitchLink // the language switcher
	Crumbs      []Crumb      // breadcrumbs above the heading; the page itself not included
	NoIndex     bool         // ask search engines not to index the page

	Project  *ProjectView
	Listing  *ListingView
	Practice *PracticeView
	Library  *LibraryView
	Home     *HomeView
	Root     *RootView
	A11y     *AccessibilityView

	absolute bool      // links as absolute paths, for 404 pages
	root     string    // when set, links are root + site path: for cached cards
	parts    *[]string // when set, cards are parts (see Card)
}

// Alternate is a hreflang link.
type Alternate struct {
	Lang, URL string
}

// SwitchLink is one entry of the language switcher.
type SwitchLink struct {
	Lang    string
	Name    string // the language's name in itself
	URL     string // site path
	Current bool
	// Translated is true when the target page is written in its
	// language, false when it shows a project or practice in its original
	// language.
	Translated bool
}

// Crumb is a step of the breadcrumb trail.
type Crumb struct {
	Name, URL string
}

// NavItem is an entry of the main navigation.
type NavItem struct {
	Name, URL string
	Current   bool
}

// T returns the UI string key in the page's language, with {name}
// placeholders filled from pairs of arguments.
func (p *Page) T(key string, args ...any) (string, error) {
	msg, ok := p.lc.strings[key]
	if !ok {
		return "", fmt.Errorf("the UI string %q is missing in %s", key, p.Lang)
	}
	return format(msg.Other, args...), nil
}

// TN returns the plural UI string key for the count n, with {n} written by
// the language's number conventions.
func (p *Page) TN(key string, n int, args ...any) (string, error) {
	msg, ok := p.lc.strings[key]
	if !ok {
		return "", fmt.Errorf("the UI string %q is missing in %s", key, p.Lang)
	}
	s := msg.Other
	if msg.One != "" && p.lc.loc.PluralOne(n) {
		s = msg.One
	}
	return format(s, append([]any{"n", p.lc.loc.Integer(int64(n))}, args...)...), nil
}

// Int writes a whole number by the page language's conventions: 1 000.
func (p *Page) Int(n int) string { return p.lc.loc.Integer(int64(n)) }

// Rel returns a link from this page to a site path.
func (p *Page) Rel(to string) string {
	if p.root != "" {
		return p.root + to
	}
	if p.absolute {
		return p.r.site.Config.BasePath() + to
	}
	return relative(p.Path, to)
}

// Asset returns a link from this page to a static file of the theme.
func (p *Page) Asset(name string) (string, error) {
	out, ok := p.r.theme.Asset(name)
	if !ok {
		return "", fmt.Errorf("the theme has no static file %q", name)
	}
	return p.Rel(out), nil
}

// cardRoot stands, in a cached card, for the way from the page to the
// site's root.
const cardRoot = "@@vitrin-root@@/"

// Card returns a project's card for a listing: the theme's "card" template
// with a level-2 heading. A project's card is rendered once per language
// and reused on the listing and on every facet page that lists it, with
// its links made relative to each page. When the sink prepares parts (a
// minifier), the page holds a marker and the card, minified once, goes
// in its place.
func (p *Page) Card(pv *ProjectView) (template.HTML, error) {
	// A card's view is made anew whenever anything it shows changes, so
	// the HTML of the same view is the same, also from the last build.
	var err error
	c := p.r.cache.html.get(pv, func() *cardHTML {
		stub := *p
		stub.root, stub.parts = cardRoot, nil
		var buf bytes.Buffer
		if p.r.theme.builtin != nil {
			w := htmlWriter{b: &buf}
			if w.card(&stub, pv); w.err != nil {
				err = w.err
				return nil
			}
		} else if err = p.r.theme.pages[p.Kind].ExecuteTemplate(&buf, "card", map[string]any{"Project": pv, "Page": &stub, "Level": 2}); err != nil {
			return nil
		}
		return &cardHTML{raw: buf.String()}
	})
	if err != nil {
		return "", err
	}
	if c == nil { // the template failed for another page, which says how
		return "", fmt.Errorf("the card of %s could not be rendered", pv.ID)
	}
	up := strings.Repeat("../", strings.Count(p.Path, "/"))
	if p.absolute {
		up = p.r.site.Config.BasePath()
	}
	switch {
	case p.parts != nil:
		segs, err := c.prepared(p.r.parts)
		if err != nil {
			return "", err
		}
		// The card goes in as its pieces with the way to the root
		// between them: no copy of the card is made for the page.
		href := `href="` + up
		for i, seg := range segs {
			if i > 0 {
				*p.parts = append(*p.parts, href)
			}
			*p.parts = append(*p.parts, seg)
		}
		return template.HTML(partMarkers(2*len(segs) - 1)), nil // #nosec: markers only
	case p.r.parts != nil:
		// Every page of a sink that takes parts is rendered with them
		// (execute), and the card as rendered is dropped once prepared.
		return "", fmt.Errorf("%s: a card outside the parts of its page", p.Path)
	}
	// The site's own text cannot make href="@@…: quotes in it are escaped.
	return template.HTML(strings.ReplaceAll(c.raw, cardRootHref, `href="`+up)), nil // #nosec: rendered by html/template
}

// cardRootHref begins each link of a cached card to a page of the site.
const cardRootHref = `href="` + cardRoot

// markers is PartMarker many times over, for partMarkers to slice.
const markers = publish.PartMarker + publish.PartMarker + publish.PartMarker + publish.PartMarker +
	publish.PartMarker + publish.PartMarker + publish.PartMarker + publish.PartMarker

// partMarkers returns n PartMarkers in a row.
func partMarkers(n int) string {
	if n*len(publish.PartMarker) <= len(markers) {
		return markers[:n*len(publish.PartMarker)]
	}
	return strings.Repeat(publish.PartMarker, n)
}

// cardHTML is a card as the template rendered it or, once the sink
// prepared it as a part, as a part: a national catalogue's cards are
// gigabytes, kept in one form.
type cardHTML struct {
	raw  string // until prepared
	once sync.Once
	// segs is the prepared card cut at each cardRootHref, which it does
	// not hold: the way from the page to the root goes between them.
	segs []string
	err  error
}

func (c *cardHTML) prepared(pw publish.PartWriter) ([]string, error) {
	c.once.Do(func() {
		b, err := pw.Part("card.html", []byte(c.raw))
		c.segs, c.err, c.raw = strings.Split(string(b), cardRootHref), err, ""
	})
	return c.segs, c.err
}

// SiteTitle returns the site's name in the page's language.
func (p *Page) SiteTitle() string { return p.lc.siteTitle }

// HeadTitle returns the text of the <title> element. Soft hyphens, which
// only help a heading wrap, are left out.
func (p *Page) HeadTitle() string {
	if p.Kind == "home" || p.Kind == "root" || p.Title == "" {
		return p.lc.siteTitle
	}
	return strings.ReplaceAll(p.Title, "\u00ad", "") + " – " + p.lc.siteTitle
}

// Nav returns the main navigation.
func (p *Page) Nav() []NavItem {
	u := p.lc.urls
	home, _ := p.T("nav_home")
	projects, _ := p.T("nav_projects")
	practices, _ := p.T("nav_practices")
	return []NavItem{
		{Name: home, URL: u.home(), Current: p.Kind == "home"},
		{Name: projects, URL: u.projectsList(), Current: p.Kind == "projects" || p.Kind == "project" || p.Kind == "facet"},
		{Name: practices, URL: u.practicesList(), Current: p.Kind == "practices" || p.Kind == "practice"},
	}
}

// HomeURL returns the site path of the home page in the page's language.
func (p *Page) HomeURL() string { return p.lc.urls.home() }

// ProjectsURL returns the site path of the project listing in the page's
// language.
func (p *Page) ProjectsURL() string { return p.lc.urls.projectsList() }

// PracticesURL returns the site path of the library of good practices in
// the page's language.
func (p *Page) PracticesURL() string { return p.lc.urls.practicesList() }

// Abs returns the absolute URL of a site path, for links written out on
// paper.
func (p *Page) Abs(sitePath string) string { return p.r.site.Config.Absolute(sitePath) }

// AccessibilityURL returns the site path of the accessibility statement
// in the page's language.
func (p *Page) AccessibilityURL() string { return p.lc.urls.accessibility() }

// CatalogURL returns the site path of the open data file.
func (p *Page) CatalogURL() string { return "catalog.json" }

// OGLocale returns the page language as an Open Graph locale: fi_FI.
func (p *Page) OGLocale() string {
	switch p.Lang {
	case "fi":
		return "fi_FI"
	case "et":
		return "et_EE"
	case "sv":
		return "sv_SE"
	}
	return p.Lang
}

// Txt is a text with its language. Foreign is true when the language
// differs from the page's: layouts then mark it with lang.
type Txt struct {
	S       string
	Lang    string
	Foreign bool
}

func (lc *langCtx) txt(t model.Text) Txt {
	s, lang := t.In(lc.lang)
	return Txt{S: s, Lang: lang, Foreign: lang != lc.lang}
}

// TermView is a vocabulary term in the page's language.
type TermView struct {
	Key, Label string
	URL        string // site path of the page of the term's facet value, or ""
}

func (lc *langCtx) term(v *model.Vocabulary, key string) *TermView {
	t := v.Term(key)
	if t == nil {
		return nil
	}
	s, _ := t.Label.In(lc.lang)
	return &TermView{Key: key, Label: s}
}

func (lc *langCtx) terms(v *model.Vocabulary, keys []string) []TermView {
	out := make([]TermView, 0, len(keys))
	for _, k := range keys {
		if t := lc.term(v, k); t != nil {
			out = append(out, *t)
		}
	}
	return out
}

// FolderView is what the views of projects and practices share: where the
// page is and which languages it is written in.
type FolderView struct {
	ID       string
	URL      string // site path of the page in this language
	Fallback bool   // shown in its original language
	TextLang string // the language of the title, summary and body shown
	// OriginalLanguage names the original language in the page's
	// language.
	OriginalLanguage string
	// Languages are the site's languages, each with the page in it and
	// whether the folder is written in it.
	Languages []SwitchLink
}

// folderView builds the FolderView of a folder for a language's pages;
// pathIn gives its page in each language.
func (r *renderer) folderView(f *model.Folder, title model.Text, lc *langCtx, pathIn func(lang string) string) FolderView {
	v := r.cardFolderView(f, title, lc, pathIn(lc.lang))
	v.Languages = r.switchLinks(f, lc, pathIn)
	return v
}

// cardFolderView is folderView without the links to the other languages,
// which a card does not show; url is the page in lc's language.
func (r *renderer) cardFolderView(f *model.Folder, title model.Text, lc *langCtx, url string) FolderView {
	v := FolderView{ID: f.ID, URL: url, Fallback: !f.HasLang(lc.lang), OriginalLanguage: lc.languageName(f.Original)}
	v.TextLang = lc.txt(title).Lang
	return v
}

// switchLinks are the links to a folder's page in each of the site's
// languages, for the language switch.
func (r *renderer) switchLinks(f *model.Folder, lc *langCtx, pathIn func(lang string) string) []SwitchLink {
	links := make([]SwitchLink, 0, len(r.site.Config.Languages))
	for _, other := range r.site.Config.Languages {
		links = append(links, SwitchLink{
			Lang: other, Name: r.autonym(other), URL: pathIn(other),
			Current: other == lc.lang, Translated: f.HasLang(other),
		})
	}
	return links
}

// ProjectView is a project as one language's pages show it: what its card
// shows, and the rest of its facts (ProjectDetails), which templates reach
// as the view's own fields. A card of the default theme's layouts has no
// details: a national catalogue holds some 300 000 cards while its
// listings are written, and the details would double their size.
type ProjectView struct {
	FolderView

	Title, Summary      Txt
	Status, StatusLabel string
	Period              string
	Organisation        string
	Region              *TermView
	Themes              []TermView
	Budget              *BudgetView

	*ProjectDetails
}

// ProjectDetails are the facts of a project that its page shows and its
// card does not.
type ProjectDetails struct {
	Body           template.HTML // only on the project page
	Start, End     string        // ISO, for <time datetime>
	Partners       []string
	Funder         *TermView
	FunderURL      string
	Programme      *TermView
	Fund           *TermView
	Measure        *TermView
	Municipalities []TermView
	TargetGroups   []TermView
	ProjectNumber  string
	Leader         string // "yes", "no" or ""
	EU             bool   // co-funded by an EU fund
	Indicators     []IndicatorView
	Contacts       []ContactView
	Links          []LinkView
	Attachments    []LinkView
	Image          *ImageView
	// Practices are the good practices that came from the project.
	Practices []PracticeLink

	// On the project page: data-pagefind-filter, data-pagefind-sort and
	// data-pagefind-meta values. Pagefind takes the title and the image
	// from the h1 and the first image itself.
	PagefindFilters, PagefindSorts, PagefindMeta []PagefindTag
	// PagefindHTML is the same values as empty spans, the markup the
	// default theme writes: made in Go, because a project has some thirty
	// of them and a template spends a tenth of a project page's time on
	// their loops.
	PagefindHTML template.HTML
}

// PagefindTag is a key and value for a data-pagefind-* attribute.
type PagefindTag struct {
	Key, Value string
}

// PracticeLink is a link to a practice with its title and summary.
type PracticeLink struct {
	URL            string
	Title, Summary Txt
}

// BudgetView is a budget written out in the page's language.
type BudgetView struct {
	Total       string
	Rows        []FundingRow
	Hundred     string // 100 % written in the language
	Support     string // the sum of public support, or ""
	SupportRate string // its share of the total, or ""
}

// FundingRow is one funding source.
type FundingRow struct {
	Kind   string
	Name   Txt // empty when the source has no name
	Amount string
	Share  string
}

// IndicatorView is a result or goal written out.
type IndicatorView struct {
	Label Txt
	Value string // the number with its unit
	Unit  Txt
}

// ContactView is a contact.
type ContactView struct {
	Name  string
	Role  Txt
	Email string
	Phone string
	Tel   string // the phone number for a tel: link
}

// LinkView is a link or an attachment.
type LinkView struct {
	URL   string // absolute for links, a site path for attachments
	Label Txt
	Size  string // the file size of an attachment
}

// ImageView is a project image.
type ImageView struct {
	URL           string // site path
	Alt           Txt
	Width, Height int // 0 when unknown
}

func dateParts(d model.Date) (int, int, int) { return d.Year, d.Month, d.Day }

// cardView builds the view of a project that its card shows: what
// cardPattern has, and no more. The default theme's layouts, whose cards
// are written in Go, are given these for every listing; the project page
// and the practices' pages make the whole view (projectView).
func (r *renderer) cardView(p *model.Project, lc *langCtx) *ProjectView {
	vs := r.site.Vocab
	v := &ProjectView{
		FolderView:   r.cardFolderView(&p.Folder, p.Title, lc, lc.urls.project(p.ID)),
		Title:        lc.txt(p.Title),
		Summary:      lc.txt(p.Summary),
		Organisation: p.Organisation,
		Region:       lc.linkTerm(facet.Region, lc.term(vs.Get(model.VocabRegions), p.Region)),
		Themes:       lc.linkTerms(facet.Theme, lc.terms(vs.Get(model.VocabThemes), p.Themes)),
	}
	st := p.Period.Status(r.site.Now)
	v.Status = string(st)
	v.StatusLabel = lc.strings["status_"+string(st)].Other
	y1, m1, d1 := dateParts(p.Period.Start)
	y2, m2, d2 := dateParts(p.Period.End)
	if y1 != 0 {
		v.Period = lc.loc.Period(y1, m1, d1, y2, m2, d2)
	}
	if b := p.Budget; b != nil && b.Total > 0 {
		v.Budget = &BudgetView{Total: lc.loc.Money(int64(b.Total), b.Currency)}
	}
	return v
}

// projectView builds the whole view of a project for a language's pages:
// its card's view with every other fact.
func (r *renderer) projectView(p *model.Project, lc *langCtx) *ProjectView {
	loc := lc.loc
	vs := r.site.Vocab
	v := r.cardView(p, lc)
	v.Languages = r.switchLinks(&p.Folder, lc, func(lang string) string { return r.lang[lang].urls.project(p.ID) })
	v.ProjectDetails = &ProjectDetails{}
	v.Partners = p.Partners
	v.Funder = lc.linkTerm(facet.Funder, lc.term(vs.Get(model.VocabFunders), p.Funder))
	v.FunderURL = vs.Get(model.VocabFunders).Term(p.Funder).Attr("url")
	v.Programme = lc.linkTerm(facet.Programme, lc.term(vs.Get(model.VocabProgrammes), p.Programme))
	v.Fund = lc.linkTerm(facet.Fund, lc.term(vs.Get(model.VocabFunds), p.Fund))
	v.Measure = lc.linkTerm(facet.Measure, lc.term(vs.Get(model.VocabMeasures), p.Measure))
	v.Municipalities = lc.linkTerms(facet.Municipality, lc.terms(vs.Get(model.VocabMunicipalities), p.Municipalities))
	v.TargetGroups = lc.linkTerms(facet.TargetGroup, lc.terms(vs.Get(model.VocabTargetGroups), p.TargetGroups))
	v.ProjectNumber = p.ProjectNumber
	v.Indicators = indicatorViews(lc, p.Indicators)
	v.Contacts = contactViews(lc, p.Contacts)
	v.Links = linkViews(lc, p.Links)
	v.Attachments = r.attachmentViews(lc, mediaDir(p.ID), p.Attachments)
	v.Start, v.End = p.Period.Start.String(), p.Period.End.String()
	if p.Leader != nil {
		v.Leader = "no"
		if *p.Leader {
			v.Leader = "yes"
		}
	}
	if b := p.Budget; b != nil && b.Total > 0 {
		bv := v.Budget
		bv.Hundred = loc.Percent(1)
		shares := roundShares(b.Funding)
		for i, f := range b.Funding {
			bv.Rows = append(bv.Rows, FundingRow{
				Kind:   string(f.Kind),
				Name:   lc.txt(f.Name),
				Amount: loc.Money(int64(f.Amount), b.Currency),
				Share:  loc.Percent(shares[i]),
			})
		}
		if amount, share, ok := b.Support(); ok && amount > 0 {
			bv.Support = loc.Money(int64(amount), b.Currency)
			bv.SupportRate = loc.Percent(share)
		}
		for _, f := range b.Funding {
			if f.Kind == model.FundEU {
				v.EU = true
			}
		}
	}
	if vs.Get(model.VocabFunds).Term(p.Fund).Attr("eu") == "true" {
		v.EU = true
	}
	if img := p.Image; img != nil && img.Src != "" {
		iv := &ImageView{URL: mediaDir(p.ID) + img.Src, Alt: lc.txt(img.Alt)}
		if m := r.media[mediaDir(p.ID)][img.Src]; m != nil {
			iv.Width, iv.Height = m.width, m.height
		}
		v.Image = iv
	}
	for _, id := range p.Practices {
		if pr := r.site.Practice(id); pr != nil {
			v.Practices = append(v.Practices, PracticeLink{URL: lc.urls.practice(id), Title: lc.txt(pr.Title), Summary: lc.txt(pr.Summary)})
		}
	}
	return v
}

// slimCards reports whether the cards are card views (cardView) rather
// than whole ones: with the default theme's layouts, whose templates show
// of a listed project only what its card does. A theme of the site's own
// may show any fact in a listing, and gets whole views.
func (r *renderer) slimCards() bool { return r.theme.builtin != nil }

// fullView returns the whole view of the project at pos in site.Projects,
// for pages that show more of a listed project than its card.
func (r *renderer) fullView(lc *langCtx, pos int) *ProjectView {
	if r.slimCards() {
		return r.projectView(r.site.Projects[pos], lc)
	}
	return lc.cards[pos]
}

// indicatorViews writes out results with numbers.
func indicatorViews(lc *langCtx, inds []model.Indicator) []IndicatorView {
	var out []IndicatorView
	for _, ind := range inds {
		value := lc.loc.Number(ind.Value, ind.Decimals)
		if ind.Approximate {
			value = lc.loc.Approximate(value)
		}
		out = append(out, IndicatorView{Label: lc.txt(ind.Label), Value: value, Unit: lc.txt(ind.Unit)})
	}
	return out
}

func contactViews(lc *langCtx, cs []model.Contact) []ContactView {
	var out []ContactView
	for _, c := range cs {
		out = append(out, ContactView{
			Name: c.Name, Role: lc.txt(c.Role), Email: c.Email, Phone: c.Phone,
			Tel: telNumber(c.Phone),
		})
	}
	return out
}

// telNumber is a phone number as a tel: link holds it: without the
// spaces, dashes and brackets people write in it.
func telNumber(phone string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '-', '(', ')':
			return -1
		}
		return r
	}, phone)
}

func linkViews(lc *langCtx, ls []model.Link) []LinkView {
	var out []LinkView
	for _, l := range ls {
		out = append(out, LinkView{URL: l.URL, Label: lc.txt(l.Label)})
	}
	return out
}

// attachmentViews links the attachments of a folder published in dir,
// with their sizes.
func (r *renderer) attachmentViews(lc *langCtx, dir string, as []model.Attachment) []LinkView {
	var out []LinkView
	for _, a := range as {
		lv := LinkView{URL: dir + a.File, Label: lc.txt(a.Label)}
		if m := r.media[dir][a.File]; m != nil {
			lv.Size = fileSize(lc.loc, m.size)
		}
		out = append(out, lv)
	}
	return out
}

// fileSize writes a file size: 12 kt, 1,4 Mt.
func fileSize(loc *locale.Locale, n int64) string {
	unitK, unitM := "kB", "MB"
	switch loc.Lang() {
	case "fi":
		unitK, unitM = "kt", "Mt"
	}
	if n < 1000*1000 {
		return loc.Integer(max(1, (n+500)/1000)) + "\u00a0" + unitK
	}
	return loc.Number(float64(n)/1e6, 1) + "\u00a0" + unitM
}

// ListingView is one page of a listing of projects: the full listing or
// the projects of a facet value.
type ListingView struct {
	Total int // projects in the whole listing
	Items []*ProjectView
	Pager

	// The first page of the full listing links every facet value's page
	// and carries what the listing script needs to filter in place.
	Facets     []FacetView
	Sorts      []SortView
	IndexURL   string       // site path of the listing's JSON index
	SearchURL  string       // site path of the search words
	Card       *ProjectView // a card with every part: the pattern of the script's cards
	CountOne   string       // the result count, with {n}, in the singular
	CountOther string       // … and the plural
	PageOf     string       // "page {page}/{pages}"
	NumberSep  string       // the digit group separator of the language
	// The headings of the filter form and of the links to the facet
	// pages, the search field's label and what the search looks through.
	FiltersHeading, BrowseHeading, SearchLabel, Hint string

	AllURL string // on a facet value's pages: the full listing
}

// Pager is where a page of a listing is among the others.
type Pager struct {
	PageNum int
	Pages   int
	PrevURL string
	NextURL string
	// PageURLs are the first and the last page and those within two of
	// this one, as the listing script draws them: a listing of hundreds
	// of pages stays a short list to read and to render.
	PageURLs []PageLink
}

// FacetView is a facet of a listing with its values.
type FacetView struct {
	Key, Name string
	Values    []FacetValueView
}

// FacetValueView is a value of a facet: its label, its page and how many
// projects have it.
type FacetValueView struct {
	Key, Label string
	URL        string // site path of the value's first page
	Count      int
}

// SortView is an order the listing can be sorted in.
type SortView struct {
	Key, Label string
}

// pager returns page n of pages, whose addresses pageURL gives.
func pager(n, pages int, pageURL func(int) string) Pager {
	pg := Pager{PageNum: n, Pages: pages}
	if n > 1 {
		pg.PrevURL = pageURL(n - 1)
	}
	if n < pages {
		pg.NextURL = pageURL(n + 1)
	}
	if pages > 1 {
		last := 0
		for i := 1; i <= pages; i++ {
			if i != 1 && i != pages && (i < n-pagerReach || i > n+pagerReach) {
				continue
			}
			pg.PageURLs = append(pg.PageURLs, PageLink{Num: i, URL: pageURL(i), Current: i == n, Gap: i > last+1})
			last = i
		}
	}
	return pg
}

// pagerReach is how many pages on each side of the current one the
// pagination links, besides the first and the last (listing.js: the same).
const pagerReach = 2

// PageLink is a link to a page of a listing.
type PageLink struct {
	Num     int
	URL     string
	Current bool
	Gap     bool // pages before this one are left out
}

// HomeView is what the home page shows.
type HomeView struct {
	Latest []*ProjectView
	Total  int
	// Practices are a few good practices, featured ones first; Practices
	// Total counts them all.
	Practices      []*PracticeView
	PracticesTotal int
	ByStatus       []StatusCount
	Budgets        []string // the sum of budgets per currency
	Themes         []ThemeCount
}

// StatusCount is how many projects have a status.
type StatusCount struct {
	Status, Label string
	Count         int
}

// ThemeCount is how many projects have a theme.
type ThemeCount struct {
	TermView
	Count int
}

// RootView is what the root page shows: one entry per language.
type RootView struct {
	Languages []RootLanguage
}

// RootLanguage is a language's entry on the root page.
type RootLanguage struct {
	Lang, Name, URL, SiteTitle, Description string
}

// roundShares rounds the funding shares to tenths of a percent, the
// precision the budget table shows. When the sources add up to the total,
// the rounded shares add up to exactly 100 %: each share is rounded down
// and the tenths left over go to the largest remainders, the earlier
// source first on a tie (65 000 and 15 000 of 80 000 give 81,3 % and
// 18,7 %, not 81,3 % and 18,8 %). Otherwise each share is rounded alone,
// so that a budget that does not add up still looks like it.
func roundShares(fs []model.Funding) []float64 {
	const tenths = 1000 // a share of 1 is 1000 tenths of a percent
	out := make([]float64, len(fs))
	sum := 0.0
	for _, f := range fs {
		sum += f.Share
	}
	if math.Abs(sum-1) > 1e-9 {
		for i, f := range fs {
			out[i] = math.Round(f.Share*tenths) / tenths
		}
		return out
	}
	floors := make([]int, len(fs))
	left := tenths
	for i, f := range fs {
		floors[i] = int(math.Floor(f.Share*tenths + 1e-9))
		left -= floors[i]
	}
	order := make([]int, len(fs))
	for i := range order {
		order[i] = i
	}
	rem := func(i int) float64 { return fs[i].Share*tenths - float64(floors[i]) }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(rem(b), rem(a)) })
	for _, i := range order[:max(0, min(left, len(order)))] {
		floors[i]++
	}
	for i, n := range floors {
		out[i] = float64(n) / tenths
	}
	return out
}
