package model

import (
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Project is one project with its facts and its texts in every language it
// is written in.
type Project struct {
	ID       string // the folder name
	Dir      string // the folder, such as content/projects/osku
	Original string // the language of the original file
	// Versions holds the file of each language the project is written
	// in, the original first, then the translations in site language order.
	Versions []Version

	Title, Summary Text

	Organisation   string
	Partners       []string
	Funder         string // vocabulary keys from here …
	Programme      string
	Fund           string
	Measure        string
	Region         string
	Municipalities []string
	Themes         []string
	TargetGroups   []string // … to here
	ProjectNumber  string
	Leader         *bool // nil when not stated
	Period         Period
	Budget         *Budget
	Indicators     []Indicator
	Contacts       []Contact
	Links          []Link
	Attachments    []Attachment
	Image          *Image
}

// Version is the file of one language of a project.
type Version struct {
	Lang     string
	Path     string // the file
	Body     []byte // the Markdown body
	BodyLine int    // the file line on which Body starts
}

// Languages returns the languages the project is written in, the original
// first.
func (p *Project) Languages() []string {
	out := make([]string, len(p.Versions))
	for i, v := range p.Versions {
		out[i] = v.Lang
	}
	return out
}

// HasLang reports whether the project is written in lang.
func (p *Project) HasLang(lang string) bool {
	for _, v := range p.Versions {
		if v.Lang == lang {
			return true
		}
	}
	return false
}

// Budget is a project's total cost and where the money comes from.
type Budget struct {
	Total    Money
	Currency string
	Funding  []Funding
}

// FundingKind says what kind of money a funding source is.
type FundingKind string

// The kinds of funding.
const (
	FundEU        FundingKind = "eu"
	FundNational  FundingKind = "national"
	FundGrant     FundingKind = "grant"
	FundRegional  FundingKind = "regional"
	FundMunicipal FundingKind = "municipal"
	FundPrivate   FundingKind = "private"
	FundOwn       FundingKind = "own"
)

// FundingKinds lists the kinds of funding in the order pages show them.
func FundingKinds() []FundingKind {
	return []FundingKind{FundEU, FundNational, FundGrant, FundRegional, FundMunicipal, FundPrivate, FundOwn}
}

// IsSupport reports whether the kind is public support granted to the
// project (EU, state, combined or regional grants), as opposed to
// municipal co-financing or the applicant's and private money.
func (k FundingKind) IsSupport() bool {
	return k == FundEU || k == FundNational || k == FundGrant || k == FundRegional
}

// Funding is one source of money.
type Funding struct {
	Kind   FundingKind
	Name   Text
	Amount Money // always set after decoding: computed from Percent when not given
	// Percent is the share as written; Share is the share computed from
	// the amount and the total.
	Percent float64
	Share   float64 // 0..1
}

// Support returns the sum of the public support sources and its share of
// the total. ok is false when the budget has no funding breakdown.
func (b *Budget) Support() (amount Money, share float64, ok bool) {
	if b == nil || len(b.Funding) == 0 || b.Total == 0 {
		return 0, 0, false
	}
	for _, f := range b.Funding {
		if f.Kind.IsSupport() {
			amount += f.Amount
		}
	}
	return amount, float64(amount) / float64(b.Total), true
}

// Indicator is a result or a goal, with a number.
type Indicator struct {
	Label       Text
	Unit        Text
	Value       float64
	Decimals    int
	Approximate bool
}

// Contact is a person or a role to contact.
type Contact struct {
	Name  string
	Role  Text
	Email string
	Phone string
}

// Link is a link to a web page about the project.
type Link struct {
	URL   string
	Label Text
}

// Attachment is a file in the project folder.
type Attachment struct {
	File  string
	Label Text
}

// Image is a picture of the project, in the project folder.
type Image struct {
	Src string
	Alt Text
}

// File is one language file of a project, decoded.
type File struct {
	Doc           *source.Document
	Lang          string
	TranslationOf string
	Project       Project // the file's own values; facts are only meaningful in an original
	facts         map[string]fact
	lists         map[string]listInfo
}

type listInfo struct {
	pos diag.Pos
	n   int
}

// projectKeys are the keys a project file may have.
func projectKeys() []string {
	return []string{"translation_of", "title", "summary", "organisation", "partners", "funder", "leader",
		"programme", "fund", "measure", "project_number", "period", "budget", "region", "municipalities",
		"themes", "target_groups", "indicators", "contacts", "links", "attachments", "image"}
}

// FileName matches the name of a project's language file and captures its
// language.
var fileNameRE = regexp.MustCompile(`^index\.([a-z]{2})\.md$`)

// FileLang returns the language of a project file name such as
// index.fi.md, or "" when the name is not one.
func FileLang(name string) string {
	if m := fileNameRE.FindStringSubmatch(name); m != nil {
		return m[1]
	}
	return ""
}

// DecodeFile reads one project language file. files lists the other files
// of the project folder, for images and attachments; langs are the site's
// languages.
func DecodeFile(doc *source.Document, lang string, langs []string, files map[string]bool, vs Vocabularies, diags *diag.List) *File {
	f := &File{Doc: doc, Lang: lang, facts: map[string]fact{}, lists: map[string]listInfo{}}
	if doc.Front == nil {
		if doc.Format == "" {
			diags.Addf(diag.Pos{File: doc.Path, Line: 1, Col: 1}, "", "start the file with a line ---, the keys, and another line ---",
				"the file has no front matter")
		}
		return nil
	}
	d := &decoder{file: doc.Path, diags: diags, facts: f.facts}
	m := doc.Front
	d.checkKeys(m, "", projectKeys())

	if n := m.Get("translation_of"); n != nil {
		f.TranslationOf = d.scalar(n, "translation_of")
		switch {
		case f.TranslationOf == lang:
			d.errorf(n, "translation_of", "remove translation_of from the original", "a file cannot be a translation of itself")
			f.TranslationOf = ""
		case !slices.Contains(langs, f.TranslationOf):
			d.errorf(n, "translation_of", "write one of "+strings.Join(langs, ", "), "%q is not a language of the site", f.TranslationOf)
			f.TranslationOf = ""
		case !files["index."+f.TranslationOf+".md"]:
			d.errorf(n, "translation_of", "add index."+f.TranslationOf+".md with the project's facts, or correct translation_of", "the original index.%s.md is not in the folder", f.TranslationOf)
		}
	}
	original := f.TranslationOf == ""
	p := &f.Project
	p.Original = lang
	if !original {
		p.Original = f.TranslationOf
	}
	p.Title = textIn(lang, d.text(m, "title", "title", true))
	p.Summary = textIn(lang, d.text(m, "summary", "summary", true))

	if n := m.Get("organisation"); n != nil || original {
		p.Organisation = d.text(m, "organisation", "organisation", original)
		d.recordFact("organisation", n, p.Organisation)
	}
	if n := m.Get("partners"); n != nil {
		for _, item := range d.list(n, "partners") {
			if s := d.scalar(item, "partners"); s != "" {
				p.Partners = append(p.Partners, s)
			}
		}
		d.recordFact("partners", n, strings.Join(p.Partners, "\x00"))
	}
	termFact := func(key, vocab string) string {
		n := m.Get(key)
		v := d.term(n, key, vs.Get(vocab))
		d.recordFact(key, n, v)
		return v
	}
	p.Funder = termFact("funder", VocabFunders)
	p.Programme = termFact("programme", VocabProgrammes)
	p.Fund = termFact("fund", VocabFunds)
	p.Measure = termFact("measure", VocabMeasures)
	p.Region = termFact("region", VocabRegions)
	termsFact := func(key, vocab string) []string {
		n := m.Get(key)
		v := d.terms(n, key, vs.Get(vocab))
		d.recordFact(key, n, strings.Join(slices.Sorted(slices.Values(v)), ","))
		return v
	}
	p.Municipalities = termsFact("municipalities", VocabMunicipalities)
	p.Themes = termsFact("themes", VocabThemes)
	p.TargetGroups = termsFact("target_groups", VocabTargetGroups)
	if original && m.Get("themes") == nil {
		d.errorf(m, "themes", "add themes: [key, …] with keys from content/vocabularies/themes.yaml", "is missing: a project has at least one theme")
	}
	if n := m.Get("project_number"); n != nil {
		p.ProjectNumber = d.scalar(n, "project_number")
		d.recordFact("project_number", n, p.ProjectNumber)
	}
	if n := m.Get("leader"); n != nil {
		if b, ok := d.boolean(n, "leader"); ok {
			p.Leader = &b
			d.recordFact("leader", n, strconv.FormatBool(b))
		}
	}
	d.period(m, p, original)
	d.budget(m, p, lang, original, f)
	d.indicators(m, p, lang, f)
	d.contacts(m, p, lang, f)
	d.links(m, p, lang, f)
	d.attachments(m, p, lang, f, files)
	d.image(m, p, lang, files)

	if original {
		d.derive(m, p, vs)
	}
	return f
}

func textIn(lang, s string) Text {
	if s == "" {
		return nil
	}
	return Text{{Lang: lang, S: s}}
}

func (d *decoder) period(m *source.Node, p *Project, original bool) {
	n := m.Get("period")
	if n == nil {
		if original {
			d.errorf(m, "period", "add period: with start: (and end:) such as 2019-09-01 or 2019-09", "is missing")
		}
		return
	}
	if !d.isMap(n, "period") {
		return
	}
	d.checkKeys(n, "period", []string{"start", "end"})
	start, end := n.Get("start"), n.Get("end")
	p.Period.Start = d.date(start, "period.start")
	p.Period.End = d.date(end, "period.end")
	if start == nil && original {
		d.errorf(n, "period.start", "add start: 2019-09-01 (or 2019-09 or 2019)", "is missing")
	}
	d.recordFact("period.start", start, p.Period.Start.String())
	d.recordFact("period.end", end, p.Period.End.String())
	if !p.Period.Start.IsZero() && !p.Period.End.IsZero() && p.Period.End.Last().Before(p.Period.Start.First()) {
		d.errorf(end, "period.end", "check both dates", "the project ends (%s) before it starts (%s)", p.Period.End, p.Period.Start)
	}
}

func (d *decoder) budget(m *source.Node, p *Project, lang string, original bool, f0 *File) {
	n := m.Get("budget")
	if n == nil {
		return
	}
	if !d.isMap(n, "budget") {
		return
	}
	d.checkKeys(n, "budget", []string{"total", "currency", "funding"})
	b := &Budget{Currency: "EUR"}
	if c := n.Get("currency"); c != nil {
		cur := strings.ToUpper(d.scalar(c, "budget.currency"))
		if !slices.Contains(Currencies(), cur) {
			d.errorf(c, "budget.currency", "write EUR or SEK", "%q is not a currency vitrin knows", cur)
		} else {
			b.Currency = cur
		}
		d.recordFact("budget.currency", c, cur)
	}
	total := n.Get("total")
	haveTotal := false
	if total != nil {
		b.Total, haveTotal = d.amount(total, "budget.total", b.Currency)
		d.recordFact("budget.total", total, b.Total.String())
		if haveTotal && b.Total == 0 {
			d.errorf(total, "budget.total", "write the project's total cost", "is zero")
			haveTotal = false
		}
	}
	fn := n.Get("funding")
	items := d.list(fn, "budget.funding")
	if fn != nil {
		f0.lists["budget.funding"] = listInfo{fn.Pos, len(items)}
	}
	type given struct{ amount, percent bool }
	gv := make([]given, 0, len(items))
	for i, item := range items {
		field := fmt.Sprintf("budget.funding[%d]", i)
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, []string{"kind", "name", "amount", "percent"})
		var f Funding
		var g given
		kn := item.Get("kind")
		kind := FundingKind(d.scalar(kn, field+".kind"))
		switch {
		case kn == nil && original:
			d.errorf(item, field+".kind", "add kind: one of "+kindList(), "is missing")
		case kn != nil && !slices.Contains(FundingKinds(), kind):
			hint := "write one of " + kindList()
			if best := nearest(string(kind), kindNames()); best != "" {
				hint = "did you mean " + best + "? The kinds are " + kindList()
			}
			d.errorf(kn, field+".kind", hint, "%q is not a kind of funding", kind)
		}
		f.Kind = kind
		d.recordFact(field+".kind", kn, string(kind))
		if s := d.scalar(item.Get("name"), field+".name"); s != "" {
			f.Name = textIn(lang, s)
		}
		if an := item.Get("amount"); an != nil {
			f.Amount, g.amount = d.amount(an, field+".amount", b.Currency)
			d.recordFact(field+".amount", an, f.Amount.String())
		}
		if pn := item.Get("percent"); pn != nil {
			v, _, ok := d.number(pn, field+".percent")
			if ok && (v <= 0 || v > 100) {
				d.errorf(pn, field+".percent", "write a share between 0 and 100", "%v is not a percentage", v)
				ok = false
			}
			f.Percent, g.percent = v, ok
			d.recordFact(field+".percent", pn, strconv.FormatFloat(v, 'f', -1, 64))
		}
		if original && !g.amount && !g.percent && !d.hasErrorsAt(item) {
			d.errorf(item, field, "add amount: (such as 29702.52) or percent: (such as 90)", "has neither an amount nor a percentage")
		}
		b.Funding = append(b.Funding, f)
		gv = append(gv, g)
	}
	if !original {
		p.Budget = b
		return
	}
	// Check that the sources and the total agree.
	allAmounts, anyPercent := len(gv) > 0, false
	var sum Money
	for i, g := range gv {
		allAmounts = allAmounts && g.amount
		anyPercent = anyPercent || g.percent && !g.amount
		sum += b.Funding[i].Amount
	}
	at := total
	if at == nil {
		at = n
	}
	switch {
	case !haveTotal && total == nil && allAmounts:
		b.Total, haveTotal = sum, true
	case !haveTotal && total == nil && len(gv) > 0:
		d.errorf(n, "budget.total", "add total: with the project's total cost", "is missing, so the percentages cannot be turned into amounts")
	case !haveTotal && total == nil:
		d.errorf(n, "budget.total", "add total: with the project's total cost", "is missing")
	}
	if !haveTotal {
		p.Budget = b
		return
	}
	for i := range b.Funding {
		f := &b.Funding[i]
		if gv[i].percent && !gv[i].amount {
			f.Amount = Money(math.Round(float64(b.Total) * f.Percent / 100))
		}
		f.Share = float64(f.Amount) / float64(b.Total)
		if gv[i].percent && gv[i].amount && math.Abs(f.Share*100-f.Percent) >= 0.5 {
			d.errorf(items[i].Get("percent"), fmt.Sprintf("budget.funding[%d].percent", i),
				"leave out the percentage: vitrin computes it from the amount",
				"%s is %s %% of the total %s, not %v %%", f.Amount, strconv.FormatFloat(f.Share*100, 'f', -1, 64), b.Total, f.Percent)
		}
	}
	if len(gv) > 0 {
		var computed Money
		for _, f := range b.Funding {
			computed += f.Amount
		}
		tolerance := Money(0)
		if anyPercent {
			tolerance = Money(len(gv)) // rounding of each computed amount
		}
		if diff := computed - b.Total; diff > tolerance || -diff > tolerance {
			d.errorf(at, "budget.total", "correct the total or the funding sources so that they agree",
				"the funding sources add up to %s but the total is %s (difference %s)", computed, b.Total, absMoney(diff))
		}
	}
	p.Budget = b
}

