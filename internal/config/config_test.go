package config

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

func load(t *testing.T, files map[string]string) (Config, []string) {
	t.Helper()
	// The themes that the configurations below name.
	fsys := fstest.MapFS{
		"themes/tumma/layouts/base.html": &fstest.MapFile{},
		"themes/a/layouts/base.html":     &fstest.MapFile{},
		"themes/b/layouts/base.html":     &fstest.MapFile{},
		"themes/README.md":               &fstest.MapFile{},
	}
	for name, src := range files {
		fsys[name] = &fstest.MapFile{Data: []byte(src)}
	}
	var l diag.List
	c := Load(fsys, &l)
	var out []string
	for _, d := range l.Items() {
		out = append(out, d.Error())
	}
	return c, out
}

// summary writes what a build takes from a configuration.
func summary(c Config) string {
	return strings.Join([]string{
		"file=" + c.File,
		"base=" + c.BaseURL.String(),
		"languages=" + strings.Join(c.Languages, ","),
		"default=" + c.DefaultLanguage,
		"title=" + mapString(c.Title),
		"description=" + mapString(c.Description),
		"theme=" + c.Theme,
		"unsafe_html=" + boolString(c.UnsafeHTML),
		"minify=" + boolString(c.Minify),
	}, " ")
}

func mapString(m map[string]string) string {
	var parts []string
	for _, l := range []string{"fi", "et", "sv"} {
		if v, ok := m[l]; ok {
			parts = append(parts, l+":"+v)
		}
	}
	return strings.Join(parts, ",")
}

