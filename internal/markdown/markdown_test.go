package markdown

import (
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

func TestRender(t *testing.T) {
	files := map[string]bool{"pohja.pdf": true, "kuva.jpg": true}
	for _, tt := range []struct {
		name, body string
		doc        Doc
		want       []string // in the HTML
		errs       []string // in the diagnostics
	}{
		{
			name: "heading moves below the page title",
			body: "# Tausta\n\nTeksti.",
			want: []string{`<h2 id="tausta">Tausta</h2>`},
		},
		{
			name: "heading inside a section",
			body: "# Tausta\n\n### Lisää",
			doc:  Doc{HeadingShift: 1},
			want: []string{`<h3 id="tausta">`, `<h4 id="lisaa">`},
		},
		{
			name: "link to a file of the folder, with its address for print",
			body: "Katso [pohja](pohja.pdf).",
			doc:  Doc{FilePrefix: "../../../media/practices/x/", FileURL: "https://example.org/media/practices/x/"},
			want: []string{`<a href="../../../media/practices/x/pohja.pdf" data-url="https://example.org/media/practices/x/pohja.pdf">pohja</a>`},
		},
		{
			name: "absolute link stays as written",
			body: "[Leader](https://leadermansikka.fi/)",
			doc:  Doc{FilePrefix: "../m/", FileURL: "https://example.org/m/"},
			want: []string{`<a href="https://leadermansikka.fi/">Leader</a>`},
		},
		{
			name: "missing file",
			body: "Teksti.\n\n[liite](liite.pdf)",
			errs: []string{`index.fi.md:12:1: "liite.pdf" is not in the folder of this file — put the file next to index.fi.md`},
		},
		{
			name: "image without alternative text",
			body: "![](kuva.jpg)",
			errs: []string{`index.fi.md:10:1: the image kuva.jpg has no alternative text`},
		},
		{
			name: "raw HTML is left out",
			body: "<script>alert(1)</script>\n\nTeksti <b>lihava</b>.",
			want: []string{"<p>Teksti ", "lihava"},
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.doc
			doc.Path, doc.Body, doc.Line, doc.Files = "content/practices/x/index.fi.md", []byte(tt.body), 10, files
			var diags diag.List
			html := string(New(Options{}).Render(doc, &diags))
			for _, w := range tt.want {
				if !strings.Contains(html, w) {
					t.Errorf("Render(%q) = %s; want it to contain %s", tt.body, html, w)
				}
			}
			if strings.Contains(html, "<script") || strings.Contains(html, "<b>") {
				t.Errorf("Render(%q) = %s; raw HTML got through", tt.body, html)
			}
			var got []string
			for _, d := range diags.Items() {
				got = append(got, d.Error())
			}
			if len(got) != len(tt.errs) {
				t.Fatalf("Render(%q) reported %q; want %d problems %q", tt.body, got, len(tt.errs), tt.errs)
			}
			for i, w := range tt.errs {
				if !strings.Contains(got[i], w) {
					t.Errorf("problem %d = %q; want it to contain %q", i, got[i], w)
				}
			}
		})
	}
}
