"""Boundaries: parse, project, simplify as a coverage, dissolve trial areas and export for Vega."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeAlias

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from pyproj import CRS

from indicators.memo import Memo

WGS84 = "EPSG:4326"
TM35FIN = "EPSG:3067"

# Visvalingam-Whyatt tolerance: triangles smaller than about (1 km)² go. At dashboard size
# (Finland's ~1,160 km drawn in ~650 px) one pixel is ~1.8 km, so this is sub-pixel; it cuts
# little from the already generalised 1:4.5M data but a great deal from a finer source.
DEFAULT_TOLERANCE_M = 1000.0

# 3 decimals of a degree is ~110 m north-south and ~50 m east-west at 63°N: far below a pixel,
# and each coordinate pair shrinks from ~40 to ~16 characters of JSON.
COORD_DECIMALS = 3

BOUNDARY_COLUMNS = ("area_code", "name_fi", "name_sv", "geometry")
MEMBERSHIP_COLUMNS = ("municipality_code", "area_id", "member_from", "member_to", "status")
TRIAL_STATUSES = ("confirmed", "probable")
UNVERIFIED_STATUS = "probable"

MonthLike: TypeAlias = str | date | pd.Timestamp

__all__ = [
    "BOUNDARY_COLUMNS",
    "COORD_DECIMALS",
    "DEFAULT_TOLERANCE_M",
    "MEMBERSHIP_COLUMNS",
    "TM35FIN",
    "TRIAL_STATUSES",
    "UNVERIFIED_STATUS",
    "WGS84",
    "CoverageReport",
    "GeoError",
    "MonthLike",
    "active_memberships",
    "area_layer",
    "clear_cache",
    "country_layer",
    "coverage_report",
    "dissolve_trial_areas",
    "drawing_extent",
    "employment_area_layer",
    "frame_checksum",
    "label_points",
    "month_bounds",
    "municipality_layer",
    "read_boundaries_file",
    "require_crs",
    "simplify_coverage",
    "to_features",
    "to_geodataframe",
    "to_metric",
    "to_wgs84",
]


class GeoError(ValueError):
    """Boundary data that cannot be used as given: wrong CRS, missing columns, bad geometry."""


# ---------------------------------------------------------------------------------------------
# Reading and CRS guards
# ---------------------------------------------------------------------------------------------


def _km2(value: float | str | None) -> float:
    return np.nan if value is None else float(value)


def read_boundaries_file(path: str | Path) -> pd.DataFrame:
    """Read an NLS boundary GeoJSON file into the frame the reporting database stores.

    Parameters
    ----------
    path
        A GeoJSON FeatureCollection in WGS84 with NLS properties ``NATCODE``, ``NAMEFIN``,
        ``NAMESWE`` and, for municipalities, ``LANDAREA`` and ``TOTALAREA`` (km²).

    Returns
    -------
    pandas.DataFrame
        Columns ``area_code`` (zero-padded str), ``name_fi``, ``name_sv``, ``geometry`` (GeoJSON
        geometry text, EPSG:4326), ``land_area_km2`` and ``total_area_km2`` (NaN if absent),
        sorted by ``area_code``.

    Raises
    ------
    GeoError
        If the file declares a CRS other than WGS84 or lacks the NLS properties.
    """
    with Path(path).open(encoding="utf-8") as handle:
        collection = json.load(handle)
    declared = collection.get("crs", {}).get("properties", {}).get("name")
    # RFC 7946 GeoJSON is always WGS84; an old-style "crs" member may still say otherwise.
    if declared is not None and CRS.from_user_input(declared) != CRS.from_user_input(WGS84):
        raise GeoError(f"{path}: boundaries must be in {WGS84}, the file declares {declared}")
    rows = []
    for feature in collection.get("features", []):
        props = feature.get("properties") or {}
        try:
            code = str(props["NATCODE"])
            rows.append(
                {
                    "area_code": code,
                    "name_fi": props["NAMEFIN"],
                    "name_sv": props["NAMESWE"],
                    "geometry": json.dumps(feature["geometry"], separators=(",", ":")),
                    "land_area_km2": _km2(props.get("LANDAREA")),
                    "total_area_km2": _km2(props.get("TOTALAREA")),
                }
            )
        except KeyError as err:
            raise GeoError(f"{path}: a feature lacks the property {err}") from err
    frame = pd.DataFrame(rows, columns=[*BOUNDARY_COLUMNS, "land_area_km2", "total_area_km2"])
    if frame["area_code"].duplicated().any():
        dupes = sorted(frame.loc[frame["area_code"].duplicated(), "area_code"])
        raise GeoError(f"{path}: duplicate area codes {dupes}")
    return frame.sort_values("area_code", ignore_index=True)


def require_crs(gdf: gpd.GeoDataFrame, *allowed: str) -> None:
    """Raise GeoError unless ``gdf`` is a GeoDataFrame with one of the ``allowed`` CRSs.

    Parameters
    ----------
    gdf
        The frame to check.
    *allowed
        CRS identifiers such as ``"EPSG:4326"``; by default WGS84 or ETRS-TM35FIN.
    """
    allowed = allowed or (WGS84, TM35FIN)
    if not isinstance(gdf, gpd.GeoDataFrame):
        raise GeoError(f"expected a GeoDataFrame with CRS {' or '.join(allowed)}, got {type(gdf)}")
    if gdf.crs is None:
        raise GeoError(
            f"the GeoDataFrame has no CRS; declare it (one of {', '.join(allowed)}) before use"
        )
    if not any(gdf.crs == CRS.from_user_input(code) for code in allowed):
        raise GeoError(
            f"the GeoDataFrame is in {gdf.crs.to_string()}, expected {' or '.join(allowed)}"
        )


def to_geodataframe(frame: pd.DataFrame) -> gpd.GeoDataFrame:
    """Turn a boundaries frame (GeoJSON geometry text in WGS84) into a GeoDataFrame.

    Parameters
    ----------
    frame
        Columns ``area_code``, ``name_fi``, ``name_sv`` and ``geometry``: GeoJSON geometry text
        in EPSG:4326, as the reporting database stores it (shapely geometries are accepted too).
        Other columns are kept.

    Returns
    -------
    geopandas.GeoDataFrame
        Same rows, CRS declared as EPSG:4326, ``area_code`` as str.

    Raises
    ------
    GeoError
        If columns are missing, codes repeat, a geometry does not parse or is not polygonal, or
        the frame is already a GeoDataFrame in another CRS.
    """
    if isinstance(frame, gpd.GeoDataFrame):
        require_crs(frame, WGS84)
    missing = [col for col in BOUNDARY_COLUMNS if col not in frame.columns]
    if missing:
        raise GeoError(f"boundaries frame lacks columns {missing}")
    codes = frame["area_code"].astype(str)
    if codes.duplicated().any():
        raise GeoError(f"boundaries frame repeats area codes {sorted(codes[codes.duplicated()])}")
    raw = frame["geometry"].to_numpy()
    if all(isinstance(value, shapely.Geometry) for value in raw):
        geoms = np.asarray(raw, dtype=object)
    else:
        try:
            geoms = shapely.from_geojson(np.asarray(raw, dtype=object))
        except (shapely.errors.GEOSException, TypeError, ValueError) as err:
            raise GeoError(
                f"boundaries frame has geometry that is not GeoJSON text: {err}"
            ) from err
    types = shapely.get_type_id(geoms)
    polygonal = np.isin(types, [3, 6])  # Polygon, MultiPolygon
    if not polygonal.all():
        raise GeoError(f"non-polygonal boundaries for {sorted(codes[~polygonal])}")
    data = pd.DataFrame(frame.drop(columns="geometry")).assign(area_code=codes)
    return gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, index=frame.index), crs=WGS84)


def to_metric(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Project to ETRS-TM35FIN (EPSG:3067), the metric CRS for measuring and simplifying."""
    require_crs(gdf, WGS84, TM35FIN)
    return gdf if gdf.crs == CRS.from_user_input(TM35FIN) else gdf.to_crs(TM35FIN)


