"""Screenshots of pages in headless Chromium, for looking at what a person sees.

``python -m scripts.screenshots OUT_DIR [--widths 1440,1024,390] [--langs fi,sv]
[--pages overview,area_profile?area=A06,...]`` starts the app on the embedded database (or
``$DATABASE_URL``), opens every page at every width and language, waits for the page to
finish running and for its charts to draw, and writes one PNG a view into ``OUT_DIR``.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from scripts.serving import CHROMIUM, CHROMIUM_ARGS, ROOT, launch, stop, wait_ready

DEFAULT_PAGES = ("overview", "area_profile", "map", "evaluation", "data_methods")


def settle(page: object, timeout: float = 90.0) -> None:
    """Wait until Streamlit has finished the run and the charts have drawn."""
    deadline = time.monotonic() + timeout
    page.wait_for_selector("[data-testid='stApp']", timeout=timeout * 1000)  # type: ignore[attr-defined]
    quiet = 0
    while time.monotonic() < deadline:
        running = page.locator("[data-testid='stStatusWidget']").count()  # type: ignore[attr-defined]
        quiet = quiet + 1 if running == 0 else 0
        if quiet >= 4:
            break
        time.sleep(0.5)
    time.sleep(1.5)  # Vega draws after the run ends


def shoot(out: Path, pages: list[str], widths: list[int], langs: list[str]) -> list[Path]:
    """Screenshots of every page × width × language; returns the files written."""
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    log = Path(tempfile.mkstemp(suffix=".log")[1])
    server = launch(ROOT / "app.py", database_url=None, log=log)
    written: list[Path] = []
    try:
        wait_ready(server)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
            for width in widths:
                context = browser.new_context(viewport={"width": width, "height": 2400})
                page = context.new_page()
                for target in pages:
                    for lang in langs:
                        join = "&" if "?" in target else "?"
                        page.goto(f"{server.url}/{target}{join}lang={lang}")
                        settle(page)
                        name = target.replace("?", "_").replace("&", "_").replace("=", "-")
                        path = out / f"{name}_{lang}_{width}.png"
                        page.screenshot(path=str(path), full_page=True)
                        written.append(path)
                context.close()
            browser.close()
    finally:
        stop(server)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--widths", default="1440,1024,390")
    parser.add_argument("--langs", default="fi,sv")
    parser.add_argument("--pages", default=",".join(DEFAULT_PAGES))
    args = parser.parse_args()
    files = shoot(
        args.out,
        args.pages.split(","),
        [int(w) for w in args.widths.split(",")],
        args.langs.split(","),
    )
    for path in files:
        print(path)


if __name__ == "__main__":
    main()
