"""The SYNTHETIC benchmark generator: deterministic, valid for the loader, marked synthetic."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from sqlalchemy import Engine, select

from catalogue import definitions
from data_access import schema
from data_access.loader import LoadItem, load_items
from scripts import synthetic

SMALL = {"municipalities": 6, "months": 6}
KEY = ["indicator", "area_level", "area_code", "month", "organiser", "target_group"]


def _generate(out: Path, *, factor: float = 0.04, seed: int = synthetic.DEFAULT_SEED) -> list[Path]:
    plan = synthetic.make_plan(factor, seed=seed, rows_per_file=5_000, **SMALL)
    return synthetic.write(plan, out, factor=factor)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return _generate(tmp_path_factory.mktemp("synthetic"))


@pytest.fixture(scope="module")
def frame(generated: list[Path]) -> pd.DataFrame:
    parts = [pd.read_csv(p, dtype=str, keep_default_na=False) for p in generated]
    data = pd.concat(parts, ignore_index=True)
    data["number"] = pd.to_numeric(data["value"].replace("", None))
    return data


def test_same_seed_same_bytes_and_another_seed_differs(
    generated: list[Path], tmp_path: Path
) -> None:
    again = _generate(tmp_path / "again")
    assert [p.name for p in again] == [p.name for p in generated]
    assert all(a.read_bytes() == b.read_bytes() for a, b in zip(again, generated, strict=True))
    other = _generate(tmp_path / "other", seed=7)
    assert any(a.read_bytes() != b.read_bytes() for a, b in zip(other, generated, strict=True))


def test_labelled_synthetic_everywhere(generated: list[Path]) -> None:
    assert all("synthetic" in p.name for p in generated)
    readme = (generated[0].parent / "README.txt").read_text(encoding="utf-8")
    assert readme.startswith("SYNTHETIC DATA - FOR BENCHMARKS ONLY")
    assert "--synthetic" in readme
    with pytest.raises(SystemExit):
        synthetic.main(["--factor", "0.01", "--out", str(synthetic.ROOT / "data" / "x")])


def test_values_are_plausible(frame: pd.DataFrame) -> None:
    assert set(frame["indicator"]) <= definitions.STORED_CODES
    assert set(frame["area_code"]) <= set(synthetic.real_municipalities())
    assert set(frame["organiser"]) <= set(definitions.ORGANISERS)
    assert set(frame["target_group"]) <= set(definitions.TARGET_GROUPS)
    assert not frame.duplicated(KEY).any()
    # Never a key the shipped data may hold: its rows are all organiser "all", and only Kela's
    # are split by target group.
    assert not ((frame["organiser"] == "all") & (frame["target_group"] == "all")).any()
    kela = frame["indicator"].str.startswith("kela_")
    assert not (kela & (frame["organiser"] == "all")).any()
    assert (frame["number"].dropna() >= 0).all()
    units = frame["indicator"].map(lambda c: definitions.get(c).unit)
    persons = frame[units == "persons"]["number"].dropna()
    assert (persons == persons.round()).all()
    shares = frame[units == "percent"]["number"].dropna()
    assert shares.between(0, 100).all()
    hidden = frame["value"] == ""
    assert (frame.loc[hidden, "flag"] == "suppressed").all()
    assert hidden.any(), "small breakdown counts are published as suppressed"


def test_numerators_do_not_exceed_denominators(frame: pd.DataFrame) -> None:
    cells = ["area_code", "month", "organiser", "target_group"]
    wide = frame.pivot_table(index=cells, columns="indicator", values="number", aggfunc="first")
    pair = wide[["unemployed_jobseekers", "labour_force"]].dropna()
    assert len(pair) > 0
    assert (pair["unemployed_jobseekers"] <= pair["labour_force"]).all()
    parts = wide[["unemployed_men", "unemployed_women", "unemployed_jobseekers"]].dropna()
    assert (parts["unemployed_men"] + parts["unemployed_women"] == parts.iloc[:, 2]).all()


def test_factor_sets_the_size() -> None:
    plan = synthetic.make_plan(100)
    assert len(plan.municipalities) == 309
    assert plan.months[0] == "2006-01" and plan.months[-1] == "2024-12"
    assert 0.95 * 100 * synthetic.BASE_ROWS <= plan.rows <= 1.05 * 100 * synthetic.BASE_ROWS
    assert {i for group in plan.files for i in group} == {i for i, _o, _g in plan.series}
    assert synthetic.PAIR in plan.files
    assert max(sum(plan.rows_of(i) for i in group) for group in plan.files) <= 3_500_000


def test_every_row_passes_the_loader_and_is_marked_synthetic(
    reference_engine: Engine, generated: list[Path], frame: pd.DataFrame
) -> None:
    items = [
        LoadItem(path=p, vintage=date(2025, 6, 30), source=synthetic.SOURCE, synthetic=True)
        for p in generated
    ]
    with reference_engine.begin() as conn:
        results = load_items(conn, items)
    assert sum(r.loaded for r in results) == len(frame)
    batches = schema.load_batches
    with reference_engine.connect() as conn:
        marks = conn.execute(
            select(batches.c.synthetic).where(batches.c.source == synthetic.SOURCE)
        ).scalars()
        assert list(marks) == [True] * len(generated)
        stored = conn.execute(
            select(schema.observations.c.indicator).where(schema.observations.c.organiser != "all")
        ).all()
    assert len(stored) == (frame["organiser"] != "all").sum()
