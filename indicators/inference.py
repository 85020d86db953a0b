"""Randomisation (placebo) inference for a difference-in-differences with few treated units.

A trial area has 1-15 municipalities against about 190 comparison municipalities. Cluster-robust
standard errors need many treated clusters and are badly oversized with so few; this module
gives the alternative that holds up: the two-way fixed-effects estimate

    y_it = a_i + g_t + b · D_it + e_it

compared with the same estimate for fake treated groups of the same size drawn from the donors
(Conley & Taber 2011; Fisher randomisation over which donors are "treated"). The p-value is the
share of draws, the actual estimate counted as one of them, whose absolute estimate is at least
the actual one, so it is never below ``1 / (n_draws + 1)``. Under a constant additive effect τ
the test of τ = τ0 is the same test on ``y - τ0 · D``, whose estimate is ``b - τ0`` (the
estimator is linear in y), so inverting it gives an exact interval ``b ± c`` with ``c`` an order
statistic of the absolute placebo estimates.

What the test assumes: that the treated group's estimation error is distributed as that of a
random group of donors of the same size, i.e. the units are exchangeable. When treated units are
systematically larger or smaller than the donors (and so have less or more noisy outcomes) the
test is off in the direction of that difference (Ferman & Pinto 2019); compare like with like.

The estimate is computed fast: with a balanced panel the TWFE coefficient of a block design
(treated units × periods from the first treated one) equals the difference in means of the
treated and comparison units' post − pre changes, so every draw is a vectorised sum. With an
unbalanced panel (rows missing) the estimate uses the Frisch-Waugh-Lovell form
``b = Σ D·ỹ / Σ D·D̃`` with the exact two-way within transform (unit demeaning, then the period
effects from a T × T system solved once), which reduces every draw to sums of per-unit pieces:
no iteration, and the same speed for any number of draws. Both agree with linearmodels'
``PanelOLS`` with entity and time effects.

No wild cluster bootstrap is offered: with one treated cluster it is known to fail and with a
handful it is unreliable (MacKinnon & Webb 2017, 2018), which is exactly the case here, so the
project does not add wildboottest or pyfixest for it.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import numpy as np
import pandas as pd

__all__ = [
    "InferenceError",
    "PlaceboDidResult",
    "placebo_did",
    "twfe_did",
]

_MAX_ENUMERATE = 1000
_DEFAULT_DRAWS = 500


class InferenceError(ValueError):
    """Raised when the panel cannot support the estimate or the test; the message says why."""


@dataclass(frozen=True, eq=False)
class PlaceboDidResult:
    """A TWFE difference-in-differences estimate with its randomisation inference.

    Attributes
    ----------
    estimate : float
        The TWFE coefficient of treated × post on the treated units and the donors.
    placebo : numpy.ndarray
        The same coefficient for each fake treated group (drawn from the donors only; the
        actual treated units are left out of the placebo panels).
    p_value : float
        Two-sided: ``(1 + #{|placebo| >= |estimate|}) / (1 + n_draws)``.
    ci_low, ci_high : float or None
        Interval from inverting the test under a constant additive effect, at ``confidence``;
        None when there are too few draws for that level.
    confidence : float
        Level of the interval.
    n_draws : int
        Number of fake groups.
    enumerated : bool
        True when every group of that size was used, False when they were sampled.
    n_treated, n_donors : int
        Treated units and donors (after units without any outcome were left out).
    n_obs : int
        Rows used for the estimate.
    balanced : bool
        Whether the panel was balanced (difference of mean changes) or not (exact within
        transform).
    groups : tuple of tuple or None
        The donors of each fake group (same order as ``placebo``).
    dropped : pandas.DataFrame
        ``unit, reason``: units left out and why.
    seed : int or None
        Seed of the draws.
    """

    estimate: float
    placebo: np.ndarray
    p_value: float
    ci_low: float | None
    ci_high: float | None
    confidence: float
    n_draws: int
    enumerated: bool
    n_treated: int
    n_donors: int
    n_obs: int
    balanced: bool
    groups: tuple[tuple[Hashable, ...], ...] | None
    dropped: pd.DataFrame
    seed: int | None

    def summary(self) -> str:
        """A few lines of plain text for a notebook or a log."""
        kind = "all" if self.enumerated else "sampled"
        ci = (
            "no interval (too few draws)"
            if self.ci_low is None
            else f"{self.confidence:.0%} interval [{self.ci_low:.4g}, {self.ci_high:.4g}]"
        )
        return (
            f"TWFE DiD {self.estimate:.4g} ({self.n_treated} treated, {self.n_donors} donors); "
            f"placebo p = {self.p_value:.3f} over {self.n_draws} {kind} fake groups; {ci}"
        )


# --------------------------------------------------------------------------------------------
# The estimate
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Panel:
    units: np.ndarray  # unit codes 0..N-1 per row
    periods: np.ndarray  # period codes 0..T-1 per row
    post: np.ndarray  # bool per row
    y: np.ndarray
    n_units: int
    n_periods: int
    balanced: bool


def _panel(
    frame: pd.DataFrame,
    outcome: str,
    unit: str,
    period: str,
    units: Sequence[Hashable],
    first: Any,
) -> tuple[_Panel, list[Hashable]]:
    sub = frame.loc[frame[unit].isin(list(units)), [unit, period, outcome]]
    y = pd.to_numeric(sub[outcome], errors="coerce").astype(float)
    sub = sub.loc[np.isfinite(y.to_numpy())]
    y = y.loc[sub.index]
    present = set(sub[unit].unique())
    order = [u for u in units if u in present]
    unit_codes = pd.Categorical(sub[unit], categories=order).codes
    period_values = np.sort(sub[period].unique())
    period_codes = np.searchsorted(period_values, sub[period].to_numpy())
    try:
        post = np.asarray(sub[period].to_numpy() >= first, dtype=bool)
    except TypeError:
        raise InferenceError(
            f"first_treated_period {first!r} cannot be compared with the periods in {period!r}"
        ) from None
    n_u, n_t = len(order), len(period_values)
    return (
        _Panel(
            units=np.asarray(unit_codes, dtype=np.intp),
            periods=np.asarray(period_codes, dtype=np.intp),
            post=post,
            y=y.to_numpy(),
            n_units=n_u,
            n_periods=n_t,
            balanced=len(sub) == n_u * n_t,
        ),
        order,
    )


def _changes(panel: _Panel) -> np.ndarray:
    """Per unit: mean outcome from the first treated period minus mean outcome before it."""
    n = panel.n_units
    post_sum = np.bincount(panel.units, panel.y * panel.post, n)
    pre_sum = np.bincount(panel.units, panel.y * ~panel.post, n)
    n_post = np.bincount(panel.units, panel.post.astype(float), n)
    n_pre = np.bincount(panel.units, (~panel.post).astype(float), n)
    return np.asarray(post_sum / n_post - pre_sum / n_pre)


def _within_parts(panel: _Panel) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per-unit pieces of the exact two-way within transform of an unbalanced panel.

    With ``M`` the within-unit demeaning and ``P`` the period dummies, the two-way residual of
    ``x`` is ``Mx - MP A⁺ PᵀMx`` with ``A = PᵀMP`` (T × T). For a treatment dummy ``D`` of a
    group G this gives ``DᵀD̃ = Σ_G a_i - cᵀ A⁺ c`` with ``c = Σ_G c_i``, and ``Dᵀỹ = Σ_G e_i``.
    Returns ``a`` (units), ``c`` (units × periods), ``e`` (units) and ``A⁺``.
    """
    n, t = panel.n_units, panel.n_periods
    observed = np.zeros((n, t))
    observed[panel.units, panel.periods] = 1.0
    n_obs = observed.sum(axis=1)
    gram = np.diag(observed.sum(axis=0)) - observed.T @ (observed / n_obs[:, None])
    # A generalised inverse: the first period is the reference (A·1 = 0, and every vector it is
    # applied to sums to zero, so which generalised inverse is used does not matter)
    gram_inv = np.zeros((t, t))
    try:
        gram_inv[1:, 1:] = np.linalg.inv(gram[1:, 1:])
    except np.linalg.LinAlgError:
        gram_inv = np.linalg.pinv(gram)
    post_period = np.zeros(t, dtype=bool)
    post_period[panel.periods[panel.post]] = True
    share_post = np.bincount(panel.units, panel.post.astype(float), n) / n_obs
    a = share_post * n_obs * (1 - share_post)
    c = observed * (post_period[None, :] - share_post[:, None])
    unit_mean = np.bincount(panel.units, panel.y, n) / n_obs
    y_within = panel.y - unit_mean[panel.units]
    g = gram_inv @ np.bincount(panel.periods, y_within, t)
    g_mean = (observed @ g) / n_obs
    y_tilde = y_within - (g[panel.periods] - g_mean[panel.units])
    e = np.bincount(panel.units, y_tilde * panel.post, n)
    return a, c, e, gram_inv


def _estimates(panel: _Panel, groups: np.ndarray) -> np.ndarray:
    """TWFE coefficient for each row of ``groups`` (unit codes of the treated)."""
    if panel.balanced:
        d = _changes(panel)
        k, n = groups.shape[1], panel.n_units
        treated_sum = d[groups].sum(axis=1)
        return np.asarray(treated_sum / k - (d.sum() - treated_sum) / (n - k))
    a, c, e, gram_inv = _within_parts(panel)
    out = np.empty(len(groups))
    for start in range(0, len(groups), 256):
        chunk = groups[start : start + 256]
        cs = c[chunk].sum(axis=1)
        denom = a[chunk].sum(axis=1) - np.einsum("dt,ts,ds->d", cs, gram_inv, cs)
        if np.any(denom <= 1e-9 * np.maximum(a[chunk].sum(axis=1), 1.0)):
            raise InferenceError("the treatment dummy is collinear with the fixed effects")
        out[start : start + 256] = e[chunk].sum(axis=1) / denom
    return out


def _check_columns(frame: pd.DataFrame, outcome: str, unit: str, period: str) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise InferenceError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in (outcome, unit, period) if c not in frame.columns]
    if missing:
        raise InferenceError(f"frame has no column {', '.join(map(repr, missing))}")
    if frame[[unit, period]].isna().any().any():
        raise InferenceError(f"columns {unit!r} and {period!r} must not be missing")
    dup = frame.duplicated([unit, period])
    if dup.any():
        raise InferenceError(
            f"{int(dup.sum())} rows repeat a ({unit}, {period}) pair; give one row per unit "
            "and period"
        )


