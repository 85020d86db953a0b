"""What did the trial do *here*? One trial area against the municipalities outside the trials.

Two estimates per area, each with inference that holds with a single treated area:

- **Synthetic control** ("the area without the trial"): the area's outcome, aggregated over its
  members by the catalogue's rule, against a weighted mix of comparison municipalities that
  tracks it before March 2021 (:func:`indicators.synth.synthetic_control`). Its p-value ranks
  the area's post/pre RMSPE ratio among placebo runs in which every comparison municipality is
  treated in turn. The ratio's denominator is measured on the last :data:`HOLDOUT` pre-trial
  months, held out of the weight fit: the project's placebo study showed that the in-sample
  ratio rejects far too often for areas of several municipalities (an average fits its past
  too well), while the held-out ratio is calibrated (see README, "Area-level evaluation").
- **Difference in differences with placebo inference**: the two-way fixed-effects estimate of
  the area's members against the comparison group, with a randomisation p-value and a
  test-inversion interval from fake areas of the same size drawn from the comparison
  municipalities (:func:`indicators.inference.placebo_did`). Cluster-robust standard errors
  are not valid with one or a few treated clusters and are not used here.

Both use the same window, the same comparison municipalities (those with a complete outcome
series in the window) and the same membership rule, so the area profile and the evaluation
page show the same numbers for the same choices.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from catalogue import calendar, definitions
from i18n import Message
from indicators import comparison, profile
from indicators.comparison import ComparisonError, ComparisonKind
from indicators.did import EvaluationError
from indicators.inference import InferenceError, PlaceboDidResult, placebo_did
from indicators.synth import PlaceboCache, SynthError, SyntheticControlResult, synthetic_control
from indicators.trial_study import EVENT_MONTH, OutcomeData, reuse_or_prepare

__all__ = [
    "ALPHA",
    "HOLDOUT",
    "MIN_PLACEBO_DRAWS",
    "AreaEvaluation",
    "AreaStudy",
    "area_series",
    "evaluate_area",
    "evaluate_areas",
]

# Pre-trial months held out of the weight fit to measure the fit out of sample (of 26)
HOLDOUT = 9
# Fewer fake areas than this cannot give p < 0.05: no p-value or interval is shown then
MIN_PLACEBO_DRAWS = 19
ALPHA = 0.05
# Members that must report in a month for the area's aggregate (as everywhere else)
MIN_COVERAGE = 0.9
TOP_DONORS = 8
# Every area's synthetic control draws on the same donors (the comparison municipalities with
# a complete series in the window), so the donors' placebo fits, the costly part, are fitted
# once per donor pool and shared by the areas, the comparison groups and the sessions (the
# same numbers bit for bit: the cache is keyed on the donors' data; None fits them each time)
_PLACEBOS: PlaceboCache | None = PlaceboCache(max_entries=16)


@dataclass(frozen=True)
class Calibration:
    """The placebo study's rejection rates at 5 % (``scripts/placebo_study.py``; 200 fake
    areas of the real areas' sizes from the comparison municipalities of the embedded data).
    """

    n_fake: int = 200
    n_pool: int = 175  # the complete TE-office municipalities (Åland's left out)
    synthetic_control: float = 0.065
    synthetic_control_in_sample: float = 0.345
    did: float = 0.050
    measured: str = "2026-12-07"


CALIBRATION = Calibration()


@dataclass(frozen=True, eq=False)
class AreaEvaluation:
    """One trial area's evaluation on one outcome.

    Attributes
    ----------
    area, outcome : str
        The trial area and the catalogue outcome.
    comparison : str
        The comparison group of the difference in differences (the synthetic control always
        draws on every comparison municipality with a complete series).
    window : tuple of str
        First and last month used.
    members : tuple of str
        The area's municipalities counted as treated.
    donors : tuple of str
        Comparison municipalities with a complete series in the window.
    series : pandas.DataFrame
        ``month, actual, synthetic, gap``: the area and its synthetic control.
    placebo_gaps : pandas.DataFrame
        ``month, unit, gap``: every comparison municipality's gap when it is treated in turn.
    weights : pandas.DataFrame
        ``code, weight``: the donors with a positive weight, largest first.
    sc : SyntheticControlResult or None
        The synthetic control (None when it could not be fitted; see ``sc_reason``).
    did : PlaceboDidResult or None
        The difference in differences with placebo inference (None: see ``did_reason``).
    sc_reason, did_reason : Message or None
        Why an estimate is missing.
    did_inference : bool
        Whether there are enough fake areas (:data:`MIN_PLACEBO_DRAWS`) for the DiD's
        p-value and interval to mean anything.
    notes : tuple of Message
        Caveats for this area.
    """

    area: str
    outcome: str
    comparison: str
    window: tuple[str, str]
    members: tuple[str, ...]
    donors: tuple[str, ...]
    series: pd.DataFrame
    placebo_gaps: pd.DataFrame
    weights: pd.DataFrame
    sc: SyntheticControlResult | None
    did: PlaceboDidResult | None
    sc_reason: Message | None
    did_reason: Message | None
    did_inference: bool
    notes: tuple[Message, ...]

    @property
    def sc_usable(self) -> bool:
        """True when the synthetic control fits the area's pre-trial path well."""
        return self.sc is not None and self.sc.fit == "good"

    @property
    def clear_gap(self) -> bool:
        """A well-fitting synthetic control whose gap few placebos match (p < :data:`ALPHA`)."""
        return (
            self.sc_usable
            and self.sc is not None
            and self.sc.p_value is not None
            and self.sc.p_value < ALPHA
        )

    @property
    def n_as_large(self) -> int | None:
        """Comparison municipalities whose placebo gap was at least as large relative to their
        fit as the area's (the numerator of the p-value, the area itself left out).
        """
        if self.sc is None or self.sc.placebo_stats is None:
            return None
        stats = self.sc.placebo_stats
        placebos = stats[~stats["treated"].astype(bool)]
        return int((placebos["ratio"] >= self.sc.ratio).sum())

    def as_row(self) -> dict[str, object]:
        """The evaluation as one row of :class:`AreaStudy`'s table."""
        sc, did = self.sc, self.did
        return {
            "area": self.area,
            "outcome": self.outcome,
            "comparison": self.comparison,
            "n_members": len(self.members),
            "n_donors": len(self.donors),
            "did": np.nan if did is None else did.estimate,
            "did_p": np.nan if did is None or not self.did_inference else did.p_value,
            "did_low": np.nan if did is None or did.ci_low is None else did.ci_low,
            "did_high": np.nan if did is None or did.ci_high is None else did.ci_high,
            "did_draws": 0 if did is None else did.n_draws,
            "sc_effect": np.nan if sc is None else sc.effect,
            "sc_p": np.nan if sc is None or sc.p_value is None else sc.p_value,
            "sc_pre_rmspe": np.nan if sc is None else sc.pre_rmspe,
            "sc_fit": "" if sc is None else sc.fit,
            "sc_units": 0 if sc is None else sc.n_placebo_units,
        }


