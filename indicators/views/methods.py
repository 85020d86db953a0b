"""The Data and methods page's tables: the indicator catalogue with what is stored, and the
load batches.
"""

from __future__ import annotations

import pandas as pd

from catalogue import calendar, definitions
from i18n import fmt_day, fmt_month, fmt_number, fmt_percent, t, tn


def coverage_periods(published: pd.DataFrame, lang: str) -> dict[str, str]:
    """Each indicator's municipal coverage by period, in words: "309 kuntaa 1/2006–10/2023;
    1 kunta 11/2023–1/2025". A period is a run of months with about the same number of
    municipalities (within 10 % of the run's first month); a month with none ends a run.
    """
    result: dict[str, str] = {}
    for indicator, rows in published.groupby("indicator", sort=False):
        runs: list[tuple[str, str, int]] = []
        for month, count in zip(rows["month"], rows["published"], strict=True):
            count = int(count)
            if count == 0:
                continue
            if (
                runs
                and abs(count - runs[-1][2]) <= 0.1 * runs[-1][2]
                and calendar.shift(runs[-1][1], 1) == month
            ):
                runs[-1] = (runs[-1][0], month, max(runs[-1][2], count))
            else:
                runs.append((month, month, count))
        result[str(indicator)] = "; ".join(
            f"{tn('methods.n_municipalities', n, lang)} "
            f"{fmt_month(first, lang, 'short')}–{fmt_month(last, lang, 'short')}"
            for first, last, n in runs
        )
    return result


def catalogue_table(
    coverage: pd.DataFrame, lang: str, published: pd.DataFrame | None = None
) -> pd.DataFrame:
    """The indicator catalogue in ``lang`` with what is stored of each indicator (by period
    when ``published``, the municipal series summary, is given).
    """
    spans = {}
    for row in coverage[coverage["area_level"] == "municipality"].itertuples():
        spans[row.indicator] = f"{row.first_month} – {row.last_month} ({row.areas})"
    if published is not None:
        spans.update(coverage_periods(published, lang))
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
