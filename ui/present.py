"""Presentation helpers shared by pages: translated tables, labels, headline metrics."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pandas as pd
import streamlit as st

from i18n import fmt_month, fmt_number, fmt_percent, fmt_signed, t
from indicators import aggregation, definitions, profile

PROFILE_INDICATORS = [
    "unemployed_share_pct",
    "unemployed_jobseekers",
    "unemployed_per_vacancy",
    "open_vacancies",
    "long_term_share_pct",
    "under25_share_pct",
    "foreign_share_pct",
    "unemployed_plus_services",
]
SERIES_KEYS = ("area", "rest", "region_rest", "peers", "country")


def is_share(indicator: str) -> bool:
    """True for indicators shown in percent."""
    return definitions.get(indicator).unit == "percent"


def value_format(indicator: str) -> str:
    """A d3 format for the indicator's values."""
    ind = definitions.get(indicator)
    if ind.unit == "percent" or ind.kind == "ratio":
        return ",.1f"
    return ",.0f"


def axis_title(indicator: str, lang: str) -> str:
    """The y-axis title: the indicator's name with its unit."""
    ind = definitions.get(indicator)
    if ind.unit == "percent":
        return f"{ind.name(lang)} (%)"
    if is_count(indicator):
        return f"{ind.name(lang)} ({t('chart.index', lang)})"
    return ind.name(lang)


def is_count(indicator: str) -> bool:
    """True for counts (and sums of counts), which profiles show as an index."""
    return definitions.get(indicator).kind in ("count", "sum")


def format_value(indicator: str, value: float, lang: str) -> str:
    """A value of the indicator formatted for the UI language."""
    if is_share(indicator):
        return fmt_percent(value, lang)
    decimals = 1 if definitions.get(indicator).kind == "ratio" else 0
    return fmt_number(value, lang, decimals)


def members_table(members: pd.DataFrame, munis: pd.DataFrame, lang: str) -> pd.DataFrame:
    """An area's members with their verification status, in the UI language."""
    names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
    rows = members.sort_values("municipality_code")
    period = [
        f"{(a or '')[:7]} – {(b or '')[:7]}" if a else "–"
        for a, b in zip(rows["member_from"], rows["member_to"], strict=True)
    ]
    return pd.DataFrame(
        {
            t("profile.col.municipality", lang): [
                names.get(c, c) for c in rows["municipality_code"]
            ],
            t("profile.col.code", lang): rows["municipality_code"].tolist(),
            t("profile.col.status", lang): [t(f"status.{s}", lang) for s in rows["status"]],
            t("profile.col.confidence", lang): [
                t(f"confidence.{c}", lang) for c in rows["confidence"]
            ],
            t("profile.col.period", lang): period,
            t("profile.col.source", lang): rows["source"].tolist(),
        }
    )


def comparison_groups(
    members: pd.DataFrame, munis: pd.DataFrame, area_id: str, *, include_unverified: bool
) -> dict[str, list[str]]:
    """The area's comparison groups: all TE-office municipalities and those of its regions."""
    groups = aggregation.trial_and_rest(
        members, munis["code"], include_unverified=include_unverified
    )
    codes = members.loc[members["area_id"] == area_id, "municipality_code"]
    regions = set(munis.loc[munis["code"].isin(codes), "region_code"])
    same = munis.loc[munis["region_code"].isin(regions), "code"]
    return {"rest": groups["rest"], "region_rest": sorted(set(groups["rest"]) & set(same))}


def keyed_series(
    series: pd.DataFrame, lang: str, *, indicator: str | None = None, base_month: str = "2021-02"
) -> pd.DataFrame:
    """Series with translated labels (``month, key, series, value``); counts become an index."""
    frame = series.dropna(subset=["value"]).copy()
    if indicator is not None and is_count(indicator):
        base = frame[frame["month"] == base_month].set_index("key")["value"]
        frame["value"] = 100 * frame["value"] / frame["key"].map(base)
        frame = frame.dropna(subset=["value"])
    order = {k: i for i, k in enumerate(SERIES_KEYS)}
    frame = frame.sort_values(["key"], key=lambda s: s.map(order)).reset_index(drop=True)
    frame["series"] = frame["key"].map(lambda k: t(f"profile.key.{k}", lang))
    return frame[["month", "key", "series", "value"]]


def series_table(frame: pd.DataFrame) -> pd.DataFrame:
    """The chart's data as a month × series table."""
    order = list(dict.fromkeys(frame["series"]))
    table = frame.pivot(index="month", columns="series", values="value")[order]
    return table.round(2)


def series_alt(frame: pd.DataFrame, name: str, month: str, lang: str) -> str:
    """Alt text for a comparison chart: what it shows and the last values."""
    last = frame[frame["month"] == month]
    values = "; ".join(f"{r.series} {fmt_number(r.value, lang, 1)}" for r in last.itertuples())
    return (
        f"{name}, {fmt_month(frame['month'].min(), lang)}–{fmt_month(month, lang)}. "
        f"{fmt_month(month, lang)}: {values}."
    )


def area_headline(
    series: pd.DataFrame,
    ranks: pd.DataFrame,
    *,
    area_id: str,
    indicator: str,
    month: str,
    lang: str,
) -> None:
    """Latest value with its change on a year, and the area's rank among the areas."""
    rows = series[(series["key"] == "area") & (series["month"] == month)]
    value = float(rows["value"].iloc[0]) if not rows.empty else float("nan")
    delta = profile.change_on_year(series, "area", month)
    unit = "%-yks." if lang == "fi" else ("procentenheter" if lang == "sv" else "pp")
    change = fmt_signed(delta, lang, 1, unit if is_share(indicator) else "")
    better = definitions.get(indicator).better
    left, right = st.columns(2)
    left.metric(
        f"{t('profile.latest', lang)} ({fmt_month(month, lang)})",
        format_value(indicator, value, lang),
        delta=t("profile.change_year", lang, delta=change),
        delta_color="inverse" if better == "lower" else ("normal" if better == "higher" else "off"),
    )
    mine = ranks[ranks["area_id"] == area_id]
    if not mine.empty and pd.notna(mine["rank"].iloc[0]):
        right.metric(
            t("profile.rank", lang),
            t(
                "profile.rank_value",
                lang,
                rank=int(mine["rank"].iloc[0]),
                n=int(mine["n_areas"].iloc[0]),
            ),
            help=t("profile.rank_help", lang, month=fmt_month(month, lang)),
        )


def labels(keys: Sequence[str], lang: str, prefix: str) -> Mapping[str, str]:
    """Translated labels for ``keys`` under ``prefix`` in the catalogue."""
    return {k: t(f"{prefix}.{k}", lang) for k in keys}
