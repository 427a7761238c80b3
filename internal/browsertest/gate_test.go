package browsertest_test

import (
	"os"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/browsertest"
	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

func TestAxeHome(t *testing.T) {
	b := browsertest.Start(t)
	res := sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t)
	root := browsertest.Serve(t, res.Files, "/vitrin/")
	p := b.Open(t, root+"fi/", browsertest.Phone)
	if p.Status != 200 {
		t.Fatalf("status %d", p.Status)
	}
	for _, v := range p.Axe() {
		t.Errorf("%s", v)
	}
}
