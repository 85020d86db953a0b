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

MONTH_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
FIRST_MONTH = "1990-01"
# No Finnish count of people can exceed the population (5.6 million in 2024).
MAX_PERSONS = 6_000_000
MAX_AMOUNT = 1e11
MAX_LEVEL = 10_000
BASE_DIVISION = 2021
KNOWN_LEVELS = ("country", "region", "subregion", "ely", "municipality")
# A count of an area's residents may exceed the area's labour force by this factor at most:
# the labour force is an annual figure, and some jobseekers are outside the labour force.
LABOUR_FORCE_MARGIN = 1.5
LABOUR_FORCE = "labour_force"
# Counts of jobs, not of residents: a small municipality may have many vacancies.
NOT_RESIDENTS = frozenset({"open_vacancies", "new_vacancies"})
# How the context rows of a cross-file check are labelled when they come from the database.
IN_DATABASE = "(in the database)"


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

    def suppressed_without_value(df: pd.DataFrame) -> pd.Series:
        # A suppressed figure is secret: stored, the app role could read it.
        return ~(df["suppressed"] & df["value"].notna())

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
            pa.Check(
                suppressed_without_value,
                error="a value flagged 'suppressed': leave the value empty (a suppressed "
                "figure is never stored)",
            ),
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


def check_division(
    path: Path, where: str, division: int | None, today: date | None = None
) -> list[Problem]:
    """A municipal division must be one the loader knows: from the trial-period division
    (:data:`BASE_DIVISION`, the reference data's) to the current year's. A future division
    (2099) does not exist yet; an earlier one holds changes the reference data does not have.
    """
    if division is None:
        return []
    year = (today or date.today()).year
    if division > year:
        return [Problem(str(path), where, f"division {division} is in the future")]
    if division < BASE_DIVISION:
        return [
            Problem(
                str(path),
                where,
                f"division {division} is unknown: the reference data starts with the "
                f"{BASE_DIVISION} division",
            )
        ]
    return []


