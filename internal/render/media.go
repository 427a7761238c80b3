package render

import (
	"bytes"
	"encoding/xml"
	"image"
	_ "image/gif"  // image sizes of GIF files
	_ "image/jpeg" // image sizes of JPEG files
	_ "image/png"  // image sizes of PNG files
	"io"
	"io/fs"
	"path"
	"strconv"
	"strings"
)

// loadMedia reads the size and, for images, the dimensions of every file
// in the project and practice folders, so that pages can give images their
// width and height (no layout shift while they load) and attachments their
// size.
func (r *renderer) loadMedia() error {
	for _, mfo := range r.mediaFolders() {
		if len(mfo.names) == 0 {
			continue // most folders hold their text alone
		}
		m := map[string]*mediaFile{}
		for _, name := range mfo.names {
			f, err := r.Source.Open(path.Join(mfo.dir, name))
			if err != nil {
				return err
			}
			info, err := f.Stat()
			if err != nil {
				f.Close()
				return err
			}
			mf := &mediaFile{size: info.Size()}
			switch strings.ToLower(path.Ext(name)) {
			case ".png", ".jpg", ".jpeg", ".gif":
				if cfg, _, err := image.DecodeConfig(f); err == nil {
					mf.width, mf.height = cfg.Width, cfg.Height
				}
			case ".svg":
				mf.width, mf.height = svgSize(f)
			}
			f.Close()
			m[name] = mf
		}
		r.media[mfo.out] = m
	}
	return nil
}

// svgSize reads the width and height of an SVG from its attributes or its
// viewBox.
func svgSize(f fs.File) (int, int) {
	b, err := io.ReadAll(io.LimitReader(f, 64<<10))
	if err != nil {
		return 0, 0
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	for {
		tok, err := dec.Token()
		if err != nil {
			return 0, 0
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		var w, h float64
		var vb []string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "width":
				w, _ = strconv.ParseFloat(strings.TrimSuffix(a.Value, "px"), 64)
			case "height":
				h, _ = strconv.ParseFloat(strings.TrimSuffix(a.Value, "px"), 64)
			case "viewBox":
				vb = strings.Fields(strings.ReplaceAll(a.Value, ",", " "))
			}
		}
		if (w == 0 || h == 0) && len(vb) == 4 {
			w, _ = strconv.ParseFloat(vb[2], 64)
			h, _ = strconv.ParseFloat(vb[3], 64)
		}
		return int(w), int(h)
	}
}
