package watch

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"testing/fstest"
	"time"
)

// collect reads batches until want paths have all been seen, and returns
// the number of batches it took.
func collect(t *testing.T, w *Watcher, want []string) int {
	t.Helper()
	seen := map[string]bool{}
	batches := 0
	deadline := time.After(10 * time.Second)
	for {
		missing := slices.DeleteFunc(slices.Clone(want), func(p string) bool { return seen[p] })
		if len(missing) == 0 {
			return batches
		}
		select {
		case b := <-w.Changes():
			batches++
			for _, p := range b {
				seen[p] = true
			}
		case <-deadline:
			t.Fatalf("no change reported for %v", missing)
		}
	}
}

func TestWatcherBatches(t *testing.T) {
	root := t.TempDir()
	for _, d := range []string{"content/projects/osku", "themes"} {
		if err := os.MkdirAll(filepath.Join(root, d), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	w, err := New(Options{Root: root, Trees: []string{"content", "themes", "static"}, Quiet: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go w.Run(ctx)
	write := func(rel, s string) {
		p := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}

	tests := []struct {
		name       string
		do         func()
		want       []string
		maxBatches int
	}{
		{"save through a temporary file and a rename", func() {
			write("content/projects/osku/.index.fi.md.swp", "x")
			write("content/projects/osku/index.fi.md.tmp", "title: Osku")
			if err := os.Rename(filepath.Join(root, "content/projects/osku/index.fi.md.tmp"), filepath.Join(root, "content/projects/osku/index.fi.md")); err != nil {
				t.Fatal(err)
			}
		}, []string{"content/projects/osku/index.fi.md"}, 1},
		{"200 files copied into a new folder", func() {
			for i := range 200 {
				write(fmt.Sprintf("content/projects/uusi/f%03d.txt", i), "x")
			}
		}, func() []string {
			var out []string
			for i := range 200 {
				out = append(out, fmt.Sprintf("content/projects/uusi/f%03d.txt", i))
			}
			return out
		}(), 2},
		{"a tree created after start", func() {
			write("static/extra/site.css", "body{}")
		}, []string{"static/extra/site.css"}, 2},
		{"the configuration", func() { write("vitrin.yaml", "title: x") }, []string{"vitrin.yaml"}, 1},
		{"a folder outside the trees is not followed", func() {
			write("public/index.html", "x")
			write("content/projects/osku/index.sv.md", "y")
		}, []string{"content/projects/osku/index.sv.md"}, 1},
	}
	for _, tt := range tests {
		tt.do()
		if n := collect(t, w, tt.want); n > tt.maxBatches {
			t.Errorf("%s: %d batches, want at most %d", tt.name, n, tt.maxBatches)
		}
	}
	// Nothing else is pending: the swap file and public/ were not changes.
	select {
	case b := <-w.Changes():
		if slices.ContainsFunc(b, func(p string) bool { return filepath.Base(p)[0] == '.' || filepath.Dir(p) == "public" }) {
			t.Errorf("reported %v", b)
		}
	case <-time.After(200 * time.Millisecond):
	}
}

func TestFSForget(t *testing.T) {
	under := fstest.MapFS{
		"content/projects/osku/index.fi.md": {Data: []byte("v1")},
		"content/projects/kyla/index.fi.md": {Data: []byte("k1")},
	}
	c := NewFS(under)
	read := func(p string) string {
		b, err := c.ReadFile(p)
		if err != nil {
			return "error"
		}
		return string(b)
	}
	names := func(dir string) []string {
		es, _ := c.ReadDir(dir)
		var out []string
		for _, e := range es {
			out = append(out, e.Name())
		}
		return out
	}
	read("content/projects/osku/index.fi.md")
	read("content/projects/kyla/index.fi.md")
	names("content/projects")
	under["content/projects/osku/index.fi.md"] = &fstest.MapFile{Data: []byte("v2")}
	under["content/projects/kyla/index.fi.md"] = &fstest.MapFile{Data: []byte("k2")}
	under["content/projects/uusi/index.fi.md"] = &fstest.MapFile{Data: []byte("u")}
	if got := read("content/projects/osku/index.fi.md"); got != "v1" {
		t.Errorf("before Forget: %q, want the remembered v1", got)
	}
	c.Forget("content/projects/osku/index.fi.md", "content/projects/uusi")
	if got := read("content/projects/osku/index.fi.md"); got != "v2" {
		t.Errorf("after Forget: %q, want v2", got)
	}
	if got := read("content/projects/kyla/index.fi.md"); got != "k1" {
		t.Errorf("a file not forgotten: %q, want k1 still", got)
	}
	if got := names("content/projects"); !slices.Equal(got, []string{"kyla", "osku", "uusi"}) {
		t.Errorf("listing after a folder was created: %v", got)
	}
	delete(under, "content/projects/kyla/index.fi.md")
	c.Forget("content/projects/kyla")
	if got := read("content/projects/kyla/index.fi.md"); got != "error" {
		t.Errorf("a removed folder's file: %q, want an error", got)
	}
}
