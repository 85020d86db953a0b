"""Interactions timed in Chromium, with the bytes the server sends for each (issue 13).

Every interaction is timed from the ``pointerdown`` on the control to the first animation
frame in which the page shows the new state (a condition per interaction, checked each frame),
and the WebSocket frames the page receives in that time (and until the script has finished)
are counted: Streamlit sends every element of a rerun, so the bytes tell what a rerun redoes.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# Arms a measurement: t0 at the next pointerdown, t1 in the first frame in which ``done``
# (a JavaScript expression over ``b`` = window.__bench and ``s`` = the armed state) holds.
ARM_JS = """
([done, seed]) => {
  const b = window.__bench;
  const chart = () => document.querySelector('[data-testid="stVegaLiteChart"]');
  const metric = () => {
    const m = document.querySelector('[data-testid="stMetricValue"]');
    return m ? m.innerText : null;
  };
  const heading = () => {
    const h = document.querySelector('h1');
    return h ? h.innerText : null;
  };
  const s = { t0: null, t1: null, seed, metric0: metric(), heading0: heading(),
              chart0: chart() ? b.fingerprint(chart()) : null };
  const test = new Function('b', 's', 'chart', 'metric', 'heading', 'return (' + done + ');');
  window.__rr = s;
  document.addEventListener('pointerdown', () => { if (s.t0 === null) s.t0 = performance.now(); },
                            true);
  const tick = () => {
    if (s.t0 !== null && test(b, s, chart, metric, heading)) { s.t1 = performance.now(); return; }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}
"""

# Conditions for ARM_JS
NEW_METRIC = "metric() !== null && metric() !== s.metric0"
NEW_CHART = "!!chart() && b.marked(chart()) && b.fingerprint(chart()) !== s.chart0"
NEW_HEADING = "heading() !== null && heading() === s.seed && !!chart() && b.marked(chart())"


@dataclass(frozen=True)
class Interaction:
    """One timed interaction: where, what to do, when it counts as answered."""

    name: str
    page: str  # URL path after the server's base, with the query
    act: Callable[[Any], None]  # performs the click(s); the last click's pointerdown is t0
    done: str  # JavaScript condition (see ARM_JS)
    seed: str = ""  # a value the condition may compare with (s.seed)
    charts: int = 1  # charts drawn before the interaction starts
    note: str = ""


def choose(label: str, option: str, *, nth: int = 0) -> Callable[[Any], None]:
    """Open the ``nth`` select box labelled ``label`` and pick ``option``: the pointerdown on
    the option starts the clock (the box is opened and typed into before it)."""

    def act(page: Any) -> None:
        page.get_by_test_id("stSelectbox").filter(has_text=label).nth(nth).click()
        page.keyboard.type(option)
        target = page.get_by_role("option", name=option, exact=True)
        target.wait_for(timeout=90_000)
        target.click()

    return act


def press(name: str) -> Callable[[Any], None]:
    """Press the button named ``name``."""

    def act(page: Any) -> None:
        page.get_by_role("button", name=name, exact=True).click()

    return act


def pick_language(name: str) -> Callable[[Any], None]:
    """Choose ``name`` ("Svenska") in the sidebar's language picker (a segmented control)."""

    def act(page: Any) -> None:
        page.get_by_test_id("stSidebar").get_by_text(name, exact=True).click()

    return act


class Frames:
    """Counts the bytes of every WebSocket frame the server sends to one page."""

    def __init__(self, page: Any) -> None:
        self.received = 0
        page.on("websocket", self._attach)

    def _attach(self, socket: Any) -> None:
        socket.on("framereceived", self._count)

    def _count(self, payload: str | bytes) -> None:
        self.received += len(payload.encode() if isinstance(payload, str) else payload)


def measure(browser: Any, interaction: Interaction, base_url: str) -> tuple[float, float]:
    """Open the page in a fresh context of ``browser`` (a :class:`scripts.bench.browser.Browser`),
    wait until it is idle, perform the interaction; returns (seconds from the pointerdown to
    the new state, bytes received from the pointerdown until the script has finished)."""
    holder: list[Frames] = []
    context, page, _ = browser.open(
        base_url + interaction.page, on_page=lambda p: holder.append(Frames(p))
    )
    try:
        browser.settle(page, interaction.charts)
        page.evaluate(ARM_JS, [interaction.done, interaction.seed])
        before = holder[0].received
        interaction.act(page)
        page.wait_for_function(
            "() => window.__rr.t0 !== null && window.__rr.t1 !== null", timeout=120_000
        )
        seconds = float(page.evaluate("() => window.__rr.t1 - window.__rr.t0")) / 1000
        browser.settle(page, interaction.charts)
        time.sleep(0.3)
        return seconds, float(holder[0].received - before)
    finally:
        context.close()
