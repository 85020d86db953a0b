"""Concurrent browser sessions walking the user journeys on a loopback server: latency, errors."""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sys
import time
import urllib.request
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from playwright.async_api import Browser, ConsoleMessage, Page, Route, async_playwright

from i18n import fmt_month
from scripts.serving import CHROMIUM, CHROMIUM_ARGS, DISABLE_DEV_SHM
from scripts.stats import percentile

T = TypeVar("T")
LAUNCH_ARGS = [*CHROMIUM_ARGS, DISABLE_DEV_SHM]
ALLOWED_HOST = "127.0.0.1"
PROBE = re.compile(r"/[a-z_]+/_stcore/(health|host-config)$")
MAX_SESSIONS = 50
MAX_SECONDS = 900
TARGET_P95 = 1.0
# Months to switch to; never the default (the latest, 2023-10), which would change nothing.
MONTHS = [
    f"{y}-{m:02d}" for y in range(2019, 2024) for m in range(1, 13) if f"{y}-{m:02d}" < "2023-10"
]
AREAS = [f"A{n:02d}" for n in range(1, 26)]
# Streamlit marks its root element with the script's state; "notRunning" once a run is over.
IDLE = '!!document.querySelector(\'[data-testid="stApp"][data-test-script-state="notRunning"]\')'
CHART = "!!document.querySelector('.vega-embed canvas, .vega-embed svg')"
METRIC = "document.querySelector('[data-testid=\"stMetricValue\"]')"


def _when(*conditions: str) -> str:
    """A JS predicate true when every condition is."""
    return "() => " + " && ".join(f"({c})" for c in conditions)


@dataclass
class Sample:
    """One timed interaction: from the action to the expected result on screen."""

    session: int
    journey: str
    action: str
    seconds: float
    error: str | None = None


@dataclass
class Result:
    """Everything one load test measured."""

    url: str
    sessions: int
    seconds: float
    samples: list[Sample] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    probes: int = 0
    think: float = 0.0
    client: str = "browser"
    load_average: tuple[float, float, float] = (0.0, 0.0, 0.0)

    @property
    def latencies(self) -> list[float]:
        """Latencies of the interactions that succeeded."""
        return [s.seconds for s in self.samples if s.error is None]

    @property
    def errors(self) -> list[str]:
        """Failed interactions and errors the pages raised or logged."""
        failed = [f"{s.journey}/{s.action}: {s.error}" for s in self.samples if s.error]
        return failed + self.page_errors

    def percentile(self, q: float, action: str | None = None) -> float:
        """The ``q``-th percentile (0–100, as :func:`scripts.stats.percentile`) of the
        latencies (of one ``action`` when given)."""
        return percentile(
            (
                s.seconds
                for s in self.samples
                if s.error is None and (action is None or f"{s.journey}/{s.action}" == action)
            ),
            q,
        )

    def summary(self) -> str:
        """A readable report: per interaction and overall p50/p95, and the errors."""
        actions = sorted({f"{s.journey}/{s.action}" for s in self.samples})
        lines = [
            f"{self.sessions} {self.client} sessions for {self.seconds:.0f} s, think time "
            f"{self.think:g} s, "
            f"against {self.url} (machine load "
            f"average at the end: {', '.join(f'{x:.1f}' for x in self.load_average)})",
            f"{'interaction':<28} {'n':>5} {'p50 s':>7} {'p95 s':>7} {'max s':>7} {'errors':>6}",
        ]
        for action in actions:
            mine = [s for s in self.samples if f"{s.journey}/{s.action}" == action]
            ok = [s.seconds for s in mine if s.error is None]
            lines.append(
                f"{action:<28} {len(mine):5d} {self.percentile(50, action):7.2f} "
                f"{self.percentile(95, action):7.2f} {max(ok, default=float('nan')):7.2f} "
                f"{sum(s.error is not None for s in mine):6d}"
            )
        lines.append(
            f"{'all':<28} {len(self.samples):5d} {self.percentile(50):7.2f} "
            f"{self.percentile(95):7.2f} {max(self.latencies, default=float('nan')):7.2f} "
            f"{len(self.errors):6d}"
        )
        if self.probes:
            lines.append(
                f"  ({self.probes} expected 404s of Streamlit's base-path probe on deep links "
                "not counted as errors)"
            )
        for error in self.errors[:20]:
            lines.append(f"  error: {error}")
        if len(self.errors) > 20:
            lines.append(f"  … and {len(self.errors) - 20} more errors")
        met = self.percentile(95) <= TARGET_P95 and not self.errors
        lines.append(
            f"target p95 ≤ {TARGET_P95:g} s and no errors: {'met' if met else 'NOT met'} "
            f"(p50 {self.percentile(50):.2f} s, p95 {self.percentile(95):.2f} s, "
            f"{len(self.errors)} errors)"
        )
        return "\n".join(lines)

    def met(self) -> bool:
        """True when p95 is within the target and nothing failed."""
        return self.percentile(95) <= TARGET_P95 and not self.errors


