package browsertest

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// NuError is an error the Nu HTML checker found in a file.
type NuError struct {
	File      string // the file's name in the site, such as "fi/index.html"
	Line, Col int
	Message   string
	Extract   string // the markup around it
}

func (e NuError) String() string {
	return fmt.Sprintf("%s:%d:%d: Nu: %s\n\t%s", e.File, e.Line, e.Col, e.Message, strings.ReplaceAll(e.Extract, "\n", " "))
}

// RequireNu returns the commands that run the Nu HTML checker (Java and
// vnu.jar of the npm package vnu-jar), or skips or fails the test.
func RequireNu(t testing.TB) (java, jar string) {
	t.Helper()
	jar = NodeModule(t, "vnu-jar/build/dist/vnu.jar")
	java, err := exec.LookPath("java")
	if err != nil {
		missing(t, "Java (for the Nu HTML checker)", "apt-get install default-jre-headless")
	}
	return java, jar
}

// Nu runs the Nu HTML checker over every .html file of a built site and
// returns its errors (warnings are left out), sorted by file.
func Nu(t testing.TB, files map[string][]byte) []NuError {
	t.Helper()
	java, jar := RequireNu(t)
	dir := t.TempDir()
	n := 0
	for name, b := range files {
		if path.Ext(name) != ".html" {
			continue
		}
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if n == 0 {
		t.Fatal("Nu: the site has no HTML files")
	}
	// One Java process checks the whole folder; the report is JSON on
	// standard error, and the exit status is 1 when there are errors.
	cmd := exec.Command(java, "-jar", jar, "--errors-only", "--format", "json", "--skip-non-html", dir)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	runErr := cmd.Run()
	var report struct {
		Messages []struct {
			Type    string `json:"type"`
			URL     string `json:"url"`
			Line    int    `json:"lastLine"`
			Col     int    `json:"firstColumn"`
			Message string `json:"message"`
			Extract string `json:"extract"`
		} `json:"messages"`
	}
	if err := json.Unmarshal(stderr.Bytes(), &report); err != nil {
		t.Fatalf("Nu: %v (%v); it printed:\n%s", err, runErr, stderr.String())
	}
	var out []NuError
	for _, m := range report.Messages {
		if m.Type != "error" && m.Type != "non-document-error" {
			continue
		}
		file := m.URL
		if u, err := url.Parse(m.URL); err == nil && u.Scheme == "file" {
			if rel, err := filepath.Rel(dir, filepath.FromSlash(u.Path)); err == nil {
				file = filepath.ToSlash(rel)
			}
		}
		out = append(out, NuError{File: file, Line: m.Line, Col: m.Col, Message: m.Message, Extract: m.Extract})
	}
	if len(out) == 0 && runErr != nil {
		t.Fatalf("Nu: %v; it printed:\n%s", runErr, stderr.String())
	}
	slices.SortStableFunc(out, func(a, b NuError) int { return strings.Compare(a.File, b.File) })
	return out
}
