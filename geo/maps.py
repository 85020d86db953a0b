"""Altair map builders: the trial-area map and choropleths, with inline GeoJSON and no tiles."""

from __future__ import annotations

import json
import textwrap
import warnings
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import altair as alt
import geopandas as gpd
import mapclassify
import numpy as np
import pandas as pd

from geo.boundaries import (
    DEFAULT_TOLERANCE_M,
    UNVERIFIED_STATUS,
    GeoError,
    MonthLike,
    active_memberships,
    area_layer,
    country_layer,
    drawing_extent,
    employment_area_layer,
    municipality_layer,
    to_features,
)
from i18n import fmt_number

Lang = Literal["fi", "sv", "en"]
Level = Literal["municipality", "area"]
Classification = Literal["quantiles", "natural_breaks", "fisher_jenks", "equal_interval"]
ColorBy = Literal["organiser", "area"]
# Sequential Vega schemes that stay readable with colour-vision deficiencies.
SequentialScheme = Literal[
    "yellowgreenblue", "blues", "greens", "purples", "tealblues", "viridis", "cividis"
]

MAP_WIDTH = 380
MAP_HEIGHT = 640

# ETRS-TM35FIN (EPSG:3067) is a transverse Mercator on 27°E; drawing the WGS84 data with the
# same projection keeps Finland's true shape: no stretched Lapland, no squashed south.
PROJECTION: dict[str, Any] = {"type": "transverseMercator", "rotate": [-27, 0]}

# Colour-blind-safe: blue against grey differs in lightness as well as hue.
TRIAL_COLOUR = "#2b6ca3"
UNVERIFIED_COLOUR = "#9ecae1"
TE_OFFICE_COLOUR = "#dedede"
# Åland's own authority: a light sand colour, apart from both the trial and the TE offices
ALAND_COLOUR = "#e6d3a3"
SUPPRESSED_COLOUR = "#b8b8b8"
MISSING_COLOUR = "#f4f4f4"
OUTLINE_COLOUR = "#1a1a1a"
UNVERIFIED_DASH = [3, 2]
SUPPRESSED_DASH = [4, 2]
MISSING_DASH = [1, 2]

DEFAULT_LABELS: dict[str, str] = {
    "municipality": "Municipality",
    "area": "Trial area",
    "status": "Employment services",
    "trial": "Municipal trial",
    "unverified": "Municipal trial, unverified membership",
    "unverified_area": "Trial area with unverified memberships",
    "te_office": "TE office",
    "aland": "Åland (AMS)",
    "employment_area": "Employment area 2025",
    "members": "Municipalities",
    "unverified_members": "Unverified memberships",
    "value": "Value",
    "rank": "Rank",
    "suppressed": "Suppressed (small numbers)",
    "missing": "No data",
    "data_status": "Not shown",
}

CLASSIFIERS: dict[str, Any] = {
    "quantiles": mapclassify.Quantiles,
    # mapclassify's NaturalBreaks is k-means with a random start; Fisher-Jenks finds the optimal
    # natural breaks deterministically, so a map does not change between reruns.
    "natural_breaks": mapclassify.FisherJenks,
    "fisher_jenks": mapclassify.FisherJenks,
    "equal_interval": mapclassify.EqualInterval,
}

# Vega-Lite's "valid" predicate also requires a number, so string fields are tested with
# the expression function instead.
_HAS_AREA = "isValid(datum.properties.area_id)"

__all__ = [
    "CLASSIFIERS",
    "DEFAULT_LABELS",
    "MAP_HEIGHT",
    "MAP_WIDTH",
    "PROJECTION",
    "choropleth",
    "class_labels",
    "classify",
    "trial_area_map",
]


# ---------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------


def _labels(labels: Mapping[str, str] | None) -> dict[str, str]:
    return {**DEFAULT_LABELS, **(labels or {})}


