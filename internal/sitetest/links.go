package sitetest

import (
	"bytes"
	"fmt"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// LinkReport is the result of checking the links of a built site.
type LinkReport struct {
	Files   int      // files checked
	Links   int      // internal links followed
	Broken  []string // "page: link: what is wrong", sorted
	FileIDs map[string]map[string]bool
}

// CheckLinks follows every internal href and src of every HTML file in
// fsys (and the URLs of sitemap.xml): each must name a file of the site,
// and each #fragment an id in that file. base is the address the site is
// built for; absolute links under it count as internal.
func CheckLinks(fsys fs.FS, base *url.URL) (*LinkReport, error) {
	rep := &LinkReport{FileIDs: map[string]map[string]bool{}}
	type link struct{ page, raw string }
	var links []link
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rep.Files++
		switch path.Ext(p) {
		case ".html":
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			ids, refs, err := scanHTML(b)
			if err != nil {
				return fmt.Errorf("%s: %w", p, err)
			}
			rep.FileIDs[p] = ids
			for _, r := range refs {
				links = append(links, link{p, r})
			}
		case ".xml":
			b, err := fs.ReadFile(fsys, p)
			if err != nil {
				return err
			}
			for _, loc := range xmlLocs(b) {
				links = append(links, link{p, loc})
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, l := range links {
		target, frag, internal, err := resolveLink(l.page, l.raw, base)
		if err != nil {
			rep.Broken = append(rep.Broken, fmt.Sprintf("%s: %s: %v", l.page, l.raw, err))
			continue
		}
		if !internal {
			continue
		}
		rep.Links++
		file, ok := findFile(fsys, target)
		if !ok {
			rep.Broken = append(rep.Broken, fmt.Sprintf("%s: %s: no file %s", l.page, l.raw, target))
			continue
		}
		if frag != "" && path.Ext(file) == ".html" && !rep.FileIDs[file][frag] {
			rep.Broken = append(rep.Broken, fmt.Sprintf("%s: %s: %s has no id %q", l.page, l.raw, file, frag))
		}
	}
	slices.Sort(rep.Broken)
	return rep, nil
}

// findFile maps a site path to the file a static server would send.
func findFile(fsys fs.FS, target string) (string, bool) {
	candidates := []string{target}
	if target == "" || strings.HasSuffix(target, "/") {
		candidates = []string{target + "index.html"}
	}
	for _, c := range candidates {
		if c == "" {
			c = "index.html"
		}
		if info, err := fs.Stat(fsys, c); err == nil && !info.IsDir() {
			return c, true
		}
	}
	return "", false
}

// resolveLink turns a link on page into a site path. internal is false for
// links to other sites, mailto: and tel:.
func resolveLink(page, raw string, base *url.URL) (target, frag string, internal bool, err error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", "", false, err
	}
	if u.Scheme != "" || u.Host != "" {
		if u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "" {
			return "", "", false, nil
		}
		if base == nil || u.Host != base.Host || !strings.HasPrefix(u.Path, base.Path) {
			return "", "", false, nil
		}
		return strings.TrimPrefix(u.Path, base.Path), u.Fragment, true, nil
	}
	if strings.HasPrefix(u.Path, "/") {
		bp := "/"
		if base != nil {
			bp = base.Path
		}
		if !strings.HasPrefix(u.Path, bp) {
			return "", "", true, fmt.Errorf("absolute path outside the site's base path %s", bp)
		}
		return strings.TrimPrefix(u.Path, bp), u.Fragment, true, nil
	}
	if u.Path == "" {
		return page, u.Fragment, true, nil
	}
	dir := path.Dir(page)
	joined := path.Join(dir, u.Path)
	if strings.HasSuffix(u.Path, "/") || u.Path == "." || u.Path == ".." {
		joined += "/"
	}
	if joined == "./" || joined == "." {
		joined = ""
	}
	if strings.HasPrefix(joined, "../") || joined == ".." {
		return "", "", true, fmt.Errorf("leads outside the site")
	}
	return strings.TrimPrefix(joined, "./"), u.Fragment, true, nil
}

// scanHTML returns the ids of a page and the URLs it refers to.
func scanHTML(b []byte) (map[string]bool, []string, error) {
	doc, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		return nil, nil, err
	}
	ids := map[string]bool{}
	var refs []string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			for _, a := range n.Attr {
				switch a.Key {
				case "id":
					ids[a.Val] = true
				case "href", "src":
					refs = append(refs, a.Val)
				case "srcset":
					for _, part := range strings.Split(a.Val, ",") {
						if f := strings.Fields(part); len(f) > 0 {
							refs = append(refs, f[0])
						}
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return ids, refs, nil
}

// xmlLocs returns the <loc> and xhtml:link href values of a sitemap.
func xmlLocs(b []byte) []string {
	var out []string
	s := string(b)
	for {
		i := strings.Index(s, "<loc>")
		if i < 0 {
			break
		}
		j := strings.Index(s[i:], "</loc>")
		if j < 0 {
			break
		}
		out = append(out, html.UnescapeString(s[i+5:i+j]))
		s = s[i+j:]
	}
	return out
}

// PageLinks returns the site paths that the internal links (href and src)
// of one HTML page lead to, as a static server would send them: a folder
// path names its index.html. page is the page's own site path, such as
// fi/hankkeet/osku/index.html; base is the address the site is built for.
func PageLinks(page string, b []byte, base *url.URL) ([]string, error) {
	_, refs, err := scanHTML(b)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, raw := range refs {
		target, _, internal, err := resolveLink(page, raw, base)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", page, raw, err)
		}
		if !internal {
			continue
		}
		if target == "" || strings.HasSuffix(target, "/") {
			target += "index.html"
		}
		out = append(out, target)
	}
	return out, nil
}
