"""Export files (PNG, SVG, CSV, XLSX) that carry their title, source, vintage and view link."""

from __future__ import annotations

import io
import math
import numbers
import re
import textwrap
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Protocol

import numpy as np
import pandas as pd
import vl_convert as vlc
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from i18n import LANGS, t, vega_locale
from indicators.disclosure import SUPPRESSED_MARK, DisclosurePolicy, legend

#: Width in pixels given to charts drawn with ``width="container"`` (no container in a file).
EXPORT_WIDTH = 800
#: Height in pixels given to charts drawn with ``height="container"``.
EXPORT_HEIGHT = 400

#: Columns that say why a cell is hidden; an export must not reveal which cell was primary.
INTERNAL_COLUMNS = ("suppression",)

# OWASP CSV injection: a cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
_CSV_NEEDS_QUOTES = re.compile(r'[",\r\n#]|^\s|\s$')
_TRANSLITERATION = str.maketrans(
    {"ä": "a", "ö": "o", "å": "a", "Ä": "A", "Ö": "O", "Å": "A", "ß": "ss", "æ": "ae",
     "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ð": "d", "Ð": "D", "þ": "th",
     "Þ": "TH", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D"}
)  # fmt: skip


@dataclass(frozen=True, kw_only=True)
class ExportMeta:
    """Provenance written into every export of a view.

    Parameters
    ----------
    title
        What the file shows, in the UI language.
    source
        Attribution text, e.g. the ``app.source_note`` message.
    vintage
        Which release of the data, e.g. ``"StatFin 12r5, published 2023-12-05"``.
    view_url
        The address of the view, so that a reader can open it again ("cite this view").
    lang
        UI language (fi, sv or en) of the labels and of the default notes.
    suppression_note
        Disclosure-control note; ``None`` gives ``DisclosurePolicy().note(lang)``.
    generated_at
        When the file was made; timezone-aware, by default now in UTC.
    specification
        What exactly the figures are (outcome, comparison group, window, reference month,
        interval, sample sizes): a subtitle of a chart and a notes line of a table.
    """

    title: str
    source: str
    vintage: str
    view_url: str
    lang: str
    suppression_note: str | None = None
    generated_at: datetime = field(default_factory=lambda: datetime.now(UTC))
    specification: str = ""

    def __post_init__(self) -> None:
        if self.lang not in LANGS:
            raise ValueError(f"lang must be one of {LANGS}, got {self.lang!r}")
        if self.generated_at.tzinfo is None or self.generated_at.utcoffset() is None:
            raise ValueError("generated_at must be timezone-aware (e.g. datetime.now(UTC))")
        if self.suppression_note is None:
            object.__setattr__(self, "suppression_note", DisclosurePolicy().note(self.lang))

    @property
    def generated_text(self) -> str:
        """``generated_at`` as ``YYYY-MM-DD HH:MM UTC``, the same in every language."""
        return self.generated_at.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")

    def label(self, key: str) -> str:
        """The label of a provenance field (``source``, ``vintage``, …) in ``lang``."""
        return t(f"file.{key}", self.lang)

    def fields(self) -> dict[str, str]:
        """The provenance values by key, in order.

        The keys are ``title``, ``source``, ``vintage``, ``disclosure``, ``view_url`` and
        ``generated_at``.
        """
        values = {
            "title": self.title,
            "source": self.source,
            "vintage": self.vintage,
            "disclosure": self.suppression_note or "",
            "view_url": self.view_url,
            "generated_at": self.generated_text,
        }
        if self.specification:
            values = {"title": self.title, "notes": self.specification, **values}
        # A text that already opens with its label ("Lähde: Tilastokeskus…") loses it here,
        # so that it does not read "Lähde: Lähde: …" after the label.
        return {key: _without_label(self.label(key), value) for key, value in values.items()}

    def items(self) -> list[tuple[str, str]]:
        """The provenance as ``(label, value)`` pairs in ``lang``, title first."""
        return [(self.label(key), value) for key, value in self.fields().items()]


# --------------------------------------------------------------------------------------------
# Charts


class ChartLike(Protocol):
    """Anything with a Vega-Lite spec: an Altair chart, or a cached spec standing in for one."""

    def to_dict(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """The chart's Vega-Lite spec."""
        ...


def export_spec(
    chart: ChartLike,
    meta: ExportMeta,
    *,
    width: int = EXPORT_WIDTH,
    disclosure_note: bool = False,
) -> dict[str, Any]:
    """The Vega-Lite spec of ``chart`` with the title above it and a provenance footer below.

    Parameters
    ----------
    chart
        Any top-level Altair chart (unit, layer, concat, facet), configured or not.
    meta
        Title and provenance; the footer has the source, vintage, creation time and view link.
    width
        Width in pixels for views drawn with ``width="container"``, and of the footer when
        the chart's own width is not a number.
    disclosure_note
        Also put the disclosure-control note in the footer.

    Returns
    -------
    dict
        The title, then the chart inside a one-view ``vconcat`` whose bottom title is the
        footer. Top-level properties (``config`` with its ``locale``, ``datasets``,
        ``params``, ``background``…) move to the outer spec. A chart without a locale gets
        the one of ``meta.lang``. The chart is not modified.
    """
    spec = chart.to_dict()  # a fresh dict: changing it leaves the chart alone
    outer: dict[str, Any] = {}
    for key in ("$schema", "config", "datasets", "params", "autosize", "background", "padding"):
        if key in spec:
            outer[key] = spec.pop(key)
    _fix_container_size(spec, width)
    config = outer.setdefault("config", {})
    # The chart's own locale wins; what it lacks (number or time) comes from ``meta.lang``.
    config["locale"] = {**vega_locale(meta.lang), **config.get("locale", {})}
    outer.setdefault("background", "white")

    own_width = spec.get("width")
    footer_width = own_width if isinstance(own_width, int | float) else width
    keys = ["source", "vintage", *(["disclosure"] if disclosure_note else []), "generated_at"]
    values = meta.fields()
    lines = [f"{meta.label(key)}: {_one_line(values[key])}" for key in [*keys, "view_url"]]
    chars = max(40, int(footer_width / 5.6))  # about 5.6 px a character at 10 px
    wrapped = [
        part
        for line in lines
        # URLs are not broken: a link split over two lines cannot be copied.
        for part in textwrap.wrap(line, chars, break_long_words=False, break_on_hyphens=False)
    ]
    # The footer is the bottom title of a one-chart concat: a title framed by the bounds starts
    # at the left edge like the main title, where a text view would start past the y axis.
    footer = {
        "text": wrapped,
        "orient": "bottom",
        "anchor": "start",
        "frame": "bounds",
        "offset": 16,
        "fontSize": 10,
        "fontWeight": "normal",
        "lineHeight": 14,
        "color": "#444",
    }
    return {
        **outer,
        "title": {
            "text": meta.title,
            "anchor": "start",
            "fontSize": 15,
            "offset": 12,
            **(
                {
                    "subtitle": textwrap.wrap(_one_line(meta.specification), chars),
                    "subtitleFontSize": 11,
                    "subtitleColor": "#333",
                }
                if meta.specification
                else {}
            ),
        },
        "vconcat": [{"vconcat": [spec], "title": footer}],
    }


def chart_png(
    chart: ChartLike, meta: ExportMeta, *, scale: float = 2, disclosure_note: bool = False
) -> bytes:
    """The chart with its title and provenance footer as PNG (``scale`` × CSS pixels).

    Parameters
    ----------
    chart
        Any top-level Altair chart; ``width="container"`` becomes :data:`EXPORT_WIDTH`.
    meta
        Title and provenance, see :func:`export_spec`.
    scale
        Pixel density: 2 gives a sharp image on high-resolution screens and in print.
    disclosure_note
        Also put the disclosure-control note in the footer.

    Returns
    -------
    bytes
        The PNG file, rendered offline by vl-convert with the chart's number and time locale.
    """
    spec = export_spec(chart, meta, disclosure_note=disclosure_note)
    return bytes(vlc.vegalite_to_png(spec, scale=scale, **_convert_options(spec)))


def chart_svg(chart: ChartLike, meta: ExportMeta, *, disclosure_note: bool = False) -> bytes:
    """The chart with its title and provenance footer as an SVG file (UTF-8); the parameters
    are those of :func:`chart_png` but ``scale`` (a vector image has no pixel density).

    Returns
    -------
    bytes
        The SVG document; texts stay text, so the title, source and link can be searched.
    """
    spec = export_spec(chart, meta, disclosure_note=disclosure_note)
    return str(vlc.vegalite_to_svg(spec, **_convert_options(spec))).encode("utf-8")


def _convert_options(spec: dict[str, Any]) -> dict[str, Any]:
    """vl-convert arguments: the Vega-Lite version of the spec and its locale, passed again."""
    options: dict[str, Any] = {}
    match = re.search(r"/v(\d+)\.(\d+)", str(spec.get("$schema", "")))
    if match and f"{match[1]}.{match[2]}" in vlc.get_vegalite_versions():
        options["vl_version"] = f"{match[1]}.{match[2]}"
    locale = spec.get("config", {}).get("locale", {})
    if locale.get("number"):
        options["format_locale"] = locale["number"]
    if locale.get("time"):
        options["time_format_locale"] = locale["time"]
    return options


def _fix_container_size(node: Any, width: int) -> None:
    """Replace ``"container"`` widths and heights in a spec (in place); data is skipped."""
    if isinstance(node, list):
        for item in node:
            _fix_container_size(item, width)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in ("data", "datasets"):
                continue
            if key == "width" and value == "container":
                node[key] = width
            elif key == "height" and value == "container":
                node[key] = EXPORT_HEIGHT
            else:
                _fix_container_size(value, width)


# --------------------------------------------------------------------------------------------
# Tables


def neutralise_formula(text: str) -> str:
    """Prefix an apostrophe to text a spreadsheet would run as a formula (OWASP CSV injection).

    Text starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return, or with the
    full-width ``＝ ＋ － ＠``, gets a leading ``'``; other text is returned unchanged. Apply it
    to text only: numbers, negative ones included, are written as numbers.
    """
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def prepare_table(
    frame: pd.DataFrame,
    *,
    value_columns: Sequence[str],
    suppressed_column: str = "suppressed",
    lang: str,
) -> pd.DataFrame:
    """The table as shown on screen, ready for :func:`table_csv` and :func:`table_xlsx`.

    Parameters
    ----------
    frame
        The rows shown, with the figures in ``value_columns`` and the disclosure flag in
        ``suppressed_column`` (as :func:`indicators.disclosure.suppress_cells` returns them).
        Without that column, a ``suppression`` column (reason or ``None``) is used instead.
    value_columns
        Columns whose figure is hidden in a suppressed row.
    suppressed_column
        Boolean column: True where the row's figures are suppressed.
    lang
        Language of the yes/no texts that replace any other boolean column.

    Returns
    -------
    pandas.DataFrame
        A copy where each suppressed figure is ``'..'`` (whatever value the frame still held),
        other figures stay numbers (missing ones NaN), the flag and the ``suppression`` reason
        columns are dropped (an export must not tell which cell was the primary one), and
        boolean columns read ``Kyllä``/``Ei``, ``Ja``/``Nej`` or ``Yes``/``No``.
    """
    if lang not in LANGS:
        raise ValueError(f"lang must be one of {LANGS}, got {lang!r}")
    missing = [c for c in value_columns if c not in frame.columns]
    if missing:
        raise KeyError(f"value columns not in the frame: {missing}")
    if suppressed_column in frame.columns:
        flags = frame[suppressed_column].fillna(False).astype(bool).to_numpy()
    elif "suppression" in frame.columns:
        flags = frame["suppression"].notna().to_numpy()
    else:
        flags = np.zeros(len(frame), dtype=bool)
    drop = [c for c in (suppressed_column, *INTERNAL_COLUMNS) if c in frame.columns]
    out = frame.drop(columns=drop)
    for column in value_columns:
        values = out[column].astype(object).to_numpy(copy=True)
        values[flags] = SUPPRESSED_MARK
        out[column] = pd.Series(values, index=out.index, dtype=object)
    yes, no = t("file.yes", lang), t("file.no", lang)
    for column in out.columns:
        if column not in value_columns and pd.api.types.is_bool_dtype(out[column]):
            out[column] = out[column].map({True: yes, False: no}).astype(object)
    return out


def table_csv(frame: pd.DataFrame, meta: ExportMeta, *, metadata: bool = True) -> bytes:
    """The table as CSV: UTF-8 with a BOM, commas, CRLF, the provenance in ``#`` lines on top.

    Parameters
    ----------
    frame
        The table as shown (see :func:`prepare_table`); the index is not written.
    meta
        Provenance. With ``metadata`` it opens the file as one line per field, each a CSV
        record whose first field is ``#``: ``#,Lähde,"Tilastokeskus, …"``. A blank line
        follows, then the header row and the data.
    metadata
        False writes the bare table, for tools that cannot skip comment lines.

    Returns
    -------
    bytes
        The file. ``pandas.read_csv(f, comment="#", na_values="..")`` reads the table back
        (default C engine; a ``#`` inside a data field is always quoted, so it never starts a
        comment), and any CSV reader can pick the provenance out as the rows whose first field
        is ``#``. Excel opens it with the right characters thanks to the BOM. pandas also
        reads texts such as ``NA`` or ``#N/A`` as missing by default; to keep them, add
        ``keep_default_na=False, na_values=["", ".."]``.

    Notes
    -----
    Numbers are written unquoted with a decimal point (integers without ``.0``), suppressed
    figures as ``..``, missing ones as an empty field. Text that a spreadsheet would run as
    a formula gets a leading apostrophe (:func:`neutralise_formula`), in the header, the data
    and the provenance alike. The provenance values are put on one line each.
    """
    lines: list[str] = []
    if metadata:
        # The '#' must open the line unquoted, or readers would not see a comment.
        lines += [
            "#," + ",".join(_csv_quote(neutralise_formula(_one_line(text))) for text in pair)
            for pair in meta.items()
        ]
        lines.append("")
    lines.append(",".join(_csv_quote(_csv_field(_header(c))) for c in frame.columns))
    lines += [
        ",".join(_csv_quote(_csv_field(v)) for v in row)
        for row in frame.itertuples(index=False, name=None)
    ]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8-sig")


def table_xlsx(frame: pd.DataFrame, meta: ExportMeta) -> bytes:
    """The table as an Excel workbook: a data sheet and an About sheet with the provenance.

    Parameters
    ----------
    frame
        The table as shown (see :func:`prepare_table`); the index is not written.
    meta
        Provenance and language (sheet names ``Tiedot``/``Tietoja``, ``Data``/``Om``,
        ``Data``/``About``).

    Returns
    -------
    bytes
        The ``.xlsx`` file. The data sheet has the header in bold and frozen, a filter, fitted
        column widths, numbers as numbers (``#,##0`` or ``#,##0.0##``: Excel shows them with
        the reader's separators), suppressed figures as the text ``..`` (never 0), missing
        ones empty, and below the table, after a blank row, the legend of the symbols. The
        About sheet lists title, source, vintage, disclosure note, link (clickable when
        http or https) and creation time.

    Notes
    -----
    Every text cell is stored as a string (``data_type 's'``), never as a formula or an error
    code, and text that a spreadsheet would run as a formula gets a leading apostrophe, as in
    :func:`table_csv`, so that editing the cell or copying the data out stays harmless.
    """
    data_name, about_name = t("file.sheet.data", meta.lang), t("file.sheet.about", meta.lang)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = data_name
    headers = [_header(c) for c in frame.columns]
    _write_xlsx_header(ws, headers)
    any_missing = False
    widths = [min(len(h), 40) for h in headers]
    for col in range(1, len(headers) + 1):
        widths[col - 1], missing = _write_xlsx_column(
            ws, col, frame.iloc[:, col - 1].tolist(), widths[col - 1]
        )
        any_missing = any_missing or missing
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = min(max(width + 2, 6), 60)
    ws.freeze_panes = "A2"
    if len(headers):
        ws.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(frame) + 1}"
    legends = [legend(meta.lang)]
    if any_missing:
        legends.append(t("file.empty_legend", meta.lang))
    _write_xlsx_legends(ws, legends, first_row=len(frame) + 3)
    _write_xlsx_about(wb.create_sheet(about_name), meta)

    wb.properties.title = _clean(meta.title)
    wb.properties.creator = "Seuranta"
    wb.properties.created = meta.generated_at.astimezone(UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def _write_xlsx_header(ws: Worksheet, headers: list[str]) -> None:
    """Write the header row of the data sheet: bold, top-aligned, wrapped."""
    for col, name in enumerate(headers, start=1):
        cell = ws.cell(row=1, column=col)
        _set_text(cell, name)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)


def _write_xlsx_column(ws: Worksheet, col: int, values: list[Any], width: int) -> tuple[int, bool]:
    """Write one data column; return its fitted width and whether a cell of numbers is empty."""
    cells = [_xlsx_value(v) for v in values]
    numbers_ = [v for v in cells if isinstance(v, int | float) and not isinstance(v, bool)]
    integral = all(float(v).is_integer() for v in numbers_)
    number_format = "#,##0" if integral else "#,##0.0##"
    # An empty cell needs the legend line only in a column of numbers (not in a text column)
    missing = False
    for row, value in enumerate(cells, start=2):
        cell = ws.cell(row=row, column=col)
        if value is None:
            missing = missing or bool(numbers_)
            continue
        _set_xlsx_value(cell, value, number_format)
        if row < 1002:  # fitting the width on the first thousand rows is enough
            width = max(width, _display_len(value, number_format))
    return width, missing


def _set_xlsx_value(cell: Cell, value: Any, number_format: str) -> None:
    """Store one non-empty value in a data cell: text as text, numbers with their format."""
    if isinstance(value, str):
        _set_text(cell, value)
        if value == SUPPRESSED_MARK:
            cell.alignment = Alignment(horizontal="right")
    else:
        cell.value = value
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell.number_format = number_format


def _write_xlsx_legends(ws: Worksheet, legends: list[str], *, first_row: int) -> None:
    """Write the legend lines in italics, one per row from ``first_row`` down in column A."""
    italic = Font(italic=True, color="555555")
    for offset, text in enumerate(legends):
        cell = ws.cell(row=first_row + offset, column=1)
        _set_text(cell, text)
        cell.font = italic


def _write_xlsx_about(about: Worksheet, meta: ExportMeta) -> None:
    """Write the provenance on the About sheet: a bold label and its value per row."""
    for row, (key, value) in enumerate(meta.fields().items(), start=1):
        head = about.cell(row=row, column=1)
        _set_text(head, meta.label(key))
        head.font = Font(bold=True)
        head.alignment = Alignment(vertical="top")
        cell = about.cell(row=row, column=2)
        _set_text(cell, value)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        if key == "view_url" and re.match(r"https?://", value, flags=re.IGNORECASE):
            cell.hyperlink = value
            cell.font = Font(color="0563C1", underline="single")
    about.column_dimensions["A"].width = 24
    about.column_dimensions["B"].width = 100


# --------------------------------------------------------------------------------------------
# File names


def filename(title: str, ext: str, *, when: date | datetime | None = None) -> str:
    """A safe ASCII file name from a title and a date: ``tyottomien-osuus_2024-05-03.png``.

    Parameters
    ----------
    title
        Any title; Nordic letters are transliterated (ä→a, ö→o, å→a), other accents dropped,
        and every run of other characters becomes one ``-``. Lower case, at most 60 characters
        before the date; ``seuranta`` when nothing is left.
    ext
        Extension without or with its dot (``"png"``, ``".csv"``); letters and digits only.
    when
        Date in the name; today in UTC by default (a datetime is taken at its own date).

    Returns
    -------
    str
        ``<slug>_<YYYY-MM-DD>.<ext>``: no path separators, spaces, quotes or control
        characters, so it is safe in a Content-Disposition header and on any file system.
    """
    suffix = ext.removeprefix(".").lower()
    if not re.fullmatch(r"[a-z0-9]{1,10}", suffix):
        raise ValueError(f"not a file extension: {ext!r}")
    day = (when or datetime.now(UTC)).strftime("%Y-%m-%d")
    ascii_text = (
        unicodedata.normalize("NFKD", title.translate(_TRANSLITERATION))
        .encode("ascii", "ignore")
        .decode("ascii")
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > 60:
        slug = slug[:60].rsplit("-", 1)[0] if "-" in slug[:60] else slug[:60]
    return f"{slug or 'seuranta'}_{day}.{suffix}"


def _header(column: object) -> str:
    if isinstance(column, tuple):
        return " – ".join(str(part) for part in column if str(part))
    return str(column)


def _without_label(label: str, text: str) -> str:
    head, colon, rest = text.partition(":")
    if colon and head.strip().casefold() == label.casefold():
        return rest.strip()
    return text


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def _clean(text: str) -> str:
    """Text without the control characters an XLSX file cannot hold, formula-neutralised."""
    return neutralise_formula(ILLEGAL_CHARACTERS_RE.sub("", text))


def _set_text(cell: Cell, text: str) -> None:
    """Store ``text`` as a string: openpyxl would make ``=…`` a formula and ``#N/A`` an error."""
    cell.value = _clean(text)
    cell.data_type = "s"


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NaT or value is pd.NA:
        return True
    if isinstance(value, float | np.floating):
        return not math.isfinite(float(value))
    return False


def _number(value: object) -> int | float | None:
    """``value`` as a Python number when it is one (not a bool), else None."""
    if isinstance(value, bool | np.bool_):
        return None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float | np.floating | Decimal):
        return float(value)
    return None


def _xlsx_value(value: object) -> Any:
    """A cell value openpyxl can write: number, bool, naive datetime or date, text or None."""
    if _is_missing(value):
        return None
    number = _number(value)
    if number is not None:
        return number
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, datetime):  # pandas Timestamps too
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value
    if isinstance(value, date):
        return value
    return str(value)


def _csv_field(value: object) -> str:
    """A cell as CSV text: numbers plain (``-5``, ``14.5``), text neutralised, empty if missing."""
    if _is_missing(value):
        return ""
    number = _number(value)
    if number is not None:
        if isinstance(number, float) and number.is_integer() and abs(number) < 2**53:
            return str(int(number))
        return repr(number)
    if isinstance(value, bool | np.bool_):
        return str(bool(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    return neutralise_formula(str(value))


def _csv_quote(text: str) -> str:
    if _CSV_NEEDS_QUOTES.search(text):
        return '"' + text.replace('"', '""') + '"'
    return text


def _display_len(value: object, number_format: str) -> int:
    if isinstance(value, int | float) and not isinstance(value, bool):
        grouped = f"{value:,.0f}" if number_format == "#,##0" else f"{value:,.3f}"
        return len(grouped)
    if isinstance(value, datetime | date):
        return 16
    return max((len(part) for part in str(value).splitlines()), default=0)