def to_wgs84(gdf: gpd.GeoDataFrame) -> gpd.GeoDataFrame:
    """Project to WGS84 (EPSG:4326), which Vega's projections expect; only for drawing."""
    require_crs(gdf, WGS84, TM35FIN)
    return gdf if gdf.crs == CRS.from_user_input(WGS84) else gdf.to_crs(WGS84)


# ---------------------------------------------------------------------------------------------
# Coverage simplification
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageReport:
    """Topology of a polygon coverage, measured in ETRS-TM35FIN.

    Attributes
    ----------
    is_valid
        ``shapely.coverage_is_valid``: no overlaps, edges matched, no gaps narrower than the
        gap width.
    n_invalid_edges
        Polygons with at least one invalid edge (``shapely.coverage_invalid_edges``).
    n_invalid_geometries
        Polygons failing ``shapely.is_valid``.
    area_sum_km2, union_area_km2
        Sum of the polygon areas and area of their union; they differ where polygons overlap.
    n_union_holes
        Interior rings of the union; gaps opened between neighbours would add holes.
    """

    is_valid: bool
    n_invalid_edges: int
    n_invalid_geometries: int
    area_sum_km2: float
    union_area_km2: float
    n_union_holes: int

    @property
    def overlap_ratio(self) -> float:
        """Relative excess of summed area over the union's area (0 for a clean coverage)."""
        return (self.area_sum_km2 - self.union_area_km2) / self.union_area_km2


