package publish

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path"
	"path/filepath"
)

// A Streamer is a Sink that writes a file from a function writing its
// bytes, so that a file of hundreds of megabytes (a national catalogue's
// catalog.json) is never held in memory whole.
type Streamer interface {
	Sink
	Stream(name string, write func(w io.Writer) error) error
}

// A MinifiedStreamer is a PartWriter that streams a file whose bytes are
// already as it would make them, as WriteMinified takes them.
type MinifiedStreamer interface {
	PartWriter
	StreamMinified(name string, write func(w io.Writer) error) error
}

// Stream writes the file name to s as write writes it: streamed when s
// streams, else collected in memory and written. To a PartWriter (a
// Minifier), write's bytes must be as it would leave them, as
// WriteMinified's are.
func Stream(s Sink, name string, write func(w io.Writer) error) error {
	switch st := s.(type) {
	case MinifiedStreamer:
		return st.StreamMinified(name, write)
	case Streamer:
		return st.Stream(name, write)
	}
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	if pw, ok := s.(PartWriter); ok {
		return pw.WriteMinified(name, buf.Bytes(), nil)
	}
	return s.Write(name, buf.Bytes())
}

// Stream implements Streamer: the file goes to disk through a buffer as
// write writes it. When write fails the file is removed.
func (d *Dir) Stream(name string, write func(w io.Writer) error) error {
	if err := checkName(name); err != nil {
		return err
	}
	if err := d.mkdir(path.Dir(name)); err != nil {
		return err
	}
	full := filepath.Join(d.tmp, filepath.FromSlash(name))
	f, err := os.OpenFile(full, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	bw := bufio.NewWriterSize(f, 256<<10)
	err = write(bw)
	if err == nil {
		err = bw.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		_ = os.Remove(full)
	}
	return err
}

// StreamMinified implements MinifiedStreamer: the bytes go to Next as
// they are written when Next streams.
func (mf *Minifier) StreamMinified(name string, write func(w io.Writer) error) error {
	return Stream(mf.Next, name, write)
}
