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
	"maps"
	"path"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// The folders of a site's content.
const (
	ContentDir      = "content"
	ProjectsDir     = "content/projects"
	PracticesDir    = "content/practices"
	VocabulariesDir = "content/vocabularies"
)

// Site is everything a site is built from.
type Site struct {
	Config    config.Config
	Now       time.Time
	Vocab     model.Vocabularies
	Projects  []*model.Project  // sorted by ID
	Practices []*model.Practice // sorted by ID
	// Files lists the other files of each project folder (images,
	// attachments), by project ID, sorted.
	Files map[string][]string
	// PracticeFiles lists the other files of each practice folder, by
	// practice ID, sorted.
	PracticeFiles map[string][]string
}

// Project returns the project with the id, or nil.
func (s *Site) Project(id string) *model.Project {
	return find(s.Projects, id, func(p *model.Project) string { return p.ID })
}

// Practice returns the practice with the id, or nil.
func (s *Site) Practice(id string) *model.Practice {
	return find(s.Practices, id, func(p *model.Practice) string { return p.ID })
}

// find returns the item with the id in items sorted by id, or nil.
func find[T any](items []*T, id string, idOf func(*T) string) *T {
	i, ok := slices.BinarySearchFunc(items, id, func(it *T, id string) int { return strings.Compare(idOf(it), id) })
	if !ok {
		return nil
	}
	return items[i]
}

// Load reads the content folder of fsys. Problems are added to diags; the
// returned Site holds what could be read.
// A cache lets a Load of the same site decode only what changed since the
// last; it may be nil.
func Load(ctx context.Context, fsys fs.FS, cfg config.Config, now time.Time, cache *Cache, diags *diag.List) (*Site, error) {
	if cache == nil {
		cache = NewCache()
	}
	site := &Site{Config: cfg, Now: now, Files: map[string][]string{}, PracticeFiles: map[string][]string{}}
	if _, err := fs.Stat(fsys, ContentDir); err != nil {
		diags.Addf(diag.Pos{File: ContentDir}, "", "create content/projects/<name>/index.fi.md, or give the site folder with -source", "the site has no content folder")
		return site, nil
	}
	var vocab uint64
	site.Vocab, vocab = loadVocabularies(fsys, cfg.Languages, cache, diags)
	// A folder is decoded against the vocabularies' keys and extra keys;
	// their labels matter only to the hints of a folder with problems. An
	// edit of labels alone, the usual edit of a vocabulary, then decodes
	// none of the folders without problems again.
	readWith := digest.New("context").Num(vocabKeys(site.Vocab))
	for _, l := range cfg.Languages {
		readWith.Str(l)
	}
	cache.projects.begin(readWith.Sum(), vocab, cache.changed)
	cache.practices.begin(readWith.Sum(), vocab, cache.changed)
	cache.changed, cache.anything = nil, false
	defer cache.projects.end()
	defer cache.practices.end()
	var err error
	site.Projects, err = loadFolders(ctx, fsys, site, folderKind[model.Project]{
		dir: ProjectsDir, noun: "project", decode: model.DecodeFile, merge: model.Merge, files: site.Files,
		folder: func(p *model.Project) *model.Folder { return &p.Folder },
		// LinkPractices copies a project whose practices change; the
		// others are the cache's, shared from build to build.
		fresh: func(p *model.Project) *model.Project { return p },
	}, &cache.projects, diags)
	if err != nil {
		return nil, err
	}
	site.Practices, err = loadFolders(ctx, fsys, site, folderKind[model.Practice]{
		dir: PracticesDir, noun: "practice", decode: model.DecodePracticeFile, merge: model.MergePractice, files: site.PracticeFiles,
		folder: func(p *model.Practice) *model.Folder { return &p.Folder },
		fresh:  func(p *model.Practice) *model.Practice { c := *p; return &c },
	}, &cache.practices, diags)
	if err != nil {
		return nil, err
	}
	model.LinkPractices(site.Practices, site.Projects, site.Vocab, diags)
	return site, nil
}

