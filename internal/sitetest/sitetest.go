// Package sitetest builds whole sites written as txtar archives, for tests:
// the archive's files become the site folder, the built-in theme is
// available, and the output stays in memory.
package sitetest

import (
	"context"
	"errors"
	"io/fs"
	"net/url"
	"path"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// Now returns the build date of test sites unless a test sets another:
// 2024-06-01.
func Now() time.Time { return time.Date(2024, 6, 1, 12, 0, 0, 0, time.UTC) }

// Result is a built test site.
type Result struct {
	Files map[string][]byte
	Err   error             // the build's error, nil on success
	Diags []diag.Diagnostic // the content problems, when Err is a *diag.Errors
}

// Options change how a test site is built.
type Options struct {
	Now     time.Time // zero means Now()
	Minify  bool      // minify as a production build does
	BaseURL *url.URL  // when set, overrides the site's base_url
}

// FS turns a txtar archive into a site folder.
func FS(archive string) fstest.MapFS {
	a := txtar.Parse([]byte(archive))
	m := fstest.MapFS{}
	for _, f := range a.Files {
		m[path.Clean(f.Name)] = &fstest.MapFile{Data: f.Data, Mode: 0o644}
	}
	return m
}

// Build builds the site of a txtar archive.
func Build(t testing.TB, archive string, opts Options) *Result {
	t.Helper()
	return BuildFS(t, FS(archive), opts)
}

// BuildFS builds the site in fsys.
func BuildFS(t testing.TB, fsys fs.FS, opts Options) *Result {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = Now()
	}
	mem := publish.NewMemory()
	_, err := build.Build(context.Background(), build.Options{
		Source: fsys, DefaultTheme: defaulttheme.FS(), Now: opts.Now, Sink: mem, NoMinify: !opts.Minify,
		BaseURL: opts.BaseURL,
	})
	r := &Result{Files: mem.Files(), Err: err}
	var errs *diag.Errors
	if errors.As(err, &errs) {
		r.Diags = errs.Items
	} else if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	return r
}

// MustSucceed fails the test when the build reported problems.
func (r *Result) MustSucceed(t testing.TB) *Result {
	t.Helper()
	if r.Err != nil {
		t.Fatalf("build failed:\n%v", r.Err)
	}
	return r
}

// File returns an output file, failing the test when it is missing.
func (r *Result) File(t testing.TB, name string) string {
	t.Helper()
	b, ok := r.Files[name]
	if !ok {
		t.Fatalf("the site has no %s", name)
	}
	return string(b)
}

// Errors returns the problems as "file:line:col: message" lines.
func (r *Result) Errors() []string {
	out := make([]string, len(r.Diags))
	for i, d := range r.Diags {
		out[i] = d.Error()
	}
	return out
}

// HasError reports whether some problem's line contains every one of the
// parts.
func (r *Result) HasError(parts ...string) bool {
	for _, line := range r.Errors() {
		ok := true
		for _, p := range parts {
			ok = ok && strings.Contains(line, p)
		}
		if ok {
			return true
		}
	}
	return false
}
