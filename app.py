"""Seuranta's entry point: page config, the language picker and the page routes. Nothing else."""

from pathlib import Path

import streamlit as st

from i18n import t
from ui.routing import mark_routed
from ui.state import current_lang, language_picker

ROOT = Path(__file__).resolve().parent
PAGES = ROOT / "pages"
ASSETS = ROOT / "assets"

st.set_page_config(page_title="Seuranta", page_icon=str(ASSETS / "favicon.png"), layout="wide")
lang = current_lang()
# Each page's url_path equals its file stem (see ui/routing.py).
navigation = st.navigation(
    {
        t("app.section.dashboard", lang): [
            st.Page(
                PAGES / "overview.py",
                title=t("overview.title", lang),
                icon=":material/dashboard:",
                url_path="overview",
                default=True,
            ),
            st.Page(
                PAGES / "area_profile.py",
                title=t("profile.title", lang),
                icon=":material/location_city:",
                url_path="area_profile",
            ),
        ],
    }
)
language_picker()
st.sidebar.caption(t("app.source_note", lang))
mark_routed()
navigation.run()
