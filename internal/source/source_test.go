package source

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/diag"
)

// at returns the node at a dotted path of map keys, or nil.
func at(n *Node, path string) *Node {
	for _, k := range strings.Split(path, ".") {
		n = n.Get(k)
	}
	return n
}

// keyPos returns the position of the last key of a dotted path.
func keyPos(n *Node, path string) diag.Pos {
	keys := strings.Split(path, ".")
	for _, k := range keys[:len(keys)-1] {
		n = n.Get(k)
	}
	if n == nil {
		return diag.Pos{}
	}
	for _, e := range n.Entries {
		if e.Key == keys[len(keys)-1] {
			return e.KeyPos
		}
	}
	return diag.Pos{}
}

func pos(line, col int) diag.Pos { return diag.Pos{File: "f.md", Line: line, Col: col} }

func parse(src string) (*Document, []diag.Diagnostic) {
	var l diag.List
	doc := Parse("f.md", []byte(src), &l)
	return doc, l.Items()
}

func TestParsePositions(t *testing.T) {
	tests := []struct {
		name     string
		src      string
		format   Format
		frontPos diag.Pos
		path     string // a key whose position is checked
		key, val diag.Pos
		value    string
		bodyLine int
		body     string
	}{
		{"YAML", "\n---\ntitle: Osku\nperiod:\n  start: 2023-10-01\n---\nBody\n",
			YAML, pos(2, 1), "period.start", pos(5, 3), pos(5, 10), "2023-10-01", 7, "Body\n"},
		{"YAML after blank lines and spaces", "\n  \n\t\n---\nperiod:\n  start: 2023\n---\n\nBody\n",
			YAML, pos(4, 1), "period.start", pos(6, 3), pos(6, 10), "2023", 8, "\nBody\n"},
		{"YAML with comments", "---\n# facts\ntitle: Osku # the name\n\n# dates\nperiod:\n  start: 2023\n---\nBody",
			YAML, pos(1, 1), "period.start", pos(7, 3), pos(7, 10), "2023", 9, "Body"},
		{"YAML with ---yaml", "---yaml\ntitle: Osku\n---\nBody\n",
			YAML, pos(1, 1), "title", pos(2, 1), pos(2, 8), "Osku", 4, "Body\n"},
		{"YAML list item", "---\nthemes:\n  - youth\n  - culture\n---\n",
			YAML, pos(1, 1), "themes", pos(2, 1), pos(3, 3), "", 6, ""},
		{"TOML", "\n+++\ntitle = \"Osku\"\n[period]\n  start = 2023-10-01\n+++\nBody\n",
			TOML, pos(2, 1), "period.start", pos(5, 3), pos(5, 11), "2023-10-01", 7, "Body\n"},
		{"TOML inline table", "+++\ntitle = \"Osku\"\nperiod = {start = 2023, end = 2025}\n+++\nBody\n",
			TOML, pos(1, 1), "period.end", pos(3, 25), pos(3, 31), "2025", 5, "Body\n"},
		{"TOML dotted key", "+++\nperiod.start = 2023\n+++\n",
			TOML, pos(1, 1), "period.start", pos(2, 8), pos(2, 16), "2023", 4, ""},
		{"TOML with ---toml", "---toml\ntitle = \"Osku\"\n---\nBody\n",
			TOML, pos(1, 1), "title", pos(2, 1), pos(2, 9), "Osku", 4, "Body\n"},
		{"JSON", "\n{\n\"title\": \"Osku\",\n\"period\": {\n  \"start\": \"2023\"\n}\n}\n\nBody\n",
			JSON, pos(2, 1), "period.start", pos(5, 3), pos(5, 12), "2023", 9, "Body\n"},
		{"JSON at the end of the file", "{\n  \"title\": \"Osku\"\n}",
			JSON, pos(1, 1), "title", pos(2, 3), pos(2, 12), "Osku", 3, ""},
		{"JSON with ;;;", ";;;\n{\"title\": \"Osku\",\n \"themes\": [\"youth\"]}\n;;;\nBody\n",
			JSON, pos(1, 1), "themes", pos(3, 2), pos(3, 12), "", 5, "Body\n"},
		{"JSON with ---json", "---json\n{\"title\": \"Osku\"}\n---\nBody\n",
			JSON, pos(1, 1), "title", pos(2, 2), pos(2, 11), "Osku", 4, "Body\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			if len(diags) > 0 {
				t.Fatalf("Parse(%q) diagnostics = %v; want none", tt.src, diags)
			}
			if doc.Format != tt.format || doc.FrontPos != tt.frontPos {
				t.Errorf("Parse(%q) format, front at = %q, %v; want %q, %v", tt.src, doc.Format, doc.FrontPos, tt.format, tt.frontPos)
			}
			if doc.Front == nil {
				t.Fatalf("Parse(%q).Front = nil; want a map", tt.src)
			}
			if got := keyPos(doc.Front, tt.path); got != tt.key {
				t.Errorf("Parse(%q) key %s at %v; want %v", tt.src, tt.path, got, tt.key)
			}
			n := at(doc.Front, tt.path)
			if n == nil || n.Pos != tt.val || n.Value != tt.value {
				t.Errorf("Parse(%q) value of %s = %+v; want %q at %v", tt.src, tt.path, n, tt.value, tt.val)
			}
			if doc.BodyLine != tt.bodyLine || string(doc.Body) != tt.body {
				t.Errorf("Parse(%q) body = %q on line %d; want %q on line %d", tt.src, doc.Body, doc.BodyLine, tt.body, tt.bodyLine)
			}
		})
	}
}

