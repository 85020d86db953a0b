"""Every file of the malformed-input corpus is rejected clearly and leaves the database as it was.

The corpus lives in ``tests/fixtures/malformed`` (see its README). Each file is loaded on SQLite
and PostgreSQL through :func:`data_access.loader.load_items` and through the command line's
``main`` (and a handful through a separate process). A rejection must be a :class:`LoadError`
whose problems name the file, the expected place and the expected reason; a file rejected for
another reason fails. Every table's rows are hashed before and after, so a rejected load that
wrote anything fails too. Besides the files, the corpus has file-system cases made at test time
(a directory, a symbolic-link loop, an unreadable file, a file name that is not UTF-8: git
cannot hold them) and pairs of files that are valid alone and rejected together.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, delete, func, select

from data_access import build as build_module
from data_access import migrate, schema
from data_access.__main__ import main
from data_access.engine import make_engine
from data_access.errors import LoadError, printable
from data_access.loader import LoadItem, load_items
from tests.conftest import BACKENDS, DATA, drop_pg_database, new_pg_database

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(__file__).resolve().parent / "fixtures" / "malformed"
VINTAGE = date(2024, 1, 31)
TODAY = date(2026, 11, 25)
# A reason longer than this would flood the terminal (the corpus has 100 kB and 200 kB cells).
MAX_REASON = 300


def corpus_files() -> list[Path]:
    """The corpus: every file in the folder except its README and dotfiles."""
    return sorted(
        p for p in CORPUS.iterdir() if p.is_file() and p.name != "README.md" and p.name[0] != "."
    )


@dataclass(frozen=True)
class Expect:
    """How a corpus file must be rejected.

    ``where`` is the exact place of the problem that gives the reason (None: any place);
    ``reason`` is a substring of that problem's reason, or a tuple of acceptable substrings.
    ``problems`` is how many problems the report lists for the file: one per fault, so that
    noise never hides real problems behind the report's line limit.
    """

    where: str | None
    reason: str | tuple[str, ...]
    problems: int = 1


NOT_UTF8 = ("UTF-8", "Windows-1252", "cp1252", "encoding")

EXPECTED: dict[str, Expect] = {
    # --- the file's shape
    "empty.csv": Expect("file", "the file is empty"),
    "empty.json": Expect("file", "the file is empty"),
    "whitespace_only.csv": Expect("file", "the file is empty"),
    "bom_only.csv": Expect(
        None,
        "empty",
    ),
    "binary_garbage.csv": Expect(
        None,
        NOT_UTF8,
    ),
    "binary_garbage.json": Expect("line 1", "not UTF-8 text"),
    "not_a_table.xlsx": Expect("file", "unknown file type '.xlsx'"),
    "long_header_only.csv": Expect(
        "file",
        "no data rows",
    ),
    "long_truncated_mid_row.csv": Expect(
        "line 4", "2 fields where the header has 5 (truncated file?)"
    ),
    # Every field is there (the last one empty): a complete row, judged on its value.
    "long_truncated_mid_cell.csv": Expect("line 3", "empty value without the flag 'suppressed'"),
    "long_latin1.csv": Expect("line 4", "not UTF-8 text (byte 0xE4)"),
    "long_utf16.csv": Expect("file", "UTF-16 text: save the file as UTF-8"),
    "long_utf16le_no_bom.csv": Expect(
        None,
        ("UTF-16", "NUL", "UTF-8"),
    ),
    "long_semicolon.csv": Expect("line 1", "the file seems to use ';' as delimiter"),
    "long_tab.csv": Expect("line 1", "the file seems to use '\\t' as delimiter"),
    "long_missing_column.csv": Expect("line 1", "missing columns: month"),
    "long_extra_field.csv": Expect("line 3", "6 fields where the header has 5"),
    "long_missing_field.csv": Expect("line 3", "4 fields where the header has 5"),
    "long_unterminated_quote.csv": Expect("line 3", "3 fields where the header has 5"),
    "long_duplicate_column.csv": Expect(
        "line 1",
        ("duplicate", "twice", "more than once", "repeated"),
    ),
    "long_misspelt_organiser.csv": Expect(
        "line 1, column 6", "unknown column 'organizer'; did you mean 'organiser'?"
    ),
    "long_value_and_Value.csv": Expect(
        "line 1", "column 'value' appears more than once (as 'Value' and 'value')"
    ),
    "long_unknown_column.csv": Expect("line 1, column 6", "unknown column 'comment'"),
    "long_unnamed_column.csv": Expect("line 1, column 6", "unknown column (an empty name)"),
    "long_blank_line_before_bad_row.csv": Expect(
        "line 4",
        "unknown municipality code '999'",
    ),
    "long_cell_100kb.csv": Expect("line 3", "unknown municipality code '9999"),
    "long_cell_200kb.csv": Expect(
        "line 3",
        ("field", "long", "unknown municipality code"),
    ),
    "long_nul_bytes.csv": Expect("line 3", "NUL bytes in the text"),
    "long_crlf_bad_row.csv": Expect("line 4", "unknown municipality code '999'"),
    "long_cr_only_bad_row.csv": Expect("line 4", "unknown municipality code '999'"),
    "long_two_vintages.csv": Expect("column vintage", "more than one vintage in a file"),
    "long_bad_vintage.csv": Expect("column vintage", "'2024-13-01' is not a date"),
    "long_bad_division.csv": Expect("division", "'20x5' is not a year"),
    "long_excel_sep_line.csv": Expect("line 1", "Excel's 'sep=,' line before the header"),
    "long_excel_sep_semicolon.csv": Expect(
        "line 1", "Excel's 'sep=;' line before the header: delete it and save the file with commas"
    ),
    "long_blank_line_unknown_column.csv": Expect("line 2, column 6", "unknown column 'comment'"),
    # --- vintages and divisions
    "long_vintage_future.csv": Expect("column vintage", "vintage 2099-12-31 is after today"),
    "long_vintage_junk.csv": Expect("column vintage", "'2024-01-31junk' is not a date"),
    "long_option_vintage_future.csv": Expect("--vintage", "vintage 2099-12-31 is after today"),
    "long_division_2099.csv": Expect("column division", "division 2099 is in the future"),
    "long_option_division_2099.csv": Expect("--division", "division 2099 is in the future"),
    "long_division_2019.csv": Expect(
        "column division", "division 2019 is unknown: the reference data starts with the 2021"
    ),
    "long_merged_after_merger.csv": Expect(
        "line 2",
        "municipality 588 no longer existed in 2025-02: it merged into 507 on 2025-01-01",
    ),
    "long_absorbing_after_merger.csv": Expect(
        "line 2", "municipality 507 absorbed 588 on 2025-01-01: a figure for 2025-02 covers both"
    ),
    # --- codes
    "long_duplicate_key.csv": Expect(
        "line 4", "duplicate of line 2 (unemployed_jobseekers, 091, 2021-03)"
    ),
    "long_unknown_municipality.csv": Expect("line 3", "unknown municipality code '999'"),
    "long_unknown_region.csv": Expect("line 3", "unknown region code 'MK99'"),
    "long_unknown_indicator.csv": Expect(
        "line 3", "indicator 'unemployed_cats': unknown indicator code"
    ),
    "long_derived_indicator.csv": Expect(
        "line 3", "indicator 'unemployed_per_vacancy': unknown indicator code"
    ),
    "long_unknown_level.csv": Expect(
        "line 3",
        "area_level 'galaxy': unknown area level",
    ),
    "long_unknown_organiser.csv": Expect("line 3", "organiser 'ministry': unknown organiser"),
    "long_unknown_target_group.csv": Expect("line 3", "target_group 'cats': unknown target group"),
    "long_unknown_flag.csv": Expect(
        "line 3", "flag: 'maybe' is not one of suppressed, preliminary"
    ),
    "long_formula_cmd_area_code.csv": Expect(
        "line 3", "unknown municipality code \"=cmd|' /C calc'!A0\""
    ),
    "long_formula_at_sum_indicator.csv": Expect(
        "line 3", "indicator '@SUM(1+1)': unknown indicator code"
    ),
    "long_formula_plus_area_code.csv": Expect("line 3", "unknown municipality code '+1+1'"),
    "long_formula_minus_indicator.csv": Expect(
        "line 3", "indicator '-2+3': unknown indicator code"
    ),
    "long_sql_drop_table.csv": Expect(
        "line 3", 'unknown municipality code "091\'; DROP TABLE observations;--"'
    ),
    "long_sql_or.csv": Expect("line 3", "unknown region code '1 OR 1=1'"),
    "long_code_without_leading_zero.csv": Expect(
        "line 3",
        "unknown municipality code '91' (municipality codes have three digits: did you mean '091'?",
    ),
    "long_code_two_digits_unknown.csv": Expect(
        "line 3", "unknown municipality code '99' (municipality codes have three digits;"
    ),
    # --- months
    "long_month_13.csv": Expect("line 3", "month '2021-13': not a month written YYYY-MM"),
    "long_month_1899.csv": Expect("line 3", "month '1899-01': month outside 1990-01…"),
    "long_month_2031.csv": Expect("line 3", "month '2031-03': month outside 1990-01…"),
    "long_month_slash.csv": Expect("line 3", "month '2021/03': not a month written YYYY-MM"),
    "long_month_text.csv": Expect("line 3", "month 'Feb 2021': not a month written YYYY-MM"),
    # --- values
    "long_negative_count.csv": Expect("line 3", "negative value"),
    "long_numerator_above_denominator.csv": Expect(
        "line 2", "unemployed_jobseekers 500000 exceeds labour_force 354055 (line 3)"
    ),
    "long_value_1e12.csv": Expect("line 3", "implausibly large count"),
    "long_value_1e308.csv": Expect("line 3", "implausibly large count"),
    "long_value_1e999.csv": Expect("line 3", "value: '1e999' is not a number"),
    "long_value_inf.csv": Expect("line 3", "value: 'inf' is not a number"),
    "long_value_nan.csv": Expect("line 3", "value: 'nan' is not a number"),
    "long_value_text.csv": Expect("line 3", "value: 'many' is not a number"),
    "long_decimal_comma.csv": Expect("line 3", "value: '14,5' is not a number"),
    "long_value_empty_unflagged.csv": Expect("line 3", "empty value without the flag 'suppressed'"),
    "long_fractional_persons.csv": Expect("line 3", "a count of persons with a fraction"),
    "long_percent_over_100.csv": Expect("line 3", "a percentage above 100"),
    "long_kela_eur_1e12.csv": Expect("line 3", "implausibly large value"),
    "long_suppressed_with_value.csv": Expect(
        "line 3", "a value flagged 'suppressed': leave the value empty"
    ),
    "long_suppressed_with_zero.csv": Expect(
        "line 2", "a value flagged 'suppressed': leave the value empty"
    ),
    "long_value_underscore.csv": Expect(
        "line 3", "value: '51_318' is not a number (write numbers without digit separators)"
    ),
    "long_value_arabic_indic.csv": Expect("line 3", "is not a number (digits other than 0-9)"),
    "long_value_fullwidth.csv": Expect("line 3", "is not a number (digits other than 0-9)"),
    "long_value_devanagari.csv": Expect("line 3", "is not a number (digits other than 0-9)"),
    "long_value_thousands_space.csv": Expect("line 3", "value: '51 318' is not a number"),
    "long_pertunmaa_5_9_million.csv": Expect(
        "line 3",
        "unemployed_jobseekers 5.9e+06 is implausible for municipality 588: more than 1.5 × "
        "its labour force 700 (line 2)",
    ),
    "long_pertunmaa_jobseekers_total.csv": Expect(
        "line 3", "jobseekers_total 90000 is implausible for municipality 588"
    ),
    "long_above_country_labour_force.csv": Expect(
        "line 3", "more than 1.5 × the whole country's labour force 2.7e+06 (line 2)"
    ),
    # --- JSON-stat2
    "jsonstat_truncated.json": Expect("line 27", "not valid JSON"),
    "jsonstat_array.json": Expect("file", "not a JSON-stat2 dataset"),
    "jsonstat_deep_nesting.json": Expect(
        None,
        ("JSON",),
    ),
    "jsonstat_values_size_mismatch.json": Expect(
        "value", "3 values where the dimensions give 2 (truncated?)"
    ),
    "jsonstat_unknown_tiedot.json": Expect(
        "Tiedot",
        "unknown variable code 'KISSAT'",
    ),
    "jsonstat_missing_month_dimension.json": Expect(
        "dimensions", "missing dimension(s): month (Kuukausi)"
    ),
    "jsonstat_two_area_dims.json": Expect("id", "dimension 'Alue' appears more than once"),
    "jsonstat_bad_size.json": Expect(
        None,
        ("size", "JSON-stat"),
    ),
    "jsonstat_id_number.json": Expect(
        None,
        ("id", "JSON-stat", "dimension"),
    ),
    "jsonstat_status_bad_key.json": Expect(
        None,
        ("status", "JSON-stat"),
    ),
    "jsonstat_bad_updated.json": Expect("updated", "'yesterday' is not a date"),
    "jsonstat_unknown_area.json": Expect(
        "record KU999/2021M03/TYOTTOMATLOPUSSA", "unknown municipality code '999'"
    ),
    "jsonstat_month_13.json": Expect(
        "record KU091/2021M13/TYOTTOMATLOPUSSA",
        "month '2021-13': not a month written YYYY-MM",
        problems=2,
    ),
    "jsonstat_negative_value.json": Expect(
        "record KU091/2021M03/TYOTTOMATLOPUSSA", "negative value"
    ),
    "jsonstat_infinity.json": Expect("value", "Infinity is not a number JSON allows"),
    "jsonstat_nan.json": Expect(
        None,
        ("NaN", "not a number"),
    ),
    "jsonstat_value_strings.json": Expect("value 0", "'abc' is not a number", problems=2),
    "jsonstat_updated_future.json": Expect("updated", "vintage 2099-12-31 is after today"),
    "jsonstat_updated_junk.json": Expect("updated", "'2024-01-31junk' is not a date"),
    "jsonstat_24m_cells.json": Expect("size", "the dimensions give 24,000,000 cells, more than"),
    "jsonstat_categories_beyond_size.json": Expect(
        "dimension Alue", "4,000 categories where 'size' gives 1"
    ),
    "jsonstat_nil_with_value.json": Expect(
        "record KU035/2021M03/TYOTTOMATLOPUSSA", "status '-' (magnitude nil) with the value 5"
    ),
    "jsonstat_status_number.json": Expect("status", "must be a string, a list or an object"),
    "jsonstat_status_too_many.json": Expect("status", "2 status symbols for 1 values"),
    "jsonstat_value_key_beyond.json": Expect("value", "'value' keys must be positions below 2"),
    "jsonstat_pertunmaa_5_9_million.json": Expect(
        "record KU588/2024M06/TYOTTOMATLOPUSSA",
        "unemployed_jobseekers 5.9e+06 is implausible for municipality 588: more than 1.5 × "
        "its labour force 700 (record KU588/2021M03/TYOVOIMATK)",
    ),
    "jsonstat_merged_after_merger.json": Expect(
        "record KU588/2025M02/TYOTOSUUS",
        "municipality 588 no longer existed in 2025-02: it merged into 507 on 2025-01-01",
    ),
    # --- PxWeb CSV
    "pxweb_unknown_area.csv": Expect("line 3", "unknown area 'Atlantis'"),
    "pxweb_cp1252_unknown_area.csv": Expect("line 3", "unknown area 'Hämeenlinnä'"),
    "pxweb_undefined_cp1252_byte.csv": Expect(
        None,
        NOT_UTF8,
    ),
    "pxweb_annual_period.csv": Expect(
        "line 1, column 2", "'2021' is a year: annual data is not a monthly series", problems=2
    ),
    "pxweb_unknown_variable.csv": Expect("line 1, column 3", "unknown variable 'Kissat'"),
    "pxweb_value_text.csv": Expect("line 3, column 2", "'many' is not a number"),
    "pxweb_duplicate_area.csv": Expect(
        "line 3, column 2", "duplicate of line 2, column 2", problems=2
    ),
    "pxweb_numerator_above_denominator.csv": Expect(
        "line 2, column 2", "unemployed_jobseekers 400000 exceeds labour_force 354055"
    ),
    "pxweb_short_row.csv": Expect("line 3", "2 fields, header has 3"),
    "pxweb_one_column.csv": Expect("line 1", "one column only: not a PxWeb CSV"),
    "pxweb_cell_200kb.csv": Expect(
        "line 3",
        ("field", "long", "unknown area"),
    ),
    "pxweb_semicolon.csv": Expect(
        "line 1", "not comma-separated (the file seems to use ';' as delimiter"
    ),
    "pxweb_tab.csv": Expect("line 1", "not comma-separated (the file seems to use '\\t' as"),
    "pxweb_excel_sep_line.csv": Expect("line 1", "Excel's 'sep=,' line before the header"),
    "pxweb_value_underscore.csv": Expect("line 2, column 2", "'51_318' is not a number"),
    "pxweb_value_fullwidth.csv": Expect("line 2, column 2", "(digits other than 0-9)"),
    "pxweb_dash_with_text.csv": Expect("line 2, column 2", "negative value"),
    "pxweb_pertunmaa_5_9_million.csv": Expect(
        "line 2, column 2",
        "unemployed_jobseekers 5.9e+06 is implausible for municipality 588: more than 1.5 × "
        "its labour force 700 (line 2, column 3)",
    ),
    "pxweb_merged_after_merger.csv": Expect(
        "line 2, column 2", "municipality 588 no longer existed in 2025-02"
    ),
}

# Load options of a file (the command line's --vintage and --division); the default is
# --vintage 2024-01-31. A vintage of None lets the file's own vintage count.
OPTIONS: dict[str, dict[str, Any]] = {
    "long_vintage_future.csv": {"vintage": None},
    "jsonstat_updated_future.json": {"vintage": None},
    "jsonstat_updated_junk.json": {"vintage": None},
    "long_option_vintage_future.csv": {"vintage": date(2099, 12, 31)},
    "long_option_division_2099.csv": {"division": 2099},
}

# A stored row: indicator, area code, month, value (None: none) and whether it is suppressed.
Row = tuple[str, str, str, float | None, bool]
HELSINKI: list[Row] = [
    ("labour_force", "091", "2021-03", 354055.0, False),
    ("unemployed_jobseekers", "091", "2021-03", 51318.0, False),
    ("unemployed_jobseekers", "SSS", "2021-03", 331526.0, False),
]
UNEMPLOYED = "unemployed_jobseekers"

# Valid variants: they must load, storing exactly these rows.
LOADS: dict[str, list[Row]] = {
    # Unusual line endings.
    "long_crlf_valid.csv": HELSINKI,
    "long_cr_only_valid.csv": HELSINKI,
    # Column names match case- and whitespace-insensitively.
    "long_header_case_valid.csv": HELSINKI,
    # Excel's trailing empty columns (empty names, empty cells) are not columns.
    "long_excel_trailing_columns_valid.csv": HELSINKI,
    # Blank lines before the header.
    "long_blank_line_before_header_valid.csv": HELSINKI,
    # A complete last row whose last field is empty, with no line break after it.
    "long_empty_last_field_no_newline_valid.csv": HELSINKI,
    # An explicit sign and an exponent are ASCII decimal numbers.
    "long_sign_and_exponent_valid.csv": HELSINKI,
    # Before its merger date, Pertunmaa (588) has figures of its own in the default division.
    "long_merger_before_date_valid.csv": [
        ("unemployed_share_pct", "507", "2024-12", 9.4, False),
        ("unemployed_share_pct", "588", "2024-12", 9.1, False),
    ],
    # "-" (magnitude nil) is a published 0; "..", "..." and "." are not published.
    "pxweb_nil_dash_valid.csv": [
        ("labour_force", "049", "2021-03", None, True),
        ("labour_force", "091", "2021-03", 354055.0, False),
        ("labour_force", "092", "2021-03", 0.0, False),
        (UNEMPLOYED, "049", "2021-03", None, True),
        (UNEMPLOYED, "091", "2021-03", 0.0, False),
        (UNEMPLOYED, "092", "2021-03", None, True),
    ],
    # A single status string applies to every value (valid JSON-stat2).
    "jsonstat_status_string_valid.json": [
        (UNEMPLOYED, "049", "2021-03", None, True),
        (UNEMPLOYED, "091", "2021-03", None, True),
    ],
    "jsonstat_status_string_nil_valid.json": [
        (UNEMPLOYED, "049", "2021-03", 0.0, False),
        (UNEMPLOYED, "091", "2021-03", 0.0, False),
    ],
    "jsonstat_status_nil_valid.json": [
        (UNEMPLOYED, "049", "2021-03", 51318.0, False),
        (UNEMPLOYED, "091", "2021-03", 0.0, False),
        (UNEMPLOYED, "092", "2021-03", None, True),
    ],
    # Valid alone, rejected together (TOGETHER).
    "long_cross_file_numerator.csv": [(UNEMPLOYED, "091", "2021-03", 500000.0, False)],
    "long_cross_file_denominator.csv": [("labour_force", "091", "2021-03", 354055.0, False)],
    "long_cross_file_pertunmaa_count.csv": [(UNEMPLOYED, "588", "2024-06", 5900000.0, False)],
    "long_cross_file_pertunmaa_labour_force.csv": [
        ("labour_force", "588", "2021-03", 700.0, False)
    ],
}

# Files loaded together (one command): each is valid alone, the pair is not. The expected
# problem names the file it is about and the other file's line, never "(in the database)".
TOGETHER: dict[str, tuple[tuple[str, ...], str, Expect]] = {
    "numerator_in_one_file_denominator_in_another": (
        ("long_cross_file_denominator.csv", "long_cross_file_numerator.csv"),
        "long_cross_file_numerator.csv",
        Expect(
            "line 2",
            "unemployed_jobseekers 500000 exceeds labour_force 354055 "
            f"({CORPUS / 'long_cross_file_denominator.csv'}, line 2)",
        ),
    ),
    "count_in_one_file_labour_force_in_another": (
        ("long_cross_file_pertunmaa_count.csv", "long_cross_file_pertunmaa_labour_force.csv"),
        "long_cross_file_pertunmaa_count.csv",
        Expect(
            "line 2",
            "more than 1.5 × its labour force 700 "
            f"({CORPUS / 'long_cross_file_pertunmaa_labour_force.csv'}, line 2)",
        ),
    ),
}


def fingerprint(engine: Engine) -> str:
    """SHA-256 over the sorted rows of every table in the schema: equal means unchanged."""
    digest = hashlib.sha256()
    with engine.connect() as conn:
        for table in schema.metadata.sorted_tables:
            rows = sorted(repr(tuple(row)) for row in conn.execute(select(table)))
            digest.update(f"{table.name}:{len(rows)}\n".encode())
            for row in rows:
                digest.update(row.encode("utf-8", "backslashreplace") + b"\n")
    return digest.hexdigest()


def item(path: Path, **options: Any) -> LoadItem:
    """``path`` with its corpus options (see OPTIONS), shown by its name in the corpus."""
    given = {"vintage": VINTAGE, **OPTIONS.get(path.name, {}), **options}
    return LoadItem(path=path, **given)


def load(engine: Engine, *paths: Path) -> None:
    """Load ``paths`` the way the command line does: one transaction, committed on success."""
    with engine.begin() as conn:
        load_items(conn, [item(p) for p in paths], today=TODAY)


def cli_arguments(*paths: Path) -> list[str]:
    """The command line that loads ``paths`` with their corpus options."""
    options = {"vintage": VINTAGE, **OPTIONS.get(paths[0].name, {})}
    arguments = ["load", *map(str, paths)]
    if options.get("vintage"):
        arguments += ["--vintage", options["vintage"].isoformat()]
    if options.get("division"):
        arguments += ["--division", str(options["division"])]
    return arguments


def reasons(expect: Expect) -> tuple[str, ...]:
    return (expect.reason,) if isinstance(expect.reason, str) else expect.reason


def check_report(
    error: LoadError, path: Path, expect: Expect, files: tuple[Path, ...] = ()
) -> None:
    """Every problem names the file, a place and a short reason; one gives the expected ones.

    ``files`` are the files of the load (default: ``path`` alone); the expected problem is
    about ``path``.
    """
    report = error.report()
    assert error.problems, "a LoadError without problems"
    for problem in error.problems:
        assert problem.file in {str(f) for f in files or (path,)}, report
        assert problem.where.strip(), f"a problem without a place:\n{report}"
        assert problem.reason.strip(), f"a problem without a reason:\n{report}"
        assert len(problem.reason) <= MAX_REASON, f"reason too long: {problem.reason[:400]}"
    matching = [
        p
        for p in error.problems
        if p.file == str(path)
        and (expect.where is None or p.where == expect.where)
        and any(r in p.reason for r in reasons(expect))
    ]
    assert matching, (
        f"expected a problem at {expect.where!r} with reason {expect.reason!r}; got:\n{report}"
    )


def case(name: str) -> pytest.ParameterSet:
    """A corpus file as a test parameter, named after the file."""
    return pytest.param(CORPUS / name, id=name)


REJECTED = [p.name for p in corpus_files() if p.name not in LOADS]


@dataclass
class CorpusDb:
    """A database holding the reference tables only; ``batches`` is its last load batch id."""

    url: str
    engine: Engine
    batches: int

    @contextmanager
    def unchanged(self, what: str) -> Iterator[None]:
        """Assert that the block leaves every table as it was.

        When it does not (a bad file the loader accepts), the rows it wrote are deleted again
        before the assertion fails, so the next test starts from the same database.
        """
        before = fingerprint(self.engine)
        try:
            yield
        finally:
            changed = fingerprint(self.engine) != before
            if changed:
                obs, batches = schema.observations, schema.load_batches
                with self.engine.begin() as conn:
                    conn.execute(delete(obs).where(obs.c.batch_id > self.batches))
                    conn.execute(delete(schema.municipality_group_members))
                    # The database holds no observations before the test, so no summary either.
                    conn.execute(delete(schema.series_months))
                    conn.execute(delete(schema.series_areas))
                    conn.execute(delete(batches).where(batches.c.id > self.batches))
                assert fingerprint(self.engine) == before, "could not restore the database"
        assert not changed, f"{what} changed the database"


@pytest.fixture(scope="module", params=BACKENDS)
def corpus_db(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[CorpusDb]:
    """A migrated database with the real reference tables, shared by the module's tests.

    Built like conftest's ``reference_engine``, once per backend rather than once per test (a
    PostgreSQL database each for about 180 tests would take minutes). Sharing is safe because
    every test checks that the database is unchanged afterwards and undoes any change.
    """
    name = None
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('corpus') / 'corpus.db'}"
    else:
        url, name = new_pg_database("corpus")
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        manifest = build_module.read_manifest(DATA)
        with engine.begin() as conn:
            build_module.load_reference(conn, manifest, lambda _line: None)
            last = conn.execute(select(func.max(schema.load_batches.c.id))).scalar_one()
            assert conn.execute(select(func.count()).select_from(schema.observations)).scalar() == 0
        yield CorpusDb(url, engine, int(last or 0))
    finally:
        engine.dispose()
        if name is not None:
            drop_pg_database(name)


def test_corpus_is_complete_and_described() -> None:
    """At least 80 rejected cases, each with an expected outcome here and a line in the README,
    and the valid variants likewise."""
    names = {p.name for p in corpus_files()}
    assert set(EXPECTED) | set(LOADS) == names, "EXPECTED/LOADS and the corpus differ"
    assert not set(EXPECTED) & set(LOADS)
    assert set(OPTIONS) <= names
    assert {n for files, _path, _expect in TOGETHER.values() for n in files} <= set(LOADS)
    assert len(EXPECTED) + len(FILE_SYSTEM) + len(TOGETHER) >= 80
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^- `([^`]+)`:", readme, flags=re.MULTILINE))
    cases = names | set(FILE_SYSTEM) | set(TOGETHER)
    assert described == cases, f"README differs: {sorted(described ^ cases)}"


@pytest.mark.parametrize("path", [case(n) for n in REJECTED])
def test_malformed_file_is_rejected_and_nothing_changes(corpus_db: CorpusDb, path: Path) -> None:
    expect = EXPECTED.get(path.name)
    if expect is None:
        pytest.fail(f"{path.name}: add its expected place and reason to EXPECTED (or LOADS)")
    with corpus_db.unchanged(path.name), pytest.raises(LoadError) as info:
        load(corpus_db.engine, path)
    check_report(info.value, path, expect)
    # One problem per fault: noise would hide real problems behind the 25-line limit.
    assert len(info.value.problems) == expect.problems, info.value.report()


def stored_rows(conn: Any) -> list[Row]:
    obs = schema.observations
    rows = conn.execute(
        select(obs.c.indicator, obs.c.area_code, obs.c.month, obs.c.value, obs.c.suppressed)
    ).all()
    return sorted(
        (r.indicator, r.area_code, r.month, None if r.value is None else r.value, r.suppressed)
        for r in rows
    )


@pytest.mark.parametrize("path", [pytest.param(CORPUS / n, id=n) for n in sorted(LOADS)])
def test_valid_variant_loads(corpus_db: CorpusDb, path: Path) -> None:
    """Each valid variant loads and stores exactly its rows (in a transaction rolled back)."""
    with corpus_db.unchanged(path.name), corpus_db.engine.connect() as conn:
        transaction = conn.begin()
        try:
            results = load_items(conn, [item(path)], today=TODAY)
            assert results[0].loaded == len(LOADS[path.name])
            rows = stored_rows(conn)
        finally:
            transaction.rollback()
    assert rows == sorted(LOADS[path.name])


@pytest.mark.parametrize("name", sorted(TOGETHER))
def test_files_valid_alone_are_rejected_together(corpus_db: CorpusDb, name: str) -> None:
    """A rule across files names the other file's line, never "(in the database)"."""
    names, about, expect = TOGETHER[name]
    paths = tuple(CORPUS / n for n in names)
    with corpus_db.unchanged(name), pytest.raises(LoadError) as info:
        load(corpus_db.engine, *paths)
    check_report(info.value, CORPUS / about, expect, paths)
    assert len(info.value.problems) == expect.problems, info.value.report()
    assert "in the database" not in info.value.report()


