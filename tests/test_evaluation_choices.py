"""Every choice the evaluation page offers can be estimated: no outcome, comparison or window
ends in an exception (the counts behind the per-vacancy ratio end in 2023-10, the shares later).
"""

from __future__ import annotations

from collections.abc import Iterator

import pandas as pd
import pytest
from threadpoolctl import threadpool_limits

from catalogue.calendar import evaluation_window_options as window_options
from data_access import queries
from data_access.engine import make_engine
from i18n import fmt_month, t
from indicators.comparison import COMPARISONS
from indicators.trial_study import OUTCOMES, evaluate, last_supported_month, required_indicators
from tests.conftest import run_app


@pytest.fixture(scope="module")
def real(real_sqlite_url: str) -> Iterator[dict[str, pd.DataFrame]]:
    engine = make_engine(real_sqlite_url)
    inputs = {
        outcome: queries.observations(
            engine, indicators=required_indicators(outcome), level="municipality", since="2016-01"
        )
        for outcome in OUTCOMES
    }
    yield {
        **inputs,
        "municipalities": queries.municipalities(engine),
        "memberships": queries.memberships(engine),
    }
    engine.dispose()


def windows(outcome_last: str) -> list[tuple[str, str]]:
    """The corners of the page's window choices and its default window."""
    starts, ends = window_options(outcome_last)
    return sorted(
        {
            (starts[0], ends[-1]),
            (starts[-1], ends[0]),
            (starts[0], ends[0]),
            (starts[-1], ends[-1]),
            ("2019-01", min("2024-12", ends[-1])),
        }
    )


def test_window_ends_stop_at_the_outcomes_data(real: dict[str, pd.DataFrame]) -> None:
    last = {o: last_supported_month(real[o], o) for o in OUTCOMES}
    # The counts end in 2023-10 (StatFin copy of 2023-12-05); the published share runs on.
    assert last["unemployed_per_vacancy"] == "2023-10"
    assert last["unemployed_share_pct"] >= "2024-12"
    _starts, ends = window_options(last["unemployed_per_vacancy"])
    assert ends[-1] == "2023-10"


@pytest.mark.parametrize("comparison", COMPARISONS)
@pytest.mark.parametrize("outcome", OUTCOMES)
def test_every_offered_window_can_be_estimated(
    real: dict[str, pd.DataFrame], outcome: str, comparison: str
) -> None:
    obs = real[outcome]
    last = last_supported_month(obs, outcome)
    with threadpool_limits(1, user_api="blas"):
        for window in [*windows(last), ("2019-01", "2024-12")]:
            result = evaluate(
                obs,
                real["municipalities"],
                real["memberships"],
                outcome=outcome,
                comparison=comparison,  # type: ignore[arg-type]
                window=window,
            )
            assert result.window[1] <= last
            assert result.event is not None
            # A window asked past the data is shortened and says so.
            if window[1] > last:
                assert result.requested_end == window[1]
                assert "note.window_shortened" in {note.key for note in result.notes}


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_per_vacancy_with_the_default_window_shows_estimates(
    real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The crash of issue 14: per-vacancy ratio, window to 2024-12 from a link."""
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    at = run_app(
        "evaluation", timeout=120, outcome="unemployed_per_vacancy", to="2024-12", lang=lang
    )
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.selectbox(key="to").value == "2023-10"
    expected = t(
        "evaluation.window_shortened",
        lang,
        asked=fmt_month("2024-12", lang),
        last=fmt_month("2023-10", lang),
    )
    assert expected in [i.value for i in at.info]
    assert not [w.value for w in at.warning if "2024-12" in str(w.value)]
    assert at.metric, "no estimate shown"


def test_a_change_of_window_replaces_the_results(
    real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After a change the page ends with the new estimates, no "computing…" left over."""
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    at = run_app("evaluation", timeout=180, lang="en")
    assert not at.exception, at.exception
    before = [m.value for m in at.metric]
    shown = at.session_state["_evaluation_areas_shown"]
    at.selectbox(key="from").set_value("2020-06").run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert t("evaluation.computing", "en") not in [i.value for i in at.info]
    assert at.metric and [m.value for m in at.metric] != before
    assert len(at.dataframe) >= 3  # the comparisons, the event study and the areas
    assert at.session_state["_evaluation_areas_shown"] != shown
    assert ("start", "2020-06") in at.session_state["_evaluation_shown"]