// TestParseListItems checks the positions of list items, which errors in
// vocabulary keys point at.
func TestParseListItems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []diag.Pos
	}{
		{"YAML flow", "---\nthemes: [youth, culture]\n---\n", []diag.Pos{pos(2, 10), pos(2, 17)}},
		{"YAML block", "---\nthemes:\n  - youth\n  - culture\n---\n", []diag.Pos{pos(3, 5), pos(4, 5)}},
		{"TOML", "+++\nthemes = [\"youth\",\n  \"culture\"]\n+++\n", []diag.Pos{pos(2, 11), pos(3, 3)}},
		{"JSON", "{\n\"themes\": [\"youth\",\n  \"culture\"]\n}\n", []diag.Pos{pos(2, 12), pos(3, 3)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			list := at(doc.Front, "themes")
			if len(diags) > 0 || list == nil || list.Kind != List {
				t.Fatalf("Parse(%q) themes = %+v, diagnostics %v; want a list", tt.src, list, diags)
			}
			var got []diag.Pos
			for _, it := range list.Items {
				got = append(got, it.Pos)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("Parse(%q) themes items at %v; want %v", tt.src, got, tt.want)
			}
		})
	}
}

func TestParseScalarTypes(t *testing.T) {
	tests := []struct {
		name, src string
		want      map[string]string // key → Describe() and value
	}{
		{"YAML", "---\na: text\nb: 12\nc: 1.5\nd: true\ne: 2023-10-01\nf:\ng: \"12\"\n---\n",
			map[string]string{"a": "text text", "b": "a number 12", "c": "a number 1.5", "d": "true or false true", "e": "a date 2023-10-01", "f": "empty ", "g": "text 12"}},
		{"TOML", "+++\na = \"text\"\nb = 1_200\nc = 1.5\nd = true\ne = 2023-10-01\n+++\n",
			map[string]string{"a": "text text", "b": "a number 1200", "c": "a number 1.5", "d": "true or false true", "e": "a date 2023-10-01"}},
		{"JSON", "{\n\"a\": \"text\", \"b\": 12, \"c\": 1.5e3, \"d\": false, \"f\": null, \"g\": [], \"h\": {}\n}\n",
			map[string]string{"a": "text text", "b": "a number 12", "c": "a number 1.5e3", "d": "true or false false", "f": "empty ", "g": "a list ", "h": "a group of keys "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			if len(diags) > 0 || doc.Front == nil {
				t.Fatalf("Parse(%q) = %+v, diagnostics %v", tt.src, doc.Front, diags)
			}
			for k, want := range tt.want {
				n := doc.Front.Get(k)
				if got := n.Describe() + " " + n.Value; got != want {
					t.Errorf("Parse(%q) %s = %q; want %q", tt.src, k, got, want)
				}
			}
		})
	}
}

