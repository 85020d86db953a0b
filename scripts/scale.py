"""Page times at 1× and at N× (SYNTHETIC data) on SQLite or PostgreSQL, with query plans."""

from __future__ import annotations

import argparse
import json
import logging
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import make_url

from scripts import synthetic

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
EMBEDDED = ROOT / "var" / "seuranta.db"
RESULTS = ROOT / "bench-results"
TARGET_RATIO = 3.0
QUERY_FUNCTIONS = (
    "observations",
    "months_available",
    "municipalities",
    "regions",
    "trial_areas",
    "memberships",
    "trial_sources",
    "group_members",
    "boundaries",
    "load_batches",
    "coverage",
)


@dataclass(frozen=True)
class View:
    """One page opened by a link, as a user would."""

    name: str
    page: str
    params: tuple[tuple[str, str], ...] = ()


VIEWS = (
    View("overview", "overview"),
    View("area_profile", "area_profile", (("area", "A06"),)),
    View("map", "map"),
    View("map (municipality)", "map", (("level", "municipality"),)),
    View("evaluation", "evaluation"),
    View("data_methods", "data_methods"),
)


@dataclass
class Statement:
    """One SQL statement a view ran, with its parameters and time."""

    sql: str
    params: Any
    seconds: float


@dataclass
class Call:
    """One call of a :mod:`data_access.queries` function: time including fetching the rows
    and building the frame, and the SQL it ran."""

    function: str
    arguments: str
    seconds: float
    rows: int
    statements: list[Statement] = field(default_factory=list)


@dataclass
class ViewTime:
    """Cold script times of one view (median of the repeats) and its slowest queries."""

    view: str
    seconds: float
    cpu_seconds: float
    runs: list[float]
    query_seconds: float
    calls: list[Call] = field(default_factory=list)


@dataclass
class LoadTime:
    """Loading one synthetic file with ``python -m data_access load --synthetic``."""

    file: str
    rows: int
    seconds: float
    peak_rss_mb: float


