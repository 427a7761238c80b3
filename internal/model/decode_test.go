package model

import (
	"slices"
	"strings"
	"testing"
)

// origYAML is a complete original. Keys added after it start on line 9.
const origYAML = `---
title: Osku
summary: Kylät yhdessä
organisation: Mansikka ry
themes: [youth]
period:
  start: 2023-10-01
  end: 2025-04-30
`

func yamlWith(extra string) string { return origYAML + extra + "---\n" }

// origTOML is a complete original in TOML. Keys added after it start on
// line 7.
const origTOML = `+++
title = "Osku"
summary = "Kylät yhdessä"
organisation = "Mansikka ry"
themes = ["youth"]
period = {start = 2023-10-01, end = 2025-04-30}
`

func tomlWith(extra string) string { return origTOML + extra + "+++\n" }

// jsonWith writes a JSON original, one entry a line from line 2; entries
// added to the five of a complete original start on line 7.
func jsonWith(extra ...string) string {
	entries := append([]string{
		`  "title": "Osku"`,
		`  "summary": "Kylät yhdessä"`,
		`  "organisation": "Mansikka ry"`,
		`  "themes": ["youth"]`,
		`  "period": {"start": "2023-10-01", "end": "2025-04-30"}`,
	}, extra...)
	return "{\n" + strings.Join(entries, ",\n") + "\n}\n\nBody.\n"
}

const (
	fi = "osku/index.fi.md:"
	sv = "osku/index.sv.md:"
)

const kinds = "eu, national, grant, regional, municipal, private, own"

type decodeCase struct {
	name  string
	file  string // default osku/index.fi.md
	src   string
	files map[string]bool // default projectFiles()
	want  []string        // every diagnostic, formatted, in order
	some  bool            // want lists some of the diagnostics, not all
}

func runDecodeCases(t *testing.T, tests []decodeCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			file := tt.file
			if file == "" {
				file = "osku/index.fi.md"
			}
			_, got := decode(t, file, tt.src, tt.files)
			if tt.some {
				for _, w := range tt.want {
					if !slices.Contains(got, w) {
						t.Errorf("DecodeFile(%s) diagnostics = %s\nwant among them %q", file, lines(got), w)
					}
				}
				return
			}
			if !sameDiagnostics(got, tt.want) {
				t.Errorf("DecodeFile(%s) diagnostics = %s\nwant %s\nsource:\n%s", file, lines(got), lines(tt.want), tt.src)
			}
		})
	}
}

