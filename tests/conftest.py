"""Shared fixtures: databases on both backends, the real embedded data, golden figures from
data/, Streamlit hygiene; and the ``postgres`` and ``slow`` marks given by the fixtures used."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd
import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from data_access import build as build_module
from data_access import migrate
from data_access.engine import make_engine

if TYPE_CHECKING:
    from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
APP = str(ROOT / "app.py")
# The PostgreSQL variant carries the ``postgres`` mark, so ``-m "not postgres"`` deselects it.
POSTGRES = pytest.param("postgresql", marks=pytest.mark.postgres, id="postgresql")
BACKENDS = ["sqlite", POSTGRES]
# Tests that ask for these fixtures themselves (not through a backend parameter) are marked too.
POSTGRES_FIXTURES = frozenset({"postgresql_url", "real_postgresql_url"})
# The full embedded database (built once per session, ~8 s) and every test on it are ``slow``.
FULL_DATABASE_FIXTURES = frozenset({"real_sqlite_url", "real_postgresql_url", "real_engine"})
NBSP = "\u00a0"


@pytest.hookimpl(tryfirst=True)  # before pytest's own hook deselects by mark
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark tests by the databases they use: ``postgres`` and ``slow`` (see pyproject.toml)."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if "browser_name" in names and item.get_closest_marker("e2e") is None:
            # An argument named like a pytest-playwright fixture (``page``) pulls in a browser
            # and prefixes the test's id with ``chromium-``.
            raise pytest.UsageError(
                f"{item.nodeid} uses a Playwright fixture name outside the e2e tests"
            )
        if names & POSTGRES_FIXTURES:
            item.add_marker(pytest.mark.postgres)
        if names & FULL_DATABASE_FIXTURES:
            item.add_marker(pytest.mark.slow)


def _pg_admin_url() -> str | None:
    return os.environ.get("TEST_DATABASE_URL")


def _require_pg() -> str:
    url = _pg_admin_url()
    if url is None:
        if os.environ.get("SEURANTA_REQUIRE_POSTGRES"):
            pytest.fail("TEST_DATABASE_URL is not set but PostgreSQL tests are required")
        pytest.skip("no PostgreSQL: run the suite with `make test`")
    return url


def new_pg_database(prefix: str = "t") -> tuple[str, str]:
    """Create an empty database on the throwaway server; returns (url, name)."""
    admin = _require_pg()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    url = make_url(admin).set(database=name).render_as_string(hide_password=False)
    return url, name


def drop_pg_database(name: str) -> None:
    """Drop a database made by :func:`new_pg_database`."""
    admin = _pg_admin_url()
    if admin is None:
        return
    engine = create_engine(admin, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """An empty SQLite database file (a file, so the app thread sees the same data)."""
    return f"sqlite:///{tmp_path / 'test.db'}"


@pytest.fixture
def postgresql_url() -> Iterator[str]:
    """An empty database on the throwaway PostgreSQL server started by scripts/test.sh."""
    url, name = new_pg_database()
    yield url
    drop_pg_database(name)


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest) -> str:
    """The same test body on SQLite and on PostgreSQL."""
    return str(request.getfixturevalue(f"{request.param}_url"))


@pytest.fixture
def reference_engine(db_url: str) -> Iterator[Engine]:
    """A migrated database holding the real reference tables and no observations."""
    engine = make_engine(db_url)
    migrate.upgrade(engine)
    manifest = build_module.read_manifest(DATA)
    with engine.begin() as conn:
        build_module.load_reference(conn, manifest, lambda _line: None)
    yield engine
    engine.dispose()


_REAL: dict[str, str] = {}


def _real_url(backend: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    if backend not in _REAL:
        if backend == "sqlite":
            url = f"sqlite:///{tmp_path_factory.mktemp('real') / 'seuranta.db'}"
        else:
            url, _name = new_pg_database("real")
        build_module.build(url, progress=lambda _line: None)
        _REAL[backend] = url
    return _REAL[backend]


@pytest.fixture(scope="session")
def real_sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full embedded data set, built once per session into SQLite."""
    return _real_url("sqlite", tmp_path_factory)


