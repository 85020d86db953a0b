"""Ready-made evaluations: a synthetic panel with a known effect, then the real data."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sqlalchemy import Engine

from data_access import queries
from i18n import LANGS, MESSAGES, Message, render, t
from indicators.comparison import ComparisonError, comparison_group, matching_covariates
from indicators.did import EvaluationError
from indicators.trial_study import (
    LAGS,
    LEADS,
    RESULT_COLUMNS,
    Evaluation,
    evaluate,
    evaluate_all,
    outcome_panel,
    required_indicators,
)
from tests.conftest import real_frames, synthetic_municipalities
from tests.panels import count_rows

pytestmark = pytest.mark.usefixtures("single_blas_thread")


# --------------------------------------------------------------------------------------------
# SYNTHETIC data: generated here, never part of the shipped data
# --------------------------------------------------------------------------------------------

SYNTHETIC_EFFECT = -1.0


@pytest.fixture(scope="module")
def synthetic() -> dict[str, pd.DataFrame]:
    """SYNTHETIC municipalities, memberships and observations with a known trial effect.

    40 municipalities in four regions, 2017-01..2024-12. Areas S1 (6 members) and S2 (6) are
    confirmed trial areas, S3 has one unverified member and S4 is a dropped application. The
    unemployed share is a municipality level + a common month path + noise, and for confirmed
    and unverified members it is lower by exactly 1.0 percentage point from 2021-03 on. The
    observations are counts (labour force constant per municipality, unemployed = share ×
    labour force / 100), so the share goes through the same computation as the real data.
    """
    rng = np.random.default_rng(20210301)
    municipalities = synthetic_municipalities(40)
    codes = list(municipalities["code"])
    members = [(c, "S1", "confirmed") for c in codes[:6]]
    members += [(c, "S2", "confirmed") for c in codes[6:12]]
    members += [(codes[12], "S3", "probable"), (codes[13], "S4", "not_in_trial")]
    memberships = pd.DataFrame(
        {
            "municipality_code": [m[0] for m in members],
            "area_id": [m[1] for m in members],
            "member_from": ["2021-03-01" if m[2] != "not_in_trial" else None for m in members],
            "member_to": ["2024-12-31" if m[2] != "not_in_trial" else None for m in members],
            "status": [m[2] for m in members],
        }
    )
    months = [str(p) for p in pd.period_range("2017-01", "2024-12", freq="M")]
    t = np.arange(len(months))
    month_path = 2.0 * np.sin(t / 6.0) - 0.02 * t
    post = np.array([m >= "2021-03" for m in months])
    in_trial = set(codes[:13])
    shares = {}
    for code in codes:
        level = rng.uniform(5.0, 12.0)
        labour_force = float(rng.integers(2_000, 60_000))
        effect = SYNTHETIC_EFFECT * post if code in in_trial else 0.0
        share = level + month_path + effect + rng.normal(0.0, 0.2, len(months))
        shares[code] = (labour_force, share)
    obs = count_rows(shares, months)
    return {"obs": obs, "municipalities": municipalities, "memberships": memberships}


def _run(data: dict[str, pd.DataFrame], **kwargs: object) -> Evaluation:
    return evaluate(data["obs"], data["municipalities"], data["memberships"], **kwargs)  # type: ignore[arg-type]


def _keys(messages: tuple[Message, ...]) -> set[str]:
    return {m.key for m in messages}


def test_synthetic_effect_is_recovered(synthetic: dict[str, pd.DataFrame]) -> None:
    res = _run(synthetic)
    assert res.did.estimate == pytest.approx(SYNTHETIC_EFFECT, abs=0.1)
    assert res.did.ci_low < SYNTHETIC_EFFECT < res.did.ci_high
    # 12 confirmed members; the unverified one is on neither side, the dropped one a control
    assert (res.n_treated, res.n_control) == (12, 27)
    assert res.window == ("2019-01", "2024-12")
    # No pre-trend was built in, but 23 leads tested on 39 clusters over-reject, so the
    # p-value of one draw is not asserted; the test and its caveat must be there
    assert res.pretrend is not None and res.pretrend.leads_tested[0] == -24
    assert Message("note.few_clusters_per_lead", {"clusters": 39, "leads": 23}) in res.notes
    assert res.event is not None
    table = res.event.table.set_index("rel_period")
    assert table.index.min() == -24 and table.index.max() == 36
    assert table.loc[-1, "estimate"] == 0.0
    assert table.loc[[0, 12, 36], "estimate"].to_numpy() == pytest.approx(
        [SYNTHETIC_EFFECT] * 3, abs=0.25
    )
    keys = _keys(res.notes)
    assert Message("note.covid", {"start": "2019-01"}) in res.notes
    assert {"note.nordic_model", "group.unverified_excluded", "group.kitee"} <= keys
    assert keys & {"note.pretrend_rejects", "note.pretrend_passes"}
    assert "note.published_share" not in keys  # counts throughout
    assert res.flags == ()


@pytest.mark.parametrize("comparison", ["same_regions", "matched"])
def test_synthetic_effect_other_comparisons(
    synthetic: dict[str, pd.DataFrame], comparison: str
) -> None:
    res = _run(synthetic, comparison=comparison, with_event_study=False)
    assert res.did.estimate == pytest.approx(SYNTHETIC_EFFECT, abs=0.15)
    assert res.pretrend is None and res.event is None


def test_synthetic_switches(synthetic: dict[str, pd.DataFrame]) -> None:
    with_unverified = _run(synthetic, include_unverified=True, with_event_study=False)
    assert (with_unverified.n_treated, with_unverified.n_control) == (13, 27)
    weighted = _run(synthetic, weights="labour_force", cluster=None, with_event_study=False)
    assert weighted.did.weighted and weighted.did.cov_type == "unadjusted"
    assert weighted.did.estimate == pytest.approx(SYNTHETIC_EFFECT, abs=0.1)
    by_region = _run(synthetic, cluster="region", with_event_study=False)
    assert by_region.did.n_clusters == 4
    area = _run(synthetic, area="S2", window=("2020-01", "2022-12"))
    assert area.n_treated == 6 and area.group.treated == tuple(f"{c}" for c in range(106, 112))
    assert area.window == ("2020-01", "2022-12")
    assert area.did.estimate == pytest.approx(SYNTHETIC_EFFECT, abs=0.2)
    assert Message("note.few_treated", {"n": 6}, count="n") in area.notes
    assert area.flags == (Message("flag.few_treated", {"n": 6}, count="n"),)
    assert area.as_row()["note"] == "flag.few_treated"


def test_synthetic_errors(synthetic: dict[str, pd.DataFrame]) -> None:
    with pytest.raises(ComparisonError, match="unverified"):
        _run(synthetic, area="S3")
    with pytest.raises(EvaluationError, match="unknown outcome"):
        _run(synthetic, outcome="unemployed_jobseekers")
    with pytest.raises(EvaluationError, match="open_vacancies"):
        _run(synthetic, outcome="unemployed_per_vacancy")
    with pytest.raises(EvaluationError, match="cluster"):
        _run(synthetic, cluster="ely")


def test_synthetic_evaluate_all(synthetic: dict[str, pd.DataFrame]) -> None:
    table = evaluate_all(
        synthetic["obs"],
        synthetic["municipalities"],
        synthetic["memberships"],
        comparisons=("all_other", "matched"),
        with_event_study=False,
    )
    assert list(table.columns) == RESULT_COLUMNS
    # pooled, S1, S2, S3 (trial areas with a confirmed or unverified member) for each group
    assert len(table) == 8
    assert set(table["area"]) == {"pooled", "S1", "S2", "S3"}
    s3 = table[table["area"] == "S3"]
    assert s3["estimate"].isna().all() and s3["note"].str.contains("unverified").all()
    assert all(flags == (Message("flag.not_estimated"),) for flags in s3["flags"])
    ok = table[table["area"] != "S3"]
    # Six treated municipalities per area: flagged, and the note column holds the flags' keys
    for row in ok.itertuples():
        assert row.note == "; ".join(flag.key for flag in row.flags)
        assert ("flag.few_treated" in row.note) == (row.area != "pooled")
    assert ok["estimate"].to_numpy() == pytest.approx([SYNTHETIC_EFFECT] * 6, abs=0.2)
    assert (ok["ci_low"] < ok["ci_high"]).all()
    assert table.attrs["seconds"] > 0


def test_required_indicators() -> None:
    assert required_indicators("unemployed_share_pct") == (
        "labour_force",
        "unemployed_jobseekers",
        "unemployed_share_pct",
    )
    assert "open_vacancies" in required_indicators("unemployed_per_vacancy")


@pytest.mark.parametrize(
    ("lang", "phrases"),
    [
        ("fi", ("Pertunmaa", "lokakuu", "joulukuuhun 2024", "helmikuu 2021", "Aluekohtaiset")),
        ("sv", ("Pertunmaa", "oktober 2023", "december 2024", "februari 2021", "Områdesvisa")),
        ("en", ("Pertunmaa", "October 2023", "December 2024", "February 2021", "Per-area")),
    ],
)
def test_method_text_covers_the_evaluation(lang: str, phrases: tuple[str, ...]) -> None:
    """The outcomes after 2023-10, the merger, the window, the event study and the per-area
    estimates are explained in every language, with the event study's leads and lags."""
    text = t("evaluation.method", lang)
    for phrase in phrases:
        assert phrase in text, phrase
    assert f"{LEADS} " in text and f"{LAGS} " in text


