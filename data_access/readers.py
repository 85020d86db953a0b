"""Readers: turn each supported file format into one long observation frame.

Every reader returns a :class:`Parsed` whose ``frame`` has the columns of :data:`LONG_COLUMNS`
plus ``where`` (the line or record each row came from, for messages). Readers check only the
shape of a file (encoding, delimiter, columns, truncation); the rules about codes and values
live in :mod:`data_access.validation`, shared by every format.
"""

from __future__ import annotations

import csv
import difflib
import errno
import io
import json
import math
import re
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from data_access.errors import LoadError, Problem
from data_access.queries import OBS_COLUMNS

# The columns of an observation as the queries return it, and its breakdown
LONG_COLUMNS = (*OBS_COLUMNS, "organiser", "target_group")
LONG_REQUIRED = ("indicator", "area_level", "area_code", "month", "value")
LONG_OPTIONAL = ("organiser", "target_group", "flag", "vintage", "division")
FLAGS = {"": (False, False), "suppressed": (True, False), "preliminary": (False, True)}
# PxWeb's symbols for values that are not published: ".." confidential or too uncertain,
# "..." not available, "." not applicable (":" and "…" are variants other tables use).
PXWEB_MISSING = {".", "..", "...", ":", "…"}
# StatFin's "-": magnitude nil. A published zero, not a missing value.
PXWEB_NIL = "-"
PX_MONTH = re.compile(r"^(\d{4})M(\d{2})$")
# A number as the formats write it: ASCII digits, an optional sign, point and exponent. Python's
# float() also takes "51_000" and Arabic-Indic or full-width digits, which no export writes.
NUMBER = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?")
DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# JSON-stat's ``updated`` is an ISO 8601 date or timestamp ("2023-12-05T08:00:00Z").
TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,6})?)?"
    r"(Z|[+-][0-9]{2}:?[0-9]{2})?"
)
# Excel's first line naming the delimiter ("sep=,"): not part of any of the formats.
EXCEL_SEP = re.compile(r"\s*sep=(.?)\s*", re.IGNORECASE)
# The most cells a JSON-stat2 file may describe. The PxWeb API answers at most 100,000 a
# query; reading a cube takes about 0.5 kB of memory and 10 µs a cell (measured: a million
# cells, 508 MB and 10.8 s), so a file whose dimensions multiply to more is refused before it
# is expanded.
MAX_JSONSTAT_CELLS = 2_000_000


@dataclass
class Parsed:
    """One parsed file: its long frame and what the file says about itself."""

    path: Path
    reader: str
    frame: pd.DataFrame
    vintage: date | None = None
    source: str | None = None
    division: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)
    # Where the file states its vintage, for messages about it.
    vintage_where: str = "vintage"


def file_problem(path: Path) -> str | None:
    """Why ``path`` is not a file the loader can read, or None when it is one.

    A directory, a symbolic-link loop and a device are named as such, not as "no such file".
    """
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return "no such file (a broken symbolic link)" if path.is_symlink() else "no such file"
    except OSError as exc:
        return os_reason(exc)
    if stat.S_ISDIR(mode):
        return "a directory, not a file"
    if not stat.S_ISREG(mode):
        return "not a regular file (a device, pipe or socket)"
    return None


def os_reason(error: OSError) -> str:
    """A short reason for an error the operating system gave when opening or reading a file."""
    if error.errno == errno.ELOOP:
        return "a symbolic link loop (too many levels of symbolic links)"
    if isinstance(error, PermissionError):
        return "permission denied: the loader cannot read the file"
    if isinstance(error, IsADirectoryError):
        return "a directory, not a file"
    if isinstance(error, FileNotFoundError):
        return "no such file"
    return f"cannot read the file ({error.strerror or type(error).__name__})"


def read_bytes(path: Path) -> bytes:
    """The file's bytes; a LoadError naming the reason when it cannot be read."""
    reason = file_problem(path)
    if reason is None:
        try:
            return path.read_bytes()
        except OSError as exc:
            reason = os_reason(exc)
    raise LoadError([Problem(str(path), "file", reason)])


