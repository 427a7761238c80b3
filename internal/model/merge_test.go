package model

import (
	"reflect"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// mergeOriginal is the original of the merge tests; the line numbers of its
// facts appear in the hints.
const mergeOriginal = `---
title: Osku
summary: Kylät yhdessä
organisation: Mansikka ry
themes: [youth, culture]
period:
  start: 2023-10-01
  end: 2025-04-30
funder: mansikka
budget:
  total: 80000
  funding:
    - kind: grant
      amount: 65000
      name: Leader-tuki
    - kind: municipal
      amount: 15000
      name: Kuntien rahoitus
indicators:
  - label: Kylät
    value: 3
    unit: kylää
contacts:
  - name: Anna Virtanen
    role: Hankevetäjä
links:
  - url: https://example.fi/osku
    label: Kotisivu
attachments:
  - file: raportti.pdf
    label: Loppuraportti
image:
  src: kuva.jpg
  alt: Kylätalo
---
Hankkeen kuvaus.
`

// trHead is the start of a Swedish translation; keys added after it start
// on line 5.
const trHead = "---\ntranslation_of: fi\ntitle: Osku på svenska\nsummary: Byar tillsammans\n"

// mergeFiles decodes an original and its translations, which must decode
// without diagnostics, and merges them.
func mergeFiles(t *testing.T, orig string, trs map[string]string, order ...string) (*Project, []string) {
	t.Helper()
	of, diags := decode(t, "osku/index.fi.md", orig, nil)
	if len(diags) > 0 {
		t.Fatalf("DecodeFile(original) diagnostics = %s; want none", lines(diags))
	}
	var files []*File[Project]
	for _, lang := range order {
		f, diags := decode(t, "osku/index."+lang+".md", trs[lang], nil)
		if len(diags) > 0 {
			t.Fatalf("DecodeFile(index.%s.md) diagnostics = %s; want none", lang, lines(diags))
		}
		files = append(files, f)
	}
	var l diag.List
	p := Merge("osku", "content/projects/osku", of, files, &l)
	return p, errorStrings(&l)
}

func TestMergeDiagnostics(t *testing.T) {
	const hint = " — remove it here: facts are written once, in the original "
	tests := []struct {
		name, extra string
		want        []string
	}{
		{"texts alone", "", nil},
		{"a fact that differs", "funder: viisari\n",
			[]string{sv + `5:9: funder: "viisari" differs from the original's "mansikka"` + hint + "(index.fi.md:9)"}},
		{"a total that differs", "budget:\n  total: 90000\n",
			[]string{sv + `6:10: budget.total: "90000" differs from the original's "80000"` + hint + "(index.fi.md:11)"}},
		{"a date written at another precision", "period:\n  start: 2023-10\n",
			[]string{sv + `6:10: period.start: "2023-10" differs from the original's "2023-10-01"` + hint + "(index.fi.md:7)"}},
		{"themes that differ", "themes: [youth]\n",
			[]string{sv + `5:9: themes: "youth" differs from the original's "culture,youth"` + hint + "(index.fi.md:5)"}},
		{"a funding kind that differs", "budget:\n  funding:\n    - kind: eu\n      name: EU-stöd\n    - name: Kommunerna\n",
			[]string{sv + `7:13: budget.funding[0].kind: "eu" differs from the original's "grant"` + hint + "(index.fi.md:13)"}},
		{"an indicator value that differs", "indicators:\n  - label: Byar\n    value: 4\n",
			[]string{sv + `7:12: indicators[0].value: "4" differs from the original's "3"` + hint + "(index.fi.md:21)"}},
		{"a fact the original lacks", "project_number: \"123\"\n",
			[]string{sv + "5:17: project_number: the original does not state this fact" + hint + "(index.fi.md)"}},
		{"a translated list that is longer", "indicators:\n  - label: Byar\n  - label: Föreningar\n",
			[]string{sv + "6:3: indicators: lists 2 items; the original (index.fi.md) lists 1 — translate every item of the original's list, in the same order"}},
		{"one item where the original has two", "budget:\n  funding:\n    - name: Leaderstöd\n",
			[]string{sv + "7:5: budget.funding: lists 1 item; the original (index.fi.md) lists 2 — translate every item of the original's list, in the same order"}},
		{"a translated list that is shorter", "contacts: []\n",
			[]string{sv + "5:11: contacts: lists 0 items; the original (index.fi.md) lists 1 — translate every item of the original's list, in the same order"}},
		{"facts repeated as they are", "organisation: Mansikka ry\nfunder: mansikka\nperiod:\n  start: 2023-10-01\n  end: 2025-04-30\nbudget:\n  total: \"80 000 €\"\n", nil},
		{"themes repeated in another order", "themes: [culture, youth]\n", nil},
		{"an empty fact the original lacks", "region:\nproject_number: \"\"\n", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, got := mergeFiles(t, mergeOriginal, map[string]string{"sv": trHead + tt.extra + "---\n"}, "sv")
			if !sameDiagnostics(got, tt.want) {
				t.Errorf("Merge(index.fi.md, index.sv.md with %q) diagnostics = %s\nwant %s", tt.extra, lines(got), lines(tt.want))
			}
		})
	}
}

