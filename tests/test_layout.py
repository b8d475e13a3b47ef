"""The package layout: one engine that knows no host, and adapters that never import each other.

``mkdocs_journey.engine`` must run where neither MkDocs nor click is installed (the
command line reads journeys without MkDocs; the Markdown extension does too, under
Zensical), and each adapter (``plugin`` for MkDocs, ``cli`` for the command line,
``markdown`` for the ``journey`` fence) imports only the engine. One edge is allowed:
the plugin lists the Markdown extension on its site (with the superfences formatter).
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

import mkdocs_journey

PACKAGE = Path(mkdocs_journey.__file__).parent
ADAPTERS = ("plugin", "cli", "markdown")
#: Adapter -> the other adapters it may import (see the module's docstring).
ALLOWED = {"plugin": {"markdown"}}


def _modules(folder: Path) -> list[str]:
    """Dotted names of every module under ``folder`` of the package."""
    names = []
    for path in sorted(folder.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        names.append(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    return names


def _imported(path: Path) -> set[str]:
    """Absolute names of the modules ``path`` imports (relative imports resolved)."""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    package = parts[:-1]  # a module's package; for __init__ that is the package itself
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = list(package[: len(package) - node.level + 1]) if node.level else []
            module = ".".join(base + ([node.module] if node.module else []))
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
    return names


def test_the_layout_has_the_engine_and_both_adapters() -> None:
    for part in ("engine", *ADAPTERS):
        assert (PACKAGE / part / "__init__.py").is_file(), part
    assert _modules(PACKAGE / "engine"), "no engine modules found"


def test_importing_the_engine_loads_no_host() -> None:
    """A fresh interpreter imports every engine module; no MkDocs, Material or click module is loaded."""
    modules = _modules(PACKAGE / "engine")
    script = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "print(json.dumps(sorted(sys.modules)))\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    loaded = json.loads(run.stdout)
    assert set(modules) <= set(loaded)
    hosts = [name for name in loaded if name.split(".")[0] in {"mkdocs", "material", "click"}]
    assert hosts == []


@pytest.mark.parametrize("part", ["engine", *ADAPTERS])
def test_parts_import_only_what_they_may(part: str) -> None:
    """The engine imports no adapter; an adapter imports the engine but never the other adapter."""
    forbidden = [a for a in ADAPTERS if a != part and a not in ALLOWED.get(part, set())]
    offenders = []
    for path in sorted((PACKAGE / part).rglob("*.py")):
        for name in _imported(path):
            if any(name == f"mkdocs_journey.{f}" or name.startswith(f"mkdocs_journey.{f}.") for f in forbidden):
                offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_the_markdown_extension_loads_no_host() -> None:
    """Zensical loads ``mkdocs_journey.markdown`` without MkDocs: importing it pulls in no MkDocs, Material or click."""
    script = ("import json, sys, mkdocs_journey.markdown\n"
              "print(json.dumps(sorted(sys.modules)))\n")
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert run.returncode == 0, run.stderr
    hosts = [name for name in json.loads(run.stdout) if name.split(".")[0] in {"mkdocs", "material", "click"}]
    assert hosts == []
