package model

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Practice is a good practice: a method that one or more projects used,
// with what it takes and what came of it, so that others can reuse it. Its
// facts are written once; its texts are in every language it is written
// in.
type Practice struct {
	Folder

	Title, Summary Text
	Problem        Text    // the problem the practice answers
	Steps          []Text  // how it works, step by step
	Needs          []Need  // what it takes
	Results        Passage // what came of it
	Indicators     []Indicator
	Lessons        Passage // lessons learnt
	Conditions     Passage // transfer.conditions: what a place needs to reuse it
	Pitfalls       Passage // transfer.pitfalls: what to watch out for
	Themes         []string
	TargetGroups   []string
	// Projects are the ids of the projects the practice came from, in the
	// order written.
	Projects []string
	// Funder is the LAG or other funder behind the practice: as written,
	// or the one funder all its projects share.
	Funder string
	// Countries are country codes (FI, EE, SE), sorted: as written, or
	// the countries of its projects' regions and funders.
	Countries   []string
	Featured    bool // shown first on the home page
	Contacts    []Contact
	Links       []Link
	Attachments []Attachment

	projectPos []diag.Pos // where each of Projects is written
}

// Passage is a free text written either as one text, which may have
// paragraphs, or as a list of points.
type Passage struct {
	Points []Text // one entry for a text written as one
	List   bool   // written as a list of points
}

// IsZero reports whether the passage is empty.
func (p Passage) IsZero() bool { return len(p.Points) == 0 }

func (p Passage) withTextOf(tr Passage) Passage {
	p.Points = mergeItems(p.Points, tr.Points)
	return p
}

// NeedKind says what kind of resource a practice needs.
type NeedKind string

// The kinds of needs.
const (
	NeedPeople NeedKind = "people"
	NeedTime   NeedKind = "time"
	NeedMoney  NeedKind = "money"
	NeedTools  NeedKind = "tools"
	NeedOther  NeedKind = "other"
)

// NeedKinds lists the kinds of needs in the order pages show them.
func NeedKinds() []NeedKind {
	return []NeedKind{NeedPeople, NeedTime, NeedMoney, NeedTools, NeedOther}
}

// Need is one thing a practice takes: people, time, money, tools or
// something else, described in a text; money may also be an amount.
type Need struct {
	Kind     NeedKind
	Text     Text
	Amount   *Money // only for money; nil when not given
	Currency string // of Amount
}

func (n Need) withTextOf(tr Need) Need {
	n.Text = merged(n.Text, tr.Text)
	return n
}

// NeedKinds returns the kinds of the practice's needs, each once, in the
// order of NeedKinds.
func (p *Practice) NeedKinds() []NeedKind {
	var out []NeedKind
	for _, k := range NeedKinds() {
		for _, n := range p.Needs {
			if n.Kind == k {
				out = append(out, k)
				break
			}
		}
	}
	return out
}

// Countries vitrin knows, as written in vocabularies.
func countryCodes() []string { return []string{"FI", "EE", "SE"} }

// practiceKeys are the keys a practice file may have.
func practiceKeys() []string {
	return []string{"translation_of", "title", "summary", "problem", "steps", "needs", "results", "indicators",
		"lessons", "transfer", "themes", "target_groups", "projects", "funder", "country", "featured",
		"contacts", "links", "attachments"}
}

