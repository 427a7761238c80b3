package browsertest

import (
	"math"
	"testing"
)

// TestFocusContrast checks the contrast the keyboard test demands of a
// focus outline (WCAG 2.1, 1.4.11: 3:1) with the default theme's colours.
func TestFocusContrast(t *testing.T) {
	tests := []struct {
		outline, background string
		want                float64
	}{
		{"rgb(0, 0, 0)", "rgb(255, 255, 255)", 21},
		{"rgb(185, 62, 11)", "rgb(255, 255, 255)", 5.59},   // --focus on the page
		{"rgb(255, 210, 122)", "rgb(31, 95, 63)", 5.33},    // the header's focus colour on --accent
		{"rgb(185, 62, 11)", "rgb(243, 246, 244)", 5.14},   // --focus on --panel
		{"rgba(0, 0, 0, 0.5)", "rgb(255, 255, 255)", 3.98}, // translucent: blended first
		{"rgb(200, 200, 200)", "rgb(255, 255, 255)", 1.67}, // too faint
	}
	for _, tt := range tests {
		f := Focus{OutlineColor: tt.outline, OutlineWidth: "3px", Background: tt.background}
		if got := f.Contrast(); math.Abs(got-tt.want) > 0.01 {
			t.Errorf("Contrast(%s on %s) = %.2f; want %.2f", tt.outline, tt.background, got, tt.want)
		}
	}
	if got := (Focus{OutlineColor: "rgb(0, 0, 0)", OutlineWidth: "0px", Background: "rgb(255, 255, 255)"}).Contrast(); got != 0 {
		t.Errorf("Contrast() without an outline = %.2f; want 0 (not measured)", got)
	}
}
