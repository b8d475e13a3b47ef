"""Screenshots of the comparison on a map page, light and dark: the example site's future map.

    .venv-test/bin/python scripts/compare-screenshots.py    # after `bash scripts/test` made the venv

Builds the example site into a temporary folder, serves it on loopback and opens
``journeys/rondreis-vs-toekomst/`` (a future state that names its current state with
``compare_to``) in Debian's chromium at 1440x900, once with the light palette and
once with the dark one. Two pictures each: the map scrolled to its third stage
(the ghost curve, ``was 3``, a "new" badge) and the "Vergeleken met …" panel. They
are saved under ``docs/assets/screenshots/``.
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
OUTPUT = REPO / "docs" / "assets" / "screenshots"
PAGE = "journeys/rondreis-vs-toekomst/"
VIEWPORT = {"width": 1440, "height": 900}
SCROLL_TO_EMOTION = """() => {
  const lane = document.querySelector(".journey-lane--emotion");
  const heading = document.getElementById("journey-map");
  window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 64);
  const box = document.querySelector(".journey-map__scroll");
  const stage = box.querySelectorAll("th.journey-stage")[2];  // Boeking: was 3, a new touchpoint, had no emotion
  const labels = box.querySelector(".journey-lane__label").offsetWidth;
  box.scrollLeft = stage.offsetLeft - labels;
}"""
SCROLL_TO_PANEL = """() => {
  const heading = document.getElementById("journey-compare");
  window.scrollTo(0, heading.getBoundingClientRect().top + window.scrollY - 72);
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
        written = []
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                for scheme in ("light", "dark"):
                    context = browser.new_context(viewport=VIEWPORT, color_scheme=scheme, reduced_motion="reduce")
                    # Only the local site: nothing from outside may change the picture.
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                                  else route.abort())
                    page = context.new_page()
                    page.goto(base + PAGE)
                    page.wait_for_load_state("networkidle")
                    OUTPUT.mkdir(parents=True, exist_ok=True)
                    for name, script in (("map", SCROLL_TO_EMOTION), ("changes", SCROLL_TO_PANEL)):
                        page.evaluate(script)
                        page.wait_for_timeout(200)
                        target = OUTPUT / f"compare-{name}-{scheme}.png"
                        page.screenshot(path=str(target))
                        written.append(target)
                    context.close()
                browser.close()
        finally:
            server.shutdown()
    for target in written:
        print(f"wrote {target.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