@dataclass(frozen=True, eq=False)
class AreaStudy:
    """Every area's evaluation for one outcome, comparison, window and membership rule."""

    outcome: str
    comparison: str
    window: tuple[str, str]
    include_unverified: bool
    areas: dict[str, AreaEvaluation]
    failed: dict[str, Message]
    seconds: float

    def table(self) -> pd.DataFrame:
        """One row per area (:meth:`AreaEvaluation.as_row`), by area id."""
        rows = [e.as_row() for _a, e in sorted(self.areas.items())]
        return pd.DataFrame(rows)


def _weights_by_month(weights: pd.DataFrame, months: list[str]) -> pd.DataFrame:
    """Each unit's weight in each of ``months`` (a column a unit): its latest value by then."""
    w = weights.pivot_table(index="month", columns="unit", values="weight", aggfunc="first")
    return w.reindex(sorted(set(w.index) | set(months))).ffill().reindex(months)


def area_series(
    panel: pd.DataFrame,
    weights: pd.DataFrame,
    units: pd.DataFrame,
    *,
    min_coverage: float = MIN_COVERAGE,
) -> pd.Series:
    """An area's outcome by month: its members' values averaged with their denominators as
    weights, which is the catalogue's ratio of sums (Σ numerator / Σ denominator).

    Parameters
    ----------
    panel : pandas.DataFrame
        ``unit, month, value``: the members' outcome.
    weights : pandas.DataFrame
        ``unit, month, weight``: each member's denominator (labour force, vacancies); a
        month without one takes the member's latest earlier value (the labour force is an
        annual figure and is published with a delay).
    units : pandas.DataFrame
        ``unit_code, member_from, member_to``: the members and when they count
        (:func:`indicators.profile.area_units`).
    min_coverage : float
        Share of the members that must have a value and a weight in a month; else NaN.
    """
    months = sorted(panel["month"].unique())
    rows = panel[panel["unit"].isin(units["unit_code"])]
    # Only the members' weights: the same table as from every unit's, without pivoting them all
    w = _weights_by_month(weights[weights["unit"].isin(units["unit_code"])], months)
    values = rows.pivot_table(index="month", columns="unit", values="value", aggfunc="first")
    values = values.reindex(index=months, columns=list(units["unit_code"]))
    w = w.reindex(columns=values.columns)
    member = pd.DataFrame(True, index=values.index, columns=values.columns)
    for row in units.itertuples():
        first = None if pd.isna(row.member_from) else str(row.member_from)[:7]
        last = None if pd.isna(row.member_to) else str(row.member_to)[:7]
        inside = pd.Series(True, index=values.index)
        if first:
            inside &= values.index >= first
        if last:
            inside &= values.index <= last
        member[row.unit_code] = inside.to_numpy()
    ok = member & values.notna() & w.notna() & (w > 0)
    total = (values.where(ok) * w.where(ok)).sum(axis=1)
    weight = w.where(ok).sum(axis=1)
    covered = ok.sum(axis=1) >= min_coverage * member.sum(axis=1)
    return (total / weight).where(covered & (weight > 0))