// loadVocabularies reads the vocabularies and returns them with a digest
// of their files. When the files are the ones the cache last read, their
// vocabularies and problems are the cache's.
func loadVocabularies(fsys fs.FS, langs []string, cache *Cache, diags *diag.List) (model.Vocabularies, uint64) {
	type vocabFile struct {
		name, file string
		src        []byte
	}
	var files []vocabFile
	sum := digest.New("vocabularies")
	for _, l := range langs {
		sum.Str(l)
	}
	known := map[string]bool{}
	for _, name := range model.VocabNames() {
		for _, ext := range source.DataExts() {
			file := VocabulariesDir + "/" + name + ext
			src, err := fs.ReadFile(fsys, file)
			if err != nil {
				continue
			}
			known[path.Base(file)] = true
			sum.Str(file).Num(digest.Bytes(src))
			files = append(files, vocabFile{name, file, src})
			break
		}
	}
	entries, _ := fs.ReadDir(fsys, VocabulariesDir)
	for _, e := range entries {
		sum.Str(e.Name())
	}
	key := sum.Sum()
	if c := &cache.vocab; c.vs != nil && c.sum == key {
		for _, d := range c.diags {
			diags.Add(d)
		}
		return c.vs, key
	}
	var found diag.List
	vs := model.Vocabularies{}
	for _, f := range files {
		vs[f.name] = model.LoadVocabulary(f.file, f.src, langs, vs, &found)
	}
	for _, e := range entries {
		if known[e.Name()] || strings.HasPrefix(e.Name(), ".") {
			continue
		}
		hint := "the vocabularies are " + strings.Join(model.VocabNames(), ", ")
		if vs[strings.TrimSuffix(e.Name(), path.Ext(e.Name()))] != nil {
			hint = "the vocabulary is already read from another file; keep one"
		}
		found.Addf(diag.Pos{File: VocabulariesDir + "/" + e.Name()}, "", hint, "vitrin does not read this file")
	}
	cache.vocab.sum, cache.vocab.vs, cache.vocab.diags = key, vs, found.Items()
	diags.Merge(&found)
	return vs, key
}

// vocabKeys is a digest of what decoding a folder takes from the
// vocabularies: their files and terms' keys and extra keys, not labels.
func vocabKeys(vs model.Vocabularies) uint64 {
	h := digest.New("vocabulary keys")
	for _, name := range slices.Sorted(maps.Keys(vs)) {
		v := vs[name]
		h.Str(name).Str(v.File).Int(len(v.Terms))
		for _, t := range v.Terms {
			h.Str(t.Key).Int(len(t.Attrs))
			for _, a := range slices.Sorted(maps.Keys(t.Attrs)) {
				h.Str(a).Str(t.Attrs[a])
			}
		}
	}
	return h.Sum()
}

// folderKind says how to read one kind of content folder: a project or a
// practice.
type folderKind[T any] struct {
	dir    string // such as content/projects
	noun   string // "project", for messages
	decode func(doc *source.Document, lang string, langs []string, files map[string]bool, vs model.Vocabularies, diags *diag.List) *model.File[T]
	merge  func(id, dir string, original *model.File[T], translations []*model.File[T], diags *diag.List) *T
	files  map[string][]string // receives the other files of each folder, by id
	// folder returns an item's folder; fresh returns a copy of a cached
	// item that linking may change.
	folder func(*T) *model.Folder
	fresh  func(*T) *T
}

// folder is one content folder to read: its language files and the
// other files (images, attachments).
type folder struct {
	dir, id string
	jobs    []job
	others  uint64 // digest of the other files' names, sizes and times
}

// job is one language file to read.
type job struct {
	name, lang string
	files      map[string]bool // the folder's files
}

// readersPerCore is how many folders are read at once per core.
const readersPerCore = 8

// loadFolders reads every folder of a kind, the folders in parallel, and
// joins each folder's original with its translations. A folder whose
// files are the very ones the cache saw is not decoded again. The result
// is sorted by id.
func loadFolders[T any](ctx context.Context, fsys fs.FS, s *Site, k folderKind[T], c *folderCache[T], diags *diag.List) ([]*T, error) {
	entries, err := fs.ReadDir(fsys, k.dir)
	if err != nil {
		if errorsIsNotExist(err) {
			return nil, nil
		}
		return nil, err
	}
	langs := s.Config.Languages
	// found holds, per folder in name order, the cache's entry when
	// nothing in it changed, else what a worker read; skipped holds what
	// is wrong with a folder that has no language file.
	var dirs, ids []string
	var found []*folderEntry[T]
	for _, e := range entries {
		name := e.Name()
		p := k.dir + "/" + name
		if strings.HasPrefix(name, ".") {
			continue
		}
		if !e.IsDir() {
			diags.Addf(diag.Pos{File: p}, "", fmt.Sprintf("put each %s in a folder of its own: %s/<name>/index.fi.md", k.noun, k.dir), "a file directly in %s", k.dir)
			continue
		}
		if model.CheckSlug(name) != nil {
			diags.Addf(diag.Pos{File: p}, "", "rename the folder to "+model.SuggestSlug(name), "the folder name %q cannot be a %s id: use lowercase letters a–z, digits and hyphens", name, k.noun)
			continue
		}
		dirs, ids, found = append(dirs, p), append(ids, name), append(found, c.unchanged(p))
	}

	// Only the folders that changed go to the workers; in a rebuild that
	// is one or a few of thousands. A worker lists the folder's files and
	// reads them.
	var todo []int
	for i, old := range found {
		if old == nil {
			todo = append(todo, i)
		}
	}
	skipped := make([][]diag.Diagnostic, len(found))
	// A worker waits on the disk for each file it reads when the files
	// are not in the page cache (the first build after a checkout or a
	// reboot). More workers than cores keep the disk busy with several
	// reads at once while others parse; on a warm cache they only take
	// turns on the cores.
	workers := min(readersPerCore*runtime.GOMAXPROCS(0), max(len(todo), 1))
	next := make(chan int)
	var wg sync.WaitGroup
	var readErr error
	var errOnce sync.Once
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				l, err := list(fsys, k, dirs[i], ids[i], langs)
				if err == nil && len(l.folder.jobs) == 0 {
					skipped[i] = l.diags
					continue
				}
				var e *folderEntry[T]
				if err == nil {
					e, err = c.load(fsys, s, k, l.folder)
				}
				if err != nil {
					errOnce.Do(func() { readErr = err })
					continue
				}
				e.listing = l
				found[i] = e
			}
		}()
	}