def _check_support(panel: _Panel, codes: np.ndarray, what: str) -> None:
    has_pre = np.bincount(panel.units, (~panel.post).astype(float), panel.n_units) > 0
    has_post = np.bincount(panel.units, panel.post.astype(float), panel.n_units) > 0
    if not (has_pre[codes].any() and has_post[codes].any()):
        raise InferenceError(f"the {what} have no outcome before or none after the treatment")


def twfe_did(
    frame: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    period: str,
    treated_units: Sequence[Hashable],
    first_treated_period: Any,
    units: Sequence[Hashable] | None = None,
) -> float:
    """The two-way fixed-effects DiD coefficient of treated × post.

    Parameters
    ----------
    frame : pandas.DataFrame
        Long panel, one row per unit and period; rows with a missing outcome are left out.
    outcome, unit, period : str
        Column names.
    treated_units : sequence
        The treated units; treatment starts for all of them at ``first_treated_period``.
    first_treated_period : object
        First treated period, comparable with the values of ``period``.
    units : sequence, optional
        Units of the estimation sample (treated and comparison); None means all in ``frame``.

    Returns
    -------
    float
        The coefficient (difference of mean changes when balanced, exact two-way within
        transform otherwise).

    Raises
    ------
    InferenceError
        If columns are missing, rows repeat, or the treated or comparison units have no outcome
        on both sides of the treatment.
    """
    _check_columns(frame, outcome, unit, period)
    sample = list(frame[unit].unique()) if units is None else list(units)
    panel, order = _panel(frame, outcome, unit, period, sample, first_treated_period)
    position = {u: i for i, u in enumerate(order)}
    codes = np.array([position[u] for u in treated_units if u in position], dtype=np.intp)
    if len(codes) == 0:
        raise InferenceError("no treated unit has an outcome in the frame")
    if len(codes) == panel.n_units:
        raise InferenceError("there is no comparison unit")
    _check_support(panel, codes, "treated units")
    return float(_estimates(panel, codes[None, :])[0])


