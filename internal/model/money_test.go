package model

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestParseAmount(t *testing.T) {
	tests := []struct {
		in       string
		cents    Money
		currency string
	}{
		{"116475", 11647500, ""},
		{"33002.80", 3300280, ""},
		{"33002.8", 3300280, ""},
		{"1000.00", 100000, ""},
		{"0", 0, ""},
		{"0,05", 5, ""},
		{"12,5", 1250, ""},
		{"12.5", 1250, ""},
		{"1.5", 150, ""},
		{".5", 50, ""},
		{"116 475 €", 11647500, "EUR"},
		{"116 475€", 11647500, "EUR"},
		{"33 002,80 eurot", 3300280, "EUR"},
		{"33 002,80 euroa", 3300280, "EUR"},
		{"1 000 EUR", 100000, "EUR"},
		{"€ 1 000", 100000, "EUR"},
		{"EUR 1000", 100000, "EUR"},
		{"24 000 kr", 2400000, "SEK"},
		{"24 000 kr.", 2400000, "SEK"},
		{"24 000 SEK", 2400000, "SEK"},
		{"24 000 kronor", 2400000, "SEK"},
		{"1.234.567", 123456700, ""},
		{"1.234.567,50", 123456750, ""},
		{"1,234,567", 123456700, ""},
		{"1,234.50", 123450, ""},
		{"1,234,567.89", 123456789, ""},
		{"1 234.50", 123450, ""},
		{"1 234 567,5", 123456750, ""},
		{"  2 400  ", 240000, ""},
		{"1\u00a0234\u00a0567", 123456700, ""},                 // no-break spaces
		{"1\u202f234,50\u00a0€", 123450, "EUR"},                // narrow no-break space, as CLDR writes French-style groups
		{"116\u00a0475\u00a0€", 11647500, "EUR"},               // what locale.Money writes
		{"33\u202f002,80\u202feurot", 3300280, "EUR"},          // narrow no-break spaces everywhere
		{"92233720368547757", 9223372036854775700, ""},         // the largest whole amount
		{"92 233 720 368 547 757,99", 9223372036854775799, ""}, // the largest amount
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, cur, err := ParseAmount(tt.in)
			if err != nil || m != tt.cents || cur != tt.currency {
				t.Errorf("ParseAmount(%q) = %d, %q, %v; want %d, %q, nil", tt.in, m, cur, err, tt.cents, tt.currency)
			}
		})
	}
}

func TestParseAmountErrors(t *testing.T) {
	tests := []struct {
		in   string
		msg  string // the whole message
		hint string // a part of the hint
	}{
		{"336.452", `"336.452" is ambiguous: the point may separate thousands or decimals`, `write 336452 (or "336 452 €") for 336 452`},
		{"1,500", `"1,500" is ambiguous: the comma may separate thousands or decimals`, `write 1500 (or "1 500 €") for 1 500, or 1.50 for a decimal amount`},
		{"1,500 €", `"1,500 €" is ambiguous: the comma may separate thousands or decimals`, `write 1500 (or "1 500 €") for 1 500`},
		{"12.345", `"12.345" is ambiguous: the point may separate thousands or decimals`, `write 12345 (or "12 345 €") for 12 345`},
		{"1 23 456", `"1 23 456" has its digits grouped unevenly`, "group thousands by three, as in 116 475"},
		{"12 34", `"12 34" has its digits grouped unevenly`, "group thousands by three"},
		{"1234 567", `"1234 567" has its digits grouped unevenly`, "group thousands by three"},
		{"1 2345", `"1 2345" has its digits grouped unevenly`, "group thousands by three"},
		{"1.23.456", `"1.23.456" has its digits grouped unevenly`, "as in 1.234.567"},
		{"1234.567,50", `"1234.567,50" has its digits grouped unevenly`, "as in 1.234.567,50"},
		{"33002.805", `"33002.805" has more than two decimals`, "amounts are written to the cent"},
		{"12.345,678", `"12.345,678" has more than two decimals`, "written to the cent"},
		{"12 345,678", `"12 345,678" has more than two decimals`, "written to the cent"},
		{"-5", `"-5" is negative`, "amounts are zero or more"},
		{"-5 000 €", `"-5 000 €" is negative`, "zero or more"},
		{"", "the amount is empty", "write a number such as 24000"},
		{"   ", "the amount is empty", "write a number"},
		{"abc", `"abc" is not an amount`, "write a number such as 24000"},
		{"€", `"€" is not an amount`, "write a number"},
		{"12 apples", `"12 apples" is not an amount`, "write a number"},
		{"100 $", `"100 $" is not an amount`, "write a number"},
		{"1e5", `"1e5" is not an amount`, "write a number"},
		{"1.5 000", `"1.5 000" mixes separators`, "write 116 475,50 or 116475.50"},
		{"1,234.567,89", `"1,234.567,89" has more than one decimal separator`, "write 1234567.50"},
		{"1.234,567.89", `"1.234,567.89" has more than one decimal separator`, "write 1234567.50"},
		{".", `"." is not an amount`, "write a number"},
		{",", `"," is not an amount`, "write a number"},
		{"1 234.5.", `"1 234.5." is not an amount`, "write a number"},
		{"1 234..", `"1 234.." is not an amount`, "write a number"},
		{"99999999999999999", `"99999999999999999" is not an amount`, "write a number"},
		{"92233720368547758", `"92233720368547758" is not an amount`, "write a number"}, // would overflow with cents
		{"１２３", `"１２３" is not an amount`, "write a number"},                             // full-width digits
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			m, cur, err := ParseAmount(tt.in)
			var ae *AmountError
			if !errors.As(err, &ae) {
				t.Fatalf("ParseAmount(%q) = %d, %q, %v; want an *AmountError %q", tt.in, m, cur, err, tt.msg)
			}
			if ae.Msg != tt.msg || !strings.Contains(ae.Hint, tt.hint) {
				t.Errorf("ParseAmount(%q) error = %q — %q; want %q — …%q…", tt.in, ae.Msg, ae.Hint, tt.msg, tt.hint)
			}
			if ae.Error() != ae.Msg {
				t.Errorf("AmountError.Error() = %q; want the message %q", ae.Error(), ae.Msg)
			}
			if m != 0 || cur != "" {
				t.Errorf("ParseAmount(%q) = %d, %q with an error; want 0, \"\"", tt.in, m, cur)
			}
		})
	}
}

