"""Map: who organised the services, or any indicator by municipality or trial area."""

import streamlit as st

from catalogue import calendar, definitions
from i18n import fmt_month, t
from indicators.views import map as map_view
from ui import data, export, present, sections
from ui.state import url_choice, url_toggle

lang, url = data.open_page(__file__, "map")

with data.guarded(lang):
    members = data.memberships(url)
    areas = data.trial_areas(url)
    munis = data.municipalities(url)
    shapes = data.boundaries(url)

c1, c2, c3, c4 = st.columns(4)
level = url_choice(
    "level",
    t("map.level", lang),
    map_view.LEVELS,
    default="organiser",
    lang=lang,
    container=c1,
    format_func=lambda v: t(f"map.level.{v}", lang),
)
# Who organised the services is no indicator: the choices that do nothing there are greyed
categorical = level in ("organiser", "employment_area")
idle = t("map.choice_idle", lang) if categorical else None
indicator = url_choice(
    "indicator",
    t("profile.indicator", lang),
    map_view.MAP_INDICATORS,
    default="unemployed_share_pct",
    lang=lang,
    container=c2,
    format_func=lambda c: definitions.get(c).name(lang),
    disabled=categorical,
    help=idle,
)
source = dict(
    indicator=map_view.month_source(indicator, level),
    # Area sums need (nearly) every member: the national count series marks those months.
    level="country" if level == "area" else "municipality",
)
with data.guarded(lang):
    months = data.months_available(url, **source)
    covered = data.months_covered(url, **source) or months
if level == "organiser":
    months = covered = calendar.trial_months()
elif level == "employment_area":
    # The 2025 areas over who organised the services in the trial's last month
    months = covered = [calendar.TRIAL_LAST_MONTH]
month = url_choice(
    "month",
    t("overview.month", lang),
    months[::-1],
    # The latest month with (nearly) every municipality, not one with a single one
    default=covered[-1],
    lang=lang,
    container=c3,
    format_func=lambda m: fmt_month(m, lang),
    disabled=level == "employment_area",
    help=t("map.month_fixed", lang) if level == "employment_area" else None,
)
classes = url_choice(
    "classes",
    t("map.classification", lang),
    map_view.CLASSIFICATIONS,
    default="quantiles",
    lang=lang,
    container=c4,
    format_func=lambda v: t(f"map.classification.{v}", lang),
    disabled=categorical,
    help=idle,
)
# Who organised the services shows unverified memberships as such (dashed), switch or not
include = url_toggle(
    "unverified",
    t("overview.include_unverified", lang),
    lang=lang,
    disabled=categorical,
    help=t("map.unverified_shown", lang) if categorical else None,
)

# The map keeps its drawn width (380 px) at 1024 px; the table takes the rest
left, right = st.columns([1, 1])
if level == "organiser":
    chart = sections.organiser_map(url, members, areas, shapes, month, lang, container=left)
    table = download = map_view.organiser_table(members, munis, areas, month, lang)
elif level == "employment_area":
    with data.guarded(lang):
        employment = data.employment_areas(url)
    chart = sections.organiser_map(
        url, members, areas, shapes, month, lang, container=left, employment=employment
    )
    table = download = map_view.employment_area_table(
        employment, members, munis, areas, month, lang
    )
else:
    with data.guarded(lang):
        view = data.map_values(
            url,
            level=level,
            indicator=indicator,
            month=month,
            include_unverified=include,
            lang=lang,
        )
    chart = sections.choropleth(
        url, view, shapes, members, areas, level, indicator, month, classes, include, lang, left
    )
    table, download = view.table, view.export
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
        series=() if categorical else export.indicator_series([indicator], ("municipality",)),
    )
    present.profile_picker(members, munis, areas, lang)
st.caption(t("app.source_note", lang))
