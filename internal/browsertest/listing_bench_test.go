package browsertest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// keepSink keeps the files keep names and counts the others: a large site
// is rendered and minified in full without holding it in memory.
type keepSink struct {
	keep  func(name string) bool
	mu    sync.Mutex
	files map[string][]byte
	count int
	bytes int64
}

func (s *keepSink) Write(name string, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.count++
	s.bytes += int64(len(data))
	if s.keep(name) {
		s.files[name] = bytes.Clone(data)
	}
	return nil
}

func gzipSize(b []byte) int {
	var buf bytes.Buffer
	w, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	w.Write(b)
	w.Close()
	return buf.Len()
}

// timings is what measureJS finds, in milliseconds.
type timings struct {
	Filter, FilterP95, FilterFrame       float64
	Keystroke, KeystrokeP95, KeystrokeFr float64
	Filters, Keystrokes                  int
	Results                              []int // results after each filter change, to see the work was real
}

// measureJS is a function that changes filters and types searches on the
// listing page and times each update with performance.now(): from the
// event to the new list laid out (the script draws synchronously once its
// data is loaded), and to the next frame after it. Its argument says
// whether every facet is open.
const measureJS = `(async openAll => {
  const form = document.getElementById('filters'), q = form.elements.q;
  const count = document.getElementById('result-count');
  const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
  const pct = (a, p) => { const s = a.slice().sort((x, y) => x - y); return s[Math.min(s.length - 1, Math.floor(s.length * p))]; };
  // With every facet open, each change recounts every value on screen:
  // the most work a change can cause. Folded, only the listing changes.
  form.querySelectorAll('details.facet').forEach(d => d.open = openAll);
  await frame();
  const groups = ['theme', 'status', 'region', 'municipality', 'year', 'funder', 'budget', 'target_group']
    .map(k => [...form.querySelectorAll('input[name=' + k + ']')]).filter(g => g.length);
  const filter = [], filterFrame = [], results = [];
  const change = async cb => {
    const t0 = performance.now();
    cb.click();
    document.body.offsetHeight;
    filter.push(performance.now() - t0);
    if (cb.checked) results.push(parseInt(count.textContent.replace(/\D/g, ''), 10));
    await frame();
    filterFrame.push(performance.now() - t0);
  };
  // Tick a value and untick it again; every sixth value stays ticked until
  // the next one replaces it, so that changes also count against a second
  // facet.
  let kept = null;
  for (let i = 0; i < 48; i++) {
    const g = groups[i % groups.length], cb = g[(i * 7) % g.length];
    if (cb.checked) continue;
    await change(cb);
    if (i % 6 === 0) {
      if (kept) await change(kept);
      kept = cb;
    } else {
      await change(cb);
    }
  }
  for (const cb of form.querySelectorAll('input:checked')) cb.click();
  const keys = [], keysFrame = [];
  for (const word of ['kyla', 'nuoret', 'talo', 'digituki', 'byhuset', 'kogukond', 'lahiruoka']) {
    for (let k = 1; k <= word.length; k++) {
      q.value = word.slice(0, k);
      const t0 = performance.now();
      q.dispatchEvent(new Event('input', {bubbles: true}));
      document.body.offsetHeight;
      keys.push(performance.now() - t0);
      await frame();
      keysFrame.push(performance.now() - t0);
    }
    q.value = '';
    q.dispatchEvent(new Event('input', {bubbles: true}));
  }
  return {Filter: pct(filter, 0.5), FilterP95: pct(filter, 0.95), FilterFrame: pct(filterFrame, 0.5),
    Keystroke: pct(keys, 0.5), KeystrokeP95: pct(keys, 0.95), KeystrokeFr: pct(keysFrame, 0.5),
    Filters: filter.length, Keystrokes: keys.length, Results: results};
})`

