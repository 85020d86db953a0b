"""Download buttons for every chart: PNG and SVG of the chart, CSV and XLSX of its data.

Files are made only when a button is pressed (Streamlit calls the ``data`` callable then), so
a page pays nothing for its exports until someone wants one.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
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
from ui.db import database_url, versioned


def view_url() -> str:
    """The address of the current view, query parameters included ("cite this view")."""
    base = st.context.url or ""
    query = urlencode(st.query_params.to_dict())
    return f"{base}?{query}" if query else base


def meta(title: str, lang: str, specification: str = "") -> ExportMeta:
    """Provenance for an export of the current view."""
    return ExportMeta(
        title=title,
        source=t("app.source_note", lang),
        vintage=data.vintage_text(versioned(database_url())),
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
) -> None:
    """Four download buttons in a row: PNG, SVG (when there is a chart), CSV and XLSX;
    ``specification`` says exactly what the figures are (a subtitle and a notes line)."""
    info = meta(title, lang, specification)
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
