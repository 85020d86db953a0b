"""The overview's figures: the whole country, the trial municipalities and the rest.

:func:`overview_totals` aggregates every month at once (the costly step, done once per data
version and shared by every visitor); :func:`overview_month` reads one month's headlines and
changes out of it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from catalogue import calendar
from i18n import fmt_number, rounded, t, vega_locale
from indicators import aggregation, summary
from indicators.summary import Headline

INPUTS = ("unemployed_jobseekers", "labour_force", "open_vacancies")
# The compared groups; Åland's municipalities (no TE office serves them) are a third group
# that only the reconciliation of the headline counts shows
GROUPS = ("trial", "rest")
ALAND = "aland"
# Changes of the share are shown in percentage points with one decimal
CHANGE_DECIMALS = 1


@dataclass(frozen=True, eq=False)
class OverviewTotals:
    """Every month's aggregates behind the overview.

    Attributes
    ----------
    country : pandas.DataFrame
        The national observations of :data:`INPUTS`.
    groups : pandas.DataFrame
        Trial and rest totals (:func:`indicators.summary.group_totals`).
    areas : pandas.DataFrame
        Each trial area's unemployed share (:func:`indicators.summary.area_totals`).
    unallocated : pandas.Series
        National unemployed minus the municipalities' sum, by month.
    shares : pandas.DataFrame
        The monthly unemployed share ``month, key, value`` (country, trial, rest).
    panels : pandas.DataFrame
        The key indicators ``month, indicator, key, value`` (counts as an index,
        :func:`indicators.summary.key_panels`).
    group_members : Mapping[str, tuple[str, ...]]
        The municipality codes of the trial and of the rest.
    """

    country: pd.DataFrame
    groups: pd.DataFrame
    areas: pd.DataFrame
    unallocated: pd.Series
    shares: pd.DataFrame
    panels: pd.DataFrame
    group_members: Mapping[str, tuple[str, ...]]


@dataclass(frozen=True, eq=False)
class OverviewMonth:
    """The overview's figures for one month.

    Attributes
    ----------
    month : str
        The month, ``YYYY-MM``.
    heads : Mapping[str, Headline]
        Headline cards by key: ``country``, ``trial``, ``rest`` (a group without data in the
        month is absent).
    changes : pandas.DataFrame
        ``area_id, value, before, change``: each area's share and its change on a year,
        largest fall first.
    unallocated : float
        National unemployed not allocated to any municipality in the month (NaN: unknown).
    """

    month: str
    heads: Mapping[str, Headline]
    changes: pd.DataFrame
    unallocated: float

    def _shown_change(self) -> pd.Series:
        # A change that prints as 0,0 is neither a fall nor a rise.
        return self.changes["change"].map(lambda c: float(rounded(c, CHANGE_DECIMALS)))

    @property
    def fell(self) -> pd.DataFrame:
        """Up to three areas whose share fell on a year, most first (none when none fell)."""
        return self.changes[self._shown_change() < 0].head(3)

    @property
    def rose(self) -> pd.DataFrame:
        """Up to three areas whose share rose on a year, most first (none when none rose)."""
        return self.changes[self._shown_change() > 0].iloc[::-1].head(3)


def overview_totals(
    country_obs: pd.DataFrame,
    municipal_obs: pd.DataFrame,
    memberships: pd.DataFrame,
    municipality_codes: pd.Series,
    *,
    include_unverified: bool,
    aland: Sequence[str] = (),
) -> OverviewTotals:
    """Aggregate the overview's inputs over every month of the frames.

    Parameters
    ----------
    country_obs, municipal_obs : pandas.DataFrame
        Observations of :data:`INPUTS` at the country and the municipality level.
    memberships : pandas.DataFrame
        Trial memberships (``data_access.queries.memberships``).
    municipality_codes : pandas.Series
        Every municipality's code.
    include_unverified : bool
        Count unverified members as trial municipalities (else they are on neither side).
    aland : sequence of str
        The Åland municipalities: their services are run by Åland's own authority, so they
        are not among the TE-office municipalities but a group of their own (``aland``).
    """
    groups = aggregation.trial_and_rest(
        memberships,
        municipality_codes,
        include_unverified=include_unverified,
        not_te_office=aland,
    )
    if aland:
        groups[ALAND] = sorted(aland)
    totals = summary.group_totals(municipal_obs, groups)
    shares = summary.share_series_from(country_obs, totals)
    return OverviewTotals(
        country=country_obs,
        groups=totals,
        areas=summary.area_totals(
            municipal_obs, memberships, include_unverified=include_unverified
        ),
        unallocated=summary.unallocated_series(country_obs, municipal_obs),
        shares=shares[shares["key"] != ALAND].reset_index(drop=True),
        panels=summary.key_panels(
            country_obs, municipal_obs, {k: v for k, v in groups.items() if k != ALAND}
        ),
        group_members={k: tuple(v) for k, v in groups.items()},
    )


def overview_totals_of(
    country_obs: pd.DataFrame,
    municipal_obs: pd.DataFrame,
    memberships: pd.DataFrame,
    municipalities: pd.DataFrame,
    *,
    include_unverified: bool,
) -> OverviewTotals:
    """:func:`overview_totals` with the overview's groups taken from ``municipalities``
    (``data_access.queries.municipalities``): the trial, the TE offices and Åland apart.
    """
    from indicators.comparison import aland_codes

    return overview_totals(
        country_obs,
        municipal_obs,
        memberships,
        municipalities["code"],
        include_unverified=include_unverified,
        aland=aland_codes(municipalities),
    )


def overview_month(totals: OverviewTotals, month: str) -> OverviewMonth:
    """One month's headlines, area changes and unallocated count from ``totals``."""
    return OverviewMonth(
        month=month,
        heads=summary.headlines_from(totals.country, totals.groups, (*GROUPS, ALAND), month),
        changes=summary.changes_from(totals.areas, month=month),
        unallocated=float(totals.unallocated.get(month, np.nan)),
    )


