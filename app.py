"""Seuranta's entry point: page config, the language picker and the page routes. Nothing else."""

from pathlib import Path

import streamlit as st

from i18n import t
from ui.state import current_lang, language_picker

ROOT = Path(__file__).resolve().parent
PAGES = ROOT / "pages"
ASSETS = ROOT / "assets"

st.set_page_config(page_title="Seuranta", page_icon=str(ASSETS / "favicon.png"), layout="wide")
lang = current_lang()
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
        ],
    }
)
language_picker()
st.sidebar.caption(t("app.source_note", lang))
navigation.run()
