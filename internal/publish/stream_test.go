package publish

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestStream: a streamed file arrives whole in every kind of sink, through
// a Minifier as it was written (its bytes are minified already), and a
// stream that fails leaves no file behind in a folder.
func TestStream(t *testing.T) {
	big := strings.Repeat(`{"id":"osku","title":"Osallisuus kuuluu kaikille"},`, 20000) // several buffers' worth
	write := func(w io.Writer) error {
		_, err := io.WriteString(w, big)
		return err
	}
	dir, err := NewDir(filepath.Join(t.TempDir(), "public"))
	if err != nil {
		t.Fatal(err)
	}
	defer dir.Abort()
	for _, tt := range []struct {
		name string
		sink Sink
		read func(name string) string
	}{
		{"folder", dir, func(name string) string { b, _ := os.ReadFile(filepath.Join(dir.tmp, name)); return string(b) }},
		{"minifier and folder", NewMinifier(dir), func(name string) string { b, _ := os.ReadFile(filepath.Join(dir.tmp, name)); return string(b) }},
		{"memory", memorySink(t), nil},
		{"minifier and memory", NewMinifier(memorySink(t)), nil},
	} {
		t.Run(tt.name, func(t *testing.T) {
			name := "assets/" + strings.ReplaceAll(tt.name, " ", "-") + ".json"
			if err := Stream(tt.sink, name, write); err != nil {
				t.Fatal(err)
			}
			read := tt.read
			if read == nil {
				mem := tt.sink
				if mf, ok := mem.(*Minifier); ok {
					mem = mf.Next
				}
				read = func(name string) string { b, _ := mem.(*Memory).File(name); return string(b) }
			}
			if got := read(name); got != big {
				t.Errorf("%s holds %d bytes; want the %d written", name, len(got), len(big))
			}
		})
	}
	failing := errors.New("the catalogue could not be encoded")
	err = Stream(NewMinifier(dir), "catalog.json", func(w io.Writer) error {
		io.WriteString(w, big)
		return failing
	})
	if !errors.Is(err, failing) {
		t.Errorf("Stream returned %v; want the writer's error", err)
	}
	if _, err := os.Stat(filepath.Join(dir.tmp, "catalog.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a stream that failed left catalog.json behind (%v)", err)
	}
}

func memorySink(t *testing.T) *Memory {
	t.Helper()
	m := NewMemory()
	m.Begin()
	return m
}
