"""load key of a batch; a suppressed observation holds no value

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03 14:30:00.000000

``load_batches.load_key`` is what makes two loads the same: the file's checksum and the
options that change what is stored (data_access.loader.load_key). A batch recorded before
carries its checksum as its key, which is exactly the key of a load without options; a file
loaded with ``--vintage`` or ``--division`` is loaded once more (changing no value).

The check ``suppressed_without_value`` keeps a suppressed figure secret: before it, a long CSV
row flagged ``suppressed`` stored its value where the app role could read it. Such values are
erased first, and the series summary is counted again when any was.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

ERASE_SECRET_VALUES = "UPDATE observations SET value = NULL WHERE suppressed AND value IS NOT NULL"
# The summary as revision 0002 fills it, written out so this revision does what it did.
RECOUNT_MONTHS = """
INSERT INTO series_months
    (organiser, target_group, indicator, area_level, month, areas, published)
SELECT organiser, target_group, indicator, area_level, month, count(*), count(value)
FROM observations
GROUP BY organiser, target_group, indicator, area_level, month
"""


def _observations_before() -> sa.Table:
    """observations as revisions 0001 and 0002 left it, for SQLite's copy of the table."""
    return sa.Table(
        "observations",
        sa.MetaData(),
        sa.Column("indicator", sa.String(length=48), nullable=False),
        sa.Column("area_level", sa.String(length=20), nullable=False),
        sa.Column("month", sa.String(length=7), nullable=False),
        sa.Column("area_code", sa.String(length=16), nullable=False),
        sa.Column("organiser", sa.String(length=16), nullable=False),
        sa.Column("target_group", sa.String(length=32), nullable=False),
        sa.Column("value", sa.Float(), nullable=True),
        sa.Column("suppressed", sa.Boolean(), nullable=False),
        sa.Column("preliminary", sa.Boolean(), nullable=False),
        sa.Column("vintage", sa.Date(), nullable=False),
        sa.Column("batch_id", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "area_level IN ('country', 'region', 'subregion', 'ely', 'municipality', "
            "'municipality_group')",
            name="ck_observations_area_level",
        ),
        sa.CheckConstraint(
            "organiser IN ('all', 'municipal', 'te_office')", name="ck_observations_organiser"
        ),
        sa.CheckConstraint(
            "value IS NOT NULL OR suppressed", name="ck_observations_value_or_suppressed"
        ),
        sa.ForeignKeyConstraint(
            ["batch_id"], ["load_batches.id"], name="fk_observations_batch_id_load_batches"
        ),
        sa.ForeignKeyConstraint(
            ["indicator"], ["indicators.code"], name="fk_observations_indicator_indicators"
        ),
        sa.PrimaryKeyConstraint(
            "indicator",
            "area_level",
            "month",
            "area_code",
            "organiser",
            "target_group",
            name="pk_observations",
        ),
        sqlite_with_rowid=False,
    )


def upgrade() -> None:
    # SQLite adds a NOT NULL column only with a default; '' is never a key, so a batch
    # recorded without one would never make a load be skipped.
    with op.batch_alter_table("load_batches") as batch_op:
        batch_op.add_column(
            sa.Column("load_key", sa.String(length=64), nullable=False, server_default="")
        )
    op.execute("UPDATE load_batches SET load_key = checksum")
    with op.batch_alter_table("load_batches") as batch_op:
        batch_op.create_index("ix_load_batches_load_key", ["load_key"], unique=False)

    erased = op.get_bind().execute(sa.text(ERASE_SECRET_VALUES)).rowcount
    if erased:
        op.execute("DELETE FROM series_months")
        op.execute(RECOUNT_MONTHS)
    # SQLite cannot add a constraint to a table: batch mode copies the table, declared here
    # (not reflected) so that it keeps its key order and WITHOUT ROWID storage.
    with op.batch_alter_table(
        "observations",
        copy_from=_observations_before(),
        table_kwargs={"sqlite_with_rowid": False},
    ) as batch_op:
        batch_op.create_check_constraint(
            "ck_observations_suppressed_without_value", "value IS NULL OR NOT suppressed"
        )


def downgrade() -> None:
    # The copy of the table as it was drops the constraint (on SQLite the only way).
    with op.batch_alter_table(
        "observations",
        copy_from=_observations_before(),
        recreate="always",
        table_kwargs={"sqlite_with_rowid": False},
    ):
        pass
    op.drop_index("ix_load_batches_load_key", table_name="load_batches")
    # Not in batch mode: copying load_batches would drop a table observations refers to.
    # SQLite drops a column in place since 3.35.
    op.drop_column("load_batches", "load_key")
