"""The GitHub Action (``action.yml``): valid, safe, and its steps do what the recipe promises.

Three kinds of test:

- static: ``action.yml`` matches GitHub's schema for action metadata
  (``check-jsonschema --builtin-schema vendor.github-actions``), ``zizmor --offline``
  finds nothing in it even with its strictest default policy, no ``${{ }}`` value is
  pasted into a script, and the recipe's workflow (read from the Markdown page, so
  the page and the tested file cannot drift) uses only inputs the action has;
- the steps themselves: ``composite.py`` runs the action's bash steps as a GitHub
  runner would, with the pull request's context, in a real site folder, against a
  local HTTP server that answers like GitHub's API (``github_api.py``). The tool is
  the real ``mkdocs-journey check``; ``diff`` is a stand-in that records its
  arguments and answers with a chosen body and exit status, so that each exit
  status of the command's interface (0, 1 for ``--fail-on``, 2) is exercised;
- the install step for real once: a fresh venv with the action's own checkout
  installed by pip.
"""

from __future__ import annotations

import json
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from mkdocs_journey.engine.report import markdown as markdown_report
from tests.docs.test_examples import fences

from ..git_repo import GitRepo
from .composite import ActionRun, run_action, runner_environment
from .github_api import BOT, FakeGitHub, Token, serve

REPO = Path(__file__).resolve().parents[2]
ACTION = REPO / "action.yml"
RECIPE = REPO / "docs" / "recipes" / "pull-requests.md"
BIN = Path(sys.executable).parent
MARKER = "<!-- mkdocs-journey-diff -->"
BASE = "3f1c9a2b8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a"

MAP = """\
title: Book a round trip
stages:
  - name: Orientation
    touchpoints:
      - name: Google search
        emotion: 4
"""


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    assert found, f"{name} is not installed; it is part of the `test` extra"
    return found


