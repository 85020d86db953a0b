"""The loader: every validation rule, atomicity and idempotency, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from data_access import schema
from data_access.errors import LoadError
from data_access.loader import LoadItem, load_items

HEADER = "indicator,area_level,area_code,month,value"
GOOD = """indicator,area_level,area_code,month,value
unemployed_jobseekers,municipality,091,2021-03,51318
labour_force,municipality,091,2021-03,354055
unemployed_jobseekers,country,SSS,2021-03,331526
unemployed_jobseekers,region,MK01,2021-03,125000
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def fingerprint(engine: Engine) -> str:
    """A checksum of everything the loader writes, to prove a rejected load changed nothing."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in (
            schema.observations,
            schema.load_batches,
            schema.municipality_group_members,
            schema.series_months,
            schema.series_areas,
        ):
            rows = conn.execute(select(table)).all()
            digest.update(repr(sorted(map(repr, rows))).encode())
    return digest.hexdigest()


def load(
    engine: Engine,
    *paths: Path,
    vintage: date | None = date(2024, 1, 31),
    division: int | None = None,
):
    items = [LoadItem(path=p, vintage=vintage, division=division) for p in paths]
    with engine.begin() as conn:
        return load_items(conn, items, today=date(2026, 11, 25))


def stored(engine: Engine) -> pd.DataFrame:
    obs = schema.observations
    with engine.connect() as conn:
        rows = conn.execute(
            select(
                obs.c.indicator,
                obs.c.area_level,
                obs.c.area_code,
                obs.c.month,
                obs.c.value,
                obs.c.suppressed,
                obs.c.vintage,
            )
        ).all()
    return pd.DataFrame(
        rows,
        columns=["indicator", "area_level", "area_code", "month", "value", "suppressed", "vintage"],
    )


def test_good_file_loads(reference_engine: Engine, tmp_path: Path) -> None:
    results = load(reference_engine, write(tmp_path, "good.csv", GOOD))
    assert results[0].loaded == 4
    frame = stored(reference_engine)
    helsinki = frame[(frame.area_code == "091") & (frame.indicator == "unemployed_jobseekers")]
    assert helsinki["value"].tolist() == [51318.0]
    assert set(frame["vintage"].astype(str)) == {"2024-01-31"}


BAD_FILES = {
    "unknown municipality": (
        HEADER + "\nunemployed_jobseekers,municipality,999,2021-03,10\n",
        "line 2",
        "unknown municipality code '999'",
    ),
    "unknown region": (
        HEADER + "\nunemployed_jobseekers,region,MK99,2021-03,10\n",
        "line 2",
        "unknown region code 'MK99'",
    ),
    "unknown indicator": (
        HEADER + "\nunemployed_cats,municipality,091,2021-03,10\n",
        "line 2",
        "unknown indicator code",
    ),
    "unknown level": (
        HEADER + "\nunemployed_jobseekers,galaxy,091,2021-03,10\n",
        "line 2",
        "unknown area level",
    ),
    "malformed month": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021/03,10\n",
        "line 2",
        "not a month written YYYY-MM",
    ),
    "month 13": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-13,10\n",
        "line 2",
        "not a month written YYYY-MM",
    ),
    "month in the future": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2031-03,10\n",
        "line 2",
        "month outside 1990-01…2026-11",
    ),
    "month too early": (
        HEADER + "\nunemployed_jobseekers,municipality,091,1970-01,10\n",
        "line 2",
        "month outside",
    ),
    "negative count": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,-5\n",
        "line 2",
        "negative value",
    ),
    "non-numeric": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,many\n",
        "line 2",
        "value: 'many' is not a number",
    ),
    "absurd count": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,99000000\n",
        "line 2",
        "implausibly large count",
    ),
    "fractional persons": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,10.5\n",
        "line 2",
        "a count of persons with a fraction",
    ),
    "percentage above 100": (
        HEADER + "\nunemployed_share_pct,municipality,091,2021-03,140\n",
        "line 2",
        "a percentage above 100",
    ),
    "infinite": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,inf\n",
        "line 2",
        "'inf' is not a number",
    ),
    "empty value without flag": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,\n",
        "line 2",
        "empty value without the flag 'suppressed'",
    ),
    "duplicate key": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,10\n"
        "unemployed_jobseekers,municipality,091,2021-03,11\n",
        "line 3",
        "duplicate of line 2",
    ),
    "numerator above denominator": (
        HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,500\n"
        "labour_force,municipality,091,2021-03,400\n",
        "line 2",
        "unemployed_jobseekers 500 exceeds labour_force 400",
    ),
    "missing column": (
        "indicator,area_level,area_code,value\nunemployed_jobseekers,country,SSS,1\n",
        "line 1",
        "missing columns: month",
    ),
    "semicolon delimiter": (
        "indicator;area_level;area_code;month;value\nunemployed_jobseekers;country;SSS;2021-03;1\n",
        "line 1",
        "seems to use ';' as delimiter",
    ),
    "truncated row": (
        HEADER + "\nunemployed_jobseekers,country,SSS,2021-03,1\nunemployed_jobseekers,co",
        "line 3",
        "truncated",
    ),
    "empty file": ("", "file", "the file is empty"),
    "header only": (HEADER + "\n", "file", "no data rows"),
    "unknown flag": (
        HEADER + ",flag\nunemployed_jobseekers,country,SSS,2021-03,1,maybe\n",
        "line 2",
        "flag: 'maybe' is not one of",
    ),
    "formula injection": (
        HEADER + "\nunemployed_jobseekers,municipality,=cmd|' /C calc'!A0,2021-03,1\n",
        "line 2",
        "unknown municipality code",
    ),
    "sql in a code": (
        HEADER + "\nunemployed_jobseekers,municipality,091'; DROP TABLE observations;--,"
        "2021-03,1\n",
        "line 2",
        "unknown municipality code",
    ),
    "unknown organiser": (
        HEADER + ",organiser\nunemployed_jobseekers,country,SSS,2021-03,1,ministry\n",
        "line 2",
        "unknown organiser",
    ),
    "merged municipality in later division": (
        HEADER + ",division\nunemployed_share_pct,municipality,588,2024-12,9.1,2025\n",
        "line 2",
        "did not exist in the 2025 division (merged into 507",
    ),
}


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_bad_file_is_rejected_with_place_and_reason(
    reference_engine: Engine, tmp_path: Path, case: str
) -> None:
    content, where, reason = BAD_FILES[case]
    before = fingerprint(reference_engine)
    path = write(tmp_path, "bad.csv", content)
    with pytest.raises(LoadError) as info:
        load(reference_engine, path)
    report = info.value.report()
    assert str(path) in report
    assert where in report
    assert reason in report
    assert fingerprint(reference_engine) == before


def test_wrong_encoding_names_the_line(reference_engine: Engine, tmp_path: Path) -> None:
    content = (HEADER + "\nunemployed_jobseekers,country,SSS,2021-03,1\n# Hämeenlinna\n").encode(
        "latin-1"
    )
    path = write(tmp_path, "latin1.csv", content)
    with pytest.raises(LoadError, match=r"line 3: not UTF-8 text \(byte 0xE4\)"):
        load(reference_engine, path)


def test_vintage_is_required(reference_engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "good.csv", GOOD)
    with pytest.raises(LoadError, match="vintage unknown"):
        load(reference_engine, path, vintage=None)


def test_all_or_nothing_across_files(reference_engine: Engine, tmp_path: Path) -> None:
    good = write(tmp_path, "good.csv", GOOD)
    bad = write(
        tmp_path, "bad.csv", HEADER + "\nunemployed_jobseekers,municipality,999,2021-03,1\n"
    )
    before = fingerprint(reference_engine)
    with pytest.raises(LoadError) as info:
        load(reference_engine, good, bad)
    assert "bad.csv" in info.value.report()
    assert fingerprint(reference_engine) == before
    assert stored(reference_engine).empty


def test_loading_twice_changes_nothing(reference_engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "good.csv", GOOD)
    load(reference_engine, path)
    after_first = fingerprint(reference_engine)
    second = load(reference_engine, path)
    assert second[0].skipped
    assert fingerprint(reference_engine) == after_first
    # The same rows under another name (another checksum) are recognised row by row.
    copy = write(tmp_path, "copy.csv", GOOD.replace("\n", "\r\n"))
    third = load(reference_engine, copy)
    assert (third[0].loaded, third[0].replaced, third[0].unchanged) == (0, 0, 4)
    assert len(stored(reference_engine)) == 4


def test_newer_vintage_replaces_older_never(reference_engine: Engine, tmp_path: Path) -> None:
    load(reference_engine, write(tmp_path, "v1.csv", GOOD), vintage=date(2024, 1, 31))
    revised = GOOD.replace("51318", "51320")
    newer = load(reference_engine, write(tmp_path, "v2.csv", revised), vintage=date(2024, 2, 28))
    assert (newer[0].replaced, newer[0].unchanged) == (1, 3)
    older = GOOD.replace("51318", "50000")
    result = load(reference_engine, write(tmp_path, "v0.csv", older), vintage=date(2023, 1, 1))
    assert result[0].superseded == 1
    frame = stored(reference_engine)
    row = frame[(frame.area_code == "091") & (frame.indicator == "unemployed_jobseekers")]
    assert row["value"].tolist() == [51320.0]
    assert str(row["vintage"].iloc[0]) == "2024-02-28"


def test_same_vintage_different_value_is_a_conflict(
    reference_engine: Engine, tmp_path: Path
) -> None:
    load(reference_engine, write(tmp_path, "a.csv", GOOD))
    before = fingerprint(reference_engine)
    changed = write(tmp_path, "b.csv", GOOD.replace("51318", "1"))
    with pytest.raises(LoadError, match="differs from 51318 already loaded for the same vintage"):
        load(reference_engine, changed)
    assert fingerprint(reference_engine) == before


def test_numerator_checked_against_stored_denominator(
    reference_engine: Engine, tmp_path: Path
) -> None:
    load(reference_engine, write(tmp_path, "a.csv", GOOD))
    # A revision of the count alone is checked against the labour force already stored.
    too_many = write(
        tmp_path, "b.csv", HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,400000\n"
    )
    with pytest.raises(LoadError, match=r"exceeds labour_force 354055 \(\(in the database\)\)"):
        load(reference_engine, too_many, vintage=date(2024, 2, 28))


def test_suppressed_flag_stores_no_value(reference_engine: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "s.csv",
        HEADER + ",flag\nunemployed_jobseekers,municipality,035,2021-03,,suppressed\n",
    )
    load(reference_engine, path)
    frame = stored(reference_engine)
    assert frame["value"].isna().all() and frame["suppressed"].all()


def test_later_division_becomes_a_group(reference_engine: Engine, tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "d.csv",
        HEADER + ",division\nunemployed_share_pct,municipality,507,"
        "2024-12,9.4,2025\n"
        "unemployed_share_pct,municipality,091,"
        "2024-12,12.5,2025\n",
    )
    load(reference_engine, path)
    frame = stored(reference_engine).set_index("area_code")
    assert frame.loc["507+588", "area_level"] == "municipality_group"
    assert frame.loc["091", "area_level"] == "municipality"
    with reference_engine.connect() as conn:
        members = conn.execute(select(schema.municipality_group_members)).all()
    assert sorted(m.municipality_code for m in members) == ["507", "588"]


@pytest.mark.parametrize(
    "header",
    [
        "indicator,area_level,area_code,month,value,organizer",
        "indicator,area_level,area_code,month,value,Value",
        "indicator,area_level,area_code,month,value,organiser ,ORGANISER",
    ],
)
def test_misspelt_or_repeated_column_never_overwrites_a_published_figure(
    reference_engine: Engine, tmp_path: Path, header: str
) -> None:
    """A header the loader does not know exactly is rejected before anything is written.

    Read with the unknown column ignored, the row would be organiser ``all`` and replace
    Helsinki's published 2021-03 total (51 318) with a municipal-only figure.
    """
    load(reference_engine, write(tmp_path, "good.csv", GOOD))
    before = fingerprint(reference_engine)
    extra = header.count(",") - 4
    row = "unemployed_jobseekers,municipality,091,2021-03,30000" + ",municipal" * extra
    bad = write(tmp_path, "bad.csv", f"{header}\n{row}\n")
    with pytest.raises(LoadError) as info:
        load(reference_engine, bad, vintage=date(2024, 6, 30))
    report = info.value.report()
    assert "line 1" in report
    assert any(w in report for w in ("unknown column", "more than once")), report
    assert fingerprint(reference_engine) == before
    frame = stored(reference_engine)
    helsinki = frame[
        (frame["area_code"] == "091") & (frame["indicator"] == "unemployed_jobseekers")
    ]
    assert helsinki["value"].tolist() == [51318.0]


def test_header_names_match_case_and_whitespace_insensitively(
    reference_engine: Engine, tmp_path: Path
) -> None:
    text = GOOD.replace(HEADER, " Indicator , AREA_LEVEL,area_code,Month,VALUE", 1)
    results = load(reference_engine, write(tmp_path, "upper.csv", text))
    assert results[0].loaded == 4
