package main

import (
	"context"
	"os"
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
