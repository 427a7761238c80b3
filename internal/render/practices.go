package render

import (
	"html/template"
	"regexp"
	"slices"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/model"
)

// PracticeView is a good practice as one language's pages show it.
type PracticeView struct {
	FolderView

	Title, Summary Txt
	Featured       bool
	Problem        Prose
	Steps          []Txt
	Body           template.HTML // only on the practice page
	Needs          []NeedGroup   // by kind, in the order of model.NeedKinds
	Results        Prose
	Indicators     []IndicatorView
	// KeyResults are the first indicators, for the summary box; when the
	// practice has none, KeyResult is the first point of its results.
	KeyResults   []IndicatorView
	KeyResult    Txt
	Lessons      Prose
	Conditions   Prose // how to transfer it: what a place needs
	Pitfalls     Prose // how to transfer it: what to watch out for
	Themes       []TermView
	TargetGroups []TermView
	Funder       *TermView
	// Where it was used: the places, LAGs and countries of its projects.
	Places    []string
	LAGs      []TermView
	Countries []TermView // Key is the country code
	Projects  []*ProjectView
	Contacts  []ContactView
	Links     []LinkView
	// Attachments are files of the practice folder: templates, forms.
	Attachments []LinkView
}

// Prose is a free text as a page shows it: the paragraphs of one text, or
// the points of a list.
type Prose struct {
	List  bool
	Items []Txt
}

// NeedGroup is what a practice needs of one kind: people, time, money,
// tools or other.
type NeedGroup struct {
	Kind    string
	Label   string // the kind in the page's language
	Items   []NeedView
	Amounts []string // the amounts of money the items name
}

// NeedView is one need: its text and, for money, its amount.
type NeedView struct {
	Text   Txt
	Amount string // written out, or ""
}

// LibraryView is one page of the library of good practices.
type LibraryView struct {
	Total int // practices in the whole library, or with the facet value
	Items []*PracticeView
	Pager
	AllURL string // on a facet value's pages: the whole library
}

// practiceTasks renders the library's pages, one task per page and
// language, and the practice pages, one task per practice.
func (r *renderer) practiceTasks() []func() error {
	var tasks []func() error
	for _, lang := range r.site.Config.Languages {
		lc := r.lang[lang]
		pages := pageCount(len(lc.library))
		for n := 1; n <= pages; n++ {
			tasks = append(tasks, func() error { return r.writeLibraryPage(lc, n, pages) })
		}
	}
	for _, pr := range r.site.Practices {
		tasks = append(tasks, func() error { return r.writePractice(pr) })
	}
	return tasks
}

func (r *renderer) writeLibraryPage(lc *langCtx, n, pages int) error {
	pathIn := func(lang string) string { return r.lang[lang].urls.practicesPage(n) }
	// The library shows the practices' facts and their projects' LAGs,
	// places and starts alone; the views are made only when those changed.
	fp := r.fingerprint("practices").Num(r.practicesDigest).Str(pathIn(lc.lang))
	if n == 1 {
		fp.Str(lc.libIndexPath).Str(r.libSearchPath)
	}
	if r.reuse(fp.Sum(), outputFile(pathIn(lc.lang))) {
		return nil
	}
	p := r.page(lc, "practices", lc.urls.practicesPage(n), pathIn)
	p.Title = lc.strings["practices_title"].Other
	p.Description = lc.strings["practices_lead"].Other
	p.Alternates = r.alternates(pathIn, r.site.Config.Languages)
	p.Crumbs = []Crumb{{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()}}
	lv := &LibraryView{Total: len(lc.library), Pager: pager(n, pages, lc.urls.practicesPage)}
	if n == 1 && len(lc.libFacets) > 0 {
		// The first page is where visitors filter the library.
		p.Listing = r.libraryFilters(lc, lv.Total, lv.Pager)
	}
	for _, pr := range pageOf(lc.library, n) {
		lv.Items = append(lv.Items, r.practiceView(pr, lc))
	}
	p.Library = lv
	return r.execute(p)
}

// writePractice renders a practice's page in every language. The body
// sits in the page's "how it works" section, so its headings move down a
// level.
func (r *renderer) writePractice(pr *model.Practice) error {
	return r.writeFolder(folderPage{
		folder: &pr.Folder, kind: "practice", files: r.site.PracticeFiles[pr.ID], media: practiceMediaDir(pr.ID), digest: r.practiceDigests[pr.ID],
		headingShift: 1,
		pathIn:       func(lang string) string { return r.lang[lang].urls.practice(pr.ID) },
		listTitle:    "practices_title", listURL: urls.practicesList,
		fill: func(p *Page, lc *langCtx, body template.HTML) (title, summary Txt) {
			pv := r.practiceView(pr, lc)
			pv.Body = body
			p.Practice = pv
			return pv.Title, pv.Summary
		},
	})
}