func TestDecodeFileYAML(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{name: "a complete original", src: yamlWith("")},

		// Keys.
		{name: "unknown key with a near key", src: yamlWith("budjet: 80000\n"),
			want: []string{fi + "9:1: budjet: unknown key — did you mean budget?"}},
		{name: "unknown key written in Finnish", src: yamlWith("teemat: [culture]\n"),
			want: []string{fi + "9:1: teemat: unknown key — did you mean themes?"}},
		{name: "unknown key written in Swedish", src: yamlWith("målgrupper: [residents]\n"),
			want: []string{fi + "9:1: målgrupper: unknown key — did you mean target_groups?"}},
		{name: "unknown key with no near key", src: yamlWith("colour: red\n"),
			want: []string{fi + "9:1: colour: unknown key — the keys allowed here are translation_of, title, summary, organisation, …"}},
		{name: "unknown key inside budget", src: yamlWith("budget:\n  totl: 80000\n"),
			want: []string{
				fi + "10:3: budget.total: is missing — add total: with the project's total cost",
				fi + "10:3: budget.totl: unknown key — did you mean total?",
			}},

		// Types.
		{name: "themes as a map", src: strings.Replace(yamlWith(""), "themes: [youth]", "themes: {youth: true}", 1),
			want: []string{fi + `5:9: themes: is a group of keys; it must be a list — write a list, one item per line starting with "- "`}},
		{name: "themes as one key", src: strings.Replace(yamlWith(""), "themes: [youth]", "themes: youth", 1)},
		{name: "leader in Finnish", src: yamlWith("leader: kyllä\n"),
			want: []string{fi + `9:9: leader: is "kyllä"; it must be true or false — write true or false`}},
		{name: "leader as a list", src: yamlWith("leader: [true]\n"),
			want: []string{fi + "9:9: leader: is a list; it must be true or false — write true or false"}},
		{name: "title as a list", src: strings.Replace(yamlWith(""), "title: Osku", "title: [Osku, Kylät]", 1),
			want: []string{fi + "2:8: title: is a list; it must be text — write one value"}},
		{name: "funder as a list", src: yamlWith("funder: [mansikka]\n"),
			want: []string{fi + "9:9: funder: is a list; it must be text — write one value"}},
		{name: "partner with a colon", src: yamlWith("partners:\n  - Kumppani: Kyläyhdistys ry\n"),
			want: []string{fi + `10:5: partners: is a group of keys; it must be text — the ": " after "Kumppani" makes YAML read the text as a key; put the whole text in "double quotes"`}},
		{name: "partners as a map", src: yamlWith("partners: {a: 1}\n"),
			want: []string{fi + `9:11: partners: is a group of keys; it must be a list — write a list, one item per line starting with "- "`}},
		{name: "period as a date", src: strings.Replace(yamlWith(""), "period:\n  start: 2023-10-01\n  end: 2025-04-30\n", "period: 2023-10-01\n", 1),
			want: []string{fi + "6:9: period: is a date; it must be a group of keys — write it as keys indented under period:"}},
		{name: "budget as a number", src: yamlWith("budget: 80000\n"),
			want: []string{fi + "9:9: budget: is a number; it must be a group of keys — write it as keys indented under budget:"}},
		{name: "total as a list", src: yamlWith("budget:\n  total: [1, 2]\n"),
			want: []string{fi + "10:10: budget.total: is a list; it must be an amount — write a number such as 24000"}},
		{name: "funding as a map", src: yamlWith("budget:\n  total: 80000\n  funding: {kind: eu}\n"),
			want: []string{fi + `11:12: budget.funding: is a group of keys; it must be a list — write a list, one item per line starting with "- "`}},
		{name: "indicator value as a word", src: yamlWith("indicators:\n  - label: Kylät\n    value: kolme\n"),
			want: []string{fi + `11:12: indicators[0].value: is "kolme"; it must be a number — write a number such as 200 or 12.5`}},
		{name: "approximate as a word", src: yamlWith("indicators:\n  - label: Kylät\n    value: 3\n    approximate: ehkä\n"),
			want: []string{fi + `12:18: indicators[0].approximate: is "ehkä"; it must be true or false — write true or false`}},
		{name: "contact as text", src: yamlWith("contacts:\n  - Anna Virtanen\n"),
			want: []string{fi + "10:5: contacts[0]: is text; it must be a group of keys — write it as keys indented under contacts[0]:"}},

		// Vocabulary terms.
		{name: "theme with a typo", src: strings.Replace(yamlWith(""), "themes: [youth]", "themes: [youth, vilage-halls]", 1),
			want: []string{fi + `5:17: themes: "vilage-halls" is not in the themes vocabulary — did you mean village-halls? Or add vilage-halls to content/vocabularies/themes.yaml`}},
		{name: "theme written as its label", src: strings.Replace(yamlWith(""), "themes: [youth]", "themes: [Nuoret]", 1),
			want: []string{fi + `5:10: themes: "Nuoret" is not in the themes vocabulary — did you mean youth (Nuoret)? Or add Nuoret to content/vocabularies/themes.yaml`}},
		{name: "target group written as its Swedish label", src: yamlWith("target_groups: [Äldre]\n"),
			want: []string{fi + `9:17: target_groups: "Äldre" is not in the target-groups vocabulary — did you mean older-people (Äldre)? Or add Äldre to content/vocabularies/target-groups.yaml`}},
		{name: "region written as its label without a hyphen", src: yamlWith("region: Pohjois Savo\n"),
			want: []string{fi + `9:9: region: "Pohjois Savo" is not in the regions vocabulary — did you mean pohjois-savo (Pohjois-Savo)? Or add Pohjois Savo to content/vocabularies/regions.yaml`}},
		{name: "funder with no near term", src: yamlWith("funder: xyzzy\n"),
			want: []string{fi + `9:9: funder: "xyzzy" is not in the funders vocabulary — add it to content/vocabularies/funders.yaml`}},
		{name: "term listed twice", src: yamlWith("municipalities: [leppavirta, rautalampi, leppavirta]\n"),
			want: []string{fi + "9:42: municipalities: leppavirta is listed twice — remove the second one"}},

		// Required keys.
		{name: "an original without its facts", src: "---\nproject_number: \"123\"\n---\n",
			want: []string{
				fi + "2:1: organisation: is missing — add organisation: and its text",
				fi + "2:1: period: is missing — add period: with start: (and end:) such as 2019-09-01 or 2019-09",
				fi + "2:1: summary: is missing — add summary: and its text",
				fi + "2:1: themes: is missing: a project has at least one theme — add themes: [key, …] with keys from content/vocabularies/themes.yaml",
				fi + "2:1: title: is missing — add title: and its text",
			}},
		{name: "an original with empty front matter", src: "---\n---\nBody\n",
			want: []string{
				fi + "2:1: organisation: is missing …",
				fi + "2:1: period: is missing …",
				fi + "2:1: summary: is missing …",
				fi + "2:1: themes: is missing…",
				fi + "2:1: title: is missing …",
			}},
		{name: "empty title", src: strings.Replace(yamlWith(""), "title: Osku", `title: ""`, 1),
			want: []string{fi + "2:8: title: is missing — add title: and its text"}},
		{name: "period without start", src: strings.Replace(yamlWith(""), "  start: 2023-10-01\n", "", 1),
			want: []string{fi + "7:3: period.start: is missing — add start: 2019-09-01 (or 2019-09 or 2019)"}},

		// Period.
		{name: "end before start", src: strings.Replace(yamlWith(""), "end: 2025-04-30", "end: 2023-09", 1),
			want: []string{fi + "8:8: period.end: the project ends (2023-09) before it starts (2023-10-01) — check both dates"}},
		{name: "end in the month of the start", src: strings.Replace(yamlWith(""), "end: 2025-04-30", "end: 2023-10", 1)},
		{name: "no end", src: strings.Replace(yamlWith(""), "  end: 2025-04-30\n", "", 1)},
		{name: "a date not in the calendar", src: strings.Replace(yamlWith(""), "end: 2025-04-30", "end: 2025-02-29", 1),
			want: []string{fi + `8:8: period.end: "2025-02-29" is not a date in the calendar — February 2025 has 28 days`}},
		{name: "a Finnish date", src: strings.Replace(yamlWith(""), "start: 2023-10-01", "start: 1.10.2023", 1),
			want: []string{fi + `7:10: period.start: "1.10.2023" is not an ISO date — write it as 2023-10-01 (year-month-day)`}},
		{name: "a month with a slash", src: strings.Replace(yamlWith(""), "start: 2023-10-01", "start: 10/2023", 1),
			want: []string{fi + `7:10: period.start: "10/2023" is not an ISO date — write a month as 2023-10 (year-month)`}},
		{name: "a date with a time of day", src: strings.Replace(yamlWith(""), "start: 2023-10-01", "start: 2023-10-01T10:00:00", 1),
			want: []string{fi + `7:10: period.start: "2023-10-01T10:00:00" has a time of day — write the date alone, as 2023-10-01`}},
		{name: "a date as a list", src: strings.Replace(yamlWith(""), "start: 2023-10-01", "start: [2023, 10, 1]", 1),
			want: []string{fi + "7:10: period.start: is a list; it must be a date — write a date such as 2019-09-01"}},
		{name: "unknown key in period", src: origYAML + "  middle: 2024\n---\n",
			want: []string{fi + "9:3: period.middle: unknown key — the keys allowed here are start, end"}},

		// Budget.
		{name: "sources that do not add up to the total",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 60000\n    - kind: municipal\n      amount: 15000\n"),
			want: []string{fi + "10:10: budget.total: the funding sources add up to 75000 but the total is 80000 (difference 5000) — correct the total or the funding sources so that they agree"}},
		{name: "sources that add up",
			src: yamlWith("budget:\n  total: \"80 000 €\"\n  funding:\n    - kind: grant\n      amount: 64999.50\n    - kind: municipal\n      amount: \"15 000,50\"\n")},
		{name: "percentage that disagrees with the amount",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 65000\n      percent: 80\n    - kind: municipal\n      amount: 15000\n"),
			want: []string{fi + "14:16: budget.funding[0].percent: 65000 is 81.25 % of the total 80000, not 80 % — leave out the percentage: vitrin computes it from the amount"}},
		{name: "percentage that agrees with the amount when rounded",
			src: yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 65000\n      percent: 81\n    - kind: municipal\n      amount: 15000\n      percent: 18.75\n")},
		{name: "percentages that add up to 100",
			src: yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      percent: 81.25\n    - kind: municipal\n      percent: 18.75\n")},
		{name: "percentages that do not add up to 100",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      percent: 80\n    - kind: municipal\n      percent: 10\n"),
			want: []string{fi + "10:10: budget.total: the funding sources add up to 72000 but the total is 80000 (difference 8000) — correct the total or the funding sources so that they agree"}},
		{name: "percentage over 100",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 80000\n      percent: 120\n"),
			want: []string{fi + "14:16: budget.funding[0].percent: 120 is not a percentage — write a share between 0 and 100"}},
		{name: "percentage that is not a number",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 80000\n      percent: nan\n"),
			want: []string{fi + `14:16: budget.funding[0].percent: is "nan"; it must be a number — write a number such as 200 or 12.5`}},
		{name: "source without an amount or a percentage",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 80000\n    - kind: municipal\n      name: Kunnat\n"),
			want: []string{fi + "14:7: budget.funding[1]: has neither an amount nor a percentage — add amount: (such as 29702.52) or percent: (such as 90)"}},
		{name: "funding source as a number",
			src:  yamlWith("budget:\n  total: 80000\n  funding: [80000]\n"),
			want: []string{fi + "11:13: budget.funding[0]: is a number; it must be a group of keys — write it as keys indented under funding[0]:"}},
		{name: "percentage left empty",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 80000\n    - kind: own\n      percent:\n"),
			want: []string{fi + "14:7: budget.funding[1]: has neither an amount nor a percentage — add amount: (such as 29702.52) or percent: (such as 90)"}},
		{name: "funding kind with a typo",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grnat\n      amount: 80000\n"),
			want: []string{fi + `12:13: budget.funding[0].kind: "grnat" is not a kind of funding — did you mean grant? The kinds are ` + kinds}},
		{name: "funding kind with no near kind",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: lottery\n      amount: 80000\n"),
			want: []string{fi + `12:13: budget.funding[0].kind: "lottery" is not a kind of funding — write one of ` + kinds}},
		{name: "funding without a kind",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - amount: 80000\n"),
			want: []string{fi + "12:7: budget.funding[0].kind: is missing — add kind: one of " + kinds}},
		{name: "unknown key in a funding source",
			src:  yamlWith("budget:\n  total: 80000\n  funding:\n    - kind: grant\n      amount: 80000\n      määrä: 80000\n"),
			want: []string{fi + "14:7: budget.funding[0].määrä: unknown key — did you mean amount?"}},
		{name: "kronor in a budget in euros", src: yamlWith("budget:\n  total: \"24 000 kr\"\n"),
			want: []string{fi + `10:10: budget.total: "24 000 kr" is in SEK but the budget is in EUR — write every amount of a budget in budget.currency`}},
		{name: "kronor in a budget in kronor", src: yamlWith("budget:\n  currency: SEK\n  total: \"24 000 kr\"\n")},
		{name: "unknown currency", src: yamlWith("budget:\n  currency: NOK\n  total: 1000\n"),
			want: []string{fi + `10:13: budget.currency: "NOK" is not a currency vitrin knows — write EUR or SEK`}},
		{name: "ambiguous total with a point", src: yamlWith("budget:\n  total: \"336.452\"\n"),
			want: []string{fi + `10:10: budget.total: "336.452" is ambiguous: the point may separate thousands or decimals — write 336452 (or "336 452 €") for 336 452`}},
		{name: "ambiguous total with a comma", src: yamlWith("budget:\n  total: 1,500\n"),
			want: []string{fi + `10:10: budget.total: "1,500" is ambiguous: the comma may separate thousands or decimals — write 1500 (or "1 500 €") for 1 500, or 1.50 for a decimal amount`}},
		{name: "total with three decimals as a YAML number", src: yamlWith("budget:\n  total: 336.452\n"),
			want: []string{fi + `10:10: budget.total: "336.452" has more than two decimals — amounts are written to the cent, as in 33002.80`}},
		{name: "total grouped unevenly", src: yamlWith("budget:\n  total: 1 23 456\n"),
			want: []string{fi + `10:10: budget.total: "1 23 456" has its digits grouped unevenly — group thousands by three, as in 116 475`}},
		{name: "negative total", src: yamlWith("budget:\n  total: -80000\n"),
			want: []string{fi + "10:10: budget.total: -80000 is negative — amounts are zero or more"}},
		{name: "negative total as text", src: yamlWith("budget:\n  total: \"-80 000 €\"\n"),
			want: []string{fi + `10:10: budget.total: "-80 000 €" is negative — amounts are zero or more`}},
		{name: "total of zero", src: yamlWith("budget:\n  total: 0\n"),
			want: []string{fi + "10:10: budget.total: is zero — write the project's total cost"}},
		{name: "budget without a total", src: yamlWith("budget:\n  currency: EUR\n"),
			want: []string{fi + "10:3: budget.total: is missing — add total: with the project's total cost"}},
		{name: "percentages without a total", src: yamlWith("budget:\n  funding:\n    - kind: grant\n      percent: 80\n"),
			want: []string{fi + "10:3: budget.total: is missing, so the percentages cannot be turned into amounts — add total: with the project's total cost"}},
		{name: "amounts without a total", src: yamlWith("budget:\n  funding:\n    - kind: grant\n      amount: 80000\n")},

		// Contacts and links.
		{name: "e-mail and phone that are not", src: yamlWith("contacts:\n  - name: Anna Virtanen\n    email: anna(at)example.fi\n    phone: soita\n"),
			want: []string{
				fi + `11:12: contacts[0].email: "anna(at)example.fi" is not an e-mail address — write an address such as info@example.fi`,
				fi + `12:12: contacts[0].phone: "soita" is not a phone number — write a number such as +358 40 123 4567`,
			}},
		{name: "e-mail with a display name", src: yamlWith("contacts:\n  - name: Anna\n    email: Anna <anna@example.fi>\n"),
			want: []string{fi + `11:12: contacts[0].email: "Anna <anna@example.fi>" is not an e-mail address — write an address such as info@example.fi`}},
		{name: "phone too short", src: yamlWith("contacts:\n  - name: Anna\n    phone: \"1234\"\n"),
			want: []string{fi + `11:12: contacts[0].phone: "1234" is not a phone number — write a number such as +358 40 123 4567`}},
		{name: "valid e-mail and phones", src: yamlWith("contacts:\n  - name: Anna\n    email: anna@example.fi\n    phone: +358 40 123 4567\n  - name: Ülle\n    phone: +372 5123 4567\n  - name: Lasse\n    phone: 040-123 4567\n")},
		{name: "contact with neither name nor role", src: yamlWith("contacts:\n  - email: info@example.fi\n"),
			want: []string{fi + "10:5: contacts[0]: has neither a name nor a role — add a name or a role"}},
		{name: "contact with a role alone", src: yamlWith("contacts:\n  - role: Hankevetäjä\n")},
		{name: "link that is not http", src: yamlWith("links:\n  - url: ftp://example.fi/raportti.pdf\n    label: Raportti\n"),
			want: []string{fi + `10:10: links[0].url: "ftp://example.fi/raportti.pdf" is not a web address — write the whole address, starting with https://`}},
		{name: "link without a scheme", src: yamlWith("links:\n  - url: www.example.fi\n    label: Kotisivu\n"),
			want: []string{fi + `10:10: links[0].url: "www.example.fi" is not a web address — write the whole address, starting with https://`}},
		{name: "link without a host", src: yamlWith("links:\n  - url: \"https://\"\n    label: Kotisivu\n"),
			want: []string{fi + `10:10: links[0].url: "https://" is not a web address …`}},
		{name: "link without a url", src: yamlWith("links:\n  - label: Kotisivu\n"),
			want: []string{fi + "10:5: links[0].url: is missing — add url: https://…"}},
		{name: "link without a label", src: yamlWith("links:\n  - url: http://example.fi\n"),
			want: []string{fi + "10:5: links[0].label: is missing — add label: and its text"}},

		// Images and attachments.
		{name: "image without alt", src: yamlWith("image:\n  src: kuva.jpg\n"),
			want: []string{fi + "10:3: image.alt: is missing — add alt: with a short description of what the image shows, for people who cannot see it"}},
		{name: "image not in the folder", src: yamlWith("image:\n  src: kuva.jpeg\n  alt: Kylätalo\n"),
			want: []string{fi + `10:8: image.src: "kuva.jpeg" is not in the project folder — did you mean kuva.jpg?`}},
		{name: "image with no near file", src: yamlWith("image:\n  src: logo.svg\n  alt: Logo\n"),
			want: []string{fi + `10:8: image.src: "logo.svg" is not in the project folder — put the file in the project folder`}},
		{name: "image in a subfolder", src: yamlWith("image:\n  src: kuvat/kuva.jpg\n  alt: Kylätalo\n"),
			want: []string{fi + `10:8: image.src: "kuvat/kuva.jpg" is not a file name in the project folder — put the file in the project folder and write its name alone`}},
		{name: "image without src", src: yamlWith("image:\n  alt: Kylätalo\n"),
			want: []string{fi + "10:3: image.src: is missing — add src: with the name of a file in the project folder"}},
		{name: "attachment not in the folder", src: yamlWith("attachments:\n  - file: raport.pdf\n    label: Loppuraportti\n"),
			want: []string{fi + `10:11: attachments[0].file: "raport.pdf" is not in the project folder — did you mean raportti.pdf?`}},
		{name: "attachment that is a language file", src: yamlWith("attachments:\n  - file: index.fi.mb\n    label: Teksti\n"),
			want: []string{fi + `10:11: attachments[0].file: "index.fi.mb" is not in the project folder — put the file in the project folder`}},
		{name: "attachment without a file", src: yamlWith("attachments:\n  - label: Loppuraportti\n"),
			want: []string{fi + "10:5: attachments[0].file: is missing — add file: with the name of a file in the project folder"}},
		{name: "attachment without a label", src: yamlWith("attachments:\n  - file: raportti.pdf\n"),
			want: []string{fi + "10:5: attachments[0].label: is missing — add label: and its text"}},

		// Indicators.
		{name: "indicator as text", src: yamlWith("indicators:\n  - Kylät 3\n"),
			want: []string{fi + "10:5: indicators[0]: is text; it must be a group of keys — write it as keys indented under indicators[0]:"}},
		{name: "link as text", src: yamlWith("links:\n  - https://example.fi\n"),
			want: []string{fi + "10:5: links[0]: is text; it must be a group of keys — write it as keys indented under links[0]:"}},
		{name: "attachment as text", src: yamlWith("attachments:\n  - raportti.pdf\n"),
			want: []string{fi + "10:5: attachments[0]: is text; it must be a group of keys — write it as keys indented under attachments[0]:"}},
		{name: "indicator without a label", src: yamlWith("indicators:\n  - value: 3\n"),
			want: []string{fi + "10:5: indicators[0].label: is missing — add label: and its text"}},
		{name: "indicator without a value", src: yamlWith("indicators:\n  - label: Kylät\n"),
			want: []string{fi + "10:5: indicators[0].value: is missing — add value: with the number"}},

		// Derived facts.
		{name: "measure of another programme", src: yamlWith("measure: fi-leader\nprogramme: ee-cap\n"),
			want: []string{fi + "9:10: measure: fi-leader belongs to the programme fi-cap, not ee-cap — check the measure and the programme"}},
		{name: "measure of another funder", src: yamlWith("measure: fi-leader\nfunder: viisari\n"),
			want: []string{fi + "9:10: measure: fi-leader is a measure of mansikka, not of viisari — check the measure and the funder"}},
		{name: "measure with its own programme and funder", src: yamlWith("measure: fi-leader\nprogramme: fi-cap\nfunder: mansikka\n")},
		{name: "region that contradicts a municipality", src: yamlWith("municipalities: [leppavirta, viitasaari]\nregion: pohjois-savo\n"),
			want: []string{fi + "10:9: region: viitasaari is in keski-suomi, not in pohjois-savo — check the region and the municipalities"}},
		{name: "municipalities in two regions without a region", src: yamlWith("municipalities: [leppavirta, viitasaari]\n")},

		// The file.
		{name: "no front matter", src: "# Osku\n\nKylät yhdessä.\n",
			want: []string{fi + "1:1: the file has no front matter — start the file with a line ---, the keys, and another line ---"}},
		{name: "front matter that is not YAML", src: "---\ntitle: Osku\nsummary: Kylät: yhdessä\n---\n",
			want: []string{fi + "3:1: front matter is not valid YAML: mapping values are not allowed in this context — check the indentation, and put text that contains a colon or starts with a special character in quotes"}},
	})
}