func TestMergeTexts(t *testing.T) {
	svSrc := `---
translation_of: fi
title: Osku på svenska
summary: Byar tillsammans
budget:
  funding:
    - name: Leaderstöd
    - name: Kommunernas finansiering
indicators:
  - label: Byar
    unit: byar
contacts:
  - role: Projektledare
links:
  - label: Webbplats
attachments:
  - label: Slutrapport
image:
  alt: Byhuset
---

Projektets beskrivning.
`
	et := "---\ntranslation_of: fi\ntitle: Osku eesti keeles\nsummary: Külad koos\nimage:\n  alt: Külamaja\n---\nKirjeldus.\n"
	p, diags := mergeFiles(t, mergeOriginal, map[string]string{"sv": svSrc, "et": et}, "et", "sv")
	if len(diags) > 0 {
		t.Fatalf("Merge diagnostics = %s; want none", lines(diags))
	}
	checks := []struct {
		name      string
		got, want any
	}{
		{"ID", p.ID, "osku"},
		{"Dir", p.Dir, "content/projects/osku"},
		{"Original", p.Original, "fi"},
		{"Languages()", p.Languages(), []string{"fi", "et", "sv"}},
		{"HasLang(sv)", p.HasLang("sv"), true},
		{"HasLang(de)", p.HasLang("de"), false},
		{"Title", p.Title, Text{{"fi", "Osku"}, {"et", "Osku eesti keeles"}, {"sv", "Osku på svenska"}}},
		{"Summary", p.Summary, Text{{"fi", "Kylät yhdessä"}, {"et", "Külad koos"}, {"sv", "Byar tillsammans"}}},
		{"funding names", []Text{p.Budget.Funding[0].Name, p.Budget.Funding[1].Name}, []Text{
			{{"fi", "Leader-tuki"}, {"sv", "Leaderstöd"}},
			{{"fi", "Kuntien rahoitus"}, {"sv", "Kommunernas finansiering"}},
		}},
		{"funding amounts", []Money{p.Budget.Funding[0].Amount, p.Budget.Funding[1].Amount}, []Money{6500000, 1500000}},
		{"indicator", p.Indicators, []Indicator{{Label: Text{{"fi", "Kylät"}, {"sv", "Byar"}}, Unit: Text{{"fi", "kylää"}, {"sv", "byar"}}, Value: 3}}},
		{"contact", p.Contacts, []Contact{{Name: "Anna Virtanen", Role: Text{{"fi", "Hankevetäjä"}, {"sv", "Projektledare"}}}}},
		{"link", p.Links, []Link{{URL: "https://example.fi/osku", Label: Text{{"fi", "Kotisivu"}, {"sv", "Webbplats"}}}}},
		{"attachment", p.Attachments, []Attachment{{File: "raportti.pdf", Label: Text{{"fi", "Loppuraportti"}, {"sv", "Slutrapport"}}}}},
		{"image", p.Image, &Image{Src: "kuva.jpg", Alt: Text{{"fi", "Kylätalo"}, {"et", "Külamaja"}, {"sv", "Byhuset"}}}},
		{"facts from the original", []any{p.Organisation, p.Funder, p.Themes, p.Period}, []any{"Mansikka ry", "mansikka", []string{"youth", "culture"}, Period{Date{2023, 10, 1}, Date{2025, 4, 30}}}},
		{"versions", versions(p), []Version{
			{Lang: "fi", Path: "osku/index.fi.md", Body: []byte("Hankkeen kuvaus.\n"), BodyLine: 36},
			{Lang: "et", Path: "osku/index.et.md", Body: []byte("Kirjeldus.\n"), BodyLine: 8},
			{Lang: "sv", Path: "osku/index.sv.md", Body: []byte("\nProjektets beskrivning.\n"), BodyLine: 21},
		}},
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("Merge(fi, et, sv).%s = %#v; want %#v", c.name, c.got, c.want)
		}
	}
}

func versions(p *Project) []Version { return p.Versions }

// TestMergeKeepsOriginal checks that merging does not change the decoded
// original, which a build may merge again.
func TestMergeKeepsOriginal(t *testing.T) {
	of, _ := decode(t, "osku/index.fi.md", mergeOriginal, nil)
	before := of.Item.Budget.Funding[0].Name.Get("sv") + of.Item.Indicators[0].Label.Get("sv") + of.Item.Image.Alt.Get("sv")
	tf, _ := decode(t, "osku/index.sv.md", trHead+"budget:\n  funding:\n    - name: Leaderstöd\n    - name: Kommunerna\nindicators:\n  - label: Byar\nimage:\n  alt: Byhuset\n---\n", nil)
	var l diag.List
	Merge("osku", "content/projects/osku", of, []*File[Project]{tf}, &l)
	after := of.Item.Budget.Funding[0].Name.Get("sv") + of.Item.Indicators[0].Label.Get("sv") + of.Item.Image.Alt.Get("sv")
	if before != "" || after != "" {
		t.Errorf("Merge changed the original's texts: Swedish texts %q before, %q after; want none", before, after)
	}
}