class _User:
    """What both clients share: who the user is, where the samples go, and the pause a
    person takes after each interaction."""

    def __init__(
        self, index: int, base: str, result: Result, timeout: float, seed: int, think: float = 0.0
    ) -> None:
        self.index = index
        self.base = base.rstrip("/")
        self.result = result
        self.timeout = timeout
        self.think = think
        self.random = random.Random(seed * 1000 + index)

    async def _record(self, journey: str, action: str, started: float, error: str | None) -> bool:
        """Record one interaction from ``started`` (perf_counter) until now, then pause like a
        person reading the page; True when it succeeded."""
        seconds = time.perf_counter() - started
        self.result.samples.append(Sample(self.index, journey, action, seconds, error))
        if self.think:
            await asyncio.sleep(self.think * self.random.uniform(0.5, 1.5))
        return error is None

    async def run(self, browser: Browser | None, deadline: float, *, once: bool = False) -> None:
        """Walk the journeys until ``deadline`` (or each journey once); each client's own."""
        raise NotImplementedError

    async def overview(self) -> None:
        """The overview journey."""
        raise NotImplementedError

    async def profile(self) -> None:
        """The area profile journey."""
        raise NotImplementedError

    async def map(self) -> None:
        """The map journey."""
        raise NotImplementedError

    async def methods(self) -> None:
        """The data and methods journey."""
        raise NotImplementedError

    async def walk_journeys(self, deadline: float, *, once: bool) -> None:
        """Walk the four journeys, starting with a different one per user, until ``deadline``
        (or each journey once)."""
        await walk(
            [self.overview, self.profile, self.map, self.methods],
            start=self.index,
            deadline=deadline,
            once=once,
        )


