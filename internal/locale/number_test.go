package locale

import (
	"fmt"
	"math"
	"testing"

	"golang.org/x/text/number"
)

// TestSymbolsAgreeWithXText: the figures written with the symbols taken
// from x/text are the ones x/text writes, for integers, amounts of cents
// and percentages of every size and sign a catalogue may hold.
func TestSymbolsAgreeWithXText(t *testing.T) {
	var ints []int64
	for n := int64(-1100); n <= 1100; n++ {
		ints = append(ints, n)
	}
	for p := int64(1); p > 0 && p < math.MaxInt64/10; p *= 10 {
		ints = append(ints, p-1, p, p+1, 7*p+3, -p, -(5*p + 9))
	}
	// A deterministic spread of budget-sized amounts.
	for i, x := int64(0), int64(12345); i < 3000; i++ {
		x = (x*1103515245 + 12345) % (1 << 40)
		ints = append(ints, x, x%10_000_000, -(x % 100_000))
	}
	ints = append(ints, math.MaxInt64, math.MinInt64, 1<<53, 1<<53+1, -(1<<53)-1)

	for _, lang := range SupportedLanguages() {
		l := mustNew(t, lang)
		if !l.num.ok {
			t.Fatalf("%s: the number symbols were not taken from x/text (%+q); every figure goes through it", lang, fmt.Sprintf("%+v", l.num))
		}
		for _, n := range ints {
			if got, want := l.Integer(n), l.sprint(number.Decimal(n)); got != want {
				t.Fatalf("%s: Integer(%d) = %+q; x/text writes %+q", lang, n, got, want)
			}
			if n%100 == 0 {
				continue
			}
			want := l.sprint(number.Decimal(float64(n)/100, number.MinFractionDigits(2), number.MaxFractionDigits(2)))
			if got := l.amount(n); got != want {
				t.Fatalf("%s: amount(%d cents) = %+q; x/text writes %+q", lang, n, got, want)
			}
		}
		for i := -20; i <= 200_000; i++ {
			for _, ratio := range []float64{float64(i) / 100_000, float64(i) / 7919} {
				if got, want := l.Percent(ratio), l.percentXText(ratio); got != want {
					t.Fatalf("%s: Percent(%v) = %+q; x/text writes %+q", lang, ratio, got, want)
				}
			}
		}
		for _, ratio := range []float64{math.NaN(), math.Inf(1), math.Inf(-1), 1e20, -0.5} {
			if got, want := l.Percent(ratio), l.percentXText(ratio); got != want {
				t.Errorf("%s: Percent(%v) = %+q; x/text writes %+q", lang, ratio, got, want)
			}
		}
	}
}

func BenchmarkMoney(b *testing.B) {
	l, err := New("fi")
	if err != nil {
		b.Fatal(err)
	}
	for i := int64(0); b.Loop(); i++ {
		_ = l.Money(1234567+i*101, "EUR")
		_ = l.Percent(float64(i%1000) / 1000)
	}
}
