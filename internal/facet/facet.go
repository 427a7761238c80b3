// Package facet holds the facets of the project listings: the properties a
// visitor narrows the projects by (theme, funder, region, status, year,
// budget range …), which projects have which value, and how many projects
// a choice of values gives.
//
// Within one facet the chosen values combine with OR (theme youth or
// culture), across facets with AND (and status ongoing). Facets and values
// are named by language-neutral keys, the same in every language and in
// URL queries: ?theme=youth&status=ongoing. Labels in each language are the
// renderer's business.
package facet

import (
	"fmt"
	"maps"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/model"
)

// The facet keys, as URL query parameters use them.
const (
	Theme        = "theme"
	Status       = "status"
	Region       = "region"
	Municipality = "municipality"
	Funder       = "funder"
	Year         = "year"
	TargetGroup  = "target_group"
	Programme    = "programme"
	Fund         = "fund"
	Measure      = "measure"
	Budget       = "budget"
	Language     = "language"
	Practice     = "practice"

	// The facets of the library of good practices besides Theme and
	// TargetGroup.
	LAG     = "lag"
	Country = "country"
	Need    = "need"
)

// Keys lists every facet key in the order the listing shows the facets.
func Keys() []string {
	return []string{Theme, Status, Region, Municipality, Funder, Year, TargetGroup,
		Programme, Fund, Measure, Budget, Language, Practice}
}

// PracticeKeys lists the facet keys of the library of good practices, in
// the order the library shows them.
func PracticeKeys() []string { return []string{Theme, TargetGroup, LAG, Country, Need} }

// Kind says where a facet's values come from.
type Kind int

// The kinds of facets.
const (
	KindTerm     Kind = iota // a vocabulary: the value keys are its term keys
	KindStatus               // planned, ongoing, completed
	KindYear                 // every calendar year a project's period touches
	KindBudget               // budget ranges per currency
	KindLanguage             // the language a project was written in first
	KindPractice             // "yes": a good practice is described of the project
	KindCountry              // a practice's countries: FI, EE, SE
	KindNeed                 // the kinds of what a practice needs: people, time, money …
)

// vocabOf names the vocabulary of each facet of kind KindTerm.
func vocabOf(key string) string {
	switch key {
	case Theme:
		return model.VocabThemes
	case TargetGroup:
		return model.VocabTargetGroups
	case Funder, LAG:
		return model.VocabFunders
	case Programme:
		return model.VocabProgrammes
	case Fund:
		return model.VocabFunds
	case Measure:
		return model.VocabMeasures
	case Region:
		return model.VocabRegions
	case Municipality:
		return model.VocabMunicipalities
	}
	return ""
}

// Facet is one property the listing filters by, with the values that at
// least one project has.
type Facet struct {
	Key    string
	Kind   Kind
	Vocab  *model.Vocabulary // the vocabulary of a KindTerm facet
	Values []*Value
	of     [][]int // per project: indices into Values, in the project's own order
	byKey  map[string]int
}

// Value is one value of a facet.
type Value struct {
	Key      string      // "youth", "ongoing", "2024", "eur-10k-50k", "fi", "yes"
	Term     *model.Term // the vocabulary term of a KindTerm facet
	Range    *Range      // the budget range of a KindBudget facet
	Projects []int       // the projects that have the value: positions in Set.Projects, ascending
}

// Of returns the values project p (a position in Set.Projects) has, as
// indices into f.Values, in the order the project lists them.
func (f *Facet) Of(p int) []int { return f.of[p] }

// Value returns the index of the value with the key.
func (f *Facet) Value(key string) (int, bool) {
	i, ok := f.byKey[key]
	return i, ok
}

// Set is the facets of a list of projects, or of good practices.
type Set struct {
	Projects  []*model.Project
	Practices []*model.Practice // in a set of the library, in place of Projects
	Facets    []*Facet          // in the order of Keys; facets without values are left out
}

// size returns how many items the set is of. Positions of items, such as
// Value.Projects, are in Projects, or in Practices in a set of the library.
func (s *Set) size() int { return max(len(s.Projects), len(s.Practices)) }

// Facet returns the facet with the key, or nil.
func (s *Set) Facet(key string) *Facet {
	for _, f := range s.Facets {
		if f.Key == key {
			return f
		}
	}
	return nil
}

