"""Comparison groups and matching: purpose-built frames with known answers, then the real data."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import queries
from data_access.engine import make_engine
from i18n import Message, render, t
from indicators.comparison import (
    COMPARISONS,
    COVARIATES,
    ComparisonError,
    comparison_group,
    match_peers,
    matching_covariates,
    trial_area_ids,
    trial_members,
)

# --------------------------------------------------------------------------------------------
# Purpose-built frames
# --------------------------------------------------------------------------------------------


def _covariates(rows: list[tuple[str, str, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(
        rows, columns=["code", "urban_rural_class", "pre_level", "pre_trend", "log_labour_force"]
    )


@pytest.fixture
def six() -> pd.DataFrame:
    # One treated urban municipality (001) and five candidates. Only the level differs, so the
    # distances can be read off the level column: 004 is closest but rural; 002 and 005 are
    # equally close (±0.5) and urban; 006 and 003 are further away.
    return _covariates(
        [
            ("001", "urban", 5.0, -1.0, 8.0),
            ("002", "urban", 5.5, -1.0, 8.0),
            ("003", "urban", 9.0, -1.0, 8.0),
            ("004", "rural", 5.1, -1.0, 8.0),
            ("005", "urban", 4.5, -1.0, 8.0),
            ("006", "urban", 7.0, -1.0, 8.0),
        ]
    )


CANDIDATES = ["002", "003", "004", "005", "006"]


def test_nearest_neighbour_within_the_class(six: pd.DataFrame) -> None:
    res = match_peers(six, ["001"], CANDIDATES, k=1)
    # 004 is nearer (0.1) but rural; of the urban 002 and 005 (both 0.5 away) the lower code wins
    assert res.peers == ("002",)
    row = res.table.iloc[0]
    assert (row["treated"], row["rank"], row["peer"], bool(row["same_class"])) == (
        "001",
        1,
        "002",
        True,
    )
    # Only the level varies: the distance is |Δlevel| / sd(level) over all six municipalities
    sd = six["pre_level"].std(ddof=1)
    assert row["distance"] == pytest.approx(0.5 / sd)


def test_without_exact_matching_the_nearest_is_taken(six: pd.DataFrame) -> None:
    res = match_peers(six, ["001"], CANDIDATES, k=1, exact=None)
    assert res.peers == ("004",)


def test_ties_break_by_code_whatever_the_row_order(six: pd.DataFrame) -> None:
    shuffled = six.sample(frac=1.0, random_state=3)
    res = match_peers(shuffled, ["001"], list(reversed(CANDIDATES)), k=2)
    assert list(res.table["peer"]) == ["002", "005"]
    assert list(res.table["rank"]) == [1, 2]
    assert res.table["distance"].iloc[0] == res.table["distance"].iloc[1]
    # k = 3 takes the next urban one, 006 (2.0 away), before 003 (4.0 away)
    assert match_peers(six, ["001"], CANDIDATES, k=3).peers == ("002", "005", "006")


def test_class_fallback_is_flagged() -> None:
    cov = _covariates(
        [
            ("010", "rural", 5.0, -1.0, 7.0),
            ("011", "rural", 8.0, -1.0, 7.0),
            ("012", "urban", 5.2, -1.0, 7.0),
            ("013", "urban", 6.0, -1.0, 7.0),
        ]
    )
    res = match_peers(cov, ["010"], ["011", "012", "013"], k=2)
    # The only rural candidate comes first even though it is further away; the nearest urban
    # one completes the pair and is flagged
    assert list(res.table["peer"]) == ["011", "012"]
    assert list(res.table["same_class"]) == [True, False]
    assert res.fallback == ("010",)


def test_with_and_without_replacement() -> None:
    cov = _covariates(
        [
            ("020", "urban", 5.0, -1.0, 8.0),
            ("021", "urban", 5.3, -1.0, 8.0),
            ("030", "urban", 5.1, -1.0, 8.0),
            ("031", "urban", 7.0, -1.0, 8.0),
            ("032", "urban", 9.0, -1.0, 8.0),
        ]
    )
    with_r = match_peers(cov, ["020", "021"], ["030", "031", "032"], k=1)
    assert dict(zip(with_r.table["treated"], with_r.table["peer"], strict=True)) == {
        "020": "030",
        "021": "030",
    }
    assert with_r.peers == ("030",)
    # Without replacement the closest pair (020, 030: 0.1) is taken first; 021 gets the next
    without = match_peers(cov, ["020", "021"], ["030", "031", "032"], k=1, replace=False)
    assert dict(zip(without.table["treated"], without.table["peer"], strict=True)) == {
        "020": "030",
        "021": "031",
    }
    # Two treated × two peers from three candidates: the pool runs out and it is reported
    short = match_peers(cov, ["020", "021"], ["030", "031", "032"], k=2, replace=False)
    assert len(short.table) == 3 and short.table["peer"].is_unique
    assert short.short == ("020",)  # 021 took 031 and 032 first


def test_balance_statistics(six: pd.DataFrame) -> None:
    res = match_peers(six, ["001"], CANDIDATES, k=2)
    bal = res.balance.set_index("covariate")
    level = bal.loc["pre_level"]
    # One treated municipality: the denominator is the candidates' standard deviation
    sd = six.loc[six["code"] != "001", "pre_level"].std(ddof=1)
    assert level["sd_pooled"] == pytest.approx(sd)
    assert level["mean_pool"] == pytest.approx(np.mean([5.5, 9.0, 5.1, 4.5, 7.0]))
    assert level["mean_matched"] == pytest.approx(5.0)  # (5.5 + 4.5) / 2
    assert level["smd_before"] == pytest.approx((5.0 - 6.22) / sd)
    assert level["smd_after"] == pytest.approx(0.0)
    # Constant covariates have no spread: no SMD rather than a division by zero
    assert math.isnan(bal.loc["pre_trend", "smd_before"])


def test_incomplete_covariates_are_reported(six: pd.DataFrame) -> None:
    cov = six.copy()
    cov.loc[cov["code"] == "002", "pre_trend"] = np.nan
    res = match_peers(cov, ["001"], CANDIDATES, k=1)
    assert res.peers == ("005",)
    cov.loc[cov["code"] == "001", "pre_level"] = np.nan
    with pytest.raises(ComparisonError, match="treated"):
        match_peers(cov, ["001"], CANDIDATES, k=1)


@pytest.mark.parametrize("k", [0, -1, 1.5, True])
def test_bad_k(six: pd.DataFrame, k: object) -> None:
    with pytest.raises(ComparisonError, match="k must"):
        match_peers(six, ["001"], CANDIDATES, k=k)  # type: ignore[arg-type]


def test_treated_cannot_be_candidates(six: pd.DataFrame) -> None:
    with pytest.raises(ComparisonError, match="both treated and candidates"):
        match_peers(six, ["001"], ["001", "002"])


@pytest.fixture
def small_world() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Eight municipalities in three regions: area X (101, 102 in R1), area Y (201 in R2,
    unverified), a dropped area Z (103, not_in_trial) and TE-office municipalities."""
    municipalities = pd.DataFrame(
        {
            "code": ["101", "102", "103", "104", "201", "202", "301", "302"],
            "name_en": ["A", "B", "C", "D", "E", "F", "G", "H"],
            "region_code": ["R1", "R1", "R1", "R1", "R2", "R2", "MK21", "R3"],
            "urban_rural_class": ["urban", "rural", "rural", "urban"] * 2,
        }
    )
    memberships = pd.DataFrame(
        {
            "municipality_code": ["101", "102", "201", "103"],
            "area_id": ["X", "X", "Y", "Z"],
            "member_from": ["2021-03-01", "2021-03-01", "2021-03-01", None],
            "member_to": ["2024-12-31", "2024-12-31", "2024-12-31", None],
            "status": ["confirmed", "confirmed", "probable", "not_in_trial"],
        }
    )
    return municipalities, memberships


