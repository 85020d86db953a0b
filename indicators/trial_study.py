"""Ready-made trial evaluations on the shipped data: outcome × comparison group × trial area."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal, TypedDict

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from catalogue import calendar, definitions
from i18n import Message
from indicators import aggregation, comparison
from indicators.comparison import (
    ComparisonError,
    ComparisonGroup,
    ComparisonKind,
    municipality_labels,
)
from indicators.did import (
    DidResult,
    EvaluationError,
    EventStudyResult,
    PretrendTest,
    estimate_did,
    event_study,
    prepare_panel,
)

__all__ = [
    "EVENT_MONTH",
    "LAGS",
    "LEADS",
    "OUTCOMES",
    "RESULT_COLUMNS",
    "TRIAL_END",
    "Evaluation",
    "evaluate",
    "evaluate_all",
    "last_supported_month",
    "outcome_panel",
    "required_indicators",
]

Cluster = Literal["unit", "region"]

OUTCOMES: tuple[str, ...] = ("unemployed_share_pct", "unemployed_per_vacancy")
EVENT_MONTH = calendar.TRIAL_FIRST_MONTH
# The trials ended on 31 December 2024; on 1 January 2025 the TE services reform moved every
# municipality's services to municipal employment areas, so later months have no control group
TRIAL_END = calendar.TRIAL_LAST_MONTH
DEFAULT_WINDOW: tuple[str | None, str | None] = (calendar.CHART_FIRST_MONTH, None)
LEADS = 24
LAGS = 36
# Pertunmaa (588) merged into Mäntyharju (507) on 1 January 2025; the 2025-division share
# after 2023-10 exists only for the merged unit, which cannot be attributed to either
MERGED_CODES: tuple[str, ...] = ("507", "588")
LAST_SEPARATE_MONTH = "2023-10"
# The default window ends at the last month in which at least this share of municipalities
# has a value (so that one municipality with a longer series does not stretch the window)
MIN_MONTH_COVERAGE = 0.5
FEW_TREATED = 10
FEW_CONTROLS = 5
# Below this many clusters per tested lead the clustered Wald test is noticeably oversized
CLUSTERS_PER_LEAD = 10
COVID_MONTH = calendar.COVID_MONTH
NORDIC_MODEL_MONTH = calendar.NORDIC_MODEL_MONTH
PRETREND_ALPHA = 0.05

RESULT_COLUMNS = [
    "outcome",
    "comparison",
    "area",
    "estimate",
    "se",
    "ci_low",
    "ci_high",
    "p",
    "pretrend_p",
    "n_treated",
    "n_control",
    "n_obs",
    "note",
    "flags",
]


@dataclass(frozen=True, eq=False)
class Evaluation:
    """One evaluation: an outcome, a comparison group and the pooled trial or one area.

    Attributes
    ----------
    outcome, comparison : str
        Catalogue code of the outcome and the comparison group's kind.
    area : str or None
        The trial area, or None for all trial municipalities together.
    window : tuple of str
        First and last month used.
    did : DidResult
        The two-way fixed-effects difference-in-differences estimate.
    event : EventStudyResult or None
        The event study (None when not asked for).
    pretrend : PretrendTest or None
        The joint test that all leads are zero.
    n_treated, n_control : int
        Units with at least one value in the estimation sample.
    group : ComparisonGroup
        Who was compared with whom, with the matching when there is one.
    dropped : pandas.DataFrame
        ``unit, reason, n_rows``: units and rows left out of the estimation sample and why.
    notes : tuple of i18n.Message
        The caveats of this evaluation (keys ``note.*``, and the group's ``group.*``),
        rendered in any language by :func:`i18n.render`.
    flags : tuple of i18n.Message
        Short warnings for a table (keys ``flag.*``): few treated or comparison
        municipalities, no pre-trend test.
    cluster : str or None
        What the standard errors are clustered on.
    weights : str or None
        ``labour_force`` when weighted.
    requested_end : str or None
        The window end asked for when the data could not support it and the window was
        shortened to the outcome's last month with data (``window[1]``); None otherwise.
    """

    outcome: str
    comparison: str
    area: str | None
    window: tuple[str, str]
    did: DidResult
    event: EventStudyResult | None
    pretrend: PretrendTest | None
    n_treated: int
    n_control: int
    group: ComparisonGroup
    dropped: pd.DataFrame
    notes: tuple[Message, ...]
    flags: tuple[Message, ...]
    cluster: str | None
    weights: str | None
    requested_end: str | None = None

    def as_row(self) -> dict[str, Any]:
        """The evaluation as one row of :func:`evaluate_all`'s table."""
        return {
            "outcome": self.outcome,
            "comparison": self.comparison,
            "area": self.area or "pooled",
            "estimate": self.did.estimate,
            "se": self.did.std_error,
            "ci_low": self.did.ci_low,
            "ci_high": self.did.ci_high,
            "p": self.did.p_value,
            "pretrend_p": np.nan if self.pretrend is None else self.pretrend.p_value,
            "n_treated": self.n_treated,
            "n_control": self.n_control,
            "n_obs": self.did.n_obs,
            "note": "; ".join(flag.key for flag in self.flags),
            "flags": self.flags,
        }


# --------------------------------------------------------------------------------------------
# Outcome panels
# --------------------------------------------------------------------------------------------


def required_indicators(outcome: str) -> tuple[str, ...]:
    """Stored indicator codes an evaluation of ``outcome`` needs in ``obs`` (its inputs, the
    published value where the catalogue stores one, and the labour force for size and
    weights).
    """
    _check_outcome(outcome)
    return tuple(sorted({*definitions.series_of(outcome), "labour_force"}))


def _check_outcome(outcome: str) -> None:
    if outcome not in OUTCOMES:
        raise EvaluationError(f"unknown outcome {outcome!r}; use one of {', '.join(OUTCOMES)}")


def _municipal(obs: pd.DataFrame) -> pd.DataFrame:
    if "area_level" in obs:
        return obs[obs["area_level"] == "municipality"]
    return obs


def outcome_panel(obs: pd.DataFrame, outcome: str) -> pd.DataFrame:
    """The outcome per municipality and month: ``unit, month, value, published``.

    Rates are computed from their counts (:func:`indicators.aggregation.unit_values`); where
    only the published rate exists (the share after 2023-10) it is used and ``published`` is
    True. Mäntyharju (507) and Pertunmaa (588) are kept as separate municipalities up to
    2023-10 and have no rows after it: the later figure covers both merged municipalities and
    belongs to neither. Suppressed values are NaN.
    """
    _check_outcome(outcome)
    values = aggregation.unit_values(_municipal(obs), outcome)
    after_merge = values["area_code"].isin(MERGED_CODES) & (values["month"] > LAST_SEPARATE_MONTH)
    values = values.loc[~after_merge]
    return values.rename(columns={"area_code": "unit"}).reset_index(drop=True)


@dataclass(eq=False)
class OutcomeData:
    """What every evaluation of one outcome shares: the panel and, once asked for, covariates."""

    outcome: str
    panel: pd.DataFrame
    labour_force: pd.DataFrame
    obs: pd.DataFrame
    municipalities: pd.DataFrame
    last_month: str
    _covariates: pd.DataFrame | None = field(default=None, repr=False)
    _groups: dict[tuple[Any, ...], ComparisonGroup] = field(default_factory=dict, repr=False)

    @property
    def last_counts_month(self) -> str:
        """The last month whose values are computed from counts (later ones are published
        rates only, which cannot be summed).
        """
        computed = self.panel.loc[~self.panel["published"].astype(bool), "month"]
        return str(computed.max()) if len(computed) else self.last_month

    def covariates(self) -> pd.DataFrame:
        """The matching covariates of every municipality (computed once)."""
        if self._covariates is None:
            self._covariates = comparison.matching_covariates(
                self.obs, self.municipalities, outcome=self.outcome
            )
        return self._covariates

    def group(
        self,
        kind: ComparisonKind,
        memberships: pd.DataFrame,
        *,
        area: str | None,
        include_unverified: bool,
        k: int,
    ) -> ComparisonGroup:
        """The comparison group of ``kind`` for the trial or one area (kept for reuse)."""
        # Matching is the costly part; the same group serves every window and weighting
        key = (kind, area, include_unverified, k)
        if key not in self._groups:
            self._groups[key] = comparison.comparison_group(
                kind,
                self.municipalities,
                memberships,
                area=area,
                include_unverified=include_unverified,
                covariates=self.covariates() if kind == "matched" else None,
                k=k,
            )
        return self._groups[key]


def prepare_outcome(obs: pd.DataFrame, municipalities: pd.DataFrame, outcome: str) -> OutcomeData:
    """The outcome's panel and what every evaluation of it shares (see :class:`OutcomeData`).

    Raises
    ------
    EvaluationError
        When ``obs`` lacks the outcome's inputs or no month has it for most municipalities.
    """
    _check_outcome(outcome)
    present = set(obs["indicator"].unique())
    missing = [c for c in definitions.inputs_of(outcome) if c not in present]
    if missing:
        raise EvaluationError(
            f"the observations lack {', '.join(missing)}, needed for {outcome}; load "
            f"{', '.join(required_indicators(outcome))}"
        )
    obs = _municipal(obs)
    panel = outcome_panel(obs, outcome)
    n_units = max(panel["unit"].nunique(), 1)
    reporting = panel[panel["value"].notna()].groupby("month")["unit"].nunique()
    covered = reporting[reporting >= MIN_MONTH_COVERAGE * n_units]
    if covered.empty:
        raise EvaluationError(f"no month has {outcome} for most municipalities")
    lf = obs[obs["indicator"] == "labour_force"]
    lf = lf.assign(value=lf["value"].where(~lf["suppressed"].astype(bool)))
    return OutcomeData(
        outcome=outcome,
        panel=panel,
        labour_force=lf[["area_code", "month", "value"]],
        obs=obs,
        municipalities=municipalities,
        last_month=str(covered.index.max()),
    )


# --------------------------------------------------------------------------------------------
# Evaluation
# --------------------------------------------------------------------------------------------


def last_supported_month(obs: pd.DataFrame, outcome: str) -> str:
    """The last month an evaluation of ``outcome`` can use: the last in which most
    municipalities (:data:`MIN_MONTH_COVERAGE`) have a value. A window asked to end later is
    shortened to it.

    Raises
    ------
    EvaluationError
        When ``obs`` lacks the outcome's inputs or no month has values for most
        municipalities.
    """
    return prepare_outcome(obs, pd.DataFrame(columns=["code"]), outcome).last_month


def _window(
    ctx: OutcomeData, window: tuple[str | None, str | None]
) -> tuple[str, str, list[Message], str | None]:
    notes: list[Message] = []
    requested: str | None = None
    start = window[0] if window[0] is not None else str(ctx.panel["month"].min())
    if window[1] is not None and window[1] > ctx.last_month:
        # Months after the outcome's data end (counts end in 2023-10) would leave only the
        # odd municipality with a longer series: nothing to compare, so shorten the window.
        requested = window[1]
        notes.append(Message("note.window_shortened", {"last": ctx.last_month, "asked": requested}))
        window = (window[0], ctx.last_month)
    if window[1] is not None:
        end = window[1]
        if end > TRIAL_END:
            notes.append(Message("note.past_trial_end", {"end": TRIAL_END}))
    else:
        end = min(ctx.last_month, TRIAL_END)
        if ctx.last_month > TRIAL_END:
            notes.append(
                Message("note.window_ends_with_trials", {"end": TRIAL_END, "last": ctx.last_month})
            )
    return start, end, notes, requested


def _months_between(start: str, end: str) -> int:
    return int((pd.Period(end, freq="M") - pd.Period(start, freq="M")).n)


class _PanelColumns(TypedDict):
    outcome: str
    unit: str
    period: str
    treated: str


# The columns of the frame prepare_panel makes of the outcome panel, by their role in the
# estimators
_PANEL_COLUMNS = _PanelColumns(outcome="value", unit="unit", period="month", treated="treated")


@dataclass(frozen=True)
class _Options:
    """The choices of :func:`evaluate` that every evaluation of :func:`evaluate_all` shares."""

    window: tuple[str | None, str | None]
    include_unverified: bool
    cluster: Cluster | None
    weights: Literal["labour_force"] | None
    leads: int
    lags: int
    k: int
    with_event_study: bool


def _evaluate(
    ctx: OutcomeData,
    memberships: pd.DataFrame,
    comparison_kind: ComparisonKind,
    area: str | None,
    options: _Options,
) -> Evaluation:
    """One evaluation on a prepared outcome (see :func:`evaluate` for the arguments)."""
    _check_options(options.cluster, options.weights)
    group = ctx.group(
        comparison_kind,
        memberships,
        area=area,
        include_unverified=options.include_unverified,
        k=options.k,
    )
    start, end, notes, requested_end = _window(ctx, options.window)
    units = set(group.treated) | set(group.control)
    panel = ctx.panel[ctx.panel["unit"].isin(units)]
    panel = panel[(panel["month"] >= start) & (panel["month"] <= end)]
    panel = _contrasted_months(panel, set(group.treated), notes)
    columns = ["unit", "month", "value"]
    weight_column: str | None = None
    if options.weights == "labour_force":
        panel = panel.assign(weight=panel["unit"].map(_labour_force_weights(ctx, start)))
        columns.append("weight")
        weight_column = "weight"
    if panel.empty:
        raise EvaluationError(f"no {ctx.outcome} values in the window {start}..{end}")
    prepared = prepare_panel(
        panel[columns],
        treated_units=list(group.treated),
        event_month=EVENT_MONTH,
        window=(start, end),
        outcome="value",
        weight=weight_column,
    )
    frame, cluster_column = _with_cluster(ctx, prepared.frame, options.cluster)
    did = estimate_did(
        frame, **_PANEL_COLUMNS, post="post", cluster=cluster_column, weights=weight_column
    )
    event: EventStudyResult | None = None
    if options.with_event_study:
        event = _event_study(
            frame,
            prepared.window,
            leads=options.leads,
            lags=options.lags,
            cluster_column=cluster_column,
            weight_column=weight_column,
        )
    pretrend, pretrend_undefined = _defined_pretrend(
        event.pretrend if event is not None else None, did
    )

    used = frame[frame["value"].notna()]
    n_treated = int(used.loc[used["treated"] == 1, "unit"].nunique())
    n_control = int(used.loc[used["treated"] == 0, "unit"].nunique())
    suppressed = frame[frame["value"].isna()].groupby("unit").size()
    merged_here = sorted(set(MERGED_CODES) & units)
    dropped = _dropped(prepared.dropped, suppressed, group.excluded, merged_here, end=end)

    # The caveats (keys ``note.*`` and the group's ``group.*``), in order
    notes += [
        *_pretrend_notes(pretrend, pretrend_undefined, did),
        *_calendar_notes(start, end),
        *group.notes,
        *_unit_notes(ctx, prepared.dropped, prepared.missing_treated, suppressed),
        *_data_notes(
            ctx.outcome, merged_here=merged_here, published=bool(panel["published"].any())
        ),
        *_design_notes(
            group,
            did,
            suppressed=suppressed,
            n_treated=n_treated,
            cluster=options.cluster,
            weights=options.weights,
        ),
    ]
    flags = _flags(
        group,
        n_treated=n_treated,
        cluster=options.cluster,
        pretrend_undefined=pretrend_undefined,
    )
    return Evaluation(
        outcome=ctx.outcome,
        comparison=comparison_kind,
        area=area,
        window=prepared.window,
        did=did,
        event=event,
        pretrend=pretrend,
        n_treated=n_treated,
        n_control=n_control,
        group=group,
        dropped=dropped,
        notes=tuple(notes),
        flags=tuple(flags),
        cluster=options.cluster,
        weights=options.weights,
        requested_end=requested_end,
    )


def _check_options(cluster: object, weights: object) -> None:
    """Raise :class:`EvaluationError` for an unknown clustering or weighting."""
    if cluster not in ("unit", "region", None):
        raise EvaluationError(f"cluster must be 'unit', 'region' or None, not {cluster!r}")
    if weights not in ("labour_force", None):
        raise EvaluationError(f"weights must be 'labour_force' or None, not {weights!r}")


def _labour_force_weights(ctx: OutcomeData, start: str) -> pd.Series:
    """Each municipality's mean labour force over the window's pre-trial months, by code."""
    # One weight per municipality: the labour force is annual, and after 2023-10 it is not
    # published at all
    lf = ctx.labour_force
    pre = lf[(lf["month"] >= start) & (lf["month"] < EVENT_MONTH)]
    return pre.groupby("area_code")["value"].mean()


def _with_cluster(
    ctx: OutcomeData, frame: pd.DataFrame, cluster: Cluster | None
) -> tuple[pd.DataFrame, str | None]:
    """The estimation frame with the cluster column it needs, and that column's name."""
    if cluster == "unit":
        return frame, "unit"
    if cluster == "region":
        region = ctx.municipalities.set_index("code")["region_code"]
        return frame.assign(region=frame["unit"].map(region)), "region"
    return frame, None


def _event_study(
    frame: pd.DataFrame,
    window: tuple[str, str],
    *,
    leads: int,
    lags: int,
    cluster_column: str | None,
    weight_column: str | None,
) -> EventStudyResult:
    """The event study of the prepared frame, its leads and lags cut to the window."""
    # A lead or lag beyond the window would only add empty rows to the table
    first, last = window
    return event_study(
        frame,
        **_PANEL_COLUMNS,
        event_period=EVENT_MONTH,
        leads=max(1, min(leads, _months_between(first, EVENT_MONTH))),
        lags=max(0, min(lags, _months_between(EVENT_MONTH, last))),
        reference=-1,
        cluster=cluster_column,
        weights=weight_column,
        bin_endpoints=True,
    )


def _defined_pretrend(
    pretrend: PretrendTest | None, did: DidResult
) -> tuple[PretrendTest | None, Message | None]:
    """The pre-trend test, or None and the note saying why when the clusters cannot test it."""
    if pretrend is not None and did.n_clusters is not None and pretrend.df > pretrend.df_denom:
        # With fewer clusters than leads the clustered covariance of the leads is singular and
        # the Wald statistic is arbitrary: report no test rather than a meaningless p-value
        undefined = Message(
            "note.pretrend_undefined",
            {"clusters": int(did.n_clusters), "leads": int(pretrend.df)},
        )
        return None, undefined
    return pretrend, None


def _dropped(
    prepared_dropped: pd.DataFrame,
    suppressed: pd.Series,
    excluded: pd.DataFrame,
    merged_here: list[str],
    *,
    end: str,
) -> pd.DataFrame:
    """``unit, reason, n_rows``: everything left out of the estimation sample, and why."""
    dropped = [prepared_dropped]
    if len(suppressed):
        dropped.append(
            pd.DataFrame(
                {
                    "unit": suppressed.index,
                    "reason": "months without a value (suppressed or not published)",
                    "n_rows": suppressed.to_numpy(),
                }
            )
        )
    if len(excluded):
        dropped.append(
            pd.DataFrame({"unit": excluded["code"], "reason": excluded["reason"], "n_rows": np.nan})
        )
    if merged_here and end > LAST_SEPARATE_MONTH:
        dropped.append(
            pd.DataFrame(
                {
                    "unit": merged_here,
                    "reason": f"no separate value after {LAST_SEPARATE_MONTH} (merged unit)",
                    "n_rows": _months_between(LAST_SEPARATE_MONTH, end),
                }
            )
        )
    parts = [d for d in dropped if len(d)]
    if parts:
        return pd.concat(parts, ignore_index=True)
    return pd.DataFrame(columns=["unit", "reason", "n_rows"])


def _flags(
    group: ComparisonGroup,
    *,
    n_treated: int,
    cluster: str | None,
    pretrend_undefined: Message | None,
) -> list[Message]:
    """The short warnings of an evaluation's table row (keys ``flag.*``)."""
    flags = _size_warnings(_SIZE_FLAGS, group, n_treated=n_treated, cluster=cluster)
    if pretrend_undefined is not None:
        flags.append(Message("flag.pretrend_undefined"))
    return flags


# The group-size warnings (too few trial municipalities to cluster on, too few controls), as
# the flags of a table row and as notes
_SIZE_FLAGS = ("flag.few_treated", "flag.few_controls")
_SIZE_NOTES = ("note.few_treated", "note.few_controls")


def _size_warnings(
    keys: tuple[str, str], group: ComparisonGroup, *, n_treated: int, cluster: str | None
) -> list[Message]:
    """The group-size warnings that apply, as the messages ``keys`` (a flag's or a note's)."""
    few_treated, few_controls = keys
    warnings: list[Message] = []
    if cluster is not None and n_treated < FEW_TREATED:
        warnings.append(Message(few_treated, {"n": n_treated}, count="n"))
    if len(group.control) < FEW_CONTROLS:
        warnings.append(Message(few_controls, {"n": len(group.control)}, count="n"))
    return warnings


def _contrasted_months(
    panel: pd.DataFrame, treated: set[str], notes: list[Message]
) -> pd.DataFrame:
    """The panel's months in which both trial and comparison municipalities have a value.

    A month with values on one side only compares nothing (the month effect absorbs it); at
    the window's ends such months would make the window look longer than the comparison is.
    """
    valued = panel[panel["value"].notna()]
    sides = valued.assign(side=valued["unit"].isin(treated)).groupby("month")["side"].nunique()
    both = set(sides[sides == 2].index)
    lone = sorted(set(valued["month"]) - both)
    if lone:
        notes.append(
            Message(
                "note.one_sided_months",
                {"n": len(lone), "first": lone[0], "last": lone[-1]},
                count="n",
            )
        )
    return panel[panel["month"].isin(both)]


def _pretrend_notes(
    pretrend: PretrendTest | None, pretrend_undefined: Message | None, did: DidResult
) -> list[Message]:
    """What the pre-trend test says, and whether there are too few clusters for its leads."""
    notes: list[Message] = []
    if pretrend_undefined is not None:
        notes.append(pretrend_undefined)
    elif pretrend is None:
        notes.append(Message("note.no_pretrend"))
    elif pretrend.p_value < PRETREND_ALPHA:
        notes.append(
            Message(
                "note.pretrend_rejects",
                {
                    "f": float(pretrend.statistic),
                    "n": int(pretrend.df),
                    "p": float(pretrend.p_value),
                },
                count="n",
            )
        )
    else:
        notes.append(Message("note.pretrend_passes", {"p": float(pretrend.p_value)}))
    if (
        pretrend is not None
        and did.n_clusters is not None
        and did.n_clusters < CLUSTERS_PER_LEAD * pretrend.df
    ):
        notes.append(
            Message(
                "note.few_clusters_per_lead",
                {"clusters": int(did.n_clusters), "leads": int(pretrend.df)},
            )
        )
    return notes


def _calendar_notes(start: str, end: str) -> list[Message]:
    """The nationwide changes the window spans: COVID-19 and the Nordic jobseeker service model."""
    notes: list[Message] = []
    if start <= COVID_MONTH:
        notes.append(Message("note.covid", {"start": start}))
    if end >= NORDIC_MODEL_MONTH:
        notes.append(Message("note.nordic_model"))
    return notes


def _unit_notes(
    ctx: OutcomeData,
    prepared_dropped: pd.DataFrame,
    missing_treated: tuple[Any, ...],
    suppressed: pd.Series,
) -> list[Message]:
    """The municipalities missing from the sample or with months left out, by name."""
    notes: list[Message] = []
    for key, codes in (
        ("note.missing_treated", missing_treated),
        ("note.no_observations", _units(prepared_dropped, "no observations in the window")),
        ("note.no_weight", _units(prepared_dropped, "missing weight")),
    ):
        if len(codes):
            notes.append(
                Message(
                    key,
                    {"n": len(codes), "units": municipality_labels(ctx.municipalities, codes)},
                    count="n",
                )
            )
    if len(suppressed):
        notes.append(
            Message(
                "note.suppressed",
                {
                    "n": len(suppressed),
                    "rows": int(suppressed.sum()),
                    "units": municipality_labels(ctx.municipalities, suppressed.index),
                },
                count="n",
            )
        )
    return notes


def _data_notes(outcome: str, *, merged_here: list[str], published: bool) -> list[Message]:
    """The caveats of the outcome's data: merged units, published shares, volatile vacancies."""
    notes: list[Message] = []
    if merged_here:
        notes.append(Message("note.merged", {"month": LAST_SEPARATE_MONTH}))
    if published:
        notes.append(Message("note.published_share", {"month": LAST_SEPARATE_MONTH}))
    if outcome == "unemployed_per_vacancy":
        notes.append(Message("note.vacancies_volatile"))
    return notes


def _design_notes(
    group: ComparisonGroup,
    did: DidResult,
    *,
    suppressed: pd.Series,
    n_treated: int,
    cluster: str | None,
    weights: str | None,
) -> list[Message]:
    """The caveats of the design: group sizes, matching, weighting and rows without a value."""
    notes = _size_warnings(_SIZE_NOTES, group, n_treated=n_treated, cluster=cluster)
    if group.kind == "matched":
        notes.append(Message("note.matched_pretrend"))
    if weights == "labour_force":
        notes.append(Message("note.weighted"))
    if did.n_dropped_missing and not len(suppressed):
        notes.append(
            Message("note.rows_without_value", {"n": int(did.n_dropped_missing)}, count="n")
        )
    return notes


def _units(dropped: pd.DataFrame, reason: str) -> list[str]:
    return sorted(map(str, dropped.loc[dropped["reason"] == reason, "unit"]))


def evaluate(
    obs: pd.DataFrame,
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    outcome: str = "unemployed_share_pct",
    comparison: ComparisonKind = "all_other",
    window: tuple[str | None, str | None] = DEFAULT_WINDOW,
    area: str | None = None,
    include_unverified: bool = False,
    cluster: Cluster | None = "unit",
    weights: Literal["labour_force"] | None = None,
    leads: int = LEADS,
    lags: int = LAGS,
    k: int = 3,
    with_event_study: bool = True,
    prepared: OutcomeData | None = None,
) -> Evaluation:
    """Evaluate the trials on one outcome against one comparison group.

    Parameters
    ----------
    obs : pandas.DataFrame
        Municipality observations (``data_access.queries.observations`` at level
        'municipality') of :func:`required_indicators` (``outcome``), from January 2017 on
        when ``comparison='matched'`` (the matching trend starts then), else from the window
        start.
    municipalities, memberships : pandas.DataFrame
        As returned by ``data_access.queries``.
    outcome : str
        ``unemployed_share_pct`` or ``unemployed_per_vacancy``.
    comparison : {'all_other', 'same_regions', 'matched'}
        The comparison group (see :mod:`indicators.comparison`).
    window : tuple
        First and last month. None as the start: the first month in ``obs``; None as the end:
        the last month with values for at least half of the municipalities, but no later than
        the end of the trials (2024-12).
    area : str, optional
        A trial area id; None pools all trial municipalities.
    include_unverified : bool
        Count the unverified members (Pori, Kokemäki, Ulvila) as trial municipalities;
        by default they are on neither side.
    cluster : {'unit', 'region'} or None
        Cluster the standard errors on the municipality (default) or on the region; None
        gives conventional standard errors.
    weights : {'labour_force'} or None
        Weight municipalities by their pre-trial labour force.
    leads, lags : int
        Months before and after the start in the event study; months beyond them are pooled
        into the end bins. The reference month is -1 (February 2021).
    k : int
        Peers per trial municipality for ``matched``.
    with_event_study : bool
        Also estimate the event study and the pre-trend test (the slower part).
    prepared : OutcomeData, optional
        :func:`prepare_outcome` of ``obs``, ``municipalities`` and ``outcome``, made once and
        reused by every evaluation of the same data (it also keeps the comparison groups);
        None prepares it here.

    Returns
    -------
    Evaluation

    Raises
    ------
    EvaluationError, ComparisonError
        When the data or the group cannot support the estimate; the message says why.
    """
    ctx = reuse_or_prepare(prepared, obs, municipalities, outcome)
    options = _Options(
        window, include_unverified, cluster, weights, leads, lags, k, with_event_study
    )
    with _one_blas_thread():
        return _evaluate(ctx, memberships, comparison, area, options)


def reuse_or_prepare(
    prepared: OutcomeData | None, obs: pd.DataFrame, municipalities: pd.DataFrame, outcome: str
) -> OutcomeData:
    """``prepared`` when given (checked to be of ``outcome``), else :func:`prepare_outcome`."""
    if prepared is None:
        return prepare_outcome(obs, municipalities, outcome)
    if prepared.outcome != outcome:
        raise EvaluationError(f"the prepared data are of {prepared.outcome}, not of {outcome}")
    return prepared


@contextlib.contextmanager
def _one_blas_thread() -> Iterator[None]:
    # These regressions are small: a multi-threaded BLAS spends more time spinning than
    # computing, the more so on a busy machine (measured on 2 cores under load: 26–37 s for a
    # pooled evaluation with the default threads, 4–5 s with one). Results do not change.
    with threadpool_limits(1, user_api="blas"):
        yield


def evaluate_all(
    obs: pd.DataFrame,
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    outcomes: Sequence[str] = ("unemployed_share_pct",),
    comparisons: Sequence[ComparisonKind] = comparison.COMPARISONS,
    areas: Sequence[str] | None = None,
    pooled: bool = True,
    window: tuple[str | None, str | None] = DEFAULT_WINDOW,
    include_unverified: bool = False,
    cluster: Cluster | None = "unit",
    weights: Literal["labour_force"] | None = None,
    leads: int = LEADS,
    lags: int = LAGS,
    k: int = 3,
    with_event_study: bool = True,
) -> pd.DataFrame:
    """Every evaluation at once: one row per outcome, comparison group and area.

    Parameters
    ----------
    outcomes, comparisons : sequence
        What to evaluate.
    areas : sequence of str, optional
        Trial areas to evaluate one by one; None: every trial area.
    pooled : bool
        Also evaluate all trial municipalities together (area 'pooled').
    obs, municipalities, memberships, window, include_unverified, cluster, weights, leads,
    lags, k, with_event_study
        As for :func:`evaluate`.

    Returns
    -------
    pandas.DataFrame
        :data:`RESULT_COLUMNS`; ``area`` is the area id or 'pooled'. ``flags`` holds the
        evaluation's :attr:`Evaluation.flags` (:class:`i18n.Message` values for a table) and
        ``note`` their keys joined by "; " (``flag.few_treated; flag.few_controls``). An
        evaluation that cannot be made (an area without verified members, an empty
        comparison group) gives a row with missing figures, the flag ``flag.not_estimated``
        and the reason (the error's message) in ``note``. ``DataFrame.attrs['seconds']``
        holds the running time.
    """
    began = time.perf_counter()
    area_list: list[str | None] = [None] if pooled else []
    area_list += list(areas) if areas is not None else list(comparison.trial_area_ids(memberships))
    rows: list[dict[str, Any]] = []
    options = _Options(
        window, include_unverified, cluster, weights, leads, lags, k, with_event_study
    )
    with _one_blas_thread():
        for outcome in outcomes:
            ctx = prepare_outcome(obs, municipalities, outcome)
            for kind in comparisons:
                for area in area_list:
                    try:
                        result = _evaluate(ctx, memberships, kind, area, options)
                    except (EvaluationError, ComparisonError) as exc:
                        rows.append(_failed_row(outcome, kind, area, str(exc)))
                        continue
                    rows.append(result.as_row())
    table = pd.DataFrame(rows, columns=RESULT_COLUMNS)
    table.attrs["seconds"] = time.perf_counter() - began
    return table


def _failed_row(outcome: str, kind: str, area: str | None, reason: str) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(RESULT_COLUMNS, np.nan)
    row.update(
        outcome=outcome,
        comparison=kind,
        area=area or "pooled",
        n_treated=0,
        n_control=0,
        n_obs=0,
        note=reason,
        flags=(Message("flag.not_estimated"),),
    )
    return row