# --------------------------------------------------------------------------------------------
# Randomisation inference
# --------------------------------------------------------------------------------------------


def _draw_groups(n: int, k: int, n_draws: int | None, seed: int | None) -> tuple[np.ndarray, bool]:
    total = math.comb(n, k)
    limit = _MAX_ENUMERATE if n_draws is None else n_draws
    if total <= limit:
        return np.array(list(combinations(range(n), k)), dtype=np.intp).reshape(-1, k), True
    wanted = _DEFAULT_DRAWS if n_draws is None else n_draws
    rng = np.random.default_rng(seed)
    keys = rng.random((wanted, n))
    return np.sort(np.argsort(keys, axis=1)[:, :k], axis=1), False


def _interval(
    estimate: float, placebo: np.ndarray, confidence: float
) -> tuple[float | None, float | None]:
    """Invert the two-sided test under a constant additive effect.

    τ0 is kept when ``1 + #{|placebo| >= |estimate - τ0|} > alpha · (n + 1)``, i.e. when at
    least ``m = floor(alpha · (n + 1))`` absolute placebos reach ``|estimate - τ0|``.
    """
    alpha = 1 - confidence
    m = math.floor(alpha * (len(placebo) + 1) + 1e-9)
    if m < 1:
        return None, None
    half = float(np.sort(np.abs(placebo))[::-1][m - 1])
    return estimate - half, estimate + half


