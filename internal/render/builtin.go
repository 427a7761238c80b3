package render

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/publish"
)

// The default theme's project pages, facet value pages and cards are most
// of a catalogue's pages: written in Go here, they render several times
// faster than through html/template, which spends most of a page's time
// on reflection. The output is byte for byte the templates' own
// (TestBuiltinLayoutsEqualTemplates renders whole sites both ways), and it
// is used only when the theme's layouts are exactly the ones these
// functions were written from: builtinLayouts is their digest
// (layoutsDigest). A theme of a site's own, or any change to the default
// theme's layouts, renders through the templates until the functions and
// the digest are brought up to date together.
const builtinLayouts = "fca2f9bc7b9be4e59c27ea492b45e13057bcd2ad98eadacf83c406efe13dce12"

// layoutsDigest returns the SHA-256 of a theme's layouts: every file under
// layouts/, by name, in order.
func layoutsDigest(fsys fs.FS) (string, error) {
	names, err := listFiles(fsys, "layouts")
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, name := range names {
		b, err := fs.ReadFile(fsys, "layouts/"+name)
		if err != nil {
			return "", err
		}
		h.Write([]byte(name))
		h.Write([]byte{0})
		h.Write([]byte(strconv.Itoa(len(b))))
		h.Write([]byte{0})
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// builtinPage renders the page kinds written in Go.
type builtinPage func(w *htmlWriter, p *Page)

// builtinPages are the page kinds of the default theme written in Go.
func builtinPages() map[string]builtinPage {
	return map[string]builtinPage{
		"project":  func(w *htmlWriter, p *Page) { w.base(p, w.projectMain) },
		"facet":    func(w *htmlWriter, p *Page) { w.base(p, w.facetMain) },
		"projects": func(w *htmlWriter, p *Page) { w.base(p, w.projectsMain) },
	}
}

// htmlWriter writes HTML as the default theme's layouts do, escaping each
// value as html/template escapes it in the same place. The first error (a
// UI string that is missing, a card that failed) is kept in err and ends
// the page.
type htmlWriter struct {
	b   *bytes.Buffer
	err error
	// min, when set, is the sink's minifier, and the page is written as
	// it would leave it, so that it need not run on the page: the
	// layout's line breaks go, and HTML fragments (a Markdown body) go
	// through min as parts. Values are written as they are; changed
	// records a value that the minifier would have written differently
	// (an escaped character, a run of white space), and the page is then
	// rendered again for the minifier.
	min     publish.PartWriter
	changed bool
}

// lit writes the layout's own text.
func (w *htmlWriter) lit(s string) {
	if w.min == nil {
		w.b.WriteString(s)
		return
	}
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			break
		}
		w.b.WriteString(s[:i])
		s = s[i+1:]
	}
	w.b.WriteString(s)
}

// keep writes layout text that the minifier leaves as it is, line breaks
// too: white space between inline elements.
func (w *htmlWriter) keep(s string) { w.b.WriteString(s) }

// text writes a value in text or in a quoted attribute.
func (w *htmlWriter) text(s string) {
	if w.min != nil && !w.changed {
		if minifierKeeps(s) {
			w.b.WriteString(s) // nothing in it to escape
			return
		}
		w.changed = true
	}
	escapeHTML(w.b, s)
}

// minifierKeeps reports whether the minifier leaves a value as escapeHTML
// writes it, in text and in attributes: not empty (title="" becomes
// title), nothing escaped (it would turn &#39; into ' and choose the
// attribute's quotes by what the value holds) and no white space but
// single spaces between words (it collapses runs and trims them next to
// block elements).
func minifierKeeps(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] > '>' {
			continue // the bytes the switch looks for are all at most '>'; letters are above
		}
		switch s[i] {
		case 0, '"', '&', '\'', '+', '<', '>', '\t', '\n', '\r', '\f':
			return false
		case ' ':
			if s[i+1] == ' ' {
				return false
			}
		}
	}
	return true
}

// fragment writes HTML made elsewhere (a rendered Markdown body).
func (w *htmlWriter) fragment(html string) {
	if w.min == nil {
		w.b.WriteString(html)
		return
	}
	b, err := w.min.Part("page.html", []byte(html))
	w.fail(err)
	w.b.Write(b)
}

// escapeHTML writes s as html/template escapes a plain string in text and
// in a quoted attribute (htmlEscaper and attrEscaper share its
// htmlReplacementTable): the five HTML specials, + (which UTF-7 could
// read as an escape) and NUL.
func escapeHTML(w *bytes.Buffer, s string) {
	last := 0
	for i := 0; i < len(s); i++ {
		var repl string
		switch s[i] {
		case 0:
			repl = "\uFFFD"
		case '"':
			repl = "&#34;"
		case '&':
			repl = "&amp;"
		case '\'':
			repl = "&#39;"
		case '+':
			repl = "&#43;"
		case '<':
			repl = "&lt;"
		case '>':
			repl = "&gt;"
		default:
			continue
		}
		w.WriteString(s[last:i])
		w.WriteString(repl)
		last = i + 1
	}
	w.WriteString(s[last:])
}

