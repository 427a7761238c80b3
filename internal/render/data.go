package render

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"math"
	"strconv"

	"github.com/vitrin-ssg/vitrin/internal/model"
)

// CatalogFormat names the version of catalog.json's shape.
const CatalogFormat = "vitrin-catalog/1"

// catalogFile is the shape of catalog.json. Its documentation is in
// README.md; change both together.
type catalogFile struct {
	Format       string                   `json:"format"`
	Generated    string                   `json:"generated"`
	BaseURL      string                   `json:"base_url"`
	Languages    []string                 `json:"languages"`
	Vocabularies map[string][]catalogTerm `json:"vocabularies"`
	Projects     []catalogProject         `json:"projects"`
}

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

// writeCatalog writes catalog.json, the open data of every project with
// language-neutral values.
func (r *renderer) writeCatalog() error {
	cfg := r.site.Config
	out := catalogFile{
		Format:       CatalogFormat,
		Generated:    r.site.Now.Format("2006-01-02"),
		BaseURL:      cfg.BaseURL.String(),
		Languages:    cfg.Languages,
		Vocabularies: map[string][]catalogTerm{},
		Projects:     make([]catalogProject, 0, len(r.site.Projects)),
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
		out.Vocabularies[name] = terms
	}
	for _, p := range r.site.Projects {
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
			Indicators: []catalogIndicator{}, Contacts: []catalogContact{}, Links: []catalogLink{}, Attachments: []catalogLink{},
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
		for _, ind := range p.Indicators {
			cp.Indicators = append(cp.Indicators, catalogIndicator{Label: textMap(ind.Label),
				Value: json.Number(formatFloat(ind.Value, ind.Decimals)), Unit: textMap(ind.Unit), Approximate: ind.Approximate})
		}
		for _, c := range p.Contacts {
			cp.Contacts = append(cp.Contacts, catalogContact{Name: c.Name, Role: textMap(c.Role), Email: c.Email, Phone: c.Phone})
		}
		for _, l := range p.Links {
			cp.Links = append(cp.Links, catalogLink{URL: l.URL, Label: textMap(l.Label)})
		}
		for _, a := range p.Attachments {
			cp.Attachments = append(cp.Attachments, catalogLink{URL: cfg.Absolute(mediaDir(p.ID) + a.File), Label: textMap(a.Label)})
		}
		if img := p.Image; img != nil && img.Src != "" {
			cp.Image = &catalogImage{URL: cfg.Absolute(mediaDir(p.ID) + img.Src), Alt: textMap(img.Alt)}
		}
		out.Projects = append(out.Projects, cp)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	return r.write("catalog.json", buf.Bytes())
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
	pages := max(1, (len(r.site.Projects)+PageSize-1)/PageSize)
	for n := 1; n <= pages; n++ {
		add(func(l string) string { return r.lang[l].urls.projectsPage(n) }, langs)
	}
	for _, p := range r.site.Projects {
		var in []string
		for _, l := range langs {
			if p.HasLang(l) {
				in = append(in, l)
			}
		}
		add(func(l string) string { return r.lang[l].urls.project(p.ID) }, in)
	}
	var buf bytes.Buffer
	buf.WriteString(xml.Header)
	buf.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">` + "\n")
	enc := xml.NewEncoder(&buf)
	enc.Indent("  ", "  ")
	for _, u := range urls {
		if err := enc.EncodeElement(u, xml.StartElement{Name: xml.Name{Local: "url"}}); err != nil {
			return err
		}
	}
	if err := enc.Flush(); err != nil {
		return err
	}
	buf.WriteString("\n</urlset>\n")
	return r.write("sitemap.xml", buf.Bytes())
}
