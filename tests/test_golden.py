"""The golden figures of ``tests/conftest.py``: read from data/, and the published ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Golden, fi_number, read_golden


def test_golden_figures_are_the_published_ones(golden: Golden) -> None:
    # Checked by hand against Statistics Finland's table 12r5 (the one place these are written):
    # a change here means the shipped data changed.
    assert golden.unemployed("SSS", "2021-03") == 331_526
    assert golden.unemployed("091", "2021-03") == 51_318
    assert golden.unemployed("SSS", "2023-10") == 256_070


def test_golden_figures_cover_every_month_and_refuse_the_unknown(golden: Golden) -> None:
    months = golden.unemployed_jobseekers.loc["SSS"].index
    assert months.min() == "2006-01" and months.max() == "2023-10"
    assert golden.unemployed("091", "2006-01") < golden.unemployed("SSS", "2006-01")
    with pytest.raises(KeyError):
        golden.unemployed("SSS", "2099-01")
    with pytest.raises(KeyError):
        golden.unemployed("999", "2021-03")


def test_suppressed_figures_are_not_golden(tmp_path: Path) -> None:
    labour = tmp_path / "labour"
    labour.mkdir()
    (labour / "tyonv_12r5_municipalities_monthly_2006_2023.csv").write_text(
        "municipality_code,name_fi,month,unemployed_jobseekers\n035,Brändö,2021-03,\n"
    )
    (labour / "tyonv_12r5_regions_monthly_2006_2023.csv").write_text(
        "region_level,region_code,month,unemployed_jobseekers\ncountry,SSS,2021-03,7\n"
    )
    golden = read_golden(tmp_path)
    assert golden.unemployed("SSS", "2021-03") == 7
    with pytest.raises(KeyError, match="no published figure"):
        golden.unemployed("035", "2021-03")


def test_fi_number_groups_with_a_no_break_space() -> None:
    assert fi_number(256_070) == "256\u00a0070"
    assert fi_number(362) == "362"
