// Package build runs vitrin's pipeline: read the configuration, the theme
// and the content, assemble the catalogue, render every page and hand the
// files to a sink. It reports every problem of the input in one run.
package build

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/vitrin-ssg/vitrin/internal/catalog"
	"github.com/vitrin-ssg/vitrin/internal/config"
	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/digest"
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
	Theme    *render.Theme // nil when it could not be read
	Stats    render.Stats
	Duration time.Duration
}

// Build builds the site. When the input has problems it returns a
// *diag.Errors with all of them; the sink may then hold a partial site,
// which the caller discards.
//
// It is the site's only build: the Result's Site has no Markdown bodies,
// which are let go as their pages are written.
func Build(ctx context.Context, o Options) (*Result, error) {
	b := NewBuilder(o)
	b.once = true
	return b.Build(ctx)
}

// A Builder builds one site again and again, as the development server
// does: it remembers what the last build read and rendered, so that a
// rebuild decodes only the folders whose files changed and renders only
// the pages whose inputs changed (when the sink is a publish.Keeper that
// holds the last build). A full build is a Builder's first build; what a
// rebuild writes equals what a full build of the same input writes.
type Builder struct {
	opts    Options
	catalog *catalog.Cache
	render  *render.Cache
	// theme is the last theme read without problems, and the digest of
	// its files.
	theme       *render.Theme
	themeDigest uint64
	once        bool // no build follows: see render.Options.Once
}

// NewBuilder returns a Builder of the site o describes.
func NewBuilder(o Options) *Builder {
	return &Builder{opts: o, catalog: catalog.NewCache(), render: render.NewCache()}
}

// Changed tells the Builder which files (paths relative to the site
// folder) changed since its last build, as a watcher reports them: the
// next build does not look into project and practice folders outside
// them. Without it, a build looks at every folder.
func (b *Builder) Changed(paths []string) { b.catalog.Changed(paths) }

// Build builds the site, reusing what the Builder's last build left.
func (b *Builder) Build(ctx context.Context) (*Result, error) {
	o := b.opts
	start := time.Now()
	var diags diag.List
	cfg := config.Load(o.Source, &diags)
	if o.BaseURL != nil {
		cfg.BaseURL = o.BaseURL
	}
	theme, themeDigest, themeErr := b.loadTheme(cfg, &diags)
	if b.once {
		b.catalog.LetBodiesGo() // the pages and the search read them again
	}
	site, err := catalog.Load(ctx, o.Source, cfg, o.Now, b.catalog, &diags)
	if err != nil {
		return nil, err
	}
	res := &Result{Site: site}
	if themeErr != nil {
		return res, diags.Err()
	}
	inputs, err := inputsDigest(o.Source, themeDigest)
	if err != nil {
		return nil, err
	}
	res.Theme = theme
	sink := o.Sink
	if cfg.Minify && !o.NoMinify {
		sink = publish.NewMinifier(sink)
	}
	md := markdown.New(markdown.Options{UnsafeHTML: cfg.UnsafeHTML, ReservedIDs: reservedIDs()})
	res.Stats, err = render.Render(ctx, render.Options{
		Site: site, Theme: theme, Markdown: md, Source: o.Source, Sink: sink, Workers: o.Workers,
		Cache: b.render, Once: b.once, Inputs: digest.New("inputs").Num(inputs).Str(fmt.Sprint(cfg.Minify && !o.NoMinify)).Sum(),
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
// built-in default. It returns the theme and a digest of its files; the
// theme is read again only when they changed.
func (b *Builder) loadTheme(cfg config.Config, diags *diag.List) (*render.Theme, uint64, error) {
	o := b.opts
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
			return nil, 0, errors.New("no theme")
		}
		fsys, dir = o.DefaultTheme, "(built-in theme default)"
	}
	h := digest.New("theme").Str(dir)
	for _, l := range cfg.Languages {
		h.Str(l)
	}
	if err := walkFiles(fsys, ".", "", h); err != nil {
		return nil, 0, err
	}
	sum := h.Sum()
	if b.theme != nil && b.themeDigest == sum {
		return b.theme, sum, nil
	}
	var local diag.List
	th, err := render.LoadTheme(fsys, dir, cfg.Languages, &local)
	diags.Merge(&local)
	if err == nil && local.Len() == 0 {
		b.theme, b.themeDigest = th, sum
	}
	return th, sum, err
}

// walkFiles adds every file under root to h, with its path after prefix;
// hidden files and those in skip are left out.
func walkFiles(fsys fs.FS, root, prefix string, h *digest.Hash, skip ...string) error {
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case p != root && (strings.HasPrefix(d.Name(), ".") || slices.Contains(skip, p)):
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		case d.IsDir():
			return nil
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		h.Str(prefix + p).Num(digest.Bytes(b))
		return nil
	})
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// inputsDigest is a digest of the files every page may depend on: the
// files at the top of the site (its configuration), the theme, static/
// and content/ but for the project and practice folders, which the
// renderer follows one by one.
func inputsDigest(src fs.FS, theme uint64) (uint64, error) {
	h := digest.New("inputs").Num(theme)
	top, err := fs.ReadDir(src, ".")
	if err != nil {
		return 0, err
	}
	for _, e := range top {
		if e.Type().IsRegular() && !strings.HasPrefix(e.Name(), ".") {
			b, err := fs.ReadFile(src, e.Name())
			if err != nil {
				return 0, err
			}
			h.Str(e.Name()).Num(digest.Bytes(b))
		}
	}
	if err := walkFiles(src, "static", "", h); err != nil {
		return 0, err
	}
	if err := walkFiles(src, catalog.ContentDir, "", h, catalog.ProjectsDir, catalog.PracticesDir); err != nil {
		return 0, err
	}
	return h.Sum(), nil
}
