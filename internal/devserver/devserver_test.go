package devserver

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestServe(t *testing.T) {
	s := New()
	s.SetSite(map[string][]byte{
		"index.html":                  []byte("root"),
		"404.html":                    []byte("root 404"),
		"fi/index.html":               []byte("etusivu"),
		"fi/404.html":                 []byte("ei löytynyt"),
		"fi/hankkeet/osku/index.html": []byte("osku"),
		"assets/style.css":            []byte("body{}"),
	})
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
		if tt.body != "" && string(body) != tt.body {
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
