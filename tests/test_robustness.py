"""Every file of the malformed-input corpus is rejected clearly and leaves the database as it was.

The corpus lives in ``tests/fixtures/malformed`` (see its README). Each file is loaded on SQLite
and PostgreSQL through :func:`data_access.loader.load_items`, and a handful through the command
line. A rejection must be a :class:`LoadError` whose problems name the file, the expected place
and the expected reason; a file rejected for another reason fails. Every table's rows are hashed
before and after, so a rejected load that wrote anything fails too.

Known loader bugs are marked ``xfail(strict=True)``: when one is fixed, its test passes and the
strict marker turns that into a failure, so the marker is removed with the fix.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, delete, func, select

from data_access import build as build_module
from data_access import migrate, schema
from data_access.engine import make_engine
from data_access.errors import LoadError
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
}

# Files whose line endings are unusual but whose content is valid: they must load (rows).
LOADS: dict[str, int] = {
    "long_crlf_valid.csv": 3,
    "long_cr_only_valid.csv": 3,
    # Column names match case- and whitespace-insensitively.
    "long_header_case_valid.csv": 3,
    # Excel's trailing empty columns (empty names, empty cells) are not columns.
    "long_excel_trailing_columns_valid.csv": 3,
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


def load(engine: Engine, path: Path) -> None:
    """Load ``path`` the way the command line does: one transaction, committed on success."""
    with engine.begin() as conn:
        load_items(conn, [LoadItem(path=path, vintage=VINTAGE)], today=TODAY)


def reasons(expect: Expect) -> tuple[str, ...]:
    return (expect.reason,) if isinstance(expect.reason, str) else expect.reason


def check_report(error: LoadError, path: Path, expect: Expect) -> None:
    """Every problem names the file, a place and a short reason; one gives the expected ones."""
    report = error.report()
    assert error.problems, "a LoadError without problems"
    for problem in error.problems:
        assert problem.file == str(path), report
        assert problem.where.strip(), f"a problem without a place:\n{report}"
        assert problem.reason.strip(), f"a problem without a reason:\n{report}"
        assert len(problem.reason) <= MAX_REASON, f"reason too long: {problem.reason[:400]}"
    matching = [
        p
        for p in error.problems
        if (expect.where is None or p.where == expect.where)
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
    """At least 30 files, each with an expected outcome here and a line in the README."""
    names = {p.name for p in corpus_files()}
    assert len(names) >= 30
    assert set(EXPECTED) | set(LOADS) == names, "EXPECTED/LOADS and the corpus differ"
    assert not set(EXPECTED) & set(LOADS)
    readme = (CORPUS / "README.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^- `([^`]+)`:", readme, flags=re.MULTILINE))
    assert described == names, f"README differs: {sorted(described ^ names)}"


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


@pytest.mark.parametrize("path", [pytest.param(CORPUS / n, id=n) for n in sorted(LOADS)])
def test_unusual_line_endings_load(corpus_db: CorpusDb, path: Path) -> None:
    """CRLF and CR-only files are valid: they load (here in a transaction rolled back)."""
    obs = schema.observations
    with corpus_db.unchanged(path.name), corpus_db.engine.connect() as conn:
        transaction = conn.begin()
        try:
            results = load_items(conn, [LoadItem(path=path, vintage=VINTAGE)], today=TODAY)
            assert results[0].loaded == LOADS[path.name]
            rows = conn.execute(
                select(obs.c.indicator, obs.c.area_code, obs.c.value).where(
                    obs.c.month == "2021-03"
                )
            ).all()
        finally:
            transaction.rollback()
    assert sorted(rows) == [
        ("labour_force", "091", 354055.0),
        ("unemployed_jobseekers", "091", 51318.0),
        ("unemployed_jobseekers", "SSS", 331526.0),
    ]


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
