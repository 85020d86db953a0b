"""The series summary: equal to the aggregation of observations after every kind of load, after
the migration's backfill, and behind coverage() and months_available(), on both backends."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from alembic import command
from sqlalchemy import Engine, func, inspect, select

from data_access import migrate, queries, schema
from data_access.errors import LoadError
from data_access.loader import LoadItem, load_items

SERIES = ["indicator", "area_level", "organiser", "target_group"]
HEADER = "indicator,area_level,area_code,month,value,organiser,target_group,flag\n"
# Helsinki (091) and Espoo (049): a suppressed month, an organiser and a target group breakdown.
FIRST = HEADER + (
    "unemployed_jobseekers,municipality,091,2021-03,51318,all,all,\n"
    "unemployed_jobseekers,municipality,049,2021-03,10000,all,all,\n"
    "unemployed_jobseekers,municipality,091,2021-04,50000,all,all,\n"
    "unemployed_jobseekers,municipality,049,2021-04,,all,all,suppressed\n"
    "unemployed_jobseekers,municipality,091,2021-03,20000,municipal,all,\n"
    "unemployed_jobseekers,municipality,091,2021-05,9000,all,under30,\n"
    "unemployed_jobseekers,country,SSS,2021-03,331526,all,all,\n"
    "labour_force,municipality,091,2021-03,354055,all,all,\n"
)
# A newer vintage: Helsinki's April becomes suppressed, Espoo gains June, the rest is as before.
REVISED = HEADER + (
    "unemployed_jobseekers,municipality,091,2021-03,51318,all,all,\n"
    "unemployed_jobseekers,municipality,091,2021-04,,all,all,suppressed\n"
    "unemployed_jobseekers,municipality,049,2021-06,10100,all,all,\n"
    "unemployed_jobseekers,municipality,091,2021-03,20100,municipal,all,\n"
)
V1, V2 = date(2024, 1, 31), date(2024, 2, 28)
TODAY = date(2026, 11, 25)


def write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


def load(engine: Engine, *paths: Path, vintage: date) -> None:
    with engine.begin() as conn:
        load_items(conn, [LoadItem(path=p, vintage=vintage) for p in paths], today=TODAY)


def direct(engine: Engine) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The summary computed from observations with pandas: (months rows, areas rows), sorted."""
    obs = schema.observations
    columns = [*SERIES, "month", "area_code", "value"]
    with engine.connect() as conn:
        rows = conn.execute(select(*[obs.c[c] for c in columns])).all()
    frame = pd.DataFrame([tuple(r) for r in rows], columns=columns)
    frame["value"] = frame["value"].astype("float64")
    by_month = frame.groupby([*SERIES, "month"]).agg(
        areas=("area_code", "nunique"), rows=("area_code", "size"), published=("value", "count")
    )
    # One row an area in a month (area_code completes the observations key).
    assert (by_month["areas"] == by_month["rows"]).all()
    months = [
        (*key, int(areas), int(published))
        for key, areas, published in zip(
            by_month.index, by_month["areas"], by_month["published"], strict=True
        )
    ]
    areas = sorted(set(frame[[*SERIES, "area_code"]].itertuples(index=False, name=None)))
    return sorted(months), areas


def summary(engine: Engine) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """The stored summary, in the shape of :func:`direct`."""
    m, a = schema.series_months, schema.series_areas
    with engine.connect() as conn:
        months = conn.execute(
            select(*[m.c[c] for c in [*SERIES, "month", "areas", "published"]])
        ).all()
        areas = conn.execute(select(*[a.c[c] for c in [*SERIES, "area_code"]])).all()
    return sorted(tuple(r) for r in months), sorted(tuple(r) for r in areas)


def direct_coverage(engine: Engine) -> pd.DataFrame:
    """coverage() as it was computed before the summary: straight from observations."""
    obs = schema.observations
    statement = (
        select(
            obs.c.indicator,
            obs.c.area_level,
            func.min(obs.c.month),
            func.max(obs.c.month),
            func.count(func.distinct(obs.c.area_code)),
            func.count(obs.c.value),
            func.count() - func.count(obs.c.value),
        )
        .where(obs.c.organiser == "all", obs.c.target_group == "all")
        .group_by(obs.c.indicator, obs.c.area_level)
        .order_by(obs.c.indicator, obs.c.area_level)
    )
    with engine.connect() as conn:
        rows = [tuple(r) for r in conn.execute(statement)]
    return pd.DataFrame(rows, columns=list(queries.coverage(engine).columns))


def direct_months(engine: Engine, indicator: str, level: str) -> list[str]:
    """Months with a published value of the total series, straight from observations."""
    obs = schema.observations
    statement = (
        select(obs.c.month)
        .where(
            obs.c.indicator == indicator,
            obs.c.area_level == level,
            obs.c.organiser == "all",
            obs.c.target_group == "all",
            obs.c.value.is_not(None),
        )
        .distinct()
        .order_by(obs.c.month)
    )
    with engine.connect() as conn:
        return list(conn.execute(statement).scalars())


def check_summary(engine: Engine) -> None:
    stored, expected = summary(engine), direct(engine)
    assert stored[0] == expected[0]
    assert stored[1] == expected[1]


