"""Build the reporting database from the shipped files in ``data/`` (see data/manifest.toml)."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
import tomllib
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, insert, inspect, select

from data_access import dialects, migrate, reference, schema
from data_access.engine import PROJECT_ROOT, make_engine
from data_access.errors import LoadError, Problem
from data_access.loader import FileResult, LoadItem, Progress, checksum, load_items, load_key
from data_access.readers import WideSpec

DATA_DIR = PROJECT_ROOT / "data"
CATALOGUE_NAME = "catalogue/definitions.py (catalogue)"


@dataclass
class Manifest:
    """The shipped files: reference tables and observation files with their load options."""

    data_dir: Path
    reference: dict[str, Any]
    observations: list[LoadItem]

    def reference_path(self, key: str) -> Path:
        """Path of the reference file named ``key`` in the manifest."""
        return self.data_dir / str(self.reference[key])

    def reference_files(self) -> list[Path]:
        """Every reference file, in load order."""
        keys = [
            "municipalities",
            "municipality_changes",
            "trial_sources",
            "trial_areas",
            "trial_memberships",
            "employment_areas",
            "municipality_boundaries",
            "region_boundaries",
        ]
        return [self.reference_path(k) for k in keys]


def read_manifest(data_dir: Path = DATA_DIR) -> Manifest:
    """Parse ``data_dir/manifest.toml``."""
    path = data_dir / "manifest.toml"
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LoadError([Problem(str(path), "file", f"cannot read the manifest: {exc}")]) from None
    items = []
    for entry in document.get("observations", []):
        spec = WideSpec(
            area_column=entry["area_column"],
            columns=dict(entry["columns"]),
            area_level=entry.get("area_level"),
            level_column=entry.get("level_column"),
            level_map=dict(entry.get("level_map", {})),
            target_group_column=entry.get("target_group_column"),
            target_group_map=dict(entry.get("target_group_map", {})),
            skip_empty=tuple(entry.get("skip_empty", ())),
        )
        items.append(
            LoadItem(
                path=data_dir / entry["path"],
                source=entry["source"],
                vintage=date.fromisoformat(entry["vintage"]),
                division=entry.get("division"),
                wide=spec,
                display_name=entry["path"],
            )
        )
    return Manifest(data_dir, document["reference"], items)


def catalogue_checksum() -> str:
    """A checksum of the indicator catalogue as stored, so a changed catalogue rebuilds."""
    rows = json.dumps(reference.catalogue_rows(), sort_keys=True, default=str)
    return hashlib.sha256(rows.encode()).hexdigest()


def _record(
    conn: Connection, name: str, digest: str, source: str, vintage: date, rows: int
) -> None:
    conn.execute(
        insert(schema.load_batches).values(
            source_file=name,
            checksum=digest,
            load_key=digest,
            reader="reference",
            source=source,
            vintage=vintage,
            rows_in_file=rows,
            rows_loaded=rows,
            rows_replaced=0,
            rows_unchanged=0,
            loaded_at=datetime.now(UTC),
            synthetic=False,
        )
    )


def load_reference(conn: Connection, manifest: Manifest, progress: Progress) -> None:
    """Validate and upsert every reference table; records a batch for each changed file."""
    ref = manifest.reference
    munis, regions = reference.read_municipalities(manifest.reference_path("municipalities"))
    codes = {m["code"] for m in munis}
    vintage = date.fromisoformat(str(ref["boundaries_vintage"]))
    tables = {
        "municipalities": munis,
        "regions": regions,
        "municipality_changes": reference.read_changes(
            manifest.reference_path("municipality_changes"), codes
        ),
        **reference.read_trials(
            manifest.reference_path("trial_areas"),
            manifest.reference_path("trial_memberships"),
            manifest.reference_path("trial_sources"),
            codes,
        ),
        "employment_areas": reference.read_employment_areas(
            manifest.reference_path("employment_areas"), codes
        ),
        "indicators": reference.catalogue_rows(),
        "boundaries": reference.read_boundaries(
            manifest.reference_path("municipality_boundaries"),
            "municipality",
            codes,
            str(ref["boundaries_source"]),
            vintage,
        )
        + reference.read_boundaries(
            manifest.reference_path("region_boundaries"),
            "region",
            codes,
            str(ref["boundaries_source"]),
            vintage,
        ),
    }
    written = reference.write_tables(conn, tables)
    known = set(conn.execute(select(schema.load_batches.c.checksum)).scalars())
    for path in manifest.reference_files():
        digest = checksum(path)
        if digest not in known:
            _record(
                conn,
                str(path.relative_to(manifest.data_dir)),
                digest,
                "reference data (see data/SOURCES.md)",
                vintage,
                0,
            )
    digest = catalogue_checksum()
    if digest not in known:
        _record(
            conn,
            CATALOGUE_NAME,
            digest,
            "Seuranta indicator catalogue",
            date.today(),
            len(tables["indicators"]),
        )
    progress("reference tables: " + ", ".join(f"{k} {v}" for k, v in written.items()))


def expected_keys(manifest: Manifest) -> set[str]:
    """Load keys (:func:`data_access.loader.load_key`) a database built from ``manifest``
    holds in its load batches: the reference files' checksums, the observation files' keys
    with their manifest options, and the catalogue's checksum.
    """
    keys = {checksum(p) for p in manifest.reference_files()} | {catalogue_checksum()}
    return keys | {load_key(checksum(item.path), item) for item in manifest.observations}


def is_up_to_date(engine: Engine, manifest: Manifest) -> bool:
    """True when the schema is current and every shipped file is loaded as it is now."""
    if "load_batches" not in inspect(engine).get_table_names():
        return False
    if not migrate.is_current(engine):
        return False
    with engine.connect() as conn:
        loaded = set(conn.execute(select(schema.load_batches.c.load_key)).scalars())
    return expected_keys(manifest) <= loaded


def build_into(engine: Engine, manifest: Manifest, progress: Progress) -> list[FileResult]:
    """Migrate ``engine``'s database and load the manifest into it in one transaction."""
    migrate.upgrade(engine)
    with engine.begin() as conn:
        load_reference(conn, manifest, progress)
        return load_items(conn, manifest.observations, progress=progress)