def test_all_other_leaves_unverified_out_of_both_sides(
    small_world: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    munis, members = small_world
    assert trial_members(members) == ("101", "102")
    assert trial_members(members, include_unverified=True) == ("101", "102", "201")
    assert trial_members(members, area="Y") == ()
    assert trial_area_ids(members) == ("X", "Y")  # Z was dropped
    group = comparison_group("all_other", munis, members)
    assert group.treated == ("101", "102")
    # 201 is unverified: neither treated nor control. 103 (not_in_trial) is an ordinary
    # control. The Åland municipality 301 is no TE-office municipality: left out, with a note
    assert group.control == ("103", "104", "202", "302")
    assert list(group.excluded["code"]) == ["201", "301"]
    assert "unverified" in group.excluded["reason"].iloc[0]
    assert "AMS" in group.excluded["reason"].iloc[1]
    assert group.notes == (
        Message("group.unverified_excluded", {"names": ("E (201)",)}),
        Message("group.kitee", {"names": ("C (103)",)}),
        Message("group.aland", {"n": 1}, count="n"),
    )
    assert "Kitee" in render(group.notes[1], "en") and "Kiteen" in render(group.notes[1], "fi")
    assert "1 åländsk kommun ingår inte" in render(group.notes[2], "sv")

    included = comparison_group("all_other", munis, members, include_unverified=True)
    assert included.treated == ("101", "102", "201")
    assert included.control == group.control
    assert list(included.excluded["code"]) == ["301"]


def test_area_groups_leave_other_areas_out(
    small_world: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    munis, members = small_world
    y = comparison_group("all_other", munis, members, area="Y", include_unverified=True)
    assert y.treated == ("201",)
    assert "101" not in y.control and "102" not in y.control
    with pytest.raises(ComparisonError, match="unverified"):
        comparison_group("all_other", munis, members, area="Y")
    with pytest.raises(ComparisonError, match="unknown trial area"):
        comparison_group("all_other", munis, members, area="Q")


def test_same_regions(small_world: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    munis, members = small_world
    x = comparison_group("same_regions", munis, members, area="X")
    assert x.control == ("103", "104")  # R1 only
    pooled = comparison_group("same_regions", munis, members, include_unverified=True)
    assert pooled.control == ("103", "104", "202")  # R1 and R2
    assert set(pooled.control) <= set(comparison_group("all_other", munis, members).control)


def test_matched_group_through_comparison_group(
    small_world: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    munis, members = small_world
    cov = munis[["code", "region_code", "urban_rural_class"]].assign(
        pre_level=[5.0, 9.0, 8.8, 5.2, 7.0, 7.1, 9.1, 3.0],
        pre_trend=-1.0,
        log_labour_force=8.0,
    )
    group = comparison_group("matched", munis, members, covariates=cov, k=1)
    assert group.match is not None
    # 101 (urban, 5.0) → 104 (urban, 5.2); 102 (rural, 9.0) → 103 (8.8): the closer 301 (9.1)
    # is in Åland, whose services no TE office runs, so it is no candidate peer
    assert dict(zip(group.match.table["treated"], group.match.table["peer"], strict=True)) == {
        "101": "104",
        "102": "103",
    }
    assert group.control == ("103", "104")
    with pytest.raises(ComparisonError, match="covariates"):
        comparison_group("matched", munis, members)
    with pytest.raises(ComparisonError, match="unknown comparison"):
        comparison_group("nearest", munis, members)  # type: ignore[arg-type]


def _synthetic_obs(shares: dict[str, list[float]], months: list[str]) -> pd.DataFrame:
    """Synthetic observations: labour force 1,000 and unemployed = 10 × share."""
    rows = []
    for code, series in shares.items():
        for month, share in zip(months, series, strict=True):
            suppressed = bool(np.isnan(share))
            for indicator, value in (
                ("labour_force", 1000.0),
                ("unemployed_jobseekers", np.nan if suppressed else 10.0 * share),
            ):
                rows.append((indicator, "municipality", code, month, value, suppressed, False))
    return pd.DataFrame(rows, columns=queries.OBS_COLUMNS)


def test_matching_covariates_by_hand() -> None:
    months = [str(p) for p in pd.period_range("2017-01", "2020-02", freq="M")]
    i = np.arange(len(months))
    seasonal = np.array([0.6, 0.5, 0.2, -0.1, -0.4, -0.6, -0.6, -0.3, 0.0, 0.1, 0.2, 0.4])
    assert seasonal.sum() == pytest.approx(0.0)
    # +0.1 pp a month (1.2 pp a year) plus a seasonal pattern whose year mean is zero
    trending = list(5.0 + 0.1 * i + seasonal[i % 12])
    # Suppressed in all but 3 of the 12 level months: too few for a level
    sparse = [4.0] * len(months)
    for j in range(len(months) - 12, len(months) - 3):
        sparse[j] = np.nan
    obs = _synthetic_obs({"001": trending, "002": sparse}, months)
    munis = pd.DataFrame(
        {"code": ["001", "002"], "region_code": ["R", "R"], "urban_rural_class": ["u", "u"]}
    )
    cov = matching_covariates(obs, munis).set_index("code")
    # Level months 2019-03..2020-02 are i = 26..37: 5 + 0.1 × 31.5 = 8.15, seasonal mean 0
    assert cov.loc["001", "pre_level"] == pytest.approx(8.15)
    # The calendar-month effects remove the seasonal tilt of a 38-month window exactly
    assert cov.loc["001", "pre_trend"] == pytest.approx(1.2)
    assert cov.loc["001", "log_labour_force"] == pytest.approx(math.log(1000))
    assert cov.loc["001", "n_level_months"] == 12
    assert math.isnan(cov.loc["002", "pre_level"])
    assert cov.loc["002", "pre_trend"] == pytest.approx(0.0)  # 29 of 38 months: enough


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        ("fi", ("kolme lähintä", "kuntaryhmään", "standardoidaan", "Kiteen", "Ahvenanmaan")),
        ("sv", ("tre närmaste", "kommungrupp", "standardiseras", "Kitee", "åländska")),
        ("en", ("three nearest", "urban/rural class", "standardised", "Kitee", "Åland")),
    ],
)
def test_method_note(lang: str, phrases: tuple[str, ...]) -> None:
    """The catalogue's method text explains the comparison groups and the matching."""
    text = t("evaluation.method", lang)
    for phrase in phrases:
        assert phrase in text, phrase
    assert "A25a" in text


# --------------------------------------------------------------------------------------------
# Real data
# --------------------------------------------------------------------------------------------


def test_real_group_sizes_on_both_backends(real_engine: Engine) -> None:
    munis = queries.municipalities(real_engine)
    members = queries.memberships(real_engine)
    assert len(munis) == 309
    assert len(trial_area_ids(members)) == 25
    group = comparison_group("all_other", munis, members)
    # Every membership is confirmed since the December 2026 data update (A19 included)
    assert (len(group.treated), len(group.control)) == (118, 175)  # 309 − 118 − 16 in Åland
    assert {"271", "609", "886"} <= set(group.treated)
    assert set(group.treated).isdisjoint(group.control)
    # The Kitee group is on the control side
    assert {"090", "146", "176", "260", "422", "707", "848"} <= set(group.control)


@pytest.fixture(scope="module")
def real(real_sqlite_url: str) -> dict[str, pd.DataFrame]:
    engine = make_engine(real_sqlite_url)
    try:
        obs = queries.observations(
            engine,
            indicators=["unemployed_jobseekers", "labour_force", "unemployed_share_pct"],
            level="municipality",
            since="2017-01",
            until="2020-02",
        )
        return {
            "obs": obs,
            "municipalities": queries.municipalities(engine),
            "memberships": queries.memberships(engine),
        }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def real_covariates(real: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return matching_covariates(real["obs"], real["municipalities"])


def test_real_same_regions_is_a_subset_of_all_other(real: dict[str, pd.DataFrame]) -> None:
    munis, members = real["municipalities"], real["memberships"]
    all_other = comparison_group("all_other", munis, members)
    same = comparison_group("same_regions", munis, members)
    assert 0 < len(same.control) < len(all_other.control)
    assert set(same.control) <= set(all_other.control)
    region = munis.set_index("code")["region_code"]
    assert {region[c] for c in same.control} <= {region[c] for c in same.treated}
    assert "MK21" not in {region[c] for c in same.control}  # no trial area in Åland
    helsinki = comparison_group("same_regions", munis, members, area="A01")
    assert {region[c] for c in helsinki.control} == {"MK01"}


def test_real_covariates(real_covariates: pd.DataFrame) -> None:
    cov = real_covariates.set_index("code")
    assert len(cov) == 309
    complete = cov[list(COVARIATES)].notna().all(axis=1)
    assert complete.sum() >= 300
    # Only small Åland municipalities lack covariates (suppressed counts)
    assert set(cov.loc[~complete, "region_code"]) == {"MK21"}
    # Helsinki: about 9 % unemployed before COVID, falling, the largest labour force
    assert 7 < cov.loc["091", "pre_level"] < 12
    assert cov.loc["091", "pre_trend"] < 0
    assert cov["log_labour_force"].idxmax() == "091"


def test_real_matched_helsinki(
    real: dict[str, pd.DataFrame], real_covariates: pd.DataFrame
) -> None:
    munis, members = real["municipalities"], real["memberships"]
    group = comparison_group("matched", munis, members, area="A01", covariates=real_covariates)
    assert group.treated == ("091",)
    assert len(group.control) == 3 and len(set(group.control)) == 3
    all_other = set(comparison_group("all_other", munis, members).control)
    assert set(group.control) <= all_other
    assert group.match is not None
    table = group.match.table
    assert list(table["rank"]) == [1, 2, 3]
    assert table["distance"].is_monotonic_increasing
    classes = munis.set_index("code")["urban_rural_class"]
    assert {classes[c] for c in group.control} == {classes["091"]}  # exact class match
    level = group.match.balance.set_index("covariate").loc["pre_level"]
    assert abs(level["smd_after"]) < abs(level["smd_before"])
    # Reproducible: the same inputs give the same peers
    again = comparison_group("matched", munis, members, area="A01", covariates=real_covariates)
    assert again.control == group.control


def test_real_matched_pooled(real: dict[str, pd.DataFrame], real_covariates: pd.DataFrame) -> None:
    munis, members = real["municipalities"], real["memberships"]
    for kind in COMPARISONS:
        group = comparison_group(kind, munis, members, covariates=real_covariates)
        assert len(group.treated) == 118
    matched = comparison_group("matched", munis, members, covariates=real_covariates)
    assert matched.match is not None
    assert len(matched.match.table) == 118 * 3
    assert set(matched.control) <= set(comparison_group("all_other", munis, members).control)
