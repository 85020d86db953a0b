"""Indicators: aggregation, comparison groups, evaluation and disclosure control (pandas).

The public API is importable from the package (``from indicators import estimate_did``), so
that callers keep working when a function moves between modules. The names are resolved on
first use: importing one light module (``indicators.aggregation``, say) does not load the
estimation libraries behind the evaluation.
"""

from __future__ import annotations

import importlib
from typing import Any

# public name → the module that defines it
_EXPORTS: dict[str, str] = {
    # generic difference-in-differences and event studies (any panel)
    "EvaluationError": "indicators.did",
    "DidResult": "indicators.did",
    "EventStudyResult": "indicators.did",
    "PretrendTest": "indicators.did",
    "PreparedPanel": "indicators.did",
    "estimate_did": "indicators.did",
    "event_study": "indicators.did",
    "prepare_panel": "indicators.did",
    # the trial's ready-made study on the reporting database's observations
    "Evaluation": "indicators.trial_study",
    "OUTCOMES": "indicators.trial_study",
    "evaluate": "indicators.trial_study",
    "evaluate_all": "indicators.trial_study",
    "last_supported_month": "indicators.trial_study",
    "outcome_panel": "indicators.trial_study",
    "required_indicators": "indicators.trial_study",
    # the area-level evaluation: synthetic control and placebo-area DiD
    "SynthError": "indicators.synth",
    "SyntheticControlResult": "indicators.synth",
    "synthetic_control": "indicators.synth",
    "InferenceError": "indicators.inference",
    "PlaceboDidResult": "indicators.inference",
    "placebo_did": "indicators.inference",
    "AreaEvaluation": "indicators.area_study",
    "AreaStudy": "indicators.area_study",
    "evaluate_areas": "indicators.area_study",
    # comparison groups
    "COMPARISONS": "indicators.comparison",
    "ComparisonError": "indicators.comparison",
    "ComparisonGroup": "indicators.comparison",
    "comparison_group": "indicators.comparison",
    "match_peers": "indicators.comparison",
    # aggregation and memberships
    "AggregationError": "indicators.aggregation",
    "aggregate": "indicators.aggregation",
    "active_members": "indicators.aggregation",
    "trial_and_rest": "indicators.aggregation",
    "unit_values": "indicators.aggregation",
    # transforms and disclosure control
    "index_to": "indicators.transforms",
    "change": "indicators.transforms",
    "DisclosurePolicy": "indicators.disclosure",
    "suppress_cells": "indicators.disclosure",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'indicators' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_EXPORTS})