class _Recorder:
    """Times every :mod:`data_access.queries` function and the SQL statements each runs."""

    def __init__(self) -> None:
        from data_access import queries

        self.calls: list[Call] = []
        self.statements: list[Statement] = []
        self.originals: dict[str, Any] = {}
        self.active = False
        event.listen(Engine, "before_cursor_execute", self._before)
        event.listen(Engine, "after_cursor_execute", self._after)
        for name in QUERY_FUNCTIONS:
            self.originals[name] = getattr(queries, name)
            setattr(queries, name, self._wrap(name, self.originals[name]))

    def _wrap(self, name: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            first = len(self.statements)
            started = time.perf_counter()
            value = function(*args, **kwargs)
            seconds = time.perf_counter() - started
            if self.active:
                shown = ", ".join(f"{k}={_short(v)}" for k, v in kwargs.items())
                rows = len(value) if hasattr(value, "__len__") else 0
                self.calls.append(Call(name, shown, seconds, rows, self.statements[first:]))
            return value

        return timed

    def _before(self, conn: Any, _cursor: Any, _sql: str, _params: Any, *_rest: Any) -> None:
        conn.info.setdefault("_scale_started", []).append(time.perf_counter())

    def _after(self, conn: Any, _cursor: Any, sql: str, params: Any, *_rest: Any) -> None:
        started = conn.info["_scale_started"].pop()
        if self.active:
            self.statements.append(Statement(sql, params, time.perf_counter() - started))

    @contextmanager
    def recording(self) -> Iterator[list[Call]]:
        """Record the calls made inside the block."""
        self.calls, self.statements = [], []
        self.active = True
        try:
            yield self.calls
        finally:
            self.active = False

    def close(self) -> None:
        """Undo the instrumentation."""
        from data_access import queries

        event.remove(Engine, "before_cursor_execute", self._before)
        event.remove(Engine, "after_cursor_execute", self._after)
        for name, function in self.originals.items():
            setattr(queries, name, function)


def _short(value: Any) -> str:
    text = repr(tuple(value) if isinstance(value, list) else value)
    return text if len(text) <= 80 else text[:77] + "…"


def _clear_caches() -> None:
    import streamlit as st

    # Outside a runtime Streamlit warns once that it uses in-memory caches: expected here.
    logging.disable(logging.WARNING)
    try:
        st.cache_data.clear()
        st.cache_resource.clear()
    finally:
        logging.disable(logging.NOTSET)


def _run_view(view: View) -> tuple[float, float]:
    from streamlit.testing.v1 import AppTest

    # Bare-mode calls before AppTest's own runtime exists warn once; nothing is wrong.
    logging.getLogger("streamlit.runtime.scriptrunner_utils.script_run_context").setLevel(
        logging.ERROR
    )
    _clear_caches()
    at = AppTest.from_file(APP, default_timeout=900)
    if view.page != "overview":
        at.switch_page(f"pages/{view.page}.py")
    for key, value in view.params:
        at.query_params[key] = value
    started, cpu = time.perf_counter(), time.process_time()
    at.run()
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    if at.exception:
        raise RuntimeError(f"{view.name}: {at.exception[0].message}")
    return elapsed, cpu


def measure_pages(
    urls: Sequence[str], recorder: _Recorder, repeat: int, views: Sequence[View] = VIEWS
) -> list[list[ViewTime]]:
    """Cold script time of each view (caches cleared before each run) on each of ``urls``.

    The databases take turns run by run, so a busy machine slows them alike and the ratios
    stay fair.
    """
    results: list[list[ViewTime]] = [[] for _ in urls]
    for view in views:
        runs: list[list[tuple[float, float]]] = [[] for _ in urls]
        best: list[list[Call]] = [[] for _ in urls]
        for _ in range(repeat):
            for i, url in enumerate(urls):
                os.environ["DATABASE_URL"] = url
                with recorder.recording() as recorded:
                    runs[i].append(_run_view(view))
                if not best[i] or sum(c.seconds for c in recorded) < sum(
                    c.seconds for c in best[i]
                ):
                    best[i] = list(recorded)
        for i in range(len(urls)):
            walls = [w for w, _c in runs[i]]
            cpus = [c for _w, c in runs[i]]
            slowest = sorted(best[i], key=lambda c: -c.seconds)[:5]
            total = sum(c.seconds for c in best[i])
            results[i].append(
                ViewTime(
                    view.name,
                    statistics.median(walls),
                    statistics.median(cpus),
                    walls,
                    total,
                    slowest,
                )
            )
        shown = "  |  ".join(
            f"{statistics.median(w for w, _c in r):.2f} s (CPU "
            f"{statistics.median(c for _w, c in r):.2f} s)"
            for r in runs
        )
        print(f"  {view.name:<20} {shown}", flush=True)
    _clear_caches()
    return results


def warm_up(urls: Sequence[str], views: Sequence[View] = VIEWS) -> None:
    """Run each view once so imports and first-use costs stay out of the timings."""
    for url in urls:
        os.environ["DATABASE_URL"] = url
        for view in views:
            _run_view(view)
    _clear_caches()


def explain(url: str, statement: Statement) -> str:
    """The plan of ``statement`` (EXPLAIN QUERY PLAN on SQLite, EXPLAIN ANALYZE on PostgreSQL)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if engine.dialect.name == "sqlite":
                prefix = "EXPLAIN QUERY PLAN "
                rows = conn.exec_driver_sql(prefix + statement.sql, statement.params).all()
                return "\n".join(f"    {r[-1]}" for r in rows)
            prefix = "EXPLAIN (ANALYZE, BUFFERS) "
            rows = conn.exec_driver_sql(prefix + statement.sql, statement.params).all()
            return "\n".join(f"    {r[0]}" for r in rows)
    finally:
        engine.dispose()


def load_files(url: str, files: Sequence[Path], counts: dict[str, int]) -> list[LoadTime]:
    """Load each file in its own ``python -m data_access load --synthetic`` process."""
    env = {**os.environ, "DATABASE_URL": url}
    results = []
    for path in files:
        command = [
            sys.executable,
            "-m",
            "data_access",
            "load",
            "--synthetic",
            "--vintage",
            synthetic.VINTAGE,
            "--source",
            synthetic.SOURCE,
            str(path),
        ]
        with tempfile.TemporaryFile() as output:
            started = time.perf_counter()
            process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=output, stderr=output)
            try:
                _pid, status, usage = os.wait4(process.pid, 0)
            except BaseException:
                process.kill()
                process.wait()
                raise
            process.returncode = os.waitstatus_to_exitcode(status)
            seconds = time.perf_counter() - started
            output.seek(0)
            log = output.read().decode(errors="replace")
        if process.returncode != 0:
            raise RuntimeError(f"loading {path.name} failed:\n{log}")
        rss = usage.ru_maxrss / 1024
        rows = counts.get(path.name, 0)
        results.append(LoadTime(path.name, rows, seconds, rss))
        print(
            f"  {path.name}: {rows:,} rows in {seconds:.1f} s "
            f"({rows / seconds:,.0f} rows/s, peak {rss:,.0f} MB)",
            flush=True,
        )
    return results


def observation_count(url: str) -> int:
    """Rows in the observations table."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text("SELECT count(*) FROM observations")).scalar_one())
    finally:
        engine.dispose()


def database_size(url: str) -> dict[str, float]:
    """Size of the database (and of the observations table with its key) in MB."""
    engine = create_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            path = Path(str(engine.url.database))
            return {"database_mb": path.stat().st_size / 1e6}
        with engine.connect() as conn:
            total = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one()
            table = conn.execute(text("SELECT pg_total_relation_size('observations')")).scalar_one()
        return {"database_mb": total / 1e6, "observations_mb": table / 1e6}
    finally:
        engine.dispose()


def analyze(url: str) -> None:
    """Refresh PostgreSQL's planner statistics (autovacuum would, a little later)."""
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    try:
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
    finally:
        engine.dispose()


class Databases:
    """The two databases of a run: the shipped data (1×) and a clone that gets the synthetic
    set (N×). Made fresh and dropped at the end unless kept."""

    def __init__(self, backend: str, workdir: Path, admin_url: str | None) -> None:
        self.backend = backend
        self.workdir = workdir
        self.admin_url = admin_url
        self.names: list[str] = []

    def baseline(self) -> str:
        """A copy of var/seuranta.db, or a new PostgreSQL database built from data/."""
        if self.backend == "sqlite":
            if not EMBEDDED.is_file():
                raise SystemExit(f"{EMBEDDED} is missing: run `make db` first")
            path = self.workdir / "baseline.db"
            shutil.copyfile(EMBEDDED, path)
            return f"sqlite:///{path}"
        url = self._create(f"seuranta_scale_{uuid.uuid4().hex[:8]}_1x")
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "data_access", "build"],
            cwd=ROOT,
            env={**os.environ, "DATABASE_URL": url},
            check=True,
            stdout=subprocess.DEVNULL,
        )
        print(f"built the shipped data into PostgreSQL in {time.perf_counter() - started:.0f} s")
        return url

    def clone(self, baseline: str, suffix: str) -> str:
        """A copy of ``baseline`` (a file copy, or CREATE DATABASE … TEMPLATE)."""
        if self.backend == "sqlite":
            path = self.workdir / f"scaled-{suffix}.db"
            shutil.copyfile(str(make_url(baseline).database), path)
            return f"sqlite:///{path}"
        template = make_url(baseline).database
        if template is None:
            raise ValueError(f"{baseline} names no database to copy")
        return self._create(f"{template.removesuffix('_1x')}_{suffix}", template=template)

    def _create(self, name: str, template: str | None = None) -> str:
        if not self.admin_url:
            raise SystemExit(
                "PostgreSQL needs --pg-admin-url (or $TEST_DATABASE_URL): the URL of a role "
                "that may CREATE DATABASE"
            )
        admin = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                extra = f' TEMPLATE "{template}"' if template else ""
                conn.execute(text(f'CREATE DATABASE "{name}"{extra}'))
        finally:
            admin.dispose()
        self.names.append(name)
        return make_url(self.admin_url).set(database=name).render_as_string(hide_password=False)

    def drop(self) -> None:
        """Drop the PostgreSQL databases made here (the SQLite files go with the workdir)."""
        if not self.names:
            return
        admin = create_engine(str(self.admin_url), isolation_level="AUTOCOMMIT")
        try:
            with admin.connect() as conn:
                for name in self.names:
                    conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        finally:
            admin.dispose()


