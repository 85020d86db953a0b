"""Synthetic control (Abadie, Diamond & Hainmueller 2010) with placebo-in-space inference.

One treated unit is compared with a convex combination of donor units: non-negative weights that
sum to one and make the weighted donors track the treated unit's outcome before the treatment.
The gap between the treated unit and its synthetic control after the treatment is the estimate;
its significance comes from refitting the same control with every donor treated in turn
(placebos in space) and ranking the treated unit's post/pre RMSPE ratio among all of them.

Solver
------
The default (outcome-only) weights solve ``min ||y1 - Y0 w||²`` subject to ``w >= 0`` and
``sum(w) = 1`` on the pre-period outcomes. :func:`simplex_weights` does this in three steps:

1. ``scipy.optimize.nnls`` (Lawson-Hanson) on the outcomes with an extra, heavily weighted row of
   ones, which turns the sum-to-one constraint into a penalty. It finds the active set
   (the donors with positive weight) of a 26 × 190 problem in about a millisecond.
2. The penalty only holds the constraint approximately (the violation shrinks with the square of
   the weight of the row of ones, and renormalising afterwards costs optimality), so the result
   is refined by an exact primal active-set method for the equality-constrained problem: each
   step solves the KKT system on the current support, steps back to feasibility when a weight
   would turn negative and adds the donor that violates the optimality conditions most. It
   usually stops after zero to two steps with the sum equal to one to machine precision and the
   KKT conditions checked (``WeightSolution.kkt_violation``).
3. Should the active-set loop not converge (degenerate data), SLSQP polishes the best point; the
   solution records which method produced it.

SLSQP alone (what pysyncon and R's Synth use for the inner problem) reaches the same weights but
is hundreds of times slower and stops at its own tolerance; Frank-Wolfe (synthdid) converges
slowly near the optimum. The placebo step fits one control per donor, so speed matters: all
placebos of a trial area take well under a second.

When the treated unit lies inside the donors' convex hull and there are more donors than
pre-periods, many weight vectors fit equally well; the pre-period synthetic series is unique but
the weights are not. The solver returns the sparse (basic) solution the active set reaches.

Inference
---------
``p_value`` ranks the treated unit's post/pre RMSPE ratio among the treated unit and every
placebo (ADH 2010), ties counted against the treated unit. This is exact when the treated unit
is exchangeable with the donors. It is not when the treated unit is an aggregate of several
municipalities and the placebos are single municipalities: the smooth aggregate fits the
pre-period almost perfectly by absorbing the donors' noise, which returns after the treatment,
so its in-sample ratio is large under the null. In the project's placebo calibration study
(``scripts/placebo_study.py``: fake areas of the real areas' sizes from the comparison
municipalities, 2021-03 as a fake start) the in-sample ratio rejected at 5 % in 6 % of
one-municipality areas but 44 % of multi-municipality ones. ``holdout=k`` measures the ratio's
denominator out of sample (weights fitted without the last k pre-periods, RMSPE on them): over
the same 200 fake areas it rejected in 5.5 %, 6.5 % and 3.0 % with k = 6, 9 and 13 of 26
pre-months (multi-municipality areas alone: 5.4 %, 7.1 %, 3.0 %). Use it for aggregates.

Predictors (``covariates``)
---------------------------
Optionally the weights match a table of predictors (one row per unit, e.g. pre-period means of
covariates and chosen outcome lags) with the predictor weights V chosen, as in ADH, to minimise
the pre-period outcome MSPE. Predictors are scaled by their standard deviation across units;
V is searched on the simplex with Nelder-Mead from equal weights and from the regression-based
start of R's Synth. Every placebo refits its own V, which is slower (seconds, not milliseconds).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd
from scipy import optimize

from indicators.memo import Memo

__all__ = [
    "FIT_REASONS",
    "PlaceboCache",
    "SynthError",
    "SyntheticControlResult",
    "WeightSolution",
    "simplex_weights",
    "synthetic_control",
]

Fit = Literal["good", "poor"]

FIT_REASONS: dict[str, str] = {
    "pre_rmspe_large": (
        "the pre-period fit is poor: the pre-period RMSPE is large against the spread of the "
        "outcome across donors"
    ),
    "outside_hull": (
        "the treated unit lies outside the donors' range in much of the pre-period, so no "
        "convex combination of donors can track it"
    ),
}

# Weight of the row of ones in the NNLS start, on data scaled to at most 1 in absolute value
_PENALTY = 1e3
_KKT_TOL = 1e-10
_SUM_TOL = 1e-6
# A pre-RMSPE below this share of the outcome's spread counts as this much in the RMSPE ratio,
# so that exactly fitted placebos get large but finite ratios
_RMSPE_FLOOR = 1e-8


class SynthError(ValueError):
    """Raised when the panel cannot support a synthetic control; the message says why."""


# --------------------------------------------------------------------------------------------
# The weights
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class WeightSolution:
    """Simplex-constrained least squares weights.

    Attributes
    ----------
    weights : numpy.ndarray
        Non-negative weights that sum to one, one per donor column.
    loss : float
        Sum of squared residuals ``||target - donors @ weights||²``.
    kkt_violation : float
        Largest violation of the optimality conditions, on data scaled to at most 1 in
        absolute value (0 at the exact optimum).
    sum_error : float
        ``|1 - sum(weights)|``.
    method : str
        ``"nnls+active-set"`` or ``"slsqp"`` (the fallback).
    iterations : int
        Active-set steps after the NNLS start.
    """

    weights: np.ndarray
    loss: float
    kkt_violation: float
    sum_error: float
    method: str
    iterations: int


def _eqp(gram: np.ndarray, cross: np.ndarray) -> np.ndarray:
    """Minimise ½ vᵀGv − cᵀv subject to sum(v) = 1 (the KKT system, least squares if singular)."""
    k = len(cross)
    kkt = np.zeros((k + 1, k + 1))
    kkt[:k, :k] = gram
    kkt[:k, k] = 1.0
    kkt[k, :k] = 1.0
    rhs = np.append(cross, 1.0)
    try:
        sol = np.linalg.solve(kkt, rhs)
        if not np.all(np.isfinite(sol)):
            raise np.linalg.LinAlgError
    except np.linalg.LinAlgError:
        sol = np.linalg.lstsq(kkt, rhs, rcond=None)[0]
    return np.asarray(sol[:k])


def _kkt_violation(gram: np.ndarray, cross: np.ndarray, w: np.ndarray) -> tuple[float, int]:
    """Largest violation of the optimality conditions and the donor that violates them most."""
    grad = gram @ w - cross
    support = w > 0
    level = float(grad[support].mean()) if support.any() else float(grad.min())
    # On the support the gradient is constant; off it, it may not be below that level
    on = np.abs(grad[support] - level).max(initial=0.0)
    off_values = np.where(support, -np.inf, level - grad)
    j = int(np.argmax(off_values))
    off = max(float(off_values[j]), 0.0)
    return max(on, off), j


def _active_set(
    gram: np.ndarray, cross: np.ndarray, w: np.ndarray, max_iter: int
) -> tuple[np.ndarray, float, int]:
    """Primal active-set refinement of a feasible start ``w`` (exact for this convex QP)."""
    support = w > 0
    tol = _KKT_TOL * max(1.0, float(np.abs(cross).max()))
    for it in range(max_iter):
        idx = np.flatnonzero(support)
        v = _eqp(gram[np.ix_(idx, idx)], cross[idx])
        if v.min() >= 0:
            w = np.zeros_like(w)
            w[idx] = v
            viol, j = _kkt_violation(gram, cross, w)
            if viol <= tol or support[j]:
                return w, viol, it
            support[j] = True
            continue
        current = w[idx]
        step = v - current
        blocking = v < 0
        alpha = float(np.min(current[blocking] / (current[blocking] - v[blocking])))
        w = np.zeros_like(w)
        w[idx] = current + alpha * step
        w[w < 1e-15] = 0.0
        support = w > 0
        if not support.any():
            support[idx[np.argmax(v)]] = True
            w[idx[np.argmax(v)]] = 1.0
    viol, _ = _kkt_violation(gram, cross, w)
    return w, viol, max_iter


def _slsqp(xs: np.ndarray, ys: np.ndarray, start: np.ndarray) -> np.ndarray:
    n = xs.shape[1]
    res = optimize.minimize(
        lambda w: 0.5 * float(np.sum((xs @ w - ys) ** 2)),
        start,
        jac=lambda w: xs.T @ (xs @ w - ys),
        method="SLSQP",
        bounds=[(0.0, 1.0)] * n,
        constraints=[{"type": "eq", "fun": lambda w: np.sum(w) - 1.0, "jac": lambda w: np.ones(n)}],
        options={"maxiter": 1000, "ftol": 1e-14},
    )
    w: np.ndarray = np.clip(np.asarray(res.x, dtype=float), 0.0, None)
    return w / float(w.sum())


def simplex_weights(donors: np.ndarray, target: np.ndarray) -> WeightSolution:
    """Non-negative weights summing to one that best reproduce ``target`` from ``donors``.

    Solves ``min ||target - donors @ w||²`` subject to ``w >= 0`` and ``sum(w) = 1`` (see the
    module docstring for the method).

    Parameters
    ----------
    donors : numpy.ndarray
        Shape ``(n_rows, n_donors)``: one column per donor (for example pre-period outcomes).
    target : numpy.ndarray
        Shape ``(n_rows,)``: the treated unit's values.

    Returns
    -------
    WeightSolution
        The weights with the loss and the checks of the constraint and the optimality conditions.

    Raises
    ------
    SynthError
        If the shapes do not match, there is no donor, or a value is missing or infinite.
    """
    x = np.asarray(donors, dtype=float)
    y = np.asarray(target, dtype=float)
    if x.ndim != 2 or y.ndim != 1 or x.shape[0] != y.shape[0]:
        raise SynthError(
            f"donors must be (rows, donors) and target (rows,); got {x.shape} and {y.shape}"
        )
    if x.shape[1] == 0:
        raise SynthError("there is no donor to weight")
    if not (np.isfinite(x).all() and np.isfinite(y).all()):
        raise SynthError("donors and target must not contain missing or infinite values")
    n = x.shape[1]
    if n == 1:
        w = np.ones(1)
        return WeightSolution(w, float(np.sum((y - x[:, 0]) ** 2)), 0.0, 0.0, "single donor", 0)
    scale = max(float(np.abs(x).max()), float(np.abs(y).max()), 1e-300)
    xs, ys = x / scale, y / scale
    augmented = np.vstack([xs, np.full((1, n), _PENALTY)])
    w, _ = optimize.nnls(augmented, np.append(ys, _PENALTY), maxiter=50 * n)
    total = w.sum()
    w = w / total if total > 0 else np.full(n, 1.0 / n)
    gram, cross = xs.T @ xs, xs.T @ ys
    w, viol, iterations = _active_set(gram, cross, w, max_iter=4 * n + 20)
    method = "nnls+active-set"
    tol = _KKT_TOL * max(1.0, float(np.abs(cross).max()))
    if viol > tol * 1e3 or w.min() < 0 or abs(w.sum() - 1.0) > _SUM_TOL:
        polished = _slsqp(xs, ys, np.clip(w, 0.0, None) / np.clip(w, 0.0, None).sum())
        polished_viol, _ = _kkt_violation(gram, cross, polished)
        if polished_viol < viol:
            w, viol, method = polished, polished_viol, "slsqp"
    w = np.clip(w, 0.0, None)
    w = w / w.sum()
    loss = float(np.sum((y - x @ w) ** 2))
    return WeightSolution(w, loss, float(viol), float(abs(1.0 - w.sum())), method, iterations)


# --------------------------------------------------------------------------------------------
# Predictor weights (V) for covariate matching
# --------------------------------------------------------------------------------------------


def _softmax(theta: np.ndarray) -> np.ndarray:
    z = np.append(theta, 0.0)
    z = np.exp(z - z.max())
    return np.asarray(z / z.sum())


def _v_fit(
    x1: np.ndarray, x0: np.ndarray, z1: np.ndarray, z0: np.ndarray, maxiter: int
) -> tuple[np.ndarray, WeightSolution]:
    """ADH's nested problem: predictor weights V minimising the pre-period outcome MSPE."""
    k = len(x1)

    def solve(v: np.ndarray) -> WeightSolution:
        root = np.sqrt(v)
        return simplex_weights(root[:, None] * x0, root * x1)

    def loss(theta: np.ndarray) -> float:
        w = solve(_softmax(theta)).weights
        return float(np.mean((z1 - z0 @ w) ** 2))

    if k == 1:
        v = np.ones(1)
        return v, solve(v)
    starts = [np.zeros(k - 1)]
    # R Synth's regression start: V proportional to the squared coefficients of the outcome
    # path on the predictors across units
    design = np.column_stack([np.ones(x0.shape[1] + 1), np.column_stack([x0, x1]).T])
    coef = np.linalg.lstsq(design, np.column_stack([z0, z1]).T, rcond=None)[0][1:]
    ols = np.sum(coef**2, axis=1)
    if np.all(np.isfinite(ols)) and ols.sum() > 0:
        ols = np.clip(ols / ols.sum(), 1e-8, None)
        starts.append(np.log(ols[:-1] / ols[-1]))
    best: tuple[float, np.ndarray] | None = None
    for start in starts:
        res = optimize.minimize(
            loss,
            start,
            method="Nelder-Mead",
            options={"maxiter": maxiter, "xatol": 1e-6, "fatol": 1e-12},
        )
        if best is None or float(res.fun) < best[0]:
            best = (float(res.fun), np.asarray(res.x))
    assert best is not None
    v = _softmax(best[1])
    return v, solve(v)


