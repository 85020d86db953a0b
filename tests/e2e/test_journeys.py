"""The three users' journeys in a real browser, with the downloaded files checked."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pandas as pd
import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Golden, fi_number
from tests.e2e.conftest import start_server, stop_server
from tests.e2e.test_overview_browser import chart_drawn

pytestmark = pytest.mark.e2e


def test_leadership_opens_the_overview_and_drills_into_an_area(
    page: Page, app_url: str, golden: Golden
) -> None:
    page.goto(f"{app_url}/?lang=fi&month=2023-10")
    chart_drawn(page)
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(
        fi_number(golden.unemployed("SSS", "2023-10"))
    )
    # "What changed": each area links to its profile.
    link = page.get_by_test_id("stPageLink").first.locator("a")
    area = re.search(r"area=(\w+)", link.get_attribute("href") or "")
    assert area, "the area link carries its area in the address"
    link.click()
    expect(page.get_by_role("heading", name="Alueprofiili")).to_be_visible(timeout=30_000)
    chart_drawn(page)
    assert f"area={area[1]}" in page.url
    expect(page.get_by_role("combobox", name="Kokeilualue")).to_have_value(
        re.compile(rf"\({area[1]}\)$")
    )


def test_coordinator_arrives_by_link_switches_to_swedish_and_downloads_svg(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    page.goto(f"{app_url}/area_profile?area=A06&lang=fi")
    expect(page.get_by_role("heading", name="Alueprofiili")).to_be_visible(timeout=30_000)
    chart_drawn(page)
    page.get_by_test_id("stSidebar").get_by_text("Svenska", exact=True).click()
    expect(page.get_by_role("heading", name="Områdesprofil")).to_be_visible(timeout=30_000)
    chart_drawn(page)
    assert re.search(r"lang=sv", page.url) and re.search(r"area=A06", page.url)
    # Every select box shows its value in Swedish at once, not the Finnish label it had
    expect(page.get_by_role("combobox", name="Försöksområde")).to_have_value(
        "Birkaland (Tammerforsregionen) (A06)", timeout=30_000
    )
    expect(page.get_by_role("combobox", name="Indikator")).to_have_value(
        "Arbetslösas andel av arbetskraften"
    )
    # The coverage note comes after the download buttons: once it is Swedish, so are they.
    expect(page.get_by_text("En grupps tal anges")).to_be_visible(timeout=30_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="SVG").first.click()
    path = tmp_path / "chart.svg"
    info.value.save_as(path)
    svg = path.read_text(encoding="utf-8")
    assert svg.lstrip().startswith(("<svg", "<?xml"))
    assert "Källa" in svg  # the provenance footer, in Swedish
    assert "area=A06" in svg and "lang=sv" in svg  # cite this view
    assert "Birkaland" in svg  # the area's Swedish name in the title
    assert svg.count("<path") > 3


def test_researcher_changes_the_comparison_group_and_downloads_the_data(
    page: Page, app_url: str, tmp_path: Path
) -> None:
    page.goto(f"{app_url}/evaluation?lang=en")
    expect(page.get_by_role("heading", name="Comparison and evaluation")).to_be_visible(
        timeout=30_000
    )
    heading = "By area: difference in differences and synthetic control"
    expect(page.get_by_text(heading)).to_be_visible(timeout=120_000)
    page.get_by_test_id("stSelectbox").nth(1).click()
    page.get_by_role("option", name="Other municipalities of the same regions").click()
    page.wait_for_function(
        "() => location.search.includes('comparison=same_regions')", timeout=60_000
    )
    # The page shows the previous estimates until the new ones are computed: wait until the
    # run is over (Streamlit marks its root), then take the per-area CSV of the new view.
    page.wait_for_function(
        """() => !!document.querySelector(
            '[data-testid="stApp"][data-test-script-state="notRunning"]')""",
        timeout=240_000,
    )
    expect(page.get_by_text(heading)).to_be_visible(timeout=60_000)
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="CSV").last.click()
    path = tmp_path / "areas.csv"
    info.value.save_as(path)
    chart_drawn(page)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "comparison=same_regions" in text  # the view's link in the metadata
    table = pd.read_csv(io.StringIO(text), comment="#")
    assert len(table) >= 24
    assert {"Area", "DiD (pp)", "DiD p (placebos)", "Synthetic control: p"} <= set(table)
    helsinki = table[table["Area"] == "Helsinki (A01)"].iloc[0]
    assert helsinki["Municipalities"] == 1


def test_a_deep_link_on_a_fresh_server_gets_the_whole_app(page: Page, real_sqlite_url: str) -> None:
    """The first request to a new server is a deep link: it still runs inside app.py."""
    process, url = start_server(real_sqlite_url)
    try:
        page.goto(f"{url}/area_profile?area=A06&lang=sv")
        expect(page.get_by_role("heading", name="Områdesprofil")).to_be_visible(timeout=30_000)
        sidebar = page.get_by_test_id("stSidebar")
        expect(sidebar.get_by_text("Språk")).to_be_visible()
        nav = page.get_by_test_id("stSidebarNav").inner_text()
        assert "Översikt" in nav and "Karta" in nav
        assert not re.search(r"\bapp\b", nav)
        expect(page.get_by_role("combobox", name="Försöksområde")).to_have_value(
            re.compile(r"\(A06\)$")
        )
    finally:
        stop_server(process)


def test_a_click_on_the_map_opens_the_area_profile(page: Page, app_url: str) -> None:
    """Who organised the services: clicking Lapland (trial area A23) opens its profile."""
    page.goto(f"{app_url}/map?lang=en&level=organiser&month=2022-06")
    expect(page.get_by_role("heading", name="Map")).to_be_visible(timeout=30_000)
    chart = page.get_by_test_id("stVegaLiteChart").first
    expect(chart.locator("svg").first).to_be_visible(timeout=60_000)
    page.wait_for_timeout(1500)  # Vega draws after the run
    box = chart.bounding_box()
    assert box is not None
    page.mouse.click(box["x"] + box["width"] * 0.57, box["y"] + box["height"] * 0.30)
    page.wait_for_url(re.compile(r"/area_profile\?.*area=A23"), timeout=60_000)
    expect(page.get_by_role("heading", name="Area profile")).to_be_visible(timeout=30_000)
