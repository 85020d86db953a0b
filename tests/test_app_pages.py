"""Every page in every language, with deep links and tampered links, on the real data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from catalogue import definitions
from i18n import LANGS, fmt_month, t
from i18n.messages import MESSAGES
from tests.conftest import Golden, run_app, sqlite_copy

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted(p.stem for p in (ROOT / "pages").glob("*.py"))
TITLES = {
    "overview": "overview.title",
    "area_profile": "profile.title",
    "map": "map.title",
    "data_methods": "methods.title",
    "evaluation": "evaluation.title",
    "brief": "brief.title",
    "accessibility": "a11y.title",
}


@pytest.fixture
def run(real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)

    return run_app


def test_every_page_file_is_routed() -> None:
    """pages/ holds pages only, and app.py routes each of them under its own stem."""
    source = (ROOT / "app.py").read_text()
    for stem in PAGES:
        assert f'("{stem}", ' in source, f"pages/{stem}.py is not in app.py's navigation"
    assert set(PAGES) <= set(TITLES)


@pytest.mark.shared_caches  # one page's figures serve its three languages, as on a server
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("stem", PAGES)
def test_page_renders_in_each_language(run, stem: str, lang: str) -> None:
    at = run(stem, lang=lang)
    assert not at.exception, at.exception
    assert at.title[0].value == t(TITLES[stem], lang)
    # No message key leaks onto the screen untranslated.
    texts = [
        e.value for e in (*at.markdown, *at.caption, *at.subheader) if isinstance(e.value, str)
    ]
    assert not [x for x in texts if re.fullmatch(r"[a-z_]+\.[a-z_.]+", x)]


def test_profile_deep_link_and_numbers(run) -> None:
    at = run("area_profile", lang="en", area="A01", indicator="unemployed_share_pct")
    assert at.selectbox(key="area").value == "A01"
    # Helsinki alone: October 2023, 100 × 37,666 / its 2023 labour force, as in the CSV.
    import pandas as pd

    csv = pd.read_csv(
        ROOT / "data/labour/tyonv_12r5_municipalities_monthly_2006_2023.csv",
        dtype={"municipality_code": str},
    )
    row = csv[(csv.municipality_code == "091") & (csv.month == "2023-10")].iloc[0]
    expected = 100 * row.unemployed_jobseekers / row.labour_force_statfin
    assert at.metric[0].value == f"{expected:.1f}%"
    member_table = at.dataframe[0].value
    assert member_table["Code"].tolist() == ["091"]


def test_profile_shows_unverified_members(
    run, unverified_sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", unverified_sqlite_url)
    at = run("area_profile", lang="fi", area="A19")
    assert not at.exception, at.exception
    table = at.dataframe[0].value
    assert set(table["Jäsenyys"]) == {"Vahvistamaton"}
    assert any("vahvistettu" in w.value for w in at.warning)
    # Left out of the comparison, so no estimate: the page says why and how to include them.
    assert t("area.no_members", "fi") in [i.value for i in at.info]
    assert not at.metric or "%" in at.metric[0].value  # the headline is still drawn

    included = run("area_profile", lang="fi", area="A19", unverified="1")
    assert not included.exception, included.exception
    assert t("area.no_members", "fi") not in [i.value for i in included.info]


@pytest.mark.parametrize(
    ("stem", "params", "param"),
    [
        ("area_profile", {"area": "A99<script>"}, "area"),
        ("area_profile", {"indicator": "cats"}, "indicator"),
        ("map", {"level": "galaxy"}, "level"),
        ("map", {"month": "1999-99"}, "month"),
        ("overview", {"month": "x' OR 1=1 --"}, "month"),
    ],
)
def test_tampered_links_warn_and_recover(run, stem: str, params: dict, param: str) -> None:
    at = run(stem, lang="en", **params)
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert f"parameter {param}=" in warnings


@pytest.mark.parametrize("lang", ["fi", "en"])
def test_a_valid_month_without_data_is_not_an_invalid_link(run, lang: str) -> None:
    """?month=2024-06 is a trial month the national counts do not reach: "no data yet"."""
    at = run("overview", lang=lang, month="2024-06")
    assert not at.exception
    assert not [w for w in at.warning if "month=" in str(w.value)]
    infos = [str(i.value) for i in at.info]
    assert any(fmt_month("2024-06", lang) in i and fmt_month("2023-10", lang) in i for i in infos)


def test_map_table_matches_the_data(run, golden: Golden) -> None:
    at = run(
        "map", lang="en", level="municipality", indicator="unemployed_jobseekers", month="2021-03"
    )
    table = at.dataframe[0].value.set_index("Name")
    assert table.loc["Helsinki", "Value"] == f"{golden.unemployed('091', '2021-03'):,}"
    # Counts of 1–4 are never shown (exact zeros are, as in Statistics Finland's tables).
    values = [int(v.replace(",", "")) for v in table["Value"] if v not in ("..", "")]
    assert not [v for v in values if 0 < v < 5]
    assert table.loc["Sottunga", "Value"] == "0"


def test_message_catalogue_is_complete() -> None:
    """Every entry has all languages with the same placeholders; a counted entry has the
    same plural forms (one, other) in each language, every form with the same placeholders,
    the count ``{n}`` among them."""
    for key, entry in MESSAGES.items():
        assert set(entry) == set(LANGS), f"{key} lacks {set(LANGS) - set(entry)}"
        counted = {lang: isinstance(entry[lang], dict) for lang in LANGS}
        assert len(set(counted.values())) == 1, f"{key} is counted in some languages only"
        forms = {
            lang: entry[lang] if counted[lang] else {"": entry[lang]}  # type: ignore[dict-item]
            for lang in LANGS
        }
        if counted["fi"]:
            assert all(set(forms[lang]) == {"one", "other"} for lang in LANGS), key
        texts = [text for lang in LANGS for text in forms[lang].values()]
        assert all(isinstance(text, str) and text.strip() for text in texts), key
        placeholders = [set(re.findall(r"{(\w+)}", text)) for text in texts]
        assert all(p == placeholders[0] for p in placeholders), key
        if counted["fi"]:
            assert "n" in placeholders[0], key


def test_every_used_message_exists() -> None:
    used = set()
    for path in [*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"]:
        used |= set(re.findall(r'\bt\(\s*"([a-z_]+\.[a-z_.]+)"', path.read_text()))
    assert used
    missing = sorted(used - set(MESSAGES))
    assert not missing, missing


def test_small_counts_are_suppressed_on_the_map(
    real_sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A purpose-built count of 3 (loaded into a copy of the real database) shows as '..'."""
    from datetime import date

    from data_access.engine import make_engine
    from data_access.loader import LoadItem, load_items

    url = sqlite_copy(real_sqlite_url, tmp_path / "copy.db")
    small = tmp_path / "small.csv"
    small.write_text(
        "indicator,area_level,area_code,month,value\n"
        "unemployed_jobseekers,municipality,766,2023-09,3\n"
        "unemployed_jobseekers,municipality,438,2023-09,0\n"
    )
    engine = make_engine(url)
    with engine.begin() as conn:
        load_items(conn, [LoadItem(path=small, vintage=date(2023, 12, 6), synthetic=True)])
    engine.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    at = run_app(
        "map", lang="en", level="municipality", month="2023-09", indicator="unemployed_jobseekers"
    )
    table = at.dataframe[0].value.set_index("Name")
    assert table.loc["Sottunga", "Value"] == ".."
    assert table.loc["Lumparland", "Value"] == "0"
    # The share computed from that count would reveal it: suppressed too (a derived value)
    at.query_params["indicator"] = "unemployed_share_pct"
    at.session_state["indicator"] = "unemployed_share_pct"
    at.run()
    shares = at.dataframe[0].value.set_index("Name")
    assert shares.loc["Sottunga", "Value"] == ".."
    assert shares.loc["Lumparland", "Value"] == "0.0%"
    # The synthetic batch is flagged on the data page.
    at.switch_page("pages/data_methods.py").run()
    assert any("synthetic" in e.value for e in at.error)


