"""The app's own CSS and scripts: layout fixes for narrow screens and accessibility fixes
(WCAG 2.1 AA) that Streamlit's theme has no setting for.

Only constant rules of ours go here, never text from a user or the data. Each layout rule says
which width it is for; ``tests/e2e`` look at the pages at 1024, 390 and 320 px, and
``tests/e2e/test_a11y.py`` runs axe-core on every page in every language.
"""

from __future__ import annotations

import json

from i18n import LANGS, t

LAYOUT_CSS = """
<style>
/* Headings: smaller on narrow screens, broken between syllables (the document's lang drives
   the hyphenation) rather than mid-word at an arbitrary letter. */
h1 { font-size: clamp(1.7rem, 1.1rem + 2.6vw, 2.75rem) !important; hyphens: auto; }
h2, h3 { hyphens: auto; overflow-wrap: normal !important; word-break: normal !important; }
/* Headline cards (bordered containers): the group name fits a card a third of 1024 px wide. */
[data-testid="stVerticalBlockBorderWrapper"] h3 {
  font-size: clamp(1rem, 0.2rem + 1.2vw, 1.5rem) !important;
}
/* Metric labels and deltas wrap instead of ending in an ellipsis ("Arbetslösa arbetssöka…"). */
[data-testid="stMetricLabel"], [data-testid="stMetricLabel"] *,
[data-testid="stMetricDelta"], [data-testid="stMetricDelta"] * {
  white-space: normal !important; overflow: visible !important; text-overflow: clip !important;
}
[data-testid="stMetricValue"] { font-size: clamp(1.6rem, 1.2rem + 1.4vw, 2.25rem); }
/* Links to areas in narrow columns wrap instead of being cut. */
[data-testid="stPageLink"] p, [data-testid="stPageLink-NavLink"] span {
  white-space: normal !important; font-size: 0.9rem; hyphens: auto;
}
/* Streamlit's English "Page not found" dialog (a mistyped or old address): the app runs its
   main page anyway, in the user's language. Hidden here so that it never flashes, and closed
   by DISMISS_JS so that it holds no keyboard focus. The app opens no dialog of its own; one
   that does must scope this rule. */
[data-testid="stDialog"] { display: none !important; }
/* Charts never wider than their column. */
[data-testid="stVegaLiteChart"] { max-width: 100%; overflow-x: auto; }
/* Accessibility (WCAG 2.1 AA). Captions: Streamlit fades the text colour to 60 % opacity
   (#76797c on white, 4.37:1, under the 4.5:1 of 1.4.3); this grey has 6.3:1 on white and
   5.8:1 on the sidebar's background. */
[data-testid="stCaptionContainer"] { opacity: 1 !important; color: #5c6068 !important; }
/* A greyed-out choice (one that does nothing in the current view) keeps its value readable:
   Streamlit draws it at #a4a5a7 (2.46:1); the captions' grey instead. The box stays grey. */
[data-testid="stSelectbox"]:has(input:disabled) p,
[data-testid="stSelectbox"]:has([aria-disabled="true"]) p { color: #5c6068 !important; }
/* Icons are ligature text ("arrow_forward") that Streamlit already hides from screen readers
   (aria-hidden); they stay out of copied text too. */
[data-testid="stIconMaterial"] { user-select: none; }
/* A collapsed sidebar (the default under 768 px) is only moved off the screen: its links stayed
   tab stops that nobody could see (2.4.7, 2.4.3). Hidden, they leave the tab order. */
[data-testid="stSidebar"][data-collapsed="true"] { visibility: hidden; }
/* A visible focus ring on every control reached with the keyboard (2.4.7); not on the main
   area that the skip link focuses (tabindex -1). */
a:focus-visible, button:focus-visible, summary:focus-visible, [role="tab"]:focus-visible,
[tabindex]:not([tabindex="-1"]):focus-visible, input:focus-visible,
textarea:focus-visible {
  outline: 2px solid #1f4e8c !important; outline-offset: 2px;
}
</style>
"""

