"""Section ``memory``: the served app's resident memory after every page, and per extra session."""

from __future__ import annotations

import time
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.bench.report import Result, format_quantity

if TYPE_CHECKING:
    from scripts.bench.browser import Browser

EXTRA_SESSIONS = 5  # overview sessions opened at once to measure their memory


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


def bench_memory(
    browser: Browser, pid: int, overview_url: str, rss_start: int, rss_pages: int
) -> list[Result]:
    """The server's RSS once every page was visited, and its growth per extra overview."""
    contexts = []
    try:
        for _ in range(EXTRA_SESSIONS):
            context, page, _ = browser.open(overview_url)
            contexts.append(context)
            browser.settle(page, 3)
        time.sleep(1.0)
        rss_sessions = read_rss(pid)
    finally:
        for context in contexts:
            context.close()
    return [
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
