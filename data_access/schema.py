"""The reporting database schema (SQLAlchemy Core), portable between SQLite and PostgreSQL.

The Alembic migrations in ``data_access/migrations`` create and upgrade this schema; a test
checks that the migrated database matches these definitions.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(column_0_label)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

AREA_LEVELS = ("country", "region", "subregion", "ely", "municipality", "municipality_group")

regions = Table(
    "regions",
    metadata,
    Column("level", String(16), primary_key=True),
    Column("code", String(8), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    CheckConstraint("level IN ('country', 'region', 'subregion', 'ely')", name="level"),
)

municipalities = Table(
    "municipalities",
    metadata,
    Column("code", String(3), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("region_code", String(8), nullable=False),
    Column("subregion_code", String(8), nullable=False),
    Column("ely_code", String(8), nullable=False),
    Column("welfare_area_code", String(8)),
    Column("language_class", Text),
    Column("urban_rural_class", Text),
    Column("valid_from", Date),
    Column("valid_to", Date),
)

municipality_changes = Table(
    "municipality_changes",
    metadata,
    Column("old_code", String(3), ForeignKey("municipalities.code"), primary_key=True),
    Column("effective", Date, primary_key=True),
    Column("new_code", String(3), ForeignKey("municipalities.code"), nullable=False),
    Column("note", Text),
)

trial_sources = Table(
    "trial_sources",
    metadata,
    Column("source_key", String(32), primary_key=True),
    Column("citation", Text, nullable=False),
)

employment_areas = Table(
    "employment_areas",
    metadata,
    # The 2025 employment area (työllisyysalue) of each municipality of the 2021–2024
    # division: on 1 January 2025 every municipality's services moved to one of them.
    Column("municipality_code", String(3), ForeignKey("municipalities.code"), primary_key=True),
    Column("area_code", String(4), nullable=False),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text, nullable=False),
    Column("name_en", Text, nullable=False),
)

trial_areas = Table(
    "trial_areas",
    metadata,
    Column("area_id", String(8), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text, nullable=False),
    Column("lead_municipality_code", String(3), ForeignKey("municipalities.code")),
    Column("start_date", Date),
    Column("end_date", Date),
    Column("status", String(16), nullable=False),
    Column("confidence", String(16), nullable=False),
    Column("source", Text, nullable=False),
    Column("note", Text),
    CheckConstraint("status IN ('confirmed', 'probable', 'not_in_trial')", name="status"),
)

trial_memberships = Table(
    "trial_memberships",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("municipality_code", String(3), ForeignKey("municipalities.code"), nullable=False),
    Column("area_id", String(8), ForeignKey("trial_areas.area_id"), nullable=False),
    Column("member_from", Date),
    Column("member_to", Date),
    Column("status", String(16), nullable=False),
    Column("confidence", String(16), nullable=False),
    Column("source", Text, nullable=False),
    UniqueConstraint("municipality_code", "area_id", "member_from", name="uq_membership"),
    CheckConstraint("status IN ('confirmed', 'probable', 'not_in_trial')", name="status"),
    Index("ix_memberships_area", "area_id"),
)

indicators = Table(
    "indicators",
    metadata,
    Column("code", String(48), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text, nullable=False),
    Column("name_en", Text, nullable=False),
    Column("unit", String(16), nullable=False),
    Column("kind", String(8), nullable=False),
    Column("numerator", String(48)),
    Column("denominator", String(48)),
    Column("scale", Float, nullable=False, default=1.0),
    Column("components", Text),
    Column("better", String(8), nullable=False),
    Column("stored", Boolean, nullable=False),
    Column("annual", Boolean, nullable=False),
    Column("source_table", Text, nullable=False),
    Column("statfin_code", String(32)),
    Column("statfin_label_fi", Text),
    Column("definition_en", Text, nullable=False),
    Column("definition_fi", Text),
    Column("definition_sv", Text),
    CheckConstraint("kind IN ('count', 'rate', 'ratio', 'sum', 'level')", name="kind"),
    CheckConstraint("better IN ('lower', 'higher', 'neutral')", name="better"),
)

load_batches = Table(
    "load_batches",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("source_file", Text, nullable=False),
    # SHA-256 of the file's bytes: which file this batch was.
    Column("checksum", String(64), nullable=False),
    # What makes two loads the same (data_access.loader.load_key): the checksum and the options
    # that change what is stored (vintage, division). A load whose key is here is skipped.
    # The default '' (SQLite adds a NOT NULL column only with one) is never a key.
    Column("load_key", String(64), nullable=False, server_default=""),
    Column("reader", String(24), nullable=False),
    Column("source", Text, nullable=False),
    Column("vintage", Date, nullable=False),
    Column("rows_in_file", Integer, nullable=False),
    Column("rows_loaded", Integer, nullable=False),
    Column("rows_replaced", Integer, nullable=False),
    Column("rows_unchanged", Integer, nullable=False),
    Column("loaded_at", DateTime(timezone=True), nullable=False),
    Column("synthetic", Boolean, nullable=False, default=False),
    Index("ix_load_batches_checksum", "checksum"),
    Index("ix_load_batches_load_key", "load_key"),
)

observations = Table(
    "observations",
    metadata,
    Column("indicator", String(48), ForeignKey("indicators.code"), primary_key=True),
    Column("area_level", String(20), primary_key=True),
    Column("month", String(7), primary_key=True),
    Column("area_code", String(16), primary_key=True),
    Column("organiser", String(16), primary_key=True, default="all"),
    Column("target_group", String(32), primary_key=True, default="all"),
    Column("value", Float),
    Column("suppressed", Boolean, nullable=False, default=False),
    Column("preliminary", Boolean, nullable=False, default=False),
    Column("vintage", Date, nullable=False),
    Column("batch_id", Integer, ForeignKey("load_batches.id"), nullable=False),
    CheckConstraint(
        "area_level IN ('country', 'region', 'subregion', 'ely', 'municipality', "
        "'municipality_group')",
        name="area_level",
    ),
    CheckConstraint("organiser IN ('all', 'municipal', 'te_office')", name="organiser"),
    CheckConstraint("value IS NOT NULL OR suppressed", name="value_or_suppressed"),
    # A suppressed figure is secret: the row says it exists, never what it is.
    CheckConstraint("value IS NULL OR NOT suppressed", name="suppressed_without_value"),
    # The key's order serves the pages' two questions: one indicator for every area of a level
    # in a month (a key prefix) and one indicator's series over a level (a key range). SQLite
    # stores the rows in key order instead of repeating the key in a separate index.
    sqlite_with_rowid=False,
)

# The series summary, kept by the loader in the transaction that changes observations (see
# data_access/series.py). A series is one indicator at one area level for one organiser and
# target group. Both tables hold exactly the aggregation of observations over their key, so the
# pages' questions about what is stored need not scan the observations table. The keys lead with
# the breakdown: the pages ask about the total series (organiser and target group 'all'), whose
# rows are then one key range.


def _series_key() -> list[Column[str]]:
    """The leading key columns of both series tables: the breakdown, then the series."""
    return [
        Column("organiser", String(16), primary_key=True),
        Column("target_group", String(32), primary_key=True),
        Column("indicator", String(48), primary_key=True),
        Column("area_level", String(20), primary_key=True),
    ]


series_months = Table(
    "series_months",
    metadata,
    *_series_key(),
    Column("month", String(7), primary_key=True),
    # Rows stored for the series in the month: one an area, as area_code completes the key.
    Column("areas", Integer, nullable=False),
    # Of those, the rows with a published (not null) value.
    Column("published", Integer, nullable=False),
    sqlite_with_rowid=False,
)

series_areas = Table(
    "series_areas",
    metadata,
    *_series_key(),
    # An area with at least one row of the series, in any month.
    Column("area_code", String(16), primary_key=True),
    sqlite_with_rowid=False,
)

boundaries = Table(
    "boundaries",
    metadata,
    Column("area_level", String(16), primary_key=True),
    Column("area_code", String(8), primary_key=True),
    Column("name_fi", Text, nullable=False),
    Column("name_sv", Text, nullable=False),
    Column("land_area_km2", Float),
    Column("total_area_km2", Float),
    Column("geometry", Text, nullable=False),
    Column("crs", String(16), nullable=False, default="EPSG:4326"),
    Column("source", Text, nullable=False),
    Column("vintage", Date, nullable=False),
    CheckConstraint("area_level IN ('region', 'municipality')", name="area_level"),
)

municipality_group_members = Table(
    "municipality_group_members",
    metadata,
    Column("group_code", String(16), primary_key=True),
    Column("municipality_code", String(3), ForeignKey("municipalities.code"), primary_key=True),
)

__all__ = [
    "AREA_LEVELS",
    "boundaries",
    "employment_areas",
    "indicators",
    "load_batches",
    "metadata",
    "municipalities",
    "municipality_changes",
    "municipality_group_members",
    "observations",
    "regions",
    "series_areas",
    "series_months",
    "trial_areas",
    "trial_memberships",
    "trial_sources",
]
