"""The project's own console script, as ``pip install`` put it beside the running Python.

Tests that run ``mkdocs-journey`` the way a user's shell does need the installed
script, not the module: the entry point in ``pyproject.toml`` is what they check.
A missing script fails those tests with the fix, instead of skipping them or quietly
running something else.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest


def console_script(name: str = "mkdocs-journey") -> Path:
    """The installed script ``name`` of this Python's environment; a clear failure when it is missing."""
    script = Path(sys.executable).with_name(name)
    if not script.is_file():
        pytest.fail(f"no `{name}` console script beside {sys.executable}: install the project into this "
                    "environment (`pip install -e '.[test]'`, or run the suite with `bash scripts/test`)",
                    pytrace=False)
    return script