def coverage_report(gdf: gpd.GeoDataFrame, gap_width: float = 0.0) -> CoverageReport:
    """Check that the polygons of ``gdf`` form a valid coverage.

    Parameters
    ----------
    gdf
        Polygons in EPSG:3067 (WGS84 is projected first; areas need metres).
    gap_width
        Gaps narrower than this (m) between polygons count as invalid edges.
    """
    geoms = to_metric(gdf).geometry.to_numpy()
    edges = shapely.coverage_invalid_edges(geoms, gap_width=gap_width)
    is_valid = bool(shapely.coverage_is_valid(geoms, gap_width=gap_width))
    # The fast coverage union refuses badly noded input; a broken coverage needs full overlay.
    union = (
        shapely.coverage_union_all(geoms)
        if is_valid or shapely.coverage_is_valid(geoms)
        else shapely.union_all(geoms)
    )
    holes = sum(
        shapely.get_num_interior_rings(part)
        for part in shapely.get_parts(np.asarray([union], dtype=object))
    )
    return CoverageReport(
        is_valid=is_valid,
        n_invalid_edges=int((~shapely.is_empty(edges)).sum()),
        n_invalid_geometries=int((~shapely.is_valid(geoms)).sum()),
        area_sum_km2=float(shapely.area(geoms).sum() / 1e6),
        union_area_km2=float(shapely.area(union) / 1e6),
        n_union_holes=int(holes),
    )


