package render

import (
	"cmp"
	"time"
)

// AccessibilityView is the accessibility statement of the site in the
// page's language, from the accessibility section of the configuration.
type AccessibilityView struct {
	// Status is fully, partially or not; "" when the site has not been
	// assessed (no accessibility section).
	Status     string
	Gaps       []string
	Email      string
	ContactURL string
	Prepared   string // written in the page's language; "" when not given
	Reviewed   string
	// Enforcement is the body that handles complaints.
	Enforcement    string
	EnforcementURL string
}

// inSomeLanguage returns a text in lang, or else in the default language,
// or else in the first of the site's languages that has it: a body named
// only in Estonian is still named on the Swedish page.
func (r *renderer) inSomeLanguage(texts map[string]string, lang string) string {
	s := cmp.Or(texts[lang], texts[r.site.Config.DefaultLanguage])
	for _, l := range r.site.Config.Languages {
		s = cmp.Or(s, texts[l])
	}
	return s
}

func (r *renderer) writeAccessibility(lc *langCtx) error {
	a := r.site.Config.Accessibility
	pathIn := func(lang string) string { return r.lang[lang].urls.accessibility() }
	p := r.page(lc, "accessibility", lc.urls.accessibility(), pathIn)
	p.Title = lc.strings["a11y_title"].Other
	p.Description, _ = p.T("a11y_intro", "site", lc.siteTitle)
	p.Alternates = r.alternates(pathIn, r.site.Config.Languages)
	p.Crumbs = []Crumb{{Name: lc.strings["nav_home"].Other, URL: lc.urls.home()}}
	v := &AccessibilityView{
		Status:         a.Status,
		Gaps:           a.Gaps[lc.lang],
		Email:          a.Email,
		ContactURL:     a.ContactURL,
		Enforcement:    r.inSomeLanguage(a.Enforcement.Name, lc.lang),
		EnforcementURL: r.inSomeLanguage(a.Enforcement.URL, lc.lang),
	}
	date := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return lc.loc.Date(t.Year(), int(t.Month()), t.Day())
	}
	v.Prepared, v.Reviewed = date(a.Prepared), date(a.Reviewed)
	p.A11y = v
	return r.executeFromFacts(p)
}
