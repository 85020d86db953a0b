"""Comparison and evaluation: DiD estimates, the event study and per-area results."""

import logging

import streamlit as st

from catalogue import calendar, definitions
from i18n import fmt_month, render, t
from indicators.comparison import COMPARISONS, ComparisonError
from indicators.did import EvaluationError
from indicators.trial_study import OUTCOMES
from indicators.views import evaluation as evaluation_view
from ui import data
from ui import evaluation_view as evaluation_sections
from ui.state import clamp_month, url_choice, url_toggle

lang, url = data.open_page(__file__, "evaluation")

c1, c2, c3, c4 = st.columns([3, 3, 2, 2])
outcome = url_choice(
    "outcome",
    t("evaluation.outcome", lang),
    list(OUTCOMES),
    default="unemployed_share_pct",
    lang=lang,
    container=c1,
    format_func=lambda c: definitions.get(c).name(lang),
)
try:
    with data.guarded(lang):
        last = data.evaluation_last_month(url, outcome=outcome)
except (EvaluationError, ComparisonError) as error:
    st.error(t("evaluation.failed", lang, reason=str(error)))
    st.stop()
starts, ends = calendar.evaluation_window_options(last)
if not ends:
    st.info(t("evaluation.no_window", lang, last=fmt_month(last, lang)))
    st.stop()
shortened = clamp_month("to", ends[-1])
start = url_choice(
    "from",
    t("evaluation.window_start", lang),
    starts,
    default=calendar.EVALUATION_WINDOW[0],
    lang=lang,
    container=c3,
    format_func=lambda m: fmt_month(m, lang, "short"),
)
end = url_choice(
    "to",
    t("evaluation.window_end", lang),
    ends,
    default=min(calendar.EVALUATION_WINDOW[1], ends[-1]),
    lang=lang,
    container=c4,
    format_func=lambda m: fmt_month(m, lang, "short"),
)
if shortened:
    st.info(
        t(
            "evaluation.window_shortened",
            lang,
            asked=fmt_month(shortened, lang),
            last=fmt_month(ends[-1], lang),
        ),
        icon=":material/info:",
    )
include = url_toggle("unverified", t("overview.include_unverified", lang), lang=lang)

window = dict(outcome=outcome, start=start, end=end, include_unverified=include)
# The results' slots, in page order. After a change of the choices they are emptied and say
# "computing…" at once, so that no estimate of the old choices stays on screen meanwhile.
pooled_slot, areas_slot = st.empty(), st.empty()
shown = (url, *sorted(window.items()))
if st.session_state.get("_evaluation_shown") != shown:
    pooled_slot.info(t("evaluation.computing", lang), icon=":material/hourglass_empty:")
    areas_slot.empty()
try:
    # The pooled estimates first: the headline and the event study are drawn before the
    # per-area results are computed
    with data.guarded(lang), st.spinner(t("evaluation.computing", lang)):
        pooled = {kind: data.evaluation(url, comparison=kind, **window) for kind in COMPARISONS}
        areas = data.trial_areas(url)
    rows = evaluation_view.comparison_rows(pooled)
    lead = evaluation_view.lead_comparison(rows)
    comparison = url_choice(
        "comparison",
        t("evaluation.comparison", lang),
        list(COMPARISONS),
        default=lead,
        lang=lang,
        container=c2,
        format_func=lambda c: t(f"comparison.{c}", lang),
    )
    options = {**window, "comparison": comparison}
    result = pooled[comparison]
    key = (url, *sorted(options.items()))
    if st.session_state.get("_evaluation_areas_shown") != (*shown, comparison):
        areas_slot.info(t("evaluation.computing", lang), icon=":material/hourglass_empty:")
    with pooled_slot.container():
        evaluation_sections.comparisons(
            rows, lead, lang, evaluation_sections.unit_of(outcome, lang)
        )
        evaluation_sections.headline(result, outcome, lang)
        evaluation_sections.event_study(result, outcome, lang, data_key=key)
    # Pooled results are on screen while the per-area estimates are computed.
    with data.guarded(lang), st.spinner(t("evaluation.computing", lang)):
        study = data.area_study(url, **options)
    with areas_slot.container():
        evaluation_sections.per_area(study, result, areas, outcome, lang, data_key=key)
    st.session_state["_evaluation_shown"] = shown
    st.session_state["_evaluation_areas_shown"] = (*shown, comparison)
except (EvaluationError, ComparisonError) as error:
    pooled_slot.empty()
    areas_slot.empty()
    st.error(t("evaluation.failed", lang, reason=str(error)))
    st.stop()
except Exception:  # any other estimation failure: a message, never a traceback
    logging.getLogger(__name__).exception("evaluation failed for %s", window)
    pooled_slot.empty()
    areas_slot.empty()
    st.error(t("evaluation.failed_unexpected", lang))
    st.stop()
st.info(t("evaluation.services_missing", lang), icon=":material/info:")
with st.expander(t("evaluation.method_title", lang), expanded=False):
    st.markdown(t("evaluation.method", lang))
with st.expander(t("evaluation.technical", lang)):
    st.markdown("\n".join(f"- {render(note, lang)}" for note in result.notes))