def test_summary_follows_every_kind_of_load(reference_engine: Engine, tmp_path: Path) -> None:
    engine = reference_engine
    assert summary(engine) == ([], [])
    load(engine, write(tmp_path, "first.csv", FIRST), vintage=V1)
    check_summary(engine)
    months, areas = summary(engine)
    assert ("unemployed_jobseekers", "municipality", "all", "all", "2021-04", 2, 1) in months
    assert ("unemployed_jobseekers", "municipality", "all", "under30", "2021-05", 1, 1) in months
    assert len(areas) == 6
    assert queries.months_available(
        engine, indicator="unemployed_jobseekers", level="municipality"
    ) == ["2021-03", "2021-04"]

    # A newer vintage replaces values (one by a suppressed cell) and adds a month.
    load(engine, write(tmp_path, "revised.csv", REVISED), vintage=V2)
    check_summary(engine)
    months, _areas = summary(engine)
    assert ("unemployed_jobseekers", "municipality", "all", "all", "2021-04", 2, 0) in months
    assert queries.months_available(
        engine, indicator="unemployed_jobseekers", level="municipality"
    ) == ["2021-03", "2021-06"]
    cover = queries.coverage(engine).set_index(["indicator", "area_level"])
    row = cover.loc[("unemployed_jobseekers", "municipality")]
    assert (row["first_month"], row["last_month"]) == ("2021-03", "2021-06")
    assert (row["areas"], row["values"], row["not_published"]) == (2, 3, 2)
    pd.testing.assert_frame_equal(queries.coverage(engine), direct_coverage(engine))

    # Loading the same file again, or the same rows under another name, changes nothing.
    after = summary(engine)
    load(engine, write(tmp_path, "revised.csv", REVISED), vintage=V2)
    load(engine, write(tmp_path, "copy.csv", REVISED.replace("\n", "\r\n")), vintage=V2)
    assert summary(engine) == after

    # A load that fails after writing its first file rolls the summary back with the rows.
    good = write(
        tmp_path, "good.csv", HEADER + "unemployed_jobseekers,municipality,091,2021-07,1,all,all,\n"
    )
    conflict = write(tmp_path, "conflict.csv", REVISED.replace("10100", "10200"))
    with pytest.raises(LoadError, match="already loaded for the same vintage"):
        load(engine, good, conflict, vintage=V2)
    assert summary(engine) == after
    check_summary(engine)
    assert "2021-07" not in queries.months_available(
        engine, indicator="unemployed_jobseekers", level="municipality"
    )


def test_months_available_means_the_total_series(reference_engine: Engine, tmp_path: Path) -> None:
    """A month with values for a breakdown only, or only suppressed cells, is not available."""
    content = HEADER + (
        "unemployed_jobseekers,region,MK01,2021-03,125000,all,all,\n"
        "unemployed_jobseekers,region,MK01,2021-04,,all,all,suppressed\n"
        "unemployed_jobseekers,region,MK01,2021-05,40000,te_office,all,\n"
        "unemployed_jobseekers,region,MK01,2021-06,9000,all,under30,\n"
    )
    load(reference_engine, write(tmp_path, "total.csv", content), vintage=V1)
    check_summary(reference_engine)
    months = queries.months_available(
        reference_engine, indicator="unemployed_jobseekers", level="region"
    )
    assert months == ["2021-03"]
    assert months == direct_months(reference_engine, "unemployed_jobseekers", "region")
    assert queries.months_available(reference_engine, indicator="x\x00", level="region") == []


def test_backfill_equals_the_loader_path(reference_engine: Engine, tmp_path: Path) -> None:
    """Dropping the summary (down to revision 0001) and upgrading again rebuilds it the same."""
    engine = reference_engine
    load(engine, write(tmp_path, "first.csv", FIRST), vintage=V1)
    load(engine, write(tmp_path, "revised.csv", REVISED), vintage=V2)
    maintained = summary(engine)
    assert len(maintained[0]) == 7 and len(maintained[1]) == 6
    config = migrate.alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert migrate.current_revision(engine) == "0001"
    assert "series_months" not in inspect(engine).get_table_names()
    migrate.upgrade(engine)
    assert migrate.is_current(engine)
    assert summary(engine) == maintained
    check_summary(engine)


def test_real_data_summary_and_queries(real_engine: Engine) -> None:
    """On the embedded data the summary equals observations' aggregation, and the queries
    answer what they answered when they read observations."""
    check_summary(real_engine)
    cover = queries.coverage(real_engine)
    expected = direct_coverage(real_engine)
    assert len(cover) > 50
    pd.testing.assert_frame_equal(cover, expected)
    jobseekers = cover.set_index(["indicator", "area_level"]).loc[
        ("unemployed_jobseekers", "country")
    ]
    assert (jobseekers["first_month"], jobseekers["areas"]) == ("2006-01", 1)
    pairs = list(zip(cover["indicator"], cover["area_level"], strict=True))
    for indicator, level in pairs:
        assert queries.months_available(
            real_engine, indicator=indicator, level=level
        ) == direct_months(real_engine, indicator, level), (indicator, level)
    months = queries.months_available(
        real_engine, indicator="unemployed_jobseekers", level="country"
    )
    assert months[0] == "2006-01" and "2021-03" in months
