"""Validation rules shared by every file format, checked before anything is written.

The column rules are a pandera schema; rules that need the reference data (codes, municipal
divisions) or the database (values already loaded) are plain functions beside it. Every
problem names the file, the line or record, and the reason.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pandas as pd
import pandera.pandas as pa
from pandera.errors import SchemaErrors

from catalogue import definitions
from data_access.errors import LoadError, Problem

MONTH_PATTERN = r"^\d{4}-(0[1-9]|1[0-2])$"
FIRST_MONTH = "1990-01"
# No Finnish count of people can exceed the population (5.6 million in 2024).
MAX_PERSONS = 6_000_000
MAX_AMOUNT = 1e11
MAX_LEVEL = 10_000
BASE_DIVISION = 2021
KNOWN_LEVELS = ("country", "region", "subregion", "ely", "municipality")


@dataclass(frozen=True)
class Reference:
    """The codes a file may use, read from the reporting database's reference tables."""

    municipalities: frozenset[str]
    regions: Mapping[str, frozenset[str]]
    changes: tuple[tuple[str, str, date], ...] = ()
    indicators: frozenset[str] = field(default_factory=lambda: definitions.STORED_CODES)

    def codes(self, level: str) -> frozenset[str]:
        """Valid area codes of ``level`` in the base (trial-period) division."""
        if level == "municipality":
            return self.municipalities
        return self.regions.get(level, frozenset())


def last_plausible_month(today: date | None = None) -> str:
    """The newest month a file may hold: the current one (statistics describe the past)."""
    today = today or date.today()
    return f"{today.year:04d}-{today.month:02d}"


def _kind_mask(frame: pd.DataFrame, units: Iterable[str], kinds: Iterable[str]) -> pd.Series:
    codes = [i.code for i in definitions.CATALOGUE if i.unit in units and i.kind in kinds]
    return frame["indicator"].isin(codes)


def _schema(reference: Reference, last_month: str) -> pa.DataFrameSchema:
    levels = list(KNOWN_LEVELS)

    def nonneg(df: pd.DataFrame) -> pd.Series:
        return ~(df["value"] < 0)

    def persons_plausible(df: pd.DataFrame) -> pd.Series:
        persons = _kind_mask(df, ["persons", "days"], ["count", "sum"])
        return ~(persons & (df["value"] > MAX_PERSONS))

    def whole_persons(df: pd.DataFrame) -> pd.Series:
        persons = _kind_mask(df, ["persons"], ["count"])
        return ~(persons & df["value"].notna() & (df["value"] % 1 != 0))

    def percent_range(df: pd.DataFrame) -> pd.Series:
        percent = _kind_mask(df, ["percent"], ["rate"])
        return ~(percent & (df["value"] > 100))

    def amounts_plausible(df: pd.DataFrame) -> pd.Series:
        other = ~_kind_mask(df, ["persons", "days", "percent"], ["count", "sum", "rate"])
        limit = df["indicator"].map(
            lambda c: (
                MAX_LEVEL
                if c in definitions.BY_CODE and definitions.BY_CODE[c].kind == "level"
                else MAX_AMOUNT
            )
        )
        return ~(other & (df["value"] > limit))

    def value_or_flag(df: pd.DataFrame) -> pd.Series:
        return df["value"].notna() | df["suppressed"]

    return pa.DataFrameSchema(
        {
            "indicator": pa.Column(
                str, pa.Check.isin(sorted(reference.indicators), error="unknown indicator code")
            ),
            "area_level": pa.Column(str, pa.Check.isin(levels, error="unknown area level")),
            "area_code": pa.Column(str),
            "month": pa.Column(
                str,
                [
                    pa.Check.str_matches(MONTH_PATTERN, error="not a month written YYYY-MM"),
                    pa.Check(
                        lambda s: (
                            ~s.str.match(MONTH_PATTERN) | ((s >= FIRST_MONTH) & (s <= last_month))
                        ),
                        error=f"month outside {FIRST_MONTH}…{last_month}",
                    ),
                ],
            ),
            "value": pa.Column(float, nullable=True),
            "suppressed": pa.Column(bool),
            "organiser": pa.Column(
                str, pa.Check.isin(sorted(definitions.ORGANISERS), error="unknown organiser")
            ),
            "target_group": pa.Column(
                str,
                pa.Check.isin(sorted(definitions.TARGET_GROUPS), error="unknown target group"),
            ),
        },
        checks=[
            pa.Check(nonneg, error="negative value"),
            pa.Check(persons_plausible, error="implausibly large count (more than the population)"),
            pa.Check(whole_persons, error="a count of persons with a fraction"),
            pa.Check(percent_range, error="a percentage above 100"),
            pa.Check(amounts_plausible, error="implausibly large value"),
            pa.Check(value_or_flag, error="empty value without the flag 'suppressed'"),
        ],
        strict=False,
    )


