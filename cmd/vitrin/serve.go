package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"syscall"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/preview"
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
	p, err := preview.New(preview.Options{Dir: f.source, Build: opts, Stdout: stdout, Stderr: stderr,
		ReportErrors: func(err error) { report(stderr, "serve", f.source, err) }})
	if err != nil {
		ln.Close()
		fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
		return exitContent
	}
	hs := &http.Server{Handler: p.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	ran := make(chan error, 1)
	go func() {
		ran <- p.Run(ctx, func() {
			printURL(stdout, &url.URL{Scheme: "http", Host: addr.String(), Path: "/"})
			fmt.Fprintln(stdout, "vitrin serve: watching content/, themes/, static/ and the configuration; Ctrl-C stops")
			go func() { served <- hs.Serve(ln) }()
		})
	}()
	select {
	case err := <-ran:
		// Run returns when ctx ends, or when the first build could not run.
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		_ = hs.Shutdown(shut)
		cancel()
		ln.Close()
		if err != nil {
			fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
			return exitContent
		}
		fmt.Fprintln(stdout, "vitrin serve: stopped")
		return exitOK
	case err := <-served:
		fmt.Fprintf(stderr, "vitrin serve: %v\n", err)
		return exitContent
	}
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
