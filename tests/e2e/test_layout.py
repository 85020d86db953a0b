"""Layout at common widths (issue 14 item 13): nothing cut, nothing wider than the screen.

Each check reads what the browser laid out: a text is cut when its element's content is wider
than its box (``scrollWidth > clientWidth``) or it ends in a CSS ellipsis; the page overflows
when the document is wider than the viewport.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser, Page

from tests.e2e.test_overview_browser import chart_drawn

pytestmark = pytest.mark.e2e

# Texts that must be whole: metric labels and deltas, download buttons, card headings
CUT_JS = """
() => {
  const cut = [];
  const selectors = [
    '[data-testid="stMetricLabel"]', '[data-testid="stMetricDelta"]',
    '[data-testid="stDownloadButton"] button', '[data-testid="stVerticalBlockBorderWrapper"] h3',
  ];
  for (const selector of selectors) {
    for (const el of document.querySelectorAll(selector)) {
      const box = el.getBoundingClientRect();
      if (!box.width) continue;
      const inner = el.querySelector('p, span, div') || el;
      const ellipsis = getComputedStyle(inner).textOverflow === 'ellipsis'
        && inner.scrollWidth > inner.clientWidth + 1;
      if (el.scrollWidth > el.clientWidth + 1 || ellipsis) cut.push(el.innerText.slice(0, 40));
    }
  }
  return cut;
}
"""

WIDE_JS = """
() => {
  const main = document.querySelector('[data-testid="stMain"]') || document.body;
  return Math.max(document.documentElement.scrollWidth, main.scrollWidth) - window.innerWidth;
}
"""


def _open(browser: Browser, url: str, width: int) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 1200})
    page = context.new_page()
    page.goto(url)
    chart_drawn(page)
    page.wait_for_timeout(1500)  # every chart of the page drawn
    return page


@pytest.mark.parametrize(("width", "lang"), [(1024, "sv"), (390, "fi"), (320, "sv")])
def test_overview_cuts_nothing_and_fits_the_screen(
    browser: Browser, app_url: str, width: int, lang: str
) -> None:
    page = _open(browser, f"{app_url}/?lang={lang}", width)
    try:
        assert page.evaluate(CUT_JS) == []
        assert page.evaluate(WIDE_JS) <= 1
        # The key indicators: one chart a panel, none wider than its column
        widths = page.evaluate(
            """() => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
                .map((c) => c.scrollWidth - c.clientWidth)"""
        )
        assert widths and max(widths) <= 1
    finally:
        page.context.close()


def test_evaluation_at_320_px_in_swedish(browser: Browser, app_url: str) -> None:
    page = _open(browser, f"{app_url}/evaluation?lang=sv", 320)
    try:
        assert page.evaluate(CUT_JS) == []
        assert page.evaluate(WIDE_JS) <= 1
    finally:
        page.context.close()


def test_a_mistyped_address_gets_the_overview_without_streamlits_english_dialog(
    page: Page, app_url: str
) -> None:
    page.goto(f"{app_url}/no_such_page?lang=fi")
    chart_drawn(page)
    page.wait_for_timeout(1000)
    assert page.get_by_test_id("stDialog").count() == 0
    assert page.get_by_role("heading", name="Yleiskuva").count() == 1