def check_columns(
    frame: pd.DataFrame, path: Path, reference: Reference, today: date | None = None
) -> list[Problem]:
    """Column rules (codes, months, value ranges) for one file's long frame."""
    schema = _schema(reference, last_plausible_month(today))
    try:
        schema.validate(frame, lazy=True)
    except SchemaErrors as errors:
        return _problems_from_pandera(errors.failure_cases, frame, path)
    return []


def _problems_from_pandera(cases: pd.DataFrame, frame: pd.DataFrame, path: Path) -> list[Problem]:
    problems = []
    seen: set[tuple[object, str]] = set()
    for case in cases.itertuples(index=False):
        index = case.index
        check = str(case.check)
        whole_row = str(getattr(case, "schema_context", "")) == "DataFrameSchema"
        column = case.column if isinstance(case.column, str) and not whole_row else None
        if index is None or (isinstance(index, float) and index != index):
            if (None, check) not in seen:
                seen.add((None, check))
                problems.append(Problem(str(path), column or "file", check))
            continue
        # A whole-row rule fails once per row, however many columns pandera lists it under.
        key = (int(index), check if whole_row else f"{column}:{check}")
        if key in seen:
            continue
        seen.add(key)
        row = frame.loc[int(index)]
        where = row["where"]
        if column and column in frame.columns:
            shown = row[column]
            problems.append(Problem(str(path), where, f"{column} {_quote(shown)}: {check}"))
        else:
            value = row["value"]
            shown_value = "empty" if pd.isna(value) else f"{value:g}"
            problems.append(
                Problem(str(path), where, f"{check} ({row['indicator']} = {shown_value})")
            )
    return sorted(problems, key=lambda p: _order(p.where))


def _order(where: str) -> tuple[int, str]:
    digits = "".join(ch for ch in where.split(",")[0] if ch.isdigit())
    return (int(digits) if digits else 0, where)


def _quote(value: object, limit: int = 40) -> str:
    text = repr(str(value))
    return text if len(text) <= limit else text[: limit - 4] + "…'"


def map_division(
    frame: pd.DataFrame, path: Path, reference: Reference, division: int | None
) -> tuple[pd.DataFrame, dict[str, tuple[str, ...]], list[Problem]]:
    """Map municipality codes of a later municipal division onto the trial-period division.

    A code that absorbed others by ``division`` becomes a municipality group (``507+588``) so
    its value is never attributed to one municipality nor counted twice; a code that no longer
    existed in ``division`` is an error. Returns the frame, the groups it uses and problems.
    """
    division = division or BASE_DIVISION
    frame = frame.copy()
    groups: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    merged = {old: (new, eff) for old, new, eff in reference.changes if eff.year <= division}
    if not merged:
        return frame, groups, problems
    absorbed: dict[str, list[str]] = {}
    for old, (new, _eff) in merged.items():
        absorbed.setdefault(new, [new]).append(old)
    is_muni = frame["area_level"] == "municipality"
    gone = is_muni & frame["area_code"].isin(list(merged))
    for row in frame[gone].itertuples():
        new, eff = merged[row.area_code]
        problems.append(
            Problem(
                str(path),
                row.where,
                f"municipality {row.area_code} did not exist in the "
                f"{division} division (merged into {new} on {eff.isoformat()})",
            )
        )
    for new, members in absorbed.items():
        code = "+".join(sorted(members))
        groups[code] = tuple(sorted(members))
        hit = is_muni & (frame["area_code"] == new)
        frame.loc[hit, "area_level"] = "municipality_group"
        frame.loc[hit, "area_code"] = code
    return frame, groups, problems


