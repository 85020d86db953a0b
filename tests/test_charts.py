"""Every chart builder of ``indicators/charts.py`` checked through ``.to_dict()``.

The builders of ``geo/maps.py`` are checked the same way in ``tests/test_geo.py``; the last test
here fails when a builder is added to either module without such a test.
"""

from __future__ import annotations

import inspect
from pathlib import Path
from typing import Any

import altair as alt
import pandas as pd
import pytest

from geo import maps
from i18n import vega_locale
from indicators import charts
from indicators.charts import (
    PALETTE,
    event_study_chart,
    forest_chart,
    line_chart,
    small_multiples,
)

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = "https://vega.github.io/schema/vega-lite/v6"
# The builders and the test files holding their ``.to_dict()`` tests.
TESTED = {
    (charts, "line_chart"): "tests/test_charts.py",
    (charts, "small_multiples"): "tests/test_charts.py",
    (charts, "event_study_chart"): "tests/test_charts.py",
    (charts, "forest_chart"): "tests/test_charts.py",
    (charts, "placebo_chart"): "tests/test_charts.py",
    (maps, "trial_area_map"): "tests/test_geo.py",
    (maps, "choropleth"): "tests/test_geo.py",
}


def _series(panels: bool = False) -> pd.DataFrame:
    frame = pd.DataFrame(
        {
            "month": ["2020-12", "2021-03", "2021-06"] * 2,
            "series": ["Koko maa"] * 3 + ["Kokeilualueet"] * 3,
            "value": [9.5, 10.1, 8.7, 10.2, 9.9, 9.0],
        }
    )
    if panels:
        frame = pd.concat(
            [frame.assign(panel="Työttömät"), frame.assign(panel="Avoimet", value=frame.value * 2)],
            ignore_index=True,
        )
    return frame


def _effects() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "rel_period": [-2, -1, 0, 1, 2],
            "estimate": [0.1, 0.0, -0.2, -0.3, -0.4],
            "std_error": [0.1, 0.0, 0.1, 0.1, 0.1],
            "ci_low": [-0.1, 0.0, -0.4, -0.5, -0.6],
            "ci_high": [0.3, 0.0, 0.0, -0.1, -0.2],
        }
    )


def _assert_top(spec: dict[str, Any], *, height: int, lang: str) -> None:
    """A Vega-Lite spec of ``height`` px as wide as its container, in the locale of ``lang``."""
    assert spec["$schema"].startswith(SCHEMA)
    assert spec["height"] == height and spec["width"] == "container"
    assert spec["config"]["locale"] == vega_locale(lang)


