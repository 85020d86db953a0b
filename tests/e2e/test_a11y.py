"""Accessibility (issue 14 item 15, WCAG 2.1 AA): axe-core on every page in every language.

Each page is opened in Finnish, Swedish and English at 1440 px, and once more at 390 px (a
language each, in turn) and then widened to 1024 px, with its expanders open so that their
tables and charts are checked too. axe-core (bundled by axe-playwright-python) runs the WCAG
2.0/2.1 A and AA rules; no serious or critical violation may remain.
The same views check what axe does not:

- no Material icon ligature name ("arrow_forward", "link_off") is read out: the text a screen
  reader gets (text outside ``aria-hidden`` subtrees, as rendered) has none, and every icon is
  hidden from it;
- every chart carries its alt text on its container (``aria-label``);
- the first Tab presses land on visible controls (no invisible tab stops before the first
  control).

The accessibility statement (pages/accessibility.py) reports what is tested here.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from i18n import LANGS, t
from tests.e2e.test_overview_browser import chart_drawn
from ui.style import CHROME_KEYS

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
# Every page of app.py's navigation (each page's URL path is its file stem; the default page
# lives at /)
PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
BLOCKING = {"serious", "critical"}
# Tab stops looked at from the top of a page
TAB_STOPS = 3

# Icons of ours (":material/arrow_forward:" anywhere in the app) and Streamlit's own
_SOURCES = [ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "ui").glob("*.py")]
OUR_ICONS = {
    name for path in _SOURCES for name in re.findall(r":material/(\w+):", path.read_text())
}
STREAMLIT_ICONS = {
    "arrow_forward",
    "check",
    "chevron_left",
    "chevron_right",
    "close",
    "content_copy",
    "download",
    "expand_less",
    "expand_more",
    "fullscreen",
    "fullscreen_exit",
    "keyboard_arrow_down",
    "keyboard_arrow_right",
    "keyboard_arrow_up",
    "keyboard_double_arrow_left",
    "keyboard_double_arrow_right",
    "link_off",
    "menu",
    "more_vert",
    "search",
    "visibility",
}
# Names of one word ("map", "download") are words of the English text too: the text is searched
# for the names with an underscore, and every icon must be hidden from screen readers
LIGATURES = re.compile(
    r"\b(" + "|".join(sorted(n for n in OUR_ICONS | STREAMLIT_ICONS if "_" in n)) + r")\b"
)

# The text a screen reader gets: rendered text nodes outside aria-hidden subtrees
SPOKEN_TEXT_JS = """
() => {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const out = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('[aria-hidden="true"], script, style, noscript')) continue;
    if (!parent.checkVisibility({ visibilityProperty: true })) continue;
    out.push(node.textContent);
  }
  return out.join(' ');
}
"""

ICONS_SPOKEN_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stIconMaterial"]'))
  .filter((icon) => !icon.closest('[aria-hidden="true"]'))
  .map((icon) => icon.textContent)
"""

CHARTS_WITHOUT_ALT_JS = """
() => Array.from(document.querySelectorAll('[data-testid="stVegaLiteChart"]'))
  .filter((chart) => !(chart.getAttribute('aria-label') || '').trim())
  .map((chart) => chart.outerHTML.slice(0, 120))
"""

# The focused element: what it is, whether a sighted keyboard user can see it and its focus
FOCUSED_JS = """
() => {
  const el = document.activeElement;
  if (!el || el === document.body) return { visible: false, what: 'body' };
  const box = el.getBoundingClientRect();
  const style = getComputedStyle(el);
  const onScreen = box.width >= 1 && box.height >= 1 && box.bottom > 0 && box.right > 0
    && box.top < window.innerHeight && box.left < window.innerWidth;
  const shown = el.checkVisibility({ opacityProperty: true, visibilityProperty: true });
  const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0)
    || style.boxShadow !== 'none';
  const what = `${el.tagName.toLowerCase()} ${el.getAttribute('data-testid') || ''} `
    + `"${(el.getAttribute('aria-label') || el.innerText || '').trim().slice(0, 40)}"`;
  return { visible: onScreen && shown, ring, what };
}
"""

OPEN_EXPANDERS_JS = "() => document.querySelectorAll('details').forEach((d) => { d.open = true; })"


def _narrow_lang(stem: str) -> str:
    """The language of a page's narrow views: it turns from page to page."""
    return LANGS[PAGES.index(stem) % len(LANGS)]


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


@pytest.fixture
def open_view(browser: Browser, app_url: str) -> Iterator[Callable[[str, str, int], Page]]:
    pages: list[Page] = []

    def open_(stem: str, lang: str, width: int) -> Page:
        context = browser.new_context(viewport={"width": width, "height": 1000})
        page = context.new_page()
        pages.append(page)
        path = "" if stem == "overview" else stem
        page.goto(f"{app_url}/{path}?lang={lang}")
        settle(page)
        return page

    yield open_
    for page in pages:
        page.context.close()


