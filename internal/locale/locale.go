// Package locale formats numbers, money, percentages, dates and periods and
// orders text the way Finnish, Estonian and Swedish readers expect. Number
// symbols, language names, plural rules and collation come from
// golang.org/x/text; the date patterns and month names, which x/text does
// not carry, are written here.
package locale

import (
	"fmt"
	"math"
	"strings"
	"sync"

	"golang.org/x/text/collate"
	"golang.org/x/text/feature/plural"
	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

// Locale formats values for one language. It is safe for concurrent use.
type Locale struct {
	lang     string
	tag      language.Tag
	d        dateStyle
	printers sync.Pool // *message.Printer, which is not safe for concurrent use
	num      numberSymbols
}

// dateStyle is how a language writes dates.
type dateStyle struct {
	months      [12]string // nominative month names, lowercase
	monthsLong  [12]string // month names as used after a day number
	day         func(y, m, d int) string
	longDay     func(y int, month string, d int) string
	spacedDash  bool   // whether a period of two full dates puts spaces around the dash
	from        string // an open period: "%s alkaen"
	and         string // the conjunction of lists
	approximate string // "noin %s"
}

// Supported reports whether vitrin has conventions for the language.
func Supported(lang string) bool {
	_, ok := styles(lang)
	return ok
}

// SupportedLanguages lists the languages vitrin has conventions for.
func SupportedLanguages() []string { return []string{"fi", "et", "sv"} }

func styles(lang string) (dateStyle, bool) {
	switch lang {
	case "fi":
		return dateStyle{
			months:     [12]string{"tammikuu", "helmikuu", "maaliskuu", "huhtikuu", "toukokuu", "kesäkuu", "heinäkuu", "elokuu", "syyskuu", "lokakuu", "marraskuu", "joulukuu"},
			monthsLong: [12]string{"tammikuuta", "helmikuuta", "maaliskuuta", "huhtikuuta", "toukokuuta", "kesäkuuta", "heinäkuuta", "elokuuta", "syyskuuta", "lokakuuta", "marraskuuta", "joulukuuta"},
			day:        func(y, m, d int) string { return fmt.Sprintf("%d.%d.%d", d, m, y) },
			longDay:    func(y int, month string, d int) string { return fmt.Sprintf("%d. %s %d", d, month, y) },
			from:       "%s alkaen", and: "ja", approximate: "noin %s",
		}, true
	case "et":
		months := [12]string{"jaanuar", "veebruar", "märts", "aprill", "mai", "juuni", "juuli", "august", "september", "oktoober", "november", "detsember"}
		return dateStyle{
			months: months, monthsLong: months,
			day:     func(y, m, d int) string { return fmt.Sprintf("%02d.%02d.%d", d, m, y) },
			longDay: func(y int, month string, d int) string { return fmt.Sprintf("%d. %s %d", d, month, y) },
			from:    "alates %s", and: "ja", approximate: "umbes %s",
		}, true
	case "sv":
		months := [12]string{"januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"}
		return dateStyle{
			months: months, monthsLong: months,
			day:        func(y, m, d int) string { return fmt.Sprintf("%04d-%02d-%02d", y, m, d) },
			longDay:    func(y int, month string, d int) string { return fmt.Sprintf("%d %s %d", d, month, y) },
			spacedDash: true,
			from:       "från och med %s", and: "och", approximate: "cirka %s",
		}, true
	}
	return dateStyle{}, false
}

// New returns the locale of a language: fi, et or sv.
func New(lang string) (*Locale, error) {
	st, ok := styles(lang)
	if !ok {
		return nil, fmt.Errorf("locale: vitrin has no conventions for %q; use one of fi, et, sv", lang)
	}
	tag := language.MustParse(lang)
	l := &Locale{lang: lang, tag: tag, d: st}
	l.printers.New = func() any { return message.NewPrinter(tag) }
	l.num = l.learnSymbols()
	return l, nil
}

// Lang returns the language code.
func (l *Locale) Lang() string { return l.lang }

// Tag returns the language tag.
func (l *Locale) Tag() language.Tag { return l.tag }

func (l *Locale) sprint(v any) string {
	p := l.printers.Get().(*message.Printer)
	s := p.Sprint(v)
	l.printers.Put(p)
	return s
}

// Integer formats n with the language's grouping: 116 475.
func (l *Locale) Integer(n int64) string {
	if s, ok := l.num.integer(n); ok {
		return s
	}
	return l.sprint(number.Decimal(n))
}

// Number formats v with the given number of decimals: 12,5.
func (l *Locale) Number(v float64, decimals int) string {
	if decimals == 0 {
		return l.sprint(number.Decimal(math.Round(v), number.MaxFractionDigits(0)))
	}
	return l.sprint(number.Decimal(v, number.MinFractionDigits(decimals), number.MaxFractionDigits(decimals)))
}

// Approximate writes "about n": noin 200, umbes 200, cirka 200.
func (l *Locale) Approximate(s string) string { return fmt.Sprintf(l.d.approximate, s) }

// Money formats an amount of cents in a currency: 116 475 €, 33 002,80 €,
// 24 000 kr. Whole amounts have no decimals.
func (l *Locale) Money(cents int64, currency string) string {
	return l.amount(cents) + "\u00a0" + l.currencySign(currency)
}

// amount writes an amount of cents as a number, with two decimals unless
// it is whole.
func (l *Locale) amount(cents int64) string {
	if cents%100 == 0 {
		return l.Integer(cents / 100)
	}
	if s, ok := l.num.cents(cents); ok {
		return s
	}
	return l.sprint(number.Decimal(float64(cents)/100, number.MinFractionDigits(2), number.MaxFractionDigits(2)))
}

func (l *Locale) currencySign(currency string) string {
	switch {
	case currency == "EUR":
		return "€"
	case currency == "SEK" && l.lang == "sv":
		return "kr"
	}
	return currency
}

// Percent formats a ratio (0.8125) as a percentage with at most one
// decimal, rounded half up: 81,3 %, 90 %, 81,3%.
func (l *Locale) Percent(ratio float64) string {
	if s, ok := l.num.percent(ratio); ok {
		return s
	}
	return l.percentXText(ratio)
}

func (l *Locale) percentXText(ratio float64) string {
	r := math.Round(ratio*1000) / 1000
	return l.sprint(number.Percent(r, number.MaxFractionDigits(1)))
}

// Date formats a date of year (month and day 0), month (day 0) or day
// precision: 1.12.2022, 01.08.2022, 2022-08-01; syyskuu 2019; 2019.
func (l *Locale) Date(y, m, d int) string {
	switch {
	case m == 0:
		return fmt.Sprint(y)
	case d == 0:
		return l.d.months[m-1] + " " + fmt.Sprint(y)
	}
	return l.d.day(y, m, d)
}

// LongDate writes a day with the month's name: 1. joulukuuta 2022,
// 1. detsember 2022, 1 december 2022.
func (l *Locale) LongDate(y, m, d int) string {
	return l.d.longDay(y, l.d.monthsLong[m-1], d)
}

// MonthName returns the name of month m (1–12).
func (l *Locale) MonthName(m int) string { return l.d.months[m-1] }

// Period formats a span between two dates, each at its own precision. An
// end year of 0 means the period is open: 1.10.2023 alkaen.
func (l *Locale) Period(y1, m1, d1, y2, m2, d2 int) string {
	a := l.Date(y1, m1, d1)
	if y2 == 0 {
		return fmt.Sprintf(l.d.from, a)
	}
	b := l.Date(y2, m2, d2)
	if a == b {
		return a
	}
	if strings.Contains(a, " ") || strings.Contains(b, " ") || l.d.spacedDash && m1 != 0 {
		return a + " – " + b
	}
	return a + "–" + b
}

// List joins items the way the language writes a list: a, b ja c.
func (l *Locale) List(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " " + l.d.and + " " + items[len(items)-1]
}

// PluralOne reports whether n takes the singular form ("1 hanke") rather
// than the plural ("2 hanketta") in the language.
func (l *Locale) PluralOne(n int) bool {
	return plural.Cardinal.MatchPlural(l.tag, n, 0, 0, 0, 0) == plural.One
}

// LanguageName returns the name of a language in this locale's language:
// "viro" for et in Finnish.
func (l *Locale) LanguageName(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	return display.Tags(l.tag).Name(tag)
}

// CountryName returns the name of a country (ISO 3166 code such as FI) in
// this locale's language: "Viro" for EE in Finnish.
func (l *Locale) CountryName(code string) string {
	region, err := language.ParseRegion(code)
	if err != nil {
		return code
	}
	return display.Regions(l.tag).Name(region)
}

// Autonym returns a language's name in itself: suomi, eesti, svenska.
func Autonym(code string) string {
	tag, err := language.Parse(code)
	if err != nil {
		return code
	}
	return display.Self.Name(tag)
}

// NewCollator returns a collator that orders text by the language's rules
// (å ä ö after z in Finnish and Swedish; š z ž … õ ä ö ü in Estonian),
// with numbers in numeric order. A Collator is not safe for concurrent
// use: make one per goroutine.
func (l *Locale) NewCollator() *collate.Collator {
	return collate.New(l.tag, collate.Numeric)
}
