"""Altair chart builders for indicator series; each returns a chart, none renders it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

import altair as alt
import numpy as np
import pandas as pd

ChartT = TypeVar("ChartT", bound=alt.TopLevelMixin)
PALETTE = ["#1f4e8c", "#e07b00", "#5b8c3a", "#8c3a78", "#3a8c8c", "#8c6d3a"]  # colour-blind safe


def _to_dates(months: pd.Series) -> pd.Series:
    return months.astype(str) + "-01"


def _with_gaps(frame: pd.DataFrame) -> pd.DataFrame:
    """Every month between a series' first and last, a missing one as an empty value, so that
    the line breaks at a gap instead of suggesting a trend the data do not have.
    """
    parts = []
    for series, rows in frame.groupby("series", sort=False):
        rows = rows.dropna(subset=["value"])
        if rows.empty:
            continue
        months = pd.period_range(rows["month"].min(), rows["month"].max(), freq="M")
        full = pd.DataFrame({"month": months.astype(str)})
        parts.append(full.merge(rows, on="month", how="left").assign(series=series))
    if not parts:
        return frame.iloc[0:0]
    return pd.concat(parts, ignore_index=True)


# Event labels stand in up to three lanes from the top, so that labels of events a few months
# apart never overlap on a narrow chart; a label in the last part of the time axis is drawn to
# the left of its rule, so that it is not cut at the chart's right edge.
LABEL_LANES = 3
LANE_PX = 13
LATE_SHARE = 0.6


def _event_layers(events: pd.DataFrame | None, months: pd.Series | None = None) -> list[alt.Chart]:
    """A dashed rule with its label at each event (``month, label``); ``months`` are the
    chart's months, which tell the labels near the right edge.
    """
    if events is None or events.empty:
        return []
    ev = events.sort_values("month", kind="stable").reset_index(drop=True)
    ev = ev.assign(date=_to_dates(ev["month"]), lane=[i % LABEL_LANES for i in range(len(ev))])
    late = pd.Series(False, index=ev.index)
    if months is not None and not months.dropna().empty:
        # The time axis spans the data and the events
        shown = pd.concat([months.dropna().astype(str), ev["month"].astype(str)])
        periods = pd.PeriodIndex(shown, freq="M")
        first, last = periods.min(), periods.max()
        span = max((last - first).n, 1)
        at = pd.PeriodIndex(ev["month"].astype(str), freq="M")
        late = pd.Series([(p - first).n / span > LATE_SHARE for p in at], index=ev.index)
    layers: list[alt.Chart] = [
        alt.Chart(ev)
        .mark_rule(strokeDash=[4, 3], color="#555")
        .encode(x="date:T", tooltip=[alt.Tooltip("label:N", title="")])
    ]
    for (lane, right), rows in ev.groupby(["lane", late], sort=True):
        layers.append(
            alt.Chart(rows)
            .mark_text(
                align="right" if right else "left",
                baseline="top",
                dx=-3 if right else 3,
                fontSize=11,
                color="#333",
            )
            .encode(x="date:T", y=alt.value(2 + LANE_PX * int(lane)), text="label:N")
        )
    return layers


def _legend(limit: int = 260) -> alt.Legend:
    """The series legend above a chart, one entry a line: a row of entries is cut at the
    chart's edge on a phone, a column never is.
    """
    return alt.Legend(orient="top", direction="vertical", labelLimit=limit)


def _series_colour(title: str, order: list[str]) -> alt.Color:
    """The ``series`` colour: the palette's colours in ``order``, with the legend below."""
    return alt.Color(
        "series:N",
        title=title,
        sort=order,
        scale=alt.Scale(domain=order, range=PALETTE[: len(order)]),
        legend=_legend(),
    )


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
    y_axis_title: bool = True,
) -> alt.LayerChart:
    """A monthly line chart of ``frame`` (``month, series, value``) with event rules.

    ``events`` (``month, label``) draws a dashed rule with a label at each event; the
    ``highlight_month`` gets a solid grey rule. Months are ``YYYY-MM`` strings.
    ``y_axis_title=False`` leaves ``y_title`` to the tooltip (a small panel titled above).
    """
    data = _with_gaps(frame).assign(date=lambda f: _to_dates(f["month"]))
    order = series_order or list(dict.fromkeys(frame["series"]))
    colour = _series_colour(series_title, order)
    base = alt.Chart(data).encode(
        x=alt.X("date:T", title=x_title, axis=alt.Axis(format="%Y", tickCount="year")),
        y=alt.Y(
            "value:Q",
            title=y_title if y_axis_title else None,
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
    layers += _event_layers(events, data["month"])
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
    configured: ChartT = chart.configure(locale=alt.Locale(**locale))  # type: ignore[arg-type]
    return configured


def small_multiples(
    frame: pd.DataFrame,
    *,
    x_title: str,
    series_title: str,
    series_order: list[str],
    columns: int = 2,
    events: pd.DataFrame | None = None,
    locale: dict[str, object] | None = None,
) -> alt.FacetChart:
    """One small line chart per indicator (``panel``), each with its own y scale.

    ``frame`` has ``month, panel, series, value``; ``events`` (``month``) adds dashed rules.
    """
    starts = sorted(set(events["month"])) if events is not None and not events.empty else []
    data = frame.assign(date=_to_dates(frame["month"]), event=frame["month"].isin(starts))
    colour = _series_colour(series_title, series_order)
    lines = (
        alt.Chart()
        .mark_line(strokeWidth=1.6)
        .encode(
            x=alt.X("date:T", title=x_title, axis=alt.Axis(format="%Y", tickCount="year")),
            y=alt.Y("value:Q", title=None, scale=alt.Scale(zero=False)),
            color=colour,
            tooltip=[
                alt.Tooltip("panel:N", title=""),
                alt.Tooltip("series:N", title=series_title),
                alt.Tooltip("date:T", title=x_title, format="%m/%Y"),
                alt.Tooltip("value:Q", title="", format=",.1f"),
            ],
        )
    )
    layers: list[alt.Chart] = [lines]
    if starts:
        # A boolean column, not a comparison of the date as text: Vega would parse the field
        # as a string for the filter and as a date for the axis, and warn
        rules = (
            alt.Chart()
            .transform_filter(alt.datum.event)
            .mark_rule(strokeDash=[4, 3], color="#777")
            .encode(x="date:T")
        )
        layers.append(rules)
    chart = (
        alt.layer(*layers, data=data)
        .properties(width=300, height=150)
        .facet(
            facet=alt.Facet(
                "panel:N", title=None, header=alt.Header(labelFontWeight="bold", labelFontSize=12)
            ),
            columns=columns,
        )
        .resolve_scale(y="independent")
    )
    return with_locale(cast(alt.FacetChart, chart), locale)


def _estimate_tooltips(first: alt.Tooltip, title: str) -> list[alt.Tooltip]:
    """The tooltips of an estimate with its 95 % interval, after ``first`` (what it is of)."""
    return [
        first,
        alt.Tooltip("estimate:Q", title=title, format=",.2f"),
        alt.Tooltip("ci_low:Q", title="95 % –", format=",.2f"),
        alt.Tooltip("ci_high:Q", title="95 % +", format=",.2f"),
    ]


def _estimates(
    data: pd.DataFrame,
    value: Literal["x", "y"],
    title: str,
    position: alt.X | alt.Y,
    colour: Any,
    tooltip: list[alt.Tooltip],
    *,
    stroke_width: float,
    point_size: int,
) -> tuple[alt.Chart, alt.Chart, alt.Chart]:
    """A rule at zero, the 95 % intervals (``ci_low`` to ``ci_high``) as rules and the
    ``estimate`` as points, on the ``value`` axis titled ``title``; ``position`` places each
    estimate on the other axis.
    """
    across = "y" if value == "x" else "x"
    axis = alt.X if value == "x" else alt.Y
    bars = (
        alt.Chart(data)
        .mark_rule(strokeWidth=stroke_width, opacity=0.6)
        .encode(
            **{across: position, value: axis("ci_low:Q", title=title), f"{value}2": "ci_high:Q"},
            color=colour,
        )
    )
    points = (
        alt.Chart(data)
        .mark_point(filled=True, size=point_size)
        .encode(**{across: position, value: "estimate:Q"}, color=colour, tooltip=tooltip)
    )
    zero = (
        alt.Chart(pd.DataFrame({value: [0.0]}))
        .mark_rule(color="#444")
        .encode(**{value: f"{value}:Q"})
    )
    return zero, bars, points


EVENT_LABEL_KEYS = ("phase", "pre", "post", "point", "month", "binned", "reference")


def event_study_chart(
    table: pd.DataFrame,
    *,
    x_title: str,
    y_title: str,
    locale: dict[str, object] | None = None,
    height: int = 300,
    labels: Mapping[str, str] | None = None,
    print_legends: bool = False,
) -> alt.LayerChart:
    """Leads and lags with 95 % intervals (``rel_period, estimate, ci_low, ci_high``).

    The reference period sits at zero without an interval; a dashed rule marks the start.
    With ``labels`` (the words for :data:`EVENT_LABEL_KEYS`) a legend names the periods
    before and after the start, and the points' shapes set apart the reference month and the
    binned end points (``is_reference`` and ``binned`` columns), which hold more than one
    month, from the ordinary months. ``print_legends`` sets both legends in one row each
    above the plot, for a page of fixed width (the brief); on screen they stack, so that a
    phone does not cut them.
    """
    data = table[["rel_period", "estimate", "ci_low", "ci_high"]].copy()
    words = dict(labels or {})
    pre, post = words.get("pre", "pre"), words.get("post", "post")
    data["phase"] = np.where(data["rel_period"] < 0, pre, post)
    kinds = [words.get("month", "month"), words.get("binned", "binned")]
    kinds.append(words.get("reference", "reference"))
    binned = table["binned"].astype(bool) if "binned" in table.columns else False
    reference = table["is_reference"].astype(bool) if "is_reference" in table.columns else False
    data["kind"] = np.select([reference, binned], [kinds[2], kinds[1]], kinds[0])
    x = alt.X("rel_period:Q", title=x_title, axis=alt.Axis(tickMinStep=6, format="d"))
    tooltip = _estimate_tooltips(alt.Tooltip("rel_period:Q", title=x_title), y_title)
    colour = alt.Color(
        "phase:N",
        title=words.get("phase"),
        scale=alt.Scale(domain=[pre, post], range=[PALETTE[1], PALETTE[0]]),
        legend=(
            None
            if not labels
            else alt.Legend(orient="top", direction="horizontal")
            if print_legends
            else _legend()
        ),
    )
    zero, bars, points = _estimates(
        data, "y", y_title, x, colour, tooltip, stroke_width=1.5, point_size=28
    )
    if labels:
        tooltip.append(alt.Tooltip("kind:N", title=words.get("point", "")))
        shown = [k for k in kinds if k in set(data["kind"])]
        shapes = dict(zip(kinds, ["circle", "square", "diamond"], strict=True))
        points = points.encode(
            shape=alt.Shape(
                "kind:N",
                title=words.get("point"),
                scale=alt.Scale(domain=shown, range=[shapes[k] for k in shown]),
                # Below the plot: beside the periods' legend it is cut on a phone
                legend=(
                    alt.Legend(orient="top", direction="horizontal", labelLimit=360)
                    if print_legends
                    else alt.Legend(orient="bottom", direction="vertical", labelLimit=360)
                ),
            ),
            tooltip=tooltip,
        )
    start = (
        alt.Chart(pd.DataFrame({"x": [-0.5]}))
        .mark_rule(strokeDash=[4, 3], color="#555")
        .encode(x="x:Q")
    )
    chart = cast(
        alt.LayerChart,
        alt.layer(zero, start, bars, points).properties(height=height, width="container"),
    )
    return with_locale(chart, locale)


def forest_chart(
    table: pd.DataFrame,
    *,
    x_title: str,
    label_title: str,
    method_title: str = "",
    locale: dict[str, object] | None = None,
) -> alt.LayerChart:
    """Estimates with 95 % intervals, one row per ``label`` (pooled first).

    With a ``method`` column (how each interval was made: clustered for the pooled row,
    placebo areas for an area) the rows are coloured by it, so the pooled row stands apart.
    A row without an interval shows its point only.
    """
    columns = ["label", "estimate", "ci_low", "ci_high"]
    has_method = "method" in table.columns
    data = table[[*columns, "method"] if has_method else columns].dropna(subset=["estimate"])
    order = list(data["label"])
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320, labelOverlap=False))
    tooltip = _estimate_tooltips(alt.Tooltip("label:N", title=label_title), x_title)
    colour: Any = alt.value(PALETTE[0])
    if has_method:
        methods = list(dict.fromkeys(data["method"]))
        colour = alt.Color(
            "method:N",
            title=method_title or None,
            scale=alt.Scale(
                domain=methods, range=[PALETTE[1], PALETTE[0], *PALETTE[2:]][: len(methods)]
            ),
            legend=_legend(320),
        )
        tooltip.append(alt.Tooltip("method:N", title=method_title or ""))
    zero, bars, points = _estimates(
        data, "x", x_title, y, colour, tooltip, stroke_width=2, point_size=40
    )
    chart = cast(
        alt.LayerChart,
        alt.layer(zero, bars, points).properties(
            height=max(120, 22 * len(order)), width="container"
        ),
    )
    return with_locale(chart, locale)