def settle(page: Page, timeout: float = 60.0) -> None:
    """Wait until the page's run has ended and its charts have drawn."""
    page.get_by_role("heading", level=1).first.wait_for(timeout=timeout * 1000)
    deadline = time.monotonic() + timeout
    quiet = 0
    while quiet < 3 and time.monotonic() < deadline:
        running = page.get_by_test_id("stStatusWidget").count() > 0
        quiet = 0 if running else quiet + 1
        page.wait_for_timeout(300)
    if page.get_by_test_id("stVegaLiteChart").count():
        chart_drawn(page)
    page.wait_for_timeout(500)  # the last charts of the page drawn, the repairs applied


def report(violations: list[dict]) -> str:
    """The violations, one line a rule and one a node (its selector and what fails)."""
    lines = []
    for v in violations:
        lines.append(f"{v['id']} ({v['impact']}): {v['help']} [{len(v['nodes'])}]")
        for node in v["nodes"][:8]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
    return "\n".join(lines)


def check_keyboard(page: Page, where: str) -> None:
    """The first Tab presses from the top of the page as it loaded land on visible controls
    that show their focus."""
    stops = []
    for _ in range(TAB_STOPS):
        page.keyboard.press("Tab")
        stops.append(page.evaluate(FOCUSED_JS))
    hidden = [s["what"] for s in stops if not s["visible"]]
    assert not hidden, f"invisible tab stops on {where}: {hidden}"
    ringless = [s["what"] for s in stops if not s["ring"]]
    assert not ringless, f"tab stops without a focus ring on {where}: {ringless}"


def check_axe(page: Page, axe: Axe, where: str) -> None:
    """axe-core's WCAG 2.1 A/AA rules: no serious or critical violation."""
    results = axe.run(page, options=AXE_OPTIONS).response
    blocking = [v for v in results["violations"] if v["impact"] in BLOCKING]
    assert not blocking, f"axe on {where}:\n{report(blocking)}"


def check_screen_reader_text(page: Page, where: str) -> None:
    """No icon name read out, every icon hidden, every chart named by its alt text."""
    spoken = page.evaluate(SPOKEN_TEXT_JS)
    read_out = sorted(set(LIGATURES.findall(spoken)))
    assert not read_out, f"icon names read out on {where}: {read_out}"
    assert page.evaluate(ICONS_SPOKEN_JS) == [], where
    assert page.evaluate(CHARTS_WITHOUT_ALT_JS) == [], where


def open_expanders(page: Page) -> None:
    """Open every expander, so that the tables and charts inside are checked too."""
    page.evaluate(OPEN_EXPANDERS_JS)
    page.wait_for_timeout(700)  # charts inside drawn at their width


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", PAGES)
def test_page_at_1440_px(
    open_view: Callable[[str, str, int], Page], axe: Axe, stem: str, lang: str
) -> None:
    where = f"{stem} ({lang}, 1440 px)"
    page = open_view(stem, lang, 1440)
    check_keyboard(page, where)
    # The first tab stop, Streamlit's skip link, speaks the page's language
    skip = page.get_by_test_id("stSkipToContent")
    assert skip.text_content() == t("a11y.skip_link", lang)
    # So do the names Streamlit gives its own controls ("Main menu", "Link to heading")
    if lang != "en":
        english = {t(f"a11y.chrome.{key}", "en") for key in CHROME_KEYS}
        labels = page.evaluate(
            "() => Array.from(document.querySelectorAll('[aria-label]'))"
            ".map((el) => el.getAttribute('aria-label'))"
        )
        assert not english & set(labels), english & set(labels)
    open_expanders(page)
    assert page.evaluate("() => document.documentElement.lang") == lang
    check_axe(page, axe, where)
    check_screen_reader_text(page, where)


@pytest.mark.parametrize("stem", PAGES)
def test_page_at_390_and_1024_px(
    open_view: Callable[[str, str, int], Page], axe: Axe, stem: str
) -> None:
    lang = _narrow_lang(stem)
    page = open_view(stem, lang, 390)
    check_keyboard(page, f"{stem} ({lang}, 390 px)")
    open_expanders(page)
    for width in (390, 1024):
        page.set_viewport_size({"width": width, "height": 1000})
        page.wait_for_timeout(500)  # laid out and charts redrawn at the new width
        check_axe(page, axe, f"{stem} ({lang}, {width} px)")
    check_screen_reader_text(page, f"{stem} ({lang}, 1024 px)")