func TestParseUnclosed(t *testing.T) {
	tests := []struct {
		name, src string
		format    Format
		want      string
	}{
		{"YAML", "---\ntitle: Osku\n\nBody\n", YAML,
			"f.md:1:1: front matter opened with --- is never closed — add a line with --- after the last key"},
		{"YAML after blank lines", "\n\n---\ntitle: Osku\n", YAML,
			"f.md:3:1: front matter opened with --- is never closed — add a line with --- after the last key"},
		{"YAML alone", "---", YAML,
			"f.md:1:1: front matter opened with --- is never closed — add a line with --- after the last key"},
		{"TOML", "+++\ntitle = \"Osku\"\n---\nBody\n", TOML,
			"f.md:1:1: front matter opened with +++ is never closed — add a line with +++ after the last key"},
		{"TOML after a blank line", "\n+++\ntitle = \"Osku\"\n", TOML,
			"f.md:2:1: front matter opened with +++ is never closed — add a line with +++ after the last key"},
		{"JSON", "{\n\"title\": \"Osku\"\n", JSON,
			"f.md:1:1: front matter opened with { is never closed — end the JSON object with } on a line of its own, followed by an empty line"},
		{"JSON without the empty line", "\n{\n\"title\": \"Osku\"\n}\nBody\n", JSON,
			"f.md:2:1: front matter opened with { is never closed — end the JSON object with } on a line of its own, followed by an empty line"},
		{"JSON with ;;;", ";;;\n{\"title\": \"Osku\"}\n", JSON,
			"f.md:1:1: front matter opened with ;;; is never closed — add a line with ;;; after the last key"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			if len(diags) != 1 || diags[0].Error() != tt.want {
				t.Errorf("Parse(%q) diagnostics = %v; want [%s]", tt.src, diags, tt.want)
			}
			if doc.Format != tt.format || doc.Front != nil || doc.Body != nil {
				t.Errorf("Parse(%q) = format %q, front %v, body %q; want %q, nil, nil", tt.src, doc.Format, doc.Front, doc.Body, tt.format)
			}
		})
	}
}

func TestParseWithoutFrontMatter(t *testing.T) {
	for _, src := range []string{
		"",
		"Body\n",
		"\n\n# Osku\n\n---\n\ntitle: Osku\n---\n",
		"----\ntitle: Osku\n----\n",
		"--- title: Osku\n",
		"++++\n",
		"{\"title\": \"Osku\"}\n", // JSON front matter needs { on a line of its own
	} {
		t.Run(src, func(t *testing.T) {
			doc, diags := parse(src)
			if len(diags) > 0 || doc.Format != "" || doc.Front != nil || string(doc.Body) != src || doc.BodyLine != 1 || doc.FrontPos != (diag.Pos{}) {
				t.Errorf("Parse(%q) = format %q, front %v, body %q on line %d, diagnostics %v; want no front matter, the whole file as body on line 1",
					src, doc.Format, doc.Front, doc.Body, doc.BodyLine, diags)
			}
			if string(doc.Src) != src || doc.Path != "f.md" {
				t.Errorf("Parse(%q) Src, Path = %q, %q; want the file", src, doc.Src, doc.Path)
			}
		})
	}
}

// diagWant describes a diagnostic: where (a Col of 0 is not checked),
// which field and a part of its message.
type diagWant struct {
	line, col int
	field     string
	msg       string
}

func checkDiags(t *testing.T, call string, got []diag.Diagnostic, want []diagWant) {
	t.Helper()
	ok := len(got) == len(want)
	for i := 0; ok && i < len(got); i++ {
		g, w := got[i], want[i]
		ok = g.Pos.File == "f.md" && g.Pos.Line == w.line && (w.col == 0 || g.Pos.Col == w.col) &&
			g.Field == w.field && strings.Contains(g.Msg, w.msg) && g.Hint != ""
	}
	if !ok {
		t.Errorf("%s diagnostics = %v; want %+v", call, got, want)
	}
}

