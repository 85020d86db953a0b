"""Disclosure control: small counts suppressed with complementary suppression, shown as ".."."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd

from catalogue import definitions, symbols
from i18n import LANGS, t

Reason = Literal["source", "primary", "complementary", "derived"]

SOURCE: Reason = "source"
PRIMARY: Reason = "primary"
COMPLEMENTARY: Reason = "complementary"
DERIVED: Reason = "derived"

#: Statistics Finland's symbol for a figure that is not shown; never '0' and never blank.
SUPPRESSED_MARK = symbols.SUPPRESSED_MARK


def legend(lang: str) -> str:
    """``.. = not shown for confidentiality`` in ``lang``."""
    return t("disclosure.legend", lang if lang in LANGS else "en")


@dataclass(frozen=True)
class DisclosurePolicy:
    """How small counts are protected.

    Parameters
    ----------
    threshold
        Counts ``0 < value < threshold`` are suppressed. Exact zeros are shown, as in
        Statistics Finland's tables: hiding them would also hide structural zeros (no
        vacancies in a small municipality), and no person can be picked out of a zero.
    applies_to
        Indicator kinds (``Indicator.kind`` of the catalogue) the threshold applies to. ``sum``
        indicators are included because they are counts of persons too (people in services);
        rates and ratios are protected through :func:`propagate` instead.
    """

    threshold: int = 5
    applies_to: tuple[str, ...] = ("count", "sum")

    def __post_init__(self) -> None:
        if isinstance(self.threshold, bool) or not isinstance(self.threshold, int):
            raise TypeError(f"threshold must be an int, got {self.threshold!r}")
        if self.threshold < 1:
            raise ValueError(f"threshold must be at least 1, got {self.threshold}")

    def note(self, lang: str = "en") -> str:
        """The caption or export note in ``lang`` (fi, sv or en; other codes get English)."""
        return t("disclosure.note", lang if lang in LANGS else "en", n=self.threshold)

    def applies(self, indicator: str) -> bool:
        """Whether the threshold applies to the catalogue indicator ``indicator``."""
        return definitions.get(indicator).kind in self.applies_to


DEFAULT_POLICY = DisclosurePolicy()


@dataclass(frozen=True, eq=False)
class Grouping:
    """Sibling cells that add up to a published total, for :func:`suppress_cells`.

    Parameters
    ----------
    by
        Columns whose values identify one group (e.g. indicator, month and trial area).
    total
        Rows that are the total of their group: a boolean Series aligned with the frame, or
        the name of a boolean column. ``None`` means the total is not in the frame but is
        published elsewhere (a KPI, another table), so it must be assumed known. A total row
        can itself be a member of another grouping (the margins of a crossed table).
    """

    by: tuple[str, ...]
    total: pd.Series | str | None = None


@dataclass(frozen=True, eq=False)
class AggregateDisclosure:
    """What :func:`apply_to_aggregates` found for one total built from members.

    Attributes
    ----------
    total
        The sum of the members, or ``None`` when a member's value is unknown (suppressed by
        the source or missing): the aggregate is then not computable.
    disclosable
        Whether the total may be shown: computable, not a small count, and not needed hidden
        to protect members (when every positive member is hidden and they are all ones).
    suppression
        Reason per member row (index of the members frame), ``None`` where the member is shown.
    """

    total: float | None
    disclosable: bool
    suppression: pd.Series = field(repr=False)

    @property
    def hidden(self) -> list[Hashable]:
        """Index labels of the member rows that must be shown as suppressed."""
        return list(self.suppression.index[self.suppression.notna()])


def suppress_cells(
    frame: pd.DataFrame,
    *,
    value: str = "value",
    policy: DisclosurePolicy = DEFAULT_POLICY,
    groups: Sequence[str] | Sequence[Grouping] | None = None,
    total_rows: pd.Series | str | None = None,
) -> pd.DataFrame:
    """Suppress small counts and the cells needed to protect them.

    Parameters
    ----------
    frame
        Long observation frame. ``indicator`` (catalogue codes) decides which rows are counts;
        without that column every row is treated as a count. ``suppressed`` (optional) marks
        cells the source already suppressed. Other columns pass through unchanged.
    value
        The column holding the figures.
    policy
        Threshold and the indicator kinds it applies to.
    groups
        Either the columns of one grouping of sibling cells (e.g. ``["indicator", "month",
        "trial_area"]``) or several :class:`Grouping` objects protected together (e.g. trial
        areas and regions on one map). ``None`` means no total of these cells is published:
        primary suppression only.
    total_rows
        With column names in ``groups``: the rows that are their group's total (boolean Series
        or column name). ``None`` means the totals are published elsewhere.

    Returns
    -------
    pandas.DataFrame
        A copy with ``value`` NaN (float) where suppressed, ``suppressed`` True there, and
        ``suppression`` holding ``'source'``, ``'primary'``, ``'complementary'`` (reasons from
        an earlier pass are kept) or ``None``. The input is not modified.

    Notes
    -----
    Primary: a count with ``0 < value < threshold``; exact zeros are shown.

    Complementary, in each group whose total is known (its total row is shown, or it has no
    total row, is assumed published and is not itself a small count): the group has no hidden
    member, or at least two whose combined value (the total minus the shown members) is at
    least the threshold and greater than the number of them known to be positive, so that no
    cell can be worked out exactly even by someone who knows a hidden count is at least 1.
    Otherwise the smallest shown positive member is hidden too (one always suffices, as it is
    at least the threshold); when no member is left, the total row is. A hidden total needs at
    least one hidden member. Values we do not know (source-suppressed or missing) count as
    hidden and, without a total row, as zero, which may hide one cell more than needed.
    Several groupings are repeated until none changes.

    Limits: a total that is not in the frame cannot be hidden here. With one grouping,
    :func:`apply_to_aggregates` tells whether such a total may be shown; with crossed groupings
    (areas × sexes, trial areas and regions) give every grouping its total rows, since a cell
    hidden for one grouping can leave a group of the other with nothing else to hide but its
    total. Protection is per group, so in crossed tables a rare pattern of hidden cells can
    still be solved as a system of equations. A second pass over its own output knows only
    that hidden cells are hidden, not their values, so it may hide more: run one pass with
    every grouping.
    """
    out = frame.copy()
    values = _values(out, value)
    source = _source_flags(out)
    applicable = _applicable(out, policy)
    groupings = _groupings(out, groups, total_rows)
    reasons = _reasons(values, source, applicable, groupings, policy.threshold)
    if "suppression" in out.columns:
        # A second pass keeps what the first one found instead of calling it all 'source'.
        earlier = out["suppression"].to_numpy(dtype=object)
        keep = source & pd.notna(earlier)
        reasons[keep] = earlier[keep]
    return _write(out, value, values, reasons)


def propagate(
    derived: pd.DataFrame,
    inputs: pd.DataFrame,
    *,
    keys: Sequence[str],
    value: str = "value",
) -> pd.DataFrame:
    """Suppress derived values (rates, ratios, sums) computed from suppressed inputs.

    Parameters
    ----------
    derived
        Frame of derived values with ``indicator`` codes of the catalogue.
    inputs
        The counts they were computed from, as returned by :func:`suppress_cells`.
    keys
        Columns that identify the same cell in both frames (e.g. area_level, area_code,
        month); the indicator is matched through :func:`catalogue.definitions.inputs_of`.
    value
        The column holding the derived figures.

    Returns
    -------
    pandas.DataFrame
        A copy of ``derived`` where a row with any suppressed input has ``value`` NaN,
        ``suppressed`` True and ``suppression`` ``'derived'`` (earlier reasons are kept).
    """
    keys = list(keys)
    if "indicator" in keys:
        raise ValueError("keys must not contain 'indicator': inputs are matched by the catalogue")
    out = derived.copy()
    values = _values(out, value)
    source = _source_flags(out)
    reasons = np.full(len(out), None, dtype=object)
    reasons[source] = SOURCE
    if "suppression" in out.columns:
        earlier = out["suppression"].to_numpy(dtype=object)
        keep = source & pd.notna(earlier)
        reasons[keep] = earlier[keep]
    pairs = pd.DataFrame(
        [(code, src) for code in out["indicator"].unique() for src in definitions.inputs_of(code)],
        columns=["_derived", "_input"],
    )
    left = out[keys].assign(_pos=np.arange(len(out)), _derived=out["indicator"].to_numpy())
    left = left.merge(pairs, on="_derived")
    hidden_inputs = inputs.loc[_source_flags(inputs), [*keys, "indicator"]]
    hidden_inputs = hidden_inputs.rename(columns={"indicator": "_input"}).drop_duplicates()
    hit = np.zeros(len(out), dtype=bool)
    hit[left.merge(hidden_inputs, on=[*keys, "_input"])["_pos"].to_numpy(dtype=int)] = True
    reasons[hit & ~source] = DERIVED
    return _write(out, value, values, reasons)


def apply_to_aggregates(
    members: pd.DataFrame,
    *,
    value: str = "value",
    policy: DisclosurePolicy = DEFAULT_POLICY,
) -> AggregateDisclosure:
    """Tell whether a total built from ``members`` may be shown and which members to hide.

    Parameters
    ----------
    members
        The cells of one aggregate (one indicator, one month), in the shape
        :func:`suppress_cells` takes.
    value
        The column holding the figures.
    policy
        Threshold and the indicator kinds it applies to.

    Returns
    -------
    AggregateDisclosure
        The total (``None`` when a member is unknown), whether it is disclosable, and the
        reason each member must be hidden given that the total is shown when disclosable.
    """
    values = _values(members, value)
    source = _source_flags(members)
    applicable = _applicable(members, policy)
    counts = bool(applicable.any())
    known = bool(np.isfinite(values).all()) and not source.any()
    total = float(values.sum()) if known else None
    # The total joins the members as their total row, unknown when not computable; the usual
    # rules then hide it when small, and when no member is left to protect the others.
    n = len(members)
    reasons = _reasons(
        np.append(values, np.nan if total is None else total),
        np.append(source, total is None),
        np.append(applicable, counts),
        [(np.zeros(n + 1, dtype=np.intp), np.arange(n + 1) == n)],
        policy.threshold,
    )
    suppression = pd.Series(reasons[:n], index=members.index, dtype=object)
    return AggregateDisclosure(total, reasons[n] is None, suppression)


def _values(frame: pd.DataFrame, value: str) -> np.ndarray:
    return np.asarray(
        pd.to_numeric(frame[value]).to_numpy(dtype=float, na_value=np.nan), dtype=float
    )


def _source_flags(frame: pd.DataFrame) -> np.ndarray:
    if "suppressed" not in frame.columns:
        return np.zeros(len(frame), dtype=bool)
    return np.asarray(frame["suppressed"].fillna(False).astype(bool).to_numpy(), dtype=bool)


def _applicable(frame: pd.DataFrame, policy: DisclosurePolicy) -> np.ndarray:
    if "indicator" not in frame.columns:
        return np.ones(len(frame), dtype=bool)
    codes = frame["indicator"]
    kinds = {code: policy.applies(code) for code in codes.unique()}
    return np.asarray(codes.map(kinds).to_numpy(dtype=bool), dtype=bool)


def _groupings(
    frame: pd.DataFrame,
    groups: Sequence[str] | Sequence[Grouping] | None,
    total_rows: pd.Series | str | None,
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Each grouping as (group number per row, total-row flag per row)."""
    if groups is None:
        if total_rows is not None:
            raise ValueError("total_rows needs groups")
        return []
    if isinstance(groups, str):
        groups = [groups]
    if all(isinstance(g, str) for g in groups):
        specs = [Grouping(tuple(str(g) for g in groups), total_rows)]
    elif all(isinstance(g, Grouping) for g in groups):
        if total_rows is not None:
            raise ValueError("with Grouping objects, give each one its own total")
        specs = [g for g in groups if isinstance(g, Grouping)]
    else:
        raise TypeError("groups must be column names or Grouping objects, not a mixture")
    result = []
    for spec in specs:
        if not spec.by:
            raise ValueError("a grouping needs at least one column")
        codes = frame.groupby(list(spec.by), dropna=False, sort=False, observed=True).ngroup()
        if spec.total is None:
            is_total = np.zeros(len(frame), dtype=bool)
        else:
            mask = frame[spec.total] if isinstance(spec.total, str) else spec.total
            if not mask.index.equals(frame.index):
                mask = mask.reindex(frame.index)
            is_total = np.asarray(mask.fillna(False).to_numpy(dtype=bool), dtype=bool)
        result.append((np.asarray(codes.to_numpy(), dtype=np.intp), is_total))
    return result


