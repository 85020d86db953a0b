"""Streamlit glue: database URL, cached engine and queries, URL-bound filters, language."""
