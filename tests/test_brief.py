"""The monthly brief: its sentences for hand-checked months of the real data, SYNTHETIC frames
for the cases the real data lack (no change, a suppressed count, escaping), the command's exit
codes, the PDF's text in three languages (extracted with pypdf: poppler's pdftotext is not on
every machine) and the page."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd
import pytest
from pypdf import PdfReader

from catalogue import calendar
from exports.__main__ import main
from exports.brief import (
    CHART_WIDTH,
    brief_html,
    brief_inputs,
    brief_link,
    brief_meta,
    brief_pdf,
    compute_evaluation,
)
from i18n import LANGS, fmt_month
from indicators.views.brief import (
    BriefInputs,
    MonthError,
    NoDataError,
    brief_charts,
    brief_view,
    parse_month,
)
from indicators.views.overview import overview_totals
from tests.conftest import Golden, fi_number, run_app

ROOT = Path(__file__).resolve().parent.parent
AS_OF = datetime(2026, 12, 3, 12, tzinfo=UTC)


def plain(text: str) -> str:
    """Text with no-break spaces as plain ones and lines joined (as a reader searches it)."""
    return " ".join(text.replace("\u00a0", " ").split())


def pdf_text(data: bytes) -> tuple[str, int]:
    reader = PdfReader(io.BytesIO(data))
    return plain(" ".join(page.extract_text() for page in reader.pages)), len(reader.pages)


# --------------------------------------------------------------------------------------------
# SYNTHETIC frames: four made-up municipalities, two of them in two made-up trial areas


def synthetic_inputs(
    *, rest_unemployed: float = 400.0, growth: float = 0.0, area_name: str = "Alue A"
) -> BriefInputs:
    """SYNTHETIC inputs: municipality 001 (area A01) and 002 (A02) are in the trial, 003 and
    004 are not; the country is their sum. Each count grows by ``growth`` a month from
    2022-01 to 2023-03 (0: nothing changes)."""
    months = calendar.months("2022-01", "2023-03")
    base = {"001": 1000.0, "002": 500.0, "003": rest_unemployed, "004": rest_unemployed}
    rows = []
    for i, month in enumerate(months):
        for code, value in base.items():
            count = value + growth * i if value >= 5 else value
            rows.append(("unemployed_jobseekers", "municipality", code, month, count))
            rows.append(("labour_force", "municipality", code, month, 10_000.0))
    local = pd.DataFrame(rows, columns=["indicator", "area_level", "area_code", "month", "value"])
    local = local.assign(suppressed=False, preliminary=False)
    country = (
        local.groupby(["indicator", "month"], as_index=False)["value"]
        .sum()
        .assign(area_level="country", area_code="SSS", suppressed=False, preliminary=False)
    )
    members = pd.DataFrame(
        {
            "municipality_code": ["001", "002"],
            "area_id": ["A01", "A02"],
            "member_from": [calendar.TRIAL_START_DAY] * 2,
            "member_to": [None, None],
            "status": ["confirmed"] * 2,
            "confidence": ["high"] * 2,
            "source": ["synthetic"] * 2,
        }
    )
    munis = pd.DataFrame(
        {
            "code": list(base),
            **{f"name_{lang}": [f"Kunta {c}" for c in base] for lang in LANGS},
        }
    )
    totals = overview_totals(country, local, members, munis["code"], include_unverified=False)
    batches = pd.DataFrame(
        {
            "id": [1],
            "source_file": ["synthetic.csv"],
            "reader": ["long_csv"],
            "source": ["SYNTHETIC test data"],
            "vintage": ["2023-04-05"],
            "rows_in_file": [len(local)],
            "rows_loaded": [len(local)],
            "rows_replaced": [0],
            "rows_unchanged": [0],
            "loaded_at": [pd.Timestamp("2026-12-01", tz="UTC")],
            "synthetic": [True],
        }
    )
    empty = local.iloc[0:0]
    return BriefInputs(
        totals=totals,
        published_shares=empty,
        target_obs=empty,
        municipalities=munis,
        trial_areas=pd.DataFrame(
            {
                "area_id": ["A01", "A02"],
                "name_fi": [area_name, "Alue B"],
                "name_sv": [area_name, "B"],
            }
        ),
        memberships=members,
        batches=batches,
        vintages={("unemployed_jobseekers", "country"): "2023-04-05"},
        evaluation=None,
    )


def test_a_month_without_change_says_unchanged_never_plus_zero() -> None:
    """SYNTHETIC: nothing moves between 2022-03 and 2023-03."""
    view = brief_view(synthetic_inputs(), lang="en", month="2023-03", as_of=AS_OF)
    text = plain(view.text())
    assert "unchanged from a month earlier" in text
    assert "unchanged from a year earlier" in text
    assert "+0" not in text and "±0" not in text and "−0" not in text
    assert "developed alike in the trial municipalities" in text
    assert "The unemployed share fell on a year in no area." in text
    assert "The unemployed share rose on a year in no area." in text
    fi = plain(brief_view(synthetic_inputs(), lang="fi", month="2023-03", as_of=AS_OF).text())
    assert "yhtä monta kuin kuukautta aiemmin (ennallaan)" in fi
    assert "sama kuin vuotta aiemmin (ennallaan)" in fi
    assert "The database holds synthetic test data" in text


def test_a_rise_is_worded_with_its_count_and_plural() -> None:
    """SYNTHETIC: every municipality gains 10 unemployed a month."""
    view = brief_view(synthetic_inputs(growth=10), lang="en", month="2023-03", as_of=AS_OF)
    text = plain(view.text())
    # the country: four municipalities, +40 a month, +480 on a year
    assert "40 more than a month earlier and 480 more than a year earlier" in text
    assert "The trial municipalities (2 municipalities) had" in text
    assert "The unemployed share rose on a year in 2 areas, most in" in text
    one = plain(brief_view(synthetic_inputs(growth=10), lang="fi", month="2023-03").text())
    assert "Kokeilukunnissa (2 kuntaa)" in one


def test_missing_comparison_months_are_said_plainly() -> None:
    """SYNTHETIC: the first month has no month or year before it."""
    text = plain(brief_view(synthetic_inputs(), lang="en", month="2022-01", as_of=AS_OF).text())
    assert "no figure for December 2021 to compare with" in text
    assert "no figure for January 2021 to compare with" in text
    assert "cannot be compared on a year" in text


def test_a_small_count_is_suppressed_with_its_share() -> None:
    """SYNTHETIC: the other municipalities have 2 + 2 unemployed (below the threshold 5)."""
    view = brief_view(synthetic_inputs(rest_unemployed=2), lang="en", month="2023-03")
    assert view.groups["rest"].suppressed
    text = plain(view.text())
    assert "Other municipalities (TE offices): the figure is suppressed (..)." in text
    assert view.legend == ".. = not shown for confidentiality"
    assert " 4 unemployed" not in text


def test_months_outside_the_data_and_malformed_months_are_refused() -> None:
    inputs = synthetic_inputs()
    with pytest.raises(NoDataError, match="no data for 2031-01"):
        brief_view(inputs, lang="fi", month="2031-01")
    for bad in ("2023-13", "2023-1", "oct", "2023-10-01", ""):
        with pytest.raises(MonthError):
            parse_month(bad)
    empty = replace(
        inputs,
        totals=replace(inputs.totals, country=inputs.totals.country.iloc[0:0]),
    )
    with pytest.raises(NoDataError, match="no observations"):
        brief_view(empty, lang="fi")


def test_the_html_escapes_every_text_and_names_its_language() -> None:
    """SYNTHETIC: an area name with markup in it."""
    inputs = synthetic_inputs(growth=10, area_name='<script>alert("x")</script>')
    for lang in LANGS:
        view = brief_view(inputs, lang=lang, month="2023-03", link="javascript:alert(1)")
        document = brief_html(view, brief_charts(view, width=CHART_WIDTH), brief_meta(view, "x"))
        assert f'<html lang="{lang}">' in document
        assert "<script>" not in document
        assert "&lt;script&gt;" in document
        assert 'href="javascript' not in document  # a link that is not http(s) stays text
        assert "@page" in document and "counter(pages)" in document


# --------------------------------------------------------------------------------------------
# The real data


@pytest.fixture(scope="module")
def real_inputs(real_sqlite_url: str) -> BriefInputs:
    from data_access.engine import make_engine

    engine = make_engine(real_sqlite_url, read_only=True)
    return brief_inputs(engine, evaluation=lambda: compute_evaluation(engine))


def test_march_2021_reads_the_published_national_count(
    real_inputs: BriefInputs, golden: Golden
) -> None:
    now = golden.unemployed("SSS", "2021-03")
    change = now - golden.unemployed("SSS", "2021-02")
    assert now == 331_526
    en = plain(brief_view(real_inputs, lang="en", month="2021-03", as_of=AS_OF).text())
    assert f"The whole country had {now:,} unemployed jobseekers" in en
    assert f"{change:,} more than a month earlier" in en
    fi = plain(brief_view(real_inputs, lang="fi", month="2021-03", as_of=AS_OF).text())
    assert "Koko maassa oli kuukauden lopussa 331 526 työtöntä työnhakijaa" in fi
    # the trial began this month: a definition break
    assert "The trials began on 1 March 2021" in en


def test_march_2021_has_falls(real_inputs: BriefInputs) -> None:
    """The other municipalities had fewer unemployed than a month earlier; 12 areas fell."""
    view = brief_view(real_inputs, lang="en", month="2021-03", as_of=AS_OF)
    rest = view.groups["rest"]
    assert rest.unemployed_month < 0
    text = plain(view.text())
    assert f"{abs(rest.unemployed_month):,.0f} fewer than a month earlier" in text
    assert "The unemployed share fell on a year in 12 areas, most in Kainuu −1.4 pp" in text


def test_october_2023_in_finnish_and_swedish(real_inputs: BriefInputs, golden: Golden) -> None:
    now = golden.unemployed("SSS", "2023-10")
    change = now - golden.unemployed("SSS", "2023-09")
    assert (now, change) == (256_070, 6_301)
    fi = plain(brief_view(real_inputs, lang="fi", month="2023-10", as_of=AS_OF).text())
    assert "lokakuu 2023" in fi
    assert f"{plain(fi_number(now))} työtöntä työnhakijaa: 6 301 enemmän kuin kuukautta" in fi
    assert "Työttömien osuus työvoimasta oli 9,7 %" in fi
    assert "Kangasala (211)" in fi and "python -m data_access fetch" in fi
    assert "aineisto 5.12.2023" in fi  # every figure with its vintage
    sv = plain(brief_view(real_inputs, lang="sv", month="2023-10", as_of=AS_OF).text())
    assert "oktober 2023" in sv and "256 070 arbetslösa arbetssökande: 6 301 fler" in sv
    assert "p.e.." not in sv and "%-yks.." not in fi


def test_aland_is_a_group_of_its_own_as_on_the_overview(real_inputs: BriefInputs) -> None:
    """The command's brief groups the municipalities as the overview does: Åland's 16 are
    not TE-office municipalities, and the national figure reconciles with its cards."""
    fi = plain(brief_view(real_inputs, lang="fi", month="2023-10", as_of=AS_OF).text())
    assert "Muissa kunnissa (175 kuntaa)" in fi
    assert "191 kuntaa" not in fi
    assert "Koko maa 256 070 = kokeilukunnat" in fi and "Ahvenanmaalla" in fi
    assert "Ahvenanmaa 0" not in fi  # its total is not formed (five figures suppressed)
    sv = plain(brief_view(real_inputs, lang="sv", month="2023-10", as_of=AS_OF).text())
    assert "Hela landet 256 070 = försökskommunerna" in sv and "Åland" in sv


def test_a_month_after_the_counts_says_what_there_is(real_inputs: BriefInputs) -> None:
    view = brief_view(real_inputs, lang="en", month="2024-06", as_of=AS_OF)
    assert view.status == "shares_only"
    text = plain(view.text())
    assert "No counts for June 2024 yet: the counts of the unemployed and of the labour " in text
    assert "force end in October 2023" in text
    assert "cannot be formed from published shares" in text
    assert "Trial municipalities (" in text and "on a year the share rose in" in text
    # the trial's end and the 2025 transfer are near January 2025
    january = plain(brief_view(real_inputs, lang="en", month="2025-01").text())
    assert "The trials ended on 31 December 2024" in january
    assert "From 1 January 2025" in january


@pytest.mark.parametrize(
    ("lang", "words", "number"),
    [
        ("fi", "lokakuu 2023", "256 070"),
        ("sv", "oktober 2023", "256 070"),
        ("en", "October 2023", "256,070"),
    ],
)
def test_pdf_text_can_be_searched(
    real_inputs: BriefInputs, lang: str, words: str, number: str
) -> None:
    view = brief_view(
        real_inputs, lang=lang, month="2023-10", link=brief_link("http://x", "2023-10", lang)
    )
    data = brief_pdf(view, brief_charts(view, width=CHART_WIDTH), brief_meta(view, "2023-12-05"))
    text, pages = pdf_text(data)
    assert data.startswith(b"%PDF")
    assert pages <= 4
    assert words in text and number in text
    assert "CC BY 4.0" in text and "http://x/brief?month=2023-10" in text


@pytest.mark.parametrize("lang", ["fi", "sv"])  # Swedish runs longest
@pytest.mark.parametrize(
    "month", ["2006-01", "2021-03", "2022-05", "2023-10", "2024-06", "2025-01"]
)
def test_every_kind_of_month_fits_four_pages(
    real_inputs: BriefInputs, month: str, lang: str
) -> None:
    view = brief_view(real_inputs, lang=lang, month=month)
    data = brief_pdf(view, brief_charts(view, width=CHART_WIDTH), brief_meta(view, "–"))
    text, pages = pdf_text(data)
    assert pages <= 4, (month, lang, pages)
    assert fmt_month(month, lang) in text


# --------------------------------------------------------------------------------------------
# The command


def test_command_writes_the_pdf(
    real_sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    out = tmp_path / "b.pdf"
    args = ["brief", "--month", "2023-10", "--lang", "fi", "--format", "pdf", "--out", str(out)]
    assert main(args) == 0
    text, pages = pdf_text(out.read_bytes())
    assert pages <= 4 and "256 070" in text and "lokakuu 2023" in text
    assert "wrote" in capsys.readouterr().out
    html_out = tmp_path / "b.html"
    assert main([*args[:4], "sv", "--format", "html", "--out", str(html_out)]) == 0
    assert '<html lang="sv">' in html_out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("month", "status", "message"),
    [
        ("2023-13", 2, "not a month YYYY-MM: '2023-13'"),
        ("10/2023", 2, "not a month YYYY-MM"),
        ("2031-01", 1, "no data for 2031-01: the brief covers 2006-01…2025-01"),
        ("1999-12", 1, "no data for 1999-12"),
    ],
)
def test_command_refuses_bad_months_in_one_line(
    real_sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys,
    month: str,
    status: int,
    message: str,
) -> None:
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    out = tmp_path / "b.pdf"
    assert main(["brief", "--month", month, "--out", str(out)]) == status
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_command_on_an_empty_database(
    sqlite_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    from data_access import migrate
    from data_access.engine import make_engine

    migrate.upgrade(make_engine(sqlite_url))
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    assert main(["brief", "--out", str(tmp_path / "b.pdf")]) == 1
    err = capsys.readouterr().err
    assert "has no observations for the brief" in err and err.count("\n") == 1


def test_command_on_a_missing_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", f"sqlite:///{tmp_path / 'none' / 'x.db'}")
    assert main(["brief", "--month", "2023-10", "--out", str(tmp_path / "b.pdf")]) == 2
    err = capsys.readouterr().err
    assert "cannot read the database" in err and err.count("\n") == 1


def test_the_core_command_does_not_import_streamlit() -> None:
    import subprocess
    import sys

    code = "import sys, exports.__main__, exports.brief; print('streamlit' in sys.modules)"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


# --------------------------------------------------------------------------------------------
# The page


@pytest.mark.shared_caches  # one month's brief serves its three languages, as on a server
@pytest.mark.parametrize("lang", LANGS)
def test_page_deep_link(real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch, lang: str) -> None:
    from i18n import t

    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    at = run_app("brief", timeout=180, month="2023-10", lang=lang)
    assert not at.exception, at.exception
    assert at.title[0].value == t("brief.title", lang)
    assert at.selectbox(key="month").value == "2023-10"
    assert at.header[0].value == fmt_month("2023-10", lang)
    text = plain(" ".join(m.value for m in at.markdown))
    assert ("256,070" if lang == "en" else "256 070") in text
    # The page and the command count the same groups (Åland apart from the TE offices)
    assert "175 " in text and "191 " not in text
    assert len(at.get("vega_lite_chart")) == 3
    labels = [b.label for b in at.get("download_button")]
    assert labels == [t("brief.download_pdf", lang), t("brief.download_html", lang)]
