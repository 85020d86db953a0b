"""Every difference between SQLite and PostgreSQL lives here; nothing else branches on dialect."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Engine, Table, event, insert
from sqlalchemy.engine import make_url


def is_sqlite(url_or_engine: str | Engine) -> bool:
    """True for a SQLite URL or engine."""
    name = (
        url_or_engine.dialect.name
        if isinstance(url_or_engine, Engine)
        else make_url(url_or_engine).get_backend_name()
    )
    return name == "sqlite"


def engine_options(url: str, *, read_only: bool) -> dict[str, Any]:
    """Keyword arguments for ``create_engine`` suited to the URL's dialect."""
    if is_sqlite(url):
        options: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        if read_only:
            path = make_url(url).database
            # uri=True lets SQLite open the file read-only; a missing file then fails loudly
            # instead of silently creating an empty database.
            options["creator"] = _sqlite_read_only_creator(str(path))
        return options
    # pool_pre_ping lets the app recover by itself when PostgreSQL restarts.
    return {"pool_pre_ping": True, "pool_size": 5, "max_overflow": 5, "pool_recycle": 1800}


def _sqlite_read_only_creator(path: str) -> Any:
    import sqlite3

    def connect() -> sqlite3.Connection:
        return sqlite3.connect(
            f"file:{path}?mode=ro", uri=True, check_same_thread=False, timeout=30
        )

    return connect


def configure(engine: Engine, *, read_only: bool) -> None:
    """Per-connection settings: foreign keys on SQLite, read-only sessions on PostgreSQL."""
    if is_sqlite(engine):

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            cursor.close()

    elif read_only:

        @event.listens_for(engine, "connect")
        def _pg_read_only(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            cursor.close()
            dbapi_connection.commit()


def upsert(conn: Connection, table: Table, rows: list[dict[str, Any]], keys: list[str]) -> int:
    """Insert ``rows`` into ``table``, updating the other columns where ``keys`` already exist."""
    if not rows:
        return 0
    from sqlalchemy.dialects import postgresql, sqlite

    module: Any = sqlite if conn.dialect.name == "sqlite" else postgresql
    statement = module.insert(table)
    others = {c.name: statement.excluded[c.name] for c in table.columns if c.name not in keys}
    statement = (
        statement.on_conflict_do_update(index_elements=keys, set_=others)
        if others
        else statement.on_conflict_do_nothing(index_elements=keys)
    )
    conn.execute(statement, rows)
    return len(rows)


def bulk_insert(
    conn: Connection, table: Table, columns: list[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows fast inside ``conn``'s transaction (COPY on PostgreSQL).

    SQLAlchemy's per-row parameter handling dominates loads of a few hundred thousand rows, so
    this hands plain tuples straight to the driver.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(table.name), sql.SQL(", ").join(map(sql.Identifier, columns))
        )
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        with cursor.copy(statement) as copy:
            for row in rows:
                copy.write_row(row)
        return
    compiled = insert(table).compile(dialect=conn.dialect, column_keys=columns)
    order = [columns.index(name) for name in compiled.positiontup or []]
    cursor = conn.connection.cursor()
    cursor.executemany(str(compiled), [tuple(row[i] for i in order) for row in rows])
    cursor.close()
