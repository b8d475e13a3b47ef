"""Screenshots of the overview of all maps and a persona page, at desktop and phone width, light and dark.

    .venv-test/bin/python scripts/overview-screenshots.py   # after `bash scripts/test` made the venv

Builds the example site (with a fixed "today", so the overdue column does not move)
into a temporary folder, serves it on loopback, and saves pictures in Debian's
chromium under ``docs/assets/screenshots/``: the top of the overview (``journeys/``:
the maps and where customers suffer most) as ``overview-{desktop,phone}-{light,dark}.png``,
its backlog and plan as ``overview-backlog-desktop-light.png``, Priya's persona page
as ``persona-desktop-light.png``, and the plan on a phone as ``plan-phone-light.png``.
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


SECTION = """(heading) => {
  const top = heading.getBoundingClientRect().top + window.scrollY;
  let element = heading.nextElementSibling, last = heading;
  while (element && element.tagName !== "H2") { last = element; element = element.nextElementSibling; }
  const bottom = element ? element.getBoundingClientRect().top : last.getBoundingClientRect().bottom;
  return {y: top, h: bottom + window.scrollY - top};
}"""
MAX_HEIGHT = {"desktop": 1400, "phone": 1700}
"""Pictures longer than this are cut: a docs page shows them scaled to its width."""


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
        shots = [("overview", "journeys/", size, scheme, "#journey-overview-maps")
                 for size in SIZES for scheme in ("light", "dark")]
        shots += [("overview-backlog", "journeys/", "desktop", "light", "#journey-overview-backlog"),
                  ("persona", "persona/priya/", "desktop", "light", None),
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
                        # From the section's heading to the start of the next section (or the page's end).
                        box = page.locator(element).evaluate(SECTION)
                        page.screenshot(path=str(target), full_page=True,
                                        clip={"x": 0, "y": max(0, box["y"] - 8), "width": SIZES[size]["width"],
                                              "height": min(box["h"] + 16, MAX_HEIGHT[size])})
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
