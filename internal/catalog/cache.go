package catalog

import (
	"bytes"
	"errors"
	"io/fs"
	"strings"
	"sync"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Cache remembers the folders a Load read, so that the next Load of the
// same site decodes again only the folders whose files changed. Load
// takes a nil Cache as an empty one. A Cache is used by one Load at a
// time.
type Cache struct {
	projects  folderCache[model.Project]
	practices folderCache[model.Practice]
	// changed is what changed since the last Load, when the caller knows
	// it (a watcher does): the folders outside it are not even listed
	// again. Nil means anything may have changed; so does anything.
	changed  map[string]bool
	anything bool
	// vocab is the vocabularies last read, by the digest of their files.
	vocab struct {
		sum   uint64
		vs    model.Vocabularies
		diags []diag.Diagnostic
	}
}

// Changed tells the cache which paths (slash-separated, relative to the
// site folder) changed since the last Load; the next Load reads only the
// folders they are in. Without a call, or when a path is above the
// folders, the next Load looks at every folder.
func (c *Cache) Changed(paths []string) {
	if c.anything || c.projects.prev == nil && c.practices.prev == nil {
		return // every folder is read anyway
	}
	if c.changed == nil {
		c.changed = map[string]bool{}
	}
	for _, p := range paths {
		dir, ok := folderOf(p)
		if !ok {
			c.changed, c.anything = nil, true
			return
		}
		c.changed[dir] = true
	}
}

// folderOf returns the project or practice folder a path is in, or false
// when it is above them (content/, content/projects/ itself).
func folderOf(p string) (string, bool) {
	for _, dir := range []string{ProjectsDir, PracticesDir} {
		rest, ok := strings.CutPrefix(p, dir+"/")
		if !ok {
			continue
		}
		if i := strings.IndexByte(rest, '/'); i >= 0 {
			rest = rest[:i]
		}
		return dir + "/" + rest, true
	}
	// Elsewhere: vocabularies (which change every folder's context), the
	// theme, the configuration. The folders themselves are as they were.
	return "", !strings.HasPrefix(ProjectsDir, p) && !strings.HasPrefix(PracticesDir, p)
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

// LetBodiesGo makes the cache's Loads keep no Markdown body: a Version
// says where its body starts in its file, and Body reads it again when a
// page or the search needs it. A build that no build follows does so:
// a national catalogue's bodies are hundreds of megabytes, which would
// otherwise wait in memory for their pages.
func (c *Cache) LetBodiesGo() { c.projects.lazy, c.practices.lazy = true, true }

// Body returns the Markdown body of a Version: the one it holds or, when
// the Load let it go, the one its file holds, read again from fsys. It is
// an error when the file is no longer the one the Load read: its facts
// and its body would not belong together.
func Body(fsys fs.FS, v model.Version) ([]byte, error) {
	if v.Body != nil || v.FileSum == 0 {
		return v.Body, nil
	}
	src, err := fs.ReadFile(fsys, v.Path)
	if err != nil {
		return nil, err
	}
	if len(src) < v.BodyAt || digest.Bytes(src) != v.FileSum {
		return nil, errChangedFile
	}
	return src[v.BodyAt:], nil
}

// errChangedFile is Body's error for a file that changed since the Load.
var errChangedFile = errors.New("the file changed while the site was being built")

// folderCache holds the folders of one kind, by folder.
type folderCache[T any] struct {
	mu         sync.Mutex
	context    uint64 // the vocabularies' keys and the languages the folders were read with
	labels     uint64 // the vocabularies' files, labels included
	prev, next map[string]*folderEntry[T]
	changed    map[string]bool // see Cache.changed
	lazy       bool            // see Cache.LetBodiesGo
}

// folderEntry is what reading one folder gave.
type folderEntry[T any] struct {
	listing listing
	names   []string // the language files
	sums    []uint64 // digests of their bytes: the bytes themselves are not kept
	others  uint64
	item    *T // nil when the folder has errors that leave no item
	diags   []diag.Diagnostic
}

// begin starts a Load. Folders read with other vocabulary keys or
// languages are read again; so are, when only the vocabularies' labels
// changed, the folders with problems, whose hints may name labels.
func (c *folderCache[T]) begin(context, labels uint64, changed map[string]bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.changed = changed
	switch {
	case c.context != context:
		c.prev, c.changed = nil, nil
	case c.labels != labels:
		prev := make(map[string]*folderEntry[T], len(c.prev))
		for dir, e := range c.prev {
			if len(e.diags) == 0 {
				prev[dir] = e
			}
		}
		c.prev = prev
	}
	c.context, c.labels = context, labels
	c.next = make(map[string]*folderEntry[T], len(c.prev))
}

// end keeps what this Load read for the next one: an entry depends only
// on the files it was read from, so a failed build keeps it too.
func (c *folderCache[T]) end() {
	c.mu.Lock()
	c.prev, c.next = c.next, nil
	c.mu.Unlock()
}

// unchanged returns the entry of a folder in which nothing changed since
// the last Load, as far as the caller said; nil when it must be read.
func (c *folderCache[T]) unchanged(dir string) *folderEntry[T] {
	if c.changed == nil || c.changed[dir] {
		return nil
	}
	return c.prev[dir]
}

// keepAll keeps the entries of the folders for the next Load.
func (c *folderCache[T]) keepAll(folders []*folder, entries []*folderEntry[T]) {
	c.mu.Lock()
	for i, e := range entries {
		c.next[folders[i].dir] = e
	}
	c.mu.Unlock()
}

// load reads a folder, or returns what the last Load read when its files
// are the same.
func (c *folderCache[T]) load(fsys fs.FS, s *Site, k folderKind[T], fo folder) (*folderEntry[T], error) {
	srcs := make([][]byte, len(fo.jobs))
	sums := make([]uint64, len(fo.jobs))
	for i, j := range fo.jobs {
		src, err := fs.ReadFile(fsys, fo.dir+"/"+j.name)
		if err != nil {
			return nil, err
		}
		srcs[i], sums[i] = src, digest.Bytes(src)
	}
	c.mu.Lock()
	old := c.prev[fo.dir]
	c.mu.Unlock()
	if old != nil && old.same(fo, sums) {
		return old, nil
	}

	var local diag.List
	decoded := make([]*model.File[T], len(fo.jobs))
	complete := true
	sum := digest.New("folder").Num(fo.others)
	for i, j := range fo.jobs {
		file := fo.dir + "/" + j.name
		sum.Str(j.name).Num(sums[i])
		doc := source.Parse(file, srcs[i], &local)
		decoded[i] = k.decode(doc, j.lang, s.Config.Languages, j.files, s.Vocab, &local)
		complete = complete && decoded[i] != nil
	}
	e := &folderEntry[T]{sums: sums, others: fo.others}
	for _, j := range fo.jobs {
		e.names = append(e.names, j.name)
	}
	if complete {
		if e.item = join(s.Config.Languages, k, fo, decoded, &local); e.item != nil {
			f := k.folder(e.item)
			f.Digest = sum.Sum()
			facts := digest.New("facts").Num(fo.others)
			for i, j := range fo.jobs {
				front := srcs[i]
				for vi := range f.Versions {
					v := &f.Versions[vi]
					if v.Lang == j.lang && bytes.HasSuffix(front, v.Body) {
						front = front[:len(front)-len(v.Body)]
						v.BodyAt, v.FileSum = len(front), sums[i]
					}
				}
				facts.Str(j.name).Num(digest.Bytes(front))
			}
			f.FactsDigest = facts.Sum()
			// The bodies were slices of the files: copied, they let the
			// front matter go, which is decoded and no longer needed.
			// Let go, Body reads them again.
			for i := range f.Versions {
				if c.lazy {
					f.Versions[i].Body = nil
				} else {
					f.Versions[i].Body = bytes.Clone(f.Versions[i].Body)
				}
			}
		}
	}
	e.diags = local.Items()
	return e, nil
}

// same reports whether a folder has the files the entry was read from.
func (e *folderEntry[T]) same(fo folder, sums []uint64) bool {
	if e.others != fo.others || len(e.names) != len(fo.jobs) {
		return false
	}
	for i, j := range fo.jobs {
		if e.names[i] != j.name || e.sums[i] != sums[i] {
			return false
		}
	}
	return true
}
