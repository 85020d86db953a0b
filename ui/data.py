"""Cached loaders: each wraps one query with ``st.cache_data`` keyed on the database URL."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pandas as pd
import streamlit as st
from sqlalchemy import Engine

from catalogue import calendar
from data_access import queries
from i18n import LANGS, t
from indicators.views.map import MapValues
from indicators.views.overview import OverviewMonth, OverviewTotals
from indicators.views.profile import ProfileView
from ui.db import DB_ERRORS, RETRY_RESET, database_unavailable, database_url, engine, versioned
from ui.style import DISMISS_JS, LAYOUT_CSS

if TYPE_CHECKING:
    from indicators.area_study import AreaStudy
    from indicators.trial_study import OutcomeData
    from indicators.views.area import AreaView

# Keys carry the data version (ui.db.versioned), so a cached figure is never stale; the TTL
# only returns the memory of views nobody has asked for in a while.
TTL = 6 * 3600


@st.cache_data(ttl=TTL, show_spinner=False)
def observations(
    url: str,
    *,
    indicators: tuple[str, ...],
    level: str,
    codes: tuple[str, ...] | None = None,
    since: str | None = None,
    until: str | None = None,
    months: tuple[str, ...] | None = None,
) -> pd.DataFrame:
    """Cached :func:`data_access.queries.observations`."""
    return queries.observations(
        engine(url),
        indicators=indicators,
        level=level,
        codes=codes,
        since=since,
        until=until,
        months=months,
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def months_covered(url: str, *, indicator: str, level: str) -> list[str]:
    """Cached :func:`data_access.queries.months_covered` (90 % of the areas)."""
    return queries.months_covered(engine(url), indicator=indicator, level=level)


@st.cache_data(ttl=TTL, show_spinner=False)
def months_available(url: str, *, indicator: str, level: str) -> list[str]:
    """Cached :func:`data_access.queries.months_available`."""
    return queries.months_available(engine(url), indicator=indicator, level=level)


def _cached_query(query: Callable[[Engine], pd.DataFrame]) -> Callable[[str], pd.DataFrame]:
    """``query`` (a reference query of :mod:`data_access.queries` that takes only the
    engine) cached for every session, keyed on the database URL with its data version."""

    def load(url: str) -> pd.DataFrame:
        return query(engine(url))

    # Streamlit keys a cache on the function's name and code: give each loader its own name
    load.__name__ = load.__qualname__ = query.__name__
    load.__doc__ = f"Cached :func:`data_access.queries.{query.__name__}`."
    return st.cache_data(ttl=TTL, show_spinner=False)(load)


municipalities = _cached_query(queries.municipalities)
memberships = _cached_query(queries.memberships)
trial_areas = _cached_query(queries.trial_areas)
group_members = _cached_query(queries.group_members)
load_batches = _cached_query(queries.load_batches)
coverage = _cached_query(queries.coverage)
trial_sources = _cached_query(queries.trial_sources)
series_area_codes = _cached_query(queries.series_area_codes)
employment_areas = _cached_query(queries.employment_areas)
published_by_month = _cached_query(queries.published_by_month)


def open_page(page_file: str, prefix: str) -> tuple[str, str]:
    """Start a page: its routing and warm-up, its title and introduction (catalogue entries
    ``<prefix>.title`` and ``<prefix>.intro``); returns the UI language and the data source
    (:func:`source`)."""
    from ui.state import page_start, show_deferred_warnings

    lang = page_start(page_file)
    title = t(f"{prefix}.title", lang)
    set_document(lang, title)
    st.title(title)
    st.caption(t(f"{prefix}.intro", lang))
    show_deferred_warnings()
    return lang, source(lang)


def set_document(lang: str, title: str) -> None:
    """Name the page and the area in the browser's title ("Alueprofiili: Pirkanmaa –
    Seuranta") and give the document the UI language (``<html lang>``, for screen readers
    and hyphenation; Streamlit always writes ``en`` and has no setting for it)."""
    st.set_page_config(page_title=f"{title} – Seuranta")
    if lang in LANGS:  # a code of ours, never text from the address
        st.html(
            f"<script>document.documentElement.lang = '{lang}';</script>{RETRY_RESET}"
            + LAYOUT_CSS
            + DISMISS_JS,
            unsafe_allow_javascript=True,
            width="content",
        )


def source(lang: str) -> str:
    """The key of this run's data: the database URL with its data version (see
    :func:`ui.db.versioned`). A database that cannot be reached gets the friendly message
    and the page stops."""
    try:
        return versioned(database_url())
    except DB_ERRORS as error:
        database_unavailable(lang, error)
        raise  # not reached: database_unavailable stops the page


@contextmanager
def guarded(lang: str) -> Iterator[None]:
    """Turn a database failure inside the block into a friendly message and a retry button."""
    try:
        yield
    except DB_ERRORS as error:
        database_unavailable(lang, error)


@st.cache_data(ttl=TTL, show_spinner=False)
def boundaries(url: str, level: str = "municipality") -> pd.DataFrame:
    """Cached :func:`data_access.queries.boundaries`."""
    return queries.boundaries(engine(url), level=level)


@st.cache_data(ttl=TTL, show_spinner=False)
def month_observations(url: str, *, indicators: tuple[str, ...], month: str) -> pd.DataFrame:
    """Every municipality and merged unit's inputs for one month (for maps)."""
    parts = [
        queries.observations(engine(url), indicators=indicators, level=level, months=[month])
        for level in ("municipality", "municipality_group")
    ]
    return pd.concat(parts, ignore_index=True)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def map_values(
    url: str, *, level: str, indicator: str, month: str, include_unverified: bool, lang: str
) -> MapValues:
    """Cached :func:`indicators.views.map.map_values`: a choropleth's values and texts."""
    from catalogue import definitions
    from indicators.views import map as map_view

    inputs = definitions.series_of(indicator)
    return map_view.map_values(
        month_observations(url, indicators=inputs, month=month),
        group_members(url),
        memberships(url),
        municipalities(url),
        trial_areas(url),
        level=level,
        indicator=indicator,
        month=month,
        include_unverified=include_unverified,
        lang=lang,
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def coverage_note(url: str, lang: str) -> str:
    """Where the data end, in plain words: the national counts (with their vintage) and the
    municipalities' published shares, which run later."""
    from i18n import fmt_day, fmt_month

    counts = queries.months_available(
        engine(url), indicator="unemployed_jobseekers", level="country"
    )
    shares = queries.months_available(
        engine(url), indicator="unemployed_share_pct", level="municipality"
    )
    vintage = queries.series_vintage(
        engine(url), indicator="unemployed_jobseekers", level="country"
    )
    if not counts:
        return ""
    return t(
        "app.coverage_note",
        lang,
        counts_end=fmt_month(counts[-1], lang),
        vintage=fmt_day(vintage, lang) if vintage else "–",
        shares_end=fmt_month(shares[-1], lang) if shares else "–",
    )


@st.cache_data(ttl=TTL, show_spinner=False)
def vintage_text(url: str) -> str:
    """The vintages of the loaded observation sources, newest first, as one line."""
    batches = queries.load_batches(engine(url))
    batches = batches[batches["reader"] != "reference"]
    if batches.empty:
        return "–"
    latest = batches.groupby("source")["vintage"].max().sort_values(ascending=False)
    return "; ".join(f"{source} ({vintage})" for source, vintage in latest.items())


def _evaluation_inputs(url: str, outcome: str) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    from indicators.trial_study import required_indicators

    obs = observations(
        url,
        indicators=required_indicators(outcome),
        level="municipality",
        since=calendar.EVALUATION_DATA_FROM,
    )
    return obs, municipalities(url), memberships(url)


@st.cache_resource(ttl=TTL, show_spinner=False, max_entries=8)
def outcome_data(url: str, *, outcome: str) -> OutcomeData:
    """:func:`indicators.trial_study.prepare_outcome` once per data version and outcome: the
    outcome's panel, shared (not copied) by every evaluation and area study of it, whatever
    the window, comparison group or membership rule. It also keeps the comparison groups
    (the matching) once made; nothing else in it changes after it is made."""
    from indicators.trial_study import prepare_outcome

    obs, munis, _members = _evaluation_inputs(url, outcome)
    return prepare_outcome(obs, munis, outcome)


@st.cache_data(ttl=TTL, show_spinner=False)
def evaluation_last_month(url: str, *, outcome: str) -> str:
    """The latest window end the outcome's data support
    (:func:`indicators.trial_study.last_supported_month`)."""
    return outcome_data(url, outcome=outcome).last_month


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=64)
def evaluation(
    url: str,
    *,
    outcome: str,
    comparison: str,
    start: str,
    end: str,
    include_unverified: bool,
    area: str | None = None,
) -> Any:
    """Cached :func:`indicators.trial_study.evaluate` (with the event study), on the
    outcome's panel prepared once (:func:`outcome_data`)."""
    from indicators.trial_study import evaluate

    ctx = outcome_data(url, outcome=outcome)
    return evaluate(
        ctx.obs,
        ctx.municipalities,
        memberships(url),
        prepared=ctx,
        outcome=outcome,
        comparison=comparison,  # type: ignore[arg-type]
        window=(start, end),
        include_unverified=include_unverified,
        area=area,
    )


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=32)
def area_study(
    url: str, *, outcome: str, comparison: str, start: str, end: str, include_unverified: bool
) -> AreaStudy:
    """Cached :func:`indicators.area_study.evaluate_areas`: every area's synthetic control
    and placebo-inference DiD for one outcome, comparison and window."""
    from indicators.area_study import evaluate_areas

    ctx = outcome_data(url, outcome=outcome)
    groups = observations(url, indicators=(outcome,), level="municipality_group")
    return evaluate_areas(
        ctx.obs,
        ctx.municipalities,
        memberships(url),
        prepared=ctx,
        outcome=outcome,
        comparison_kind=comparison,  # type: ignore[arg-type]
        window=(start, end),
        include_unverified=include_unverified,
        group_obs=groups,
        group_members=group_members(url),
    )