def simplify_coverage(
    gdf: gpd.GeoDataFrame, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> gpd.GeoDataFrame:
    """Simplify polygons as a coverage so that neighbours keep one shared border.

    Simplifying each polygon on its own would move a shared border differently on either side
    and open slivers; ``shapely.coverage_simplify`` simplifies each shared edge once.

    Parameters
    ----------
    gdf
        A valid coverage (non-overlapping, edge-matched), WGS84 or EPSG:3067.
    tolerance_m
        Visvalingam-Whyatt tolerance in metres, about the square root of the largest triangle
        area removed; 0 returns the projected input.

    Returns
    -------
    geopandas.GeoDataFrame
        The simplified coverage in EPSG:3067.

    Raises
    ------
    GeoError
        If the input is not a valid coverage or the result is invalid.
    """
    metric = to_metric(gdf)
    geoms = metric.geometry.to_numpy()
    if not shapely.coverage_is_valid(geoms):
        bad = metric.loc[~shapely.is_empty(shapely.coverage_invalid_edges(geoms)), "area_code"]
        raise GeoError(f"boundaries do not form a valid coverage; check {sorted(bad)[:10]}")
    if tolerance_m <= 0:
        return metric.copy()
    simplified = shapely.coverage_simplify(geoms, tolerance_m)
    invalid = ~shapely.is_valid(simplified)
    if invalid.any():
        raise GeoError(f"simplification broke {int(invalid.sum())} geometries; lower tolerance")
    return metric.set_geometry(gpd.GeoSeries(simplified, index=metric.index, crs=TM35FIN))


# ---------------------------------------------------------------------------------------------
# Memberships and dissolve
# ---------------------------------------------------------------------------------------------


def month_bounds(month: MonthLike) -> tuple[pd.Timestamp, pd.Timestamp]:
    """First and last day of the month containing ``month`` ('YYYY-MM', 'YYYY-MM-DD' or date)."""
    try:
        period = pd.Timestamp(month).to_period("M")
    except (ValueError, TypeError) as err:
        raise GeoError(f"not a month: {month!r}") from err
    return period.start_time.normalize(), period.end_time.normalize()


def active_memberships(memberships: pd.DataFrame, month: MonthLike) -> pd.DataFrame:
    """The trial memberships in force in ``month``.

    A row counts when its status is 'confirmed' or 'probable' (never 'not_in_trial'),
    ``member_from`` is on or before the month's last day and ``member_to`` is empty or on or
    after its first day. A row without ``member_from`` cannot be dated and does not count.

    Parameters
    ----------
    memberships
        Columns ``municipality_code, area_id, member_from, member_to, status``; dates as
        'YYYY-MM-DD' strings, dates or NaN.
    month
        Any day of the month.

    Returns
    -------
    pandas.DataFrame
        The active rows with ``municipality_code`` and ``area_id`` as str.

    Raises
    ------
    GeoError
        If columns are missing, a date does not parse or a municipality is in two areas at once.
    """
    missing = [col for col in MEMBERSHIP_COLUMNS if col not in memberships.columns]
    if missing:
        raise GeoError(f"memberships frame lacks columns {missing}")
    start, end = month_bounds(month)
    try:
        # An explicit format: '1.3.2021' must fail, not be guessed as 3 January.
        member_from = pd.to_datetime(
            memberships["member_from"].replace("", None), format="%Y-%m-%d", errors="raise"
        )
        member_to = pd.to_datetime(
            memberships["member_to"].replace("", None), format="%Y-%m-%d", errors="raise"
        )
    except (ValueError, TypeError) as err:
        raise GeoError(f"membership dates must be YYYY-MM-DD: {err}") from err
    in_force = (
        memberships["status"].isin(TRIAL_STATUSES)
        & member_from.notna()
        & (member_from <= end)
        & (member_to.isna() | (member_to >= start))
    )
    active = memberships.loc[in_force].assign(
        municipality_code=lambda f: f["municipality_code"].astype(str),
        area_id=lambda f: f["area_id"].astype(str),
    )
    twice = active["municipality_code"].duplicated(keep=False)
    if twice.any():
        raise GeoError(
            f"municipalities in more than one trial area in {start:%Y-%m}: "
            f"{sorted(set(active.loc[twice, 'municipality_code']))}"
        )
    return active.reset_index(drop=True)


def dissolve_trial_areas(
    municipalities: gpd.GeoDataFrame, memberships: pd.DataFrame, month: MonthLike
) -> gpd.GeoDataFrame:
    """Dissolve member municipalities into trial-area polygons for one month.

    Parameters
    ----------
    municipalities
        Municipality polygons with ``area_code`` (a coverage), WGS84 or EPSG:3067.
    memberships
        As for :func:`active_memberships`.
    month
        Any day of the month.

    Returns
    -------
    geopandas.GeoDataFrame
        One row per trial area in force, sorted by ``area_id``, in EPSG:3067, with columns
        ``area_id``, ``n_members``, ``n_unverified`` (members with status 'probable'),
        ``members`` (comma-separated codes) and ``geometry``. Empty if no area is in force.

    Raises
    ------
    GeoError
        On a wrong CRS, bad memberships or members missing from the boundaries.
    """
    metric = to_metric(municipalities)
    active = active_memberships(memberships, month)
    columns = ["area_id", "n_members", "n_unverified", "members"]
    if active.empty:
        return gpd.GeoDataFrame(columns=[*columns, "geometry"], geometry="geometry", crs=TM35FIN)
    by_code = metric.set_index("area_code").geometry
    unknown = sorted(set(active["municipality_code"]) - set(by_code.index))
    if unknown:
        raise GeoError(f"trial members without a boundary: {unknown}")
    rows, geoms = [], []
    for area_id, group in active.sort_values("municipality_code").groupby("area_id", sort=True):
        codes = group["municipality_code"].tolist()
        rows.append(
            {
                "area_id": area_id,
                "n_members": len(codes),
                "n_unverified": int((group["status"] == UNVERIFIED_STATUS).sum()),
                "members": ",".join(codes),
            }
        )
        # Members of a coverage share edges exactly, so the fast coverage union is exact.
        geoms.append(shapely.coverage_union_all(by_code.loc[codes].to_numpy()))
    return gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs=TM35FIN)