// int writes a number as a template prints it.
func (w *htmlWriter) int(n int) { w.b.WriteString(strconv.Itoa(n)) }

// url writes a value that starts a URL attribute: a scheme other than
// http, https or mailto is refused as html/template's urlFilter refuses
// it, then the value is normalised (urlPart).
func (w *htmlWriter) url(s string) {
	if scheme, _, ok := strings.Cut(s, ":"); ok && !strings.Contains(scheme, "/") &&
		!strings.EqualFold(scheme, "http") && !strings.EqualFold(scheme, "https") && !strings.EqualFold(scheme, "mailto") {
		s = "#ZgotmplZ"
	}
	w.urlPart(s)
}

// urlPart writes a value inside a URL attribute before any query:
// html/template's urlNormalizer (bytes a URL cannot hold are
// percent-encoded, valid escapes kept), then its attrEscaper.
func (w *htmlWriter) urlPart(s string) {
	var b strings.Builder
	last := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			continue
		case strings.IndexByte("!#$&*+,/:;=?@[]-._~", c) >= 0:
			continue
		case c == '%' && i+2 < len(s) && isHexDigit(s[i+1]) && isHexDigit(s[i+2]):
			continue
		}
		if b.Len() == 0 {
			b.Grow(len(s) + 16)
		}
		b.WriteString(s[last:i])
		b.WriteByte('%')
		b.WriteByte("0123456789abcdef"[c>>4])
		b.WriteByte("0123456789abcdef"[c&15])
		last = i + 1
	}
	if last == 0 {
		w.text(s)
		return
	}
	b.WriteString(s[last:])
	w.text(b.String())
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// rel writes a link from page p to a site path, in a URL attribute.
func (w *htmlWriter) rel(p *Page, to string) { w.url(p.Rel(to)) }

// t writes a UI string of page p's language.
func (w *htmlWriter) t(p *Page, key string, args ...any) {
	s, err := p.T(key, args...)
	w.fail(err)
	w.text(s)
}

func (w *htmlWriter) fail(err error) {
	if err != nil && w.err == nil {
		w.err = err
	}
}

// txt is the template "txt": a text, marked with its language when it is
// not the page's.
func (w *htmlWriter) txt(t Txt) {
	if t.Foreign {
		w.lit(`<span lang="`)
		w.text(t.Lang)
		w.lit(`">`)
		w.text(t.S)
		w.lit(`</span>`)
		return
	}
	w.text(t.S)
}

// langAttr writes ` lang="…"` for a text in another language.
func (w *htmlWriter) langAttr(t Txt) {
	if t.Foreign {
		w.lit(` lang="`)
		w.text(t.Lang)
		w.lit(`"`)
	}
}

