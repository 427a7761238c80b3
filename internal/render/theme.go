package render

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"maps"
	"path"
	"slices"
	"strings"
	"text/template/parse"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Theme is a loaded theme: its layouts, its UI strings and its static
// files. A theme folder holds
//
//	layouts/base.html          the page skeleton, defining "base"
//	layouts/partials/*.html    shared templates
//	layouts/<kind>.html        one per page kind (PageKinds), defining "main"
//	i18n/{fi,et,sv}.yaml       the UI strings
//	static/                    files copied to assets/ (CSS and JS get a content hash in their name)
type Theme struct {
	Dir   string // where it was read from, for messages
	fsys  fs.FS
	pages map[string]*template.Template // by page kind
	// builtin holds the page kinds written in Go (builtin.go), when the
	// layouts are the default theme's that they were written from.
	builtin map[string]builtinPage
	strings Strings
	assets  map[string]string // static name → output path with hash
	static  []string          // static file names
}

// PageKinds lists the page kinds a theme has a layout for.
func PageKinds() []string {
	return []string{"root", "home", "projects", "project", "facet", "practices", "practice", "notfound", "accessibility"}
}

// LoadTheme reads a theme from fsys (rooted at the theme folder) and checks
// that every UI string exists in every language and that every string a
// layout uses exists.
func LoadTheme(fsys fs.FS, dir string, langs []string, diags *diag.List) (*Theme, error) {
	th := &Theme{Dir: dir, fsys: fsys, pages: map[string]*template.Template{}, assets: map[string]string{}}
	n := diags.Len()
	th.strings = loadStrings(fsys, dir, langs, diags)

	base := template.New("base").Option("missingkey=error").Funcs(template.FuncMap{"dict": dict})
	partials, _ := fs.Glob(fsys, "layouts/partials/*.html")
	files := append([]string{"layouts/base.html"}, partials...)
	for _, f := range files {
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			return nil, fmt.Errorf("theme %s: %w", dir, err)
		}
		if _, err := base.New(f).Parse(string(src)); err != nil {
			diags.Add(templateDiag(dir, err))
		}
	}
	for _, kind := range PageKinds() {
		f := "layouts/" + kind + ".html"
		src, err := fs.ReadFile(fsys, f)
		if err != nil {
			diags.Addf(diag.Pos{File: path.Join(dir, f)}, "", "add the layout to the theme", "the theme has no layout for %s pages", kind)
			continue
		}
		t, err := base.Clone()
		if err == nil {
			_, err = t.New(f).Parse(string(src))
		}
		if err != nil {
			diags.Add(templateDiag(dir, err))
			continue
		}
		th.pages[kind] = t
	}
	th.checkStringUse(dir, diags)
	if sum, err := layoutsDigest(fsys); err == nil && sum == builtinLayouts {
		th.builtin = builtinPages()
	}

	statics, err := listFiles(fsys, "static")
	if err != nil {
		return nil, err
	}
	for _, name := range statics {
		out := "assets/" + name
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			b, err := fs.ReadFile(fsys, "static/"+name)
			if err != nil {
				return nil, err
			}
			sum := sha256.Sum256(b)
			out = "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		}
		th.assets[name] = out
		th.static = append(th.static, name)
	}
	if diags.Len() > n {
		return th, errThemeInvalid
	}
	return th, nil
}

var errThemeInvalid = fmt.Errorf("the theme has errors")

// listFiles returns the regular files under dir, relative to it, sorted.
func listFiles(fsys fs.FS, dir string) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == dir && errorsIsNotExist(err) {
				return fs.SkipDir
			}
			return err
		}
		if d.Type().IsRegular() && !strings.HasPrefix(d.Name(), ".") {
			out = append(out, strings.TrimPrefix(p, dir+"/"))
		}
		return nil
	})
	slices.Sort(out)
	return out, err
}

// templateDiag turns a template parse error into a diagnostic on the layout
// file: "template: layouts/project.html:12: function "x" not defined".
func templateDiag(dir string, err error) diag.Diagnostic {
	msg := strings.TrimPrefix(err.Error(), "template: ")
	file, line, rest := "", 0, msg
	if i := strings.Index(msg, ": "); i > 0 {
		loc := msg[:i]
		rest = msg[i+2:]
		parts := strings.Split(loc, ":")
		file = parts[0]
		if len(parts) > 1 {
			fmt.Sscan(parts[1], &line)
		}
	}
	return diag.Diagnostic{Pos: diag.Pos{File: path.Join(dir, file), Line: line}, Msg: rest, Hint: "fix the template"}
}

