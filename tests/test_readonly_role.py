"""The read-only app role of docs/postgresql.md, set up with the SQL printed there.

The SQL is read from the one ```sql block of ``docs/postgresql.md`` and run as written (only the
database name is changed), so the documentation and this test cannot drift apart. The loader
role then builds a small database, and the reader role must run every query the app has and be
refused every write. PostgreSQL only: skipped (or failed, with SEURANTA_REQUIRE_POSTGRES) when
no server is available.
"""

from __future__ import annotations

import inspect
import os
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError

from data_access import build as build_module
from data_access import migrate, queries, schema
from data_access.engine import make_engine
from data_access.loader import LoadItem, load_items
from tests.conftest import DATA, drop_pg_database, new_pg_database

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "postgresql.md"
READER, LOADER = "seuranta_reader", "seuranta_loader"
INSUFFICIENT_PRIVILEGE = "42501"
READ_ONLY_TRANSACTION = "25006"
# Test data (a few real published values), loaded by the loader role.
OBSERVATIONS = """indicator,area_level,area_code,month,value
unemployed_jobseekers,municipality,091,2021-03,51318
labour_force,municipality,091,2021-03,354055
unemployed_jobseekers,country,SSS,2021-03,331526
"""


def role_sql() -> str:
    """The documented SQL: the only ```sql block of docs/postgresql.md."""
    blocks = re.findall(r"^```sql\n(.*?)^```", DOC.read_text(encoding="utf-8"), re.M | re.S)
    assert len(blocks) == 1, "docs/postgresql.md must hold exactly one ```sql block"
    return str(blocks[0])


def statements(sql: str, database: str) -> list[str]:
    """The block's statements with the database ``seuranta`` renamed to ``database``."""
    sql = re.sub(r"\bDATABASE seuranta\b", f'DATABASE "{database}"', sql)
    assert not re.search(r"\bseuranta\b", sql), "the database name appears in an unknown form"
    return [s.strip() for s in sql.split(";") if s.strip()]


def passwords(sql: str) -> dict[str, str]:
    return dict(re.findall(r"CREATE ROLE (\w+) LOGIN PASSWORD '([^']*)'", sql))


def test_documented_sql_grants_what_the_app_needs() -> None:
    """The block creates both roles and grants connect, usage and select, for future tables too."""
    sql = " ".join(role_sql().split())
    assert set(passwords(sql)) == {READER, LOADER}
    for clause in (
        f"GRANT CONNECT ON DATABASE seuranta TO {READER}",
        f"GRANT USAGE ON SCHEMA public TO {READER}",
        f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {READER}",
        f"ALTER DEFAULT PRIVILEGES FOR ROLE {LOADER} IN SCHEMA public GRANT SELECT ON TABLES "
        f"TO {READER}",
        f"ALTER ROLE {READER} SET statement_timeout = '30s'",
    ):
        assert clause in sql, clause
    assert not re.search(rf"GRANT (INSERT|UPDATE|DELETE|ALL)\b[^;]* TO {READER}", sql)


@dataclass
class Roles:
    """URLs of one test database for the superuser, the loader and the reader."""

    admin: str
    loader: str
    reader: str


@pytest.fixture(scope="module")
def roles(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Roles]:
    """A database set up as documented: roles, grants, then a small load by the loader."""
    url, name = new_pg_database("ro")
    server = create_engine(url, isolation_level="AUTOCOMMIT")
    sql = role_sql()
    created = False
    try:
        with server.connect() as conn:
            taken = conn.execute(
                text("SELECT rolname FROM pg_roles WHERE rolname IN (:a, :b)"),
                {"a": READER, "b": LOADER},
            ).all()
            if taken:
                pytest.fail(f"roles {taken} exist on the test server: use a throwaway server")
            created = True
            for statement in statements(sql, name):
                conn.exec_driver_sql(statement)
        secret = passwords(sql)
        urls = Roles(
            admin=url,
            loader=make_url(url)
            .set(username=LOADER, password=secret[LOADER])
            .render_as_string(hide_password=False),
            reader=make_url(url)
            .set(username=READER, password=secret[READER])
            .render_as_string(hide_password=False),
        )
        csv = tmp_path_factory.mktemp("readonly") / "observations.csv"
        csv.write_text(OBSERVATIONS, encoding="utf-8")
        loader = make_engine(urls.loader)
        try:
            migrate.upgrade(loader)
            with loader.begin() as conn:
                manifest = build_module.read_manifest(DATA)
                build_module.load_reference(conn, manifest, lambda _line: None)
                load_items(conn, [LoadItem(path=csv, vintage=date(2024, 1, 31))])
        finally:
            loader.dispose()
        yield urls
    finally:
        server.dispose()
        drop_pg_database(name)
        if created:
            admin = create_engine(os.environ["TEST_DATABASE_URL"], isolation_level="AUTOCOMMIT")
            with admin.connect() as conn:
                conn.exec_driver_sql(f"DROP ROLE IF EXISTS {READER}, {LOADER}")
            admin.dispose()


@pytest.fixture
def reader(roles: Roles) -> Iterator[Engine]:
    """The app's engine, as ``ui/db.py`` makes it, on the reader role."""
    engine = make_engine(roles.reader, read_only=True)
    yield engine
    engine.dispose()