# --- file-system cases: made at test time in a temporary directory (git cannot hold them)


def _directory(folder: Path) -> Path:
    (folder / "table.csv").mkdir()
    return folder / "table.csv"


def _symlink_loop(folder: Path) -> Path:
    (folder / "a.csv").symlink_to(folder / "b.csv")
    (folder / "b.csv").symlink_to(folder / "a.csv")
    return folder / "a.csv"


def _broken_symlink(folder: Path) -> Path:
    (folder / "link.csv").symlink_to(folder / "gone.csv")
    return folder / "link.csv"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.csv")
    return folder / "pipe.csv"


BAD_ROW = (
    "indicator,area_level,area_code,month,value\nunemployed_jobseekers,municipality,999,2021-03,1\n"
)


def _named(raw: bytes) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = Path(os.fsdecode(os.fsencode(folder) + b"/" + raw))
        path.write_text(BAD_ROW, encoding="utf-8")
        return path

    return make


def _unreadable(folder: Path) -> Path:
    path = folder / "secret.csv"
    path.write_text(HEADER_ROWS, encoding="utf-8")
    path.chmod(0)
    return path


HEADER_ROWS = (
    "indicator,area_level,area_code,month,value\nunemployed_jobseekers,country,SSS,2021-03,1\n"
)


