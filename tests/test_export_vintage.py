"""An export's vintage line names the series it shows, not every batch in the database
(issue 14 item 12)."""

from __future__ import annotations

from catalogue import definitions
from ui import export


def test_the_series_of_a_rate_are_its_inputs_and_its_published_values() -> None:
    assert export.indicator_series(["unemployed_share_pct"], ("country",)) == [
        ("unemployed_jobseekers", "country"),
        ("labour_force", "country"),
        ("unemployed_share_pct", "country"),
    ]
    assert export.indicator_series(["open_vacancies"], ("municipality", "country")) == [
        ("open_vacancies", "municipality"),
        ("open_vacancies", "country"),
    ]


def test_the_vintage_line_names_only_the_plotted_series(real_sqlite_url: str) -> None:
    line = export.series_vintage_text(
        real_sqlite_url, (("unemployed_jobseekers", "country"),), "fi"
    )
    name = definitions.get("unemployed_jobseekers").name("fi")
    assert line.startswith(f"{name}, koko maa: ")
    assert ";" not in line  # one series, one vintage
    both = export.series_vintage_text(
        real_sqlite_url,
        (("unemployed_jobseekers", "country"), ("unemployed_share_pct", "municipality")),
        "sv",
    )
    assert both.count(";") == 1 and "hela landet" in both and "kommuner" in both
    # A series without published values is left out; with none, the sources' vintages stand
    fallback = export.series_vintage_text(real_sqlite_url, (("activation_rate_pct", "ely"),), "en")
    assert fallback and "ELY" not in fallback
