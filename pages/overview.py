"""Overview: the national picture for a month, the trial municipalities against the rest."""

import streamlit as st

from i18n import fmt_month, fmt_number, t
from ui import data, sections
from ui.state import in_fragment_rerun, url_choice, url_toggle

lang, url = data.open_page(__file__, "overview")

with data.guarded(lang):
    months = data.months_available(url, indicator="unemployed_jobseekers", level="country")
    munis = data.municipalities(url)
    members = data.memberships(url)
    areas = data.trial_areas(url)
    shapes = data.boundaries(url)
if not months:
    st.info(t("overview.no_data", lang))
    st.stop()

include = url_toggle("unverified", t("overview.include_unverified", lang), lang=lang)
names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
unverified = sorted(set(members.loc[members["status"] == "probable", "municipality_code"]))
with data.guarded(lang):
    totals = data.overview_totals(url, include_unverified=include)


# The month's part of the page reruns alone (a fragment) and draws the chart into a place made
# here, outside it. The map is drawn by the whole page's run: a month change leaves it, and its
# 200 kB spec, as they are, unless the memberships in force change, when the whole page reruns.
top = st.container()
chart_column, map_column = st.columns([3, 2])
chart_slot, heading_slot, map_slot = chart_column.empty(), map_column.empty(), map_column.empty()
MAP_DRAWN = "_overview_map_drawn"


@st.fragment
def month_view() -> str:
    """Everything that depends on the month: a month change reruns this part only."""
    month = url_choice(
        "month",
        t("overview.month", lang),
        months[::-1],
        default=months[-1],
        lang=lang,
        format_func=lambda m: fmt_month(m, lang),
    )
    if in_fragment_rerun() and st.session_state.get(MAP_DRAWN) != sections.trial_map_key(
        url, month
    ):
        st.rerun(scope="app")
    with data.guarded(lang):
        view = data.overview_month(url, month=month, include_unverified=include)
    sections.headline_cards(view.heads, names, lang)
    sections.story(view, len(unverified) if include else 0, lang)
    st.caption(t("overview.unallocated", lang, n=fmt_number(view.unallocated, lang)))
    if unverified and not include:
        listed = ", ".join(names[c] for c in unverified)
        st.caption(t("overview.excluded_unverified", lang, n=len(unverified), names=listed))
    with chart_slot.container():
        sections.share_chart(totals.shares, view.heads, month, lang, data_key=(url, include))
        st.caption(data.coverage_note(url, lang))
        sections.what_changed(view, areas, lang)
    with heading_slot.container():
        sections.trial_map_heading(month, lang)
    return month


with top:
    shown_month = month_view()
with map_slot.container():
    sections.trial_map(shapes, members, areas, shown_month, lang, url=url)
st.session_state[MAP_DRAWN] = sections.trial_map_key(url, shown_month)
# The key indicators do not depend on the month: a month change leaves them as they are
sections.key_indicators(totals.panels, lang, data_key=(url, include))
