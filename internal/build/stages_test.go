package build

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/catalog"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/markdown"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/render"
	"github.com/vitrin-ssg/vitrin/internal/source"
	"github.com/vitrin-ssg/vitrin/internal/synth"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// The stage benchmarks take a production build apart, to show where its
// time goes (see BENCHMARKS.md):
//
//	parse     front matter and body of every language file (source.Parse)
//	validate  typed facts, vocabulary keys, funding sums (model.Decode…)
//	assemble  originals joined with translations, practices linked
//	render    every page and file of the site, Markdown included, one worker
//	minify    every rendered file, as a production build does
//	write     the minified files into a fresh output folder
//	build     the whole pipeline as vitrin build runs it, all workers,
//	          into publish.Discard
//
// The site is synth's full catalogue of VITRIN_BENCH_PROJECTS projects
// (default 1000):
//
//	VITRIN_BENCH_PROJECTS=10000 go test -run '^$' -bench Stages ./internal/build/
//
// parse, validate, assemble, render, minify and write run in one
// goroutine each, so that their times add up to the CPU time of a build;
// build is the wall time of all of them on every core.

// benchNow is the build date of the benchmarks.
func benchNow() time.Time { return time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC) }

func benchProjects(b *testing.B) int {
	s := os.Getenv("VITRIN_BENCH_PROJECTS")
	if s == "" {
		return 1000
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		b.Fatalf("VITRIN_BENCH_PROJECTS=%q is not a number of projects", s)
	}
	return n
}

// langFile is one language file of a project or practice folder.
type langFile struct {
	path, lang string
	src        []byte
	practice   bool
	folder     int // index in stageSite.folders
}

type folderFiles struct {
	id, dir  string
	practice bool
	names    map[string]bool // the files of the folder
	files    []int           // its language files, indexes in stageSite.files
}

// stageSite is a generated site and what each stage takes in; each stage
// makes its input with the stages before it, once, outside the timing.
type stageSite struct {
	fsys    fstest.MapFS
	cfg     config.Config
	vocab   model.Vocabularies
	files   []langFile
	folders []folderFiles
}

func newStageSite(b *testing.B) *stageSite {
	n := benchProjects(b)
	s := &stageSite{fsys: synth.Site(synth.Options{Projects: n, Full: true})}
	var diags diag.List
	s.cfg = config.Load(s.fsys, &diags)
	s.vocab = model.Vocabularies{}
	for _, name := range model.VocabNames() {
		file := catalog.VocabulariesDir + "/" + name + ".yaml"
		if f := s.fsys[file]; f != nil {
			s.vocab[name] = model.LoadVocabulary(file, f.Data, s.cfg.Languages, s.vocab, &diags)
		}
	}
	byDir := map[string]int{}
	names := make([]string, 0, len(s.fsys))
	for name := range s.fsys {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		dir, base := filepath.Dir(name), filepath.Base(name)
		practice := strings.HasPrefix(dir, catalog.PracticesDir+"/")
		if !practice && !strings.HasPrefix(dir, catalog.ProjectsDir+"/") {
			continue
		}
		i, ok := byDir[dir]
		if !ok {
			i = len(s.folders)
			byDir[dir] = i
			s.folders = append(s.folders, folderFiles{id: filepath.Base(dir), dir: dir, practice: practice, names: map[string]bool{}})
		}
		fo := &s.folders[i]
		fo.names[base] = true
		fo.files = append(fo.files, len(s.files))
		s.files = append(s.files, langFile{path: name, lang: model.FileLang(base), src: s.fsys[name].Data, practice: practice, folder: i})
	}
	if diags.Len() > 0 {
		b.Fatalf("the generated site has problems: %v", diags.Err())
	}
	return s
}

func (s *stageSite) parse(diags *diag.List) []*source.Document {
	docs := make([]*source.Document, len(s.files))
	for i, f := range s.files {
		docs[i] = source.Parse(f.path, f.src, diags)
	}
	return docs
}

// decoded holds the decoded language files: a project's or a practice's,
// by the index of the file.
type decoded struct {
	projects  []*model.File[model.Project]
	practices []*model.File[model.Practice]
}

func (s *stageSite) validate(docs []*source.Document, diags *diag.List) decoded {
	d := decoded{projects: make([]*model.File[model.Project], len(s.files)), practices: make([]*model.File[model.Practice], len(s.files))}
	for i, f := range s.files {
		names := s.folders[f.folder].names
		if f.practice {
			d.practices[i] = model.DecodePracticeFile(docs[i], f.lang, s.cfg.Languages, names, s.vocab, diags)
		} else {
			d.projects[i] = model.DecodeFile(docs[i], f.lang, s.cfg.Languages, names, s.vocab, diags)
		}
	}
	return d
}