// homePractices picks the practices the home page shows: featured ones
// first, then those whose projects started most recently.
func (r *renderer) homePractices(lc *langCtx) []*model.Practice {
	latest := map[*model.Practice]model.Date{}
	for _, pr := range lc.library {
		for _, id := range pr.Projects {
			if p := r.site.Project(id); p != nil && p.Period.Start.First().After(latest[pr].First()) {
				latest[pr] = p.Period.Start
			}
		}
	}
	order := slices.Clone(lc.library)
	slices.SortStableFunc(order, func(a, b *model.Practice) int {
		if a.Featured != b.Featured {
			if a.Featured {
				return -1
			}
			return 1
		}
		return -latest[a].First().Compare(latest[b].First())
	})
	return order[:min(3, len(order))]
}

// practiceView builds the view of a practice for a language's pages.
func (r *renderer) practiceView(pr *model.Practice, lc *langCtx) *PracticeView {
	vs := r.site.Vocab
	v := &PracticeView{
		FolderView:   r.folderView(&pr.Folder, pr.Title, lc, func(lang string) string { return r.lang[lang].urls.practice(pr.ID) }),
		Title:        lc.txt(pr.Title),
		Summary:      lc.txt(pr.Summary),
		Featured:     pr.Featured,
		Problem:      lc.prose(model.Passage{Points: []model.Text{pr.Problem}}),
		Results:      lc.prose(pr.Results),
		Indicators:   indicatorViews(lc, pr.Indicators),
		Lessons:      lc.prose(pr.Lessons),
		Conditions:   lc.prose(pr.Conditions),
		Pitfalls:     lc.prose(pr.Pitfalls),
		Themes:       lc.terms(vs.Get(model.VocabThemes), pr.Themes),
		TargetGroups: lc.terms(vs.Get(model.VocabTargetGroups), pr.TargetGroups),
		Funder:       lc.term(vs.Get(model.VocabFunders), pr.Funder),
		Contacts:     contactViews(lc, pr.Contacts),
		Links:        linkViews(lc, pr.Links),
		Attachments:  r.attachmentViews(lc, practiceMediaDir(pr.ID), pr.Attachments),
	}
	for _, s := range pr.Steps {
		v.Steps = append(v.Steps, lc.txt(s))
	}
	for _, kind := range model.NeedKinds() {
		g := NeedGroup{Kind: string(kind), Label: lc.strings["need_kind_"+string(kind)].Other}
		for _, n := range pr.Needs {
			if n.Kind != kind {
				continue
			}
			nv := NeedView{Text: lc.txt(n.Text)}
			if n.Amount != nil {
				nv.Amount = lc.loc.Money(int64(*n.Amount), n.Currency)
				g.Amounts = append(g.Amounts, nv.Amount)
			}
			g.Items = append(g.Items, nv)
		}
		if len(g.Items) > 0 {
			v.Needs = append(v.Needs, g)
		}
	}
	v.KeyResults = v.Indicators[:min(3, len(v.Indicators))]
	if len(v.KeyResults) == 0 && len(v.Results.Items) > 0 {
		v.KeyResult = v.Results.Items[0]
	}

	// Where it was used.
	addLAG := func(key string) {
		if t := vs.Get(model.VocabFunders).Term(key); t != nil && t.Attr("kind") == "lag" &&
			!slices.ContainsFunc(v.LAGs, func(tv TermView) bool { return tv.Key == key }) {
			v.LAGs = append(v.LAGs, *lc.term(vs.Get(model.VocabFunders), key))
		}
	}
	addLAG(pr.Funder)
	for _, id := range pr.Projects {
		// The project's card view: a practice used in many projects
		// is on many pages of the library.
		pos, ok := slices.BinarySearchFunc(r.site.Projects, id, func(p *model.Project, id string) int { return strings.Compare(p.ID, id) })
		if !ok {
			continue
		}
		pv := r.fullView(lc, pos)
		v.Projects = append(v.Projects, pv)
		addLAG(r.site.Projects[pos].Funder)
		places := pv.Municipalities
		if len(places) == 0 && pv.Region != nil {
			places = []TermView{*pv.Region}
		}
		for _, t := range places {
			if !slices.Contains(v.Places, t.Label) {
				v.Places = append(v.Places, t.Label)
			}
		}
	}
	for _, c := range pr.Countries {
		v.Countries = append(v.Countries, TermView{Key: c, Label: lc.loc.CountryName(c)})
	}
	return v
}

var paragraphBreak = regexp.MustCompile(`\n[ \t]*\n\s*`)

// prose writes out a passage: a text written as one becomes its
// paragraphs, a list its points.
func (lc *langCtx) prose(p model.Passage) Prose {
	out := Prose{List: p.List}
	for _, t := range p.Points {
		if len(t) == 0 {
			continue
		}
		tx := lc.txt(t)
		if p.List {
			out.Items = append(out.Items, tx)
			continue
		}
		for _, para := range paragraphBreak.Split(tx.S, -1) {
			if para = strings.TrimSpace(para); para != "" {
				out.Items = append(out.Items, Txt{S: para, Lang: tx.Lang, Foreign: tx.Foreign})
			}
		}
	}
	return out
}
