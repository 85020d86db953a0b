"""Map: who organised the services, or any indicator by municipality or trial area."""

from functools import partial

import streamlit as st

from catalogue import definitions
from geo import maps
from i18n import fmt_month, fmt_value, t
from indicators import mapping
from ui import data, export, present, specs
from ui.state import page_start, url_choice, url_toggle

lang = page_start(__file__)
st.title(t("map.title", lang))
st.caption(t("map.intro", lang))
url = data.source(lang)  # the database, with its data version

with data.guarded(lang):
    members = data.memberships(url)
    areas = data.trial_areas(url)
    munis = data.municipalities(url)
    shapes = data.boundaries(url)
    groups = data.group_members(url)

c1, c2, c3, c4 = st.columns(4)
level = url_choice(
    "level",
    t("map.level", lang),
    ["organiser", "municipality", "area"],
    default="organiser",
    lang=lang,
    container=c1,
    format_func=lambda v: t(f"map.level.{v}", lang),
)
indicator = url_choice(
    "indicator",
    t("profile.indicator", lang),
    present.MAP_INDICATORS,
    default="unemployed_share_pct",
    lang=lang,
    container=c2,
    format_func=lambda c: definitions.get(c).name(lang),
)
with data.guarded(lang):
    months = data.months_available(
        url,
        indicator=present.month_source(indicator, level),
        # Area sums need (nearly) every member: the national count series marks those months.
        level="country" if level == "area" else "municipality",
    )
if level == "organiser":
    months = present.trial_months()
month = url_choice(
    "month",
    t("overview.month", lang),
    months[::-1],
    default=months[-1],
    lang=lang,
    container=c3,
    format_func=lambda m: fmt_month(m, lang),
)
classes = url_choice(
    "classes",
    t("map.classification", lang),
    present.CLASSIFICATIONS,
    default="quantiles",
    lang=lang,
    container=c4,
    format_func=lambda v: t(f"map.classification.{v}", lang),
)
include = url_toggle("unverified", t("overview.include_unverified", lang), lang=lang)

labels = present.map_labels(lang)
left, right = st.columns([2, 3])
if level == "organiser":
    chart = specs.cached_chart(
        ("organiser_map", url, specs.membership_key(url, month), lang),
        lambda: maps.trial_area_map(shapes, members, month, areas=areas, lang=lang, labels=labels),
    )
    specs.show(
        chart,
        key="map_chart",
        theme=None,
        alt=present.trial_map_alt(members, month, lang),
        container=left,
    )
    table = present.organiser_table(members, munis, areas, month, lang)
    download = table
else:
    inputs = (*definitions.inputs_of(indicator), indicator)
    with data.guarded(lang):
        obs = data.month_observations(url, indicators=inputs, month=month)
    if level == "municipality":
        values = mapping.municipality_values(obs, groups, indicator=indicator, month=month)
    else:
        values = mapping.area_values(
            obs, members, indicator=indicator, month=month, include_unverified=include
        )
    chart = specs.cached_chart(
        ("choropleth", url, level, indicator, month, classes, include, lang),
        lambda: maps.choropleth(
            values,
            shapes,
            level=level,
            memberships=members,
            month=month,
            areas=areas,
            labels=labels,
            lang=lang,
            classification=classes,
            value_text=partial(fmt_value, indicator, lang=lang),
            reverse=definitions.get(indicator).better == "higher",
        ),
    )
    specs.show(
        chart,
        key="map_chart",
        theme=None,
        alt=present.map_alt(values, indicator, month, lang),
        container=left,
    )
    table = present.values_table(values, munis, areas, level, indicator, lang)
    download = present.values_export(values, munis, areas, level, lang)
with right:
    st.subheader(t("map.table", lang))
    st.dataframe(table, hide_index=True, key="map_table", height=520)
    export.downloads(
        chart,
        download,
        title=f"{t('map.title', lang)} {month}",
        lang=lang,
        key="dl_map",
        value_columns=[t("map.col.value", lang)],
    )
    present.profile_picker(members, munis, areas, lang)
st.caption(t("app.source_note", lang))