// base is the template "base" with main as its "main".
func (w *htmlWriter) base(p *Page, main func(p *Page)) {
	if w.min != nil {
		w.lit(`<!doctype html><html lang="`)
	} else {
		w.lit("<!DOCTYPE html>\n<html lang=\"")
	}
	w.text(p.Lang)
	if w.min != nil {
		w.lit(`"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>`)
	} else {
		w.lit("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
	}
	title := p.HeadTitle()
	w.text(title)
	w.lit("</title>\n")
	if p.Description != "" {
		w.lit(`<meta name="description" content="`)
		w.text(p.Description)
		w.lit("\">\n")
	}
	if p.NoIndex {
		w.lit("<meta name=\"robots\" content=\"noindex\">\n")
	}
	if p.Canonical != "" {
		w.lit(`<link rel="canonical" href="`)
		w.url(p.Canonical)
		w.lit("\">\n")
	}
	for _, a := range p.Alternates {
		w.lit(`<link rel="alternate" hreflang="`)
		w.text(a.Lang)
		w.lit(`" href="`)
		w.url(a.URL)
		w.lit("\">\n")
	}
	w.lit(`<link rel="stylesheet" href="`)
	w.asset(p, "style.css")
	w.lit("\">\n<link rel=\"icon\" href=\"")
	w.asset(p, "favicon.svg")
	w.lit("\" type=\"image/svg+xml\">\n<meta name=\"generator\" content=\"vitrin\">\n<meta property=\"og:title\" content=\"")
	w.text(title)
	w.lit("\">\n")
	if p.Description != "" {
		w.lit(`<meta property="og:description" content="`)
		w.text(p.Description)
		w.lit("\">\n")
	}
	if p.Canonical != "" {
		w.lit(`<meta property="og:url" content="`)
		w.text(p.Canonical)
		w.lit("\">\n")
	}
	w.lit(`<meta property="og:locale" content="`)
	w.text(p.OGLocale())
	w.lit("\">\n<meta property=\"og:site_name\" content=\"")
	w.text(p.SiteTitle())
	w.lit("\">\n</head>\n<body class=\"kind-")
	w.text(p.Kind)
	w.lit("\">\n<a class=\"skip-link\" href=\"#main\">")
	w.t(p, "skip_to_content")
	w.lit("</a>\n<header class=\"site-header\">\n<div class=\"wrap header-row\">\n<a class=\"site-title\" href=\"")
	w.rel(p, p.HomeURL())
	w.lit(`">`)
	w.text(p.SiteTitle())
	w.lit("</a>\n")
	if p.Kind != "root" {
		w.languageSwitcher(p)
	}
	w.lit("\n</div>\n")
	if p.Kind != "root" {
		w.lit(`<nav class="main-nav" aria-label="`)
		w.t(p, "nav_main")
		w.lit("\">\n<ul class=\"wrap\">\n")
		for _, n := range p.Nav() {
			w.lit(`<li><a href="`)
			w.rel(p, n.URL)
			w.lit(`"`)
			if n.Current {
				w.lit(` aria-current="page"`)
			}
			w.lit(`>`)
			w.text(n.Name)
			w.lit("</a></li>\n")
		}
		w.lit("</ul>\n</nav>")
	}
	w.lit("\n</header>\n<main id=\"main\" tabindex=\"-1\">\n<div class=\"wrap\">\n")
	w.breadcrumbs(p)
	w.lit("\n")
	main(p)
	w.lit("\n</div>\n</main>\n<footer class=\"site-footer\">\n<div class=\"wrap\">\n<p class=\"footer-title\">")
	w.text(p.SiteTitle())
	w.lit("</p>\n<ul class=\"footer-links\">\n<li><a href=\"")
	w.rel(p, p.AccessibilityURL())
	w.lit(`">`)
	w.t(p, "footer_accessibility")
	w.lit("</a></li>\n<li><a href=\"")
	w.rel(p, p.CatalogURL())
	w.lit(`" type="application/json">`)
	w.t(p, "footer_open_data")
	w.lit("</a></li>\n</ul>\n<p class=\"generator\">")
	w.t(p, "footer_generator")
	w.lit("</p>\n</div>\n</footer>\n</body>\n</html>\n")
}

func (w *htmlWriter) asset(p *Page, name string) {
	s, err := p.Asset(name)
	w.fail(err)
	w.url(s)
}

// languageSwitcher is the template "language-switcher".
func (w *htmlWriter) languageSwitcher(p *Page) {
	w.lit(`<nav class="lang-switch" aria-label="`)
	w.t(p, "nav_languages")
	w.lit("\">\n<ul>\n")
	for _, s := range p.Switcher {
		w.lit(`<li><a href="`)
		w.rel(p, s.URL)
		w.lit(`" lang="`)
		w.text(s.Lang)
		if s.Current {
			w.lit(`" aria-current="true"><span class="visually-hidden">`)
			w.t(p, "current_language")
			w.lit(` </span>`)
		} else {
			w.lit(`"`)
			if s.Translated {
				w.lit(` hreflang="`)
				w.text(s.Lang)
				w.lit(`"`)
			}
			w.lit(`>`)
		}
		w.text(s.Name)
		w.lit("</a></li>\n")
	}
	w.lit("</ul>\n</nav>")
}

// breadcrumbs is the template "breadcrumbs".
func (w *htmlWriter) breadcrumbs(p *Page) {
	if len(p.Crumbs) == 0 {
		return
	}
	w.lit(`<nav class="breadcrumbs" aria-label="`)
	w.t(p, "breadcrumbs")
	w.lit("\">\n<ol>\n")
	for _, c := range p.Crumbs {
		w.lit(`<li><a href="`)
		w.rel(p, c.URL)
		w.lit(`">`)
		w.text(c.Name)
		w.lit("</a></li>\n")
	}
	w.lit(`<li><span aria-current="page">`)
	w.text(p.Title)
	w.lit("</span></li>\n</ol>\n</nav>")
}

// status is the template "status".
func (w *htmlWriter) status(pv *ProjectView) {
	w.lit(`<span class="status status-`)
	w.text(pv.Status)
	w.lit(`">`)
	w.text(pv.StatusLabel)
	w.lit(`</span>`)
}

// section opens a section headed by the UI string key, as the layouts
// write it: <section id="…" aria-labelledby="…-heading"><h2 id="…-heading">.
func (w *htmlWriter) section(p *Page, id, key string) {
	w.lit(`<section id="`)
	w.lit(id)
	w.lit(`" aria-labelledby="`)
	w.lit(id)
	w.lit("-heading\">\n<h2 id=\"")
	w.lit(id)
	w.lit(`-heading">`)
	w.t(p, key)
	w.lit("</h2>\n")
}

// termLink is the template "term-link".
func (w *htmlWriter) termLink(p *Page, t *TermView) {
	if t.URL == "" {
		w.text(t.Label)
		return
	}
	w.lit(`<a href="`)
	w.rel(p, t.URL)
	w.lit(`">`)
	w.text(t.Label)
	w.lit(`</a>`)
}

// termLinks is the template "term-links".
func (w *htmlWriter) termLinks(p *Page, ts []TermView) {
	for i := range ts {
		if i > 0 {
			w.lit(", ")
		}
		w.termLink(p, &ts[i])
	}
}

// card is the template "card" as Page.Card asks for it, with a level-2
// heading (the home page's level-3 cards render through the templates).
func (w *htmlWriter) card(p *Page, pv *ProjectView) {
	w.lit(`<article class="card`)
	if pv.Fallback {
		w.lit(` card-fallback`)
	}
	w.lit("\">\n<h2 class=\"card-title\">")
	w.cardLink(p, pv)
	w.lit("</h2>\n<p class=\"card-summary\"")
	w.langAttr(pv.Summary)
	w.lit(`>`)
	w.text(pv.Summary.S)
	w.lit("</p>\n<dl class=\"card-meta\">\n<div class=\"meta-status\"><dt>")
	w.t(p, "fact_status")
	w.lit(`</dt><dd>`)
	w.status(pv)
	w.lit("</dd></div>\n")
	if pv.Period != "" {
		w.lit(`<div class="meta-period"><dt>`)
		w.t(p, "fact_period")
		w.lit(`</dt><dd>`)
		w.text(pv.Period)
		w.lit("</dd></div>\n")
	}
	w.lit(`<div class="meta-organisation"><dt>`)
	w.t(p, "fact_organisation")
	w.lit(`</dt><dd>`)
	w.text(pv.Organisation)
	w.lit("</dd></div>\n")
	if pv.Budget != nil {
		w.lit(`<div class="meta-budget"><dt>`)
		w.t(p, "fact_budget")
		w.lit(`</dt><dd>`)
		w.text(pv.Budget.Total)
		w.lit("</dd></div>\n")
	}
	if pv.Region != nil {
		w.lit(`<div class="meta-region"><dt>`)
		w.t(p, "fact_region")
		w.lit(`</dt><dd>`)
		w.text(pv.Region.Label)
		w.lit("</dd></div>\n")
	}
	if len(pv.Themes) > 0 {
		w.lit(`<div class="meta-themes"><dt>`)
		w.t(p, "fact_themes")
		w.lit(`</dt><dd>`)
		for i, t := range pv.Themes {
			if i > 0 {
				w.lit(", ")
			}
			w.text(t.Label)
		}
		w.lit("</dd></div>\n")
	}
	w.lit("</dl>\n")
	if pv.Fallback {
		w.lit(`<p class="card-note">`)
		w.t(p, "original_language", "language", pv.OriginalLanguage)
		w.lit("</p>\n")
	}
	w.lit(`</article>`)
}

// cardLink is the template "card-link".
func (w *htmlWriter) cardLink(p *Page, pv *ProjectView) {
	w.lit(`<a href="`)
	w.rel(p, pv.URL)
	w.lit(`"`)
	w.langAttr(pv.Title)
	w.lit(`>`)
	w.text(pv.Title.S)
	w.lit(`</a>`)
}

// pagination is the template "pagination".
func (w *htmlWriter) pagination(p *Page, g *Pager) {
	if g.Pages <= 1 {
		return
	}
	w.lit(`<nav class="pagination" aria-label="`)
	w.t(p, "pagination")
	w.lit("\">\n<ul>\n")
	if g.PrevURL != "" {
		w.lit(`<li><a href="`)
		w.rel(p, g.PrevURL)
		w.lit(`" rel="prev">`)
		w.t(p, "previous_page")
		w.lit("</a></li>\n")
	}
	for _, l := range g.PageURLs {
		if l.Gap {
			w.lit("<li aria-hidden=\"true\">…</li>\n")
		}
		w.lit(`<li><a href="`)
		w.rel(p, l.URL)
		if l.Current {
			w.lit(`" aria-current="page">`)
		} else {
			w.lit(`">`)
		}
		w.int(l.Num)
		w.lit("</a></li>\n")
	}
	if g.NextURL != "" {
		w.lit(`<li><a href="`)
		w.rel(p, g.NextURL)
		w.lit(`" rel="next">`)
		w.t(p, "next_page")
		w.lit("</a></li>\n")
	}
	w.lit("</ul>\n</nav>")
}

// contactSections is the template "contact-sections" for a project.
func (w *htmlWriter) contactSections(p *Page, contacts []ContactView, links, attachments []LinkView) {
	if len(contacts) > 0 {
		w.section(p, "contacts", "contacts_heading")
		w.lit(`<ul class="contacts">` + "\n")
		for _, c := range contacts {
			w.lit(`<li>`)
			if c.Name != "" {
				w.lit(`<strong class="contact-line">`)
				w.text(c.Name)
				w.lit(`</strong>`)
			}
			if c.Role.S != "" {
				w.lit(`<span class="contact-line">`)
				w.txt(c.Role)
				w.lit(`</span>`)
			}
			if c.Email != "" {
				w.lit(`<span class="contact-line">`)
				w.t(p, "email")
				w.lit(`: <a href="mailto:`)
				w.urlPart(c.Email)
				w.lit(`">`)
				w.text(c.Email)
				w.lit(`</a></span>`)
			}
			if c.Phone != "" {
				w.lit(`<span class="contact-line">`)
				w.t(p, "phone")
				w.lit(`: <a href="tel:`)
				w.urlPart(c.Tel)
				w.lit(`">`)
				w.text(c.Phone)
				w.lit(`</a></span>`)
			}
			w.lit("</li>\n")
		}
		w.lit("</ul>\n</section>")
	}
	w.lit("\n")
	if len(links) > 0 {
		w.section(p, "links", "links_heading")
		w.lit("<ul>\n")
		for _, l := range links {
			w.lit(`<li><a href="`)
			w.url(l.URL)
			w.lit(`">`)
			w.txt(l.Label)
			w.lit("</a></li>\n")
		}
		w.lit("</ul>\n</section>")
	}
	w.lit("\n")
	if len(attachments) > 0 {
		w.section(p, "attachments", "attachments_heading")
		w.lit("<ul>\n")
		for _, a := range attachments {
			w.lit(`<li><a href="`)
			w.rel(p, a.URL)
			w.lit(`" data-url="`)
			w.url(p.Abs(a.URL))
			w.lit(`">`)
			w.txt(a.Label)
			w.lit(`</a>`)
			if a.Size != "" {
				w.lit(` <span class="file-size">(`)
				w.text(a.Size)
				w.lit(`)</span>`)
			}
			w.lit("</li>\n")
		}
		w.lit("</ul>\n</section>")
	}
}

// listingSummary is the template "listing-summary".
func (w *htmlWriter) listingSummary(p *Page) {
	l := p.Listing
	s, err := p.TN("projects_count", l.Total)
	w.fail(err)
	w.text(s)
	if l.Pages > 1 {
		w.lit(" · ")
		w.t(p, "page_of", "page", l.PageNum, "pages", l.Pages)
	}
	w.lit(" · ")
	w.t(p, "sorted_newest")
}

// listing is the template "listing".
func (w *htmlWriter) listing(p *Page) {
	l := p.Listing
	w.lit("<ul class=\"cards\" id=\"results\">\n")
	for _, pv := range l.Items {
		w.lit(`<li>`)
		card, err := p.Card(pv)
		w.fail(err)
		w.lit(string(card))
		w.lit("</li>\n")
	}
	w.lit("</ul>\n<div id=\"pager\">")
	w.pagination(p, &l.Pager)
	w.lit(`</div>`)
}

// projectsMain is projects.html's "main": the first page of the listing
// has the filters and the links to the facets' pages, the others only
// cards.
func (w *htmlWriter) projectsMain(p *Page) {
	l := p.Listing
	w.lit(`<h1>`)
	w.text(p.Title)
	w.lit("</h1>\n")
	if len(l.Facets) == 0 {
		w.lit(`<p class="listing-summary">`)
		w.listingSummary(p)
		w.lit("</p>\n")
		w.listing(p)
		w.lit("\n")
		return
	}
	w.lit("<div class=\"listing-layout\">\n<div class=\"listing-side\">\n")
	w.filters(p)
	w.lit("\n")
	w.browse(p)
	w.lit("\n</div>\n<div class=\"listing-main\">\n<p class=\"listing-summary\"><span id=\"result-count\" role=\"status\">")
	s, err := p.TN("projects_count", l.Total)
	w.fail(err)
	w.text(s)
	w.lit(`</span><span id="result-more">`)
	if l.Pages > 1 {
		w.lit(" · ")
		w.t(p, "page_of", "page", l.PageNum, "pages", l.Pages)
	}
	w.lit(" · ")
	w.t(p, "sorted_newest")
	w.lit("</span></p>\n<div class=\"no-results\" id=\"no-results\" hidden>\n<p>")
	w.t(p, "no_results")
	w.lit("</p>\n<p><a class=\"clear-filters\" href=\"")
	w.rel(p, p.Path)
	w.lit(`">`)
	w.t(p, "clear_filters")
	w.lit("</a></p>\n</div>\n")
	w.listing(p)
	w.lit("\n</div>\n</div>\n<template id=\"card-template\"><li>")
	w.card(p, l.Card)
	w.lit("</li></template>\n<script src=\"")
	w.asset(p, "listing.js")
	w.lit("\" defer></script>\n")
}

// filters is the template "filters": the form the listing script shows.
// Its data- attributes are plain values to html/template, not URLs.
func (w *htmlWriter) filters(p *Page) {
	l := p.Listing
	w.lit(`<form class="filters" id="filters" hidden autocomplete="off" aria-labelledby="filters-heading" data-index="`)
	w.text(p.Rel(l.IndexURL))
	w.lit(`" data-search="`)
	w.text(p.Rel(l.SearchURL))
	for _, a := range []struct{ attr, value string }{
		{"data-count-one", l.CountOne}, {"data-count-other", l.CountOther}, {"data-page-of", l.PageOf}, {"data-sep", l.NumberSep},
	} {
		w.lit(`" ` + a.attr + `="`)
		w.text(a.value)
	}
	w.lit(`" data-prev="`)
	w.t(p, "previous_page")
	w.lit(`" data-next="`)
	w.t(p, "next_page")
	w.lit(`" data-pages="`)
	w.t(p, "pagination")
	w.lit("\">\n<h2 id=\"filters-heading\">")
	w.text(l.FiltersHeading)
	w.lit("</h2>\n<div class=\"filter-field\">\n<label for=\"q\">")
	w.text(l.SearchLabel)
	w.lit("</label>")
	w.keep("\n")
	w.lit("<input type=\"search\" id=\"q\" name=\"q\" aria-describedby=\"q-hint\">\n<p class=\"hint\" id=\"q-hint\">")
	w.text(l.Hint)
	w.lit("</p>\n</div>\n<div class=\"filter-field\">\n<label for=\"sort\">")
	w.t(p, "sort_label")
	w.lit("</label>")
	w.keep("\n")
	w.lit("<select id=\"sort\" name=\"sort\">\n")
	for _, s := range l.Sorts {
		w.lit(`<option value="`)
		w.text(s.Key)
		w.lit(`">`)
		w.text(s.Label)
		w.lit("</option>\n")
	}
	w.lit("</select>\n</div>\n<details class=\"facet-panel\" id=\"facet-panel\">\n<summary>")
	w.t(p, "filters_more")
	w.lit("</summary>\n")
	for _, f := range l.Facets {
		w.lit(`<details class="facet" data-facet="`)
		w.text(f.Key)
		w.lit("\">\n<summary>")
		w.text(f.Name)
		w.lit("</summary>\n<fieldset>\n<legend class=\"visually-hidden\">")
		w.text(f.Name)
		w.lit("</legend>\n<ul>\n")
		for _, v := range f.Values {
			w.lit(`<li><label><input type="checkbox" name="`)
			w.text(f.Key)
			w.lit(`" value="`)
			w.text(v.Key)
			w.lit(`"> `)
			w.text(v.Label)
			w.lit(` <span class="count">(`)
			w.text(p.Int(v.Count))
			w.lit(")</span></label></li>\n")
		}
		w.lit("</ul>\n</fieldset>\n</details>\n")
	}
	w.lit("</details>\n<p><a class=\"clear-filters\" href=\"")
	w.rel(p, p.Path)
	w.lit(`">`)
	w.t(p, "clear_filters")
	w.lit("</a></p>\n</form>")
}

// browse is the template "browse": links to every facet value's page.
func (w *htmlWriter) browse(p *Page) {
	w.lit("<nav class=\"browse\" id=\"browse\" aria-labelledby=\"browse-heading\">\n<h2 id=\"browse-heading\">")
	w.text(p.Listing.BrowseHeading)
	w.lit("</h2>\n")
	for _, f := range p.Listing.Facets {
		w.lit(`<details class="facet" data-facet="`)
		w.text(f.Key)
		w.lit("\">\n<summary>")
		w.text(f.Name)
		w.lit("</summary>\n<ul>\n")
		for _, v := range f.Values {
			w.lit(`<li><a href="`)
			w.rel(p, v.URL)
			w.lit(`">`)
			w.text(v.Label)
			w.lit(`</a> <span class="count">(`)
			w.text(p.Int(v.Count))
			w.lit(")</span></li>\n")
		}
		w.lit("</ul>\n</details>\n")
	}
	w.lit("</nav>")
}

// facetMain is facet.html's "main".
func (w *htmlWriter) facetMain(p *Page) {
	w.lit(`<h1>`)
	w.text(p.Title)
	w.lit("</h1>\n<p class=\"listing-summary\">")
	w.listingSummary(p)
	w.lit("</p>\n")
	w.listing(p)
	w.lit("\n<p class=\"more\"><a href=\"")
	w.rel(p, p.Listing.AllURL)
	w.lit(`">`)
	w.t(p, "all_projects")
	w.lit("</a></p>\n")
}

// fact writes one <div><dt>…</dt><dd> of the facts list; the caller writes
// the value and factEnd.
func (w *htmlWriter) fact(p *Page, key string) {
	w.lit(`<div><dt>`)
	w.t(p, key)
	w.lit(`</dt><dd>`)
}

func (w *htmlWriter) factEnd() { w.lit("</dd></div>\n") }

// projectMain is project.html's "main".
func (w *htmlWriter) projectMain(p *Page) {
	pv := p.Project
	w.lit(`<article class="project" data-pagefind-body`)
	if pv.Fallback {
		w.lit(` aria-describedby="fallback-note"`)
	}
	w.lit(">\n<header class=\"project-header\">\n<h1")
	w.langAttr(pv.Title)
	w.lit(`>`)
	w.text(pv.Title.S)
	w.lit("</h1>\n<p class=\"project-status\">")
	w.status(pv)
	if pv.Period != "" {
		w.lit(` <span class="period">`)
		w.text(pv.Period)
		w.lit(`</span>`)
	}
	w.lit("</p>\n")
	if pv.Fallback {
		w.lit("<div class=\"notice\" id=\"fallback-note\">\n<p>")
		w.t(p, "fallback_note")
		w.lit("</p>\n<p>")
		w.t(p, "available_in")
		last := -1 // the minifier drops the space after the last link
		for i, l := range pv.Languages {
			if l.Translated {
				last = i
			}
		}
		if last >= 0 || w.min == nil {
			w.lit(` `)
		}
		for i, l := range pv.Languages {
			if l.Translated {
				w.lit(`<a href="`)
				w.rel(p, l.URL)
				w.lit(`" lang="`)
				w.text(l.Lang)
				w.lit(`" hreflang="`)
				w.text(l.Lang)
				w.lit(`">`)
				w.text(l.Name)
				w.lit(`</a>`)
				if i != last || w.min == nil {
					w.lit(` `)
				}
			}
		}
		w.lit("</p>\n</div>")
	}
	w.lit("\n<p class=\"lead\"")
	w.langAttr(pv.Summary)
	w.lit(`>`)
	w.text(pv.Summary.S)
	w.lit("</p>\n</header>\n")
	if img := pv.Image; img != nil {
		w.lit("<figure class=\"project-image\">\n<img src=\"")
		w.rel(p, img.URL)
		w.lit(`" alt="`)
		w.text(img.Alt.S)
		w.lit(`"`)
		w.langAttr(img.Alt)
		if img.Width != 0 {
			w.lit(` width="`)
			w.int(img.Width)
			w.lit(`" height="`)
			w.int(img.Height)
			w.lit(`"`)
		}
		w.lit(" decoding=\"async\">\n</figure>")
	}
	w.lit("\n<div class=\"project-layout\">\n<section class=\"facts\" id=\"facts\" aria-labelledby=\"facts-heading\">\n<h2 id=\"facts-heading\">")
	w.t(p, "facts_heading")
	w.lit("</h2>\n<dl>\n<div><dt>")
	w.t(p, "fact_status")
	w.lit(`</dt><dd>`)
	w.status(pv)
	w.lit("</dd></div>\n")
	if pv.Period != "" {
		w.fact(p, "fact_period")
		w.text(pv.Period)
		w.factEnd()
	}
	w.fact(p, "fact_organisation")
	w.text(pv.Organisation)
	w.factEnd()
	if len(pv.Partners) > 0 {
		w.fact(p, "fact_partners")
		w.lit(`<ul>`)
		for _, s := range pv.Partners {
			w.lit(`<li>`)
			w.text(s)
			w.lit(`</li>`)
		}
		w.lit(`</ul>`)
		w.factEnd()
	}
	if pv.Funder != nil {
		w.fact(p, "fact_funder")
		w.termLink(p, pv.Funder)
		if pv.FunderURL != "" {
			w.lit(`<br><a href="`)
			w.url(pv.FunderURL)
			w.lit(`">`)
			w.t(p, "funder_website")
			w.lit(`</a>`)
		}
		w.factEnd()
	}
	if pv.Leader != "" {
		w.fact(p, "fact_leader")
		if pv.Leader == "yes" {
			w.t(p, "yes")
		} else {
			w.t(p, "no")
		}
		w.factEnd()
	}
	for _, f := range []struct {
		key string
		t   *TermView
	}{{"fact_programme", pv.Programme}, {"fact_fund", pv.Fund}, {"fact_measure", pv.Measure}} {
		if f.t != nil {
			w.fact(p, f.key)
			w.termLink(p, f.t)
			w.factEnd()
		}
	}
	if pv.ProjectNumber != "" {
		w.fact(p, "fact_project_number")
		w.text(pv.ProjectNumber)
		w.factEnd()
	}
	if pv.Budget != nil {
		w.fact(p, "fact_budget")
		w.text(pv.Budget.Total)
		w.factEnd()
	}
	if pv.Region != nil {
		w.fact(p, "fact_region")
		w.termLink(p, pv.Region)
		w.factEnd()
	}
	for _, f := range []struct {
		key string
		ts  []TermView
	}{{"fact_municipalities", pv.Municipalities}, {"fact_themes", pv.Themes}, {"fact_target_groups", pv.TargetGroups}} {
		if len(f.ts) > 0 {
			w.fact(p, f.key)
			w.termLinks(p, f.ts)
			w.factEnd()
		}
	}
	if len(pv.Practices) > 0 {
		w.fact(p, "practices_title")
		w.lit(`<ul>`)
		for _, l := range pv.Practices {
			w.lit(`<li><a href="`)
			w.rel(p, l.URL)
			w.lit(`"`)
			w.langAttr(l.Title)
			w.lit(`>`)
			w.text(l.Title.S)
			w.lit(`</a></li>`)
		}
		w.lit(`</ul>`)
		w.factEnd()
	}
	w.lit("</dl>\n</section>\n<div class=\"project-main\">\n")
	if pv.Body != "" {
		w.lit(`<div class="prose" id="description"`)
		if pv.Fallback {
			w.lit(` lang="`)
			w.text(pv.TextLang)
			w.lit(`"`)
		}
		w.lit(">\n")
		w.fragment(string(pv.Body))
		w.lit("\n</div>")
	}
	w.lit("\n")
	if len(pv.Indicators) > 0 {
		w.section(p, "results", "results_heading")
		w.lit(`<ul class="indicators">` + "\n")
		for _, ind := range pv.Indicators {
			w.lit(`<li><span class="indicator-value">`)
			w.text(ind.Value)
			if ind.Unit.S != "" {
				w.lit(` `)
				w.txt(ind.Unit)
			}
			w.lit(`</span> <span class="indicator-label">`)
			w.txt(ind.Label)
			w.lit("</span></li>\n")
		}
		w.lit("</ul>\n</section>")
	}
	w.lit("\n")
	if len(pv.Practices) > 0 {
		w.section(p, "practices", "project_practices_heading")
		w.lit(`<ul class="practice-links">` + "\n")
		for _, l := range pv.Practices {
			w.lit(`<li><a href="`)
			w.rel(p, l.URL)
			w.lit(`"`)
			w.langAttr(l.Title)
			w.lit(`>`)
			w.text(l.Title.S)
			w.lit(`</a> <span class="practice-link-summary"`)
			w.langAttr(l.Summary)
			w.lit(`>`)
			w.text(l.Summary.S)
			w.lit("</span></li>\n")
		}
		w.lit("</ul>\n</section>\n")
	}
	if b := pv.Budget; b != nil {
		w.section(p, "funding", "funding_heading")
		if len(b.Rows) > 0 {
			w.lit("<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"funding-heading\">\n<table class=\"funding-table\">\n<caption>")
			w.t(p, "funding_caption")
			w.lit("</caption>\n<thead><tr><th scope=\"col\">")
			w.t(p, "funding_source")
			w.lit(`</th><th scope="col" class="num">`)
			w.t(p, "funding_amount")
			w.lit(`</th><th scope="col" class="num">`)
			w.t(p, "funding_share")
			w.lit("</th></tr></thead>\n<tbody>\n")
			for _, r := range b.Rows {
				w.lit(`<tr><th scope="row">`)
				if r.Name.S != "" {
					w.txt(r.Name)
					w.lit(`<span class="funding-kind">`)
					w.t(p, "funding_kind_"+r.Kind)
					w.lit(`</span>`)
				} else {
					w.t(p, "funding_kind_"+r.Kind)
				}
				w.lit(`</th><td class="num">`)
				w.text(r.Amount)
				w.lit(`</td><td class="num">`)
				w.text(r.Share)
				w.lit("</td></tr>\n")
			}
			w.lit("</tbody>\n<tfoot><tr><th scope=\"row\">")
			w.t(p, "funding_total")
			w.lit(`</th><td class="num">`)
			w.text(b.Total)
			w.lit(`</td><td class="num">`)
			w.text(b.Hundred)
			w.lit("</td></tr></tfoot>\n</table>\n</div>\n")
			if b.SupportRate != "" {
				w.lit(`<p class="support-rate">`)
				w.t(p, "support_rate", "rate", b.SupportRate, "amount", b.Support)
				w.lit(`</p>`)
			}
			w.lit("\n")
		} else {
			w.lit(`<p>`)
			w.t(p, "funding_total")
			w.lit(`: `)
			w.text(b.Total)
			w.lit(`</p>`)
		}
		w.lit("\n</section>")
	}
	w.lit("\n")
	if pv.EU {
		w.lit("<div class=\"eu-ack\">\n<img src=\"")
		w.asset(p, "eu-emblem.svg")
		w.lit(`" alt="`)
		w.t(p, "eu_flag")
		w.lit("\" width=\"60\" height=\"40\">\n<p>")
		w.t(p, "eu_cofunded")
		if pv.Fund != nil {
			w.lit(`<br>`)
			w.text(pv.Fund.Label)
		}
		w.lit("</p>\n</div>")
	}
	w.lit("\n")
	w.contactSections(p, pv.Contacts, pv.Links, pv.Attachments)
	w.lit("\n</div>\n</div>\n<div hidden>")
	w.pagefind(pv.PagefindFilters, pv.PagefindSorts, pv.PagefindMeta)
	w.lit("</div>\n</article>\n")
}

// pagefind writes Pagefind's values as html/template writes
// <span data-pagefind-filter="{{.Key}}:{{.Value}}"></span> for each.
func (w *htmlWriter) pagefind(filters, sorts, meta []PagefindTag) {
	for _, group := range []struct {
		attr string
		tags []PagefindTag
	}{{"data-pagefind-filter", filters}, {"data-pagefind-sort", sorts}, {"data-pagefind-meta", meta}} {
		for _, t := range group.tags {
			w.lit(`<span ` + group.attr + `="`)
			w.text(t.Key)
			w.lit(`:`)
			w.text(t.Value)
			w.lit(`"></span>`)
		}
	}
}
