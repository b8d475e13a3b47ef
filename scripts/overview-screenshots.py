"""Screenshots of the overview of all maps and a persona page, at desktop and phone width, light and dark.

    .venv-test/bin/python scripts/overview-screenshots.py   # after `bash scripts/test` made the venv

Builds the example site (with a fixed "today", so the overdue column does not move)
into a temporary folder, serves it on loopback, and saves full-page pictures of the
overview (``journeys/``) and of Priya's persona page in Debian's chromium under
``docs/assets/screenshots/``: ``overview-{desktop,phone}-{light,dark}.png``,
``persona-desktop-light.png``, and the plan on a phone (``plan-phone-light.png``).
"""

from __future__ import annotations

import functools
import http.server
import os
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
OUTPUT = REPO / "docs" / "assets" / "screenshots"
TODAY = "1798761600"  # 2027-01-01 UTC
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}
# Material remembers the palette a reader picked; the toggle is the reliable way to choose one.
SCHEME = """(scheme) => {
  document.body.setAttribute("data-md-color-scheme", scheme === "dark" ? "slate" : "default");
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def main() -> int:
    with tempfile.TemporaryDirectory() as temp:
        site = Path(temp) / "site"
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q",
                        "-f", str(REPO / "example-site" / "mkdocs.yml"), "-d", str(site)], check=True,
                       env={**os.environ, "SOURCE_DATE_EPOCH": TODAY, "NO_MKDOCS_2_WARNING": "1"})
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        OUTPUT.mkdir(parents=True, exist_ok=True)
        shots = [("overview", "journeys/", size, scheme, None) for size in SIZES for scheme in ("light", "dark")]
        shots += [("persona", "persona/priya/", "desktop", "light", None),
                  ("plan", "journeys/", "phone", "light", "#journey-overview-plan")]
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path="/usr/bin/chromium",
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
                )
                for name, path, size, scheme, element in shots:
                    context = browser.new_context(viewport=SIZES[size], color_scheme=scheme, reduced_motion="reduce",
                                                  device_scale_factor=1 if size == "desktop" else 2)
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                                  else route.abort())
                    page = context.new_page()
                    page.goto(base + path)
                    page.evaluate(SCHEME, scheme)
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(200)
                    target = OUTPUT / f"{name}-{size}-{scheme}.png"
                    if element:
                        heading = page.locator(element)
                        box = heading.evaluate("e => { const r = e.getBoundingClientRect(); "
                                               "return {y: r.top + window.scrollY, h: e.nextElementSibling"
                                               ".getBoundingClientRect().bottom - r.top}; }")
                        page.screenshot(path=str(target), full_page=True,
                                        clip={"x": 0, "y": box["y"] - 8, "width": SIZES[size]["width"],
                                              "height": box["h"] + 16})
                    else:
                        page.screenshot(path=str(target), full_page=True)
                    print(f"wrote {target.relative_to(REPO)}")
                    context.close()
                browser.close()
        finally:
            server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
