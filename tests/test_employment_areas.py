"""The trials' continuation on the map: the 2025 employment areas (issue 14 item 16)."""

from __future__ import annotations

import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import queries
from geo import maps
from geo.boundaries import GeoError, employment_area_layer
from i18n import t
from indicators.views import map as map_view
from tests.conftest import run_app


def test_the_46_employment_areas_dissolve_from_all_309_municipalities(
    real_engine: Engine,
) -> None:
    shapes = queries.boundaries(real_engine)
    employment = queries.employment_areas(real_engine)
    layer = employment_area_layer(shapes, employment)
    assert len(layer) == 46 and int(layer["n_members"].sum()) == 309
    assert layer.geometry.is_valid.all() and not layer.geometry.is_empty.any()
    ahvenanmaa = layer.set_index("area_code").loc["TA46"]
    assert (ahvenanmaa["name_fi"], ahvenanmaa["name_sv"], ahvenanmaa["n_members"]) == (
        "Ahvenanmaa",
        "Åland",
        16,
    )
    # A municipality without a boundary is named, not dropped
    bad = pd.concat(
        [employment, employment.head(1).assign(municipality_code="999")], ignore_index=True
    )
    with pytest.raises(GeoError, match="999"):
        employment_area_layer(shapes, bad)


def test_the_map_names_each_municipalitys_employment_area_in_its_tooltip(
    real_engine: Engine,
) -> None:
    spec = maps.trial_area_map(
        queries.boundaries(real_engine),
        queries.memberships(real_engine),
        "2024-12",
        areas=queries.trial_areas(real_engine),
        lang="sv",
        labels=map_view.map_labels("sv"),
        employment_areas=queries.employment_areas(real_engine),
    ).to_dict()
    text = str(spec)
    assert "Sysselsättningsområde 2025" in text and "Päijänne-Tavastland" in text


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_map_page_shows_the_employment_areas(
    real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    at = run_app("map", timeout=120, lang=lang, level="employment_area")
    assert not at.exception, at.exception
    assert not at.warning
    # The choices that do nothing at this level are greyed out, with the reason
    assert at.selectbox(key="indicator").disabled and at.selectbox(key="classes").disabled
    assert at.selectbox(key="month").disabled
    assert at.selectbox(key="month").value == "2024-12"
    assert at.toggle(key="unverified").disabled
    [table] = [d.value for d in at.dataframe if len(d.value) == 309]
    column = t("profile.col.employment_area", lang)
    assert table[column].notna().all()
    code = t("profile.col.code", lang)
    row = table.set_index(code).loc["837"]  # Tampere
    assert row[column] == ("Tampereen seutu" if lang == "fi" else "Tammerforsregionen")
    captions = " ".join(c.value for c in at.caption)
    assert "31.12.2024" in captions


def test_the_organiser_map_greys_out_the_indicator(
    real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    at = run_app("map", timeout=120, lang="fi")
    assert not at.exception
    assert at.selectbox(key="indicator").disabled and not at.selectbox(key="month").disabled
    at2 = run_app("map", timeout=120, lang="fi", level="municipality")
    assert not at2.selectbox(key="indicator").disabled
