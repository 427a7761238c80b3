package preview_test

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/devserver"
	"github.com/vitrin-ssg/vitrin/internal/preview"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/synth"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// BenchmarkEditLatency measures what an editor waits for in vitrin serve
// on a generated catalogue (VITRIN_BENCH_PROJECTS, 10 000 by default): the
// time from writing a changed file to the reload event reaching the open
// page, and to the changed page being served. Each iteration is one edit:
//
//	go test ./internal/preview -run '^$' -bench EditLatency -benchtime 20x
//
// The sub-benchmarks are a project's text (its pages alone change), a
// project's facts (its card moves in the listings and facet pages), and a
// vocabulary label (every page changes; compare with full-build).
func BenchmarkEditLatency(b *testing.B) {
	dir := benchSite(b)
	first := firstProject(b, dir)
	site := startPreview(b, dir)

	b.Run("full-build", func(b *testing.B) {
		var times []time.Duration
		for b.Loop() {
			start := time.Now()
			res, err := build.Build(context.Background(), build.Options{Source: os.DirFS(dir), DefaultTheme: defaulttheme.FS(), Now: site.now, Sink: publish.NewMemory(), NoMinify: true})
			if err != nil {
				b.Fatal(err)
			}
			times = append(times, time.Since(start))
			b.ReportMetric(float64(res.Stats.Pages), "pages")
		}
		reportMedian(b, "ms-build", times)
	})
	edits := []struct {
		name string
		file string
		// edit returns the file's new text for the i-th edit and the text
		// the changed page then shows.
		edit func(old string, i int) (string, string)
		page string
	}{
		{"project-text", first.file, func(old string, i int) (string, string) {
			w := fmt.Sprintf("Muokkaus%d", i)
			return old + "\n" + w + "\n", w
		}, first.page},
		{"project-facts", first.file, func(old string, i int) (string, string) {
			return strings.Replace(old, "\ntitle: ", fmt.Sprintf("\ntitle: Muokattu%d ", i), 1), fmt.Sprintf("Muokattu%d", i)
		}, first.page},
		{"vocabulary", filepath.Join(dir, "content", "vocabularies", "themes.yaml"), func(old string, i int) (string, string) {
			return strings.Replace(old, "fi: ", fmt.Sprintf("fi: Teema%d ", i), 1), fmt.Sprintf("Teema%d", i)
		}, "/fi/hankkeet/"}, // the listing names every theme
	}
	for _, e := range edits {
		b.Run(e.name, func(b *testing.B) {
			orig, err := os.ReadFile(e.file)
			if err != nil {
				b.Fatal(err)
			}
			var toEvent, toPage []time.Duration
			i := 0
			for b.Loop() {
				i++
				text, want := e.edit(string(orig), i)
				start := time.Now()
				site.write(b, e.file, text)
				site.awaitReload(b)
				toEvent = append(toEvent, time.Since(start))
				body := site.get(b, e.page)
				toPage = append(toPage, time.Since(start))
				if !strings.Contains(body, want) {
					b.Fatalf("%s after the edit does not show %q", e.page, want)
				}
			}
			reportMedian(b, "ms-to-event", toEvent)
			reportMedian(b, "ms-to-page", toPage)
			b.StopTimer()
			site.write(b, e.file, string(orig))
			site.awaitReload(b)
		})
	}
}

// benchSite returns a copy of the site in VITRIN_BENCH_SITE, or else a
// generated catalogue of VITRIN_BENCH_PROJECTS projects (10 000).
func benchSite(b *testing.B) string {
	dir := b.TempDir()
	if src := os.Getenv("VITRIN_BENCH_SITE"); src != "" {
		if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
			b.Fatal(err)
		}
		return dir
	}
	n := 10000
	if s := os.Getenv("VITRIN_BENCH_PROJECTS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatalf("VITRIN_BENCH_PROJECTS=%q: %v", s, err)
		}
	}
	if err := synth.WriteDir(dir, synth.Options{Projects: n, Full: true}); err != nil {
		b.Fatal(err)
	}
	return dir
}

// reportMedian reports the median of times in milliseconds.
func reportMedian(b *testing.B, unit string, times []time.Duration) {
	if len(times) == 0 {
		return
	}
	slices.Sort(times)
	b.ReportMetric(float64(times[len(times)/2].Microseconds())/1000, unit)
}

type project struct{ file, page string }

// firstProject finds the first project's Finnish file and page, by the
// generator's folder naming.
func firstProject(b *testing.B, dir string) project {
	entries, err := os.ReadDir(filepath.Join(dir, "content", "projects"))
	if err != nil || len(entries) == 0 {
		b.Fatalf("no projects generated: %v", err)
	}
	id := entries[0].Name()
	file := filepath.Join(dir, "content", "projects", id)
	names, _ := filepath.Glob(filepath.Join(file, "index.fi.md"))
	if len(names) == 0 {
		b.Fatalf("%s has no index.fi.md", file)
	}
	return project{file: names[0], page: "/fi/hankkeet/" + id + "/"}
}

// previewSite is a running preview with a listening page.
type previewSite struct {
	url    string
	events *bufio.Reader
	now    time.Time
}

func startPreview(b *testing.B, dir string) *previewSite {
	now := time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC)
	p, err := preview.New(preview.Options{Dir: dir, Build: build.Options{Source: os.DirFS(dir), DefaultTheme: defaulttheme.FS(), Now: now},
		Stdout: io.Discard, Stderr: io.Discard})
	if err != nil {
		b.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	started := make(chan struct{})
	done := make(chan error, 1)
	go func() { done <- p.Run(ctx, func() { close(started) }) }()
	select {
	case <-started:
	case err := <-done:
		b.Fatalf("the preview did not start: %v", err)
	}
	srv := httptest.NewServer(p.Handler())
	resp, err := http.Get(srv.URL + devserver.EventsPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		cancel()
		<-done
		resp.Body.Close()
		srv.Close()
	})
	s := &previewSite{url: srv.URL, events: bufio.NewReader(resp.Body), now: now}
	s.line(b) // retry:
	s.line(b)
	return s
}

func (s *previewSite) line(b *testing.B) string {
	l, err := s.events.ReadString('\n')
	if err != nil {
		b.Fatalf("the event stream ended: %v", err)
	}
	return l
}

// awaitReload waits for the next event that makes the page load again.
func (s *previewSite) awaitReload(b *testing.B) {
	for {
		if l := s.line(b); l == "event: reload\n" {
			s.line(b)
			s.line(b)
			return
		}
	}
}

func (s *previewSite) write(b *testing.B, name, text string) {
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		b.Fatal(err)
	}
}

func (s *previewSite) get(b *testing.B, path string) string {
	resp, err := http.Get(s.url + path)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		b.Fatalf("GET %s: %d %v", path, resp.StatusCode, err)
	}
	return string(body)
}
