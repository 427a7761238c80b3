package browsertest

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"strconv"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// Element is an element of the page that the keyboard can reach.
type Element struct {
	Index int    `json:"index"` // its place among the page's Tab stops, in document order; -1 for none
	Tag   string `json:"tag"`
	ID    string `json:"id"`
	Class string `json:"class"`
	Href  string `json:"href"` // as written
	URL   string `json:"url"`  // where a link leads, absolute
	Lang  string `json:"lang"`
	Text  string `json:"text"`
	// InMain and InLanguages say whether it is inside <main> and inside
	// the language switcher (nav.lang-switch).
	InMain      bool `json:"inMain"`
	InLanguages bool `json:"inLanguages"`
}

func (e Element) String() string {
	s := "<" + e.Tag
	if e.ID != "" {
		s += " id=" + strconv.Quote(e.ID)
	}
	if e.Class != "" {
		s += " class=" + strconv.Quote(e.Class)
	}
	if e.Href != "" {
		s += " href=" + strconv.Quote(e.Href)
	}
	return s + "> " + strconv.Quote(e.Text)
}

// Focus is the element that has the keyboard focus, with the style that
// shows it.
type Focus struct {
	Element
	Outline    string `json:"outline"`    // computed outline while focused, such as "3px solid rgb(185, 62, 11)"
	BoxShadow  string `json:"boxShadow"`  // computed box-shadow while focused
	Background string `json:"background"` // the colour behind the element
	// Indicator is true when the focused element's outline or box-shadow
	// differs from its unfocused style.
	Indicator bool `json:"indicator"`
	// InView is true when the element is inside the viewport.
	InView       bool   `json:"inView"`
	OutlineColor string `json:"outlineColor"`
	OutlineWidth string `json:"outlineWidth"`
}

// Contrast returns the contrast ratio between the focus outline and the
// colour behind the element (WCAG 2.1, 1.4.11 asks for 3:1), or 0 when the
// focus is not shown with a solid outline.
func (f Focus) Contrast() float64 {
	if f.OutlineWidth == "" || f.OutlineWidth == "0px" {
		return 0
	}
	fg, ok1 := parseColor(f.OutlineColor)
	bg, ok2 := parseColor(f.Background)
	if !ok1 || !ok2 {
		return 0
	}
	return contrast(blend(fg, bg), bg)
}

// focusables is the script that lists the Tab stops of a page in document
// order and remembers their unfocused style, for Tab to compare.
const focusables = `(() => {
  const sel = 'a[href], area[href], button, input:not([type=hidden]), select, textarea, summary, iframe, audio[controls], video[controls], [contenteditable]:not([contenteditable=false]), [tabindex]';
  const els = [...document.querySelectorAll(sel)].filter(e =>
    !e.disabled && e.tabIndex >= 0 && !e.closest('[inert]') &&
    e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden' &&
    (!e.checkVisibility || e.checkVisibility())); // not folded away in a closed <details>
  const describe = (e, i) => ({index: i, tag: e.tagName.toLowerCase(), id: e.id, class: e.getAttribute('class') || '',
    href: e.getAttribute('href') || '', url: e.href || '', lang: e.getAttribute('lang') || '',
    text: (e.innerText || e.value || e.getAttribute('aria-label') || e.getAttribute('alt') || '').trim().replace(/\s+/g, ' ').slice(0, 80),
    inMain: !!e.closest('main'), inLanguages: !!e.closest('.lang-switch')});
  const style = e => { const s = getComputedStyle(e); return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor + '|' + s.boxShadow; };
  window.__vitrin = {els, describe, unfocused: els.map(style), style};
  return els.map(describe);
})()`

// focused is the script that describes document.activeElement.
const focused = `(() => {
  const v = window.__vitrin;
  const e = document.activeElement;
  const i = v.els.indexOf(e);
  const s = getComputedStyle(e);
  let bg = 'rgb(255, 255, 255)';
  for (let n = e.parentElement; n; n = n.parentElement) {
    const c = getComputedStyle(n).backgroundColor;
    if (c !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(c)) { bg = c; break; }
  }
  const r = e.getBoundingClientRect();
  const d = v.describe(e, i);
  return Object.assign(d, {
    outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, boxShadow: s.boxShadow,
    outlineColor: s.outlineColor, outlineWidth: s.outlineStyle === 'none' ? '0px' : s.outlineWidth,
    background: bg, indicator: i >= 0 && v.style(e) !== v.unfocused[i],
    inView: r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth});
})()`

// TabStops returns the elements that Tab should reach on the page, in
// document order, and remembers how each looks unfocused. Call it before
// the first Tab, on a page nobody has focused yet.
func (p *Page) TabStops() []Element {
	p.t.Helper()
	return Eval[[]Element](p, focusables)
}

// Tab presses the Tab key and returns the element that has the focus then.
// TabStops must have been called on the page.
func (p *Page) Tab() Focus {
	p.t.Helper()
	p.do("press Tab", chromedp.KeyEvent(kb.Tab))
	return p.Focused()
}

// Focused returns the element that has the focus. TabStops must have been
// called on the page.
func (p *Page) Focused() Focus {
	p.t.Helper()
	return Eval[Focus](p, focused)
}

// Enter presses Enter on the focused element and does not wait for
// anything.
func (p *Page) Enter() {
	p.t.Helper()
	p.do("press Enter", chromedp.KeyEvent(kb.Enter))
}

// Follow presses Enter on the focused link and waits until the page it
// leads to has loaded. It returns the HTTP status of the new page.
func (p *Page) Follow() int {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.KeyEvent(kb.Enter))
	if err != nil {
		p.t.Fatalf("%s: press Enter and wait for the next page: %v", p.URL, err)
	}
	if resp == nil {
		p.t.Fatalf("%s: Enter led to no new page", p.URL)
	}
	p.URL = p.Location()
	p.Status = int(resp.Status)
	return p.Status
}

type rgba struct{ r, g, b, a float64 }

var colorRE = regexp.MustCompile(`^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?\s*\)$`)

// parseColor reads a computed CSS colour: rgb(1, 2, 3) or rgba(1, 2, 3, 0.5).
func parseColor(s string) (rgba, bool) {
	m := colorRE.FindStringSubmatch(s)
	if m == nil {
		return rgba{}, false
	}
	c := rgba{a: 1}
	c.r, _ = strconv.ParseFloat(m[1], 64)
	c.g, _ = strconv.ParseFloat(m[2], 64)
	c.b, _ = strconv.ParseFloat(m[3], 64)
	if m[4] != "" {
		c.a, _ = strconv.ParseFloat(m[4], 64)
	}
	return c, true
}

// blend paints a translucent colour over an opaque one.
func blend(fg, bg rgba) rgba {
	return rgba{fg.r*fg.a + bg.r*(1-fg.a), fg.g*fg.a + bg.g*(1-fg.a), fg.b*fg.a + bg.b*(1-fg.a), 1}
}

// luminance is the relative luminance of WCAG 2.1.
func luminance(c rgba) float64 {
	ch := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*ch(c.r) + 0.7152*ch(c.g) + 0.0722*ch(c.b)
}

// contrast is the WCAG contrast ratio of two opaque colours, 1 to 21.
func contrast(a, b rgba) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

// String describes the focus for a test failure.
func (f Focus) String() string {
	return fmt.Sprintf("%s (outline %s, box-shadow %s, on %s)", f.Element, f.Outline, f.BoxShadow, f.Background)
}
