package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// lockedBuffer collects a command's output while it runs.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// serverCmds are the testscript commands that drive vitrin serve:
//
//	serve [flags]                 start vitrin serve -source $WORK in the background
//	fetch [-until RE] PATH        GET a path of the served site; with -until,
//	                              again until the body matches (10 s at most);
//	                              prints the status line and the body
//	served                        print what the server said so far
func serverCmds() map[string]func(ts *testscript.TestScript, neg bool, args []string) {
	type server struct {
		url            string
		stdout, stderr *lockedBuffer
	}
	servers := map[*testscript.TestScript]*server{}
	var mu sync.Mutex
	get := func(ts *testscript.TestScript) *server {
		mu.Lock()
		defer mu.Unlock()
		s := servers[ts]
		if s == nil {
			ts.Fatalf("no server: run serve first")
		}
		return s
	}
	return map[string]func(ts *testscript.TestScript, neg bool, args []string){
		"serve": func(ts *testscript.TestScript, neg bool, args []string) {
			ctx, cancel := context.WithCancel(context.Background())
			s := &server{stdout: &lockedBuffer{}, stderr: &lockedBuffer{}}
			done := make(chan int, 1)
			argv := append([]string{"serve", "-source", ts.MkAbs("."), "-port", "0"}, args...)
			go func() { done <- run(ctx, argv, s.stdout, s.stderr, func(string) string { return "" }) }()
			ts.Defer(func() {
				cancel()
				select {
				case <-done:
				case <-time.After(10 * time.Second):
					ts.Logf("vitrin serve did not stop within 10 s of Ctrl-C")
				}
			})
			url := regexp.MustCompile(`http://127\.0\.0\.1:\d+/`)
			deadline := time.Now().Add(30 * time.Second)
			for !url.MatchString(s.stdout.String()) {
				select {
				case code := <-done:
					ts.Fatalf("vitrin serve exited with %d:\n%s%s", code, s.stdout, s.stderr)
				default:
				}
				if time.Now().After(deadline) {
					ts.Fatalf("vitrin serve printed no address:\n%s%s", s.stdout, s.stderr)
				}
				time.Sleep(10 * time.Millisecond)
			}
			s.url = strings.TrimSuffix(url.FindString(s.stdout.String()), "/")
			mu.Lock()
			servers[ts] = s
			mu.Unlock()
		},
		"fetch": func(ts *testscript.TestScript, neg bool, args []string) {
			s := get(ts)
			var until *regexp.Regexp
			if len(args) == 3 && args[0] == "-until" {
				until = regexp.MustCompile(args[1])
				args = args[2:]
			}
			if len(args) != 1 {
				ts.Fatalf("usage: fetch [-until RE] PATH")
			}
			deadline := time.Now().Add(10 * time.Second)
			for {
				resp, err := http.Get(s.url + args[0])
				if err != nil {
					ts.Fatalf("GET %s: %v", args[0], err)
				}
				body, _ := io.ReadAll(resp.Body)
				resp.Body.Close()
				if until == nil || until.Match(body) || time.Now().After(deadline) {
					fmt.Fprintf(ts.Stdout(), "%s\n%s", resp.Status, body)
					return
				}
				time.Sleep(20 * time.Millisecond)
			}
		},
		"served": func(ts *testscript.TestScript, neg bool, args []string) {
			s := get(ts)
			fmt.Fprint(ts.Stdout(), s.stdout.String())
			fmt.Fprint(ts.Stderr(), s.stderr.String())
		},
	}
}
