"""Cached figures are keyed by the data's version: a load shows on the pages without clearing
any cache, and until a load the cached figures are served."""

from __future__ import annotations

from pathlib import Path

import pytest

from data_access import queries
from data_access.engine import make_engine
from tests.conftest import Golden, fi_number, run_app, run_module, sqlite_copy
from ui import db

NBSP = "\u00a0"


@pytest.fixture
def copy_url(real_sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    url = sqlite_copy(real_sqlite_url, tmp_path / "copy.db")
    monkeypatch.setenv("DATABASE_URL", url)
    return url


def country_unemployed(month: str) -> str:
    at = run_app(month=month)
    assert not at.exception, at.exception
    return at.metric[0].value


def test_version_changes_with_each_recorded_load(
    copy_url: str, tmp_path: Path, golden: Golden
) -> None:
    engine = make_engine(copy_url)
    before = queries.data_version(engine)
    assert db.versioned(copy_url) == f"{copy_url}{db.VERSION_MARK}{before}"
    # The engine behind a versioned key is the database's one engine.
    assert db.engine(db.versioned(copy_url)) is db.engine(copy_url)
    same = tmp_path / "same.csv"
    same.write_text(
        "indicator,area_level,area_code,month,value,flag\n"
        f"unemployed_jobseekers,country,SSS,2023-10,{golden.unemployed('SSS', '2023-10')},\n"
    )
    load(copy_url, same, "2023-12-05")  # a new file is recorded as a batch
    after = queries.data_version(engine)
    assert after != before
    load(copy_url, same, "2023-12-05")  # the same file again: nothing is written
    assert queries.data_version(engine) == after
    engine.dispose()


def test_a_load_shows_without_clearing_the_figures(
    copy_url: str, tmp_path: Path, golden: Golden
) -> None:
    published = fi_number(golden.unemployed("SSS", "2023-10"))
    assert country_unemployed("2023-10") == published
    revised = tmp_path / "revised.csv"
    revised.write_text(
        "indicator,area_level,area_code,month,value,flag\n"
        "unemployed_jobseekers,country,SSS,2023-10,256123,\n"
    )
    load(copy_url, revised, "2026-11-01")  # a newer vintage replaces the figure
    # The version is read on every run: the next run shows the new figure, no figure cache
    # was cleared, and no figure of the old data is served under the new version.
    assert country_unemployed("2023-10") == f"256{NBSP}123"


def load(url: str, path: Path, vintage: str) -> None:
    run = run_module("data_access", "load", str(path), "--vintage", vintage, database_url=url)
    assert run.returncode == 0, run.stderr
