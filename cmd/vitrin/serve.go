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
	"github.com/vitrin-ssg/vitrin/internal/devserver"
	"github.com/vitrin-ssg/vitrin/internal/publish"
)

// serve builds the site into memory and serves it on 127.0.0.1 until ctx
// ends.
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

	mem := publish.NewMemory()
	opts.Sink = mem
	srv := devserver.New()
	res, err := build.Build(ctx, opts)
	if code := report(stderr, "serve", f.source, err); code != exitOK {
		ln.Close()
		return code
	}
	srv.SetSite(mem.Files())
	fmt.Fprintf(stdout, "vitrin serve: built %d projects (%s)\n", len(res.Site.Projects), res.Duration.Round(time.Millisecond))
	printURL(stdout, &url.URL{Scheme: "http", Host: addr.String(), Path: "/"})

	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	select {
	case <-ctx.Done():
		shut, cancel := context.WithTimeout(context.Background(), 3*time.Second)
		defer cancel()
		_ = hs.Shutdown(shut)
		fmt.Fprintln(stdout, "vitrin serve: stopped")
		return exitOK
	case err := <-done:
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
