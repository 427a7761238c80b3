package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"sync"
)

// Keeper is a Sink that can carry a file of the previous build over
// unchanged, so that a rebuild writes only what changed. Keep reports
// whether it had the file.
type Keeper interface {
	Keep(name string) bool
}

// LazyWriter is a Sink that takes a file whose contents are made when they
// are first read: the development server makes the large indexes only when
// a browser asks for them.
type LazyWriter interface {
	WriteLazy(name string, make func() ([]byte, error)) error
}

// WriteLazy hands a file to a sink: lazily when the sink takes that,
// otherwise made and written now.
func WriteLazy(s Sink, name string, make func() ([]byte, error)) error {
	if lw, ok := s.(LazyWriter); ok {
		return lw.WriteLazy(name, make)
	}
	b, err := make()
	if err != nil {
		return err
	}
	return s.Write(name, b)
}

// entry is a file in memory, made at most once.
type entry struct {
	once sync.Once
	make func() ([]byte, error)
	data []byte
	err  error
}

func (e *entry) get() ([]byte, error) {
	e.once.Do(func() {
		if e.make != nil {
			e.data, e.err = e.make()
			e.make = nil
		}
	})
	return e.data, e.err
}

func ready(data []byte) *entry {
	e := &entry{data: data}
	e.once.Do(func() {})
	return e
}

// Memory is a Sink that keeps the files in memory. It holds generations:
// Begin starts a new set of files, into which Keep carries files of the
// previous set; the files no build wrote or kept are gone.
type Memory struct {
	mu    sync.RWMutex
	files map[string]*entry
	prev  map[string]*entry // the previous generation, while one is written
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory { return &Memory{files: map[string]*entry{}} }

// Begin starts a new generation: the files written or kept from now on are
// the whole site.
func (m *Memory) Begin() {
	m.mu.Lock()
	m.prev, m.files = m.files, make(map[string]*entry, len(m.files))
	m.mu.Unlock()
}

// Abort drops the generation being written and returns to the previous one.
func (m *Memory) Abort() {
	m.mu.Lock()
	if m.prev != nil {
		m.files, m.prev = m.prev, nil
	}
	m.mu.Unlock()
}

// Write implements Sink.
func (m *Memory) Write(name string, data []byte) error {
	return m.put(name, ready(data))
}

// WriteLazy implements LazyWriter.
func (m *Memory) WriteLazy(name string, make func() ([]byte, error)) error {
	return m.put(name, &entry{make: make})
}

func (m *Memory) put(name string, e *entry) error {
	if err := checkName(name); err != nil {
		return err
	}
	m.mu.Lock()
	m.files[name] = e
	m.mu.Unlock()
	return nil
}

// Keep implements Keeper.
func (m *Memory) Keep(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	e, ok := m.prev[name]
	if ok {
		m.files[name] = e
	}
	return ok
}

// Snapshot returns the current files. Later writes do not change it.
func (m *Memory) Snapshot() *Snapshot {
	m.mu.RLock()
	defer m.mu.RUnlock()
	return &Snapshot{files: maps.Clone(m.files)}
}

// File returns a file's contents.
func (m *Memory) File(name string) ([]byte, bool) {
	m.mu.RLock()
	e, ok := m.files[name]
	m.mu.RUnlock()
	if !ok {
		return nil, false
	}
	b, err := e.get()
	return b, err == nil
}

// Names returns the names of every file, sorted.
func (m *Memory) Names() []string { return m.Snapshot().Names() }

// Files returns the files as a name → contents map, every lazy file made.
func (m *Memory) Files() map[string][]byte {
	files, err := m.Snapshot().Files()
	if err != nil {
		panic(err) // a lazy file that cannot be made is a bug in the renderer
	}
	return files
}

// A Snapshot is the files of one build, read by the development server
// while the next build is written.
type Snapshot struct {
	files map[string]*entry
}

// SnapshotOf returns a snapshot of files: name → contents.
func SnapshotOf(files map[string][]byte) *Snapshot {
	s := &Snapshot{files: make(map[string]*entry, len(files))}
	for name, b := range files {
		s.files[name] = ready(b)
	}
	return s
}

// File returns a file's contents, making it if it is lazy; fs.ErrNotExist
// when the site has no such file.
func (s *Snapshot) File(name string) ([]byte, error) {
	e, ok := s.files[name]
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	return e.get()
}

// Has reports whether the site has a file, without making it.
func (s *Snapshot) Has(name string) bool {
	_, ok := s.files[name]
	return ok
}

// Names returns the names of every file, sorted.
func (s *Snapshot) Names() []string { return slices.Sorted(maps.Keys(s.files)) }

// Len returns the number of files.
func (s *Snapshot) Len() int { return len(s.files) }

// Files returns every file, lazy ones made.
func (s *Snapshot) Files() (map[string][]byte, error) {
	out := make(map[string][]byte, len(s.files))
	var errs []error
	for name, e := range s.files {
		b, err := e.get()
		if err != nil {
			errs = append(errs, err)
		}
		out[name] = b
	}
	return out, errors.Join(errs...)
}

// Same reports whether a file is the very one of another snapshot: kept
// over, not written again.
func (s *Snapshot) Same(o *Snapshot, name string) bool {
	a, ok := s.files[name]
	return ok && o != nil && o.files[name] == a
}
