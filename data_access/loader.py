"""Loading: validate whole files first, then write them in the caller's single transaction.

A load is all-or-nothing (one transaction for every file of a command), serialised with every
other load (:func:`data_access.dialects.serialise_loads`), and idempotent: a file loaded before
with the same options (its :func:`load_key`) is skipped, and rows equal to what is stored
change nothing. A newer vintage replaces an older value, and one that confirms a stored value
unchanged records itself as the value's vintage; an older vintage never overwrites a newer
one; the same vintage with a different value is a conflict and rejects the file.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
from sqlalchemy import Connection, func, insert, select, update

from catalogue import definitions
from data_access import dialects, schema, series, validation
from data_access.errors import LoadError, Problem, printable
from data_access.readers import (
    EXCEL_SEP,
    Parsed,
    WideSpec,
    file_problem,
    read_bytes,
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
    confirmed: int = 0
    superseded: int = 0
    skipped: bool = False
    batch_id: int | None = None
    seconds: float = 0.0
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """A one-line summary for the command's output."""
        if self.skipped:
            return f"{self.path}: already loaded (batch {self.batch_id}); nothing to do"
        confirmed = f" ({self.confirmed:,} confirmed by this vintage)" if self.confirmed else ""
        return printable(
            f"{self.path}: {self.rows_in_file:,} rows: {self.loaded:,} loaded, "
            f"{self.replaced:,} replaced, {self.unchanged:,} unchanged{confirmed}, "
            f"{self.superseded:,} kept newer ({self.seconds:.1f} s)"
        )


def checksum(path: Path) -> str:
    """SHA-256 of a file's bytes (a LoadError when the file cannot be read)."""
    return hashlib.sha256(read_bytes(path)).hexdigest()


def load_key(digest: str, item: LoadItem) -> str:
    """What makes two loads of a file the same: its checksum and the options that change
    what is stored, so the same bytes with another vintage or division are loaded again.

    The options are the vintage and municipal division given for the file and, for a shipped
    wide CSV, how its columns map. ``source`` is not one: it labels the batch that first
    stored the rows and changes no observation. Without options the key is the checksum.
    """
    options = []
    if item.vintage is not None:
        options.append(f"vintage={item.vintage.isoformat()}")
    if item.division is not None:
        options.append(f"division={item.division}")
    if item.wide is not None:
        options.append(f"wide={item.wide!r}")
    if not options:
        return digest
    return hashlib.sha256("\n".join([digest, *options]).encode()).hexdigest()


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
        # Routed by the first line with anything on it (blank lines before the header are
        # allowed), or by the next one after Excel's "sep=" line, which the reader rejects.
        lines = [
            line for line in read_text(item.path, legacy="cp1252").splitlines() if line.strip()
        ]
        if lines and EXCEL_SEP.fullmatch(lines[0]):
            lines = lines[1:]
        first = lines[0].lower() if lines else ""
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
    key: str
    groups: dict[str, tuple[str, ...]]

    @property
    def name(self) -> str:
        return self.item.display_name or str(self.item.path)