def _month_of(day: date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def map_division(
    frame: pd.DataFrame, path: Path, reference: Reference, division: int | None
) -> tuple[pd.DataFrame, dict[str, tuple[str, ...]], list[Problem]]:
    """Map municipality codes of a later municipal division onto the trial-period division.

    A code that absorbed others by ``division`` becomes a municipality group (``507+588``) so
    its value is never attributed to one municipality nor counted twice; a code that no longer
    existed in ``division`` is an error. A merger later than ``division`` still applies to
    dates: a month-end on or after the merger has no figure for the merged-away municipality,
    and the absorbing one's figure covers both, so either is an error (the file is in a later
    division than it says). Returns the frame, the groups it uses and problems.
    """
    division = division or BASE_DIVISION
    frame = frame.copy()
    groups: dict[str, tuple[str, ...]] = {}
    problems: list[Problem] = []
    is_muni = frame["area_level"] == "municipality"
    later = [(old, new, eff) for old, new, eff in reference.changes if eff.year > division]
    for old, new, eff in later:
        after = is_muni & (frame["month"] >= _month_of(eff))
        for row in frame[after & (frame["area_code"] == old)].head(200).itertuples():
            problems.append(
                Problem(
                    str(path),
                    row.where,
                    f"municipality {old} no longer existed in {row.month}: it merged into "
                    f"{new} on {eff.isoformat()} (a file in the {eff.year} division? pass "
                    f"--division {eff.year})",
                )
            )
        for row in frame[after & (frame["area_code"] == new)].head(200).itertuples():
            problems.append(
                Problem(
                    str(path),
                    row.where,
                    f"municipality {new} absorbed {old} on {eff.isoformat()}: a figure for "
                    f"{row.month} covers both, not {new} in the {division} division (pass "
                    f"--division {eff.year})",
                )
            )
    merged = {old: (new, eff) for old, new, eff in reference.changes if eff.year <= division}
    if not merged:
        return frame, groups, problems
    absorbed: dict[str, list[str]] = {}
    for old, (new, _eff) in merged.items():
        absorbed.setdefault(new, [new]).append(old)
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
            code = str(row.area_code)
            hint = ""
            if level == "municipality" and code.isdigit() and code.isascii() and len(code) < 3:
                padded = code.zfill(3)
                known = f": did you mean {padded!r}?" if padded in valid else ";"
                hint = (
                    f" (municipality codes have three digits{known} a spreadsheet may have "
                    "dropped the leading zeros: keep the column as text)"
                )
            problems.append(
                Problem(str(path), row.where, f"unknown {level} code {_quote(code)}{hint}")
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


AREA = ["area_level", "area_code", "month", "organiser", "target_group"]


def with_context(frame: pd.DataFrame, context: pd.DataFrame | None) -> pd.DataFrame:
    """``frame``'s rows (``own``) and the ``context`` rows whose key it does not have.

    ``context`` holds the rows a cross-file rule compares with: the values already stored and
    those of the load's other files, each with a ``where`` that says which (a stored row's is
    :data:`IN_DATABASE`, another file's names the file and line).
    """
    own = frame[[*KEY, "value", "where"]].assign(own=True, stored=False)
    if context is None or context.empty:
        return own
    other = context[[*KEY, "value", "where"]].drop_duplicates(KEY, keep="first")
    other = other[~other.set_index(KEY).index.isin(own.set_index(KEY).index)]
    other = other.assign(own=False, stored=other["where"] == IN_DATABASE)
    return pd.concat([own, other], ignore_index=True)


def check_numerators(
    frame: pd.DataFrame, path: Path, context: pd.DataFrame | None = None
) -> list[Problem]:
    """A share's numerator may not exceed its denominator (e.g. unemployed ≤ labour force).

    ``context`` (see :func:`with_context`) holds the values stored or in the load's other
    files for the same keys, so a file carrying only one side of a pair is checked against
    the other side, wherever it is.
    """
    rows = with_context(frame, context)
    problems = []
    for _rate, num, den in share_pairs():
        sides = [
            rows[rows["indicator"] == code][[*AREA, "value", "where", "own", "stored"]]
            for code in (num, den)
        ]
        pair = sides[0].merge(sides[1], on=AREA, suffixes=("_num", "_den"))
        # A pair is reported once: by the numerator's file, or by the denominator's when the
        # numerator is stored.
        pair = pair[pair["own_num"] | (pair["own_den"] & pair["stored_num"])]
        bad = pair[pair["value_num"] > pair["value_den"]]
        for row in bad.head(200).itertuples():
            place = str(row.where_num) if row.own_num else str(row.where_den)
            other = str(row.where_den) if row.own_num else str(row.where_num)
            problems.append(
                Problem(
                    str(path),
                    place,
                    f"{num} {row.value_num:g} exceeds {den} "
                    f"{row.value_den:g} ({other}) for {row.area_code} {row.month}",
                )
            )
    return problems


def resident_counts() -> frozenset[str]:
    """Stored counts of an area's residents, which its labour force bounds."""
    return frozenset(
        i.code
        for i in definitions.CATALOGUE
        if i.stored and i.unit == "persons" and i.kind == "count" and i.code not in NOT_RESIDENTS
    )


def check_labour_force(
    frame: pd.DataFrame, path: Path, labour_force: pd.DataFrame
) -> list[Problem]:
    """Counts of residents are checked against the labour force of their area, where known.

    ``labour_force`` holds the known labour force (organiser and target group ``all``) of the
    file's areas and of the country, in any month: this file's, the load's other files' and
    the stored values, with ``where`` saying which. A count may exceed its area's labour
    force by :data:`LABOUR_FORCE_MARGIN` at most, compared with the same month's figure or,
    where that is unknown, the largest one known; an area below the country may not exceed
    the country's labour force. (The national cap, :data:`MAX_PERSONS`, is a column rule.)
    """
    counts = frame[frame["indicator"].isin(resident_counts()) & frame["value"].notna()]
    if counts.empty or labour_force.empty:
        return []
    # The first row of a key wins: the file's own, then the load's other files', then stored.
    known = labour_force[labour_force["value"].notna()].drop_duplicates(
        ["area_level", "area_code", "month"], keep="first"
    )
    same = known[["area_level", "area_code", "month", "value", "where"]]
    largest = known.sort_values("value", ascending=False).drop_duplicates(
        ["area_level", "area_code"]
    )[["area_level", "area_code", "value", "where"]]
    own = counts[counts["indicator"] != LABOUR_FORCE]
    checked = own.merge(
        same, on=["area_level", "area_code", "month"], how="left", suffixes=("", "_lf")
    ).merge(largest, on=["area_level", "area_code"], how="left", suffixes=("", "_max"))
    # A share's numerator against the same month's labour force is check_numerators' case.
    numerators = {num for _rate, num, den in share_pairs() if den == LABOUR_FORCE}
    checked = checked[~(checked["indicator"].isin(numerators) & checked["value_lf"].notna())]
    checked["bound"] = checked["value_lf"].fillna(checked["value_max"])
    checked["bound_where"] = checked["where_lf"].fillna(checked["where_max"])
    country = largest[largest["area_level"] == "country"]
    over = checked["value"] > LABOUR_FORCE_MARGIN * checked["bound"]
    problems = [
        Problem(
            str(path),
            str(row.where),
            f"{row.indicator} {row.value:g} is implausible for {row.area_level} "
            f"{row.area_code}: more than {LABOUR_FORCE_MARGIN:g} × its labour force "
            f"{row.bound:g} ({row.bound_where})",
        )
        for row in checked[over].head(200).itertuples()
    ]
    if not country.empty:
        whole = float(country["value"].iloc[0])
        reported = set(checked.loc[over, "where"])
        below = counts[
            (counts["area_level"] != "country")
            & (counts["value"] > LABOUR_FORCE_MARGIN * whole)
            & ~counts["where"].isin(reported)
        ]
        problems += [
            Problem(
                str(path),
                str(row.where),
                f"{row.indicator} {row.value:g} is implausible for {row.area_level} "
                f"{row.area_code}: more than {LABOUR_FORCE_MARGIN:g} × the whole country's "
                f"labour force {whole:g} ({country['where'].iloc[0]})",
            )
            for row in below.head(200).itertuples()
        ]
    return sorted(problems, key=lambda p: _order(p.where))


def raise_if(problems: list[Problem]) -> None:
    """Raise a LoadError when there is anything to report."""
    if problems:
        raise LoadError(problems)