@dataclass(frozen=True, eq=False)
class _Merged:
    """A merged unit of a later division: its values, weights and former members."""

    code: str
    members: tuple[str, ...]
    last_separate: str
    values: pd.DataFrame  # unit, month, value
    weights: pd.DataFrame  # unit, month, weight


def _merged_units(
    ctx: OutcomeData,
    group_obs: pd.DataFrame | None,
    group_members: pd.DataFrame | None,
    window: tuple[str, str],
) -> list[_Merged]:
    if group_obs is None or group_members is None or group_obs.empty:
        return []
    denominator = _denominator(ctx.outcome)
    dens = ctx.obs[ctx.obs["indicator"] == denominator]
    units = []
    for code, rows in group_members.groupby("group_code"):
        members = tuple(sorted(rows["municipality_code"].astype(str)))
        own = ctx.panel[ctx.panel["unit"].isin(members) & ctx.panel["value"].notna()]
        if own.empty:
            continue
        last = str(own["month"].max())
        values = group_obs[
            (group_obs["area_code"] == code)
            & (group_obs["indicator"] == ctx.outcome)
            & (group_obs["month"] > last)
            & (group_obs["month"] >= window[0])
            & (group_obs["month"] <= window[1])
            & ~group_obs["suppressed"].astype(bool)
        ]
        if values.empty:
            continue
        # The unit's weight: its members' latest denominators, added up
        mine = dens[dens["area_code"].isin(members) & ~dens["suppressed"].astype(bool)]
        latest = mine.sort_values("month").groupby("area_code")["value"].last()
        weight = float(latest.sum()) if len(latest) == len(members) else np.nan
        units.append(
            _Merged(
                code=str(code),
                members=members,
                last_separate=last,
                values=pd.DataFrame(
                    {"unit": str(code), "month": values["month"], "value": values["value"]}
                ),
                weights=pd.DataFrame(
                    {"unit": str(code), "month": values["month"], "weight": weight}
                ),
            )
        )
    return units


def _denominator(outcome: str) -> str:
    ind = definitions.get(outcome)
    if ind.denominator is None:
        raise EvaluationError(f"{outcome} has no denominator to aggregate an area with")
    return ind.denominator