def _name_column(lang: str) -> str:
    if lang not in ("fi", "sv", "en"):
        raise ValueError(f"lang must be fi, sv or en, not {lang!r}")
    # Finnish place names are the English ones; Swedish has its own for bilingual places.
    return "name_sv" if lang == "sv" else "name_fi"


def classify(
    values: np.ndarray, classification: Classification = "quantiles", k: int = 5
) -> tuple[np.ndarray, list[float]]:
    """Put values into classes with mapclassify.

    Parameters
    ----------
    values
        Finite numbers (at least one).
    classification
        'quantiles', 'natural_breaks' (Fisher-Jenks), 'fisher_jenks' or 'equal_interval'.
    k
        Number of classes wanted, 2-9; fewer when there are fewer distinct values.

    Returns
    -------
    tuple
        Class index per value (0-based) and the classes' upper bounds.
    """
    if classification not in CLASSIFIERS:
        raise ValueError(f"classification must be one of {sorted(CLASSIFIERS)}")
    if not 2 <= k <= 9:
        raise ValueError("k must be between 2 and 9: more classes cannot be told apart by colour")
    y = np.asarray(values, dtype=float)
    if y.size == 0 or not np.isfinite(y).all():
        raise ValueError("classify needs at least one value, all finite")
    distinct = np.unique(y)
    if distinct.size == 1:
        return np.zeros(y.size, dtype=int), [float(distinct[0])]
    with warnings.catch_warnings():
        # mapclassify warns when ties leave fewer classes than asked (we read back the bins it
        # settled on) and that Fisher-Jenks runs without numba (fine for a few hundred values).
        warnings.filterwarnings("ignore", message="Not enough unique values", category=UserWarning)
        warnings.filterwarnings("ignore", message="Numba not installed", category=UserWarning)
        result = CLASSIFIERS[classification](y, k=min(k, distinct.size))
    bins = [float(b) for b in result.bins]
    return np.asarray(result.yb, dtype=int), bins


def class_labels(
    bins: list[float], lowest: float, fmt: Callable[[float], str] | None = None
) -> list[str]:
    """Legend labels 'low – high' for classes with the given upper bounds; ``fmt`` writes a
    value (by default :func:`i18n.fmt_number` in English with one decimal).
    """
    show = fmt or (lambda v: fmt_number(v, "en", 1))
    lows = [lowest, *bins[:-1]]
    labels = []
    for low, high in zip(lows, bins, strict=True):
        if show(low) == show(high):
            labels.append(show(high))
        else:
            labels.append(f"{show(low)} – {show(high)}")
    # Rounding can make two classes print alike; Vega needs distinct domain values.
    seen: dict[str, int] = {}
    for i, label in enumerate(labels):
        seen[label] = seen.get(label, 0) + 1
        if seen[label] > 1:
            labels[i] = f"{label} ({seen[label]})"
    return labels


def _area_names(
    areas: pd.DataFrame | None, lang: str, values: pd.DataFrame | None = None
) -> dict[str, str]:
    """Area id → name, from the trial areas frame (either naming style) or values['name']."""
    names: dict[str, str] = {}
    if areas is not None:
        suffix = "sv" if lang == "sv" else "fi"
        column = next(
            (c for c in (f"name_{suffix}", f"area_name_{suffix}") if c in areas.columns), None
        )
        if column is None:
            raise GeoError("areas frame needs name_fi/name_sv or area_name_fi/area_name_sv")
        names.update(zip(areas["area_id"].astype(str), areas[column].astype(str), strict=True))
    if values is not None and "name" in values.columns:
        given = values.dropna(subset=["name"])
        names.update(zip(given["area_code"].astype(str), given["name"].astype(str), strict=True))
    return names


