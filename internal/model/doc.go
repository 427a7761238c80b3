// Package model holds what a vitrin site is made of — projects, their
// periods, budgets and funding, and the controlled vocabularies they refer
// to — and turns front matter into those types, reporting every problem
// with its position in the file.
//
// This comment is the content author's reference.
//
// # Files
//
// A project is a folder content/projects/<slug>/ with one Markdown file per
// language: index.fi.md, index.et.md, index.sv.md. The slug is the
// project's id: lowercase letters a–z, digits and hyphens. Images and
// attachments may sit in the same folder.
//
// The project's facts are written once, in the file of its original
// language. A translation says which file it translates with
// translation_of and carries only what is translated: title, summary, the
// body and the free-text fields marked "text" below. A translation may
// repeat a fact, but a repeated fact that differs from the original is an
// error. Lists that mix facts and text (funding, indicators, contacts,
// links, attachments) are matched item by item: a translation that
// translates them lists the same number of items in the same order.
//
// Front matter comes first in the file, as YAML between --- lines, TOML
// between +++ lines, or a JSON object. Keys are written in snake_case.
//
// # Project keys
//
//	translation_of  only in a translation: the language of the original file (fi, et or sv)
//	title           text, required: the project's name
//	summary         text, required: one or two sentences for listings
//	organisation    the applicant organisation, required
//	partners        list of partner organisations
//	funder          LAG or other funder: a key of vocabularies/funders.yaml
//	leader          true for a LEADER project, false otherwise
//	programme       a key of vocabularies/programmes.yaml
//	fund            a key of vocabularies/funds.yaml; defaults to the programme's fund
//	measure         a key of vocabularies/measures.yaml
//	project_number  the funder's case or project number, as text
//	period          start and end: 2019, 2019-09 or 2019-09-01; end may be left out
//	budget          total, currency (EUR or SEK, default EUR) and funding
//	region          a key of vocabularies/regions.yaml; defaults to the municipalities' region
//	municipalities  keys of vocabularies/municipalities.yaml
//	themes          keys of vocabularies/themes.yaml, at least one
//	target_groups   keys of vocabularies/target-groups.yaml
//	indicators      results: label (text), value (number), unit (text), approximate (true/false)
//	contacts        name, role (text), email, phone; a role alone is allowed
//	links           url and label (text)
//	attachments     file (in the project folder) and label (text)
//	image           src (in the project folder) and alt (text, required with src)
//
// # Amounts
//
// budget.total and funding amounts are numbers (116475, 33002.80) or local
// text that can be read one way only: "116 475 €", "33 002,80 eurot",
// "24 000 kr", "1.234.567", "1,234.50". A lone separator followed by three
// digits ("336.452", "1,500") could be a thousands separator or a decimal
// one and is an error. At most two decimals.
//
// Each funding source has a kind and an amount or a percentage of the total
// (or both, which must agree), and an optional name (text):
//
//	eu         EU funds alone
//	national   the state
//	grant      public support where EU and state shares are not told apart (Leader support)
//	regional   a regional council or county
//	municipal  municipalities
//	private    private co-financing: companies, foundations, other private money
//	own        the applicant's own contribution, in money or in voluntary work
//
// When every source has an amount, the amounts add up to the total; when
// every source has a percentage, they add up to 100.
//
// # Status
//
// A project is planned before its start, completed after its end and ongoing
// in between, on the build date (vitrin build -now or SOURCE_DATE_EPOCH).
//
// # Vocabularies
//
// Vocabularies live in content/vocabularies/<name>.yaml as a list of terms.
// Each term has a key (lowercase a–z, digits, hyphens) and a label, either one
// text for every language or one per language:
//
//   - key: youth
//     label: {fi: Nuoret, et: Noored, sv: Unga}
//   - key: leppavirta
//     label: Leppävirta
//     region: pohjois-savo
//
// The vocabularies and the extra keys their terms may have:
//
//	themes.yaml          —
//	target-groups.yaml   —
//	funds.yaml           eu: true for an EU fund (pages then show the EU acknowledgement)
//	programmes.yaml      fund: a key of funds.yaml
//	funders.yaml         country (FI, EE, SE), kind (lag, region, agency, ministry, other), url
//	measures.yaml        programme or funder it belongs to
//	regions.yaml         country (FI, EE, SE)
//	municipalities.yaml  region: a key of regions.yaml
//
// Every label exists in every language of the site.
package model
