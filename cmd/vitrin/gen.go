package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"

	"github.com/vitrin-ssg/vitrin/internal/synth"
)

// runGen writes a synthetic catalogue for benchmarks: every project in
// three languages with all its facts, and a good practice for every 50
// projects (synth.Options.Full), as a vitrin site or, with -hugo, as the
// same catalogue for Hugo.
func runGen(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() { fmt.Fprint(stderr, usage) }
	var (
		projects int
		seed     uint64
		hugo     bool
		out      string
	)
	fs.IntVar(&projects, "projects", 1000, "the number of projects")
	fs.Uint64Var(&seed, "seed", 0, "varies the content")
	fs.BoolVar(&hugo, "hugo", false, "write a Hugo site")
	fs.StringVar(&out, "out", "", "the folder to write the site to")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	switch {
	case fs.NArg() > 0:
		fmt.Fprintf(stderr, "vitrin gen: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	case out == "":
		fmt.Fprintln(stderr, "vitrin gen: give the folder to write to with -out DIR")
		return exitUsage
	case projects < 1:
		fmt.Fprintf(stderr, "vitrin gen: -projects %d: write a number of projects, 1 or more\n", projects)
		return exitUsage
	}
	if err := emptyDir(out); err != nil {
		fmt.Fprintf(stderr, "vitrin gen: %v\n", err)
		return exitUsage
	}
	o := synth.Options{Projects: projects, Seed: seed, Full: true}
	write, kind := synth.WriteDir, "vitrin"
	if hugo {
		write, kind = synth.WriteHugoDir, "Hugo"
	}
	if err := write(out, o); err != nil {
		fmt.Fprintf(stderr, "vitrin gen: %v\n", err)
		return exitContent
	}
	fmt.Fprintf(stdout, "vitrin gen: %d projects, %d practices as a %s site in %s\n", projects, projects/50, kind, out)
	return exitOK
}

// emptyDir makes sure dir is a folder with nothing in it, making it if
// it does not exist: gen never mixes its files with others.
func emptyDir(dir string) error {
	entries, err := os.ReadDir(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(dir, 0o755)
	case err != nil:
		return fmt.Errorf("-out %s: %w", dir, err)
	case len(entries) > 0:
		return fmt.Errorf("-out %s is not empty; give a new or empty folder", dir)
	}
	return nil
}
