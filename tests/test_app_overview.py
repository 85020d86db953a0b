"""AppTest of the Overview page on the real data: figures on screen match the data."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from indicators import summary
from tests.conftest import Golden, fi_number, run_app

NBSP = "\u00a0"


@pytest.fixture
def app(real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)

    def make(**params: str) -> AppTest:
        return run_app(timeout=60, **params)

    return make


def metrics(at: AppTest) -> list[tuple[str, str]]:
    return [(m.label, m.value) for m in at.metric]


def test_default_is_the_latest_month_in_finnish(app, golden: Golden) -> None:
    at = app()
    assert not at.exception
    assert at.title[0].value == "Yleiskuva"
    assert at.selectbox(key="month").value == "2023-10"
    values = metrics(at)
    assert values[0] == ("Työttömät työnhakijat", fi_number(golden.unemployed("SSS", "2023-10")))
    assert values[1] == ("Työttömien osuus työvoimasta", f"9,7{NBSP}%")
    # The share chart, the trial-area map and one chart a key-indicator panel.
    assert len(at.get("vega_lite_chart")) == 2 + len(summary.KEY_PANELS)


def test_month_from_the_link(app, golden: Golden) -> None:
    at = app(month="2021-03")
    assert at.selectbox(key="month").value == "2021-03"
    assert metrics(at)[0][1] == fi_number(golden.unemployed("SSS", "2021-03"))
    assert at.query_params["month"] == "2021-03"


def test_changing_the_month_changes_the_figures(app, golden: Golden) -> None:
    at = app()
    at.selectbox(key="month").set_value("2021-03").run()
    assert metrics(at)[0][1] == fi_number(golden.unemployed("SSS", "2021-03"))


def test_swedish_and_english(app, golden: Golden) -> None:
    country = golden.unemployed("SSS", "2021-03")
    sv = app(lang="sv", month="2021-03")
    assert sv.title[0].value == "Översikt"
    assert metrics(sv)[0] == ("Arbetslösa arbetssökande", fi_number(country))
    en = app(lang="en", month="2021-03")
    assert en.title[0].value == "Overview"
    assert metrics(en)[0] == ("Unemployed jobseekers", f"{country:,}")
    # 100 × 331,526 / 2,630,884 (labour force 2021), from the shipped national series.
    assert metrics(en)[1][1] == "12.6%"


def test_tampered_link_warns_and_falls_back(app) -> None:
    at = app(month="2021-13'; DROP TABLE x", lang="xx", unverified="maybe")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert "month" in warnings and "DROP TABLE" in warnings
    assert "unverified" in warnings
    assert at.selectbox(key="month").value == "2023-10"
    # The bad language is named too, under the page's title (the picker reads it first)
    assert "lang" in warnings and "xx" in warnings
    order: list[object] = []

    def walk(node: object) -> None:
        order.append(node)
        for child in getattr(node, "children", {}).values():
            walk(child)

    walk(at.main)
    positions = {id(e): i for i, e in enumerate(order)}
    assert positions[id(at.title[0])] < min(positions[id(w)] for w in at.warning)


def test_unverified_switch_moves_three_municipalities(
    app, unverified_sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", unverified_sqlite_url)
    off = app(month="2021-03")
    on = app(month="2021-03", unverified="true")
    captions_off = " ".join(c.value for c in off.caption)
    assert "115" in captions_off and "Pori" in captions_off
    captions_on = " ".join(c.value for c in on.caption)
    assert "118" in captions_on
    trial_off = int(metrics(off)[2][1].replace(NBSP, ""))
    trial_on = int(metrics(on)[2][1].replace(NBSP, ""))
    assert trial_on > trial_off


def test_chart_data_is_the_share_series(app) -> None:
    at = app(lang="en", month="2021-03")
    chart = at.get("vega_lite_chart")[0].proto
    data = b"".join(d.data.data for d in chart.datasets)
    assert b"Trial starts" in data and b"Nordic jobseeker service model" in data
    assert b"Trial municipalities" in data and b"Whole country" in data


def test_every_chart_names_its_events_and_the_panels_have_room(app) -> None:
    """Every chart's event marks carry their words (no "undefined" on the key indicators),
    and a key-indicator panel keeps its height for the plot (Streamlit's default autosize
    squeezed the plot under the legend to a few pixels)."""
    import json

    at = app(lang="fi", month="2023-10")
    charts = at.get("vega_lite_chart")
    for chart in charts:
        data = b"".join(d.data.data for d in chart.proto.datasets).decode("utf-8", "replace")
        spec = json.dumps(json.loads(chart.proto.spec))
        if '"temporal"' in spec:  # every time chart (not the map)
            assert "Kokeilu alkaa" in data + spec and "undefined" not in data
    panels = [json.loads(c.proto.spec) for c in charts[2:]]
    assert len(panels) == len(summary.KEY_PANELS)
    # The height is the plot's: the width fits the column, the legend comes on top
    assert all(p["autosize"]["type"] == "fit-x" and p["height"] >= 150 for p in panels)


def test_delta_arrows_follow_the_sign_and_fewer_unemployed_is_green(app, golden: Golden) -> None:
    """The deltas are written with the typographic minus; the arrow and colour still follow
    the sign (May 2022: 3,410 fewer unemployed than in April nationally)."""
    from streamlit.proto.Metric_pb2 import Metric

    at = app(month="2022-05")
    country = at.metric[0]
    assert country.value == fi_number(golden.unemployed("SSS", "2022-05"))
    assert country.delta.startswith("−3")
    assert country.proto.direction == Metric.MetricDirection.DOWN
    assert country.proto.color == Metric.MetricColor.GREEN
    # A month when unemployment rose: up and red (2020-03 → 2020-04, the pandemic).
    rose = app(month="2020-04").metric[0]
    assert not rose.delta.startswith("−")
    assert rose.proto.direction == Metric.MetricDirection.UP
    assert rose.proto.color == Metric.MetricColor.RED


def test_a_month_before_2019_matches_the_direct_computation(app, real_sqlite_url: str) -> None:
    """Months before the charts' start come from the whole-history totals: the same figures
    as a computation from that month's own observations."""
    from data_access import queries
    from data_access.engine import make_engine
    from i18n import fmt_number
    from indicators.comparison import aland_codes
    from indicators.views import overview

    engine = make_engine(real_sqlite_url)
    inputs = ("unemployed_jobseekers", "labour_force", "open_vacancies")
    country = queries.observations(engine, indicators=inputs, level="country", since="2011-01")
    local = queries.observations(engine, indicators=inputs, level="municipality", since="2011-01")
    members, munis = queries.memberships(engine), queries.municipalities(engine)
    engine.dispose()
    # The direct computation: only that month and the one before it
    months = ["2012-05", "2012-06"]
    country, local = (f[f["month"].isin(months)] for f in (country, local))
    totals = overview.overview_totals(
        country,
        local,
        members,
        munis["code"],
        include_unverified=False,
        aland=aland_codes(munis),
    )
    heads = overview.overview_month(totals, "2012-06").heads
    at = app(month="2012-06")
    assert not at.exception
    shown = [m.value for m in at.metric]
    assert shown[0] == fmt_number(heads["country"].unemployed, "fi")
    assert shown[2] == fmt_number(heads["trial"].unemployed, "fi")
    assert shown[4] == fmt_number(heads["rest"].unemployed, "fi")