// assemble joins each folder's original with its translations, as
// catalog.Load does, and links the practices to their projects.
func (s *stageSite) assemble(d decoded, diags *diag.List) ([]*model.Project, []*model.Practice) {
	var projects []*model.Project
	var practices []*model.Practice
	for _, fo := range s.folders {
		if fo.practice {
			orig, trs := split(s, fo, d.practices)
			practices = append(practices, model.MergePractice(fo.id, fo.dir, orig, trs, diags))
		} else {
			orig, trs := split(s, fo, d.projects)
			projects = append(projects, model.Merge(fo.id, fo.dir, orig, trs, diags))
		}
	}
	model.LinkPractices(practices, projects, s.vocab, diags)
	return projects, practices
}

// split returns a folder's original and its translations in the site's
// language order.
func split[T any](s *stageSite, fo folderFiles, files []*model.File[T]) (*model.File[T], []*model.File[T]) {
	var orig *model.File[T]
	var trs []*model.File[T]
	for _, i := range fo.files {
		if f := files[i]; f.TranslationOf == "" {
			orig = f
		} else {
			trs = append(trs, f)
		}
	}
	slices.SortFunc(trs, func(a, b *model.File[T]) int {
		return slices.Index(s.cfg.Languages, a.Lang) - slices.Index(s.cfg.Languages, b.Lang)
	})
	return orig, trs
}

// collector is a Sink that keeps the files.
type collector struct {
	mu    sync.Mutex
	files map[string][]byte
}

func (c *collector) Write(name string, data []byte) error {
	c.mu.Lock()
	c.files[name] = data
	c.mu.Unlock()
	return nil
}

func (c *collector) bytes() int64 {
	var n int64
	for _, b := range c.files {
		n += int64(len(b))
	}
	return n
}

// renderAll renders the site with one worker into a collector.
func (s *stageSite) renderAll(b *testing.B, site *catalog.Site, theme *render.Theme, md *markdown.Renderer) *collector {
	c := &collector{files: map[string][]byte{}}
	var diags diag.List
	if _, err := render.Render(context.Background(), render.Options{Site: site, Theme: theme, Markdown: md, Source: s.fsys, Sink: c, Workers: 1}, &diags); err != nil || diags.Len() > 0 {
		b.Fatalf("render: %v %v", err, diags.Err())
	}
	return c
}

func mustClean(b *testing.B, diags *diag.List) {
	b.Helper()
	if diags.Len() > 0 {
		b.Fatalf("%d problems: %v", diags.Len(), diags.Err())
	}
}

func BenchmarkStages(b *testing.B) {
	s := newStageSite(b)
	var setup diag.List
	docs := s.parse(&setup)
	dec := s.validate(docs, &setup)
	mustClean(b, &setup)
	b.Logf("%d projects, %d language files", benchProjects(b), len(s.files))

	b.Run("parse", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var diags diag.List
			s.parse(&diags)
		}
	})
	b.Run("validate", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var diags diag.List
			s.validate(docs, &diags)
		}
	})
	b.Run("assemble", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			var diags diag.List
			s.assemble(dec, &diags)
		}
	})

	// The later stages take the site as the build reads it.
	site, err := catalog.Load(context.Background(), s.fsys, s.cfg, benchNow(), nil, &setup)
	if err != nil {
		b.Fatal(err)
	}
	theme, err := render.LoadTheme(defaulttheme.FS(), "(built-in theme default)", s.cfg.Languages, &setup)
	if err != nil {
		b.Fatal(err)
	}
	mustClean(b, &setup)
	md := markdown.New(markdown.Options{UnsafeHTML: s.cfg.UnsafeHTML, ReservedIDs: reservedIDs()})
	b.Run("render", func(b *testing.B) {
		b.ReportAllocs()
		var c *collector
		for b.Loop() {
			c = s.renderAll(b, site, theme, md)
		}
		b.ReportMetric(float64(len(c.files)), "files/op")
		b.ReportMetric(float64(c.bytes())/1e6, "MB/op")
	})

	rendered := s.renderAll(b, site, theme, md)
	b.Run("minify", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(rendered.bytes())
		for b.Loop() {
			m := publish.NewMinifier(publish.Discard{})
			for name, data := range rendered.files {
				if err := m.Write(name, data); err != nil {
					b.Fatal(err)
				}
			}
		}
	})

	minified := &collector{files: map[string][]byte{}}
	m := publish.NewMinifier(minified)
	for name, data := range rendered.files {
		if err := m.Write(name, data); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("write", func(b *testing.B) {
		b.ReportAllocs()
		b.SetBytes(minified.bytes())
		tmp := b.TempDir()
		i := 0
		for b.Loop() {
			i++
			dest := filepath.Join(tmp, fmt.Sprint(i))
			d, err := publish.NewDir(dest)
			if err != nil {
				b.Fatal(err)
			}
			for name, data := range minified.files {
				if err := d.Write(name, data); err != nil {
					b.Fatal(err)
				}
			}
			if err := d.Commit(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if err := os.RemoveAll(dest); err != nil {
				b.Fatal(err)
			}
			b.StartTimer()
		}
	})

	b.Run("build", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := Build(context.Background(), Options{Source: s.fsys, DefaultTheme: defaulttheme.FS(), Now: benchNow(), Sink: publish.Discard{}}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