func TestParseSyntaxErrors(t *testing.T) {
	tests := []struct {
		name, src string
		want      diagWant
	}{
		{"YAML: a colon in text", "---\ntitle: Osku\nsummary: Kylät: yhdessä\n---\n",
			diagWant{3, 1, "", "front matter is not valid YAML: mapping values are not allowed in this context"}},
		{"YAML: a colon on the first line", "---\ntitle: Osku: kylät\n---\n",
			diagWant{2, 1, "", "front matter is not valid YAML: mapping values are not allowed in this context"}},
		{"YAML: after blank lines", "\n\n---\ntitle: Osku\nsummary: Kylät: yhdessä\n---\n",
			diagWant{5, 1, "", "mapping values are not allowed"}},
		{"YAML: a list item among keys", "---\ntitle: Osku\nsummary: Kylät\n- youth\n---\n",
			diagWant{4, 1, "", "front matter is not valid YAML: did not find expected key"}},
		{"YAML: an unclosed list", "---\ntitle: Osku\nthemes: [youth, culture\nsummary: Kylät\n---\n",
			diagWant{3, 1, "", "did not find expected ',' or ']'"}},
		{"YAML: an unclosed list at the end", "---\ntitle: Osku\nthemes: [\n\n---\n",
			diagWant{3, 1, "", "did not find expected node content"}},
		{"YAML: an unclosed map", "---\ntitle: Osku\n\nperiod: {start: 2023\nsummary: Kylät\n---\n",
			diagWant{4, 1, "", "did not find expected ',' or '}'"}},
		{"YAML: an unclosed quote", "---\ntitle: Osku\nsummary: \"Kylät\n---\n",
			diagWant{3, 1, "", "found unexpected end of stream"}},
		{"YAML: indented key", "---\ntitle: Osku\nsummary: Kylät\n  period: 2023\n---\n",
			diagWant{4, 3, "", "mapping values are not allowed"}},
		{"YAML: an alias to nothing", "---\ntitle: *name\n---\n",
			diagWant{2, 1, "", "unknown anchor 'name' referenced"}},
		{"TOML: no value", "+++\ntitle = \"Osku\"\nsummary = \n+++\n",
			diagWant{3, 11, "", "front matter is not valid TOML: "}},
		{"TOML: no equals sign", "\n+++\ntitle = \"Osku\"\nsummary \"Kylät\"\n+++\n",
			diagWant{4, 0, "", "front matter is not valid TOML: "}},
		{"TOML: unclosed string", "+++\ntitle = \"Osku\nsummary = \"Kylät\"\n+++\n",
			diagWant{2, 0, "", "front matter is not valid TOML: "}},
		{"JSON: no colon", "{\n\"title\": \"Osku\",\n\"summary\" \"Kylät\"\n}\n\n",
			diagWant{3, 11, "", "front matter is not valid JSON: invalid character '\"' after object key"}},
		{"JSON: a trailing comma", "\n{\n\"title\": \"Osku\",\n}\n\n",
			diagWant{4, 1, "", "front matter is not valid JSON: invalid character '}' looking for beginning of object key string"}},
		{"JSON: single quotes", "{\n\"title\": 'Osku'\n}\n\n",
			diagWant{2, 10, "", "front matter is not valid JSON: invalid character '\\''"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			checkDiags(t, fmt.Sprintf("Parse(%q)", tt.src), diags, []diagWant{tt.want})
			if doc.Front != nil {
				t.Errorf("Parse(%q).Front = %+v; want nil", tt.src, doc.Front)
			}
		})
	}
}

func TestParseDuplicateKeys(t *testing.T) {
	tests := []struct {
		name, src string
		want      []diagWant
		title     string // the value kept, when the front matter is read
	}{
		{"YAML", "---\ntitle: Osku\ntitle: OSKU\n---\n",
			[]diagWant{{3, 1, "title", "is written twice (first on line 2)"}}, "Osku"},
		{"YAML nested", "---\ntitle: Osku\nperiod:\n  start: 2023\n  start: 2024\n---\n",
			[]diagWant{{5, 3, "start", "is written twice (first on line 4)"}}, "Osku"},
		{"TOML", "+++\ntitle = \"Osku\"\ntitle = \"OSKU\"\n+++\n",
			[]diagWant{{3, 1, "title", "is written twice"}}, "Osku"},
		{"TOML in a table", "+++\ntitle = \"Osku\"\n[period]\nstart = 2023\nstart = 2024\n+++\n",
			[]diagWant{{5, 1, "start", "is written twice"}}, "Osku"},
		{"TOML in an inline table", "+++\ntitle = \"Osku\"\nperiod = {start = 2023, start = 2024}\n+++\n",
			[]diagWant{{3, 25, "start", "is written twice"}}, "Osku"},
		{"TOML table over a key", "+++\ntitle = \"Osku\"\nperiod = 2023\n[period]\nstart = 2023\n+++\n",
			[]diagWant{{4, 2, "period", "is already set to a number"}}, ""},
		{"TOML dotted key over a key", "+++\ntitle = \"Osku\"\nperiod = 2023\nperiod.start = 2023\n+++\n",
			[]diagWant{{4, 1, "period", "is already set to a number"}}, "Osku"},
		{"JSON", "{\n\"title\": \"Osku\",\n\"title\": \"OSKU\"\n}\n\n",
			[]diagWant{{3, 0, "", "key title is written twice"}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			checkDiags(t, fmt.Sprintf("Parse(%q)", tt.src), diags, tt.want)
			got := ""
			if doc.Front != nil {
				got = doc.Front.Get("title").Value
			}
			if got != tt.title {
				t.Errorf("Parse(%q) title = %q; want %q", tt.src, got, tt.title)
			}
		})
	}
}

