"""Comparison groups of TE-office municipalities for the trial municipalities, matching included."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import pandas as pd

from catalogue import calendar, definitions
from i18n import Message
from indicators import aggregation, transforms

__all__ = [
    "ALAND_REGION",
    "COMPARISONS",
    "COVARIATES",
    "LEVEL_WINDOW",
    "TREND_WINDOW",
    "ComparisonError",
    "ComparisonGroup",
    "ComparisonKind",
    "MatchResult",
    "aland_codes",
    "comparison_group",
    "match_peers",
    "matching_covariates",
    "municipality_labels",
    "trial_area_ids",
    "trial_members",
]

ComparisonKind = Literal["all_other", "same_regions", "matched"]
COMPARISONS: tuple[ComparisonKind, ...] = ("all_other", "same_regions", "matched")
COVARIATES: tuple[str, ...] = ("pre_level", "pre_trend", "log_labour_force")
# Twelve months before the COVID-19 shock of March 2020: a level that the pandemic has not moved
LEVEL_WINDOW: tuple[str, str] = calendar.MATCH_LEVEL_WINDOW
# Three years and two months up to the shock: long enough for a trend, free of the pandemic
TREND_WINDOW: tuple[str, str] = calendar.MATCH_TREND_WINDOW
ALAND_REGION = definitions.ALAND_REGION
# A covariate needs values in at least this share of its window's months
MIN_MONTH_SHARE = 0.5
# Distances are rounded before sorting so that equal distances computed in a different order
# (floating-point noise) still tie and are broken by municipality code
_DISTANCE_DECIMALS = 10


class ComparisonError(ValueError):
    """A comparison group cannot be formed as asked; the message says why."""


@dataclass(frozen=True, eq=False)
class MatchResult:
    """Nearest-neighbour peers of the treated municipalities.

    Attributes
    ----------
    peers : tuple of str
        The distinct matched municipalities, sorted by code.
    table : pandas.DataFrame
        One row per match: ``treated``, ``rank`` (1 = nearest), ``peer``, ``distance``
        (Euclidean, on standardised covariates) and ``same_class`` (False where the peer was
        taken from another urban/rural class because the treated municipality's own class had
        too few candidates).
    balance : pandas.DataFrame
        One row per covariate: ``mean_treated``, ``mean_pool`` (all eligible candidates),
        ``mean_matched`` (each distinct peer once, as the evaluation uses them),
        ``mean_matched_weighted`` (each match once, so a peer chosen twice counts twice),
        ``sd_pooled`` and the standardised mean differences ``smd_before``, ``smd_after`` and
        ``smd_after_weighted`` (treated minus control, over ``sd_pooled``).
    fallback : tuple of str
        Treated municipalities with at least one peer from another class.
    unmatched : tuple of str
        Treated municipalities without complete covariates, which got no peers.
    short : tuple of str
        Treated municipalities that got fewer than ``k`` peers (matching without replacement
        ran out of candidates).
    k : int
        Peers sought per treated municipality.
    replace : bool
        Whether a candidate could be the peer of several treated municipalities.
    covariates : tuple of str
        The covariates matched on.
    exact : str or None
        The column matched exactly when possible.
    """

    peers: tuple[str, ...]
    table: pd.DataFrame
    balance: pd.DataFrame
    fallback: tuple[str, ...]
    unmatched: tuple[str, ...]
    short: tuple[str, ...]
    k: int
    replace: bool
    covariates: tuple[str, ...]
    exact: str | None


@dataclass(frozen=True, eq=False)
class ComparisonGroup:
    """Treated municipalities and the TE-office municipalities they are compared with.

    Attributes
    ----------
    kind : str
        ``all_other``, ``same_regions`` or ``matched``.
    area : str or None
        The trial area, or None for all trial municipalities together (pooled).
    treated, control : tuple of str
        Municipality codes, sorted.
    excluded : pandas.DataFrame
        ``code, reason``: municipalities left out of both sides because of their trial
        status or, for matching, because their covariates are incomplete.
    notes : tuple of i18n.Message
        Remarks on the group (Åland, the Kitee group, matching fall-backs), keys
        ``group.*``, rendered in any language by :func:`i18n.render`.
    match : MatchResult or None
        The matching, for ``matched``.
    include_unverified : bool
        Whether unverified memberships were counted as trial municipalities.
    """

    kind: str
    area: str | None
    treated: tuple[str, ...]
    control: tuple[str, ...]
    excluded: pd.DataFrame
    notes: tuple[Message, ...]
    match: MatchResult | None
    include_unverified: bool

    @property
    def codes(self) -> tuple[str, ...]:
        """The comparison municipalities (same as ``control``)."""
        return self.control


# --------------------------------------------------------------------------------------------
# Trial side
# --------------------------------------------------------------------------------------------


def trial_members(
    memberships: pd.DataFrame, *, area: str | None = None, include_unverified: bool = False
) -> tuple[str, ...]:
    """Trial municipalities (any month of the trial), of one area or of all areas.

    'confirmed' memberships always count; 'probable' (unverified) ones only when
    ``include_unverified``; 'not_in_trial' never.
    """
    rows = aggregation.active_members(memberships, include_unverified=include_unverified)
    if area is not None:
        rows = rows[rows["area_id"] == area]
    return tuple(sorted(set(rows["municipality_code"])))


def trial_area_ids(memberships: pd.DataFrame) -> tuple[str, ...]:
    """The trial areas: areas with a confirmed or unverified member (not the dropped ones)."""
    rows = memberships[memberships["status"].isin(["confirmed", "probable"])]
    return tuple(sorted(set(rows["area_id"])))


def _unverified(memberships: pd.DataFrame) -> set[str]:
    return set(memberships.loc[memberships["status"] == "probable", "municipality_code"])


# --------------------------------------------------------------------------------------------
# Covariates
# --------------------------------------------------------------------------------------------


def _n_months(window: tuple[str, str]) -> int:
    start, end = (pd.Period(m, freq="M") for m in window)
    n = (end - start).n + 1
    if n < 1:
        raise ComparisonError(f"empty window {window[0]}..{window[1]}")
    return int(n)


def matching_covariates(
    obs: pd.DataFrame,
    municipalities: pd.DataFrame,
    *,
    outcome: str = "unemployed_share_pct",
    level_window: tuple[str, str] = LEVEL_WINDOW,
    trend_window: tuple[str, str] = TREND_WINDOW,
) -> pd.DataFrame:
    """The matching covariates of every municipality.

    Parameters
    ----------
    obs : pandas.DataFrame
        Municipality observations (the shape of ``data_access.queries.observations``) holding
        the outcome's inputs and ``labour_force`` over both windows.
    municipalities : pandas.DataFrame
        ``code, region_code, urban_rural_class``.
    outcome : str
        Catalogue code of the outcome, computed per municipality by
        :func:`indicators.aggregation.unit_values`.
    level_window, trend_window : tuple of str
        First and last month ('YYYY-MM') of the pre-trial level and of the trend.

    Returns
    -------
    pandas.DataFrame
        ``code, region_code, urban_rural_class`` and

        * ``pre_level``: mean of the outcome over ``level_window``;
        * ``pre_trend``: its slope per year over ``trend_window``, from a least-squares line
          with calendar-month effects, so that the seasonal pattern of a window that is not a
          whole number of years does not tilt the slope;
        * ``log_labour_force``: natural log of the mean labour force over ``level_window``;
        * ``n_level_months``, ``n_trend_months``: months with a value.

        A covariate is NaN when fewer than half of its window's months have a value (e.g. a
        small Åland municipality whose counts are suppressed).
    """
    n_level = _n_months(level_window)
    n_trend = _n_months(trend_window)
    first = min(level_window[0], trend_window[0])
    last = max(level_window[1], trend_window[1])
    part = obs
    if "area_level" in part:
        part = part[part["area_level"] == "municipality"]
    part = part[(part["month"] >= first) & (part["month"] <= last)]
    values = aggregation.unit_values(part, outcome)
    values = values[values["value"].notna()]

    in_level = values["month"].between(*level_window)
    level = values[in_level].groupby("area_code")["value"].agg(["mean", "size"])

    trend_rows = values[values["month"].between(*trend_window)].copy()
    ordinal = transforms.month_ordinals(trend_rows["month"])
    trend_rows["t"] = ordinal / 12.0  # years, so the slope is per year
    trend_rows["cal"] = ordinal % 12
    # Frisch–Waugh: the slope with unit × calendar-month effects is the slope of the
    # within-(unit, calendar month) deviations
    grouped = trend_rows.groupby(["area_code", "cal"])
    trend_rows["dt"] = trend_rows["t"] - grouped["t"].transform("mean")
    trend_rows["dy"] = trend_rows["value"] - grouped["value"].transform("mean")
    trend_rows["dtdy"] = trend_rows["dt"] * trend_rows["dy"]
    trend_rows["dt2"] = trend_rows["dt"] ** 2
    sums = trend_rows.groupby("area_code")[["dtdy", "dt2"]].sum()
    counts = trend_rows.groupby("area_code").size()
    slope = sums["dtdy"] / sums["dt2"].where(sums["dt2"] > 0)

    lf = obs[(obs["indicator"] == "labour_force") & obs["month"].between(*level_window)]
    if "area_level" in lf:
        lf = lf[lf["area_level"] == "municipality"]
    lf_values = lf["value"].where(~lf["suppressed"].astype(bool))
    lf_mean = lf.assign(value=lf_values).groupby("area_code")["value"].mean()

    out = municipalities[["code", "region_code", "urban_rural_class"]].copy()
    code = out["code"]
    n_level_months = code.map(level["size"]).fillna(0).astype(int)
    n_trend_months = code.map(counts).fillna(0).astype(int)
    out["pre_level"] = code.map(level["mean"]).astype(np.float64)
    out["pre_trend"] = code.map(slope).astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        log_lf = np.log(code.map(lf_mean).astype(np.float64).where(lambda s: s > 0))
    out["log_labour_force"] = log_lf
    out["n_level_months"] = n_level_months
    out["n_trend_months"] = n_trend_months
    out.loc[n_level_months < MIN_MONTH_SHARE * n_level, "pre_level"] = np.nan
    out.loc[n_trend_months < MIN_MONTH_SHARE * n_trend, "pre_trend"] = np.nan
    return out.sort_values("code").reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------------------------


def _standardised(frame: pd.DataFrame, columns: Sequence[str]) -> pd.DataFrame:
    z = frame[list(columns)].astype(np.float64)
    sd = z.std(ddof=1)
    # A constant covariate carries no information about similarity
    sd = sd.where(sd > 0, 1.0).fillna(1.0)
    return (z - z.mean()) / sd


def _balance(
    cov: pd.DataFrame,
    treated: Sequence[str],
    pool: Sequence[str],
    table: pd.DataFrame,
    columns: Sequence[str],
) -> pd.DataFrame:
    by_code = cov.set_index("code")
    t = by_code.loc[list(treated), list(columns)]
    p = by_code.loc[list(pool), list(columns)]
    peers = sorted(set(table["peer"]))
    m_unique = by_code.loc[peers, list(columns)]
    m_weighted = by_code.loc[list(table["peer"]), list(columns)]
    rows = []
    for c in columns:
        var_t = float(t[c].var(ddof=1)) if len(t) > 1 else np.nan
        var_p = float(p[c].var(ddof=1)) if len(p) > 1 else np.nan
        # One denominator before and after, from the unmatched sample, so that the change in
        # the SMD reflects only the change in the means; a single treated municipality has no
        # variance, and then the pool's standard deviation is used
        sd = np.sqrt((var_t + var_p) / 2) if np.isfinite(var_t) else np.sqrt(var_p)
        sd = sd if np.isfinite(sd) and sd > 0 else np.nan
        mean_t = float(t[c].mean())
        mean_p = float(p[c].mean())
        mean_m = float(m_unique[c].mean()) if len(m_unique) else np.nan
        mean_w = float(m_weighted[c].mean()) if len(m_weighted) else np.nan
        rows.append(
            {
                "covariate": c,
                "mean_treated": mean_t,
                "mean_pool": mean_p,
                "mean_matched": mean_m,
                "mean_matched_weighted": mean_w,
                "sd_pooled": sd,
                "smd_before": (mean_t - mean_p) / sd,
                "smd_after": (mean_t - mean_m) / sd,
                "smd_after_weighted": (mean_t - mean_w) / sd,
            }
        )
    return pd.DataFrame(rows)


def match_peers(
    covariates: pd.DataFrame,
    treated: Iterable[str],
    candidates: Iterable[str],
    *,
    k: int = 3,
    replace: bool = True,
    exact: str | None = "urban_rural_class",
    columns: Sequence[str] = COVARIATES,
) -> MatchResult:
    """Choose the ``k`` nearest candidates of each treated municipality.

    Parameters
    ----------
    covariates : pandas.DataFrame
        ``code``, the ``exact`` column and the ``columns``; one row per municipality, as
        returned by :func:`matching_covariates`. Every row with complete covariates sets the
        standardisation (mean 0, standard deviation 1 over all of them), so the scale does not
        depend on which municipalities are being matched.
    treated, candidates : iterable of str
        Codes of the treated municipalities and of the municipalities that may be peers.
    k : int
        Peers per treated municipality.
    replace : bool
        True (default): each treated municipality gets its own ``k`` nearest candidates, and a
        candidate can serve several. False: greedy matching without replacement, taking the
        closest remaining (treated, candidate) pair first, so that no candidate is used twice.
    exact : str or None
        Column matched exactly when possible: peers are taken from the treated
        municipality's own class first and from the nearest other candidates only when the
        class has fewer than ``k`` (flagged ``same_class=False``). None: no exact matching.
    columns : sequence of str
        The covariates.

    Returns
    -------
    MatchResult
        Peers, the match table and the balance before and after matching.

    Notes
    -----
    The distance is Euclidean on the standardised covariates, so each covariate weighs the
    same. Ties (equal distance, to 10 decimals) go to the lower municipality code; with
    ``replace=False`` ties between pairs go to the lower treated code, then the lower peer
    code. The result is therefore reproducible and independent of the input row order.
    """
    _check_match_input(covariates, k=k, exact=exact, columns=columns)
    candidates = list(candidates)
    cov = covariates.sort_values("code").reset_index(drop=True)
    complete = cov[list(columns)].notna().all(axis=1)
    if exact:
        complete &= cov[exact].notna()
    usable = cov[complete].reset_index(drop=True)
    matched_treated, unmatched, pool = _match_sides(
        set(cov["code"]), set(usable["code"]), treated, candidates
    )
    pairs = _candidate_pairs(usable, matched_treated, pool, exact=exact, columns=columns)
    if replace:
        chosen = _nearest_with_replacement(pairs, k)
    else:
        chosen = _greedy_without_replacement(pairs, k, n_treated=len(matched_treated))
    table = _match_table(chosen, matched_treated, pool)
    per_treated = table.groupby("treated").size().reindex(matched_treated, fill_value=0)
    fallback = tuple(sorted(set(table.loc[~table["same_class"], "treated"])))
    short = tuple(c for c in matched_treated if per_treated[c] < k)
    balance = _balance(usable, matched_treated, pool, table, columns)
    return MatchResult(
        peers=tuple(sorted(set(table["peer"]))),
        table=table,
        balance=balance,
        fallback=fallback,
        unmatched=unmatched,
        short=short,
        k=int(k),
        replace=replace,
        covariates=tuple(columns),
        exact=exact,
    )


def _check_match_input(
    covariates: pd.DataFrame, *, k: int, exact: str | None, columns: Sequence[str]
) -> None:
    """Raise :class:`ComparisonError` unless ``k`` and the covariate frame can be matched on."""
    if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or k < 1:
        raise ComparisonError(f"k must be a positive whole number, not {k!r}")
    needed = ["code", *columns] + ([exact] if exact else [])
    missing = [c for c in needed if c not in covariates.columns]
    if missing:
        raise ComparisonError(f"covariate column(s) {', '.join(map(repr, missing))} missing")
    if covariates["code"].duplicated().any():
        raise ComparisonError("the covariate frame has more than one row for a municipality")


def _match_sides(
    known: set[str], usable: set[str], treated: Iterable[str], candidates: list[str]
) -> tuple[list[str], tuple[str, ...], list[str]]:
    """The treated codes to match, those without complete covariates, and the peer pool."""
    treated_set = sorted(set(treated))
    unknown = sorted((set(treated_set) | set(candidates)) - known)
    if unknown:
        raise ComparisonError(f"no covariates for municipality code(s) {unknown[:5]}")
    overlap = set(treated_set) & set(candidates)
    if overlap:
        raise ComparisonError(f"code(s) {sorted(overlap)[:5]} are both treated and candidates")
    matched_treated = [c for c in treated_set if c in usable]
    unmatched = tuple(c for c in treated_set if c not in usable)
    pool = sorted(set(candidates) & usable)
    if not matched_treated:
        raise ComparisonError("no treated municipality has complete covariates")
    if not pool:
        raise ComparisonError("no candidate municipality has complete covariates")
    return matched_treated, unmatched, pool


def _candidate_pairs(
    usable: pd.DataFrame,
    matched_treated: list[str],
    pool: list[str],
    *,
    exact: str | None,
    columns: Sequence[str],
) -> pd.DataFrame:
    """Every (treated, candidate) pair by position: ``t, p, distance, same_class``."""
    z = _standardised(usable, columns).to_numpy()
    row_of = {c: i for i, c in enumerate(usable["code"])}
    t_rows = np.array([row_of[c] for c in matched_treated])
    p_rows = np.array([row_of[c] for c in pool])
    diff = z[t_rows][:, None, :] - z[p_rows][None, :, :]
    dist = np.round(np.sqrt((diff**2).sum(axis=2)), _DISTANCE_DECIMALS)
    if exact:
        classes = usable[exact].to_numpy()
        same = classes[t_rows][:, None] == classes[p_rows][None, :]
    else:
        same = np.ones(dist.shape, dtype=bool)
    ti, pi = np.meshgrid(np.arange(len(t_rows)), np.arange(len(p_rows)), indexing="ij")
    return pd.DataFrame(
        {
            "t": ti.ravel(),
            "p": pi.ravel(),
            "distance": dist.ravel(),
            "same_class": same.ravel(),
        }
    )


def _nearest_with_replacement(pairs: pd.DataFrame, k: int) -> list[tuple[int, int, float, bool]]:
    """The ``k`` first pairs of each treated municipality: own class, then distance, then code."""
    # The pool is sorted by code, so sorting on the position ``p`` breaks ties by peer code
    ordered = pairs.sort_values(
        ["t", "same_class", "distance", "p"], ascending=[True, False, True, True]
    )
    chosen: list[tuple[int, int, float, bool]] = []
    for _, part in ordered.groupby("t", sort=True):
        for row in part.head(k).itertuples(index=False):
            chosen.append((int(row.t), int(row.p), float(row.distance), bool(row.same_class)))
    return chosen


def _greedy_without_replacement(
    pairs: pd.DataFrame, k: int, *, n_treated: int
) -> list[tuple[int, int, float, bool]]:
    """Pairs taken closest first, each candidate at most once and ``k`` per treated at most."""
    chosen: list[tuple[int, int, float, bool]] = []
    taken: set[int] = set()
    count = np.zeros(n_treated, dtype=int)
    # Two passes: within-class pairs for everyone first, cross-class fill-ins only then
    for want_same in (True, False):
        part = pairs[pairs["same_class"] == want_same].sort_values(
            ["distance", "t", "p"], kind="stable"
        )
        for t_i, p_i, d, s in part.itertuples(index=False):
            if count[t_i] < k and p_i not in taken:
                chosen.append((int(t_i), int(p_i), float(d), bool(s)))
                taken.add(int(p_i))
                count[t_i] += 1
    return chosen


def _match_table(
    chosen: list[tuple[int, int, float, bool]], matched_treated: list[str], pool: list[str]
) -> pd.DataFrame:
    """The chosen pairs by code: ``treated, rank, peer, distance, same_class``."""
    table = pd.DataFrame(chosen, columns=["t", "p", "distance", "same_class"])
    table["treated"] = [matched_treated[i] for i in table["t"]]
    table["peer"] = [pool[i] for i in table["p"]]
    table = table.sort_values(
        ["treated", "same_class", "distance", "peer"], ascending=[True, False, True, True]
    )
    table["rank"] = table.groupby("treated").cumcount() + 1
    return table[["treated", "rank", "peer", "distance", "same_class"]].reset_index(drop=True)


# --------------------------------------------------------------------------------------------
# Comparison groups
# --------------------------------------------------------------------------------------------


def municipality_labels(municipalities: pd.DataFrame, codes: Iterable[str]) -> tuple[str, ...]:
    """``Name (code)`` of each municipality, sorted by code (the code alone without a name).

    Municipality names are proper nouns: a message shows them as they are in every language.
    """
    name = municipalities.set_index("code")["name_en"] if "name_en" in municipalities else None
    parts = []
    for c in sorted(codes):
        label = name.get(c) if name is not None else None
        parts.append(f"{label} ({c})" if isinstance(label, str) and label else str(c))
    return tuple(parts)


def _named(key: str, municipalities: pd.DataFrame, codes: Iterable[str]) -> Message:
    return Message(key, {"names": municipality_labels(municipalities, codes)})


def aland_codes(municipalities: pd.DataFrame) -> list[str]:
    """The Åland municipalities (region :data:`ALAND_REGION`), whose employment services
    Åland's own authority (AMS) runs, not the state TE offices.
    """
    rows = municipalities[municipalities["region_code"] == ALAND_REGION]
    return sorted(rows["code"].astype(str))


def candidate_controls(
    municipalities: pd.DataFrame, memberships: pd.DataFrame, *, include_aland: bool = False
) -> list[str]:
    """Every municipality that may be on the comparison side: a TE-office municipality, that
    is none of the trial areas' members (of any area and any verification status: for an
    area's evaluation the other areas' members are treated too, and an unverified member is
    never a control) and, unless ``include_aland``, none of Åland's (see
    :func:`aland_codes`).
    """
    everyone = set(trial_members(memberships, include_unverified=True))
    if not include_aland and "region_code" in municipalities.columns:
        everyone |= set(aland_codes(municipalities))
    return [c for c in sorted(set(municipalities["code"])) if c not in everyone]


def same_region_controls(
    municipalities: pd.DataFrame, memberships: pd.DataFrame, treated: Iterable[str]
) -> list[str]:
    """The :func:`candidate_controls` in the regions (maakunta) of ``treated``."""
    region = municipalities.set_index("code")["region_code"]
    regions = {region.get(c) for c in treated} - {None}
    return [c for c in candidate_controls(municipalities, memberships) if region.get(c) in regions]


def comparison_group(
    kind: ComparisonKind,
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    *,
    area: str | None = None,
    include_unverified: bool = False,
    covariates: pd.DataFrame | None = None,
    k: int = 3,
    replace: bool = True,
) -> ComparisonGroup:
    """The treated municipalities and a comparison group of TE-office municipalities.

    Parameters
    ----------
    kind : {'all_other', 'same_regions', 'matched'}
        ``all_other``: every municipality outside the trials. ``same_regions``: those in the
        regions (maakunta) of the treated municipalities. ``matched``: the ``k`` nearest
        peers of each treated municipality (see :func:`match_peers` and the
        method text ``evaluation.method`` of the message catalogue).
    municipalities : pandas.DataFrame
        ``code, region_code, urban_rural_class`` (and ``name_en`` for the notes).
    memberships : pandas.DataFrame
        ``municipality_code, area_id, member_from, member_to, status``.
    area : str, optional
        A trial area id: its members are the treated side. None: all trial municipalities.
    include_unverified : bool
        False (default): unverified ('probable') members are on neither side. True: they
        count as trial municipalities.
    covariates : pandas.DataFrame, optional
        Output of :func:`matching_covariates`; required for ``matched``.
    k, replace : int, bool
        Passed to :func:`match_peers`.

    Returns
    -------
    ComparisonGroup

    Raises
    ------
    ComparisonError
        For an unknown ``kind`` or area, an area without counted members, an empty
        comparison group, or ``matched`` without covariates.
    """
    if kind not in COMPARISONS:
        raise ComparisonError(f"unknown comparison {kind!r}; use one of {', '.join(COMPARISONS)}")
    treated = _treated_side(memberships, area=area, include_unverified=include_unverified)
    everyone = set(trial_members(memberships, include_unverified=True))
    candidates = candidate_controls(municipalities, memberships)
    unverified = _unverified(memberships)
    excluded = _excluded_members(
        memberships, everyone - set(treated), unverified, include_unverified=include_unverified
    )
    if "region_code" in municipalities.columns:
        excluded.extend(
            {"code": c, "reason": "Åland: services run by Åland's own authority (AMS)"}
            for c in aland_codes(municipalities)
            if c not in everyone
        )
    notes = _unverified_notes(
        municipalities, unverified, treated, include_unverified=include_unverified
    )

    match: MatchResult | None = None
    if kind == "all_other":
        control = candidates
    elif kind == "same_regions":
        control = same_region_controls(municipalities, memberships, treated)
        notes.append(_same_regions_note(municipalities, treated))
    else:
        if covariates is None:
            raise ComparisonError("the matched comparison needs covariates (matching_covariates)")
        match = match_peers(covariates, treated, candidates, k=k, replace=replace)
        control = list(match.peers)
        incomplete = _incomplete_covariates(covariates, candidates)
        excluded.extend({"code": c, "reason": "incomplete matching covariates"} for c in incomplete)
        notes.extend(_matched_notes(municipalities, match, incomplete, n_treated=len(treated)))
    if not control:
        raise ComparisonError(
            f"the {kind} comparison group is empty" + (f" for area {area}" if area else "")
        )
    notes.extend(_control_notes(municipalities, memberships, everyone, control))
    return ComparisonGroup(
        kind=kind,
        area=area,
        treated=tuple(treated),
        control=tuple(sorted(control)),
        excluded=pd.DataFrame(excluded, columns=["code", "reason"]),
        notes=tuple(notes),
        match=match,
        include_unverified=include_unverified,
    )


def _treated_side(
    memberships: pd.DataFrame, *, area: str | None, include_unverified: bool
) -> tuple[str, ...]:
    """The counted members of ``area`` (of every area when None), checked to be some."""
    if area is not None and area not in set(memberships["area_id"]):
        raise ComparisonError(f"unknown trial area {area!r}")
    treated = trial_members(memberships, area=area, include_unverified=include_unverified)
    if not treated:
        what = f"area {area}" if area else "the trial"
        hint = "" if include_unverified else "; its members are unverified (include_unverified)"
        raise ComparisonError(f"{what} has no counted member municipalities{hint}")
    return treated


def _excluded_members(
    memberships: pd.DataFrame,
    others: set[str],
    unverified: set[str],
    *,
    include_unverified: bool,
) -> list[dict[str, Any]]:
    """``code, reason`` of each trial member on neither side (``others``), by code."""
    area_of = (
        memberships[memberships["status"].isin(["confirmed", "probable"])]
        .groupby("municipality_code")["area_id"]
        .first()
    )
    excluded: list[dict[str, Any]] = []
    for c in sorted(others):
        if c in unverified and not include_unverified:
            reason = f"unverified trial membership (area {area_of.get(c)})"
        else:
            reason = f"member of another trial area ({area_of.get(c)})"
        excluded.append({"code": c, "reason": reason})
    return excluded


def _unverified_notes(
    municipalities: pd.DataFrame,
    unverified: set[str],
    treated: Sequence[str],
    *,
    include_unverified: bool,
) -> list[Message]:
    """The note naming the unverified members left out, or those counted as treated."""
    if unverified and not include_unverified:
        return [_named("group.unverified_excluded", municipalities, unverified)]
    if unverified & set(treated):
        return [_named("group.unverified_included", municipalities, unverified & set(treated))]
    return []


def _same_regions_note(municipalities: pd.DataFrame, treated: Sequence[str]) -> Message:
    """The note listing the regions (maakunta) of the treated municipalities."""
    region = municipalities.set_index("code")["region_code"]
    regions = {region.get(c) for c in treated} - {None}
    return Message(
        "group.same_regions",
        {"n": len(regions), "regions": tuple(sorted(map(str, regions)))},
        count="n",
    )


def _incomplete_covariates(covariates: pd.DataFrame, candidates: list[str]) -> list[str]:
    """The candidates without a complete row of matching covariates, in candidate order."""
    # One reindex for all (a row of NaN for a code without covariates), not a .loc each
    rows = covariates.drop_duplicates("code").set_index("code").reindex(candidates)
    missing = rows[list(COVARIATES)].isna().any(axis=1).to_numpy()
    return [c for c, gap in zip(candidates, missing, strict=True) if gap]


def _matched_notes(
    municipalities: pd.DataFrame, match: MatchResult, incomplete: list[str], *, n_treated: int
) -> list[Message]:
    """The notes of a matched group: its size, and who fell back, went short or was left out."""
    k = match.k
    notes = [
        Message(
            "group.matched" if match.replace else "group.matched_without_replacement",
            {"n": k, "peers": len(match.peers), "treated": n_treated},
            count="n",
        )
    ]
    if match.fallback:
        notes.append(_named("group.class_fallback", municipalities, match.fallback))
    if match.unmatched:
        notes.append(_named("group.unmatched", municipalities, match.unmatched))
    if match.short:
        notes.append(
            Message(
                "group.short",
                {"n": k, "names": municipality_labels(municipalities, match.short)},
                count="n",
            )
        )
    if incomplete:
        notes.append(
            Message(
                "group.incomplete",
                {"n": len(incomplete), "names": municipality_labels(municipalities, incomplete)},
                count="n",
            )
        )
    return notes


def _control_notes(
    municipalities: pd.DataFrame,
    memberships: pd.DataFrame,
    everyone: set[str],
    control: list[str],
) -> list[Message]:
    """The notes on the comparison side: Kitee (never in a trial) and Åland among the controls."""
    notes: list[Message] = []
    not_in_trial = set(
        memberships.loc[memberships["status"] == "not_in_trial", "municipality_code"]
    ) - set(everyone)
    if not_in_trial & set(control):
        notes.append(_named("group.kitee", municipalities, not_in_trial & set(control)))
    aland = [c for c in aland_codes(municipalities) if c not in everyone]
    if aland and not set(aland) & set(control):
        notes.append(Message("group.aland", {"n": len(aland)}, count="n"))
    return notes
