package render

import (
	"testing"

	defaulttheme "github.com/vitrin-ssg/vitrin/themes/default"
)

// The Go layouts stand in for the default theme's templates only while
// those are the ones they were written from.
func TestBuiltinLayoutsDigest(t *testing.T) {
	sum, err := layoutsDigest(defaulttheme.FS())
	if err != nil {
		t.Fatal(err)
	}
	if sum != builtinLayouts {
		t.Errorf("the default theme's layouts changed: bring builtin.go up to date with them, check with TestBuiltinLayoutsEqualTemplates, and set builtinLayouts to %s", sum)
	}
}
