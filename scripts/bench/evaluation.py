"""Section ``evaluate``: the trial's evaluation against the estimation library alone, on the same
prepared panel."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from catalogue import calendar
from scripts.bench.common import OUTCOME, Plan, blas_limit, join_notes
from scripts.bench.report import Result

EVALUATE_TARGET = 1.2


@dataclass
class LibraryInputs:
    """The prepared panel, as PanelOLS takes it, for the DiD and the event study."""

    y: Any
    x_did: Any
    x_event: Any
    leads: list[str]
    fit_options: dict[str, Any]


def prepare_library_inputs(obs: Any, evaluation: Any) -> LibraryInputs:
    """The same sample and regressors as ``evaluation`` (an Evaluation), ready for PanelOLS."""
    import numpy as np
    import pandas as pd

    from indicators.did import prepare_panel
    from indicators.trial_study import EVENT_MONTH, LAGS, LEADS, outcome_panel

    start, end = evaluation.window
    group = evaluation.group
    panel = outcome_panel(obs, evaluation.outcome)
    panel = panel[panel["unit"].isin(set(group.treated) | set(group.control))]
    prepared = prepare_panel(
        panel[["unit", "month", "value"]],
        treated_units=list(group.treated),
        event_month=EVENT_MONTH,
        window=(start, end),
        outcome="value",
    )
    frame = prepared.frame.dropna(subset=["value"])
    frame = frame.set_index(["unit", pd.to_datetime(frame["month"] + "-01")])
    frame.index.names = ["unit", "month"]
    treated = frame["treated"].to_numpy() == 1
    leads = min(LEADS, -int(frame["rel_month"].min()))
    lags = min(LAGS, int(frame["rel_month"].max()))
    rel = frame["rel_month"].clip(lower=-leads, upper=lags).to_numpy()
    columns: dict[str, np.ndarray] = {}
    for r in range(-leads, lags + 1):
        dummy = (treated & (rel == r)).astype(np.float64)
        if r != -1 and dummy.any():
            columns[f"rel_{r}"] = dummy
    x_event = pd.DataFrame(columns, index=frame.index)
    x_did = pd.DataFrame(
        {"treated_x_post": (frame["treated"] * frame["post"]).astype(np.float64)},
        index=frame.index,
    )
    n_units = frame.index.get_level_values(0).nunique()
    n_months = frame.index.get_level_values(1).nunique()
    return LibraryInputs(
        y=frame["value"],
        x_did=x_did,
        x_event=x_event,
        leads=[c for c in columns if int(c.removeprefix("rel_")) < 0],
        fit_options={
            "cov_type": "clustered",
            "cluster_entity": True,
            "debiased": True,
            "group_debias": True,
            "auto_df": False,
            "count_effects": False,
            "low_memory": len(frame) == n_units * n_months,
        },
    )


def library_alone(inputs: LibraryInputs) -> float:
    """PanelOLS for the DiD and the event study, and the leads' Wald test; the DiD estimate."""
    import numpy as np
    import pandas as pd
    from linearmodels import PanelOLS

    opts = {"entity_effects": True, "time_effects": True, "check_rank": False}
    did = PanelOLS(inputs.y, inputs.x_did, **opts).fit(**inputs.fit_options)
    event = PanelOLS(inputs.y, inputs.x_event, **opts).fit(**inputs.fit_options)
    names = list(event.params.index)
    rows = np.eye(len(names))[[names.index(n) for n in inputs.leads]]
    event.wald_test(restriction=pd.DataFrame(rows, columns=names))
    return float(did.params["treated_x_post"])


