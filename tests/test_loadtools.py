"""The load test and the scale-out run: their arithmetic, their guards, the nginx
configuration they deploy, and one real run of each on loopback."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from scripts import loadtest, scaleout

ACCESS_LOG = (
    '127.0.0.1 [25/Nov/2026:19:00:00 +0000] "GET /?lang=fi HTTP/1.1" 200 1234'
    " upstream=127.0.0.1:8511 key=aaa rt=0.01\n"
    '127.0.0.1 [25/Nov/2026:19:00:00 +0000] "GET /_stcore/stream HTTP/1.1" 101 0'
    " upstream=127.0.0.1:8511 key=aaa rt=3.2\n"
    '127.0.0.1 [25/Nov/2026:19:00:01 +0000] "GET /map HTTP/1.1" 200 1234'
    " upstream=127.0.0.1:8512 key=bbb rt=0.01\n"
    '127.0.0.1 [25/Nov/2026:19:00:01 +0000] "GET /_stcore/stream HTTP/1.1" 101 0'
    " upstream=127.0.0.1:8512 key=bbb rt=2.0\n"
    '127.0.0.1 [25/Nov/2026:19:00:02 +0000] "GET /_stcore/stream HTTP/1.1" 101 0'
    " upstream=127.0.0.1:8512 key=bbb rt=2.0\n"
    '127.0.0.1 [25/Nov/2026:19:00:03 +0000] "GET /_stcore/health HTTP/1.1" 200 2'
    " upstream=127.0.0.1:8511 key=ccc rt=0.00\n"
    '127.0.0.1 [25/Nov/2026:19:00:03 +0000] "GET /_stcore/health HTTP/1.1" 502 0'
    " upstream=127.0.0.1:8512 key=ccc rt=0.00\n"
    '127.0.0.1 [25/Nov/2026:19:00:04 +0000] "GET /favicon.png HTTP/1.1" 404 0'
    " upstream=- key=ddd rt=0.00\n"
)


def sample(seconds: float, action: str = "open", error: str | None = None) -> loadtest.Sample:
    return loadtest.Sample(0, "overview", action, seconds, error)


def test_percentiles_and_the_verdict() -> None:
    result = loadtest.Result("http://127.0.0.1:1", 1, 10)
    result.samples = [sample(s / 10) for s in range(1, 21)]  # 0.1 … 2.0 s
    # scripts.stats.percentile: interpolated between the closest ranks
    assert result.percentile(50) == pytest.approx(1.05)
    assert result.percentile(95) == pytest.approx(1.905)
    assert not result.met()  # p95 1.905 s > 1 s
    result.samples = [sample(0.2)] * 18 + [sample(0.9)] * 2  # the 19th and 20th of 20 are 0.9
    assert result.met()
    result.samples.append(sample(30.0, error="TimeoutError"))
    assert result.percentile(95) == pytest.approx(0.9)  # failures are not latencies
    assert not result.met()  # but any error fails the target
    text = result.summary()
    assert "overview/open" in text and "NOT met" in text and "TimeoutError" in text


def test_only_loopback_is_accepted() -> None:
    assert loadtest.check_url("http://127.0.0.1:8501/") == "http://127.0.0.1:8501"
    for url in ("http://example.org:80", "https://127.0.0.1:8501", "http://localhost:8501"):
        with pytest.raises(ValueError, match=r"only http://127\.0\.0\.1"):
            loadtest.check_url(url)


def test_walk_runs_in_turn_until_the_deadline() -> None:
    order: list[str] = []

    def journey(name: str):
        async def run() -> None:
            order.append(name)
            await asyncio.sleep(0.01)

        return run

    journeys = [journey("a"), journey("b"), journey("c")]
    loadtest.run_sync(loadtest.walk(journeys, start=1, deadline=0, once=True))
    assert order == ["a", "b", "c"]
    order.clear()
    loadtest.run_sync(loadtest.walk(journeys, start=1, deadline=time.monotonic() + 0.2))
    assert order[:4] == ["b", "c", "a", "b"] and 5 < len(order) < 30


def test_nginx_config_is_the_deployed_one_with_this_runs_ports(tmp_path: Path) -> None:
    template = scaleout.CONFIG.read_text()
    text = scaleout.nginx_config(template, listen=9001, backends=[9002, 9003], prefix=tmp_path)
    assert "listen 127.0.0.1:9001;" in text
    assert "server 127.0.0.1:9002 " in text and "server 127.0.0.1:9003 " in text
    assert f"access_log {tmp_path / 'access.log'} upstream;" in text
    # What makes scale-out work is left as deployed: WebSockets, the sticky hash
    for kept in ("proxy_http_version 1.1", "Upgrade", "hash $seuranta_key consistent"):
        assert kept in template and kept in text
    with pytest.raises(ValueError, match="no line matching"):
        scaleout.nginx_config(
            template.replace("8512", "9999"), listen=1, backends=[2, 3], prefix=tmp_path
        )


def test_balance_counts_sessions_browsers_and_split_keys(tmp_path: Path) -> None:
    log = tmp_path / "access.log"
    log.write_text(ACCESS_LOG)
    balance = scaleout.read_balance(log)
    assert balance.sessions == {"127.0.0.1:8511": 1, "127.0.0.1:8512": 2}
    assert balance.browsers == {"127.0.0.1:8511": 1, "127.0.0.1:8512": 1}
    assert balance.requests == {"127.0.0.1:8511": 3, "127.0.0.1:8512": 4}
    assert balance.keys_on_two_backends == 1  # ccc: a cookieless client, spread
    assert balance.errors == 1
