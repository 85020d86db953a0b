"""The embedded database built from data/: figures checked against the shipped CSVs by hand."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, func, select

from data_access import build as build_module
from data_access import queries, schema
from indicators import aggregation, summary
from tests.conftest import Golden, run_module, sqlite_copy

ROOT = Path(__file__).resolve().parent.parent
MUNI_CSV = ROOT / "data/labour/tyonv_12r5_municipalities_monthly_2006_2023.csv"


@pytest.fixture(scope="module")
def muni_csv() -> pd.DataFrame:
    return pd.read_csv(MUNI_CSV, dtype={"municipality_code": str})


def series(engine: Engine, indicator: str, level: str, **where: Any) -> pd.DataFrame:
    """One ``indicator``'s observations at ``level``, ``where`` as :func:`queries.observations`."""
    return queries.observations(engine, indicators=[indicator], level=level, **where)


def test_published_sanity_values(real_engine: Engine, golden: Golden) -> None:
    country = series(real_engine, "unemployed_jobseekers", "country", months=["2021-03"])
    assert country["value"].tolist() == [golden.unemployed("SSS", "2021-03")]
    helsinki = series(
        real_engine,
        "unemployed_jobseekers",
        "municipality",
        codes=["091"],
        months=["2019-12", "2021-03", "2023-10"],
    )
    assert helsinki["value"].tolist() == [
        golden.unemployed("091", month) for month in ("2019-12", "2021-03", "2023-10")
    ]


def test_every_municipality_and_area_is_there(real_engine: Engine) -> None:
    munis = queries.municipalities(real_engine)
    assert len(munis) == 309
    members = queries.memberships(real_engine)
    in_trial = members[members["status"].isin(["confirmed", "probable"])]
    assert in_trial["municipality_code"].nunique() == 118
    assert in_trial["area_id"].nunique() == 25
    # Pori, Kokemäki and Ulvila (A19) were unverified until the December 2026 data update
    assert (
        members.loc[members["municipality_code"].isin(["271", "609", "886"]), "status"]
        == "confirmed"
    ).all()
    assert set(members["status"]) <= {"confirmed", "probable", "not_in_trial"}
    assert (members.loc[members["status"] == "not_in_trial", "member_from"].isna()).all()


def test_trial_sum_matches_the_csv(real_engine: Engine, muni_csv: pd.DataFrame) -> None:
    """The trial group's sum for a month equals the CSV summed by hand over the members."""
    members = queries.memberships(real_engine)
    verified = members.loc[members["status"] == "confirmed", "municipality_code"]
    month = "2021-03"
    rows = muni_csv[
        (muni_csv["month"] == month) & muni_csv["municipality_code"].isin(set(verified))
    ]
    expected = rows["unemployed_jobseekers"].sum()
    expected_share = 100 * expected / rows["labour_force_statfin"].sum()
    obs = queries.observations(
        real_engine,
        indicators=["unemployed_jobseekers", "labour_force"],
        level="municipality",
        months=[month],
    )
    result = aggregation.aggregate(
        obs, aggregation.units_frame({"trial": list(verified)}), "unemployed_share_pct"
    )
    assert result["numerator"].iloc[0] == expected
    assert result["value"].iloc[0] == pytest.approx(expected_share)
    assert result["missing"].iloc[0] == ()


def test_national_total_is_not_the_sum_of_municipalities(
    real_engine: Engine, muni_csv: pd.DataFrame, golden: Golden
) -> None:
    month = "2021-03"
    country = series(real_engine, "unemployed_jobseekers", "country", months=[month])
    local = series(real_engine, "unemployed_jobseekers", "municipality", months=[month])
    csv_sum = muni_csv.loc[muni_csv["month"] == month, "unemployed_jobseekers"].sum()
    national = golden.unemployed("SSS", month)
    assert summary.unallocated_series(country, local)[month] == national - csv_sum == 362


def test_missing_values_are_suppressed_not_zero(real_engine: Engine) -> None:
    sottunga = series(
        real_engine, "unemployed_jobseekers", "municipality", codes=["766"], months=["2023-10"]
    )
    assert sottunga["suppressed"].tolist() == [True]
    assert sottunga["value"].isna().all()


def test_later_division_share_is_a_merged_unit(real_engine: Engine) -> None:
    group = series(real_engine, "unemployed_share_pct", "municipality_group", months=["2024-12"])
    assert group["area_code"].tolist() == ["507+588"]
    helsinki = series(
        real_engine, "unemployed_share_pct", "municipality", codes=["091"], months=["2024-12"]
    )
    assert helsinki["value"].tolist() == [12.5]
    # Mäntyharju's own (2021-division) series ends where its counts end.
    own = series(real_engine, "unemployed_share_pct", "municipality", codes=["507", "588"])
    assert own.empty


def test_every_observation_traces_to_a_batch(real_engine: Engine) -> None:
    with real_engine.connect() as conn:
        orphans = conn.execute(
            select(func.count())
            .select_from(schema.observations)
            .outerjoin(
                schema.load_batches,
                schema.observations.c.batch_id == schema.load_batches.c.id,
            )
            .where(schema.load_batches.c.id.is_(None))
        ).scalar_one()
    assert orphans == 0
    batches = queries.load_batches(real_engine)
    manifest = build_module.read_manifest()
    assert {str(i.display_name) for i in manifest.observations} <= set(batches["source_file"])


def test_migrations_match_the_schema(real_engine: Engine) -> None:
    with real_engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), schema.metadata)
    assert diff == []


def test_build_is_idempotent(real_engine: Engine) -> None:
    manifest = build_module.read_manifest()
    assert build_module.is_up_to_date(real_engine, manifest)
    before = queries.load_batches(real_engine)
    built = build_module.build(
        real_engine.url.render_as_string(hide_password=False), progress=lambda _line: None
    )
    assert built is False
    assert len(queries.load_batches(real_engine)) == len(before)


def test_cli_rejects_bad_file_without_traceback(tmp_path: Path, sqlite_url: str) -> None:
    build = run_module("data_access", "upgrade", database_url=sqlite_url)
    assert build.returncode == 0, build.stderr
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "indicator,area_level,area_code,month,value\n"
        "unemployed_jobseekers,municipality,091,2021-03,-1\n"
    )
    run = run_module(
        "data_access", "load", str(bad), "--vintage", "2024-01-01", database_url=sqlite_url
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert "run `python -m data_access build` first" in run.stderr
    assert "nothing was written" in run.stderr


def test_cli_load_and_summary(real_sqlite_url: str, tmp_path: Path) -> None:
    copy_url = sqlite_copy(real_sqlite_url, tmp_path / "copy.db")
    good = tmp_path / "good.csv"
    good.write_text(
        "indicator,area_level,area_code,month,value,flag\n"
        "unemployed_jobseekers,municipality,091,2023-10,37666,\n"
        "unemployed_jobseekers,municipality,091,2023-11,37000,preliminary\n"
    )
    run = run_module(
        "data_access",
        "load",
        str(good),
        "--vintage",
        "2023-12-05",
        database_url=copy_url,
    )
    assert run.returncode == 0, run.stderr
    assert "done: 1 file(s), 1 rows loaded, 0 replaced, 1 unchanged, 0 rejected" in run.stdout