feed:
	for _, i := range todo {
		select {
		case next <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if readErr != nil {
		return nil, readErr
	}
	for _, ds := range skipped {
		for _, d := range ds {
			diags.Add(d)
		}
	}
	found = slices.DeleteFunc(found, func(e *folderEntry[T]) bool { return e == nil })
	folders := make([]*folder, len(found))
	for i, e := range found {
		folders[i] = &e.listing.folder
	}
	kept := make([]*T, 0, len(found))
	c.keepAll(folders, found)
	for i, e := range found {
		if files := e.listing.others; len(files) > 0 {
			k.files[folders[i].id] = files
		}
		for _, d := range e.listing.diags {
			diags.Add(d)
		}
		for _, d := range e.diags {
			diags.Add(d)
		}
		if e.item != nil {
			kept = append(kept, k.fresh(e.item))
		}
	}
	// fs.ReadDir returns the folders sorted by name, so kept is sorted by id.
	return kept, nil
}

// listing is what a folder holds: its language files, the other files
// and what is wrong with them.
type listing struct {
	folder folder
	others []string // the files other than language files, sorted
	diags  []diag.Diagnostic
}

// list reads what a folder holds.
func list[T any](fsys fs.FS, k folderKind[T], p, name string, langs []string) (listing, error) {
	files, err := fs.ReadDir(fsys, p)
	if err != nil {
		return listing{}, err
	}
	names := map[string]bool{}
	for _, f := range files {
		if f.Type().IsRegular() && !strings.HasPrefix(f.Name(), ".") {
			names[f.Name()] = true
		}
	}
	l := listing{folder: folder{dir: p, id: name}}
	var diags diag.List
	others := digest.New("others")
	for _, f := range files {
		fname := f.Name()
		if !names[fname] {
			continue
		}
		lang := model.FileLang(fname)
		switch {
		case lang != "" && slices.Contains(langs, lang):
			l.folder.jobs = append(l.folder.jobs, job{name: fname, lang: lang, files: names})
		case lang != "":
			diags.Addf(diag.Pos{File: p + "/" + fname}, "", "the site's languages are "+strings.Join(langs, ", ")+" (vitrin.yaml, languages)", "%s is not a language of the site", lang)
		case strings.HasSuffix(fname, ".md"):
			diags.Addf(diag.Pos{File: p + "/" + fname}, "", "name the file index.<language>.md, such as index.fi.md", "vitrin reads only index.<language>.md files in a %s folder", k.noun)
		default:
			l.others = append(l.others, fname)
			others.Str(fname)
			if info, err := f.Info(); err == nil {
				others.Num(uint64(info.Size())).Num(uint64(info.ModTime().UnixNano()))
			}
		}
	}
	if len(l.folder.jobs) == 0 {
		diags.Addf(diag.Pos{File: p}, "", fmt.Sprintf("add index.fi.md (or .et.md, .sv.md) with the %s's front matter", k.noun), "the %s folder has no language file", k.noun)
	}
	l.folder.others = others.Sum()
	l.diags = diags.Items()
	return l, nil
}

// join finds a folder's original and merges its translations into it.
func join[T any](langs []string, k folderKind[T], fo folder, files []*model.File[T], diags *diag.List) *T {
	dir := fo.dir
	id := fo.id
	var original *model.File[T]
	var translations []*model.File[T]
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
				fmt.Sprintf("a %s's facts are written once: if this file is a translation, add translation_of: %s", k.noun, original.Lang),
				"both %s and this file are written as originals", path.Base(original.Doc.Path))
			return nil
		}
		original = f
	}
	if original == nil {
		diags.Addf(diag.Pos{File: dir}, "", "remove translation_of from the file written first, which holds the facts",
			"every file of the %s is marked as a translation", k.noun)
		return nil
	}
	for _, t := range translations {
		if t.TranslationOf != original.Lang {
			diags.Addf(t.Doc.Front.Get("translation_of").Pos, "translation_of", "write translation_of: "+original.Lang,
				"the original of this %s is %s, not index.%s.md", k.noun, path.Base(original.Doc.Path), t.TranslationOf)
			return nil
		}
	}
	// Translations in site language order.
	slices.SortFunc(translations, func(a, b *model.File[T]) int {
		return slices.Index(langs, a.Lang) - slices.Index(langs, b.Lang)
	})
	return k.merge(id, dir, original, translations, diags)
}

func errorsIsNotExist(err error) bool { return errors.Is(err, fs.ErrNotExist) }
