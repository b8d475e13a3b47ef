"""Build the example site and the docs site, serve them on loopback, and drive Debian's chromium.

The browser is the system's ``/usr/bin/chromium`` (Playwright's own browser builds
cannot be downloaded here). Without it the browser tests skip with the reason,
except under ``CI=true``, where a missing browser is a failure: CI must not pass
without having looked at the pages.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]
ARTIFACTS = REPO / "test-artifacts"


def _require_browser() -> None:
    """Skip (or, under CI, fail) the whole browser suite when chromium or Playwright is missing."""
    in_ci = os.environ.get("CI", "").lower() == "true"
    problem = None
    if not CHROMIUM.is_file():
        problem = f"{CHROMIUM} is missing (install Debian's `chromium` package)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            problem = "the Python package `playwright` is not installed"
    if problem is None:
        return
    if in_ci:
        pytest.fail(f"browser tests cannot run under CI=true: {problem}", pytrace=False)
    pytest.skip(f"browser tests skipped: {problem}", allow_module_level=True)


@dataclass(frozen=True)
class Served:
    base_url: str
    root: Path

    def url(self, path: str) -> str:
        return self.base_url + path


def _build(config: Path, site_dir: Path) -> Path:
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(config), "-d", str(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=config.parent, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return site_dir


def journey_url(site: Path, source: str) -> str:
    """The page URL of a journey file, as the site's ``journeys.json`` publishes it."""
    data: dict[str, Any] = json.loads((site / "journeys.json").read_text(encoding="utf-8"))
    for journey in data["journeys"]:
        if journey["source"] == source:
            return str(journey["url"])
    raise AssertionError(f"{source} is not in {site / 'journeys.json'}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Both sites under one loopback server: ``/example/`` and ``/docs/``."""
    _require_browser()
    root = tmp_path_factory.mktemp("served")
    _build(REPO / "example-site" / "mkdocs.yml", root / "example")
    _build(REPO / "mkdocs.yml", root / "docs")
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield Served(f"http://127.0.0.1:{server.server_address[1]}/", root)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(served: Served) -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
