package browsertest_test

import (
	"os"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// TestPracticePageTypes runs axe-core on the page types of the library of
// good practices in the example site — the library, a practice page
// written in the page's language, a practice page shown as a fallback in
// its original language, and a project page that lists its practices —
// plus the home page that shows practices, in all three languages at
// phone and desktop widths.
func TestPracticePageTypes(t *testing.T) {
	b := browsertest.Start(t)
	res := sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t)
	root := browsertest.Serve(t, res.Files, "/vitrin/")
	pages := []struct{ kind, path string }{
		{"library", "fi/hyvat-kaytannot/"},
		{"practice", "fi/hyvat-kaytannot/kumppanuuspoyta/"},
		{"practice fallback", "fi/hyvat-kaytannot/koosloome-koolitusprogramm/"},
		{"project with practices", "fi/hankkeet/osku/"},
		{"home with practices", "fi/"},
		{"library", "et/head-tavad/"},
		{"practice", "et/head-tavad/loometalgud/"},
		{"practice fallback", "et/head-tavad/asukasraati/"},
		{"project with practices", "et/projektid/vunki-mano/"},
		{"home with practices", "et/"},
		{"library", "sv/goda-exempel/"},
		{"practice", "sv/goda-exempel/ajatuspaja-menetelma/"},
		{"practice fallback", "sv/goda-exempel/loometalgud/"},
		{"project with practices", "sv/projekt/loov-voru/"},
		{"home with practices", "sv/"},
	}
	checked, violations := 0, 0
	for _, pg := range pages {
		for _, width := range []int{browsertest.Phone, browsertest.Desktop} {
			p := b.Open(t, root+pg.path, width)
			if p.Status != 200 {
				t.Errorf("%s (%s) at %d px: status %d", pg.path, pg.kind, width, p.Status)
				continue
			}
			checked++
			for _, v := range p.Axe() {
				violations++
				t.Errorf("%s (%s) at %d px: %s", pg.path, pg.kind, width, v)
			}
		}
	}
	t.Logf("practice page types: %d pages × widths checked, %d axe violations", checked, violations)
}
