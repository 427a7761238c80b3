// Package watch follows a site folder for the development server: it
// watches the folder with fsnotify, recursively and also into folders
// created later, batches bursts of events into one change, and keeps the
// files it has read in memory until they change, so that a rebuild reads
// only what was edited.
package watch

import (
	"io/fs"
	"strings"
	"sync"
)

// FS is an fs.FS over another that remembers what it read: file contents,
// folder listings and file information. Forget drops what a change
// touched. The development server reads the site through it, so a rebuild
// after an edit reads one file instead of thousands, and an unchanged file
// is the very same slice as before, which the catalog's cache recognises
// at once.
type FS struct {
	fsys  fs.FS
	mu    sync.RWMutex
	files map[string][]byte
	dirs  map[string][]fs.DirEntry
	stats map[string]fs.FileInfo
	// folders holds every folder above a remembered path, so that Forget
	// knows when a path was a folder with remembered things in it.
	folders map[string]bool
}

// NewFS returns an FS that remembers what it reads of fsys.
func NewFS(fsys fs.FS) *FS {
	return &FS{fsys: fsys, files: map[string][]byte{}, dirs: map[string][]fs.DirEntry{}, stats: map[string]fs.FileInfo{}, folders: map[string]bool{}}
}

// above records the folders above a path; c.mu is held.
func (c *FS) above(p string) {
	for {
		i := strings.LastIndexByte(p, '/')
		if i < 0 || c.folders[p[:i]] {
			return
		}
		p = p[:i]
		c.folders[p] = true
	}
}

// Open opens a file of the underlying FS; it is not remembered.
func (c *FS) Open(name string) (fs.File, error) { return c.fsys.Open(name) }

// ReadFile implements fs.ReadFileFS. The slice returned must not be
// changed.
func (c *FS) ReadFile(name string) ([]byte, error) {
	c.mu.RLock()
	b, ok := c.files[name]
	c.mu.RUnlock()
	if ok {
		return b, nil
	}
	b, err := fs.ReadFile(c.fsys, name)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.files[name] = b
	c.above(name)
	c.mu.Unlock()
	return b, nil
}

// ReadDir implements fs.ReadDirFS.
func (c *FS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.mu.RLock()
	d, ok := c.dirs[name]
	c.mu.RUnlock()
	if ok {
		return d, nil
	}
	d, err := fs.ReadDir(c.fsys, name)
	if err != nil {
		return nil, err
	}
	// Remember the information of each entry now: a DirEntry reads it
	// lazily, from a file that may have changed since.
	entries := make([]fs.DirEntry, len(d))
	for i, e := range d {
		info, err := e.Info()
		if err != nil {
			return nil, err
		}
		entries[i] = fs.FileInfoToDirEntry(info)
	}
	c.mu.Lock()
	c.dirs[name] = entries
	c.above(name + "/.")
	c.mu.Unlock()
	return entries, nil
}

// Stat implements fs.StatFS.
func (c *FS) Stat(name string) (fs.FileInfo, error) {
	c.mu.RLock()
	s, ok := c.stats[name]
	c.mu.RUnlock()
	if ok {
		return s, nil
	}
	s, err := fs.Stat(c.fsys, name)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.stats[name] = s
	c.above(name)
	c.mu.Unlock()
	return s, nil
}

// Forget drops what the FS remembers of the paths (slash-separated,
// relative to the FS) and of everything under them, and the listings of
// their folders.
func (c *FS) Forget(paths ...string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, p := range paths {
		parent := "."
		if i := strings.LastIndexByte(p, '/'); i >= 0 {
			parent = p[:i]
		}
		delete(c.dirs, parent)
		delete(c.stats, parent)
		wasDir := c.folders[p]
		delete(c.folders, p)
		delete(c.files, p)
		delete(c.dirs, p)
		delete(c.stats, p)
		if !wasDir {
			// A file, or a path never read: forgetting its folder's
			// listing is enough.
			continue
		}
		// A folder was removed or renamed: forget what was under it.
		prefix := p + "/"
		for k := range c.files {
			if strings.HasPrefix(k, prefix) {
				delete(c.files, k)
			}
		}
		for k := range c.dirs {
			if strings.HasPrefix(k, prefix) {
				delete(c.dirs, k)
			}
		}
		for k := range c.stats {
			if strings.HasPrefix(k, prefix) {
				delete(c.stats, k)
			}
		}
		for k := range c.folders {
			if strings.HasPrefix(k, prefix) {
				delete(c.folders, k)
			}
		}
	}
}