func TestDecodeFileTranslation(t *testing.T) {
	const tr = "---\ntranslation_of: fi\ntitle: Osku\nsummary: Byar tillsammans\n---\n"
	runDecodeCases(t, []decodeCase{
		{name: "a translation carries only texts", file: "osku/index.sv.md", src: tr},
		{name: "a translation may translate list items partly", file: "osku/index.sv.md",
			src: strings.TrimSuffix(tr, "---\n") + "links:\n  - label: Webbplats\nattachments:\n  - label: Slutrapport\ncontacts:\n  - role: Projektledare\nimage:\n  alt: Byhuset\nbudget:\n  funding:\n    - name: Leaderstöd\n---\n"},
		{name: "translation without a summary", file: "osku/index.sv.md", src: "---\ntranslation_of: fi\ntitle: Osku\n---\n",
			want: []string{sv + "2:1: summary: is missing — add summary: and its text"}},
		{name: "translation of a file that is not there", file: "osku/index.sv.md", src: tr, files: projectFiles("index.sv.md"),
			want: []string{sv + "2:17: translation_of: the original index.fi.md is not in the folder — add index.fi.md with the project's facts, or correct translation_of"}},
		// A wrong translation_of is one mistake: the file is still read as
		// a translation, so no "is missing" errors for the facts follow.
		{name: "translation of a language the site does not have", file: "osku/index.sv.md", src: strings.Replace(tr, ": fi", ": de", 1),
			want: []string{sv + `2:17: translation_of: "de" is not a language of the site — write one of fi, et, sv`}},
		{name: "translation of itself", file: "osku/index.sv.md", src: strings.Replace(tr, ": fi", ": sv", 1),
			want: []string{sv + "2:17: translation_of: a file cannot be a translation of itself — remove translation_of from the original"}},
		{name: "translation_of as a list", file: "osku/index.sv.md", src: strings.Replace(tr, ": fi", ": [fi]", 1), some: true,
			want: []string{sv + "2:17: translation_of: is a list; it must be text — write one value"}},
	})
}

