"""Series transforms for indicator frames: an index to a base month and changes over a lag."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Literal

import numpy as np
import pandas as pd

from catalogue import calendar, definitions

__all__ = ["ChangeKind", "change", "change_kind", "index_to"]

ChangeKind = Literal["count", "rate"]

_MONTH_RE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _columns(frame: pd.DataFrame, by: Sequence[str] | None, value: str) -> list[str]:
    keys = list(by or [])
    missing = [c for c in [*keys, "month", value] if c not in frame.columns]
    if missing:
        raise ValueError(f"column(s) {', '.join(map(repr, missing))} not in the frame")
    if frame.duplicated([*keys, "month"]).any():
        raise ValueError(
            "the frame has more than one row for a month"
            + (f" within a group of {keys}" if keys else "")
            + "; pass the grouping columns as `by`"
        )
    return keys


def month_ordinals(months: pd.Series) -> np.ndarray:
    """Monthly ordinals (year × 12 + month - 1) of 'YYYY-MM' strings."""
    text = months.astype(str)
    bad = ~text.str.match(_MONTH_RE)
    if bad.any():
        raise ValueError(f"month {text[bad].iloc[0]!r} is not a 'YYYY-MM' month")
    ordinals: np.ndarray = (
        text.str[:4].astype(int) * 12 + text.str[5:7].astype(int) - 1
    ).to_numpy()
    return ordinals


def index_to(
    frame: pd.DataFrame,
    base_month: str = calendar.INDEX_BASE_MONTH,
    by: Sequence[str] | None = None,
    *,
    value: str = "value",
) -> pd.DataFrame:
    """Express each series as an index with its value in ``base_month`` = 100.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``month`` ('YYYY-MM'), the ``value`` column and the grouping columns ``by``; one row
        per series and month.
    base_month : str
        The base month; by default 2021-02, the last month before the trials began.
    by : sequence of str, optional
        Columns that identify a series (e.g. ``["indicator", "area_code"]``). None: the frame
        is one series.
    value : str
        The column to index.

    Returns
    -------
    pandas.DataFrame
        A copy of ``frame`` in its original row order, with ``value`` replaced by
        100 × value / base value and a ``base_value`` column. The index is NaN for a whole
        series whose base value is missing, suppressed (NaN) or zero.

    Raises
    ------
    ValueError
        If a column is missing, a month is malformed or a series has two rows for a month.
    """
    keys = _columns(frame, by, value)
    if not _MONTH_RE.match(str(base_month)):
        raise ValueError(f"base_month {base_month!r} is not a 'YYYY-MM' month")
    out = frame.copy()
    month_ordinals(out["month"])  # validates the months
    base = out.loc[out["month"].astype(str) == base_month, [*keys, value]]
    base = base.rename(columns={value: "base_value"})
    if keys:
        base_value = out[keys].merge(base, on=keys, how="left")["base_value"].to_numpy()
    else:
        base_value = np.full(len(out), base["base_value"].iloc[0] if len(base) else np.nan)
    base_value = base_value.astype(np.float64)
    # A zero base has no meaningful index; NaN rather than ±inf
    base_value[base_value == 0] = np.nan
    out["base_value"] = base_value
    out[value] = 100.0 * out[value].astype(np.float64).to_numpy() / base_value
    return out


def change(
    frame: pd.DataFrame,
    lag: int = 1,
    by: Sequence[str] | None = None,
    kind: ChangeKind = "count",
    *,
    value: str = "value",
) -> pd.DataFrame:
    """Change of each series on the value ``lag`` calendar months earlier.

    Parameters
    ----------
    frame : pandas.DataFrame
        ``month`` ('YYYY-MM'), the ``value`` column and the grouping columns ``by``; one row
        per series and month. Rows need not be sorted, and months may be missing.
    lag : int
        Months back: 1 for the change on the previous month, 12 on the same month a year
        earlier. The earlier value is looked up by calendar month, not by row position, so a
        gap in the series gives NaN rather than a change over the wrong span.
    by : sequence of str, optional
        Columns that identify a series. None: the frame is one series.
    kind : {'count', 'rate'}
        ``count`` (persons, euros, ratios): ``change`` is the absolute change and
        ``change_pct`` the relative change in per cent. ``rate`` (a percentage): ``change``
        is the change in percentage points and no relative change is given, since a per
        cent of a per cent is easily misread.
    value : str
        The column to difference.

    Returns
    -------
    pandas.DataFrame
        A copy of ``frame`` in its original row order with ``previous`` (the value ``lag``
        months earlier), ``change`` and, for counts, ``change_pct``. NaN where either value is
        missing; ``change_pct`` is NaN where the earlier value is zero.

    Raises
    ------
    ValueError
        If ``lag`` is not a positive integer, ``kind`` is unknown, a column is missing, a
        month is malformed or a series has two rows for a month.
    """
    if isinstance(lag, bool) or not isinstance(lag, (int, np.integer)) or lag < 1:
        raise ValueError(f"lag must be a positive whole number of months, not {lag!r}")
    if kind not in ("count", "rate"):
        raise ValueError(f"kind must be 'count' or 'rate', not {kind!r}")
    keys = _columns(frame, by, value)
    out = frame.copy()
    ordinal = month_ordinals(out["month"])
    current = out[keys].copy() if keys else pd.DataFrame(index=out.index)
    current["_ord"] = ordinal
    earlier = current.copy()
    earlier["_ord"] = ordinal + int(lag)  # the row of month m is the "previous" of m + lag
    earlier["previous"] = out[value].astype(np.float64).to_numpy()
    previous = current.merge(earlier, on=[*keys, "_ord"], how="left")["previous"].to_numpy()
    now = out[value].astype(np.float64).to_numpy()
    out["previous"] = previous
    out["change"] = now - previous
    if kind == "count":
        with np.errstate(divide="ignore", invalid="ignore"):
            pct = 100.0 * (now - previous) / previous
        out["change_pct"] = np.where(previous == 0, np.nan, pct)
    return out


def change_kind(indicator: str) -> ChangeKind:
    """How changes of ``indicator`` are expressed: 'rate' (percentage points) for the
    catalogue's rates, 'count' (absolute and relative change) for everything else.
    """
    return "rate" if definitions.get(indicator).kind == "rate" else "count"