def _chart_base(
    layers: list[Any],
    data: dict[str, Any],
    boundaries: pd.DataFrame,
    tolerance_m: float,
    width: int,
    height: int,
) -> alt.LayerChart:
    # Fit the projection to Finland's extent rather than to the layers' data: filtered layers
    # must not change the framing, and every map of the app frames Finland the same way.
    corners = drawing_extent(boundaries, tolerance_m)
    fit = {
        "type": "Feature",
        "properties": {},
        "geometry": {"type": "MultiPoint", "coordinates": [list(xy) for xy in corners]},
    }
    return alt.LayerChart(
        layer=layers,
        data=data,
        projection=alt.Projection(**PROJECTION, fit=fit),
        width=width,
        height=height,
        view=alt.ViewBackground(stroke=None),
    )


# Where legends go: under the tip of Enontekiö's "arm", over the Gulf of Bothnia, the map leaves
# a free strip from ~17 % to ~50 % of its height and ~42 % of its width (measured on renders).
_SLOT_TOP = 0.175
_SLOT_WIDTH = 0.42
_CHAR_PX = 5.4  # mean width of an 11 px sans-serif character (measured on renders)
_ROW_PX = 16
_LINE_PX = 13
_TITLE_PX = 16
_LEGEND_GAP = 8


@dataclass(frozen=True)
class _LegendSlot:
    """Top-left corner and width, in pixels, of the free strip for legends."""

    x: float
    y: float
    width: float

    @property
    def chars(self) -> int:
        """Characters per label line (room left of the symbol and padding)."""
        return max(12, int((self.width - 26) / _CHAR_PX))


def _legend_slot(
    boundaries: pd.DataFrame, tolerance_m: float, width: int, height: int
) -> _LegendSlot:
    # The projection is fitted to Finland's TM35FIN box, so the box's place on the canvas, and
    # with it the free strip, follows from the chart size alone.
    xmin, ymin, xmax, ymax = country_layer(boundaries, tolerance_m).total_bounds
    dx, dy = xmax - xmin, ymax - ymin
    scale = min(width / dx, height / dy)
    left, top = (width - scale * dx) / 2, (height - scale * dy) / 2
    return _LegendSlot(x=left + 2, y=top + _SLOT_TOP * scale * dy, width=_SLOT_WIDTH * scale * dx)


def _lines(text: str, chars: int) -> list[str]:
    return textwrap.wrap(text, chars, break_long_words=False) or [text]


def _legend_height(title: str, entries: Sequence[str], slot: _LegendSlot) -> int:
    title_px = _TITLE_PX * len(_lines(title, slot.chars))
    rows_px = sum(_ROW_PX + _LINE_PX * (len(_lines(e, slot.chars)) - 1) for e in entries)
    return title_px + rows_px + 8


def _legend(title: str, entries: Sequence[str], slot: _LegendSlot, offset: float = 0) -> alt.Legend:
    """A legend in the free strip, ``offset`` px down, with long title and labels wrapped.

    Vega does not wrap legend text; a label given as a list of lines is drawn on several.
    """
    wrapped = {e: _lines(e, slot.chars) for e in entries}
    label_expr = "datum.label"
    for entry, lines in wrapped.items():
        if len(lines) > 1:
            label_expr = (
                f"datum.label === {json.dumps(entry)} ? {json.dumps(lines)} : ({label_expr})"
            )
    title_lines = _lines(title, slot.chars)
    return alt.Legend(
        title=title_lines if len(title_lines) > 1 else title,
        orient="none",
        legendX=slot.x,
        legendY=slot.y + offset,
        labelExpr=label_expr,
        labelLimit=slot.width,
        titleLimit=slot.width,
        symbolType="square",
        fillColor="#ffffffcc",
        padding=4,
    )


def _geo_data(features: list[dict[str, Any]]) -> dict[str, Any]:
    # Inline GeoJSON features: Vega-Lite draws them as they are; Streamlit keeps a dataset whose
    # first item is a Feature in the spec instead of converting it to Arrow (which loses the
    # geometry and leaves the map blank, as happens with a GeoDataFrame). A plain dict, not
    # alt.InlineData: that validates every coordinate on construction (~0.4 s per map); the
    # whole spec is still validated once by to_dict().
    return {"values": features}