def _row_counts(directory: Path) -> dict[str, int]:
    counts = {}
    for line in (directory / "README.txt").read_text(encoding="utf-8").splitlines():
        name, _, rest = line.strip().partition(": ")
        if name.startswith("synthetic_") and name.endswith(".csv"):
            counts[name] = int(rest.split(" rows")[0].replace(",", ""))
    return counts


def compare_queries(before: list[ViewTime], after: list[ViewTime]) -> list[dict[str, Any]]:
    """Each distinct query call at 1× and at N× (the slowest calls of every view)."""
    first: dict[tuple[str, str], Call] = {}
    second: dict[tuple[str, str], Call] = {}
    for views, into in ((before, first), (after, second)):
        for view in views:
            for call in view.calls:
                key = (call.function, call.arguments)
                if key not in into or call.seconds > into[key].seconds:
                    into[key] = call
    rows = []
    for key, late in second.items():
        early = first.get(key)
        before_ms = 1000 * early.seconds if early else float("nan")
        rows.append(
            {
                "function": key[0],
                "arguments": key[1],
                "before_ms": before_ms,
                "after_ms": 1000 * late.seconds,
                "ratio": 1000 * late.seconds / before_ms if early else float("nan"),
                "rows_before": early.rows if early else None,
                "rows_after": late.rows,
                "statements": late.statements,
            }
        )
    return sorted(rows, key=lambda r: -r["after_ms"])


