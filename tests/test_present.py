"""Presentation helpers that decide what a figure looks like."""

from __future__ import annotations

import math

import pytest

from ui.present import delta_style


@pytest.mark.parametrize(
    ("change", "better", "expected"),
    [
        (-3410.0, "lower", {"delta_color": "green", "delta_arrow": "down"}),
        (2.5, "lower", {"delta_color": "red", "delta_arrow": "up"}),
        (2.5, "higher", {"delta_color": "green", "delta_arrow": "up"}),
        (-0.1, "higher", {"delta_color": "red", "delta_arrow": "down"}),
        (-0.1, None, {"delta_color": "gray", "delta_arrow": "down"}),
        (0.0, "lower", {"delta_color": "gray", "delta_arrow": "off"}),
        (math.nan, "lower", {"delta_color": "gray", "delta_arrow": "off"}),
        (None, "lower", {"delta_color": "gray", "delta_arrow": "off"}),
    ],
)
def test_delta_style_follows_the_sign_and_the_good_direction(
    change: float | None, better: str | None, expected: dict[str, str]
) -> None:
    assert delta_style(change, better) == expected
