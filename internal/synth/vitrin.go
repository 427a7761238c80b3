package synth

import (
	"fmt"
	"strconv"
	"strings"
)

// vitrinFormat writes the site as vitrin reads it: a folder per project
// and practice with index.<lang>.md files, the facts in the original's
// front matter, and the vocabularies in content/vocabularies/.
type vitrinFormat struct{ emit Emit }

func (f *vitrinFormat) vocab(v *vocab) error {
	return f.emit("content/vocabularies/"+v.name+".yaml", []byte(v.text))
}

func (f *vitrinFormat) finish() error { return nil }

func (f *vitrinFormat) project(p *project) error {
	q := strconv.Quote
	orig := p.text[p.orig]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\n", q(orig.title), q(orig.summary))
	fmt.Fprintf(&b, "organisation: %s\n", q(p.organisation))
	if len(p.partners) > 0 {
		fmt.Fprintf(&b, "partners: [%s]\n", q(p.partners[0]))
	}
	fmt.Fprintf(&b, "funder: %s\n", p.funder)
	if p.leader != nil {
		fmt.Fprintf(&b, "leader: %t\n", *p.leader)
	}
	fmt.Fprintf(&b, "programme: %s\n", p.programme)
	if p.measure != "" {
		fmt.Fprintf(&b, "measure: %s\n", p.measure)
	}
	fmt.Fprintf(&b, "period:\n  start: %04d-%02d\n", p.start[0], p.start[1])
	if p.end[0] != 0 {
		fmt.Fprintf(&b, "  end: %04d-%02d\n", p.end[0], p.end[1])
	}
	if bu := p.budget; bu != nil {
		fmt.Fprintf(&b, "budget:\n  total: %d\n  currency: %s\n", bu.total, bu.currency)
		if len(bu.funding) > 0 {
			b.WriteString("  funding:\n")
			for i, fu := range bu.funding {
				fmt.Fprintf(&b, "    - kind: %s\n      amount: %d\n      name: %s\n", fu.kind, fu.amount, q(orig.funding[i]))
			}
		}
	}
	fmt.Fprintf(&b, "municipalities: [%s]\n", strings.Join(p.municipalities, ", "))
	fmt.Fprintf(&b, "themes: [%s]\n", strings.Join(p.themes, ", "))
	fmt.Fprintf(&b, "target_groups: [%s]\n", strings.Join(p.groups, ", "))
	if p.number != "" {
		fmt.Fprintf(&b, "project_number: %s\n", q(p.number))
	}
	for i, ind := range p.indicators {
		if i == 0 {
			b.WriteString("indicators:\n")
		}
		fmt.Fprintf(&b, "  - label: %s\n    value: %d\n    unit: %s\n", q(orig.indicators[i][0]), ind.value, q(orig.indicators[i][1]))
	}
	for i, c := range p.contacts {
		if i == 0 {
			b.WriteString("contacts:\n")
		}
		fmt.Fprintf(&b, "  - name: %s\n    role: %s\n    email: %s\n", q(c.name), q(orig.roles[i]), c.email)
	}
	for i, u := range p.links {
		if i == 0 {
			b.WriteString("links:\n")
		}
		fmt.Fprintf(&b, "  - url: %s\n    label: %s\n", u, q(orig.links[i]))
	}
	b.WriteString("---\n\n" + orig.body)
	dir := "content/projects/" + p.id + "/"
	if err := f.emit(dir+"index."+p.orig+".md", []byte(b.String())); err != nil {
		return err
	}
	for _, lang := range p.langs[1:] {
		t := p.text[lang]
		b.Reset()
		fmt.Fprintf(&b, "---\ntranslation_of: %s\ntitle: %s\nsummary: %s\n", p.orig, q(t.title), q(t.summary))
		if len(t.funding) > 0 {
			b.WriteString("budget:\n  funding:\n")
			for _, name := range t.funding {
				fmt.Fprintf(&b, "    - name: %s\n", q(name))
			}
		}
		for i, ind := range t.indicators {
			if i == 0 {
				b.WriteString("indicators:\n")
			}
			fmt.Fprintf(&b, "  - label: %s\n    unit: %s\n", q(ind[0]), q(ind[1]))
		}
		for i, role := range t.roles {
			if i == 0 {
				b.WriteString("contacts:\n")
			}
			fmt.Fprintf(&b, "  - role: %s\n", q(role))
		}
		for i, label := range t.links {
			if i == 0 {
				b.WriteString("links:\n")
			}
			fmt.Fprintf(&b, "  - label: %s\n", q(label))
		}
		b.WriteString("---\n\n" + t.body)
		if err := f.emit(dir+"index."+lang+".md", []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

func (f *vitrinFormat) practice(p *practice) error {
	q := strconv.Quote
	t := p.text["fi"]
	var b strings.Builder
	fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\nproblem: %s\n", q(t.title), q(t.summary), q(p.problem))
	b.WriteString("steps:\n")
	for _, s := range p.steps {
		fmt.Fprintf(&b, "  - %s\n", q(s))
	}
	fmt.Fprintf(&b, "needs:\n  - kind: people\n    text: %s\n  - kind: money\n    amount: %d\n    text: %s\n", q(p.peopleText), p.money, q(p.moneyText))
	fmt.Fprintf(&b, "results: %s\nlessons:\n  - %s\n", q(p.results), q(p.lessons[0]))
	fmt.Fprintf(&b, "transfer:\n  conditions: [%s]\n  pitfalls: [%s]\n", q(p.conditions), q(p.pitfalls))
	fmt.Fprintf(&b, "themes: [%s]\n", strings.Join(p.themes, ", "))
	fmt.Fprintf(&b, "projects: [%s, %s]\n---\n\n%s", p.projects[0], p.projects[1], t.body)
	dir := "content/practices/" + p.id + "/"
	if err := f.emit(dir+"index.fi.md", []byte(b.String())); err != nil {
		return err
	}
	for _, lang := range langCodes[1:] {
		t := p.text[lang]
		s := fmt.Sprintf("---\ntranslation_of: fi\ntitle: %s\nsummary: %s\n---\n\n%s", q(t.title), q(t.summary), t.body)
		if err := f.emit(dir+"index."+lang+".md", []byte(s)); err != nil {
			return err
		}
	}
	return nil
}
