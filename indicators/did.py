"""Effectiveness evaluation: two-way fixed-effects difference-in-differences and event studies.

Plain pandas in, frozen dataclasses out, so that the same calls work in the dashboard, in a
notebook and in the tests. The estimation itself is done by :func:`within_fit`: least squares
after the unit and period effects are removed by the exact two-way within transformation (the
closed form y - ȳ_i - ȳ_t + ȳ for a balanced unweighted panel; otherwise unit demeaning and the
period effects from their T × T normal equations, solved directly, not iterated), for panels
and for repeated cross-sections (a unit, a group, observed more than once in a period) alike.
It reproduces linearmodels' ``PanelOLS`` (unit and period effects absorbed) and statsmodels'
dummy-variable least squares to rounding, in a fraction of their time; both stay available as
the reference inside ``with reference_estimator():`` and the tests compare the two.

Degrees-of-freedom conventions (the same in both paths):

* ``cluster=None``: conventional OLS standard errors, s² = SSR / (n - k - N - T + 1), which is
  what the least-squares dummy-variable regression (and so a textbook 2 × 2 regression with a
  constant, a group dummy, a period dummy and their interaction) reports. Inference uses the t
  distribution with n - k - N - T + 1 degrees of freedom.
* ``cluster="col"``: the CR1 cluster-robust covariance G / (G - 1) · (n - 1) / (n - K), where K
  counts the columns of the equivalent dummy-variable regression (constant, regressors, unit
  and period dummies) less the dummies of an effect nested within the clusters. With
  municipalities clustered on themselves (or on any grouping of them) K = k + T, which is Stata's
  ``xtreg, fe vce(cluster)`` with period dummies and ``reghdfe``'s convention. Inference uses
  the t distribution with G - 1 degrees of freedom. (In the reference path linearmodels counts
  either all absorbed effects or none of them (``count_effects``); we take its covariance with
  none counted (``debiased=True, group_debias=True, count_effects=False``) and apply the
  remaining factor.)
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, TypedDict

import numpy as np
import pandas as pd
from scipy import sparse, stats

from catalogue import calendar

__all__ = [
    "DidResult",
    "EvaluationError",
    "EventStudyResult",
    "PreparedPanel",
    "PretrendTest",
    "WithinFit",
    "estimate_did",
    "event_study",
    "prepare_panel",
    "reference_estimator",
    "within_fit",
]

_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_CONFIDENCE = 0.95


class EvaluationError(ValueError):
    """Raised when the input cannot support the requested estimate; the message says why."""


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DidResult:
    """The difference-in-differences estimate of treated × post with its inference.

    Attributes
    ----------
    estimate, std_error : float
        Coefficient of treated × post and its standard error.
    ci_low, ci_high : float
        95 % confidence interval (t distribution with ``df`` degrees of freedom).
    p_value, t_stat : float
        Two-sided test of a zero effect.
    n_obs, n_units, n_periods : int
        Observations used (after rows with a missing outcome were dropped), units and periods.
    n_clusters : int or None
        Number of clusters, or None for conventional standard errors.
    n_dropped_missing : int
        Rows dropped because the outcome was missing.
    df : int
        Degrees of freedom of the t distribution used for the p-value and the interval.
    cov_type : str
        ``"unadjusted"`` or ``"clustered"``.
    weighted : bool
        Whether weighted least squares was used.
    outcome : str
        Name of the outcome column.
    estimator : str
        What did the estimation: :data:`WITHIN_ESTIMATOR`, or in the reference path
        (:func:`reference_estimator`) ``PanelOLS`` or statsmodels dummy-variable OLS.
    """

    estimate: float
    std_error: float
    ci_low: float
    ci_high: float
    p_value: float
    t_stat: float
    n_obs: int
    n_units: int
    n_periods: int
    n_clusters: int | None
    n_dropped_missing: int
    df: int
    cov_type: str
    weighted: bool
    outcome: str
    estimator: str

    def as_dict(self) -> dict[str, Any]:
        """All fields as a plain dictionary (JSON-friendly scalars)."""
        return asdict(self)

    def summary(self) -> str:
        """A few lines of plain text for a notebook or a log."""
        se_kind = (
            f"clustered ({self.n_clusters} clusters)"
            if self.cov_type == "clustered"
            else "conventional OLS"
        )
        lines = [
            f"Difference-in-differences (two-way fixed effects) for {self.outcome}",
            f"  estimate      {self.estimate: .6g}",
            f"  std. error    {self.std_error: .6g}  [{se_kind}]",
            f"  95 % CI       [{self.ci_low:.6g}, {self.ci_high:.6g}]",
            f"  t = {self.t_stat:.3f}, p = {self.p_value:.4f} (t with {self.df} df)",
            f"  n = {self.n_obs} observations, {self.n_units} units, {self.n_periods} periods"
            + (
                f"; {self.n_dropped_missing} rows without outcome dropped"
                if self.n_dropped_missing
                else ""
            ),
            f"  {'weighted' if self.weighted else 'unweighted'}; {self.estimator}",
        ]
        return "\n".join(lines)


@dataclass(frozen=True)
class PretrendTest:
    """Joint Wald test that every lead (pre-event) coefficient is zero.

    ``statistic`` is the F form W / q of the Wald statistic W, compared with F(q, df_denom),
    as Stata's ``test`` and fixest's ``wald`` do after a regression; ``chi2`` is W itself.
    """

    statistic: float
    df: int
    df_denom: int
    p_value: float
    chi2: float
    leads_tested: tuple[int, ...]

    def as_dict(self) -> dict[str, Any]:
        """All fields as a plain dictionary."""
        return asdict(self)


@dataclass(frozen=True, eq=False)
class EventStudyResult:
    """Event-study coefficients by period relative to the event, and the pre-trend test.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per relative period of the window: ``rel_period``, ``estimate``,
        ``std_error``, ``ci_low``, ``ci_high``, ``p_value``, ``is_reference`` and ``binned``.
        The reference period has estimate 0 and missing standard error and interval. A period
        with no treated observation has missing values throughout.
    pretrend : PretrendTest or None
        The joint test of the leads, or None when the window has no lead to test.
    reference : int
        The omitted relative period.
    window : tuple of int
        First and last relative period of the window (the endpoints hold the bins).
    n_obs, n_units, n_periods, n_clusters, df, cov_type, weighted, outcome
        As for :class:`DidResult` (``n_periods``: calendar periods; ``df``: for the
        intervals).
    """

    table: pd.DataFrame
    pretrend: PretrendTest | None
    reference: int
    window: tuple[int, int]
    n_obs: int
    n_units: int
    n_periods: int
    n_clusters: int | None
    df: int
    cov_type: str
    weighted: bool
    outcome: str

    def as_dict(self) -> dict[str, Any]:
        """A dictionary with the table as a list of records."""
        out: dict[str, Any] = {
            "table": self.table.to_dict(orient="records"),
            "pretrend": None if self.pretrend is None else self.pretrend.as_dict(),
        }
        for name in (
            "reference",
            "window",
            "n_obs",
            "n_units",
            "n_periods",
            "n_clusters",
            "df",
            "cov_type",
            "weighted",
            "outcome",
        ):
            out[name] = getattr(self, name)
        return out

    def summary(self) -> str:
        """The coefficient table and the pre-trend test as plain text."""
        head = (
            f"Event study for {self.outcome}: relative periods {self.window[0]}..{self.window[1]},"
            f" reference {self.reference}; n = {self.n_obs}, {self.n_units} units"
        )
        body = self.table.to_string(index=False, float_format=lambda v: f"{v:.5g}")
        if self.pretrend is None:
            tail = "Pre-trend test: no lead coefficients to test."
        else:
            p = self.pretrend
            tail = (
                f"Pre-trend test (all {p.df} leads = 0): F = {p.statistic:.4g}"
                f" with ({p.df}, {p.df_denom}) df, p = {p.p_value:.4f}"
            )
        return "\n".join([head, body, tail])


@dataclass(frozen=True, eq=False)
class PreparedPanel:
    """The output of ``prepare_panel``: the estimation frame and what was left out.

    Attributes
    ----------
    frame : pandas.DataFrame
        Columns ``unit``, ``month`` ('YYYY-MM'), the outcome, the weight column if any,
        ``treated`` and ``post`` (0/1) and ``rel_month`` (months since the event month).
    dropped : pandas.DataFrame
        Columns ``unit``, ``reason`` and ``n_rows``: units or rows that were left out.
    missing_treated : tuple
        Treated units that have no observation in the window at all.
    event_month : str
        The event month, 'YYYY-MM'.
    window : tuple of str
        The first and last month of the window actually used.
    """

    frame: pd.DataFrame
    dropped: pd.DataFrame
    missing_treated: tuple[Any, ...]
    event_month: str
    window: tuple[str, str]


# --------------------------------------------------------------------------------------------
# Input checks
# --------------------------------------------------------------------------------------------


def _require_columns(frame: pd.DataFrame, columns: dict[str, str | None]) -> None:
    if not isinstance(frame, pd.DataFrame):
        raise EvaluationError(f"expected a pandas DataFrame, got {type(frame).__name__}")
    for role, column in columns.items():
        if column is not None and column not in frame.columns:
            raise EvaluationError(f"{role} column {column!r} is not in the frame")


def _binary(frame: pd.DataFrame, column: str, role: str) -> pd.Series:
    values = frame[column]
    if values.isna().any():
        raise EvaluationError(f"{role} column {column!r} has missing values; it must be 0/1")
    if pd.api.types.is_bool_dtype(values):
        return values.astype(np.int64)
    if not pd.api.types.is_numeric_dtype(values):
        raise EvaluationError(f"{role} column {column!r} must be 0/1, not {values.dtype}")
    bad = sorted(set(values.unique()) - {0, 1})
    if bad:
        raise EvaluationError(f"{role} column {column!r} must be 0/1; found {bad[:5]}")
    return values.astype(np.int64)


def _numeric(frame: pd.DataFrame, column: str, role: str) -> pd.Series:
    values = frame[column]
    if not pd.api.types.is_numeric_dtype(values) or pd.api.types.is_bool_dtype(values):
        raise EvaluationError(f"{role} column {column!r} must be numeric, not {values.dtype}")
    return values.astype(np.float64)


def _no_missing(frame: pd.DataFrame, column: str, role: str) -> None:
    n_missing = int(frame[column].isna().sum())
    if n_missing:
        raise EvaluationError(f"{role} column {column!r} has {n_missing} missing values")


def _constant_within(values: pd.Series, groups: pd.Series, what: str, column: str) -> None:
    grouping = "unit" if what == "treated" else "period"
    spread = values.groupby(groups, sort=False).nunique()
    varying = spread[spread > 1]
    if not varying.empty:
        raise EvaluationError(
            f"{what} column {column!r} must be constant within each {grouping}; "
            f"it varies for {len(varying)} of them, e.g. {varying.index[0]!r}"
        )


@dataclass(frozen=True)
class _Clean:
    """Validated inputs of one estimate, with rows lacking the outcome already dropped."""

    data: pd.DataFrame  # columns _y, _u, _p, _treated, and _c, _w when used
    n_dropped_missing: int
    weighted: bool
    clustered: bool


@dataclass(frozen=True)
class _Columns:
    """The columns an estimate reads, by role (the role names the column in error messages)."""

    outcome: str
    unit: str
    period: str
    treated: str
    cluster: str | None
    weights: str | None


def _clean(frame: pd.DataFrame, columns: _Columns, extra: dict[str, str] | None = None) -> _Clean:
    _require_columns(frame, {**asdict(columns), **(extra or {})})
    y = _numeric(frame, columns.outcome, "outcome")
    _no_missing(frame, columns.unit, "unit")
    _no_missing(frame, columns.period, "period")
    data = pd.DataFrame(
        {
            "_y": y.to_numpy(),
            "_u": frame[columns.unit].to_numpy(),
            # .array keeps a Period dtype, whose frequency sets the unit of relative periods
            "_p": frame[columns.period].array,
            "_treated": _binary(frame, columns.treated, "treated").to_numpy(),
        }
    )
    for role, column in (extra or {}).items():
        data[f"_{role}"] = _binary(frame, column, role).to_numpy()
    if columns.cluster is not None:
        _no_missing(frame, columns.cluster, "cluster")
        data["_c"] = frame[columns.cluster].to_numpy()
    if columns.weights is not None:
        w = _numeric(frame, columns.weights, "weights")
        if w.isna().any() or not np.isfinite(w).all() or (w <= 0).any():
            raise EvaluationError(
                f"weights column {columns.weights!r} must be positive and finite in every row"
            )
        data["_w"] = w.to_numpy()
    keep = data["_y"].notna() & np.isfinite(data["_y"])
    n_dropped = int((~keep).sum())
    data = data.loc[keep].reset_index(drop=True)
    if data.empty:
        raise EvaluationError(f"outcome column {columns.outcome!r} has no non-missing values")
    _constant_within(data["_treated"], data["_u"], "treated", columns.treated)
    if not data["_treated"].any():
        raise EvaluationError(f"treated column {columns.treated!r}: no treated units in the data")
    if data["_treated"].all():
        raise EvaluationError(f"treated column {columns.treated!r}: no untreated (control) units")
    if columns.cluster is not None and data["_c"].nunique() < 2:
        raise EvaluationError(f"cluster column {columns.cluster!r} needs at least two clusters")
    return _Clean(data, n_dropped, columns.weights is not None, columns.cluster is not None)


# --------------------------------------------------------------------------------------------
# Estimation core
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Fit:
    params: pd.Series
    cov: pd.DataFrame
    df: int
    n_obs: int
    n_units: int
    n_periods: int
    n_clusters: int | None
    estimator: str
    # Wald χ² of H0: the named coefficients are all zero, on the corrected covariance
    wald: Callable[[Sequence[str]], float] = field(repr=False)


def _is_nested(inner: np.ndarray, outer: np.ndarray) -> bool:
    """True if every group of ``inner`` lies within a single group of ``outer``."""
    pairs = pd.DataFrame({"i": inner, "o": outer}).drop_duplicates()
    return bool(pairs["i"].is_unique)


def _clustered_k(k: int, units: np.ndarray, periods: np.ndarray, clusters: np.ndarray) -> int:
    """K of the CR1 factor: dummy-regression columns less those of effects nested in clusters."""
    n_units = len(np.unique(units))
    n_periods = len(np.unique(periods))
    big_k = k + 1  # the regressors and a constant
    if not _is_nested(units, clusters):
        big_k += n_units - 1
    if not _is_nested(periods, clusters):
        big_k += n_periods - 1
    return big_k


# --------------------------------------------------------------------------------------------
# The exact two-way within estimator
# --------------------------------------------------------------------------------------------

_REFERENCE = False  # True inside ``reference_estimator()``: PanelOLS / statsmodels as before
# linearmodels' test for a regressor absorbed by the effects (less than this share of its
# norm left after the effects are removed, or after it is projected on the columns before it)
_ABSORBED_TOL = 1e-5
WITHIN_ESTIMATOR = "exact two-way within transformation (numpy)"


@contextlib.contextmanager
def reference_estimator() -> Iterator[None]:
    """Estimate with the reference libraries inside the block: linearmodels' ``PanelOLS`` for
    panels and statsmodels' dummy-variable OLS for repeated cross-sections, as before
    :func:`within_fit` became the default. For tests and benchmarks: the switch is
    module-wide (not per thread).
    """
    global _REFERENCE
    previous = _REFERENCE
    _REFERENCE = True
    try:
        yield
    finally:
        _REFERENCE = previous


@dataclass(frozen=True)
class WithinFit:
    """The result of :func:`within_fit`.

    ``params`` and ``cov`` are arrays in the order of the regressors; ``df_resid`` is
    n - k - N - T + 1 (the residual degrees of freedom with every effect counted);
    ``wald(idx)`` is the Wald χ² of H0: the coefficients at positions ``idx`` are zero, on
    ``cov``.
    """

    params: np.ndarray
    cov: np.ndarray
    df_resid: int
    n_clusters: int | None

    def wald(self, idx: Sequence[int]) -> float:
        """Wald χ² that the coefficients at ``idx`` are all zero."""
        pick = np.asarray(idx, dtype=np.int64)
        b = self.params[pick]
        v = self.cov[np.ix_(pick, pick)]
        return float(b @ np.linalg.solve(v, b))


def _two_way_demean(
    values: np.ndarray,
    units: np.ndarray,
    periods: np.ndarray,
    weights: np.ndarray | None,
    n_units: int,
    n_periods: int,
) -> np.ndarray:
    """``values`` (n × m) less their (weighted) projection on unit and period dummies, exactly.

    A balanced unweighted panel takes the closed form y - ȳ_i - ȳ_t + ȳ. Otherwise the unit
    means are removed first and the period effects of the unit-demeaned data come from their
    T × T normal equations (Frisch-Waugh-Lovell), solved once for every column: no iteration,
    so the result is exact up to rounding for any pattern of missing cells and weights.
    """
    n = len(units)
    rows = np.arange(n)
    cell_count = np.bincount(units * n_periods + periods, minlength=n_units * n_periods)
    if weights is None and (cell_count == 1).all():
        unit_sum = sparse.csr_matrix((np.ones(n), (units, rows)), shape=(n_units, n))
        period_sum = sparse.csr_matrix((np.ones(n), (periods, rows)), shape=(n_periods, n))
        unit_mean = (unit_sum @ values) / n_periods
        period_mean = (period_sum @ values) / n_units
        grand = values.mean(axis=0)
        return np.asarray(values - unit_mean[units] - period_mean[periods] + grand)
    w = np.ones(n) if weights is None else weights
    unit_w = sparse.csr_matrix((w, (units, rows)), shape=(n_units, n))
    period_w = sparse.csr_matrix((w, (periods, rows)), shape=(n_periods, n))
    w_unit = np.asarray(unit_w.sum(axis=1)).ravel()
    w_period = np.asarray(period_w.sum(axis=1)).ravel()
    within = values - ((unit_w @ values) / w_unit[:, None])[units]
    # cells[i, t]: the weight of unit i in period t; the unit-demeaned period dummies' Gram
    # matrix is diag(W_t) - cellsᵀ diag(1/W_i) cells
    period_rows = sparse.csr_matrix((np.ones(n), (periods, rows)), shape=(n_periods, n))
    cells = (unit_w @ period_rows.T).toarray()
    gram = np.diag(w_period) - cells.T @ (cells / w_unit[:, None])
    rhs = period_w @ within
    effects = np.zeros((n_periods, values.shape[1]))
    # The first period's effect is the reference (the rows of a connected design sum to zero)
    try:
        effects[1:] = np.linalg.solve(gram[1:, 1:], rhs[1:])
    except np.linalg.LinAlgError:  # a disconnected design: any solution has the same fit
        effects = np.linalg.lstsq(gram, rhs, rcond=None)[0]
    unit_effect = (cells @ effects) / w_unit[:, None]
    return np.asarray(within - effects[periods] + unit_effect[units])


def _absorbed(x: np.ndarray, x_orig: np.ndarray) -> bool:
    """True if a column of ``x`` (after the effects) keeps less than :data:`_ABSORBED_TOL` of
    its original norm, alone or after the columns before it are projected out (as
    linearmodels' ``check_absorbed``).
    """
    norms = np.linalg.norm(x_orig, axis=0)
    if not (norms > 0).all():
        return True
    r = np.linalg.qr(x / norms, mode="r")
    return bool((np.abs(np.diag(r)) < _ABSORBED_TOL).any())


def within_fit(
    y: np.ndarray,
    x: np.ndarray,
    units: np.ndarray,
    periods: np.ndarray,
    *,
    weights: np.ndarray | None = None,
    clusters: np.ndarray | None = None,
    names: Sequence[str] | None = None,
) -> WithinFit:
    """Least squares of ``y`` on ``x`` with unit and period fixed effects, absorbed exactly.

    Parameters
    ----------
    y : array (n,)
        The outcome, without missing values.
    x : array (n, k)
        The regressors.
    units, periods : array (n,)
        Integer codes 0..N-1 and 0..T-1 of every observation's unit and period; a unit may
        have several rows in a period (repeated cross-sections).
    weights : array (n,), optional
        Positive weights for weighted least squares.
    clusters : array (n,), optional
        Integer cluster codes for the CR1 cluster-robust covariance with the K convention of
        the module docstring; None gives the conventional covariance with every absorbed
        effect counted, s² = SSR / (n - k - N - T + 1).
    names : sequence of str, optional
        The regressors' names, for the error message.

    Returns
    -------
    WithinFit
        The same coefficients, covariance, residual degrees of freedom and Wald statistic as
        linearmodels' ``PanelOLS`` (and the least-squares dummy-variable regression) with the
        conventions of this module.

    Raises
    ------
    EvaluationError
        If a regressor is absorbed by the effects or collinear with the others after them.
    """
    y = np.asarray(y, dtype=np.float64)
    x = np.asarray(x, dtype=np.float64)
    n, k = x.shape
    n_units = int(units.max()) + 1
    n_periods = int(periods.max()) + 1
    demeaned = _two_way_demean(np.column_stack([y, x]), units, periods, weights, n_units, n_periods)
    root_w = np.ones(n) if weights is None else np.sqrt(weights)
    wy = root_w * demeaned[:, 0]
    wx = root_w[:, None] * demeaned[:, 1:]
    if _absorbed(wx, root_w[:, None] * x):
        shown = ", ".join(map(str, names if names is not None else range(k)))
        raise EvaluationError(
            f"the treatment regressor(s) are collinear with the unit and period effects: {shown}"
        )
    params = np.linalg.lstsq(wx, wy, rcond=None)[0]
    resid = wy - wx @ params
    bread = np.linalg.inv(wx.T @ wx)
    df_resid = n - k - n_units - n_periods + 1
    if clusters is None:
        cov = bread * (float(resid @ resid) / df_resid)
        return WithinFit(params, cov, df_resid, None)
    n_clusters = int(clusters.max()) + 1
    big_k = _clustered_k(k, units, periods, clusters)
    if n - big_k <= 0:
        raise EvaluationError("too few observations for the clustered covariance")
    by_cluster = sparse.csr_matrix(
        (np.ones(n), (clusters, np.arange(n))), shape=(n_clusters, n)
    ) @ (wx * resid[:, None])
    meat = by_cluster.T @ by_cluster
    scale = n_clusters / (n_clusters - 1) * (n - 1) / (n - big_k)
    return WithinFit(params, scale * (bread @ meat @ bread), df_resid, n_clusters)


@dataclass(frozen=True)
class _Codes:
    """The units, periods and clusters (None: unclustered) of the cleaned data, coded 0, 1, 2."""

    units: np.ndarray
    periods: np.ndarray
    clusters: np.ndarray | None


def _fit_twfe(clean: _Clean, regressors: pd.DataFrame) -> _Fit:
    """Regress the outcome on ``regressors`` with unit and period fixed effects."""
    data = clean.data
    units = pd.factorize(data["_u"], sort=True)[0]
    periods = pd.factorize(data["_p"], sort=True)[0]
    clusters = pd.factorize(data["_c"], sort=True)[0] if clean.clustered else None
    codes = _Codes(units, periods, clusters)
    if not _REFERENCE:
        return _fit_within(clean, regressors, codes)
    panel = not pd.DataFrame({"u": units, "p": periods}).duplicated().any()
    n_obs = len(data)
    k = regressors.shape[1]
    fit_lib = _fit_panelols if panel else _fit_dummies
    params, cov_lib, df_lib, wald_lib, estimator = fit_lib(clean, regressors, codes)
    if clusters is None:
        factor = 1.0
        df = df_lib
        n_clusters = None
    else:
        # The library's covariance carries (n - 1) / (n - k_lib); replace k_lib by our K
        big_k = _clustered_k(k, units, periods, clusters)
        k_lib = k if panel else n_obs - df_lib
        if n_obs - big_k <= 0:
            raise EvaluationError("too few observations for the clustered covariance")
        factor = (n_obs - k_lib) / (n_obs - big_k)
        n_clusters = len(np.unique(clusters))
        df = n_clusters - 1
    cov = cov_lib * factor

    def wald(names: Sequence[str]) -> float:
        return wald_lib(list(names)) / factor

    return _Fit(
        params=params,
        cov=cov,
        df=int(df),
        n_obs=n_obs,
        n_units=len(np.unique(units)),
        n_periods=len(np.unique(periods)),
        n_clusters=n_clusters,
        estimator=estimator,
        wald=wald,
    )


def _fit_within(clean: _Clean, regressors: pd.DataFrame, codes: _Codes) -> _Fit:
    """:func:`within_fit` on the cleaned data, as a :class:`_Fit`."""
    data = clean.data
    names = [str(c) for c in regressors.columns]
    fit = within_fit(
        data["_y"].to_numpy(dtype=np.float64),
        regressors.to_numpy(dtype=np.float64),
        codes.units,
        codes.periods,
        weights=data["_w"].to_numpy(dtype=np.float64) if clean.weighted else None,
        clusters=codes.clusters,
        names=names,
    )
    position = {name: i for i, name in enumerate(names)}

    def wald(tested: Sequence[str]) -> float:
        return fit.wald([position[name] for name in tested])

    return _Fit(
        params=pd.Series(fit.params, index=names),
        cov=pd.DataFrame(fit.cov, index=names, columns=names),
        df=fit.df_resid if fit.n_clusters is None else fit.n_clusters - 1,
        n_obs=len(data),
        n_units=int(codes.units.max()) + 1,
        n_periods=int(codes.periods.max()) + 1,
        n_clusters=fit.n_clusters,
        estimator=WITHIN_ESTIMATOR,
        wald=wald,
    )


_LibFit = tuple[pd.Series, pd.DataFrame, int, Callable[[list[str]], float], str]


def _fit_panelols(clean: _Clean, regressors: pd.DataFrame, codes: _Codes) -> _LibFit:
    # Imported here: only the reference path needs linearmodels (seconds to import)
    from linearmodels import PanelOLS
    from linearmodels.panel.utility import AbsorbingEffectError

    index = pd.MultiIndex.from_arrays([codes.units, codes.periods], names=["unit", "period"])
    y = pd.Series(clean.data["_y"].to_numpy(), index=index, name="y")
    x = pd.DataFrame(regressors.to_numpy(dtype=np.float64), index=index, columns=regressors.columns)
    w = pd.Series(clean.data["_w"].to_numpy(), index=index) if clean.weighted else None
    # The callers check identification, and the rank of the raw regressors says nothing about
    # collinearity with the effects (fit checks that), so the costly rank check is skipped
    model = PanelOLS(y, x, entity_effects=True, time_effects=True, weights=w, check_rank=False)
    # In a balanced panel alternating demeaning converges at once (unweighted: one pass) and is
    # several times faster than the default, which regresses on dummies for the smaller
    # dimension; unbalanced panels keep the exact default
    balanced = len(index) == len(np.unique(codes.units)) * len(np.unique(codes.periods))
    try:
        if codes.clusters is None:
            # Every absorbed effect is counted: s² = SSR / (n - k - N - T + 1), as LSDV OLS
            res = model.fit(
                low_memory=balanced,
                cov_type="unadjusted",
                debiased=True,
                auto_df=False,
                count_effects=True,
            )
        else:
            res = model.fit(
                low_memory=balanced,
                cov_type="clustered",
                clusters=pd.DataFrame({"cluster": codes.clusters}, index=index),
                debiased=True,
                group_debias=True,
                auto_df=False,
                count_effects=False,
            )
    except (AbsorbingEffectError, ValueError) as exc:  # not a ValueError in linearmodels 7
        if isinstance(exc, AbsorbingEffectError) or "absorbed" in str(exc).lower():
            raise EvaluationError(
                "the treatment regressor(s) are collinear with the unit and period effects: "
                f"{', '.join(map(str, regressors.columns))}"
            ) from exc
        raise

    def wald(names: list[str]) -> float:
        restriction = pd.DataFrame(
            np.eye(len(res.params))[[list(res.params.index).index(n) for n in names]],
            columns=res.params.index,
        )
        return float(res.wald_test(restriction=restriction).stat)

    return res.params, res.cov, int(res.df_resid), wald, "linearmodels PanelOLS (absorbed)"


def _fit_dummies(clean: _Clean, regressors: pd.DataFrame, codes: _Codes) -> _LibFit:
    # Repeated cross-sections: a unit (group) has several rows per period, which PanelOLS does
    # not accept, so the (few) group and period effects enter as dummies instead. Imported
    # here: only the reference path needs statsmodels (seconds to import)
    import statsmodels.formula.api as smf

    names = {f"x{i}": str(c) for i, c in enumerate(regressors.columns)}
    design = pd.DataFrame(regressors.to_numpy(dtype=np.float64), columns=list(names))
    design["y_"] = clean.data["_y"].to_numpy()
    design["u_"] = codes.units
    design["p_"] = codes.periods
    formula = f"y_ ~ {' + '.join(names)} + C(u_) + C(p_)"
    if clean.weighted:
        model = smf.wls(formula, design, weights=clean.data["_w"].to_numpy())
    else:
        model = smf.ols(formula, design)
    if codes.clusters is None:
        res = model.fit()
    else:
        res = model.fit(
            cov_type="cluster",
            cov_kwds={"groups": codes.clusters, "use_correction": True, "df_correction": True},
        )
    # statsmodels solves by pseudo-inverse and would return an arbitrary split silently
    if model.rank < model.exog.shape[1]:
        raise EvaluationError(
            "the treatment regressor(s) are collinear with the unit and period effects: "
            f"{', '.join(names.values())}"
        )
    params = res.params[list(names)].rename(index=names)
    cov = res.cov_params().loc[list(names), list(names)]
    cov = cov.rename(index=names, columns=names)
    inverse = {v: k for k, v in names.items()}

    def wald(tested: list[str]) -> float:
        restriction = np.zeros((len(tested), len(res.params)))
        for row, name in enumerate(tested):
            restriction[row, list(res.params.index).index(inverse[name])] = 1.0
        test = res.wald_test(restriction, use_f=False, scalar=True)
        return float(np.squeeze(test.statistic))

    return params, cov, int(res.df_resid), wald, "statsmodels OLS with group and period dummies"


def _sample(fit: _Fit, clean: _Clean, outcome: str) -> dict[str, Any]:
    """The sample and covariance fields DidResult and EventStudyResult share."""
    return {
        "n_obs": fit.n_obs,
        "n_units": fit.n_units,
        "n_periods": fit.n_periods,
        "n_clusters": fit.n_clusters,
        "df": fit.df,
        "cov_type": "clustered" if clean.clustered else "unadjusted",
        "weighted": clean.weighted,
        "outcome": outcome,
    }


class _Inference(TypedDict):
    t_stat: float
    p_value: float
    ci_low: float
    ci_high: float


def _inference(estimate: float, se: float, df: int) -> _Inference:
    """The t statistic, two-sided p-value and 95 % interval of ``estimate`` (t with ``df``)."""
    t_stat = estimate / se if se > 0 else float("nan")
    p_value = float(2 * stats.t.sf(abs(t_stat), df))
    half = float(stats.t.ppf(0.5 + _CONFIDENCE / 2, df)) * se
    return _Inference(
        t_stat=t_stat, p_value=p_value, ci_low=estimate - half, ci_high=estimate + half
    )


# --------------------------------------------------------------------------------------------
# Difference-in-differences
# --------------------------------------------------------------------------------------------


def estimate_did(
    frame: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    period: str,
    treated: str,
    post: str,
    cluster: str | None = None,
    weights: str | None = None,
) -> DidResult:
    """Estimate a two-way fixed-effects difference-in-differences.

    The model is ``y_it = a_i + g_t + b · treated_i · post_t + e_it``. With unit and period
    effects the ``treated`` and ``post`` main effects are absorbed; only ``b`` is estimated.

    Parameters
    ----------
    frame : pandas.DataFrame
        Long data, one row per unit and period (a panel) or several rows per unit and period
        (repeated cross-sections, where ``unit`` names a group).
    outcome : str
        Numeric outcome column. Rows where it is missing are dropped and counted in
        ``n_dropped_missing``.
    unit, period : str
        Columns identifying the unit and the period (any sortable values).
    treated : str
        0/1 column, constant within a unit: 1 for treated units.
    post : str
        0/1 column, constant within a period: 1 for periods after the treatment start.
    cluster : str, optional
        Column of cluster ids for CR1 cluster-robust standard errors (e.g. the municipality).
        None gives conventional OLS standard errors.
    weights : str, optional
        Column of positive weights for weighted least squares.

    Returns
    -------
    DidResult
        Estimate, standard error, 95 % interval, p-value and sample counts.

    Raises
    ------
    EvaluationError
        If a column is missing, ``treated`` or ``post`` is not 0/1 or not constant within its
        unit or period, there are no treated or no control units, no pre or no post periods,
        treated × post does not vary independently of the fixed effects, clusters or weights
        are invalid.

    Notes
    -----
    See the module docstring for the degrees-of-freedom conventions.
    """
    columns = _Columns(outcome, unit, period, treated, cluster, weights)
    clean = _clean(frame, columns, extra={"post": post})
    data = clean.data
    _constant_within(data["_post"], data["_p"], "post", post)
    if not data["_post"].any():
        raise EvaluationError(f"post column {post!r}: no post-treatment periods in the data")
    if data["_post"].all():
        raise EvaluationError(f"post column {post!r}: no pre-treatment periods in the data")
    exposure = data["_treated"] * data["_post"]
    treated_pre = ((data["_treated"] == 1) & (data["_post"] == 0)).any()
    control_post = ((data["_treated"] == 0) & (data["_post"] == 1)).any()
    if not exposure.any() or not treated_pre or not control_post:
        raise EvaluationError(
            f"treated × post ({treated!r} × {post!r}) has no variation to identify an effect: "
            "treated units must be observed before and after, and control units after"
        )
    regressors = pd.DataFrame({"treated_x_post": exposure.to_numpy()})
    fit = _fit_twfe(clean, regressors)
    estimate = float(fit.params["treated_x_post"])
    se = float(np.sqrt(fit.cov.loc["treated_x_post", "treated_x_post"]))
    return DidResult(
        estimate=estimate,
        std_error=se,
        **_inference(estimate, se, fit.df),
        n_dropped_missing=clean.n_dropped_missing,
        estimator=fit.estimator,
        **_sample(fit, clean, outcome),
    )


# --------------------------------------------------------------------------------------------
# Event study
# --------------------------------------------------------------------------------------------


def _as_month(value: Any) -> pd.Period | None:
    """A monthly Period from a 'YYYY-MM' string, a Period or a Timestamp; None otherwise."""
    if isinstance(value, pd.Period):
        return value.asfreq("M")
    if isinstance(value, str) and _MONTH_RE.match(value):
        return pd.Period(value, freq="M")
    if isinstance(value, (pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value).to_period("M")
    return None


def _month_ordinals(values: pd.Series, what: str) -> np.ndarray:
    """Monthly Period ordinals of 'YYYY-MM' strings, Periods or datetimes; ``what`` names them."""
    # Parsing each distinct value once keeps a 300 × 70 panel fast
    codes, uniques = pd.factorize(values)
    ordinals = np.empty(len(uniques), dtype=np.int64)
    for i, value in enumerate(uniques):
        month = _as_month(value)
        if month is None:
            raise EvaluationError(
                f"{what} must hold 'YYYY-MM' months, pandas Periods, datetimes or integers; "
                f"found {value!r}"
            )
        ordinals[i] = month.ordinal
    if (codes < 0).any():
        raise EvaluationError(f"{what} has missing values")
    return np.asarray(ordinals[codes])


def _relative_periods(values: pd.Series, event: Any, column: str) -> pd.Series:
    """Whole periods from ``event`` to each value: months for months, units for integers."""
    if pd.api.types.is_integer_dtype(values) and not pd.api.types.is_bool_dtype(values):
        if not isinstance(event, (int, np.integer)) or isinstance(event, bool):
            raise EvaluationError(
                f"period column {column!r} holds integers, so event_period must be an integer"
            )
        return (values - int(event)).astype(np.int64)
    if isinstance(values.dtype, pd.PeriodDtype):
        freq = values.dtype.freq
        event_p = event if isinstance(event, pd.Period) else pd.Period(event, freq=freq)
        ordinals = pd.PeriodIndex(values).asi8
        return pd.Series(ordinals - event_p.asfreq(freq).ordinal, index=values.index)
    event_m = _as_month(event)
    if event_m is None:
        raise EvaluationError(f"event_period {event!r} is not a 'YYYY-MM' month or a Period")
    ordinals = _month_ordinals(values, f"period column {column!r}")
    return pd.Series(ordinals - event_m.ordinal, index=values.index)


def _rel_name(rel: int) -> str:
    return f"rel_m{-rel}" if rel < 0 else f"rel_p{rel}"


def event_study(
    frame: pd.DataFrame,
    *,
    outcome: str,
    unit: str,
    period: str,
    treated: str,
    event_period: Any,
    leads: int | None = None,
    lags: int | None = None,
    reference: int = -1,
    cluster: str | None = None,
    weights: str | None = None,
    bin_endpoints: bool = True,
) -> EventStudyResult:
    """Estimate treatment effects by period relative to a common event, with unit and period FE.

    Each treated unit gets a dummy for every relative period r of the window except the
    reference; ``y_it = a_i + g_t + Σ_r b_r · treated_i · 1[rel_t = r] + e_it``.

    Parameters
    ----------
    frame : pandas.DataFrame
        Long data as for ``estimate_did``.
    outcome, unit, period, treated : str
        As for ``estimate_did``. ``period`` holds 'YYYY-MM' strings, pandas Periods,
        datetimes (taken as months) or integers.
    event_period : str, pandas.Period or int
        The first treated period, e.g. '2020-06'; relative period 0. For months the relative
        period is the difference in months.
    leads : int, optional
        Relative periods -leads .. -1 form the pre-event part of the window. None: all.
    lags : int, optional
        Relative periods 0 .. lags form the post-event part of the window. None: all.
    reference : int
        The omitted relative period, -1 by default; it must lie in the window.
    cluster, weights : str, optional
        As for ``estimate_did``.
    bin_endpoints : bool
        True: periods before -leads are pooled into the -leads dummy and periods after
        ``lags`` into the ``lags`` dummy. False: periods outside the window are dropped.

    Returns
    -------
    EventStudyResult
        The tidy coefficient table and the joint pre-trend test.

    Raises
    ------
    EvaluationError
        On invalid input, as ``estimate_did``, or if the window or reference is invalid.
    """
    clean = _clean(frame, _Columns(outcome, unit, period, treated, cluster, weights))
    rel = _relative_periods(pd.Series(clean.data["_p"]), event_period, period).astype(np.int64)
    low, high = _event_window(rel, leads=leads, lags=lags, reference=reference)
    if (rel >= 0).all() or (rel < 0).all():
        raise EvaluationError(
            f"period column {period!r} must have periods both before and from event_period "
            f"{event_period!r}"
        )
    if bin_endpoints:
        binned_rel = rel.clip(lower=low, upper=high)
    else:
        inside = (rel >= low) & (rel <= high)
        data = clean.data.loc[inside.to_numpy()].reset_index(drop=True)
        binned_rel = rel.loc[inside].reset_index(drop=True)
        clean = _Clean(data, clean.n_dropped_missing, clean.weighted, clean.clustered)
    window = list(range(low, high + 1))
    fit = _fit_twfe(clean, _event_dummies(clean.data, binned_rel, window, reference))
    # Only with binning do the end dummies pool the periods beyond the window
    beyond = (bool((rel < low).any()) and bin_endpoints, bool((rel > high).any()) and bin_endpoints)
    return EventStudyResult(
        table=_event_table(fit, window, reference, beyond),
        pretrend=_pretrend_test(fit, window),
        reference=reference,
        window=(low, high),
        **_sample(fit, clean, outcome),
    )


def _event_window(
    rel: pd.Series, *, leads: int | None, lags: int | None, reference: int
) -> tuple[int, int]:
    """The first and last relative period of the event window, checked to hold ``reference``."""
    if (leads is not None and leads < 0) or (lags is not None and lags < 0):
        raise EvaluationError("leads and lags must be non-negative")
    low = -leads if leads is not None else int(rel.min())
    high = lags if lags is not None else int(rel.max())
    if low > high:
        raise EvaluationError(f"empty event window {low}..{high}")
    if not low <= reference <= high:
        raise EvaluationError(f"reference period {reference} is outside the window {low}..{high}")
    return low, high


def _event_dummies(
    data: pd.DataFrame, binned_rel: pd.Series, window: list[int], reference: int
) -> pd.DataFrame:
    """The estimable treated × relative-period dummies of the window, one column per period."""
    is_treated = data["_treated"].to_numpy() == 1
    # Without treated observations in the reference bin the dummies add up to the treated
    # indicator, which the unit effects absorb jointly though no single column is absorbed
    if not (is_treated & (binned_rel.to_numpy() == reference)).any():
        raise EvaluationError(f"no treated observations in the reference period {reference}")
    # A calendar period in which every observation is treated has no comparison: the period
    # effect absorbs it, and a dummy that is 1 only in such periods cannot be estimated
    # (linearmodels' AbsorbingEffectError). Such relative periods are reported as empty.
    periods = pd.factorize(data["_p"], sort=True)[0]
    untreated = np.bincount(periods, weights=(~is_treated).astype(np.float64))
    contrasted = untreated[periods] > 0
    columns: dict[str, np.ndarray] = {}
    for r in window:
        if r == reference:
            continue
        in_bin = is_treated & (binned_rel.to_numpy() == r)
        # A relative period without treated observations has nothing to estimate
        if (in_bin & contrasted).any():
            columns[_rel_name(r)] = in_bin.astype(np.float64)
    if not columns:
        raise EvaluationError("no treated observations outside the reference period")
    return pd.DataFrame(columns)


def _event_table(
    fit: _Fit, window: list[int], reference: int, beyond: tuple[bool, bool]
) -> pd.DataFrame:
    """The tidy coefficient table: one row per relative period of the window."""
    low, high = window[0], window[-1]
    rows = []
    for r in window:
        binned = (r == low and beyond[0]) or (r == high and beyond[1])
        name = _rel_name(r)
        if r == reference:
            est, se, lo_ci, hi_ci, p = 0.0, np.nan, np.nan, np.nan, np.nan
        elif name in fit.params.index:
            est = float(fit.params[name])
            se = float(np.sqrt(fit.cov.loc[name, name]))
            inference = _inference(est, se, fit.df)
            p, lo_ci, hi_ci = inference["p_value"], inference["ci_low"], inference["ci_high"]
        else:
            est, se, lo_ci, hi_ci, p = np.nan, np.nan, np.nan, np.nan, np.nan
        rows.append(
            {
                "rel_period": r,
                "estimate": est,
                "std_error": se,
                "ci_low": lo_ci,
                "ci_high": hi_ci,
                "p_value": p,
                "is_reference": r == reference,
                "binned": binned,
            }
        )
    return pd.DataFrame(rows)


def _pretrend_test(fit: _Fit, window: list[int]) -> PretrendTest | None:
    """The joint F test that every estimated lead is zero (None without estimated leads)."""
    tested = [r for r in window if r < 0 and _rel_name(r) in fit.params.index]
    if not tested:
        return None
    chi2 = fit.wald([_rel_name(r) for r in tested])
    q = len(tested)
    f_stat = chi2 / q
    return PretrendTest(
        statistic=f_stat,
        df=q,
        df_denom=fit.df,
        p_value=float(stats.f.sf(f_stat, q, fit.df)),
        chi2=chi2,
        leads_tested=tuple(tested),
    )


# --------------------------------------------------------------------------------------------
# Panel preparation
# --------------------------------------------------------------------------------------------


def _month(ordinal: int) -> pd.Period:
    return pd.Period(ordinal=ordinal, freq="M")


def _parse_month(value: Any, what: str) -> pd.Period:
    month = _as_month(value)
    if month is None:
        raise EvaluationError(f"{what} {value!r} is not a 'YYYY-MM' month")
    return month


def prepare_panel(
    obs: pd.DataFrame,
    *,
    treated_units: Sequence[Any],
    event_month: str = calendar.TRIAL_FIRST_MONTH,
    window: tuple[str | None, str | None] = (calendar.CHART_FIRST_MONTH, None),
    outcome: str = "value",
    weight: str | None = None,
    balanced: bool = False,
) -> PreparedPanel:
    """Turn long monthly observations into the frame ``estimate_did`` and ``event_study`` take.

    Parameters
    ----------
    obs : pandas.DataFrame
        Columns ``unit``, ``month`` ('YYYY-MM' strings, Periods or datetimes), the outcome
        column and, optionally, a weight column. One row per unit and month.
    treated_units : sequence
        The units in the trial (compared with ``unit`` by equality, so keep the same type:
        municipality codes as strings such as '091').
    event_month : str
        First month of the treatment, 'YYYY-MM'; ``post`` is 1 from it on.
    window : tuple
        First and last month kept; None means the data's first or last month.
    outcome : str
        Name of the outcome column.
    weight : str, optional
        Name of a weight column to carry along; rows with a missing weight are dropped and
        reported.
    balanced : bool
        If True, drop every unit that lacks a non-missing outcome in any month of the window.

    Returns
    -------
    PreparedPanel
        The frame (``unit``, ``month``, outcome, weight, ``treated``, ``post``, ``rel_month``)
        and a table of what was dropped and why.

    Raises
    ------
    EvaluationError
        If a column is missing, a month cannot be read, a unit has two rows for one month,
        or the window does not contain both pre- and post-event months.
    """
    _require_columns(obs, {"unit": "unit", "month": "month", "outcome": outcome, "weight": weight})
    frame = obs.copy()
    frame["_month"] = _month_ordinals(frame["month"], "month column 'month'")
    duplicated = frame.duplicated(["unit", "_month"])
    if duplicated.any():
        first = frame.loc[duplicated].iloc[0]
        raise EvaluationError(
            f"unit {first['unit']!r} has more than one row for month {_month(int(first['_month']))}"
        )
    frame[outcome] = _numeric(frame, outcome, "outcome")
    event = _parse_month(event_month, "event_month")
    first, last = int(frame["_month"].min()), int(frame["_month"].max())
    start = _parse_month(window[0], "window start") if window[0] is not None else _month(first)
    end = _parse_month(window[1], "window end") if window[1] is not None else _month(last)
    if not start < event <= end:
        raise EvaluationError(
            f"window {start}..{end} must contain months both before and from {event}"
        )

    dropped: list[dict[str, Any]] = []
    rows_per_unit = frame.groupby("unit", sort=False).size()
    frame = frame.loc[frame["_month"].between(start.ordinal, end.ordinal)]
    in_window = set(frame["unit"].unique())  # unique(): no per-row iteration
    for u, n_rows in rows_per_unit.items():
        if u not in in_window:
            dropped.append({"unit": u, "reason": "no observations in the window", "n_rows": n_rows})
    if weight is not None:
        frame[weight] = _numeric(frame, weight, "weight")
        no_weight = frame[weight].isna()
        for u, n in frame.loc[no_weight].groupby("unit", sort=True).size().items():
            dropped.append({"unit": u, "reason": "missing weight", "n_rows": int(n)})
        frame = frame.loc[~no_weight]
    if balanced:
        n_months = end.ordinal - start.ordinal + 1
        complete = frame.loc[frame[outcome].notna()].groupby("unit", sort=False).size()
        present_rows = frame.groupby("unit", sort=False).size()
        for u, n_rows in present_rows.items():
            have = int(complete.get(u, 0))
            if have < n_months:
                dropped.append(
                    {
                        "unit": u,
                        "reason": f"missing outcome in {n_months - have} of {n_months} months",
                        "n_rows": int(n_rows),
                    }
                )
        frame = frame.loc[frame["unit"].map(complete).fillna(0).to_numpy() >= n_months]

    present = set(frame["unit"].unique())
    missing_treated = tuple(u for u in treated_units if u not in present)
    ordinals = frame["_month"].to_numpy()
    codes, uniques = pd.factorize(ordinals)
    labels = np.array([str(_month(int(o))) for o in uniques], dtype=object)
    out = pd.DataFrame(
        {
            "unit": frame["unit"].to_numpy(),
            "month": labels[codes] if len(uniques) else np.array([], dtype=object),
            outcome: frame[outcome].to_numpy(),
        }
    )
    if weight is not None:
        out[weight] = frame[weight].to_numpy()
    out["treated"] = frame["unit"].isin(set(treated_units)).to_numpy().astype(np.int64)
    out["post"] = (ordinals >= event.ordinal).astype(np.int64)
    out["rel_month"] = (ordinals - event.ordinal).astype(np.int64)
    out = out.sort_values(["unit", "month"], kind="stable").reset_index(drop=True)
    dropped_frame = pd.DataFrame(dropped, columns=["unit", "reason", "n_rows"])
    return PreparedPanel(
        frame=out,
        dropped=dropped_frame,
        missing_treated=missing_treated,
        event_month=str(event),
        window=(str(start), str(end)),
    )
