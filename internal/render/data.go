package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"io"
	"math"
	"strconv"

	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

// CatalogFormat names the version of catalog.json's shape.
const CatalogFormat = "vitrin-catalog/1"

type catalogTerm struct {
	Key   string            `json:"key"`
	Label map[string]string `json:"label"`
	Attrs map[string]string `json:"attributes,omitempty"`
}

type catalogProject struct {
	ID               string             `json:"id"`
	OriginalLanguage string             `json:"original_language"`
	Languages        []string           `json:"languages"`
	URLs             map[string]string  `json:"urls"`
	Title            map[string]string  `json:"title"`
	Summary          map[string]string  `json:"summary"`
	Organisation     string             `json:"organisation"`
	Partners         []string           `json:"partners"`
	Funder           *string            `json:"funder"`
	Leader           *bool              `json:"leader"`
	Programme        *string            `json:"programme"`
	Fund             *string            `json:"fund"`
	Measure          *string            `json:"measure"`
	ProjectNumber    *string            `json:"project_number"`
	Period           catalogPeriod      `json:"period"`
	Status           string             `json:"status"`
	Budget           *catalogBudget     `json:"budget"`
	Region           *string            `json:"region"`
	Municipalities   []string           `json:"municipalities"`
	Themes           []string           `json:"themes"`
	TargetGroups     []string           `json:"target_groups"`
	Indicators       []catalogIndicator `json:"indicators"`
	Contacts         []catalogContact   `json:"contacts"`
	Links            []catalogLink      `json:"links"`
	Attachments      []catalogLink      `json:"attachments"`
	Image            *catalogImage      `json:"image"`
	Practices        []string           `json:"practices"`
	HasPractice      bool               `json:"has_practice"`
}

type catalogPractice struct {
	ID               string              `json:"id"`
	OriginalLanguage string              `json:"original_language"`
	Languages        []string            `json:"languages"`
	URLs             map[string]string   `json:"urls"`
	Title            map[string]string   `json:"title"`
	Summary          map[string]string   `json:"summary"`
	Problem          map[string]string   `json:"problem"`
	Steps            []map[string]string `json:"steps"`
	Needs            []catalogNeed       `json:"needs"`
	Results          []map[string]string `json:"results"`
	Indicators       []catalogIndicator  `json:"indicators"`
	Lessons          []map[string]string `json:"lessons"`
	Transfer         catalogTransfer     `json:"transfer"`
	Themes           []string            `json:"themes"`
	TargetGroups     []string            `json:"target_groups"`
	Projects         []string            `json:"projects"`
	Funder           *string             `json:"funder"`
	Countries        []string            `json:"countries"`
	Featured         bool                `json:"featured"`
	Contacts         []catalogContact    `json:"contacts"`
	Links            []catalogLink       `json:"links"`
	Attachments      []catalogLink       `json:"attachments"`
}

type catalogNeed struct {
	Kind     string            `json:"kind"`
	Text     map[string]string `json:"text"`
	Amount   *json.Number      `json:"amount"`
	Currency *string           `json:"currency"`
}

type catalogTransfer struct {
	Conditions []map[string]string `json:"conditions"`
	Pitfalls   []map[string]string `json:"pitfalls"`
}

type catalogPeriod struct {
	Start string  `json:"start"`
	End   *string `json:"end"`
}

type catalogBudget struct {
	Total       json.Number      `json:"total"`
	Currency    string           `json:"currency"`
	Funding     []catalogFunding `json:"funding"`
	Support     *json.Number     `json:"support"`
	SupportRate *json.Number     `json:"support_rate"`
}

type catalogFunding struct {
	Kind   string            `json:"kind"`
	Name   map[string]string `json:"name,omitempty"`
	Amount json.Number       `json:"amount"`
	Share  json.Number       `json:"share"`
}

type catalogIndicator struct {
	Label       map[string]string `json:"label"`
	Value       json.Number       `json:"value"`
	Unit        map[string]string `json:"unit,omitempty"`
	Approximate bool              `json:"approximate"`
}

type catalogContact struct {
	Name  string            `json:"name,omitempty"`
	Role  map[string]string `json:"role,omitempty"`
	Email string            `json:"email,omitempty"`
	Phone string            `json:"phone,omitempty"`
}

type catalogLink struct {
	URL   string            `json:"url"`
	Label map[string]string `json:"label"`
}

