"""The overview's view: every month's totals computed once give the shipped CSV's figures.

The pages read :func:`indicators.views.overview.overview_month` over totals cached for all
sessions; these tests pin its fields to sums computed directly from the shipped CSV files.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import queries
from data_access.engine import make_engine
from indicators import aggregation
from indicators.views import overview

ROOT = Path(__file__).resolve().parent.parent
MONTHS = ["2019-01", "2020-04", "2021-03", "2022-12", "2023-10"]


@pytest.fixture(scope="module")
def frames(real_sqlite_url: str) -> dict[str, pd.DataFrame]:
    engine: Engine = make_engine(real_sqlite_url)
    try:
        return {
            "country": queries.observations(
                engine, indicators=overview.INPUTS, level="country", since="2018-01"
            ),
            "local": queries.observations(
                engine, indicators=overview.INPUTS, level="municipality", since="2018-01"
            ),
            "members": queries.memberships(engine),
            "munis": queries.municipalities(engine),
        }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def csv() -> pd.DataFrame:
    return pd.read_csv(
        ROOT / "data/labour/tyonv_12r5_municipalities_monthly_2006_2023.csv",
        dtype={"municipality_code": str},
    )


def totals(frames: dict, include: bool) -> overview.OverviewTotals:
    return overview.overview_totals(
        frames["country"],
        frames["local"],
        frames["members"],
        frames["munis"]["code"],
        include_unverified=include,
    )


@pytest.mark.parametrize("include", [False, True])
def test_headlines_are_the_sums_over_the_members(
    frames: dict, csv: pd.DataFrame, include: bool
) -> None:
    groups = aggregation.trial_and_rest(
        frames["members"], frames["munis"]["code"], include_unverified=include
    )
    all_months = totals(frames, include)
    for month in MONTHS:
        view = overview.overview_month(all_months, month)
        rows = csv[csv["month"] == month]
        for key in ("trial", "rest"):
            members = rows[rows["municipality_code"].isin(groups[key])]
            head = view.heads[key]
            assert head.unemployed == members["unemployed_jobseekers"].sum(), (month, key)
            # Ratio of sums over the members with both counts (Åland's are often suppressed)
            both = members.dropna(subset=["unemployed_jobseekers", "labour_force_statfin"])
            share = 100 * both["unemployed_jobseekers"].sum() / both["labour_force_statfin"].sum()
            assert head.share == pytest.approx(share, abs=1e-9), (month, key)
        before = csv[csv["month"] == str(pd.Period(month, freq="M") - 1)]
        trial_before = before[before["municipality_code"].isin(groups["trial"])]
        assert view.heads["trial"].unemployed_change == (
            view.heads["trial"].unemployed - trial_before["unemployed_jobseekers"].sum()
        )
    assert all_months.group_members["trial"] == tuple(groups["trial"])


def test_share_series_and_panels_cover_every_group(frames: dict) -> None:
    view = totals(frames, False)
    assert set(view.shares["key"]) == {"country", "trial", "rest"}
    assert set(view.panels["key"]) == {"country", "trial", "rest"}
    october = view.shares[(view.shares["month"] == "2023-10") & (view.shares["key"] == "trial")]
    head = overview.overview_month(view, "2023-10").heads["trial"]
    assert october["value"].iloc[0] == head.share


def test_changes_fell_and_rose_follow_the_sign_shown(frames: dict) -> None:
    view = totals(frames, False)
    for month in MONTHS[1:]:
        changes = overview.overview_month(view, month)
        assert not changes.changes.empty
        assert (changes.fell["change"].round(1) < 0).all()
        assert (changes.rose["change"].round(1) > 0).all()
        assert set(changes.fell["area_id"]).isdisjoint(changes.rose["area_id"])
    # Before the data begins there is nothing to compare with: an empty table, no error.
    assert overview.overview_month(view, "2018-06").changes.empty


def test_unallocated_is_the_national_count_less_the_municipalities(
    frames: dict, csv: pd.DataFrame
) -> None:
    view = totals(frames, False)
    national = frames["country"]
    for month in MONTHS:
        count = national[
            (national["indicator"] == "unemployed_jobseekers") & (national["month"] == month)
        ]["value"].iloc[0]
        local = csv.loc[csv["month"] == month, "unemployed_jobseekers"].sum()
        assert overview.overview_month(view, month).unallocated == count - local
    assert overview.overview_month(view, "2021-03").unallocated == 362
