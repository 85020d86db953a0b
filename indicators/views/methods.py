"""The Data and methods page's tables: the indicator catalogue with what is stored, and the
load batches.
"""

from __future__ import annotations

import pandas as pd

from catalogue import definitions
from i18n import fmt_day, fmt_number, fmt_percent, t


def catalogue_table(coverage: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The indicator catalogue in ``lang`` with what is stored of each indicator."""
    spans = {}
    for row in coverage[coverage["area_level"] == "municipality"].itertuples():
        spans[row.indicator] = f"{row.first_month} – {row.last_month} ({row.areas})"
    rows = []
    for ind in definitions.CATALOGUE:
        rows.append(
            {
                t("methods.col.code", lang): ind.code,
                t("methods.col.name", lang): ind.name(lang),
                t("methods.col.unit", lang): ind.unit,
                t("methods.col.kind", lang): t(f"kind.{ind.kind}", lang),
                t("methods.col.better", lang): t(f"better.{ind.better}", lang),
                t("methods.col.coverage", lang): spans.get(ind.code, "–" if ind.stored else "="),
                t("methods.col.definition", lang): ind.definition(lang),
                t("methods.col.source", lang): ind.source,
            }
        )
    return pd.DataFrame(rows)


def batches_table(batches: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Load batches for people: file, source, vintage, rows and whether it is synthetic."""
    return pd.DataFrame(
        {
            t("methods.col.file", lang): batches["source_file"],
            t("methods.col.source", lang): batches["source"],
            t("methods.col.vintage", lang): batches["vintage"].astype(str),
            t("methods.col.rows", lang): batches["rows_in_file"],
            t("methods.col.loaded", lang): batches["loaded_at"].astype(str).str[:19],
            t("methods.col.synthetic", lang): batches["synthetic"].astype(bool),
        }
    )


def calibration_text(lang: str) -> str:
    """The placebo study's rejection rates, for the Data and methods page."""
    from indicators.area_study import CALIBRATION as c

    return t(
        "methods.calibration_text",
        lang,
        pool=fmt_number(c.n_pool, lang),
        n=fmt_number(c.n_fake, lang),
        sc=fmt_percent(100 * c.synthetic_control, lang),
        did=fmt_percent(100 * c.did, lang),
        in_sample=fmt_percent(100 * c.synthetic_control_in_sample, lang),
        measured=fmt_day(c.measured, lang),
    )
