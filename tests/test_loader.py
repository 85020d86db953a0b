"""The loader: every validation rule, atomicity and idempotency, on SQLite and PostgreSQL."""

from __future__ import annotations

import hashlib
import sqlite3
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import Engine, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError, ProgrammingError

from data_access import dialects, migrate, schema
from data_access.errors import LoadError
from data_access.loader import LoadItem, load_items, load_key
from data_access.readers import parse_date

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


# --- vintages (issue 15, item 2)

ONE = HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,{value}{flag}\n"


def one(value: object, flag: str | None = None) -> str:
    text = ONE.format(value=value, flag="," + flag if flag is not None else "")
    return text.replace(HEADER, HEADER + ",flag", 1) if flag is not None else text


def helsinki(engine: Engine) -> tuple[float, bool, bool, str]:
    obs = schema.observations
    with engine.connect() as conn:
        row = conn.execute(
            select(obs.c.value, obs.c.suppressed, obs.c.preliminary, obs.c.vintage).where(
                obs.c.indicator == "unemployed_jobseekers", obs.c.area_code == "091"
            )
        ).one()
    return row.value, row.suppressed, row.preliminary, str(row.vintage)


FUTURE_COLUMN = HEADER + ",vintage\nunemployed_jobseekers,municipality,091,2021-03,1,2099-12-31\n"


@pytest.mark.parametrize(
    ("content", "vintage", "where"),
    [
        (GOOD, date(2099, 12, 31), "--vintage"),
        (GOOD, date(2026, 11, 26), "--vintage"),
        (FUTURE_COLUMN, None, "column vintage"),
    ],
    ids=["option 2099", "option tomorrow", "column 2099"],
)
def test_vintage_after_today_is_rejected(
    reference_engine: Engine, tmp_path: Path, content: str, vintage: date | None, where: str
) -> None:
    """A future vintage would block every real later correction as "kept newer"."""
    path = write(tmp_path, "future.csv", content)
    before = fingerprint(reference_engine)
    with pytest.raises(LoadError) as info:
        load(reference_engine, path, vintage=vintage)
    assert f"{path}: {where}: vintage " in info.value.report()
    assert "is after today (2026-11-25)" in info.value.report()
    assert fingerprint(reference_engine) == before


def test_vintage_of_today_is_accepted(reference_engine: Engine, tmp_path: Path) -> None:
    results = load(reference_engine, write(tmp_path, "a.csv", GOOD), vintage=date(2026, 11, 25))
    assert results[0].loaded == 4


@pytest.mark.parametrize("text", ["2024-01-31junk", "2024-01-31 ", "20240131", "2024-1-31"])
def test_malformed_vintage_is_not_cut_short(
    reference_engine: Engine, tmp_path: Path, text: str
) -> None:
    content = HEADER + f",vintage\nunemployed_jobseekers,municipality,091,2021-03,1,{text}\n"
    if text.strip() == "2024-01-31":
        # Blanks around a cell are not part of it.
        assert load(reference_engine, write(tmp_path, "v.csv", content), vintage=None)
        return
    with pytest.raises(LoadError, match=rf"column vintage: '{text}' is not a date YYYY-MM-DD"):
        load(reference_engine, write(tmp_path, "v.csv", content), vintage=None)


def test_parse_date_takes_dates_and_timestamps_only() -> None:
    assert parse_date("f", "updated", "2024-01-31T08:00:00Z") == date(2024, 1, 31)
    assert parse_date("f", "updated", "2024-01-31 08:00") == date(2024, 1, 31)
    assert parse_date("f", "vintage", "2024-01-31") == date(2024, 1, 31)
    for text in ("2024-01-31junk", "2024-01-31T08:00:00Zjunk", "2024-W05-3", "٢٠٢٤-٠١-٣١"):
        with pytest.raises(LoadError, match="is not a date"):
            parse_date("f", "updated", text)