func boolString(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

const defaults = "file= base=http://localhost/ languages=fi,et,sv default=fi title= description= theme=default unsafe_html=false minify=true"

func TestLoad(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"no file", nil, defaults},
		{"another file", map[string]string{"config.yaml": "languages: [sv]\n"}, defaults},
		{"empty file", map[string]string{"vitrin.yaml": ""}, strings.Replace(defaults, "file=", "file=vitrin.yaml", 1)},
		{"every key", map[string]string{"vitrin.yaml": `base_url: https://example.org/hankkeet
languages: [sv, fi]
default_language: fi
title: {fi: Hankevitriini, sv: Projektvitrinen}
description: Maaseudun hankkeita.
theme: tumma
markdown:
  unsafe_html: true
minify: false
`}, "file=vitrin.yaml base=https://example.org/hankkeet/ languages=sv,fi default=fi title=fi:Hankevitriini,sv:Projektvitrinen description=fi:Maaseudun hankkeita.,sv:Maaseudun hankkeita. theme=tumma unsafe_html=true minify=false"},
		{"default language is the first language", map[string]string{"vitrin.yaml": "languages: [et, sv]\n"},
			"file=vitrin.yaml base=http://localhost/ languages=et,sv default=et title= description= theme=default unsafe_html=false minify=true"},
		{"one language without brackets", map[string]string{"vitrin.yaml": "languages: sv\n"},
			"file=vitrin.yaml base=http://localhost/ languages=sv default=sv title= description= theme=default unsafe_html=false minify=true"},
		{"one title for every language", map[string]string{"vitrin.yaml": "title: Vitrin\n"},
			"file=vitrin.yaml base=http://localhost/ languages=fi,et,sv default=fi title=fi:Vitrin,et:Vitrin,sv:Vitrin description= theme=default unsafe_html=false minify=true"},
		{"TOML", map[string]string{"vitrin.toml": "base_url = \"https://example.org/a/b\"\nlanguages = [\"et\"]\nminify = false\n\n[markdown]\nunsafe_html = true\n"},
			"file=vitrin.toml base=https://example.org/a/b/ languages=et default=et title= description= theme=default unsafe_html=true minify=false"},
		{"JSON", map[string]string{"vitrin.json": `{"languages": ["sv"], "title": {"sv": "Projekt"}}`},
			"file=vitrin.json base=http://localhost/ languages=sv default=sv title=sv:Projekt description= theme=default unsafe_html=false minify=true"},
		{"YAML before TOML", map[string]string{"vitrin.yaml": "theme: a\n", "vitrin.toml": "theme = \"b\"\n"},
			"file=vitrin.yaml base=http://localhost/ languages=fi,et,sv default=fi title= description= theme=a unsafe_html=false minify=true"},
		{".yml", map[string]string{"vitrin.yml": "theme: a\n"},
			"file=vitrin.yml base=http://localhost/ languages=fi,et,sv default=fi title= description= theme=a unsafe_html=false minify=true"},
		{"byte order mark", map[string]string{"vitrin.yaml": "\ufefftheme: a\n"},
			"file=vitrin.yaml base=http://localhost/ languages=fi,et,sv default=fi title= description= theme=a unsafe_html=false minify=true"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := load(t, tt.files)
			if len(diags) > 0 {
				t.Errorf("Load(%v) diagnostics = %q; want none", tt.files, diags)
			}
			if got := summary(c); got != tt.want {
				t.Errorf("Load(%v) =\n\t%s\nwant\n\t%s", tt.files, got, tt.want)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	const keys = "the keys are base_url, languages, default_language, title, description, theme, markdown, minify, accessibility"
	tests := []struct {
		name, src string
		want      []string
		got       string // a part of summary(Load): what is kept despite the error
	}{
		{"unknown key", "baseurl: https://example.org/\n",
			[]string{"vitrin.yaml:1:1: baseurl: unknown key — " + keys}, "base=http://localhost/"},
		{"unsupported language", "languages: [fi, en]\n",
			[]string{`vitrin.yaml:1:17: languages: vitrin has no conventions for "en" — use fi, et or sv`}, "languages=fi default=fi"},
		{"only unsupported languages", "languages: [de]\n",
			[]string{`vitrin.yaml:1:13: languages: vitrin has no conventions for "de" — use fi, et or sv`}, "languages=fi,et,sv"},
		{"language listed twice", "languages: [fi, sv, fi]\n",
			[]string{"vitrin.yaml:1:21: languages: fi is listed twice — remove the second one"}, "languages=fi,sv"},
		{"languages as a map", "languages: {fi: true}\n",
			[]string{"vitrin.yaml:1:12: languages: must be a list — write a list such as [fi, et, sv]"}, "languages=fi,et,sv"},
		{"default language not in the site", "languages: [fi, sv]\ndefault_language: et\n",
			[]string{`vitrin.yaml:2:19: default_language: "et" is not one of the site's languages — use one of fi, sv`}, "default=fi"},
		{"relative base URL", "base_url: /hankkeet/\n",
			[]string{`vitrin.yaml:1:11: base_url: "/hankkeet/" is not an absolute http or https address — write the full address, such as https://example.org/hankkeet/`}, "base=http://localhost/"},
		{"ftp base URL", "base_url: ftp://example.org/\n",
			[]string{`vitrin.yaml:1:11: base_url: "ftp://example.org/" is not an absolute http or https address — write the full address, such as https://example.org/hankkeet/`}, "base=http://localhost/"},
		{"base URL with a query", "base_url: https://example.org/?lang=fi\n",
			[]string{`vitrin.yaml:1:11: base_url: "https://example.org/?lang=fi" has a query or fragment — write the full address, such as https://example.org/hankkeet/`}, "base=http://localhost/"},
		{"base URL with an empty query", "base_url: https://example.org/hankkeet/?\n",
			[]string{`vitrin.yaml:1:11: base_url: "https://example.org/hankkeet/?" has a query or fragment — write the full address, such as https://example.org/hankkeet/`}, "base=http://localhost/"},
		{"base URL with a fragment", "base_url: \"https://example.org/#top\"\n",
			[]string{`vitrin.yaml:1:11: base_url: "https://example.org/#top" has a query or fragment — write the full address, such as https://example.org/hankkeet/`}, "base=http://localhost/"},
		{"title for a language not in the site", "languages: [fi, sv]\ntitle: {fi: Vitriini, et: Vitriin, sv: Vitrin}\n",
			[]string{`vitrin.yaml:2:23: title.et: "et" is not one of the site's languages — use one of fi, sv`}, "title=fi:Vitriini,sv:Vitrin"},
		{"description as a list", "description: [a, b]\n",
			[]string{"vitrin.yaml:1:14: description: must be a text per language — write {fi: …, et: …, sv: …}"}, "description= "},
		{"title as a list in a language", "title: {fi: [a]}\n",
			[]string{"vitrin.yaml:1:13: title.fi: is a list; it must be text — write one value"}, "title=fi: "},
		{"theme with a path", "theme: ../muu\n",
			[]string{`vitrin.yaml:1:8: theme: "../muu" is not a theme name — write the name of a folder in themes/`}, "theme=default"},
		{"empty theme", "theme: \"\"\n",
			[]string{`vitrin.yaml:1:8: theme: "" is not a theme name — write the name of a folder in themes/`}, "theme=default"},
		{"theme left empty", "theme:\n",
			[]string{`vitrin.yaml:1:7: theme: "" is not a theme name — write the name of a folder in themes/`}, "theme=default"},
		{"theme that is not in the site", "languages: [fi]\ntheme: vaalea\n",
			[]string{`vitrin.yaml:2:8: theme: the theme "vaalea" is not in the site — put the theme in themes/vaalea/ or use theme: default`}, "theme=default"},
		{"theme that is a file", "theme: README.md\n",
			[]string{`vitrin.yaml:1:8: theme: the theme "README.md" is not in the site — put the theme in themes/README.md/ or use theme: default`}, "theme=default"},
		{"minify in Finnish", "minify: kyllä\n",
			[]string{"vitrin.yaml:1:9: minify: must be true or false — write true or false"}, "minify=true"},
		{"markdown as a value", "markdown: true\n",
			[]string{"vitrin.yaml:1:11: markdown: must be a group of keys — write unsafe_html: true or false under markdown:"}, "unsafe_html=false"},
		{"unknown markdown key", "markdown:\n  unsafe: true\n",
			[]string{"vitrin.yaml:2:3: markdown.unsafe: unknown key — the only key is unsafe_html"}, "unsafe_html=false"},
		{"not a set of keys", "- fi\n- sv\n",
			[]string{"vitrin.yaml:1:1: the configuration must be a set of keys — write key: value lines"}, "languages=fi,et,sv"},
		{"not YAML", "title: [\n",
			[]string{"vitrin.yaml:1:1: front matter is not valid YAML: did not find expected node content …"}, "file=vitrin.yaml"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, diags := load(t, map[string]string{"vitrin.yaml": tt.src})
			if !matches(diags, tt.want) {
				t.Errorf("Load(%q) diagnostics =\n\t%s\nwant\n\t%s", tt.src, strings.Join(diags, "\n\t"), strings.Join(tt.want, "\n\t"))
			}
			if got := summary(c); !strings.Contains(got+" ", tt.got) {
				t.Errorf("Load(%q) = %s; want …%s…", tt.src, got, tt.got)
			}
		})
	}
}

// matches compares diagnostics; a wanted one ending in "…" is a prefix.
func matches(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if p, ok := strings.CutSuffix(want[i], "…"); ok {
			if !strings.HasPrefix(got[i], p) {
				return false
			}
		} else if got[i] != want[i] {
			return false
		}
	}
	return true
}

