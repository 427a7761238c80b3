package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/devserver"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/watch"
)

// serve builds the site into memory, serves it on 127.0.0.1 and rebuilds
// what changed whenever the site folder changes, until ctx ends.
func serve(ctx context.Context, f siteFlags, opts build.Options, stdout, stderr io.Writer) int {
	ln, err := listen(f.port, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
		return exitUsage
	}
	addr := ln.Addr().(*net.TCPAddr)
	base, _ := config.ParseBaseURL("http://127.0.0.1:" + strconv.Itoa(addr.Port) + "/")
	opts.BaseURL = base
	opts.NoMinify = true

	// The site is read through a cache the watcher keeps up to date, and
	// written to memory: serve never touches public/.
	files := watch.NewFS(opts.Source)
	opts.Source = files
	mem := publish.NewMemory()
	opts.Sink = mem
	srv := devserver.New(devserver.Options{Live: true})
	p := &preview{builder: build.NewBuilder(opts), files: files, mem: mem, srv: srv, source: f.source, stdout: stdout, stderr: stderr}

	w, err := watch.New(watch.Options{Root: f.source, Trees: []string{"content", "themes", "static"}})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
		return exitContent
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go w.Run(ctx)

	if err := p.rebuild(ctx, nil); err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
		return exitContent
	}
	printURL(stdout, &url.URL{Scheme: "http", Host: addr.String(), Path: "/"})
	fmt.Fprintln(stdout, "vitrin serve: watching content/, themes/, static/ and the configuration; Ctrl-C stops")

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	for {
		select {
		case <-ctx.Done():
			srv.Close()
			shut, cancelShut := context.WithTimeout(context.Background(), 3*time.Second)
			_ = hs.Shutdown(shut)
			cancelShut()
			fmt.Fprintln(stdout, "vitrin serve: stopped")
			return exitOK
		case err := <-done:
			fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
			return exitContent
		case err := <-w.Errors():
			fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
		case changed := <-w.Changes():
			if err := p.rebuild(ctx, changed); err != nil && ctx.Err() == nil {
				fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
			}
		}
	}
}

// preview is the state of the development server between rebuilds.
type preview struct {
	builder *build.Builder
	files   *watch.FS
	mem     *publish.Memory
	srv     *devserver.Server
	source  string
	stdout  io.Writer
	stderr  io.Writer
	assets  map[string]string // the theme's style sheets of the last good build
	failed  bool              // the last build had problems
}

// rebuild builds what the changed paths touched and tells the open pages.
// Problems in the content are shown, not returned: the server goes on.
func (p *preview) rebuild(ctx context.Context, changed []string) error {
	start := time.Now()
	p.files.Forget(changed...)
	p.mem.Begin()
	res, err := p.builder.Build(ctx)
	var errs *diag.Errors
	if errors.As(err, &errs) {
		p.mem.Abort()
		p.failed = true
		p.srv.SetErrors(errs.Items, p.files)
		p.srv.Notify(devserver.Event{Kind: "reload"})
		report(p.stderr, "serve", p.source, err)
		fmt.Fprintln(p.stderr, "vitrin serve: the pages show the problems until the files are fixed")
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
	fmt.Fprintf(p.stdout, "vitrin serve: %s: %d projects, %d practices; %d of %d pages rendered (%s)\n", what,
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

// listen opens 127.0.0.1:port; when the port is taken it tries the next
// ones and says which it took.
func listen(port int, stderr io.Writer) (net.Listener, error) {
	if port < 0 || port > 65535 {
		return nil, fmt.Errorf("-port %d is not a port number", port)
	}
	for try := 0; ; try++ {
		ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(port+try)))
		if err == nil {
			if try > 0 {
				fmt.Fprintf(stderr, "vitrin serve: port %d is in use, using %d instead\n", port, port+try)
			}
			return ln, nil
		}
		if port == 0 || try >= 20 || !errors.Is(err, syscall.EADDRINUSE) {
			return nil, fmt.Errorf("cannot listen on 127.0.0.1:%d: %w", port+try, err)
		}
	}
}
