package publish

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestDirReplacesOutputAtOnce(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	write := func(files map[string]string) *Dir {
		d, err := NewDir(dest)
		if err != nil {
			t.Fatal(err)
		}
		for name, body := range files {
			if err := d.Write(name, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
		return d
	}
	first := write(map[string]string{"catalog.json": "{}", "fi/index.html": "yksi", "old.html": "vanha"})
	if _, err := os.Stat(dest); err == nil {
		t.Fatal("the destination exists before Commit")
	}
	if err := first.Commit(); err != nil {
		t.Fatal(err)
	}

	// A failed build: Abort leaves the previous output byte for byte.
	failed := write(map[string]string{"catalog.json": "{}", "fi/index.html": "rikki"})
	if err := failed.Abort(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "fi/index.html")); string(b) != "yksi" {
		t.Fatalf("after Abort fi/index.html = %q; want the previous %q", b, "yksi")
	}

	// A good build replaces everything: files it no longer writes go.
	second := write(map[string]string{"catalog.json": "{}", "fi/index.html": "kaksi"})
	if err := second.Commit(); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dest, "fi/index.html")); string(b) != "kaksi" {
		t.Errorf("after Commit fi/index.html = %q; want %q", b, "kaksi")
	}
	if _, err := os.Stat(filepath.Join(dest, "old.html")); err == nil {
		t.Error("a file of the previous output survived the new build")
	}
	entries, _ := os.ReadDir(filepath.Dir(dest))
	for _, e := range entries {
		if e.Name() != "public" {
			t.Errorf("a temporary folder %s was left behind", e.Name())
		}
	}
}

// Pages arrive from several goroutines in any order: a page deep in a
// folder no page has made yet, a sibling of a folder being made, a file
// where a folder should be.
func TestDirMakesFoldersInAnyOrder(t *testing.T) {
	tests := []struct {
		name    string
		files   []string
		wantErr string // a file whose Write must fail
	}{
		{name: "deep first", files: []string{"fi/hankkeet/teema/nuoret/sivu/2/index.html", "fi/hankkeet/teema/nuoret/index.html", "fi/index.html"}},
		{name: "shallow first", files: []string{"fi/index.html", "fi/hankkeet/index.html", "fi/hankkeet/osku/index.html", "fi/hankkeet/osku/kuva.jpg"}},
		{name: "siblings", files: []string{"sv/projekt/a/index.html", "sv/projekt/b/index.html", "sv/projekt/c/d/index.html"}},
		{name: "file in the way", files: []string{"et/projektid", "et/projektid/x/index.html"}, wantErr: "et/projektid/x/index.html"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := NewDir(filepath.Join(t.TempDir(), "public"))
			if err != nil {
				t.Fatal(err)
			}
			defer d.Abort()
			for _, name := range tt.files {
				err := d.Write(name, []byte(name))
				if name == tt.wantErr {
					if err == nil {
						t.Errorf("Write(%s) under a file succeeded", name)
					}
					continue
				}
				if err != nil {
					t.Fatalf("Write(%s): %v", name, err)
				}
			}
			for _, name := range tt.files {
				if name == tt.wantErr {
					continue
				}
				if b, err := os.ReadFile(filepath.Join(d.TempDir(), filepath.FromSlash(name))); err != nil || string(b) != name {
					t.Errorf("%s = %q, %v; want its name", name, b, err)
				}
			}
		})
	}
}