// BenchmarkListing builds a catalogue of 10 000 projects (or
// VITRIN_BENCH_PROJECTS) and measures the listing in headless Chromium: the
// size of the script, the index and the search file (raw and gzip), and
// the time a filter change or a keystroke takes to update the list
// (median and 95th percentile of many, timed in the page). Run it with
//
//	go test ./internal/browsertest -run '^$' -bench Listing -benchtime 1x
func BenchmarkListing(b *testing.B) {
	n := 10000
	if s := os.Getenv("VITRIN_BENCH_PROJECTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	fsys := catalogue(n)
	sink := &keepSink{files: map[string][]byte{}, keep: func(name string) bool {
		return strings.HasPrefix(name, "assets/") || name == "fi/hankkeet/index.html"
	}}
	start := time.Now()
	if _, err := build.Build(context.Background(), build.Options{
		Source: fsys, DefaultTheme: defaulttheme.FS(), Now: sitetest.Now(), Sink: sink,
	}); err != nil {
		b.Fatal(err)
	}
	b.Logf("built %d projects: %d files, %.0f MB, in %s", n, sink.count, float64(sink.bytes)/1e6, time.Since(start).Round(time.Millisecond))

	sizes := map[string][2]int{}
	for name, data := range sink.files {
		kind := ""
		switch {
		case strings.HasPrefix(name, "assets/listing."):
			kind = "script"
		case strings.HasPrefix(name, "assets/projects.fi."):
			kind = "index"
		case strings.HasPrefix(name, "assets/search."):
			kind = "search"
		case name == "fi/hankkeet/index.html":
			kind = "page"
		}
		if kind != "" {
			sizes[kind] = [2]int{len(data), gzipSize(data)}
			b.Logf("%-7s %-34s %9d bytes, %8d gzip", kind, path.Base(name), len(data), gzipSize(data))
		}
	}
	b.ReportMetric(float64(sizes["script"][1]), "script-gzip-B")
	b.ReportMetric(float64(sizes["index"][0])/1e3, "index-kB")
	b.ReportMetric(float64(sizes["index"][1])/1e3, "index-gzip-kB")
	b.ReportMetric(float64(sizes["search"][0])/1e3, "search-kB")
	b.ReportMetric(float64(sizes["search"][1])/1e3, "search-gzip-kB")

	br := browsertest.Start(b)
	root := browsertest.Serve(b, sink.files, "/")
	var t, folded timings
	var firstFilter, firstSearch float64
	for i := 0; i < b.N; i++ {
		p := br.Open(b, root+"fi/hankkeet/", browsertest.Desktop)
		// The first filter loads the index, the first search the search
		// file; both come from a local server here, so the figures are
		// the parsing and the first drawing, not the transfer.
		browsertest.Eval[bool](p, `(window.benchStart = performance.now(), true)`)
		p.Click(`details[data-facet=status] summary`)
		p.Click(`input[name=status]`)
		p.Wait(`!document.getElementById('results').hasAttribute('aria-busy') && location.search.startsWith('?status=')`)
		firstFilter = browsertest.Eval[float64](p, `performance.now() - window.benchStart`)
		p.Click(`input[name=status]`)
		browsertest.Eval[bool](p, `(window.benchStart = performance.now(), true)`)
		p.Type("#q", "x")
		p.Wait(`!document.getElementById('results').hasAttribute('aria-busy') && location.search === '?q=x'`)
		firstSearch = browsertest.Eval[float64](p, `performance.now() - window.benchStart`)
		browsertest.Eval[bool](p, `(() => { const q = document.getElementById('q'); q.value = ''; q.dispatchEvent(new Event('input', {bubbles: true})); return true })()`)
		folded = browsertest.Eval[timings](p, measureJS+"(false)")
		t = browsertest.Eval[timings](p, measureJS+"(true)")
	}
	b.Logf("facets folded: filter change median %.1f ms, p95 %.1f ms; keystroke median %.1f ms, p95 %.1f ms",
		folded.Filter, folded.FilterP95, folded.Keystroke, folded.KeystrokeP95)
	b.Logf("first filter, loading the index: %.0f ms; first search, loading the search file: %.0f ms (from a local server, with the test's own round trips)", firstFilter, firstSearch)
	b.Logf("every facet open: filter change: median %.1f ms, p95 %.1f ms, to the next frame %.1f ms (%d changes; results %v)", t.Filter, t.FilterP95, t.FilterFrame, t.Filters, t.Results)
	b.Logf("keystroke: median %.1f ms, p95 %.1f ms, to the next frame %.1f ms (%d keystrokes)", t.Keystroke, t.KeystrokeP95, t.KeystrokeFr, t.Keystrokes)
	b.ReportMetric(t.Filter, "filter-ms")
	b.ReportMetric(t.FilterP95, "filter-p95-ms")
	b.ReportMetric(t.Keystroke, "key-ms")
	b.ReportMetric(t.KeystrokeP95, "key-p95-ms")
}
