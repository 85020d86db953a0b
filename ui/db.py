"""The database connection for the app: URL lookup, one engine per process, friendly failure."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import streamlit as st
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from data_access.engine import URL_ENV, default_url, make_engine
from i18n import t


class ConfigurationError(RuntimeError):
    """The database is configured, but the configuration cannot be read."""


SECRETS_FILES = (Path(".streamlit") / "secrets.toml", Path.home() / ".streamlit" / "secrets.toml")


def database_url() -> str:
    """``$DATABASE_URL``, else ``DATABASE_URL`` in .streamlit/secrets.toml, else the default.

    The embedded default is used only when nothing is configured: a secrets file that exists
    but cannot be read raises :class:`ConfigurationError`, so that a typo in production
    secrets never quietly shows the demo database instead.
    """
    if os.environ.get(URL_ENV):
        return os.environ[URL_ENV]
    present = [p for p in SECRETS_FILES if p.is_file()]
    if not present:
        return default_url()
    for path in present:
        # Parsed here too: Streamlit reports a broken file only as a warning in the log
        try:
            tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
            raise ConfigurationError(f"{path}: {error}") from None
    try:
        value = st.secrets.get(URL_ENV)
    except FileNotFoundError:
        value = None
    except Exception as error:  # Streamlit wraps the TOML parser's errors
        raise ConfigurationError(f"{present[0]}: {type(error).__name__}") from None
    return str(value) if value else default_url()


VERSION_MARK = "#seuranta-data="


@st.cache_resource(show_spinner=False)
def _engine(url: str) -> Engine:
    return make_engine(url, read_only=True)


def engine(url: str) -> Engine:
    """One read-only engine per process and database (``url`` with or without the data
    version :func:`versioned` adds)."""
    return _engine(url.split(VERSION_MARK, 1)[0])


def _data_version(url: str) -> str:
    from data_access import queries

    return queries.data_version(engine(url))


def versioned(url: str) -> str:
    """``url`` with the version of its data appended: the key every cached loader takes.

    The version (one small query) is read on every run, so a load shows on the next run of
    every page and server, and figures computed from two states of the data never share a
    key (cached figures of older data are simply no longer asked for). Until a load, cached
    figures stay valid however long they are kept."""
    return f"{url.split(VERSION_MARK, 1)[0]}{VERSION_MARK}{_data_version(url)}"


def described(url: str) -> str:
    """The database ``url`` names, for people: dialect, host and database, no password."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url.split(VERSION_MARK, 1)[0])
    except Exception:
        return "?"
    return parsed.render_as_string(hide_password=True)


RETRY_SECONDS = (5, 10, 20, 40, 60)
# The browser keeps the count of retries (a reload starts a new session)
_DELAYS = ", ".join(map(str, RETRY_SECONDS))
_RETRY_SCRIPT = (
    "<script>"
    'const key = "seuranta-db-retries", n = Number(sessionStorage.getItem(key) || 0);'
    "sessionStorage.setItem(key, n + 1);"
    f"const delays = [{_DELAYS}];"
    "setTimeout(() => window.location.reload(), delays[Math.min(n, delays.length - 1)] * 1000);"
    "</script>"
)
RETRY_RESET = '<script>sessionStorage.removeItem("seuranta-db-retries");</script>'


def database_unavailable(lang: str, error: Exception) -> None:
    """Tell the user the database is down, retry by itself with back-off (the browser reloads
    the page after 5, 10, 20, 40, then every 60 s), offer a button, and stop the page (no
    traceback)."""
    st.error(t("app.db_down", lang), icon=":material/cloud_off:")
    st.caption(type(error).__name__)
    if st.button(t("app.retry", lang), key="retry_db"):
        # Failures are not cached: a new run asks the database again, other caches stay
        st.rerun()
    st.html(_RETRY_SCRIPT, unsafe_allow_javascript=True, width="content")
    st.stop()


def configuration_unreadable(lang: str, error: ConfigurationError) -> None:
    """Say that the configured database cannot be read, and stop (never the demo file)."""
    st.error(t("app.config_unreadable", lang), icon=":material/settings_alert:")
    st.code(str(error), language=None)
    st.stop()


DB_ERRORS = (OperationalError, SQLAlchemyError, OSError)


def run_guarded(page: st.navigation, lang: str) -> None:  # type: ignore[valid-type]
    """Run the page with every database read under one guard: a database that cannot be
    reached, or a configuration that cannot be read, anywhere in a page (a download's
    provenance, a cached loader, the warm-up start) gives the friendly message, never a
    traceback with hosts and file paths."""
    from streamlit.runtime.scriptrunner_utils.exceptions import StopException

    from ui.state import write_address

    try:
        page.run()  # type: ignore[attr-defined]
        write_address()
    except StopException:
        write_address()  # a page that stops early still keeps its address
        raise
    except ConfigurationError as error:
        configuration_unreadable(lang, error)
    except DB_ERRORS as error:
        database_unavailable(lang, error)
