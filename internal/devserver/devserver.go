// Package devserver serves a built site from memory for preview on the
// editor's machine. It never reads outside the site it was given. Pages
// get a small script that listens for rebuilds (Server-Sent Events): the
// page reloads and keeps its place, a changed style sheet is swapped
// without a reload, and while the content has errors every page shows
// them, with the lines of the file around each.
package devserver

import (
	"bytes"
	_ "embed"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// Site is the files of a built site; publish.Snapshot is one.
type Site interface {
	File(name string) ([]byte, error)
	Has(name string) bool
}

// Event tells the open pages what happened: "reload", or "css" with a JSON
// object of style sheet names, old → new.
type Event struct {
	Kind string
	Data string
}

// The addresses of the server's own files, which no site file can have:
// vitrin never writes a folder whose name starts with an underscore.
const (
	EventsPath = "/_vitrin/events"
	ScriptPath = "/_vitrin/live.js"
)

//go:embed live.js
var liveScript string

// Server is an http.Handler over the files of a built site. Its site can be
// replaced while it serves.
type Server struct {
	live   bool
	mu     sync.RWMutex
	site   Site
	built  time.Time
	errors []diag.Diagnostic // the problems of the last build, if it failed
	source fs.FS             // the site folder, for the lines around a problem
	subs   map[chan Event]bool
	closed bool
}

// Options say how a Server serves.
type Options struct {
	// Live adds the live script to pages and serves the event stream;
	// without it the server is a plain static host, as tests use it.
	Live bool
}

// New returns a Server with no site yet.
func New(o Options) *Server { return &Server{live: o.Live, subs: map[chan Event]bool{}} }

// SetSite replaces the served files and clears the errors.
func (s *Server) SetSite(site Site) {
	s.mu.Lock()
	s.site, s.errors, s.built = site, nil, time.Now()
	s.mu.Unlock()
}

// SetErrors makes every page show the problems of a failed build; source
// is the site folder, which the problems' paths are relative to. The
// files of the last good build are still served for everything else.
func (s *Server) SetErrors(items []diag.Diagnostic, source fs.FS) {
	s.mu.Lock()
	s.errors, s.source = items, source
	s.mu.Unlock()
}

// Notify sends an event to every open page.
func (s *Server) Notify(ev Event) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for ch := range s.subs {
		select {
		case ch <- ev:
		default: // a page that does not read; it reconnects and reloads
		}
	}
}

// Close ends the event streams, so that the HTTP server can shut down.
func (s *Server) Close() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.closed = true
	for ch := range s.subs {
		close(ch)
		delete(s.subs, ch)
	}
}

func (s *Server) state() (Site, []diag.Diagnostic, fs.FS, time.Time) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.site, s.errors, s.source, s.built
}

// ServeHTTP serves a file of the site, index.html for a folder, and the
// language's 404 page for anything else.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	if !strings.HasPrefix(p, "/") || hasDotDot(p) || strings.ContainsRune(p, '\\') || strings.ContainsRune(p, 0) {
		http.Error(w, "bad path", http.StatusBadRequest)
		return
	}
	switch {
	case !s.live:
	case p == EventsPath:
		s.events(w, r)
		return
	case p == ScriptPath:
		s.serve(w, r, "live.js", []byte(liveScript), http.StatusOK)
		return
	}
	site, errs, source, _ := s.state()
	name := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") {
		name = strings.TrimPrefix(name+"/index.html", "/")
	}
	if name == "" || name == "." {
		name = "index.html"
	}
	if len(errs) > 0 && (path.Ext(name) == ".html" || site == nil || !site.Has(name)) {
		s.serve(w, r, "error.html", errorPage(errs, source), http.StatusInternalServerError)
		return
	}
	if site == nil {
		http.Error(w, "the site is being built", http.StatusServiceUnavailable)
		return
	}
	if site.Has(name) {
		b, err := site.File(name)
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		s.serve(w, r, name, b, http.StatusOK)
		return
	}
	if site.Has(name + "/index.html") {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	nf := "404.html"
	if i := strings.IndexByte(name, '/'); i > 0 && site.Has(name[:i]+"/404.html") {
		nf = name[:i] + "/404.html"
	}
	b, err := site.File(nf)
	if err != nil {
		http.NotFound(w, r)
		return
	}
	s.serve(w, r, nf, b, http.StatusNotFound)
}

// scriptTag is what every HTML page gets before </body>.
const scriptTag = `<script src="` + ScriptPath + `"></script>`

