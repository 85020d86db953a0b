"""The command line of ``python -m scripts.bench``: choose sections, run them, report."""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from types import FrameType

from scripts.bench.browser import bench_browser
from scripts.bench.common import (
    BROWSER_SECTIONS,
    DEFAULT_BUDGET,
    DEFAULT_DB,
    HARD_LIMIT,
    SECTIONS,
    Plan,
    blas_info,
    time_limit,
)
from scripts.bench.evaluation import bench_evaluate
from scripts.bench.maps import bench_payload
from scripts.bench.pages import bench_script
from scripts.bench.report import Result, format_table


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(
        prog="python -m scripts.bench",
        description=(
            "Seuranta's benchmark: ratios against baselines measured in the same run "
            "(interleaved, repeated; medians and spread). Sections: " + ", ".join(SECTIONS)
        ),
    )
    parser.add_argument("--repeats", type=int, default=5, help="repeats per measurement (5)")
    parser.add_argument(
        "--budget",
        type=float,
        default=DEFAULT_BUDGET,
        metavar="SECONDS",
        help=f"soft time budget of the repeated rounds, shared by the sections "
        f"({DEFAULT_BUDGET:.0f}); a measurement that runs out reports fewer repeats",
    )
    parser.add_argument(
        "--database-url", help="SQLAlchemy URL (default: the embedded var/seuranta.db)"
    )
    parser.add_argument(
        "--skip-browser", action="store_true", help="skip " + ", ".join(sorted(BROWSER_SECTIONS))
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="also write results as JSON")
    parser.add_argument(
        "--only",
        action="append",
        metavar="NAME",
        help="run only these sections (repeatable or comma-separated): " + ", ".join(SECTIONS),
    )
    parser.add_argument(
        "--blas-threads",
        type=int,
        default=1,
        metavar="N",
        help="BLAS threads in the evaluation section, both sides (1; 0 leaves BLAS as it is: "
        "noisy when the CPUs are shared)",
    )
    parser.add_argument(
        "--full-evaluate-all",
        action="store_true",
        help="time evaluate_all on its full default grid (slow) instead of the page's call",
    )
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    if args.budget <= 0:
        parser.error("--budget must be positive")
    chosen = set(SECTIONS)
    if args.only:
        chosen = {name.strip() for item in args.only for name in item.split(",") if name.strip()}
        unknown = chosen - set(SECTIONS)
        if unknown:
            parser.error(f"unknown section(s) {', '.join(sorted(unknown))}; use {SECTIONS}")
    if args.skip_browser:
        chosen -= BROWSER_SECTIONS
    args.sections = [s for s in SECTIONS if s in chosen]
    return args


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen sections, print the table and write the JSON; 1 if any section failed."""
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, _terminate)
    database_url = args.database_url or f"sqlite:///{DEFAULT_DB}"
    if not args.database_url and not DEFAULT_DB.exists():
        print(f"{DEFAULT_DB} is missing: run `.venv/bin/python -m data_access build` first")
        return 2
    began = time.monotonic()
    started = time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime())
    load_before = os.getloadavg()
    wanted = set(args.sections)
    plan = Plan(args.repeats, args.budget)
    print(
        f"sections: {', '.join(args.sections)}; repeats {args.repeats}, "
        f"budget {args.budget:.0f} s for repeated rounds",
        flush=True,
    )

    jobs: list[tuple[str, Callable[[], list[Result]]]] = []
    if "script" in wanted:
        jobs.append(("script", lambda: bench_script(database_url, plan)))
    if wanted & BROWSER_SECTIONS:
        jobs.append(("browser", lambda: bench_browser(database_url, plan, wanted)))
    if "evaluate" in wanted:
        jobs.append(
            (
                "evaluate",
                lambda: bench_evaluate(
                    database_url, plan, args.full_evaluate_all, args.blas_threads
                ),
            )
        )
    if "payload" in wanted:
        jobs.append(("payload", lambda: bench_payload(database_url)))

    results: list[Result] = []
    failed = False
    for name, job in jobs:
        t0 = time.monotonic()
        print(f"… {name}", end="", flush=True)
        try:
            if name == "browser":  # its own time limit, inside the servers' clean-up
                results += job()
            else:
                with time_limit(HARD_LIMIT[name], f"the {name} section"):
                    results += job()
        except Exception as exc:
            failed = True
            message = f"{type(exc).__name__}: {exc}".splitlines()[0][:300]
            results.append(
                Result(
                    name, f"{name}: section failed", "", [], note=message, status_override="ERROR"
                )
            )
        print(f" {time.monotonic() - t0:.0f} s", flush=True)

    elapsed = time.monotonic() - began
    load_after = os.getloadavg()
    print()
    print(format_table(results))
    print()
    blas = blas_info()
    print(
        f"run took {elapsed:.0f} s on {os.cpu_count()} CPUs (BLAS: {blas}); load average "
        f"{load_before[0]:.2f} before, {load_after[0]:.2f} after"
    )
    verdicts = [r.status for r in results]
    print(
        f"{verdicts.count('PASS')} PASS, {verdicts.count('FAIL')} FAIL, "
        f"{verdicts.count('ERROR')} ERROR, {verdicts.count('INFO')} INFO"
    )
    if args.json:
        import streamlit

        payload = {
            "meta": {
                "started": started,
                "seconds": elapsed,
                "repeats": args.repeats,
                "budget": args.budget,
                "sections": args.sections,
                "database": "default" if not args.database_url else "given",
                "cpus": os.cpu_count(),
                "blas": blas,
                "load_before": load_before,
                "load_after": load_after,
                "python": platform.python_version(),
                "streamlit": streamlit.__version__,
            },
            "results": [r.as_dict() for r in results],
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
        print(f"results written to {args.json}")
    return 1 if failed else 0
