package facet_test

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/facet"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

var now = time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)

func vocabularies(t *testing.T) model.Vocabularies {
	t.Helper()
	langs := []string{"fi", "et", "sv"}
	var diags diag.List
	vs := model.Vocabularies{}
	for name, src := range map[string]string{
		model.VocabThemes:  "- key: youth\n  label: Nuoret\n- key: culture\n  label: Kulttuuri\n- key: unused\n  label: Ei käytössä\n",
		model.VocabRegions: "- key: savo\n  label: Savo\n- key: voru\n  label: Võru\n",
	} {
		vs[name] = model.LoadVocabulary(name+".yaml", []byte(src), langs, vs, &diags)
	}
	if diags.Len() > 0 {
		t.Fatal(diags.Err())
	}
	return vs
}

func date(y, m, d int) model.Date { return model.Date{Year: y, Month: m, Day: d} }

func budget(total int64, cur string) *model.Budget {
	return &model.Budget{Total: model.Money(total * 100), Currency: cur}
}

// projects is a small catalogue:
//
//	a  youth, culture  savo  ongoing    2023–2025  24 000 €   fi
//	b  youth           voru  completed  2022       5 000 €    et
//	c  culture         savo  planned    2025–      —          fi
//	d  culture         —     ongoing    2024       250 000 kr sv
func projects() []*model.Project {
	return []*model.Project{
		{Folder: model.Folder{ID: "a", Original: "fi"}, Themes: []string{"youth", "culture"}, Region: "savo",
			Period: model.Period{Start: date(2023, 3, 1), End: date(2025, 2, 0)}, Budget: budget(24000, "EUR")},
		{Folder: model.Folder{ID: "b", Original: "et"}, Themes: []string{"youth"}, Region: "voru",
			Period: model.Period{Start: date(2022, 0, 0), End: date(2022, 0, 0)}, Budget: budget(5000, "EUR")},
		{Folder: model.Folder{ID: "c", Original: "fi"}, Themes: []string{"culture"}, Region: "savo",
			Period: model.Period{Start: date(2025, 1, 1)}},
		{Folder: model.Folder{ID: "d", Original: "sv"}, Themes: []string{"culture"},
			Period: model.Period{Start: date(2024, 1, 1), End: date(2024, 12, 31)}, Budget: budget(250000, "SEK")},
	}
}

func build(t *testing.T) *facet.Set {
	return facet.Build(projects(), facet.Options{
		Vocab: vocabularies(t), Now: now, Languages: []string{"fi", "et", "sv"},
		HasPractice: func(p *model.Project) bool { return p.ID == "b" },
	})
}

// ids turns positions into project ids.
func ids(s *facet.Set, ps []int) []string {
	out := []string{}
	for _, p := range ps {
		out = append(out, s.Projects[p].ID)
	}
	return out
}

func TestBuildValues(t *testing.T) {
	s := build(t)
	tests := []struct {
		facet string
		want  []string // value: projects
	}{
		{facet.Theme, []string{"youth: [a b]", "culture: [a c d]"}}, // unused is left out
		{facet.Status, []string{"planned: [c]", "ongoing: [a d]", "completed: [b]"}},
		{facet.Region, []string{"savo: [a c]", "voru: [b]"}},
		// Newest first; every year a period touches; c, planned without an
		// end, touches its start year.
		{facet.Year, []string{"2025: [a c]", "2024: [a d]", "2023: [a]", "2022: [b]"}},
		{facet.Budget, []string{"eur-0-10k: [b]", "eur-10k-50k: [a]", "sek-100k-500k: [d]"}},
		{facet.Language, []string{"fi: [a c]", "et: [b]", "sv: [d]"}},
		{facet.Practice, []string{"yes: [b]"}},
	}
	for _, tt := range tests {
		t.Run(tt.facet, func(t *testing.T) {
			f := s.Facet(tt.facet)
			if f == nil {
				t.Fatalf("Facet(%q) = nil", tt.facet)
			}
			var got []string
			for _, v := range f.Values {
				got = append(got, fmt.Sprintf("%s: %v", v.Key, ids(s, v.Projects)))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("values = %q; want %q", got, tt.want)
			}
		})
	}
	for _, key := range []string{facet.Funder, facet.Municipality, facet.TargetGroup, facet.Measure} {
		if s.Facet(key) != nil {
			t.Errorf("Facet(%q) exists although no project has a value in it", key)
		}
	}
	if f := s.Facet(facet.Theme); !slices.Equal(f.Of(0), []int{0, 1}) || f.Values[0].Term.Key != "youth" {
		t.Errorf("project a's themes = %v (%s); want [0 1], youth first", f.Of(0), f.Values[0].Term.Key)
	}
	if f := s.Facet(facet.Budget); f.Values[2].Range == nil || f.Values[2].Range.Currency != "SEK" {
		t.Errorf("the SEK budget value has range %+v", f.Values[2].Range)
	}
}

