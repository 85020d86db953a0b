"""Read-only queries the pages use: SQLAlchemy Core with bound parameters, one function a need.

Every function takes the engine first and returns a DataFrame (or a plain value) whose
columns its docstring lists. No function here formats, translates or caches.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import pandas as pd
from sqlalchemy import ColumnElement, Engine, Table, func, select

from data_access import schema

obs = schema.observations
months = schema.series_months
areas = schema.series_areas
OBS_COLUMNS = [
    "indicator",
    "area_level",
    "area_code",
    "month",
    "value",
    "suppressed",
    "preliminary",
]


def _frame(
    engine: Engine, statement: object, columns: Sequence[str], *, raw: bool = False
) -> pd.DataFrame:
    """Run ``statement`` into a frame. ``raw``: take the driver's rows as they are, without
    SQLAlchemy's result processing; only for columns the driver returns as the final Python
    type (text, float; booleans as 0/1 are cast by the caller), never dates.
    """
    with engine.connect() as conn:
        result = conn.execute(statement)  # type: ignore[call-overload]
        # Plain tuples: pandas builds a frame from SQLAlchemy Row objects much slower.
        rows = result.cursor.fetchall() if raw else [tuple(row) for row in result]
    return pd.DataFrame.from_records(rows, columns=list(columns))


def _total(table: Table, **keys: str) -> list[ColumnElement[bool]]:
    """Conditions on ``table`` for the columns ``keys`` (name = value) of the total series:
    organiser and target group 'all'.
    """
    conditions = [table.c[name] == value for name, value in keys.items()]
    return [*conditions, table.c.organiser == "all", table.c.target_group == "all"]


def _matchable(values: Iterable[str]) -> list[str]:
    """Values that can match stored text: PostgreSQL rejects NUL characters in text outright,
    and no stored code contains one, so such values are dropped rather than sent.
    """
    return sorted({str(v) for v in values if "\x00" not in str(v)})


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    frame["value"] = frame["value"].astype("float64")
    frame["suppressed"] = frame["suppressed"].astype(bool)
    frame["preliminary"] = frame["preliminary"].astype(bool)
    return frame


def observations(
    engine: Engine,
    *,
    indicators: Iterable[str],
    level: str,
    codes: Iterable[str] | None = None,
    months: Iterable[str] | None = None,
    since: str | None = None,
    until: str | None = None,
    organiser: str = "all",
    target_group: str = "all",
) -> pd.DataFrame:
    """Observations of ``indicators`` at area ``level``.

    Returns columns ``indicator, area_level, area_code, month, value, suppressed,
    preliminary``; ``value`` is NaN where the source suppressed or did not publish it.
    """
    scalars = [level, organiser, target_group, since or "", until or ""]
    if any("\x00" in str(v) for v in scalars):
        return _typed(pd.DataFrame(columns=OBS_COLUMNS))
    statement = select(*[obs.c[c] for c in OBS_COLUMNS]).where(
        obs.c.indicator.in_(_matchable(indicators)),
        obs.c.area_level == level,
        obs.c.organiser == organiser,
        obs.c.target_group == target_group,
    )
    if codes is not None:
        statement = statement.where(obs.c.area_code.in_(_matchable(codes)))
    if months is not None:
        statement = statement.where(obs.c.month.in_(_matchable(months)))
    if since is not None:
        statement = statement.where(obs.c.month >= since)
    if until is not None:
        statement = statement.where(obs.c.month <= until)
    statement = statement.order_by(obs.c.indicator, obs.c.month, obs.c.area_code)
    return _typed(_frame(engine, statement, OBS_COLUMNS, raw=True))


def months_available(engine: Engine, *, indicator: str, level: str) -> list[str]:
    """Months (``YYYY-MM``, ascending) with a published value of ``indicator`` at ``level``
    (in its total series: every organiser and target group).
    """
    if "\x00" in indicator + level:
        return []
    statement = (
        select(months.c.month)
        .where(*_total(months, indicator=indicator, area_level=level), months.c.published > 0)
        .order_by(months.c.month)
    )
    with engine.connect() as conn:
        return list(conn.execute(statement).scalars())


def municipalities(engine: Engine) -> pd.DataFrame:
    """Municipalities: ``code, name_fi, name_sv, name_en, region_code, subregion_code,
    ely_code, urban_rural_class``.
    """
    t = schema.municipalities
    columns = [
        "code",
        "name_fi",
        "name_sv",
        "name_en",
        "region_code",
        "subregion_code",
        "ely_code",
        "urban_rural_class",
    ]
    return _frame(engine, select(*[t.c[c] for c in columns]).order_by(t.c.code), columns)


def regions(engine: Engine) -> pd.DataFrame:
    """Regions of every level: ``level, code, name_fi, name_sv, name_en``."""
    t = schema.regions
    columns = ["level", "code", "name_fi", "name_sv", "name_en"]
    return _frame(engine, select(*[t.c[c] for c in columns]).order_by(t.c.level, t.c.code), columns)


def trial_areas(engine: Engine) -> pd.DataFrame:
    """Trial areas: ``area_id, name_fi, name_sv, lead_municipality_code, start_date, end_date,
    status, confidence, source, note``.
    """
    t = schema.trial_areas
    columns = [c.name for c in t.columns]
    return _frame(engine, select(t).order_by(t.c.area_id), columns)


def memberships(engine: Engine) -> pd.DataFrame:
    """Dated memberships: ``municipality_code, area_id, member_from, member_to, status,
    confidence, source`` (dates as ``YYYY-MM-DD`` strings, None when open or not a member).
    """
    t = schema.trial_memberships
    columns = [
        "municipality_code",
        "area_id",
        "member_from",
        "member_to",
        "status",
        "confidence",
        "source",
    ]
    frame = _frame(
        engine,
        select(*[t.c[c] for c in columns]).order_by(t.c.area_id, t.c.municipality_code),
        columns,
    )
    for col in ("member_from", "member_to"):
        frame[col] = frame[col].map(lambda d: d.isoformat() if d is not None else None)
    return frame


def trial_sources(engine: Engine) -> pd.DataFrame:
    """Sources of the trial lists: ``source_key, citation``."""
    t = schema.trial_sources
    return _frame(engine, select(t).order_by(t.c.source_key), ["source_key", "citation"])


def group_members(engine: Engine) -> pd.DataFrame:
    """Municipality groups (units of a later division): ``group_code, municipality_code``."""
    t = schema.municipality_group_members
    return _frame(engine, select(t).order_by(t.c.group_code), ["group_code", "municipality_code"])


def boundaries(engine: Engine, *, level: str = "municipality") -> pd.DataFrame:
    """Boundaries: ``area_code, name_fi, name_sv, land_area_km2, total_area_km2, geometry``
    (GeoJSON geometry text in EPSG:4326).
    """
    t = schema.boundaries
    columns = ["area_code", "name_fi", "name_sv", "land_area_km2", "total_area_km2", "geometry"]
    if "\x00" in level:
        return pd.DataFrame(columns=columns)
    statement = (
        select(*[t.c[c] for c in columns]).where(t.c.area_level == level).order_by(t.c.area_code)
    )
    return _frame(engine, statement, columns)


def load_batches(engine: Engine) -> pd.DataFrame:
    """Load batches, newest first: ``id, source_file, reader, source, vintage, rows_in_file,
    rows_loaded, rows_replaced, rows_unchanged, loaded_at, synthetic``.
    """
    t = schema.load_batches
    columns = [
        "id",
        "source_file",
        "reader",
        "source",
        "vintage",
        "rows_in_file",
        "rows_loaded",
        "rows_replaced",
        "rows_unchanged",
        "loaded_at",
        "synthetic",
    ]
    return _frame(engine, select(*[t.c[c] for c in columns]).order_by(t.c.id.desc()), columns)


def coverage(engine: Engine) -> pd.DataFrame:
    """What is stored: ``indicator, area_level, first_month, last_month, areas, values,
    not_published`` per indicator and level (of the total series), from the series summary.
    """
    series = (months.c.indicator, months.c.area_level)
    by_month = (
        select(
            *series,
            func.min(months.c.month).label("first_month"),
            func.max(months.c.month).label("last_month"),
            func.sum(months.c.published).label("published"),
            func.sum(months.c.areas).label("stored"),
        )
        .where(*_total(months))
        .group_by(*series)
        .subquery()
    )
    by_area = (
        select(areas.c.indicator, areas.c.area_level, func.count().label("areas"))
        .where(*_total(areas))
        .group_by(areas.c.indicator, areas.c.area_level)
        .subquery()
    )
    statement = (
        select(
            by_month.c.indicator,
            by_month.c.area_level,
            by_month.c.first_month,
            by_month.c.last_month,
            by_area.c.areas,
            by_month.c.published,
            by_month.c.stored - by_month.c.published,
        )
        .join_from(
            by_month,
            by_area,
            (by_area.c.indicator == by_month.c.indicator)
            & (by_area.c.area_level == by_month.c.area_level),
        )
        .order_by(by_month.c.indicator, by_month.c.area_level)
    )
    return _frame(
        engine,
        statement,
        [
            "indicator",
            "area_level",
            "first_month",
            "last_month",
            "areas",
            "values",
            "not_published",
        ],
    )


def data_version(engine: Engine) -> str:
    """A short text that changes with every recorded load: the newest load batch's id and
    the number of batches (a file loaded before, by checksum, records nothing).
    """
    t = schema.load_batches
    with engine.connect() as conn:
        newest, count = conn.execute(select(func.max(t.c.id), func.count())).one()
    return f"{newest or 0}.{count}"


def ping(engine: Engine) -> None:
    """Raise when the database cannot be reached."""
    with engine.connect() as conn:
        conn.execute(select(1))


def series_vintage(engine: Engine, *, indicator: str, level: str) -> str | None:
    """The newest vintage (``YYYY-MM-DD``) among the published values of ``indicator`` at
    ``level`` (total series), or None when there are none.
    """
    obs = schema.observations
    statement = select(func.max(obs.c.vintage)).where(
        *_total(obs, indicator=indicator, area_level=level), obs.c.value.is_not(None)
    )
    with engine.connect() as conn:
        value = conn.execute(statement).scalar()
    return None if value is None else str(value)[:10]


def series_area_codes(engine: Engine, *, level: str = "municipality") -> pd.DataFrame:
    """Which areas have rows of which indicator's total series at ``level``, from the series
    summary (no scan of the observations): ``indicator, area_code``.
    """
    areas = schema.series_areas
    statement = (
        select(areas.c.indicator, areas.c.area_code)
        .where(*_total(areas, area_level=level))
        .order_by(areas.c.indicator, areas.c.area_code)
    )
    return _frame(engine, statement, ["indicator", "area_code"])


def employment_areas(engine: Engine) -> pd.DataFrame:
    """The 2025 employment area of every municipality: ``municipality_code, area_code,
    name_fi, name_sv, name_en``.
    """
    table = schema.employment_areas
    with engine.connect() as conn:
        rows = conn.execute(select(table).order_by(table.c.municipality_code)).all()
    return pd.DataFrame(
        rows, columns=["municipality_code", "area_code", "name_fi", "name_sv", "name_en"]
    )


def months_covered(engine: Engine, *, indicator: str, level: str, share: float = 0.9) -> list[str]:
    """Months (ascending) in which ``indicator`` at ``level`` has published values for at
    least ``share`` of the areas it has at most in any month (from the series summary).
    """
    if "\x00" in indicator + level:
        return []
    statement = select(months.c.month, months.c.published).where(
        *_total(months, indicator=indicator, area_level=level)
    )
    with engine.connect() as conn:
        rows = conn.execute(statement).all()
    most = max((int(r.published) for r in rows), default=0)
    return sorted(str(r.month) for r in rows if most and int(r.published) >= share * most)


def published_by_month(engine: Engine, *, level: str = "municipality") -> pd.DataFrame:
    """How many areas have a published value of each indicator's total series in each month,
    from the series summary: ``indicator, month, published``.
    """
    statement = (
        select(months.c.indicator, months.c.month, months.c.published)
        .where(*_total(months, area_level=level))
        .order_by(months.c.indicator, months.c.month)
    )
    return _frame(engine, statement, ["indicator", "month", "published"])
