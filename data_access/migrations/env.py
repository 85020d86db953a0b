"""Alembic environment: migrations run on the connection handed over by data_access.migrate."""

from __future__ import annotations

from alembic import context

from data_access.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reached when alembic is called by hand
    raise RuntimeError("run migrations through `python -m data_access upgrade`")

# render_as_batch lets SQLite alter tables (it has no ALTER COLUMN) in future migrations.
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
