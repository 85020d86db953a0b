"""Data and methods: the indicator catalogue, sources and vintages, disclosure, known gaps."""

import streamlit as st

from i18n import t
from indicators.disclosure import DisclosurePolicy
from indicators.views import methods as methods_view
from indicators.views import profile as profile_view
from ui import data, sections
from ui.db import described

lang, url = data.open_page(__file__, "methods")

with data.guarded(lang):
    batches = data.load_batches(url)
    coverage = data.coverage(url)
    published = data.published_by_month(url)
    members = data.memberships(url)
    munis = data.municipalities(url)
    sources = data.trial_sources(url)

if batches["synthetic"].astype(bool).any():
    st.error(t("methods.synthetic_warning", lang), icon=":material/science:")

st.subheader(t("methods.catalogue", lang))
st.dataframe(
    methods_view.catalogue_table(coverage, lang, published),
    hide_index=True,
    key="catalogue",
    height=36 * 42,  # all 41 indicators at once, not a 10-row scroll box
)

st.subheader(t("methods.batches", lang))
st.dataframe(methods_view.batches_table(batches, lang), hide_index=True, key="batches")

st.subheader(t("methods.suppression", lang))
st.write(DisclosurePolicy().note(lang))

st.subheader(t("methods.calibration", lang))
st.write(methods_view.calibration_text(lang))

st.subheader(t("methods.unverified", lang))
unverified = members[members["status"] == "probable"]
st.write(t("methods.unverified_text", lang))
sections.members(
    profile_view.members_table(unverified, munis, lang, sources), lang, "unverified_members"
)

st.subheader(t("methods.gaps", lang))
st.markdown(t("methods.gaps_text", lang))

with st.expander(t("methods.sources", lang)):
    st.dataframe(sources, hide_index=True, key="trial_sources")
st.caption(t("methods.licence", lang))
st.caption(f"{t('app.database', lang)}: {described(url)}")