// DecodePracticeFile reads one language file of a practice. files lists
// the other files of the practice folder, for attachments; langs are the
// site's languages. The projects it names are checked by LinkPractices,
// once every project is read.
func DecodePracticeFile(doc *source.Document, lang string, langs []string, files map[string]bool, vs Vocabularies, diags *diag.List) *File[Practice] {
	f, d := startFile[Practice](doc, lang, langs, files, practiceKeys(), "practice", diags)
	if f == nil {
		return nil
	}
	m := doc.Front
	p := &f.Item
	p.Original = lang
	if !d.original {
		p.Original = f.TranslationOf
	}
	p.Title = textIn(lang, d.text(m, "title", "title", true))
	p.Summary = textIn(lang, d.text(m, "summary", "summary", true))
	if s := p.Summary.Get(lang); strings.Contains(s, "\n") {
		d.errorf(m.Get("summary"), "summary", "write the summary on one line; the problem, the steps and the body say more",
			"has %d lines; it must be one line", strings.Count(s, "\n")+1)
	}
	p.Problem = textIn(lang, d.text(m, "problem", "problem", d.original))
	p.Steps = d.textItems(m, "steps")
	if n := m.Get("steps"); d.original && (n == nil || n.Kind == source.Null || n.Kind == source.List && len(n.Items) == 0) {
		at := m
		if n != nil {
			at = n
		}
		d.errorf(at, "steps", "add steps: with a list of what is done, one step per line starting with \"- \"", "is missing: a practice says how it works")
	}
	p.Needs = d.needs(m)
	p.Results = d.passage(m, "results", "results")
	p.Indicators = d.indicators(m)
	p.Lessons = d.passage(m, "lessons", "lessons")
	if n := m.Get("transfer"); n != nil && d.isMap(n, "transfer") {
		d.checkKeys(n, "transfer", []string{"conditions", "pitfalls"})
		p.Conditions = d.passage(n, "conditions", "transfer.conditions")
		p.Pitfalls = d.passage(n, "pitfalls", "transfer.pitfalls")
	}
	p.Themes = d.termsFact(m, "themes", vs.Get(VocabThemes))
	if d.original && m.Get("themes") == nil {
		d.errorf(m, "themes", "add themes: [key, …] with keys from content/vocabularies/themes.yaml", "is missing: a practice has at least one theme")
	}
	p.TargetGroups = d.termsFact(m, "target_groups", vs.Get(VocabTargetGroups))
	d.practiceProjects(m, p)
	p.Funder = d.termFact(m, "funder", vs.Get(VocabFunders))
	p.Countries = d.countries(m)
	if n := m.Get("featured"); n != nil {
		p.Featured, _ = d.boolean(n, "featured")
		d.recordFact("featured", n, strconv.FormatBool(p.Featured))
	}
	p.Contacts = d.contacts(m)
	p.Links = d.links(m)
	p.Attachments = d.attachments(m)
	if d.unusable {
		return nil
	}
	return f
}

// textItems reads a list of texts that a translation matches item by item.
// A single text is read as a list of one.
func (d *decoder) textItems(m *source.Node, key string) []Text { return d.textList(m.Get(key), key) }

// textList reads the list of texts n; field names it in messages and in
// the comparison of translations.
func (d *decoder) textList(n *source.Node, field string) []Text {
	items := d.list(n, field)
	if n != nil && d.lists != nil {
		d.lists[field] = listInfo{n.Pos, len(items)}
	}
	var out []Text
	for i, item := range items {
		at := fmt.Sprintf("%s[%d]", field, i)
		s := d.scalar(item, at)
		if s == "" && (item.Kind == source.Scalar || item.Kind == source.Null) {
			d.errorf(item, at, "write the text of the item, or remove the empty item", "is empty")
		}
		out = append(out, textIn(d.lang, s))
	}
	return out
}

// passage reads a text written as one text or as a list of points. field
// is the name of the key in messages and in the comparison of
// translations.
func (d *decoder) passage(m *source.Node, key, field string) Passage {
	n := m.Get(key)
	if n == nil || n.Kind == source.Null {
		return Passage{}
	}
	if n.Kind == source.Scalar {
		s := d.scalar(n, field)
		if d.lists != nil {
			d.lists[field] = listInfo{n.Pos, 1}
		}
		return Passage{Points: []Text{textIn(d.lang, s)}}
	}
	if n.Kind != source.List {
		d.errorf(n, field, cmp.Or(colonHint(n), "write one text, or a list of points each starting with \"- \""), "is %s; it must be text or a list", n.Describe())
		return Passage{}
	}
	return Passage{Points: d.textList(n, field), List: true}
}

