"""The overview's figures computed once for every month give what the per-month functions give.

The pages read :func:`summary.headlines_from`, :func:`summary.share_series_from`,
:func:`summary.changes_from` and :func:`summary.unallocated_series` over totals cached for all
sessions; these tests pin them to the direct per-month computations on the real data, and the
direct computations to the shipped CSV.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import queries
from data_access.engine import make_engine
from indicators import aggregation, summary

ROOT = Path(__file__).resolve().parent.parent
INPUTS = ("unemployed_jobseekers", "labour_force", "open_vacancies")
MONTHS = ["2019-01", "2020-04", "2021-03", "2022-12", "2023-10"]


@pytest.fixture(scope="module")
def frames(real_sqlite_url: str) -> dict[str, pd.DataFrame]:
    engine: Engine = make_engine(real_sqlite_url)
    try:
        return {
            "country": queries.observations(
                engine, indicators=INPUTS, level="country", since="2018-01"
            ),
            "local": queries.observations(
                engine, indicators=INPUTS, level="municipality", since="2018-01"
            ),
            "members": queries.memberships(engine),
            "munis": queries.municipalities(engine),
        }
    finally:
        engine.dispose()


@pytest.mark.parametrize("include", [False, True])
def test_headlines_from_totals_match_per_month(frames: dict, include: bool) -> None:
    groups = aggregation.trial_and_rest(
        frames["members"], frames["munis"]["code"], include_unverified=include
    )
    totals = summary.group_totals(frames["local"], groups)
    for month in MONTHS:
        direct = summary.headlines(frames["country"], frames["local"], groups, month)
        cached = summary.headlines_from(frames["country"], totals, groups, month)
        assert cached == direct, month
    # And the trial group's count is the plain sum over its members in the CSV.
    csv = pd.read_csv(
        ROOT / "data/labour/tyonv_12r5_municipalities_monthly_2006_2023.csv",
        dtype={"municipality_code": str},
    )
    rows = csv[(csv["month"] == "2023-10") & csv["municipality_code"].isin(groups["trial"])]
    heads = summary.headlines_from(frames["country"], totals, groups, "2023-10")
    assert heads["trial"].unemployed == rows["unemployed_jobseekers"].sum()
    assert heads["trial"].n_units == len(groups["trial"])


def test_share_series_from_totals_matches(frames: dict) -> None:
    groups = aggregation.trial_and_rest(frames["members"], frames["munis"]["code"])
    direct = summary.share_series(frames["country"], frames["local"], groups)
    cached = summary.share_series_from(
        frames["country"], summary.group_totals(frames["local"], groups)
    )
    pd.testing.assert_frame_equal(direct.reset_index(drop=True), cached.reset_index(drop=True))
    assert set(cached["key"]) == {"country", "trial", "rest"}


@pytest.mark.parametrize("include", [False, True])
def test_changes_from_totals_match_per_month(frames: dict, include: bool) -> None:
    totals = summary.area_totals(frames["local"], frames["members"], include_unverified=include)
    for month in MONTHS[1:]:
        direct = summary.area_changes(
            frames["local"], frames["members"], month=month, include_unverified=include
        )
        cached = summary.changes_from(totals, month=month)
        pd.testing.assert_frame_equal(direct, cached)
        assert not cached.empty
    # Before the data begins there is nothing to compare with: an empty table, no error.
    assert summary.changes_from(totals, month="2018-06").empty


def test_unallocated_series_matches_per_month(frames: dict) -> None:
    series = summary.unallocated_series(frames["country"], frames["local"])
    for month in MONTHS:
        assert series[month] == summary.unallocated(frames["country"], frames["local"], month)
    assert series["2021-03"] == 362  # 331,526 nationally against the municipalities' sum