@dataclass(frozen=True)
class FileSystemCase:
    """A file-system case: ``make`` builds it in a folder and returns the path to load."""

    make: Callable[[Path], Path]
    expect: Expect


FILE_SYSTEM: dict[str, FileSystemCase] = {
    "fs_directory": FileSystemCase(_directory, Expect("file", "a directory, not a file")),
    "fs_symlink_loop": FileSystemCase(_symlink_loop, Expect("file", "a symbolic link loop")),
    "fs_broken_symlink": FileSystemCase(
        _broken_symlink, Expect("file", "no such file (a broken symbolic link)")
    ),
    "fs_missing": FileSystemCase(
        lambda folder: folder / "missing.csv", Expect("file", "no such file")
    ),
    "fs_fifo": FileSystemCase(_fifo, Expect("file", "not a regular file")),
    "fs_unreadable": FileSystemCase(
        _unreadable, Expect("file", "permission denied: the loader cannot read the file")
    ),
    "fs_non_utf8_name": FileSystemCase(
        _named(b"kunnat_\xe4.csv"), Expect("line 2", "unknown municipality code '999'")
    ),
    "fs_name_with_line_break": FileSystemCase(
        _named(b"two\nlines.csv"), Expect("line 2", "unknown municipality code '999'")
    ),
}


