// Command vitrin builds catalogues of rural-development projects from
// Markdown, in Finnish, Estonian and Swedish.
//
//	vitrin build   write the site to public/
//	vitrin check   validate the content, write nothing
//	vitrin serve   build and serve the site on 127.0.0.1
//	vitrin gen     write a synthetic catalogue, for benchmarks
//	vitrin version print the version
//	vitrin help    explain the commands
//
// Exit codes: 0 success, 1 problems in the content, 2 wrong usage.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/build"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// Exit codes.
const (
	exitOK      = 0
	exitContent = 1
	exitUsage   = 2
)

func main() {
	// A build allocates gigabytes of short-lived pages: collecting a third
	// less often than Go's default saves CPU time for a little more peak
	// memory. At 200 the peak came close to half of Hugo's, the limit in
	// BENCHMARKS.md; 150 keeps a margin. GOGC, when set, decides.
	if len(os.Args) > 1 && os.Args[1] == "build" && os.Getenv("GOGC") == "" {
		debug.SetGCPercent(150)
	}
	// Left alone, the heap of a national catalogue grows well past what it
	// holds: 100 000 projects keep some 1.3 GB live and, collected by
	// GOGC alone, take 6 GB. Past a budget the collector works harder
	// instead, so that a national catalogue builds on a small machine and
	// leaves room for the editor's browser (see memoryLimit). GOMEMLIMIT,
	// when set, decides.
	if os.Getenv("GOMEMLIMIT") == "" {
		var total int64
		if b, err := os.ReadFile("/proc/meminfo"); err == nil {
			total = memTotal(b)
		}
		if limit, ok := memoryLimit(total, len(os.Args) > 1 && os.Args[1] == "build"); ok {
			debug.SetMemoryLimit(limit)
		}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, os.Getenv)
	stop()
	os.Exit(code)
}

// memoryBudget is the most memory a build aims to take. A catalogue of
// 100 000 projects in three languages keeps some 1.3 GB live; with this
// budget its build peaks below 3 GB and takes about as long as with
// GOGC alone (BENCHMARKS.md). Smaller catalogues never reach it.
const memoryBudget = 2560 << 20

// memoryLimit is the soft memory limit of a command on a machine with
// total bytes of memory (0 when unknown). A one-off build gets the budget,
// or three quarters of the machine's memory when that is less. vitrin
// serve keeps the whole site and what it rendered between rebuilds, more
// than the budget for a national catalogue, where a limit below what is
// live would keep the collector running: it gets three quarters of the
// machine, and no limit when that is unknown.
func memoryLimit(total int64, build bool) (int64, bool) {
	switch {
	case total > 0 && build:
		return min(memoryBudget, total/4*3), true
	case build:
		return memoryBudget, true
	case total > 0:
		return total / 4 * 3, true
	}
	return 0, false
}

// memTotal returns the machine's memory in bytes from the text of Linux's
// /proc/meminfo, or 0.
func memTotal(meminfo []byte) int64 {
	for line := range strings.Lines(string(meminfo)) {
		rest, ok := strings.CutPrefix(line, "MemTotal:")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) != 2 || f[1] != "kB" {
			return 0
		}
		kb, err := strconv.ParseInt(f[0], 10, 64)
		if err != nil || kb <= 0 {
			return 0
		}
		return kb << 10
	}
	return 0
}

const usage = `vitrin builds a catalogue of projects from Markdown, in Finnish, Estonian and Swedish.

Usage:
  vitrin build   [-source DIR] [-dest DIR] [-base-url URL] [-now DATE]
  vitrin check   [-source DIR] [-base-url URL] [-now DATE]
  vitrin serve   [-source DIR] [-port N] [-now DATE]
  vitrin gen     -out DIR [-projects N] [-seed S] [-hugo]
  vitrin version
  vitrin help    [command]

  build    writes the site to -dest (default public). The previous output stays
           as it was until the new one is complete; a build with errors changes nothing.
  check    reads and validates everything as build does, and writes nothing.
  serve    builds the site in memory and serves it on 127.0.0.1 for preview.
  gen      writes a synthetic catalogue of -projects projects (default 1000) in three
           languages, with a good practice for every 50, into a new or empty -out; the
           same -seed gives the same files. With -hugo, the same catalogue as a Hugo
           site. For benchmarks: see BENCHMARKS.md.

Flags:
  -source DIR     the site folder, with content/ (default .)
  -dest DIR       where build writes the site (default public)
  -base-url URL   the address the site is published at, such as https://example.org/hankkeet/
                  (default: base_url in vitrin.yaml)
  -now DATE       the build date, 2024-05-31 or 2024-05-31T12:00:00Z; project status
                  derives from it (default: SOURCE_DATE_EPOCH, or today)
  -port N         the port serve listens on (default 1313; 0 picks a free one)

Exit codes: 0 success, 1 problems in the content, 2 wrong usage.
`