# --------------------------------------------------------------------------------------------
# Caveats: every message the core builds renders in every language
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def eventful(synthetic: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """The SYNTHETIC data with everything that makes a caveat.

    Two controls become Mäntyharju (507) and Pertunmaa (588) and one an Åland municipality;
    after 2023-10 only the published share exists (no counts); the controls have three
    months of 2025; one control is suppressed in 2019–2020 (incomplete covariates); the
    treated 100 has no labour force before the trials (no weight, no covariates); open
    vacancies are zero in every fifth municipality.
    """
    obs = synthetic["obs"].copy()
    munis = synthetic["municipalities"].copy()
    rename = {"138": "507", "139": "588"}
    obs["area_code"] = obs["area_code"].replace(rename)
    munis["code"] = munis["code"].replace(rename)
    munis.loc[munis["code"] == "137", "region_code"] = "MK21"
    munis = munis.sort_values("code").reset_index(drop=True)

    counts = obs["indicator"] == "unemployed_jobseekers"
    late = obs["month"] > "2023-10"
    lf = obs.loc[obs["indicator"] == "labour_force", ["area_code", "month", "value"]]
    share = obs[counts & late].merge(lf, on=["area_code", "month"], suffixes=("", "_lf"))
    share = share.assign(
        indicator="unemployed_share_pct", value=(100 * share["value"] / share["value_lf"]).round(1)
    ).drop(columns="value_lf")
    obs = pd.concat([obs[~(counts & late)], share], ignore_index=True)

    controls = sorted(set(munis["code"]) - {f"{c}" for c in range(100, 114)})
    tail = obs[(obs["month"] == "2024-12") & obs["area_code"].isin(controls)]
    obs = pd.concat(
        [obs, *(tail.assign(month=m) for m in ("2025-01", "2025-02", "2025-03"))],
        ignore_index=True,
    )

    hidden = (
        (obs["area_code"] == "130")
        & (obs["indicator"] == "unemployed_jobseekers")
        & obs["month"].between("2019-01", "2020-12")
    )
    obs.loc[hidden, ["value", "suppressed"]] = [np.nan, True]
    no_lf = (
        (obs["area_code"] == "100")
        & (obs["indicator"] == "labour_force")
        & (obs["month"] < "2021-03")
    )
    obs.loc[no_lf, ["value", "suppressed"]] = [np.nan, True]

    vacancies = obs[obs["indicator"] == "labour_force"].copy()
    vacancies["indicator"] = "open_vacancies"
    vacancies["value"] = np.where(
        vacancies["area_code"].astype(int) % 5 == 0, 0.0, vacancies["value"] / 100
    )
    obs = pd.concat([obs, vacancies], ignore_index=True)
    return {"obs": obs, "municipalities": munis, "memberships": synthetic["memberships"]}


def test_every_caveat_renders_in_every_language(eventful: dict[str, pd.DataFrame]) -> None:
    runs: list[dict[str, object]] = [
        {},
        {"window": ("2019-01", "2025-03"), "with_event_study": False},
        {"window": ("2019-01", "2025-06"), "with_event_study": False},
        {"weights": "labour_force", "cluster": None, "with_event_study": False},
        {"comparison": "matched", "k": 30, "include_unverified": True, "with_event_study": False},
        {"comparison": "same_regions", "area": "S1", "with_event_study": False},
        {"area": "S1", "cluster": "region", "window": ("2019-01", "2023-10")},
        {"comparison": "matched", "area": "S3", "include_unverified": True, "k": 1},
        {"outcome": "unemployed_per_vacancy", "with_event_study": False},
        {"cluster": None, "window": ("2019-01", "2023-10")},  # conventional errors: p ≈ 0.7
    ]
    messages: list[Message] = []
    for kwargs in runs:
        res = _run(eventful, **kwargs)
        messages += [*res.notes, *res.flags]
    table = evaluate_all(
        eventful["obs"],
        eventful["municipalities"],
        eventful["memberships"],
        areas=["S2", "S3"],
        pooled=False,
        window=("2020-01", "2021-12"),
        with_event_study=False,
    )
    messages += [flag for flags in table["flags"] for flag in flags]
    group = comparison_group(
        "matched",
        eventful["municipalities"],
        eventful["memberships"],
        covariates=matching_covariates(eventful["obs"], eventful["municipalities"]),
        replace=False,
    )
    messages += group.notes
    for message in messages:
        assert message.key in MESSAGES, message.key
        for lang in LANGS:
            text = render(message, lang)
            assert text.strip() and not re.search(r"[{}]", text), (message, lang, text)
    produced = {m.key for m in messages}
    catalogue = {k for k in MESSAGES if k.split(".")[0] in ("note", "group", "flag")}
    # Dropped with nothing but a missing value, every row is a suppressed month, and prepared
    # panels are already cut to the window, so these two are a guard only
    assert catalogue - produced == {"note.rows_without_value", "note.no_observations"}
    # Lists of municipalities arrive as names and codes, joined in the language's words
    kitee = next(m for m in messages if m.key == "group.kitee")
    assert kitee.values["names"] == ("Municipality 113 (113)",)
    suppressed = next(m for m in messages if m.key == "note.suppressed")
    assert "Municipality 130 (130)" in render(suppressed, "en")
    merged = next(m for m in messages if m.key == "note.merged")
    assert "lokakuu 2023" in render(merged, "fi") and "oktober 2023" in render(merged, "sv")


def test_every_message_key_of_the_core_is_in_the_catalogue() -> None:
    """Each ``note.*``, ``group.*`` and ``flag.*`` key named in the core has an entry, and
    each such entry is named by the core."""
    root = Path(__file__).resolve().parent.parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in (root / "indicators").glob("*.py"))
    named = set(re.findall(r"\"((?:note|group|flag)\.[a-z_]+)\"", source))
    catalogue = {k for k in MESSAGES if k.split(".")[0] in ("note", "group", "flag")}
    assert named == catalogue


