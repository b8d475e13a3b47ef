"""Under CI=true a skipped test fails the run, with its reason; elsewhere it stays a skip.

Runs pytest in a subprocess on a throw-away suite that loads ``tests.ci_skips`` as a
plugin, so the real hooks meet real skips (in a test, in a fixture, at module level).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from .files import put

REPO = Path(__file__).resolve().parents[1]

SUITE = {
    "test_in_test.py": """
        import pytest

        def test_skips():
            pytest.skip("no frobnicator here")

        @pytest.mark.xfail(reason="known bug", strict=True)
        def test_expected_failure():
            assert False

        def test_passes():
            pass
        """,
    "test_in_fixture.py": """
        import pytest

        @pytest.fixture
        def tool():
            pytest.skip("tool missing")

        def test_uses_tool(tool):
            pass
        """,
    "test_module_level.py": """
        import pytest

        pytest.skip("whole module off", allow_module_level=True)

        def test_never_runs():
            pass
        """,
}


def _pytest(folder: Path, ci: str | None, *, deps: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "JOURNEY_DEPS")}
    if ci is not None:
        env["CI"] = ci
    if deps is not None:
        env["JOURNEY_DEPS"] = deps
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    command = [sys.executable, "-m", "pytest", "-p", "tests.ci_skips", "-p", "no:cacheprovider", "-ra",
               "--continue-on-collection-errors", str(folder)]
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120, check=False)


@pytest.fixture
def suite(tmp_path: Path) -> Path:
    put(tmp_path, "pytest.ini", "[pytest]\n")
    for name, text in SUITE.items():
        put(tmp_path, name, text)
    return tmp_path


def test_skips_fail_under_ci_with_their_reasons(suite: Path) -> None:
    result = _pytest(suite, "true")
    assert result.returncode == 1, result.stdout + result.stderr
    summary = result.stdout.splitlines()[-1]
    # A skip in a fixture fails the setup and a module-level one the collection: both count as errors.
    assert "1 failed" in summary and "1 passed" in summary and "1 xfailed" in summary and "2 errors" in summary
    assert "skipped" not in summary, summary
    for reason in ("no frobnicator here", "tool missing", "whole module off"):
        assert f"skipped under CI=true, which counts as a failure: Skipped: {reason}" in result.stdout, reason
    assert "test_in_test.py:5)" in result.stdout, "the failure names where the test skipped"


@pytest.mark.parametrize("ci", [None, "false", ""])
def test_skips_stay_skips_outside_ci(suite: Path, ci: str | None) -> None:
    result = _pytest(suite, ci)
    assert result.returncode == 0, result.stdout + result.stderr
    summary = result.stdout.splitlines()[-1]
    assert "3 skipped" in summary and "1 passed" in summary and "1 xfailed" in summary, summary


LOWEST_SUITE = f"""
import pytest
from tests.ci_skips import LOWEST_ONLY

def test_generator():
    pytest.skip(LOWEST_ONLY + "zensical")
"""


@pytest.mark.parametrize(("deps", "outcome"), [("lowest", "1 skipped"), ("newest", "1 failed"), (None, "1 failed")])
def test_the_oldest_dependency_run_may_skip_the_other_generators_and_nothing_else(
        tmp_path: Path, deps: str | None, outcome: str) -> None:
    put(tmp_path, "pytest.ini", "[pytest]\n")
    put(tmp_path, "test_generators.py", LOWEST_SUITE)
    result = _pytest(tmp_path, "true", deps=deps)
    assert outcome in result.stdout.splitlines()[-1], result.stdout + result.stderr
