"""The area profile's "area without the trial": synthetic control, placebo band, donors."""

from __future__ import annotations

from collections.abc import Hashable

import streamlit as st

from i18n import t, vega_locale
from indicators.charts import line_chart, placebo_chart
from indicators.views.area import AreaView
from ui import export, specs


def area_without_trial(view: AreaView, lang: str, *, title: str, data_key: Hashable) -> None:
    """The section: what the placebos say, the two charts with their data and downloads, the
    donors by name and weight, the DiD with placebo inference, and the caveats.

    ``data_key`` names the evaluation (URL, area and options) for the chart cache."""
    st.subheader(t("area.title", lang))
    st.caption(t("area.intro", lang))
    if not view.available:
        st.info(view.reason, icon=":material/info:")
        return
    if view.series is None or view.gap is None or view.band is None:
        if view.reason:
            st.info(view.reason, icon=":material/info:")
        _did_and_notes(view, lang)
        return
    left, mid, right = st.columns(3)
    left.metric(t("area.effect", lang), view.effect)
    mid.metric(t("area.p", lang), view.p_value, help=t("area.p_help", lang))
    right.metric(t("area.fit", lang), view.fit)
    st.markdown(f"{view.gap_sentence} {view.verdict}")

    x_title = t("chart.month", lang)
    actual = specs.cached_chart(
        ("area_actual", data_key, lang),
        lambda: line_chart(
            view.series,
            y_title=t("overview.share", lang) + " (%)",
            x_title=x_title,
            series_title=t("chart.series", lang),
            events=view.events,
            locale=vega_locale(lang),
            height=300,
        ),
    )
    start, end = view.series["month"].min(), view.series["month"].max()
    st.markdown(f"**{t('area.actual_title', lang)}**")
    specs.show(
        actual,
        key="area_actual_chart",
        alt=t("area.actual_alt", lang, start=start, end=end),
    )
    gap = specs.cached_chart(
        ("area_gap", data_key, lang),
        lambda: placebo_chart(
            view.gap,
            view.band,
            y_title=t("area.gap_axis", lang),
            x_title=x_title,
            series_title=t("chart.series", lang),
            area_label=t("area.series.actual", lang),
            band_label=t("area.series.placebo", lang),
            events=view.events,
            locale=vega_locale(lang),
        ),
    )
    st.markdown(f"**{t('area.gap_title', lang)}**")
    specs.show(
        gap,
        key="area_gap_chart",
        alt=t("area.gap_alt", lang, start=start, end=end, n=view.n_placebos),
    )
    table = view.table
    assert table is not None
    with st.expander(t("chart.data_table", lang)):
        st.dataframe(table, hide_index=True, key="area_table")
    # The profile's area study: the unemployment share, from its counts and published values
    series = export.indicator_series(["unemployed_share_pct"], ("municipality",))
    shown = ((actual, "area.actual_title", "dl_sc"), (gap, "area.gap_title", "dl_gap"))
    for chart, part, key in shown:
        export.downloads(
            chart, table, title=f"{title}: {t(part, lang)}", lang=lang, key=key, series=series
        )
    st.markdown(f"**{t('area.donors_title', lang)}**")
    st.dataframe(view.donors, hide_index=True, key="area_donors")
    _did_and_notes(view, lang)


def _did_and_notes(view: AreaView, lang: str) -> None:
    if view.did_sentence:
        st.markdown(f"**{t('area.did_title', lang)}**")
        st.markdown(view.did_sentence)
    for note in view.notes:
        st.caption(note)
    st.caption(view.method)
