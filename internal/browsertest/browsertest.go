// Package browsertest holds vitrin's quality gate in a real browser: it
// serves a built site on 127.0.0.1, drives Debian's Chromium through the
// DevTools protocol (chromedp), runs axe-core on a page, walks a page with
// the Tab key, takes screenshots, and runs the Nu HTML checker over the
// output. A browser test reads like this:
//
//	b := browsertest.Start(t)                    // one Chromium for all of a test's pages
//	root := browsertest.Serve(t, files, "/")     // the files of a built site
//	p := b.Open(t, root+"fi/", browsertest.Phone)
//	for _, v := range p.Axe() {                  // WCAG 2.0/2.1 A and AA
//		t.Errorf("%s", v)
//	}
//	stops := p.TabStops()                        // links, buttons, controls in document order
//	f := p.Tab()                                 // the focused element and its focus style
//	p.Screenshot("home-fi-375")                  // into $VITRIN_ARTIFACTS
//	errs := browsertest.Nu(t, files)             // every HTML file
//
// The tools come from the project's own files, never from a download at
// run time:
//
//	apt-get install chromium                            # and Java, for the Nu checker
//	cd internal/browsertest && npm ci --ignore-scripts  # axe-core, vnu-jar, lighthouse
//
// When one is missing the test skips and says how to install it; with
// VITRIN_REQUIRE_BROWSER=1 (CI sets it) it fails instead. Screenshots go
// to the folder VITRIN_ARTIFACTS names, or to a temporary folder that the
// test removes.
package browsertest

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package installs the browser.
const ChromiumPath = "/usr/bin/chromium"

// The widths the gate checks every page at, in CSS pixels.
const (
	Phone   = 375
	Desktop = 1280
)

// AxeTags are the axe-core rule tags of WCAG 2.0 and 2.1, levels A and AA.
func AxeTags() []string { return []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa"} }

// timeout bounds every single browser action, so that a hung page fails the
// test instead of the whole run.
const timeout = 60 * time.Second

// Dir returns the folder of this package, where node_modules is installed.
func Dir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Dir(file)
}

// Required reports whether a missing tool must fail the test
// (VITRIN_REQUIRE_BROWSER=1) instead of skipping it.
func Required() bool { return os.Getenv("VITRIN_REQUIRE_BROWSER") == "1" }

// missing skips or fails the test for a tool that is not installed.
func missing(t testing.TB, what, install string) {
	t.Helper()
	msg := fmt.Sprintf("%s is not installed; install it with: %s", what, install)
	if Required() {
		t.Fatalf("%s (VITRIN_REQUIRE_BROWSER=1: a missing tool is a failure)", msg)
	}
	t.Skip(msg)
}

// npmInstall is the advice for a missing npm package.
const npmInstall = "cd internal/browsertest && npm ci --ignore-scripts"

// NodeModule returns the path of a file of an installed npm package, such
// as NodeModule(t, "axe-core/axe.min.js"). It skips or fails the test when
// the packages are not installed.
func NodeModule(t testing.TB, name string) string {
	t.Helper()
	p := filepath.Join(Dir(), "node_modules", filepath.FromSlash(name))
	if _, err := os.Stat(p); err != nil {
		missing(t, "the npm package file "+name, npmInstall)
	}
	return p
}

// RequireChromium returns the path of Chromium, or skips or fails the test.
func RequireChromium(t testing.TB) string {
	t.Helper()
	if _, err := exec.LookPath(ChromiumPath); err != nil {
		missing(t, "Chromium ("+ChromiumPath+")", "apt-get install chromium")
	}
	return ChromiumPath
}

// Browser is a running headless Chromium. Open pages with Open; each is a
// tab of the same browser, so a test starts one Browser for all its pages.
type Browser struct {
	ctx       context.Context
	axe       string // the source of axe-core
	artifacts string // where screenshots go
}

