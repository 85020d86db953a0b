"""The vocabularies every layer shares: the indicator catalogue, organisers, target groups and
the trial calendar. A leaf: it imports nothing of Seuranta's, so that storage
(``data_access``), statistics (``indicators``), maps (``geo``), files (``exports``) and the
Streamlit layer (``ui``) can all depend on it without depending on each other.
"""
