package render

import (
	"slices"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/model"
)

func TestRoundShares(t *testing.T) {
	for _, tt := range []struct {
		name    string
		amounts []float64 // of the total
		total   float64
		want    []float64
	}{
		// OSKU: 81,25 % and 18,75 % once showed as 81,3 % + 18,8 % = 100,1 %.
		{"tie goes to the first", []float64{65000, 15000}, 80000, []float64{0.813, 0.187}},
		{"three thirds", []float64{1, 1, 1}, 3, []float64{0.334, 0.333, 0.333}},
		{"largest remainder", []float64{116475 * 0.6, 116475 * 0.3, 116475 * 0.1}, 116475, []float64{0.6, 0.3, 0.1}},
		{"exact", []float64{50, 50}, 100, []float64{0.5, 0.5}},
		{"one source", []float64{33002.80}, 33002.80, []float64{1}},
		{"does not add up", []float64{65000, 16000}, 80000, []float64{0.813, 0.2}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fs := make([]model.Funding, len(tt.amounts))
			for i, a := range tt.amounts {
				fs[i] = model.Funding{Amount: model.Money(a), Share: a / tt.total}
			}
			if got := roundShares(fs); !slices.Equal(got, tt.want) {
				t.Errorf("roundShares(%v of %v) = %v; want %v", tt.amounts, tt.total, got, tt.want)
			}
		})
	}
}