// Options say what Build needs besides the projects.
type Options struct {
	Vocab     model.Vocabularies
	Now       time.Time // the build date: status and the years of open periods
	Languages []string  // the site's languages: the order of the language facet
	// HasPractice reports whether a good practice is described of the
	// project. nil means none is.
	HasPractice func(*model.Project) bool
}

// Build computes the facets of projects. Values that no project has are
// left out, and so are facets left without values.
func Build(projects []*model.Project, o Options) *Set {
	s := &Set{Projects: projects}
	ranges := map[string]Range{}
	for _, cur := range model.Currencies() {
		for _, r := range Ranges(cur) {
			ranges[r.Key()] = r
		}
	}
	for _, key := range Keys() {
		f := &Facet{Key: key, of: make([][]int, len(projects)), byKey: map[string]int{}}
		var keysOf func(p *model.Project) []string
		var order []string // every possible value key, in the facet's order
		switch key {
		case Theme, TargetGroup, Funder, Programme, Fund, Measure, Region, Municipality:
			f.Kind = KindTerm
			f.Vocab = o.Vocab.Get(vocabOf(key))
			for _, t := range f.Vocab.Terms {
				order = append(order, t.Key)
			}
			keysOf = termKeys(key)
		case Status:
			f.Kind = KindStatus
			for _, st := range model.Statuses() {
				order = append(order, string(st))
			}
			keysOf = func(p *model.Project) []string { return []string{string(p.Period.Status(o.Now))} }
		case Year:
			f.Kind = KindYear
			years := map[int]bool{}
			for _, p := range projects {
				for _, y := range p.Period.Years(o.Now) {
					years[y] = true
				}
			}
			// Newest year first.
			for _, y := range slices.Backward(slices.Sorted(maps.Keys(years))) {
				order = append(order, strconv.Itoa(y))
			}
			keysOf = func(p *model.Project) []string {
				var ks []string
				for _, y := range p.Period.Years(o.Now) {
					ks = append(ks, strconv.Itoa(y))
				}
				return ks
			}
		case Budget:
			f.Kind = KindBudget
			for _, cur := range model.Currencies() {
				for _, r := range Ranges(cur) {
					order = append(order, r.Key())
				}
			}
			keysOf = func(p *model.Project) []string {
				if r, ok := RangeOf(p.Budget); ok {
					return []string{r.Key()}
				}
				return nil
			}
		case Language:
			f.Kind = KindLanguage
			order = o.Languages
			keysOf = func(p *model.Project) []string { return []string{p.Original} }
		case Practice:
			f.Kind = KindPractice
			order = []string{"yes"}
			keysOf = func(p *model.Project) []string {
				if o.HasPractice != nil && o.HasPractice(p) {
					return []string{"yes"}
				}
				return nil
			}
		}
		f.fill(len(projects), order, func(i int) []string { return keysOf(projects[i]) })
		for _, v := range f.Values {
			if r, ok := ranges[v.Key]; ok {
				v.Range = &r
			}
		}
		if len(f.Values) > 0 {
			s.Facets = append(s.Facets, f)
		}
	}
	return s
}

// fill finds the values of each of n items and keeps the values of order
// that some item has.
func (f *Facet) fill(n int, order []string, keysOf func(i int) []string) {
	members := map[string][]int{}
	keys := make([][]string, n)
	for i := range n {
		keys[i] = keysOf(i)
		for _, k := range keys[i] {
			if ps := members[k]; len(ps) == 0 || ps[len(ps)-1] != i {
				members[k] = append(ps, i)
			}
		}
	}
	for _, k := range order {
		if len(members[k]) == 0 {
			continue
		}
		v := &Value{Key: k, Projects: members[k]}
		if f.Vocab != nil {
			v.Term = f.Vocab.Term(k)
		}
		f.byKey[k] = len(f.Values)
		f.Values = append(f.Values, v)
	}
	for i := range n {
		for _, k := range keys[i] {
			if vi, ok := f.byKey[k]; ok && !slices.Contains(f.of[i], vi) {
				f.of[i] = append(f.of[i], vi)
			}
		}
	}
}

