"""Section ``script``: every page's server-side script time (AppTest, in process) against an
empty page's."""

from __future__ import annotations

import ast
import importlib
import os
import time
from pathlib import Path
from typing import Any

from scripts.bench.common import (
    APP,
    BENCH_PAGES,
    PAGES,
    ROOT,
    Plan,
    join_notes,
    rotate,
)
from scripts.bench.report import Result

EMPTY_PAGE = BENCH_PAGES / "empty.py"
# Issue 13's targets against the empty page: cold caches ≤ 3 ×, a new session ≤ 1.3 ×
SCRIPT_COLD_TARGET = 3.0
SCRIPT_SESSION_TARGET = 1.3
APPTEST_TIMEOUT = 180.0


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
                SCRIPT_SESSION_TARGET,
            )
        )
        results.append(Result("script", f"script: {page} warm", "s", warm[page], empty_warm))
    return results