# --------------------------------------------------------------------------------------------
# Real data
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real(real_sqlite_url: str) -> dict[str, pd.DataFrame]:
    return real_frames(real_sqlite_url, since="2017-01")


def test_real_outcome_panel(real: dict[str, pd.DataFrame]) -> None:
    panel = outcome_panel(real["obs"], "unemployed_share_pct")
    # Pertunmaa and Mäntyharju: separate to 2023-10, nothing after (merged in the 2025 data)
    for code in ("507", "588"):
        months = panel.loc[panel["unit"] == code, "month"]
        assert months.max() == "2023-10"
    helsinki = panel[panel["unit"] == "091"].set_index("month")
    # Computed from counts up to 2023-10 (31,715 unemployed in December 2019), published after
    assert not helsinki.loc["2019-12", "published"]
    assert helsinki.loc["2024-06", "published"]
    assert 8 < helsinki.loc["2019-12", "value"] < 12


def test_real_pooled_all_other(real: dict[str, pd.DataFrame]) -> None:
    res = evaluate(real["obs"], real["municipalities"], real["memberships"])
    did = res.did
    assert all(math.isfinite(v) for v in (did.estimate, did.std_error, did.ci_low, did.ci_high))
    assert did.ci_low < did.estimate < did.ci_high
    assert (res.n_treated, res.n_control) == (118, 175)
    assert res.window == ("2019-01", "2024-12")
    assert did.n_clusters == 293  # 118 + 175
    assert res.pretrend is not None and 0 <= res.pretrend.p_value <= 1
    keys = _keys(res.notes)
    assert keys & {"note.pretrend_rejects", "note.pretrend_passes"}
    assert {"note.merged", "note.published_share", "group.kitee"} <= keys
    assert set(res.dropped["unit"]) >= {"507", "588"}


