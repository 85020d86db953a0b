"""Overview: the national picture for a month, the trial municipalities against the rest."""

import streamlit as st

from i18n import fmt_month, fmt_number, t
from indicators import aggregation, summary
from ui import data, sections
from ui.db import database_url
from ui.state import page_start, url_choice, url_toggle

INPUTS = ("unemployed_jobseekers", "labour_force", "open_vacancies")
lang = page_start(__file__)
url = database_url()
st.title(t("overview.title", lang))
st.caption(t("overview.intro", lang))

with data.guarded(lang):
    months = data.months_available(url, indicator="unemployed_jobseekers", level="country")
    munis = data.municipalities(url)
    members = data.memberships(url)
    areas = data.trial_areas(url)
    shapes = data.boundaries(url)
if not months:
    st.info(t("overview.no_data", lang))
    st.stop()

left, right = st.columns([2, 3])
month = url_choice(
    "month",
    t("overview.month", lang),
    months[::-1],
    default=months[-1],
    lang=lang,
    format_func=lambda m: fmt_month(m, lang),
    container=left,
)
with right:
    include = url_toggle("unverified", t("overview.include_unverified", lang), lang=lang)

groups = aggregation.trial_and_rest(members, munis["code"], include_unverified=include)
since = min(summary.previous_month(month, 12), "2019-01")
with data.guarded(lang):
    country = data.observations(url, indicators=INPUTS, level="country", since=since)
    local = data.observations(url, indicators=INPUTS, level="municipality", since=since)
heads = summary.headlines(country, local, groups, month)
names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
sections.headline_cards(heads, names, lang)

st.caption(
    t("overview.unallocated", lang, n=fmt_number(summary.unallocated(country, local, month), lang))
)
unverified = sorted(set(members.loc[members["status"] == "probable", "municipality_code"]))
if unverified and not include:
    st.caption(
        t(
            "overview.excluded_unverified",
            lang,
            n=len(unverified),
            names=", ".join(names[c] for c in unverified),
        )
    )

chart_column, map_column = st.columns([3, 2])
with chart_column:
    sections.share_chart(summary.share_series(country, local, groups), heads, month, lang)
    changes = summary.area_changes(local, members, month=month, include_unverified=include)
    sections.what_changed(changes, areas, month, lang)
with map_column:
    sections.trial_map(shapes, members, areas, month, lang)
with data.guarded(lang):
    panels = data.key_panels(url, include_unverified=include)
sections.key_indicators(panels, lang)