@pytest.fixture(scope="session")
def unverified_sqlite_url(real_sqlite_url: str, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the real SQLite database in which A19 (Pori, Kokemäki, Ulvila) is unverified
    again, as it was before the December 2026 data update: TEST DATA for the unverified
    switch, since every shipped membership is now confirmed."""
    import sqlite3

    copy = tmp_path_factory.mktemp("unverified") / "seuranta.db"
    url = sqlite_copy(real_sqlite_url, copy)
    with sqlite3.connect(copy) as conn:
        conn.execute(
            "UPDATE trial_memberships SET status = 'probable' "
            "WHERE municipality_code IN ('271', '609', '886')"
        )
        # A new load batch: a new data version, so no cache of the real file is reused
        conn.execute(
            "INSERT INTO load_batches (source_file, reader, source, vintage, checksum, "
            "load_key, rows_in_file, rows_loaded, rows_replaced, rows_unchanged, synthetic, "
            "loaded_at) SELECT 'test: A19 unverified', 'reference', 'test data', vintage, "
            "'unverified-a19', 'unverified-a19', 0, 0, 0, 0, 1, loaded_at FROM load_batches "
            "ORDER BY id DESC LIMIT 1"
        )
    return url


@pytest.fixture(scope="session")
def real_postgresql_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full embedded data set, built once per session into PostgreSQL."""
    return _real_url("postgresql", tmp_path_factory)


@pytest.fixture(params=BACKENDS)
def real_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on the full real data, on each backend."""
    engine = make_engine(str(request.getfixturevalue(f"real_{request.param}_url")))
    yield engine
    engine.dispose()


@dataclass(frozen=True)
class Golden:
    """Published figures read from the shipped CSVs in ``data/labour``: what the app must show.

    Read from the files rather than written into the tests, so that one source holds them and a
    reader sees where each expected number comes from.
    """

    unemployed_jobseekers: pd.Series  # indexed by (area code, month)

    def unemployed(self, code: str, month: str) -> int:
        """Unemployed jobseekers at the end of ``month`` (``"2021-03"``) in a municipality
        (``"091"``, Helsinki) or the whole country (``"SSS"``), as published."""
        value = self.unemployed_jobseekers.loc[(code, month)]
        if pd.isna(value):
            raise KeyError(f"no published figure for {code} in {month}")
        return int(value)


def read_golden(data: Path = DATA) -> Golden:
    """The golden figures from the municipal and the national 12r5 files of ``data``."""
    munis = pd.read_csv(
        data / "labour/tyonv_12r5_municipalities_monthly_2006_2023.csv",
        dtype={"municipality_code": str},
        usecols=["municipality_code", "month", "unemployed_jobseekers"],
    ).rename(columns={"municipality_code": "code"})
    regions = pd.read_csv(
        data / "labour/tyonv_12r5_regions_monthly_2006_2023.csv",
        dtype={"region_code": str},
        usecols=["region_level", "region_code", "month", "unemployed_jobseekers"],
    )
    country = regions.loc[regions["region_level"] == "country"].rename(
        columns={"region_code": "code"}
    )
    frame = pd.concat([munis, country.drop(columns="region_level")], ignore_index=True)
    series = frame.set_index(["code", "month"])["unemployed_jobseekers"]
    if not series.index.is_unique:
        raise ValueError("the golden figures are not unique per area and month")
    return Golden(series.sort_index())


@pytest.fixture(scope="session")
def golden() -> Golden:
    """Published figures from the shipped CSVs, e.g. ``golden.unemployed("SSS", "2021-03")``."""
    return read_golden()


def fi_number(value: int) -> str:
    """An integer as the Finnish and Swedish pages print it: ``256 070`` (no-break space)."""
    return f"{value:,}".replace(",", NBSP)


def run_app(page: str = "overview", *, timeout: float = 90, **params: str) -> AppTest:
    """The app's ``page`` (a stem of ``pages/``) with ``params`` in its URL, run once."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(APP, default_timeout=timeout)
    if page != "overview":
        at.switch_page(f"pages/{page}.py")
    for key, value in params.items():
        at.query_params[key] = value
    return at.run()


def sqlite_copy(url: str, path: Path) -> str:
    """Copy the SQLite database at ``url`` to ``path``; returns the copy's URL."""
    shutil.copy(url.removeprefix("sqlite:///"), path)
    return f"sqlite:///{path}"


def run_module(
    module: str, *args: str, database_url: str | None = None
) -> subprocess.CompletedProcess[str]:
    """``python -m MODULE ARGS...`` from the repository root, its output captured as text; with
    ``database_url``, in an environment of only that ``DATABASE_URL`` and a plain ``PATH``.
    """
    env = None if database_url is None else {"DATABASE_URL": database_url, "PATH": "/usr/bin:/bin"}
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        env=env,
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


_caches_kept = False


def _clear_caches() -> None:
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()


@pytest.fixture(autouse=True)
def _clear_streamlit_caches(request: pytest.FixtureRequest) -> Iterator[None]:
    """AppTests share a process: clear Streamlit's caches so no test sees another's data.

    Tests marked ``shared_caches`` (the same read-only database in several languages, say)
    keep them for the next such test, as a running server would; the first unmarked test
    after them starts clean again.
    """
    global _caches_kept
    shared = request.node.get_closest_marker("shared_caches") is not None
    if _caches_kept and not shared:
        _clear_caches()
    yield
    _caches_kept = shared
    if not shared:
        _clear_caches()


@pytest.fixture(scope="module")
def single_blas_thread() -> Iterator[None]:
    """One BLAS thread for a module: a multi-threaded BLAS spins on the small regressions of
    the evaluations and makes the run slow and erratic on a two-core machine (the results do
    not depend on it). threadpoolctl is only a transitive dependency: without it, no limit.
    Use with ``pytestmark = pytest.mark.usefixtures("single_blas_thread")``."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:
        yield
        return
    with threadpool_limits(1):
        yield


def real_frames(url: str, *, since: str, area_groups: bool = False) -> dict[str, pd.DataFrame]:
    """What the evaluations read from the database at ``url``: ``obs``, the municipalities'
    observations of the unemployed share's indicators from ``since``, ``municipalities`` and
    ``memberships``; with ``area_groups``, also the groups' shares (``groups``) and
    ``group_members``."""
    from data_access import queries
    from indicators.trial_study import required_indicators

    engine = make_engine(url)
    try:
        frames = {
            "obs": queries.observations(
                engine,
                indicators=required_indicators("unemployed_share_pct"),
                level="municipality",
                since=since,
            )
        }
        if area_groups:
            frames["groups"] = queries.observations(
                engine, indicators=["unemployed_share_pct"], level="municipality_group"
            )
            frames["group_members"] = queries.group_members(engine)
        frames["municipalities"] = queries.municipalities(engine)
        frames["memberships"] = queries.memberships(engine)
        return frames
    finally:
        engine.dispose()


def synthetic_municipalities(
    n: int, *, name_en: str = "Municipality", offices: bool = True
) -> pd.DataFrame:
    """SYNTHETIC municipalities ``100``, ``101``, … (``n`` of them, a multiple of four): names,
    four regions in turn (with ``offices``, also their subregions and ELY centres) and the
    urban/rural classes urban, semi-urban, rural, rural in turn."""
    codes = [f"{100 + i:03d}" for i in range(n)]
    columns: dict[str, list[str]] = {
        "code": codes,
        "name_fi": [f"Kunta {c}" for c in codes],
        "name_sv": [f"Kommun {c}" for c in codes],
        "name_en": [f"{name_en} {c}" for c in codes],
        "region_code": [f"MK0{1 + i % 4}" for i in range(n)],
    }
    if offices:
        columns["subregion_code"] = [f"SK0{1 + i % 4}1" for i in range(n)]
        columns["ely_code"] = [f"ELY0{1 + i % 4}" for i in range(n)]
    columns["urban_rural_class"] = ["urban", "semi-urban", "rural", "rural"] * (n // 4)
    return pd.DataFrame(columns)
