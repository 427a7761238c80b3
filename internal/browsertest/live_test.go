package browsertest

import (
	"context"
	"io"
	"io/fs"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/preview"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// copyTree copies the files of fsys into dir.
func copyTree(t *testing.T, fsys fs.FS, root, dir string) {
	t.Helper()
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		to := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// replaceIn edits a file of the site as an editor saves it.
func replaceIn(t *testing.T, file, old, new string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), old) {
		t.Fatalf("%s has no %q", file, old)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(b), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// waitFor evaluates a JavaScript condition on the page until it is true,
// through reloads, for 15 seconds at most.
func waitFor(t *testing.T, p *Page, what, cond string) {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(p.ctx, 2*time.Second)
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool]("document.readyState === 'complete' && !!("+cond+")"))
		cancel()
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("%s: %s did not become true", what, cond)
}

// TestLiveReload runs vitrin serve's loop on a copy of the example site
// with a theme of its own and follows one page in Chromium while the
// files change: an edit reloads the page at the same scroll position, a
// style sheet change swaps the sheet without a reload, and broken front
// matter shows the problem until the file is fixed.
func TestLiveReload(t *testing.T) {
	b := Start(t)
	dir := t.TempDir()
	copyTree(t, os.DirFS("../.."), "content", dir)
	copyTree(t, os.DirFS("../.."), "vitrin.yaml", dir)
	copyTree(t, defaulttheme.FS(), ".", filepath.Join(dir, "themes/default"))
	pv, err := preview.New(preview.Options{Dir: dir, Stdout: io.Discard, Stderr: io.Discard,
		Build: build.Options{Source: os.DirFS(dir), DefaultTheme: defaulttheme.FS(), Now: sitetest.Now()}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(pv.Handler())
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	started := make(chan struct{})
	go func() {
		if err := pv.Run(ctx, func() { close(started) }); err != nil {
			t.Error(err)
		}
	}()
	<-started

	p := b.Open(t, srv.URL+"/fi/hankkeet/osku/", 375)
	project := filepath.Join(dir, "content/projects/osku/index.fi.md")

	// A saved edit: the page reloads by itself and keeps its place.
	waitFor(t, p, "live script", `document.documentElement.hasAttribute('data-vitrin-live')`)
	Eval[any](p, `window.vitrinMark = 'before'; window.scrollTo(0, 700); null`)
	y := Eval[float64](p, `window.scrollY`)
	if y < 600 {
		t.Fatalf("the page scrolled only to %v", y)
	}
	replaceIn(t, project, "\n## ", "\nTämä kappale lisättiin kesken esikatselun.\n\n## ")
	waitFor(t, p, "edit", `document.body.textContent.includes('lisättiin kesken esikatselun')`)
	if mark := Eval[any](p, `window.vitrinMark ?? null`); mark != nil {
		t.Errorf("the page was not reloaded (mark %v)", mark)
	}
	if got := Eval[float64](p, `window.scrollY`); got < y-50 || got > y+50 {
		t.Errorf("after the reload the page is at %v, was at %v", got, y)
	}

	// A style sheet: swapped, no reload.
	waitFor(t, p, "live script", `document.documentElement.hasAttribute('data-vitrin-live')`)
	Eval[any](p, `window.vitrinMark = 'kept'; null`)
	replaceIn(t, filepath.Join(dir, "themes/default/static/style.css"), "body", "body{outline:3px solid rgb(1, 2, 3)}\nbody")
	waitFor(t, p, "style sheet", `getComputedStyle(document.body).outlineColor === 'rgb(1, 2, 3)'`)
	if mark := Eval[any](p, `window.vitrinMark ?? null`); mark != "kept" {
		t.Errorf("the page reloaded for a style sheet change (mark %v)", mark)
	}

	// Broken front matter: the page shows the problem; fixed, it is back.
	waitFor(t, p, "live script", `document.documentElement.hasAttribute('data-vitrin-live')`)
	replaceIn(t, project, "title:", "title: [")
	waitFor(t, p, "error page", `document.title.includes('problem') && document.body.textContent.includes('content/projects/osku/index.fi.md:')`)
	p.Screenshot("live-error-page")
	waitFor(t, p, "live script", `document.documentElement.hasAttribute('data-vitrin-live')`)
	replaceIn(t, project, "title: [", "title:")
	waitFor(t, p, "recovery", `document.body.textContent.includes('lisättiin kesken esikatselun')`)
}