def placebo_did(
    frame: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    period: str,
    treated_units: Sequence[Hashable],
    first_treated_period: Any,
    donors: Sequence[Hashable] | None = None,
    n_draws: int | None = None,
    seed: int | None = 0,
    confidence: float = 0.95,
    keep_groups: bool = False,
) -> PlaceboDidResult:
    """TWFE DiD of the treated units against the donors, with randomisation inference.

    Parameters
    ----------
    frame : pandas.DataFrame
        Long panel, one row per unit and period; rows with a missing outcome are left out
        (the estimate then uses the exact two-way within transform).
    outcome, unit, period : str
        Column names.
    treated_units : sequence
        The treated units (a trial area's municipalities).
    first_treated_period : object
        First treated period, comparable with the values of ``period``.
    donors : sequence, optional
        Comparison units; None means every unit not treated.
    n_draws : int, optional
        Number of fake treated groups. None: every group of the treated group's size when there
        are at most 1000 of them (all donors for one treated unit), else 500 seeded draws. An
        integer: that many seeded draws, or every group when there are no more than that.
    seed : int or None, default 0
        Seed of the draws (ignored when every group is used).
    confidence : float, default 0.95
        Level of the test-inversion interval.
    keep_groups : bool, default False
        Keep the donors of each fake group in the result.

    Returns
    -------
    PlaceboDidResult
        The estimate, the placebo distribution, the p-value and the interval.

    Raises
    ------
    InferenceError
        For missing columns, repeated rows, treated units or donors not in the frame, donors that
        are also treated, too few donors for a fake group, or no outcome on one side of the
        treatment.
    """
    _check_columns(frame, outcome, unit, period)
    if isinstance(treated_units, str) or isinstance(donors, str):
        raise InferenceError("treated_units and donors must be lists of units, not one string")
    treated = list(dict.fromkeys(treated_units))
    if not treated:
        raise InferenceError("treated_units is empty")
    known = set(frame[unit].unique())
    unknown = [u for u in treated if u not in known]
    if unknown:
        raise InferenceError(f"treated units not in column {unit!r}: {unknown[:5]!r}")
    if donors is None:
        donor_list = [u for u in frame[unit].unique() if u not in set(treated)]
    else:
        donor_list = list(dict.fromkeys(donors))
        both = [u for u in donor_list if u in set(treated)]
        if both:
            raise InferenceError(f"units both treated and donors: {both[:5]!r}")
        absent = [u for u in donor_list if u not in known]
        if absent:
            raise InferenceError(f"donors not in column {unit!r}: {absent[:5]!r}")
    if not 0 < confidence < 1:
        raise InferenceError("confidence must be between 0 and 1")
    if n_draws is not None and n_draws < 1:
        raise InferenceError("n_draws must be a positive integer or None")

    full, order = _panel(
        frame, outcome, unit, period, [*treated, *donor_list], first_treated_period
    )
    present = set(order)
    dropped_units = [u for u in [*treated, *donor_list] if u not in present]
    dropped = pd.DataFrame(
        {"unit": dropped_units, "reason": ["no outcome in any period"] * len(dropped_units)},
        columns=["unit", "reason"],
    )
    kept_treated = [u for u in treated if u in present]
    kept_donors = [u for u in donor_list if u in present]
    k = len(kept_treated)
    if k == 0:
        raise InferenceError("no treated unit has an outcome in the frame")
    if len(kept_donors) <= k:
        raise InferenceError(
            f"{len(kept_donors)} donors with data cannot form fake treated groups of {k} units "
            "with a comparison group left over; more donors than treated units are needed"
        )
    codes = np.arange(k, dtype=np.intp)
    _check_support(full, codes, "treated units")
    estimate = float(_estimates(full, codes[None, :])[0])

    donor_panel, donor_order = _panel(
        frame, outcome, unit, period, kept_donors, first_treated_period
    )
    groups, enumerated = _draw_groups(len(donor_order), k, n_draws, seed)
    placebo = _estimates(donor_panel, groups)
    n = len(placebo)
    # The actual assignment counts as one draw; ties count against it
    extreme = int(np.sum(np.abs(placebo) >= abs(estimate) * (1 - 1e-12)))
    p_value = (1 + extreme) / (1 + n)
    ci_low, ci_high = _interval(estimate, placebo, confidence)
    return PlaceboDidResult(
        estimate=estimate,
        placebo=placebo,
        p_value=float(p_value),
        ci_low=ci_low,
        ci_high=ci_high,
        confidence=confidence,
        n_draws=n,
        enumerated=enumerated,
        n_treated=k,
        n_donors=len(kept_donors),
        n_obs=len(full.y),
        balanced=full.balanced,
        groups=tuple(tuple(donor_order[i] for i in g) for g in groups) if keep_groups else None,
        dropped=dropped,
        seed=None if enumerated else seed,
    )