# --------------------------------------------------------------------------------------------
# Result
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class SyntheticControlResult:
    """A synthetic control of one treated unit with its placebo-in-space inference.

    Attributes
    ----------
    treated_unit : hashable
        The treated unit.
    first_treated_period : object
        First period of the post-period; earlier periods are the pre-period.
    weights : pandas.Series
        Donor weights (index: donor, name ``weight``): non-negative, summing to one.
    treated, synthetic, gap : pandas.Series
        By period: the treated unit's outcome, its synthetic control and treated − synthetic.
    pre_rmspe, post_rmspe : float
        Root mean squared gap before and from ``first_treated_period``.
    ratio : float
        The test statistic: ``post_rmspe / pre_rmspe``, or with ``holdout`` the out-of-sample
        ratio (see :func:`synthetic_control`). The denominator is floored at a tiny share of
        the outcome's spread, so that an exact fit gives a large finite ratio.
    effect : float
        Mean post-period gap.
    placebo : pandas.DataFrame or None
        Wide table of placebo gaps: index period, one column per donor fitted as if treated with
        the other donors as its donors. None when placebos were not asked for.
    placebo_stats : pandas.DataFrame or None
        One row per unit (the treated unit first): ``pre_rmspe, post_rmspe, ratio, effect,
        treated`` and, with ``holdout``, ``ratio_denominator`` (the held-out RMSPE).
    p_value : float or None
        Placebo-in-space p-value: the share of units (treated and donors) whose ratio is at least
        the treated unit's, the treated unit included, so ties count against it and the smallest
        possible value is ``1 / n_units``.
    n_placebo_units : int
        Number of units in that ranking (the treated unit plus the placebos).
    fit : {"good", "poor"}
        Whether the pre-period fit is good enough to read the gap as an effect.
    fit_reasons : tuple of str
        Codes of :data:`FIT_REASONS` behind a poor fit (empty when good).
    relative_pre_rmspe : float
        ``pre_rmspe`` divided by the mean cross-sectional standard deviation of the donors'
        outcome in the pre-period.
    outside_share : float
        Share of pre-periods in which the treated unit is above the largest or below the smallest
        donor value.
    dropped : pandas.DataFrame
        ``unit, reason``: donors left out and why.
    donors : tuple
        The donors used.
    pre_periods, post_periods : tuple
        The periods of each part, sorted.
    covariates : tuple of str
        Predictors matched (empty for the outcome-only control).
    v_weights : pandas.Series or None
        Predictor weights V (index: predictor), None for the outcome-only control.
    solver : str
        Method that produced the treated unit's weights.
    kkt_violation : float
        The optimality check of those weights (0 at the exact optimum).
    holdout : int
        Pre-periods held out for the test statistic (0: ADH's in-sample ratio).
    """

    treated_unit: Hashable
    first_treated_period: Any
    weights: pd.Series
    treated: pd.Series
    synthetic: pd.Series
    gap: pd.Series
    pre_rmspe: float
    post_rmspe: float
    ratio: float
    effect: float
    placebo: pd.DataFrame | None
    placebo_stats: pd.DataFrame | None
    p_value: float | None
    n_placebo_units: int
    fit: Fit
    fit_reasons: tuple[str, ...]
    relative_pre_rmspe: float
    outside_share: float
    dropped: pd.DataFrame
    donors: tuple[Hashable, ...]
    pre_periods: tuple[Any, ...]
    post_periods: tuple[Any, ...]
    covariates: tuple[str, ...]
    v_weights: pd.Series | None
    solver: str
    kkt_violation: float
    holdout: int = 0

    def top_weights(self, n: int = 5) -> pd.Series:
        """The ``n`` largest donor weights, largest first."""
        return self.weights.sort_values(ascending=False).head(n)

    def summary(self) -> str:
        """A few lines of plain text for a notebook or a log."""
        p = "not computed" if self.p_value is None else f"{self.p_value:.3f}"
        lines = [
            f"Synthetic control of {self.treated_unit} from {self.first_treated_period}: "
            f"{len(self.donors)} donors, {len(self.pre_periods)} pre- and "
            f"{len(self.post_periods)} post-periods",
            f"effect (mean post gap) {self.effect:.4g}; pre-RMSPE {self.pre_rmspe:.4g}, "
            f"post-RMSPE {self.post_rmspe:.4g}, ratio {self.ratio:.4g}",
            f"placebo p-value {p} ({self.n_placebo_units} units)",
            "fit: " + self.fit + "".join(f"; {FIT_REASONS[r]}" for r in self.fit_reasons),
        ]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------


