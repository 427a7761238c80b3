// Package preview is vitrin serve's loop: it builds the site into memory,
// watches the site folder, rebuilds what each batch of changes touched and
// tells the open pages, which reload, swap a style sheet or show the
// problems of the content until they are fixed.
package preview

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/devserver"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/watch"
)

// Options say what to preview.
type Options struct {
	Dir   string        // the site folder
	Build build.Options // Source, Sink and NoMinify are set by New
	// Report receives the console's lines: what was rebuilt and the
	// problems, as the build command prints them.
	Stdout, Stderr io.Writer
	// Quiet is how long the folder must be quiet before a rebuild; zero
	// means the watcher's default.
	Quiet time.Duration
	// ReportErrors prints a failed build's problems.
	ReportErrors func(err error)
}

// Trees are the folders of a site that are watched with all they hold.
func Trees() []string { return []string{"content", "themes", "static"} }

// New prepares a preview of the site in o.Dir: nothing is built until Run.
func New(o Options) (*Preview, error) {
	files := watch.NewFS(o.Build.Source)
	o.Build.Source = files
	o.Build.NoMinify = true
	mem := publish.NewMemory()
	o.Build.Sink = mem
	w, err := watch.New(watch.Options{Root: o.Dir, Trees: Trees(), Quiet: o.Quiet})
	if err != nil {
		return nil, err
	}
	return &Preview{builder: build.NewBuilder(o.Build), files: files, mem: mem, watcher: w,
		srv: devserver.New(devserver.Options{Live: true}), opts: o}, nil
}

// Handler serves the site being previewed.
func (p *Preview) Handler() http.Handler { return p.srv }

// Run builds the site, then rebuilds it on every change until ctx ends. It
// returns when ctx ends (nil) or the first build cannot run at all.
func (p *Preview) Run(ctx context.Context, started func()) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go p.watcher.Run(ctx)
	defer p.srv.Close()
	if err := p.rebuild(ctx, nil); err != nil {
		return err
	}
	if started != nil {
		started()
	}
	for {
		select {
		case <-ctx.Done():
			return nil
		case err := <-p.watcher.Errors():
			fmt.Fprintf(p.opts.Stderr, "vitrin serve: %v\n", err)
		case changed := <-p.watcher.Changes():
			if err := p.rebuild(ctx, changed); err != nil && ctx.Err() == nil {
				fmt.Fprintf(p.opts.Stderr, "vitrin serve: %v\n", err)
			}
		}
	}
}

// A Preview is the state of the development server between rebuilds.
type Preview struct {
	opts    Options
	builder *build.Builder
	files   *watch.FS
	mem     *publish.Memory
	watcher *watch.Watcher
	srv     *devserver.Server
	assets  map[string]string // the theme's style sheets of the last good build
	failed  bool              // the last build had problems
}

// rebuild builds what the changed paths touched and tells the open pages.
// Problems in the content are shown, not returned: the server goes on.
func (p *Preview) rebuild(ctx context.Context, changed []string) error {
	start := time.Now()
	p.files.Forget(changed...)
	if changed != nil {
		p.builder.Changed(changed)
	}
	p.mem.Begin()
	res, err := p.builder.Build(ctx)
	var errs *diag.Errors
	if errors.As(err, &errs) {
		p.mem.Abort()
		p.failed = true
		p.srv.SetErrors(errs.Items, p.files)
		p.srv.Notify(devserver.Event{Kind: "reload"})
		if p.opts.ReportErrors != nil {
			p.opts.ReportErrors(err)
		}
		fmt.Fprintln(p.opts.Stderr, "vitrin serve: the pages show the problems until the files are fixed")
		return nil
	}
	if err != nil {
		p.mem.Abort()
		return err
	}
	p.srv.SetSite(p.mem.Snapshot())
	ev := devserver.Event{Kind: "reload"}
	assets := res.Theme.Assets()
	if swap := styleSwap(changed, p.assets, assets); swap != "" && !p.failed {
		ev = devserver.Event{Kind: "css", Data: swap}
	}
	p.assets, p.failed = assets, false
	p.srv.Notify(ev)
	what := "built"
	if changed != nil {
		what = "rebuilt " + describe(changed)
	}
	fmt.Fprintf(p.opts.Stdout, "vitrin serve: %s: %d projects, %d practices; %d of %d pages rendered (%s)\n", what,
		len(res.Site.Projects), len(res.Site.Practices), res.Stats.Rendered, res.Stats.Pages, time.Since(start).Round(time.Millisecond))
	return nil
}

// styleSwap returns, when every change is to a style sheet, the style
// sheets' new names by their old ones as JSON, for the pages to swap them
// without a reload; else "".
func styleSwap(changed []string, before, after map[string]string) string {
	if len(changed) == 0 || before == nil {
		return ""
	}
	for _, c := range changed {
		if filepath.Ext(c) != ".css" {
			return ""
		}
	}
	swap := map[string]string{}
	for name, to := range after {
		if from, ok := before[name]; ok && filepath.Ext(name) == ".css" {
			swap[from] = to
		}
	}
	for _, c := range changed {
		if rel, ok := strings.CutPrefix(c, "static/"); ok {
			swap[rel] = rel // the site's own style sheets keep their names
		}
	}
	b, _ := json.Marshal(swap)
	return string(b)
}

// describe names the changed paths for the console.
func describe(changed []string) string {
	if len(changed) == 1 {
		return changed[0]
	}
	return fmt.Sprintf("%s and %d more", changed[0], len(changed)-1)
}