func TestBuildWithoutPractices(t *testing.T) {
	s := facet.Build(projects(), facet.Options{Vocab: vocabularies(t), Now: now, Languages: []string{"fi", "et", "sv"}})
	if s.Facet(facet.Practice) != nil {
		t.Error("the practice facet exists although no project has a good practice")
	}
}

// TestMatchAndCounts: values of one facet combine with OR, facets with AND,
// and a value's count is what it would give with the other facets' choices.
func TestMatchAndCounts(t *testing.T) {
	s := build(t)
	tests := []struct {
		name   string
		sel    facet.Selection
		want   []string
		counts map[string][]int
	}{
		{"nothing chosen", nil, []string{"a", "b", "c", "d"},
			map[string][]int{facet.Theme: {2, 3}, facet.Status: {1, 2, 1}, facet.Region: {2, 1}}},
		{"one value", facet.Selection{facet.Theme: {"youth"}}, []string{"a", "b"},
			// Theme counts ignore the theme choice; the others count within youth.
			map[string][]int{facet.Theme: {2, 3}, facet.Status: {0, 1, 1}, facet.Region: {1, 1}}},
		{"OR within a facet", facet.Selection{facet.Status: {"planned", "completed"}}, []string{"b", "c"},
			map[string][]int{facet.Theme: {1, 1}, facet.Status: {1, 2, 1}, facet.Year: {1, 0, 0, 1}}},
		{"AND across facets", facet.Selection{facet.Theme: {"culture"}, facet.Region: {"savo"}}, []string{"a", "c"},
			map[string][]int{facet.Theme: {1, 2}, facet.Region: {2, 0}, facet.Status: {1, 1, 0}}},
		{"both", facet.Selection{facet.Theme: {"youth", "culture"}, facet.Year: {"2024", "2022"}}, []string{"a", "b", "d"},
			map[string][]int{facet.Theme: {2, 2}, facet.Year: {2, 2, 1, 1}, facet.Language: {1, 1, 1}}},
		{"nothing left", facet.Selection{facet.Region: {"voru"}, facet.Status: {"ongoing"}}, []string{},
			map[string][]int{facet.Region: {1, 0}, facet.Status: {0, 0, 1}, facet.Theme: {0, 0}}},
		{"unknown keys are ignored", facet.Selection{"colour": {"red"}, facet.Theme: {"youth", "nope"}}, []string{"a", "b"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := ids(s, s.Match(tt.sel)); !slices.Equal(got, tt.want) {
				t.Errorf("Match(%v) = %v; want %v", tt.sel, got, tt.want)
			}
			counts := s.Counts(tt.sel)
			for key, want := range tt.counts {
				if !slices.Equal(counts[key], want) {
					t.Errorf("Counts(%v)[%s] = %v; want %v", tt.sel, key, counts[key], want)
				}
			}
		})
	}
}

