package render

import (
	"fmt"
	"html/template"
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

// The project page's Pagefind spans are made in Go; a theme may still
// write them from the lists with a template. Both must give the same
// bytes, whatever an editor typed into a label.
func TestPagefindHTMLAsTemplate(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(`{{range .F}}<span data-pagefind-filter="{{.Key}}:{{.Value}}"></span>{{end}}` +
		`{{range .S}}<span data-pagefind-sort="{{.Key}}:{{.Value}}"></span>{{end}}` +
		`{{range .M}}<span data-pagefind-meta="{{.Key}}:{{.Value}}"></span>{{end}}`))
	tests := []struct {
		name    string
		f, s, m []PagefindTag
	}{
		{name: "none"},
		{name: "plain", f: []PagefindTag{{"theme", "Nuoret"}, {"year", "2024"}}, s: []PagefindTag{{"start", "2024-01-01"}}, m: []PagefindTag{{"status", "Käynnissä"}}},
		{name: "specials", f: []PagefindTag{{"funder", `Leader "Pohjoisin" & <Lappi> 'ry' +1`}}, m: []PagefindTag{{"organisation", "Föreningen\x00 Nord+Syd"}}},
		{name: "letters", f: []PagefindTag{{"municipality", "Võru · Åre · Ähtäri – €"}}, s: []PagefindTag{{"title", "0a1b"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var want strings.Builder
			if err := tmpl.Execute(&want, map[string][]PagefindTag{"F": tt.f, "S": tt.s, "M": tt.m}); err != nil {
				t.Fatal(err)
			}
			if got := string(pagefindHTML(tt.f, tt.s, tt.m)); got != want.String() {
				t.Errorf("pagefindHTML =\n%s\nhtml/template writes\n%s", got, want.String())
			}
		})
	}
}

func TestTelNumberDropsWhatPeopleWriteBetweenDigits(t *testing.T) {
	for _, tc := range []struct{ phone, want string }{
		{"+358 40 123 4567", "+358401234567"},
		{"(09) 123-456", "09123456"},
		{"+46-70-123 45 67", "+46701234567"},
		{"+3725551234", "+3725551234"},
		{"", ""},
	} {
		if got := telNumber(tc.phone); got != tc.want {
			t.Errorf("telNumber(%q) = %q, want %q", tc.phone, got, tc.want)
		}
	}
}
