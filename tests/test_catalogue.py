"""The indicator catalogue: complete in three languages, unique codes, derived inputs present."""

from __future__ import annotations

import dataclasses

import pytest

from catalogue import definitions
from catalogue.definitions import CATALOGUE, LANGS, Indicator

CODES = [ind.code for ind in CATALOGUE]


def test_languages() -> None:
    assert LANGS == ("fi", "sv", "en")


def test_codes_are_unique() -> None:
    duplicates = sorted({c for c in CODES if CODES.count(c) > 1})
    assert not duplicates, f"repeated indicator codes: {duplicates}"
    assert len(definitions.BY_CODE) == len(CATALOGUE)


@pytest.mark.parametrize("ind", CATALOGUE, ids=CODES)
@pytest.mark.parametrize("lang", LANGS)
def test_name_and_definition_in_every_language(ind: Indicator, lang: str) -> None:
    assert ind.name(lang).strip(), f"{ind.code}: no name in {lang}"
    assert ind.definition(lang).strip(), f"{ind.code}: no definition in {lang}"
    # The fields themselves, not what a lookup might fall back to.
    assert getattr(ind, f"name_{lang}").strip()
    assert getattr(ind, f"definition_{lang}").strip()


@pytest.mark.parametrize("ind", CATALOGUE, ids=CODES)
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_translations_are_not_the_english_text(ind: Indicator, lang: str) -> None:
    assert ind.definition(lang) != ind.definition_en, f"{ind.code}: {lang} definition is English"


@pytest.mark.parametrize("ind", CATALOGUE, ids=CODES)
def test_finnish_and_swedish_differ(ind: Indicator) -> None:
    assert ind.definition_fi != ind.definition_sv, f"{ind.code}: fi and sv definitions equal"


def test_no_fallback_to_english() -> None:
    """A missing translation shows as missing instead of as the English text."""
    ind = dataclasses.replace(definitions.get("unemployed_jobseekers"), definition_sv="")
    assert ind.definition("sv") == ""
    assert ind.definition("en") == ind.definition_en


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown language"):
        definitions.get("unemployed_jobseekers").definition("de")


@pytest.mark.parametrize("code", [i.code for i in CATALOGUE if not i.stored])
def test_derived_inputs_exist(code: str) -> None:
    inputs = definitions.inputs_of(code)
    assert inputs, f"{code}: a derived indicator with no inputs"
    missing = [c for c in inputs if c not in definitions.BY_CODE]
    assert not missing, f"{code}: inputs not in the catalogue: {missing}"
    assert all(definitions.get(c).stored for c in inputs), f"{code}: computed from derived ones"


@pytest.mark.parametrize("ind", CATALOGUE, ids=CODES)
def test_every_input_exists(ind: Indicator) -> None:
    assert all(c in definitions.BY_CODE for c in definitions.inputs_of(ind.code))


def test_annual_counts_say_so() -> None:
    """Annual figures are used for every month: each language says so, none says 'end of month'."""
    for ind in CATALOGUE:
        if ind.annual:
            assert "annual figure" in ind.definition_en, ind.code
            assert "vuositieto" in ind.definition_fi, ind.code
            assert "årsuppgift" in ind.definition_sv, ind.code
            assert "reference day" not in ind.definition_en, ind.code


def test_reference_day_terms() -> None:
    """Stocks on the reference day name it in the statistics' own terms."""
    for ind in CATALOGUE:
        if definitions.REFERENCE_DAY_EN in ind.definition_en:
            assert "laskentapäivänä" in ind.definition_fi, ind.code
            assert "räknedagen" in ind.definition_sv, ind.code


def test_unknown_code() -> None:
    with pytest.raises(KeyError, match="no_such_indicator"):
        definitions.get("no_such_indicator")


def test_an_indicator_is_shown_from_its_inputs_and_its_published_values() -> None:
    from catalogue.definitions import series_of

    assert series_of("unemployed_share_pct") == (
        "unemployed_jobseekers",
        "labour_force",
        "unemployed_share_pct",
    )
    assert series_of("open_vacancies") == ("open_vacancies",)
