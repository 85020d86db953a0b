"""Command line: ``python -m data_access {build,load,fetch,upgrade,status}``.

Every command works on the database named by ``$DATABASE_URL`` (a SQLAlchemy URL) or, when it
is unset, on the embedded SQLite file. Bad input ends with a message naming the file, the line
or record and the reason, exit status 1 and no traceback; the database is left as it was. A
database error (unreachable, no write permission) is one line and exit status 2.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from data_access import dialects, migrate, readers
from data_access.build import build
from data_access.engine import describe, make_engine, resolve_url
from data_access.errors import LoadError, printable
from data_access.loader import FileResult, LoadItem, load_items, observation_count


def _summary(results: list[FileResult]) -> str:
    loaded = sum(r.loaded for r in results)
    replaced = sum(r.replaced for r in results)
    unchanged = sum(r.unchanged for r in results)
    skipped = sum(r.skipped for r in results)
    return (
        f"done: {len(results)} file(s), {loaded:,} rows loaded, {replaced:,} replaced, "
        f"{unchanged:,} unchanged, 0 rejected" + (f"; {skipped} already loaded" if skipped else "")
    )


def _date(text: str) -> date:
    try:
        return readers.parse_date("--vintage", "--vintage", text)
    except LoadError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date YYYY-MM-DD") from None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    for stream in (sys.stdout, sys.stderr):
        # A file name that is not UTF-8, or a terminal that is not, must not end in a traceback.
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(errors="backslashreplace")
    parser = argparse.ArgumentParser(prog="python -m data_access", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_build = sub.add_parser("build", help="(re)build the database from the files in data/")
    p_build.add_argument("--force", action="store_true", help="rebuild even when up to date")
    p_load = sub.add_parser("load", help="load files (long CSV, PxWeb CSV or JSON-stat2)")
    p_load.add_argument("files", nargs="+", type=Path)
    p_load.add_argument("--vintage", type=_date, help="publication date of the values")
    p_load.add_argument("--source", help="source to record (default: the file's own)")
    p_load.add_argument("--division", type=int, help="municipal division year of the codes")
    p_load.add_argument(
        "--synthetic",
        action="store_true",
        help="mark the batch as generated data (tests and benchmarks only)",
    )
    p_fetch = sub.add_parser("fetch", help="download current tables from Statistics Finland")
    p_fetch.add_argument("--base-url", default=None, help="PxWeb API base (default: StatFin)")
    p_fetch.add_argument("--since", default="2006M01", help="first month, e.g. 2019M01")
    sub.add_parser("upgrade", help="create or upgrade the schema in place")
    sub.add_parser("status", help="show the schema revision and row counts")
    args = parser.parse_args(argv)
    url = resolve_url()
    try:
        return _run(args, url)
    except LoadError as error:
        print(error.report(), file=sys.stderr)
        print(f"rejected: nothing was written ({len(error.problems)} problem(s))", file=sys.stderr)
        return 1
    except SQLAlchemyError as error:
        print(f"database {describe(url)}: {dialects.error_message(error)}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"error: {printable(str(error))}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, url: str) -> int:
    """Run one parsed command on the database at ``url``."""
    if args.command == "build":
        build(url, force=args.force)
        return 0
    if args.command == "fetch":
        from data_access.fetch import fetch_and_load

        results = fetch_and_load(url, base_url=args.base_url, since=args.since, progress=print)
        print(_summary(results))
        return 0
    engine = make_engine(url)
    try:
        if args.command == "upgrade":
            migrate.upgrade(engine)
            print(f"schema at revision {migrate.current_revision(engine)} ({describe(url)})")
            return 0
        if args.command == "status":
            with engine.connect() as conn:
                print(f"database: {describe(url)}")
                print(f"schema revision: {migrate.current_revision(engine)}")
                print(f"observations: {observation_count(conn):,}")
            return 0
        items = [
            LoadItem(
                path=f,
                source=args.source,
                vintage=args.vintage,
                division=args.division,
                synthetic=args.synthetic,
            )
            for f in args.files
        ]
        migrate.upgrade(engine)
        with engine.begin() as conn:
            results = load_items(conn, items, progress=print)
        print(_summary(results))
        return 0
    finally:
        engine.dispose()


if __name__ == "__main__":
    sys.exit(main())