MARKDOWN_PAYLOADS = [
    "![t](http://host.invalid/p.png)",
    "[Log in again](https://host.invalid/login)",
    "**bold** _it_",
    ":red[alarm] :material/warning:",
    "`a``b` <b>x</b>",
    "www.host.invalid",
]


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_link_values_are_never_rendered_as_markdown(run, payload: str) -> None:
    """A tampered value is echoed inside a code span only: no image, link, emphasis,
    directive or HTML from it reaches the warning's Markdown."""
    at = run("overview", lang="en", month=payload)
    assert not at.exception
    [body] = [str(w.value) for w in at.warning if "parameter month=" in str(w.value)]
    spans = re.findall(r"(`+) (.*?) \1", body)
    assert spans and payload[:30] in spans[0][1]
    outside = re.sub(r"(`+) .*? \1", "", body)
    for marker in ("](", "**", ":red[", ":material/", "<b>", "www.", "`"):
        assert marker not in outside, (marker, body)


def test_profile_offers_only_indicators_with_data(run) -> None:
    """Target-group indicators exist for Kangasala and the Hämeenlinna region only: a large
    area without them does not offer them, and says why and how to fill them."""
    at = run("area_profile", lang="en", area="A06")
    assert not at.exception
    options = at.selectbox(key="indicator").options
    assert definitions.get("long_term_share_pct").name("en") not in options
    assert len(options) < 8
    assert any("data_access fetch" in str(c.value) for c in at.caption)