# ---------------------------------------------------------------------------------------------
# Export for Vega
# ---------------------------------------------------------------------------------------------


def label_points(gdf: gpd.GeoDataFrame, decimals: int = COORD_DECIMALS) -> gpd.GeoSeries:
    """A point inside each polygon for labels, found in EPSG:3067 and returned in WGS84.

    A centroid can fall outside a concave or multi-part area (a bay, an archipelago);
    ``representative_point`` (GEOS point-on-surface) cannot.
    """
    inside = to_metric(gdf).geometry.representative_point()
    points = inside.to_crs(WGS84)
    return gpd.GeoSeries(
        shapely.transform(points.to_numpy(), lambda xy: np.round(xy, decimals)),
        index=gdf.index,
        crs=WGS84,
    )


def _drawable(geoms: np.ndarray, decimals: int) -> np.ndarray:
    """Round WGS84 coordinates and orient rings clockwise for Vega, keeping geometries valid."""
    rounded = shapely.remove_repeated_points(
        shapely.transform(geoms, lambda xy: np.round(xy, decimals))
    )
    # Rounding can collapse a sliver ring; keep the unrounded geometry there rather than draw
    # something invalid.
    broken = ~shapely.is_valid(rounded)
    rounded[broken] = geoms[broken]
    # d3-geo (inside Vega) reads rings on the sphere: an exterior that is not clockwise encloses
    # the rest of the globe and the fill covers everything but the shape.
    oriented: np.ndarray = shapely.orient_polygons(rounded, exterior_cw=True)
    return oriented


def to_features(
    gdf: gpd.GeoDataFrame,
    properties: Sequence[str],
    *,
    decimals: int = COORD_DECIMALS,
) -> list[dict[str, Any]]:
    """GeoJSON features for inline Vega-Lite data.

    Parameters
    ----------
    gdf
        Polygons in WGS84 or EPSG:3067 (projected to WGS84 here).
    properties
        Columns to copy into each feature's ``properties``; NaN becomes None.
    decimals
        Decimal places kept in coordinates.

    Returns
    -------
    list of dict
        ``{"type": "Feature", "properties": {...}, "geometry": {...}}`` per row, rings oriented
        clockwise, coordinates rounded.
    """
    wgs = to_wgs84(gdf)
    geoms = _drawable(wgs.geometry.to_numpy(), decimals)
    records = pd.DataFrame(wgs[list(properties)]).astype(object)
    records = records.where(records.notna(), None)
    features = []
    for geom, props in zip(geoms, records.to_dict(orient="records"), strict=True):
        features.append(
            {
                "type": "Feature",
                "properties": props,
                "geometry": shapely.geometry.mapping(geom),
            }
        )
    return features