// PracticeOptions say what BuildPractices needs besides the practices.
type PracticeOptions struct {
	Vocab model.Vocabularies
	// Project returns the project with an id, or nil.
	Project func(id string) *model.Project
}

// BuildPractices computes the facets of the library of good practices:
// their themes and target groups, the LAGs and countries where they were
// used, and the kinds of what they need. A practice's LAGs are its funder
// and the funders of its projects that are LAGs (funders of kind lag).
// Values that no practice has are left out, and so are facets left
// without values.
func BuildPractices(practices []*model.Practice, o PracticeOptions) *Set {
	s := &Set{Practices: practices}
	funders := o.Vocab.Get(model.VocabFunders)
	lagsOf := func(pr *model.Practice) []string {
		var out []string
		add := func(key string) {
			if t := funders.Term(key); t != nil && t.Attr("kind") == "lag" && !slices.Contains(out, key) {
				out = append(out, key)
			}
		}
		add(pr.Funder)
		for _, id := range pr.Projects {
			if p := o.Project(id); p != nil {
				add(p.Funder)
			}
		}
		return out
	}
	for _, key := range PracticeKeys() {
		f := &Facet{Key: key, of: make([][]int, len(practices)), byKey: map[string]int{}}
		var order []string
		var keysOf func(pr *model.Practice) []string
		switch key {
		case Theme, TargetGroup, LAG:
			f.Kind = KindTerm
			f.Vocab = o.Vocab.Get(vocabOf(key))
			for _, t := range f.Vocab.Terms {
				order = append(order, t.Key)
			}
			switch key {
			case Theme:
				keysOf = func(pr *model.Practice) []string { return pr.Themes }
			case TargetGroup:
				keysOf = func(pr *model.Practice) []string { return pr.TargetGroups }
			default:
				keysOf = lagsOf
			}
		case Country:
			f.Kind = KindCountry
			seen := map[string]bool{}
			for _, pr := range practices {
				for _, c := range pr.Countries {
					seen[c] = true
				}
			}
			order = slices.Sorted(maps.Keys(seen))
			keysOf = func(pr *model.Practice) []string { return pr.Countries }
		case Need:
			f.Kind = KindNeed
			for _, k := range model.NeedKinds() {
				order = append(order, string(k))
			}
			keysOf = func(pr *model.Practice) []string {
				var ks []string
				for _, k := range pr.NeedKinds() {
					ks = append(ks, string(k))
				}
				return ks
			}
		}
		f.fill(len(practices), order, func(i int) []string { return keysOf(practices[i]) })
		if len(f.Values) > 0 {
			s.Facets = append(s.Facets, f)
		}
	}
	return s
}

// termKeys returns the vocabulary keys a project has in a facet of kind
// KindTerm.
func termKeys(key string) func(p *model.Project) []string {
	one := func(s string) []string {
		if s == "" {
			return nil
		}
		return []string{s}
	}
	return func(p *model.Project) []string {
		switch key {
		case Theme:
			return p.Themes
		case TargetGroup:
			return p.TargetGroups
		case Funder:
			return one(p.Funder)
		case Programme:
			return one(p.Programme)
		case Fund:
			return one(p.Fund)
		case Measure:
			return one(p.Measure)
		case Region:
			return one(p.Region)
		case Municipality:
			return p.Municipalities
		}
		return nil
	}
}

// Range is a budget range: totals from Min up to but not including Max, in
// a currency. Max 0 means no upper bound.
type Range struct {
	Currency string
	Min, Max model.Money
}

// Key returns the range's value key: eur-0-10k, eur-10k-50k, eur-1m-plus.
func (r Range) Key() string {
	hi := "plus"
	if r.Max > 0 {
		hi = short(r.Max)
	}
	return strings.ToLower(r.Currency) + "-" + short(r.Min) + "-" + hi
}

// short writes an amount in whole units with k for thousands and m for
// millions: 0, 10k, 1m.
func short(m model.Money) string {
	units := int64(m) / 100
	switch {
	case units >= 1_000_000 && units%1_000_000 == 0:
		return fmt.Sprintf("%dm", units/1_000_000)
	case units >= 1000 && units%1000 == 0:
		return fmt.Sprintf("%dk", units/1000)
	}
	return strconv.FormatInt(units, 10)
}

