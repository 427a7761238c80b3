package render

import (
	"maps"
	"sync"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/digest"
	"github.com/vitrin-ssg/vitrin/internal/facet"
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
	global     uint64 // the site's global digest when the views were made
	nextGlobal uint64 // and in the build running
	cards      memo[cardKey, *ProjectView]
	words      memo[uint64, string] // a project's digest → its search words
	entries    memo[entryKey, []byte]
	keys       memo[titleKey, []byte]
	orders     memo[uint64, *orders]
	html       memo[*ProjectView, *cardHTML] // a card's HTML, by the card's view
	facets     memo[uint64, *facet.Set]
	lists      memo[uint64, map[string][][]int]
	totals     memo[uint64, totals]
	// langFacets: the facets as each language shows them.
	langFacets memo[uint64, []*langFacet]
	// derived are digests made from the facts alone, by the facts' key.
	derived memo[derivedKey, uint64]
	// last is what the last good build was made from, for the quick
	// rebuild after an edit of bodies alone (see quickTasks); next is the
	// running build's.
	last, next *buildState
	// cardSets are every language's cards, by the facts' key and the
	// global digest: after a body edit the cards are the last build's.
	cardSets memo[uint64, map[string][]*ProjectView]
}

type derivedKey struct {
	kind, lang string
	facts      uint64
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

// views says what the site's global digest is in the build that runs:
// the views made for another (other vocabularies, theme, configuration or
// build date) are not used.
func (c *Cache) views(global uint64) {
	if global != c.global {
		c.cards.prev, c.html.prev = nil, nil
	}
	c.nextGlobal = global
}

// begin starts a build.
func (c *Cache) begin() {
	c.cards.begin()
	c.words.begin()
	c.entries.begin()
	c.keys.begin()
	c.orders.begin()
	c.facets.begin()
	c.html.begin()
	c.lists.begin()
	c.totals.begin()
	c.langFacets.begin()
	c.derived.begin()
	c.cardSets.begin()
}

// commit keeps what the build made, for the next one; abort forgets it.
func (c *Cache) commit() {
	c.global = c.nextGlobal
	c.last, c.next = c.next, nil
	c.cards.commit()
	c.words.commit()
	c.entries.commit()
	c.keys.commit()
	c.orders.commit()
	c.facets.commit()
	c.html.commit()
	c.lists.commit()
	c.totals.commit()
	c.langFacets.commit()
	c.derived.commit()
	c.cardSets.commit()
}

func (c *Cache) abort() {
	c.next = nil
	c.cards.abort()
	c.words.abort()
	c.entries.abort()
	c.keys.abort()
	c.orders.abort()
	c.facets.abort()
	c.html.abort()
	c.lists.abort()
	c.totals.abort()
	c.langFacets.abort()
	c.derived.abort()
	c.cardSets.abort()
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
// it. Values are never changed once made. A page made lazily, after its
// build, may still ask: it gets what the cache has, or makes it anew.
func (m *memo[K, V]) get(k K, fn func() V) V {
	m.mu.Lock()
	v, ok := m.next[k]
	if !ok {
		v, ok = m.prev[k]
		if ok && m.next != nil {
			m.next[k] = v
		}
	}
	m.mu.Unlock()
	if ok {
		return v
	}
	v = fn()
	m.mu.Lock()
	if m.next != nil {
		m.next[k] = v
	}
	m.mu.Unlock()
	return v
}

// batch makes many values at once: it looks each key up without taking
// the lock for each (prev does not change during a build) and records
// what it found or made in one go.
func (m *memo[K, V]) batch(keys []K, fn func(i int) V) []V {
	out := make([]V, len(keys))
	for i, k := range keys {
		v, ok := m.prev[k]
		if !ok {
			v = fn(i)
		}
		out[i] = v
	}
	m.mu.Lock()
	for i, k := range keys {
		m.next[k] = out[i]
	}
	m.mu.Unlock()
	return out
}

// lookup returns what the last good build had for k, and keeps it for
// the next one.
func (m *memo[K, V]) lookup(k K) (V, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.next[k]
	if !ok {
		if v, ok = m.prev[k]; ok {
			m.next[k] = v
		}
	}
	return v, ok
}

// carry keeps everything the last good build had for the next one.
func (m *memo[K, V]) carry() {
	m.mu.Lock()
	maps.Copy(m.next, m.prev)
	m.mu.Unlock()
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

// reuse tells the sink that the outputs are made from inputs with the
// fingerprint fp, and reports whether the sink (a publish.Keeper that
// holds the previous build) has carried them over as they were made from
// the same, in which case there is nothing to render.
func (r *renderer) reuse(fp uint64, names ...string) bool {
	keeper, ok := r.Sink.(publish.Keeper)
	if !ok {
		return false
	}
	same := true
	for _, name := range names {
		same = keeper.Keep(name, fp) && same
	}
	if same {
		r.kept.Add(int64(len(names)))
	}
	return same
}

// buildState is what a build was made from, as far as the quick rebuild
// needs to know.
type buildState struct {
	facts, global uint64
	pages         map[string]uint64 // project or practice id → its page digest
	// named are the files named by their inputs (the search and listing
	// indexes): a new text gives them new names.
	named []string
	stats Stats
}

// factsKey is a digest of every fact of the site: the inputs outside the
// folders (vocabularies, configuration, theme), the build date and each
// folder's facts, not its bodies. The digests made from facts alone are
// memoised by it, so that an edit of a body does not hash every project
// again.
func (r *renderer) factsKey() uint64 {
	h := digest.New("facts").Num(r.Inputs).Str(r.site.Now.Format(time.RFC3339Nano)).Int(len(r.site.Projects))
	for _, p := range r.site.Projects {
		h.Str(p.ID).Num(p.FactsDigest)
	}
	h.Int(len(r.site.Practices))
	for _, pr := range r.site.Practices {
		h.Str(pr.ID).Num(pr.FactsDigest)
	}
	return h.Sum()
}

// derived returns a digest made from the facts alone, computing it only
// when the facts changed.
func (r *renderer) derived(kind, lang string, compute func() uint64) uint64 {
	return r.cache.derived.get(derivedKey{kind, lang, r.facts}, compute)
}

// makeDigests finds what each project's card and page and each
// practice's page are made from. A card shows a project's facts, not its
// body, so an edit of a body renders the project's pages only.
func (r *renderer) makeDigests() {
	practices := make(map[string]*model.Practice, len(r.site.Practices))
	for _, pr := range r.site.Practices {
		practices[pr.ID] = pr
	}
	projects := make(map[string]*model.Project, len(r.site.Projects))
	r.cardDigests = make([]uint64, len(r.site.Projects))
	r.pageDigests = make([]uint64, len(r.site.Projects))
	for i, p := range r.site.Projects {
		projects[p.ID] = p
		card := digest.New("card").Num(p.FactsDigest)
		page := digest.New("page").Num(p.Digest)
		for _, id := range p.Practices {
			if pr := practices[id]; pr != nil {
				card.Num(pr.FactsDigest)
				page.Num(pr.FactsDigest)
			}
		}
		r.cardDigests[i], r.pageDigests[i] = card.Sum(), page.Sum()
	}
	r.practiceDigests = make(map[string]uint64, len(r.site.Practices))
	for _, pr := range r.site.Practices {
		h := digest.New("practice").Num(pr.Digest)
		for _, id := range pr.Projects {
			if p := projects[id]; p != nil {
				h.Num(p.FactsDigest)
			}
		}
		r.practiceDigests[pr.ID] = h.Sum()
	}
	// A practice's card shows, of its projects, the LAGs that funded them
	// and the places, and the library sorts by their latest start: an
	// edit of a project's title or budget renders its practices' pages,
	// not the whole library.
	all := digest.New("practices").Int(len(r.site.Practices))
	for _, pr := range r.site.Practices {
		all.Str(pr.ID).Num(pr.FactsDigest).Int(len(pr.Projects))
		for _, id := range pr.Projects {
			p := projects[id]
			if p == nil {
				all.Str("")
				continue
			}
			all.Str(p.ID).Str(p.Funder).Str(p.Region).Str(p.Period.Start.String()).Int(len(p.Municipalities))
			for _, m := range p.Municipalities {
				all.Str(m)
			}
		}
	}
	r.practicesDigest = all.Sum()
}
