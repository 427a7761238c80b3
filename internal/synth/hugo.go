package synth

import (
	"embed"
	"fmt"
	"io/fs"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/render"
)

// hugoFiles are the layouts and UI strings of the Hugo site: what
// vitrin's default theme shows, written for Hugo.
//
//go:embed all:hugo
var hugoFiles embed.FS

// WriteHugoDir writes the generated site as a Hugo site into dir, each
// file as soon as it is generated.
func WriteHugoDir(dir string, o Options) error { return GenerateHugo(o, DirEmit(dir)) }

// GenerateHugo generates the same catalogue as Generate, as a Hugo site
// that `hugo --minify` builds: hugo.toml with the three languages, each
// with a content folder of its own (content/<lang>/projects/<id>.md,
// content/<lang>/practices/<id>.md) in which every file carries all the
// facts, as Hugo does not share front matter between translations; the
// vocabularies as data files for the labels; a themes taxonomy; listings
// of vitrin's page size; and minimal layouts of the same fields as
// vitrin's pages.
func GenerateHugo(o Options, emit Emit) error {
	if err := emit("hugo.toml", []byte(hugoConfig())); err != nil {
		return err
	}
	err := fs.WalkDir(hugoFiles, "hugo", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := hugoFiles.ReadFile(p)
		if err != nil {
			return err
		}
		return emit(strings.TrimPrefix(p, "hugo/"), b)
	})
	if err != nil {
		return err
	}
	for _, lang := range langCodes {
		t := hugoTitles[lang]
		for _, s := range []struct{ path, title string }{{"", t[0]}, {"projects/", t[1]}, {"practices/", t[2]}} {
			if err := emit("content/"+lang+"/"+s.path+"_index.md", []byte("---\ntitle: "+strconv.Quote(s.title)+"\n---\n")); err != nil {
				return err
			}
		}
	}
	return generate(o, &hugoFormat{emit: emit})
}

// hugoTitles are the titles of the home page, the projects and the
// practices in each language, as in vitrin's default theme.
var hugoTitles = map[string][3]string{
	"fi": {"Kehittämishankkeet", "Hankkeet", "Hyvät käytännöt"},
	"et": {"Arendusprojektid", "Projektid", "Head tavad"},
	"sv": {"Utvecklingsprojekt", "Projekt", "Goda exempel"},
}

func hugoConfig() string {
	var b strings.Builder
	fmt.Fprintf(&b, `baseURL = "http://localhost/"
defaultContentLanguage = "fi"
defaultContentLanguageInSubdir = true
# vitrin's listings have %[1]d projects a page.
paginate = %[1]d
enableRobotsTXT = true
# Projects that start this month are dated its first day; none is left out.
buildFuture = true
disableKinds = ["RSS"]

[taxonomies]
theme = "themes"

`, render.PageSize)
	for i, lang := range langCodes {
		fmt.Fprintf(&b, "[languages.%s]\ncontentDir = \"content/%s\"\nlanguageName = %q\ntitle = %q\nweight = %d\n\n",
			lang, lang, map[string]string{"fi": "Suomi", "et": "Eesti", "sv": "Svenska"}[lang], hugoTitles[lang][0], i+1)
	}
	return b.String()
}

// hugoFormat writes the site as Hugo reads it.
type hugoFormat struct{ emit Emit }

// vocab writes a vocabulary as a data file of labels by key and
// language: data/vocabularies/<name>.yaml.
func (f *hugoFormat) vocab(v *vocab) error {
	var b strings.Builder
	for _, t := range v.terms {
		fmt.Fprintf(&b, "%s: {fi: %s, et: %s, sv: %s}\n", t.key, strconv.Quote(t.label["fi"]), strconv.Quote(t.label["et"]), strconv.Quote(t.label["sv"]))
	}
	return f.emit("data/vocabularies/"+v.name+".yaml", []byte(b.String()))
}

func (f *hugoFormat) finish() error { return nil }

func yamlList(keys []string) string { return "[" + strings.Join(keys, ", ") + "]" }

