"""Loading: validate whole files first, then write them in the caller's single transaction.

A load is all-or-nothing (one transaction for every file of a command) and idempotent: a file
whose checksum was loaded before is skipped, and rows equal to what is stored change nothing.
A newer vintage replaces an older value; an older vintage never overwrites a newer one; the
same vintage with a different value is a conflict and rejects the file.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, and_, bindparam, func, insert, select, update

from catalogue import definitions
from data_access import dialects, schema, series, validation
from data_access.errors import LoadError, Problem
from data_access.readers import (
    Parsed,
    WideSpec,
    read_jsonstat,
    read_long_csv,
    read_pxweb_csv,
    read_text,
    read_wide_csv,
)

KEY = validation.KEY
Progress = Callable[[str], None]


@dataclass
class LoadItem:
    """One file to load and what is known about it beyond its content."""

    path: Path
    source: str | None = None
    vintage: date | None = None
    division: int | None = None
    wide: WideSpec | None = None
    synthetic: bool = False
    display_name: str | None = None


@dataclass
class FileResult:
    """What loading one file did."""

    path: str
    rows_in_file: int = 0
    loaded: int = 0
    replaced: int = 0
    unchanged: int = 0
    superseded: int = 0
    skipped: bool = False
    batch_id: int | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """A one-line summary for the command's output."""
        if self.skipped:
            return f"{self.path}: already loaded (batch {self.batch_id}); nothing to do"
        return (
            f"{self.path}: {self.rows_in_file:,} rows: {self.loaded:,} loaded, "
            f"{self.replaced:,} replaced, {self.unchanged:,} unchanged, "
            f"{self.superseded:,} kept newer ({self.seconds:.1f} s)"
        )


