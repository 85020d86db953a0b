"""The database connection for the app: URL lookup, one engine per process, friendly failure."""

from __future__ import annotations

import os

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from data_access.engine import URL_ENV, default_url, make_engine
from i18n import t


def database_url() -> str:
    """``$DATABASE_URL``, else ``DATABASE_URL`` in .streamlit/secrets.toml, else the default."""
    if os.environ.get(URL_ENV):
        return os.environ[URL_ENV]
    try:
        value = st.secrets.get(URL_ENV)
    except (FileNotFoundError, KeyError, AttributeError, ValueError):
        # Streamlit raises when no secrets file exists; the embedded default applies then.
        value = None
    except Exception:
        value = None
    return str(value) if value else default_url()


VERSION_MARK = "#seuranta-data="
VERSION_TTL = 30  # seconds: how soon a session notices a load


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    return make_engine(url, read_only=True)


def engine(url: str) -> Engine:
    """One read-only engine per process and database (``url`` with or without the data
    version :func:`versioned` adds)."""
    return _engine(url.split(VERSION_MARK, 1)[0])


@st.cache_data(ttl=VERSION_TTL, show_spinner=False)
def _data_version(url: str) -> str:
    from data_access import queries

    return queries.data_version(engine(url))


def versioned(url: str) -> str:
    """``url`` with the version of its data appended: the key every cached loader takes.

    A load changes the version, so cached figures of older data are no longer asked for and
    the new data shows within :data:`VERSION_TTL` seconds, with no cache to clear; until a
    load, cached figures stay valid however long they are kept."""
    return f"{url.split(VERSION_MARK, 1)[0]}{VERSION_MARK}{_data_version(url)}"


def database_unavailable(lang: str, error: Exception) -> None:
    """Tell the user the database is down, offer a retry, and stop the page (no traceback)."""
    st.error(t("app.db_down", lang), icon=":material/cloud_off:")
    st.caption(type(error).__name__)
    if st.button(t("app.retry", lang), key="retry_db"):
        st.cache_data.clear()
        st.rerun()
    st.stop()


DB_ERRORS = (OperationalError, SQLAlchemyError, OSError)