func TestDirRefusesForeignFolder(t *testing.T) {
	dest := t.TempDir()
	if err := os.WriteFile(filepath.Join(dest, "thesis.docx"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := NewDir(dest); err == nil || !strings.Contains(err.Error(), "did not write") {
		t.Fatalf("NewDir(a folder of someone else's files) = %v; want a refusal", err)
	}
}

func TestWriteRejectsEscapingNames(t *testing.T) {
	m := NewMemory()
	for _, name := range []string{"../x", "/etc/passwd", "a/../../b", ""} {
		if err := m.Write(name, nil); err == nil {
			t.Errorf("Write(%q) accepted a name outside the output", name)
		}
	}
}

func TestMinifierByType(t *testing.T) {
	m := NewMemory()
	mf := NewMinifier(m)
	in := map[string]string{
		"a.html": "<p>\n  kylä  \n</p>",
		"a.css":  "body {  color : red ; }",
		"a.json": "{ \"a\" : 1 }",
		// Figures in open data stay as written: 1e6 or .5 would be the
		// same number to a parser but not to an official reading the file.
		"figures.json": `{ "total": 1000000, "share": 0.50, "grant": 33002.80 }`,
		"a.txt":        "keep   spaces",
		"a.xml":        "<a>\n  <b/>\n</a>",
	}
	for name, body := range in {
		if err := mf.Write(name, []byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string]string{"a.html": "<p>kylä</p>", "a.css": "body{color:red}", "a.json": `{"a":1}`, "figures.json": `{"total":1000000,"share":0.50,"grant":33002.80}`, "a.txt": "keep   spaces", "a.xml": "<a><b/></a>"}
	for name, w := range want {
		if got, _ := m.File(name); string(got) != w {
			t.Errorf("minified %s = %q; want %q", name, got, w)
		}
	}
}

// TestMinifierReusesOnlyWhatNextIsDoneWith: in front of a folder, the
// minifier reuses its output buffers; in front of memory, which keeps what
// it is given, every file keeps its own bytes.
func TestMinifierReusesOnlyWhatNextIsDoneWith(t *testing.T) {
	pages := map[string]string{}
	for i := range 20 {
		pages[fmt.Sprintf("p%d.html", i)] = fmt.Sprintf("<p>\n  sivu %d %s  \n</p>", i, strings.Repeat("x", i*100+1))
	}
	want := func(name string) string {
		var i int
		fmt.Sscanf(name, "p%d.html", &i)
		return fmt.Sprintf("<p>sivu %d %s</p>", i, strings.Repeat("x", i*100+1))
	}
	mem, dir, dest := memoryAndDir(t)
	for _, next := range []Sink{mem, dir} {
		mf := NewMinifier(next)
		for name, body := range pages {
			if err := mf.Write(name, []byte(body)); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := dir.Commit(); err != nil {
		t.Fatal(err)
	}
	for name := range pages {
		if got, _ := mem.File(name); string(got) != want(name) {
			t.Errorf("in memory %s = %.40q; want %.40q", name, got, want(name))
		}
		if got, err := os.ReadFile(filepath.Join(dest, name)); err != nil || string(got) != want(name) {
			t.Errorf("in the folder %s = %.40q, %v; want %.40q", name, got, err, want(name))
		}
	}
}

// TestSnapshotStaysAsTaken: the development server serves a snapshot
// while the next build writes; what it serves must not change under it,
// whether the next build writes in a new generation, writes without one,
// or fails and is aborted.
func TestSnapshotStaysAsTaken(t *testing.T) {
	m := NewMemory()
	for _, name := range []string{"a.html", "b.html", "c.html"} {
		if err := m.Write(name, []byte(name+" 1")); err != nil {
			t.Fatal(err)
		}
	}
	first := m.Snapshot()
	m.Write("a.html", []byte("a.html 2")) // no generation
	second := m.Snapshot()
	m.Begin()
	m.Keep("b.html", 0) // not carried over: no fingerprint
	m.Write("b.html", []byte("b.html 3"))
	m.Write("d.html", []byte("d.html 3"))
	m.Abort()
	m.Write("c.html", []byte("c.html 4")) // after the abort, on second's maps
	third := m.Snapshot()

	for _, tt := range []struct {
		snap *Snapshot
		want map[string]string
	}{
		{first, map[string]string{"a.html": "a.html 1", "b.html": "b.html 1", "c.html": "c.html 1"}},
		{second, map[string]string{"a.html": "a.html 2", "b.html": "b.html 1", "c.html": "c.html 1"}},
		{third, map[string]string{"a.html": "a.html 2", "b.html": "b.html 1", "c.html": "c.html 4"}},
	} {
		got, err := tt.snap.Files()
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(tt.want) {
			t.Errorf("snapshot has %v; want %v", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(tt.want)))
		}
		for name, w := range tt.want {
			if string(got[name]) != w {
				t.Errorf("snapshot's %s = %q; want %q", name, got[name], w)
			}
		}
	}
	if !second.Same(third, "b.html") || second.Same(third, "c.html") {
		t.Error("Same: b.html is carried over from second to third, c.html is not")
	}
}

func TestSplice(t *testing.T) {
	m := PartMarker
	tests := []struct {
		name, data string
		parts      []string
		want       string // "" with wantErr
		wantErr    bool
	}{
		{"no parts", "<p>a</p>", nil, "<p>a</p>", false},
		{"a marker without parts stays", "<li>" + m + "</li>", nil, "<li>" + m + "</li>", false},
		{"parts in order", "<ul><li>" + m + "</li><li>" + m + "</li></ul>", []string{"<b>1</b>", "<i>2</i>"}, "<ul><li><b>1</b></li><li><i>2</i></li></ul>", false},
		{"a part that holds a marker is not searched", "<li>" + m + "</li>", []string{m}, "<li>" + m + "</li>", false},
		{"fewer markers than parts", "<li>" + m + "</li>", []string{"a", "b"}, "", true},
		{"more markers than parts", m + m, []string{"a"}, "", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Splice([]byte("<!doctype html>"), []byte(tc.data), tc.parts)
			if tc.wantErr {
				if err == nil {
					t.Fatalf("no error; got %q", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if want := "<!doctype html>" + tc.want; string(got) != want {
				t.Errorf("got %q, want %q", got, want)
			}
		})
	}
}

func TestMinifierWritesParts(t *testing.T) {
	mem := NewMemory()
	m := NewMinifier(mem)
	card, err := m.Part("card.html", []byte("<article class=\"card\">\n  <h2>  Otsikko  </h2>\n</article>"))
	if err != nil {
		t.Fatal(err)
	}
	page := "<!DOCTYPE html>\n<html lang=\"fi\">\n<body>\n<ul>\n<li>" + PartMarker + "</li>\n</ul>\n</body>\n</html>\n"
	if err := m.WriteParts("fi/index.html", []byte(page), []string{string(card)}); err != nil {
		t.Fatal(err)
	}
	whole := NewMemory()
	if err := NewMinifier(whole).Write("fi/index.html", []byte(strings.Replace(page, PartMarker, "<article class=\"card\">\n  <h2>  Otsikko  </h2>\n</article>", 1))); err != nil {
		t.Fatal(err)
	}
	if got, want := string(mem.Files()["fi/index.html"]), string(whole.Files()["fi/index.html"]); got != want {
		t.Errorf("in parts:\n%s\nwhole:\n%s", got, want)
	}
	if strings.Contains(string(card), "\n") {
		t.Errorf("the part was not minified: %q", card)
	}
}

// TestMinifierWritesMinifiedAsGiven: a page written minified already goes
// to the next sink as it is, with its parts put in, and stays as written
// when the caller reuses its buffer, whether the sink keeps the bytes (in
// memory) or is done with them (a folder).
func TestMinifierWritesMinifiedAsGiven(t *testing.T) {
	for _, tt := range []struct {
		name  string
		data  string
		parts []string
		want  string
	}{
		{"no parts", "<p>sivu  1</p>", nil, "<p>sivu  1</p>"},
		{"parts", "<ul>" + PartMarker + PartMarker + "</ul>", []string{"<li>a</li>", "<li>b</li>"}, "<ul><li>a</li><li>b</li></ul>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			mem, dir, dest := memoryAndDir(t)
			for _, next := range []Sink{mem, dir} {
				buf := []byte(tt.data)
				if err := NewMinifier(next).WriteMinified("a.html", buf, tt.parts); err != nil {
					t.Fatal(err)
				}
				for i := range buf {
					buf[i] = 'x' // the caller's next page
				}
			}
			if err := dir.Commit(); err != nil {
				t.Fatal(err)
			}
			if got, _ := mem.File("a.html"); string(got) != tt.want {
				t.Errorf("in memory: %q; want %q", got, tt.want)
			}
			if got, err := os.ReadFile(filepath.Join(dest, "a.html")); err != nil || string(got) != tt.want {
				t.Errorf("in the folder: %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// memoryAndDir returns the two sinks a minifier writes to: one that keeps
// the bytes it is given and one that writes them to dest and is done.
func memoryAndDir(t *testing.T) (*Memory, *Dir, string) {
	t.Helper()
	dest := filepath.Join(t.TempDir(), "public")
	dir, err := NewDir(dest)
	if err != nil {
		t.Fatal(err)
	}
	return NewMemory(), dir, dest
}
