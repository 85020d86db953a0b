"""The series summary: what observations holds for each series, by month and by area.

A series is one indicator at one area level for one organiser and target group. ``series_months``
counts a series' rows and published values in each month, ``series_areas`` lists the areas with
at least one row of it. Whatever changes observations refreshes the rows of the series it
changed with :func:`refresh`, in the same transaction, so the summary always equals the
aggregation of observations and a rolled-back load leaves both unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from itertools import groupby

import pandas as pd
from sqlalchemy import ColumnElement, Connection, Table, delete, func, insert, select, tuple_

from data_access import schema

SERIES = ["indicator", "area_level", "organiser", "target_group"]
SeriesKey = tuple[str, str, str, str]
# A changed series and the first and last month of its changed rows.
Changes = dict[SeriesKey, tuple[str, str]]


def changes_of(frames: Iterable[pd.DataFrame]) -> Changes:
    """The series and month ranges of the observation rows in ``frames`` (written or updated)."""
    changes: Changes = {}
    for frame in frames:
        if frame.empty:
            continue
        spans = frame.groupby(SERIES, sort=False)["month"].agg(["min", "max"])
        for key, first, last in zip(spans.index, spans["min"], spans["max"], strict=True):
            indicator, level, organiser, group = (str(part) for part in key)
            merge(changes, {(indicator, level, organiser, group): (str(first), str(last))})
    return changes


def merge(into: Changes, changes: Mapping[SeriesKey, tuple[str, str]]) -> Changes:
    """Add ``changes`` to ``into``, widening the month range of a series present in both."""
    for key, (first, last) in changes.items():
        if key in into:
            first, last = min(first, into[key][0]), max(last, into[key][1])
        into[key] = (first, last)
    return into


def _series(
    table: Table, indicator: str, level: str, pairs: list[tuple[str, str]]
) -> list[ColumnElement[bool]]:
    return [
        table.c.indicator == indicator,
        table.c.area_level == level,
        tuple_(table.c.organiser, table.c.target_group).in_(pairs),
    ]


def refresh(conn: Connection, changes: Mapping[SeriesKey, tuple[str, str]]) -> None:
    """Recompute the summary rows of the changed series from observations, in ``conn``.

    The series of one indicator and level are refreshed together, as observations stores them
    in one key range: their months from the first to the last changed month (rows outside that
    range did not change), and their areas over every month.
    """
    obs, months, areas = schema.observations, schema.series_months, schema.series_areas
    ordered = sorted(changes.items())
    for (indicator, level), group in groupby(ordered, key=lambda item: item[0][:2]):
        members = list(group)
        pairs = [(key[2], key[3]) for key, _span in members]
        first = min(span[0] for _key, span in members)
        last = max(span[1] for _key, span in members)
        conn.execute(
            delete(months).where(
                *_series(months, indicator, level, pairs), months.c.month.between(first, last)
            )
        )
        # Grouped in the summary's key order, so the rows arrive in the order they are stored.
        by_month = [obs.c[c.name] for c in months.primary_key]
        conn.execute(
            insert(months).from_select(
                [*(c.name for c in months.primary_key), "areas", "published"],
                select(*by_month, func.count(), func.count(obs.c.value))
                .where(*_series(obs, indicator, level, pairs), obs.c.month.between(first, last))
                .group_by(*by_month),
            )
        )
        conn.execute(delete(areas).where(*_series(areas, indicator, level, pairs)))
        by_area = [obs.c[c.name] for c in areas.primary_key]
        conn.execute(
            insert(areas).from_select(
                [c.name for c in areas.primary_key],
                select(*by_area).where(*_series(obs, indicator, level, pairs)).group_by(*by_area),
            )
        )
