"""Screenshots of the example site's round-trip map as a reader first sees it, and its printout.

    .venv-test/bin/python scripts/glance-screenshots.py OUTPUT_FOLDER [PREFIX]

Builds the example site into a temporary folder, serves it on loopback and opens
``journeys/rondreis-vs/`` in Debian's chromium: the first screen at 1440x900 in the
light and the dark palette, the first screen of a phone (375x812), the whole page
at 1440 wide, and the page printed to PDF on A4 and Letter landscape (each PDF
page also as a small PNG, when poppler's ``pdftoppm`` is installed). The number of
printed pages is written to ``PREFIX-print.txt``. Used for the before/after
pictures of a layout change (notes/issue-14/).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path
from typing import Any

from playwright.sync_api import sync_playwright

REPO = Path(__file__).resolve().parents[1]
PAGE = "journeys/rondreis-vs/"
SHOTS = {
    "desktop-light": ({"width": 1440, "height": 900}, "default"),
    "desktop-dark": ({"width": 1440, "height": 900}, "slate"),
    "phone-light": ({"width": 375, "height": 812}, "default"),
}
PAPERS = ("A4", "Letter")


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


def pdf_pages(pdf: bytes) -> int:
    """Pages in a PDF Chromium wrote: its page objects (``/Type /Page``, not ``/Pages``)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", pdf))


def main(output: Path, prefix: str) -> int:
    output.mkdir(parents=True, exist_ok=True)
    for old in output.glob(f"{prefix}-*"):
        old.unlink()
    lines = []
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
                for name, (viewport, scheme) in SHOTS.items():
                    phone = viewport["width"] < 600
                    context = browser.new_context(viewport=viewport, is_mobile=phone, has_touch=phone,
                                                  color_scheme="dark" if scheme == "slate" else "light",
                                                  reduced_motion="reduce")
                    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                                  else route.abort())
                    page = context.new_page()
                    page.goto(base + PAGE)
                    page.evaluate("s => document.body.setAttribute('data-md-color-scheme', s)", scheme)
                    page.wait_for_load_state("networkidle")
                    page.wait_for_timeout(300)
                    page.screenshot(path=str(output / f"{prefix}-{name}.png"))
                    if name == "desktop-light":
                        page.screenshot(path=str(output / f"{prefix}-desktop-light-full.png"), full_page=True)
                        for paper in PAPERS:
                            page.emulate_media(media="print")
                            pdf = output / f"{prefix}-print-{paper.lower()}.pdf"
                            data = page.pdf(path=str(pdf), format=paper, landscape=True, print_background=True)
                            lines.append(f"{paper} landscape: {pdf_pages(data)} pages")
                            if shutil.which("pdftoppm"):
                                subprocess.run(["pdftoppm", "-png", "-r", "40", str(pdf),
                                                str(output / f"{prefix}-print-{paper.lower()}")], check=True)
                    context.close()
                browser.close()
        finally:
            server.shutdown()
    (output / f"{prefix}-print.txt").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else "shot"))