# ---------------------------------------------------------------------------------------------
# Cached layers: the expensive steps keyed on a checksum of the input frames
# ---------------------------------------------------------------------------------------------


_MEMO = Memo(maxsize=32)  # results keyed on frame checksums


def clear_cache() -> None:
    """Forget every cached layer (for tests and after loading new boundaries)."""
    _MEMO.clear()


def frame_checksum(frame: pd.DataFrame, columns: Iterable[str] | None = None) -> str:
    """A stable checksum of a frame's values (of ``columns`` if given), for cache keys."""
    part = pd.DataFrame(frame if columns is None else frame[list(columns)])

    def text(value: object) -> str:
        # Geometries hash by their WKB: str() of a geometry may round its coordinates.
        return (
            shapely.to_wkb(value, hex=True) if isinstance(value, shapely.Geometry) else str(value)
        )

    hashed = pd.util.hash_pandas_object(part.map(text), index=False).to_numpy()
    digest = hashlib.sha256(hashed.tobytes())
    digest.update("|".join(map(str, part.columns)).encode())
    return digest.hexdigest()


def _municipality_coverage(frame: pd.DataFrame, tolerance_m: float) -> gpd.GeoDataFrame:
    """The simplified municipality coverage in EPSG:3067 (cached, do not mutate)."""
    key = ("coverage", frame_checksum(frame, BOUNDARY_COLUMNS), float(tolerance_m))
    return _MEMO.get(key, lambda: simplify_coverage(to_geodataframe(frame), tolerance_m))


def _with_label_points(gdf: gpd.GeoDataFrame, decimals: int) -> gpd.GeoDataFrame:
    points = label_points(gdf, decimals)
    return gdf.assign(label_lon=points.x.to_numpy(), label_lat=points.y.to_numpy())


