"""Sections ``chart`` and ``rerun`` (and the visits ``memory`` needs): Chromium against a served
app and a served baseline app."""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from scripts.bench.common import (
    APP,
    BENCH_PAGES,
    HARD_LIMIT,
    PAGES,
    Plan,
    join_notes,
    launch_server,
    rotate,
    time_limit,
)
from scripts.bench.memory import bench_memory, read_rss
from scripts.bench.report import Result
from scripts.serving import CHROMIUM, CHROMIUM_ARGS, Server, stop, wait_ready

BASELINE_APP = BENCH_PAGES / "baseline.py"
# Pages without any chart: their "time to chart" is the time to their first drawn table
TABLE_PAGES = frozenset({"data_methods"})
RERUN_TARGET = 2.0
RERUN_MONTH_LABEL = "maaliskuu 2021"  # the overview's month select box, in Finnish
SERVER_START_TIMEOUT = 90.0
PAGE_TIMEOUT_MS = 90_000
VIEWPORT = {"width": 1400, "height": 1400}


# Installed in every page before its scripts run: records performance.now() (milliseconds
# since navigation start) in the first animation frame in which a chart (or table) is drawn
DRAWN_JS = """
(() => {
  const MODE = "__MODE__";
  const marked = (embed) => {
    for (const p of embed.querySelectorAll("svg g.role-mark > path")) {
      const d = p.getAttribute("d");
      if (d && d.length > 2) return true;
    }
    const c = embed.querySelector("canvas");
    const ctx = c && c.width > 100 && c.height > 100 ? c.getContext("2d") : null;
    if (ctx) {
      const data = ctx.getImageData(0, 0, c.width, c.height).data;
      let painted = 0;
      for (let i = 3; i < data.length; i += 28) { if (data[i] > 0) painted++; }
      return painted > 500;
    }
    return false;
  };
  const fingerprint = (embed) => {
    const svg = embed.querySelector("svg");
    if (svg) {
      return Array.from(svg.querySelectorAll("g.role-mark")).map((g) => g.innerHTML).join("|");
    }
    const c = embed.querySelector("canvas");
    const ctx = c ? c.getContext("2d") : null;
    if (!ctx || !c.width || !c.height) return null;
    const data = ctx.getImageData(0, 0, c.width, c.height).data;
    let sum = 0;
    for (let i = 0; i < data.length; i += 13) { sum = (sum * 31 + data[i]) % 1000000007; }
    return String(sum);
  };
  const drawn = () => {
    if (MODE === "table") {
      return Array.from(document.querySelectorAll('[data-testid="stDataFrame"] canvas'))
        .some((c) => c.width > 0 && c.height > 0);
    }
    return Array.from(document.querySelectorAll(".vega-embed")).some(marked);
  };
  const state = { drawn: null, marked, fingerprint };
  window.__bench = state;
  const tick = () => {
    if (drawn()) { state.drawn = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();
"""

# Arms a rerun measurement: t0 at the next pointerdown, t1 in the first frame in which the
# first metric shows another value and (needChart) the first chart is redrawn with marks
RERUN_JS = """
(needChart) => {
  const b = window.__bench;
  const metric = () => {
    const m = document.querySelector('[data-testid="stMetricValue"]');
    return m ? m.innerText : null;
  };
  const chart = () => document.querySelector('[data-testid="stVegaLiteChart"]');
  const rr = { t0: null, t1: null, metric0: metric(), chart0: null };
  if (needChart) rr.chart0 = chart() ? b.fingerprint(chart()) : null;
  window.__rr = rr;
  document.addEventListener("pointerdown", () => {
    if (rr.t0 === null) rr.t0 = performance.now();
  }, true);
  const tick = () => {
    if (rr.t0 !== null) {
      const m = metric();
      let ok = m !== null && m !== rr.metric0;
      if (ok && needChart) {
        const c = chart();
        ok = !!c && b.marked(c) && b.fingerprint(c) !== rr.chart0;
      }
      if (ok) { rr.t1 = performance.now(); return; }
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return rr.metric0;
}
"""