// project writes the project in each of its languages, each file with
// all the facts and the texts of its language.
func (f *hugoFormat) project(p *project) error {
	q := strconv.Quote
	orig := p.text[p.orig]
	var b strings.Builder
	for _, lang := range p.langs {
		t := p.text[lang]
		b.Reset()
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\ndate: %04d-%02d-01\n", q(t.title), q(t.summary), p.start[0], p.start[1])
		fmt.Fprintf(&b, "original: %s\norganisation: %s\n", p.orig, q(p.organisation))
		if len(p.partners) > 0 {
			fmt.Fprintf(&b, "partners: [%s]\n", q(p.partners[0]))
		}
		fmt.Fprintf(&b, "funder: %s\n", p.funder)
		if p.leader != nil {
			fmt.Fprintf(&b, "leader: %t\n", *p.leader)
		}
		fmt.Fprintf(&b, "programme: %s\nfund: %s\n", p.programme, p.fund)
		if p.measure != "" {
			fmt.Fprintf(&b, "measure: %s\n", p.measure)
		}
		fmt.Fprintf(&b, "period:\n  start: \"%d/%d\"\n", p.start[1], p.start[0])
		if p.end[0] != 0 {
			fmt.Fprintf(&b, "  end: \"%d/%d\"\n", p.end[1], p.end[0])
		}
		if bu := p.budget; bu != nil {
			fmt.Fprintf(&b, "budget:\n  total: %d\n  currency: %s\n", bu.total, bu.currency)
			if len(bu.funding) > 0 {
				b.WriteString("  funding:\n")
				for i, fu := range bu.funding {
					fmt.Fprintf(&b, "    - kind: %s\n      amount: %d\n      name: %s\n", fu.kind, fu.amount, q(textOf(t.funding, orig.funding, i)))
				}
			}
		}
		fmt.Fprintf(&b, "region: %s\nmunicipalities: %s\nthemes: %s\ntarget_groups: %s\n", p.region, yamlList(p.municipalities), yamlList(p.themes), yamlList(p.groups))
		if p.number != "" {
			fmt.Fprintf(&b, "project_number: %s\n", q(p.number))
		}
		for i, ind := range p.indicators {
			if i == 0 {
				b.WriteString("indicators:\n")
			}
			label, unit := orig.indicators[i][0], orig.indicators[i][1]
			if i < len(t.indicators) {
				label, unit = t.indicators[i][0], t.indicators[i][1]
			}
			fmt.Fprintf(&b, "  - label: %s\n    value: %d\n    unit: %s\n", q(label), ind.value, q(unit))
		}
		for i, c := range p.contacts {
			if i == 0 {
				b.WriteString("contacts:\n")
			}
			fmt.Fprintf(&b, "  - name: %s\n    role: %s\n    email: %s\n", q(c.name), q(textOf(t.roles, orig.roles, i)), c.email)
		}
		for i, u := range p.links {
			if i == 0 {
				b.WriteString("links:\n")
			}
			fmt.Fprintf(&b, "  - url: %s\n    label: %s\n", u, q(textOf(t.links, orig.links, i)))
		}
		if len(p.practices) > 0 {
			fmt.Fprintf(&b, "practices: %s\n", yamlList(p.practices))
		}
		b.WriteString("---\n\n" + t.body)
		if err := f.emit("content/"+lang+"/projects/"+p.id+".md", []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}

// textOf returns the i-th text of a translation, or the original's when
// the translation has none.
func textOf(tr, orig []string, i int) string {
	if i < len(tr) {
		return tr[i]
	}
	return orig[i]
}

// practice writes the practice in each language: the facts and the
// Finnish texts vitrin shows when a translation has none.
func (f *hugoFormat) practice(p *practice) error {
	q := strconv.Quote
	var b strings.Builder
	for _, lang := range langCodes {
		t := p.text[lang]
		b.Reset()
		fmt.Fprintf(&b, "---\ntitle: %s\nsummary: %s\nproblem: %s\n", q(t.title), q(t.summary), q(p.problem))
		b.WriteString("steps:\n")
		for _, s := range p.steps {
			fmt.Fprintf(&b, "  - %s\n", q(s))
		}
		fmt.Fprintf(&b, "needs:\n  - kind: people\n    text: %s\n  - kind: money\n    amount: %d\n    text: %s\n", q(p.peopleText), p.money, q(p.moneyText))
		fmt.Fprintf(&b, "results: %s\nlessons:\n  - %s\n", q(p.results), q(p.lessons[0]))
		fmt.Fprintf(&b, "transfer:\n  conditions: [%s]\n  pitfalls: [%s]\n", q(p.conditions), q(p.pitfalls))
		// Not themes: the taxonomy lists projects, as vitrin's theme pages do.
		fmt.Fprintf(&b, "practice_themes: %s\n", yamlList(p.themes))
		fmt.Fprintf(&b, "projects: [%s, %s]\n---\n\n%s", p.projects[0], p.projects[1], t.body)
		if err := f.emit("content/"+lang+"/practices/"+p.id+".md", []byte(b.String())); err != nil {
			return err
		}
	}
	return nil
}
