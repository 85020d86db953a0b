"""Download buttons for every chart: PNG and SVG of the chart, CSV and XLSX of its data.

Files are made only when a button is pressed (Streamlit calls the ``data`` callable then), so
a page pays nothing for its exports until someone wants one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from typing import Any
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

from exports import (
    ChartLike,
    ExportMeta,
    chart_png,
    chart_svg,
    filename,
    prepare_table,
    table_csv,
    table_xlsx,
)
from i18n import t
from ui import data
from ui.db import database_url, engine, versioned


def view_url() -> str:
    """The address of the current view, query parameters included ("cite this view")."""
    base = st.context.url or ""
    query = urlencode(st.query_params.to_dict())
    return f"{base}?{query}" if query else base


Series = Sequence[tuple[str, str]]


@st.cache_data(ttl=data.TTL, show_spinner=False)
def series_vintage_text(url: str, series: tuple[tuple[str, str], ...], lang: str) -> str:
    """The vintage of each plotted series (``indicator, level``) as one line, e.g.
    "työttömät työnhakijat, koko maa: 5.12.2023"; series without published values are left
    out, and with none of them the loaded sources' vintages stand."""
    from catalogue import definitions
    from data_access import queries
    from i18n import fmt_day

    parts = []
    for indicator, level in series:
        vintage = queries.series_vintage(engine(url), indicator=indicator, level=level)
        if vintage:
            name = definitions.get(indicator).name(lang)
            where = t(f"export.level.{level}", lang)
            parts.append(f"{name}, {where}: {fmt_day(vintage, lang)}")
    return "; ".join(dict.fromkeys(parts)) or data.vintage_text(url)


def indicator_series(indicators: Sequence[str], levels: Sequence[str]) -> Series:
    """The stored series (``indicator, level``) that ``indicators`` are shown from at
    ``levels``: each one's inputs, and the indicator itself where it is published too."""
    from catalogue import definitions

    codes = dict.fromkeys(c for code in indicators for c in definitions.series_of(code))
    return [(code, level) for code in codes for level in levels]


def meta(title: str, lang: str, specification: str = "", series: Series = ()) -> ExportMeta:
    """Provenance for an export of the current view; ``series`` (``indicator, level``) names
    the series the export shows, so that its vintage line names only them."""
    url = versioned(database_url())
    return ExportMeta(
        title=title,
        source=t("app.source_note", lang),
        vintage=(
            series_vintage_text(url, tuple(series), lang) if series else data.vintage_text(url)
        ),
        view_url=view_url(),
        lang=lang,
        specification=specification,
    )


def downloads(
    chart: ChartLike | None,
    frame: pd.DataFrame,
    *,
    title: str,
    lang: str,
    key: str,
    value_columns: Sequence[str] = (),
    specification: str = "",
    series: Series = (),
) -> None:
    """Four download buttons in a row: PNG, SVG (when there is a chart), CSV and XLSX;
    ``specification`` says exactly what the figures are (a subtitle and a notes line) and
    ``series`` (``indicator, level``) which series they come from (their vintages)."""
    info = meta(title, lang, specification, series)
    # A download button keeps the file maker of the run that first drew it under its key, so
    # the key carries the view: a changed month or language gets a new button and new file.
    view = hashlib.sha1(f"{info.view_url}|{title}".encode()).hexdigest()[:10]
    table = (
        prepare_table(frame, value_columns=list(value_columns), lang=lang)
        if "suppressed" in frame.columns
        else frame
    )
    # A wrapping row, not fixed columns: in a narrow column a button keeps its whole label
    # ("PNG", "XLSX") and the row wraps, where four columns cut them to "P…", "S…"
    row = st.container(horizontal=True, gap="small")
    buttons: list[tuple[str, str, Callable[[], bytes | str]]] = []
    if chart is not None:
        buttons += [
            ("png", "image/png", lambda: chart_png(chart, info)),
            ("svg", "image/svg+xml", lambda: chart_svg(chart, info)),
        ]
    buttons += [
        ("csv", "text/csv", lambda: table_csv(table, info)),
        (
            "xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            lambda: table_xlsx(table, info),
        ),
    ]
    for ext, mime, make in buttons:
        row.download_button(
            t(f"export.{ext}", lang),
            data=make,
            file_name=filename(title, ext),
            mime=mime,
            key=f"{key}_{ext}_{view}",
            on_click="ignore",
            icon=":material/download:",
        )


def data_and_downloads(
    chart: ChartLike | None,
    table: pd.DataFrame,
    *,
    table_key: str,
    lang: str,
    folded: bool = True,
    **options: Any,
) -> None:
    """A chart's data as a table (folded into "the chart's data as a table" unless
    ``folded`` is False) with its four download buttons (``options`` as for
    :func:`downloads`)."""
    if folded:
        with st.expander(t("chart.data_table", lang)):
            st.dataframe(table, hide_index=True, key=table_key)
    else:
        st.dataframe(table, hide_index=True, key=table_key)
    downloads(chart, table, lang=lang, **options)