type catalogImage struct {
	URL string            `json:"url"`
	Alt map[string]string `json:"alt"`
}

func textMap(t model.Text) map[string]string {
	if len(t) == 0 {
		return nil
	}
	m := make(map[string]string, len(t))
	for _, ls := range t {
		m[ls.Lang] = ls.S
	}
	return m
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func ratio(f float64) json.Number {
	return json.Number(formatFloat(f, 4))
}

// formatFloat writes f rounded to decimals places, without trailing zeros.
func formatFloat(f float64, decimals int) string {
	p := math.Pow10(decimals)
	return strconv.FormatFloat(math.Round(f*p)/p, 'f', -1, 64)
}

// writeCatalog writes catalog.json, the open data of every project and
// practice with language-neutral values.
func (r *renderer) writeCatalog() error {
	return r.writeJSONStream(r.allFolders(r.fingerprint("catalog")).Sum(), "catalog.json", r.catalogJSON, r.writeCatalogTo)
}

// allFolders hashes what every project's and practice's pages are made
// from.
func (r *renderer) allFolders(h *digest.Hash) *digest.Hash {
	r.allProjects(h)
	for _, pr := range r.site.Practices {
		h.Str(pr.ID).Num(r.practiceDigests[pr.ID])
	}
	return h
}

// catalogHead is the shape of catalog.json up to its last two fields,
// "projects" (each a catalogProject) and "practices" (each a
// catalogPractice), which catalogJSON writes one at a time after it. Its
// documentation is in README.md; change both together.
type catalogHead struct {
	Format       string                   `json:"format"`
	Generated    string                   `json:"generated"`
	BaseURL      string                   `json:"base_url"`
	Languages    []string                 `json:"languages"`
	Vocabularies map[string][]catalogTerm `json:"vocabularies"`
}

// catalogJSON returns catalog.json, compact or indented for reading.
func (r *renderer) catalogJSON(compact bool) ([]byte, error) {
	var buf bytes.Buffer
	if err := r.writeCatalogTo(&buf); err != nil {
		return nil, err
	}
	if compact {
		return buf.Bytes(), nil
	}
	buf.WriteByte('\n')
	// Indented into a buffer grown once: the Encoder's own indenting
	// grows its buffer byte by byte.
	var out bytes.Buffer
	out.Grow(buf.Len() * 3 / 2)
	if err := json.Indent(&out, buf.Bytes(), "", "  "); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// writeCatalogTo writes catalog.json, compact, to w. The projects are
// encoded one at a time: a national catalogue's file is hundreds of
// megabytes, and neither a copy of the catalogue in structs nor the
// whole file should sit in memory.
func (r *renderer) writeCatalogTo(w io.Writer) error {
	cfg := r.site.Config
	head := catalogHead{
		Format:       CatalogFormat,
		Generated:    r.site.Now.Format("2006-01-02"),
		BaseURL:      cfg.BaseURL.String(),
		Languages:    cfg.Languages,
		Vocabularies: map[string][]catalogTerm{},
	}
	for _, name := range model.VocabNames() {
		terms := []catalogTerm{}
		for _, t := range r.site.Vocab.Get(name).Terms {
			ct := catalogTerm{Key: t.Key, Label: textMap(t.Label)}
			if len(t.Attrs) > 0 {
				ct.Attrs = t.Attrs
			}
			terms = append(terms, ct)
		}
		head.Vocabularies[name] = terms
	}
	// buf holds one value at a time, and what goes around it.
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	// encode appends v without the Encoder's newline.
	encode := func(v any) error {
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1)
		return nil
	}
	flush := func() error {
		_, err := w.Write(buf.Bytes())
		buf.Reset()
		return err
	}
	if err := encode(head); err != nil {
		return err
	}
	buf.Truncate(buf.Len() - 1) // the head's closing brace
	buf.WriteString(`,"projects":[`)
	for i, p := range r.site.Projects {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := encode(r.catalogProject(p)); err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
	}
	buf.WriteString(`],"practices":[`)
	for i, pr := range r.site.Practices {
		if i > 0 {
			buf.WriteByte(',')
		}
		if err := encode(r.catalogPractice(pr)); err != nil {
			return err
		}
		if err := flush(); err != nil {
			return err
		}
	}
	buf.WriteString("]}")
	return flush()
}

// catalogProject gives a project with language-neutral values.
func (r *renderer) catalogProject(p *model.Project) catalogProject {
	cfg := r.site.Config
	cp := catalogProject{
		ID: p.ID, OriginalLanguage: p.Original, Languages: p.Languages(), URLs: map[string]string{},
		Title: textMap(p.Title), Summary: textMap(p.Summary), Organisation: p.Organisation,
		Partners: nonNil(p.Partners), Funder: optional(p.Funder), Leader: p.Leader,
		Programme: optional(p.Programme), Fund: optional(p.Fund), Measure: optional(p.Measure),
		ProjectNumber: optional(p.ProjectNumber),
		Period:        catalogPeriod{Start: p.Period.Start.String(), End: optional(p.Period.End.String())},
		Status:        string(p.Period.Status(r.site.Now)),
		Region:        optional(p.Region), Municipalities: nonNil(p.Municipalities),
		Themes: nonNil(p.Themes), TargetGroups: nonNil(p.TargetGroups),
		Indicators: catalogIndicators(p.Indicators), Contacts: catalogContacts(p.Contacts), Links: catalogLinks(p.Links),
		Attachments: r.catalogAttachments(mediaDir(p.ID), p.Attachments),
		Practices:   nonNil(p.Practices), HasPractice: p.HasPractice(),
	}
	for _, lang := range cfg.Languages {
		cp.URLs[lang] = cfg.Absolute(r.lang[lang].urls.project(p.ID))
	}
	if b := p.Budget; b != nil && b.Total > 0 {
		cb := &catalogBudget{Total: json.Number(b.Total.String()), Currency: b.Currency, Funding: []catalogFunding{}}
		for _, f := range b.Funding {
			cb.Funding = append(cb.Funding, catalogFunding{Kind: string(f.Kind), Name: textMap(f.Name),
				Amount: json.Number(f.Amount.String()), Share: ratio(f.Share)})
		}
		if amount, share, ok := b.Support(); ok {
			a, s := json.Number(amount.String()), ratio(share)
			cb.Support, cb.SupportRate = &a, &s
		}
		cp.Budget = cb
	}
	if img := p.Image; img != nil && img.Src != "" {
		cp.Image = &catalogImage{URL: cfg.Absolute(mediaDir(p.ID) + img.Src), Alt: textMap(img.Alt)}
	}
	return cp
}

// catalogPractice gives a practice with language-neutral values.
func (r *renderer) catalogPractice(pr *model.Practice) catalogPractice {
	cfg := r.site.Config
	cp := catalogPractice{
		ID: pr.ID, OriginalLanguage: pr.Original, Languages: pr.Languages(), URLs: map[string]string{},
		Title: textMap(pr.Title), Summary: textMap(pr.Summary), Problem: textMap(pr.Problem),
		Steps: textMaps(pr.Steps), Needs: []catalogNeed{}, Results: textMaps(pr.Results.Points),
		Indicators: catalogIndicators(pr.Indicators), Lessons: textMaps(pr.Lessons.Points),
		Transfer: catalogTransfer{Conditions: textMaps(pr.Conditions.Points), Pitfalls: textMaps(pr.Pitfalls.Points)},
		Themes:   nonNil(pr.Themes), TargetGroups: nonNil(pr.TargetGroups), Projects: nonNil(pr.Projects),
		Funder: optional(pr.Funder), Countries: nonNil(pr.Countries), Featured: pr.Featured,
		Contacts: catalogContacts(pr.Contacts), Links: catalogLinks(pr.Links),
		Attachments: r.catalogAttachments(practiceMediaDir(pr.ID), pr.Attachments),
	}
	for _, lang := range cfg.Languages {
		cp.URLs[lang] = cfg.Absolute(r.lang[lang].urls.practice(pr.ID))
	}
	for _, n := range pr.Needs {
		cn := catalogNeed{Kind: string(n.Kind), Text: textMap(n.Text)}
		if n.Amount != nil {
			a, cur := json.Number(n.Amount.String()), n.Currency
			cn.Amount, cn.Currency = &a, &cur
		}
		cp.Needs = append(cp.Needs, cn)
	}
	return cp
}

// textMaps gives texts by language, one object per item.
func textMaps(ts []model.Text) []map[string]string {
	out := make([]map[string]string, 0, len(ts))
	for _, t := range ts {
		out = append(out, textMap(t))
	}
	return out
}

func catalogIndicators(inds []model.Indicator) []catalogIndicator {
	out := make([]catalogIndicator, 0, len(inds))
	for _, ind := range inds {
		out = append(out, catalogIndicator{Label: textMap(ind.Label),
			Value: json.Number(formatFloat(ind.Value, ind.Decimals)), Unit: textMap(ind.Unit), Approximate: ind.Approximate})
	}
	return out
}

func catalogContacts(cs []model.Contact) []catalogContact {
	out := make([]catalogContact, 0, len(cs))
	for _, c := range cs {
		out = append(out, catalogContact{Name: c.Name, Role: textMap(c.Role), Email: c.Email, Phone: c.Phone})
	}
	return out
}

func catalogLinks(ls []model.Link) []catalogLink {
	out := make([]catalogLink, 0, len(ls))
	for _, l := range ls {
		out = append(out, catalogLink{URL: l.URL, Label: textMap(l.Label)})
	}
	return out
}

// catalogAttachments gives the absolute URLs of attachments published in
// dir.
func (r *renderer) catalogAttachments(dir string, as []model.Attachment) []catalogLink {
	out := make([]catalogLink, 0, len(as))
	for _, a := range as {
		out = append(out, catalogLink{URL: r.site.Config.Absolute(dir + a.File), Label: textMap(a.Label)})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

type sitemapURL struct {
	Loc   string        `xml:"loc"`
	Links []sitemapLink `xml:"xhtml:link"`
}

type sitemapLink struct {
	Rel      string `xml:"rel,attr"`
	Hreflang string `xml:"hreflang,attr"`
	Href     string `xml:"href,attr"`
}

// writeSitemap writes sitemap.xml: every page written in its own language,
// with links to its translations. Fallback pages, whose canonical is the
// original, are left out.
func (r *renderer) writeSitemap() error {
	return r.writeLazy(r.allFolders(r.fingerprint("sitemap")).Sum(), "sitemap.xml", r.sitemapXML)
}

func (r *renderer) sitemapXML() ([]byte, error) {
	cfg := r.site.Config
	var urls []sitemapURL
	add := func(pathIn func(string) string, langs []string) {
		alts := r.alternates(pathIn, langs)
		for _, lang := range langs {
			u := sitemapURL{Loc: cfg.Absolute(pathIn(lang))}
			if len(langs) > 1 {
				for _, a := range alts {
					u.Links = append(u.Links, sitemapLink{Rel: "alternate", Hreflang: a.Lang, Href: a.URL})
				}
			}
			urls = append(urls, u)
		}
	}
	langs := cfg.Languages
	add(func(l string) string { return r.lang[l].urls.home() }, langs)
	add(func(l string) string { return r.lang[l].urls.accessibility() }, langs)
	for n := 1; n <= pageCount(len(r.site.Projects)); n++ {
		add(func(l string) string { return r.lang[l].urls.projectsPage(n) }, langs)
	}
	// The first page of every facet value; crawlers find the others.
	for _, f := range r.facets.Facets {
		for vi := range f.Values {
			add(func(l string) string { return r.lang[l].valuePath(f.Key, vi, 1) }, langs)
		}
	}
	for n := 1; n <= pageCount(len(r.site.Practices)); n++ {
		add(func(l string) string { return r.lang[l].urls.practicesPage(n) }, langs)
	}
	for _, f := range r.library.Facets {
		for vi := range f.Values {
			add(func(l string) string { return r.lang[l].libValuePath(f.Key, vi, 1) }, langs)
		}
	}
	writtenIn := func(f *model.Folder) []string {
		var in []string
		for _, l := range langs {
			if f.HasLang(l) {
				in = append(in, l)
			}
		}
		return in
	}
	for _, p := range r.site.Projects {
		add(func(l string) string { return r.lang[l].urls.project(p.ID) }, writtenIn(&p.Folder))
	}
	for _, p := range r.site.Practices {
		add(func(l string) string { return r.lang[l].urls.practice(p.ID) }, writtenIn(&p.Folder))
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	enc := xml.NewEncoder(&buf)
	enc.Indent("  ", "  ")
	for _, u := range urls {
		if err := enc.EncodeElement(u, xml.StartElement{Name: xml.Name{Local: "url"}}); err != nil {
			return nil, err
		}
	}
	if err := enc.Flush(); err != nil {
		return nil, err
	}
	buf.WriteString("\n</urlset>\n")
	return buf.Bytes(), nil
}
