// Package model holds what a vitrin site is made of — projects, their
// periods, budgets and funding, the good practices that came from them,
// and the controlled vocabularies they refer to — and turns front matter
// into those types, reporting every problem with its position in the file.
//
// This comment is the content author's reference.
//
// # Files
//
// A project is a folder content/projects/<slug>/ with one Markdown file per
// language: index.fi.md, index.et.md, index.sv.md. The slug is the
// project's id: lowercase letters a–z, digits and hyphens. Images and
// attachments may sit in the same folder. A good practice is a folder
// content/practices/<slug>/ made the same way (see Practice keys below).
//
// The facts are written once, in the file of the original language. A
// translation says which file it translates with translation_of and
// carries only what is translated: title, summary, the body and the
// free-text fields marked "text" below. A translation may repeat a fact,
// but a repeated fact that differs from the original is an error. Lists
// that mix facts and text (funding, indicators, contacts, links,
// attachments; a practice's steps, needs and lists of points) are matched
// item by item: a translation that translates them lists the same number
// of items in the same order.
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
// # Practice keys
//
// A good practice is a method that one or more projects used — a
// think-tank workshop, a community hackathon, a resident jury — written up
// so that another village or LAG can reuse it. Its page shows the sections
// in a fixed order: the problem, how it works, what it needs, results,
// lessons, how to transfer it, and the projects it came from.
//
//	translation_of  only in a translation: the language of the original file (fi, et or sv)
//	title           text, required: the name of the method
//	summary         text, required: one line for listings and the top of the page
//	problem         text, required in the original: the problem the practice answers
//	steps           list of texts, required in the original: how it works, one step per item
//	needs           what it takes; each need has a kind (people, time, money, tools, other)
//	                and a text; a need of kind money may have an amount and a currency
//	                (EUR or SEK, default EUR) instead of or besides its text
//	results         text, or a list of texts: what came of it
//	indicators      results in numbers, as for projects: label, value, unit, approximate
//	lessons         text, or a list of texts: what was learnt
//	transfer        how to transfer it: conditions (what a place needs to reuse it) and
//	                pitfalls (what to watch out for), each a text or a list of texts
//	themes          keys of vocabularies/themes.yaml, at least one
//	target_groups   keys of vocabularies/target-groups.yaml
//	projects        ids of the projects it came from (their folder names); an id that is not
//	                a project of the site is an error
//	funder          the LAG or other funder: a key of vocabularies/funders.yaml; defaults to
//	                the funder its projects name, when they name only one
//	country         FI, EE or SE, or a list of them; defaults to the countries of its
//	                projects' regions (or funders)
//	featured        true to show it first on the home page
//	contacts        name, role (text), email, phone, as for projects
//	links           url and label (text)
//	attachments     file (in the practice folder: a PDF template, a form) and label (text)
//
// A text may have paragraphs: write it as a YAML block (problem: |) with
// an empty line between paragraphs. These texts are plain text, not
// Markdown. Keep them short — a few sentences each — so that the page
// stays easy to scan and prints as a handout of a few pages.
//
// The Markdown body is the longer story of how the practice works: an
// example from a real village, the agenda of a meeting, pictures, links to
// templates in the folder. The page shows it in the "how it works"
// section, after the steps; its headings (## or ###) become subheadings of
// that section. Leave the body empty when the steps say enough.
//
// A practice of one project:
//
//	---
//	title: Asukasraati
//	summary: Satunnaisesti kutsutut asukkaat arvioivat palvelun ja antavat kunnalle suosituksia.
//	problem: |
//	  Kunnan päätökset tehdään kaukana sivukylistä.
//
//	  Ne, joita päätökset koskevat eniten, eivät ole mukana.
//	steps:
//	  - Kumppanuuspöytä valitsee teeman ja kohderyhmän.
//	  - Raati kokoontuu kolme kertaa ja kirjoittaa suositukset.
//	needs:
//	  - kind: people
//	    text: Fasilitaattori ja 10–15 asukasta
//	  - kind: money
//	    amount: 500
//	    text: Kahvit ja kimppakyydit
//	lessons:
//	  - Kutsu kannattaa viedä kotiin asti.
//	transfer:
//	  conditions: Kunta sitoutuu vastaamaan suosituksiin.
//	  pitfalls: [Raati ilman päätösvaltaa turhauttaa.]
//	themes: [participation]
//	projects: [osku]
//	---
//
// # Amounts
//
// budget.total, funding amounts and the amounts of a practice's needs are
// numbers (116475, 33002.80) or local text that can be read one way only:
// "116 475 €", "33 002,80 eurot", "24 000 kr", "1.234.567", "1,234.50".
// A lone separator followed by three digits ("336.452", "1,500") could be
// a thousands separator or a decimal one and is an error. At most two
// decimals.
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