func absMoney(m Money) Money {
	if m < 0 {
		return -m
	}
	return m
}

func kindNames() []string {
	var out []string
	for _, k := range FundingKinds() {
		out = append(out, string(k))
	}
	return out
}

func kindList() string { return strings.Join(kindNames(), ", ") }

// hasErrorsAt reports whether a diagnostic was already given inside n; used
// to avoid piling a second message on the same mistake.
func (d *decoder) hasErrorsAt(n *source.Node) bool {
	last := lastLine(n)
	for _, line := range d.errLines {
		if line >= n.Pos.Line && line <= last {
			return true
		}
	}
	return false
}

func lastLine(n *source.Node) int {
	line := n.Pos.Line
	for _, e := range n.Entries {
		line = max(line, lastLine(e.Value))
	}
	for _, it := range n.Items {
		line = max(line, lastLine(it))
	}
	return line
}

// amount reads a budget amount as a number or as local text.
func (d *decoder) amount(n *source.Node, field, currency string) (Money, bool) {
	if n.Kind != source.Scalar {
		d.errorf(n, field, "write a number such as 24000", "is %s; it must be an amount", n.Describe())
		return 0, false
	}
	s := n.Value
	if n.Type == source.Int || n.Type == source.Float {
		if strings.ContainsAny(s, "eE") {
			if f, err := strconv.ParseFloat(s, 64); err == nil {
				s = strconv.FormatFloat(f, 'f', -1, 64)
			}
		}
		if strings.HasPrefix(s, "-") {
			d.errorf(n, field, "amounts are zero or more", "%s is negative", s)
			return 0, false
		}
		m, err := amountFromDigits(n.Value, s)
		if err != nil {
			e := err.(*AmountError)
			d.errorf(n, field, e.Hint, "%s", e.Msg)
			return 0, false
		}
		return m, true
	}
	m, err := parseAmountIn(s, currency)
	if err != nil {
		e := err.(*AmountError)
		d.errorf(n, field, e.Hint, "%s", e.Msg)
		return 0, false
	}
	return m, true
}

