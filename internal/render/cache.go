package render

import (
	"sync"

	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/model"
	"github.com/vitrin-ssg/vitrin/internal/publish"
)

// Cache carries what one build learnt to the next one of the same site, so
// that a rebuild renders only the pages whose inputs changed. Every output
// records a fingerprint of everything it was made from; when a rebuild
// finds the same fingerprint and the sink still holds the file from the
// previous build (publish.Keeper), the file is kept as it is. A build that
// fails leaves the cache as it was before it.
//
// A Cache is used by one build at a time.
type Cache struct {
	// outputs: the fingerprint of each output of the last good build, and
	// of the build running.
	outputs memo[string, uint64]
	cards   memo[cardKey, *ProjectView]
	words   memo[uint64, string] // a project's digest → its search words
	entries memo[entryKey, []byte]
	keys    memo[titleKey, []byte]
}

// NewCache returns an empty cache.
func NewCache() *Cache { return &Cache{} }

type cardKey struct {
	lang   string
	digest uint64
}

type entryKey struct {
	kind   string
	digest uint64
}

type titleKey struct {
	lang, title string
}

// begin starts a build.
func (c *Cache) begin() {
	c.outputs.begin()
	c.cards.begin()
	c.words.begin()
	c.entries.begin()
	c.keys.begin()
}

// commit keeps what the build made, for the next one; abort forgets it.
func (c *Cache) commit() {
	c.outputs.commit()
	c.cards.commit()
	c.words.commit()
	c.entries.commit()
	c.keys.commit()
}

func (c *Cache) abort() {
	c.outputs.abort()
	c.cards.abort()
	c.words.abort()
	c.entries.abort()
	c.keys.abort()
}

// memo maps keys to values made in the last good build (prev) and in the
// running one (next). What the running build does not ask for is dropped
// when it commits.
type memo[K comparable, V any] struct {
	mu         sync.Mutex
	prev, next map[K]V
}

func (m *memo[K, V]) begin() {
	m.mu.Lock()
	m.next = make(map[K]V, len(m.prev))
	m.mu.Unlock()
}

func (m *memo[K, V]) commit() {
	m.mu.Lock()
	m.prev, m.next = m.next, nil
	m.mu.Unlock()
}

func (m *memo[K, V]) abort() {
	m.mu.Lock()
	m.next = nil
	m.mu.Unlock()
}

// get returns the value of k from the running or the last build, or makes
// it. Values are never changed once made.
func (m *memo[K, V]) get(k K, make func() V) V {
	m.mu.Lock()
	v, ok := m.next[k]
	if !ok {
		v, ok = m.prev[k]
		if ok {
			m.next[k] = v
		}
	}
	m.mu.Unlock()
	if ok {
		return v
	}
	v = make()
	m.mu.Lock()
	m.next[k] = v
	m.mu.Unlock()
	return v
}

// swap records v for k in the running build and returns what the last good
// build had.
func (m *memo[K, V]) swap(k K, v V) (old V, ok bool) {
	m.mu.Lock()
	m.next[k] = v
	old, ok = m.prev[k]
	m.mu.Unlock()
	return old, ok
}

// fingerprint starts the fingerprint of an output of a kind: what it is
// made from besides what every page is made from.
func (r *renderer) fingerprint(kind string) *digest.Hash {
	return digest.New(kind).Num(r.global)
}

// reuse records that the outputs are made from inputs with the fingerprint
// fp, and reports whether the previous build made them from the same
// inputs and the sink has carried them over, in which case there is
// nothing to render.
func (r *renderer) reuse(fp uint64, names ...string) bool {
	same := true
	for _, name := range names {
		if old, ok := r.cache.outputs.swap(name, fp); !ok || old != fp {
			same = false
		}
	}
	keeper, ok := r.Sink.(publish.Keeper)
	if !same || !ok {
		return false
	}
	for _, name := range names {
		if !keeper.Keep(name) {
			return false
		}
	}
	r.kept.Add(int64(len(names)))
	return true
}

// makeDigests finds the digest of every project's card and every
// practice's page.
func (r *renderer) makeDigests() {
	practices := make(map[string]*model.Practice, len(r.site.Practices))
	for _, pr := range r.site.Practices {
		practices[pr.ID] = pr
	}
	projects := make(map[string]*model.Project, len(r.site.Projects))
	r.cardDigests = make([]uint64, len(r.site.Projects))
	for i, p := range r.site.Projects {
		projects[p.ID] = p
		h := digest.New("card").Num(p.Digest)
		for _, id := range p.Practices {
			if pr := practices[id]; pr != nil {
				h.Num(pr.Digest)
			}
		}
		r.cardDigests[i] = h.Sum()
	}
	r.practiceDigests = make(map[string]uint64, len(r.site.Practices))
	for _, pr := range r.site.Practices {
		h := digest.New("practice").Num(pr.Digest)
		for _, id := range pr.Projects {
			if p := projects[id]; p != nil {
				h.Num(p.Digest)
			}
		}
		r.practiceDigests[pr.ID] = h.Sum()
	}
}
