"""Downloads of a view: charts as PNG and SVG, tables as CSV and XLSX, with their provenance."""

from __future__ import annotations

from exports.files import (
    EXPORT_WIDTH,
    ChartLike,
    ExportMeta,
    chart_png,
    chart_svg,
    export_spec,
    filename,
    neutralise_formula,
    prepare_table,
    table_csv,
    table_xlsx,
)

__all__ = [
    "EXPORT_WIDTH",
    "ChartLike",
    "ExportMeta",
    "chart_png",
    "chart_svg",
    "export_spec",
    "filename",
    "neutralise_formula",
    "prepare_table",
    "table_csv",
    "table_xlsx",
]
