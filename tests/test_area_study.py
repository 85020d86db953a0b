"""The area-level evaluation: one trial area against the municipalities outside the trials.

A SYNTHETIC factor-model panel with a known effect checks the estimates and their inference;
the real data checks the aggregate rule, that every area gets an answer, and that the area
profile and the evaluation page show the same numbers.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from i18n import LANGS, t
from indicators import aggregation, area_study, profile
from indicators.area_study import area_series, evaluate_areas
from indicators.trial_study import outcome_panel
from indicators.views.area import area_table, area_view
from tests.conftest import real_frames, run_app, synthetic_municipalities
from tests.panels import count_rows

EFFECT = -1.5


# --------------------------------------------------------------------------------------------
# SYNTHETIC data: generated here, never part of the shipped data
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def synthetic() -> dict[str, pd.DataFrame]:
    """SYNTHETIC panel: 100 municipalities, unemployed share = level + loading × a common
    factor path + noise, 2019-01…2024-12. Area S1 (one member) and S2 (four members) are
    lower by exactly 1.5 percentage points from 2021-03 on; area S3 (three members) has no
    effect."""
    rng = np.random.default_rng(7)
    municipalities = synthetic_municipalities(100, name_en="Kunta", offices=False)
    codes = list(municipalities["code"])
    areas = {"S1": codes[:1], "S2": codes[1:5], "S3": codes[5:8]}
    memberships = pd.DataFrame(
        [
            (c, a, "2021-03-01", "2024-12-31", "confirmed")
            for a, members in areas.items()
            for c in members
        ],
        columns=["municipality_code", "area_id", "member_from", "member_to", "status"],
    )
    months = [str(p) for p in pd.period_range("2019-01", "2024-12", freq="M")]
    t_ = np.arange(len(months))
    factor = 2.0 * np.sin(t_ / 5.0) + 0.03 * t_
    post = np.array([m >= "2021-03" for m in months])
    treated = set(codes[:5])
    shares = {}
    for code in codes:
        level = rng.uniform(6.0, 12.0)
        loading = rng.uniform(0.6, 1.4)
        labour_force = float(rng.integers(3_000, 40_000))
        share = level + loading * factor + rng.normal(0.0, 0.15, len(months))
        shares[code] = (labour_force, share + EFFECT * post if code in treated else share)
    obs = count_rows(shares, months)
    return {"obs": obs, "municipalities": municipalities, "memberships": memberships}


def test_known_effect_is_found_and_a_null_area_is_not(synthetic: dict) -> None:
    study = evaluate_areas(synthetic["obs"], synthetic["municipalities"], synthetic["memberships"])
    assert set(study.areas) == {"S1", "S2", "S3"}
    for area in ("S1", "S2"):
        result = study.areas[area]
        assert result.sc is not None and result.did is not None
        assert result.sc.effect == pytest.approx(EFFECT, abs=0.3), area
        # DiD assumes equal factor loadings, which a factor model breaks: a looser bound
        assert result.did.estimate == pytest.approx(EFFECT, abs=0.6), area
        assert result.sc.fit == "good"
        assert result.sc.p_value is not None and result.sc.p_value <= 0.05, area
        assert result.clear_gap
        weights = result.weights["weight"]
        assert (weights > 0).all() and weights.sum() == pytest.approx(1.0)
        # No treated municipality is a donor or a placebo
        assert not set(result.weights["code"]) & set(synthetic["memberships"]["municipality_code"])
    null = study.areas["S3"]
    assert abs(null.did.estimate) < 0.3  # type: ignore[union-attr]
    assert null.sc is not None and abs(null.sc.effect) < 0.3
    assert not null.clear_gap
    # The placebo DiD's interval holds its estimate, the null area's holds zero, p is never 0
    s2, s3 = study.areas["S2"].did, null.did
    assert s2 is not None and s2.ci_low is not None and s2.ci_high is not None
    assert s2.ci_low < s2.estimate < s2.ci_high < 0
    assert s3 is not None and s3.ci_low is not None and s3.ci_high is not None
    assert s3.ci_low < 0 < s3.ci_high
    assert min(e.did.p_value for e in study.areas.values() if e.did) > 0


def test_the_views_render_in_every_language(synthetic: dict) -> None:
    study = evaluate_areas(synthetic["obs"], synthetic["municipalities"], synthetic["memberships"])
    areas = pd.DataFrame(
        {"area_id": ["S1", "S2", "S3"], "name_fi": ["A", "B", "C"], "name_sv": ["A", "B", "C"]}
    )
    for lang in LANGS:
        view = area_view(study.areas["S2"], synthetic["municipalities"], lang)
        assert view.available and view.series is not None and view.band is not None
        texts = [view.verdict, view.gap_sentence, view.did_sentence, view.method, *view.notes]
        assert all(texts[:4])
        for text in texts:
            assert "{" not in text and "None" not in text and "nan" not in text.lower()
        for text in (view.did_sentence, view.verdict):
            assert not re.search(r"p = 0(?![,.]\d)|p = 0[,.]000", text), text
        table = area_table(study, areas, lang)
        cells = " ".join(map(str, table.to_numpy().ravel()))
        assert "None" not in cells and "nan" not in cells.lower()
    # No area: the reason is said, in the language asked for
    missing = area_view(None, synthetic["municipalities"], "sv")
    assert not missing.available and missing.reason == t("area.not_estimated", "sv")


# --------------------------------------------------------------------------------------------
# The real data
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(real_sqlite_url: str) -> dict[str, pd.DataFrame]:
    return real_frames(real_sqlite_url, since="2016-01", area_groups=True)


def test_area_series_is_the_ratio_of_sums(real: dict) -> None:
    """Where the counts exist, the area's share is 100 × Σ unemployed / Σ labour force."""
    members = real["memberships"]
    units = profile.area_units(members[members["area_id"] == "A06"])
    panel = outcome_panel(real["obs"], "unemployed_share_pct")
    panel = panel[(panel["month"] >= "2019-01") & (panel["month"] <= "2023-10")]
    lf = real["obs"][real["obs"]["indicator"] == "labour_force"]
    weights = lf.rename(columns={"area_code": "unit", "value": "weight"})
    series = area_series(panel, weights, units)
    direct = aggregation.aggregate(
        real["obs"], units.assign(group="A06"), "unemployed_share_pct"
    ).set_index("month")["value"]
    for month in ("2019-01", "2021-03", "2023-10"):
        assert series[month] == pytest.approx(direct[month], rel=1e-12), month