// run is the whole command; main only wires it to the process.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "build", "check", "serve":
		return runSite(ctx, cmd, rest, stdout, stderr, getenv)
	case "gen":
		return runGen(rest, stdout, stderr)
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, "vitrin", version())
		return exitOK
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "vitrin: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown)"
	}
	v := info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" && (v == "" || v == "(devel)") {
			v = "devel " + s.Value[:min(12, len(s.Value))]
		}
	}
	if v == "" {
		v = "(devel)"
	}
	return v
}

// siteFlags are the flags of build, check and serve.
type siteFlags struct {
	source, dest, baseURL, now string
	port                       int
}

func runSite(ctx context.Context, cmd string, args []string, stdout, stderr io.Writer, getenv func(string) string) int {
	fs := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	var f siteFlags
	fs.StringVar(&f.source, "source", ".", "the site folder")
	if cmd == "build" {
		fs.StringVar(&f.dest, "dest", "public", "where to write the site")
	}
	if cmd != "serve" {
		fs.StringVar(&f.baseURL, "base-url", "", "the address the site is published at")
	}
	fs.StringVar(&f.now, "now", "", "the build date")
	if cmd == "serve" {
		fs.IntVar(&f.port, "port", 1313, "the port to listen on")
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "vitrin %s: unexpected argument %q\n", cmd, fs.Arg(0))
		return exitUsage
	}
	now, err := buildDate(f.now, getenv("SOURCE_DATE_EPOCH"))
	if err != nil {
		fmt.Fprintf(stderr, "vitrin %s: %v\n", cmd, err)
		return exitUsage
	}
	if info, err := os.Stat(f.source); err != nil || !info.IsDir() {
		fmt.Fprintf(stderr, "vitrin %s: the site folder %s does not exist\n", cmd, f.source)
		return exitUsage
	}
	opts := build.Options{Source: os.DirFS(f.source), DefaultTheme: defaulttheme.FS(), Now: now}
	if f.baseURL != "" {
		u, err := config.ParseBaseURL(f.baseURL)
		if err != nil {
			fmt.Fprintf(stderr, "vitrin %s: -base-url: %v\n", cmd, err)
			return exitUsage
		}
		opts.BaseURL = u
	}
	switch cmd {
	case "check":
		opts.Sink = publish.Discard{}
		res, err := build.Build(ctx, opts)
		if code := report(stderr, cmd, f.source, err); code != exitOK {
			return code
		}
		fmt.Fprintf(stdout, "vitrin check: %d projects, %d practices in %d languages, no problems\n",
			len(res.Site.Projects), len(res.Site.Practices), len(res.Site.Config.Languages))
		return exitOK
	case "serve":
		return serve(ctx, f, opts, stdout, stderr)
	}
	if err := checkDest(f.source, f.dest); err != nil {
		fmt.Fprintf(stderr, "vitrin build: %v\n", err)
		return exitUsage
	}
	dir, err := publish.NewDir(f.dest)
	if err != nil {
		fmt.Fprintf(stderr, "vitrin build: %v\n", err)
		return exitUsage
	}
	opts.Sink = dir
	if name := getenv("VITRIN_CPUPROFILE"); name != "" {
		stop, err := startProfile(name)
		if err != nil {
			fmt.Fprintf(stderr, "vitrin build: VITRIN_CPUPROFILE: %v\n", err)
			return exitUsage
		}
		defer stop()
	}
	res, err := build.Build(ctx, opts)
	if name := getenv("VITRIN_MEMPROFILE"); name != "" && err == nil {
		// While res holds the site: what a build keeps until its end.
		if err := writeHeapProfile(name); err != nil {
			fmt.Fprintf(stderr, "vitrin build: VITRIN_MEMPROFILE: %v\n", err)
		}
	}
	if err != nil {
		_ = dir.Abort()
		code := report(stderr, cmd, f.source, err)
		fmt.Fprintf(stderr, "vitrin build: %s was not changed\n", f.dest)
		return code
	}
	if err := dir.Commit(); err != nil {
		_ = dir.Abort()
		fmt.Fprintf(stderr, "vitrin build: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "vitrin build: %d projects, %d practices in %d languages: %d pages, %d files in %s (%s)\n",
		len(res.Site.Projects), len(res.Site.Practices), len(res.Site.Config.Languages), res.Stats.Pages, res.Stats.Files, f.dest,
		res.Duration.Round(time.Millisecond))
	return exitOK
}

