"""Property-based fuzzing: the query functions and the URL state never fail on hostile text.

The queries run on the real embedded data (SQLite, built once per session) with arbitrary text
for every argument a page could pass on: quotes, semicolons, SQL, any Unicode, NUL bytes. The
app runs through Streamlit's AppTest with hypothesis-made links. Every run is derandomised, so
a failure reproduces.
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Engine

from data_access import migrate, queries
from data_access.engine import make_engine
from i18n import DEFAULT_LANG, normalise_lang, t
from indicators.comparison import COMPARISONS
from indicators.trial_study import OUTCOMES
from indicators.views import map as map_view
from tests.conftest import Golden, run_app
from ui.state import MONTH

FAST = settings(
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
HOSTILE = [
    "",
    " ",
    "'",
    '"',
    ";",
    "%",
    "_",
    "\\",
    "' OR 1=1 --",
    "091'; DROP TABLE observations;--",
    '"; DELETE FROM observations; --',
    "=cmd|' /C calc'!A0",
    "\x00",
    "091\x00",
    "ÄÖÅ äöå",
    "漢字",
    "🙂",
    "\u202e091",
    "x" * 300,
]
INDICATORS = ["unemployed_jobseekers", "labour_force", "unemployed_share_pct", "open_vacancies"]
LEVELS = ["country", "region", "subregion", "ely", "municipality", "municipality_group"]
CODES = ["SSS", "MK01", "MK02", "091", "049", "507+588"]
MONTHS = ["2019-01", "2021-03", "2023-10", "2024-12"]


def mixed(valid: list[str]) -> st.SearchStrategy[str]:
    """A valid value, a hostile one, or any text at all (NUL and astral characters included)."""
    return st.one_of(st.sampled_from(valid), st.sampled_from(HOSTILE), st.text(max_size=24))


@pytest.fixture(scope="module")
def real(real_sqlite_url: str) -> Iterator[Engine]:
    """A read-only engine on the real data, as the app opens it."""
    engine = make_engine(real_sqlite_url, read_only=True)
    yield engine
    engine.dispose()


def check_observations(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == queries.OBS_COLUMNS
    assert frame["value"].dtype == "float64"
    assert frame["suppressed"].dtype == bool
    assert frame["preliminary"].dtype == bool


def test_queries_find_the_real_data(real: Engine, golden: Golden) -> None:
    """The fuzzed queries can return rows: the properties below are not vacuous."""
    frame = queries.observations(
        real, indicators=["unemployed_jobseekers"], level="country", months=["2021-03"]
    )
    check_observations(frame)
    assert frame["value"].tolist() == [golden.unemployed("SSS", "2021-03")]
    assert "2021-03" in queries.months_available(
        real, indicator="unemployed_jobseekers", level="municipality"
    )
    assert len(queries.boundaries(real, level="region")) == 19


@settings(FAST, max_examples=40)
@given(
    indicators=st.lists(mixed(INDICATORS), max_size=3),
    level=mixed(LEVELS),
    codes=st.none() | st.lists(mixed(CODES), max_size=4),
    months=st.none() | st.lists(mixed(MONTHS), max_size=3),
    since=st.none() | mixed(MONTHS),
    until=st.none() | mixed(MONTHS),
    organiser=mixed(["all", "municipal", "te_office"]),
    target_group=mixed(["all", "under30"]),
)
def test_observations_take_any_text(
    real: Engine,
    indicators: list[str],
    level: str,
    codes: list[str] | None,
    months: list[str] | None,
    since: str | None,
    until: str | None,
    organiser: str,
    target_group: str,
) -> None:
    if level != "country" and codes is None and months is None:
        months = ["2021-03"]  # every area over every month is slow and adds nothing here
    frame = queries.observations(
        real,
        indicators=indicators,
        level=level,
        codes=codes,
        months=months,
        since=since,
        until=until,
        organiser=organiser,
        target_group=target_group,
    )
    check_observations(frame)
    # The text went in as bound parameters: the rows match the filters exactly.
    assert set(frame["indicator"]) <= set(indicators)
    assert (frame["area_level"] == level).all()
    if codes is not None:
        assert set(frame["area_code"]) <= set(codes)
    if months is not None:
        assert set(frame["month"]) <= set(months)
    if since is not None:
        assert (frame["month"] >= since).all()
    if until is not None:
        assert (frame["month"] <= until).all()


@settings(FAST, max_examples=40)
@given(indicator=mixed(INDICATORS), level=mixed(LEVELS))
def test_months_available_take_any_text(real: Engine, indicator: str, level: str) -> None:
    months = queries.months_available(real, indicator=indicator, level=level)
    assert isinstance(months, list)
    assert months == sorted(set(months))
    assert all(isinstance(m, str) and len(m) == 7 for m in months)


@settings(FAST, max_examples=25)
@given(level=mixed(["municipality", "region"]))
def test_boundaries_take_any_text(real: Engine, level: str) -> None:
    frame = queries.boundaries(real, level=level)
    assert list(frame.columns) == [
        "area_code",
        "name_fi",
        "name_sv",
        "land_area_km2",
        "total_area_km2",
        "geometry",
    ]
    assert frame.empty == (level not in ("municipality", "region"))


NUL_CALLS = {
    "observations-indicator": lambda e: queries.observations(
        e, indicators=["unemployed_jobseekers\x00"], level="country"
    ),
    "months_available-level": lambda e: queries.months_available(
        e, indicator="unemployed_jobseekers", level="country\x00"
    ),
    "boundaries-level": lambda e: queries.boundaries(e, level="municipality\x00"),
}


@pytest.mark.parametrize("call", sorted(NUL_CALLS))
def test_nul_in_query_text_on_postgresql(postgresql_url: str, call: str) -> None:
    """Queries answer text with a NUL byte like any unknown code: no rows, on both backends."""
    engine = make_engine(postgresql_url, read_only=False)
    try:
        migrate.upgrade(engine)
        result = NUL_CALLS[call](engine)
    finally:
        engine.dispose()
    assert len(result) == 0


# --- the URL state, through the whole app -------------------------------------------------

TITLES = {"overview": "overview.title", "area_profile": "profile.title", "map": "map.title"}
URL_VALUES = {
    "month": ["2021-03", "2023-10", "2019-01", "1999-99"],
    "area": ["A01", "A19", "A25a", "A25b"],
    "indicator": ["unemployed_share_pct", "unemployed_jobseekers", "open_vacancies"],
    "lang": ["fi", "sv", "en", "SV"],
    "level": ["organiser", "municipality", "area"],
    "unverified": ["true", "false", "1", "0", "TRUE"],
    "outcome": list(OUTCOMES),
    "comparison": list(COMPARISONS),
    "from": ["2019-01", "2021-03"],
    "to": ["2024-12", "2023-12"],
    "classes": list(map_view.CLASSIFICATIONS),
}
LINKS = st.fixed_dictionaries(
    {},
    optional={
        key: st.one_of(st.sampled_from(valid), st.sampled_from(HOSTILE), st.text(max_size=30))
        for key, valid in URL_VALUES.items()
    },
)
# AppTest runs take one to several seconds each: the heavier pages get fewer links.
EXAMPLES = {"overview": 4, "area_profile": 4, "map": 8}


@pytest.fixture(scope="module")
def url_options(real: Engine) -> dict[str, dict[str, set[str]]]:
    """Page → the URL keys whose options do not depend on other keys, and those options."""
    areas = queries.trial_areas(real)
    return {
        "overview": {
            "month": set(
                queries.months_available(real, indicator="unemployed_jobseekers", level="country")
            )
        },
        "area_profile": {
            "area": set(areas.loc[areas["status"] != "not_in_trial", "area_id"]),
        },
        "map": {
            "level": {"organiser", "municipality", "area"},
            "indicator": set(map_view.MAP_INDICATORS),
            "classes": set(map_view.CLASSIFICATIONS),
        },
    }


def expected_warnings(options: dict[str, set[str]], link: dict[str, str]) -> set[str]:
    """URL keys whose value the page must reject with a warning."""
    bad = set()
    if normalise_lang(link.get("lang", "fi")) is None:
        bad.add("lang")
    if link.get("unverified", "true").lower() not in {"true", "false", "1", "0"}:
        bad.add("unverified")
    for key, valid in options.items():
        if key in link and link[key] not in valid and not MONTH.fullmatch(link[key]):
            bad.add(key)
    return bad


@pytest.mark.parametrize("stem", sorted(TITLES))
def test_any_link_shows_the_page(
    real_sqlite_url: str,
    url_options: dict[str, dict[str, set[str]]],
    monkeypatch: pytest.MonkeyPatch,
    stem: str,
) -> None:
    """No link raises: the page has its title, and each bad value a warning naming it."""
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)

    @settings(FAST, max_examples=EXAMPLES[stem])
    @given(link=LINKS)
    def check(link: dict[str, str]) -> None:
        at = run_app(stem, **link)
        assert not at.exception, [e.value for e in at.exception]
        lang = normalise_lang(link.get("lang")) or DEFAULT_LANG
        assert at.title and at.title[0].value == t(TITLES[stem], lang)
        warnings = " ".join(str(w.value) for w in at.warning)
        for key in expected_warnings(url_options[stem], link):
            assert f" {key}=" in warnings, (key, link, warnings)

    check()