# Closes Streamlit's "Page not found" dialog (see LAYOUT_CSS) whenever it opens in the first
# seconds of a document; installed once per document
_DISMISS_SCRIPT = """
<script>
(() => {
  if (window.__seurantaDismiss) return;
  window.__seurantaDismiss = true;
  const close = () => {
    const button = document.querySelector('[data-testid="stDialog"] button[aria-label="Close"]');
    if (button) button.click();
  };
  close();
  const watch = new MutationObserver(close);
  watch.observe(document.body, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 20000);
})();
</script>
"""

# Accessibility repairs of Streamlit's own markup, applied whenever it redraws (installed once
# per document; only attributes are added, never text):
# - the sidebar navigation: Streamlit puts each section's <div> (its heading and links) straight
#   into the <ul>; the <ul> becomes presentational and each section a list named by its heading
#   (axe: "list", "listitem").
# - charts: a chart's container carries its alt text (aria-label, role graphics-document); the
#   SVG or canvas inside is hidden from screen readers, so a reader hears the alt text once
#   rather than hundreds of unnamed marks (axe: "svg-img-alt" on Vega's empty mark groups).
# - Streamlit's "Skip to main content" link, the first tab stop, is English on every page: it
#   reads in the page's language (<html lang>, set by ui.data.set_document); the English
#   toolbars of tables and charts are marked lang="en" (3.1.2) for screen readers.
SKIP_LINK = json.dumps({lang: t("a11y.skip_link", lang) for lang in LANGS}, ensure_ascii=False)
# - the names (aria-label) Streamlit gives its own chrome, English only, in the page's language
CHROME_KEYS = (
    "sidebar",
    "collapse_sidebar",
    "expand_sidebar",
    "app_pages",
    "main_menu",
    "link_to_heading",
    "open",
)
CHROME_NAMES = json.dumps(
    {
        lang: {
            t(f"a11y.chrome.{name}", "en"): t(f"a11y.chrome.{name}", lang) for name in CHROME_KEYS
        }
        for lang in LANGS
    },
    ensure_ascii=False,
)
A11Y_JS = """
<script>
(() => {
  if (window.__seurantaA11y) return;
  window.__seurantaA11y = true;
  const skipText = SKIP_LINK;
  const chromeNames = CHROME_NAMES;
  const repair = () => {
    const lang = document.documentElement.lang;
    const names = chromeNames[lang] || {};
    for (const el of document.querySelectorAll('[aria-label]')) {
      const name = names[el.getAttribute('aria-label')];
      if (name && !el.closest('.vega-embed')) el.setAttribute('aria-label', name);
    }
    const skip = document.querySelector('[data-testid="stSkipToContent"]');
    if (skip && skipText[lang] && skip.textContent !== skipText[lang]) {
      skip.textContent = skipText[lang];
    }
    if (lang !== 'en') {
      for (const bar of document.querySelectorAll('[data-testid="stElementToolbar"]')) {
        if (bar.getAttribute('lang') !== 'en') bar.setAttribute('lang', 'en');
      }
    }
    for (const list of document.querySelectorAll('ul[data-testid="stSidebarNavItems"]')) {
      if (list.getAttribute('role') !== 'none') list.setAttribute('role', 'none');
      for (const section of list.children) {
        if (section.tagName !== 'DIV' || section.getAttribute('role') === 'list') continue;
        section.setAttribute('role', 'list');
        const heading = section.querySelector('[data-testid="stNavSectionHeader"] p');
        if (heading && heading.textContent.trim()) {
          section.setAttribute('aria-label', heading.textContent.trim());
        }
      }
    }
    for (const chart of document.querySelectorAll('.vega-embed[aria-label]')) {
      for (const drawing of chart.querySelectorAll(':scope > svg, :scope > canvas')) {
        if (drawing.getAttribute('aria-hidden') !== 'true') {
          drawing.setAttribute('aria-hidden', 'true');
        }
      }
    }
  };
  let queued = false;
  const schedule = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => { queued = false; repair(); });
  };
  repair();
  new MutationObserver(schedule).observe(document.body, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['aria-label'],
  });
})();
</script>
""".replace("SKIP_LINK", SKIP_LINK).replace("CHROME_NAMES", CHROME_NAMES)

# ui/data.py installs LAYOUT_CSS + DISMISS_JS on every page: the accessibility repairs ride along
DISMISS_JS = _DISMISS_SCRIPT + A11Y_JS
