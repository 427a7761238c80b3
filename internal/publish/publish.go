// Package publish writes a built site: to a folder that replaces the
// previous output in one step, to memory for the development server, or to
// nowhere for a check. A Minifier in front of any of them minifies each
// file by its media type in the goroutine that writes it.
package publish

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
)

// Sink receives the files of a site. Write may be called from several
// goroutines at once; name is a slash-separated path such as
// "fi/hankkeet/osku/index.html".
type Sink interface {
	Write(name string, data []byte) error
}

// Borrower is a Sink that may say it is done with the data of a Write when
// the Write returns, so that the caller may reuse the bytes. A sink that
// keeps them (the development server's memory) is no Borrower, or says
// false.
type Borrower interface {
	Sink
	Borrows() bool
}

// PartWriter is a Sink that prepares, once, the pieces many files repeat
// (a project's card is on every listing page that shows it), so that it
// need not process them again in each file that holds them: a Minifier
// minifies them.
type PartWriter interface {
	Sink
	// Part prepares a piece of files of the kind of name.
	Part(name string, fragment []byte) ([]byte, error)
	// WriteParts writes a file whose bytes have PartMarker where each
	// of the prepared parts goes, in order.
	WriteParts(name string, data []byte, parts []string) error
	// WriteMinified writes a file as WriteParts does, from data that is
	// already as the sink would make it.
	WriteMinified(name string, data []byte, parts []string) error
}

// PartMarker stands in a file for a part that WriteParts puts in. It is an
// element that vitrin's themes do not write and html/template escapes in
// any text it inserts, and a minifier leaves it as it is.
const PartMarker = "<vitrin-part></vitrin-part>"

// Splice appends to dst data with each PartMarker in it replaced by the
// next of parts. Markers and parts must match one to one.
func Splice(dst, data []byte, parts []string) ([]byte, error) {
	for n, p := range parts {
		i := bytes.Index(data, []byte(PartMarker))
		if i < 0 {
			return nil, fmt.Errorf("%d parts for %d places", len(parts), n)
		}
		dst = append(append(dst, data[:i]...), p...)
		data = data[i+len(PartMarker):]
	}
	if len(parts) > 0 && bytes.Contains(data, []byte(PartMarker)) {
		return nil, fmt.Errorf("%d parts for more places", len(parts))
	}
	return append(dst, data...), nil
}

// checkName rejects names that would escape the output folder.
func checkName(name string) error {
	if !fs.ValidPath(name) || name == "." {
		return fmt.Errorf("publish: invalid output path %q", name)
	}
	return nil
}

// Discard is a Sink that keeps nothing; vitrin check renders into it.
type Discard struct{}

// Write implements Sink.
func (Discard) Write(name string, _ []byte) error { return checkName(name) }

// Borrows implements Borrower: Discard keeps nothing.
func (Discard) Borrows() bool { return true }

// Borrows implements Borrower: a Dir has written the data to its file
// when Write returns.
func (d *Dir) Borrows() bool { return true }

// Dir is a Sink that writes into a temporary folder next to the
// destination and, on Commit, puts it in the destination's place, so that a
// failed build leaves the previous output as it was.
type Dir struct {
	dest string
	tmp  string
	mu   sync.Mutex
	made map[string]bool // folders already created
}

// NewDir prepares to write the site to dest. It refuses a non-empty dest
// that does not look like a vitrin output, so that a wrong -dest cannot
// wipe an unrelated folder.
func NewDir(dest string) (*Dir, error) {
	dest = filepath.Clean(dest)
	if entries, err := os.ReadDir(dest); err == nil && len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(dest, OutputMarker)); err != nil {
			return nil, fmt.Errorf("%s holds files vitrin did not write (it has no %s); empty it or choose another -dest", dest, OutputMarker)
		}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	parent := filepath.Dir(dest)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dest)+".vitrin-")
	if err != nil {
		return nil, err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		return nil, err
	}
	return &Dir{dest: dest, tmp: tmp, made: map[string]bool{".": true}}, nil
}

// OutputMarker is a file every vitrin output has at its root.
const OutputMarker = "catalog.json"

// Write implements Sink.
func (d *Dir) Write(name string, data []byte) error {
	if err := checkName(name); err != nil {
		return err
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(d.tmp, filepath.FromSlash(name)), data, 0o644)
}

// mkdir makes the folder dir of the output and its parents. Most pages
// are index.html in a folder of their own whose parent was made for a
// page before, so one mkdir call is enough: MkdirAll would first stat the
// folder and its parent, a tenth of the time of writing the page.
func (d *Dir) mkdir(dir string) error {
	d.mu.Lock()
	made, parentMade := d.made[dir], d.made[path.Dir(dir)]
	d.mu.Unlock()
	if made {
		return nil
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(dir))
	err := os.ErrNotExist
	if parentMade {
		err = os.Mkdir(full, 0o755)
		if errors.Is(err, fs.ErrExist) {
			err = nil // another goroutine made it, or a file is in the way: WriteFile says which
		}
	}
	if err != nil {
		if err := os.MkdirAll(full, 0o755); err != nil {
			return err
		}
	}
	d.mu.Lock()
	for ; !d.made[dir]; dir = path.Dir(dir) {
		d.made[dir] = true // and its parents, which MkdirAll made
	}
	d.mu.Unlock()
	return nil
}

// Commit puts the written site in the destination's place. The previous
// output is replaced in one rename where the system allows it.
func (d *Dir) Commit() error {
	if _, err := os.Lstat(d.dest); errors.Is(err, fs.ErrNotExist) {
		return os.Rename(d.tmp, d.dest)
	}
	if err := exchange(d.tmp, d.dest); err == nil {
		return os.RemoveAll(d.tmp) // now holds the previous output
	}
	old := d.tmp + ".old"
	if err := os.Rename(d.dest, old); err != nil {
		return err
	}
	if err := os.Rename(d.tmp, d.dest); err != nil {
		_ = os.Rename(old, d.dest)
		return err
	}
	return os.RemoveAll(old)
}

// Abort removes what was written; the destination is left as it was.
func (d *Dir) Abort() error { return os.RemoveAll(d.tmp) }

// TempDir returns the folder being written, for tests.
func (d *Dir) TempDir() string { return d.tmp }

// Ext returns the lowercase extension of a name without its dot.
func Ext(name string) string {
	return strings.TrimPrefix(strings.ToLower(path.Ext(name)), ".")
}
