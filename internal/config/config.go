// Package config reads a site's configuration, vitrin.yaml (or .toml,
// .json) at the root of the site. Every key is optional:
//
//	base_url: https://example.org/hankkeet/   # where the site is published
//	languages: [fi, et, sv]                   # the site's languages, in menu order
//	default_language: fi                      # the language of the root page
//	title: {fi: …, et: …, sv: …}              # the site's name per language
//	description: {fi: …, et: …, sv: …}        # a sentence for the home page and search engines
//	theme: default                            # a folder in themes/, or the built-in default
//	markdown:
//	  unsafe_html: false                      # true lets raw HTML in Markdown through
//	minify: true                              # minify HTML, CSS, JS, JSON, SVG and XML
//	accessibility: …                          # the accessibility statement, see Accessibility
package config

import (
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/locale"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Config is a site's configuration.
type Config struct {
	File            string   // the file it was read from, or ""
	BaseURL         *url.URL // absolute, with a trailing slash on its path
	Languages       []string
	DefaultLanguage string
	Title           map[string]string // by language; empty entries take the theme's default
	Description     map[string]string
	Theme           string
	UnsafeHTML      bool
	Minify          bool
	Accessibility   Accessibility
}

// Default returns the configuration of a site without a configuration file.
func Default() Config {
	u, _ := url.Parse("http://localhost/")
	c := Config{
		BaseURL:         u,
		Languages:       locale.SupportedLanguages(),
		DefaultLanguage: "fi",
		Title:           map[string]string{},
		Description:     map[string]string{},
		Theme:           "default",
		Minify:          true,
	}
	c.finishAccessibility()
	return c
}

// Load reads the site configuration from the root of fsys. A site without
// one gets Default.
func Load(fsys fs.FS, diags *diag.List) Config {
	c := Default()
	for _, ext := range source.DataExts() {
		name := "vitrin" + ext
		src, err := fs.ReadFile(fsys, name)
		if err != nil {
			continue
		}
		c.File = name
		root := source.ParseFile(name, src, diags)
		if root == nil {
			return c
		}
		c.decode(fsys, root, diags)
		c.Accessibility.Country, c.Accessibility.Enforcement = "", Enforcement{}
		if a := root.Get("accessibility"); a != nil {
			c.decodeAccessibility(a, diags)
		}
		c.finishAccessibility()
		return c
	}
	return c
}

func keys() []string {
	return []string{"base_url", "languages", "default_language", "title", "description", "theme", "markdown", "minify", "accessibility"}
}

func (c *Config) decode(fsys fs.FS, root *source.Node, diags *diag.List) {
	if root.Kind != source.Map {
		diags.Addf(root.Pos, "", "write key: value lines", "the configuration must be a set of keys")
		return
	}
	for _, e := range root.Entries {
		if !slices.Contains(keys(), e.Key) {
			diags.Addf(e.KeyPos, e.Key, "the keys are "+strings.Join(keys(), ", "), "unknown key")
		}
	}
	str := func(n *source.Node, field string) string { return text(n, field, diags) }
	boolean := func(n *source.Node, field string, into *bool) {
		if n == nil {
			return
		}
		switch str(n, field) {
		case "true":
			*into = true
		case "false":
			*into = false
		default:
			diags.Addf(n.Pos, field, "write true or false", "must be true or false")
		}
	}
	if n := root.Get("languages"); n != nil {
		items := n.Items
		if n.Kind == source.Scalar {
			items = []*source.Node{n}
		} else if n.Kind != source.List {
			diags.Addf(n.Pos, "languages", "write a list such as [fi, et, sv]", "must be a list")
		}
		var langs []string
		for _, it := range items {
			l := str(it, "languages")
			switch {
			case !locale.Supported(l):
				diags.Addf(it.Pos, "languages", "use fi, et or sv", "vitrin has no conventions for %q", l)
			case slices.Contains(langs, l):
				diags.Addf(it.Pos, "languages", "remove the second one", "%s is listed twice", l)
			default:
				langs = append(langs, l)
			}
		}
		if len(langs) > 0 {
			c.Languages = langs
		}
	}
	c.DefaultLanguage = c.Languages[0]
	if n := root.Get("default_language"); n != nil {
		l := str(n, "default_language")
		if slices.Contains(c.Languages, l) {
			c.DefaultLanguage = l
		} else {
			diags.Addf(n.Pos, "default_language", "use one of "+strings.Join(c.Languages, ", "), "%q is not one of the site's languages", l)
		}
	}
	if n := root.Get("base_url"); n != nil {
		s := str(n, "base_url")
		u, err := ParseBaseURL(s)
		if err != nil {
			diags.Addf(n.Pos, "base_url", "write the full address, such as https://example.org/hankkeet/", "%v", err)
		} else {
			c.BaseURL = u
		}
	}
	if n := root.Get("title"); n != nil {
		c.perLanguage(n, "title", c.Title, diags)
	}
	if n := root.Get("description"); n != nil {
		c.perLanguage(n, "description", c.Description, diags)
	}
	if n := root.Get("theme"); n != nil {
		t := str(n, "theme")
		if t == "" || strings.ContainsAny(t, `/\`) || t == "." || t == ".." {
			diags.Addf(n.Pos, "theme", "write the name of a folder in themes/", "%q is not a theme name", t)
		} else if info, err := fs.Stat(fsys, "themes/"+t); t != "default" && (err != nil || !info.IsDir()) {
			// Reported here, where the position of theme: is known; the
			// build goes on with the built-in theme, so that the content's
			// problems are reported in the same run.
			diags.Addf(n.Pos, "theme", "put the theme in themes/"+t+"/ or use theme: default", "the theme %q is not in the site", t)
		} else {
			c.Theme = t
		}
	}
	if n := root.Get("markdown"); n != nil {
		if n.Kind != source.Map {
			diags.Addf(n.Pos, "markdown", "write unsafe_html: true or false under markdown:", "must be a group of keys")
		} else {
			for _, e := range n.Entries {
				if e.Key != "unsafe_html" {
					diags.Addf(e.KeyPos, "markdown."+e.Key, "the only key is unsafe_html", "unknown key")
				}
			}
			boolean(n.Get("unsafe_html"), "markdown.unsafe_html", &c.UnsafeHTML)
		}
	}
	boolean(root.Get("minify"), "minify", &c.Minify)
}

// text reads a scalar as trimmed text; null is "".
func text(n *source.Node, field string, diags *diag.List) string {
	if n == nil || n.Kind == source.Null {
		return ""
	}
	if n.Kind != source.Scalar {
		diags.Addf(n.Pos, field, "write one value", "is %s; it must be text", n.Describe())
		return ""
	}
	return strings.TrimSpace(n.Value)
}

// perLanguage reads a text per language, {fi: …, et: …, sv: …}, or one
// text for every language.
func (c *Config) perLanguage(n *source.Node, key string, into map[string]string, diags *diag.List) {
	if n.Kind == source.Scalar {
		for _, l := range c.Languages {
			into[l] = text(n, key, diags)
		}
		return
	}
	if n.Kind != source.Map {
		diags.Addf(n.Pos, key, "write {fi: …, et: …, sv: …}", "must be a text per language")
		return
	}
	for _, e := range n.Entries {
		if !slices.Contains(c.Languages, e.Key) {
			diags.Addf(e.KeyPos, key+"."+e.Key, "use one of "+strings.Join(c.Languages, ", "), "%q is not one of the site's languages", e.Key)
			continue
		}
		into[e.Key] = text(e.Value, key+"."+e.Key, diags)
	}
}

// ParseBaseURL reads an absolute http(s) URL and gives its path a trailing
// slash.
func ParseBaseURL(s string) (*url.URL, error) {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("%q is not an absolute http or https address", s)
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return nil, fmt.Errorf("%q has a query or fragment", s)
	}
	u.Path = path.Clean("/"+u.Path) + "/"
	u.Path = strings.ReplaceAll(u.Path, "//", "/")
	u.RawPath = ""
	return u, nil
}

// BasePath returns the path the site lives under, such as "/hankkeet/".
func (c Config) BasePath() string { return c.BaseURL.Path }

// Absolute returns the absolute URL of a site path such as "fi/hankkeet/".
func (c Config) Absolute(sitePath string) string {
	u := *c.BaseURL
	u.Path = c.BaseURL.Path + strings.TrimPrefix(sitePath, "/")
	return u.String()
}