# Every chart of the page drawn and the script finished (no "running" status widget)
SETTLED_JS = """
(n) => {
  const b = window.__bench;
  const drawn = Array.from(document.querySelectorAll(".vega-embed")).filter(b.marked).length;
  return drawn >= n && !document.querySelector('[data-testid="stStatusWidget"]');
}
"""


def page_url(base: str, page: str) -> str:
    """The address of ``page`` in Finnish (the overview is the root)."""
    return f"{base}/?lang=fi" if page == "overview" else f"{base}/{page}?lang=fi"


class Browser:
    """Fresh Chromium contexts with the drawing probe installed."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser
        self.errors: list[str] = []

    def open(self, url: str, mode: str = "chart") -> tuple[Any, Any, float]:
        """Open ``url`` in a fresh context; returns (context, page, seconds to first draw)."""
        context = self.browser.new_context(viewport=VIEWPORT)
        try:
            context.add_init_script(DRAWN_JS.replace("__MODE__", mode))
            page = context.new_page()
            page.on("pageerror", lambda exc: self.errors.append(f"{url}: {exc}"))
            page.goto(url, wait_until="commit", timeout=PAGE_TIMEOUT_MS)
            page.wait_for_function(
                "() => window.__bench && window.__bench.drawn !== null", timeout=PAGE_TIMEOUT_MS
            )
            drawn_ms = float(page.evaluate("() => window.__bench.drawn"))
        except BaseException:
            context.close()
            raise
        return context, page, drawn_ms / 1000

    def time_to_draw(self, url: str, mode: str = "chart") -> float:
        """Seconds from navigation start to the first drawn chart (or table) in a fresh context.

        The page is left only once its script has finished, so that the server is idle when
        the next measurement starts.
        """
        context, page, seconds = self.open(url, mode)
        try:
            self.settle(page, 0)
        finally:
            context.close()
        return seconds

    def settle(self, page: Any, charts: int) -> None:
        """Wait until ``charts`` charts are drawn and the script has finished (twice in a row,
        so that a rerun right after a run does not count as finished)."""
        for _ in range(2):
            page.wait_for_function(SETTLED_JS, arg=charts, timeout=PAGE_TIMEOUT_MS, polling=100)
            time.sleep(0.25)

    def rerun_overview(self, url: str) -> float:
        """Seconds from choosing another month to a new headline and a redrawn chart."""
        context, page, _ = self.open(url)
        try:
            self.settle(page, 3)
            page.get_by_test_id("stSelectbox").first.click()
            page.keyboard.type(RERUN_MONTH_LABEL)
            option = page.get_by_role("option", name=RERUN_MONTH_LABEL)
            option.wait_for(timeout=PAGE_TIMEOUT_MS)
            page.evaluate(RERUN_JS, True)
            option.click()
            return self._rerun_seconds(page)
        finally:
            context.close()

    def rerun_baseline(self, url: str) -> float:
        """Seconds from pressing the baseline's button to its counter changing."""
        context, page, _ = self.open(url)
        try:
            self.settle(page, 1)
            page.evaluate(RERUN_JS, False)
            page.get_by_role("button", name="Rerun").click()
            return self._rerun_seconds(page)
        finally:
            context.close()

    @staticmethod
    def _rerun_seconds(page: Any) -> float:
        page.wait_for_function(
            "() => window.__rr.t0 !== null && window.__rr.t1 !== null", timeout=PAGE_TIMEOUT_MS
        )
        return float(page.evaluate("() => window.__rr.t1 - window.__rr.t0")) / 1000


