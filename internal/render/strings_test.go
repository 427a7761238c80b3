package render

import "testing"

func TestFormatFillsPlaceholders(t *testing.T) {
	tests := []struct {
		name string
		s    string
		args []any
		want string
	}{
		{"one", "{n} hanketta", []any{"n", "1 234"}, "1 234 hanketta"},
		{"two in order of the text", "{value} – {facet}", []any{"facet", "Teema", "value", "Kylät"}, "Kylät – Teema"},
		{"twice", "{n}/{n}", []any{"n", 3}, "3/3"},
		{"number value", "sivu {page}", []any{"page", 12}, "sivu 12"},
		{"unknown stays", "{other} ja {n}", []any{"n", "x"}, "{other} ja x"},
		{"unclosed stays", "{n} {open", []any{"n", "x"}, "x {open"},
		{"brace inside", "{a{n}}", []any{"n", "x"}, "{ax}"},
		{"value not filled again", "{a}", []any{"a", "{b}", "b", "no"}, "{b}"},
		{"first pair wins", "{a}", []any{"a", "1", "a", "2"}, "1"},
		{"no args", "{a}", nil, "{a}"},
		{"no placeholders", "hankkeet", []any{"a", "1"}, "hankkeet"},
		{"non-ASCII around", "Ålands {x} öar", []any{"x", "små"}, "Ålands små öar"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := format(tt.s, tt.args...); got != tt.want {
				t.Errorf("format(%q, %v) = %q, want %q", tt.s, tt.args, got, tt.want)
			}
		})
	}
}
