"""PxWeb readers and ``fetch`` against a local server answering like StatFin's API."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import fetch
from data_access.errors import LoadError
from data_access.loader import LoadItem, load_items
from data_access.queries import observations
from tests.conftest import Golden

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TIEDOT = {
    "TYOTTOMATLOPUSSA": "unemployed_jobseekers",
    "TYOVOIMATK": "labour_force_statfin",
    "AVPAIKATLOPUSSA": "open_vacancies",
    "TYONHAKIJAT": "jobseekers_total",
}


def real_values() -> pd.DataFrame:
    """Shipped 12r5 values keyed like PxWeb: Alue, Kuukausi, Tiedot → value."""
    munis = pd.read_csv(
        ROOT / "data/labour/tyonv_12r5_municipalities_monthly_2006_2023.csv",
        dtype={"municipality_code": str},
    )
    munis["Alue"] = "KU" + munis["municipality_code"]
    regions = pd.read_csv(ROOT / "data/labour/tyonv_12r5_regions_monthly_2006_2023.csv")
    regions["Alue"] = regions["region_code"]
    frame = pd.concat([munis, regions], ignore_index=True)
    frame["Kuukausi"] = frame["month"].str.replace("-", "M")
    long = frame.melt(
        id_vars=["Alue", "Kuukausi"],
        value_vars=["unemployed_jobseekers", "labour_force_statfin", "open_vacancies"],
        var_name="column",
    )
    reverse = {v: k for k, v in TIEDOT.items()}
    long["Tiedot"] = long["column"].map(reverse)
    return long.set_index(["Alue", "Kuukausi", "Tiedot"])["value"]


def unemployed_query(areas: list[str], month: str) -> dict:
    """A PxWeb query body for the unemployed jobseekers of ``areas`` in one ``month``."""
    return {
        "query": [
            {"code": "Alue", "selection": {"values": areas}},
            {"code": "Kuukausi", "selection": {"values": [month]}},
            {"code": "Tiedot", "selection": {"values": ["TYOTTOMATLOPUSSA"]}},
        ]
    }


def jsonstat(body: dict, values: pd.Series) -> dict:
    """A JSON-stat2 dataset for a PxWeb query body, from real values."""
    selection = {q["code"]: q["selection"]["values"] for q in body["query"]}
    ids = ["Alue", "Kuukausi", "Tiedot"]
    cells, status = [], {}
    for a in selection["Alue"]:
        for m in selection["Kuukausi"]:
            for t in selection["Tiedot"]:
                value = values.get((a, m, t))
                if value is None or pd.isna(value):
                    status[str(len(cells))] = ".."
                    cells.append(None)
                else:
                    cells.append(float(value))
    return {
        "version": "2.0",
        "class": "dataset",
        "label": "12r5 test response",
        "source": "Statistics Finland",
        "updated": "2023-12-05T08:00:00Z",
        "id": ids,
        "size": [len(selection[i]) for i in ids],
        "dimension": {
            i: {
                "label": i,
                "category": {
                    "index": {c: n for n, c in enumerate(selection[i])},
                    "label": {c: c for c in selection[i]},
                },
            }
            for i in ids
        },
        "value": cells,
        "status": status,
    }


@pytest.fixture
def pxweb_server() -> Iterator[tuple[str, list[dict]]]:
    """A loopback server that answers PxWeb metadata GETs and json-stat2 POSTs."""
    meta = (FIXTURES / "pxweb_12r5_metadata.json").read_bytes()
    values = real_values()
    received: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self._send(meta)

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
            received.append(body)
            self._send(json.dumps(jsonstat(body, values)).encode())

        def _send(self, payload: bytes) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/api/v1/fi/StatFin", received
    server.shutdown()
    server.server_close()


def test_fetch_downloads_in_chunks_and_loads(
    reference_engine: Engine,
    db_url: str,
    pxweb_server: tuple[str, list[dict]],
    monkeypatch: pytest.MonkeyPatch,
    golden: Golden,
) -> None:
    base, received = pxweb_server
    monkeypatch.setattr(fetch, "MAX_CELLS", 6 * 3)  # six areas, three variables: 1 month/query
    lines: list[str] = []
    results = fetch.fetch_and_load(db_url, base_url=base, since="2021M02", progress=lines.append)
    assert len(received) == 2  # 2021M02 and 2021M03, one query each
    asked = {v for q in received for v in q["query"][2]["selection"]["values"]}
    assert asked == {"TYOTTOMATLOPUSSA", "TYOVOIMATK", "AVPAIKATLOPUSSA"}
    assert sum(r.loaded for r in results) == 2 * 6 * 3
    frame = observations(
        reference_engine, indicators=["unemployed_jobseekers"], level="country", months=["2021-03"]
    )
    assert frame["value"].tolist() == [golden.unemployed("SSS", "2021-03")]
    helsinki = observations(
        reference_engine,
        indicators=["unemployed_jobseekers"],
        level="municipality",
        codes=["091"],
        months=["2021-03"],
    )
    assert helsinki["value"].tolist() == [golden.unemployed("091", "2021-03")]
    assert any("query 2/2" in line for line in lines)
    # Fetching again finds identical files: nothing changes.
    again = fetch.fetch_and_load(db_url, base_url=base, since="2021M02", progress=lines.append)
    assert all(r.skipped for r in again)


def test_fetch_reports_an_unreachable_api(db_url: str, reference_engine: Engine) -> None:
    with pytest.raises(LoadError, match="cannot reach the PxWeb API"):
        fetch.fetch_and_load(db_url, base_url="http://127.0.0.1:9/none", progress=print)


def test_jsonstat_reader_marks_status_symbols_suppressed(
    reference_engine: Engine, tmp_path: Path
) -> None:
    document = jsonstat(unemployed_query(["KU766", "KU091"], "2023M10"), real_values())
    # Sottunga (766) was suppressed by the source in October 2023.
    assert document["status"] == {"0": ".."}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(document))
    with reference_engine.begin() as conn:
        load_items(conn, [LoadItem(path=path)])
    frame = observations(
        reference_engine,
        indicators=["unemployed_jobseekers"],
        level="municipality",
        months=["2023-10"],
    )
    assert frame.set_index("area_code")["suppressed"].to_dict() == {"091": False, "766": True}


@pytest.mark.parametrize(
    ("mutate", "reason"),
    [
        (lambda d: d.update(value=d["value"][:-1]), "values where the dimensions give"),
        (lambda d: d.pop("id"), "JSON-stat 'id' must be a list of dimension names"),
        (
            lambda d: (
                d["dimension"]["Tiedot"]["category"]["index"].update({"KISSAT": 0})
                or d["dimension"]["Tiedot"]["category"]["index"].pop("TYOTTOMATLOPUSSA")
            ),
            "unknown variable code 'KISSAT'",
        ),
    ],
)
def test_jsonstat_reader_rejects_malformed(
    reference_engine: Engine, tmp_path: Path, mutate, reason: str
) -> None:
    document = jsonstat(unemployed_query(["KU091", "SSS"], "2021M03"), real_values())
    mutate(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document))
    with (
        pytest.raises(LoadError, match=reason.replace("(", r"\(").replace(")", r"\)")),
        reference_engine.begin() as conn,
    ):
        load_items(conn, [LoadItem(path=path)])


def test_truncated_json_names_the_line(reference_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_text('{"version": "2.0",\n "class": "dataset",\n "value": [1, 2')
    with (
        pytest.raises(LoadError, match=r"cut.json: line 3: not valid JSON"),
        reference_engine.begin() as conn,
    ):
        load_items(conn, [LoadItem(path=path)])


def test_pxweb_csv_export_loads(reference_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        '"Alue","Työttömät työnhakijat laskentapäivänä, 2021M03",'
        '"TK:n työssäkäyntitilaston työvoima, 2021M03"\n'
        '"KOKO MAA",331526,2690417\n"Helsinki",51318,354055\n"Brändö","..",284\n',
        encoding="utf-8",
    )
    with reference_engine.begin() as conn:
        result = load_items(conn, [LoadItem(path=path, vintage=pd.Timestamp("2023-12-05").date())])
    assert result[0].loaded == 6
    frame = observations(
        reference_engine,
        indicators=["unemployed_jobseekers"],
        level="municipality",
        months=["2021-03"],
    ).set_index("area_code")
    assert frame.loc["091", "value"] == 51318
    assert bool(frame.loc["035", "suppressed"])


def test_real_pxweb_sample_is_rejected_clearly(reference_engine: Engine) -> None:
    """The shipped StatFin key-figures export is annual: the reader says so, per column."""
    path = ROOT / "data/samples/pxweb_csv_kuntien_avainluvut_2021_en.csv"
    with pytest.raises(LoadError) as info, reference_engine.begin() as conn:
        load_items(conn, [LoadItem(path=path, vintage=pd.Timestamp("2022-01-01").date())])
    report = "\n".join(str(p) for p in info.value.problems)
    assert "line 1, column 2: unknown variable 'Degree of urbanisation, %'" in report
    assert "'2020' is a year: annual data is not a monthly series" in report
    # Every area label of the real export is recognised: only the columns are reported.
    assert "unknown area" not in report
