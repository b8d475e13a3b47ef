"""Run a composite action's shell steps on this machine, the way a GitHub runner runs them.

The action's logic is in its ``run:`` steps: which options the inputs become, when
the comparison is skipped, what goes to the job summary, when the comment is
posted, and which exit status the job gets. This runner executes those steps for
real, in order, with what the runner provides:

- each step's ``env:`` and ``working-directory`` with their ``${{ }}`` expressions
  evaluated (``inputs.*``, ``steps.<id>.outputs.*``, ``github.*``; input defaults
  included), and the default variables (``RUNNER_TEMP``, ``GITHUB_OUTPUT``,
  ``GITHUB_STEP_SUMMARY``, ``GITHUB_ACTION_PATH``, ...);
- the script run as ``shell: bash`` runs it: ``bash --noprofile --norc -eo pipefail``;
- step outputs read back from ``GITHUB_OUTPUT``; the first failing step ends the
  action (no step of this action runs after a failure);
- the action's ``outputs`` evaluated at the end.

What it does not emulate, it refuses: a ``uses:`` step gets the outputs the test
gives it (the runner cannot run JavaScript actions), a step the test replaces
(``replace``) is not run, and an expression other than a context path (or, in an
``if:``, a comparison with a quoted string) is an error, so the action stays within
what its tests run.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

_EXPRESSION = re.compile(r"\$\{\{\s*(?P<expression>.*?)\s*\}\}")
_PATH = re.compile(r"^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$")
_COMPARISON = re.compile(r"^(?P<path>[\w.-]+)\s*(?P<op>==|!=)\s*'(?P<value>[^']*)'$")


@dataclass
class StepRun:
    name: str
    status: int | None
    """None: not run (skipped by its ``if:``, replaced, or after a failure)."""
    log: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class ActionRun:
    status: int
    steps: list[StepRun]
    outputs: dict[str, str]
    summary: str

    @property
    def log(self) -> str:
        return "".join(step.log for step in self.steps)

    def step(self, name: str) -> StepRun:
        return next(s for s in self.steps if s.name == name)


def _lookup(context: dict[str, Any], path: str) -> str:
    value: Any = context
    for part in path.split("."):
        if not isinstance(value, dict):
            return ""
        value = value.get(part)
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def evaluate(text: str, context: dict[str, Any]) -> str:
    """Replace each ``${{ path }}`` in text by its value (empty when absent, as GitHub does)."""

    def value(match: re.Match[str]) -> str:
        expression = match["expression"]
        if not _PATH.match(expression):
            raise ValueError(f"the test runner does not evaluate the expression `{expression}`")
        return _lookup(context, expression)

    return _EXPRESSION.sub(value, text)


def condition(text: str, context: dict[str, Any]) -> bool:
    expression = _EXPRESSION.sub(lambda m: m["expression"], text).strip()
    found = _COMPARISON.match(expression)
    if not found:
        raise ValueError(f"the test runner does not evaluate the condition `{text}`")
    equal = _lookup(context, found["path"]) == found["value"]
    return equal if found["op"] == "==" else not equal


def _read_outputs(path: Path) -> dict[str, str]:
    outputs: dict[str, str] = {}
    lines = path.read_text(encoding="utf-8").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            end = lines.index(delimiter, index + 1)
            outputs[name] = "\n".join(lines[index + 1:end])
            index = end + 1
            continue
        name, _, value = line.partition("=")
        outputs[name] = value
        index += 1
    return outputs


def run_action(action_path: Path, *, workspace: Path, temp: Path, github: dict[str, Any],
               inputs: dict[str, str] | None = None, uses: dict[str, dict[str, str]] | None = None,
               replace: dict[str, dict[str, str]] | None = None, env: dict[str, str] | None = None) -> ActionRun:
    """Run ``action_path/action.yml`` in ``workspace``; ``github`` is the ``github`` context (event included).

    ``uses`` gives the outputs of each ``uses:`` step (by id); ``replace`` skips the
    named steps (by id) and gives their outputs instead; ``env`` is the runner's
    environment the steps inherit (PATH, HOME and the like).
    """
    action = yaml.safe_load((action_path / "action.yml").read_text(encoding="utf-8"))
    github = {**github, "action_path": str(action_path), "workspace": str(workspace)}
    given = dict(inputs or {})
    unknown = set(given) - set(action.get("inputs") or {})
    if unknown:
        raise ValueError(f"inputs the action does not have: {sorted(unknown)}")
    resolved = {name: given[name] if name in given else evaluate(str(spec.get("default", "")), {"github": github})
                for name, spec in (action.get("inputs") or {}).items()}
    context: dict[str, Any] = {"inputs": resolved, "github": github, "steps": {}}
    temp.mkdir(parents=True, exist_ok=True)
    summary = temp / "step-summary.md"
    summary.write_text("", encoding="utf-8")
    runner_env = {
        **(env or {}),
        "CI": "true",
        "GITHUB_ACTIONS": "true",
        "RUNNER_TEMP": str(temp),
        "GITHUB_WORKSPACE": str(workspace),
        "GITHUB_ACTION_PATH": str(action_path),
        "GITHUB_REPOSITORY": str(github.get("repository", "")),
        "GITHUB_EVENT_NAME": str(github.get("event_name", "")),
        "GITHUB_SERVER_URL": str(github.get("server_url", "https://github.com")),
        "GITHUB_API_URL": str(github.get("api_url", "https://api.github.com")),
        "GITHUB_RUN_ID": str(github.get("run_id", "1")),
        "GITHUB_STEP_SUMMARY": str(summary),
    }
    steps: list[StepRun] = []
    status = 0
    for index, step in enumerate(action["runs"]["steps"]):
        step_id = step.get("id") or f"__{index}"
        name = step.get("id") or step.get("name") or step_id
        if status != 0:
            steps.append(StepRun(name, None))
            continue
        if "uses" in step:
            if "if" in step and not condition(step["if"], context):
                steps.append(StepRun(name, None))
                continue
            outputs = dict((uses or {})[step_id])
            context["steps"][step_id] = {"outputs": outputs}
            steps.append(StepRun(name, 0, outputs=outputs))
            continue
        if "if" in step:
            raise ValueError(f"step {name}: a `run` step's condition belongs in its script, where the tests run it")
        if replace and step_id in replace:
            context["steps"][step_id] = {"outputs": dict(replace[step_id])}
            steps.append(StepRun(name, None, outputs=dict(replace[step_id])))
            continue
        assert step.get("shell") == "bash", f"step {name}: the runner runs bash steps"
        output = temp / f"output-{index}"
        output.write_text("", encoding="utf-8")
        script = temp / f"step-{index}.sh"
        script.write_text(step["run"], encoding="utf-8")
        step_env = {key: evaluate(str(value), context) for key, value in (step.get("env") or {}).items()}
        folder = workspace / evaluate(str(step.get("working-directory", ".")), context)
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
                                cwd=folder, env={**runner_env, **step_env, "GITHUB_OUTPUT": str(output)},
                                capture_output=True, text=True, timeout=600, check=False)
        outputs = _read_outputs(output)
        context["steps"][step_id] = {"outputs": outputs}
        steps.append(StepRun(name, result.returncode, result.stdout + result.stderr, outputs))
        status = result.returncode
    action_outputs = {name: evaluate(str(spec.get("value", "")), context)
                      for name, spec in (action.get("outputs") or {}).items()}
    return ActionRun(status, steps, action_outputs, summary.read_text(encoding="utf-8"))


def runner_environment() -> dict[str, str]:
    """The few variables of this machine a step needs (no GITHUB_* of a real run leaks in)."""
    return {key: value for key, value in os.environ.items()
            if key in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "SSL_CERT_FILE") or key.startswith("PIP_")}