def evaluate_areas(
    obs: pd.DataFrame,
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    outcome: str = "unemployed_share_pct",
    comparison_kind: ComparisonKind = "all_other",
    window: tuple[str, str] = calendar.EVALUATION_WINDOW,
    include_unverified: bool = False,
    areas: Sequence[str] | None = None,
    holdout: int = HOLDOUT,
    n_draws: int = 500,
    seed: int = 20210301,
    group_obs: pd.DataFrame | None = None,
    group_members: pd.DataFrame | None = None,
    prepared: OutcomeData | None = None,
) -> AreaStudy:
    """Evaluate every trial area (or ``areas``) on ``outcome``.

    Parameters
    ----------
    obs : pandas.DataFrame
        Municipality observations of :func:`indicators.trial_study.required_indicators`.
    municipalities, memberships : pandas.DataFrame
        As returned by ``data_access.queries``.
    outcome : str
        One of :data:`indicators.trial_study.OUTCOMES`.
    comparison_kind : {'all_other', 'same_regions', 'matched'}
        The DiD's comparison group; the synthetic control's donors are every comparison
        municipality with a complete series.
    window : tuple of str
        First and last month; a window past the outcome's data is shortened to them.
    include_unverified : bool
        Count unverified members as members of their area (else they are on neither side).
    holdout : int
        Pre-trial months held out for the synthetic control's test statistic.
    n_draws, seed : int
        Fake areas for the DiD's placebo inference (all of them when there are few).
    group_obs, group_members : pandas.DataFrame, optional
        Observations of merged units of a later division (``municipality_group`` level) and
        their members (``group_code, municipality_code``). Where the members of such a unit
        all belong to one area, its published figure stands for them in the months after
        their own figures end (Mäntyharju and Pertunmaa, published together after 2023-10).
    prepared : OutcomeData, optional
        :func:`indicators.trial_study.prepare_outcome` of ``obs``, ``municipalities`` and
        ``outcome``, made once per data version; None prepares it here.
    """
    began = time.perf_counter()
    ctx = reuse_or_prepare(prepared, obs, municipalities, outcome)
    start, end = window[0], min(window[1], ctx.last_month, calendar.TRANSFER_MONTH)
    panel = ctx.panel[(ctx.panel["month"] >= start) & (ctx.panel["month"] <= end)]
    panel = panel[["unit", "month", "value"]]
    denominator = _denominator(outcome)
    dens = ctx.obs[ctx.obs["indicator"] == denominator]
    dens = dens.assign(value=dens["value"].where(~dens["suppressed"].astype(bool)))
    weights = dens.rename(columns={"area_code": "unit", "value": "weight"})[
        ["unit", "month", "weight"]
    ]
    wide = panel.pivot_table(index="month", columns="unit", values="value", aggfunc="first")
    complete = set(wide.columns[wide.notna().all()])
    pool = [c for c in comparison.candidate_controls(municipalities, memberships) if c in complete]
    merged = _merged_units(ctx, group_obs, group_members, (start, end))
    ids = list(areas) if areas is not None else list(comparison.trial_area_ids(memberships))
    results: dict[str, AreaEvaluation] = {}
    failed: dict[str, Message] = {}
    with threadpool_limits(1, user_api="blas"):
        for area in ids:
            try:
                results[area] = _evaluate_area(
                    ctx,
                    panel,
                    weights,
                    memberships,
                    pool,
                    merged,
                    area=area,
                    comparison_kind=comparison_kind,
                    window=(start, end),
                    include_unverified=include_unverified,
                    holdout=holdout,
                    n_draws=n_draws,
                    seed=seed,
                )
            except ComparisonError:
                failed[area] = Message(
                    "area.no_members" if not include_unverified else "area.not_estimated"
                )
    return AreaStudy(
        outcome=outcome,
        comparison=comparison_kind,
        window=(start, end),
        include_unverified=include_unverified,
        areas=results,
        failed=failed,
        seconds=time.perf_counter() - began,
    )


def evaluate_area(
    obs: pd.DataFrame,
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    area: str,
    **options: object,
) -> AreaEvaluation:
    """One area's evaluation (the options as for :func:`evaluate_areas`).

    Raises
    ------
    EvaluationError
        When the area cannot be evaluated (no counted member, say); the message says why.
    """
    study = evaluate_areas(obs, municipalities, memberships, areas=[area], **options)  # type: ignore[arg-type]
    if area not in study.areas:
        raise EvaluationError(f"area {area} cannot be evaluated ({study.failed[area].key})")
    return study.areas[area]