def placebo_chart(
    gap: pd.DataFrame,
    band: pd.DataFrame,
    *,
    y_title: str,
    x_title: str,
    series_title: str,
    area_label: str,
    band_label: str,
    events: pd.DataFrame | None = None,
    height: int = 300,
    locale: dict[str, object] | None = None,
) -> alt.LayerChart:
    """The classic placebo plot: the area's gap (``month, gap``) over the grey band of the
    placebo gaps (``month, low, high, low_all, high_all``: the 5th–95th percentiles and the
    whole range across the comparison municipalities), with a zero line and event rules.
    """
    line_data = gap.assign(date=_to_dates(gap["month"]), series=area_label)
    band_data = band.assign(date=_to_dates(band["month"]), series=band_label)
    colour = alt.Color(
        "series:N",
        title=series_title,
        scale=alt.Scale(domain=[area_label, band_label], range=[PALETTE[0], "#9a9a9a"]),
        legend=_legend(320),
    )
    x = alt.X("date:T", title=x_title, axis=alt.Axis(format="%Y", tickCount="year"))
    whole = (
        alt.Chart(band_data)
        .mark_area(opacity=0.18, color="#9a9a9a")
        .encode(x=x, y=alt.Y("low_all:Q", title=y_title), y2="high_all:Q")
    )
    middle = (
        alt.Chart(band_data)
        .mark_area(opacity=0.35)
        .encode(x=x, y="low:Q", y2="high:Q", color=colour)
    )
    zero = alt.Chart(pd.DataFrame({"y": [0.0]})).mark_rule(color="#555").encode(y="y:Q")
    line = (
        alt.Chart(line_data)
        .mark_line(strokeWidth=2.5)
        .encode(
            x=x,
            y="gap:Q",
            color=colour,
            tooltip=[
                alt.Tooltip("date:T", title=x_title, format="%m/%Y"),
                alt.Tooltip("gap:Q", title=y_title, format=",.2f"),
            ],
        )
    )
    layers: list[alt.Chart] = [whole, middle, zero, line]
    layers += _event_layers(events, line_data["month"])
    chart = cast(alt.LayerChart, alt.layer(*layers).properties(height=height, width="container"))
    return with_locale(chart, locale)