def _layers(spec: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["layer"]


def _marks(layers: list[dict[str, Any]]) -> list[str]:
    return [layer["mark"]["type"] for layer in layers]


def _tooltips(encoding: dict[str, Any]) -> list[tuple[str, str, str, str | None]]:
    return [(t["field"], t["type"], t["title"], t.get("format")) for t in encoding["tooltip"]]


def _data(spec: dict[str, Any], layer: dict[str, Any]) -> list[dict[str, Any]]:
    return spec["datasets"][layer["data"]["name"]]


def test_line_chart_spec() -> None:
    events = pd.DataFrame({"month": ["2021-03"], "label": ["Kokeilu alkaa"]})
    spec = line_chart(
        _series(),
        y_title="Osuus (%)",
        x_title="Kuukausi",
        series_title="Sarja",
        value_format=",.1f",
        events=events,
        highlight_month="2021-06",
        series_order=["Kokeilualueet", "Koko maa"],
        height=280,
        locale=vega_locale("fi"),
    ).to_dict()
    _assert_top(spec, height=280, lang="fi")
    layers = _layers(spec)
    assert _marks(layers) == ["line", "rule", "text", "rule"]
    line = layers[0]["encoding"]
    assert line["x"] == {
        "field": "date",
        "type": "temporal",
        "title": "Kuukausi",
        "axis": {"format": "%Y", "tickCount": "year"},
    }
    assert line["y"]["field"] == "value" and line["y"]["type"] == "quantitative"
    assert line["y"]["title"] == "Osuus (%)" and line["y"]["axis"]["format"] == ",.1f"
    assert line["y"]["scale"] == {"zero": False}
    # The given order decides both the legend and the colours.
    assert line["color"]["type"] == "nominal" and line["color"]["title"] == "Sarja"
    assert line["color"]["sort"] == ["Kokeilualueet", "Koko maa"]
    assert line["color"]["scale"] == {
        "domain": ["Kokeilualueet", "Koko maa"],
        "range": PALETTE[:2],
    }
    assert _tooltips(line) == [
        ("series", "nominal", "Sarja", None),
        ("date", "temporal", "Kuukausi", "%m/%Y"),
        ("value", "quantitative", "Osuus (%)", ",.1f"),
    ]
    # Months become the first of the month, for the temporal axis and the rules alike; the
    # months between the given ones are there without a value, so the line breaks at gaps.
    rows = _data(spec, layers[0])
    assert {row["date"] for row in rows if row["value"] is not None} == {
        "2020-12-01",
        "2021-03-01",
        "2021-06-01",
    }
    assert {row["date"] for row in rows if row["value"] is None} >= {"2021-01-01", "2021-05-01"}
    assert _data(spec, layers[1]) == [
        {"month": "2021-03", "label": "Kokeilu alkaa", "date": "2021-03-01", "lane": 0}
    ]
    assert layers[1]["mark"]["strokeDash"] == [4, 3]
    assert layers[2]["encoding"]["text"] == {"field": "label", "type": "nominal"}
    assert _data(spec, layers[3]) == [{"date": "2021-06-01"}]


def test_line_chart_without_events_or_locale() -> None:
    spec = line_chart(_series(), y_title="y", x_title="x", series_title="s").to_dict()
    assert _marks(_layers(spec)) == ["line"]
    assert "locale" not in spec["config"]
    # Without an order the series keep their order of appearance.
    assert _layers(spec)[0]["encoding"]["color"]["sort"] == ["Koko maa", "Kokeilualueet"]
    empty = line_chart(
        _series(), y_title="y", x_title="x", series_title="s", events=pd.DataFrame()
    ).to_dict()
    assert _marks(_layers(empty)) == ["line"]


def test_small_multiples_spec() -> None:
    events = pd.DataFrame({"month": ["2021-03", "2021-03", "2020-12"]})
    spec = small_multiples(
        _series(panels=True),
        x_title="Kuukausi",
        series_title="Sarja",
        series_order=["Koko maa", "Kokeilualueet"],
        columns=3,
        events=events,
        locale=vega_locale("sv"),
    ).to_dict()
    assert spec["$schema"].startswith(SCHEMA)
    assert spec["config"]["locale"] == vega_locale("sv")
    assert spec["facet"]["field"] == "panel" and spec["facet"]["type"] == "nominal"
    assert spec["facet"]["title"] is None
    assert spec["columns"] == 3
    assert spec["resolve"] == {"scale": {"y": "independent"}}  # each panel its own y scale
    inner = spec["spec"]
    assert inner["width"] == 300 and inner["height"] == 150
    layers = inner["layer"]
    assert _marks(layers) == ["line", "rule"]
    line = layers[0]["encoding"]
    assert line["x"]["field"] == "date" and line["x"]["type"] == "temporal"
    assert line["x"]["title"] == "Kuukausi"
    assert line["y"]["field"] == "value" and line["y"]["type"] == "quantitative"
    assert line["y"]["title"] is None
    assert line["color"]["title"] == "Sarja"
    assert line["color"]["scale"]["domain"] == ["Koko maa", "Kokeilualueet"]
    assert _tooltips(line) == [
        ("panel", "nominal", "", None),
        ("series", "nominal", "Sarja", None),
        ("date", "temporal", "Kuukausi", "%m/%Y"),
        ("value", "quantitative", "", ",.1f"),
    ]
    # One dashed rule per distinct event month, drawn from the panels' own data: the rows of
    # the event months are marked, and the rules filter on the mark.
    assert layers[1]["transform"] == [{"filter": "datum.event"}]
    rows = spec["datasets"][spec["data"]["name"]]
    assert {r["month"] for r in rows if r["event"]} == {"2020-12", "2021-03"}
    assert len(rows) == 12 and {r["panel"] for r in rows} == {"Työttömät", "Avoimet"}


def test_small_multiples_without_events() -> None:
    spec = small_multiples(
        _series(panels=True), x_title="x", series_title="s", series_order=["Koko maa"]
    ).to_dict()
    assert _marks(spec["spec"]["layer"]) == ["line"]
    assert spec["columns"] == 2
    assert "locale" not in spec["config"]


def _assert_estimates(bars: dict, points: dict, *, value: str, title: str, position: dict) -> None:
    """Interval rules from ``ci_low`` to ``ci_high`` and points at the ``estimate`` on the
    ``value`` axis (x or y) titled ``title``, both placed by ``position`` on the other axis."""
    across = "y" if value == "x" else "x"
    assert bars["encoding"][across] == position and points["encoding"][across] == position
    assert bars["encoding"][value] == {"field": "ci_low", "type": "quantitative", "title": title}
    assert bars["encoding"][f"{value}2"] == {"field": "ci_high"}
    assert points["encoding"][value] == {"field": "estimate", "type": "quantitative"}


def _estimate_tooltips(first: tuple, title: str) -> list[tuple]:
    """The tooltips of an estimate titled ``title`` with its 95 % interval, after ``first``."""
    return [
        first,
        ("estimate", "quantitative", title, ",.2f"),
        ("ci_low", "quantitative", "95 % –", ",.2f"),
        ("ci_high", "quantitative", "95 % +", ",.2f"),
    ]


def test_event_study_chart_spec() -> None:
    spec = event_study_chart(
        _effects(),
        x_title="Kuukausia alusta",
        y_title="Vaikutus (%-yks.)",
        locale=vega_locale("fi"),
        height=240,
    ).to_dict()
    _assert_top(spec, height=240, lang="fi")
    layers = _layers(spec)
    assert _marks(layers) == ["rule", "rule", "rule", "point"]
    zero, start, bars, points = layers
    assert zero["encoding"] == {"y": {"field": "y", "type": "quantitative"}}
    assert _data(spec, zero) == [{"y": 0.0}]
    assert start["encoding"] == {"x": {"field": "x", "type": "quantitative"}}
    assert _data(spec, start) == [{"x": -0.5}]  # between the reference period and the start
    x = {
        "field": "rel_period",
        "type": "quantitative",
        "title": "Kuukausia alusta",
        "axis": {"format": "d", "tickMinStep": 6},
    }
    _assert_estimates(bars, points, value="y", title="Vaikutus (%-yks.)", position=x)
    colour = points["encoding"]["color"]
    assert colour["field"] == "phase" and colour["type"] == "nominal" and colour["legend"] is None
    assert colour["scale"] == {"domain": ["pre", "post"], "range": [PALETTE[1], PALETTE[0]]}
    assert _tooltips(points["encoding"]) == _estimate_tooltips(
        ("rel_period", "quantitative", "Kuukausia alusta", None), "Vaikutus (%-yks.)"
    )
    rows = _data(spec, points)
    assert [r["phase"] for r in rows] == ["pre", "pre", "post", "post", "post"]
    assert set(rows[0]) == {"rel_period", "estimate", "ci_low", "ci_high", "phase", "kind"}


def test_event_study_chart_names_its_periods_reference_and_end_points() -> None:
    """With labels the legend says before/after, and the reference month and the binned end
    points have shapes of their own (issue 14, smaller points)."""
    from indicators.views.evaluation import event_labels

    table = _effects().assign(
        is_reference=[False, True, False, False, False], binned=[True, False, False, False, True]
    )
    labels = event_labels("sv")
    spec = event_study_chart(table, x_title="x", y_title="y", labels=labels).to_dict()
    points = _layers(spec)[-1]
    colour, shape = points["encoding"]["color"], points["encoding"]["shape"]
    assert colour["title"] == "Period" and colour["legend"] is not None
    assert colour["scale"]["domain"] == ["Före försöket", "Under försöket"]
    assert shape["scale"]["domain"] == [labels["month"], labels["binned"], labels["reference"]]
    assert shape["scale"]["range"] == ["circle", "square", "diamond"]
    kinds = [r["kind"] for r in _data(spec, points)]
    assert kinds == [
        labels["binned"],
        labels["reference"],
        labels["month"],
        labels["month"],
        labels["binned"],
    ]


def test_forest_chart_spec() -> None:
    table = pd.DataFrame(
        {
            "label": ["Kaikki alueet", "Helsinki", "Vantaa", "Espoo"],
            "estimate": [-0.2, -0.5, float("nan"), 0.1],
            "ci_low": [-0.4, -0.9, float("nan"), -0.3],
            "ci_high": [0.0, -0.1, float("nan"), 0.5],
            "n_treated": [25, 1, 1, 1],
        }
    )
    spec = forest_chart(
        table, x_title="Arvio %-yks.", label_title="Alue", locale=vega_locale("en")
    ).to_dict()
    _assert_top(spec, height=120, lang="en")  # at least 120 px, 22 px a row above five rows
    layers = _layers(spec)
    assert _marks(layers) == ["rule", "rule", "point"]
    zero, bars, points = layers
    assert zero["encoding"] == {"x": {"field": "x", "type": "quantitative"}}
    # A row without an estimate is left out; the pooled row stays first.
    order = ["Kaikki alueet", "Helsinki", "Espoo"]
    y = {
        "field": "label",
        "type": "nominal",
        "sort": order,
        "title": None,
        "axis": {"labelLimit": 320, "labelOverlap": False},
    }
    _assert_estimates(bars, points, value="x", title="Arvio %-yks.", position=y)
    assert _tooltips(points["encoding"]) == _estimate_tooltips(
        ("label", "nominal", "Alue", None), "Arvio %-yks."
    )
    rows = _data(spec, points)
    assert [r["label"] for r in rows] == order
    assert set(rows[0]) == {"label", "estimate", "ci_low", "ci_high"}
    assert points["encoding"]["color"] == {"value": "#1f4e8c"}


def test_forest_chart_sets_the_pooled_row_apart_by_method() -> None:
    table = pd.DataFrame(
        {
            "label": ["Kaikki", "Helsinki (A01)"],
            "estimate": [0.03, 0.7],
            "ci_low": [-0.16, -1.7],
            "ci_high": [0.23, 3.1],
            "method": ["klusteroitu", "placebot"],
        }
    )
    spec = forest_chart(table, x_title="x", label_title="l", method_title="Väli").to_dict()
    points = _layers(spec)[2]
    colour = points["encoding"]["color"]
    assert colour["field"] == "method" and colour["title"] == "Väli"
    assert colour["scale"]["domain"] == ["klusteroitu", "placebot"]


def test_forest_chart_grows_with_its_rows() -> None:
    table = pd.DataFrame(
        {
            "label": [f"A{i:02d}" for i in range(26)],
            "estimate": [0.1] * 26,
            "ci_low": [0.0] * 26,
            "ci_high": [0.2] * 26,
        }
    )
    spec = forest_chart(table, x_title="x", label_title="l").to_dict()
    assert spec["height"] == 22 * 26
    assert "locale" not in spec["config"]


def test_placebo_chart_spec() -> None:
    months = ["2020-12", "2021-03", "2021-06"]
    gap = pd.DataFrame({"month": months, "gap": [0.1, -0.4, -0.6]})
    band = pd.DataFrame(
        {
            "month": months,
            "low": [-0.3, -0.5, -0.7],
            "high": [0.3, 0.5, 0.7],
            "low_all": [-0.9, -1.1, -1.4],
            "high_all": [0.8, 1.2, 1.5],
        }
    )
    events = pd.DataFrame({"month": ["2021-03"], "label": ["Kokeilu alkaa"]})
    spec = charts.placebo_chart(
        gap,
        band,
        y_title="Ero (%-yks.)",
        x_title="Kuukausi",
        series_title="Sarja",
        area_label="Alue",
        band_label="Placebokunnat",
        events=events,
        locale=vega_locale("fi"),
    ).to_dict()
    assert spec["$schema"].startswith(SCHEMA)
    marks = [layer["mark"]["type"] for layer in spec["layer"]]
    assert marks == ["area", "area", "rule", "line", "rule", "text"]
    colour = spec["layer"][3]["encoding"]["color"]
    assert colour["scale"]["domain"] == ["Alue", "Placebokunnat"]
    assert spec["layer"][0]["encoding"]["y"]["title"] == "Ero (%-yks.)"
    assert spec["layer"][1]["encoding"]["y2"]["field"] == "high"
    assert spec["config"]["locale"]["number"]["decimal"] == ","


@pytest.mark.parametrize("module", [charts, maps], ids=lambda m: m.__name__)
def test_every_chart_builder_has_a_to_dict_test(module: Any) -> None:
    """A public function of the module that returns an Altair chart is listed in TESTED."""
    chart_types = (alt.Chart, alt.LayerChart, alt.FacetChart, alt.TopLevelMixin)
    builders = set()
    for name, function in inspect.getmembers(module, inspect.isfunction):
        if name.startswith("_") or function.__module__ != module.__name__:
            continue
        returned = inspect.signature(function, eval_str=True).return_annotation
        if isinstance(returned, type) and issubclass(returned, chart_types):
            builders.add(name)
    assert builders, module.__name__
    assert builders == {name for mod, name in TESTED if mod is module}
    for (mod, name), path in TESTED.items():
        if mod is module:
            text = (ROOT / path).read_text()
            assert f"{name}(" in text and ".to_dict()" in text, (name, path)


def test_event_labels_stand_in_lanes_and_late_ones_point_left() -> None:
    """Labels of events a few months apart never overlap on a narrow chart, and a label near
    the right edge is drawn to the left of its rule (issue 14 item 13)."""
    frame = pd.DataFrame(
        {"month": [f"2019-{m:02d}" for m in range(1, 13)] * 1, "series": "a", "value": 1.0}
    )
    frame = pd.concat(
        [frame, frame.assign(month=[f"2024-{m:02d}" for m in range(1, 13)])], ignore_index=True
    )
    events = pd.DataFrame(
        {"month": ["2021-03", "2022-05", "2024-12"], "label": ["start", "nordic", "end"]}
    )
    spec = line_chart(frame, y_title="y", x_title="x", series_title="s", events=events).to_dict()
    texts = [layer for layer in spec["layer"] if layer["mark"].get("type") == "text"]
    by_label = {}
    for layer in texts:
        rows = spec["datasets"][layer["data"]["name"]]
        for row in rows:
            by_label[row["label"]] = (layer["encoding"]["y"]["value"], layer["mark"]["align"])
    assert len({lane for lane, _ in by_label.values()}) == 3
    assert by_label["start"][1] == "left" and by_label["end"][1] == "right"
    assert spec["layer"][0]["encoding"]["color"]["legend"]["direction"] == "vertical"


def test_small_multiples_mark_events_without_comparing_dates_as_text() -> None:
    frame = pd.DataFrame(
        {"month": ["2021-02", "2021-03"], "panel": "p", "series": "a", "value": [1.0, 2.0]}
    )
    events = pd.DataFrame({"month": ["2021-03"], "label": ["start"]})
    spec = small_multiples(
        frame, x_title="x", series_title="s", series_order=["a"], events=events
    ).to_dict()
    assert "oneOf" not in str(spec)
    rows = next(iter(spec["datasets"].values()))
    assert [row["event"] for row in rows] == [False, True]