def test_newest_confirmation_keeps_an_older_file_from_overwriting(
    reference_engine: Engine, tmp_path: Path
) -> None:
    """2024-01-31: 200; 2024-03-31 confirms 200; a late file of 2024-02-29 says 190: 200 stays.

    The confirmation records its vintage; before, the row kept 2024-01-31 and the 2024-02-29
    file, newer than that, overwrote the newer confirmation.
    """
    load(reference_engine, write(tmp_path, "jan.csv", one(200)), vintage=date(2024, 1, 31))
    march = load(
        reference_engine, write(tmp_path, "mar.csv", one(200) + "\n"), vintage=date(2024, 3, 31)
    )
    assert (march[0].unchanged, march[0].confirmed, march[0].replaced) == (1, 1, 0)
    assert helsinki(reference_engine) == (200.0, False, False, "2024-03-31")
    february = load(
        reference_engine, write(tmp_path, "feb.csv", one(190)), vintage=date(2024, 2, 29)
    )
    assert (february[0].superseded, february[0].replaced) == (1, 0)
    assert "1 kept newer" in february[0].line()
    assert helsinki(reference_engine) == (200.0, False, False, "2024-03-31")


def test_confirmation_points_at_the_confirming_batch(
    reference_engine: Engine, tmp_path: Path
) -> None:
    load(reference_engine, write(tmp_path, "a.csv", GOOD), vintage=date(2024, 1, 31))
    second = load(
        reference_engine, write(tmp_path, "b.csv", GOOD + "\n"), vintage=date(2024, 3, 31)
    )
    obs = schema.observations
    with reference_engine.connect() as conn:
        batches = set(conn.execute(select(obs.c.batch_id)).scalars())
    assert batches == {second[0].batch_id}


def test_final_figure_equal_to_the_preliminary_clears_the_flag(
    reference_engine: Engine, tmp_path: Path
) -> None:
    load(
        reference_engine,
        write(tmp_path, "p.csv", one(200, "preliminary")),
        vintage=date(2024, 1, 31),
    )
    assert helsinki(reference_engine) == (200.0, False, True, "2024-01-31")
    final = load(
        reference_engine, write(tmp_path, "f.csv", one(200, "")), vintage=date(2024, 2, 29)
    )
    assert final[0].replaced == 1
    assert helsinki(reference_engine) == (200.0, False, False, "2024-02-29")


def test_same_vintage_final_and_preliminary_is_a_conflict(
    reference_engine: Engine, tmp_path: Path
) -> None:
    load(reference_engine, write(tmp_path, "p.csv", one(200, "preliminary")))
    with pytest.raises(LoadError, match=r"200 differs from 200 \(preliminary\) already loaded"):
        load(reference_engine, write(tmp_path, "f.csv", one(200, "")))


def test_same_bytes_with_another_vintage_are_loaded_again(
    reference_engine: Engine, tmp_path: Path
) -> None:
    path = write(tmp_path, "good.csv", GOOD)
    load(reference_engine, path, vintage=date(2024, 1, 31))
    again = load(reference_engine, path, vintage=date(2024, 1, 31))
    assert again[0].skipped
    newer = load(reference_engine, path, vintage=date(2024, 6, 30))
    assert not newer[0].skipped
    assert newer[0].confirmed == 4
    assert set(stored(reference_engine)["vintage"].astype(str)) == {"2024-06-30"}
    assert load(reference_engine, path, vintage=date(2024, 6, 30))[0].skipped


def test_same_bytes_with_another_division_are_loaded_again(
    reference_engine: Engine, tmp_path: Path
) -> None:
    path = write(
        tmp_path, "d.csv", HEADER + "\nunemployed_share_pct,municipality,507,2024-12,9.4\n"
    )
    load(reference_engine, path)
    regrouped = load(reference_engine, path, division=2025)
    assert not regrouped[0].skipped and regrouped[0].loaded == 1
    assert set(stored(reference_engine)["area_code"]) == {"507", "507+588"}


def test_load_key_is_the_checksum_without_options() -> None:
    """So a batch recorded before revision 0003 (key = checksum) still makes a load skip."""
    item = LoadItem(path=Path("x.csv"))
    assert load_key("ab" * 32, item) == "ab" * 32
    with_vintage = LoadItem(path=Path("x.csv"), vintage=date(2024, 1, 31))
    assert load_key("ab" * 32, with_vintage) != "ab" * 32
    assert load_key("ab" * 32, with_vintage) != load_key(
        "ab" * 32, LoadItem(path=Path("x.csv"), vintage=date(2024, 2, 29))
    )
    assert load_key("ab" * 32, LoadItem(path=Path("x.csv"), source="other")) == "ab" * 32


# --- suppressed values (item 3)


