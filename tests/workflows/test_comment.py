"""The action's comment script keeps ONE comment per pull request, and a fork's read-only token fails nothing.

``action/comment.py`` runs as the action runs it (a subprocess with the token in
the environment) against a real HTTP server that answers like GitHub's REST API
(``github_api.py``): comments listed page by page, created, edited, and refused.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Iterator

import pytest

from .github_api import BOT, FakeGitHub, Token, serve

REPO = Path(__file__).resolve().parents[2]
SCRIPT = REPO / "action" / "comment.py"
MARKER = "<!-- mkdocs-journey-diff -->"
BODY = f"{MARKER}\n## Journey maps: 1 touchpoint better\n"


@pytest.fixture
def github() -> Iterator[FakeGitHub]:
    yield from serve(FakeGitHub())


def comment(github: FakeGitHub, tmp_path: Path, body: str = BODY, *options: str, token: str = "workflow-token",
            head: str = "acme/handbook") -> subprocess.CompletedProcess[str]:
    body_file = tmp_path / "diff.md"
    body_file.write_text(body, encoding="utf-8")
    output = tmp_path / "github-output"
    output.write_text("", encoding="utf-8")
    env = {"PATH": os.environ.get("PATH", ""), "GITHUB_API_URL": github.url, "GITHUB_TOKEN": token,
           "GITHUB_OUTPUT": str(output)}
    return subprocess.run([sys.executable, str(SCRIPT), "--repository", github.repository,
                           "--pull-request", str(github.number), "--body-file", str(body_file),
                           "--head-repository", head, *options],
                          capture_output=True, text=True, env=env, timeout=60, check=False)


def _output(tmp_path: Path) -> str:
    return (tmp_path / "github-output").read_text(encoding="utf-8")


def test_the_first_run_posts_and_later_runs_edit_the_same_comment(github: FakeGitHub, tmp_path: Path) -> None:
    first = comment(github, tmp_path)
    assert first.returncode == 0, first.stdout + first.stderr
    assert len(github.comments) == 1
    posted = github.comments[0]
    assert posted["body"] == BODY and posted["user"] == BOT
    assert _output(tmp_path) == f"comment-url={posted['html_url']}\n"

    second = comment(github, tmp_path, f"{MARKER}\n## Journey maps: 2 touchpoints worse\n")
    assert second.returncode == 0, second.stdout + second.stderr
    assert len(github.comments) == 1, "a new push must not add a second comment"
    assert github.comments[0]["body"].endswith("2 touchpoints worse\n")
    assert [(r.method, r.path) for r in github.writes()] == [
        ("POST", "/repos/acme/handbook/issues/7/comments"),
        ("PATCH", f"/repos/acme/handbook/issues/comments/{posted['id']}"),
    ]
    assert all(r.authorization == "Bearer workflow-token" for r in github.requests)


def test_the_earlier_comment_is_found_on_a_later_page(github: FakeGitHub, tmp_path: Path) -> None:
    for n in range(230):
        github.add_comment(f"comment {n}", {"login": f"reviewer{n % 3}", "type": "User"})
    ours = github.add_comment(BODY)
    github.add_comment("Looks good to me", {"login": "reviewer1", "type": "User"})
    result = comment(github, tmp_path, f"{MARKER}\nnew\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert ours["body"] == f"{MARKER}\nnew\n"
    assert len(github.comments) == 232
    listed = [r.path for r in github.requests if r.method == "GET" and "/comments" in r.path]
    assert listed == ["/repos/acme/handbook/issues/7/comments?per_page=100",
                      "/repos/acme/handbook/issues/7/comments?per_page=100&page=2",
                      "/repos/acme/handbook/issues/7/comments?per_page=100&page=3"]


def test_a_stranger_s_comment_with_the_marker_is_left_alone(github: FakeGitHub, tmp_path: Path) -> None:
    """Editing it would publish the comparison under someone else's name."""
    stranger = github.add_comment(f"{MARKER}\nI wrote this myself", {"login": "mallory", "type": "User"})
    result = comment(github, tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert stranger["body"] == f"{MARKER}\nI wrote this myself"
    assert [c["user"]["login"] for c in github.comments] == ["mallory", "github-actions[bot]"]


def test_with_a_personal_token_the_comment_of_that_account_is_edited(github: FakeGitHub, tmp_path: Path) -> None:
    me = {"login": "docs-bot", "type": "User"}
    github.tokens["personal-token"] = Token(me, app=False)
    github.add_comment(f"{MARKER}\nby someone else", {"login": "mallory", "type": "User"})
    mine = github.add_comment(f"{MARKER}\nold", me)
    result = comment(github, tmp_path, token="personal-token")
    assert result.returncode == 0, result.stdout + result.stderr
    assert mine["body"] == BODY and len(github.comments) == 2


def test_a_body_without_the_marker_gets_it_so_the_next_run_finds_it(github: FakeGitHub, tmp_path: Path) -> None:
    comment(github, tmp_path, "## Journey maps\n")
    comment(github, tmp_path, "## Journey maps, again\n")
    assert [c["body"] for c in github.comments] == [f"{MARKER}\n## Journey maps, again\n"]


def test_only_update_edits_an_earlier_comment_but_never_starts_one(github: FakeGitHub, tmp_path: Path) -> None:
    result = comment(github, tmp_path, BODY, "--only-update")
    assert result.returncode == 0, result.stdout + result.stderr
    assert github.comments == [] and github.writes() == []
    assert "no earlier comment to update" in result.stdout
    assert _output(tmp_path) == ""
    github.add_comment(f"{MARKER}\nold")
    result = comment(github, tmp_path, f"{MARKER}\ncould not compare\n", "--only-update")
    assert result.returncode == 0
    assert [c["body"] for c in github.comments] == [f"{MARKER}\ncould not compare\n"]


@pytest.mark.parametrize("earlier", [False, True], ids=["post", "edit"])
def test_a_fork_s_read_only_token_gives_a_notice_and_no_failure(github: FakeGitHub, tmp_path: Path,
                                                                earlier: bool) -> None:
    github.tokens["fork-token"] = Token(BOT, write=False)
    if earlier:
        github.add_comment(f"{MARKER}\nold")
    result = comment(github, tmp_path, token="fork-token", head="contributor/handbook")
    assert result.returncode == 0, result.stdout + result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1 and lines[0].startswith("::notice title=mkdocs-journey::no pull-request comment: ")
    assert "comes from the fork contributor/handbook" in lines[0] and "job summary" in lines[0]
    assert "Resource not accessible by integration" in lines[0]
    assert [c["body"] for c in github.comments] == ([f"{MARKER}\nold"] if earlier else [])


def test_a_read_only_token_on_the_same_repository_names_the_permission(github: FakeGitHub, tmp_path: Path) -> None:
    github.tokens["workflow-token"] = Token(BOT, write=False)
    result = comment(github, tmp_path)
    assert result.returncode == 0
    assert "`pull-requests: write`" in result.stdout and "fork" in result.stdout


def test_a_wrong_token_fails_with_github_s_answer(github: FakeGitHub, tmp_path: Path) -> None:
    result = comment(github, tmp_path, token="expired")
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "::error title=mkdocs-journey::could not comment on the pull request: "
        "GET /repos/acme/handbook/issues/7/comments?per_page=100: 401 Bad credentials"]
    assert "Traceback" not in result.stderr


