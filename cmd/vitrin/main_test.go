package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"vitrin": func() { os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr, os.Getenv)) },
	})
}

// TestScripts runs the CLI scenarios in testdata/script.
func TestScripts(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: "testdata/script", Cmds: serverCmds()})
}

func TestBuildDate(t *testing.T) {
	tests := []struct {
		flag, epoch, want string
		bad               bool
	}{
		{flag: "2024-05-31", want: "2024-05-31T00:00:00Z"},
		{flag: "2024-05-31T12:30:00+03:00", want: "2024-05-31T09:30:00Z"},
		{epoch: "1717113600", want: "2024-05-31T00:00:00Z"},
		{flag: "2024-05-31", epoch: "0", want: "2024-05-31T00:00:00Z"},
		{flag: "31.5.2024", bad: true},
		{epoch: "tomorrow", bad: true},
	}
	for _, tt := range tests {
		got, err := buildDate(tt.flag, tt.epoch)
		if tt.bad {
			if err == nil {
				t.Errorf("buildDate(%q, %q) = %v; want an error", tt.flag, tt.epoch, got)
			}
			continue
		}
		if err != nil || got.Format("2006-01-02T15:04:05Z07:00") != tt.want {
			t.Errorf("buildDate(%q, %q) = %v, %v; want %s", tt.flag, tt.epoch, got, err, tt.want)
		}
	}
}

// TestGenExitCodes: gen's usage errors exit 2, as the other commands'.
func TestGenExitCodes(t *testing.T) {
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "keep.txt"), []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args []string
		code int
	}{
		{[]string{"gen", "-projects", "3", "-out", filepath.Join(t.TempDir(), "new")}, exitOK},
		{[]string{"gen", "-projects", "3", "-out", t.TempDir()}, exitOK},
		{[]string{"gen", "-projects", "3", "-out", full}, exitUsage},
		{[]string{"gen", "-projects", "3"}, exitUsage},
		{[]string{"gen", "-projects", "-1", "-out", t.TempDir()}, exitUsage},
		{[]string{"gen", "-projects", "many", "-out", t.TempDir()}, exitUsage},
		{[]string{"gen", "-out", t.TempDir(), "more"}, exitUsage},
		{[]string{"gen", "-h"}, exitOK},
	}
	for _, tt := range tests {
		var stdout, stderr strings.Builder
		if got := run(context.Background(), tt.args, &stdout, &stderr, func(string) string { return "" }); got != tt.code {
			t.Errorf("vitrin %s: exit %d; want %d\n%s", strings.Join(tt.args, " "), got, tt.code, stderr.String())
		}
	}
}

func TestMemTotal(t *testing.T) {
	tests := []struct {
		name, meminfo string
		want          int64
	}{
		{"linux", "MemTotal:       24576000 kB\nMemFree:        22000000 kB\n", 24576000 << 10},
		{"not the first line", "Foo: 1 kB\nMemTotal: 8 kB\n", 8 << 10},
		{"no total", "MemFree: 1 kB\n", 0},
		{"another unit", "MemTotal: 8 MB\n", 0},
		{"not a number", "MemTotal: many kB\n", 0},
		{"empty", "", 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := memTotal([]byte(tc.meminfo)); got != tc.want {
				t.Errorf("memTotal = %d, want %d", got, tc.want)
			}
		})
	}
}

func TestMemoryLimit(t *testing.T) {
	const gib = int64(1) << 30
	tests := []struct {
		name  string
		total int64
		build bool
		want  int64 // 0: no limit
	}{
		{"build on the benchmarks' machine", 24 * gib, true, memoryBudget},
		{"build on 4 GB: the budget", 4 * gib, true, memoryBudget},
		{"build on 3 GB: three quarters", 3 * gib, true, 3 * gib / 4 * 3},
		{"build on a small virtual machine", 2 * gib, true, 3 * gib / 2},
		{"build on an unknown machine", 0, true, memoryBudget},
		{"serve on the benchmarks' machine: three quarters", 24 * gib, false, 18 * gib},
		{"serve on an unknown machine", 0, false, 0},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := memoryLimit(tc.total, tc.build)
			if !ok {
				got = 0
			}
			if got != tc.want {
				t.Errorf("memoryLimit(%d, %v) = %d, %v; want %d", tc.total, tc.build, got, ok, tc.want)
			}
		})
	}
}
