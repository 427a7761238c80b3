package config

import (
	"net/mail"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Accessibility is the accessibility statement of a site, the accessibility
// section of vitrin.yaml. Public bodies in the EU must publish one
// (Directive 2016/2102); vitrin renders it as a page in every language:
//
//	accessibility:
//	  status: partially           # fully, partially or not: how the site meets WCAG 2.1 AA
//	  gaps:                       # known gaps, a text or a list per language
//	    fi: [Osa liitteistä on skannattuja PDF-tiedostoja.]
//	    sv: [En del bilagor är skannade PDF-filer.]
//	  contact:                    # where to send feedback: email, url or both (required)
//	    email: saavutettavuus@example.fi
//	    url: https://example.fi/palaute
//	  prepared: 2026-11-01        # when the statement was prepared (required)
//	  reviewed: 2026-11-20        # when it was last reviewed
//	  country: fi                 # where the publisher is (fi, ee or se); picks the enforcement body
//	  enforcement:                # overrides that body: a name per language, an address
//	    name: {fi: …, et: …, sv: …}
//	    url: https://…
//
// A site without the section gets a statement that says its accessibility
// has not been assessed yet, with the enforcement body of its default
// language's country.
type Accessibility struct {
	Set         bool                // the site has an accessibility section
	Status      string              // fully, partially, not; "" when not assessed
	Gaps        map[string][]string // by language
	Email       string
	ContactURL  string
	Prepared    time.Time // zero when not given
	Reviewed    time.Time
	Country     string // fi, ee or se
	Enforcement Enforcement
}

// Enforcement is the body that handles complaints about accessibility.
type Enforcement struct {
	Name map[string]string // by language
	URL  map[string]string // by language
}

// Statuses lists the conformance statuses of an accessibility statement.
func Statuses() []string { return []string{"fully", "partially", "not"} }

// Countries lists the countries vitrin knows the enforcement body of.
func Countries() []string { return []string{"fi", "ee", "se"} }

// DefaultEnforcement returns the body that enforces the accessibility of
// public websites in a country, named in every language vitrin writes.
func DefaultEnforcement(country string) Enforcement {
	switch country {
	case "fi":
		// Since 1 January 2025 the Transport and Communications Agency
		// Traficom, no longer the Regional State Administrative Agency for
		// Southern Finland (HE 71/2024).
		return Enforcement{
			Name: map[string]string{
				"fi": "Liikenne- ja viestintävirasto Traficom, saavutettavuuden valvonta",
				"et": "Soome Transpordi- ja Sideamet Traficom, ligipääsetavuse järelevalve",
				"sv": "Transport- och kommunikationsverket Traficom, tillsynen över tillgänglighet",
			},
			URL: allLangs("https://www.saavutettavuusvaatimukset.fi/"),
		}
	case "ee":
		return Enforcement{
			Name: map[string]string{
				"fi": "Viron kuluttajansuoja- ja teknisen valvonnan virasto (TTJA)",
				"et": "Tarbijakaitse ja Tehnilise Järelevalve Amet (TTJA)",
				"sv": "Estlands myndighet för konsumentskydd och teknisk tillsyn (TTJA)",
			},
			URL: allLangs("https://ttja.ee/"),
		}
	case "se":
		return Enforcement{
			Name: map[string]string{
				"fi": "Ruotsin digitaalihallinnon virasto (Digg)",
				"et": "Rootsi Digitaalhalduse Amet (Digg)",
				"sv": "Myndigheten för digital förvaltning (Digg)",
			},
			URL: allLangs("https://www.digg.se/"),
		}
	}
	return Enforcement{Name: map[string]string{}, URL: map[string]string{}}
}

func allLangs(s string) map[string]string {
	return map[string]string{"fi": s, "et": s, "sv": s}
}

// countryOf is the country whose law a site in a language most likely
// follows.
func countryOf(lang string) string {
	switch lang {
	case "et":
		return "ee"
	case "sv":
		return "se"
	}
	return "fi"
}

func accessibilityKeys() []string {
	return []string{"status", "gaps", "contact", "prepared", "reviewed", "country", "enforcement"}
}

// decodeAccessibility reads the accessibility section.
func (c *Config) decodeAccessibility(n *source.Node, diags *diag.List) {
	a := &c.Accessibility
	if n.Kind != source.Map {
		diags.Addf(n.Pos, "accessibility", "write status:, contact: and prepared: under accessibility:", "must be a group of keys")
		return
	}
	a.Set = true
	for _, e := range n.Entries {
		if !slices.Contains(accessibilityKeys(), e.Key) {
			diags.Addf(e.KeyPos, "accessibility."+e.Key, "the keys are "+strings.Join(accessibilityKeys(), ", "), "unknown key")
		}
	}
	if s := n.Get("status"); s == nil {
		diags.Addf(n.Pos, "accessibility.status", "write status: fully, partially or not", "a statement must say how the site meets the requirements")
	} else if v := text(s, "accessibility.status", diags); slices.Contains(Statuses(), v) {
		a.Status = v
	} else {
		diags.Addf(s.Pos, "accessibility.status", "write fully, partially or not", "%q is not a conformance status", v)
	}
	if g := n.Get("gaps"); g != nil {
		a.Gaps = c.textLists(g, "accessibility.gaps", diags)
	}
	contact := n.Get("contact")
	switch {
	case contact == nil:
		diags.Addf(n.Pos, "accessibility.contact", "write contact: with email: or url: where readers send feedback", "a statement must say where to send feedback")
	case contact.Kind != source.Map:
		diags.Addf(contact.Pos, "accessibility.contact", "write email: and/or url: under contact:", "must be a group of keys")
	default:
		for _, e := range contact.Entries {
			if e.Key != "email" && e.Key != "url" {
				diags.Addf(e.KeyPos, "accessibility.contact."+e.Key, "the keys are email and url", "unknown key")
			}
		}
		if e := contact.Get("email"); e != nil {
			v := text(e, "accessibility.contact.email", diags)
			if addr, err := mail.ParseAddress(v); err != nil || addr.Address != v || addr.Name != "" {
				diags.Addf(e.Pos, "accessibility.contact.email", "write an address such as saavutettavuus@example.fi", "%q is not an e-mail address", v)
			} else {
				a.Email = v
			}
		}
		if u := contact.Get("url"); u != nil {
			a.ContactURL = webAddress(u, "accessibility.contact.url", diags)
		}
		if a.Email == "" && a.ContactURL == "" && contact.Get("email") == nil && contact.Get("url") == nil {
			diags.Addf(contact.Pos, "accessibility.contact", "write email:, url: or both", "a statement must say where to send feedback")
		}
	}
	a.Prepared = date(n.Get("prepared"), "accessibility.prepared", diags)
	if n.Get("prepared") == nil {
		diags.Addf(n.Pos, "accessibility.prepared", "write prepared: 2026-11-01, the day the statement was prepared", "a statement must give its date")
	}
	a.Reviewed = date(n.Get("reviewed"), "accessibility.reviewed", diags)
	if !a.Prepared.IsZero() && !a.Reviewed.IsZero() && a.Reviewed.Before(a.Prepared) {
		diags.Addf(n.Get("reviewed").Pos, "accessibility.reviewed", "write a date on or after prepared", "is before the statement was prepared")
	}
	if k := n.Get("country"); k != nil {
		v := text(k, "accessibility.country", diags)
		if slices.Contains(Countries(), v) {
			a.Country = v
		} else {
			diags.Addf(k.Pos, "accessibility.country", "write fi, ee or se, or give enforcement: yourself", "vitrin does not know the enforcement body of %q", v)
		}
	}
	if e := n.Get("enforcement"); e != nil {
		c.decodeEnforcement(e, diags)
	}
}

func (c *Config) decodeEnforcement(n *source.Node, diags *diag.List) {
	if n.Kind != source.Map {
		diags.Addf(n.Pos, "accessibility.enforcement", "write name: and url: under enforcement:", "must be a group of keys")
		return
	}
	for _, e := range n.Entries {
		if e.Key != "name" && e.Key != "url" {
			diags.Addf(e.KeyPos, "accessibility.enforcement."+e.Key, "the keys are name and url", "unknown key")
		}
	}
	en := Enforcement{Name: map[string]string{}, URL: map[string]string{}}
	if v := n.Get("name"); v != nil {
		c.perLanguage(v, "accessibility.enforcement.name", en.Name, diags)
	} else {
		diags.Addf(n.Pos, "accessibility.enforcement.name", "write name: {fi: …, et: …, sv: …}", "the enforcement body needs a name")
	}
	if v := n.Get("url"); v != nil {
		c.perLanguage(v, "accessibility.enforcement.url", en.URL, diags)
		for lang, u := range en.URL {
			if !isWebAddress(u) {
				diags.Addf(v.Pos, "accessibility.enforcement.url", "write the full address, such as https://example.org/", "%q is not an http or https address", u)
				delete(en.URL, lang)
			}
		}
	}
	c.Accessibility.Enforcement = en
}

// finishAccessibility fills in the defaults once the languages are known.
func (c *Config) finishAccessibility() {
	a := &c.Accessibility
	if a.Country == "" {
		a.Country = countryOf(c.DefaultLanguage)
	}
	if a.Enforcement.Name == nil {
		a.Enforcement = DefaultEnforcement(a.Country)
	}
}

// textLists reads a text or a list of texts per language: {fi: [a, b]},
// or one list for every language.
func (c *Config) textLists(n *source.Node, field string, diags *diag.List) map[string][]string {
	out := map[string][]string{}
	list := func(n *source.Node, field string) []string {
		items := n.Items
		switch n.Kind {
		case source.Scalar:
			items = []*source.Node{n}
		case source.List:
		default:
			diags.Addf(n.Pos, field, "write a text or a list of texts", "must be text")
			return nil
		}
		var texts []string
		for _, it := range items {
			if s := text(it, field, diags); s != "" {
				texts = append(texts, s)
			}
		}
		return texts
	}
	if n.Kind != source.Map {
		l := list(n, field)
		for _, lang := range c.Languages {
			out[lang] = l
		}
		return out
	}
	for _, e := range n.Entries {
		if !slices.Contains(c.Languages, e.Key) {
			diags.Addf(e.KeyPos, field+"."+e.Key, "use one of "+strings.Join(c.Languages, ", "), "%q is not one of the site's languages", e.Key)
			continue
		}
		out[e.Key] = list(e.Value, field+"."+e.Key)
	}
	return out
}

// date reads an ISO date: 2026-11-01.
func date(n *source.Node, field string, diags *diag.List) time.Time {
	if n == nil {
		return time.Time{}
	}
	v := text(n, field, diags)
	t, err := time.Parse("2006-01-02", v)
	if err != nil {
		diags.Addf(n.Pos, field, "write the date as 2026-11-01", "%q is not a date", v)
	}
	return t
}

// webAddress reads an absolute http or https address.
func webAddress(n *source.Node, field string, diags *diag.List) string {
	v := text(n, field, diags)
	if !isWebAddress(v) {
		diags.Addf(n.Pos, field, "write the full address, such as https://example.org/palaute", "%q is not an http or https address", v)
		return ""
	}
	return v
}

func isWebAddress(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && !strings.ContainsAny(s, " \t\n")
}
