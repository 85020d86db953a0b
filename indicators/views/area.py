"""The area profile's "area without the trial" and the evaluation page's per-area table, in
the UI language, from :mod:`indicators.area_study`.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from catalogue import calendar
from i18n import (
    Message,
    fmt_month,
    fmt_number,
    fmt_p,
    fmt_p_stated,
    fmt_signed,
    join,
    render,
    t,
    tn,
    unit_of_change,
)
from indicators.area_study import HOLDOUT, AreaEvaluation, AreaStudy
from indicators.events import events_between

BAND = (0.05, 0.95)


@dataclass(frozen=True, eq=False)
class AreaView:
    """What the profile shows of one area's evaluation, in one language.

    Attributes
    ----------
    available : bool
        False when the area could not be evaluated; ``reason`` says why.
    reason : str
        Why there is no evaluation (empty when there is one).
    effect, p_value, fit : str
        The synthetic control's mean post-trial gap, placebo p-value and pre-trial fit, as
        shown in the metrics (``–`` when there is none).
    verdict : str
        One plain-language sentence on what the placebos say (or why the fit is too poor).
    gap_sentence, did_sentence : str
        The gap over the trial months; the DiD with its placebo inference.
    notes : tuple of str
        Caveats, rendered.
    method : str
        How the figures were made and where else they appear.
    series : pandas.DataFrame
        ``month, series, value``: the area and its synthetic control, for the line chart.
    gap : pandas.DataFrame
        ``month, gap``: the area's gap.
    band : pandas.DataFrame
        ``month, low, high, low_all, high_all``: the placebo gaps' 5th–95th percentiles and
        range.
    events : pandas.DataFrame
        ``month, key, label``: the trial's start, the Nordic model and the trial's end.
    donors : pandas.DataFrame
        The donors with a positive weight: municipality, code and weight, largest first.
    table : pandas.DataFrame
        The chart's data with localised column names, for the table twin and the exports.
    n_placebos : int
        Comparison municipalities in the band.
    """

    available: bool
    reason: str
    effect: str = "–"
    p_value: str = "–"
    fit: str = "–"
    verdict: str = ""
    gap_sentence: str = ""
    did_sentence: str = ""
    notes: tuple[str, ...] = ()
    method: str = ""
    series: pd.DataFrame | None = None
    gap: pd.DataFrame | None = None
    band: pd.DataFrame | None = None
    events: pd.DataFrame | None = None
    donors: pd.DataFrame | None = None
    table: pd.DataFrame | None = None
    n_placebos: int = 0


def _names(municipalities: pd.DataFrame, lang: str) -> dict[str, str]:
    column = f"name_{lang}" if f"name_{lang}" in municipalities else "name_fi"
    return dict(zip(municipalities["code"], municipalities[column], strict=True))


def _band(placebo_gaps: pd.DataFrame) -> pd.DataFrame:
    grouped = placebo_gaps.groupby("month")["gap"]
    return pd.DataFrame(
        {
            "low": grouped.quantile(BAND[0]),
            "high": grouped.quantile(BAND[1]),
            "low_all": grouped.min(),
            "high_all": grouped.max(),
        }
    ).reset_index()


def _did_sentence(evaluation: AreaEvaluation, lang: str, unit: str) -> str:
    did = evaluation.did
    if did is None:
        return render(evaluation.did_reason, lang) if evaluation.did_reason else ""
    values = {
        "members": fmt_number(len(evaluation.members), lang),
        "control": fmt_number(did.n_donors, lang),
        "comparison": t(f"comparison.{evaluation.comparison}", lang),
        "estimate": fmt_signed(did.estimate, lang, 2, unit),
    }
    if not evaluation.did_inference or did.ci_low is None or did.ci_high is None:
        return t("area.did_no_inference", lang, **values)
    return t(
        "area.did_text",
        lang,
        **values,
        n_draws=fmt_number(did.n_draws, lang),
        low=fmt_number(did.ci_low, lang, 2),
        high=fmt_number(did.ci_high, lang, 2),
        p=fmt_p_stated(did.p_value, lang),
    )


def area_view(
    evaluation: AreaEvaluation | None,
    municipalities: pd.DataFrame,
    lang: str,
    *,
    reason: Message | None = None,
) -> AreaView:
    """The profile's view of ``evaluation`` in ``lang`` (``reason``: why there is none)."""
    if evaluation is None:
        text = render(reason, lang) if reason is not None else t("area.not_estimated", lang)
        return AreaView(available=False, reason=text)
    unit = unit_of_change(evaluation.outcome, lang)
    names = _names(municipalities, lang)
    start, end = evaluation.window
    notes = tuple(render(n, lang) for n in evaluation.notes)
    method = t(
        "area.method_note",
        lang,
        start=fmt_month(start, lang),
        end=fmt_month(end, lang),
        holdout=HOLDOUT,
    )
    did_sentence = _did_sentence(evaluation, lang, unit)
    sc = evaluation.sc
    if sc is None:
        reason_text = render(evaluation.sc_reason, lang) if evaluation.sc_reason else ""
        return AreaView(
            available=True,
            reason=reason_text,
            did_sentence=did_sentence,
            notes=notes,
            method=method,
        )
    labels = {
        "actual": t("area.series.actual", lang),
        "synthetic": t("area.series.synthetic", lang),
    }
    series = pd.concat(
        [
            pd.DataFrame(
                {
                    "month": evaluation.series["month"],
                    "series": label,
                    "value": evaluation.series[key],
                }
            )
            for key, label in labels.items()
        ],
        ignore_index=True,
    )
    events = events_between(start, end, lang=lang)
    if sc.fit == "good" and sc.p_value is not None:
        key = "area.verdict_clear" if evaluation.clear_gap else "area.verdict_unclear"
        verdict = tn(
            key,
            evaluation.n_as_large or 0,
            lang,
            total=fmt_number(sc.n_placebo_units - 1, lang),
            p=fmt_p_stated(sc.p_value, lang),
        )
    else:
        reasons = join([t(f"area.fit.{r}", lang) for r in sc.fit_reasons], lang)
        verdict = t("area.verdict_poor_fit", lang, reasons=reasons)
    first_post = calendar.TRIAL_FIRST_MONTH
    donors = evaluation.weights.assign(
        name=evaluation.weights["code"].map(lambda c: names.get(c, c))
    )
    table = evaluation.series.rename(
        columns={
            "month": t("area.col.month", lang),
            "actual": t("area.col.actual", lang),
            "synthetic": t("area.col.synthetic", lang),
            "gap": t("area.col.gap", lang),
        }
    ).round(3)
    return AreaView(
        available=True,
        reason="",
        effect=fmt_signed(sc.effect, lang, 2, unit),
        p_value=fmt_p(sc.p_value, lang) if sc.p_value is not None else "–",
        fit=f"{fmt_number(sc.pre_rmspe, lang, 3)} ({t(f'area.fit.{sc.fit}', lang)})",
        verdict=verdict,
        gap_sentence=t(
            "area.gap_sentence",
            lang,
            start=fmt_month(max(first_post, start), lang),
            end=fmt_month(end, lang),
            effect=fmt_signed(sc.effect, lang, 2, unit),
        ),
        did_sentence=did_sentence,
        notes=notes,
        method=method,
        series=series,
        gap=evaluation.series[["month", "gap"]],
        band=_band(evaluation.placebo_gaps),
        events=events,
        donors=pd.DataFrame(
            {
                t("area.col.municipality", lang): donors["name"],
                t("profile.col.code", lang): donors["code"],
                t("area.col.weight", lang): donors["weight"].round(3),
            }
        ),
        table=table,
        n_placebos=int(evaluation.placebo_gaps["unit"].nunique()),
    )