def test_suppressed_row_with_a_value_is_rejected(reference_engine: Engine, tmp_path: Path) -> None:
    before = fingerprint(reference_engine)
    with pytest.raises(LoadError, match="line 2: a value flagged 'suppressed': leave the value"):
        load(reference_engine, write(tmp_path, "s.csv", one(4, "suppressed")))
    assert fingerprint(reference_engine) == before


def test_database_refuses_a_suppressed_value(reference_engine: Engine, tmp_path: Path) -> None:
    """The schema keeps the secret too, whatever writes the row."""
    results = load(reference_engine, write(tmp_path, "a.csv", GOOD))
    obs = schema.observations
    with pytest.raises(IntegrityError), reference_engine.begin() as conn:
        conn.execute(
            insert(obs).values(
                indicator="unemployed_jobseekers",
                area_level="municipality",
                area_code="035",
                month="2021-03",
                organiser="all",
                target_group="all",
                value=4.0,
                suppressed=True,
                preliminary=False,
                vintage=date(2024, 1, 31),
                batch_id=results[0].batch_id,
            )
        )


def test_migration_erases_stored_secret_values(reference_engine: Engine, tmp_path: Path) -> None:
    """A suppressed value stored before revision 0003 is erased by it, the summary recounted."""
    load(reference_engine, write(tmp_path, "a.csv", GOOD))
    config = migrate.alembic_config()
    with reference_engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0002")
    obs = schema.observations
    helsinki_row = (obs.c.area_code == "091") & (obs.c.indicator == "unemployed_jobseekers")
    with reference_engine.begin() as conn:
        conn.execute(update(obs).where(helsinki_row).values(suppressed=True))
    migrate.upgrade(reference_engine)
    with reference_engine.connect() as conn:
        row = conn.execute(select(obs.c.value, obs.c.suppressed).where(helsinki_row)).one()
        published = conn.execute(
            select(schema.series_months.c.published).where(
                schema.series_months.c.indicator == "unemployed_jobseekers",
                schema.series_months.c.area_level == "municipality",
            )
        ).scalar_one()
    assert (row.value, row.suppressed) == (None, True)
    assert published == 0
    assert migrate.is_current(reference_engine)


# --- plausibility (item 5)


def test_count_checked_against_the_stored_labour_force(
    reference_engine: Engine, tmp_path: Path
) -> None:
    """5.9 million unemployed in Pertunmaa (labour force 700, test data) in a month without a
    stored labour force: rejected against the largest one known."""
    labour = HEADER + "\nlabour_force,municipality,588,2021-03,700\n"
    load(reference_engine, write(tmp_path, "lf.csv", labour))
    before = fingerprint(reference_engine)
    absurd = write(
        tmp_path, "u.csv", HEADER + "\nunemployed_jobseekers,municipality,588,2024-06,5900000\n"
    )
    with pytest.raises(LoadError) as info:
        load(reference_engine, absurd, vintage=date(2024, 7, 31))
    assert (
        "line 2: unemployed_jobseekers 5.9e+06 is implausible for municipality 588: more than "
        "1.5 × its labour force 700 ((in the database))"
    ) in info.value.report()
    assert fingerprint(reference_engine) == before
    plausible = write(
        tmp_path, "ok.csv", HEADER + "\nunemployed_jobseekers,municipality,588,2024-06,60\n"
    )
    assert load(reference_engine, plausible, vintage=date(2024, 7, 31))[0].loaded == 1


@pytest.mark.parametrize("cell", ["51_318", "٥١٣١٨", "５１３１８", "5_1", "0x10", "1e", "."])
def test_only_ascii_decimal_numbers(reference_engine: Engine, tmp_path: Path, cell: str) -> None:
    """Python's float() reads "51_318" and Arabic-Indic or full-width digits; no export does."""
    with pytest.raises(LoadError, match=r"value: .* is not a number"):
        load(reference_engine, write(tmp_path, "n.csv", one(cell)))


@pytest.mark.parametrize("cell", ["+51318", "51318.0", "5.1318e4", " 51318 "])
def test_ascii_decimal_numbers_load(reference_engine: Engine, tmp_path: Path, cell: str) -> None:
    load(reference_engine, write(tmp_path, "n.csv", one(cell)))
    assert helsinki(reference_engine)[0] == 51318.0


