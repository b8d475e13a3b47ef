"""Build the repository's example site for real, into a folder outside the repository.

The end-to-end tests judge what a reader downloads: the whole built site. A build
goes through the ``mkdocs`` command in a subprocess, exactly as a user runs it,
with ``--strict`` so any warning the plugin logs fails the test that needed the site.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[2]
EXAMPLE_SITE = REPO / "example-site"


def write_inheriting_config(folder: Path, **overrides: Any) -> Path:
    """A ``mkdocs.yml`` in ``folder`` that inherits the example site's and changes ``overrides``.

    ``INHERIT`` keeps the test honest: the site under test is the shipped
    configuration plus only the settings the test names.
    """
    config: dict[str, Any] = {
        "INHERIT": str(EXAMPLE_SITE / "mkdocs.yml"),
        "docs_dir": str(EXAMPLE_SITE / "docs"),
    }
    config.update(overrides)
    path = folder / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def build_site(config: Path, site_dir: Path, *, mkdocs: list[str] | None = None, cwd: Path | None = None) -> Path:
    """Run ``mkdocs build --strict`` and return the site folder; a failed build fails the test."""
    command = [*(mkdocs or [sys.executable, "-m", "mkdocs"]), "build", "--strict", "-f", str(config),
               "-d", str(site_dir)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=cwd or config.parent, timeout=300)
    assert result.returncode == 0, f"{' '.join(command)} failed:\n{result.stdout}\n{result.stderr}"
    return site_dir
