"""Under ``CI=true`` a skipped test is a failed test.

A skip hides a check that did not run: a missing browser, a missing package, a
missing console script. On a developer's machine that is a fair trade (the reason
is printed by ``-ra``); in CI it would let a pull request pass without the check,
so there every skip is reported as a failure that carries the skip's reason.
Expected failures (``xfail``) are not skips and stay as they are.

One skip is a fact of the run, not a missing check: in the oldest-dependency run
(``JOURNEY_DEPS=lowest``, set by ``scripts/test --lowest``) the other generators
(Zensical, ProperDocs) are not installed, because they need newer Markdown libraries
than the floors that run proves (``test-generators`` in ``pyproject.toml``). A skip
whose reason starts with :data:`LOWEST_ONLY` stays a skip there, and only there.

``tests/conftest.py`` imports these hooks, so they apply to every test run from
this repository; ``tests/test_ci_skips.py`` proves them on a throw-away suite.
"""

from __future__ import annotations

import os
from typing import Any, Generator

import pytest


LOWEST_ONLY = "not installed in the oldest-dependency run (extra `test-generators`): "
"""The start of the one skip reason CI accepts, in the oldest-dependency run only."""


def lowest_run() -> bool:
    """True in ``scripts/test --lowest`` (it exports ``JOURNEY_DEPS=lowest``)."""
    return os.environ.get("JOURNEY_DEPS", "") == "lowest"


def _accepted(report: pytest.TestReport | pytest.CollectReport) -> bool:
    return lowest_run() and LOWEST_ONLY in _reason(report.longrepr)


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
    if in_ci() and report.skipped and not hasattr(report, "wasxfail") and not _accepted(report):
        _fail_skip(report)


@pytest.hookimpl(hookwrapper=True)
def pytest_make_collect_report(collector: pytest.Collector) -> Generator[None, Any, None]:
    """Turn a module-level skip (``allow_module_level=True``, ``importorskip`` at import) into an error in CI."""
    outcome = yield
    report: pytest.CollectReport = outcome.get_result()
    if in_ci() and report.skipped and not _accepted(report):
        _fail_skip(report)