def area_table(study: AreaStudy, areas: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The evaluation page's per-area table in ``lang``: both estimates side by side."""
    names = dict(
        zip(areas["area_id"], areas["name_sv" if lang == "sv" else "name_fi"], strict=True)
    )
    rows = []
    for area, evaluation in sorted(study.areas.items()):
        did, sc = evaluation.did, evaluation.sc
        shown = did is not None and evaluation.did_inference
        ci = (
            f"{fmt_number(did.ci_low, lang, 2)} … {fmt_number(did.ci_high, lang, 2)}"
            if shown and did is not None and did.ci_low is not None
            else "–"
        )
        rows.append(
            {
                t("area.col.area", lang): f"{names.get(area, area)} ({area})",
                t("area.col.members", lang): len(evaluation.members),
                t("area.col.did", lang): fmt_number(None if did is None else did.estimate, lang, 2),
                t("area.col.did_ci", lang): ci,
                t("area.col.did_p", lang): fmt_p(did.p_value if shown and did else None, lang),
                t("area.col.sc", lang): fmt_number(None if sc is None else sc.effect, lang, 2),
                t("area.col.sc_p", lang): fmt_p(None if sc is None else sc.p_value, lang),
                t("area.col.fit", lang): t(f"area.fit.{sc.fit}", lang) if sc else "–",
            }
        )
    for area, reason in sorted(study.failed.items()):
        rows.append(
            {
                t("area.col.area", lang): f"{names.get(area, area)} ({area})",
                t("area.col.members", lang): 0,
                t("area.col.did", lang): render(reason, lang),
            }
        )
    return pd.DataFrame(rows).fillna("–")
