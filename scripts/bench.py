"""Benchmark of Seuranta against baselines measured in the same run (``make bench``)."""

from __future__ import annotations

import argparse
import ast
import contextlib
import importlib
import json
import math
import os
import platform
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Literal

from scripts.serving import CHROMIUM, CHROMIUM_ARGS, Server, free_port, launch, stop, wait_ready

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
BENCH_PAGES = ROOT / "scripts" / "bench_pages"
EMPTY_PAGE = BENCH_PAGES / "empty.py"
BASELINE_APP = BENCH_PAGES / "baseline.py"
DEFAULT_DB = ROOT / "var" / "seuranta.db"
PAGES = ("overview", "area_profile", "map", "evaluation", "data_methods")
# Pages without any chart: their "time to chart" is the time to their first drawn table
TABLE_PAGES = frozenset({"data_methods"})
SECTIONS = ("script", "chart", "rerun", "evaluate", "payload", "memory")
BROWSER_SECTIONS = frozenset({"chart", "rerun", "memory"})

SCRIPT_COLD_TARGET = 1.5
RERUN_TARGET = 2.0
EVALUATE_TARGET = 1.2
MUNICIPALITY_MAP_LIMIT = 250_000
AREA_MAP_LIMIT = 100_000
EXTRA_SESSIONS = 5
OUTCOME = "unemployed_share_pct"
RERUN_MONTH_LABEL = "maaliskuu 2021"  # the overview's month select box, in Finnish

# Soft budgets, as shares of --budget: a section's repeated rounds stop once its share is
# spent (one measurement's rounds once its own share is) and report the n they reached. Each
# measurement is always taken once; start-up, first visits and warm-ups are not budgeted.
DEFAULT_BUDGET = 300.0
SHARES = {
    "script": 0.30,
    "script_item": 0.12,
    "chart": 0.22,
    "chart_item": 0.07,
    "rerun": 0.08,
    "evaluate": 0.10,
}
# Hard limits (s) abort a section
HARD_LIMIT = {"script": 420.0, "browser": 420.0, "evaluate": 300.0, "payload": 180.0}
APPTEST_TIMEOUT = 180.0
SERVER_START_TIMEOUT = 90.0
PAGE_TIMEOUT_MS = 90_000
VIEWPORT = {"width": 1400, "height": 1400}


# --------------------------------------------------------------------------------------------
# Pure helpers: statistics, verdicts, formatting, /proc parsing
# --------------------------------------------------------------------------------------------


def median(values: Sequence[float]) -> float:
    """The median of ``values``; NaN when there are none."""
    return percentile(values, 50.0)


def percentile(values: Sequence[float], q: float) -> float:
    """The ``q``-th percentile (0–100) with linear interpolation; NaN when empty."""
    if not values:
        return math.nan
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile {q} is outside 0..100")
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100.0
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def p90(values: Sequence[float]) -> float:
    """The 90th percentile of ``values``."""
    return percentile(values, 90.0)


def ratio(value: float, baseline: float) -> float:
    """``value / baseline``; NaN when either is missing or the baseline is not positive."""
    if math.isnan(value) or math.isnan(baseline) or baseline <= 0:
        return math.nan
    return value / baseline


def verdict(value_ratio: float, target: float | None) -> str:
    """PASS or FAIL against a maximum ratio, INFO without a target, N/A without a ratio."""
    if target is None:
        return "INFO"
    if math.isnan(value_ratio):
        return "N/A"
    return "PASS" if value_ratio <= target else "FAIL"


def rotate(items: Sequence[str], k: int) -> list[str]:
    """``items`` started at position ``k`` (so the order changes between rounds)."""
    if not items:
        return []
    k %= len(items)
    return [*items[k:], *items[:k]]


