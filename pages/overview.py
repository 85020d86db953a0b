"""Overview: the national picture for a month, the trial municipalities against the rest."""

import streamlit as st

from i18n import fmt_month, fmt_number, fmt_percent, fmt_signed, t, vega_locale
from indicators import aggregation, summary
from indicators.charts import line_chart
from indicators.events import events_between
from ui import data, export
from ui.db import database_url
from ui.state import page_start, url_choice, url_toggle

lang = page_start(__file__)
url = database_url()
st.title(t("overview.title", lang))
st.caption(t("overview.intro", lang))

with data.guarded(lang):
    months = data.months_available(url, indicator="unemployed_jobseekers", level="country")
    munis = data.municipalities(url)
    members = data.memberships(url)
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
since = min(summary.previous_month(month), "2019-01")
with data.guarded(lang):
    country = data.observations(
        url, indicators=("unemployed_jobseekers", "labour_force"), level="country", since=since
    )
    local = data.observations(
        url, indicators=("unemployed_jobseekers", "labour_force"), level="municipality", since=since
    )
heads = summary.headlines(country, local, groups, month)

names = dict(zip(munis["code"], munis[f"name_{lang}"], strict=True))
columns = st.columns(3)
for column, key in zip(columns, ("country", "trial", "rest"), strict=True):
    head = heads.get(key)
    with column.container(border=True):
        st.subheader(t(f"overview.{key}", lang))
        if head is None:
            st.info(t("overview.no_data", lang))
            continue
        st.metric(
            t("overview.unemployed", lang),
            fmt_number(head.unemployed, lang),
            delta=t("overview.delta_month", lang, delta=fmt_signed(head.unemployed_change, lang)),
            delta_color="inverse",
        )
        st.metric(t("overview.share", lang), fmt_percent(head.share, lang))
        if key != "country":
            st.caption(t("overview.municipalities_n", lang, n=head.n_units))
        if head.missing:
            st.caption(
                t(
                    "overview.missing_members",
                    lang,
                    names=", ".join(names.get(c, c) for c in head.missing),
                )
            )

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

series = summary.share_series(country, local, groups)
series = series[series["month"] >= "2019-01"]
labels = {k: t(f"overview.{k}", lang) for k in ("country", "trial", "rest")}
series = series.assign(series=series["key"].map(labels))
events = events_between(series["month"].min(), series["month"].max())
events = events.assign(label=events["key"].map(lambda k: t(f"chart.event.{k}", lang)))
chart = line_chart(
    series,
    y_title=t("overview.share", lang) + " (%)",
    x_title=t("chart.month", lang),
    series_title=t("chart.series", lang),
    events=events,
    highlight_month=month,
    series_order=list(labels.values()),
    locale=vega_locale(lang),
)
st.subheader(t("overview.chart_title", lang))
alt_text = t(
    "overview.chart_alt",
    lang,
    start=fmt_month(series["month"].min(), lang),
    end=fmt_month(series["month"].max(), lang),
    month=fmt_month(month, lang),
    country=fmt_percent(heads["country"].share, lang),
    trial=fmt_percent(heads["trial"].share if "trial" in heads else None, lang),
    rest=fmt_percent(heads["rest"].share if "rest" in heads else None, lang),
)
st.altair_chart(chart, key="overview_chart", alt=alt_text)
table = series.pivot(index="month", columns="series", values="value").round(2)
table = table[list(labels.values())].reset_index()
with st.expander(t("chart.data_table", lang)):
    st.dataframe(table, hide_index=True, key="overview_table")
export.downloads(chart, table, title=t("overview.chart_title", lang), lang=lang, key="dl_overview")