@pytest.mark.parametrize(
    ("code", "month", "division", "reason"),
    [
        ("588", "2025-01", None, "municipality 588 no longer existed in 2025-01"),
        ("588", "2026-03", None, "municipality 588 no longer existed in 2026-03"),
        ("507", "2025-02", None, "municipality 507 absorbed 588 on 2025-01-01"),
        ("588", "2024-12", 2025, "did not exist in the 2025 division"),
    ],
)
def test_merger_table_applies_to_dates(
    reference_engine: Engine,
    tmp_path: Path,
    code: str,
    month: str,
    division: int | None,
    reason: str,
) -> None:
    path = write(
        tmp_path, "m.csv", HEADER + f"\nunemployed_share_pct,municipality,{code},{month},9.1\n"
    )
    with pytest.raises(LoadError, match=reason):
        load(reference_engine, path, division=division)


def test_figures_before_a_merger_load_in_the_default_division(
    reference_engine: Engine, tmp_path: Path
) -> None:
    path = write(
        tmp_path,
        "m.csv",
        HEADER + "\nunemployed_share_pct,municipality,588,2024-12,9.1\n"
        "unemployed_share_pct,municipality,507,2024-12,9.4\n",
    )
    assert load(reference_engine, path)[0].loaded == 2


@pytest.mark.parametrize(
    ("division", "reason"),
    [
        (2099, "--division: division 2099 is in the future"),
        (2027, "--division: division 2027 is in the future"),
        (2019, "--division: division 2019 is unknown"),
    ],
)
def test_unknown_division_is_rejected(
    reference_engine: Engine, tmp_path: Path, division: int, reason: str
) -> None:
    with pytest.raises(LoadError, match=reason):
        load(reference_engine, write(tmp_path, "d.csv", GOOD), division=division)


def test_division_of_this_year_is_accepted(reference_engine: Engine, tmp_path: Path) -> None:
    assert load(reference_engine, write(tmp_path, "d.csv", GOOD), division=2026)[0].loaded == 4


# --- messages (items 13 and 15)


def test_other_file_of_the_load_is_named_not_the_database(
    reference_engine: Engine, tmp_path: Path
) -> None:
    count = write(
        tmp_path, "count.csv", HEADER + "\nunemployed_jobseekers,municipality,091,2021-03,400000\n"
    )
    labour = write(
        tmp_path, "labour.csv", HEADER + "\nlabour_force,municipality,091,2021-03,354055\n"
    )
    for order in ((count, labour), (labour, count)):
        with pytest.raises(LoadError) as info:
            load(reference_engine, *order)
        assert info.value.report() == (
            f"{count}: line 2: unemployed_jobseekers 400000 exceeds labour_force 354055 "
            f"({labour}, line 2) for 091 2021-03"
        )


def test_short_municipality_code_gets_a_hint(reference_engine: Engine, tmp_path: Path) -> None:
    path = write(tmp_path, "c.csv", HEADER + "\nunemployed_jobseekers,municipality,91,2021-03,1\n")
    with pytest.raises(LoadError, match="municipality codes have three digits: did you mean '091'"):
        load(reference_engine, path)


def test_unreadable_file_is_a_message(
    reference_engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root ``chmod 000`` does not stop reading, so the refusal is simulated."""
    path = write(tmp_path, "secret.csv", GOOD)
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self == path:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(LoadError) as info:
        load(reference_engine, path)
    assert info.value.report() == (
        f"{path}: file: permission denied: the loader cannot read the file"
    )


def test_database_errors_are_one_line() -> None:
    """No SQL statement, no parameters, no traceback: the driver's first line, or a hint."""

    class Denied(Exception):
        sqlstate = "42501"

        def __str__(self) -> str:
            return "permission denied for table load_batches"

    statement = "INSERT INTO load_batches (source_file, checksum) VALUES (%(a)s, %(b)s)"
    error = ProgrammingError(statement, {"a": "x" * 500, "b": "y"}, Denied())
    assert dialects.error_message(error) == (
        "permission denied: the database role cannot write; use the loader role"
    )
    readonly = OperationalError(
        statement, {}, sqlite3.OperationalError("attempt to write a readonly database")
    )
    assert dialects.error_message(readonly).startswith("permission denied")

    class Duplicate(Exception):
        sqlstate = "23505"

        def __str__(self) -> str:
            return (
                'duplicate key value violates unique constraint "pk_series_months"\n'
                "DETAIL:  Key (organiser)=(all) already exists."
            )

    message = dialects.error_message(IntegrityError(statement, {"a": 1}, Duplicate()))
    assert message == 'duplicate key value violates unique constraint "pk_series_months"'