// TestCountsAgreeWithMatch checks the promise a visitor relies on: the count
// next to a value is the number of results after ticking it.
func TestCountsAgreeWithMatch(t *testing.T) {
	s := build(t)
	sels := []facet.Selection{nil, {facet.Theme: {"culture"}}, {facet.Theme: {"youth"}, facet.Status: {"ongoing", "completed"}}}
	for _, sel := range sels {
		counts := s.Counts(sel)
		for _, f := range s.Facets {
			for vi, v := range f.Values {
				// The count of a value is what the facet gives with that
				// value alone and the other facets as chosen.
				next := facet.Selection{}
				for k, vs := range sel {
					next[k] = vs
				}
				next[f.Key] = []string{v.Key}
				if got := len(s.Match(next)); got != counts[f.Key][vi] {
					t.Errorf("with %v, %s=%s gives %d projects; its count says %d", sel, f.Key, v.Key, got, counts[f.Key][vi])
				}
			}
		}
	}
}

func TestRanges(t *testing.T) {
	tests := []struct {
		total int64
		cur   string
		want  string
	}{
		{1, "EUR", "eur-0-10k"},
		{9999, "EUR", "eur-0-10k"},
		{10000, "EUR", "eur-10k-50k"},
		{199999, "EUR", "eur-50k-200k"},
		{200000, "EUR", "eur-200k-1m"},
		{1000000, "EUR", "eur-1m-plus"},
		{99999, "SEK", "sek-0-100k"},
		{2000000, "SEK", "sek-2m-10m"},
		{12000000, "SEK", "sek-10m-plus"},
	}
	for _, tt := range tests {
		r, ok := facet.RangeOf(budget(tt.total, tt.cur))
		if !ok || r.Key() != tt.want {
			t.Errorf("RangeOf(%d %s) = %s, %v; want %s", tt.total, tt.cur, r.Key(), ok, tt.want)
		}
	}
	if _, ok := facet.RangeOf(nil); ok {
		t.Error("RangeOf(nil) has a range")
	}
	if _, ok := facet.RangeOf(budget(0, "EUR")); ok {
		t.Error("a budget without a total has a range")
	}
}

func TestSlugs(t *testing.T) {
	tests := []struct {
		labels, keys, want []string
	}{
		{[]string{"Nuoret", "Älykkäät kylät", "Võru maakond"}, []string{"youth", "smart", "voru"}, []string{"nuoret", "alykkaat-kylat", "voru-maakond"}},
		{[]string{"Kulttuuri", "kulttuuri", "KULTTUURI"}, []string{"a", "b", "c"}, []string{"kulttuuri", "kulttuuri-2", "kulttuuri-3"}},
		{[]string{"alle 10 000 €", "10 000–50 000 €"}, []string{"eur-0-10k", "eur-10k-50k"}, []string{"alle-10-000", "10-000-50-000"}},
		{[]string{"€", "—"}, []string{"eur", "dash"}, []string{"eur", "dash"}},
		{[]string{"Nuoret-2", "Nuoret", "Nuoret"}, []string{"a", "b", "c"}, []string{"nuoret-2", "nuoret", "nuoret-3"}},
	}
	for _, tt := range tests {
		if got := facet.Slugs(tt.labels, tt.keys); !slices.Equal(got, tt.want) {
			t.Errorf("Slugs(%q) = %q; want %q", tt.labels, got, tt.want)
		}
	}
}

// TestYears: a project matches every year its period touches; an open
// period runs to the build year, or to its start year when it starts later;
// a project without a start (its file has errors) has no year.
func TestYears(t *testing.T) {
	tests := []struct {
		p    model.Period
		want []string
	}{
		{model.Period{Start: date(2022, 11, 1), End: date(2024, 2, 0)}, []string{"2024", "2023", "2022"}},
		{model.Period{Start: date(2023, 0, 0)}, []string{"2024", "2023"}},
		{model.Period{Start: date(2026, 3, 0)}, []string{"2026"}},
		{model.Period{}, nil},
	}
	for _, tt := range tests {
		s := facet.Build([]*model.Project{{Folder: model.Folder{ID: "x"}, Period: tt.p}}, facet.Options{Now: now})
		var got []string
		if f := s.Facet(facet.Year); f != nil {
			for _, v := range f.Values {
				got = append(got, v.Key)
			}
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("years of %+v = %v; want %v", tt.p, got, tt.want)
		}
	}
}

