"""series summary: series_months and series_areas, filled from observations

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25 17:05:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The summary of the observations already stored (the loader keeps it from here on). Written
# out rather than imported, so this revision does what it did when it was written.
BACKFILL_MONTHS = """
INSERT INTO series_months
    (organiser, target_group, indicator, area_level, month, areas, published)
SELECT organiser, target_group, indicator, area_level, month, count(*), count(value)
FROM observations
GROUP BY organiser, target_group, indicator, area_level, month
"""
BACKFILL_AREAS = """
INSERT INTO series_areas (organiser, target_group, indicator, area_level, area_code)
SELECT organiser, target_group, indicator, area_level, area_code
FROM observations
GROUP BY organiser, target_group, indicator, area_level, area_code
"""


SERIES_KEY = ("organiser", "target_group", "indicator", "area_level")


def _series_key() -> list[sa.Column[str]]:
    """The columns of :data:`SERIES_KEY`, leading both tables' keys: the breakdown, then the
    series."""
    return [
        sa.Column("organiser", sa.String(length=16), nullable=False),
        sa.Column("target_group", sa.String(length=32), nullable=False),
        sa.Column("indicator", sa.String(length=48), nullable=False),
        sa.Column("area_level", sa.String(length=20), nullable=False),
    ]


def upgrade() -> None:
    op.create_table(
        "series_areas",
        *_series_key(),
        sa.Column("area_code", sa.String(length=16), nullable=False),
        sa.PrimaryKeyConstraint(*SERIES_KEY, "area_code", name=op.f("pk_series_areas")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "series_months",
        *_series_key(),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("areas", sa.Integer(), nullable=False),
        sa.Column("published", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(*SERIES_KEY, "month", name=op.f("pk_series_months")),
        sqlite_with_rowid=False,
    )
    op.execute(BACKFILL_MONTHS)
    op.execute(BACKFILL_AREAS)


def downgrade() -> None:
    op.drop_table("series_months")
    op.drop_table("series_areas")