func (d *decoder) indicators(m *source.Node, p *Project, lang string, f *File) {
	n := m.Get("indicators")
	items := d.list(n, "indicators")
	if n != nil {
		f.lists["indicators"] = listInfo{n.Pos, len(items)}
	}
	for i, item := range items {
		field := fmt.Sprintf("indicators[%d]", i)
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, []string{"label", "value", "unit", "approximate"})
		var ind Indicator
		ind.Label = textIn(lang, d.text(item, "label", field+".label", true))
		ind.Unit = textIn(lang, d.text(item, "unit", field+".unit", false))
		vn := item.Get("value")
		if vn != nil {
			ind.Value, ind.Decimals, _ = d.number(vn, field+".value")
			d.recordFact(field+".value", vn, strconv.FormatFloat(ind.Value, 'f', -1, 64))
		} else if f.TranslationOf == "" {
			d.errorf(item, field+".value", "add value: with the number", "is missing")
		}
		if an := item.Get("approximate"); an != nil {
			ind.Approximate, _ = d.boolean(an, field+".approximate")
			d.recordFact(field+".approximate", an, strconv.FormatBool(ind.Approximate))
		}
		p.Indicators = append(p.Indicators, ind)
	}
}

var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ()\-]{4,}[0-9]$`)

func (d *decoder) contacts(m *source.Node, p *Project, lang string, f *File) {
	n := m.Get("contacts")
	items := d.list(n, "contacts")
	if n != nil {
		f.lists["contacts"] = listInfo{n.Pos, len(items)}
	}
	for i, item := range items {
		field := fmt.Sprintf("contacts[%d]", i)
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, []string{"name", "role", "email", "phone"})
		var c Contact
		c.Name = d.text(item, "name", field+".name", false)
		c.Role = textIn(lang, d.text(item, "role", field+".role", false))
		d.recordFact(field+".name", item.Get("name"), c.Name)
		if en := item.Get("email"); en != nil {
			c.Email = d.scalar(en, field+".email")
			if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
				d.errorf(en, field+".email", "write an address such as info@example.fi", "%q is not an e-mail address", c.Email)
			}
			d.recordFact(field+".email", en, c.Email)
		}
		if pn := item.Get("phone"); pn != nil {
			c.Phone = d.scalar(pn, field+".phone")
			if !phoneRE.MatchString(c.Phone) {
				d.errorf(pn, field+".phone", "write a number such as +358 40 123 4567", "%q is not a phone number", c.Phone)
			}
			d.recordFact(field+".phone", pn, c.Phone)
		}
		if f.TranslationOf == "" && c.Name == "" && len(c.Role) == 0 && !d.hasErrorsAt(item) {
			d.errorf(item, field, "add a name or a role", "has neither a name nor a role")
		}
		p.Contacts = append(p.Contacts, c)
	}
}

func (d *decoder) links(m *source.Node, p *Project, lang string, f *File) {
	n := m.Get("links")
	items := d.list(n, "links")
	if n != nil {
		f.lists["links"] = listInfo{n.Pos, len(items)}
	}
	for i, item := range items {
		field := fmt.Sprintf("links[%d]", i)
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, []string{"url", "label"})
		var l Link
		un := item.Get("url")
		l.URL = d.scalar(un, field+".url")
		if un != nil {
			if u, err := url.Parse(l.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				d.errorf(un, field+".url", "write the whole address, starting with https://", "%q is not a web address", l.URL)
			}
			d.recordFact(field+".url", un, l.URL)
		} else if f.TranslationOf == "" {
			d.errorf(item, field+".url", "add url: https://…", "is missing")
		}
		l.Label = textIn(lang, d.text(item, "label", field+".label", f.TranslationOf == ""))
		p.Links = append(p.Links, l)
	}
}

func (d *decoder) attachments(m *source.Node, p *Project, lang string, f *File, files map[string]bool) {
	n := m.Get("attachments")
	items := d.list(n, "attachments")
	if n != nil {
		f.lists["attachments"] = listInfo{n.Pos, len(items)}
	}
	for i, item := range items {
		field := fmt.Sprintf("attachments[%d]", i)
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, []string{"file", "label"})
		var a Attachment
		fn := item.Get("file")
		a.File = d.localFile(item, "file", field+".file", files, f.TranslationOf == "")
		d.recordFact(field+".file", fn, a.File)
		a.Label = textIn(lang, d.text(item, "label", field+".label", f.TranslationOf == ""))
		p.Attachments = append(p.Attachments, a)
	}
}

func (d *decoder) image(m *source.Node, p *Project, lang string, files map[string]bool) {
	n := m.Get("image")
	if n == nil || !d.isMap(n, "image") {
		return
	}
	d.checkKeys(n, "image", []string{"src", "alt"})
	img := &Image{}
	sn := n.Get("src")
	img.Src = d.localFile(n, "src", "image.src", files, p.Original == lang)
	d.recordFact("image.src", sn, img.Src)
	if an := n.Get("alt"); an == nil || d.scalar(an, "image.alt") == "" {
		d.errorf(n, "image.alt", "add alt: with a short description of what the image shows, for people who cannot see it", "is missing")
	} else {
		img.Alt = textIn(lang, d.scalar(an, "image.alt"))
	}
	p.Image = img
}

// localFile reads the name of a file in the project folder, the key of the
// map m, and checks that it is there.
func (d *decoder) localFile(m *source.Node, key, field string, files map[string]bool, required bool) string {
	n := m.Get(key)
	name := d.scalar(n, field)
	switch {
	case n == nil && required:
		d.errorf(m, field, "add "+key+": with the name of a file in the project folder", "is missing")
		return ""
	case name == "":
		return ""
	case strings.Contains(name, "/") || strings.Contains(name, `\`) || name == "." || name == "..":
		d.errorf(n, field, "put the file in the project folder and write its name alone", "%q is not a file name in the project folder", name)
		return ""
	case !files[name]:
		hint := "put the file in the project folder"
		var names []string
		for f := range files {
			if FileLang(f) == "" {
				names = append(names, f)
			}
		}
		slices.Sort(names)
		if best := nearest(name, names); best != "" {
			hint = "did you mean " + best + "?"
		}
		d.errorf(n, field, hint, "%q is not in the project folder", name)
		return ""
	}
	return name
}

// derive fills the facts that follow from others and checks that they agree.
func (d *decoder) derive(m *source.Node, p *Project, vs Vocabularies) {
	if t := vs.Get(VocabMeasures).Term(p.Measure); t != nil {
		if prog := t.Attr("programme"); prog != "" {
			if p.Programme == "" {
				p.Programme = prog
			} else if p.Programme != prog {
				d.errorf(m.Get("measure"), "measure", "check the measure and the programme", "%s belongs to the programme %s, not %s", p.Measure, prog, p.Programme)
			}
		}
		if fu := t.Attr("funder"); fu != "" {
			if p.Funder == "" {
				p.Funder = fu
			} else if p.Funder != fu {
				d.errorf(m.Get("measure"), "measure", "check the measure and the funder", "%s is a measure of %s, not of %s", p.Measure, fu, p.Funder)
			}
		}
	}
	if p.Fund == "" {
		p.Fund = vs.Get(VocabProgrammes).Term(p.Programme).Attr("fund")
	}
	regions := map[string]bool{}
	for _, mu := range p.Municipalities {
		if r := vs.Get(VocabMunicipalities).Term(mu).Attr("region"); r != "" {
			regions[r] = true
			if p.Region != "" && r != p.Region {
				d.errorf(m.Get("region"), "region", "check the region and the municipalities", "%s is in %s, not in %s", mu, r, p.Region)
			}
		}
	}
	if p.Region == "" && len(regions) == 1 {
		for r := range regions {
			p.Region = r
		}
	}
}

// Merge joins a project's original file and its translations into one
// Project, reporting facts in a translation that differ from the original
// and translated lists whose length differs.
func Merge(id, dir string, original *File, translations []*File, diags *diag.List) *Project {
	p := original.Project
	p.ID, p.Dir, p.Original = id, dir, original.Lang
	p.Versions = []Version{{Lang: original.Lang, Path: original.Doc.Path, Body: original.Doc.Body, BodyLine: original.Doc.BodyLine}}
	origName := path.Base(original.Doc.Path)
	for _, tr := range translations {
		keys := make([]string, 0, len(tr.facts))
		for k := range tr.facts {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		for _, k := range keys {
			tf := tr.facts[k]
			of, ok := original.facts[k]
			switch {
			case !ok && tf.value == "":
			case !ok:
				diags.Addf(tf.pos, k, "remove it here: facts are written once, in the original ("+origName+")",
					"the original does not state this fact")
			case of.value != tf.value:
				diags.Addf(tf.pos, k, fmt.Sprintf("remove it here: facts are written once, in the original (%s:%d)", origName, of.pos.Line),
					"%q differs from the original's %q", tf.value, of.value)
			}
		}
		for name, li := range tr.lists {
			oli := original.lists[name]
			if oli.n != li.n {
				diags.Addf(li.pos, name, "translate every item of the original's list, in the same order",
					"lists %d items; the original (%s) lists %d", li.n, origName, oli.n)
			}
		}
		t := tr.Project
		lang := tr.Lang
		p.Title = merged(p.Title, t.Title)
		p.Summary = merged(p.Summary, t.Summary)
		if p.Budget != nil && t.Budget != nil {
			p.Budget = cloneBudget(p.Budget)
			for i := range min(len(p.Budget.Funding), len(t.Budget.Funding)) {
				p.Budget.Funding[i].Name = merged(p.Budget.Funding[i].Name, t.Budget.Funding[i].Name)
			}
		}
		p.Indicators = slices.Clone(p.Indicators)
		for i := range min(len(p.Indicators), len(t.Indicators)) {
			p.Indicators[i].Label = merged(p.Indicators[i].Label, t.Indicators[i].Label)
			p.Indicators[i].Unit = merged(p.Indicators[i].Unit, t.Indicators[i].Unit)
		}
		p.Contacts = slices.Clone(p.Contacts)
		for i := range min(len(p.Contacts), len(t.Contacts)) {
			p.Contacts[i].Role = merged(p.Contacts[i].Role, t.Contacts[i].Role)
		}
		p.Links = slices.Clone(p.Links)
		for i := range min(len(p.Links), len(t.Links)) {
			p.Links[i].Label = merged(p.Links[i].Label, t.Links[i].Label)
		}
		p.Attachments = slices.Clone(p.Attachments)
		for i := range min(len(p.Attachments), len(t.Attachments)) {
			p.Attachments[i].Label = merged(p.Attachments[i].Label, t.Attachments[i].Label)
		}
		if p.Image != nil && t.Image != nil {
			img := *p.Image
			img.Alt = merged(img.Alt, t.Image.Alt)
			p.Image = &img
		}
		p.Versions = append(p.Versions, Version{Lang: lang, Path: tr.Doc.Path, Body: tr.Doc.Body, BodyLine: tr.Doc.BodyLine})
	}
	return &p
}

// merged adds a translation's texts to the original's.
func merged(orig, tr Text) Text {
	for _, ls := range tr {
		orig = orig.With(ls.Lang, ls.S)
	}
	return orig
}

func cloneBudget(b *Budget) *Budget {
	c := *b
	c.Funding = slices.Clone(b.Funding)
	return &c
}
