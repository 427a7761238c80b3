// Package markdown turns the Markdown bodies of content files into HTML with
// one configured goldmark instance and vitrin's extensions:
//
//   - a body's "#" heading becomes <h2>, so that the page keeps its one
//     <h1>, or lower when the body sits inside a section of the page
//     (Doc.HeadingShift); headings get ids made from their text (ä → a);
//   - relative links and images ("kuva.jpg") point at the files of the
//     content folder, and a missing file is an error with its line; a
//     link also carries the file's absolute address for print (data-url);
//   - an image without alternative text is an error;
//   - raw HTML is left out unless the site allows it.
package markdown

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// Options configure a Renderer.
type Options struct {
	UnsafeHTML bool // let raw HTML in Markdown through
	// ReservedIDs are element ids the page layout uses; heading ids never
	// take them.
	ReservedIDs []string
}

// Renderer renders Markdown. It is safe for concurrent use.
type Renderer struct {
	md       goldmark.Markdown
	key      parser.ContextKey
	reserved []string
}

// New returns a Renderer.
func New(opts Options) *Renderer {
	r := &Renderer{key: parser.NewContextKey(), reserved: opts.ReservedIDs}
	rendererOpts := []goldmark.Option{}
	if opts.UnsafeHTML {
		rendererOpts = append(rendererOpts, goldmark.WithRendererOptions(html.WithUnsafe()))
	}
	r.md = goldmark.New(append(rendererOpts,
		goldmark.WithExtensions(extension.GFM, extension.Footnote),
		goldmark.WithParserOptions(
			parser.WithAutoHeadingID(),
			parser.WithASTTransformers(util.Prioritized(&transformer{key: r.key}, 1000)),
		),
	)...)
	return r
}

// Doc is a Markdown body and what its relative links may point at.
type Doc struct {
	Path  string          // the content file, for diagnostics
	Body  []byte          // the Markdown
	Line  int             // the file line on which Body starts
	Files map[string]bool // the files next to the content file
	// FilePrefix is prepended to the name of a file of Files to make the
	// URL a page uses for it, such as "../../../media/projects/osku/".
	FilePrefix string
	// FileURL, when set, is the absolute address of the same folder, such
	// as "https://example.org/media/projects/osku/". A link to a file gets
	// it in data-url, which the print style sheet writes out: a printed
	// relative address helps no one.
	FileURL string
	// HeadingShift moves every heading down by this many levels, for a
	// body shown inside a section of its page: with 1, "#" and "##"
	// become <h3> and "###" <h4>.
	HeadingShift int
}

// docState is what the transformer needs to know about the document it
// works on.
type docState struct {
	doc   Doc
	diags *diag.List
}

// Render converts a body to HTML, adding problems to diags.
func (r *Renderer) Render(doc Doc, diags *diag.List) []byte {
	ctx := parser.NewContext(parser.WithIDs(newIDs(r.reserved)))
	ctx.Set(r.key, &docState{doc: doc, diags: diags})
	// The HTML of a body is a little longer than its Markdown: room for
	// it at once rather than by doubling.
	var buf bytes.Buffer
	buf.Grow(len(doc.Body) + len(doc.Body)/4 + 256)
	if err := r.md.Convert(doc.Body, bufWriter{&buf}, parser.WithContext(ctx)); err != nil {
		diags.Addf(diag.Pos{File: doc.Path, Line: doc.Line}, "", "", "cannot render the Markdown: %v", err)
	}
	return buf.Bytes()
}

// bufWriter lets goldmark write into the buffer itself: it wraps any other
// writer in a bufio.Writer of 4 kB, one per body, some 1.2 GB of garbage
// for a catalogue of 100 000 projects.
type bufWriter struct{ *bytes.Buffer }

var _ util.BufWriter = bufWriter{}

func (bufWriter) Flush() error    { return nil }
func (w bufWriter) Buffered() int { return w.Len() }

type transformer struct {
	key parser.ContextKey
}

func (t *transformer) Transform(node *ast.Document, reader text.Reader, pc parser.Context) {
	st, _ := pc.Get(t.key).(*docState)
	if st == nil {
		return
	}
	src := reader.Source()
	_ = ast.Walk(node, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			shift := st.doc.HeadingShift
			n.Level = min(6, max(n.Level+shift, 2+shift))
		case *ast.Image:
			if len(bytes.TrimSpace(inlineText(n, src))) == 0 {
				st.diags.Add(diag.Diagnostic{Pos: st.pos(n, src), Msg: fmt.Sprintf("the image %s has no alternative text", n.Destination),
					Hint: "write what the image shows between the brackets: ![a village hall in winter](" + string(n.Destination) + ")"})
			}
			n.Destination = st.resolve(n, n.Destination, src)
		case *ast.Link:
			before := string(n.Destination)
			n.Destination = st.resolve(n, n.Destination, src)
			if rel, ok := strings.CutPrefix(string(n.Destination), st.doc.FilePrefix); ok && st.doc.FileURL != "" && string(n.Destination) != before {
				n.SetAttributeString("data-url", st.doc.FileURL+rel)
			}
		}
		return ast.WalkContinue, nil
	})
}

// inlineText returns the plain text of an inline node's children.
func inlineText(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		switch c := c.(type) {
		case *ast.Text:
			b.Write(c.Segment.Value(src))
		case *ast.String:
			b.Write(c.Value)
		default:
			b.Write(inlineText(c, src))
		}
	}
	return b.Bytes()
}

// pos returns the file position of a node.
func (st *docState) pos(n ast.Node, src []byte) diag.Pos {
	off := -1
	for p := n; p != nil && off < 0; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			off = p.Lines().At(0).Start
		}
	}
	if off < 0 {
		return diag.Pos{File: st.doc.Path, Line: st.doc.Line}
	}
	line := st.doc.Line + bytes.Count(src[:off], []byte("\n"))
	lineStart := bytes.LastIndexByte(src[:off], '\n') + 1
	return diag.Pos{File: st.doc.Path, Line: line, Col: len([]rune(string(src[lineStart:off]))) + 1}
}

// resolve points a relative link at a file of the content folder.
func (st *docState) resolve(n ast.Node, dest, src []byte) []byte {
	s := string(dest)
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "" || u.Host != "" || strings.HasPrefix(s, "/") || strings.HasPrefix(s, "#") || s == "" {
		return dest
	}
	name, err := url.PathUnescape(u.Path)
	if err != nil {
		name = u.Path
	}
	name = strings.TrimPrefix(name, "./")
	if !st.doc.Files[name] {
		st.diags.Add(diag.Diagnostic{Pos: st.pos(n, src), Msg: fmt.Sprintf("%q is not in the folder of this file", name),
			Hint: "put the file next to " + st.doc.Path[strings.LastIndexByte(st.doc.Path, '/')+1:] + ", or link to a full https:// address"})
		return dest
	}
	out := st.doc.FilePrefix + (&url.URL{Path: name}).EscapedPath()
	if u.RawQuery != "" {
		out += "?" + u.RawQuery
	}
	if u.Fragment != "" {
		out += "#" + u.EscapedFragment()
	}
	return []byte(out)
}