def test_real_include_unverified(real: dict[str, pd.DataFrame]) -> None:
    res = evaluate(
        real["obs"],
        real["municipalities"],
        real["memberships"],
        include_unverified=True,
        with_event_study=False,
    )
    assert (res.n_treated, res.n_control) == (118, 175)


def test_real_helsinki(real: dict[str, pd.DataFrame]) -> None:
    res = evaluate(
        real["obs"], real["municipalities"], real["memberships"], area="A01", comparison="matched"
    )
    assert res.group.treated == ("091",)
    assert (res.n_treated, res.n_control) == (1, 3)
    assert math.isfinite(res.did.estimate)
    # Four clusters cannot carry a joint test of 23 leads: no p-value rather than a false one
    assert res.pretrend is None
    assert "flag.pretrend_undefined" in res.as_row()["note"]
    assert Message("note.few_treated", {"n": 1}, count="n") in res.notes
    assert render(Message("note.few_treated", {"n": 1}, count="n"), "en").startswith(
        "Only 1 trial municipality:"
    )


def test_real_evaluate_all_has_every_area(real: dict[str, pd.DataFrame]) -> None:
    # A short window and no event study keep this test quick; it checks the plumbing
    table = evaluate_all(
        real["obs"],
        real["municipalities"],
        real["memberships"],
        comparisons=("all_other",),
        window=("2020-03", "2021-12"),
        with_event_study=False,
    )
    areas = set(real["memberships"].loc[lambda m: m["status"] != "not_in_trial", "area_id"])
    assert len(areas) == 25
    assert set(table["area"]) == areas | {"pooled"}
    assert len(table) == 26
    assert table["estimate"].notna().all()
    assert (table["n_control"] == 175).all()
    assert table.set_index("area").loc["pooled", "n_treated"] == 118


