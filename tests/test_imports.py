"""What importing the plugin and the command line loads: every build and ``check`` pays for it.

The package's public names are imported on first use, and the comparison code
(``diff``, ``describe``) only when a map is compared, so a plain build does not
load them (``benchmarks/imports.py`` measures the cost).
"""

from __future__ import annotations

import subprocess
import sys

import mkdocs_journey


def _modules_after(statement: str) -> set[str]:
    code = f"import sys\n{statement}\nprint('\\n'.join(sorted(sys.modules)))"
    result = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True)
    return set(result.stdout.split())


def test_the_plugin_does_not_import_what_only_comparisons_and_the_command_line_need() -> None:
    loaded = _modules_after("import mkdocs_journey.plugin")
    assert "mkdocs_journey.engine.model" in loaded  # the probe works: the plugin loads maps
    for module in ("mkdocs_journey.engine.diff", "mkdocs_journey.engine.describe", "mkdocs_journey.engine.review",
                   "mkdocs_journey.engine.report", "mkdocs_journey.cli"):
        assert module not in loaded, f"{module} is imported by the plugin"


def test_the_command_line_imports_the_comparison_code_only_for_diff() -> None:
    loaded = _modules_after("import mkdocs_journey.cli")
    assert "mkdocs_journey.cli.diff_command" in loaded  # the probe works: `diff` is registered
    for module in ("mkdocs_journey.engine.diff", "mkdocs_journey.engine.describe", "mkdocs_journey.engine.review",
                   "mkdocs_journey.engine.report", "mkdocs_journey.engine.git"):
        assert module not in loaded, f"{module} is imported by the command line before any command runs"


def test_every_public_name_is_there_on_first_use() -> None:
    namespace: dict[str, object] = {}
    exec("from mkdocs_journey import *", namespace)  # noqa: S102 - the star import users may write
    assert set(mkdocs_journey.__all__) <= set(namespace)
    from mkdocs_journey.engine.diff import diff
    from mkdocs_journey.engine.model import Journey
    assert mkdocs_journey.diff is diff and mkdocs_journey.Journey is Journey
    assert set(mkdocs_journey.__all__) <= set(dir(mkdocs_journey))


def test_an_unknown_name_is_an_attribute_error() -> None:
    try:
        mkdocs_journey.no_such_name  # type: ignore[attr-defined]  # noqa: B018
    except AttributeError as error:
        assert "no_such_name" in str(error)
    else:  # pragma: no cover
        raise AssertionError("no AttributeError")