def _show(values: Sequence[Any], n: int = 5) -> str:
    shown = ", ".join(repr(v) for v in list(values)[:n])
    return shown + (f" and {len(values) - n} more" if len(values) > n else "")


def _wide(frame: pd.DataFrame, outcome: str, unit: str, period: str) -> pd.DataFrame:
    if not isinstance(frame, pd.DataFrame):
        raise SynthError(f"frame must be a pandas DataFrame, got {type(frame).__name__}")
    missing = [c for c in (outcome, unit, period) if c not in frame.columns]
    if missing:
        raise SynthError(f"frame has no column {_show(missing)}")
    if frame.empty:
        raise SynthError("frame has no rows")
    if frame[[unit, period]].isna().any().any():
        raise SynthError(f"columns {unit!r} and {period!r} must not be missing")
    dup = frame.duplicated([unit, period], keep=False)
    if dup.any():
        pairs = frame.loc[dup, [unit, period]].drop_duplicates().itertuples(index=False)
        raise SynthError(
            f"{int(dup.sum())} rows repeat a ({unit}, {period}) pair, e.g. "
            f"{_show([tuple(p) for p in pairs], 3)}; give one row per unit and period"
        )
    values = pd.to_numeric(frame[outcome], errors="coerce")
    bad = values.isna() & frame[outcome].notna()
    if bad.any():
        raise SynthError(
            f"outcome {outcome!r} has non-numeric values, e.g. "
            f"{_show(frame.loc[bad, outcome].unique().tolist(), 3)}"
        )
    values = values.astype(float).where(np.isfinite(values.astype(float)))
    try:
        wide = (
            pd.DataFrame({"u": frame[unit].to_numpy(), "t": frame[period].to_numpy(), "y": values})
            .pivot(index="t", columns="u", values="y")
            .sort_index()
        )
    except TypeError as exc:
        raise SynthError(f"periods in {period!r} must be of one sortable type: {exc}") from None
    wide.index.name, wide.columns.name = period, unit
    return wide