def since(month: str) -> str | None:
    """The first month the totals need for ``month``: a year before the charts start, or the
    whole history for an earlier month (one more cache entry serves every such month).
    """
    return calendar.OVERVIEW_FIRST_MONTH if month >= calendar.CHART_FIRST_MONTH else None


def share_labels(lang: str) -> dict[str, str]:
    """The share chart's series keys (the country, then :data:`GROUPS`) and their names."""
    return {k: t(f"overview.{k}", lang) for k in ("country", *GROUPS)}


def share_chart(
    shares: pd.DataFrame, lang: str, *, highlight_month: str, height: int = 340
) -> alt.LayerChart:
    """The monthly unemployed share of the country and the groups (``month, key, value``)
    with the trial events, as the overview and the monthly brief draw it.
    """
    from indicators.charts import line_chart
    from indicators.events import events_between

    labels = share_labels(lang)
    series = shares[["month", "key", "value"]].assign(series=shares["key"].map(labels))
    events = events_between(series["month"].min(), series["month"].max(), lang=lang)
    return line_chart(
        series[["month", "series", "value"]],
        y_title=t("overview.share", lang) + " (%)",
        x_title=t("chart.month", lang),
        series_title=t("chart.series", lang),
        events=events,
        highlight_month=highlight_month,
        series_order=list(labels.values()),
        height=height,
        locale=vega_locale(lang),
    )


def reconciliation(view: OverviewMonth, lang: str) -> str:
    """How the national figure is made of the cards, in one sentence (empty when a card has
    no figure): the trial municipalities, the TE-office ones, Åland and the unemployed not
    counted in any municipality or in a suppressed one. Without an Åland total (some of its
    figures suppressed) Åland is named among the rest instead of counting as 0.
    """

    def count(key: str) -> float:
        head = view.heads.get(key)
        return float(head.unemployed) if head is not None else math.nan

    country, trial, rest, aland = (count(k) for k in ("country", "trial", "rest", ALAND))
    if not all(math.isfinite(v) for v in (country, trial, rest)):
        return ""
    # No Åland group at all (a division without it) counts as 0; a group without a total
    # (some of its figures suppressed) is named among the rest
    hidden = ALAND in view.heads and not math.isfinite(aland)
    known = 0.0 if hidden or not math.isfinite(aland) else aland
    values = {
        "country": fmt_number(country, lang),
        "trial": fmt_number(trial, lang),
        "rest": fmt_number(rest, lang),
        "other": fmt_number(country - trial - rest - known, lang),
    }
    if hidden:
        return t("overview.reconcile_aland_hidden", lang, **values)
    return t("overview.reconcile", lang, aland=fmt_number(known, lang), **values)