func TestParseFrontMatterNotKeys(t *testing.T) {
	tests := []struct {
		name, src string
		want      diagWant
	}{
		{"YAML list", "---\n- youth\n- culture\n---\n", diagWant{2, 1, "", "front matter must be a set of keys, not a list"}},
		{"YAML text", "---\nOsku\n---\n", diagWant{2, 1, "", "front matter must be a set of keys, not text"}},
		{"TOML is always keys", "+++\n+++\n", diagWant{}},
		{"JSON list", ";;;\n[\"youth\"]\n;;;\n", diagWant{2, 1, "", "front matter must be a set of keys, not a list"}},
		{"JSON number", "---json\n12\n---\n", diagWant{2, 1, "", "front matter must be a set of keys, not a number"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			var want []diagWant
			if tt.want.line != 0 {
				want = append(want, tt.want)
				if doc.Front != nil {
					t.Errorf("Parse(%q).Front = %+v; want nil", tt.src, doc.Front)
				}
			}
			checkDiags(t, fmt.Sprintf("Parse(%q)", tt.src), diags, want)
		})
	}
}

func TestParseEmptyFrontMatter(t *testing.T) {
	for _, src := range []string{"---\n---\nBody\n", "---\n\n# nothing yet\n---\nBody\n", "+++\n+++\nBody\n", ";;;\nnull\n;;;\nBody\n", "{\n}\n\nBody\n"} {
		t.Run(src, func(t *testing.T) {
			doc, diags := parse(src)
			if len(diags) > 0 || doc.Front == nil || doc.Front.Kind != Map || len(doc.Front.Entries) != 0 || doc.Front.Pos.Line < 1 {
				t.Errorf("Parse(%q) front = %+v, diagnostics %v; want an empty map", src, doc.Front, diags)
			}
			if string(doc.Body) != "Body\n" {
				t.Errorf("Parse(%q) body = %q; want \"Body\\n\"", src, doc.Body)
			}
		})
	}
}

func TestParseCRLF(t *testing.T) {
	tests := []struct {
		name, src string
		start     diag.Pos
		bodyLine  int
	}{
		{"YAML", "---\r\ntitle: Osku\r\nperiod:\r\n  start: 2023\r\n---\r\nBody\r\n", pos(4, 3), 6},
		{"TOML", "+++\r\ntitle = \"Osku\"\r\n[period]\r\nstart = 2023\r\n+++\r\nBody\r\n", pos(4, 1), 6},
		{"JSON", "{\r\n\"title\": \"Osku\",\r\n\"period\": {\"start\": 2023}\r\n}\r\n\r\nBody\r\n", pos(3, 12), 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			if len(diags) > 0 || doc.Front == nil {
				t.Fatalf("Parse(%q) diagnostics = %v; want none", tt.src, diags)
			}
			if got := doc.Front.Get("title").Value; got != "Osku" {
				t.Errorf("Parse(%q) title = %q; want \"Osku\"", tt.src, got)
			}
			if got := keyPos(doc.Front, "period.start"); got != tt.start {
				t.Errorf("Parse(%q) period.start at %v; want %v", tt.src, got, tt.start)
			}
			if doc.BodyLine != tt.bodyLine || string(doc.Body) != "Body\r\n" {
				t.Errorf("Parse(%q) body = %q on line %d; want \"Body\\r\\n\" on line %d", tt.src, doc.Body, doc.BodyLine, tt.bodyLine)
			}
		})
	}
}

