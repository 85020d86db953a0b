"""Monthly brief: the month in words for leadership, with its charts, as PDF and HTML too."""

import streamlit as st

from i18n import fmt_month, t
from ui import brief_sections, data, export
from ui.state import url_choice

lang, url = data.open_page(__file__, "brief")

with data.guarded(lang):
    months = data.brief_months(url)
    counts = data.months_available(url, indicator="unemployed_jobseekers", level="country")
if not months:
    st.info(t("brief.no_data", lang))
    st.stop()

month = url_choice(
    "month",
    t("brief.month", lang),
    months[::-1],
    default=counts[-1] if counts else months[-1],
    lang=lang,
    format_func=lambda m: fmt_month(m, lang),
)

with data.guarded(lang):
    view = data.brief(url, month=month, lang=lang, link=export.view_url())
brief_sections.downloads(view, url=url)
st.header(view.month_text)
brief_sections.show_brief(view, url=url)