// needs reads what a practice takes: kind, text, and for money an amount
// and its currency.
func (d *decoder) needs(m *source.Node) []Need {
	var out []Need
	kinds := make([]string, 0, len(NeedKinds()))
	for _, k := range NeedKinds() {
		kinds = append(kinds, string(k))
	}
	d.items(m, "needs", []string{"kind", "text", "amount", "currency"}, func(item *source.Node, field string) {
		var nd Need
		kn := item.Get("kind")
		nd.Kind = NeedKind(d.scalar(kn, field+".kind"))
		switch {
		case kn == nil && d.original:
			d.errorf(item, field+".kind", "add kind: one of "+strings.Join(kinds, ", "), "is missing")
		case kn != nil && !slices.Contains(NeedKinds(), nd.Kind):
			hint := "write one of " + strings.Join(kinds, ", ")
			if best := nearest(string(nd.Kind), kinds); best != "" {
				hint = "did you mean " + best + "? The kinds are " + strings.Join(kinds, ", ")
			}
			d.errorf(kn, field+".kind", hint, "%q is not a kind of need", nd.Kind)
		}
		d.recordFact(field+".kind", kn, string(nd.Kind))
		nd.Text = textIn(d.lang, d.text(item, "text", field+".text", false))
		nd.Currency = "EUR"
		if cn := item.Get("currency"); cn != nil {
			cur := strings.ToUpper(d.scalar(cn, field+".currency"))
			if !slices.Contains(Currencies(), cur) {
				d.errorf(cn, field+".currency", "write EUR or SEK", "%q is not a currency vitrin knows", cur)
			} else {
				nd.Currency = cur
			}
			d.recordFact(field+".currency", cn, cur)
		}
		if an := item.Get("amount"); an != nil {
			if kn != nil && nd.Kind != NeedMoney {
				d.errorf(an, field+".amount", "write the amount in a need of kind money, or say it in the text", "a need of kind %s has no amount", nd.Kind)
			} else if v, ok := d.amount(an, field+".amount", nd.Currency); ok {
				nd.Amount = &v
			}
			if nd.Amount != nil {
				d.recordFact(field+".amount", an, nd.Amount.String())
			}
		}
		if d.original && len(nd.Text) == 0 && nd.Amount == nil && !d.hasErrorsAt(item) {
			d.errorf(item, field+".text", "add text: saying what is needed", "is missing")
		}
		out = append(out, nd)
	})
	return out
}

// practiceProjects reads the ids of the projects a practice came from,
// keeping where each is written for LinkPractices.
func (d *decoder) practiceProjects(m *source.Node, p *Practice) {
	n := m.Get("projects")
	for _, item := range d.list(n, "projects") {
		id := d.slug(item, "projects", true)
		if id == "" {
			continue
		}
		if slices.Contains(p.Projects, id) {
			d.errorf(item, "projects", "remove the second one", "%s is listed twice", id)
			continue
		}
		p.Projects = append(p.Projects, id)
		p.projectPos = append(p.projectPos, item.Pos)
	}
	d.recordFact("projects", n, strings.Join(p.Projects, ","))
}

// countries reads country codes: FI, EE or SE, one or a list.
func (d *decoder) countries(m *source.Node) []string {
	n := m.Get("country")
	var out []string
	for _, item := range d.list(n, "country") {
		c := strings.ToUpper(d.scalar(item, "country"))
		switch {
		case c == "":
		case !slices.Contains(countryCodes(), c):
			d.errorf(item, "country", "write one of "+strings.Join(countryCodes(), ", "), "%q is not a country vitrin knows", c)
		case !slices.Contains(out, c):
			out = append(out, c)
		}
	}
	slices.Sort(out)
	d.recordFact("country", n, strings.Join(out, ","))
	return out
}

