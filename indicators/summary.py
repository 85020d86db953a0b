"""National picture for one month: the country against the trial and the other municipalities."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from catalogue import calendar, definitions
from indicators import aggregation, transforms


@dataclass(frozen=True)
class Headline:
    """One group's headline figures for a month, with the changes on the previous month and
    on the same month a year earlier (counts; the share's in percentage points). The monthly
    change is seasonal; the change on a year is the one to read for a trend.
    """

    key: str
    unemployed: float
    share: float
    unemployed_change: float
    n_units: int
    missing: tuple[str, ...]
    unemployed_change_year: float = np.nan
    share_change_year: float = np.nan


def previous_month(month: str, back: int = 1) -> str:
    """The month ``back`` months before ``month`` (``YYYY-MM``)."""
    period = pd.Period(month, freq="M") - back
    return str(period)


def _country(country_obs: pd.DataFrame, month: str) -> Headline:
    values = aggregation.unit_values(country_obs, "unemployed_share_pct")
    counts = country_obs[country_obs["indicator"] == "unemployed_jobseekers"].set_index("month")[
        "value"
    ]
    share = values.set_index("month")["value"]
    now = float(counts.get(month, np.nan))
    before = float(counts.get(previous_month(month), np.nan))
    year = previous_month(month, 12)
    return Headline(
        "country",
        now,
        float(share.get(month, np.nan)),
        now - before,
        1,
        (),
        now - float(counts.get(year, np.nan)),
        float(share.get(month, np.nan)) - float(share.get(year, np.nan)),
    )


TOTALS = ("unemployed_jobseekers", "unemployed_share_pct")


def group_totals(
    muni_obs: pd.DataFrame,
    groups: Mapping[str, Sequence[str]],
    months: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The headline indicators (:data:`TOTALS`) aggregated over each group, every month of
    ``muni_obs`` (or ``months``): :data:`aggregation.RESULT_COLUMNS` plus ``indicator``.

    Computed once, it answers :func:`headlines_from` and :func:`share_series_from` for any
    month without aggregating again.
    """
    units = aggregation.units_frame(groups)
    parts = [
        aggregation.aggregate(muni_obs, units, code, months).assign(indicator=code)
        for code in TOTALS
    ]
    return pd.concat(parts, ignore_index=True)


def headlines_from(
    country_obs: pd.DataFrame,
    totals: pd.DataFrame,
    groups: Iterable[str],
    month: str,
) -> dict[str, Headline]:
    """Headline figures for ``month`` from the output of :func:`group_totals`: the country
    (its own series) and each group of municipalities (sums over the members that
    reported).
    """
    result = {"country": _country(country_obs, month)}
    before_month = previous_month(month)
    counts = totals[totals["indicator"] == "unemployed_jobseekers"]
    shares = totals[totals["indicator"] == "unemployed_share_pct"]
    for key in groups:
        c = counts[counts["group"] == key].set_index("month")
        s = shares[shares["group"] == key].set_index("month")
        if month not in c.index:
            continue
        now = float(c.at[month, "value"])
        before = float(c.at[before_month, "value"]) if before_month in c.index else np.nan
        year = previous_month(month, 12)
        share_now = float(s.at[month, "value"]) if month in s.index else np.nan
        result[key] = Headline(
            key,
            now,
            share_now,
            now - before,
            int(c.at[month, "n_units"]),
            tuple(c.at[month, "missing"]),
            now - (float(c.at[year, "value"]) if year in c.index else np.nan),
            share_now - (float(s.at[year, "value"]) if year in s.index else np.nan),
        )
    return result


def unallocated_series(country_obs: pd.DataFrame, muni_obs: pd.DataFrame) -> pd.Series:
    """National unemployed minus the sum over the municipalities that reported, for every
    month with both a national and a municipal figure, indexed by month.
    """
    national = country_obs[country_obs["indicator"] == "unemployed_jobseekers"]
    national = national.drop_duplicates("month").set_index("month")["value"]
    local = muni_obs[muni_obs["indicator"] == "unemployed_jobseekers"]
    local = local.groupby("month")["value"].sum()  # NaN-skipping: those that reported
    return (national - local).dropna()


def share_series_from(country_obs: pd.DataFrame, totals: pd.DataFrame) -> pd.DataFrame:
    """Monthly unemployed share for the country and each group of :func:`group_totals`:
    ``month, key, value``.
    """
    country = aggregation.unit_values(country_obs, "unemployed_share_pct")
    grouped = totals[totals["indicator"] == "unemployed_share_pct"]
    parts = [
        country.assign(key="country")[["month", "key", "value"]],
        grouped.rename(columns={"group": "key"})[["month", "key", "value"]],
    ]
    return pd.concat(parts, ignore_index=True).dropna(subset=["value"])


KEY_PANELS = (
    "unemployed_share_pct",
    "unemployed_jobseekers",
    "open_vacancies",
    "unemployed_per_vacancy",
)


def key_panels(
    country_obs: pd.DataFrame,
    muni_obs: pd.DataFrame,
    groups: Mapping[str, Sequence[str]],
    *,
    base_month: str = calendar.INDEX_BASE_MONTH,
    indicators: Sequence[str] = KEY_PANELS,
) -> pd.DataFrame:
    """Key indicators for the country and each group: ``month, indicator, key, value``.

    Counts are given as an index (``base_month`` = 100) so groups of any size compare.
    """
    units = aggregation.units_frame(groups)
    parts = []
    for code in indicators:
        ind = definitions.get(code)
        country = aggregation.unit_values(country_obs, code).assign(key="country")
        grouped = aggregation.aggregate(muni_obs, units, code).rename(columns={"group": "key"})
        frame = pd.concat(
            [country[["month", "key", "value"]], grouped[["month", "key", "value"]]],
            ignore_index=True,
        )
        if ind.kind in ("count", "sum"):
            frame = transforms.index_to(frame, base_month, by=["key"])
        parts.append(frame.assign(indicator=code))
    return pd.concat(parts, ignore_index=True).dropna(subset=["value"])


def area_totals(
    obs: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    indicator: str = "unemployed_share_pct",
    include_unverified: bool = False,
    months: Sequence[str] | None = None,
) -> pd.DataFrame:
    """``indicator`` aggregated over each trial area's members (in the months they were
    members), every month of ``obs`` (or ``months``): :data:`aggregation.RESULT_COLUMNS`.
    """
    from indicators import profile

    units = profile.area_units(memberships, include_unverified=include_unverified)
    return aggregation.aggregate(obs, units, indicator, months)


def changes_from(
    totals: pd.DataFrame, *, month: str, indicator: str = "unemployed_share_pct"
) -> pd.DataFrame:
    """Each trial area's value in ``month`` and its change on a year earlier, from the output
    of :func:`area_totals`: ``area_id, value, before, change``, largest improvement first.
    """
    before = previous_month(month, 12)
    result = totals[totals["month"].isin([before, month])]
    wide = result.pivot(index="group", columns="month", values="value")
    if month not in wide or before not in wide:
        return pd.DataFrame(columns=["area_id", "value", "before", "change"])
    table = pd.DataFrame(
        {"area_id": wide.index, "value": wide[month].to_numpy(), "before": wide[before].to_numpy()}
    )
    table["change"] = table["value"] - table["before"]
    ascending = definitions.get(indicator).better != "higher"
    return (
        table.dropna(subset=["change"])
        .sort_values(["change", "area_id"], ascending=[ascending, True])
        .reset_index(drop=True)
    )