def within_alone(inputs: LibraryInputs) -> float:
    """:func:`indicators.did.within_fit` for the DiD and the event study, and the leads' Wald
    test, on the same frame as :func:`library_alone`; the DiD estimate."""
    import numpy as np
    import pandas as pd

    from indicators.did import within_fit

    index = inputs.y.index
    units = pd.factorize(index.get_level_values(0), sort=True)[0]
    periods = pd.factorize(index.get_level_values(1), sort=True)[0]
    y = inputs.y.to_numpy(dtype=np.float64)
    did = within_fit(y, inputs.x_did.to_numpy(), units, periods, clusters=units)
    event = within_fit(y, inputs.x_event.to_numpy(), units, periods, clusters=units)
    names = list(inputs.x_event.columns)
    event.wald([names.index(n) for n in inputs.leads])
    return float(did.params[0])


# --------------------------------------------------------------------------------------------
# Cold changes on the evaluation page


# Budgets from a change to the pooled estimate drawn and to the per-area results (issue 13)
POOLED_BUDGET = 2.0
AREAS_BUDGET = 5.0
CHANGES = ("first default view", "window", "comparison", "outcome", "unverified switch")


def _clear_placebos() -> None:
    from indicators import area_study

    placebos = getattr(area_study, "_PLACEBOS", None)  # the shared placebo fits, if any
    if placebos is not None:
        placebos.clear()


def cold_changes(database_url: str) -> list[tuple[str, float, float]]:
    """The evaluation page's computations after each kind of change, caches cold for the new
    choices (and warm for what the change leaves alone, as in a running server): ``(change,
    seconds to the pooled estimates, seconds to the per-area results)``, both counted from the
    change. Uses the page's cached loaders of :mod:`ui.data`, outside a Streamlit server."""
    import logging

    import streamlit as st

    from indicators.comparison import COMPARISONS
    from ui import data
    from ui.db import versioned

    for name in ("cache_data_api", "cache_resource_api"):  # "No runtime found", each call
        logging.getLogger(f"streamlit.runtime.caching.{name}").setLevel(logging.ERROR)
    url = versioned(database_url)
    start, end = calendar.EVALUATION_WINDOW
    default: dict[str, Any] = {
        "outcome": OUTCOME,
        "start": start,
        "end": end,
        "include_unverified": False,
    }

    def page(choices: dict[str, Any], comparison: str | None) -> tuple[float, float]:
        t0 = time.perf_counter()
        pooled = {kind: data.evaluation(url, comparison=kind, **choices) for kind in COMPARISONS}
        seconds_pooled = time.perf_counter() - t0
        if comparison is None:
            from indicators.views import evaluation as evaluation_view

            comparison = evaluation_view.lead_comparison(evaluation_view.comparison_rows(pooled))
        data.area_study(url, comparison=comparison, **choices)
        return seconds_pooled, time.perf_counter() - t0

    st.cache_data.clear()
    st.cache_resource.clear()
    _clear_placebos()
    out = [("first default view", *page(default, None))]
    out.append(("window", *page({**default, "start": "2019-07"}, None)))
    lead = data.lead_comparison(url, **default)
    other = next(kind for kind in COMPARISONS if kind != lead)
    out.append(("comparison", *page(default, other)))
    out.append(("outcome", *page({**default, "outcome": "unemployed_per_vacancy"}, None)))
    out.append(("unverified switch", *page({**default, "include_unverified": True}, None)))
    return out


def bench_evaluate(
    database_url: str, plan: Plan, full_grid: bool, blas_threads: int
) -> list[Result]:
    """evaluate() from the observations against PanelOLS on the prepared frame, interleaved."""
    with blas_limit(blas_threads) as blas:
        return _bench_evaluate(database_url, plan, full_grid, blas)


