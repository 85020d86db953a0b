"""Loads at the same time, loads killed mid-write, readers during a load, and the read-only role.

Concurrent loads of one series must both succeed (one waits for the other) on both backends:
the load lock (:func:`data_access.dialects.serialise_loads`) is taken first in a load's
transaction. On SQLite the database is in WAL mode: a reader never waits for a load, and a load
killed with SIGKILL leaves nothing a read-only reader cannot read past. All figures here are
generated test data.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, func, select, text
from sqlalchemy.engine import make_url

from data_access import build as build_module
from data_access import migrate, schema
from data_access.engine import make_engine
from data_access.loader import LoadItem, load_items, observation_count
from tests.conftest import DATA

ROOT = Path(__file__).resolve().parent.parent
TODAY = date(2026, 11, 25)
HEADER = "indicator,area_level,area_code,month,value"
TRIES = 6
SMALL = HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,51318\n"


def url_of(engine: Engine) -> str:
    return engine.url.render_as_string(hide_password=False)


def municipality_codes(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        return sorted(conn.execute(select(schema.municipalities.c.code)).scalars())


def rows(codes: list[str], months: list[str], indicators: list[str], base: int = 10) -> str:
    """Long-CSV rows of generated counts."""
    lines = [
        f"{indicator},municipality,{code},{month},{base + i % 97}"
        for indicator in indicators
        for code in codes
        for i, month in enumerate(months)
    ]
    return "\n".join(lines) + "\n"


def load_at_once(url: str, items: list[LoadItem]) -> list[str]:
    """Load each item in a thread of its own, all starting together; returns the failures."""
    barrier = threading.Barrier(len(items))
    failures: list[str] = []

    def run(item: LoadItem) -> None:
        engine = make_engine(url)
        try:
            barrier.wait()
            with engine.begin() as conn:
                load_items(conn, [item], today=TODAY)
        except Exception as error:  # every failure is the finding, whatever its type
            failures.append(f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run, args=(item,)) for item in items]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=300)
    return failures


def check_summary(engine: Engine) -> None:
    """series_months holds exactly the aggregation of observations."""
    obs, months = schema.observations, schema.series_months
    key = [obs.c.organiser, obs.c.target_group, obs.c.indicator, obs.c.area_level, obs.c.month]
    with engine.connect() as conn:
        expected = sorted(
            tuple(r)
            for r in conn.execute(
                select(*key, func.count(), func.count(obs.c.value)).group_by(*key)
            )
        )
        actual = sorted(
            tuple(r)
            for r in conn.execute(
                select(
                    months.c.organiser,
                    months.c.target_group,
                    months.c.indicator,
                    months.c.area_level,
                    months.c.month,
                    months.c.areas,
                    months.c.published,
                )
            )
        )
    assert actual == expected


@pytest.mark.parametrize("keys", ["overlapping", "disjoint"])
def test_concurrent_loads_of_one_series_both_succeed(
    reference_engine: Engine, tmp_path: Path, keys: str
) -> None:
    """Two loads of one series at once, TRIES times: overlapping keys (the same rows, two
    vintages) and disjoint keys (two halves of a year). Before the load lock, PostgreSQL gave
    a UniqueViolation from COPY (overlapping) or on pk_series_months (disjoint)."""
    url = url_of(reference_engine)
    codes = municipality_codes(reference_engine)
    indicators = ["unemployed_jobseekers", "open_vacancies"]
    failures: list[str] = []
    for attempt in range(TRIES):
        year = 1995 + attempt
        months = [f"{year}-{m:02d}" for m in range(1, 13)]
        if keys == "overlapping":
            content = rows(codes, months, indicators)
            parts = [(content, date(2024, 1, 31)), (content, date(2024, 2, 29))]
        else:
            parts = [
                (rows(codes, months[:6], indicators), date(2024, 1, 31)),
                (rows(codes, months[6:], indicators), date(2024, 1, 31)),
            ]
        items = []
        for number, (content, vintage) in enumerate(parts):
            path = tmp_path / f"{attempt}_{number}.csv"
            path.write_text(HEADER + "\n" + content, encoding="utf-8")
            items.append(LoadItem(path=path, vintage=vintage))
        failures += load_at_once(url, items)
    assert failures == [], f"{len(failures)} of {2 * TRIES} loads failed:\n" + "\n".join(failures)
    with reference_engine.connect() as conn:
        count = observation_count(conn)
    assert count == TRIES * 12 * len(codes) * len(indicators)
    check_summary(reference_engine)


def test_concurrent_first_loads_migrate_once(db_url: str, tmp_path: Path) -> None:
    """Two loads on an empty database both upgrade the schema first: one waits, none fails."""
    failures: list[str] = []
    barrier = threading.Barrier(2)

    def run() -> None:
        engine = make_engine(db_url)
        try:
            barrier.wait()
            migrate.upgrade(engine)
        except Exception as error:  # every failure is the finding, whatever its type
            failures.append(f"{type(error).__name__}: {str(error).splitlines()[0][:300]}")
        finally:
            engine.dispose()

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert failures == []
    engine = make_engine(db_url)
    assert migrate.is_current(engine)
    engine.dispose()


# --- SQLite: WAL, readers during a load, a load killed mid-write


def sqlite_reference(path: Path) -> str:
    """A SQLite database with the reference tables and one observation; returns its URL."""
    url = f"sqlite:///{path}"
    engine = make_engine(url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        build_module.load_reference(conn, build_module.read_manifest(DATA), lambda _line: None)
    small = path.with_name("small.csv")
    small.write_text(SMALL, encoding="utf-8")
    with engine.begin() as conn:
        load_items(conn, [LoadItem(path=small, vintage=date(2024, 1, 31))], today=TODAY)
    engine.dispose()
    return url


def test_sqlite_database_is_in_wal_mode(tmp_path: Path) -> None:
    url = sqlite_reference(tmp_path / "wal.db")
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_read_only_engine_opens_a_wal_database_without_its_companions(tmp_path: Path) -> None:
    """After the last writer closed, no -wal or -shm file exists; the app still reads."""
    path = tmp_path / "closed.db"
    url = sqlite_reference(path)
    assert not path.with_name("closed.db-wal").exists()
    assert not path.with_name("closed.db-shm").exists()
    reader = make_engine(url, read_only=True)
    with reader.connect() as conn:
        assert observation_count(conn) == 1
    reader.dispose()


def _can_mount_read_only(folder: Path) -> bool:
    if shutil.which("unshare") is None:
        return False
    probe = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}'",
        ],
        capture_output=True,
        timeout=30,
    )
    return probe.returncode == 0


def test_read_only_engine_reads_a_wal_database_on_a_read_only_file_system(
    tmp_path: Path,
) -> None:
    """A read-only mount without the -wal and -shm files: SQLite cannot create them, so the
    engine opens the file immutable (nobody can write it there)."""
    folder = tmp_path / "ro"
    folder.mkdir()
    url = sqlite_reference(folder / "app.db")
    if not _can_mount_read_only(folder):
        pytest.skip("no mount namespace here (needs unshare -m and mount)")
    script = (
        "from data_access.engine import make_engine\n"
        "from data_access.loader import observation_count\n"
        f"engine = make_engine({url!r}, read_only=True)\n"
        "with engine.connect() as conn:\n"
        "    print(observation_count(conn))\n"
    )
    done = subprocess.run(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            f"mount --bind '{folder}' '{folder}' && mount -o remount,bind,ro '{folder}' && "
            f"touch '{folder}/x' 2>/dev/null && echo writable; exec '{sys.executable}' -c \"$0\"",
            script,
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["1"], done.stdout + done.stderr


def test_reader_is_not_locked_out_while_a_load_writes(tmp_path: Path) -> None:
    """A load whose changes outgrow the page cache writes them before its commit. In rollback-
    journal mode that takes the exclusive lock, and every reader waited (33.7 s, then
    "unavailable", in the issue); in WAL mode the reader reads the last commit at once."""
    url = sqlite_reference(tmp_path / "busy.db")
    writer = make_engine(url)
    reader = make_engine(url, read_only=True)
    areas = schema.series_areas
    answers: list[int] = []
    try:
        with writer.connect() as conn:
            conn.exec_driver_sql("PRAGMA cache_size = 50")
            conn.commit()
            transaction = conn.begin()
            conn.execute(
                areas.insert(),
                [
                    {
                        "organiser": "all",
                        "target_group": "all",
                        "indicator": "open_vacancies",
                        "area_level": "municipality",
                        "area_code": f"{i:06d}",
                    }
                    for i in range(60_000)
                ],
            )

            def read() -> None:
                with reader.connect() as read_conn:
                    answers.append(
                        int(
                            read_conn.execute(
                                select(func.count()).select_from(schema.observations)
                            ).scalar_one()
                        )
                    )

            started = time.perf_counter()
            thread = threading.Thread(target=read)
            thread.start()
            thread.join(timeout=5)
            waited = time.perf_counter() - started
            transaction.rollback()
    finally:
        reader.dispose()
        writer.dispose()
    assert answers == [1], f"the reader waited {waited:.1f} s"
    assert waited < 5


def big_file(path: Path, codes: list[str]) -> Path:
    """About 400,000 rows of generated counts: a load of tens of seconds."""
    months = [f"{y}-{m:02d}" for y in range(1990, 2024) for m in range(1, 13)]
    content = rows(codes, months, ["unemployed_jobseekers", "open_vacancies", "new_vacancies"])
    path.write_text(HEADER + "\n" + content, encoding="utf-8")
    return path


def test_killed_sqlite_load_leaves_the_database_readable(tmp_path: Path) -> None:
    """SIGKILL in the middle of a big load's writes; the read-only app engine then reads the
    pre-load contents at once. With a rollback journal, the hot journal left behind could be
    rolled back only by a read-write connection: the app said "cannot be reached" for ever."""
    path = tmp_path / "killed.db"
    url = sqlite_reference(path)
    engine = make_engine(url)
    codes = municipality_codes(engine)
    engine.dispose()
    data = big_file(tmp_path / "big.csv", codes)
    log = tmp_path / "load.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "data_access", "load", str(data), "--vintage", "2024-02-29"],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url},
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    wal = path.with_name(path.name + "-wal")
    journal = path.with_name(path.name + "-journal")
    size = path.stat().st_size
    deadline = time.monotonic() + 180
    try:
        # Killed once the load has written 4 MB: into the log (WAL) or, with a rollback
        # journal, into the database file itself.
        while time.monotonic() < deadline and process.poll() is None:
            if wal.exists() and wal.stat().st_size > 4_000_000:
                break
            if journal.exists() and path.stat().st_size > size + 4_000_000:
                break
            time.sleep(0.02)
        assert process.poll() is None, f"the load ended first: {log.read_text()[-2000:]}"
        os.kill(process.pid, signal.SIGKILL)
    finally:
        process.kill()
        process.wait(timeout=30)
    started = time.perf_counter()
    reader = make_engine(url, read_only=True)
    try:
        with reader.connect() as conn:
            count = observation_count(conn)
            batches = conn.execute(select(func.count()).select_from(schema.load_batches))
            batch_count = batches.scalar_one()
    finally:
        reader.dispose()
    seconds = time.perf_counter() - started
    assert count == 1
    assert seconds < 5, f"the app needed {seconds:.1f} s to read the database"
    engine = make_engine(url)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        assert conn.execute(select(func.count()).select_from(schema.load_batches)).scalar() == (
            batch_count
        )
    engine.dispose()


def small_data_dir(folder: Path) -> Path:
    """A data folder with the shipped reference files and one small observation file."""
    folder.mkdir()
    for name in os.listdir(DATA):
        if name != "manifest.toml":
            (folder / name).symlink_to(DATA / name)
    manifest = (DATA / "manifest.toml").read_text(encoding="utf-8")
    head, *entries = manifest.split("[[observations]]")
    kept = [e for e in entries if "kangasala" in e]
    (folder / "manifest.toml").write_text(head + "[[observations]]" + kept[0], encoding="utf-8")
    return folder


def test_rebuild_under_an_open_reader_keeps_the_database_whole(tmp_path: Path) -> None:
    """A rebuild copies the new database into the live WAL file (never renames a new file
    over it, which would pair it with the old file's log) while the app holds a connection."""
    data_dir = small_data_dir(tmp_path / "data")
    path = tmp_path / "app.db"
    url = f"sqlite:///{path}"
    build_module.build(url, data_dir=data_dir, progress=lambda _line: None)
    reader = make_engine(url, read_only=True)
    try:
        with reader.connect() as conn:
            before = observation_count(conn)
        assert before > 0
        build_module.build(url, data_dir=data_dir, force=True, progress=lambda _line: None)
        small = tmp_path / "small.csv"
        small.write_text(
            HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,51318\n", encoding="utf-8"
        )
        writer = make_engine(url)
        with writer.begin() as conn:
            load_items(conn, [LoadItem(path=small, vintage=date(2024, 1, 31))], today=TODAY)
        with writer.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
        writer.dispose()
        with reader.connect() as conn:
            assert observation_count(conn) == before + 1
    finally:
        reader.dispose()
    assert not path.with_suffix(".building").exists()


# --- PostgreSQL: the read-only role


def test_read_only_role_gets_one_line(postgresql_url: str, tmp_path: Path) -> None:
    """A load by a role that may only read: one line, no SQL statement, exit status 2."""
    engine = make_engine(postgresql_url)
    migrate.upgrade(engine)
    with engine.begin() as conn:
        build_module.load_reference(conn, build_module.read_manifest(DATA), lambda _line: None)
    engine.dispose()
    url = make_url(postgresql_url)
    role = f"reader_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT CONNECT ON DATABASE "{url.database}" TO "{role}"'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA public TO "{role}"'))
        conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA public TO "{role}"'))
    good = tmp_path / "good.csv"
    good.write_text(SMALL, encoding="utf-8")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "data_access", "load", str(good), "--vintage", "2024-01-31"],
            cwd=ROOT,
            env={
                **os.environ,
                "DATABASE_URL": url.set(username=role).render_as_string(hide_password=False),
            },
            capture_output=True,
            text=True,
            timeout=120,
        )
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        admin.dispose()
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert lines[0].endswith(
        "permission denied: the database role cannot write; use the loader role"
    ), done.stderr
    assert "INSERT" not in done.stderr and "[SQL" not in done.stderr
