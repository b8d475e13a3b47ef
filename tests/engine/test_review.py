"""Comparing a docs folder with a git ref: real repositories, real files, git's own rename detection."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest

from mkdocs_journey.engine.diff import ChangeKind
from mkdocs_journey.engine.git import GitError, Repository
from mkdocs_journey.engine.review import Review, compare_git, page_path
from mkdocs_journey.engine.settings import BuildSettings

from ..git_repo import GitRepo

MAP = """\
title: Booking a trip
persona: mark
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
"""
OTHER = """\
title: Support
persona: mark
stages:
  - name: Help
    touchpoints:
      - name: Phone
        emotion: 3
"""
MARK = "name: Mark\nrole: Traveller\n"
SETTINGS = BuildSettings(today=date(2026, 11, 1))


@pytest.fixture
def repo(tmp_path: Path) -> GitRepo:
    repo = GitRepo(tmp_path / "project")
    repo.write("journeys/booking.journey.yml", MAP)
    repo.write("journeys/support.journey.yml", OTHER)
    repo.write("personas/mark.persona.yml", MARK)
    repo.commit("First maps")
    return repo


def review(repo: GitRepo, base: str = "HEAD", head: str | None = None, *paths: Path) -> Review:
    return compare_git(Repository.find(repo.docs), base, head, repo.docs, list(paths), SETTINGS)


def test_a_changed_map_in_the_working_tree(repo: GitRepo) -> None:
    repo.write("journeys/booking.journey.yml", MAP.replace("emotion: 2", "emotion: 4"))
    result = review(repo)
    assert [(m.status, m.name, m.page) for m in result.maps] == [
        ("changed", str(repo.docs / "journeys/booking.journey.yml"), "journeys/booking/")]
    item = result.maps[0]
    assert item.changes is not None and item.changes.summary.better == 1
    assert result.changed and not result.errors and result.base == "HEAD" and result.head is None


def test_a_new_untracked_map_is_added_and_a_deleted_one_removed(repo: GitRepo) -> None:
    repo.write("journeys/new.journey.yml", OTHER.replace("Support", "Returns"))
    (repo.docs / "journeys/support.journey.yml").unlink()
    result = review(repo)
    assert sorted((m.status, m.title) for m in result.maps) == [("added", "Returns"), ("removed", "Support")]
    assert all(m.changes is None for m in result.maps)


def test_a_renamed_map_is_one_map_with_its_changes(repo: GitRepo) -> None:
    repo.git("mv", "docs/journeys/booking.journey.yml", "docs/journeys/trip.journey.yml")
    repo.write("journeys/trip.journey.yml", MAP.replace("emotion: 4", "emotion: 3"))
    result = review(repo)
    (item,) = result.maps
    assert (item.status, item.old_name, item.page) == (
        "renamed", str(repo.docs / "journeys/booking.journey.yml"), "journeys/trip/")
    assert item.changes is not None
    assert [c.kind for c in item.changes.changes if c.kind is ChangeKind.EMOTION] == [ChangeKind.EMOTION]


def test_a_file_renamed_into_a_map_name_is_a_new_map(repo: GitRepo) -> None:
    repo.write("journeys/draft.yml", OTHER.replace("Support", "Draft"))
    repo.commit("A draft, not yet a map")
    repo.git("mv", "docs/journeys/draft.yml", "docs/journeys/draft.journey.yml")
    assert [(m.status, m.title) for m in review(repo).maps] == [("added", "Draft")]


def test_between_two_commits_with_head(repo: GitRepo) -> None:
    first = repo.git("rev-parse", "HEAD").strip()
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 1"))
    repo.commit("Phone got worse")
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 5"))  # not committed
    result = review(repo, first, "HEAD")
    (item,) = result.maps
    assert item.changes is not None and item.changes.summary.worse == 1
    assert (result.base, result.head) == (first, "HEAD")


def test_a_persona_file_change_is_reported_once_with_the_maps_that_use_it(repo: GitRepo) -> None:
    repo.write("personas/mark.persona.yml", MARK.replace("Traveller", "Frequent traveller"))
    result = review(repo)
    assert result.maps == []
    (persona,) = result.personas
    assert (persona.status, persona.persona, persona.maps) == ("changed", "Mark", ["Booking a trip", "Support"])
    assert [(c.field, c.before, c.after) for c in persona.changes] == [("role", "Traveller", "Frequent traveller")]


def test_a_map_and_its_persona_changed_reports_the_persona_once(repo: GitRepo) -> None:
    repo.write("personas/mark.persona.yml", MARK.replace("Traveller", "Frequent traveller"))
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 4"))
    result = review(repo)
    (item,) = result.maps
    assert item.changes is not None
    assert not [c for c in item.changes.all_changes() if c.subject.kind == "persona"]
    assert len(result.personas) == 1


def test_only_the_paths_asked_for(repo: GitRepo) -> None:
    repo.write("journeys/booking.journey.yml", MAP.replace("emotion: 2", "emotion: 4"))
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 4"))
    result = review(repo, "HEAD", None, repo.docs / "journeys/support.journey.yml")
    assert [m.title for m in result.maps] == ["Support"]


def test_a_file_whose_map_did_not_change_is_not_a_change(repo: GitRepo) -> None:
    repo.write("journeys/support.journey.yml", "# A comment\n" + OTHER)
    result = review(repo)
    assert [m.status for m in result.maps] == ["unchanged"] and not result.changed


def test_errors_in_either_version_are_collected_with_their_version(repo: GitRepo) -> None:
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 9"))
    repo.commit("A broken map")
    repo.write("journeys/support.journey.yml", OTHER)
    result = review(repo)
    assert result.maps == []
    assert [(f.path, f.line) for f in result.errors] == [("HEAD:docs/journeys/support.journey.yml", 7)]
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 0"))
    result = review(repo, "HEAD~1")
    assert [(f.path, f.line) for f in result.errors] == [(str(repo.docs / "journeys/support.journey.yml"), 7)]


def test_a_map_at_the_base_sees_the_personas_and_images_of_that_time(repo: GitRepo) -> None:
    # The base version names a persona file that no longer exists in the working tree.
    (repo.docs / "personas/mark.persona.yml").unlink()
    repo.write("journeys/booking.journey.yml", MAP.replace("persona: mark\n", ""))
    repo.write("journeys/support.journey.yml", OTHER.replace("persona: mark\n", ""))
    result = review(repo)
    assert not result.errors, [e.format_text() for e in result.errors]
    assert {m.title for m in result.maps} == {"Booking a trip", "Support"}
    assert [p.status for p in result.personas] == ["removed"]


def test_an_unknown_ref_names_the_fix(repo: GitRepo) -> None:
    with pytest.raises(GitError, match=r"unknown git ref `nope`; check the name, or fetch it first"):
        review(repo, "nope")
    with pytest.raises(GitError, match=r"unknown git ref `--output=x`"):
        review(repo, "--output=x")


def test_a_shallow_clone_without_the_ref_says_so(repo: GitRepo, tmp_path: Path) -> None:
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 1"))
    repo.commit("Second")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    with pytest.raises(GitError, match=r"shallow clone.*`fetch-depth: 0`"):
        compare_git(Repository.find(clone / "docs"), "HEAD~1", None, clone / "docs", [], SETTINGS)


def test_outside_a_repository(tmp_path: Path) -> None:
    folder = tmp_path / "plain"
    folder.mkdir()
    with pytest.raises(GitError, match="is not inside a git repository"):
        Repository.find(folder)


@pytest.mark.parametrize(("source", "directory_urls", "page"), [
    ("journeys/booking.journey.yml", True, "journeys/booking/"),
    ("journeys/booking.journey.yml", False, "journeys/booking.html"),
    ("journeys/index.journey.yml", True, "journeys/"),
    ("journeys/index.journey.yml", False, "journeys/index.html"),
    ("index.journey.yaml", True, ""),
    ("trip.journey.yml", False, "trip.html"),
])
def test_page_paths_follow_the_url_style(source: str, directory_urls: bool, page: str) -> None:
    assert page_path(source, directory_urls) == page


def test_a_shallow_clone_works_once_the_base_is_fetched(repo: GitRepo, tmp_path: Path) -> None:
    base = repo.git("rev-parse", "HEAD").strip()
    repo.write("journeys/support.journey.yml", OTHER.replace("emotion: 3", "emotion: 1"))
    repo.commit("Second")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.root}", str(clone)], check=True)
    subprocess.run(["git", "fetch", "-q", "--depth", "1", "origin", base], cwd=clone, check=True)
    result = compare_git(Repository.find(clone / "docs"), base, None, clone / "docs", [], SETTINGS)
    assert [(m.status, m.title) for m in result.maps] == [("changed", "Support")]
