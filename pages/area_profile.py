"""Area profile: one trial area's members and indicators against its comparison groups."""

import streamlit as st

from i18n import t
from indicators import definitions, profile
from ui import data, evaluation_view, present, sections
from ui.db import database_url
from ui.state import page_start, url_choice, url_toggle

lang = page_start(__file__)
url = database_url()
st.title(t("profile.title", lang))
st.caption(t("profile.intro", lang))

with data.guarded(lang):
    areas = data.trial_areas(url)
    members = data.memberships(url)
    munis = data.municipalities(url)
areas = areas[areas["status"] != "not_in_trial"]
area_names = dict(
    zip(areas["area_id"], areas[f"name_{'sv' if lang == 'sv' else 'fi'}"], strict=True)
)
left, mid, right = st.columns([3, 3, 2])
area_id = url_choice(
    "area",
    t("profile.area", lang),
    list(area_names),
    default="A01",
    lang=lang,
    format_func=lambda a: f"{area_names[a]} ({a})",
    container=left,
)
indicator = url_choice(
    "indicator",
    t("profile.indicator", lang),
    present.PROFILE_INDICATORS,
    default="unemployed_share_pct",
    lang=lang,
    format_func=lambda c: definitions.get(c).name(lang),
    container=mid,
)
with right:
    include = url_toggle("unverified", t("overview.include_unverified", lang), lang=lang)

area_members = members[members["area_id"] == area_id]
st.subheader(t("profile.members", lang))
st.dataframe(present.members_table(area_members, munis, lang), hide_index=True, key="members_table")
if (area_members["status"] == "probable").any():
    st.warning(t("profile.unverified_note", lang), icon=":material/help:")

inputs = definitions.inputs_of(indicator)
with data.guarded(lang):
    obs = data.observations(url, indicators=inputs, level="municipality", since="2019-01")
    country = data.observations(
        url, indicators=(*inputs, indicator), level="country", since="2019-01"
    )
groups = present.comparison_groups(members, munis, area_id, include_unverified=include)
with data.guarded(lang):
    estimate = data.area_evaluation(url, area=area_id, include_unverified=include)
if estimate is not None:
    groups["peers"] = list(estimate.group.control)
units = profile.area_units(members[members["area_id"] == area_id], include_unverified=True)
series = profile.compare_series(
    obs, country, indicator=indicator, area_units_frame=units, groups=groups
)
month = profile.latest_with_value(series)
if month is None:
    st.info(t("profile.not_available", lang))
    st.stop()

all_units = profile.area_units(members, include_unverified=include)
ranks = profile.area_ranks(obs, all_units, indicator=indicator, month=month)
present.area_headline(series, ranks, area_id=area_id, indicator=indicator, month=month, lang=lang)
sections.profile_chart(
    series,
    area_members,
    indicator=indicator,
    month=month,
    title=area_names[area_id],
    lang=lang,
    data_key=(url, area_id, include),
)
evaluation_view.area_estimate(
    estimate, lang, all_unverified=not include and (area_members["status"] == "probable").all()
)