def test_the_headline_tells_the_story_and_the_cards_reconcile(app) -> None:
    at = app(lang="en", month="2023-10")
    assert not at.exception
    values = {m.label: m for m in at.metric}
    assert any("on a year" in str(m.delta) for m in at.metric)
    numbers = [
        int(m.value.replace(",", "")) for m in at.metric if m.label == "Unemployed jobseekers"
    ]
    country, trial, rest = numbers
    story = " ".join(str(m.value) for m in at.markdown)
    assert "In October 2023 the unemployment share was" in story
    assert "percentage points" in story and "Over the year" in story
    [reconcile] = [c.value for c in at.caption if str(c.value).startswith("Whole country")]
    other = country - trial - rest
    assert f"{country:,}" in reconcile and f"{trial:,}" in reconcile and f"{other:,}" in reconcile
    # Five Åland figures are suppressed in 2023-10: no Åland total, so it is named, not "0"
    assert "in Åland" in reconcile and "Åland 0" not in reconcile
    assert values  # the cards are there


def test_back_and_forward_move_the_widgets_and_only_own_parameters_stay(app) -> None:
    """When the address changes under a session (Back or Forward), the widget follows the
    address instead of its remembered value; a parameter of another page is dropped."""
    at = app(lang="en", month="2022-06", comparison="same_regions")
    assert at.selectbox(key="month").value == "2022-06"
    assert "comparison" not in at.query_params
    at.query_params["month"] = "2021-03"  # what the browser's Back does to the address
    at.run()
    assert not at.exception
    assert at.selectbox(key="month").value == "2021-03"