def checksum(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def read_reference(conn: Connection) -> validation.Reference:
    """The codes files may use, from the database's reference tables."""
    munis = frozenset(conn.execute(select(schema.municipalities.c.code)).scalars())
    if not munis:
        raise LoadError(
            [
                Problem(
                    "database",
                    "municipalities",
                    "no reference data: run `python -m data_access build` first",
                )
            ]
        )
    regions: dict[str, set[str]] = {}
    for level, code in conn.execute(select(schema.regions.c.level, schema.regions.c.code)):
        regions.setdefault(level, set()).add(code)
    changes = tuple(
        (r.old_code, r.new_code, r.effective)
        for r in conn.execute(select(schema.municipality_changes))
    )
    return validation.Reference(
        municipalities=munis,
        regions={k: frozenset(v) for k, v in regions.items()},
        changes=changes,
    )


def tiedot_codes() -> dict[str, str]:
    """StatFin variable codes (and Finnish labels) → indicator codes."""
    mapping: dict[str, str] = {}
    for ind in definitions.CATALOGUE:
        if ind.stored and ind.statfin_code:
            mapping[ind.statfin_code] = ind.code
    return mapping


def variable_labels() -> dict[str, str]:
    """Variable labels as PxWeb writes them in CSV headers (fi, sv, en names) → codes."""
    labels: dict[str, str] = {}
    for ind in definitions.CATALOGUE:
        if not ind.stored:
            continue
        for text in (ind.statfin_label_fi, ind.name_fi, ind.name_sv, ind.name_en):
            if text:
                labels[text] = ind.code
    return labels


def area_names(conn: Connection) -> dict[str, tuple[str, str]]:
    """Area labels in fi/sv/en and ``KU091``-style codes → (level, code), for PxWeb CSV."""
    names: dict[str, tuple[str, str]] = {
        "WHOLE COUNTRY": ("country", "SSS"),
        "KOKO MAA": ("country", "SSS"),
        "HELA LANDET": ("country", "SSS"),
        "SSS": ("country", "SSS"),
    }
    table = schema.municipalities
    for row in conn.execute(
        select(table.c.code, table.c.name_fi, table.c.name_sv, table.c.name_en)
    ):
        for label in (row.name_fi, row.name_sv, row.name_en, f"KU{row.code}"):
            names[label] = ("municipality", row.code)
    for row in conn.execute(select(schema.regions)):
        names[row.code] = (row.level, row.code)
    return names


def parse(conn: Connection, item: LoadItem) -> Parsed:
    """Read ``item`` with the reader its form calls for."""
    if item.wide is not None:
        return read_wide_csv(item.path, item.wide)
    suffix = item.path.suffix.lower()
    if suffix in (".json", ".jsonstat", ".json-stat"):
        return read_jsonstat(item.path, tiedot_codes())
    if suffix == ".csv":
        first = read_text(item.path, legacy="cp1252").splitlines()[0].lower()
        if "indicator" in first and "area_code" in first:
            return read_long_csv(item.path)
        return read_pxweb_csv(item.path, labels=variable_labels(), area_names=area_names(conn))
    raise LoadError(
        [
            Problem(
                str(item.path),
                "file",
                f"unknown file type {suffix!r}: expected the long CSV "
                "format, a PxWeb CSV export or a PxWeb JSON-stat2 file",
            )
        ]
    )


@dataclass
class _Prepared:
    item: LoadItem
    parsed: Parsed
    vintage: date
    source: str
    checksum: str
    groups: dict[str, tuple[str, ...]]


def prepare(
    conn: Connection, item: LoadItem, reference: validation.Reference, today: date | None = None
) -> _Prepared:
    """Parse and validate one file against the reference data; raises LoadError."""
    name = item.display_name or str(item.path)
    parsed = parse(conn, item)
    frame = parsed.frame
    problems: list[Problem] = []
    if frame.empty and not parsed.extra.get("unknown_tiedot"):
        raise LoadError([Problem(name, "file", "no data rows")])
    vintage = item.vintage or parsed.vintage
    if vintage is None:
        problems.append(Problem(name, "file", "vintage unknown: pass --vintage YYYY-MM-DD"))
    division = item.division or parsed.division
    unknown = parsed.extra.get("unknown_tiedot") or []
    problems += [Problem(name, "Tiedot", f"unknown variable code {c!r}") for c in unknown]
    frame = frame.copy()
    if unknown:
        frame = frame[~frame["indicator"].str.startswith("?")]
    if frame.empty:
        raise LoadError(problems)
    problems += validation.check_columns(frame, Path(name), reference, today)
    frame, groups, division_problems = validation.map_division(
        frame, Path(name), reference, division
    )
    problems += division_problems
    problems += validation.check_codes(frame, Path(name), reference)
    problems += validation.check_duplicates(frame, Path(name))
    if problems:
        raise LoadError(problems)
    parsed.frame = frame
    return _Prepared(
        item,
        parsed,
        vintage or date.today(),
        item.source or parsed.source or name,
        checksum(item.path),
        groups,
    )


def _existing(conn: Connection, frame: pd.DataFrame) -> pd.DataFrame:
    """Stored rows that share indicator, area and month range with ``frame``."""
    obs = schema.observations
    indicators = set(frame["indicator"])
    for _rate, num, den in validation.share_pairs():
        if num in indicators or den in indicators:
            indicators |= {num, den}
    query = select(
        obs.c.indicator,
        obs.c.area_level,
        obs.c.area_code,
        obs.c.month,
        obs.c.organiser,
        obs.c.target_group,
        obs.c.value,
        obs.c.suppressed,
        obs.c.vintage,
    ).where(
        obs.c.indicator.in_(sorted(indicators)),
        obs.c.area_code.in_(sorted(set(frame["area_code"]))),
        obs.c.month.between(frame["month"].min(), frame["month"].max()),
    )
    rows = conn.execute(query).all()
    columns = [*KEY, "value", "suppressed", "vintage"]
    existing = pd.DataFrame(rows, columns=columns)
    existing["value"] = existing["value"].astype("float64")
    existing["suppressed"] = existing["suppressed"].astype(bool)
    return existing


def _diff(
    prepared: _Prepared, existing: pd.DataFrame
) -> tuple[pd.DataFrame, pd.DataFrame, int, int, list[Problem]]:
    """Split a file's rows into inserts and replacements; count unchanged and superseded."""
    frame = prepared.parsed.frame
    name = prepared.item.display_name or str(prepared.item.path)
    merged = frame.merge(existing, on=KEY, how="left", suffixes=("", "_old"), indicator=True)
    new = merged["_merge"] == "left_only"
    same_value = (
        (merged["value"] == merged["value_old"])
        | (merged["value"].isna() & merged["value_old"].isna())
    ) & (merged["suppressed"] == merged["suppressed_old"])
    old_vintage = pd.to_datetime(merged["vintage"])
    vintage = pd.Timestamp(prepared.vintage)
    same_vintage = ~new & (old_vintage == vintage)
    conflict = same_vintage & ~same_value
    problems = [
        Problem(
            name,
            row.where,
            f"{row.indicator} {row.area_code} {row.month}: {row.value:g} "
            f"differs from {row.value_old:g} already loaded for the same vintage "
            f"{prepared.vintage}",
        )
        for row in merged[conflict].head(200).itertuples()
    ]
    newer = ~new & (old_vintage < vintage)
    replace = newer & ~same_value
    unchanged = int((~new & same_value).sum())
    superseded = int((~new & ~same_value & (old_vintage > vintage)).sum())
    return merged[new], merged[replace], unchanged, superseded, problems


def load_items(
    conn: Connection,
    items: Iterable[LoadItem],
    *,
    progress: Progress | None = None,
    today: date | None = None,
) -> list[FileResult]:
    """Validate every item, then write them all in ``conn``'s transaction.

    The series summary (:mod:`data_access.series`) of every series the files changed is
    refreshed in the same transaction.

    Raises LoadError (and writes nothing the caller's transaction keeps) when any file is bad.
    """
    say = progress or (lambda _line: None)
    reference = read_reference(conn)
    items = list(items)
    problems: list[Problem] = []
    results: list[FileResult] = []
    prepared: list[_Prepared | None] = []
    for item in items:
        name = item.display_name or str(item.path)
        result = FileResult(name)
        results.append(result)
        if not item.path.is_file():
            problems.append(Problem(name, "file", "no such file"))
            prepared.append(None)
            continue
        digest = checksum(item.path)
        batch = conn.execute(
            select(schema.load_batches.c.id).where(schema.load_batches.c.checksum == digest)
        ).first()
        if batch is not None:
            result.skipped, result.batch_id = True, batch.id
            prepared.append(None)
            continue
        try:
            prepared.append(prepare(conn, item, reference, today))
        except LoadError as error:
            problems += error.problems
            prepared.append(None)
    if problems:
        raise LoadError(problems)
    changes: series.Changes = {}
    for prep, result in zip(prepared, results, strict=True):
        if prep is None:
            if result.skipped:
                say(result.line())
            continue
        started = time.perf_counter()
        series.merge(changes, _write(conn, prep, result))
        result.seconds = time.perf_counter() - started
        say(result.line())
    series.refresh(conn, changes)
    return results


def _write(conn: Connection, prep: _Prepared, result: FileResult) -> series.Changes:
    """Insert and replace one file's rows; returns the series (and months) it changed."""
    frame = prep.parsed.frame
    name = prep.item.display_name or str(prep.item.path)
    existing = _existing(conn, frame)
    problems = validation.check_numerators(frame, Path(name), existing)
    inserts, replaces, unchanged, superseded, conflicts = _diff(prep, existing)
    if problems or conflicts:
        raise LoadError(problems + conflicts)
    inserted = conn.execute(
        insert(schema.load_batches).values(
            source_file=name,
            checksum=prep.checksum,
            reader=prep.parsed.reader,
            source=prep.source,
            vintage=prep.vintage,
            rows_in_file=len(frame),
            rows_loaded=0,
            rows_replaced=0,
            rows_unchanged=0,
            loaded_at=datetime.now(UTC),
            synthetic=prep.item.synthetic,
        )
    ).inserted_primary_key
    assert inserted is not None
    batch_id = int(inserted[0])
    for code, members in prep.groups.items():
        dialects.upsert(
            conn,
            schema.municipality_group_members,
            [{"group_code": code, "municipality_code": m} for m in members],
            ["group_code", "municipality_code"],
        )
    columns = [*KEY, "value", "suppressed", "preliminary"]
    if not inserts.empty:
        names = [*columns, "vintage", "batch_id"]
        values = [None if v != v else float(v) for v in inserts["value"].tolist()]
        cells = [inserts[c].tolist() for c in KEY]
        cells += [
            values,
            inserts["suppressed"].astype(bool).tolist(),
            inserts["preliminary"].astype(bool).tolist(),
        ]
        rows = [(*row, prep.vintage, batch_id) for row in zip(*cells, strict=True)]
        dialects.bulk_insert(conn, schema.observations, names, rows)
    if not replaces.empty:
        obs = schema.observations
        statement = (
            update(obs)
            .where(and_(*[obs.c[k] == bindparam(f"k_{k}") for k in KEY]))
            .values(
                value=bindparam("v_value"),
                suppressed=bindparam("v_suppressed"),
                preliminary=bindparam("v_preliminary"),
                vintage=bindparam("v_vintage"),
                batch_id=bindparam("v_batch"),
            )
        )
        updates = [
            {
                **{f"k_{k}": r[k] for k in KEY},
                "v_value": None if pd.isna(r["value"]) else float(r["value"]),
                "v_suppressed": bool(r["suppressed"]),
                "v_preliminary": bool(r["preliminary"]),
                "v_vintage": prep.vintage,
                "v_batch": batch_id,
            }
            for r in replaces[columns].to_dict("records")
        ]
        conn.execute(statement, updates)
    result.rows_in_file = len(frame)
    result.loaded, result.replaced = len(inserts), len(replaces)
    result.unchanged, result.superseded = unchanged, superseded
    result.batch_id = int(batch_id)
    conn.execute(
        update(schema.load_batches)
        .where(schema.load_batches.c.id == batch_id)
        .values(
            rows_loaded=result.loaded,
            rows_replaced=result.replaced,
            rows_unchanged=result.unchanged,
        )
    )
    return series.changes_of([inserts, replaces])


def observation_count(conn: Connection) -> int:
    """Rows in the observations table."""
    return int(conn.execute(select(func.count()).select_from(schema.observations)).scalar_one())
