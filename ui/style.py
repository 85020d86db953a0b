"""The app's own CSS: layout fixes for narrow screens that Streamlit's theme has no setting for.

Only constant rules of ours go here, never text from a user or the data. Each rule says which
width it is for; ``tests/e2e`` look at the pages at 1024, 390 and 320 px.
"""

from __future__ import annotations

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
</style>
"""

# Closes Streamlit's "Page not found" dialog (see LAYOUT_CSS) whenever it opens in the first
# seconds of a document; installed once per document
DISMISS_JS = """
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
