package browsertest_test

import (
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// brokenSite is the example site with its own copy of the default theme,
// whose base layout puts an image without alt text and two elements with
// the same id on every page. (An image without alt text in Markdown is
// already a content error, so the broken markup comes from the layout.)
func brokenSite(t *testing.T) fstest.MapFS {
	site := fstest.MapFS{}
	copyTree := func(fsys fs.FS, root, prefix string, edit func(name string, b []byte) []byte) {
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(fsys, p)
			site[prefix+p] = &fstest.MapFile{Data: edit(p, b)}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	same := func(_ string, b []byte) []byte { return b }
	example := os.DirFS("../..")
	copyTree(example, "content", "", same)
	copyTree(example, "vitrin.yaml", "", same)
	copyTree(defaulttheme.FS(), ".", "themes/default/", func(name string, b []byte) []byte {
		if name != "layouts/base.html" {
			return b
		}
		broken := `<main id="main" tabindex="-1">
<img src="{{.Asset "favicon.svg"}}" width="32" height="32">
<p id="twice">1</p><p id="twice">2</p>`
		out := strings.Replace(string(b), `<main id="main" tabindex="-1">`, broken, 1)
		if out == string(b) {
			t.Fatal("the default theme's base.html has no <main id=\"main\" tabindex=\"-1\"> to break")
		}
		return []byte(out)
	})
	return site
}

// TestGateFailsOnBrokenPage proves that the gate can fail: on a site whose
// pages have an image without alt text and a duplicate id, axe-core
// reports image-alt and the Nu HTML checker reports the duplicate id.
func TestGateFailsOnBrokenPage(t *testing.T) {
	b := browsertest.Start(t)
	browsertest.RequireNu(t)
	res := sitetest.BuildFS(t, brokenSite(t), sitetest.Options{Minify: true}).MustSucceed(t)
	r := gate(t, b, res.Files, exampleBase(t), []pageType{
		{name: "broken-home", paths: map[string]string{"fi": "fi/"}, mark: "body.kind-home"},
	})
	t.Log(r.summary())
	if !slices.Contains(r.axeRules, "image-alt") {
		t.Errorf("axe-core rules broken = %v; want image-alt for the image without alt text", r.axeRules)
	}
	dup := 0
	for _, e := range r.nu {
		if strings.Contains(e.Message, "Duplicate ID") && strings.Contains(e.Message, "twice") {
			dup++
		}
	}
	if dup == 0 {
		t.Errorf("the Nu HTML checker found %d errors, none a duplicate id \"twice\":\n%v", len(r.nu), r.nu)
	}
	if dup < r.files {
		t.Errorf("the Nu HTML checker found the duplicate id in %d of %d HTML files; want every one", dup, r.files)
	}
}
