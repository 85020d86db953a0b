"""Smoke tests of the benchmark's pure helpers (no servers, no browser, no timing claims)."""

from __future__ import annotations

import json
import math

import pytest

from scripts.bench import cli, common, memory, report
from scripts.stats import percentile
from tests.conftest import run_module

STATUS_TEXT = """Name:\tstreamlit
Umask:\t0022
State:\tS (sleeping)
VmPeak:\t 2694956 kB
VmSize:\t 2694956 kB
VmHWM:\t  401234 kB
VmRSS:\t  384896 kB
RssAnon:\t  301000 kB
Threads:\t12
"""


def test_median_and_p90() -> None:
    assert report.median([3.0, 1.0, 2.0]) == 2.0
    assert report.median([4.0, 1.0, 2.0, 3.0]) == 2.5
    assert report.p90([1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0]) == 10.0
    assert report.p90([5.0]) == 5.0
    assert report.p90([1.0, 2.0]) == pytest.approx(1.9)
    assert math.isnan(report.median([]))
    assert math.isnan(report.p90([]))
    with pytest.raises(ValueError):
        percentile([1.0], 101)


def test_ratio_and_verdict() -> None:
    assert report.ratio(3.0, 2.0) == 1.5
    assert math.isnan(report.ratio(1.0, 0.0))
    assert math.isnan(report.ratio(math.nan, 1.0))
    assert report.verdict(1.5, 1.5) == "PASS"
    assert report.verdict(1.51, 1.5) == "FAIL"
    assert report.verdict(9.0, None) == "INFO"
    assert report.verdict(math.nan, 1.2) == "N/A"


def test_result_uses_medians() -> None:
    result = report.Result("x", "page", "s", [1.0, 9.0, 2.0], [1.0, 1.0, 100.0], 1.5)
    assert result.value == 2.0
    assert result.baseline_value == 1.0
    assert result.ratio == 2.0
    assert result.status == "FAIL"
    row = result.as_dict()
    assert row["n"] == 3 and row["status"] == "FAIL" and row["p90"] == pytest.approx(7.6)
    json.dumps(row)  # JSON-friendly
    empty = report.Result("x", "nothing", "s", [], [1.0], 1.5)
    assert empty.status == "N/A"
    assert json.loads(json.dumps(empty.as_dict()))["median"] is None
    assert report.Result("x", "broken", "", [], status_override="ERROR").status == "ERROR"


def test_format_quantity() -> None:
    assert report.format_quantity(0.5123, "s") == "512 ms"
    assert report.format_quantity(12.345, "s") == "12.35 s"
    assert report.format_quantity(205_400, "B") == "205.4 kB"
    assert report.format_quantity(394_133_504, "B") == "394.1 MB"
    assert report.format_quantity(math.nan, "s") == "–"
    assert report.format_ratio(1.234) == "1.23×"
    assert report.format_target(1.5) == "≤ 1.5×"
    assert report.format_target(None) == "–"


def test_format_table() -> None:
    results = [
        report.Result(
            "script",
            "script: overview cold",
            "s",
            [1.0, 1.2, 1.1],
            [0.5, 0.6],
            1.5,
            "why it is slow",
        ),
        report.Result("payload", "payload: area map", "B", [40_000.0], [100_000.0], 1.0),
        report.Result("memory", "memory: RSS", "B", [300e6]),
    ]
    text = report.format_table(results)
    lines = text.splitlines()
    assert lines[0].split() == [
        "metric",
        "median",
        "p90",
        "min–max",
        "n",
        "baseline",
        "ratio",
        "target",
        "result",
    ]
    assert set(lines[1]) <= {"-", " "}
    overview = lines[2]
    assert overview.startswith("script: overview cold [1]")
    assert "1.10 s" in overview and "2.00×" in overview and "≤ 1.5×" in overview
    assert overview.endswith("FAIL")
    assert "550 ms (n=2)" in overview
    assert lines[3].endswith("PASS") and "0.40×" in lines[3]
    assert lines[4].endswith("INFO")
    assert lines[-1] == "[1] why it is slow"
    # Every row is aligned on the same column boundaries
    assert len({len(line) for line in lines[:2]}) == 1


def test_parse_vmrss() -> None:
    assert memory.parse_vmrss(STATUS_TEXT) == 384_896 * 1024
    assert memory.parse_vmrss("VmRSS:\t 12 mB\n") == 12 * 1024**2
    with pytest.raises(ValueError):
        memory.parse_vmrss("Name:\tkthreadd\nState:\tS\n")
    with pytest.raises(ValueError):
        memory.parse_vmrss("VmRSS:\t\n")


def test_rotate() -> None:
    assert common.rotate(["a", "b", "c"], 0) == ["a", "b", "c"]
    assert common.rotate(["a", "b", "c"], 4) == ["b", "c", "a"]
    assert common.rotate([], 3) == []


def test_budget_repeats_within_time() -> None:
    now = [0.0]
    budget = common.Budget(3, section_seconds=10, item_seconds=4, clock=lambda: now[0])
    assert budget.want("a")
    budget.record("a", 5.0)  # one sample always; its own budget is spent now
    assert not budget.want("a")
    assert budget.note("a") == "n=1 < 3: time budget spent"
    for _ in range(3):
        assert budget.want("b")
        budget.record("b", 1.0)
    assert not budget.want("b") and budget.note("b") == ""
    now[0] = 11.0
    assert budget.want("c")  # the first sample even after the section's budget
    budget.record("c", 0.1)
    assert not budget.want("c")


def test_parse_args() -> None:
    args = cli.parse_args([])
    assert args.repeats == 5 and args.sections == list(common.SECTIONS)
    args = cli.parse_args(["--only", "payload,script", "--only", "chart", "--skip-browser"])
    assert args.sections == ["script", "payload"]
    with pytest.raises(SystemExit):
        cli.parse_args(["--only", "nonsense"])
    with pytest.raises(SystemExit):
        cli.parse_args(["--repeats", "0"])


def test_plan_shares_the_budget() -> None:
    plan = common.Plan(repeats=4, seconds=100.0)
    budget = plan.budget("script", "script_item")
    assert budget.repeats == 4
    assert budget.section_seconds == pytest.approx(100.0 * common.SHARES["script"])
    assert budget.item_seconds == pytest.approx(100.0 * common.SHARES["script_item"])
    assert plan.budget("rerun").item_seconds == plan.budget("rerun").section_seconds
    assert sum(v for k, v in common.SHARES.items() if not k.endswith("_item")) < 1.0


def test_python_m_scripts_bench_runs_the_command_line() -> None:
    run = run_module("scripts.bench", "--help")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith("usage: python -m scripts.bench")
    assert all(section in run.stdout for section in common.SECTIONS)
