"""Shared fixtures: databases on both backends, the real embedded data, Streamlit hygiene."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url

from data_access import build as build_module
from data_access import migrate
from data_access.engine import make_engine

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
BACKENDS = ["sqlite", "postgresql"]


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
def real_postgresql_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The full embedded data set, built once per session into PostgreSQL."""
    return _real_url("postgresql", tmp_path_factory)


@pytest.fixture(params=BACKENDS)
def real_engine(request: pytest.FixtureRequest) -> Iterator[Engine]:
    """An engine on the full real data, on each backend."""
    engine = make_engine(str(request.getfixturevalue(f"real_{request.param}_url")))
    yield engine
    engine.dispose()


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
