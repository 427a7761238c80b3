package sitetest

import (
	"encoding/json"
	"path"
	"regexp"
	"slices"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/search"
)

// Listing is what the listing script of a built site reads: the JSON index
// of a language's listing and the search words. Its methods answer a
// filter or a search with their own code, as a reference for the script.
type Listing struct {
	ID      []string          `json:"id"`
	Title   []string          `json:"t"`
	Summary []string          `json:"s"`
	Lang    []string          `json:"l"`
	Org     []string          `json:"o"`
	Period  []string          `json:"p"`
	Budget  []string          `json:"b"`
	Notes   map[string]string `json:"n"`
	Facets  []struct {
		Key    string            `json:"k"`
		Values [][2]string       `json:"v"` // key and label
		Of     []json.RawMessage `json:"p"` // per project: a value index, or a list of them
	} `json:"f"`
	Sorts map[string][]int `json:"r"`

	Words []string `json:"-"` // per project: its words, from the search file
}

var dataAttr = regexp.MustCompile(`data-(index|search)="([^"]+)"`)

// Listing reads the index and the search words that the listing page (an
// output file such as fi/hankkeet/index.html) names.
func (r *Result) Listing(t testing.TB, page string) *Listing {
	t.Helper()
	files := map[string]string{}
	for _, m := range dataAttr.FindAllStringSubmatch(r.File(t, page), -1) {
		files[m[1]] = path.Join(path.Dir(page), m[2])
	}
	if files["index"] == "" || files["search"] == "" {
		t.Fatalf("%s names no listing index or search file", page)
	}
	var l Listing
	if err := json.Unmarshal([]byte(r.File(t, files["index"])), &l); err != nil {
		t.Fatalf("%s: %v", files["index"], err)
	}
	var ix search.Index
	if err := json.Unmarshal([]byte(r.File(t, files["search"])), &ix); err != nil {
		t.Fatalf("%s: %v", files["search"], err)
	}
	words, err := ix.Words()
	if err != nil {
		t.Fatalf("%s: %v", files["search"], err)
	}
	l.Words = words
	return &l
}

// Of returns the indices of the values project i has in facet f.
func (l *Listing) Of(t testing.TB, f, i int) []int {
	t.Helper()
	var one int
	if err := json.Unmarshal(l.Facets[f].Of[i], &one); err == nil {
		return []int{one}
	}
	var many []int
	if err := json.Unmarshal(l.Facets[f].Of[i], &many); err != nil {
		t.Fatalf("facet %s, project %d: %s is neither a value nor a list", l.Facets[f].Key, i, l.Facets[f].Of[i])
	}
	return many
}

// Match returns the positions of the projects that have, in every facet of
// sel (facet key → value keys), one of its values, and whose words contain
// every term of the query q: OR within a facet, AND across facets and
// terms.
func (l *Listing) Match(t testing.TB, sel map[string][]string, q string) []int {
	t.Helper()
	terms := search.Terms(q)
	var out []int
	for i := range l.ID {
		ok := len(terms) == 0 || search.Match(l.Words[i], terms)
		for f, fc := range l.Facets {
			keys := sel[fc.Key]
			if !ok || len(keys) == 0 {
				continue
			}
			found := false
			for _, v := range l.Of(t, f, i) {
				found = found || slices.Contains(keys, fc.Values[v][0])
			}
			ok = found
		}
		if ok {
			out = append(out, i)
		}
	}
	return out
}

// IDs returns the ids of projects, given by position, in the order of the
// listing's sort (newest, oldest, end, budget or title).
func (l *Listing) IDs(ps []int, sort string) []string {
	in := map[int]bool{}
	for _, p := range ps {
		in[p] = true
	}
	var out []string
	for _, p := range l.Sorts[sort] {
		if in[p] {
			out = append(out, l.ID[p])
		}
	}
	return out
}