def pooled_evaluations(
    url: str, *, outcome: str, start: str, end: str, include_unverified: bool
) -> dict[str, Any]:
    """The pooled :func:`evaluation` against each comparison group, by group (cached each)."""
    from indicators.comparison import COMPARISONS

    return {
        kind: evaluation(
            url,
            outcome=outcome,
            comparison=kind,
            start=start,
            end=end,
            include_unverified=include_unverified,
        )
        for kind in COMPARISONS
    }


def lead_comparison(
    url: str, *, outcome: str, start: str, end: str, include_unverified: bool
) -> str:
    """The comparison group the evaluation page leads with for these choices (the first
    whose pre-trend test passes, see :func:`indicators.views.evaluation.lead_comparison`)."""
    from indicators.views import evaluation as evaluation_view

    pooled = pooled_evaluations(
        url, outcome=outcome, start=start, end=end, include_unverified=include_unverified
    )
    return evaluation_view.lead_comparison(evaluation_view.comparison_rows(pooled))


def default_area_study(url: str, *, include_unverified: bool) -> AreaStudy:
    """The area study the profiles show: the evaluation page's default view (the unemployed
    share over the default window, against the comparison group the page leads with), so
    that a profile and the page show the same figures."""
    outcome = "unemployed_share_pct"
    start, end = calendar.EVALUATION_WINDOW
    kind = lead_comparison(
        url, outcome=outcome, start=start, end=end, include_unverified=include_unverified
    )
    return area_study(
        url,
        outcome=outcome,
        comparison=kind,
        start=start,
        end=end,
        include_unverified=include_unverified,
    )


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def area_view(url: str, *, area: str, include_unverified: bool, lang: str) -> AreaView:
    """Cached :func:`indicators.views.area.area_view` of the default area study."""
    from indicators.views.area import area_view as build

    study = default_area_study(url, include_unverified=include_unverified)
    return build(study.areas.get(area), municipalities(url), lang, reason=study.failed.get(area))


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def matched_peers(url: str, *, area: str, include_unverified: bool) -> tuple[str, ...]:
    """The area's matched peer municipalities (three nearest of each member, see
    :func:`indicators.comparison.match_peers`); empty when the area cannot be matched."""
    from indicators.comparison import ComparisonError
    from indicators.did import EvaluationError

    try:
        ctx = outcome_data(url, outcome="unemployed_share_pct")
        group = ctx.group(
            "matched", memberships(url), area=area, include_unverified=include_unverified, k=3
        )
    except (ComparisonError, EvaluationError):
        return ()
    return tuple(group.control)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=8)
