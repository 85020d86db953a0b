"""Tests for the export files: provenance, locale, disclosure, formula injection, file names."""

from __future__ import annotations

import csv
import html
import io
import json
import re
import zipfile
from dataclasses import FrozenInstanceError
from datetime import UTC, date, datetime, timedelta, timezone

import altair as alt
import numpy as np
import openpyxl
import pandas as pd
import pytest
from PIL import Image

from exports import (
    EXPORT_WIDTH,
    ExportMeta,
    chart_png,
    chart_svg,
    export_spec,
    filename,
    neutralise_formula,
    prepare_table,
    table_csv,
    table_xlsx,
)
from i18n import t, vega_locale
from indicators.charts import line_chart, with_locale
from indicators.disclosure import SUPPRESSED_MARK, DisclosurePolicy, legend, suppress_cells

WHEN = datetime(2024, 5, 3, 12, 7, tzinfo=UTC)
URL = "http://127.0.0.1:8501/?lang=fi&month=2021-03"
VINTAGE = "StatFin 12r5, julkaistu 2023-12-05"
TITLE = "Työttömien osuus työvoimasta kuukausittain"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BOM = b"\xef\xbb\xbf"
INJECTIONS = [
    "=cmd|' /C calc'!A0",
    "+1+1",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "＝1+1",
    "＋1",
    "－1",
    "＠A1",
]


def make_meta(lang: str = "fi", **changes: object) -> ExportMeta:
    values: dict[str, object] = {
        "title": TITLE,
        "source": t("app.source_note", lang),
        "vintage": VINTAGE,
        "view_url": URL.replace("lang=fi", f"lang={lang}"),
        "lang": lang,
        "generated_at": WHEN,
    }
    values.update(changes)
    return ExportMeta(**values)  # type: ignore[arg-type]


def bar_chart(locale: dict[str, object] | None) -> alt.TopLevelMixin:
    """Bars labelled with their value in ',.1f', drawn at the container's width."""
    frame = pd.DataFrame({"area": ["Lahti", "Pori"], "value": [1234.5, 987.25]})
    base = alt.Chart(frame).encode(
        x=alt.X("area:N", title="Alue"),
        y=alt.Y("value:Q", title="Arvo", axis=alt.Axis(format=",.1f")),
    )
    text = base.mark_text(dy=-6).encode(text=alt.Text("value:Q", format=",.1f"))
    chart = alt.layer(base.mark_bar(), text).properties(width="container", height=240)
    return with_locale(chart, locale)


@pytest.fixture(scope="module")
def fi_chart() -> alt.TopLevelMixin:
    return bar_chart(vega_locale("fi"))


@pytest.fixture(scope="module")
def fi_svg(fi_chart: alt.TopLevelMixin) -> str:
    return chart_svg(fi_chart, make_meta("fi")).decode("utf-8")


def data_frame() -> pd.DataFrame:
    """A table as shown: counts with one suppressed, a rate with a missing value, odd names."""
    return pd.DataFrame(
        {
            "area": ["Mänttä-Vilppula", "Pori, Ulvila", 'Kunta "X"', "#1 alue", "Åland"],
            "unemployed": [1520.0, 3.0, 48210.0, -5.0, 0.0],
            "share": [14.5, 9.25, np.nan, 7.0, 12.125],
            "suppressed": [False, True, False, False, False],
            "suppression": [None, "primary", None, None, None],
        }
    )


