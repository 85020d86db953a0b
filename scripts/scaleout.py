"""Two app servers behind nginx (deploy/nginx.conf) on loopback: load test and balance check."""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from scripts.loadtest import ProtocolSession, Result, run_load
from scripts.serving import HOST, free_port, launch, stop, wait_ready

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "app.py"
CONFIG = ROOT / "deploy" / "nginx.conf"
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
LOG_LINE = re.compile(
    r'"(?P<method>\S+) (?P<path>\S+) [^"]*" (?P<status>\d+) '
    r".*?upstream=(?P<up>.+?) key=(?P<key>\S+)"
)


def nginx_config(template: str, *, listen: int, backends: Sequence[int], prefix: Path) -> str:
    """deploy/nginx.conf with this run's ports and paths (everything else as deployed)."""
    text = template
    replacements = [
        (r"listen 127\.0\.0\.1:\d+;", f"listen {HOST}:{listen};"),
        (r"server 127\.0\.0\.1:8511 ", f"server {HOST}:{backends[0]} "),
        (r"server 127\.0\.0\.1:8512 ", f"server {HOST}:{backends[1]} "),
        (r"^pid .*;$", f"pid {prefix / 'nginx.pid'};"),
        (r"^error_log \S+", f"error_log {prefix / 'error.log'}"),
        (r"access_log \S+ upstream;", f"access_log {prefix / 'access.log'} upstream;"),
        (r"^worker_processes auto;", "worker_processes 1;"),
    ]
    for pattern, value in replacements:
        text, count = re.subn(pattern, value, text, count=1, flags=re.MULTILINE)
        if count != 1:
            raise ValueError(f"deploy/nginx.conf has no line matching {pattern!r}")
    temp = "\n".join(
        f"    {name}_temp_path {prefix / name};"
        for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return text.replace("http {\n", "http {\n" + temp + "\n", 1)


def start_nginx(config: Path, prefix: Path) -> subprocess.Popen[bytes]:
    """nginx in the foreground with ``config`` (checked first with ``nginx -t``)."""
    base = [NGINX, "-p", str(prefix), "-c", str(config)]
    check = subprocess.run([*base, "-t"], capture_output=True, text=True, check=False)
    if check.returncode != 0:
        raise RuntimeError(f"nginx -t failed:\n{check.stderr}")
    with (prefix / "nginx.out").open("wb") as handle:
        return subprocess.Popen(
            [*base, "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=handle
        )


@dataclass
class Balance:
    """What the access log says about the backends."""

    sessions: dict[str, int]
    browsers: dict[str, int]
    requests: dict[str, int]
    keys_on_two_backends: int
    errors: int

    def summary(self) -> str:
        """A readable report."""
        lines = [f"{'backend':<16} {'sessions (WebSockets)':>22} {'browsers':>9} {'requests':>9}"]
        for backend in sorted(self.requests):
            lines.append(
                f"{backend:<16} {self.sessions.get(backend, 0):>22} "
                f"{self.browsers.get(backend, 0):>9} {self.requests[backend]:>9}"
            )
        lines.append(
            f"sticky keys seen on two backends: {self.keys_on_two_backends}; "
            f"5xx answers: {self.errors}"
        )
        return "\n".join(lines)


def read_balance(log: Path) -> Balance:
    """Sessions (``/_stcore/stream`` upgrades) and requests per upstream, and stickiness."""
    sessions: Counter[str] = Counter()
    requests: Counter[str] = Counter()
    backends_of: defaultdict[str, set[str]] = defaultdict(set)
    cookies: set[str] = set()  # keys that opened a session: browsers, not one-off requests
    errors = 0
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        match = LOG_LINE.search(line)
        if not match or match["up"] == "-":
            continue
        upstream = match["up"].split(",")[-1].strip()
        requests[upstream] += 1
        backends_of[match["key"]].add(upstream)
        if match["path"].startswith("/_stcore/stream"):
            sessions[upstream] += 1
            cookies.add(match["key"])
        if match["status"].startswith("5"):
            errors += 1
    split = sum(1 for ups in backends_of.values() if len(ups) > 1)
    browsers = Counter(
        next(iter(ups)) for key, ups in backends_of.items() if key in cookies and len(ups) == 1
    )
    return Balance(dict(sessions), dict(browsers), dict(requests), split, errors)


async def _touch(urls: Sequence[str]) -> None:
    """Open the overview once on each server (starts its warm-up)."""
    for url in urls:
        session = ProtocolSession(-1, url, Result(url, 1, 0), 120.0, 1)
        try:
            await session.overview()
        finally:
            await session.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m scripts.scaleout``."""
    parser = argparse.ArgumentParser(prog="python -m scripts.scaleout", description=__doc__)
    parser.add_argument("--sessions", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--timeout", type=float, default=30, help="per interaction, seconds")
    parser.add_argument("--think", type=float, default=5.0, help="mean pause between actions")
    parser.add_argument("--client", choices=["browser", "protocol"], default="browser")
    parser.add_argument("--database-url", help="default: $DATABASE_URL or the embedded SQLite")
    parser.add_argument(
        "--direct", action="store_true", help="first run the same load against one server"
    )
    parser.add_argument("--keep-logs", type=Path, help="copy the nginx and server logs here")
    parser.add_argument(
        "--no-warmup",
        action="store_true",
        help="serve without the start-up cache warm-up (SEURANTA_WARMUP=1 by default, as deployed)",
    )
    parser.add_argument(
        "--settle",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="wait this long after the servers answer, so their warm-up can finish",
    )
    args = parser.parse_args(argv)
    if not Path(NGINX).exists():
        parser.error("nginx is not installed: apt-get install -y --no-install-recommends nginx")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    prefix = Path(tempfile.mkdtemp(prefix="seuranta-scaleout-"))
    prefix.chmod(0o755)  # nginx's workers (user nobody) write their temporary files here
    processes: list[subprocess.Popen[bytes]] = []
    database_url = args.database_url or os.environ.get("DATABASE_URL")
    try:
        backends = [free_port(), free_port()]
        servers = []
        for port in backends:
            log = prefix / f"app-{port}.log"
            env = {"SEURANTA_WARMUP": "0" if args.no_warmup else "1"}
            servers.append(launch(APP, database_url=database_url, port=port, log=log, env=env))
            processes.append(servers[-1].process)
        for server in servers:
            wait_ready(server)
        print(f"app servers on {HOST}:{backends[0]} and {HOST}:{backends[1]}", flush=True)
        if args.settle > 0:
            # The warm-up starts with a server's first page run: open one on each, then wait
            asyncio.run(_touch([f"http://{HOST}:{port}" for port in backends]))
            time.sleep(args.settle)

        def load(base: str, warm: list[str]) -> Result:
            """The load test of the command line's sessions on ``base``, warming ``warm``."""
            return asyncio.run(
                run_load(
                    base,
                    sessions=args.sessions,
                    seconds=args.seconds,
                    timeout=args.timeout,
                    warm=warm,
                    think=args.think,
                    client=args.client,
                )
            )

        direct: Result | None = None
        if args.direct:
            direct = load(f"http://{HOST}:{backends[0]}", [f"http://{HOST}:{backends[0]}"])
            print("\ndirect to one server:\n" + direct.summary(), flush=True)
        listen = free_port()
        config = prefix / "nginx.conf"
        config.write_text(
            nginx_config(CONFIG.read_text(), listen=listen, backends=backends, prefix=prefix)
        )
        nginx = start_nginx(config, prefix)
        processes.append(nginx)
        wait_ready(f"http://{HOST}:{listen}", process=nginx, log=prefix / "nginx.out")
        print(f"nginx on {HOST}:{listen}", flush=True)
        through = load(f"http://{HOST}:{listen}", [f"http://{HOST}:{port}" for port in backends])
        print("\nthrough nginx:\n" + through.summary(), flush=True)
        stop(nginx)  # flushes the access log
        balance = read_balance(prefix / "access.log")
        print("\n" + balance.summary())
        both = len([b for b in balance.sessions.values() if b > 0]) == 2
        ok = both and balance.keys_on_two_backends == 0 and balance.errors == 0
        print(
            "both backends received sessions and every browser stayed on one backend: "
            + ("yes" if ok else "NO")
        )
        return 0 if ok else 1
    finally:
        for process in reversed(processes):
            stop(process)
        if args.keep_logs:
            args.keep_logs.mkdir(parents=True, exist_ok=True)
            for path in prefix.glob("*.log"):
                shutil.copy(path, args.keep_logs / path.name)
        shutil.rmtree(prefix, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
