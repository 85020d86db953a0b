"""the 2025 employment area of every municipality

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 16:20:00.000000

On 1 January 2025 the employment services of every municipality moved to one of 46
employment areas (työllisyysalueet). The table lets a trial area's profile show where its
municipalities' services went; ``python -m data_access build`` fills it from
``data/employment_areas_2025.csv``.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    """Create ``employment_areas``."""
    op.create_table(
        "employment_areas",
        sa.Column("municipality_code", sa.String(length=3), nullable=False),
        sa.Column("area_code", sa.String(length=4), nullable=False),
        sa.Column("name_fi", sa.Text(), nullable=False),
        sa.Column("name_sv", sa.Text(), nullable=False),
        sa.Column("name_en", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["municipality_code"],
            ["municipalities.code"],
            name=op.f("fk_employment_areas_municipality_code_municipalities"),
        ),
        sa.PrimaryKeyConstraint("municipality_code", name=op.f("pk_employment_areas")),
    )


def downgrade() -> None:
    """Drop ``employment_areas``."""
    op.drop_table("employment_areas")