func TestParseBOM(t *testing.T) {
	const bom = "\ufeff"
	tests := []struct {
		name, src string
		format    Format
		title     diag.Pos
	}{
		{"YAML", bom + "---\ntitle: Osku\n---\nBody\n", YAML, pos(2, 1)},
		{"YAML, first key", bom + "---\ntitle: Osku\n---\nBody\n", YAML, pos(2, 1)},
		{"TOML", bom + "+++\ntitle = \"Osku\"\n+++\nBody\n", TOML, pos(2, 1)},
		{"JSON", bom + "{\n\"title\": \"Osku\"\n}\n\nBody\n", JSON, pos(2, 1)},
		{"CRLF", bom + "---\r\ntitle: Osku\r\n---\r\nBody\n", YAML, pos(2, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			if len(diags) > 0 || doc.Format != tt.format || doc.Front == nil {
				t.Fatalf("Parse(%q) = format %q, front %v, diagnostics %v; want %s front matter", tt.src, doc.Format, doc.Front, diags, tt.format)
			}
			if got := keyPos(doc.Front, "title"); got != tt.title || doc.FrontPos != pos(1, 1) {
				t.Errorf("Parse(%q) title at %v, front at %v; want %v, 1:1", tt.src, got, doc.FrontPos, tt.title)
			}
			if string(doc.Body) != "Body\n" || doc.BodyLine != 4 && tt.format != JSON {
				t.Errorf("Parse(%q) body = %q on line %d; want \"Body\\n\"", tt.src, doc.Body, doc.BodyLine)
			}
		})
	}
	t.Run("no front matter", func(t *testing.T) {
		doc, _ := parse(bom + "# Osku\n")
		if string(doc.Body) != "# Osku\n" {
			t.Errorf("Parse(BOM + %q) body = %q; want the text without the byte order mark", "# Osku\n", doc.Body)
		}
	})
	t.Run("error on line 1", func(t *testing.T) {
		_, diags := parse(bom + "---\ntitle: Osku\n")
		checkDiags(t, "Parse(BOM + unclosed)", diags, []diagWant{{1, 1, "", "is never closed"}})
	})
}

// TestParseColumns checks that columns count characters, not bytes.
func TestParseColumns(t *testing.T) {
	tests := []struct {
		name, src string
		path      string
		key, val  diag.Pos
	}{
		{"YAML flow map", "---\nplace: {nimi: Ähtäri, kylä: 1}\n---\n", "place.kylä", pos(2, 23), pos(2, 29)},
		{"YAML block", "---\nnimi: Ähtäri\nkylä: Öjä\n---\n", "kylä", pos(3, 1), pos(3, 7)},
		{"YAML after an emoji", "---\nplace: {name: \"🏡🏡\", village: 1}\n---\n", "place.village", pos(2, 21), pos(2, 30)}, // 🏡 is one character
		{"TOML", "+++\nplace = {name = \"Ähtäri\", village = 1}\n+++\n", "place.village", pos(2, 27), pos(2, 37)},
		{"JSON", "{\n\"place\": {\"nimi\": \"Ähtäri\", \"kylä\": 1}\n}\n", "place.kylä", pos(2, 29), pos(2, 37)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, diags := parse(tt.src)
			if len(diags) > 0 || doc.Front == nil {
				t.Fatalf("Parse(%q) diagnostics = %v; want none", tt.src, diags)
			}
			if got := keyPos(doc.Front, tt.path); got != tt.key {
				t.Errorf("Parse(%q) key %s at %v; want %v", tt.src, tt.path, got, tt.key)
			}
			if n := at(doc.Front, tt.path); n == nil || n.Pos != tt.val {
				t.Errorf("Parse(%q) value of %s = %+v; want at %v", tt.src, tt.path, n, tt.val)
			}
		})
	}
}

func TestParseDeepNesting(t *testing.T) {
	const depth = 200
	tests := []struct{ name, src string }{
		{"YAML", "---\na: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n---\n"},
		{"TOML", "+++\na = " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n+++\n"},
		{"JSON", "{\n\"a\": " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n}\n\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := parse(tt.src)
			if len(diags) == 0 || !strings.Contains(diags[0].Msg, "nested too deeply") {
				t.Errorf("Parse(%d nested lists in %s) diagnostics = %v; want \"nested too deeply\"", depth, tt.name, diags)
			}
		})
	}
}

// TestParseAliasExpansion checks that aliases of lists of aliases cannot
// make a small file take all memory. The file expands to about twice
// maxNodes values, so that the test stays cheap even without the limit.
func TestParseAliasExpansion(t *testing.T) {
	var b strings.Builder
	b.WriteString("---\na0: &a0 [x, x]\n")
	for i := 1; i <= 19; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [*a%d, *a%d]\n", i, i, i-1, i-1)
	}
	b.WriteString("---\n")
	doc, diags := parse(b.String())
	var count func(n *Node) int
	count = func(n *Node) int {
		c := 1
		for _, e := range n.Entries {
			c += count(e.Value)
		}
		for _, it := range n.Items {
			c += count(it)
		}
		return c
	}
	if doc.Front != nil && count(doc.Front) > maxNodes+64 {
		t.Errorf("Parse(alias bomb) has %d values; want at most about %d", count(doc.Front), maxNodes)
	}
	checkDiags(t, "Parse(alias bomb)", diags, []diagWant{{2, 0, "", "the file has too many values"}})
}

