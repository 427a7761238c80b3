package source

import "unicode/utf8"

// lineIndex converts byte offsets of a text to lines and character columns.
type lineIndex struct {
	text  []byte
	start []int // byte offset of the start of each line
}

func newLineIndex(text []byte) *lineIndex {
	li := &lineIndex{text: text, start: []int{0}}
	for i, c := range text {
		if c == '\n' {
			li.start = append(li.start, i+1)
		}
	}
	return li
}

// pos returns the 1-based line and character column of a byte offset.
func (li *lineIndex) pos(offset int) (line, col int) {
	if offset > len(li.text) {
		offset = len(li.text)
	}
	lo, hi := 0, len(li.start)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if li.start[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, utf8.RuneCount(li.text[li.start[lo]:offset]) + 1
}
