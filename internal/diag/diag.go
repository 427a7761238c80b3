// Package diag holds diagnostics about a site's input: a position in a file,
// what is wrong there and how to fix it. A build collects every diagnostic
// of a run in a List instead of stopping at the first.
package diag

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"sync"
)

// Pos is a position in a source file. Line and Col count from 1; Col counts
// characters (runes), not bytes. A zero Line means the whole file.
type Pos struct {
	File string
	Line int
	Col  int
}

// String returns "file:line:col", or just "file" when the line is unknown.
func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Diagnostic is one problem in the input: where, which field, what is wrong
// and how to fix it.
type Diagnostic struct {
	Pos   Pos
	Field string // dotted path of the field, such as "budget.total"; may be empty
	Msg   string // what is wrong, lowercase, no final period
	Hint  string // how to fix it; may be empty
}

// Error formats d as "file:line:col: field: message — hint".
func (d Diagnostic) Error() string {
	var b strings.Builder
	b.WriteString(d.Pos.String())
	b.WriteString(": ")
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(d.Msg)
	if d.Hint != "" {
		b.WriteString(" — ")
		b.WriteString(d.Hint)
	}
	return b.String()
}

// List collects diagnostics. Its methods are safe for concurrent use; the
// zero value is ready to use.
type List struct {
	mu    sync.Mutex
	items []Diagnostic
}

// Add records a diagnostic.
func (l *List) Add(d Diagnostic) {
	l.mu.Lock()
	l.items = append(l.items, d)
	l.mu.Unlock()
}

// Addf records a diagnostic built from its parts.
func (l *List) Addf(pos Pos, field, hint, format string, args ...any) {
	l.Add(Diagnostic{Pos: pos, Field: field, Msg: fmt.Sprintf(format, args...), Hint: hint})
}

// Merge adds every diagnostic of other to l.
func (l *List) Merge(other *List) {
	if other == nil || l == other {
		return
	}
	items := other.Items()
	l.mu.Lock()
	l.items = append(l.items, items...)
	l.mu.Unlock()
}

// Len reports how many diagnostics were recorded.
func (l *List) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.items)
}

// Items returns the diagnostics sorted by file, line, column and message,
// without duplicates, so that output does not depend on the order in which
// parallel workers found them.
func (l *List) Items() []Diagnostic {
	l.mu.Lock()
	items := slices.Clone(l.items)
	l.mu.Unlock()
	slices.SortFunc(items, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Field, b.Field),
			cmp.Compare(a.Msg, b.Msg),
			cmp.Compare(a.Hint, b.Hint),
		)
	})
	return slices.Compact(items)
}

// Err returns nil when the list is empty and an *Errors holding the sorted
// diagnostics otherwise.
func (l *List) Err() error {
	items := l.Items()
	if len(items) == 0 {
		return nil
	}
	return &Errors{Items: items}
}

// Errors is the error a build returns when its input has problems.
type Errors struct {
	Items []Diagnostic
}

// Error returns one diagnostic per line.
func (e *Errors) Error() string {
	lines := make([]string, len(e.Items))
	for i, d := range e.Items {
		lines[i] = d.Error()
	}
	return strings.Join(lines, "\n")
}

// Summary says how many problems were found, as in "3 errors".
func (e *Errors) Summary() string {
	if len(e.Items) == 1 {
		return "1 error"
	}
	return fmt.Sprintf("%d errors", len(e.Items))
}
