package publish

import (
	"errors"
	"fmt"
	"hash/maphash"
	"io/fs"
	"maps"
	"slices"
	"sync"
)

// Keeper is a Sink that can carry a file of the previous build over
// unchanged, so that a rebuild writes only what changed. A renderer names
// each file with a fingerprint of what it is made from: Keep carries the
// file over when the previous build made it from the same, and reports
// whether it did; otherwise the fingerprint is kept for the file the
// renderer writes next under that name.
type Keeper interface {
	Keep(name string, fingerprint uint64) bool
}

// Carrier is a Keeper that can carry every file of the previous build
// over at once (see Memory.Carry), and drop one of them again.
type Carrier interface {
	Keeper
	Carry()
	Drop(name string)
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
	fp   uint64 // what the renderer made it from; 0 when it did not say
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
// previous set; the files no build wrote or kept are gone. The files are
// spread over shards, each with its own lock, so that the workers of a
// build seldom wait for each other.
type Memory struct {
	seed   maphash.Seed
	shards [shards]shard
}

const shards = 32

type shard struct {
	mu    sync.RWMutex
	files map[string]*entry
	prev  map[string]*entry // the previous generation, while one is written
	// shared says that a snapshot holds files (or prev): the next change
	// copies the map first.
	shared, prevShared bool
}

// own makes sh.files the shard's own before a change. The caller holds
// the lock.
func (sh *shard) own() {
	if sh.shared {
		sh.files, sh.shared = maps.Clone(sh.files), false
	}
}

// NewMemory returns an empty Memory.
func NewMemory() *Memory {
	m := &Memory{seed: maphash.MakeSeed()}
	for i := range m.shards {
		m.shards[i].files = map[string]*entry{}
	}
	return m
}

func (m *Memory) shard(name string) *shard {
	return &m.shards[maphash.String(m.seed, name)%shards]
}

// Begin starts a new generation: the files written or kept from now on are
// the whole site.
func (m *Memory) Begin() {
	for i := range m.shards {
		sh := &m.shards[i]
		sh.mu.Lock()
		sh.prev, sh.files = sh.files, make(map[string]*entry, len(sh.files))
		sh.prevShared, sh.shared = sh.shared, false
		sh.mu.Unlock()
	}
}

// Carry fills the generation being written with every file of the
// previous one, fingerprints and all: a renderer that knows which files
// did not change writes only the others. Call it right after Begin.
func (m *Memory) Carry() {
	for i := range m.shards {
		sh := &m.shards[i]
		sh.mu.Lock()
		if sh.prev != nil {
			// Shared with prev, which Abort and Keep still read: the
			// first change to the shard copies it.
			sh.files, sh.shared = sh.prev, true
		}
		sh.mu.Unlock()
	}
}

// Drop removes a file from the generation being written.
func (m *Memory) Drop(name string) {
	sh := m.shard(name)
	sh.mu.Lock()
	sh.own()
	delete(sh.files, name)
	sh.mu.Unlock()
}

// Abort drops the generation being written and returns to the previous one.
func (m *Memory) Abort() {
	for i := range m.shards {
		sh := &m.shards[i]
		sh.mu.Lock()
		if sh.prev != nil {
			sh.files, sh.prev = sh.prev, nil
			sh.shared = sh.prevShared
		}
		sh.mu.Unlock()
	}
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
	sh := m.shard(name)
	sh.mu.Lock()
	sh.own()
	if old, ok := sh.files[name]; ok {
		e.fp = old.fp // from Keep, in this generation
	}
	sh.files[name] = e
	sh.mu.Unlock()
	return nil
}

// Keep implements Keeper.
func (m *Memory) Keep(name string, fingerprint uint64) bool {
	sh := m.shard(name)
	sh.mu.Lock()
	defer sh.mu.Unlock()
	sh.own()
	if e, ok := sh.prev[name]; ok && e.fp == fingerprint && fingerprint != 0 {
		sh.files[name] = e
		return true
	}
	sh.files[name] = &entry{fp: fingerprint, make: func() ([]byte, error) {
		return nil, fmt.Errorf("%s: the renderer did not write it", name)
	}}
	return false
}

// Snapshot returns the current files. Later writes do not change it: the
// snapshot shares the shards' maps, and the next change to a shard copies
// its map first. After a Begin a build writes new maps, so taking a
// snapshot of each build costs nothing.
func (m *Memory) Snapshot() *Snapshot {
	s := &Snapshot{seed: m.seed}
	for i := range m.shards {
		sh := &m.shards[i]
		sh.mu.Lock()
		s.shards[i], sh.shared = sh.files, true
		sh.mu.Unlock()
	}
	return s
}

// File returns a file's contents.
func (m *Memory) File(name string) ([]byte, bool) {
	sh := m.shard(name)
	sh.mu.RLock()
	e, ok := sh.files[name]
	sh.mu.RUnlock()
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
	seed   maphash.Seed
	shards [shards]map[string]*entry
}

func (s *Snapshot) entry(name string) (*entry, bool) {
	e, ok := s.shards[maphash.String(s.seed, name)%shards][name]
	return e, ok
}

// SnapshotOf returns a snapshot of files: name → contents.
func SnapshotOf(files map[string][]byte) *Snapshot {
	s := &Snapshot{seed: maphash.MakeSeed()}
	for i := range s.shards {
		s.shards[i] = map[string]*entry{}
	}
	for name, b := range files {
		s.shards[maphash.String(s.seed, name)%shards][name] = ready(b)
	}
	return s
}

// File returns a file's contents, making it if it is lazy; fs.ErrNotExist
// when the site has no such file.
func (s *Snapshot) File(name string) ([]byte, error) {
	e, ok := s.entry(name)
	if !ok {
		return nil, fmt.Errorf("%s: %w", name, fs.ErrNotExist)
	}
	return e.get()
}

// Has reports whether the site has a file, without making it.
func (s *Snapshot) Has(name string) bool {
	_, ok := s.entry(name)
	return ok
}

// Names returns the names of every file, sorted.
func (s *Snapshot) Names() []string {
	names := make([]string, 0, s.Len())
	for _, m := range s.shards {
		for name := range m {
			names = append(names, name)
		}
	}
	slices.Sort(names)
	return names
}

// Len returns the number of files.
func (s *Snapshot) Len() int {
	n := 0
	for _, m := range s.shards {
		n += len(m)
	}
	return n
}

// Files returns every file, lazy ones made.
func (s *Snapshot) Files() (map[string][]byte, error) {
	out := make(map[string][]byte, s.Len())
	var errs []error
	for _, m := range s.shards {
		for name, e := range m {
			b, err := e.get()
			if err != nil {
				errs = append(errs, err)
			}
			out[name] = b
		}
	}
	return out, errors.Join(errs...)
}

// Same reports whether a file is the very one of another snapshot: kept
// over, not written again.
func (s *Snapshot) Same(o *Snapshot, name string) bool {
	if o == nil {
		return false
	}
	a, ok := s.entry(name)
	b, _ := o.entry(name)
	return ok && a == b
}
