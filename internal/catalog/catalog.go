// Package catalog assembles a Site from the content folder: it loads the
// vocabularies, reads every project's language files in parallel, joins
// each project's original with its translations and reports what does not
// fit together.
package catalog

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// The folders of a site's content.
const (
	ContentDir      = "content"
	ProjectsDir     = "content/projects"
	VocabulariesDir = "content/vocabularies"
)

// Site is everything a site is built from.
type Site struct {
	Config   config.Config
	Now      time.Time
	Vocab    model.Vocabularies
	Projects []*model.Project // sorted by ID
	// Files lists the other files of each project folder (images,
	// attachments), by project ID, sorted.
	Files map[string][]string
}

// Project returns the project with the id, or nil.
func (s *Site) Project(id string) *model.Project {
	i, ok := slices.BinarySearchFunc(s.Projects, id, func(p *model.Project, id string) int { return strings.Compare(p.ID, id) })
	if !ok {
		return nil
	}
	return s.Projects[i]
}

// HasPractice reports whether a good practice is described of the project.
// The listings' "has a good practice" facet asks it. No site has practices
// yet: the good-practices library (issue 5) answers from its practices'
// links to projects here.
func (s *Site) HasPractice(p *model.Project) bool { return false }

// Load reads the content folder of fsys. Problems are added to diags; the
// returned Site holds what could be read.
func Load(ctx context.Context, fsys fs.FS, cfg config.Config, now time.Time, diags *diag.List) (*Site, error) {
	site := &Site{Config: cfg, Now: now, Files: map[string][]string{}}
	if _, err := fs.Stat(fsys, ContentDir); err != nil {
		diags.Addf(diag.Pos{File: ContentDir}, "", "create content/projects/<name>/index.fi.md, or give the site folder with -source", "the site has no content folder")
		return site, nil
	}
	site.Vocab = loadVocabularies(fsys, cfg.Languages, diags)
	if err := site.loadProjects(ctx, fsys, diags); err != nil {
		return nil, err
	}
	return site, nil
}

func loadVocabularies(fsys fs.FS, langs []string, diags *diag.List) model.Vocabularies {
	vs := model.Vocabularies{}
	known := map[string]bool{}
	for _, name := range model.VocabNames() {
		for _, ext := range source.DataExts() {
			file := VocabulariesDir + "/" + name + ext
			src, err := fs.ReadFile(fsys, file)
			if err != nil {
				continue
			}
			known[path.Base(file)] = true
			vs[name] = model.LoadVocabulary(file, src, langs, vs, diags)
			break
		}
	}
	entries, _ := fs.ReadDir(fsys, VocabulariesDir)
	for _, e := range entries {
		if known[e.Name()] || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		hint := "the vocabularies are " + strings.Join(model.VocabNames(), ", ")
		if vs[strings.TrimSuffix(e.Name(), path.Ext(e.Name()))] != nil {
			hint = "the vocabulary is already read from another file; keep one"
		}
		diags.Addf(diag.Pos{File: VocabulariesDir + "/" + e.Name()}, "", hint, "vitrin does not read this file")
	}
	return vs
}

// job is one project language file to read.
type job struct {
	dir, name, lang string
	files           map[string]bool
}

