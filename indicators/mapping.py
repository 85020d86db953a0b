"""Values for maps: one indicator for every municipality or trial area in a month, ranked."""

from __future__ import annotations

import numpy as np
import pandas as pd

from catalogue import definitions
from indicators import aggregation, disclosure, profile


def municipality_values(
    obs: pd.DataFrame,
    groups: pd.DataFrame,
    *,
    indicator: str,
    month: str,
    policy: disclosure.DisclosurePolicy | None = None,
) -> pd.DataFrame:
    """The indicator for each municipality in ``month``: ``area_code, value, suppressed,
    merged, rank``.

    A value published for a merged unit of a later division (``507+588``) is shown for each of
    its municipalities with ``merged`` True, never split between them. Counts below the
    disclosure threshold are suppressed, as are rates computed from suppressed counts.
    """
    ind = definitions.get(indicator)
    part = obs[obs["month"] == month]
    own = part[part["area_level"] == "municipality"]
    values = aggregation.unit_values(own, indicator)
    values = values[values["month"] == month][["area_code", "value"]].assign(merged=False)
    group_rows = part[part["area_level"] == "municipality_group"]
    if not group_rows.empty and not groups.empty:
        merged = aggregation.unit_values(group_rows, indicator)
        merged = merged[merged["month"] == month].merge(
            groups, left_on="area_code", right_on="group_code"
        )
        merged = merged[~merged["municipality_code"].isin(values["area_code"])]
        values = pd.concat(
            [
                values,
                pd.DataFrame(
                    {
                        "area_code": merged["municipality_code"],
                        "value": merged["value"],
                        "merged": True,
                    }
                ),
            ],
            ignore_index=True,
        )
    flags = _suppressed_inputs(part, indicator)
    values["suppressed"] = values["area_code"].isin(flags) | values["value"].isna()
    if ind.kind in ("count", "sum") and ind.unit == "persons":
        cells = values.assign(indicator=indicator, month=month, area_level="municipality")
        shown = disclosure.suppress_cells(cells, policy=policy or disclosure.DisclosurePolicy())
        values["value"] = shown["value"].to_numpy()
        values["suppressed"] = shown["suppressed"].to_numpy() | values["suppressed"]
    values.loc[values["suppressed"], "value"] = np.nan
    return _ranked(values, ind.better)


def _suppressed_inputs(part: pd.DataFrame, indicator: str) -> set[str]:
    inputs = definitions.inputs_of(indicator)
    rows = part[part["indicator"].isin(inputs) & part["suppressed"].astype(bool)]
    return set(rows["area_code"])


def area_values(
    obs: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    indicator: str,
    month: str,
    include_unverified: bool = False,
) -> pd.DataFrame:
    """The indicator for each trial area in ``month`` (members in force then):
    ``area_code, value, suppressed, rank, n_units, n_reported``.
    """
    ind = definitions.get(indicator)
    units = profile.area_units(
        memberships, include_unverified=include_unverified, trial_start="", trial_end=""
    )
    result = aggregation.aggregate(
        obs[obs["area_level"] == "municipality"], units, indicator, [month]
    )
    values = pd.DataFrame(
        {
            "area_code": result["group"],
            "value": result["value"],
            "suppressed": result["value"].isna(),
            "n_units": result["n_units"],
            "n_reported": result["n_reported"],
        }
    )
    return _ranked(values, ind.better)


def _ranked(values: pd.DataFrame, better: str) -> pd.DataFrame:
    ranks = values["value"].rank(method="min", ascending=better != "higher")
    values = values.assign(rank=ranks.astype("Int64"))
    return values.sort_values(["rank", "area_code"], na_position="last").reset_index(drop=True)
