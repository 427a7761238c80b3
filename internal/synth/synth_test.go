package synth_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	"github.com/vitrin-ssg/vitrin/internal/synth"
)

// TestSiteBuilds: a generated catalogue is one an editor could have
// written: it builds without a single problem, projects and practices
// appear in every language, and the same options give the same bytes.
func TestSiteBuilds(t *testing.T) {
	for _, tt := range []struct {
		name      string
		o         synth.Options
		practices int
	}{
		{"small", synth.Options{Projects: 60}, 0},
		{"full", synth.Options{Projects: 120, Full: true, Seed: 3}, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			fsys := synth.Site(tt.o)
			res := sitetest.BuildFS(t, fsys, sitetest.Options{}).MustSucceed(t)
			for _, page := range []string{"fi/hankkeet/p00001/index.html", "et/projektid/p00060/index.html", "sv/projekt/p00030/index.html"} {
				if !strings.Contains(res.File(t, page), "<h1") {
					t.Errorf("%s has no title", page)
				}
			}
			n := 0
			for name := range res.Files {
				if strings.HasPrefix(name, "fi/hyvat-kaytannot/k") && strings.HasSuffix(name, "/index.html") {
					n++
				}
			}
			if n != tt.practices {
				t.Errorf("%d practice pages in Finnish; want %d", n, tt.practices)
			}
			if tt.o.Full {
				files := 0
				for name := range fsys {
					if strings.HasPrefix(name, "content/projects/") {
						files++
					}
				}
				if files != 3*tt.o.Projects {
					t.Errorf("%d project files; want every project in three languages (%d)", files, 3*tt.o.Projects)
				}
			}
			again := synth.Site(tt.o)
			for name, f := range fsys {
				if g, ok := again[name]; !ok || !bytes.Equal(g.Data, f.Data) {
					t.Fatalf("%s differs between two runs with the same options", name)
				}
			}
			other := tt.o
			other.Seed++
			if bytes.Equal(synth.Site(other)["content/projects/p00001/index.fi.md"].Data, fsys["content/projects/p00001/index.fi.md"].Data) {
				t.Error("another seed gives the same first project")
			}
		})
	}
}