func (s *Server) serve(w http.ResponseWriter, r *http.Request, name string, b []byte, status int) {
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = http.DetectContentType(b)
	}
	if s.live && strings.HasPrefix(ct, "text/html") {
		b = inject(b)
	}
	h := w.Header()
	h.Set("Content-Type", ct)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Content-Type-Options", "nosniff")
	if status != http.StatusOK {
		w.WriteHeader(status)
		if r.Method != http.MethodHead {
			_, _ = w.Write(b)
		}
		return
	}
	// No Last-Modified: a rebuild within the same second as the last one
	// would make the browser keep its copy (304) of a changed page.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(b))
}

// inject adds the live script to a page, before its last </body>.
func inject(page []byte) []byte {
	i := bytes.LastIndex(page, []byte("</body>"))
	if i < 0 {
		i = len(page)
	}
	out := make([]byte, 0, len(page)+len(scriptTag))
	out = append(out, page[:i]...)
	out = append(out, scriptTag...)
	return append(out, page[i:]...)
}

// events streams Events to a page until it goes away or the server
// closes.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming is not supported", http.StatusInternalServerError)
		return
	}
	ch := make(chan Event, 8)
	s.mu.Lock()
	if s.closed {
		s.mu.Unlock()
		http.Error(w, "the server is stopping", http.StatusServiceUnavailable)
		return
	}
	s.subs[ch] = true
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		if s.subs[ch] {
			delete(s.subs, ch)
			close(ch)
		}
		s.mu.Unlock()
	}()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream")
	h.Set("Cache-Control", "no-cache")
	_, _ = w.Write([]byte("retry: 1000\n\n"))
	fl.Flush()
	for {
		select {
		case <-r.Context().Done():
			return
		case ev, ok := <-ch:
			if !ok {
				return
			}
			if _, err := w.Write([]byte("event: " + ev.Kind + "\ndata: " + ev.Data + "\n\n")); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

// hasDotDot reports whether a URL path has a ".." segment, also when it was
// written percent-encoded (the server sees it decoded).
func hasDotDot(p string) bool {
	for _, seg := range strings.FieldsFunc(p, func(r rune) bool { return r == '/' }) {
		if seg == ".." {
			return true
		}
	}
	return false
}

// problem is a diagnostic as the error page shows it.
type problem struct {
	diag.Diagnostic
	Lines []diag.Line
}

const errorLayout = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{len .}} {{if eq (len .) 1}}problem{{else}}problems{{end}} in the content – vitrin</title>
<style>
body{font:1rem/1.5 system-ui,sans-serif;max-width:60rem;margin:1rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}
h1{color:#8a1c1c}h2{font-size:1.1rem;margin-bottom:.25rem}
pre{background:#f4f4f4;padding:.5rem;overflow-x:auto;border-left:4px solid #767676}
.mark{background:#ffe3e3;font-weight:bold;display:inline-block;min-width:100%}
.hint{color:#333}
</style>
</head>
<body>
<main>
<h1>{{len .}} {{if eq (len .) 1}}problem{{else}}problems{{end}} in the content</h1>
<p>The site was not rebuilt. Fix the file and save: this page comes back by itself.</p>
{{range .}}<section>
<h2><code>{{.Pos}}</code></h2>
<p>{{with .Field}}<code>{{.}}</code>: {{end}}{{.Msg}}{{with .Hint}} <span class="hint">— {{.}}</span>{{end}}</p>
{{with .Lines}}<pre>{{range .}}{{if .Marked}}<span class="mark">{{printf "%4d" .Number}} │ {{.Text}}</span>{{else}}{{printf "%4d" .Number}} │ {{.Text}}{{end}}
{{end}}</pre>{{end}}
</section>
{{end}}</main>
</body>
</html>
`

// errorPage shows the problems of a failed build.
func errorPage(items []diag.Diagnostic, source fs.FS) []byte {
	var ps []problem
	for _, d := range items {
		p := problem{Diagnostic: d}
		if source != nil && d.Pos.Line > 0 {
			if src, err := fs.ReadFile(source, d.Pos.File); err == nil {
				p.Lines = diag.Context(src, d.Pos.Line, 2)
			}
		}
		ps = append(ps, p)
	}
	var b bytes.Buffer
	t := template.Must(template.New("error").Parse(errorLayout))
	if err := t.Execute(&b, ps); err != nil {
		return []byte(err.Error())
	}
	return b.Bytes()
}
