package build_test

import (
	"bytes"
	"context"
	"errors"
	"io/fs"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	"github.com/vitrin-ssg/vitrin/internal/synth"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// exampleSite copies the example site of the repository into memory, so
// that a test may edit it.
func exampleSite(t *testing.T) fstest.MapFS {
	t.Helper()
	root := os.DirFS("../..")
	site := fstest.MapFS{}
	add := func(p string) {
		b, err := fs.ReadFile(root, p)
		if err != nil {
			t.Fatal(err)
		}
		site[p] = &fstest.MapFile{Data: b, Mode: 0o644}
	}
	add("vitrin.yaml")
	err := fs.WalkDir(root, "content", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			add(p)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return site
}

func edit(site fstest.MapFS, name, old, new string) {
	f := site[name]
	if !bytes.Contains(f.Data, []byte(old)) {
		panic(name + " has no " + old)
	}
	site[name] = &fstest.MapFile{Data: bytes.Replace(f.Data, []byte(old), []byte(new), 1), Mode: 0o644}
}

// fullBuild builds the site from nothing.
func fullBuild(t *testing.T, site fs.FS) (map[string][]byte, error) {
	mem := publish.NewMemory()
	_, err := build.Build(context.Background(), build.Options{Source: site, DefaultTheme: defaulttheme.FS(), Now: sitetest.Now(), Sink: mem, NoMinify: true})
	return mem.Files(), err
}

// TestRebuildEqualsFullBuild edits the example site step by step as an
// editor would, rebuilding after each step with one Builder, and checks
// that the rebuilt site is byte for byte what a full build of the same
// input gives, and that only the pages a change touches were rendered.
func TestRebuildEqualsFullBuild(t *testing.T) {
	site := exampleSite(t)
	mem := publish.NewMemory()
	b := build.NewBuilder(build.Options{Source: site, DefaultTheme: defaulttheme.FS(), Now: sitetest.Now(), Sink: mem, NoMinify: true})
	const osku, ajatuspaja = "fi/hankkeet/osku/index.html", "fi/hankkeet/ajatuspaja/index.html"
	steps := []struct {
		name    string
		edit    func()
		fails   bool
		renders []string // pages this step must render again
		keeps   []string // pages this step must not render again
	}{
		{name: "first build", edit: func() {}},
		{name: "nothing changed", edit: func() {}, keeps: []string{osku, ajatuspaja, "fi/hyvat-kaytannot/asukasraati/index.html"}},
		{name: "a project's body", edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "\n## ", "\nUusi kappale tekstiin.\n\n## ")
		}, renders: []string{osku}, keeps: []string{ajatuspaja, "sv/projekt/loov-voru/index.html",
			// The cards do not show the body: the listing and the facet
			// pages of the project stay as they were.
			"fi/hankkeet/teema/osallisuus/index.html", "sv/projekt/tema/delaktighet/index.html"}},
		{name: "a project's title, which moves it in the order", edit: func() {
			edit(site, "content/projects/pikastartti/index.fi.md", "title: Sydänsuomen", "title: Aakkosten alkuun Sydänsuomen")
		}, renders: []string{"fi/hankkeet/pikastartti/index.html", "fi/hankkeet/teema/aluekehitys/index.html"}, keeps: []string{osku}},
		{name: "a project's start, which moves it in the listing", edit: func() {
			edit(site, "content/projects/pikastartti/index.fi.md", "start: 2022-12-01", "start: 2015-12-01")
		}},
		{name: "a new project", edit: func() {
			src := string(site["content/projects/pikastartti/index.fi.md"].Data)
			src = strings.Replace(src, "title: Aakkosten alkuun Sydänsuomen", "title: Toinen", 1)
			// Without the image, which is a file of the other folder.
			i := strings.Index(src, "image:\n")
			j := strings.Index(src, "\n---\n")
			src = src[:i] + src[j+1:]
			site["content/projects/toinen/index.fi.md"] = &fstest.MapFile{Data: []byte(src), Mode: 0o644}
		}, renders: []string{"fi/hankkeet/toinen/index.html"}, keeps: []string{osku}},
		{name: "a practice now names another project", edit: func() {
			edit(site, "content/practices/asukasraati/index.fi.md", "projects: [osku]", "projects: [osku, toinen]")
		}, renders: []string{"fi/hankkeet/toinen/index.html", "fi/hyvat-kaytannot/asukasraati/index.html"}, keeps: []string{ajatuspaja}},
		{name: "broken front matter", fails: true, edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "title:", "title: [")
		}},
		{name: "fixed again", edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "title: [", "title:")
		}, keeps: []string{ajatuspaja}},
		{name: "a project deleted", edit: func() {
			edit(site, "content/practices/asukasraati/index.fi.md", "projects: [osku, toinen]", "projects: [osku]")
			delete(site, "content/projects/toinen/index.fi.md")
		}, keeps: []string{ajatuspaja}},
		{name: "a practice's body", edit: func() {
			edit(site, "content/practices/asukasraati/index.fi.md", "projects: [osku]\n---\n", "projects: [osku]\n---\nRaati kokoontui ensin kylätalolla.\n")
		},
			// The library's first page links the search file, which has
			// the body's words; its cards and facets show facts alone.
			renders: []string{"fi/hyvat-kaytannot/asukasraati/index.html", "sv/goda-exempel/index.html"},
			keeps:   []string{ajatuspaja, "fi/hyvat-kaytannot/teema/osallisuus/index.html", "sv/goda-exempel/tema/delaktighet/index.html"}},
		{name: "a practice's needs, which changes the library's facets", edit: func() {
			edit(site, "content/practices/asukasraati/index.fi.md", "  - kind: other\n    text: Monikanavainen", "  - kind: money\n    text: Monikanavainen")
		}, renders: []string{"fi/hyvat-kaytannot/tarvitaan/raha/index.html", "et/head-tavad/index.html"}, keeps: []string{ajatuspaja}},
		{name: "the title of a project a practice names", edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "title: \"OSKU – ", "title: \"OSKU-hanke – ")
		},
			// The practice's page lists its projects by title; the
			// library's cards show their places and LAGs, not their titles.
			renders: []string{osku, "fi/hyvat-kaytannot/asukasraati/index.html", "fi/hyvat-kaytannot/kumppanuuspoyta/index.html"},
			keeps:   []string{ajatuspaja, "fi/hyvat-kaytannot/index.html", "fi/hyvat-kaytannot/teema/osallisuus/index.html"}},
		{name: "the places of a project a practice names", edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "municipalities: [leppavirta, rautalampi, vesanto]", "municipalities: [leppavirta, rautalampi]")
		}, renders: []string{osku, "fi/hyvat-kaytannot/index.html", "fi/hyvat-kaytannot/teema/osallisuus/index.html"}},
		{name: "a vocabulary label", edit: func() {
			edit(site, "content/vocabularies/themes.yaml", "fi: Osallisuus", "fi: Osallisuus ja vaikuttaminen")
		}, renders: []string{osku, ajatuspaja}},
		{name: "a project names a theme by a word of its label", fails: true, edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "themes: [smart-villages, participation,", "themes: [smart-villages, vaikuttaminen,")
		}},
		// The hint of the problem names the label, which changes.
		{name: "the label changes while the project is wrong", fails: true, edit: func() {
			edit(site, "content/vocabularies/themes.yaml", "fi: Osallisuus ja vaikuttaminen", "fi: Vaikuttaminen")
		}},
		{name: "the project names the key again", edit: func() {
			edit(site, "content/projects/osku/index.fi.md", "themes: [smart-villages, vaikuttaminen,", "themes: [smart-villages, participation,")
		}, renders: []string{osku}},
		{name: "the site takes a theme of its own", edit: func() {
			err := fs.WalkDir(defaulttheme.FS(), ".", func(p string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				b, err := fs.ReadFile(defaulttheme.FS(), p)
				site["themes/default/"+p] = &fstest.MapFile{Data: b, Mode: 0o644}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
		}},
		{name: "a UI string of the theme", edit: func() {
			edit(site, "themes/default/i18n/fi.yaml", "nav_home: Etusivu", "nav_home: Alkuun")
		}, renders: []string{osku}},
		{name: "the theme's style sheet", edit: func() {
			edit(site, "themes/default/static/style.css", "body", "html{scroll-behavior:auto}\nbody")
		}, renders: []string{osku, "sv/projekt/osku/index.html"}},
		{name: "the configuration", edit: func() {
			edit(site, "vitrin.yaml", "fi: Hankevitriini", "fi: Hankkeiden vitriini")
		}, renders: []string{osku, ajatuspaja}},
	}
	var prev *publish.Snapshot
	for _, step := range steps {
		before := maps.Clone(site)
		step.edit()
		// Tell the builder what changed, as the watcher does.
		var changed []string
		for name, f := range site {
			if old, ok := before[name]; !ok || !bytes.Equal(old.Data, f.Data) {
				changed = append(changed, name)
			}
		}
		for name := range before {
			if _, ok := site[name]; !ok {
				changed = append(changed, name)
			}
		}
		b.Changed(changed)
		mem.Begin()
		_, err := b.Build(context.Background())
		want, wantErr := fullBuild(t, site)
		if (err != nil) != step.fails || (wantErr != nil) != step.fails {
			t.Fatalf("%s: rebuild error %v, full build error %v; want failure %v", step.name, err, wantErr, step.fails)
		}
		if err != nil {
			if err.Error() != wantErr.Error() {
				t.Errorf("%s: the rebuild reports\n%v\na full build\n%v", step.name, err, wantErr)
			}
			mem.Abort()
			continue
		}
		snap := mem.Snapshot()
		got, err := snap.Files()
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range slices.Sorted(func(yield func(string) bool) {
			for n := range want {
				if !yield(n) {
					return
				}
			}
		}) {
			if g, ok := got[name]; !ok {
				t.Errorf("%s: the rebuilt site has no %s", step.name, name)
			} else if !bytes.Equal(g, want[name]) {
				t.Errorf("%s: %s differs from a full build's", step.name, name)
			}
		}
		for name := range got {
			if _, ok := want[name]; !ok {
				t.Errorf("%s: the rebuilt site still has %s, which a full build does not write", step.name, name)
			}
		}
		for _, name := range step.renders {
			if snap.Same(prev, name) {
				t.Errorf("%s: %s was kept, not rendered again", step.name, name)
			}
		}
		for _, name := range step.keeps {
			if !snap.Same(prev, name) {
				t.Errorf("%s: %s was rendered again, though nothing it shows changed", step.name, name)
			}
		}
		prev = snap
	}
}