def _split(
    periods: pd.Index, first: Any, period: str, min_pre: int
) -> tuple[np.ndarray, np.ndarray]:
    try:
        pre = np.asarray(periods < first, dtype=bool)
    except TypeError:
        raise SynthError(
            f"first_treated_period {first!r} cannot be compared with the periods in {period!r} "
            f"(e.g. {periods[0]!r}); give it in the same form"
        ) from None
    if isinstance(periods[0], str) and not isinstance(first, str):
        raise SynthError(f"first_treated_period must be a string like {periods[0]!r}")
    n_pre, n_post = int(pre.sum()), int((~pre).sum())
    if n_pre < min_pre:
        raise SynthError(
            f"only {n_pre} pre-periods before {first!r}; at least {min_pre} are needed"
        )
    if n_post == 0:
        raise SynthError(f"no period from {first!r} on: there is no post-period")
    return pre, ~pre


def _donor_list(
    wide: pd.DataFrame, treated: Hashable, donors: Sequence[Hashable] | None, unit: str
) -> list[Hashable]:
    units = list(wide.columns)
    if treated not in wide.columns:
        raise SynthError(f"treated unit {treated!r} is not in column {unit!r}")
    if donors is None:
        return [u for u in units if u != treated]
    if isinstance(donors, str):
        raise SynthError("donors must be a list of units, not one string")
    donors = list(donors)
    repeated = sorted({d for d in donors if donors.count(d) > 1}, key=str)
    if repeated:
        raise SynthError(f"donors repeat {_show(repeated)}")
    if treated in donors:
        raise SynthError(f"the treated unit {treated!r} cannot be its own donor")
    unknown = [d for d in donors if d not in wide.columns]
    if unknown:
        raise SynthError(f"donors not in column {unit!r}: {_show(unknown)}")
    return donors


