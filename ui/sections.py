"""Larger page sections that more than a few lines of a page would need (kept out of pages/)."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from functools import partial
from typing import Any, cast

import pandas as pd
import streamlit as st

from catalogue import calendar, definitions
from geo import maps
from geo.maps import Lang
from i18n import d3_format, fmt_month, fmt_signed, fmt_value, t, tn, vega_locale
from indicators import summary
from indicators.charts import line_chart, small_multiples
from indicators.comparison import aland_codes
from indicators.events import events_between
from indicators.views import map as map_view
from indicators.views import profile as profile_view
from indicators.views.overview import OverviewMonth, reconciliation
from ui import data, export, present, specs


def trial_map(
    shapes: pd.DataFrame,
    members: pd.DataFrame,
    areas: pd.DataFrame,
    month: str,
    lang: str,
    *,
    url: str,
) -> None:
    """Who organised the services in ``month`` (the trial's first month before it began),
    without its heading (:func:`trial_map_heading`).

    ``url`` is the database the frames come from: with the memberships in force and the
    language it keys the cached chart (see :mod:`ui.specs`).
    """
    shown = calendar.clamp_to_trial(month)
    in_force = trial_map_key(url, month)
    chart = specs.cached_chart(
        ("overview_map", url, in_force, lang),
        lambda: maps.trial_area_map(
            shapes,
            members,
            shown,
            aland=aland_codes(data.municipalities(url)),
            areas=areas,
            lang=cast(Lang, lang),
            labels=map_view.map_labels(lang),
            width=330,
            height=560,
        ),
    )
    alt = specs.cached_value(
        ("trial_map_alt", url, in_force, shown, lang),
        lambda: map_view.trial_map_alt(members, shown, lang),
    )
    specs.show(chart, key="overview_map", theme=None, alt=alt)


def trial_map_heading(month: str, lang: str) -> None:
    """The title of :func:`trial_map` for ``month``, and a note when the map shows another."""
    shown = calendar.clamp_to_trial(month)
    st.subheader(t("overview.map_title", lang, month=fmt_month(shown, lang)))
    if shown != month:
        st.caption(t("overview.map_outside", lang))


def trial_map_key(url: str, month: str) -> Hashable:
    """What :func:`trial_map` draws for ``month``: the memberships in force then. Months with
    the same key share one map (and one spec)."""
    return specs.membership_key(url, calendar.clamp_to_trial(month))


def key_indicators(panels: pd.DataFrame, lang: str, *, data_key: Hashable) -> None:
    """Small multiples of the key indicators for the country, the trial and the rest.

    ``data_key`` names the data ``panels`` come from (URL and options) for the chart cache."""
    panels = panels[panels["month"] >= calendar.CHART_FIRST_MONTH]
    labels = {k: t(f"overview.{k}", lang) for k in ("country", "trial", "rest")}
    titles = {
        code: profile_view.axis_title(code, lang)
        if not profile_view.is_count(code)
        else f"{definitions.get(code).name(lang)} ({t('chart.index', lang)})"
        for code in summary.KEY_PANELS
    }
    frame = panels.assign(series=panels["key"].map(labels), panel=panels["indicator"].map(titles))

    def build() -> object:
        return small_multiples(
            frame[["month", "panel", "series", "value"]],
            x_title=t("chart.month", lang),
            series_title=t("chart.series", lang),
            series_order=list(labels.values()),
            events=events_between(frame["month"].min(), frame["month"].max(), lang=lang),
            locale=vega_locale(lang),
        )

    def make_table() -> pd.DataFrame:
        table = frame.pivot_table(index="month", columns=["panel", "series"], values="value")
        table.columns = [f"{p}: {s}" for p, s in table.columns]
        return table.round(2).reset_index()

    # On screen one chart a panel, two a row (a row stacks on a phone) and each as wide as its
    # column; the export is the one small-multiples figure
    chart = specs.cached_chart(("key_panels", data_key, lang), build)
    st.subheader(t("overview.key_title", lang))
    codes = [code for code in summary.KEY_PANELS if code in set(frame["indicator"])]
    for first in range(0, len(codes), 2):
        for column, code in zip(st.columns(2), codes[first : first + 2], strict=False):
            column.markdown(f"**{titles[code]}**")  # a catalogue text, never input
            specs.show(
                specs.cached_chart(
                    ("key_panel", code, data_key, lang),
                    partial(_panel_chart, frame[frame["indicator"] == code], titles[code], lang),
                ),
                key=f"overview_panel_{code}",
                alt=t("overview.key_alt", lang, panels=titles[code]),
                container=column,
            )
    table = specs.cached_value(("key_panels_table", data_key, lang), make_table)
    export.data_and_downloads(
        chart,
        table,
        table_key="overview_panels_table",
        title=t("overview.key_title", lang),
        lang=lang,
        key="dl_panels",
        series=export.indicator_series(codes, ("country", "municipality")),
    )


def _panel_chart(rows: pd.DataFrame, title: str, lang: str) -> object:
    """One key-indicator panel: the country, the trial and the rest over the months."""
    labels = [t(f"overview.{k}", lang) for k in ("country", "trial", "rest")]
    return line_chart(
        rows[["month", "series", "value"]],
        y_title=title,
        x_title=t("chart.month", lang),
        series_title=t("chart.series", lang),
        series_order=[label for label in labels if label in set(rows["series"])],
        events=events_between(rows["month"].min(), rows["month"].max(), lang=lang),
        height=190,
        locale=vega_locale(lang),
        y_axis_title=False,
    )


def what_changed(view: OverviewMonth, areas: pd.DataFrame, lang: str) -> None:
    """The trial areas whose unemployment share fell and rose most on a year."""
    st.subheader(t("overview.changed_title", lang, month=fmt_month(view.month, lang)))
    if view.changes.empty:
        st.info(t("overview.no_data", lang))
        return
    names = dict(
        zip(areas["area_id"], areas["name_sv" if lang == "sv" else "name_fi"], strict=True)
    )
    unit = t("unit.pp", lang)

    def links(column: object, heading: str, rows: pd.DataFrame) -> None:
        with column:  # type: ignore[attr-defined]
            st.markdown(heading)
            if rows.empty:
                st.caption(t("overview.changed_none", lang))
            for r in rows.itertuples():
                label = f"{names.get(r.area_id, r.area_id)}: {fmt_signed(r.change, lang, 1, unit)}"
                st.page_link(
                    "pages/area_profile.py",
                    label=label,
                    icon=":material/arrow_forward:",
                    query_params={"area": r.area_id, "lang": lang},
                )

    best, worst = st.columns(2)
    links(best, t("overview.changed_best", lang), view.fell)
    links(worst, t("overview.changed_worst", lang), view.rose)


def headline_cards(
    heads: Mapping[str, summary.Headline], names: Mapping[str, str], lang: str
) -> None:
    """Three cards: the whole country, the trial municipalities and the rest."""
    from i18n import fmt_number, fmt_percent

    for column, key in zip(st.columns(3), ("country", "trial", "rest"), strict=True):
        head = heads.get(key)
        with column.container(border=True):
            st.subheader(t(f"overview.{key}", lang))
            if head is None:
                st.info(t("overview.no_data", lang))
                continue
            st.metric(
                t("overview.unemployed", lang),
                fmt_number(head.unemployed, lang),
                delta=t(
                    "overview.delta_month", lang, delta=fmt_signed(head.unemployed_change, lang)
                ),
                # Fewer unemployed is better
                **present.delta_style(head.unemployed_change, "lower"),  # type: ignore[arg-type]
            )
            st.caption(
                t(
                    "overview.change_year",
                    lang,
                    delta=fmt_signed(head.unemployed_change_year, lang),
                )
            )
            st.metric(
                t("overview.share", lang),
                fmt_percent(head.share, lang),
                delta=t(
                    "overview.share_change_year",
                    lang,
                    delta=fmt_signed(head.share_change_year, lang, 1, t("unit.pp", lang)),
                ),
                **present.delta_style(head.share_change_year, "lower"),  # type: ignore[arg-type]
            )
            if key != "country":
                st.caption(tn("overview.municipalities_count", head.n_units, lang))
            if head.missing:
                st.caption(
                    t(
                        "overview.missing_members",
                        lang,
                        names=", ".join(names.get(c, c) for c in head.missing),
                    )
                )


def share_chart(
    series: pd.DataFrame,
    heads: Mapping[str, summary.Headline],
    month: str,
    lang: str,
    *,
    data_key: Hashable,
) -> None:
    """The monthly unemployed share since 2019 with events, its table and downloads.

    ``data_key`` names the data ``series`` comes from (URL and options) for the chart cache."""
    from i18n import fmt_percent
    from indicators.charts import line_chart

    series = series[series["month"] >= calendar.CHART_FIRST_MONTH]
    labels = {k: t(f"overview.{k}", lang) for k in ("country", "trial", "rest")}
    series = series.assign(series=series["key"].map(labels))

    def build() -> object:
        events = events_between(series["month"].min(), series["month"].max(), lang=lang)
        return line_chart(
            series,
            y_title=t("overview.share", lang) + " (%)",
            x_title=t("chart.month", lang),
            series_title=t("chart.series", lang),
            events=events,
            highlight_month=specs.PLACEHOLDER_MONTH,
            series_order=list(labels.values()),
            locale=vega_locale(lang),
        )

    # One cached spec for every month: the highlighted month is patched into a copy.
    chart = specs.cached_chart(("share", data_key, lang), build, patch=specs.highlight_month(month))
    st.subheader(t("overview.chart_title", lang))
    shares = {k: fmt_percent(heads[k].share if k in heads else None, lang) for k in labels}
    specs.show(
        chart,
        key="overview_chart",
        alt=t(
            "overview.chart_alt",
            lang,
            start=fmt_month(series["month"].min(), lang),
            end=fmt_month(series["month"].max(), lang),
            month=fmt_month(month, lang),
            **shares,
        ),
    )

    def make_table() -> pd.DataFrame:
        table = series.pivot(index="month", columns="series", values="value").round(2)
        return table[list(labels.values())].reset_index()

    table = specs.cached_value(("share_table", data_key, lang), make_table)
    export.data_and_downloads(
        chart,
        table,
        table_key="overview_table",
        title=t("overview.chart_title", lang),
        lang=lang,
        key="dl_overview",
        series=export.indicator_series(["unemployed_share_pct"], ("country", "municipality")),
    )


def profile_chart(
    series: pd.DataFrame,
    area_members: pd.DataFrame,
    *,
    indicator: str,
    month: str,
    title: str,
    lang: str,
    data_key: Hashable,
) -> None:
    """The area against its comparison groups and the country, with table and downloads.

    ``data_key`` names the data ``series`` comes from (URL, area, options) for the chart
    cache."""
    from i18n import fmt_number
    from indicators import aggregation
    from indicators.charts import line_chart

    frame = profile_view.keyed_series(series, lang, indicator=indicator)
    events = events_between(frame["month"].min(), frame["month"].max(), area_members, lang=lang)
    name = definitions.get(indicator).name(lang)
    st.subheader(t("profile.series_title", lang, indicator=name))
    chart = specs.cached_chart(
        ("profile", data_key, indicator, lang),
        lambda: line_chart(
            frame,
            y_title=profile_view.axis_title(indicator, lang),
            x_title=t("chart.month", lang),
            series_title=t("chart.series", lang),
            events=events,
            series_order=list(dict.fromkeys(frame["series"])),
            value_format=d3_format(indicator),
            locale=vega_locale(lang),
        ),
    )
    specs.show(chart, key="profile_chart", alt=profile_view.series_alt(frame, name, month, lang))
    if profile_view.is_count(indicator):
        st.caption(t("profile.index_note", lang))
    table = profile_view.series_table(frame).reset_index()
    export.data_and_downloads(
        chart,
        table,
        table_key="profile_table",
        title=f"{title}: {name}",
        lang=lang,
        key="dl_profile",
        series=export.indicator_series([indicator], ("municipality", "country")),
    )
    st.caption(
        t(
            "profile.coverage_note",
            lang,
            share=fmt_number(aggregation.MIN_COVERAGE * 100, lang),
            month=fmt_month(month, lang),
        )
    )


def organiser_map(
    url: str,
    members: pd.DataFrame,
    areas: pd.DataFrame,
    shapes: pd.DataFrame,
    month: str,
    lang: str,
    *,
    container: Any,
    employment: pd.DataFrame | None = None,
) -> specs.CachedChart:
    """The map of who organised the services in ``month``, drawn into ``container``; with
    ``employment`` (the 2025 employment areas, ``data.employment_areas``) their outlines
    over it (``month`` then the trial's last month), with a note on the hand-over."""
    labels = map_view.map_labels(lang)
    chart = specs.cached_chart(
        ("organiser_map", url, specs.membership_key(url, month), lang, employment is None),
        lambda: maps.trial_area_map(
            shapes,
            members,
            month,
            areas=areas,
            lang=cast(Lang, lang),
            labels=labels,
            aland=aland_codes(data.municipalities(url)),
            employment_areas=employment,
        ),
    )
    if employment is None:
        alt = map_view.trial_map_alt(members, month, lang)
    else:
        n = employment["area_code"].nunique()
        container.caption(t("map.employment_note", lang, n=n, month=fmt_month(month, lang)))
        alt = map_view.employment_area_alt(employment, month, lang)
    clicked = specs.show(
        chart, key="map_chart", theme=None, alt=alt, container=container, pick=True
    )
    open_clicked(clicked, "municipality", members, lang)
    return chart


def choropleth(
    url: str,
    view: map_view.MapValues,
    shapes: pd.DataFrame,
    members: pd.DataFrame,
    areas: pd.DataFrame,
    level: str,
    indicator: str,
    month: str,
    classes: str,
    include: bool,
    lang: str,
    container: Any,
) -> specs.CachedChart:
    """A classed map of ``view``'s values, drawn into ``container``."""
    chart = specs.cached_chart(
        ("choropleth", url, level, indicator, month, classes, include, lang),
        lambda: maps.choropleth(
            view.values,
            shapes,
            level=level,  # type: ignore[arg-type]
            memberships=members,
            month=month,
            areas=areas,
            labels=map_view.map_labels(lang),
            lang=lang,  # type: ignore[arg-type]
            classification=classes,  # type: ignore[arg-type]
            value_text=partial(fmt_value, indicator, lang=lang),
            reverse=definitions.get(indicator).better == "higher",
        ),
    )
    clicked = specs.show(
        chart, key="map_chart", theme=None, alt=view.alt, container=container, pick=True
    )
    open_clicked(clicked, level, members, lang)
    return chart


def open_clicked(
    clicked: tuple[str, str] | None, level: str, members: pd.DataFrame, lang: str
) -> None:
    """Open the profile of the area clicked on a map (a municipality opens its area's); a
    municipality outside the trials says so."""
    if clicked is None:
        return
    kind, code = clicked
    area = code
    if kind == "area_code" and level == "municipality":
        rows = members[
            (members["municipality_code"] == code)
            & members["status"].isin(["confirmed", "probable"])
        ]
        if rows.empty:
            st.info(t("map.clicked_not_in_trial", lang))
            return
        area = str(rows["area_id"].iloc[0])
    st.switch_page("pages/area_profile.py", query_params={"area": area, "lang": lang})


def story(view: OverviewMonth, unverified: int, lang: str) -> None:
    """The month in two sentences: the gap between the trial and the rest, and how the
    national figure is made of the cards (so that they visibly reconcile)."""
    from i18n import fmt_number, fmt_percent, rounded

    heads = view.heads
    trial, rest, country = heads.get("trial"), heads.get("rest"), heads.get("country")
    if trial is None or rest is None or country is None:
        return
    gap = trial.share - rest.share
    key = (
        "overview.gap_higher"
        if rounded(gap, 1) > 0
        else ("overview.gap_lower" if rounded(gap, 1) < 0 else "overview.gap_equal")
    )
    gap_year = trial.share_change_year - rest.share_change_year
    moved = (
        "overview.moved_better"
        if rounded(gap_year, 1) < 0
        else ("overview.moved_worse" if rounded(gap_year, 1) > 0 else "overview.moved_same")
    )
    text = t(
        key,
        lang,
        month=fmt_month(view.month, lang),
        trial=fmt_percent(trial.share, lang),
        rest=fmt_percent(rest.share, lang),
        gap=fmt_number(abs(gap), lang, 1),
    )
    if gap_year == gap_year:  # a year earlier is known
        text += " " + t(moved, lang, change=fmt_number(abs(gap_year), lang, 1))
    st.markdown(text)
    st.caption(
        reconciliation(view, lang)
        + (" " + tn("overview.reconcile_unverified", unverified, lang) if unverified else "")
    )


def members(table: pd.DataFrame, lang: str, key: str) -> None:
    """A table of trial memberships, with each row's source as a link."""
    link = t("profile.col.link", lang)
    config = (
        {link: st.column_config.LinkColumn(link, display_text=t("profile.open_source", lang))}
        if link in table.columns
        else None
    )
    st.dataframe(table, hide_index=True, key=key, column_config=config)
