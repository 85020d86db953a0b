"""A database that is down: a clear message, no traceback, and recovery when it returns."""

from __future__ import annotations

from pathlib import Path

import pytest

from i18n import t
from tests.conftest import run_app, sqlite_copy


@pytest.mark.parametrize("stem", ["overview", "area_profile", "map", "evaluation", "data_methods"])
def test_database_down_then_back(
    stem: str, real_sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "later.db"  # not there yet: the database is "down"
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{target}")
    at = run_app(stem, lang="en")
    assert not at.exception
    assert [e.value for e in at.error] == [t("app.db_down", "en")]
    assert not target.exists(), "a read-only app must not create an empty database"

    sqlite_copy(real_sqlite_url, target)
    at.button(key="retry_db").click().run()
    assert not at.exception
    assert not at.error
    assert at.title[0].value


def test_unreachable_postgresql_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing listens on port 9 of the loopback address: the connection is refused at once.
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://reader@127.0.0.1:9/seuranta")
    at = run_app()
    assert not at.exception
    assert [e.value for e in at.error] == [t("app.db_down", "fi")]


def test_a_malformed_secrets_file_never_falls_back_to_the_demo_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A configured but unreadable database setting stops the page with a clear message;
    the embedded default applies only when nothing is configured."""
    secrets = tmp_path / ".streamlit" / "secrets.toml"
    secrets.parent.mkdir()
    secrets.write_text('DATABASE_URL = "postgresql+psycopg://reader@db/seuranta\n')  # no "
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.chdir(tmp_path)
    at = run_app()
    assert not at.exception
    assert [e.value for e in at.error] == [t("app.config_unreadable", "fi")]
    assert not at.metric, "no figures of the demo database"


def test_the_database_message_says_what_happens(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+psycopg://reader@127.0.0.1:9/seuranta")
    at = run_app("data_methods", lang="en")
    assert not at.exception
    assert "tries again by itself" in at.error[0].value
    assert at.button(key="retry_db")