// TestOnlyBuildLetsBodiesGo: a one-off build lets each Markdown body go
// once its pages are written, which a national catalogue's memory needs;
// a Builder keeps them, as its next build may reuse the folders.
func TestOnlyBuildLetsBodiesGo(t *testing.T) {
	opts := build.Options{Source: exampleSite(t), DefaultTheme: defaulttheme.FS(), Now: sitetest.Now(), Sink: publish.NewMemory()}
	once, err := build.Build(context.Background(), opts)
	if err != nil {
		t.Fatal(err)
	}
	b := build.NewBuilder(opts)
	kept, err := b.Build(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	bodies := func(res *build.Result) (n int) {
		for _, p := range res.Site.Projects {
			for _, v := range p.Versions {
				if len(v.Body) > 0 {
					n++
				}
			}
		}
		return n
	}
	if n := bodies(once); n != 0 {
		t.Errorf("after build.Build, %d project texts still hold their bodies", n)
	}
	if n := bodies(kept); n == 0 {
		t.Error("after a Builder's build, no project text holds its body")
	}
}

// savedDuringBuild is a site folder in which one file is saved again
// after it was first read, as when an editor saves while a build runs.
type savedDuringBuild struct {
	site  fstest.MapFS
	name  string
	after []byte
	mu    sync.Mutex
	reads int
}

func (s *savedDuringBuild) Open(name string) (fs.File, error) {
	if name == s.name {
		s.mu.Lock()
		s.reads++
		later := s.reads > 1
		s.mu.Unlock()
		if later {
			return fstest.MapFS{name: {Data: s.after, Mode: 0o644}}.Open(name)
		}
	}
	return s.site.Open(name)
}

// TestBuildReportsFileSavedDuringBuild: a one-off build reads a body again
// for its page; when the file changed since the catalogue read its facts,
// the build fails with the file named, rather than publishing a page
// whose body and facts come from different saves. The same file read
// again unchanged builds as before.
func TestBuildReportsFileSavedDuringBuild(t *testing.T) {
	const name = "content/projects/osku/index.fi.md"
	site := exampleSite(t)
	want, err := fullBuild(t, site)
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		what    string
		after   func([]byte) []byte
		changed bool
	}{
		{"unchanged", bytes.Clone, false},
		{"body edited", func(b []byte) []byte { return append(bytes.Clone(b), "\nUusi kappale.\n"...) }, true},
		{"front matter edited", func(b []byte) []byte { return bytes.Replace(b, []byte("title:"), []byte("title:  "), 1) }, true},
	} {
		t.Run(tt.what, func(t *testing.T) {
			src := &savedDuringBuild{site: site, name: name, after: tt.after(site[name].Data)}
			mem := publish.NewMemory()
			_, err := build.Build(context.Background(), build.Options{Source: src, DefaultTheme: defaulttheme.FS(), Now: sitetest.Now(), Sink: mem, NoMinify: true})
			if src.reads < 2 {
				t.Fatalf("the build read %s %d times; the test needs it read again", name, src.reads)
			}
			if !tt.changed {
				if err != nil {
					t.Fatal(err)
				}
				if !maps.EqualFunc(mem.Files(), want, bytes.Equal) {
					t.Error("a build that read a file twice wrote other files than the build before")
				}
				return
			}
			var de *diag.Errors
			if !errors.As(err, &de) {
				t.Fatalf("build error %v; want the saved file reported", err)
			}
			for _, d := range de.Items {
				if d.Pos.File != name || !strings.Contains(d.Msg, "changed while the site was being built") {
					t.Errorf("diagnostic %v; want %s reported as changed during the build", d, name)
				}
			}
		})
	}
}

