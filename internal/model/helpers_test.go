package model

import (
	"os"
	"path"
	"strings"
	"sync"
	"testing"

	"github.com/vitrin-ssg/vitrin/internal/diag"
	"github.com/vitrin-ssg/vitrin/internal/source"
)

// siteLangs are the languages of the test site.
var siteLangs = []string{"fi", "et", "sv"}

var (
	vocabOnce sync.Once
	vocabs    Vocabularies
	vocabErr  error
)

// testVocabs loads testdata/vocabularies the way a build does: in
// VocabNames order, each file checked against the ones before it.
func testVocabs(t *testing.T) Vocabularies {
	t.Helper()
	vocabOnce.Do(func() {
		vs := Vocabularies{}
		var diags diag.List
		for _, name := range VocabNames() {
			src, err := os.ReadFile("testdata/vocabularies/" + name + ".yaml")
			if err != nil {
				vocabErr = err
				return
			}
			vs[name] = LoadVocabulary("content/vocabularies/"+name+".yaml", src, siteLangs, vs, &diags)
		}
		vocabs, vocabErr = vs, diags.Err()
	})
	if vocabErr != nil {
		t.Fatalf("loading testdata/vocabularies: %v", vocabErr)
	}
	return vocabs
}

// projectFiles are the files of the test project folder, unless a case
// says otherwise.
func projectFiles(names ...string) map[string]bool {
	if len(names) == 0 {
		names = []string{"index.fi.md", "index.et.md", "index.sv.md", "kuva.jpg", "raportti.pdf"}
	}
	m := map[string]bool{}
	for _, n := range names {
		m[n] = true
	}
	return m
}

// decode parses and decodes one project file the way a build does and
// returns the file and every diagnostic, formatted.
func decode(t *testing.T, file, src string, files map[string]bool) (*File[Project], []string) {
	t.Helper()
	if files == nil {
		files = projectFiles()
	}
	var diags diag.List
	doc := source.Parse(file, []byte(src), &diags)
	f := DecodeFile(doc, FileLang(path.Base(file)), siteLangs, files, testVocabs(t), &diags)
	return f, errorStrings(&diags)
}

func errorStrings(l *diag.List) []string {
	var out []string
	for _, d := range l.Items() {
		out = append(out, d.Error())
	}
	return out
}

// sameDiagnostics compares formatted diagnostics with the wanted ones, in
// order. A wanted string that ends with "…" matches every diagnostic that
// starts with the text before it.
func sameDiagnostics(got, want []string) bool {
	if len(got) != len(want) {
		return false
	}
	for i := range got {
		if prefix, ok := strings.CutSuffix(want[i], "…"); ok {
			if !strings.HasPrefix(got[i], prefix) {
				return false
			}
		} else if got[i] != want[i] {
			return false
		}
	}
	return true
}

// lines formats diagnostics one per line for failure messages.
func lines(ss []string) string {
	if len(ss) == 0 {
		return "(none)"
	}
	return "\n\t" + strings.Join(ss, "\n\t")
}
