package diag

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
)

func TestPosString(t *testing.T) {
	tests := []struct {
		p    Pos
		want string
	}{
		{Pos{File: "a.md", Line: 5, Col: 3}, "a.md:5:3"},
		{Pos{File: "a.md", Line: 5}, "a.md:5"},
		{Pos{File: "a.md"}, "a.md"},
		{Pos{File: "a.md", Col: 3}, "a.md"}, // a column without a line means nothing
		{Pos{}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.want, func(t *testing.T) {
			if got := tt.p.String(); got != tt.want {
				t.Errorf("%#v.String() = %q; want %q", tt.p, got, tt.want)
			}
		})
	}
}

func TestDiagnosticError(t *testing.T) {
	p := Pos{File: "content/projects/osku/index.fi.md", Line: 12, Col: 10}
	tests := []struct {
		name string
		d    Diagnostic
		want string
	}{
		{"everything", Diagnostic{Pos: p, Field: "budget.total", Msg: "is zero", Hint: "write the project's total cost"},
			"content/projects/osku/index.fi.md:12:10: budget.total: is zero — write the project's total cost"},
		{"no field", Diagnostic{Pos: p, Msg: "front matter is not valid YAML", Hint: "check the indentation"},
			"content/projects/osku/index.fi.md:12:10: front matter is not valid YAML — check the indentation"},
		{"no hint", Diagnostic{Pos: p, Field: "title", Msg: "is missing"},
			"content/projects/osku/index.fi.md:12:10: title: is missing"},
		{"no column", Diagnostic{Pos: Pos{File: "a.md", Line: 3}, Field: "title", Msg: "is missing", Hint: "add it"},
			"a.md:3: title: is missing — add it"},
		{"whole file", Diagnostic{Pos: Pos{File: "content/projects/x.md"}, Msg: "a file directly in content/projects"},
			"content/projects/x.md: a file directly in content/projects"},
		{"message alone", Diagnostic{Msg: "no site"}, ": no site"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.d.Error(); got != tt.want {
				t.Errorf("%#v.Error() = %q; want %q", tt.d, got, tt.want)
			}
		})
	}
}