def _bench_evaluate(database_url: str, plan: Plan, full_grid: bool, blas: str) -> list[Result]:
    from data_access import queries
    from data_access.engine import make_engine
    from indicators.trial_study import (
        evaluate,
        evaluate_all,
        prepare_outcome,
        required_indicators,
    )

    engine = make_engine(database_url, read_only=True)
    try:
        obs = queries.observations(
            engine, indicators=required_indicators(OUTCOME), level="municipality", since="2016-01"
        )
        munis = queries.municipalities(engine)
        members = queries.memberships(engine)
    finally:
        engine.dispose()

    # As the page calls it: the outcome's panel is prepared once per data version
    prepared = prepare_outcome(obs, munis, OUTCOME)

    def run_evaluate() -> Any:
        return evaluate(
            obs, munis, members, outcome=OUTCOME, comparison="all_other", prepared=prepared
        )

    # Untimed warm-ups of both sides (first calls into linearmodels and its covariance and
    # Wald test code); the evaluation also gives the sample and the window
    reference = run_evaluate()
    inputs = prepare_library_inputs(obs, reference)
    library_alone(inputs)
    within_alone(inputs)

    budget = plan.budget("evaluate")
    wrapped: list[float] = []
    alone: list[float] = []
    within: list[float] = []
    estimates: list[float] = []
    for round_no in range(plan.repeats):
        if not budget.want("evaluate"):
            break
        began = time.monotonic()
        steps: list[tuple[list[float], Callable[[], Any]]] = [
            (wrapped, run_evaluate),
            (alone, lambda: estimates.append(library_alone(inputs))),
            (within, lambda: estimates.append(within_alone(inputs))),
        ]
        for samples, step in steps if round_no % 2 == 0 else steps[::-1]:
            t0 = time.perf_counter()
            step()
            samples.append(time.perf_counter() - t0)
        budget.record("evaluate", time.monotonic() - began)
    agree = all(
        math.isclose(e, reference.did.estimate, rel_tol=1e-9, abs_tol=1e-12) for e in estimates
    )
    changes = cold_changes(database_url)

    if full_grid:
        label = "evaluate_all: full default grid (3 groups × 26, event studies)"
        kwargs: dict[str, Any] = {}
    else:
        label = "evaluate_all: as the evaluation page (all_other × 26, DiD only)"
        kwargs = {
            "outcomes": (OUTCOME,),
            "comparisons": ("all_other",),
            "window": calendar.EVALUATION_WINDOW,
            "with_event_study": False,
        }
    t0 = time.perf_counter()
    table = evaluate_all(obs, munis, members, **kwargs)
    seconds = time.perf_counter() - t0
    agreement = "the DiD estimates agree" if agree else "THE DiD ESTIMATES DIFFER"
    results = [
        Result(
            "evaluate",
            "evaluate: pooled, all_other, event study vs PanelOLS alone",
            "s",
            wrapped,
            alone,
            EVALUATE_TARGET,
            join_notes(
                "evaluate() as the page calls it (the outcome's panel prepared once per data "
                "version, outside the timer); baseline: linearmodels PanelOLS alone (DiD + "
                "event study fits with the same options, and the leads' Wald test) on the "
                "frame prepared outside the timer; " + agreement,
                blas,
                budget.note("evaluate"),
            ),
        ),
        Result(
            "evaluate",
            "evaluate: pooled, all_other, event study vs within_fit alone",
            "s",
            wrapped,
            within,
            None,
            "baseline: indicators.did.within_fit alone (the estimator evaluate uses; DiD + "
            "event study and the Wald test) on the same frame; the rest of evaluate is the "
            "panel's preparation, the checks and the notes",
        ),
        Result("evaluate", label, "s", [seconds], note=f"{len(table)} rows, run once"),
    ]
    for change, pooled, areas in changes:
        for what, seconds_, budget_s in (
            ("pooled", pooled, POOLED_BUDGET),
            ("per-area", areas, AREAS_BUDGET),
        ):
            results.append(
                Result(
                    "evaluate",
                    f"evaluation page, cold: {change} → {what}",
                    "s",
                    [seconds_],
                    [budget_s],
                    1.0,
                    f"baseline: the budget of {budget_s:.0f} s from the change (issue 13); "
                    "the page's cached loaders, cold for the new choices, run once",
                )
            )
    return results
