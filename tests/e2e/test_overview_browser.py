"""The Overview page in a real browser: the chart draws, and the month drives the figures."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import Golden, fi_number

pytestmark = pytest.mark.e2e


def chart_drawn(page: Page) -> None:
    """Wait until Vega has drawn marks (a canvas with pixels or an SVG with paths)."""
    page.wait_for_function(
        """() => {
            const c = document.querySelector('.vega-embed canvas');
            if (c && c.width > 100 && c.height > 100) {
                const ctx = c.getContext('2d');
                const d = ctx.getImageData(0, 0, c.width, c.height).data;
                let painted = 0;
                for (let i = 3; i < d.length; i += 4 * 7) { if (d[i] > 0) painted++; }
                return painted > 100;
            }
            const marks = document.querySelectorAll(
                '.vega-embed svg .role-mark path, .vega-embed svg .role-mark line');
            return marks.length > 3;
        }""",
        timeout=30_000,
    )


def test_overview_draws_and_month_changes_headline(
    page: Page, app_url: str, golden: Golden
) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(f"{app_url}/?lang=fi")
    chart_drawn(page)
    headline = page.get_by_test_id("stMetricValue").first
    expect(headline).to_have_text(fi_number(golden.unemployed("SSS", "2023-10")))

    page.get_by_test_id("stSelectbox").first.click()
    page.keyboard.type("maaliskuu 2021")
    page.get_by_role("option", name="maaliskuu 2021").click()
    expect(headline).to_have_text(fi_number(golden.unemployed("SSS", "2021-03")), timeout=15_000)
    chart_drawn(page)
    assert re.search(r"month=2021-03", page.url)
    assert errors == []


def test_deep_link_in_swedish(page: Page, app_url: str, golden: Golden) -> None:
    page.goto(f"{app_url}/?lang=sv&month=2021-03")
    chart_drawn(page)
    expect(page.get_by_role("heading", name="Översikt")).to_be_visible()
    expect(page.get_by_test_id("stMetricValue").first).to_have_text(
        fi_number(golden.unemployed("SSS", "2021-03"))
    )


def test_a_month_change_does_not_send_the_map_again(page: Page, app_url: str) -> None:
    """The map changes only with the memberships in force: a month change within them keeps
    the drawn map and sends far less than its 200 kB spec (issue 13 item 2)."""
    received: list[int] = []
    page.on(
        "websocket",
        lambda ws: ws.on(
            "framereceived",
            lambda payload: received.append(len(payload) if isinstance(payload, bytes) else 0),
        ),
    )
    page.goto(f"{app_url}/?lang=fi&month=2023-10")
    chart_drawn(page)
    page.wait_for_timeout(3000)
    charts = page.get_by_test_id("stVegaLiteChart").count()
    before = sum(received)
    page.get_by_test_id("stSelectbox").first.click()
    page.keyboard.type("syyskuu 2023")
    page.get_by_role("option", name="syyskuu 2023").click()
    expect(page.get_by_role("heading", name=re.compile("syyskuu 2023"))).to_have_count(2)
    page.wait_for_timeout(3000)
    assert page.get_by_test_id("stVegaLiteChart").count() == charts
    assert sum(received) - before < 120_000