def _predictors(
    covariates: pd.DataFrame | None, units: list[Hashable], unit: str
) -> pd.DataFrame | None:
    if covariates is None:
        return None
    if not isinstance(covariates, pd.DataFrame):
        raise SynthError("covariates must be a DataFrame indexed by unit, one column a predictor")
    if covariates.index.has_duplicates:
        raise SynthError("covariates repeat a unit in their index")
    if covariates.shape[1] == 0:
        raise SynthError("covariates have no predictor column")
    absent = [u for u in units if u not in covariates.index]
    if absent:
        raise SynthError(f"covariates have no row for {unit} {_show(absent)}")
    table = covariates.loc[units].apply(pd.to_numeric, errors="coerce").astype(float)
    if not np.isfinite(table.to_numpy()).all():
        bad = table.columns[~np.isfinite(table.to_numpy()).all(axis=0)].tolist()
        raise SynthError(f"covariates {_show(bad)} have missing or non-numeric values")
    spread = table.std(axis=0, ddof=1)
    flat = spread.index[~(spread > 0)].tolist()
    if flat:
        raise SynthError(f"covariates {_show(flat)} do not vary across units")
    return table / spread


# --------------------------------------------------------------------------------------------
# Fitting
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _OneFit:
    weights: np.ndarray
    synthetic: np.ndarray
    gap: np.ndarray
    pre_rmspe: float
    post_rmspe: float
    solution: WeightSolution
    v: np.ndarray | None


def _fit_one(
    y: np.ndarray,
    target: int,
    pool: np.ndarray,
    pre: np.ndarray,
    preds: np.ndarray | None,
    v_maxiter: int,
) -> _OneFit:
    """Fit unit column ``target`` of ``y`` (periods × units) from the columns ``pool``."""
    z1, z0 = y[pre, target], y[pre][:, pool]
    v = None
    if preds is None:
        sol = simplex_weights(z0, z1)
    else:
        v, sol = _v_fit(preds[:, target], preds[:, pool], z1, z0, v_maxiter)
    synthetic = y[:, pool] @ sol.weights
    gap = y[:, target] - synthetic
    return _OneFit(
        sol.weights,
        synthetic,
        gap,
        float(np.sqrt(np.mean(gap[pre] ** 2))),
        float(np.sqrt(np.mean(gap[~pre] ** 2))),
        sol,
        v,
    )


