"""Download current tables from Statistics Finland's PxWeb API and load them through ``load``.

Only used when the machine is online; tests serve recorded responses from a local server.
Each table's metadata is read first, because StatFin renames variable codes over time: the
catalogue's StatFin codes pick the variables, and queries are split to stay under the API's
cell limit.
"""

from __future__ import annotations

import json
import tempfile
import urllib.error
import urllib.request
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from data_access import migrate
from data_access.engine import make_engine
from data_access.errors import LoadError, Problem
from data_access.loader import FileResult, LoadItem, Progress, load_items, tiedot_codes

STATFIN_API = "https://pxdata.stat.fi/PxWeb/api/v1/fi/StatFin"
TABLES = {"12r5": "tyonv/statfin_tyonv_pxt_12r5.px"}
MAX_CELLS = 100_000
TIMEOUT = 60


@dataclass(frozen=True)
class TableMeta:
    """What a PxWeb table offers: its variables' codes and values."""

    title: str
    variables: dict[str, list[str]]
    texts: dict[str, dict[str, str]]

    def find(self, *names: str) -> str:
        """The code of the first variable whose code or text is one of ``names``."""
        lowered = {n.lower() for n in names}
        for code in self.variables:
            if code.lower() in lowered:
                return code
        raise LoadError([Problem(self.title, "metadata", f"no variable {' / '.join(names)}")])


def _request(url: str, body: dict[str, Any] | None = None) -> bytes:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(
        url,
        data=data,
        method="POST" if data else "GET",
        headers={"Content-Type": "application/json"},
    )
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return bytes(response.read())
    except urllib.error.HTTPError as error:
        raise LoadError(
            [Problem(url, f"HTTP {error.code}", error.reason or "request failed")]
        ) from None
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise LoadError([Problem(url, "network", f"cannot reach the PxWeb API: {error}")]) from None


def read_metadata(url: str) -> TableMeta:
    """GET a table's metadata (PxWeb API v1)."""
    raw = _request(url)
    try:
        document = json.loads(raw)
        variables = {v["code"]: list(v["values"]) for v in document["variables"]}
        texts = {
            v["code"]: dict(zip(v["values"], v["valueTexts"], strict=True))
            for v in document["variables"]
        }
    except (ValueError, KeyError, TypeError) as error:
        raise LoadError([Problem(url, "metadata", f"not PxWeb metadata: {error}")]) from None
    return TableMeta(str(document.get("title", url)), variables, texts)


def plan_queries(meta: TableMeta, *, since: str, wanted: Iterable[str]) -> list[dict[str, Any]]:
    """PxWeb query bodies covering ``wanted`` variables for every area from ``since``,
    split by month ranges so no query exceeds :data:`MAX_CELLS` cells.
    """
    area = meta.find("Alue", "Region", "Område")
    month = meta.find("Kuukausi", "Month", "Månad")
    info = meta.find("Tiedot", "Information", "Uppgifter")
    wanted = set(wanted)
    infos = [c for c in meta.variables[info] if c in wanted]
    if not infos:
        raise LoadError(
            [Problem(meta.title, "metadata", "none of the catalogue's variables is in this table")]
        )
    areas = meta.variables[area]
    months = [m for m in meta.variables[month] if m >= since]
    per_query = max(1, MAX_CELLS // (len(areas) * len(infos)))
    bodies = []
    for start in range(0, len(months), per_query):
        chunk = months[start : start + per_query]
        bodies.append(
            {
                "query": [
                    {"code": area, "selection": {"filter": "item", "values": areas}},
                    {"code": month, "selection": {"filter": "item", "values": chunk}},
                    {"code": info, "selection": {"filter": "item", "values": infos}},
                ],
                "response": {"format": "json-stat2"},
            }
        )
    return bodies


def fetch_and_load(
    url: str | None,
    *,
    base_url: str | None = None,
    since: str = "2006M01",
    tables: dict[str, str] | None = None,
    progress: Progress = print,
) -> list[FileResult]:
    """Download each table (default: 12r5) and load it in one transaction."""
    base = (base_url or STATFIN_API).rstrip("/")
    wanted = set(tiedot_codes())
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        return _fetch(engine, base, wanted, since, tables or TABLES, progress)
    finally:
        engine.dispose()


def _fetch(
    engine: Engine,
    base: str,
    wanted: set[str],
    since: str,
    tables: dict[str, str],
    progress: Progress,
) -> list[FileResult]:
    with tempfile.TemporaryDirectory(prefix="seuranta-fetch-") as folder:
        items = []
        for name, path in tables.items():
            table_url = f"{base}/{path}"
            progress(f"{name}: reading metadata from {table_url}")
            meta = read_metadata(table_url)
            bodies = plan_queries(meta, since=since, wanted=wanted)
            for number, body in enumerate(bodies, start=1):
                progress(f"{name}: query {number}/{len(bodies)}")
                target = Path(folder) / f"{name}_{number:03d}.json"
                target.write_bytes(_request(table_url, body))
                items.append(
                    LoadItem(
                        path=target,
                        source=f"Statistics Finland, {meta.title}",
                        display_name=f"{name} query {number} ({table_url})",
                    )
                )
        with engine.begin() as conn:
            return load_items(conn, items, progress=progress)