class Session(_User):
    """One user: a browser context with one tab, walking the journeys in turn."""

    def __init__(
        self, index: int, base: str, result: Result, timeout: float, seed: int, think: float = 0.0
    ) -> None:
        super().__init__(index, base, result, timeout, seed, think)
        self.page: Page | None = None

    async def timed(
        self, journey: str, action: str, act: Callable[[], Awaitable[None]], done: str
    ) -> bool:
        """Run ``act``, then wait for the JS predicate ``done``; record the time or the error."""
        assert self.page is not None
        started = time.perf_counter()
        error = None
        try:
            await act()
            await self.page.wait_for_function(done, timeout=self.timeout * 1000, polling=50)
            shown = await self.page.locator("[data-testid='stException']").count()
            if shown:
                error = "an exception is shown on the page"
        except Exception as exc:
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
        return await self._record(journey, action, started, error)

    async def open(self, journey: str, action: str, path: str, *done: str) -> bool:
        """Go to ``path`` below the base, then wait until every JS condition ``done`` holds;
        record the time or the error."""
        page = self.page
        assert page is not None
        return await self.timed(
            journey, action, lambda: _goto(page, f"{self.base}{path}"), _when(*done)
        )

    async def overview(self) -> None:
        """Leadership: open the overview, then choose another month."""
        page = self.page
        assert page is not None
        if not await self.open("overview", "open", "/?lang=fi", f"!!{METRIC}", CHART, IDLE):
            return
        before = await page.get_by_test_id("stMetricValue").first.inner_text()
        month = self.random.choice(MONTHS)
        label = fmt_month(month, "fi")

        async def choose() -> None:
            await page.get_by_test_id("stSelectbox").first.click()
            await page.keyboard.type(label)
            await page.get_by_role("option", name=label, exact=True).click()

        await self.timed(
            "overview",
            "change month",
            choose,
            _when(
                f"location.search.includes('month={month}')",
                f"{METRIC}?.innerText !== {json.dumps(before)}",
                CHART,
                IDLE,
            ),
        )

    async def profile(self) -> None:
        """Coordinator: open an area profile by its link, then switch to Swedish."""
        page = self.page
        assert page is not None
        area = self.random.choice(AREAS)
        heading = "!!document.querySelector('h1')?.innerText.includes({})"
        opened = await self.open(
            "area_profile",
            "open by link",
            f"/area_profile?area={area}&lang=fi",
            heading.format(json.dumps("Alueprofiili")),
            CHART,
            IDLE,
        )
        if not opened:
            return
        await self.timed(
            "area_profile",
            "switch to Swedish",
            lambda: page.get_by_test_id("stSidebar").get_by_text("Svenska", exact=True).click(),
            _when(
                heading.format(json.dumps("Områdesprofil")),
                "location.search.includes('lang=sv')",
                CHART,
                IDLE,
            ),
        )

    async def map(self) -> None:
        """Open the map (organisers), then show it by municipality."""
        page = self.page
        assert page is not None
        if not await self.open("map", "open", "/map?lang=fi", CHART, IDLE):
            return

        async def choose() -> None:
            await page.get_by_test_id("stSelectbox").first.click()
            await page.get_by_role("option", name="Kunnat", exact=True).click()

        await self.timed(
            "map",
            "change level",
            choose,
            _when("location.search.includes('level=municipality')", CHART, IDLE),
        )

    async def methods(self) -> None:
        """Open the data and methods page and wait for the catalogue table."""
        await self.open(
            "data_methods",
            "open",
            "/data_methods?lang=fi",
            "!!document.querySelector('[data-testid=\"stDataFrame\"]')",
            IDLE,
        )

    async def run(self, browser: Browser | None, deadline: float, *, once: bool = False) -> None:
        """Walk the journeys, starting with a different one per session, until ``deadline``
        (or each journey once)."""
        assert browser is not None, "a browser session needs the browser"
        context = await browser.new_context(viewport={"width": 1280, "height": 1000})
        try:
            await context.route("**/*", _loopback_only)
            self.page = await context.new_page()
            self.page.on("pageerror", lambda exc: self._page_error(f"page error: {exc}"))
            self.page.on("console", self._console)
            await self.walk_journeys(deadline, once=once)
        finally:
            await context.close()

    def _page_error(self, text: str) -> None:
        self.result.page_errors.append(f"session {self.index}: {text}")

    def _console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = str(message.location.get("url", ""))
        if PROBE.search(where):
            # On a deep link Streamlit first looks for its endpoints under the page's path
            # (a possible base path), gets 404 and falls back to the root: expected noise.
            self.result.probes += 1
            return
        self.result.page_errors.append(f"session {self.index}: console error: {message.text[:200]}")


@dataclass
class Run:
    """What the server sent for one script run."""

    elements: list[Any]
    query: str
    page_hash: str
    finished: bool

    def of(self, kind: str) -> list[Any]:
        """The elements of one type (``metric``, ``selectbox``, …), as their protos."""
        return [getattr(e, kind) for e in self.elements if e.WhichOneof("type") == kind]

    def widget(self, kind: str, key: str) -> Any:
        """The widget whose user key is ``key``; raises LookupError when it is not there."""
        for widget in self.of(kind):
            if widget.id.endswith(f"-{key}"):
                return widget
        raise LookupError(f"no {kind} with key {key!r} on the page")

    def headings(self) -> list[str]:
        """Texts of the headings."""
        return [h.body for h in self.of("heading")]

    def metrics(self) -> list[str]:
        """Values of the metrics."""
        return [m.body for m in self.of("metric")]