def build(
    url: str | None, *, data_dir: Path = DATA_DIR, force: bool = False, progress: Progress = print
) -> bool:
    """(Re)build the database at ``url`` (default: the embedded SQLite file) from ``data_dir``.

    The embedded SQLite file is built beside the old one and swapped in only when complete, so
    an interrupted or failed build leaves the previous database in place. Returns True when it
    built, False when the database was already up to date.
    """
    manifest = read_manifest(data_dir)
    engine = make_engine(url)
    sqlite_path = _sqlite_path(engine)
    try:
        if not force and is_up_to_date(engine, manifest):
            progress(f"database is up to date ({engine.url.render_as_string(hide_password=True)})")
            return False
    finally:
        engine.dispose()
    started = time.perf_counter()
    if sqlite_path is None:
        engine = make_engine(url)
        try:
            build_into(engine, manifest, progress)
        finally:
            engine.dispose()
    else:
        temporary = sqlite_path.with_suffix(".building")
        _remove_database(temporary)
        engine = make_engine(f"sqlite:///{temporary}")
        try:
            build_into(engine, manifest, progress)
        except BaseException:
            engine.dispose()
            _remove_database(temporary)
            raise
        engine.dispose()
        _swap_in(temporary, sqlite_path)
    progress(f"built in {time.perf_counter() - started:.1f} s")
    return True


def _sqlite_path(engine: Engine) -> Path | None:
    if engine.dialect.name != "sqlite" or not engine.url.database:
        return None
    return Path(engine.url.database)


def _companions(path: Path) -> list[Path]:
    """A SQLite database's write-ahead log and its index (WAL mode)."""
    return [path.with_name(path.name + suffix) for suffix in ("-wal", "-shm", "-journal")]


def _remove_database(path: Path) -> None:
    """Delete a SQLite file and its companions: a stale -wal file left by a killed build
    would otherwise be replayed into the next file of that name.
    """
    for each in (path, *_companions(path)):
        each.unlink(missing_ok=True)


def _swap_in(built: Path, target: Path) -> None:
    """Put the database built at ``built`` in place of ``target`` at once for every reader.

    A WAL database's -wal and -shm files belong to the file they were written for: a new file
    renamed over a database that readers hold open would be paired with the old file's log.
    So an existing database receives the new one's pages through SQLite's backup API, in one
    write transaction that readers see whole or not at all; a new one is renamed into place.
    """
    if target.exists():
        source = sqlite3.connect(built)
        destination = sqlite3.connect(target, timeout=dialects.LOAD_WAIT_SECONDS)
        try:
            source.backup(destination)
            replaced = True
        except sqlite3.DatabaseError as error:
            if "not a database" not in str(error):
                raise
            replaced = False  # the file is no database: nothing can be reading it
        finally:
            destination.close()
            source.close()
        if replaced:
            _remove_database(built)
            return
    for each in _companions(target):
        each.unlink(missing_ok=True)
    os.replace(built, target)
