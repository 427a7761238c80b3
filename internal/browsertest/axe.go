package browsertest

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// Violation is a rule of axe-core that a page breaks.
type Violation struct {
	ID      string      `json:"id"`     // the rule, such as image-alt
	Impact  string      `json:"impact"` // minor, moderate, serious or critical
	Help    string      `json:"help"`
	HelpURL string      `json:"helpUrl"`
	Nodes   []AxeTarget `json:"nodes"`
}

// AxeTarget is an element that breaks a rule.
type AxeTarget struct {
	Target  string `json:"target"` // a CSS selector
	HTML    string `json:"html"`
	Summary string `json:"summary"`
}

// String writes the violation for a test failure: the rule, what it asks
// for and the elements that break it.
func (v Violation) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "axe %s (%s): %s — %s", v.ID, v.Impact, v.Help, v.HelpURL)
	for _, n := range v.Nodes {
		fmt.Fprintf(&b, "\n\t%s: %s", n.Target, n.HTML)
		if n.Summary != "" {
			fmt.Fprintf(&b, "\n\t\t%s", strings.ReplaceAll(n.Summary, "\n", "\n\t\t"))
		}
	}
	return b.String()
}

// Axe runs axe-core on the page with the WCAG 2.0 and 2.1 A and AA rules
// (AxeTags) and returns the violations.
func (p *Page) Axe() []Violation {
	p.t.Helper()
	tags, _ := json.Marshal(AxeTags())
	// axe-core is injected into the page's own world the first time; the
	// page itself never loads it.
	if !Eval[bool](p, `typeof axe === "object"`) {
		run(p, "inject axe-core", chromedp.Evaluate[chromedp.Void](p.b.axe))
	}
	return Eval[[]Violation](p, `axe.run(document, {runOnly: {type: "tag", values: `+string(tags)+`}, resultTypes: ["violations"]})
  .then(r => r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help, helpUrl: v.helpUrl,
    nodes: v.nodes.map(n => ({target: n.target.join(" "), html: n.html, summary: n.failureSummary || ""}))})))`)
}
