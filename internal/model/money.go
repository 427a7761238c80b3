package model

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
)

// Money is an amount in cents (euro cents or öre).
type Money int64

// String writes m as a plain decimal number: 33002.80, 116475.
func (m Money) String() string {
	sign, u := "", uint64(m)
	if m < 0 {
		sign, u = "-", -u
	}
	if u%100 == 0 {
		return sign + strconv.FormatUint(u/100, 10)
	}
	return fmt.Sprintf("%s%d.%02d", sign, u/100, u%100)
}

// Float returns m in whole currency units.
func (m Money) Float() float64 { return float64(m) / 100 }

// Currencies are the currencies vitrin knows.
func Currencies() []string { return []string{"EUR", "SEK"} }

// currencyWords maps the words and signs editors write after an amount to
// the currency they mean.
func currencyOf(word string) string {
	switch strings.ToLower(strings.TrimSuffix(word, ".")) {
	case "€", "eur", "euro", "euroa", "eurot", "eurost", "eurots", "euros", "e":
		return "EUR"
	case "kr", "sek", "kronor", "kronan", "krona", ":-":
		return "SEK"
	}
	return ""
}

// AmountError is an amount that cannot be read, with a way to write it.
type AmountError struct {
	Msg, Hint string
}

func (e *AmountError) Error() string { return e.Msg }

// ParseAmount reads an amount written as a number or as local text that can
// be read one way only ("116 475 €", "33 002,80 eurot", "1.234.567,50"). It
// returns the amount and the currency named in the text, if any.
func ParseAmount(s string) (Money, string, error) {
	orig := s
	s = strings.TrimSpace(s)
	currency := ""
	// A currency word or sign before or after the number.
	if i := strings.LastIndexFunc(s, isDigit); i >= 0 && i < len(s)-1 {
		tail := strings.TrimSpace(s[i+1:])
		if tail != "" {
			if c := currencyOf(tail); c != "" {
				currency, s = c, strings.TrimSpace(s[:i+1])
			}
		}
	}
	if i := strings.IndexFunc(s, isNumberRune); i > 0 {
		if c := currencyOf(strings.TrimSpace(s[:i])); c != "" {
			currency, s = c, s[i:]
		}
	}
	m, err := parseNumber(orig, s)
	if err != nil {
		return 0, "", err
	}
	return m, currency, nil
}

// parseNumber reads the number part of an amount.
func parseNumber(orig, s string) (Money, error) {
	if strings.HasPrefix(s, "-") {
		return 0, &AmountError{Msg: fmt.Sprintf("%q is negative", orig), Hint: "amounts are zero or more"}
	}
	// Spaces of any kind group thousands.
	groups := strings.FieldsFunc(s, unicode.IsSpace)
	if len(groups) == 0 {
		return 0, &AmountError{Msg: "the amount is empty", Hint: "write a number such as 24000"}
	}
	spaced := len(groups) > 1
	for i, g := range groups {
		if strings.IndexFunc(g, func(r rune) bool { return !isNumberRune(r) }) >= 0 {
			return 0, &AmountError{Msg: fmt.Sprintf("%q is not an amount", orig), Hint: "write a number such as 24000 or 24 000 €"}
		}
		if i > 0 && len(g) < 3 || i > 0 && i < len(groups)-1 && len(g) != 3 {
			return 0, &AmountError{Msg: fmt.Sprintf("%q has its digits grouped unevenly", orig), Hint: "group thousands by three, as in 116 475"}
		}
	}
	if spaced {
		if len(groups[0]) > 3 {
			return 0, &AmountError{Msg: fmt.Sprintf("%q has its digits grouped unevenly", orig), Hint: "group thousands by three, as in 116 475"}
		}
		// The last group may carry decimals: "33 002,80".
		last := groups[len(groups)-1]
		if len(last) > 3 && (last[3] == ',' || last[3] == '.') {
			groups[len(groups)-1] = last[:3] + "." + last[4:]
		} else if len(last) != 3 {
			return 0, &AmountError{Msg: fmt.Sprintf("%q has its digits grouped unevenly", orig), Hint: "group thousands by three, as in 116 475"}
		}
		for _, g := range groups[:len(groups)-1] {
			if strings.ContainsAny(g, ".,") {
				return 0, &AmountError{Msg: fmt.Sprintf("%q mixes separators", orig), Hint: "write 116 475,50 or 116475.50"}
			}
		}
		return amountFromDigits(orig, strings.Join(groups, ""))
	}
	s = groups[0]
	dots, commas := strings.Count(s, "."), strings.Count(s, ",")
	switch {
	case dots == 0 && commas == 0:
		return amountFromDigits(orig, s)
	case dots > 0 && commas > 0:
		// The later separator is the decimal one.
		dec, thou := ".", ","
		if strings.LastIndex(s, ",") > strings.LastIndex(s, ".") {
			dec, thou = ",", "."
		}
		if strings.Count(s, dec) > 1 {
			return 0, &AmountError{Msg: fmt.Sprintf("%q has more than one decimal separator", orig), Hint: "write 1234567.50"}
		}
		intPart, frac, _ := strings.Cut(s, dec)
		if !groupedByThree(intPart, thou) {
			return 0, &AmountError{Msg: fmt.Sprintf("%q has its digits grouped unevenly", orig), Hint: "group thousands by three, as in 1.234.567,50"}
		}
		return amountFromDigits(orig, strings.ReplaceAll(intPart, thou, "")+"."+frac)
	}
	sep := "."
	if commas > 0 {
		sep = ","
	}
	if strings.Count(s, sep) > 1 {
		if !groupedByThree(s, sep) {
			return 0, &AmountError{Msg: fmt.Sprintf("%q has its digits grouped unevenly", orig), Hint: "group thousands by three, as in 1.234.567"}
		}
		return amountFromDigits(orig, strings.ReplaceAll(s, sep, ""))
	}
	intPart, frac, _ := strings.Cut(s, sep)
	if len(frac) == 3 && len(intPart) >= 1 && len(intPart) <= 3 {
		return 0, &AmountError{
			Msg:  fmt.Sprintf("%q is ambiguous: the %s may separate thousands or decimals", orig, sepName(sep)),
			Hint: ambiguousHint(intPart, frac),
		}
	}
	return amountFromDigits(orig, intPart+"."+frac)
}

