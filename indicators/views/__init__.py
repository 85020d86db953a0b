"""Typed views: each page's figures, computed from frames by one pure function.

A view is a frozen dataclass with named fields, built without Streamlit; the Streamlit layer
(``ui.data``) caches the function and the page renders the fields. The same view feeds the
page, its exports and the monthly brief.
"""
