"""The evaluation page's figures: the three comparison groups side by side, which one leads
and why, and the pooled and per-area estimates for the forest plot.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import pandas as pd

from i18n import fmt_month, fmt_number, fmt_p, fmt_p_stated, fmt_signed, join, t
from indicators.area_study import AreaStudy
from indicators.comparison import COMPARISONS
from indicators.trial_study import PRETREND_ALPHA, Evaluation


@dataclass(frozen=True)
class ComparisonRow:
    """One comparison group's pooled estimate and its pre-trend verdict.

    ``passes`` is True when the joint pre-trend test does not reject parallel trends at
    :data:`indicators.trial_study.PRETREND_ALPHA`, False when it rejects, None without a
    test.
    """

    kind: str
    estimate: float
    ci_low: float
    ci_high: float
    pretrend_p: float | None
    passes: bool | None
    n_treated: int
    n_control: int


def comparison_rows(results: Mapping[Any, Evaluation]) -> list[ComparisonRow]:
    """The pooled evaluations by comparison group, in the order of :data:`COMPARISONS`."""
    rows = []
    for kind in COMPARISONS:
        result = results.get(kind)
        if result is None:
            continue
        p = None if result.pretrend is None else float(result.pretrend.p_value)
        passes = None if p is None or math.isnan(p) else p >= PRETREND_ALPHA
        rows.append(
            ComparisonRow(
                kind=kind,
                estimate=result.did.estimate,
                ci_low=result.did.ci_low,
                ci_high=result.did.ci_high,
                pretrend_p=p,
                passes=passes,
                n_treated=result.n_treated,
                n_control=result.n_control,
            )
        )
    return rows


def lead_comparison(rows: list[ComparisonRow]) -> str:
    """The comparison group the page leads with: the first whose pre-trends pass (else the
    first of :data:`COMPARISONS`).
    """
    passing = [r.kind for r in rows if r.passes]
    return passing[0] if passing else (rows[0].kind if rows else COMPARISONS[0])


def lead_explanation(rows: list[ComparisonRow], lead: str, lang: str) -> str:
    """Why the page leads with ``lead``, in ``lang``."""
    failing = [r for r in rows if r.passes is False]
    quote = ("“", "”") if lang == "en" else ("”", "”")
    names = join([f"{quote[0]}{t(f'comparison.{r.kind}', lang)}{quote[1]}" for r in failing], lang)
    lead_row = next((r for r in rows if r.kind == lead), None)
    if lead_row is None or not lead_row.passes:
        return t("evaluation.lead_none", lang)
    text = t(
        "evaluation.lead_passes",
        lang,
        lead=t(f"comparison.{lead}", lang),
        p=fmt_p_stated(lead_row.pretrend_p, lang),
    )
    if failing:
        text += " " + t("evaluation.lead_others_fail", lang, others=names)
    return text


def comparisons_table(rows: list[ComparisonRow], lang: str, unit: str) -> pd.DataFrame:
    """The three comparison groups as a table in ``lang``."""
    verdict = {
        True: t("evaluation.verdict.passes", lang),
        False: t("evaluation.verdict.rejects", lang),
        None: t("evaluation.verdict.untested", lang),
    }
    return pd.DataFrame(
        {
            t("evaluation.comparison", lang): [t(f"comparison.{r.kind}", lang) for r in rows],
            t("evaluation.estimate", lang): [
                f"{fmt_number(r.estimate, lang, 2)} {unit}".strip() for r in rows
            ],
            t("evaluation.col.ci95", lang): [
                f"{fmt_number(r.ci_low, lang, 2)} … {fmt_number(r.ci_high, lang, 2)}" for r in rows
            ],
            t("evaluation.col.pretrend", lang): [fmt_p(r.pretrend_p, lang) for r in rows],
            t("evaluation.col.verdict", lang): [verdict[r.passes] for r in rows],
            t("evaluation.col.treated", lang): [r.n_treated for r in rows],
            t("evaluation.col.control", lang): [r.n_control for r in rows],
        }
    )


def forest_frame(
    pooled: Evaluation, study: AreaStudy, areas: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """The forest plot's rows: the pooled estimate (clustered interval) first, then each
    area's DiD with its placebo interval (areas without enough placebos have none).

    Columns ``label, estimate, ci_low, ci_high, method, area``.
    """
    names = dict(
        zip(areas["area_id"], areas["name_sv" if lang == "sv" else "name_fi"], strict=True)
    )
    rows = [
        {
            "label": t("evaluation.forest_pooled", lang),
            "estimate": pooled.did.estimate,
            "ci_low": pooled.did.ci_low,
            "ci_high": pooled.did.ci_high,
            "method": t("evaluation.method.clustered", lang),
            "area": "pooled",
        }
    ]
    for area, evaluation in sorted(study.areas.items()):
        did = evaluation.did
        if did is None:
            continue
        shown = evaluation.did_inference and did.ci_low is not None
        rows.append(
            {
                "label": f"{names.get(area, area)} ({area})",
                "estimate": did.estimate,
                "ci_low": did.ci_low if shown else float("nan"),
                "ci_high": did.ci_high if shown else float("nan"),
                "method": t("evaluation.method.placebo", lang),
                "area": area,
            }
        )
    return pd.DataFrame(rows)


def specification(result: Evaluation, lang: str, *, per_area: bool = False) -> str:
    """What exactly an evaluation's figures are, for the subtitle and notes of its files:
    outcome, comparison group, window, reference month, interval, binned end points and N.
    """
    from catalogue import calendar, definitions

    start, end = result.window
    parts = [
        t("spec.outcome", lang, outcome=definitions.get(result.outcome).name(lang)),
        t("spec.comparison", lang, comparison=t(f"comparison.{result.comparison}", lang)),
        t("spec.window", lang, start=fmt_month(start, lang), end=fmt_month(end, lang)),
    ]
    if per_area:
        parts.append(t("spec.per_area", lang))
    else:
        parts.append(t("spec.reference", lang, month=fmt_month(calendar.INDEX_BASE_MONTH, lang)))
        if result.event is not None:
            low, high = result.event.window
            parts.append(
                t("spec.binned", lang, low=fmt_signed(low, lang), high=fmt_signed(high, lang))
            )
        parts.append(t("spec.clustered", lang))
    parts.append(
        t(
            "spec.n",
            lang,
            treated=fmt_number(result.n_treated, lang),
            control=fmt_number(result.n_control, lang),
            obs=fmt_number(result.did.n_obs, lang),
        )
    )
    return "; ".join(parts) + "."


def event_labels(lang: str) -> dict[str, str]:
    """The event-study chart's legend words in ``lang`` (see
    :data:`indicators.charts.EVENT_LABEL_KEYS`).
    """
    from indicators.charts import EVENT_LABEL_KEYS

    return {k: t(f"evaluation.event_label.{k}", lang) for k in EVENT_LABEL_KEYS}


def event_table(result: Evaluation, lang: str) -> pd.DataFrame:
    """The event study's coefficients with localised column names and the calendar month
    beside each event time (the end points hold earlier and later months too).
    """
    from catalogue import calendar

    table = result.event.table if result.event is not None else pd.DataFrame()
    if table.empty:
        return table
    months = [calendar.shift(calendar.TRIAL_FIRST_MONTH, int(r)) for r in table["rel_period"]]
    return pd.DataFrame(
        {
            t("evaluation.event_x", lang): table["rel_period"].astype(int),
            t("area.col.month", lang): months,
            t("evaluation.estimate", lang): table["estimate"].round(4),
            t("evaluation.col.se", lang): table["std_error"].round(4),
            t("evaluation.col.low", lang): table["ci_low"].round(4),
            t("evaluation.col.high", lang): table["ci_high"].round(4),
            t("evaluation.col.binned", lang): table["binned"].astype(bool),
            t("evaluation.col.reference", lang): table["is_reference"].astype(bool),
        }
    )