func TestParseAmountIn(t *testing.T) {
	tests := []struct {
		in, want string
		cents    Money
		msg      string
	}{
		{"24 000 kr", "SEK", 2400000, ""},
		{"24 000", "SEK", 2400000, ""},
		{"24 000 €", "EUR", 2400000, ""},
		{"24 000 kr", "EUR", 0, `"24 000 kr" is in SEK but the budget is in EUR`},
		{"24 000 €", "SEK", 0, `"24 000 €" is in EUR but the budget is in SEK`},
		{"1,500", "EUR", 0, `"1,500" is ambiguous: the comma may separate thousands or decimals`},
	}
	for _, tt := range tests {
		t.Run(tt.in+" in "+tt.want, func(t *testing.T) {
			m, err := parseAmountIn(tt.in, tt.want)
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			if m != tt.cents || msg != tt.msg {
				t.Errorf("parseAmountIn(%q, %q) = %d, %q; want %d, %q", tt.in, tt.want, m, msg, tt.cents, tt.msg)
			}
		})
	}
}

func TestMoneyString(t *testing.T) {
	tests := []struct {
		in   Money
		want string
	}{
		{0, "0"},
		{5, "0.05"},
		{50, "0.50"},
		{100, "1"},
		{3300280, "33002.80"},
		{11647500, "116475"},
		{-100, "-1"},
		{-150, "-1.50"},
		{-5, "-0.05"},
		{math.MaxInt64, "92233720368547758.07"},
		{math.MinInt64, "-92233720368547758.08"},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.in.String(); got != tt.want {
				t.Errorf("Money(%d).String() = %q; want %q", int64(tt.in), got, tt.want)
			}
		})
	}
}

func TestMoneyFloat(t *testing.T) {
	for _, tt := range []struct {
		in   Money
		want float64
	}{{3300280, 33002.80}, {0, 0}, {5, 0.05}} {
		if got := tt.in.Float(); got != tt.want {
			t.Errorf("Money(%d).Float() = %v; want %v", int64(tt.in), got, tt.want)
		}
	}
}

// FuzzParseAmount checks that ParseAmount never panics, never returns a
// negative amount, and that what it reads, written back with Money.String,
// reads as the same cents.
func FuzzParseAmount(f *testing.F) {
	for _, s := range []string{"116 475 €", "33 002,80 eurot", "24 000 kr", "1.234.567,50", "1,234.50",
		"336.452", "1 23 456", "-5", "", "12,5", "1\u202f234,50\u00a0€", "€ 1 000", ".", "1 234.5.",
		"99999999999999999", "92 233 720 368 547 758,07"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, cur, err := ParseAmount(s)
		if err != nil {
			var ae *AmountError
			if !errors.As(err, &ae) || ae.Msg == "" || ae.Hint == "" {
				t.Fatalf("ParseAmount(%q) error = %#v; want an *AmountError with a message and a hint", s, err)
			}
			return
		}
		if m < 0 {
			t.Fatalf("ParseAmount(%q) = %d; want an amount of zero or more", s, m)
		}
		if cur != "" && cur != "EUR" && cur != "SEK" {
			t.Fatalf("ParseAmount(%q) currency = %q; want EUR, SEK or none", s, cur)
		}
		back, cur2, err := ParseAmount(m.String())
		if err != nil || back != m || cur2 != "" {
			t.Fatalf("ParseAmount(%q) = %d; ParseAmount(%q) = %d, %q, %v; want %d, \"\", nil", s, m, m.String(), back, cur2, err, m)
		}
	})
}