def read_text(path: Path, legacy: str | None = None) -> str:
    """The file's text; rejects missing, empty and non-UTF-8 files with the place of the fault.

    ``legacy`` names a single-byte encoding to accept when the bytes are not UTF-8 (PxWeb
    writes its CSV exports in Windows-1252). Text with NUL characters is rejected: it is
    binary, or UTF-16 without a byte-order mark.
    """
    raw = read_bytes(path)
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        raise LoadError([Problem(str(path), "file", "UTF-16 text: save the file as UTF-8")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        text = _decode_legacy(path, raw, legacy, exc)
    if not text.strip():
        raise LoadError([Problem(str(path), "file", "the file is empty")])
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LoadError(
            [
                Problem(
                    str(path),
                    f"line {line}",
                    "NUL bytes in the text (binary, or "
                    "UTF-16 without a byte-order mark?); save the file as UTF-8",
                )
            ]
        )
    return text


def _decode_legacy(path: Path, raw: bytes, legacy: str | None, error: UnicodeDecodeError) -> str:
    if legacy:
        try:
            return raw.decode(legacy)
        except UnicodeDecodeError as exc:
            error = exc
    line = raw[: error.start].count(b"\n") + 1
    also = f" nor {legacy}" if legacy else ""
    raise LoadError(
        [
            Problem(
                str(path),
                f"line {line}",
                f"not UTF-8{also} text (byte 0x{raw[error.start]:02X}); save the file as UTF-8",
            )
        ]
    ) from None


def first_line(text: str) -> tuple[int, str]:
    """The first line with anything but blanks on it, and its number."""
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            return number, line
    return 1, ""


def delimiter_hint(text: str) -> str:
    """A hint such as " (the file seems to use ';' as delimiter; use commas)", or "".

    A delimiter fits when the header and the first row split into the same number of fields
    (more than one) by it. The hint names a semicolon, tab or bar that fits where the comma
    does not: labels with commas in them (PxWeb's "<variable>, <month>") make the header alone
    misleading. A file with a header only is judged by it alone.
    """
    lines = [line for line in text.splitlines() if line.strip()][:2]

    def fields(delim: str) -> list[int]:
        return [len(next(csv.reader([line], delimiter=delim), [])) for line in lines]

    def fits(delim: str) -> bool:
        counts = fields(delim)
        return len(set(counts)) == 1 and counts[0] > 1

    if not lines or (len(lines) > 1 and fits(",")):
        return ""
    for delim in (";", "\t", "|"):
        if fits(delim) if len(lines) > 1 else fields(delim)[0] > fields(",")[0]:
            return f" (the file seems to use {delim!r} as delimiter; use commas)"
    return ""


def _reject_excel_sep(path: Path, text: str) -> None:
    number, line = first_line(text)
    match = EXCEL_SEP.fullmatch(line)
    if match:
        also = "" if match[1] == "," else " and save the file with commas"
        raise LoadError(
            [
                Problem(
                    str(path),
                    f"line {number}",
                    f"Excel's {_show(line.strip())} line before the header: delete it{also} "
                    "(the first line must be the header)",
                )
            ]
        )


def csv_records(path: Path, text: str) -> list[tuple[int, list[str]]]:
    """Non-blank CSV records with the number of the line each starts on (blank lines count).

    A line of blanks only is a blank line. A file that starts with Excel's ``sep=`` line is
    rejected with that reason.
    """
    _reject_excel_sep(path, text)
    reader = csv.reader(io.StringIO(text, newline=""))
    records = []
    start = 1
    try:
        for row in reader:
            if row and not (len(row) == 1 and not row[0].strip()):
                # Numbered by the line a record starts on: a quoted field can span lines.
                records.append((start, row))
            start = reader.line_num + 1
    except csv.Error as exc:
        reason = (
            f"a field longer than {csv.field_size_limit():,} characters"
            if "field larger" in str(exc)
            else f"unreadable CSV ({exc})"
        )
        raise LoadError([Problem(str(path), f"line {start}", reason)]) from None
    return records


def _normal_name(name: str) -> str:
    """A column name compared case- and whitespace-insensitively."""
    return re.sub(r"\s+", "", name).lower()


def _csv_rows(
    path: Path, text: str, expected: tuple[str, ...], *, normalise: bool = False
) -> tuple[list[str], list[list[str]], list[int]]:
    """Header, rows and their line numbers, rejecting truncated and mis-delimited files.

    ``normalise``: compare column names case- and whitespace-insensitively (the header is
    returned normalised).
    """
    records = csv_records(path, text)
    if not records:
        raise LoadError([Problem(str(path), "line 1", "the file has no header")])
    head_line, raw = records[0]
    at_head = f"line {head_line}"
    header = [_normal_name(h) if normalise else h.strip() for h in raw]
    if normalise:
        # Excel saves trailing empty columns as empty names with empty cells: not columns.
        while (
            header
            and header[-1] == ""
            and all(
                len(row) < len(header) or not row[len(header) - 1].strip()
                for _n, row in records[1:]
            )
        ):
            header.pop()
            records = [(n, row[: len(header)]) for n, row in records]
    repeated = sorted({h for h in header if header.count(h) > 1})
    if repeated:
        problems = []
        for name in repeated:
            spelt = sorted({raw[i].strip() for i, h in enumerate(header) if h == name})
            also = f" (as {' and '.join(map(repr, spelt))})" if len(spelt) > 1 else ""
            problems.append(
                Problem(str(path), at_head, f"column {name!r} appears more than once{also}")
            )
        raise LoadError(problems)
    missing = [c for c in expected if c not in header]
    if missing:
        hint = delimiter_hint(text)
        raise LoadError(
            [Problem(str(path), at_head, f"missing columns: {', '.join(missing)}{hint}")]
        )
    rows = [row for _line, row in records[1:]]
    lines = [line for line, _row in records[1:]]
    problems = []
    last = lines[-1] if lines else 0
    # A last row with fewer fields and no line break after it was cut off. One with every
    # field is complete, even when its last field is empty (an empty optional column).
    unterminated = not text.endswith(("\n", "\r"))
    for number, row in zip(lines, rows, strict=True):
        if len(row) != len(header):
            cut = number == last and unterminated and len(row) < len(header)
            problems.append(
                Problem(
                    str(path),
                    f"line {number}",
                    f"{len(row)} fields where the header has {len(header)}"
                    + (" (truncated file?)" if cut else ""),
                )
            )
    if problems:
        raise LoadError(problems)
    return header, rows, lines


def _to_number(text: str) -> float | None:
    """Parse a number as written in a data file; None for empty. Raises ValueError otherwise.

    Only :data:`NUMBER` is a number: ASCII digits with an optional sign, decimal point and
    exponent. Overflow to infinity is an error.
    """
    text = text.strip()
    if text == "":
        return None
    if not NUMBER.fullmatch(text):
        raise ValueError(text)
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise ValueError(text)
    return value


def _number_hint(text: str) -> str:
    """Why a cell that looks numeric is not a number, or ""."""
    if any(ch.isdigit() and not ch.isascii() for ch in text):
        return " (digits other than 0-9)"
    if "_" in text and any(ch.isdigit() for ch in text):
        return " (write numbers without digit separators)"
    if re.fullmatch(r"\s*[+-]?[0-9]+,[0-9]+\s*", text):
        return " (a decimal comma: write a point)"
    return ""


def _numbers(path: Path, column: str, cells: list[str], lines: list[int]) -> list[float | None]:
    values: list[float | None] = []
    problems: list[Problem] = []
    for cell, line in zip(cells, lines, strict=True):
        try:
            values.append(_to_number(cell))
        except ValueError:
            values.append(None)
            problems.append(
                Problem(
                    str(path),
                    f"line {line}",
                    f"{column}: {_show(cell)} is not a number{_number_hint(cell)}",
                )
            )
    if problems:
        raise LoadError(problems)
    return values


def _show(value: object, limit: int = 40) -> str:
    """A value quoted for a message, cut short so a hostile cell cannot flood the output."""
    text = repr(str(value))
    return text if len(text) <= limit else text[: limit - 4] + "…'"


def _long_header(path: Path, header: list[str], line: int = 1) -> dict[str, int]:
    """Map the long CSV's known column names to their positions, rejecting anything else.

    Names match case- and whitespace-insensitively (``Value`` and `` value `` are ``value``).
    A column that is not a known one is an error, never ignored: a misspelt optional column
    (``organizer``) would otherwise be read as its default (organiser ``all``) and overwrite
    the published total. (:func:`_csv_rows` has rejected the same name twice.)
    """
    known = (*LONG_REQUIRED, *LONG_OPTIONAL)
    positions: dict[str, list[int]] = {}
    problems: list[Problem] = []
    for i, raw in enumerate(header):
        name = _normal_name(raw)
        if name in known:
            positions.setdefault(name, []).append(i)
            continue
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        shown = _show(raw) if raw.strip() else "(an empty name)"
        problems.append(
            Problem(
                str(path),
                f"line {line}, column {i + 1}",
                f"unknown column {shown}{hint} (the long format has {', '.join(known)})",
            )
        )
    if problems:
        raise LoadError(problems)
    return {name: where[0] for name, where in positions.items()}


def read_long_csv(path: Path) -> Parsed:
    """Read the project's long CSV format (see README, "Loading data")."""
    text = read_text(path)
    header, rows, lines = _csv_rows(path, text, LONG_REQUIRED, normalise=True)
    col = _long_header(path, header, first_line(text)[0])

    def cells(name: str, default: str = "") -> list[str]:
        return [r[col[name]].strip() for r in rows] if name in col else [default] * len(rows)

    flags = cells("flag")
    bad_flags = [
        Problem(str(path), f"line {n}", f"flag: {_show(f)} is not one of suppressed, preliminary")
        for f, n in zip(flags, lines, strict=True)
        if f not in FLAGS
    ]
    if bad_flags:
        raise LoadError(bad_flags)
    values = _numbers(path, "value", cells("value"), lines)
    frame = pd.DataFrame(
        {
            "indicator": cells("indicator"),
            "area_level": cells("area_level"),
            "area_code": cells("area_code"),
            "month": cells("month"),
            "value": pd.array(values, dtype="Float64").astype("float64"),
            "suppressed": [FLAGS[f][0] for f in flags],
            "preliminary": [FLAGS[f][1] for f in flags],
            "organiser": cells("organiser", "all"),
            "target_group": cells("target_group", "all"),
            "where": [f"line {n}" for n in lines],
        }
    )
    frame["organiser"] = frame["organiser"].replace("", "all")
    frame["target_group"] = frame["target_group"].replace("", "all")
    vintages = {v for v in cells("vintage") if v}
    divisions = {d for d in cells("division") if d}
    parsed = Parsed(path, "long_csv", frame)
    if len(vintages) > 1:
        raise LoadError([Problem(str(path), "column vintage", "more than one vintage in a file")])
    parsed.vintage_where = "column vintage"
    if vintages:
        parsed.vintage = parse_date(path, "column vintage", vintages.pop())
    if len(divisions) > 1:
        raise LoadError([Problem(str(path), "column division", "more than one division")])
    if divisions:
        parsed.division = parse_division(path, divisions.pop())
    return parsed


def parse_date(path: Path | str, where: str, text: str) -> date:
    """A YYYY-MM-DD date, or a LoadError naming where it came from."""
    text = str(text).strip()
    try:
        if DATE.fullmatch(text):
            return date.fromisoformat(text)
        if TIMESTAMP.fullmatch(text):
            return datetime.fromisoformat(text).date()
    except ValueError:
        pass
    raise LoadError([Problem(str(path), where, f"{_show(text)} is not a date YYYY-MM-DD")])


def parse_division(path: Path | str, text: str) -> int:
    """A municipal division year such as 2025 (whether it is one the loader knows is checked
    by :func:`data_access.validation.check_division`).
    """
    if not re.fullmatch(r"(19|20)[0-9][0-9]", str(text).strip()):
        raise LoadError([Problem(str(path), "division", f"{_show(text)} is not a year")])
    return int(text)


@dataclass(frozen=True)
class WideSpec:
    """How a shipped wide CSV maps onto the long format (one entry of data/manifest.toml)."""

    area_column: str
    columns: Mapping[str, str]
    area_level: str | None = None
    level_column: str | None = None
    level_map: Mapping[str, str] = field(default_factory=dict)
    target_group_column: str | None = None
    target_group_map: Mapping[str, str] = field(default_factory=dict)
    month_column: str = "month"
    skip_empty: tuple[str, ...] = ()


def read_wide_csv(path: Path, spec: WideSpec) -> Parsed:
    """Read a wide CSV (one row per area and month, one column per indicator).

    An empty cell means the source did not publish the value (it suppressed a small count or
    had no figure): it is stored as suppressed, not as zero.
    """
    text = read_text(path)
    expected = (spec.area_column, spec.month_column, *spec.columns)
    expected += tuple(c for c in (spec.level_column, spec.target_group_column) if c)
    header, rows, lines = _csv_rows(path, text, expected)
    col = {name: i for i, name in enumerate(header)}
    areas = [r[col[spec.area_column]].strip() for r in rows]
    months = [r[col[spec.month_column]].strip() for r in rows]
    if spec.level_column:
        raw_levels = [r[col[spec.level_column]].strip() for r in rows]
        levels = [spec.level_map.get(v, v) for v in raw_levels]
    else:
        levels = [spec.area_level or "municipality"] * len(rows)
    if spec.target_group_column:
        raw_groups = [r[col[spec.target_group_column]].strip() for r in rows]
        groups = [spec.target_group_map.get(v, v) for v in raw_groups]
    else:
        groups = ["all"] * len(rows)
    parts = []
    for column, indicator in spec.columns.items():
        values = _numbers(path, column, [r[col[column]] for r in rows], lines)
        part = pd.DataFrame(
            {
                "indicator": indicator,
                "area_level": levels,
                "area_code": areas,
                "month": months,
                "value": pd.array(values, dtype="Float64").astype("float64"),
                "organiser": "all",
                "target_group": groups,
                "where": [f"line {n}, column {column}" for n in lines],
            }
        )
        part["suppressed"] = part["value"].isna()
        part["preliminary"] = False
        if column in spec.skip_empty:
            part = part[~part["suppressed"]]
        parts.append(part)
    frame = pd.concat(parts, ignore_index=True)[[*LONG_COLUMNS, "where"]]
    return Parsed(path, "wide_csv", frame)


# --- Statistics Finland PxWeb -------------------------------------------------------------

AREA_PREFIXES = (
    ("ELY", "ely"),
    ("KU", "municipality"),
    ("MK", "region"),
    ("SK", "subregion"),
)


def split_area(code: str) -> tuple[str, str]:
    """Map a StatFin area code (``SSS``, ``KU091``, ``MK01``, ``SK011``, ``ELY01``) to
    ``(area_level, area_code)`` as stored; unknown shapes keep level ``'unknown'``.
    """
    code = code.strip()
    if code == "SSS":
        return "country", "SSS"
    for prefix, level in AREA_PREFIXES:
        if code.startswith(prefix) and code[len(prefix) :].isdigit():
            return level, code[2:] if level == "municipality" else code
    return "unknown", code


def px_month(text: str) -> str:
    """``2021M03`` → ``2021-03``; other text is returned unchanged for validation to reject."""
    match = PX_MONTH.match(text.strip())
    return f"{match[1]}-{match[2]}" if match else text.strip()


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not a number JSON allows")


def _load_json(path: Path, text: str) -> Any:
    """Parse strict JSON (no NaN or Infinity), naming the line of a fault."""
    try:
        return json.loads(text, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise LoadError(
            [Problem(str(path), f"line {exc.lineno}", f"not valid JSON ({exc.msg}; truncated?)")]
        ) from None
    except ValueError as exc:
        raise LoadError([Problem(str(path), "value", str(exc))]) from None
    except RecursionError:
        raise LoadError(
            [Problem(str(path), "file", "not valid JSON-stat: nested too deeply")]
        ) from None


def _categories(dimension: object) -> int | None:
    """How many categories a JSON-stat dimension lists; None when it lists none readably."""
    category = dimension.get("category") if isinstance(dimension, dict) else None
    if not isinstance(category, dict):
        return None
    index = category.get("index")
    if isinstance(index, list | dict):
        return len(index)
    label = category.get("label")
    return len(label) if isinstance(label, dict) else None


def _check_jsonstat_shape(path: Path, document: dict[str, Any]) -> int:
    """The parts of a JSON-stat2 dataset the reader relies on have the types it expects.

    The cube's size is checked first, before anything is expanded: every dimension must list
    as many categories as ``size`` gives, the cells they multiply to must be at most
    :data:`MAX_JSONSTAT_CELLS`, and ``value`` must hold that many values. Returns the number
    of cells.
    """
    ids, size = _jsonstat_ids_and_size(path, document)
    cells = _jsonstat_cells(path, document, ids, size)
    problems = _jsonstat_value_problems(str(path), document, cells)
    if problems:
        raise LoadError(problems)
    return cells


def _jsonstat_ids_and_size(path: Path, document: dict[str, Any]) -> tuple[list[str], list[int]]:
    """The dimension names and counts, checked for type, repeats and agreement."""
    where = str(path)
    problems = []
    ids, size = document.get("id"), document.get("size")
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        problems.append(Problem(where, "id", "JSON-stat 'id' must be a list of dimension names"))
    if not isinstance(size, list) or not all(
        isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in size
    ):
        problems.append(Problem(where, "size", "JSON-stat 'size' must be a list of counts"))
    if problems:
        raise LoadError(problems)
    assert isinstance(ids, list) and isinstance(size, list)
    repeated = sorted({i for i in ids if ids.count(i) > 1})
    if repeated:
        raise LoadError(
            [Problem(where, "id", f"dimension {_show(i)} appears more than once") for i in repeated]
        )
    if len(ids) != len(size):
        raise LoadError(
            [Problem(where, "size", f"{len(size)} counts in 'size' for {len(ids)} dimensions")]
        )
    return ids, size


def _jsonstat_cells(path: Path, document: dict[str, Any], ids: list[str], size: list[int]) -> int:
    """The number of cells, once every dimension's categories agree with ``size`` and the
    cube is not absurdly large.
    """
    where = str(path)
    dimensions = document.get("dimension")
    if not isinstance(dimensions, dict):
        raise LoadError([Problem(where, "dimension", "JSON-stat 'dimension' is missing")])
    problems = []
    for name, count in zip(ids, size, strict=True):
        listed = _categories(dimensions.get(name))
        if listed is None:
            problems.append(Problem(where, f"dimension {name}", "lists no categories"))
        elif listed != count:
            problems.append(
                Problem(
                    where,
                    f"dimension {name}",
                    f"{listed:,} categories where 'size' gives {count:,}",
                )
            )
    if problems:
        raise LoadError(problems)
    cells = math.prod(size)
    if cells > MAX_JSONSTAT_CELLS:
        raise LoadError(
            [
                Problem(
                    where,
                    "size",
                    f"the dimensions give {cells:,} cells, more than the "
                    f"{MAX_JSONSTAT_CELLS:,} a file may hold: download the table in parts",
                )
            ]
        )
    values = document.get("value")
    if isinstance(values, list) and len(values) != cells:
        raise LoadError(
            [
                Problem(
                    where,
                    "value",
                    f"{len(values)} values where the dimensions give {cells} (truncated?)",
                )
            ]
        )
    return cells


def _positions(keys: Any, cells: int) -> bool:
    """True when every key is an ASCII position below ``cells``."""
    return all(str(k).isdigit() and str(k).isascii() and int(k) < cells for k in keys)


def _jsonstat_value_problems(where: str, document: dict[str, Any], cells: int) -> list[Problem]:
    """What is wrong with the values and their status symbols (at most about 50 faults)."""
    problems = []
    values = document.get("value")
    if isinstance(values, dict) and not _positions(values, cells):
        problems.append(
            Problem(where, "value", f"JSON-stat 'value' keys must be positions below {cells}")
        )
    status = document.get("status")
    if status is not None and not isinstance(status, str | list | dict):
        problems.append(
            Problem(where, "status", "JSON-stat 'status' must be a string, a list or an object")
        )
    if isinstance(status, dict) and not _positions(status, cells):
        problems.append(Problem(where, "status", "JSON-stat 'status' keys must be value positions"))
    if isinstance(status, list) and len(status) > cells:
        problems.append(
            Problem(where, "status", f"{len(status)} status symbols for {cells} values")
        )
    cells_given = values.values() if isinstance(values, dict) else values
    if not isinstance(cells_given, (list, type({}.values()))):
        problems.append(Problem(where, "value", "JSON-stat 'value' is missing"))
        return problems
    for position, cell in enumerate(cells_given):
        if cell is not None and (isinstance(cell, bool) or not isinstance(cell, int | float)):
            problems.append(Problem(where, f"value {position}", f"{_show(cell)} is not a number"))
            if len(problems) > 50:
                break
    return problems


def _statuses(document: dict[str, Any], cells: int) -> pd.Series:
    """Each value's status symbol ("" for none), by position.

    JSON-stat2 allows three forms: one string for every value, a list by position, or an
    object keyed by position.
    """
    status = document.get("status")
    symbols = pd.Series("", index=range(cells), dtype=object)
    if isinstance(status, str):
        symbols[:] = status.strip()
    elif isinstance(status, list):
        for position, symbol in enumerate(status):
            if symbol is not None:
                symbols[position] = str(symbol).strip()
    elif isinstance(status, dict):
        for position, symbol in status.items():
            if symbol is not None:
                symbols[int(position)] = str(symbol).strip()
    return symbols


def read_jsonstat(path: Path, tiedot: Mapping[str, str]) -> Parsed:
    """Read a PxWeb JSON-stat2 dataset (dimensions area, month and Tiedot in any order).

    ``tiedot`` maps StatFin variable codes to indicator codes. The file's ``updated`` field is
    its vintage. A null value or one with the status ``..``, ``...`` or ``.`` is stored as
    suppressed, without a value; the status ``-`` (magnitude nil) is a published zero.
    """
    from pyjstat import pyjstat

    text = read_text(path)
    document = _load_json(path, text)
    if not isinstance(document, dict) or document.get("class") != "dataset":
        raise LoadError([Problem(str(path), "file", "not a JSON-stat2 dataset")])
    cells = _check_jsonstat_shape(path, document)
    ids = document.get("id") or []
    dims = {d.lower(): d for d in ids}
    area_dim = next((dims[k] for k in ("alue", "region", "område") if k in dims), None)
    month_dim = next((dims[k] for k in ("kuukausi", "month", "månad") if k in dims), None)
    info_dim = next((dims[k] for k in ("tiedot", "information", "uppgifter") if k in dims), None)
    missing = [
        name
        for name, dim in (
            ("area (Alue)", area_dim),
            ("month (Kuukausi)", month_dim),
            ("Tiedot", info_dim),
        )
        if dim is None
    ]
    if missing:
        raise LoadError(
            [Problem(str(path), "dimensions", f"missing dimension(s): {', '.join(missing)}")]
        )
    try:
        table = pyjstat.Dataset.read(text).write("dataframe", naming="id")
    except Exception as exc:  # pyjstat raises bare errors on malformed documents
        raise LoadError([Problem(str(path), "file", f"malformed JSON-stat2: {exc}")]) from None
    if len(table) != cells:
        raise LoadError(
            [Problem(str(path), "file", f"malformed JSON-stat2: {len(table)} cells, not {cells}")]
        )
    table = table.reset_index(drop=True)
    other_dims = [d for d in ids if d not in (area_dim, month_dim, info_dim)]
    problems = [
        Problem(str(path), f"dimension {d}", "has more than one category; select one")
        for d in other_dims
        if table[d].nunique() > 1
    ]
    if problems:
        raise LoadError(problems)
    levels_codes = [split_area(c) for c in table[area_dim]]
    frame = pd.DataFrame(
        {
            "indicator": [tiedot.get(c, f"?{c}") for c in table[info_dim]],
            "area_level": [lc[0] for lc in levels_codes],
            "area_code": [lc[1] for lc in levels_codes],
            "month": [px_month(m) for m in table[month_dim]],
            "value": table["value"].astype("float64"),
            "organiser": "all",
            "target_group": "all",
        }
    )
    frame["where"] = [
        f"record {a}/{m}/{t}"
        for a, m, t in zip(table[area_dim], table[month_dim], table[info_dim], strict=True)
    ]
    symbols = _statuses(document, cells)
    nil = (symbols == PXWEB_NIL).to_numpy()
    contradicted = nil & frame["value"].notna().to_numpy() & (frame["value"] != 0).to_numpy()
    if contradicted.any():
        raise LoadError(
            [
                Problem(
                    str(path),
                    row.where,
                    f"status '-' (magnitude nil) with the value {row.value:g}",
                )
                for row in frame[contradicted].head(50).itertuples()
            ]
        )
    frame.loc[nil, "value"] = 0.0
    frame["suppressed"] = frame["value"].isna() | symbols.isin(PXWEB_MISSING).to_numpy()
    frame.loc[frame["suppressed"], "value"] = float("nan")
    frame["preliminary"] = False
    parsed = Parsed(path, "pxweb_jsonstat2", frame[[*LONG_COLUMNS, "where"]])
    parsed.vintage_where = "updated"
    if document.get("updated"):
        parsed.vintage = parse_date(path, "updated", str(document["updated"]))
    parsed.source = str(document.get("source") or "Statistics Finland") + (
        f", {document['label']}" if document.get("label") else ""
    )
    parsed.extra["unknown_tiedot"] = sorted({c for c in table[info_dim] if c not in tiedot})
    return parsed


def read_pxweb_csv(
    path: Path, *, labels: Mapping[str, str], area_names: Mapping[str, tuple[str, str]]
) -> Parsed:
    """Read a PxWeb CSV export with areas as rows and "<variable>, <time>" columns.

    The export may be UTF-8 or, as PxWeb writes it, Windows-1252, and must be comma-separated.
    A cell ``..``, ``...`` or ``.`` (or an empty one) is stored as suppressed; ``-``
    (magnitude nil) is a published zero.

    PxWeb CSV carries labels, not codes: ``labels`` maps variable labels (any language) to
    indicator codes and ``area_names`` maps area labels (or ``KU091``-style codes) to
    ``(area_level, area_code)``. Exact matches only; anything else is reported.
    """
    text = read_text(path, legacy="cp1252")
    table = csv_records(path, text)
    if len(table) < 2:
        raise LoadError([Problem(str(path), "line 2", "no data rows")])
    head_line, header = table[0]
    at_head = f"line {head_line}"
    hint = delimiter_hint(text)
    if hint:
        raise LoadError([Problem(str(path), at_head, f"not comma-separated{hint}")])
    if len(header) < 2:
        raise LoadError(
            [Problem(str(path), at_head, "one column only: not a PxWeb CSV (delimiter?)")]
        )
    problems: list[Problem] = []
    columns: list[tuple[int, str, str]] = []
    for i, title in enumerate(header[1:], start=1):
        label, _, period = title.rpartition(",") if "," in title else ("", "", title)
        label, period = label.strip(), period.strip()
        match = PX_MONTH.match(period)
        if label not in labels:
            problems.append(
                Problem(str(path), f"{at_head}, column {i + 1}", f"unknown variable {_show(label)}")
            )
        if not match:
            reason = (
                f"{_show(period)} is a year: annual data is not a monthly series"
                if period.isdigit()
                else f"{_show(period)} is not a month such as 2021M03"
            )
            problems.append(Problem(str(path), f"{at_head}, column {i + 1}", reason))
        if label in labels and match:
            columns.append((i, labels[label], px_month(period)))
    records = []
    for number, row in table[1:]:
        if len(row) != len(header):
            problems.append(
                Problem(str(path), f"line {number}", f"{len(row)} fields, header has {len(header)}")
            )
            continue
        name = row[0].strip()
        area = area_names.get(name) or area_names.get(name.split(" ", 1)[0])
        if area is None:
            problems.append(Problem(str(path), f"line {number}", f"unknown area {_show(name)}"))
            continue
        for i, indicator, month in columns:
            cell = row[i].strip().strip('"')
            suppressed = cell in PXWEB_MISSING
            try:
                value = 0.0 if cell == PXWEB_NIL else None if suppressed else _to_number(cell)
            except ValueError:
                problems.append(
                    Problem(
                        str(path),
                        f"line {number}, column {i + 1}",
                        f"{_show(cell)} is not a number{_number_hint(cell)}",
                    )
                )
                continue
            records.append(
                (
                    indicator,
                    area[0],
                    area[1],
                    month,
                    value,
                    suppressed or value is None,
                    f"line {number}, column {i + 1}",
                )
            )
    if problems:
        raise LoadError(problems)
    frame = pd.DataFrame(
        records,
        columns=["indicator", "area_level", "area_code", "month", "value", "suppressed", "where"],
    )
    frame["value"] = frame["value"].astype("float64")
    frame["preliminary"] = False
    frame["organiser"] = "all"
    frame["target_group"] = "all"
    return Parsed(path, "pxweb_csv", frame[[*LONG_COLUMNS, "where"]])
