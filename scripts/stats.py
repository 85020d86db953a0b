"""One percentile definition for the benchmark and the load test."""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Final

import numpy as np

# numpy's default: linear interpolation between the two closest ranks (Hyndman and Fan's
# type 7), the same as ``statistics.quantiles(..., method="inclusive")`` and PERCENTILE.INC.
METHOD: Final = "linear"


def percentile(values: Iterable[float], q: float) -> float:
    """The ``q``-th percentile (0–100) of ``values``; NaN when there are none.

    Interpolated linearly between the closest ranks (:data:`METHOD`): the 50th percentile is
    the median (the mean of the middle two of an even count), and the 95th of 0.1, 0.2, …,
    2.0 is 1.905. The empty set has no percentile; a ``q`` outside 0–100 is an error.
    """
    if not 0.0 <= q <= 100.0:
        raise ValueError(f"percentile {q} is outside 0..100")
    data = [float(v) for v in values]
    if not data:
        return math.nan
    return float(np.percentile(data, q, method=METHOD))


def median(values: Iterable[float]) -> float:
    """The median of ``values`` (their 50th percentile); NaN when there are none."""
    return percentile(values, 50.0)