// checkStringUse finds every {{.T "key"}} and {{.TN "key" n}} in the
// layouts and reports keys that the i18n files do not have.
func (th *Theme) checkStringUse(dir string, diags *diag.List) {
	seen := map[string]bool{}
	for _, kind := range PageKinds() {
		t := th.pages[kind]
		if t == nil {
			continue
		}
		for _, tt := range t.Templates() {
			if tt.Tree == nil || seen[tt.Tree.ParseName+tt.Name()] {
				continue
			}
			seen[tt.Tree.ParseName+tt.Name()] = true
			walkStrings(tt.Tree.Root, func(key string, at parse.Node) {
				if th.strings.has(key) {
					return
				}
				loc, _ := tt.Tree.ErrorContext(at)
				file, line := tt.Tree.ParseName, 0
				if parts := strings.Split(loc, ":"); len(parts) >= 2 {
					fmt.Sscan(parts[1], &line)
				}
				diags.Addf(diag.Pos{File: path.Join(dir, file), Line: line}, "", "add "+key+": to every file in "+path.Join(dir, "i18n"),
					"the layout uses the string %q, which the i18n files do not have", key)
			})
		}
	}
}

// walkStrings calls fn for every literal key passed to .T or .TN.
func walkStrings(n parse.Node, fn func(key string, at parse.Node)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			walkStrings(c, fn)
		}
	case *parse.ActionNode:
		walkStrings(n.Pipe, fn)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			walkStrings(c, fn)
		}
	case *parse.CommandNode:
		if len(n.Args) >= 2 {
			if isStringFunc(n.Args[0]) {
				if s, ok := n.Args[1].(*parse.StringNode); ok {
					fn(s.Text, s)
				}
			}
		}
		for _, a := range n.Args {
			walkStrings(a, fn)
		}
	case *parse.IfNode:
		walkStrings(n.Pipe, fn)
		walkStrings(n.List, fn)
		walkStrings(n.ElseList, fn)
	case *parse.RangeNode:
		walkStrings(n.Pipe, fn)
		walkStrings(n.List, fn)
		walkStrings(n.ElseList, fn)
	case *parse.WithNode:
		walkStrings(n.Pipe, fn)
		walkStrings(n.List, fn)
		walkStrings(n.ElseList, fn)
	case *parse.TemplateNode:
		walkStrings(n.Pipe, fn)
	}
}

func isStringFunc(n parse.Node) bool {
	var last string
	switch n := n.(type) {
	case *parse.FieldNode:
		last = n.Ident[len(n.Ident)-1]
	case *parse.ChainNode:
		if len(n.Field) > 0 {
			last = n.Field[len(n.Field)-1]
		}
	case *parse.VariableNode:
		last = n.Ident[len(n.Ident)-1]
	}
	return last == "T" || last == "TN"
}

// Asset returns the output path of a static file of the theme.
func (th *Theme) Asset(name string) (string, bool) {
	p, ok := th.assets[name]
	return p, ok
}

// Assets returns the published name of every static file of the theme,
// such as style.css → assets/style.1a2b3c4d.css.
func (th *Theme) Assets() map[string]string { return maps.Clone(th.assets) }

// Strings returns the theme's UI strings.
func (th *Theme) Strings() Strings { return th.strings }

// readData parses a data file of the theme.
func readData(fsys fs.FS, dir, name string, diags *diag.List) *source.Node {
	src, err := fs.ReadFile(fsys, name)
	if err != nil {
		return nil
	}
	return source.ParseFile(path.Join(dir, name), src, diags)
}

// dict builds a map from pairs of keys and values, to pass several values
// to a template: {{template "card" (dict "Project" . "Page" $)}}.
func dict(pairs ...any) (map[string]any, error) {
	if len(pairs)%2 != 0 {
		return nil, fmt.Errorf("dict needs pairs of keys and values")
	}
	m := make(map[string]any, len(pairs)/2)
	for i := 0; i < len(pairs); i += 2 {
		k, ok := pairs[i].(string)
		if !ok {
			return nil, fmt.Errorf("dict keys must be strings")
		}
		m[k] = pairs[i+1]
	}
	return m, nil
}
