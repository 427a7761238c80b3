package browsertest_test

import (
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/synth"
)

// catalogue returns the deterministic synthetic site of n projects that
// the listing's browser tests and benchmark use (see internal/synth).
func catalogue(n int) fstest.MapFS { return synth.Site(synth.Options{Projects: n}) }
