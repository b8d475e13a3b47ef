"""The README's first command, ``bash scripts/serve-example``, serves the example map where it says."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_serve_example_serves_the_map_at_the_root() -> None:
    port = _free_port()
    # The test environment already holds the package and Material: the script uses it
    # instead of creating .venv, and otherwise runs as a reader would run it.
    env = {**os.environ, "VENV": sys.prefix}
    env.pop("EXAMPLE_SITE_URL", None)
    server = subprocess.Popen(["bash", "scripts/serve-example", "-a", f"127.0.0.1:{port}"], cwd=REPO, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        status, page = 0, ""
        while time.monotonic() < deadline and server.poll() is None:
            try:
                status, page = _get(f"http://127.0.0.1:{port}/journeys/rondreis-vs/")
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                time.sleep(0.5)
                continue
            break
        assert status == 200, f"the map is not at the root of the served site (status {status})"
        soup = BeautifulSoup(page, "html.parser")
        assert soup.select("tr.journey-map__stages > th[id]"), "the served page has no map"
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=30)
    assert f"Serving on http://127.0.0.1:{port}/" in output, output[-2000:]
