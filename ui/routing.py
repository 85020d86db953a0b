"""Routing guard: every page runs inside app.py's navigation, even on a server's first link.

Streamlit keeps a process-wide "legacy pages folder" mode on until the first ``st.navigation``
call. A session that opens a deep link (``/area_profile?area=A06``) on a freshly started server
would run the page file on its own, without app.py's chrome (language picker, page config,
navigation). The page notices, switches that mode off and reruns; the rerun goes through
app.py and lands on the same page, because each page's URL path equals its file stem.
"""

from __future__ import annotations

import streamlit as st

ROUTED = "_seuranta_routed"


def mark_routed() -> None:
    """Called by app.py just before it runs the chosen page."""
    st.session_state[ROUTED] = True


def ensure_routed(page_file: str) -> None:
    """Rerun through app.py when the page ``page_file`` was started outside its navigation."""
    if st.session_state.pop(ROUTED, False):
        return
    from streamlit.runtime.pages_manager import PagesManager

    PagesManager.uses_pages_directory = False
    st.switch_page(page_file, query_params=st.query_params.to_dict())
