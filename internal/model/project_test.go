package model

import (
	"reflect"
	"testing"
)

const fullOriginal = `---
title: OSKU – Osallisuus kuuluu kaikille
summary: Älykkäät kylät -hanke.
organisation: Kehittämisyhdistys Mansikka ry
partners: [Leppävirran kunta, Rautalammen kunta]
measure: fi-leader
leader: true
project_number: 123456
period:
  start: 2023-10
  end: 2025-04-30
budget:
  funding:
    - kind: grant
      amount: "65 000 €"
      name: Leader-tuki
    - kind: municipal
      amount: 15000.50
municipalities: [leppavirta, rautalampi]
themes: [youth, smart-villages]
target_groups: residents
indicators:
  - label: Kylät
    value: 3
    unit: kylää
  - label: Osallistujat
    value: "1 250,5"
    approximate: true
contacts:
  - name: Anna Virtanen
    role: Hankevetäjä
    email: anna@example.fi
    phone: +358 40 123 4567
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

func TestDecodeFileValues(t *testing.T) {
	f, diags := decode(t, "osku/index.fi.md", fullOriginal, nil)
	if len(diags) > 0 || f == nil {
		t.Fatalf("DecodeFile(fullOriginal) = %v, diagnostics %s; want a file and none", f, lines(diags))
	}
	p := f.Item
	yes := true
	checks := []struct {
		name      string
		got, want any
	}{
		{"Lang", f.Lang, "fi"},
		{"TranslationOf", f.TranslationOf, ""},
		{"Original", p.Original, "fi"},
		{"Title", p.Title, Text{{"fi", "OSKU – Osallisuus kuuluu kaikille"}}},
		{"Summary", p.Summary, Text{{"fi", "Älykkäät kylät -hanke."}}},
		{"Organisation", p.Organisation, "Kehittämisyhdistys Mansikka ry"},
		{"Partners", p.Partners, []string{"Leppävirran kunta", "Rautalammen kunta"}},
		{"Measure", p.Measure, "fi-leader"},
		{"Programme (from the measure)", p.Programme, "fi-cap"},
		{"Funder (from the measure)", p.Funder, "mansikka"},
		{"Fund (from the programme)", p.Fund, "eafrd"},
		{"Region (from the municipalities)", p.Region, "pohjois-savo"},
		{"Municipalities", p.Municipalities, []string{"leppavirta", "rautalampi"}},
		{"Themes", p.Themes, []string{"youth", "smart-villages"}},
		{"TargetGroups", p.TargetGroups, []string{"residents"}},
		{"ProjectNumber", p.ProjectNumber, "123456"},
		{"Leader", p.Leader, &yes},
		{"Period", p.Period, Period{Start: Date{2023, 10, 0}, End: Date{2025, 4, 30}}},
		{"Budget", p.Budget, &Budget{Total: 8000050, Currency: "EUR", Funding: []Funding{
			{Kind: FundGrant, Name: Text{{"fi", "Leader-tuki"}}, Amount: 6500000, Share: 6500000.0 / 8000050},
			{Kind: FundMunicipal, Amount: 1500050, Share: 1500050.0 / 8000050},
		}}},
		{"Indicators", p.Indicators, []Indicator{
			{Label: Text{{"fi", "Kylät"}}, Unit: Text{{"fi", "kylää"}}, Value: 3},
			{Label: Text{{"fi", "Osallistujat"}}, Value: 1250.5, Decimals: 1, Approximate: true},
		}},
		{"Contacts", p.Contacts, []Contact{{Name: "Anna Virtanen", Role: Text{{"fi", "Hankevetäjä"}}, Email: "anna@example.fi", Phone: "+358 40 123 4567"}}},
		{"Links", p.Links, []Link{{URL: "https://example.fi/osku", Label: Text{{"fi", "Kotisivu"}}}}},
		{"Attachments", p.Attachments, []Attachment{{File: "raportti.pdf", Label: Text{{"fi", "Loppuraportti"}}}}},
		{"Image", p.Image, &Image{Src: "kuva.jpg", Alt: Text{{"fi", "Kylätalo"}}}},
		{"Body", string(f.Doc.Body), "\nHankkeen kuvaus.\n"},
		{"BodyLine", f.Doc.BodyLine, 44}, // the line after the closing ---
	}
	for _, c := range checks {
		if !reflect.DeepEqual(c.got, c.want) {
			t.Errorf("DecodeFile(fullOriginal).%s = %#v; want %#v", c.name, c.got, c.want)
		}
	}
}

// TestDecodeFileDerived checks the facts that follow from others, and the
// amounts computed from percentages.
func TestDecodeFileDerived(t *testing.T) {
	tests := []struct {
		name, extra string
		check       func(p *Project) (got, want any)
	}{
		{"fund defaults to the programme's fund", "programme: fi-national\n",
			func(p *Project) (any, any) { return p.Fund, "national" }},
		{"a fund that is written wins", "programme: fi-national\nfund: eafrd\n",
			func(p *Project) (any, any) { return p.Fund, "eafrd" }},
		{"no programme, no fund", "",
			func(p *Project) (any, any) { return p.Fund, "" }},
		{"region defaults to the municipalities' region", "municipalities: [viitasaari]\n",
			func(p *Project) (any, any) { return p.Region, "keski-suomi" }},
		{"no region when the municipalities are in two", "municipalities: [leppavirta, viitasaari]\n",
			func(p *Project) (any, any) { return p.Region, "" }},
		{"a region that agrees is kept", "municipalities: [voru]\nregion: vorumaa\n",
			func(p *Project) (any, any) { return p.Region, "vorumaa" }},
		{"programme from a measure without a funder", "measure: ee-leader\n",
			func(p *Project) (any, any) {
				return []string{p.Programme, p.Funder, p.Fund}, []string{"ee-cap", "", "eafrd"}
			}},
		{"amounts computed from percentages", "budget:\n  total: 80000\n  funding:\n    - kind: grant\n      percent: 81.25\n    - kind: municipal\n      percent: 18.75\n",
			func(p *Project) (any, any) {
				return []Money{p.Budget.Funding[0].Amount, p.Budget.Funding[1].Amount}, []Money{6500000, 1500000}
			}},
		{"amounts computed from percentages are rounded to the cent", "budget:\n  total: 1000.01\n  funding:\n    - kind: grant\n      percent: 50\n    - kind: own\n      percent: 50\n",
			func(p *Project) (any, any) {
				return []Money{p.Budget.Funding[0].Amount, p.Budget.Funding[1].Amount}, []Money{50001, 50001}
			}},
		{"percentage as written and share as computed", "budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 65000\n      percent: 81\n    - kind: own\n      amount: 15000\n",
			func(p *Project) (any, any) {
				return []float64{p.Budget.Funding[0].Percent, p.Budget.Funding[0].Share}, []float64{81, 0.8125}
			}},
		{"total from the sources", "budget:\n  currency: sek\n  funding:\n    - kind: eu\n      amount: \"24 000 kr\"\n    - kind: own\n      amount: 1000\n",
			func(p *Project) (any, any) {
				return []any{p.Budget.Total, p.Budget.Currency}, []any{Money(2500000), "SEK"}
			}},
		{"leader false", "leader: false\n",
			func(p *Project) (any, any) { return p.Leader != nil && !*p.Leader, true }},
		{"leader as a YAML 1.1 boolean", "leader: !!bool yes\n",
			func(p *Project) (any, any) { return p.Leader != nil && *p.Leader, true }},
		{"leader not stated", "",
			func(p *Project) (any, any) { return p.Leader == nil, true }},
		{"one theme without brackets", "target_groups: older-people\n",
			func(p *Project) (any, any) { return p.TargetGroups, []string{"older-people"} }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, diags := decode(t, "osku/index.fi.md", yamlWith(tt.extra), nil)
			if len(diags) > 0 {
				t.Fatalf("DecodeFile(%q) diagnostics = %s; want none", tt.extra, lines(diags))
			}
			if got, want := tt.check(&f.Item); !reflect.DeepEqual(got, want) {
				t.Errorf("DecodeFile(%q) = %v; want %v", tt.extra, got, want)
			}
		})
	}
}

func TestDecodeFileWithoutFrontMatter(t *testing.T) {
	for _, src := range []string{"No front matter.\n", "---\ntitle: [\n---\n", "---\ntitle: Osku\n"} {
		if f, _ := decode(t, "osku/index.fi.md", src, nil); f != nil {
			t.Errorf("DecodeFile(%q) = %+v; want nil", src, f)
		}
	}
}

func TestBudgetSupport(t *testing.T) {
	tests := []struct {
		name   string
		b      *Budget
		amount Money
		share  float64
		ok     bool
	}{
		{"nil", nil, 0, 0, false},
		{"no funding", &Budget{Total: 100}, 0, 0, false},
		{"zero total", &Budget{Funding: []Funding{{Kind: FundEU, Amount: 1}}}, 0, 0, false},
		{"grant and municipal", &Budget{Total: 8000000, Funding: []Funding{{Kind: FundGrant, Amount: 6500000}, {Kind: FundMunicipal, Amount: 1500000}}}, 6500000, 0.8125, true},
		{"every kind of support", &Budget{Total: 1000, Funding: []Funding{{Kind: FundEU, Amount: 100}, {Kind: FundNational, Amount: 200},
			{Kind: FundRegional, Amount: 300}, {Kind: FundPrivate, Amount: 200}, {Kind: FundOwn, Amount: 200}}}, 600, 0.6, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			amount, share, ok := tt.b.Support()
			if amount != tt.amount || share != tt.share || ok != tt.ok {
				t.Errorf("%+v.Support() = %d, %v, %v; want %d, %v, %v", tt.b, amount, share, ok, tt.amount, tt.share, tt.ok)
			}
		})
	}
}

func TestFundingKinds(t *testing.T) {
	support := map[FundingKind]bool{FundEU: true, FundNational: true, FundGrant: true, FundRegional: true}
	for _, k := range FundingKinds() {
		if got := k.IsSupport(); got != support[k] {
			t.Errorf("FundingKind(%q).IsSupport() = %v; want %v", k, got, support[k])
		}
	}
	if got := kindList(); got != kinds {
		t.Errorf("kindList() = %q; want %q", got, kinds)
	}
}

func TestFileLang(t *testing.T) {
	tests := []struct{ in, want string }{
		{"index.fi.md", "fi"},
		{"index.sv.md", "sv"},
		{"index.md", ""},
		{"index.fin.md", ""},
		{"index.FI.md", ""},
		{"kuva.jpg", ""},
		{"readme.fi.md", ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := FileLang(tt.in); got != tt.want {
				t.Errorf("FileLang(%q) = %q; want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestCheckSlug(t *testing.T) {
	tests := []struct {
		in      string
		ok      bool
		suggest string
	}{
		{"osku", true, "osku"},
		{"loov-voru", true, "loov-voru"},
		{"hanke-2", true, "hanke-2"},
		{"Osku", false, "osku"},
		{"loov võru", false, "loov-voru"},
		{"kylä--talo", false, "kyla-talo"},
		{"-osku", false, "osku"},
		{"osku_2", false, "osku-2"},
		{"", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if err := CheckSlug(tt.in); (err == nil) != tt.ok {
				t.Errorf("CheckSlug(%q) = %v; want ok = %v", tt.in, err, tt.ok)
			}
			if got := SuggestSlug(tt.in); got != tt.suggest {
				t.Errorf("SuggestSlug(%q) = %q; want %q", tt.in, got, tt.suggest)
			}
		})
	}
}

func TestText(t *testing.T) {
	tx := Text{{"fi", "Nuoret"}, {"sv", "Unga"}}
	for _, tt := range []struct{ lang, s, from string }{
		{"fi", "Nuoret", "fi"},
		{"sv", "Unga", "sv"},
		{"et", "Nuoret", "fi"}, // the original when there is no translation
	} {
		if s, from := tx.In(tt.lang); s != tt.s || from != tt.from {
			t.Errorf("%v.In(%q) = %q, %q; want %q, %q", tx, tt.lang, s, from, tt.s, tt.from)
		}
	}
	if s, from := Text(nil).In("et"); s != "" || from != "et" {
		t.Errorf("Text(nil).In(\"et\") = %q, %q; want \"\", \"et\"", s, from)
	}
	if got := tx.Get("et"); got != "" {
		t.Errorf("%v.Get(\"et\") = %q; want \"\"", tx, got)
	}
}
