package render

import (
	"bytes"
	"html/template"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/publish"
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

// TestHTMLWriterEscapesAsTemplates writes awkward values where the Go
// layouts put values — text, a quoted attribute, the start of a URL
// attribute, a URL after mailto: — and compares with what html/template
// writes in the same place.
func TestHTMLWriterEscapesAsTemplates(t *testing.T) {
	tmpl := template.Must(template.New("").Parse(
		`<p title="{{.}}">{{.}}</p><a href="{{.}}">x</a><a href="mailto:{{.}}">x</a><a data-url="{{.}}">x</a>`))
	for _, s := range []string{
		"",
		"Kylä & koulu <3",
		`"lainaus" ja 'toinen'`,
		"+358 40 123 4567",
		"nul\x00byte",
		"javascript:alert(1)",
		"JavaScript:alert(1)",
		"HTTPS://example.org/a b?q=1&r=2#f",
		"mailto:info@example.org",
		"tel:+3584012345",
		"fi/hankkeet/sivu/2/",
		"../../fi/hankkeet/p1/",
		"/polku:jossa/kaksoispiste",
		"100%25 ja %zz ja %4",
		"Pärnumaa ja Åland – ääkköset",
		"@@vitrin-root@@/fi/",
		"ok\xffbroken utf-8",
	} {
		var want bytes.Buffer
		if err := tmpl.Execute(&want, s); err != nil {
			t.Fatal(err)
		}
		var got bytes.Buffer
		w := htmlWriter{b: &got}
		w.lit(`<p title="`)
		w.text(s)
		w.lit(`">`)
		w.text(s)
		w.lit(`</p><a href="`)
		w.url(s)
		w.lit(`">x</a><a href="mailto:`)
		w.urlPart(s)
		w.lit(`">x</a><a data-url="`)
		w.url(s)
		w.lit(`">x</a>`)
		if got.String() != want.String() {
			t.Errorf("%q:\n got %s\nwant %s", s, got.String(), want.String())
		}
	}
}

// TestMinifierKeepsValues checks minifierKeeps against the minifier: a
// value it passes must come out of the minifier as escapeHTML wrote it,
// in text between block and inline elements and in attributes, or a page
// the Go layouts write minified would differ from the minifier's.
func TestMinifierKeepsValues(t *testing.T) {
	mf := publish.NewMinifier(publish.NewMemory())
	place := func(v string) string {
		return `<div><p title="` + v + `">` + v + `</p><p><a href="` + v + `">` + v + `</a> <span>` + v + `</span></p><dl><dt>` + v + `</dt><dd>` + v + `</dd></dl></div>`
	}
	for _, tt := range []struct {
		s    string
		keep bool
	}{
		{"", false}, // title="" becomes title
		{"Kylätalon nuortenilta", true},
		{"Pärnumaa ja Åland – ääkköset", true},
		{"../../fi/hankkeet/p1/", true},
		{"https://example.org/a?q=1", true},
		{"24 000 €", true},
		{"Kylä & koulu", false},
		{`"lainaus"`, false},
		{"toinen'", false},
		{"+358 40 123 4567", false},
		{"a < b > c", false},
		{"kaksi  välilyöntiä", false},
		{" alussa", false},
		{"lopussa ", false},
		{"rivin\nvaihto", false},
		{"sarkain\there", false},
		{"nul\x00byte", false},
	} {
		var b bytes.Buffer
		escapeHTML(&b, tt.s)
		in := place(b.String())
		out, err := mf.Part("page.html", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if got := minifierKeeps(tt.s); got != tt.keep {
			t.Errorf("minifierKeeps(%q) = %v, want %v", tt.s, got, tt.keep)
		}
		// text writes a value that passes as it is, unescaped.
		if tt.keep && b.String() != tt.s {
			t.Errorf("%q passes, but escaping changes it to %q", tt.s, b.String())
		}
		if tt.keep && string(out) != in {
			t.Errorf("%q passes, but the minifier changes it:\n  in %s\n out %s", tt.s, in, out)
		}
	}
}

// TestPagefindSpansMinified: written minified, Pagefind's spans are what
// the minifier makes of them, or the page is sent back to it (changed).
func TestPagefindSpansMinified(t *testing.T) {
	mf := publish.NewMinifier(publish.NewMemory())
	for _, tags := range [][]PagefindTag{
		{{Key: "theme", Value: "Kylätoiminta"}, {Key: "budget", Value: "200 000–1 000 000 €"}},
		{{Key: "year", Value: "2026"}},
		{{Key: "theme", Value: "Kulttuuri & taide"}},
		{{Key: "organisation", Value: `Yhdistys "Kylä"`}},
		{{Key: "period", Value: ""}},
		{{Key: "practice", Value: "kaksi  välilyöntiä"}},
	} {
		var plain, min bytes.Buffer
		(&htmlWriter{b: &plain}).pagefind(tags, nil, tags)
		w := htmlWriter{b: &min, min: mf}
		w.pagefind(tags, nil, tags)
		want, err := mf.Part("page.html", plain.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		if rewrites := !bytes.Equal(want, plain.Bytes()); rewrites && !w.changed {
			t.Errorf("%v: the minifier makes %s of %s, and the page is not sent back to it", tags, want, plain.Bytes())
		}
		if !w.changed && !bytes.Equal(min.Bytes(), want) {
			t.Errorf("%v: written minified\n %s\nthe minifier makes\n %s", tags, min.Bytes(), want)
		}
	}
}
