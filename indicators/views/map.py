"""The map page's figures and texts: values by municipality or area, their twin table,
the text alternatives and the export frame.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from catalogue import definitions
from catalogue.symbols import SUPPRESSED_MARK
from i18n import fmt_month, fmt_value, sort_key, t
from indicators import aggregation, mapping
from indicators.comparison import aland_codes

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
    "aland",
    "employment_area",
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


def area_names_in(areas: pd.DataFrame, lang: str) -> dict[str, str]:
    """Trial area names by id in ``lang`` (areas have Finnish and Swedish names only)."""
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
    area_names = area_names_in(areas, lang)
    te_office, aland = t("map.label.te_office", lang), t("map.label.aland", lang)
    own = set(aland_codes(munis)) if "region_code" in munis.columns else set()
    rows = []
    for code, name in zip(munis["code"], munis[f"name_{lang}"], strict=True):
        if code in by_code:
            area, status = by_code[code]
            rows.append((name, code, area_names.get(area, area), t(f"status.{status}", lang)))
        else:
            rows.append((name, code, aland if code in own else te_office, ""))
    rows.sort(key=lambda r: (sort_key(r[0]), r[1]))
    headers = ("map.col.name", "profile.col.code", "map.label.status", "profile.col.status")
    return pd.DataFrame(rows, columns=[t(key, lang) for key in headers])


def employment_area_table(
    employment_areas: pd.DataFrame,
    members: pd.DataFrame,
    munis: pd.DataFrame,
    areas: pd.DataFrame,
    month: str,
    lang: str,
) -> pd.DataFrame:
    """Every municipality with its 2025 employment area and who organised its services in
    ``month`` (the trial's last month).
    """
    organised = organiser_table(members, munis, areas, month, lang)
    code = t("profile.col.code", lang)
    ea = employment_areas.set_index("municipality_code")
    column = t("profile.col.employment_area", lang)
    names = ea[f"name_{lang}"].reindex(organised[code]).to_numpy()
    table = organised.assign(**{column: names})
    heading = t("map.col.until", lang, month=fmt_month(month, lang))
    table = table.rename(columns={t("map.label.status", lang): heading})
    return table[[table.columns[0], code, column, heading, t("profile.col.status", lang)]]


def employment_area_alt(employment_areas: pd.DataFrame, month: str, lang: str) -> str:
    """Alt text of the 2025 employment-area map."""
    return t(
        "map.employment_alt",
        lang,
        n=employment_areas["area_code"].nunique(),
        month=fmt_month(month, lang),
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
    names = (
        dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
        if level == "municipality"
        else area_names_in(areas, lang)
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


def values_export(
    values: pd.DataFrame, munis: pd.DataFrame, areas: pd.DataFrame, level: str, lang: str
) -> pd.DataFrame:
    """The map's values for export: numbers stay numbers, suppressed rows are flagged."""
    names = (
        dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
        if level == "municipality"
        else area_names_in(areas, lang)
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


LEVELS = ("organiser", "municipality", "area", "employment_area")


@dataclass(frozen=True, eq=False)
class MapValues:
    """A choropleth's values with their twin table, export frame and text alternative."""

    values: pd.DataFrame
    table: pd.DataFrame
    export: pd.DataFrame
    alt: str


def map_values(
    month_obs: pd.DataFrame,
    group_members: pd.DataFrame,
    memberships: pd.DataFrame,
    municipalities: pd.DataFrame,
    areas: pd.DataFrame,
    *,
    level: str,
    indicator: str,
    month: str,
    include_unverified: bool,
    lang: str,
) -> MapValues:
    """The values of ``indicator`` in ``month`` by municipality or by trial area, disclosure
    control applied (:mod:`indicators.mapping`), with the table, export and alt text.
    """
    if level == "municipality":
        values = mapping.municipality_values(
            month_obs, group_members, indicator=indicator, month=month
        )
    else:
        values = mapping.area_values(
            month_obs,
            memberships,
            indicator=indicator,
            month=month,
            include_unverified=include_unverified,
        )
    return MapValues(
        values=values,
        table=values_table(values, municipalities, areas, level, indicator, lang),
        export=values_export(values, municipalities, areas, level, lang),
        alt=map_alt(values, indicator, month, lang),
    )
