"""Rendering of evaluation results: headline figures, the event study and per-area table."""

from __future__ import annotations

import math
from collections.abc import Hashable
from typing import Any

import pandas as pd
import streamlit as st

from catalogue import definitions
from i18n import fmt_number, fmt_p, fmt_p_stated, t, vega_locale
from indicators.area_study import AreaStudy
from indicators.charts import event_study_chart, forest_chart
from indicators.trial_study import FEW_TREATED, PRETREND_ALPHA
from indicators.views import area as area_view
from indicators.views import evaluation as evaluation_view
from indicators.views.evaluation import ComparisonRow
from ui import export, specs


def unit_of(outcome: str, lang: str) -> str:
    if definitions.get(outcome).unit == "percent":
        return t("unit.pp", lang)
    return ""


def headline(result: Any, outcome: str, lang: str) -> None:
    """The pooled estimate with its interval, the pre-trend test and the group sizes."""
    did = result.did
    unit = unit_of(outcome, lang)
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
        t("evaluation.pretrend", lang), fmt_p(pre, lang), help=t("evaluation.pretrend_help", lang)
    )
    right.metric(t("evaluation.col.treated", lang), str(result.n_treated))
    right.caption(t("evaluation.groups", lang, treated=result.n_treated, control=result.n_control))
    if result.pretrend is None or math.isnan(pre):
        st.warning(t("evaluation.pretrend_undefined", lang))
    elif pre < PRETREND_ALPHA:
        st.warning(
            t("evaluation.pretrend_rejects", lang, p=fmt_p_stated(pre, lang)),
            icon=":material/warning:",
        )
    if result.n_treated < FEW_TREATED:
        st.warning(t("evaluation.few_treated", lang, n=result.n_treated))


def event_study(result: Any, outcome: str, lang: str, *, data_key: Hashable) -> None:
    """The event-study chart with its table and downloads.

    ``data_key`` names the estimate (URL and options) for the chart cache."""
    if result.event is None:
        return
    table = result.event.table
    y_title = f"{definitions.get(outcome).name(lang)} ({unit_of(outcome, lang) or '='})"
    chart = specs.cached_chart(
        ("event_study", data_key, lang),
        lambda: event_study_chart(
            table,
            x_title=t("evaluation.event_x", lang),
            y_title=y_title,
            locale=vega_locale(lang),
            labels=evaluation_view.event_labels(lang),
        ),
    )
    st.subheader(t("evaluation.event_title", lang))
    specs.show(chart, key="event_chart", alt=t("evaluation.event_alt", lang, n=len(table)))
    export_table = evaluation_view.event_table(result, lang)
    export.data_and_downloads(
        chart,
        export_table,
        table_key="event_table",
        title=t("evaluation.event_title", lang),
        lang=lang,
        key="dl_event",
        specification=evaluation_view.specification(result, lang),
        series=export.indicator_series([outcome], ("municipality",)),
    )


def comparisons(rows: list[ComparisonRow], lead: str, lang: str, unit: str) -> None:
    """The three comparison groups side by side, with why the page leads with one."""
    st.subheader(t("evaluation.comparisons_title", lang))
    st.dataframe(
        evaluation_view.comparisons_table(rows, lang, unit),
        hide_index=True,
        key="comparisons_table",
    )
    st.caption(evaluation_view.lead_explanation(rows, lead, lang))


def per_area(
    study: AreaStudy,
    pooled: Any,
    areas: pd.DataFrame,
    outcome: str,
    lang: str,
    *,
    data_key: Hashable,
) -> None:
    """Pooled and per-area estimates as a forest plot, and both per-area estimates (DiD with
    placebo inference, synthetic control) in a table.

    ``data_key`` names the estimates (URL and options) for the chart cache."""
    rows = evaluation_view.forest_frame(pooled, study, areas, lang)
    unit = unit_of(outcome, lang)
    chart = specs.cached_chart(
        ("forest", data_key, lang),
        lambda: forest_chart(
            rows,
            x_title=f"{t('evaluation.estimate', lang)} {unit}".strip(),
            label_title=t("evaluation.col.area", lang),
            method_title=t("evaluation.forest_method", lang),
            locale=vega_locale(lang),
        ),
    )
    st.subheader(t("area.table_title", lang))
    st.caption(t("area.table_note", lang))
    specs.show(chart, key="forest_chart", alt=t("evaluation.areas_alt", lang, n=len(rows)))
    table = area_view.area_table(study, areas, lang)
    export.data_and_downloads(
        chart,
        table,
        table_key="areas_table",
        folded=False,
        title=t("area.table_title", lang),
        lang=lang,
        key="dl_areas",
        series=export.indicator_series([outcome], ("municipality",)),
    )
