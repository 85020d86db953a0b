"""Reporting database: schema, migrations, loaders and queries (SQLAlchemy 2, no Streamlit)."""
