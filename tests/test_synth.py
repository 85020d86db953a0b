"""Tests of the synthetic control: the weights, the placebo p-value, the fit verdict, errors.

Panels built here are SYNTHETIC test data (simulated factor models or hand-written numbers),
except the Proposition 99 panel, which is read from the installed ``synthdid-py`` package.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.synth import (
    FIT_REASONS,
    PlaceboCache,
    SynthError,
    simplex_weights,
    synthetic_control,
)


def factor_panel(
    n_donors: int = 40,
    n_periods: int = 36,
    first: int = 24,
    effect: float = 2.0,
    noise: float = 0.05,
    seed: int = 0,
) -> tuple[pd.DataFrame, np.ndarray]:
    """SYNTHETIC factor-model panel; the treated unit "T" loads like a mix of five donors."""
    rng = np.random.default_rng(seed)
    factors = np.column_stack([np.ones(n_periods), rng.normal(size=(n_periods, 2)).cumsum(0)])
    loadings = rng.normal(size=(3, n_donors)) + np.array([[10.0], [0.0], [0.0]])
    donors = factors @ loadings + rng.normal(scale=noise, size=(n_periods, n_donors))
    mix = np.zeros(n_donors)
    mix[:5] = [0.4, 0.3, 0.15, 0.1, 0.05]
    treated = factors @ (loadings @ mix) + rng.normal(scale=noise, size=n_periods)
    treated[first:] += effect
    rows = [(f"d{j:02d}", t, donors[t, j]) for j in range(n_donors) for t in range(n_periods)]
    rows += [("T", t, treated[t]) for t in range(n_periods)]
    return pd.DataFrame(rows, columns=["unit", "period", "y"]), mix


def fit(frame: pd.DataFrame, **kwargs: object) -> object:
    options: dict[str, object] = {
        "outcome": "y",
        "unit": "unit",
        "period": "period",
        "treated_unit": "T",
        "first_treated_period": 24,
    }
    options.update(kwargs)
    return synthetic_control(frame, **options)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------
# The weights
# --------------------------------------------------------------------------------------------


def test_simplex_weights_exact_for_a_convex_combination() -> None:
    rng = np.random.default_rng(1)
    donors = rng.normal(size=(30, 8)) + 5
    true = np.array([0.5, 0.0, 0.3, 0.0, 0.2, 0.0, 0.0, 0.0])
    sol = simplex_weights(donors, donors @ true)
    assert sol.weights == pytest.approx(true, abs=1e-9)
    assert sol.loss == pytest.approx(0.0, abs=1e-18)
    assert sol.sum_error < 1e-12
    assert sol.method == "nnls+active-set"


def test_simplex_weights_meet_the_constraints_and_the_optimality_conditions() -> None:
    rng = np.random.default_rng(2)
    for _ in range(50):
        t, j = rng.integers(3, 30), rng.integers(2, 200)
        donors = rng.normal(size=(t, j)) * rng.choice([1e-3, 1.0, 1e3]) + rng.choice([0, 50])
        target = rng.normal(size=t) * donors.std() + donors.mean()
        sol = simplex_weights(donors, target)
        assert sol.weights.min() >= 0
        assert abs(sol.weights.sum() - 1) < 1e-6
        assert sol.sum_error < 1e-12
        assert sol.kkt_violation < 1e-8


def test_simplex_weights_agree_with_slsqp_outside_the_hull() -> None:
    from scipy.optimize import minimize

    rng = np.random.default_rng(3)
    donors = rng.normal(size=(20, 12))
    target = donors.max(axis=1) + 0.5
    sol = simplex_weights(donors, target)
    res = minimize(
        lambda w: np.sum((target - donors @ w) ** 2),
        np.full(12, 1 / 12),
        method="SLSQP",
        bounds=[(0, 1)] * 12,
        constraints={"type": "eq", "fun": lambda w: w.sum() - 1},
        options={"ftol": 1e-14, "maxiter": 1000},
    )
    assert sol.loss <= res.fun + 1e-9
    assert sol.weights == pytest.approx(res.x, abs=1e-5)


def test_simplex_weights_reject_missing_values_and_bad_shapes() -> None:
    with pytest.raises(SynthError, match="missing or infinite"):
        simplex_weights(np.array([[1.0, np.nan]]), np.array([1.0]))
    with pytest.raises(SynthError, match="donors must be"):
        simplex_weights(np.ones((3, 2)), np.ones(4))


# --------------------------------------------------------------------------------------------
# The estimator
# --------------------------------------------------------------------------------------------


def test_recovers_a_known_effect_on_a_factor_model_panel() -> None:
    frame, _ = factor_panel(effect=2.0)
    result = fit(frame)
    assert result.weights.min() >= 0
    assert result.weights.sum() == pytest.approx(1.0, abs=1e-12)
    assert result.effect == pytest.approx(2.0, abs=0.15)
    assert result.gap.loc[24:].mean() == pytest.approx(result.effect)
    assert (result.treated - result.synthetic).equals(result.gap)
    assert result.fit == "good" and result.fit_reasons == ()
    assert result.pre_rmspe < 0.1
    assert result.ratio == pytest.approx(result.post_rmspe / result.pre_rmspe)
    # With a clear effect the treated unit has the largest ratio of the 41 units
    assert result.p_value == pytest.approx(1 / 41)
    assert result.placebo is not None and result.placebo.shape == (36, 40)
    assert result.n_placebo_units == 41
    assert result.pre_periods == tuple(range(24))
    assert result.post_periods == tuple(range(24, 36))


def test_exact_recovery_when_the_treated_unit_is_a_convex_combination() -> None:
    frame, mix = factor_panel(n_donors=12, effect=1.5)
    # Rebuild the treated unit from the donors' own (noisy, so linearly independent) values:
    # with fewer donors than pre-periods the exact mix is the unique best fit
    wide = frame.pivot(index="period", columns="unit", values="y")
    donors = wide.drop(columns="T")
    exact = donors.to_numpy() @ mix[:12] + np.where(donors.index >= 24, 1.5, 0.0)
    frame.loc[frame["unit"] == "T", "y"] = exact
    result = fit(frame, placebo=False)
    assert result.weights.to_numpy() == pytest.approx(mix[:12], abs=1e-8)
    assert result.pre_rmspe == pytest.approx(0.0, abs=1e-10)
    assert result.gap.loc[24:].to_numpy() == pytest.approx(np.full(12, 1.5), abs=1e-9)
    assert result.effect == pytest.approx(1.5, abs=1e-9)
    assert result.p_value is None and result.placebo is None


def test_placebo_p_value_by_hand() -> None:
    """Hand-computed: donors B = 0 and C = 1 in every period; treated A = 0.5 ± 0.1 before.

    A's best synthetic is 0.5 (weights ½, ½): pre gaps ±0.1 (RMSPE 0.1), post gaps ±0.3
    (RMSPE 0.3), ratio 3. Placebo B (donor C only) has gap −1 throughout, ratio 1; placebo C
    likewise +1, ratio 1. So p = #{ratio >= 3} / 3 = 1/3.
    """
    a_pre, a_post = [0.6, 0.4, 0.6, 0.4], [0.8, 0.2]
    rows = [("B", t, 0.0) for t in range(6)] + [("C", t, 1.0) for t in range(6)]
    frame = pd.DataFrame(rows + [("A", t, v) for t, v in enumerate(a_pre + a_post)])
    frame.columns = ["unit", "period", "y"]
    result = fit(frame, treated_unit="A", first_treated_period=4, min_pre_periods=2)
    assert result.pre_rmspe == pytest.approx(0.1)
    assert result.post_rmspe == pytest.approx(0.3)
    assert result.ratio == pytest.approx(3.0)
    assert result.placebo_stats is not None
    assert result.placebo_stats.loc[["B", "C"], "ratio"].tolist() == pytest.approx([1.0, 1.0])
    assert result.placebo is not None
    assert result.placebo["B"].tolist() == pytest.approx([-1.0] * 6)
    assert result.p_value == pytest.approx(1 / 3)
    # A tie counts against the treated unit: with post gaps ±0.1 all three ratios are 1
    frame.loc[(frame["unit"] == "A") & (frame["period"] >= 4), "y"] = [0.6, 0.4]
    tied = fit(frame, treated_unit="A", first_treated_period=4, min_pre_periods=2)
    assert tied.ratio == pytest.approx(1.0)
    assert tied.p_value == pytest.approx(1.0)


def test_holdout_ratio_uses_out_of_sample_errors() -> None:
    frame, _ = factor_panel(effect=2.0)
    result = fit(frame, holdout=6)
    assert result.holdout == 6
    assert result.placebo_stats is not None
    stats = result.placebo_stats
    assert "ratio_denominator" in stats
    assert result.ratio == pytest.approx(stats.loc["T", "ratio"])
    assert result.p_value == pytest.approx(1 / 41)
    # The estimate itself still comes from the whole pre-period
    assert result.effect == pytest.approx(fit(frame, placebo=False).effect)
    with pytest.raises(SynthError, match="holdout=20 leaves 4 of 24"):
        fit(frame, holdout=20)


def test_month_strings_as_periods() -> None:
    frame, _ = factor_panel(n_donors=10, n_periods=30, first=24)
    months = pd.period_range("2019-01", periods=30, freq="M").astype(str)
    frame["period"] = [months[t] for t in frame["period"]]
    result = fit(frame, first_treated_period=months[24])
    assert result.pre_periods[0] == "2019-01" and result.post_periods[0] == months[24]
    with pytest.raises(SynthError, match=r"cannot be compared|must be a string"):
        fit(frame, first_treated_period=24)


# --------------------------------------------------------------------------------------------
# The fit verdict
# --------------------------------------------------------------------------------------------


def test_fit_verdict_flags_a_treated_unit_outside_the_donors_range() -> None:
    frame, _ = factor_panel(n_donors=15)
    wide = frame.pivot(index="period", columns="unit", values="y")
    frame.loc[frame["unit"] == "T", "y"] = (wide.drop(columns="T").max(axis=1) + 3.0).to_numpy()
    result = fit(frame, placebo=False)
    assert result.fit == "poor"
    assert "outside_hull" in result.fit_reasons
    assert "pre_rmspe_large" in result.fit_reasons
    assert result.outside_share == 1.0
    assert result.relative_pre_rmspe > 0.25
    assert "outside the donors' range" in result.summary()
    assert set(result.fit_reasons) <= set(FIT_REASONS)


def test_fit_verdict_flags_a_large_pre_rmspe_inside_the_range() -> None:
    frame, _ = factor_panel(n_donors=15, seed=4)
    rng = np.random.default_rng(5)
    treated = frame["unit"] == "T"
    frame.loc[treated, "y"] = frame.loc[treated, "y"] + rng.normal(scale=3.0, size=treated.sum())
    result = fit(frame, placebo=False)
    assert "pre_rmspe_large" in result.fit_reasons
    assert result.fit == "poor"


# --------------------------------------------------------------------------------------------
# Missing values and errors
# --------------------------------------------------------------------------------------------


def test_donors_with_missing_values_are_dropped_and_listed() -> None:
    frame, _ = factor_panel(n_donors=10)
    frame.loc[(frame["unit"] == "d03") & (frame["period"] == 30), "y"] = np.nan
    frame = frame[~((frame["unit"] == "d07") & (frame["period"] == 2))]
    result = fit(frame)
    assert result.dropped["unit"].tolist() == ["d03", "d07"]
    assert result.dropped["reason"].str.contains("missing in 1 of 36").all()
    assert "d03" not in result.weights.index and len(result.donors) == 8
    assert result.placebo is not None and "d03" not in result.placebo


@pytest.mark.parametrize(
    ("change", "kwargs", "message"),
    [
        ("none", {"treated_unit": "X"}, "treated unit 'X' is not in column 'unit'"),
        ("treated_pre_nan", {}, "treated unit 'T' has no outcome in 1 period values"),
        ("treated_post_nan", {}, "missing in the post-period"),
        ("duplicate", {}, "rows repeat a \\(unit, period\\) pair"),
        ("none", {"first_treated_period": 3}, "only 3 pre-periods before 3"),
        ("none", {"first_treated_period": 99}, "no period from 99 on"),
        ("none", {"donors": ["d01"]}, "only 1 donors"),
        ("none", {"donors": ["d01", "zz"]}, "donors not in column 'unit': 'zz'"),
        ("none", {"donors": ["T", "d01"]}, "cannot be its own donor"),
        ("none", {"donors": ["d01", "d01"]}, "donors repeat 'd01'"),
        ("none", {"outcome": "nope"}, "frame has no column 'nope'"),
        ("text", {}, "non-numeric values"),
    ],
)
def test_errors_name_what_is_wrong(change: str, kwargs: dict[str, object], message: str) -> None:
    frame, _ = factor_panel(n_donors=6)
    frame["y"] = frame["y"].astype(object)
    if change == "treated_pre_nan":
        frame.loc[(frame["unit"] == "T") & (frame["period"] == 3), "y"] = np.nan
    elif change == "treated_post_nan":
        frame.loc[(frame["unit"] == "T") & (frame["period"] == 30), "y"] = np.nan
    elif change == "duplicate":
        frame = pd.concat([frame, frame.iloc[[5]]], ignore_index=True)
    elif change == "text":
        frame.loc[3, "y"] = "n/a"
    with pytest.raises(SynthError, match=message):
        fit(frame, **kwargs)


def test_synth_error_is_a_value_error() -> None:
    assert issubclass(SynthError, ValueError)


# --------------------------------------------------------------------------------------------
# Predictors (covariates)
# --------------------------------------------------------------------------------------------


def test_covariates_with_v_weights() -> None:
    frame, _ = factor_panel(n_donors=15, noise=0.2, seed=6)
    wide = frame.pivot(index="period", columns="unit", values="y")
    covariates = pd.DataFrame(
        {
            "early_mean": wide.loc[0:11].mean(),
            "late_mean": wide.loc[12:23].mean(),
            "last_pre": wide.loc[23],
        }
    )
    result = fit(frame, covariates=covariates, placebo=False)
    outcome_only = fit(frame, placebo=False)
    assert result.v_weights is not None
    assert result.v_weights.sum() == pytest.approx(1.0)
    assert result.covariates == ("early_mean", "late_mean", "last_pre")
    assert result.weights.sum() == pytest.approx(1.0)
    # Matching all pre-period outcomes equally minimises the pre-period MSPE
    assert result.pre_rmspe >= outcome_only.pre_rmspe - 1e-9
    assert result.effect == pytest.approx(2.0, abs=0.5)
    with pytest.raises(SynthError, match="no row for unit 'd00'"):
        fit(frame, covariates=covariates.drop(index="d00"), placebo=False)
    with pytest.raises(SynthError, match="do not vary"):
        fit(frame, covariates=covariates.assign(flat=1.0), placebo=False)


# --------------------------------------------------------------------------------------------
# Agreement with other implementations and a published result
# --------------------------------------------------------------------------------------------


def test_weights_agree_with_pysyncon() -> None:
    pysyncon = pytest.importorskip("pysyncon")
    frame, _ = factor_panel(n_donors=8, noise=0.3, seed=7)
    result = fit(frame, placebo=False)
    pre = frame[frame["period"] < 24].pivot(index="period", columns="unit", values="y")
    z1 = pre.pop("T")
    # pysyncon scales each predictor by its standard deviation; V = variance undoes that, so
    # its inner problem is the outcome-only one
    v = pd.concat([pre, z1], axis=1).std(axis=1).to_numpy() ** 2
    synth = pysyncon.Synth()
    synth.fit(X0=pre, X1=z1, Z0=pre, Z1=z1, custom_V=v)
    theirs = pd.Series(synth.W, index=pre.columns)
    assert result.weights.reindex(theirs.index).to_numpy() == pytest.approx(
        theirs.to_numpy(), abs=1e-3
    )


def test_reproduces_the_proposition_99_synthetic_control() -> None:
    """California's Proposition 99 (Abadie, Diamond & Hainmueller 2010, JASA 105(490)).

    The panel (packs per capita, 39 states, 1970-2000) is the one shipped inside the
    ``synthdid-py`` wheel, identical to the R synthdid package's ``california_prop99``.
    Published outcome-only synthetic control estimate: -19.6 packs per capita, the mean gap
    over 1989-2000 (Arkhangelsky, Athey, Hirshberg, Imbens & Wager 2021, AER 111(12), the
    "SC" estimate of Table 1 for California; their weights carry a tiny ridge penalty).
    Tolerance 0.15. The weights are the well-known outcome-only ones: Utah, Montana,
    Nevada, Connecticut and New Hampshire carry about 98 %.
    """
    datasets = pytest.importorskip("synthdid.datasets")
    data = datasets.load_california_prop99()
    result = synthetic_control(
        data,
        outcome="PacksPerCapita",
        unit="State",
        period="Year",
        treated_unit="California",
        first_treated_period=1989,
    )
    assert result.effect == pytest.approx(-19.6, abs=0.15)
    top = result.top_weights(5)
    assert list(top.index) == ["Utah", "Montana", "Nevada", "Connecticut", "New Hampshire"]
    assert top.sum() > 0.97
    assert top["Utah"] == pytest.approx(0.394, abs=0.005)
    assert result.pre_rmspe == pytest.approx(1.66, abs=0.02)
    assert result.fit == "good"
    assert result.gap.loc[2000] == pytest.approx(-26.6, abs=0.2)
    # 38 placebos: California's ratio ranks third, so p = 3/39
    assert result.n_placebo_units == 39
    assert result.p_value == pytest.approx(3 / 39)
    # The same panel with pysyncon's solver gives the same weights
    pysyncon = pytest.importorskip("pysyncon")
    pre = data[data["Year"] < 1989].pivot(index="Year", columns="State", values="PacksPerCapita")
    z1 = pre.pop("California")
    synth = pysyncon.Synth()
    v = pd.concat([pre, z1], axis=1).std(axis=1).to_numpy() ** 2
    synth.fit(X0=pre, X1=z1, Z0=pre, Z1=z1, custom_V=v)
    theirs = pd.Series(synth.W, index=pre.columns)
    assert result.weights.reindex(theirs.index).to_numpy() == pytest.approx(
        theirs.to_numpy(), abs=1e-3
    )


# --------------------------------------------------------------------------------------------
# Shared placebo fits
# --------------------------------------------------------------------------------------------


def _same_result(a: object, b: object) -> None:
    """Every number of two synthetic-control results equal, bit for bit."""
    for name in ("pre_rmspe", "post_rmspe", "ratio", "effect", "p_value", "n_placebo_units"):
        assert getattr(a, name) == getattr(b, name), name
    for name in ("weights", "synthetic", "gap"):
        pd.testing.assert_series_equal(getattr(a, name), getattr(b, name), check_exact=True)
    for name in ("placebo", "placebo_stats"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)


@pytest.mark.parametrize("holdout", [0, 6])
@pytest.mark.parametrize("covariates", [False, True])
def test_shared_placebo_fits_give_the_same_results(holdout: int, covariates: bool) -> None:
    # Three treated units against the same donors: the donors' placebos are fitted once
    frame, _ = factor_panel(n_donors=15)
    base = frame[frame["unit"] != "T"]
    treated = {
        name: frame[frame["unit"] == "T"].assign(unit=name, y=lambda f, s=shift: f["y"] + s)
        for name, shift in (("T", 0.0), ("U", 0.7), ("V", -0.4))
    }
    donors = sorted(base["unit"].unique())
    cache = PlaceboCache()
    for name, rows in treated.items():
        panel = pd.concat([base, rows], ignore_index=True)
        options: dict[str, object] = {"treated_unit": name, "donors": donors, "holdout": holdout}
        if covariates:
            pre = panel[panel["period"] < 24]
            options["covariates"] = pre.groupby("unit")["y"].agg(["mean", "std"])
            options["v_maxiter"] = 30
        alone = fit(panel, **options)
        shared = fit(panel, placebo_cache=cache, **options)
        _same_result(alone, shared)
    # With covariates the donors' scaled predictors depend on the treated unit: no sharing
    assert (cache.misses, cache.hits) == ((3, 0) if covariates else (1, 2))


def test_placebo_cache_keys_on_the_donors_data() -> None:
    frame, _ = factor_panel(n_donors=10)
    cache = PlaceboCache(max_entries=2)
    first = fit(frame, placebo_cache=cache)
    changed = frame.assign(y=np.where(frame["unit"] == "d03", frame["y"] + 1e-9, frame["y"]))
    second = fit(changed, placebo_cache=cache)
    assert (cache.misses, cache.hits) == (2, 0)
    assert not first.placebo.equals(second.placebo)  # type: ignore[attr-defined]
    _same_result(second, fit(changed))
    fit(frame, placebo_cache=cache)
    assert cache.hits == 1
    fit(frame.assign(y=frame["y"] * 2), placebo_cache=cache)  # evicts the least recent
    fit(changed, placebo_cache=cache)
    assert (cache.misses, cache.hits) == (4, 1)
