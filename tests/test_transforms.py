"""Series transforms on small purpose-built frames with hand-computed answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from indicators.transforms import change, change_kind, index_to


@pytest.fixture
def two_series() -> pd.DataFrame:
    # Rows deliberately out of order; area B has no value in the base month 2021-02
    return pd.DataFrame(
        {
            "area_code": ["A", "A", "A", "B", "B", "B"],
            "month": ["2021-03", "2021-01", "2021-02", "2021-01", "2021-02", "2021-03"],
            "value": [150.0, 50.0, 200.0, 10.0, np.nan, 30.0],
        }
    )


def test_index_to_base_month_is_100(two_series: pd.DataFrame) -> None:
    out = index_to(two_series, base_month="2021-02", by=["area_code"])
    assert list(out["month"]) == list(two_series["month"])  # original row order
    a = out[out["area_code"] == "A"].set_index("month")["value"]
    # 150 / 200 = 75 %, 50 / 200 = 25 %
    assert a.to_dict() == {"2021-03": 75.0, "2021-01": 25.0, "2021-02": 100.0}
    assert (out.loc[out["area_code"] == "A", "base_value"] == 200.0).all()
    # B's base value is suppressed: the whole series is NaN, never a made-up base
    assert out.loc[out["area_code"] == "B", "value"].isna().all()


def test_index_to_defaults_and_single_series() -> None:
    frame = pd.DataFrame({"month": ["2021-02", "2021-03"], "value": [80.0, 100.0]})
    out = index_to(frame)  # default base 2021-02
    assert out["value"].tolist() == [100.0, 125.0]
    missing_base = index_to(frame, base_month="2020-01")
    assert missing_base["value"].isna().all()
    zero = index_to(pd.DataFrame({"month": ["2021-02"], "value": [0.0]}))
    assert zero["value"].isna().all()


def test_index_to_does_not_mutate_and_checks_input(two_series: pd.DataFrame) -> None:
    before = two_series.copy()
    index_to(two_series, by=["area_code"])
    pd.testing.assert_frame_equal(two_series, before)
    with pytest.raises(ValueError, match="more than one row"):
        index_to(two_series)  # two series but no `by`
    with pytest.raises(ValueError, match="base_month"):
        index_to(two_series, base_month="2021-2", by=["area_code"])
    with pytest.raises(ValueError, match="not in the frame"):
        index_to(two_series, by=["region"])


def test_change_of_a_count_on_the_previous_month(two_series: pd.DataFrame) -> None:
    out = change(two_series, lag=1, by=["area_code"], kind="count")
    a = out[out["area_code"] == "A"].set_index("month")
    # 2021-02: 200 - 50 = +150 (+300 %); 2021-03: 150 - 200 = -50 (-25 %)
    assert a.loc["2021-02", ["previous", "change", "change_pct"]].tolist() == [50.0, 150.0, 300.0]
    assert a.loc["2021-03", ["previous", "change", "change_pct"]].tolist() == [200.0, -50.0, -25.0]
    assert np.isnan(a.loc["2021-01", "change"])  # no earlier month
    b = out[out["area_code"] == "B"].set_index("month")
    # B's 2021-02 is suppressed: both changes that involve it are NaN, not a change from 0
    assert b["change"].isna().all()


def test_change_of_a_rate_is_in_percentage_points() -> None:
    frame = pd.DataFrame({"month": ["2020-03", "2021-03"], "value": [8.0, 10.5]})
    out = change(frame, lag=12, kind="rate")
    assert out["change"].tolist()[1] == pytest.approx(2.5)  # 10.5 % - 8.0 % = 2.5 pp
    assert "change_pct" not in out  # 31 % of a percentage would be misread


def test_change_looks_up_calendar_months_not_rows() -> None:
    # 2021-02 is missing: the row before 2021-03 is 2021-01, which is not its previous month
    frame = pd.DataFrame({"month": ["2021-01", "2021-03", "2022-01"], "value": [10.0, 13.0, 4.0]})
    monthly = change(frame, lag=1)
    assert monthly["change"].isna().all()
    yearly = change(frame, lag=12)
    # 2022-01 on 2021-01: 4 - 10 = -6, -60 %
    assert yearly["change"].tolist()[2] == -6.0
    assert yearly["change_pct"].tolist()[2] == pytest.approx(-60.0)


def test_change_from_zero_has_no_relative_change() -> None:
    frame = pd.DataFrame({"month": ["2021-01", "2021-02"], "value": [0.0, 3.0]})
    out = change(frame)
    assert out["change"].tolist()[1] == 3.0
    assert np.isnan(out["change_pct"].tolist()[1])


@pytest.mark.parametrize("lag", [0, -1, 1.5, True])
def test_change_rejects_bad_lags(lag: object) -> None:
    frame = pd.DataFrame({"month": ["2021-01"], "value": [1.0]})
    with pytest.raises(ValueError, match="lag"):
        change(frame, lag=lag)  # type: ignore[arg-type]


def test_change_rejects_bad_kind_and_months() -> None:
    frame = pd.DataFrame({"month": ["2021-01"], "value": [1.0]})
    with pytest.raises(ValueError, match="kind"):
        change(frame, kind="share")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="2021-13"):
        change(pd.DataFrame({"month": ["2021-13"], "value": [1.0]}))


def test_change_kind_follows_the_catalogue() -> None:
    assert change_kind("unemployed_share_pct") == "rate"
    assert change_kind("unemployed_jobseekers") == "count"
    assert change_kind("unemployed_per_vacancy") == "count"
