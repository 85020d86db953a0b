"""Section ``evaluate``: the trial's evaluation against the estimation library alone, on the same
prepared panel."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

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


def bench_evaluate(
    database_url: str, plan: Plan, full_grid: bool, blas_threads: int
) -> list[Result]:
    """evaluate() from the observations against PanelOLS on the prepared frame, interleaved."""
    with blas_limit(blas_threads) as blas:
        return _bench_evaluate(database_url, plan, full_grid, blas)


def _bench_evaluate(database_url: str, plan: Plan, full_grid: bool, blas: str) -> list[Result]:
    from data_access import queries
    from data_access.engine import make_engine
    from indicators.trial_study import evaluate, evaluate_all, required_indicators

    engine = make_engine(database_url, read_only=True)
    try:
        obs = queries.observations(
            engine, indicators=required_indicators(OUTCOME), level="municipality", since="2016-01"
        )
        munis = queries.municipalities(engine)
        members = queries.memberships(engine)
    finally:
        engine.dispose()

    def run_evaluate() -> Any:
        return evaluate(obs, munis, members, outcome=OUTCOME, comparison="all_other")

    # Untimed warm-ups of both sides (first calls into linearmodels and its covariance and
    # Wald test code); the evaluation also gives the sample and the window
    reference = run_evaluate()
    inputs = prepare_library_inputs(obs, reference)
    library_alone(inputs)

    budget = plan.budget("evaluate")
    wrapped: list[float] = []
    alone: list[float] = []
    estimates: list[float] = []
    for round_no in range(plan.repeats):
        if not budget.want("evaluate"):
            break
        began = time.monotonic()
        steps: list[tuple[list[float], Callable[[], Any]]] = [
            (wrapped, run_evaluate),
            (alone, lambda: estimates.append(library_alone(inputs))),
        ]
        for samples, step in steps if round_no % 2 == 0 else steps[::-1]:
            t0 = time.perf_counter()
            step()
            samples.append(time.perf_counter() - t0)
        budget.record("evaluate", time.monotonic() - began)
    agree = all(
        math.isclose(e, reference.did.estimate, rel_tol=1e-9, abs_tol=1e-12) for e in estimates
    )

    if full_grid:
        label = "evaluate_all: full default grid (3 groups × 26, event studies)"
        kwargs: dict[str, Any] = {}
    else:
        label = "evaluate_all: as the evaluation page (all_other × 26, DiD only)"
        kwargs = {
            "outcomes": (OUTCOME,),
            "comparisons": ("all_other",),
            "window": ("2019-01", "2024-12"),
            "with_event_study": False,
        }
    t0 = time.perf_counter()
    table = evaluate_all(obs, munis, members, **kwargs)
    seconds = time.perf_counter() - t0
    return [
        Result(
            "evaluate",
            "evaluate: pooled, all_other, event study",
            "s",
            wrapped,
            alone,
            EVALUATE_TARGET,
            join_notes(
                "baseline: linearmodels PanelOLS alone (DiD + event study fits with the same "
                "options, and the leads' Wald test) on the frame prepared outside the timer; "
                + ("the DiD estimates agree" if agree else "THE DiD ESTIMATES DIFFER"),
                blas,
                budget.note("evaluate"),
            ),
        ),
        Result("evaluate", label, "s", [seconds], note=f"{len(table)} rows, run once"),
    ]