func TestListItems(t *testing.T) {
	a := Diagnostic{Pos: Pos{File: "a.md", Line: 2, Col: 5}, Field: "title", Msg: "is missing"}
	b := Diagnostic{Pos: Pos{File: "a.md", Line: 10, Col: 1}, Msg: "m"}
	c := Diagnostic{Pos: Pos{File: "b.md", Line: 1, Col: 1}, Msg: "m"}
	tests := []struct {
		name string
		add  []Diagnostic
		want []Diagnostic
	}{
		{"empty", nil, nil},
		{"by file, then line", []Diagnostic{c, b, a}, []Diagnostic{a, b, c}},
		{"line 10 after line 2, not before it", []Diagnostic{b, a}, []Diagnostic{a, b}},
		{"by column", []Diagnostic{
			{Pos: Pos{File: "a.md", Line: 2, Col: 12}, Msg: "m"},
			{Pos: Pos{File: "a.md", Line: 2, Col: 3}, Msg: "m"},
		}, []Diagnostic{
			{Pos: Pos{File: "a.md", Line: 2, Col: 3}, Msg: "m"},
			{Pos: Pos{File: "a.md", Line: 2, Col: 12}, Msg: "m"},
		}},
		{"whole-file diagnostics first", []Diagnostic{a, {Pos: Pos{File: "a.md"}, Msg: "m"}}, []Diagnostic{{Pos: Pos{File: "a.md"}, Msg: "m"}, a}},
		{"by field, message and hint at the same place", []Diagnostic{
			{Pos: a.Pos, Field: "title", Msg: "is missing", Hint: "z"},
			{Pos: a.Pos, Field: "title", Msg: "is missing", Hint: "a"},
			{Pos: a.Pos, Field: "summary", Msg: "is missing"},
			{Pos: a.Pos, Field: "title", Msg: "is a list"},
		}, []Diagnostic{
			{Pos: a.Pos, Field: "summary", Msg: "is missing"},
			{Pos: a.Pos, Field: "title", Msg: "is a list"},
			{Pos: a.Pos, Field: "title", Msg: "is missing", Hint: "a"},
			{Pos: a.Pos, Field: "title", Msg: "is missing", Hint: "z"},
		}},
		{"duplicates removed", []Diagnostic{a, c, a, b, a, c}, []Diagnostic{a, b, c}},
		{"same place, different hint kept", []Diagnostic{a, {Pos: a.Pos, Field: a.Field, Msg: a.Msg, Hint: "h"}}, []Diagnostic{a, {Pos: a.Pos, Field: a.Field, Msg: a.Msg, Hint: "h"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l List
			for _, d := range tt.add {
				l.Add(d)
			}
			if got := l.Items(); !reflect.DeepEqual(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("List%v.Items() = %v; want %v", tt.add, got, tt.want)
			}
			if got := l.Len(); got != len(tt.add) {
				t.Errorf("List%v.Len() = %d; want %d (every Add, before duplicates are removed)", tt.add, got, len(tt.add))
			}
		})
	}
}

func TestListAddf(t *testing.T) {
	var l List
	l.Addf(Pos{File: "a.md", Line: 3, Col: 7}, "budget.total", "write the total", "the sources add up to %s but the total is %s", "75000", "80000")
	want := "a.md:3:7: budget.total: the sources add up to 75000 but the total is 80000 — write the total"
	if items := l.Items(); len(items) != 1 || items[0].Error() != want {
		t.Errorf("Addf(…).Items() = %v; want [%s]", items, want)
	}
}

func TestListMerge(t *testing.T) {
	d := func(line int) Diagnostic { return Diagnostic{Pos: Pos{File: "a.md", Line: line}, Msg: "m"} }
	var l, other List
	l.Add(d(3))
	other.Add(d(1))
	other.Add(d(3))
	l.Merge(&other)
	l.Merge(nil)
	l.Merge(&l)
	if got, want := l.Items(), []Diagnostic{d(1), d(3)}; !reflect.DeepEqual(got, want) {
		t.Errorf("Merge: Items() = %v; want %v", got, want)
	}
	if got := other.Len(); got != 2 {
		t.Errorf("Merge changed the merged list: Len() = %d; want 2", got)
	}
}

func TestListErr(t *testing.T) {
	var l List
	if err := l.Err(); err != nil {
		t.Errorf("List{}.Err() = %v; want nil", err)
	}
	l.Add(Diagnostic{Pos: Pos{File: "b.md", Line: 1}, Msg: "second"})
	l.Add(Diagnostic{Pos: Pos{File: "a.md", Line: 9, Col: 2}, Field: "title", Msg: "first", Hint: "fix it"})
	err := l.Err()
	var es *Errors
	if !errors.As(err, &es) {
		t.Fatalf("Err() = %#v; want an *Errors", err)
	}
	if want := "a.md:9:2: title: first — fix it\nb.md:1: second"; err.Error() != want {
		t.Errorf("Err().Error() = %q; want %q", err.Error(), want)
	}
	if got := es.Summary(); got != "2 errors" {
		t.Errorf("Summary() = %q; want \"2 errors\"", got)
	}
	one := &Errors{Items: es.Items[:1]}
	if got := one.Summary(); got != "1 error" {
		t.Errorf("Summary() of one = %q; want \"1 error\"", got)
	}
}

// TestListConcurrent checks that parallel workers can add to one list; run
// it with -race.
func TestListConcurrent(t *testing.T) {
	var l, other List
	other.Add(Diagnostic{Pos: Pos{File: "z.md"}, Msg: "m"})
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 100 {
				l.Addf(Pos{File: fmt.Sprintf("%d.md", w), Line: i + 1}, "", "", "problem %d", i)
				_ = l.Len()
			}
			l.Merge(&other)
			_ = l.Items()
		})
	}
	wg.Wait()
	if got := len(l.Items()); got != 801 {
		t.Errorf("Items() after 8 workers added 100 each and merged the same one = %d; want 801", got)
	}
}

func TestContext(t *testing.T) {
	src := []byte("---\r\ntitle: Osku\r\nsummary: Kylät: yhdessä\r\nthemes: [youth]\r\n---\r\nBody\r\n")
	tests := []struct {
		name         string
		src          []byte
		line, radius int
		want         []Line
	}{
		{"middle", src, 3, 1, []Line{{2, "title: Osku", false}, {3, "summary: Kylät: yhdessä", true}, {4, "themes: [youth]", false}}},
		{"first line", src, 1, 2, []Line{{1, "---", true}, {2, "title: Osku", false}, {3, "summary: Kylät: yhdessä", false}}},
		{"last line", src, 6, 2, []Line{{4, "themes: [youth]", false}, {5, "---", false}, {6, "Body", true}}},
		{"radius 0", src, 4, 0, []Line{{4, "themes: [youth]", true}}},
		{"line after the end", []byte("a\nb\n"), 3, 1, []Line{{2, "b", false}}},
		{"no final newline", []byte("a\nb"), 2, 1, []Line{{1, "a", false}, {2, "b", true}}},
		{"empty lines", []byte("a\n\n\nb\n"), 3, 1, []Line{{2, "", false}, {3, "", true}, {4, "b", false}}},
		{"empty file", nil, 1, 2, []Line{{1, "", true}}},
		{"line 0", src, 0, 2, nil},
		{"negative line", src, -1, 2, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Context(tt.src, tt.line, tt.radius); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Context(%q, %d, %d) = %v; want %v", tt.src, tt.line, tt.radius, got, tt.want)
			}
		})
	}
}
