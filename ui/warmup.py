"""Fill the shared caches with the default views when a server starts.

The costly figures (the overview's totals, the evaluation's regressions and per-area
estimates for both outcomes with and without the unverified members, the first area profile)
are kept in ``st.cache_data``, shared by every session. Without a warm-up the first visitor
of each page after a start pays for them; with ``SEURANTA_WARMUP=1`` the first page
request starts one background thread that computes the default views, so later first visits
find them ready. The thread goes over the same views again every :data:`INTERVAL` seconds:
what is still cached costs a lookup; after a load (a new data version, see
:func:`ui.db.versioned`) or an expiry, the views are computed again before a visitor asks. It reads
nothing but the database, writes nothing but the caches, and a failure only logs: the page
computes what is missing as it would have anyway.
"""

from __future__ import annotations

import logging
import os
import threading
import time

ENV = "SEURANTA_WARMUP"
INTERVAL = 60.0
log = logging.getLogger(__name__)
_lock = threading.Lock()
_started: set[str] = set()
stopping = threading.Event()  # set to end the warm-up threads (tests)


def enabled() -> bool:
    """True when ``$SEURANTA_WARMUP`` is 1 (set by ``make run`` and the deployment notes;
    tests and benchmarks of cold caches leave it unset)."""
    return os.environ.get(ENV, "0") == "1"


def start(url: str) -> threading.Thread | None:
    """Warm the caches for ``url`` once per process, in a daemon thread; returns the thread
    when this call started it."""
    if not enabled():
        return None
    with _lock:
        if url in _started:
            return None
        _started.add(url)
    thread = threading.Thread(
        target=_keep_warm, args=(url, stopping, INTERVAL), name="seuranta-warmup", daemon=True
    )
    thread.start()
    return thread


def _keep_warm(url: str, stop: threading.Event, interval: float) -> None:
    while not stop.is_set():
        warm(url)
        stop.wait(interval)


def warm(url: str) -> None:
    """Compute the default view of every page into the shared caches (see the module doc),
    for the data the database holds now (its data version, see :func:`ui.db.versioned`)."""
    from ui import data
    from ui.db import versioned

    began = time.perf_counter()
    try:
        url = versioned(url)
    except Exception:  # the database is down: the next round tries again
        log.warning("cache warm-up: the database cannot be reached", exc_info=True)
        return
    steps = [
        ("overview", lambda: _overview(url)),
        ("area profile", lambda: _profile(url)),
        ("evaluation", lambda: _evaluation(url)),
        ("data and methods", lambda: data.coverage(url)),
        # Coordinators arrive by their own area's link: every area's default profile
        # (its matched-peer estimate is the costly part, a second or two each).
        ("area profiles", lambda: _profiles(url)),
    ]
    for name, step in steps:
        try:
            step()
        except Exception:  # a failure here is only a cache left cold
            log.warning("cache warm-up of the %s failed", name, exc_info=True)
    log.info("caches warmed in %.1f s", time.perf_counter() - began)


def _overview(url: str) -> None:
    from ui import data

    months = data.months_available(url, indicator="unemployed_jobseekers", level="country")
    if months:
        data.overview_month(url, month=months[-1], include_unverified=False)
    data.overview_totals(url, include_unverified=False)


def _profile(url: str, area: str = "A01") -> None:
    from ui import data

    data.profile(url, area=area, indicator="unemployed_share_pct", include_unverified=False)


def _profiles(url: str) -> None:
    from ui import data

    data.default_area_study(url, include_unverified=False)
    areas = data.trial_areas(url)
    for area in areas.loc[areas["status"] != "not_in_trial", "area_id"]:
        _profile(url, area)


def _evaluation(url: str) -> None:
    from catalogue import calendar
    from indicators.trial_study import OUTCOMES
    from ui import data

    # The three pooled evaluations (the page shows them side by side), then the per-area
    # estimates for the group the page leads with: the default view first (the profiles
    # show its area study), then the page's other first views, each outcome at its default
    # window with and without the unverified members
    data.default_area_study(url, include_unverified=False)
    for outcome in OUTCOMES:
        last = data.evaluation_last_month(url, outcome=outcome)
        _starts, ends = calendar.evaluation_window_options(last)
        if not ends:
            continue
        start, end = calendar.EVALUATION_WINDOW[0], min(calendar.EVALUATION_WINDOW[1], ends[-1])
        for include in (False, True):
            kind = data.lead_comparison(
                url, outcome=outcome, start=start, end=end, include_unverified=include
            )
            data.area_study(
                url,
                outcome=outcome,
                comparison=kind,
                start=start,
                end=end,
                include_unverified=include,
            )