def _action() -> dict[str, Any]:
    data = yaml.safe_load(ACTION.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def recipe_workflow() -> str:
    """The workflow of the recipe page that uses the action, as a reader copies it."""
    found = [f.text for f in fences(RECIPE) if (f.title or "").startswith(".github/workflows/")
             and "mkdocs-journey/mkdocs-journey@" in f.text]
    assert len(found) == 1, f"{RECIPE.name}: expected one workflow that uses the action, found {len(found)}"
    return found[0]


# --- static checks -----------------------------------------------------------------------------------------------


def test_action_matches_github_s_schema() -> None:
    result = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(ACTION)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_in_the_action_even_with_its_default_policy() -> None:
    """--no-config: no repository policy relaxes it; the action is used in other people's workflows."""
    result = subprocess.run([_tool("zizmor"), "--offline", "--no-config", "--format", "plain", str(ACTION)],
                            capture_output=True, text=True, timeout=120, cwd=REPO, check=False)
    assert result.returncode == 0, result.stdout + result.stderr


def test_no_expression_is_pasted_into_a_script() -> None:
    """A branch name or path in ``run:`` would be shell code an attacker writes; values go through ``env:``."""
    for step in _action()["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), step.get("name")


def test_what_the_action_uses_is_pinned_to_a_commit_with_its_version() -> None:
    lines = [line.strip() for line in ACTION.read_text(encoding="utf-8").splitlines() if "uses:" in line
             and not line.lstrip().startswith("#")]
    assert lines, "the action sets up Python with actions/setup-python"
    for line in lines:
        assert re.fullmatch(r"uses: [\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+", line), line


def test_every_input_is_used_and_every_reference_exists() -> None:
    action = _action()
    text = json.dumps(action["runs"]) + json.dumps(action.get("outputs"))
    used = set(re.findall(r"inputs\.([\w-]+)", text))
    assert used == set(action["inputs"]), "inputs that nothing uses, or uses of inputs that do not exist"
    ids = {step.get("id") for step in action["runs"]["steps"]}
    assert set(re.findall(r"steps\.([\w-]+)\.", text)) <= ids
    for name, spec in action["inputs"].items():
        assert spec.get("description"), f"input {name} has no description"
        assert isinstance(spec.get("default"), str), f"input {name}: give a default (a string)"


def test_the_fallback_note_carries_the_comment_marker() -> None:
    """The note written when the comparison did not run must be found (and replaced) by the next run."""
    script = (REPO / "action" / "comment.py").read_text(encoding="utf-8")
    assert f'MARKER = "{MARKER}"' in script
    assert f'echo "{MARKER}"' in ACTION.read_text(encoding="utf-8")


def test_the_recipe_workflow_is_valid_and_passes_zizmor(tmp_path: Path) -> None:
    path = tmp_path / ".github" / "workflows" / "journeys.yml"
    path.parent.mkdir(parents=True)
    path.write_text(recipe_workflow(), encoding="utf-8")
    schema = subprocess.run([_tool("check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(path)],
                            capture_output=True, text=True, timeout=120, check=False)
    assert schema.returncode == 0, schema.stdout + schema.stderr
    # The repository's policy (actions/* by major-version tag, as all its recipes); the
    # action's own tag is excused in the workflow itself, with its reason.
    audit = subprocess.run([_tool("zizmor"), "--offline", "--config", str(REPO / ".github" / "zizmor.yml"), str(path)],
                           capture_output=True, text=True, timeout=120, cwd=tmp_path, check=False)
    assert audit.returncode == 0, audit.stdout + audit.stderr
    ignores = re.findall(r"# zizmor: ignore\[([\w-]+)\](.*)", recipe_workflow())
    assert [(rule, bool(reason.strip())) for rule, reason in ignores] == [("unpinned-uses", True)]


def test_the_recipe_workflow_has_what_the_page_explains() -> None:
    workflow = yaml.safe_load(recipe_workflow())
    triggers = workflow[True] if True in workflow else workflow["on"]
    assert list(triggers) == ["pull_request"]
    assert workflow["permissions"] == {"contents": "read"}
    review, preview = workflow["jobs"]["review"], workflow["jobs"]["preview"]
    assert review["permissions"] == {"contents": "read", "pull-requests": "write"}
    assert "permissions" not in preview, "the preview job builds with the workflow's read-only token"
    checkout, action = review["steps"]
    assert checkout["uses"].startswith("actions/checkout@") and checkout["with"]["fetch-depth"] == 0
    assert action["uses"] == "mkdocs-journey/mkdocs-journey@v0"
    assert set(action.get("with") or {}) <= set(_action()["inputs"])
    runs = [step.get("run", "") for step in preview["steps"]]
    assert any(run.startswith("mkdocs build") for run in runs)
    upload = next(step for step in preview["steps"] if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == "site/"


def test_the_recipe_s_other_snippets_use_inputs_the_action_has() -> None:
    text = RECIPE.read_text(encoding="utf-8")
    for snippet in re.findall(r"uses: mkdocs-journey/mkdocs-journey@v0\n\s+with:\n((?:\s{10,}[\w-]+:.*\n)+)", text):
        assert set(yaml.safe_load(snippet.replace(" " * 10, "", -1))) <= set(_action()["inputs"]), snippet
    documented = set(re.findall(r"^\| `([\w-]+)` \|", text, flags=re.MULTILINE))
    assert documented == set(_action()["inputs"]), "the page's table of inputs and action.yml disagree"


# --- the steps, run as a runner runs them ---------------------------------------------------------------------------

STANDIN = """\
#!{python}
# mkdocs-journey for the action's tests: `check` is the real command; `diff` records its
# arguments and answers with the body and exit status the test chose.
import json, os, sys
with open(os.environ["STANDIN_LOG"], "a", encoding="utf-8") as log:
    log.write(json.dumps([os.path.relpath(os.getcwd(), os.environ["GITHUB_WORKSPACE"]), *sys.argv[1:]]) + "\\n")
if sys.argv[1:2] == ["diff"] and "STANDIN_DIFF_OUTPUT" in os.environ:
    sys.stdout.write(os.environ["STANDIN_DIFF_OUTPUT"])
    sys.exit(int(os.environ["STANDIN_DIFF_EXIT"]))
os.execv({real!r}, [{real!r}, *sys.argv[1:]])
"""


class Runner:
    """The action, ready to run in a site folder for pull request #7 of acme/handbook."""

    def __init__(self, tmp_path: Path, github: FakeGitHub) -> None:
        self.tmp_path = tmp_path
        self.github = github
        self.workspace = tmp_path / "workspace"
        (self.workspace / "docs" / "journeys").mkdir(parents=True)
        (self.workspace / "mkdocs.yml").write_text("site_name: Handbook\nplugins:\n  - journey\n", encoding="utf-8")
        (self.workspace / "docs" / "journeys" / "booking.journey.yml").write_text(MAP, encoding="utf-8")
        self.bin = tmp_path / "venv-bin"
        self.bin.mkdir()
        tool = self.bin / "mkdocs-journey"
        tool.write_text(STANDIN.format(python=sys.executable, real=_tool("mkdocs-journey")), encoding="utf-8")
        tool.chmod(tool.stat().st_mode | stat.S_IXUSR)
        (self.bin / "python").symlink_to(sys.executable)
        self.calls = tmp_path / "calls.jsonl"
        self.runs = 0

    def context(self, *, head: str = "acme/handbook", pull_request: bool = True, base: str = BASE) -> dict[str, Any]:
        event: dict[str, Any] = {}
        if pull_request:
            event = {"pull_request": {"number": self.github.number, "base": {"sha": base},
                                      "head": {"repo": {"full_name": head}}}}
        return {"repository": self.github.repository, "event_name": "pull_request" if pull_request else "push",
                "token": "workflow-token", "api_url": self.github.url, "server_url": "https://github.com",
                "run_id": "4242", "event": event}

    def run(self, inputs: dict[str, str] | None = None, *, diff: str | None = f"{MARKER}\n## Journey maps: no changes\n",
            diff_exit: int = 0, **context: Any) -> ActionRun:
        """Run the action; ``diff=None`` runs the real ``mkdocs-journey diff``."""
        self.runs += 1
        standin = {} if diff is None else {"STANDIN_DIFF_OUTPUT": diff, "STANDIN_DIFF_EXIT": str(diff_exit)}
        return run_action(REPO, workspace=self.workspace, temp=self.tmp_path / f"runner-temp-{self.runs}",
                          github=self.context(**context), inputs=inputs,
                          uses={"python": {"python-path": sys.executable}},
                          replace={"install": {"bin": str(self.bin)}},
                          env={**runner_environment(), "STANDIN_LOG": str(self.calls), **standin})

    def calls_made(self) -> list[list[str]]:
        if not self.calls.exists():
            return []
        return [json.loads(line) for line in self.calls.read_text(encoding="utf-8").splitlines()]


@pytest.fixture
def runner(tmp_path: Path) -> Iterator[Runner]:
    for github in serve(FakeGitHub()):
        yield Runner(tmp_path, github)


def test_the_real_comparison_of_a_pull_request(runner: Runner) -> None:
    """The action with the real ``diff``: a map got worse in the pull request."""
    repo = GitRepo(runner.workspace)
    base = repo.commit("The map")
    repo.write("journeys/booking.journey.yml", MAP.replace("emotion: 4", "emotion: 2"))
    result = runner.run({"fail-on": "worse", "site-url": "https://preview.example.org/"}, diff=None, base=base)
    assert result.status == 1, result.log
    (comment,) = runner.github.comments
    assert comment["body"].startswith(MARKER + "\n### Journey maps: 1 map changed\n")
    assert "[Book a round trip](https://preview.example.org/journeys/booking/)" in comment["body"]
    assert "| 🙂 4 positive → 🙁 2 negative 🔴 |" in comment["body"]
    assert result.summary == comment["body"]
    assert result.outputs["diff-exit-code"] == "1" and result.outputs["changed"] == "true"
    # Nothing changed any more: the comment says so, in place.
    repo.write("journeys/booking.journey.yml", MAP)
    again = runner.run(diff=None, base=base)
    assert again.status == 0, again.log
    (comment,) = runner.github.comments
    assert "No changes to the journey maps." in comment["body"] and again.outputs["changed"] == "false"


def test_no_changes_starts_no_conversation(runner: Runner) -> None:
    base = GitRepo(runner.workspace).commit("The map")
    result = runner.run(diff=None, base=base)
    assert result.status == 0, result.log
    assert runner.github.comments == [] and "No changes to the journey maps." in result.summary


def test_the_marker_is_the_one_the_command_writes() -> None:
    assert MARKER == markdown_report.MARKER
    assert markdown_report.NO_CHANGES in ACTION.read_text("utf-8")


def test_a_pull_request_gets_annotations_a_summary_and_one_comment(runner: Runner) -> None:
    body = f"{MARKER}\n## Journey maps: 1 touchpoint better\n\n<details><summary>Book a round trip</summary>…</details>\n"
    first = runner.run(diff=body)
    assert first.status == 0, first.log
    assert runner.calls_made() == [[".", "check", "--format", "github", "--"],
                                   [".", "diff", "--base", BASE, "--format", "markdown", "--"]]
    assert "::warning file=docs/journeys/booking.journey.yml,line=1,col=1::" in first.step("check").log
    assert first.summary == body
    assert [c["body"] for c in runner.github.comments] == [body]
    assert first.outputs["comment-url"] == runner.github.comments[0]["html_url"]
    assert first.outputs["check-exit-code"] == "0" and first.outputs["diff-exit-code"] == "0"
    assert Path(first.outputs["report"]).read_text(encoding="utf-8") == body

    later = f"{MARKER}\n## Journey maps: 1 touchpoint worse\n"
    second = runner.run(diff=later)
    assert second.status == 0, second.log
    assert [c["body"] for c in runner.github.comments] == [later], "one comment, updated in place"
    assert [r.method for r in runner.github.writes()] == ["POST", "PATCH"]


def test_inputs_become_the_command_s_options_and_stay_text(runner: Runner) -> None:
    """Values reach the command as single arguments: no word splitting, no globbing, no shell."""
    maps = runner.workspace / "docs" / "more maps"
    maps.mkdir()
    (maps / "check-in.journey.yml").write_text(MAP, encoding="utf-8")
    hostile = "https://preview.example/$(touch pwned)/*;`touch pwned2`"
    result = runner.run({
        "path": "  docs/journeys/booking.journey.yml\n\ndocs/more maps  \n",
        "fail-on": "worse, health\nerrors",
        "language": "nl",
        "site-url": hostile,
        "head": "feature/*",
        "base": "origin/main",
    })
    assert result.status == 0, result.log
    assert runner.calls_made() == [
        [".", "check", "--format", "github", "--", "docs/journeys/booking.journey.yml", "docs/more maps"],
        [".", "diff", "--base", "origin/main", "--format", "markdown", "--head", "feature/*", "--language", "nl",
         "--site-url", hostile, "--fail-on", "worse", "--fail-on", "health", "--fail-on", "errors",
         "--", "docs/journeys/booking.journey.yml", "docs/more maps"],
    ]
    assert not list(runner.workspace.rglob("pwned*"))


def test_a_site_in_a_subfolder(runner: Runner) -> None:
    site = runner.workspace / "handbook"
    shutil.copytree(runner.workspace / "docs", site / "docs")
    shutil.copy(runner.workspace / "mkdocs.yml", site / "mkdocs.yml")
    result = runner.run({"working-directory": "handbook", "comment": "false"})
    assert result.status == 0, result.log
    assert [call[0] for call in runner.calls_made()] == ["handbook", "handbook"]


def test_fail_on_fails_the_job_after_the_summary_and_the_comment(runner: Runner) -> None:
    body = f"{MARKER}\n## Journey maps: 1 touchpoint worse\n"
    result = runner.run({"fail-on": "worse"}, diff=body, diff_exit=1)
    assert result.status == 1
    assert result.summary == body
    assert [c["body"] for c in runner.github.comments] == [body]
    assert result.outputs["diff-exit-code"] == "1"
    assert [s.name for s in result.steps if s.status] == ["Decide the job's status"]
    assert "::error title=mkdocs-journey::a `fail-on` condition holds" in result.log


def test_a_comparison_that_did_not_run_replaces_the_old_comment_but_starts_none(runner: Runner) -> None:
    error = "docs/journeys/booking.journey.yml:6:9: error: unknown key `emotoin` in a touchpoint\n"
    nothing = runner.run(diff=error, diff_exit=2)
    assert nothing.status == 1
    assert error in nothing.step("diff").log, "what the command said must reach the log"
    stop = re.search(r"^::stop-commands::([0-9a-f]{32})\n" + re.escape(error) + r"::\1::$", nothing.step("diff").log,
                     flags=re.MULTILINE)
    assert stop, "text that quotes the files is no workflow command"
    assert runner.github.comments == [], "no comment starts a conversation about an error"
    assert nothing.summary.startswith(f"{MARKER}\n**mkdocs-journey could not compare the maps** with the base")
    assert "[workflow run](https://github.com/acme/handbook/actions/runs/4242)" in nothing.summary
    assert "the comparison did not run (exit status 2)" in nothing.log

    old = runner.github.add_comment(f"{MARKER}\n## Journey maps: 1 touchpoint better\n")
    again = runner.run(diff="", diff_exit=2)
    assert again.status == 1
    assert old["body"] == again.summary, "an outdated comparison must not stay in the pull request"
    assert len(runner.github.comments) == 1


def test_a_fork_gets_the_summary_and_the_job_does_not_fail_for_the_comment(runner: Runner) -> None:
    runner.github.tokens["workflow-token"] = Token(BOT, write=False)
    body = f"{MARKER}\n## Journey maps: 1 touchpoint better\n"
    result = runner.run(diff=body, head="contributor/handbook")
    assert result.status == 0, result.log
    assert result.summary == body
    assert runner.github.comments == []
    assert "::notice title=mkdocs-journey::no pull-request comment: this pull request comes from the fork " \
           "contributor/handbook" in result.step("comment").log


def test_a_failing_check_still_compares_and_comments_then_fails(runner: Runner) -> None:
    (runner.workspace / "docs" / "journeys" / "booking.journey.yml").write_text(
        MAP.replace("emotion: 4", "emotoin: 4"), encoding="utf-8")
    body = f"{MARKER}\n## Journey maps\n"
    result = runner.run(diff=body)
    assert result.status == 1
    assert re.search(r"^::error file=docs/journeys/booking\.journey\.yml,line=6,col=9::unknown key `emotoin`",
                     result.step("check").log, flags=re.MULTILINE)
    assert result.outputs["check-exit-code"] == "1"
    assert result.summary == body and len(runner.github.comments) == 1
    assert "::error title=mkdocs-journey::the check found errors in the maps (exit status 1)" in result.log


def test_outside_a_pull_request_only_the_check_runs(runner: Runner) -> None:
    result = runner.run(pull_request=False)
    assert result.status == 0, result.log
    assert [call[1] for call in runner.calls_made()] == ["check"]
    assert result.summary == "" and runner.github.requests == []
    assert "::notice title=mkdocs-journey::no base to compare with" in result.log
    assert result.outputs["diff-exit-code"] == "" and result.outputs["report"] == ""


def test_a_push_with_a_base_writes_the_summary_without_a_comment(runner: Runner) -> None:
    result = runner.run({"base": "HEAD~1"}, diff=f"{MARKER}\nchanges\n", pull_request=False)
    assert result.status == 0, result.log
    assert result.summary == f"{MARKER}\nchanges\n" and runner.github.requests == []
    assert "::notice title=mkdocs-journey::not a pull request" in result.log


def test_check_false_and_comment_false(runner: Runner) -> None:
    result = runner.run({"check": "false", "comment": "false"}, diff=f"{MARKER}\nchanges\n")
    assert result.status == 0, result.log
    assert [call[1] for call in runner.calls_made()] == ["diff"]
    assert result.summary == f"{MARKER}\nchanges\n" and runner.github.requests == []
    assert result.outputs["check-exit-code"] == ""


@pytest.mark.slow
def test_the_install_step_installs_the_action_s_own_checkout(tmp_path: Path) -> None:
    """pip installs this checkout into a venv of the action's own: the tool's version is the action's."""
    workspace = tmp_path / "workspace"
    (workspace / "docs" / "journeys").mkdir(parents=True)
    (workspace / "mkdocs.yml").write_text("site_name: Handbook\nplugins:\n  - journey\n", encoding="utf-8")
    (workspace / "docs" / "journeys" / "booking.journey.yml").write_text(MAP, encoding="utf-8")
    result = run_action(REPO, workspace=workspace, temp=tmp_path / "temp", inputs={"comment": "false"},
                        github={"repository": "acme/handbook", "event_name": "push", "token": "t", "event": {}},
                        uses={"python": {"python-path": sys.executable}}, env=runner_environment())
    assert result.status == 0, result.log
    venv_bin = tmp_path / "temp" / "mkdocs-journey-venv" / "bin"
    assert result.step("install").outputs == {"bin": str(venv_bin)}
    from mkdocs_journey import __version__
    assert f"mkdocs-journey, version {__version__}" in result.step("install").log
    assert "checked 1 file: 0 errors" in result.step("check").log
    shown = subprocess.run([venv_bin / "python", "-c", "import mkdocs_journey; print(mkdocs_journey.__file__)"],
                           capture_output=True, text=True, check=True, cwd=tmp_path)
    assert Path(shown.stdout.strip()).is_relative_to(venv_bin.parent), "not installed into the action's venv"