def _evaluate_area(
    ctx: OutcomeData,
    panel: pd.DataFrame,
    weights: pd.DataFrame,
    memberships: pd.DataFrame,
    pool: list[str],
    merged: list[_Merged],
    *,
    area: str,
    comparison_kind: ComparisonKind,
    window: tuple[str, str],
    include_unverified: bool,
    holdout: int,
    n_draws: int,
    seed: int,
) -> AreaEvaluation:
    group = ctx.group(
        comparison_kind, memberships, area=area, include_unverified=include_unverified, k=3
    )
    members = tuple(group.treated)
    rows = memberships[
        (memberships["area_id"] == area) & memberships["municipality_code"].isin(members)
    ]
    units = profile.area_units(rows, include_unverified=include_unverified)
    notes: list[Message] = []
    area_panel, area_weights = panel, weights
    for unit in merged:
        if set(unit.members) <= set(members):
            # The merged unit stands for its members once their own figures end
            after = calendar.shift(unit.last_separate, 1)
            units = units.copy()
            inside = units["unit_code"].isin(unit.members) & units["member_to"].isna()
            units.loc[inside, "member_to"] = unit.last_separate
            units = pd.concat(
                [units, pd.DataFrame({"unit_code": [unit.code], "member_from": [after]})],
                ignore_index=True,
            )
            area_panel = pd.concat([area_panel, unit.values], ignore_index=True)
            area_weights = pd.concat([area_weights, unit.weights], ignore_index=True)
            notes.append(Message("area.merged_unit", {"names": unit.members, "month": after}))
    treated_series = area_series(area_panel, area_weights, units)
    label = f"area:{area}"
    donors = pool
    sc: SyntheticControlResult | None = None
    sc_reason: Message | None = None
    series = pd.DataFrame(columns=["month", "actual", "synthetic", "gap"])
    placebo_gaps = pd.DataFrame(columns=["month", "unit", "gap"])
    weights_table = pd.DataFrame(columns=["code", "weight"])
    if treated_series.isna().any():
        gaps = sorted(treated_series[treated_series.isna()].index)
        sc_reason = Message("area.sc_incomplete", {"first": gaps[0], "last": gaps[-1]})
    else:
        frame = pd.concat(
            [
                panel[panel["unit"].isin(donors)],
                pd.DataFrame(
                    {"unit": label, "month": treated_series.index, "value": treated_series}
                ),
            ],
            ignore_index=True,
        )
        try:
            sc = synthetic_control(
                frame,
                outcome="value",
                unit="unit",
                period="month",
                treated_unit=label,
                first_treated_period=EVENT_MONTH,
                donors=donors,
                holdout=holdout,
                placebo_cache=_PLACEBOS,
            )
        except SynthError as error:
            sc_reason = Message("area.sc_failed", {"reason": str(error)})
    if sc is not None:
        series = pd.DataFrame(
            {
                "month": list(sc.treated.index),
                "actual": sc.treated.to_numpy(),
                "synthetic": sc.synthetic.to_numpy(),
                "gap": sc.gap.to_numpy(),
            }
        )
        if sc.placebo is not None:
            placebo_gaps = (
                sc.placebo.rename_axis(index="month", columns="unit")
                .stack()
                .rename("gap")
                .reset_index()
            )
        positive = sc.weights[sc.weights > 1e-6].sort_values(ascending=False)
        weights_table = pd.DataFrame({"code": positive.index.astype(str), "weight": positive})
        weights_table = weights_table.reset_index(drop=True)
        if sc.fit != "good":
            notes.append(Message("area.sc_poor_fit", {"reasons": tuple(sc.fit_reasons)}))

    did: PlaceboDidResult | None = None
    did_reason: Message | None = None
    controls = [c for c in group.control if c in set(pool)]
    try:
        did = placebo_did(
            panel,
            outcome="value",
            unit="unit",
            period="month",
            treated_units=list(members),
            first_treated_period=EVENT_MONTH,
            donors=controls,
            n_draws=n_draws,
            seed=seed,
        )
    except (InferenceError, ValueError) as error:
        did_reason = Message("area.did_failed", {"reason": str(error)})
    inference = did is not None and did.n_draws >= MIN_PLACEBO_DRAWS
    if did is not None and not inference:
        notes.append(Message("area.few_placebos", {"n": did.n_draws}, count="n"))
    if len(members) > 1 and window[1] > ctx.last_counts_month:
        notes.append(Message("area.published_shares", {"month": ctx.last_counts_month}))
    return AreaEvaluation(
        area=area,
        outcome=ctx.outcome,
        comparison=comparison_kind,
        window=window,
        members=members,
        donors=tuple(donors),
        series=series,
        placebo_gaps=placebo_gaps,
        weights=weights_table,
        sc=sc,
        did=did,
        sc_reason=sc_reason,
        did_reason=did_reason,
        did_inference=inference,
        notes=tuple(notes),
    )