def overview_totals(
    url: str, *, include_unverified: bool, since: str | None = calendar.OVERVIEW_FIRST_MONTH
) -> OverviewTotals:
    """Cached :func:`indicators.views.overview.overview_totals` from ``since``: every
    month's aggregates behind the overview, computed once for all sessions."""
    from indicators.views import overview

    country = observations(url, indicators=overview.INPUTS, level="country", since=since)
    local = observations(url, indicators=overview.INPUTS, level="municipality", since=since)
    return overview.overview_totals_of(
        country, local, memberships(url), municipalities(url), include_unverified=include_unverified
    )


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=512)
def overview_month(url: str, *, month: str, include_unverified: bool) -> OverviewMonth:
    """Cached :func:`indicators.views.overview.overview_month`: one month's headlines."""
    from indicators.views import overview

    totals = overview_totals(
        url, include_unverified=include_unverified, since=overview.since(month)
    )
    return overview.overview_month(totals, month)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def profile(url: str, *, area: str, indicator: str, include_unverified: bool) -> ProfileView:
    """Cached :func:`indicators.views.profile.profile_view`: an area's series against its
    comparison groups, matched peers and the country, with its rank."""
    from catalogue import definitions
    from indicators.views.profile import profile_view

    inputs = definitions.inputs_of(indicator)
    since = calendar.CHART_FIRST_MONTH
    peers = matched_peers(url, area=area, include_unverified=include_unverified)
    return profile_view(
        observations(url, indicators=inputs, level="municipality", since=since),
        observations(url, indicators=(*inputs, indicator), level="country", since=since),
        memberships(url),
        municipalities(url),
        area=area,
        indicator=indicator,
        include_unverified=include_unverified,
        peers=list(peers) or None,
    )


