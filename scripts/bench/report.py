"""One result per measurement, its verdict against a target, and the printed table."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from scripts.stats import median, percentile


def p90(values: Sequence[float]) -> float:
    """The 90th percentile of ``values`` (:func:`scripts.stats.percentile`)."""
    return percentile(values, 90.0)


def ratio(value: float, baseline: float) -> float:
    """``value / baseline``; NaN when either is missing or the baseline is not positive."""
    if math.isnan(value) or math.isnan(baseline) or baseline <= 0:
        return math.nan
    return value / baseline


def verdict(value_ratio: float, target: float | None) -> str:
    """PASS or FAIL against a maximum ratio, INFO without a target, N/A without a ratio."""
    if target is None:
        return "INFO"
    if math.isnan(value_ratio):
        return "N/A"
    return "PASS" if value_ratio <= target else "FAIL"


def format_quantity(value: float, unit: str) -> str:
    """A value for the table: seconds as ms or s, bytes as kB or MB (decimal), else plain."""
    if math.isnan(value):
        return "–"
    if unit == "s":
        return f"{value * 1000:.0f} ms" if abs(value) < 1 else f"{value:.2f} s"
    if unit == "B":
        return f"{value / 1e6:.1f} MB" if abs(value) >= 1e6 else f"{value / 1e3:.1f} kB"
    return f"{value:g} {unit}".strip()


def format_ratio(value: float) -> str:
    """A ratio as ``1.23×``."""
    return "–" if math.isnan(value) else f"{value:.2f}×"


def format_target(target: float | None) -> str:
    """A maximum ratio as ``≤ 1.5×``."""
    return "–" if target is None else f"≤ {target:g}×"


@dataclass
class Result:
    """One row of the table: samples, the baseline's samples and a target on their ratio."""

    section: str
    metric: str
    unit: str
    samples: list[float]
    baseline: list[float] = field(default_factory=list)
    target: float | None = None
    note: str = ""
    status_override: str | None = None

    @property
    def value(self) -> float:
        return median(self.samples)

    @property
    def baseline_value(self) -> float:
        return median(self.baseline)

    @property
    def ratio(self) -> float:
        return ratio(self.value, self.baseline_value)

    @property
    def status(self) -> str:
        return self.status_override or verdict(self.ratio, self.target)

    def as_dict(self) -> dict[str, Any]:
        """A JSON-friendly dictionary (NaN as None)."""

        def clean(x: float) -> float | None:
            return None if math.isnan(x) else x

        return {
            "section": self.section,
            "metric": self.metric,
            "unit": self.unit,
            "median": clean(self.value),
            "p90": clean(p90(self.samples)),
            "min": min(self.samples, default=None),
            "max": max(self.samples, default=None),
            "n": len(self.samples),
            "samples": self.samples,
            "baseline_median": clean(self.baseline_value),
            "baseline_samples": self.baseline,
            "ratio": clean(self.ratio),
            "target": self.target,
            "status": self.status,
            "note": self.note,
        }


TABLE_COLUMNS = ("metric", "median", "p90", "min–max", "n", "baseline", "ratio", "target", "result")


def table_row(result: Result) -> list[str]:
    """The cells of one result."""
    s, unit = result.samples, result.unit
    spread = (
        f"{format_quantity(min(s), unit)}–{format_quantity(max(s), unit)}" if len(s) > 1 else "–"
    )
    if result.baseline:
        base = format_quantity(result.baseline_value, unit)
        if len(result.baseline) > 1:
            base += f" (n={len(result.baseline)})"
    else:
        base = "–"
    return [
        result.metric,
        format_quantity(result.value, unit),
        format_quantity(p90(s), unit) if len(s) > 1 else "–",
        spread,
        str(len(s)),
        base,
        format_ratio(result.ratio),
        format_target(result.target),
        result.status,
    ]


def format_table(results: Sequence[Result]) -> str:
    """A plain-text table of ``results`` with a header, numbered notes below it."""
    rows = [list(TABLE_COLUMNS)] + [table_row(r) for r in results]
    notes: list[str] = []
    for row, result in zip(rows[1:], results, strict=True):
        if result.note:
            notes.append(result.note)
            row[0] = f"{row[0]} [{len(notes)}]"
    widths = [max(len(row[i]) for row in rows) for i in range(len(TABLE_COLUMNS))]
    numeric = {1, 2, 3, 4, 5, 6}

    def line(cells: list[str]) -> str:
        return "  ".join(
            cell.rjust(w) if i in numeric else cell.ljust(w)
            for i, (cell, w) in enumerate(zip(cells, widths, strict=True))
        ).rstrip()

    out = [line(rows[0]), "  ".join("-" * w for w in widths)]
    out += [line(row) for row in rows[1:]]
    if notes:
        out.append("")
        out += [f"[{i}] {note}" for i, note in enumerate(notes, start=1)]
    return "\n".join(out)
