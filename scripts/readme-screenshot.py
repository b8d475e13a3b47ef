"""Refresh the README's screenshot: the Dutch round-trip map of the example site.

    .venv-test/bin/python scripts/readme-screenshot.py      # after `bash scripts/test` made the venv

Builds the example site into a temporary folder, serves it on loopback, opens the
map in Debian's chromium (light palette, 1440x900), scrolls the page to the map and
the map to its second stage (a moment of truth, a dip in the curve, a storyboard
picture), and saves the window as ``docs/assets/screenshot.png``.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "docs" / "assets" / "screenshot.png"
PAGE = "journeys/rondreis-vs/"
VIEWPORT = {"width": 1440, "height": 900}
SCROLL_TO_SECOND_STAGE = """() => {
  const heading = document.getElementById("journey-map");
  window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 64);
  const box = document.querySelector(".journey-map__scroll");
  const stage = box.querySelectorAll("th.journey-stage")[1];
  const labels = box.querySelector(".journey-lane__label").offsetWidth;
  box.scrollLeft = stage.offsetLeft - labels;
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                        "-f", str(REPO / "example-site" / "mkdocs.yml"), "-d", str(site)], check=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                context = browser.new_context(viewport=VIEWPORT, color_scheme="light", reduced_motion="reduce")
                # Only the local site: nothing from outside may change the picture.
                context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                              else route.abort())
                page = context.new_page()
                page.goto(base + PAGE)
                page.evaluate(SCROLL_TO_SECOND_STAGE)
                page.wait_for_load_state("networkidle")  # storyboard pictures load lazily
                page.wait_for_timeout(200)
                OUTPUT.parent.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(OUTPUT))
                browser.close()
        finally:
            server.shutdown()
    print(f"wrote {OUTPUT.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
