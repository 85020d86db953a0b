"""An area profile's figures: the area's series against its comparison groups, its rank."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from catalogue import calendar, definitions
from i18n import fmt_month, fmt_number, sort_key, t
from indicators import comparison, profile, transforms

# What the profile offers, in this order
INDICATORS = (
    "unemployed_share_pct",
    "unemployed_jobseekers",
    "unemployed_per_vacancy",
    "open_vacancies",
    "long_term_share_pct",
    "under25_share_pct",
    "foreign_share_pct",
    "unemployed_plus_services",
)
# The series of the chart, in the order of its legend
SERIES_KEYS = ("area", "rest", "region_rest", "peers", "country")


@dataclass(frozen=True, eq=False)
class ProfileView:
    """One area's profile for one indicator.

    Attributes
    ----------
    area, indicator : str
        The trial area and the catalogue indicator.
    series : pandas.DataFrame
        ``month, key, value, n_units, n_reported``; ``key`` is one of :data:`SERIES_KEYS`
        (:func:`indicators.profile.compare_series`).
    month : str or None
        The latest month with a value for the area (None: the area has no value at all).
    value, change_on_year : float
        The area's value in ``month`` and its change on the same month a year earlier.
    ranks : pandas.DataFrame or None
        Every area's value and rank in ``month`` (``area_id, value, rank, n_areas``).
    rank, n_ranked : int or None
        The area's rank (1 = best by the indicator's direction) among ``n_ranked`` areas.
    """

    area: str
    indicator: str
    series: pd.DataFrame
    month: str | None
    value: float
    change_on_year: float
    ranks: pd.DataFrame | None
    rank: int | None
    n_ranked: int | None


def available_indicators(
    member_codes: Sequence[str],
    series_codes: pd.DataFrame,
    *,
    candidates: Sequence[str] = INDICATORS,
    min_coverage: float = 0.9,
) -> tuple[list[str], list[str]]:
    """The indicators an area can be shown for, and those it cannot.

    An indicator is offered when at least ``min_coverage`` of the area's members have every
    stored input series (``series_codes``: ``indicator, area_code`` from the series summary);
    below that the area's aggregate would be missing in every month.
    """
    have: dict[str, set[str]] = {}
    for code, rows in series_codes.groupby("indicator"):
        have[str(code)] = set(rows["area_code"])
    members = set(member_codes)
    offered: list[str] = []
    missing: list[str] = []
    for indicator in candidates:
        inputs = [c for c in definitions.inputs_of(indicator) if definitions.get(c).stored]
        covered = members.copy()
        for code in inputs:
            covered &= have.get(code, set())
        ok = bool(members) and len(covered) >= min_coverage * len(members)
        (offered if ok else missing).append(indicator)
    return offered, missing


def comparison_codes(
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    area: str,
    *,
    peers: Sequence[str] | None = None,
) -> dict[str, list[str]]:
    """The fixed comparison groups of an area's chart: the TE-office municipalities
    (``rest``), those of the area's regions (``region_rest``) and, when given, its matched
    ``peers``. The definitions are those of :mod:`indicators.comparison`.
    """
    members = memberships.loc[memberships["area_id"] == area, "municipality_code"]
    groups = {
        "rest": comparison.candidate_controls(municipalities, memberships),
        "region_rest": comparison.same_region_controls(municipalities, memberships, members),
    }
    if peers:
        groups["peers"] = list(peers)
    return groups


def profile_view(
    municipal_obs: pd.DataFrame,
    country_obs: pd.DataFrame,
    memberships: pd.DataFrame,
    municipalities: pd.DataFrame,
    *,
    area: str,
    indicator: str,
    include_unverified: bool,
    peers: Sequence[str] | None = None,
) -> ProfileView:
    """Build an area's profile for ``indicator``.

    Parameters
    ----------
    municipal_obs, country_obs : pandas.DataFrame
        Observations of the indicator's inputs at the municipality level, and of the inputs
        and the indicator itself at the country level.
    memberships, municipalities : pandas.DataFrame
        As returned by ``data_access.queries``.
    area, indicator : str
        The trial area and the catalogue indicator.
    include_unverified : bool
        Whether unverified members count when the areas are ranked (the area's own series
        always follows all its members, verified or not).
    peers : sequence of str, optional
        Matched peer municipalities of the area, drawn as their own series.
    """
    groups = comparison_codes(municipalities, memberships, area, peers=peers)
    units = profile.area_units(memberships[memberships["area_id"] == area], include_unverified=True)
    series = profile.compare_series(
        municipal_obs, country_obs, indicator=indicator, area_units_frame=units, groups=groups
    )
    month = profile.latest_with_value(series)
    if month is None:
        return ProfileView(area, indicator, series, None, np.nan, np.nan, None, None, None)
    mine = series[(series["key"] == "area") & (series["month"] == month)]
    all_units = profile.area_units(memberships, include_unverified=include_unverified)
    ranks = profile.area_ranks(municipal_obs, all_units, indicator=indicator, month=month)
    own = ranks[ranks["area_id"] == area]
    ranked = not own.empty and pd.notna(own["rank"].iloc[0])
    return ProfileView(
        area=area,
        indicator=indicator,
        series=series,
        month=month,
        value=float(mine["value"].iloc[0]) if not mine.empty else np.nan,
        change_on_year=profile.change_on_year(series, "area", month),
        ranks=ranks,
        rank=int(own["rank"].iloc[0]) if ranked else None,
        n_ranked=int(own["n_areas"].iloc[0]) if ranked else None,
    )


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


_URL = re.compile(r"https?://[^\s;,)]+")


def source_titles(citation: str, limit: int = 140) -> tuple[str, str]:
    """A citation as a readable title (no addresses, at most ``limit`` characters) and its
    first link (empty when it has none).
    """
    links = _URL.findall(citation)
    title = _URL.sub(" ", citation)
    title = re.sub(r"\s+(and|;)\s+(?=[;(]|$)", " ", title)
    title = re.sub(r"\s{2,}", " ", title).strip(" :;,")
    if title.startswith("(") and title.endswith(")"):
        title = title[1:-1]
    if not title:
        title = re.sub(r"^https?://(www\.)?", "", links[0]).split("/")[0] if links else citation
    if len(title) > limit:
        title = title[: limit - 1].rstrip(" ,;:") + "…"
    return title, links[0] if links else ""


def members_table(
    members: pd.DataFrame,
    munis: pd.DataFrame,
    lang: str,
    sources: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """An area's members with their verification status, in the UI language.

    With ``sources`` (``source_key, citation``) the source keys become readable titles and a
    link column (``profile.col.link``) holds each row's first source address.
    """
    names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
    # By name in the UI language (as a reader looks one up), not by code
    rows = members.assign(
        _key=[sort_key(names.get(c, c)) for c in members["municipality_code"]]
    ).sort_values(["_key", "municipality_code"])
    period = [
        f"{(a or '')[:7]} – {(b or '')[:7]}" if a else "–"
        for a, b in zip(rows["member_from"], rows["member_to"], strict=True)
    ]
    keys = [[k.strip() for k in str(v).split("|") if k.strip()] for v in rows["source"]]
    cited = {}
    if sources is not None:
        cited = {
            k: source_titles(str(c))
            for k, c in zip(sources["source_key"], sources["citation"], strict=True)
        }
    titles = ["; ".join(cited[k][0] if k in cited else k for k in ks) for ks in keys]
    links = [next((cited[k][1] for k in ks if k in cited and cited[k][1]), "") for ks in keys]
    table = pd.DataFrame(
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
            t("profile.col.source", lang): titles,
        }
    )
    if sources is not None:
        table[t("profile.col.link", lang)] = links
    return table


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


def continuation(
    member_codes: Sequence[str], employment: pd.DataFrame, munis: pd.DataFrame, lang: str
) -> pd.DataFrame:
    """Where the area's municipalities' services went on 1 January 2025: one row per 2025
    employment area (name with code, and the area's members in it), largest first.
    """
    names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
    mine = employment[employment["municipality_code"].isin(list(member_codes))]
    rows = []
    for code, part in mine.groupby("area_code", sort=True):
        label = f"{part[f'name_{lang}'].iloc[0]} ({code})"
        members = sorted(names.get(c, c) for c in part["municipality_code"])
        rows.append((label, len(members), ", ".join(members)))
    rows.sort(key=lambda r: (-r[1], r[0]))
    headers = ("profile.col.employment_area", "profile.col.n_members", "profile.col.municipalities")
    return pd.DataFrame(rows, columns=[t(key, lang) for key in headers])
