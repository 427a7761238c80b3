package build_test

import (
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// TestUnknownTheme names a theme the site does not have: the error points
// at theme: in vitrin.yaml, and the content's own problems are reported in
// the same run.
func TestUnknownTheme(t *testing.T) {
	site := strings.Replace(readTestdata(t, "small.txtar"),
		"-- vitrin.yaml --\n", "-- vitrin.yaml --\ntheme: vaalea\n", 1) + `
-- content/projects/tuntematon/index.fi.md --
---
title: Teema
summary: Tuntematon teema.
organisation: Yhdistys ry
period: {start: 2024-01-15}
themes: [nuorett]
---
`
	res := sitetest.Build(t, site, sitetest.Options{})
	want := [][]string{
		{`vitrin.yaml:1:8: theme: the theme "vaalea" is not in the site`, "put the theme in themes/vaalea/ or use theme: default"},
		{"content/projects/tuntematon/index.fi.md:6:10: themes:", `"nuorett" is not in the themes vocabulary`},
	}
	for _, parts := range want {
		if !res.HasError(parts...) {
			t.Errorf("no error with %q; got:\n%s", parts, strings.Join(res.Errors(), "\n"))
		}
	}
	if len(res.Errors()) != len(want) {
		t.Errorf("got %d errors, want %d:\n%s", len(res.Errors()), len(want), strings.Join(res.Errors(), "\n"))
	}
}
