"""Presentation helpers shared by pages: translated tables, labels, headline metrics."""

from __future__ import annotations

import math

import pandas as pd
import streamlit as st

from catalogue import calendar, definitions
from i18n import decimals_of, fmt_month, fmt_number, fmt_signed, fmt_value, t, unit_of_change
from indicators import aggregation, transforms
from indicators.views.profile import SERIES_KEYS, ProfileView


def is_share(indicator: str) -> bool:
    """True for indicators shown in percent."""
    return definitions.get(indicator).unit == "percent"


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


def keyed_series(
    series: pd.DataFrame,
    lang: str,
    *,
    indicator: str | None = None,
    base_month: str = calendar.INDEX_BASE_MONTH,
) -> pd.DataFrame:
    """Series with translated labels (``month, key, series, value``); counts become an index."""
    frame = series.dropna(subset=["value"]).copy()
    if indicator is not None and is_count(indicator):
        frame = transforms.index_to(frame, base_month, by=["key"]).dropna(subset=["value"])
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


def delta_style(change: float | None, better: str | None) -> dict[str, str]:
    """``delta_color`` and ``delta_arrow`` for ``st.metric`` from the change's sign.

    Streamlit reads the direction from the delta's text, which must then start with an ASCII
    hyphen; our texts use the typographic minus (−), so the direction is given explicitly.
    ``better``: 'lower', 'higher' or None (no colour)."""
    if change is None or math.isnan(change) or change == 0:
        return {"delta_color": "gray", "delta_arrow": "off"}
    arrow = "up" if change > 0 else "down"
    if better not in ("lower", "higher"):
        return {"delta_color": "gray", "delta_arrow": arrow}
    good = (change < 0) == (better == "lower")
    return {"delta_color": "green" if good else "red", "delta_arrow": arrow}


def area_headline(view: ProfileView, lang: str) -> None:
    """Latest value with its change on a year, and the area's rank among the areas."""
    assert view.month is not None
    indicator = view.indicator
    change = fmt_signed(
        view.change_on_year, lang, decimals_of(indicator), unit_of_change(indicator, lang)
    )
    left, right = st.columns(2)
    left.metric(
        f"{t('profile.latest', lang)} ({fmt_month(view.month, lang)})",
        fmt_value(indicator, view.value, lang),
        delta=t("profile.change_year", lang, delta=change),
        **delta_style(view.change_on_year, definitions.get(indicator).better),  # type: ignore[arg-type]
    )
    if view.rank is not None:
        right.metric(
            t("profile.rank", lang),
            t("profile.rank_value", lang, rank=view.rank, n=view.n_ranked),
            help=t("profile.rank_help", lang, month=fmt_month(view.month, lang)),
        )


MAP_INDICATORS = [
    "unemployed_share_pct",
    "unemployed_jobseekers",
    "unemployed_per_vacancy",
    "open_vacancies",
]
CLASSIFICATIONS = ["quantiles", "natural_breaks", "equal_interval"]
MAP_LABEL_KEYS = (
    "municipality",
    "area",
    "status",
    "trial",
    "unverified",
    "unverified_area",
    "te_office",
    "members",
    "unverified_members",
    "value",
    "rank",
    "suppressed",
    "missing",
    "data_status",
)


def month_source(indicator: str, level: str = "municipality") -> str:
    """The stored series whose months an indicator can be shown for at ``level``.

    Areas are sums of their members' counts, so an area map has the counts' months; a
    municipality map also has the months where only the published rate exists.
    """
    ind = definitions.get(indicator)
    if ind.stored and level != "area":
        return indicator
    return definitions.inputs_of(indicator)[0]


def map_labels(lang: str) -> dict[str, str]:
    """The map builders' UI strings in ``lang``."""
    return {k: t(f"map.label.{k}", lang) for k in MAP_LABEL_KEYS}


def _area_name(areas: pd.DataFrame, lang: str) -> dict[str, str]:
    column = "name_sv" if lang == "sv" else "name_fi"
    return dict(zip(areas["area_id"], areas[column], strict=True))


def organiser_table(
    members: pd.DataFrame, munis: pd.DataFrame, areas: pd.DataFrame, month: str, lang: str
) -> pd.DataFrame:
    """Every municipality with who organised its services in ``month``."""
    active = aggregation.active_members(members, month=month, include_unverified=True)
    by_code = {
        code: (area, status)
        for code, area, status in zip(
            active["municipality_code"], active["area_id"], active["status"], strict=True
        )
    }
    area_names = _area_name(areas, lang)
    te_office = t("map.label.te_office", lang)
    rows = []
    for code, name in zip(munis["code"], munis[f"name_{lang}"], strict=True):
        if code in by_code:
            area, status = by_code[code]
            rows.append((name, area_names.get(area, area), t(f"status.{status}", lang)))
        else:
            rows.append((name, te_office, ""))
    return pd.DataFrame(
        rows,
        columns=[
            t("map.col.name", lang),
            t("map.label.status", lang),
            t("profile.col.status", lang),
        ],
    )