func TestParseBaseURL(t *testing.T) {
	tests := []struct {
		in, want, path string
	}{
		{"https://example.org", "https://example.org/", "/"},
		{"https://example.org/", "https://example.org/", "/"},
		{"https://example.org/hankkeet", "https://example.org/hankkeet/", "/hankkeet/"},
		{"http://example.org/hankkeet/", "http://example.org/hankkeet/", "/hankkeet/"},
		{"https://example.org/a//b/../c", "https://example.org/a/c/", "/a/c/"},
		{"https://example.org/a/./b/..", "https://example.org/a/", "/a/"},
		{"https://example.org/..", "https://example.org/", "/"},
		{"https://example.org:8080/x", "https://example.org:8080/x/", "/x/"},
		{"https://example.org/hanke%20t", "https://example.org/hanke%20t/", "/hanke t/"},
		{"HTTPS://example.org/x", "https://example.org/x/", "/x/"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			u, err := ParseBaseURL(tt.in)
			if err != nil || u.String() != tt.want || u.Path != tt.path {
				t.Errorf("ParseBaseURL(%q) = %v, %v; want %s (path %q)", tt.in, u, err, tt.want, tt.path)
			}
		})
	}
	for _, in := range []string{"", "/hankkeet/", "example.org", "//example.org/", "ftp://example.org/", "mailto:info@example.org",
		"https:///x", "https://example.org/?a=1", "https://example.org/?", "https://example.org/#x", "http://[::1"} {
		t.Run(in, func(t *testing.T) {
			if u, err := ParseBaseURL(in); err == nil {
				t.Errorf("ParseBaseURL(%q) = %v, nil; want an error", in, u)
			}
		})
	}
}

func TestAbsolute(t *testing.T) {
	tests := []struct {
		base, path, want string
	}{
		{"https://example.org/hankkeet/", "fi/hankkeet/osku/", "https://example.org/hankkeet/fi/hankkeet/osku/"},
		{"https://example.org/hankkeet", "/sv/", "https://example.org/hankkeet/sv/"},
		{"https://example.org/hankkeet/", "", "https://example.org/hankkeet/"},
		{"https://example.org", "fi/", "https://example.org/fi/"},
		{"https://example.org", "/", "https://example.org/"},
		{"https://example.org/a/b/", "media/osku/kuva.jpg", "https://example.org/a/b/media/osku/kuva.jpg"},
		{"https://example.org/hanke t/", "fi/", "https://example.org/hanke%20t/fi/"},
		{"https://example.org/", "fi/kylä/", "https://example.org/fi/kyl%C3%A4/"},
	}
	for _, tt := range tests {
		t.Run(tt.base+" "+tt.path, func(t *testing.T) {
			u, err := ParseBaseURL(tt.base)
			if err != nil {
				t.Fatal(err)
			}
			c := Default()
			c.BaseURL = u
			if got := c.Absolute(tt.path); got != tt.want {
				t.Errorf("Config{BaseURL: %s}.Absolute(%q) = %q; want %q", u, tt.path, got, tt.want)
			}
			if got := c.BasePath(); got != u.Path {
				t.Errorf("BasePath() = %q; want %q", got, u.Path)
			}
			if got := c.BaseURL.String(); got != u.String() {
				t.Errorf("Absolute changed BaseURL to %s", got)
			}
		})
	}
}

func TestDefault(t *testing.T) {
	a, b := Default(), Default()
	a.Title["fi"] = "x"
	a.Languages[0] = "sv"
	if b.Title["fi"] != "" || b.Languages[0] != "fi" {
		t.Errorf("Default() shares its maps or slices between calls: %v %v", b.Title, b.Languages)
	}
	if got := summary(b); got != defaults {
		t.Errorf("Default() = %s; want %s", got, defaults)
	}
}
