"""SYNTHETIC test panels: observation rows built from made-up shares, for tests only."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
import pandas as pd

from data_access import queries


def count_rows(
    shares: Mapping[str, tuple[float, np.ndarray]], months: Sequence[str]
) -> pd.DataFrame:
    """Observations of SYNTHETIC municipalities: for each code a constant labour force and an
    unemployed count of ``share × labour force / 100`` per month, so that the share goes
    through the same computation as the real data. ``shares`` maps a code to its labour
    force and its monthly shares."""
    rows = []
    for code, (labour_force, share) in shares.items():
        for month, value in zip(months, share, strict=True):
            rows.append(("labour_force", "municipality", code, month, labour_force, False, False))
            rows.append(
                (
                    "unemployed_jobseekers",
                    "municipality",
                    code,
                    month,
                    value * labour_force / 100.0,
                    False,
                    False,
                )
            )
    return pd.DataFrame(rows, columns=queries.OBS_COLUMNS)
