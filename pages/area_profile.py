"""Area profile: one trial area's members and indicators against its comparison groups."""

import streamlit as st

from catalogue import definitions
from i18n import t
from indicators.views import profile as profile_view
from ui import area_sections, data, present, sections
from ui.state import url_choice, url_toggle

lang, url = data.open_page(__file__, "profile")

with data.guarded(lang):
    areas = data.trial_areas(url)
    members = data.memberships(url)
    munis = data.municipalities(url)
    sources = data.trial_sources(url)
areas = areas[areas["status"] != "not_in_trial"]
area_names = dict(
    zip(areas["area_id"], areas[f"name_{'sv' if lang == 'sv' else 'fi'}"], strict=True)
)
area_id = url_choice(
    "area",
    t("profile.area", lang),
    list(area_names),
    default="A01",
    lang=lang,
    format_func=lambda a: f"{area_names[a]} ({a})",
)
data.set_document(lang, f"{t('profile.title', lang)}: {area_names[area_id]}")
# Under the select, not beside it: in a column its label was cut at 1024 px
include = url_toggle("unverified", t("overview.include_unverified", lang), lang=lang)
area_members = members[members["area_id"] == area_id]

st.subheader(t("profile.members", lang))
sections.members(
    profile_view.members_table(area_members, munis, lang, sources), lang, "members_table"
)
with data.guarded(lang):
    employment = data.employment_areas(url)
    offered, missing = profile_view.available_indicators(
        list(area_members["municipality_code"]), data.series_area_codes(url)
    )
st.markdown(f"**{t('profile.continuation', lang)}**")
st.dataframe(
    profile_view.continuation(area_members["municipality_code"], employment, munis, lang),
    hide_index=True,
    key="continuation_table",
)
if (area_members["status"] == "probable").any():
    st.warning(t("profile.unverified_note", lang), icon=":material/help:")


@st.fragment
def indicator_view() -> None:
    """The chosen indicator's headline and chart: an indicator change reruns this part only."""
    indicator = url_choice(
        "indicator",
        t("profile.indicator", lang),
        offered,
        default="unemployed_share_pct",
        lang=lang,
        format_func=lambda c: definitions.get(c).name(lang),
    )
    if missing:
        names = ", ".join(definitions.get(c).name(lang) for c in missing)
        st.caption(t("profile.missing_indicators", lang, names=names))
    with data.guarded(lang):
        view = data.profile(url, area=area_id, indicator=indicator, include_unverified=include)
    if view.month is None:
        st.info(t("profile.not_available", lang))
        return
    present.area_headline(view, lang)
    sections.profile_chart(
        view.series,
        area_members,
        indicator=indicator,
        month=view.month,
        title=area_names[area_id],
        lang=lang,
        data_key=(url, area_id, include),
    )
    st.caption(data.coverage_note(url, lang))


indicator_view()
with data.guarded(lang), st.spinner(t("evaluation.computing", lang)):
    verdict = data.area_view(url, area=area_id, include_unverified=include, lang=lang)
area_sections.area_without_trial(
    verdict, lang, title=area_names[area_id], data_key=(url, area_id, include)
)
