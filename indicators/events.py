"""Definition breaks: dated events that change what a series means, for charts to mark."""

from __future__ import annotations

import pandas as pd

from catalogue import calendar
from catalogue.calendar import EVENTS


def events_between(
    start: str,
    end: str,
    memberships: pd.DataFrame | None = None,
    *,
    through_trial: bool = True,
    lang: str | None = None,
) -> pd.DataFrame:
    """Events whose month lies within ``start``…``end`` (``YYYY-MM``): ``day, month, key``.

    Membership changes (a member joining or leaving on a date other than the trial's start
    and end) are added as ``membership_change`` events when ``memberships`` is given. With
    ``through_trial`` a chart that begins before the trial's end marks the trial's start and
    end even when its data stop earlier, so that where the data end is plain to see. With
    ``lang`` each event has its ``label`` in that language too, which the charts draw.
    """
    if through_trial and start <= calendar.TRIAL_LAST_MONTH:
        end = max(end, calendar.TRIAL_LAST_MONTH)
    rows = [(e.day, e.month, e.key) for e in EVENTS]
    if memberships is not None and not memberships.empty:
        bounds = {e.day for e in EVENTS}
        for col in ("member_from", "member_to"):
            for day in memberships[col].dropna().astype(str).unique():
                if day not in bounds:
                    rows.append((day, day[:7], "membership_change"))
    frame = pd.DataFrame(rows, columns=["day", "month", "key"]).drop_duplicates()
    inside = (frame["month"] >= start) & (frame["month"] <= end)
    frame = frame[inside].sort_values("day").reset_index(drop=True)
    if lang is not None:
        from i18n import t

        frame["label"] = [t(f"chart.event.{k}", lang) for k in frame["key"]]
    return frame