class ProtocolSession(_User):
    """One user without a browser: Streamlit's own WebSocket protocol (protobuf BackMsg and
    ForwardMsg on ``/_stcore/stream``), the way the page's JavaScript speaks it.

    A page opened by link is an HTTP GET of the page (which also gets nginx's sticky cookie)
    and a new WebSocket session asking for a run of that page; a widget change is a rerun with
    the widget's new value. An interaction is over when the server reports the run finished;
    nothing is drawn, so the figures are the server's time plus transfer, without a browser's
    rendering.
    """

    def __init__(
        self, index: int, base: str, result: Result, timeout: float, seed: int, think: float = 0.0
    ) -> None:
        super().__init__(index, base, result, timeout, seed, think)
        self.cookies: dict[str, str] = {}
        self.socket: Any = None
        self.run_result: Run | None = None

    async def timed(
        self,
        journey: str,
        action: str,
        act: Callable[[], Awaitable[Run]],
        check: Callable[[Run], str | None],
    ) -> bool:
        """Run ``act`` (bounded by the timeout), check what the server sent, record it."""
        started = time.perf_counter()
        error = None
        try:
            run = await asyncio.wait_for(act(), self.timeout)
            self.run_result = run
            shown = run.of("exception")
            if shown:
                error = f"exception on the page: {shown[0].message[:160]}"
            elif not run.finished:
                error = "the script did not finish"
            else:
                error = check(run)
        except Exception as exc:
            error = f"{type(exc).__name__}: {str(exc).splitlines()[0][:160] if str(exc) else ''}"
        return await self._record(journey, action, started, error)

    async def _open(self, path: str, query: str) -> Run:
        """GET the page like a browser, then open a session and run it."""
        await self.close()
        url = f"{self.base}/{path}?{query}"
        await asyncio.to_thread(self._get, url)
        import websockets
        from websockets.typing import Subprotocol

        headers = {}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        stream = self.base.replace("http://", "ws://", 1) + "/_stcore/stream"
        self.socket = await websockets.connect(
            stream,
            subprotocols=[Subprotocol("streamlit")],
            additional_headers=headers,
            max_size=None,
        )
        return await self._rerun(query, page_name=path)

    def _get(self, url: str) -> None:
        request = urllib.request.Request(url)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        with urllib.request.urlopen(request, timeout=self.timeout) as response:
            response.read()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name.strip()] = rest.split(";")[0]

    async def _rerun(
        self, query: str, *, page_name: str = "", page_hash: str = "", widgets: Sequence[Any] = ()
    ) -> Run:
        from streamlit.proto.BackMsg_pb2 import BackMsg
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        message = BackMsg()
        state = message.rerun_script
        state.query_string = query
        state.page_name = page_name
        state.page_script_hash = page_hash
        state.widget_states.widgets.extend(widgets)
        await self.socket.send(message.SerializeToString())
        run = Run([], query, page_hash, finished=False)
        early = ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN
        while True:
            forward = ForwardMsg()
            forward.ParseFromString(await self.socket.recv())
            kind = forward.WhichOneof("type")
            if kind == "delta" and forward.delta.WhichOneof("type") == "new_element":
                run.elements.append(forward.delta.new_element)
            elif kind == "page_info_changed":
                run.query = forward.page_info_changed.query_string
            elif kind == "navigation":
                run.page_hash = forward.navigation.page_script_hash
            elif kind == "script_finished":
                if forward.script_finished == early:
                    # The routing guard or a widget asked for another run: it follows.
                    run.elements.clear()
                    continue
                run.finished = True
                return run

    async def _change(self, widget: Any) -> Run:
        assert self.run_result is not None
        previous = self.run_result
        return await self._rerun(previous.query, page_hash=previous.page_hash, widgets=[widget])

    async def close(self) -> None:
        """Close the session's WebSocket, if open."""
        if self.socket is not None:
            await self.socket.close()
            self.socket = None

    async def overview(self) -> None:
        """Leadership: open the overview, then choose another month."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        opened = await self.timed(
            "overview",
            "open",
            lambda: self._open("", "lang=fi"),
            lambda run: None if run.metrics() and run.of("vega_lite_chart") else "no figures",
        )
        if not opened or self.run_result is None:
            return
        before = self.run_result.metrics()[0]
        month = self.random.choice(MONTHS)
        box = self.run_result.widget("selectbox", "month")
        choice = WidgetState(id=box.id, string_value=fmt_month(month, "fi"))
        await self.timed(
            "overview",
            "change month",
            lambda: self._change(choice),
            lambda run: (
                None
                if f"month={month}" in run.query and run.metrics() and run.metrics()[0] != before
                else f"the month {month} is not shown"
            ),
        )

    async def profile(self) -> None:
        """Coordinator: open an area profile by its link, then switch to Swedish."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        area = self.random.choice(AREAS)
        opened = await self.timed(
            "area_profile",
            "open by link",
            lambda: self._open("area_profile", f"area={area}&lang=fi"),
            lambda run: (
                None
                if "Alueprofiili" in run.headings() and run.of("vega_lite_chart")
                else "no Finnish profile"
            ),
        )
        if not opened or self.run_result is None:
            return
        picker = self.run_result.widget("button_group", "lang")
        swedish = WidgetState(id=picker.id)
        swedish.string_array_value.data.append("Svenska")
        await self.timed(
            "area_profile",
            "switch to Swedish",
            lambda: self._change(swedish),
            lambda run: (
                None
                if "Områdesprofil" in run.headings() and "lang=sv" in run.query
                else "no Swedish profile"
            ),
        )

    async def map(self) -> None:
        """Open the map (organisers), then show it by municipality."""
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        opened = await self.timed(
            "map",
            "open",
            lambda: self._open("map", "lang=fi"),
            lambda run: None if run.of("vega_lite_chart") else "no map",
        )
        if not opened or self.run_result is None:
            return
        box = self.run_result.widget("selectbox", "level")
        level = WidgetState(id=box.id, string_value="Kunnat")
        await self.timed(
            "map",
            "change level",
            lambda: self._change(level),
            lambda run: (
                None
                if "level=municipality" in run.query and run.of("vega_lite_chart")
                else "no municipality map"
            ),
        )

    async def methods(self) -> None:
        """Open the data and methods page."""
        await self.timed(
            "data_methods",
            "open",
            lambda: self._open("data_methods", "lang=fi"),
            lambda run: None if run.of("arrow_data_frame") or run.of("dataframe") else "no table",
        )

    async def run(self, _browser: Browser | None, deadline: float, *, once: bool = False) -> None:
        """Walk the journeys like :meth:`Session.run`."""
        try:
            await self.walk_journeys(deadline, once=once)
        finally:
            await self.close()