def test_a_pagination_link_to_another_host_is_not_followed(github: FakeGitHub, tmp_path: Path) -> None:
    """The token goes only to the API it was given for."""
    for n in range(150):
        github.add_comment(f"comment {n}", {"login": "reviewer", "type": "User"})
    github.next_link_host = "http://127.0.0.2:9"
    result = comment(github, tmp_path)
    assert result.returncode == 1
    assert "not an address of" in result.stdout and github.writes() == []


def test_an_unreachable_api_is_one_error_line(tmp_path: Path) -> None:
    github = FakeGitHub(url="http://127.0.0.1:9")  # nothing listens on the discard port
    result = comment(github, tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("::error title=mkdocs-journey::could not comment on the pull request: GET ")
    assert len(result.stdout.splitlines()) == 1 and "Traceback" not in result.stderr


def test_without_a_token_it_says_which_input_to_set(github: FakeGitHub, tmp_path: Path) -> None:
    result = comment(github, tmp_path, token="")
    assert result.returncode == 2
    assert "`github-token`" in result.stdout and github.requests == []


def test_messages_stay_one_workflow_command() -> None:
    """A message with a line break (GitHub's answer can hold one) must not end the notice early."""
    run = subprocess.run([sys.executable, "-c", "import runpy; m = runpy.run_path(%r); "
                          "print(m['workflow_command']('notice', '100%% sure\\nnext line'))" % str(SCRIPT)],
                         capture_output=True, text=True, check=True)
    assert run.stdout == "::notice title=mkdocs-journey::100%25 sure%0Anext line\n"


def test_the_script_is_typed_and_uses_only_the_standard_library(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", "--strict", "--no-incremental",
                             "--cache-dir", str(tmp_path), str(SCRIPT)],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    imported = subprocess.run([sys.executable, "-I", "-S", "-c", f"import runpy; runpy.run_path({str(SCRIPT)!r})"],
                              capture_output=True, text=True, check=False)
    assert imported.returncode == 0, imported.stderr  # -S: no site-packages, only the standard library