def metadata_rows(data: bytes) -> dict[str, str]:
    """The provenance of a CSV file: rows whose first field is '#', as label → value."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return {row[1]: row[2] for row in reader if row and row[0] == "#"}


def data_rows(data: bytes) -> list[list[str]]:
    """The table of a CSV file as lists of fields, provenance and blank lines skipped."""
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    return [row for row in reader if row and row[0] != "#"]


# ExportMeta -----------------------------------------------------------------------------------


def test_meta_defaults_and_labels() -> None:
    meta = make_meta("sv")
    assert meta.suppression_note == DisclosurePolicy().note("sv")
    labels = [label for label, _ in meta.items()]
    assert labels == ["Rubrik", "Källa", "Version", "Sekretess", "Vyns adress", "Skapad"]
    fields = make_meta("en").fields()
    assert fields["source"].startswith("Statistics Finland")  # the catalogue's label is cut
    assert fields["view_url"] == "http://127.0.0.1:8501/?lang=en&month=2021-03"
    assert fields["generated_at"] == "2024-05-03 12:07 UTC"
    helsinki = timezone(timedelta(hours=3))
    assert make_meta(generated_at=WHEN.astimezone(helsinki)).generated_text == (
        "2024-05-03 12:07 UTC"
    )
    assert datetime.now(UTC) - ExportMeta(
        title="x", source="s", vintage="v", view_url="u", lang="en"
    ).generated_at < timedelta(minutes=1)


def test_meta_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="timezone"):
        make_meta(generated_at=datetime(2024, 5, 3, 12, 0))
    with pytest.raises(ValueError, match="lang"):
        make_meta(lang="de")
    meta = make_meta()
    with pytest.raises(FrozenInstanceError):
        meta.title = "other"  # type: ignore[misc]


# Charts ----------------------------------------------------------------------------------------


def test_png_is_an_image_of_the_export_size(fi_chart: alt.TopLevelMixin) -> None:
    data = chart_png(fi_chart, make_meta("fi"))
    assert data.startswith(PNG_SIGNATURE)
    with Image.open(io.BytesIO(data)) as image:
        width, height = image.size
    # 800 px for the container plus the axis, at scale 2; the footer adds height.
    assert 2 * EXPORT_WIDTH <= width <= 2 * (EXPORT_WIDTH + 200)
    assert 2 * (240 + 80) <= height <= 2 * 700
    small = chart_png(fi_chart, make_meta("fi"), scale=1)
    with Image.open(io.BytesIO(small)) as image:
        assert abs(image.size[0] * 2 - width) <= 2


def test_svg_carries_title_source_vintage_and_link(fi_svg: str) -> None:
    assert fi_svg.lstrip().startswith("<svg")
    assert html.escape(TITLE) in fi_svg
    assert "Tilastokeskus ja TEM, työnvälitystilasto (StatFin 12r5)" in fi_svg
    assert VINTAGE in fi_svg
    assert html.escape(URL) in fi_svg  # the '&' escaped as '&amp;', the link unbroken
    assert "Näkymän osoite" in fi_svg and "Luotu: 2024-05-03 12:07 UTC" in fi_svg
    assert "Lähde: Lähde" not in fi_svg
    # The bars themselves: paths inside the rect mark group.
    assert re.search(r'class="mark-rect[^"]*"[^>]*>(?:(?!</g>).)*<path', fi_svg, flags=re.S)
    width = float(re.search(r'<svg[^>]*\bwidth="([\d.]+)"', fi_svg)[1])  # type: ignore[index]
    assert width >= EXPORT_WIDTH  # "container" became a fixed width


def test_finnish_number_locale_survives(fi_svg: str) -> None:
    assert "1\u00a0234,5" in fi_svg or "1 234,5" in fi_svg
    assert "1,234.5" not in fi_svg
    assert "987,3" in fi_svg  # 987.25 rounded with a decimal comma


def test_chart_without_locale_gets_the_export_language() -> None:
    chart = bar_chart(None)
    finnish = chart_svg(chart, make_meta("fi")).decode()
    english = chart_svg(chart, make_meta("en")).decode()
    assert "1\u00a0234,5" in finnish
    assert "1,234.5" in english and "1\u00a0234,5" not in english


def test_chart_locale_wins_over_the_export_language() -> None:
    svg = chart_svg(bar_chart(vega_locale("en")), make_meta("sv")).decode()
    assert "1,234.5" in svg
    assert "Källa" in svg  # the footer is still in the export's language


def test_export_spec_hoists_top_level_properties(fi_chart: alt.TopLevelMixin) -> None:
    spec = export_spec(fi_chart, make_meta("fi"), disclosure_note=True)
    text = json.dumps(spec)
    assert '"container"' not in text
    assert spec["config"]["locale"] == vega_locale("fi")
    assert spec["title"]["text"] == TITLE
    inner = spec["vconcat"][0]
    assert "config" not in inner["vconcat"][0] and "datasets" not in inner["vconcat"][0]
    assert inner["vconcat"][0]["width"] == EXPORT_WIDTH
    footer = " ".join(inner["title"]["text"])
    assert DisclosurePolicy().note("fi")[:40] in footer
    assert fi_chart.to_dict()["width"] == "container"  # the chart itself is unchanged


def test_other_chart_kinds_export() -> None:
    frame = pd.DataFrame({"x": list("abc"), "v": [1, 2, 3]})
    selection = alt.selection_point(fields=["x"])
    base = alt.Chart(frame).mark_bar().encode(x="x:N", y="v:Q")
    charts = [
        base.mark_point().interactive(),
        base.encode(opacity=alt.condition(selection, alt.value(1), alt.value(0.3))).add_params(
            selection
        ),
        base.facet("x:N"),
        alt.hconcat(base.properties(width="container"), base.mark_line()),
    ]
    meta = make_meta("en")
    for chart in charts:
        svg = chart_svg(chart, meta).decode()
        assert "Source: Statistics Finland" in svg and "<path" in svg


def test_line_chart_of_the_overview_exports() -> None:
    frame = pd.DataFrame(
        {
            "month": ["2020-01", "2021-03", "2022-06"] * 2,
            "series": ["Koko maa"] * 3 + ["Kokeilukunnat"] * 3,
            "value": [9.5, 10.1, 8.7, 10.2, 9.9, 9.0],
        }
    )
    events = pd.DataFrame({"month": ["2021-03"], "label": ["Kokeilu alkaa"]})
    chart = line_chart(
        frame,
        y_title="%",
        x_title="Kuukausi",
        series_title="Sarja",
        events=events,
        highlight_month="2022-06",
        locale=vega_locale("fi"),
    )
    svg = chart_svg(chart, make_meta("fi")).decode()
    assert "Kokeilu alkaa" in svg and "10,0" in svg
    assert re.search(r'class="mark-line', svg)


# Disclosure ------------------------------------------------------------------------------------


def test_prepare_table_hides_suppressed_figures_and_their_reasons() -> None:
    shown = prepare_table(data_frame(), value_columns=["unemployed", "share"], lang="fi")
    assert list(shown.columns) == ["area", "unemployed", "share"]
    assert shown.loc[1, "unemployed"] == SUPPRESSED_MARK
    assert shown.loc[1, "share"] == SUPPRESSED_MARK  # the frame still held 3.0 and 9.25
    assert shown.loc[0, "unemployed"] == 1520.0 and pd.isna(shown.loc[2, "share"])
    assert shown.loc[4, "unemployed"] == 0.0  # a real zero stays a zero


def test_suppressed_counts_never_leak_into_files() -> None:
    frame = pd.DataFrame(
        {
            "indicator": ["unemployed_jobseekers"] * 4,
            "area": ["A", "B", "C", "D"],
            "value": [3.0, 40.0, 55.0, 61.0],
        }
    )
    hidden = suppress_cells(frame, groups=["indicator"])
    assert hidden["suppression"].tolist() == ["primary", "complementary", None, None]
    # The on-screen frame may still carry the figures: they must not reach the file.
    hidden["value"] = frame["value"]
    shown = prepare_table(hidden, value_columns=["value"], lang="en")
    meta = make_meta("en")
    text = table_csv(shown, meta).decode("utf-8-sig")
    assert "primary" not in text and "complementary" not in text
    assert data_rows(table_csv(shown, meta))[1:3] == [
        ["unemployed_jobseekers", "A", ".."],
        ["unemployed_jobseekers", "B", ".."],
    ]
    sheet = openpyxl.load_workbook(io.BytesIO(table_xlsx(shown, meta)))["Data"]
    values = [sheet.cell(row=r, column=3).value for r in range(2, 6)]
    assert values == ["..", "..", 55, 61]
    assert [c.value for c in sheet[1]] == ["indicator", "area", "value"]


def test_prepare_table_translates_other_booleans_and_checks_columns() -> None:
    frame = data_frame().assign(verified=[True, False, True, True, False])
    shown = prepare_table(frame, value_columns=["unemployed"], lang="sv")
    assert shown["verified"].tolist() == ["Ja", "Nej", "Ja", "Ja", "Nej"]
    reasons_only = data_frame().drop(columns=["suppressed"])
    assert prepare_table(reasons_only, value_columns=["unemployed"], lang="fi").loc[
        1, "unemployed"
    ] == (SUPPRESSED_MARK)
    with pytest.raises(KeyError):
        prepare_table(frame, value_columns=["nope"], lang="fi")
    with pytest.raises(ValueError):
        prepare_table(frame, value_columns=["unemployed"], lang="xx")


# CSV -------------------------------------------------------------------------------------------


def test_csv_round_trips_with_pandas() -> None:
    shown = prepare_table(data_frame(), value_columns=["unemployed", "share"], lang="fi")
    data = table_csv(shown, make_meta("fi"))
    assert data.startswith(BOM + b"#,Otsikko,")
    assert b"\r\n" in data and b"1520.0" not in data  # integers without '.0'
    back = pd.read_csv(io.BytesIO(data), comment="#", na_values="..")
    assert back["area"].tolist() == data_frame()["area"].tolist()  # ',', '"', '#' survive
    expected = data_frame()["unemployed"].where(~data_frame()["suppressed"])
    pd.testing.assert_series_equal(back["unemployed"], expected, check_dtype=False)
    expected_share = data_frame()["share"].where(~data_frame()["suppressed"])
    pd.testing.assert_series_equal(back["share"], expected_share, check_dtype=False)
    raw = pd.read_csv(io.BytesIO(data), comment="#", dtype=str, keep_default_na=False)
    assert raw.loc[1, "unemployed"] == ".." and raw.loc[2, "share"] == ""


def test_csv_metadata_block() -> None:
    data = table_csv(prepare_table(data_frame(), value_columns=["share"], lang="fi"), make_meta())
    meta = metadata_rows(data)
    assert meta["Otsikko"] == TITLE
    assert meta["Lähde"].startswith("Tilastokeskus ja TEM, työnvälitystilasto")
    assert meta["Aineiston versio"] == VINTAGE
    assert meta["Tietosuoja"] == DisclosurePolicy().note("fi")
    assert meta["Näkymän osoite"] == URL
    assert meta["Luotu"] == "2024-05-03 12:07 UTC"
    bare = table_csv(data_frame(), make_meta(), metadata=False)
    assert bare.startswith(BOM + b"area,") and b"\n#" not in bare
    assert pd.read_csv(io.BytesIO(bare))["area"].tolist() == data_frame()["area"].tolist()


def test_csv_neutralises_formulas_but_keeps_negative_numbers() -> None:
    frame = pd.DataFrame({"name": INJECTIONS, "value": [-5] * len(INJECTIONS)})
    frame['=HYPERLINK("http://x")'] = "ok"
    data = table_csv(frame, make_meta(title="=1+2", view_url="@x"))
    rows = data_rows(data)
    assert rows[0] == ["name", "value", '\'=HYPERLINK("http://x")']
    assert [row[0] for row in rows[1:]] == ["'" + text for text in INJECTIONS]
    assert {row[1] for row in rows[1:]} == {"-5"}
    meta = metadata_rows(data)
    assert meta["Otsikko"] == "'=1+2" and meta["Näkymän osoite"] == "'@x"
    back = pd.read_csv(io.BytesIO(data), comment="#")
    assert back["value"].tolist() == [-5] * len(INJECTIONS)
    assert back["value"].dtype.kind == "i"


def test_neutralise_formula() -> None:
    for text in [*INJECTIONS, "\r=1"]:
        assert neutralise_formula(text) == "'" + text
    for text in ["Pori", "", "'already", " =1", "..", "−0,3", "1-2", "#N/A"]:
        assert neutralise_formula(text) == text


# XLSX ------------------------------------------------------------------------------------------


def test_xlsx_data_sheet() -> None:
    shown = prepare_table(data_frame(), value_columns=["unemployed", "share"], lang="fi")
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(shown, make_meta("fi"))))
    assert book.sheetnames == ["Tiedot", "Tietoja"]
    sheet = book["Tiedot"]
    assert [c.value for c in sheet[1]] == ["area", "unemployed", "share"]
    assert all(c.font.b for c in sheet[1])
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["A"].width >= len("Mänttä-Vilppula")
    counts = [sheet.cell(row=r, column=2) for r in range(2, 7)]
    assert [c.value for c in counts] == [1520, "..", 48210, -5, 0]
    assert [c.data_type for c in counts] == ["n", "s", "n", "n", "n"]
    assert counts[0].number_format == "#,##0"
    shares = [sheet.cell(row=r, column=3).value for r in range(2, 7)]
    assert shares == [14.5, "..", None, 7, 12.125]
    assert isinstance(shares[0], float)
    footer = [sheet.cell(row=r, column=1).value for r in range(8, 10)]
    assert footer[0] == legend("fi") and footer[1] is not None and "tyhjä" in footer[1]
    assert sheet.cell(row=7, column=1).value is None  # a blank row before the legend


def test_xlsx_about_sheet_in_the_chosen_language() -> None:
    meta = make_meta("sv")
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(data_frame(), meta)))
    assert book.sheetnames == ["Data", "Om"]
    about = {row[0].value: row[1] for row in book["Om"].iter_rows()}
    assert about["Rubrik"].value == TITLE
    assert about["Källa"].value.startswith("Statistikcentralen och ANM")
    assert about["Version"].value == VINTAGE
    assert about["Sekretess"].value == DisclosurePolicy().note("sv")
    assert about["Vyns adress"].value == meta.view_url
    assert about["Vyns adress"].hyperlink.target == meta.view_url
    assert about["Skapad"].value == "2024-05-03 12:07 UTC"
    assert book.properties.title == TITLE


def test_xlsx_neutralises_formulas_but_keeps_negative_numbers() -> None:
    texts = [*INJECTIONS, "#N/A", "#DIV/0!"]
    frame = pd.DataFrame({"name": texts, "value": [-5] * len(texts)})
    frame["=SUM(1)"] = "x"
    book = openpyxl.load_workbook(io.BytesIO(table_xlsx(frame, make_meta("en", title="=1"))))
    sheet = book["Data"]
    names = [sheet.cell(row=r, column=1) for r in range(2, len(texts) + 2)]
    assert [c.value for c in names] == ["'" + t for t in INJECTIONS] + ["#N/A", "#DIV/0!"]
    assert {c.data_type for c in names} == {"s"}  # never 'f' (formula) nor 'e' (error)
    header = sheet.cell(row=1, column=3)
    assert (header.value, header.data_type) == ("'=SUM(1)", "s")
    values = [sheet.cell(row=r, column=2) for r in range(2, len(texts) + 2)]
    assert {(c.value, c.data_type) for c in values} == {(-5, "n")}
    assert book["About"].cell(row=1, column=2).value == "'=1"
    # Also in the file itself: no formula element anywhere.
    raw = table_xlsx(frame, make_meta("en"))
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        sheets = [n for n in archive.namelist() if n.startswith("xl/worksheets/")]
        assert sheets and not any(b"<f>" in archive.read(n) for n in sheets)


# File names ------------------------------------------------------------------------------------


def test_filename_is_safe_ascii_with_the_date() -> None:
    day = date(2024, 5, 3)
    assert filename("Työttömien osuus – Åland", "png", when=day) == (
        "tyottomien-osuus-aland_2024-05-03.png"
    )
    assert (
        filename("Översikt: Ähtäri/Öja", ".CSV", when=day) == "oversikt-ahtari-oja_2024-05-03.csv"
    )
    assert filename("Café naïve", "xlsx", when=datetime(2024, 5, 3, 23, 0)) == (
        "cafe-naive_2024-05-03.xlsx"
    )
    for title in ["../../etc/passwd", 'a"b\r\nc; d', "CON", "  ", "日本語", "x" * 300]:
        name = filename(title, "svg", when=day)
        assert re.fullmatch(r"[a-z0-9-]{1,60}_2024-05-03\.svg", name), name
    assert filename("", "png", when=day) == "seuranta_2024-05-03.png"
    assert filename("日本語", "png", when=day) == "seuranta_2024-05-03.png"
    assert filename("x", "png").endswith(datetime.now(UTC).strftime("_%Y-%m-%d.png"))
    for bad in ["", "p/ng", "png\n", "../x", "..png", "tar.gz"]:
        with pytest.raises(ValueError):
            filename("x", bad)