def sqlstate(error: DBAPIError) -> str | None:
    return getattr(error.orig, "sqlstate", None)


QUERY_ARGS: dict[str, dict[str, object]] = {
    "observations": {"indicators": ["unemployed_jobseekers", "labour_force"], "level": "country"},
    "months_available": {"indicator": "unemployed_jobseekers", "level": "municipality"},
    "boundaries": {"level": "region"},
    "series_vintage": {"indicator": "unemployed_jobseekers", "level": "country"},
    "series_area_codes": {"level": "municipality"},
    "months_covered": {"indicator": "unemployed_jobseekers", "level": "municipality"},
    "published_by_month": {"level": "municipality"},
}
QUERIES: dict[str, Callable[..., object]] = {
    name: function
    for name, function in inspect.getmembers(queries, inspect.isfunction)
    if function.__module__ == queries.__name__ and not name.startswith("_")
}


@pytest.mark.postgres
@pytest.mark.parametrize("name", sorted(QUERIES))
def test_reader_runs_every_query(reader: Engine, name: str) -> None:
    result = QUERIES[name](reader, **QUERY_ARGS.get(name, {}))
    if name == "observations":
        assert result["value"].tolist() == [331526.0]
    if name == "months_available":
        assert result == ["2021-03"]
    if name in ("municipalities", "regions", "trial_areas", "memberships", "boundaries"):
        assert len(result) > 0


@pytest.mark.postgres
def test_reader_session_has_the_documented_settings(reader: Engine) -> None:
    with reader.connect() as conn:
        assert conn.exec_driver_sql("SHOW statement_timeout").scalar() == "30s"
        assert conn.exec_driver_sql("SHOW default_transaction_read_only").scalar() == "on"
        assert conn.exec_driver_sql("SELECT current_user").scalar() == READER


@pytest.mark.postgres
def test_reader_may_select_and_nothing_else_on_every_table(roles: Roles) -> None:
    """Privileges as the catalogue records them, for every table the loader created."""
    server = create_engine(roles.admin)
    try:
        with server.connect() as conn:
            tables = conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'"
            ).scalars()
            names = set(tables)
            assert set(schema.metadata.tables) | {"alembic_version"} <= names
            for table in sorted(names):
                rights = {
                    right: conn.execute(
                        text("SELECT has_table_privilege(:role, :table, :right)"),
                        {"role": READER, "table": f"public.{table}", "right": right},
                    ).scalar()
                    for right in ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
                }
                assert rights == {
                    "SELECT": True,
                    "INSERT": False,
                    "UPDATE": False,
                    "DELETE": False,
                    "TRUNCATE": False,
                }, table
    finally:
        server.dispose()


WRITES = {
    "insert": "INSERT INTO trial_sources (source_key, citation) VALUES ('x', 'test data')",
    "update": "UPDATE observations SET value = 0",
    "delete": "DELETE FROM observations",
    "truncate": "TRUNCATE load_batches CASCADE",
    "create table": "CREATE TABLE public.intruder (id integer)",
    "create temp table": "CREATE TEMP TABLE intruder (id integer)",
    "drop table": "DROP TABLE observations",
    "alter table": "ALTER TABLE observations ADD COLUMN note text",
    "create schema": "CREATE SCHEMA intruder",
}


@pytest.mark.postgres
@pytest.mark.parametrize("what", sorted(WRITES))
def test_reader_cannot_write_even_in_a_read_write_session(roles: Roles, what: str) -> None:
    """With the read-only default switched off, the privileges alone refuse every write."""
    engine = make_engine(roles.reader)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("SET default_transaction_read_only = off")
            conn.commit()
            with pytest.raises(DBAPIError) as info:
                conn.exec_driver_sql(WRITES[what])
            conn.rollback()
    finally:
        engine.dispose()
    assert sqlstate(info.value) == INSUFFICIENT_PRIVILEGE, info.value


@pytest.mark.postgres
def test_reader_role_defaults_to_read_only_transactions(roles: Roles) -> None:
    engine = make_engine(roles.reader)
    try:
        with pytest.raises(DBAPIError) as info, engine.begin() as conn:
            conn.exec_driver_sql(WRITES["delete"])
    finally:
        engine.dispose()
    assert sqlstate(info.value) == READ_ONLY_TRANSACTION, info.value


@pytest.mark.postgres
@pytest.mark.parametrize("what", ["insert", "create table"])
def test_read_only_engine_refuses_writes_even_as_superuser(roles: Roles, what: str) -> None:
    """``make_engine(url, read_only=True)`` makes every pooled connection read-only."""
    engine = make_engine(roles.admin, read_only=True)
    try:
        for _attempt in range(2):  # a fresh connection, then one from the pool
            with engine.connect() as conn:
                superuser = conn.exec_driver_sql("SELECT current_setting('is_superuser')")
                assert superuser.scalar() == "on"
                assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "on"
                with pytest.raises(DBAPIError) as info:
                    conn.exec_driver_sql(WRITES[what])
                conn.rollback()
            assert sqlstate(info.value) == READ_ONLY_TRANSACTION, info.value
    finally:
        engine.dispose()
    writable = make_engine(roles.admin)
    try:
        with writable.connect() as conn:
            assert conn.exec_driver_sql("SHOW transaction_read_only").scalar() == "off"
    finally:
        writable.dispose()