# --------------------------------------------------------------------------------------------
# The monthly brief


@st.cache_data(ttl=TTL, show_spinner=False)
def brief_months(url: str) -> list[str]:
    """The months a brief can be written for (:func:`indicators.views.brief.brief_months`)."""
    from indicators.views.brief import brief_months as months

    return months(
        months_available(url, indicator="unemployed_jobseekers", level="country"),
        months_available(url, indicator="unemployed_share_pct", level="municipality"),
    )


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=4)
def brief_inputs(url: str, since: str | None) -> Any:
    """Cached :func:`exports.brief.brief_inputs` from ``since``, with the overview's totals and
    the evaluation page's default verdict from their own caches (the same figures as those
    pages)."""
    from dataclasses import replace

    from exports.brief import brief_inputs as read
    from indicators.views.brief import evaluation_summary

    start, end = calendar.EVALUATION_WINDOW
    pooled = pooled_evaluations(
        url, outcome="unemployed_share_pct", start=start, end=end, include_unverified=False
    )
    summary = evaluation_summary(pooled, default_area_study(url, include_unverified=False))
    totals = overview_totals(url, include_unverified=False, since=since)
    return replace(read(engine(url), since=since, totals=totals), evaluation=summary)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=256)
def brief(url: str, *, month: str, lang: str, link: str) -> Any:
    """Cached :func:`indicators.views.brief.brief_view`: the monthly brief of ``month`` in
    ``lang``, citing ``link``."""
    from indicators.views import overview
    from indicators.views.brief import brief_view

    inputs = brief_inputs(url, overview.since(month))
    return brief_view(inputs, lang=lang, month=month, link=link)
