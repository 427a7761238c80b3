package model

import (
	"fmt"
	"net/mail"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/vitrin-ssg/vitrin/internal/source"
)

// Indicator is a result or a goal, with a number.
type Indicator struct {
	Label       Text
	Unit        Text
	Value       float64
	Decimals    int
	Approximate bool
}

func (ind Indicator) withTextOf(tr Indicator) Indicator {
	ind.Label = merged(ind.Label, tr.Label)
	ind.Unit = merged(ind.Unit, tr.Unit)
	return ind
}

// Contact is a person or a role to contact.
type Contact struct {
	Name  string
	Role  Text
	Email string
	Phone string
}

func (c Contact) withTextOf(tr Contact) Contact {
	c.Role = merged(c.Role, tr.Role)
	return c
}

// Link is a link to a web page.
type Link struct {
	URL   string
	Label Text
}

func (l Link) withTextOf(tr Link) Link {
	l.Label = merged(l.Label, tr.Label)
	return l
}

// Attachment is a file in the content folder.
type Attachment struct {
	File  string
	Label Text
}

func (a Attachment) withTextOf(tr Attachment) Attachment {
	a.Label = merged(a.Label, tr.Label)
	return a
}

// Image is a picture in the content folder.
type Image struct {
	Src string
	Alt Text
}

// items reads a list of groups of keys that a translation matches item by
// item: it records the list's length for the comparison and calls fn for
// each item that is a group, with the item's field name ("links[2]").
func (d *decoder) items(m *source.Node, key string, allowed []string, fn func(item *source.Node, field string)) {
	n := m.Get(key)
	items := d.list(n, key)
	if n != nil && d.lists != nil {
		d.lists[key] = listInfo{n.Pos, len(items)}
	}
	for i, item := range items {
		field := fmt.Sprintf("%s[%d]", key, i)
		if !d.isMap(item, field) {
			continue
		}
		d.checkKeys(item, field, allowed)
		fn(item, field)
	}
}

// indicators reads results with numbers: label, value, unit, approximate.
func (d *decoder) indicators(m *source.Node) []Indicator {
	var out []Indicator
	d.items(m, "indicators", []string{"label", "value", "unit", "approximate"}, func(item *source.Node, field string) {
		var ind Indicator
		ind.Label = textIn(d.lang, d.text(item, "label", field+".label", true))
		ind.Unit = textIn(d.lang, d.text(item, "unit", field+".unit", false))
		vn := item.Get("value")
		if vn != nil {
			ind.Value, ind.Decimals, _ = d.number(vn, field+".value")
			d.recordFact(field+".value", vn, strconv.FormatFloat(ind.Value, 'f', -1, 64))
		} else if d.original {
			d.errorf(item, field+".value", "add value: with the number", "is missing")
		}
		if an := item.Get("approximate"); an != nil {
			ind.Approximate, _ = d.boolean(an, field+".approximate")
			d.recordFact(field+".approximate", an, strconv.FormatBool(ind.Approximate))
		}
		out = append(out, ind)
	})
	return out
}

var phoneRE = regexp.MustCompile(`^\+?[0-9][0-9 ()\-]{4,}[0-9]$`)

// contacts reads people or roles to contact: name, role, email, phone.
func (d *decoder) contacts(m *source.Node) []Contact {
	var out []Contact
	d.items(m, "contacts", []string{"name", "role", "email", "phone"}, func(item *source.Node, field string) {
		var c Contact
		c.Name = d.text(item, "name", field+".name", false)
		c.Role = textIn(d.lang, d.text(item, "role", field+".role", false))
		d.recordFact(field+".name", item.Get("name"), c.Name)
		if en := item.Get("email"); en != nil {
			c.Email = d.scalar(en, field+".email")
			if a, err := mail.ParseAddress(c.Email); err != nil || a.Address != c.Email {
				d.errorf(en, field+".email", "write an address such as info@example.fi", "%q is not an e-mail address", c.Email)
			}
			d.recordFact(field+".email", en, c.Email)
		}
		if pn := item.Get("phone"); pn != nil {
			c.Phone = d.scalar(pn, field+".phone")
			if !phoneRE.MatchString(c.Phone) {
				d.errorf(pn, field+".phone", "write a number such as +358 40 123 4567", "%q is not a phone number", c.Phone)
			}
			d.recordFact(field+".phone", pn, c.Phone)
		}
		if d.original && c.Name == "" && len(c.Role) == 0 && !d.hasErrorsAt(item) {
			d.errorf(item, field, "add a name or a role", "has neither a name nor a role")
		}
		out = append(out, c)
	})
	return out
}

