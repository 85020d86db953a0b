"""One formatter: a value prints the same in a table, a legend, a metric, an alt text and a file.

Rounding is half-up on the value as written (statistical tables' convention), through Babel in
the language's format; a change that rounds to zero is ``±0``, never ``−0,0``.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import partial

import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import queries
from exports import ExportMeta, chart_svg
from geo import maps
from i18n import fmt_number, fmt_p, fmt_percent, fmt_signed, fmt_value
from indicators.views import map as map_view


@pytest.mark.parametrize(
    ("value", "decimals", "lang", "text"),
    [
        (0.15, 1, "fi", "0,2"),
        (0.25, 1, "fi", "0,3"),
        (2.5, 0, "en", "3"),
        (-2.5, 0, "en", "\u22123"),
        (1234567.25, 1, "fi", "1\u00a0234\u00a0567,3"),
        (1234.5, 0, "sv", "1\u00a0235"),
        (1234.5, 1, "en", "1,234.5"),
        (-0.04, 1, "fi", "0,0"),
    ],
)
def test_rounding_is_half_up_in_every_language(
    value: float, decimals: int, lang: str, text: str
) -> None:
    assert fmt_number(value, lang, decimals) == text


def test_signs_percentages_and_p_values() -> None:
    assert fmt_signed(-0.04, "fi", 1, "%-yks.") == "±0,0 %-yks."
    assert fmt_signed(6301, "fi") == "+6\u00a0301"
    assert fmt_signed(-3410, "sv") == "\u22123\u00a0410"
    assert fmt_percent(9.75, "fi") == "9,8\u00a0%"
    assert fmt_percent(9.75, "en") == "9.8%"
    assert fmt_p(0.0, "fi") == "< 0,001" and fmt_p(0.0004, "en") == "< 0.001"
    assert fmt_p(None, "sv") == "–" and fmt_p(float("nan"), "fi") == "–"
    assert fmt_value("unemployed_jobseekers", 3.0, "fi", suppressed=True) == ".."


@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_same_value_prints_the_same_everywhere(real_engine: Engine, lang: str) -> None:
    """0.15 % (a made-up test value) in the map's twin table, its legend, its alt text, the
    metric formatter and the SVG export of the map."""
    indicator = "unemployed_share_pct"
    shapes = queries.boundaries(real_engine)
    munis = queries.municipalities(real_engine)
    values = pd.DataFrame(
        {
            "area_code": ["091", "049", "092"],
            "value": [0.15, 0.15, 0.15],
            "suppressed": [False, False, False],
            "rank": [1, 1, 1],
        }
    )
    expected = fmt_value(indicator, 0.15, lang)
    assert expected == {"fi": "0,2\u00a0%", "sv": "0,2\u00a0%", "en": "0.2%"}[lang]
    table = map_view.values_table(values, munis, pd.DataFrame(), "municipality", indicator, lang)
    assert set(table.iloc[:, 1]) == {expected}
    alt = map_view.map_alt(values, indicator, "2021-03", lang)
    assert f"{expected}" in alt
    chart = maps.choropleth(
        values, shapes, lang=lang, value_text=partial(fmt_value, indicator, lang=lang)
    )
    spec = json.dumps(chart.to_dict(), ensure_ascii=False)
    assert expected in spec  # legend class label and tooltip text
    meta = ExportMeta(
        title="test",
        source="test",
        vintage="test",
        view_url="http://127.0.0.1/",
        lang=lang,
        generated_at=datetime(2026, 1, 1, tzinfo=UTC),
    )
    raw = chart_svg(chart, meta)
    svg = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
    assert expected.replace("\u00a0", " ") in svg.replace("\u00a0", " ").replace("&#160;", " ")


def test_a_p_value_in_running_text_never_reads_p_equals_less_than() -> None:
    from i18n import fmt_p_stated
    from i18n.messages import MESSAGES

    assert fmt_p_stated(0.0004, "fi") == "p < 0,001"
    assert fmt_p_stated(0.0164, "sv") == "p = 0,016"
    assert fmt_p_stated(0.25, "en") == "p = 0.250"
    # No template writes "p = {p}" (with fmt_p's "< 0,001" it would read "p = < 0,001")
    for key, entry in MESSAGES.items():
        for text in entry.values():
            forms = text.values() if isinstance(text, dict) else [text]
            assert all("p = {" not in form for form in forms), key


def test_place_names_sort_as_a_finnish_or_swedish_reader_expects() -> None:
    from i18n import sort_key

    names = ["Äänekoski", "Åbo", "akaa", "Ylöjärvi", "Östersundom", "Espoo"]
    assert sorted(names, key=sort_key) == [
        "akaa",
        "Espoo",
        "Ylöjärvi",
        "Åbo",
        "Äänekoski",
        "Östersundom",
    ]


def test_an_areas_members_are_listed_by_name(real_engine: Engine) -> None:
    from data_access import queries
    from i18n import sort_key
    from indicators.views.profile import members_table

    members = queries.memberships(real_engine)
    munis = queries.municipalities(real_engine)
    table = members_table(members[members["area_id"] == "A06"], munis, "sv")
    names = table.iloc[:, 0].tolist()
    assert names == sorted(names, key=sort_key) and len(names) == 22
