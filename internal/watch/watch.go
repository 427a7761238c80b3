package watch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/fsnotify/fsnotify"
)

// Options say what to watch.
type Options struct {
	Root string // the site folder
	// Trees are the folders under Root watched with everything in them,
	// such as content and themes; Root itself is watched for its own
	// files (the configuration) and for trees created later.
	Trees []string
	// Quiet is how long the folder must be quiet before a batch is
	// reported; Max is the longest a batch waits.
	Quiet, Max time.Duration
}

// A Watcher reports changes under a site folder in batches: an editor
// that saves through a temporary file and a rename, a git checkout or 200
// files copied in make one batch each.
type Watcher struct {
	opts    Options
	fw      *fsnotify.Watcher
	changes chan []string
	errs    chan error
}

// New starts watching.
func New(o Options) (*Watcher, error) {
	if o.Quiet <= 0 {
		o.Quiet = 10 * time.Millisecond
	}
	if o.Max <= 0 {
		o.Max = time.Second
	}
	fw, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, err
	}
	w := &Watcher{opts: o, fw: fw, changes: make(chan []string), errs: make(chan error, 16)}
	if err := fw.Add(o.Root); err != nil {
		fw.Close()
		return nil, err
	}
	for _, t := range o.Trees {
		if _, err := w.addTree(filepath.Join(o.Root, filepath.FromSlash(t))); err != nil {
			fw.Close()
			return nil, err
		}
	}
	return w, nil
}

// Changes delivers batches of changed paths, relative to the root and
// slash-separated, sorted, each once.
func (w *Watcher) Changes() <-chan []string { return w.changes }

// Errors delivers problems of watching that do not stop it.
func (w *Watcher) Errors() <-chan error { return w.errs }

// addTree watches a folder and every folder under it, and returns the
// files in them: when a folder is created with files already in it, they
// are changes too.
func (w *Watcher) addTree(dir string) ([]string, error) {
	var files []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if errors.Is(err, fs.ErrNotExist) {
				return nil
			}
			return err
		}
		if p != dir && ignored(d.Name()) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			files = append(files, p)
			return nil
		}
		if err := w.fw.Add(p); err != nil {
			if errors.Is(err, syscall.ENOSPC) {
				return fmt.Errorf("cannot watch %s: the system allows no more watched folders; raise it with sudo sysctl fs.inotify.max_user_watches=524288", p)
			}
			return fmt.Errorf("cannot watch %s: %w", p, err)
		}
		return nil
	})
	return files, err
}

// ignored names are files editors and tools keep beside the real ones:
// hidden files, backups, swap files.
func ignored(name string) bool {
	return strings.HasPrefix(name, ".") || strings.HasSuffix(name, "~") || name == "4913" ||
		strings.HasSuffix(name, ".swp") || strings.HasSuffix(name, ".swx") || strings.HasSuffix(name, ".tmp")
}

// inTree reports whether a path (relative) is in a watched tree.
func (w *Watcher) inTree(rel string) bool {
	for _, t := range w.opts.Trees {
		if rel == t || strings.HasPrefix(rel, t+"/") {
			return true
		}
	}
	return false
}

// Run watches until ctx ends, then closes the watcher.
func (w *Watcher) Run(ctx context.Context) {
	defer w.fw.Close()
	pending := map[string]bool{}
	var first time.Time
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	ready := false
	for {
		var send chan<- []string
		var batch []string
		if ready && len(pending) > 0 {
			send = w.changes
			batch = sortedKeys(pending)
		}
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.fw.Events:
			if !ok {
				return
			}
			for _, p := range w.event(ev) {
				pending[p] = true
			}
			if len(pending) == 0 {
				continue
			}
			if first.IsZero() {
				first = time.Now()
			}
			ready = false
			wait := min(w.opts.Quiet, max(0, w.opts.Max-time.Since(first)))
			quiet.Reset(wait)
		case err, ok := <-w.fw.Errors:
			if !ok {
				return
			}
			w.report(err)
		case <-quiet.C:
			ready = true
		case send <- batch:
			clear(pending)
			first = time.Time{}
			ready = false
		}
	}
}

func (w *Watcher) report(err error) {
	select {
	case w.errs <- err:
	default:
	}
}

// event turns an fsnotify event into the changed paths, relative to the
// root; a folder created in a tree is watched from now on, with its files.
func (w *Watcher) event(ev fsnotify.Event) []string {
	if ev.Op == fsnotify.Chmod {
		return nil
	}
	rel, err := filepath.Rel(w.opts.Root, ev.Name)
	if err != nil || strings.HasPrefix(rel, "..") {
		return nil
	}
	rel = filepath.ToSlash(rel)
	top := !strings.Contains(rel, "/")
	if ignored(filepath.Base(ev.Name)) {
		return nil
	}
	if !w.inTree(rel) {
		// At the top only the site's own files count; a tree created
		// later (themes/ after start) is watched from then on.
		if !top {
			return nil
		}
	}
	out := []string{rel}
	if ev.Has(fsnotify.Create) {
		if info, err := os.Stat(ev.Name); err == nil && info.IsDir() {
			if !w.inTree(rel) {
				return nil // a folder at the top that is not a tree, such as public/
			}
			files, err := w.addTree(ev.Name)
			if err != nil {
				w.report(err)
			}
			for _, f := range files {
				if r, err := filepath.Rel(w.opts.Root, f); err == nil {
					out = append(out, filepath.ToSlash(r))
				}
			}
		}
	}
	return out
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