func TestParseAliases(t *testing.T) {
	doc, diags := parse("---\nfi: &fi Nuoret\nlabel: {fi: *fi, et: Noored}\n---\n")
	n := at(doc.Front, "label.fi")
	if len(diags) > 0 || n == nil || n.Value != "Nuoret" || n.Pos != pos(3, 13) {
		t.Errorf("Parse(alias) label.fi = %+v, diagnostics %v; want \"Nuoret\" at the alias, 3:13", n, diags)
	}
}

func TestParseFile(t *testing.T) {
	tests := []struct {
		name, file, src string
		kind            Kind
		path            string // for maps: a key checked at pos
		pos             diag.Pos
	}{
		{"YAML list", "v/themes.yaml", "# themes\n- key: youth\n  label: Nuoret\n", List, "", diag.Pos{File: "v/themes.yaml", Line: 2, Col: 1}},
		{"YML", "v/themes.yml", "- key: youth\n", List, "", diag.Pos{File: "v/themes.yml", Line: 1, Col: 1}},
		{"YAML map", "vitrin.yaml", "title: Osku\nmarkdown:\n  unsafe_html: true\n", Map, "markdown.unsafe_html", diag.Pos{File: "vitrin.yaml", Line: 3, Col: 3}},
		{"empty YAML", "vitrin.yaml", "", Map, "", diag.Pos{File: "vitrin.yaml", Line: 1, Col: 1}},
		{"YAML with a byte order mark", "vitrin.yaml", "\ufefftitle: Osku\n", Map, "title", diag.Pos{File: "vitrin.yaml", Line: 1, Col: 1}},
		{"TOML", "vitrin.toml", "title = \"Osku\"\n\n[markdown]\nunsafe_html = true\n", Map, "markdown.unsafe_html", diag.Pos{File: "vitrin.toml", Line: 4, Col: 1}},
		{"TOML with a byte order mark", "vitrin.toml", "\ufefftitle = \"Osku\"\n", Map, "title", diag.Pos{File: "vitrin.toml", Line: 1, Col: 1}},
		{"JSON", "vitrin.json", "{\n  \"title\": \"Osku\"\n}", Map, "title", diag.Pos{File: "vitrin.json", Line: 2, Col: 3}},
		{"JSON list", "v/themes.json", "[\n  {\"key\": \"youth\"}\n]\n", List, "", diag.Pos{File: "v/themes.json", Line: 1, Col: 1}},
		{"JSON with a byte order mark", "vitrin.json", "\ufeff{\"title\": \"Osku\"}", Map, "title", diag.Pos{File: "vitrin.json", Line: 1, Col: 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var l diag.List
			n := ParseFile(tt.file, []byte(tt.src), &l)
			if l.Len() > 0 || n == nil || n.Kind != tt.kind {
				t.Fatalf("ParseFile(%s, %q) = %+v, diagnostics %v; want a %v", tt.file, tt.src, n, l.Items(), tt.kind)
			}
			got := n.Pos
			if tt.path != "" {
				got = keyPos(n, tt.path)
			}
			if got != tt.pos {
				t.Errorf("ParseFile(%s, %q) position = %v; want %v", tt.file, tt.src, got, tt.pos)
			}
		})
	}
	t.Run("errors", func(t *testing.T) {
		for _, tt := range []struct{ file, src, want string }{
			{"vitrin.yaml", "title: [\n", "vitrin.yaml:1:1: front matter is not valid YAML"},
			{"vitrin.toml", "title = \n", "vitrin.toml:1:9: front matter is not valid TOML"},
			{"vitrin.json", "{\"title\": }", "vitrin.json:1:11: front matter is not valid JSON"},
		} {
			var l diag.List
			n := ParseFile(tt.file, []byte(tt.src), &l)
			items := l.Items()
			if n != nil || len(items) != 1 || !strings.HasPrefix(items[0].Error(), tt.want) {
				t.Errorf("ParseFile(%s, %q) = %v, diagnostics %v; want nil and %q…", tt.file, tt.src, n, items, tt.want)
			}
		}
	})
}

func TestDataExts(t *testing.T) {
	if got := strings.Join(DataExts(), " "); got != ".yaml .yml .toml .json" {
		t.Errorf("DataExts() = %s; want .yaml .yml .toml .json", got)
	}
}

