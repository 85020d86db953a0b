"""Accessibility statement (saavutettavuusseloste, tillgänglighetsutlåtande): WCAG 2.1 AA status,
known gaps, how it was tested, the feedback channel and the supervisory authority.

Needs no database: the statement stays readable when the data does not. The feedback contact
is set by the deploying organisation (``SEURANTA_A11Y_CONTACT`` in the environment or in
.streamlit/secrets.toml) and is shown as plain text, never as Markdown.
"""

import os

import streamlit as st

from i18n import fmt_day, t
from ui.data import set_document
from ui.state import page_start, show_deferred_warnings

# What tests/e2e/test_a11y.py runs (axe-playwright-python 0.1.8 bundles axe-core 4.12.1;
# the AppTest checks the two agree) and the day this statement was last reviewed
AXE_CORE_VERSION = "4.12.1"
PREPARED = "2026-12-07"
CONTACT_SETTING = "SEURANTA_A11Y_CONTACT"


def feedback_contact() -> str:
    """The deployer's accessibility feedback contact (an address, a form's URL), or ""."""
    value = os.environ.get(CONTACT_SETTING, "")
    if not value:
        try:
            value = str(st.secrets.get(CONTACT_SETTING) or "")
        except Exception:  # no secrets file, or one without the key: no contact set
            value = ""
    return value.strip()


lang = page_start(__file__)
title = t("a11y.title", lang)
set_document(lang, title)
st.title(title)
st.caption(t("a11y.intro", lang))
show_deferred_warnings()

st.markdown(t("a11y.scope", lang))

st.subheader(t("a11y.status_heading", lang))
st.markdown(t("a11y.status", lang))

st.subheader(t("a11y.gaps_heading", lang))
st.markdown(t("a11y.gaps", lang))

st.subheader(t("a11y.tested_heading", lang))
st.markdown(t("a11y.tested", lang, axe=AXE_CORE_VERSION))

st.subheader(t("a11y.feedback_heading", lang))
st.markdown(t("a11y.feedback", lang))
contact = feedback_contact()
if contact:
    st.text(f"{t('a11y.contact', lang)} {contact}")
else:
    st.info(t("a11y.no_contact", lang))

st.subheader(t("a11y.authority_heading", lang))
st.markdown(t("a11y.authority", lang))

st.caption(t("a11y.dates", lang, prepared=fmt_day(PREPARED, lang)))
