// Package devserver serves a built site from memory for preview on the
// editor's machine. It never reads outside the site it was given.
package devserver

import (
	"bytes"
	"mime"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"
)

// Server is an http.Handler over the files of a built site. Its site can be
// replaced while it serves.
type Server struct {
	mu    sync.RWMutex
	files map[string][]byte
	built time.Time
}

// New returns a Server with no site yet.
func New() *Server { return &Server{files: map[string][]byte{}} }

// SetSite replaces the served files: name → contents, names as in
// publish.Sink.
func (s *Server) SetSite(files map[string][]byte) {
	s.mu.Lock()
	s.files = files
	s.built = time.Now()
	s.mu.Unlock()
}

func (s *Server) file(name string) ([]byte, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	b, ok := s.files[name]
	return b, ok
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
	name := strings.TrimPrefix(path.Clean(p), "/")
	if strings.HasSuffix(p, "/") {
		name = strings.TrimPrefix(name+"/index.html", "/")
	}
	if name == "" || name == "." {
		name = "index.html"
	}
	if b, ok := s.file(name); ok {
		s.serve(w, r, name, b, http.StatusOK)
		return
	}
	if _, ok := s.file(name + "/index.html"); ok {
		http.Redirect(w, r, p+"/", http.StatusMovedPermanently)
		return
	}
	nf := "404.html"
	if i := strings.IndexByte(name, '/'); i > 0 {
		if _, ok := s.file(name[:i] + "/404.html"); ok {
			nf = name[:i] + "/404.html"
		}
	}
	b, ok := s.file(nf)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.serve(w, r, nf, b, http.StatusNotFound)
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request, name string, b []byte, status int) {
	ct := mime.TypeByExtension(path.Ext(name))
	if ct == "" {
		ct = http.DetectContentType(b)
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
	s.mu.RLock()
	built := s.built
	s.mu.RUnlock()
	http.ServeContent(w, r, name, built, bytes.NewReader(b))
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