def _ratio(post: float, pre: float, floor: float) -> float:
    return post / max(pre, floor)


@dataclass(frozen=True)
class _PlaceboFit:
    """One donor's placebo: its gap and RMSPEs, and with a holdout the held-out fit's."""

    gap: np.ndarray
    pre_rmspe: float
    post_rmspe: float
    held: float  # RMSPE in the held-out periods of the fit on the training periods
    held_post: float  # that fit's post-period RMSPE

    def statistic(self, holdout: int, floor: float) -> tuple[float, float]:
        """The RMSPE ratio and the RMSPE it divides by, as ``synthetic_control`` computes
        them (the floor depends on the treated unit, so it is applied here).
        """
        if holdout:
            return _ratio(self.held_post, self.held, floor), self.held
        return _ratio(self.post_rmspe, self.pre_rmspe, floor), self.pre_rmspe


def _placebos(
    y: np.ndarray,
    pre: np.ndarray,
    train: np.ndarray,
    hold: np.ndarray,
    preds: np.ndarray | None,
    v_maxiter: int,
    holdout: int,
    donors: list[Hashable],
    periods: pd.Index,
    cache: PlaceboCache | None,
) -> tuple[_PlaceboFit, ...]:
    """Every donor's placebo (columns 1.. of ``y``; column 0, the treated unit, is no donor),
    from ``cache`` when it has this donor pool's.
    """

    def compute() -> tuple[_PlaceboFit, ...]:
        post = ~pre
        pool = np.arange(1, y.shape[1])
        fits = []
        for j in range(1, y.shape[1]):
            others = pool[pool != j]
            fit = _fit_one(y, j, others, pre, preds, v_maxiter)
            held = held_post = float("nan")
            if holdout:
                gap = _fit_one(y, j, others, train, preds, v_maxiter).gap
                held = float(np.sqrt(np.mean(gap[hold] ** 2)))
                held_post = float(np.sqrt(np.mean(gap[post] ** 2)))
            fit.gap.setflags(write=False)  # shared through the cache
            fits.append(_PlaceboFit(fit.gap, fit.pre_rmspe, fit.post_rmspe, held, held_post))
        return tuple(fits)

    if cache is None:
        return compute()
    key = _placebo_key(
        donors,
        periods,
        y[:, 1:],
        None if preds is None else preds[:, 1:],
        pre,
        (holdout, v_maxiter),
    )
    return cache.fits(key, compute)


class PlaceboCache:
    """Placebo fits shared by synthetic controls that have the same donors.

    A donor's placebo (the donor treated, the other donors as its donors) depends on the
    donors' outcomes, the periods and the options, never on the treated unit: the per-area
    synthetic controls of a study all draw on the same donor pool, so its placebos are fitted
    once and reused. Entries are keyed on exactly those inputs (their bytes), so a reused fit
    is the fit that would have been computed: the results are bit for bit the same. The
    cache keeps the ``max_entries`` most recently used donor pools and is thread-safe.
    """

    def __init__(self, max_entries: int = 8) -> None:
        self.max_entries = max_entries
        self._memo = Memo(maxsize=max_entries)

    @property
    def hits(self) -> int:
        """Look-ups answered from the cache."""
        return self._memo.hits

    @property
    def misses(self) -> int:
        """Look-ups that fitted the placebos."""
        return self._memo.misses

    def fits(
        self, key: bytes, compute: Callable[[], tuple[_PlaceboFit, ...]]
    ) -> tuple[_PlaceboFit, ...]:
        """The placebo fits under ``key``, computed by ``compute`` when not kept."""
        return self._memo.get(key, compute)

    def clear(self) -> None:
        """Forget every kept fit."""
        self._memo.clear()


def _placebo_key(
    donors: list[Hashable],
    periods: pd.Index,
    y_donors: np.ndarray,
    preds_donors: np.ndarray | None,
    pre: np.ndarray,
    options: tuple[int, int],
) -> bytes:
    """The digest of everything a donor pool's placebo fits depend on."""
    digest = hashlib.blake2b(digest_size=32)
    for part in (repr(donors), repr(list(periods)), repr(options), repr(y_donors.shape)):
        digest.update(part.encode())
        digest.update(b"\0")
    digest.update(np.ascontiguousarray(y_donors).tobytes())
    digest.update(np.ascontiguousarray(pre).tobytes())
    if preds_donors is not None:
        digest.update(repr(preds_donors.shape).encode())
        digest.update(np.ascontiguousarray(preds_donors).tobytes())
    return digest.digest()


