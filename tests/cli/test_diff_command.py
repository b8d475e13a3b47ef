"""`mkdocs-journey diff`, run as a reviewer runs it: two files, or the docs folder against a git ref."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from ..files import put
from ..git_repo import GitRepo
from .runner import run

OLD = """\
title: Booking a trip
stages:
  - name: Orientation
    touchpoints:
      - name: Google search
        emotion: 4
        pains: [Too many offers]
      - name: Website
        emotion: 2
improvements:
  - id: filters
    title: Filters
    addresses: [website]
    owner: Web team
    due: 2027-Q1
    impact: 4
    effort: 2
"""
WORSE = OLD.replace("emotion: 4", "emotion: 1")
BETTER = OLD.replace("emotion: 2", "emotion: 5")
SITE = "site_name: Trips\nsite_url: https://trips.example.org/docs/\nplugins:\n  - journey\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")  # 2026-11-01
    put(tmp_path, "mkdocs.yml", SITE)
    return tmp_path


def two(project: Path, old: str, new: str) -> tuple[str, str]:
    put(project, "docs/old.journey.yml", old)
    put(project, "docs/new.journey.yml", new)
    return "docs/old.journey.yml", "docs/new.journey.yml"


# -- Two files -------------------------------------------------------------------------------------


def test_identical_files_print_one_line(project: Path) -> None:
    result = run("diff", *two(project, OLD, OLD))
    assert (result.exit_code, result.stdout) == (0, "No changes to the journey maps.\n")


def test_text_names_what_changed_before_and_after(project: Path) -> None:
    result = run("diff", *two(project, OLD, WORSE))
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "1 map changed"
    assert lines[1] == "worse for the customer at 1 touchpoint"
    assert "  Stage “Orientation”" in lines
    assert "    Google search" in lines
    assert "      Emotion: 4 positive → 1 very negative  ▼" in lines
    assert "\x1b[" not in result.stdout  # no colours outside a terminal


def test_language_nl_and_the_site_language(project: Path) -> None:
    result = run("diff", "--language", "nl", *two(project, OLD, WORSE))
    assert "      Emotie: 4 positief → 1 zeer negatief  ▼" in result.stdout.splitlines()
    put(project, "mkdocs.yml", SITE + "theme:\n  name: mkdocs\n  locale: nl\n")
    assert "slechter voor de klant bij 1 touchpoint" in run("diff", *two(project, OLD, WORSE)).stdout
    put(project, "mkdocs.yml", SITE.replace("  - journey\n", "  - journey:\n      language: en\n")
        + "theme:\n  name: mkdocs\n  locale: nl\n")
    assert "worse for the customer at 1 touchpoint" in run("diff", *two(project, OLD, WORSE)).stdout


def test_fail_on_worse(project: Path) -> None:
    assert run("diff", "--fail-on", "worse", *two(project, OLD, WORSE)).exit_code == 1
    assert run("diff", "--fail-on", "worse", *two(project, OLD, BETTER)).exit_code == 0
    lost = OLD.replace("effort: 2", "effort: 5")  # no longer a quick win
    assert run("diff", "--fail-on", "worse", *two(project, OLD, lost)).exit_code == 1


def test_fail_on_health(project: Path) -> None:
    pain = OLD.replace("pains: [Too many offers]", "pains: [Too many offers, Slow]")  # no improvement addresses it
    assert run("diff", "--fail-on", "health", *two(project, OLD, pain)).exit_code == 1
    assert run("diff", "--fail-on", "health", *two(project, OLD, BETTER)).exit_code == 0


def test_a_file_with_errors_prints_them_and_exits_two(project: Path) -> None:
    result = run("diff", *two(project, OLD, OLD.replace("emotion: 4", "emotion: 9")))
    assert result.exit_code == 2
    assert result.stdout == ""  # never "no changes" when nothing was compared
    assert re.search(r"^docs/new\.journey\.yml:6:18: error: ", result.stderr, re.M), result.stderr
    assert "not compared: 1 file with errors" in result.stderr


def test_fail_on_errors_reports_and_exits_one(project: Path) -> None:
    result = run("diff", "--fail-on", "errors", "--format", "json", *two(project, OLD, "title: [\n"))
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["maps"] == [] and data["errors"][0]["path"] == "docs/new.journey.yml"


@pytest.mark.parametrize("args", [
    ["diff"], ["diff", "docs/old.journey.yml"], ["diff", "docs/old.journey.yml", "docs/nope.journey.yml"],
    ["diff", "--head", "HEAD", "docs/old.journey.yml", "docs/new.journey.yml"],
    ["diff", "mkdocs.yml", "docs/new.journey.yml"], ["diff", "--format", "html", "a", "b"],
])
def test_usage_errors_exit_two(project: Path, args: list[str]) -> None:
    two(project, OLD, OLD)
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == "", result.stdout


def test_json(project: Path) -> None:
    result = run("diff", "--format", "json", *two(project, OLD, WORSE))
    data = json.loads(result.stdout)
    assert (data["version"], data["changed"], data["base"]) == (1, True, None)
    (item,) = data["maps"]
    assert (item["status"], item["title"], item["page"], item["url"]) == (
        "changed", "Booking a trip", "new/", "https://trips.example.org/docs/new/")
    assert item["summary"]["worse"] == 1 and item["summary"]["average_before"] == 3.0
    emotion = [c for c in item["changes"] if c["kind"] == "emotion"]
    assert emotion == [{"kind": "emotion", "subject": {"kind": "touchpoint", "stage": "orientation",
                                                       "touchpoint": "google-search", "name": "Google search"},
                        "field": "emotion", "before": 4, "after": 1, "direction": "worse"}]


def test_the_site_url_option_and_the_environment(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    result = run("diff", "--format", "json", "--site-url", "https://pr-12.example.org/", *two(project, OLD, WORSE))
    assert json.loads(result.stdout)["maps"][0]["url"] == "https://pr-12.example.org/new/"
    put(project, "mkdocs.yml", SITE.replace("site_url: https://trips.example.org/docs/",
                                            "site_url: !ENV [PREVIEW_URL, 'https://trips.example.org/']"))
    monkeypatch.setenv("PREVIEW_URL", "https://preview.example.org/")
    result = run("diff", "--format", "json", *two(project, OLD, WORSE))
    assert json.loads(result.stdout)["maps"][0]["url"] == "https://preview.example.org/new/"


# -- Against git -----------------------------------------------------------------------------------


@pytest.fixture
def repo(project: Path) -> GitRepo:
    repo = GitRepo(project)
    repo.write("journeys/booking.journey.yml", OLD)
    repo.commit("First map")
    return repo


def test_base_compares_the_working_tree(repo: GitRepo) -> None:
    repo.write("journeys/booking.journey.yml", WORSE)
    result = run("diff", "--base", "main")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == "1 map changed (compared main with the working tree)"
    assert "  Booking a trip  (docs/journeys/booking.journey.yml)" not in result.stdout  # two spaces, no indent
    assert "Booking a trip  (docs/journeys/booking.journey.yml)" in result.stdout.splitlines()


def test_base_without_changes_says_so(repo: GitRepo) -> None:
    result = run("diff", "--base", "main")
    assert (result.exit_code, result.stdout) == (0, "No changes to the journey maps.\n")


def test_base_with_head_and_a_path(repo: GitRepo) -> None:
    repo.write("journeys/booking.journey.yml", BETTER)
    repo.write("journeys/other.journey.yml", OLD.replace("Booking a trip", "Other"))
    repo.commit("Better, and another map")
    result = run("diff", "--base", "HEAD~1", "--head", "HEAD", "--format", "json", "docs/journeys/booking.journey.yml")
    data = json.loads(result.stdout)
    assert [(m["status"], m["title"]) for m in data["maps"]] == [("changed", "Booking a trip")]
    assert (data["base"], data["head"]) == ("HEAD~1", "HEAD")


def test_an_unknown_ref_exits_two_with_the_fix(repo: GitRepo) -> None:
    result = run("diff", "--base", "origin/main")
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == ("Error: unknown git ref `origin/main`; check the name, or fetch it first "
                                     "(`git fetch origin main`)")


def test_outside_git_exits_two(project: Path) -> None:
    put(project, "docs/a.journey.yml", OLD)
    result = run("diff", "--base", "main")
    assert result.exit_code == 2 and "is not inside a git repository" in result.stderr


def test_markdown_for_a_pull_request(repo: GitRepo) -> None:
    repo.write("journeys/booking.journey.yml", WORSE)
    result = run("diff", "--base", "main", "--format", "markdown")
    assert result.stdout.startswith("<!-- mkdocs-journey-diff -->\n### Journey maps: 1 map changed\n")
    assert "[Booking a trip](https://trips.example.org/docs/journeys/booking/)" in result.stdout
    assert "| 🙂 4 positive → 😣 1 very negative 🔴 |" in result.stdout


@pytest.mark.parametrize(("args", "error"), [
    (["diff", "--base", "main", "docs/nope"], "`docs/nope` exists neither here nor at `main`"),
    (["diff", "--base", "main", "/"], "is outside the git repository at"),
])
def test_a_path_that_is_not_there_is_an_error(repo: GitRepo, args: list[str], error: str) -> None:
    result = run(*args)
    assert result.exit_code == 2 and result.stdout == "" and error in result.stderr, result.stderr


def test_a_deleted_path_is_still_compared(repo: GitRepo) -> None:
    (repo.docs / "journeys/booking.journey.yml").unlink()
    result = run("diff", "--base", "main", "docs/journeys/booking.journey.yml")
    assert result.exit_code == 0 and "map removed" in result.stdout


def test_no_docs_folder_and_no_path(repo: GitRepo) -> None:
    shutil.rmtree(repo.docs)
    result = run("diff", "--base", "main")
    assert result.exit_code == 2 and "no docs folder" in result.stderr