func TestNodeGetDescribe(t *testing.T) {
	var nilNode *Node
	tests := []struct {
		n    *Node
		want string
	}{
		{nil, "nothing"},
		{&Node{Kind: Null}, "empty"},
		{&Node{Kind: Map}, "a group of keys"},
		{&Node{Kind: List}, "a list"},
		{&Node{Kind: Scalar, Type: String}, "text"},
		{&Node{Kind: Scalar, Type: Int}, "a number"},
		{&Node{Kind: Scalar, Type: Float}, "a number"},
		{&Node{Kind: Scalar, Type: Bool}, "true or false"},
		{&Node{Kind: Scalar, Type: Date}, "a date"},
	}
	for _, tt := range tests {
		if got := tt.n.Describe(); got != tt.want {
			t.Errorf("%+v.Describe() = %q; want %q", tt.n, got, tt.want)
		}
	}
	if got := nilNode.Get("title"); got != nil {
		t.Errorf("nil.Get(\"title\") = %+v; want nil", got)
	}
	m := &Node{Kind: Map, Entries: []Entry{{Key: "a", Value: &Node{Kind: Scalar, Value: "1"}}}}
	if got := m.Get("a"); got == nil || got.Value != "1" {
		t.Errorf("Get(\"a\") = %+v; want the value 1", got)
	}
	if got := m.Get("b"); got != nil {
		t.Errorf("Get(\"b\") = %+v; want nil", got)
	}
}

// FuzzParse checks that Parse never panics, always returns a document, and
// that every position it reports lies in the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"---\ntitle: Osku\nperiod:\n  start: 2023-10-01\n---\nBody\n",
		"+++\ntitle = \"Osku\"\n[period]\nstart = 2023-10-01\n[[budget.funding]]\nkind = \"eu\"\n+++\nBody\n",
		"{\n\"title\": \"Osku\",\n\"themes\": [\"youth\"]\n}\n\nBody\n",
		";;;\n[1, 2]\n;;;\n",
		"---\na: &a [x, x]\nb: [*a, *a]\n---\n",
		"\ufeff---\r\ntitle: Osku\r\n---\r\n",
		"---\ntitle: Osku: kylät\n---\n",
		"+++\na = \n+++\n",
		"{\n\"a\": 1,\n\"a\": 2\n}\n\n",
		"---\n",
		"Body only\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		var l diag.List
		doc := Parse("f.md", src, &l)
		if doc == nil {
			t.Fatalf("Parse(%q) = nil", src)
		}
		text := bytes.TrimPrefix(src, []byte("\ufeff"))
		nlines := bytes.Count(text, []byte("\n")) + 1
		inFile := func(p diag.Pos) bool {
			return p.File == "f.md" && p.Line >= 1 && p.Line <= nlines && p.Col >= 1
		}
		for _, d := range l.Items() {
			if !inFile(d.Pos) || d.Msg == "" {
				t.Fatalf("Parse(%q) diagnostic %q at %v; want a message at a position in the file (%d lines)", src, d.Msg, d.Pos, nlines)
			}
		}
		if doc.Format == "" {
			if l.Len() > 0 || doc.Front != nil || !bytes.Equal(doc.Body, text) || doc.BodyLine != 1 {
				t.Fatalf("Parse(%q) without front matter = %+v, diagnostics %v; want the whole file as body", src, doc, l.Items())
			}
			return
		}
		if doc.Body != nil && (!bytes.HasSuffix(text, doc.Body) || doc.BodyLine < 1 || doc.BodyLine > nlines) {
			t.Fatalf("Parse(%q) body %q on line %d; want the end of the file", src, doc.Body, doc.BodyLine)
		}
		if doc.Front == nil {
			return
		}
		if doc.Front.Kind != Map {
			t.Fatalf("Parse(%q).Front is %s; want a map or nil", src, doc.Front.Describe())
		}
		var walk func(n *Node, depth int)
		walk = func(n *Node, depth int) {
			if n == nil || !inFile(n.Pos) {
				t.Fatalf("Parse(%q) has a value %+v at a position outside the file", src, n)
			}
			for _, e := range n.Entries {
				if !inFile(e.KeyPos) {
					t.Fatalf("Parse(%q) key %q at %v; want a position in the file", src, e.Key, e.KeyPos)
				}
				walk(e.Value, depth+1)
			}
			for _, it := range n.Items {
				walk(it, depth+1)
			}
		}
		walk(doc.Front, 0)
	})
}