// TestOneOffBuildEqualsBuilder: a one-off build, which lets the bodies go
// and gives the search words to the index in chunks as the workers find
// them, writes what vitrin serve's Builder writes, which keeps both. The
// catalogue is several of indexWords' chunks, with translations and
// fallbacks.
func TestOneOffBuildEqualsBuilder(t *testing.T) {
	site := synth.Site(synth.Options{Projects: 700, Seed: 3})
	once, err := fullBuild(t, site)
	if err != nil {
		t.Fatal(err)
	}
	mem := publish.NewMemory()
	b := build.NewBuilder(build.Options{Source: site, DefaultTheme: defaulttheme.FS(), Now: sitetest.Now(), Sink: mem, NoMinify: true})
	if _, err := b.Build(context.Background()); err != nil {
		t.Fatal(err)
	}
	kept := mem.Files()
	searches := 0
	for name, data := range kept {
		if strings.HasPrefix(name, "assets/search.") {
			searches++
		}
		if !bytes.Equal(once[name], data) {
			t.Errorf("%s: the one-off build wrote other bytes than the Builder", name)
		}
	}
	if len(once) != len(kept) || searches != 1 {
		t.Errorf("the one-off build wrote %d files, the Builder %d, with %d search files", len(once), len(kept), searches)
	}
}
