"""The benchmark's settings and shared machinery: what to measure, the time budgets, limits."""

from __future__ import annotations

import contextlib
import signal
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType

from scripts.serving import Server, free_port, launch

ROOT = Path(__file__).resolve().parents[2]
APP = ROOT / "app.py"
BENCH_PAGES = ROOT / "scripts" / "bench_pages"
DEFAULT_DB = ROOT / "var" / "seuranta.db"
PAGES = ("overview", "area_profile", "map", "evaluation", "data_methods")
SECTIONS = ("script", "chart", "rerun", "evaluate", "payload", "memory")
BROWSER_SECTIONS = frozenset({"chart", "rerun", "memory"})

OUTCOME = "unemployed_share_pct"

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


def rotate(items: Sequence[str], k: int) -> list[str]:
    """``items`` started at position ``k`` (so the order changes between rounds)."""
    if not items:
        return []
    k %= len(items)
    return [*items[k:], *items[:k]]


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
