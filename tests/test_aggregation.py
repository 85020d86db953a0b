"""Aggregation rules on purpose-built frames with answers worked out by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from catalogue.definitions import SERVICE_COMPONENTS
from indicators import aggregation
from indicators.aggregation import AggregationError, aggregate, unit_values, units_frame


def obs(rows: list[tuple[str, str, str, float | None]], suppressed: set[tuple] = frozenset()):
    """Observation rows (indicator, area_code, month, value); None = not published."""
    frame = pd.DataFrame(rows, columns=["indicator", "area_code", "month", "value"])
    frame["value"] = frame["value"].astype("float64")
    frame["suppressed"] = [(r[0], r[1], r[2]) in suppressed or r[3] is None for r in rows]
    frame["area_level"] = "municipality"
    return frame


PANEL = obs(
    [
        ("unemployed_jobseekers", "A", "2021-03", 10),
        ("labour_force", "A", "2021-03", 100),
        ("unemployed_jobseekers", "B", "2021-03", 30),
        ("labour_force", "B", "2021-03", 1000),
        ("unemployed_jobseekers", "C", "2021-03", 5),
        ("labour_force", "C", "2021-03", 50),
        ("unemployed_jobseekers", "A", "2021-04", 12),
        ("labour_force", "A", "2021-04", 100),
        ("unemployed_jobseekers", "B", "2021-04", None),
        ("labour_force", "B", "2021-04", 1000),
        ("unemployed_jobseekers", "C", "2021-04", 6),
        ("labour_force", "C", "2021-04", 50),
    ]
)
# One group of the three units of PANEL
ABC = units_frame({"g": ["A", "B", "C"]})


def test_counts_sum() -> None:
    result = aggregate(PANEL, ABC, "unemployed_jobseekers", ["2021-03"])
    assert result["value"].tolist() == [45.0]
    assert result["n_units"].tolist() == [3] and result["n_reported"].tolist() == [3]


def test_rate_is_ratio_of_sums_not_mean_of_rates() -> None:
    result = aggregate(PANEL, units_frame({"g": ["A", "B"]}), "unemployed_share_pct", ["2021-03"])
    # (10 + 30) / (100 + 1000) = 3.636…%, while the mean of 10 % and 3 % would be 6.5 %.
    assert result["value"].iloc[0] == pytest.approx(100 * 40 / 1100)
    assert (result["numerator"].iloc[0], result["denominator"].iloc[0]) == (40, 1100)


def test_missing_member_is_reported_not_zero() -> None:
    result = aggregate(PANEL, ABC, "unemployed_share_pct", ["2021-04"], min_coverage=0.5)
    row = result.iloc[0]
    assert row["missing"] == ("B",)
    assert row["n_reported"] == 2
    # B's labour force is left out with its count: (12 + 6) / (100 + 50).
    assert row["value"] == pytest.approx(100 * 18 / 150)


def test_too_few_reporting_members_gives_no_value() -> None:
    result = aggregate(PANEL, ABC, "unemployed_jobseekers", ["2021-04"], min_coverage=0.9)
    assert math.isnan(result["value"].iloc[0])
    assert result["missing"].iloc[0] == ("B",)


def test_unit_absent_from_data_counts_as_missing() -> None:
    result = aggregate(
        PANEL,
        units_frame({"g": ["A", "Z"]}),
        "unemployed_jobseekers",
        ["2021-03"],
        min_coverage=0.5,
    )
    assert result["missing"].iloc[0] == ("Z",)
    assert result["value"].iloc[0] == 10


def test_membership_is_dated() -> None:
    units = pd.DataFrame(
        {
            "group": ["g", "g"],
            "unit_code": ["A", "C"],
            "member_from": ["2021-03-01", "2021-04-01"],
            "member_to": [None, None],
        }
    )
    result = aggregate(PANEL, units, "unemployed_jobseekers").set_index("month")
    assert result.loc["2021-03", "value"] == 10  # C joins only in April
    assert result.loc["2021-03", "n_units"] == 1
    assert result.loc["2021-04", "value"] == 18


def test_suppressed_value_is_never_summed() -> None:
    panel = obs(
        [
            ("unemployed_jobseekers", "A", "2021-03", 3),
            ("unemployed_jobseekers", "B", "2021-03", 40),
        ],
        suppressed={("unemployed_jobseekers", "A", "2021-03")},
    )
    result = aggregate(
        panel, units_frame({"g": ["A", "B"]}), "unemployed_jobseekers", min_coverage=0
    )
    assert result["value"].iloc[0] == 40
    assert result["missing"].iloc[0] == ("A",)


def test_sum_of_components_needs_every_component() -> None:
    components = ["unemployed_jobseekers", *SERVICE_COMPONENTS]
    rows = [(c, "A", "2021-03", 1.0) for c in components]
    rows += [(c, "B", "2021-03", 2.0) for c in components[:-1]]  # B lacks one service
    result = aggregate(
        obs(rows), units_frame({"g": ["A", "B"]}), "unemployed_plus_services", min_coverage=0
    )
    assert result["value"].iloc[0] == 7.0
    assert result["missing"].iloc[0] == ("B",)


def test_levels_and_published_only_rates_do_not_aggregate() -> None:
    with pytest.raises(AggregationError, match="does not aggregate"):
        aggregate(PANEL, units_frame({"g": ["A"]}), "avg_jobseeking_duration_weeks")
    with pytest.raises(AggregationError, match="published only as a rate"):
        aggregate(PANEL, units_frame({"g": ["A"]}), "activation_rate_pct")


def test_unit_values_fall_back_to_the_published_rate() -> None:
    panel = pd.concat(
        [
            PANEL,
            obs(
                [
                    ("unemployed_share_pct", "A", "2021-03", 9.9),
                    ("unemployed_share_pct", "A", "2024-12", 8.0),
                ]
            ),
        ]
    )
    values = unit_values(panel, "unemployed_share_pct").set_index(["area_code", "month"])
    # Computed from counts where they exist (10 / 100), published otherwise.
    assert values.loc[("A", "2021-03"), "value"] == pytest.approx(10.0)
    assert not values.loc[("A", "2021-03"), "published"]
    assert values.loc[("A", "2024-12"), "value"] == 8.0
    assert values.loc[("A", "2024-12"), "published"]
    assert math.isnan(values.loc[("B", "2021-04"), "value"])


MEMBERS = pd.DataFrame(
    {
        "municipality_code": ["A", "B", "C", "D"],
        "area_id": ["X", "X", "Y", "Z"],
        "member_from": ["2021-03-01", "2021-03-01", "2021-03-01", None],
        "member_to": ["2024-12-31", "2022-12-31", "2024-12-31", None],
        "status": ["confirmed", "confirmed", "probable", "not_in_trial"],
    }
)


def test_active_members_respects_dates_and_status() -> None:
    in_2023 = aggregation.active_members(MEMBERS, month="2023-01")
    assert in_2023["municipality_code"].tolist() == ["A"]
    with_unverified = aggregation.active_members(MEMBERS, month="2023-01", include_unverified=True)
    assert with_unverified["municipality_code"].tolist() == ["A", "C"]
    assert aggregation.active_members(MEMBERS, month="2020-12").empty


def test_trial_and_rest_leave_unverified_out_of_both() -> None:
    groups = aggregation.trial_and_rest(MEMBERS, ["A", "B", "C", "D", "E"])
    assert groups == {"trial": ["A", "B"], "rest": ["D", "E"]}
    included = aggregation.trial_and_rest(
        MEMBERS, ["A", "B", "C", "D", "E"], include_unverified=True
    )
    assert included == {"trial": ["A", "B", "C"], "rest": ["D", "E"]}