// MergePractice joins a practice's original file and its translations
// into one Practice, reporting facts in a translation that differ from the
// original and translated lists whose length differs.
func MergePractice(id, dir string, original *File[Practice], translations []*File[Practice], diags *diag.List) *Practice {
	p := original.Item
	p.Folder = joinFolder(id, dir, original, translations, diags)
	for _, tr := range translations {
		t := tr.Item
		p.Title = merged(p.Title, t.Title)
		p.Summary = merged(p.Summary, t.Summary)
		p.Problem = merged(p.Problem, t.Problem)
		p.Steps = mergeItems(p.Steps, t.Steps)
		p.Needs = mergeItems(p.Needs, t.Needs)
		p.Results = p.Results.withTextOf(t.Results)
		p.Indicators = mergeItems(p.Indicators, t.Indicators)
		p.Lessons = p.Lessons.withTextOf(t.Lessons)
		p.Conditions = p.Conditions.withTextOf(t.Conditions)
		p.Pitfalls = p.Pitfalls.withTextOf(t.Pitfalls)
		p.Contacts = mergeItems(p.Contacts, t.Contacts)
		p.Links = mergeItems(p.Links, t.Links)
		p.Attachments = mergeItems(p.Attachments, t.Attachments)
	}
	return &p
}

// LinkPractices resolves the projects each practice names: an id that is
// not a project is an error at its position that suggests the nearest
// project id. It fills in each project's Practices — a project whose
// practices are not the ones it holds is replaced in projects by a copy,
// so that the projects passed in are never changed and a cache may share
// them from build to build — and, where a practice
// does not state them, its funder (the one funder all its projects share)
// and its countries (those of its projects' regions, or of their funders).
// projects are sorted by id.
func LinkPractices(practices []*Practice, projects []*Project, vs Vocabularies, diags *diag.List) {
	byID := make(map[string]*Project, len(projects))
	links := map[string][]string{} // project id → the practices that name it
	ids := make([]string, 0, len(projects))
	for _, p := range projects {
		byID[p.ID] = p
		ids = append(ids, p.ID)
	}
	for _, pr := range practices {
		var found []*Project
		var kept []string
		for i, id := range pr.Projects {
			p := byID[id]
			if p == nil {
				hint := "write the name of a folder in content/projects"
				if best := nearest(id, ids); best != "" {
					hint = "did you mean " + best + "?"
				}
				var pos diag.Pos
				if i < len(pr.projectPos) {
					pos = pr.projectPos[i]
				}
				diags.Add(diag.Diagnostic{Pos: pos, Field: "projects", Msg: fmt.Sprintf("%q is not a project of the site", id), Hint: hint})
				continue
			}
			found = append(found, p)
			kept = append(kept, id)
			links[id] = append(links[id], pr.ID)
		}
		pr.Projects = kept
		if pr.Funder == "" {
			var funders []string
			for _, p := range found {
				if p.Funder != "" && !slices.Contains(funders, p.Funder) {
					funders = append(funders, p.Funder)
				}
			}
			if len(funders) == 1 {
				pr.Funder = funders[0]
			}
		}
		if len(pr.Countries) == 0 {
			add := func(c string) {
				if c != "" && !slices.Contains(pr.Countries, c) {
					pr.Countries = append(pr.Countries, c)
				}
			}
			add(vs.Get(VocabFunders).Term(pr.Funder).Attr("country"))
			for _, p := range found {
				c := vs.Get(VocabRegions).Term(p.Region).Attr("country")
				if c == "" {
					c = vs.Get(VocabFunders).Term(p.Funder).Attr("country")
				}
				add(c)
			}
			slices.Sort(pr.Countries)
		}
	}
	for i, p := range projects {
		want := links[p.ID]
		slices.Sort(want)
		want = slices.Compact(want)
		if !slices.Equal(p.Practices, want) {
			c := *p
			c.Practices = want
			projects[i] = &c
		}
	}
}
