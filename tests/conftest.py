"""Shared fixtures: a docs folder in tmp_path and a way to write files into it."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Callable

import pytest

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
        path = docs_dir / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")
        return path

    return write