// startProfile writes a CPU profile of the build to name, for
// BENCHMARKS.md's method; stop ends it.
func startProfile(name string) (stop func(), err error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}, nil
}

// writeHeapProfile writes a profile of the memory in use to name, for
// BENCHMARKS.md's method.
func writeHeapProfile(name string) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	runtime.GC()
	if err := pprof.WriteHeapProfile(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// report prints a build error: each content problem on its own line with
// its position, then their count.
func report(stderr io.Writer, cmd, source string, err error) int {
	if err == nil {
		return exitOK
	}
	var errs *diag.Errors
	if !errors.As(err, &errs) {
		fmt.Fprintf(stderr, "vitrin %s: %v\n", cmd, err)
		return exitContent
	}
	for _, d := range errs.Items {
		if source != "." && source != "" {
			d.Pos.File = filepath.ToSlash(filepath.Join(source, d.Pos.File))
		}
		fmt.Fprintln(stderr, d.Error())
	}
	fmt.Fprintf(stderr, "vitrin %s: %s\n", cmd, errs.Summary())
	return exitContent
}

// buildDate reads -now, or SOURCE_DATE_EPOCH, or takes the current time.
func buildDate(flagValue, epoch string) (time.Time, error) {
	if flagValue != "" {
		for _, layout := range []string{"2006-01-02", time.RFC3339} {
			if t, err := time.Parse(layout, flagValue); err == nil {
				return t.UTC(), nil
			}
		}
		return time.Time{}, fmt.Errorf("-now %q is not a date: write 2024-05-31 or 2024-05-31T12:00:00Z", flagValue)
	}
	if epoch != "" {
		sec, err := strconv.ParseInt(epoch, 10, 64)
		if err != nil {
			return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH %q is not a number of seconds", epoch)
		}
		return time.Unix(sec, 0).UTC(), nil
	}
	return time.Now().UTC(), nil
}

// checkDest refuses a destination that would overwrite the site's own
// files: the site folder, content/ or themes/, a folder inside them, or a
// parent of them.
func checkDest(source, dest string) error {
	src, err := filepath.Abs(source)
	if err != nil {
		return err
	}
	dst, err := filepath.Abs(dest)
	if err != nil {
		return err
	}
	src, dst = resolve(src), resolve(dst)
	within := func(child, parent string) bool {
		rel, err := filepath.Rel(parent, child)
		return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
	}
	switch {
	case within(src, dst):
		return fmt.Errorf("-dest %s is the site folder or a folder above it; choose a folder of its own, such as public", dest)
	case within(dst, filepath.Join(src, "content")), within(dst, filepath.Join(src, "themes")), within(dst, filepath.Join(src, "static")):
		return fmt.Errorf("-dest %s is inside the site's sources; choose a folder of its own, such as public", dest)
	}
	return nil
}

// resolve follows symbolic links of the existing part of a path.
func resolve(p string) string {
	if r, err := filepath.EvalSymlinks(p); err == nil {
		return r
	}
	dir, base := filepath.Split(p)
	if dir == p || dir == "" {
		return p
	}
	return filepath.Join(resolve(filepath.Clean(dir)), base)
}

// printURL writes the address of a served site.
func printURL(w io.Writer, u *url.URL) {
	fmt.Fprintf(w, "vitrin serve: the site is at %s (Ctrl-C stops)\n", u)
}
