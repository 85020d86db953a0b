"""The trial calendar: every date the trials, the evaluation and the charts depend on, once.

Months are ``YYYY-MM`` strings (they sort as dates) and days ``YYYY-MM-DD`` strings, as the
reporting database stores them. Nothing outside this module and the data files writes a
trial date as a literal.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

# The trials (law 1269/2020, extended to the end of 2024)
TRIAL_START_DAY = "2021-03-01"
TRIAL_END_DAY = "2024-12-31"
TRIAL_FIRST_MONTH = TRIAL_START_DAY[:7]
TRIAL_LAST_MONTH = TRIAL_END_DAY[:7]
# Counts are shown as an index of the last month before the trials (= 100)
INDEX_BASE_MONTH = "2021-02"
# The Nordic jobseeker service model started in the whole country on 2 May 2022
NORDIC_MODEL_DAY = "2022-05-02"
NORDIC_MODEL_MONTH = NORDIC_MODEL_DAY[:7]
# On 1 January 2025 the TE services reform (TE24) moved every municipality's services to the
# municipal employment areas: no TE-office comparison group after the trials
TRANSFER_DAY = "2025-01-01"
TRANSFER_MONTH = TRANSFER_DAY[:7]
# The COVID-19 shock hit the labour market in March 2020
COVID_MONTH = "2020-03"

# Charts and the overview start here; the year before feeds the changes on a year
CHART_FIRST_MONTH = "2019-01"
OVERVIEW_FIRST_MONTH = "2018-01"
# The evaluation's default window and the range its pickers offer
EVALUATION_WINDOW: tuple[str, str] = (CHART_FIRST_MONTH, TRIAL_LAST_MONTH)
EVALUATION_STARTS: tuple[str, str] = ("2017-01", "2020-12")
# The first window end: at least three months of the trials
EVALUATION_FIRST_END = "2021-06"
EVALUATION_LAST_END = TRANSFER_MONTH
# Peer matching: a pre-trial level free of the pandemic, and a trend up to the shock
MATCH_LEVEL_WINDOW: tuple[str, str] = ("2019-03", "2020-02")
MATCH_TREND_WINDOW: tuple[str, str] = ("2017-01", "2020-02")
# The evaluation's inputs are read from here (the matching trend starts in 2017)
EVALUATION_DATA_FROM = "2016-01"


@dataclass(frozen=True)
class Event:
    """A dated event that changes what a series means; ``key`` names its label in the message
    catalogue (``chart.event.<key>``) and its explanation (``event.<key>``).
    """

    day: str
    key: str

    @property
    def month(self) -> str:
        """The event's month, ``YYYY-MM``."""
        return self.day[:7]


EVENTS: tuple[Event, ...] = (
    Event(TRIAL_START_DAY, "trial_start"),
    Event(NORDIC_MODEL_DAY, "nordic_model"),
    Event(TRIAL_END_DAY, "trial_end"),
)


def months(first: str, last: str) -> list[str]:
    """Every month from ``first`` to ``last`` (``YYYY-MM``), both included."""
    if last < first:
        return []
    return [str(p) for p in pd.period_range(first, last, freq="M")]


def trial_months() -> list[str]:
    """The months of the trials, March 2021 … December 2024."""
    return months(TRIAL_FIRST_MONTH, TRIAL_LAST_MONTH)


def in_trial(month: str) -> bool:
    """True for a month of the trials."""
    return TRIAL_FIRST_MONTH <= month <= TRIAL_LAST_MONTH


def clamp_to_trial(month: str) -> str:
    """``month``, or the trial's first or last month when it lies outside the trials."""
    return min(max(month, TRIAL_FIRST_MONTH), TRIAL_LAST_MONTH)


def shift(month: str, n: int) -> str:
    """The month ``n`` months after ``month`` (before it for negative ``n``)."""
    return str(pd.Period(month, freq="M") + n)


def evaluation_window_options(last: str = EVALUATION_LAST_END) -> tuple[list[str], list[str]]:
    """Months an evaluation window may start and end in; the ends stop at ``last`` (the
    outcome's last month with data) and at January 2025 at the latest.
    """
    starts = months(*EVALUATION_STARTS)
    ends = months(EVALUATION_FIRST_END, min(last, EVALUATION_LAST_END))
    return starts, ends
