package publish

import (
	"bytes"
	"fmt"
	"regexp"
	"sync"

	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/css"
	"github.com/tdewolff/minify/v2/html"
	"github.com/tdewolff/minify/v2/js"
	"github.com/tdewolff/minify/v2/json"
	"github.com/tdewolff/minify/v2/svg"
	"github.com/tdewolff/minify/v2/xml"
	"github.com/tdewolff/parse/v2/buffer"
)

// Minifier is a Sink that minifies HTML, CSS, JavaScript, JSON, SVG and XML
// files before passing them on to Next; other files pass unchanged.
type Minifier struct {
	Next Sink
	m    *minify.M
	bufs sync.Pool // *bytes.Buffer of output that Next is done with
}

// NewMinifier returns a Minifier in front of next.
func NewMinifier(next Sink) *Minifier {
	m := minify.New()
	m.Add("text/html", &html.Minifier{KeepDocumentTags: true, KeepEndTags: true, KeepQuotes: true, KeepDefaultAttrVals: true})
	m.AddFunc("text/css", css.Minify)
	m.AddFunc("application/javascript", js.Minify)
	// Numbers in JSON stay as written: catalog.json is open data, and a
	// total of 1000000 must not become 1e6.
	m.AddRegexp(regexp.MustCompile(`[/+]json$`), &json.Minifier{KeepNumbers: true})
	m.AddFunc("image/svg+xml", svg.Minify)
	m.AddFuncRegexp(regexp.MustCompile(`[/+]xml$`), xml.Minify)
	return &Minifier{Next: next, m: m}
}

// mediaType returns the media type the minifier knows a file by, or "".
func mediaType(name string) string {
	switch Ext(name) {
	case "html":
		return "text/html"
	case "css":
		return "text/css"
	case "js", "mjs":
		return "application/javascript"
	case "json":
		return "application/json"
	case "svg":
		return "image/svg+xml"
	case "xml":
		return "application/xml"
	}
	return ""
}

// Write implements Sink.
func (mf *Minifier) Write(name string, data []byte) error {
	return mf.WriteParts(name, data, nil)
}

// Part implements PartWriter: it minifies an HTML fragment that files of
// the kind of name will hold in their parts.
func (mf *Minifier) Part(name string, fragment []byte) ([]byte, error) {
	mt := mediaType(name)
	if mt == "" {
		return fragment, nil
	}
	var out bytes.Buffer
	out.Grow(len(fragment))
	if err := mf.m.Minify(mt, &out, buffer.NewReader(fragment)); err != nil {
		return nil, fmt.Errorf("minify a part of %s: %w", name, err)
	}
	return out.Bytes(), nil
}

// WriteParts implements PartWriter: it minifies data, whose parts are
// minified already, and puts the parts in.
func (mf *Minifier) WriteParts(name string, data []byte, parts []string) error {
	mt := mediaType(name)
	if mt == "" {
		whole, err := Splice(nil, data, parts)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		return mf.Next.Write(name, whole)
	}
	borrows := mf.borrows()
	out := mf.buffer(len(data), borrows)
	// A reader with Bytes: the minifier parses data in place.
	if err := mf.m.Minify(mt, out, buffer.NewReader(data)); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	if len(parts) > 0 {
		size := out.Len()
		for _, p := range parts {
			size += len(p)
		}
		whole := mf.buffer(size, borrows)
		b, err := Splice(whole.AvailableBuffer(), out.Bytes(), parts)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		whole.Write(b)
		if borrows {
			mf.bufs.Put(out)
		}
		out = whole
	}
	err := mf.Next.Write(name, out.Bytes())
	if borrows {
		mf.bufs.Put(out)
	}
	return err
}

// WriteMinified implements PartWriter: data, written as the minifier
// would leave it, goes to Next with the parts put in.
func (mf *Minifier) WriteMinified(name string, data []byte, parts []string) error {
	borrows := mf.borrows()
	if len(parts) == 0 && borrows {
		return mf.Next.Write(name, data)
	}
	size := len(data)
	for _, p := range parts {
		size += len(p)
	}
	whole := mf.buffer(size, borrows)
	b, err := Splice(whole.AvailableBuffer(), data, parts)
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	err = mf.Next.Write(name, b)
	if borrows {
		mf.bufs.Put(whole)
	}
	return err
}

// borrows says whether Next is done with the bytes of a Write when it
// returns, so that the minifier may use them again.
func (mf *Minifier) borrows() bool {
	b, ok := mf.Next.(Borrower)
	return ok && b.Borrows()
}

// buffer returns an empty buffer of at least size bytes: one that Next is
// done with when it borrows, else a new one.
func (mf *Minifier) buffer(size int, borrows bool) *bytes.Buffer {
	out, _ := mf.bufs.Get().(*bytes.Buffer)
	if out == nil || !borrows {
		out = new(bytes.Buffer)
	}
	out.Reset()
	out.Grow(size)
	return out
}

// Borrows implements Borrower: the minifier hands Next a minified copy,
// and is done with data when Write returns.
func (mf *Minifier) Borrows() bool { return true }
