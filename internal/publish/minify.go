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
	mt := mediaType(name)
	if mt == "" {
		return mf.Next.Write(name, data)
	}
	b, borrows := mf.Next.(Borrower)
	borrows = borrows && b.Borrows()
	out, _ := mf.bufs.Get().(*bytes.Buffer)
	if out == nil || !borrows {
		out = new(bytes.Buffer)
	}
	out.Reset()
	out.Grow(len(data))
	// A reader with Bytes: the minifier parses data in place.
	if err := mf.m.Minify(mt, out, buffer.NewReader(data)); err != nil {
		return fmt.Errorf("minify %s: %w", name, err)
	}
	err := mf.Next.Write(name, out.Bytes())
	if borrows {
		mf.bufs.Put(out)
	}
	return err
}

// Borrows implements Borrower: the minifier hands Next a minified copy,
// and is done with data when Write returns.
func (mf *Minifier) Borrows() bool { return true }
