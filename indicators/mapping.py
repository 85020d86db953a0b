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
    policy = policy or disclosure.DisclosurePolicy()
    values["suppressed"] = values["value"].isna()
    cells = values.assign(indicator=indicator, month=month)
    if ind.stored:
        shown = disclosure.suppress_cells(cells, policy=policy)
        values["suppressed"] = shown["suppressed"].to_numpy() | values["suppressed"]
    if not ind.stored or ind.kind != "count":
        # A rate, ratio or sum computed from a small or suppressed count is suppressed too
        inputs = own[own["indicator"].isin(definitions.inputs_of(indicator))]
        hidden = disclosure.suppress_cells(inputs, policy=policy)
        derived = disclosure.propagate(cells, hidden, keys=["area_code", "month"])
        values["suppressed"] = derived["suppressed"].to_numpy() | values["suppressed"]
    values.loc[values["suppressed"], "value"] = np.nan
    return _ranked(values, ind.better)


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
    if ind.kind == "count" and ind.unit == "persons":
        # An area's total of persons is shown only where disclosure control allows a total
        # of its reporting members (a total below the threshold would reveal them).
        cells = obs[
            (obs["area_level"] == "municipality")
            & (obs["indicator"] == indicator)
            & (obs["month"] == month)
        ].set_index("area_code")
        for i, area in enumerate(values["area_code"]):
            codes = units.loc[units["group"] == area, "unit_code"]
            members = cells.reindex(codes).dropna(subset=["value"])
            members = members[~members["suppressed"].astype(bool)]
            if (
                len(members)
                and not disclosure.apply_to_aggregates(members.reset_index()).disclosable
            ):
                values.loc[i, ["value", "suppressed"]] = [np.nan, True]
    return _ranked(values, ind.better)


def _ranked(values: pd.DataFrame, better: str) -> pd.DataFrame:
    ranks = values["value"].rank(method="min", ascending=better != "higher")
    values = values.assign(rank=ranks.astype("Int64"))
    return values.sort_values(["rank", "area_code"], na_position="last").reset_index(drop=True)
