"""Overview: the national picture for a month, the trial municipalities against the rest."""

import streamlit as st

from i18n import fmt_month, fmt_number, t
from ui import data, sections
from ui.state import url_choice, url_toggle

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


@st.fragment
def month_view() -> None:
    """Everything that depends on the month: a month change reruns this part only."""
    month = url_choice(
        "month",
        t("overview.month", lang),
        months[::-1],
        default=months[-1],
        lang=lang,
        format_func=lambda m: fmt_month(m, lang),
    )
    with data.guarded(lang):
        view = data.overview_month(url, month=month, include_unverified=include)
    sections.headline_cards(view.heads, names, lang)
    sections.story(view, len(unverified) if include else 0, lang)
    st.caption(t("overview.unallocated", lang, n=fmt_number(view.unallocated, lang)))
    if unverified and not include:
        listed = ", ".join(names[c] for c in unverified)
        st.caption(t("overview.excluded_unverified", lang, n=len(unverified), names=listed))
    chart_column, map_column = st.columns([3, 2])
    with chart_column:
        sections.share_chart(totals.shares, view.heads, month, lang, data_key=(url, include))
        st.caption(data.coverage_note(url, lang))
        sections.what_changed(view, areas, lang)
    with map_column:
        sections.trial_map(shapes, members, areas, month, lang, url=url)


month_view()
# The key indicators do not depend on the month: a month change leaves them as they are
sections.key_indicators(totals.panels, lang, data_key=(url, include))