func TestDecodeFileTOML(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{name: "a complete original", src: tomlWith("")},
		{name: "unknown key", src: tomlWith("budjet = 80000\n"),
			want: []string{fi + "7:1: budjet: unknown key — did you mean budget?"}},
		{name: "leader in Finnish", src: tomlWith("leader = \"kyllä\"\n"),
			want: []string{fi + `7:10: leader: is "kyllä"; it must be true or false — write true or false`}},
		{name: "themes as a table", src: strings.Replace(tomlWith(""), `themes = ["youth"]`, `themes = {youth = true}`, 1),
			want: []string{fi + `5:10: themes: is a group of keys; it must be a list — write a list, one item per line starting with "- "`}},
		{name: "theme written as a label in lowercase", src: strings.Replace(tomlWith(""), `themes = ["youth"]`, `themes = ["youth", "nuoret"]`, 1),
			want: []string{fi + `5:20: themes: "nuoret" is not in the themes vocabulary — did you mean youth (Nuoret)? Or add nuoret to content/vocabularies/themes.yaml`}},
		{name: "end before start in a table",
			src:  strings.Replace(tomlWith(""), "period = {start = 2023-10-01, end = 2025-04-30}\n", "\n[period]\nstart = 2023-10-01\nend = 2022-12-31\n", 1),
			want: []string{fi + "9:7: period.end: the project ends (2022-12-31) before it starts (2023-10-01) — check both dates"}},
		{name: "a date with a time of day",
			src:  strings.Replace(tomlWith(""), "period = {start = 2023-10-01, end = 2025-04-30}", "period = {start = 2023-10-01T10:00:00}", 1),
			want: []string{fi + `6:19: period.start: "2023-10-01T10:00:00" has a time of day — write the date alone, as 2023-10-01`}},
		{name: "percentage that disagrees with the amount, in an array of tables",
			src:  tomlWith("[budget]\ntotal = 80000\n\n[[budget.funding]]\nkind = \"grant\"\namount = 65000\npercent = 80\n\n[[budget.funding]]\nkind = \"municipal\"\namount = \"15 000 €\"\n"),
			want: []string{fi + "13:11: budget.funding[0].percent: 65000 is 81.25 % of the total 80000, not 80 % — leave out the percentage: vitrin computes it from the amount"}},
		{name: "kronor in a budget in euros", src: tomlWith("[budget]\ntotal = \"24 000 kr\"\n"),
			want: []string{fi + `8:9: budget.total: "24 000 kr" is in SEK but the budget is in EUR — write every amount of a budget in budget.currency`}},
		{name: "underscores in a TOML number", src: tomlWith("[budget]\ntotal = 80_000\n")},
		{name: "key written twice", src: tomlWith("leader = true\nleader = false\n"),
			want: []string{fi + "8:1: leader: is written twice — keep one of them"}},
	})
}

