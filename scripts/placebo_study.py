"""Placebo calibration of the per-area tests: fake trial areas drawn from the comparison pool.

Fake "areas" of the real areas' sizes are drawn from the municipalities that were not in the
trials, pretended to start in 2021-03 and evaluated like a real area: a synthetic control of the
area's aggregate series (placebo-in-space p-value) and a TWFE DiD of its municipalities with
randomisation inference. Nothing happened to them, so each test should reject at 5 % in about
5 % of the fake areas. A benchmark, not a timed test::

    python -m scripts.placebo_study --db var/seuranta.db --n-fake 200

It also times one area with all its placebos and all trial areas (``--timing``).
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from catalogue import calendar
from indicators.inference import placebo_did
from indicators.synth import synthetic_control

__all__ = [
    "StudyResult",
    "aggregate_series",
    "load_panel",
    "placebo_study",
    "time_areas",
]

Method = Literal["sc", "did", "both"]
EVENT = calendar.TRIAL_FIRST_MONTH
WINDOW = calendar.EVALUATION_WINDOW
FAKE = "__fake_area__"
ROOT = Path(__file__).resolve().parents[1]
# Both per-area methods on the ``unit, month, value`` panel of this study
_synthetic_control = partial(synthetic_control, outcome="value", unit="unit", period="month")
_placebo_did = partial(placebo_did, outcome="value", unit="unit", period="month")


@dataclass(frozen=True, eq=False)
class StudyResult:
    """Results of a placebo calibration study.

    Attributes
    ----------
    table : pandas.DataFrame
        One row per fake area: ``area, size, members, sc_p, sc_fit, sc_effect, sc_holdout_p,
        did_p, did_estimate`` (columns of a method not run are missing).
    rejection : pandas.Series
        Share of fake areas with p <= ``alpha``, by test: ``sc`` (ADH's in-sample ratio),
        ``sc_good_fit`` (the same, only areas whose synthetic control fits), ``sc_holdout``
        (the out-of-sample ratio), ``did``.
    alpha : float
        The level.
    n_pool : int
        Municipalities the fake areas and their comparisons were drawn from.
    seconds : float
        Wall time of the study.
    """

    table: pd.DataFrame
    rejection: pd.Series
    alpha: float
    n_pool: int
    seconds: float


def aggregate_series(
    panel: pd.DataFrame, members: Sequence[Hashable], unit: Hashable
) -> pd.DataFrame:
    """One area's series from its members' rows: the ``weight``-weighted mean of ``value``.

    With the labour force as ``weight`` and the unemployed share as ``value`` this is the ratio
    of sums 100 · Σ unemployed / Σ labour force. Without a ``weight`` column, the plain mean.
    """
    rows = panel[panel["unit"].isin(list(members))]
    w = rows["weight"] if "weight" in rows else pd.Series(1.0, index=rows.index)
    agg = (
        rows.assign(_wy=rows["value"] * w, _w=w.where(rows["value"].notna()))
        .groupby("month", sort=True)[["_wy", "_w"]]
        .sum(min_count=1)
    )
    return pd.DataFrame(
        {"unit": unit, "month": agg.index, "value": (agg["_wy"] / agg["_w"]).values}
    )


def _complete_units(panel: pd.DataFrame) -> list[Hashable]:
    wide = panel.pivot(index="month", columns="unit", values="value")
    return [u for u in wide.columns if wide[u].notna().all()]


def placebo_study(
    panel: pd.DataFrame,
    *,
    sizes: Sequence[int],
    n_fake: int = 200,
    seed: int = 0,
    method: Method = "both",
    pool: Sequence[Hashable] | None = None,
    first_treated_period: str = EVENT,
    alpha: float = 0.05,
    n_draws: int = 500,
    holdout: int = 9,
) -> StudyResult:
    """Rejection rates of the per-area tests on fake areas that had no treatment.

    Parameters
    ----------
    panel : pandas.DataFrame
        Long panel ``unit, month, value`` (optionally ``weight`` for the area aggregate), the
        comparison municipalities only or with ``pool`` naming them.
    sizes : sequence of int
        Sizes of the real areas; fake area i has size ``sizes[i % len(sizes)]``.
    n_fake : int, default 200
        Number of fake areas.
    seed : int, default 0
        Seed of the fake areas and of the DiD's placebo draws.
    method : {"sc", "did", "both"}, default "both"
        Which tests to run.
    pool : sequence, optional
        Municipalities to draw from and compare with; None means every unit of ``panel``.
        Units with a missing value in the window are left out of the pool.
    first_treated_period : str, default :data:`EVENT` (the trials' first month)
        The pretended start.
    alpha : float, default 0.05
        Level of the tests.
    n_draws : int, default 500
        Fake groups per DiD randomisation test.
    holdout : int, default 9
        Pre-periods held out for the synthetic control's out-of-sample ratio (``sc_holdout``);
        0 skips that variant.

    Returns
    -------
    StudyResult
        Per-area p-values and the rejection rates.
    """
    start = time.perf_counter()
    units = set(panel["unit"].unique()) if pool is None else set(pool)
    data = panel[panel["unit"].isin(units)]
    complete = sorted(_complete_units(data), key=str)
    data = data[data["unit"].isin(complete)]
    rng = np.random.default_rng(seed)
    rows = []
    with threadpool_limits(1):
        for i in range(n_fake):
            k = int(sizes[i % len(sizes)])
            members = [complete[j] for j in sorted(rng.choice(len(complete), k, replace=False))]
            others = [u for u in complete if u not in set(members)]
            row: dict[str, object] = {"area": i, "size": k, "members": tuple(members)}
            if method in ("sc", "both"):
                area = aggregate_series(data, members, FAKE)
                frame = pd.concat([data[data["unit"].isin(others)], area], ignore_index=True)
                sc = _synthetic_control(
                    frame,
                    treated_unit=FAKE,
                    first_treated_period=first_treated_period,
                )
                row.update(sc_p=sc.p_value, sc_fit=sc.fit, sc_effect=sc.effect)
                if holdout:
                    held = _synthetic_control(
                        frame,
                        treated_unit=FAKE,
                        first_treated_period=first_treated_period,
                        holdout=holdout,
                    )
                    row.update(sc_holdout_p=held.p_value)
            if method in ("did", "both"):
                did = _placebo_did(
                    data,
                    treated_units=members,
                    first_treated_period=first_treated_period,
                    donors=others,
                    n_draws=n_draws,
                    seed=seed + i,
                )
                row.update(did_p=did.p_value, did_estimate=did.estimate)
            rows.append(row)
    table = pd.DataFrame(rows)
    rates: dict[str, float] = {}
    if "sc_p" in table:
        rates["sc"] = float((table["sc_p"] <= alpha).mean())
        good = table[table["sc_fit"] == "good"]
        rates["sc_good_fit"] = float((good["sc_p"] <= alpha).mean()) if len(good) else np.nan
    if "sc_holdout_p" in table:
        rates["sc_holdout"] = float((table["sc_holdout_p"] <= alpha).mean())
    if "did_p" in table:
        rates["did"] = float((table["did_p"] <= alpha).mean())
    return StudyResult(
        table=table,
        rejection=pd.Series(rates, name="rejection_rate"),
        alpha=alpha,
        n_pool=len(complete),
        seconds=time.perf_counter() - start,
    )


# --------------------------------------------------------------------------------------------
# The real data
# --------------------------------------------------------------------------------------------


def load_panel(url: str) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The unemployed share panel (2019-01..2024-12) and the trial memberships in force.

    Returns ``panel`` (``unit, month, value, weight``: the labour force, carried forward past its
    last published month so that an area's series stays the ratio of sums; Åland's
    municipalities left out, as in the app) and ``members``
    (``municipality_code, area_id`` with status confirmed or probable).
    """
    from data_access import queries
    from data_access.engine import make_engine
    from indicators.comparison import aland_codes
    from indicators.trial_study import outcome_panel, required_indicators

    engine = make_engine(url)
    outcome = "unemployed_share_pct"
    obs = queries.observations(
        engine,
        indicators=required_indicators(outcome),
        level="municipality",
        since=WINDOW[0],
        until=WINDOW[1],
    )
    panel = outcome_panel(obs, outcome)[["unit", "month", "value"]]
    lf = obs[obs["indicator"] == "labour_force"][["area_code", "month", "value"]].rename(
        columns={"area_code": "unit", "value": "weight"}
    )
    panel = panel.merge(lf, on=["unit", "month"], how="left").sort_values(["unit", "month"])
    panel["weight"] = panel.groupby("unit")["weight"].ffill()
    memberships = queries.memberships(engine)
    members = memberships[memberships["status"].isin(["confirmed", "probable"])][
        ["municipality_code", "area_id"]
    ].reset_index(drop=True)
    # The app's pool: Åland's own authority ran its services, so its 16 municipalities are
    # neither trial nor TE-office comparison municipalities
    aland = set(aland_codes(queries.municipalities(engine)))
    panel = panel[~panel["unit"].isin(aland)]
    return panel.reset_index(drop=True), members


def time_areas(panel: pd.DataFrame, members: pd.DataFrame) -> pd.DataFrame:
    """Run both per-area methods on every trial area and time them.

    Returns one row per area: ``area, size, sc_seconds, sc_p, sc_fit, sc_effect, did_seconds,
    did_p, did_estimate``.
    """
    trial = set(members["municipality_code"])
    donors = [u for u in sorted(panel["unit"].unique()) if u not in trial]
    donor_rows = panel[panel["unit"].isin(donors)]
    rows = []
    with threadpool_limits(1):
        for area, group in members.groupby("area_id", sort=True):
            codes = list(group["municipality_code"])
            series = aggregate_series(panel, codes, area)
            t0 = time.perf_counter()
            sc = _synthetic_control(
                pd.concat([donor_rows, series], ignore_index=True),
                treated_unit=area,
                first_treated_period=EVENT,
            )
            t1 = time.perf_counter()
            did = _placebo_did(
                panel[panel["unit"].isin([*codes, *donors])],
                treated_units=codes,
                first_treated_period=EVENT,
                donors=donors,
            )
            t2 = time.perf_counter()
            rows.append(
                {
                    "area": area,
                    "size": len(codes),
                    "sc_seconds": t1 - t0,
                    "sc_p": sc.p_value,
                    "sc_fit": sc.fit,
                    "sc_effect": sc.effect,
                    "did_seconds": t2 - t1,
                    "did_p": did.p_value,
                    "did_estimate": did.estimate,
                }
            )
    return pd.DataFrame(rows)


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: run the study (and optionally the timing) on the embedded database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default=str(ROOT / "var" / "seuranta.db"))
    parser.add_argument("--n-fake", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--method", choices=["sc", "did", "both"], default="both")
    parser.add_argument("--holdout", type=int, default=9)
    parser.add_argument("--timing", action="store_true", help="also time all trial areas")
    parser.add_argument("--out", help="write the per-area table to this CSV file")
    args = parser.parse_args(argv)
    panel, members = load_panel(f"sqlite:///{Path(args.db).resolve()}")
    sizes = members.groupby("area_id").size().sort_index().tolist()
    trial = set(members["municipality_code"])
    pool = [u for u in panel["unit"].unique() if u not in trial]
    print(f"{len(sizes)} trial areas of sizes {sizes}; {len(pool)} comparison municipalities")
    if args.timing:
        timing = time_areas(panel, members)
        with pd.option_context("display.width", 160, "display.max_columns", 20):
            print(timing.round(4).to_string(index=False))
        print(
            f"all areas: synthetic control {timing['sc_seconds'].sum():.2f} s, "
            f"placebo DiD {timing['did_seconds'].sum():.2f} s"
        )
    result = placebo_study(
        panel,
        sizes=sizes,
        n_fake=args.n_fake,
        seed=args.seed,
        method=args.method,
        pool=pool,
        holdout=args.holdout,
    )
    print(
        f"{len(result.table)} fake areas from {result.n_pool} complete comparison municipalities "
        f"in {result.seconds:.1f} s; rejection rate at {result.alpha:.0%}:"
    )
    print(result.rejection.round(3).to_string())
    by_size = result.table.assign(single=result.table["size"] == 1).groupby("single")
    for column in ("sc_p", "sc_holdout_p", "did_p"):
        if column in result.table:
            rates = by_size[column].apply(lambda p: (p <= result.alpha).mean()).round(3)
            print(
                f"{column} <= {result.alpha}: one municipality {rates.get(True, np.nan)}, "
                f"several {rates.get(False, np.nan)}"
            )
    if args.out:
        result.table.to_csv(args.out, index=False)
    if "sc_fit" in result.table:
        print(
            f"share of fake areas whose synthetic control fits: "
            f"{(result.table['sc_fit'] == 'good').mean():.3f}"
        )


if __name__ == "__main__":
    main()
