package browsertest

import (
	"os"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// wrappedMarkers finds the items of bulleted and numbered lists that start
// with an inline-block element wrapped onto several lines: the marker then
// sits on the element's last line instead of its first, and the bullet
// points at the wrong line.
const wrappedMarkers = `[...document.querySelectorAll('li')].flatMap(li => {
  const cs = getComputedStyle(li);
  if (cs.display !== 'list-item' || cs.listStyleType === 'none' || !li.offsetParent) return [];
  const first = li.firstChild && li.firstChild.nodeType === 1 ? li.firstChild : null;
  if (!first) return [];
  const fs = getComputedStyle(first);
  if (fs.display !== 'inline-block') return [];
  const line = parseFloat(fs.lineHeight) || parseFloat(fs.fontSize) * 1.2;
  const text = first.getBoundingClientRect().height - parseFloat(fs.paddingTop) - parseFloat(fs.paddingBottom);
  return text > 1.5 * line ? [first.textContent.trim()] : [];
})`

// TestListMarkersOnFirstLine opens pages whose lists have links long
// enough to wrap on a phone and checks that each bullet stays on the first
// line of its item.
func TestListMarkersOnFirstLine(t *testing.T) {
	b := Start(t)
	res := sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t)
	root := Serve(t, res.Files, "/vitrin/")
	for _, path := range []string{
		"fi/hankkeet/osku/",                   // "Kumppanuuspöytä jokaiseen kuntaan" under the practices
		"sv/projekt/osku/",                    // "Ett partnerskapsbord i varje kommun"
		"fi/hyvat-kaytannot/kumppanuuspoyta/", // an attachment
		"et/head-tavad/kumppanuuspoyta/",
	} {
		p := b.Open(t, root+path, Phone)
		for _, item := range Eval[[]string](p, wrappedMarkers) {
			t.Errorf("%s at %d px: the bullet of %q sits on the last of its lines, not the first", path, Phone, item)
		}
	}
}