async def walk(
    journeys: Sequence[Callable[[], Awaitable[None]]],
    *,
    start: int,
    deadline: float,
    once: bool = False,
) -> None:
    """Run the journeys in turn from number ``start`` until ``deadline`` (monotonic clock),
    or each one once."""
    if once:
        for journey in journeys:
            await journey()
        return
    turn = start
    while time.monotonic() < deadline:
        await journeys[turn % len(journeys)]()
        turn += 1


async def _goto(page: Page, url: str) -> None:
    await page.goto(url, wait_until="domcontentloaded")


async def _loopback_only(route: Route) -> None:
    if urlsplit(route.request.url).hostname == ALLOWED_HOST:
        await route.continue_()
    else:
        await route.abort()


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run ``coroutine`` to its end on a new event loop in a thread of its own, so that it
    also works where this thread already runs a loop (Playwright's sync API, notebooks)."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def check_url(url: str) -> str:
    """The base URL, if it points at the loopback address; raises ValueError otherwise."""
    parts = urlsplit(url)
    if parts.scheme != "http" or parts.hostname != ALLOWED_HOST:
        raise ValueError(f"only http://{ALLOWED_HOST}:PORT is allowed, not {url!r}")
    return url.rstrip("/")


async def run_load(
    url: str,
    *,
    sessions: int,
    seconds: float,
    timeout: float = 30.0,
    seed: int = 1,
    warm: Sequence[str] = (),
    think: float = 5.0,
    client: str = "browser",
) -> Result:
    """Run ``sessions`` concurrent sessions for ``seconds`` against ``url`` (loopback only).

    ``client`` is ``browser`` (a Chromium context per session) or ``protocol`` (Streamlit's
    WebSocket protocol without a browser, see :class:`ProtocolSession`). Before the clock
    starts, one untimed session walks every journey once against each URL in ``warm`` (each
    server of a scale-out), so the figures describe a server in use rather than its first
    imports and empty caches. After each interaction a session waits ``think`` seconds on
    average (uniformly 0.5–1.5 ×), as a person reading the page would; 0 makes a stress test
    of back-to-back clicks.
    """
    base = check_url(url)
    warm = [check_url(u) for u in warm]
    sessions = max(1, min(sessions, MAX_SESSIONS))
    seconds = max(1.0, min(seconds, MAX_SECONDS))
    result = Result(base, sessions, seconds, think=think, client=client)
    kind = {"browser": Session, "protocol": ProtocolSession}[client]
    ramp = min(10.0, seconds / 4)
    async with async_playwright() as playwright:
        browser = None
        if client == "browser":
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, args=LAUNCH_ARGS, headless=True
            )
        try:
            for server in warm:
                warming = Result(server, 1, 0)
                await kind(-1, server, warming, 120.0, seed).run(browser, 0.0, once=True)
                if warming.errors:
                    result.page_errors += [f"warm-up: {e}" for e in warming.errors]
            started = time.monotonic()
            deadline = started + seconds

            async def one(index: int) -> None:
                await asyncio.sleep(ramp * index / sessions)
                session = kind(index, base, result, timeout, seed, think)
                await session.run(browser, deadline)

            tasks = [asyncio.create_task(one(i)) for i in range(sessions)]
            # Bounded: every session stops starting journeys at the deadline, and an
            # interaction waits at most ``timeout``; four more per session is the ceiling.
            done, pending = await asyncio.wait(tasks, timeout=seconds + ramp + 4 * timeout + 30)
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
            for task in done:
                if task.exception() is not None:
                    result.page_errors.append(f"session crashed: {task.exception()!r}")
            result.seconds = time.monotonic() - started
            result.load_average = os.getloadavg()
        finally:
            if browser is not None:
                await browser.close()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    """Command line: ``python -m scripts.loadtest --url http://127.0.0.1:PORT``."""
    parser = argparse.ArgumentParser(prog="python -m scripts.loadtest", description=__doc__)
    parser.add_argument("--url", required=True, help=f"http://{ALLOWED_HOST}:PORT only")
    parser.add_argument("--sessions", type=int, default=20, help=f"at most {MAX_SESSIONS}")
    parser.add_argument("--seconds", type=float, default=60, help=f"at most {MAX_SECONDS}")
    parser.add_argument("--timeout", type=float, default=30, help="per interaction, seconds")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--client",
        choices=["browser", "protocol"],
        default="browser",
        help="Chromium contexts, or Streamlit's WebSocket protocol without a browser",
    )
    parser.add_argument(
        "--think", type=float, default=5.0, help="mean pause after each interaction, seconds"
    )
    parser.add_argument("--json", type=Path, help="write every sample to this file")
    parser.add_argument(
        "--cold", action="store_true", help="no untimed warm-up pass before the clock starts"
    )
    args = parser.parse_args(argv)
    try:
        check_url(args.url)
    except ValueError as error:
        parser.error(str(error))
    result = asyncio.run(
        run_load(
            args.url,
            sessions=args.sessions,
            seconds=args.seconds,
            timeout=args.timeout,
            seed=args.seed,
            warm=() if args.cold else (args.url,),
            think=args.think,
            client=args.client,
        )
    )
    print(result.summary())
    if args.json:
        payload = {**asdict(result), "p50": result.percentile(50), "p95": result.percentile(95)}
        args.json.write_text(json.dumps(payload, indent=1), encoding="utf-8")
    return 0 if result.met() else 1


if __name__ == "__main__":
    sys.exit(main())
