"""Cached chart specs: built once per key, shared across calls, patched copies only."""

from __future__ import annotations

import pandas as pd

from indicators.charts import line_chart
from ui import specs


def _series() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "month": ["2021-01", "2021-02", "2021-03"] * 2,
            "series": ["a"] * 3 + ["b"] * 3,
            "value": [1.0, 2.0, 3.0, 2.0, 2.5, 2.0],
        }
    )


def _rule_dates(spec: dict) -> list[str]:
    return [rows[0]["date"] for rows in spec["datasets"].values() if len(rows) == 1]


def test_built_once_per_key_and_month_patched_in() -> None:
    builds: list[int] = []

    def build():
        builds.append(1)
        return line_chart(
            _series(),
            y_title="y",
            x_title="x",
            series_title="s",
            highlight_month=specs.PLACEHOLDER_MONTH,
        )

    march = specs.cached_chart(("t", "k1"), build, patch=specs.highlight_month("2021-03"))
    january = specs.cached_chart(("t", "k1"), build, patch=specs.highlight_month("2021-01"))
    assert len(builds) == 1  # the second month reused the cached spec
    assert _rule_dates(march.spec) == ["2021-03-01"]
    assert _rule_dates(january.spec) == ["2021-01-01"]
    # Patching a copy leaves the cache (and the other chart's exports) alone.
    assert _rule_dates(march.to_dict()) == ["2021-03-01"]
    specs.cached_chart(("t", "k2"), build)
    assert len(builds) == 2  # another key builds again
    # The series values come through unchanged.
    values = [r["value"] for rows in march.spec["datasets"].values() for r in rows if "value" in r]
    assert sorted(values) == sorted(_series()["value"])


def test_members_in_force_keys_months_with_the_same_members() -> None:
    members = pd.DataFrame(
        {
            "municipality_code": ["091", "049"],
            "area_id": ["A01", "A02"],
            "member_from": ["2021-03-01", "2022-01-01"],
            "member_to": ["2024-12-31", "2024-12-31"],
            "status": ["confirmed", "probable"],
        }
    )
    assert specs.members_in_force(members, "2021-05") == specs.members_in_force(members, "2021-12")
    later = specs.members_in_force(members, "2022-02")
    assert later != specs.members_in_force(members, "2021-12")
    assert len(later) == 40  # a short digest: cheap to hash as part of a cache key
