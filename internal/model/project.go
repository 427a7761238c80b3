package model

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Project is one project with its facts and its texts in every language it
// is written in.
type Project struct {
	Folder

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

	// Practices are the ids of the good practices that came from the
	// project, sorted; the catalogue fills them in from the practices'
	// projects (LinkPractices).
	Practices []string
}

// HasPractice reports whether a good practice came from the project.
func (p *Project) HasPractice() bool { return len(p.Practices) > 0 }

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

func (f Funding) withTextOf(tr Funding) Funding {
	f.Name = merged(f.Name, tr.Name)
	return f
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

// projectKeys are the keys a project file may have.
func projectKeys() []string {
	return []string{"translation_of", "title", "summary", "organisation", "partners", "funder", "leader",
		"programme", "fund", "measure", "project_number", "period", "budget", "region", "municipalities",
		"themes", "target_groups", "indicators", "contacts", "links", "attachments", "image"}
}

// DecodeFile reads one project language file. files lists the other files
// of the project folder, for images and attachments; langs are the site's
// languages.
func DecodeFile(doc *source.Document, lang string, langs []string, files map[string]bool, vs Vocabularies, diags *diag.List) *File[Project] {
	f, d := startFile[Project](doc, lang, langs, files, projectKeys(), "project", diags)
	if f == nil {
		return nil
	}
	m := doc.Front
	original := d.original
	p := &f.Item
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
	p.Funder = d.termFact(m, "funder", vs.Get(VocabFunders))
	p.Programme = d.termFact(m, "programme", vs.Get(VocabProgrammes))
	p.Fund = d.termFact(m, "fund", vs.Get(VocabFunds))
	p.Measure = d.termFact(m, "measure", vs.Get(VocabMeasures))
	p.Region = d.termFact(m, "region", vs.Get(VocabRegions))
	p.Municipalities = d.termsFact(m, "municipalities", vs.Get(VocabMunicipalities))
	p.Themes = d.termsFact(m, "themes", vs.Get(VocabThemes))
	p.TargetGroups = d.termsFact(m, "target_groups", vs.Get(VocabTargetGroups))
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
	d.budget(m, p, lang, original)
	p.Indicators = d.indicators(m)
	p.Contacts = d.contacts(m)
	p.Links = d.links(m)
	p.Attachments = d.attachments(m)
	p.Image = d.image(m)

	if original {
		d.derive(m, p, vs)
	}
	if d.unusable {
		return nil
	}
	return f
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

func (d *decoder) budget(m *source.Node, p *Project, lang string, original bool) {
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
		d.lists["budget.funding"] = listInfo{fn.Pos, len(items)}
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
func Merge(id, dir string, original *File[Project], translations []*File[Project], diags *diag.List) *Project {
	p := original.Item
	p.Folder = joinFolder(id, dir, original, translations, diags)
	for _, tr := range translations {
		t := tr.Item
		p.Title = merged(p.Title, t.Title)
		p.Summary = merged(p.Summary, t.Summary)
		if p.Budget != nil && t.Budget != nil {
			b := *p.Budget
			b.Funding = mergeItems(b.Funding, t.Budget.Funding)
			p.Budget = &b
		}
		p.Indicators = mergeItems(p.Indicators, t.Indicators)
		p.Contacts = mergeItems(p.Contacts, t.Contacts)
		p.Links = mergeItems(p.Links, t.Links)
		p.Attachments = mergeItems(p.Attachments, t.Attachments)
		if p.Image != nil && t.Image != nil {
			img := *p.Image
			img.Alt = merged(img.Alt, t.Image.Alt)
			p.Image = &img
		}
	}
	return &p
}