def format_quantity(value: float, unit: str) -> str:
    """A value for the table: seconds as ms or s, bytes as kB or MB (decimal), else plain."""
    if math.isnan(value):
        return "–"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if abs(value) < 1 else f"{value:.2f} s"
    if unit == "B":
        return f"{value / 1e6:.1f} MB" if abs(value) >= 1e6 else f"{value / 1e3:.1f} kB"
    return f"{value:g} {unit}".strip()


def format_ratio(value: float) -> str:
    """A ratio as ``1.23×``."""
    return "–" if math.isnan(value) else f"{value:.2f}×"


def format_target(target: float | None) -> str:
    """A maximum ratio as ``≤ 1.5×``."""
    return "–" if target is None else f"≤ {target:g}×"


def parse_vmrss(status_text: str) -> int:
    """Resident memory in bytes from the text of ``/proc/<pid>/status`` (its VmRSS line)."""
    for line in status_text.splitlines():
        if line.startswith("VmRSS:"):
            parts = line.split()
            if len(parts) < 2 or not parts[1].isdigit():
                break
            unit = parts[2].lower() if len(parts) > 2 else "kb"
            scale = {"b": 1, "kb": 1024, "mb": 1024**2, "gb": 1024**3}.get(unit)
            if scale is None:
                break
            return int(parts[1]) * scale
    raise ValueError("no VmRSS line in the status text")


def read_rss(pid: int) -> int:
    """Resident memory of the process ``pid`` in bytes."""
    return parse_vmrss(Path(f"/proc/{pid}/status").read_text())


@dataclass
class Result:
    """One row of the table: samples, the baseline's samples and a target on their ratio."""

    section: str
    metric: str
    unit: str
    samples: list[float]
    baseline: list[float] = field(default_factory=list)
    target: float | None = None
    note: str = ""
    status_override: str | None = None

    @property
    def value(self) -> float:
        return median(self.samples)

    @property
    def baseline_value(self) -> float:
        return median(self.baseline)

    @property
    def ratio(self) -> float:
        return ratio(self.value, self.baseline_value)

    @property
    def status(self) -> str:
        return self.status_override or verdict(self.ratio, self.target)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dictionary (NaN as None)."""

        def clean(x: float) -> float | None:
            return None if math.isnan(x) else x

        return {
            "section": self.section,
            "metric": self.metric,
            "unit": self.unit,
            "median": clean(self.value),
            "p90": clean(p90(self.samples)),
            "min": min(self.samples, default=None),
            "max": max(self.samples, default=None),
            "n": len(self.samples),
            "samples": self.samples,
            "baseline_median": clean(self.baseline_value),
            "baseline_samples": self.baseline,
            "ratio": clean(self.ratio),
            "target": self.target,
            "status": self.status,
            "note": self.note,
        }


TABLE_COLUMNS = ("metric", "median", "p90", "min–max", "n", "baseline", "ratio", "target", "result")


def table_row(result: Result) -> list[str]:
    """The cells of one result."""
    s, unit = result.samples, result.unit
    spread = (
        f"{format_quantity(min(s), unit)}–{format_quantity(max(s), unit)}" if len(s) > 1 else "–"
    )
    if result.baseline:
        base = format_quantity(result.baseline_value, unit)
        if len(result.baseline) > 1:
            base += f" (n={len(result.baseline)})"
    else:
        base = "–"
    return [
        result.metric,
        format_quantity(result.value, unit),
        format_quantity(p90(s), unit) if len(s) > 1 else "–",
        spread,
        str(len(s)),
        base,
        format_ratio(result.ratio),
        format_target(result.target),
        result.status,
    ]


def format_table(results: Sequence[Result]) -> str:
    """A plain-text table of ``results`` with a header, numbered notes below it."""
    rows = [list(TABLE_COLUMNS)] + [table_row(r) for r in results]
    notes: list[str] = []
    for row, result in zip(rows[1:], results, strict=True):
        if result.note:
            notes.append(result.note)
            row[0] = f"{row[0]} [{len(notes)}]"
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    numeric = {1, 2, 3, 4, 5, 6}

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(w) if i in numeric else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(rows[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in rows[1:]]
    if notes:
        out.append("")
        out += [f"[{i}] {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(out)


@dataclass
class Budget:
    """Repeat a set of measurements up to ``repeats`` times within soft time budgets."""

    repeats: int
    section_seconds: float
    item_seconds: float
    clock: Callable[[], float] = time.monotonic
    started: float = field(init=False)
    spent: dict[str, float] = field(default_factory=dict, init=False)
    count: dict[str, int] = field(default_factory=dict, init=False)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def want(self, key: str) -> bool:
        """Measure ``key`` again? Always once; then while both budgets allow."""
        n = self.count.get(key, 0)
        if n >= self.repeats:
            return False
        if n == 0:
            return True
        over_section = self.clock() - self.started > self.section_seconds
        return not over_section and self.spent.get(key, 0.0) < self.item_seconds

    def record(self, key: str, seconds: float) -> None:
        """Count one measurement of ``key`` that took ``seconds`` of wall time."""
        self.count[key] = self.count.get(key, 0) + 1
        self.spent[key] = self.spent.get(key, 0.0) + seconds

    def note(self, key: str) -> str:
        """A remark when ``key`` got fewer than ``repeats`` samples."""
        n = self.count.get(key, 0)
        return "" if n >= self.repeats else f"n={n} < {self.repeats}: time budget spent"


def blas_info() -> str:
    """The BLAS library and its thread count (threadpoolctl is optional)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return "unknown"
    import numpy  # noqa: F401  (loads the BLAS threadpool_info reports)

    pools = [p for p in threadpool_info() if p.get("user_api") == "blas"]
    return ", ".join(f"{p['internal_api']} {p['num_threads']} threads" for p in pools) or "none"


