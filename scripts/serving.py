"""Streamlit servers on loopback and Debian's chromium: shared by the scripts and the tests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
HEALTH = "/_stcore/health"
START_TIMEOUT = 90.0
STOP_TIMEOUT = 15.0
CHROMIUM = "/usr/bin/chromium"
# Headless, with every call home switched off
CHROMIUM_ARGS: tuple[str, ...] = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# For many concurrent pages: /dev/shm is small in containers
DISABLE_DEV_SHM = "--disable-dev-shm-usage"


def free_port() -> int:
    """A free TCP port on the loopback address."""
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A ``streamlit run`` process on loopback; ``log`` holds its output (None: discarded)."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path | None = None

    @property
    def pid(self) -> int:
        return self.process.pid

    def log_tail(self, chars: int = 2000) -> str:
        """The last ``chars`` characters of the log; empty without a readable log."""
        return _tail(self.log, chars)


def _tail(log: Path | None, chars: int = 2000) -> str:
    if log is None:
        return ""
    try:
        return log.read_text(errors="replace")[-chars:]
    except OSError:
        return ""


def launch(
    script: Path,
    *,
    database_url: str | None,
    port: int | None = None,
    log: Path | None = None,
    env: Mapping[str, str] | None = None,
) -> Server:
    """Start ``streamlit run script`` on loopback, headless, without waiting for it.

    ``port`` defaults to a free one. ``database_url`` becomes ``DATABASE_URL`` (None keeps
    the inherited one); ``env`` adds variables to the inherited environment. Standard output
    and error go to ``log``, or nowhere without one.
    """
    port = free_port() if port is None else port
    environment = {**os.environ, **(env or {}), "STREAMLIT_BROWSER_GATHER_USAGE_STATS": "false"}
    if database_url is not None:
        environment["DATABASE_URL"] = database_url
    command = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        HOST,
        "--server.port",
        str(port),
        "--server.headless",
        "true",
    ]
    url = f"http://{HOST}:{port}"
    if log is None:
        process = subprocess.Popen(
            command,
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        return Server(process=process, url=url)
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, cwd=ROOT, env=environment, stdout=out, stderr=subprocess.STDOUT
        )
    return Server(process=process, url=url, log=log)


def wait_ready(
    target: Server | str,
    *,
    process: subprocess.Popen[bytes] | None = None,
    log: Path | None = None,
    path: str = HEALTH,
    timeout: float = START_TIMEOUT,
) -> None:
    """Wait until ``target``'s ``path`` answers 200; raise RuntimeError if it does not.

    ``target`` is a :class:`Server` (its process and log are watched) or a base URL, such as
    a proxy's, served by ``process`` (optional; ``log`` is its output). The error carries
    the log's tail; it is raised as soon as the watched process ends.
    """
    if isinstance(target, Server):
        url, process, log = target.url, target.process, target.log
        name = "streamlit"
    else:
        url = target
        name = _name(process) if process is not None else url
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(
                f"{name} exited early with status {process.returncode}:\n{_tail(log)}"
            )
        try:
            with urllib.request.urlopen(f"{url}{path}", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{name} did not answer on {url}{path} within {timeout:g} s:\n{_tail(log)}")


def _name(process: subprocess.Popen[bytes]) -> str:
    args = process.args
    if isinstance(args, str | bytes | os.PathLike):
        return str(args)
    return " ".join(str(arg) for arg in args)


def stop(target: Server | subprocess.Popen[bytes], timeout: float = STOP_TIMEOUT) -> None:
    """Terminate the process and wait for it; kill it when it does not stop in ``timeout`` s."""
    process = target.process if isinstance(target, Server) else target
    if process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