func TestDecodeFileJSON(t *testing.T) {
	runDecodeCases(t, []decodeCase{
		{name: "a complete original", src: jsonWith()},
		{name: "unknown key", src: jsonWith(`  "budjet": 80000`),
			want: []string{fi + "7:3: budjet: unknown key — did you mean budget?"}},
		{name: "leader in Finnish", src: jsonWith(`  "leader": "kyllä"`),
			want: []string{fi + `7:13: leader: is "kyllä"; it must be true or false — write true or false`}},
		{name: "theme listed twice", src: strings.Replace(jsonWith(), `"themes": ["youth"]`, `"themes": ["youth", "youth"]`, 1),
			want: []string{fi + "5:23: themes: youth is listed twice — remove the second one"}},
		{name: "a date not in the calendar", src: strings.Replace(jsonWith(), `"start": "2023-10-01", "end": "2025-04-30"`, `"start": "2023-01-01", "end": "2023-02-30"`, 1),
			want: []string{fi + `6:44: period.end: "2023-02-30" is not a date in the calendar — February 2023 has 28 days`}},
		{name: "sources that do not add up", src: jsonWith(`  "budget": {"total": 80000, "funding": [{"kind": "grant", "amount": 60000}, {"kind": "municipal", "amount": 15000}]}`),
			want: []string{fi + "7:23: budget.total: the funding sources add up to 75000 but the total is 80000 (difference 5000) — correct the total or the funding sources so that they agree"}},
		{name: "amount with an exponent", src: jsonWith(`  "budget": {"total": 8e4, "funding": [{"kind": "grant", "amount": 80000.00}]}`)},
		{name: "null values are left out", src: jsonWith(`  "leader": null`, `  "partners": null`)},
	})
}