def test_every_area_gets_an_answer_on_the_real_data(real: dict) -> None:
    study = evaluate_areas(
        real["obs"],
        real["municipalities"],
        real["memberships"],
        group_obs=real["groups"],
        group_members=real["group_members"],
    )
    areas = set(real["memberships"].loc[real["memberships"]["status"] != "not_in_trial", "area_id"])
    assert set(study.areas) | set(study.failed) == areas
    # Unverified-only areas are said to be so; every other area has both estimates
    unverified = set(
        real["memberships"]
        .groupby("area_id")["status"]
        .agg(lambda s: (s == "probable").all())
        .loc[lambda s: s]
        .index
    )
    assert set(study.failed) == unverified
    for area, result in study.areas.items():
        assert result.sc is not None, (area, result.sc_reason)
        assert result.did is not None, area
        assert result.window == ("2019-01", "2024-12")
        assert len(result.donors) > 150
    # Mäntyharju and Pertunmaa (A14) are published together after 2023-10
    assert any(n.key == "area.merged_unit" for n in study.areas["A14"].notes)
    assert study.seconds < 120


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_profile_and_evaluation_page_agree(
    real_sqlite_url: str, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    """The same area, outcome and window give the same numbers on both pages."""
    monkeypatch.setenv("DATABASE_URL", real_sqlite_url)
    page = run_app("evaluation", timeout=300, lang=lang)
    assert not page.exception, page.exception
    table = next(d.value for d in page.dataframe if t("area.col.sc", lang) in d.value.columns)
    row = table[table[t("area.col.area", lang)].str.endswith("(A03)")].iloc[0]
    profile_page = run_app("area_profile", timeout=300, lang=lang, area="A03")
    assert not profile_page.exception, profile_page.exception
    metrics = {m.label: m.value for m in profile_page.metric}
    effect = row[t("area.col.sc", lang)]
    assert effect.lstrip("−") in metrics[t("area.effect", lang)]
    assert metrics[t("area.effect", lang)].startswith("−") == effect.startswith("−")
    assert metrics[t("area.p", lang)] == row[t("area.col.sc_p", lang)]
    did_text = " ".join(str(m.value) for m in profile_page.markdown)
    assert row[t("area.col.did", lang)].lstrip("−") in did_text


def test_shared_placebo_fits_change_nothing(synthetic: dict, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The areas share their donors' placebo fits: the same numbers, bit for bit, as fitting
    them for every area."""
    import indicators.area_study as area_study_module
    from indicators.synth import PlaceboCache

    args = (synthetic["obs"], synthetic["municipalities"], synthetic["memberships"])
    cache = PlaceboCache()
    monkeypatch.setattr(area_study_module, "_PLACEBOS", cache)
    shared = evaluate_areas(*args)
    assert cache.misses == 1 and cache.hits == len(shared.areas) - 1
    monkeypatch.setattr(area_study_module, "_PLACEBOS", None)
    alone = evaluate_areas(*args)
    pd.testing.assert_frame_equal(shared.table(), alone.table(), check_exact=True)
    for area, evaluation in shared.areas.items():
        other = alone.areas[area]
        assert evaluation.sc is not None and other.sc is not None
        pd.testing.assert_frame_equal(
            evaluation.sc.placebo_stats, other.sc.placebo_stats, check_exact=True
        )
        pd.testing.assert_frame_equal(evaluation.placebo_gaps, other.placebo_gaps, check_exact=True)
        pd.testing.assert_frame_equal(evaluation.series, other.series, check_exact=True)


def test_area_series_reads_only_the_members_weights(
    synthetic: dict, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The members' weights alone give, bit for bit, the series every unit's weights gave."""
    obs = synthetic["obs"]
    panel = outcome_panel(obs, "unemployed_share_pct")[["unit", "month", "value"]]
    lf = obs[obs["indicator"] == "labour_force"]
    weights = lf.rename(columns={"area_code": "unit", "value": "weight"})[
        ["unit", "month", "weight"]
    ]
    # A member without a weight for some months, and months only another unit has
    gap = (weights["unit"] == "102") & weights["month"].between("2020-03", "2020-09")
    extra = pd.DataFrame({"unit": "999", "month": ["2018-12", "2020-05"], "weight": [1.0, 2.0]})
    weights = pd.concat([weights[~gap], extra], ignore_index=True)
    members = synthetic["memberships"]
    by_month = area_study._weights_by_month

    def every_units_weights(_mine: pd.DataFrame, months: list[str]) -> pd.DataFrame:
        # area_series as it was: pivoting every unit's weights, not only the members'
        return by_month(weights, months)

    for area in ("S1", "S2", "S3"):
        units = profile.area_units(members[members["area_id"] == area])
        members_only = area_series(panel, weights, units)
        with monkeypatch.context() as patch:
            patch.setattr(area_study, "_weights_by_month", every_units_weights)
            every_unit = area_series(panel, weights, units)
        pd.testing.assert_series_equal(members_only, every_unit, check_exact=True)
