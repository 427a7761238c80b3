package render

import (
	"fmt"
	"slices"
	"strings"
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

func TestPagerLinksFirstLastAndNeighbours(t *testing.T) {
	for _, tt := range []struct {
		n, pages int
		want     string // page numbers, "…" where pages are left out, [n] the current one
	}{
		{1, 1, ""},
		{1, 2, "[1] 2"},
		{3, 5, "1 2 [3] 4 5"},
		{1, 334, "[1] 2 3 … 334"},
		{6, 334, "1 … 4 5 [6] 7 8 … 334"},
		{4, 10, "1 2 3 [4] 5 6 … 10"},
		{334, 334, "1 … 332 333 [334]"},
	} {
		pg := pager(tt.n, tt.pages, func(i int) string { return fmt.Sprint("p", i) })
		var got []string
		for _, l := range pg.PageURLs {
			if l.Gap {
				got = append(got, "…")
			}
			if l.URL != fmt.Sprint("p", l.Num) {
				t.Errorf("page %d links %s", l.Num, l.URL)
			}
			if l.Current {
				got = append(got, fmt.Sprintf("[%d]", l.Num))
			} else {
				got = append(got, fmt.Sprint(l.Num))
			}
		}
		if s := strings.Join(got, " "); s != tt.want {
			t.Errorf("page %d of %d links %q; want %q", tt.n, tt.pages, s, tt.want)
		}
	}
}
