"""A test that cannot run fails and says why; only the documented cases may skip.

A skip reads as "fine" in a local run: a missing console script, schema validator or
export once turned checks into skips that nobody noticed. Under ``CI=true`` every skip
fails anyway (``tests/ci_skips.py``), but a test should not be written to skip at all,
except where the reason lies outside the project:
"""

from __future__ import annotations

import re
from pathlib import Path

TESTS = Path(__file__).parent

#: File -> why it may skip. Everything else that cannot run must fail with the fix.
MAY_SKIP = {
    "browser/conftest.py": "no Chromium or Playwright on a developer's machine (a failure under CI=true)",
    "engine/test_yaml_hints.py": "a PyYAML built without libyaml has only the pure-Python parser to test",
    "e2e/test_generators.py": "Zensical and ProperDocs are not installed in the oldest-dependency run "
                              "(ci_skips.LOWEST_ONLY; a failure anywhere else)",
}
#: The CI rule itself and its own tests skip on purpose.
SKIP_MACHINERY = {"ci_skips.py", "test_ci_skips.py", "test_no_silent_skips.py"}

_SKIP = re.compile(r"pytest\.skip\(|importorskip\(|mark\.skip(?:if)?\b")


def test_only_the_documented_tests_can_skip() -> None:
    skipping = {path.relative_to(TESTS).as_posix() for path in TESTS.rglob("*.py")
                if _SKIP.search(path.read_text("utf-8"))} - SKIP_MACHINERY
    assert skipping == set(MAY_SKIP), "make a test that cannot run fail with the fix (pytest.fail), not skip"
