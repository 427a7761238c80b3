// Package build runs vitrin's pipeline: read the configuration, the theme
// and the content, assemble the catalogue, render every page and hand the
// files to a sink. It reports every problem of the input in one run.
package build

import (
	"cmp"
	"context"
	"errors"
	"io/fs"
	"net/url"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/catalog"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/markdown"
	"github.com/vitrin-ssg/vitrin/internal/publish"
	"github.com/vitrin-ssg/vitrin/internal/render"
)

// Options say what to build and where to.
type Options struct {
	Source       fs.FS        // the site folder: vitrin.yaml, content/, themes/, static/
	DefaultTheme fs.FS        // the built-in theme, for sites without themes/<name>/
	Now          time.Time    // the build date; project status derives from it
	BaseURL      *url.URL     // when set, overrides base_url of the configuration
	Sink         publish.Sink // receives the files
	NoMinify     bool         // skip minification even when the site asks for it
	Workers      int          // parallel workers; 0 means one per CPU
}

// Result describes a finished build.
type Result struct {
	Site     *catalog.Site
	Stats    render.Stats
	Duration time.Duration
}

// Build builds the site. When the input has problems it returns a
// *diag.Errors with all of them; the sink may then hold a partial site,
// which the caller discards.
func Build(ctx context.Context, o Options) (*Result, error) {
	start := time.Now()
	var diags diag.List
	cfg := config.Load(o.Source, &diags)
	if o.BaseURL != nil {
		cfg.BaseURL = o.BaseURL
	}
	theme, themeErr := loadTheme(o, cfg, &diags)
	site, err := catalog.Load(ctx, o.Source, cfg, o.Now, &diags)
	if err != nil {
		return nil, err
	}
	res := &Result{Site: site}
	if themeErr != nil {
		return res, diags.Err()
	}
	sink := o.Sink
	if cfg.Minify && !o.NoMinify {
		sink = publish.NewMinifier(sink)
	}
	md := markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML, ReservedIDs: reservedIDs()})
	res.Stats, err = render.Render(ctx, render.Options{
		Site: site, Theme: theme, Markdown: md, Source: o.Source, Sink: sink, Workers: o.Workers,
	}, &diags)
	res.Duration = time.Since(start)
	if derr := diags.Err(); derr != nil {
		return res, derr
	}
	return res, err
}

// reservedIDs are the element ids the default layouts use; headings in
// bodies never take them.
func reservedIDs() []string {
	return []string{"main", "top", "facts", "facts-heading", "funding", "funding-heading", "results", "results-heading",
		"contacts", "contacts-heading", "links", "links-heading", "attachments", "attachments-heading",
		"description", "description-heading", "languages", "languages-heading",
		"practices", "practices-heading", "summary-box", "summary-heading", "problem", "problem-heading",
		"how", "how-heading", "needs", "needs-heading", "lessons", "lessons-heading",
		"transfer", "transfer-heading", "projects", "projects-heading", "print-url"}
}

// loadTheme finds the site's theme: themes/<name>/ in the site, or the
// built-in default.
func loadTheme(o Options, cfg config.Config, diags *diag.List) (*render.Theme, error) {
	dir := "themes/" + cfg.Theme
	fsys, err := fs.Sub(o.Source, dir)
	if err == nil {
		if _, statErr := fs.Stat(o.Source, dir); statErr != nil {
			err = statErr
		}
	}
	if err != nil {
		if cfg.Theme != "default" || o.DefaultTheme == nil {
			pos := diag.Pos{File: cmp.Or(cfg.File, "vitrin.yaml")}
			diags.Addf(pos, "theme", "put the theme in "+dir+"/ or use theme: default", "the theme %q is not in the site", cfg.Theme)
			return nil, errors.New("no theme")
		}
		fsys, dir = o.DefaultTheme, "(built-in theme default)"
	}
	return render.LoadTheme(fsys, dir, cfg.Languages, diags)
}
