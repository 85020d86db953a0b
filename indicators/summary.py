"""National picture for one month: the country against the trial and the other municipalities."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from indicators import aggregation


@dataclass(frozen=True)
class Headline:
    """One group's headline figures for a month."""

    key: str
    unemployed: float
    share: float
    unemployed_change: float
    n_units: int
    missing: tuple[str, ...]


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
    return Headline("country", now, float(share.get(month, np.nan)), now - before, 1, ())


def headlines(
    country_obs: pd.DataFrame,
    muni_obs: pd.DataFrame,
    groups: Mapping[str, Sequence[str]],
    month: str,
) -> dict[str, Headline]:
    """Headline figures for ``month``: the country (its own series) and each group of
    municipalities (sums over the members that reported)."""
    result = {"country": _country(country_obs, month)}
    units = aggregation.units_frame(groups)
    months = [previous_month(month), month]
    counts = aggregation.aggregate(muni_obs, units, "unemployed_jobseekers", months)
    shares = aggregation.aggregate(muni_obs, units, "unemployed_share_pct", [month])
    for key in groups:
        c = counts[counts["group"] == key].set_index("month")
        s = shares[shares["group"] == key].set_index("month")
        if month not in c.index:
            continue
        now = float(c.at[month, "value"])
        before = float(c.at[months[0], "value"]) if months[0] in c.index else np.nan
        result[key] = Headline(
            key,
            now,
            float(s.at[month, "value"]),
            now - before,
            int(c.at[month, "n_units"]),
            tuple(c.at[month, "missing"]),
        )
    return result


def unallocated(country_obs: pd.DataFrame, muni_obs: pd.DataFrame, month: str) -> float:
    """National unemployed minus the sum over municipalities that reported in ``month``."""
    national = country_obs[
        (country_obs["indicator"] == "unemployed_jobseekers") & (country_obs["month"] == month)
    ]["value"]
    local = muni_obs[
        (muni_obs["indicator"] == "unemployed_jobseekers") & (muni_obs["month"] == month)
    ]["value"]
    if national.empty or local.empty:
        return float("nan")
    return float(national.iloc[0] - local.sum(skipna=True))


def share_series(
    country_obs: pd.DataFrame, muni_obs: pd.DataFrame, groups: Mapping[str, Sequence[str]]
) -> pd.DataFrame:
    """Monthly unemployed share for the country and each group: ``month, key, value``."""
    country = aggregation.unit_values(country_obs, "unemployed_share_pct")
    parts = [country.assign(key="country")[["month", "key", "value"]]]
    grouped = aggregation.aggregate(
        muni_obs, aggregation.units_frame(groups), "unemployed_share_pct"
    )
    parts.append(grouped.rename(columns={"group": "key"})[["month", "key", "value"]])
    return pd.concat(parts, ignore_index=True).dropna(subset=["value"])
