"""The reader's tests again, with PyYAML's pure-Python parser and composer.

PyYAML installed without libyaml (built from source without a compiler, or a
release with no wheel for the Python in use: PyYAML 6.0.1 on Python 3.13, the
oldest pyproject.toml allows there) has no ``CSafeLoader``, and the reader falls
back to ``SafeLoader``, whose composer recurses once per level. This runs
``test_reader.py`` in a fresh interpreter where ``yaml._yaml`` cannot be imported,
which is exactly how PyYAML behaves without libyaml.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]

WITHOUT_LIBYAML = """
import sys
sys.modules["yaml._yaml"] = None  # what `import yaml._yaml` finds when PyYAML has no libyaml
import yaml
import mkdocs_journey.engine.yaml_source as source
assert not yaml.__with_libyaml__ and source._Loader is yaml.SafeLoader, "libyaml is still in use"
import pytest
sys.exit(pytest.main(sys.argv[1:]))
"""


def test_reader_tests_pass_without_libyaml() -> None:
    command = [sys.executable, "-c", WITHOUT_LIBYAML, "-q", "-p", "no:cacheprovider", "-p", "tests.ci_skips",
               str(HERE / "test_reader.py")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))}
    result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-3000:]
    assert " passed" in result.stdout.splitlines()[-1], result.stdout[-2000:]