def check_codes(frame: pd.DataFrame, path: Path, reference: Reference) -> list[Problem]:
    """Area codes must exist at their level (groups were made by :func:`map_division`)."""
    problems = []
    for level, part in frame.groupby("area_level", sort=False):
        if level not in KNOWN_LEVELS:
            continue  # the level itself is reported by the column rules
        valid = reference.codes(str(level))
        bad = part[~part["area_code"].isin(valid)]
        for row in bad.head(200).itertuples():
            problems.append(
                Problem(str(path), row.where, f"unknown {level} code {_quote(row.area_code)}")
            )
    return problems


KEY = ["indicator", "area_level", "area_code", "month", "organiser", "target_group"]


def check_duplicates(frame: pd.DataFrame, path: Path) -> list[Problem]:
    """No key may appear twice in one file."""
    dup = frame[frame.duplicated(KEY, keep=False)]
    problems = []
    for _key, rows in list(dup.groupby(KEY, sort=False))[:200]:
        places = list(rows["where"])
        first = places[0]
        for where in places[1:]:
            row = rows.iloc[0]
            problems.append(
                Problem(
                    str(path),
                    where,
                    f"duplicate of {first} ({row['indicator']}, "
                    f"{row['area_code']}, {row['month']})",
                )
            )
    return problems


def share_pairs() -> list[tuple[str, str, str]]:
    """(rate, numerator, denominator) for every rate that is a share of a whole."""
    return [
        (i.code, i.numerator, i.denominator)
        for i in definitions.CATALOGUE
        if i.kind == "rate" and i.numerator and i.denominator and i.unit == "percent"
    ]


def check_numerators(
    frame: pd.DataFrame, path: Path, existing: pd.DataFrame | None = None
) -> list[Problem]:
    """A share's numerator may not exceed its denominator (e.g. unemployed ≤ labour force).

    ``existing`` holds values already in the database for the same keys, so a file carrying only
    one side of a pair is checked against the other side as loaded.
    """
    key = ["area_level", "area_code", "month", "organiser", "target_group"]
    problems = []
    for _rate, num, den in share_pairs():
        sides = []
        for code in (num, den):
            part = frame[frame["indicator"] == code][[*key, "value", "where"]]
            if existing is not None and not existing.empty:
                old = existing[existing["indicator"] == code][[*key, "value"]].assign(
                    where="(in the database)"
                )
                part = pd.concat(
                    [part, old[~old.set_index(key).index.isin(part.set_index(key).index)]]
                )
            sides.append(part)
        pair = sides[0].merge(sides[1], on=key, suffixes=("_num", "_den"))
        pair = pair[
            (pair["where_num"] != "(in the database)") | (pair["where_den"] != "(in the database)")
        ]
        bad = pair[pair["value_num"] > pair["value_den"]]
        for row in bad.head(200).itertuples():
            problems.append(
                Problem(
                    str(path),
                    str(row.where_num),
                    f"{num} {row.value_num:g} exceeds {den} "
                    f"{row.value_den:g} ({row.where_den}) for {row.area_code} {row.month}",
                )
            )
    return problems


def raise_if(problems: list[Problem]) -> None:
    """Raise a LoadError when there is anything to report."""
    if problems:
        raise LoadError(problems)