@pytest.fixture
def unreadable_as_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run as root, whom ``chmod 000`` does not stop: refuse mode-000 files by hand."""
    if os.geteuid() != 0:
        return
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self.stat().st_mode & 0o777 == 0:
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


@pytest.mark.parametrize("name", sorted(FILE_SYSTEM))
def test_file_system_case_is_rejected(
    corpus_db: CorpusDb, tmp_path: Path, name: str, unreadable_as_root: None
) -> None:
    case_ = FILE_SYSTEM[name]
    path = case_.make(tmp_path)
    with corpus_db.unchanged(name), pytest.raises(LoadError) as info:
        load(corpus_db.engine, path)
    check_report(info.value, path, case_.expect)
    assert len(info.value.problems) == case_.expect.problems, info.value.report()
    for line in info.value.report().splitlines():
        line.encode("utf-8")  # printable: no lone surrogates, one line a problem
    assert len(info.value.report().splitlines()) == len(info.value.problems)


def test_unreadable_file_for_real(tmp_path: Path) -> None:
    """Without root, ``chmod 000`` itself makes the file unreadable."""
    if os.geteuid() == 0:
        pytest.skip("root reads a mode-000 file; test_file_system_case_is_rejected covers it")
    path = _unreadable(tmp_path)
    with pytest.raises(LoadError, match="permission denied: the loader cannot read the file"):
        from data_access.readers import read_bytes

        read_bytes(path)


# --- the command line, in this process: every rejected case on both backends


@pytest.fixture
def run_main(
    corpus_db: CorpusDb, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str]]:
    """The command line's ``main`` on the corpus database: ``run_main(*paths)`` gives its exit
    status and stderr, and checks that the database is unchanged."""
    monkeypatch.setenv("DATABASE_URL", corpus_db.url)

    def run(*paths: Path) -> tuple[int, str]:
        with corpus_db.unchanged(", ".join(p.name for p in paths)):
            status = main(cli_arguments(*paths))
        return status, capsys.readouterr().err

    return run


def check_main_rejection(
    status: int, stderr: str, path: Path, expect: Expect, files: tuple[Path, ...] = ()
) -> None:
    """Exit status 1; every line but the last is FILE: PLACE: REASON; one is the expected."""
    assert status == 1, stderr
    lines = stderr.splitlines()
    assert lines[-1].startswith("rejected: nothing was written"), stderr
    names = [printable(str(f)) for f in files or (path,)]
    for line in lines[:-1]:
        if line.startswith("… and "):
            continue
        name = next((n for n in names if line.startswith(f"{n}: ")), None)
        assert name is not None, f"a line that names no file: {line!r}"
        place, _, reason = line[len(name) + 2 :].partition(": ")
        assert place.strip() and reason.strip(), f"no place or reason: {line!r}"
    place = f"{printable(str(path))}: {expect.where}: " if expect.where else f"{path}: "
    assert any(
        line.startswith(place) and any(r in line for r in reasons(expect)) for line in lines
    ), f"{path.name} not reported as expected:\n{stderr}"


@pytest.mark.parametrize("path", [case(n) for n in REJECTED])
def test_command_line_rejects_every_corpus_file(
    run_main: Callable[..., tuple[int, str]], path: Path
) -> None:
    status, stderr = run_main(path)
    check_main_rejection(status, stderr, path, EXPECTED[path.name])


@pytest.mark.parametrize("name", sorted(FILE_SYSTEM))
def test_command_line_rejects_every_file_system_case(
    run_main: Callable[..., tuple[int, str]], tmp_path: Path, name: str, unreadable_as_root: None
) -> None:
    path = FILE_SYSTEM[name].make(tmp_path)
    status, stderr = run_main(path)
    check_main_rejection(status, stderr, path, FILE_SYSTEM[name].expect)


@pytest.mark.parametrize("name", sorted(TOGETHER))
def test_command_line_rejects_files_together(
    run_main: Callable[..., tuple[int, str]], name: str
) -> None:
    names, about, expect = TOGETHER[name]
    paths = tuple(CORPUS / n for n in names)
    status, stderr = run_main(*paths)
    check_main_rejection(status, stderr, CORPUS / about, expect, paths)


def test_absurd_cube_fails_fast(corpus_db: CorpusDb) -> None:
    """24 million cells in a 90 kB file: refused from its size alone, before any expansion."""
    path = CORPUS / "jsonstat_24m_cells.json"
    started = time.perf_counter()
    with corpus_db.unchanged(path.name), pytest.raises(LoadError, match="24,000,000 cells"):
        load(corpus_db.engine, path)
    assert time.perf_counter() - started < 2.0


CLI_FILES = ["long_latin1.csv", "jsonstat_truncated.json", "pxweb_unknown_area.csv"]


def run_cli(db: CorpusDb, *paths: Path) -> subprocess.CompletedProcess[str]:
    """``python -m data_access load PATH... --vintage 2024-01-31`` on ``db``."""
    command = [sys.executable, "-m", "data_access", "load", *map(str, paths)]
    with db.unchanged(", ".join(p.name for p in paths)):
        return subprocess.run(
            [*command, "--vintage", "2024-01-31"],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": db.url},
            capture_output=True,
            text=True,
            timeout=120,
        )


def check_cli_rejection(done: subprocess.CompletedProcess[str], *paths: Path) -> None:
    """Exit status 1, no traceback, and a line naming each file, the place and the reason."""
    assert "Traceback" not in done.stderr, done.stderr[-3000:]
    assert done.returncode == 1, done.stderr
    lines = done.stderr.splitlines()
    assert lines[-1].startswith("rejected: nothing was written"), done.stderr
    for path in paths:
        expect = EXPECTED[path.name]
        place = f"{path}: {expect.where}: " if expect.where else f"{path}: "
        assert any(
            line.startswith(place) and any(r in line for r in reasons(expect)) for line in lines
        ), f"{path.name} not reported as expected:\n{done.stderr}"


def test_command_line_rejects_without_traceback(corpus_db: CorpusDb) -> None:
    """One command with several bad files: each is reported, nothing is written."""
    paths = [CORPUS / name for name in CLI_FILES]
    check_cli_rejection(run_cli(corpus_db, *paths), *paths)


@pytest.mark.parametrize("path", [case("binary_garbage.csv")])
def test_command_line_reports_undecodable_file(corpus_db: CorpusDb, path: Path) -> None:
    check_cli_rejection(run_cli(corpus_db, path), path)


def test_command_line_prints_a_file_name_that_is_not_utf8(
    corpus_db: CorpusDb, tmp_path: Path
) -> None:
    """The name's byte 0xE4 (Latin-1 ä) is shown as \\xe4, in a process of its own."""
    path = _named(b"kunnat_\xe4.csv")(tmp_path)
    with corpus_db.unchanged(path.name):
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "data_access",
                "load",
                os.fsencode(path),
                "--vintage",
                "2024-01-31",
            ],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": corpus_db.url},
            capture_output=True,
            timeout=120,
        )
    stderr = done.stderr.decode("utf-8")
    assert "Traceback" not in stderr, stderr
    assert done.returncode == 1, stderr
    assert f"{tmp_path}/kunnat_\\xe4.csv: line 2: unknown municipality code '999'" in stderr
