package browsertest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/devserver"
	"github.com/vitrin-ssg/vitrin/internal/publish"
)

// Serve serves the files of a built site (name → contents, as a
// publish.Memory holds them) on 127.0.0.1 under basePath, such as
// "/vitrin/", as a static host does: index.html for a folder and the
// language's 404 page, with status 404, for an address that has no file.
// It returns the address of the site's root, ending in a slash. The server
// stops when the test ends.
func Serve(t testing.TB, files map[string][]byte, basePath string) string {
	t.Helper()
	site := devserver.New(devserver.Options{})
	site.SetSite(publish.SnapshotOf(files))
	prefix := strings.TrimSuffix(basePath, "/")
	srv := httptest.NewServer(http.StripPrefix(prefix, site)) // on 127.0.0.1, a free port
	t.Cleanup(srv.Close)
	return srv.URL + prefix + "/"
}