def prepare(
    conn: Connection,
    item: LoadItem,
    reference: validation.Reference,
    today: date | None = None,
    digest: str | None = None,
) -> _Prepared:
    """Parse and validate one file against the reference data; raises LoadError.

    ``today`` bounds the months and the vintage (a publication date cannot be in the future;
    one would block every real later correction as "kept newer").
    """
    today = today or date.today()
    name = item.display_name or str(item.path)
    digest = digest or checksum(item.path)
    parsed = parse(conn, item)
    frame = parsed.frame
    problems: list[Problem] = []
    if frame.empty and not parsed.extra.get("unknown_tiedot"):
        raise LoadError([Problem(name, "file", "no data rows")])
    vintage = item.vintage or parsed.vintage
    vintage_where = "--vintage" if item.vintage else parsed.vintage_where
    if vintage is None:
        problems.append(Problem(name, "file", "vintage unknown: pass --vintage YYYY-MM-DD"))
    elif vintage > today:
        problems.append(
            Problem(
                name,
                vintage_where,
                f"vintage {vintage.isoformat()} is after today ({today.isoformat()}): a "
                "vintage is the date the figures were published",
            )
        )
    division = item.division or parsed.division
    division_where = "--division" if item.division else "column division"
    division_problems = validation.check_division(Path(name), division_where, division, today)
    if division_problems:
        raise LoadError(problems + division_problems)
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
    assert vintage is not None
    return _Prepared(
        item,
        parsed,
        vintage,
        item.source or parsed.source or name,
        digest,
        load_key(digest, item),
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
        obs.c.preliminary,
        obs.c.vintage,
    ).where(
        obs.c.indicator.in_(sorted(indicators)),
        obs.c.area_code.in_(sorted(set(frame["area_code"]))),
        obs.c.month.between(frame["month"].min(), frame["month"].max()),
    )
    rows = conn.execute(query).all()
    columns = [*KEY, "value", "suppressed", "preliminary", "vintage"]
    existing = pd.DataFrame(rows, columns=columns)
    existing["value"] = existing["value"].astype("float64")
    existing["suppressed"] = existing["suppressed"].astype(bool)
    existing["preliminary"] = existing["preliminary"].astype(bool)
    return existing


def _stored_labour_force(conn: Connection, codes: Iterable[str]) -> pd.DataFrame:
    """The stored labour force (all organisers and target groups) of ``codes`` and of the
    country, in every month, for :func:`data_access.validation.check_labour_force`.
    """
    obs = schema.observations
    query = select(obs.c.area_level, obs.c.area_code, obs.c.month, obs.c.value).where(
        obs.c.indicator == validation.LABOUR_FORCE,
        obs.c.organiser == "all",
        obs.c.target_group == "all",
        obs.c.area_code.in_(sorted({*codes, "SSS"})),
        obs.c.value.is_not(None),
    )
    frame = pd.DataFrame(
        conn.execute(query).all(), columns=["area_level", "area_code", "month", "value"]
    )
    frame["value"] = frame["value"].astype("float64")
    return frame.assign(where=validation.IN_DATABASE)


def _shown(value: float, suppressed: bool, preliminary: bool) -> str:
    text = "suppressed" if suppressed or value != value else f"{value:g}"
    return text + (" (preliminary)" if preliminary else "")


@dataclass
class _Diff:
    """A file's rows against the stored ones (see :func:`_diff`)."""

    inserts: pd.DataFrame
    replaces: pd.DataFrame
    # Stored figures a newer vintage repeats: they take its vintage, so a later file of an
    # older vintage than this one cannot overwrite them.
    confirms: pd.DataFrame
    unchanged: int
    superseded: int
    conflicts: list[Problem]


def _diff(prepared: _Prepared, existing: pd.DataFrame) -> _Diff:
    """Split a file's rows into inserts, replacements and confirmations; count unchanged
    (confirmations included) and superseded rows; list same-vintage conflicts.
    """
    frame = prepared.parsed.frame
    name = prepared.item.display_name or str(prepared.item.path)
    merged = frame.merge(existing, on=KEY, how="left", suffixes=("", "_old"), indicator=True)
    new = merged["_merge"] == "left_only"
    # The same figure: value, suppression and the preliminary flag (a final figure equal to
    # the preliminary one is a change: it clears the flag).
    same_value = (
        (
            (merged["value"] == merged["value_old"])
            | (merged["value"].isna() & merged["value_old"].isna())
        )
        & (merged["suppressed"] == merged["suppressed_old"])
        & (merged["preliminary"] == merged["preliminary_old"])
    )
    old_vintage = pd.to_datetime(merged["vintage"])
    vintage = pd.Timestamp(prepared.vintage)
    same_vintage = ~new & (old_vintage == vintage)
    conflict = same_vintage & ~same_value
    problems = [
        Problem(
            name,
            row.where,
            f"{row.indicator} {row.area_code} {row.month}: "
            f"{_shown(row.value, row.suppressed, row.preliminary)} differs from "
            f"{_shown(row.value_old, row.suppressed_old, row.preliminary_old)} already "
            f"loaded for the same vintage {prepared.vintage}",
        )
        for row in merged[conflict].head(200).itertuples()
    ]
    newer = ~new & (old_vintage < vintage)
    superseded = int((~new & ~same_value & (old_vintage > vintage)).sum())
    return _Diff(
        inserts=merged[new],
        replaces=merged[newer & ~same_value],
        confirms=merged[newer & same_value],
        unchanged=int((~new & same_value).sum()),
        superseded=superseded,
        conflicts=problems,
    )