// ambiguousHint says how to write an amount like "336.452" or "1,500"
// unambiguously. The decimal reading is offered only when it is an amount
// at all: "1,500" may be 1.50, "336.452" cannot be 336.452 (three decimals).
func ambiguousHint(intPart, frac string) string {
	whole := intPart + frac
	hint := fmt.Sprintf("write %s (or \"%s €\") for %s", whole, groupDigits(whole), groupDigits(whole))
	if frac[2] == '0' {
		hint += fmt.Sprintf(", or %s.%s for a decimal amount", intPart, frac[:2])
	}
	return hint
}

func sepName(sep string) string {
	if sep == "," {
		return "comma"
	}
	return "point"
}

// groupDigits writes digits with spaces between groups of three.
func groupDigits(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func groupedByThree(s, sep string) bool {
	parts := strings.Split(s, sep)
	if len(parts[0]) == 0 || len(parts[0]) > 3 {
		return false
	}
	for _, p := range parts[1:] {
		if len(p) != 3 {
			return false
		}
	}
	return true
}

func isNumberRune(r rune) bool { return isDigit(r) || r == '.' || r == ',' }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

// amountFromDigits reads "123456" or "123456.5" into cents.
func amountFromDigits(orig, s string) (Money, error) {
	intPart, frac, _ := strings.Cut(s, ".")
	if intPart == "" && frac == "" || strings.Trim(frac, "0123456789") != "" {
		return 0, &AmountError{Msg: fmt.Sprintf("%q is not an amount", orig), Hint: "write a number such as 24000"}
	}
	if intPart == "" {
		intPart = "0"
	}
	if len(frac) > 2 {
		return 0, &AmountError{Msg: fmt.Sprintf("%q has more than two decimals", orig), Hint: "amounts are written to the cent, as in 33002.80"}
	}
	n, err := strconv.ParseInt(intPart, 10, 64)
	if err != nil || n > math.MaxInt64/100-1 {
		return 0, &AmountError{Msg: fmt.Sprintf("%q is not an amount", orig), Hint: "write a number such as 24000"}
	}
	cents := int64(0)
	if frac != "" {
		cents, _ = strconv.ParseInt((frac + "0")[:2], 10, 64)
	}
	return Money(n*100 + cents), nil
}

// parseAmountIn reads an amount and checks its currency against want.
func parseAmountIn(s, want string) (Money, error) {
	m, cur, err := ParseAmount(s)
	if err != nil {
		return 0, err
	}
	if cur != "" && want != "" && cur != want {
		return 0, &AmountError{Msg: fmt.Sprintf("%q is in %s but the budget is in %s", s, cur, want), Hint: "write every amount of a budget in budget.currency"}
	}
	return m, nil
}