// TestBuildPractices: the library's facets come from a practice's own
// facts and from its projects: a LAG is the practice's funder or a funder
// of its projects that is a LAG; other funders are no LAG.
func TestBuildPractices(t *testing.T) {
	vs := vocabularies(t)
	var diags diag.List
	vs[model.VocabFunders] = model.LoadVocabulary("funders.yaml", []byte(
		"- key: lag-a\n  label: LAG A\n  kind: lag\n  country: FI\n"+
			"- key: lag-b\n  label: LAG B\n  kind: lag\n  country: EE\n"+
			"- key: ministry\n  label: Ministeriö\n  kind: state\n  country: FI\n"), []string{"fi", "et", "sv"}, vs, &diags)
	if diags.Len() > 0 {
		t.Fatal(diags.Err())
	}
	projects := map[string]*model.Project{
		"p1": {Folder: model.Folder{ID: "p1"}, Funder: "lag-a"},
		"p2": {Folder: model.Folder{ID: "p2"}, Funder: "ministry"},
	}
	practices := []*model.Practice{
		{Folder: model.Folder{ID: "x"}, Themes: []string{"youth"}, Projects: []string{"p1"}, Countries: []string{"FI"},
			Needs: []model.Need{{Kind: model.NeedMoney}, {Kind: model.NeedPeople}, {Kind: model.NeedPeople}}},
		{Folder: model.Folder{ID: "y"}, Themes: []string{"culture", "youth"}, Funder: "lag-b", Projects: []string{"p2", "gone"},
			Countries: []string{"EE", "FI"}, Needs: []model.Need{{Kind: model.NeedTime}}},
		{Folder: model.Folder{ID: "z"}},
	}
	s := facet.BuildPractices(practices, facet.PracticeOptions{Vocab: vs, Project: func(id string) *model.Project { return projects[id] }})
	got := map[string]string{}
	var keys []string
	for _, f := range s.Facets {
		keys = append(keys, f.Key)
		for _, v := range f.Values {
			var in []string
			for _, p := range v.Projects {
				in = append(in, s.Practices[p].ID)
			}
			got[f.Key+"="+v.Key] = fmt.Sprint(in)
		}
	}
	// No practice has a target group: the facet is left out.
	if want := []string{facet.Theme, facet.LAG, facet.Country, facet.Need}; !slices.Equal(keys, want) {
		t.Errorf("facets %v, want %v", keys, want)
	}
	for _, tc := range []struct{ value, want string }{
		{"theme=youth", "[x y]"},
		{"theme=culture", "[y]"},
		{"lag=lag-a", "[x]"},
		{"lag=lag-b", "[y]"},
		{"lag=ministry", ""},
		{"country=EE", "[y]"},
		{"country=FI", "[x y]"},
		{"need=people", "[x]"},
		{"need=time", "[y]"},
		{"need=money", "[x]"},
		{"need=tools", ""},
	} {
		if got[tc.value] != tc.want {
			t.Errorf("%s has %q, want %q", tc.value, got[tc.value], tc.want)
		}
	}
	// The kinds of needs keep their order, whatever the order written.
	need := s.Facet(facet.Need)
	var order []string
	for _, v := range need.Values {
		order = append(order, v.Key)
	}
	if want := []string{"people", "time", "money"}; !slices.Equal(order, want) {
		t.Errorf("need values %v, want %v", order, want)
	}
	if m := s.Match(facet.Selection{facet.Theme: {"youth"}, facet.Country: {"EE"}}); len(m) != 1 || s.Practices[m[0]].ID != "y" {
		t.Errorf("youth and EE match %v, want y alone", m)
	}
}