def load_items(
    conn: Connection,
    items: Iterable[LoadItem],
    *,
    progress: Progress | None = None,
    today: date | None = None,
) -> list[FileResult]:
    """Validate every item, then write them all in ``conn``'s transaction.

    The load first takes the database's load lock (:func:`dialects.serialise_loads`), so a
    concurrent load waits for this one to commit and then sees what it wrote. Rules that span
    files (a numerator and its denominator, a count and its area's labour force) compare each
    file with the stored values and the load's other files before anything is written. The
    series summary (:mod:`data_access.series`) of every series the files changed is refreshed
    in the same transaction.

    Raises LoadError (and writes nothing the caller's transaction keeps) when any file is bad.
    """
    dialects.serialise_loads(conn)
    say = progress or (lambda _line: None)
    today = today or date.today()
    reference = read_reference(conn)
    items = list(items)
    problems: list[Problem] = []
    results: list[FileResult] = []
    prepared: list[_Prepared | None] = []
    for item in items:
        name = item.display_name or str(item.path)
        result = FileResult(name)
        results.append(result)
        prepared.append(None)
        reason = file_problem(item.path)
        if reason is not None:
            problems.append(Problem(name, "file", reason))
            continue
        try:
            digest = checksum(item.path)
        except LoadError as error:
            problems += [Problem(name, p.where, p.reason) for p in error.problems]
            continue
        batch = conn.execute(
            select(schema.load_batches.c.id).where(
                schema.load_batches.c.load_key == load_key(digest, item)
            )
        ).first()
        if batch is not None:
            result.skipped, result.batch_id = True, batch.id
            continue
        try:
            prepared[-1] = prepare(conn, item, reference, today, digest)
        except LoadError as error:
            problems += error.problems
    if problems:
        raise LoadError(problems)
    problems = _check_across(conn, [p for p in prepared if p is not None])
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


def _check_across(conn: Connection, prepared: list[_Prepared]) -> list[Problem]:
    """The rules that compare a file with other values: stored ones and the load's other
    files (each named in the message as itself, never as "in the database").
    """
    if not prepared:
        return []
    frames = [
        p.parsed.frame[[*KEY, "value", "where"]].assign(file=i) for i, p in enumerate(prepared)
    ]
    everything = pd.concat(frames, ignore_index=True)
    names = {i: f"{p.name}, " for i, p in enumerate(prepared)}
    everything["label"] = everything["file"].map(names) + everything["where"]
    codes = set(everything["area_code"])
    totals = (everything["organiser"] == "all") & (everything["target_group"] == "all")
    load_lf = everything[totals & (everything["indicator"] == validation.LABOUR_FORCE)]
    stored_lf = _stored_labour_force(conn, codes)
    pair_codes = {code for _rate, num, den in validation.share_pairs() for code in (num, den)}
    problems: list[Problem] = []
    for i, prep in enumerate(prepared):
        frame = prep.parsed.frame
        path = Path(prep.name)
        others = everything[
            (everything["file"] != i)
            & everything["indicator"].isin(pair_codes)
            & everything["area_code"].isin(set(frame["area_code"]))
        ]
        stored = _existing(conn, frame).assign(where=validation.IN_DATABASE)
        # Listed first, the load's other files win over the stored values of the same key.
        context = pd.concat([others.assign(where=others["label"]), stored], ignore_index=True)
        problems += validation.check_numerators(frame, path, context)
        own_lf = frame[
            (frame["indicator"] == validation.LABOUR_FORCE)
            & (frame["organiser"] == "all")
            & (frame["target_group"] == "all")
        ]
        other_lf = load_lf[load_lf["file"] != i]
        labour_force = pd.concat(
            [
                own_lf[["area_level", "area_code", "month", "value", "where"]],
                other_lf[["area_level", "area_code", "month", "value"]].assign(
                    where=other_lf["label"]
                ),
                stored_lf,
            ],
            ignore_index=True,
        )
        problems += validation.check_labour_force(frame, path, labour_force)
    return problems


