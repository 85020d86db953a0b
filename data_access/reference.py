"""Reference tables: municipalities, regions, trial areas and memberships, boundaries, catalogue.

Each reader validates its file and returns rows for one table; :func:`load_reference` writes all
of them in the caller's transaction with upserts, so a rebuild changes nothing when nothing
changed and a bad file leaves the database as it was.
"""

from __future__ import annotations

import io
import json
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Connection, delete, insert, select

from catalogue import definitions
from data_access import dialects, schema
from data_access.errors import LoadError, Problem
from data_access.readers import read_text

STATUSES = {"confirmed", "probable", "not_in_trial"}
COUNTRY_NAMES = ("Koko maa", "Hela landet", "Whole country")


def _csv(path: Path, required: list[str]) -> pd.DataFrame:
    text = read_text(path)
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False)
    missing = [c for c in required if c not in frame.columns]
    if missing:
        raise LoadError([Problem(str(path), "line 1", f"missing columns: {', '.join(missing)}")])
    return frame


def _date_or_none(path: Path, where: str, text: str) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise LoadError([Problem(str(path), where, f"{text!r} is not a date")]) from None


def read_municipalities(path: Path) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Municipalities and the regions (region, subregion, ELY, country) they belong to."""
    required = [
        "municipality_code",
        "name_fi",
        "name_sv",
        "name_en",
        "maakunta_code",
        "maakunta_name_fi",
        "maakunta_name_sv",
        "maakunta_name_en",
        "seutukunta_code",
        "seutukunta_name_fi",
        "seutukunta_name_sv",
        "ely_code",
        "ely_name_fi",
        "ely_name_sv",
        "ely_name_en",
    ]
    frame = _csv(path, required)
    problems = [
        Problem(str(path), f"line {i + 2}", f"municipality code {c!r} is not three digits")
        for i, c in enumerate(frame["municipality_code"])
        if not (len(c) == 3 and c.isdigit())
    ]
    dup = frame[frame["municipality_code"].duplicated()]
    problems += [
        Problem(str(path), f"line {i + 2}", f"duplicate municipality code {c!r}")
        for i, c in zip(dup.index, dup["municipality_code"], strict=True)
    ]
    if problems:
        raise LoadError(problems)
    year_cols = sorted(c for c in frame.columns if c.startswith("kuntaryhmitys_"))
    municipalities = [
        {
            "code": r.municipality_code,
            "name_fi": r.name_fi,
            "name_sv": r.name_sv,
            "name_en": r.name_en,
            "region_code": f"MK{r.maakunta_code}",
            "subregion_code": f"SK{r.seutukunta_code}",
            "ely_code": f"ELY{r.ely_code}",
            "welfare_area_code": getattr(r, "hyvinvointialue_code", None) or None,
            "language_class": getattr(r, "kielisuhde_name_fi", None) or None,
            "urban_rural_class": getattr(r, year_cols[-1]) if year_cols else None,
            "valid_from": None,
            "valid_to": None,
        }
        for r in frame.itertuples(index=False)
    ]
    regions: dict[tuple[str, str], dict[str, Any]] = {
        ("country", "SSS"): dict(zip(("name_fi", "name_sv", "name_en"), COUNTRY_NAMES, strict=True))
    }
    for r in frame.itertuples(index=False):
        regions[("region", f"MK{r.maakunta_code}")] = {
            "name_fi": r.maakunta_name_fi,
            "name_sv": r.maakunta_name_sv,
            "name_en": r.maakunta_name_en,
        }
        regions[("subregion", f"SK{r.seutukunta_code}")] = {
            "name_fi": r.seutukunta_name_fi,
            "name_sv": r.seutukunta_name_sv,
            "name_en": r.seutukunta_name_fi,
        }
        regions[("ely", f"ELY{r.ely_code}")] = {
            "name_fi": r.ely_name_fi,
            "name_sv": r.ely_name_sv,
            "name_en": r.ely_name_en,
        }
    region_rows = [{"level": lv, "code": code, **names} for (lv, code), names in regions.items()]
    return municipalities, region_rows


def read_changes(path: Path, codes: set[str]) -> list[dict[str, Any]]:
    """Dated municipality code changes (mergers)."""
    frame = _csv(path, ["old_code", "new_code", "effective"])
    rows, problems = [], []
    for i, r in enumerate(frame.itertuples(index=False), start=2):
        for code in (r.old_code, r.new_code):
            if code not in codes:
                problems.append(Problem(str(path), f"line {i}", f"unknown municipality {code!r}"))
        rows.append(
            {
                "old_code": r.old_code,
                "new_code": r.new_code,
                "effective": _date_or_none(path, f"line {i}", r.effective),
                "note": getattr(r, "note", None) or None,
            }
        )
    if problems:
        raise LoadError(problems)
    return rows


def read_trials(
    areas_path: Path, members_path: Path, sources_path: Path, codes: set[str]
) -> dict[str, list[dict[str, Any]]]:
    """Trial areas, dated memberships with their verification status, and their sources."""
    sources = _csv(sources_path, ["source_key", "citation"])
    areas = _csv(
        areas_path,
        [
            "area_id",
            "area_name_fi",
            "area_name_sv",
            "status",
            "confidence",
            "trial_start",
            "trial_end",
            "source",
        ],
    )
    members = _csv(
        members_path,
        [
            "municipality_code",
            "area_id",
            "status",
            "confidence",
            "member_from",
            "member_to",
            "source",
        ],
    )
    problems: list[Problem] = []
    area_rows = []
    for i, r in enumerate(areas.itertuples(index=False), start=2):
        if r.status not in STATUSES:
            problems.append(Problem(str(areas_path), f"line {i}", f"unknown status {r.status!r}"))
        lead = r.lead_municipality_code if hasattr(r, "lead_municipality_code") else ""
        if lead and lead not in codes:
            problems.append(Problem(str(areas_path), f"line {i}", f"unknown municipality {lead!r}"))
        area_rows.append(
            {
                "area_id": r.area_id,
                "name_fi": r.area_name_fi,
                "name_sv": r.area_name_sv,
                "lead_municipality_code": lead or None,
                "start_date": _date_or_none(areas_path, f"line {i}", r.trial_start),
                "end_date": _date_or_none(areas_path, f"line {i}", r.trial_end),
                "status": r.status,
                "confidence": r.confidence,
                "source": r.source,
                "note": getattr(r, "note", None) or None,
            }
        )
    area_ids = {a["area_id"] for a in area_rows}
    member_rows = []
    for i, r in enumerate(members.itertuples(index=False), start=2):
        where = f"line {i}"
        if r.municipality_code not in codes:
            problems.append(
                Problem(str(members_path), where, f"unknown municipality {r.municipality_code!r}")
            )
        if r.area_id not in area_ids:
            problems.append(Problem(str(members_path), where, f"unknown area {r.area_id!r}"))
        if r.status not in STATUSES:
            problems.append(Problem(str(members_path), where, f"unknown status {r.status!r}"))
        start = _date_or_none(members_path, where, r.member_from)
        end = _date_or_none(members_path, where, r.member_to)
        if start and end and end < start:
            problems.append(Problem(str(members_path), where, "member_to before member_from"))
        member_rows.append(
            {
                "municipality_code": r.municipality_code,
                "area_id": r.area_id,
                "member_from": start,
                "member_to": end,
                "status": r.status,
                "confidence": r.confidence,
                "source": r.source,
            }
        )
    if problems:
        raise LoadError(problems)
    source_rows = [
        {"source_key": r.source_key, "citation": r.citation}
        for r in sources.itertuples(index=False)
    ]
    return {
        "trial_sources": source_rows,
        "trial_areas": area_rows,
        "trial_memberships": member_rows,
    }


def read_boundaries(
    path: Path, level: str, codes: set[str], source: str, vintage: date
) -> list[dict[str, Any]]:
    """Boundary features as GeoJSON geometry text (WGS84), keyed on their codes."""
    text = read_text(path)
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise LoadError(
            [Problem(str(path), f"line {exc.lineno}", f"not valid JSON: {exc.msg}")]
        ) from None
    rows, problems = [], []
    for n, feature in enumerate(document.get("features", []), start=1):
        props = feature.get("properties") or {}
        code = str(props.get("NATCODE", ""))
        stored = code if level == "municipality" else f"MK{code}"
        if level == "municipality" and code not in codes:
            problems.append(Problem(str(path), f"feature {n}", f"unknown municipality {code!r}"))
            continue
        if not feature.get("geometry"):
            problems.append(Problem(str(path), f"feature {n}", "feature without geometry"))
            continue
        rows.append(
            {
                "area_level": level,
                "area_code": stored,
                "name_fi": props.get("NAMEFIN") or "",
                "name_sv": props.get("NAMESWE") or "",
                "land_area_km2": props.get("LANDAREA"),
                "total_area_km2": props.get("TOTALAREA"),
                "geometry": json.dumps(feature["geometry"], separators=(",", ":")),
                "crs": "EPSG:4326",
                "source": source,
                "vintage": vintage,
            }
        )
    if problems:
        raise LoadError(problems)
    return rows


def catalogue_rows() -> list[dict[str, Any]]:
    """The indicator catalogue as rows of the ``indicators`` table."""
    return [
        {
            "code": i.code,
            "name_fi": i.name_fi,
            "name_sv": i.name_sv,
            "name_en": i.name_en,
            "unit": i.unit,
            "kind": i.kind,
            "numerator": i.numerator,
            "denominator": i.denominator,
            "scale": i.scale,
            "components": ",".join(i.components) or None,
            "better": i.better,
            "stored": i.stored,
            "annual": i.annual,
            "source_table": i.source,
            "statfin_code": i.statfin_code,
            "statfin_label_fi": i.statfin_label_fi,
            "definition_en": i.definition_en,
            "definition_fi": i.definition_fi or None,
            "definition_sv": i.definition_sv or None,
        }
        for i in definitions.CATALOGUE
    ]


def read_employment_areas(path: Path, codes: set[str]) -> list[dict[str, Any]]:
    """The 2025 employment area of every municipality of the 2021–2024 division.

    The file lists the 2025 division; Pertunmaa (588), merged into Mäntyharju (507) on 1
    January 2025, takes 507's area. A code the municipalities do not know is rejected.
    """
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    needed = ["municipality_code", "tyollisyysalue_code", "tyollisyysalue_name_fi"]
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise LoadError([Problem(str(path), "line 1", f"missing columns: {', '.join(missing)}")])
    rows = {}
    for number, row in enumerate(frame.itertuples(index=False), start=2):
        code = str(row.municipality_code).strip()
        if code not in codes:
            raise LoadError(
                [Problem(str(path), f"line {number}", f"unknown municipality code {code!r}")]
            )
        rows[code] = {
            "municipality_code": code,
            "area_code": str(row.tyollisyysalue_code).strip(),
            "name_fi": row.tyollisyysalue_name_fi,
            "name_sv": row.tyollisyysalue_name_sv or row.tyollisyysalue_name_fi,
            "name_en": row.tyollisyysalue_name_en or row.tyollisyysalue_name_fi,
        }
    if "507" in rows and "588" in codes and "588" not in rows:
        rows["588"] = {**rows["507"], "municipality_code": "588"}
    return list(rows.values())


def write_tables(conn: Connection, tables: dict[str, list[dict[str, Any]]]) -> dict[str, int]:
    """Upsert each table's rows (in dependency order); returns rows written per table."""
    order = [
        "regions",
        "municipalities",
        "municipality_changes",
        "trial_sources",
        "trial_areas",
        "trial_memberships",
        "employment_areas",
        "indicators",
        "boundaries",
    ]
    written = {}
    for name in order:
        rows = tables.get(name)
        if not rows:
            continue
        table = schema.metadata.tables[name]
        if name == "trial_memberships":
            # Memberships have a surrogate key and nullable dates, so an upsert cannot match
            # them; nothing refers to them, so the set is replaced whole inside the transaction.
            conn.execute(delete(table))
            conn.execute(insert(table), rows)
            written[name] = len(rows)
            continue
        keys = [c.name for c in table.primary_key.columns]
        written[name] = dialects.upsert(conn, table, rows, keys)
    return written


def existing_codes(conn: Connection) -> set[str]:
    """Municipality codes already in the database."""
    return set(conn.execute(select(schema.municipalities.c.code)).scalars())
