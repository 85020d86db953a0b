"""Tests of the randomisation inference for a per-area DiD and of the placebo calibration study.

All panels here are SYNTHETIC test data: simulated two-way panels or hand-written numbers.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from linearmodels import PanelOLS

from indicators.inference import InferenceError, placebo_did, twfe_did
from scripts.placebo_study import aggregate_series, placebo_study

EVENT = "2021-03"


def two_way_panel(
    n_units: int = 60, effect: float = 0.0, treated: int = 3, seed: int = 0
) -> pd.DataFrame:
    """SYNTHETIC monthly panel 2019-01..2024-12: unit and month effects, AR(1) noise."""
    rng = np.random.default_rng(seed)
    months = pd.period_range("2019-01", "2024-12", freq="M").astype(str)
    units = [f"m{i:03d}" for i in range(n_units)]
    noise = np.zeros((n_units, len(months)))
    shocks = rng.normal(scale=0.3, size=noise.shape)
    for t in range(len(months)):
        noise[:, t] = (0.7 * noise[:, t - 1] if t else 0) + shocks[:, t]
    level = rng.normal(8, 2, size=n_units)[:, None]
    season = np.sin(np.arange(len(months)) * 2 * np.pi / 12)[None, :]
    values = level + season + noise
    post = np.asarray(months >= EVENT)
    values[:treated, post] += effect
    return pd.DataFrame(
        {
            "unit": np.repeat(units, len(months)),
            "month": np.tile(months, n_units),
            "y": values.ravel(),
        }
    )


def panelols(frame: pd.DataFrame, treated: list[str]) -> float:
    data = frame.dropna(subset=["y"]).copy()
    data["time"] = pd.PeriodIndex(data["month"], freq="M").to_timestamp()
    data["D"] = (data["unit"].isin(treated) & (data["month"] >= EVENT)).astype(float)
    data = data.set_index(["unit", "time"])
    fit = PanelOLS(data["y"], data[["D"]], entity_effects=True, time_effects=True).fit()
    return float(fit.params["D"])


# The columns of two_way_panel and its event
COLUMNS: dict[str, object] = {
    "outcome": "y",
    "unit": "unit",
    "period": "month",
    "first_treated_period": EVENT,
}


def twfe(frame: pd.DataFrame, treated: list[str]) -> float:
    return twfe_did(frame, treated_units=treated, **COLUMNS)  # type: ignore[arg-type]


def run(frame: pd.DataFrame, treated: list[str], **kwargs: object) -> object:
    return placebo_did(frame, **{**COLUMNS, "treated_units": treated, **kwargs})  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The estimate
# --------------------------------------------------------------------------------------------


def test_twfe_matches_panelols_on_a_balanced_panel() -> None:
    frame = two_way_panel(effect=0.7)
    treated = ["m000", "m001", "m002"]
    ours = twfe(frame, treated)
    assert ours == pytest.approx(panelols(frame, treated), abs=1e-10)


def test_twfe_matches_panelols_on_an_unbalanced_panel() -> None:
    frame = two_way_panel(effect=0.7, seed=1)
    rng = np.random.default_rng(2)
    frame.loc[rng.random(len(frame)) < 0.05, "y"] = np.nan
    frame = frame.drop(index=frame.sample(frac=0.03, random_state=3).index)
    treated = ["m000", "m001", "m002"]
    ours = twfe(frame, treated)
    assert ours == pytest.approx(panelols(frame, treated), abs=1e-10)
    result = run(frame, treated, n_draws=50)
    assert not result.balanced
    assert result.estimate == pytest.approx(ours)
    # Each placebo estimate too (checked on a few fake groups)
    donors = frame[~frame["unit"].isin(treated)]
    result = run(frame, treated, n_draws=50, keep_groups=True)
    assert result.groups is not None
    for group, value in list(zip(result.groups, result.placebo, strict=True))[:3]:
        assert value == pytest.approx(panelols(donors, list(group)), abs=1e-10)


def test_balanced_estimate_is_the_difference_of_mean_changes() -> None:
    frame = two_way_panel(n_units=10, effect=1.0)
    post = frame["month"] >= EVENT
    change = frame[post].groupby("unit")["y"].mean() - frame[~post].groupby("unit")["y"].mean()
    expected = change.iloc[:3].mean() - change.iloc[3:].mean()
    result = run(frame, ["m000", "m001", "m002"])
    assert result.balanced
    assert result.estimate == pytest.approx(expected)


# --------------------------------------------------------------------------------------------
# The randomisation test
# --------------------------------------------------------------------------------------------


def test_p_value_by_hand_with_one_treated_unit() -> None:
    """Five units, two periods (before/after). Changes: A +5 (treated), B 0, C 1, D 2, E 3.

    Actual estimate: 5 - mean(0, 1, 2, 3) = 3.5. Placebos (each donor against the other three):
    B 0 - 2 = -2, C 1 - 5/3 = -2/3, D 2 - 4/3 = 2/3, E 3 - 1 = 2. None reaches |3.5|, so
    p = (1 + 0) / (1 + 4) = 0.2, the smallest possible value. With A's change 2, the estimate is
    2 - 1.5 = 0.5 and |placebo| >= 0.5 for all four: p = 5/5 = 1.
    """
    rows = []
    for unit, change in {"A": 5.0, "B": 0.0, "C": 1.0, "D": 2.0, "E": 3.0}.items():
        rows += [(unit, "2021-02", 10.0), (unit, "2021-03", 10.0 + change)]
    frame = pd.DataFrame(rows, columns=["unit", "month", "y"])
    result = run(frame, ["A"])
    assert result.estimate == pytest.approx(3.5)
    assert sorted(result.placebo) == pytest.approx([-2, -2 / 3, 2 / 3, 2])
    assert result.enumerated and result.n_draws == 4
    assert result.p_value == pytest.approx(0.2)
    frame.loc[(frame["unit"] == "A") & (frame["month"] == "2021-03"), "y"] = 12.0
    assert run(frame, ["A"]).p_value == pytest.approx(1.0)


def test_one_treated_unit_uses_every_donor_and_p_is_never_zero() -> None:
    frame = two_way_panel(n_units=40, effect=5.0, treated=1)
    result = run(frame, ["m000"])
    assert result.enumerated
    assert result.n_draws == 39 and result.n_donors == 39
    assert result.p_value == pytest.approx(1 / 40)
    assert result.p_value > 0


def test_sampled_draws_are_seeded() -> None:
    frame = two_way_panel(n_units=40)
    treated = ["m000", "m001", "m002", "m003"]
    first = run(frame, treated, n_draws=100, seed=1)
    again = run(frame, treated, n_draws=100, seed=1)
    other = run(frame, treated, n_draws=100, seed=2)
    assert not first.enumerated and first.n_draws == 100
    assert np.array_equal(first.placebo, again.placebo)
    assert not np.array_equal(first.placebo, other.placebo)
    assert 1 / 101 <= first.p_value <= 1
    # Default: every group when there are at most 1000 of them, else 500 draws
    assert run(frame, treated[:2]).n_draws == math.comb(38, 2)
    assert run(frame, treated).n_draws == 500


def test_interval_inverts_the_test_under_a_constant_effect() -> None:
    frame = two_way_panel(n_units=50, effect=0.8, treated=2, seed=4)
    treated = ["m000", "m001"]
    result = run(frame, treated)
    assert result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < result.estimate < result.ci_high
    treated_post = frame["unit"].isin(treated) & (frame["month"] >= EVENT)

    def p_at(tau: float) -> float:
        shifted = frame.assign(y=frame["y"] - tau * treated_post)
        return float(run(shifted, treated).p_value)

    for edge in (result.ci_low, result.ci_high):
        inward = edge + 1e-6 * np.sign(result.estimate - edge)
        outward = edge - 1e-6 * np.sign(result.estimate - edge)
        assert p_at(inward) > 0.05
        assert p_at(outward) <= 0.05


def test_no_interval_with_too_few_draws() -> None:
    frame = two_way_panel(n_units=10)
    result = run(frame, ["m000"])
    assert result.n_draws == 9
    assert result.ci_low is None and result.ci_high is None
    assert "no interval" in result.summary()


def test_units_without_any_outcome_are_dropped() -> None:
    frame = two_way_panel(n_units=20)
    frame.loc[frame["unit"] == "m019", "y"] = np.nan
    result = run(frame, ["m000"])
    assert result.dropped["unit"].tolist() == ["m019"]
    assert result.n_donors == 18


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"treated_units": ["zz"]}, "treated units not in column 'unit'"),
        ({"treated_units": "m000"}, "lists of units, not one string"),
        ({"treated_units": []}, "treated_units is empty"),
        ({"donors": ["m000", "m005"]}, "both treated and donors"),
        ({"donors": ["m005", "qq"]}, "donors not in column 'unit'"),
        ({"donors": ["m005"]}, "more donors than treated units"),
        ({"n_draws": 0}, "n_draws must be a positive integer"),
        ({"confidence": 1.5}, "confidence must be between 0 and 1"),
        ({"first_treated_period": 2021}, "cannot be compared"),
        ({"outcome": "nope"}, "frame has no column 'nope'"),
    ],
)
def test_errors_name_what_is_wrong(kwargs: dict[str, object], message: str) -> None:
    frame = two_way_panel(n_units=8)
    with pytest.raises(InferenceError, match=message):
        run(frame, ["m000"], **kwargs)


def test_repeated_rows_are_rejected() -> None:
    frame = two_way_panel(n_units=8)
    frame = pd.concat([frame, frame.iloc[[0]]], ignore_index=True)
    with pytest.raises(InferenceError, match="rows repeat"):
        run(frame, ["m000"])
    assert issubclass(InferenceError, ValueError)


# --------------------------------------------------------------------------------------------
# The placebo calibration study (small version)
# --------------------------------------------------------------------------------------------


def test_aggregate_series_is_the_weighted_mean() -> None:
    panel = pd.DataFrame(
        {
            "unit": ["a", "b", "a", "b"],
            "month": ["2021-01", "2021-01", "2021-02", "2021-02"],
            "value": [10.0, 20.0, 10.0, np.nan],
            "weight": [1.0, 3.0, 1.0, 3.0],
        }
    )
    series = aggregate_series(panel, ["a", "b"], "area")
    assert series["value"].tolist() == pytest.approx([17.5, 10.0])
    assert set(series["unit"]) == {"area"}


def test_placebo_study_rejects_rarely_without_an_effect() -> None:
    """20 fake areas on a SYNTHETIC null panel: loose bound on the rejection rate at 5 %."""
    panel = two_way_panel(n_units=60, seed=5).rename(columns={"y": "value"})
    result = placebo_study(panel, sizes=[1, 2, 4], n_fake=20, seed=1, n_draws=200)
    assert len(result.table) == 20
    assert result.table["size"].tolist()[:4] == [1, 2, 4, 1]
    assert result.n_pool == 60
    assert set(result.rejection.index) == {"sc", "sc_good_fit", "sc_holdout", "did"}
    assert result.rejection["did"] <= 0.25
    assert result.rejection["sc_holdout"] <= 0.25
    assert result.table["did_p"].between(1 / 201, 1).all()
    assert result.table["sc_p"].between(1 / 60, 1).all()
