"""Every difference between SQLite and PostgreSQL lives here; nothing else branches on dialect."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, and_, bindparam, event, insert, text, update
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

# How long a load waits for another one to finish (SQLite; PostgreSQL waits as long as it
# takes). A load of two million rows takes about a minute.
LOAD_WAIT_SECONDS = 600
# The key of PostgreSQL's advisory lock that serialises loads ("SEUR" in ASCII).
LOAD_LOCK = 0x53455552
BUSY_SECONDS = 30
# PostgreSQL's SQLSTATEs for a role that may not write, and for a read-only transaction.
INSUFFICIENT_PRIVILEGE = "42501"
READ_ONLY_TRANSACTION = "25006"
CANNOT_WRITE = "permission denied: the database role cannot write; use the loader role"


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
        options: dict[str, Any] = {
            "connect_args": {"check_same_thread": False, "timeout": BUSY_SECONDS}
        }
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
    from urllib.parse import quote

    uri = f"file:{quote(path)}?mode=ro"

    def connect() -> sqlite3.Connection:
        connection = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=BUSY_SECONDS)
        try:
            # SQLite opens the -wal and -shm files of a WAL database at the first read.
            connection.execute("PRAGMA schema_version").fetchone()
            return connection
        except sqlite3.OperationalError:
            connection.close()
            if not _frozen(Path(path)):
                raise
        # A WAL database on a read-only file system or in a directory nobody may write,
        # without its -wal file: SQLite cannot create the -shm file it reads through, and no
        # writer can exist (it would have to create the -wal file), so the file cannot change.
        return sqlite3.connect(
            f"{uri}&immutable=1", uri=True, check_same_thread=False, timeout=BUSY_SECONDS
        )

    return connect


def _frozen(path: Path) -> bool:
    """True when nobody can write beside ``path`` and it has no -wal file: a read-only file
    system, or a directory without any write permission.
    """
    if not path.is_file() or path.with_name(path.name + "-wal").exists():
        return False
    directory = path.parent
    read_only_fs = bool(os.statvfs(directory).f_flag & os.ST_RDONLY)
    return read_only_fs or directory.stat().st_mode & 0o222 == 0


def configure(engine: Engine, *, read_only: bool) -> None:
    """Per-connection settings: foreign keys and WAL on SQLite, read-only sessions on PostgreSQL.

    A read-write SQLite engine puts the database in WAL mode (a property of the file, kept
    from then on): readers keep reading the last commit while a load writes, and a load killed
    mid-write leaves no hot journal that a read-only reader could not roll back.
    """
    if is_sqlite(engine):

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys = ON")
            if not read_only:
                cursor.execute("PRAGMA journal_mode = WAL")
            cursor.close()

    elif read_only:

        @event.listens_for(engine, "connect")
        def _pg_read_only(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            cursor.close()
            dbapi_connection.commit()


def serialise_loads(conn: Connection) -> None:
    """Make ``conn``'s transaction the only load (or migration) running; the next one waits.

    Call it first in the transaction, so that what the load reads is what it writes against.
    PostgreSQL takes an advisory lock held until the transaction ends. SQLite takes the write
    lock at once (``BEGIN IMMEDIATE``; a transaction that has written holds it already),
    waiting up to :data:`LOAD_WAIT_SECONDS` for another writer.
    """
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": LOAD_LOCK})
        return
    dbapi = conn.connection.dbapi_connection
    if dbapi is None or dbapi.in_transaction:
        return
    conn.exec_driver_sql(f"PRAGMA busy_timeout = {LOAD_WAIT_SECONDS * 1000}")
    try:
        conn.exec_driver_sql("BEGIN IMMEDIATE")
    finally:
        conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_SECONDS * 1000}")


def error_message(error: SQLAlchemyError) -> str:
    """One line for people about a database error: no SQL statement, no parameters."""
    original = getattr(error, "orig", None) if isinstance(error, DBAPIError) else None
    if original is None:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    state = getattr(original, "sqlstate", None)
    first = (str(original).strip().splitlines() or [type(original).__name__])[0]
    if state in (INSUFFICIENT_PRIVILEGE, READ_ONLY_TRANSACTION) or (
        "readonly database" in first or "read-only" in first
    ):
        return CANNOT_WRITE
    if "database is locked" in first:
        return "the database is locked by another writer; try again when it has finished"
    if state is None and ("connection" in first or "unable to open" in first):
        return f"cannot reach the database: {first}"
    return first.removeprefix("ERROR:").strip()


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


def bulk_update(
    conn: Connection,
    table: Table,
    keys: list[str],
    columns: list[str],
    rows: list[tuple[Any, ...]],
) -> None:
    """Set ``columns`` of the rows of ``table`` whose ``keys`` match, fast, in ``conn``'s
    transaction. Each row of ``rows`` holds the key values, then the new column values.

    PostgreSQL copies the rows into a temporary table and updates from it in one statement;
    SQLite runs one prepared statement for every row. Either takes seconds where SQLAlchemy's
    per-row parameter handling took half a minute for 400,000 rows.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        from psycopg import sql

        temporary = sql.Identifier(f"_update_{table.name}")
        names = sql.SQL(", ").join(map(sql.Identifier, [*keys, *columns]))
        target = sql.Identifier(table.name)
        cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        cursor.execute(
            sql.SQL(
                "CREATE TEMPORARY TABLE {} ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA"
            ).format(temporary, names, target)
        )
        with cursor.copy(sql.SQL("COPY {} ({}) FROM STDIN").format(temporary, names)) as copy:
            for row in rows:
                copy.write_row(row)
        assignments = sql.SQL(", ").join(
            sql.SQL("{} = {}.{}").format(sql.Identifier(c), temporary, sql.Identifier(c))
            for c in columns
        )
        matches = sql.SQL(" AND ").join(
            sql.SQL("{}.{} = {}.{}").format(target, sql.Identifier(k), temporary, sql.Identifier(k))
            for k in keys
        )
        cursor.execute(
            sql.SQL("UPDATE {} SET {} FROM {} WHERE {}").format(
                target, assignments, temporary, matches
            )
        )
        cursor.execute(sql.SQL("DROP TABLE {}").format(temporary))
        return
    statement = (
        update(table)
        .where(and_(*[table.c[k] == bindparam(f"k_{k}") for k in keys]))
        .values({c: bindparam(f"v_{c}") for c in columns})
    )
    compiled = statement.compile(dialect=conn.dialect)
    position = {f"k_{k}": i for i, k in enumerate(keys)}
    position |= {f"v_{c}": len(keys) + i for i, c in enumerate(columns)}
    order = [position[name] for name in compiled.positiontup or []]
    cursor = conn.connection.cursor()
    cursor.executemany(str(compiled), [tuple(row[i] for i in order) for row in rows])
    cursor.close()
