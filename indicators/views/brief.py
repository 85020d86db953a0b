"""The monthly brief: what changed in a month, where, and what the evaluation says, in words.

:func:`brief_view` writes the brief for one month and one language from
:class:`BriefInputs` (frames the page and the command line read alike) into a
:class:`BriefView`: sections of sentences, each built from the catalogue's ``brief.*``
templates with the one formatter, each section ending with its source and vintage, plus the
figures and frames behind the charts (:func:`brief_charts`). The page renders the view, and
:mod:`exports.brief` writes the same view as HTML and PDF.

A month with national counts gets the whole brief. A later month for which Statistics Finland
has published only the municipalities' shares (the counts end in 2023-10 in the embedded
data) says so plainly and counts the municipalities whose published share rose or fell:
published shares do not add up to an area's or a group's share (a ratio of summed counts).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from typing import Any, Literal

import altair as alt
import pandas as pd

from catalogue import calendar, definitions
from catalogue.calendar import Event
from i18n import (
    fmt_day,
    fmt_month,
    fmt_number,
    fmt_p,
    fmt_percent,
    fmt_signed,
    fmt_value,
    join,
    rounded,
    t,
    tn,
    vega_locale,
)
from indicators import aggregation, disclosure
from indicators.area_study import ALPHA, AreaStudy
from indicators.trial_study import Evaluation
from indicators.views.evaluation import (
    ComparisonRow,
    comparison_rows,
    event_labels,
    lead_comparison,
)
from indicators.views.overview import (
    CHANGE_DECIMALS,
    GROUPS,
    OverviewTotals,
    overview_month,
    reconciliation,
    share_chart,
    share_labels,
)

__all__ = [
    "BREAK_WINDOW",
    "CHART_KEYS",
    "LOAD_WINDOW_DAYS",
    "TARGET_INDICATORS",
    "VINTAGE_SERIES",
    "BriefChart",
    "BriefError",
    "BriefInputs",
    "BriefSection",
    "BriefView",
    "EvaluationSummary",
    "GroupFigures",
    "MonthError",
    "NoDataError",
    "available_months",
    "brief_chart",
    "brief_charts",
    "brief_months",
    "brief_view",
    "chart_keys",
    "default_month",
    "evaluation_summary",
    "parse_month",
    "target_inputs",
]

SHARE = "unemployed_share_pct"
COUNT = "unemployed_jobseekers"
# The target-group series the brief reports where they exist (the trial's target groups are
# jobseekers without earnings-related allowance, the under-30s and immigrants; these are the
# published series closest to them), and the trial's own measure.
TARGET_INDICATORS = (
    "long_term_unemployed",
    "unemployed_under25",
    "unemployed_excl_laid_off_under30",
    "unemployed_foreign_nationals",
    "unemployed_plus_services",
    "activation_rate_pct",
)
# (indicator, level) series whose vintages the brief names
VINTAGE_SERIES: tuple[tuple[str, str], ...] = (
    (COUNT, "country"),
    ("labour_force", "country"),
    (COUNT, "municipality"),
    ("labour_force", "municipality"),
    (SHARE, "municipality"),
    *((code, level) for code in TARGET_INDICATORS for level in ("municipality", "country")),
)
# A definition break is named in the brief of a month this close to it (in months)
BREAK_WINDOW = 3
# "Since the previous brief": loads of the last month
LOAD_WINDOW_DAYS = 31
# Shown for a month's areas: the three largest rises and falls
TOP = 3
# A record needs at least a year of history before the month
RECORD_MIN_MONTHS = 12
TRANSFER = Event(calendar.TRANSFER_DAY, "transfer")
_MONTH_DIGITS = 7


class BriefError(ValueError):
    """The brief cannot be written for the month asked for; the message says why."""


class MonthError(BriefError):
    """The month is not a month ``YYYY-MM``."""


class NoDataError(BriefError):
    """The database has no figures for the month (or none at all)."""


@dataclass(frozen=True, eq=False)
class EvaluationSummary:
    """The evaluation's latest verdict: the pooled DiD of each comparison group, the one the
    evaluation page leads with, its event study, and the area study.

    Attributes
    ----------
    rows : tuple of ComparisonRow
        The pooled estimates by comparison group (:func:`comparison_rows`).
    lead : str
        The comparison group the evaluation page leads with (:func:`lead_comparison`).
    window : tuple of str
        The lead evaluation's first and last month.
    event : pandas.DataFrame or None
        The lead's event study (``rel_period, estimate, ci_low, ci_high``).
    study : AreaStudy or None
        Every area's synthetic control against the lead comparison group.
    """

    rows: tuple[ComparisonRow, ...]
    lead: str
    window: tuple[str, str]
    event: pd.DataFrame | None
    study: AreaStudy | None


def evaluation_summary(
    pooled: Mapping[Any, Evaluation], study: AreaStudy | None
) -> EvaluationSummary | None:
    """The summary of ``pooled`` (evaluations by comparison group) and ``study``; None when
    no comparison group could be evaluated.
    """
    rows = comparison_rows(pooled)
    if not rows:
        return None
    lead = lead_comparison(rows)
    result = pooled[lead]
    event = None if result.event is None else result.event.table
    return EvaluationSummary(tuple(rows), lead, result.window, event, study)


@dataclass(frozen=True, eq=False)
class BriefInputs:
    """What the brief reads, for every month at once.

    Attributes
    ----------
    totals : OverviewTotals
        The overview's aggregates (:func:`indicators.views.overview.overview_totals`), trial
        municipalities without the unverified ones.
    published_shares : pandas.DataFrame
        Observations of the published unemployed share by municipality.
    target_obs : pandas.DataFrame
        Observations of :func:`target_inputs` at the municipality and country levels.
    municipalities, trial_areas, memberships : pandas.DataFrame
        As ``data_access.queries`` returns them.
    batches : pandas.DataFrame
        The load batches (``data_access.queries.load_batches``).
    vintages : Mapping
        The newest vintage (``YYYY-MM-DD`` or None) of each series of :data:`VINTAGE_SERIES`.
    evaluation : EvaluationSummary or None
        The evaluation's latest verdict (None when it could not be computed).
    """

    totals: OverviewTotals
    published_shares: pd.DataFrame
    target_obs: pd.DataFrame
    municipalities: pd.DataFrame
    trial_areas: pd.DataFrame
    memberships: pd.DataFrame
    batches: pd.DataFrame
    vintages: Mapping[tuple[str, str], str | None]
    evaluation: EvaluationSummary | None


@dataclass(frozen=True)
class BriefSection:
    """One section of the brief: a heading, its sentences and the source of its figures."""

    key: str
    heading: str
    paragraphs: tuple[str, ...]
    source: str = ""


@dataclass(frozen=True)
class GroupFigures:
    """One group's headline figures in the month (NaN where there is none).

    ``suppressed`` is True when disclosure control hides the count (``..``).
    """

    key: str
    unemployed: float
    share: float
    unemployed_month: float
    unemployed_year: float
    share_month: float
    share_year: float
    n_units: int
    suppressed: bool = False


@dataclass(frozen=True, eq=False)
class BriefView:
    """The monthly brief in one language.

    Attributes
    ----------
    month, lang : str
        The month (``YYYY-MM``) and the language.
    status : {'counts', 'shares_only'}
        Whether the month has counts, or only the municipalities' published shares.
    title, month_text : str
        The document's title and the month as words (``lokakuu 2023``).
    sections : tuple of BriefSection
        The text, in order.
    groups : Mapping[str, GroupFigures]
        The whole country, the trial municipalities and the rest (with counts only).
    shares : pandas.DataFrame
        ``month, key, value``: the monthly share of the three groups up to the month.
    changes : pandas.DataFrame
        ``area_id, name, value, before, change``: each area's share and change on a year.
    event : pandas.DataFrame or None
        The lead evaluation's event study, for its chart.
    counts_end : str
        The last month with national counts (``YYYY-MM``), or empty.
    source_note, legend : str
        The source and licence line (``app.source_note``); the disclosure legend.
    link : str
        The address of the brief in the app ("cite this brief").
    generated : str
        When the brief was made, ``YYYY-MM-DD HH:MM UTC``.
    """

    month: str
    lang: str
    status: Literal["counts", "shares_only"]
    title: str
    month_text: str
    sections: tuple[BriefSection, ...]
    groups: Mapping[str, GroupFigures]
    shares: pd.DataFrame
    changes: pd.DataFrame
    event: pd.DataFrame | None
    counts_end: str
    source_note: str
    legend: str
    link: str
    generated: str
    notes: tuple[str, ...] = field(default=())

    def text(self) -> str:
        """The whole brief as plain text: title, month, each section, sources."""
        lines = [self.title, self.month_text, ""]
        for section in self.sections:
            lines += [section.heading, *section.paragraphs]
            if section.source:
                lines.append(section.source)
            lines.append("")
        lines += [self.legend, self.source_note, f"{t('brief.cite', self.lang)}: {self.link}"]
        return "\n".join(lines)


# --------------------------------------------------------------------------------------------
# Months


def parse_month(text: str) -> str:
    """``text`` as a month ``YYYY-MM``; :class:`MonthError` when it is not one."""
    value = str(text).strip()
    try:
        period = pd.Period(value, freq="M")
    except (ValueError, TypeError):
        period = None
    if period is None or len(value) != _MONTH_DIGITS or str(period) != value:
        raise MonthError(f"not a month YYYY-MM: {value!r}")
    return value


def _count_months(inputs: BriefInputs) -> list[str]:
    country = inputs.totals.country
    rows = country[(country["indicator"] == COUNT) & country["value"].notna()]
    return sorted(set(rows["month"].astype(str)))


def _share_months(inputs: BriefInputs) -> list[str]:
    shares = inputs.published_shares
    return sorted(set(shares.loc[shares["value"].notna(), "month"].astype(str)))


def brief_months(count_months: Sequence[str], share_months: Sequence[str]) -> list[str]:
    """The months a brief can be written for, ascending: those with national counts
    (``count_months``) and the later ones with published municipal shares.
    """
    last = max(count_months, default="")
    return sorted(set(count_months) | {m for m in share_months if m > last})


def available_months(inputs: BriefInputs) -> list[str]:
    """:func:`brief_months` of ``inputs``."""
    return brief_months(_count_months(inputs), _share_months(inputs))


def default_month(inputs: BriefInputs) -> str:
    """The latest month with national counts (else the latest with any figure)."""
    counts = _count_months(inputs)
    if counts:
        return counts[-1]
    months = available_months(inputs)
    if not months:
        raise NoDataError("the database has no observations for the brief")
    return months[-1]


# --------------------------------------------------------------------------------------------
# Phrases


def _when(key: str, lang: str) -> str:
    return t(f"brief.when.{key}", lang)


def _count_change(change: float, lang: str, when: str, before_month: str) -> str:
    if not math.isfinite(change):
        return t("brief.change.na", lang, month=fmt_month(before_month, lang))
    shown = rounded(change)
    if shown == 0:
        return t("brief.count.same", lang, when=_when(when, lang))
    key = "brief.count.more" if shown > 0 else "brief.count.fewer"
    return t(key, lang, n=fmt_number(abs(change), lang), when=_when(when, lang))


def _pp_change(change: float, lang: str, when: str, before_month: str) -> str:
    if not math.isfinite(change):
        return t("brief.change.na", lang, month=fmt_month(before_month, lang))
    shown = rounded(change, CHANGE_DECIMALS)
    if shown == 0:
        return t("brief.pp.same", lang, when=_when(when, lang))
    key = "brief.pp.higher" if shown > 0 else "brief.pp.lower"
    n = fmt_number(abs(change), lang, CHANGE_DECIMALS)
    return t(key, lang, n=n, when=_when(when, lang))


def _signed_pp(change: float, lang: str) -> str:
    """A change in percentage points with its sign, or "unchanged" when it rounds to 0."""
    if math.isfinite(change) and rounded(change, CHANGE_DECIMALS) == 0:
        return t("brief.unchanged", lang)
    return fmt_signed(change, lang, CHANGE_DECIMALS, t("unit.pp", lang))


def _p_text(p: float | None, lang: str) -> str:
    text = fmt_p(p, lang)
    return text if text.startswith("<") else f"= {text}"


def _vintage_text(days: Sequence[str | None], lang: str) -> str:
    known = sorted({d for d in days if d})
    return join([fmt_day(d, lang) for d in known], lang) if known else "–"


def _source(inputs: BriefInputs, series: Sequence[tuple[str, str]], lang: str) -> str:
    vintage = _vintage_text([inputs.vintages.get(s) for s in series], lang)
    return t("brief.source.12r5", lang, vintage=vintage)


def _area_names(inputs: BriefInputs, lang: str) -> dict[str, str]:
    column = "name_sv" if lang == "sv" else "name_fi"
    areas = inputs.trial_areas
    return dict(zip(areas["area_id"], areas[column], strict=True))


def _municipality_names(inputs: BriefInputs, lang: str) -> dict[str, str]:
    munis = inputs.municipalities
    return dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))


def _tidy(text: str, lang: str) -> str:
    """One full stop after a sentence that ends in an abbreviation (``+1,6 %-yks.``)."""
    unit = t("unit.pp", lang)
    return text.replace(f"{unit}.", unit) if unit.endswith(".") else text


def _tidied(section: BriefSection, lang: str) -> BriefSection:
    return replace(section, paragraphs=tuple(_tidy(p, lang) for p in section.paragraphs))


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:]


# --------------------------------------------------------------------------------------------
# The headline: the whole country, the trial municipalities and the rest


def _month_value(series: pd.Series, month: str) -> float:
    value = series.get(month, math.nan)
    return float(value) if value is not None and pd.notna(value) else math.nan


def _group_series(totals: OverviewTotals) -> dict[str, tuple[pd.Series, pd.Series, pd.Series]]:
    """Counts, shares and member counts by month for the country and each group."""
    country = totals.country
    counts = country[country["indicator"] == COUNT].drop_duplicates("month")
    shares = totals.shares
    result = {
        "country": (
            counts.set_index("month")["value"],
            shares[shares["key"] == "country"].set_index("month")["value"],
            pd.Series(dtype=float),
        )
    }
    groups = totals.groups
    for key in GROUPS:
        rows = groups[(groups["group"] == key) & (groups["indicator"] == COUNT)].set_index("month")
        result[key] = (
            rows["value"],
            shares[shares["key"] == key].set_index("month")["value"],
            rows["n_units"],
        )
    return result


def _group_figures(totals: OverviewTotals, month: str) -> dict[str, GroupFigures]:
    before, year = calendar.shift(month, -1), calendar.shift(month, -12)
    figures: dict[str, GroupFigures] = {}
    for key, (counts, shares, units) in _group_series(totals).items():
        now = _month_value(counts, month)
        if not math.isfinite(now):
            continue
        share = _month_value(shares, month)
        figures[key] = GroupFigures(
            key=key,
            unemployed=now,
            share=share,
            unemployed_month=now - _month_value(counts, before),
            unemployed_year=now - _month_value(counts, year),
            share_month=share - _month_value(shares, before),
            share_year=share - _month_value(shares, year),
            n_units=int(_month_value(units, month)) if month in units.index else 0,
        )
    return _disclosed(figures, month)


def _disclosed(figures: dict[str, GroupFigures], month: str) -> dict[str, GroupFigures]:
    """The figures with disclosure control applied to the counts (a small count is hidden,
    and so are the share and changes computed from it).
    """
    if not figures:
        return figures
    frame = pd.DataFrame(
        {
            "indicator": COUNT,
            "key": list(figures),
            "month": month,
            "value": [f.unemployed for f in figures.values()],
        }
    )
    hidden = set(frame.loc[disclosure.suppress_cells(frame)["suppressed"], "key"])
    nan = math.nan
    return {
        key: GroupFigures(key, nan, nan, nan, nan, nan, nan, f.n_units, suppressed=True)
        if key in hidden
        else f
        for key, f in figures.items()
    }


def _group_paragraph(f: GroupFigures, month: str, lang: str) -> str:
    before, year = calendar.shift(month, -1), calendar.shift(month, -12)
    if f.suppressed:
        return t("brief.head.suppressed", lang, group=t(f"overview.{f.key}", lang))
    count = tn("brief.jobseekers", f.unemployed, lang)
    units = tn("brief.municipalities_n", f.n_units, lang)
    head = t(
        f"brief.head.{f.key}",
        lang,
        count=count,
        units=units,
        month_change=_count_change(f.unemployed_month, lang, "month", before),
        year_change=_count_change(f.unemployed_year, lang, "year", year),
    )
    if not math.isfinite(f.share):
        return head
    share = t(
        "brief.share",
        lang,
        share=fmt_percent(f.share, lang),
        month_change=_pp_change(f.share_month, lang, "month", before),
        year_change=_pp_change(f.share_year, lang, "year", year),
    )
    return f"{head} {share}"


def _comparison(figures: Mapping[str, GroupFigures], lang: str) -> str:
    trial, rest = figures.get("trial"), figures.get("rest")
    if trial is None or rest is None:
        return t("brief.compare.na", lang)
    diff = trial.share_year - rest.share_year
    if not math.isfinite(diff):
        return t("brief.compare.na", lang)
    shown = rounded(diff, CHANGE_DECIMALS)
    # A lower share is better (catalogue: unemployed_share_pct.better == "lower")
    better = definitions.get(SHARE).better == "lower"
    key = "same" if shown == 0 else ("better" if (shown < 0) == better else "worse")
    return t(
        f"brief.compare.{key}",
        lang,
        diff=fmt_number(abs(diff), lang, CHANGE_DECIMALS),
        trial=_signed_pp(trial.share_year, lang),
        rest=_signed_pp(rest.share_year, lang),
    )


def _headline(inputs: BriefInputs, month: str, lang: str) -> tuple[BriefSection, dict[str, Any]]:
    figures = _group_figures(inputs.totals, month)
    paragraphs = []
    for key in ("country", *GROUPS):
        if key in figures:
            paragraphs.append(_group_paragraph(figures[key], month, lang))
        else:
            paragraphs.append(
                t(
                    "brief.head.missing",
                    lang,
                    group=t(f"overview.{key}", lang),
                    month=fmt_month(month, lang),
                )
            )
    paragraphs.append(f"{_comparison(figures, lang)} {t('brief.compare.caveat', lang)}")
    view = overview_month(inputs.totals, month)
    names = _municipality_names(inputs, lang)
    missing = sorted({c for head in view.heads.values() for c in head.missing})
    if missing:
        listed = ", ".join(names.get(c, c) for c in missing)
        paragraphs.append(t("overview.missing_members", lang, names=listed))
    reconciled = reconciliation(view, lang)
    if reconciled:
        paragraphs.append(reconciled)
    series = [(COUNT, "country"), ("labour_force", "country"), (COUNT, "municipality")]
    section = BriefSection(
        "headline",
        t("brief.section.headline", lang),
        tuple(paragraphs),
        _source(inputs, series, lang),
    )
    return section, {"figures": figures, "suppressed": any(f.suppressed for f in figures.values())}


# --------------------------------------------------------------------------------------------
# Trial areas


def _changes(inputs: BriefInputs, month: str, lang: str) -> pd.DataFrame:
    changes = overview_month(inputs.totals, month).changes.copy()
    names = _area_names(inputs, lang)
    changes["name"] = changes["area_id"].map(lambda a: names.get(a, a))
    return changes[["area_id", "name", "value", "before", "change"]]


def _listed(rows: pd.DataFrame, lang: str) -> str:
    unit = t("unit.pp", lang)
    return join(
        [
            t(
                "brief.item",
                lang,
                name=r.name,
                value=fmt_signed(r.change, lang, CHANGE_DECIMALS, unit),
            )
            for r in rows.itertuples()
        ],
        lang,
    )


def _records(inputs: BriefInputs, month: str, lang: str) -> list[str]:
    first = calendar.CHART_FIRST_MONTH
    if month < calendar.shift(first, RECORD_MIN_MONTHS):
        return []
    areas = inputs.totals.areas
    window = areas[(areas["month"] >= first) & (areas["month"] <= month)]
    wide = window.pivot_table(index="month", columns="group", values="value", aggfunc="first")
    if month not in wide.index:
        return []
    names = _area_names(inputs, lang)
    earlier = wide.drop(index=month)
    now = wide.loc[month]
    high = [a for a in wide.columns if pd.notna(now[a]) and now[a] > earlier[a].max()]
    low = [a for a in wide.columns if pd.notna(now[a]) and now[a] < earlier[a].min()]
    year = first[:4]
    if not high and not low:
        return [t("brief.areas.no_record", lang, year=year)]
    sentences = []
    for key, found in (("high", high), ("low", low)):
        if found:
            listed = join(
                [
                    t("brief.item", lang, name=names.get(a, a), value=fmt_percent(now[a], lang))
                    for a in sorted(found)
                ],
                lang,
            )
            sentences.append(tn(f"brief.areas.{key}", len(found), lang, year=year, areas=listed))
    return sentences


def _areas(inputs: BriefInputs, month: str, lang: str) -> tuple[BriefSection, pd.DataFrame]:
    changes = _changes(inputs, month, lang)
    paragraphs: list[str] = []
    if changes.empty:
        paragraphs.append(t("brief.areas.na", lang, month=fmt_month(month, lang)))
    else:
        shown = changes["change"].map(lambda c: float(rounded(c, CHANGE_DECIMALS)))
        fell = changes[shown < 0]
        rose = changes[shown > 0].iloc[::-1]
        for key, rows in (("fell", fell), ("rose", rose)):
            if rows.empty:
                paragraphs.append(t(f"brief.areas.none_{key}", lang))
            else:
                listed = _listed(rows.head(TOP), lang)
                paragraphs.append(tn(f"brief.areas.{key}", len(rows), lang, areas=listed))
    paragraphs += _records(inputs, month, lang)
    # The municipal counts come from the file of the national series (its vintage stands for
    # theirs) and, for Kangasala after it, from a later table: both vintages are named.
    series = [(COUNT, "country"), (COUNT, "municipality"), ("labour_force", "municipality")]
    section = BriefSection(
        "areas", t("brief.section.areas", lang), tuple(paragraphs), _source(inputs, series, lang)
    )
    return section, changes


# --------------------------------------------------------------------------------------------
# A month with published municipal shares only


def _published_moves(inputs: BriefInputs, month: str, lang: str) -> BriefSection:
    year = calendar.shift(month, -12)
    shares = inputs.published_shares
    shares = shares[shares["month"].isin([month, year]) & ~shares["suppressed"].astype(bool)]
    wide = shares.pivot_table(index="area_code", columns="month", values="value", aggfunc="first")
    paragraphs = [t("brief.shares_only", lang, month=fmt_month(month, lang))]
    if month not in wide or year not in wide:
        paragraphs.append(t("brief.moves.none", lang, month=fmt_month(month, lang)))
        return BriefSection(
            "municipalities", t("brief.section.municipalities", lang), tuple(paragraphs)
        )
    change = (wide[month] - wide[year]).dropna()
    shown = change.map(lambda c: float(rounded(c, CHANGE_DECIMALS)))
    members = inputs.totals.group_members
    for key in GROUPS:
        codes = [c for c in members.get(key, ()) if c in shown.index]
        part = shown[codes]
        paragraphs.append(
            t(
                "brief.moves",
                lang,
                group=t(f"brief.group.{key}", lang),
                units=tn("brief.municipalities_n", len(part), lang),
                rose=tn("brief.in_municipalities", int((part > 0).sum()), lang),
                fell=tn("brief.in_municipalities", int((part < 0).sum()), lang),
                same=tn("brief.in_municipalities", int((part == 0).sum()), lang),
            )
        )
    names = _municipality_names(inputs, lang)
    trial = change[[c for c in members.get("trial", ()) if c in change.index]]
    unit = t("unit.pp", lang)
    for key, picked in (
        ("trial_rose", trial[shown[trial.index] > 0].sort_values(ascending=False)),
        ("trial_fell", trial[shown[trial.index] < 0].sort_values()),
    ):
        if not picked.empty:
            items = [
                t(
                    "brief.item",
                    lang,
                    name=names.get(c, c),
                    value=fmt_signed(v, lang, CHANGE_DECIMALS, unit),
                )
                for c, v in picked.head(TOP).items()
            ]
            paragraphs.append(t(f"brief.moves.{key}", lang, items=join(items, lang)))
    return BriefSection(
        "municipalities",
        t("brief.section.municipalities", lang),
        tuple(paragraphs),
        _source(inputs, [(SHARE, "municipality")], lang),
    )


# --------------------------------------------------------------------------------------------
# Target groups


def target_inputs() -> tuple[str, ...]:
    """The stored indicator codes the target-group sentences need."""
    codes = (c for code in TARGET_INDICATORS for c in definitions.series_of(code))
    return tuple(dict.fromkeys(codes))


def _target_values(obs: pd.DataFrame, months: Sequence[str]) -> pd.DataFrame:
    """``level, area_code, month, indicator, value, suppressed`` of the target indicators,
    with disclosure control: small counts hidden, and rates and sums computed from a hidden
    count hidden too.
    """
    obs = obs[obs["month"].isin(months)]
    if obs.empty:
        return pd.DataFrame(
            columns=["area_level", "area_code", "month", "indicator", "value", "suppressed"]
        )
    checked = disclosure.suppress_cells(obs)
    parts = []
    for code in TARGET_INDICATORS:
        for level, rows in checked.groupby("area_level"):
            values = aggregation.unit_values(rows, code)
            if values.empty:
                continue
            derived = values.assign(indicator=code, area_level=level)
            inputs = definitions.inputs_of(code)
            # A unit counts for a derived series only where every input series has a row
            present = rows[rows["indicator"].isin(inputs)].groupby(["area_code", "month"])
            complete = present["indicator"].nunique()
            complete = complete[complete == len(inputs)].reset_index()[["area_code", "month"]]
            derived = derived.merge(complete, on=["area_code", "month"])
            if derived.empty:
                continue
            if definitions.get(code).stored and inputs == (code,):
                derived = derived.merge(
                    rows[rows["indicator"] == code][["area_code", "month", "suppressed"]],
                    on=["area_code", "month"],
                    how="left",
                )
                derived["suppressed"] = derived["suppressed"].fillna(False).astype(bool)
            else:
                derived = disclosure.propagate(
                    derived.assign(suppressed=False),
                    rows,
                    keys=["area_code", "month"],
                )
            parts.append(
                derived[["area_level", "area_code", "month", "indicator", "value"]].assign(
                    suppressed=derived["suppressed"].astype(bool).to_numpy()
                )
            )
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame()


def _target_item(rows: pd.DataFrame, code: str, month: str, lang: str) -> str | None:
    year = calendar.shift(month, -12)
    now = rows[(rows["indicator"] == code) & (rows["month"] == month)]
    if now.empty or not (now["value"].notna().any() or now["suppressed"].any()):
        return None
    hidden = bool(now["suppressed"].iloc[0])
    value = float(now["value"].iloc[0])
    before = rows[(rows["indicator"] == code) & (rows["month"] == year)]
    ind = definitions.get(code)
    if hidden or (not before.empty and bool(before["suppressed"].iloc[0])):
        change = t("brief.change.suppressed", lang)
    elif before.empty or pd.isna(before["value"].iloc[0]):
        change = t("brief.change.na", lang, month=fmt_month(year, lang))
    else:
        diff = value - float(before["value"].iloc[0])
        if ind.unit == "percent":
            shown = _signed_pp(diff, lang)
        elif rounded(diff) == 0:
            shown = t("brief.unchanged", lang)
        else:
            shown = fmt_signed(diff, lang)
        change = t("brief.target.change", lang, change=shown)
    return t(
        "brief.target.item",
        lang,
        indicator=_lower_first(ind.name(lang)),
        value=fmt_value(code, value, lang, suppressed=hidden),
        change=change,
    )


def _target(inputs: BriefInputs, month: str, lang: str) -> tuple[BriefSection, bool]:
    values = _target_values(inputs.target_obs, [month, calendar.shift(month, -12)])
    names = _municipality_names(inputs, lang)
    sentences: list[str] = []
    codes: list[str] = []
    hidden = False
    if not values.empty:
        for (level, code), rows in values.groupby(["area_level", "area_code"], sort=True):
            items = [_target_item(rows, ind, month, lang) for ind in TARGET_INDICATORS]
            shown = [item for item in items if item]
            if not shown:
                continue
            hidden = hidden or bool(rows.loc[rows["month"] == month, "suppressed"].any())
            if level == "country":
                name = t("brief.target.country", lang)
            else:
                name = f"{names.get(str(code), str(code))} ({code})"
                codes.append(str(code))
            sentences.append(t("brief.target.unit", lang, name=name, items="; ".join(shown)))
    month_text = fmt_month(month, lang)
    if codes:
        listed = join([f"{names.get(c, c)} ({c})" for c in codes], lang)
        head = tn("brief.target.where", len(codes), lang, month=month_text, names=listed)
    else:
        head = t("brief.target.none", lang, month=month_text)
    paragraphs = (head, *sentences, t("brief.target.fetch", lang))
    series = [(code, level) for code in TARGET_INDICATORS for level in ("municipality", "country")]
    source = _source(inputs, [s for s in series if s[1] == "municipality"], lang)
    if not values.empty and (values["area_level"] == "country").any():
        # National target-group series come from the old StatFin tables only
        old = _vintage_text([inputs.vintages.get(s) for s in series if s[1] == "country"], lang)
        source = f"{source} {t('brief.source.old', lang, vintage=old)}"
    return BriefSection("target", t("brief.section.target", lang), paragraphs, source), hidden


# --------------------------------------------------------------------------------------------
# The evaluation's verdict


def _did_sentences(summary: EvaluationSummary, lang: str) -> list[str]:
    row = next(r for r in summary.rows if r.kind == summary.lead)
    start, end = summary.window
    sentences = [
        t(
            "brief.did",
            lang,
            group=_lower_first(t(f"comparison.{row.kind}", lang)),
            start=fmt_month(start, lang),
            end=fmt_month(end, lang),
            estimate=fmt_number(row.estimate, lang, 2),
            low=fmt_number(row.ci_low, lang, 2),
            high=fmt_number(row.ci_high, lang, 2),
        )
    ]
    if row.ci_low <= 0 <= row.ci_high:
        sentences.append(t("brief.did.zero", lang))
    else:
        sentences.append(t("brief.did.higher" if row.estimate > 0 else "brief.did.lower", lang))
    if row.passes is None:
        sentences.append(t("brief.pretrend.untested", lang))
    else:
        key = "brief.pretrend.passes" if row.passes else "brief.pretrend.rejects"
        sentences.append(t(key, lang, p=_p_text(row.pretrend_p, lang)))
    return sentences


def _sc_sentences(study: AreaStudy | None, names: Mapping[str, str], lang: str) -> list[str]:
    if study is None:
        return []
    clear = [e for _a, e in sorted(study.areas.items()) if e.clear_gap and e.sc is not None]
    if clear:
        items = [
            t(
                "brief.sc.item",
                lang,
                name=names.get(e.area, e.area),
                effect=fmt_signed(e.sc.effect, lang, 2) if e.sc is not None else "–",
                p=_p_text(e.sc.p_value if e.sc is not None else None, lang),
            )
            for e in clear
        ]
        first = tn("brief.sc.clear", len(clear), lang, areas=join(items, lang))
    else:
        first = t("brief.sc.none", lang)
    rule = t(
        "brief.sc.rule",
        lang,
        alpha=fmt_number(ALPHA, lang, 2),
        n=fmt_number(len(study.areas), lang),
    )
    return [first, rule]


def _evaluation(inputs: BriefInputs, lang: str) -> BriefSection:
    summary = inputs.evaluation
    heading = t("brief.section.evaluation", lang)
    if summary is None:
        return BriefSection("evaluation", heading, (t("brief.evaluation.none", lang),))
    paragraphs = [
        " ".join(_did_sentences(summary, lang)),
        " ".join(_sc_sentences(summary.study, _area_names(inputs, lang), lang)),
    ]
    series = [(COUNT, "country"), (COUNT, "municipality"), (SHARE, "municipality")]
    vintage = _vintage_text([inputs.vintages.get(s) for s in series], lang)
    return BriefSection(
        "evaluation",
        heading,
        tuple(p for p in paragraphs if p),
        t("brief.source.evaluation", lang, vintage=vintage),
    )


# --------------------------------------------------------------------------------------------
# What is new in the data, and the definition breaks


def _loaded_at(batches: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(batches["loaded_at"], utc=True)


def _data(inputs: BriefInputs, lang: str, as_of: datetime) -> BriefSection:
    batches = inputs.batches
    batches = batches[batches["reader"] != "reference"]
    paragraphs: list[str] = []
    if not batches.empty:
        since = pd.Timestamp(as_of - timedelta(days=LOAD_WINDOW_DAYS))
        recent = batches[_loaded_at(batches) >= since]
        if recent.empty:
            latest = _loaded_at(batches).max()
            day = fmt_day(latest.strftime("%Y-%m-%d"), lang)
            paragraphs.append(t("brief.loads.none", lang, days=LOAD_WINDOW_DAYS, day=day))
        else:
            paragraphs.append(t("brief.loads.header", lang, days=LOAD_WINDOW_DAYS))
            grouped = recent.groupby(["source", "vintage"], sort=False)[
                ["rows_loaded", "rows_replaced"]
            ].sum()
            for (source, vintage), row in grouped.sort_index(level=1, ascending=False).iterrows():
                revised = int(row["rows_replaced"])
                paragraphs.append(
                    t(
                        "brief.loads.item",
                        lang,
                        source=str(source),
                        vintage=fmt_day(str(vintage)[:10], lang),
                        new=tn("brief.loads.new", int(row["rows_loaded"]), lang),
                        revised=tn("brief.loads.revised", revised, lang)
                        if revised
                        else t("brief.loads.no_revisions", lang),
                    )
                )
        if batches["synthetic"].astype(bool).any():
            paragraphs.append(t("brief.loads.synthetic", lang))
    paragraphs.append(_coverage(inputs, lang))
    return BriefSection(
        "data", t("brief.section.data", lang), tuple(paragraphs), t("brief.source.loads", lang)
    )


def _coverage(inputs: BriefInputs, lang: str) -> str:
    counts, shares = _count_months(inputs), _share_months(inputs)
    vintage = inputs.vintages.get((COUNT, "country"))
    return t(
        "app.coverage_note",
        lang,
        counts_end=fmt_month(counts[-1], lang) if counts else "–",
        vintage=fmt_day(vintage, lang) if vintage else "–",
        shares_end=fmt_month(shares[-1], lang) if shares else "–",
    )


def _months_apart(a: str, b: str) -> int:
    return abs(int((pd.Period(a, freq="M") - pd.Period(b, freq="M")).n))


def _breaks(month: str, lang: str) -> BriefSection:
    events = [*calendar.EVENTS, TRANSFER]
    near = [e for e in events if _months_apart(e.month, month) <= BREAK_WINDOW]
    paragraphs = [t(f"brief.break.{e.key}", lang, day=fmt_day(e.day, lang)) for e in near]
    if not paragraphs:
        paragraphs = [t("brief.break.none", lang, month=fmt_month(month, lang))]
    return BriefSection("breaks", t("brief.section.breaks", lang), tuple(paragraphs))


# --------------------------------------------------------------------------------------------
# The brief


def brief_view(
    inputs: BriefInputs,
    *,
    lang: str,
    month: str | None = None,
    as_of: datetime | None = None,
    link: str = "",
) -> BriefView:
    """The brief for ``month`` (default: :func:`default_month`) in ``lang``.

    Parameters
    ----------
    inputs : BriefInputs
        What the brief reads.
    lang : str
        fi, sv or en.
    month : str, optional
        ``YYYY-MM``; it must be one of :func:`available_months`.
    as_of : datetime, optional
        When the brief is made (timezone-aware; default now): the loads of the
        :data:`LOAD_WINDOW_DAYS` before it are "new since the previous brief".
    link : str
        The brief's address in the app, for "cite this brief".

    Raises
    ------
    MonthError
        ``month`` is not a month ``YYYY-MM``.
    NoDataError
        There are no figures for ``month`` (or none at all).
    """
    as_of = as_of or datetime.now(UTC)
    months = available_months(inputs)
    if not months:
        raise NoDataError("the database has no observations for the brief")
    month = default_month(inputs) if month is None else parse_month(month)
    if month not in months:
        raise NoDataError(f"no data for {month}: the brief covers {months[0]}…{months[-1]}")
    counts = _count_months(inputs)
    status: Literal["counts", "shares_only"] = "counts" if month in counts else "shares_only"
    sections: list[BriefSection] = []
    figures: Mapping[str, GroupFigures] = {}
    changes = pd.DataFrame(columns=["area_id", "name", "value", "before", "change"])
    suppressed = False
    if status == "counts":
        headline, facts = _headline(inputs, month, lang)
        figures, suppressed = facts["figures"], facts["suppressed"]
        areas, changes = _areas(inputs, month, lang)
        sections += [headline, areas]
    else:
        vintage = inputs.vintages.get((COUNT, "country"))
        note = t(
            "brief.no_counts",
            lang,
            month=fmt_month(month, lang),
            counts_end=fmt_month(counts[-1], lang) if counts else "–",
            vintage=fmt_day(vintage, lang) if vintage else "–",
        )
        sections.append(BriefSection("headline", t("brief.section.headline", lang), (note,)))
        sections.append(_published_moves(inputs, month, lang))
    target, hidden = _target(inputs, month, lang)
    sections += [
        target,
        _evaluation(inputs, lang),
        _data(inputs, lang, as_of),
        _breaks(month, lang),
    ]
    shares = inputs.totals.shares
    shares = shares[(shares["month"] >= calendar.CHART_FIRST_MONTH) & (shares["month"] <= month)]
    return BriefView(
        month=month,
        lang=lang,
        status=status,
        title=t("brief.document_title", lang),
        month_text=fmt_month(month, lang),
        sections=tuple(_tidied(section, lang) for section in sections),
        groups=figures,
        shares=shares.reset_index(drop=True),
        changes=changes.reset_index(drop=True),
        event=inputs.evaluation.event if inputs.evaluation is not None else None,
        counts_end=counts[-1] if counts else "",
        source_note=t("app.source_note", lang),
        legend=disclosure.legend(lang) if (suppressed or hidden) else "",
        link=link,
        generated=as_of.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC"),
    )


# --------------------------------------------------------------------------------------------
# Charts


@dataclass(frozen=True, eq=False)
class BriefChart:
    """One chart of the brief: its key, title, Altair chart and text alternative."""

    key: str
    title: str
    chart: alt.TopLevelMixin
    alt: str


def _share_chart(view: BriefView, width: int | None) -> BriefChart | None:
    lang = view.lang
    if view.shares.empty:
        return None
    labels = share_labels(lang)
    series = view.shares
    chart = share_chart(series, lang, highlight_month=view.month, height=260)
    if width is not None:
        # Room on the right for the label of the last event rule (the trials' end)
        chart = chart.properties(width=width - 90, padding={"right": 90, "left": 5})
    last = series[series["month"] == series["month"].max()]
    shares = {k: fmt_percent(_month_value(last.set_index("key")["value"], k), lang) for k in labels}
    text = t(
        "overview.chart_alt",
        lang,
        start=fmt_month(series["month"].min(), lang),
        end=fmt_month(series["month"].max(), lang),
        month=fmt_month(series["month"].max(), lang),
        **shares,
    )
    return BriefChart("shares", t("overview.chart_title", lang), chart, text)


def _changes_chart(view: BriefView, width: int | None) -> BriefChart | None:
    from indicators.charts import forest_chart

    lang = view.lang
    if view.changes.empty:
        return None
    rows = view.changes.sort_values(["change", "name"]).reset_index(drop=True)
    table = pd.DataFrame(
        {
            "label": rows["name"],
            "estimate": rows["change"],
            "ci_low": math.nan,
            "ci_high": math.nan,
        }
    )
    chart = forest_chart(
        table,
        x_title=t("brief.chart.changes_x", lang),
        label_title=t("brief.section.areas", lang),
        locale=vega_locale(lang),
    ).properties(height=16 * len(table))
    if width is not None:
        # The area names take about 250 px of the width beside the plot
        # (a point at the axis end needs its radius to the right)
        chart = chart.properties(width=width - 250, padding={"left": 30, "right": 12})
    first, last = rows.iloc[0], rows.iloc[-1]
    text = t(
        "brief.chart.changes_alt",
        lang,
        n=len(rows),
        month=view.month_text,
        first=t(
            "brief.item",
            lang,
            name=first["name"],
            value=_signed_pp(first["change"], lang),
        ),
        last=t(
            "brief.item",
            lang,
            name=last["name"],
            value=_signed_pp(last["change"], lang),
        ),
    )
    title = t("brief.chart.changes_title", lang, month=view.month_text)
    return BriefChart("changes", title, chart, _tidy(text, lang))


def _event_chart(view: BriefView, width: int | None) -> BriefChart | None:
    from indicators.charts import event_study_chart

    lang = view.lang
    if view.event is None or view.event.empty:
        return None
    table = view.event.dropna(subset=["estimate"])
    y_title = f"{definitions.get(SHARE).name(lang)} ({t('unit.pp', lang)})"
    chart = event_study_chart(
        table,
        x_title=t("evaluation.event_x", lang),
        y_title=y_title,
        height=220,
        locale=vega_locale(lang),
        labels=event_labels(lang),
        print_legends=True,
    )
    if width is not None:
        chart = chart.properties(width=width)
    text = t("evaluation.event_alt", lang, n=len(table))
    return BriefChart("event", t("evaluation.event_title", lang), chart, text)


CHART_KEYS = ("shares", "changes", "event")
_CHARTS = {"shares": _share_chart, "changes": _changes_chart, "event": _event_chart}


def brief_chart(view: BriefView, key: str, *, width: int | None = None) -> BriefChart | None:
    """The chart ``key`` (one of :data:`CHART_KEYS`) of the brief, or None without data."""
    return _CHARTS[key](view, width)


def chart_keys(view: BriefView) -> list[str]:
    """The keys of the charts the brief has data for, in order."""
    has = {
        "shares": not view.shares.empty,
        "changes": not view.changes.empty,
        "event": view.event is not None and not view.event.empty,
    }
    return [key for key in CHART_KEYS if has[key]]


def brief_charts(view: BriefView, *, width: int | None = None) -> list[BriefChart]:
    """The brief's charts: the monthly share of the three groups up to the month, the areas'
    changes on a year (months with counts) and the lead evaluation's event study.

    ``width`` fixes the charts' width in pixels (files); None fills the container (the page).
    """
    charts = [brief_chart(view, key, width=width) for key in chart_keys(view)]
    return [c for c in charts if c is not None]