def test_real_engine_feeds_evaluate(real_engine: Engine) -> None:
    # Both backends give frames that evaluate accepts (a one-year window keeps it quick)
    obs = queries.observations(
        real_engine,
        indicators=required_indicators("unemployed_share_pct"),
        level="municipality",
        since="2020-09",
        until="2021-08",
    )
    res = evaluate(
        obs,
        queries.municipalities(real_engine),
        queries.memberships(real_engine),
        window=("2020-09", "2021-08"),
        with_event_study=False,
    )
    assert res.n_treated == 118 and math.isfinite(res.did.estimate)


def test_exports_carry_their_specification(synthetic: dict[str, pd.DataFrame]) -> None:
    from indicators.views.evaluation import event_table, specification

    res = _run(synthetic)
    for lang in ("fi", "sv", "en"):
        spec = specification(res, lang)
        assert "{" not in spec and str(res.n_treated) in spec
        table = event_table(res, lang)
        assert len(table) == len(res.event.table)  # type: ignore[union-attr]
        months = table.iloc[:, 1].tolist()
        assert months[list(table.iloc[:, 0]).index(0)] == "2021-03"
    en = specification(res, "en")
    assert "reference month February 2021" in en and "end points" in en
    assert "Outcome: Unemployed share of the labour force" in en


def test_a_prepared_outcome_is_reused_with_the_same_results(
    synthetic: dict[str, pd.DataFrame],
) -> None:
    from indicators.trial_study import prepare_outcome

    ctx = prepare_outcome(synthetic["obs"], synthetic["municipalities"], "unemployed_share_pct")
    for options in (
        {},
        {"comparison": "matched"},
        {"window": ("2020-01", "2022-06"), "include_unverified": True},
    ):
        fresh = _run(synthetic, **options)
        reused = _run(synthetic, prepared=ctx, **options)
        assert reused.did == fresh.did
        assert reused.event is not None and fresh.event is not None
        pd.testing.assert_frame_equal(reused.event.table, fresh.event.table, check_exact=True)
        assert reused.notes == fresh.notes and reused.flags == fresh.flags
    assert ("matched", None, False, 3) in ctx._groups  # the matching is kept for reuse
    with pytest.raises(EvaluationError, match="prepared data are of unemployed_share_pct"):
        _run(synthetic, prepared=ctx, outcome="unemployed_per_vacancy")
