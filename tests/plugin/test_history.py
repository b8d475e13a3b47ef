"""The History section of a map page: the commits that changed its file, from one git log per build."""

from __future__ import annotations

import logging
import subprocess
from pathlib import Path

import pytest

from ..gitrepo import Repo
from .conftest import DUTCH_MAP, Project, page_path, plugin_records, soup


def commit_versions(project: Project, repo: Repo) -> list[str]:
    """Three commits of the Dutch map (emotion of the website 2, 3, 4), the English map once."""
    shas = []
    for score, subject in ((2, "Eerste versie van de kaart"), (3, "Interviews verwerkt"), (4, "Filters live")):
        project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", f"emotion: {score}"))
        shas.append(repo.commit(subject))
    return shas


@pytest.fixture
def repo(project: Project) -> Repo:
    (project.root / ".gitignore").write_text("site/\nmkdocs.yml\n", encoding="utf-8")
    return Repo(project.root)


def entries(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.select_one(".journey-history__subject").get_text(strip=True) for e in page.select(".journey-history__entry")]


def test_three_commits_are_three_entries(project: Project, repo: Repo) -> None:
    shas = commit_versions(project, repo)
    site = project.build()
    page = soup(page_path(site, "journeys/rondreis/"))
    assert page.select_one("h2#journey-history").get_text(strip=True) == "Geschiedenis"
    assert entries(page) == ["Filters live", "Interviews verwerkt", "Eerste versie van de kaart"]
    assert page.select_one(".journey-history__count").get_text(strip=True) == "3 commits wijzigden deze kaart."
    first = page.select_one(".journey-history__entry")
    assert first.select_one("time")["datetime"] == "2026-10-04"
    assert first.select_one("time").get_text() == "4 oktober 2026"
    assert first.select_one(".journey-history__author").get_text() == "Anna de Vries"
    assert first.select_one(".journey-history__sha").get_text() == shas[-1][:7]  # no repo_url: no link
    assert page.select_one(".journey-history__shallow") is None
    english = soup(page_path(site, "saas/trial/"))
    assert entries(english) == ["Eerste versie van de kaart"]


def test_commits_link_to_github(project: Project, repo: Repo) -> None:
    shas = commit_versions(project, repo)
    project.config["repo_url"] = "https://github.com/horizon/handboek"
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    links = [a["href"] for a in page.select("a.journey-history__subject")]
    assert links == [f"https://github.com/horizon/handboek/commit/{sha}" for sha in reversed(shas)]


def test_an_uncommitted_map_says_so(project: Project, repo: Repo) -> None:
    commit_versions(project, repo)
    project.write("journeys/nieuw.journey.yml", "title: Nieuw\nstages:\n  - name: A\n")
    page = soup(page_path(project.build(), "journeys/nieuw/"))
    assert page.select_one(".journey-history__count").get_text(strip=True) == "Nog niet vastgelegd in git."
    assert not page.select(".journey-history__entry")


def test_history_off(project: Project, repo: Repo) -> None:
    commit_versions(project, repo)
    project.set_options(history=False)
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one("#journey-history") is None


def test_outside_a_repository_no_section_and_no_warning(project: Project,
                                                         journey_log: pytest.LogCaptureFixture) -> None:
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one("#journey-history") is None
    assert plugin_records(journey_log, logging.WARNING) == []


def test_history_on_outside_a_repository_warns_once(project: Project, journey_log: pytest.LogCaptureFixture) -> None:
    project.set_options(history=True)
    project.build()
    [warning] = [r.getMessage() for r in plugin_records(journey_log, logging.WARNING)]
    assert "history: cannot read the maps' history from git" in warning and "not inside a git repository" in warning


def test_one_git_log_per_build_however_many_maps(project: Project, repo: Repo, tmp_path_factory: pytest.TempPathFactory,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    for n in range(12):
        project.write(f"extra/kaart-{n}.journey.yml", f"title: Kaart {n}\nstages:\n  - name: A\n")
    commit_versions(project, repo)
    # A `git` in front of the real one that notes each command it is asked to run.
    real = subprocess.run(["which", "git"], capture_output=True, text=True, check=True).stdout.strip()
    folder = tmp_path_factory.mktemp("bin")
    calls = folder / "calls.txt"
    wrapper = folder / "git"
    wrapper.write_text(f'#!/bin/sh\necho "$1" >> "{calls}"\nexec "{real}" "$@"\n', encoding="utf-8")
    wrapper.chmod(0o755)
    monkeypatch.setenv("PATH", f"{folder}:{Path(real).parent}")
    project.build()
    assert calls.read_text().split() == ["rev-parse", "log", "rev-parse"]  # find, the log, is_shallow


def test_history_trend(project: Project, repo: Repo) -> None:
    commit_versions(project, repo)
    project.set_options(history_trend=2)
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in page.select(".journey-trend__table tbody tr")]
    # The last two versions, oldest first: the website at 3, then 4, with Google at 4; the
    # pain at Google is not addressed (the seo item addresses it, so none is open).
    assert [row[1:] for row in rows] == [["3,5", "0"], ["4,0", "0"]]
    assert rows[1][0].startswith("4 oktober 2026")
    chart = page.select_one(".journey-trend__chart")
    assert chart["aria-hidden"] == "true" and chart.select_one(".journey-trend__average")["d"].startswith("M ")


def test_no_trend_by_default(project: Project, repo: Repo) -> None:
    commit_versions(project, repo)
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    assert page.select_one(".journey-trend") is None


def test_a_version_that_does_not_load_has_no_numbers_in_the_trend(project: Project, repo: Repo) -> None:
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP)
    repo.commit("Goed")
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotoin: 2"))
    repo.commit("Typfout")
    project.write("journeys/rondreis.journey.yml", DUTCH_MAP.replace("emotion: 2", "emotion: 4").replace(
        "addresses: [afweging/website]", "addresses: []"))
    repo.commit("Hersteld, maar de filters pakken de website niet meer aan")
    project.set_options(history_trend=5)
    page = soup(page_path(project.build(), "journeys/rondreis/"))
    rows = [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])][1:]
            for row in page.select(".journey-trend__table tbody tr")]
    assert rows == [["3,0", "0"], ["—", "—"], ["4,0", "2"]]
    assert len(page.select(".journey-trend__pains")) == 1  # one bar: the version with open pains
