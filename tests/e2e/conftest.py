"""Real-browser fixtures: a Streamlit server on loopback and Debian's chromium via Playwright."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from scripts.serving import CHROMIUM, CHROMIUM_ARGS, ROOT, launch, stop, wait_ready

START_TIMEOUT = 60.0


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    """Debian's chromium, headless, with every call home switched off."""
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": list(CHROMIUM_ARGS),
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args: dict) -> dict:
    """A tall viewport: Streamlit scrolls inside its own container."""
    return {
        **browser_context_args,
        "viewport": {"width": 1400, "height": 1400},
        "accept_downloads": True,
    }


def start_server(database_url: str, *, warmup: bool = False) -> tuple[subprocess.Popen[bytes], str]:
    """Start ``streamlit run app.py`` on a free loopback port; returns (process, base URL).

    ``warmup``: as ``make run`` serves it, with the start-up cache warm-up on."""
    env = {"SEURANTA_WARMUP": "1" if warmup else "0"}
    server = launch(ROOT / "app.py", database_url=database_url, env=env)
    try:
        wait_ready(server, timeout=START_TIMEOUT)
    except RuntimeError:
        stop(server)
        raise
    return server.process, server.url


def stop_server(process: subprocess.Popen[bytes]) -> None:
    """Stop the server and wait for it (Streamlit takes a few seconds on SIGTERM)."""
    stop(process)


@pytest.fixture(scope="session")
def app_url(real_sqlite_url: str) -> Iterator[str]:
    """The app served on the real embedded data, as ``make run`` serves it."""
    process, url = start_server(real_sqlite_url, warmup=True)
    yield url
    stop_server(process)
