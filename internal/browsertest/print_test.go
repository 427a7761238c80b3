package browsertest

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/vitrin-ssg/vitrin/internal/sitetest"
)

// emulatePrint makes the page use its print style sheet, as the browser
// does when a visitor prints it or saves it as PDF.
func (p *Page) emulatePrint() {
	p.t.Helper()
	p.do("emulate print media", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
}

// printToPDF prints the page on A4 paper and returns the PDF.
func (p *Page) printToPDF() []byte {
	p.t.Helper()
	var pdf []byte
	p.do("print to PDF", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		r, err := cdp.Call(ctx, tg, page.PrintToPDF, page.PrintToPDFParams{PaperWidth: 8.27, PaperHeight: 11.69})
		pdf = r.Data
		return err
	}))
	return pdf
}

// pdfPages counts the pages of a PDF that Chromium wrote.
func pdfPages(pdf []byte) int {
	return len(regexp.MustCompile(`/Type\s*/Page\b[^s]`).FindAll(pdf, -1))
}

// printProblems is the script that looks at a page in print media: what
// must not print, which links do not write their address out, and which
// blocks may be split across pages.
const printProblems = `(() => {
  const out = [];
  const shown = e => getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0;
  for (const sel of ['.skip-link', '.lang-switch', '.main-nav', '.breadcrumbs', '.site-footer', '.notice-langs']) {
    for (const e of document.querySelectorAll(sel)) if (shown(e)) out.push(sel + ' is printed');
  }
  const url = document.getElementById('print-url');
  if (!url || !shown(url)) out.push('the page does not print its own address (#print-url)');
  else if (!url.textContent.includes(PAGE_URL)) out.push('#print-url says ' + JSON.stringify(url.textContent) + '; want ' + PAGE_URL);
  for (const a of document.querySelectorAll('article a[href]')) {
    if (!shown(a) || a.closest('.notice')) continue;
    const abs = a.dataset.url || a.href;
    const after = getComputedStyle(a, '::after').content;
    if (abs.startsWith('http') && !after.includes(abs)) out.push('the link ' + JSON.stringify(a.textContent.trim()) + ' does not write out ' + abs + ' (::after is ' + after + ')');
  }
  for (const sel of ['.summary-box', '.steps li', '.needs > div', '.practice-projects li', '.indicators li']) {
    for (const e of document.querySelectorAll(sel)) {
      if (getComputedStyle(e).breakInside !== 'avoid') { out.push(sel + ' may break across pages'); break; }
    }
  }
  for (const h of document.querySelectorAll('article h2, article h3')) {
    if (getComputedStyle(h).breakAfter !== 'avoid') { out.push('the heading ' + JSON.stringify(h.textContent.trim()) + ' may be left alone at the foot of a page'); break; }
  }
  return out;
})()`

// TestPracticePrint prints practice pages as a visitor does who prints one
// or saves it as PDF from the browser: the handout has no navigation,
// footer or skip link, writes out its own address and the address of every
// link, keeps its boxes, steps and headings with what follows, and fits on
// a few A4 pages — for a translated page and for fallbacks.
func TestPracticePrint(t *testing.T) {
	b := Start(t)
	res := sitetest.BuildFS(t, os.DirFS("../.."), sitetest.Options{Minify: true}).MustSucceed(t)
	root := Serve(t, res.Files, "/vitrin/")
	const base = "https://example.org/vitrin/" // the example site's base_url
	for _, path := range []string{
		"fi/hyvat-kaytannot/kumppanuuspoyta/", // translated, with an attachment
		"et/head-tavad/asukasraati/",          // a fallback
		"sv/goda-exempel/loometalgud/",        // a fallback
	} {
		t.Run(strings.ReplaceAll(path, "/", "_"), func(t *testing.T) {
			p := b.Open(t, root+path, Desktop)
			p.emulatePrint()
			pageURL, _ := json.Marshal(base + path)
			for _, problem := range Eval[[]string](p, strings.Replace(printProblems, "PAGE_URL", string(pageURL), 1)) {
				t.Errorf("%s printed: %s", path, problem)
			}
			p.Screenshot("print-" + strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"))
			pdf := p.printToPDF()
			if !bytes.HasPrefix(pdf, []byte("%PDF")) {
				t.Fatalf("%s: printing gave no PDF", path)
			}
			if n := pdfPages(pdf); n < 1 || n > 6 {
				t.Errorf("%s prints on %d A4 pages; want a handout of 1 to 6", path, n)
			}
		})
	}
}
