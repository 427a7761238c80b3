package devserver

import (
	"bufio"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/publish"
)

func site(files map[string]string) *publish.Snapshot {
	m := publish.NewMemory()
	for name, s := range files {
		if err := m.Write(name, []byte(s)); err != nil {
			panic(err)
		}
	}
	return m.Snapshot()
}

func TestServe(t *testing.T) {
	s := New(Options{Live: true})
	s.SetSite(site(map[string]string{
		"index.html":                  "root",
		"404.html":                    "root 404",
		"fi/index.html":               "etusivu",
		"fi/404.html":                 "ei löytynyt",
		"fi/hankkeet/osku/index.html": "osku",
		"assets/style.css":            "body{}",
	}))
	srv := httptest.NewServer(s)
	defer srv.Close()
	client := srv.Client()
	client.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	tests := []struct {
		path     string
		status   int
		body     string
		location string
		ctype    string
	}{
		{path: "/", status: 200, body: "root", ctype: "text/html"},
		{path: "/fi/", status: 200, body: "etusivu"},
		{path: "/fi/hankkeet/osku/", status: 200, body: "osku"},
		{path: "/fi/hankkeet/osku", status: 301, location: "/fi/hankkeet/osku/"},
		{path: "/assets/style.css", status: 200, body: "body{}", ctype: "text/css"},
		{path: "/fi/hankkeet/puuttuu/", status: 404, body: "ei löytynyt"},
		{path: "/xx/", status: 404, body: "root 404"},
		{path: "/fi/%2e%2e/%2e%2e/etc/passwd", status: 400},
		{path: "/fi/..%2f..%2fetc/passwd", status: 400},
	}
	for _, tt := range tests {
		resp, err := client.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("GET %s = %d; want %d", tt.path, resp.StatusCode, tt.status)
		}
		if tt.body != "" && strings.TrimSuffix(string(body), scriptTag) != tt.body {
			t.Errorf("GET %s body = %q; want %q", tt.path, body, tt.body)
		}
		if tt.location != "" && resp.Header.Get("Location") != tt.location {
			t.Errorf("GET %s Location = %q; want %q", tt.path, resp.Header.Get("Location"), tt.location)
		}
		if tt.ctype != "" && !strings.HasPrefix(resp.Header.Get("Content-Type"), tt.ctype) {
			t.Errorf("GET %s Content-Type = %q; want %s", tt.path, resp.Header.Get("Content-Type"), tt.ctype)
		}
	}
}

func TestLivePages(t *testing.T) {
	files := map[string]string{
		"fi/index.html":    "<html><body><p>etusivu</p></body></html>",
		"assets/style.css": "body{}",
		"catalog.json":     "{}",
	}
	tests := []struct {
		name      string
		live      bool
		errs      []diag.Diagnostic
		path      string
		status    int
		want, not []string
	}{
		{name: "a page gets the live script", live: true, path: "/fi/", status: 200,
			want: []string{`<p>etusivu</p><script src="/_vitrin/live.js"></script></body>`}},
		{name: "a plain host adds nothing", path: "/fi/", status: 200,
			want: []string{"<p>etusivu</p></body>"}, not: []string{"live.js"}},
		{name: "a plain host has no event stream", path: EventsPath, status: 404},
		{name: "a style sheet is untouched", live: true, path: "/assets/style.css", status: 200, want: []string{"body{}"}, not: []string{"script"}},
		{name: "while the content has errors a page shows them", live: true, path: "/fi/", status: 500,
			errs: []diag.Diagnostic{{Pos: diag.Pos{File: "content/projects/osku/index.fi.md", Line: 3, Col: 8}, Field: "period",
				Msg: "2023-02-30 is not a date <b>", Hint: "write 2023-02-28"}},
			want: []string{"content/projects/osku/index.fi.md:3:8", "<code>period</code>", "2023-02-30 is not a date &lt;b&gt;",
				"write 2023-02-28", `<span class="mark">   3 │ period: {start: 2023-02-30}</span>`, "   2 │ title: Osku", live},
			not: []string{"etusivu", "<b>"}},
		{name: "while the content has errors the files still load", live: true, path: "/assets/style.css", status: 200,
			errs: []diag.Diagnostic{{Pos: diag.Pos{File: "content/projects/osku/index.fi.md", Line: 3, Col: 8}, Msg: "bad"}},
			want: []string{"body{}"}},
	}
	source := fstest.MapFS{"content/projects/osku/index.fi.md": {Data: []byte("---\ntitle: Osku\nperiod: {start: 2023-02-30}\n---\n")}}
	for _, tt := range tests {
		s := New(Options{Live: tt.live})
		s.SetSite(site(files))
		if tt.errs != nil {
			s.SetErrors(tt.errs, source)
		}
		srv := httptest.NewServer(s)
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if resp.StatusCode != tt.status {
			t.Errorf("%s: status %d, want %d", tt.name, resp.StatusCode, tt.status)
		}
		for _, w := range tt.want {
			if !strings.Contains(string(body), w) {
				t.Errorf("%s: no %q in\n%s", tt.name, w, body)
			}
		}
		for _, n := range tt.not {
			if strings.Contains(string(body), n) {
				t.Errorf("%s: %q should not be in\n%s", tt.name, n, body)
			}
		}
	}
}

// live is what the error page needs to come back by itself.
const live = `<script src="/_vitrin/live.js"></script>`

func TestEvents(t *testing.T) {
	s := New(Options{Live: true})
	s.SetSite(site(map[string]string{"index.html": "x"}))
	srv := httptest.NewServer(s)
	defer srv.Close()
	resp, err := http.Get(srv.URL + EventsPath)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	r := bufio.NewReader(resp.Body)
	line, _ := r.ReadString('\n')
	if line != "retry: 1000\n" {
		t.Fatalf("first line %q", line)
	}
	r.ReadString('\n')
	s.Notify(Event{Kind: "reload"})
	s.Notify(Event{Kind: "css", Data: `{"assets/style.1.css":"assets/style.2.css"}`})
	var got []string
	for len(got) < 6 {
		l, err := r.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, l)
	}
	want := "event: reload\ndata: \n\nevent: css\ndata: {\"assets/style.1.css\":\"assets/style.2.css\"}\n\n"
	if strings.Join(got, "") != want {
		t.Errorf("events:\n%q\nwant\n%q", strings.Join(got, ""), want)
	}
	// Close ends the stream, so that the server can shut down.
	s.Close()
	if _, err := r.ReadString('\n'); err == nil {
		t.Error("the stream goes on after Close")
	}
}
