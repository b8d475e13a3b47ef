"""Shared fixtures (a docs folder in tmp_path and a way to write files into it) and the CI rule that a skip fails."""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import pytest

from .ci_skips import pytest_make_collect_report, pytest_runtest_makereport  # noqa: F401 - hooks, found by name
from .files import put

WriteFile = Callable[..., Path]


@pytest.fixture
def docs_dir(tmp_path: Path) -> Path:
    """An empty docs folder, as a site's `docs_dir` would be."""
    folder = tmp_path / "docs"
    folder.mkdir()
    return folder


@pytest.fixture
def write_file(docs_dir: Path) -> WriteFile:
    """Write text (dedented) or bytes to a path relative to the docs folder."""

    def write(relative: str, content: str | bytes) -> Path:
        return put(docs_dir, relative, content)

    return write