// links reads links to web pages: url and label.
func (d *decoder) links(m *source.Node) []Link {
	var out []Link
	d.items(m, "links", []string{"url", "label"}, func(item *source.Node, field string) {
		var l Link
		un := item.Get("url")
		l.URL = d.scalar(un, field+".url")
		if un != nil {
			if u, err := url.Parse(l.URL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
				d.errorf(un, field+".url", "write the whole address, starting with https://", "%q is not a web address", l.URL)
			}
			d.recordFact(field+".url", un, l.URL)
		} else if d.original {
			d.errorf(item, field+".url", "add url: https://…", "is missing")
		}
		l.Label = textIn(d.lang, d.text(item, "label", field+".label", d.original))
		out = append(out, l)
	})
	return out
}

// attachments reads files of the folder: file and label.
func (d *decoder) attachments(m *source.Node) []Attachment {
	var out []Attachment
	d.items(m, "attachments", []string{"file", "label"}, func(item *source.Node, field string) {
		var a Attachment
		fn := item.Get("file")
		a.File = d.localFile(item, "file", field+".file", d.original)
		d.recordFact(field+".file", fn, a.File)
		a.Label = textIn(d.lang, d.text(item, "label", field+".label", d.original))
		out = append(out, a)
	})
	return out
}

// image reads a picture of the folder: src and alt.
func (d *decoder) image(m *source.Node) *Image {
	n := m.Get("image")
	if n == nil || !d.isMap(n, "image") {
		return nil
	}
	d.checkKeys(n, "image", []string{"src", "alt"})
	img := &Image{}
	sn := n.Get("src")
	img.Src = d.localFile(n, "src", "image.src", d.original)
	d.recordFact("image.src", sn, img.Src)
	if an := n.Get("alt"); an == nil || d.scalar(an, "image.alt") == "" {
		d.errorf(n, "image.alt", "add alt: with a short description of what the image shows, for people who cannot see it", "is missing")
	} else {
		img.Alt = textIn(d.lang, d.scalar(an, "image.alt"))
	}
	return img
}

// localFile reads the name of a file in the content folder, the key of
// the map m, and checks that it is there.
func (d *decoder) localFile(m *source.Node, key, field string, required bool) string {
	n := m.Get(key)
	name := d.scalar(n, field)
	switch {
	case n == nil && required:
		d.errorf(m, field, fmt.Sprintf("add %s: with the name of a file in the %s folder", key, d.kind), "is missing")
		return ""
	case name == "":
		return ""
	case strings.Contains(name, "/") || strings.Contains(name, `\`) || name == "." || name == "..":
		d.errorf(n, field, fmt.Sprintf("put the file in the %s folder and write its name alone", d.kind), "%q is not a file name in the %s folder", name, d.kind)
		return ""
	case !d.files[name]:
		hint := fmt.Sprintf("put the file in the %s folder", d.kind)
		var names []string
		for f := range d.files {
			if FileLang(f) == "" {
				names = append(names, f)
			}
		}
		slices.Sort(names)
		if best := nearest(name, names); best != "" {
			hint = "did you mean " + best + "?"
		}
		d.errorf(n, field, hint, "%q is not in the %s folder", name, d.kind)
		return ""
	}
	return name
}
