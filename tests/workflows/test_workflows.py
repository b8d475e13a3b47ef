"""The GitHub workflows are valid and pass a security audit, checked offline.

A workflow with a typo in a key only fails once it is pushed (or silently never
runs), and a risky pattern (a checkout that leaves its token in the workspace, a
publish job with more permissions than it needs) only shows in review. Both tools
run offline: ``check-jsonschema`` ships the workflow schema (SchemaStore's, vendored)
and ``zizmor --offline`` runs every audit that needs no GitHub API. zizmor's
policy for this repository is in ``.github/zizmor.yml``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

REPO = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((REPO / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed; it is part of the `test` extra"
    return found


def _load(path: Path) -> dict[Any, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


def test_the_repository_has_its_workflows() -> None:
    assert {p.name for p in WORKFLOWS} >= {"docs.yml", "tests.yml", "release.yml"}


def test_workflows_match_the_github_workflow_schema() -> None:
    result = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows",
                             *map(str, WORKFLOWS)], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing() -> None:
    result = subprocess.run([_tool("zizmor"), "--offline", "--format", "plain", str(REPO / ".github" / "workflows")],
                            capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stdout + result.stderr


def test_pages_deployments_are_never_cancelled() -> None:
    """GitHub's recommendation for Pages: one deployment at a time, a running one finishes."""
    deploy = _load(REPO / ".github" / "workflows" / "docs.yml")["jobs"]["deploy"]
    assert deploy["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_only_publishing_jobs_may_ask_for_an_oidc_token(workflow: Path) -> None:
    data = _load(workflow)
    assert "id-token" not in (data.get("permissions") or {}), f"{workflow.name}: id-token at the workflow level"
    for name, job in data["jobs"].items():
        if (job.get("permissions") or {}).get("id-token") == "write":
            assert name in ("deploy", "publish") and "environment" in job, f"{workflow.name}: job {name}"


def test_release_publishes_only_tags_with_trusted_publishing() -> None:
    release = _load(REPO / ".github" / "workflows" / "release.yml")
    tags = release[True]["push"]["tags"] if True in release else release["on"]["push"]["tags"]
    assert tags == ["v*"]
    build = release["jobs"]["build"]
    runs = "\n".join(step.get("run", "") for step in build["steps"])
    assert "python -m build" in runs and "twine check --strict" in runs
    publish = release["jobs"]["publish"]
    assert publish["environment"]["name"] == "pypi"
    assert publish["permissions"] == {"id-token": "write"}
    assert "refs/tags/v" in publish["if"]
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("pypa/gh-action-pypi-publish@") for u in uses)
    assert not any("password" in (step.get("with") or {}) for step in publish["steps"]), "no API token"