def bench_browser(database_url: str, plan: Plan, wanted: set[str]) -> list[Result]:
    """Time to chart, rerun and memory on a served app and a served baseline."""
    from playwright.sync_api import sync_playwright

    results: list[Result] = []
    with contextlib.ExitStack() as stack:
        log_dir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="seuranta-bench-")))
        app = launch_server(APP, database_url, log_dir)
        stack.callback(stop, app)
        base = launch_server(BASELINE_APP, database_url, log_dir)
        stack.callback(stop, base)
        wait_ready(app, timeout=SERVER_START_TIMEOUT)
        wait_ready(base, timeout=SERVER_START_TIMEOUT)
        playwright = stack.enter_context(sync_playwright())
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=list(CHROMIUM_ARGS), timeout=60_000
        )
        stack.callback(chromium.close)
        browser = Browser(chromium)
        with time_limit(HARD_LIMIT["browser"], "the browser section"):
            results += _browser_measurements(browser, app, base, plan, wanted)
        if browser.errors:
            results.append(
                Result(
                    "chart",
                    "browser page errors",
                    "",
                    [float(len(browser.errors))],
                    note="; ".join(browser.errors[:3]),
                    status_override="FAIL",
                )
            )
    return results


def _browser_measurements(
    browser: Browser, app: Server, base: Server, plan: Plan, wanted: set[str]
) -> list[Result]:
    results: list[Result] = []
    rss_start = read_rss(app.pid)
    # First visits: every page once on a fresh server (cold caches), the baseline once
    first: dict[str, float] = {}
    browser.time_to_draw(page_url(base.url, "overview"))
    for page in PAGES:
        first[page] = browser.time_to_draw(
            page_url(app.url, page), "table" if page in TABLE_PAGES else "chart"
        )
    time.sleep(1.0)
    rss_pages = read_rss(app.pid)

    if "memory" in wanted:
        results += bench_memory(
            browser, app.pid, page_url(app.url, "overview"), rss_start, rss_pages
        )

    if "chart" in wanted:
        budget = plan.budget("chart", "chart_item")
        samples: dict[str, list[float]] = {p: [] for p in PAGES}
        baseline: list[float] = []
        for round_no in range(plan.repeats):
            pages = [p for p in rotate(PAGES, round_no) if budget.want(p)]
            if not pages:
                break
            # The baseline once a round, in the middle of the round's pages
            middle = len(pages) // 2
            for item in [*pages[:middle], None, *pages[middle:]]:
                began = time.monotonic()
                if item is None:
                    baseline.append(browser.time_to_draw(page_url(base.url, "overview")))
                    continue
                samples[item].append(
                    browser.time_to_draw(
                        page_url(app.url, item), "table" if item in TABLE_PAGES else "chart"
                    )
                )
                budget.record(item, time.monotonic() - began)
        for page in PAGES:
            what = "table" if page in TABLE_PAGES else "chart"
            note = join_notes(
                "navigation start → first frame with a Vega chart drawn, fresh context each "
                "time, server caches warm; baseline: scripts/bench_pages/baseline.py (a tiny "
                "chart) on its own server"
                if page == PAGES[0]
                else "",
                "no chart on this page: time to its first drawn table" if what == "table" else "",
                budget.note(page),
            )
            results.append(
                Result("chart", f"to {what}: {page}", "s", samples[page], baseline, note=note)
            )
        for page in PAGES:
            results.append(
                Result(
                    "chart",
                    f"to chart: {page}, first visit (cold server)",
                    "s",
                    [first[page]],
                    baseline,
                )
            )

    if "rerun" in wanted:
        budget = plan.budget("rerun")
        overview: list[float] = []
        empty: list[float] = []
        for round_no in range(plan.repeats):
            if not budget.want("rerun"):
                break
            began = time.monotonic()
            steps: list[tuple[list[float], Callable[[], float]]] = [
                (empty, lambda: browser.rerun_baseline(page_url(base.url, "overview"))),
                (overview, lambda: browser.rerun_overview(page_url(app.url, "overview"))),
            ]
            for samples_, step in steps if round_no % 2 == 0 else steps[::-1]:
                samples_.append(step())
            budget.record("rerun", time.monotonic() - began)
        results.append(
            Result(
                "rerun",
                "rerun: overview month → headline + chart",
                "s",
                overview,
                empty,
                RERUN_TARGET,
                join_notes(
                    "pointerdown on the month option → first frame with a new headline and the "
                    "share chart redrawn; baseline: the baseline app's button → its counter",
                    budget.note("rerun"),
                ),
            )
        )
    return results
