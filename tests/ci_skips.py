"""Under ``CI=true`` a skipped test is a failed test.

A skip hides a check that did not run: a missing browser, a missing package, a
missing console script. On a developer's machine that is a fair trade (the reason
is printed by ``-ra``); in CI it would let a pull request pass without the check,
so there every skip is reported as a failure that carries the skip's reason.
Expected failures (``xfail``) are not skips and stay as they are.

``tests/conftest.py`` imports these hooks, so they apply to every test run from
this repository; ``tests/test_ci_skips.py`` proves them on a throw-away suite.
"""

from __future__ import annotations

import os
from typing import Any, Generator

import pytest


def in_ci() -> bool:
    """True when the ``CI`` environment variable is ``true`` (as GitHub Actions and GitLab set it)."""
    return os.environ.get("CI", "").strip().lower() == "true"


def _reason(longrepr: Any) -> str:
    """The skip reason: pytest keeps it as ``(path, line, "Skipped: reason")``, the line counted from 1."""
    if isinstance(longrepr, tuple) and len(longrepr) == 3:
        path, line, message = longrepr
        return f"{message} ({path}:{line})"
    return str(longrepr)


def _fail_skip(report: pytest.TestReport | pytest.CollectReport) -> None:
    report.outcome = "failed"
    report.longrepr = f"skipped under CI=true, which counts as a failure: {_reason(report.longrepr)}"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Generator[None, Any, None]:
    """Turn a skip in setup, call or teardown into a failure when running in CI."""
    outcome = yield
    report: pytest.TestReport = outcome.get_result()
    if in_ci() and report.skipped and not hasattr(report, "wasxfail"):
        _fail_skip(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, None]:
    """Turn a module-level skip (``allow_module_level=True``, ``importorskip`` at import) into an error in CI."""
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if in_ci() and report.skipped:
        _fail_skip(report)
