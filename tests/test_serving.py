"""Streamlit servers on loopback: ports, start-up, readiness, shutdown (real processes)."""

from __future__ import annotations

import http.server
import socket
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts import serving

EMPTY_PAGE = serving.ROOT / "scripts" / "bench_pages" / "empty.py"


def _python(code: str, stdout: int = subprocess.DEVNULL) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-c", code], stdout=stdout)


class _Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200 if self.path == serving.HEALTH else 404)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def health_url() -> Iterator[str]:
    """A loopback HTTP server answering 200 on the health path only."""
    server = http.server.ThreadingHTTPServer((serving.HOST, 0), _Health)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://{serving.HOST}:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_free_port_is_bindable() -> None:
    port = serving.free_port()
    assert 0 < port < 65536
    with socket.socket() as sock:
        sock.bind((serving.HOST, port))
        sock.listen()


def test_chromium_args_stay_headless_and_quiet() -> None:
    assert "--headless" in serving.CHROMIUM_ARGS
    assert "--disable-background-networking" in serving.CHROMIUM_ARGS
    assert serving.DISABLE_DEV_SHM not in serving.CHROMIUM_ARGS
    assert len(set(serving.CHROMIUM_ARGS)) == len(serving.CHROMIUM_ARGS)


def test_launch_serves_health_and_stops(tmp_path: Path) -> None:
    log = tmp_path / "empty.log"
    server = serving.launch(EMPTY_PAGE, database_url=f"sqlite:///{tmp_path / 'x.db'}", log=log)
    try:
        assert server.url.startswith(f"http://{serving.HOST}:")
        assert server.log == log
        serving.wait_ready(server, timeout=60)
        with urllib.request.urlopen(f"{server.url}{serving.HEALTH}", timeout=5) as response:
            assert response.status == 200
    finally:
        serving.stop(server)
    assert server.process.returncode is not None
    assert server.url in server.log_tail()  # its output went to the log
    with pytest.raises(OSError):
        urllib.request.urlopen(f"{server.url}{serving.HEALTH}", timeout=2)
    serving.stop(server)  # already stopped: nothing to do


def test_wait_ready_raises_with_the_log_when_streamlit_exits(tmp_path: Path) -> None:
    log = tmp_path / "missing.log"
    server = serving.launch(tmp_path / "missing.py", database_url=None, log=log)
    try:
        with pytest.raises(RuntimeError, match="streamlit exited early") as raised:
            serving.wait_ready(server, timeout=60)
    finally:
        serving.stop(server)
    assert server.process.returncode != 0
    assert "missing.py" in str(raised.value)
    assert server.log_tail() and server.log_tail() in str(raised.value)


def test_wait_ready_raises_when_streamlit_exits_without_a_log(tmp_path: Path) -> None:
    server = serving.launch(tmp_path / "missing.py", database_url=None)
    assert server.log is None
    try:
        with pytest.raises(RuntimeError, match=r"streamlit exited early with status [1-9]"):
            serving.wait_ready(server, timeout=60)
    finally:
        serving.stop(server)


def test_log_tail_without_a_log() -> None:
    process = _python("pass")
    server = serving.Server(process, "http://127.0.0.1:1")
    process.wait()
    assert server.log_tail() == ""
    assert serving.Server(process, "http://127.0.0.1:1", Path("/nonexistent")).log_tail() == ""


def test_wait_ready_on_a_url_watches_the_given_process(tmp_path: Path) -> None:
    out = tmp_path / "proxy.out"
    out.write_text("proxy: bad configuration\n")
    process = _python("import sys; sys.exit(3)")
    with pytest.raises(RuntimeError, match="exited early with status 3") as raised:
        serving.wait_ready(f"http://{serving.HOST}:1", process=process, log=out, timeout=30)
    assert "proxy: bad configuration" in str(raised.value)


def test_wait_ready_on_a_url(health_url: str) -> None:
    serving.wait_ready(health_url, timeout=10)
    with pytest.raises(RuntimeError, match="did not answer"):
        serving.wait_ready(health_url, path="/elsewhere", timeout=0.5)


def test_wait_ready_times_out_on_a_silent_process() -> None:
    process = _python("import time; time.sleep(60)")
    try:
        with pytest.raises(RuntimeError, match=r"did not answer on .* within 0\.5 s"):
            serving.wait_ready(f"http://{serving.HOST}:1", process=process, timeout=0.5)
    finally:
        serving.stop(process)
    assert process.returncode == -15


def test_stop_kills_a_process_that_ignores_sigterm() -> None:
    process = _python(
        "import signal, sys, time\n"
        "signal.signal(signal.SIGTERM, signal.SIG_IGN)\n"
        "print('ready', flush=True)\n"
        "time.sleep(60)\n",
        stdout=subprocess.PIPE,
    )
    assert process.stdout is not None
    assert process.stdout.readline() == b"ready\n"
    serving.stop(process, timeout=0.3)
    assert process.returncode == -9
    process.stdout.close()
