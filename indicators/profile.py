"""An area's profile: its series against comparison groups and the country, and its rank."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from catalogue import calendar, definitions
from indicators import aggregation

TRIAL_START = calendar.TRIAL_START_DAY
TRIAL_END = calendar.TRIAL_END_DAY


def area_units(
    memberships: pd.DataFrame,
    *,
    include_unverified: bool = False,
    trial_start: str = TRIAL_START,
    trial_end: str = TRIAL_END,
) -> pd.DataFrame:
    """Every trial area's members as dated units: ``group, unit_code, member_from, member_to``.

    An area is followed before and after the trial in its founding composition: a member from
    the trial's first day counts for the months before it too, and a member to its last day
    for the months after. Members joining or leaving in between count only while members.
    """
    members = aggregation.active_members(memberships, include_unverified=include_unverified)
    units = members.rename(columns={"area_id": "group", "municipality_code": "unit_code"})[
        ["group", "unit_code", "member_from", "member_to"]
    ].copy()
    units["member_from"] = units["member_from"].where(units["member_from"] != trial_start)
    units["member_to"] = units["member_to"].where(units["member_to"] != trial_end)
    return units


def compare_series(
    obs: pd.DataFrame,
    country_obs: pd.DataFrame,
    *,
    indicator: str,
    area_units_frame: pd.DataFrame,
    groups: Mapping[str, Sequence[str]],
) -> pd.DataFrame:
    """The indicator for an area (dated members), fixed groups, and the country.

    Returns ``month, key, value, n_units, n_reported``: ``key`` is ``area``, each name of
    ``groups`` and ``country`` (the national series, where the indicator exists for it).
    """
    parts = []
    area = aggregation.aggregate(obs, area_units_frame.assign(group="area"), indicator)
    parts.append(area.rename(columns={"group": "key"}))
    if groups:
        fixed = aggregation.aggregate(obs, aggregation.units_frame(groups), indicator)
        parts.append(fixed.rename(columns={"group": "key"}))
    if not country_obs.empty:
        national = aggregation.unit_values(country_obs, indicator)
        national = national.assign(
            key="country", n_units=1, n_reported=national["value"].notna().astype(int)
        )
        parts.append(national)
    columns = ["month", "key", "value", "n_units", "n_reported"]
    return pd.concat([p[columns] for p in parts], ignore_index=True)


def area_ranks(
    obs: pd.DataFrame, units: pd.DataFrame, *, indicator: str, month: str
) -> pd.DataFrame:
    """Every area's value in ``month`` and its rank (1 = best by the indicator's direction).

    Returns ``area_id, value, rank, n_areas``; areas without a value get no rank.
    """
    ind = definitions.get(indicator)
    values = aggregation.aggregate(obs, units, indicator, [month])
    values = values.rename(columns={"group": "area_id"})[["area_id", "value"]]
    ascending = ind.better != "higher"
    ranked = values["value"].rank(method="min", ascending=ascending)
    values["rank"] = ranked.astype("Int64")
    values["n_areas"] = int(values["value"].notna().sum())
    return values.sort_values(["rank", "area_id"], na_position="last").reset_index(drop=True)


def latest_with_value(series: pd.DataFrame, key: str = "area") -> str | None:
    """The last month where ``key`` has a value in a :func:`compare_series` frame."""
    rows = series[(series["key"] == key) & series["value"].notna()]
    return None if rows.empty else str(rows["month"].max())


def change_on_year(series: pd.DataFrame, key: str, month: str) -> float:
    """Change of ``key``'s value on the same month a year earlier (NaN if either is missing)."""
    rows = series[series["key"] == key].set_index("month")["value"]
    before = str(pd.Period(month, freq="M") - 12)
    if month not in rows.index or before not in rows.index:
        return float("nan")
    return float(rows[month] - rows[before]) if not np.isnan(rows[before]) else float("nan")
