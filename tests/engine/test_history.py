"""History from git: every map's commits from one ``git log``, renames followed, shallow clones said."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from mkdocs_journey.engine.git import Repository, file_histories, journey_pathspecs, read_blobs
from mkdocs_journey.engine.history import SHOWN, commit_links, map_history

from ..files import put
from ..gitrepo import Repo, git

MAP = "title: Trip\nstages:\n  - name: Search\n    touchpoints:\n      - {{name: Google, emotion: {score}}}\n"


def test_three_commits_of_a_map_are_three_entries_newest_first(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    put(tmp_path, "docs/trip.journey.yml", MAP.format(score=2))
    put(tmp_path, "docs/other.journey.yml", MAP.format(score=3))
    repo.commit("First draft of the trip")
    put(tmp_path, "docs/trip.journey.yml", MAP.format(score=3))
    put(tmp_path, "docs/index.md", "# Not a map\n")
    repo.commit("Interviews: Google is better than we thought")
    put(tmp_path, "docs/other.journey.yml", MAP.format(score=4))
    repo.commit("Only the other map")
    put(tmp_path, "docs/trip.journey.yml", MAP.format(score=4))
    repo.commit("Validated with customers")
    histories = file_histories(Repository.find(tmp_path / "docs"), "docs",
                               ["docs/trip.journey.yml", "docs/other.journey.yml", "docs/new.journey.yml"])
    assert [c.subject for c in histories["docs/trip.journey.yml"]] == [
        "Validated with customers", "Interviews: Google is better than we thought", "First draft of the trip"]
    assert [c.subject for c in histories["docs/other.journey.yml"]] == ["Only the other map", "First draft of the trip"]
    assert histories["docs/new.journey.yml"] == []
    first = histories["docs/trip.journey.yml"][0]
    assert (first.author, first.date[:10], len(first.sha)) == ("Anna de Vries", "2026-10-05", 40)


def test_a_renamed_map_keeps_its_history(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    put(tmp_path, "docs/old-name.journey.yml", MAP.format(score=2))
    repo.commit("Start")
    git(tmp_path, "mv", "docs/old-name.journey.yml", "docs/trip.journey.yml")
    repo.commit("Rename the map")
    put(tmp_path, "docs/trip.journey.yml", MAP.format(score=5))
    repo.commit("Better")
    history = file_histories(Repository.find(tmp_path), "docs", ["docs/trip.journey.yml"])["docs/trip.journey.yml"]
    assert [(c.subject, c.path) for c in history] == [
        ("Better", "docs/trip.journey.yml"), ("Rename the map", "docs/trip.journey.yml"),
        ("Start", "docs/old-name.journey.yml")]
    blobs = read_blobs(Repository.find(tmp_path), [f"{c.sha}:{c.path}" for c in history] + ["HEAD:nothing.yml"])
    assert [blobs[f"{c.sha}:{c.path}"] for c in history] == [
        MAP.format(score=5).encode(), MAP.format(score=2).encode(), MAP.format(score=2).encode()]
    assert blobs["HEAD:nothing.yml"] is None


def test_a_repository_without_commits_has_no_history(tmp_path: Path) -> None:
    Repo(tmp_path)
    put(tmp_path, "docs/trip.journey.yml", MAP.format(score=2))
    assert file_histories(Repository.find(tmp_path), "docs", ["docs/trip.journey.yml"]) == {
        "docs/trip.journey.yml": []}


def test_a_shallow_clone_is_known_as_one(tmp_path: Path) -> None:
    origin = tmp_path / "origin"
    origin.mkdir()
    repo = Repo(origin)
    for score in (2, 3, 4):
        put(origin, "docs/trip.journey.yml", MAP.format(score=score))
        repo.commit(f"Emotion {score}")
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{origin}", "clone")
    clone = Repository.find(tmp_path / "clone")
    assert clone.is_shallow() and not Repository.find(origin).is_shallow()
    history = file_histories(clone, "docs", ["docs/trip.journey.yml"])["docs/trip.journey.yml"]
    assert [c.subject for c in history] == ["Emotion 4"]


def test_pathspecs_name_journey_files_below_the_folder() -> None:
    assert journey_pathspecs("docs") == [":(glob)docs/**/*.journey.yml", ":(glob)docs/**/*.journey.yaml"]
    assert journey_pathspecs("") == [":(glob)**/*.journey.yml", ":(glob)**/*.journey.yaml"]


def test_commit_links_on_github_and_gitlab_only() -> None:
    sha = "0123456789abcdef0123456789abcdef01234567"
    assert commit_links("https://github.com/team/site")(sha) == f"https://github.com/team/site/commit/{sha}"
    assert commit_links("https://github.com/team/site.git/")(sha) == f"https://github.com/team/site/commit/{sha}"
    assert commit_links("https://gitlab.com/team/site")(sha) == f"https://gitlab.com/team/site/-/commit/{sha}"
    assert commit_links("https://gitlab.example.org/team/site")(sha) == (
        f"https://gitlab.example.org/team/site/-/commit/{sha}")
    assert commit_links("https://bitbucket.org/team/site")(sha) is None
    assert commit_links("javascript:alert(1)//github.com/")(sha) is None
    assert commit_links(None)(sha) is None


def test_at_most_ten_entries_with_the_total(tmp_path: Path) -> None:
    repo = Repo(tmp_path)
    for n in range(SHOWN + 2):
        put(tmp_path, "docs/trip.journey.yml", MAP.format(score=1 + n % 5))
        repo.commit(f"Version {n + 1}")
    commits = file_histories(Repository.find(tmp_path), "docs", ["docs/trip.journey.yml"])["docs/trip.journey.yml"]
    history = map_history(commits, shallow=False, link=commit_links(None))
    assert history.total == SHOWN + 2 and len(history.entries) == SHOWN
    assert history.entries[0].subject == "Version 12" and history.entries[0].day == date(2026, 10, 13)
