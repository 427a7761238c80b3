package browsertest

import (
	"context"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// Click clicks the first element that matches a CSS selector with the
// mouse, as a visitor does: the element must be visible.
func (p *Page) Click(selector string) {
	p.t.Helper()
	p.do("click "+selector, chromedp.Click(chromedp.CSS(selector)))
}

// ClickAndWait clicks the first element that matches a CSS selector, such
// as a link, and waits until the page it leads to has loaded.
func (p *Page) ClickAndWait(selector string) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, timeout)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(selector)))
	if err != nil {
		p.t.Fatalf("%s: click %s and wait for the page: %v", p.URL, selector, err)
	}
	p.URL = resp.URL
	p.Status = int(resp.Status)
}

// Type focuses the first element that matches a CSS selector and types
// text into it, one key at a time.
func (p *Page) Type(selector, text string) {
	p.t.Helper()
	p.do("type into "+selector, chromedp.SendKeys(chromedp.CSS(selector), text))
}

// Wait waits until a JavaScript expression is true on the page.
func (p *Page) Wait(expr string) {
	p.t.Helper()
	run(p, "wait for "+shorten(expr), chromedp.Poll[bool](expr))
}

// OuterHTML returns the markup of the first element that matches a CSS
// selector. It reads the document through the DevTools protocol, so it
// works on a page without JavaScript too.
func (p *Page) OuterHTML(selector string) string {
	p.t.Helper()
	return run(p, "read "+selector, chromedp.OuterHTML(chromedp.CSS(selector)))
}

// Navigate opens url in the page's tab and waits until it has loaded.
func (p *Page) Navigate(url string) {
	p.t.Helper()
	resp := run(p, "open "+url, chromedp.NavigateResponse(url))
	p.URL = url
	if resp != nil {
		p.Status = int(resp.Status)
	}
}

// OpenWithoutScripts opens url in a new tab with JavaScript turned off, as
// a visitor who has it disabled, or whose connection lost the script,
// sees the page.
func (b *Browser) OpenWithoutScripts(t testing.TB, url string, width int) *Page {
	t.Helper()
	p := b.Open(t, "about:blank", width)
	p.do("turn JavaScript off", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	p.Navigate(url)
	return p
}
