package browsertest_test

import (
	"slices"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
)

// TestAxeFindsViolations proves that the harness really runs axe-core: a
// page with an image without alt text must not pass.
func TestAxeFindsViolations(t *testing.T) {
	b := browsertest.Start(t)
	root := browsertest.Serve(t, map[string][]byte{
		"index.html": []byte(`<!DOCTYPE html><html lang="fi"><head><meta charset="utf-8"><title>Testi</title></head>` +
			`<body><main><h1>Testi</h1><img src="x.svg"></main></body></html>`),
		"x.svg": []byte(`<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>`),
	}, "/")
	p := b.Open(t, root, browsertest.Desktop)
	var ids []string
	for _, v := range p.Axe() {
		ids = append(ids, v.ID)
	}
	if !slices.Contains(ids, "image-alt") {
		t.Errorf("Axe() on a page with <img> without alt = %v; want image-alt among them", ids)
	}
}