@dataclass(frozen=True)
class Plan:
    """How often to repeat and how long the repeated rounds may take in all."""

    repeats: int
    seconds: float = DEFAULT_BUDGET

    def budget(self, share: str, item_share: str | None = None) -> Budget:
        """A fresh :class:`Budget` for the section whose share of the time is ``share``."""
        section = SHARES[share] * self.seconds
        item = SHARES[item_share] * self.seconds if item_share else section
        return Budget(self.repeats, section, item)


@contextlib.contextmanager
def blas_limit(threads: int) -> Iterator[str]:
    """Limit BLAS to ``threads`` threads (0: leave it); yields a description for the notes."""
    if threads <= 0:
        yield "BLAS threads as configured"
        return
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        yield "BLAS threads not limited (no threadpoolctl)"
        return
    with threadpool_limits(threads, user_api="blas"):
        yield f"both with {threads} BLAS thread{'s' if threads > 1 else ''}"


def join_notes(*notes: str) -> str:
    """The non-empty notes joined into one."""
    return "; ".join(n for n in notes if n)


# --------------------------------------------------------------------------------------------
# Infrastructure: time limits, servers
# --------------------------------------------------------------------------------------------


class BenchTimeout(Exception):
    """A section overran its hard time limit."""


@contextlib.contextmanager
def time_limit(seconds: float, what: str) -> Iterator[None]:
    """Raise :class:`BenchTimeout` in the main thread after ``seconds``."""

    def expire(signum: int, frame: FrameType | None) -> None:
        raise BenchTimeout(f"{what} exceeded its hard limit of {seconds:.0f} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def launch_server(script: Path, database_url: str, log_dir: Path) -> Server:
    """Start ``streamlit run script`` on a free loopback port (without waiting for it)."""
    port = free_port()
    log = log_dir / f"{script.stem}-{port}.log"
    return launch(script, database_url=database_url, port=port, log=log)


# --------------------------------------------------------------------------------------------
# 1. Server-side script time (AppTest, in process)
# --------------------------------------------------------------------------------------------


def _page_imports() -> list[str]:
    """Modules the pages import (imported up front, so a cold run measures caches only)."""
    names: set[str] = set()
    for path in [APP, *sorted((ROOT / "pages").glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
    # Imported lazily inside the cached loaders and sections
    names.update(["indicators.trial_study", "indicators.charts", "exports", "linearmodels"])
    return sorted(names)


def bench_script(database_url: str, plan: Plan) -> list[Result]:
    """Cold and warm AppTest runs of every page against the empty page, interleaved."""
    os.environ["DATABASE_URL"] = database_url
    import streamlit as st
    from streamlit import logger as st_logger
    from streamlit.testing.v1 import AppTest

    st_logger.set_log_level("error")
    for name in _page_imports():
        importlib.import_module(name)

    from geo import boundaries

    def quiet() -> None:
        # Each AppTest run resets Streamlit's log level; its bare-mode warnings are noise here
        st_logger.set_log_level("error")

    def run_three(script: Path, page: str | None) -> tuple[float, float, float]:
        """Cold (caches cleared), warm (the same session again) and new session (a new
        AppTest on the caches the first left, as a second visitor finds them)."""
        quiet()
        st.cache_data.clear()
        st.cache_resource.clear()
        boundaries.clear_cache()  # the simplified map layers, kept per process

        def fresh() -> Any:
            at = AppTest.from_file(str(script), default_timeout=APPTEST_TIMEOUT)
            if page is not None:
                at.switch_page(f"pages/{page}.py")
            return at

        def timed(at: Any, what: str) -> float:
            began = time.perf_counter()
            at.run()
            seconds = time.perf_counter() - began
            if at.exception:
                raise RuntimeError(f"{page or script.name} ({what}): {at.exception[0].value}")
            return seconds

        at = fresh()
        cold = timed(at, "cold")
        warm = timed(at, "rerun")
        quiet()
        second = timed(fresh(), "new session")
        return cold, warm, second

    # Streamlit's own first-use costs (component discovery, first dataframe) are not a page's
    run_three(EMPTY_PAGE, None)
    run_three(APP, "data_methods")

    budget = plan.budget("script", "script_item")
    cold: dict[str, list[float]] = {p: [] for p in PAGES}
    warm: dict[str, list[float]] = {p: [] for p in PAGES}
    second: dict[str, list[float]] = {p: [] for p in PAGES}
    empty_cold: list[float] = []
    empty_warm: list[float] = []
    empty_second: list[float] = []
    for round_no in range(plan.repeats):
        for page in rotate(PAGES, round_no):
            if not budget.want(page):
                continue
            began = time.monotonic()
            e_cold, e_warm, e_second = run_three(EMPTY_PAGE, None)
            p_cold, p_warm, p_second = run_three(APP, page)
            budget.record(page, time.monotonic() - began)
            empty_cold.append(e_cold)
            empty_warm.append(e_warm)
            empty_second.append(e_second)
            cold[page].append(p_cold)
            warm[page].append(p_warm)
            second[page].append(p_second)
    quiet()
    st.cache_data.clear()
    st.cache_resource.clear()

    results = []
    for page in PAGES:
        note = budget.note(page)
        if page == PAGES[0]:
            note = join_notes(
                "cold: st.cache_data, st.cache_resource and geo's layer cache cleared, a new "
                "AppTest (the first visitor after a start or a data load, without the "
                "SEURANTA_WARMUP warm-up); new session: another new AppTest on the caches the "
                "first run filled, as every later visitor opens the page; warm: the first "
                "session's second run. Baseline: scripts/bench_pages/empty.py run the same way "
                "(its cold run is mostly AppTest's own start-up)",
                note,
            )
        if page == "evaluation":
            note = join_notes(
                "a cold run estimates the pooled DiD and its 60-coefficient event study "
                "(evaluate) and 26 more DiD regressions, pooled and one per trial area "
                "(evaluate_all): two-way fixed effects with clustered errors; warm reads "
                "st.cache_data",
                note,
            )
        results.append(
            Result(
                "script",
                f"script: {page} cold",
                "s",
                cold[page],
                empty_cold,
                SCRIPT_COLD_TARGET,
                note,
            )
        )
        results.append(
            Result(
                "script",
                f"script: {page} new session",
                "s",
                second[page],
                empty_second,
                SCRIPT_COLD_TARGET,
            )
        )
        results.append(Result("script", f"script: {page} warm", "s", warm[page], empty_warm))
    return results


# --------------------------------------------------------------------------------------------
# 2, 3 and 5. The browser: time to chart, rerun, memory
# --------------------------------------------------------------------------------------------

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
        contexts = []
        try:
            for _ in range(EXTRA_SESSIONS):
                context, page, _ = browser.open(page_url(app.url, "overview"))
                contexts.append(context)
                browser.settle(page, 3)
            time.sleep(1.0)
            rss_sessions = read_rss(app.pid)
        finally:
            for context in contexts:
                context.close()
        results += [
            Result(
                "memory",
                "memory: server RSS, every page visited once",
                "B",
                [float(rss_pages)],
                note=f"RSS right after start: {format_quantity(rss_start, 'B')}",
            ),
            Result(
                "memory",
                f"memory: per extra overview session ({EXTRA_SESSIONS} open)",
                "B",
                [(rss_sessions - rss_pages) / EXTRA_SESSIONS],
                note="RSS growth / sessions; Python rarely returns freed memory, so this "
                "is a rough figure",
            ),
        ]

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


# --------------------------------------------------------------------------------------------
# 4. The evaluation against the estimation library alone
# --------------------------------------------------------------------------------------------


@dataclass
class LibraryInputs:
    """The prepared panel, as PanelOLS takes it, for the DiD and the event study."""

    y: Any
    x_did: Any
    x_event: Any
    leads: list[str]
    fit_options: dict[str, Any]


def prepare_library_inputs(obs: Any, evaluation: Any) -> LibraryInputs:
    """The same sample and regressors as ``evaluation`` (an Evaluation), ready for PanelOLS."""
    import numpy as np
    import pandas as pd

    from indicators.did import prepare_panel
    from indicators.trial_study import EVENT_MONTH, LAGS, LEADS, outcome_panel

    start, end = evaluation.window
    group = evaluation.group
    panel = outcome_panel(obs, evaluation.outcome)
    panel = panel[panel["unit"].isin(set(group.treated) | set(group.control))]
    prepared = prepare_panel(
        panel[["unit", "month", "value"]],
        treated_units=list(group.treated),
        event_month=EVENT_MONTH,
        window=(start, end),
        outcome="value",
    )
    frame = prepared.frame.dropna(subset=["value"])
    frame = frame.set_index(["unit", pd.to_datetime(frame["month"] + "-01")])
    frame.index.names = ["unit", "month"]
    treated = frame["treated"].to_numpy() == 1
    leads = min(LEADS, -int(frame["rel_month"].min()))
    lags = min(LAGS, int(frame["rel_month"].max()))
    rel = frame["rel_month"].clip(lower=-leads, upper=lags).to_numpy()
    columns: dict[str, np.ndarray] = {}
    for r in range(-leads, lags + 1):
        dummy = (treated & (rel == r)).astype(np.float64)
        if r != -1 and dummy.any():
            columns[f"rel_{r}"] = dummy
    x_event = pd.DataFrame(columns, index=frame.index)
    x_did = pd.DataFrame(
        {"treated_x_post": (frame["treated"] * frame["post"]).astype(np.float64)},
        index=frame.index,
    )
    n_units = frame.index.get_level_values(0).nunique()
    n_months = frame.index.get_level_values(1).nunique()
    return LibraryInputs(
        y=frame["value"],
        x_did=x_did,
        x_event=x_event,
        leads=[c for c in columns if int(c.removeprefix("rel_")) < 0],
        fit_options={
            "cov_type": "clustered",
            "cluster_entity": True,
            "debiased": True,
            "group_debias": True,
            "auto_df": False,
            "count_effects": False,
            "low_memory": len(frame) == n_units * n_months,
        },
    )


def library_alone(inputs: LibraryInputs) -> float:
    """PanelOLS for the DiD and the event study, and the leads' Wald test; the DiD estimate."""
    import numpy as np
    import pandas as pd
    from linearmodels import PanelOLS

    opts = {"entity_effects": True, "time_effects": True, "check_rank": False}
    did = PanelOLS(inputs.y, inputs.x_did, **opts).fit(**inputs.fit_options)
    event = PanelOLS(inputs.y, inputs.x_event, **opts).fit(**inputs.fit_options)
    names = list(event.params.index)
    rows = np.eye(len(names))[[names.index(n) for n in inputs.leads]]
    event.wald_test(restriction=pd.DataFrame(rows, columns=names))
    return float(did.params["treated_x_post"])


def bench_evaluate(
    database_url: str, plan: Plan, full_grid: bool, blas_threads: int
) -> list[Result]:
    """evaluate() from the observations against PanelOLS on the prepared frame, interleaved."""
    with blas_limit(blas_threads) as blas:
        return _bench_evaluate(database_url, plan, full_grid, blas)


def _bench_evaluate(database_url: str, plan: Plan, full_grid: bool, blas: str) -> list[Result]:
    from data_access import queries
    from data_access.engine import make_engine
    from indicators.trial_study import evaluate, evaluate_all, required_indicators

    engine = make_engine(database_url, read_only=True)
    try:
        obs = queries.observations(
            engine, indicators=required_indicators(OUTCOME), level="municipality", since="2016-01"
        )
        munis = queries.municipalities(engine)
        members = queries.memberships(engine)
    finally:
        engine.dispose()

    def run_evaluate() -> Any:
        return evaluate(obs, munis, members, outcome=OUTCOME, comparison="all_other")

    # Untimed warm-ups of both sides (first calls into linearmodels and its covariance and
    # Wald test code); the evaluation also gives the sample and the window
    reference = run_evaluate()
    inputs = prepare_library_inputs(obs, reference)
    library_alone(inputs)

    budget = plan.budget("evaluate")
    wrapped: list[float] = []
    alone: list[float] = []
    estimates: list[float] = []
    for round_no in range(plan.repeats):
        if not budget.want("evaluate"):
            break
        began = time.monotonic()
        steps: list[tuple[list[float], Callable[[], Any]]] = [
            (wrapped, run_evaluate),
            (alone, lambda: estimates.append(library_alone(inputs))),
        ]
        for samples, step in steps if round_no % 2 == 0 else steps[::-1]:
            t0 = time.perf_counter()
            step()
            samples.append(time.perf_counter() - t0)
        budget.record("evaluate", time.monotonic() - began)
    agree = all(
        math.isclose(e, reference.did.estimate, rel_tol=1e-9, abs_tol=1e-12) for e in estimates
    )

    if full_grid:
        label = "evaluate_all: full default grid (3 groups × 26, event studies)"
        kwargs: dict[str, Any] = {}
    else:
        label = "evaluate_all: as the evaluation page (all_other × 26, DiD only)"
        kwargs = {
            "outcomes": (OUTCOME,),
            "comparisons": ("all_other",),
            "window": ("2019-01", "2024-12"),
            "with_event_study": False,
        }
    t0 = time.perf_counter()
    table = evaluate_all(obs, munis, members, **kwargs)
    seconds = time.perf_counter() - t0
    return [
        Result(
            "evaluate",
            "evaluate: pooled, all_other, event study",
            "s",
            wrapped,
            alone,
            EVALUATE_TARGET,
            join_notes(
                "baseline: linearmodels PanelOLS alone (DiD + event study fits with the same "
                "options, and the leads' Wald test) on the frame prepared outside the timer; "
                + ("the DiD estimates agree" if agree else "THE DiD ESTIMATES DIFFER"),
                blas,
                budget.note("evaluate"),
            ),
        ),
        Result("evaluate", label, "s", [seconds], note=f"{len(table)} rows, run once"),
    ]


# --------------------------------------------------------------------------------------------
# 5. Map payloads
# --------------------------------------------------------------------------------------------


def bench_payload(database_url: str) -> list[Result]:
    """The JSON size of the map specs the map page builds, against their limits."""
    os.environ["DATABASE_URL"] = database_url
    import pandas as pd

    from catalogue import definitions
    from data_access import queries
    from data_access.engine import make_engine
    from geo import maps
    from indicators import mapping
    from ui import present

    lang: Literal["fi", "sv", "en"] = "fi"
    indicator = OUTCOME
    inputs = (*definitions.inputs_of(indicator), indicator)
    engine = make_engine(database_url, read_only=True)
    try:
        members = queries.memberships(engine)
        areas = queries.trial_areas(engine)
        shapes = queries.boundaries(engine, level="municipality")
        groups = queries.group_members(engine)
        months = queries.months_available(
            engine, indicator=present.month_source(indicator), level="municipality"
        )
        # The latest trial month in which the trial areas have a value (the published share
        # after 2023-10 exists per municipality only, so the area map would be empty)
        month, obs, area_values = "", pd.DataFrame(), pd.DataFrame()
        for month in [m for m in months if "2021-03" <= m <= "2024-12"][::-1][:24]:
            obs = pd.concat(
                [
                    queries.observations(engine, indicators=inputs, level=lvl, months=[month])
                    for lvl in ("municipality", "municipality_group")
                ],
                ignore_index=True,
            )
            area_values = mapping.area_values(obs, members, indicator=indicator, month=month)
            if area_values["value"].notna().any():
                break
    finally:
        engine.dispose()
    if not month:
        raise RuntimeError(f"no month of {indicator} in the trial period")
    labels = present.map_labels(lang)
    common: dict[str, Any] = {
        "memberships": members,
        "month": month,
        "areas": areas,
        "labels": labels,
        "lang": lang,
        "value_format": present.py_format(indicator),
        "unit": "%",
    }
    specs = {
        "municipality": maps.choropleth(
            mapping.municipality_values(obs, groups, indicator=indicator, month=month),
            shapes,
            level="municipality",
            **common,
        ),
        "area": maps.choropleth(area_values, shapes, level="area", **common),
        "organiser": maps.trial_area_map(
            shapes, members, month, areas=areas, lang=lang, labels=labels
        ),
    }
    limits = {
        "municipality": MUNICIPALITY_MAP_LIMIT,
        "area": AREA_MAP_LIMIT,
        "organiser": MUNICIPALITY_MAP_LIMIT,
    }
    titles = {
        "municipality": "payload: municipality map",
        "area": "payload: area map",
        "organiser": "payload: organiser map (municipalities)",
    }
    return [
        Result(
            "payload",
            titles[key],
            "B",
            [float(len(json.dumps(chart.to_dict())))],
            [float(limits[key])],
            1.0,
            ""
            if key != "municipality"
            else f"len(json.dumps(chart.to_dict())) of the map page's maps of {indicator} in "
            f"{month} (Finnish); baseline = the limit",
        )
        for key, chart in specs.items()
    ]


# --------------------------------------------------------------------------------------------
# Command line
# --------------------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench",
        description=(
            "Seuranta's benchmark: ratios against baselines measured in the same run "
            "(interleaved, repeated; medians and spread). Sections: " + ", ".join(SECTIONS)
        ),
    )
    parser.add_argument("--repeats", type=int, default=5, help="repeats per measurement (5)")
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET,
        metavar="SECONDS",
        help=f"soft time budget of the repeated rounds, shared by the sections "
        f"({DEFAULT_BUDGET:.0f}); a measurement that runs out reports fewer repeats",
    )
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL (default: the embedded var/seuranta.db)"
    )
    parser.add_argument(
        "--skip-browser", action="store_true", help="skip " + ", ".join(sorted(BROWSER_SECTIONS))
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only these sections (repeatable or comma-separated): " + ", ".join(SECTIONS),
    )
    parser.add_argument(
        "--blas-threads",
        type=int,
        default=1,
        metavar="N",
        help="BLAS threads in the evaluation section, both sides (1; 0 leaves BLAS as it is: "
        "noisy when the CPUs are shared)",
    )
    parser.add_argument(
        "--full-evaluate-all",
        action="store_true",
        help="time evaluate_all on its full default grid (slow) instead of the page's call",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.budget <= 0:
        parser.error("--budget must be positive")
    chosen = set(SECTIONS)
    if args.only:
        chosen = {name.strip() for item in args.only for name in item.split(",") if name.strip()}
        unknown = chosen - set(SECTIONS)
        if unknown:
            parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; use {SECTIONS}")
    if args.skip_browser:
        chosen -= BROWSER_SECTIONS
    args.sections = [s for s in SECTIONS if s in chosen]
    return args


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections, print the table and write the JSON; 1 if any section failed."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    database_url = args.database_url or f"sqlite:///{DEFAULT_DB}"
    if not args.database_url and not DEFAULT_DB.exists():
        print(f"{DEFAULT_DB} is missing: run `.venv/bin/python -m data_access build` first")
        return 2
    began = time.monotonic()
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime())
    load_before = os.getloadavg()
    wanted = set(args.sections)
    plan = Plan(args.repeats, args.budget)
    print(
        f"sections: {', '.join(args.sections)}; repeats {args.repeats}, "
        f"budget {args.budget:.0f} s for repeated rounds",
        flush=True,
    )

    jobs: list[tuple[str, Callable[[], list[Result]]]] = []
    if "script" in wanted:
        jobs.append(("script", lambda: bench_script(database_url, plan)))
    if wanted & BROWSER_SECTIONS:
        jobs.append(("browser", lambda: bench_browser(database_url, plan, wanted)))
    if "evaluate" in wanted:
        jobs.append(
            (
                "evaluate",
                lambda: bench_evaluate(
                    database_url, plan, args.full_evaluate_all, args.blas_threads
                ),
            )
        )
    if "payload" in wanted:
        jobs.append(("payload", lambda: bench_payload(database_url)))

    results: list[Result] = []
    failed = False
    for name, job in jobs:
        t0 = time.monotonic()
        print(f"… {name}", end="", flush=True)
        try:
            if name == "browser":  # its own time limit, inside the servers' clean-up
                results += job()
            else:
                with time_limit(HARD_LIMIT[name], f"the {name} section"):
                    results += job()
        except Exception as exc:
            failed = True
            message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            results.append(
                Result(
                    name, f"{name}: section failed", "", [], note=message, status_override="ERROR"
                )
            )
        print(f" {time.monotonic() - t0:.0f} s", flush=True)

    elapsed = time.monotonic() - began
    load_after = os.getloadavg()
    print()
    print(format_table(results))
    print()
    blas = blas_info()
    print(
        f"run took {elapsed:.0f} s on {os.cpu_count()} CPUs (BLAS: {blas}); load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    verdicts = [r.status for r in results]
    print(
        f"{verdicts.count('PASS')} PASS, {verdicts.count('FAIL')} FAIL, "
        f"{verdicts.count('ERROR')} ERROR, {verdicts.count('INFO')} INFO"
    )
    if args.json:
        import streamlit

        payload = {
            "meta": {
                "started": started,
                "seconds": elapsed,
                "repeats": args.repeats,
                "budget": args.budget,
                "sections": args.sections,
                "database": "default" if not args.database_url else "given",
                "cpus": os.cpu_count(),
                "blas": blas,
                "load_before": load_before,
                "load_after": load_after,
                "python": platform.python_version(),
                "streamlit": streamlit.__version__,
            },
            "results": [r.as_dict() for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        print(f"results written to {args.json}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
