"""Definition breaks: dated events that change what a series means, for charts to mark."""

from __future__ import annotations

import pandas as pd

from catalogue.calendar import EVENTS


def events_between(start: str, end: str, memberships: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events whose month lies within ``start``…``end`` (``YYYY-MM``): ``day, month, key``.

    Membership changes (a member joining or leaving on a date other than the trial's start
    and end) are added as ``membership_change`` events when ``memberships`` is given.
    """
    rows = [(e.day, e.month, e.key) for e in EVENTS]
    if memberships is not None and not memberships.empty:
        bounds = {e.day for e in EVENTS}
        for col in ("member_from", "member_to"):
            for day in memberships[col].dropna().astype(str).unique():
                if day not in bounds:
                    rows.append((day, day[:7], "membership_change"))
    frame = pd.DataFrame(rows, columns=["day", "month", "key"]).drop_duplicates()
    inside = (frame["month"] >= start) & (frame["month"] <= end)
    return frame[inside].sort_values("day").reset_index(drop=True)