// Ranges returns the budget ranges of a currency, smallest first. Their
// limits suit rural development projects: from small village grants to
// large cooperation projects.
func Ranges(currency string) []Range {
	limits := []int64{10_000, 50_000, 200_000, 1_000_000}
	if currency == "SEK" {
		limits = []int64{100_000, 500_000, 2_000_000, 10_000_000}
	}
	var out []Range
	var lo int64
	for _, hi := range limits {
		out = append(out, Range{Currency: currency, Min: model.Money(lo * 100), Max: model.Money(hi * 100)})
		lo = hi
	}
	return append(out, Range{Currency: currency, Min: model.Money(lo * 100)})
}

// RangeOf returns the range a budget's total falls in. ok is false when the
// project states no total.
func RangeOf(b *model.Budget) (Range, bool) {
	if b == nil || b.Total <= 0 {
		return Range{}, false
	}
	for _, r := range Ranges(b.Currency) {
		if b.Total >= r.Min && (r.Max == 0 || b.Total < r.Max) {
			return r, true
		}
	}
	return Range{}, false
}

// Selection is a choice of values: facet key → value keys. Unknown keys
// are ignored.
type Selection map[string][]string

// bitset is a set of project positions.
type bitset []uint64

func newBitset(n int) bitset { return make(bitset, (n+63)/64) }

func (b bitset) add(i int) { b[i/64] |= 1 << (i % 64) }

func (b bitset) has(i int) bool { return b[i/64]&(1<<(i%64)) != 0 }

func (b bitset) and(o bitset) {
	for i := range b {
		b[i] &= o[i]
	}
}

func (b bitset) count() int {
	n := 0
	for _, w := range b {
		n += bits.OnesCount64(w)
	}
	return n
}

// masks returns, per facet of s, the projects the selection allows in it,
// or nil when the selection says nothing of the facet.
func (s *Set) masks(sel Selection) []bitset {
	out := make([]bitset, len(s.Facets))
	for fi, f := range s.Facets {
		keys := sel[f.Key]
		if len(keys) == 0 {
			continue
		}
		m := newBitset(s.size())
		for _, k := range keys {
			if vi, ok := f.byKey[k]; ok {
				for _, p := range f.Values[vi].Projects {
					m.add(p)
				}
			}
		}
		out[fi] = m
	}
	return out
}

// all returns the set of every project.
func (s *Set) all() bitset {
	m := newBitset(s.size())
	for i := range s.size() {
		m.add(i)
	}
	return m
}

// Match returns the projects that have, in every facet the selection names,
// one of the chosen values: positions in s.Projects, ascending.
func (s *Set) Match(sel Selection) []int {
	m := s.all()
	for _, fm := range s.masks(sel) {
		if fm != nil {
			m.and(fm)
		}
	}
	var out []int
	for i := range s.size() {
		if m.has(i) {
			out = append(out, i)
		}
	}
	return out
}

// Counts returns, for every facet, how many projects each of its values
// would give together with the choices in the other facets: facet key →
// one count per value, in the order of Facet.Values. Choices in the facet
// itself do not narrow its own counts, since its values combine with OR.
func (s *Set) Counts(sel Selection) map[string][]int {
	masks := s.masks(sel)
	out := map[string][]int{}
	for fi, f := range s.Facets {
		base := s.all()
		for fj, fm := range masks {
			if fj != fi && fm != nil {
				base.and(fm)
			}
		}
		counts := make([]int, len(f.Values))
		for vi, v := range f.Values {
			for _, p := range v.Projects {
				if base.has(p) {
					counts[vi]++
				}
			}
		}
		out[f.Key] = counts
	}
	return out
}

// Slugs returns a URL segment for each value of a facet from its label in
// one language: the label's locale.Slug, made unique within the facet with
// a number (nuoret, nuoret-2). A label without letters or digits takes the
// value's key. labels and keys are parallel.
func Slugs(labels, keys []string) []string {
	out := make([]string, len(labels))
	used := map[string]bool{}
	for i, l := range labels {
		s := locale.Slug(l)
		if s == "" {
			s = locale.Slug(keys[i])
		}
		base := s
		for n := 2; used[s]; n++ {
			s = base + "-" + strconv.Itoa(n)
		}
		used[s] = true
		out[i] = s
	}
	return out
}