def test_profile_shows_where_the_services_went_in_2025(run) -> None:
    """A06 (Pirkanmaa) was split into three 2025 employment areas (data/SOURCES.md)."""
    at = run("area_profile", lang="fi", area="A06")
    assert not at.exception
    [table] = [d.value for d in at.dataframe if "Työllisyysalue 2025" in d.value.columns]
    codes = {label.rsplit("(", 1)[1].rstrip(")") for label in table["Työllisyysalue 2025"]}
    assert codes == {"TA39", "TA21", "TA06"}
    assert table["Kuntia"].sum() == 22


def test_map_defaults_to_the_latest_month_most_municipalities_have(run) -> None:
    """Open vacancies reach 2025-01 for Kangasala only: the map opens in 2023."""
    at = run("map", lang="en", level="municipality", indicator="open_vacancies")
    assert not at.exception
    assert "2023-01" <= at.selectbox(key="month").value <= "2023-10"


def test_coverage_is_shown_by_period(run) -> None:
    """Municipal counts: 309 municipalities to October 2023, then Kangasala alone."""
    at = run("data_methods", lang="en")
    assert not at.exception
    [catalogue] = [d.value for d in at.dataframe if "Coverage" in d.value.columns]
    row = catalogue.set_index("Code").loc["unemployed_jobseekers", "Coverage"]
    assert row.startswith("309 municipalities Jan 2006–Oct 2023; 1 municipality Nov 2023")


@pytest.mark.parametrize("typed", ["a06", " A06 "])
def test_a_link_code_in_another_case_is_the_same_area(run, typed: str) -> None:
    """``?area=a06`` (a link retyped by hand) opens Pirkanmaa without a warning; a code that
    names no area still warns and falls back."""
    at = run("area_profile", lang="fi", area=typed)
    assert not at.exception
    assert at.selectbox(key="area").value == "A06"
    assert not at.warning
    bad = run("area_profile", lang="fi", area="a99")
    assert bad.selectbox(key="area").value == "A01"
    assert "a99" in str(bad.warning[0].value)