func (s *Site) loadProjects(ctx context.Context, fsys fs.FS, diags *diag.List) error {
	entries, err := fs.ReadDir(fsys, ProjectsDir)
	if err != nil {
		if errorsIsNotExist(err) {
			return nil
		}
		return err
	}
	langs := s.Config.Languages
	var jobs []job
	for _, e := range entries {
		name := e.Name()
		p := ProjectsDir + "/" + name
		if strings.HasPrefix(name, ".") {
			continue
		}
		if !e.IsDir() {
			diags.Addf(diag.Pos{File: p}, "", "put each project in a folder of its own: content/projects/<name>/index.fi.md", "a file directly in content/projects")
			continue
		}
		if model.CheckSlug(name) != nil {
			diags.Addf(diag.Pos{File: p}, "", "rename the folder to "+model.SuggestSlug(name), "the folder name %q cannot be a project id: use lowercase letters a–z, digits and hyphens", name)
			continue
		}
		files, err := fs.ReadDir(fsys, p)
		if err != nil {
			return err
		}
		names := map[string]bool{}
		for _, f := range files {
			if f.Type().IsRegular() && !strings.HasPrefix(f.Name(), ".") {
				names[f.Name()] = true
			}
		}
		var found bool
		for _, f := range files {
			fname := f.Name()
			if !names[fname] {
				continue
			}
			lang := model.FileLang(fname)
			switch {
			case lang != "" && slices.Contains(langs, lang):
				jobs = append(jobs, job{dir: p, name: fname, lang: lang, files: names})
				found = true
			case lang != "":
				diags.Addf(diag.Pos{File: p + "/" + fname}, "", "the site's languages are "+strings.Join(langs, ", ")+" (vitrin.yaml, languages)", "%s is not a language of the site", lang)
			case strings.HasSuffix(fname, ".md"):
				diags.Addf(diag.Pos{File: p + "/" + fname}, "", "name the file index.<language>.md, such as index.fi.md", "vitrin reads only index.<language>.md files in a project folder")
			default:
				s.Files[name] = append(s.Files[name], fname)
			}
		}
		if !found {
			diags.Addf(diag.Pos{File: p}, "", "add index.fi.md (or .et.md, .sv.md) with the project's front matter", "the project folder has no language file")
		}
	}

	decoded := make([]*model.File, len(jobs))
	workers := min(runtime.GOMAXPROCS(0), max(len(jobs), 1))
	next := make(chan int)
	var wg sync.WaitGroup
	var readErr error
	var errOnce sync.Once
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				j := jobs[i]
				file := j.dir + "/" + j.name
				src, err := fs.ReadFile(fsys, file)
				if err != nil {
					errOnce.Do(func() { readErr = err })
					continue
				}
				doc := source.Parse(file, src, diags)
				decoded[i] = model.DecodeFile(doc, j.lang, langs, j.files, s.Vocab, diags)
			}
		}()
	}
feed:
	for i := range jobs {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return err
	}
	if readErr != nil {
		return readErr
	}

	// Join each folder's files, in folder order.
	for i := 0; i < len(jobs); {
		j := i
		for j < len(jobs) && jobs[j].dir == jobs[i].dir {
			j++
		}
		if p := s.join(jobs[i:j], decoded[i:j], diags); p != nil {
			s.Projects = append(s.Projects, p)
		}
		i = j
	}
	slices.SortFunc(s.Projects, func(a, b *model.Project) int { return strings.Compare(a.ID, b.ID) })
	return nil
}

// join finds a folder's original and merges its translations into it.
func (s *Site) join(jobs []job, files []*model.File, diags *diag.List) *model.Project {
	dir := jobs[0].dir
	id := path.Base(dir)
	var original *model.File
	var translations []*model.File
	for _, f := range files {
		if f == nil {
			return nil // its errors are reported
		}
		if f.TranslationOf != "" {
			translations = append(translations, f)
			continue
		}
		if original != nil {
			diags.Addf(diag.Pos{File: f.Doc.Path, Line: 1, Col: 1}, "translation_of",
				fmt.Sprintf("a project's facts are written once: if this file is a translation, add translation_of: %s", original.Lang),
				"both %s and this file are written as originals", path.Base(original.Doc.Path))
			return nil
		}
		original = f
	}
	if original == nil {
		diags.Addf(diag.Pos{File: dir}, "", "remove translation_of from the file written first, which holds the facts",
			"every file of the project is marked as a translation")
		return nil
	}
	for _, t := range translations {
		if t.TranslationOf != original.Lang {
			diags.Addf(t.Doc.Front.Get("translation_of").Pos, "translation_of", "write translation_of: "+original.Lang,
				"the original of this project is %s, not index.%s.md", path.Base(original.Doc.Path), t.TranslationOf)
			return nil
		}
	}
	// Translations in site language order.
	slices.SortFunc(translations, func(a, b *model.File) int {
		return slices.Index(s.Config.Languages, a.Lang) - slices.Index(s.Config.Languages, b.Lang)
	})
	return model.Merge(id, dir, original, translations, diags)
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
