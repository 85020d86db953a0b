"""The one percentile definition of the benchmark and the load test (scripts/stats.py)."""

from __future__ import annotations

import math
import statistics

import pytest

from scripts.stats import median, percentile


def test_percentile_interpolates_between_ranks() -> None:
    values = [v / 10 for v in range(1, 21)]  # 0.1 … 2.0
    assert percentile(values, 50) == pytest.approx(1.05)
    assert percentile(values, 95) == pytest.approx(1.905)
    assert percentile(values, 0) == pytest.approx(0.1)
    assert percentile(values, 100) == pytest.approx(2.0)
    assert percentile([1.0, 2.0], 90) == pytest.approx(1.9)
    assert percentile([float(v) for v in range(1, 12)], 90) == 10.0
    assert percentile([5.0], 95) == 5.0
    assert percentile(reversed(values), 95) == pytest.approx(1.905)  # order and type free


@pytest.mark.parametrize("q", [1, 10, 25, 50, 75, 90, 95, 99])
def test_percentile_agrees_with_statistics_inclusive(q: int) -> None:
    values = [3.2, 0.4, 9.9, 1.5, 1.5, 7.0, 2.2, 0.1, 5.5]
    expected = statistics.quantiles(values, n=100, method="inclusive")[q - 1]
    assert percentile(values, q) == pytest.approx(expected)


def test_median_is_the_usual_median() -> None:
    assert median([3.0, 1.0, 2.0]) == 2.0
    assert median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert median([4.0, 1.0, 2.0, 3.0]) == statistics.median([4.0, 1.0, 2.0, 3.0])


def test_empty_and_out_of_range() -> None:
    assert math.isnan(percentile([], 50))
    assert math.isnan(median([]))
    for q in (-1, 100.5, math.nan):
        with pytest.raises(ValueError):
            percentile([1.0], q)
