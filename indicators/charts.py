"""Altair chart builders for indicator series; each returns a chart, none renders it."""

from __future__ import annotations

from typing import TypeVar, cast

import altair as alt
import pandas as pd

ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)
PALETTE = ["#1f4e8c", "#e07b00", "#5b8c3a", "#8c3a78", "#3a8c8c", "#8c6d3a"]  # colour-blind safe


def _to_dates(months: pd.Series) -> pd.Series:
    return months.astype(str) + "-01"


def line_chart(
    frame: pd.DataFrame,
    *,
    y_title: str,
    x_title: str,
    series_title: str,
    value_format: str = ",.1f",
    events: pd.DataFrame | None = None,
    highlight_month: str | None = None,
    series_order: list[str] | None = None,
    height: int = 340,
    locale: dict[str, object] | None = None,
) -> alt.LayerChart:
    """A monthly line chart of ``frame`` (``month, series, value``) with event rules.

    ``events`` (``month, label``) draws a dashed rule with a label at each event; the
    ``highlight_month`` gets a solid grey rule. Months are ``YYYY-MM`` strings.
    """
    data = frame.assign(date=_to_dates(frame["month"]))
    order = series_order or list(dict.fromkeys(data["series"]))
    colour = alt.Color(
        "series:N",
        title=series_title,
        sort=order,
        scale=alt.Scale(domain=order, range=PALETTE[: len(order)]),
        legend=alt.Legend(orient="top", direction="horizontal", labelLimit=260),
    )
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=x_title, axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y(
            "value:Q",
            title=y_title,
            scale=alt.Scale(zero=False),
            axis=alt.Axis(format=value_format),
        ),
        color=colour,
        tooltip=[
            alt.Tooltip("series:N", title=series_title),
            alt.Tooltip("date:T", title=x_title, format="%m/%Y"),
            alt.Tooltip("value:Q", title=y_title, format=value_format),
        ],
    )
    layers: list[alt.Chart] = [base.mark_line(strokeWidth=2, point=alt.OverlayMarkDef(size=12))]
    if events is not None and not events.empty:
        ev = events.assign(date=_to_dates(events["month"]))
        rules = (
            alt.Chart(ev)
            .mark_rule(strokeDash=[4, 3], color="#555")
            .encode(x="date:T", tooltip=[alt.Tooltip("label:N", title="")])
        )
        labels = (
            alt.Chart(ev)
            .mark_text(align="left", baseline="top", dx=3, dy=2, fontSize=11, color="#333")
            .encode(x="date:T", y=alt.value(2), text="label:N")
        )
        layers += [rules, labels]
    if highlight_month:
        hl = pd.DataFrame({"date": [highlight_month + "-01"]})
        layers.append(
            alt.Chart(hl).mark_rule(color="#999", strokeWidth=6, opacity=0.35).encode(x="date:T")
        )
    chart = cast(alt.LayerChart, alt.layer(*layers).properties(height=height, width="container"))
    return with_locale(chart, locale)


def with_locale(chart: ChartT, locale: dict[str, object] | None) -> ChartT:
    """Attach a Vega number/time locale (``{"number": …, "time": …}``) to a top-level chart."""
    if not locale:
        return chart
    return chart.configure(locale=alt.Locale(**locale))  # type: ignore[arg-type]
