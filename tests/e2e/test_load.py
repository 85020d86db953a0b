"""The load test's WebSocket client against the app served on the real data."""

from __future__ import annotations

import pytest

from scripts import loadtest


@pytest.mark.e2e
def test_protocol_sessions_walk_every_journey_without_errors(app_url: str) -> None:
    """A short run of the WebSocket client against the app on the real data: every
    interaction of every journey succeeds and checks what the page shows (four sessions:
    each starts with another of the four journeys)."""
    result = loadtest.run_sync(
        loadtest.run_load(app_url, sessions=4, seconds=6, client="protocol", think=0.2, warm=())
    )
    assert not result.errors, result.summary()
    actions = {f"{s.journey}/{s.action}" for s in result.samples}
    assert actions >= {
        "overview/open",
        "overview/change month",
        "area_profile/open by link",
        "area_profile/switch to Swedish",
        "map/open",
        "map/change level",
        "data_methods/open",
    }
