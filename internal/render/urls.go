package render

import (
	"path"
	"strconv"
	"strings"
)

// urls knows where every page of a language lives. Site paths have no
// leading slash; a folder path ends with a slash and is written as
// index.html in it.
type urls struct {
	lang      string
	projects  string // the projects segment, such as "hankkeet"
	practices string // the good practices segment, such as "hyvat-kaytannot"
	page      string // the pagination segment, such as "sivu"
	a11y      string // the accessibility statement's segment, such as "saavutettavuus"
}

func (u urls) home() string              { return u.lang + "/" }
func (u urls) notFound() string          { return u.lang + "/404.html" }
func (u urls) projectsList() string      { return u.lang + "/" + u.projects + "/" }
func (u urls) project(id string) string  { return u.projectsList() + id + "/" }
func (u urls) practicesList() string     { return u.lang + "/" + u.practices + "/" }
func (u urls) practice(id string) string { return u.practicesList() + id + "/" }
func (u urls) accessibility() string     { return u.lang + "/" + u.a11y + "/" }

// projectsPage returns the path of page n (from 1) of the project listing.
func (u urls) projectsPage(n int) string { return u.listPage(u.projectsList(), n) }

// practicesPage returns the path of page n (from 1) of the library of
// good practices.
func (u urls) practicesPage(n int) string { return u.listPage(u.practicesList(), n) }

// listPage returns the path of page n (from 1) of a listing whose first
// page is at first.
func (u urls) listPage(first string, n int) string {
	if n <= 1 {
		return first
	}
	return first + u.page + "/" + strconv.Itoa(n) + "/"
}

// mediaDir is where the files of a project folder are published.
func mediaDir(id string) string { return "media/projects/" + id + "/" }

// practiceMediaDir is where the files of a practice folder are published.
func practiceMediaDir(id string) string { return "media/practices/" + id + "/" }

// outputFile returns the file a site path is written to.
func outputFile(sitePath string) string {
	if sitePath == "" || strings.HasSuffix(sitePath, "/") {
		return sitePath + "index.html"
	}
	return sitePath
}

// relative returns a link from the page at site path from to the site path
// to. Links are relative so that a site works under any base path and from
// any host; only the 404 pages, which a server shows at any address, use
// absolute paths.
func relative(from, to string) string {
	dir := from
	if !strings.HasSuffix(dir, "/") {
		dir = path.Dir(dir) + "/"
		if dir == "./" {
			dir = ""
		}
	}
	up := strings.Count(dir, "/")
	rel := strings.Repeat("../", up) + to
	if rel == "" {
		return "./"
	}
	return rel
}