def trial_map_alt(members: pd.DataFrame, month: str, lang: str) -> str:
    """Alt text of the trial-area map."""
    active = aggregation.active_members(members, month=month, include_unverified=True)
    return t(
        "map.trial_alt",
        lang,
        n=active["municipality_code"].nunique(),
        areas=active["area_id"].nunique(),
        month=fmt_month(month, lang),
    )


def map_alt(values: pd.DataFrame, indicator: str, month: str, lang: str) -> str:
    """Alt text of a choropleth: what, when, the range."""
    shown = values.dropna(subset=["value"])
    low = fmt_value(indicator, float(shown["value"].min()), lang) if len(shown) else "–"
    high = fmt_value(indicator, float(shown["value"].max()), lang) if len(shown) else "–"
    return t(
        "map.alt",
        lang,
        indicator=definitions.get(indicator).name(lang),
        month=fmt_month(month, lang),
        n=len(values),
        low=low,
        high=high,
    )


def values_table(
    values: pd.DataFrame,
    munis: pd.DataFrame,
    areas: pd.DataFrame,
    level: str,
    indicator: str,
    lang: str,
) -> pd.DataFrame:
    """The map's twin table: name, value (formatted), rank and a note."""
    from indicators.disclosure import SUPPRESSED_MARK

    names = (
        dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
        if level == "municipality"
        else _area_name(areas, lang)
    )
    notes = []
    for row in values.itertuples():
        note = []
        if row.suppressed:
            note.append(t("map.note.suppressed", lang))
        if getattr(row, "merged", False):
            note.append(t("map.note.merged", lang))
        notes.append("; ".join(note))
    return pd.DataFrame(
        {
            t("map.col.name", lang): [names.get(c, c) for c in values["area_code"]],
            t("map.col.value", lang): [
                SUPPRESSED_MARK if s else fmt_value(indicator, v, lang)
                for v, s in zip(values["value"], values["suppressed"], strict=True)
            ],
            t("map.col.rank", lang): values["rank"],
            t("map.col.note", lang): notes,
        }
    )


def profile_picker(
    members: pd.DataFrame, munis: pd.DataFrame, areas: pd.DataFrame, lang: str
) -> None:
    """Keyboard route from the map to a profile: pick a municipality or area, open it."""
    area_names = _area_name(areas[areas["status"] != "not_in_trial"], lang)
    muni_names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
    options = [f"area:{a}" for a in area_names] + [f"muni:{c}" for c in muni_names]

    def label(option: str) -> str:
        kind, code = option.split(":", 1)
        return f"{area_names[code]} ({code})" if kind == "area" else muni_names[code]

    choice = st.selectbox(
        t("map.pick", lang), options, index=None, format_func=label, key="map_pick", placeholder="…"
    )
    if choice is None:
        return
    kind, code = choice.split(":", 1)
    area = code
    if kind == "muni":
        rows = members[
            (members["municipality_code"] == code)
            & members["status"].isin(["confirmed", "probable"])
        ]
        if rows.empty:
            st.info(t("map.not_in_trial", lang, name=muni_names[code]))
            return
        area = str(rows["area_id"].iloc[0])
    if st.button(t("map.open_profile", lang), key="open_profile", type="primary"):
        st.switch_page("pages/area_profile.py", query_params={"area": area, "lang": lang})


def trial_months() -> list[str]:
    """The months of the trial period, 2021-03 … 2024-12."""
    return calendar.trial_months()


def values_export(
    values: pd.DataFrame, munis: pd.DataFrame, areas: pd.DataFrame, level: str, lang: str
) -> pd.DataFrame:
    """The map's values for export: numbers stay numbers, suppressed rows are flagged."""
    names = (
        dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
        if level == "municipality"
        else _area_name(areas, lang)
    )
    return pd.DataFrame(
        {
            t("profile.col.code", lang): values["area_code"],
            t("map.col.name", lang): [names.get(c, c) for c in values["area_code"]],
            t("map.col.value", lang): values["value"],
            t("map.col.rank", lang): values["rank"],
            "suppressed": values["suppressed"],
        }
    )


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


def window_options(last: str = calendar.EVALUATION_LAST_END) -> tuple[list[str], list[str]]:
    """Months an evaluation window may start and end in (see
    :func:`catalogue.calendar.evaluation_window_options`)."""
    return calendar.evaluation_window_options(last)
