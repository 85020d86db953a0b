"""Aggregation from municipalities to groups (trial areas, regions, comparison groups).

Counts sum; a rate is ``scale`` × Σnumerator / Σdenominator over the same municipalities,
never a mean of rates; a sum adds its components. A municipality whose inputs are missing or
suppressed is left out of the sums and named in the result, never treated as zero.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import numpy as np
import pandas as pd

from catalogue import definitions

# Below this share of reporting members a group total is not given (see ``aggregate``).
MIN_COVERAGE = 0.9
RESULT_COLUMNS = [
    "group",
    "month",
    "value",
    "numerator",
    "denominator",
    "n_units",
    "n_reported",
    "missing",
]


class AggregationError(ValueError):
    """An indicator cannot be aggregated as asked."""


def units_frame(groups: Mapping[str, Iterable[str]]) -> pd.DataFrame:
    """``{group: codes}`` → the ``group, unit_code`` frame :func:`aggregate` takes."""
    rows = [(g, c) for g, codes in groups.items() for c in codes]
    return pd.DataFrame(rows, columns=["group", "unit_code"])


def _in_window(months: pd.Series, start: pd.Series, end: pd.Series) -> pd.Series:
    after = start.isna() | (months >= start.fillna("").str[:7])
    before = end.isna() | (months <= end.fillna("").str[:7])
    return after & before


def unit_inputs(obs: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """Per unit and month, the inputs ``indicator`` needs, wide: one column per input code,
    NaN where missing or suppressed. Columns: ``area_code, month, <inputs…>``.
    """
    inputs = list(definitions.inputs_of(indicator))
    part = obs[obs["indicator"].isin(inputs)]
    values = part["value"].where(~part["suppressed"].astype(bool))
    wide = (
        part.assign(value=values)
        .pivot_table(
            index=["area_code", "month"],
            columns="indicator",
            values="value",
            aggfunc="first",
            dropna=False,
        )
        .reindex(columns=inputs)
        .reset_index()
    )
    wide.columns.name = None
    return wide


def aggregate(
    obs: pd.DataFrame,
    units: pd.DataFrame,
    indicator: str,
    months: Iterable[str] | None = None,
    *,
    min_coverage: float = MIN_COVERAGE,
) -> pd.DataFrame:
    """Aggregate municipality observations of ``indicator`` over each group of ``units``.

    Parameters
    ----------
    obs
        Long observations (``indicator, area_code, month, value, suppressed``) of the
        indicator's inputs for the municipalities concerned.
    units
        ``group, unit_code`` and optionally ``member_from, member_to`` (dates or months): a
        unit counts for its group only in the months it is a member.
    months
        Months to report; default: every month in ``obs``.
    min_coverage
        Share of the group's units that must report for the aggregate to be given; below it
        ``value`` is NaN (a sum over a few members would mislead) and the units stay listed.

    Returns
    -------
    DataFrame with :data:`RESULT_COLUMNS`: ``value`` is the aggregate over the reported
    units; ``missing`` is a tuple of the unit codes left out because an input was missing or
    suppressed; ``numerator``/``denominator`` are NaN for counts and sums.
    """
    ind = definitions.get(indicator)
    if ind.kind == "level":
        raise AggregationError(f"{indicator} is a level ({ind.unit}); it does not aggregate")
    if ind.kind == "rate" and not (ind.numerator and ind.denominator):
        raise AggregationError(
            f"{indicator} is published only as a rate; its numerator and "
            "denominator are not available to aggregate"
        )
    wide = unit_inputs(obs, indicator)
    # unique() first: iterating an Arrow-backed column element by element is slow
    all_months = sorted(set(months) if months is not None else set(obs["month"].unique()))
    members = units.copy()
    if "member_from" not in members:
        members["member_from"] = None
        members["member_to"] = None
    grid = members.merge(pd.DataFrame({"month": all_months}), how="cross")
    if members["member_from"].notna().any() or members["member_to"].notna().any():
        grid = grid[
            _in_window(
                grid["month"],
                grid["member_from"].astype("string"),
                grid["member_to"].astype("string"),
            )
        ]
    grid = grid.merge(
        wide, left_on=["unit_code", "month"], right_on=["area_code", "month"], how="left"
    )
    inputs = list(definitions.inputs_of(indicator))
    for code in inputs:
        if code not in grid:
            grid[code] = np.nan
    grid["reported"] = grid[inputs].notna().all(axis=1)
    keys = ["group", "month"]
    n_units = grid.groupby(keys).size().rename("n_units")
    ok = grid[grid["reported"]]
    sums = ok.groupby(keys)[inputs].sum()
    n_reported = ok.groupby(keys).size().rename("n_reported")
    missing = (
        grid[~grid["reported"]]
        .groupby(keys)["unit_code"]
        .agg(lambda c: tuple(sorted(c)))
        .rename("missing")
    )
    result = pd.concat([n_units, n_reported, missing, sums], axis=1).reset_index()
    result["n_reported"] = result["n_reported"].fillna(0).astype(int)
    result["missing"] = result["missing"].map(lambda m: m if isinstance(m, tuple) else ())
    result["numerator"] = np.nan
    result["denominator"] = np.nan
    if ind.kind in ("rate", "ratio"):
        result["numerator"] = result[ind.numerator]
        result["denominator"] = result[ind.denominator]
        den = result["denominator"].where(result["denominator"] != 0)
        result["value"] = ind.scale * result["numerator"] / den
    elif ind.kind == "sum":
        result["value"] = result[list(ind.components)].sum(axis=1)
    else:
        result["value"] = result[indicator]
    thin = (result["n_reported"] == 0) | (result["n_reported"] < min_coverage * result["n_units"])
    result.loc[thin, "value"] = np.nan
    result.loc[result["n_reported"] == 0, ["numerator", "denominator"]] = np.nan
    return result[RESULT_COLUMNS].sort_values(keys).reset_index(drop=True)


def unit_values(obs: pd.DataFrame, indicator: str) -> pd.DataFrame:
    """The indicator for each unit and month: ``area_code, month, value, published``.

    Rates are computed from their counts; where the counts are not available but the source
    published the rate itself (stored under the indicator's own code), the published value is
    used and ``published`` is True. Suppressed inputs give NaN.
    """
    ind = definitions.get(indicator)
    wide = unit_inputs(obs, indicator)
    published = obs[obs["indicator"] == indicator][["area_code", "month", "value", "suppressed"]]
    if ind.kind in ("rate", "ratio") and ind.numerator and ind.denominator:
        den = wide[ind.denominator]
        value = ind.scale * wide[ind.numerator] / den.where(den != 0)
    elif ind.kind == "sum":
        value = wide[list(ind.components)].sum(axis=1, min_count=len(ind.components))
        value = value.where(wide[list(ind.components)].notna().all(axis=1))
    else:
        value = wide[indicator]
    result = pd.DataFrame(
        {
            "area_code": wide["area_code"],
            "month": wide["month"],
            "value": value.astype("float64"),
            "published": False,
        }
    )
    if ind.kind in ("rate", "ratio") and ind.stored and not published.empty:
        pub = published.assign(value=published["value"].where(~published["suppressed"]))
        pub = pub[["area_code", "month", "value"]].rename(columns={"value": "published_value"})
        result = result.merge(pub, on=["area_code", "month"], how="outer")
        use = result["value"].isna() & result["published_value"].notna()
        result.loc[use, "value"] = result.loc[use, "published_value"]
        result["published"] = use
        result = result.drop(columns="published_value")
    result["published"] = result["published"].fillna(False).astype(bool)
    return result.sort_values(["area_code", "month"]).reset_index(drop=True)


def active_members(
    memberships: pd.DataFrame, *, month: str | None = None, include_unverified: bool = False
) -> pd.DataFrame:
    """Trial memberships in force in ``month`` (any month of the trial when None).

    Returns the ``municipality_code, area_id, member_from, member_to, status`` rows counted:
    'confirmed' always, 'probable' (unverified) only when ``include_unverified``;
    'not_in_trial' never.
    """
    statuses = ["confirmed", "probable"] if include_unverified else ["confirmed"]
    rows = memberships[memberships["status"].isin(statuses)]
    if month is not None:
        start = rows["member_from"].astype("string").str[:7]
        end = rows["member_to"].astype("string").str[:7]
        rows = rows[(start.isna() | (start <= month)) & (end.isna() | (end >= month))]
    return rows.reset_index(drop=True)


def trial_and_rest(
    memberships: pd.DataFrame,
    all_codes: Iterable[str],
    *,
    include_unverified: bool = False,
    not_te_office: Iterable[str] = (),
) -> dict[str, list[str]]:
    """The trial's municipalities (trial-period composition) and the municipalities served by
    the TE offices. Unverified members are in neither group unless included; the codes of
    ``not_te_office`` (Åland's, whose services its own authority runs) are in neither.
    """
    members = active_members(memberships, include_unverified=include_unverified)
    trial = sorted(set(members["municipality_code"]))
    unverified = set(memberships.loc[memberships["status"] == "probable", "municipality_code"])
    excluded = set() if include_unverified else unverified
    rest = sorted(set(all_codes) - set(trial) - excluded - set(not_te_office))
    return {"trial": trial, "rest": rest}
