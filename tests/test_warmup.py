"""The start-up warm-up: off unless asked for, once per process and database, and what it
computes is what the pages then read from the shared cache."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import pytest

from ui import data, db, warmup


@pytest.fixture(autouse=True)
def _fresh(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(warmup, "_started", set())
    monkeypatch.setattr(warmup, "stopping", threading.Event())
    yield
    warmup.stopping.set()  # end the threads a test started


def test_off_unless_enabled(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(warmup.ENV, raising=False)
    assert warmup.start("sqlite:///nowhere.db") is None
    assert warmup._started == set()


def test_once_per_database(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(warmup.ENV, "1")
    calls: list[str] = []
    done = threading.Event()

    def fake_warm(url: str) -> None:
        calls.append(url)
        done.set()

    monkeypatch.setattr(warmup, "warm", fake_warm)
    monkeypatch.setattr(warmup, "INTERVAL", 0.05)
    first = warmup.start("sqlite:///a.db")
    assert first is not None and first.daemon
    assert done.wait(5)
    assert warmup.start("sqlite:///a.db") is None
    second = warmup.start("sqlite:///b.db")
    assert second is not None
    deadline = time.monotonic() + 5
    # Each database's thread goes over its views again and again (expired entries refill).
    while time.monotonic() < deadline and (
        calls.count("sqlite:///a.db") < 3 or calls.count("sqlite:///b.db") < 3
    ):
        time.sleep(0.05)
    assert calls.count("sqlite:///a.db") >= 3 and calls.count("sqlite:///b.db") >= 3
    assert set(calls) == {"sqlite:///a.db", "sqlite:///b.db"}


def test_warmed_figures_are_served_from_the_cache(
    real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    warmup._overview(real_sqlite_url)
    warmup._profile(real_sqlite_url)
    months = data.months_available(
        real_sqlite_url, indicator="unemployed_jobseekers", level="country"
    )

    # Anything computed now would go through the aggregation: make that fail loudly.
    from indicators import aggregation

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("computed again instead of read from the cache")

    monkeypatch.setattr(aggregation, "aggregate", boom)
    figures = data.overview_month(real_sqlite_url, month=months[-1], include_unverified=False)
    assert figures.heads["trial"].n_units > 100
    totals = data.overview_totals(real_sqlite_url, include_unverified=False)
    assert not totals.shares.empty and not totals.panels.empty
    profile = data.profile(
        real_sqlite_url, area="A01", indicator="unemployed_share_pct", include_unverified=False
    )
    assert profile.month == "2023-10"
    # An option nobody warmed is computed, so it fails here: the check above is a real one.
    with pytest.raises(AssertionError, match="computed again"):
        data.overview_month(real_sqlite_url, month=months[-1], include_unverified=True)


def test_a_failing_step_only_logs(monkeypatch: pytest.MonkeyPatch, caplog) -> None:
    def broken(url: str) -> None:
        raise RuntimeError("database gone")

    for step in ("_overview", "_profile", "_evaluation", "_profiles"):
        monkeypatch.setattr(warmup, step, broken)
    monkeypatch.setattr(data, "coverage", broken)
    monkeypatch.setattr(db, "versioned", lambda url: url)
    with caplog.at_level("WARNING", logger=warmup.__name__):
        warmup.warm("sqlite:///nowhere.db")
    mine = [
        r
        for r in caplog.records
        if r.threadName == threading.current_thread().name and r.name == warmup.__name__
    ]
    assert [r.getMessage() for r in mine] == [
        f"cache warm-up of the {name} failed"
        for name in ("overview", "area profile", "evaluation", "data and methods", "area profiles")
    ]
    assert all("database gone" in str(r.exc_info[1]) for r in mine if r.exc_info)


def test_a_database_that_is_down_skips_the_round(caplog) -> None:
    with caplog.at_level("WARNING", logger=warmup.__name__):
        warmup.warm("sqlite:////nonexistent/dir/nowhere.db")
    mine = [
        r
        for r in caplog.records
        if r.threadName == threading.current_thread().name and r.name == warmup.__name__
    ]
    assert [r.getMessage() for r in mine] == ["cache warm-up: the database cannot be reached"]
