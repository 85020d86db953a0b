"""Seuranta's entry point: page config, the language picker and the page routes. Nothing else."""

from pathlib import Path

import streamlit as st

from i18n import t
from ui.db import run_guarded
from ui.routing import mark_routed
from ui.state import begin_address, current_lang, language_picker

ROOT = Path(__file__).resolve().parent
ASSETS = ROOT / "assets"
# (file stem = URL path, title key, icon); the first page is the default. The URL path must
# equal the file stem (see ui/routing.py).
SECTIONS = {
    "app.section.dashboard": [
        ("overview", "overview.title", ":material/dashboard:"),
        ("area_profile", "profile.title", ":material/location_city:"),
        ("map", "map.title", ":material/map:"),
        ("evaluation", "evaluation.title", ":material/query_stats:"),
        ("brief", "brief.title", ":material/summarize:"),
    ],
    "app.section.reference": [
        ("data_methods", "methods.title", ":material/menu_book:"),
        ("accessibility", "a11y.title", ":material/accessibility_new:"),
    ],
}

st.set_page_config(page_title="Seuranta", page_icon=str(ASSETS / "favicon.png"), layout="wide")
lang = current_lang()
navigation = st.navigation(
    {
        t(section, lang): [
            st.Page(
                ROOT / "pages" / f"{stem}.py",
                title=t(title, lang),
                icon=icon,
                url_path=stem,
                default=(stem == "overview"),
            )
            for stem, title, icon in pages
        ]
        for section, pages in SECTIONS.items()
    }
)
begin_address()
language_picker()
st.sidebar.caption(t("app.source_note", lang))
mark_routed()
run_guarded(navigation, lang)
