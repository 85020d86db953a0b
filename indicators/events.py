"""Definition breaks: dated events that change what a series means, for charts to mark."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd


@dataclass(frozen=True)
class Event:
    """A dated event; ``key`` names its label in the message catalogue (``chart.event.<key>``)."""

    day: str
    key: str
    note_en: str


EVENTS: tuple[Event, ...] = (
    Event(
        "2021-03-01",
        "trial_start",
        "Municipal employment trials start (law 1269/2020): trial municipalities take over "
        "public employment services for three target groups.",
    ),
    Event(
        "2022-05-02",
        "nordic_model",
        "The Nordic jobseeker service model starts in the whole country: more frequent "
        "meetings and job-search obligations for every jobseeker.",
    ),
    Event(
        "2024-12-31",
        "trial_end",
        "The trials end; on 1 January 2025 employment services move to municipalities in "
        "the whole country (TE24 reform).",
    ),
)


def events_between(start: str, end: str, memberships: pd.DataFrame | None = None) -> pd.DataFrame:
    """Events whose month lies within ``start``…``end`` (``YYYY-MM``): ``day, month, key``.

    Membership changes (a member joining or leaving on a date other than the trial's start
    and end) are added as ``membership_change`` events when ``memberships`` is given.
    """
    rows = [(e.day, e.day[:7], e.key) for e in EVENTS]
    if memberships is not None and not memberships.empty:
        bounds = {e.day for e in EVENTS}
        for col in ("member_from", "member_to"):
            for day in memberships[col].dropna().astype(str).unique():
                if day not in bounds:
                    rows.append((day, day[:7], "membership_change"))
    frame = pd.DataFrame(rows, columns=["day", "month", "key"]).drop_duplicates()
    inside = (frame["month"] >= start) & (frame["month"] <= end)
    return frame[inside].sort_values("day").reset_index(drop=True)
