package synth_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/render"
	"github.com/vitrin-ssg/vitrin/internal/synth"
)

type file struct {
	name string
	data []byte
}

// collect returns the files a generator emits, in their order.
func collect(t *testing.T, gen func(synth.Options, synth.Emit) error, o synth.Options) []file {
	t.Helper()
	var out []file
	seen := map[string]bool{}
	err := gen(o, func(name string, data []byte) error {
		if seen[name] {
			t.Errorf("%s is written twice", name)
		}
		seen[name] = true
		out = append(out, file{name, bytes.Clone(data)})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// TestGenerateDeterministic: the same options give the same files in the
// same order, byte for byte, in both layouts; another seed gives other
// projects.
func TestGenerateDeterministic(t *testing.T) {
	for _, tt := range []struct {
		name  string
		gen   func(synth.Options, synth.Emit) error
		first string // the first project's Finnish file
	}{
		{"vitrin", synth.Generate, "content/projects/p00001/index.fi.md"},
		{"hugo", synth.GenerateHugo, "content/fi/projects/p00001.md"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o := synth.Options{Projects: 120, Full: true, Seed: 5}
			a, b := collect(t, tt.gen, o), collect(t, tt.gen, o)
			if len(a) != len(b) {
				t.Fatalf("%d files, then %d", len(a), len(b))
			}
			for i := range a {
				if a[i].name != b[i].name || !bytes.Equal(a[i].data, b[i].data) {
					t.Fatalf("file %d differs between two runs: %s, %s", i, a[i].name, b[i].name)
				}
			}
			o.Seed++
			other := map[string][]byte{}
			for _, f := range collect(t, tt.gen, o) {
				other[f.name] = f.data
			}
			for _, f := range a {
				if f.name == tt.first {
					if bytes.Equal(f.data, other[tt.first]) {
						t.Errorf("another seed gives the same %s", tt.first)
					}
					return
				}
			}
			t.Errorf("no %s", tt.first)
		})
	}
}

// TestWriteDir: what WriteDir writes is what Site holds.
func TestWriteDir(t *testing.T) {
	o := synth.Options{Projects: 40, Full: true, Seed: 2}
	dir := t.TempDir()
	if err := synth.WriteDir(dir, o); err != nil {
		t.Fatal(err)
	}
	fsys := synth.Site(o)
	n := 0
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		n++
		rel, _ := filepath.Rel(dir, p)
		b, err := os.ReadFile(p)
		if f := fsys[filepath.ToSlash(rel)]; f == nil || !bytes.Equal(f.Data, b) {
			t.Errorf("%s is not the file Site has", rel)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != len(fsys) {
		t.Errorf("%d files written; Site has %d", n, len(fsys))
	}
}

// TestHugoSiteBuilds: Hugo builds the generated site without a warning,
// with every project in three languages, listings of vitrin's page size,
// the themes taxonomy and the project page's facts.
func TestHugoSiteBuilds(t *testing.T) {
	hugo, err := exec.LookPath("hugo")
	if err != nil {
		t.Skip("hugo is not on PATH")
	}
	const n = 75
	dir := t.TempDir()
	if err := synth.WriteHugoDir(filepath.Join(dir, "site"), synth.Options{Projects: n, Full: true}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "public")
	cmd := exec.Command(hugo, "--minify", "-s", filepath.Join(dir, "site"), "-d", out, "--quiet")
	if b, err := cmd.CombinedOutput(); err != nil || len(b) > 0 {
		t.Fatalf("hugo: %v\n%s", err, b)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(name)))
		if err != nil {
			t.Error(err)
		}
		return string(b)
	}
	pages := (n + render.PageSize - 1) / render.PageSize
	for _, lang := range []string{"fi", "et", "sv"} {
		for i := 1; i <= n; i++ {
			if _, err := os.Stat(filepath.Join(out, lang, "projects", fmt.Sprintf("p%05d", i), "index.html")); err != nil {
				t.Fatalf("project %d in %s: %v", i, lang, err)
			}
		}
		for _, page := range []string{fmt.Sprintf("%s/projects/page/%d/index.html", lang, pages), lang + "/themes/index.html", lang + "/practices/k0001/index.html"} {
			read(page)
		}
		if _, err := os.Stat(filepath.Join(out, lang, "projects", "page", fmt.Sprint(pages+1))); err == nil {
			t.Errorf("the listing in %s has more than %d pages", lang, pages)
		}
		if got := strings.Count(read(lang+"/projects/index.html"), `class=card>`); got != render.PageSize {
			t.Errorf("the first page of the listing in %s has %d projects; want %d", lang, got, render.PageSize)
		}
	}
	page := read("sv/projects/p00001/index.html")
	for _, want := range []string{`<html lang=sv>`, `id=facts`, `id=funding`, `id=contacts`, `id=description`, `href=/sv/themes/theme-`, `100 %`} {
		if !strings.Contains(page, want) {
			t.Errorf("the project page has no %s", want)
		}
	}
}