def synthetic_control(
    frame: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    period: str,
    treated_unit: Hashable,
    first_treated_period: Any,
    donors: Sequence[Hashable] | None = None,
    placebo: bool = True,
    covariates: pd.DataFrame | None = None,
    min_pre_periods: int = 5,
    min_donors: int = 2,
    max_relative_rmspe: float = 0.25,
    max_outside_share: float = 0.25,
    v_maxiter: int = 400,
    holdout: int = 0,
    placebo_cache: PlaceboCache | None = None,
) -> SyntheticControlResult:
    """Synthetic control of ``treated_unit`` with placebo-in-space inference.

    Parameters
    ----------
    frame : pandas.DataFrame
        Long panel, one row per unit and period.
    outcome, unit, period : str
        Column names. Periods must be sortable and of one type (integers, or ``YYYY-MM``
        strings).
    treated_unit : hashable
        The treated unit (a value of ``unit``).
    first_treated_period : object
        First treated period, in the form of ``period``; earlier periods are the pre-period and
        it and later ones the post-period.
    donors : sequence, optional
        Donor units; None means every other unit. Donors with a missing outcome in any period of
        ``frame`` are dropped (see ``dropped`` in the result).
    placebo : bool, default True
        Fit every donor as if treated, with the other donors as its donors, for the p-value.
    covariates : pandas.DataFrame, optional
        Predictors to match, indexed by unit with one numeric column each (for example
        pre-period means); V is chosen to minimise the pre-period outcome MSPE. None (default)
        matches the pre-period outcomes themselves with equal weight.
    min_pre_periods : int, default 5
        Fewest pre-periods accepted.
    min_donors : int, default 2
        Fewest donors (after dropping those with missing values) accepted.
    max_relative_rmspe : float, default 0.25
        The fit is ``poor`` when the pre-RMSPE exceeds this share of the mean cross-sectional
        standard deviation of the donors' pre-period outcome.
    max_outside_share : float, default 0.25
        The fit is ``poor`` when the treated unit is outside the donors' range (above the largest
        or below the smallest donor value) in more than this share of the pre-periods.
    v_maxiter : int, default 400
        Iterations of the search for V (only with ``covariates``).
    holdout : int, default 0
        With 0, the test statistic is ADH's in-sample ratio ``post_rmspe / pre_rmspe``. With a
        positive number, the last ``holdout`` pre-periods are held out: the statistic's weights
        are fitted on the earlier pre-periods and the ratio is the post-period RMSPE over the
        RMSPE in the held-out periods, both out of sample. The in-sample ratio is oversized when
        the treated unit is smoother than the donors (an aggregate of municipalities against
        single municipalities: the in-sample fit absorbs the donors' noise, the post-period
        gap does not); the held-out ratio compares like with like. The estimate, the weights
        and the gaps always come from the fit on the whole pre-period.
    placebo_cache : PlaceboCache, optional
        Where to keep and find the placebo fits of this donor pool, so that synthetic
        controls of other treated units against the same donors reuse them (with the same
        results). None fits them here.

    Returns
    -------
    SyntheticControlResult
        Weights, synthetic series and gaps, RMSPEs, the placebo table and p-value, and the fit
        verdict.

    Raises
    ------
    SynthError
        For a missing column, repeated (unit, period) rows, an unknown treated unit or donor, a
        treated unit with a missing outcome, too few pre-periods or donors, or unusable
        covariates; the message names what is wrong.
    """
    wide = _wide(frame, outcome, unit, period)
    pre, post = _split(wide.index, first_treated_period, period, min_pre_periods)
    donor_list = _donor_list(wide, treated_unit, donors, unit)
    treated_values = wide[treated_unit]
    if treated_values.isna().any():
        holes = treated_values.isna().to_numpy()
        where = treated_values.index[holes].tolist()
        part = "pre-period" if bool(np.any(pre[holes])) else "post-period"
        raise SynthError(
            f"treated unit {treated_unit!r} has no outcome in {len(where)} {period} values "
            f"(missing in the {part}): {_show(where)}; it needs a value in every period"
        )
    n_missing = wide[donor_list].isna().sum()
    dropped_units = [d for d in donor_list if n_missing[d] > 0]
    dropped = pd.DataFrame(
        {
            "unit": dropped_units,
            "reason": [
                f"outcome missing in {int(n_missing[d])} of {len(wide)} periods"
                for d in dropped_units
            ],
        },
        columns=["unit", "reason"],
    )
    kept = [d for d in donor_list if n_missing[d] == 0]
    if len(kept) < min_donors:
        raise SynthError(
            f"only {len(kept)} donors with an outcome in every period "
            f"({len(dropped_units)} dropped for missing values); at least {min_donors} are needed"
        )
    units = [treated_unit, *kept]
    y = wide[units].to_numpy(dtype=float)
    preds_frame = _predictors(covariates, units, unit)
    preds = None if preds_frame is None else preds_frame.to_numpy().T

    if holdout < 0 or (holdout and int(pre.sum()) - holdout < min_pre_periods):
        raise SynthError(
            f"holdout={holdout} leaves {int(pre.sum()) - holdout} of {int(pre.sum())} "
            f"pre-periods to fit; it must be between 0 and {int(pre.sum()) - min_pre_periods}"
        )
    order = np.cumsum(pre)
    hold = pre & (order > int(pre.sum()) - holdout)
    train = pre & ~hold

    spread = float(np.nanmean(np.std(y[pre][:, 1:], axis=1, ddof=1)))
    floor = _RMSPE_FLOOR * max(spread, float(np.abs(y[pre]).mean()), 1e-300)
    pool = np.arange(1, len(units))

    def statistic(j: int, others: np.ndarray, full: _OneFit) -> tuple[float, float]:
        """The test statistic of unit ``j``: its RMSPE ratio and the pre-RMSPE it divides by."""
        if not holdout:
            return _ratio(full.post_rmspe, full.pre_rmspe, floor), full.pre_rmspe
        gap = _fit_one(y, j, others, train, preds, v_maxiter).gap
        held = float(np.sqrt(np.mean(gap[hold] ** 2)))
        return _ratio(float(np.sqrt(np.mean(gap[post] ** 2))), held, floor), held

    main = _fit_one(y, 0, pool, pre, preds, v_maxiter)
    ratio, main_held = statistic(0, pool, main)

    placebo_table: pd.DataFrame | None = None
    stats: pd.DataFrame | None = None
    p_value: float | None = None
    n_units = 1
    if placebo:
        gaps: dict[Hashable, np.ndarray] = {}
        rows = [
            (
                treated_unit,
                main.pre_rmspe,
                main.post_rmspe,
                main_held,
                ratio,
                float(main.gap[post].mean()),
                True,
            )
        ]

        placebos = _placebos(
            y, pre, train, hold, preds, v_maxiter, holdout, kept, wide.index, placebo_cache
        )
        for j, fit in enumerate(placebos, start=1):
            gaps[units[j]] = fit.gap
            unit_ratio, held = fit.statistic(holdout, floor)
            rows.append(
                (
                    units[j],
                    fit.pre_rmspe,
                    fit.post_rmspe,
                    held,
                    unit_ratio,
                    float(fit.gap[post].mean()),
                    False,
                )
            )
        placebo_table = pd.DataFrame(gaps, index=wide.index)
        placebo_table.columns.name = unit
        columns = [unit, "pre_rmspe", "post_rmspe", "ratio_denominator", "ratio", "effect"]
        stats = pd.DataFrame(rows, columns=[*columns, "treated"]).set_index(unit)
        if not holdout:
            stats = stats.drop(columns="ratio_denominator")
        ratios = stats["ratio"].to_numpy()
        n_units = len(ratios)
        # Ties count against the treated unit: a placebo as extreme as it is counted
        p_value = float(np.sum(ratios >= ratio * (1 - 1e-12)) / n_units)

    lo, hi = y[pre][:, 1:].min(axis=1), y[pre][:, 1:].max(axis=1)
    outside = float(np.mean((y[pre, 0] > hi) | (y[pre, 0] < lo)))
    relative = main.pre_rmspe / spread if spread > 0 else float("inf")
    reasons = []
    if relative > max_relative_rmspe:
        reasons.append("pre_rmspe_large")
    if outside > max_outside_share:
        reasons.append("outside_hull")

    index = wide.index
    return SyntheticControlResult(
        treated_unit=treated_unit,
        first_treated_period=first_treated_period,
        weights=pd.Series(main.weights, index=pd.Index(kept, name=unit), name="weight"),
        treated=pd.Series(y[:, 0], index=index, name="treated"),
        synthetic=pd.Series(main.synthetic, index=index, name="synthetic"),
        gap=pd.Series(main.gap, index=index, name="gap"),
        pre_rmspe=main.pre_rmspe,
        post_rmspe=main.post_rmspe,
        ratio=ratio,
        effect=float(main.gap[post].mean()),
        placebo=placebo_table,
        placebo_stats=stats,
        p_value=p_value,
        n_placebo_units=n_units,
        fit="poor" if reasons else "good",
        fit_reasons=tuple(reasons),
        relative_pre_rmspe=float(relative),
        outside_share=outside,
        dropped=dropped,
        donors=tuple(kept),
        pre_periods=tuple(index[pre]),
        post_periods=tuple(index[post]),
        covariates=() if preds_frame is None else tuple(str(c) for c in preds_frame.columns),
        v_weights=None
        if main.v is None or preds_frame is None
        else pd.Series(main.v, index=preds_frame.columns, name="v"),
        solver=main.solution.method,
        kkt_violation=main.solution.kkt_violation,
        holdout=holdout,
    )