def _country_background(boundaries: pd.DataFrame, tolerance_m: float) -> alt.Chart:
    country = country_layer(boundaries, tolerance_m)
    chart: alt.Chart = (
        alt.Chart(_geo_data(to_features(country, ["area_code"])))
        .mark_geoshape(fill="white", stroke="#9a9a9a", strokeWidth=0.6)
        .encode()
    )
    return chart


def _label_layer(layer: gpd.GeoDataFrame, names: pd.Series) -> alt.Chart:
    points = pd.DataFrame(
        {"name": names.to_numpy(), "lon": layer["label_lon"], "lat": layer["label_lat"]}
    )
    chart: alt.Chart = (
        alt.Chart({"values": points.to_dict(orient="records")})
        .mark_text(fontSize=9, color=OUTLINE_COLOUR, dy=-1)
        .encode(
            longitude=alt.Longitude("lon:Q"),
            latitude=alt.Latitude("lat:Q"),
            text=alt.Text("name:N"),
        )
    )
    return chart


# ---------------------------------------------------------------------------------------------
# Trial-area map
# ---------------------------------------------------------------------------------------------


def trial_area_map(
    boundaries: pd.DataFrame,
    memberships: pd.DataFrame,
    month: MonthLike,
    *,
    areas: pd.DataFrame | None = None,
    lang: Lang = "en",
    labels: Mapping[str, str] | None = None,
    color_by: ColorBy = "organiser",
    show_municipalities: bool = True,
    show_labels: bool = False,
    width: int = MAP_WIDTH,
    height: int = MAP_HEIGHT,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
    aland: Sequence[str] = (),
    employment_areas: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Map who organised public employment services in ``month``: trial areas or TE offices.

    ``aland``: the Åland municipalities, whose services Åland's own authority (AMS) ran; they
    get a category of their own instead of "TE office".

    ``employment_areas`` (``data_access.queries.employment_areas``): draw the 2025 employment
    areas' outlines (and name them in the tooltips) instead of the trial areas', over the
    municipalities filled by who organised the services in ``month``: where the trials'
    services went on 1 January 2025.

    Parameters
    ----------
    boundaries
        Municipality boundaries from the reporting database: ``area_code``, ``name_fi``,
        ``name_sv``, ``geometry`` (GeoJSON text, EPSG:4326).
    memberships
        ``municipality_code, area_id, member_from, member_to, status``.
    month
        Any day of the month to map.
    areas
        Trial areas with ``area_id`` and ``name_fi``/``name_sv`` (or ``area_name_fi``/
        ``area_name_sv``) for names; without it areas are named by id.
    lang
        UI language: picks municipality and area names and number formats.
    labels
        UI strings overriding :data:`DEFAULT_LABELS` (legend entries, tooltip titles).
    color_by
        'organiser' fills trial municipalities blue and TE-office ones grey; 'area' gives each
        trial area its own colour (named in tooltips; 25 colours make no useful legend).
    show_municipalities
        False draws only the trial areas on an outline of Finland (a much smaller payload).
    show_labels
        Write area names at a point inside each area.
    width, height
        Chart size in pixels.
    tolerance_m
        Coverage simplification tolerance in metres.

    Returns
    -------
    altair.LayerChart
        Municipalities filled by organiser (unverified 'probable' memberships lighter with a
        dashed outline and their own legend entry), trial-area outlines drawn over, tooltips
        with municipality, area and status.
    """
    text = _labels(labels)
    name_col = _name_column(lang)
    area_gdf = area_layer(boundaries, memberships, month, tolerance_m)
    names = _area_names(areas, lang)
    area_gdf["name"] = [names.get(a, a) for a in area_gdf["area_id"]]
    area_gdf["status_label"] = np.where(
        area_gdf["n_unverified"] > 0, text["unverified_area"], text["trial"]
    )
    area_features = to_features(
        area_gdf, ["area_id", "name", "n_members", "n_unverified", "status_label"]
    )
    area_tooltip = [
        alt.Tooltip("properties.name:N", title=text["area"]),
        alt.Tooltip("properties.n_members:Q", title=text["members"]),
        alt.Tooltip("properties.n_unverified:Q", title=text["unverified_members"]),
    ]

    slot = _legend_slot(boundaries, tolerance_m, width, height)
    if not show_municipalities:
        area_domain = [text["trial"], text["unverified_area"]]
        fills = (
            alt.Chart()
            .mark_geoshape(stroke=OUTLINE_COLOUR, strokeWidth=0.8)
            .encode(
                color=alt.Color(
                    "properties.status_label:N",
                    scale=alt.Scale(domain=area_domain, range=[TRIAL_COLOUR, UNVERIFIED_COLOUR]),
                    legend=_legend(text["status"], area_domain, slot),
                ),
                strokeDash=alt.StrokeDash(
                    "properties.status_label:N",
                    scale=alt.Scale(domain=area_domain, range=[[1, 0], UNVERIFIED_DASH]),
                    legend=_legend(text["status"], area_domain, slot),
                ),
                tooltip=area_tooltip,
            )
        )
        area_layers: list[Any] = [_country_background(boundaries, tolerance_m), fills]
        if show_labels:
            area_layers.append(_label_layer(area_gdf, area_gdf["name"]))
        return _chart_base(
            area_layers, _geo_data(area_features), boundaries, tolerance_m, width, height
        )

    muni = municipality_layer(boundaries, tolerance_m)
    active = active_memberships(memberships, month).set_index("municipality_code")
    area_of = active["area_id"].reindex(muni["area_code"]).to_numpy()
    status = active["status"].reindex(muni["area_code"]).to_numpy()
    muni["name"] = muni[name_col]
    muni["area_id"] = area_of
    muni["area"] = [names.get(a, a) if isinstance(a, str) else None for a in area_of]
    own_authority = muni["area_code"].isin(list(aland)).to_numpy()
    muni["category"] = np.select(
        [status == UNVERIFIED_STATUS, pd.notna(area_of), own_authority],
        [text["unverified"], text["trial"], text["aland"]],
        text["te_office"],
    )
    fields = ["area_code", "name", "area_id", "area", "category"]
    tooltip = [
        alt.Tooltip("properties.name:N", title=text["municipality"]),
        alt.Tooltip("properties.area:N", title=text["area"]),
        alt.Tooltip("properties.category:N", title=text["status"]),
    ]
    if employment_areas is not None:
        ea_col = f"name_{lang}"  # the employment areas have English names too
        ea_names = employment_areas.set_index("municipality_code")[ea_col]
        muni["employment_area"] = ea_names.reindex(muni["area_code"]).to_numpy()
        fields.append("employment_area")
        tooltip.append(alt.Tooltip("properties.employment_area:N", title=text["employment_area"]))
        area_gdf = employment_area_layer(boundaries, employment_areas, tolerance_m)
        area_gdf["name"] = area_gdf[ea_col]
        area_features = to_features(area_gdf, ["area_code", "name", "n_members"])
        area_tooltip = [
            alt.Tooltip("properties.name:N", title=text["employment_area"]),
            alt.Tooltip("properties.n_members:Q", title=text["members"]),
        ]
    muni_features = to_features(muni, fields)
    domain = [text["trial"], text["unverified"], text["te_office"]]
    if len(aland):
        domain.append(text["aland"])
    if color_by == "organiser":
        # One layer for all, so the legend lists the three categories in this order.
        base_layers: list[Any] = [
            alt.Chart()
            .mark_geoshape(strokeWidth=0.4)
            .encode(
                color=alt.Color(
                    "properties.category:N",
                    scale=alt.Scale(
                        domain=domain,
                        range=[TRIAL_COLOUR, UNVERIFIED_COLOUR, TE_OFFICE_COLOUR, ALAND_COLOUR][
                            : len(domain)
                        ],
                    ),
                    legend=_legend(text["status"], domain, slot),
                ),
                # Stroke and dash on the same field with the same legend: Vega-Lite merges
                # the three into one legend whose "unverified" symbol has the dashed outline.
                stroke=alt.Stroke(
                    "properties.category:N",
                    scale=alt.Scale(
                        domain=domain,
                        range=["white", OUTLINE_COLOUR, "white", "white"][: len(domain)],
                    ),
                    legend=_legend(text["status"], domain, slot),
                ),
                strokeDash=alt.StrokeDash(
                    "properties.category:N",
                    scale=alt.Scale(
                        domain=domain,
                        range=[[1, 0], UNVERIFIED_DASH, [1, 0], [1, 0]][: len(domain)],
                    ),
                    legend=_legend(text["status"], domain, slot),
                ),
                tooltip=tooltip,
            )
        ]
    elif color_by == "area":
        base_layers = [
            alt.Chart()
            .transform_filter(f"!{_HAS_AREA}")
            .mark_geoshape(fill=TE_OFFICE_COLOUR, stroke="white", strokeWidth=0.4)
            .encode(tooltip=tooltip),
            alt.Chart()
            .transform_filter(_HAS_AREA)
            .mark_geoshape(stroke="white", strokeWidth=0.4)
            .encode(
                color=alt.Color(
                    "properties.area:N", scale=alt.Scale(scheme="tableau20"), legend=None
                ),
                tooltip=tooltip,
            ),
        ]
    else:
        raise ValueError(f"color_by must be 'organiser' or 'area', not {color_by!r}")
    # No hatching in Vega-Lite: an unverified membership gets a lighter fill and a dashed
    # outline, which survives printing in grey and colour-blind viewing.
    unverified = (
        alt.Chart()
        .transform_filter(
            alt.FieldEqualPredicate(field="properties.category", equal=text["unverified"])
        )
        .mark_geoshape(
            filled=False, stroke=OUTLINE_COLOUR, strokeWidth=0.9, strokeDash=UNVERIFIED_DASH
        )
        .encode(tooltip=tooltip)
    )
    outlines = (
        alt.Chart(_geo_data(area_features))
        .mark_geoshape(filled=False, stroke=OUTLINE_COLOUR, strokeWidth=1.1)
        .encode(tooltip=area_tooltip)
    )
    layers: list[Any] = [*base_layers, unverified, outlines]
    if show_labels:
        layers.append(_label_layer(area_gdf, area_gdf["name"]))
    return _chart_base(layers, _geo_data(muni_features), boundaries, tolerance_m, width, height)


# ---------------------------------------------------------------------------------------------
# Choropleth
# ---------------------------------------------------------------------------------------------


def choropleth(
    values: pd.DataFrame,
    boundaries: pd.DataFrame,
    *,
    level: Level = "municipality",
    memberships: pd.DataFrame | None = None,
    month: MonthLike | None = None,
    areas: pd.DataFrame | None = None,
    labels: Mapping[str, str] | None = None,
    lang: Lang = "en",
    classification: Classification = "quantiles",
    k: int = 5,
    scheme: SequentialScheme = "yellowgreenblue",
    reverse: bool = False,
    value_text: Callable[[float], str] | None = None,
    show_labels: bool = False,
    width: int = MAP_WIDTH,
    height: int = MAP_HEIGHT,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> alt.LayerChart:
    """A classed choropleth of municipalities or trial areas.

    Parameters
    ----------
    values
        ``area_code`` (municipality code or trial ``area_id``), ``value`` (float, NaN allowed
        where suppressed), ``suppressed`` (bool); optional ``name`` (overrides the boundary or
        area name) and ``rank``. Polygons without a row are drawn as missing; rows without a
        polygon are ignored.
    boundaries
        Municipality boundaries from the reporting database (``area_code``, ``name_fi``,
        ``name_sv``, ``geometry`` as GeoJSON text in EPSG:4326).
    level
        'municipality' maps each municipality; 'area' dissolves the trial areas in force in
        ``month`` (needs ``memberships`` and ``month``) and maps them over Finland's outline.
    memberships, month
        Trial memberships and the month; at the municipality level they add trial-area outlines.
    areas
        Trial areas (``area_id`` and ``name_fi``/``name_sv`` or ``area_name_*``) for names.
    labels
        UI strings over :data:`DEFAULT_LABELS`; ``labels["value"]`` titles legend and tooltip.
    lang
        'fi', 'sv' or 'en': names and number format.
    classification, k
        mapclassify method and number of classes (see :func:`classify`).
    scheme
        A sequential Vega colour scheme; the default is ColorBrewer YlGnBu (colour-blind safe).
    reverse
        Darkest for the lowest values instead of the highest.
    value_text
        Writes a value for the legend and tooltips, e.g. ``partial(i18n.fmt_value,
        indicator, lang=lang)``; by default :func:`i18n.fmt_number` with one decimal.
    show_labels
        Write names at a point inside each polygon (sensible at the area level).
    width, height
        Chart size in pixels.
    tolerance_m
        Coverage simplification tolerance in metres.

    Returns
    -------
    altair.LayerChart
        Classed polygons with a legend in the UI language; suppressed values drawn light grey
        with a dashed outline and missing ones near-white with a dotted outline, each with a
        legend entry; tooltips with name, formatted value and rank.
    """
    text = _labels(labels)
    show = value_text or (lambda v: fmt_number(v, lang, 1))
    name_col = _name_column(lang)
    slot = _legend_slot(boundaries, tolerance_m, width, height)
    missing_cols = [c for c in ("area_code", "value", "suppressed") if c not in values.columns]
    if missing_cols:
        raise GeoError(f"values frame lacks columns {missing_cols}")
    vals = values.assign(area_code=values["area_code"].astype(str))
    if vals["area_code"].duplicated().any():
        raise GeoError("values frame repeats area codes")

    if level == "municipality":
        layer = municipality_layer(boundaries, tolerance_m)
        layer["name"] = layer[name_col]
    elif level == "area":
        if memberships is None or month is None:
            raise GeoError("an area-level map needs memberships and month to dissolve the areas")
        layer = area_layer(boundaries, memberships, month, tolerance_m)
        layer = layer.rename(columns={"area_id": "area_code"})
        names = _area_names(areas, lang)
        layer["name"] = [names.get(a, a) for a in layer["area_code"]]
    else:
        raise ValueError(f"level must be 'municipality' or 'area', not {level!r}")

    indexed = vals.set_index("area_code")
    joined = indexed.reindex(layer["area_code"])
    if "name" in joined.columns:
        given = joined["name"].to_numpy()
        layer["name"] = np.where(pd.notna(given), given, layer["name"].to_numpy())
    value = pd.to_numeric(joined["value"], errors="coerce").to_numpy(dtype=float)
    suppressed = joined["suppressed"].astype("boolean").fillna(False).to_numpy(dtype=bool)
    shown = ~suppressed & np.isfinite(value)
    layer["state"] = np.select(
        [suppressed, ~shown], [text["suppressed"], text["missing"]], default=""
    )

    domain: list[str] = []
    layer["class_label"] = None
    if shown.any():
        classes, bins = classify(value[shown], classification, k)
        domain = class_labels(bins, float(value[shown].min()), show)
        class_of = np.full(len(layer), None, dtype=object)
        class_of[shown] = [domain[c] for c in classes]
        layer["class_label"] = class_of
    layer["value_text"] = [
        show(v) if ok else state for v, ok, state in zip(value, shown, layer["state"], strict=True)
    ]
    properties = ["area_code", "name", "value_text", "class_label", "state"]
    tooltip = [
        alt.Tooltip(
            "properties.name:N", title=text["area"] if level == "area" else text["municipality"]
        ),
        alt.Tooltip("properties.value_text:N", title=text["value"]),
    ]
    if "rank" in joined.columns:
        rank = pd.to_numeric(joined["rank"], errors="coerce")
        n_ranked = int(rank.notna().sum())
        layer["rank_text"] = [
            f"{int(r)} / {n_ranked}" if pd.notna(r) else "" for r in rank.to_numpy()
        ]
        properties.append("rank_text")
        tooltip.append(alt.Tooltip("properties.rank_text:N", title=text["rank"]))
    features = to_features(layer, properties)

    layers: list[Any] = []
    if level == "area":
        layers.append(_country_background(boundaries, tolerance_m))
    stroke = OUTLINE_COLOUR if level == "area" else "white"
    width_px = 0.7 if level == "area" else 0.35
    if domain:
        layers.append(
            alt.Chart()
            .transform_filter("isValid(datum.properties.class_label)")
            .mark_geoshape(stroke=stroke, strokeWidth=width_px)
            .encode(
                color=alt.Color(
                    "properties.class_label:O",
                    scale=alt.Scale(
                        domain=domain,
                        scheme=alt.SchemeParams(name=scheme, extent=[0.12, 1.0], count=len(domain)),
                        reverse=reverse,
                    ),
                    sort=domain,
                    legend=_legend(text["value"], domain, slot),
                ),
                tooltip=tooltip,
            )
        )
    states = [s for s in (text["suppressed"], text["missing"]) if (layer["state"] == s).any()]
    if states:
        palette = {text["suppressed"]: SUPPRESSED_COLOUR, text["missing"]: MISSING_COLOUR}
        dashes = {text["suppressed"]: SUPPRESSED_DASH, text["missing"]: MISSING_DASH}
        # Below the class legend, over the Gulf of Bothnia where the map leaves room.
        offset = _legend_height(text["value"], domain, slot) + _LEGEND_GAP if domain else 0
        legend = _legend(text["data_status"], states, slot, offset)
        layers.append(
            alt.Chart()
            .transform_filter(alt.FieldOneOfPredicate(field="properties.state", oneOf=states))
            .mark_geoshape(stroke="#555555", strokeWidth=0.6)
            .encode(
                fill=alt.Fill(
                    "properties.state:N",
                    scale=alt.Scale(domain=states, range=[palette[s] for s in states]),
                    legend=legend,
                ),
                strokeDash=alt.StrokeDash(
                    "properties.state:N",
                    scale=alt.Scale(domain=states, range=[dashes[s] for s in states]),
                    legend=legend,
                ),
                tooltip=tooltip,
            )
        )
    if level == "municipality" and memberships is not None and month is not None:
        outline_gdf = area_layer(boundaries, memberships, month, tolerance_m)
        names = _area_names(areas, lang)
        outline_gdf["name"] = [names.get(a, a) for a in outline_gdf["area_id"]]
        layers.append(
            alt.Chart(_geo_data(to_features(outline_gdf, ["area_id", "name"])))
            .mark_geoshape(filled=False, stroke=OUTLINE_COLOUR, strokeWidth=1.0)
            .encode(tooltip=[alt.Tooltip("properties.name:N", title=text["area"])])
        )
    if show_labels:
        layers.append(_label_layer(layer, layer["name"]))
    chart = _chart_base(layers, _geo_data(features), boundaries, tolerance_m, width, height)
    # Class colours and the grey states are separate scales with separate legends.
    resolved: alt.LayerChart = chart.resolve_scale(
        color="independent", fill="independent", strokeDash="independent"
    )
    return resolved