def _reasons(
    values: np.ndarray,
    source: np.ndarray,
    applicable: np.ndarray,
    groupings: list[tuple[np.ndarray, np.ndarray]],
    threshold: int,
) -> np.ndarray:
    """Suppression reason per cell (object array, ``None`` where shown)."""
    reasons = np.full(len(values), None, dtype=object)
    reasons[source] = SOURCE
    with np.errstate(invalid="ignore"):
        primary = applicable & ~source & (values > 0) & (values < threshold)
    reasons[primary] = PRIMARY
    hidden = source | primary
    changed = bool(groupings)
    while changed:
        changed = False
        for codes, is_total in groupings:
            extra = _complementary(values, hidden, applicable, codes, is_total, threshold)
            if extra.any():
                hidden |= extra
                reasons[extra] = COMPLEMENTARY
                changed = True
    return reasons


def _complementary(
    values: np.ndarray,
    hidden: np.ndarray,
    applicable: np.ndarray,
    codes: np.ndarray,
    is_total: np.ndarray,
    threshold: int,
) -> np.ndarray:
    """One pass over one grouping: the cells to hide next (at most one per group)."""
    extra = np.zeros(len(values), dtype=bool)
    if not applicable.any():
        return extra
    n_groups = int(codes.max()) + 1
    known = np.isfinite(values)
    # Unknown values protect like hidden ones: nobody can subtract them.
    unseen = hidden | ~known
    member = applicable & ~is_total
    total = applicable & is_total
    filled = np.where(known, values, 0.0)

    def per_group(mask: np.ndarray, weights: np.ndarray | None = None) -> np.ndarray:
        w = None if weights is None else weights[mask]
        return np.bincount(codes[mask], weights=w, minlength=n_groups)

    n_unseen = per_group(member & unseen)
    # Cells we hid are known to be at least 1; the source's may be zeros.
    n_positive = per_group(member & unseen & (filled > 0))
    shown_sum = per_group(member & ~unseen, filled)
    unseen_sum = per_group(member & unseen, filled)
    n_unknown = per_group(member & ~known)
    n_total = per_group(total)
    if (n_total > 1).any():
        raise ValueError("a group has more than one total row")
    has_total = n_total == 1
    total_value = np.full(n_groups, np.nan)
    total_value[codes[total]] = values[total]
    total_unseen = np.zeros(n_groups, dtype=bool)
    total_unseen[codes[total]] = unseen[total]
    total_pos = np.full(n_groups, -1, dtype=np.intp)
    total_pos[codes[total]] = np.flatnonzero(total)

    # Without a total row, a total that would itself be a small count is suppressed wherever it
    # is shown, so it is not known; any other total is assumed published.
    members_sum = shown_sum + unseen_sum
    small_total = (n_unknown == 0) & (members_sum > 0) & (members_sum < threshold)
    total_known = np.where(has_total, ~total_unseen, ~small_total)
    with np.errstate(invalid="ignore"):
        hidden_sum = np.where(has_total, total_value - shown_sum, unseen_sum)
        exposed = (n_unseen == 1) | (
            (n_unseen >= 2) & ((hidden_sum < threshold) | (hidden_sum <= n_positive))
        )
    need = (total_known & exposed) | (has_total & total_unseen & (n_unseen == 0))

    candidates = np.flatnonzero(member & ~unseen & (filled > 0) & need[codes])
    # Smallest value first, then frame order, so the choice is deterministic.
    order = np.lexsort((candidates, values[candidates], codes[candidates]))
    ranked = candidates[order]
    firsts = ranked[np.unique(codes[ranked], return_index=True)[1]]
    extra[firsts] = True
    served = np.zeros(n_groups, dtype=bool)
    served[codes[firsts]] = True
    # No member left to hide: hiding the shown total protects the group instead.
    fallback = need & ~served & has_total & ~total_unseen
    extra[total_pos[fallback]] = True
    return extra


def _write(out: pd.DataFrame, value: str, values: np.ndarray, reasons: np.ndarray) -> pd.DataFrame:
    hidden = pd.notna(reasons)
    out[value] = np.where(hidden, np.nan, values)
    out["suppressed"] = hidden
    out["suppression"] = pd.Series(reasons, index=out.index, dtype=object)
    return out
