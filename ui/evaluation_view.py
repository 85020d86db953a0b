"""Rendering of evaluation results: headline figures, the event study and per-area table."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st

from catalogue import definitions
from i18n import fmt_number, render, t, vega_locale
from indicators.charts import event_study_chart, forest_chart
from indicators.trial_study import FEW_TREATED, PRETREND_ALPHA
from ui import export, specs


def _unit(outcome: str, lang: str) -> str:
    if definitions.get(outcome).unit == "percent":
        return t("unit.pp", lang)
    return ""


def _p(value: float, lang: str) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    return (
        "< 0,001"
        if value < 0.001 and lang != "en"
        else ("< 0.001" if value < 0.001 else fmt_number(value, lang, 3))
    )


def headline(result: Any, outcome: str, lang: str) -> None:
    """The pooled estimate with its interval, the pre-trend test and the group sizes."""
    did = result.did
    unit = _unit(outcome, lang)
    st.subheader(t("evaluation.pooled", lang))
    left, mid, right = st.columns(3)
    left.metric(
        t("evaluation.estimate", lang),
        f"{fmt_number(did.estimate, lang, 2)} {unit}",
        help=t(
            "evaluation.ci",
            lang,
            low=fmt_number(did.ci_low, lang, 2),
            high=fmt_number(did.ci_high, lang, 2),
        ),
    )
    left.caption(
        t(
            "evaluation.ci",
            lang,
            low=fmt_number(did.ci_low, lang, 2),
            high=fmt_number(did.ci_high, lang, 2),
        )
    )
    pre = result.pretrend.p_value if result.pretrend is not None else float("nan")
    mid.metric(
        t("evaluation.pretrend", lang), _p(pre, lang), help=t("evaluation.pretrend_help", lang)
    )
    right.metric(t("evaluation.col.treated", lang), str(result.n_treated))
    right.caption(t("evaluation.groups", lang, treated=result.n_treated, control=result.n_control))
    if result.pretrend is None or math.isnan(pre):
        st.warning(t("evaluation.pretrend_undefined", lang))
    elif pre < PRETREND_ALPHA:
        st.warning(
            t("evaluation.pretrend_rejects", lang, p=_p(pre, lang)), icon=":material/warning:"
        )
    if result.n_treated < FEW_TREATED:
        st.warning(t("evaluation.few_treated", lang, n=result.n_treated))


def event_study(result: Any, outcome: str, lang: str, *, data_key: Hashable) -> None:
    """The event-study chart with its table and downloads.

    ``data_key`` names the estimate (URL and options) for the chart cache."""
    if result.event is None:
        return
    table = result.event.table
    y_title = f"{definitions.get(outcome).name(lang)} ({_unit(outcome, lang) or '='})"
    chart = specs.cached_chart(
        ("event_study", data_key, lang),
        lambda: event_study_chart(
            table, x_title=t("evaluation.event_x", lang), y_title=y_title, locale=vega_locale(lang)
        ),
    )
    st.subheader(t("evaluation.event_title", lang))
    specs.show(chart, key="event_chart", alt=t("evaluation.event_alt", lang, n=len(table)))
    export_table = table[["rel_period", "estimate", "std_error", "ci_low", "ci_high"]].round(4)
    with st.expander(t("chart.data_table", lang)):
        st.dataframe(export_table, hide_index=True, key="event_table")
    export.downloads(
        chart, export_table, title=t("evaluation.event_title", lang), lang=lang, key="dl_event"
    )


def per_area(
    frame: pd.DataFrame, areas: pd.DataFrame, outcome: str, lang: str, *, data_key: Hashable
) -> None:
    """Pooled and per-area estimates as a forest plot and a table.

    ``data_key`` names the estimates (URL and options) for the chart cache."""
    names = dict(
        zip(areas["area_id"], areas["name_sv" if lang == "sv" else "name_fi"], strict=True)
    )
    rows = frame.copy()
    rows["label"] = [
        t("evaluation.pooled", lang) if a == "pooled" else f"{names.get(a, a)} ({a})"
        for a in rows["area"]
    ]
    rows["order"] = np.where(rows["area"] == "pooled", 0, 1)
    rows = rows.sort_values(["order", "area"]).reset_index(drop=True)
    unit = _unit(outcome, lang)
    chart = specs.cached_chart(
        ("forest", data_key, lang),
        lambda: forest_chart(
            rows,
            x_title=f"{t('evaluation.estimate', lang)} {unit}".strip(),
            label_title=t("evaluation.col.area", lang),
            locale=vega_locale(lang),
        ),
    )
    st.subheader(t("evaluation.areas_title", lang))
    specs.show(chart, key="forest_chart", alt=t("evaluation.areas_alt", lang, n=len(rows)))
    table = pd.DataFrame(
        {
            t("evaluation.col.area", lang): rows["label"],
            t("evaluation.estimate", lang): rows["estimate"].round(3),
            t("evaluation.col.low", lang): rows["ci_low"].round(3),
            t("evaluation.col.high", lang): rows["ci_high"].round(3),
            t("evaluation.col.p", lang): rows["p"].round(4),
            t("evaluation.col.pretrend", lang): rows["pretrend_p"].round(4),
            t("evaluation.col.treated", lang): rows["n_treated"],
            t("evaluation.col.control", lang): rows["n_control"],
            t("evaluation.col.flags", lang): [
                "; ".join(render(f, lang) for f in flags) for flags in rows["flags"]
            ],
        }
    )
    st.dataframe(table, hide_index=True, key="areas_table")
    export.downloads(
        chart, table, title=t("evaluation.areas_title", lang), lang=lang, key="dl_areas"
    )


def area_estimate(result: Any, lang: str, *, all_unverified: bool = False) -> None:
    """An area's own DiD estimate against its matched peers, with its caveats.

    ``all_unverified``: every member of the area is unverified and they are left out, which
    is why there is no estimate; the message says how to include them.
    """
    st.subheader(t("profile.did_title", lang))
    if result is None:
        key = "profile.did_all_unverified" if all_unverified else "profile.did_unavailable"
        st.info(t(key, lang))
        return
    did = result.did
    unit = _unit("unemployed_share_pct", lang)
    left, right = st.columns(2)
    left.metric(t("evaluation.estimate", lang), f"{fmt_number(did.estimate, lang, 2)} {unit}")
    left.caption(
        t(
            "evaluation.ci",
            lang,
            low=fmt_number(did.ci_low, lang, 2),
            high=fmt_number(did.ci_high, lang, 2),
        )
    )
    pre = result.pretrend.p_value if result.pretrend is not None else float("nan")
    right.metric(
        t("evaluation.pretrend", lang), _p(pre, lang), help=t("evaluation.pretrend_help", lang)
    )
    st.caption(t("profile.did_note", lang, treated=result.n_treated, control=result.n_control))
    if result.n_treated < FEW_TREATED:
        st.warning(t("evaluation.few_treated", lang, n=result.n_treated))
    if result.pretrend is None or math.isnan(pre):
        st.caption(t("evaluation.pretrend_undefined", lang))
    elif pre < PRETREND_ALPHA:
        st.warning(t("evaluation.pretrend_rejects", lang, p=_p(pre, lang)))