def _update_rows(conn: Connection, rows: pd.DataFrame, values: dict[str, list[object]]) -> None:
    """Set ``values`` (column → one value a row) on the stored observations of ``rows``' keys."""
    if rows.empty:
        return
    cells = [rows[k].tolist() for k in KEY] + list(values.values())
    dialects.bulk_update(
        conn, schema.observations, KEY, list(values), list(zip(*cells, strict=True))
    )


def _write(conn: Connection, prep: _Prepared, result: FileResult) -> series.Changes:
    """Insert, replace and confirm one file's rows; returns the series (and months) it
    changed.
    """
    frame = prep.parsed.frame
    diff = _diff(prep, _existing(conn, frame))
    if diff.conflicts:
        raise LoadError(diff.conflicts)
    inserted = conn.execute(
        insert(schema.load_batches).values(
            source_file=prep.name,
            checksum=prep.checksum,
            load_key=prep.key,
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
    inserts = diff.inserts
    if not inserts.empty:
        names = [*KEY, "value", "suppressed", "preliminary", "vintage", "batch_id"]
        values = [None if v != v else float(v) for v in inserts["value"].tolist()]
        cells = [inserts[c].tolist() for c in KEY]
        cells += [
            values,
            inserts["suppressed"].astype(bool).tolist(),
            inserts["preliminary"].astype(bool).tolist(),
        ]
        rows = [(*row, prep.vintage, batch_id) for row in zip(*cells, strict=True)]
        dialects.bulk_insert(conn, schema.observations, names, rows)
    replaces, confirms = diff.replaces, diff.confirms
    _update_rows(
        conn,
        replaces,
        {
            "value": [None if v != v else float(v) for v in replaces["value"].tolist()],
            "suppressed": replaces["suppressed"].astype(bool).tolist(),
            "preliminary": replaces["preliminary"].astype(bool).tolist(),
            "vintage": [prep.vintage] * len(replaces),
            "batch_id": [batch_id] * len(replaces),
        },
    )
    _update_rows(
        conn,
        confirms,
        {"vintage": [prep.vintage] * len(confirms), "batch_id": [batch_id] * len(confirms)},
    )
    result.rows_in_file = len(frame)
    result.loaded, result.replaced = len(inserts), len(diff.replaces)
    result.unchanged, result.superseded = diff.unchanged, diff.superseded
    result.confirmed = len(diff.confirms)
    result.batch_id = batch_id
    conn.execute(
        update(schema.load_batches)
        .where(schema.load_batches.c.id == batch_id)
        .values(
            rows_loaded=result.loaded,
            rows_replaced=result.replaced,
            rows_unchanged=result.unchanged,
        )
    )
    return series.changes_of([inserts, diff.replaces])


def observation_count(conn: Connection) -> int:
    """Rows in the observations table."""
    return int(conn.execute(select(func.count()).select_from(schema.observations)).scalar_one())
