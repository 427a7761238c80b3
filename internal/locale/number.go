package locale

import (
	"math"
	"strconv"
	"strings"

	"golang.org/x/text/number"
)

// numberSymbols are the language's number symbols as x/text writes them,
// taken once from sample numbers. Integer, Money and Percent write with
// them in the common cases instead of going through a message.Printer
// for every figure (a 100 000-project build formats millions);
// TestSymbolsAgreeWithXText compares the two ways on many values.
type numberSymbols struct {
	ok                           bool // the samples had the shapes expected
	group, decimal, minus        string
	percentPrefix, percentSuffix string
}

// learnSymbols formats sample numbers with x/text and takes its symbols
// out of them. Where a sample is not written as expected (grouping other
// than by threes, say), ok is false and every figure goes to x/text.
func (l *Locale) learnSymbols() numberSymbols {
	var s numberSymbols
	thousands := l.sprint(number.Decimal(1234567))
	group, rest, ok1 := strings.Cut(strings.TrimPrefix(thousands, "1"), "234")
	s.group = group
	half := l.sprint(number.Decimal(1.5, number.MinFractionDigits(1), number.MaxFractionDigits(1)))
	dec, ok2 := strings.CutPrefix(half, "1")
	dec, ok5 := strings.CutSuffix(dec, "5")
	minus, ok3 := strings.CutSuffix(l.sprint(number.Decimal(-1)), "1")
	pre, suf, ok4 := strings.Cut(l.sprint(number.Percent(0.5)), "50")
	s.decimal, s.minus, s.percentPrefix, s.percentSuffix = dec, minus, pre, suf
	s.ok = ok1 && ok2 && ok3 && ok4 && ok5 && rest == group+"567" && s.group != "" && s.decimal != "" &&
		l.sprint(number.Decimal(999)) == "999" && l.sprint(number.Decimal(0)) == "0"
	return s
}

// appendGrouped appends n with a group separator between every three
// digits.
func (s *numberSymbols) appendGrouped(b []byte, n uint64) []byte {
	var digits [20]byte
	d := strconv.AppendUint(digits[:0], n, 10)
	for i, c := range d {
		if i > 0 && (len(d)-i)%3 == 0 {
			b = append(b, s.group...)
		}
		b = append(b, c)
	}
	return b
}

// signed appends the minus sign of a negative n and returns n's
// magnitude; ok is false for the one int64 without a positive twin.
func (s *numberSymbols) signed(b []byte, n int64) ([]byte, uint64, bool) {
	if n == math.MinInt64 {
		return b, 0, false
	}
	if n < 0 {
		return append(b, s.minus...), uint64(-n), true
	}
	return b, uint64(n), true
}

// integer writes n as Integer does.
func (s *numberSymbols) integer(n int64) (string, bool) {
	if !s.ok {
		return "", false
	}
	b, m, ok := s.signed(make([]byte, 0, 24), n)
	return string(s.appendGrouped(b, m)), ok
}

// cents writes an amount of cents with two decimals.
func (s *numberSymbols) cents(c int64) (string, bool) {
	// Beyond 2^53 cents the float x/text is given is not the amount;
	// leave those to it, to write what it writes.
	if !s.ok || c > 1<<53 || c < -(1<<53) {
		return "", false
	}
	b, m, _ := s.signed(make([]byte, 0, 28), c)
	b = s.appendGrouped(b, m/100)
	b = append(b, s.decimal...)
	b = append(b, byte('0'+m%100/10), byte('0'+m%10))
	return string(b), true
}

// percent writes a ratio as Percent does: rounded to tenths of a per
// cent, half up, the decimal left out when it is zero.
func (s *numberSymbols) percent(ratio float64) (string, bool) {
	tenths := math.Round(ratio * 1000)
	if !s.ok || !(tenths >= 0 && tenths < 1e15) {
		return "", false
	}
	t := uint64(tenths)
	b := append(make([]byte, 0, 16), s.percentPrefix...)
	b = s.appendGrouped(b, t/10)
	if t%10 != 0 {
		b = append(b, s.decimal...)
		b = append(b, byte('0'+t%10))
	}
	return string(append(b, s.percentSuffix...)), true
}
