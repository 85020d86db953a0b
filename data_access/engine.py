"""Engines and database URLs: the embedded SQLite default or a URL from the environment."""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine, create_engine

from data_access import dialects

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB_PATH = PROJECT_ROOT / "var" / "seuranta.db"
URL_ENV = "DATABASE_URL"


def default_url() -> str:
    """The embedded SQLite reporting database shipped with the project (built from ``data/``)."""
    return f"sqlite:///{DEFAULT_DB_PATH}"


def resolve_url(url: str | None = None) -> str:
    """The URL to use: ``url`` if given, else ``$DATABASE_URL``, else the embedded default."""
    return url or os.environ.get(URL_ENV) or default_url()


def make_engine(url: str | None = None, *, read_only: bool = False) -> Engine:
    """Create an engine for ``url`` (see :func:`resolve_url`) with the project's dialect setup.

    ``read_only`` opens the embedded SQLite file read-only (the app never writes) and asks
    PostgreSQL for read-only transactions. A read-write engine puts a SQLite file in WAL mode
    (see :func:`data_access.dialects.configure`), which read-only engines then read.
    """
    url = resolve_url(url)
    if url.startswith("sqlite:///") and not read_only:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, **dialects.engine_options(url, read_only=read_only))
    dialects.configure(engine, read_only=read_only)
    return engine


def describe(url: str) -> str:
    """``url`` with any password masked, for messages and logs."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)
