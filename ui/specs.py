"""Chart specs built once per view and shared by every session.

Building an Altair chart and turning it into Vega-Lite JSON takes a tenth of a second to half
a second (the maps most); the result depends only on the view (page, month, language,
options) and the data. :func:`cached_chart` keeps the JSON in ``st.cache_data`` under a key
that names the view, so a second visitor, a rerun or a language switch back gets it without
building again; :func:`show` draws it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd
import streamlit as st

from ui.data import TTL


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=1024)
def _spec(key: tuple[Hashable, ...], _build: Callable[[], Any]) -> dict[str, Any]:
    # ``_build`` is not hashed (leading underscore): ``key`` alone identifies the chart.
    return dict(_build().to_dict())


Patch = Callable[[dict[str, Any]], dict[str, Any]]


class CachedChart:
    """A chart's Vega-Lite spec, cached under ``key``; stands in for the Altair chart where
    only ``to_dict()`` is needed (drawing, PNG and SVG exports)."""

    def __init__(
        self, key: tuple[Hashable, ...], build: Callable[[], Any], patch: Patch | None = None
    ) -> None:
        self.key = key
        self._build = build
        self._patch = patch
        self.spec = self.to_dict()

    def to_dict(self, *_: Any, **__: Any) -> dict[str, Any]:
        """A fresh copy of the spec (changing it leaves the cache alone)."""
        spec = _spec(self.key, self._build)
        return self._patch(spec) if self._patch is not None else spec


def cached_chart(
    key: tuple[Hashable, ...], build: Callable[[], Any], patch: Patch | None = None
) -> CachedChart:
    """The chart ``build()`` makes, built only when no session has built ``key`` yet.

    ``key`` must name everything the chart depends on besides the database (its URL is part
    of it): page and chart, language, options. ``patch`` edits a copy of the cached spec for
    what varies more often than is worth a cache entry (the highlighted month, say).
    """
    return CachedChart(key, build, patch)


PLACEHOLDER_MONTH = "1900-01"


def highlight_month(month: str) -> Patch:
    """A patch that moves the highlight rule of a chart built with ``highlight_month=``
    :data:`PLACEHOLDER_MONTH` to ``month`` (the rule's one-row dataset)."""
    placeholder = [{"date": f"{PLACEHOLDER_MONTH}-01"}]

    def patch(spec: dict[str, Any]) -> dict[str, Any]:
        for name, rows in spec.get("datasets", {}).items():
            if rows == placeholder:
                spec["datasets"][name] = [{"date": f"{month}-01"}]
        return spec

    return patch


def members_in_force(members: pd.DataFrame, month: str) -> str:
    """A digest of the trial memberships in force in ``month``: a map of who organised the
    services is the same for every month with the same memberships."""
    from indicators.aggregation import active_members

    active = active_members(members, month=month, include_unverified=True)
    rows = sorted(
        zip(active["municipality_code"], active["area_id"], active["status"], strict=True)
    )
    return hashlib.sha1(repr(rows).encode()).hexdigest()


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=512)
def membership_key(url: str, month: str) -> str:
    """:func:`members_in_force` of the database at ``url``, kept for every session."""
    from ui.data import memberships

    return members_in_force(memberships(url), month)


@st.cache_data(ttl=TTL, show_spinner=False, max_entries=1024)
def _value(key: tuple[Hashable, ...], _build: Callable[[], Any]) -> Any:
    return _build()


def cached_value(key: tuple[Hashable, ...], build: Callable[[], Any]) -> Any:
    """``build()``, computed only when no session has computed ``key`` yet (texts that take
    a few milliseconds on every run, such as a map's text alternative)."""
    return _value(key, build)


PICK = "pick"
PICK_AREA = "pick_area"


def with_pick(spec: dict[str, Any]) -> dict[str, Any]:
    """A copy of a map's spec in which a click selects the polygon under the pointer: a
    municipality or area (``area_code``) in the first layer, and a trial area (``area_id``)
    in a layer of trial-area outlines drawn over it, which takes the clicks there."""
    spec = {**spec, "layer": [dict(layer) for layer in spec["layer"]]}
    spec["layer"][0]["params"] = [
        {"name": PICK, "select": {"type": "point", "fields": ["properties.area_code"]}}
    ]
    datasets = spec.get("datasets", {})
    for layer in spec["layer"][1:]:
        rows = datasets.get((layer.get("data") or {}).get("name"), [])
        if rows and "area_id" in (rows[0].get("properties") or {}):
            layer["params"] = [
                {"name": PICK_AREA, "select": {"type": "point", "fields": ["properties.area_id"]}}
            ]
            break
    return spec


def picked(event: Any) -> tuple[str, str] | None:
    """``("area_code" | "area_id", code)`` of the polygon a map's click selected, or None."""
    selection = (event or {}).get("selection", {}) if isinstance(event, dict) else {}
    for name in (PICK_AREA, PICK):
        chosen = selection.get(name) or []
        for item in chosen if isinstance(chosen, list) else []:
            # Vega-Lite escapes the dot of a nested field name in the selection's keys
            for field, code in item.items() if isinstance(item, dict) else []:
                clean = field.replace("\\", "")
                for kind in ("area_id", "area_code"):
                    if clean.endswith(kind) and code:
                        return kind, str(code)
    return None


# Streamlit's default autosize ("fit") squeezes the whole chart, legends included, into the
# spec's height, so a chart with a legend of five entries above it kept a plot a few pixels
# high. "fit-x" fits the width to the column and keeps the height for the plot, as in the
# PNG and SVG exports, with the legends added above it.
FIT_WIDTH = {"type": "fit-x", "contains": "padding"}


def plot_height(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` with the height kept for its plot where the width follows the container."""
    if spec.get("width") == "container" and "autosize" not in spec:
        return {**spec, "autosize": FIT_WIDTH}
    return spec


def show(
    chart: CachedChart,
    *,
    key: str,
    alt: str,
    theme: str | None = "streamlit",
    container: Any = None,
    pick: bool = False,
) -> tuple[str, str] | None:
    """Draw a cached chart (like ``st.altair_chart``) with its text alternative.

    ``pick``: the chart is a map; a click on a polygon reruns the page and returns what was
    clicked (see :func:`picked`)."""
    target = container if container is not None else st
    if not pick:
        target.vega_lite_chart(spec=plot_height(chart.spec), key=key, alt=alt, theme=theme)
        return None
    spec = with_pick(chart.spec)
    modes = [p["name"] for layer in spec["layer"] for p in layer.get("params", [])]
    event = target.vega_lite_chart(
        spec=spec, key=key, alt=alt, theme=theme, on_select="rerun", selection_mode=modes
    )
    return picked(event)