def municipality_layer(
    frame: pd.DataFrame, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> gpd.GeoDataFrame:
    """Simplified municipality polygons ready to draw, from the database's boundaries frame.

    Parameters
    ----------
    frame
        Columns ``area_code``, ``name_fi``, ``name_sv``, ``geometry`` (GeoJSON text, WGS84).
    tolerance_m
        Coverage simplification tolerance in metres.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:3067 polygons (simplified as a coverage) with ``area_code``, ``name_fi``,
        ``name_sv``, ``label_lon`` and ``label_lat`` (WGS84 label point inside the polygon),
        sorted by ``area_code``. A copy: the cached original stays untouched.
    """
    key = ("municipalities", frame_checksum(frame, BOUNDARY_COLUMNS), float(tolerance_m))

    def build() -> gpd.GeoDataFrame:
        coverage = _municipality_coverage(frame, tolerance_m)
        layer = coverage[["area_code", "name_fi", "name_sv", "geometry"]]
        return _with_label_points(layer.sort_values("area_code", ignore_index=True), COORD_DECIMALS)

    return _MEMO.get(key, build).copy()


def area_layer(
    frame: pd.DataFrame,
    memberships: pd.DataFrame,
    month: MonthLike,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> gpd.GeoDataFrame:
    """Trial-area polygons in force in ``month``, dissolved from the simplified coverage.

    Dissolving the simplified municipalities (rather than simplifying the dissolved areas)
    keeps the area outlines exactly on the municipality borders drawn beneath them.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:3067, as :func:`dissolve_trial_areas` plus ``label_lon`` and ``label_lat``.
    """
    start, _ = month_bounds(month)
    key = (
        "areas",
        frame_checksum(frame, BOUNDARY_COLUMNS),
        frame_checksum(memberships, MEMBERSHIP_COLUMNS),
        start,
        float(tolerance_m),
    )

    def build() -> gpd.GeoDataFrame:
        areas = dissolve_trial_areas(_municipality_coverage(frame, tolerance_m), memberships, start)
        return _with_label_points(areas, COORD_DECIMALS)

    return _MEMO.get(key, build).copy()


def employment_area_layer(
    frame: pd.DataFrame,
    employment_areas: pd.DataFrame,
    tolerance_m: float = DEFAULT_TOLERANCE_M,
) -> gpd.GeoDataFrame:
    """The 2025 employment areas (työllisyysalueet) dissolved from the simplified coverage.

    Parameters
    ----------
    frame
        The database's boundaries frame (as for :func:`municipality_layer`).
    employment_areas
        ``municipality_code, area_code`` and the area's names (``name_fi``, ``name_sv``,
        ``name_en``), one row per municipality
        (``data_access.queries.employment_areas``).
    tolerance_m
        Coverage simplification tolerance in metres.

    Returns
    -------
    geopandas.GeoDataFrame
        EPSG:3067, one row per employment area sorted by ``area_code``, with the names,
        ``n_members``, ``members`` (comma-separated codes), ``label_lon`` and ``label_lat``.

    Raises
    ------
    GeoError
        When a municipality of the employment areas has no boundary.
    """
    key = (
        "employment_areas",
        frame_checksum(frame, BOUNDARY_COLUMNS),
        frame_checksum(employment_areas, ("municipality_code", "area_code")),
        float(tolerance_m),
    )

    def build() -> gpd.GeoDataFrame:
        coverage = _municipality_coverage(frame, tolerance_m)
        by_code = coverage.set_index("area_code").geometry
        unknown = sorted(set(employment_areas["municipality_code"]) - set(by_code.index))
        if unknown:
            raise GeoError(f"employment-area municipalities without a boundary: {unknown}")
        rows, geoms = [], []
        ordered = employment_areas.sort_values("municipality_code")
        for code, group in ordered.groupby("area_code", sort=True):
            members = group["municipality_code"].tolist()
            first = group.iloc[0]
            rows.append(
                {
                    "area_code": code,
                    "name_fi": first["name_fi"],
                    "name_sv": first["name_sv"],
                    "name_en": first["name_en"],
                    "n_members": len(members),
                    "members": ",".join(members),
                }
            )
            # Members of a coverage share edges exactly, so the fast coverage union is exact.
            geoms.append(shapely.coverage_union_all(by_code.loc[members].to_numpy()))
        areas = gpd.GeoDataFrame(pd.DataFrame(rows), geometry=geoms, crs=TM35FIN)
        return _with_label_points(areas, COORD_DECIMALS)

    return _MEMO.get(key, build).copy()


def country_layer(
    frame: pd.DataFrame, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> gpd.GeoDataFrame:
    """Finland as one (multi)polygon, the union of the simplified coverage, in EPSG:3067."""
    key = ("country", frame_checksum(frame, BOUNDARY_COLUMNS), float(tolerance_m))

    def build() -> gpd.GeoDataFrame:
        coverage = _municipality_coverage(frame, tolerance_m)
        union = shapely.coverage_union_all(coverage.geometry.to_numpy())
        return gpd.GeoDataFrame({"area_code": ["FI"]}, geometry=[union], crs=TM35FIN)

    return _MEMO.get(key, build).copy()


def drawing_extent(
    frame: pd.DataFrame, tolerance_m: float = DEFAULT_TOLERANCE_M
) -> list[tuple[float, float]]:
    """Corners of Finland's bounding box in EPSG:3067, as WGS84 (lon, lat) points.

    A transverse Mercator on 27°E fitted to these four points frames the country as its
    ETRS-TM35FIN bounding box, whatever layers a map draws.
    """
    xmin, ymin, xmax, ymax = country_layer(frame, tolerance_m).total_bounds
    corners = gpd.GeoSeries(
        shapely.points([(xmin, ymin), (xmax, ymin), (xmax, ymax), (xmin, ymax)]), crs=TM35FIN
    ).to_crs(WGS84)
    return [(round(p.x, COORD_DECIMALS), round(p.y, COORD_DECIMALS)) for p in corners]