// Start starts Chromium with a fresh profile; it stops when the test ends.
// It needs Chromium and the npm packages (for axe-core).
func Start(t testing.TB) *Browser {
	t.Helper()
	path := RequireChromium(t)
	axe, err := os.ReadFile(NodeModule(t, "axe-core/axe.min.js"))
	if err != nil {
		t.Fatal(err)
	}
	// Exactly these flags: headless, no sandbox (CI runs as root), and
	// nothing that talks to the network on its own.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	ctx, cancel := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancel(); cancelAlloc() })
	start, cancelStart := context.WithTimeout(ctx, timeout)
	defer cancelStart()
	// The first action starts the browser; its context must outlive the
	// timeout, so start with an empty action on ctx itself and bound the
	// wait with a watchdog.
	done := make(chan error, 1)
	go func() { done <- chromedp.Do(ctx) }()
	select {
	case err = <-done:
	case <-start.Done():
		err = errors.New("chromium did not start in time")
	}
	if err != nil {
		t.Fatalf("starting %s: %v", path, err)
	}
	artifacts := os.Getenv("VITRIN_ARTIFACTS")
	if artifacts == "" {
		artifacts = t.TempDir()
	} else if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	return &Browser{ctx: ctx, axe: string(axe), artifacts: artifacts}
}

// Page is a page open in a tab of the browser.
type Page struct {
	t      testing.TB
	ctx    context.Context
	b      *Browser
	URL    string
	Width  int
	Status int // the HTTP status of the document
}

// Open opens url in a new tab whose viewport is width CSS pixels wide
// (a phone below 768, with the mobile viewport rules) and waits until it
// has loaded. The tab closes when the test ends.
func (b *Browser) Open(t testing.TB, url string, width int) *Page {
	t.Helper()
	ctx, cancel := chromedp.NewContext(b.ctx)
	t.Cleanup(cancel)
	p := &Page{t: t, ctx: ctx, b: b, URL: url, Width: width}
	// The first action on a context opens the tab and ties the tab's life
	// to its context, so it runs without the per-action timeout.
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("opening a tab: %v", err)
	}
	height := int64(800)
	opts := []chromedp.EmulateViewportOption{}
	if width < 768 {
		height = 812
		opts = append(opts, chromedp.EmulateMobile)
	}
	p.do("set the viewport", chromedp.EmulateViewport(int64(width), height, opts...))
	resp := run(p, "open "+url, chromedp.NavigateResponse(url))
	if resp != nil {
		p.Status = int(resp.Status)
	}
	return p
}

// run runs an action on the page's tab with a timeout and fails the test
// on an error.
func run[T any](p *Page, what string, a chromedp.Action[T]) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		p.t.Fatalf("%s: %s: %v", p.URL, what, err)
	}
	return v
}

func (p *Page) do(what string, a chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	run(p, what, a)
}

// Eval evaluates a JavaScript expression on the page and decodes its JSON
// value into T. A promise is awaited.
func Eval[T any](p *Page, expr string) T {
	p.t.Helper()
	return run(p, "evaluate "+shorten(expr), chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
}

func shorten(s string) string {
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

// Screenshot saves a PNG of the whole page, below the fold too, as
// name.png in the artefact folder (VITRIN_ARTIFACTS, or a temporary
// folder) and returns its path.
func (p *Page) Screenshot(name string) string {
	p.t.Helper()
	png := run(p, "take a screenshot", chromedp.FullScreenshot(100))
	file := filepath.Join(p.b.artifacts, name+".png")
	if err := os.WriteFile(file, png, 0o644); err != nil {
		p.t.Fatal(err)
	}
	return file
}

// Reload loads the page again, with nothing focused.
func (p *Page) Reload() {
	p.t.Helper()
	resp := run(p, "reload", chromedp.NavigateResponse(p.URL))
	if resp != nil {
		p.Status = int(resp.Status)
	}
}

// Location returns the address the tab shows now.
func (p *Page) Location() string {
	p.t.Helper()
	return run(p, "read the location", chromedp.Location())
}