def _report(result: dict[str, Any]) -> str:
    lines = [
        f"backend {result['backend']}, factor {result['factor']}: "
        f"{result['rows_before']:,} → {result['rows_after']:,} observations "
        f"({result['rows_after'] / result['rows_before']:.1f}×)",
        f"database size: {result['size_before']} → {result['size_after']}",
        f"load: {result['rows_loaded']:,} rows in {result['load_seconds']:.0f} s "
        f"({result['rows_per_second']:,.0f} rows/s, peak RSS per file "
        f"{result['peak_rss_mb']:,.0f} MB)"
        if result["loads"]
        else "load: not measured (--measure)",
        "machine load average after the page runs: "
        + ", ".join(f"{x:.1f}" for x in result["load_average"]),
        "",
        "wall = median cold script time; CPU = this process's CPU time in it (steadier on a "
        "busy machine; on PostgreSQL the server's CPU is not in it); queries = data_access.queries "
        "calls, fetching included",
        f"{'view':<20} {'wall 1×':>8} {'wall N×':>8} {'ratio':>6} {'CPU 1×':>7} {'CPU N×':>7} "
        f"{'ratio':>6} {'queries 1×':>11} {'queries N×':>11}",
    ]
    for before, after in zip(result["pages_before"], result["pages_after"], strict=True):
        ratio = after["seconds"] / before["seconds"]
        cpu_ratio = after["cpu_seconds"] / max(before["cpu_seconds"], 1e-9)
        mark = "" if ratio <= TARGET_RATIO else "  > target"
        lines.append(
            f"{before['view']:<20} {before['seconds']:8.2f} {after['seconds']:8.2f} "
            f"{ratio:6.2f} {before['cpu_seconds']:7.2f} {after['cpu_seconds']:7.2f} "
            f"{cpu_ratio:6.2f} {1000 * before['query_seconds']:9.0f}ms "
            f"{1000 * after['query_seconds']:9.0f}ms{mark}"
        )
    lines += [
        "",
        "slowest query calls (time includes fetching the rows and building the frame):",
        f"{'ms 1×':>8} {'ms N×':>8} {'ratio':>6} {'rows 1×':>8} {'rows N×':>8}  call",
    ]
    for row in result["queries"][:12]:
        lines.append(
            f"{row['before_ms']:8.0f} {row['after_ms']:8.0f} {row['ratio']:6.1f} "
            f"{row['rows_before'] or 0:8,} {row['rows_after']:8,}  "
            f"{row['function']}({row['arguments']})"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m scripts.scale --backend sqlite|postgresql --factor 100``."""
    parser = argparse.ArgumentParser(prog="python -m scripts.scale", description=__doc__)
    parser.add_argument("--backend", choices=["sqlite", "postgresql"], default="sqlite")
    parser.add_argument("--factor", type=float, default=100.0)
    parser.add_argument("--data", type=Path, help="an existing synthetic set for --factor")
    parser.add_argument("--repeat", type=int, default=3, help="cold runs per view (median)")
    parser.add_argument("--pg-admin-url", default=os.environ.get("TEST_DATABASE_URL"))
    parser.add_argument("--workdir", type=Path, help="where to put temporary files")
    parser.add_argument(
        "--views", help="comma-separated subset of: " + ", ".join(v.name for v in VIEWS)
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep both databases and print their URLs"
    )
    parser.add_argument(
        "--measure",
        nargs=2,
        metavar=("BASELINE_URL", "SCALED_URL"),
        help="only measure two existing databases (e.g. kept by an earlier --keep run)",
    )
    args = parser.parse_args(argv)
    views = [v for v in VIEWS if not args.views or v.name in args.views.split(",")]
    # A plain `kill` ends the run through the finally blocks, which remove what it made.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    os.environ["STREAMLIT_BROWSER_GATHER_USAGE_STATS"] = "false"
    workdir = Path(tempfile.mkdtemp(prefix="seuranta-scale-", dir=args.workdir))
    databases = Databases(args.backend, workdir, args.pg_admin_url)
    recorder = _Recorder()
    result: dict[str, Any] = {"backend": args.backend, "factor": args.factor, "loads": []}
    keep = args.keep
    try:
        if args.measure:
            base, scaled = args.measure
            keep = True
        else:
            base = databases.baseline()
            scaled = databases.clone(base, f"{args.factor:g}x".replace(".", "_"))
            data = args.data
            if data is None:
                data = workdir / "synthetic"
                started = time.perf_counter()
                plan = synthetic.make_plan(args.factor)
                synthetic.write(plan, data, factor=args.factor)
                took = time.perf_counter() - started
                print(f"generated {plan.rows:,} SYNTHETIC rows in {took:.0f} s")
            files = sorted(data.glob("synthetic_*.csv"))
            print(f"loading {len(files)} SYNTHETIC files:")
            result["loads"] = [asdict(x) for x in load_files(scaled, files, _row_counts(data))]
        if args.backend == "postgresql":
            for url in (base, scaled):
                analyze(url)
        result["rows_before"] = observation_count(base)
        result["rows_after"] = observation_count(scaled)
        result["size_before"] = _sizes(database_size(base))
        result["size_after"] = _sizes(database_size(scaled))
        loads = result["loads"]
        result["rows_loaded"] = sum(x["rows"] for x in loads)
        result["load_seconds"] = sum(x["seconds"] for x in loads)
        result["rows_per_second"] = result["rows_loaded"] / max(result["load_seconds"], 1e-9)
        result["peak_rss_mb"] = max((x["peak_rss_mb"] for x in loads), default=0.0)
        warm_up([base, scaled], views)
        print(f"cold runs, 1× | {args.factor:g}× (wall, CPU of this process):")
        before, after = measure_pages([base, scaled], recorder, args.repeat, views)
        result["load_average"] = os.getloadavg()
        result["pages_before"] = [asdict(x) for x in before]
        result["pages_after"] = [asdict(x) for x in after]
        result["queries"] = compare_queries(before, after)
        plans = []
        for row in result["queries"]:
            if row["after_ms"] < 50 or not row["ratio"] > TARGET_RATIO:
                continue
            for statement in row["statements"]:
                plans.append(
                    f"{row['function']}({row['arguments']}): {row['after_ms']:,.0f} ms at "
                    f"{args.factor:g}× vs {row['before_ms']:,.0f} ms at 1×\n"
                    f"  {' '.join(statement.sql.split())}\n"
                    f"  params: {str(statement.params)[:300]}\n{explain(scaled, statement)}"
                )
        result["plans"] = plans
        for row in result["queries"]:
            row.pop("statements")
        report = _report(result)
        print("\n" + report)
        for plan_text in plans:
            print("\n" + plan_text)
        RESULTS.mkdir(exist_ok=True)
        out = RESULTS / f"scale-{args.backend}-{args.factor:g}x.json"
        out.write_text(json.dumps(result, indent=1, default=str), encoding="utf-8")
        print(f"\nresults: {out}")
        if keep and not args.measure:
            print(f"kept: 1× {base}\n      {args.factor:g}× {scaled}")
        return 0
    finally:
        recorder.close()
        if not keep:
            databases.drop()
            shutil.rmtree(workdir, ignore_errors=True)


def _sizes(sizes: dict[str, float]) -> str:
    return ", ".join(f"{k.removesuffix('_mb')} {v:,.0f} MB" for k, v in sizes.items())


if __name__ == "__main__":
    sys.exit(main())
