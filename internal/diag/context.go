package diag

import "bytes"

// Line is one numbered line of a source file.
type Line struct {
	Number int
	Text   string
	Marked bool // the line the diagnostic points at
}

// Context returns the lines of src around line, radius lines before and
// after it, so that an error can be shown with its surroundings.
func Context(src []byte, line, radius int) []Line {
	if line < 1 {
		return nil
	}
	var out []Line
	n := 1
	for len(src) > 0 || n == 1 {
		text := src
		if i := bytes.IndexByte(src, '\n'); i >= 0 {
			text, src = src[:i], src[i+1:]
		} else {
			src = nil
		}
		if n >= line-radius && n <= line+radius {
			out = append(out, Line{Number: n, Text: string(bytes.TrimRight(text, "\r")), Marked: n == line})
		}
		if n > line+radius {
			break
		}
		n++
	}
	return out
}
